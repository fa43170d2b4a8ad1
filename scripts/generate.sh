#!/usr/bin/env bash
# Regenerates ALL generated code from the contract in proto/. This is the one generation
# entry point: `make generate` runs it, and scripts/check-generated.sh (CI) runs it and fails if
# the result differs from what is committed. Never edit generated files by hand.
#
# Deterministic: each output tree is deleted first (so removed protos vanish), inputs are passed
# in a fixed order, and every generator is pinned, so two runs give byte-identical files.
#
# Outputs (all committed; scripts/check-generated.sh lists the same trees):
#   Python      clients/python/src/rewards       grpcio-tools (protoc) from $PYTHON
#   Go          clients/go/rewards               protoc-gen-go + protoc-gen-go-grpc via buf
#   TypeScript  clients/typescript/src/gen       ts-proto via buf
#   Java        clients/java/src/main/generated  protoc (java) + protoc-gen-grpc-java via buf
# Go, TypeScript and Java are driven by `buf generate` (buf's own compiler; templates
# clients/<lang>/buf.gen.yaml). Their generators are installed on first use into gitignored
# folders (tools/bin, tools/buf/node_modules, clients/typescript/node_modules) from npm, the Go
# module proxy and Maven Central, pinned to exact versions; see scripts/lib/codegen-tools.sh.
# Later runs only check the installed versions.
#
# Toolchains: Go, Node.js + npm, and Java + Maven must all be on PATH. If one is missing the
# script fails before deleting or generating anything, on purpose: skipping a language would let
# check-generated.sh pass while that language's code is stale.
#
# Environment:
#   PYTHON   interpreter with grpcio-tools installed (default: python3)
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C
# shellcheck source=lib/codegen-tools.sh
source scripts/lib/codegen-tools.sh

PYTHON="${PYTHON:-python3}"
PROTO_ROOT="proto"
# Must match the pin in pyproject.toml ([project.optional-dependencies] dev): another protoc
# version generates different bytes.
GRPCIO_TOOLS_VERSION="1.85.1"

# Every .proto of the contract, relative to the module root, in a fixed order.
mapfile -t PROTOS < <(cd "$PROTO_ROOT" && find rewards -type f -name '*.proto' | sort)
if [ "${#PROTOS[@]}" -eq 0 ]; then
    echo "generate.sh: no .proto files under $PROTO_ROOT/rewards" >&2
    exit 1
fi

# ---------------------------------------------------------------------------------------------
# Toolchains and generators for Go, TypeScript and Java: all checked (and installed when missing)
# before any output tree is touched.
# ---------------------------------------------------------------------------------------------
require_commands Go go
require_commands Node.js node npm
require_commands Java java mvn
ensure_buf
ensure_go_plugins
ensure_ts_deps
ensure_java_plugins

# ---------------------------------------------------------------------------------------------
# Python: clients/python/src/rewards/<context>/v1/*_pb2.py, *_pb2.pyi, *_pb2_grpc.py
# (importable as `rewards.accounts.v1.account_service_pb2`). google/protobuf/*.proto come from
# the grpcio-tools bundle; google.rpc (Status, ErrorInfo) comes from the runtime package
# googleapis-common-protos and is not generated here.
# ---------------------------------------------------------------------------------------------
PYTHON_OUT="clients/python/src"
PYTHON_PACKAGE="$PYTHON_OUT/rewards"

installed="$("$PYTHON" -c 'from importlib.metadata import version; print(version("grpcio-tools"))' 2>/dev/null || true)"
if [ "$installed" != "$GRPCIO_TOOLS_VERSION" ]; then
    echo "generate.sh: need grpcio-tools==$GRPCIO_TOOLS_VERSION in $PYTHON, found '${installed:-none}'." >&2
    echo "  Install it (pip install grpcio-tools==$GRPCIO_TOOLS_VERSION) or set PYTHON to a venv that has it (e.g. .venv/bin/python)." >&2
    exit 1
fi
well_known_include="$("$PYTHON" -c 'import grpc_tools, os; print(os.path.join(os.path.dirname(grpc_tools.__file__), "_proto"))')"

rm -rf "$PYTHON_PACKAGE"
mkdir -p "$PYTHON_OUT"
"$PYTHON" -m grpc_tools.protoc \
    -I "$PROTO_ROOT" \
    -I "$well_known_include" \
    --python_out="$PYTHON_OUT" \
    --pyi_out="$PYTHON_OUT" \
    --grpc_python_out="$PYTHON_OUT" \
    "${PROTOS[@]}"

# Regular packages all the way down: an empty __init__.py in every generated folder, and the
# PEP 561 marker so type checkers read the generated .pyi stubs.
find "$PYTHON_PACKAGE" -type d | sort | while read -r package; do
    : > "$package/__init__.py"
done
: > "$PYTHON_PACKAGE/py.typed"

# ---------------------------------------------------------------------------------------------
# Go, TypeScript, Java: `buf generate proto --template clients/<lang>/buf.gen.yaml` compiles the
# whole module (every file in proto/, sorted by buf) and runs that language's plugins.
# ---------------------------------------------------------------------------------------------
# buf_generate OUT_TREE TEMPLATE: delete OUT_TREE, then regenerate it from proto/.
buf_generate() {
    rm -rf "$1"
    "$BUF" generate "$PROTO_ROOT" --template "$2"
    if [ ! -d "$1" ]; then
        echo "generate.sh: $2 produced nothing in $1" >&2
        exit 1
    fi
}

# Go: clients/go/rewards/<context>/v1/*.pb.go, *_grpc.pb.go, packages of the module in
# clients/go/go.mod (go_package = github.com/rewards-core/rewards-core/clients/go/rewards/...).
GO_PACKAGE="clients/go/rewards"
buf_generate "$GO_PACKAGE" clients/go/buf.gen.yaml

# TypeScript: clients/typescript/src/gen/rewards/<context>/v1/*.ts, the google/protobuf
# well-known types they import, and index*.ts (one namespace per proto package).
TS_PACKAGE="clients/typescript/src/gen"
buf_generate "$TS_PACKAGE" clients/typescript/buf.gen.yaml

# Java: clients/java/src/main/generated/com/rewardscore/rewards/<context>/v1/*.java
# (java_package, java_multiple_files), compiled by clients/java/pom.xml.
JAVA_PACKAGE="clients/java/src/main/generated"
buf_generate "$JAVA_PACKAGE" clients/java/buf.gen.yaml

echo "generate.sh: generated ${#PROTOS[@]} protos -> $PYTHON_PACKAGE, $GO_PACKAGE, $TS_PACKAGE, $JAVA_PACKAGE"
