# The README's two commands: `make run` (the demo article, the queue server on SQLite and the
# moderator dashboard) and `make test` (every test). Both install what is missing first.
.PHONY: run test setup setup-test widget server sizes bench lint

run: setup widget server
	DIDGAH_CONFIG=$${DIDGAH_CONFIG:-demo/didgah.toml} ./target/release/didgah serve

test: setup-test
	scripts/test.sh

setup:
	scripts/setup.sh

setup-test:
	scripts/setup.sh --test

# The reader's download: wasm app + JS glue in www/pkg, optimised for size; rebuilt only when a
# source changed, so that a second `make run` starts in seconds.
WIDGET_SOURCES := $(shell find src crates/didgah-rules/src crates/didgah-rules/data -type f) \
	Cargo.toml Cargo.lock crates/didgah-rules/Cargo.toml scripts/build-widget.sh
www/pkg/didgah_widget_bg.wasm: $(WIDGET_SOURCES)
	scripts/build-widget.sh

widget: setup www/pkg/didgah_widget_bg.wasm

server:
	cargo build --release -p didgah-cli

# Sizes of what a reader downloads, checked against www/size-budget.json.
sizes: widget
	scripts/sizes.sh

# Benchmarks: engine (criterion), widget in Chromium, server load.
bench: setup-test widget server
	scripts/bench.sh

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
