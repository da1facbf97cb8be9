//! General settings the screens read: theme, first day of the week, reminder defaults.
//! Stored one key per field as JSON, so adding a setting needs no migration.

use crate::{Error, Result, Store};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    System,
    Light,
    Dark,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Settings {
    pub theme: Theme,
    /// 0 = Sunday, 1 = Monday, ... 6 = Saturday.
    pub first_day_of_week: u8,
    /// Minutes before a meeting that its reminder comes, unless the meeting says otherwise.
    pub default_lead_minutes: u32,
    /// Notifications say only "Meeting at 7:00 PM", naming no fellowship or group.
    pub discreet_notifications: bool,
    pub start_at_login: bool,
    /// Show "90 meetings in 90 days" progress.
    pub ninety_in_ninety: bool,
    /// The language of the app: the device's, or one chosen (absent in older backups).
    #[serde(default)]
    pub language: crate::i18n::Language,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: Theme::System,
            first_day_of_week: 1,
            default_lead_minutes: 30,
            discreet_notifications: false,
            start_at_login: false,
            ninety_in_ninety: false,
            language: crate::i18n::Language::Device,
        }
    }
}

/// The longest lead time a reminder may have: one week.
pub const MAX_LEAD_MINUTES: u32 = 7 * 24 * 60;

impl Settings {
    pub fn validate(&self) -> Result<()> {
        if self.first_day_of_week > 6 {
            return Err(Error::invalid_key("first_day_of_week", "error-first-day"));
        }
        if self.default_lead_minutes > MAX_LEAD_MINUTES {
            return Err(Error::invalid_key("default_lead_minutes", "error-lead-too-long"));
        }
        Ok(())
    }
}

impl Store {
    /// The saved settings. A field never saved, or saved in a shape this version cannot read,
    /// takes its default, so one odd value never hides the others.
    pub fn settings(&self) -> Result<Settings> {
        let mut merged = serde_json::to_value(Settings::default()).map_err(|e| Error::Data(e.to_string()))?;
        let mut stmt = self.conn().prepare("SELECT key, value FROM settings")?;
        let rows = stmt.query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)))?;
        for row in rows {
            let (key, value) = row?;
            let Ok(value) = serde_json::from_str::<serde_json::Value>(&value) else { continue };
            if merged.get(&key).is_none() {
                continue; // a setting this version does not know
            }
            let mut candidate = merged.clone();
            candidate[&key] = value;
            if serde_json::from_value::<Settings>(candidate.clone()).is_ok() {
                merged = candidate;
            }
        }
        serde_json::from_value(merged).map_err(|e| Error::Data(e.to_string()))
    }

    /// Validates and saves every setting in one transaction.
    pub fn save_settings(&mut self, settings: &Settings) -> Result<Settings> {
        settings.validate()?;
        let value = serde_json::to_value(settings).map_err(|e| Error::Data(e.to_string()))?;
        let tx = self.conn_mut().transaction()?;
        if let Some(fields) = value.as_object() {
            for (key, value) in fields {
                tx.execute(
                    "INSERT INTO settings (key, value) VALUES (?1, ?2)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    params![key, value.to_string()],
                )?;
            }
        }
        tx.commit()?;
        self.settings()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_until_saved_then_what_was_saved() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(store.settings().unwrap(), Settings::default());
        let wanted = Settings { theme: Theme::Dark, first_day_of_week: 0, ..Settings::default() };
        assert_eq!(store.save_settings(&wanted).unwrap(), wanted);
        assert_eq!(store.settings().unwrap(), wanted);
    }

    #[test]
    fn rejects_an_impossible_weekday_and_saves_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let bad = Settings { first_day_of_week: 7, theme: Theme::Light, ..Settings::default() };
        let err = store.save_settings(&bad).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::InvalidInput);
        assert_eq!(store.settings().unwrap(), Settings::default());
    }

    #[test]
    fn one_unreadable_value_falls_back_alone() {
        let store = Store::open_in_memory().unwrap();
        store
            .conn()
            .execute_batch(
                "INSERT INTO settings VALUES ('theme', '\"sepia\"'), ('first_day_of_week', '0'), ('future_thing', '1')",
            )
            .unwrap();
        let settings = store.settings().unwrap();
        assert_eq!(settings.theme, Theme::System);
        assert_eq!(settings.first_day_of_week, 0);
    }
}
