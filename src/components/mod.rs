//! The widget's components, top to bottom: [`app::App`] loads the site's config (and, once the
//! reader focuses the form, the engine module) and holds the form ([`comment_form`]) and the
//! approved comments ([`comment_list`]).

pub mod app;
pub mod comment_form;
pub mod comment_list;
pub mod highlight;
pub mod rules_panel;

use didgah_rules::Outcome;

/// A finding's seriousness as the `data-outcome` attribute the stylesheet colours by. State goes
/// in attributes, not classes: Yew turns a computed `class` into an `IndexSet` (~3 KB of wasm).
pub fn outcome_attr(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Pass => "pass",
        Outcome::Flag => "flag",
        Outcome::Block => "block",
    }
}
