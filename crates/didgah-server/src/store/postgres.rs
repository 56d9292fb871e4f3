//! The PostgreSQL backend: the scale-out path. A connection pool per process; every piece of
//! shared state (sessions, rate-limit windows, lockouts, settings) is in the database, so any
//! number of server processes can serve the same sites.

use std::str::FromStr;
use std::time::Duration;

use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};

use super::StoreError;

/// Migrations, embedded in the binary (`migrations/postgres`).
fn migrator() -> Migrator {
    let mut m = Migrator::DEFAULT;
    m.migrations = vec![
        Migration::new(
            1,
            "init".into(),
            MigrationType::Simple,
            include_str!("../../migrations/postgres/0001_init.sql").into(),
            false,
        ),
        Migration::new(
            2,
            "article queue index".into(),
            MigrationType::Simple,
            include_str!("../../migrations/postgres/0002_article_index.sql").into(),
            false,
        ),
        Migration::new(
            3,
            "moderator sites".into(),
            MigrationType::Simple,
            include_str!("../../migrations/postgres/0003_moderator_sites.sql").into(),
            false,
        ),
    ]
    .into();
    m
}

/// Storage in a PostgreSQL database.
#[derive(Debug, Clone)]
pub struct PgStore {
    pool: sqlx::PgPool,
    /// The same pool: PostgreSQL handles concurrent writers itself.
    writer: sqlx::PgPool,
}

impl PgStore {
    /// Connects to `url` and runs the migrations. With `schema`, every table (and the migration
    /// bookkeeping) lives in that schema, created if missing — how tests stay out of each
    /// other's way on one database.
    pub async fn connect(url: &str, schema: Option<&str>) -> Result<Self, StoreError> {
        // Custom plans always: with prepared statements PostgreSQL otherwise switches to a
        // generic plan after five runs, and `status = $1` over a skewed column (2 % flagged,
        // 80 % approved) then scans far too much — 350 ms instead of 5 ms for the queue page at
        // a million comments.
        let mut options = PgConnectOptions::from_str(url)
            .map_err(|e| StoreError(format!("bad PostgreSQL URL: {e}")))?
            .options([("plan_cache_mode", "force_custom_plan")]);
        if let Some(schema) = schema {
            if !schema
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
            {
                return Err(StoreError(format!("bad schema name {schema:?}")));
            }
            let mut conn = sqlx::ConnectOptions::connect(&options).await?;
            sqlx::query(&format!("CREATE SCHEMA IF NOT EXISTS {schema}"))
                .execute(&mut conn)
                .await?;
            options = options.options([("search_path", schema)]);
        }
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await?;
        migrator().run(&pool).await?;
        Ok(PgStore {
            writer: pool.clone(),
            pool,
        })
    }

    /// Drops `schema` and everything in it (test clean-up).
    pub async fn drop_schema(url: &str, schema: &str) -> Result<(), StoreError> {
        if !schema
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            return Err(StoreError(format!("bad schema name {schema:?}")));
        }
        let options = PgConnectOptions::from_str(url)
            .map_err(|e| StoreError(format!("bad PostgreSQL URL: {e}")))?;
        let mut conn = sqlx::ConnectOptions::connect(&options).await?;
        sqlx::query(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
            .execute(&mut conn)
            .await?;
        Ok(())
    }
}

super::sql::portable_store!(PgStore, sqlx::Postgres, "postgres");
