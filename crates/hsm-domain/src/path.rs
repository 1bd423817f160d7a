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
}

impl ButtonPart {
    const ALL: [ButtonPart; 5] = [
        ButtonPart::Text,
        ButtonPart::Url,
        ButtonPart::PhoneNumber,
        ButtonPart::Example,
        ButtonPart::Type,
    ];

    fn as_str(self) -> &'static str {
        match self {
            ButtonPart::Text => "text",
            ButtonPart::Url => "url",
            ButtonPart::PhoneNumber => "phone_number",
            ButtonPart::Example => "example",
            ButtonPart::Type => "type",
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
    /// The footer component itself.
    Footer,
    FooterText,
    /// The buttons as a group (their count and order).
    Buttons,
    /// One part of the button at an index.
    Button(usize, ButtonPart),
    /// A name outside the draft (a request parameter or header such as `per_page`,
    /// `If-Match`, `file`) or a path a newer backend sends: kept as it came.
    Other(String),
}

/// The fixed paths and their dotted form.
const FIXED: [(FieldPath, &str); 15] = [
    (FieldPath::Template, ""),
    (FieldPath::Name, "name"),
    (FieldPath::Category, "category"),
    (FieldPath::Language, "language"),
    (FieldPath::ParameterFormat, "parameter_format"),
    (FieldPath::Header, "header"),
    (FieldPath::HeaderFormat, "header.format"),
    (FieldPath::HeaderText, "header.text"),
    (FieldPath::HeaderExample, "header.example"),
    (FieldPath::HeaderMedia, "header.media"),
    (FieldPath::Body, "body"),
    (FieldPath::BodyText, "body.text"),
    (FieldPath::Footer, "footer"),
    (FieldPath::FooterText, "footer.text"),
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
                // Digits only, no leading zero: `+1` or `01` would read back as another path.
                let canonical = index.bytes().all(|b| b.is_ascii_digit())
                    && (!index.starts_with('0') || index == "0");
                let part = ButtonPart::ALL.into_iter().find(|p| p.as_str() == part);
                if let (true, Ok(i), Some(part)) = (canonical, index.parse::<usize>(), part) {
                    return FieldPath::Button(i, part);
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
            FieldPath::BodyText | FieldPath::BodyExample(_) => FieldPath::Body,
            FieldPath::FooterText => FieldPath::Footer,
            FieldPath::Button(..) => FieldPath::Buttons,
            FieldPath::Other(s) => FieldPath::parse(s.split('.').next().unwrap_or("")),
            other => other.clone(),
        }
    }

    /// Whether this is the template as a whole.
    pub fn is_template(&self) -> bool {
        *self == FieldPath::Template
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldPath::BodyExample(key) => write!(f, "body.example.{key}"),
            FieldPath::Button(i, part) => write!(f, "buttons.{i}.{}", part.as_str()),
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
