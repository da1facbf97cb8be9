//! What the Today screen opens with: a summary of the user's own data.

use crate::directory::{DirectoryEntry, DirectoryQuery};
use crate::{Result, Store};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Overview {
    /// Meetings in the user's schedule.
    pub scheduled_meetings: u32,
    /// Favourite fellowships and groups, in the directory's order.
    pub favourites: Vec<DirectoryEntry>,
}

impl Store {
    pub fn overview(&self) -> Result<Overview> {
        let conn = self.conn();
        let scheduled_meetings = conn.query_row("SELECT count(*) FROM schedule", [], |r| r.get(0))?;
        let favourites =
            self.search_directory(&DirectoryQuery { favourites_only: true, ..DirectoryQuery::default() })?;
        Ok(Overview { scheduled_meetings, favourites })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_what_the_user_keeps() {
        let store = Store::open_in_memory().unwrap();
        let empty = store.overview().unwrap();
        assert_eq!((empty.scheduled_meetings, empty.favourites.len()), (0, 0));
        store
            .conn()
            .execute_batch(
                "INSERT INTO meetings (id, name, time_zone, attendance, favourite, created_at, updated_at)
                     VALUES (1, 'Home group', 'UTC', 'in_person', 1, 0, 0);
                 INSERT INTO schedule (meeting_id, added_at) VALUES (1, 0);
                 INSERT INTO fellowship_notes (fellowship_id, favourite) VALUES ('aa', 1);",
            )
            .unwrap();
        let overview = store.overview().unwrap();
        assert_eq!(overview.scheduled_meetings, 1);
        let favourites: Vec<&str> = overview.favourites.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(favourites, ["aa"]);
    }
}
