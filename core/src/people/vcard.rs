//! Reading contacts from a phone's export (a `.vcf` vCard file), so the user can pick their sponsor
//! and friends from it instead of typing them. Only a name, the phone numbers, one email and the
//! note are kept; photos and everything else stay behind. The vCard syntax itself (2.1 with its
//! quoted-printable and character sets, 3.0, 4.0, folded lines) is read by `calcard`.

use calcard::vcard::{VCard, VCardProperty, VCardValue};
use calcard::{Entry, Parser};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Error, Result};

/// Largest file accepted, and most contacts.
pub const MAX_VCARD_BYTES: usize = 10 * 1024 * 1024;
pub const MAX_VCARD_CONTACTS: usize = 5_000;

/// Longest name and note kept: the same limits as a person typed in by hand.
const MAX_NAME_CHARS: usize = 200;
const MAX_NOTE_CHARS: usize = 2_000;

/// One contact that can become a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VCardContact {
    pub name: String,
    /// Every number of the contact, as the phone wrote it.
    pub phones: Vec<String>,
    pub email: Option<String>,
    pub note: Option<String>,
}

/// A card that was left out, and why, so the user knows it was not lost silently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VCardProblem {
    /// 0-based position of the card in the file
    pub index: u32,
    pub name: Option<String>,
    pub message: String,
}

/// What a file gave: the contacts that can be added and the cards that cannot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VCardRead {
    pub contacts: Vec<VCardContact>,
    pub skipped: Vec<VCardProblem>,
}

// The catalogue's ids of what a refused file or card says.
const TOO_LARGE: &str = "vcard-too-large";
const TOO_MANY: &str = "vcard-too-many";
const EMPTY: &str = "vcard-empty";
const NOT_TEXT: &str = "vcard-not-text";
const NOT_VCARD: &str = "vcard-not-vcard";
const CUT_OFF: &str = "vcard-cut-off";
const DAMAGED: &str = "vcard-damaged";
const NO_NAME: &str = "vcard-no-name";
const NO_PHONE: &str = "vcard-no-phone";

/// The refusal of a file over [`MAX_VCARD_BYTES`], for a caller that checks the size first.
pub(super) fn too_large() -> Error {
    Error::invalid_key("file", TOO_LARGE)
}

/// Reads every card of a vCard file. A file that cannot be read as a whole is refused with one
/// plain message (field `file`); a card without a name or a phone number is listed in `skipped`.
pub fn read_vcards(bytes: &[u8]) -> Result<VCardRead> {
    let file_error = |key: &'static str| Error::invalid_key("file", key);
    if bytes.len() > MAX_VCARD_BYTES {
        return Err(file_error(TOO_LARGE));
    }
    // A NUL never appears in a text export; it does in binary files and in UTF-16 text.
    let text = match std::str::from_utf8(bytes) {
        Ok(text) if !text.contains('\0') => text,
        _ => return Err(file_error(NOT_TEXT)),
    };
    // Some exports start with a byte order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(file_error(EMPTY));
    }
    if !text.as_bytes().windows(11).any(|w| w.eq_ignore_ascii_case(b"BEGIN:VCARD")) {
        return Err(file_error(NOT_VCARD));
    }

    // Strict: a card without its END, or a line that is not a property, is a broken file rather
    // than a card quietly merged with the next one.
    let mut parser = Parser::new(text).strict();
    let mut read = VCardRead { contacts: Vec::new(), skipped: Vec::new() };
    let mut index: u32 = 0;
    loop {
        match parser.entry() {
            Entry::VCard(card) => {
                if index as usize >= MAX_VCARD_CONTACTS {
                    return Err(file_error(TOO_MANY));
                }
                match contact(&card) {
                    Ok(contact) => read.contacts.push(contact),
                    Err((name, key)) => {
                        // Worded now, in the language the app shows.
                        let message = crate::i18n::text(crate::i18n::current(), key, &[]);
                        read.skipped.push(VCardProblem { index, name, message })
                    }
                }
                index += 1;
            }
            Entry::Eof => break,
            Entry::UnterminatedComponent(_) | Entry::UnexpectedComponentEnd { .. } => return Err(file_error(CUT_OFF)),
            // A stray line, a calendar inside the file, or anything a newer calcard may add.
            _ => return Err(file_error(DAMAGED)),
        }
    }
    Ok(read)
}

/// The contact a card holds, or the card's name (when it has one) and why it was left out.
fn contact(card: &VCard) -> std::result::Result<VCardContact, (Option<String>, &'static str)> {
    let Some(name) = name(card) else {
        return Err((None, NO_NAME));
    };
    let phones: Vec<String> = texts(card, &VCardProperty::Tel).filter_map(|value| phone(&value)).collect();
    if phones.is_empty() {
        return Err((Some(name), NO_PHONE));
    }
    let email = texts(card, &VCardProperty::Email).map(|value| value.trim().to_owned()).find(|v| !v.is_empty());
    let note =
        texts(card, &VCardProperty::Note).map(|value| cut(&clean_note(&value), MAX_NOTE_CHARS)).find(|v| !v.is_empty());
    Ok(VCardContact { name, phones, email, note })
}

/// FN, the name as the person wants it shown; else N's given and family names (4.0 requires FN,
/// but older phones sometimes wrote only N).
fn name(card: &VCard) -> Option<String> {
    let formatted = texts(card, &VCardProperty::Fn).map(|value| clean_line(&value)).find(|v| !v.is_empty());
    let assembled = || {
        let parts = &card.property(&VCardProperty::N)?.values;
        let part = |i: usize| parts.get(i).and_then(text).unwrap_or_default();
        Some(clean_line(&format!("{} {}", part(1), part(0)))).filter(|v| !v.is_empty())
    };
    let name = formatted.or_else(assembled)?;
    Some(cut(&name, MAX_NAME_CHARS))
}

/// The text values of every property of one kind, in the file's order; binary values are skipped.
fn texts<'a>(card: &'a VCard, property: &'a VCardProperty) -> impl Iterator<Item = String> + 'a {
    card.properties(property).flat_map(|entry| entry.values.iter().filter_map(text))
}

fn text(value: &VCardValue) -> Option<String> {
    match value {
        VCardValue::Text(text) => Some(text.clone()),
        // A structured part with several values, such as two given names.
        VCardValue::Component(parts) => Some(parts.join(" ")),
        _ => None,
    }
}

/// A number as written, without 4.0's `tel:` URI scheme; `None` when nothing is left.
fn phone(value: &str) -> Option<String> {
    let value = value.trim();
    let value = match value.get(..4) {
        Some(scheme) if scheme.eq_ignore_ascii_case("tel:") => value[4..].trim(),
        _ => value,
    };
    (!value.is_empty()).then(|| value.to_owned())
}

/// One line: line breaks, tabs and other control characters become single spaces.
fn clean_line(value: &str) -> String {
    value.split(|c: char| c.is_whitespace() || c.is_control()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Line breaks kept as `\n`; other control characters dropped.
fn clean_note(value: &str) -> String {
    value
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect::<String>()
        .trim()
        .to_owned()
}

/// At most `max` characters, never splitting one.
fn cut(value: &str, max: usize) -> String {
    match value.char_indices().nth(max) {
        Some((end, _)) => value[..end].trim_end().to_owned(),
        None => value.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const IOS: &[u8] = include_bytes!("../../../tests/fixtures/vcard/ios-3.0.vcf");
    const ANDROID: &[u8] = include_bytes!("../../../tests/fixtures/vcard/android-2.1.vcf");
    const V4: &[u8] = include_bytes!("../../../tests/fixtures/vcard/v4.0.vcf");

    fn person(name: &str, phones: &[&str], email: Option<&str>, note: Option<&str>) -> VCardContact {
        VCardContact {
            name: name.into(),
            phones: phones.iter().map(|p| p.to_string()).collect(),
            email: email.map(Into::into),
            note: note.map(Into::into),
        }
    }

    fn problem(index: u32, name: Option<&str>, key: &str) -> VCardProblem {
        let message = crate::i18n::text(crate::i18n::Locale::En, key, &[]);
        VCardProblem { index, name: name.map(Into::into), message }
    }

    /// The message of a refused file (its id in the catalogue), checking that it names the file.
    fn refusal(bytes: &[u8]) -> &'static str {
        match read_vcards(bytes) {
            Err(Error::InvalidInput { field, message }) => {
                assert_eq!(field, "file");
                message.key
            }
            other => panic!("expected the file to be refused, got {other:?}"),
        }
    }

    fn card(lines: &str) -> Vec<u8> {
        format!("BEGIN:VCARD\r\nVERSION:3.0\r\n{lines}END:VCARD\r\n").into_bytes()
    }

    #[test]
    fn reads_an_iphone_export() {
        let read = read_vcards(IOS).unwrap();
        assert_eq!(
            read.contacts,
            vec![
                person(
                    "Dana Rivera",
                    &["(555) 010-2233", "555-010-4455"],
                    Some("dana.rivera@example.com"),
                    Some(
                        "My sponsor. Call before 9 pm, any day. We meet for coffee after the Saturday morning \
                         meeting.\nShe said: call even when it feels hard."
                    ),
                ),
                person("Marcus Chen", &["+1 555 010 7788"], None, None),
                person("Hope Line Intergroup", &["555-0100"], None, None),
            ]
        );
        assert_eq!(read.skipped, vec![problem(3, Some("Ines Novak"), NO_PHONE)]);
    }

    #[test]
    fn reads_an_android_export_in_vcard_2_1() {
        let read = read_vcards(ANDROID).unwrap();
        assert_eq!(
            read.contacts,
            vec![
                person("José García", &["555-010-1422", "555-010-1999"], None, None),
                person(
                    "Zoë Hart",
                    &["+15550100177"],
                    Some("zoe.hart@example.org"),
                    Some("Met at the Tuesday night step meeting. Café after the meeting, most weeks.\nText first."),
                ),
                person("Chris Lee", &["555-010-6060"], None, None),
            ]
        );
        assert_eq!(read.skipped, vec![problem(2, Some("Ada Okafor"), NO_PHONE)]);
    }

    #[test]
    fn reads_a_vcard_4_0_file() {
        let read = read_vcards(V4).unwrap();
        assert_eq!(
            read.contacts,
            vec![
                person(
                    "Priya Natarajan",
                    &["+1-555-010-3344", "+1-555-010-8899"],
                    Some("priya@example.com"),
                    Some("Home group secretary.\nAsk her about the Thursday speaker list; she keeps it on paper."),
                ),
                person("Terry Brooks", &["555-010-0123"], None, None),
            ]
        );
        assert_eq!(read.skipped, vec![problem(2, Some("Sam"), NO_PHONE), problem(3, None, NO_NAME)]);
    }

    #[test]
    fn decodes_quoted_printable_with_soft_line_breaks() {
        let bytes = b"BEGIN:VCARD\r\nVERSION:2.1\r\n\
            FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Ren=C3=A9e =C3=85s=\r\nstr=C3=B6m\r\n\
            TEL;CELL;ENCODING=QUOTED-PRINTABLE:555=2D010=2D4242\r\n\
            NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:First line=0D=0ASecond=\r\n line\r\n\
            END:VCARD\r\n";
        let read = read_vcards(bytes).unwrap();
        assert_eq!(
            read.contacts,
            vec![person("Renée Åsström", &["555-010-4242"], None, Some("First line\nSecond line"))]
        );
    }

    #[test]
    fn decodes_quoted_printable_in_another_character_set() {
        let bytes = b"BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=F6rg\n\
            TEL:555-010-7000\nEND:VCARD\n";
        assert_eq!(read_vcards(bytes).unwrap().contacts[0].name, "Jörg Müller");
    }

    #[test]
    fn unfolds_folded_lines_with_crlf_and_lf() {
        for newline in ["\r\n", "\n"] {
            let text =
                ["BEGIN:VCARD", "VERSION:4.0", "FN:Alexan", " dra Ruiz", "TEL;VALUE=uri:tel:+1-555", " -010-5151"]
                    .into_iter()
                    .chain(["NOTE:Meets us at the", "\t Friday meeting.", "END:VCARD", ""])
                    .collect::<Vec<_>>()
                    .join(newline);
            let read = read_vcards(text.as_bytes()).unwrap();
            assert_eq!(
                read.contacts,
                vec![person("Alexandra Ruiz", &["+1-555-010-5151"], None, Some("Meets us at the Friday meeting."))],
                "newline {newline:?}"
            );
        }
    }

    #[test]
    fn ignores_photos() {
        let read = read_vcards(IOS).unwrap();
        let marcus = &read.contacts[1];
        assert_eq!(marcus, &person("Marcus Chen", &["+1 555 010 7788"], None, None));
        // A photo as the only value of a property the app would read is not taken as text.
        let bytes = card("FN:Kim Park\r\nTEL:555-010-3030\r\nNOTE;ENCODING=b:/9j/4AAQSkZJRgABAQ==\r\n");
        assert_eq!(read_vcards(&bytes).unwrap().contacts, vec![person("Kim Park", &["555-010-3030"], None, None)]);
    }

    #[test]
    fn name_comes_from_fn_then_from_n() {
        let read = read_vcards(&card("N:Doe;Jordan;Lee;Dr.;\r\nFN:  \r\nTEL:555-010-1111\r\n")).unwrap();
        assert_eq!(read.contacts[0].name, "Jordan Doe");
        let read = read_vcards(&card("N:;Jordan;;;\r\nTEL:555-010-1111\r\n")).unwrap();
        assert_eq!(read.contacts[0].name, "Jordan");
        let read = read_vcards(&card("N:;;;;\r\nTEL:555-010-1111\r\n")).unwrap();
        assert_eq!(read.skipped, vec![problem(0, None, NO_NAME)]);
    }

    #[test]
    fn empty_phone_numbers_are_dropped_and_the_first_email_kept() {
        let read = read_vcards(&card(
            "FN:Rae\r\nTEL:\r\nTEL;TYPE=cell: \r\nTEL:555-010-2020\r\nEMAIL:\r\nEMAIL:rae@example.org\r\nEMAIL:x@example.org\r\n",
        ))
        .unwrap();
        assert_eq!(read.contacts, vec![person("Rae", &["555-010-2020"], Some("rae@example.org"), None)]);
    }

    #[test]
    fn long_names_and_notes_are_cut_on_character_boundaries() {
        let name = "é".repeat(300);
        let note = "ü".repeat(5_000);
        let read = read_vcards(&card(&format!("FN:{name}\r\nTEL:555-010-9090\r\nNOTE:{note}\r\n"))).unwrap();
        assert_eq!(read.contacts[0].name, "é".repeat(MAX_NAME_CHARS));
        assert_eq!(read.contacts[0].note.as_deref(), Some("ü".repeat(MAX_NOTE_CHARS).as_str()));
        assert_eq!(cut("ab", 5), "ab");
        assert_eq!(cut("a😀b", 2), "a😀");
    }

    #[test]
    fn a_file_over_10_mb_is_refused() {
        let mut bytes = ANDROID.to_vec();
        while bytes.len() <= MAX_VCARD_BYTES {
            bytes.extend_from_slice(ANDROID);
        }
        assert_eq!(refusal(&bytes), TOO_LARGE);
        let english = read_vcards(&bytes).unwrap_err().to_string();
        assert!(english.starts_with("This file is larger than 10 MB"), "{english}");
    }

    #[test]
    fn more_than_5000_cards_are_refused() {
        let one = card("FN:Pat\r\nTEL:555-010-0000\r\n");
        let file = |n: usize| one.repeat(n);
        assert_eq!(read_vcards(&file(MAX_VCARD_CONTACTS)).unwrap().contacts.len(), MAX_VCARD_CONTACTS);
        assert_eq!(refusal(&file(MAX_VCARD_CONTACTS + 1)), TOO_MANY);
    }

    #[test]
    fn files_that_are_not_vcards_are_refused_clearly() {
        assert_eq!(refusal(b""), EMPTY);
        assert_eq!(refusal(b" \r\n\n"), EMPTY);
        assert_eq!(refusal(b"name,phone\nDana,555-010-2233\n"), NOT_VCARD);
        assert_eq!(refusal(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe"), NOT_TEXT);
        assert_eq!(refusal(b"BEGIN:VCARD\0"), NOT_TEXT);
        // UTF-16, as some desktop address books write it.
        let utf16: Vec<u8> = "BEGIN:VCARD\r\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(refusal(&utf16), NOT_TEXT);
    }

    #[test]
    fn broken_files_are_refused_and_nothing_is_half_read() {
        let cut_off = &IOS[..IOS.len() / 2];
        assert_eq!(refusal(cut_off), CUT_OFF);
        let stray = [IOS, b"this line is not a property\r\n".as_slice(), V4].concat();
        assert_eq!(refusal(&stray), DAMAGED);
        assert_eq!(refusal(b"BEGIN:VCARD\r\nFN:A\r\nTEL:1\r\nBEGIN:VCARD\r\nEND:VCARD\r\n"), CUT_OFF);
        assert_eq!(refusal(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nBEGIN:VCARD\r\nEND:VCARD\r\n"), DAMAGED);
    }

    #[test]
    fn a_byte_order_mark_and_blank_lines_are_fine() {
        let bytes = [b"\xEF\xBB\xBF".as_slice(), b"\r\n", &card("FN:Bo\r\nTEL:555-010-4040\r\n"), b"\r\n\r\n"].concat();
        assert_eq!(read_vcards(&bytes).unwrap().contacts, vec![person("Bo", &["555-010-4040"], None, None)]);
    }

    /// Bytes changed, added and removed at random places.
    fn mutated(fixture: &[u8], edits: &[(usize, u8, u8)]) -> Vec<u8> {
        let mut bytes = fixture.to_vec();
        for &(at, byte, kind) in edits {
            let at = at % (bytes.len() + 1);
            match kind % 3 {
                0 if at < bytes.len() => bytes[at] = byte,
                1 if at < bytes.len() => {
                    bytes.remove(at);
                }
                _ => bytes.insert(at, byte),
            }
        }
        bytes
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn never_panics_on_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2_000)) {
            let _ = read_vcards(&bytes);
        }

        #[test]
        fn never_panics_on_damaged_fixtures(
            which in 0usize..3,
            edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..12),
        ) {
            let fixture = [IOS, ANDROID, V4][which];
            let bytes = mutated(fixture, &edits);
            if let Ok(read) = read_vcards(&bytes) {
                for contact in &read.contacts {
                    prop_assert!(!contact.name.is_empty() && contact.name.chars().count() <= MAX_NAME_CHARS);
                    prop_assert!(!contact.phones.is_empty());
                    prop_assert!(contact.note.as_ref().is_none_or(|n| n.chars().count() <= MAX_NOTE_CHARS));
                }
            }
        }
    }
}
