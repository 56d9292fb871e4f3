//! The didgah rules engine: checks a reader's comment against a Persian news site's three
//! published rules — Persian only, on-topic, no slander or insults — and explains, in Persian,
//! what it found and where.
//!
//! Pure Rust with no I/O: no wasm, HTTP, SQL or JSON parsing happens here (types derive serde so
//! the outer layers can). The same code runs in the reader's browser (advice) and on the server
//! (the authority).
//!
//! # Example
//!
//! ```
//! use didgah_rules::{Article, Checker, Comment, Outcome, Policy};
//!
//! let article = Article {
//!     id: "urmia".into(),
//!     title: "ارومیه شهر خلاق".into(),
//!     lead: String::new(),
//!     body: "شهرداری ارومیه برای ثبت شهر در شبکه شهرهای خلاق یونسکو برنامه دارد.".into(),
//!     keywords: vec![],
//! };
//! let checker = Checker::new(&Policy::default(), &article).unwrap();
//! let report = checker.check(&Comment::text("برنامه خوبی است، امیدوارم ارومیه شهر خلاق شود."));
//! assert_eq!(report.outcome, Outcome::Pass);
//! ```
//!
//! # How it is built
//!
//! - `normalize` — two strengths of folding with a map back to the bytes as typed: *light* for
//!   language identification (keeps the letters that separate Urdu, Kurdish, Pashto and
//!   Azerbaijani from Persian), *full* for matching words (undoes ZWNJ/ZWJ/bidi/kashida, repeated
//!   letters, Arabic variants, diacritics, look-alikes).
//! - `tokenize` — words (ZWNJ inside), numbers, links, @mentions, #hashtags, emoji; spaced or
//!   dotted letters joined back into words.
//! - `lang` (rule 1), `topic` (rule 2), `abuse` (rule 3) — one rule per module, each ending with
//!   its tests.
//! - `lexicon` — the word data in `data/*.txt` (each file opens with its source), compiled in
//!   without its comment lines; stems plus generated inflections, and phrase patterns, all seven
//!   phrase lists matched in one pass per field.
//! - `words` — the hash tables words are looked up in, and the `Word` a token's text is: hashed
//!   once, and knowing which lexicons hold it.
//!
//! # Untrusted input
//!
//! Every function here accepts any `&str` without panicking, and runs in time linear in the
//! length of the comment: word lists are hash lookups of whole tokens and of fixed-length phrase
//! patterns, never backtracking regular expressions. `tests/robustness.rs` checks random strings
//! from every Unicode category, empty fields and 1 MB comments against the report's invariants.

mod abuse;
mod checker;
mod lang;
mod lexicon;
mod normalize;
mod tokenize;
mod topic;
mod types;
mod words;

pub use checker::Checker;

pub use types::*;
