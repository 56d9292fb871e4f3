//! The didgah comment box: a Yew app mounted by `www/loader.js` into a Shadow DOM root on the
//! host page. It checks the comment against the site's three rules as the reader types (advice;
//! the server has the last word), sends it, and lists the approved comments.
//!
//! The rules engine is a second wasm module (`crates/didgah-engine-wasm`), fetched when the
//! reader first focuses the form; this one links only the engine's types.
//!
//! Code map: [`page`] reads the loader's options and the article from the host page; [`api`]
//! speaks the HTTP contract; [`engine`] loads and calls the engine module; [`state`] is the
//! form's reducer; [`components`] draws it; `json` (the `didgah-js` crate, shared with the
//! engine module) reads and writes the contract's JSON with the browser's parser; [`jalali`],
//! [`fa`] and [`draft`] are small helpers. Browser tests (`wasm-bindgen-test`) sit next to the
//! code they test: the crate is a `cdylib` only, which keeps LTO on.

use std::rc::Rc;

use wasm_bindgen::prelude::*;

mod api;
mod components;
mod draft;
mod engine;
mod fa;
mod jalali;
mod page;
mod state;

/// The contract's JSON as JS values, shared with the engine module.
use didgah_js as json;

#[cfg(test)]
mod browser_tests;
#[cfg(test)]
mod contract_tests;

use components::app::{App, AppProps};

/// lol_alloc's free list (address-ordered, neighbours merged on free) instead of std's dlmalloc:
/// ~3.5 KB gzip less of the reader's download. The widget holds a few hundred small objects
/// (virtual DOM, one comment), so a free-list walk costs nothing a reader could notice. The
/// engine module, which allocates far more per check, keeps dlmalloc. `LockedAllocator` (a spin
/// lock, never contended on the single-threaded web) is the one lol_alloc offers without
/// `unsafe` at the declaration.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());
use page::Options;

/// Mounts the widget into `root` (an element inside the loader's shadow root) with the
/// options `{server, site, article, articleSelector, userToken, engine, config}` (see
/// [`page::Options`]). Never throws: bad options become a Persian message in `root`.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, options: JsValue) {
    let Some(document) = root.owner_document() else {
        return;
    };
    match Options::from_js(&options) {
        Ok(options) => {
            let article =
                page::read_article(&document, &options.article, &options.article_selector);
            yew::Renderer::<App>::with_root_and_props(
                root,
                AppProps {
                    options: Rc::new(options),
                    article: Rc::new(article),
                },
            )
            .render();
        }
        Err(message) => {
            if let Ok(p) = document.create_element("p") {
                p.set_class_name("notice");
                p.set_text_content(Some(&message));
                let _ = root.append_child(&p);
            }
        }
    }
}
