//! My people: a phone list kept on this device (sponsor, sponsees, home-group members, friends in
//! the program, family), each one tap from a call or a text, and optionally tied to the group or
//! meeting where the user knows them from.
//!
//! - `vcard.rs`: reading contacts from a phone's vCard export; `import.rs`: adding the ones picked;
//! - here: the person, the checks on what is typed, the `people` table.

mod import;
pub use import::read_contacts_file;
pub mod vcard;

use crate::validation::{optional_text, required_text, MAX_NAME};
use crate::{Clock, Error, Result, Store};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Who a person is to the user; the sponsor comes first wherever people are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Sponsor,
    Sponsee,
    HomeGroup,
    ProgramFriend,
    Family,
    #[default]
    Other,
}

impl Role {
    pub fn parse(text: &str) -> Option<Role> {
        serde_json::from_value(serde_json::Value::String(text.to_owned())).ok()
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Sponsor => "sponsor",
            Role::Sponsee => "sponsee",
            Role::HomeGroup => "home_group",
            Role::ProgramFriend => "program_friend",
            Role::Family => "family",
            Role::Other => "other",
        }
    }
}

/// Longest note on a person.
pub const MAX_PERSON_NOTE: usize = 2_000;
/// Longest phone number or other contact.
const MAX_CONTACT: usize = 100;

/// A person as it leaves the core.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Person {
    pub id: i64,
    pub name: String,
    /// As the user typed it.
    pub phone: String,
    /// `tel:` and `sms:` links for it: the number without spaces or separators (RFC 3966).
    pub tel_uri: String,
    pub sms_uri: String,
    /// Another phone or an email.
    pub other_contact: Option<String>,
    pub note: String,
    pub role: Role,
    pub group_id: Option<i64>,
    pub group_name: Option<String>,
    pub meeting_id: Option<i64>,
    pub meeting_name: Option<String>,
}

/// What the form (or an imported contact) gives.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PersonInput {
    pub name: String,
    pub phone: String,
    pub other_contact: Option<String>,
    pub note: String,
    pub role: Role,
    pub group_id: Option<i64>,
    pub meeting_id: Option<i64>,
}

/// Whether `text` can be dialled as typed: digits with `+`, spaces, dashes, dots and parentheses,
/// and enough digits to be a number.
pub fn is_phone_number(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    (3..=20).contains(&digits)
        && text.chars().all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '.' | '(' | ')'))
        && text.chars().filter(|c| *c == '+').count() <= 1
        && text.find('+').is_none_or(|at| text[..at].trim().is_empty())
}

/// The number for a `tel:` or `sms:` link: the digits, with a leading `+` kept.
pub fn dial_digits(phone: &str) -> String {
    let plus = if phone.trim_start().starts_with('+') { "+" } else { "" };
    format!("{plus}{}", phone.chars().filter(char::is_ascii_digit).collect::<String>())
}

fn checked_phone(field: &str, value: &str) -> Result<String> {
    let phone = required_text(field, "label-phone", value, MAX_CONTACT)?;
    if is_phone_number(&phone) {
        Ok(phone)
    } else {
        Err(Error::invalid_key(field, "error-phone-format"))
    }
}

fn checked_other_contact(value: Option<&str>) -> Result<Option<String>> {
    let Some(contact) = optional_text("other_contact", "label-other-contact", value, MAX_CONTACT)? else {
        return Ok(None);
    };
    let looks_like_email = contact.split_once('@').is_some_and(|(user, domain)| {
        !user.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
    }) && !contact.contains(char::is_whitespace);
    if looks_like_email || is_phone_number(&contact) {
        Ok(Some(contact))
    } else {
        Err(Error::invalid_key("other_contact", "error-other-contact"))
    }
}

impl PersonInput {
    /// The input checked and trimmed, each problem naming its field.
    pub fn validate(&self, store: &Store) -> Result<PersonInput> {
        let name = required_text("name", "label-person-name", &self.name, MAX_NAME)?;
        let phone = checked_phone("phone", &self.phone)?;
        let other_contact = checked_other_contact(self.other_contact.as_deref())?;
        let note = optional_text("note", "label-person-note", Some(&self.note), MAX_PERSON_NOTE)?.unwrap_or_default();
        if let Some(group) = self.group_id {
            store.group(group).map_err(|_| Error::invalid_key("group_id", "error-person-group-gone"))?;
        }
        if let Some(meeting) = self.meeting_id {
            store.meeting(meeting).map_err(|_| Error::invalid_key("meeting_id", "error-person-meeting-gone"))?;
        }
        Ok(PersonInput { name, phone, other_contact, note, role: self.role, ..self.clone() })
    }
}

#[derive(Deserialize)]
struct PersonRow {
    id: i64,
    name: String,
    phone: String,
    other_contact: Option<String>,
    note: String,
    role: Role,
    group_id: Option<i64>,
    group_name: Option<String>,
    meeting_id: Option<i64>,
    meeting_name: Option<String>,
}

impl From<PersonRow> for Person {
    fn from(row: PersonRow) -> Person {
        let digits = dial_digits(&row.phone);
        Person {
            id: row.id,
            tel_uri: format!("tel:{digits}"),
            sms_uri: format!("sms:{digits}"),
            name: row.name,
            phone: row.phone,
            other_contact: row.other_contact,
            note: row.note,
            role: row.role,
            group_id: row.group_id,
            group_name: row.group_name,
            meeting_id: row.meeting_id,
            meeting_name: row.meeting_name,
        }
    }
}

/// The people query; `{}` is the condition. Sponsors first, then by role and name.
fn people_sql(condition: &str) -> String {
    format!(
        "SELECT p.id, p.name, p.phone, p.other_contact, p.note, p.role, p.group_id, g.name AS group_name,
                p.meeting_id, m.name AS meeting_name
         FROM people p LEFT JOIN groups g ON g.id = p.group_id LEFT JOIN meetings m ON m.id = p.meeting_id
         WHERE {condition}
         ORDER BY CASE p.role WHEN 'sponsor' THEN 0 WHEN 'sponsee' THEN 1 WHEN 'home_group' THEN 2
                  WHEN 'program_friend' THEN 3 WHEN 'family' THEN 4 ELSE 5 END, p.name COLLATE NOCASE, p.id"
    )
}

/// Which people a list asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeopleOf {
    Everyone,
    Group(i64),
    Meeting(i64),
}

impl Store {
    /// My people, sponsors first.
    pub fn people(&self, of: PeopleOf) -> Result<Vec<Person>> {
        let (condition, id) = match of {
            PeopleOf::Everyone => ("?1 IS NULL", None),
            PeopleOf::Group(id) => ("p.group_id = ?1", Some(id)),
            PeopleOf::Meeting(id) => ("p.meeting_id = ?1", Some(id)),
        };
        let mut stmt = self.conn().prepare_cached(&people_sql(condition))?;
        let rows: Vec<PersonRow> = crate::store::rows(&mut stmt, [id])?;
        Ok(rows.into_iter().map(Person::from).collect())
    }

    pub fn person(&self, id: i64) -> Result<Person> {
        let mut stmt = self.conn().prepare_cached(&people_sql("p.id = ?1"))?;
        let rows: Vec<PersonRow> = crate::store::rows(&mut stmt, [id])?;
        rows.into_iter()
            .next()
            .map(Person::from)
            .ok_or_else(|| Error::Missing(crate::i18n::Message::new("error-person-not-found")))
    }

    pub fn create_person(&mut self, input: &PersonInput, clock: &dyn Clock) -> Result<Person> {
        let p = input.validate(self)?;
        let now = clock.now().timestamp();
        self.conn().execute(
            "INSERT INTO people (uid, name, phone, other_contact, note, role, group_id, meeting_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            params![
                crate::store::random_uid()?,
                p.name,
                p.phone,
                p.other_contact,
                p.note,
                p.role.as_str(),
                p.group_id,
                p.meeting_id,
                now
            ],
        )?;
        self.person(self.conn().last_insert_rowid())
    }

    pub fn update_person(&mut self, id: i64, input: &PersonInput, clock: &dyn Clock) -> Result<Person> {
        let p = input.validate(self)?;
        let changed = self.conn().execute(
            "UPDATE people SET name = ?2, phone = ?3, other_contact = ?4, note = ?5, role = ?6, group_id = ?7,
                 meeting_id = ?8, updated_at = ?9 WHERE id = ?1",
            params![
                id,
                p.name,
                p.phone,
                p.other_contact,
                p.note,
                p.role.as_str(),
                p.group_id,
                p.meeting_id,
                clock.now().timestamp()
            ],
        )?;
        if changed == 0 {
            return Err(Error::Missing(crate::i18n::Message::new("error-person-not-found")));
        }
        self.person(id)
    }

    pub fn delete_person(&mut self, id: i64) -> Result<()> {
        if self.conn().execute("DELETE FROM people WHERE id = ?1", [id])? == 0 {
            return Err(Error::Missing(crate::i18n::Message::new("error-person-not-found")));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
