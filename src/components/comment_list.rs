//! Approved comments under the article: the count («۳ دیدگاه»), newest first, Jalali dates
//! («۱ مرداد ۱۳۹۹»), paged with «دیدگاه‌های بیشتر». Everything a reader wrote is rendered as
//! text, with `dir="auto"` so a Latin name does not scramble an RTL line.

use std::rc::Rc;

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::{Endpoint, PublicComment};
use crate::fa;
use crate::jalali::{JalaliDate, parse_ymd};

/// Comments fetched per page.
pub const PER_PAGE: u32 = 10;

#[derive(Properties, PartialEq)]
pub struct CommentListProps {
    pub endpoint: Rc<Endpoint>,
}

#[derive(Debug, Clone, PartialEq, Default)]
struct ListState {
    comments: Vec<PublicComment>,
    total: Option<u64>,
    /// Pages fetched so far.
    pages: u32,
    loading: bool,
    failed: bool,
}

/// The reader's local calendar day of an RFC 3339 time, in Jalali.
pub fn jalali_date(created_at: &str) -> Option<String> {
    let date = js_sys::Date::new(&JsValue::from_str(created_at));
    let (y, m, d) = if date.get_time().is_nan() {
        parse_ymd(created_at)?
    } else {
        (
            i64::from(date.get_full_year()),
            date.get_month() + 1,
            date.get_date(),
        )
    };
    JalaliDate::from_gregorian(y, m, d).map(JalaliDate::to_persian)
}

fn load_page(endpoint: Rc<Endpoint>, state: UseStateHandle<ListState>, page: u32) {
    let mut loading = (*state).clone();
    loading.loading = true;
    loading.failed = false;
    state.set(loading);
    spawn_local(async move {
        let result = endpoint.comments(page, PER_PAGE).await;
        let mut next = (*state).clone();
        next.loading = false;
        match result {
            Ok(batch) => {
                if page == 1 {
                    next.comments.clear();
                }
                // A comment approved meanwhile shifts the pages: never show one twice.
                for c in batch.comments {
                    if !next.comments.iter().any(|known| known.id == c.id) {
                        next.comments.push(c);
                    }
                }
                next.total = Some(batch.total);
                next.pages = page;
            }
            Err(_) => next.failed = true,
        }
        state.set(next);
    });
}

#[function_component(CommentList)]
pub fn comment_list(props: &CommentListProps) -> Html {
    let state = use_state(ListState::default);
    {
        let endpoint = props.endpoint.clone();
        let state = state.clone();
        use_effect_with((), move |_| load_page(endpoint, state, 1));
    }
    let more = {
        let endpoint = props.endpoint.clone();
        let state = state.clone();
        Callback::from(move |_| load_page(endpoint.clone(), state.clone(), state.pages + 1))
    };
    let heading = state
        .total
        .map_or_else(|| "دیدگاه‌ها".to_owned(), fa::comment_count);
    let items = state.comments.iter().map(|c| {
        let date = jalali_date(&c.created_at).unwrap_or_default();
        html! {
            <li class="comment" key={fa::ascii(c.id.unsigned_abs())}>
                <div class="comment-meta">
                    <span class="author" dir="auto">{c.name.clone()}</span>
                    <time datetime={c.created_at.clone()}>{date}</time>
                </div>
                if !c.title.trim().is_empty() {
                    <p class="comment-title" dir="auto">{c.title.clone()}</p>
                }
                <p class="comment-text" dir="auto">{c.text.clone()}</p>
            </li>
        }
    });
    let has_more = state
        .total
        .is_some_and(|t| (state.comments.len() as u64) < t && state.pages > 0);
    html! {
        <section class="comments" aria-labelledby="didgah-count" aria-busy={state.loading.then_some("true")}>
            <h2 id="didgah-count" class="count">{heading}</h2>
            if state.failed {
                <p class="notice" role="status">
                    {"دیدگاه‌ها اکنون بارگذاری نشدند. "}
                    <button type="button" class="link" onclick={more.clone()}>{"دوباره تلاش کنید"}</button>
                </p>
            }
            if state.total == Some(0) {
                <p class="empty">{"هنوز دیدگاهی منتشر نشده است."}</p>
            }
            <ol class="comment-list">{for items}</ol>
            if has_more {
                <button type="button" class="btn secondary" onclick={more} disabled={state.loading}>
                    {if state.loading { "در حال بارگذاری…" } else { "دیدگاه‌های بیشتر" }}
                </button>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn dates_are_jalali_in_persian_digits() {
        // Noon UTC is the same calendar day in every time zone a Persian reader is likely in.
        assert_eq!(
            jalali_date("2020-07-22T12:00:00Z").as_deref(),
            Some("۱ مرداد ۱۳۹۹")
        );
        assert_eq!(jalali_date("not a date"), None);
    }
}
