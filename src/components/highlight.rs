//! A text field whose offending words are highlighted *in place*: a mirror of the text sits
//! behind the transparent field, with the findings' spans wrapped in `<mark>`.
//!
//! The mirror is built from text nodes only (never HTML), is `aria-hidden`, and follows the
//! field's scroll position. Spans that do not fit the current text (a stale report) are skipped.
//! The field's `input` events bubble to the form, whose one handler reads the value.

use didgah_rules::Outcome;
use web_sys::HtmlElement;
use yew::prelude::*;

use super::outcome_attr;

/// A byte range of the field's value and how serious the finding there is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub outcome: Outcome,
}

/// A highlighted field: its `id` (also its `name`), the value, and how it is described.
pub struct Highlighted<'a> {
    pub id: &'static str,
    pub value: &'a str,
    pub marks: Vec<Mark>,
    /// A `<textarea>` rather than an `<input>`.
    pub multiline: bool,
    pub invalid: bool,
    pub describedby: Option<AttrValue>,
    pub placeholder: Option<&'static str>,
    pub node_ref: NodeRef,
}

/// The direction of a field's text by its first strong letter, and RTL while there is none
/// (an empty `dir="auto"` field would turn LTR, with the caret on the wrong side). The mirror
/// uses the same answer, so it stays aligned with the field.
pub fn text_dir(text: &str) -> &'static str {
    for c in text.chars() {
        if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) {
            return "ltr";
        }
        if ('\u{0590}'..='\u{08FF}').contains(&c) || ('\u{FB1D}'..='\u{FEFC}').contains(&c) {
            return "rtl";
        }
    }
    "rtl"
}

/// Splits `value` into plain and marked pieces; overlapping or invalid marks are dropped.
pub fn segments<'a>(value: &'a str, marks: &[Mark]) -> Vec<(&'a str, Option<Outcome>)> {
    let mut sorted: Vec<Mark> = marks
        .iter()
        .copied()
        .filter(|m| m.start < m.end && value.get(m.start..m.end).is_some())
        .collect();
    // By start, the more serious first where two start together; stable, like `sort_by_key`.
    // An insertion sort: a field has a handful of marks, and core's sort is ~3.5 KB of wasm.
    let key = |m: &Mark| (m.start, std::cmp::Reverse(m.outcome));
    for i in 1..sorted.len() {
        let mut j = i;
        while j > 0 && key(&sorted[j - 1]) > key(&sorted[j]) {
            sorted.swap(j - 1, j);
            j -= 1;
        }
    }
    let mut out = Vec::new();
    let mut at = 0;
    for mark in sorted {
        if mark.start < at {
            continue;
        }
        if mark.start > at {
            out.push((&value[at..mark.start], None));
        }
        out.push((&value[mark.start..mark.end], Some(mark.outcome)));
        at = mark.end;
    }
    if at < value.len() {
        out.push((&value[at..], None));
    }
    out
}

/// Keeps the mirror (the field's previous sibling) scrolled with the field.
fn follow_scroll(e: Event) {
    let field: HtmlElement = e.target_unchecked_into();
    if let Some(mirror) = field.previous_element_sibling() {
        mirror.set_scroll_top(field.scroll_top());
        mirror.set_scroll_left(field.scroll_left());
    }
}

/// The field and its mirror. A function, not a component: it is drawn with the form, and a
/// component of its own costs ~0.7 KB of wasm.
pub fn highlight(props: Highlighted) -> Html {
    let onscroll = Callback::from(follow_scroll);
    let pieces = segments(props.value, &props.marks);
    let mirror_html = pieces
        .into_iter()
        .map(|(text, outcome)| match outcome {
            None => html! { {text.to_owned()} },
            Some(outcome) => html! {
                <mark data-outcome={outcome_attr(outcome)}>{text.to_owned()}</mark>
            },
        })
        .collect::<Html>();
    let invalid = props.invalid.then_some("true");
    let dir = text_dir(props.value);
    html! {
        <div class="hl" data-multiline={props.multiline.then_some("true")}>
            <div class="hl-mirror" aria-hidden="true" {dir}>
                {mirror_html}
                // A trailing newline in a textarea still takes a line: keep the mirror as tall.
                {"\u{200b}"}
            </div>
            if props.multiline {
                <textarea id={props.id} name={props.id} class="hl-field" rows="6"
                    ref={props.node_ref}
                    value={props.value.to_owned()} {onscroll} {dir}
                    aria-invalid={invalid} aria-describedby={props.describedby}
                    placeholder={props.placeholder} />
            } else {
                <input id={props.id} name={props.id} class="hl-field" type="text"
                    ref={props.node_ref}
                    value={props.value.to_owned()} {onscroll} {dir}
                    aria-invalid={invalid} aria-describedby={props.describedby}
                    placeholder={props.placeholder} />
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn mark(start: usize, end: usize, outcome: Outcome) -> Mark {
        Mark {
            start,
            end,
            outcome,
        }
    }

    #[wasm_bindgen_test]
    fn marks_split_the_text_on_char_boundaries() {
        let text = "شهردار دزد است";
        let start = text.find("دزد").unwrap();
        let end = start + "دزد".len();
        let pieces = segments(text, &[mark(start, end, Outcome::Block)]);
        assert_eq!(
            pieces,
            [
                ("شهردار ", None),
                ("دزد", Some(Outcome::Block)),
                (" است", None)
            ]
        );
    }

    #[wasm_bindgen_test]
    fn direction_follows_the_first_strong_letter() {
        assert_eq!(text_dir(""), "rtl");
        assert_eq!(text_dir("۱۲ 34 !"), "rtl");
        assert_eq!(text_dir("«سلام» hello"), "rtl");
        assert_eq!(text_dir("12 hello سلام"), "ltr");
    }

    #[wasm_bindgen_test]
    fn bad_and_overlapping_marks_are_dropped() {
        let text = "سلام دنیا";
        // 1 is inside the first two-byte letter; 100 is past the end; 2..10 overlaps 0..4.
        let pieces = segments(
            text,
            &[
                mark(1, 4, Outcome::Flag),
                mark(0, 100, Outcome::Flag),
                mark(0, 4, Outcome::Flag),
                mark(2, 10, Outcome::Block),
            ],
        );
        assert_eq!(pieces, [("سل", Some(Outcome::Flag)), ("ام دنیا", None)]);
    }

    #[wasm_bindgen_test]
    fn marks_are_taken_in_text_order_the_more_serious_first() {
        let text = "یک دو سه";
        let (du, se) = (text.find("دو").unwrap(), text.find("سه").unwrap());
        let pieces = segments(
            text,
            &[
                mark(se, text.len(), Outcome::Flag),
                mark(du, du + 2, Outcome::Flag),
                mark(du, se - 1, Outcome::Block),
                // Same start and seriousness as the one before: the first given wins.
                mark(du, du + 2, Outcome::Block),
            ],
        );
        assert_eq!(
            pieces,
            [
                ("یک ", None),
                ("دو", Some(Outcome::Block)),
                (" ", None),
                ("سه", Some(Outcome::Flag))
            ]
        );
    }
}
