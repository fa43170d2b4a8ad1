#!/usr/bin/env bash
# CI guard: regenerates all code (scripts/generate.sh) and fails if any generated tree differs
# from what git has, i.e. someone changed a .proto without regenerating, or edited generated
# code by hand. Fix: run `make generate` and commit the result.
#
# Environment: PYTHON as for scripts/generate.sh, which also needs Go, Node.js + npm and
# Java + Maven (it installs the pinned generators itself).
set -euo pipefail
cd "$(dirname "$0")/.."

# Every tree scripts/generate.sh writes (keep in sync with its header).
GENERATED=(
    clients/python/src/rewards
    clients/go/rewards
    clients/typescript/src/gen
    clients/java/src/main/generated
)

bash scripts/generate.sh

# --no-optional-locks: read-only, never touches the index. --untracked-files=all lists new files
# one by one, so a new proto's output shows up too.
changes="$(git --no-optional-locks status --porcelain --untracked-files=all -- "${GENERATED[@]}")"
if [ -n "$changes" ]; then
    echo "check-generated.sh: generated code is out of date with proto/:" >&2
    echo "$changes" >&2
    echo "Run 'make generate' (or PYTHON=... bash scripts/generate.sh) and commit the result." >&2
    exit 1
fi
echo "check-generated.sh: ${GENERATED[*]} are up to date."
