//! `didgah eval`: metrics on a labelled set (format: shared/eval/FORMAT.md).
//!
//! For each rule the violation is the positive class (not Persian / off-topic / abuse of either
//! kind) and a verdict of flag or block counts as positive. Prints tp, fp, fn, tn, precision,
//! recall and F1 per rule, the share of fully clean comments that got any flag or block, and every
//! (comment, rule) disagreement.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

use didgah_rules::{Checker, Comment, Outcome, Policy, Rule};
use serde::{Deserialize, Serialize};

use crate::input::{self, Format, InputError};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The set's articles.json (an array of articles).
    #[arg(long, value_name = "ARTICLES.json")]
    articles: PathBuf,
    /// The set's comments.jsonl (one labelled comment per line).
    #[arg(long, value_name = "COMMENTS.jsonl")]
    comments: PathBuf,
    /// Site policy as JSON (default: the built-in policy).
    #[arg(long, value_name = "POLICY.json")]
    policy: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// One line of comments.jsonl (fields the evaluation does not need are ignored).
#[derive(Debug, Deserialize)]
struct Labelled {
    id: String,
    article: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    title: String,
    text: String,
    persian: bool,
    on_topic: bool,
    abuse: String,
}

#[derive(Debug, Default, Clone, Copy, Serialize)]
struct Counts {
    tp: u32,
    fp: u32,
    #[serde(rename = "fn")]
    fn_: u32,
    tn: u32,
    precision: f64,
    recall: f64,
    f1: f64,
}

impl Counts {
    fn add(&mut self, expected: bool, got: bool) {
        match (expected, got) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }

    fn finish(&mut self) {
        let ratio = |a: u32, b: u32| {
            if b == 0 {
                0.0
            } else {
                f64::from(a) / f64::from(b)
            }
        };
        self.precision = ratio(self.tp, self.tp + self.fp);
        self.recall = ratio(self.tp, self.tp + self.fn_);
        self.f1 = if self.precision + self.recall == 0.0 {
            0.0
        } else {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        };
    }
}

#[derive(Debug, Serialize)]
struct Rules {
    persian: Counts,
    on_topic: Counts,
    abuse: Counts,
}

#[derive(Debug, Serialize)]
struct Miss {
    id: String,
    rule: &'static str,
    expected: bool,
    got: bool,
}

#[derive(Debug, Serialize)]
struct Summary {
    rules: Rules,
    clean_flagged_rate: f64,
    misses: Vec<Miss>,
}

pub fn run(args: Args) -> ExitCode {
    match eval(&args) {
        Ok(summary) => {
            match args.format {
                Format::Json => match serde_json::to_string(&summary) {
                    Ok(s) => println!("{s}"),
                    Err(e) => {
                        eprintln!("didgah eval: cannot print the summary: {e}");
                        return ExitCode::from(2);
                    }
                },
                Format::Text => print!("{}", readable(&summary)),
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("didgah eval: {e}");
            ExitCode::from(2)
        }
    }
}

fn parse_lines(path: &std::path::Path, src: &str) -> Result<Vec<Labelled>, InputError> {
    let mut out = Vec::new();
    for (n, line) in src.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let c: Labelled = serde_json::from_str(line).map_err(|e| {
            InputError(format!(
                "{} line {}: not a labelled comment: {e}",
                path.display(),
                n + 1
            ))
        })?;
        if !matches!(c.abuse.as_str(), "none" | "slander" | "insult") {
            return Err(InputError(format!(
                "{} line {}: abuse must be \"none\", \"slander\" or \"insult\", not {:?}",
                path.display(),
                n + 1,
                c.abuse
            )));
        }
        out.push(c);
    }
    Ok(out)
}

fn eval(args: &Args) -> Result<Summary, InputError> {
    let articles = input::articles(&args.articles)?;
    let policy: Policy = input::policy(args.policy.as_deref())?;
    let comments = parse_lines(&args.comments, &input::read(&args.comments)?)?;
    let mut checkers: HashMap<&str, Checker> = HashMap::new();
    for a in &articles {
        let c = Checker::new(&policy, a).map_err(|e| InputError(e.to_string()))?;
        checkers.insert(a.id.as_str(), c);
    }
    let mut persian = Counts::default();
    let mut on_topic = Counts::default();
    let mut abuse = Counts::default();
    let (mut clean, mut clean_flagged) = (0u32, 0u32);
    let mut misses = Vec::new();
    for (n, c) in comments.iter().enumerate() {
        let checker = checkers.get(c.article.as_str()).ok_or_else(|| {
            InputError(format!(
                "{} line {} (comment {}): unknown article id {:?}; it is not in {}",
                args.comments.display(),
                n + 1,
                c.id,
                c.article,
                args.articles.display()
            ))
        })?;
        let report = checker.check(&Comment {
            name: c.name.clone(),
            title: c.title.clone(),
            text: c.text.clone(),
        });
        let got = |rule| {
            report
                .rule(rule)
                .is_some_and(|v| v.outcome != Outcome::Pass)
        };
        for (rule, counts, expected) in [
            (Rule::Persian, &mut persian, !c.persian),
            (Rule::OnTopic, &mut on_topic, !c.on_topic),
            (Rule::Abuse, &mut abuse, c.abuse != "none"),
        ] {
            let g = got(rule);
            counts.add(expected, g);
            if expected != g {
                misses.push(Miss {
                    id: c.id.clone(),
                    rule: rule.as_str(),
                    expected,
                    got: g,
                });
            }
        }
        if c.persian && c.on_topic && c.abuse == "none" {
            clean += 1;
            if report.outcome != Outcome::Pass {
                clean_flagged += 1;
            }
        }
    }
    for c in [&mut persian, &mut on_topic, &mut abuse] {
        c.finish();
    }
    Ok(Summary {
        rules: Rules {
            persian,
            on_topic,
            abuse,
        },
        clean_flagged_rate: if clean == 0 {
            0.0
        } else {
            f64::from(clean_flagged) / f64::from(clean)
        },
        misses,
    })
}

fn readable(s: &Summary) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "rule        tp   fp   fn   tn  precision  recall     f1"
    );
    for (name, c) in [
        ("persian", &s.rules.persian),
        ("on_topic", &s.rules.on_topic),
        ("abuse", &s.rules.abuse),
    ] {
        let _ = writeln!(
            out,
            "{name:<9} {:>4} {:>4} {:>4} {:>4}  {:>9.3}  {:>6.3}  {:>5.3}",
            c.tp, c.fp, c.fn_, c.tn, c.precision, c.recall, c.f1
        );
    }
    let _ = writeln!(
        out,
        "clean comments flagged or blocked: {:.3}",
        s.clean_flagged_rate
    );
    if !s.misses.is_empty() {
        let _ = writeln!(out, "misses ({}):", s.misses.len());
        for m in &s.misses {
            let what = if m.expected {
                "missed violation"
            } else {
                "false alarm"
            };
            let _ = writeln!(out, "  {} {:<9} {what}", m.id, m.rule);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_follow_their_definitions() {
        let mut c = Counts::default();
        for (e, g) in [
            (true, true),
            (true, true),
            (true, false),
            (false, true),
            (false, false),
        ] {
            c.add(e, g);
        }
        c.finish();
        assert_eq!((c.tp, c.fp, c.fn_, c.tn), (2, 1, 1, 1));
        assert!((c.precision - 2.0 / 3.0).abs() < 1e-9);
        assert!((c.recall - 2.0 / 3.0).abs() < 1e-9);
        assert!((c.f1 - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn a_malformed_line_is_named() {
        let p = std::path::Path::new("c.jsonl");
        let ok = r#"{"id":"a","article":"x","text":"سلام","persian":true,"on_topic":true,"abuse":"none"}"#;
        let err = parse_lines(p, &format!("{ok}\n{{broken\n")).unwrap_err();
        assert!(err.0.contains("line 2"), "{err}");
        let bad = ok.replace("\"none\"", "\"rude\"");
        assert!(parse_lines(p, &bad).unwrap_err().0.contains("line 1"));
    }
}
