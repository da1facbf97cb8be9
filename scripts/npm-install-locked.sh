#!/usr/bin/env bash
# The UI's npm packages as ui/package-lock.json locks them, for the release workflow.
#
# Not `npm ci`: the lock was written with a registry that lacks the native builds the message
# compiler's @lix-js/sdk lists as optional for other platforms (darwin-arm64, linux-arm64,
# win32-x64), so the lock holds only linux-x64's and `npm ci` refuses it as out of sync. On
# npmjs.org (GitHub's runners) `npm ci` might accept it; nobody has tried. `npm install` follows
# the lock; `git diff --exit-code` then proves it did not rewrite it. On Windows and macOS it may
# add that platform's optional native build to the lock: that, and only that, is accepted.
set -euo pipefail
cd "$(dirname "$0")/.."
before="$(mktemp)"
cp ui/package-lock.json "$before"
(cd ui && npm install --no-audit --no-fund --loglevel=error)
if git diff --exit-code --stat ui/package-lock.json; then
  exit 0
fi
python="$(command -v python3 || command -v python)"
"$python" - "$before" ui/package-lock.json <<'EOF'
import json, sys
before, after = (json.load(open(path, encoding="utf-8")) for path in sys.argv[1:3])
added = {k: v for k, v in after.get("packages", {}).items() if k not in before.get("packages", {})}
extra = sorted(k for k, v in added.items() if not v.get("optional"))
# An added optional package is already named in its parent's optionalDependencies, so with it
# taken out nothing else may differ.
for package in added:
    del after["packages"][package]
if extra or before != after:
    sys.exit(f"npm install changed ui/package-lock.json beyond optional native builds: {extra or 'see the diff'}")
print("npm install added only optional native builds for this platform:", ", ".join(sorted(added)))
EOF
