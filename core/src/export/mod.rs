//! What leaves the app for other programs: the schedule as iCalendar (`ics`), and the command
//! line's stable `--json` shapes (`script`).

pub mod ics;
pub mod script;

/// Adds this module's wire types to the TypeScript bindings.
pub fn export_bindings(_cfg: &ts_rs::Config) -> Result<(), ts_rs::ExportError> {
    Ok(())
}
