//! The request headers the template routes read, as axum extractors: a malformed value becomes
//! the contract's problem before a handler runs.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use hsm_domain::wire::problem;

use crate::problem::Problem;

/// The strong ETag of a version.
pub fn etag(version: u64) -> String {
    format!("\"v{version}\"")
}

/// `Idempotency-Key`, when sent: 1 to 255 visible characters (trimmed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for IdempotencyKey {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Problem> {
        let Some(value) = parts.headers.get("idempotency-key") else {
            return Ok(IdempotencyKey(None));
        };
        value
            .to_str()
            .ok()
            .map(str::trim)
            .filter(|k| !k.is_empty() && k.len() <= 255)
            .map(|k| IdempotencyKey(Some(k.to_owned())))
            .ok_or_else(|| {
                Problem::bad_param(
                    "Idempotency-Key",
                    problem::INVALID_VALUE,
                    "Idempotency-Key must be 1..=255 visible characters",
                )
            })
    }
}

/// `If-Match`, when sent (a value that is not text matches no version).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IfMatch(pub Option<String>);

impl IfMatch {
    /// Strong comparison: `*` or a list containing exactly `"v<version>"`.
    pub fn matches(value: &str, version: u64) -> bool {
        let want = etag(version);
        value.trim() == "*" || value.split(',').any(|t| t.trim() == want)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for IfMatch {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Problem> {
        Ok(IfMatch(
            parts
                .headers
                .get(header::IF_MATCH)
                .map(|v| v.to_str().unwrap_or("").to_owned()),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_match_is_strong() {
        assert!(IfMatch::matches("\"v3\"", 3));
        assert!(IfMatch::matches("\"v1\", \"v3\"", 3));
        assert!(IfMatch::matches("*", 3));
        assert!(!IfMatch::matches("W/\"v3\"", 3));
        assert!(!IfMatch::matches("\"v2\"", 3));
    }
}
