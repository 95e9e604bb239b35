#!/usr/bin/env bash
# make bench: indexing, query latency and throughput, memory; writes BENCHMARKS.md.
#
# Builds annals and the bench binaries, generates the synthetic corpora once (cached under
# target/bench/), copies the owner's archive, and runs bench-run (crates/bench) on each
# corpus. Never part of `make test`. Takes about 15 minutes on 2 cores, the first time
# including the generation of the 100k corpus.
#
# Environment:
#   BENCH_SIZES        synthetic corpus sizes in posts (default "10000 100000")
#   BENCH_RUNS         full indexing runs per corpus, median reported (default 3)
#   BENCH_PHASE_SECS   longest HTTP load phase, seconds (default 10)
#   BENCH_INDEX_BUDGET seconds of full indexing per corpus after which no further run starts
#                      (default 300; at least one run)
#   BENCH_REAL         the owner's archive (default ../shared/corpus/grav/petrtsoy__hemcenter.kz/user)
#   BENCH_OUT          Markdown file to update (default BENCHMARKS.md)
#   GEN_CORPUS         the generator (default ../shared/tools/gen-corpus)
set -euo pipefail
cd "$(dirname "$0")/.."

started=$(date +%s)
SIZES=${BENCH_SIZES:-"10000 100000"}
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

cargo build --release --locked -p annals -p annals-bench
mkdir -p "$WORK/bin"
# Private copies: a concurrent build in the shared target folder cannot swap them mid-run.
cp --remove-destination target/release/annals target/release/bench-run target/release/bench-baseline \
	target/release/bench-load target/release/bench-engine "$WORK/bin/"

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
	"${corpora[@]}" "${notes[@]}" \
	--work "$WORK" \
	--queries "$QUERIES" \
	--runs "$RUNS" \
	--index-budget "$INDEX_BUDGET" \
	--phase-secs "$PHASE_SECS" \
	--out "$OUT" \
	--started "$started"
echo "bench: done in $(( $(date +%s) - started )) s; see $OUT" >&2
