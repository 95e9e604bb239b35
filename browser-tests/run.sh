#!/usr/bin/env bash
# Browser tests of the search page and the widget: Debian's headless Chromium driven by
# playwright-core, run by node's built-in test runner.
#
#   browser-tests/run.sh [ANNALS_BIN [CONTENT_DIR]]
#
# ANNALS_BIN defaults to $ANNALS_BIN, else target/release/annals (nothing is built here);
# CONTENT_DIR to $ANNALS_CONTENT, else the demo archive content/. The script indexes the
# content into a temporary folder, starts a second loopback origin (origin.mjs: the "site"
# embedding the widget), starts `annals serve` on a free port allowing that origin, runs
# tests/*.test.mjs, and stops both servers whatever happens. Screenshots go to
# target/screenshots/. Exit status: the test runner's (non-zero when a test fails).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
bin=${1:-${ANNALS_BIN:-$root/target/release/annals}}
content=${2:-${ANNALS_CONTENT:-$root/content}}
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export SCREENSHOTS=${SCREENSHOTS:-$root/target/screenshots}

fail() { echo "browser-tests: $*" >&2; exit 2; }
[[ -x $bin ]] || fail "no annals binary at $bin (build it first: cargo build --release)"
[[ -d $content ]] || fail "no content folder at $content"
# Paths given relative to where we were called from stay valid after the `cd` below.
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
content=$(cd "$content" && pwd)
[[ -x $CHROMIUM ]] || fail "no Chromium at $CHROMIUM (apt-get install -y chromium)"
command -v node >/dev/null || fail "node is required"
(($(node -p 'process.versions.node.split(".")[0]') >= 20)) || fail "node 20 or newer is required (playwright-core)"

cd "$here"
if [[ ! -f node_modules/playwright-core/package.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

mkdir -p "$root/target"
work=$(mktemp -d "$root/target/browser-tests.XXXXXX")
pids=()
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ $status -ne 0 ]]; then
    for log in "$work"/*.log; do
      [[ -s $log ]] && { echo "--- $(basename "$log") (last lines)"; tail -n 20 "$log"; }
    done
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Waits (at most $3 seconds) for process $1 to print a URL matching $2 to its log $4.
url_of() {
  local pid=$1 pattern=$2 deadline=$((SECONDS + $3)) log=$4 url
  while ((SECONDS < deadline)); do
    if url=$(grep -m1 -oE "$pattern" "$log" 2>/dev/null); then
      echo "$url"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || fail "$(basename "$log" .log) exited early"
    sleep 0.1
  done
  fail "$(basename "$log" .log) did not start within $3 s"
}

echo "browser-tests: indexing $content"
timeout 300 "$bin" index --content "$content" --index "$work/index" >"$work/index.log" 2>&1 \
  || fail "indexing failed: $(tail -n 5 "$work/index.log")"

node "$here/origin.mjs" >"$work/origin.log" 2>&1 &
pids+=($!)
origin=$(url_of "$!" 'http://127\.0\.0\.1:[0-9]+' 10 "$work/origin.log")

"$bin" serve --index "$work/index" --addr 127.0.0.1:0 --allow-origin "$origin" --site-url "$origin" \
  >"$work/serve.log" 2>&1 &
pids+=($!)
annals=$(url_of "$!" 'listening on http://[0-9.]+:[0-9]+' 20 "$work/serve.log")
annals=${annals#listening on }

echo "browser-tests: annals at $annals, site at $origin, Chromium $CHROMIUM"
rm -rf "$SCREENSHOTS"
# One test file at a time: each drives its own Chromium.
ANNALS_URL=$annals ORIGIN_URL=$origin timeout 600 \
  node --test --test-reporter=spec --test-concurrency=1 --test-timeout=120000 "$here"/tests/*.test.mjs
echo "browser-tests: screenshots in $SCREENSHOTS"
