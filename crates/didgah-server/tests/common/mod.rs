//! Shared test fixtures: a store per backend (SQLite in a temporary folder; PostgreSQL in a
//! schema of its own, dropped afterwards), a seeded site/article/moderator, and helpers that
//! drive the router with `oneshot` the way a browser or the widget would.

#![allow(dead_code)] // each test file uses a different subset

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use didgah_rules::{Action, Article, Policy};
use didgah_server::config::{Config, Limits};
use didgah_server::model::{Site, now_millis};
use didgah_server::store::postgres::PgStore;
use didgah_server::store::sqlite::SqliteStore;
use didgah_server::{AppState, Store, app, auth};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

pub const SITE: &str = "demo";
pub const ARTICLE: &str = "city-park";
pub const ORIGIN: &str = "https://news.example";
pub const TOKEN_SECRET: &str = "a-token-secret-for-tests";
pub const ADMIN: &str = "admin";
pub const PASSWORD: &str = "correct horse battery";

/// A backend under test; dropping it removes what it created.
pub struct TestDb {
    pub store: Arc<dyn Store>,
    _dir: Option<tempfile::TempDir>,
    pg_schema: Option<(String, String)>,
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((url, schema)) = self.pg_schema.take() {
            // Drop runs outside the test's runtime: clean up on a thread of its own.
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("runtime");
                if let Err(e) = rt.block_on(PgStore::drop_schema(&url, &schema)) {
                    eprintln!("could not drop test schema {schema}: {e}");
                }
            })
            .join();
        }
    }
}

pub async fn sqlite() -> TestDb {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("didgah.db").display());
    let store = SqliteStore::connect(&url).await.expect("open SQLite");
    TestDb {
        store: Arc::new(store),
        _dir: Some(dir),
        pg_schema: None,
    }
}

/// PostgreSQL at `DIDGAH_TEST_DATABASE_URL` (default `postgres://postgres@127.0.0.1:5432/test`),
/// in a fresh schema. `None` (with a note on stderr) when it is unreachable — unless `CI=true`,
/// where that is a failure.
pub async fn postgres() -> Option<TestDb> {
    static N: AtomicU32 = AtomicU32::new(0);
    let url = std::env::var("DIDGAH_TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned());
    let schema = format!(
        "didgah_test_{}_{}_{}",
        std::process::id(),
        now_millis(),
        N.fetch_add(1, Ordering::Relaxed)
    );
    match PgStore::connect(&url, Some(&schema)).await {
        Ok(store) => Some(TestDb {
            store: Arc::new(store),
            _dir: None,
            pg_schema: Some((url, schema)),
        }),
        Err(e) => {
            if std::env::var("CI").as_deref() == Ok("true") {
                panic!("PostgreSQL is unreachable at {url} and CI=true: {e}");
            }
            eprintln!("SKIPPED: PostgreSQL story (unreachable at {url}: {e})");
            None
        }
    }
}

/// The test configuration: no rate limits unless a test asks for them.
pub fn config() -> Config {
    Config {
        limits: Limits {
            ip_per_minute: 0,
            article_per_minute: 0,
            login_per_minute: 0,
            ..Limits::default()
        },
        static_dir: std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.."),
        ..Config::default()
    }
}

/// An article written for these tests.
pub fn article() -> Article {
    Article {
        id: ARTICLE.into(),
        title: "افتتاح پارک تازه در محله شمالی شهر".into(),
        lead: "شهرداری از افتتاح پارکی با زمین بازی و مسیر دوچرخه در محله شمالی خبر داد.".into(),
        body: "پارک تازه محله شمالی با مساحت سه هکتار، زمین بازی کودکان، مسیر دوچرخه‌سواری و \
               کتابخانه‌ای کوچک دارد. مدیر فضای سبز شهر گفت نگهداری درختان پارک با مشارکت اهالی \
               انجام می‌شود."
            .into(),
        keywords: vec!["پارک".into(), "فضای سبز".into()],
    }
}

/// A policy with every rule off: tests of the server's own behaviour must not depend on what the
/// engine thinks of their sample sentences.
pub fn quiet_policy() -> Policy {
    let mut p = Policy::default();
    p.persian.action = Action::Off;
    p.on_topic.action = Action::Off;
    p.abuse.action = Action::Off;
    p
}

pub fn site(policy: Policy) -> Site {
    Site {
        id: SITE.into(),
        origins: vec![ORIGIN.into()],
        policy,
        login_url: Some("https://news.example/login".into()),
        token_secret: Some(TOKEN_SECRET.into()),
        updated_at: now_millis(),
    }
}

/// Seeds the site, the article and the `admin` moderator; builds the state.
pub async fn seeded(store: Arc<dyn Store>, config: Config, policy: Policy) -> AppState {
    store.upsert_site(&site(policy)).await.expect("site");
    store
        .upsert_article(SITE, &article(), now_millis())
        .await
        .expect("article");
    store
        .create_moderator(ADMIN, &auth::hash_password(PASSWORD), now_millis())
        .await
        .expect("moderator");
    AppState::new(config, store).await.expect("state")
}

/// An HTTP answer, read whole.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// The `error.code` of a JSON error.
    pub fn code(&self) -> String {
        self.json()["error"]["code"]
            .as_str()
            .unwrap_or("")
            .to_owned()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

pub async fn send(state: &AppState, req: Request<Body>) -> Reply {
    let response = app(state.clone()).oneshot(req).await.expect("infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

pub async fn get(state: &AppState, uri: &str) -> Reply {
    send(
        state,
        Request::get(uri).body(Body::empty()).expect("request"),
    )
    .await
}

pub async fn post_json(state: &AppState, uri: &str, body: &Value) -> Reply {
    send(
        state,
        Request::post(uri)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .expect("request"),
    )
    .await
}

/// A comment body as the widget sends it.
pub fn comment(name: &str, text: &str) -> Value {
    serde_json::json!({
        "site_id": SITE,
        "article_id": ARTICLE,
        "name": name,
        "email": format!("{}@example.ir", name.len()),
        "title": "نظر من",
        "text": text,
    })
}

/// A logged-in dashboard browser: the session cookie and the CSRF token.
pub struct Moderator {
    pub cookie: String,
    pub csrf: String,
}

pub fn form_post(uri: &str, cookie: Option<&str>, form: &[(&str, &str)]) -> Request<Body> {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form)
        .finish();
    let mut req = Request::post(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::HOST, "127.0.0.1:8080");
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    req.body(Body::from(body)).expect("request")
}

pub async fn login_as(state: &AppState, user: &str, password: &str) -> Reply {
    send(
        state,
        form_post(
            "/dashboard/login",
            None,
            &[("username", user), ("password", password)],
        ),
    )
    .await
}

/// Logs in and reads the CSRF token off the queue page.
pub async fn login(state: &AppState) -> Moderator {
    login_user(state, ADMIN, PASSWORD).await
}

/// Logs `user` in and reads the CSRF token off the queue page.
pub async fn login_user(state: &AppState, user: &str, password: &str) -> Moderator {
    let reply = login_as(state, user, password).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let set_cookie = reply.header("set-cookie").expect("session cookie");
    let cookie = set_cookie.split(';').next().expect("cookie").to_owned();
    let page = dashboard(state, &cookie, "/dashboard").await;
    let csrf = page
        .body
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("csrf token on the page")
        .to_owned();
    Moderator { cookie, csrf }
}

pub async fn dashboard(state: &AppState, cookie: &str, uri: &str) -> Reply {
    send(
        state,
        Request::get(uri)
            .header(header::COOKIE, cookie)
            .body(Body::empty())
            .expect("request"),
    )
    .await
}

/// Approves (or rejects, with a reason) one comment with its own button.
pub async fn decide(
    state: &AppState,
    m: &Moderator,
    id: i64,
    approve: bool,
    reason: &str,
) -> Reply {
    let one = format!("{}:{id}", if approve { "approve" } else { "reject" });
    let reason_key = format!("reason-{id}");
    send(
        state,
        form_post(
            "/dashboard/decide",
            Some(&m.cookie),
            &[("csrf", &m.csrf), ("one", &one), (&reason_key, reason)],
        ),
    )
    .await
}
