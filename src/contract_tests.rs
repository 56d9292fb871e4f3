//! The contract's JSON shapes as JS values (`didgah-js`, shared by the widget and the engine
//! module), and the engine module's calls end to end: the same readers and writers and the same
//! engine as in the browser, in one test build.

use std::rc::Rc;

use didgah_js::*;
use didgah_rules::{
    Action, Article, Comment, Field, Finding, Outcome, Policy, Report, Rule, RuleVerdict, Span,
};
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::engine::{self, EngineModule};

fn read<T>(text: &str, reader: fn(&JsValue) -> Read<T>) -> Read<T> {
    reader(&parse(text)?)
}

#[wasm_bindgen_test]
fn a_policy_takes_defaults_and_refuses_unknown_keys() {
    let p = read(
        r#"{"abuse":{"action":"flag","block_at":0.9,"flag_at":0.4},"words":{"block":["x"]}}"#,
        policy,
    )
    .unwrap();
    assert_eq!(p.abuse.action, Action::Flag);
    assert_eq!(p.abuse.block_at, 0.9);
    assert_eq!(p.persian, Policy::default().persian);
    assert_eq!(p.words.block, ["x"]);
    assert!(p.words.allow.is_empty());
    assert_eq!(read("{}", policy).unwrap(), Policy::default());
    // As serde: a typo is an error, not a silently ignored setting.
    assert_eq!(read(r#"{"abuse_":{}}"#, policy), Err(Invalid));
    assert_eq!(
        read(r#"{"abuse":{"action":"flag","block_at":0.9}}"#, policy),
        Err(Invalid)
    );
    assert_eq!(read(r#"{"words":{"block":[1]}}"#, policy), Err(Invalid));
    assert_eq!(read("[]", policy), Err(Invalid));
}

#[wasm_bindgen_test]
fn a_report_survives_the_round_trip_with_short_scores() {
    let report = Report {
        outcome: Outcome::Block,
        rules: vec![RuleVerdict {
            rule: Rule::OnTopic,
            outcome: Outcome::Block,
            score: 0.9,
            findings: vec![Finding {
                rule: Rule::OnTopic,
                code: "spam_link".into(),
                outcome: Outcome::Block,
                message: "«پیوند»\n\"تبلیغ\"".into(),
                message_native: Some("link".into()),
                spans: vec![Span {
                    field: Field::Title,
                    start: 2,
                    end: 8,
                }],
                evidence: String::new(),
                score: 0.1,
            }],
        }],
    };
    let text = stringify(&report_value(&report)).unwrap();
    assert!(text.starts_with(r#"{"outcome":"block","rules":[{"rule":"on_topic","#));
    assert!(text.contains(r#""score":0.9,"#) && text.contains(r#""score":0.1}"#));
    assert_eq!(read(&text, didgah_js::report).unwrap(), report);
    // Optional parts may be missing; required ones may not.
    let bare = r#"{"outcome":"flag","rules":[{"rule":"abuse","outcome":"flag","score":1,
        "findings":[{"rule":"abuse","code":"c","outcome":"flag","message":"m","score":0.5}]}]}"#;
    let f = &read(bare, didgah_js::report).unwrap().rules[0].findings[0];
    assert!(f.spans.is_empty() && f.message_native.is_none() && f.evidence.is_empty());
    assert_eq!(
        read(r#"{"outcome":"maybe","rules":[]}"#, didgah_js::report),
        Err(Invalid)
    );
    assert_eq!(
        read(r#"{"outcome":"pass"}"#, didgah_js::report),
        Err(Invalid)
    );
}

#[wasm_bindgen_test]
fn integers_are_whole_and_in_range() {
    let n = |t: &str| integer(&parse(t).unwrap(), 0.0, 10.0);
    assert_eq!(n("7"), Ok(7.0));
    assert_eq!(n("7.5"), Err(Invalid));
    assert_eq!(n("-1"), Err(Invalid));
    assert_eq!(n("\"7\""), Err(Invalid));
}

fn article() -> Article {
    Article {
        id: "urmia".into(),
        title: "ارومیه در راه شهر خلاق یونسکو".into(),
        lead: String::new(),
        body: "شهرداری ارومیه برای معرفی شهر به شبکه شهرهای خلاق یونسکو دبیرخانه‌ای تشکیل می‌دهد."
            .into(),
        keywords: vec!["ارومیه".into(), "یونسکو".into()],
    }
}

#[wasm_bindgen_test]
fn articles_and_comments_cross_as_plain_objects() {
    let a = article();
    assert_eq!(didgah_js::article(&article_value(&a)), Ok(a));
    // Every field may be missing, as with serde's `default`.
    assert_eq!(
        didgah_js::article(&parse("{}").unwrap()),
        Ok(Article::default())
    );
    assert_eq!(
        didgah_js::article(&parse(r#"{"keywords":[1]}"#).unwrap()),
        Err(Invalid)
    );
    let c = Comment {
        name: "مینا".into(),
        title: String::new(),
        text: "متن".into(),
    };
    assert_eq!(didgah_js::comment(&comment_value(&c)), Ok(c));
    assert_eq!(didgah_js::comment(&JsValue::NULL), Err(Invalid));
}

/// What the engine module exports, built here from the same calls it wraps
/// (`crates/didgah-engine-wasm`), as JS closures: `{checker(article, policy)}` returning
/// `{check(comment)}`.
fn fake_engine_module() -> EngineModule {
    let checker = Closure::<dyn Fn(JsValue, JsValue) -> Result<JsValue, JsValue>>::new(
        |article: JsValue, policy: JsValue| {
            let checker =
                Rc::new(didgah_js::checker(&article, &policy).map_err(|e| JsValue::from_str(&e))?);
            let check = Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(
                move |comment: JsValue| {
                    didgah_js::check(&checker, &comment).map_err(|_| JsValue::from_str("comment"))
                },
            );
            let out = new_object();
            set(&out, "check", check.into_js_value());
            Ok(out.into())
        },
    );
    let module = new_object();
    set(&module, "checker", checker.into_js_value());
    JsValue::from(module).into()
}

#[wasm_bindgen_test]
fn the_widget_checks_through_the_engine_module_as_the_server_would() {
    let module = fake_engine_module();
    let policy = parse(r#"{"words":{"block":["زشتواژه"]}}"#).unwrap();
    let check = engine::checker(&module, &article(), &policy).expect("the policy is accepted");
    let comment = Comment::text("شهردار زشتواژه است");
    let report = check.check(&comment).expect("a report comes back");
    // The report read back from JS values is the engine's own, field for field.
    let direct = didgah_rules::Checker::new(&policy_of(&policy), &article())
        .unwrap()
        .check(&comment);
    assert_eq!(report, direct);
    assert_eq!(report.outcome, Outcome::Block);
    let span = report.findings().flat_map(|f| &f.spans).next().unwrap();
    assert_eq!(&comment.text[span.start..span.end], "زشتواژه");

    // A policy the engine refuses is an error, not a panic.
    let bad = parse(r#"{"abuse":{"action":"sometimes","block_at":1,"flag_at":0}}"#).unwrap();
    assert!(engine::checker(&module, &article(), &bad).is_err());
}

fn policy_of(value: &JsValue) -> Policy {
    didgah_js::policy(value).unwrap()
}
