//! Template endpoints: list (query ↔ query string) and the list envelope.

use hsm_domain::{Language, Template, TemplateDraft};
use serde::Deserialize;

use super::{Api, ApiError, Method, Versioned};

/// One page of a list, as the backend returns it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
}

/// List order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    NameAsc,
    NameDesc,
    UpdatedAsc,
    #[default]
    UpdatedDesc,
}

impl Sort {
    /// The `sort` parameter value.
    pub fn as_param(self) -> &'static str {
        match self {
            Sort::NameAsc => "name",
            Sort::NameDesc => "-name",
            Sort::UpdatedAsc => "updated_at",
            Sort::UpdatedDesc => "-updated_at",
        }
    }

    /// Reads a `sort` parameter value.
    pub fn from_param(s: &str) -> Option<Sort> {
        Some(match s {
            "name" => Sort::NameAsc,
            "-name" => Sort::NameDesc,
            "updated_at" => Sort::UpdatedAsc,
            "-updated_at" => Sort::UpdatedDesc,
            _ => return None,
        })
    }
}

/// What the list screen asks for; also the state its URL holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    pub q: String,
    pub status: Vec<String>,
    pub category: Vec<String>,
    pub language: Vec<String>,
    pub sort: Sort,
    pub page: u32,
    pub per_page: u32,
}

impl Default for ListQuery {
    fn default() -> Self {
        Self {
            q: String::new(),
            status: Vec::new(),
            category: Vec::new(),
            language: Vec::new(),
            sort: Sort::default(),
            page: 1,
            per_page: 25,
        }
    }
}

impl ListQuery {
    /// The query string (without `?`); defaults are left out so URLs stay short.
    pub fn to_query_string(&self) -> String {
        let default = ListQuery::default();
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.q.trim().is_empty() {
            pairs.push(("q", self.q.trim().to_owned()));
        }
        for (key, values) in [
            ("status", &self.status),
            ("category", &self.category),
            ("language", &self.language),
        ] {
            if !values.is_empty() {
                pairs.push((key, values.join(",")));
            }
        }
        if self.sort != default.sort {
            pairs.push(("sort", self.sort.as_param().to_owned()));
        }
        if self.page != default.page {
            pairs.push(("page", self.page.to_string()));
        }
        if self.per_page != default.per_page {
            pairs.push(("per_page", self.per_page.to_string()));
        }
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// Percent-encodes a query value (RFC 3986 unreserved characters stay as they are).
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

impl Api {
    /// `GET /templates` with the list query.
    pub async fn list_templates(&self, query: &ListQuery) -> Result<Page<Template>, ApiError> {
        let qs = query.to_query_string();
        let path = if qs.is_empty() {
            "/templates".to_owned()
        } else {
            format!("/templates?{qs}")
        };
        self.get_json(&path).await
    }

    /// `GET /templates/{id}`.
    pub async fn get_template(&self, id: &str) -> Result<Template, ApiError> {
        self.get_json(&format!("/templates/{}", encode(id))).await
    }

    /// `GET /templates/{id}` with its `ETag`, for editing.
    pub async fn get_template_versioned(&self, id: &str) -> Result<Versioned<Template>, ApiError> {
        self.get_versioned(&format!("/templates/{}", encode(id)))
            .await
    }

    /// `POST /templates`. A retry must reuse `idempotency_key`, so a create the server already
    /// did is answered with the same template instead of a second one.
    pub async fn create_template(
        &self,
        draft: &TemplateDraft,
        idempotency_key: &str,
    ) -> Result<Versioned<Template>, ApiError> {
        self.send_json(
            Method::Post,
            "/templates",
            draft,
            &[("Idempotency-Key", idempotency_key)],
        )
        .await
    }

    /// `PUT /templates/{id}` with `If-Match: etag`; a stale etag gives
    /// [`ApiError::PreconditionFailed`].
    pub async fn update_template(
        &self,
        id: &str,
        draft: &TemplateDraft,
        etag: &str,
    ) -> Result<Versioned<Template>, ApiError> {
        self.send_json(
            Method::Put,
            &format!("/templates/{}", encode(id)),
            draft,
            &[("If-Match", etag)],
        )
        .await
    }

    /// `DELETE /templates/{id}`.
    pub async fn delete_template(&self, id: &str) -> Result<(), ApiError> {
        self.delete(&format!("/templates/{}", encode(id))).await
    }

    /// Whether `name` is free in `language` (`GET /templates/availability`).
    pub async fn check_availability(
        &self,
        name: &str,
        language: &Language,
    ) -> Result<Availability, ApiError> {
        self.get_json(&format!(
            "/templates/availability?name={}&language={}",
            encode(name),
            encode(language.as_str())
        ))
        .await
    }
}

/// Answer of the availability check.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Availability {
    pub available: bool,
    /// `exists` or `recently_deleted` when not available.
    #[serde(default)]
    pub reason: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_query_is_empty_and_values_are_encoded() {
        assert_eq!(ListQuery::default().to_query_string(), "");
        let q = ListQuery {
            q: "promoção 50%".into(),
            status: vec!["APPROVED".into(), "PENDING".into()],
            sort: Sort::NameAsc,
            page: 2,
            ..ListQuery::default()
        };
        assert_eq!(
            q.to_query_string(),
            "q=promo%C3%A7%C3%A3o%2050%25&status=APPROVED,PENDING&sort=name&page=2"
        );
    }

    #[test]
    fn sort_params_round_trip() {
        for s in [
            Sort::NameAsc,
            Sort::NameDesc,
            Sort::UpdatedAsc,
            Sort::UpdatedDesc,
        ] {
            assert_eq!(Sort::from_param(s.as_param()), Some(s));
        }
        assert_eq!(Sort::from_param("size"), None);
    }
}
