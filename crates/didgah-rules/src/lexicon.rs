//! The engine's word data: plain text files under `data/`, compiled in (so they work in the
//! browser too; comment lines are dropped at compile time), parsed once on first use.
//!
//! Every file opens with `# source: …` lines saying where its entries come from; then one entry
//! per line, `#` starting a comment. Word lists hold stems: the inflected forms (ـها، ـا، ـی، ـه،
//! ـن، ـترین…) are generated here, and multi-word entries are [`Phrase`] patterns matched over
//! tokens (`*` = any ending, `…` = up to three words, `#` = a number).

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::normalize::{Strength, fold};
use crate::tokenize::{Kind, Token};
pub use crate::words::{Key, Word, WordMap, WordSet, at_least_chars, strip_suffix};

/// FNV-1a, kept for the one map whose iteration order reaches the output: rule 2 sums the
/// weights of the article words a comment matched in `Map` order, and an `f32` sum in another
/// order can differ in its last bit. Word lookups use [`WordMap`].
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map with [`Fnv`].
pub type Map<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A lexicon of `Data` as [`Data::lexicons`] indexes it: it takes a bit and lists its keys.
trait Lexicon {
    fn set_bit(&mut self, bit: u64);
    fn each_key(&self, f: &mut dyn FnMut(&str));
}

impl<V> Lexicon for WordMap<V> {
    fn set_bit(&mut self, bit: u64) {
        WordMap::set_bit(self, bit);
    }
    fn each_key(&self, f: &mut dyn FnMut(&str)) {
        for (k, _) in self.iter() {
            f(k);
        }
    }
}

impl Lexicon for WordSet {
    fn set_bit(&mut self, bit: u64) {
        WordSet::set_bit(self, bit);
    }
    fn each_key(&self, f: &mut dyn FnMut(&str)) {
        for k in self.iter() {
            f(k);
        }
    }
}

impl Lexicon for Stems {
    fn set_bit(&mut self, bit: u64) {
        self.forms.set_bit(bit);
    }
    fn each_key(&self, f: &mut dyn FnMut(&str)) {
        self.forms.each_key(f);
    }
}

/// The non-comment, non-blank lines of a data file.
pub fn entries(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The key a word is matched by after full normalisation.
pub fn key_full(s: &str) -> String {
    fold(s.trim(), Strength::Full).text
}

/// The key a word is matched by for language identification: light fold, ZWNJ removed, hamza
/// carriers of alef unified.
pub fn key_lang(s: &str) -> String {
    key_lang_folded(&fold(s.trim(), Strength::Light).text)
}

/// [`key_lang`] of a token that is already light-folded.
pub fn key_lang_folded(s: &str) -> String {
    s.chars().filter_map(key_lang_char).collect()
}

/// [`key_lang_folded`] borrowing `s` when it is its own key (most words of a comment).
pub fn key_lang_cow(s: &str) -> Cow<'_, str> {
    if is_own_lang_key(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(key_lang_folded(s))
    }
}

/// Whether `s` is its own [`key_lang_folded`] key. Read as bytes: U+0600..=U+07FF are the
/// two-byte sequences led by 0xD8..=0xDF, and of those only أ إ ٱ change; of ASCII, only capitals.
fn is_own_lang_key(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            x if x < 0x80 => {
                if x.is_ascii_uppercase() {
                    return false;
                }
                i += 1;
            }
            0xD8..=0xDF => {
                // أ U+0623, إ U+0625, ٱ U+0671.
                if matches!(
                    (b[i], b.get(i + 1)),
                    (0xD8, Some(0xA3 | 0xA5)) | (0xD9, Some(0xB1))
                ) {
                    return false;
                }
                i += 2;
            }
            _ => return s.chars().all(|c| key_lang_char(c) == Some(c)),
        }
    }
    true
}

/// One character of a [`key_lang`] key (`None`: dropped).
fn key_lang_char(c: char) -> Option<char> {
    Some(match c {
        '\u{200C}' => return None,
        'أ' | 'إ' | 'ٱ' => 'ا',
        x if x.is_ascii() => x.to_ascii_lowercase(),
        // Arabic-script letters have no case; skip the Unicode table for them.
        x if (x as u32) >= 0x0600 && (x as u32) < 0x0800 => x,
        x => x.to_lowercase().next().unwrap_or(x),
    })
}

/// Reduces runs of one non-ASCII letter to a single letter (what the full fold does to tokens).
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last = None;
    for c in s.chars() {
        if Some(c) != last || c.is_ascii() || !crate::normalize::is_letter(c) {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

/// Endings that Persian nouns and adjectives take in comments (plural, ezafe, indefinite,
/// colloquial copula, possessives, comparatives), plus Azerbaijani copula/plural endings.
pub const SUFFIXES: &[&str] = &[
    "",
    "ها",
    "های",
    "هایی",
    "ا",
    "ای",
    "ایی",
    "ی",
    "یی",
    "ه",
    "یه",
    "ن",
    "ند",
    "ید",
    "ین",
    "یم",
    "م",
    "ت",
    "ش",
    "مون",
    "تون",
    "شون",
    "مان",
    "تان",
    "شان",
    "ان",
    "ترین",
    "تر",
    "ست",
    "اند",
    "هاشون",
    "ترینه",
    "دیر",
    "لار",
    "لر",
    "لاری",
    "یز",
];

/// Endings that make a wrongdoer word a predicate about someone ("دزدن" = they are thieves,
/// "خائنه" = he is a traitor) or a plural naming a group.
pub fn is_predicative(suffix: &str) -> bool {
    matches!(
        suffix,
        "ن" | "ند"
            | "ید"
            | "ین"
            | "ه"
            | "یه"
            | "ست"
            | "اند"
            | "ا"
            | "ها"
            | "های"
            | "ای"
            | "ان"
            | "ی"
            | "ترین"
            | "ترینه"
            | "دیر"
            | "لار"
            | "لر"
            | "هاشون"
    )
}

/// One match of a stem lexicon in a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StemHit<'a> {
    pub stem: &'a str,
    pub tag: &'a str,
    pub suffix: &'static str,
}

/// A stem lexicon with all generated forms.
#[derive(Debug, Clone, Default)]
pub struct Stems {
    forms: WordMap<(usize, &'static str)>,
    stems: Vec<(String, String)>,
}

impl Stems {
    /// Builds from `stem tag` lines (the tag is optional).
    pub fn parse(src: &str) -> Stems {
        let mut s = Stems::default();
        for line in entries(src) {
            let (word, tag) = match line.split_once([' ', '\t', '|']) {
                Some((w, t)) => (w.trim(), t.trim().trim_start_matches('|').trim()),
                None => (line, ""),
            };
            s.add(word, tag);
        }
        s
    }

    /// Adds one stem (normalised here) with a tag.
    pub fn add(&mut self, word: &str, tag: &str) {
        let stem = key_full(word);
        if stem.is_empty() {
            return;
        }
        let idx = self.stems.len();
        self.stems.push((stem.clone(), tag.to_string()));
        for &suf in SUFFIXES {
            let form = collapse(&format!("{stem}{suf}"));
            // The bare stem wins over a generated form of another stem.
            let entry = self.forms.get_or_insert_with(&form, || (idx, suf));
            if suf.is_empty()
                && let Some(entry) = entry
            {
                *entry = (idx, suf);
            }
        }
    }

    /// The stem a (fully normalised) token is a form of.
    pub fn get<K: Key + ?Sized>(&self, token: &K) -> Option<StemHit<'_>> {
        let &(idx, suffix) = self.forms.get(token)?;
        let (stem, tag) = &self.stems[idx];
        Some(StemHit { stem, tag, suffix })
    }

    pub fn is_empty(&self) -> bool {
        self.stems.is_empty()
    }
}

/// A set of normalised words.
pub fn set_full(src: &str) -> WordSet {
    entries(src)
        .map(key_full)
        .filter(|w| !w.is_empty())
        .collect()
}

/// A set of words keyed for language identification.
pub fn set_lang(src: &str) -> WordSet {
    entries(src)
        .map(key_lang)
        .filter(|w| !w.is_empty())
        .collect()
}

/// One element of a phrase pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pat {
    Exact(String),
    Prefix(String),
    Number,
    Gap,
}

impl Pat {
    fn matches(&self, t: &Token<'_>) -> bool {
        match self {
            Pat::Exact(w) => t.kind == Kind::Word && t.text == *w,
            Pat::Prefix(p) => t.kind == Kind::Word && t.text.starts_with(p.as_str()),
            Pat::Number => t.kind == Kind::Number,
            Pat::Gap => true,
        }
    }
}

/// A multi-word pattern with a tag.
#[derive(Debug, Clone)]
pub struct Phrase {
    pub pats: Vec<Pat>,
    pub tag: String,
    /// The pattern as written in the data file, for evidence.
    pub source: String,
}

/// A match of a phrase: token indexes `first..=last` in the word stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseHit {
    pub phrase: usize,
    pub first: usize,
    pub last: usize,
}

/// A set of phrase patterns, indexed by their first element.
#[derive(Debug, Default)]
pub struct Phrases {
    pub list: Vec<Phrase>,
    exact: WordMap<Vec<usize>>,
    /// Patterns opening with a prefix, by the prefix's [`head`].
    prefix: WordMap<Vec<usize>>,
    /// Whether some prefix is a single character (indexed under that character).
    short_prefix: bool,
    number: Vec<usize>,
}

impl Phrases {
    /// Parses `pattern` or `pattern | tag` lines.
    pub fn parse(src: &str) -> Phrases {
        let mut p = Phrases::default();
        for line in entries(src) {
            let (pat, tag) = match line.split_once('|') {
                Some((a, b)) => (a.trim(), b.trim()),
                None => (line, ""),
            };
            p.add(pat, tag);
        }
        p
    }

    /// Adds one pattern.
    pub fn add(&mut self, pattern: &str, tag: &str) {
        let mut pats = Vec::new();
        for w in pattern.split_whitespace() {
            let pat = if w == "…" || w == "..." {
                Pat::Gap
            } else if w == "#" {
                Pat::Number
            } else if let Some(stem) = w.strip_suffix('*') {
                let k = key_full(stem);
                if k.is_empty() {
                    continue;
                }
                Pat::Prefix(k)
            } else {
                let k = key_full(w);
                if k.is_empty() {
                    continue;
                }
                Pat::Exact(k)
            };
            pats.push(pat);
        }
        while pats.last() == Some(&Pat::Gap) {
            pats.pop();
        }
        let idx = self.list.len();
        match pats.first() {
            Some(Pat::Exact(w)) => {
                if let Some(list) = self.exact.get_or_insert_with(w, Vec::new) {
                    list.push(idx);
                }
            }
            Some(Pat::Prefix(w)) => match head(w) {
                "" => return,
                c => {
                    self.short_prefix |= w.chars().nth(1).is_none();
                    if let Some(list) = self.prefix.get_or_insert_with(c, Vec::new) {
                        list.push(idx);
                    }
                }
            },
            Some(Pat::Number) => self.number.push(idx),
            _ => return,
        }
        self.list.push(Phrase {
            pats,
            tag: tag.to_string(),
            source: pattern.to_string(),
        });
    }

    /// Every match in a stream of word/number tokens (a match never crosses a sentence). A
    /// comment's fields find all lists at once with [`Data::find_phrases`]; this is its
    /// reference, and serves one list over an article.
    pub fn find(&self, toks: &[&Token<'_>]) -> Vec<PhraseHit> {
        let mut hits = Vec::new();
        for i in 0..toks.len() {
            let t = toks[i];
            let empty: &[usize] = &[];
            let numbers = if t.kind == Kind::Number {
                self.number.as_slice()
            } else {
                empty
            };
            let exact = self.exact.get(&t.text).map_or(empty, Vec::as_slice);
            let (prefix, short) = prefix_candidates(&self.prefix, self.short_prefix, &t.text);
            for &idx in numbers.iter().chain(exact).chain(prefix).chain(short) {
                if let Some(last) = self.match_at(&self.list[idx].pats, toks, i) {
                    hits.push(PhraseHit {
                        phrase: idx,
                        first: i,
                        last,
                    });
                }
            }
        }
        hits
    }

    fn match_at(&self, pats: &[Pat], toks: &[&Token<'_>], start: usize) -> Option<usize> {
        let sentence = toks[start].sentence;
        let mut i = start;
        let mut k = 0;
        while k < pats.len() {
            if pats[k] == Pat::Gap {
                // Up to three words, then the next element.
                let next = pats.get(k + 1)?;
                let mut found = None;
                for (j, t) in toks.iter().enumerate().skip(i).take(4) {
                    if t.sentence != sentence {
                        break;
                    }
                    if next.matches(t) {
                        found = Some(j);
                        break;
                    }
                }
                i = found? + 1;
                k += 2;
                continue;
            }
            let t = toks.get(i)?;
            if t.sentence != sentence || !pats[k].matches(t) {
                return None;
            }
            i += 1;
            k += 1;
        }
        Some(i - 1)
    }
}

/// The phrase lists of `Data`, found in one pass over a field's words.
#[derive(Debug, Clone, Default)]
pub struct PhraseHits {
    pub spam: Vec<PhraseHit>,
    pub chain: Vec<PhraseHit>,
    pub crowd: Vec<PhraseHit>,
    pub subjects: Vec<PhraseHit>,
    pub reactions: Vec<PhraseHit>,
    pub acts: Vec<PhraseHit>,
    pub insult_phrases: Vec<PhraseHit>,
}

/// Every phrase list's patterns indexed together by their first element, as (list, pattern) in
/// the order [`Data::phrase_lists`] gives: one or two lookups per word find the candidates of all
/// seven lists, where [`Phrases::find`] per list took fourteen.
#[derive(Debug, Default)]
pub struct PhraseIndex {
    exact: WordMap<Vec<(usize, usize)>>,
    prefix: WordMap<Vec<(usize, usize)>>,
    short_prefix: bool,
    number: Vec<(usize, usize)>,
}

impl PhraseIndex {
    /// Each list's candidates stay in their own order, so each list's hits come out in the
    /// order [`Phrases::find`] gives.
    fn of(lists: &[&Phrases]) -> PhraseIndex {
        let mut ix = PhraseIndex::default();
        for (l, p) in lists.iter().enumerate() {
            for (into, from) in [(&mut ix.exact, &p.exact), (&mut ix.prefix, &p.prefix)] {
                for (w, idxs) in from.iter() {
                    if let Some(v) = into.get_or_insert_with(w, Vec::new) {
                        v.extend(idxs.iter().map(|&i| (l, i)));
                    }
                }
            }
            ix.number.extend(p.number.iter().map(|&i| (l, i)));
            ix.short_prefix |= p.short_prefix;
        }
        ix
    }
}

/// The first two characters of `s` (fewer when it is shorter): the key prefix patterns are
/// indexed by. Two characters rather than one: a word starting with «د» no longer tries every
/// «دست*»-like pattern, only words starting with «دس» do.
fn head(s: &str) -> &str {
    let end = s.char_indices().nth(2).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// The prefix patterns a word may open: those under its [`head`], and, when some pattern's
/// prefix is a single character (`short`), those under its first character.
fn prefix_candidates<'m, V>(
    prefix: &'m WordMap<Vec<V>>,
    short: bool,
    w: &str,
) -> (&'m [V], &'m [V]) {
    let h = head(w);
    let two = prefix.get(h).map_or(&[][..], Vec::as_slice);
    let one = match w.chars().next() {
        Some(c) if short && c.len_utf8() < h.len() => prefix
            .get(&w[..c.len_utf8()])
            .map_or(&[][..], Vec::as_slice),
        _ => &[][..],
    };
    (two, one)
}

/// Finglish spelling folded so that variants meet: x→kh, q→gh, w→v, oo/ou→u, ee→i, ey→ei,
/// doubled letters reduced, a final "h" after a vowel dropped.
pub fn finglish_fold(s: &str) -> String {
    let mut l = s.to_ascii_lowercase();
    // In this order (each replacement reads the one before); a word holding none of a pattern,
    // the usual case, skips building a copy for it.
    for (from, to) in [
        ("x", "kh"),
        ("q", "gh"),
        ("w", "v"),
        ("oo", "u"),
        ("ou", "u"),
        ("ee", "i"),
        ("ey", "ei"),
    ] {
        if l.contains(from) {
            l = l.replace(from, to);
        }
    }
    let mut out = String::with_capacity(l.len());
    for c in l.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    if out.len() > 2 && (out.ends_with("eh") || out.ends_with("ah")) {
        out.pop();
    }
    out
}

/// Finglish endings and the Persian endings they spell.
const FINGLISH_SUFFIXES: &[(&str, &str)] = &[
    ("", ""),
    ("e", "ه"),
    ("a", "ا"),
    ("ha", "ها"),
    ("an", "ن"),
    ("i", "ی"),
    ("ye", "یه"),
    ("tarin", "ترین"),
    ("ast", "ست"),
    ("in", "ین"),
    ("id", "ید"),
    ("aye", "ای"),
    ("haye", "های"),
    ("and", "ند"),
];

/// Finglish-to-Persian dictionary for the words the rules look for.
#[derive(Debug, Default)]
pub struct Finglish {
    map: WordMap<String>,
}

impl Finglish {
    pub fn parse(src: &str) -> Finglish {
        let mut map = WordMap::default();
        for line in entries(src) {
            if let Some((lat, fa)) = line.split_once(char::is_whitespace) {
                map.insert(&finglish_fold(lat), key_full(fa));
            }
        }
        Finglish { map }
    }

    /// The Persian spelling of a Latin-letter word, when it is a known word plus an ending.
    pub fn to_persian(&self, word: &str) -> Option<String> {
        let w = finglish_fold(word);
        if let Some(fa) = self.map.get(&w) {
            return Some(fa.clone());
        }
        for &(lat, fa_suf) in FINGLISH_SUFFIXES.iter().skip(1) {
            if let Some(stem) = w.strip_suffix(lat)
                && stem.len() >= 2
                && let Some(fa) = self.map.get(stem)
            {
                return Some(collapse(&format!("{fa}{fa_suf}")));
            }
        }
        None
    }
}

/// Everything in `data/`, parsed once.
#[derive(Debug)]
pub struct Data {
    pub fa: WordSet,
    pub ar: WordSet,
    pub ur: WordSet,
    pub ps: WordSet,
    pub ckb: WordSet,
    pub azb: WordSet,
    pub en: WordSet,
    pub finglish: WordSet,
    pub roman_ur: WordSet,
    pub insults: Stems,
    pub insult_phrases: Phrases,
    pub finglish_map: Finglish,
    pub agents: Stems,
    pub acts: Phrases,
    pub crimes: Stems,
    pub kin: WordSet,
    pub favours: Stems,
    pub targets: Stems,
    pub honorifics: WordSet,
    pub titles: WordSet,
    pub ethnic: Stems,
    pub policy_context: Stems,
    pub money: Stems,
    pub entrusted: Stems,
    pub speech: Stems,
    pub luxury: Stems,
    pub quoting: Stems,
    pub generic: WordSet,
    pub places: WordSet,
    pub reactions: Phrases,
    pub chain: Phrases,
    pub spam: Phrases,
    pub subjects: Phrases,
    pub crowd: Phrases,
    /// The seven phrase lists above, indexed together.
    pub phrase_index: PhraseIndex,
    /// Every key of the word lexicons above, with the bits of the lexicons holding it.
    pub(crate) lexicons: WordMap<u64>,
    pub stop: WordSet,
    pub allow: WordSet,
}

/// Whether the line `src[start..end]` is one [`entries`] skips anyway: blank, or a `#` comment.
/// Only ASCII whitespace is looked through here; a line led by other whitespace is kept (and
/// skipped at run time, as before).
const fn skipped(src: &[u8], start: usize, end: usize) -> bool {
    let mut i = start;
    while i < end {
        match src[i] {
            b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c' => i += 1,
            b'#' => return true,
            _ => return false,
        }
    }
    true
}

/// Where the line starting at `at` ends (its `\n` or the end of `src`), and where the next starts.
const fn line_end(src: &[u8], at: usize) -> (usize, usize) {
    let mut end = at;
    while end < src.len() && src[end] != b'\n' {
        end += 1;
    }
    (end, if end < src.len() { end + 1 } else { end })
}

/// The length of `src` without the lines [`skipped`] drops.
const fn kept_len(src: &[u8]) -> usize {
    let (mut at, mut len) = (0, 0);
    while at < src.len() {
        let (end, next) = line_end(src, at);
        if !skipped(src, at, end) {
            len += next - at;
        }
        at = next;
    }
    len
}

/// `src` without the lines [`skipped`] drops; the other lines byte for byte, in order.
const fn strip<const N: usize>(src: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    let (mut at, mut len) = (0, 0);
    while at < src.len() {
        let (end, next) = line_end(src, at);
        if !skipped(src, at, end) {
            let mut i = at;
            while i < next {
                out[len] = src[i];
                len += 1;
                i += 1;
            }
        }
        at = next;
    }
    out
}

/// A data file as written, `# source:` lines and all (for the tests that read them).
#[cfg(test)]
macro_rules! raw_data {
    ($f:literal) => {
        include_str!(concat!("../data/", $f))
    };
}

/// A data file's text without its comment and blank lines, stripped at compile time: the
/// `# source:` notes are for people reading `data/`, and were a fifth of the bytes the widget's
/// readers download for the word data. [`entries`] sees the same lines either way.
macro_rules! data {
    ($f:literal) => {{
        const RAW: &[u8] = include_bytes!(concat!("../data/", $f));
        const BYTES: [u8; kept_len(RAW)] = strip(RAW);
        const TEXT: &str = match std::str::from_utf8(&BYTES) {
            Ok(text) => text,
            Err(_) => panic!(concat!("data/", $f, " is not UTF-8")),
        };
        TEXT
    }};
}

/// The parsed word data (built on first use, then shared).
pub fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| {
        let fa_src = data!("lang_fa.txt");
        let mut d = Data {
            fa: set_lang(fa_src),
            ar: set_lang(data!("lang_ar.txt")),
            ur: set_lang(data!("lang_ur.txt")),
            ps: set_lang(data!("lang_ps.txt")),
            ckb: set_lang(data!("lang_ckb.txt")),
            azb: set_lang(data!("lang_azb.txt")),
            en: entries(data!("lang_en.txt"))
                .map(str::to_lowercase)
                .collect(),
            finglish: entries(data!("lang_finglish.txt"))
                .map(finglish_fold)
                .collect(),
            roman_ur: entries(data!("lang_roman_ur.txt"))
                .map(str::to_lowercase)
                .collect(),
            insults: Stems::parse(data!("insults.txt")),
            insult_phrases: Phrases::parse(data!("insult_phrases.txt")),
            finglish_map: Finglish::parse(data!("finglish_map.txt")),
            agents: Stems::parse(data!("agents.txt")),
            acts: Phrases::parse(data!("acts.txt")),
            crimes: Stems::parse(data!("crimes.txt")),
            kin: set_full(data!("kin.txt")),
            favours: Stems::parse(data!("favours.txt")),
            targets: Stems::parse(data!("targets.txt")),
            honorifics: set_full(data!("honorifics.txt")),
            titles: set_full(data!("titles.txt")),
            ethnic: Stems::parse(data!("ethnic.txt")),
            policy_context: Stems::parse(data!("policy_context.txt")),
            money: Stems::parse(data!("money.txt")),
            entrusted: Stems::parse(data!("entrusted.txt")),
            speech: Stems::parse(data!("speech.txt")),
            luxury: Stems::parse(data!("luxury.txt")),
            quoting: Stems::parse(data!("quoting.txt")),
            generic: set_full(data!("generic.txt")),
            places: set_full(data!("places.txt")),
            reactions: Phrases::parse(data!("reactions.txt")),
            chain: Phrases::parse(data!("chain.txt")),
            spam: Phrases::parse(data!("spam.txt")),
            subjects: Phrases::parse(data!("subjects.txt")),
            crowd: Phrases::parse(data!("crowd.txt")),
            phrase_index: PhraseIndex::default(),
            lexicons: WordMap::default(),
            stop: set_full(fa_src),
            allow: set_full(data!("allow.txt")),
        };
        d.phrase_index = PhraseIndex::of(&d.phrase_lists());
        d.index_lexicons();
        d
    })
}

impl Data {
    /// Gives each word lexicon a bit and builds [`Data::lexicons`] from their keys.
    fn index_lexicons(&mut self) {
        let mut all: WordMap<u64> = WordMap::default();
        let lexicons: [&mut dyn Lexicon; 30] = [
            &mut self.fa,
            &mut self.ar,
            &mut self.ur,
            &mut self.ps,
            &mut self.ckb,
            &mut self.azb,
            &mut self.en,
            &mut self.finglish,
            &mut self.roman_ur,
            &mut self.insults,
            &mut self.finglish_map.map,
            &mut self.agents,
            &mut self.crimes,
            &mut self.kin,
            &mut self.favours,
            &mut self.targets,
            &mut self.honorifics,
            &mut self.titles,
            &mut self.ethnic,
            &mut self.policy_context,
            &mut self.money,
            &mut self.entrusted,
            &mut self.speech,
            &mut self.luxury,
            &mut self.quoting,
            &mut self.generic,
            &mut self.places,
            &mut self.stop,
            &mut self.allow,
            &mut self.phrase_index.exact,
        ];
        for (i, lexicon) in lexicons.into_iter().enumerate() {
            let bit = 1u64 << i;
            lexicon.set_bit(bit);
            lexicon.each_key(&mut |k| {
                if let Some(bits) = all.get_or_insert_with(k, || 0) {
                    *bits |= bit;
                }
            });
        }
        self.lexicons = all;
    }

    /// The phrase lists, in the order of [`PhraseHits`]'s fields.
    fn phrase_lists(&self) -> [&Phrases; 7] {
        [
            &self.spam,
            &self.chain,
            &self.crowd,
            &self.subjects,
            &self.reactions,
            &self.acts,
            &self.insult_phrases,
        ]
    }

    /// Every match of every phrase list in a stream of word/number tokens: what
    /// [`Phrases::find`] of each list gives, in one pass.
    pub fn find_phrases(&self, toks: &[&Token<'_>]) -> PhraseHits {
        let lists = self.phrase_lists();
        let mut hits: [Vec<PhraseHit>; 7] = Default::default();
        let ix = &self.phrase_index;
        let empty: &[(usize, usize)] = &[];
        for (i, t) in toks.iter().enumerate() {
            let numbers = if t.kind == Kind::Number {
                ix.number.as_slice()
            } else {
                empty
            };
            let exact = ix.exact.get(&t.text).map_or(empty, Vec::as_slice);
            let (prefix, short) = prefix_candidates(&ix.prefix, ix.short_prefix, &t.text);
            for &(l, idx) in numbers.iter().chain(exact).chain(prefix).chain(short) {
                let (Some(list), Some(out)) = (lists.get(l), hits.get_mut(l)) else {
                    continue;
                };
                if let Some(last) = list.match_at(&list.list[idx].pats, toks, i) {
                    out.push(PhraseHit {
                        phrase: idx,
                        first: i,
                        last,
                    });
                }
            }
        }
        let [
            spam,
            chain,
            crowd,
            subjects,
            reactions,
            acts,
            insult_phrases,
        ] = hits;
        PhraseHits {
            spam,
            chain,
            crowd,
            subjects,
            reactions,
            acts,
            insult_phrases,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::{Strength, fold};
    use crate::tokenize::tokenize;

    #[test]
    fn compiled_in_data_loses_only_comment_and_blank_lines() {
        const SRC: &[u8] = b"# source: x\n  \nword one\r\n\t# note\nstem|tag\n\n#end";
        const OUT: [u8; kept_len(SRC)] = strip(SRC);
        assert_eq!(&OUT, b"word one\r\nstem|tag\n");
        for (stripped, raw) in [
            (data!("insults.txt"), raw_data!("insults.txt")),
            (data!("lang_fa.txt"), raw_data!("lang_fa.txt")),
            (data!("acts.txt"), raw_data!("acts.txt")),
        ] {
            assert!(entries(stripped).eq(entries(raw)));
            assert!(stripped.len() < raw.len());
        }
    }

    #[test]
    fn every_data_file_opens_with_its_source() {
        for src in [
            raw_data!("lang_fa.txt"),
            raw_data!("lang_ar.txt"),
            raw_data!("lang_ur.txt"),
            raw_data!("lang_ps.txt"),
            raw_data!("lang_ckb.txt"),
            raw_data!("lang_azb.txt"),
            raw_data!("lang_en.txt"),
            raw_data!("lang_finglish.txt"),
            raw_data!("lang_roman_ur.txt"),
            raw_data!("insults.txt"),
            raw_data!("insult_phrases.txt"),
            raw_data!("finglish_map.txt"),
            raw_data!("agents.txt"),
            raw_data!("acts.txt"),
            raw_data!("crimes.txt"),
            raw_data!("kin.txt"),
            raw_data!("favours.txt"),
            raw_data!("targets.txt"),
            raw_data!("honorifics.txt"),
            raw_data!("titles.txt"),
            raw_data!("ethnic.txt"),
            raw_data!("policy_context.txt"),
            raw_data!("money.txt"),
            raw_data!("entrusted.txt"),
            raw_data!("speech.txt"),
            raw_data!("luxury.txt"),
            raw_data!("quoting.txt"),
            raw_data!("generic.txt"),
            raw_data!("places.txt"),
            raw_data!("reactions.txt"),
            raw_data!("chain.txt"),
            raw_data!("spam.txt"),
            raw_data!("subjects.txt"),
            raw_data!("crowd.txt"),
            raw_data!("allow.txt"),
        ] {
            assert!(
                src.starts_with("# source:"),
                "{}",
                &src[..40.min(src.len())]
            );
            assert!(entries(src).count() > 3);
        }
    }

    #[test]
    fn stems_generate_inflected_forms() {
        let s = Stems::parse("# source: test\nاحمق strong\nگوساله strong\n");
        assert_eq!(s.get("احمقترین").map(|h| h.stem), Some("احمق"));
        assert_eq!(s.get("احمقا").map(|h| h.suffix), Some("ا"));
        // Doubled letters are reduced in tokens; generated forms are reduced the same way.
        assert_eq!(
            s.get(&key_full("گوساله‌های")).map(|h| h.stem),
            Some("گوساله")
        );
        assert!(s.get("احمقانه").is_none());
    }

    #[test]
    fn phrases_match_with_prefixes_gaps_and_numbers() {
        let p =
            Phrases::parse("# source: test\nرشوه گرفت* | bribery\nپول* … خورد* | e\nبرای # نفر\n");
        let folded = fold(
            "اون رشوه گرفته. پولا رو همه خوردن. برای ۱۰ نفر",
            Strength::Full,
        );
        let toks = tokenize(&folded, false);
        let words: Vec<&Token> = toks
            .iter()
            .filter(|t| t.kind == Kind::Word || t.kind == Kind::Number)
            .collect();
        let tags: Vec<&str> = p
            .find(&words)
            .iter()
            .map(|h| p.list[h.phrase].tag.as_str())
            .collect();
        assert_eq!(tags, vec!["bribery", "e", ""]);
        // Prefixes are indexed by their first two characters; a one-character prefix still works.
        let p = Phrases::parse("# source: test\nپ* … خورد* | one\nپو* … خورد* | two\n");
        let tags: Vec<&str> = p
            .find(&words)
            .iter()
            .map(|h| p.list[h.phrase].tag.as_str())
            .collect();
        assert_eq!(tags, vec!["two", "one"]);
    }

    #[test]
    fn all_phrase_lists_at_once_find_what_each_list_finds() {
        let d = data();
        let texts = [
            "این پیام رو برای ۱۰ نفر بفرستید، فروش ویژه با تخفیف، سفارش از طریق واتساپ",
            "شهردار رشوه گرفته و پولا رو همه خوردن، دست شما درد نکنه",
            "کسی میدونه قیمت سکه فردا بالا میره؟ خفه شو دیگه، بچه ها نظرتون چیه",
        ];
        for text in texts {
            let folded = fold(text, Strength::Full);
            let toks = tokenize(&folded, true);
            let words: Vec<&Token> = toks
                .iter()
                .filter(|t| t.kind == Kind::Word || t.kind == Kind::Number)
                .collect();
            let all = d.find_phrases(&words);
            for (list, hits) in d.phrase_lists().iter().zip([
                &all.spam,
                &all.chain,
                &all.crowd,
                &all.subjects,
                &all.reactions,
                &all.acts,
                &all.insult_phrases,
            ]) {
                assert_eq!(&list.find(&words), hits, "{text}");
            }
        }
    }

    #[test]
    fn word_maps_find_every_key_and_nothing_else() {
        let mut m: WordMap<usize> = WordMap::default();
        let words: Vec<String> = (0..2000).map(|i| format!("و{i}ژ")).collect();
        for (i, w) in words.iter().enumerate() {
            m.insert(w, i);
        }
        m.insert(&words[7], 70);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(m.get(w.as_str()), Some(&if i == 7 { 70 } else { i }));
        }
        for probe in ["", "و", "و1", "و2000ژ", "ژ1و"] {
            assert_eq!(m.get(probe), None, "{probe}");
        }
        assert_eq!(m.iter().count(), words.len());
        // Lexicon bits: a `Word` is answered from its set of lexicons.
        let d = data();
        let w = Word::new("احمق");
        assert!(d.insults.get(&w).is_some() && d.insults.get("احمق").is_some());
        let w = Word::new("کتابخانه");
        assert_eq!(
            d.insults.get(&w).is_some(),
            d.insults.get("کتابخانه").is_some()
        );
    }

    #[test]
    fn finglish_words_become_persian() {
        let f = Finglish::parse("# source: test\nahmagh احمق\ndozd دزد\n");
        assert_eq!(f.to_persian("AHMAGHE").as_deref(), Some("احمقه"));
        assert_eq!(f.to_persian("ahmaq").as_deref(), Some("احمق"));
        assert_eq!(f.to_persian("dozdan").as_deref(), Some("دزدن"));
        assert_eq!(f.to_persian("salam"), None);
    }
}
