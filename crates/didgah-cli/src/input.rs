//! Reading the CLI's input files — articles, policies, labelled comments — with errors that say
//! which file and which line to fix (exit code 2, never a panic).

use std::fmt;
use std::path::Path;

use didgah_rules::{Article, Policy};

/// Output format of `check` and `eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Readable text.
    Text,
    /// JSON on stdout.
    Json,
}

/// Bad input: a message for stderr. The process exits with code 2.
#[derive(Debug)]
pub struct InputError(pub String);

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Reads a whole file, or stdin for `-`.
pub fn read(path: &Path) -> Result<String, InputError> {
    if path.as_os_str() == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
            .map_err(|e| InputError(format!("cannot read stdin: {e}")))?;
        return Ok(s);
    }
    std::fs::read_to_string(path)
        .map_err(|e| InputError(format!("cannot read {}: {e}", path.display())))
}

/// Articles from a file holding either one article object or an array of them.
pub fn articles(path: &Path) -> Result<Vec<Article>, InputError> {
    let src = read(path)?;
    let value: serde_json::Value = serde_json::from_str(&src)
        .map_err(|e| InputError(format!("{} is not valid JSON: {e}", path.display())))?;
    let list = if value.is_array() {
        serde_json::from_value::<Vec<Article>>(value)
    } else {
        serde_json::from_value::<Article>(value).map(|a| vec![a])
    }
    .map_err(|e| {
        InputError(format!(
            "{} is not an article or an array of articles ({e}); expected fields id, title, lead, body, keywords",
            path.display()
        ))
    })?;
    if list.is_empty() {
        return Err(InputError(format!("{} holds no article", path.display())));
    }
    Ok(list)
}

/// The site policy from a JSON file, or the default policy.
pub fn policy(path: Option<&Path>) -> Result<Policy, InputError> {
    let Some(path) = path else {
        return Ok(Policy::default());
    };
    let src = read(path)?;
    serde_json::from_str(&src)
        .map_err(|e| InputError(format!("{} is not a valid policy: {e}", path.display())))
}
