#!/usr/bin/env bash
# `make fuzz`: runs every fuzz target of crates/hardness/tests/fuzz.rs for a time budget and
# prints how many cases each ran. Stable Rust: the targets are proptest properties, driven in
# rounds of fresh seeds (see the top of tests/fuzz.rs).
#
#   FUZZ_SECS=120        seconds per target (default 120)
#   FUZZ_TARGETS="a b"   only these targets (test names; default: all)
#   FUZZ_SEED=N          base seed, to replay a run (default: the clock; printed)
#
# Built as `release` with overflow checks and debug assertions on, in its own target folder
# (target/hardness-fuzz) so the shared release build is left alone: an integer overflow is a
# finding here, as it is in the debug tests.
set -euo pipefail
cd "$(dirname "$0")/.."

SECS="${FUZZ_SECS:-120}"
ALL="read_page_arbitrary_bytes read_page_front_matter_frames read_page_structured_front_matter
read_page_mutated_real_pages grav_date_arbitrary_strings grav_date_near_misses
grav_date_well_formed_dates_read_back extract_structured_text extract_glued_text
extract_arbitrary_unicode query_parse_never_panics engine_answers_every_request
engine_answers_every_query"
TARGETS="${FUZZ_TARGETS:-$ALL}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR_FUZZ:-target/hardness-fuzz}"
case "$CARGO_TARGET_DIR" in /*) ;; *) CARGO_TARGET_DIR="$PWD/$CARGO_TARGET_DIR" ;; esac
export CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS=true
export CARGO_PROFILE_RELEASE_DEBUG_ASSERTIONS=true
# Absolute: the test binaries run in crates/hardness.
REPORT="$CARGO_TARGET_DIR/fuzz-report.tsv"
LOG="$CARGO_TARGET_DIR/fuzz.log"

cargo test --release -p annals-hardness --test fuzz --no-run
mkdir -p "$CARGO_TARGET_DIR"
: > "$REPORT"
: > "$LOG"
[ -n "${FUZZ_SEED:-}" ] && export HARDNESS_FUZZ_SEED="$FUZZ_SEED"
failed=""
for t in $TARGETS; do
  echo "== $t (${SECS}s)"
  if ! HARDNESS_FUZZ_SECS="$SECS" HARDNESS_FUZZ_REPORT="$REPORT" \
      cargo test -q --release -p annals-hardness --test fuzz -- --exact "$t" --nocapture >>"$LOG" 2>&1; then
    failed="$failed $t"
    echo "   FAILED: see $LOG"
  fi
  tail -n 1 "$REPORT" 2>/dev/null | awk -F'\t' -v t="$t" '$1 != "" {printf "   %s: %s cases in %s s (seed %s)\n", $1, $2, $3, $4}'
done

# The regression and finding tests, once each.
echo "== regressions (r_*) and reported findings (ignored tests)"
cargo test -q --release -p annals-hardness --test fuzz -- r_ --include-ignored 2>&1 \
  | grep -E '^test |test result' | sed 's/^/   /' || true

echo
echo "target	cases	seconds	seed"
cat "$REPORT"
if [ -n "$failed" ]; then
  echo "fuzz: FAILED:$failed (inputs in $LOG)"
  exit 1
fi
echo "fuzz: all targets passed"
