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

# The reader's download: two wasm modules + JS glue in www/pkg — the app (src/) and the rules
# engine (crates/didgah-engine-wasm), both built by one script from shared crates —, and the
# loader and stylesheet minified from www/src, optimised for size; rebuilt only when a source
# changed, so that a second `make run` starts in seconds.
WIDGET_SOURCES := $(shell find src crates/didgah-rules/src crates/didgah-rules/data \
		crates/didgah-js/src crates/didgah-engine-wasm/src -type f) \
	Cargo.toml Cargo.lock crates/didgah-rules/Cargo.toml crates/didgah-js/Cargo.toml \
	crates/didgah-engine-wasm/Cargo.toml scripts/build-widget.sh www/src/loader.js www/src/widget.css
WIDGET_OUTPUTS := www/pkg/didgah_widget_bg.wasm www/pkg/didgah_engine_bg.wasm www/loader.js www/widget.css
$(WIDGET_OUTPUTS) &: $(WIDGET_SOURCES)
	scripts/build-widget.sh

widget: setup $(WIDGET_OUTPUTS)

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
