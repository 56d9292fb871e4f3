//! The moderator dashboard through `oneshot`: the login form's labels, wrong passwords and the
//! lockout, the per-IP limit on sign-in attempts, disabled accounts, CSRF and foreign-origin refusals, escaping of everything a reader
//! typed, bulk decisions, filters and the flagged-first order.

mod common;

use axum::http::{StatusCode, header};
use common::*;
use didgah_rules::{Field, Finding, Outcome, Report, Rule, RuleVerdict, Span};
use didgah_server::model::{NewComment, Status, now_millis};
use didgah_server::{AppState, Store};

async fn state() -> (TestDb, AppState) {
    let db = sqlite().await;
    let state = seeded(db.store.clone(), config(), quiet_policy()).await;
    (db, state)
}

#[tokio::test]
async fn login_form_is_labelled_in_persian() {
    let (_db, state) = state().await;
    let r = get(&state, "/dashboard").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body
            .contains("<label for=\"username\">نام کاربری</label>")
    );
    assert!(r.body.contains("<label for=\"password\">رمز عبور</label>"));
    assert!(r.body.contains(">ورود</button>"));
    assert!(
        r.header("content-security-policy")
            .unwrap()
            .contains("script-src 'self'")
    );
    assert_eq!(r.header("x-frame-options"), Some("DENY"));
}

#[tokio::test]
async fn session_cookie_is_httponly_and_strict() {
    let (_db, state) = state().await;
    let r = login_as(&state, ADMIN, PASSWORD).await;
    let cookie = r.header("set-cookie").unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    assert_eq!(r.header("location"), Some("/dashboard"));
}

#[tokio::test]
async fn wrong_passwords_lock_the_account() {
    let (db, state) = state().await;
    for _ in 0..5 {
        let r = login_as(&state, ADMIN, "wrong password").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert!(r.body.contains("نام کاربری یا رمز عبور درست نیست"));
        assert!(r.header("set-cookie").is_none());
    }
    // Now even the right password is refused until the lock expires.
    let r = login_as(&state, ADMIN, PASSWORD).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.body);
    assert!(r.body.contains("قفل"));
    // An unknown user gets the same answer as a wrong password.
    let r = login_as(&state, "nobody", "whatever").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    // Resetting the password (the CLI's `moderator password`) lifts the lock.
    db.store
        .set_moderator_password(ADMIN, &didgah_server::auth::hash_password(PASSWORD))
        .await
        .unwrap();
    assert_eq!(
        login_as(&state, ADMIN, PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    let failures = db.store.audit_log(20, 0, None).await.unwrap();
    assert_eq!(
        failures
            .iter()
            .filter(|e| e.action == "login_failed")
            .count(),
        5
    );
}

#[tokio::test]
async fn sign_in_attempts_are_limited_per_ip_whatever_the_usernames() {
    let db = sqlite().await;
    let mut cfg = config();
    cfg.limits.login_per_minute = 3;
    let state = seeded(db.store.clone(), cfg, quiet_policy()).await;
    // A few passwords tried on many accounts never locks any one of them…
    for user in ["sara", "reza", "nobody"] {
        let r = login_as(&state, user, "123456").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.body);
    }
    // …so the address is stopped instead, before the password is even checked.
    let r = login_as(&state, ADMIN, PASSWORD).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.body);
    assert!(r.body.contains("تلاش‌های ورود از این نشانی بیش از حد مجاز"));
    assert!(
        r.body.contains("<form"),
        "the form stays, to try again later"
    );
    let retry: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    assert!(r.header("set-cookie").is_none());
    // The account itself is not locked: only this address waits.
    let admin = db.store.moderator(ADMIN).await.unwrap().unwrap();
    assert_eq!(admin.locked_until, None);
}

#[tokio::test]
async fn disabled_accounts_cannot_log_in_and_lose_their_sessions() {
    let (db, state) = state().await;
    let m = login(&state).await;
    assert!(db.store.set_moderator_disabled(ADMIN, true).await.unwrap());
    let page = dashboard(&state, &m.cookie, "/dashboard").await;
    assert!(page.body.contains("نام کاربری"), "session ended");
    assert_eq!(
        login_as(&state, ADMIN, PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn decisions_need_the_csrf_token_and_our_origin() {
    let (db, state) = state().await;
    let r = post_json(&state, "/api/comments", &comment("پری", "ممنون بابت پارک.")).await;
    let id = r.json()["id"].as_i64().unwrap();
    let m = login(&state).await;
    let one = format!("approve:{id}");

    let r = send(
        &state,
        form_post(
            "/dashboard/decide",
            Some(&m.cookie),
            &[("csrf", "forged"), ("one", &one)],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = send(
        &state,
        form_post("/dashboard/decide", Some(&m.cookie), &[("one", &one)]),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let mut foreign = form_post(
        "/dashboard/decide",
        Some(&m.cookie),
        &[("csrf", &m.csrf), ("one", &one)],
    );
    foreign
        .headers_mut()
        .insert(header::ORIGIN, "https://evil.example".parse().unwrap());
    assert_eq!(send(&state, foreign).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        db.store.comment(id).await.unwrap().unwrap().status,
        Status::Pending
    );

    // Without a session, the decision is not made.
    let r = send(
        &state,
        form_post(
            "/dashboard/decide",
            None,
            &[("csrf", &m.csrf), ("one", &one)],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        db.store.comment(id).await.unwrap().unwrap().status,
        Status::Pending
    );

    // Rejecting needs a reason.
    let r = decide(&state, &m, id, false, "  ").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        db.store.comment(id).await.unwrap().unwrap().status,
        Status::Pending
    );
}

fn flagged_report(text: &str, word: &str) -> Report {
    let start = text.find(word).unwrap();
    let finding = Finding {
        rule: Rule::Abuse,
        code: "insult".into(),
        outcome: Outcome::Flag,
        message: "واژه توهین‌آمیز".into(),
        message_native: None,
        spans: vec![Span {
            field: Field::Text,
            start,
            end: start + word.len(),
        }],
        evidence: "lexicon".into(),
        score: 0.7,
    };
    Report {
        outcome: Outcome::Flag,
        rules: vec![RuleVerdict {
            rule: Rule::Abuse,
            outcome: Outcome::Flag,
            score: 0.7,
            findings: vec![finding],
        }],
    }
}

async fn store_flagged(store: &dyn Store, name: &str, text: &str, word: &str) -> i64 {
    store_flagged_on(store, SITE, name, text, word).await
}

async fn store_flagged_on(
    store: &dyn Store,
    site: &str,
    name: &str,
    text: &str,
    word: &str,
) -> i64 {
    let c = NewComment {
        site_id: site.into(),
        article_id: ARTICLE.into(),
        name: name.into(),
        email: "flag@example.ir".into(),
        title: String::new(),
        text: text.into(),
        verified_user: false,
        ip_hash: "test".into(),
        fingerprint: format!("{name}{text}"),
        client_report: None,
        server_report: flagged_report(text, word),
        status: Status::Flagged,
        created_at: now_millis(),
    };
    match store.insert_comment(&c).await.unwrap() {
        didgah_server::model::Inserted::New(id) => id,
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn reader_text_is_escaped_and_findings_are_marked() {
    let (db, state) = state().await;
    let pending = post_json(
        &state,
        "/api/comments",
        &comment(
            "<img src=x onerror=alert(1)>",
            "<script>alert('x')</script> پارک",
        ),
    )
    .await;
    let pending_id = pending.json()["id"].as_i64().unwrap();
    let text = "این <b>احمق</b> پارک را خراب کرد";
    let flagged_id = store_flagged(&*db.store, "منتقد", text, "احمق").await;

    let m = login(&state).await;
    let page = dashboard(&state, &m.cookie, "/dashboard").await.body;
    assert!(!page.contains("<script>alert"), "script tag escaped");
    assert!(!page.contains("<img src=x"), "name escaped");
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(
        page.contains(
            "&lt;b&gt;<mark title=\"تهمت و توهین: واژه توهین‌آمیز\">احمق</mark>&lt;/b&gt;"
        ),
        "{page}"
    );
    assert!(
        page.contains("<option selected>توهین</option>"),
        "reason suggested from the finding"
    );
    // Flagged comes first even though it was stored later.
    let f = page.find(&format!("id=\"c-{flagged_id}\"")).unwrap();
    let p = page.find(&format!("id=\"c-{pending_id}\"")).unwrap();
    assert!(f < p, "flagged first");
}

#[tokio::test]
async fn bulk_decisions_and_filters() {
    let (db, state) = state().await;
    let mut ids = Vec::new();
    for i in 0..3 {
        let r = post_json(
            &state,
            "/api/comments",
            &comment(&format!("گروه{i}"), &format!("پارک تمیز است {i}")),
        )
        .await;
        ids.push(r.json()["id"].as_i64().unwrap());
    }
    let m = login(&state).await;
    let (a, b) = (ids[0].to_string(), ids[1].to_string());
    let r = send(
        &state,
        form_post(
            "/dashboard/decide",
            Some(&m.cookie),
            &[
                ("csrf", &m.csrf),
                ("action", "reject"),
                ("ids", &a),
                ("ids", &b),
                ("reason", "تبلیغ یا هرزنامه"),
                ("return", "/dashboard?view=pending"),
            ],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.header("location"), Some("/dashboard?view=pending"));
    for id in &ids[..2] {
        let c = db.store.comment(*id).await.unwrap().unwrap();
        assert_eq!(
            (c.status, c.reason.as_deref()),
            (Status::Rejected, Some("تبلیغ یا هرزنامه"))
        );
    }
    assert_eq!(
        db.store.comment(ids[2]).await.unwrap().unwrap().status,
        Status::Pending
    );

    // Redirects never leave the dashboard.
    let c = ids[2].to_string();
    let r = send(
        &state,
        form_post(
            "/dashboard/decide",
            Some(&m.cookie),
            &[
                ("csrf", &m.csrf),
                ("action", "approve"),
                ("ids", &c),
                ("return", "https://evil.example/"),
            ],
        ),
    )
    .await;
    assert_eq!(r.header("location"), Some("/dashboard"));

    let rejected = dashboard(&state, &m.cookie, "/dashboard?view=rejected")
        .await
        .body;
    assert!(
        rejected.contains(&format!("id=\"c-{}\"", ids[0]))
            && rejected.contains("دلیل: تبلیغ یا هرزنامه")
    );
    let other_article = dashboard(
        &state,
        &m.cookie,
        "/dashboard?view=rejected&article=another",
    )
    .await
    .body;
    assert!(!other_article.contains("id=\"c-"), "article filter");
    let other_site = dashboard(&state, &m.cookie, "/dashboard?view=approved&site=elsewhere")
        .await
        .body;
    assert!(!other_site.contains("id=\"c-"), "site filter");
    let approved = dashboard(
        &state,
        &m.cookie,
        &format!("/dashboard?view=approved&site={SITE}"),
    )
    .await
    .body;
    assert!(approved.contains(&format!("id=\"c-{}\"", ids[2])));
}

#[tokio::test]
async fn login_from_a_foreign_page_is_refused() {
    let (_db, state) = state().await;
    let mut req = form_post(
        "/dashboard/login",
        None,
        &[("username", ADMIN), ("password", PASSWORD)],
    );
    req.headers_mut()
        .insert(header::ORIGIN, "https://evil.example".parse().unwrap());
    let r = send(&state, req).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.header("set-cookie").is_none());
}

#[tokio::test]
async fn a_moderator_limited_to_one_site_sees_and_decides_only_its_comments() {
    let (db, state) = state().await;
    let other = didgah_server::model::Site {
        id: "other".into(),
        ..site(quiet_policy())
    };
    db.store.upsert_site(&other).await.unwrap();
    db.store
        .upsert_article("other", &article(), now_millis())
        .await
        .unwrap();
    let ours = store_flagged(&*db.store, "ما", "این مدیر احمق است", "احمق").await;
    let theirs = store_flagged_on(&*db.store, "other", "آنها", "آن وزیر نادان است", "نادان").await;
    let password = "sara's long password";
    db.store
        .create_moderator(
            "sara",
            &didgah_server::auth::hash_password(password),
            now_millis(),
        )
        .await
        .unwrap();
    assert!(
        db.store
            .set_moderator_sites("sara", &[SITE.to_owned()])
            .await
            .unwrap()
    );
    let sara = login_user(&state, "sara", password).await;

    // The queue and its site filter hold only her site.
    let page = dashboard(&state, &sara.cookie, "/dashboard").await;
    assert!(page.body.contains("این مدیر"), "{}", page.body);
    assert!(!page.body.contains("آن وزیر"));
    assert!(!page.body.contains("<option value=\"other\""));
    let page = dashboard(&state, &sara.cookie, "/dashboard?site=other").await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(
        page.body
            .contains("مدیریت دیدگاه‌های سایت «other» با شما نیست")
    );

    // Deciding on the other site's comment is refused, and changes nothing.
    let r = decide(&state, &sara, theirs, true, "").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.body.contains("با شما نیست"), "{}", r.body);
    let c = db.store.comment(theirs).await.unwrap().unwrap();
    assert_eq!(c.status, Status::Flagged);
    let r = decide(&state, &sara, ours, true, "").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    // Her audit log shows her site's decisions, not the other site's.
    let admin = login(&state).await;
    assert_eq!(
        decide(&state, &admin, theirs, true, "").await.status,
        StatusCode::SEE_OTHER
    );
    let log = dashboard(&state, &sara.cookie, "/dashboard/audit").await;
    assert!(log.body.contains(&format!("#{ours}<")), "{}", log.body);
    assert!(!log.body.contains(&format!("#{theirs}<")));
    let log = dashboard(&state, &admin.cookie, "/dashboard/audit").await;
    assert!(log.body.contains(&format!("#{theirs}<")));
}
