//! The widget's root: loads the site's config (policy, login URL, limits) — the loader may have
//! fetched it already, alongside the wasm —, fetches the engine module once the reader starts
//! writing (first focus in the form, or a draft brought back), builds the rules checker for this
//! article, and shows the form (or the login invitation) above the comments.

use std::cell::Cell;
use std::rc::Rc;

use didgah_rules::Article;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::comment_form::CommentForm;
use super::comment_list::CommentList;
use crate::api::{ApiError, Endpoint, SiteConfig};
use crate::engine::{self, Checks, EngineModule};
use crate::page::Options;

#[derive(Properties)]
pub struct AppProps {
    pub options: Rc<Options>,
    pub article: Rc<Article>,
}

/// The root's props are set once, by `mount`, and never change: the same values are equal.
/// (Comparing them field by field would be code the reader downloads for nothing.)
impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.options, &other.options) && Rc::ptr_eq(&self.article, &other.article)
    }
}

#[derive(Debug)]
enum Config {
    Loading,
    Ready(Rc<SiteConfig>),
    Failed(ApiError),
}

/// The engine module, fetched once the reader starts writing.
#[derive(Clone, PartialEq)]
enum Engine {
    Idle,
    Loading,
    Loaded(EngineModule),
    Failed,
}

/// Only `http(s)` links from the site's config become links.
fn safe_url(url: &str) -> Option<&str> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(url.trim())
}

/// For the site owner; readers still send, and the server still checks.
fn warn(what: &str, error: &JsValue) {
    web_sys::console::warn_2(&JsValue::from_str(what), error);
}

fn load_config(
    endpoint: Rc<Endpoint>,
    config: UseStateHandle<Config>,
    prefetched: Option<JsValue>,
) {
    config.set(Config::Loading);
    spawn_local(async move {
        config.set(match endpoint.config(prefetched).await {
            Ok(c) => Config::Ready(Rc::new(c)),
            Err(e) => Config::Failed(e),
        });
    });
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let endpoint = use_memo((), |()| Endpoint {
        server: props.options.server.clone(),
        site: props.options.site.clone(),
        article: props.options.article.clone(),
    });
    let config = use_state(|| Config::Loading);
    {
        let endpoint = endpoint.clone();
        let config = config.clone();
        // The loader's request for the config, started alongside the wasm: used once.
        let prefetched = props.options.config.clone();
        use_effect_with((), move |_| load_config(endpoint, config, prefetched));
    }

    let engine = use_state(|| Engine::Idle);
    let asked = use_mut_ref(|| Cell::new(false));
    let on_writing = {
        let engine = engine.clone();
        let load = props.options.engine.clone();
        Callback::from(move |()| {
            if asked.borrow().replace(true) {
                return;
            }
            let Some(load) = load.clone() else {
                return engine.set(Engine::Failed);
            };
            engine.set(Engine::Loading);
            let engine = engine.clone();
            spawn_local(async move {
                engine.set(match engine::load(&load).await {
                    Ok(module) => Engine::Loaded(module),
                    Err(error) => {
                        warn("didgah: rules engine not loaded; comments are checked on the server only:", &error);
                        Engine::Failed
                    }
                });
            });
        })
    };
    // One checker per (policy, engine) for this article: building it pre-processes the word lists.
    let site = match &*config {
        Config::Ready(site) => Some(site.clone()),
        _ => None,
    };
    let checks = use_memo((site, (*engine).clone()), |(site, engine)| {
        match (engine, site) {
            (Engine::Idle, _) => Checks::Idle,
            (Engine::Failed, _) => Checks::Unavailable,
            (Engine::Loaded(module), Some(site)) => {
                match engine::checker(module, &props.article, &site.policy) {
                    Ok(check) => Checks::Ready(check),
                    Err(error) => {
                        warn(
                            "didgah: the site's policy was refused; comments are checked on the server only:",
                            &error,
                        );
                        Checks::Unavailable
                    }
                }
            }
            _ => Checks::Loading,
        }
    });

    let form = match &*config {
        Config::Loading => html! {
            <p class="notice" role="status">{"در حال آماده‌سازی فرم دیدگاه…"}</p>
        },
        Config::Failed(error) => {
            let retry = {
                let endpoint = endpoint.clone();
                let config = config.clone();
                Callback::from(move |_| load_config(endpoint.clone(), config.clone(), None))
            };
            let message = match error {
                ApiError::Rejected { message, .. } if !message.is_empty() => {
                    ["فرم دیدگاه اکنون در دسترس نیست: ", message].concat()
                }
                _ => "فرم دیدگاه اکنون در دسترس نیست. کمی بعد دوباره سر بزنید.".to_owned(),
            };
            html! {
                <p class="notice" role="status">
                    {message}{" "}
                    <button type="button" class="link" onclick={retry}>{"دوباره تلاش کنید"}</button>
                </p>
            }
        }
        Config::Ready(site) => {
            let login = site.login_url.as_deref().and_then(safe_url);
            match (login, &props.options.user_token) {
                (Some(url), None) => html! {
                    <p class="login">
                        <a href={url.to_owned()}>{"برای دادن نظر لطفا وارد شوید و یا ثبت نام کنید"}</a>
                    </p>
                },
                _ => html! {
                    <CommentForm endpoint={endpoint.clone()} checks={(*checks).clone()} {on_writing}
                        limits={site.limits}
                        user_token={props.options.user_token.clone().map(AttrValue::from)} />
                },
            }
        }
    };

    html! {
        <div class="app">
            <section class="write" aria-labelledby="didgah-write-title">
                <h2 id="didgah-write-title">{"دیدگاه خود را بنویسید"}</h2>
                {form}
            </section>
            <CommentList endpoint={endpoint.clone()} />
        </div>
    }
}
