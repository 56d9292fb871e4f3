//! Persian presentation helpers: digits, counts and the widget's fixed wording for the rules.
//!
//! Everything the reader sees comes out of here or out of the engine's own (Persian) finding
//! messages, so the tone stays the same across the form.

use didgah_rules::{Outcome, Rule};

/// A number in Persian digits.
pub fn num(n: u64) -> String {
    write_digits(n, '۰')
}

/// A number in ASCII digits (for URLs). Written by hand, as [`num`]: `format!` and `to_string`
/// would link core's integer formatting into the reader's download for this alone.
pub fn ascii(n: u64) -> String {
    write_digits(n, '0')
}

fn write_digits(mut n: u64, zero: char) -> String {
    let mut out = Vec::new();
    loop {
        out.push(char::from_u32(zero as u32 + (n % 10) as u32).unwrap_or(zero));
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.iter().rev().collect()
}

/// «۳ دیدگاه» — Persian keeps the noun singular after a number.
pub fn comment_count(n: u64) -> String {
    num(n) + " دیدگاه"
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
        assert_eq!(num(1_399), "۱۳۹۹");
        assert_eq!(comment_count(3), "۳ دیدگاه");
        assert_eq!(comment_count(0), "۰ دیدگاه");
        assert_eq!(ascii(u64::MAX), u64::MAX.to_string());
        assert_eq!(num(10_207), "۱۰۲۰۷");
    }
}
