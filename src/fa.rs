//! Persian presentation helpers: digits, counts and the widget's fixed wording for the rules.
//!
//! Everything the reader sees comes out of here or out of the engine's own (Persian) finding
//! messages, so the tone stays the same across the form.

use didgah_rules::{Outcome, Rule};

/// Writes ASCII digits as Persian digits (۰–۹); everything else is kept.
pub fn digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32('۰' as u32 + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A number in Persian digits.
pub fn num(n: impl std::fmt::Display) -> String {
    digits(&n.to_string())
}

/// «۳ دیدگاه» — Persian keeps the noun singular after a number.
pub fn comment_count(n: u64) -> String {
    format!("{} دیدگاه", num(n))
}

/// The rule's name as the reader sees it next to its status.
pub fn rule_name(rule: Rule) -> &'static str {
    match rule {
        Rule::Persian => "به زبان فارسی",
        Rule::OnTopic => "مرتبط با همین خبر",
        Rule::Abuse => "بدون تهمت و توهین",
    }
}

/// The status word for one rule's verdict.
pub fn outcome_label(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Pass => "رعایت شده",
        Outcome::Flag => "هشدار",
        Outcome::Block => "مانع ارسال",
    }
}

/// What to do when a rule is not met and the engine gave no message of its own.
pub fn rule_advice(rule: Rule) -> &'static str {
    match rule {
        Rule::Persian => "لطفاً دیدگاه خود را به زبان فارسی و با حروف فارسی بنویسید.",
        Rule::OnTopic => "دیدگاه‌هایی منتشر می‌شوند که به موضوع همین خبر مربوط باشند.",
        Rule::Abuse => {
            "نسبت دادن جرم یا تخلف بدون سند و به کار بردن الفاظ توهین‌آمیز منتشر نمی‌شود؛ لطفاً آن را اصلاح کنید."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn digits_are_written_in_persian() {
        assert_eq!(digits("ساعت 10:45"), "ساعت ۱۰:۴۵");
        assert_eq!(num(1_399), "۱۳۹۹");
        assert_eq!(comment_count(3), "۳ دیدگاه");
        assert_eq!(comment_count(0), "۰ دیدگاه");
    }
}
