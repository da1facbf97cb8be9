//! The user's own local groups (a home group, say), and the groups an import creates.
//! Imports never touch a group the user made (`source IS NULL`).

use crate::store::rows;
use crate::validation::{optional_text, optional_web_url, required_text, MAX_NAME, MAX_NOTES, MAX_SHORT};
use crate::{Clock, Error, Result, Store};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Group {
    pub id: i64,
    pub name: String,
    pub fellowship_id: Option<String>,
    pub fellowship_name: Option<String>,
    pub notes: String,
    pub contact: String,
    pub website: Option<String>,
    pub favourite: bool,
    /// The import that created it; `None` for a group the user made.
    pub source: Option<String>,
    /// Meetings that belong to this group.
    pub meeting_count: u32,
}

/// What the group form sends.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct GroupInput {
    pub name: String,
    pub fellowship_id: Option<String>,
    pub notes: String,
    pub contact: String,
    pub website: Option<String>,
}

/// What deleting a group would do, so the UI can ask first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct GroupDeletion {
    pub group_name: String,
    /// Meetings of the group; they are kept, without a group.
    pub meetings: u32,
    /// Of those, the ones in the user's schedule.
    pub scheduled_meetings: u32,
}

/// A group input, checked and trimmed.
struct ValidGroup {
    name: String,
    fellowship_id: Option<String>,
    notes: String,
    contact: String,
    website: Option<String>,
}

impl Store {
    fn validate_group(&self, input: &GroupInput) -> Result<ValidGroup> {
        let fellowship_id = optional_text("fellowship_id", "fellowship", input.fellowship_id.as_deref(), MAX_NAME)?;
        if let Some(id) = &fellowship_id {
            if self.fellowship(id).is_err() {
                return Err(Error::invalid(
                    "fellowship_id",
                    format!("There is no fellowship \"{id}\" in the directory."),
                ));
            }
        }
        Ok(ValidGroup {
            name: required_text("name", "name for the group", &input.name, MAX_NAME)?,
            fellowship_id,
            notes: optional_text("notes", "notes", Some(&input.notes), MAX_NOTES)?.unwrap_or_default(),
            contact: optional_text("contact", "contact", Some(&input.contact), MAX_SHORT)?.unwrap_or_default(),
            website: optional_web_url("website", "website", input.website.as_deref())?,
        })
    }

    pub fn groups(&self) -> Result<Vec<Group>> {
        let mut stmt = self.conn().prepare(&format!("{GROUP_SELECT} ORDER BY g.name COLLATE NOCASE, g.id"))?;
        rows(&mut stmt, [])
    }

    pub fn group(&self, id: i64) -> Result<Group> {
        let mut stmt = self.conn().prepare(&format!("{GROUP_SELECT} WHERE g.id = ?1"))?;
        rows(&mut stmt, [id])?.pop().ok_or_else(|| Error::NotFound(format!("Group {id}")))
    }

    /// Adds one of the user's own groups.
    pub fn create_group(&mut self, input: &GroupInput, clock: &dyn Clock) -> Result<Group> {
        let g = self.validate_group(input)?;
        let now = clock.now().timestamp();
        self.conn().execute(
            "INSERT INTO groups (name, fellowship_id, notes, contact, website, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            params![g.name, g.fellowship_id, g.notes, g.contact, g.website, now],
        )?;
        self.group(self.conn().last_insert_rowid())
    }

    pub fn update_group(&mut self, id: i64, input: &GroupInput, clock: &dyn Clock) -> Result<Group> {
        let g = self.validate_group(input)?;
        let changed = self.conn().execute(
            "UPDATE groups SET name = ?2, fellowship_id = ?3, notes = ?4, contact = ?5, website = ?6, updated_at = ?7
             WHERE id = ?1",
            params![id, g.name, g.fellowship_id, g.notes, g.contact, g.website, clock.now().timestamp()],
        )?;
        if changed == 0 {
            return Err(Error::NotFound(format!("Group {id}")));
        }
        self.group(id)
    }

    /// What deleting the group would change.
    pub fn group_deletion(&self, id: i64) -> Result<GroupDeletion> {
        let group = self.group(id)?;
        let scheduled_meetings = self.conn().query_row(
            "SELECT count(*) FROM meetings m JOIN schedule s ON s.meeting_id = m.id WHERE m.group_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        Ok(GroupDeletion { group_name: group.name, meetings: group.meeting_count, scheduled_meetings })
    }

    /// Deletes a group. Its meetings stay (and stay in the schedule), without a group.
    pub fn delete_group(&mut self, id: i64) -> Result<GroupDeletion> {
        let deletion = self.group_deletion(id)?;
        self.conn().execute("DELETE FROM groups WHERE id = ?1", [id])?;
        Ok(deletion)
    }
}

const GROUP_SELECT: &str = "SELECT g.id, g.name, g.fellowship_id, f.name AS fellowship_name, g.notes, g.contact,
        g.website, g.favourite, g.source, (SELECT count(*) FROM meetings m WHERE m.group_id = g.id) AS meeting_count
     FROM groups g LEFT JOIN fellowships f ON f.id = g.fellowship_id";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::{DirectoryQuery, EntryKind, FavouriteTarget};
    use crate::{ErrorKind, FixedClock};
    use chrono::TimeZone;

    fn clock() -> FixedClock {
        FixedClock::new(chrono::Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap())
    }

    fn home_group() -> GroupInput {
        GroupInput {
            name: "  Tuesday Night Serenity ".into(),
            fellowship_id: Some("aa".into()),
            notes: "Church hall, side door.".into(),
            contact: "Ask for the secretary".into(),
            website: Some("https://example.org/serenity".into()),
        }
    }

    #[test]
    fn creates_edits_and_finds_a_group() {
        let mut store = Store::open_in_memory().unwrap();
        let group = store.create_group(&home_group(), &clock()).unwrap();
        assert_eq!(group.name, "Tuesday Night Serenity");
        assert_eq!(group.fellowship_name.as_deref(), Some("Alcoholics Anonymous"));
        assert_eq!(group.source, None);

        let found = store.search_directory(&DirectoryQuery { text: "serenity".into(), ..Default::default() }).unwrap();
        assert_eq!(found[0].kind, EntryKind::Group);
        assert_eq!(found[0].id, group.id.to_string());
        assert_eq!(found[0].fellowship_name.as_deref(), Some("AA"));

        let edited = store.update_group(group.id, &GroupInput { website: None, ..home_group() }, &clock()).unwrap();
        assert_eq!(edited.website, None);
    }

    #[test]
    fn each_bad_field_gets_its_own_message_and_nothing_is_saved() {
        let mut store = Store::open_in_memory().unwrap();
        let cases = [
            (GroupInput { name: "   ".into(), ..home_group() }, "name"),
            (GroupInput { website: Some("serenity.example.org".into()), ..home_group() }, "website"),
            (GroupInput { website: Some("javascript:alert(1)".into()), ..home_group() }, "website"),
            (GroupInput { name: "x".repeat(201), ..home_group() }, "name"),
            (GroupInput { notes: "n".repeat(5001), ..home_group() }, "notes"),
            (GroupInput { fellowship_id: Some("nope".into()), ..home_group() }, "fellowship_id"),
        ];
        for (input, field) in cases {
            let err = store.create_group(&input, &clock()).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidInput);
            assert_eq!(err.payload().field.as_deref(), Some(field), "{err}");
        }
        assert!(store.groups().unwrap().is_empty());
    }

    #[test]
    fn deleting_a_group_keeps_its_meetings_and_says_so_first() {
        let mut store = Store::open_in_memory().unwrap();
        let group = store.create_group(&home_group(), &clock()).unwrap();
        store
            .conn()
            .execute(
                "INSERT INTO meetings (id, name, group_id, time_zone, attendance, created_at, updated_at)
                 VALUES (7, 'Tuesday meeting', ?1, 'UTC', 'in_person', 0, 0)",
                [group.id],
            )
            .unwrap();
        store.conn().execute("INSERT INTO schedule (meeting_id, added_at) VALUES (7, 0)", []).unwrap();
        let asked = store.group_deletion(group.id).unwrap();
        assert_eq!(
            asked,
            GroupDeletion { group_name: "Tuesday Night Serenity".into(), meetings: 1, scheduled_meetings: 1 }
        );
        store.delete_group(group.id).unwrap();
        let kept: (String, Option<i64>) = store
            .conn()
            .query_row("SELECT name, group_id FROM meetings WHERE id = 7", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap();
        assert_eq!(kept, ("Tuesday meeting".to_owned(), None));
        assert_eq!(store.overview().unwrap().scheduled_meetings, 1);
        assert_eq!(store.delete_group(group.id).unwrap_err().kind(), ErrorKind::NotFound);
    }

    #[test]
    fn a_group_can_be_a_favourite() {
        let mut store = Store::open_in_memory().unwrap();
        let group = store.create_group(&home_group(), &clock()).unwrap();
        store.set_favourite(&FavouriteTarget::Group(group.id), true).unwrap();
        assert!(store.group(group.id).unwrap().favourite);
        assert_eq!(store.search_directory(&DirectoryQuery::default()).unwrap()[0].id, group.id.to_string());
        assert_eq!(store.set_favourite(&FavouriteTarget::Group(999), true).unwrap_err().kind(), ErrorKind::NotFound);
    }
}
