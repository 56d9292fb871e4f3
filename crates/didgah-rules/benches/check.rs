//! One full check (all three rules, every field) of Persian comments of 200, 1,000 and 10,000
//! characters, natively. The in-browser figure comes from the widget's wasm build.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use didgah_rules::{Article, Checker, Comment, Policy};
use std::hint::black_box;

/// A realistic comment mix: criticism, a question, colloquial spelling, an English word, an
/// emoji, Arabic-keyboard letters, a kashida.
const SAMPLE: &str = "به نظرم برنامه‌ی کتابخوانی محله خیلی خوب بود ولی اطلاع‌رسانی ضعیف بود. \
    چرا سانس کودکان فقط صبح‌هاست؟ كاش بعدازظهر هم باشه 🙏 مسئولین لطفاً online هم برگزار کنید. \
    عالـــی بود، دستتون درد نکنه! ";

fn comment(chars: usize) -> Comment {
    let text: String = SAMPLE.chars().cycle().take(chars).collect();
    Comment {
        name: "مریم".into(),
        title: "پیشنهاد".into(),
        text,
    }
}

fn bench(c: &mut Criterion) {
    let article = Article {
        id: "bench".into(),
        title: "جشنواره کتابخوانی محله‌ای در بوستان شهر به کار خود پایان داد".into(),
        lead: "نخستین جشنواره کتابخوانی محله‌ای با حضور هزاران بازدیدکننده برگزار شد.".into(),
        body: "به گزارش روابط عمومی شهرداری، جشنواره کتابخوانی یک هفته در بوستان برپا بود. \
               مریم احمدی، معاون فرهنگی شهرداری گفت: سانس ویژه کودکان و نوجوانان برگزار شد."
            .repeat(8),
        keywords: vec!["کتابخوانی".into(), "جشنواره".into()],
    };
    let checker = Checker::new(&Policy::default(), &article).expect("default policy is valid");
    let mut group = c.benchmark_group("check");
    for chars in [200, 1_000, 10_000] {
        let input = comment(chars);
        group.throughput(Throughput::Elements(chars as u64));
        group.bench_with_input(BenchmarkId::from_parameter(chars), &input, |b, input| {
            b.iter(|| checker.check(black_box(input)))
        });
    }
    group.finish();
    c.bench_function("checker_new", |b| {
        b.iter(|| Checker::new(&Policy::default(), black_box(&article)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
