//! Splits normalised text into tokens — words, numbers, URLs, @mentions, #hashtags, e-mail
//! addresses, emoji and punctuation — each with the byte span of the text as typed and the index
//! of its sentence.
//!
//! A ZWNJ is part of a word. Letters spaced or dotted apart (`ا ل ا غ`, `د.ز.د`) are joined back
//! into one word when asked (`join_spaced`), because that is how people slip insults past filters.

use crate::lexicon::Word;
use crate::normalize::{Ch, Class, Folded, Strength, fold};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    Url,
    Mention,
    Hashtag,
    Email,
    Emoji,
    Punct,
}

/// The writing system of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Arabic,
    Latin,
    Cyrillic,
    Other,
}

/// One token of normalised text. Its text borrows from the field's [`Folded::text`]; only words
/// joined from spaced letters (and Finglish read as Persian) own theirs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub kind: Kind,
    /// The normalised text of the token.
    pub text: Word<'a>,
    /// Byte range in the text as typed.
    pub start: usize,
    pub end: usize,
    pub script: Script,
    /// Index of the sentence the token belongs to.
    pub sentence: u32,
    /// Built by joining spaced or dotted single letters.
    pub joined: bool,
}

impl Token<'_> {
    /// The same token owning its text.
    pub fn into_owned(self) -> Token<'static> {
        Token {
            text: self.text.into_owned(),
            ..self
        }
    }
}

/// Emoji and pictographs (after variation selectors and ZWJ are removed by normalisation).
pub fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x2300..=0x23FF
        | 0x2190..=0x21FF | 0x3030 | 0x303D | 0x3297 | 0x3299 | 0x00A9 | 0x00AE | 0x2122)
}

fn ends_sentence(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '؟' | '؛' | ';' | '\n' | '…' | '۔' | '。'
    )
}

fn script_of(s: &str) -> Script {
    script_of_classes(s.chars().map(Class::of))
}

/// The script most of the letters are in (Latin when there are none).
fn script_of_classes(classes: impl Iterator<Item = Class>) -> Script {
    let (mut ar, mut la, mut cy, mut ot) = (0, 0, 0, 0);
    for c in classes.filter(|c| c.letter()) {
        if c.arabic() {
            ar += 1;
        } else if c.latin() {
            la += 1;
        } else if c.cyrillic() {
            cy += 1;
        } else {
            ot += 1;
        }
    }
    let max = ar.max(la).max(cy).max(ot);
    if max == 0 || max == la {
        Script::Latin
    } else if max == ar {
        Script::Arabic
    } else if max == cy {
        Script::Cyrillic
    } else {
        Script::Other
    }
}

/// Looks like a web address: `http…`, `www.…`, or `name.tld/…` in ASCII.
fn is_url(s: &str) -> bool {
    if !s.contains(['.', ':']) {
        return false;
    }
    let l = s.to_ascii_lowercase();
    if l.contains("://") || l.starts_with("www.") {
        return true;
    }
    if !s.is_ascii() || s.contains('@') {
        return false;
    }
    let host = l.split('/').next().unwrap_or("");
    let mut parts = host.split('.');
    let first = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    !first.is_empty()
        && !rest.is_empty()
        && rest
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && rest
            .last()
            .is_some_and(|t| t.len() >= 2 && t.chars().all(|c| c.is_ascii_alphabetic()))
}

fn is_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((a, b)) => !a.is_empty() && b.contains('.') && !b.ends_with('.'),
        None => false,
    }
}

/// Tokenises folded text.
pub fn tokenize(f: &Folded, join_spaced: bool) -> Vec<Token<'_>> {
    let chars = &f.chars;
    // About one token per five characters of Persian prose.
    let mut tokens = Vec::with_capacity(chars.len() / 5 + 1);
    let mut sentence = 0u32;
    let mut i = 0;
    while i < chars.len() {
        if chars[i].class.space() {
            if chars[i].c == '\n' {
                sentence += 1;
            }
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && !chars[j].class.space() {
            j += 1;
        }
        chunk(f, &chars[i..j], &mut sentence, &mut tokens);
        i = j;
    }
    if join_spaced {
        join_letters(chars, &mut tokens);
    }
    tokens
}

/// Fully folds and tokenises `s` (spaced letters joined), the tokens owning their text: for
/// article text, read once per checker, and for tests.
pub fn tokens_of(s: &str) -> Vec<Token<'static>> {
    tokenize(&fold(s, Strength::Full), true)
        .into_iter()
        .map(Token::into_owned)
        .collect()
}

fn make<'a>(f: &'a Folded, kind: Kind, chars: &[Ch], sentence: u32) -> Token<'a> {
    let text = f.text_of(chars);
    Token {
        kind,
        script: script_of_classes(chars.iter().map(|c| c.class)),
        text: Word::new(text),
        start: chars.first().map_or(0, |c| c.start),
        end: chars.last().map_or(0, |c| c.end),
        sentence,
        joined: false,
    }
}

/// One whitespace-separated chunk: a URL/mention/hashtag/e-mail as a whole, or split into
/// words, numbers, emoji and punctuation.
fn chunk<'a>(f: &'a Folded, chars: &[Ch], sentence: &mut u32, out: &mut Vec<Token<'a>>) {
    // Trailing punctuation is not part of a link or handle.
    let mut end = chars.len();
    while end > 0
        && matches!(
            chars[end - 1].c,
            '.' | ',' | '،' | '!' | '?' | '؟' | ')' | '»' | ':' | '؛' | ';' | '"' | '\''
        )
    {
        end -= 1;
    }
    // Only a chunk holding '@', '.' or ':' or starting with '#' can be special; most chunks are
    // plain words.
    let maybe_special = chars.first().is_some_and(|c| c.c == '#')
        || chars[..end].iter().any(|c| matches!(c.c, '@' | '.' | ':'));
    let core = if maybe_special {
        f.text_of(&chars[..end])
    } else {
        ""
    };
    let special = if !maybe_special {
        None
    } else if core.len() > 1 && (core.starts_with('@')) {
        Some(Kind::Mention)
    } else if core.len() > 1 && core.starts_with('#') {
        Some(Kind::Hashtag)
    } else if is_email(core) {
        Some(Kind::Email)
    } else if is_url(core) {
        Some(Kind::Url)
    } else {
        None
    };
    if let Some(kind) = special {
        let mut t = make(f, kind, &chars[..end], *sentence);
        if kind == Kind::Hashtag || kind == Kind::Mention {
            // Without the leading '@' or '#' (one byte).
            t.text = Word::new(&core[1..]);
        }
        out.push(t);
        for c in &chars[end..] {
            out.push(make(f, Kind::Punct, std::slice::from_ref(c), *sentence));
            if ends_sentence(c.c) {
                *sentence += 1;
            }
        }
        return;
    }
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].c;
        if chars[i].class.word() {
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].c;
                // An apostrophe between letters stays in the word (I'd, don't).
                let apostrophe = matches!(d, '\'' | '’')
                    && j + 1 < chars.len()
                    && chars[j + 1].class.alphabetic()
                    && chars[j - 1].class.alphabetic();
                if chars[j].class.word() || apostrophe {
                    j += 1;
                } else {
                    break;
                }
            }
            // Trim ZWNJ at the edges of the word.
            let (mut a, mut b) = (i, j);
            while a < b && chars[a].c == '\u{200C}' {
                a += 1;
            }
            while b > a && chars[b - 1].c == '\u{200C}' {
                b -= 1;
            }
            if a < b {
                let s = &chars[a..b];
                let kind = if s.iter().all(|c| !c.class.letter()) {
                    Kind::Number
                } else {
                    Kind::Word
                };
                out.push(make(f, kind, s, *sentence));
            }
            i = j;
        } else {
            let kind = if is_emoji(c) {
                Kind::Emoji
            } else {
                Kind::Punct
            };
            out.push(make(f, kind, &chars[i..i + 1], *sentence));
            if ends_sentence(c)
                && !(c == '.' && i + 1 < chars.len() && chars[i + 1].class.alphabetic())
            {
                *sentence += 1;
            }
            i += 1;
        }
    }
}

/// Separators allowed between spaced-out letters.
fn is_letter_gap(c: char) -> bool {
    c.is_whitespace() || matches!(c, '.' | '-' | '_' | '*' | '·' | '•' | '/' | '+' | '~' | '=')
}

/// Joins runs of three or more single-letter words whose gaps hold only separators.
///
/// First finds the runs to join (reading the tokens only), then, when there are any, replaces
/// each run's tokens up to its last letter by the joined word; the tokens move, never cloned.
fn join_letters<'a>(chars: &[Ch], tokens: &mut Vec<Token<'a>>) {
    let mut joins: Vec<(usize, usize, Token<'a>)> = Vec::new();
    plan_joins(chars, tokens, &mut joins);
    if joins.is_empty() {
        return;
    }
    let old = std::mem::take(tokens);
    let mut next = joins.into_iter().peekable();
    let mut skip_to: Option<usize> = None;
    for (k, t) in old.into_iter().enumerate() {
        if let Some(last) = skip_to {
            if k <= last {
                continue;
            }
            skip_to = None;
        }
        if next.peek().is_some_and(|j| j.0 == k) {
            let (_, last, joined) = next.next().expect("peeked");
            tokens.push(joined);
            if k < last {
                skip_to = Some(last);
            }
            continue;
        }
        tokens.push(t);
    }
}

/// The runs of single letters to join, as (first token, last letter token, joined word).
fn plan_joins<'a>(chars: &[Ch], tokens: &[Token<'a>], joins: &mut Vec<(usize, usize, Token<'a>)>) {
    let single = |t: &Token| t.kind == Kind::Word && t.text.chars().nth(1).is_none();
    // Whether only separator characters lie between two tokens in the source.
    let gap_ok = |a: &Token, b: &Token| -> bool {
        let from = chars.partition_point(|c| c.start < a.end);
        let to = chars.partition_point(|c| c.start < b.start);
        (from..to).all(|k| is_letter_gap(chars[k].c))
    };
    let mut run: Vec<usize> = Vec::new(); // letters and the separators between them
    let mut last_letter: Option<usize> = None;
    for k in 0..tokens.len() {
        let t = &tokens[k];
        if single(t) {
            if !last_letter.is_some_and(|p| gap_ok(&tokens[p], t)) {
                flush(&mut run, joins, tokens);
            }
            run.push(k);
            last_letter = Some(k);
        } else if t.kind == Kind::Punct
            && last_letter.is_some()
            && t.text.chars().all(is_letter_gap)
        {
            run.push(k);
        } else {
            flush(&mut run, joins, tokens);
            last_letter = None;
        }
    }
    flush(&mut run, joins, tokens);
}

/// Plans a run of single letters (with separator tokens among them, a contiguous range of
/// tokens starting with a letter) as one joined word when it holds three or more letters; the
/// separators after its last letter stay tokens of their own.
fn flush<'a>(
    run: &mut Vec<usize>,
    joins: &mut Vec<(usize, usize, Token<'a>)>,
    tokens: &[Token<'a>],
) {
    let mut letters = run
        .iter()
        .copied()
        .filter(|&k| tokens[k].kind == Kind::Word);
    if letters.clone().count() >= 3 {
        let first_k = letters.next().expect("three letters");
        let first = &tokens[first_k];
        let last_k = letters.next_back().expect("three letters");
        let last = &tokens[last_k];
        let text: String = run
            .iter()
            .filter(|&&k| tokens[k].kind == Kind::Word)
            .map(|&k| &*tokens[k].text)
            .collect();
        joins.push((
            first_k,
            last_k,
            Token {
                kind: Kind::Word,
                script: script_of(&text),
                text: Word::new(text),
                start: first.start,
                end: last.end,
                sentence: first.sentence,
                joined: true,
            },
        ));
    }
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<(Kind, String)> {
        tokens_of(s)
            .into_iter()
            .map(|t| (t.kind, t.text.to_string()))
            .collect()
    }

    #[test]
    fn links_handles_and_tags_are_single_tokens() {
        let t = words("ببینید: https://ex.ir/a?b=1, @shop_98 #کتاب_خوب t.me/chan mail@x.ir");
        assert!(t.contains(&(Kind::Url, "https://ex.ir/a?b=1".into())));
        assert!(t.contains(&(Kind::Mention, "shop_98".into())));
        assert!(t.contains(&(Kind::Hashtag, "کتاب_خوب".into())));
        assert!(t.contains(&(Kind::Url, "t.me/chan".into())));
        assert!(t.contains(&(Kind::Email, "mail@x.ir".into())));
    }

    #[test]
    fn spaced_and_dotted_letters_join_into_a_word() {
        assert!(words("اون آقا ا ل ا غ بود").contains(&(Kind::Word, "الاغ".into())));
        assert!(words("همه د.ز.د هستن").contains(&(Kind::Word, "دزد".into())));
        // Two single letters are left alone.
        assert_eq!(words("و ب").len(), 2);
    }

    #[test]
    fn spans_point_at_the_typed_text() {
        let s = "سلام  ا ل ا غ!";
        let toks = tokens_of(s);
        let w = toks.iter().find(|t| t.text == "الاغ").unwrap();
        assert_eq!(&s[w.start..w.end], "ا ل ا غ");
        assert_eq!(toks.last().unwrap().kind, Kind::Punct);
    }

    #[test]
    fn sentences_are_counted() {
        let f = fold("یک. دو؟ سه", Strength::Full);
        let toks = tokenize(&f, false);
        let s: Vec<u32> = toks
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.sentence)
            .collect();
        assert_eq!(s, vec![0, 1, 2]);
    }
}
