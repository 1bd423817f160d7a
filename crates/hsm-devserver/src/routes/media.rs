//! `/api/v1/whatsapp/media`: header media uploads, typed by their first bytes, kept on disk.

use axum::body::Bytes;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use super::AppState;
use crate::problem::Problem;
use crate::util::random_hex;

const MB: usize = 1024 * 1024;
/// The largest accepted file (a document) plus room for the multipart framing.
pub const BODY_LIMIT: usize = 100 * MB + 64 * 1024;

/// An accepted kind of media.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind {
    pub mime: &'static str,
    pub ext: &'static str,
    pub max: usize,
}

const JPEG: Kind = Kind {
    mime: "image/jpeg",
    ext: "jpg",
    max: 5 * MB,
};
const PNG: Kind = Kind {
    mime: "image/png",
    ext: "png",
    max: 5 * MB,
};
const MP4: Kind = Kind {
    mime: "video/mp4",
    ext: "mp4",
    max: 16 * MB,
};
const PDF: Kind = Kind {
    mime: "application/pdf",
    ext: "pdf",
    max: 100 * MB,
};
const KINDS: [Kind; 4] = [JPEG, PNG, MP4, PDF];

/// Bytes needed to tell the kind.
const SNIFF: usize = 12;

/// The kind of a file from its first bytes, whatever its name or declared type says.
pub fn sniff(head: &[u8]) -> Option<Kind> {
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(JPEG)
    } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(PNG)
    } else if head.len() >= 8 && &head[4..8] == b"ftyp" {
        Some(MP4)
    } else if head.starts_with(b"%PDF-") {
        Some(PDF)
    } else {
        None
    }
}

fn unsupported() -> Problem {
    Problem::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
        "accepted: JPEG or PNG image, MP4 video, PDF document",
    )
    .field(
        "file",
        "unsupported_media_type",
        json!({ "accepted": ["image/jpeg", "image/png", "video/mp4", "application/pdf"] }),
    )
}

fn too_large(kind: Option<Kind>) -> Problem {
    let limit = kind.map_or(PDF.max, |k| k.max);
    Problem::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "file_too_large",
        format!("the file exceeds {} MB", limit / MB),
    )
    .field(
        "file",
        "file_too_large",
        json!({ "limit": limit, "mime_type": kind.map(|k| k.mime) }),
    )
}

fn multipart_error(e: axum::extract::multipart::MultipartError) -> Problem {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        too_large(None)
    } else {
        Problem::new(StatusCode::BAD_REQUEST, "invalid_multipart", e.body_text())
    }
}

/// `POST /media` (multipart, field `file`) → 201 `{handle, url, mime_type, size}`.
pub async fn upload(
    State(st): State<AppState>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, Problem> {
    let mut multipart = multipart.map_err(|_| {
        Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "multipart_required",
            "send multipart/form-data with a `file` field",
        )
    })?;
    while let Some(mut field) = multipart.next_field().await.map_err(multipart_error)? {
        if field.name() != Some("file") {
            continue;
        }
        let mut data: Vec<u8> = Vec::new();
        let mut kind = None;
        let mut size = 0usize;
        let mut over = false;
        // Keep reading past a violation so the client gets the answer rather than a reset.
        while let Some(chunk) = field.chunk().await.map_err(multipart_error)? {
            size += chunk.len();
            if over {
                continue;
            }
            data.extend_from_slice(&chunk);
            if kind.is_none() && data.len() >= SNIFF {
                kind = Some(sniff(&data).ok_or_else(unsupported)?);
            }
            if size > kind.map_or(PDF.max, |k| k.max) {
                over = true;
                data = Vec::new();
            }
        }
        let kind = match kind {
            Some(k) => k,
            None => sniff(&data).ok_or_else(unsupported)?,
        };
        if over || size > kind.max {
            return Err(too_large(Some(kind)));
        }
        let handle = format!("{}.{}", random_hex(), kind.ext);
        tokio::fs::create_dir_all(&st.media_dir)
            .await
            .map_err(|e| Problem::internal(e.to_string()))?;
        tokio::fs::write(st.media_dir.join(&handle), &data)
            .await
            .map_err(|e| Problem::internal(e.to_string()))?;
        let url = format!("/api/v1/whatsapp/media/{handle}");
        let body = json!({ "handle": handle, "url": url, "mime_type": kind.mime, "size": size });
        return Ok((
            StatusCode::CREATED,
            [
                (header::CONTENT_TYPE, "application/json".to_owned()),
                (header::LOCATION, url),
            ],
            body.to_string(),
        )
            .into_response());
    }
    Err(Problem::new(
        StatusCode::BAD_REQUEST,
        "file_required",
        "the multipart body has no `file` field",
    )
    .field("file", "required", Value::Null))
}

/// `GET /media/{handle}`: the stored bytes with their type.
pub async fn download(
    State(st): State<AppState>,
    Path(handle): Path<String>,
) -> Result<Response, Problem> {
    let kind = handle
        .split_once('.')
        .filter(|(hex, _)| {
            hex.len() == 32
                && hex
                    .bytes()
                    .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        })
        .and_then(|(_, ext)| KINDS.iter().find(|k| k.ext == ext))
        .ok_or_else(|| Problem::not_found("media"))?;
    let bytes = tokio::fs::read(st.media_dir.join(&handle))
        .await
        .map_err(|_| Problem::not_found("media"))?;
    Ok((
        [
            (header::CONTENT_TYPE, kind.mime),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        Bytes::from(bytes),
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_magic_bytes() {
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01"), Some(JPEG));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\x0d"), Some(PNG));
        assert_eq!(sniff(b"\0\0\0\x20ftypisom"), Some(MP4));
        assert_eq!(sniff(b"%PDF-1.7\n%\xE2\xE3"), Some(PDF));
        assert_eq!(sniff(b"GIF89a......"), None);
    }
}
