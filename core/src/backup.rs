//! (to be written)

/// Adds this module's wire types to the TypeScript bindings.
pub fn export_bindings(_cfg: &ts_rs::Config) -> Result<(), ts_rs::ExportError> {
    Ok(())
}
