//! The list's state as the app's own URL holds it: read tolerantly, so that any shared or
//! hand-edited link opens a list (written back with [`ListQuery::to_query_string`]).
//!
//! The backend refuses a bad parameter with a 400; the URL instead drops what the contract
//! would refuse ([`Filter::accepts`], [`ListQuery::read_page`]) and falls back to defaults.

use hsm_domain::wire::{Filter, ListQuery, Sort};
use leptos_router::params::ParamsMap;

/// The page sizes the list offers; other `per_page` values in a URL fall back to the default.
pub(crate) const PAGE_SIZES: [u32; 4] = [10, 25, 50, 100];

/// Reads the list state from the router's query map.
pub(super) fn query_from_url(map: &ParamsMap) -> ListQuery {
    read(|key| map.get_all(key).unwrap_or_default())
}

/// Like [`query_from_url`], from a lookup giving every value of a key (repeated keys and
/// comma-separated values both count for the filters; a scalar takes its first value).
fn read(get: impl Fn(&str) -> Vec<String>) -> ListQuery {
    let default = ListQuery::default();
    let first = |key: &str| get(key).into_iter().next().map(|v| v.trim().to_owned());
    let mut query = ListQuery {
        q: first("q").unwrap_or_default(),
        sort: first("sort")
            .and_then(|s| Sort::from_param(&s))
            .unwrap_or(default.sort),
        page: first("page")
            .and_then(|p| ListQuery::read_page(&p))
            .unwrap_or(default.page),
        per_page: first("per_page")
            .and_then(|p| p.parse::<u32>().ok())
            .filter(|p| PAGE_SIZES.contains(p))
            .unwrap_or(default.per_page),
        ..default
    };
    for filter in Filter::ALL {
        let items = query.filter_mut(filter);
        for item in get(filter.param()).iter().flat_map(|v| v.split(',')) {
            let item = item.trim();
            // Status and category codes are upper-case; a language keeps its case.
            let item = match filter {
                Filter::Language => item.to_owned(),
                Filter::Status | Filter::Category | Filter::CategoryChange => {
                    item.to_ascii_uppercase()
                }
            };
            if filter.accepts(&item) && !items.contains(&item) {
                items.push(item);
            }
        }
    }
    query
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_pairs(pairs: &[(&str, &str)]) -> ListQuery {
        read(|key| {
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
            category_change: Vec::new(),
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
    fn what_the_backend_would_refuse_is_dropped() {
        let q = parse_pairs(&[
            ("status", "_X,2FA,APPROVED_2"),
            ("language", "pt_br,EN,es_AR"),
            ("page", "1000001"),
        ]);
        assert_eq!(q.status, vec!["APPROVED_2"]);
        assert_eq!(q.language, vec!["es_AR"]);
        assert_eq!(q.page, 1);
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
}
