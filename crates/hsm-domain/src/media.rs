//! Header media: the file types a header takes, and what a file is by its first bytes.
//!
//! Meta takes JPEG or PNG images (≤ 5 MB), MP4 video (≤ 16 MB) and PDF documents (≤ 100 MB)
//! as header media. A file is what its bytes say, not what its name or declared type says:
//! [`sniff`] reads the magic bytes, [`declared_by_name`] / [`declared_by_mime`] read the claim,
//! and a claim that names another type contradicts the content.

use crate::HeaderFormat;

/// A megabyte as the limits count it (MiB).
pub const MB: u64 = 1024 * 1024;

/// One accepted type of header file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MediaType {
    pub mime: &'static str,
    /// The extension the stored file gets.
    pub ext: &'static str,
    /// The extensions a file picker offers for it (the first is [`MediaType::ext`]).
    pub extensions: &'static [&'static str],
    /// Short name for messages: `JPEG`, `PNG`, `MP4`, `PDF`.
    pub label: &'static str,
    /// The largest accepted file, in bytes.
    pub max_bytes: u64,
}

pub const JPEG: MediaType = MediaType {
    mime: "image/jpeg",
    ext: "jpg",
    extensions: &["jpg", "jpeg"],
    label: "JPEG",
    max_bytes: 5 * MB,
};
pub const PNG: MediaType = MediaType {
    mime: "image/png",
    ext: "png",
    extensions: &["png"],
    label: "PNG",
    max_bytes: 5 * MB,
};
pub const MP4: MediaType = MediaType {
    mime: "video/mp4",
    ext: "mp4",
    extensions: &["mp4"],
    label: "MP4",
    max_bytes: 16 * MB,
};
pub const PDF: MediaType = MediaType {
    mime: "application/pdf",
    ext: "pdf",
    extensions: &["pdf"],
    label: "PDF",
    max_bytes: 100 * MB,
};

/// Every accepted type.
pub const MEDIA_TYPES: [MediaType; 4] = [JPEG, PNG, MP4, PDF];

/// The largest accepted file of any type, in bytes.
pub const MAX_BYTES: u64 = PDF.max_bytes;

/// The types a header of this format takes; empty for TEXT, LOCATION and unknown formats.
pub fn accepted_for(format: &HeaderFormat) -> &'static [MediaType] {
    match format {
        HeaderFormat::Image => &[JPEG, PNG],
        HeaderFormat::Video => &[MP4],
        HeaderFormat::Document => &[PDF],
        _ => &[],
    }
}

/// The extensions a file picker offers for a header of this format (`jpg, jpeg, png` for an
/// image); empty when it takes no file.
pub fn extensions_for(format: &HeaderFormat) -> Vec<&'static str> {
    accepted_for(format)
        .iter()
        .flat_map(|t| t.extensions.iter().copied())
        .collect()
}

/// The largest file a header of this format takes, in bytes; 0 when it takes no file.
pub fn max_bytes_for(format: &HeaderFormat) -> u64 {
    accepted_for(format)
        .iter()
        .map(|t| t.max_bytes)
        .max()
        .unwrap_or(0)
}

/// Bytes [`sniff`] looks at; fewer are enough for every type but an MP4 whose compatible
/// brands run long.
pub const SNIFF_LEN: usize = 64;

/// ISO base media (`ftyp`) brands of MP4 video.
const MP4_BRANDS: [&[u8; 4]; 14] = [
    b"isom", b"iso2", b"iso3", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"M4V ",
    b"M4VH", b"M4VP", b"dash", b"MSNV",
];

/// `ftyp` brands of files that share MP4's container but are something else: HEIF/HEIC and
/// AVIF images, QuickTime movies, MPEG-4 audio and books, 3GPP, JPEG 2000, Canon raw.
const NOT_MP4_BRANDS: [&[u8; 4]; 25] = [
    b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs", b"mif1", b"msf1",
    b"avif", b"avis", b"avio", b"qt  ", b"M4A ", b"M4B ", b"M4P ", b"3gp4", b"3gp5", b"3gp6",
    b"3g2a", b"jp2 ", b"jpx ", b"jpm ", b"crx ",
];

/// The accepted type the bytes are, or `None` (anything else, or too short to tell).
pub fn sniff(head: &[u8]) -> Option<MediaType> {
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(JPEG)
    } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(PNG)
    } else if head.starts_with(b"%PDF-") {
        Some(PDF)
    } else if is_mp4(head) {
        Some(MP4)
    } else {
        None
    }
}

fn brand(b: &[u8]) -> &[u8; 4] {
    b.try_into().expect("four bytes")
}

/// An `ftyp` box first, whose major brand is an MP4 one; or whose major brand is unknown and
/// whose compatible brands name MP4 and nothing that is not.
fn is_mp4(head: &[u8]) -> bool {
    if head.len() < 12 || &head[4..8] != b"ftyp" {
        return false;
    }
    let size = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
    if size < 16 && size != 0 {
        // Not even room for the major and minor brand: not an `ftyp` box.
        return false;
    }
    let major = brand(&head[8..12]);
    if MP4_BRANDS.contains(&major) {
        return true;
    }
    if NOT_MP4_BRANDS.contains(&major) {
        return false;
    }
    let end = if size == 0 {
        head.len()
    } else {
        size.min(head.len())
    };
    let compatible: Vec<&[u8; 4]> = head
        .get(16..end)
        .unwrap_or(&[])
        .chunks_exact(4)
        .map(brand)
        .collect();
    compatible.iter().any(|b| MP4_BRANDS.contains(b))
        && !compatible.iter().any(|b| NOT_MP4_BRANDS.contains(b))
}

/// What a file name or a declared MIME type says the file is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Declared {
    /// Nothing usable: no extension, an unknown one, `application/octet-stream`, no type.
    Nothing,
    /// One of the accepted types.
    Accepted(MediaType),
    /// A known type that is none of them (`GIF`, `HEIC`, `image/webp`, …), by its short name.
    Other(String),
}

impl Declared {
    /// Whether the claim names a type and the content is another one.
    pub fn contradicts(&self, content: &MediaType) -> bool {
        match self {
            Declared::Nothing => false,
            Declared::Accepted(t) => t != content,
            Declared::Other(_) => true,
        }
    }

    /// The short name of the claimed type, if any.
    pub fn label(&self) -> Option<String> {
        match self {
            Declared::Nothing => None,
            Declared::Accepted(t) => Some(t.label.to_owned()),
            Declared::Other(l) => Some(l.clone()),
        }
    }
}

/// Extensions of well-known files that are no accepted type, with their short name.
const OTHER_EXTENSIONS: [(&str, &str); 17] = [
    ("gif", "GIF"),
    ("webp", "WEBP"),
    ("heic", "HEIC"),
    ("heif", "HEIF"),
    ("avif", "AVIF"),
    ("bmp", "BMP"),
    ("tif", "TIFF"),
    ("tiff", "TIFF"),
    ("svg", "SVG"),
    ("mov", "MOV"),
    ("qt", "MOV"),
    ("webm", "WEBM"),
    ("mkv", "MKV"),
    ("avi", "AVI"),
    ("3gp", "3GP"),
    ("doc", "DOC"),
    ("docx", "DOCX"),
];

/// What the file name's extension claims (case-insensitive).
pub fn declared_by_name(name: &str) -> Declared {
    let Some((_, ext)) = name.rsplit_once('.') else {
        return Declared::Nothing;
    };
    let ext = ext.to_ascii_lowercase();
    // Besides the picker's extensions, the rarer names of the same types.
    let accepted = MEDIA_TYPES
        .into_iter()
        .find(|t| t.extensions.contains(&ext.as_str()))
        .or(match ext.as_str() {
            "jpe" | "jfif" => Some(JPEG),
            "m4v" => Some(MP4),
            _ => None,
        });
    if let Some(t) = accepted {
        return Declared::Accepted(t);
    }
    OTHER_EXTENSIONS
        .iter()
        .find(|(e, _)| *e == ext)
        .map_or(Declared::Nothing, |(_, label)| {
            Declared::Other((*label).to_owned())
        })
}

/// What a declared MIME type (`Content-Type` of the upload, parameters allowed) claims.
/// Generic types (`application/octet-stream`, `binary/octet-stream`) claim nothing.
pub fn declared_by_mime(mime: &str) -> Declared {
    let essence = mime
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let Some((kind, sub)) = essence.split_once('/') else {
        return Declared::Nothing;
    };
    if sub.is_empty()
        || sub == "octet-stream"
        || !matches!(kind, "image" | "video" | "application" | "audio" | "text")
    {
        return Declared::Nothing;
    }
    let accepted = match essence.as_str() {
        "image/jpeg" | "image/jpg" | "image/pjpeg" => Some(JPEG),
        "image/png" | "image/x-png" => Some(PNG),
        "video/mp4" | "video/x-m4v" => Some(MP4),
        "application/pdf" | "application/x-pdf" => Some(PDF),
        _ => None,
    };
    match accepted {
        Some(t) => Declared::Accepted(t),
        None => Declared::Other(essence),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ftyp(major: &[u8; 4], compatible: &[&[u8; 4]]) -> Vec<u8> {
        let size = 16 + 4 * compatible.len();
        let mut v = (size as u32).to_be_bytes().to_vec();
        v.extend_from_slice(b"ftyp");
        v.extend_from_slice(major);
        v.extend_from_slice(&[0, 0, 2, 0]);
        for b in compatible {
            v.extend_from_slice(*b);
        }
        v.extend_from_slice(b"\0\0\0\x08free");
        v
    }

    #[test]
    fn magic_bytes() {
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01"), Some(JPEG));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR"), Some(PNG));
        assert_eq!(sniff(b"%PDF-1.7\n%\xE2\xE3"), Some(PDF));
        assert_eq!(sniff(b"GIF89a......"), None);
        assert_eq!(
            sniff(b"\x89PNG\r\n"),
            None,
            "a cut-off signature is nothing"
        );
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn mp4_is_told_by_its_brand() {
        for major in [
            b"isom", b"iso2", b"mp41", b"mp42", b"avc1", b"M4V ", b"dash",
        ] {
            assert_eq!(sniff(&ftyp(major, &[b"isom"])), Some(MP4), "{major:?}");
        }
        // HEIC, AVIF, QuickTime, audio: the same box, not MP4 video.
        for major in [
            b"heic", b"heix", b"mif1", b"avif", b"qt  ", b"M4A ", b"3gp5",
        ] {
            assert_eq!(sniff(&ftyp(major, &[b"mif1", b"iso8"])), None, "{major:?}");
            assert_eq!(sniff(&ftyp(major, &[b"isom", b"mp42"])), None, "{major:?}");
        }
        // An unknown major brand counts by its compatible brands.
        assert_eq!(sniff(&ftyp(b"xyz1", &[b"isom", b"avc1"])), Some(MP4));
        assert_eq!(sniff(&ftyp(b"xyz1", &[b"isom", b"heic"])), None);
        assert_eq!(sniff(&ftyp(b"xyz1", &[b"abcd"])), None);
        // Brands past the box's own size do not count.
        let mut v = ftyp(b"xyz1", &[]);
        v.truncate(16);
        v.extend_from_slice(b"isom");
        assert_eq!(sniff(&v), None);
        // Not an ftyp box at all, or one too small to hold its brands.
        assert_eq!(sniff(b"\0\0\0\x20moovisom"), None);
        assert_eq!(sniff(b"\0\0\0\x08ftypisom"), None);
    }

    #[test]
    fn claims_by_name_and_type() {
        assert_eq!(declared_by_name("foto.PNG"), Declared::Accepted(PNG));
        assert_eq!(declared_by_name("a.b.jpeg"), Declared::Accepted(JPEG));
        assert_eq!(declared_by_name("clip.mov"), Declared::Other("MOV".into()));
        assert_eq!(declared_by_name("file.bin"), Declared::Nothing);
        assert_eq!(declared_by_name("README"), Declared::Nothing);
        assert_eq!(declared_by_name("İ.PDF"), Declared::Accepted(PDF));
        assert_eq!(declared_by_mime("image/png"), Declared::Accepted(PNG));
        assert_eq!(
            declared_by_mime("Application/PDF; name=x"),
            Declared::Accepted(PDF)
        );
        assert_eq!(
            declared_by_mime("image/heic"),
            Declared::Other("image/heic".into())
        );
        assert_eq!(
            declared_by_mime("application/octet-stream"),
            Declared::Nothing
        );
        assert_eq!(declared_by_mime(""), Declared::Nothing);
        assert_eq!(declared_by_mime("multipart/mixed"), Declared::Nothing);
        assert!(declared_by_name("x.png").contradicts(&PDF));
        assert!(!declared_by_name("x.png").contradicts(&PNG));
        assert!(!declared_by_name("x").contradicts(&PDF));
        assert!(declared_by_name("x.gif").contradicts(&PNG));
    }

    #[test]
    fn header_formats_take_their_types() {
        assert_eq!(accepted_for(&HeaderFormat::Image), &[JPEG, PNG]);
        assert_eq!(accepted_for(&HeaderFormat::Video), &[MP4]);
        assert_eq!(accepted_for(&HeaderFormat::Document), &[PDF]);
        assert!(accepted_for(&HeaderFormat::Text).is_empty());
        assert!(accepted_for(&HeaderFormat::Location).is_empty());
        assert_eq!(extensions_for(&HeaderFormat::Image), ["jpg", "jpeg", "png"]);
        assert_eq!(extensions_for(&HeaderFormat::Document), ["pdf"]);
        assert!(extensions_for(&HeaderFormat::Text).is_empty());
        assert_eq!(max_bytes_for(&HeaderFormat::Image), 5 * MB);
        assert_eq!(max_bytes_for(&HeaderFormat::Video), 16 * MB);
        assert_eq!(max_bytes_for(&HeaderFormat::Text), 0);
        assert_eq!(
            Some(MAX_BYTES),
            MEDIA_TYPES.iter().map(|t| t.max_bytes).max()
        );
        for t in MEDIA_TYPES {
            assert_eq!(t.extensions[0], t.ext, "{}", t.label);
        }
    }
}
