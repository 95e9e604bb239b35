# annals: `make serve` builds, indexes content/ and serves; `make test` installs what the
# browser tests need (Debian: Chromium, Node.js, npm, only when missing) and runs every test.
CARGO   ?= cargo
CONTENT ?= content
INDEX   ?= index
ADDR    ?= 127.0.0.1:7700
BIN     := target/release/annals
GOLD    ?= ../shared/gold-dev
SCORE   ?= ../shared/tools/score-extraction

.PHONY: build serve index test lint fmt doc eval relevance bench fuzz soak clean

build:
	$(CARGO) build --release --locked

$(BIN): build

index: build
	$(BIN) index --content $(CONTENT) --index $(INDEX)

serve: index
	$(BIN) serve --index $(INDEX) --addr $(ADDR)

test:
	scripts/install-test-deps.sh
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings
	$(CARGO) test --workspace --locked
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --no-deps --workspace --locked
	$(CARGO) build --release --locked
	browser-tests/run.sh $(BIN) $(CONTENT)

lint:
	$(CARGO) clippy --workspace --all-targets -- -D warnings

fmt:
	$(CARGO) fmt --all

doc:
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --no-deps --workspace

# Person and date extraction scored on every gold-dev set.
eval: build
	@mkdir -p target/eval
	@for gold in $(GOLD)/*.jsonl; do \
		name=$$(basename $$gold .jsonl); \
		$(BIN) extract --jsonl < $$gold > target/eval/$$name.pred.jsonl || exit 1; \
		echo "== $$name"; \
		$(SCORE) $$gold target/eval/$$name.pred.jsonl || exit 1; \
	done

# Search quality on our own query sets (relevance/*.tsv): success@1, success@5 and MRR@10 for
# each site and language. SITE:CONTENT pairs; each site's queries are relevance/SITE.tsv.
CORPUS        ?= ../shared/corpus/grav
HEM_CONTENT   ?= $(CORPUS)/petrtsoy__hemcenter.kz/user
RELEVANCE_SETS ?= hemcenter:$(HEM_CONTENT) \
	graswachstum:$(CORPUS)/AGFF-ADCF-APF__graswachstum.ch \
	greifen:$(CORPUS)/Die-Greifen__die-greifen-webseite/user \
	aradianoff:$(CORPUS)/aradianoff__aradianoff.com
relevance: build
	@for set in $(RELEVANCE_SETS); do \
		$(BIN) index --content $${set#*:} --index target/relevance/$${set%%:*} > /dev/null || exit 1; \
	done
	$(CARGO) run --release --locked -p annals-engine --example relevance -- --errors \
		$(foreach set,$(RELEVANCE_SETS),--index target/relevance/$(firstword $(subst :, ,$(set))) \
		--queries relevance/$(firstword $(subst :, ,$(set))).tsv)

# Speed and memory on generated 1k/10k/100k archives and the real one, beside raw Tantivy
# (baseline, tantivy-cli) and SQLite FTS5; writes BENCHMARKS.md.
bench:
	scripts/bench.sh

# Long property-based fuzzing of the parsers, extraction and the query engine.
fuzz:
	scripts/fuzz.sh

# Bounded 60 s loopback load with concurrent indexing; memory must stay flat.
soak:
	scripts/soak.sh

clean:
	$(CARGO) clean
	rm -rf $(INDEX)/*.managed.json $(INDEX)/meta.json $(INDEX)/*.idx $(INDEX)/*.term $(INDEX)/*.pos $(INDEX)/*.store $(INDEX)/*.fast $(INDEX)/*.fieldnorm $(INDEX)/*.del
