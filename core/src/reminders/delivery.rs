//! Delivering each reminder exactly once without holding the store while a notification is shown:
//! claim the occurrence in the log and commit; deliver; then mark it delivered, or release the
//! claim when delivery failed, so it is tried again while its meeting is still ahead. A claim a
//! crash left undelivered is released at the next start ([`Store::release_unfinished_claims`]): the
//! reminder then comes again only if its meeting has not started.

use super::Reminder;
use crate::{Result, Store};
use chrono::{DateTime, Utc};
use rusqlite::params;

impl Store {
    /// Claims every reminder due at `now` that nobody claimed yet, in one transaction, and returns
    /// them for delivery.
    pub fn claim_due_reminders(&mut self, now: DateTime<Utc>) -> Result<Vec<Reminder>> {
        let due = self.due_reminders(now)?;
        let tx = self.conn_mut().transaction()?;
        let mut claimed = Vec::with_capacity(due.len());
        for reminder in due {
            let inserted = tx.execute(
                "INSERT OR IGNORE INTO reminder_log (meeting_id, occurrence_at, fired_at, delivered)
                 VALUES (?1, ?2, ?3, 0)",
                params![reminder.meeting_id, reminder.starts_at.timestamp(), now.timestamp()],
            )?;
            if inserted > 0 {
                claimed.push(reminder);
            }
        }
        tx.commit()?;
        Ok(claimed)
    }

    /// The claimed reminder was shown.
    pub fn mark_delivered(&mut self, reminder: &Reminder, now: DateTime<Utc>) -> Result<()> {
        self.conn().execute(
            "UPDATE reminder_log SET delivered = 1, fired_at = ?3 WHERE meeting_id = ?1 AND occurrence_at = ?2",
            params![reminder.meeting_id, reminder.starts_at.timestamp(), now.timestamp()],
        )?;
        Ok(())
    }

    /// The claimed reminder could not be shown: it is due again at the next look.
    pub fn release_claim(&mut self, reminder: &Reminder) -> Result<()> {
        self.conn().execute(
            "DELETE FROM reminder_log WHERE meeting_id = ?1 AND occurrence_at = ?2 AND delivered = 0",
            params![reminder.meeting_id, reminder.starts_at.timestamp()],
        )?;
        Ok(())
    }

    /// Releases what a process that stopped mid-delivery left claimed. Called once at start, before
    /// any reminder is claimed.
    pub fn release_unfinished_claims(&mut self) -> Result<usize> {
        Ok(self.conn().execute("DELETE FROM reminder_log WHERE delivered = 0", [])?)
    }

    /// Claims, delivers through `deliver` and marks every due reminder, in one go: for callers
    /// that hold the store anyway (tests, the command line). Returns the ones delivered.
    pub fn fire_due_reminders(
        &mut self,
        now: DateTime<Utc>,
        mut deliver: impl FnMut(&Reminder) -> std::result::Result<(), String>,
    ) -> Result<Vec<Reminder>> {
        let mut delivered = Vec::new();
        for reminder in self.claim_due_reminders(now)? {
            if deliver(&reminder).is_ok() {
                self.mark_delivered(&reminder, now)?;
                delivered.push(reminder);
            } else {
                self.release_claim(&reminder)?;
            }
        }
        Ok(delivered)
    }
}
