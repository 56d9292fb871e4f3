#!/usr/bin/env bash
# Builds what a reader downloads, two wasm modules with their wasm-bindgen glue in www/pkg/:
#   didgah_widget.js + didgah_widget_bg.wasm — the Yew app (the root package), before the form;
#   didgah_engine.js + didgah_engine_bg.wasm — the rules engine (crates/didgah-engine-wasm),
#   fetched once the reader focuses the form;
# and www/loader.js + www/widget.css, minified from their sources in www/src/.
# The wasm is built with the size-tuned `widget` profile (opt-level z, LTO, one codegen unit; the
# engine with its `engine` variant, tuned for speed) and std rebuilt with panics that trap at once, then shrunk with npm binaryen's wasm-opt -Oz and
# short import names; the JS and CSS with esbuild's minifier. Cargo's target dir is wherever
# CARGO_TARGET_DIR says (wasm-pack asks cargo), so builds may use their own.
# Usage: scripts/build-widget.sh            (release, the default)
#        scripts/build-widget.sh --dev      (fast debug build, no wasm-opt)
set -euo pipefail
cd "$(dirname "$0")/.."

out=$PWD/www/pkg # absolute: wasm-pack takes --out-dir relative to the crate
mode=${1:---release}
# name of the output, crate directory, release profile (Cargo.toml says why they differ)
modules=("didgah_widget . widget" "didgah_engine crates/didgah-engine-wasm engine")

export PATH="$HOME/.cargo/bin:$PATH"
# Pick the toolchain that has the wasm32 std (rustup's, or Debian's set up by scripts/setup.sh).
# shellcheck source=scripts/wasm-env.sh
[ -f scripts/wasm-env.sh ] && . scripts/wasm-env.sh

command -v wasm-pack >/dev/null || { echo "build-widget: wasm-pack not found (cargo install wasm-pack --version =0.15.1)" >&2; exit 1; }

if [ "$mode" = "--dev" ]; then
    for m in "${modules[@]}"; do
        read -r name dir _ <<<"$m"
        wasm-pack --quiet build --target web --dev --no-pack --no-gitignore \
            --out-dir "$out" --out-name "$name" "$dir"
    done
    cp www/src/loader.js www/src/widget.css www/
    exit 0
fi

wasm_opt=node_modules/.bin/wasm-opt
if [ ! -x "$wasm_opt" ]; then
    npm install --no-audit --no-fund --silent
fi

# Shorten the wasm's import names. wasm-bindgen names each import after its Rust path plus a
# 16-digit hash (`__wbg_getItem_49556a3e59cfb688`, ~45 bytes, ~130 of them) and writes each name
# twice: in the wasm's import section and as a key of the glue's import object. Renaming both
# to `a`, `b`, … saves ~3 KB gzip. Each name must appear exactly once in the glue, or nothing
# is renamed and the build fails (a wasm-bindgen change to look at, not to paper over).
shorten_imports() { # wasm, glue
node --input-type=module - "$1" "$2" <<'JS'
import fs from 'node:fs';
const [wasmPath, gluePath] = process.argv.slice(2);
const wasm = fs.readFileSync(wasmPath);
let glue = fs.readFileSync(gluePath, 'utf8');
let at = 8; // after the magic number and version
const leb = () => {
  let value = 0, shift = 0, byte;
  do { byte = wasm[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
  return value;
};
const encodeLeb = (n) => {
  const out = [];
  do { let byte = n % 128; n = Math.floor(n / 128); if (n) byte |= 0x80; out.push(byte); } while (n);
  return Buffer.from(out);
};
const name = () => { const n = leb(); const s = wasm.subarray(at, at + n).toString(); at += n; return s; };
const encodeName = (s) => { const b = Buffer.from(s); return Buffer.concat([encodeLeb(b.length), b]); };
const shortName = (i) => { // a … z, A … Z, then two letters: valid JS keys, never `__proto__`
  const abc = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return i < abc.length ? abc[i] : abc[Math.floor(i / abc.length) - 1] + abc[i % abc.length];
};
while (at < wasm.length) {
  const start = at, id = wasm[at++], size = leb(), body = at, end = at + size;
  if (id !== 2) { at = end; continue; }
  const count = leb();
  const entries = [];
  for (let i = 0; i < count; i++) {
    const module = name(), field = name(), descStart = at, kind = wasm[at++];
    if (kind === 0) leb(); // function: type index
    else if (kind === 1) { at++; const flags = wasm[at++]; leb(); if (flags & 1) leb(); } // table
    else if (kind === 2) { const flags = wasm[at++]; leb(); if (flags & 1) leb(); } // memory
    else if (kind === 3) at += 2; // global
    else if (kind === 4) { at++; leb(); } // tag
    else throw new Error(`unknown import kind ${kind}`);
    const fresh = shortName(i);
    const uses = glue.split(field).length - 1;
    if (uses !== 1) throw new Error(`import ${field} appears ${uses} times in the glue, not once`);
    glue = glue.replace(field, fresh);
    entries.push(Buffer.concat([encodeName(module), encodeName(fresh), wasm.subarray(descStart, at)]));
  }
  if (at !== end) throw new Error('import section not fully read');
  const section = Buffer.concat([encodeLeb(count), ...entries]);
  const out = Buffer.concat([wasm.subarray(0, start), Buffer.from([2]), encodeLeb(section.length), section, wasm.subarray(end)]);
  fs.writeFileSync(wasmPath, out);
  fs.writeFileSync(gluePath, glue);
  break;
}
JS
}

# The release build compiles std itself (`-Zbuild-std`), so that a panic is a bare trap
# (`-Cpanic=immediate-abort`): no panic messages, locations or core::fmt machinery in the
# download, ~13 KB gzip off the app. A panic was already fatal with panic=abort; only its console
# message goes. Both flags are unstable: RUSTC_BOOTSTRAP unlocks them for this build only, as
# scripts/setup.sh already does to build the Debian route's std. std's sources come from rustup's
# rust-src or Debian's rust-web-src (scripts/setup.sh installs the one the toolchain needs).
std_src="$(rustc --print sysroot)/lib/rustlib/src/rust/library/std"
if [ ! -d "$std_src" ]; then
    echo "build-widget: std's sources are missing ($std_src); run scripts/setup.sh" >&2
    exit 1
fi

for m in "${modules[@]}"; do
    read -r name dir profile <<<"$m"
    # wasm-pack's own wasm-opt step would try to download binaryen: we run npm's instead.
    RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
        wasm-pack --quiet build --target web --profile "$profile" --no-opt --no-pack --no-gitignore \
        --out-dir "$out" --out-name "$name" "$dir" -- -Zbuild-std=std,panic_abort
    # --converge repeats -Oz until it stops shrinking (~0.5 KB). Not -tnh / --ignore-implicit-traps:
    # they let wasm-opt assume a trap (a panic) never happens, which is not ours to promise.
    # --low-memory-unused (~0.5 KB) only promises that addresses below 1 KB are never accessed:
    # rustc puts the stack first, growing down from 1 MB to 0, and its data after it, so the low
    # 1 KB is only the last KB of a stack about to overflow anyway.
    "$wasm_opt" -Oz --converge --low-memory-unused --strip-debug --strip-producers \
        "$out/${name}_bg.wasm" -o "$out/${name}_bg.opt.wasm"
    mv "$out/${name}_bg.opt.wasm" "$out/${name}_bg.wasm"
    shorten_imports "$out/${name}_bg.wasm" "$out/${name}.js"
    # The glue as wasm-bindgen writes it is readable, with comments: minified it is ~1.5 KB gzip
    # less. esbuild keeps property names, so the import object's keys still match the wasm.
    node_modules/.bin/esbuild "$out/${name}.js" --minify --format=esm --log-level=warning \
        --outfile="$out/${name}.min.js"
    mv "$out/${name}.min.js" "$out/${name}.js"
    echo "build-widget: $(wc -c <"$out/${name}_bg.wasm") bytes of wasm in www/pkg/${name}_bg.wasm"
done
# Type declarations are for bundler users; the loader imports the glue directly.
rm -f "$out"/*.d.ts
# The loader and the widget's stylesheet are served from www/ minified (~1.2 KB gzip less than
# their commented sources in www/src/).
for f in loader.js widget.css; do
    node_modules/.bin/esbuild "www/src/$f" --minify --log-level=warning --outfile="www/$f"
done
echo "build-widget: www/loader.js and www/widget.css minified from www/src/"
