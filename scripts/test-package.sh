#!/usr/bin/env bash
# Checks the Debian package `make bundle-debug` built (or the one given as $1): unpacks it into a
# throwaway root with `dpkg -x`, then checks its control fields, files, desktop entry and icons, and
# runs the unpacked binary's command line. Nothing is installed on this machine.
#   scripts/test-package.sh [path/to/Homegroup_0.1.0_amd64.deb]
set -euo pipefail
deb=${1:+$(realpath "$1")}
cd "$(dirname "$0")/.."

failures=0
pass() { echo "  ok    $*"; }
fail() {
  echo "  FAIL  $*"
  failures=$((failures + 1))
}
need() { # need PROGRAM DEBIAN-PACKAGE
  command -v "$1" >/dev/null || {
    echo "test-package: \`$1\` is missing: install the Debian package $2 (\`make test\` installs it)" >&2
    exit 1
  }
}
need dpkg-deb dpkg
need desktop-file-validate desktop-file-utils
need file file

# The version every part must agree on: the one Tauri stamps on the package.
version=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' src-tauri/tauri.conf.json)
[ -n "$version" ] || { echo "test-package: no version in src-tauri/tauri.conf.json" >&2; exit 1; }

if [ -z "$deb" ]; then
  bundle_dir=${CARGO_TARGET_DIR:-target}/debug/bundle/deb
  deb=$(ls -t "$bundle_dir"/*_"$version"_*.deb 2>/dev/null | head -n 1 || true)
  [ -n "$deb" ] || { echo "test-package: no .deb for version $version in $bundle_dir: run \`make bundle-debug\` first" >&2; exit 1; }
fi
echo "Checking $deb ($(du -h "$deb" | cut -f1))"

root=$(mktemp -d -t homegroup-deb-XXXXXX)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root/fs"

# Control fields (dpkg -I).
field() { dpkg-deb -f "$deb" "$1"; }
dpkg-deb -I "$deb" >"$root/info" || fail "dpkg -I cannot read the package"
[ "$(field Package)" = homegroup ] && pass "Package: homegroup" || fail "Package is '$(field Package)', not homegroup"
[ "$(field Version)" = "$version" ] && pass "Version: $version" || fail "Version is '$(field Version)', not $version"
[ -n "$(field Description)" ] && pass "Description is set" || fail "no Description"
[ -n "$(field Maintainer)" ] && pass "Maintainer: $(field Maintainer)" || fail "no Maintainer"
depends=$(field Depends)
for dep in libwebkit2gtk-4.1-0 libgtk-3-0 libayatana-appindicator3-1 libssl3; do
  # A whole package name in the comma- and bar-separated list.
  if tr ',|' '\n\n' <<<"$depends" | sed 's/(.*)//; s/ //g' | grep -qx "$dep"; then
    pass "Depends lists $dep"
  else
    fail "Depends does not list $dep: $depends"
  fi
done

# Installable here: every Depends clause has one of its packages installed (names only).
unmet=()
IFS=',' read -ra clauses <<<"$depends"
for clause in "${clauses[@]}"; do
  met=""
  IFS='|' read -ra alternatives <<<"$clause"
  for alternative in "${alternatives[@]}"; do
    name=$(sed 's/(.*)//; s/ //g' <<<"$alternative")
    dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q "install ok installed" && met=yes
  done
  [ -n "$met" ] || unmet+=("$(sed 's/^ *//; s/ *$//' <<<"$clause")")
done
[ ${#unmet[@]} -eq 0 ] && pass "every dependency is installed here" || fail "dependencies not installed here: ${unmet[*]}"

# The binary, and that every library it links is found here.
bin=$root/fs/usr/bin/homegroup
if [ -x "$bin" ]; then
  pass "usr/bin/homegroup is an executable"
  missing_libs=$(ldd "$bin" 2>&1 | grep "not found" || true)
  [ -z "$missing_libs" ] && pass "ldd finds every library it links" || fail "libraries not found: $missing_libs"
else
  fail "usr/bin/homegroup is missing or not executable"
fi

# The desktop entry.
mapfile -t entries < <(find "$root/fs/usr/share/applications" -name '*.desktop' 2>/dev/null)
if [ ${#entries[@]} -ne 1 ]; then
  fail "expected one desktop entry in usr/share/applications, found ${#entries[@]}"
else
  entry=${entries[0]}
  if out=$(desktop-file-validate "$entry" 2>&1) && [ -z "$out" ]; then
    pass "desktop-file-validate accepts ${entry#"$root/fs/"}"
  else
    fail "desktop-file-validate on ${entry#"$root/fs/"}: ${out:-failed}"
  fi
  key() { sed -n "s/^$1=//p" "$entry" | head -n 1; }
  for k in Name Comment Categories Icon Exec; do
    [ -n "$(key "$k")" ] && pass "$k=$(key "$k")" || fail "the desktop entry has no $k"
  done
  [ "$(key Name)" = Homegroup ] || fail "Name is '$(key Name)', not Homegroup"
  [ "$(key Type)" = Application ] || fail "Type is '$(key Type)', not Application"
  # Tauri maps the bundle category to freedesktop categories ("Lifestyle" would become Education).
  [[ ";$(key Categories)" == *";Utility;"* ]] || fail "Categories=$(key Categories) does not include Utility"
  exec_bin=$(key Exec | cut -d' ' -f1)
  [ -x "$root/fs/usr/bin/${exec_bin##*/}" ] && pass "Exec runs a binary the package installs" \
    || fail "Exec=$(key Exec) names no binary in usr/bin"
  icon=$(key Icon)
fi

# Icons in the hicolor theme, under the desktop entry's Icon name, as RGBA PNG of their folder's size.
icon=${icon:-homegroup}
for size in 32x32 64x64 128x128 256x256 512x512; do
  png=$root/fs/usr/share/icons/hicolor/$size/apps/$icon.png
  if [ ! -f "$png" ]; then
    fail "no icon usr/share/icons/hicolor/$size/apps/$icon.png"
  elif file "$png" | grep -q "PNG image data, ${size/x/ x }, 8-bit/color RGBA"; then
    pass "icon $size RGBA PNG"
  else
    fail "icon $size is $(file -b "$png")"
  fi
done

# The licence and the notices the shipped reference data asks for, in the documentation folder.
for pair in LICENSE:LICENSE NOTICE.md:assets/reference/NOTICE.md; do
  doc=${pair%%:*} source=${pair#*:}
  if cmp -s "$root/fs/usr/share/doc/homegroup/$doc" "$source"; then
    pass "usr/share/doc/homegroup/$doc is the repository's $source"
  else
    fail "usr/share/doc/homegroup/$doc is missing or differs from $source"
  fi
done

# The unpacked binary's command line: no display, a data folder of its own.
if [ -x "$bin" ]; then
  if out=$(env -u DISPLAY -u WAYLAND_DISPLAY HOMEGROUP_DATA_DIR="$root/data" "$bin" --version </dev/null 2>&1); then
    [ "$out" = "homegroup $version" ] && pass "homegroup --version prints '$out'" \
      || fail "homegroup --version prints '$out', not 'homegroup $version'"
  else
    fail "homegroup --version exits with $?: $out"
  fi
  if out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$bin" --data-dir "$root/data" meetings --json </dev/null 2>&1) \
    && [ "$out" = "[]" ]; then
    pass "homegroup meetings --json opens a new data folder and prints []"
  else
    fail "homegroup meetings --json on a new data folder: $out"
  fi
fi

if [ "$failures" -gt 0 ]; then
  echo "test-package: $failures check(s) failed for $deb" >&2
  exit 1
fi
echo "test-package: all checks passed"
