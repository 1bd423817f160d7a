//! Where in a template Meta's rejection reason points, so the editor shows it next to the part
//! to fix.

use crate::model::{Button, RejectionReason, TemplateDraft};
use crate::path::{ButtonPart, FieldPath};
use crate::validation::shortener;

/// The field a rejection concerns:
/// - the category for INCORRECT_CATEGORY, PROMOTIONAL, CATEGORY_NOT_AVAILABLE and
///   TAG_CONTENT_MISMATCH (the content does not fit the category chosen);
/// - the body and its variables for INVALID_FORMAT and ABUSIVE_CONTENT;
/// - the link for SCAM: the URL button with a link shortener, else the first URL button, else
///   the body (where a link in the text would be);
/// - the template as a whole for NONE and reasons this version does not know.
pub fn rejection_field(reason: &RejectionReason, draft: &TemplateDraft) -> FieldPath {
    match reason {
        RejectionReason::IncorrectCategory
        | RejectionReason::Promotional
        | RejectionReason::CategoryNotAvailable
        | RejectionReason::TagContentMismatch => FieldPath::Category,
        RejectionReason::InvalidFormat | RejectionReason::AbusiveContent => FieldPath::BodyText,
        RejectionReason::Scam => scam_field(draft),
        RejectionReason::None | RejectionReason::Other(_) => FieldPath::Template,
    }
}

fn scam_field(draft: &TemplateDraft) -> FieldPath {
    let urls: Vec<(usize, &str)> = draft
        .buttons()
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b {
            Button::Url { url, .. } => Some((i, url.as_str())),
            _ => None,
        })
        .collect();
    let body_has_shortener = draft.body().is_some_and(|b| shortener(&b.text).is_some());
    urls.iter()
        .find(|(_, url)| shortener(url).is_some())
        .or(urls.first().filter(|_| !body_has_shortener))
        .map_or(FieldPath::BodyText, |(i, _)| {
            FieldPath::Button(*i, ButtonPart::Url)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Body, Buttons, Component};

    fn draft(body: &str, urls: &[&str]) -> TemplateDraft {
        let buttons = urls
            .iter()
            .map(|u| Button::Url {
                text: "Ver".into(),
                url: (*u).into(),
                example: None,
            })
            .collect();
        TemplateDraft {
            components: vec![
                Component::Body(Body {
                    add_security_recommendation: None,
                    text: body.into(),
                    example: None,
                }),
                Component::Buttons(Buttons { buttons }),
            ],
            ..TemplateDraft::default()
        }
    }

    #[test]
    fn each_reason_points_at_its_part() {
        let d = draft("Oi", &[]);
        let at = |r| rejection_field(&r, &d);
        assert_eq!(at(RejectionReason::IncorrectCategory), FieldPath::Category);
        assert_eq!(at(RejectionReason::Promotional), FieldPath::Category);
        assert_eq!(at(RejectionReason::InvalidFormat), FieldPath::BodyText);
        assert_eq!(at(RejectionReason::Scam), FieldPath::BodyText);
        assert_eq!(at(RejectionReason::None), FieldPath::Template);
        assert_eq!(
            at(RejectionReason::Other("NEW".into())),
            FieldPath::Template
        );
    }

    #[test]
    fn scam_points_at_the_suspicious_link() {
        let url = |i| FieldPath::Button(i, ButtonPart::Url);
        let scam = |d: &TemplateDraft| rejection_field(&RejectionReason::Scam, d);
        assert_eq!(
            scam(&draft("Oi", &["https://a.com", "https://bit.ly/x"])),
            url(1)
        );
        assert_eq!(scam(&draft("Oi", &["https://a.com"])), url(0));
        assert_eq!(
            scam(&draft("Veja bit.ly/x", &["https://a.com"])),
            FieldPath::BodyText
        );
    }
}
