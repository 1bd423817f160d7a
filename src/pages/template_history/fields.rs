//! A changed field as the admin knows it: the editor's own labels ("Mensagem", "Botão 2: URL
//! do site"), so the history names a field as the form does. A path this version does not
//! know shows as written.

use hsm_domain::{AppPart, ButtonPart, FieldPath};

use crate::i18n::I18n;

/// The label of the field at `path`, in the admin's language.
pub fn field_label(i18n: &I18n, path: &FieldPath) -> String {
    let key = match path {
        FieldPath::Template => "history.field_template",
        FieldPath::Name => "editor.name",
        FieldPath::Category => "editor.category",
        FieldPath::Language => "editor.language",
        FieldPath::ParameterFormat => "editor.parameter_format",
        FieldPath::MessageSendTtlSeconds => "editor.ttl",
        FieldPath::Header | FieldPath::HeaderFormat => "editor.header",
        FieldPath::HeaderText => "editor.header_text",
        FieldPath::HeaderExample => "history.field_header_example",
        FieldPath::HeaderMedia => "history.field_header_media",
        FieldPath::Body | FieldPath::BodyText => "editor.body",
        FieldPath::BodyExample(variable) => {
            return i18n.tf(
                "editor.sample_for",
                &[("variable", format!("{{{{{variable}}}}}"))],
            );
        }
        FieldPath::BodySecurityRecommendation => "editor.auth_security",
        FieldPath::Footer | FieldPath::FooterText => "editor.footer",
        FieldPath::FooterCodeExpiration => "editor.auth_expiry",
        FieldPath::Buttons => "editor.buttons",
        FieldPath::Button(i, part) => return button_field(i18n, *i, i18n.t(button_part(*part))),
        FieldPath::SupportedApp(i, app, part) => {
            let app = i18n.tf("editor.auth_app_legend", &[("n", (app + 1).to_string())]);
            let part = i18n.t(match part {
                AppPart::PackageName => "editor.auth_package_name",
                AppPart::SignatureHash => "editor.auth_signature_hash",
            });
            return button_field(i18n, *i, format!("{app} · {part}"));
        }
        FieldPath::Other(raw) => return raw.clone(),
    };
    i18n.t(key)
}

/// "Botão 2: URL do site" (indexes count from 0 on the wire, from 1 on screen).
fn button_field(i18n: &I18n, index: usize, field: String) -> String {
    i18n.tf(
        "history.field_button",
        &[("n", (index + 1).to_string()), ("field", field)],
    )
}

fn button_part(part: ButtonPart) -> &'static str {
    match part {
        ButtonPart::Text => "editor.button_text",
        ButtonPart::Url => "editor.button_url_address",
        ButtonPart::PhoneNumber => "editor.button_phone_number",
        ButtonPart::Example => "history.field_button_example",
        ButtonPart::Type => "history.field_button_type",
        ButtonPart::OtpType => "editor.auth_delivery",
        ButtonPart::AutofillText => "editor.auth_autofill_text",
        ButtonPart::SupportedApps => "editor.auth_apps",
        ButtonPart::ZeroTapTermsAccepted => "editor.auth_zero_tap_terms",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn fields_read_as_the_editor_labels_them() {
        let i18n = I18n::new(Locale::PtBr);
        assert_eq!(field_label(&i18n, &FieldPath::BodyText), "Mensagem");
        assert_eq!(
            field_label(&i18n, &FieldPath::parse("buttons.1.url")),
            "Botão 2: URL do site"
        );
        assert_eq!(
            field_label(&i18n, &FieldPath::parse("body.example.1")),
            "Exemplo para {{1}}"
        );
        assert_eq!(
            field_label(&i18n, &FieldPath::parse("carousel.cards")),
            "carousel.cards"
        );
    }
}
