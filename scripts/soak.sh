#!/usr/bin/env bash
# `make soak`: the long robustness runs, on release builds.
#
# 1. Crash safety, long: `annals index` killed with SIGKILL at random moments over 2000
#    generated posts while `annals serve` answers (crates/hardness/tests/crash_safety.rs).
#    CRASH_POSTS=N changes the size; HARDNESS_SEED=N replays a run.
# 2. Load and soak: 2 then 32 clients on loopback for SOAK_SECS each (default 30: 60 s in
#    all), with hostile requests and `annals index` changing the same index meanwhile; zero
#    5xx, zero connection errors, and the server's memory sampled every second
#    (crates/hardness/src/bin/soak.rs). The figures also go to target/soak-report.json.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --locked -p annals --bin annals
cargo build --release --locked -p annals-hardness --bin soak

echo "== crash safety (long)"
HARDNESS_LONG=1 HARDNESS_CRASH_POSTS="${CRASH_POSTS:-2000}" \
  cargo test --release --locked -p annals-hardness --test crash_safety -- --nocapture

echo "== load and soak"
target/release/soak --secs "${SOAK_SECS:-30}" --clients "${SOAK_CLIENTS:-2,32}" \
  --posts "${SOAK_POSTS:-400}" --json target/soak-report.json
