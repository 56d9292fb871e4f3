//! Storage: one async trait, two backends. SQLite ([`sqlite`]) is the embedded default — a file
//! created on first start; PostgreSQL ([`postgres`]) is the scale-out path, where any number of
//! server processes share one database. [`open`] picks the backend from the URL.
//!
//! Architecture invariant: everything that must be shared between server processes (sessions,
//! rate-limit counters, lockouts, the IP-hash salt) lives in the database, never in process
//! memory. The SQL is portable between the two backends and lives once, in [`sql`]; each backend
//! module owns its connection settings and its embedded migrations.

use std::collections::HashMap;
use std::sync::Arc;

use async_trait::async_trait;
use didgah_rules::Article;

use crate::model::*;

pub mod postgres;
mod sql;
pub mod sqlite;

/// A storage failure. Never the client's fault: the API logs it and answers a bare 500.
#[derive(Debug)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "storage error: {}", self.0)
    }
}

impl std::error::Error for StoreError {}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        StoreError(e.to_string())
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(e: sqlx::migrate::MigrateError) -> Self {
        StoreError(format!("migration failed: {e}"))
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError(format!("stored JSON is unreadable: {e}"))
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Counts of comments per status, for the dashboard's tabs and the queue-depth metric.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusCounts {
    pub pending: i64,
    pub flagged: i64,
    pub approved: i64,
    pub rejected: i64,
}

impl StatusCounts {
    pub fn get(&self, status: Status) -> i64 {
        match status {
            Status::Pending => self.pending,
            Status::Flagged => self.flagged,
            Status::Approved => self.approved,
            Status::Rejected => self.rejected,
        }
    }
}

/// Everything the server keeps. Implemented by [`sqlite::SqliteStore`] and
/// [`postgres::PgStore`]; the story tests run the same scenarios against both.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// `"sqlite"` or `"postgres"`.
    fn backend(&self) -> &'static str;
    /// Answers when the database does (health checks).
    async fn ping(&self) -> Result<()>;

    // Sites and articles.
    async fn upsert_site(&self, site: &Site) -> Result<()>;
    async fn site(&self, id: &str) -> Result<Option<Site>>;
    async fn sites(&self) -> Result<Vec<Site>>;
    async fn upsert_article(&self, site_id: &str, article: &Article, now: Millis) -> Result<()>;
    /// The article and when it last changed.
    async fn article(&self, site_id: &str, id: &str) -> Result<Option<(Article, Millis)>>;
    async fn article_ids(&self, site_id: &str) -> Result<Vec<String>>;

    // Comments.
    async fn insert_comment(&self, comment: &NewComment) -> Result<Inserted>;
    async fn comment(&self, id: i64) -> Result<Option<StoredComment>>;
    /// Approved comments of one article, newest first, and their total.
    async fn approved(
        &self,
        site_id: &str,
        article_id: &str,
        limit: i64,
        offset: i64,
    ) -> Result<(i64, Vec<PublicComment>)>;
    /// Approved-comment counts for several articles (absent articles count 0).
    async fn counts(&self, site_id: &str, article_ids: &[String]) -> Result<HashMap<String, i64>>;
    /// A dashboard page: comments in `query.statuses`, in that status order.
    async fn queue(&self, query: &QueueQuery) -> Result<Vec<StoredComment>>;
    /// Comments per status. With `cap`, each count stops at `cap` (a dashboard tab shows
    /// "10000+"; counting a million approved comments exactly on every page view is wasted work).
    async fn status_counts(
        &self,
        site_id: Option<&str>,
        article_id: Option<&str>,
        sites: &[String],
        cap: Option<i64>,
    ) -> Result<StatusCounts>;
    /// Sets the status of `ids` and writes one audit entry per changed comment, atomically.
    /// Returns how many comments changed. A moderator limited to some sites (see
    /// [`set_moderator_sites`](Store::set_moderator_sites)) changes only comments on those.
    async fn decide(
        &self,
        ids: &[i64],
        decision: Decision,
        reason: Option<&str>,
        moderator: &str,
        now: Millis,
    ) -> Result<u64>;

    // Audit log.
    async fn log_event(
        &self,
        moderator: &str,
        action: &str,
        comment_id: Option<i64>,
        detail: &str,
        now: Millis,
    ) -> Result<()>;
    /// Newest first. For a `viewer` limited to some sites: the entries about comments on those
    /// sites, and the viewer's own.
    async fn audit_log(
        &self,
        limit: i64,
        offset: i64,
        viewer: Option<&Moderator>,
    ) -> Result<Vec<AuditEntry>>;

    // Moderators and sessions.
    /// `false` when the username is taken.
    async fn create_moderator(
        &self,
        username: &str,
        password_hash: &str,
        now: Millis,
    ) -> Result<bool>;
    /// Also clears a lockout. `false` when there is no such account.
    async fn set_moderator_password(&self, username: &str, password_hash: &str) -> Result<bool>;
    /// Disabling also ends the account's sessions. `false` when there is no such account.
    async fn set_moderator_disabled(&self, username: &str, disabled: bool) -> Result<bool>;
    /// Limits a moderator to `sites` (empty: every site). `false` when there is no such
    /// account; an unknown site is an error.
    async fn set_moderator_sites(&self, username: &str, sites: &[String]) -> Result<bool>;
    async fn moderator(&self, username: &str) -> Result<Option<Moderator>>;
    async fn moderators(&self) -> Result<Vec<Moderator>>;
    /// Counts a failed login; at `max_failures` the account locks until `lock_until`.
    async fn record_login_failure(
        &self,
        username: &str,
        max_failures: i64,
        lock_until: Millis,
    ) -> Result<()>;
    async fn clear_login_failures(&self, username: &str) -> Result<()>;
    async fn create_session(&self, session: &Session) -> Result<()>;
    /// A live session (not expired, account not disabled) and its moderator.
    async fn session(&self, token_hash: &str, now: Millis) -> Result<Option<(Session, Moderator)>>;
    async fn delete_session(&self, token_hash: &str) -> Result<()>;

    // Shared counters and settings.
    /// Adds one hit to each key's window starting at `window_start` and returns the windows'
    /// counts, in the order of `keys` (which must be distinct).
    async fn hit(&self, keys: &[String], window_start: Millis) -> Result<Vec<i64>>;
    /// Deletes rate-limit windows older than `before` and expired sessions.
    async fn purge(&self, before: Millis, now: Millis) -> Result<()>;
    /// Stores `value` under `key` unless a value is there; returns the stored value (so every
    /// process agrees on generated secrets).
    async fn setting_or_insert(&self, key: &str, value: &str) -> Result<String>;
}

/// How a database URL is understood.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/didgah.db";

/// Opens (creating if needed) and migrates the database at `url`: `sqlite://path`,
/// `sqlite::memory:` or `postgres://…` / `postgresql://…`.
pub async fn open(url: &str) -> Result<Arc<dyn Store>> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Arc::new(postgres::PgStore::connect(url, None).await?))
    } else if url.starts_with("sqlite:") {
        Ok(Arc::new(sqlite::SqliteStore::connect(url).await?))
    } else {
        Err(StoreError(format!(
            "unsupported database URL {url:?}: use sqlite://PATH or postgres://USER@HOST/DB"
        )))
    }
}
