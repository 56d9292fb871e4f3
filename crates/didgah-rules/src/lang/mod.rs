//! Rule 1, Persian only: is the comment written in Persian, in Persian script?
//!
//! Runs on the *light* fold, which keeps the letters that separate Persian from Urdu, Kurdish,
//! Pashto and Azerbaijani. Every word votes for the languages its letters, its spelling and the
//! word lists point to; the comment is Persian when Persian words carry it. One letter is never
//! proof (real Persian comments hold Arabic ي/ك, Latin words, links, emoji and digits), and a
//! comment with no words at all (emoji, digits) has nothing to judge.

use crate::lexicon::{Data, Key, Word, WordMap, data, finglish_fold, key_lang_cow};
use crate::normalize::{Strength, fold};
use crate::tokenize::{Kind, Script, Token, tokenize};
use crate::types::Field;
use std::borrow::Cow;
use std::sync::OnceLock;

mod cues;

/// The languages rule 1 tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Persian,
    Arabic,
    Urdu,
    Pashto,
    Sorani,
    Azerbaijani,
    English,
    Finglish,
    RomanUrdu,
    AzerbaijaniLatin,
    Kurmanji,
    Tajik,
    Cyrillic,
    OtherScript,
    Gibberish,
    Unknown,
}

impl Lang {
    /// Code used in finding codes and evidence.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Persian => "fa",
            Lang::Arabic => "ar",
            Lang::Urdu | Lang::RomanUrdu => "ur",
            Lang::Pashto => "ps",
            Lang::Sorani => "ckb",
            Lang::Azerbaijani => "azb",
            Lang::AzerbaijaniLatin => "az",
            Lang::English => "en",
            Lang::Finglish => "finglish",
            Lang::Kurmanji => "kmr",
            Lang::Tajik => "tg",
            Lang::Cyrillic | Lang::OtherScript | Lang::Unknown => "other",
            Lang::Gibberish => "gibberish",
        }
    }

    /// The language's name in Persian, for the reader's message.
    fn name_fa(self) -> &'static str {
        match self {
            Lang::Persian => "فارسی",
            Lang::Arabic => "عربی",
            Lang::Urdu | Lang::RomanUrdu => "اردو",
            Lang::Pashto => "پشتو",
            Lang::Sorani => "کردی سورانی",
            Lang::Kurmanji => "کردی کرمانجی",
            Lang::Azerbaijani | Lang::AzerbaijaniLatin => "ترکی آذربایجانی",
            Lang::English => "انگلیسی",
            Lang::Finglish => "فینگلیش (فارسی با حروف لاتین)",
            Lang::Tajik => "تاجیکی (فارسی با حروف سیریلیک)",
            Lang::Cyrillic | Lang::OtherScript | Lang::Unknown => "زبانی دیگر",
            Lang::Gibberish => "حروف بی‌معنی",
        }
    }
}

/// What rule 1 concluded.
#[derive(Debug, Clone)]
pub struct LangResult {
    /// The most likely non-Persian language when the comment is not Persian, else `Persian`.
    pub lang: Lang,
    /// Share of the comment's words that are Persian (1.0 when there are no words).
    pub persian_share: f32,
    /// Violation score in 0..=1.
    pub score: f32,
    /// Number of words that carry a language.
    pub words: usize,
    /// The Latin-letter words read as Finglish rather than English.
    pub latin_is_finglish: bool,
    /// Byte ranges of the non-Persian words, per field.
    pub spans: Vec<(Field, usize, usize)>,
}

/// Votes of one word: (language, weight).
type Votes = Vec<(Lang, f32)>;

/// Persian keyboard rows: runs of neighbouring keys are keyboard mashing.
const ROWS: &[&str] = &[
    "ضصثقفغعهخحجچ",
    "شسیبلاتنمکگ",
    "ظطزرذدپو",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
];

/// A run of neighbouring keys: the whole word (three letters or more) or four letters of it.
fn is_mashing(word: &str) -> bool {
    // (row, column) of every key, indexed by ASCII code or by offset from U+0600 (after the 128
    // ASCII slots); built once (scanning the rows for every letter pair was a tenth of rule 1).
    static KEYS: OnceLock<Vec<Option<(usize, usize)>>> = OnceLock::new();
    let slot = |c: char| match c as usize {
        u @ 0..0x80 => Some(u),
        u @ 0x600..0x700 => Some(u - 0x600 + 0x80),
        _ => None,
    };
    let keys = KEYS.get_or_init(|| {
        let mut k = vec![None; 0x180];
        for (r, row) in ROWS.iter().enumerate() {
            for (p, c) in row.chars().enumerate() {
                // The first row holding a key wins, as in a scan of the rows.
                if let Some(i) = slot(c)
                    && k[i].is_none()
                {
                    k[i] = Some((r, p));
                }
            }
        }
        k
    });
    let key = |c: char| slot(c).and_then(|i| keys[i]);
    let adjacent = |a: char, b: char| match (key(a), key(b)) {
        (Some((ra, pa)), Some((rb, pb))) => ra == rb && pa.abs_diff(pb) == 1,
        _ => false,
    };
    let mut len = 0usize;
    let mut prev: Option<char> = None;
    let mut run = 1;
    let mut best = 1;
    for c in word.chars().map(|c| c.to_ascii_lowercase()) {
        len += 1;
        if let Some(p) = prev {
            if p == c || adjacent(p, c) {
                run += 1;
                best = best.max(run);
            } else {
                run = 1;
            }
        }
        prev = Some(c);
    }
    len >= 3 && (best == len || best >= 4)
}

/// The word holds the same letter twice in a row.
fn has_double(key: &str) -> bool {
    let mut prev = '\0';
    key.chars().any(|c| {
        let d = c == prev;
        prev = c;
        d
    })
}

/// One letter typed three times or more and nothing else («ققققق»): the light fold keeps two of
/// the run, which is too short for [`is_mashing`].
fn is_one_letter_run(raw: &str) -> bool {
    let mut cs = raw.chars().filter(|c| crate::normalize::is_letter(*c));
    let Some(first) = cs.next() else {
        return false;
    };
    let mut n = 1;
    for c in cs {
        if c != first {
            return false;
        }
        n += 1;
    }
    n >= 3
}

/// What an Arabic-script word told rule 1 besides its votes.
struct ArabicWord {
    /// The word is in the Persian word list.
    in_fa: bool,
    /// The word holds a letter of Urdu, Kurdish or Pashto.
    distinctive: bool,
}

/// Appends the votes of an Arabic-script word to `v` (one buffer for the whole comment, so a
/// word's votes cost no allocation of their own).
/// The Arabic-script word lists in `Data`, in this order.
const ARABIC_LISTS: [Lang; 6] = [
    Lang::Persian,
    Lang::Arabic,
    Lang::Urdu,
    Lang::Pashto,
    Lang::Sorani,
    Lang::Azerbaijani,
];

/// Which of the Arabic-script word lists hold `key`, as (in the list, its language) in
/// [`ARABIC_LISTS`] order. One lookup in a map built once from the six lists, instead of six
/// hash lookups of the same key per word.
fn arabic_lists<K: Key + ?Sized>(d: &Data, key: &K) -> [(bool, Lang); 6] {
    static LISTS: OnceLock<WordMap<u8>> = OnceLock::new();
    let lists = LISTS.get_or_init(|| {
        let mut m: WordMap<u8> = WordMap::default();
        for (bit, set) in [&d.fa, &d.ar, &d.ur, &d.ps, &d.ckb, &d.azb]
            .into_iter()
            .enumerate()
        {
            for w in set.iter() {
                if let Some(bits) = m.get_or_insert_with(w, || 0) {
                    *bits |= 1 << bit;
                }
            }
        }
        m
    });
    let bits = lists.get(key).copied().unwrap_or(0);
    let mut out = [(false, Lang::Persian); 6];
    for (i, lang) in ARABIC_LISTS.into_iter().enumerate() {
        out[i] = (bits & (1 << i) != 0, lang);
    }
    out
}

fn arabic_votes(d: &Data, light: &Word<'_>, raw: &str, formula: bool, v: &mut Votes) -> ArabicWord {
    let key = key_lang_cow(light);
    // Which distinctive letter sets the word uses, in one pass (over the key: the letters
    // below are all kept by `key_lang_cow`).
    let (mut ur, mut ku, mut ps, mut kurdish_o) = (false, false, false, false);
    for c in key.chars() {
        match c {
            'ۆ' => kurdish_o = true,
            'ٹ' | 'ڈ' | 'ڑ' | 'ں' | 'ھ' | 'ہ' | 'ے' | 'ۃ' => ur = true,
            'ە' | 'ێ' | 'ڕ' | 'ڵ' | 'ڤ' => ku = true,
            'ټ' | 'ډ' | 'ړ' | 'ږ' | 'ښ' | 'ګ' | 'ڼ' | 'ځ' | 'څ' | 'ې' | 'ۍ' => ps = true,
            _ => {}
        }
    }
    let distinctive = ur || ku || ps;
    if ur {
        v.push((Lang::Urdu, 1.0));
    }
    if ku {
        v.push((Lang::Sorani, 1.0));
    } else if kurdish_o {
        v.push((Lang::Sorani, 0.5));
        v.push((Lang::Azerbaijani, 0.5));
    }
    if ps {
        v.push((Lang::Pashto, 1.0));
    }
    // A word Persian shares with a neighbour is evidence for none of them.
    if cues::SHARED.contains(&&*key) || (formula && cues::FORMULA.contains(&&*key)) {
        return ArabicWord {
            in_fa: true,
            distinctive,
        };
    }
    // A word that is its own key is looked up by the hash its token already holds.
    let mut lists = match &key {
        Cow::Borrowed(_) => arabic_lists(d, light),
        Cow::Owned(k) => arabic_lists(d, k),
    };
    if !lists.iter().any(|l| l.0) && key.chars().nth(3).is_some() && has_double(&key) {
        // An emphatic run (الاااغ keeps two letters after the light fold): try one.
        lists = arabic_lists(d, &crate::lexicon::collapse(&key));
    }
    let in_fa = lists[0].0;
    let word = ArabicWord { in_fa, distinctive };
    let hits = lists.iter().filter(|(h, _)| *h).count();
    for (hit, lang) in lists {
        if hit {
            v.push((lang, 1.0 / hits as f32));
        }
    }
    if in_fa {
        return word;
    }
    let mut ar = cues::arabic(&key, light, raw);
    if raw.contains(['\u{064E}', '\u{064F}', '\u{0650}', '\u{0652}']) {
        // Vowelled Arabic is a quotation (a verse, a hadith) far more often than a comment.
        ar *= 0.35;
    }
    if ar > 0.0 {
        v.push((Lang::Arabic, ar));
    }
    let (azb, zwnj_azb) = if ar > 0.0 || distinctive {
        (0.0, false)
    } else {
        cues::azerbaijani(&key, light)
    };
    if azb > 0.0 {
        v.push((Lang::Azerbaijani, azb));
    }
    let fa = cues::persian(&key, light, zwnj_azb);
    if fa > 0.0 {
        v.push((Lang::Persian, fa));
    }
    word
}

fn latin_votes(d: &Data, raw: &str) -> Votes {
    let low = raw.to_lowercase();
    let mut v: Votes = Vec::new();
    if low.contains(['ə', 'ı']) {
        v.push((Lang::AzerbaijaniLatin, 1.0));
    } else if low.contains(['ê', 'î', 'û']) {
        v.push((Lang::Kurmanji, 1.0));
    } else if low.contains(['ş', 'ç', 'ğ', 'ö', 'ü']) {
        v.push((Lang::AzerbaijaniLatin, 0.5));
        v.push((Lang::Kurmanji, 0.5));
    }
    let lists = [
        (d.en.contains(&low), Lang::English),
        (d.finglish.contains(&finglish_fold(&low)), Lang::Finglish),
        (d.roman_ur.contains(&low), Lang::RomanUrdu),
    ];
    let hits = lists.iter().filter(|(h, _)| *h).count();
    for (hit, lang) in lists {
        if hit {
            v.push((lang, 1.0 / hits as f32));
        }
    }
    if hits == 0 && (low.starts_with("mi") || low.starts_with("nemi")) && low.len() >= 6 {
        v.push((Lang::Finglish, 0.5));
    }
    v
}

fn cyrillic_votes(raw: &str) -> Votes {
    if raw.contains(['ӣ', 'ӯ', 'ҳ', 'қ', 'ғ', 'ҷ', 'Ӣ', 'Ӯ', 'Ҳ', 'Қ', 'Ғ', 'Ҷ']) {
        vec![(Lang::Tajik, 2.0)]
    } else {
        vec![(Lang::Cyrillic, 0.5), (Lang::Tajik, 0.5)]
    }
}

/// Judges the language of the title and the message together (a name is a name, not a
/// language sample).
pub fn judge(fields: &[(Field, &str)]) -> LangResult {
    let d = data();
    let mut persian = 0.0f32; // Persian word-equivalents
    let mut foreign = 0.0f32;
    let mut totals: Vec<(Lang, f32)> = Vec::new();
    let mut words = 0usize;
    let mut arabic_words = 0usize;
    let mut fa_lex_words = 0usize;
    let mut distinctive = false;
    let mut spans = Vec::new();
    // Per-word decisions, kept to decide the Arabic-script words jointly: each word's votes
    // are the range `from..to` of `arabic_v`.
    let mut arabic: Vec<(Field, usize, usize, usize, usize)> = Vec::new();
    let mut arabic_v: Votes = Vec::new();
    let add = |totals: &mut Vec<(Lang, f32)>, lang: Lang, w: f32| match totals
        .iter_mut()
        .find(|(l, _)| *l == lang)
    {
        Some(e) => e.1 += w,
        None => totals.push((lang, w)),
    };
    // Kept to the end: whether the Arabic-script words are keyboard mashing matters only when
    // none of them is in the Persian list, so it is counted only then.
    let folded: Vec<_> = fields
        .iter()
        .map(|&(field, text)| (field, text, fold(text, Strength::Light)))
        .collect();
    let fields_toks: Vec<(Field, &str, Vec<Token<'_>>)> = folded
        .iter()
        .map(|(field, text, f)| (*field, *text, tokenize(f, false)))
        .collect();
    let mut arabic_texts: Vec<(&str, &str)> = Vec::new();
    for (field, text, toks) in &fields_toks {
        let (field, text) = (*field, *text);
        let formula = toks
            .iter()
            .any(|t| t.kind == Kind::Word && matches!(&*t.text, "لله" | "راجعون"));
        for t in toks.iter().filter(|t| t.kind == Kind::Word) {
            words += 1;
            match t.script {
                Script::Arabic => {
                    arabic_words += 1;
                    let from = arabic_v.len();
                    let raw = text.get(t.start..t.end).unwrap_or("");
                    arabic_texts.push((&t.text, raw));
                    let w = arabic_votes(d, &t.text, raw, formula, &mut arabic_v);
                    distinctive |= w.distinctive;
                    // A word in the Persian list always votes Persian.
                    if w.in_fa {
                        fa_lex_words += 1;
                    }
                    arabic.push((field, t.start, t.end, from, arabic_v.len()));
                }
                Script::Latin => {
                    let v = latin_votes(d, &t.text);
                    let known: f32 = v.iter().map(|x| x.1).sum();
                    foreign += if known > 0.0 { 1.0 } else { 0.7 };
                    for (l, w) in &v {
                        add(&mut totals, *l, *w);
                    }
                    if is_mashing(&t.text) {
                        add(&mut totals, Lang::Gibberish, 1.0);
                    }
                    spans.push((field, t.start, t.end));
                }
                Script::Cyrillic => {
                    foreign += 1.0;
                    for (l, w) in cyrillic_votes(&t.text) {
                        add(&mut totals, l, w);
                    }
                    spans.push((field, t.start, t.end));
                }
                Script::Other => {
                    foreign += 1.0;
                    add(&mut totals, Lang::OtherScript, 1.0);
                    spans.push((field, t.start, t.end));
                }
            }
        }
    }
    // Arabic-script words: the share that is Persian, from the votes of all of them.
    let mut fa_votes = 0.0f32;
    let mut other_votes = 0.0f32;
    for &(_, _, _, from, to) in &arabic {
        for (l, w) in &arabic_v[from..to] {
            if *l == Lang::Persian {
                fa_votes += w;
            } else {
                other_votes += w;
                add(&mut totals, *l, *w);
            }
        }
    }
    let gibberish = arabic_words > 0 && fa_lex_words == 0 && {
        let mashing = arabic_texts
            .iter()
            .filter(|(w, raw)| is_mashing(w) || is_one_letter_run(raw))
            .count();
        mashing * 5 >= arabic_words * 3
    };
    if gibberish {
        foreign += arabic_words as f32;
        add(&mut totals, Lang::Gibberish, arabic_words as f32 * 2.0);
        spans.extend(arabic.iter().map(|&(f, s, e, _, _)| (f, s, e)));
    } else {
        // Persian starts a little ahead (most comments here are Persian), but not when three
        // words or more give no Persian evidence at all and some point elsewhere.
        let prior = if fa_votes == 0.0 && other_votes > 0.0 && arabic_words >= 3 {
            0.1
        } else {
            0.3
        };
        let frac = (fa_votes + prior) / (fa_votes + other_votes + prior);
        persian += arabic_words as f32 * frac;
        foreign += arabic_words as f32 * (1.0 - frac);
        if frac < 0.5 {
            spans.extend(arabic.iter().map(|&(f, s, e, _, _)| (f, s, e)));
        } else {
            // Only the words that voted for another language and not for Persian.
            spans.extend(
                arabic
                    .iter()
                    .filter(|&&(_, _, _, from, to)| {
                        let v = &arabic_v[from..to];
                        !v.is_empty() && v.iter().all(|(l, _)| *l != Lang::Persian)
                    })
                    .map(|&(f, s, e, _, _)| (f, s, e)),
            );
        }
    }
    if words == 0 {
        return LangResult {
            lang: Lang::Persian,
            persian_share: 1.0,
            score: 0.0,
            words,
            latin_is_finglish: false,
            spans: Vec::new(),
        };
    }
    let share = persian / (persian + foreign).max(f32::EPSILON);
    let mut score = (1.0 - share).clamp(0.0, 1.0);
    // Two words that are plainly foreign (no Persian evidence, a full word's worth against)
    // are flagged like distinctive ones.
    let plain_foreign = fa_votes == 0.0 && other_votes >= 1.0;
    if words <= 2 && arabic_words == words && !gibberish && !distinctive && !plain_foreign {
        // One or two Persian-looking words (احسنت، ماشالله): nothing to hold against them.
        score = score.min(0.45);
    } else if words <= 2 && !gibberish {
        // A word or two is judged with care: at most a flag.
        score = score.min(0.65);
    }
    let fin = totals
        .iter()
        .find(|(l, _)| *l == Lang::Finglish)
        .map_or(0.0, |x| x.1);
    let en = totals
        .iter()
        .find(|(l, _)| *l == Lang::English)
        .map_or(0.0, |x| x.1);
    let lang = if score < 0.5 {
        Lang::Persian
    } else {
        totals
            .iter()
            .filter(|(l, _)| *l != Lang::Persian)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map_or(Lang::Unknown, |x| x.0)
    };
    LangResult {
        lang,
        persian_share: share,
        score,
        words,
        latin_is_finglish: fin > 0.0 && fin >= en,
        spans,
    }
}

/// The reader's message in Persian.
pub fn message_fa(r: &LangResult) -> String {
    match r.lang {
        Lang::Finglish => "دیدگاه شما فارسی است اما با حروف لاتین (فینگلیش) نوشته شده. لطفاً آن را با حروف فارسی بنویسید.".into(),
        Lang::Tajik => "دیدگاه شما با حروف سیریلیک (تاجیکی) نوشته شده. این پایگاه فقط دیدگاه‌هایی را منتشر می‌کند که به فارسی و با خط فارسی نوشته شده باشند.".into(),
        Lang::Gibberish => "متن دیدگاه شما خوانا نیست و به حروف بی‌معنی می‌ماند. لطفاً دیدگاه خود را به فارسی بنویسید.".into(),
        l if r.score < 0.8 => format!(
            "بخش بزرگی از دیدگاه شما به زبانی غیر از فارسی ({}) است. این پایگاه فقط دیدگاه‌های فارسی را منتشر می‌کند؛ لطفاً به فارسی بنویسید.",
            l.name_fa()
        ),
        l => format!(
            "به نظر می‌رسد دیدگاه شما به زبان {} است. این پایگاه فقط دیدگاه‌های فارسی را منتشر می‌کند؛ لطفاً به فارسی و با حروف فارسی بنویسید.",
            l.name_fa()
        ),
    }
}

/// The same message in the writer's language, when it is known.
pub fn message_native(lang: Lang) -> Option<String> {
    let s = match lang {
        Lang::Arabic => {
            "يبدو أن تعليقك مكتوب بالعربية. هذا الموقع ينشر التعليقات المكتوبة بالفارسية فقط؛ يُرجى كتابة تعليقك بالفارسية."
        }
        Lang::Urdu => {
            "لگتا ہے آپ کا تبصرہ اردو میں ہے۔ یہ سائٹ صرف فارسی تبصرے شائع کرتی ہے؛ براہ کرم فارسی میں لکھیں۔"
        }
        Lang::RomanUrdu => {
            "Lagta hai aap ka tabsira Urdu mein hai. Yeh site sirf Farsi tabsire shaya karti hai; barah-e-karam Farsi mein likhein."
        }
        Lang::Pashto => {
            "داسې ښکاري چې ستاسو تبصره په پښتو ده. دا پاڼه یوازې فارسي تبصرې خپروي؛ مهرباني وکړئ په فارسي ولیکئ."
        }
        Lang::Sorani => {
            "وا دیارە لێدوانەکەت بە کوردییە. ئەم ماڵپەڕە تەنها لێدوانی فارسی بڵاو دەکاتەوە؛ تکایە بە فارسی بنووسە."
        }
        Lang::Kurmanji => {
            "Wisa xuya dike ku şîroveya te bi kurdî ye. Ev malper tenê şîroveyên bi farsî diweşîne; ji kerema xwe bi farsî binivîse."
        }
        Lang::Azerbaijani => {
            "دئییره‌سن شرحینیز تورکجه‌دیر. بو سایت یالنیز فارسجا یازیلان شرح‌لری یاییملاییر؛ لطفاً فارسجا یازین."
        }
        Lang::AzerbaijaniLatin => {
            "Görünür, şərhiniz Azərbaycan dilindədir. Bu sayt yalnız fars dilində yazılmış şərhləri dərc edir; zəhmət olmasa farsca yazın."
        }
        Lang::English | Lang::Unknown | Lang::OtherScript | Lang::Cyrillic | Lang::Gibberish => {
            "This site only publishes comments written in Persian (Farsi), in Persian script. Please write your comment in Persian."
        }
        Lang::Finglish => {
            "Lotfan didgahetun ro ba horoofe farsi benevisid; inja faghat matne farsi ba khatte farsi montasher mishe."
        }
        Lang::Tajik => {
            "Ин сомона танҳо шарҳҳоеро нашр мекунад, ки бо забони форсӣ ва бо хатти форсӣ (арабӣ) навишта шудаанд. Лутфан шарҳи худро бо хатти форсӣ нависед."
        }
        Lang::Persian => return None,
    };
    Some(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks one text: `expect` is the language code when not Persian, or "fa".
    fn check(text: &str, expect: &str) {
        let r = judge(&[(Field::Text, text)]);
        let got = if r.score >= 0.5 { r.lang.code() } else { "fa" };
        assert_eq!(
            got, expect,
            "{text:?}: share {} score {}",
            r.persian_share, r.score
        );
    }

    #[test]
    fn persian_with_foreign_bits_is_persian() {
        check("به نظرم این طرح خوبه ولی اجرای اون خیلی مهمه", "fa");
        check("كتابخانه محله ما خيلي كوچيك است، كاش بزرگ‌ترش كنن", "fa");
        check(
            "من اين برنامه رو تو instagram ديدم، لينكش: https://x.ir/a #خبر @news 😍 123",
            "fa",
        );
        check("Good idea 👍 ولی کاش زودتر شروع می‌کردید، سه سال گذشت", "fa");
        check("درباره زبان عربی و اردو و کردی هم برنامه بذارید", "fa");
        check("👏👏👏", "fa");
        check("۱۲۳ !!!", "fa");
    }

    #[test]
    fn neighbouring_languages_are_told_apart() {
        check(
            "نأمل أن تكون هناك مكتبة عامة في كل حي من أحياء المدينة",
            "ar",
        );
        check("یہ بہت اچھا کام ہے، ہم سب کو اس کی حمایت کرنی چاہیے", "ur");
        check("دا ډېر ښه کار دی، موږ ټول ورسره مرسته کوو", "ps");
        check("ئەم کارە زۆر باشە، دەستتان خۆش بێت بۆ هەمووتان", "ckb");
        check("بو ایش چوخ یاخشی دیر، هامی بیزیم شهریمیزه گلسین", "azb");
        check("Ин кори хеле хуб аст, ташаккури зиёд ба ҳамаи шумо", "tg");
        check(
            "This is a wonderful idea for our neighbourhood library",
            "en",
        );
        check("in barname kheili khube, merci az hame", "finglish");
        check("Bahut acha kaam hai, aur bhi hona chahiye", "ur");
        check("Ev kar pir baş e, spas ji bo we hemûyan", "kmr");
    }

    #[test]
    fn keyboard_mashing_is_not_persian() {
        check("ضصثق فغعه", "gibberish");
        check("لاتنمکگ", "gibberish");
        check("qwerty asdfgh", "gibberish");
    }

    #[test]
    fn words_persian_shares_vote_for_neither() {
        check("من المهم أن نفهم ما حدث من قبل", "ar");
        check("من هم موافقم", "fa");
        check("ما هم همینطور فکر می‌کنیم", "fa");
    }

    #[test]
    fn arabic_dialects_are_arabic() {
        check("انا مش عايز اروح دلوقتي", "ar");
        check("شلون حالك اليوم وش تبي", "ar");
        check("هيك الوضع كتير منيح هلق", "ar");
        check("واش نتا مزيان بزاف خويا", "ar");
        check("اكو ناس هواية ماكو مثلهم", "ar");
    }

    #[test]
    fn short_pashto_is_pashto() {
        check("زه نه پوهیږم", "ps");
        check("هغه کور ته لاړ", "ps");
    }

    #[test]
    fn azerbaijani_endings_and_spelling() {
        check("سیزین ایشینیز یاخشیدیر", "azb");
        check("اوشاقلار مکتبه گئدیرلر", "azb");
        check("شهر‌ده یئنی کیتابخانا آچیلیب", "azb");
        check("منیم فیکریمجه بو دوغرو دئییل", "azb");
    }

    #[test]
    fn persian_with_arabic_loans_and_quotes_stays_persian() {
        check("سلام، الحمدلله بالاخره این خط مترو راه افتاد", "fa");
        check("علی‌الخصوص برای بچه‌های مدرسه خیلی خوبه", "fa");
        check("دانشکده الهیات امسال دانشجوی جدید گرفت", "fa");
        check("خدا رحمتش کنه، انا لله و انا الیه راجعون", "fa");
        check("به قول قرآن إِنَّ مَعَ الْعُسْرِ يُسْرًا، صبر کنید درست میشه", "fa");
        check("دلم از سوز غم خسته شده ام", "fa");
        check("از بالائی که دیدم خوشم آمد", "fa");
        check("رئیس سازمان گفت مسئولین پیگیری می‌کنند", "fa");
        check("چرا اینقدر دیر؟", "fa");
        check("وزیرررر الاااااغ", "fa");
        // Arabic-born compounds written with a space: the second half alone looks Arabic.
        check("همایش بین المللی فیلم کودک", "fa");
        check("کیفیت غذا فوق العاده پایین بود", "fa");
        check("مخصوصا علی الخصوص برای سالمندان", "fa");
    }

    #[test]
    fn colloquial_persian_is_persian_evidence() {
        let r = judge(&[(Field::Text, "نون تازه نیاوردن، دستشون درد نکنه")]);
        assert!(r.lang == Lang::Persian && r.score < 0.5, "{r:?}");
    }

    #[test]
    fn one_letter_runs_are_gibberish() {
        check("ققققق ففف", "gibberish");
    }

    #[test]
    fn two_plainly_foreign_words_are_flagged_not_blocked() {
        let r = judge(&[(Field::Text, "شكرا جزيلا")]);
        assert!(r.score >= 0.5 && r.score < 0.8, "{}", r.score);
        let r = judge(&[(Field::Text, "بارک الله")]);
        assert!(r.score < 0.5, "{}", r.score);
    }

    #[test]
    fn a_word_or_two_is_at_most_flagged() {
        let r = judge(&[(Field::Text, "Thanks!")]);
        assert!(r.score >= 0.5 && r.score < 0.8);
    }
}
