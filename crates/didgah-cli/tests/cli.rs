//! The `didgah check` and `didgah eval` interface other tools depend on: output, exit codes
//! (0 pass/flag, 1 block, 2 bad input) and error messages that say what to fix.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("didgah-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

const ARTICLES: &str = r#"[{"id":"park","url":"","title":"بازگشایی پارک جنگلی پس از بازسازی","lead":"پارک جنگلی شهر پس از دو سال بازسازی بازگشایی شد.","body":"فرهاد کرمانی، شهردار، گفت: مسیر دوچرخه‌سواری و زمین بازی کودکان به پارک اضافه شد.","keywords":["پارک جنگلی"]},
{"id":"bridge","url":"","title":"پل عابر پیاده خیابان آزادی افتتاح شد","lead":"","body":"پل عابر پیاده با آسانسور افتتاح شد.","keywords":[]}]"#;

fn write(name: &str, body: &str) -> PathBuf {
    let p = dir().join(name);
    std::fs::write(&p, body).unwrap();
    p
}

fn didgah(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_didgah"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(s) = stdin {
        child.stdin.take().unwrap().write_all(s.as_bytes()).unwrap();
    }
    child.wait_with_output().unwrap()
}

#[test]
fn check_exit_codes_follow_the_outcome() {
    let a = write("articles.json", ARTICLES);
    let a = a.to_str().unwrap();
    let ok = didgah(
        &[
            "check",
            "--article",
            a,
            "--article-id",
            "park",
            "مسیر دوچرخه‌سواری پارک خیلی خوب شده، ممنون",
        ],
        None,
    );
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).starts_with("outcome: pass"));

    let blocked = didgah(
        &[
            "check",
            "--article",
            a,
            "--article-id",
            "park",
            "--format",
            "json",
            "-",
        ],
        Some("کرمانی دزده و پول پارک رو خورده"),
    );
    assert_eq!(blocked.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&blocked.stdout).unwrap();
    assert_eq!(v["outcome"], "block");
    assert_eq!(v["rules"][2]["rule"], "abuse");
}

#[test]
fn bad_input_exits_2_with_a_clear_message() {
    let a = write("articles2.json", ARTICLES);
    let a = a.to_str().unwrap();
    let missing = didgah(&["check", "--article", "/nonexistent/a.json", "سلام"], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read /nonexistent/a.json"));

    let which = didgah(&["check", "--article", a, "سلام"], None);
    assert_eq!(which.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&which.stderr).contains("--article-id"));

    let unknown = didgah(
        &["check", "--article", a, "--article-id", "nope", "سلام"],
        None,
    );
    assert_eq!(unknown.status.code(), Some(2));

    let c = write(
        "bad.jsonl",
        "{\"id\":\"x1\",\"article\":\"park\",\"text\":\"پارک قشنگ شده\",\"persian\":true,\"on_topic\":true,\"abuse\":\"none\"}\nnot json\n",
    );
    let bad = didgah(
        &["eval", "--articles", a, "--comments", c.to_str().unwrap()],
        None,
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("line 2"));

    let c = write(
        "unknown.jsonl",
        "{\"id\":\"x1\",\"article\":\"zoo\",\"text\":\"سلام\",\"persian\":true,\"on_topic\":true,\"abuse\":\"none\"}\n",
    );
    let bad = didgah(
        &["eval", "--articles", a, "--comments", c.to_str().unwrap()],
        None,
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown article id \"zoo\""));
}

#[test]
fn eval_prints_the_agreed_json() {
    let a = write("articles3.json", ARTICLES);
    let c = write(
        "set.jsonl",
        concat!(
            "{\"id\":\"x1\",\"article\":\"park\",\"text\":\"مسیر دوچرخه‌سواری پارک عالی شده\",\"persian\":true,\"on_topic\":true,\"abuse\":\"none\"}\n",
            "{\"id\":\"x2\",\"article\":\"bridge\",\"text\":\"The new bridge is great\",\"persian\":false,\"on_topic\":true,\"abuse\":\"none\"}\n",
            "{\"id\":\"x3\",\"article\":\"park\",\"text\":\"شهردار احمقه\",\"persian\":true,\"on_topic\":true,\"abuse\":\"insult\"}\n",
        ),
    );
    let out = didgah(
        &[
            "eval",
            "--articles",
            a.to_str().unwrap(),
            "--comments",
            c.to_str().unwrap(),
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for rule in ["persian", "on_topic", "abuse"] {
        for key in ["tp", "fp", "fn", "tn", "precision", "recall", "f1"] {
            assert!(v["rules"][rule][key].is_number(), "{rule}.{key}");
        }
    }
    assert_eq!(v["rules"]["persian"]["tp"], 1);
    assert_eq!(v["rules"]["abuse"]["tp"], 1);
    assert!(v["clean_flagged_rate"].is_number());
    assert!(v["misses"].is_array());
}
