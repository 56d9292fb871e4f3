//! The reader's unsent comment, kept in `localStorage` so that a reload, a crash or a failed
//! send never loses it. Storage may be missing or full (private modes, sandboxed frames): then
//! the widget simply works without drafts.
//!
//! The draft is the JSON object `{"name", "email", "title", "text"}` (each optional); the
//! honeypot is never kept.

use crate::json;
use crate::state::Fields;

/// One draft per site and article.
pub fn key(site: &str, article: &str) -> String {
    ["didgah:draft:", site, ":", article].concat()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load(key: &str) -> Option<Fields> {
    let raw = storage()?.get_item(key).ok().flatten()?;
    let value = json::parse(&raw).ok()?;
    let o = json::object(&value).ok()?;
    let field = |name| json::string_or_empty(&json::get(o, name));
    Some(Fields {
        name: field("name").ok()?,
        email: field("email").ok()?,
        title: field("title").ok()?,
        text: field("text").ok()?,
        website: String::new(),
    })
}

fn to_json(fields: &Fields) -> Option<String> {
    let o = json::new_object();
    json::set(&o, "name", fields.name.as_str());
    json::set(&o, "email", fields.email.as_str());
    json::set(&o, "title", fields.title.as_str());
    json::set(&o, "text", fields.text.as_str());
    json::stringify(&o)
}

/// Saves the fields, or forgets the draft when there is nothing worth keeping.
pub fn save(key: &str, fields: &Fields) {
    let Some(storage) = storage() else { return };
    if fields.title.trim().is_empty() && fields.text.trim().is_empty() {
        let _ = storage.remove_item(key);
    } else if let Some(json) = to_json(fields) {
        let _ = storage.set_item(key, &json);
    }
}

pub fn clear(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_draft_survives_and_the_honeypot_is_not_kept() {
        let key = key("test", "draft-roundtrip");
        let fields = Fields {
            name: "علی".into(),
            email: "ali@example.com".into(),
            title: "پیشنهاد".into(),
            text: "کاش جشنواره انگور هر سال برگزار شود.".into(),
            website: "http://spam.example".into(),
        };
        save(&key, &fields);
        let back = load(&key).expect("draft saved");
        assert_eq!(back.text, fields.text);
        assert_eq!(back.website, "");
        // Only name and email left: nothing worth keeping.
        save(
            &key,
            &Fields {
                text: " ".into(),
                title: String::new(),
                ..fields
            },
        );
        assert_eq!(load(&key), None);
        clear(&key);
    }
}
