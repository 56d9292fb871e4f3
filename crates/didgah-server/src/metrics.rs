//! Prometheus metrics at `/metrics`: requests by route and status, request latency histograms,
//! rule outcomes of posted comments, and queue depth (read from the database at scrape time, so
//! it is right whichever process is scraped). Counters are per process, as Prometheus expects
//! when it scrapes each instance.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::error::AppError;
use crate::model::Status;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
];

#[derive(Debug, Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    sum: f64,
    count: u64,
}

#[derive(Debug, Default)]
struct Inner {
    requests: BTreeMap<(String, String, u16), u64>,
    latency: BTreeMap<String, Histogram>,
    /// (who checked: "server" / "client", outcome) → comments.
    outcomes: BTreeMap<(&'static str, &'static str), u64>,
}

/// The process's counters.
#[derive(Debug, Default)]
pub struct Metrics {
    inner: Mutex<Inner>,
}

impl Metrics {
    pub fn observe_request(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let mut m = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        *m.requests
            .entry((method.to_owned(), route.to_owned(), status))
            .or_default() += 1;
        let h = m.latency.entry(route.to_owned()).or_default();
        for (i, bound) in BUCKETS.iter().enumerate() {
            if seconds <= *bound {
                h.counts[i] += 1;
            }
        }
        h.sum += seconds;
        h.count += 1;
    }

    /// Counts one checked comment (`source` is "server" or "client").
    pub fn observe_outcome(&self, source: &'static str, outcome: &'static str) {
        let mut m = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        *m.outcomes.entry((source, outcome)).or_default() += 1;
    }

    /// The Prometheus text exposition, with `queue` = comments per status.
    pub fn render(&self, queue: &[(Status, i64)]) -> String {
        let m = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let mut out = String::new();
        out.push_str("# HELP didgah_http_requests_total HTTP requests by route and status.\n");
        out.push_str("# TYPE didgah_http_requests_total counter\n");
        for ((method, route, status), n) in &m.requests {
            let _ = writeln!(
                out,
                "didgah_http_requests_total{{method=\"{method}\",route=\"{}\",status=\"{status}\"}} {n}",
                label(route)
            );
        }
        out.push_str("# HELP didgah_http_request_duration_seconds Request latency by route.\n");
        out.push_str("# TYPE didgah_http_request_duration_seconds histogram\n");
        for (route, h) in &m.latency {
            let route = label(route);
            for (bound, n) in BUCKETS.iter().zip(h.counts) {
                let _ = writeln!(
                    out,
                    "didgah_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {n}"
                );
            }
            let _ = writeln!(
                out,
                "didgah_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}",
                h.count
            );
            let _ = writeln!(
                out,
                "didgah_http_request_duration_seconds_sum{{route=\"{route}\"}} {}",
                h.sum
            );
            let _ = writeln!(
                out,
                "didgah_http_request_duration_seconds_count{{route=\"{route}\"}} {}",
                h.count
            );
        }
        out.push_str("# HELP didgah_comment_outcomes_total Rule outcomes of posted comments, by who checked.\n");
        out.push_str("# TYPE didgah_comment_outcomes_total counter\n");
        for ((source, outcome), n) in &m.outcomes {
            let _ = writeln!(
                out,
                "didgah_comment_outcomes_total{{source=\"{source}\",outcome=\"{outcome}\"}} {n}"
            );
        }
        out.push_str("# HELP didgah_queue_depth Stored comments by status.\n");
        out.push_str("# TYPE didgah_queue_depth gauge\n");
        for (status, n) in queue {
            let _ = writeln!(
                out,
                "didgah_queue_depth{{status=\"{}\"}} {n}",
                status.as_str()
            );
        }
        out
    }
}

fn label(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Middleware: times every request and counts it under its route pattern (never the raw path,
/// which would let clients create unbounded series).
pub async fn track(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = req.method().as_str().to_owned();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| {
            if req.uri().path().starts_with("/www/") {
                "/www/{*path}".to_owned()
            } else {
                "unmatched".to_owned()
            }
        });
    let response = next.run(req).await;
    state.metrics().observe_request(
        &method,
        &route,
        response.status().as_u16(),
        start.elapsed().as_secs_f64(),
    );
    response
}

/// `GET /metrics`.
pub async fn handler(State(state): State<AppState>) -> Result<Response, AppError> {
    let counts = state.store().status_counts(None, None, &[], None).await?;
    let queue: Vec<(Status, i64)> = Status::ALL.iter().map(|s| (*s, counts.get(*s))).collect();
    Ok((
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.metrics().render(&queue),
    )
        .into_response())
}
