#!/usr/bin/env bash
# Prints what a reader downloads — before the form is usable: loader, the app's wasm and JS glue,
# CSS (raw and gzip -9) and their total; once the reader focuses the form: the rules engine's wasm
# and glue (a second module) and their total; after the form: the font (font-display: swap) —
# and fails when any size is over its budget in www/size-budget.json (like Remark42's size-limit).
# Run scripts/build-widget.sh first: the sizes are of the release build in www/pkg/.
set -euo pipefail
cd "$(dirname "$0")/.."
for f in www/loader.js www/pkg/didgah_widget_bg.wasm www/pkg/didgah_widget.js www/widget.css \
    www/pkg/didgah_engine_bg.wasm www/pkg/didgah_engine.js; do
    [ -f "$f" ] || { echo "sizes: $f is missing (run scripts/build-widget.sh)" >&2; exit 1; }
done
node --input-type=module - <<'JS'
import fs from 'node:fs';
import zlib from 'node:zlib';
const budgets = JSON.parse(fs.readFileSync('www/size-budget.json', 'utf8'));
const budget = budgets.gzip_bytes;
const goal = budgets.goal_gzip_bytes || {};
// Groups of parts, each with its total: what the reader waits for at each step.
const groups = [
  { total: 'total', note: 'before the form is usable', parts: {
    loader: 'www/loader.js',
    wasm: 'www/pkg/didgah_widget_bg.wasm',
    glue: 'www/pkg/didgah_widget.js',
    css: 'www/widget.css',
  } },
  { total: 'engine', note: 'on the first focus in the form', parts: {
    'eng-wasm': 'www/pkg/didgah_engine_bg.wasm',
    'eng-glue': 'www/pkg/didgah_engine.js',
  } },
  { parts: { font: 'www/fonts/Vazirmatn-subset.woff2' } },
];
const rows = [];
for (const group of groups) {
  const total = { raw: 0, gzip: 0 };
  for (const [name, path] of Object.entries(group.parts)) {
    const data = fs.readFileSync(path);
    const gz = name === 'font' ? data.length : zlib.gzipSync(data, { level: 9 }).length; // woff2 is already compressed
    rows.push({ name, path, raw: data.length, gzip: gz });
    total.raw += data.length;
    total.gzip += gz;
  }
  if (group.total) rows.push({ name: group.total, path: group.note, ...total });
}
const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB';
let over = [];
console.log('part     file                                  raw          gzip   budget (gzip)     goal (gzip)');
for (const r of rows) {
  const b = budget[r.name];
  const flag = b !== undefined && r.gzip > b ? '  OVER' : '';
  if (flag) over.push(`${r.name}: ${r.gzip} > ${b}`);
  const g = goal[r.name];
  const goalNote = g === undefined ? '' : `${kb(g)} ${r.gzip <= g ? 'met' : 'not met'}`;
  console.log(`${r.name.padEnd(8)} ${r.path.padEnd(34)} ${kb(r.raw)} ${kb(r.gzip)} ${b === undefined ? '          ' : kb(b)}${flag} ${goalNote}`);
}
if (over.length) {
  console.error(`sizes: over budget (www/size-budget.json): ${over.join('; ')}`);
  process.exit(1);
}
JS
