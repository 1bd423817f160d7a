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

impl ListQuery {
    /// The page sizes the list offers; other `per_page` values in a URL fall back to the default.
    pub const PAGE_SIZES: [u32; 4] = [10, 25, 50, 100];

    /// Reads the list state from the router's query map (the URL). Tolerant: a missing or
    /// unreadable value falls back to its default, so any shared or hand-edited link opens.
    pub fn from_query_map(map: &leptos_router::params::ParamsMap) -> ListQuery {
        ListQuery::parse(|key| map.get_all(key).unwrap_or_default())
    }

    /// Like [`ListQuery::from_query_map`], from a lookup giving every value of a key
    /// (repeated keys and comma-separated values both count for the filters).
    pub fn parse(get: impl Fn(&str) -> Vec<String>) -> ListQuery {
        let default = ListQuery::default();
        let first = |key: &str| get(key).into_iter().next().map(|v| v.trim().to_owned());
        // Codes are upper-case letters and underscores (languages: any case); anything else
        // cannot be a code and is dropped rather than sent on.
        let codes = |key: &str, upper: bool| -> Vec<String> {
            let mut out: Vec<String> = Vec::new();
            for value in get(key).iter().flat_map(|v| v.split(',')) {
                let value = value.trim();
                let value = if upper {
                    value.to_ascii_uppercase()
                } else {
                    value.to_owned()
                };
                let valid = !value.is_empty()
                    && value.len() <= 40
                    && value.chars().all(|c| c.is_ascii_alphabetic() || c == '_');
                if valid && !out.contains(&value) {
                    out.push(value);
                }
            }
            out
        };
        ListQuery {
            q: first("q").unwrap_or_default(),
            status: codes("status", true),
            category: codes("category", true),
            language: codes("language", false),
            sort: first("sort")
                .and_then(|s| Sort::from_param(&s))
                .unwrap_or(default.sort),
            page: first("page")
                .and_then(|p| p.parse::<u32>().ok())
                .filter(|p| *p >= 1)
                .unwrap_or(default.page),
            per_page: first("per_page")
                .and_then(|p| p.parse::<u32>().ok())
                .filter(|p| Self::PAGE_SIZES.contains(p))
                .unwrap_or(default.per_page),
        }
    }

    /// The same order and page size with no search and no filter, on the first page
    /// ("Limpar filtros").
    pub fn unfiltered(&self) -> ListQuery {
        ListQuery {
            sort: self.sort,
            per_page: self.per_page,
            ..ListQuery::default()
        }
    }

    /// Whether a search or a filter narrows the list (the page, size and order do not).
    pub fn is_filtered(&self) -> bool {
        !self.q.trim().is_empty()
            || !self.status.is_empty()
            || !self.category.is_empty()
            || !self.language.is_empty()
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

    fn parse_pairs(pairs: &[(&str, &str)]) -> ListQuery {
        ListQuery::parse(|key| {
            pairs
                .iter()
                .filter(|(k, _)| *k == key)
                .map(|(_, v)| v.to_string())
                .collect()
        })
    }

    #[test]
    fn parse_reads_what_to_query_string_writes() {
        let q = ListQuery {
            q: "promoção".into(),
            status: vec!["APPROVED".into(), "PENDING".into()],
            category: vec!["UTILITY".into()],
            language: vec!["pt_BR".into()],
            sort: Sort::NameDesc,
            page: 3,
            per_page: 50,
        };
        // `ParamsMap` decodes through the browser; the lookup it feeds is tested here.
        let read = parse_pairs(&[
            ("q", "promoção"),
            ("status", "APPROVED,PENDING"),
            ("category", "UTILITY"),
            ("language", "pt_BR"),
            ("sort", "-name"),
            ("page", "3"),
            ("per_page", "50"),
        ]);
        assert_eq!(read, q);
        assert_eq!(parse_pairs(&[]), ListQuery::default());
    }

    #[test]
    fn parse_falls_back_to_defaults_on_bad_values() {
        let q = parse_pairs(&[
            ("sort", "size"),
            ("page", "0"),
            ("per_page", "1000"),
            ("status", "approved,,<script>, REJECTED ,APPROVED"),
            ("language", "pt_BR,en-US"),
        ]);
        assert_eq!(q.sort, Sort::UpdatedDesc);
        assert_eq!(q.page, 1);
        assert_eq!(q.per_page, 25);
        assert_eq!(q.status, vec!["APPROVED", "REJECTED"]);
        assert_eq!(q.language, vec!["pt_BR"]);
        assert!(q.is_filtered());
        assert_eq!(parse_pairs(&[("page", "-2"), ("per_page", "x")]).page, 1);
        assert_eq!(parse_pairs(&[("page", "7")]).page, 7);
        assert!(!parse_pairs(&[("q", "  "), ("page", "2")]).is_filtered());
    }

    #[test]
    fn repeated_keys_and_commas_both_count() {
        let q = parse_pairs(&[("status", "PAUSED"), ("status", "APPROVED,REJECTED")]);
        assert_eq!(q.status, vec!["PAUSED", "APPROVED", "REJECTED"]);
        assert_eq!(
            parse_pairs(&[("q", "a"), ("q", "b")]).q,
            "a",
            "scalars take the first value"
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
