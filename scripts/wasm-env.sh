# Sourced by the scripts that build for wasm32: selects a toolchain that has the wasm32 std —
# rustup's default one when `rustup target add` worked, otherwise `debian-web` (Debian's rustc-web
# with the std scripts/setup.sh built for it), or that one whenever DIDGAH_WASM_STD=debian.
if rustup toolchain list 2>/dev/null | grep -q '^debian-web' && { [ "${DIDGAH_WASM_STD:-}" = debian ] \
    || ! compgen -G "$(rustc --print target-libdir --target wasm32-unknown-unknown 2>/dev/null)/libstd-*.rlib" >/dev/null; }; then
    export RUSTUP_TOOLCHAIN=debian-web
fi
