#!/usr/bin/env bash
# Posting benchmark: accepted comments per second and p50/p99 latency of POST /api/comments,
# driven by wrk (Debian: apt-get install wrk) over loopback, on SQLite and on PostgreSQL.
#
#   crates/didgah-server/bench/run.sh [seconds=10] [connections=16]
#
# Builds the release binary, starts `didgah serve` on a scratch database with rate limits off
# (a benchmark from one IP would otherwise measure the limiter), runs wrk, stops the server.
# PostgreSQL runs in a scratch schema of postgres://postgres@127.0.0.1:5432/test (dropped after);
# set DIDGAH_BENCH_PG=0 to skip it.
set -euo pipefail
cd "$(dirname "$0")/../../.."
secs=${1:-10}
conns=${2:-16}
port=18181
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
cargo build --release -q -p didgah-cli
bin="$CARGO_TARGET_DIR/release/didgah"
scratch=$(mktemp -d)
cleanup() {
  [[ -n ${pid:-} ]] && kill "$pid" 2>/dev/null || true
  [[ -n ${schema:-} ]] && PGOPTIONS="-c client_min_messages=warning" psql -q -h 127.0.0.1 -U postgres test -c "DROP SCHEMA IF EXISTS $schema CASCADE" || true
  rm -rf "$scratch"
}
trap cleanup EXIT
cp demo/articles.json "$scratch/articles.json"
cat > "$scratch/bench.toml" <<TOML
[limits]
ip_per_minute = 0
article_per_minute = 0
[[sites]]
id = "demo"
articles = "$scratch/articles.json"
TOML

run() { # name database-url
  DIDGAH_CONFIG="$scratch/bench.toml" DIDGAH_ADDR="127.0.0.1:$port" DIDGAH_DATABASE_URL="$2" \
    DIDGAH_ADMIN_PASSWORD=bench-password DIDGAH_LOG=warn "$bin" serve > "$scratch/serve.log" &
  pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  echo "== $1: wrk -t2 -c$conns -d${secs}s POST /api/comments"
  wrk -t2 -c"$conns" -d"${secs}s" --latency -s crates/didgah-server/bench/post.lua \
    "http://127.0.0.1:$port" | grep -E "Requests/sec|accepted/s|Socket errors" || true
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
}

run sqlite "sqlite://$scratch/bench.db"
if [[ ${DIDGAH_BENCH_PG:-1} != 0 ]] && pg_isready -q -h 127.0.0.1 -p 5432; then
  schema="didgah_bench_$$"
  PGOPTIONS="-c client_min_messages=warning" psql -q -h 127.0.0.1 -U postgres test -c "CREATE SCHEMA $schema"
  run postgres "postgres://postgres@127.0.0.1:5432/test?options=-c%20search_path%3D$schema"
else
  echo "== postgres: skipped (not reachable at 127.0.0.1:5432)"
fi
