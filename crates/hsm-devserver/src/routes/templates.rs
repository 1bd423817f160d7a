//! `/api/v1/whatsapp/templates`: list, read, create (idempotent), update (If-Match), delete,
//! and the name-availability check.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderName, StatusCode};
use axum::response::{IntoResponse, Response};
use hsm_domain::editing::{edit_rate_issue, DAY, NAME_BLOCK_SECONDS};
use hsm_domain::history::{changes, Event, EventKind};
use hsm_domain::wire::{problem, Availability, Filter, ListQuery, Page};
use hsm_domain::{
    can_delete, can_edit, check_edit_rate, check_name_available, check_update, codes, edit_budget,
    validate, Issue, Language, Severity, Status, Template, TemplateDraft,
};
use serde_json::{json, Value};

use super::headers::{etag, IdempotencyKey, IfMatch};
use super::AppState;
use crate::problem::Problem;
use crate::review;
use crate::store::{self, SavedAnswer};
use crate::util::{now_ms, rfc3339, stable_hash};

const BASE: &str = "/api/v1/whatsapp/templates";

pub(crate) fn json_response(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

fn template_response(status: StatusCode, t: &Template) -> Response {
    let mut res = json_response(
        status,
        serde_json::to_string(t).expect("template serializes"),
    );
    if let Ok(v) = etag(t.version).parse() {
        res.headers_mut().insert(header::ETAG, v);
    }
    res
}

/// Reads the list parameters (`hsm_domain::wire::ListQuery::from_pairs`); a refused one is a 400
/// naming it.
pub(crate) fn parse_list_query(raw: Option<&str>) -> Result<ListQuery, Problem> {
    ListQuery::from_pairs(form_urlencoded::parse(raw.unwrap_or("").as_bytes()))
        .map_err(|e| Problem::bad_param(e.param, e.code, e.detail))
}

/// A store read of one page of a list query: the items and how many match in all.
type PageRead<T> = fn(&rusqlite::Connection, &ListQuery) -> rusqlite::Result<(Vec<T>, u64)>;

/// One page of a list query, as read by `read` from the store.
async fn page_of<T: serde::Serialize + Send + 'static>(
    st: &AppState,
    raw: Option<&str>,
    read: PageRead<T>,
) -> Result<Response, Problem> {
    let q = parse_list_query(raw)?;
    let (page, per_page) = (q.page, q.per_page);
    let (items, total) = st.store.call(move |c| read(c, &q)).await?;
    let body = serde_json::to_string(&Page {
        items,
        total,
        page,
        per_page,
    })
    .expect("page serializes");
    Ok(json_response(StatusCode::OK, body))
}

/// `GET /templates`
pub async fn list(
    State(st): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, Problem> {
    page_of(&st, raw.as_deref(), store::list).await
}

/// `GET /template-groups`: the same search, filters, order and paging as `GET /templates`,
/// over names; each entry holds every language of its name and which of them match.
pub async fn list_groups(
    State(st): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, Problem> {
    page_of(&st, raw.as_deref(), store::list_groups).await
}

/// `GET /templates/availability?name=&language=`
pub async fn availability(
    State(st): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, Problem> {
    let (mut name, mut language) = (None, None);
    for (k, v) in form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
        match k.as_ref() {
            "name" => name = Some(v.into_owned()),
            "language" => language = Some(v.into_owned()),
            _ => {}
        }
    }
    let name = name
        .filter(|n| !n.is_empty())
        .ok_or_else(|| Problem::bad_param("name", problem::REQUIRED, "name is required"))?;
    let language = language
        .filter(|l| Filter::Language.accepts(l))
        .ok_or_else(|| {
            Problem::bad_param("language", problem::REQUIRED, "a language code is required")
        })?;
    let language = Language::parse(&language);
    let issues = st
        .store
        .call(move |c| name_issues(c, &name, &language, now_ms()))
        .await?;
    let reason = issues.first().map(|i| {
        if i.code == codes::NAME_LANGUAGE_TAKEN {
            Availability::EXISTS
        } else {
            Availability::RECENTLY_DELETED
        }
    });
    let body = Availability {
        available: reason.is_none(),
        reason: reason.map(str::to_owned),
    };
    let body = serde_json::to_string(&body).expect("availability serializes");
    Ok(json_response(StatusCode::OK, body))
}

pub(crate) fn lookup(id: &str) -> Result<i64, Problem> {
    store::parse_id(id).ok_or_else(|| Problem::not_found("template"))
}

/// Times (unix seconds) of the edits made to template `id` while it was APPROVED, in the
/// 30 days before `now_ms`: what the approved-edit budget counts.
fn approved_edit_times(
    conn: &rusqlite::Connection,
    id: i64,
    now_ms: i64,
) -> rusqlite::Result<Vec<i64>> {
    let since_ms = now_ms - 30 * DAY * 1000;
    Ok(store::approved_edits_since(conn, id, since_ms)?
        .into_iter()
        .map(|ms| ms.div_euclid(1000))
        .collect())
}

/// One template as the single-template answers send it: an APPROVED one carries its
/// `edit_budget` (the list leaves it out, to stay one narrow query).
fn get_single(
    conn: &rusqlite::Connection,
    id: i64,
    now_ms: i64,
) -> rusqlite::Result<Option<Template>> {
    let Some(mut t) = store::get(conn, id)? else {
        return Ok(None);
    };
    if t.status == Status::Approved {
        let edits = approved_edit_times(conn, id, now_ms)?;
        t.edit_budget = Some(edit_budget(&edits, now_ms.div_euclid(1000)));
    }
    Ok(Some(t))
}

/// `GET /templates/{id}`
pub async fn get_one(
    State(st): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, Problem> {
    let id = lookup(&id)?;
    let t = st
        .store
        .call(move |c| get_single(c, id, now_ms()))
        .await?
        .ok_or_else(|| Problem::not_found("template"))?;
    Ok(template_response(StatusCode::OK, &t))
}

pub(crate) fn parse_draft(body: &[u8]) -> Result<TemplateDraft, Problem> {
    let value: Value = serde_json::from_slice(body).map_err(|e| {
        Problem::new(
            StatusCode::BAD_REQUEST,
            problem::MALFORMED_JSON,
            format!("body is not JSON: {e}"),
        )
    })?;
    serde_json::from_value(value).map_err(|e| {
        Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            problem::INVALID_BODY,
            "body is not a template draft",
        )
        .field(
            "",
            problem::INVALID_SHAPE,
            json!({ "message": e.to_string() }),
        )
    })
}

/// 422 carrying every blocking issue, or `None` when only warnings (or nothing) remain.
fn blocking(issues: Vec<Issue>) -> Option<Problem> {
    let mut p = Problem::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        problem::VALIDATION_FAILED,
        "the template breaks a rule",
    );
    for i in issues.into_iter().filter(|i| i.severity == Severity::Error) {
        p = p.issue(i);
    }
    (!p.errors.is_empty()).then_some(p)
}

/// The domain's name rules (`name_language_taken`, `name_recently_deleted`) over stored names.
pub(crate) fn name_issues(
    conn: &rusqlite::Connection,
    name: &str,
    language: &Language,
    now: i64,
) -> rusqlite::Result<Vec<Issue>> {
    let (langs, deleted) = store::name_usage(conn, name, now - NAME_BLOCK_SECONDS * 1000)?;
    let langs: Vec<Language> = langs.iter().map(|l| Language::parse(l)).collect();
    Ok(check_name_available(
        name,
        language,
        langs.iter().map(|l| (name, l)),
        deleted.into_iter().map(|t| (name, t)),
        now / 1000,
    ))
}

fn create_in(
    tx: &rusqlite::Transaction,
    body: &[u8],
    now: i64,
    delay: i64,
) -> Result<Template, Problem> {
    let draft = parse_draft(body)?;
    let due = now + review::review_delay_for(&draft, delay);
    if let Some(p) = blocking(validate(&draft)) {
        return Err(p);
    }
    if let Some(issue) = name_issues(tx, &draft.name, &draft.language, now)?
        .into_iter()
        .next()
    {
        let detail = if issue.code == codes::NAME_LANGUAGE_TAKEN {
            "a template with this name and language exists"
        } else {
            "an approved template with this name was deleted less than 30 days ago"
        };
        return Err(Problem::new(StatusCode::CONFLICT, &issue.code, detail).issue(issue));
    }
    let t = store::insert(tx, &draft, now, due)?;
    record(
        tx,
        &t.id,
        now,
        Some(t.version),
        [EventKind::Created, EventKind::Submitted],
    )?;
    Ok(t)
}

/// Writes `kinds` to the history of template `id`, at `now`, each with `version`.
fn record(
    tx: &rusqlite::Transaction,
    id: &str,
    now: i64,
    version: Option<u64>,
    kinds: impl IntoIterator<Item = EventKind>,
) -> rusqlite::Result<()> {
    let id = store::parse_id(id).unwrap_or(0);
    for kind in kinds {
        let event = Event {
            at: rfc3339(now),
            version,
            kind,
        };
        store::events::record(tx, id, &event)?;
    }
    Ok(())
}

fn answer_of(result: &Result<Template, Problem>, request_hash: String) -> SavedAnswer {
    match result {
        Ok(t) => SavedAnswer {
            request_hash,
            status: 201,
            body: serde_json::to_string(t).expect("template serializes"),
            location: Some(format!("{BASE}/{}", t.id)),
            etag: Some(etag(t.version)),
        },
        Err(p) => SavedAnswer {
            request_hash,
            status: p.status.as_u16(),
            body: p.body_json(),
            location: None,
            etag: None,
        },
    }
}

fn saved_response(a: &SavedAnswer, replayed: bool) -> Response {
    let status = StatusCode::from_u16(a.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let ctype = if a.status >= 400 {
        crate::problem::PROBLEM_JSON
    } else {
        "application/json"
    };
    let mut res = (status, [(header::CONTENT_TYPE, ctype)], a.body.clone()).into_response();
    let h = res.headers_mut();
    for (name, value) in [(header::LOCATION, &a.location), (header::ETAG, &a.etag)] {
        if let Some(v) = value.as_deref().and_then(|v| v.parse().ok()) {
            h.insert(name, v);
        }
    }
    if replayed {
        h.insert(
            HeaderName::from_static("idempotent-replayed"),
            "true".parse().expect("static"),
        );
    }
    res
}

/// `POST /templates`: with `Idempotency-Key`, the first answer is stored and replayed.
/// The check, the insert and the stored answer share one transaction on the one connection,
/// so two requests with the same key can never both create.
pub async fn create(
    State(st): State<AppState>,
    IdempotencyKey(key): IdempotencyKey,
    body: Bytes,
) -> Result<Response, Problem> {
    // Same JSON, same request, whatever the key order or spacing.
    let request_hash = match serde_json::from_slice::<Value>(&body) {
        Ok(v) => stable_hash(v.to_string().as_bytes()),
        Err(_) => stable_hash(&body),
    };
    let delay = st.review_delay_ms;
    let res = st
        .store
        .transaction(move |tx| -> Result<Response, Problem> {
            let now = now_ms();
            if let Some(key) = &key {
                if let Some(saved) = store::idempotency_get(tx, key)? {
                    if saved.request_hash != request_hash {
                        return Err(Problem::new(
                            StatusCode::UNPROCESSABLE_ENTITY,
                            problem::IDEMPOTENCY_KEY_REUSED,
                            "this Idempotency-Key was used with a different body",
                        )
                        .field(
                            "Idempotency-Key",
                            problem::IDEMPOTENCY_KEY_REUSED,
                            Value::Null,
                        ));
                    }
                    return Ok(saved_response(&saved, true));
                }
            }
            let result = create_in(tx, &body, now, delay);
            let answer = answer_of(&result, request_hash);
            // Server errors are not final answers: a retry may succeed.
            if let (Some(key), true) = (&key, answer.status < 500) {
                store::idempotency_put(tx, key, &answer, now)?;
            }
            Ok(saved_response(&answer, false))
        })
        .await?;
    st.review_wake.notify_one();
    Ok(res)
}

/// `PUT /templates/{id}`: needs `If-Match`; sends the template back to review.
pub async fn update(
    State(st): State<AppState>,
    Path(id): Path<String>,
    IfMatch(if_match): IfMatch,
    body: Bytes,
) -> Result<Response, Problem> {
    let id = lookup(&id)?;
    let delay = st.review_delay_ms;
    let t = st
        .store
        .transaction(move |tx| -> Result<Template, Problem> {
            let now = now_ms();
            let old = store::get(tx, id)?.ok_or_else(|| Problem::not_found("template"))?;
            let Some(if_match) = if_match else {
                return Err(Problem::new(StatusCode::PRECONDITION_REQUIRED, problem::PRECONDITION_REQUIRED, "send If-Match with the ETag you edited")
                    .field("If-Match", problem::REQUIRED, Value::Null));
            };
            if !IfMatch::matches(&if_match, old.version) {
                return Err(Problem::new(StatusCode::PRECONDITION_FAILED, problem::PRECONDITION_FAILED, "the template changed since you loaded it")
                    .field("If-Match", problem::STALE, json!({ "current": etag(old.version) }))
                    .header(header::ETAG, etag(old.version)));
            }
            let draft = parse_draft(&body)?;
            if !can_edit(&old.status) {
                let mut p = Problem::new(
                    StatusCode::CONFLICT,
                    problem::STATUS_NOT_EDITABLE,
                    "only APPROVED, REJECTED or PAUSED templates can be edited",
                );
                for i in check_update(&old, &draft).into_iter().filter(|i| i.code == codes::EDIT_NOT_ALLOWED) {
                    p = p.issue(i);
                }
                return Err(p);
            }
            let mut issues = check_update(&old, &draft);
            issues.extend(validate(&draft));
            if let Some(p) = blocking(issues) {
                return Err(p);
            }
            let was_approved = old.status == Status::Approved;
            if was_approved {
                let edits = approved_edit_times(tx, id, now)?;
                if let Err(retry) = check_edit_rate(&edits, now.div_euclid(1000)) {
                    return Err(Problem::new(
                        StatusCode::TOO_MANY_REQUESTS,
                        codes::EDIT_RATE_LIMITED,
                        "an approved template may be edited once per 24 hours and 10 times per 30 days",
                    )
                    .issue(edit_rate_issue(retry))
                    .header(header::RETRY_AFTER, retry));
                }
            }
            let due = now + review::review_delay_for(&draft, delay);
            if !store::update(tx, id, old.version, &draft, now, due)? {
                return Err(Problem::new(StatusCode::PRECONDITION_FAILED, problem::PRECONDITION_FAILED, "the template changed since you loaded it"));
            }
            if was_approved {
                store::record_approved_edit(tx, id, now)?;
            }
            let edited = EventKind::Edited {
                changes: changes(&old.draft, &draft),
            };
            record(tx, &old.id, now, Some(old.version + 1), [edited, EventKind::Submitted])?;
            // PENDING again, so without a budget; read as a single answer all the same.
            let t = get_single(tx, id, now)?.ok_or_else(|| Problem::not_found("template"))?;
            Ok(t)
        })
        .await?;
    st.review_wake.notify_one();
    Ok(template_response(StatusCode::OK, &t))
}

/// `DELETE /templates/{id}`: `If-Match` is optional; DISABLED templates stay.
pub async fn delete(
    State(st): State<AppState>,
    Path(id): Path<String>,
    IfMatch(if_match): IfMatch,
) -> Result<Response, Problem> {
    let id = lookup(&id)?;
    st.store
        .transaction(move |tx| -> Result<(), Problem> {
            let t = store::get(tx, id)?.ok_or_else(|| Problem::not_found("template"))?;
            if let Some(m) = if_match {
                if !IfMatch::matches(&m, t.version) {
                    return Err(Problem::new(
                        StatusCode::PRECONDITION_FAILED,
                        problem::PRECONDITION_FAILED,
                        "the template changed since you loaded it",
                    )
                    .header(header::ETAG, etag(t.version)));
                }
            }
            if !can_delete(&t.status) {
                return Err(Problem::new(
                    StatusCode::CONFLICT,
                    problem::STATUS_NOT_DELETABLE,
                    "DISABLED templates cannot be deleted",
                )
                .field(
                    "status",
                    problem::STATUS_NOT_DELETABLE,
                    json!({ "status": t.status }),
                ));
            }
            let now = now_ms();
            store::delete(tx, &t, now)?;
            record(tx, &t.id, now, None, [EventKind::Deleted])?;
            Ok(())
        })
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use hsm_domain::wire::Sort;

    #[test]
    fn list_query_forms() {
        let q = parse_list_query(Some(
            "status=APPROVED,REJECTED&status=PAUSED&language=pt_BR&sort=name&page=2&per_page=10",
        ))
        .unwrap();
        assert_eq!(q.status, ["APPROVED", "REJECTED", "PAUSED"]);
        assert_eq!(q.language, ["pt_BR"]);
        assert_eq!((q.sort, q.page, q.per_page), (Sort::NameAsc, 2, 10));
        let e = parse_list_query(Some("per_page=101")).unwrap_err();
        assert_eq!(e.errors[0].field, "per_page");
        assert!(parse_list_query(Some("status=approved")).is_err());
    }

    #[test]
    fn empty_or_spaced_filter_items_are_refused() {
        for raw in [
            "category=",
            "status=APPROVED,",
            "status=,APPROVED",
            "language=pt_BR,,es",
            "status=APPROVED, REJECTED",
            "category=%20UTILITY",
        ] {
            let e = parse_list_query(Some(raw)).expect_err(raw);
            assert_eq!(e.status, StatusCode::BAD_REQUEST, "{raw}");
            assert_eq!(e.errors[0].field, raw.split('=').next().unwrap(), "{raw}");
        }
        let q = parse_list_query(Some("category=UTILITY,MARKETING&category=UTILITY")).unwrap();
        assert_eq!(q.category, ["UTILITY", "MARKETING", "UTILITY"]);
    }
}
