//! The reader's unsent comment, kept in `localStorage` so that a reload, a crash or a failed
//! send never loses it. Storage may be missing or full (private modes, sandboxed frames): then
//! the widget simply works without drafts.

use crate::state::Fields;

/// One draft per site and article.
pub fn key(site: &str, article: &str) -> String {
    format!("didgah:draft:{site}:{article}")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load(key: &str) -> Option<Fields> {
    let raw = storage()?.get_item(key).ok().flatten()?;
    serde_json::from_str(&raw).ok()
}

/// Saves the fields, or forgets the draft when there is nothing worth keeping.
pub fn save(key: &str, fields: &Fields) {
    let Some(storage) = storage() else { return };
    if fields.title.trim().is_empty() && fields.text.trim().is_empty() {
        let _ = storage.remove_item(key);
    } else if let Ok(json) = serde_json::to_string(fields) {
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
