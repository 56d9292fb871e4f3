//! The engine's vocabulary: what goes in (comment, article, policy) and what comes out (a report
//! of verdicts and findings). Findings are data, never errors.

use serde::{Deserialize, Serialize};

/// What a reader typed. Every field is checked; the email is not part of it (never judged,
/// never shown).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Comment {
    pub name: String,
    pub title: String,
    pub text: String,
}

impl Comment {
    /// A comment with only a message body.
    pub fn text(text: impl Into<String>) -> Self {
        Comment {
            text: text.into(),
            ..Comment::default()
        }
    }
}

/// The article a comment is written under, as read from the page or stored by the site.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Article {
    pub id: String,
    pub title: String,
    pub lead: String,
    pub body: String,
    pub keywords: Vec<String>,
}

/// The three published rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    Persian,
    OnTopic,
    Abuse,
}

impl Rule {
    pub const ALL: [Rule; 3] = [Rule::Persian, Rule::OnTopic, Rule::Abuse];

    /// Stable machine name, as used in JSON and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Persian => "persian",
            Rule::OnTopic => "on_topic",
            Rule::Abuse => "abuse",
        }
    }
}

/// What happens to a comment. Ordered: `Pass < Flag < Block`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Nothing found.
    #[default]
    Pass,
    /// Goes to the moderators with a warning; the reader may send it anyway.
    Flag,
    /// The widget will not send it as is; the server refuses it.
    Block,
}

/// Which field of the comment a span points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Name,
    Title,
    Text,
}

/// A range of the field's text *as typed*, in UTF-8 byte offsets (`&field[start..end]` is the
/// offending part; both ends are on char boundaries).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub field: Field,
    pub start: usize,
    pub end: usize,
}

/// One thing a rule found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: Rule,
    /// Stable identifier of the kind of finding (`"language_arabic"`, `"spam_link"`, `"insult"`…),
    /// for metrics, tests and translations.
    pub code: String,
    pub outcome: Outcome,
    /// For the reader, in Persian: what is wrong and how to fix it.
    pub message: String,
    /// The same message in the writer's own language, when it is known and not Persian.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_native: Option<String>,
    /// Where, in the text as typed, for highlighting.
    #[serde(default)]
    pub spans: Vec<Span>,
    /// For moderators: why the rule fired (matched lexicon entry, measured rates…).
    #[serde(default)]
    pub evidence: String,
    /// Confidence in `0.0..=1.0`.
    pub score: f32,
}

/// One rule's verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleVerdict {
    pub rule: Rule,
    pub outcome: Outcome,
    /// The rule's violation score in `0.0..=1.0` (0 = clearly fine).
    pub score: f32,
    pub findings: Vec<Finding>,
}

/// The engine's answer for one comment: one verdict per rule, and the worst of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub outcome: Outcome,
    pub rules: Vec<RuleVerdict>,
}

impl Report {
    /// The verdict of one rule.
    pub fn rule(&self, rule: Rule) -> Option<&RuleVerdict> {
        self.rules.iter().find(|v| v.rule == rule)
    }

    /// Every finding of every rule.
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.rules.iter().flat_map(|v| v.findings.iter())
    }
}

/// What a site does when a rule is broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Refuse the comment.
    Block,
    /// Accept it, flagged for moderators.
    Flag,
    /// Do not run the rule.
    Off,
}

/// A site's policy for one rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulePolicy {
    /// What a confident violation does.
    pub action: Action,
    /// Score at or above which the rule's `action` applies.
    pub block_at: f32,
    /// Score at or above which the comment is at least flagged.
    pub flag_at: f32,
}

/// Site-specific words. Entries are normalised the same way comments are, so a site writes each
/// word once, in its plain spelling.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WordLists {
    /// Always a blocking abuse finding.
    pub block: Vec<String>,
    /// Always at least a flag.
    pub flag: Vec<String>,
    /// Never a finding, even when a built-in lexicon has it (e.g. a local surname).
    pub allow: Vec<String>,
}

/// A site's rules, as JSON: one format for the widget and the server.
///
/// ```json
/// {"persian":  {"action": "block", "block_at": 0.8, "flag_at": 0.5},
///  "on_topic": {"action": "flag",  "block_at": 0.8, "flag_at": 0.5},
///  "abuse":    {"action": "block", "block_at": 0.8, "flag_at": 0.5},
///  "words": {"block": [], "flag": [], "allow": []}}
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    pub persian: RulePolicy,
    pub on_topic: RulePolicy,
    pub abuse: RulePolicy,
    pub words: WordLists,
}

impl Default for Policy {
    fn default() -> Self {
        let rule = |action| RulePolicy {
            action,
            block_at: 0.8,
            flag_at: 0.5,
        };
        Policy {
            persian: rule(Action::Block),
            on_topic: rule(Action::Flag),
            abuse: rule(Action::Block),
            words: WordLists::default(),
        }
    }
}

impl Policy {
    pub fn rule(&self, rule: Rule) -> &RulePolicy {
        match rule {
            Rule::Persian => &self.persian,
            Rule::OnTopic => &self.on_topic,
            Rule::Abuse => &self.abuse,
        }
    }
}

/// A policy that cannot be used, with a message saying what to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError(pub String);

impl std::fmt::Display for PolicyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid policy: {}", self.0)
    }
}

impl std::error::Error for PolicyError {}
