//! What a "character" is, and turning a title into a valid template name.
//!
//! # Characters
//!
//! Every length limit (body 1024, header 60, button text 25, …) counts *user-perceived
//! characters*, approximated without the Unicode tables (the crate ships to wasm, and the
//! full grapheme and normalisation tables would cost more than the rest of the crate):
//!
//! - each Unicode scalar value (`char`) starts a new character, except that
//! - combining marks (U+0300–036F, U+1AB0–1AFF, U+1DC0–1DFF, U+20D0–20FF, U+FE20–FE2F and
//!   the common Hebrew, Arabic, Devanagari and Thai marks), variation selectors, emoji skin-tone
//!   modifiers, emoji tag characters and ZWJ / ZWNJ join the character before them, so `é`
//!   written decomposed (`e` + U+0301), `👍🏽` and the keycap `1️⃣` count as one;
//! - a pictograph after a ZWJ joins it too, so a ZWJ family `👨‍👩‍👧` counts as one;
//! - regional indicators pair up, so a flag `🇧🇷` counts as one;
//! - CR LF counts as one.
//!
//! Meta does not document how it counts; this definition never counts *more* than a human
//! would, and UI counters use the same function ([`char_count`]) so they always agree with
//! the validation.

use crate::limits::NAME_MAX;

const ZWJ: char = '\u{200D}';

/// Counts user-perceived characters, approximated without the Unicode tables: combining marks,
/// variation selectors, skin tones and ZWJ-joined parts count with the character before them.
pub fn char_count(s: &str) -> usize {
    let mut count = 0;
    let mut prev: Option<char> = None;
    // Regional indicators seen in a row; an odd count means the next one closes a flag.
    let mut ri_run = 0usize;
    for c in s.chars() {
        let joins = match prev {
            None => false,
            Some('\r') => c == '\n',
            Some('\n') => false,
            Some(_) if c == '\r' || c == '\n' => false,
            Some(p) => {
                is_extend(c)
                    || c == ZWJ
                    || (p == ZWJ && is_pictographic(c))
                    || (is_regional_indicator(c) && ri_run % 2 == 1)
            }
        };
        ri_run = if is_regional_indicator(c) {
            ri_run + 1
        } else {
            0
        };
        if !joins {
            count += 1;
        }
        prev = Some(c);
    }
    count
}

/// Marks that never stand alone: they belong to the character before them.
pub(crate) fn is_extend(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F
        | 0x0483..=0x0489
        | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2 | 0x05C4..=0x05C5 | 0x05C7
        | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8 | 0x06EA..=0x06ED
        | 0x0900..=0x0903 | 0x093A..=0x093C | 0x093E..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963
        | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x200C
        | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F
        | 0x1F3FB..=0x1F3FF
        | 0xE0020..=0xE007F
        | 0xE0100..=0xE01EF)
}

fn is_pictographic(c: char) -> bool {
    matches!(c as u32, 0x2190..=0x2BFF | 0x1F000..=0x1FAFF)
}

fn is_regional_indicator(c: char) -> bool {
    matches!(c as u32, 0x1F1E6..=0x1F1FF)
}

/// Turns a human title into a valid template name: `"Promoção de Natal"` → `"promocao_de_natal"`.
///
/// Latin letters lose their accents (by a table, plus dropping combining marks), everything is
/// lowercased, any run of other characters becomes one `_`, leading and trailing `_` go, and
/// the result is cut at [`NAME_MAX`]. May return an empty string (e.g. for `"!!!"` or CJK text).
pub fn suggest_name(title: &str) -> String {
    let mut out = String::new();
    let mut pending_sep = false;
    'outer: for c in title.chars() {
        for lc in c.to_lowercase() {
            let folded: Option<&str> = if lc.is_ascii_alphanumeric() {
                None
            } else if let Some(f) = fold_latin(lc) {
                Some(f)
            } else if is_extend(lc) {
                continue;
            } else {
                pending_sep = true;
                continue;
            };
            if pending_sep && !out.is_empty() {
                out.push('_');
            }
            pending_sep = false;
            match folded {
                Some(f) => out.push_str(f),
                None => out.push(lc),
            }
            if out.len() > NAME_MAX {
                break 'outer;
            }
        }
    }
    out.truncate(NAME_MAX);
    while out.ends_with('_') {
        out.pop();
    }
    out
}

/// Plain ASCII spelling of an accented lowercase Latin letter.
pub(crate) fn fold_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'ª' => "a",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' | 'º' => "o",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_clusters() {
        let cases: &[(&str, usize)] = &[
            ("", 0),
            ("abc", 3),
            ("e\u{301}", 1),
            ("é", 1),
            ("👍", 1),
            ("👍🏽", 1),
            ("🇧🇷", 1),
            ("🇧🇷🇵🇹", 2),
            ("🇧🇷🇵", 2),
            ("👨\u{200D}👩\u{200D}👧", 1),
            ("1\u{FE0F}\u{20E3}", 1),
            ("❤️", 1),
            ("a\r\nb", 3),
            ("a\n\nb", 4),
            ("\u{301}", 1),
            (
                "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}",
                1,
            ),
        ];
        for (s, n) in cases {
            assert_eq!(char_count(s), *n, "{s:?}");
        }
    }

    #[test]
    fn suggests_names() {
        let cases: &[(&str, &str)] = &[
            ("Promoção de Natal", "promocao_de_natal"),
            ("  Olá, Mundo!! ", "ola_mundo"),
            ("Straße & Œuvre", "strasse_oeuvre"),
            ("e\u{301}te", "ete"),
            ("pedido__2024--novo", "pedido_2024_novo"),
            ("!!!", ""),
            ("ÉSTE AÑO", "este_ano"),
            ("日本 order", "order"),
        ];
        for (s, n) in cases {
            assert_eq!(suggest_name(s), *n, "{s:?}");
        }
        let long = "a".repeat(600);
        assert_eq!(suggest_name(&long).len(), NAME_MAX);
        let long = format!("{} b", "a".repeat(511));
        assert_eq!(suggest_name(&long), "a".repeat(511));
    }
}
