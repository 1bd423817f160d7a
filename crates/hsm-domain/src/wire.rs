//! The REST vocabulary the SPA and the dev backend share (`docs/openapi.yaml`): the list
//! query, its sort and page, the error body's [`FieldError`], the availability answer, every
//! [`problem`] code outside the rule codes, and the one percent-encoder (and its decoder).
//!
//! It lives here, next to the model, because both sides already depend on this crate and on
//! nothing else in common; it stays pure (serde only), so the wasm app and the axum server use
//! the same types. How a request is sent or answered (HTTP, headers) stays with each side.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::{FieldPath, Issue};

/// Codes of error answers (`code`, and `errors[].code` where no rule code fits), and of the
/// SPA's own checks before a request, shown like the server's. The rule codes are in
/// [`crate::codes`].
pub mod problem {
    crate::code_macro::codes! {
        /// Every code above.
        ALL;
        // The problem as a whole (`code`).
        INVALID_PARAMETER = "invalid_parameter",
        NOT_FOUND = "not_found",
        METHOD_NOT_ALLOWED = "method_not_allowed",
        INTERNAL = "internal",
        UNAUTHORIZED = "unauthorized",
        READ_ONLY_TOKEN = "read_only_token",
        INJECTED_FAULT = "injected_fault",
        MALFORMED_JSON = "malformed_json",
        INVALID_BODY = "invalid_body",
        VALIDATION_FAILED = "validation_failed",
        IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused",
        PRECONDITION_REQUIRED = "precondition_required",
        PRECONDITION_FAILED = "precondition_failed",
        STATUS_NOT_EDITABLE = "status_not_editable",
        STATUS_NOT_DELETABLE = "status_not_deletable",
        MULTIPART_REQUIRED = "multipart_required",
        INVALID_MULTIPART = "invalid_multipart",
        FILE_REQUIRED = "file_required",
        FILE_TOO_LARGE = "file_too_large",
        UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type",
        MEDIA_CONTENT_MISMATCH = "media_content_mismatch",
        MEDIA_FORMAT_MISMATCH = "media_format_mismatch",
        // One field or parameter (`errors[].code`).
        INVALID_VALUE = "invalid_value",
        OUT_OF_RANGE = "out_of_range",
        REQUIRED = "required",
        INVALID_SHAPE = "invalid_shape",
        STALE = "stale",
        // The SPA's checks of a chosen file, before it is sent.
        MEDIA_TYPE_NOT_ALLOWED = "media_type_not_allowed",
        MEDIA_TOO_LARGE = "media_too_large",
    }
}

/// One field-level error of an error answer (RFC 9457 `errors[]` member): `{field, code, params}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field, request parameter or header it is about (dotted on the wire).
    pub field: FieldPath,
    pub code: String,
    #[serde(default)]
    pub params: Map<String, Value>,
}

impl FieldError {
    /// An error about `field`; `params` other than a JSON object count as none.
    pub fn new(field: impl Into<FieldPath>, code: &str, params: Value) -> Self {
        let params = match params {
            Value::Object(m) => m,
            _ => Map::new(),
        };
        FieldError {
            field: field.into(),
            code: code.to_owned(),
            params,
        }
    }
}

impl From<Issue> for FieldError {
    fn from(i: Issue) -> Self {
        FieldError {
            field: i.field,
            code: i.code,
            params: i.params,
        }
    }
}

/// Answer of `GET /templates/availability`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Availability {
    pub available: bool,
    /// [`Availability::EXISTS`] or [`Availability::RECENTLY_DELETED`] when not available.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Availability {
    /// The name is taken in that language.
    pub const EXISTS: &'static str = "exists";
    /// An approved template of that name was deleted too recently.
    pub const RECENTLY_DELETED: &'static str = "recently_deleted";
}

/// One page of a list (`TemplatePage`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Items matching the filters, over all pages.
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
}

/// List order (`sort`); a backend breaks ties by id in the same direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    NameAsc,
    NameDesc,
    UpdatedAsc,
    #[default]
    UpdatedDesc,
}

impl Sort {
    /// Every order.
    pub const ALL: [Sort; 4] = [
        Sort::NameAsc,
        Sort::NameDesc,
        Sort::UpdatedAsc,
        Sort::UpdatedDesc,
    ];

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
        Sort::ALL.into_iter().find(|sort| sort.as_param() == s)
    }
}

/// The one value of the `category_change` filter: Meta announced a re-categorisation.
pub const CATEGORY_CHANGE_ANNOUNCED: &str = "ANNOUNCED";

/// The list filters: each takes one or more codes, comma-separated and/or repeated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    Status,
    Category,
    Language,
    /// Templates Meta announced it will move to another category (`ANNOUNCED`).
    CategoryChange,
}

impl Filter {
    /// Every filter, in query-string order.
    pub const ALL: [Filter; 4] = [
        Filter::Status,
        Filter::Category,
        Filter::Language,
        Filter::CategoryChange,
    ];

    /// The query parameter.
    pub fn param(self) -> &'static str {
        match self {
            Filter::Status => "status",
            Filter::Category => "category",
            Filter::Language => "language",
            Filter::CategoryChange => "category_change",
        }
    }

    /// Whether `item` is one the contract accepts: an upper-case code (`^[A-Z][A-Z0-9_]*$`,
    /// also codes this version does not know) or a language (`^[a-z]{2,3}(_[A-Z]{2})?$`).
    pub fn accepts(self, item: &str) -> bool {
        match self {
            Filter::Status | Filter::Category | Filter::CategoryChange => {
                let mut chars = item.chars();
                chars.next().is_some_and(|c| c.is_ascii_uppercase())
                    && chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
            }
            Filter::Language => {
                let (lang, region) = item.split_once('_').unwrap_or((item, "AA"));
                (2..=3).contains(&lang.len())
                    && lang.chars().all(|c| c.is_ascii_lowercase())
                    && region.len() == 2
                    && region.chars().all(|c| c.is_ascii_uppercase())
            }
        }
    }
}

/// A list parameter the contract refuses (a 400 whose `errors[0].field` is `param`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamError {
    pub param: &'static str,
    /// [`problem::INVALID_VALUE`] or [`problem::OUT_OF_RANGE`].
    pub code: &'static str,
    /// What was wrong, for a person.
    pub detail: String,
}

/// The parameters of `GET /templates`: search, filters, order and page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    /// Search text; blank means no search.
    pub q: String,
    pub status: Vec<String>,
    pub category: Vec<String>,
    pub language: Vec<String>,
    /// [`CATEGORY_CHANGE_ANNOUNCED`] to list only the templates Meta will re-categorise.
    pub category_change: Vec<String>,
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
            category_change: Vec::new(),
            sort: Sort::default(),
            page: 1,
            per_page: 25,
        }
    }
}

impl ListQuery {
    /// The pages a request may ask for.
    pub const PAGES: std::ops::RangeInclusive<u32> = 1..=1_000_000;
    /// The page sizes a request may ask for.
    pub const PER_PAGE: std::ops::RangeInclusive<u32> = 1..=100;

    /// The values of a filter.
    pub fn filter(&self, f: Filter) -> &Vec<String> {
        match f {
            Filter::Status => &self.status,
            Filter::Category => &self.category,
            Filter::Language => &self.language,
            Filter::CategoryChange => &self.category_change,
        }
    }

    /// The values of a filter, to change.
    pub fn filter_mut(&mut self, f: Filter) -> &mut Vec<String> {
        match f {
            Filter::Status => &mut self.status,
            Filter::Category => &mut self.category,
            Filter::Language => &mut self.language,
            Filter::CategoryChange => &mut self.category_change,
        }
    }

    /// The query string (without `?`); defaults are left out so URLs stay short.
    pub fn to_query_string(&self) -> String {
        let default = ListQuery::default();
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.q.trim().is_empty() {
            pairs.push(("q", percent_encode(self.q.trim())));
        }
        for f in Filter::ALL {
            let values = self.filter(f);
            if !values.is_empty() {
                // Each item encoded on its own: the commas between them stay separators.
                let items: Vec<String> = values.iter().map(|v| percent_encode(v)).collect();
                pairs.push((f.param(), items.join(",")));
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
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Reads decoded query pairs as the contract does: repeated and comma-separated filter
    /// values both add up, a repeated scalar takes its last value, unknown keys are ignored,
    /// and the first value the contract refuses is the error (an empty filter item, too,
    /// is refused rather than read as "no filter").
    pub fn from_pairs<K, V>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Result<ListQuery, ParamError>
    where
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let mut q = ListQuery::default();
        for (key, value) in pairs {
            let (key, value) = (key.as_ref(), value.as_ref());
            if let Some(f) = Filter::ALL.into_iter().find(|f| f.param() == key) {
                for item in value.split(',') {
                    if !f.accepts(item) {
                        return Err(ParamError {
                            param: f.param(),
                            code: problem::INVALID_VALUE,
                            detail: format!("invalid {key} item: {item:?}"),
                        });
                    }
                    q.filter_mut(f).push(item.to_owned());
                }
                continue;
            }
            match key {
                "q" => q.q = value.to_owned(),
                "sort" => {
                    q.sort = Sort::from_param(value).ok_or_else(|| ParamError {
                        param: "sort",
                        code: problem::INVALID_VALUE,
                        detail: "sort must be name, -name, updated_at or -updated_at".into(),
                    })?
                }
                "page" => {
                    q.page = Self::read_page(value).ok_or_else(|| ParamError {
                        param: "page",
                        code: problem::OUT_OF_RANGE,
                        detail: "page must be an integer ≥ 1".into(),
                    })?
                }
                "per_page" => {
                    q.per_page = Self::read_per_page(value).ok_or_else(|| ParamError {
                        param: "per_page",
                        code: problem::OUT_OF_RANGE,
                        detail: "per_page must be 1..=100".into(),
                    })?
                }
                _ => {}
            }
        }
        Ok(q)
    }

    /// A `page` value within [`ListQuery::PAGES`].
    pub fn read_page(value: &str) -> Option<u32> {
        value.parse().ok().filter(|p| Self::PAGES.contains(p))
    }

    /// A `per_page` value within [`ListQuery::PER_PAGE`].
    pub fn read_per_page(value: &str) -> Option<u32> {
        value.parse().ok().filter(|p| Self::PER_PAGE.contains(p))
    }

    /// The same order and page size with no search and no filter, on the first page.
    pub fn unfiltered(&self) -> ListQuery {
        ListQuery {
            sort: self.sort,
            per_page: self.per_page,
            ..ListQuery::default()
        }
    }

    /// Whether a search or a filter narrows the list (the page, size and order do not).
    pub fn is_filtered(&self) -> bool {
        !self.q.trim().is_empty() || Filter::ALL.iter().any(|f| !self.filter(*f).is_empty())
    }
}

/// Percent-encodes a URL part: every byte but RFC 3986's unreserved characters
/// (`A-Z a-z 0-9 - _ . ~`), so the part can hold no separator (`/`, `?`, `&`, `,`, `|`…).
pub fn percent_encode(part: &str) -> String {
    let mut out = String::with_capacity(part.len());
    for b in part.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes (either case); `None` when an escape is cut short or not hex, or
/// the bytes are not UTF-8. Everything else, `+` included, is kept as it is.
pub fn percent_decode(part: &str) -> Option<String> {
    let bytes = part.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            // Both digits checked: `from_str_radix` would also take a sign (`%+1`).
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding_undoes_encoding() {
        for s in ["K8a/AINcGX7", "a|b c/é", "", "100%", "com.example_app"] {
            assert_eq!(percent_decode(&percent_encode(s)).as_deref(), Some(s));
        }
        assert_eq!(
            percent_decode("K8a%2fAINcGX7").as_deref(),
            Some("K8a/AINcGX7")
        );
        assert_eq!(percent_decode("a+b").as_deref(), Some("a+b"));
        for bad in ["%", "%2", "%zz", "%C3", "%+1"] {
            assert_eq!(percent_decode(bad), None, "{bad}");
        }
    }

    fn strict(raw: &[(&str, &str)]) -> Result<ListQuery, ParamError> {
        ListQuery::from_pairs(raw.iter().copied())
    }

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
    fn what_the_query_string_writes_reads_back() {
        let q = ListQuery {
            q: "a b".into(),
            status: vec!["APPROVED".into(), "PENDING".into()],
            category: vec!["UTILITY".into()],
            language: vec!["pt_BR".into(), "en".into()],
            category_change: vec!["ANNOUNCED".into()],
            sort: Sort::UpdatedAsc,
            page: 3,
            per_page: 100,
        };
        let qs = q.to_query_string();
        let pairs = qs.split('&').map(|kv| {
            let (k, v) = kv.split_once('=').unwrap();
            (k.to_owned(), v.replace("%20", " "))
        });
        assert_eq!(ListQuery::from_pairs(pairs), Ok(q));
    }

    #[test]
    fn the_contract_refuses_bad_parameters_by_name() {
        let q = strict(&[
            ("status", "APPROVED,REJECTED"),
            ("status", "PAUSED"),
            ("sort", "name"),
            ("page", "2"),
            ("page", "4"),
            ("other", "x"),
        ])
        .unwrap();
        assert_eq!(q.status, ["APPROVED", "REJECTED", "PAUSED"]);
        assert_eq!((q.sort, q.page, q.per_page), (Sort::NameAsc, 4, 25));
        for (k, v, code) in [
            ("status", "approved", problem::INVALID_VALUE),
            ("category", "", problem::INVALID_VALUE),
            ("language", "pt_BR,,es", problem::INVALID_VALUE),
            ("language", "pt-BR", problem::INVALID_VALUE),
            ("sort", "size", problem::INVALID_VALUE),
            ("page", "0", problem::OUT_OF_RANGE),
            ("page", "1000001", problem::OUT_OF_RANGE),
            ("per_page", "101", problem::OUT_OF_RANGE),
        ] {
            let e = strict(&[(k, v)]).expect_err(v);
            assert_eq!((e.param, e.code), (k, code), "{k}={v}");
        }
    }

    #[test]
    fn filter_items_follow_the_contract_patterns() {
        for ok in ["APPROVED", "X", "A_1"] {
            assert!(Filter::Status.accepts(ok), "{ok}");
        }
        for bad in ["", "_A", "1A", "aPPROVED", " A"] {
            assert!(!Filter::Category.accepts(bad), "{bad:?}");
        }
        for ok in ["en", "pt_BR", "fil"] {
            assert!(Filter::Language.accepts(ok), "{ok}");
        }
        for bad in ["e", "pt_br", "PT_BR", "pt_BRA", "engl"] {
            assert!(!Filter::Language.accepts(bad), "{bad}");
        }
    }

    #[test]
    fn sort_params_round_trip() {
        for s in Sort::ALL {
            assert_eq!(Sort::from_param(s.as_param()), Some(s));
        }
        assert_eq!(Sort::from_param("size"), None);
    }

    #[test]
    fn field_errors_carry_the_dotted_path() {
        let e = FieldError::new("buttons.1.url", "required", Value::Null);
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"field":"buttons.1.url","code":"required","params":{}}"#
        );
        let read: FieldError =
            serde_json::from_str(r#"{"field":"If-Match","code":"stale"}"#).unwrap();
        assert_eq!(read.field, FieldPath::Other("If-Match".into()));
        assert!(read.params.is_empty());
    }

    #[test]
    fn availability_leaves_out_a_missing_reason() {
        let free = Availability {
            available: true,
            reason: None,
        };
        assert_eq!(
            serde_json::to_string(&free).unwrap(),
            r#"{"available":true}"#
        );
        let taken = Availability {
            available: false,
            reason: Some(Availability::EXISTS.into()),
        };
        assert_eq!(
            serde_json::to_string(&taken).unwrap(),
            r#"{"available":false,"reason":"exists"}"#
        );
    }

    #[test]
    fn percent_encoding_keeps_unreserved_characters_only() {
        assert_eq!(percent_encode("a|b c/é"), "a%7Cb%20c%2F%C3%A9");
        assert_eq!(percent_encode("Az09-_.~"), "Az09-_.~");
        assert_eq!(percent_encode("a,b?c&d"), "a%2Cb%3Fc%26d");
    }
}
