#!/usr/bin/env bash
# The whole test suite, in the order that fails fastest: formatting and lints, the engine on both
# targets, every native test (engine, server on SQLite and PostgreSQL, CLI), the widget's tests in
# headless Chromium, the release widget against its size budget, and the end-to-end tests that drive
# the real server in real Chromium. Called by `make test` after scripts/setup.sh --test.
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
wasm() { (. scripts/wasm-env.sh && "$@"); } # runs a command with the toolchain that has the wasm32 std

started=$(date +%s)
step() { printf '\n\033[1m== %s\033[0m (%ss)\n' "$*" "$(($(date +%s) - started))"; }

step "format"
cargo fmt --all --check

step "lints"
cargo clippy -q --workspace --all-targets -- -D warnings
# The widget's browser-only code, linted as it is compiled (Debian's toolchain has no clippy).
if wasm cargo clippy -V >/dev/null 2>&1; then
    wasm cargo clippy -q -p didgah-widget -p didgah-engine-wasm --target wasm32-unknown-unknown -- -D warnings
fi

step "the engine builds for wasm32-unknown-unknown"
wasm cargo build -q -p didgah-rules -p didgah-engine-wasm --target wasm32-unknown-unknown

step "native tests: engine, server (SQLite and PostgreSQL), CLI"
cargo test -q --workspace --exclude didgah-widget

step "widget tests in headless Chromium (wasm-bindgen-test)"
wasm wasm-pack --log-level warn test --headless --chrome .

step "release widget and its size budget"
scripts/build-widget.sh
scripts/sizes.sh

step "end-to-end tests in Chromium against the real server"
cargo build -q -p didgah-cli
node --test --test-concurrency=1 tests/e2e/

step "all tests passed"
