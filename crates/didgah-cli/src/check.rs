//! `didgah check`: one comment, one verdict.
//!
//! Exit code 0 when the comment passes or is only flagged, 1 when a rule blocks it, 2 for bad
//! input.

use std::path::PathBuf;
use std::process::ExitCode;

use didgah_rules::{Checker, Comment, Field, Outcome, Report};

use crate::input::{self, Format, InputError};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Article as JSON: one article object, or an articles.json array.
    #[arg(long, value_name = "ARTICLE.json")]
    article: PathBuf,
    /// Which article of an array to use (not needed for an array of one).
    #[arg(long, value_name = "ID")]
    article_id: Option<String>,
    /// Site policy as JSON (default: the built-in policy).
    #[arg(long, value_name = "POLICY.json")]
    policy: Option<PathBuf>,
    /// The name field of the comment form.
    #[arg(long, default_value = "")]
    name: String,
    /// The title field of the comment form.
    #[arg(long, default_value = "")]
    title: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// The comment's message; `-` reads it from stdin.
    #[arg(value_name = "TEXT")]
    text: String,
}

pub fn run(args: Args) -> ExitCode {
    match check(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("didgah check: {e}");
            ExitCode::from(2)
        }
    }
}

fn check(args: Args) -> Result<ExitCode, InputError> {
    let articles = input::articles(&args.article)?;
    let article = match (&args.article_id, articles.len()) {
        (Some(id), _) => articles.iter().find(|a| &a.id == id).ok_or_else(|| {
            let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
            InputError(format!(
                "no article with id {id:?} in {}; ids there: {}",
                args.article.display(),
                ids.join(", ")
            ))
        })?,
        (None, 1) => &articles[0],
        (None, n) => {
            return Err(InputError(format!(
                "{} holds {n} articles; pick one with --article-id",
                args.article.display()
            )));
        }
    };
    let policy = input::policy(args.policy.as_deref())?;
    let text = if args.text == "-" {
        input::read(std::path::Path::new("-"))?
    } else {
        args.text.clone()
    };
    let checker = Checker::new(&policy, article).map_err(|e| InputError(e.to_string()))?;
    let comment = Comment {
        name: args.name.clone(),
        title: args.title.clone(),
        text,
    };
    let report = checker.check(&comment);
    match args.format {
        Format::Json => match serde_json::to_string_pretty(&report) {
            Ok(s) => println!("{s}"),
            Err(e) => return Err(InputError(format!("cannot print the report: {e}"))),
        },
        Format::Text => print!("{}", readable(&report, &comment)),
    }
    Ok(if report.outcome == Outcome::Block {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn outcome_name(o: Outcome) -> &'static str {
    match o {
        Outcome::Pass => "pass",
        Outcome::Flag => "flag",
        Outcome::Block => "block",
    }
}

/// The report as text: the outcome, each rule's verdict, and each finding with the words it
/// points at.
pub fn readable(report: &Report, comment: &Comment) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "outcome: {}", outcome_name(report.outcome));
    for v in &report.rules {
        let _ = writeln!(
            out,
            "  {:<9} {:<5} score {:.2}",
            v.rule.as_str(),
            outcome_name(v.outcome),
            v.score
        );
        for f in &v.findings {
            let _ = writeln!(
                out,
                "    [{}] {} ({:.2})",
                f.code,
                outcome_name(f.outcome),
                f.score
            );
            let _ = writeln!(out, "      {}", f.message);
            if let Some(n) = &f.message_native {
                let _ = writeln!(out, "      {n}");
            }
            for s in &f.spans {
                let field = match s.field {
                    Field::Name => &comment.name,
                    Field::Title => &comment.title,
                    Field::Text => &comment.text,
                };
                let part = field.get(s.start..s.end).unwrap_or("");
                let name = match s.field {
                    Field::Name => "name",
                    Field::Title => "title",
                    Field::Text => "text",
                };
                let _ = writeln!(out, "      {name} {}..{}: «{part}»", s.start, s.end);
            }
            if !f.evidence.is_empty() {
                let _ = writeln!(out, "      evidence: {}", f.evidence);
            }
        }
    }
    out
}
