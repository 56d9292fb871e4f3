//! Rule 2, on-topic: does the comment relate to this article, or react to it?
//!
//! The article becomes a profile of stemmed content words with weights (title and keywords
//! count most; words every local news story shares and bare place names count little). A
//! comment relates by sharing those words, by words of the article's everyday subjects
//! (`data/subjects.txt`: a vaccination story is about health, so «دکتر» relates), or by being a
//! reaction (thanks, praise, wishes). It is off-topic on positive evidence only: advertising
//! (offers, contacts, phone numbers, shop links), chain messages, chat with other readers,
//! subjects the article never touches — which outweigh a word or two shared by chance — or many
//! words and none of the article's.

use std::collections::HashSet;

use crate::checker::FieldView;
use crate::lexicon::{
    Data, Map, PhraseHit, WordMap, WordSet, at_least_chars, data, key_full, strip_suffix,
};
use crate::tokenize::{Kind, Token};
use crate::types::{Article, Field};

/// Endings stripped to compare article and comment words (over-stemming is harmless: both sides
/// are stemmed the same way).
const STEM_ENDINGS: &[&str] = &[
    "هایمان",
    "هایشان",
    "هایتان",
    "هاشون",
    "هایی",
    "های",
    "ها",
    "ترین",
    "تر",
    "یی",
    "ای",
    "ی",
    "ان",
    "ات",
    "ا",
    "ش",
    "م",
    "ت",
    "و",
    "ه",
];

/// A comparable key of a fully normalised word: endings stripped, then the consonant skeleton
/// (the long vowels ا و ی after the first letter dropped), so colloquial spellings meet the
/// written ones (کتابخونه / کتابخانه، نوجوونا / نوجوانان).
pub fn stem(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    stem_into(word, &mut out);
    out
}

/// [`stem`] into a buffer the caller reuses (no allocation per comment word).
pub fn stem_into(word: &str, out: &mut String) {
    out.clear();
    let mut w = word;
    for e in STEM_ENDINGS {
        if let Some(s) = strip_suffix(w, e)
            && at_least_chars(s, 3)
        {
            w = s;
            break;
        }
    }
    let mut chars = w.chars();
    if let Some(first) = chars.next() {
        out.push(first);
    }
    for c in chars {
        if !matches!(c, 'ا' | 'و' | 'ی') {
            out.push(c);
        }
    }
    if !at_least_chars(out, 3) {
        out.clear();
        out.push_str(w);
    }
}

/// The article's words with their weights.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    weights: WordMap<f32>,
    /// Every normalised word of the article, to know which "other subject" words it uses.
    words: WordSet,
    /// The everyday subjects (`data/subjects.txt`) the article is about.
    subjects: HashSet<String>,
}

fn content(d: &Data, t: &Token<'_>) -> bool {
    t.kind == Kind::Word && at_least_chars(&t.text, 3) && !d.stop.contains(&t.text)
}

/// Number words: «دو روز» is a count and a noun, not a compound.
const NUMBER_WORDS: &[&str] = &[
    "یک",
    "دو",
    "سه",
    "چهار",
    "پنج",
    "شش",
    "هفت",
    "هشت",
    "نه",
    "ده",
    "بیست",
    "سی",
    "چهل",
    "پنجاه",
    "صد",
    "هزار",
    "میلیون",
    "میلیارد",
    "چند",
];

/// A word that may be part of a compound written apart: any word but a function word or a
/// number word («سی» of «سی تی اسکن» is also thirty: such a compound still meets the article's
/// when typed joined, and its long part alone relates).
fn joinable(d: &Data, t: &Token<'_>) -> bool {
    t.kind == Kind::Word && !d.stop.contains(&t.text) && !NUMBER_WORDS.contains(&&*t.text)
}

impl Profile {
    /// Builds the profile from the article's tokens per part, and the people named in it.
    /// `pieces` are the article's words with their ZWNJ read as a space: the parts of a
    /// compound («اسکن» of «سی‌تی‌اسکن») relate a comment that names the part alone.
    pub fn build(
        parts: &[(&[Token<'_>], f32)],
        pieces: &[String],
        names: &HashSet<String>,
    ) -> Profile {
        let d = data();
        let mut counts: WordMap<f32> = WordMap::default();
        let mut words = WordSet::default();
        let mut subject_weight: Map<&str, f32> = Map::default();
        for (toks, w) in parts {
            let stream: Vec<&Token> = toks
                .iter()
                .filter(|t| matches!(t.kind, Kind::Word | Kind::Number))
                .collect();
            for h in d.subjects.find(&stream) {
                // A subject named in the title or keywords counts at once; in the body it
                // takes two mentions (one passing mention does not make it the article's).
                *subject_weight
                    .entry(d.subjects.list[h.phrase].tag.as_str())
                    .or_default() += w.min(2.0);
            }
            for (i, t) in toks.iter().enumerate() {
                if t.kind == Kind::Word {
                    words.insert(&t.text);
                }
                if (content(d, t) || d.generic.contains(&t.text))
                    && let Some(c) = counts.get_or_insert_with(&stem(&t.text), || 0.0)
                {
                    *c += w;
                }
                // Compounds written apart in the article and together in comments («انگشتر
                // سازی» / «انگشترسازی», «سی تی اسکن» / «سی‌تی‌اسکن»): two or three adjacent
                // words, none a function word (those would join into noise like «درشهر»).
                if joinable(d, t) {
                    let mut joined = t.text.to_string();
                    for n in toks[i + 1..].iter().take(2) {
                        if !joinable(d, n) || n.sentence != t.sentence {
                            break;
                        }
                        joined.push_str(&n.text);
                        if at_least_chars(&joined, 5)
                            && let Some(c) = counts.get_or_insert_with(&stem(&joined), || 0.0)
                        {
                            *c += w * 0.5;
                        }
                    }
                }
            }
        }
        let generic: WordSet = d.generic.iter().map(stem).collect();
        let places: WordSet = d.places.iter().map(stem).collect();
        let mut weights = WordMap::default();
        for (s, &c) in counts.iter() {
            let mut w = (0.45 + 0.2 * c.ln_1p()).min(1.0);
            if generic.contains(s) {
                w *= 0.2;
            } else if places.contains(s) {
                w *= 0.35;
            }
            weights.insert(s, w);
        }
        for n in names {
            weights.insert(&stem(n), 1.0);
        }
        // A part alone relates a little: short parts (دست، نام) are everyday words.
        for p in pieces {
            let s = stem(p);
            if !d.stop.contains(p.as_str()) && !generic.contains(&s) && weights.get(&s).is_none() {
                weights.insert(&s, 0.25);
            }
        }
        let subjects = subject_weight
            .into_iter()
            .filter(|&(_, w)| w >= 2.0)
            .map(|(s, _)| s.to_string())
            .collect();
        Profile {
            weights,
            words,
            subjects,
        }
    }

    /// The longest article stem (four letters or more) that `s` begins with, and its weight.
    fn prefix_of(&self, s: &str) -> Option<(String, f32)> {
        if s.len() > 80 {
            return None; // no word is that long; keeps the scan linear
        }
        // Every prefix of five letters or more, longest first.
        let longer = s.chars().count().saturating_sub(4);
        for (e, _) in s.char_indices().rev().take(longer) {
            if let Some(&w) = self.weights.get(&s[..e]) {
                return Some((s[..e].to_string(), w));
            }
        }
        None
    }
}

/// Builds the article's tokens per part with their weights and the profile.
pub fn profile_of(
    article: &Article,
    tokenize_full: impl Fn(&str) -> Vec<Token<'static>>,
    names: &HashSet<String>,
) -> Profile {
    let title = tokenize_full(&article.title);
    let lead = tokenize_full(&article.lead);
    let body = tokenize_full(&article.body);
    let kw = article.keywords.join(" \n ");
    // The parts of ZWNJ compounds. A later part of four letters is often a derivational
    // element (ـریزی، ـسازی، ـآموزان), so only a long one counts, or one after letters spelled
    // out («سی‌تی‌اسکن»).
    let mut pieces = Vec::new();
    for part in [&article.title, &article.lead, &article.body, &kw] {
        for word in part.split_whitespace().filter(|w| w.contains('\u{200c}')) {
            let mut short_before = true;
            for (i, p) in word.split('\u{200c}').enumerate() {
                let k = key_full(p);
                let n = k.chars().count();
                if n >= 5 || (n == 4 && (i == 0 || short_before)) {
                    pieces.push(k);
                }
                short_before &= n <= 2;
            }
        }
    }
    let kw = tokenize_full(&kw);
    Profile::build(
        &[(&title, 3.0), (&kw, 3.0), (&lead, 2.0), (&body, 1.0)],
        &pieces,
        names,
    )
}

/// One reason a comment looks off-topic.
#[derive(Debug, Clone, PartialEq)]
pub struct Signal {
    pub code: &'static str,
    pub score: f32,
    pub evidence: String,
    pub spans: Vec<(Field, usize, usize)>,
}

/// What rule 2 concluded.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicResult {
    pub score: f32,
    pub relatedness: f32,
    pub signals: Vec<Signal>,
}

/// A phone number: ten to fourteen digits starting with 0 or 98 (+98).
fn is_phone(digits: &str) -> bool {
    let d: String = digits.chars().filter(char::is_ascii_digit).collect();
    d.len() >= 10 && d.len() <= 14 && (d.starts_with('0') || d.starts_with("98"))
}

/// The spans of the phone numbers among `toks`: one number token, or a run of them written in
/// groups («۰۹۱۲ ۱۲۳ ۴۵۶۷», «034-32123456», «(021) 8800 1122») — separated by a space, a dash, a
/// dot or brackets only.
fn phone_numbers(toks: &[Token<'_>]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if toks[i].kind != Kind::Number {
            i += 1;
            continue;
        }
        let (start, mut end) = (toks[i].start, toks[i].end);
        let mut digits = toks[i].text.to_string();
        let mut j = i + 1;
        let mut last = i;
        // At most five groups and one separator between them; a run never crosses a sentence.
        while j < toks.len() && digits.len() <= 14 {
            let t = &toks[j];
            let separator = t.kind == Kind::Punct
                && matches!(t.text.as_str(), "-" | "." | "(" | ")" | "–")
                && t.start <= end + 1;
            if separator {
                j += 1;
                continue;
            }
            if t.kind == Kind::Number && t.start <= end + 3 && t.sentence == toks[i].sentence {
                digits.push_str(&t.text);
                end = t.end;
                last = j;
                j += 1;
                continue;
            }
            break;
        }
        if is_phone(&digits) {
            found.push((start, end));
            i = last + 1;
        } else {
            i += 1;
        }
    }
    found
}

fn spam_words_in(host: &str) -> bool {
    const WORDS: &[&str] = &[
        "shop", "kharid", "forush", "foroosh", "offer", "takhfif", "bet", "casino", "vpn",
        "crypto", "sood", "arzan", "vam", "follower", "folower",
    ];
    let h = host.to_ascii_lowercase();
    WORDS.iter().any(|w| h.contains(w))
}

/// The shape of a chain message (`data/chain.txt`): an opener («هر کس»، «اگه»), then reading or
/// sending in a person the opener allows («هر کس … بخونه», «اگه … بفرستی»), then luck or ruin
/// («گره»، «حاجت»، «بدشانسی»). Returns the word span. Hits come in the order of their first word.
fn chain_shape(hits: &[PhraseHit]) -> Option<(usize, usize)> {
    let d = data();
    let tag = |h: &PhraseHit| d.chain.list[h.phrase].tag.as_str();
    for open in hits.iter().filter(|h| matches!(tag(h), "who" | "if")) {
        let person_ok = |t: &str| t == "you" || (t == "they" && tag(open) == "who");
        let Some(act) = hits
            .iter()
            .find(|h| person_ok(tag(h)) && h.first > open.last && h.first <= open.last + 8)
        else {
            continue;
        };
        if let Some(fate) = hits
            .iter()
            .find(|h| tag(h) == "fate" && h.first > act.last && h.first <= act.last + 12)
        {
            return Some((open.first, fate.last));
        }
    }
    None
}

/// What rule 1 found that matters here: relatedness by shared words can only be measured
/// when the comment is Persian; keyboard mashing relates to nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Persian,
    Foreign,
    Gibberish,
}

/// Judges relatedness. `fields` are the comment's fields with their full-fold tokens.
pub fn judge(profile: &Profile, fields: &[FieldView<'_>], language: Language) -> TopicResult {
    let d = data();
    let mut signals = Vec::new();
    // Spam evidence is gathered from every field (a shop's name is an advert too).
    let (mut offer, mut contact, mut trade, mut phone, mut links) = (0, 0, 0, 0, 0);
    let mut spam_spans = Vec::new();
    let mut spam_ev: Vec<String> = Vec::new();
    let mut chain = 0.0f32;
    let mut chain_spans = Vec::new();
    let mut chain_ev = Vec::new();
    let mut crowd_spans = Vec::new();
    let mut crowd_ev = Vec::new();
    let mut other_subject = Vec::new();
    let mut near_subject: HashSet<usize> = HashSet::new();
    let mut reaction = false;
    let mut thread = false;
    let mut reaction_words = 0usize;
    let mut matched: Map<String, f32> = Map::default();
    let mut content_words = 0usize;
    let mut words = 0usize;
    let (mut key, mut joined) = (String::new(), String::new());
    for view in fields {
        let (field, toks, stream) = (view.field, view.toks, &view.words);
        for h in &view.phrases.spam {
            let p = &d.spam.list[h.phrase];
            // What the article itself talks about is no offer («فیلترشکن»، «وی پی ان» under a
            // story on filtering); a contact still counts.
            let own = (h.first..=h.last).all(|k| profile.words.contains(&*stream[k].text))
                || view.phrases.subjects.iter().any(|s| {
                    s.first <= h.first
                        && s.last >= h.last
                        && profile.subjects.contains(&d.subjects.list[s.phrase].tag)
                });
            if p.tag != "contact" && own {
                continue;
            }
            match p.tag.as_str() {
                "offer" => offer += 1,
                "contact" => contact += 1,
                _ => trade += 1,
            }
            spam_ev.push(p.source.clone());
            spam_spans.push((field, stream[h.first].start, stream[h.last].end));
        }
        for t in toks {
            match t.kind {
                Kind::Url | Kind::Email => {
                    links += 1;
                    if spam_words_in(&t.text) {
                        offer += 1;
                    }
                    spam_spans.push((field, t.start, t.end));
                }
                Kind::Mention => {
                    links += 1;
                    if spam_words_in(&t.text) {
                        offer += 1;
                    }
                    spam_spans.push((field, t.start, t.end));
                }
                _ => {}
            }
        }
        for (start, end) in phone_numbers(toks) {
            phone += 1;
            spam_spans.push((field, start, end));
            spam_ev.push("phone number".into());
        }
        if field == Field::Name {
            continue;
        }
        for h in &view.phrases.chain {
            let p = &d.chain.list[h.phrase];
            let weight = match p.tag.as_str() {
                "strong" => 0.6,
                "who" | "if" | "you" | "they" | "fate" => continue,
                _ => 0.3,
            };
            chain += weight;
            chain_ev.push(p.source.clone());
            chain_spans.push((field, stream[h.first].start, stream[h.last].end));
        }
        if let Some((first, last)) = chain_shape(&view.phrases.chain) {
            chain += 0.6;
            chain_ev.push("whoever reads or sends this … luck or ruin".into());
            chain_spans.push((field, stream[first].start, stream[last].end));
        }
        // A reply to another reader (opening with their handle, or «جواب دوست…»), or feeling
        // for the people in the story: part of the conversation about the article.
        if field == Field::Text && toks.first().is_some_and(|t| t.kind == Kind::Mention) {
            thread = true;
        }
        thread |= view
            .phrases
            .reactions
            .iter()
            .any(|h| matches!(d.reactions.list[h.phrase].tag.as_str(), "reply" | "feeling"));
        for h in &view.phrases.crowd {
            crowd_ev.push(d.crowd.list[h.phrase].source.clone());
            crowd_spans.push((field, stream[h.first].start, stream[h.last].end));
        }
        for h in &view.phrases.subjects {
            let subject = d.subjects.list[h.phrase].tag.as_str();
            let words_in: Vec<&str> = (h.first..=h.last).map(|k| &*stream[k].text).collect();
            if profile.subjects.contains(subject) {
                // The article's own subject in the reader's words («دکتر» under a vaccination
                // story): related, though the article never used the word.
                if !words_in.iter().all(|w| profile.words.contains(*w)) {
                    near_subject.insert(h.phrase);
                }
                continue;
            }
            if words_in.iter().all(|w| profile.words.contains(*w)) {
                continue; // the article itself talks about it
            }
            other_subject.push((
                field,
                stream[h.first].start,
                stream[h.last].end,
                words_in.join(" "),
                h.phrase,
            ));
        }
        if !view.phrases.reactions.is_empty() {
            reaction = true;
        }
        reaction_words += view
            .phrases
            .reactions
            .iter()
            .map(|h| h.last + 1 - h.first)
            .sum::<usize>();
        // The one or two words before this one when nothing but space separates them, and
        // whether each matched alone: a compound the article writes joined («فیلترشکن») may be
        // typed apart («فیلتر شکن»).
        let mut before: [Option<(&Token<'_>, bool)>; 2] = [None, None];
        for t in toks.iter() {
            let hashtag_words: Vec<String>;
            let parts: Vec<&str> = if t.kind == Kind::Hashtag {
                hashtag_words = t.text.split('_').map(str::to_string).collect();
                hashtag_words.iter().map(String::as_str).collect()
            } else if t.kind == Kind::Word {
                vec![&*t.text]
            } else {
                before = [None, None];
                continue;
            };
            let mut alone = false;
            for w in parts {
                words += 1;
                let is_content = at_least_chars(w, 3) && !d.stop.contains(w);
                if is_content {
                    content_words += 1;
                }
                if !is_content && !d.generic.contains(w) {
                    continue;
                }
                stem_into(w, &mut key);
                alone = true;
                if let Some(&wt) = profile.weights.get(key.as_str()) {
                    matched.insert(key.clone(), wt);
                } else if let Some((p, wt)) = profile.prefix_of(&key) {
                    // A compound or derived word built on an article word (انگشترسازی، کتابخوانی).
                    matched.insert(p, wt * 0.7);
                } else {
                    alone = false;
                }
            }
            if t.kind != Kind::Word || !joinable(d, t) {
                before = [None, None];
                continue;
            }
            let mut all_alone = alone;
            joined.clear();
            for (k, b) in before.iter().enumerate() {
                let Some((p, p_alone)) = *b else { break };
                if p.sentence != t.sentence {
                    break;
                }
                all_alone &= p_alone;
                joined.insert_str(0, &p.text);
                if k == 0 {
                    joined.push_str(&t.text);
                }
                // Only a compound whose parts do not already relate by themselves adds.
                if all_alone || !at_least_chars(&joined, 5) {
                    continue;
                }
                stem_into(&joined, &mut key);
                if let Some(&wt) = profile.weights.get(key.as_str()) {
                    matched.insert(key.clone(), wt);
                }
            }
            before = [Some((t, alone)), before[0]];
        }
    }
    // Words of the article's own subjects relate a comment a little each.
    let relatedness: f32 =
        matched.values().sum::<f32>() + (0.25 * near_subject.len() as f32).min(0.5);
    let has_emoji_only = words == 0;

    // Advertising.
    let mut spam: f32 = 0.0;
    if offer > 0 {
        spam = if contact + phone + links > 0 {
            0.92
        } else {
            0.75
        };
    } else if contact + phone + links > 0 && trade > 0 {
        spam = (0.55 + 0.1 * trade as f32).min(0.9);
    } else if phone > 0 {
        spam = 0.65;
    } else if contact > 0 && links > 0 {
        spam = 0.7;
    }
    if spam > 0.0 {
        spam_ev.dedup();
        signals.push(Signal {
            code: "spam",
            score: spam,
            evidence: format!("advertising: {}", spam_ev.join(", ")),
            spans: spam_spans,
        });
    }

    // Conversation that is not about the article. Words the comment shares with the article
    // speak for it, unless the comment is plainly about another subject: two or more words of
    // subjects the article never touches make a shared word or two look incidental («زمین
    // بازی» of a park under a match report).
    let foreign: HashSet<usize> = other_subject.iter().map(|x| x.4).collect();
    let elsewhere =
        foreign.len() >= 2 || (!foreign.is_empty() && !crowd_ev.is_empty() && matched.len() <= 2);
    let reduce = 0.5 * relatedness.min(1.0) * if elsewhere { 0.4 } else { 1.0 };
    let mut off: Vec<f32> = Vec::new();
    if chain > 0.0 {
        let s = (0.3 + chain).min(0.95) - 0.2 * reduce;
        signals.push(Signal {
            code: "chain_message",
            score: s,
            evidence: format!("chain-message phrasing: {}", chain_ev.join(", ")),
            spans: chain_spans,
        });
    }
    if !crowd_ev.is_empty() {
        off.push(0.6);
    }
    off.extend(std::iter::repeat_n(0.35, other_subject.len()));
    // Praise at the end of chat about something else («…قسمت دیشبش عالی بود») is no reaction
    // to the article.
    // A reply or a feeling rescues a comment of any length, and a passing word of another
    // subject («فرهنگ رانندگی» in a reply about civic culture) does not undo it.
    let short_reaction = reaction
        && crowd_ev.is_empty()
        && if thread {
            !elsewhere
        } else {
            foreign.is_empty()
                && (content_words.saturating_sub(reaction_words) <= 3 || relatedness >= 0.3)
        };
    match language {
        Language::Persian if content_words >= 4 && relatedness < 0.3 && !short_reaction => {
            // Alone, a short comment without the article's words is not enough to flag: people
            // name things in their own words. A longer one about something else is.
            // Praise that does not rescue (chat about something else, then «عالی بود») counts
            // as the longer kind: it reacts to something, and not to the article.
            off.push(if content_words >= 7 || reaction {
                0.55
            } else {
                0.45
            });
        }
        Language::Gibberish => off.push(0.6),
        _ => {}
    }
    if !off.is_empty() && !has_emoji_only {
        let p = 1.0 - off.iter().fold(1.0, |acc, s| acc * (1.0 - s));
        let mut s = p - reduce;
        if short_reaction {
            s -= 0.3;
        }
        if s > 0.0 {
            let mut spans = crowd_spans.clone();
            spans.extend(other_subject.iter().map(|(f, a, b, ..)| (*f, *a, *b)));
            let mut ev = Vec::new();
            if !crowd_ev.is_empty() {
                ev.push(format!("talk to other readers: {}", crowd_ev.join(", ")));
            }
            if !other_subject.is_empty() {
                let w: Vec<&str> = other_subject.iter().map(|x| x.3.as_str()).collect();
                ev.push(format!(
                    "subjects the article does not touch: {}",
                    w.join(", ")
                ));
            }
            ev.push(format!(
                "{content_words} content words, relatedness to the article {relatedness:.2}"
            ));
            signals.push(Signal {
                code: "off_topic",
                score: s.min(0.9),
                evidence: ev.join("; "),
                spans,
            });
        }
    }
    let score = signals.iter().map(|s| s.score).fold(0.0, f32::max);
    TopicResult {
        score,
        relatedness,
        signals,
    }
}

/// The reader's message in Persian for a signal.
pub fn message_fa(code: &str) -> &'static str {
    match code {
        "spam" => {
            "دیدگاه شما شبیه آگهی یا تبلیغ است (پیشنهاد فروش، شماره تماس، آیدی یا لینک). آگهی در بخش دیدگاه‌ها منتشر نمی‌شود؛ اگر درباره خبر نظری دارید، بدون تبلیغ بنویسید."
        }
        "chain_message" => {
            "دیدگاه شما شبیه پیام زنجیره‌ای است. پیام‌های زنجیره‌ای منتشر نمی‌شوند؛ لطفاً درباره همین خبر بنویسید."
        }
        _ => {
            "به نظر می‌رسد دیدگاه شما به موضوع این خبر ربطی ندارد. لطفاً درباره همین خبر نظر بدهید؛ برای گفت‌وگوهای دیگر جای دیگری مناسب‌تر است."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokens_of;

    fn toks(s: &str) -> Vec<Token<'static>> {
        tokens_of(s)
    }

    fn article() -> Profile {
        let a = Article {
            id: "lib".into(),
            title: "افتتاح کتابخانه عمومی محله نارمک تهران".into(),
            lead: "کتابخانه تازه با ده هزار جلد کتاب و سالن مطالعه برای نوجوانان افتتاح شد.".into(),
            body: "به گزارش روابط عمومی، کتابخانه محله نارمک با حضور مدیرکل کتابخانه‌های استان افتتاح شد. سالن مطالعه ساعت ۸ تا ۲۰ باز است و عضویت برای دانش‌آموزان رایگان است.".into(),
            keywords: vec!["کتابخانه".into(), "نارمک".into()],
        };
        profile_of(&a, toks, &HashSet::new())
    }

    /// `expect` is the code of the strongest signal, or "" for on-topic.
    fn check(text: &str, expect: &str) {
        check_with(&article(), text, expect);
    }

    #[test]
    fn related_comments_and_reactions_pass() {
        check("سالن مطالعه تا ساعت ۲۰ کمه، کاش شب‌ها هم باز باشه", "");
        check("دست شما درد نکنه 🌹", "");
        check("👍", "");
        check("کتابخونه‌ی محله ما هم همینطوری راه بیفته عالی میشه", "");
        check("عضویت رایگانه؟ برای دانشجوها هم هست؟", "");
    }

    #[test]
    fn adverts_and_chains_are_caught() {
        check(
            "فروش ویژه لوازم التحریر با تخفیف، سفارش از طریق واتساپ ۰۹۱۲۱۲۳۴۵۶۷",
            "spam",
        );
        check("فالوور ایرانی ارزان، دایرکت بدید", "spam");
        check(
            "این پیام را برای ۱۲ نفر بفرستید وگرنه گرفتاری خواهد آمد",
            "chain_message",
        );
    }

    #[test]
    fn phone_numbers_written_in_groups_are_found() {
        let spans = |s: &str| phone_numbers(&toks(s)).len();
        assert_eq!(spans("سفارش: 034-32123456"), 1);
        assert_eq!(spans("تماس ۰۹۱۲ ۱۲۳ ۴۵۶۷ یا ۰۲۱ ۸۸۰۰ ۱۱۲۲"), 2);
        assert_eq!(spans("(021) 8800-1122"), 1);
        assert_eq!(spans("09121234567"), 1);
        // Years, prices and counts are not phone numbers.
        assert_eq!(spans("از سال ۱۳۹۹ تا ۱۴۰۲ حدود ۸۵ میلیارد"), 0);
        assert_eq!(spans("۱۲۰ ۱۵۰ ۲۰۰ نفر"), 0);
        check(
            "فروش ویژه پمپ آب با ارسال رایگان، سفارش: ۰۳۴-۳۲۱۲۳۴۵۶",
            "spam",
        );
    }

    #[test]
    fn other_subjects_are_off_topic() {
        check("کسی میدونه قیمت سکه فردا بالا میره یا نه؟", "off_topic");
        check(
            "استقلال دیشب بد باخت، سرمربی باید استعفا بده و بره",
            "off_topic",
        );
    }

    #[test]
    fn another_subject_outweighs_a_shared_word() {
        // Shares «سالن» and «مطالعه» with the article, but is about a gym and exams.
        check(
            "سالن بدنسازی جدید محله رو کسی رفته؟ برای مطالعه امتحان دانشگاه هم جای خوبیه؟",
            "off_topic",
        );
        check(
            "کسی میدونه نتیجه آزمون رانندگی کی میاد؟ هفته پیش راهور امتحان دادم",
            "off_topic",
        );
        // Praise at the end does not make chat about a series a reaction to the article.
        check(
            "دیشب قسمت آخر سریال رو دیدم، بازیگر نقش اولش عالی بود",
            "off_topic",
        );
    }

    #[test]
    fn the_articles_subject_in_the_readers_words_relates() {
        // Neither «رمان» nor «نویسنده» is in the library article, but books are its subject.
        check(
            "من هر ماه چند رمان ترجمه‌شده می‌خونم و دنبال نویسنده‌های جوان ایرانی هم هستم",
            "",
        );
        // One incidental word of another subject does not make a related comment off-topic.
        check("کاش کتابخونه یه پارکینگ هم داشت، سالن مطالعه همیشه پره", "");
    }

    /// An article on a filtering bill, written with ZWNJ compounds and a joined one.
    fn filtering() -> Profile {
        let a = Article {
            id: "bill".into(),
            title: "تصویب کلیات طرح ساماندهی فضای مجازی در کمیسیون فرهنگی مجلس".into(),
            lead: "طرح تازه، فروش فیلترشکن را جرم می‌داند و دسترسی به سکوهای خارجی را با احراز هویت ممکن می‌کند.".into(),
            body: "به گزارش خبرنگار ما، نمایندگان کلیات طرح را با ۱۲ رأی موافق تصویب کردند. منتقدان می‌گویند کسب‌وکارهای اینترنتی آسیب می‌بینند. وزارت ارتباطات گفت سرعت اینترنت کم نمی‌شود و فیلترینگ گسترده‌تر نخواهد شد.".into(),
            keywords: vec!["فیلترینگ".into(), "اینترنت".into()],
        };
        profile_of(&a, toks, &HashSet::new())
    }

    /// An article on hospital scanners, with «سی‌تی‌اسکن» and «بیمارستان‌ها» in ZWNJ form.
    fn scanners() -> Profile {
        let a = Article {
            id: "ct".into(),
            title: "کمبود دستگاه سی‌تی‌اسکن در بیمارستان‌های دولتی استان".into(),
            lead: "صف انتظار بیماران برای تصویربرداری در بیمارستان‌ها طولانی شده است.".into(),
            body: "معاون درمان دانشگاه علوم پزشکی گفت سه دستگاه فرسوده تا پایان سال جایگزین می‌شود."
                .into(),
            keywords: vec![],
        };
        profile_of(&a, toks, &HashSet::new())
    }

    /// [`check`] under another article's profile.
    fn check_with(p: &Profile, text: &str, expect: &str) {
        let t = toks(text);
        let r = judge(p, &[FieldView::new(Field::Text, &t)], Language::Persian);
        let got = r
            .signals
            .iter()
            .filter(|s| s.score >= 0.5)
            .max_by(|a, b| a.score.total_cmp(&b.score))
            .map_or("", |s| s.code);
        assert_eq!(got, expect, "{text}: {r:?}");
    }

    #[test]
    fn compounds_meet_however_they_are_spaced() {
        let ct = scanners();
        // Spaced in the comment, ZWNJ in the article.
        check_with(
            &ct,
            "برای سی تی اسکن پدرم از اول مهر منتظریم، هنوز هیچ خبری نشده",
            "",
        );
        check_with(
            &ct,
            "تو اون بیمارستان ها آدم از صبح تا شب باید منتظر بمونه",
            "",
        );
        // Joined in the article, spaced in the comment; and the article's own subject in the
        // comment is no advert.
        let bill = filtering();
        check_with(
            &bill,
            "فیلتر شکن خریدن هم جرمه؟ پس دانشجوها چطوری مقاله دانلود کنن",
            "",
        );
        check_with(&bill, "من از بچگی فیلترشکن روشن دارم، دیگه عادت کردیم", "");
        // A pair of everyday words is no compound: unrelated chat stays off-topic.
        check_with(
            &ct,
            "کسی میدونه دو روز دیگه هوا بارونی میشه؟ میخوام برم شمال",
            "off_topic",
        );
    }

    #[test]
    fn replies_and_feelings_are_part_of_the_thread() {
        check(
            "@مریم موافق نیستم، آدم باید اول خودش ببینه بعد قضاوت کنه",
            "",
        );
        check(
            "جواب دوست بالایی: همه چیز که پول نیست، فرهنگش باید جا بیفته",
            "",
        );
        check("با نظر آقای رحیمی کاملا موافقم، حرف حساب زدن", "");
        check(
            "دلم برای بچه‌هایی که هیچ جای آرومی برای درس خوندن ندارن میسوزه",
            "",
        );
        check(
            "ای کاش مسئولا یه روز جای ما زندگی میکردن تا بفهمن چی میکشیم",
            "",
        );
        check("امیدوارم زودتر تکلیف این ماجرا روشن بشه", "");
        check(
            "با حرف دوست بالایی موافقم، اول باید فرهنگ رانندگی درست بشه",
            "",
        );
        // A reply about something else is still off-topic.
        check(
            "@مریم استقلال دیشب بد باخت، سرمربی باید استعفا بده",
            "off_topic",
        );
    }

    #[test]
    fn a_story_in_the_subjects_own_words_relates() {
        let bill = filtering();
        check_with(
            &bill,
            "من فریلنسرم و همه پروژه‌هام از پلتفرم‌های خارجیه؛ از وقتی وی پی ان هم گرون شده نصف مشتری‌هام رفتن و ماه به ماه درآمدم کمتر میشه",
            "",
        );
    }

    #[test]
    fn chain_messages_are_caught_by_their_shape() {
        check(
            "هر کس این دعا را تا آخر بخواند تا فردا گره از کارش باز می‌شود",
            "chain_message",
        );
        check(
            "اگه این متن رو برای پنج نفر نفرستی هفت سال بدشانسی میاری",
            "chain_message",
        );
        check(
            "هرکی اینو ببینه و لایک نکنه تا آخر ماه حاجتش روا نمیشه",
            "chain_message",
        );
        // The same words in a civil comment are no chain.
        check(
            "اگه مدیرکل این گزارش رو ببینه شاید گره کار سالن مطالعه باز بشه",
            "",
        );
        check(
            "اگر کتابخونه تا شب باز باشه و کسی ببینه چقدر شلوغه، بدشانسی ما هم تموم میشه",
            "",
        );
        check(
            "اگه مدیرکل این گزارش رو بخونه شاید ساعت کار سالن رو بیشتر کنن",
            "",
        );
        check("هر کس سال‌ها منتظر کتابخونه بوده حالا خوشحاله", "");
        check(
            "هرکی سالن جدید رو ببینه میفهمه چقدر خرج شده، گره ترافیک جلوش هم باید باز بشه",
            "",
        );
    }

    #[test]
    fn a_readers_own_problem_is_off_topic() {
        check(
            "گوشیم از دیروز روشن نمیشه، کسی تعمیرکار مطمئن تو نارمک میشناسه؟",
            "off_topic",
        );
        check(
            "ماشین لباسشویی‌مون آب پس میده، به کی باید مراجعه کنیم؟",
            "off_topic",
        );
        check(
            "جاروبرقی‌مون سوخته، کسی یه تعمیرکار خوب تو تهرانپارس سراغ داره؟",
            "off_topic",
        );
        // A question about the article's own subject is not.
        check("برای عضویت تو کتابخونه به کجا باید مراجعه کنیم؟", "");
    }

    #[test]
    fn stems_meet_across_colloquial_forms() {
        assert_eq!(stem("کتابخونه"), stem("کتابخانه"));
        assert_eq!(stem("نوجوونا"), stem("نوجوانان"));
    }
}
