//! The `import_sources` table: the lists the user imported, with what was chosen for each, so a
//! re-import offers the same choices, the report says when a list was last read, and a backup
//! carries them.

use super::FeedFormat;
use crate::Result;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

/// One imported list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSource {
    /// The `source` of the meetings and groups it made.
    pub name: String,
    pub format: FeedFormat,
    /// The fellowship its type codes are read with.
    pub fellowship_id: Option<String>,
    /// The zone for rows that name none.
    pub time_zone: Option<String>,
    /// UTC seconds of the last import.
    pub imported_at: i64,
}

/// Records a list as imported now, or brings its record up to date (a later time wins).
pub(crate) fn save(conn: &Connection, source: &ImportSource) -> Result<()> {
    conn.execute(
        "INSERT INTO import_sources (name, format, fellowship_id, time_zone, imported_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (name) DO UPDATE SET format = excluded.format, fellowship_id = excluded.fellowship_id,
             time_zone = excluded.time_zone, imported_at = excluded.imported_at
         WHERE excluded.imported_at >= import_sources.imported_at",
        params![source.name, source.format.as_str(), source.fellowship_id, source.time_zone, source.imported_at],
    )?;
    Ok(())
}

/// Whether a list of that name was imported before (or left meetings behind).
pub(crate) fn known(conn: &Connection, name: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM meetings WHERE source = ?1) OR EXISTS (SELECT 1 FROM import_sources WHERE name = ?1)",
        [name],
        |r| r.get(0),
    )?)
}

/// Every imported list, by name.
pub(crate) fn all(conn: &Connection) -> Result<Vec<ImportSource>> {
    let mut stmt =
        conn.prepare("SELECT name, format, fellowship_id, time_zone, imported_at FROM import_sources ORDER BY name")?;
    let mut rows = stmt.query([])?;
    let mut sources = Vec::new();
    while let Some(row) = rows.next()? {
        let format: String = row.get("format")?;
        sources.push(ImportSource {
            name: row.get("name")?,
            format: FeedFormat::parse(&format).unwrap_or(FeedFormat::MeetingGuide),
            fellowship_id: row.get("fellowship_id")?,
            time_zone: row.get("time_zone")?,
            imported_at: row.get("imported_at")?,
        });
    }
    Ok(sources)
}
