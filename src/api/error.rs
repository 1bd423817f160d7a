//! `ApiError`: every way a call to the backend can fail, as a value screens render and retry.

use hsm_domain::FieldError;
use serde::Deserialize;
use thiserror::Error;

/// Why an API call failed.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ApiError {
    /// The request never got an answer (backend down, connection dropped, CORS refused).
    #[error("network error: {0}")]
    Network(String),
    /// 401: the session ended or the token is wrong.
    #[error("unauthorized")]
    Unauthorized,
    /// 403: the profile lacks the permission.
    #[error("forbidden")]
    Forbidden,
    /// 404.
    #[error("not found")]
    NotFound,
    /// 409: a rule about the current state (name taken, status not editable…).
    #[error("conflict: {code}")]
    Conflict { code: String, detail: String },
    /// 412: someone else saved first.
    #[error("precondition failed")]
    PreconditionFailed,
    /// 400/422: the input broke rules, field by field.
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    /// 429: try again after this many seconds.
    #[error("rate limited")]
    RateLimited { retry_after: Option<u32> },
    /// 5xx or any other unexpected status.
    #[error("server error {status}")]
    Server { status: u16 },
    /// The answer could not be read.
    #[error("unexpected response: {0}")]
    Decode(String),
}

impl ApiError {
    /// Whether trying the same request again may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            ApiError::Network(_) | ApiError::Server { .. } | ApiError::RateLimited { .. }
        )
    }
}

/// RFC 9457 problem body, as far as the app reads it.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct Problem {
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub detail: Option<String>,
    #[serde(default)]
    pub errors: Vec<FieldError>,
}

/// Maps a non-success status and its (possibly empty) problem body to an `ApiError`.
pub(crate) fn from_status(status: u16, body: &str, retry_after: Option<u32>) -> ApiError {
    let problem: Problem = serde_json::from_str(body).unwrap_or_default();
    match status {
        401 => ApiError::Unauthorized,
        403 => ApiError::Forbidden,
        404 => ApiError::NotFound,
        409 => ApiError::Conflict {
            code: problem
                .code
                .or_else(|| problem.errors.first().map(|e| e.code.clone()))
                .unwrap_or_default(),
            detail: problem.detail.unwrap_or_default(),
        },
        412 => ApiError::PreconditionFailed,
        // 413/415: a refused upload (`file_too_large`, `unsupported_media_type`,
        // `media_content_mismatch`, `media_format_mismatch`), told by its field error.
        400 | 422 => ApiError::Validation(problem.errors),
        413 | 415 if !problem.errors.is_empty() => ApiError::Validation(problem.errors),
        429 => ApiError::RateLimited { retry_after },
        _ => ApiError::Server { status },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_statuses_and_problem_bodies() {
        let body = r#"{"type":"about:blank","title":"Invalid","status":422,
            "errors":[{"field":"body.text","code":"body_too_long","params":{"limit":1024,"found":1030}}]}"#;
        match from_status(422, body, None) {
            ApiError::Validation(errs) => {
                assert_eq!(errs[0].field, "body.text");
                assert_eq!(errs[0].params["limit"], 1024);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(from_status(401, "", None), ApiError::Unauthorized);
        assert_eq!(
            from_status(
                409,
                r#"{"errors":[{"field":"name","code":"name_language_taken"}]}"#,
                None
            ),
            ApiError::Conflict {
                code: "name_language_taken".into(),
                detail: String::new()
            }
        );
        assert_eq!(
            from_status(503, "<html>", None),
            ApiError::Server { status: 503 }
        );
        assert!(from_status(503, "", None).is_retryable());
        // A refused upload is told by its field error, not as a server failure.
        let refused = r#"{"status":415,"code":"media_content_mismatch","errors":[{"field":"file",
            "code":"media_content_mismatch","params":{"found":"PDF","declared":"PNG"}}]}"#;
        match from_status(415, refused, None) {
            ApiError::Validation(errs) => {
                assert_eq!(errs[0].code, "media_content_mismatch");
                assert_eq!(errs[0].params["declared"], "PNG");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(from_status(415, "", None), ApiError::Server { status: 415 });
        assert!(!ApiError::Forbidden.is_retryable());
    }
}
