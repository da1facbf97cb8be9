//! Guidance, end to end: the topics, a page, the checklist and its link into the directory, with the
//! crisis numbers on every view.

use homegroup_e2e::harness::{App, Profile};

/// The route the app is on.
async fn hash(app: &App) -> String {
    let value = app.driver.execute("return location.hash", vec![]).await.expect("location.hash");
    value.json().as_str().unwrap_or_default().to_owned()
}

/// The crisis card (or page) is shown, with both numbers.
async fn assert_crisis_visible(app: &App, view: &str) {
    let text = app.wait_for_text("[data-testid=crisis]", "1-800-662-4357").await;
    assert!(text.contains("988"), "{view}: the 988 Lifeline is shown: {text}");
    let crisis = app.find("[data-testid=crisis]").await;
    assert!(crisis.is_displayed().await.unwrap(), "{view}: the crisis resources are visible");
    let phone = app.find("[data-testid=crisis] a[href='tel:+18006624357']").await;
    let class = phone.attr("class").await.unwrap().unwrap_or_default();
    assert!(class.split(' ').any(|c| c == "button"), "{view}: the number is a button: {class}");
}

#[tokio::test]
async fn read_a_page_use_the_checklist_and_find_family_groups() {
    let profile = Profile::new();
    let app = App::start(&profile).await;

    // The topics, with the crisis numbers.
    app.click("[data-testid=tab-guidance]").await;
    app.wait_for_text("[data-testid=screen-guidance] h1", "Guidance").await;
    app.find("[data-testid=guidance-topic-what-is-peer-support]").await;
    assert_crisis_visible(&app, "index").await;
    app.screenshot("guidance-index").await;

    // Search finds the page for families.
    app.find("[data-testid=guidance-search]").await.send_keys("families").await.unwrap();
    app.find("[data-testid=guidance-hit-family-and-friends]").await;
    assert_eq!(hash(&app).await, "#/guidance?q=families", "the search lives in the route");
    app.click("[data-testid=tab-guidance]").await;
    app.wait_until_gone("[data-testid=guidance-hit-family-and-friends]").await;

    // A page: its title, its contents, the crisis numbers; a contents link scrolls without
    // breaking the hash route.
    app.click("[data-testid=guidance-topic-when-to-join]").await;
    app.wait_for_text("[data-testid=guidance-title]", "When to join a group").await;
    assert_eq!(hash(&app).await, "#/guidance/when-to-join");
    app.wait_for_text("[data-testid=guidance-content]", "People come to their first group at every stage of recovery")
        .await;
    assert_crisis_visible(&app, "when-to-join").await;
    app.click("nav[aria-labelledby=toc-title] a[href$='section=try-the-checklist']").await;
    app.wait_for_attr("[data-testid=guidance-content] h2[id=try-the-checklist]", "tabindex", "-1").await;
    assert_eq!(hash(&app).await, "#/guidance/when-to-join?section=try-the-checklist");
    app.find("[data-testid=guidance-title]").await;
    app.screenshot("guidance-when-to-join").await;

    // The checklist, reached from the page's own link.
    app.click("[data-testid=guidance-content] a[href='#/guidance/checklist']").await;
    app.wait_for_text("[data-testid=screen-guidance] h1", "Is now a good time?").await;
    assert_crisis_visible(&app, "checklist").await;
    app.click("[data-testid=checklist-sign-family]").await;
    assert!(app.find("[data-testid=checklist-sign-family]").await.is_selected().await.unwrap());
    app.click("[data-testid=checklist-submit]").await;
    let steps = app.wait_for_text("[data-testid=next-steps]", "Groups for families and friends").await;
    assert!(steps.contains("Your own well-being matters too"), "the step for families: {steps}");
    assert!(!steps.contains("score"), "no score: {steps}");
    app.screenshot("guidance-checklist").await;

    // Its link leads to the groups for families.
    app.click("[data-testid=next-steps] a[href='#/groups?for=family']").await;
    app.find("[data-testid=screen-groups]").await;
    app.find("[data-testid=entry-fellowship-al-anon]").await;
    let route = hash(&app).await;
    assert!(route.contains("for=family"), "the directory is filtered for families: {route}");
    app.screenshot("guidance-family-groups").await;
    app.stop().await;
}
