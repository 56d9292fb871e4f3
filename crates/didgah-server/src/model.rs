//! The server's records: sites, comments and their states, moderators, sessions, audit entries.
//! Plain data shared by the storage backends, the API and the dashboard.

use didgah_rules::{Outcome, Policy, Report};
use serde::Serialize;

/// Milliseconds since the Unix epoch, UTC: the one time format in storage.
pub type Millis = i64;

/// The current time in [`Millis`].
pub fn now_millis() -> Millis {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as Millis
}

/// RFC 3339 (UTC) rendering of a stored time, as the public API shows it.
pub fn rfc3339(at: Millis) -> String {
    time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(at) * 1_000_000)
        .ok()
        .and_then(|t| {
            t.replace_nanosecond(0)
                .ok()?
                .format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

/// One site hosted by this server.
#[derive(Clone, PartialEq)]
pub struct Site {
    pub id: String,
    /// Origins allowed to embed the widget and call the API from a browser
    /// (`https://news.example`, no path).
    pub origins: Vec<String>,
    pub policy: Policy,
    /// Where the site's readers log in (shown by the widget), if it has accounts.
    pub login_url: Option<String>,
    /// Key for signed user tokens (see [`crate::token`]); `None` disables them.
    pub token_secret: Option<String>,
    pub updated_at: Millis,
}

impl std::fmt::Debug for Site {
    // The secret stays out of logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Site")
            .field("id", &self.id)
            .field("origins", &self.origins)
            .field("login_url", &self.login_url)
            .field(
                "token_secret",
                &self.token_secret.as_ref().map(|_| "<redacted>"),
            )
            .finish_non_exhaustive()
    }
}

/// A comment's place in the moderation workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Waiting for a moderator; no rule fired.
    Pending,
    /// Waiting for a moderator; a rule flagged it.
    Flagged,
    Approved,
    Rejected,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Flagged,
        Status::Pending,
        Status::Approved,
        Status::Rejected,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Flagged => "flagged",
            Status::Approved => "approved",
            Status::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// Stable text form of an engine outcome, for storage and metrics.
pub fn outcome_str(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Pass => "pass",
        Outcome::Flag => "flag",
        Outcome::Block => "block",
    }
}

/// A comment ready to be stored (validated, checked, not yet numbered).
#[derive(Debug, Clone)]
pub struct NewComment {
    pub site_id: String,
    pub article_id: String,
    pub name: String,
    pub email: String,
    pub title: String,
    pub text: String,
    /// The name came from a valid signed user token.
    pub verified_user: bool,
    pub ip_hash: String,
    pub fingerprint: String,
    pub client_report: Option<Report>,
    pub server_report: Report,
    pub status: Status,
    pub created_at: Millis,
}

/// A stored comment with everything moderators see.
#[derive(Debug, Clone)]
pub struct StoredComment {
    pub id: i64,
    pub site_id: String,
    pub article_id: String,
    pub name: String,
    pub email: String,
    pub title: String,
    pub text: String,
    pub verified_user: bool,
    pub client_report: Option<Report>,
    pub server_report: Report,
    pub status: Status,
    pub reason: Option<String>,
    pub created_at: Millis,
    pub decided_at: Option<Millis>,
    pub decided_by: Option<String>,
}

/// What the public sees of an approved comment: no email, no IP.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicComment {
    pub id: i64,
    pub name: String,
    pub title: String,
    pub text: String,
    pub created_at: String,
}

/// The result of storing a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inserted {
    New(i64),
    /// The same person already posted the same comment under this article.
    Duplicate,
}

/// Which comments a dashboard page lists.
#[derive(Debug, Clone, Default)]
pub struct QueueQuery {
    /// In display order: flagged before pending in the default view.
    pub statuses: Vec<Status>,
    pub site_id: Option<String>,
    pub article_id: Option<String>,
    /// Only these sites (a moderator's); empty: no such restriction.
    pub sites: Vec<String>,
    pub limit: i64,
    pub offset: i64,
    /// Oldest first (work queues) or newest first (decided lists).
    pub newest_first: bool,
}

/// A moderator's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Reject,
}

impl Decision {
    pub fn status(self) -> Status {
        match self {
            Decision::Approve => Status::Approved,
            Decision::Reject => Status::Rejected,
        }
    }
}

/// A moderator account.
#[derive(Clone)]
pub struct Moderator {
    pub id: i64,
    pub username: String,
    pub password_hash: String,
    pub disabled: bool,
    pub failed_logins: i64,
    pub locked_until: Option<Millis>,
    pub created_at: Millis,
    /// The sites this moderator may see and decide on; empty: every site.
    pub sites: Vec<String>,
}

impl Moderator {
    /// Whether this moderator may see and decide on `site_id`'s comments.
    pub fn may_moderate(&self, site_id: &str) -> bool {
        self.sites.is_empty() || self.sites.iter().any(|s| s == site_id)
    }
}

impl std::fmt::Debug for Moderator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Moderator")
            .field("id", &self.id)
            .field("username", &self.username)
            .field("disabled", &self.disabled)
            .finish_non_exhaustive()
    }
}

/// A dashboard login. The cookie holds a random token; only its hash is stored.
#[derive(Clone)]
pub struct Session {
    pub token_hash: String,
    pub moderator_id: i64,
    pub csrf: String,
    pub created_at: Millis,
    pub expires_at: Millis,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("moderator_id", &self.moderator_id)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

/// One line of the audit log: who did what, when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub id: i64,
    pub at: Millis,
    pub moderator: String,
    pub action: String,
    pub comment_id: Option<i64>,
    pub detail: String,
}

/// `value` as a JSON value, with the engine's `f32` scores and thresholds as their shortest
/// decimal (`0.8`). `serde_json::to_value` and `json!` widen an `f32` to the `f64` next to it and
/// would show site owners and API clients `0.800000011920929`; written as text first, each
/// number keeps the digits its own type needs.
pub fn json_of<T: Serialize + ?Sized>(value: &T) -> serde_json::Value {
    serde_json::to_string(value)
        .and_then(|text| serde_json::from_str(&text))
        .unwrap_or_default()
}
