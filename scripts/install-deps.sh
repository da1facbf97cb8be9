#!/usr/bin/env bash
# Installs what Homegroup needs on a Debian or Ubuntu machine, and says what it installs.
#   scripts/install-deps.sh run    build and run the app
#   scripts/install-deps.sh test   also run every test (Xvfb, WebDriver, a notification server)
set -euo pipefail
purpose=${1:-run}

build_packages=(libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev libssl-dev
  build-essential pkg-config file libxdo-dev)
test_packages=(xvfb xauth dbus-x11 webkit2gtk-driver dunst desktop-file-utils strace)

packages=("${build_packages[@]}")
[ "$purpose" = test ] && packages+=("${test_packages[@]}")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

command -v node >/dev/null || { echo "Node.js 20 or newer is needed to build the UI: install it first." >&2; exit 1; }
command -v cargo >/dev/null || { echo "Rust (cargo) is needed: install it with rustup first." >&2; exit 1; }

if [ "$purpose" = test ] && ! command -v tauri-driver >/dev/null && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "Installing tauri-driver (cargo install tauri-driver --locked)"
  cargo install tauri-driver --locked --quiet
fi

# The UI's npm packages, exactly as locked. Not `npm ci`: the message compiler's SQLite package
# lists native builds for other platforms that the registry we use does not hold, so npm cannot
# write them into the lock and `npm ci` refuses it. `npm install` skips those optional packages;
# the check after it proves the lock was followed, not rewritten.
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "Installing the UI's npm packages (npm install, lock unchanged)"
  cp ui/package-lock.json ui/package-lock.json.before
  (cd ui && npm install --no-audit --no-fund --loglevel=error)
  if ! cmp -s ui/package-lock.json ui/package-lock.json.before; then
    mv ui/package-lock.json.before ui/package-lock.json
    echo "npm install changed ui/package-lock.json: run it yourself and commit the lock" >&2
    exit 1
  fi
  rm ui/package-lock.json.before
fi
