#!/usr/bin/env bash
# Installs whatever building and testing didgah needs on a fresh Debian machine, and nothing that is
# already there: a second run takes seconds. Called by `make run` (build tools) and `make test`
# (`--test`: also Chromium, ChromeDriver and the npm test packages).
#
# The wasm32 standard library comes from rustup when it can be downloaded, and otherwise is built
# from Debian's `rust-web-src` with Debian's `rustc-web` (see docs/TOOLCHAIN.md for why and how).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
want_test_tools=false
[ "${1:-}" = "--test" ] && want_test_tools=true

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=false
apt_install() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null || die "missing ${missing[*]} and no apt-get to install them; install them by hand"
    if ! $apt_updated; then
        say "apt-get update"
        sudo_if_needed apt-get update -qq
        apt_updated=true
    fi
    say "installing ${missing[*]} (Debian packages)"
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# --- Rust ----------------------------------------------------------------------------------------
export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo >/dev/null || die "no cargo on PATH: install Rust (rustup or Debian's cargo) first"

has_wasm_std() {
    local dir
    dir=$(rustc --print target-libdir --target wasm32-unknown-unknown 2>/dev/null) || return 1
    compgen -G "$dir/libstd-*.rlib" >/dev/null
}

# The release widget rebuilds std from its sources (scripts/build-widget.sh says why).
has_std_src() { [ -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library/std" ]; }

# Builds the wasm32 std with Debian's rustc-web and installs it into /usr's sysroot; records the
# compiler version beside it, since rlibs only load in the exact compiler that built them.
build_debian_wasm_std() {
    apt_install rustc-web cargo-web rust-web-src lld-19
    local libdir=/usr/lib/rustlib/wasm32-unknown-unknown/lib
    local version
    version=$(/usr/bin/rustc -vV)
    if [ -f "$libdir/.didgah-rustc-version" ] && [ "$(cat "$libdir/.didgah-rustc-version")" = "$version" ]; then
        return 0
    fi
    say "building the wasm32 std with Debian's rustc-web (about a minute)"
    local work
    work=$(mktemp -d)
    mkdir -p "$work/src"
    cat >"$work/Cargo.toml" <<'EOF'
[package]
name = "wasm-std-builder"
version = "0.0.0"
edition = "2021"
[lib]
path = "src/lib.rs"
[profile.release]
panic = "abort"
EOF
    echo '#![no_std]' >"$work/src/lib.rs"
    (cd "$work" && RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 RUSTFLAGS=-Cembed-bitcode=yes \
        /usr/bin/cargo build -q --release --target wasm32-unknown-unknown \
        -Zbuild-std=std,panic_abort,test)
    sudo_if_needed mkdir -p "$libdir"
    for f in "$work"/target/wasm32-unknown-unknown/release/deps/lib*.{rlib,rmeta}; do
        case "$(basename "$f")" in libwasm_std_builder*) continue ;; esac
        sudo_if_needed cp "$f" "$libdir/"
    done
    echo "$version" | sudo_if_needed tee "$libdir/.didgah-rustc-version" >/dev/null
    # rustc-web ships no rust-lld; LLVM's lld speaks the wasm flavour rustc asks for.
    sudo_if_needed mkdir -p /usr/lib/rustlib/x86_64-unknown-linux-gnu/bin
    sudo_if_needed ln -sf /usr/lib/llvm-19/bin/lld /usr/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld
    rm -rf "$work"
}

use_debian_route() {
    build_debian_wasm_std
    command -v rustup >/dev/null || die "the Debian route needs rustup to select the toolchain"
    # Only the wasm builds use it (scripts/wasm-env.sh picks it); native builds keep the default
    # toolchain, which has clippy and rustfmt.
    rustup toolchain link debian-web /usr >/dev/null
    (. "$repo/scripts/wasm-env.sh" && has_wasm_std && has_std_src) || die "the wasm32 std or its sources are still missing after the Debian route"
}

# DIDGAH_WASM_STD=debian takes the Debian route even where rustup works (to test it).
if [ "${DIDGAH_WASM_STD:-}" = debian ] || rustup toolchain list 2>/dev/null | grep -q '^debian-web'; then
    use_debian_route # quick when done before: it only checks the std matches the compiler
elif ! has_wasm_std || ! has_std_src; then
    say "no wasm32 std or std sources for $(rustc -V); trying rustup"
    if command -v rustup >/dev/null && timeout 150 rustup target add wasm32-unknown-unknown && has_wasm_std \
        && timeout 150 rustup component add rust-src && has_std_src; then
        say "wasm32 std and std sources installed with rustup"
    else
        say "rustup could not provide them; using Debian's rustc-web and rust-web-src instead"
        use_debian_route
    fi
fi

# --- wasm-bindgen, wasm-pack ---------------------------------------------------------------------
lock_version() {
    awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' "$repo/Cargo.lock"
}
[ -f "$repo/Cargo.lock" ] || (cd "$repo" && cargo generate-lockfile)
bindgen_version=$(lock_version wasm-bindgen)
[ -n "$bindgen_version" ] || die "wasm-bindgen is not in Cargo.lock"

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
    say "installing wasm-bindgen-cli $bindgen_version (about 3 minutes, once)"
    # No --locked: its lock file pins a crate version the registry no longer serves.
    cargo install -q wasm-bindgen-cli --version "=$bindgen_version" --force
fi
wasm_pack_version=0.15.1
if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "$wasm_pack_version" ]; then
    say "installing wasm-pack $wasm_pack_version (about 3 minutes, once)"
    cargo install -q wasm-pack --version "=$wasm_pack_version" --force
fi

# --- Node packages (wasm-opt from binaryen; Playwright and axe for tests) ------------------------
if ! command -v npm >/dev/null; then
    apt_install nodejs npm
fi
if [ ! -d "$repo/node_modules" ] || [ "$repo/package-lock.json" -nt "$repo/node_modules/.package-lock.json" ]; then
    say "installing npm packages"
    (cd "$repo" && npm ci --no-audit --no-fund --loglevel=error)
fi

# --- Test tools ----------------------------------------------------------------------------------
if $want_test_tools; then
    apt_install chromium chromium-driver
    # The story tests need PostgreSQL; start the machine's cluster if it is installed but stopped.
    if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
        if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
            say "starting the local PostgreSQL cluster"
            sudo_if_needed pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
        fi
    fi
fi
say "ready"
