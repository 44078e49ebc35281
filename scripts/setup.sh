#!/usr/bin/env bash
# Builds the local infrastructure Parley runs on when nothing else is configured:
#   .tools/bin/temporal               Temporal CLI (dev server + Web UI), built from the Go module proxy
#   .tools/bin/ferretdb               FerretDB (MongoDB wire protocol on SQLite), built from the Go module proxy
#   .tools/bin/temporal-test-server   Temporal's Java time-skipping test server, resolved from Maven Central
#   .tools/bin/postgres, initdb, pg_isready  Debian's PostgreSQL (FerretDB's backend), apt-get installed when missing
#   espeak-ng, sox, pocketsphinx(-en-us)  Debian packages for the offline speech engine, apt-get installed when missing
#   chromium                          Debian's browser for the browser tests (playwright-core drives it), apt-get installed when missing
#   dist/console                      the operator console, bundled by esbuild (scripts/build-console.mjs)
# Idempotent: a second run only checks that the files are there. Builds land in a per-user cache
# (PARLEY_TOOLS_CACHE, default ~/.cache/parley-tools) so a fresh clone on the same machine links them in seconds.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$repo/.tools/bin"
cache="${PARLEY_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/parley-tools}"
mkdir -p "$bin" "$cache" "$repo/.data"

# Versions: temporal CLI v1.5.1 is the newest release whose go.mod has no replace directive
# (later ones refuse `go install`); FerretDB v1.24.2 is the last release with the SQLite backend.
TEMPORAL_CLI_VERSION=v1.5.1
FERRETDB_VERSION=v1.24.2

log() { printf '[setup] %s\n' "$*" >&2; }

link_tool() { # name, path in cache
  ln -sfn "$2" "$bin/$1"
}

ensure_temporal() {
  if [ -x "$bin/temporal" ]; then return; fi
  if command -v temporal >/dev/null 2>&1; then
    link_tool temporal "$(command -v temporal)"; log "using temporal from PATH"; return
  fi
  local out="$cache/temporal-$TEMPORAL_CLI_VERSION"
  if [ ! -x "$out/temporal" ]; then
    log "building Temporal CLI $TEMPORAL_CLI_VERSION from the Go module proxy (first run only, a few minutes)"
    GOBIN="$out" go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION"
  fi
  link_tool temporal "$out/temporal"
}

ensure_ferretdb() {
  if [ -x "$bin/ferretdb" ]; then return; fi
  local out="$cache/ferretdb-$FERRETDB_VERSION"
  if [ ! -x "$out/ferretdb" ]; then
    log "building FerretDB $FERRETDB_VERSION from the Go module proxy (first run only, a few minutes)"
    local module_dir src
    module_dir="$(go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
    [ -d "$module_dir" ] || { log "could not download the FerretDB module"; exit 1; }
    src="$(mktemp -d)"
    cp -r "$module_dir/." "$src"
    chmod -R u+w "$src"
    # The module omits the generated version file, and FerretDB panics at start without it.
    echo "$FERRETDB_VERSION" > "$src/build/version/version.txt"
    mkdir -p "$out"
    (cd "$src" && go build -trimpath -o "$out/ferretdb" ./cmd/ferretdb)
    rm -rf "$src"
  fi
  link_tool ferretdb "$out/ferretdb"
}

ensure_test_server() {
  if [ -x "$bin/temporal-test-server" ] && [ -s "$repo/.tools/temporal-test-server.classpath" ]; then return; fi
  command -v java >/dev/null || { log "java (17+) is needed for the time-skipping test server"; exit 1; }
  command -v mvn >/dev/null || { log "mvn is needed to resolve the time-skipping test server"; exit 1; }
  log "resolving Temporal's Java test server from Maven Central"
  mvn -q -B -Dstyle.color=never -f "$repo/tools/temporal-test-server/pom.xml" dependency:build-classpath \
    -Dmdep.outputFile="$repo/.tools/temporal-test-server.classpath" >&2
  cat > "$bin/temporal-test-server" <<WRAPPER
#!/bin/sh
# Temporal's Java time-skipping test server; first argument is the port.
exec java -cp "\$(cat "$repo/.tools/temporal-test-server.classpath")" io.temporal.testserver.TestServer "\$@"
WRAPPER
  chmod +x "$bin/temporal-test-server"
}

# FerretDB's backend: a private cluster of Debian's PostgreSQL (src/dev/local-postgres.ts).
ensure_postgres() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$dir" ] || [ ! -x "$dir/postgres" ]; then
    if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" -ne 0 ]; then
      log "PostgreSQL is missing; install it with: apt-get install -y --no-install-recommends postgresql"; exit 1
    fi
    log "installing Debian's PostgreSQL (the embedded database's backend)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql; } >&2
    dir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi
  local tool
  for tool in postgres initdb pg_isready; do link_tool "$tool" "$dir/$tool"; done
}

# The offline speech pair (SPEECH_ENGINE=local) and its test: Debian packages, installed only when
# missing. Without apt-get or root this only warns: the speech test then fails naming what is missing.
ensure_speech_tools() {
  local missing=()
  command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
  command -v sox >/dev/null 2>&1 || missing+=(sox)
  command -v pocketsphinx_continuous >/dev/null 2>&1 || missing+=(pocketsphinx)
  [ -f /usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict ] || missing+=(pocketsphinx-en-us)
  [ "${#missing[@]}" -eq 0 ] && return
  if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" -ne 0 ]; then
    log "speech tools missing (${missing[*]}); install them with: apt-get install -y --no-install-recommends ${missing[*]}"
    return
  fi
  log "installing the offline speech tools: ${missing[*]}"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >&2 \
    || log "could not install ${missing[*]}; the local speech engine and its test will not work"
}

# Debian's chromium, which the browser tests drive with playwright-core (Playwright's own browser
# download needs a host this machine cannot reach).
ensure_chromium() {
  command -v chromium >/dev/null 2>&1 && return
  if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" -ne 0 ]; then
    log "chromium missing; install it with: apt-get install -y chromium (the browser tests need it)"
    return
  fi
  log "installing chromium for the browser tests"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >&2 \
    || log "could not install chromium; the browser tests will fail"
}

ensure_temporal
ensure_ferretdb
ensure_postgres
ensure_test_server
ensure_speech_tools
ensure_chromium
log "tools ready in .tools/bin"
# The operator console's bundle (dist/console), rebuilt every time: it follows the source.
node "$repo/scripts/build-console.mjs"
log "console built in dist/console"
