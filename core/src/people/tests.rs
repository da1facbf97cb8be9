use super::*;
use crate::directory::GroupInput;
use crate::FixedClock;
use chrono::{TimeZone, Utc};

fn clock() -> FixedClock {
    FixedClock::new(Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap())
}

fn person(name: &str, phone: &str, role: Role) -> PersonInput {
    PersonInput { name: name.into(), phone: phone.into(), role, ..PersonInput::default() }
}

#[test]
fn phone_numbers_are_checked_for_dialling_and_kept_as_typed() {
    for good in ["+1 (555) 010-2030", "555.010.2030", "07700 900123", "911", "+44 7700 900123"] {
        assert!(is_phone_number(good), "{good}");
    }
    for bad in ["call me", "555-CALL-NOW", "12", "1+555", "++1555", "555 0100 ext 2", "", "+1 555 0100 #"] {
        assert!(!is_phone_number(bad), "{bad}");
    }
    assert_eq!(dial_digits("+1 (555) 010-2030"), "+15550102030");
    assert_eq!(dial_digits("555.010.2030"), "5550102030");

    let mut store = Store::open_in_memory().unwrap();
    let sam = store.create_person(&person("  Sam  ", "+1 (555) 010-2030", Role::Sponsor), &clock()).unwrap();
    assert_eq!((sam.name.as_str(), sam.phone.as_str()), ("Sam", "+1 (555) 010-2030"), "nothing reformatted");
    assert_eq!((sam.tel_uri.as_str(), sam.sms_uri.as_str()), ("tel:+15550102030", "sms:+15550102030"));
}

#[test]
fn bad_input_names_its_field_and_saves_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let cases = [
        (person("   ", "555 0100", Role::Other), "name"),
        (person("Sam", "555-CALL", Role::Other), "phone"),
        (person("Sam", "", Role::Other), "phone"),
        (
            PersonInput { other_contact: Some("not an email".into()), ..person("Sam", "5550100", Role::Other) },
            "other_contact",
        ),
        (PersonInput { note: "x".repeat(MAX_PERSON_NOTE + 1), ..person("Sam", "5550100", Role::Other) }, "note"),
        (PersonInput { group_id: Some(99), ..person("Sam", "5550100", Role::Other) }, "group_id"),
        (PersonInput { meeting_id: Some(99), ..person("Sam", "5550100", Role::Other) }, "meeting_id"),
    ];
    for (input, field) in cases {
        let e = store.create_person(&input, &clock()).unwrap_err();
        assert_eq!(e.payload().field.as_deref(), Some(field), "{e}");
    }
    assert!(store.people(PeopleOf::Everyone).unwrap().is_empty());
    let email = PersonInput { other_contact: Some("sam@example.org".into()), ..person("Sam", "5550100", Role::Other) };
    assert_eq!(store.create_person(&email, &clock()).unwrap().other_contact.as_deref(), Some("sam@example.org"));
}

#[test]
fn sponsors_come_first_and_a_group_lists_the_people_linked_to_it() {
    let mut store = Store::open_in_memory().unwrap();
    let group =
        store.create_group(&GroupInput { name: "Tuesday group".into(), ..GroupInput::default() }, &clock()).unwrap();
    let alex = store.create_person(&person("Alex", "5550101", Role::ProgramFriend), &clock()).unwrap();
    store.create_person(&person("Zoe", "5550102", Role::Sponsor), &clock()).unwrap();
    store
        .create_person(&PersonInput { group_id: Some(group.id), ..person("bea", "5550103", Role::HomeGroup) }, &clock())
        .unwrap();
    let names: Vec<String> = store.people(PeopleOf::Everyone).unwrap().into_iter().map(|p| p.name).collect();
    assert_eq!(names, ["Zoe", "bea", "Alex"]);
    let of_group = store.people(PeopleOf::Group(group.id)).unwrap();
    assert_eq!((of_group.len(), of_group[0].group_name.as_deref()), (1, Some("Tuesday group")));

    let edited = store.update_person(alex.id, &person("Alex K", "5550101", Role::Sponsee), &clock()).unwrap();
    assert_eq!((edited.name.as_str(), edited.role), ("Alex K", Role::Sponsee));
    store.delete_person(alex.id).unwrap();
    assert_eq!(store.delete_person(alex.id).unwrap_err().kind(), crate::ErrorKind::NotFound);
    // A deleted group leaves its people, unlinked.
    store.delete_group(group.id).unwrap();
    assert_eq!(store.people(PeopleOf::Everyone).unwrap().iter().filter(|p| p.group_id.is_some()).count(), 0);
}
