//! The story test: one newsroom day, run against SQLite always and against PostgreSQL whenever it
//! is reachable (with `CI=true`, unreachable PostgreSQL fails the test). Readers post, the server
//! stores and queues, a moderator works the queue, the article shows what was approved, the
//! audit log remembers who decided what; sessions, duplicates, lockouts and rate limits behave
//! the same on both backends.

mod common;

use std::sync::Arc;

use axum::http::StatusCode;
use common::*;
use didgah_server::config::Limits;
use didgah_server::model::{Decision, QueueQuery, Status, now_millis};
use didgah_server::{AppState, Store};
use serde_json::json;

async fn story(store: Arc<dyn Store>) {
    let backend = store.backend();
    let state = seeded(store.clone(), config(), quiet_policy()).await;

    // Two readers post; both land in the queue, neither is public yet.
    let first = post_json(
        &state,
        "/api/comments",
        &comment("مریم", "پارک تازه برای بچه‌های محله خیلی لازم بود."),
    )
    .await;
    assert_eq!(
        first.status,
        StatusCode::CREATED,
        "{backend}: {}",
        first.body
    );
    let first_id = first.json()["id"].as_i64().expect("id");
    assert_eq!(first.json()["status"], "pending");
    assert_eq!(first.json()["report"]["outcome"], "pass");

    let second = post_json(
        &state,
        "/api/comments",
        &comment("رضا", "کاش مسیر دوچرخه تا ایستگاه مترو ادامه پیدا کند."),
    )
    .await;
    assert_eq!(
        second.status,
        StatusCode::CREATED,
        "{backend}: {}",
        second.body
    );
    let second_id = second.json()["id"].as_i64().expect("id");
    assert!(second_id > first_id);

    // The same reader sending the same comment again is a duplicate.
    let again = post_json(
        &state,
        "/api/comments",
        &comment("مریم", "پارک تازه برای بچه‌های محله خیلی لازم بود."),
    )
    .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{backend}");
    assert_eq!(again.code(), "duplicate");

    let public = get(
        &state,
        &format!("/api/articles/{ARTICLE}/comments?site={SITE}"),
    )
    .await;
    assert_eq!(public.status, StatusCode::OK);
    assert_eq!(
        public.json()["total"],
        0,
        "{backend}: nothing is public before approval"
    );

    // The stored comment keeps the text as typed, the server's report, and no raw IP.
    let stored = store.comment(first_id).await.unwrap().expect("stored");
    assert_eq!(stored.text, "پارک تازه برای بچه‌های محله خیلی لازم بود.");
    assert_eq!(stored.status, Status::Pending);
    assert!(stored.client_report.is_none());

    // The moderator logs in and sees both, oldest first.
    let m = login(&state).await;
    let queue = dashboard(&state, &m.cookie, "/dashboard").await;
    assert_eq!(queue.status, StatusCode::OK);
    let a = queue
        .body
        .find(&format!("id=\"c-{first_id}\""))
        .expect("first in queue");
    let b = queue
        .body
        .find(&format!("id=\"c-{second_id}\""))
        .expect("second in queue");
    assert!(a < b, "{backend}: oldest first");
    assert!(queue.body.contains("تایید") && queue.body.contains("رد"));

    // Approve the first, reject the second with a reason.
    let r = decide(&state, &m, first_id, true, "").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{backend}: {}", r.body);
    let r = decide(&state, &m, second_id, false, "نامرتبط با خبر").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{backend}: {}", r.body);

    // The article page now shows the approved comment, with the count; no email anywhere.
    let public = get(
        &state,
        &format!("/api/articles/{ARTICLE}/comments?site={SITE}"),
    )
    .await;
    let body = public.json();
    assert_eq!(body["total"], 1, "{backend}: {}", public.body);
    assert_eq!(body["comments"][0]["id"], first_id);
    assert_eq!(body["comments"][0]["name"], "مریم");
    assert!(
        body["comments"][0]["created_at"]
            .as_str()
            .unwrap()
            .ends_with('Z')
    );
    assert!(
        !public.body.contains("@example.ir"),
        "{backend}: email leaked"
    );
    let counts = get(
        &state,
        &format!("/api/counts?site={SITE}&articles={ARTICLE},another-one"),
    )
    .await;
    assert_eq!(
        counts.json(),
        json!({"counts": {ARTICLE: 1, "another-one": 0}})
    );

    let rejected = store.comment(second_id).await.unwrap().expect("stored");
    assert_eq!(rejected.status, Status::Rejected);
    assert_eq!(rejected.reason.as_deref(), Some("نامرتبط با خبر"));
    assert_eq!(rejected.decided_by.as_deref(), Some(ADMIN));

    // The audit log says who decided what.
    let log = store.audit_log(50, 0, None).await.unwrap();
    let decisions: Vec<_> = log
        .iter()
        .filter(|e| e.action == "approve" || e.action == "reject")
        .map(|e| (e.action.as_str(), e.comment_id, e.moderator.as_str()))
        .collect();
    assert_eq!(
        decisions,
        vec![
            ("reject", Some(second_id), ADMIN),
            ("approve", Some(first_id), ADMIN)
        ],
        "{backend}"
    );
    assert!(log.iter().any(|e| e.action == "login"));
    let audit = dashboard(&state, &m.cookie, "/dashboard/audit").await;
    assert!(audit.body.contains(&format!("#{second_id}")) && audit.body.contains("نامرتبط با خبر"));

    // Newest first and paging on the public list.
    let mut ids = vec![first_id];
    for i in 0..3 {
        let r = post_json(
            &state,
            "/api/comments",
            &comment(
                &format!("خواننده{i}"),
                &format!("نظر شماره {i} درباره پارک."),
            ),
        )
        .await;
        ids.push(r.json()["id"].as_i64().unwrap());
    }
    assert_eq!(
        store
            .decide(&ids[1..], Decision::Approve, None, ADMIN, now_millis())
            .await
            .unwrap(),
        3
    );
    // Deciding again the same way changes nothing and logs nothing.
    assert_eq!(
        store
            .decide(&ids[1..], Decision::Approve, None, ADMIN, now_millis())
            .await
            .unwrap(),
        0
    );
    let page1 = get(
        &state,
        &format!("/api/articles/{ARTICLE}/comments?per_page=2"),
    )
    .await
    .json();
    let page2 = get(
        &state,
        &format!("/api/articles/{ARTICLE}/comments?per_page=2&page=2"),
    )
    .await
    .json();
    let listed: Vec<i64> = page1["comments"]
        .as_array()
        .unwrap()
        .iter()
        .chain(page2["comments"].as_array().unwrap())
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    let mut newest_first = ids.clone();
    newest_first.reverse();
    assert_eq!(listed, newest_first, "{backend}");
    assert_eq!(page1["total"], 4);

    // Logging out ends the session on the server.
    let out = send(
        &state,
        form_post("/dashboard/logout", Some(&m.cookie), &[("csrf", &m.csrf)]),
    )
    .await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    let after = dashboard(&state, &m.cookie, "/dashboard").await;
    assert!(
        after.body.contains("نام کاربری"),
        "{backend}: logged out shows the login form"
    );

    site_limited_moderator(&*store, second_id, backend).await;
    shared_state(store, backend).await;
}

/// A moderator limited to some sites sees and decides only their comments, whoever asks the
/// store (the dashboard checks too, to say why).
async fn site_limited_moderator(store: &dyn Store, id: i64, backend: &str) {
    let now = now_millis();
    let other = didgah_server::model::Site {
        id: "other".into(),
        ..site(quiet_policy())
    };
    store.upsert_site(&other).await.unwrap();
    store
        .create_moderator("reza", "not a hash", now)
        .await
        .unwrap();
    assert!(!store.set_moderator_sites("nobody", &[]).await.unwrap());
    assert!(
        store
            .set_moderator_sites("reza", &["other".to_owned()])
            .await
            .unwrap()
    );
    let reza = store.moderator("reza").await.unwrap().unwrap();
    assert_eq!(reza.sites, ["other"], "{backend}");
    assert!(!reza.may_moderate(SITE) && reza.may_moderate("other"));
    let unknown = store
        .set_moderator_sites("reza", &["no-such-site".to_owned()])
        .await;
    assert!(unknown.is_err(), "{backend}: an unknown site is refused");
    assert_eq!(
        store.moderator("reza").await.unwrap().unwrap().sites,
        ["other"]
    );

    let waiting = QueueQuery {
        statuses: vec![Status::Flagged, Status::Pending],
        limit: 100,
        ..QueueQuery::default()
    };
    let before = store.comment(id).await.unwrap().unwrap().status;
    let limited = QueueQuery {
        sites: reza.sites.clone(),
        ..waiting.clone()
    };
    assert!(store.queue(&limited).await.unwrap().is_empty(), "{backend}");
    let counts = store
        .status_counts(None, None, &reza.sites, None)
        .await
        .unwrap();
    assert_eq!(
        counts.pending + counts.flagged + counts.approved + counts.rejected,
        0
    );
    assert_eq!(
        store
            .decide(&[id], Decision::Approve, None, "reza", now)
            .await
            .unwrap(),
        0,
        "{backend}: not his site"
    );
    assert_eq!(store.comment(id).await.unwrap().unwrap().status, before);

    // Given the demo site too, he decides there.
    let both = [SITE.to_owned(), "other".to_owned()];
    assert!(store.set_moderator_sites("reza", &both).await.unwrap());
    assert_eq!(
        store
            .decide(&[id], Decision::Approve, None, "reza", now)
            .await
            .unwrap(),
        1
    );
    let reza = store.moderator("reza").await.unwrap().unwrap();
    let log = store.audit_log(50, 0, Some(&reza)).await.unwrap();
    assert!(
        log.iter()
            .any(|e| e.comment_id == Some(id) && e.moderator == "reza")
    );
    // Back as the story left it, rejected.
    let reason = Some("نامرتبط با خبر");
    store
        .decide(&[id], Decision::Reject, reason, ADMIN, now)
        .await
        .unwrap();
    // Every site again: the limit is lifted.
    assert!(store.set_moderator_sites("reza", &[]).await.unwrap());
    assert!(
        store
            .moderator("reza")
            .await
            .unwrap()
            .unwrap()
            .sites
            .is_empty()
    );
}

/// What several server processes share through the database: sessions, rate-limit windows,
/// lockouts and the IP salt. Two `AppState`s on one store stand in for two processes.
async fn shared_state(store: Arc<dyn Store>, backend: &str) {
    let mut limited = config();
    limited.limits = Limits {
        ip_per_minute: 3,
        ..Limits::default()
    };
    let one = AppState::new(limited.clone(), store.clone()).await.unwrap();
    let two = AppState::new(limited, store.clone()).await.unwrap();
    assert_eq!(
        one.ip_hash(None),
        two.ip_hash(None),
        "{backend}: one salt for all processes"
    );

    // A login made through one process is valid in the other.
    let m = login(&one).await;
    let page = dashboard(&two, &m.cookie, "/dashboard").await;
    assert!(page.body.contains("خروج"), "{backend}: session shared");

    // The per-IP limit counts posts made through either process.
    let mut statuses = Vec::new();
    for i in 0..4 {
        let state = if i % 2 == 0 { &one } else { &two };
        let r = post_json(
            state,
            "/api/comments",
            &comment(
                &format!("شتاب{i}"),
                &format!("متن آزمایشی شماره {i} درباره پارک."),
            ),
        )
        .await;
        statuses.push(r.status.as_u16());
        if r.status == StatusCode::TOO_MANY_REQUESTS {
            assert_eq!(r.code(), "rate_limited");
            let retry: u64 = r
                .header("retry-after")
                .expect("Retry-After")
                .parse()
                .unwrap();
            assert!((1..=60).contains(&retry));
        }
    }
    assert_eq!(statuses, vec![201, 201, 201, 429], "{backend}");

    // The queue lists flagged before pending.
    let queue = store
        .queue(&QueueQuery {
            statuses: vec![Status::Flagged, Status::Pending],
            limit: 100,
            ..QueueQuery::default()
        })
        .await
        .unwrap();
    assert!(
        queue
            .iter()
            .all(|c| c.status == Status::Pending || c.status == Status::Flagged)
    );
    let counts = store
        .status_counts(Some(SITE), None, &[], None)
        .await
        .unwrap();
    assert_eq!(counts.pending as usize, queue.len());
    assert_eq!(counts.approved, 4);
    assert_eq!(counts.rejected, 1);
}

#[tokio::test]
async fn story_on_sqlite() {
    let db = sqlite().await;
    story(db.store.clone()).await;
}

#[tokio::test]
async fn story_on_postgres() {
    let Some(db) = postgres().await else { return };
    story(db.store.clone()).await;
}
