#!/usr/bin/env bash
# Every benchmark, printing numbers (no assertions): `make bench`, or `scripts/bench.sh PART…` with
# PART one of engine, instructions, browser, widget, server, queue.
#   engine   one full check natively, 200/1,000/10,000-character comments (criterion)
#   instructions  the same check's instruction count under callgrind (repeatable on a busy machine)
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
[ ${#parts[@]} -gt 0 ] || parts=(engine instructions browser widget server queue)

for part in "${parts[@]}"; do
    printf '\n\033[1m== bench: %s\033[0m\n' "$part"
    case "$part" in
        engine) cargo bench -q -p didgah-rules --bench check ;;
        instructions)
            command -v valgrind >/dev/null || { echo "installing valgrind"; apt-get install -y -qq valgrind >/dev/null; }
            cargo build -q --release -p didgah-rules --example instructions
            bin=target/release/examples/instructions
            count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" 2>&1 |
                sed -n 's/.*Collected : \([0-9]*\).*/\1/p'; }
            for spec in "200 20" "1000 10" "10000 2" "new 3"; do
                set -- $spec
                base=$(count "$1" 0) && runs=$(count "$1" "$2")
                echo "$1: $(( (runs - base) / $2 )) instructions per $([ "$1" = new ] && echo Checker::new || echo "check of $1 characters")"
            done ;;
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
        *) echo "bench: unknown part '$part' (engine, instructions, browser, widget, server, queue)" >&2; exit 2 ;;
    esac
done
