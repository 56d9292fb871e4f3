//! `AppError`: the one error type of the HTTP layer. A client's mistake becomes a 4xx JSON body
//! with a stable code, a Persian message and an English one (and the field to fix, when there is
//! one); anything else is logged and becomes a bare 500.
//!
//! ```json
//! {"error": {"code": "missing_field", "message": "…", "message_en": "…", "field": "text"}}
//! ```

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::store::StoreError;

#[derive(Debug)]
pub enum AppError {
    /// The client can fix this.
    Client(Box<ClientError>),
    /// The server's fault; the detail goes to the log only.
    Internal(String),
}

/// A 4xx answer.
#[derive(Debug)]
pub struct ClientError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub message_en: String,
    pub field: Option<String>,
    /// Extra top-level members of the body (e.g. `"report"` for `rule_blocked`).
    pub extra: Option<(&'static str, Value)>,
    /// Seconds, for 429.
    pub retry_after: Option<u64>,
}

impl AppError {
    pub fn client(
        status: StatusCode,
        code: &'static str,
        message: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Self {
        AppError::Client(Box::new(ClientError {
            status,
            code,
            message: message.into(),
            message_en: message_en.into(),
            field: None,
            extra: None,
            retry_after: None,
        }))
    }

    /// Names the request field the error is about.
    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        if let AppError::Client(c) = &mut self {
            c.field = Some(field.into());
        }
        self
    }

    pub fn with_extra(mut self, key: &'static str, value: Value) -> Self {
        if let AppError::Client(c) = &mut self {
            c.extra = Some((key, value));
        }
        self
    }

    pub fn with_retry_after(mut self, seconds: u64) -> Self {
        if let AppError::Client(c) = &mut self {
            c.retry_after = Some(seconds);
        }
        self
    }

    /// The stable code of a client error (`None` for internal errors).
    pub fn code(&self) -> Option<&'static str> {
        match self {
            AppError::Client(c) => Some(c.code),
            AppError::Internal(_) => None,
        }
    }

    pub fn missing_field(field: &str) -> Self {
        AppError::client(
            StatusCode::UNPROCESSABLE_ENTITY,
            "missing_field",
            format!("فیلد «{field}» لازم است."),
            format!("The field `{field}` is required."),
        )
        .with_field(field)
    }

    pub fn invalid_field(field: &str, fa: impl Into<String>, en: impl Into<String>) -> Self {
        AppError::client(StatusCode::UNPROCESSABLE_ENTITY, "invalid_field", fa, en)
            .with_field(field)
    }

    pub fn not_found(code: &'static str, fa: impl Into<String>, en: impl Into<String>) -> Self {
        AppError::client(StatusCode::NOT_FOUND, code, fa, en)
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        AppError::Internal(e.to_string())
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match self {
            AppError::Internal(detail) => {
                tracing::error!(%detail, "internal error");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
            AppError::Client(c) => {
                let mut error = json!({
                    "code": c.code,
                    "message": c.message,
                    "message_en": c.message_en,
                });
                if let Some(field) = c.field {
                    error["field"] = Value::String(field);
                }
                let mut body = json!({ "error": error });
                if let Some((key, value)) = c.extra {
                    body[key] = value;
                }
                let mut response = (c.status, axum::Json(body)).into_response();
                if let Some(seconds) = c.retry_after {
                    response
                        .headers_mut()
                        .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
                }
                response
            }
        }
    }
}
