#!/usr/bin/env bash
# Runs the end-to-end suites of the Go, TypeScript and Java clients, each against a real server
# that the suite starts itself (.venv/bin/rewards-core, built by `make build`).
#
# Every suite runs even when an earlier one failed; the script exits 1 if any failed. A language
# whose toolchain is missing is skipped with a message naming the tool and the README section
# that lists the prerequisites, except under CI=true, where a missing toolchain is a failure
# (CI runs all three).
set -uo pipefail
cd "$(dirname "$0")/.."

failed=()
skipped=()
passed=()
PREREQS='README.md, "Quick start" > "Prerequisites"'

have() { command -v "$1" >/dev/null 2>&1; }

run() {  # run <name> <tools...> -- <command...>
    local name=$1; shift
    local tools=()
    while [ "$1" != "--" ]; do tools+=("$1"); shift; done
    shift
    for tool in "${tools[@]}"; do
        if ! have "$tool"; then
            if [ "${CI:-}" = "true" ]; then
                echo "test-clients: $name: '$tool' not found on PATH (install it: $PREREQS), and CI=true needs every client suite" >&2
                failed+=("$name"); return
            fi
            echo "test-clients: SKIPPED $name: '$tool' not found on PATH (install it: $PREREQS)"
            skipped+=("$name"); return
        fi
    done
    echo "=== client tests: $name ==="
    local started=$SECONDS
    if "$@"; then
        passed+=("$name")
        echo "test-clients: $name passed ($((SECONDS - started)) s)"
    else
        failed+=("$name")
        echo "test-clients: $name FAILED ($((SECONDS - started)) s); the other suites still run" >&2
    fi
}

run go go -- bash -c 'cd clients/go && go test -count=1 ./...'
run typescript node npm -- bash -c 'cd clients/typescript && npm ci --no-audit --no-fund --loglevel=error && npm test'
run java java mvn -- bash -c 'cd clients/java && mvn -q -B test'

[ ${#passed[@]} -eq 0 ] || echo "test-clients: passed: ${passed[*]}"
[ ${#skipped[@]} -eq 0 ] || echo "test-clients: skipped (missing toolchain): ${skipped[*]}"
if [ ${#failed[@]} -ne 0 ]; then
    echo "test-clients: FAILED: ${failed[*]}" >&2
    exit 1
fi
if [ ${#skipped[@]} -eq 0 ]; then
    echo "test-clients: all client suites passed"
else
    echo "test-clients: the client suites that ran passed"
fi
