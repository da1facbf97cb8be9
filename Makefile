# Homegroup: `make run` opens the app, `make test` runs every test. Both install what they need first.
SHELL := /bin/bash
CARGO ?= cargo
export PATH := $(HOME)/.cargo/bin:$(PATH)

.PHONY: run test deps deps-test ui build check lint test-core test-ui test-e2e bindings clean package bundle-debug \
	test-package bench fuzz fuzz-smoke fuzz-minimise

run: deps ui
	$(CARGO) build -p homegroup
	$${CARGO_TARGET_DIR:-target}/debug/homegroup

test: deps-test ui lint test-core test-ui test-e2e test-package fuzz-smoke
	@echo "All tests passed."

deps:
	@scripts/install-deps.sh run

deps-test:
	@scripts/install-deps.sh test

# The shell embeds ui/dist (tauri::generate_context! needs it), so every cargo step of the shell comes after this.
ui:
	cd ui && npm run build --silent

build: ui
	$(CARGO) build -p homegroup

lint: ui
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	cd ui && npm run check

test-core: ui
	$(CARGO) test

test-ui:
	cd ui && npm test

# The real app under Xvfb through tauri-driver, inside a private D-Bus session (single instance,
# notifications and the tray need one).
test-e2e: build
	dbus-run-session -- $(CARGO) test -p homegroup-e2e -- --test-threads=1

# Packages, made by the Tauri CLI from npm (ui/node_modules), run from the folder that holds src-tauri.
# AppImage is never a target: it downloads tools at build time and fails offline.
TAURI := ui/node_modules/.bin/tauri

# The release .deb and .rpm (about 5 minutes here), in target/release/bundle/{deb,rpm}/.
package: deps ui
	$(TAURI) build --bundles deb,rpm
	@ls -l $${CARGO_TARGET_DIR:-target}/release/bundle/deb/*.deb $${CARGO_TARGET_DIR:-target}/release/bundle/rpm/*.rpm

# A debug .deb for the package test (it reuses the debug build, so it is quick after `make build`).
bundle-debug: deps ui
	$(TAURI) build --debug --bundles deb

# Unpacks the debug .deb into a throwaway root and checks its files, desktop entry, dependencies and CLI.
test-package: bundle-debug
	scripts/test-package.sh

# Every benchmark in one table (also written to target/bench/report.md): start-up and memory beside a
# bare Tauri app, sizes, the core's criterion benches, idle CPU. Figures only; nothing fails on a timing.
# Both apps run inside a D-Bus session, as on a desktop: without one, every D-Bus client in Homegroup
# (single instance, notifications, the tray) would first try to start a bus of its own. The bus
# starts no services on demand (tests/bench/session-bus.conf says why).
# The packages come first: `make package` builds the app without its test hooks, which the bench's
# own build then adds back. The bare app is packaged with Homegroup's bundle settings under its own
# name (tests/bench/bare-bundle.json), so the two packages differ only by the app in them.
bench: deps-test ui package
	$(CARGO) build --release -p homegroup --features test-hooks --bin homegroup --example bare
	cp $${CARGO_TARGET_DIR:-target}/release/examples/bare $${CARGO_TARGET_DIR:-target}/release/bare
	$(TAURI) bundle --bundles deb,rpm --config $(CURDIR)/tests/bench/bare-bundle.json
	$(CARGO) build -p homegroup-e2e --bin measure-idle --bin bench-report
	$(CARGO) bench -p homegroup-core --features generators
	dbus-run-session --config-file=tests/bench/session-bus.conf -- $(CARGO) run -q -p homegroup-e2e --bin bench-report

# Fuzz each importer and the backup reader for FUZZ_SECONDS each (cargo-fuzz on stable through
# RUSTC_BOOTSTRAP). The committed corpus (fuzz/corpus) and the test fixtures are read as seeds and
# replay as regression inputs at every run, so a fixed crash stays fixed; what a run finds goes to a
# temporary folder, so `make test` leaves the work tree clean. `make fuzz-minimise` folds new
# findings into the committed corpus, on purpose.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS := meeting_guide bmlt backup vcard
fuzz:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	cd fuzz && for t in $(FUZZ_TARGETS); do \
		found=$$(mktemp -d -t homegroup-fuzz-$$t-XXXXXX); \
		case $$t in meeting_guide) seeds="../tests/fixtures/meeting-guide ../tests/fixtures/hostile";; \
			bmlt) seeds=../tests/fixtures/bmlt;; vcard) seeds=../tests/fixtures/vcard;; *) seeds=;; esac; \
		RUSTC_BOOTSTRAP=1 cargo fuzz run $$t $$found corpus/$$t $$seeds -- -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 || exit 1; \
		rm -rf $$found; \
	done

# A short run of every fuzz target (part of make test): catches a regression on the committed corpus.
fuzz-smoke:
	$(MAKE) fuzz FUZZ_SECONDS=15

# Minimises each committed corpus to the inputs that add coverage, no larger than 16 KB each (copy
# what a long `make fuzz` found into fuzz/corpus/<target> first); commit the result.
fuzz-minimise:
	cd fuzz && for t in $(FUZZ_TARGETS); do \
		RUSTC_BOOTSTRAP=1 cargo fuzz cmin $$t corpus/$$t -- -max_len=16384 || exit 1; \
	done

# Rewrites ui/src/lib/bindings from the Rust types.
bindings:
	UPDATE_BINDINGS=1 $(CARGO) test -p homegroup-core bindings

clean:
	$(CARGO) clean
	rm -rf ui/dist ui/node_modules
