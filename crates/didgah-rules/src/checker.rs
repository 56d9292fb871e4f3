//! The entry point: a `Checker` holds one site's policy and one article's profile, and checks
//! comments against them.
//!
//! Order of work for one comment: rule 1 reads the light fold of the title and message; every
//! field is then fully folded and tokenised once (Finglish words transliterated when the comment
//! is Finglish, or when they spell an insult or accusation), and rules 2 and 3 read those tokens.
//! Each rule's score is turned into an outcome by the site's policy.

use std::collections::HashSet;

use crate::abuse;
use crate::lang::{self, Lang};
use crate::lexicon::{PhraseHits, Word, data};
use crate::normalize::{Strength, fold};
use crate::tokenize::{Kind, Script, Token, tokenize, tokens_of};
use crate::topic::{self, Profile};
use crate::types::*;

/// Longest word a site may put in its lists, in characters.
const MAX_WORD_CHARS: usize = 100;
/// Most words a site may put in its lists, all lists together.
const MAX_WORDS: usize = 5000;

/// Checks comments written under one article against one site's policy. Build it once per
/// article (it pre-processes the article and the policy's word lists), then call
/// [`Checker::check`] as often as needed.
#[derive(Debug, Clone)]
pub struct Checker {
    policy: Policy,
    profile: Profile,
    abuse: abuse::Context,
}

/// One field of a comment as rules 2 and 3 read it: its tokens, the word and number tokens
/// among them (the stream phrases and word lists are matched in), and the phrases found there.
#[derive(Debug)]
pub struct FieldView<'a> {
    pub field: Field,
    pub toks: &'a [Token<'a>],
    pub words: Vec<&'a Token<'a>>,
    pub phrases: PhraseHits,
}

impl<'a> FieldView<'a> {
    pub fn new(field: Field, toks: &'a [Token<'a>]) -> Self {
        let words: Vec<&Token<'_>> = toks
            .iter()
            .filter(|t| matches!(t.kind, Kind::Word | Kind::Number))
            .collect();
        let phrases = data().find_phrases(&words);
        FieldView {
            field,
            toks,
            words,
            phrases,
        }
    }
}

fn validate(policy: &Policy) -> Result<(), PolicyError> {
    for rule in Rule::ALL {
        let rp = policy.rule(rule);
        let name = rule.as_str();
        for (what, v) in [("block_at", rp.block_at), ("flag_at", rp.flag_at)] {
            if !v.is_finite() || !(0.0..=1.0).contains(&v) {
                return Err(PolicyError(format!(
                    "{name}.{what} must be a number from 0 to 1, not {v}"
                )));
            }
        }
        if rp.flag_at > rp.block_at {
            return Err(PolicyError(format!(
                "{name}.flag_at ({}) must not be above {name}.block_at ({})",
                rp.flag_at, rp.block_at
            )));
        }
    }
    let w = &policy.words;
    let total = w.block.len() + w.flag.len() + w.allow.len();
    if total > MAX_WORDS {
        return Err(PolicyError(format!(
            "the word lists hold {total} entries; at most {MAX_WORDS} are allowed"
        )));
    }
    for (list, words) in [("block", &w.block), ("flag", &w.flag), ("allow", &w.allow)] {
        for word in words {
            if word.chars().count() > MAX_WORD_CHARS {
                return Err(PolicyError(format!(
                    "words.{list}: an entry is longer than {MAX_WORD_CHARS} characters"
                )));
            }
            let key = crate::lexicon::key_full(word);
            if key.is_empty() || key.chars().all(|c| !c.is_alphanumeric()) {
                return Err(PolicyError(format!(
                    "words.{list}: {word:?} has no letters; remove it"
                )));
            }
        }
    }
    Ok(())
}

/// The outcome a score earns under a rule's policy.
fn outcome_of(rp: &RulePolicy, score: f32) -> Outcome {
    match rp.action {
        Action::Off => Outcome::Pass,
        _ if score >= rp.block_at => {
            if rp.action == Action::Block {
                Outcome::Block
            } else {
                Outcome::Flag
            }
        }
        _ if score >= rp.flag_at => Outcome::Flag,
        _ => Outcome::Pass,
    }
}

fn spans_of(list: &[(Field, usize, usize)]) -> Vec<Span> {
    let mut spans: Vec<Span> = list
        .iter()
        .map(|&(field, start, end)| Span { field, start, end })
        .collect();
    spans.sort_by_key(|s| (s.field as u8, s.start, s.end));
    spans.dedup();
    spans
}

impl Checker {
    /// Prepares a checker; fails when the policy cannot be used (the message says what to fix).
    pub fn new(policy: &Policy, article: &Article) -> Result<Self, PolicyError> {
        validate(policy)?;
        let mut article_toks = tokens_of(&article.title);
        for part in [&article.lead, &article.body] {
            let mut more = tokens_of(part);
            // Keep sentences of different parts apart.
            let base = article_toks.last().map_or(0, |t| t.sentence + 1);
            for t in &mut more {
                t.sentence += base;
            }
            article_toks.extend(more);
        }
        let names: HashSet<String> = abuse::extract_names(&article_toks);
        let profile = topic::profile_of(article, tokens_of, &names);
        let abuse = abuse::context(
            &names,
            &policy.words.block,
            &policy.words.flag,
            &policy.words.allow,
        );
        Ok(Checker {
            policy: policy.clone(),
            profile,
            abuse,
        })
    }

    /// The site policy this checker applies.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// Checks one comment. Never panics; time is linear in the length of the comment.
    pub fn check(&self, comment: &Comment) -> Report {
        let d = data();
        let lang = lang::judge(&[(Field::Title, &comment.title), (Field::Text, &comment.text)]);

        // Full fold of every field, Finglish read as Persian where it should be. The tokens
        // borrow their text from the folded fields.
        let folded = [
            (Field::Name, fold(&comment.name, Strength::Full)),
            (Field::Title, fold(&comment.title, Strength::Full)),
            (Field::Text, fold(&comment.text, Strength::Full)),
        ];
        let mut fields: Vec<(Field, Vec<Token<'_>>)> = Vec::with_capacity(3);
        for (field, f) in &folded {
            let field = *field;
            let mut toks = tokenize(f, true);
            // A comment with an insult, a wrongdoer or a wrongdoing in Finglish has its other
            // Finglish words read too, so that «shahrdar reshve gerefte» meets «رشوه گرفته».
            let mut latin: Vec<(usize, String)> = Vec::new();
            let mut abusive = false;
            for (i, t) in toks.iter().enumerate() {
                if t.kind != Kind::Word || t.script != Script::Latin {
                    continue;
                }
                if let Some(fa) = d.finglish_map.to_persian(&t.text) {
                    abusive |= d.insults.get(&fa).is_some()
                        || d.agents.get(&fa).is_some()
                        || d.crimes.get(&fa).is_some();
                    latin.push((i, fa));
                }
            }
            if lang.latin_is_finglish || abusive {
                for (i, fa) in latin {
                    toks[i].text = Word::new(fa);
                    toks[i].script = Script::Arabic;
                }
            }
            fields.push((field, toks));
        }
        let views: Vec<FieldView<'_>> = fields.iter().map(|(f, t)| FieldView::new(*f, t)).collect();

        let persian = self.persian_verdict(&lang);
        let language = match lang.lang {
            Lang::Gibberish => topic::Language::Gibberish,
            _ if lang.score >= 0.5 => topic::Language::Foreign,
            _ => topic::Language::Persian,
        };
        let topic = topic::judge(&self.profile, &views, language);
        let on_topic = self.topic_verdict(&topic);
        let hits = abuse::judge(&self.abuse, &views);
        let abuse = self.abuse_verdict(&hits);

        let rules = vec![persian, on_topic, abuse];
        Report {
            outcome: rules.iter().map(|r| r.outcome).max().unwrap_or_default(),
            rules,
        }
    }

    fn persian_verdict(&self, r: &lang::LangResult) -> RuleVerdict {
        let rp = &self.policy.persian;
        let outcome = outcome_of(rp, r.score);
        let mut findings = Vec::new();
        if outcome > Outcome::Pass {
            let lang = if r.lang == Lang::Persian {
                Lang::Unknown
            } else {
                r.lang
            };
            // One span per field, from the first to the last non-Persian word.
            let mut per_field: Vec<(Field, usize, usize)> = Vec::new();
            for &(f, s, e) in &r.spans {
                match per_field.iter_mut().find(|x| x.0 == f) {
                    Some(x) => {
                        x.1 = x.1.min(s);
                        x.2 = x.2.max(e);
                    }
                    None => per_field.push((f, s, e)),
                }
            }
            findings.push(Finding {
                rule: Rule::Persian,
                code: format!("language_{}", lang.code()),
                outcome,
                message: lang::message_fa(&lang::LangResult { lang, ..r.clone() }),
                message_native: lang::message_native(lang),
                spans: spans_of(&per_field),
                evidence: format!(
                    "{} words, Persian share {:.0}%, most likely {}",
                    r.words,
                    r.persian_share * 100.0,
                    lang.code()
                ),
                score: r.score,
            });
        }
        RuleVerdict {
            rule: Rule::Persian,
            outcome,
            score: if rp.action == Action::Off {
                0.0
            } else {
                r.score
            },
            findings,
        }
    }

    fn topic_verdict(&self, t: &topic::TopicResult) -> RuleVerdict {
        let rp = &self.policy.on_topic;
        let mut findings = Vec::new();
        for s in &t.signals {
            let outcome = outcome_of(rp, s.score);
            if outcome == Outcome::Pass {
                continue;
            }
            findings.push(Finding {
                rule: Rule::OnTopic,
                code: s.code.to_string(),
                outcome,
                message: topic::message_fa(s.code).to_string(),
                message_native: None,
                spans: spans_of(&s.spans),
                evidence: s.evidence.clone(),
                score: s.score.clamp(0.0, 1.0),
            });
        }
        let score = if rp.action == Action::Off {
            0.0
        } else {
            t.score.clamp(0.0, 1.0)
        };
        RuleVerdict {
            rule: Rule::OnTopic,
            outcome: outcome_of(rp, score),
            score,
            findings,
        }
    }

    fn abuse_verdict(&self, hits: &[abuse::Hit]) -> RuleVerdict {
        let rp = &self.policy.abuse;
        let mut findings: Vec<Finding> = Vec::new();
        if rp.action != Action::Off {
            for code in ["slander", "insult", "site_word"] {
                let of_code: Vec<&abuse::Hit> = hits.iter().filter(|h| h.code == code).collect();
                let Some(top) = of_code.iter().max_by(|a, b| a.score.total_cmp(&b.score)) else {
                    continue;
                };
                let outcome = if code == "site_word" {
                    if top.score >= 1.0 {
                        Outcome::Block
                    } else {
                        Outcome::Flag
                    }
                } else {
                    outcome_of(rp, top.score)
                };
                if outcome == Outcome::Pass {
                    continue;
                }
                let spans: Vec<(Field, usize, usize)> = of_code
                    .iter()
                    .filter(|h| outcome_of(rp, h.score) > Outcome::Pass || code == "site_word")
                    .map(|h| (h.field, h.start, h.end))
                    .collect();
                let mut evidence: Vec<&str> = of_code.iter().map(|h| h.evidence.as_str()).collect();
                evidence.dedup();
                findings.push(Finding {
                    rule: Rule::Abuse,
                    code: code.to_string(),
                    outcome,
                    message: abuse::message_fa(top),
                    message_native: None,
                    spans: spans_of(&spans),
                    evidence: evidence.join("; "),
                    score: top.score.clamp(0.0, 1.0),
                });
            }
        }
        let score = findings.iter().map(|f| f.score).fold(0.0, f32::max);
        let outcome = findings.iter().map(|f| f.outcome).max().unwrap_or_default();
        RuleVerdict {
            rule: Rule::Abuse,
            outcome,
            score,
            findings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Article {
        Article {
            id: "park".into(),
            title: "بازگشایی پارک جنگلی شهرستان پس از بازسازی".into(),
            lead: "پارک جنگلی پس از دو سال بازسازی با حضور شهردار بازگشایی شد.".into(),
            body: "فرهاد کرمانی، شهردار، گفت: مسیر دوچرخه‌سواری و زمین بازی کودکان به پارک اضافه شد و هزینه بازسازی ۴۰ میلیارد ریال بود.".into(),
            keywords: vec!["پارک جنگلی".into()],
        }
    }

    fn check(policy: &Policy, text: &str) -> Report {
        Checker::new(policy, &article())
            .unwrap()
            .check(&Comment::text(text))
    }

    #[test]
    fn the_report_is_the_worst_rule() {
        let p = Policy::default();
        let r = check(&p, "کرمانی دزده، پول پارک رو خورده");
        assert_eq!(r.rule(Rule::Abuse).unwrap().outcome, Outcome::Block);
        assert_eq!(r.outcome, Outcome::Block);
        let r = check(&p, "مسیر دوچرخه‌سواری پارک عالی شده، ممنون");
        assert_eq!(r.outcome, Outcome::Pass);
        assert!(r.findings().next().is_none());
    }

    #[test]
    fn off_topic_is_flagged_not_blocked_by_default() {
        let r = check(
            &Policy::default(),
            "کسی دستور پخت قورمه‌سبزی خوشمزه بلده؟ امشب مهمون داریم",
        );
        assert_eq!(r.rule(Rule::OnTopic).unwrap().outcome, Outcome::Flag);
        assert_eq!(r.outcome, Outcome::Flag);
    }

    #[test]
    fn policy_actions_and_words_apply() {
        let mut p = Policy::default();
        p.abuse.action = Action::Off;
        assert_eq!(check(&p, "شهردار احمقه").outcome, Outcome::Pass);

        let mut p = Policy::default();
        p.words.block = vec!["دوچرخه".into()];
        let r = check(&p, "دوچرخه‌ها رو کجا پارک کنیم؟");
        let f = r.findings().find(|f| f.code == "site_word").unwrap();
        assert_eq!(f.outcome, Outcome::Block);
        assert_eq!(
            &"دوچرخه‌ها رو کجا پارک کنیم؟"[f.spans[0].start..f.spans[0].end],
            "دوچرخه‌ها"
        );

        let mut p = Policy::default();
        p.words.allow = vec!["احمق".into()];
        assert_eq!(
            check(&p, "شهردار احمقه").rule(Rule::Abuse).unwrap().outcome,
            Outcome::Pass
        );
    }

    #[test]
    fn bad_policies_are_refused_with_a_reason() {
        let mut p = Policy::default();
        p.abuse.flag_at = 0.9;
        assert!(
            Checker::new(&p, &article())
                .unwrap_err()
                .0
                .contains("abuse.flag_at")
        );
        let mut p = Policy::default();
        p.persian.block_at = f32::NAN;
        assert!(Checker::new(&p, &article()).is_err());
        let mut p = Policy::default();
        p.words.flag = vec!["  ".into()];
        assert!(Checker::new(&p, &article()).is_err());
    }

    #[test]
    fn non_persian_writers_are_told_in_their_language() {
        let r = check(
            &Policy::default(),
            "هذه الحديقة جميلة جداً ونتمنى أن تبقى نظيفة دائماً",
        );
        let f = r.rule(Rule::Persian).unwrap().findings.first().unwrap();
        assert_eq!(f.code, "language_ar");
        assert!(f.message_native.as_deref().unwrap().contains("بالفارسية"));
        let r = check(
            &Policy::default(),
            "The new cycling path in the park is great, thanks to everyone",
        );
        let f = r.rule(Rule::Persian).unwrap().findings.first().unwrap();
        assert!(f.message_native.as_deref().unwrap().contains("Persian"));
    }

    #[test]
    fn finglish_abuse_is_still_abuse() {
        let r = check(&Policy::default(), "shahrdar kheili ahmaghe");
        assert!(r.rule(Rule::Abuse).unwrap().outcome > Outcome::Pass);
        assert_eq!(r.rule(Rule::Persian).unwrap().outcome, Outcome::Block);
        // A wrongdoing in Finglish brings the rest of the phrase with it.
        for text in ["shahrdar reshve gerefte", "modir ekhtelas karde"] {
            let r = check(&Policy::default(), text);
            assert!(
                r.rule(Rule::Abuse).unwrap().outcome > Outcome::Pass,
                "{text}"
            );
        }
        for text in [
            "shahrdar kare khubi kard",
            "I read it to be informed, thanks",
        ] {
            let r = check(&Policy::default(), text);
            assert_eq!(
                r.rule(Rule::Abuse).unwrap().outcome,
                Outcome::Pass,
                "{text}"
            );
        }
    }
}
