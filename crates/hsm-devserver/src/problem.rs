//! RFC 9457 problem details: the body of every error answer.

use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use hsm_domain::wire::problem;
use hsm_domain::FieldError;
use serde::Serialize;
use serde_json::Value;

/// Media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An error answer. `code` is the stable machine-readable reason, also the tail of `type`.
#[derive(Debug, Clone)]
pub struct Problem {
    pub status: StatusCode,
    pub code: String,
    pub detail: String,
    pub errors: Vec<FieldError>,
    pub headers: Vec<(HeaderName, HeaderValue)>,
}

#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: String,
    title: &'a str,
    status: u16,
    detail: &'a str,
    code: &'a str,
    errors: &'a [FieldError],
}

impl Problem {
    pub fn new(status: StatusCode, code: &str, detail: impl Into<String>) -> Self {
        Problem {
            status,
            code: code.to_owned(),
            detail: detail.into(),
            errors: Vec::new(),
            headers: Vec::new(),
        }
    }

    /// Adds a field error (`field` in its dotted form, or a parameter or header name).
    pub fn field(mut self, field: &str, code: &str, params: Value) -> Self {
        self.errors.push(FieldError::new(field, code, params));
        self
    }

    /// Adds a domain issue as a field error.
    pub fn issue(mut self, i: hsm_domain::Issue) -> Self {
        self.errors.push(i.into());
        self
    }

    /// Adds a response header.
    pub fn header(mut self, name: HeaderName, value: impl ToString) -> Self {
        if let Ok(v) = HeaderValue::from_str(&value.to_string()) {
            self.headers.push((name, v));
        }
        self
    }

    /// 400 for a query or header parameter: `errors[0].field` names it.
    pub fn bad_param(param: &str, code: &str, detail: impl Into<String>) -> Self {
        Problem::new(StatusCode::BAD_REQUEST, problem::INVALID_PARAMETER, detail).field(
            param,
            code,
            Value::Null,
        )
    }

    pub fn not_found(what: &str) -> Self {
        Problem::new(
            StatusCode::NOT_FOUND,
            problem::NOT_FOUND,
            format!("{what} not found"),
        )
    }

    pub fn internal(detail: impl Into<String>) -> Self {
        Problem::new(StatusCode::INTERNAL_SERVER_ERROR, problem::INTERNAL, detail)
    }

    /// The JSON body as sent.
    pub fn body_json(&self) -> String {
        let body = Body {
            kind: format!("urn:hsm-devserver:problem:{}", self.code),
            title: self.status.canonical_reason().unwrap_or("Error"),
            status: self.status.as_u16(),
            detail: &self.detail,
            code: &self.code,
            errors: &self.errors,
        };
        serde_json::to_string(&body).unwrap_or_default()
    }
}

impl From<rusqlite::Error> for Problem {
    fn from(e: rusqlite::Error) -> Self {
        Problem::internal(format!("storage error: {e}"))
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let mut res = (
            self.status,
            [(header::CONTENT_TYPE, PROBLEM_JSON)],
            self.body_json(),
        )
            .into_response();
        for (k, v) in self.headers {
            res.headers_mut().append(k, v);
        }
        res
    }
}
