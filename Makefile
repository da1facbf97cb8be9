# Homegroup: `make run` opens the app, `make test` runs every test. Both install what they need first.
SHELL := /bin/bash
CARGO ?= cargo
export PATH := $(HOME)/.cargo/bin:$(PATH)

.PHONY: run test deps deps-test ui build check lint test-core test-ui test-e2e bindings clean

run: deps ui
	$(CARGO) build -p homegroup
	$${CARGO_TARGET_DIR:-target}/debug/homegroup

test: deps-test ui lint test-core test-ui test-e2e
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

# Rewrites ui/src/lib/bindings from the Rust types.
bindings:
	UPDATE_BINDINGS=1 $(CARGO) test -p homegroup-core bindings

clean:
	$(CARGO) clean
	rm -rf ui/dist ui/node_modules
