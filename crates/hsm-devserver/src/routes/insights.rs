//! `GET /templates/{id}/insights` (the simulated daily numbers, `crate::traffic`) and
//! `GET /templates/{id}/history` (the events written as they happened, `store::events`).

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use hsm_domain::history::History;
use hsm_domain::insights::{Day, InsightsQuery};
use hsm_domain::wire::ParamError;

use super::templates::{json_response, lookup};
use super::AppState;
use crate::problem::Problem;
use crate::store::{self, events};
use crate::traffic;
use crate::util::now_ms;

fn bad(e: ParamError) -> Problem {
    Problem::bad_param(e.param, e.code, e.detail)
}

/// `GET /templates/{id}/insights?window=|from=&to=`: 400 naming a refused parameter, 404 for
/// a template that does not exist now (a deleted one included).
pub async fn insights(
    State(st): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, Problem> {
    let id = lookup(&id)?;
    let q = InsightsQuery::from_pairs(form_urlencoded::parse(
        raw.as_deref().unwrap_or("").as_bytes(),
    ))
    .map_err(bad)?;
    let today = Day::from_ms(now_ms());
    let days = q.days(today).map_err(bad)?;
    let found = st
        .store
        .call(move |c| -> rusqlite::Result<_> {
            let Some(t) = store::get(c, id)? else {
                return Ok(None);
            };
            Ok(Some((t, events::of(c, id)?.unwrap_or_default())))
        })
        .await?;
    let (t, history) = found.ok_or_else(|| Problem::not_found("template"))?;
    let body = traffic::insights(&t, &history, days, today, st.cost_data);
    Ok(json_response(
        StatusCode::OK,
        serde_json::to_string(&body).expect("insights serialize"),
    ))
}

/// `GET /templates/{id}/history`: newest first (same moment: the later written first); 200
/// for a deleted template, 404 for an id that never had one.
pub async fn history(
    State(st): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, Problem> {
    let id = lookup(&id)?;
    let mut items = st
        .store
        .call(move |c| events::of(c, id))
        .await?
        .ok_or_else(|| Problem::not_found("template"))?;
    items.reverse();
    Ok(json_response(
        StatusCode::OK,
        serde_json::to_string(&History { items }).expect("history serializes"),
    ))
}
