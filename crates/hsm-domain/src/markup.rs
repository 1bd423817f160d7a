//! WhatsApp formatting (`*bold*`, `_italic_`, `~strike~`, `` ```mono``` ``) and sample
//! substitution, for the live preview. Produces typed spans, never HTML.
//!
//! The rules WhatsApp applies, as implemented here:
//! - an opening marker follows the start of the text or a non-alphanumeric character and is
//!   followed by a non-space; a closing marker follows a non-space and is followed by the end
//!   or a non-alphanumeric character (so `snake_case_name` and `2*3*4` stay literal);
//! - bold, italic and strike do not cross a line break and do not nest inside themselves;
//!   they may nest inside each other (`*_both_*`);
//! - ` ``` ` monospace may span lines, and its contents are not parsed further;
//! - a marker without a partner stays literal; newlines are kept in the text;
//! - variables (`{{…}}`) are opaque: markers inside the braces are never markup.
//!
//! Everything is linear in the length of the text.

use crate::model::{Body, Header, NamedParam};
use crate::variables::{variables, VarName};

/// A piece of formatted text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    /// Plain text, newlines included.
    Text(String),
    /// A variable replaced by its sample value (only from [`substitute`] and [`preview`]).
    Sample {
        variable: String,
        value: String,
    },
    /// A variable without a sample, kept as written (`{{2}}`) so the UI can highlight it.
    Missing(String),
    Bold(Vec<Span>),
    Italic(Vec<Span>),
    Strike(Vec<Span>),
    /// Monospace; its children are only `Text`, `Sample` or `Missing`.
    Mono(Vec<Span>),
}

const MARKERS: [u8; 3] = [b'*', b'_', b'~'];
const NONE: usize = usize::MAX;

/// Parses WhatsApp formatting. Leaves are `Text` only.
pub fn parse(text: &str) -> Vec<Span> {
    Parser::new(text).run()
}

/// Parses formatting, then replaces the variables in every leaf by their samples.
pub fn preview(text: &str, samples: &Samples<'_>) -> Vec<Span> {
    fn map(spans: Vec<Span>, samples: &Samples<'_>, out: &mut Vec<Span>) {
        for s in spans {
            match s {
                Span::Text(t) => out.extend(substitute(&t, samples)),
                Span::Bold(c) => out.push(Span::Bold(sub(c, samples))),
                Span::Italic(c) => out.push(Span::Italic(sub(c, samples))),
                Span::Strike(c) => out.push(Span::Strike(sub(c, samples))),
                Span::Mono(c) => out.push(Span::Mono(sub(c, samples))),
                other => out.push(other),
            }
        }
    }
    fn sub(spans: Vec<Span>, samples: &Samples<'_>) -> Vec<Span> {
        let mut out = Vec::new();
        map(spans, samples, &mut out);
        out
    }
    sub(parse(text), samples)
}

/// Where sample values come from.
#[derive(Debug, Clone, Copy, Default)]
pub enum Samples<'a> {
    /// No samples: every variable is `Missing`.
    #[default]
    None,
    /// Positional samples; `{{n}}` takes index n − 1.
    Positional(&'a [String]),
    /// Named samples, looked up by `param_name`.
    Named(&'a [NamedParam]),
}

impl<'a> Samples<'a> {
    /// The samples of a body (positional if it has `body_text`, else named).
    pub fn of_body(body: &'a Body) -> Self {
        match &body.example {
            Some(e) => match (&e.body_text, &e.body_text_named_params) {
                (Some(rows), _) if !rows.is_empty() => Samples::Positional(&rows[0]),
                (_, Some(named)) => Samples::Named(named),
                _ => Samples::None,
            },
            None => Samples::None,
        }
    }

    /// The samples of a text header.
    pub fn of_header(header: &'a Header) -> Self {
        match &header.example {
            Some(e) => match (&e.header_text, &e.header_text_named_params) {
                (Some(v), _) if !v.is_empty() => Samples::Positional(v),
                (_, Some(named)) => Samples::Named(named),
                _ => Samples::None,
            },
            None => Samples::None,
        }
    }

    /// The non-empty sample of a variable, if any.
    pub fn get(&self, name: &VarName) -> Option<&'a str> {
        let found = match (self, name) {
            (Samples::Positional(v), VarName::Positional(n)) => {
                v.get(usize::try_from(*n).ok()? - 1).map(String::as_str)
            }
            (Samples::Named(v), VarName::Named(n)) => v
                .iter()
                .find(|p| &p.param_name == n)
                .map(|p| p.example.as_str()),
            _ => None,
        };
        found.filter(|s| !s.trim().is_empty())
    }
}

/// Replaces each variable by its sample. Returns `Text`, `Sample` and `Missing` spans only;
/// malformed variables and those without a sample come back as `Missing`, as written.
pub fn substitute(text: &str, samples: &Samples<'_>) -> Vec<Span> {
    let mut out = Vec::new();
    let mut last = 0;
    for v in variables(text) {
        if v.range.start > last {
            out.push(Span::Text(text[last..v.range.start].to_owned()));
        }
        let raw = &text[v.range.clone()];
        out.push(match samples.get(&v.name) {
            Some(value) => Span::Sample {
                variable: v.name.key(),
                value: value.to_owned(),
            },
            None => Span::Missing(raw.to_owned()),
        });
        last = v.range.end;
    }
    if last < text.len() {
        out.push(Span::Text(text[last..].to_owned()));
    }
    out
}

/// Whether the spans contain any formatting.
pub fn has_formatting(spans: &[Span]) -> bool {
    spans.iter().any(|s| {
        matches!(
            s,
            Span::Bold(_) | Span::Italic(_) | Span::Strike(_) | Span::Mono(_)
        )
    })
}

struct Parser<'t> {
    text: &'t str,
    b: &'t [u8],
    /// Per marker, the first valid closing position at or after i on the same line.
    next_closer: [Vec<usize>; 3],
    /// The first "```" at or after i.
    next_fence: Vec<usize>,
    /// End of the variable starting at i (0 when none starts there).
    var_end: Vec<usize>,
}

impl<'t> Parser<'t> {
    fn new(text: &'t str) -> Self {
        let b = text.as_bytes();
        let n = b.len();
        let mut var_end = vec![0; n];
        let mut in_var = vec![false; n];
        for v in variables(text) {
            var_end[v.range.start] = v.range.end;
            in_var[v.range.clone()].iter_mut().for_each(|x| *x = true);
        }
        let mut next_closer = [vec![NONE; n + 1], vec![NONE; n + 1], vec![NONE; n + 1]];
        let mut next_fence = vec![NONE; n + 1];
        for i in (0..n).rev() {
            next_fence[i] = if b[i..].starts_with(b"```") {
                i
            } else {
                next_fence[i + 1]
            };
            for (m, marker) in MARKERS.iter().enumerate() {
                next_closer[m][i] = if b[i] == b'\n' {
                    NONE
                } else if b[i] == *marker && !in_var[i] && closes(text, i) {
                    i
                } else {
                    next_closer[m][i + 1]
                };
            }
        }
        Parser {
            text,
            b,
            next_closer,
            next_fence,
            var_end,
        }
    }

    fn run(&self) -> Vec<Span> {
        self.parse(0, self.b.len(), [false; 3])
    }

    /// Parses `lo..hi`; `active` marks the styles already open around it.
    fn parse(&self, lo: usize, hi: usize, active: [bool; 3]) -> Vec<Span> {
        let mut out = Vec::new();
        let mut text_start = lo;
        let mut i = lo;
        while i < hi {
            let c = self.b[i];
            if self.var_end[i] > 0 {
                i = self.var_end[i];
                continue;
            }
            if c == b'`' && self.next_fence[i] == i {
                let close = self.next_fence.get(i + 3).copied().unwrap_or(NONE);
                if close != NONE && close > i + 3 && close + 3 <= hi {
                    flush(self.text, text_start, i, &mut out);
                    let inner = &self.text[i + 3..close];
                    out.push(Span::Mono(vec![Span::Text(inner.to_owned())]));
                    i = close + 3;
                    text_start = i;
                    continue;
                }
                i += 3;
                continue;
            }
            if let Some(m) = MARKERS.iter().position(|&x| x == c) {
                if !active[m] && opens(self.text, i) {
                    let close = self.next_closer[m].get(i + 2).copied().unwrap_or(NONE);
                    if close != NONE && close < hi {
                        flush(self.text, text_start, i, &mut out);
                        let mut inner_active = active;
                        inner_active[m] = true;
                        let children = self.parse(i + 1, close, inner_active);
                        out.push(match m {
                            0 => Span::Bold(children),
                            1 => Span::Italic(children),
                            _ => Span::Strike(children),
                        });
                        i = close + 1;
                        text_start = i;
                        continue;
                    }
                }
            }
            i += 1;
        }
        flush(self.text, text_start, hi, &mut out);
        out
    }
}

fn flush(text: &str, from: usize, to: usize, out: &mut Vec<Span>) {
    if from < to {
        out.push(Span::Text(text[from..to].to_owned()));
    }
}

fn opens(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i + 1..].chars().next();
    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_some_and(|c| !c.is_whitespace())
}

fn closes(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i + 1..].chars().next();
    before.is_some_and(|c| !c.is_whitespace()) && after.is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Span::*;

    fn t(s: &str) -> Span {
        Text(s.into())
    }

    #[test]
    fn parses_whatsapp_markup() {
        let cases: Vec<(&str, Vec<Span>)> = vec![
            ("", vec![]),
            ("plain", vec![t("plain")]),
            ("*bold*", vec![Bold(vec![t("bold")])]),
            ("a *b* c", vec![t("a "), Bold(vec![t("b")]), t(" c")]),
            (
                "_it_ ~st~",
                vec![Italic(vec![t("it")]), t(" "), Strike(vec![t("st")])],
            ),
            ("*_both_*", vec![Bold(vec![Italic(vec![t("both")])])]),
            ("snake_case_name", vec![t("snake_case_name")]),
            ("2*3*4", vec![t("2*3*4")]),
            ("* not bold *", vec![t("* not bold *")]),
            ("*unbalanced", vec![t("*unbalanced")]),
            ("**", vec![t("**")]),
            ("*a\nb*", vec![t("*a\nb*")]),
            (
                "*a*\n*b*",
                vec![Bold(vec![t("a")]), t("\n"), Bold(vec![t("b")])],
            ),
            ("```*x*\ny```", vec![Mono(vec![t("*x*\ny")])]),
            ("``````", vec![t("``````")]),
            ("```open", vec![t("```open")]),
            ("*bold*, ok", vec![Bold(vec![t("bold")]), t(", ok")]),
            ("(*x*)", vec![t("("), Bold(vec![t("x")]), t(")")]),
            ("*a *b* c*", vec![Bold(vec![t("a *b")]), t(" c*")]),
            ("_{{first_name}}_", vec![Italic(vec![t("{{first_name}}")])]),
            ("{{a_b}} x_", vec![t("{{a_b}} x_")]),
            ("*é*", vec![Bold(vec![t("é")])]),
            ("a*é*", vec![t("a*é*")]),
        ];
        for (input, want) in cases {
            assert_eq!(parse(input), want, "{input:?}");
        }
    }

    #[test]
    fn substitutes_samples() {
        let pos = vec!["Ana".to_string(), " ".to_string()];
        let s = Samples::Positional(&pos);
        assert_eq!(
            substitute("Oi {{1}}, {{2}} {{3}} {{x}} {{#}}", &s),
            vec![
                t("Oi "),
                Sample {
                    variable: "1".into(),
                    value: "Ana".into()
                },
                t(", "),
                Missing("{{2}}".into()),
                t(" "),
                Missing("{{3}}".into()),
                t(" "),
                Missing("{{x}}".into()),
                t(" "),
                Missing("{{#}}".into()),
            ]
        );
        let named = vec![NamedParam {
            param_name: "nome".into(),
            example: "Ana".into(),
        }];
        assert_eq!(
            preview("*{{nome}}*", &Samples::Named(&named)),
            vec![Bold(vec![Sample {
                variable: "nome".into(),
                value: "Ana".into()
            }])]
        );
        assert_eq!(
            preview("```{{1}}```", &Samples::None),
            vec![Mono(vec![Missing("{{1}}".into())])]
        );
    }
}
