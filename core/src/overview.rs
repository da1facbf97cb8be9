//! What the Today screen opens with: a summary of the user's own data.

use crate::{Result, Store};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Overview {
    /// Meetings in the user's schedule.
    pub scheduled_meetings: u32,
    /// Fellowships, groups and meetings marked as favourites.
    pub favourites: u32,
}

impl Store {
    pub fn overview(&self) -> Result<Overview> {
        let conn = self.conn();
        let scheduled_meetings = conn.query_row("SELECT count(*) FROM schedule", [], |r| r.get(0))?;
        let favourites = conn.query_row(
            "SELECT (SELECT count(*) FROM fellowship_notes WHERE favourite)
                  + (SELECT count(*) FROM groups WHERE favourite)
                  + (SELECT count(*) FROM meetings WHERE favourite)",
            [],
            |r| r.get(0),
        )?;
        Ok(Overview { scheduled_meetings, favourites })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_what_the_user_keeps() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.overview().unwrap(), Overview { scheduled_meetings: 0, favourites: 0 });
        store
            .conn()
            .execute_batch(
                "INSERT INTO meetings (id, name, time_zone, attendance, favourite, created_at, updated_at)
                     VALUES (1, 'Home group', 'UTC', 'in_person', 1, 0, 0);
                 INSERT INTO schedule (meeting_id, added_at) VALUES (1, 0);
                 INSERT INTO fellowship_notes (fellowship_id, favourite) VALUES ('aa', 1);",
            )
            .unwrap();
        assert_eq!(store.overview().unwrap(), Overview { scheduled_meetings: 1, favourites: 2 });
    }
}
