#!/usr/bin/env bash
# Every benchmark, printing numbers (no assertions): `make bench`, or `scripts/bench.sh PART…` with
# PART one of engine, browser, widget, server, queue.
#   engine   one full check natively, 200/1,000/10,000-character comments (criterion)
#   browser  the same check compiled to wasm, in headless Chromium (wasm-bindgen-test's criterion)
#   widget   what a reader downloads (raw and gzip), script tag → interactive form in Chromium, and
#            one check by the engine module as shipped (JS values in and out) in Chromium
#   server   accepted comments per second and p50/p99 latency of POST /api/comments, SQLite and
#            PostgreSQL, driven by wrk over loopback
#   queue    the dashboard's queue query with one million stored comments
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(engine browser widget server queue)

for part in "${parts[@]}"; do
    printf '\n\033[1m== bench: %s\033[0m\n' "$part"
    case "$part" in
        engine) cargo bench -q -p didgah-rules --bench check ;;
        browser)
            (. scripts/wasm-env.sh
             CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver} \
             CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
                cargo bench -p didgah-rules --target wasm32-unknown-unknown --bench browser) ;;
        widget)
            scripts/build-widget.sh
            scripts/sizes.sh
            cargo build -q -p didgah-cli
            node tests/e2e/time-to-form.mjs 7
            node tests/e2e/engine-speed.mjs ;;
        server)
            command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
            crates/didgah-server/bench/run.sh ;;
        queue) cargo run -q --release -p didgah-server --example queue_bench ;;
        *) echo "bench: unknown part '$part' (engine, browser, widget, server, queue)" >&2; exit 2 ;;
    esac
done
