//! What the Today screen opens with: a summary of the user's own data, and everything the first
//! screen needs read in one go.

use crate::directory::{DirectoryEntry, DirectoryQuery};
use crate::lock::LockStatus;
use crate::milestones::CountToday;
use crate::notices::MeetingNotice;
use crate::schedule::{AttendanceSummary, Upcoming};
use crate::settings::Settings;
use crate::store::Recovery;
use crate::zone_shift::ZoneShift;
use crate::{Result, Store};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Overview {
    /// Meetings in the user's schedule.
    pub scheduled_meetings: u32,
    /// Favourite fellowships and groups, in the directory's order.
    pub favourites: Vec<DirectoryEntry>,
}

/// Everything Today shows, read together: the first screen's data comes in one request rather than
/// seven (each request through the webview costs a few milliseconds at start-up).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TodayScreen {
    pub overview: Overview,
    pub upcoming: Upcoming,
    pub attendance: AttendanceSummary,
    /// What changed for my meetings. Like the two below, empty when it cannot be read: Today opens
    /// without it rather than not at all.
    pub notices: Vec<MeetingNotice>,
    pub zone_shifts: Vec<ZoneShift>,
    pub count: Option<CountToday>,
}

/// What the page needs before it draws its first screen, in one answer: whether the app is locked
/// and, when it is not, the settings and Today's data (`today` only when the page opens on Today).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FirstScreen {
    pub lock: LockStatus,
    pub settings: Option<Settings>,
    pub today: Option<TodayScreen>,
    /// Set when the saved data could not be read at start and was set aside.
    pub recovery: Option<Recovery>,
}

impl Store {
    /// Today's data as of `now` in the user's `zone`.
    pub fn today_screen(&self, now: DateTime<Utc>, zone: Tz) -> Result<TodayScreen> {
        Ok(TodayScreen {
            overview: self.overview()?,
            upcoming: self.upcoming(now, zone)?,
            attendance: self.attendance_summary(now, zone)?,
            notices: self.notices(None).unwrap_or_default(),
            zone_shifts: self.zone_shifts(now, zone).unwrap_or_default(),
            count: self.count_today(now, zone).unwrap_or_default(),
        })
    }

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

    #[test]
    fn todays_screen_is_what_its_parts_say() {
        let mut store = Store::open_in_memory().unwrap();
        let now = "2026-12-01T12:00:00Z".parse().unwrap();
        let input = crate::meetings::MeetingInput::from(crate::meetings::MeetingDetails {
            name: "Home group".into(),
            weekdays: vec![3],
            start_time: Some("19:00".into()),
            time_zone: "UTC".into(),
            location: Some("Library room 2".into()),
            ..Default::default()
        });
        store.create_meeting(&input, true, &crate::FixedClock::new(now)).unwrap();
        // A Tuesday: the Wednesday meeting is tomorrow.
        let zone = chrono_tz::UTC;
        let screen = store.today_screen(now, zone).unwrap();
        assert_eq!(screen.overview, store.overview().unwrap());
        assert_eq!(screen.upcoming, store.upcoming(now, zone).unwrap());
        assert_eq!(screen.upcoming.tomorrow_items.len(), 1, "{:?}", screen.upcoming);
        assert_eq!(screen.attendance, store.attendance_summary(now, zone).unwrap());
        assert_eq!(screen.notices, store.notices(None).unwrap());
        assert_eq!(screen.zone_shifts, store.zone_shifts(now, zone).unwrap());
        assert_eq!(screen.count, store.count_today(now, zone).unwrap());
    }
}
