//! Meta's documented example templates read and write back unchanged.

use hsm_domain::{
    validate, Button, Category, Component, HeaderFormat, Language, ParameterFormat, Status,
    Template, TemplateDraft,
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
