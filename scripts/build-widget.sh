#!/usr/bin/env bash
# Builds what a reader downloads: www/pkg/didgah_widget.js (wasm-bindgen glue) and
# www/pkg/didgah_widget_bg.wasm, with the size-tuned `widget` profile (opt-level z, LTO,
# one codegen unit, panic=abort), then shrinks the wasm with npm binaryen's wasm-opt -Oz.
# Usage: scripts/build-widget.sh            (release, the default)
#        scripts/build-widget.sh --dev      (fast debug build, no wasm-opt)
set -euo pipefail
cd "$(dirname "$0")/.."

out=www/pkg
mode=${1:---release}

export PATH="$HOME/.cargo/bin:$PATH"
# Pick the toolchain that has the wasm32 std (rustup's, or Debian's set up by scripts/setup.sh).
# shellcheck source=scripts/wasm-env.sh
[ -f scripts/wasm-env.sh ] && . scripts/wasm-env.sh

command -v wasm-pack >/dev/null || { echo "build-widget: wasm-pack not found (cargo install wasm-pack --version =0.15.1)" >&2; exit 1; }

if [ "$mode" = "--dev" ]; then
    wasm-pack --quiet build --target web --dev --no-pack --no-gitignore \
        --out-dir "$out" --out-name didgah_widget .
    exit 0
fi

# wasm-pack's own wasm-opt step would try to download binaryen: we run npm's instead.
wasm-pack --quiet build --target web --profile widget --no-opt --no-pack --no-gitignore \
    --out-dir "$out" --out-name didgah_widget .

wasm_opt=node_modules/.bin/wasm-opt
if [ ! -x "$wasm_opt" ]; then
    npm install --no-audit --no-fund --silent
fi
"$wasm_opt" -Oz --strip-debug --strip-producers \
    "$out/didgah_widget_bg.wasm" -o "$out/didgah_widget_bg.opt.wasm"
mv "$out/didgah_widget_bg.opt.wasm" "$out/didgah_widget_bg.wasm"
# Type declarations are for bundler users; the loader imports the glue directly.
rm -f "$out"/*.d.ts
echo "build-widget: $(wc -c <"$out/didgah_widget_bg.wasm") bytes of wasm in $out/"
