//! The site's three rules with the check's verdict on each (pass / warning / blocking), what
//! was found, and how to fix it — shown while the reader types.

use std::rc::Rc;

use didgah_rules::{Comment, Field, Finding, Outcome, Report, Rule};
use yew::prelude::*;

use crate::fa;

#[derive(Properties, PartialEq)]
pub struct RulesPanelProps {
    pub report: Option<Rc<Report>>,
    /// What the report was made for (quotes are taken from it).
    pub comment: Comment,
    /// The fields changed since: a new check is on its way.
    pub stale: bool,
    /// Said instead of the verdicts when there is no report (the engine is loading, or could
    /// not be loaded).
    #[prop_or_default]
    pub note: Option<&'static str>,
}

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

fn status_class(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Pass => "st-pass",
        Outcome::Flag => "st-flag",
        Outcome::Block => "st-block",
    }
}

fn status_icon(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Pass => "✓",
        Outcome::Flag => "!",
        Outcome::Block => "✕",
    }
}

#[function_component(RulesPanel)]
pub fn rules_panel(props: &RulesPanelProps) -> Html {
    let Some(report) = props.report.as_ref() else {
        return match props.note {
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
                    let quoted = quotes(f, &props.comment);
                    html! {
                        <p class={classes!("finding", status_class(f.outcome))}>
                            {f.message.clone()}
                            if !quoted.is_empty() {
                                <span class="quote">
                                    {" ("}{quoted.iter().map(|q| ["«", q, "»"].concat()).collect::<Vec<_>>().join("، ")}{")"}
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
            <li class={classes!("rule", status_class(outcome))}>
                <span class="rule-name">{fa::rule_name(rule)}</span>
                <span class={classes!("badge", status_class(outcome))}>
                    <span aria-hidden="true">{status_icon(outcome)}</span>{" "}{fa::outcome_label(outcome)}
                </span>
                {details}
            </li>
        }
    });
    html! {
        <div class={classes!("rules", props.stale.then_some("stale"))} id="didgah-rules">
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
