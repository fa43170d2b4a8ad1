#!/usr/bin/env bash
# Compiles the Go, TypeScript and Java clients as committed (it does not regenerate: run
# scripts/generate.sh first after changing proto/, and scripts/check-generated.sh to check that
# the committed code is current). Fails on the first error.
#   Go          clients/go: go.mod/go.sum tidy (go mod tidy -diff), go build ./..., go vet ./...
#   TypeScript  clients/typescript: npm ci when the lock changed, tsc --noEmit (strict)
#   Java        clients/java: mvn compile (Java 17)
# Needs the same toolchains as generate.sh (Go, Node.js + npm, Java + Maven) and, on a cold cache,
# downloads the clients' pinned dependencies from the Go module proxy, npm and Maven Central.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C
# shellcheck source=lib/codegen-tools.sh
source scripts/lib/codegen-tools.sh

require_commands Go go
require_commands Node.js node npm
require_commands Java java mvn

echo "=== build-clients.sh: Go (clients/go) ==="
(
    cd clients/go
    go mod tidy -diff
    go build ./...
    go vet ./...
)

echo "=== build-clients.sh: TypeScript (clients/typescript) ==="
ensure_ts_deps
(
    cd clients/typescript
    node_modules/.bin/tsc -p . --noEmit
)

echo "=== build-clients.sh: Java (clients/java) ==="
mvn -B -q -f clients/java/pom.xml compile

echo "build-clients.sh: Go, TypeScript and Java clients compile."
