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
//! # Untrusted input
//!
//! Every function here accepts any `&str` without panicking, and runs in time linear in the
//! length of the comment (word lists are matched with tries, never with backtracking patterns).

mod checker;
mod types;

pub use checker::Checker;

pub use types::*;
