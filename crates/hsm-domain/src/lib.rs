//! WhatsApp message-template (HSM) model, Meta's wire JSON and every validation rule.
//!
//! Pure Rust: used by the SPA (compiled to wasm) and by the dev backend alike, so the form,
//! the preview and the server agree on every rule and every code.
//!
//! - [`TemplateDraft`], [`Template`] and their parts: the template in Meta's message-template
//!   JSON shape (read back from Meta's GET shape too).
//! - [`authentication`]: the AUTHENTICATION category's shape (the OTP button), its rules,
//!   Meta's fixed texts per language and the preview's words ([`authentication::preview`]).
//! - [`validate`]: every rule below, as [`Issue`]s with stable codes ([`CODES`]).
//! - [`editing`]: what may change after creation, the approved-edit budget, name reuse.
//! - [`rejection_field`]: which field Meta's rejection reason concerns.
//! - [`group`]: one list entry per name ([`TemplateGroup`]), the most urgent language, the
//!   languages missing, and where the languages drift apart ([`Drift`]).
//! - [`variables()`], [`renumber`], [`next_positional`]: variable handling for the editor.
//! - [`markup`]: WhatsApp formatting and sample substitution for the live preview.
//! - [`char_count`]: what a "character" is; every limit ([`limits`]) counts with it.
//! - [`media`]: the file types each media header takes, their size limits, and what a file is
//!   by its bytes.
//! - [`transfer`]: the export file, reading an import file, and each import's idempotency key.
//! - [`insights`]: a template's daily numbers, their totals, rates, costs and CSV.
//! - [`history`]: what happened to a template, and an edit's changes field by field.
//! - [`wire`]: the REST vocabulary both sides share: list query, sort and page, the error
//!   body's [`FieldError`], the [`wire::problem`] codes, the percent-encoder.
//!
//! # Rules
//!
//! Sources: **Meta** = WhatsApp Business Management API documentation; **Citrus** = the
//! Citrus.cx user guide; **partner** = a Meta partner's published rule; **here** = a decision of
//! this crate (documented on the item). Limits are inclusive: `limit` is the largest value
//! accepted (the smallest for `_too_short`). Field paths are dotted; button indexes count
//! from 0; `body.example.N` is keyed by variable number or name.
//!
//! | code | field | limit | severity | source |
//! |---|---|---|---|---|
//! | `name_required` | `name` | | error | Citrus |
//! | `name_invalid` (`found`: bad chars) | `name` | `^[a-z0-9_]+$` | error | Meta |
//! | `name_too_long` | `name` | 512 | error | Meta |
//! | `language_unsupported` | `language` | pt_BR, en_US, en, es, es_ES, es_MX, es_AR | error | Citrus |
//! | `category_unsupported` | `category` | MARKETING, UTILITY, AUTHENTICATION | error | Citrus |
//! | `parameter_format_unsupported` | `parameter_format` | POSITIONAL, NAMED | error | Meta |
//! | `component_duplicate` | `header`/`body`/`footer`/`buttons` | 1 each | error | Meta |
//! | `header_format_unsupported` | `header.format` | TEXT, IMAGE, VIDEO, DOCUMENT (no LOCATION) | error | Citrus |
//! | `header_text_required` | `header.text` | when format TEXT | error | Citrus |
//! | `header_text_too_long` | `header.text` | 60 | error | Meta, Citrus |
//! | `header_too_many_variables` | `header.text` | 1 | error | Meta |
//! | `header_formatting_not_allowed` (`found`: marker) | `header.text` | | error | Meta |
//! | `header_media_required` | `header.media` | 1 handle | error | Meta |
//! | `header_media_too_many` | `header.media` | 1 | error | Meta |
//! | `body_required` | `body.text` | | error | Meta, Citrus |
//! | `body_too_long` | `body.text` | 1024 | error | Meta |
//! | `footer_text_required` | `footer.text` | when present | error | Meta |
//! | `footer_too_long` | `footer.text` | 60 | error | Meta, Citrus |
//! | `footer_variables_not_allowed` | `footer.text` | | error | Meta |
//! | `buttons_empty` | `buttons` | ≥ 1 when present | error | Meta |
//! | `buttons_too_many` | `buttons` | 10 | error | Meta, Citrus |
//! | `quick_replies_too_many` | `buttons` | 10 | error | Meta, Citrus |
//! | `url_buttons_too_many` | `buttons` | 2 | error | Meta, Citrus |
//! | `phone_buttons_too_many` | `buttons` | 1 | error | Meta, Citrus |
//! | `buttons_not_grouped` | `buttons` | quick replies contiguous | error | Meta |
//! | `button_text_required` | `buttons.N.text` | | error | Citrus |
//! | `button_text_too_long` | `buttons.N.text` | 25 | error | Meta, Citrus |
//! | `button_url_required` | `buttons.N.url` | | error | Citrus |
//! | `button_url_invalid` | `buttons.N.url` | `http(s)://host…`, no spaces | error | Meta |
//! | `button_url_too_long` | `buttons.N.url` | 2000 | error | Meta, Citrus |
//! | `button_url_too_many_variables` | `buttons.N.url` | 1 | error | Meta |
//! | `button_url_variable_not_at_end` | `buttons.N.url` | | error | Meta |
//! | `button_url_example_required` | `buttons.N.example` | when the URL has a variable | error | Meta |
//! | `button_phone_required` | `buttons.N.phone_number` | | error | Citrus |
//! | `button_phone_invalid` | `buttons.N.phone_number` | `+`? then digits only | error | Meta, here |
//! | `button_phone_too_short` | `buttons.N.phone_number` | 8 digits | error | here |
//! | `button_phone_too_long` | `buttons.N.phone_number` | 20 digits | error | partner |
//! | `copy_code_not_marketing` (`category`) | `buttons.N.type` | MARKETING only | error | Meta |
//! | `copy_code_too_many` | `buttons` | 1 | error | Meta |
//! | `copy_code_example_required` | `buttons.N.example` | | error | Meta |
//! | `copy_code_example_too_long` | `buttons.N.example` | 15 | error | Meta |
//! | `copy_code_example_invalid` (`found`: first bad char) | `buttons.N.example` | ASCII letters and digits | error | here |
//! | `variable_name_required`, `variable_name_invalid` | the name typed for a new named variable ([`check_variable_name`]) | `[a-z][a-z0-9_]*` | error | Meta |
//! | `variable_invalid` (`found`, `count`) | `header.text`/`body.text`/`buttons.N.url` | `{{1}}` or `{{a_z0_9}}` | error | Meta |
//! | `variables_mixed` | `body.text` (else `header.text`) | one format | error | Meta |
//! | `parameter_format_mismatch` (`expected`, `found`) | `body.text`/`header.text` | | error | Meta |
//! | `variables_not_sequential` (`missing`) | `body.text`/`header.text` | 1..n, repeats allowed | error | Meta |
//! | `variable_at_start` | `body.text` | | error | Meta |
//! | `variable_at_end` | `body.text` | | error | Meta |
//! | `variables_adjacent` (`first`, `second`) | `body.text` | | error | Meta |
//! | `variable_example_missing` (`variable`) | `body.example.N`, `header.example` | | error | Meta |
//! | `example_invalid_whitespace` (`found`: newline/tab/spaces) | `body.example.N`, `header.example`, `buttons.N.example` | ≤ 4 spaces in a row | error | Meta |
//! | `example_unused` (`variable`) | `body.example.N`, `header.example` | | error | Meta |
//! | `message_send_ttl_not_allowed` (`category`) | `message_send_ttl_seconds` | MARKETING: none | error | Meta |
//! | `message_send_ttl_out_of_range` (`min`, `max`, `found`, `category`) | `message_send_ttl_seconds` | AUTHENTICATION 30–900, UTILITY 30–43,200 | error | Meta |
//! | `authentication_header_not_allowed` | `header` | AUTHENTICATION: no header | error | Meta |
//! | `authentication_body_text_not_allowed` | `body.text` | AUTHENTICATION: Meta writes the body | error | Meta |
//! | `authentication_footer_text_not_allowed` | `footer.text` | AUTHENTICATION: Meta writes the footer | error | Meta |
//! | `code_expiration_out_of_range` (`min`, `max`, `found`) | `footer.code_expiration_minutes` | 1–90 | error | Meta |
//! | `authentication_button_required` | `buttons` | AUTHENTICATION: one OTP button | error | Meta |
//! | `authentication_buttons_too_many` | `buttons` | 1 | error | Meta |
//! | `authentication_button_not_otp` (`found`: type) | `buttons.N.type` | OTP only | error | Meta |
//! | `otp_button_not_authentication` (`category`) | `buttons.N.type` | AUTHENTICATION only | error | Meta |
//! | `otp_type_unsupported` (`found`) | `buttons.N.otp_type` | COPY_CODE, ONE_TAP, ZERO_TAP | error | Meta |
//! | `button_text_required`, `button_text_too_long` | `buttons.N.text`, `buttons.N.autofill_text` (OTP: when set) | 25 | error | Meta |
//! | `supported_apps_required` | `buttons.N.supported_apps` | ONE_TAP, ZERO_TAP: ≥ 1 | error | Meta |
//! | `supported_apps_too_many` | `buttons.N.supported_apps` | 5 | error | Meta |
//! | `package_name_required` | `buttons.N.supported_apps.M.package_name` | | error | Meta |
//! | `package_name_invalid` | `buttons.N.supported_apps.M.package_name` | ≥ 2 segments `[A-Za-z][A-Za-z0-9_]*` joined by `.` | error | Meta, Android |
//! | `package_name_too_long` | `buttons.N.supported_apps.M.package_name` | 224 | error | Meta |
//! | `signature_hash_required` | `buttons.N.supported_apps.M.signature_hash` | | error | Meta |
//! | `signature_hash_invalid` (`limit`, `found`: length) | `buttons.N.supported_apps.M.signature_hash` | exactly 11 of `[A-Za-z0-9+/=]` | error | Meta |
//! | `zero_tap_terms_required` | `buttons.N.zero_tap_terms_accepted` | ZERO_TAP: `true` | error | Meta |
//! | `ttl_outlasts_code_expiry` (`limit`: expiry s, `found`: TTL s, `minutes`) | `message_send_ttl_seconds` | TTL (set or 600) ≤ expiry | warning | Meta (advice), here |
//! | `utility_promotional_content` (`found`) | first text hit | | warning | Meta (review), here (word list) |
//! | `variables_too_dense` | `body.text` | 2x+1 words for x variables | warning | partner |
//! | `url_shortener` (`found`) | `body.text`, `buttons.N.url` | | warning | Meta (review) |
//! | `edit_not_allowed` (`status`) | (template) | APPROVED, REJECTED, PAUSED | error | Meta, Citrus |
//! | `edit_rate_limited` (`retry_after` s) | (template) | 1 / 24 h, 10 / 30 days | error | Meta |
//! | `name_immutable` | `name` | | error | Meta |
//! | `language_immutable` | `language` | | error | Meta |
//! | `category_locked` | `category` | when APPROVED | error | Meta |
//! | `authentication_category_change` (`expected`) | `category` | into or out of AUTHENTICATION | error | Meta, here |
//! | `name_language_taken` (`language`) | `name` | name + language unique | error | Meta |
//! | `name_recently_deleted` (`retry_after` s) | `name` | 30 days | error | Meta |
//!
//! Unless noted, `_too_long`/`_too_many` issues carry `limit` and `found`.
//! Review warnings map to the rejection Meta would likely give through
//! [`rejection_reason_for`]; `ttl_outlasts_code_expiry` is advice, not a review prediction.
//! An AUTHENTICATION template is checked by its own rules (the `authentication_…`, OTP, app
//! and expiry rows, plus name, language, category, duplicates, `parameter_format` and the
//! time-to-live); the free-text rules do not apply to it.
//!
//! # Decisions
//!
//! Where the sources leave a choice, this crate decides as follows.
//! - Languages: the codes of [`Language::KNOWN`] (Portuguese, English, Spanish as Citrus offers
//!   them); anything else is `language_unsupported`.
//! - Phone numbers: optional `+`, then ASCII digits only, 8 to 20 digits (the `+` is not
//!   counted). Separators are rejected, not guessed; [`normalize_phone`] strips them for the UI.
//! - The same positional variable may appear twice (`{{1}} … {{1}}`); it has one sample.
//!   Numbers need not appear in order, only cover 1..n. Header and body number separately.
//! - A variable is well-formed only as `{{N}}` (N ≥ 1, no leading zero, at most 9 digits) or
//!   `{{name}}` (`[a-z][a-z0-9_]*`); spaces inside the braces make it invalid. A `{{` with no
//!   later `}}` is plain text.
//! - `parameter_format` absent means POSITIONAL. URL buttons are left out of the format check
//!   (Meta writes their variable as `{{1}}` in both formats).
//! - Samples for variables that do not exist are an error (`example_unused`): Meta rejects a
//!   parameter count mismatch. [`renumber_with_samples`] keeps samples aligned after a removal.
//! - "Header formatting" means what the WhatsApp parser would format ([`markup::parse`]), so
//!   `pedido_novo` or `2*3` in a header is fine.
//! - A copy-code button's code is ASCII letters and digits only (it is pasted into a shop's
//!   coupon field); the button has no text of its own. Its category rule sits on the button's
//!   kind (`buttons.N.type`), so changing the category afterwards flags the row.
//! - Named variables have no length cap here: Meta's limit was not found.
//! - A rejection's reason points at a field through [`rejection_field`].
//! - Issues about the template as a whole (`edit_not_allowed`, `edit_rate_limited`) have an
//!   empty `field`.
//! - Authentication: an OTP button's labels may be left out (Meta's are used) but not set
//!   blank; a one-tap field on a copy-code button is kept as it is and not checked. The
//!   time-to-live warning compares with Meta's default 600 s when none is set, so "expiry
//!   5 min" alone warns. A template cannot move into or out of AUTHENTICATION by an edit
//!   (its shape is a different one; create a new template instead), at any status.
//! - Meta's read shape of an authentication template (generated texts, the OTP button as a
//!   URL button) is mapped back to the create shape whenever a draft is read: see
//!   [`authentication`].
//! - Enum values and component and button `type`s are also read in lower case (Meta's
//!   authentication examples write them so); they are written in upper case.

pub mod authentication;
mod code_macro;
pub mod codes;
pub mod editing;
pub mod group;
pub mod history;
pub mod insights;
mod issue;
pub mod limits;
pub mod markup;
pub mod media;
mod model;
mod path;
mod rejection;
mod text;
pub mod transfer;
mod validation;
mod variables;
pub mod wire;

pub use editing::{
    can_delete, can_edit, category_change_allowed, check_edit_rate, check_name_available,
    check_update, edit_budget, editable_fields, field_locked,
};
pub use group::{Drift, TemplateGroup};
pub use issue::{has_errors, Issue, Severity};
pub use model::*;
pub use path::{AppPart, ButtonPart, FieldPath};
pub use rejection::rejection_field;
pub use text::{char_count, suggest_name};
pub use validation::{
    copy_code_allowed, normalize_phone, rejection_reason_for, validate, CODES, PROBLEM_CODES,
};
pub use variables::{
    check_variable_name, convert_variables, next_positional, next_positional_in, renumber,
    renumber_with_samples, variables, VarName, Variable,
};
pub use wire::FieldError;
