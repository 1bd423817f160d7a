//! A template's history (`template_events`): written by the handlers and the review in the
//! transaction of the change they record, read back for `GET /templates/{id}/history` and for
//! the traffic simulation. Rows outlive their template: a deleted template keeps its history.

use hsm_domain::history::Event;
use rusqlite::{params, Connection, OptionalExtension};

/// Records one event of template `id`. The event is stored whole as JSON; `at` and `type` are
/// also columns, to order and to find the first approval.
pub fn record(conn: &Connection, id: i64, event: &Event) -> rusqlite::Result<()> {
    let json = serde_json::to_value(event)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    let kind = json["type"].as_str().unwrap_or("").to_owned();
    conn.prepare_cached(
        "INSERT INTO template_events (template_id, at, type, event) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![id, event.at, kind, json.to_string()])?;
    Ok(())
}

/// Every event of template `id`, oldest first (ties: in the order they were written); `None`
/// when the id never had a template (no row and no event).
pub fn of(conn: &Connection, id: i64) -> rusqlite::Result<Option<Vec<Event>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT event FROM template_events WHERE template_id = ?1 ORDER BY at, seq",
    )?;
    let rows = stmt.query_map([id], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for row in rows {
        // A row this version cannot read is left out rather than failing the whole history.
        if let Ok(e) = serde_json::from_str::<Event>(&row?) {
            out.push(e);
        }
    }
    if out.is_empty() && !exists(conn, id)? {
        return Ok(None);
    }
    Ok(Some(out))
}

/// Whether template `id` exists now.
fn exists(conn: &Connection, id: i64) -> rusqlite::Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM templates WHERE id = ?1")?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use hsm_domain::history::EventKind;

    /// A store made before histories existed gets each template's creation, and its approval
    /// when its status says Meta approved it.
    #[test]
    fn older_stores_get_their_templates_creation_and_approval() {
        let mut conn = Connection::open_in_memory().unwrap();
        for sql in &super::super::MIGRATIONS[..2] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 2).unwrap();
        for (name, status) in [("um", "APPROVED"), ("dois", "REJECTED"), ("tres", "PAUSED")] {
            conn.execute(
                "INSERT INTO templates (name, language, category, status, search, created_at,
                     updated_at, version) VALUES (?1, 'pt_BR', 'UTILITY', ?2, '',
                     '2026-11-01T10:00:00.000Z', '2026-11-02T10:00:00.000Z', 3)",
                params![name, status],
            )
            .unwrap();
        }
        super::super::migrate(&mut conn).unwrap();
        let kinds = |id| -> Vec<EventKind> {
            of(&conn, id)
                .unwrap()
                .unwrap()
                .into_iter()
                .map(|e| {
                    assert_eq!(e.at, "2026-11-01T10:00:00.000Z");
                    e.kind
                })
                .collect()
        };
        let approved = [
            EventKind::Created,
            EventKind::Submitted,
            EventKind::Approved,
        ];
        assert_eq!(kinds(1), approved);
        assert_eq!(kinds(2), approved[..2]);
        assert_eq!(kinds(3), approved);
        assert_eq!(of(&conn, 4).unwrap(), None);
        // Kept after the template is gone.
        conn.execute("DELETE FROM templates WHERE id = 1", [])
            .unwrap();
        assert_eq!(kinds(1).len(), 3);
    }
}
