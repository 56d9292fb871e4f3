//! The comment form's state as a reducer: what the reader typed, the latest check of it, and
//! where sending stands. Pure data; effects (timers, fetch, storage) live in the components.

use std::rc::Rc;

use didgah_rules::{Comment, Report};
use yew::Reducible;

use crate::api::{ApiError, Limits};

/// The form's fields, as typed. Also the shape of the local draft (see [`crate::draft`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    pub name: String,
    pub email: String,
    pub title: String,
    pub text: String,
    /// Honeypot: hidden from people, filled by bots. Never stored in the draft.
    pub website: String,
}

impl Fields {
    /// The part of the fields the rules look at.
    pub fn comment(&self) -> Comment {
        Comment {
            name: self.name.clone(),
            title: self.title.clone(),
            text: self.text.clone(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.name.is_empty()
            && self.email.is_empty()
            && self.title.is_empty()
            && self.text.is_empty()
    }
}

/// One field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldId {
    Name,
    Email,
    Title,
    Text,
    Website,
}

/// What is wrong with a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Missing,
    Malformed,
    TooLong,
}

/// A problem with a field that is not a rule of the site (a missing name, a bad email…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: FieldId,
    pub problem: Problem,
    pub message: String,
}

/// Checks the fields against the form's own requirements. `with_identity` is false when a
/// signed user token supplies name and email.
pub fn validate(fields: &Fields, limits: &Limits, with_identity: bool) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut err = |field, problem, message: String| {
        errors.push(FieldError {
            field,
            problem,
            message,
        })
    };
    let chars = |s: &str| s.chars().count();
    if with_identity {
        if fields.name.trim().is_empty() {
            err(
                FieldId::Name,
                Problem::Missing,
                "نام خود را بنویسید.".into(),
            );
        } else if chars(&fields.name) > limits.name {
            err(FieldId::Name, Problem::TooLong, too_long(limits.name));
        }
        let email = fields.email.trim();
        if email.is_empty() {
            err(
                FieldId::Email,
                Problem::Missing,
                "ایمیل خود را بنویسید؛ این نشانی نمایش داده نمی‌شود.".into(),
            );
        } else if !looks_like_email(email) {
            err(
                FieldId::Email,
                Problem::Malformed,
                "نشانی ایمیل درست نیست؛ نمونه: name@example.com".into(),
            );
        }
    }
    if chars(&fields.title) > limits.title {
        err(FieldId::Title, Problem::TooLong, too_long(limits.title));
    }
    if fields.text.trim().is_empty() {
        err(
            FieldId::Text,
            Problem::Missing,
            "متن دیدگاه خود را بنویسید.".into(),
        );
    } else if chars(&fields.text) > limits.text {
        err(FieldId::Text, Problem::TooLong, too_long(limits.text));
    }
    errors
}

fn too_long(limit: usize) -> String {
    [
        "این بخش حداکثر ",
        &crate::fa::num(limit as u64),
        " نویسه می‌پذیرد؛ لطفاً آن را کوتاه‌تر کنید.",
    ]
    .concat()
}

/// `local@domain.tld` with no spaces: the server has the last word, this catches typos.
pub fn looks_like_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !email.chars().any(char::is_whitespace)
        && domain
            .split_once('.')
            .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty() && !b.ends_with('.'))
}

/// Where sending stands.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Sending {
    /// Writing.
    #[default]
    Idle,
    /// The reader tried to send a comment with warnings: they are shown with «ارسال با این حال».
    Confirming,
    /// The request is under way.
    InFlight,
    /// Accepted: waits for the moderators (`flagged` when it went in with warnings).
    Sent { flagged: bool },
    /// Not sent; the text is kept and the reader may retry.
    Failed(ApiError),
}

/// The form's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FormState {
    pub fields: Fields,
    /// The latest client-side check and the comment it was made for.
    pub checked: Option<(Comment, Rc<Report>)>,
    /// The reader pressed «ارسال دیدگاه» at least once: show every field's problems.
    pub attempted: bool,
    pub sending: Sending,
    /// The engine failed a check (it threw, or answered nonsense): it is not asked again, and
    /// the server alone checks the comment.
    pub checks_failed: bool,
}

impl FormState {
    /// The latest report, if it still matches what is in the fields.
    pub fn current_report(&self) -> Option<&Rc<Report>> {
        self.checked
            .as_ref()
            .filter(|(comment, _)| *comment == self.fields.comment())
            .map(|(_, report)| report)
    }
}

/// Everything that changes the form.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Edit(FieldId, String),
    /// A draft read back from local storage.
    Restore(Fields),
    Checked(Comment, Rc<Report>),
    /// The engine could not check the comment.
    CheckFailed,
    /// The reader asked to send; validation stopped it or it goes on.
    Attempt,
    /// Show the warnings and offer «ارسال با این حال».
    Confirm,
    /// Back to editing from the confirmation.
    Cancel,
    SendStarted,
    SendSucceeded {
        flagged: bool,
    },
    SendFailed(ApiError),
    /// Start a new comment after a successful one.
    Reset,
}

impl Reducible for FormState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(field, value) => {
                let slot = match field {
                    FieldId::Name => &mut next.fields.name,
                    FieldId::Email => &mut next.fields.email,
                    FieldId::Title => &mut next.fields.title,
                    FieldId::Text => &mut next.fields.text,
                    FieldId::Website => &mut next.fields.website,
                };
                *slot = value;
                // Editing answers the confirmation or the failure: back to writing.
                if matches!(next.sending, Sending::Confirming | Sending::Failed(_)) {
                    next.sending = Sending::Idle;
                }
            }
            Action::Restore(fields) => {
                if next.fields.is_empty() {
                    next.fields = fields;
                }
            }
            Action::Checked(comment, report) => next.checked = Some((comment, report)),
            Action::CheckFailed => next.checks_failed = true,
            Action::Attempt => next.attempted = true,
            Action::Confirm => next.sending = Sending::Confirming,
            Action::Cancel => next.sending = Sending::Idle,
            Action::SendStarted => next.sending = Sending::InFlight,
            Action::SendSucceeded { flagged } => {
                next = FormState {
                    fields: Fields {
                        name: next.fields.name,
                        email: next.fields.email,
                        ..Fields::default()
                    },
                    sending: Sending::Sent { flagged },
                    // A broken engine stays broken for the next comment too.
                    checks_failed: next.checks_failed,
                    ..FormState::default()
                };
            }
            Action::SendFailed(error) => next.sending = Sending::Failed(error),
            Action::Reset => next.sending = Sending::Idle,
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use didgah_rules::Outcome;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn filled() -> Fields {
        Fields {
            name: "مریم".into(),
            email: "maryam@example.com".into(),
            title: String::new(),
            text: "طرح خوبی برای ارومیه است.".into(),
            website: String::new(),
        }
    }

    #[wasm_bindgen_test]
    fn validation_names_each_problem() {
        let limits = Limits::default();
        assert!(validate(&filled(), &limits, true).is_empty());

        let mut f = filled();
        f.name = "  ".into();
        f.email = "maryam at example".into();
        f.text = "ب".repeat(limits.text + 1);
        let fields: Vec<_> = validate(&f, &limits, true)
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, [FieldId::Name, FieldId::Email, FieldId::Text]);
        // With a signed user token, name and email are not asked for.
        let fields: Vec<_> = validate(&f, &limits, false)
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, [FieldId::Text]);
        assert!(validate(&f, &limits, true)[2].message.contains("۳۰۰۰"));
    }

    #[wasm_bindgen_test]
    fn email_shapes() {
        assert!(looks_like_email("a.b@mail.example.ir"));
        for bad in ["a@b", "@b.ir", "a@@b.ir", "a b@c.ir", "a@.ir", "a@b."] {
            assert!(!looks_like_email(bad), "{bad}");
        }
    }

    #[wasm_bindgen_test]
    fn editing_leaves_the_confirmation_and_success_keeps_the_identity() {
        let state = Rc::new(FormState {
            fields: filled(),
            sending: Sending::Confirming,
            ..FormState::default()
        });
        let state = state.reduce(Action::Edit(FieldId::Text, "متن تازه".into()));
        assert_eq!(state.sending, Sending::Idle);
        let state = state.reduce(Action::SendSucceeded { flagged: true });
        assert_eq!(state.sending, Sending::Sent { flagged: true });
        assert_eq!(state.fields.name, "مریم");
        assert!(state.fields.text.is_empty());
    }

    #[wasm_bindgen_test]
    fn a_stale_report_is_not_current() {
        let state = Rc::new(FormState {
            fields: filled(),
            ..FormState::default()
        });
        let report = Rc::new(Report {
            outcome: Outcome::Flag,
            rules: vec![],
        });
        let state = state.reduce(Action::Checked(filled().comment(), report));
        assert_eq!(
            state.current_report().map(|r| r.outcome),
            Some(Outcome::Flag)
        );
        let state = state.reduce(Action::Edit(FieldId::Text, "چیز دیگر".into()));
        assert!(state.current_report().is_none());
    }
}
