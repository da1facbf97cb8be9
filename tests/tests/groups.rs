//! The group directory, end to end: search, favourites across a restart, and the user's own group.

use homegroup_e2e::harness::{App, Profile};
use thirtyfour::prelude::*;

#[tokio::test]
async fn search_favourite_and_add_a_local_group() {
    let profile = Profile::new();
    let app = App::start(&profile).await;

    // Search "families": the family groups come first, before any group that only mentions families.
    app.click("[data-testid=tab-groups]").await;
    app.find("[data-testid=entry-fellowship-aa]").await;
    app.find("[data-testid=directory-search]").await.send_keys("families").await.unwrap();
    // Each keystroke searches; wait for the last search's answer (AA matches "f", not "families").
    app.wait_until_gone("[data-testid=entry-fellowship-aa]").await;
    app.wait_for_attr("[data-testid=directory-list] li", "data-testid", "entry-fellowship-fa").await;
    let mut order = Vec::new();
    for item in app.driver.find_all(By::Css("[data-testid=directory-list] li")).await.unwrap() {
        order.push(item.attr("data-testid").await.unwrap().unwrap_or_default());
    }
    let position = |id: &str| order.iter().position(|o| o == &format!("entry-fellowship-{id}"));
    // NA is for the person; its entry only mentions family members (its open meetings welcome
    // them): it is listed, below every group for families.
    let na = position("na").unwrap_or_else(|| panic!("NA mentions families and is listed: {order:?}"));
    for family in ["al-anon", "nar-anon", "pal"] {
        let at = position(family).unwrap_or_else(|| panic!("{family} is a family group: {order:?}"));
        assert!(at < na, "{family}, for families, ranks above NA, a mention: {order:?}");
    }
    let hash = app.driver.execute("return location.hash", vec![]).await.unwrap();
    assert_eq!(hash.json().as_str(), Some("#/groups?q=families"), "the search lives in the route");
    app.screenshot("groups-families").await;

    // Favourite Al-Anon from the list.
    app.click("[data-testid=entry-fellowship-al-anon] [data-testid=favourite]").await;
    app.wait_for_attr("[data-testid=entry-fellowship-al-anon] [data-testid=favourite]", "aria-pressed", "true").await;

    // A local group: a website that is not a web address is refused with a message, then fixed.
    app.click("[data-testid=tab-groups]").await;
    app.click("[data-testid=add-group]").await;
    app.find("[data-testid=group-name-input]").await.send_keys("Tuesday Night Serenity").await.unwrap();
    app.find("[data-testid=group-website-input]").await.send_keys("serenity.example.org").await.unwrap();
    app.click("[data-testid=save-group]").await;
    let message = app.wait_for_text("[data-testid=website-error]", "https://").await;
    assert!(message.contains("website"), "the message names the field: {message}");
    let website = app.find("[data-testid=group-website-input]").await;
    website.clear().await.unwrap();
    website.send_keys("https://serenity.example.org").await.unwrap();
    app.click("[data-testid=save-group]").await;
    app.wait_for_text("[data-testid=group-name]", "Tuesday Night Serenity").await;
    app.stop().await;

    // After a restart, Al-Anon is still a favourite and shows on Today; the group is still there.
    let app = App::start(&profile).await;
    let favourites = app.wait_for_text("[data-testid=today-favourites]", "Al-Anon Family Groups").await;
    assert!(!favourites.contains("Narcotics"));
    app.screenshot("today-favourites").await;
    app.click("[data-testid=tab-groups]").await;
    app.wait_for_attr("[data-testid=entry-fellowship-al-anon] [data-testid=favourite]", "aria-pressed", "true").await;
    let first = app.find("[data-testid=directory-list] li").await.attr("data-testid").await.unwrap();
    assert_eq!(first.as_deref(), Some("entry-fellowship-al-anon"), "favourites come first");
    app.find("[data-testid=directory-search]").await.send_keys("serenity").await.unwrap();
    app.wait_until_gone("[data-testid=entry-fellowship-al-anon]").await;
    let list = app.wait_for_text("[data-testid=directory-list]", "Tuesday Night Serenity").await;
    assert!(list.contains("My group"), "the user's own group is marked as theirs: {list}");
    app.stop().await;
}
