//! The comment form: the seed page's four fields, checks as the reader types (debounced), the
//! nudge (warnings → «ارسال با این حال»), blocking findings that stop the send, a honeypot, a
//! local draft, and sending with Persian errors and retry.
//!
//! The form is usable before the rules engine is: its first focus asks the app to fetch the
//! engine module, and until the checks are ready (or if they never are) the rules panel says so
//! and sending works as usual — the server checks every comment anyway.

use std::rc::Rc;

use didgah_rules::{Comment, Field, Outcome, Report};
use gloo::timers::callback::Timeout;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlElement;
use yew::prelude::*;

use super::highlight::{Highlighted, Mark, highlight, text_dir};
use super::rules_panel::{rules_panel, summary};
use crate::api::{ApiError, Endpoint, Limits, NewComment};
use crate::engine::Checks;
use crate::state::{Action, FieldError, FieldId, Fields, FormState, Problem, Sending, validate};
use crate::{draft, fa, page};

/// Quiet time after the last keystroke before the rules run.
pub const CHECK_DEBOUNCE_MS: u32 = 250;

/// Said in the rules panel when the engine could not be loaded, or failed a check.
const UNAVAILABLE: &str =
    "بررسی خودکار قوانین اکنون در دسترس نیست؛ دیدگاه شما پس از ارسال بررسی می‌شود.";

#[derive(Properties, PartialEq)]
pub struct CommentFormProps {
    pub endpoint: Rc<Endpoint>,
    /// Where the rules engine stands; without it the server alone checks.
    pub checks: Checks,
    /// The reader is writing — a focus in the form, or a draft brought back —: time to fetch
    /// the engine (the app does it once).
    #[prop_or_default]
    pub on_writing: Callback<()>,
    pub limits: Limits,
    /// A token signed by the site for a logged-in reader: name and email come from it.
    #[prop_or_default]
    pub user_token: Option<AttrValue>,
}

/// The byte spans of every finding in `field` that is not a pass.
fn marks(report: Option<&Report>, field: Field) -> Vec<Mark> {
    report
        .into_iter()
        .flat_map(|r| r.findings())
        .filter(|f| f.outcome != Outcome::Pass)
        .flat_map(|f| {
            f.spans.iter().filter(|s| s.field == field).map(|s| Mark {
                start: s.start,
                end: s.end,
                outcome: f.outcome,
            })
        })
        .collect()
}

/// Whether there is anything for the rules to check.
fn has_words(comment: &Comment) -> bool {
    !comment.text.trim().is_empty() || !comment.title.trim().is_empty()
}

fn error_for(errors: &[FieldError], field: FieldId) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.clone())
}

fn focus(node: &NodeRef) {
    if let Some(el) = node.cast::<HtmlElement>() {
        let _ = el.focus();
    }
}

/// The form field a server error names (`"field"` in `docs/API.md`), if the form shows it.
fn server_field(error: &ApiError) -> Option<FieldId> {
    let ApiError::Rejected {
        field: Some(field), ..
    } = error
    else {
        return None;
    };
    Some(match field.as_str() {
        "name" => FieldId::Name,
        "email" => FieldId::Email,
        "title" => FieldId::Title,
        "text" => FieldId::Text,
        _ => return None,
    })
}

/// «۱۲ / ۳۰۰۰», red past the limit.
fn counter(id: &'static str, value: &str, limit: usize) -> Html {
    let used = value.chars().count();
    let over = used > limit;
    html! {
        <span id={id} class="counter" data-over={over.then_some("true")}>
            <span class="sr-only">{"تعداد نویسه‌ها: "}</span>
            {fa::num(used as u64) + " / " + &fa::num(limit as u64)}
        </span>
    }
}

#[function_component(CommentForm)]
pub fn comment_form(props: &CommentFormProps) -> Html {
    let state = use_reducer(FormState::default);
    let with_identity = props.user_token.is_none();
    // Whom a signed user token sends the comment as, to show instead of name and email.
    let reader = use_memo(props.user_token.clone(), |token| {
        token.as_deref().and_then(page::token_name)
    });
    let draft_key = draft::key(&props.endpoint.site, &props.endpoint.article);
    let refs = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    let (name_ref, email_ref, title_ref, text_ref, panel_ref) = refs.clone();
    let field_ref = move |field: FieldId| {
        let (n, m, t, x, _) = &refs;
        match field {
            FieldId::Name => n.clone(),
            FieldId::Email => m.clone(),
            FieldId::Title => t.clone(),
            FieldId::Text | FieldId::Website => x.clone(),
        }
    };
    // A server error about one field (name, email…) is fixed there: focus goes to it.
    let failed_field = match &state.sending {
        // Without name and email fields (a signed user token), the error panel has the focus.
        Sending::Failed(error) => server_field(error)
            .filter(|f| with_identity || matches!(f, FieldId::Title | FieldId::Text)),
        _ => None,
    };

    // Bring back an unsent comment after a reload, and with it the checks: a draft is writing
    // under way (and its rules panel should not appear only when the reader presses «ارسال»,
    // moving the button away under the pointer).
    {
        let dispatcher = state.dispatcher();
        let key = draft_key.clone();
        let on_writing = props.on_writing.clone();
        use_effect_with((), move |_| {
            if let Some(fields) = draft::load(&key) {
                if has_words(&fields.comment()) {
                    on_writing.emit(());
                }
                dispatcher.dispatch(Action::Restore(fields));
            }
        });
    }
    // Keep the draft as the reader types (only once restoring had its chance).
    {
        let key = draft_key.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(state.fields.clone(), move |fields| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                draft::save(&key, fields);
            }
        });
    }
    // Check the rules once the reader pauses (and once the engine arrives).
    // An engine that failed a check (it threw) is not asked again: the server checks.
    let checker = props
        .checks
        .ready()
        .filter(|_| !state.checks_failed)
        .cloned();
    {
        let dispatcher = state.dispatcher();
        let comment = state.fields.comment();
        use_effect_with((comment, checker.clone()), move |(comment, checker)| {
            let pending = checker
                .clone()
                .filter(|_| has_words(comment))
                .map(|checker| {
                    let comment = comment.clone();
                    Timeout::new(CHECK_DEBOUNCE_MS, move || {
                        dispatcher.dispatch(match checker.check(&comment) {
                            Some(report) => Action::Checked(comment, Rc::new(report)),
                            None => Action::CheckFailed,
                        });
                    })
                });
            move || drop(pending)
        });
    }
    // Move focus to what the reader must read next: the panel, or the field a server error names.
    {
        let target = failed_field.map_or_else(|| panel_ref.clone(), &field_ref);
        let kind = std::mem::discriminant(&state.sending);
        use_effect_with(kind, move |_| focus(&target));
    }

    let errors = validate(&state.fields, &props.limits, with_identity);
    let shown_errors: Vec<FieldError> = if state.attempted {
        errors.clone()
    } else {
        // Before the first send, only say what is already too long.
        errors
            .iter()
            .filter(|e| e.problem == Problem::TooLong)
            .cloned()
            .collect()
    };

    let send: Rc<dyn Fn(Fields, Option<Rc<Report>>)> = {
        let dispatcher = state.dispatcher();
        let endpoint = props.endpoint.clone();
        let token = props.user_token.clone();
        let key = draft_key.clone();
        Rc::new(move |fields: Fields, report: Option<Rc<Report>>| {
            dispatcher.dispatch(Action::SendStarted);
            let dispatcher = dispatcher.clone();
            let endpoint = endpoint.clone();
            let token = token.clone();
            let key = key.clone();
            spawn_local(async move {
                let body = NewComment {
                    site_id: &endpoint.site,
                    article_id: &endpoint.article,
                    // As typed, so the client report's spans still point at the right words.
                    name: if token.is_some() { "" } else { &fields.name },
                    email: if token.is_some() {
                        ""
                    } else {
                        fields.email.trim()
                    },
                    title: &fields.title,
                    text: &fields.text,
                    client_report: report.as_deref(),
                    website: &fields.website,
                    user_token: token.as_deref(),
                };
                match endpoint.send(&body).await {
                    Ok(created) => {
                        draft::clear(&key);
                        dispatcher.dispatch(Action::SendSucceeded {
                            flagged: created.status == "flagged",
                        });
                    }
                    Err(error) => {
                        if let ApiError::Blocked(report) = &error {
                            dispatcher.dispatch(Action::Checked(fields.comment(), report.clone()));
                        }
                        dispatcher.dispatch(Action::SendFailed(error));
                    }
                }
            });
        })
    };

    let onsubmit = {
        let state = state.clone();
        let checker = checker.clone();
        let send = send.clone();
        let field_ref = field_ref.clone();
        let title_ref = title_ref.clone();
        let text_ref = text_ref.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if matches!(state.sending, Sending::InFlight) {
                return;
            }
            state.dispatch(Action::Attempt);
            if let Some(first) = errors.first() {
                focus(&field_ref(first.field));
                return;
            }
            let comment = state.fields.comment();
            let report = checker
                .as_ref()
                .and_then(|c| c.check(&comment))
                .map(Rc::new);
            if let Some(report) = &report {
                state.dispatch(Action::Checked(comment, report.clone()));
            }
            match report.as_ref().map_or(Outcome::Pass, |r| r.outcome) {
                Outcome::Block => {
                    let text_blocked = report.iter().flat_map(|r| r.findings()).any(|f| {
                        f.outcome == Outcome::Block
                            && f.spans.iter().any(|s| s.field == Field::Title)
                    });
                    focus(if text_blocked { &title_ref } else { &text_ref });
                }
                Outcome::Flag if !matches!(state.sending, Sending::Confirming) => {
                    state.dispatch(Action::Confirm)
                }
                _ => send(state.fields.clone(), report),
            }
        })
    };

    // One delegated handler for every field: the field is told by its id (`didgah-<field>`).
    let oninput = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let field = match input.id().strip_prefix("didgah-") {
                Some("name") => FieldId::Name,
                Some("email") => FieldId::Email,
                Some("title") => FieldId::Title,
                Some("text") => FieldId::Text,
                Some("website") => FieldId::Website,
                _ => return,
            };
            dispatcher.dispatch(Action::Edit(field, input.value()));
        })
    };

    let current = state.current_report().cloned();
    // The latest report and the comment it was made for. Once the engine has failed, its last
    // report would stay stale for ever: only a current one (the server's, after a send) shows.
    let latest = state
        .checked
        .as_ref()
        .map(|(c, r)| (c, &**r))
        .filter(|_| !state.checks_failed || current.is_some());
    let stale = latest.is_some() && current.is_none();
    let live = match (&state.sending, current.as_deref()) {
        (Sending::InFlight, _) => "در حال ارسال دیدگاه…".to_owned(),
        (_, Some(report)) => summary(report),
        _ => String::new(),
    };
    // Always one node (possibly empty): Yew matches unkeyed children from the end, so a child
    // that comes and goes would re-create its siblings and lose the reader's focus.
    let field_error = |field: FieldId, id: &'static str| match error_for(&shown_errors, field) {
        Some(message) => html! { <p class="field-error" id={id}>{message}</p> },
        None => html! {},
    };
    let describe = |parts: &[Option<&str>]| -> Option<AttrValue> {
        let mut ids = String::new();
        for id in parts.iter().flatten() {
            if !ids.is_empty() {
                ids.push(' ');
            }
            ids.push_str(id);
        }
        (!ids.is_empty()).then(|| AttrValue::from(ids))
    };
    let invalid =
        |field: FieldId| error_for(&shown_errors, field).is_some() || failed_field == Some(field);
    let server_says = |field: FieldId| (failed_field == Some(field)).then_some("didgah-send-error");
    let has_error = |field: FieldId| error_for(&shown_errors, field).is_some();
    // Until the engine is there (or when it cannot be), the rules panel says so calmly.
    let note = match &props.checks {
        _ if latest.is_some() => None,
        _ if state.checks_failed => Some(UNAVAILABLE),
        Checks::Loading if has_words(&state.fields.comment()) => {
            Some("بررسی خودکار قوانین سایت در حال آماده شدن است…")
        }
        Checks::Unavailable => Some(UNAVAILABLE),
        _ => None,
    };
    let panel_shown = latest.is_some() || note.is_some();
    let onfocusin = {
        let on_writing = props.on_writing.clone();
        Callback::from(move |_: FocusEvent| on_writing.emit(()))
    };
    let identity = match &*reader {
        Some(name) => html! {
            <p class="identity">{"دیدگاه شما با نام «"}<bdi>{name.clone()}</bdi>{"» فرستاده می‌شود."}</p>
        },
        None => html! {},
    };

    if let Sending::Sent { flagged } = state.sending {
        let again = {
            let dispatcher = state.dispatcher();
            Callback::from(move |_| dispatcher.dispatch(Action::Reset))
        };
        return html! {
            <div class="sent" role="status" tabindex="-1" ref={panel_ref}>
                <p class="sent-title">{"دیدگاه شما ثبت شد."}</p>
                <p>{"دیدگاه‌های ارسال شده توسط شما، پس از تایید توسط تیم مدیریت در پایگاه منتشر خواهد شد."}</p>
                if flagged {
                    <p class="sent-note">{"چون بررسی خودکار هشداری داشت، مدیران با دقت بیشتری آن را می‌خوانند."}</p>
                }
                <button type="button" class="btn secondary" onclick={again}>{"نوشتن دیدگاه دیگر"}</button>
            </div>
        };
    }

    let status_panel = match &state.sending {
        Sending::Confirming => {
            let warnings: Vec<String> = current
                .iter()
                .flat_map(|r| r.findings())
                .filter(|f| f.outcome == Outcome::Flag)
                .map(|f| f.message.clone())
                .collect();
            let send_anyway = {
                let send = send.clone();
                let fields = state.fields.clone();
                let report = current.clone();
                Callback::from(move |_| send(fields.clone(), report.clone()))
            };
            let back = {
                let dispatcher = state.dispatcher();
                let text_ref = text_ref.clone();
                Callback::from(move |_| {
                    dispatcher.dispatch(Action::Cancel);
                    focus(&text_ref);
                })
            };
            html! {
                <div class="confirm" role="group" aria-labelledby="didgah-confirm-title" tabindex="-1" ref={panel_ref.clone()}>
                    <p id="didgah-confirm-title" class="confirm-title">{"پیش از ارسال، این هشدارها را ببینید:"}</p>
                    <ul>{for warnings.into_iter().map(|w| html!{ <li>{w}</li> })}</ul>
                    <p>{"اگر دیدگاه را همین‌طور بفرستید، مدیران پیش از انتشار آن را با این هشدارها بررسی می‌کنند."}</p>
                    <div class="actions">
                        <button type="button" class="btn" onclick={send_anyway}>{"ارسال با این حال"}</button>
                        <button type="button" class="btn secondary" onclick={back}>{"ویرایش دیدگاه"}</button>
                    </div>
                </div>
            }
        }
        Sending::Failed(error) => {
            let retry = error.retryable().then(|| {
                let send = send.clone();
                let fields = state.fields.clone();
                let report = current.clone();
                Callback::from(move |_| send(fields.clone(), report.clone()))
            });
            html! {
                <div class="send-error" id="didgah-send-error" role="alert" tabindex="-1" ref={panel_ref.clone()}>
                    <p>{error.message()}</p>
                    if let Some(retry) = retry {
                        <button type="button" class="btn" onclick={retry}>{"تلاش دوباره"}</button>
                    }
                </div>
            }
        }
        _ => html! {},
    };

    let in_flight = matches!(state.sending, Sending::InFlight);
    let f = &state.fields;
    html! {
        <form class="form" novalidate=true {onsubmit} {onfocusin} {oninput} aria-describedby="didgah-publish-note">
            if with_identity {
                <div class="row">
                    <div class="field">
                        <label for="didgah-name">{"نام شما"}</label>
                        <input id="didgah-name" name="name" type="text" autocomplete="name" dir={text_dir(&f.name)}
                            ref={name_ref} value={f.name.clone()}
                            aria-invalid={invalid(FieldId::Name).then_some("true")}
                            aria-describedby={describe(&[has_error(FieldId::Name).then_some("didgah-name-error"), server_says(FieldId::Name)])}
                            aria-required="true" />
                        {field_error(FieldId::Name, "didgah-name-error")}
                    </div>
                    <div class="field">
                        <label for="didgah-email">{"ایمیل شما"}</label>
                        <input id="didgah-email" name="email" type="email" autocomplete="email" dir="ltr"
                            ref={email_ref} value={f.email.clone()}
                            aria-invalid={invalid(FieldId::Email).then_some("true")}
                            aria-describedby={describe(&[Some("didgah-email-hint"), has_error(FieldId::Email).then_some("didgah-email-error"), server_says(FieldId::Email)])}
                            aria-required="true" />
                        <p class="hint" id="didgah-email-hint">{"ایمیل شما نمایش داده نمی‌شود."}</p>
                        {field_error(FieldId::Email, "didgah-email-error")}
                    </div>
                </div>
            } else {
                {identity}
            }
            <div class="field">
                <div class="label-row">
                    <label for="didgah-title">{"عنوان"}</label>
                    {counter("didgah-title-count", &f.title, props.limits.title)}
                </div>
                {highlight(Highlighted {
                    id: "didgah-title",
                    value: &f.title,
                    marks: marks(current.as_deref(), Field::Title),
                    multiline: false,
                    invalid: invalid(FieldId::Title),
                    describedby: describe(&[Some("didgah-title-count"), has_error(FieldId::Title).then_some("didgah-title-error"), server_says(FieldId::Title)]),
                    placeholder: None,
                    node_ref: title_ref,
                })}
                {field_error(FieldId::Title, "didgah-title-error")}
            </div>
            <div class="field">
                <div class="label-row">
                    <label for="didgah-text">{"پیام"}</label>
                    {counter("didgah-text-count", &f.text, props.limits.text)}
                </div>
                {highlight(Highlighted {
                    id: "didgah-text",
                    value: &f.text,
                    marks: marks(current.as_deref(), Field::Text),
                    multiline: true,
                    invalid: invalid(FieldId::Text),
                    describedby: describe(&[Some("didgah-text-count"), has_error(FieldId::Text).then_some("didgah-text-error"), server_says(FieldId::Text), panel_shown.then_some("didgah-rules")]),
                    placeholder: Some("پیام خود را وارد کنید ..."),
                    node_ref: text_ref,
                })}
                {field_error(FieldId::Text, "didgah-text-error")}
            </div>
            // Honeypot: off-screen and out of the tab order; people never fill it, bots do.
            <div class="hp" aria-hidden="true">
                <label for="didgah-website">{"وب‌سایت"}</label>
                <input id="didgah-website" name="website" type="text" tabindex="-1" autocomplete="off"
                    value={f.website.clone()} />
            </div>
            {rules_panel(latest, stale, note)}
            <p class="sr-only" aria-live="polite" role="status">{live}</p>
            {status_panel}
            // While the nudge is open its own two buttons are the choice.
            if !matches!(state.sending, Sending::Confirming) {
                <div class="actions">
                    <button type="submit" class="btn" disabled={in_flight} aria-busy={in_flight.then_some("true")}>
                        {if in_flight { "در حال ارسال…" } else { "ارسال دیدگاه" }}
                    </button>
                </div>
            }
            <p class="note" id="didgah-publish-note">{"دیدگاه‌ها پس از تایید تیم مدیریت منتشر می‌شوند. پیام‌هایی که حاوی تهمت یا افترا باشد، به غیر از زبان فارسی یا غیر مرتبط باشد منتشر نخواهد شد."}</p>
        </form>
    }
}
