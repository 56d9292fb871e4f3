//! HTML building blocks for the dashboard: escaping (everything a reader typed goes through
//! [`escape`]) and [`highlight`], which turns a report's byte spans into `<mark>` around escaped
//! slices.

use std::fmt::Write;

use didgah_rules::{Field, Finding, Report, Rule};

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Persian name of a rule.
pub fn rule_label(rule: Rule) -> &'static str {
    match rule {
        Rule::Persian => "زبان فارسی",
        Rule::OnTopic => "مرتبط بودن",
        Rule::Abuse => "تهمت و توهین",
    }
}

/// `text` (one field of a comment, as typed) escaped, with every span of `findings` that points
/// into `field` wrapped in `<mark>`. Overlapping spans merge; spans out of range or off a char
/// boundary are ignored (a stored report is data, not trusted to be well-formed).
pub fn highlight<'a>(
    text: &str,
    field: Field,
    findings: impl IntoIterator<Item = &'a Finding>,
) -> String {
    let mut spans: Vec<(usize, usize, String)> = Vec::new();
    for finding in findings {
        for span in &finding.spans {
            if span.field == field
                && span.start < span.end
                && span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end)
            {
                spans.push((
                    span.start,
                    span.end,
                    format!("{}: {}", rule_label(finding.rule), finding.message),
                ));
            }
        }
    }
    spans.sort_by_key(|s| (s.0, s.1));
    let mut merged: Vec<(usize, usize, String)> = Vec::new();
    for (start, end, label) in spans {
        match merged.last_mut() {
            Some(last) if start < last.1 => {
                last.1 = last.1.max(end);
                if !last.2.contains(&label) {
                    last.2.push_str(" | ");
                    last.2.push_str(&label);
                }
            }
            _ => merged.push((start, end, label)),
        }
    }
    let mut out = String::new();
    let mut at = 0;
    for (start, end, label) in merged {
        out.push_str(&escape(&text[at..start]));
        let _ = write!(
            out,
            "<mark title=\"{}\">{}</mark>",
            escape(&label),
            escape(&text[start..end])
        );
        at = end;
    }
    out.push_str(&escape(&text[at..]));
    out
}

/// The findings of a report as an HTML list (empty string when there are none).
pub fn findings_list(report: &Report) -> String {
    let mut out = String::new();
    for f in report.findings() {
        let _ = write!(
            out,
            "<li class=\"finding {outcome}\"><strong>{rule}</strong> — {message} <span class=\"score\">({score:.2})</span>{evidence}</li>",
            outcome = crate::model::outcome_str(f.outcome),
            rule = rule_label(f.rule),
            message = escape(&f.message),
            score = f.score,
            evidence = if f.evidence.is_empty() {
                String::new()
            } else {
                format!(" <bdi class=\"evidence\">{}</bdi>", escape(&f.evidence))
            },
        );
    }
    if out.is_empty() {
        out
    } else {
        format!("<ul class=\"findings\">{out}</ul>")
    }
}

/// A whole page: RTL Persian, the dashboard's stylesheet and script, strict CSP set by the caller.
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"fa\" dir=\"rtl\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} — دیدگاه</title>\
         <link rel=\"stylesheet\" href=\"/www/dashboard.css\">\
         <script src=\"/www/dashboard.js\" defer></script></head>\n<body>\n{body}\n</body></html>\n",
        escape(title)
    )
}

#[cfg(test)]
mod tests {
    use didgah_rules::{Outcome, Span};

    use super::*;

    fn finding(rule: Rule, spans: &[(Field, usize, usize)]) -> Finding {
        Finding {
            rule,
            code: "test".into(),
            outcome: Outcome::Flag,
            message: "پیام <b>".into(),
            message_native: None,
            spans: spans
                .iter()
                .map(|&(field, start, end)| Span { field, start, end })
                .collect(),
            evidence: String::new(),
            score: 0.9,
        }
    }

    #[test]
    fn escapes_everything_typed() {
        assert_eq!(
            escape(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
    }

    #[test]
    fn marks_spans_of_the_right_field_only() {
        let text = "سلام <b>دزد</b> است";
        let start = text.find("دزد").unwrap();
        let f = finding(
            Rule::Abuse,
            &[
                (Field::Text, start, start + "دزد".len()),
                (Field::Title, 0, 2),
            ],
        );
        let html = highlight(text, Field::Text, [&f]);
        assert_eq!(
            html,
            "سلام &lt;b&gt;<mark title=\"تهمت و توهین: پیام &lt;b&gt;\">دزد</mark>&lt;/b&gt; است"
        );
    }

    #[test]
    fn merges_overlaps_and_skips_bad_spans() {
        let text = "abcdef";
        let a = finding(Rule::Abuse, &[(Field::Text, 1, 3), (Field::Text, 2, 5)]);
        let b = finding(Rule::OnTopic, &[(Field::Text, 4, 99), (Field::Text, 3, 3)]);
        let html = highlight(text, Field::Text, [&a, &b]);
        assert!(html.starts_with("a<mark"), "{html}");
        assert!(html.ends_with(">bcde</mark>f"), "{html}");
        // A span inside a multi-byte letter is ignored.
        let c = finding(Rule::Abuse, &[(Field::Text, 1, 2)]);
        assert_eq!(highlight("سلام", Field::Text, [&c]), "سلام");
    }
}
