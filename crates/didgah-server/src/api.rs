//! The public JSON API under `/api` (paths and shapes in `docs/API.md`):
//!
//! - `POST /api/comments` — check again, store, answer `201 {id, status, report}`;
//! - `GET /api/articles/{article_id}/comments?site=&page=&per_page=` — approved, newest first;
//! - `GET /api/counts?site=&articles=a,b` — approved counts for listing pages;
//! - `GET /api/sites/{site}/config` — policy, login URL and field limits for the widget.
//!
//! CORS: a browser `Origin` is allowed when it is one of a site's configured origins or the
//! server's own; preflights are answered here. A comment posted from an origin its site does not
//! allow is refused (`403 origin_not_allowed`).

use std::collections::HashMap;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{Next, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use didgah_rules::{Comment, Outcome, Report};
use serde::Deserialize;
use serde_json::json;

use crate::AppState;
use crate::error::AppError;
use crate::extract::{ClientIp, StrictJson};
use crate::model::{Inserted, NewComment, Site, Status, json_of, now_millis, outcome_str};
use crate::{auth, token, validate};

/// Longest accepted fields, in characters (also sent to the widget).
pub const MAX_NAME: usize = 60;
pub const MAX_TITLE: usize = 120;
pub const MAX_TEXT: usize = 3000;
const MAX_EMAIL: usize = 254;
const MAX_PER_PAGE: i64 = 100;
const MAX_COUNT_ARTICLES: usize = 100;

pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/comments", post(post_comment))
        .route("/articles/{article_id}/comments", get(list_comments))
        .route("/counts", get(counts))
        .route("/sites/{site}/config", get(site_config))
        .fallback(not_found)
        .layer(from_fn_with_state(state, cors))
}

async fn not_found() -> AppError {
    AppError::not_found(
        "not_found",
        "چنین نشانی‌ای در API نیست.",
        "No such API endpoint.",
    )
}

/// The body of `POST /api/comments`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostComment {
    #[serde(default)]
    pub site_id: Option<String>,
    pub article_id: String,
    /// Required unless a valid `user_token` names the reader.
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    pub text: String,
    #[serde(default)]
    pub client_report: Option<Report>,
    /// Honeypot: hidden from people, filled in by bots. Must be empty.
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub user_token: Option<String>,
}

/// Checks a typed field: required or not, length in characters, no control characters other
/// than line breaks and tabs. Keeps the text exactly as typed (spans point into it).
fn text_field(
    field: &'static str,
    value: Option<String>,
    max: usize,
    required: bool,
) -> Result<String, AppError> {
    let value = value.unwrap_or_default();
    if required && value.trim().is_empty() {
        return Err(AppError::missing_field(field));
    }
    let len = value.chars().count();
    if len > max {
        return Err(AppError::invalid_field(
            field,
            format!("«{field}» حداکثر {max} نویسه است؛ این یکی {len} نویسه دارد."),
            format!("`{field}` is at most {max} characters; this one has {len}."),
        ));
    }
    if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(AppError::invalid_field(
            field,
            format!("«{field}» نویسه کنترلی نامعتبر دارد."),
            format!("`{field}` contains a control character."),
        ));
    }
    Ok(value)
}

fn bad_site_id(e: String) -> AppError {
    AppError::invalid_field("site_id", "شناسه سایت درست نیست.", e)
}

async fn find_site(state: &AppState, id: &str) -> Result<Site, AppError> {
    validate::site_id(id).map_err(bad_site_id)?;
    state.site(id).await?.ok_or_else(|| {
        AppError::not_found(
            "unknown_site",
            format!("سایتی با شناسه «{id}» روی این سرور نیست."),
            format!("No site {id:?} on this server."),
        )
    })
}

fn bad_article_id(field: &'static str, e: String) -> AppError {
    AppError::invalid_field(field, "شناسه خبر درست نیست.", e)
}

fn unknown_article(id: &str) -> AppError {
    AppError::not_found(
        "unknown_article",
        format!("خبری با شناسه «{id}» در این سایت ثبت نشده است."),
        format!("No article {id:?} on this site; import it first (`didgah article import`)."),
    )
}

fn request_origin(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::ORIGIN).and_then(|v| v.to_str().ok())
}

/// The server's own origin as the browser sees it (`http(s)://Host`).
fn own_origin(headers: &HeaderMap, origin: &str) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    origin == format!("http://{host}") || origin == format!("https://{host}")
}

/// Counts this request against each `(key, limit)` (a limit of 0 is off) in the current
/// one-minute window, shared by every process through the database. `Some(seconds)` to wait
/// when a limit is exceeded.
pub(crate) async fn over_limit(
    state: &AppState,
    limits: &[(String, u32)],
    now: i64,
) -> Result<Option<u64>, AppError> {
    const WINDOW: i64 = 60_000;
    let active: Vec<&(String, u32)> = limits.iter().filter(|(_, limit)| *limit > 0).collect();
    if active.is_empty() {
        return Ok(None);
    }
    let start = now - now.rem_euclid(WINDOW);
    let keys: Vec<String> = active.iter().map(|(k, _)| k.clone()).collect();
    let hits = state.store().hit(&keys, start).await?;
    let over = active
        .iter()
        .zip(&hits)
        .any(|((_, limit), hits)| *hits > i64::from(*limit));
    Ok(over.then(|| ((start + WINDOW - now) as u64).div_ceil(1000).max(1)))
}

/// [`over_limit`] for a comment: 429 with `Retry-After` when a limit is exceeded.
async fn rate_limit(state: &AppState, limits: &[(String, u32)], now: i64) -> Result<(), AppError> {
    if let Some(retry) = over_limit(state, limits, now).await? {
        return Err(AppError::client(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            format!("تعداد دیدگاه‌ها از حد مجاز گذشته است؛ {retry} ثانیه دیگر دوباره بفرستید."),
            format!("Too many comments; try again in {retry} seconds."),
        )
        .with_retry_after(retry));
    }
    Ok(())
}

/// `POST /api/comments`.
pub async fn post_comment(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    StrictJson(body): StrictJson<PostComment>,
) -> Result<Response, AppError> {
    let now = now_millis();
    let site_id = body
        .site_id
        .clone()
        .unwrap_or_else(|| state.config().default_site.clone());
    let site = find_site(&state, &site_id).await?;

    if let Some(origin) = request_origin(&headers)
        && !site.origins.iter().any(|o| o == origin)
        && !own_origin(&headers, origin)
    {
        return Err(AppError::client(
            StatusCode::FORBIDDEN,
            "origin_not_allowed",
            "این سایت اجازه ارسال دیدگاه از این نشانی را نداده است.",
            format!("Site {site_id:?} does not allow comments from origin {origin}."),
        ));
    }
    if body.website.as_deref().is_some_and(|w| !w.is_empty()) {
        return Err(AppError::client(
            StatusCode::BAD_REQUEST,
            "spam_trap",
            "درخواست به‌عنوان هرزنامه شناخته شد.",
            "The request filled a field that people never see; it looks automated.",
        )
        .with_field("website"));
    }
    validate::article_id(&body.article_id).map_err(|e| bad_article_id("article_id", e))?;

    // A signed user token names the reader; a bad one is refused rather than ignored, so a
    // site's integration errors show up at once.
    let mut verified_user = false;
    let (mut name, mut email) = (body.name, body.email);
    if let Some(tok) = body.user_token.as_deref().filter(|t| !t.is_empty()) {
        let secret = site.token_secret.as_deref().ok_or_else(|| {
            AppError::invalid_field(
                "user_token",
                "این سایت ورود کاربران را پیکربندی نکرده است.",
                "This site has no token secret; do not send user_token.",
            )
        })?;
        let claims = token::verify(tok, secret.as_bytes(), now / 1000).map_err(|e| {
            let (fa, en) = match e {
                token::TokenError::Expired => (
                    "نشست ورود شما منقضی شده است؛ دوباره وارد شوید.",
                    "The user token has expired; log in again.",
                ),
                _ => (
                    "نشانه ورود کاربر معتبر نیست.",
                    "The user token is not valid for this site.",
                ),
            };
            AppError::client(StatusCode::UNAUTHORIZED, "invalid_token", fa, en)
                .with_field("user_token")
        })?;
        name = Some(claims.name);
        email = Some(claims.email);
        verified_user = true;
    }

    let name = text_field("name", name, MAX_NAME, true)?;
    let email = text_field("email", email, MAX_EMAIL, true)?;
    if !validate::email(email.trim()) {
        return Err(AppError::invalid_field(
            "email",
            "نشانی ایمیل درست نیست (مانند name@example.ir).",
            "The email address is not valid (like name@example.ir).",
        ));
    }
    let title = text_field("title", body.title, MAX_TITLE, false)?;
    let text = text_field("text", Some(body.text), MAX_TEXT, true)?;

    let ip_hash = state.ip_hash(ip);
    let limits = state.config().limits;
    rate_limit(
        &state,
        &[
            (format!("ip:{ip_hash}"), limits.ip_per_minute),
            (
                format!("article:{site_id}/{}", body.article_id),
                limits.article_per_minute,
            ),
        ],
        now,
    )
    .await?;

    let (article, article_updated) = state
        .store()
        .article(&site_id, &body.article_id)
        .await?
        .ok_or_else(|| unknown_article(&body.article_id))?;
    let checker = state
        .checker(&site, &article, article_updated)
        .map_err(|e| AppError::Internal(format!("site {site_id}: {e}")))?;
    let comment = Comment {
        name: name.clone(),
        title: title.clone(),
        text: text.clone(),
    };
    let report = checker.check(&comment);
    state
        .metrics()
        .observe_outcome("server", outcome_str(report.outcome));
    if let Some(client) = &body.client_report {
        state
            .metrics()
            .observe_outcome("client", outcome_str(client.outcome));
    }
    let status = verdict(&report)?;

    let fingerprint = auth::sha256_hex(
        format!(
            "{}\0{}\0{}",
            email.trim().to_lowercase(),
            title.trim(),
            text.trim()
        )
        .as_bytes(),
    );
    let new = NewComment {
        site_id,
        article_id: body.article_id,
        name,
        email,
        title,
        text,
        verified_user,
        ip_hash,
        fingerprint,
        client_report: body.client_report,
        server_report: report,
        status,
        created_at: now,
    };
    match state.store().insert_comment(&new).await? {
        Inserted::New(id) => Ok((
            StatusCode::CREATED,
            Json(json!({"id": id, "status": status, "report": json_of(&new.server_report)})),
        )
            .into_response()),
        Inserted::Duplicate => Err(AppError::client(
            StatusCode::CONFLICT,
            "duplicate",
            "این دیدگاه را پیش‌تر فرستاده‌اید.",
            "You already posted this comment under this article.",
        )),
    }
}

/// What the server's own report means for a posted comment: refused (422 `rule_blocked`, with
/// the report so the widget can show the findings), stored as `flagged`, or stored as `pending`.
pub fn verdict(report: &Report) -> Result<Status, AppError> {
    match report.outcome {
        Outcome::Block => Err(AppError::client(
            StatusCode::UNPROCESSABLE_ENTITY,
            "rule_blocked",
            "دیدگاه شما با قوانین سایت سازگار نیست؛ موارد مشخص‌شده را اصلاح کنید.",
            "The comment breaks the site's rules; fix the marked parts.",
        )
        .with_extra("report", json_of(&report))),
        Outcome::Flag => Ok(Status::Flagged),
        Outcome::Pass => Ok(Status::Pending),
    }
}

/// Parses an optional positive integer query parameter.
fn int_param(
    params: &HashMap<String, String>,
    key: &'static str,
    default: i64,
    max: i64,
) -> Result<i64, AppError> {
    match params.get(key) {
        None => Ok(default),
        Some(v) => match v.parse::<i64>() {
            Ok(n) if (1..=max).contains(&n) => Ok(n),
            _ => Err(AppError::invalid_field(
                key,
                format!("«{key}» باید عددی از ۱ تا {max} باشد."),
                format!("`{key}` must be an integer from 1 to {max}."),
            )),
        },
    }
}

/// Query parameters; never fails (a malformed pair is kept as decoded as possible, and then
/// refused by the parameter's own check).
pub fn query_params(query: Option<String>) -> HashMap<String, String> {
    form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .into_owned()
        .collect()
}

fn site_param(state: &AppState, params: &HashMap<String, String>) -> String {
    params
        .get("site")
        .cloned()
        .unwrap_or_else(|| state.config().default_site.clone())
}

/// `GET /api/articles/{article_id}/comments`.
pub async fn list_comments(
    State(state): State<AppState>,
    article_id: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
) -> Result<Json<serde_json::Value>, AppError> {
    let Path(article_id) = article_id.map_err(|e| bad_article_id("article_id", e.body_text()))?;
    let params = query_params(query);
    let site = find_site(&state, &site_param(&state, &params)).await?;
    validate::article_id(&article_id).map_err(|e| bad_article_id("article_id", e))?;
    let page = int_param(&params, "page", 1, 1_000_000)?;
    let per_page = int_param(&params, "per_page", 20, MAX_PER_PAGE)?;
    if state
        .store()
        .article(&site.id, &article_id)
        .await?
        .is_none()
    {
        return Err(unknown_article(&article_id));
    }
    let (total, comments) = state
        .store()
        .approved(&site.id, &article_id, per_page, (page - 1) * per_page)
        .await?;
    Ok(Json(json!({
        "article_id": article_id,
        "total": total,
        "page": page,
        "per_page": per_page,
        "comments": comments,
    })))
}

/// `GET /api/counts`.
pub async fn counts(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Json<serde_json::Value>, AppError> {
    let params = query_params(query);
    let site = find_site(&state, &site_param(&state, &params)).await?;
    let articles: Vec<String> = params
        .get("articles")
        .ok_or_else(|| AppError::missing_field("articles"))?
        .split(',')
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect();
    if articles.is_empty() || articles.len() > MAX_COUNT_ARTICLES {
        return Err(AppError::invalid_field(
            "articles",
            format!("«articles» باید ۱ تا {MAX_COUNT_ARTICLES} شناسه خبر جداشده با ویرگول باشد."),
            format!("`articles` must list 1 to {MAX_COUNT_ARTICLES} comma-separated article ids."),
        ));
    }
    for a in &articles {
        validate::article_id(a).map_err(|e| bad_article_id("articles", e))?;
    }
    let counts = state.store().counts(&site.id, &articles).await?;
    Ok(Json(json!({ "counts": counts })))
}

/// `GET /api/sites/{site}/config`.
pub async fn site_config(
    State(state): State<AppState>,
    site_id: Result<Path<String>, PathRejection>,
) -> Result<Json<serde_json::Value>, AppError> {
    let Path(site_id) = site_id.map_err(|e| bad_site_id(e.body_text()))?;
    let site = find_site(&state, &site_id).await?;
    Ok(Json(json!({
        "site": site.id,
        "policy": json_of(&site.policy),
        "login_url": site.login_url,
        "limits": {"name": MAX_NAME, "title": MAX_TITLE, "text": MAX_TEXT},
    })))
}

/// CORS for `/api/*`: echo an allowed `Origin`, answer preflights.
async fn cors(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let origin = request_origin(req.headers()).map(str::to_owned);
    let allowed = match &origin {
        None => false,
        Some(o) if own_origin(req.headers(), o) => true,
        Some(o) => match state.sites().await {
            Ok(sites) => sites.iter().any(|s| s.origins.iter().any(|x| x == o)),
            Err(e) => return AppError::from(e).into_response(),
        },
    };
    let preflight = req.method() == Method::OPTIONS
        && req
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    let mut response = if preflight {
        if !allowed {
            return AppError::client(
                StatusCode::FORBIDDEN,
                "origin_not_allowed",
                "هیچ سایتی روی این سرور اجازه این نشانی را نداده است.",
                format!(
                    "No site on this server allows origin {}.",
                    origin.as_deref().unwrap_or("(none)")
                ),
            )
            .into_response();
        }
        let mut r = StatusCode::NO_CONTENT.into_response();
        let h = r.headers_mut();
        h.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("GET, POST, OPTIONS"),
        );
        h.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static("content-type"),
        );
        h.insert(
            header::ACCESS_CONTROL_MAX_AGE,
            HeaderValue::from_static("600"),
        );
        r
    } else {
        next.run(req).await
    };
    let h = response.headers_mut();
    h.append(header::VARY, HeaderValue::from_static("origin"));
    if allowed && let Some(v) = origin.and_then(|o| HeaderValue::from_str(&o).ok()) {
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, v);
        h.insert(
            header::ACCESS_CONTROL_EXPOSE_HEADERS,
            HeaderValue::from_static("retry-after"),
        );
    }
    response
}
