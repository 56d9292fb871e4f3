//! The widget's components, top to bottom: [`app::App`] loads the site's config and holds the
//! form ([`comment_form`]) and the approved comments ([`comment_list`]).

pub mod app;
pub mod comment_form;
pub mod comment_list;
pub mod highlight;
pub mod rules_panel;

use std::rc::Rc;

use didgah_rules::{Comment, Report};

/// How the form checks a comment: the rules engine in the app, a fixed answer in tests.
/// Compared by identity, so a new checker (new policy) re-runs the checks.
#[derive(Clone)]
pub struct CheckFn(pub Rc<dyn Fn(&Comment) -> Report>);

impl CheckFn {
    pub fn new(f: impl Fn(&Comment) -> Report + 'static) -> Self {
        CheckFn(Rc::new(f))
    }

    pub fn check(&self, comment: &Comment) -> Report {
        (self.0)(comment)
    }
}

impl PartialEq for CheckFn {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
