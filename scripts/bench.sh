#!/usr/bin/env bash
# make bench: indexing, query latency and throughput, memory; writes BENCHMARKS.md.
#
# Builds annals and the bench binaries, installs tantivy-cli once (see below), generates the
# synthetic corpora once (cached under target/bench/), copies the owner's archive, and runs
# bench-run (crates/bench) on each corpus: annals against the raw-Tantivy baseline,
# tantivy-cli and SQLite FTS5 (bench-fts5). Never part of `make test`. Took 6.8 min on 2 cores
# with the corpora cached before the peers, the 1k corpus and the widget phase were added;
# those add an estimated 5 min (most of it at 100k: one more indexing run each for FTS5 and
# tantivy-cli, 40 s of FTS5 load phases). The first time adds the generation of the corpora
# (~5 min for 100k) and the build of tantivy-cli.
#
# tantivy-cli 0.24.0 is built from crates.io into target/bench/tools with its own Cargo.lock
# (`cargo install --locked`), less one entry: that lock pins traitobject 0.1.0 (via iron, its
# `serve` command), which no longer compiles with current Rust (E0119), so the lock is moved to
# traitobject 0.1.1, the release that fixes exactly that; every other crate, Tantivy 0.24.0
# included, is as locked. The build takes 4.5 min of CPU (5.7 min measured at -j 1 beside other
# work; less with both cores), once.
#
# Environment:
#   BENCH_SIZES        synthetic corpus sizes in posts (default "1000 10000 100000")
#   BENCH_RUNS         full indexing runs per corpus, median reported (default 3)
#   BENCH_PHASE_SECS   longest HTTP load phase, seconds (default 10)
#   BENCH_INDEX_BUDGET seconds of full indexing per corpus after which no further run starts
#                      (default 300; at least one run)
#   BENCH_REAL         the owner's archive (default ../shared/corpus/grav/petrtsoy__hemcenter.kz/user)
#   BENCH_OUT          Markdown file to update (default BENCHMARKS.md)
#   GEN_CORPUS         the generator (default ../shared/tools/gen-corpus)
#   BENCH_TANTIVY_CLI  the tantivy-cli binary (default target/bench/tools/bin/tantivy, installed
#                      when missing); "none" leaves tantivy-cli out
#   BENCH_FTS5_PREFIX  FTS5 `prefix` option of the SQLite peer, e.g. "2 3" (default none)
set -euo pipefail
cd "$(dirname "$0")/.."

started=$(date +%s)
SIZES=${BENCH_SIZES:-"1000 10000 100000"}
RUNS=${BENCH_RUNS:-3}
PHASE_SECS=${BENCH_PHASE_SECS:-10}
INDEX_BUDGET=${BENCH_INDEX_BUDGET:-300}
REAL=${BENCH_REAL:-../shared/corpus/grav/petrtsoy__hemcenter.kz/user}
OUT=${BENCH_OUT:-BENCHMARKS.md}
GEN=${GEN_CORPUS:-../shared/tools/gen-corpus}
SOURCE=../shared/corpus/grav
QUERIES=../shared/bench/queries.txt
WORK=target/bench
GEN_JOBS=2
TANTIVY_CLI_VERSION=0.24.0
TANTIVY_CLI=${BENCH_TANTIVY_CLI:-$WORK/tools/bin/tantivy}

cargo build --release --locked -p annals -p annals-bench
mkdir -p "$WORK/bin"
# Private copies: a concurrent build in the shared target folder cannot swap them mid-run.
cp --remove-destination target/release/annals target/release/bench-run target/release/bench-baseline \
	target/release/bench-load target/release/bench-engine target/release/bench-fts5 "$WORK/bin/"

# tantivy-cli's source from crates.io (a throwaway manifest depending on it makes `cargo fetch`
# download it), its lock moved to traitobject 0.1.1 (see above), built into $WORK/tools.
install_tantivy_cli() {
	local tmp found
	tmp=$(mktemp -d)
	mkdir -p "$tmp/fetch/src"
	printf '[package]\nname = "fetch-tantivy-cli"\nversion = "0.0.0"\nedition = "2021"\n\n[dependencies]\ntantivy-cli = "=%s"\n' \
		"$TANTIVY_CLI_VERSION" > "$tmp/fetch/Cargo.toml"
	echo 'fn main() {}' > "$tmp/fetch/src/main.rs"
	cargo fetch --manifest-path "$tmp/fetch/Cargo.toml" --quiet
	found=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/"tantivy-cli-$TANTIVY_CLI_VERSION" | head -n 1)
	cp -r "$found" "$tmp/tantivy-cli"
	cargo update --manifest-path "$tmp/tantivy-cli/Cargo.toml" --quiet -p traitobject --precise 0.1.1
	cargo install --path "$tmp/tantivy-cli" --locked --root "$WORK/tools"
	rm -rf "$tmp"
}
tantivy_cli=()
if [[ $TANTIVY_CLI != none ]]; then
	if [[ ! -x $TANTIVY_CLI && $TANTIVY_CLI == "$WORK/tools/bin/tantivy" ]]; then
		echo "bench: building tantivy-cli $TANTIVY_CLI_VERSION into $WORK/tools (once)" >&2
		install_tantivy_cli
	fi
	tantivy_cli=(--tantivy-cli "$TANTIVY_CLI")
fi

# A label for a post count: 10000 -> 10k.
label() {
	if (( $1 % 1000 == 0 )); then echo "$(( $1 / 1000 ))k"; else echo "$1"; fi
}

corpora=()
notes=()
# The owner's archive, copied so that the incremental runs never touch the original.
if [[ -d $REAL ]]; then
	real="$WORK/real"
	if [[ ! -d $real/user ]] || [[ -n $(find "$REAL" -newer "$real/.copied" -print -quit 2>/dev/null) ]]; then
		rm -rf "$real" && mkdir -p "$real"
		cp -r "$REAL" "$real/user"
		touch "$real/.copied"
	fi
	corpora+=(--corpus "hemcenter.kz=$real")
	notes+=(--note "hemcenter.kz=the owner's real archive ($REAL), all its pages")
else
	echo "bench: $REAL not found; skipping the real archive" >&2
fi

# Synthetic corpora: a Grav site with the real archive's config and N generated posts in
# user/pages/02.news. Generated once; the folder appears only when generation finished.
for n in $SIZES; do
	l=$(label "$n")
	dir="$WORK/corpus-$l"
	if [[ ! -d $dir ]]; then
		echo "bench: generating $n posts into $dir (gen-corpus --jobs $GEN_JOBS)" >&2
		rm -rf "$dir.tmp"
		mkdir -p "$dir.tmp/user/pages"
		if [[ -d $REAL/config ]]; then cp -r "$REAL/config" "$dir.tmp/user/config"; fi
		t0=$(date +%s.%N)
		"$GEN" --out "$dir.tmp/user/pages/02.news" --n "$n" --seed 1 --from "$SOURCE" --jobs "$GEN_JOBS" --quiet
		t1=$(date +%s.%N)
		awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f\n", b - a }' > "$dir.tmp/gen-seconds"
		mv "$dir.tmp" "$dir"
	fi
	corpora+=(--corpus "$l=$dir")
	notes+=(--note "$l=gen-corpus --n $n --seed 1 --from $SOURCE --jobs $GEN_JOBS, site config of the real archive")
done

"$WORK/bin/bench-run" \
	--annals "$WORK/bin/annals" \
	"${tantivy_cli[@]}" \
	"${corpora[@]}" "${notes[@]}" \
	--work "$WORK" \
	--queries "$QUERIES" \
	--runs "$RUNS" \
	--index-budget "$INDEX_BUDGET" \
	--fts5-prefix "${BENCH_FTS5_PREFIX:-}" \
	--phase-secs "$PHASE_SECS" \
	--out "$OUT" \
	--started "$started"
echo "bench: done in $(( $(date +%s) - started )) s; see $OUT" >&2
