//! The server's subcommands of the `didgah` binary: `serve`, `moderator`, `site`, `article`.
//! Argument structs (clap, each option also read from its environment variable) and their logic
//! live here so the binary's `main.rs` stays a thin dispatcher.
//!
//! Exit codes: 0 success, 1 runtime failure (database, network), 2 bad input.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Subcommand};
use didgah_rules::{Article, Checker, Policy};

use crate::config::{self, Config, Overrides, SiteConfig};
use crate::model::{Site, now_millis};
use crate::store::{self, Store};
use crate::{AppState, auth, validate};

/// A failed command: the message and whether the user's input was at fault.
#[derive(Debug)]
pub enum Fail {
    /// Exit code 2.
    Input(String),
    /// Exit code 1.
    Runtime(String),
}

impl From<store::StoreError> for Fail {
    fn from(e: store::StoreError) -> Self {
        Fail::Runtime(e.to_string())
    }
}

fn finish(result: Result<(), Fail>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Fail::Input(msg)) => {
            eprintln!("didgah: {msg}");
            ExitCode::from(2)
        }
        Err(Fail::Runtime(msg)) => {
            eprintln!("didgah: {msg}");
            ExitCode::from(1)
        }
    }
}

fn runtime() -> Result<tokio::runtime::Runtime, Fail> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Fail::Runtime(format!("cannot start the async runtime: {e}")))
}

/// `didgah serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// TOML configuration file [default: ./didgah.toml, else ./demo/didgah.toml, if present].
    #[arg(long, env = "DIDGAH_CONFIG")]
    pub config: Option<PathBuf>,
    /// Listen address [default: 127.0.0.1:8080].
    #[arg(long, env = "DIDGAH_ADDR")]
    pub addr: Option<String>,
    /// sqlite://PATH or postgres://USER@HOST/DB [default: sqlite://data/didgah.db].
    #[arg(long, env = "DIDGAH_DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,
    /// Folder holding index.html and www/ [default: current folder].
    #[arg(long, env = "DIDGAH_STATIC_DIR")]
    pub static_dir: Option<PathBuf>,
}

/// Database selection for the admin commands.
#[derive(Debug, Args)]
pub struct DbArgs {
    /// TOML configuration file (only its `database_url` is used here).
    #[arg(long, env = "DIDGAH_CONFIG")]
    pub config: Option<PathBuf>,
    /// sqlite://PATH or postgres://USER@HOST/DB [default: sqlite://data/didgah.db].
    #[arg(long, env = "DIDGAH_DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,
}

impl DbArgs {
    async fn open(&self) -> Result<std::sync::Arc<dyn Store>, Fail> {
        let config = Config::load(Overrides {
            config: self.config.clone(),
            database_url: self.database_url.clone(),
            ..Overrides::default()
        })
        .map_err(Fail::Input)?;
        Ok(store::open(&config.database_url).await?)
    }
}

/// Logs go to stderr; `DIDGAH_LOG` filters (default `info`), `DIDGAH_LOG_FORMAT=json` for JSON.
fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("DIDGAH_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()));
    let _ = if std::env::var("DIDGAH_LOG_FORMAT").as_deref() == Ok("json") {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}

/// Runs the server until Ctrl-C or SIGTERM.
pub fn serve(args: ServeArgs) -> ExitCode {
    init_logging();
    finish(runtime().and_then(|rt| rt.block_on(run_serve(args))))
}

async fn run_serve(args: ServeArgs) -> Result<(), Fail> {
    let config = Config::load(Overrides {
        config: args.config,
        addr: args.addr,
        database_url: args.database_url,
        static_dir: args.static_dir,
        admin_password: std::env::var("DIDGAH_ADMIN_PASSWORD").ok(),
    })
    .map_err(Fail::Input)?;
    if let Some(file) = &config.file {
        tracing::info!(file = %file.display(), "configuration file");
    }
    let store = store::open(&config.database_url).await.map_err(|e| {
        Fail::Runtime(format!(
            "cannot open database {}: {e}",
            config::redact_url(&config.database_url)
        ))
    })?;
    apply_sites(&config, &*store).await?;
    let login_line = ensure_admin(&*store, config.admin_password.as_deref()).await?;
    if store.sites().await?.is_empty() {
        tracing::warn!("no site configured: add one with `didgah site set ID --origin …`");
    }

    let listener = tokio::net::TcpListener::bind(&config.addr)
        .await
        .map_err(|e| Fail::Runtime(format!("cannot listen on {}: {e}", config.addr)))?;
    let addr = listener
        .local_addr()
        .map_err(|e| Fail::Runtime(e.to_string()))?;
    let state = AppState::new(config, store.clone()).await?;
    {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "didgah listening on http://{addr}");
        let _ = writeln!(out, "article page: http://{addr}/");
        let _ = writeln!(out, "dashboard: http://{addr}/dashboard");
        let _ = writeln!(out, "{login_line}");
        let _ = out.flush();
    }

    // Old rate-limit windows and expired sessions are swept every few minutes.
    let sweeper = tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(300));
        loop {
            tick.tick().await;
            let now = now_millis();
            if let Err(e) = store.purge(now - 3_600_000, now).await {
                tracing::warn!(error = %e, "purge failed");
            }
        }
    });
    let result = crate::serve(listener, state, shutdown_signal()).await;
    sweeper.abort();
    tracing::info!("stopped");
    result.map_err(|e| Fail::Runtime(format!("server error: {e}")))
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

/// A site's policy from its config, checked by building a checker with it.
fn site_policy(config: &Config, site: &SiteConfig) -> Result<Policy, Fail> {
    let policy = match (&site.policy, &site.policy_file) {
        (Some(p), _) => p.clone(),
        (None, Some(path)) => config::read_policy(&config.resolve(path)).map_err(Fail::Input)?,
        (None, None) => Policy::default(),
    };
    Checker::new(&policy, &Article::default())
        .map_err(|e| Fail::Input(format!("site {:?}: {e}", site.id)))?;
    Ok(policy)
}

/// Writes the config file's sites and their articles to the database (only what changed, so a
/// second start, or a second process, does no work).
pub async fn apply_sites(config: &Config, store: &dyn Store) -> Result<(), Fail> {
    for sc in &config.sites {
        if let Some(url) = &sc.login_url {
            validate::login_url(url).map_err(Fail::Input)?;
        }
        let policy = site_policy(config, sc)?;
        let wanted = Site {
            id: sc.id.clone(),
            origins: sc.origins.clone(),
            policy,
            login_url: sc.login_url.clone(),
            token_secret: sc.token_secret.clone(),
            updated_at: now_millis(),
        };
        let current = store.site(&sc.id).await?;
        let same = current.as_ref().is_some_and(|c| {
            c.origins == wanted.origins
                && c.policy == wanted.policy
                && c.login_url == wanted.login_url
                && c.token_secret == wanted.token_secret
        });
        if !same {
            store.upsert_site(&wanted).await?;
            tracing::info!(site = %sc.id, "site configured");
        }
        if let Some(path) = &sc.articles {
            let articles = config::read_articles(&config.resolve(path)).map_err(Fail::Input)?;
            let n = import_articles(store, &sc.id, &articles).await?;
            if n > 0 {
                tracing::info!(site = %sc.id, count = n, "articles imported");
            }
        }
    }
    Ok(())
}

/// Stores the articles that are new or changed; returns how many.
async fn import_articles(
    store: &dyn Store,
    site_id: &str,
    articles: &[Article],
) -> Result<usize, Fail> {
    let mut changed = 0;
    for article in articles {
        let same = store
            .article(site_id, &article.id)
            .await?
            .is_some_and(|(stored, _)| stored == *article);
        if !same {
            store.upsert_article(site_id, article, now_millis()).await?;
            changed += 1;
        }
    }
    Ok(changed)
}

/// Makes sure the `admin` account exists; returns the line to print about logging in.
async fn ensure_admin(store: &dyn Store, password: Option<&str>) -> Result<String, Fail> {
    const ADMIN: &str = "admin";
    if let Some(password) = password {
        let existing = store.moderator(ADMIN).await?;
        let unchanged = existing
            .as_ref()
            .is_some_and(|m| auth::verify_password(password, &m.password_hash));
        if !unchanged {
            let hash = auth::hash_password(password);
            // Created here, or (if another process just created it) given the password.
            let created =
                existing.is_none() && store.create_moderator(ADMIN, &hash, now_millis()).await?;
            if !created {
                store.set_moderator_password(ADMIN, &hash).await?;
            }
        }
        return Ok("moderator login: admin / the password in DIDGAH_ADMIN_PASSWORD".to_owned());
    }
    if store.moderator(ADMIN).await?.is_some() {
        return Ok(
            "moderator login: admin (password set earlier; to reset it, start with DIDGAH_ADMIN_PASSWORD=… or run `didgah moderator password admin`)"
                .to_owned(),
        );
    }
    let generated = auth::generate_password();
    if store
        .create_moderator(ADMIN, &auth::hash_password(&generated), now_millis())
        .await?
    {
        Ok(format!(
            "moderator login: admin / {generated}   (shown only this once; stored as an argon2id hash)"
        ))
    } else {
        Ok("moderator login: admin (created by another server process just now)".to_owned())
    }
}

/// `didgah moderator …`.
#[derive(Debug, Args)]
pub struct ModeratorArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[command(subcommand)]
    pub command: ModeratorCommand,
}

#[derive(Debug, Subcommand)]
pub enum ModeratorCommand {
    /// Create an account. The password is read from stdin with --password-stdin, else generated
    /// and printed once.
    Create {
        username: String,
        #[arg(long)]
        password_stdin: bool,
    },
    /// Set a new password (stdin or generated); also clears a lockout.
    Password {
        username: String,
        #[arg(long)]
        password_stdin: bool,
    },
    /// Disable an account and end its sessions.
    Disable { username: String },
    /// Enable a disabled account.
    Enable { username: String },
    /// Limit an account to some sites (it sees and decides only their comments); with no site,
    /// lift the limit: every site.
    Sites {
        username: String,
        /// Site ids, as in `didgah site list`.
        sites: Vec<String>,
    },
    /// List accounts.
    List,
}

fn read_password(from_stdin: bool) -> Result<(String, bool), Fail> {
    if !from_stdin {
        return Ok((auth::generate_password(), true));
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| Fail::Input(format!("cannot read the password from stdin: {e}")))?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    if password.chars().count() < 10 {
        return Err(Fail::Input(
            "the password must have at least 10 characters".to_owned(),
        ));
    }
    Ok((password, false))
}

pub fn moderator(args: ModeratorArgs) -> ExitCode {
    finish(runtime().and_then(|rt| rt.block_on(run_moderator(args))))
}

async fn run_moderator(args: ModeratorArgs) -> Result<(), Fail> {
    let store = args.db.open().await?;
    let now = now_millis();
    match args.command {
        ModeratorCommand::Create {
            username,
            password_stdin,
        } => {
            validate::username(&username).map_err(Fail::Input)?;
            let (password, generated) = read_password(password_stdin)?;
            if !store
                .create_moderator(&username, &auth::hash_password(&password), now)
                .await?
            {
                return Err(Fail::Input(format!(
                    "moderator {username:?} already exists"
                )));
            }
            store
                .log_event("cli", "moderator_create", None, &username, now)
                .await?;
            if generated {
                println!("created moderator {username} with password: {password}");
            } else {
                println!("created moderator {username}");
            }
        }
        ModeratorCommand::Password {
            username,
            password_stdin,
        } => {
            let (password, generated) = read_password(password_stdin)?;
            if !store
                .set_moderator_password(&username, &auth::hash_password(&password))
                .await?
            {
                return Err(Fail::Input(format!("no moderator {username:?}")));
            }
            store
                .log_event("cli", "moderator_password", None, &username, now)
                .await?;
            if generated {
                println!("new password for {username}: {password}");
            } else {
                println!("password of {username} changed");
            }
        }
        ModeratorCommand::Disable { username } => {
            if !store.set_moderator_disabled(&username, true).await? {
                return Err(Fail::Input(format!("no moderator {username:?}")));
            }
            store
                .log_event("cli", "moderator_disable", None, &username, now)
                .await?;
            println!("disabled moderator {username}");
        }
        ModeratorCommand::Enable { username } => {
            if !store.set_moderator_disabled(&username, false).await? {
                return Err(Fail::Input(format!("no moderator {username:?}")));
            }
            store
                .log_event("cli", "moderator_enable", None, &username, now)
                .await?;
            println!("enabled moderator {username}");
        }
        ModeratorCommand::Sites { username, sites } => {
            let known: Vec<String> = store.sites().await?.into_iter().map(|s| s.id).collect();
            if let Some(unknown) = sites.iter().find(|s| !known.contains(s)) {
                return Err(Fail::Input(format!(
                    "no site {unknown:?} (known sites: {}; add one with `didgah site set`)",
                    known.join(", ")
                )));
            }
            if !store.set_moderator_sites(&username, &sites).await? {
                return Err(Fail::Input(format!("no moderator {username:?}")));
            }
            let scope = if sites.is_empty() {
                "every site".to_owned()
            } else {
                sites.join(", ")
            };
            store
                .log_event(
                    "cli",
                    "moderator_sites",
                    None,
                    &format!("{username}: {scope}"),
                    now,
                )
                .await?;
            println!("moderator {username} moderates {scope}");
        }
        ModeratorCommand::List => {
            for m in store.moderators().await? {
                let state = if m.disabled {
                    "disabled"
                } else if m.locked_until.is_some_and(|t| t > now) {
                    "locked"
                } else {
                    "active"
                };
                let sites = if m.sites.is_empty() {
                    "every site".to_owned()
                } else {
                    m.sites.join(",")
                };
                println!(
                    "{}\t{state}\t{sites}\tcreated {}",
                    m.username,
                    crate::model::rfc3339(m.created_at)
                );
            }
        }
    }
    Ok(())
}

/// `didgah site …`.
#[derive(Debug, Args)]
pub struct SiteArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[command(subcommand)]
    pub command: SiteCommand,
}

#[derive(Debug, Subcommand)]
pub enum SiteCommand {
    /// Create a site, or change the given settings of an existing one.
    Set {
        id: String,
        /// An origin allowed to embed the widget (repeat for several; replaces the list).
        #[arg(long = "origin")]
        origins: Vec<String>,
        /// Policy JSON file (didgah_rules::Policy).
        #[arg(long)]
        policy: Option<PathBuf>,
        /// Where the site's readers log in.
        #[arg(long)]
        login_url: Option<String>,
        /// File holding the secret for signed user tokens (kept out of the process list).
        #[arg(long)]
        token_secret_file: Option<PathBuf>,
        /// Turn signed user tokens off.
        #[arg(long, conflicts_with = "token_secret_file")]
        no_token_secret: bool,
    },
    /// List sites.
    List,
    /// Print a site's settings as JSON (the secret is not shown).
    Show { id: String },
}

pub fn site(args: SiteArgs) -> ExitCode {
    finish(runtime().and_then(|rt| rt.block_on(run_site(args))))
}

async fn run_site(args: SiteArgs) -> Result<(), Fail> {
    let store = args.db.open().await?;
    match args.command {
        SiteCommand::Set {
            id,
            origins,
            policy,
            login_url,
            token_secret_file,
            no_token_secret,
        } => {
            validate::site_id(&id).map_err(Fail::Input)?;
            for o in &origins {
                validate::origin(o).map_err(Fail::Input)?;
            }
            if let Some(url) = &login_url {
                validate::login_url(url).map_err(Fail::Input)?;
            }
            let existing = store.site(&id).await?;
            let created = existing.is_none();
            let mut site = existing.unwrap_or(Site {
                id: id.clone(),
                origins: Vec::new(),
                policy: Policy::default(),
                login_url: None,
                token_secret: None,
                updated_at: 0,
            });
            if !origins.is_empty() {
                site.origins = origins;
            }
            if let Some(path) = policy {
                let p = config::read_policy(&path).map_err(Fail::Input)?;
                Checker::new(&p, &Article::default()).map_err(|e| Fail::Input(e.to_string()))?;
                site.policy = p;
            }
            if login_url.is_some() {
                site.login_url = login_url;
            }
            if let Some(path) = token_secret_file {
                let secret = std::fs::read_to_string(&path)
                    .map_err(|e| Fail::Input(format!("cannot read {}: {e}", path.display())))?
                    .trim()
                    .to_owned();
                if secret.len() < 16 {
                    return Err(Fail::Input(
                        "the token secret must have at least 16 characters".into(),
                    ));
                }
                site.token_secret = Some(secret);
            }
            if no_token_secret {
                site.token_secret = None;
            }
            site.updated_at = now_millis();
            store.upsert_site(&site).await?;
            println!("{} site {id}", if created { "created" } else { "updated" });
        }
        SiteCommand::List => {
            for s in store.sites().await? {
                println!(
                    "{}\torigins: {}\tarticles: {}",
                    s.id,
                    s.origins.join(" "),
                    store.article_ids(&s.id).await?.len()
                );
            }
        }
        SiteCommand::Show { id } => {
            let s = store
                .site(&id)
                .await?
                .ok_or_else(|| Fail::Input(format!("no site {id:?}")))?;
            let json = serde_json::json!({
                "id": s.id,
                "origins": s.origins,
                "policy": crate::model::json_of(&s.policy),
                "login_url": s.login_url,
                "token_secret": s.token_secret.map(|_| "<set>"),
            });
            println!(
                "{}",
                serde_json::to_string_pretty(&json).unwrap_or_default()
            );
        }
    }
    Ok(())
}

/// `didgah article …`.
#[derive(Debug, Args)]
pub struct ArticleArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[command(subcommand)]
    pub command: ArticleCommand,
}

#[derive(Debug, Subcommand)]
pub enum ArticleCommand {
    /// Import a JSON array of articles ({id, title, lead, body, keywords}) into a site.
    Import {
        #[arg(long)]
        site: String,
        file: PathBuf,
    },
}

pub fn article(args: ArticleArgs) -> ExitCode {
    finish(runtime().and_then(|rt| rt.block_on(run_article(args))))
}

async fn run_article(args: ArticleArgs) -> Result<(), Fail> {
    let store = args.db.open().await?;
    match args.command {
        ArticleCommand::Import { site, file } => {
            if store.site(&site).await?.is_none() {
                return Err(Fail::Input(format!(
                    "no site {site:?}; create it first with `didgah site set {site} --origin …`"
                )));
            }
            let articles = config::read_articles(&file).map_err(Fail::Input)?;
            let changed = import_articles(&*store, &site, &articles).await?;
            println!(
                "imported {} articles into site {site} ({changed} new or changed)",
                articles.len()
            );
        }
    }
    Ok(())
}
