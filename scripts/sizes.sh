#!/usr/bin/env bash
# Prints what a reader downloads — loader, wasm, JS glue, CSS (raw and gzip -9), their total
# before the form is usable, and the font (loaded after, with font-display: swap) — and fails
# when any size is over its budget in www/size-budget.json (like Remark42's size-limit).
# Run scripts/build-widget.sh first: the sizes are of the release build in www/pkg/.
set -euo pipefail
cd "$(dirname "$0")/.."
for f in www/loader.js www/pkg/didgah_widget_bg.wasm www/pkg/didgah_widget.js www/widget.css; do
    [ -f "$f" ] || { echo "sizes: $f is missing (run scripts/build-widget.sh)" >&2; exit 1; }
done
node --input-type=module - <<'JS'
import fs from 'node:fs';
import zlib from 'node:zlib';
const budgets = JSON.parse(fs.readFileSync('www/size-budget.json', 'utf8'));
const budget = budgets.gzip_bytes;
const goal = budgets.goal_gzip_bytes || {};
const files = {
  loader: 'www/loader.js',
  wasm: 'www/pkg/didgah_widget_bg.wasm',
  glue: 'www/pkg/didgah_widget.js',
  css: 'www/widget.css',
  font: 'www/fonts/Vazirmatn-subset.woff2',
};
const rows = [];
let total = { raw: 0, gzip: 0 };
for (const [name, path] of Object.entries(files)) {
  const data = fs.readFileSync(path);
  const gz = name === 'font' ? data.length : zlib.gzipSync(data, { level: 9 }).length; // woff2 is already compressed
  rows.push({ name, path, raw: data.length, gzip: gz });
  if (name !== 'font') {
    total.raw += data.length;
    total.gzip += gz;
  }
}
rows.splice(4, 0, { name: 'total', path: 'before the form is usable', ...total });
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
