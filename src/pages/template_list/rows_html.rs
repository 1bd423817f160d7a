//! The table's body as HTML text: per name a `<tbody>` of its summary row and one row per
//! language.
//!
//! Rows never change once shown (a reload or a locale change builds them again), so they are
//! written as one string per name and set with `innerHTML`: no reactive node, marker or
//! listener per cell (the table listens once, `table::Results`). That is ≈ 200 fewer calls
//! from wasm to the DOM per row. The rows painted before the app starts (`src/first_paint.js`)
//! write the very same markup; the whole-app test `first-paint.test.mjs` compares the two.
//!
//! Accessible names are the visible words plus the template ("Duplicar nome (Português)") in
//! `aria-label`, so a screen reader never hears a bare "Excluir" in a list.

use std::fmt::Write;

use hsm_domain::{can_delete, can_edit, Button, Status, Template, TemplateGroup};

use crate::components::button::{self, Look, Size};
use crate::components::category_change;
use crate::components::status_badge::{status_label, tone};
use crate::i18n::{format_datetime, CodeKind, I18n};
use crate::links;

/// What every row of one load shares.
pub(super) struct RowsCtx<'a> {
    pub i18n: &'a I18n,
    /// The list is searched or filtered: matching rows are marked, the others dimmed.
    pub filtered: bool,
}

/// `s` as HTML text or attribute value (inside double quotes).
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The inside of the `<tbody>` of `group`: its summary row, then its languages.
pub(super) fn group_html(group: &TemplateGroup, ctx: &RowsCtx) -> String {
    let mut out = head_html(group, ctx);
    for t in &group.templates {
        let matched = !ctx.filtered || group.is_matched(&t.id);
        row_html(&mut out, t, matched, ctx);
    }
    out
}

fn badge_html(out: &mut String, i18n: &I18n, status: &Status) {
    let _ = write!(
        out,
        r#"<span class="hsm-badge hsm-badge--{}" data-status="{}">{}</span>"#,
        tone(status),
        escape(status.as_str()),
        escape(&status_label(i18n, status)),
    );
}

fn head_html(group: &TemplateGroup, ctx: &RowsCtx) -> String {
    let i18n = ctx.i18n;
    let name = escape(&group.name);
    let categories = group
        .categories()
        .into_iter()
        .map(|c| i18n.code_label(CodeKind::Category, c.as_str()))
        .collect::<Vec<_>>()
        .join(", ");
    let count = group.templates.len();
    let languages = i18n.tf("list.languages_count", &[("count", count.to_string())]);
    let mut out = String::with_capacity(1024);
    let _ = write!(
        out,
        r#"<tr class="hsm-group__head"><th scope="rowgroup" colspan="7"><div class="hsm-group__summary"><span class="hsm-group__name">{name}</span><span class="hsm-group__meta">{} · {}</span>"#,
        escape(&categories),
        escape(&languages),
    );
    if let Some(t) = group.most_urgent() {
        badge_html(&mut out, i18n, &t.status);
    }
    if let Some(text) = i18n.drift("list.drift", &group.drift()) {
        let _ = write!(
            out,
            r#"<span class="hsm-group__drift">{}</span>"#,
            escape(&text)
        );
    }
    out.push_str(r#"<span class="hsm-group__actions">"#);
    let add_from = (!group.missing_languages().is_empty())
        .then(|| group.source())
        .flatten();
    if let Some(source) = add_from {
        let label = i18n.t("list.add_language");
        let _ = write!(
            out,
            r#"<a href="{}" class="{}" data-action="add-language" aria-label="{} {name}">{}</a>"#,
            escape(&links::add_language(&source.id)),
            button::class(Look::Plain, Size::Small),
            escape(&label),
            escape(&label),
        );
    }
    let deletable = group.templates.iter().any(|t| can_delete(&t.status));
    if count > 1 && deletable {
        let label = i18n.t("list.delete_all");
        let _ = write!(
            out,
            r#"<button type="button" class="{}" data-action="delete-all" aria-label="{} {name}">{}</button>"#,
            button::class(Look::DangerOutline, Size::Small),
            escape(&label),
            escape(&label),
        );
    }
    out.push_str("</span></div></th></tr>");
    out
}

fn row_html(out: &mut String, t: &Template, matched: bool, ctx: &RowsCtx) {
    let i18n = ctx.i18n;
    let status = &t.status;
    let editable = can_edit(status);
    let rejected = *status == Status::Rejected;
    let raw_name = &t.draft.name;
    let name = escape(raw_name);
    let id = escape(&t.id);
    let edit = escape(&links::edit(&t.id));
    let title = if editable {
        i18n.tf("list.row_edit", &[("name", raw_name.clone())])
    } else {
        i18n.tf(
            "list.row_view",
            &[
                ("name", raw_name.clone()),
                ("status", status_label(i18n, status)),
            ],
        )
    };
    let language = i18n.code_label(CodeKind::Language, t.draft.language.as_str());
    // "Excluir", "Duplicar" alone are ambiguous in a list read by a screen reader.
    let which = escape(&format!("{raw_name} ({language})"));

    let mut class = String::from("hsm-row");
    if !editable {
        class.push_str(" hsm-row--readonly");
    }
    if !matched {
        class.push_str(" hsm-row--unmatched");
    }
    if rejected {
        class.push_str(" hsm-row--rejected");
    }
    let _ = write!(out, r#"<tr class="{class}""#);
    if ctx.filtered && matched {
        out.push_str(r#" data-matched="true""#);
    }
    let _ = write!(
        out,
        r#" data-id="{id}" data-status="{}" tabindex="0" title="{}"><td class="hsm-row__name"><a href="{edit}">{name}</a></td><td>{}"#,
        escape(status.as_str()),
        escape(&title),
        escape(&i18n.code_label(CodeKind::Category, t.draft.category.as_str())),
    );
    // An authentication template's delivery mode, under its category.
    if let Some(mode) = t.draft.buttons().iter().find_map(|b| match b {
        Button::Otp(otp) => Some(otp.otp_type.as_str()),
        _ => None,
    }) {
        let _ = write!(
            out,
            r#"<span class="hsm-row__mode">{}</span>"#,
            escape(&i18n.code_label(CodeKind::OtpType, mode))
        );
    }
    // Meta's announced re-categorisation, in words; what a dearer one means as tooltip and
    // for screen readers.
    if let Some(change) = &t.category_change {
        let _ = write!(
            out,
            r#"<p class="hsm-row__recat" data-category-change="{}""#,
            escape(change.new_category.as_str())
        );
        let meaning = category_change::meaning(change, i18n).map(|m| escape(&m));
        if let Some(m) = &meaning {
            let _ = write!(out, r#" title="{m}""#);
        }
        let _ = write!(
            out,
            r#"><span aria-hidden="true">⚠ </span>{}"#,
            escape(&category_change::headline(change, i18n))
        );
        if let Some(m) = &meaning {
            let _ = write!(out, r#"<span class="hsm-visually-hidden"> {m}</span>"#);
        }
        out.push_str("</p>");
    }
    let _ = write!(out, "</td><td>{}", escape(&language));
    if !matched {
        let _ = write!(
            out,
            r#"<span class="hsm-row__unmatched">{}</span>"#,
            escape(&i18n.t("list.unmatched"))
        );
    }
    out.push_str(r#"</td><td class="hsm-row__status">"#);
    badge_html(out, i18n, status);
    if let Some(reason) = t.rejected_reason.as_ref().filter(|_| rejected) {
        let text = i18n.tf(
            "list.reason",
            &[("reason", i18n.code_label(CodeKind::Reason, reason.as_str()))],
        );
        let _ = write!(out, r#"<p class="hsm-reason">{}</p>"#, escape(&text));
    }
    if let Some(text) = t
        .rejection_recommendation
        .as_ref()
        .filter(|r| rejected && !r.trim().is_empty())
    {
        let text = i18n.tf("list.recommendation", &[("text", text.clone())]);
        let _ = write!(
            out,
            r#"<p class="hsm-recommendation">{}</p>"#,
            escape(&text)
        );
    }
    out.push_str("</td><td>");
    match &t.quality_score {
        Some(q) => out.push_str(&escape(
            &i18n.code_label(CodeKind::Quality, q.score.as_str()),
        )),
        None => out.push_str(r#"<span aria-hidden="true">—</span>"#),
    }
    let _ = write!(
        out,
        r#"</td><td><time datetime="{}">{}</time></td><td class="hsm-row__actions">"#,
        escape(&t.updated_at),
        escape(&format_datetime(&t.updated_at, i18n.locale())),
    );
    if rejected {
        let label = escape(&i18n.t("list.fix"));
        let _ = write!(
            out,
            r#"<a href="{}" class="{}" data-action="fix" aria-label="{label} {which}">{label}</a>"#,
            escape(&links::fix(&t.id)),
            button::class(Look::Primary, Size::Small),
        );
    }
    let label = escape(&i18n.t("list.duplicate"));
    let _ = write!(
        out,
        r#"<a href="{}" class="{}" data-action="duplicate" aria-label="{label} {which}">{label}</a>"#,
        escape(&links::duplicate(&t.id)),
        button::class(Look::Plain, Size::Small),
    );
    for (action, key) in [("insights", "list.insights"), ("history", "list.history")] {
        let label = escape(&i18n.t(key));
        let _ = write!(
            out,
            r#"<a href="{}" class="{}" data-action="{action}" aria-label="{label} {which}">{label}</a>"#,
            escape(&links::screen(&t.id, action)),
            button::class(Look::Plain, Size::Small),
        );
    }
    if can_delete(status) {
        let label = escape(&i18n.t("list.delete"));
        let _ = write!(
            out,
            r#"<button type="button" class="{}" data-action="delete" aria-label="{label} {which}">{label}</button>"#,
            button::class(Look::DangerOutline, Size::Small),
        );
    }
    out.push_str("</td></tr>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use hsm_domain::group::{urgency, OFFERED_LANGUAGES};
    use hsm_domain::Language;

    /// The painter of the first rows (`src/first_paint.js`) runs before the app's rules are
    /// loaded, so it carries their table for the statuses; this keeps it equal to the rules.
    const PAINTER: &str = include_str!("../../first_paint.js");

    fn painter_json(prefix: &str) -> serde_json::Value {
        let start = PAINTER.find(prefix).expect(prefix) + prefix.len();
        let end = start + PAINTER[start..].find(";\n").expect("the line ends with ;");
        serde_json::from_str(&PAINTER[start..end]).expect("a JSON literal")
    }

    #[test]
    fn the_painters_status_rules_are_the_apps() {
        let table = painter_json("const STATUSES = ");
        let table = table.as_object().unwrap();
        assert_eq!(table.len(), Status::KNOWN.len());
        for status in Status::KNOWN {
            let expected = serde_json::json!([
                tone(status),
                u8::from(can_edit(status)),
                u8::from(can_delete(status)),
                urgency(status),
            ]);
            assert_eq!(table[status.as_str()], expected, "{}", status.as_str());
        }
        let other = Status::Other("NEW_STATUS".into());
        assert_eq!(
            painter_json("const OTHER_STATUS = "),
            serde_json::json!([
                tone(&other),
                u8::from(can_edit(&other)),
                u8::from(can_delete(&other)),
                urgency(&other)
            ])
        );
        let offered: Vec<&str> = OFFERED_LANGUAGES.iter().map(Language::as_str).collect();
        assert_eq!(painter_json("const OFFERED = "), serde_json::json!(offered));
    }

    #[test]
    fn the_painters_toolbar_and_paging_are_the_apps() {
        use hsm_domain::wire::Filter;
        let filters: Vec<serde_json::Value> = Filter::ALL
            .into_iter()
            .map(|filter| {
                let (label, codes, kind) = super::super::toolbar::choices(filter);
                serde_json::json!([filter.param(), label, kind.prefix(), codes])
            })
            .collect();
        assert_eq!(painter_json("const FILTERS = "), serde_json::json!(filters));
        assert_eq!(
            painter_json("const PAGE_SIZES = "),
            serde_json::json!(super::super::url::PAGE_SIZES)
        );
    }

    #[test]
    fn the_painters_buttons_look_like_the_apps() {
        for (look, size) in [
            (Look::Plain, Size::Normal),
            (Look::Primary, Size::Normal),
            (Look::Plain, Size::Small),
            (Look::Primary, Size::Small),
            (Look::DangerOutline, Size::Small),
        ] {
            let attr = format!(r#"class="{}""#, button::class(look, size));
            assert!(PAINTER.contains(&attr), "first_paint.js writes {attr}");
        }
    }

    #[test]
    fn a_row_warns_of_an_announced_change_and_links_the_templates_screens() {
        let template: Template = serde_json::from_value(serde_json::json!({
            "id": "7", "name": "aviso", "language": "pt_BR", "category": "UTILITY",
            "components": [{ "type": "BODY", "text": "Oi" }], "status": "APPROVED",
            "created_at": "2026-12-01T10:00:00Z", "updated_at": "2026-12-01T10:00:00Z", "version": 1,
            "category_change": { "new_category": "MARKETING", "effective_at": "2027-01-15T12:00:00Z" }
        }))
        .unwrap();
        let i18n = I18n::new(crate::i18n::Locale::PtBr);
        let ctx = RowsCtx {
            i18n: &i18n,
            filtered: false,
        };
        let mut html = String::new();
        row_html(&mut html, &template, true, &ctx);
        assert!(
            html.contains(r#"<p class="hsm-row__recat" data-category-change="MARKETING" title="Marketing custa mais"#),
            "{html}"
        );
        assert!(html.contains("⚠ </span>Vira Marketing em "), "{html}");
        for (action, label) in [("insights", "Números"), ("history", "Histórico")] {
            let link = format!(
                r#"<a href="/7/{action}" class="hsm-btn hsm-btn--small" data-action="{action}" aria-label="{label} aviso (Português)">{label}</a>"#
            );
            assert!(html.contains(&link), "{link} in {html}");
        }
        let mut utility = template.clone();
        utility.category_change.as_mut().unwrap().new_category = hsm_domain::Category::Utility;
        let mut html = String::new();
        row_html(&mut html, &utility, true, &ctx);
        assert!(
            html.contains(r#"data-category-change="UTILITY"><span"#),
            "no tooltip for a category that is not dearer: {html}"
        );
    }

    #[test]
    fn escape_covers_text_and_attributes() {
        assert_eq!(
            escape(r#"<img src=x onerror="a('b')">&"#),
            "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;"
        );
    }
}
