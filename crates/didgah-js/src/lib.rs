//! The engine's types as JavaScript values, without serde: the browser's own
//! `JSON.parse`/`JSON.stringify` and typed reads and writes of exactly the shapes the HTTP
//! contract defines (policy, report, article, comment). Shared by the two wasm modules — the
//! widget (`didgah-widget`) and the engine (`didgah-engine-wasm`) — which hand these values to
//! each other and to the server.
//!
//! Why: serde's derived (de)serialisers and serde_json were ~55 KB of the reader's download.
//! The browser already ships a JSON parser; what is left here is a few small field readers.
//!
//! Reads follow serde's rules for the engine's types, so both modules accept and refuse what the
//! server does: a required field that is missing or of the wrong type is [`Invalid`],
//! `#[serde(default)]` fields may be missing, `Option` fields may be missing or `null`, and the
//! policy's objects refuse unknown keys (`deny_unknown_fields`). Other objects ignore extra keys.

use didgah_rules::{
    Action, Article, Checker, Comment, Field, Finding, Outcome, Policy, Report, Rule, RulePolicy,
    RuleVerdict, Span, WordLists,
};
use js_sys::{Array, JSON, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// The JSON does not have the shape the contract promises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Invalid;

pub type Read<T> = Result<T, Invalid>;

/// `JSON.parse`.
pub fn parse(text: &str) -> Read<JsValue> {
    JSON::parse(text).map_err(|_| Invalid)
}

/// `JSON.stringify` (`None` only for values JSON cannot hold).
pub fn stringify(value: &JsValue) -> Option<String> {
    JSON::stringify(value).ok().and_then(|s| s.as_string())
}

/// A JSON object: not `null`, not an array.
pub fn object(value: &JsValue) -> Read<&JsValue> {
    if value.is_object() && !Array::is_array(value) {
        Ok(value)
    } else {
        Err(Invalid)
    }
}

/// `object[key]`, `undefined` when the key is missing.
pub fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn absent(value: &JsValue) -> bool {
    value.is_undefined()
}

pub fn string(value: &JsValue) -> Read<String> {
    value.as_string().ok_or(Invalid)
}

/// A `#[serde(default)]` string: missing is `""`, `null` is not a string.
pub fn string_or_empty(value: &JsValue) -> Read<String> {
    if absent(value) {
        Ok(String::new())
    } else {
        string(value)
    }
}

/// An `Option<String>`: missing or `null` is `None`.
pub fn opt_string(value: &JsValue) -> Read<Option<String>> {
    if absent(value) || value.is_null() {
        Ok(None)
    } else {
        string(value).map(Some)
    }
}

pub fn number(value: &JsValue) -> Read<f64> {
    value.as_f64().ok_or(Invalid)
}

/// A whole number in `min..=max` (serde refuses `1.5` or `-1` for an unsigned field).
pub fn integer(value: &JsValue, min: f64, max: f64) -> Read<f64> {
    let n = number(value)?;
    if n.fract() == 0.0 && (min..=max).contains(&n) {
        Ok(n)
    } else {
        Err(Invalid)
    }
}

pub fn array(value: &JsValue) -> Read<Array> {
    if Array::is_array(value) {
        Ok(value.clone().unchecked_into())
    } else {
        Err(Invalid)
    }
}

/// Reads every element of an array with `read`.
pub fn list<T>(value: &JsValue, read: impl Fn(&JsValue) -> Read<T>) -> Read<Vec<T>> {
    array(value)?.iter().map(|v| read(&v)).collect()
}

/// A `#[serde(default)]` list: missing is empty.
pub fn list_or_empty<T>(value: &JsValue, read: impl Fn(&JsValue) -> Read<T>) -> Read<Vec<T>> {
    if absent(value) {
        Ok(Vec::new())
    } else {
        list(value, read)
    }
}

/// serde's `deny_unknown_fields`: every key of `object` is one of `known`.
fn only_keys(object: &JsValue, known: &[&str]) -> Read<()> {
    let keys = Object::keys(object.unchecked_ref::<Object>());
    for key in keys.iter() {
        if !key.as_string().is_some_and(|k| known.contains(&k.as_str())) {
            return Err(Invalid);
        }
    }
    Ok(())
}

/// A fresh `{}` to fill with [`set`].
pub fn new_object() -> Object {
    Object::new()
}

pub fn set(object: &Object, key: &str, value: impl Into<JsValue>) {
    // Setting a plain data property on a fresh object cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), &value.into());
}

/// An `f32` as the JSON number serde_json writes for it: the shortest decimal that reads back
/// as the same `f32` (`0.9`, not `0.8999999761581421`). Not-a-number becomes `null`, as there.
pub fn f32_value(x: f32) -> JsValue {
    let wide = js_sys::Number::from(f64::from(x));
    for digits in 1..=9 {
        if let Some(text) = wide.to_precision(digits).ok().and_then(|s| s.as_string()) {
            let back = js_sys::Number::parse_float(&text);
            if back as f32 == x {
                return JsValue::from_f64(back);
            }
        }
    }
    wide.into()
}

// --- The engine's types (`didgah_rules::types`), field for field. ---

fn rule(value: &JsValue) -> Read<Rule> {
    match string(value)?.as_str() {
        "persian" => Ok(Rule::Persian),
        "on_topic" => Ok(Rule::OnTopic),
        "abuse" => Ok(Rule::Abuse),
        _ => Err(Invalid),
    }
}

fn outcome(value: &JsValue) -> Read<Outcome> {
    match string(value)?.as_str() {
        "pass" => Ok(Outcome::Pass),
        "flag" => Ok(Outcome::Flag),
        "block" => Ok(Outcome::Block),
        _ => Err(Invalid),
    }
}

fn outcome_name(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Pass => "pass",
        Outcome::Flag => "flag",
        Outcome::Block => "block",
    }
}

fn field(value: &JsValue) -> Read<Field> {
    match string(value)?.as_str() {
        "name" => Ok(Field::Name),
        "title" => Ok(Field::Title),
        "text" => Ok(Field::Text),
        _ => Err(Invalid),
    }
}

fn field_name(field: Field) -> &'static str {
    match field {
        Field::Name => "name",
        Field::Title => "title",
        Field::Text => "text",
    }
}

fn offset(value: &JsValue) -> Read<usize> {
    integer(value, 0.0, u32::MAX as f64).map(|n| n as usize)
}

fn score(value: &JsValue) -> Read<f32> {
    number(value).map(|n| n as f32)
}

fn span(value: &JsValue) -> Read<Span> {
    let o = object(value)?;
    Ok(Span {
        field: field(&get(o, "field"))?,
        start: offset(&get(o, "start"))?,
        end: offset(&get(o, "end"))?,
    })
}

fn finding(value: &JsValue) -> Read<Finding> {
    let o = object(value)?;
    Ok(Finding {
        rule: rule(&get(o, "rule"))?,
        code: string(&get(o, "code"))?,
        outcome: outcome(&get(o, "outcome"))?,
        message: string(&get(o, "message"))?,
        message_native: opt_string(&get(o, "message_native"))?,
        spans: list_or_empty(&get(o, "spans"), span)?,
        evidence: string_or_empty(&get(o, "evidence"))?,
        score: score(&get(o, "score"))?,
    })
}

fn verdict(value: &JsValue) -> Read<RuleVerdict> {
    let o = object(value)?;
    Ok(RuleVerdict {
        rule: rule(&get(o, "rule"))?,
        outcome: outcome(&get(o, "outcome"))?,
        score: score(&get(o, "score"))?,
        findings: list(&get(o, "findings"), finding)?,
    })
}

/// A [`Report`] as the server sends it (`422 rule_blocked`).
pub fn report(value: &JsValue) -> Read<Report> {
    let o = object(value)?;
    Ok(Report {
        outcome: outcome(&get(o, "outcome"))?,
        rules: list(&get(o, "rules"), verdict)?,
    })
}

/// A [`Report`] as the server reads it (the client report sent with a comment); keys in the
/// order serde writes them.
pub fn report_value(report: &Report) -> JsValue {
    let out = new_object();
    set(&out, "outcome", outcome_name(report.outcome));
    let rules = Array::new();
    for v in &report.rules {
        let verdict = new_object();
        set(&verdict, "rule", v.rule.as_str());
        set(&verdict, "outcome", outcome_name(v.outcome));
        set(&verdict, "score", f32_value(v.score));
        let findings = Array::new();
        for f in &v.findings {
            let finding = new_object();
            set(&finding, "rule", f.rule.as_str());
            set(&finding, "code", f.code.as_str());
            set(&finding, "outcome", outcome_name(f.outcome));
            set(&finding, "message", f.message.as_str());
            if let Some(native) = &f.message_native {
                set(&finding, "message_native", native.as_str());
            }
            let spans = Array::new();
            for s in &f.spans {
                let span = new_object();
                set(&span, "field", field_name(s.field));
                set(&span, "start", s.start as f64);
                set(&span, "end", s.end as f64);
                spans.push(&span);
            }
            set(&finding, "spans", spans);
            set(&finding, "evidence", f.evidence.as_str());
            set(&finding, "score", f32_value(f.score));
            findings.push(&finding);
        }
        set(&verdict, "findings", findings);
        rules.push(&verdict);
    }
    set(&out, "rules", rules);
    out.into()
}

fn action(value: &JsValue) -> Read<Action> {
    match string(value)?.as_str() {
        "block" => Ok(Action::Block),
        "flag" => Ok(Action::Flag),
        "off" => Ok(Action::Off),
        _ => Err(Invalid),
    }
}

fn rule_policy(value: &JsValue) -> Read<RulePolicy> {
    let o = object(value)?;
    only_keys(o, &["action", "block_at", "flag_at"])?;
    Ok(RulePolicy {
        action: action(&get(o, "action"))?,
        block_at: score(&get(o, "block_at"))?,
        flag_at: score(&get(o, "flag_at"))?,
    })
}

/// A `#[serde(default)]` rule policy.
fn rule_policy_or(value: &JsValue, default: RulePolicy) -> Read<RulePolicy> {
    if absent(value) {
        Ok(default)
    } else {
        rule_policy(value)
    }
}

fn word_lists(value: &JsValue) -> Read<WordLists> {
    if absent(value) {
        return Ok(WordLists::default());
    }
    let o = object(value)?;
    only_keys(o, &["block", "flag", "allow"])?;
    Ok(WordLists {
        block: list_or_empty(&get(o, "block"), string)?,
        flag: list_or_empty(&get(o, "flag"), string)?,
        allow: list_or_empty(&get(o, "allow"), string)?,
    })
}

/// A site's [`Policy`]; missing parts take [`Policy::default`]'s.
pub fn policy(value: &JsValue) -> Read<Policy> {
    let o = object(value)?;
    only_keys(o, &["persian", "on_topic", "abuse", "words"])?;
    let default = Policy::default();
    Ok(Policy {
        persian: rule_policy_or(&get(o, "persian"), default.persian)?,
        on_topic: rule_policy_or(&get(o, "on_topic"), default.on_topic)?,
        abuse: rule_policy_or(&get(o, "abuse"), default.abuse)?,
        words: word_lists(&get(o, "words"))?,
    })
}

// --- What the widget hands the engine: the article (read from the page) and the comment. ---

/// An [`Article`] as the engine module reads it; every field `#[serde(default)]`.
pub fn article_value(article: &Article) -> JsValue {
    let out = new_object();
    set(&out, "id", article.id.as_str());
    set(&out, "title", article.title.as_str());
    set(&out, "lead", article.lead.as_str());
    set(&out, "body", article.body.as_str());
    let keywords = Array::new();
    for k in &article.keywords {
        keywords.push(&JsValue::from_str(k));
    }
    set(&out, "keywords", keywords);
    out.into()
}

pub fn article(value: &JsValue) -> Read<Article> {
    let o = object(value)?;
    Ok(Article {
        id: string_or_empty(&get(o, "id"))?,
        title: string_or_empty(&get(o, "title"))?,
        lead: string_or_empty(&get(o, "lead"))?,
        body: string_or_empty(&get(o, "body"))?,
        keywords: list_or_empty(&get(o, "keywords"), string)?,
    })
}

pub fn comment_value(comment: &Comment) -> JsValue {
    let out = new_object();
    set(&out, "name", comment.name.as_str());
    set(&out, "title", comment.title.as_str());
    set(&out, "text", comment.text.as_str());
    out.into()
}

pub fn comment(value: &JsValue) -> Read<Comment> {
    let o = object(value)?;
    Ok(Comment {
        name: string_or_empty(&get(o, "name"))?,
        title: string_or_empty(&get(o, "title"))?,
        text: string_or_empty(&get(o, "text"))?,
    })
}

// --- The engine module's two calls, as plain functions so the widget's tests can run them. ---

/// A checker for `article` under `policy` (both JS values), or what is wrong with them, in
/// English for the site owner's console.
pub fn checker(article: &JsValue, policy: &JsValue) -> Result<Checker, String> {
    let article = self::article(article).map_err(|_| "the article is not an object of strings")?;
    let policy =
        self::policy(policy).map_err(|_| "the policy does not have the contract's shape")?;
    Checker::new(&policy, &article).map_err(|e| e.to_string())
}

/// The report on `comment` (a JS value) as the JS value [`report`] reads back.
pub fn check(checker: &Checker, comment: &JsValue) -> Read<JsValue> {
    Ok(report_value(&checker.check(&self::comment(comment)?)))
}
