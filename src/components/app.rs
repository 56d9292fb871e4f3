//! The widget's root: loads the site's config (policy, login URL, limits), builds the rules
//! checker for this article, and shows the form (or the login invitation) above the comments.

use std::rc::Rc;

use didgah_rules::{Article, Checker};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::CheckFn;
use super::comment_form::CommentForm;
use super::comment_list::CommentList;
use crate::api::{ApiError, Endpoint, SiteConfig};
use crate::page::Options;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub options: Options,
    pub article: Rc<Article>,
}

#[derive(Debug, Clone, PartialEq)]
enum Config {
    Loading,
    Ready(Rc<SiteConfig>),
    Failed(ApiError),
}

/// Only `http(s)` links from the site's config become links.
fn safe_url(url: &str) -> Option<&str> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(url.trim())
}

fn load_config(endpoint: Rc<Endpoint>, config: UseStateHandle<Config>) {
    config.set(Config::Loading);
    spawn_local(async move {
        config.set(match endpoint.config().await {
            Ok(c) => Config::Ready(Rc::new(c)),
            Err(e) => Config::Failed(e),
        });
    });
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let endpoint = use_memo(props.options.clone(), |o| Endpoint {
        server: o.server.clone(),
        site: o.site.clone(),
        article: o.article.clone(),
    });
    let config = use_state(|| Config::Loading);
    {
        let endpoint = endpoint.clone();
        let config = config.clone();
        use_effect_with((), move |_| load_config(endpoint, config));
    }
    // One checker per (policy, article): building it pre-processes the word lists.
    let checker = use_memo(
        ((*config).clone(), props.article.clone()),
        |(config, article)| {
            let Config::Ready(config) = config else {
                return None;
            };
            match Checker::new(&config.policy, article) {
                Ok(checker) => Some(CheckFn::new(move |comment| checker.check(comment))),
                Err(error) => {
                    // For the site owner; readers still send, and the server still checks.
                    let note = format!("didgah: {error}; comments are checked on the server only");
                    web_sys::console::warn_1(&note.into());
                    None
                }
            }
        },
    );

    let form = match &*config {
        Config::Loading => html! {
            <p class="notice" role="status">{"در حال آماده‌سازی فرم دیدگاه…"}</p>
        },
        Config::Failed(error) => {
            let retry = {
                let endpoint = endpoint.clone();
                let config = config.clone();
                Callback::from(move |_| load_config(endpoint.clone(), config.clone()))
            };
            let message = match error {
                ApiError::Rejected { message, .. } if !message.is_empty() => {
                    format!("فرم دیدگاه اکنون در دسترس نیست: {message}")
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
                    <CommentForm endpoint={endpoint.clone()} checker={(*checker).clone()}
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
