//! The widget's side of the HTTP contract (`docs/API.md`): site config, approved comments,
//! sending a comment. Uses the browser's `fetch` directly to keep the download small.
//!
//! Every failure becomes a [`ApiError`] whose [`ApiError::message`] is a calm Persian sentence
//! the reader can act on; nothing here panics on a bad or missing answer. Bodies are read and
//! written with the browser's JSON ([`crate::json`]), not serde, to keep the download small.

use std::rc::Rc;

use didgah_rules::Report;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Request, RequestInit, Response};

use crate::{fa, json};

/// Length limits for the form's fields, in characters (the server enforces the same ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq)]
pub struct SiteConfig {
    /// The site's policy as the JSON object it came as: the engine module reads (and
    /// validates) it, so the widget carries no policy reader.
    pub policy: JsValue,
    /// Optional: may be missing or `null`.
    pub login_url: Option<String>,
    /// Optional: [`Limits::default`] when missing.
    pub limits: Limits,
}

impl SiteConfig {
    fn read(value: &JsValue) -> json::Read<SiteConfig> {
        let o = json::object(value)?;
        let limits = json::get(o, "limits");
        let limits = if limits.is_undefined() {
            Limits::default()
        } else {
            let l = json::object(&limits)?;
            let size =
                |key| json::integer(&json::get(l, key), 0.0, u32::MAX as f64).map(|n| n as usize);
            Limits {
                name: size("name")?,
                title: size("title")?,
                text: size("text")?,
            }
        };
        Ok(SiteConfig {
            policy: json::object(&json::get(o, "policy"))?.clone(),
            login_url: json::opt_string(&json::get(o, "login_url"))?,
            limits,
        })
    }
}

/// One approved comment as the public API shows it (no email, no IP).
#[derive(Debug, Clone, PartialEq)]
pub struct PublicComment {
    pub id: i64,
    pub name: String,
    /// Optional: `""` when missing.
    pub title: String,
    pub text: String,
    pub created_at: String,
}

/// Ids are whole numbers that a JavaScript number holds exactly (the server's are far smaller).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

fn id(value: &JsValue) -> json::Read<i64> {
    json::integer(value, -MAX_SAFE_INTEGER, MAX_SAFE_INTEGER).map(|n| n as i64)
}

impl PublicComment {
    fn read(value: &JsValue) -> json::Read<PublicComment> {
        let o = json::object(value)?;
        Ok(PublicComment {
            id: id(&json::get(o, "id"))?,
            name: json::string(&json::get(o, "name"))?,
            title: json::string_or_empty(&json::get(o, "title"))?,
            text: json::string(&json::get(o, "text"))?,
            created_at: json::string(&json::get(o, "created_at"))?,
        })
    }
}

/// `GET /api/articles/{id}/comments`.
#[derive(Debug, Clone, PartialEq)]
pub struct CommentsPage {
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub comments: Vec<PublicComment>,
}

impl CommentsPage {
    fn read(value: &JsValue) -> json::Read<CommentsPage> {
        let o = json::object(value)?;
        let count = |key, max: f64| json::integer(&json::get(o, key), 0.0, max);
        Ok(CommentsPage {
            total: count("total", MAX_SAFE_INTEGER)? as u64,
            page: count("page", u32::MAX as f64)? as u32,
            per_page: count("per_page", u32::MAX as f64)? as u32,
            comments: json::list(&json::get(o, "comments"), PublicComment::read)?,
        })
    }
}

/// The body of `POST /api/comments`.
#[derive(Debug)]
pub struct NewComment<'a> {
    pub site_id: &'a str,
    pub article_id: &'a str,
    pub name: &'a str,
    pub email: &'a str,
    pub title: &'a str,
    pub text: &'a str,
    /// Left out of the JSON when `None`.
    pub client_report: Option<&'a Report>,
    /// The honeypot: whatever a bot typed into the hidden field, sent as is.
    pub website: &'a str,
    /// Left out of the JSON when `None`.
    pub user_token: Option<&'a str>,
}

impl NewComment<'_> {
    /// The JSON body, keys in the contract's order.
    fn to_json(&self) -> Option<String> {
        let o = json::new_object();
        json::set(&o, "site_id", self.site_id);
        json::set(&o, "article_id", self.article_id);
        json::set(&o, "name", self.name);
        json::set(&o, "email", self.email);
        json::set(&o, "title", self.title);
        json::set(&o, "text", self.text);
        if let Some(report) = self.client_report {
            json::set(&o, "client_report", json::report_value(report));
        }
        json::set(&o, "website", self.website);
        if let Some(token) = self.user_token {
            json::set(&o, "user_token", token);
        }
        json::stringify(&o)
    }
}

/// `201` answer to a new comment.
#[derive(Debug, Clone, PartialEq)]
pub struct Created {
    pub id: i64,
    /// `pending` or `flagged`.
    pub status: String,
}

impl Created {
    fn read(value: &JsValue) -> json::Read<Created> {
        let o = json::object(value)?;
        Ok(Created {
            id: id(&json::get(o, "id"))?,
            status: json::string(&json::get(o, "status"))?,
        })
    }
}

/// A 4xx body: `{"error": {"code", "message", "field"}, "report"}`; `message`, `field` and
/// `report` are optional. `None` when the body is not of that shape.
fn read_error(body: &str) -> Option<(ApiError, Option<Report>)> {
    let value = json::parse(body).ok()?;
    let read = || -> json::Read<_> {
        let o = json::object(&value)?;
        let error = json::get(o, "error");
        let e = json::object(&error)?;
        let report = json::get(o, "report");
        let report = if report.is_undefined() || report.is_null() {
            None
        } else {
            Some(json::report(&report)?)
        };
        let rejected = ApiError::Rejected {
            code: json::string(&json::get(e, "code"))?,
            message: json::string_or_empty(&json::get(e, "message"))?,
            field: json::opt_string(&json::get(e, "field"))?,
        };
        Ok((rejected, report))
    };
    read().ok()
}

/// Why a request did not succeed.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// No answer at all: offline, server down, blocked by the network or by CORS.
    Network,
    /// 429: too many comments in a short time.
    RateLimited { retry_after_secs: Option<u64> },
    /// 422 `rule_blocked`: the server's own check refused the comment.
    Blocked(Rc<Report>),
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
            ApiError::RateLimited { retry_after_secs: Some(s) } => [
                "در مدت کوتاهی دیدگاه‌های زیادی فرستاده شده است. لطفاً ",
                &crate::fa::num(*s),
                " ثانیه دیگر دوباره تلاش کنید؛ متن شما محفوظ است.",
            ]
            .concat(),
            ApiError::RateLimited { retry_after_secs: None } => "در مدت کوتاهی دیدگاه‌های زیادی فرستاده شده است. لطفاً کمی بعد دوباره تلاش کنید؛ متن شما محفوظ است.".into(),
            ApiError::Blocked(_) => "دیدگاه شما با قوانین سایت سازگار نیست و فرستاده نشد. موارد مشخص‌شده را اصلاح کنید و دوباره بفرستید.".into(),
            ApiError::Rejected { message, .. } if !message.trim().is_empty() => {
                ["دیدگاه فرستاده نشد: ", message].concat()
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
    /// The site's config; `prefetched` is the loader's own request for it (a promise of the
    /// `Response`), when it made one.
    pub async fn config(&self, prefetched: Option<JsValue>) -> Result<SiteConfig, ApiError> {
        let answer = match prefetched {
            Some(response) => answer(js_sys::Promise::resolve(&response)).await?,
            None => {
                let url = [&self.server, "/api/sites/", &encode(&self.site), "/config"].concat();
                request("GET", &url, None).await?
            }
        };
        parse(answer, SiteConfig::read)
    }

    pub async fn comments(&self, page: u32, per_page: u32) -> Result<CommentsPage, ApiError> {
        let url = [
            &self.server,
            "/api/articles/",
            &encode(&self.article),
            "/comments?site=",
            &encode(&self.site),
            "&page=",
            &fa::ascii(page.into()),
            "&per_page=",
            &fa::ascii(per_page.into()),
        ]
        .concat();
        parse(request("GET", &url, None).await?, CommentsPage::read)
    }

    pub async fn send(&self, comment: &NewComment<'_>) -> Result<Created, ApiError> {
        let body = comment.to_json().ok_or(ApiError::Server(0))?;
        let url = [&self.server, "/api/comments"].concat();
        let answer = request("POST", &url, Some(&body)).await?;
        parse(answer, Created::read)
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

/// A 2xx answer read with `read`, or the [`ApiError`] the status and body say.
fn parse<T>(answer: Answer, read: fn(&JsValue) -> json::Read<T>) -> Result<T, ApiError> {
    if (200..300).contains(&answer.status) {
        return json::parse(&answer.body)
            .and_then(|v| read(&v))
            .map_err(|_| ApiError::Server(answer.status));
    }
    if answer.status == 429 {
        return Err(ApiError::RateLimited {
            retry_after_secs: answer.retry_after,
        });
    }
    if !(400..500).contains(&answer.status) {
        return Err(ApiError::Server(answer.status));
    }
    match read_error(&answer.body) {
        Some((ApiError::Rejected { code, .. }, Some(report))) if code == "rule_blocked" => {
            Err(ApiError::Blocked(Rc::new(report)))
        }
        Some((rejected, _)) => Err(rejected),
        None => Err(ApiError::Rejected {
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
    answer(window.fetch_with_request(&request)).await
}

/// Reads the answer of a `fetch`: status, `Retry-After` and body.
async fn answer(response: js_sys::Promise) -> Result<Answer, ApiError> {
    let response: Response = JsFuture::from(response)
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
        let err = parse(answer(
            409,
            r#"{"error":{"code":"duplicate","message":"این دیدگاه قبلاً فرستاده شده است.","message_en":"duplicate"}}"#,
        ), Created::read)
        .unwrap_err();
        assert_eq!(
            err.message(),
            "دیدگاه فرستاده نشد: این دیدگاه قبلاً فرستاده شده است."
        );
        assert!(!err.retryable());

        let limited = parse(
            Answer {
                status: 429,
                retry_after: Some(30),
                body: String::new(),
            },
            Created::read,
        )
        .unwrap_err();
        assert!(limited.message().contains("۳۰ ثانیه"));
        assert!(limited.retryable());

        assert_eq!(
            parse(answer(502, "<html>"), Created::read).unwrap_err(),
            ApiError::Server(502)
        );
    }

    #[wasm_bindgen_test]
    fn created_and_blocked_answers_are_read() {
        let ok: Created = parse(
            answer(
                201,
                r#"{"id":7,"status":"flagged","report":{"outcome":"flag","rules":[]}}"#,
            ),
            Created::read,
        )
        .unwrap();
        assert_eq!(ok.status, "flagged");
        let blocked = parse(answer(
            422,
            r#"{"error":{"code":"rule_blocked","message":"x"},"report":{"outcome":"block","rules":[]}}"#,
        ), Created::read)
        .unwrap_err();
        assert!(
            matches!(blocked, ApiError::Blocked(r) if r.outcome == didgah_rules::Outcome::Block)
        );
        // A 2xx that does not follow the contract is the server's fault.
        assert_eq!(
            parse(
                answer(200, r#"{"id":"7","status":"pending"}"#),
                Created::read
            ),
            Err(ApiError::Server(200))
        );
    }

    #[wasm_bindgen_test]
    fn config_and_comments_are_read_with_their_defaults() {
        let config = parse(
            answer(200, r#"{"site":"demo","policy":{},"login_url":null,"limits":{"name":50,"title":100,"text":2000}}"#),
            SiteConfig::read,
        )
        .unwrap();
        assert_eq!(json::stringify(&config.policy).as_deref(), Some("{}"));
        assert_eq!(config.login_url, None);
        assert_eq!(config.limits.text, 2000);
        let config = parse(answer(200, r#"{"policy":{}}"#), SiteConfig::read).unwrap();
        assert_eq!(config.limits, Limits::default());
        assert_eq!(
            parse(answer(200, r#"{"limits":{}}"#), SiteConfig::read),
            Err(ApiError::Server(200))
        );
        // The policy must be an object; its contents are the engine's to judge.
        assert_eq!(
            parse(answer(200, r#"{"policy":[]}"#), SiteConfig::read),
            Err(ApiError::Server(200))
        );

        let page = parse(
            answer(
                200,
                r#"{"total":2,"page":1,"per_page":10,"comments":[
                {"id":3,"name":"نگار","text":"متن","created_at":"2020-07-22T12:00:00Z"},
                {"id":2,"name":"Sam","title":"عنوان","text":"t","created_at":"2020-07-21"}]}"#,
            ),
            CommentsPage::read,
        )
        .unwrap();
        assert_eq!((page.total, page.comments.len()), (2, 2));
        assert_eq!(page.comments[0].title, "");
        assert_eq!(page.comments[1].title, "عنوان");
    }

    #[wasm_bindgen_test]
    fn a_new_comment_leaves_out_what_it_does_not_have() {
        let body = NewComment {
            site_id: "demo",
            article_id: "a1",
            name: "علی",
            email: "ali@example.com",
            title: "",
            text: "متن \"نقل\"",
            client_report: None,
            website: "",
            user_token: None,
        };
        assert_eq!(
            body.to_json().unwrap(),
            r#"{"site_id":"demo","article_id":"a1","name":"علی","email":"ali@example.com","title":"","text":"متن \"نقل\"","website":""}"#
        );
    }
}
