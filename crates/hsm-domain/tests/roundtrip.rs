//! Meta's documented example templates read and write back unchanged.

use hsm_domain::{
    validate, Button, Category, Component, HeaderFormat, Language, OtpButton, OtpType,
    ParameterFormat, Status, Template, TemplateDraft,
};
use serde_json::{json, Value};

fn round_trip(v: Value) -> TemplateDraft {
    let draft: TemplateDraft = serde_json::from_value(v.clone()).expect("reads");
    let back = serde_json::to_value(&draft).expect("writes");
    assert_eq!(back, v);
    draft
}

fn errors(d: &TemplateDraft) -> Vec<String> {
    validate(d)
        .into_iter()
        .map(|i| format!("{} {}", i.field, i.code))
        .collect()
}

#[test]
fn text_header_positional_body_footer_quick_replies() {
    let d = round_trip(json!({
        "name": "seasonal_promotion",
        "language": "en_US",
        "category": "MARKETING",
        "components": [
            {"type": "HEADER", "format": "TEXT", "text": "Our {{1}} is on!",
             "example": {"header_text": ["Summer Sale"]}},
            {"type": "BODY",
             "text": "Shop now through {{1}} and use code {{2}} to get {{3}} off of all merchandise.",
             "example": {"body_text": [["the end of August", "25OFF", "25%"]]}},
            {"type": "FOOTER", "text": "Use the buttons below to manage your marketing subscriptions"},
            {"type": "BUTTONS", "buttons": [
                {"type": "QUICK_REPLY", "text": "Unsubscribe from Promos"},
                {"type": "QUICK_REPLY", "text": "Unsubscribe from All"}
            ]}
        ]
    }));
    assert_eq!(d.parameter_format, None);
    assert_eq!(d.header().unwrap().format, HeaderFormat::Text);
    assert_eq!(d.buttons().len(), 2);
    assert_eq!(errors(&d), Vec::<String>::new());
}

#[test]
fn media_header_phone_and_url_buttons() {
    let d = round_trip(json!({
        "name": "order_confirmation",
        "language": "en_US",
        "category": "UTILITY",
        "components": [
            {"type": "HEADER", "format": "DOCUMENT",
             "example": {"header_handle": ["4::YX...Ab3c"]}},
            {"type": "BODY",
             "text": "Thank you for your order, {{1}}! Your order number is {{2}}. Tap the PDF linked above to view your receipt. If you have any questions, please use the buttons below to contact support. Thank you for being a customer!",
             "example": {"body_text": [["Pablo", "860198-230332"]]}},
            {"type": "BUTTONS", "buttons": [
                {"type": "PHONE_NUMBER", "text": "Call", "phone_number": "15550051310"},
                {"type": "URL", "text": "Contact Support", "url": "https://www.luckyshrub.com/support"}
            ]}
        ]
    }));
    assert_eq!(d.category, Category::Utility);
    assert!(matches!(d.buttons()[0], Button::PhoneNumber { .. }));
    assert_eq!(errors(&d), Vec::<String>::new());
}

#[test]
fn image_header_and_url_button_with_example() {
    let d = round_trip(json!({
        "name": "limited_time_offer",
        "language": "en_US",
        "category": "MARKETING",
        "components": [
            {"type": "HEADER", "format": "IMAGE",
             "example": {"header_handle": ["4::aW1hZ2UvanBlZw==:ARa..."]}},
            {"type": "BODY",
             "text": "Hi {{1}}! For a limited time only you can get our {{2}} for as low as {{3}}. Tap the Offer Details button for more information.",
             "example": {"body_text": [["Pablo", "Tuscan Getaway package", "800"]]}},
            {"type": "BUTTONS", "buttons": [
                {"type": "URL", "text": "Offer Details",
                 "url": "https://www.luckyshrub.com/offers/{{1}}",
                 "example": ["https://www.luckyshrub.com/offers/summer2023"]},
                {"type": "QUICK_REPLY", "text": "Not interested"}
            ]}
        ]
    }));
    assert_eq!(errors(&d), Vec::<String>::new());
}

#[test]
fn named_parameters() {
    let d = round_trip(json!({
        "name": "order_confirmation_named",
        "language": "en_US",
        "category": "UTILITY",
        "parameter_format": "NAMED",
        "components": [
            {"type": "HEADER", "format": "TEXT", "text": "Order {{order_id}} confirmed",
             "example": {"header_text_named_params": [{"param_name": "order_id", "example": "335628"}]}},
            {"type": "BODY",
             "text": "Thank you, {{first_name}}! Your order number is {{order_number}}.",
             "example": {"body_text_named_params": [
                 {"param_name": "first_name", "example": "Pablo"},
                 {"param_name": "order_number", "example": "860198-230332"}
             ]}}
        ]
    }));
    assert_eq!(d.parameter_format, Some(ParameterFormat::Named));
    assert_eq!(errors(&d), Vec::<String>::new());
}

#[test]
fn unknown_values_survive() {
    let d = round_trip(json!({
        "name": "x",
        "language": "fr",
        "category": "SOMETHING_NEW",
        "parameter_format": "FANCY",
        "components": [
            {"type": "HEADER", "format": "LOCATION"},
            {"type": "BODY", "text": "a"}
        ]
    }));
    assert_eq!(d.language, Language::Other("fr".into()));
    assert!(matches!(d.components[0], Component::Header(_)));
}

#[test]
fn stored_template() {
    let v = json!({
        "id": "123",
        "name": "pedido_enviado",
        "language": "pt_BR",
        "category": "UTILITY",
        "parameter_format": "POSITIONAL",
        "components": [{"type": "BODY", "text": "Oi {{1}}, seu pedido saiu.",
                        "example": {"body_text": [["Ana"]]}}],
        "status": "REJECTED",
        "rejected_reason": "INVALID_FORMAT",
        "rejection_recommendation": "Add more text.",
        "quality_score": {"score": "UNKNOWN"},
        "created_at": "2024-05-01T10:00:00Z",
        "updated_at": "2024-05-01T10:00:00Z",
        "version": 3
    });
    let t: Template = serde_json::from_value(v.clone()).unwrap();
    assert_eq!(t.status, Status::Rejected);
    assert_eq!(serde_json::to_value(&t).unwrap(), v);
}

// Authentication templates: Meta's create bodies (copy code, one-tap, zero-tap) and its GET
// answers, which report the same template in another shape.

fn copy_code_create() -> Value {
    json!({
        "name": "authentication_code_copy_code_button",
        "language": "en_US",
        "category": "AUTHENTICATION",
        "message_send_ttl_seconds": 60,
        "components": [
            {"type": "BODY", "add_security_recommendation": true},
            {"type": "FOOTER", "code_expiration_minutes": 5},
            {"type": "BUTTONS", "buttons": [
                {"type": "OTP", "otp_type": "COPY_CODE", "text": "Copy Code"}
            ]}
        ]
    })
}

fn one_tap_create(otp_type: &str) -> Value {
    let mut button = json!({
        "type": "OTP",
        "otp_type": otp_type,
        "text": "Copy Code",
        "autofill_text": "Autofill",
        "supported_apps": [
            {"package_name": "com.example.luckyshrub", "signature_hash": "K8a/AINcGX7"}
        ]
    });
    if otp_type == "ZERO_TAP" {
        button["zero_tap_terms_accepted"] = json!(true);
    }
    json!({
        "name": "authentication_code_autofill_button",
        "language": "en_US",
        "category": "AUTHENTICATION",
        "message_send_ttl_seconds": 60,
        "components": [
            {"type": "BODY", "add_security_recommendation": true},
            {"type": "FOOTER", "code_expiration_minutes": 10},
            {"type": "BUTTONS", "buttons": [button]}
        ]
    })
}

fn otp(d: &TemplateDraft) -> &OtpButton {
    match &d.buttons()[0] {
        Button::Otp(b) => b,
        other => panic!("not an OTP button: {other:?}"),
    }
}

#[test]
fn authentication_create_bodies() {
    let d = round_trip(copy_code_create());
    assert_eq!(d.category, Category::Authentication);
    assert_eq!(d.message_send_ttl_seconds, Some(60));
    assert_eq!(d.body().unwrap().add_security_recommendation, Some(true));
    assert_eq!(d.footer().unwrap().code_expiration_minutes, Some(5));
    assert_eq!(otp(&d).otp_type, OtpType::CopyCode);
    assert_eq!(errors(&d), Vec::<String>::new());

    for mode in ["ONE_TAP", "ZERO_TAP"] {
        let d = round_trip(one_tap_create(mode));
        let b = otp(&d);
        assert_eq!(b.otp_type.as_str(), mode);
        assert_eq!(b.supported_apps[0].signature_hash, "K8a/AINcGX7");
        assert_eq!(errors(&d), Vec::<String>::new());
    }
}

/// Meta's documentation writes these bodies in lower case; Meta reads them either way.
#[test]
fn authentication_create_body_in_lower_case() {
    let lower = json!({
        "name": "authentication_code_copy_code_button",
        "language": "en_US",
        "category": "authentication",
        "message_send_ttl_seconds": 60,
        "components": [
            {"type": "body", "add_security_recommendation": true},
            {"type": "footer", "code_expiration_minutes": 5},
            {"type": "buttons", "buttons": [
                {"type": "otp", "otp_type": "copy_code", "text": "Copy Code"}
            ]}
        ]
    });
    let d: TemplateDraft = serde_json::from_value(lower).unwrap();
    assert_eq!(serde_json::to_value(&d).unwrap(), copy_code_create());
}

/// Meta's older one-tap shape: the app on the button itself.
#[test]
fn authentication_older_one_tap_shape() {
    let mut old = one_tap_create("ONE_TAP");
    let button = &mut old["components"][2]["buttons"][0];
    button.as_object_mut().unwrap().remove("supported_apps");
    button["package_name"] = json!("com.example.luckyshrub");
    button["signature_hash"] = json!("K8a/AINcGX7");
    let d: TemplateDraft = serde_json::from_value(old).unwrap();
    assert_eq!(serde_json::to_value(&d).unwrap(), one_tap_create("ONE_TAP"));
}

#[test]
fn authentication_get_answers_read_as_the_create_body() {
    // The button as Meta's GET reports it: a URL button to WhatsApp's OTP address.
    let get = json!({
        "id": "594425479261596",
        "status": "APPROVED",
        "name": "authentication_code_copy_code_button",
        "language": "en_US",
        "category": "AUTHENTICATION",
        "message_send_ttl_seconds": 60,
        "components": [
            {"type": "BODY",
             "text": "*{{1}}* is your verification code. For your security, do not share this code.",
             "add_security_recommendation": true,
             "example": {"body_text": [["123456"]]}},
            {"type": "FOOTER", "text": "This code expires in 5 minutes.", "code_expiration_minutes": 5},
            {"type": "BUTTONS", "buttons": [
                {"type": "URL", "text": "Copy Code",
                 "url": "https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}",
                 "example": ["https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp123456"]}
            ]}
        ]
    });
    let d: TemplateDraft = serde_json::from_value(get).unwrap();
    assert_eq!(serde_json::to_value(&d).unwrap(), copy_code_create());

    // One-tap: the label, package and hash in the address's query.
    let get = json!({
        "name": "authentication_code_autofill_button",
        "language": "en_US",
        "category": "AUTHENTICATION",
        "message_send_ttl_seconds": 60,
        "components": [
            {"type": "BODY",
             "text": "*{{1}}* is your verification code. For your security, do not share this code.",
             "add_security_recommendation": true},
            {"type": "FOOTER", "text": "This code expires in 10 minutes.", "code_expiration_minutes": 10},
            {"type": "BUTTONS", "buttons": [
                {"type": "URL", "text": "Copy Code",
                 "url": "https://www.whatsapp.com/otp/code/?otp_type=ONE_TAP&cta_display_name=Autofill&package_name=com.example.luckyshrub&signature_hash=K8a%2FAINcGX7&code=otp{{1}}"}
            ]}
        ]
    });
    let d: TemplateDraft = serde_json::from_value(get).unwrap();
    assert_eq!(serde_json::to_value(&d).unwrap(), one_tap_create("ONE_TAP"));

    // Zero-tap: Meta keeps it only with its terms accepted.
    let mut get = one_tap_create("ZERO_TAP");
    get["components"][2]["buttons"][0] = json!({
        "type": "URL", "text": "Copy Code",
        "url": "https://www.whatsapp.com/otp/code/?otp_type=ZERO_TAP&cta_display_name=Autofill&package_name=com.example.luckyshrub&signature_hash=K8a%2FAINcGX7&code=otp{{1}}"
    });
    let d: TemplateDraft = serde_json::from_value(get).unwrap();
    assert_eq!(
        serde_json::to_value(&d).unwrap(),
        one_tap_create("ZERO_TAP")
    );
}

/// The newer GET shape: the button stays `OTP`, the texts come written out (here without
/// the switches, which the texts then give).
#[test]
fn authentication_get_with_texts_only() {
    let get = json!({
        "name": "codigo_acesso",
        "language": "pt_BR",
        "category": "AUTHENTICATION",
        "components": [
            {"type": "BODY", "text": "Seu código de verificação é *{{1}}*. Para sua segurança, não o compartilhe."},
            {"type": "FOOTER", "text": "Este código expira em 10 minutos."},
            {"type": "BUTTONS", "buttons": [{"type": "OTP", "otp_type": "COPY_CODE", "text": "Copiar código"}]}
        ]
    });
    let d: TemplateDraft = serde_json::from_value(get).unwrap();
    assert_eq!(
        serde_json::to_value(&d).unwrap(),
        json!({
            "name": "codigo_acesso",
            "language": "pt_BR",
            "category": "AUTHENTICATION",
            "components": [
                {"type": "BODY", "add_security_recommendation": true},
                {"type": "FOOTER", "code_expiration_minutes": 10},
                {"type": "BUTTONS", "buttons": [{"type": "OTP", "otp_type": "COPY_CODE", "text": "Copiar código"}]}
            ]
        })
    );
    assert_eq!(errors(&d), Vec::<String>::new());
}

/// Free text in an authentication body is the admin's, not Meta's: kept, and refused.
#[test]
fn authentication_free_text_is_kept_and_refused() {
    let mut v = copy_code_create();
    v["components"][0] = json!({"type": "BODY", "text": "Seu código: {{1}}. Não conte a ninguém."});
    v["components"][1] = json!({"type": "FOOTER", "text": "Equipe Citrus"});
    let d = round_trip(v);
    assert_eq!(
        errors(&d),
        [
            "body.text authentication_body_text_not_allowed",
            "footer.text authentication_footer_text_not_allowed"
        ]
    );
}

/// A URL button to Meta's OTP address outside an authentication template stays a URL button.
#[test]
fn otp_addresses_elsewhere_stay_urls() {
    let v = json!({
        "name": "x",
        "language": "en_US",
        "category": "UTILITY",
        "components": [
            {"type": "BODY", "text": "Use the button below to copy the code now."},
            {"type": "BUTTONS", "buttons": [{"type": "URL", "text": "Copy",
             "url": "https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp1"}]}
        ]
    });
    let d = round_trip(v);
    assert!(matches!(d.buttons()[0], Button::Url { .. }));
}

#[test]
fn stored_authentication_template_reads_the_get_shape() {
    let mut v = copy_code_create();
    v["components"][0]["text"] =
        json!("*{{1}}* is your verification code. For your security, do not share this code.");
    let obj = v.as_object_mut().unwrap();
    for (k, val) in [
        ("id", json!("9")),
        ("status", json!("APPROVED")),
        ("created_at", json!("2024-05-01T10:00:00Z")),
        ("updated_at", json!("2024-05-01T10:00:00Z")),
        ("version", json!(1)),
    ] {
        obj.insert(k.into(), val);
    }
    let t: Template = serde_json::from_value(v).unwrap();
    assert_eq!(t.draft.body().unwrap().text, "");
    assert_eq!(serde_json::to_value(&t.draft).unwrap(), copy_code_create());
}
