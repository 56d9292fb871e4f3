//! The rules engine as the reader's second wasm module (`www/pkg/didgah_engine*`): the widget
//! shows the form without it and the loader fetches it once the reader starts writing, so the
//! engine's code and word data (~60 KB gzip) are not in the download before the form is usable.
//!
//! Thin on purpose: values cross as plain JS objects in the contract's JSON shapes, read and
//! written by `didgah-js` (the same code the widget uses), and the engine is `didgah-rules`.
//!
//! ```js
//! const checker = engine.checker(article, policy); // throws a string on a bad policy
//! const report = checker.check({name, title, text}); // a Report as plain JS values
//! ```

use wasm_bindgen::prelude::*;

/// A checker for one article under one site policy (building it pre-processes the word lists).
#[wasm_bindgen]
pub struct Checker(didgah_rules::Checker);

/// Builds the checker from the article `{id, title, lead, body, keywords}` and the site's
/// policy (as `GET /api/sites/{site}/config` gives it). Throws a string saying what is wrong.
#[wasm_bindgen]
pub fn checker(article: JsValue, policy: JsValue) -> Result<Checker, JsValue> {
    didgah_js::checker(&article, &policy)
        .map(Checker)
        .map_err(|e| JsValue::from_str(&e))
}

#[wasm_bindgen]
impl Checker {
    /// The report on the comment `{name, title, text}`; throws when it is not such an object.
    pub fn check(&self, comment: JsValue) -> Result<JsValue, JsValue> {
        didgah_js::check(&self.0, &comment)
            .map_err(|_| JsValue::from_str("the comment is not an object of strings"))
    }
}
