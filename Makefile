# dubao - GNU make, no autotools.
#
#   make            build ./dubao
#   make run        install missing Debian packages, build, open the browser
#   make check      install missing Debian packages, build, run every test
#                   (then again under AddressSanitizer + UBSan)
#   make install    PREFIX=/usr/local DESTDIR= (binary, man page, assets)
#   make uninstall, make clean

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR   = $(PREFIX)/bin
DATADIR  = $(PREFIX)/share/dubao
MANDIR   = $(PREFIX)/share/man/man1
VERSION  = 0.1.0

CC      ?= cc
OPT     ?= -O2
CFLAGS  ?= -g
WARN     = -Wall -Wextra -Werror
PKGS     = ncursesw sqlite3 libxml-2.0 yaml-0.1 md4c
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) $(OPT) $(CFLAGS) $(PKG_CFLAGS) \
             -Icore -Itests/eval -I$(B)/gen -MMD -MP
LIBS     = $(PKG_LIBS) -lunistring -lm -pthread

# Debian packages needed to build and to test.  libncurses-dev provides
# ncursesw on Debian 12 (libncursesw5-dev is a transitional alias);
# libxml2-dev reads HTML pages and RSS/Atom feeds, libyaml-dev the front
# matter of Markdown files and libmd4c-dev their Markdown.
BUILD_DEBS = libncurses-dev libsqlite3-dev libunistring-dev pkg-config \
             unicode-data bzip2 libxml2-dev libyaml-dev libmd4c-dev
TEST_DEBS  = tmux libcmocka-dev groff-base man-db valgrind bsdutils \
             clang libclang-rt-14-dev

B        = build
CORE_SRC = $(wildcard core/*.c)
TUI_SRC  = $(wildcard tui/*.c)
TEST_SRC = $(wildcard tests/*.c)
# The gold reader and scorer, shared by the test suite and `make eval`.
EVAL_LIB_SRC = tests/eval/gold.c tests/eval/score.c
# Suites are the test_NAME.c files other than the harness's own.
SUITE_NAMES = $(filter-out main util,$(patsubst tests/test_%.c,%,$(wildcard tests/test_*.c)))
GEN_SRC  = $(B)/gen/pinyin_table.c

CORE_OBJ = $(CORE_SRC:%.c=$(B)/%.o) $(GEN_SRC:$(B)/gen/%.c=$(B)/gen/%.o)
TUI_OBJ  = $(TUI_SRC:%.c=$(B)/%.o)
TUI_LIB_OBJ = $(filter-out $(B)/tui/main.o,$(TUI_OBJ))
TEST_OBJ = $(TEST_SRC:%.c=$(B)/%.o) $(EVAL_LIB_SRC:%.c=$(B)/%.o)
EVAL_OBJ = $(B)/tests/eval/eval.o $(EVAL_LIB_SRC:%.c=$(B)/%.o)

.PHONY: FORCE all run check check-unit check-asan check-man check-eval eval \
        deps deps-check \
        install uninstall clean

all: deps-check
	@$(MAKE) --no-print-directory dubao

dubao: $(CORE_OBJ) $(TUI_OBJ)
	$(CC) $(OPT) $(CFLAGS) -o $@ $^ $(LIBS) $(LDFLAGS)

# Build settings that code needs (version, install data dir).  Rewritten
# only when they change, so a new PREFIX rebuilds what depends on it.
$(B)/gen/config.h: FORCE
	@mkdir -p $(dir $@)
	@printf '#define DUBAO_VERSION "%s"\n#define DUBAO_DATADIR "%s"\n' \
	  '$(VERSION)' '$(DATADIR)' > $@.tmp
	@cmp -s $@.tmp $@ && rm $@.tmp || mv $@.tmp $@

FORCE:

# The default config, compiled in as a C string (same text as assets/config).
$(B)/gen/default_config.h: assets/config
	@mkdir -p $(dir $@)
	@{ echo 'static const char default_config[] ='; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/    "/' -e 's/$$/\\n"/' $<; \
	  echo ';'; } > $@.tmp && mv $@.tmp $@

$(B)/%.o: %.c | $(B)/gen/pinyin_table.c $(B)/gen/config.h \
                  $(B)/gen/default_config.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/gen/%.o: $(B)/gen/%.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The pinyin table is generated at build time from Debian's Unihan data.
UNIHAN_READINGS = /usr/share/unicode/Unihan_Readings.txt.bz2
UNIHAN_VARIANTS = /usr/share/unicode/Unihan_Variants.txt.bz2
$(B)/gen/pinyin_table.c: core/pinyin_gen.awk
	@mkdir -p $(dir $@)
	{ bzcat $(UNIHAN_READINGS); bzcat $(UNIHAN_VARIANTS); } | \
	    LC_ALL=C awk -f core/pinyin_gen.awk > $@.tmp && mv $@.tmp $@

# ---- dependencies -------------------------------------------------------

# Print the Debian packages among $(1) that are not installed.
missing_debs = $(shell command -v dpkg-query >/dev/null 2>&1 && \
    for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
    grep -q '^install ok installed' || echo $$p; done)

# Install what is missing when root; otherwise say exactly what to run.
deps:
	@missing="$(call missing_debs,$(BUILD_DEBS) $(TEST_DEBS))"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing missing packages: $$missing"; \
	    (apt-get update -qq || true) && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      --no-install-recommends $$missing; \
	  else \
	    echo "dubao needs these Debian packages: $$missing"; \
	    echo "Run: sudo apt-get install -y $$missing"; exit 1; \
	  fi; \
	fi

deps-check:
	@missing="$(call missing_debs,$(BUILD_DEBS))"; \
	if [ -n "$$missing" ]; then \
	  echo "dubao needs these Debian packages to build: $$missing"; \
	  echo "Run: sudo apt-get install -y $$missing   (or: make run / make check, which install them)"; \
	  exit 1; \
	fi

# ---- running ------------------------------------------------------------

run: deps
	@$(MAKE) --no-print-directory dubao
	./dubao

# ---- tests --------------------------------------------------------------

TEST_BIN = $(B)/tests/dubao-tests

# Declare and list every suite for test_main.c (no registration by hand).
$(B)/gen/test_suites.h: $(wildcard tests/test_*.c)
	@mkdir -p $(dir $@)
	@{ for s in $(SUITE_NAMES); do echo "extern const test_suite $${s}_suite;"; done; \
	  echo "static const test_suite *const suites[] = {"; \
	  for s in $(SUITE_NAMES); do echo "    &$${s}_suite,"; done; \
	  echo "};"; } > $@

$(B)/tests/test_main.o: $(B)/gen/test_suites.h

$(TEST_BIN): $(TEST_OBJ) $(CORE_OBJ) $(TUI_LIB_OBJ)
	$(CC) $(OPT) $(CFLAGS) -o $@ $^ $(LIBS) -lcmocka $(LDFLAGS)

check: deps
	@$(MAKE) --no-print-directory check-man
	@$(MAKE) --no-print-directory check-eval
	@$(MAKE) --no-print-directory check-unit
	@$(MAKE) --no-print-directory check-asan

# How well dubao reads the test pages (tests/data/pages, gold beside each
# page): `make eval` prints the table and writes tests/eval/results.md;
# both fail when a measure falls below tests/eval/floors.  make check runs
# the same without rewriting the committed table.
EVAL_BIN = $(B)/tests/eval/dubao-eval

$(EVAL_BIN): $(EVAL_OBJ) $(CORE_OBJ)
	$(CC) $(OPT) $(CFLAGS) -o $@ $^ $(LIBS) $(LDFLAGS)

eval: deps-check $(EVAL_BIN)
	$(EVAL_BIN) --floors tests/eval/floors --write tests/eval/results.md $(CURDIR)

check-eval: $(EVAL_BIN)
	$(EVAL_BIN) --floors tests/eval/floors $(CURDIR)

check-man:
	@out=$$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l man/dubao.1 2>&1 >/dev/null); \
	if [ -n "$$out" ]; then echo "man page warnings:"; echo "$$out"; exit 1; fi; \
	echo "man page: no warnings"

check-unit: dubao $(TEST_BIN)
	DUBAO_BIN=$(CURDIR)/dubao DUBAO_SRC=$(CURDIR) $(TEST_BIN)

# The same suite under AddressSanitizer and UBSan, in its own build tree.
check-asan:
	@$(MAKE) --no-print-directory B=build/asan OPT=-O1 \
	  CFLAGS="-g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  LDFLAGS="-fsanitize=address,undefined" check-unit-asan

# Every CLI command over the test pages first, then the suite (whose
# summary ends the log).
check-unit-asan: dubao-asan $(TEST_BIN)
	sh tests/asan-cli.sh $(B)/dubao
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 DUBAO_TEST_SMALL=1 \
	  DUBAO_BIN=$(CURDIR)/$(B)/dubao DUBAO_SRC=$(CURDIR) $(TEST_BIN)

dubao-asan: $(CORE_OBJ) $(TUI_OBJ)
	$(CC) $(OPT) $(CFLAGS) -o $(B)/dubao $^ $(LIBS) $(LDFLAGS)

# ---- install ------------------------------------------------------------

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(DATADIR)
	install -m 755 dubao $(DESTDIR)$(BINDIR)/dubao
	install -m 644 man/dubao.1 $(DESTDIR)$(MANDIR)/dubao.1
	cp -R assets/. $(DESTDIR)$(DATADIR)/
	chmod -R u=rwX,go=rX $(DESTDIR)$(DATADIR)

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/dubao $(DESTDIR)$(MANDIR)/dubao.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build dubao

-include $(shell find $(B) -name '*.d' 2>/dev/null)

# make bench (bench/bench.mk) and make fuzz / fuzz-smoke (tests/fuzz/fuzz.mk).
-include bench/bench.mk
-include tests/fuzz/fuzz.mk
