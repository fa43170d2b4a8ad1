#!/usr/bin/env bash
# Lints the contract: `buf lint` (STANDARD rules, no exceptions; see proto/buf.yaml) and
# `buf format` (files must be formatted; fix with `tools/buf/node_modules/.bin/buf format -w proto`).
# The buf CLI comes from the npm package @bufbuild/buf, pinned in tools/buf/package-lock.json,
# and is installed with `npm ci --prefix tools/buf` when missing or not the pinned version.
set -euo pipefail
cd "$(dirname "$0")/.."

BUF="$PWD/tools/buf/node_modules/.bin/buf"
pinned="$(node -p 'require("./tools/buf/package-lock.json").packages["node_modules/@bufbuild/buf"].version')"

if [ ! -x "$BUF" ] || [ "$("$BUF" --version 2>/dev/null)" != "$pinned" ]; then
    echo "lint-proto.sh: installing buf $pinned (npm ci --prefix tools/buf)" >&2
    npm ci --prefix tools/buf --no-audit --no-fund >&2
fi

cd proto
"$BUF" lint
"$BUF" format --diff --exit-code
echo "lint-proto.sh: buf $pinned lint and format clean."
