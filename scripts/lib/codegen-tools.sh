# Sourced by scripts/generate.sh and scripts/build-clients.sh (from the repository root): installs
# the pinned code generators and client dependencies into gitignored folders, from package
# registries only (npm, the Go module proxy, Maven Central). Each ensure_* function checks what is
# there first and installs only when it is missing or not the pinned version, so a warm run costs
# a few version checks. Where the pins live:
#   buf                  tools/buf/package-lock.json (@bufbuild/buf, shared with lint-proto.sh)
#   protoc-gen-go        clients/go/go.mod (google.golang.org/protobuf: generator == runtime)
#   protoc-gen-go-grpc   PROTOC_GEN_GO_GRPC_VERSION below (its own module, not in go.mod)
#   ts-proto, tsc, ...   clients/typescript/package-lock.json
#   protoc (Java)        clients/java/pom.xml <protobuf.version> (generator == protobuf-java)
#   protoc-gen-grpc-java clients/java/pom.xml <grpc.codegen.version>
# Go binaries and the protoc executables go to tools/bin/, npm packages to tools/buf/node_modules
# and clients/typescript/node_modules.

PROTOC_GEN_GO_GRPC_VERSION="v1.6.2"
TOOLS_BIN="$PWD/tools/bin"

# require_commands WHAT CMD...: fail with a clear message when a toolchain is missing.
require_commands() {
    local what="$1" missing=() cmd
    shift
    for cmd in "$@"; do
        command -v "$cmd" >/dev/null 2>&1 || missing+=("$cmd")
    done
    if [ "${#missing[@]}" -ne 0 ]; then
        echo "${0##*/}: the $what toolchain is missing (${missing[*]} not on PATH)." >&2
        echo "  Go, Node.js + npm and Java 17 + Maven are all required: install them and re-run." >&2
        exit 1
    fi
}

# ensure_buf: tools/buf/node_modules/.bin/buf at the version pinned in tools/buf/package-lock.json.
BUF="$PWD/tools/buf/node_modules/.bin/buf"
ensure_buf() {
    local pinned
    pinned="$(node -p 'require("./tools/buf/package-lock.json").packages["node_modules/@bufbuild/buf"].version')"
    if [ ! -x "$BUF" ] || [ "$("$BUF" --version 2>/dev/null)" != "$pinned" ]; then
        echo "${0##*/}: installing buf $pinned (npm ci --prefix tools/buf)" >&2
        npm ci --prefix tools/buf --no-audit --no-fund >&2
    fi
}

# ensure_go_plugins: tools/bin/protoc-gen-go and protoc-gen-go-grpc, by `go install pkg@version`.
ensure_go_plugins() {
    local go_version
    go_version="$(awk '$1 == "google.golang.org/protobuf" { print $2 }' clients/go/go.mod)"
    if [ -z "$go_version" ]; then
        echo "${0##*/}: clients/go/go.mod does not require google.golang.org/protobuf" >&2
        exit 1
    fi
    mkdir -p "$TOOLS_BIN"
    if [ "$("$TOOLS_BIN/protoc-gen-go" --version 2>/dev/null)" != "protoc-gen-go $go_version" ]; then
        echo "${0##*/}: installing protoc-gen-go $go_version (go install)" >&2
        GOBIN="$TOOLS_BIN" go install "google.golang.org/protobuf/cmd/protoc-gen-go@$go_version"
    fi
    if [ "$("$TOOLS_BIN/protoc-gen-go-grpc" --version 2>/dev/null)" != "protoc-gen-go-grpc ${PROTOC_GEN_GO_GRPC_VERSION#v}" ]; then
        echo "${0##*/}: installing protoc-gen-go-grpc $PROTOC_GEN_GO_GRPC_VERSION (go install)" >&2
        GOBIN="$TOOLS_BIN" go install "google.golang.org/grpc/cmd/protoc-gen-go-grpc@$PROTOC_GEN_GO_GRPC_VERSION"
    fi
}

# ensure_ts_deps: clients/typescript/node_modules exactly as package-lock.json says (npm ci). A
# stamp holding the lock file's hash tells whether the installed tree is the current lock's.
ensure_ts_deps() {
    local dir="clients/typescript" stamp want
    stamp="$dir/node_modules/.installed-lock.sha256"
    want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
    if [ ! -x "$dir/node_modules/.bin/protoc-gen-ts_proto" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        echo "${0##*/}: installing $dir dependencies: ts-proto $(node -p "require('./$dir/package-lock.json').packages['node_modules/ts-proto'].version")," \
            "typescript $(node -p "require('./$dir/package-lock.json').packages['node_modules/typescript'].version") (npm ci --prefix $dir)" >&2
        npm ci --prefix "$dir" --no-audit --no-fund >&2
        echo "$want" > "$stamp"
    fi
}

# pom_property NAME: a <NAME>value</NAME> property of clients/java/pom.xml.
pom_property() {
    sed -n "s|.*<$1>\([^<]*\)</$1>.*|\1|p" clients/java/pom.xml | head -n 1
}

# Maven/protoc classifier of this machine.
codegen_classifier() {
    case "$(uname -s)-$(uname -m)" in
        Linux-x86_64) echo linux-x86_64 ;;
        Linux-aarch64 | Linux-arm64) echo linux-aarch_64 ;;
        Darwin-x86_64) echo osx-x86_64 ;;
        Darwin-arm64) echo osx-aarch_64 ;;
        *) echo "${0##*/}: no protoc build on Maven Central for $(uname -s)-$(uname -m)" >&2; exit 1 ;;
    esac
}

# ensure_java_plugins: tools/bin/protoc-<protobuf.version> and
# tools/bin/protoc-gen-grpc-java-<grpc.codegen.version> from Maven Central (the pom's
# dependency:copy@codegen-tools execution), and the unversioned links buf.gen.yaml names.
ensure_java_plugins() {
    local protoc_version grpc_version
    protoc_version="$(pom_property protobuf.version)"
    grpc_version="$(pom_property grpc.codegen.version)"
    if [ -z "$protoc_version" ] || [ -z "$grpc_version" ]; then
        echo "${0##*/}: clients/java/pom.xml lacks <protobuf.version> or <grpc.codegen.version>" >&2
        exit 1
    fi
    if [ ! -x "$TOOLS_BIN/protoc-$protoc_version" ] || [ ! -x "$TOOLS_BIN/protoc-gen-grpc-java-$grpc_version" ]; then
        echo "${0##*/}: installing protoc $protoc_version and protoc-gen-grpc-java $grpc_version" \
            "(mvn dependency:copy@codegen-tools, Maven Central)" >&2
        mkdir -p "$TOOLS_BIN"
        mvn -B -q -f clients/java/pom.xml "-Dcodegen.classifier=$(codegen_classifier)" \
            "-Dcodegen.outputDirectory=$TOOLS_BIN" dependency:copy@codegen-tools >&2
        chmod +x "$TOOLS_BIN/protoc-$protoc_version" "$TOOLS_BIN/protoc-gen-grpc-java-$grpc_version"
    fi
    ln -sfn "protoc-$protoc_version" "$TOOLS_BIN/protoc"
    ln -sfn "protoc-gen-grpc-java-$grpc_version" "$TOOLS_BIN/protoc-gen-grpc-java"
}
