//! Request extractors that turn every way a client can get a request wrong into an [`AppError`]
//! naming what to fix: [`StrictJson`] (content type, body size, syntax, missing/unknown/mistyped
//! fields) and [`ClientIp`].

use std::net::{IpAddr, SocketAddr};

use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use axum::http::{StatusCode, header, request::Parts};
use serde::de::DeserializeOwned;

use crate::error::AppError;

/// Like `axum::Json`, but its errors are the contract's: `invalid_json` (syntax, with line and
/// column), `missing_field` / `invalid_field` (with the field's path), `too_large` (413),
/// `unsupported_media_type` (415). Unknown fields are refused when the target type says
/// `deny_unknown_fields`.
#[derive(Debug, Clone, Copy, Default)]
pub struct StrictJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for StrictJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        let json_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|v| {
                let v = v.trim();
                v.eq_ignore_ascii_case("application/json")
                    || (v.starts_with("application/") && v.ends_with("+json"))
            });
        if !json_type {
            return Err(AppError::client(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "بدنه درخواست باید JSON باشد (Content-Type: application/json).",
                "The request body must be JSON (Content-Type: application/json).",
            ));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                too_large()
            } else {
                AppError::client(
                    StatusCode::BAD_REQUEST,
                    "invalid_json",
                    "بدنه درخواست خوانده نشد.",
                    format!("The request body could not be read: {e}"),
                )
            }
        })?;
        // serde accepts an array for a struct (fields by position); a request body is an object.
        match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => parse_json(&bytes).map(StrictJson),
            None => Err(AppError::client(
                StatusCode::BAD_REQUEST,
                "invalid_json",
                "بدنه درخواست خالی است.",
                "The request body is empty; send a JSON object.",
            )),
            Some(_) => Err(AppError::client(
                StatusCode::BAD_REQUEST,
                "invalid_json",
                "بدنه درخواست باید یک شیء JSON باشد.",
                "The body must be a JSON object ({…}).",
            )),
        }
    }
}

/// 413 with the contract's code.
pub fn too_large() -> AppError {
    AppError::client(
        StatusCode::PAYLOAD_TOO_LARGE,
        "too_large",
        "درخواست بیش از حد بزرگ است؛ متن را کوتاه‌تر کنید.",
        "The request is too large; shorten the text.",
    )
}

/// Parses `bytes` as a `T`, mapping serde's errors to the contract's codes.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        classify(&path, &inner)
    })?;
    de.end().map_err(|e| classify(".", &e))?;
    Ok(value)
}

fn classify(path: &str, e: &serde_json::Error) -> AppError {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => AppError::client(
            StatusCode::BAD_REQUEST,
            "invalid_json",
            format!(
                "بدنه درخواست JSON درستی نیست (سطر {}، ستون {}).",
                e.line(),
                e.column()
            ),
            format!("The body is not valid JSON: {e}"),
        ),
        Category::Data => {
            let msg = e.to_string();
            // serde's messages are stable: "missing field `x`", "unknown field `x`, expected …".
            if let Some(field) = between(&msg, "missing field `", "`") {
                let full = join_path(path, field);
                return AppError::missing_field(&full);
            }
            if let Some(field) = between(&msg, "unknown field `", "`") {
                // The path already ends at the unknown member.
                let full = if path == field || path.ends_with(&format!(".{field}")) {
                    path.to_owned()
                } else {
                    join_path(path, field)
                };
                return AppError::invalid_field(
                    &full,
                    format!("فیلد «{full}» شناخته نیست؛ آن را حذف کنید."),
                    format!("Unknown field `{full}`; remove it."),
                );
            }
            if path == "." {
                return AppError::client(
                    StatusCode::BAD_REQUEST,
                    "invalid_json",
                    "بدنه درخواست باید یک شیء JSON باشد.",
                    format!("The body must be a JSON object: {e}"),
                );
            }
            let field = path;
            let detail = msg.split(" at line ").next().unwrap_or(&msg);
            AppError::invalid_field(
                field,
                format!("مقدار فیلد «{field}» نوع درستی ندارد."),
                format!("Field `{field}` has the wrong type: {detail}."),
            )
        }
    }
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = s.find(open)? + open.len();
    let len = s[start..].find(close)?;
    Some(&s[start..start + len])
}

fn join_path(path: &str, field: &str) -> String {
    if path == "." || path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}

/// The client's address: the TCP peer, or with `trust_proxy` the first `X-Forwarded-For` entry.
/// Only ever stored as a salted hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub Option<IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let trust_proxy = parts.extensions.get::<TrustProxy>().is_some_and(|t| t.0);
        if trust_proxy {
            let forwarded = parts
                .headers
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split(',').next())
                .and_then(|v| v.trim().parse().ok());
            if forwarded.is_some() {
                return Ok(ClientIp(forwarded));
            }
        }
        Ok(ClientIp(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip()),
        ))
    }
}

/// Request extension set by the router when `X-Forwarded-For` is to be believed.
#[derive(Debug, Clone, Copy)]
pub struct TrustProxy(pub bool);

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)] // fields exist to be deserialised
    struct Body {
        name: String,
        count: u32,
    }

    fn code_and_field(json: &str) -> (Option<&'static str>, Option<String>) {
        match parse_json::<Body>(json.as_bytes()) {
            Ok(_) => (None, None),
            Err(AppError::Client(c)) => (Some(c.code), c.field),
            Err(AppError::Internal(_)) => panic!("internal error for client input"),
        }
    }

    #[test]
    fn names_the_field_to_fix() {
        assert_eq!(
            code_and_field(r#"{"name": "x"}"#),
            (Some("missing_field"), Some("count".into()))
        );
        assert_eq!(
            code_and_field(r#"{"name": 3, "count": 1}"#),
            (Some("invalid_field"), Some("name".into()))
        );
        assert_eq!(
            code_and_field(r#"{"name": "x", "count": 1, "extra": true}"#),
            (Some("invalid_field"), Some("extra".into()))
        );
        assert_eq!(
            code_and_field(r#"{"name": "x", "count": 1"#).0,
            Some("invalid_json")
        );
        assert_eq!(
            code_and_field(r#"{"name": "x", "count": 1} trailing"#).0,
            Some("invalid_json")
        );
        assert_eq!(code_and_field(r#"{"name": "x", "count": 1}"#).0, None);
    }
}
