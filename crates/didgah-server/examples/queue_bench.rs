//! Benchmark: the moderator dashboard's queue page (and the public list) with one million stored
//! comments, on SQLite or PostgreSQL.
//!
//! ```text
//! cargo run --release -p didgah-server --example queue_bench                 # SQLite, temp file
//! cargo run --release -p didgah-server --example queue_bench -- postgres://postgres@127.0.0.1:5432/test
//! cargo run --release -p didgah-server --example queue_bench -- sqlite://x.db 200000
//! ```
//!
//! Seeds N comments (default 1,000,000; 2 % flagged, 10 % pending, 10 % rejected, the rest
//! approved, over 50 articles) with one bulk SQL statement, then times full HTTP requests through
//! the router (`oneshot`, no network): the flagged-first work queue, a deep page of the approved
//! list, a filtered queue, and the public approved list of one article. PostgreSQL runs in a
//! scratch schema that is dropped afterwards.

use std::sync::Arc;
use std::time::Instant;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use didgah_rules::{Article, Checker, Comment, Policy};
use didgah_server::config::Config;
use didgah_server::model::{Session, Site, now_millis};
use didgah_server::store::postgres::PgStore;
use didgah_server::store::sqlite::SqliteStore;
use didgah_server::{AppState, Store, app, auth};
use http_body_util::BodyExt;
use tower::ServiceExt;

const SQLITE_SEED: &str = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1) \
    INSERT INTO comments (site_id, article_id, name, email, title, text, verified_user, ip_hash, \
    fingerprint, server_outcome, server_report, status, created_at) \
    SELECT 'demo', 'article-' || (i % 50), 'reader ' || i, 'r' || i || '@example.ir', '', \
    'comment text number ' || i, 0, 'bench', 'fp' || i, 'pass', $2, \
    CASE WHEN i % 50 = 0 THEN 'flagged' WHEN i % 10 = 1 THEN 'pending' \
    WHEN i % 10 = 2 THEN 'rejected' ELSE 'approved' END, $3 + i FROM n";

const PG_SEED: &str = "INSERT INTO comments (site_id, article_id, name, email, title, text, \
    verified_user, ip_hash, fingerprint, server_outcome, server_report, status, created_at) \
    SELECT 'demo', 'article-' || (i % 50), 'reader ' || i, 'r' || i || '@example.ir', '', \
    'comment text number ' || i, false, 'bench', 'fp' || i, 'pass', $2, \
    CASE WHEN i % 50 = 0 THEN 'flagged' WHEN i % 10 = 1 THEN 'pending' \
    WHEN i % 10 = 2 THEN 'rejected' ELSE 'approved' END, $3 + i \
    FROM generate_series(1, $1::bigint) AS i";

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let url = args.get(1).cloned();
    let n: i64 = args
        .get(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let dir = tempfile::tempdir().expect("temp dir");

    let report = serde_json::to_string(
        &Checker::new(&Policy::default(), &Article::default())
            .expect("default policy")
            .check(&Comment::text("x")),
    )
    .expect("json");
    let now = now_millis();
    let started = Instant::now();
    let (store, pg_schema): (Arc<dyn Store>, Option<(String, String)>) = match url.as_deref() {
        Some(u) if u.starts_with("postgres") => {
            let schema = format!("didgah_qbench_{}", std::process::id());
            let store = PgStore::connect(u, Some(&schema))
                .await
                .expect("PostgreSQL");
            let options: sqlx::postgres::PgConnectOptions = u.parse().expect("url");
            let pool =
                sqlx::PgPool::connect_with(options.options([("search_path", schema.as_str())]))
                    .await
                    .expect("pool");
            sqlx::query(PG_SEED)
                .bind(n)
                .bind(&report)
                .bind(now)
                .execute(&pool)
                .await
                .expect("seed");
            // As autovacuum would have by now (sets the visibility map for index-only scans).
            sqlx::query("VACUUM ANALYZE comments")
                .execute(&pool)
                .await
                .expect("analyze");
            (Arc::new(store), Some((u.to_owned(), schema)))
        }
        other => {
            let u = other
                .map(str::to_owned)
                .unwrap_or_else(|| format!("sqlite://{}", dir.path().join("bench.db").display()));
            let store = SqliteStore::connect(&u).await.expect("SQLite");
            let pool = sqlx::SqlitePool::connect(&u).await.expect("pool");
            sqlx::query(SQLITE_SEED)
                .bind(n)
                .bind(&report)
                .bind(now)
                .execute(&pool)
                .await
                .expect("seed");
            sqlx::query("ANALYZE")
                .execute(&pool)
                .await
                .expect("analyze");
            (Arc::new(store), None)
        }
    };
    println!(
        "{}: seeded {n} comments in {:.1} s",
        store.backend(),
        started.elapsed().as_secs_f64()
    );

    store
        .upsert_site(&Site {
            id: "demo".into(),
            origins: vec![],
            policy: Policy::default(),
            login_url: None,
            token_secret: None,
            updated_at: now,
        })
        .await
        .expect("site");
    store
        .upsert_article(
            "demo",
            &Article {
                id: "article-7".into(),
                ..Article::default()
            },
            now,
        )
        .await
        .expect("article");
    store
        .create_moderator("bench", &auth::hash_password("bench-password"), now)
        .await
        .expect("moderator");
    let moderator = store
        .moderator("bench")
        .await
        .expect("read")
        .expect("moderator");
    let token = auth::random_token(32);
    store
        .create_session(&Session {
            token_hash: auth::sha256_hex(token.as_bytes()),
            moderator_id: moderator.id,
            csrf: auth::random_token(24),
            created_at: now,
            expires_at: now + 3_600_000,
        })
        .await
        .expect("session");
    let state = AppState::new(Config::default(), store.clone())
        .await
        .expect("state");
    let cookie = format!("{}={token}", auth::COOKIE);

    for (label, uri) in [
        ("work queue (flagged first), page 1", "/dashboard"),
        (
            "approved list, page 200",
            "/dashboard?view=approved&page=200",
        ),
        (
            "work queue filtered by article",
            "/dashboard?article=article-7",
        ),
        (
            "public list of one article (20k approved)",
            "/api/articles/article-7/comments",
        ),
    ] {
        let mut times = Vec::new();
        for _ in 0..25 {
            let req = Request::get(uri)
                .header(header::COOKIE, &cookie)
                .body(Body::empty())
                .expect("request");
            let t = Instant::now();
            let response = app(state.clone()).oneshot(req).await.expect("response");
            assert_eq!(response.status(), StatusCode::OK, "{uri}");
            let _ = response.into_body().collect().await.expect("body");
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{}: {label}: p50 {:.1} ms, p99 {:.1} ms",
            store.backend(),
            percentile(&times, 0.5),
            percentile(&times, 0.99)
        );
    }

    if let Some((url, schema)) = pg_schema {
        drop(state);
        drop(store);
        PgStore::drop_schema(&url, &schema)
            .await
            .expect("drop schema");
    }
}
