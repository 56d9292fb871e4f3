//! The SQL both backends run, written once. Every statement here is valid on SQLite (3.35+) and
//! PostgreSQL: `$N` placeholders (sqlx's SQLite driver maps them by number), `ON CONFLICT`,
//! `RETURNING`, integer milliseconds for time, JSON as text. [`portable_store!`] expands the
//! [`Store`](super::Store) implementation for a backend's pool type.

use didgah_rules::Report;

use super::{Result, StoreError};
use crate::model::Status;

pub(super) const COMMENT_COLUMNS: &str = "id, site_id, article_id, name, email, title, text, \
     verified_user, client_report, server_report, status, reason, created_at, decided_at, decided_by";

pub(super) fn parse_status(s: &str) -> Result<Status> {
    Status::parse(s).ok_or_else(|| StoreError(format!("unknown comment status {s:?}")))
}

pub(super) fn parse_report(s: &str) -> Result<Report> {
    Ok(serde_json::from_str(s)?)
}

/// Expands `impl Store for $store` where `$store` has `pool` and `writer` fields of type
/// `sqlx::Pool<$db>`: reads go to `pool`, statements that write go to `writer` (on SQLite a
/// one-connection pool, so writers queue fairly in the pool instead of polling SQLite's busy
/// lock; on PostgreSQL the same pool).
macro_rules! portable_store {
    ($store:ty, $db:ty, $name:literal) => {
        use std::collections::HashMap;

        use async_trait::async_trait;
        use didgah_rules::Article;
        use sqlx::{QueryBuilder, Row};

        use $crate::model::*;
        use $crate::store::sql::{parse_report, parse_status, COMMENT_COLUMNS};
        use $crate::store::{Result, StatusCounts, Store};

        type DbRow = <$db as sqlx::Database>::Row;

        fn site_from_row(row: &DbRow) -> Result<Site> {
            let origins: String = row.try_get("origins")?;
            let policy: String = row.try_get("policy")?;
            Ok(Site {
                id: row.try_get("id")?,
                origins: serde_json::from_str(&origins)?,
                policy: serde_json::from_str(&policy)?,
                login_url: row.try_get("login_url")?,
                token_secret: row.try_get("token_secret")?,
                updated_at: row.try_get("updated_at")?,
            })
        }

        fn comment_from_row(row: &DbRow) -> Result<StoredComment> {
            let client: Option<String> = row.try_get("client_report")?;
            let server: String = row.try_get("server_report")?;
            let status: String = row.try_get("status")?;
            Ok(StoredComment {
                id: row.try_get("id")?,
                site_id: row.try_get("site_id")?,
                article_id: row.try_get("article_id")?,
                name: row.try_get("name")?,
                email: row.try_get("email")?,
                title: row.try_get("title")?,
                text: row.try_get("text")?,
                verified_user: row.try_get("verified_user")?,
                client_report: client.as_deref().map(parse_report).transpose()?,
                server_report: parse_report(&server)?,
                status: parse_status(&status)?,
                reason: row.try_get("reason")?,
                created_at: row.try_get("created_at")?,
                decided_at: row.try_get("decided_at")?,
                decided_by: row.try_get("decided_by")?,
            })
        }

        fn moderator_from_row(row: &DbRow) -> Result<Moderator> {
            Ok(Moderator {
                id: row.try_get("id")?,
                username: row.try_get("username")?,
                password_hash: row.try_get("password_hash")?,
                disabled: row.try_get("disabled")?,
                failed_logins: row.try_get("failed_logins")?,
                locked_until: row.try_get("locked_until")?,
                created_at: row.try_get("created_at")?,
                sites: Vec::new(), // filled in by `with_sites`
            })
        }

        const MODERATOR_COLUMNS: &str =
            "id, username, password_hash, disabled, failed_logins, locked_until, created_at";

        /// Adds `AND site_id = … AND article_id = … AND site_id IN (…)` for the filters that
        /// are set (`sites` empty: no such restriction).
        fn push_filters<'a>(
            qb: &mut QueryBuilder<'a, $db>,
            site_id: Option<&'a str>,
            article_id: Option<&'a str>,
            sites: &'a [String],
        ) {
            if let Some(site) = site_id {
                qb.push(" AND site_id = ").push_bind(site);
            }
            if let Some(article) = article_id {
                qb.push(" AND article_id = ").push_bind(article);
            }
            push_sites(qb, sites);
        }

        /// `AND site_id IN (…)`, or nothing for no restriction.
        fn push_sites<'a>(qb: &mut QueryBuilder<'a, $db>, sites: &'a [String]) {
            if sites.is_empty() {
                return;
            }
            qb.push(" AND site_id IN (");
            let mut list = qb.separated(", ");
            for site in sites {
                list.push_bind(site.as_str());
            }
            list.push_unseparated(")");
        }

        impl $store {
            /// The moderator with the sites they are limited to.
            async fn with_sites(&self, mut moderator: Moderator) -> Result<Moderator> {
                moderator.sites = sqlx::query_scalar(
                    "SELECT site_id FROM moderator_sites WHERE moderator_id = $1 ORDER BY site_id",
                )
                .bind(moderator.id)
                .fetch_all(&self.pool)
                .await?;
                Ok(moderator)
            }
        }

        #[async_trait]
        impl Store for $store {
            fn backend(&self) -> &'static str {
                $name
            }

            async fn ping(&self) -> Result<()> {
                sqlx::query("SELECT 1").execute(&self.pool).await?;
                Ok(())
            }

            async fn upsert_site(&self, site: &Site) -> Result<()> {
                sqlx::query(
                    "INSERT INTO sites (id, origins, policy, login_url, token_secret, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6) \
                     ON CONFLICT (id) DO UPDATE SET origins = excluded.origins, \
                     policy = excluded.policy, login_url = excluded.login_url, \
                     token_secret = excluded.token_secret, updated_at = excluded.updated_at",
                )
                .bind(&site.id)
                .bind(serde_json::to_string(&site.origins)?)
                .bind(serde_json::to_string(&site.policy)?)
                .bind(&site.login_url)
                .bind(&site.token_secret)
                .bind(site.updated_at)
                .execute(&self.writer)
                .await?;
                Ok(())
            }

            async fn site(&self, id: &str) -> Result<Option<Site>> {
                sqlx::query("SELECT * FROM sites WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await?
                    .as_ref()
                    .map(site_from_row)
                    .transpose()
            }

            async fn sites(&self) -> Result<Vec<Site>> {
                sqlx::query("SELECT * FROM sites ORDER BY id")
                    .fetch_all(&self.pool)
                    .await?
                    .iter()
                    .map(site_from_row)
                    .collect()
            }

            async fn upsert_article(&self, site_id: &str, article: &Article, now: Millis) -> Result<()> {
                sqlx::query(
                    "INSERT INTO articles (site_id, id, article, updated_at) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (site_id, id) DO UPDATE SET article = excluded.article, \
                     updated_at = excluded.updated_at",
                )
                .bind(site_id)
                .bind(&article.id)
                .bind(serde_json::to_string(article)?)
                .bind(now)
                .execute(&self.writer)
                .await?;
                Ok(())
            }

            async fn article(&self, site_id: &str, id: &str) -> Result<Option<(Article, Millis)>> {
                let Some(row) = sqlx::query(
                    "SELECT article, updated_at FROM articles WHERE site_id = $1 AND id = $2",
                )
                .bind(site_id)
                .bind(id)
                .fetch_optional(&self.pool)
                .await?
                else {
                    return Ok(None);
                };
                let json: String = row.try_get("article")?;
                Ok(Some((serde_json::from_str(&json)?, row.try_get("updated_at")?)))
            }

            async fn article_ids(&self, site_id: &str) -> Result<Vec<String>> {
                Ok(sqlx::query_scalar("SELECT id FROM articles WHERE site_id = $1 ORDER BY id")
                    .bind(site_id)
                    .fetch_all(&self.pool)
                    .await?)
            }

            async fn insert_comment(&self, c: &NewComment) -> Result<Inserted> {
                let client_outcome = c.client_report.as_ref().map(|r| outcome_str(r.outcome));
                let client_report =
                    c.client_report.as_ref().map(serde_json::to_string).transpose()?;
                let id: Option<i64> = sqlx::query_scalar(
                    "INSERT INTO comments (site_id, article_id, name, email, title, text, \
                     verified_user, ip_hash, fingerprint, client_outcome, client_report, \
                     server_outcome, server_report, status, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) \
                     ON CONFLICT (site_id, article_id, fingerprint) DO NOTHING RETURNING id",
                )
                .bind(&c.site_id)
                .bind(&c.article_id)
                .bind(&c.name)
                .bind(&c.email)
                .bind(&c.title)
                .bind(&c.text)
                .bind(c.verified_user)
                .bind(&c.ip_hash)
                .bind(&c.fingerprint)
                .bind(client_outcome)
                .bind(client_report)
                .bind(outcome_str(c.server_report.outcome))
                .bind(serde_json::to_string(&c.server_report)?)
                .bind(c.status.as_str())
                .bind(c.created_at)
                .fetch_optional(&self.writer)
                .await?;
                Ok(id.map_or(Inserted::Duplicate, Inserted::New))
            }

            async fn comment(&self, id: i64) -> Result<Option<StoredComment>> {
                sqlx::query(&format!("SELECT {COMMENT_COLUMNS} FROM comments WHERE id = $1"))
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await?
                    .as_ref()
                    .map(comment_from_row)
                    .transpose()
            }

            async fn approved(
                &self,
                site_id: &str,
                article_id: &str,
                limit: i64,
                offset: i64,
            ) -> Result<(i64, Vec<PublicComment>)> {
                let total: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM comments \
                     WHERE site_id = $1 AND article_id = $2 AND status = 'approved'",
                )
                .bind(site_id)
                .bind(article_id)
                .fetch_one(&self.pool)
                .await?;
                let rows = sqlx::query(
                    "SELECT id, name, title, text, created_at FROM comments \
                     WHERE site_id = $1 AND article_id = $2 AND status = 'approved' \
                     ORDER BY id DESC LIMIT $3 OFFSET $4",
                )
                .bind(site_id)
                .bind(article_id)
                .bind(limit)
                .bind(offset)
                .fetch_all(&self.pool)
                .await?;
                let comments = rows
                    .iter()
                    .map(|row| {
                        Ok(PublicComment {
                            id: row.try_get("id")?,
                            name: row.try_get("name")?,
                            title: row.try_get("title")?,
                            text: row.try_get("text")?,
                            created_at: rfc3339(row.try_get("created_at")?),
                        })
                    })
                    .collect::<Result<Vec<_>>>()?;
                Ok((total, comments))
            }

            async fn counts(
                &self,
                site_id: &str,
                article_ids: &[String],
            ) -> Result<HashMap<String, i64>> {
                let mut counts: HashMap<String, i64> =
                    article_ids.iter().map(|a| (a.clone(), 0)).collect();
                if article_ids.is_empty() {
                    return Ok(counts);
                }
                let mut qb = QueryBuilder::<$db>::new(
                    "SELECT article_id, COUNT(*) AS n FROM comments WHERE status = 'approved' \
                     AND site_id = ",
                );
                qb.push_bind(site_id).push(" AND article_id IN (");
                let mut list = qb.separated(", ");
                for id in article_ids {
                    list.push_bind(id);
                }
                qb.push(") GROUP BY article_id");
                for row in qb.build().fetch_all(&self.pool).await? {
                    counts.insert(row.try_get("article_id")?, row.try_get("n")?);
                }
                Ok(counts)
            }

            async fn queue(&self, query: &QueueQuery) -> Result<Vec<StoredComment>> {
                // One indexed query per status, in display order, so "flagged first" never
                // needs a sort over the whole table.
                let mut out = Vec::new();
                let mut skip = query.offset.max(0);
                let order = if query.newest_first { "DESC" } else { "ASC" };
                for (i, status) in query.statuses.iter().enumerate() {
                    let want = query.limit - out.len() as i64;
                    if want <= 0 {
                        break;
                    }
                    // Skipping past a whole earlier status needs its size; the last status
                    // takes the remaining offset directly.
                    if skip > 0 && i + 1 < query.statuses.len() {
                        let mut count = QueryBuilder::<$db>::new(
                            "SELECT COUNT(*) FROM comments WHERE status = ",
                        );
                        count.push_bind(status.as_str());
                        push_filters(
                            &mut count,
                            query.site_id.as_deref(),
                            query.article_id.as_deref(),
                            &query.sites,
                        );
                        let n: i64 = count.build_query_scalar().fetch_one(&self.pool).await?;
                        if skip >= n {
                            skip -= n;
                            continue;
                        }
                    }
                    let mut qb = QueryBuilder::<$db>::new(format!(
                        "SELECT {COMMENT_COLUMNS} FROM comments WHERE status = "
                    ));
                    qb.push_bind(status.as_str());
                    push_filters(
                        &mut qb,
                        query.site_id.as_deref(),
                        query.article_id.as_deref(),
                        &query.sites,
                    );
                    qb.push(format!(" ORDER BY id {order} LIMIT "))
                        .push_bind(want)
                        .push(" OFFSET ")
                        .push_bind(skip);
                    skip = 0;
                    for row in qb.build().fetch_all(&self.pool).await? {
                        out.push(comment_from_row(&row)?);
                    }
                }
                Ok(out)
            }

            async fn status_counts(
                &self,
                site_id: Option<&str>,
                article_id: Option<&str>,
                sites: &[String],
                cap: Option<i64>,
            ) -> Result<StatusCounts> {
                let mut counts = StatusCounts::default();
                for status in Status::ALL {
                    let mut qb = QueryBuilder::<$db>::new(
                        "SELECT COUNT(*) FROM (SELECT 1 FROM comments WHERE status = ",
                    );
                    qb.push_bind(status.as_str());
                    push_filters(&mut qb, site_id, article_id, sites);
                    if let Some(cap) = cap {
                        qb.push(" LIMIT ").push_bind(cap);
                    }
                    qb.push(") AS matching");
                    let n: i64 = qb.build_query_scalar().fetch_one(&self.pool).await?;
                    match status {
                        Status::Pending => counts.pending = n,
                        Status::Flagged => counts.flagged = n,
                        Status::Approved => counts.approved = n,
                        Status::Rejected => counts.rejected = n,
                    }
                }
                Ok(counts)
            }

            async fn decide(
                &self,
                ids: &[i64],
                decision: Decision,
                reason: Option<&str>,
                moderator: &str,
                now: Millis,
            ) -> Result<u64> {
                let status = decision.status().as_str();
                let reason = match decision {
                    Decision::Approve => None,
                    Decision::Reject => reason,
                };
                let mut tx = self.writer.begin().await?;
                let mut changed = 0;
                for &id in ids {
                    // Write first: on SQLite this takes the write lock at once, so two
                    // processes deciding together wait for each other instead of deadlocking.
                    // Only on the moderator's sites, when they are limited to some.
                    let changed_id: Option<i64> = sqlx::query_scalar(
                        "UPDATE comments SET status = $1, reason = $2, decided_at = $3, \
                         decided_by = $4 WHERE id = $5 AND (status <> $1 OR reason IS DISTINCT FROM $2) \
                         AND (NOT EXISTS (SELECT 1 FROM moderator_sites ms JOIN moderators m \
                         ON m.id = ms.moderator_id WHERE m.username = $4) \
                         OR site_id IN (SELECT ms.site_id FROM moderator_sites ms JOIN moderators m \
                         ON m.id = ms.moderator_id WHERE m.username = $4)) \
                         RETURNING id",
                    )
                    .bind(status)
                    .bind(reason)
                    .bind(now)
                    .bind(moderator)
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    if changed_id.is_none() {
                        continue;
                    }
                    changed += 1;
                    let detail = match reason {
                        Some(r) => format!("{status}: {r}"),
                        None => status.to_owned(),
                    };
                    sqlx::query(
                        "INSERT INTO audit_log (at, moderator, action, comment_id, detail) \
                         VALUES ($1, $2, $3, $4, $5)",
                    )
                    .bind(now)
                    .bind(moderator)
                    .bind(match decision {
                        Decision::Approve => "approve",
                        Decision::Reject => "reject",
                    })
                    .bind(id)
                    .bind(detail)
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok(changed)
            }

            async fn log_event(
                &self,
                moderator: &str,
                action: &str,
                comment_id: Option<i64>,
                detail: &str,
                now: Millis,
            ) -> Result<()> {
                sqlx::query(
                    "INSERT INTO audit_log (at, moderator, action, comment_id, detail) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(now)
                .bind(moderator)
                .bind(action)
                .bind(comment_id)
                .bind(detail)
                .execute(&self.writer)
                .await?;
                Ok(())
            }

            async fn audit_log(
                &self,
                limit: i64,
                offset: i64,
                viewer: Option<&Moderator>,
            ) -> Result<Vec<AuditEntry>> {
                let mut qb = QueryBuilder::<$db>::new(
                    "SELECT id, at, moderator, action, comment_id, detail FROM audit_log",
                );
                if let Some(viewer) = viewer.filter(|v| !v.sites.is_empty()) {
                    qb.push(" WHERE moderator = ")
                        .push_bind(viewer.username.as_str())
                        .push(" OR comment_id IN (SELECT id FROM comments WHERE 1 = 1");
                    push_sites(&mut qb, &viewer.sites);
                    qb.push(")");
                }
                qb.push(" ORDER BY id DESC LIMIT ")
                    .push_bind(limit)
                    .push(" OFFSET ")
                    .push_bind(offset);
                let rows = qb.build().fetch_all(&self.pool).await?;
                rows.iter()
                    .map(|row| {
                        Ok(AuditEntry {
                            id: row.try_get("id")?,
                            at: row.try_get("at")?,
                            moderator: row.try_get("moderator")?,
                            action: row.try_get("action")?,
                            comment_id: row.try_get("comment_id")?,
                            detail: row.try_get("detail")?,
                        })
                    })
                    .collect()
            }

            async fn create_moderator(
                &self,
                username: &str,
                password_hash: &str,
                now: Millis,
            ) -> Result<bool> {
                let done = sqlx::query(
                    "INSERT INTO moderators (username, password_hash, created_at) \
                     VALUES ($1, $2, $3) ON CONFLICT (username) DO NOTHING",
                )
                .bind(username)
                .bind(password_hash)
                .bind(now)
                .execute(&self.writer)
                .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn set_moderator_password(&self, username: &str, password_hash: &str) -> Result<bool> {
                let done = sqlx::query(
                    "UPDATE moderators SET password_hash = $1, failed_logins = 0, \
                     locked_until = NULL WHERE username = $2",
                )
                .bind(password_hash)
                .bind(username)
                .execute(&self.writer)
                .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn set_moderator_disabled(&self, username: &str, disabled: bool) -> Result<bool> {
                let mut tx = self.writer.begin().await?;
                let done = sqlx::query("UPDATE moderators SET disabled = $1 WHERE username = $2")
                    .bind(disabled)
                    .bind(username)
                    .execute(&mut *tx)
                    .await?;
                if disabled {
                    sqlx::query(
                        "DELETE FROM sessions WHERE moderator_id IN \
                         (SELECT id FROM moderators WHERE username = $1)",
                    )
                    .bind(username)
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok(done.rows_affected() == 1)
            }

            async fn set_moderator_sites(&self, username: &str, sites: &[String]) -> Result<bool> {
                let mut tx = self.writer.begin().await?;
                let Some(id): Option<i64> =
                    sqlx::query_scalar("SELECT id FROM moderators WHERE username = $1")
                        .bind(username)
                        .fetch_optional(&mut *tx)
                        .await?
                else {
                    return Ok(false);
                };
                sqlx::query("DELETE FROM moderator_sites WHERE moderator_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                for site in sites {
                    sqlx::query(
                        "INSERT INTO moderator_sites (moderator_id, site_id) VALUES ($1, $2) \
                         ON CONFLICT DO NOTHING",
                    )
                    .bind(id)
                    .bind(site)
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok(true)
            }

            async fn moderator(&self, username: &str) -> Result<Option<Moderator>> {
                let row = sqlx::query(&format!(
                    "SELECT {MODERATOR_COLUMNS} FROM moderators WHERE username = $1"
                ))
                .bind(username)
                .fetch_optional(&self.pool)
                .await?;
                match row {
                    Some(row) => Ok(Some(self.with_sites(moderator_from_row(&row)?).await?)),
                    None => Ok(None),
                }
            }

            async fn moderators(&self) -> Result<Vec<Moderator>> {
                let rows = sqlx::query(&format!(
                    "SELECT {MODERATOR_COLUMNS} FROM moderators ORDER BY username"
                ))
                .fetch_all(&self.pool)
                .await?;
                let mut out = Vec::with_capacity(rows.len());
                for row in &rows {
                    out.push(self.with_sites(moderator_from_row(row)?).await?);
                }
                Ok(out)
            }

            async fn record_login_failure(
                &self,
                username: &str,
                max_failures: i64,
                lock_until: Millis,
            ) -> Result<()> {
                sqlx::query(
                    "UPDATE moderators SET failed_logins = failed_logins + 1, \
                     locked_until = CASE WHEN failed_logins + 1 >= $1 THEN $2 ELSE locked_until END \
                     WHERE username = $3",
                )
                .bind(max_failures)
                .bind(lock_until)
                .bind(username)
                .execute(&self.writer)
                .await?;
                Ok(())
            }

            async fn clear_login_failures(&self, username: &str) -> Result<()> {
                sqlx::query(
                    "UPDATE moderators SET failed_logins = 0, locked_until = NULL WHERE username = $1",
                )
                .bind(username)
                .execute(&self.writer)
                .await?;
                Ok(())
            }

            async fn create_session(&self, s: &Session) -> Result<()> {
                sqlx::query(
                    "INSERT INTO sessions (token_hash, moderator_id, csrf, created_at, expires_at) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(&s.token_hash)
                .bind(s.moderator_id)
                .bind(&s.csrf)
                .bind(s.created_at)
                .bind(s.expires_at)
                .execute(&self.writer)
                .await?;
                Ok(())
            }

            async fn session(
                &self,
                token_hash: &str,
                now: Millis,
            ) -> Result<Option<(Session, Moderator)>> {
                let Some(row) = sqlx::query(
                    "SELECT s.token_hash, s.moderator_id, s.csrf, s.created_at AS s_created, \
                     s.expires_at, m.id, m.username, m.password_hash, m.disabled, m.failed_logins, \
                     m.locked_until, m.created_at \
                     FROM sessions s JOIN moderators m ON m.id = s.moderator_id \
                     WHERE s.token_hash = $1 AND s.expires_at > $2 AND m.disabled = $3",
                )
                .bind(token_hash)
                .bind(now)
                .bind(false)
                .fetch_optional(&self.pool)
                .await?
                else {
                    return Ok(None);
                };
                let session = Session {
                    token_hash: row.try_get("token_hash")?,
                    moderator_id: row.try_get("moderator_id")?,
                    csrf: row.try_get("csrf")?,
                    created_at: row.try_get("s_created")?,
                    expires_at: row.try_get("expires_at")?,
                };
                Ok(Some((session, self.with_sites(moderator_from_row(&row)?).await?)))
            }

            async fn delete_session(&self, token_hash: &str) -> Result<()> {
                sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                    .bind(token_hash)
                    .execute(&self.writer)
                    .await?;
                Ok(())
            }

            async fn hit(&self, keys: &[String], window_start: Millis) -> Result<Vec<i64>> {
                if keys.is_empty() {
                    return Ok(Vec::new());
                }
                // One statement (one commit) for all the keys of a request.
                let mut qb = QueryBuilder::<$db>::new(
                    "INSERT INTO rate_limits (key, window_start, count) ",
                );
                qb.push_values(keys, |mut row, key| {
                    row.push_bind(key).push_bind(window_start).push("1");
                });
                qb.push(
                    " ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1 \
                     RETURNING key, count",
                );
                let mut counts = HashMap::new();
                for row in qb.build().fetch_all(&self.writer).await? {
                    counts.insert(row.try_get::<String, _>("key")?, row.try_get::<i64, _>("count")?);
                }
                Ok(keys.iter().map(|k| counts.get(k).copied().unwrap_or(0)).collect())
            }

            async fn purge(&self, before: Millis, now: Millis) -> Result<()> {
                sqlx::query("DELETE FROM rate_limits WHERE window_start < $1")
                    .bind(before)
                    .execute(&self.writer)
                    .await?;
                sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
                    .bind(now)
                    .execute(&self.writer)
                    .await?;
                Ok(())
            }

            async fn setting_or_insert(&self, key: &str, value: &str) -> Result<String> {
                sqlx::query("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING")
                    .bind(key)
                    .bind(value)
                    .execute(&self.writer)
                    .await?;
                Ok(sqlx::query_scalar("SELECT value FROM settings WHERE key = $1")
                    .bind(key)
                    .fetch_one(&self.writer)
                    .await?)
            }
        }
    };
}

pub(super) use portable_store;
