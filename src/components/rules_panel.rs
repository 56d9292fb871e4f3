//! The site's three rules with the check's verdict on each (pass / warning / blocking), what
//! was found, and how to fix it — shown while the reader types.

use didgah_rules::{Comment, Field, Finding, Outcome, Report, Rule};
use yew::prelude::*;

use super::outcome_attr;

use crate::fa;

/// The offending words of a finding, as typed, for quoting in its message.
pub fn quotes(finding: &Finding, comment: &Comment) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for span in &finding.spans {
        let field = match span.field {
            Field::Name => &comment.name,
            Field::Title => &comment.title,
            Field::Text => &comment.text,
        };
        if let Some(part) = field.get(span.start..span.end) {
            let part: String = part.trim().chars().take(40).collect();
            if !part.is_empty() && !out.contains(&part) {
                out.push(part);
            }
        }
    }
    out
}

/// « (»a«، »b«)»: the quoted words after a finding's message.
fn quote_list(quoted: &[String]) -> String {
    let mut out = String::from(" (");
    for (i, q) in quoted.iter().enumerate() {
        if i > 0 {
            out.push_str("، ");
        }
        out.push('«');
        out.push_str(q);
        out.push('»');
    }
    out.push(')');
    out
}

/// One sentence for screen readers summing up the check.
pub fn summary(report: &Report) -> String {
    let count = |o| report.findings().filter(|f| f.outcome == o).count();
    let (blocks, flags) = (count(Outcome::Block), count(Outcome::Flag));
    match (blocks, flags) {
        (0, 0) if report.outcome == Outcome::Pass => {
            "دیدگاه شما با هر سه قانون سایت سازگار است.".into()
        }
        (0, 0) => ["بررسی قوانین: ", fa::outcome_label(report.outcome), "."].concat(),
        (0, f) => fa::num(f as u64) + " هشدار؛ می‌توانید آن را اصلاح کنید یا با همین متن بفرستید.",
        (b, 0) => fa::num(b as u64) + " مورد مانع ارسال است؛ تا اصلاح نشود دیدگاه فرستاده نمی‌شود.",
        (b, f) => [
            &fa::num(b as u64),
            " مورد مانع ارسال و ",
            &fa::num(f as u64),
            " هشدار؛ موارد مانع ارسال را اصلاح کنید.",
        ]
        .concat(),
    }
}

fn status_icon(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Pass => "✓",
        Outcome::Flag => "!",
        Outcome::Block => "✕",
    }
}

/// The panel for the latest report and the comment it was made for; `stale` once the fields
/// changed since (a new check is on its way). Without a report, `note` is said instead (the
/// engine is loading, or could not be loaded). A function, not a component: it is drawn with the
/// form, and a component of its own costs ~0.7 KB of wasm.
pub fn rules_panel(
    checked: Option<(&Comment, &Report)>,
    stale: bool,
    note: Option<&'static str>,
) -> Html {
    let Some((comment, report)) = checked else {
        return match note {
            Some(note) => html! {
                <div class="rules" id="didgah-rules">
                    <p class="rules-note" role="status">{note}</p>
                </div>
            },
            None => html! {},
        };
    };
    let rows = Rule::ALL.iter().map(|&rule| {
        let verdict = report.rule(rule);
        let outcome = verdict.map_or(Outcome::Pass, |v| v.outcome);
        let findings: Vec<&Finding> = verdict
            .map(|v| v.findings.iter().filter(|f| f.outcome != Outcome::Pass).collect())
            .unwrap_or_default();
        let details = if findings.is_empty() && outcome != Outcome::Pass {
            html! { <p class="finding">{fa::rule_advice(rule)}</p> }
        } else {
            findings
                .iter()
                .map(|f| {
                    let quoted = quotes(f, comment);
                    html! {
                        <p class="finding" data-outcome={outcome_attr(f.outcome)}>
                            {f.message.clone()}
                            if !quoted.is_empty() {
                                <span class="quote">
                                    {quote_list(&quoted)}
                                </span>
                            }
                            if let Some(native) = f.message_native.clone() {
                                <span class="native" dir="auto">{" "}{native}</span>
                            }
                        </p>
                    }
                })
                .collect::<Html>()
        };
        html! {
            <li class="rule" data-outcome={outcome_attr(outcome)}>
                <span class="rule-name">{fa::rule_name(rule)}</span>
                <span class="badge" data-outcome={outcome_attr(outcome)}>
                    <span aria-hidden="true">{status_icon(outcome)}</span>{" "}{fa::outcome_label(outcome)}
                </span>
                {details}
            </li>
        }
    });
    html! {
        <div class="rules" id="didgah-rules" aria-busy={stale.then_some("true")}>
            <h3 class="rules-title">{"بررسی قوانین سایت"}</h3>
            <ul class="rule-list">{for rows}</ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use didgah_rules::{RuleVerdict, Span};
    use wasm_bindgen_test::wasm_bindgen_test;

    fn finding(outcome: Outcome, spans: Vec<Span>) -> Finding {
        Finding {
            rule: Rule::Abuse,
            code: "insult".into(),
            outcome,
            message: "پیام".into(),
            message_native: None,
            spans,
            evidence: String::new(),
            score: 0.9,
        }
    }

    #[wasm_bindgen_test]
    fn quotes_come_from_the_right_field() {
        let comment = Comment {
            name: "رضا".into(),
            title: "عنوان تند".into(),
            text: "متن تند".into(),
        };
        let span = |field, text: &str, word: &str| {
            let start = text.find(word).unwrap();
            Span {
                field,
                start,
                end: start + word.len(),
            }
        };
        let f = finding(
            Outcome::Block,
            vec![
                span(Field::Title, &comment.title, "تند"),
                span(Field::Text, &comment.text, "تند"),
                Span {
                    field: Field::Text,
                    start: 1,
                    end: 2,
                },
            ],
        );
        assert_eq!(quotes(&f, &comment), ["تند"]);
    }

    #[wasm_bindgen_test]
    fn summary_counts_in_persian() {
        let report = Report {
            outcome: Outcome::Block,
            rules: vec![RuleVerdict {
                rule: Rule::Abuse,
                outcome: Outcome::Block,
                score: 0.9,
                findings: vec![
                    finding(Outcome::Block, vec![]),
                    finding(Outcome::Flag, vec![]),
                ],
            }],
        };
        assert_eq!(
            summary(&report),
            "۱ مورد مانع ارسال و ۱ هشدار؛ موارد مانع ارسال را اصلاح کنید."
        );
    }
}
