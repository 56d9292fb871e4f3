//! Configuration, parsed once at the edge into typed values: environment variables win over the
//! optional TOML file (`DIDGAH_CONFIG`), which wins over defaults.
//!
//! | variable | TOML key | default |
//! |---|---|---|
//! | `DIDGAH_ADDR` | `addr` | `127.0.0.1:8080` |
//! | `DIDGAH_DATABASE_URL` | `database_url` | `sqlite://data/didgah.db` |
//! | `DIDGAH_ADMIN_PASSWORD` | — (secrets stay out of files) | generated on first start |
//! | `DIDGAH_STATIC_DIR` | `static_dir` | `.` |
//! | `DIDGAH_CONFIG` | — | `didgah.toml`, else `demo/didgah.toml`, if present |
//!
//! The TOML file also declares sites (applied to the database at every start) and limits:
//!
//! ```toml
//! default_site = "demo"
//! trust_proxy = false            # believe X-Forwarded-For (only behind your own proxy)
//!
//! [limits]
//! max_body_bytes = 16384
//! ip_per_minute = 10             # comments per IP hash per minute; 0 = off
//! article_per_minute = 120       # comments per article per minute; 0 = off
//! login_per_minute = 10          # dashboard sign-in attempts per IP hash per minute; 0 = off
//!
//! [[sites]]
//! id = "demo"
//! origins = ["http://127.0.0.1:8080"]
//! login_url = "https://news.example/login"   # optional
//! token_secret = "…"                          # optional, for signed user tokens
//! articles = "demo/articles.json"             # imported at start (optional)
//! policy = { abuse = { action = "block", block_at = 0.8, flag_at = 0.5 } }  # optional
//! ```

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use didgah_rules::{Article, Policy};
use serde::Deserialize;

use crate::store::DEFAULT_DATABASE_URL;

/// Abuse limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Largest accepted request body, in bytes.
    pub max_body_bytes: usize,
    /// Comments one IP (hash) may post per minute, across sites; 0 turns the limit off.
    pub ip_per_minute: u32,
    /// Comments one article may receive per minute; 0 turns the limit off.
    pub article_per_minute: u32,
    /// Dashboard sign-in attempts one IP (hash) may make per minute, whatever the usernames; 0
    /// turns the limit off. Each attempt costs an Argon2 hash, and accounts lock only one by one.
    pub login_per_minute: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_body_bytes: 16 * 1024,
            ip_per_minute: 10,
            article_per_minute: 120,
            login_per_minute: 10,
        }
    }
}

/// A site as declared in the TOML file.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub id: String,
    #[serde(default)]
    pub origins: Vec<String>,
    #[serde(default)]
    pub policy: Option<Policy>,
    /// A JSON file holding the policy (instead of `policy`).
    #[serde(default)]
    pub policy_file: Option<PathBuf>,
    #[serde(default)]
    pub login_url: Option<String>,
    #[serde(default)]
    pub token_secret: Option<String>,
    /// A JSON array of articles (the eval set's `articles.json` format) imported at start.
    #[serde(default)]
    pub articles: Option<PathBuf>,
}

impl std::fmt::Debug for SiteConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SiteConfig")
            .field("id", &self.id)
            .field("origins", &self.origins)
            .field("articles", &self.articles)
            .field(
                "token_secret",
                &self.token_secret.as_ref().map(|_| "<redacted>"),
            )
            .finish_non_exhaustive()
    }
}

/// The TOML file's shape.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FileConfig {
    pub addr: Option<String>,
    pub database_url: Option<String>,
    pub static_dir: Option<PathBuf>,
    pub default_site: Option<String>,
    pub trust_proxy: Option<bool>,
    pub limits: Option<Limits>,
    pub sites: Vec<SiteConfig>,
}

/// Everything the server runs with.
#[derive(Clone)]
pub struct Config {
    pub addr: String,
    pub database_url: String,
    pub admin_password: Option<String>,
    pub static_dir: PathBuf,
    /// The site a comment without `site_id` belongs to.
    pub default_site: String,
    pub trust_proxy: bool,
    pub limits: Limits,
    pub sites: Vec<SiteConfig>,
    /// The TOML file in use, if any (relative paths inside it are resolved against the current
    /// folder first, then the file's folder).
    pub file: Option<PathBuf>,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("addr", &self.addr)
            .field("database_url", &redact_url(&self.database_url))
            .field(
                "admin_password",
                &self.admin_password.as_ref().map(|_| "<redacted>"),
            )
            .field("static_dir", &self.static_dir)
            .field("default_site", &self.default_site)
            .field("trust_proxy", &self.trust_proxy)
            .field("limits", &self.limits)
            .field("sites", &self.sites)
            .field("file", &self.file)
            .finish()
    }
}

/// A database URL with any password replaced, for logs.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            addr: "127.0.0.1:8080".into(),
            database_url: DEFAULT_DATABASE_URL.into(),
            admin_password: None,
            static_dir: PathBuf::from("."),
            default_site: "demo".into(),
            trust_proxy: false,
            limits: Limits::default(),
            sites: Vec::new(),
            file: None,
        }
    }
}

/// Values given on the command line or in the environment (clap reads both); `None` = not set.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub config: Option<PathBuf>,
    pub addr: Option<String>,
    pub database_url: Option<String>,
    pub static_dir: Option<PathBuf>,
    pub admin_password: Option<String>,
}

impl Config {
    /// Builds the configuration: overrides, then the TOML file, then defaults.
    pub fn load(over: Overrides) -> Result<Config, String> {
        let file_path = over.config.clone().or_else(|| {
            ["didgah.toml", "demo/didgah.toml"]
                .into_iter()
                .map(PathBuf::from)
                .find(|p| p.is_file())
        });
        let file = match &file_path {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| format!("cannot read config file {}: {e}", path.display()))?;
                toml::from_str::<FileConfig>(&text)
                    .map_err(|e| format!("config file {}: {e}", path.display()))?
            }
            None => FileConfig::default(),
        };
        let defaults = Config::default();
        let config = Config {
            addr: over.addr.or(file.addr).unwrap_or(defaults.addr),
            database_url: over
                .database_url
                .or(file.database_url)
                .unwrap_or(defaults.database_url),
            admin_password: over.admin_password.filter(|p| !p.is_empty()),
            static_dir: over
                .static_dir
                .or(file.static_dir)
                .unwrap_or(defaults.static_dir),
            default_site: file.default_site.unwrap_or(defaults.default_site),
            trust_proxy: file.trust_proxy.unwrap_or(false),
            limits: file.limits.unwrap_or_default(),
            sites: file.sites,
            file: file_path,
        };
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), String> {
        if self.addr.parse::<SocketAddr>().is_err() {
            return Err(format!(
                "DIDGAH_ADDR {:?} is not an address like 127.0.0.1:8080",
                self.addr
            ));
        }
        for site in &self.sites {
            crate::validate::site_id(&site.id)?;
            for origin in &site.origins {
                crate::validate::origin(origin)?;
            }
            if site.policy.is_some() && site.policy_file.is_some() {
                return Err(format!(
                    "site {:?}: give either `policy` or `policy_file`, not both",
                    site.id
                ));
            }
        }
        Ok(())
    }

    /// Resolves a path written in the config file.
    pub fn resolve(&self, path: &Path) -> PathBuf {
        if path.is_absolute() || path.exists() {
            return path.to_path_buf();
        }
        match self.file.as_deref().and_then(Path::parent) {
            Some(dir) => dir.join(path),
            None => path.to_path_buf(),
        }
    }
}

/// Reads a policy JSON file.
pub fn read_policy(path: &Path) -> Result<Policy, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read policy {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("policy {}: {e}", path.display()))
}

/// Reads a JSON array of articles (`id`, `title`, `lead`, `body`, `keywords`; other members such
/// as `url` are ignored).
pub fn read_articles(path: &Path) -> Result<Vec<Article>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read articles {}: {e}", path.display()))?;
    let articles: Vec<Article> =
        serde_json::from_str(&text).map_err(|e| format!("articles {}: {e}", path.display()))?;
    for article in &articles {
        crate::validate::article_id(&article.id)
            .map_err(|e| format!("articles {}: {e}", path.display()))?;
    }
    Ok(articles)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, text: &str) -> PathBuf {
        let path = dir.join("didgah.toml");
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn environment_wins_over_the_file_which_wins_over_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            dir.path(),
            "addr = \"127.0.0.1:9000\"\ndatabase_url = \"sqlite://from-file.db\"\n\
             [limits]\nip_per_minute = 3\n\
             [[sites]]\nid = \"news\"\norigins = [\"https://news.example\"]\n\
             policy = { abuse = { action = \"flag\", block_at = 0.9, flag_at = 0.4 } }\n",
        );
        let config = Config::load(Overrides {
            config: Some(path.clone()),
            addr: Some("127.0.0.1:7000".into()),
            ..Overrides::default()
        })
        .unwrap();
        assert_eq!(config.addr, "127.0.0.1:7000");
        assert_eq!(config.database_url, "sqlite://from-file.db");
        assert_eq!(config.limits.ip_per_minute, 3);
        assert_eq!(
            config.limits.article_per_minute,
            Limits::default().article_per_minute
        );
        let policy = config.sites[0].policy.as_ref().unwrap();
        assert_eq!(policy.abuse.action, didgah_rules::Action::Flag);
        assert_eq!(policy.persian, Policy::default().persian);
        assert_eq!(config.file.as_deref(), Some(path.as_path()));
        // Paths in the file resolve next to it when they do not exist from here.
        assert_eq!(
            config.resolve(Path::new("articles-x.json")),
            dir.path().join("articles-x.json")
        );
    }

    #[test]
    fn mistakes_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let load = |text: &str| {
            Config::load(Overrides {
                config: Some(write(dir.path(), text)),
                ..Overrides::default()
            })
            .unwrap_err()
        };
        assert!(load("adress = \"x\"").contains("unknown field `adress`"));
        assert!(load("addr = \"nowhere\"").contains("DIDGAH_ADDR"));
        assert!(load("[[sites]]\nid = \"Bad Id\"").contains("site id"));
        assert!(
            load("[[sites]]\nid = \"a\"\norigins = [\"https://x.example/path\"]")
                .contains("origin")
        );
        let missing = Config::load(Overrides {
            config: Some(dir.path().join("absent.toml")),
            ..Overrides::default()
        })
        .unwrap_err();
        assert!(missing.contains("cannot read config file"));
    }

    #[test]
    fn debug_output_hides_secrets() {
        let config = Config {
            database_url: "postgres://app:hunter2@db.internal/didgah".into(),
            admin_password: Some("hunter3".into()),
            ..Config::default()
        };
        let shown = format!("{config:?}");
        assert!(
            !shown.contains("hunter2") && !shown.contains("hunter3"),
            "{shown}"
        );
    }
}
