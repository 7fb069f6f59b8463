# bench/bench.mk - `make bench`: performance at scale (included from the
# top-level Makefile; also usable as `make -f Makefile -f bench/bench.mk bench`).
#
#   make bench              10 MB and 100 MB corpora (a few minutes)
#   make bench BENCH_FULL=1 also 50 MB and 1 GB
#   make bench BENCH_SIZES="10"          any list of sizes in MB
#
# dubao is built with -O2 in its own tree (build/bench), so that the
# benchmark never measures a debug or sanitizer build and never replaces
# ./dubao.  Generated corpora are cached in bench/cache/; results go to
# bench/results/ (text and JSON).  See bench/run-bench for the options.
# Include it after the main rules (it uses CORE_OBJ, TUI_OBJ, ALL_CFLAGS);
# it never changes the default goal.

BENCH_SAVED_GOAL := $(.DEFAULT_GOAL)

BENCH_DIR   = build/bench
BENCH_FULL ?=
BENCH_SIZES ?=

# The sub-make must read this file too: through the top-level Makefile's
# include when it has one, else with a second -f.
BENCH_MAKEFILES := -f Makefile $(if $(shell grep -s -E \
    '^-?include[[:space:]]+bench/bench.mk' Makefile),,-f bench/bench.mk)

# Build the -O2 binary and the tools, then run the benchmark.
bench: deps-check
	@$(MAKE) --no-print-directory $(BENCH_MAKEFILES) B=$(BENCH_DIR) \
	  OPT=-O2 CFLAGS=-g LDFLAGS= bench-build
	@BENCH_FULL='$(BENCH_FULL)' BENCH_SIZES='$(BENCH_SIZES)' \
	  BENCH_BIN=$(BENCH_DIR) sh bench/run-bench

.PHONY: bench-build

# These rules exist only in the benchmark's build tree.
ifeq ($(B),$(BENCH_DIR))
bench-build: $(B)/dubao $(B)/measure $(B)/gen-corpus $(B)/bench-util

$(B)/dubao: $(CORE_OBJ) $(TUI_OBJ)
	$(CC) $(OPT) $(CFLAGS) -o $@ $^ $(LIBS) $(LDFLAGS)

$(B)/measure: bench/measure.c $(B)/core/strbuf.o
	$(CC) $(ALL_CFLAGS) -o $@ $(filter %.c %.o,$^)

$(B)/gen-corpus: bench/gen-corpus.c $(B)/core/strbuf.o
	$(CC) $(ALL_CFLAGS) -o $@ $(filter %.c %.o,$^)

$(B)/bench-util: bench/bench-util.c $(B)/core/pinyin.o \
                 $(B)/gen/pinyin_table.o $(B)/core/strbuf.o
	$(CC) $(ALL_CFLAGS) -o $@ $(filter %.c %.o,$^) -lunistring
endif

.DEFAULT_GOAL := $(BENCH_SAVED_GOAL)
