//! `/api/v1/whatsapp/media`: header media uploads, typed by their first bytes, kept on disk.
//!
//! The content decides the type (`hsm_domain::media::sniff`); a file name or declared type
//! naming another type, or a header `format` that does not take the type, is refused.

use axum::body::Bytes;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use super::AppState;
use hsm_domain::media::{
    accepted_for, declared_by_mime, declared_by_name, sniff, MediaType, MAX_BYTES, MB, MEDIA_TYPES,
    SNIFF_LEN,
};
use hsm_domain::wire::problem;
use hsm_domain::HeaderFormat;

use crate::problem::Problem;
use crate::util::random_hex;

/// The largest accepted file (a document) plus room for the multipart framing.
pub const BODY_LIMIT: usize = MAX_BYTES as usize + 64 * 1024;

fn max_of(t: &MediaType) -> usize {
    t.max_bytes as usize
}

/// The largest accepted file of any type.
fn largest() -> usize {
    MAX_BYTES as usize
}

fn unsupported() -> Problem {
    Problem::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        problem::UNSUPPORTED_MEDIA_TYPE,
        "accepted: JPEG or PNG image, MP4 video, PDF document",
    )
    .field(
        "file",
        problem::UNSUPPORTED_MEDIA_TYPE,
        json!({ "accepted": MEDIA_TYPES.iter().map(|t| t.mime).collect::<Vec<_>>() }),
    )
}

/// The bytes are one accepted type, the name or declared type says another.
fn content_mismatch(found: &MediaType, declared: &str) -> Problem {
    Problem::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        problem::MEDIA_CONTENT_MISMATCH,
        format!(
            "the file is {} by its content, but is named or declared as {declared}",
            found.label
        ),
    )
    .field(
        "file",
        problem::MEDIA_CONTENT_MISMATCH,
        json!({ "found": found.label, "declared": declared, "mime_type": found.mime }),
    )
}

/// The bytes are an accepted type, but not one this header format takes.
fn format_mismatch(found: &MediaType, format: &HeaderFormat) -> Problem {
    let accepted: Vec<&str> = accepted_for(format).iter().map(|t| t.label).collect();
    Problem::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        problem::MEDIA_FORMAT_MISMATCH,
        format!(
            "a {} file cannot be the media of a {} header (accepted: {})",
            found.label,
            format.as_str(),
            accepted.join(", ")
        ),
    )
    .field(
        "file",
        problem::MEDIA_FORMAT_MISMATCH,
        json!({
            "found": found.label,
            "format": format.as_str(),
            "accepted": accepted.join(", "),
            "mime_type": found.mime,
        }),
    )
}

fn too_large(kind: Option<MediaType>) -> Problem {
    let limit = kind.as_ref().map_or(largest(), max_of);
    Problem::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        problem::FILE_TOO_LARGE,
        format!("the file exceeds {} MB", limit as u64 / MB),
    )
    .field(
        "file",
        problem::FILE_TOO_LARGE,
        json!({ "limit": limit, "mime_type": kind.map(|k| k.mime) }),
    )
}

fn multipart_error(e: axum::extract::multipart::MultipartError) -> Problem {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        too_large(None)
    } else {
        Problem::new(
            StatusCode::BAD_REQUEST,
            problem::INVALID_MULTIPART,
            e.body_text(),
        )
    }
}

/// The `file` part as read: at most the limit of its type is kept.
struct FilePart {
    data: Vec<u8>,
    size: usize,
    /// What its content is (read from the first bytes), once known.
    kind: Option<MediaType>,
    /// The content is no accepted type.
    unsupported: bool,
    over: bool,
    file_name: Option<String>,
    content_type: Option<String>,
}

async fn read_file(mut field: axum::extract::multipart::Field<'_>) -> Result<FilePart, Problem> {
    let mut part = FilePart {
        data: Vec::new(),
        size: 0,
        kind: None,
        unsupported: false,
        over: false,
        file_name: field.file_name().map(str::to_owned),
        content_type: field.content_type().map(str::to_owned),
    };
    // Keep reading past a violation so the client gets the answer rather than a reset.
    while let Some(chunk) = field.chunk().await.map_err(multipart_error)? {
        part.size += chunk.len();
        if part.over || part.unsupported {
            continue;
        }
        part.data.extend_from_slice(&chunk);
        if part.kind.is_none() && part.data.len() >= SNIFF_LEN {
            part.kind = sniff(&part.data);
            part.unsupported = part.kind.is_none();
        }
        if part.size > part.kind.as_ref().map_or(largest(), max_of) {
            part.over = true;
            part.data = Vec::new();
        }
    }
    if part.kind.is_none() && !part.unsupported && !part.over {
        part.kind = sniff(&part.data);
        part.unsupported = part.kind.is_none();
    }
    Ok(part)
}

/// Why this file may not be stored: its content is no accepted type, contradicts its name or
/// declared type, is not what the header format takes, or is too large.
fn judge(part: &FilePart, format: Option<&HeaderFormat>) -> Result<MediaType, Problem> {
    if part.unsupported {
        return Err(unsupported());
    }
    let Some(kind) = part.kind else {
        // Over the largest limit before its type was known.
        return Err(too_large(None));
    };
    let claims = [
        part.content_type.as_deref().map(declared_by_mime),
        part.file_name.as_deref().map(declared_by_name),
    ];
    if let Some(claim) = claims.iter().flatten().find(|c| c.contradicts(&kind)) {
        return Err(content_mismatch(&kind, &claim.label().unwrap_or_default()));
    }
    if let Some(format) = format {
        if !accepted_for(format).contains(&kind) {
            return Err(format_mismatch(&kind, format));
        }
    }
    if part.over || part.size > max_of(&kind) {
        return Err(too_large(Some(kind)));
    }
    Ok(kind)
}

fn parse_format(value: &str) -> Result<HeaderFormat, Problem> {
    let f = HeaderFormat::parse(value.trim());
    if accepted_for(&f).is_empty() {
        return Err(Problem::bad_param(
            "format",
            problem::INVALID_VALUE,
            "format must be IMAGE, VIDEO or DOCUMENT",
        ));
    }
    Ok(f)
}

/// `POST /media` (multipart: `file`, optionally `format` = the header's IMAGE, VIDEO or
/// DOCUMENT) → 201 `{handle, url, mime_type, size}`.
pub async fn upload(
    State(st): State<AppState>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, Problem> {
    let mut multipart = multipart.map_err(|_| {
        Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            problem::MULTIPART_REQUIRED,
            "send multipart/form-data with a `file` field",
        )
    })?;
    let mut file: Option<FilePart> = None;
    let mut format: Option<Result<HeaderFormat, Problem>> = None;
    while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
        let name = field.name().map(str::to_owned);
        match name.as_deref() {
            Some("file") if file.is_none() => file = Some(read_file(field).await?),
            Some("format") if format.is_none() => {
                let text = field.text().await.map_err(multipart_error)?;
                format = Some(parse_format(&text));
            }
            // Unknown or repeated parts are read and ignored.
            _ => {
                let mut field = field;
                while field.chunk().await.map_err(multipart_error)?.is_some() {}
            }
        }
    }
    let format = format.transpose()?;
    let Some(part) = file else {
        return Err(Problem::new(
            StatusCode::BAD_REQUEST,
            problem::FILE_REQUIRED,
            "the multipart body has no `file` field",
        )
        .field("file", problem::REQUIRED, Value::Null));
    };
    let kind = judge(&part, format.as_ref())?;
    let handle = format!("{}.{}", random_hex(), kind.ext);
    tokio::fs::create_dir_all(&st.media_dir)
        .await
        .map_err(|e| Problem::internal(e.to_string()))?;
    tokio::fs::write(st.media_dir.join(&handle), &part.data)
        .await
        .map_err(|e| Problem::internal(e.to_string()))?;
    let url = format!("/api/v1/whatsapp/media/{handle}");
    let body = json!({ "handle": handle, "url": url, "mime_type": kind.mime, "size": part.size });
    Ok((
        StatusCode::CREATED,
        [
            (header::CONTENT_TYPE, "application/json".to_owned()),
            (header::LOCATION, url),
        ],
        body.to_string(),
    )
        .into_response())
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
        .and_then(|(_, ext)| MEDIA_TYPES.iter().find(|k| k.ext == ext))
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
