#!/usr/bin/env bash
# Regenerates ALL generated code from the contract in proto/. This is the one generation
# entry point: `make generate` runs it, and scripts/check-generated.sh (CI) runs it and fails if
# the result differs from what is committed. Never edit generated files by hand.
#
# Deterministic: the output tree is deleted first (so removed protos vanish), inputs are passed
# in a fixed order, and the generator is pinned, so two runs give byte-identical files.
#
# Environment:
#   PYTHON   interpreter with grpcio-tools installed (default: python3)
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C

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
# Go (clients/go), TypeScript (clients/typescript), Java (clients/java): not generated yet.
# Add each as its own section here, in the same shape: delete its output tree, generate from
# "${PROTOS[@]}" with a pinned generator, make the output deterministic. The go_package and
# java_* options are already set in every .proto.
# ---------------------------------------------------------------------------------------------

echo "generate.sh: generated ${#PROTOS[@]} protos -> $PYTHON_PACKAGE"
