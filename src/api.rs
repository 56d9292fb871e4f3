//! The widget's side of the HTTP contract (`notes/contract.md`): site config, approved comments,
//! sending a comment. Uses the browser's `fetch` directly to keep the download small.
//!
//! Every failure becomes a [`ApiError`] whose [`ApiError::message`] is a calm Persian sentence
//! the reader can act on; nothing here panics on a bad or missing answer.

use didgah_rules::{Policy, Report};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Request, RequestInit, Response};

/// Length limits for the form's fields, in characters (the server enforces the same ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct Limits {
    pub name: usize,
    pub title: usize,
    pub text: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            name: 60,
            title: 120,
            text: 3000,
        }
    }
}

/// `GET /api/sites/{site}/config`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SiteConfig {
    pub policy: Policy,
    #[serde(default)]
    pub login_url: Option<String>,
    #[serde(default)]
    pub limits: Limits,
}

/// One approved comment as the public API shows it (no email, no IP).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PublicComment {
    pub id: i64,
    pub name: String,
    #[serde(default)]
    pub title: String,
    pub text: String,
    pub created_at: String,
}

/// `GET /api/articles/{id}/comments`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct CommentsPage {
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub comments: Vec<PublicComment>,
}

/// The body of `POST /api/comments`.
#[derive(Debug, Serialize)]
pub struct NewComment<'a> {
    pub site_id: &'a str,
    pub article_id: &'a str,
    pub name: &'a str,
    pub email: &'a str,
    pub title: &'a str,
    pub text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_report: Option<&'a Report>,
    /// The honeypot: whatever a bot typed into the hidden field, sent as is.
    pub website: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_token: Option<&'a str>,
}

/// `201` answer to a new comment.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Created {
    pub id: i64,
    /// `pending` or `flagged`.
    pub status: String,
}

#[derive(Debug, Deserialize)]
struct ErrorBody {
    error: ErrorDetail,
    #[serde(default)]
    report: Option<Report>,
}

#[derive(Debug, Deserialize)]
struct ErrorDetail {
    code: String,
    #[serde(default)]
    message: String,
    #[serde(default)]
    field: Option<String>,
}

/// Why a request did not succeed.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// No answer at all: offline, server down, blocked by the network or by CORS.
    Network,
    /// 429: too many comments in a short time.
    RateLimited { retry_after_secs: Option<u64> },
    /// 422 `rule_blocked`: the server's own check refused the comment.
    Blocked(Report),
    /// Another 4xx, with the server's Persian explanation.
    Rejected {
        code: String,
        message: String,
        field: Option<String>,
    },
    /// 5xx or an answer that does not follow the contract.
    Server(u16),
}

impl ApiError {
    /// What the reader is told.
    pub fn message(&self) -> String {
        match self {
            ApiError::Network => "ارتباط با سرور دیدگاه‌ها برقرار نشد. اتصال اینترنت خود را بررسی کنید و دوباره تلاش کنید؛ متن شما محفوظ است.".into(),
            ApiError::RateLimited { retry_after_secs: Some(s) } => format!(
                "در مدت کوتاهی دیدگاه‌های زیادی فرستاده شده است. لطفاً {} ثانیه دیگر دوباره تلاش کنید؛ متن شما محفوظ است.",
                crate::fa::num(s)
            ),
            ApiError::RateLimited { retry_after_secs: None } => "در مدت کوتاهی دیدگاه‌های زیادی فرستاده شده است. لطفاً کمی بعد دوباره تلاش کنید؛ متن شما محفوظ است.".into(),
            ApiError::Blocked(_) => "دیدگاه شما با قوانین سایت سازگار نیست و فرستاده نشد. موارد مشخص‌شده را اصلاح کنید و دوباره بفرستید.".into(),
            ApiError::Rejected { message, .. } if !message.trim().is_empty() => {
                format!("دیدگاه فرستاده نشد: {message}")
            }
            ApiError::Rejected { .. } => "دیدگاه فرستاده نشد. لطفاً فرم را بررسی کنید و دوباره تلاش کنید.".into(),
            ApiError::Server(_) => "سرور دیدگاه‌ها اکنون پاسخ نمی‌دهد. لطفاً چند دقیقه بعد دوباره تلاش کنید؛ متن شما محفوظ است.".into(),
        }
    }

    /// Whether sending the same text again can succeed without the reader changing anything.
    pub fn retryable(&self) -> bool {
        matches!(
            self,
            ApiError::Network | ApiError::RateLimited { .. } | ApiError::Server(_)
        )
    }
}

/// Where the API lives and what this widget shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// Origin of the didgah server, without a trailing slash.
    pub server: String,
    pub site: String,
    pub article: String,
}

impl Endpoint {
    pub async fn config(&self) -> Result<SiteConfig, ApiError> {
        let url = format!("{}/api/sites/{}/config", self.server, encode(&self.site));
        get_json(&url).await
    }

    pub async fn comments(&self, page: u32, per_page: u32) -> Result<CommentsPage, ApiError> {
        let url = format!(
            "{}/api/articles/{}/comments?site={}&page={page}&per_page={per_page}",
            self.server,
            encode(&self.article),
            encode(&self.site)
        );
        get_json(&url).await
    }

    pub async fn send(&self, comment: &NewComment<'_>) -> Result<Created, ApiError> {
        let body = serde_json::to_string(comment).map_err(|_| ApiError::Server(0))?;
        let url = format!("{}/api/comments", self.server);
        let answer = request("POST", &url, Some(&body)).await?;
        parse(answer)
    }
}

fn encode(part: &str) -> String {
    String::from(js_sys::encode_uri_component(part))
}

struct Answer {
    status: u16,
    retry_after: Option<u64>,
    body: String,
}

async fn get_json<T: serde::de::DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    parse(request("GET", url, None).await?)
}

fn parse<T: serde::de::DeserializeOwned>(answer: Answer) -> Result<T, ApiError> {
    if (200..300).contains(&answer.status) {
        return serde_json::from_str(&answer.body).map_err(|_| ApiError::Server(answer.status));
    }
    if answer.status == 429 {
        return Err(ApiError::RateLimited {
            retry_after_secs: answer.retry_after,
        });
    }
    if !(400..500).contains(&answer.status) {
        return Err(ApiError::Server(answer.status));
    }
    match serde_json::from_str::<ErrorBody>(&answer.body) {
        Ok(ErrorBody {
            error,
            report: Some(report),
        }) if error.code == "rule_blocked" => Err(ApiError::Blocked(report)),
        Ok(ErrorBody { error, .. }) => Err(ApiError::Rejected {
            code: error.code,
            message: error.message,
            field: error.field,
        }),
        Err(_) => Err(ApiError::Rejected {
            code: String::new(),
            message: String::new(),
            field: None,
        }),
    }
}

async fn request(method: &str, url: &str, body: Option<&str>) -> Result<Answer, ApiError> {
    let window = web_sys::window().ok_or(ApiError::Network)?;
    let init = RequestInit::new();
    init.set_method(method);
    if let Some(body) = body {
        init.set_body(&JsValue::from_str(body));
    }
    let request = Request::new_with_str_and_init(url, &init).map_err(|_| ApiError::Network)?;
    if body.is_some() {
        request
            .headers()
            .set("Content-Type", "application/json")
            .map_err(|_| ApiError::Network)?;
    }
    let response: Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| ApiError::Network)?
        .dyn_into()
        .map_err(|_| ApiError::Network)?;
    let retry_after = response
        .headers()
        .get("Retry-After")
        .ok()
        .flatten()
        .and_then(|v| v.trim().parse().ok());
    let text = response.text().map_err(|_| ApiError::Network)?;
    let body = JsFuture::from(text)
        .await
        .map_err(|_| ApiError::Network)?
        .as_string()
        .unwrap_or_default();
    Ok(Answer {
        status: response.status(),
        retry_after,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn answer(status: u16, body: &str) -> Answer {
        Answer {
            status,
            retry_after: None,
            body: body.into(),
        }
    }

    #[wasm_bindgen_test]
    fn errors_are_told_in_persian() {
        let err = parse::<Created>(answer(
            409,
            r#"{"error":{"code":"duplicate","message":"این دیدگاه قبلاً فرستاده شده است.","message_en":"duplicate"}}"#,
        ))
        .unwrap_err();
        assert_eq!(
            err.message(),
            "دیدگاه فرستاده نشد: این دیدگاه قبلاً فرستاده شده است."
        );
        assert!(!err.retryable());

        let limited = parse::<Created>(Answer {
            status: 429,
            retry_after: Some(30),
            body: String::new(),
        })
        .unwrap_err();
        assert!(limited.message().contains("۳۰ ثانیه"));
        assert!(limited.retryable());

        assert_eq!(
            parse::<Created>(answer(502, "<html>")).unwrap_err(),
            ApiError::Server(502)
        );
    }

    #[wasm_bindgen_test]
    fn created_and_blocked_answers_are_read() {
        let ok: Created = parse(answer(
            201,
            r#"{"id":7,"status":"flagged","report":{"outcome":"flag","rules":[]}}"#,
        ))
        .unwrap();
        assert_eq!(ok.status, "flagged");
        let blocked = parse::<Created>(answer(
            422,
            r#"{"error":{"code":"rule_blocked","message":"x"},"report":{"outcome":"block","rules":[]}}"#,
        ))
        .unwrap_err();
        assert!(
            matches!(blocked, ApiError::Blocked(r) if r.outcome == didgah_rules::Outcome::Block)
        );
    }
}
