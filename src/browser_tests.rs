//! Component behaviour in a real browser (`wasm-pack test --headless --chrome`): the form
//! mounted inside a Shadow DOM root, as the loader mounts it, driven by DOM events.

use std::cell::Cell;
use std::rc::Rc;

use didgah_rules::{Comment, Field, Finding, Outcome, Report, Rule, RuleVerdict, Span};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement, ShadowRoot};
use yew::Callback;

use crate::api::{Endpoint, Limits};
use crate::components::comment_form::{CHECK_DEBOUNCE_MS, CommentForm, CommentFormProps};
use crate::engine::{CheckFn, Checks};

wasm_bindgen_test_configure!(run_in_browser);

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until `done` holds (the machine may be busy: no fixed sleeps in assertions), up to 3 s.
async fn eventually(done: impl Fn() -> bool) -> bool {
    for _ in 0..300 {
        if done() {
            return true;
        }
        sleep(10).await;
    }
    done()
}

/// A report with one finding of `outcome` on `word` in the text, or a pass when it is absent.
fn report_for(comment: &Comment, word: &str, outcome: Outcome) -> Option<Report> {
    let findings: Vec<Finding> = comment
        .text
        .find(word)
        .map(|start| Finding {
            rule: Rule::OnTopic,
            code: "advert".into(),
            outcome,
            message: "این بخش به موضوع خبر ربطی ندارد.".into(),
            message_native: None,
            spans: vec![Span {
                field: Field::Text,
                start,
                end: start + word.len(),
            }],
            evidence: String::new(),
            score: 0.9,
        })
        .into_iter()
        .collect();
    let worst = findings
        .iter()
        .map(|f| f.outcome)
        .max()
        .unwrap_or(Outcome::Pass);
    Some(Report {
        outcome: worst,
        rules: vec![RuleVerdict {
            rule: Rule::OnTopic,
            outcome: worst,
            score: 0.9,
            findings,
        }],
    })
}

struct Mounted {
    shadow: ShadowRoot,
    host: Element,
}

impl Mounted {
    fn find(&self, selector: &str) -> Option<Element> {
        self.shadow.query_selector(selector).unwrap()
    }

    fn text(&self) -> String {
        self.shadow.text_content().unwrap_or_default()
    }

    /// The control labelled `label`, found through the label's `for`, as a test of the labels.
    fn labelled(&self, label: &str) -> HtmlInputElement {
        let labels = self.shadow.query_selector_all("label").unwrap();
        for i in 0..labels.length() {
            let l: Element = labels.item(i).unwrap().dyn_into().unwrap();
            if l.text_content().as_deref() == Some(label) {
                let id = l.get_attribute("for").unwrap();
                return self.find(&format!("#{id}")).unwrap().unchecked_into();
            }
        }
        panic!("no label {label}");
    }

    fn type_into(&self, label: &str, value: &str) {
        let field = self.labelled(label);
        field.set_value(value);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
        field.dispatch_event(&event).unwrap();
    }

    /// Waits until Yew has rendered the message typed last (its counter shows its length), so
    /// a click goes to handlers that know the new text.
    async fn settle(&self) {
        let typed = self.labelled("پیام").value().chars().count();
        let expected = crate::fa::num(typed as u64) + " / ";
        let rendered = eventually(|| {
            self.find("#didgah-text-count")
                .and_then(|c| c.text_content())
                .is_some_and(|t| t.contains(&expected))
        })
        .await;
        assert!(rendered, "the form rendered the typed text");
    }

    fn click_button(&self, text: &str) {
        let buttons = self.shadow.query_selector_all("button").unwrap();
        for i in 0..buttons.length() {
            let b: HtmlElement = buttons.item(i).unwrap().dyn_into().unwrap();
            if b.text_content().as_deref() == Some(text) {
                b.click();
                return;
            }
        }
        panic!("no button {text}: {}", self.text());
    }

    fn focused_id(&self) -> Option<String> {
        self.shadow.active_element().map(|e| e.id())
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.host.remove();
    }
}

async fn mount_form(article: &str, checker: CheckFn) -> Mounted {
    mount_form_with(article, Checks::Ready(checker), Callback::noop()).await
}

async fn mount_form_with(article: &str, checks: Checks, on_writing: Callback<()>) -> Mounted {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    let root = document.create_element("div").unwrap();
    shadow.append_child(&root).unwrap();
    let props = CommentFormProps {
        // Nothing listens on port 9: sending fails as it does when the server is down.
        endpoint: Rc::new(Endpoint {
            server: "http://127.0.0.1:9".into(),
            site: "test".into(),
            article: article.into(),
        }),
        checks,
        on_writing,
        limits: Limits::default(),
        user_token: None,
    };
    yew::Renderer::<CommentForm>::with_root_and_props(root, props).render();
    let rendered = eventually(|| shadow.query_selector("form").ok().flatten().is_some()).await;
    assert!(rendered, "the form renders");
    Mounted { shadow, host }
}

fn passing() -> CheckFn {
    CheckFn::new(|c| report_for(c, "\u{0}", Outcome::Pass))
}

#[wasm_bindgen_test]
async fn fields_are_labelled_and_the_counter_speaks_persian() {
    let m = mount_form("labels", passing()).await;
    for label in ["نام شما", "ایمیل شما", "عنوان", "پیام"] {
        let _ = m.labelled(label);
    }
    assert!(m.text().contains("ارسال دیدگاه"));
    m.type_into("پیام", "ارومیه زیباست");
    m.settle().await;
    let counter = m
        .find("#didgah-text-count")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(counter.ends_with("۱۳ / ۳۰۰۰"), "{counter}");
}

#[wasm_bindgen_test]
async fn an_empty_send_names_what_is_missing_and_focuses_it() {
    let m = mount_form("empty", passing()).await;
    let before = m.labelled("نام شما");
    m.click_button("ارسال دیدگاه");
    assert!(eventually(|| m.text().contains("نام خود را بنویسید.")).await);
    assert!(
        before.is_same_node(Some(&m.labelled("نام شما"))),
        "showing errors keeps the fields"
    );
    let text = m.text();
    assert!(text.contains("نام خود را بنویسید."), "{text}");
    assert!(text.contains("متن دیدگاه خود را بنویسید."), "{text}");
    assert!(eventually(|| m.focused_id().as_deref() == Some("didgah-name")).await);
    assert_eq!(
        m.labelled("نام شما")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn checks_wait_for_a_pause_in_typing() {
    let calls = Rc::new(Cell::new(0));
    let counted = calls.clone();
    let checker = CheckFn::new(move |c| {
        counted.set(counted.get() + 1);
        report_for(c, "\u{0}", Outcome::Pass)
    });
    let m = mount_form("debounce", checker).await;
    for text in ["ش", "شه", "شهر", "شهر خلاق"] {
        m.type_into("پیام", text);
        sleep(20).await;
    }
    assert_eq!(calls.get(), 0, "no check while typing");
    sleep(CHECK_DEBOUNCE_MS as i32 + 100).await;
    assert_eq!(calls.get(), 1, "one check after the pause");
    assert!(m.text().contains("رعایت شده"));
}

#[wasm_bindgen_test]
async fn blocking_findings_stop_the_send_and_are_marked_in_place() {
    let m = mount_form(
        "block",
        CheckFn::new(|c| report_for(c, "حراج", Outcome::Block)),
    )
    .await;
    m.type_into("نام شما", "سارا");
    m.type_into("ایمیل شما", "sara@example.com");
    m.type_into("پیام", "حراج ویژه کفش فقط امروز");
    m.settle().await;
    m.click_button("ارسال دیدگاه");
    assert!(eventually(|| m.find(".hl-mirror mark[data-outcome=block]").is_some()).await);
    let mark = m
        .find(".hl-mirror mark[data-outcome=block]")
        .expect("blocking span is marked");
    assert_eq!(mark.text_content().as_deref(), Some("حراج"));
    assert!(m.text().contains("مانع ارسال"));
    assert!(m.find(".confirm").is_none() && m.find(".send-error").is_none());
    assert!(eventually(|| m.focused_id().as_deref() == Some("didgah-text")).await);
}

#[wasm_bindgen_test]
async fn warnings_nudge_and_a_failed_send_keeps_the_text_for_a_retry() {
    let m = mount_form(
        "nudge",
        CheckFn::new(|c| report_for(c, "تخفیف", Outcome::Flag)),
    )
    .await;
    m.type_into("نام شما", "سارا");
    m.type_into("ایمیل شما", "sara@example.com");
    m.type_into("پیام", "برای جشنواره انگور تخفیف بدهند");
    m.settle().await;
    m.click_button("ارسال دیدگاه");
    assert!(
        eventually(|| m.find(".confirm").is_some()).await,
        "the nudge is shown"
    );
    let confirm = m.find(".confirm").unwrap();
    assert!(
        confirm
            .text_content()
            .unwrap()
            .contains("این بخش به موضوع خبر ربطی ندارد.")
    );
    let on_panel = || {
        m.shadow
            .active_element()
            .is_some_and(|e| e.class_name() == "confirm")
    };
    assert!(eventually(on_panel).await, "focus moves to the nudge panel");

    m.click_button("ارسال با این حال");
    assert!(eventually(|| m.find(".send-error").is_some()).await);
    let error = m.find(".send-error").expect("the failure is told");
    assert!(error.text_content().unwrap().contains("ارتباط با سرور"));
    assert_eq!(m.labelled("پیام").value(), "برای جشنواره انگور تخفیف بدهند");
    assert!(m.text().contains("تلاش دوباره"));
}

#[wasm_bindgen_test]
async fn the_first_focus_asks_for_the_engine() {
    let asked = Rc::new(Cell::new(0));
    let counted = asked.clone();
    let on_writing = Callback::from(move |()| counted.set(counted.get() + 1));
    let m = mount_form_with("focus", Checks::Idle, on_writing).await;
    assert_eq!(
        asked.get(),
        0,
        "nothing is asked for before the reader comes"
    );
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    let focus = web_sys::Event::new_with_event_init_dict("focusin", &init).unwrap();
    m.labelled("پیام").dispatch_event(&focus).unwrap();
    assert!(
        eventually(|| asked.get() > 0).await,
        "a focus in the form asks for the engine"
    );
    // Nothing is said about the checks before there is anything to check.
    assert!(m.find(".rules-note").is_none());
}

#[wasm_bindgen_test]
async fn while_the_engine_loads_the_panel_says_so() {
    let m = mount_form_with("loading", Checks::Loading, Callback::noop()).await;
    assert!(m.find(".rules-note").is_none(), "no note for an empty form");
    m.type_into("پیام", "ارومیه زیباست");
    m.settle().await;
    let note = m.find(".rules-note").expect("the note is shown");
    assert!(note.text_content().unwrap().contains("در حال آماده شدن"));
}

#[wasm_bindgen_test]
async fn without_the_engine_the_reader_is_told_and_can_still_send() {
    let m = mount_form_with("unavailable", Checks::Unavailable, Callback::noop()).await;
    let note = m.find(".rules-note").expect("the note is shown");
    assert!(
        note.text_content()
            .unwrap()
            .contains("دیدگاه شما پس از ارسال بررسی می‌شود")
    );
    m.type_into("نام شما", "سارا");
    m.type_into("ایمیل شما", "sara@example.com");
    m.type_into("پیام", "برنامه دبیرخانه شهر خلاق خوب است");
    m.settle().await;
    m.click_button("ارسال دیدگاه");
    // The send is attempted (nothing listens on port 9, so it fails as when offline).
    assert!(eventually(|| m.find(".send-error").is_some()).await);
    assert!(m.find(".confirm").is_none());
}

#[wasm_bindgen_test]
async fn an_engine_that_fails_a_check_is_not_asked_again_and_the_reader_is_told() {
    let calls = Rc::new(Cell::new(0));
    let counted = calls.clone();
    // The first check answers; the second fails, as when the engine module traps.
    let checker = CheckFn::new(move |c| {
        counted.set(counted.get() + 1);
        (counted.get() == 1)
            .then(|| report_for(c, "\u{0}", Outcome::Pass))
            .flatten()
    });
    let m = mount_form("engine-fails", checker).await;
    m.type_into("نام شما", "سارا");
    m.type_into("ایمیل شما", "sara@example.com");
    m.type_into("پیام", "ارومیه زیباست");
    m.settle().await;
    assert!(eventually(|| m.text().contains("رعایت شده")).await);
    m.type_into("پیام", "ارومیه زیباست و دیدنی");
    m.settle().await;
    assert!(
        eventually(|| m
            .find(".rules-note")
            .and_then(|n| n.text_content())
            .is_some_and(|t| t.contains("دیدگاه شما پس از ارسال بررسی می‌شود")))
        .await,
        "the note replaces the stale report"
    );
    assert!(!m.text().contains("رعایت شده"), "no stale verdicts");
    m.type_into("پیام", "ارومیه زیباست و دیدنی است");
    m.settle().await;
    sleep(CHECK_DEBOUNCE_MS as i32 + 100).await;
    m.click_button("ارسال دیدگاه");
    // Sent without a client check (nothing listens on port 9: it fails as when offline).
    assert!(eventually(|| m.find(".send-error").is_some()).await);
    assert_eq!(
        calls.get(),
        2,
        "neither typing nor sending asks the failed engine again"
    );
}
