//! Property test: the engine never panics and keeps its promises on any input — random strings
//! mixing every Unicode category (letters of all the scripts it knows, invisible and bidi
//! controls, kashida, diacritics, presentation forms, emoji, combining marks, U+FFFD as left by
//! broken surrogates in the JS path, controls), empty fields, and 1 MB comments.
//!
//! Deterministic: a small xorshift generator with fixed seeds, so a failure replays exactly.

use didgah_rules::{Article, Checker, Comment, Field, Outcome, Policy, Report, Rule};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Characters worth stressing, by group.
const POOLS: &[&str] = &[
    "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی",
    "يىكةۀأإآؤئء",
    "ٹڈڑںھہےۃەێۆڕڵڤټډړږښګڼځڅېۍ",
    "\u{200C}\u{200D}\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2069}\u{FEFF}\u{00AD}\u{200B}",
    "\u{0640}\u{064B}\u{064C}\u{064E}\u{064F}\u{0650}\u{0651}\u{0652}\u{0670}",
    "ﺍﺣﻤﻖﻻﻷﭘﮔﯼﺏﺕ\u{FDF2}",
    "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥0123456789",
    "abcxyzABCXYZəığşçöüêîû",
    "абвгдеёжзҳқғҷӣӯ",
    "😀👍🐮🐮🤡🌹❤️🇮🇷\u{FE0F}🏽",
    "\u{0301}\u{0308}\u{20DD}",
    "中文日本語한국어עבריתελληνικάहिन्दी",
    "\u{FFFD}\u{FFFE}\u{FFFF}\u{10FFFF}\u{E000}",
    "\u{0000}\u{0007}\u{001B}\u{007F}\u{0085}\u{2028}\u{2029}",
    " \t\n\r\u{00A0}\u{2007}\u{3000}",
    ".,،؛؟!?:;«»\"'()[]{}@#_-/*…۔",
    "https://x.ir/a @user #تگ ۰۹۱۲۱۲۳۴۵۶۷ ",
    "احمق دزد رشوه گرفته اختلاسگر خر گاو الاغ مدیر شهردار آقای ",
];

fn random_string(rng: &mut Rng, len: usize) -> String {
    let pools: Vec<Vec<char>> = POOLS.iter().map(|p| p.chars().collect()).collect();
    let mut s = String::with_capacity(len * 2);
    for _ in 0..len {
        if rng.below(20) == 0 {
            // Any scalar value at all.
            if let Some(c) = char::from_u32(rng.below(0x11_0000) as u32) {
                s.push(c);
                continue;
            }
        }
        let pool = &pools[rng.below(pools.len())];
        s.push(pool[rng.below(pool.len())]);
    }
    s
}

fn field(c: &Comment, f: Field) -> &str {
    match f {
        Field::Name => &c.name,
        Field::Title => &c.title,
        Field::Text => &c.text,
    }
}

fn assert_invariants(c: &Comment, r: &Report) {
    let rules: Vec<Rule> = r.rules.iter().map(|v| v.rule).collect();
    assert_eq!(rules, Rule::ALL.to_vec());
    let worst = r
        .rules
        .iter()
        .map(|v| v.outcome)
        .max()
        .unwrap_or(Outcome::Pass);
    assert_eq!(r.outcome, worst);
    for v in &r.rules {
        assert!(
            v.score.is_finite() && (0.0..=1.0).contains(&v.score),
            "{v:?}"
        );
        for f in &v.findings {
            assert_eq!(f.rule, v.rule);
            assert!(f.score.is_finite() && (0.0..=1.0).contains(&f.score));
            assert!(f.outcome <= v.outcome || v.rule == Rule::OnTopic);
            assert!(f.outcome > Outcome::Pass);
            assert!(!f.message.is_empty());
            for s in &f.spans {
                let text = field(c, s.field);
                assert!(
                    s.start < s.end && s.end <= text.len(),
                    "{s:?} in {} bytes",
                    text.len()
                );
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
    }
}

fn article(rng: &mut Rng) -> Article {
    Article {
        id: "a".into(),
        title: random_string(rng, 40),
        lead: random_string(rng, 100),
        body: random_string(rng, 600),
        keywords: vec![random_string(rng, 8), String::new()],
    }
}

#[test]
fn random_inputs_keep_every_invariant() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..60 {
        let checker = Checker::new(&Policy::default(), &article(&mut rng)).unwrap();
        for _ in 0..10 {
            let len = [0, 1, 3, 20, 200, 2000][rng.below(6)];
            let (name_len, title_len) = (rng.below(3) * 5, rng.below(2) * 20);
            let c = Comment {
                name: random_string(&mut rng, name_len),
                title: random_string(&mut rng, title_len),
                text: random_string(&mut rng, len),
            };
            let r = checker.check(&c);
            assert_invariants(&c, &r);
            assert_eq!(checker.check(&c), r, "round {round}: not deterministic");
        }
    }
}

#[test]
fn empty_comment_and_empty_article_pass() {
    let checker = Checker::new(&Policy::default(), &Article::default()).unwrap();
    let c = Comment::default();
    let r = checker.check(&c);
    assert_invariants(&c, &r);
    assert_eq!(r.outcome, Outcome::Pass);
}

#[test]
fn one_megabyte_comments_are_checked() {
    let mut rng = Rng(42);
    let checker = Checker::new(&Policy::default(), &article(&mut rng)).unwrap();
    // Random mix, one long Persian word, and realistic Persian prose repeated.
    let prose = "به نظرم برنامه‌ی کتابخوانی محله خیلی خوب بود ولی اطلاع‌رسانی ضعیف بود. ";
    let mut random = String::new();
    while random.len() < 1_000_000 {
        random.push_str(&random_string(&mut rng, 10_000));
    }
    for text in [
        random,
        "ب".repeat(500_000),
        prose.repeat(1_000_000 / prose.len() + 1),
        "ا ".repeat(500_000),
    ] {
        assert!(text.len() >= 1_000_000);
        let c = Comment::text(text);
        let r = checker.check(&c);
        assert_invariants(&c, &r);
    }
}
