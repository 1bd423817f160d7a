//! Where in a template a rule, a control or a server error points: [`FieldPath`].
//!
//! Its dotted form (`name`, `body.text`, `buttons.2.url`, `body.example.1`) is what the wire
//! carries in `errors[].field` and what the editor writes in `data-path`; everything else
//! compares the typed value, so a path is spelled once, here.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The part of one button a path points at (`buttons.N.<part>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ButtonPart {
    Text,
    Url,
    PhoneNumber,
    /// The sample of the URL's variable, or a copy-code button's code.
    Example,
    /// The button's kind (`type` on the wire).
    Type,
    /// An OTP button's delivery mode.
    OtpType,
    /// An OTP button's one-tap label.
    AutofillText,
    /// An OTP button's Android apps, as a list (their count).
    SupportedApps,
    /// A zero-tap button's acceptance of Meta's terms.
    ZeroTapTermsAccepted,
}

impl ButtonPart {
    const ALL: [ButtonPart; 9] = [
        ButtonPart::Text,
        ButtonPart::Url,
        ButtonPart::PhoneNumber,
        ButtonPart::Example,
        ButtonPart::Type,
        ButtonPart::OtpType,
        ButtonPart::AutofillText,
        ButtonPart::SupportedApps,
        ButtonPart::ZeroTapTermsAccepted,
    ];

    fn as_str(self) -> &'static str {
        match self {
            ButtonPart::Text => "text",
            ButtonPart::Url => "url",
            ButtonPart::PhoneNumber => "phone_number",
            ButtonPart::Example => "example",
            ButtonPart::Type => "type",
            ButtonPart::OtpType => "otp_type",
            ButtonPart::AutofillText => "autofill_text",
            ButtonPart::SupportedApps => "supported_apps",
            ButtonPart::ZeroTapTermsAccepted => "zero_tap_terms_accepted",
        }
    }
}

/// The part of one Android app of an OTP button a path points at
/// (`buttons.N.supported_apps.M.<part>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AppPart {
    PackageName,
    SignatureHash,
}

impl AppPart {
    const ALL: [AppPart; 2] = [AppPart::PackageName, AppPart::SignatureHash];

    fn as_str(self) -> &'static str {
        match self {
            AppPart::PackageName => "package_name",
            AppPart::SignatureHash => "signature_hash",
        }
    }
}

/// A field of a template draft. Button indexes count from 0; a body sample is keyed by its
/// variable's number or name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum FieldPath {
    /// The template as a whole (`""`): edit rules, a body the server could not read.
    #[default]
    Template,
    Name,
    Category,
    Language,
    ParameterFormat,
    /// `message_send_ttl_seconds`: how long Meta tries to deliver.
    MessageSendTtlSeconds,
    /// The header component itself (a duplicate header).
    Header,
    HeaderFormat,
    HeaderText,
    /// The sample of the header's variable.
    HeaderExample,
    /// The uploaded file of an image, video or document header.
    HeaderMedia,
    /// The body component itself.
    Body,
    BodyText,
    /// The sample of one body variable (`body.example.1`, `body.example.order_id`).
    BodyExample(String),
    /// An authentication body's security line switch.
    BodySecurityRecommendation,
    /// The footer component itself.
    Footer,
    FooterText,
    /// An authentication footer's code expiry, in minutes.
    FooterCodeExpiration,
    /// The buttons as a group (their count and order).
    Buttons,
    /// One part of the button at an index.
    Button(usize, ButtonPart),
    /// One part of an Android app (second index) of the OTP button at an index.
    SupportedApp(usize, usize, AppPart),
    /// A name outside the draft (a request parameter or header such as `per_page`,
    /// `If-Match`, `file`) or a path a newer backend sends: kept as it came.
    Other(String),
}

/// The fixed paths and their dotted form.
const FIXED: [(FieldPath, &str); 18] = [
    (FieldPath::Template, ""),
    (FieldPath::Name, "name"),
    (FieldPath::Category, "category"),
    (FieldPath::Language, "language"),
    (FieldPath::ParameterFormat, "parameter_format"),
    (FieldPath::MessageSendTtlSeconds, "message_send_ttl_seconds"),
    (FieldPath::Header, "header"),
    (FieldPath::HeaderFormat, "header.format"),
    (FieldPath::HeaderText, "header.text"),
    (FieldPath::HeaderExample, "header.example"),
    (FieldPath::HeaderMedia, "header.media"),
    (FieldPath::Body, "body"),
    (FieldPath::BodyText, "body.text"),
    (
        FieldPath::BodySecurityRecommendation,
        "body.add_security_recommendation",
    ),
    (FieldPath::Footer, "footer"),
    (FieldPath::FooterText, "footer.text"),
    (
        FieldPath::FooterCodeExpiration,
        "footer.code_expiration_minutes",
    ),
    (FieldPath::Buttons, "buttons"),
];

impl FieldPath {
    /// Reads a dotted path; anything this version does not know becomes [`FieldPath::Other`].
    pub fn parse(s: &str) -> FieldPath {
        if let Some((path, _)) = FIXED.iter().find(|(_, text)| *text == s) {
            return path.clone();
        }
        if let Some(key) = s.strip_prefix("body.example.") {
            if !key.is_empty() {
                return FieldPath::BodyExample(key.to_owned());
            }
        }
        if let Some(rest) = s.strip_prefix("buttons.") {
            if let Some((index, part)) = rest.split_once('.') {
                if let Some(i) = index_of(index) {
                    if let Some(part) = ButtonPart::ALL.into_iter().find(|p| p.as_str() == part) {
                        return FieldPath::Button(i, part);
                    }
                    let app = part
                        .strip_prefix("supported_apps.")
                        .and_then(|r| r.split_once('.'))
                        .and_then(|(j, part)| {
                            let part = AppPart::ALL.into_iter().find(|p| p.as_str() == part)?;
                            Some(FieldPath::SupportedApp(i, index_of(j)?, part))
                        });
                    if let Some(path) = app {
                        return path;
                    }
                }
            }
        }
        FieldPath::Other(s.to_owned())
    }

    /// The path of a body sample.
    pub fn body_example(key: impl Into<String>) -> FieldPath {
        FieldPath::BodyExample(key.into())
    }

    /// The first segment (`buttons` for `buttons.2.url`): the part of the template it is in.
    pub fn root(&self) -> FieldPath {
        match self {
            FieldPath::HeaderFormat
            | FieldPath::HeaderText
            | FieldPath::HeaderExample
            | FieldPath::HeaderMedia => FieldPath::Header,
            FieldPath::BodyText
            | FieldPath::BodyExample(_)
            | FieldPath::BodySecurityRecommendation => FieldPath::Body,
            FieldPath::FooterText | FieldPath::FooterCodeExpiration => FieldPath::Footer,
            FieldPath::Button(..) | FieldPath::SupportedApp(..) => FieldPath::Buttons,
            FieldPath::Other(s) => FieldPath::parse(s.split('.').next().unwrap_or("")),
            other => other.clone(),
        }
    }

    /// Whether this is the template as a whole.
    pub fn is_template(&self) -> bool {
        *self == FieldPath::Template
    }
}

/// A list index as the dotted form writes it: digits only, no leading zero (`+1` or `01`
/// would read back as another path).
fn index_of(s: &str) -> Option<usize> {
    let canonical =
        !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && (!s.starts_with('0') || s == "0");
    canonical.then(|| s.parse().ok()).flatten()
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldPath::BodyExample(key) => write!(f, "body.example.{key}"),
            FieldPath::Button(i, part) => write!(f, "buttons.{i}.{}", part.as_str()),
            FieldPath::SupportedApp(i, j, part) => {
                write!(f, "buttons.{i}.supported_apps.{j}.{}", part.as_str())
            }
            FieldPath::Other(s) => f.write_str(s),
            fixed => {
                let text = FIXED
                    .iter()
                    .find(|(p, _)| p == fixed)
                    .map_or("", |(_, text)| text);
                f.write_str(text)
            }
        }
    }
}

impl From<&str> for FieldPath {
    fn from(s: &str) -> FieldPath {
        FieldPath::parse(s)
    }
}

impl FieldPath {
    /// Whether the dotted form is `s`, compared as it is written (no allocation: the editor
    /// compares paths on every keystroke).
    fn is_dotted(&self, s: &str) -> bool {
        struct Rest<'a>(&'a str);
        impl fmt::Write for Rest<'_> {
            fn write_str(&mut self, part: &str) -> fmt::Result {
                self.0 = self.0.strip_prefix(part).ok_or(fmt::Error)?;
                Ok(())
            }
        }
        let mut rest = Rest(s);
        fmt::write(&mut rest, format_args!("{self}")).is_ok() && rest.0.is_empty()
    }
}

impl PartialEq<str> for FieldPath {
    /// Whether `other` is this path's dotted wire form, compared as `Display` writes it
    /// (no allocation per comparison).
    fn eq(&self, other: &str) -> bool {
        self.is_dotted(other)
    }
}

impl PartialEq<&str> for FieldPath {
    fn eq(&self, other: &&str) -> bool {
        self.is_dotted(other)
    }
}

impl Serialize for FieldPath {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FieldPath {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Ok(FieldPath::parse(&s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_reads_back_from_its_dotted_form() {
        let mut paths: Vec<FieldPath> = FIXED.iter().map(|(p, _)| p.clone()).collect();
        paths.push(FieldPath::body_example("1"));
        paths.push(FieldPath::body_example("order_id"));
        for part in ButtonPart::ALL {
            paths.push(FieldPath::Button(0, part));
            paths.push(FieldPath::Button(9, part));
        }
        for part in AppPart::ALL {
            paths.push(FieldPath::SupportedApp(0, 4, part));
            paths.push(FieldPath::SupportedApp(10, 0, part));
        }
        paths.push(FieldPath::Other("per_page".into()));
        for p in paths {
            assert_eq!(FieldPath::parse(&p.to_string()), p, "{p}");
        }
    }

    #[test]
    fn unknown_or_odd_paths_are_kept_as_they_came() {
        for s in [
            "buttons.01.text",
            "buttons.+1.text",
            "buttons.x.text",
            "buttons.1.colour",
            "buttons.1",
            "buttons.0.supported_apps.01.package_name",
            "buttons.0.supported_apps.1",
            "buttons.0.supported_apps.1.name",
            "buttons.0.supported_apps.x.signature_hash",
            "body.example.",
            "If-Match",
            "header.novo",
        ] {
            assert_eq!(FieldPath::parse(s), FieldPath::Other(s.into()), "{s}");
            assert_eq!(FieldPath::parse(s).to_string(), s);
            assert_eq!(FieldPath::parse(s), s);
        }
        assert_eq!(FieldPath::Button(2, ButtonPart::Url), "buttons.2.url");
        assert_ne!(FieldPath::Button(2, ButtonPart::Url), "buttons.2.ur");
        assert_ne!(FieldPath::Button(2, ButtonPart::Url), "buttons.2.url.x");
        assert_ne!(FieldPath::Name, "");
        assert_eq!(FieldPath::Template, "");
    }

    #[test]
    fn roots_follow_the_dotted_form() {
        assert_eq!(
            FieldPath::Button(2, ButtonPart::Url).root(),
            FieldPath::Buttons
        );
        assert_eq!(FieldPath::HeaderMedia.root(), FieldPath::Header);
        assert_eq!(
            FieldPath::SupportedApp(0, 1, AppPart::SignatureHash).root(),
            FieldPath::Buttons
        );
        assert_eq!(FieldPath::FooterCodeExpiration.root(), FieldPath::Footer);
        assert_eq!(
            FieldPath::BodySecurityRecommendation.root(),
            FieldPath::Body
        );
        assert_eq!(FieldPath::Name.root(), FieldPath::Name);
    }

    #[test]
    fn serialises_as_its_dotted_form() {
        let p = FieldPath::Button(1, ButtonPart::PhoneNumber);
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(json, "\"buttons.1.phone_number\"");
        assert_eq!(serde_json::from_str::<FieldPath>(&json).unwrap(), p);
    }

    #[test]
    fn equals_exactly_its_dotted_form() {
        let p = FieldPath::Button(12, ButtonPart::Url);
        assert!(p == "buttons.12.url");
        assert!(p == *"buttons.12.url");
        for other in [
            "buttons.12.ur",
            "buttons.12.url.",
            "buttons.1",
            "",
            "buttons.12.urlx",
        ] {
            assert!(p != other, "{other}");
        }
        assert!(FieldPath::Name == "name");
    }
}
