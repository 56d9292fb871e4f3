//! The widget's components, top to bottom: [`app::App`] loads the site's config (and, once the
//! reader focuses the form, the engine module) and holds the form ([`comment_form`]) and the
//! approved comments ([`comment_list`]).

pub mod app;
pub mod comment_form;
pub mod comment_list;
pub mod highlight;
pub mod rules_panel;
