//! The public API through `oneshot`: every way a client can get a request wrong gets a 4xx with
//! the contract's code (never a 500), CORS and preflights, the honeypot, body and rate limits,
//! signed user tokens, and the operational endpoints.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::*;
use didgah_rules::{Outcome, Policy, Report, Rule, RuleVerdict};
use didgah_server::config::Limits;
use didgah_server::token::{UserClaims, sign};
use didgah_server::{AppState, api};
use serde_json::{Value, json};

async fn state() -> (TestDb, AppState) {
    let db = sqlite().await;
    let state = seeded(db.store.clone(), config(), quiet_policy()).await;
    (db, state)
}

async fn post_raw(state: &AppState, body: &str, content_type: &str, origin: Option<&str>) -> Reply {
    let mut req = Request::post("/api/comments")
        .header(header::CONTENT_TYPE, content_type)
        .header(header::HOST, "127.0.0.1:8080");
    if let Some(o) = origin {
        req = req.header(header::ORIGIN, o);
    }
    send(state, req.body(Body::from(body.to_owned())).unwrap()).await
}

fn with(mut body: Value, key: &str, value: Value) -> Value {
    body[key] = value;
    body
}

fn without(mut body: Value, key: &str) -> Value {
    body.as_object_mut().unwrap().remove(key);
    body
}

#[tokio::test]
async fn bad_input_gets_a_clear_4xx() {
    let (_db, state) = state().await;
    let good = comment("سارا", "فضای سبز بیشتر یعنی هوای بهتر برای همه.");
    let cases: Vec<(Value, u16, &str, Option<&str>)> = vec![
        (
            without(good.clone(), "text"),
            422,
            "missing_field",
            Some("text"),
        ),
        (
            without(good.clone(), "article_id"),
            422,
            "missing_field",
            Some("article_id"),
        ),
        (
            without(good.clone(), "name"),
            422,
            "missing_field",
            Some("name"),
        ),
        (
            with(good.clone(), "name", json!("   ")),
            422,
            "missing_field",
            Some("name"),
        ),
        (
            with(good.clone(), "text", json!(42)),
            422,
            "invalid_field",
            Some("text"),
        ),
        (
            with(good.clone(), "title", json!(["x"])),
            422,
            "invalid_field",
            Some("title"),
        ),
        (
            with(good.clone(), "email", json!("not-an-email")),
            422,
            "invalid_field",
            Some("email"),
        ),
        (
            with(good.clone(), "text", json!("ب".repeat(3001))),
            422,
            "invalid_field",
            Some("text"),
        ),
        (
            with(good.clone(), "name", json!("a\u{0}b")),
            422,
            "invalid_field",
            Some("name"),
        ),
        (
            with(good.clone(), "colour", json!("blue")),
            422,
            "invalid_field",
            Some("colour"),
        ),
        (
            with(good.clone(), "article_id", json!("no such article")),
            422,
            "invalid_field",
            Some("article_id"),
        ),
        (
            with(good.clone(), "article_id", json!("missing-article")),
            404,
            "unknown_article",
            None,
        ),
        (
            with(good.clone(), "site_id", json!("other")),
            404,
            "unknown_site",
            None,
        ),
        (
            with(good.clone(), "site_id", json!("Bad Site")),
            422,
            "invalid_field",
            Some("site_id"),
        ),
        (
            with(good.clone(), "website", json!("http://spam.example")),
            400,
            "spam_trap",
            Some("website"),
        ),
        (
            with(good.clone(), "client_report", json!({"outcome": "maybe"})),
            422,
            "invalid_field",
            None,
        ),
        (
            with(good.clone(), "user_token", json!("forged.token")),
            401,
            "invalid_token",
            Some("user_token"),
        ),
    ];
    for (body, status, code, field) in cases {
        let r = post_json(&state, "/api/comments", &body).await;
        assert_eq!(r.status.as_u16(), status, "{body}: {}", r.body);
        assert_eq!(r.code(), code, "{body}");
        let error = &r.json()["error"];
        assert!(!error["message"].as_str().unwrap().is_empty());
        assert!(!error["message_en"].as_str().unwrap().is_empty());
        if let Some(field) = field {
            assert_eq!(error["field"], field, "{body}");
        }
    }

    // Not JSON at all, broken JSON, trailing garbage, wrong content type.
    let r = post_raw(&state, "name=x", "application/x-www-form-urlencoded", None).await;
    assert_eq!(
        (r.status.as_u16(), r.code().as_str()),
        (415, "unsupported_media_type")
    );
    let trailing = format!("{good} {{}}");
    for broken in ["{\"text\": ", "[1, 2", trailing.as_str(), "", "\"text\""] {
        let r = post_raw(&state, broken, "application/json", None).await;
        assert_eq!(
            (r.status.as_u16(), r.code().as_str()),
            (400, "invalid_json"),
            "{broken:?}"
        );
    }
    // Unknown API paths answer in JSON too.
    let r = get(&state, "/api/nothing-here").await;
    assert_eq!((r.status.as_u16(), r.code().as_str()), (404, "not_found"));
    // Bad query parameters.
    let r = get(
        &state,
        &format!("/api/articles/{ARTICLE}/comments?per_page=1000"),
    )
    .await;
    assert_eq!(
        (r.status.as_u16(), r.code().as_str()),
        (422, "invalid_field")
    );
    let r = get(
        &state,
        &format!("/api/articles/{ARTICLE}/comments?page=zero"),
    )
    .await;
    assert_eq!(r.json()["error"]["field"], "page");
    let r = get(&state, "/api/articles/%FF%FE/comments").await;
    assert_eq!(
        (r.status.as_u16(), r.code().as_str()),
        (422, "invalid_field"),
        "{}",
        r.body
    );
    let r = get(&state, "/api/articles/nope/comments").await;
    assert_eq!(
        (r.status.as_u16(), r.code().as_str()),
        (404, "unknown_article")
    );
    let r = get(&state, "/api/counts").await;
    assert_eq!(
        (r.status.as_u16(), r.code().as_str()),
        (422, "missing_field")
    );
    let r = get(&state, "/api/sites/nope/config").await;
    assert_eq!(
        (r.status.as_u16(), r.code().as_str()),
        (404, "unknown_site")
    );
}

#[tokio::test]
async fn stores_both_reports_and_hides_private_data() {
    let (db, state) = state().await;
    let client = Report {
        outcome: Outcome::Flag,
        rules: vec![RuleVerdict {
            rule: Rule::OnTopic,
            outcome: Outcome::Flag,
            score: 0.6,
            findings: vec![],
        }],
    };
    let body = with(
        comment("نگار", "نیمکت‌های پارک کم است."),
        "client_report",
        serde_json::to_value(&client).unwrap(),
    );
    let r = post_json(&state, "/api/comments", &body).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let stored = db
        .store
        .comment(r.json()["id"].as_i64().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.client_report, Some(client));
    assert_eq!(
        stored.server_report.rules.len(),
        3,
        "the server ran every rule itself"
    );
    assert_eq!(stored.email, "8@example.ir");
}

#[test]
fn server_verdict_decides_the_status() {
    let report = |outcome| Report {
        outcome,
        rules: vec![],
    };
    assert_eq!(
        api::verdict(&report(Outcome::Pass)).unwrap(),
        didgah_server::model::Status::Pending
    );
    assert_eq!(
        api::verdict(&report(Outcome::Flag)).unwrap(),
        didgah_server::model::Status::Flagged
    );
    let blocked = api::verdict(&report(Outcome::Block)).unwrap_err();
    assert_eq!(blocked.code(), Some("rule_blocked"));
}

#[tokio::test]
async fn body_limit_is_413() {
    let db = sqlite().await;
    let mut cfg = config();
    cfg.limits.max_body_bytes = 2048;
    let state = seeded(db.store.clone(), cfg, quiet_policy()).await;
    let r = post_json(
        &state,
        "/api/comments",
        &comment("حسن", &"پارک ".repeat(600)),
    )
    .await;
    assert_eq!((r.status.as_u16(), r.code().as_str()), (413, "too_large"));
}

#[tokio::test]
async fn per_article_rate_limit() {
    let db = sqlite().await;
    let mut cfg = config();
    cfg.limits = Limits {
        article_per_minute: 2,
        ip_per_minute: 0,
        ..Limits::default()
    };
    let state = seeded(db.store.clone(), cfg, quiet_policy()).await;
    let mut statuses = vec![];
    for i in 0..3 {
        let r = post_json(
            &state,
            "/api/comments",
            &comment(&format!("ن{i}"), &format!("پارک خوبی است {i}")),
        )
        .await;
        statuses.push(r.status.as_u16());
    }
    assert_eq!(statuses, vec![201, 201, 429]);
}

#[tokio::test]
async fn cors_allows_configured_and_own_origins_only() {
    let (_db, state) = state().await;
    let preflight = |origin: &'static str| {
        Request::options("/api/comments")
            .header(header::ORIGIN, origin)
            .header(header::HOST, "127.0.0.1:8080")
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
            .header(header::ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
            .body(Body::empty())
            .unwrap()
    };
    let ok = send(&state, preflight(ORIGIN)).await;
    assert_eq!(ok.status, StatusCode::NO_CONTENT);
    assert_eq!(ok.header("access-control-allow-origin"), Some(ORIGIN));
    assert!(
        ok.header("access-control-allow-methods")
            .unwrap()
            .contains("POST")
    );
    let own = send(&state, preflight("http://127.0.0.1:8080")).await;
    assert_eq!(
        own.header("access-control-allow-origin"),
        Some("http://127.0.0.1:8080")
    );
    let bad = send(&state, preflight("https://evil.example")).await;
    assert_eq!(
        (bad.status.as_u16(), bad.code().as_str()),
        (403, "origin_not_allowed")
    );
    assert!(bad.header("access-control-allow-origin").is_none());

    let body = comment("لیلا", "درختان پارک سایه خوبی دارند.").to_string();
    let r = post_raw(
        &state,
        &body,
        "application/json",
        Some("https://evil.example"),
    )
    .await;
    assert_eq!(
        (r.status.as_u16(), r.code().as_str()),
        (403, "origin_not_allowed")
    );
    let r = post_raw(&state, &body, "application/json", Some(ORIGIN)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(r.header("access-control-allow-origin"), Some(ORIGIN));
}

#[tokio::test]
async fn signed_user_token_names_the_reader() {
    let (db, state) = state().await;
    let exp = didgah_server::model::now_millis() / 1000 + 600;
    let claims = UserClaims {
        name: "کاربر سایت".into(),
        email: "member@news.example".into(),
        exp,
    };
    let token = sign(&claims, TOKEN_SECRET.as_bytes());
    let body = json!({"site_id": SITE, "article_id": ARTICLE, "text": "از طرف کاربر واردشده.", "user_token": token});
    let r = post_json(&state, "/api/comments", &body).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let stored = db
        .store
        .comment(r.json()["id"].as_i64().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            stored.name.as_str(),
            stored.email.as_str(),
            stored.verified_user
        ),
        ("کاربر سایت", "member@news.example", true)
    );

    let expired = sign(
        &UserClaims {
            exp: 1,
            ..claims.clone()
        },
        TOKEN_SECRET.as_bytes(),
    );
    let r = post_json(
        &state,
        "/api/comments",
        &with(body.clone(), "user_token", json!(expired)),
    )
    .await;
    assert_eq!(
        (r.status.as_u16(), r.code().as_str()),
        (401, "invalid_token")
    );
    let other_key = sign(&claims, b"someone else's key");
    let r = post_json(
        &state,
        "/api/comments",
        &with(body, "user_token", json!(other_key)),
    )
    .await;
    assert_eq!(
        (r.status.as_u16(), r.code().as_str()),
        (401, "invalid_token")
    );
}

#[tokio::test]
async fn site_config_for_the_widget() {
    let (_db, state) = state().await;
    let r = get(&state, &format!("/api/sites/{SITE}/config")).await;
    let body = r.json();
    assert_eq!(body["site"], SITE);
    assert_eq!(body["login_url"], "https://news.example/login");
    assert_eq!(
        body["limits"],
        json!({"name": 60, "title": 120, "text": 3000})
    );
    let policy: Policy = serde_json::from_value(body["policy"].clone()).expect("a Policy");
    assert_eq!(policy, quiet_policy());
    // Thresholds read as the site owner wrote them, not as the f64 next to an f32.
    assert!(
        r.body.contains(r#""block_at":0.8"#) && r.body.contains(r#""flag_at":0.5"#),
        "{}",
        r.body
    );
    assert!(!r.body.contains("0.800000"), "{}", r.body);
    assert!(
        !r.body.contains(TOKEN_SECRET),
        "the token secret never leaves the server"
    );
}

#[tokio::test]
async fn operational_endpoints() {
    let (_db, state) = state().await;
    let health = get(&state, "/healthz").await;
    assert_eq!(health.status, StatusCode::OK);
    assert_eq!(health.json()["database"], "sqlite");

    post_json(
        &state,
        "/api/comments",
        &comment("امید", "ممنون از گزارش خوب درباره پارک."),
    )
    .await;
    let metrics = get(&state, "/metrics").await;
    assert!(
        metrics
            .header("content-type")
            .unwrap()
            .starts_with("text/plain")
    );
    assert!(
        metrics.body.contains(
            "didgah_http_requests_total{method=\"POST\",route=\"/api/comments\",status=\"201\"} 1"
        ),
        "{}",
        metrics.body
    );
    assert!(
        metrics
            .body
            .contains("didgah_queue_depth{status=\"pending\"} 1")
    );
    assert!(
        metrics
            .body
            .contains("didgah_comment_outcomes_total{source=\"server\",outcome=\"pass\"} 1")
    );
    assert!(metrics.body.contains(
        "didgah_http_request_duration_seconds_bucket{route=\"/api/comments\",le=\"+Inf\"} 1"
    ));

    let openapi = get(&state, "/openapi.json").await.json();
    assert_eq!(openapi["openapi"], "3.1.0");
    for path in [
        "/api/comments",
        "/api/articles/{article_id}/comments",
        "/api/counts",
        "/dashboard/decide",
    ] {
        assert!(openapi["paths"].get(path).is_some(), "{path} documented");
    }
}

#[tokio::test]
async fn static_files_with_cors_and_mime_types() {
    let (_db, state) = state().await;
    let r = get(&state, "/www/dashboard.js").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert!(
        r.header("content-type").unwrap().contains("javascript"),
        "{:?}",
        r.header("content-type")
    );
    let r = get(&state, "/www/no-such-file.js").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

/// The server runs the engine itself: a site's own blocked word is refused with the report (so
/// the widget can mark it), a flagged word is stored as `flagged`, whatever the client claims.
#[tokio::test]
async fn server_rechecks_with_the_site_policy() {
    let db = sqlite().await;
    let mut policy = quiet_policy();
    policy.abuse.action = didgah_rules::Action::Block;
    policy.words.block = vec!["زشتک".into()];
    policy.words.flag = vec!["پرچمک".into()];
    let state = seeded(db.store.clone(), config(), policy).await;

    let text = "این مدیر زشتک است";
    let lying_client = Report {
        outcome: Outcome::Pass,
        rules: vec![],
    };
    let body = with(
        comment("آزما", text),
        "client_report",
        serde_json::to_value(&lying_client).unwrap(),
    );
    let r = post_json(&state, "/api/comments", &body).await;
    assert_eq!(
        (r.status.as_u16(), r.code().as_str()),
        (422, "rule_blocked"),
        "{}",
        r.body
    );
    let report: Report = serde_json::from_value(r.json()["report"].clone()).expect("report");
    assert_eq!(report.outcome, Outcome::Block);
    let span = report
        .findings()
        .flat_map(|f| &f.spans)
        .next()
        .expect("a span");
    assert_eq!(&text[span.start..span.end], "زشتک");
    assert_eq!(
        db.store
            .status_counts(None, None, &[], None)
            .await
            .unwrap()
            .pending,
        0,
        "nothing stored"
    );

    let r = post_json(
        &state,
        "/api/comments",
        &comment("آزما", "این طرح پرچمک است"),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(r.json()["status"], "flagged");
}
