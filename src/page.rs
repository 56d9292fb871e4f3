//! What the widget learns from the host page: the loader's options and the article's text,
//! which the on-topic rule compares comments with.
//!
//! The host page is not ours: every lookup tolerates missing elements and odd markup.

use didgah_rules::Article;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Document;

use crate::engine::LoadEngine;
use crate::json;

/// The article body is cut here: enough for the on-topic rule, bounded for slow phones.
const MAX_BODY_CHARS: usize = 20_000;

/// The options the loader passes to `mount` (from the script tag's `data-` attributes, and
/// what the loader started for the widget).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Options {
    pub server: String,
    pub site: String,
    pub article: String,
    pub article_selector: String,
    /// A token signed by the site for a logged-in reader (`data-user-token`).
    pub user_token: Option<String>,
    /// Fetches the engine module (see [`crate::engine`]); without it the server alone checks.
    pub engine: Option<LoadEngine>,
    /// The loader's `fetch` of the site's config, a promise of its `Response`, started
    /// alongside the wasm so the form does not wait for one more round trip.
    pub config: Option<JsValue>,
}

impl Options {
    /// Reads the plain object `{server, site, article, articleSelector, userToken, engine,
    /// config}`.
    /// Returns a Persian sentence for the reader when something required is missing.
    pub fn from_js(value: &JsValue) -> Result<Options, String> {
        let get = |key: &str| {
            js_sys::Reflect::get(value, &JsValue::from_str(key))
                .ok()
                .and_then(|v| v.as_string())
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
        };
        let server = get("server").ok_or("نشانی سرور دیدگاه‌ها مشخص نشده است.")?;
        let article = get("article").ok_or("شناسه این خبر برای بخش دیدگاه‌ها مشخص نشده است.")?;
        Ok(Options {
            server: server.trim_end_matches('/').to_owned(),
            site: get("site").unwrap_or_else(|| "demo".into()),
            article,
            article_selector: get("articleSelector").unwrap_or_else(|| "article".into()),
            user_token: get("userToken"),
            engine: Some(json::get(value, "engine"))
                .filter(JsValue::is_function)
                .map(JsCast::unchecked_into),
            config: Some(json::get(value, "config")).filter(JsValue::is_object),
        })
    }
}

/// Reads the article from the page: the element matched by `selector` (then `article`, then
/// `main`), the first heading in it or `og:title`/`<title>`, and the description and keywords
/// meta tags.
pub fn read_article(document: &Document, id: &str, selector: &str) -> Article {
    let element = [selector, "article", "main"]
        .iter()
        .find_map(|s| document.query_selector(s).ok().flatten());
    let heading = element
        .as_ref()
        .and_then(|e| e.query_selector("h1, h2").ok().flatten())
        .and_then(|h| h.text_content());
    let title = heading
        .or_else(|| meta(document, "meta[property='og:title']"))
        .unwrap_or_else(|| document.title());
    let body = element
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|e| e.inner_text())
        .unwrap_or_default();
    let keywords = meta(document, "meta[name='keywords']")
        .map(|k| {
            k.split([',', '،'])
                .map(|w| w.trim().to_owned())
                .filter(|w| !w.is_empty())
                .collect()
        })
        .unwrap_or_default();
    Article {
        id: id.to_owned(),
        title: title.trim().to_owned(),
        lead: meta(document, "meta[name='description']")
            .or_else(|| meta(document, "meta[property='og:description']"))
            .unwrap_or_default(),
        body: body.chars().take(MAX_BODY_CHARS).collect(),
        keywords,
    }
}

/// The reader's name in a signed user token (`base64url(JSON payload) "." signature`, see
/// `crates/didgah-server/src/token.rs`), to show whom the comment is sent as. Not verified
/// here: the server checks the signature; a bad token only means no name is shown.
pub fn token_name(token: &str) -> Option<String> {
    let payload = base64url(token.split('.').next()?)?;
    let value = json::parse(&String::from_utf8(payload).ok()?).ok()?;
    let name = json::string(&json::get(json::object(&value).ok()?, "name")).ok()?;
    Some(name.trim().to_owned()).filter(|n| !n.is_empty())
}

/// Unpadded base64url, as the server writes tokens; `None` on any other letter.
fn base64url(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut bits, mut count) = (0u32, 0);
    for c in text.bytes() {
        let six = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        };
        bits = bits << 6 | u32::from(six);
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    Some(out)
}

fn meta(document: &Document, selector: &str) -> Option<String> {
    document
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn options(json: &str) -> Result<Options, String> {
        Options::from_js(&js_sys::JSON::parse(json).unwrap())
    }

    #[wasm_bindgen_test]
    fn options_take_defaults_and_report_what_is_missing() {
        let o = options(r#"{"server":"http://x.test/","article":"a1"}"#).unwrap();
        assert_eq!(o.server, "http://x.test");
        assert_eq!(o.site, "demo");
        assert_eq!(o.article_selector, "article");
        assert_eq!(o.user_token, None);
        assert!(o.engine.is_none() && o.config.is_none());
        assert!(options(r#"{"article":"a1"}"#).unwrap_err().contains("سرور"));
        assert!(
            options(r#"{"server":"http://x.test"}"#)
                .unwrap_err()
                .contains("خبر")
        );
    }

    #[wasm_bindgen_test]
    fn the_readers_name_is_read_from_a_signed_token() {
        // base64url of {"name":"مریم رضایی","email":"m@example.ir","exp":4102444800}, unpadded.
        let payload = "eyJuYW1lIjoi2YXYsduM2YUg2LHYttin24zbjCIsImVtYWlsIjoibUBleGFtcGxlLmlyIiwiZXhwIjo0MTAyNDQ0ODAwfQ";
        assert_eq!(
            token_name(&[payload, ".c2lnbmF0dXJl"].concat()).as_deref(),
            Some("مریم رضایی")
        );
        for bad in ["", "not base64!.x", "e30.x", "bm90IGpzb24.x"] {
            assert_eq!(token_name(bad), None, "{bad}");
        }
    }

    #[wasm_bindgen_test]
    fn article_is_read_from_the_page() {
        let document = web_sys::window().unwrap().document().unwrap();
        let body = document.body().unwrap();
        let host = document.create_element("section").unwrap();
        host.set_class_name("story");
        let h1 = document.create_element("h1").unwrap();
        h1.set_text_content(Some("جشنواره انگور ارومیه"));
        let p = document.create_element("p").unwrap();
        p.set_text_content(Some("باغداران ارومیه انگور خود را عرضه کردند."));
        host.append_child(&h1).unwrap();
        host.append_child(&p).unwrap();
        body.append_child(&host).unwrap();

        let article = read_article(&document, "grapes", "section.story");
        assert_eq!(article.id, "grapes");
        assert_eq!(article.title, "جشنواره انگور ارومیه");
        assert!(article.body.contains("باغداران ارومیه"));
        host.remove();
    }
}
