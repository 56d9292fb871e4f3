//! Spelling cues of one Arabic-script word: prefixes, endings and letters that point to Arabic,
//! South Azerbaijani or Persian when the word is in no word list. Written from knowledge of the
//! languages' morphology and orthography; each cue lists the Persian words it must not catch.

/// Words Persian shares with Arabic, Pashto or Azerbaijani in the same spelling and in
/// everyday use (من "I"/"from", ما "we"/"what", هم "too"/"they", نه "no"/Pashto "not", او
/// "he"/"or"/Pashto "and"…): they are evidence for none of them. Keys as [`super::key_lang`]
/// makes them.
pub const SHARED: &[&str] = &[
    "من",
    "ما",
    "بعد",
    "فقط",
    "هم",
    "نه",
    "او",
    "ام",
    "لا",
    "یا",
    "حتی",
    "الان",
    "کل",
    "بس",
    "دا",
    "اما",
    "یعنی",
    "جدا",
    "قبل",
    "غیر",
    "عادی",
    "اصلا",
    "خلاص",
    "انشالله",
    "الله",
    "هی",
    "قد",
    "لو",
    "کیف",
    "بین",
    "بها",
    "شو",
    "بارک",
];

/// Words of the Quranic formula of condolence (انا لله و انا الیه راجعون), which Persian
/// comments quote as they are: neutral when the comment holds it.
pub const FORMULA: &[&str] = &["انا", "لله", "الیه", "راجعون"];

/// Persian words that begin with the letters of the Arabic article or of و/ب/ف/ک + article.
const NOT_ARTICLE: &[&str] = &[
    "الو",
    "الهی",
    "اله",
    "الهام",
    "الهیات",
    "الیاف",
    "الیت",
    "بالا",
    "بالش",
    "بالغ",
    "بالن",
    "باله",
    "بالک",
    "بالی",
    "والا",
    "والد",
    "والی",
    "والیبال",
    "فال",
    "کالا",
    "کالب",
    "کالج",
    "لله",
];

/// Arabic: the article (also after و ب ف ک ل), hamza on an alef that opens the word, endings
/// that Persian spells otherwise.
pub fn arabic(key: &str, light: &str, raw: &str) -> f32 {
    let n = key.chars().count();
    let mut w = 0.0f32;
    let fa_letter = key.contains(['پ', 'چ', 'ژ', 'گ']);
    let not_article = |k: &str| NOT_ARTICLE.iter().any(|p| k.starts_with(p));
    if !fa_letter && !not_article(key) {
        if (key.starts_with("ال") || key.starts_with("لل")) && n >= 4 {
            w += 0.8;
        } else if let Some(rest) = ["وال", "بال", "فال", "کال"]
            .iter()
            .find_map(|p| key.strip_prefix(p))
            && rest.chars().count() >= 3
            && !not_article(rest)
        {
            w += 0.6;
        }
    }
    if key.ends_with('ة') {
        w += 0.8;
    }
    // أ/إ opening the word or after a one-letter prefix (أن، وأن، بأن، لأن، فإن).
    let mut cs = light.chars();
    let first = cs.next();
    let second = cs.next();
    if matches!(first, Some('أ' | 'إ'))
        || (matches!(first, Some('و' | 'ف' | 'ب' | 'ل')) && matches!(second, Some('أ' | 'إ')))
    {
        w += 0.7;
    }
    // Alef maqsura ending the word as typed (على، إلى، حتى، مستشفى), tanwin of a case ending.
    if raw.ends_with('ى') && n >= 2 {
        w += 0.4;
    }
    if raw.contains(['\u{064C}', '\u{064D}']) || raw.contains("ةً") || raw.contains("ءً") {
        w += 0.5;
    }
    w
}

/// Azerbaijani endings a Persian word does not have, checked when the word is five letters or
/// more: plural with its cases, genitive, 3sg possessive with cases, verbal noun, evidential,
/// future, abstract noun, copula, 1pl/2pl possessive, infinitive, imperative.
const AZB_ENDINGS: &[(&str, f32)] = &[
    ("لار", 0.6),
    ("لاری", 0.6),
    ("لارین", 0.7),
    ("لارا", 0.7),
    ("لاردا", 0.8),
    ("لاردان", 0.8),
    ("لارینی", 0.8),
    ("لارینین", 0.8),
    ("لارینه", 0.8),
    ("لارینا", 0.8),
    ("لر", 0.6),
    ("لره", 0.6),
    ("لرین", 0.7),
    ("لرده", 0.8),
    ("لردن", 0.8),
    ("لرینی", 0.8),
    ("لرینین", 0.8),
    ("لرینه", 0.8),
    ("نین", 0.5),
    ("سینین", 0.8),
    ("سینی", 0.6),
    ("سیندا", 0.8),
    ("سینده", 0.8),
    ("سیندن", 0.8),
    ("سیندان", 0.8),
    ("یندا", 0.6),
    ("ماسی", 0.7),
    ("ماسینی", 0.8),
    ("ماغی", 0.6),
    ("میش", 0.6),
    ("ماییش", 0.7),
    ("اجاق", 0.6),
    ("لیق", 0.5),
    ("لوق", 0.5),
    ("دیر", 0.6),
    ("دیرلار", 0.8),
    ("دیلار", 0.8),
    ("دور", 0.4),
    ("یمیز", 0.7),
    ("ینیز", 0.7),
    ("یمیزین", 0.8),
    ("ماق", 0.6),
    ("ماغا", 0.7),
    ("ییک", 0.5),
];

/// Persian words that end like an Azerbaijani suffix.
const NOT_AZB: &[&str] = &[
    "چنین",
    "جنین",
    "لنین",
    "سالار",
    "تالار",
    "دلار",
    "مدیر",
    "قدیر",
    "غدیر",
    "تقدیر",
    "گالری",
    "کالری",
    "تعلیق",
    "افسون",
    "الماس",
    "کنترلر",
    "خلیق",
];

/// Suffixes South Azerbaijani writers set off with a ZWNJ and Persian writers never do (case
/// endings, plural, possessive, copula, agent noun).
const AZB_AFTER_ZWNJ: &[&str] = &[
    "دن",
    "دان",
    "دا",
    "ده",
    "دکی",
    "داکی",
    "نین",
    "نون",
    "نی",
    "نو",
    "یا",
    "سی",
    "سینی",
    "سینه",
    "سیندا",
    "سینده",
    "سیندن",
    "سینین",
    "لر",
    "لار",
    "لری",
    "لاری",
    "لره",
    "لارا",
    "لرده",
    "لاردا",
    "لردن",
    "لاردان",
    "لرین",
    "لارین",
    "لرینی",
    "لارینی",
    "لیک",
    "لیق",
    "لی",
    "سیز",
    "چی",
    "چیلر",
    "چیلار",
    "یمیز",
    "ینیز",
    "دیر",
    "دیر",
    "دور",
    "ایدی",
    "ایمیش",
    "جک",
    "جاق",
    "ییر",
    "یر",
    "ییرسینیز",
    "سینیز",
    "یین",
    "ییب",
    "دی",
    "دیر",
    "سه",
    "سا",
    "مه",
    "ما",
    "مز",
    "ماز",
    "ملی",
    "مالی",
    "سن",
];

/// Azerbaijani evidence of a word: its endings, the suffix after a ZWNJ, and the letters
/// ئ/ؤ where they write the vowels e/ö (Persian writes hamza so only in Arabic loans).
/// Returns (weight, whether a ZWNJ suffix was Azerbaijani).
pub fn azerbaijani(key: &str, light: &str) -> (f32, bool) {
    let n = key.chars().count();
    let mut w = 0.0f32;
    let mut zwnj_azb = false;
    if let Some((_, last)) = light.rsplit_once('\u{200C}')
        && AZB_AFTER_ZWNJ.contains(&last)
    {
        w += 0.8;
        zwnj_azb = true;
    }
    if n >= 5 && !NOT_AZB.iter().any(|p| key.ends_with(p)) {
        let best = AZB_ENDINGS
            .iter()
            .filter(|(e, _)| key.ends_with(e))
            .map(|e| e.1)
            .fold(0.0f32, f32::max);
        w += best;
    }
    // ئ after a consonant (دئییل، یئنی، گئدیر، بئله) or opening the word (ائل), not in the
    // Arabic loans Persian spells with it (رئیس، مسئول، سئوال، جرئت، هیئت، توطئه).
    // Only a word with ئ in it can have it (and the loans below are looked for only then).
    let persian_hamza = !key.contains('ئ')
        || [
            "رئیس",
            "رئو",
            "رئا",
            "مسئ",
            "سئوال",
            "سئول",
            "لئیم",
            "جرئت",
            "هیئت",
            "شئون",
            "ائتلاف",
            "ائمه",
            "مرئی",
            "جزئ",
            "تئا",
            "تئو",
            "تئین",
            "مطمئن",
            "سوئ",
            "توئیت",
            "وئن",
            "ژوئ",
            "نئو",
            "دوئل",
        ]
        .iter()
        .any(|p| key.contains(p))
        || key.ends_with("ئه")
        || key.ends_with("ئین")
        || key.starts_with("ال");
    if !persian_hamza {
        let mut prev = '\0';
        for (i, c) in key.chars().enumerate() {
            if c == 'ئ'
                && ((i == 1 && prev == 'ا') || (i > 0 && !matches!(prev, 'ا' | 'آ' | 'ئ')))
                && i + 1 < n
            {
                w += 0.7;
                break;
            }
            prev = c;
        }
    }
    // ؤ for ö (گؤزل، سؤز، اؤز), not مؤسسه، رؤیا، سؤال، لؤلؤ، شؤون.
    if key.contains('ؤ')
        && !["مؤ", "رؤ", "لؤ", "شؤ", "مسؤ", "تؤ", "یؤ", "فؤاد", "ال"]
            .iter()
            .any(|p| key.starts_with(p))
        && !key.contains("سؤال")
    {
        w += 0.8;
    }
    if key.contains('ۇ') || key.contains('ؽ') {
        w += 0.7;
    }
    (w, zwnj_azb)
}

/// Persian evidence from the word's form: ZWNJ (unless it sets off an Azerbaijani suffix), the
/// verbal prefix می/نمی, plural ها, comparative ترین, 3pl ـند, letters Arabic lacks, colloquial
/// clitics and negated 3pl pasts.
pub fn persian(key: &str, light: &str, zwnj_azb: bool) -> f32 {
    let n = key.chars().count();
    let mut w = 0.0f32;
    if light.contains('\u{200C}') && !zwnj_azb {
        w += 0.5;
    }
    if (key.starts_with("می") || key.starts_with("نمی")) && n >= 5 {
        w += 0.6;
    }
    if n >= 5 && (key.ends_with("ها") || key.ends_with("های")) {
        w += 0.4;
    }
    if n >= 6 && key.ends_with("ترین") {
        w += 0.4;
    }
    if n >= 5 && key.ends_with("ند") && !key.starts_with("ال") {
        w += 0.3;
    }
    if key.contains(['پ', 'چ', 'ژ', 'گ']) {
        w += 0.2;
    }
    // Colloquial Persian: plural clitics (غذاشون، کارتون، خونمون) and a negated past in the
    // third person plural (نیاوردن، نفرستادن، نکردن).
    if n >= 5 && (key.ends_with("شون") || key.ends_with("تون") || key.ends_with("مون")) {
        w += 0.4;
    }
    if n >= 5 && key.starts_with('ن') && (key.ends_with("دن") || key.ends_with("تن")) {
        w += 0.4;
    }
    w
}
