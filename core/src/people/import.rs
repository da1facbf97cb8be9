//! Adding people from a phone's contacts (a vCard file), after the user picked which.

use super::vcard::VCardContact;
use super::PersonInput;
use crate::i18n::Message;
use crate::{Clock, Error, Result, Store};
use rusqlite::params;

/// Reads a vCard file for the preview, refusing one over the size limit before reading it all.
pub fn read_contacts_file(path: &std::path::Path) -> Result<super::vcard::VCardRead> {
    let size = std::fs::metadata(path)?.len();
    if size > super::vcard::MAX_VCARD_BYTES as u64 {
        return Err(super::vcard::too_large());
    }
    super::vcard::read_vcards(&std::fs::read(path)?)
}

impl Store {
    /// Adds the chosen contacts of a vCard file in one transaction: all of them, or (when one does
    /// not pass the checks) none, with the error naming the contact. Someone already on the list
    /// with the same name and phone is not added twice. Returns how many were added.
    pub fn add_contacts(&mut self, contacts: &[VCardContact], clock: &dyn Clock) -> Result<u32> {
        let mut checked = Vec::new();
        for contact in contacts {
            let input = PersonInput {
                name: contact.name.clone(),
                phone: contact.phones.first().cloned().unwrap_or_default(),
                other_contact: contact.phones.get(1).cloned().or_else(|| contact.email.clone()),
                note: contact.note.clone().unwrap_or_default(),
                ..PersonInput::default()
            };
            // A second number or an email the checks refuse is left out rather than the person.
            let input = match input.validate(self) {
                Err(e) if e.field() == Some("other_contact") => {
                    PersonInput { other_contact: None, ..input }.validate(self)
                }
                other => other,
            }
            .map_err(|e| {
                let problem = Message::new("error-contact").with("name", &contact.name).with("problem", e.message());
                Error::invalid_input("contacts", problem)
            })?;
            checked.push(input);
        }
        let now = clock.now().timestamp();
        let tx = self.conn_mut().transaction()?;
        let mut added = 0;
        for p in checked {
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM people WHERE name = ?1 AND phone = ?2)",
                params![p.name, p.phone],
                |r| r.get(0),
            )?;
            if exists {
                continue;
            }
            tx.execute(
                "INSERT INTO people (uid, name, phone, other_contact, note, role, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'other', ?6, ?6)",
                params![crate::store::random_uid()?, p.name, p.phone, p.other_contact, p.note, now],
            )?;
            added += 1;
        }
        tx.commit()?;
        Ok(added)
    }
}
