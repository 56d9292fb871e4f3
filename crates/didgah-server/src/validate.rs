//! Checks on identifiers and addresses that arrive from readers, site owners and moderators
//! (the `regex` crate serves the server, never the widget). Each returns a message that says
//! what a valid value looks like.

use std::sync::LazyLock;

use regex::Regex;

static SITE_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z0-9](?:[a-z0-9-]{0,62})$").expect("valid regex"));
static ARTICLE_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\p{L}\p{N}_.~:/-]{1,200}$").expect("valid regex"));
static ORIGIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^https?://(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)*[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?::[0-9]{1,5})?$|^https?://\[[0-9a-fA-F:]+\](?::[0-9]{1,5})?$")
        .expect("valid regex")
});
// Pragmatic: one @, no spaces or angle brackets, a dot in the domain, no dot at either end.
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^\s@<>()\[\],;:]+@[^\s@<>()\[\],;:.]+(?:\.[^\s@<>()\[\],;:.]+)+$")
        .expect("valid regex")
});
static USERNAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-zA-Z0-9_.-]{2,40}$").expect("valid regex"));

pub fn site_id(id: &str) -> Result<(), String> {
    if SITE_ID.is_match(id) {
        Ok(())
    } else {
        Err(format!(
            "site id {id:?} must be 1-63 lowercase ASCII letters, digits or '-', starting with a letter or digit"
        ))
    }
}

pub fn article_id(id: &str) -> Result<(), String> {
    if ARTICLE_ID.is_match(id) {
        Ok(())
    } else {
        Err(format!(
            "article id {id:?} must be 1-200 letters, digits or _ . ~ : / -"
        ))
    }
}

pub fn origin(origin: &str) -> Result<(), String> {
    if ORIGIN.is_match(origin) {
        Ok(())
    } else {
        Err(format!(
            "origin {origin:?} must look like https://news.example or http://127.0.0.1:8080 (scheme, host, optional port, no path)"
        ))
    }
}

pub fn email(email: &str) -> bool {
    email.len() <= 254 && EMAIL.is_match(email)
}

pub fn username(name: &str) -> Result<(), String> {
    if USERNAME.is_match(name) {
        Ok(())
    } else {
        Err(format!(
            "username {name:?} must be 2-40 ASCII letters, digits or _ . -"
        ))
    }
}

/// A login URL for the widget: absolute http(s).
pub fn login_url(url: &str) -> Result<(), String> {
    if (url.starts_with("https://") || url.starts_with("http://"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>')
    {
        Ok(())
    } else {
        Err(format!("login URL {url:?} must be an absolute http(s) URL"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_refuses() {
        assert!(site_id("demo").is_ok());
        assert!(site_id("Demo").is_err());
        assert!(site_id("-x").is_err());
        assert!(article_id("urmia-creative-city").is_ok());
        assert!(article_id("خبر-۱۲").is_ok());
        assert!(article_id("a b").is_err());
        assert!(article_id("").is_err());
        assert!(origin("https://news.example").is_ok());
        assert!(origin("http://127.0.0.1:8080").is_ok());
        assert!(origin("https://news.example/path").is_err());
        assert!(origin("news.example").is_err());
        assert!(email("reader@example.ir"));
        assert!(email("a.b+c@mail.co.ir"));
        assert!(!email("reader@localhost"));
        assert!(!email("two@@example.ir"));
        assert!(!email("sp ace@example.ir"));
        assert!(!email("x@example."));
        assert!(username("admin").is_ok());
        assert!(username("a").is_err());
    }
}
