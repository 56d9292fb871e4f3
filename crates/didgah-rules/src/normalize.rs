//! Two strengths of normalisation, each keeping a map from every output character back to the
//! bytes it came from in the text as typed (so spans highlight what the reader wrote).
//!
//! - [`Strength::Light`] is for language identification: it folds only what Persian writers
//!   themselves produce (Arabic ي/ى/ك, presentation forms, diacritics, kashida, digits, long runs of
//!   one letter) and keeps the letters that tell Urdu, Kurdish, Pashto and Azerbaijani apart.
//! - [`Strength::Full`] is for matching words: it also removes every invisible character (ZWNJ
//!   included: a ZWNJ is inside a word, so removing it joins the word), folds the neighbouring
//!   languages' letters into Persian ones, lowercases Latin, maps look-alike Cyrillic/Greek letters
//!   to Latin, and reduces every run of a repeated non-ASCII letter to one letter (Latin words
//!   keep their spelling: URLs and English need it; Finglish is folded when it is looked up).
//!
//! Both run in one pass (plus one pass for look-alikes), linear in the input.

use std::sync::OnceLock;

/// How hard to fold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    Light,
    Full,
}

/// One output character, where it sits in the normalised text, and the byte range of the input
/// it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ch {
    pub c: char,
    /// `Class::of(c)`, looked up while folding (the tokeniser asks it of every character).
    pub class: Class,
    /// Byte offset of `c` in [`Folded::text`].
    pub at: usize,
    pub start: usize,
    pub end: usize,
}

/// What the tokeniser asks of a character, as bits: one table lookup per character while
/// folding, instead of several Unicode predicates per character while tokenising.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Class(u8);

impl Class {
    const SPACE: u8 = 1;
    const WORD: u8 = 2;
    const LETTER: u8 = 4;
    const ALPHABETIC: u8 = 8;
    const ARABIC: u8 = 16;
    const LATIN: u8 = 32;
    const CYRILLIC: u8 = 64;

    /// The class of any character (the tables in [`fold`] hold it for the common ones).
    pub fn of(c: char) -> Class {
        let bits = [
            (c.is_whitespace(), Self::SPACE),
            (is_word_char(c), Self::WORD),
            (is_letter(c), Self::LETTER),
            (c.is_alphabetic(), Self::ALPHABETIC),
            (is_arabic_letter(c), Self::ARABIC),
            (
                c.is_ascii_alphabetic() || matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF),
                Self::LATIN,
            ),
            (matches!(c as u32, 0x400..=0x52F), Self::CYRILLIC),
        ];
        Class(bits.iter().filter(|b| b.0).fold(0, |acc, b| acc | b.1))
    }

    /// `char::is_whitespace`.
    pub fn space(self) -> bool {
        self.0 & Self::SPACE != 0
    }
    /// [`is_word_char`].
    pub fn word(self) -> bool {
        self.0 & Self::WORD != 0
    }
    /// [`is_letter`].
    pub fn letter(self) -> bool {
        self.0 & Self::LETTER != 0
    }
    /// `char::is_alphabetic`.
    pub fn alphabetic(self) -> bool {
        self.0 & Self::ALPHABETIC != 0
    }
    /// [`is_arabic_letter`].
    pub fn arabic(self) -> bool {
        self.0 & Self::ARABIC != 0
    }
    /// ASCII letters and the Latin-1 Supplement, Latin Extended-A/B and Additional ranges.
    pub fn latin(self) -> bool {
        self.0 & Self::LATIN != 0
    }
    /// The Cyrillic block and its supplement.
    pub fn cyrillic(self) -> bool {
        self.0 & Self::CYRILLIC != 0
    }
}

/// A character words are made of: letters, digits of any script, ZWNJ, combining accents.
pub fn is_word_char(c: char) -> bool {
    if is_letter(c) || c.is_ascii_digit() || c == '\u{200C}' {
        return true;
    }
    if in_arabic_block(c) {
        // Not alphabetic (`is_letter` is exact there), so alphanumeric means numeric.
        return c.is_numeric();
    }
    c.is_alphanumeric() || matches!(c, '\u{0300}'..='\u{036F}')
}

/// Normalised text as characters with their source ranges, and as one string: tokens borrow
/// their text from it instead of each allocating its own.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    pub chars: Vec<Ch>,
    pub text: String,
}

impl Folded {
    /// The normalised text of `chars`, a run of consecutive elements of [`Folded::chars`].
    pub fn text_of(&self, chars: &[Ch]) -> &str {
        match (chars.first(), chars.last()) {
            (Some(a), Some(b)) => self.text.get(a.at..b.at + b.c.len_utf8()).unwrap_or(""),
            _ => "",
        }
    }
}

/// Base letters of Arabic Presentation Forms-B (U+FE80..=U+FEF4), as (letter, number of forms).
const FORMS_B: &[(char, u8)] = &[
    ('ء', 1),
    ('آ', 2),
    ('أ', 2),
    ('ؤ', 2),
    ('إ', 2),
    ('ئ', 4),
    ('ا', 2),
    ('ب', 4),
    ('ة', 2),
    ('ت', 4),
    ('ث', 4),
    ('ج', 4),
    ('ح', 4),
    ('خ', 4),
    ('د', 2),
    ('ذ', 2),
    ('ر', 2),
    ('ز', 2),
    ('س', 4),
    ('ش', 4),
    ('ص', 4),
    ('ض', 4),
    ('ط', 4),
    ('ظ', 4),
    ('ع', 4),
    ('غ', 4),
    ('ف', 4),
    ('ق', 4),
    ('ك', 4),
    ('ل', 4),
    ('م', 4),
    ('ن', 4),
    ('ه', 4),
    ('و', 2),
    ('ى', 2),
    ('ي', 4),
];

/// Base letters of Arabic Presentation Forms-A from U+FB50 to U+FBB1 (Persian, Urdu, Sindhi…).
const FORMS_A: &[(char, u8)] = &[
    ('ٱ', 2),
    ('ٻ', 4),
    ('پ', 4),
    ('ڀ', 4),
    ('ٺ', 4),
    ('ٿ', 4),
    ('ٹ', 4),
    ('ڤ', 4),
    ('ڦ', 4),
    ('ڄ', 4),
    ('ڃ', 4),
    ('چ', 4),
    ('ڇ', 4),
    ('ڍ', 2),
    ('ڌ', 2),
    ('ڎ', 2),
    ('ڈ', 2),
    ('ژ', 2),
    ('ڑ', 2),
    ('ک', 4),
    ('گ', 4),
    ('ڳ', 4),
    ('ڱ', 4),
    ('ں', 2),
    ('ڻ', 4),
    ('ۀ', 2),
    ('ہ', 4),
    ('ھ', 4),
    ('ے', 2),
    ('ۓ', 2),
];

/// Base letters from U+FBD3 (Kazakh/Uyghur/Kurdish/Azerbaijani forms) to U+FBFF.
const FORMS_A2: &[(char, u8)] = &[
    ('ڭ', 4),
    ('ۇ', 2),
    ('ۆ', 2),
    ('ۈ', 2),
    ('ٷ', 1),
    ('ۋ', 2),
    ('ۅ', 2),
    ('ۉ', 2),
    ('ې', 4),
    ('ى', 2),
    ('ئ', 22), // Uyghur hamza ligatures U+FBEA..=U+FBFF are mostly ئ + vowel; ی forms follow
];

fn lookup(table: &[(char, u8)], mut offset: u32) -> Option<char> {
    for &(c, n) in table {
        if offset < u32::from(n) {
            return Some(c);
        }
        offset -= u32::from(n);
    }
    None
}

/// Presentation forms to base letters; `None` when `c` is not a presentation form we know.
/// Lam-alef ligatures expand to two letters.
fn presentation(c: char) -> Option<&'static str> {
    let u = c as u32;
    let one = |ch: char| -> Option<&'static str> { Some(letter_str(ch)) };
    match u {
        0xFEF5..=0xFEF6 => Some("لآ"),
        0xFEF7..=0xFEF8 => Some("لأ"),
        0xFEF9..=0xFEFA => Some("لإ"),
        0xFEFB..=0xFEFC => Some("لا"),
        0xFE80..=0xFEF4 => lookup(FORMS_B, u - 0xFE80).and_then(one),
        0xFB50..=0xFBB1 => lookup(FORMS_A, u - 0xFB50).and_then(one),
        0xFBFC..=0xFBFF => Some("ی"),
        0xFBD3..=0xFBFB => lookup(FORMS_A2, u - 0xFBD3).and_then(one),
        0xFDF2 => Some("الله"),
        _ => None,
    }
}

/// A `&'static str` for one of the letters in the tables above.
fn letter_str(c: char) -> &'static str {
    const ALL: &str = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيٱٻپڀٺٿٹڤڦڄڃچڇڍڌڎڈژڑکگڳڱںڻۀہھےۓڭۇۆۈٷۋۅۉې";
    match ALL.char_indices().find(|&(_, x)| x == c) {
        Some((i, x)) => &ALL[i..i + x.len_utf8()],
        None => "",
    }
}

/// Characters that carry nothing and are dropped at both strengths: Arabic diacritics, kashida,
/// and invisible format characters other than ZWNJ.
fn is_dropped(c: char) -> bool {
    matches!(c,
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08FF}' | '\u{FE70}'..='\u{FE7F}'
        | '\u{200B}' | '\u{200D}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}' | '\u{034F}' | '\u{180E}'
        | '\u{FE00}'..='\u{FE0F}' | '\u{061C}')
}

/// ASCII value of a Persian (U+06F0..) or Arabic-Indic (U+0660..) digit.
fn digit(c: char) -> Option<char> {
    let u = c as u32;
    let d = match u {
        0x06F0..=0x06F9 => u - 0x06F0,
        0x0660..=0x0669 => u - 0x0660,
        _ => return None,
    };
    char::from_digit(d, 10)
}

/// Letter folding done at both strengths: the Arabic keyboard's ي/ى/ك.
fn light_letter(c: char) -> char {
    match c {
        'ي' | 'ى' => 'ی',
        'ك' => 'ک',
        _ => c,
    }
}

/// Extra folding for matching words: neighbouring languages' letters, hamza carriers, Latin case
/// and look-alikes.
fn full_letter(c: char) -> char {
    match c {
        'ة' | 'ۀ' | 'ە' | 'ہ' | 'ھ' | 'ۃ' | 'ۂ' => 'ه',
        // «آ» at the start of a word stays (see `fold_madda`).
        'أ' | 'إ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        'ؤ' | 'ۆ' | 'ۇ' | 'ۈ' | 'ۉ' | 'ۋ' | 'ۅ' | 'ٷ' | 'ڤ' => 'و',
        'ئ' | 'ے' | 'ۓ' | 'ې' | 'ێ' | 'ۍ' | 'ؽ' | 'ٸ' => 'ی',
        'ٹ' | 'ټ' => 'ت',
        'ڈ' | 'ډ' => 'د',
        'ڑ' | 'ړ' | 'ڕ' => 'ر',
        'ں' | 'ڼ' | 'ڻ' => 'ن',
        'ڵ' => 'ل',
        'ښ' => 'ش',
        'ږ' => 'ژ',
        'ګ' | 'ڭ' => 'گ',
        'ځ' => 'ج',
        'څ' => 'چ',
        'ء' => 'ء',
        // Cyrillic and Greek letters that look like Latin ones.
        'а' | 'А' | 'α' | 'Α' => 'a',
        'е' | 'Е' | 'ε' | 'Ε' => 'e',
        'о' | 'О' | 'ο' | 'Ο' => 'o',
        'р' | 'Р' | 'ρ' | 'Ρ' => 'p',
        'с' | 'С' => 'c',
        'х' | 'Х' | 'χ' | 'Χ' => 'x',
        'у' | 'У' | 'υ' => 'y',
        'і' | 'І' | 'ι' | 'Ι' => 'i',
        'к' | 'К' | 'κ' | 'Κ' => 'k',
        'м' | 'М' | 'Μ' => 'm',
        'т' | 'Т' | 'τ' | 'Τ' => 't',
        'н' | 'Н' | 'Η' => 'h',
        'в' | 'В' | 'Β' => 'b',
        'ν' | 'Ν' => 'n',
        // Arabic-script letters have no case; skip the Unicode tables for them.
        '\u{0600}'..='\u{06FF}' => c,
        _ => {
            if c.is_ascii_uppercase() {
                c.to_ascii_lowercase()
            } else if c.is_uppercase() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                c
            }
        }
    }
}

/// The letters of Persian words (Arabic letters U+0621..=U+064A but the kashida, and پ چ ژ ک گ
/// ی): letters, and of the Arabic script, without a table search.
#[inline]
pub fn is_common_persian(c: char) -> bool {
    matches!(c as u32, 0x0621..=0x063A | 0x0641..=0x064A | 0x067E | 0x0686 | 0x0698 | 0x06A9 | 0x06AF | 0x06CC)
}

/// `char::is_alphabetic` with a fast path for ASCII and the common Persian letters (the Unicode
/// table lookup dominated the profile).
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    if is_common_persian(c) {
        return true;
    }
    // The rest of the Arabic block (punctuation, diacritics, rarer letters) and ZWNJ without
    // the Unicode table search, which costs hundreds of instructions a character.
    if let Some(i) = (c as usize).checked_sub(0x0600)
        && i < 0x100
    {
        static ARABIC: OnceLock<[bool; 0x100]> = OnceLock::new();
        return ARABIC.get_or_init(|| {
            std::array::from_fn(|i| {
                char::from_u32(0x0600 + i as u32).is_some_and(char::is_alphabetic)
            })
        })[i];
    }
    c != '\u{200C}' && c.is_alphabetic()
}

/// True for characters of the Arabic block (U+0600..=U+06FF), where [`is_letter`] is exact
/// without a Unicode table search.
pub fn in_arabic_block(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}')
}

/// True for letters of the Arabic script block (what Persian words are made of).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}')
        && !matches!(c, '\u{0640}' | '\u{06D4}')
}

/// A Latin letter or digit standing in for a Persian letter in the middle of a Persian word.
fn lookalike_arabic(c: char) -> Option<char> {
    match c {
        '0' | 'o' | 'O' | '٥' | '۵' => Some('ه'),
        '1' | 'l' | 'I' | '|' | '!' | '١' | '۱' => Some('ا'),
        '9' => Some('و'),
        '7' => Some('ح'),
        _ => None,
    }
}

/// Appends one folded character of class `class` to `f` (text and map), or extends the run it
/// repeats.
#[inline(always)]
fn push(f: &mut Folded, full: bool, c: char, class: Class, start: usize, end: usize) {
    let out = &mut f.chars;
    if let Some(last) = out.last_mut()
        && last.c == c
        && !c.is_ascii()
        && class.letter()
    {
        // A run of one letter: the full fold keeps one; the light fold keeps two (Persian
        // has real double letters: ممنون، الله) and drops the rest.
        if full {
            last.end = end;
            return;
        }
        let run = out.iter().rev().take_while(|x| x.c == c).count();
        if run >= 2 {
            if let Some(last) = out.last_mut() {
                last.end = end;
            }
            return;
        }
    }
    out.push(Ch {
        c,
        class,
        at: f.text.len(),
        start,
        end,
    });
    f.text.push(c);
}

/// Normalises `s` at the given strength.
pub fn fold(s: &str, strength: Strength) -> Folded {
    let full = strength == Strength::Full;
    // One output character per input character, but for the rare ligatures that expand.
    let mut f = Folded {
        chars: Vec::with_capacity(s.chars().count() + 4),
        text: String::with_capacity(s.len() + 8),
    };
    let table = &simple_table()[usize::from(full)];
    for (start, c) in s.char_indices() {
        let end = start + c.len_utf8();
        // ASCII and the Arabic block (nearly every character of a comment): one table lookup.
        if let Some(i) = simple_slot(c) {
            if let Some((m, class)) = table[i] {
                push(&mut f, full, m, class, start, end);
            }
            continue;
        }
        if is_dropped(c) || (full && c == '\u{200C}') {
            continue;
        }
        if let Some(base) = presentation(c) {
            for b in base.chars() {
                let b = light_letter(b);
                let b = if full { full_letter(b) } else { b };
                push(&mut f, full, b, Class::of(b), start, end);
            }
            continue;
        }
        if let Some(m) = fold_char(c, full) {
            push(&mut f, full, m, Class::of(m), start, end);
        }
    }
    if full {
        let mut changed = fix_lookalikes(s, &mut f.chars);
        changed |= fix_latin_at(&mut f.chars);
        changed |= fix_latin_digits(s, &mut f.chars);
        changed |= fold_madda(&mut f.chars);
        if changed {
            // A replaced character may be longer than the one it replaces: rebuild the text.
            f.text.clear();
            for ch in &mut f.chars {
                ch.at = f.text.len();
                f.text.push(ch.c);
            }
        }
    }
    f
}

/// The index of `c` in [`simple_table`]: ASCII, then the Arabic block. No presentation form is
/// among them, so [`fold_char`] alone folds them.
fn simple_slot(c: char) -> Option<usize> {
    match c as usize {
        u @ 0..0x80 => Some(u),
        u @ 0x600..0x700 => Some(u - 0x600 + 0x80),
        _ => None,
    }
}

/// A table of what [`fold_char`] makes of ASCII and the Arabic block, with its class.
type SimpleTable = [Option<(char, Class)>; 0x180];

/// [`fold_char`] of every character [`simple_slot`] covers, and the [`Class`] of the result, for
/// the light and the full fold; built once.
fn simple_table() -> &'static [SimpleTable; 2] {
    static TABLE: OnceLock<[SimpleTable; 2]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let of = |full: bool| {
            std::array::from_fn(|i| {
                let u = if i < 0x80 { i } else { i - 0x80 + 0x600 };
                let m = char::from_u32(u as u32).and_then(|c| fold_char(c, full))?;
                Some((m, Class::of(m)))
            })
        };
        [of(false), of(true)]
    })
}

/// One character that is not a presentation form, folded; `None` when it is dropped.
fn fold_char(c: char, full: bool) -> Option<char> {
    if is_dropped(c) || (full && c == '\u{200C}') {
        return None;
    }
    let mut c = match digit(c) {
        Some(d) if !full || !c.is_alphabetic() => d,
        _ => light_letter(c),
    };
    if c == '\u{00A0}' || c == '\u{2007}' || c == '\u{202F}' {
        c = ' ';
    }
    if full {
        c = full_letter(c);
    }
    Some(c)
}

/// Replaces Latin letters and digits that sit between two Persian letters (احم1ق، کثـ0فت) with
/// the Persian letter they imitate. Persian digits folded to ASCII are looked up in the original.
/// True when it replaced any.
fn fix_lookalikes(s: &str, out: &mut [Ch]) -> bool {
    let mut changed = false;
    for i in 1..out.len().saturating_sub(1) {
        // Every look-alike folds to an ASCII character: skip the rest before looking around.
        if !out[i].c.is_ascii() {
            continue;
        }
        let prev = out[i - 1].c;
        let next = out[i + 1].c;
        if !(is_arabic_letter(prev) && is_arabic_letter(next)) {
            continue;
        }
        let orig = s
            .get(out[i].start..out[i].end)
            .and_then(|t| t.chars().next())
            .unwrap_or(out[i].c);
        if let Some(a) = lookalike_arabic(orig) {
            out[i].c = a;
            out[i].class = Class::of(a);
            changed = true;
        }
    }
    changed
}

/// «آ» inside a word becomes «ا» (کم‌آبی → کمابی, as before); at the start of a word it stays,
/// since «آشغال» (rubbish) and «اشغال» (occupation) are different words.
fn fold_madda(out: &mut [Ch]) -> bool {
    let mut changed = false;
    for i in 1..out.len() {
        if out[i].c == 'آ' && is_letter(out[i - 1].c) {
            out[i].c = 'ا';
            out[i].class = Class::of('ا');
            changed = true;
        }
    }
    changed
}

/// An «@» between two Latin letters stands for «a» (`kh@r`), unless a dot follows in the same
/// word (an e-mail address). Looks at most 64 characters ahead, so stays linear.
fn fix_latin_at(out: &mut [Ch]) -> bool {
    let mut changed = false;
    for i in 1..out.len().saturating_sub(1) {
        if out[i].c != '@'
            || !out[i - 1].c.is_ascii_alphabetic()
            || !out[i + 1].c.is_ascii_alphabetic()
        {
            continue;
        }
        let email = out[i + 1..]
            .iter()
            .take(64)
            .take_while(|c| !c.c.is_whitespace())
            .any(|c| c.c == '.');
        if !email {
            out[i].c = 'a';
            out[i].class = Class::of('a');
            changed = true;
        }
    }
    changed
}

/// The Latin letter a digit or «$» stands for inside a Finglish word (`d0zd`, `kh4r`, `a7mag`),
/// with the letters on either side: «1» is «l» between vowels (`o1agh`) and «i» elsewhere; «7»
/// is «h» and «8» is «q», after the Arabic-chat «ح» and «ق».
fn leet_letter(c: char, prev: char, next: char) -> Option<char> {
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    Some(match c {
        '0' => 'o',
        '1' if vowel(prev) && vowel(next) => 'l',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' | '$' => 's',
        '7' => 'h',
        '8' => 'q', // chat's «ق» (`a8a`, «آقا»); Finglish spells it gh or q alike
        _ => return None,
    })
}

/// Replaces digits and «$» between two Latin letters inside one Latin word with the letters
/// they imitate. A word that touches a dot, slash, colon or «@»… (addresses, file names), or
/// holds as many digits as letters (model numbers, codes), is left as typed; so are digits at
/// the edge of a word («mp3», «5$», «s10»). One pass over the word: linear.
fn fix_latin_digits(s: &str, out: &mut [Ch]) -> bool {
    let in_word = |c: char| c.is_ascii_alphanumeric() || c == '$';
    let mut changed = false;
    let mut i = 0;
    while i < out.len() {
        if !in_word(out[i].c) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < out.len() && in_word(out[j].c) {
            j += 1;
        }
        let joined = |k: Option<&Ch>, after: bool| {
            k.is_some_and(|c| {
                matches!(
                    c.c,
                    '/' | ':' | '@' | '_' | '-' | '=' | '&' | '?' | '#' | '%' | '+' | '\\'
                ) || (c.c == '.' && (!after || out.get(j + 1).is_some_and(|n| in_word(n.c))))
                    || c.class.letter() && !c.c.is_ascii()
            })
        };
        let letters = out[i..j]
            .iter()
            .filter(|c| c.c.is_ascii_alphabetic())
            .count();
        let others = j - i - letters;
        let word_ok = !joined(i.checked_sub(1).map(|k| &out[k]), false)
            && !joined(out.get(j), true)
            && others > 0
            && letters > others
            && letters >= 2;
        if word_ok {
            for k in i + 1..j.saturating_sub(1) {
                let (prev, next) = (out[k - 1].c, out[k + 1].c);
                // Only what was typed as an ASCII digit or «$» (not a folded Persian digit).
                let typed_ascii = s
                    .get(out[k].start..out[k].end)
                    .is_some_and(|t| t.len() == 1);
                if !out[k].c.is_ascii_alphabetic()
                    && typed_ascii
                    && prev.is_ascii_alphabetic()
                    && next.is_ascii_alphabetic()
                    && let Some(l) = leet_letter(out[k].c, prev, next)
                {
                    out[k].c = l;
                    out[k].class = Class::of(l);
                    changed = true;
                }
            }
        }
        i = j;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(s: &str) -> String {
        fold(s, Strength::Full).text
    }
    fn light(s: &str) -> String {
        fold(s, Strength::Light).text
    }

    #[test]
    fn light_fold_keeps_the_letters_that_separate_languages() {
        assert_eq!(light("كتاب علي"), "کتاب علی");
        assert_eq!(light("ہے ۆ ڕ ښ"), "ہے ۆ ڕ ښ");
        assert_eq!(light("می\u{200C}روم"), "می\u{200C}روم");
        assert_eq!(light("۱۲۳ ٤"), "123 4");
        assert_eq!(light("خیلییییی"), "خیلیی");
        assert_eq!(light("ممنون"), "ممنون");
    }

    #[test]
    fn full_fold_undoes_what_filter_dodgers_do() {
        assert_eq!(full("اح\u{200C}مق"), "احمق");
        assert_eq!(full("اح\u{200D}م\u{200F}ق"), "احمق");
        assert_eq!(full("بیشـــعـــور"), "بیشعور");
        assert_eq!(full("دززززد"), "دزد");
        assert_eq!(full("بِیشُعور"), "بیشعور");
        assert_eq!(full("مديراي بيشعور"), "مدیرای بیشعور");
        assert_eq!(full("ﺍﺣﻤﻖ"), "احمق");
        assert_eq!(full("احم1ق"), "احماق");
        assert_eq!(full("Kh\u{0430}r"), "khar");
        assert_eq!(full("kh@r ali@mail.ir"), "khar ali@mail.ir");
        assert_eq!(
            full("d0zd KH4R a7magh o1agh a$hghal"),
            "dozd khar ahmagh olagh ashghal"
        );
        assert_eq!(
            full("5$ mp3 s10 x86 h264 a4b5 ali2@x.ir site7.ir/a3b c0d.txt ۵"),
            "5$ mp3 s10 x86 h264 a4b5 ali2@x.ir site7.ir/a3b c0d.txt 5"
        );
        assert_eq!(full("آشغال اشغال کم\u{200C}آبی"), "آشغال اشغال کمابی");
        assert_eq!(full("https://Book.ir"), "https://book.ir");
        assert_eq!(full("ۆ ێ ہ ے"), "و ی ه ی");
    }

    #[test]
    fn is_letter_is_unicode_alphabetic() {
        for u in (0..0x3000).chain(0xFB00..0xFF00).chain(0x1F000..0x1FB00) {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(is_letter(c), c.is_alphabetic(), "U+{u:04X}");
            }
        }
    }

    #[test]
    fn every_output_char_maps_back_to_what_was_typed() {
        let s = "سلام\u{200C}ـــ اح\u{200C}مق ﻻ";
        for strength in [Strength::Light, Strength::Full] {
            let f = fold(s, strength);
            for ch in &f.chars {
                assert!(s.is_char_boundary(ch.start) && s.is_char_boundary(ch.end));
                assert!(ch.start < ch.end && ch.end <= s.len());
            }
        }
        let f = fold("ﻻ", Strength::Full);
        assert_eq!(f.text, "لا");
        assert!(f.chars.iter().all(|c| c.start == 0 && c.end == 3));
    }
}
