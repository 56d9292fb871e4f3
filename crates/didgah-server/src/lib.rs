//! The didgah queue server (axum): the public comment API, the moderator dashboard, and storage
//! behind one trait (SQLite or PostgreSQL).
//!
//! # Entry points
//!
//! - [`app`] builds the whole router for a state (tests drive it with
//!   `tower::ServiceExt::oneshot`);
//! - [`serve`] runs it on a listener until a shutdown signal (end-to-end tests bind port 0);
//! - [`cli`] holds the `didgah serve | moderator | site | article` subcommands.
//!
//! # Architecture invariants
//!
//! - The server is the authority: every posted comment is checked again by
//!   [`didgah_rules::Checker`]; the client's report is stored, never trusted.
//! - Nothing a reader typed reaches a page as HTML: the dashboard escapes every byte
//!   ([`dashboard::html`]).
//! - No state that several server processes must share lives in memory: sessions, rate-limit
//!   windows, lockouts and the IP-hash salt are in the database. The in-memory caches (sites for
//!   5 s, compiled checkers keyed by modification time) only save work.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::middleware::from_fn_with_state;
use axum::routing::get;
use didgah_rules::{Article, Checker, PolicyError};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};

pub mod api;
pub mod auth;
pub mod cli;
pub mod config;
pub mod dashboard;
pub mod error;
pub mod extract;
pub mod metrics;
pub mod model;
pub mod openapi;
pub mod store;
pub mod token;
pub mod validate;

pub use config::Config;
pub use error::AppError;
pub use store::{Store, StoreError};

use model::{Millis, Site};

/// How long the site list is cached per process.
const SITE_CACHE_TTL: Duration = Duration::from_secs(5);

type CheckerKey = (String, String);
type CheckerEntry = (Millis, Millis, Arc<Checker>);

struct Inner {
    store: Arc<dyn Store>,
    config: Config,
    metrics: metrics::Metrics,
    ip_salt: Vec<u8>,
    sites: RwLock<Option<(Instant, Arc<Vec<Site>>)>>,
    checkers: Mutex<HashMap<CheckerKey, CheckerEntry>>,
}

/// Shared by every request: the store, the configuration, metrics and caches.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("backend", &self.0.store.backend())
            .field("config", &self.0.config)
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// Builds the state; reads (or creates, once for all processes) the IP-hash salt.
    pub async fn new(config: Config, store: Arc<dyn Store>) -> Result<Self, StoreError> {
        let salt = store
            .setting_or_insert("ip_salt", &auth::random_token(32))
            .await?;
        Ok(AppState(Arc::new(Inner {
            store,
            config,
            metrics: metrics::Metrics::default(),
            ip_salt: salt.into_bytes(),
            sites: RwLock::new(None),
            checkers: Mutex::new(HashMap::new()),
        })))
    }

    pub fn store(&self) -> &dyn Store {
        &*self.0.store
    }

    pub fn config(&self) -> &Config {
        &self.0.config
    }

    pub fn metrics(&self) -> &metrics::Metrics {
        &self.0.metrics
    }

    /// All sites (cached for a few seconds).
    pub async fn sites(&self) -> Result<Arc<Vec<Site>>, StoreError> {
        if let Some((at, sites)) = &*self.0.sites.read().unwrap_or_else(|e| e.into_inner())
            && at.elapsed() < SITE_CACHE_TTL
        {
            return Ok(sites.clone());
        }
        let sites = Arc::new(self.store().sites().await?);
        *self.0.sites.write().unwrap_or_else(|e| e.into_inner()) =
            Some((Instant::now(), sites.clone()));
        Ok(sites)
    }

    pub async fn site(&self, id: &str) -> Result<Option<Site>, StoreError> {
        Ok(self.sites().await?.iter().find(|s| s.id == id).cloned())
    }

    /// Forgets the cached site list (after this process changed a site).
    pub fn invalidate_sites(&self) {
        *self.0.sites.write().unwrap_or_else(|e| e.into_inner()) = None;
    }

    /// The salted hash under which an IP is kept (HMAC-SHA256 with the database's salt).
    pub fn ip_hash(&self, ip: Option<IpAddr>) -> String {
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.0.ip_salt).expect("HMAC takes any key length");
        mac.update(ip.map(|ip| ip.to_string()).unwrap_or_default().as_bytes());
        mac.finalize()
            .into_bytes()
            .iter()
            .take(16)
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// A checker for this site's policy and this article, rebuilt when either changed.
    pub fn checker(
        &self,
        site: &Site,
        article: &Article,
        article_updated: Millis,
    ) -> Result<Arc<Checker>, PolicyError> {
        let key = (site.id.clone(), article.id.clone());
        let mut cache = self.0.checkers.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((s, a, checker)) = cache.get(&key)
            && *s == site.updated_at
            && *a == article_updated
        {
            return Ok(checker.clone());
        }
        let checker = Arc::new(Checker::new(&site.policy, article)?);
        if cache.len() >= 4096 {
            cache.clear();
        }
        cache.insert(key, (site.updated_at, article_updated, checker.clone()));
        Ok(checker)
    }
}

/// The whole HTTP surface: `/api/*`, `/dashboard*`, `/`, `/www/*`, `/healthz`, `/metrics`,
/// `/openapi.json`.
pub fn app(state: AppState) -> Router {
    let static_dir = state.config().static_dir.clone();
    let www = tower::ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        ))
        .service(ServeDir::new(static_dir.join("www")));
    Router::new()
        .nest("/api", api::router(state.clone()))
        .merge(dashboard::router())
        .route_service("/", ServeFile::new(static_dir.join("index.html")))
        .nest_service("/www", www)
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics::handler))
        .route("/openapi.json", get(openapi::handler))
        .layer(DefaultBodyLimit::max(state.config().limits.max_body_bytes))
        .layer(axum::Extension(extract::TrustProxy(
            state.config().trust_proxy,
        )))
        .layer(from_fn_with_state(state.clone(), metrics::track))
        .layer(
            // One structured log line per request: method, path, status, latency.
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(tracing::Level::INFO))
                .on_request(())
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .with_state(state)
}

/// `GET /healthz`: 200 when the database answers, 503 otherwise.
async fn healthz(
    axum::extract::State(state): axum::extract::State<AppState>,
) -> (axum::http::StatusCode, axum::Json<serde_json::Value>) {
    match state.store().ping().await {
        Ok(_) => (
            axum::http::StatusCode::OK,
            axum::Json(serde_json::json!({"status": "ok", "database": state.store().backend()})),
        ),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                axum::Json(serde_json::json!({"status": "unavailable"})),
            )
        }
    }
}

/// Serves [`app`] on `listener` until `shutdown` resolves, then finishes the requests in flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}
