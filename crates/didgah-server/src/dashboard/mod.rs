//! The moderator dashboard, server-rendered: login (argon2id, HttpOnly SameSite=Strict session
//! cookie, lockout after repeated failures), the queues (flagged first, then pending; approved;
//! rejected) filtered by site and article, each comment with its findings highlighted, approve /
//! reject-with-reason one at a time or in bulk, and the audit log. `www/dashboard.js` adds the
//! keyboard (j/k/a/r/x); every action also works without it.
//!
//! CSRF: each session carries a random token that every POST form must echo; login and all POSTs
//! also refuse a foreign `Origin`. Pages are sent with a strict Content-Security-Policy.

pub mod html;

use std::collections::HashMap;
use std::fmt::Write;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use didgah_rules::{Field, Report, Rule};

use crate::AppState;
use crate::auth::{self, COOKIE};
use crate::error::AppError;
use crate::extract::ClientIp;
use crate::model::*;
use html::{escape, findings_list, highlight, page};

/// Comments per dashboard page.
const PAGE_SIZE: i64 = 50;
const MAX_BULK: usize = 200;
const MAX_REASON: usize = 200;
/// Tabs count up to this many comments, then show "10000+".
const COUNT_CAP: i64 = 10_000;

fn count_label(n: i64) -> String {
    if n >= COUNT_CAP {
        format!("{COUNT_CAP}+")
    } else {
        n.to_string()
    }
}

/// Preset reasons for rejecting, in the order the moderator sees them.
const REASONS: [&str; 7] = [
    "تهمت یا افترا",
    "توهین",
    "غیرفارسی",
    "نامرتبط با خبر",
    "تبلیغ یا هرزنامه",
    "تکراری",
    "سایر",
];

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/dashboard", get(queue_page))
        .route("/dashboard/login", post(login))
        .route("/dashboard/logout", post(logout))
        .route("/dashboard/decide", post(decide))
        .route("/dashboard/audit", get(audit_page))
}

/// Dashboard responses: HTML with security headers.
fn html_response(status: StatusCode, body: String) -> Response {
    let mut r = (status, body).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; \
             font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    r
}

fn redirect(to: &str) -> Response {
    let mut r = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(to) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

fn message_page(status: StatusCode, title: &str, message: &str) -> Response {
    html_response(
        status,
        page(
            title,
            &format!(
                "<main class=\"message\"><h1>{}</h1><p>{}</p><p><a href=\"/dashboard\">بازگشت به داشبورد</a></p></main>",
                escape(title),
                escape(message)
            ),
        ),
    )
}

fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.to_owned())
}

async fn current_session(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<(Session, Moderator)>, AppError> {
    let Some(token) = cookie_token(headers) else {
        return Ok(None);
    };
    Ok(state
        .store()
        .session(&auth::sha256_hex(token.as_bytes()), now_millis())
        .await?)
}

/// A POST from another site's page is refused even before the CSRF token is looked at.
fn foreign_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    origin != format!("http://{host}") && origin != format!("https://{host}")
}

fn parse_form(body: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(body).into_owned().collect()
}

fn form_value<'a>(form: &'a [(String, String)], key: &str) -> Option<&'a str> {
    form.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

fn csrf_ok(session: &Session, form: &[(String, String)]) -> bool {
    form_value(form, "csrf")
        .is_some_and(|t| auth::constant_time_eq(t.as_bytes(), session.csrf.as_bytes()))
}

fn login_form(error: Option<&str>) -> String {
    let error = error
        .map(|e| format!("<p class=\"error\" role=\"alert\">{}</p>", escape(e)))
        .unwrap_or_default();
    page(
        "ورود مدیران",
        &format!(
            "<main class=\"login\"><h1>داشبورد مدیریت دیدگاه‌ها</h1>{error}\
             <form method=\"post\" action=\"/dashboard/login\">\
             <label for=\"username\">نام کاربری</label>\
             <input id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus dir=\"ltr\">\
             <label for=\"password\">رمز عبور</label>\
             <input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required dir=\"ltr\">\
             <button type=\"submit\">ورود</button></form></main>"
        ),
    )
}

/// `POST /dashboard/login`.
async fn login(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    if foreign_origin(&headers) {
        return Ok(message_page(
            StatusCode::FORBIDDEN,
            "درخواست نامعتبر",
            "فرم ورود باید از خود داشبورد فرستاده شود.",
        ));
    }
    let form = parse_form(&body);
    let username = form_value(&form, "username")
        .unwrap_or("")
        .trim()
        .to_owned();
    let password = form_value(&form, "password").unwrap_or("").to_owned();
    let now = now_millis();
    let failed = |status| {
        html_response(
            status,
            login_form(Some("نام کاربری یا رمز عبور درست نیست.")),
        )
    };
    if username.is_empty() || password.is_empty() {
        return Ok(failed(StatusCode::UNPROCESSABLE_ENTITY));
    }
    // Per IP, before the costly password check: lockouts stop guessing one account, this stops
    // trying a few passwords on many (and hashing as a denial of service).
    let key = format!("login:{}", state.ip_hash(ip));
    let limit = state.config().limits.login_per_minute;
    if let Some(retry) = crate::api::over_limit(&state, &[(key, limit)], now).await? {
        let mut response = html_response(
            StatusCode::TOO_MANY_REQUESTS,
            login_form(Some(&format!(
                "تلاش‌های ورود از این نشانی بیش از حد مجاز بوده است؛ {retry} ثانیه دیگر دوباره تلاش کنید."
            ))),
        );
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(retry));
        return Ok(response);
    }
    let moderator = state.store().moderator(&username).await?;
    if let Some(m) = &moderator
        && m.locked_until.is_some_and(|t| t > now)
    {
        let minutes = (m.locked_until.unwrap_or(now) - now).div_euclid(60_000) + 1;
        return Ok(html_response(
            StatusCode::TOO_MANY_REQUESTS,
            login_form(Some(&format!(
                "این حساب پس از چند تلاش ناموفق قفل شده است؛ {minutes} دقیقه دیگر دوباره تلاش کنید."
            ))),
        ));
    }
    let hash = moderator
        .as_ref()
        .map(|m| m.password_hash.clone())
        .unwrap_or_else(|| auth::dummy_hash().to_owned());
    let pw = password.clone();
    let matches = tokio::task::spawn_blocking(move || auth::verify_password(&pw, &hash))
        .await
        .map_err(|e| AppError::Internal(format!("password check failed: {e}")))?;
    let Some(moderator) = moderator.filter(|m| matches && !m.disabled) else {
        if state.store().moderator(&username).await?.is_some() {
            state
                .store()
                .record_login_failure(
                    &username,
                    auth::MAX_FAILED_LOGINS,
                    now + auth::LOCKOUT_MILLIS,
                )
                .await?;
            state
                .store()
                .log_event(&username, "login_failed", None, "", now)
                .await?;
        }
        return Ok(failed(StatusCode::UNAUTHORIZED));
    };
    state.store().clear_login_failures(&username).await?;
    let token = auth::random_token(32);
    let session = Session {
        token_hash: auth::sha256_hex(token.as_bytes()),
        moderator_id: moderator.id,
        csrf: auth::random_token(24),
        created_at: now,
        expires_at: now + auth::SESSION_MILLIS,
    };
    state.store().create_session(&session).await?;
    state
        .store()
        .log_event(&moderator.username, "login", None, "", now)
        .await?;
    let secure = if state.config().trust_proxy
        && headers
            .get("x-forwarded-proto")
            .is_some_and(|v| v.as_bytes() == b"https")
    {
        "; Secure"
    } else {
        ""
    };
    let mut r = redirect("/dashboard");
    let cookie = format!(
        "{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/dashboard; Max-Age={}{secure}",
        auth::SESSION_MILLIS / 1000
    );
    r.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).map_err(|e| AppError::Internal(e.to_string()))?,
    );
    Ok(r)
}

/// `POST /dashboard/logout`.
async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    let Some((session, moderator)) = current_session(&state, &headers).await? else {
        return Ok(redirect("/dashboard"));
    };
    if foreign_origin(&headers) || !csrf_ok(&session, &parse_form(&body)) {
        return Ok(csrf_failure());
    }
    state.store().delete_session(&session.token_hash).await?;
    state
        .store()
        .log_event(&moderator.username, "logout", None, "", now_millis())
        .await?;
    let mut r = redirect("/dashboard");
    r.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static(
            "didgah_session=; HttpOnly; SameSite=Strict; Path=/dashboard; Max-Age=0",
        ),
    );
    Ok(r)
}

fn csrf_failure() -> Response {
    message_page(
        StatusCode::FORBIDDEN,
        "درخواست نامعتبر",
        "این فرم کهنه است یا از جای دیگری فرستاده شده؛ صفحه داشبورد را دوباره باز کنید.",
    )
}

/// Only redirects back into the dashboard.
fn safe_return(target: Option<&str>) -> String {
    match target {
        Some(t) if t.starts_with("/dashboard") && !t.contains("//") && !t.contains('\\') => {
            t.to_owned()
        }
        _ => "/dashboard".to_owned(),
    }
}

/// `POST /dashboard/decide`: one comment (`one=approve:ID` / `one=reject:ID`, reason in
/// `reason-ID`) or the checked ones (`action=approve|reject`, `ids=…`, `reason`).
async fn decide(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    let Some((session, moderator)) = current_session(&state, &headers).await? else {
        return Ok(redirect("/dashboard"));
    };
    let form = parse_form(&body);
    if foreign_origin(&headers) || !csrf_ok(&session, &form) {
        return Ok(csrf_failure());
    }
    let back = safe_return(form_value(&form, "return"));
    let parse_decision = |s: &str| match s {
        "approve" => Some(Decision::Approve),
        "reject" => Some(Decision::Reject),
        _ => None,
    };
    let (decision, ids, reason) = if let Some(one) = form_value(&form, "one") {
        let parsed = one
            .split_once(':')
            .and_then(|(d, id)| Some((parse_decision(d)?, id.parse::<i64>().ok()?)));
        let Some((decision, id)) = parsed else {
            return Ok(message_page(
                StatusCode::BAD_REQUEST,
                "درخواست نامعتبر",
                "دکمه تصمیم خوانده نشد.",
            ));
        };
        let reason = form_value(&form, &format!("reason-{id}")).map(str::to_owned);
        (decision, vec![id], reason)
    } else {
        let Some(decision) = form_value(&form, "action").and_then(parse_decision) else {
            return Ok(message_page(
                StatusCode::BAD_REQUEST,
                "درخواست نامعتبر",
                "تصمیمی انتخاب نشده است.",
            ));
        };
        let ids: Vec<i64> = form
            .iter()
            .filter(|(k, _)| k == "ids")
            .filter_map(|(_, v)| v.parse().ok())
            .collect();
        if ids.is_empty() {
            return Ok(redirect(&back));
        }
        let reason = form_value(&form, "reason_text")
            .filter(|t| !t.trim().is_empty())
            .or_else(|| form_value(&form, "reason"))
            .map(str::to_owned);
        (decision, ids, reason)
    };
    if ids.len() > MAX_BULK {
        return Ok(message_page(
            StatusCode::BAD_REQUEST,
            "درخواست نامعتبر",
            &format!("در هر بار حداکثر {MAX_BULK} دیدگاه را می‌توان انتخاب کرد."),
        ));
    }
    let reason = reason
        .map(|r| r.trim().chars().take(MAX_REASON).collect::<String>())
        .filter(|r| !r.is_empty());
    if decision == Decision::Reject && reason.is_none() {
        return Ok(message_page(
            StatusCode::BAD_REQUEST,
            "دلیل لازم است",
            "برای رد دیدگاه، دلیل آن را انتخاب کنید.",
        ));
    }
    // The store decides only on the moderator's sites anyway; here the moderator is told why.
    if !moderator.sites.is_empty() {
        for &id in &ids {
            if let Some(c) = state.store().comment(id).await?
                && !moderator.may_moderate(&c.site_id)
            {
                return Ok(message_page(
                    StatusCode::FORBIDDEN,
                    "دسترسی ندارید",
                    &format!(
                        "دیدگاه #{id} در سایت «{}» است و مدیریت آن سایت با شما نیست.",
                        c.site_id
                    ),
                ));
            }
        }
    }
    state
        .store()
        .decide(
            &ids,
            decision,
            reason.as_deref(),
            &moderator.username,
            now_millis(),
        )
        .await?;
    Ok(redirect(&back))
}

/// Which queue a page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    /// Flagged, then pending: the work queue.
    Todo,
    One(Status),
}

impl View {
    fn parse(s: Option<&str>) -> View {
        match s.and_then(Status::parse) {
            Some(status) => View::One(status),
            None => View::Todo,
        }
    }

    fn key(self) -> &'static str {
        match self {
            View::Todo => "todo",
            View::One(s) => s.as_str(),
        }
    }
}

fn status_label(status: Status) -> &'static str {
    match status {
        Status::Pending => "در انتظار",
        Status::Flagged => "پرچم‌خورده",
        Status::Approved => "تاییدشده",
        Status::Rejected => "ردشده",
    }
}

/// The reason preselected for rejecting, from what the rules found.
fn suggested_reason(report: &Report) -> &'static str {
    let mut worst: Option<(&didgah_rules::Finding, f32)> = None;
    for f in report.findings() {
        if worst.is_none_or(|(_, s)| f.score > s) {
            worst = Some((f, f.score));
        }
    }
    match worst.map(|(f, _)| f) {
        Some(f) if f.rule == Rule::Abuse && f.code.contains("insult") => REASONS[1],
        Some(f) if f.rule == Rule::Abuse => REASONS[0],
        Some(f) if f.rule == Rule::Persian => REASONS[2],
        Some(f) if f.code.contains("spam") || f.code.contains("link") => REASONS[4],
        Some(_) => REASONS[3],
        None => REASONS[6],
    }
}

fn reason_options(selected: &str) -> String {
    REASONS
        .iter()
        .map(|r| {
            format!(
                "<option{}>{}</option>",
                if *r == selected { " selected" } else { "" },
                escape(r)
            )
        })
        .collect()
}

fn query_string(view: View, site: Option<&str>, article: Option<&str>, page: i64) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    q.append_pair("view", view.key());
    if let Some(s) = site {
        q.append_pair("site", s);
    }
    if let Some(a) = article {
        q.append_pair("article", a);
    }
    if page > 1 {
        q.append_pair("page", &page.to_string());
    }
    format!("/dashboard?{}", q.finish())
}

fn header_bar(moderator: &Moderator, session: &Session, nav: &str) -> String {
    format!(
        "<header class=\"top\"><h1>دیدگاه — مدیریت</h1><nav>{nav}</nav>\
         <form method=\"post\" action=\"/dashboard/logout\" class=\"logout\">\
         <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
         <span class=\"who\">{user}</span> <button type=\"submit\">خروج</button></form></header>",
        csrf = escape(&session.csrf),
        user = escape(&moderator.username),
    )
}

fn comment_item(c: &StoredComment) -> String {
    let findings: Vec<_> = c.server_report.findings().collect();
    let title = if c.title.is_empty() {
        String::new()
    } else {
        format!(
            "<h3 class=\"title\">{}</h3>",
            highlight(&c.title, Field::Title, findings.iter().copied())
        )
    };
    let client = match &c.client_report {
        Some(r) if r.outcome != c.server_report.outcome => format!(
            "<p class=\"client\">ارزیابی مرورگر خواننده: {} (سرور: {})</p>",
            outcome_str(r.outcome),
            outcome_str(c.server_report.outcome)
        ),
        _ => String::new(),
    };
    let decided = match (&c.decided_by, c.decided_at) {
        (Some(by), Some(at)) => format!(
            "<p class=\"decided\">{} توسط {} در <time>{}</time>{}</p>",
            status_label(c.status),
            escape(by),
            rfc3339(at),
            c.reason
                .as_ref()
                .map(|r| format!(" — دلیل: {}", escape(r)))
                .unwrap_or_default()
        ),
        _ => String::new(),
    };
    let id = c.id;
    format!(
        "<li class=\"comment status-{status}\" id=\"c-{id}\" data-id=\"{id}\" tabindex=\"-1\">\
         <div class=\"meta\"><input type=\"checkbox\" name=\"ids\" value=\"{id}\" aria-label=\"انتخاب دیدگاه {id}\">\
         <span class=\"badge {status}\">{label}</span> <span>#{id}</span> · <span>{site}</span> / <span dir=\"ltr\">{article}</span> · \
         <span class=\"name\">{name}</span>{verified} · <span class=\"email\" dir=\"ltr\">{email}</span> · <time>{created}</time></div>\
         {title}<div class=\"text\">{text}</div>{findings}{client}{decided}\
         <div class=\"actions\"><button type=\"submit\" class=\"approve\" name=\"one\" value=\"approve:{id}\">تایید</button>\
         <select name=\"reason-{id}\" aria-label=\"دلیل رد\">{reasons}</select>\
         <button type=\"submit\" class=\"reject\" name=\"one\" value=\"reject:{id}\">رد</button></div></li>",
        status = c.status.as_str(),
        label = status_label(c.status),
        site = escape(&c.site_id),
        article = escape(&c.article_id),
        name = highlight(&c.name, Field::Name, findings.iter().copied()),
        verified = if c.verified_user {
            " <span class=\"verified\" title=\"کاربر واردشده\">✓</span>"
        } else {
            ""
        },
        email = escape(&c.email),
        created = rfc3339(c.created_at),
        text = highlight(&c.text, Field::Text, findings.iter().copied()),
        findings = findings_list(&c.server_report),
        reasons = reason_options(
            c.reason
                .as_deref()
                .unwrap_or(suggested_reason(&c.server_report))
        ),
    )
}

/// `GET /dashboard`: the login form, or the queue.
async fn queue_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let params: HashMap<String, String> = crate::api::query_params(query);
    let Some((session, moderator)) = current_session(&state, &headers).await? else {
        return Ok(html_response(StatusCode::OK, login_form(None)));
    };
    let view = View::parse(params.get("view").map(String::as_str));
    let site = params
        .get("site")
        .map(|s| s.trim())
        .filter(|s| !s.is_empty());
    let article = params
        .get("article")
        .map(|s| s.trim())
        .filter(|s| !s.is_empty());
    let page_no = params
        .get("page")
        .and_then(|p| p.parse::<i64>().ok())
        .filter(|p| (1..=1_000_000).contains(p))
        .unwrap_or(1);
    if let Some(site) = site.filter(|s| !moderator.may_moderate(s)) {
        return Ok(message_page(
            StatusCode::FORBIDDEN,
            "دسترسی ندارید",
            &format!("مدیریت دیدگاه‌های سایت «{site}» با شما نیست."),
        ));
    }
    let counts = state
        .store()
        .status_counts(site, article, &moderator.sites, Some(COUNT_CAP))
        .await?;
    let statuses = match view {
        View::Todo => vec![Status::Flagged, Status::Pending],
        View::One(s) => vec![s],
    };
    let total: i64 = statuses.iter().map(|s| counts.get(*s)).sum();
    let comments = state
        .store()
        .queue(&QueueQuery {
            statuses,
            site_id: site.map(str::to_owned),
            article_id: article.map(str::to_owned),
            sites: moderator.sites.clone(),
            limit: PAGE_SIZE,
            offset: (page_no - 1) * PAGE_SIZE,
            newest_first: matches!(view, View::One(Status::Approved | Status::Rejected)),
        })
        .await?;

    let mut nav = String::new();
    let tabs = [
        (View::Todo, "برای بررسی", counts.flagged + counts.pending),
        (View::One(Status::Flagged), "پرچم‌خورده", counts.flagged),
        (View::One(Status::Pending), "در انتظار", counts.pending),
        (View::One(Status::Approved), "تاییدشده", counts.approved),
        (View::One(Status::Rejected), "ردشده", counts.rejected),
    ];
    for (v, label, n) in tabs {
        let _ = write!(
            nav,
            "<a href=\"{}\"{}>{label} <span class=\"count\">{}</span></a>",
            escape(&query_string(v, site, article, 1)),
            if v == view {
                " aria-current=\"page\""
            } else {
                ""
            },
            count_label(n)
        );
    }
    nav.push_str("<a href=\"/dashboard/audit\">گزارش رویدادها</a>");

    let sites = state.sites().await?;
    let mut site_options = String::from("<option value=\"\">همه سایت‌ها</option>");
    for s in sites.iter().filter(|s| moderator.may_moderate(&s.id)) {
        let _ = write!(
            site_options,
            "<option value=\"{v}\"{sel}>{v}</option>",
            v = escape(&s.id),
            sel = if Some(s.id.as_str()) == site {
                " selected"
            } else {
                ""
            }
        );
    }
    let filters = format!(
        "<form class=\"filters\" method=\"get\" action=\"/dashboard\">\
         <input type=\"hidden\" name=\"view\" value=\"{view}\">\
         <label>سایت <select name=\"site\">{site_options}</select></label>\
         <label>خبر <input name=\"article\" value=\"{article}\" dir=\"ltr\" placeholder=\"شناسه خبر\"></label>\
         <button type=\"submit\">اعمال فیلتر</button></form>",
        view = view.key(),
        article = escape(article.unwrap_or("")),
    );
    let this_page = query_string(view, site, article, page_no);
    let mut items = String::new();
    for c in &comments {
        items.push_str(&comment_item(c));
    }
    let list = if items.is_empty() {
        "<p class=\"empty\">دیدگاهی در این فهرست نیست.</p>".to_owned()
    } else {
        format!("<ol class=\"comments\">{items}</ol>")
    };
    let mut pager = String::new();
    if page_no > 1 {
        let _ = write!(
            pager,
            "<a rel=\"prev\" href=\"{}\">صفحه قبل</a> ",
            escape(&query_string(view, site, article, page_no - 1))
        );
    }
    if comments.len() as i64 == PAGE_SIZE && (page_no * PAGE_SIZE < total || total >= COUNT_CAP) {
        let _ = write!(
            pager,
            "<a rel=\"next\" href=\"{}\">صفحه بعد</a>",
            escape(&query_string(view, site, article, page_no + 1))
        );
    }
    let body = format!(
        "{header}<main>{filters}\
         <p class=\"hotkeys\">کلیدها: <kbd>j</kbd>/<kbd>k</kbd> بعدی/قبلی، <kbd>a</kbd> تایید، <kbd>r</kbd> رد با دلیل انتخاب‌شده، \
         <kbd>x</kbd> انتخاب، <kbd>A</kbd>/<kbd>R</kbd> تایید/رد انتخاب‌شده‌ها</p>\
         <form id=\"queue\" method=\"post\" action=\"/dashboard/decide\">\
         <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
         <input type=\"hidden\" name=\"return\" value=\"{ret}\">\
         <div class=\"bulk\"><label><input type=\"checkbox\" id=\"select-all\"> انتخاب همه</label>\
         <select name=\"reason\" aria-label=\"دلیل رد گروهی\">{bulk_reasons}</select>\
         <input name=\"reason_text\" placeholder=\"یا دلیل دیگر\" aria-label=\"دلیل دیگر\">\
         <button type=\"submit\" name=\"action\" value=\"approve\" class=\"approve\">تایید انتخاب‌شده‌ها</button>\
         <button type=\"submit\" name=\"action\" value=\"reject\" class=\"reject\">رد انتخاب‌شده‌ها</button></div>\
         {list}</form><nav class=\"pages\">{pager}</nav></main>",
        header = header_bar(&moderator, &session, &nav),
        csrf = escape(&session.csrf),
        ret = escape(&this_page),
        bulk_reasons = reason_options(REASONS[0]),
    );
    Ok(html_response(StatusCode::OK, page("صف بررسی", &body)))
}

/// `GET /dashboard/audit`: who decided what, and when; logins too.
async fn audit_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let params: HashMap<String, String> = crate::api::query_params(query);
    let Some((session, moderator)) = current_session(&state, &headers).await? else {
        return Ok(redirect("/dashboard"));
    };
    let page_no = params
        .get("page")
        .and_then(|p| p.parse::<i64>().ok())
        .filter(|p| (1..=1_000_000).contains(p))
        .unwrap_or(1);
    let entries = state
        .store()
        .audit_log(PAGE_SIZE + 1, (page_no - 1) * PAGE_SIZE, Some(&moderator))
        .await?;
    let more = entries.len() as i64 > PAGE_SIZE;
    let mut rows = String::new();
    for e in entries.iter().take(PAGE_SIZE as usize) {
        let _ = write!(
            rows,
            "<tr><td><time>{}</time></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            rfc3339(e.at),
            escape(&e.moderator),
            escape(&e.action),
            e.comment_id.map(|id| format!("#{id}")).unwrap_or_default(),
            escape(&e.detail)
        );
    }
    let mut pager = String::new();
    if page_no > 1 {
        let _ = write!(
            pager,
            "<a rel=\"prev\" href=\"/dashboard/audit?page={}\">صفحه قبل</a> ",
            page_no - 1
        );
    }
    if more {
        let _ = write!(
            pager,
            "<a rel=\"next\" href=\"/dashboard/audit?page={}\">صفحه بعد</a>",
            page_no + 1
        );
    }
    let nav = "<a href=\"/dashboard\">صف بررسی</a><a href=\"/dashboard/audit\" aria-current=\"page\">گزارش رویدادها</a>";
    let body = format!(
        "{}<main><h2>گزارش رویدادها</h2><table class=\"audit\"><thead><tr><th>زمان</th><th>مدیر</th><th>کار</th><th>دیدگاه</th><th>جزئیات</th></tr></thead><tbody>{rows}</tbody></table><nav class=\"pages\">{pager}</nav></main>",
        header_bar(&moderator, &session, nav)
    );
    Ok(html_response(StatusCode::OK, page("گزارش رویدادها", &body)))
}
