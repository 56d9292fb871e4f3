//! Inputs shared by the native and the in-browser benchmarks, so their figures compare.

use didgah_rules::{Article, Comment};

/// A realistic comment mix: criticism, a question, colloquial spelling, an English word, an
/// emoji, Arabic-keyboard letters, a kashida.
const SAMPLE: &str = "به نظرم برنامه‌ی کتابخوانی محله خیلی خوب بود ولی اطلاع‌رسانی ضعیف بود. \
    چرا سانس کودکان فقط صبح‌هاست؟ كاش بعدازظهر هم باشه 🙏 مسئولین لطفاً online هم برگزار کنید. \
    عالـــی بود، دستتون درد نکنه! ";

pub fn comment(chars: usize) -> Comment {
    let text: String = SAMPLE.chars().cycle().take(chars).collect();
    Comment {
        name: "مریم".into(),
        title: "پیشنهاد".into(),
        text,
    }
}

/// A news article the sample comment is written under.
pub fn article() -> Article {
    Article {
        id: "bench".into(),
        title: "جشنواره کتابخوانی محله‌ای در بوستان شهر به کار خود پایان داد".into(),
        lead: "نخستین جشنواره کتابخوانی محله‌ای با حضور هزاران بازدیدکننده برگزار شد.".into(),
        body: "به گزارش روابط عمومی شهرداری، جشنواره کتابخوانی یک هفته در بوستان برپا بود. \
               مریم احمدی، معاون فرهنگی شهرداری گفت: سانس ویژه کودکان و نوجوانان برگزار شد."
            .repeat(8),
        keywords: vec!["کتابخوانی".into(), "جشنواره".into()],
    }
}
