//! SQLite persistence: one connection behind a mutex, used from blocking tasks.
//!
//! One connection is plenty for a dev server and makes every handler's transaction run alone,
//! which is what the idempotency and If-Match rules need.

use std::path::Path;
use std::sync::{Arc, Mutex};

use hsm_domain::wire::{Filter, ListQuery, Sort};
use hsm_domain::{
    Category, CategoryChange, Quality, QualityScore, RejectionReason, Status, Template,
    TemplateDraft, TemplateGroup,
};
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row, ToSql, Transaction};

use crate::util::{fold, rfc3339};

pub mod events;

/// Each entry moves the schema from version `index` to `index + 1`; never edit a shipped one.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE templates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    language TEXT NOT NULL,
    category TEXT NOT NULL,
    status TEXT NOT NULL,
    search TEXT NOT NULL,
    rejected_reason TEXT,
    rejection_recommendation TEXT,
    quality TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL,
    review_due_ms INTEGER,
    UNIQUE (name, language)
);
-- The bulky JSON lives apart so that filtering and sorting scan a narrow table.
CREATE TABLE template_drafts (
    id INTEGER PRIMARY KEY REFERENCES templates (id) ON DELETE CASCADE,
    draft TEXT NOT NULL
);
CREATE INDEX templates_updated ON templates (updated_at, id);
CREATE INDEX templates_name ON templates (name, id);
CREATE INDEX templates_status ON templates (status);
CREATE INDEX templates_review_due ON templates (review_due_ms) WHERE review_due_ms IS NOT NULL;
CREATE TABLE deleted_names (name TEXT NOT NULL, language TEXT NOT NULL, deleted_ms INTEGER NOT NULL);
CREATE INDEX deleted_names_name ON deleted_names (name, deleted_ms);
CREATE TABLE approved_edits (template_id INTEGER NOT NULL, at_ms INTEGER NOT NULL);
CREATE INDEX approved_edits_template ON approved_edits (template_id, at_ms);
CREATE TABLE idempotency (
    key TEXT PRIMARY KEY,
    request_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    location TEXT,
    etag TEXT,
    created_ms INTEGER NOT NULL
);
"#,
    r#"
-- Meta's announced re-categorisation: `category_change` is the list filter's value
-- (`ANNOUNCED`, else NULL), the other two say what and when.
ALTER TABLE templates ADD COLUMN category_change TEXT;
ALTER TABLE templates ADD COLUMN category_change_to TEXT;
ALTER TABLE templates ADD COLUMN category_change_at TEXT;
"#,
    r#"
-- What happened to each template (`GET /templates/{id}/history`), oldest first by `at` then
-- `seq`. No foreign key: a deleted template keeps its history. `event` is the whole event as
-- JSON (hsm_domain::history::Event).
CREATE TABLE template_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    template_id INTEGER NOT NULL,
    at TEXT NOT NULL,
    type TEXT NOT NULL,
    event TEXT NOT NULL
);
CREATE INDEX template_events_template ON template_events (template_id, at, seq);
-- Templates stored before histories were written: their creation and submission, and an
-- approval at the same moment when their status says Meta approved them.
INSERT INTO template_events (template_id, at, type, event)
    SELECT id, created_at, 'created', json_object('at', created_at, 'version', 1, 'type', 'created')
    FROM templates ORDER BY id;
INSERT INTO template_events (template_id, at, type, event)
    SELECT id, created_at, 'submitted', json_object('at', created_at, 'version', 1, 'type', 'submitted')
    FROM templates ORDER BY id;
INSERT INTO template_events (template_id, at, type, event)
    SELECT id, created_at, 'approved', json_object('at', created_at, 'type', 'approved')
    FROM templates
    WHERE status IN ('APPROVED', 'PAUSED', 'FLAGGED', 'DISABLED', 'LOCKED', 'REINSTATED',
                     'ARCHIVED', 'LIMIT_EXCEEDED', 'PENDING_DELETION')
    ORDER BY id;
"#,
];

/// Idempotency keys are forgotten after this long.
const IDEMPOTENCY_TTL_MS: i64 = 24 * 3600 * 1000;

/// Shared handle on the database.
#[derive(Clone)]
pub struct Store {
    conn: Arc<Mutex<Connection>>,
}

impl Store {
    /// Opens (creating when missing) `path`, switches to WAL and runs pending migrations.
    pub fn open(path: &Path) -> rusqlite::Result<Store> {
        let mut conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrate(&mut conn)?;
        conn.execute_batch("PRAGMA optimize")?;
        conn.execute(
            "DELETE FROM idempotency WHERE created_ms < ?1",
            [crate::util::now_ms() - IDEMPOTENCY_TTL_MS],
        )?;
        Ok(Store {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs `f` with the connection on a blocking thread. A panic in `f` panics here too (a
    /// handler's panic becomes a 500 through the catch-panic layer); the connection stays usable
    /// (the mutex is taken even when poisoned, and an open transaction rolls back on unwind).
    pub async fn call<F, R>(&self, f: F) -> R
    where
        F: FnOnce(&mut Connection) -> R + Send + 'static,
        R: Send + 'static,
    {
        match self.try_call(f).await {
            Ok(r) => r,
            Err(panic) => panic!("store task panicked: {panic}"),
        }
    }

    /// [`Store::call`] inside one transaction: committed when `f` returns `Ok`, rolled back
    /// when it returns an error (the handlers' create, update and delete).
    pub async fn transaction<F, T, E>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&Transaction) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<rusqlite::Error> + Send + 'static,
    {
        self.call(move |c| {
            let tx = c.transaction()?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        })
        .await
    }

    /// Like [`Store::call`], with a panic in `f` returned as its message.
    pub async fn try_call<F, R>(&self, f: F) -> Result<R, String>
    where
        F: FnOnce(&mut Connection) -> R + Send + 'static,
        R: Send + 'static,
    {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let mut c = conn.lock().unwrap_or_else(|e| e.into_inner());
            f(&mut c)
        })
        .await
        .map_err(|e| match e.try_into_panic() {
            Ok(payload) => crate::util::panic_message(payload.as_ref()),
            Err(e) => e.to_string(),
        })
    }
}

fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let current: usize =
        conn.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))? as usize;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

/// Columns read by `row_to_template`, from `templates t` joined with `template_drafts d`.
const COLS: &str =
    "t.id, d.draft, t.status, t.rejected_reason, t.rejection_recommendation, t.quality, \
                    t.created_at, t.updated_at, t.version, t.category_change_to, t.category_change_at";
/// How many columns `COLS` names: a column selected after them is at this index.
const COLS_COUNT: usize = 11;
const FROM: &str = "templates t JOIN template_drafts d ON d.id = t.id";

fn row_to_template(row: &Row) -> rusqlite::Result<Template> {
    let draft_json: String = row.get(1)?;
    let draft: TemplateDraft = serde_json::from_str(&draft_json).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, Box::new(e))
    })?;
    Ok(Template {
        id: row.get::<_, i64>(0)?.to_string(),
        draft,
        status: Status::parse(&row.get::<_, String>(2)?),
        rejected_reason: row
            .get::<_, Option<String>>(3)?
            .map(|s| RejectionReason::parse(&s)),
        rejection_recommendation: row.get(4)?,
        quality_score: row.get::<_, Option<String>>(5)?.map(|s| QualityScore {
            score: Quality::parse(&s),
        }),
        created_at: row.get(6)?,
        updated_at: row.get(7)?,
        version: row.get::<_, i64>(8)? as u64,
        // Single-template answers add it (`routes::templates::get_single`); lists leave it out.
        edit_budget: None,
        category_change: match (row.get::<_, Option<String>>(9)?, row.get(10)?) {
            (Some(to), Some(effective_at)) => Some(CategoryChange {
                new_category: Category::parse(&to),
                effective_at,
            }),
            _ => None,
        },
    })
}

/// The search column: name and body text, folded.
pub fn search_text(d: &TemplateDraft) -> String {
    let body = d.body().map(|b| b.text.as_str()).unwrap_or("");
    fold(&format!("{}\n{}", d.name, body))
}

/// Parses a path id; anything that is not a positive integer is simply unknown.
pub fn parse_id(id: &str) -> Option<i64> {
    id.parse::<i64>().ok().filter(|&i| i > 0)
}

pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<Template>> {
    conn.query_row(
        &format!("SELECT {COLS} FROM {FROM} WHERE t.id = ?1"),
        [id],
        row_to_template,
    )
    .optional()
}

/// The SQL order of a list order; ties are broken by id in the same direction.
fn order_sql(sort: Sort) -> &'static str {
    match sort {
        Sort::NameAsc => "t.name ASC, t.id ASC",
        Sort::NameDesc => "t.name DESC, t.id DESC",
        Sort::UpdatedAsc => "t.updated_at ASC, t.id ASC",
        Sort::UpdatedDesc => "t.updated_at DESC, t.id DESC",
    }
}

/// The `WHERE` clause of a list query's search and filters, and its arguments.
fn filter_sql(q: &ListQuery) -> (String, Vec<Box<dyn ToSql>>) {
    let mut wheres: Vec<String> = Vec::new();
    let mut args: Vec<Box<dyn ToSql>> = Vec::new();
    let text = fold(&q.q);
    if !text.trim().is_empty() {
        // `instr`, not `LIKE '%…%'`: LIKE reads both strings only up to a NUL character, so
        // a body with one was not found past it, and a `q` with one matched too much. Both
        // sides are folded, so a plain substring test is the whole rule (and needs no escaping).
        wheres.push("instr(search, ?) > 0".into());
        args.push(Box::new(text.trim().to_owned()));
    }
    for f in Filter::ALL {
        // The filters are named as their columns.
        let (col, values) = (f.param(), q.filter(f));
        if !values.is_empty() {
            wheres.push(format!("{col} IN ({})", vec!["?"; values.len()].join(",")));
            for v in values {
                args.push(Box::new(v.clone()));
            }
        }
    }
    let filter = if wheres.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", wheres.join(" AND "))
    };
    (filter, args)
}

/// One page of templates and the total matching the filters (of a query already checked).
pub fn list(conn: &Connection, q: &ListQuery) -> rusqlite::Result<(Vec<Template>, u64)> {
    let (filter, args) = filter_sql(q);
    let total: i64 = conn
        .prepare_cached(&format!("SELECT COUNT(*) FROM templates {filter}"))?
        .query_row(params_from_iter(args.iter()), |r| r.get(0))?;
    let offset = (u64::from(q.page) - 1) * u64::from(q.per_page);
    // Page over the narrow table first; only the page's rows reach the drafts.
    let order = order_sql(q.sort);
    let sql = format!(
        "SELECT {COLS} FROM (SELECT * FROM templates t {filter} ORDER BY {order} LIMIT {} OFFSET {offset}) t
         JOIN template_drafts d ON d.id = t.id ORDER BY {order}",
        q.per_page
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let items = stmt
        .query_map(params_from_iter(args.iter()), row_to_template)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok((items, total as u64))
}

/// The order of names: by name, or by the newest change among the name's matching languages.
fn group_order_sql(sort: Sort) -> &'static str {
    match sort {
        Sort::NameAsc => "name ASC",
        Sort::NameDesc => "name DESC",
        Sort::UpdatedAsc => "updated ASC, name ASC",
        Sort::UpdatedDesc => "updated DESC, name DESC",
    }
}

/// One page of names (each with every language, and which of them match) and the number of
/// names matching the search and filters. A name appears when any of its languages matches.
pub fn list_groups(
    conn: &Connection,
    q: &ListQuery,
) -> rusqlite::Result<(Vec<TemplateGroup>, u64)> {
    let (filter, args) = filter_sql(q);
    let total: i64 = conn
        .prepare_cached(&format!(
            "SELECT COUNT(DISTINCT name) FROM templates {filter}"
        ))?
        .query_row(params_from_iter(args.iter()), |r| r.get(0))?;
    let offset = (u64::from(q.page) - 1) * u64::from(q.per_page);
    let order = group_order_sql(q.sort);
    // The page's names, and the ids of their matching languages.
    let sql = format!(
        "SELECT name, MAX(updated_at) AS updated, group_concat(id) FROM templates {filter}
         GROUP BY name ORDER BY {order} LIMIT {} OFFSET {offset}",
        q.per_page
    );
    let names: Vec<(String, String)> = conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(args.iter()), |r| {
            Ok((r.get(0)?, r.get(2)?))
        })?
        .collect::<Result<_, _>>()?;
    if names.is_empty() {
        return Ok((Vec::new(), total as u64));
    }
    let marks = vec!["?"; names.len()].join(",");
    let sql = format!(
        "SELECT {COLS}, t.name FROM {FROM} WHERE t.name IN ({marks}) ORDER BY t.language, t.id"
    );
    let mut by_name: std::collections::HashMap<String, Vec<Template>> =
        std::collections::HashMap::new();
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(names.iter().map(|(n, _)| n)), |r| {
        Ok((r.get::<_, String>(COLS_COUNT)?, row_to_template(r)?))
    })?;
    for row in rows {
        let (name, t) = row?;
        by_name.entry(name).or_default().push(t);
    }
    let groups = names
        .into_iter()
        .map(|(name, ids)| TemplateGroup {
            templates: by_name.remove(&name).unwrap_or_default(),
            matched: ids.split(',').map(str::to_owned).collect(),
            name,
        })
        .collect();
    Ok((groups, total as u64))
}

/// Languages in which `name` exists, and deletion times (unix seconds) of APPROVED templates
/// of that name deleted after `since_ms`.
pub fn name_usage(
    conn: &Connection,
    name: &str,
    since_ms: i64,
) -> rusqlite::Result<(Vec<String>, Vec<i64>)> {
    let langs = conn
        .prepare_cached("SELECT language FROM templates WHERE name = ?1")?
        .query_map([name], |r| r.get(0))?
        .collect::<Result<Vec<String>, _>>()?;
    let deleted = conn
        .prepare_cached(
            "SELECT deleted_ms / 1000 FROM deleted_names WHERE name = ?1 AND deleted_ms > ?2",
        )?
        .query_map(params![name, since_ms], |r| r.get(0))?
        .collect::<Result<Vec<i64>, _>>()?;
    Ok((langs, deleted))
}

/// Inserts a new PENDING template, reviewed at `review_due_ms`.
pub fn insert(
    tx: &Transaction,
    draft: &TemplateDraft,
    now_ms: i64,
    review_due_ms: i64,
) -> rusqlite::Result<Template> {
    let ts = rfc3339(now_ms);
    tx.execute(
        "INSERT INTO templates (name, language, category, status, search, created_at, updated_at, version, review_due_ms)
         VALUES (?1, ?2, ?3, 'PENDING', ?4, ?5, ?5, 1, ?6)",
        params![
            draft.name,
            draft.language.as_str(),
            draft.category.as_str(),
            search_text(draft),
            ts,
            review_due_ms
        ],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO template_drafts (id, draft) VALUES (?1, ?2)",
        params![id, serde_json::to_string(draft).expect("draft serializes")],
    )?;
    Ok(get(tx, id)?.expect("just inserted"))
}

/// Replaces the draft of version `expected_version`, back to PENDING; `false` when the version moved.
pub fn update(
    tx: &Transaction,
    id: i64,
    expected_version: u64,
    draft: &TemplateDraft,
    now_ms: i64,
    review_due_ms: i64,
) -> rusqlite::Result<bool> {
    let n = tx.execute(
        "UPDATE templates SET category = ?1, search = ?2, status = 'PENDING', rejected_reason = NULL,
             rejection_recommendation = NULL, updated_at = ?3, version = version + 1, review_due_ms = ?4
         WHERE id = ?5 AND version = ?6",
        params![
            draft.category.as_str(),
            search_text(draft),
            rfc3339(now_ms),
            review_due_ms,
            id,
            expected_version as i64
        ],
    )?;
    if n == 1 {
        tx.execute(
            "UPDATE template_drafts SET draft = ?1 WHERE id = ?2",
            params![serde_json::to_string(draft).expect("draft serializes"), id],
        )?;
    }
    Ok(n == 1)
}

pub fn record_approved_edit(tx: &Transaction, id: i64, now_ms: i64) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO approved_edits (template_id, at_ms) VALUES (?1, ?2)",
        params![id, now_ms],
    )?;
    Ok(())
}

/// Times (unix ms) of edits made while the template was APPROVED, after `since_ms`.
pub fn approved_edits_since(
    conn: &Connection,
    id: i64,
    since_ms: i64,
) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = conn
        .prepare_cached("SELECT at_ms FROM approved_edits WHERE template_id = ?1 AND at_ms > ?2")?;
    let rows = stmt.query_map(params![id, since_ms], |r| r.get(0))?;
    rows.collect()
}

/// Deletes one template; remembers the name when it was APPROVED.
pub fn delete(tx: &Transaction, t: &Template, now_ms: i64) -> rusqlite::Result<()> {
    let id = parse_id(&t.id).unwrap_or(0);
    tx.execute("DELETE FROM template_drafts WHERE id = ?1", [id])?;
    tx.execute("DELETE FROM templates WHERE id = ?1", [id])?;
    tx.execute("DELETE FROM approved_edits WHERE template_id = ?1", [id])?;
    if t.status == Status::Approved {
        tx.execute(
            "INSERT INTO deleted_names (name, language, deleted_ms) VALUES (?1, ?2, ?3)",
            params![t.draft.name, t.draft.language.as_str(), now_ms],
        )?;
    }
    Ok(())
}

/// A stored answer to an idempotent POST.
#[derive(Debug, Clone)]
pub struct SavedAnswer {
    pub request_hash: String,
    pub status: u16,
    pub body: String,
    pub location: Option<String>,
    pub etag: Option<String>,
}

pub fn idempotency_get(conn: &Connection, key: &str) -> rusqlite::Result<Option<SavedAnswer>> {
    conn.query_row(
        "SELECT request_hash, status, body, location, etag FROM idempotency WHERE key = ?1",
        [key],
        |r| {
            Ok(SavedAnswer {
                request_hash: r.get(0)?,
                status: r.get::<_, i64>(1)? as u16,
                body: r.get(2)?,
                location: r.get(3)?,
                etag: r.get(4)?,
            })
        },
    )
    .optional()
}

pub fn idempotency_put(
    tx: &Transaction,
    key: &str,
    a: &SavedAnswer,
    now_ms: i64,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO idempotency (key, request_hash, status, body, location, etag, created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![key, a.request_hash, a.status as i64, a.body, a.location, a.etag, now_ms],
    )?;
    Ok(())
}

/// A template whose simulated review is due.
pub struct DueReview {
    pub id: i64,
    /// The version before the review step.
    pub version: u64,
    pub status: Status,
    pub quality: Option<String>,
    pub draft: TemplateDraft,
}

pub fn due_reviews(conn: &Connection, now_ms: i64) -> rusqlite::Result<Vec<DueReview>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.id, t.status, t.quality, d.draft, t.version FROM templates t JOIN template_drafts d ON d.id = t.id
         WHERE t.review_due_ms IS NOT NULL AND t.review_due_ms <= ?1",
    )?;
    let rows = stmt.query_map([now_ms], |r| {
        let draft: String = r.get(3)?;
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            draft,
            r.get::<_, i64>(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, status, quality, draft, version) = row?;
        // A draft that no longer parses cannot be reviewed; leave it as it is.
        if let Ok(draft) = serde_json::from_str(&draft) {
            out.push(DueReview {
                id,
                version: version as u64,
                status: Status::parse(&status),
                quality,
                draft,
            });
        } else {
            conn.execute(
                "UPDATE templates SET review_due_ms = NULL WHERE id = ?1",
                [id],
            )?;
        }
    }
    Ok(out)
}

/// Clears a review's due time, leaving everything else as it is (nothing left to simulate).
pub fn clear_review_due(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE templates SET review_due_ms = NULL WHERE id = ?1",
        [id],
    )?;
    Ok(())
}

/// When a template's review is due, if it is.
#[cfg(test)]
pub fn review_due_ms(conn: &Connection, id: i64) -> rusqlite::Result<Option<i64>> {
    conn.query_row(
        "SELECT review_due_ms FROM templates WHERE id = ?1",
        [id],
        |r| r.get(0),
    )
}

/// A template as the seed writes it: its draft and what Meta's review would have left.
pub struct Seeded<'a> {
    pub draft: &'a TemplateDraft,
    pub status: &'a Status,
    pub rejected_reason: Option<&'a RejectionReason>,
    pub recommendation: Option<&'a str>,
    pub quality: Option<&'a str>,
    pub created_ms: i64,
    pub updated_ms: i64,
    pub version: i64,
}

/// Inserts a seeded template, not due for review (statements prepared once per connection).
pub fn insert_seeded(conn: &Connection, t: &Seeded) -> rusqlite::Result<i64> {
    let d = t.draft;
    conn.prepare_cached(
        "INSERT INTO templates (name, language, category, status, search, rejected_reason,
             rejection_recommendation, quality, created_at, updated_at, version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        d.name,
        d.language.as_str(),
        d.category.as_str(),
        t.status.as_str(),
        search_text(d),
        t.rejected_reason.map(|r| r.as_str()),
        t.recommendation,
        t.quality,
        rfc3339(t.created_ms),
        rfc3339(t.updated_ms),
        t.version,
    ])?;
    let id = conn.last_insert_rowid();
    conn.prepare_cached("INSERT INTO template_drafts (id, draft) VALUES (?1, ?2)")?
        .execute(params![
            id,
            serde_json::to_string(d).expect("draft serializes")
        ])?;
    Ok(id)
}

/// Rewrites what the seed's story of a template changed: status, quality, last change and
/// version.
pub fn set_seeded_state(
    conn: &Connection,
    id: i64,
    status: &Status,
    quality: Option<&Quality>,
    updated_ms: i64,
    version: u64,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE templates SET status = ?1, quality = ?2, updated_at = ?3, version = ?4 WHERE id = ?5",
        params![
            status.as_str(),
            quality.map(|q| q.as_str()),
            rfc3339(updated_ms),
            version as i64,
            id
        ],
    )?;
    Ok(())
}

/// Marks Meta's announced move of template `id` to `change.new_category` (what the
/// `category_change=ANNOUNCED` filter finds).
pub fn announce_category_change(
    conn: &Connection,
    id: i64,
    change: &CategoryChange,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE templates SET category_change = 'ANNOUNCED', category_change_to = ?1,
             category_change_at = ?2 WHERE id = ?3",
        params![change.new_category.as_str(), change.effective_at, id],
    )?;
    Ok(())
}

/// Fresh statistics, so the planner picks indexes well for the list queries.
pub fn analyze(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch("ANALYZE")
}

/// Makes a review due again at `due_ms`, leaving everything else as it is.
pub fn postpone_review(conn: &Connection, id: i64, due_ms: i64) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE templates SET review_due_ms = ?1 WHERE id = ?2",
        params![due_ms, id],
    )?;
    Ok(())
}

/// Earliest pending review time, if any.
pub fn next_review_due(conn: &Connection) -> rusqlite::Result<Option<i64>> {
    conn.query_row(
        "SELECT MIN(review_due_ms) FROM templates WHERE review_due_ms IS NOT NULL",
        [],
        |r| r.get(0),
    )
}

/// The outcome of a review step, written with a version bump.
pub struct ReviewResult<'a> {
    pub status: &'a Status,
    pub rejected_reason: Option<&'a RejectionReason>,
    pub recommendation: Option<&'a str>,
    pub quality: Option<&'a Quality>,
    pub next_due_ms: Option<i64>,
}

pub fn apply_review(
    conn: &Connection,
    id: i64,
    r: &ReviewResult,
    now_ms: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE templates SET status = ?1, rejected_reason = ?2, rejection_recommendation = ?3, quality = ?4,
             review_due_ms = ?5, updated_at = ?6, version = version + 1
         WHERE id = ?7",
        params![
            r.status.as_str(),
            r.rejected_reason.map(|x| x.as_str()),
            r.recommendation,
            r.quality.map(|q| q.as_str()),
            r.next_due_ms,
            rfc3339(now_ms),
            id
        ],
    )?;
    Ok(())
}

pub fn count(conn: &Connection) -> rusqlite::Result<u64> {
    conn.query_row("SELECT COUNT(*) FROM templates", [], |r| r.get::<_, i64>(0))
        .map(|n| n as u64)
}
