-- didgah schema for SQLite (embedded default backend). Times are Unix milliseconds (UTC);
-- reports and policies are JSON text. Keep in step with ../postgres/0001_init.sql.

CREATE TABLE sites (
    id           TEXT PRIMARY KEY,
    origins      TEXT NOT NULL DEFAULT '[]',  -- JSON array of allowed embedding origins
    policy       TEXT NOT NULL,               -- didgah_rules::Policy as JSON
    login_url    TEXT,
    token_secret TEXT,                        -- HMAC key for signed user tokens
    updated_at   INTEGER NOT NULL
);

CREATE TABLE articles (
    site_id    TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    article    TEXT NOT NULL,                 -- didgah_rules::Article as JSON
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (site_id, id)
);

CREATE TABLE comments (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id        TEXT NOT NULL,
    article_id     TEXT NOT NULL,
    name           TEXT NOT NULL,
    email          TEXT NOT NULL,
    title          TEXT NOT NULL,
    text           TEXT NOT NULL,
    verified_user  INTEGER NOT NULL DEFAULT 0,
    ip_hash        TEXT NOT NULL,
    fingerprint    TEXT NOT NULL,             -- duplicate detection, see store::fingerprint
    client_outcome TEXT,
    client_report  TEXT,
    server_outcome TEXT NOT NULL,
    server_report  TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('pending', 'flagged', 'approved', 'rejected')),
    reason         TEXT,
    created_at     INTEGER NOT NULL,
    decided_at     INTEGER,
    decided_by     TEXT
);
CREATE UNIQUE INDEX comments_fingerprint ON comments (site_id, article_id, fingerprint);
CREATE INDEX comments_status ON comments (status, id);
CREATE INDEX comments_site_status ON comments (site_id, status, id);
CREATE INDEX comments_article_status ON comments (site_id, article_id, status, id);

CREATE TABLE moderators (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,              -- argon2id PHC string
    disabled      INTEGER NOT NULL DEFAULT 0,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until  INTEGER,
    created_at    INTEGER NOT NULL
);

CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,            -- SHA-256 of the cookie value, never the value
    moderator_id INTEGER NOT NULL REFERENCES moderators (id) ON DELETE CASCADE,
    csrf         TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         INTEGER NOT NULL,
    moderator  TEXT NOT NULL,
    action     TEXT NOT NULL,
    comment_id INTEGER,
    detail     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (id);

-- Fixed-window counters shared by every server process on this database.
CREATE TABLE rate_limits (
    key          TEXT NOT NULL,
    window_start INTEGER NOT NULL,
    count        INTEGER NOT NULL,
    PRIMARY KEY (key, window_start)
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
