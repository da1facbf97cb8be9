//! Time zones: the device's own, and checking a name the user or a feed gives.

use crate::{Error, Result};
use chrono_tz::Tz;

/// Parses an IANA zone name ("America/Chicago"), naming the field on failure.
pub fn parse(field: &str, name: &str) -> Result<Tz> {
    let name = name.trim();
    name.parse::<Tz>().map_err(|_| {
        Error::invalid_input(field, crate::i18n::Message::new("error-time-zone-unknown").with("name", name))
    })
}

/// The device's zone: `TZ` when it names a zone, else the system's setting, else UTC.
pub fn device() -> Tz {
    let from_env = std::env::var("TZ").ok().and_then(|tz| tz.trim_start_matches(':').parse::<Tz>().ok());
    from_env.or_else(|| iana_time_zone::get_timezone().ok().and_then(|name| name.parse::<Tz>().ok())).unwrap_or(Tz::UTC)
}

/// Every zone name, for the zone picker.
pub fn all_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name()).collect();
    names.sort_unstable();
    names
}

/// A short place name for a zone: "America/Argentina/Buenos_Aires" → "Buenos Aires".
pub fn place_name(zone: &str) -> String {
    zone.rsplit('/').next().unwrap_or(zone).replace('_', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_known_zones_and_names_the_field_otherwise() {
        assert_eq!(parse("time_zone", " Asia/Kolkata ").unwrap(), Tz::Asia__Kolkata);
        let err = parse("time_zone", "Mars/Olympus_Mons").unwrap_err();
        assert_eq!(err.payload().field.as_deref(), Some("time_zone"));
        assert!(err.to_string().contains("Mars/Olympus_Mons"));
    }

    #[test]
    fn place_names_are_readable() {
        assert_eq!(place_name("America/Argentina/Buenos_Aires"), "Buenos Aires");
        assert_eq!(place_name("UTC"), "UTC");
        assert!(all_names().contains(&"Europe/London"));
    }
}

/// The zone picker's data: the device's zone first, then every zone.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct TimeZones {
    pub device: String,
    pub all: Vec<String>,
}

impl TimeZones {
    pub fn list() -> TimeZones {
        TimeZones { device: device().name().to_owned(), all: all_names().into_iter().map(str::to_owned).collect() }
    }
}
