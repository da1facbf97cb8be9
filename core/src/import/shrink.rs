//! The guard against a list that lost many of its meetings at once: more often a fault at the
//! list's source than a real change, and applied blindly it would pause the reminders of every
//! scheduled meeting it dropped. Beyond a third of the list, an import asks first.

use crate::i18n::Message;
use crate::{Error, Result};
use rusqlite::Connection;
use std::collections::HashSet;

/// How many of a list's meetings the feed would leave out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shrink {
    /// Meetings the list had (listed) before this import.
    pub listed_before: u32,
    /// Of those, the ones the feed no longer has.
    pub leaving: u32,
}

impl Shrink {
    /// More than a third of the list would become "no longer listed".
    pub fn too_much(self) -> bool {
        self.leaving * 3 > self.listed_before
    }

    /// The import's refusal; `field` `allow_shrink` tells the app and the command line what to offer.
    pub fn refusal(self) -> Error {
        Error::invalid_input(
            "allow_shrink",
            Message::new("error-list-shrinks").with("leaving", self.leaving).with("before", self.listed_before),
        )
    }
}

/// The feed's effect on `source`'s listed meetings, given the slugs the feed holds.
pub(crate) fn measure(conn: &Connection, source: &str, slugs: &HashSet<String>) -> Result<Shrink> {
    let mut stmt = conn.prepare_cached("SELECT slug FROM meetings WHERE source = ?1 AND listed = 1")?;
    let mut rows = stmt.query([source])?;
    let (mut listed_before, mut leaving) = (0u32, 0u32);
    while let Some(row) = rows.next()? {
        listed_before += 1;
        let slug: Option<String> = row.get(0)?;
        if !slug.is_some_and(|s| slugs.contains(&s)) {
            leaving += 1;
        }
    }
    Ok(Shrink { listed_before, leaving })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_than_a_third_leaving_is_too_much() {
        let shrink = |leaving, listed_before| Shrink { listed_before, leaving };
        assert!(!shrink(0, 0).too_much(), "a new list");
        assert!(!shrink(100, 300).too_much(), "exactly a third");
        assert!(shrink(101, 300).too_much());
        assert!(shrink(1, 2).too_much());
        assert!(!shrink(1, 3).too_much());
    }
}
