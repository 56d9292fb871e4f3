//! The widget's side of the rules engine, which is a second wasm module
//! (`crates/didgah-engine-wasm`, `www/pkg/didgah_engine*`): the form is usable without it, and
//! the loader's `options.engine()` fetches it once the reader starts writing (the first focus in
//! the form, or a draft brought back from local storage).
//!
//! Values cross between the two modules as plain JS objects in the contract's JSON shapes
//! (`didgah-js` reads and writes them on both sides), so this module links only the engine's
//! types, never its code or word data.

use std::rc::Rc;

use didgah_rules::{Article, Comment, Report};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::json;

#[wasm_bindgen]
extern "C" {
    /// `options.engine`: a function returning a promise of the initialised engine module
    /// (`www/loader.js` fetches and instantiates it once, however often it is called).
    #[derive(Debug, Clone, PartialEq)]
    pub type LoadEngine;
    #[wasm_bindgen(method, catch, js_name = call)]
    fn call(this: &LoadEngine, this_arg: &JsValue) -> Result<JsValue, JsValue>;

    /// The engine module's exports.
    #[derive(Clone, PartialEq)]
    pub type EngineModule;
    #[wasm_bindgen(method, catch)]
    fn checker(
        this: &EngineModule,
        article: &JsValue,
        policy: &JsValue,
    ) -> Result<EngineChecker, JsValue>;

    /// The engine's checker for one article and policy; it lives in the engine's memory.
    pub type EngineChecker;
    #[wasm_bindgen(method, catch)]
    fn check(this: &EngineChecker, comment: &JsValue) -> Result<JsValue, JsValue>;
}

/// Fetches (once, in the loader) and instantiates the engine module.
pub async fn load(engine: &LoadEngine) -> Result<EngineModule, JsValue> {
    // `Promise.resolve`: whatever `engine()` returned, a promise or not, can be awaited.
    let pending = js_sys::Promise::resolve(&engine.call(&JsValue::UNDEFINED)?);
    Ok(JsFuture::from(pending).await?.unchecked_into())
}

/// A checker for `article` under the site's `policy` (the config's JSON, unread here: the
/// engine reads and validates it). Fails on a policy the engine refuses.
pub fn checker(
    module: &EngineModule,
    article: &Article,
    policy: &JsValue,
) -> Result<CheckFn, JsValue> {
    let remote = module.checker(&json::article_value(article), policy)?;
    Ok(CheckFn::new(move |comment| {
        let report = remote
            .check(&json::comment_value(comment))
            .and_then(|value| {
                json::report(&value).map_err(|_| JsValue::from_str("its report is not a report"))
            });
        report
            .inspect_err(|error| {
                web_sys::console::warn_2(
                    &JsValue::from_str(
                        "didgah: the rules engine failed a check; the server checks comments:",
                    ),
                    error,
                );
            })
            .ok()
    }))
}

/// How the form checks a comment: the engine module in the app, a fixed answer in tests.
/// `None` when the check could not be made. Compared by identity, so a new checker (new
/// policy) re-runs the checks.
#[derive(Clone)]
pub struct CheckFn(Rc<Check>);

type Check = dyn Fn(&Comment) -> Option<Report>;

impl CheckFn {
    pub fn new(f: impl Fn(&Comment) -> Option<Report> + 'static) -> Self {
        CheckFn(Rc::new(f))
    }

    pub fn check(&self, comment: &Comment) -> Option<Report> {
        (self.0)(comment)
    }
}

impl PartialEq for CheckFn {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Where the form's checks stand.
#[derive(Clone, PartialEq)]
pub enum Checks {
    /// The reader has not started writing (focused the form) yet: the engine is not fetched.
    Idle,
    /// The engine module is on its way.
    Loading,
    Ready(CheckFn),
    /// The engine could not be loaded or refused the site's policy: the server checks the
    /// comment after sending (it always does).
    Unavailable,
}

impl Checks {
    pub fn ready(&self) -> Option<&CheckFn> {
        match self {
            Checks::Ready(check) => Some(check),
            _ => None,
        }
    }
}
