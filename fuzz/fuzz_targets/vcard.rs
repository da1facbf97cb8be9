//! Any bytes as a contacts (vCard) file: reading never panics, a refusal names the file, and every
//! contact read has a name and a phone number.
#![no_main]

use homegroup_core::people::vcard::read_vcards;
use homegroup_core::Error;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| match read_vcards(bytes) {
    Ok(read) => {
        for contact in &read.contacts {
            assert!(!contact.name.trim().is_empty(), "a contact without a name");
            assert!(contact.name.chars().count() <= 200, "a name longer than 200 characters");
            assert!(contact.phones.iter().all(|p| !p.trim().is_empty()), "an empty phone number");
            assert!(!contact.phones.is_empty(), "a contact without a phone number");
            assert!(contact.note.as_ref().is_none_or(|n| n.chars().count() <= 2_000), "a note too long");
        }
    }
    Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "file"),
    Err(other) => panic!("a file error of the wrong kind: {other:?}"),
});
