# fuzz.mk - libFuzzer targets for dubao (see tests/fuzz/README.md).
#
# Included from the top Makefile, after its variables are set:
#
#   -include tests/fuzz/fuzz.mk
#
#   make fuzz              every target for FUZZ_TIME seconds (default 60)
#   make fuzz-smoke        every target for 10 seconds (CI)
#   make fuzz-build        only build the targets into build/fuzz/
#   make fuzz-regress      only replay tests/fuzz/regressions/
#   make fuzz FUZZ_TARGETS=fuzz_wrap FUZZ_TIME=300    one target, longer
#
# Everything is built with clang into build/fuzz/, whatever CC and B the
# rest of the build uses.  The core objects are compiled here with the
# fuzzer's coverage instrumentation and ASan + UBSan; the generated
# sources (pinyin table, config.h) are produced by the top Makefile's own
# rules with B=build/fuzz.

FUZZ_B       = build/fuzz

# The rules below call the top Makefile again with B=build/fuzz to make the
# generated sources.  That nested make (or anyone building with
# B=build/fuzz) must not see them: its own $(B)/gen rules then name the
# same files, and fuzz-gen would call itself forever.
ifneq ($(B),$(FUZZ_B))

# Keep whatever default goal the including Makefile had.
fuzz_saved_goal := $(.DEFAULT_GOAL)

FUZZ_CC     ?= clang
FUZZ_TIME   ?= 60
FUZZ_SAN     = -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_OBJSAN  = -fsanitize=fuzzer-no-link,address,undefined \
               -fno-sanitize-recover=all
FUZZ_CFLAGS  = -g -O1 -std=c11 -D_GNU_SOURCE -fno-omit-frame-pointer \
               -Icore -I$(FUZZ_B)/gen $(PKG_CFLAGS) -MMD -MP
FUZZ_LIBS    = $(PKG_LIBS) -lunistring -lm

FUZZ_CORE_SRC = $(or $(CORE_SRC),$(wildcard core/*.c))
FUZZ_CORE_OBJ = $(FUZZ_CORE_SRC:%.c=$(FUZZ_B)/%.o) \
                $(FUZZ_B)/gen/pinyin_table.o
# Of the TUI only the config parser is fuzzed; it needs no terminal.
FUZZ_TUI_OBJ  = $(FUZZ_B)/tui/options.o

FUZZ_ALL     := $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_TARGETS ?= $(FUZZ_ALL)
FUZZ_BINS     = $(FUZZ_TARGETS:%=$(FUZZ_B)/%)

.PHONY: fuzz fuzz-smoke fuzz-build fuzz-regress fuzz-gen

fuzz-build: $(FUZZ_BINS)

fuzz: $(FUZZ_BINS)
	@sh tests/fuzz/run-fuzz.sh $(FUZZ_B) $(FUZZ_TIME) $(FUZZ_TARGETS)

fuzz-smoke: $(FUZZ_BINS)
	@sh tests/fuzz/run-fuzz.sh $(FUZZ_B) 10 $(FUZZ_TARGETS)

fuzz-regress: $(FUZZ_BINS)
	@sh tests/fuzz/run-fuzz.sh $(FUZZ_B) 0 $(FUZZ_TARGETS)

# The generated sources, made by the top Makefile's own rules with
# B=build/fuzz: the pinyin table and every header that has a
# "$(B)/gen/NAME.h:" rule there (config.h, default_config.h, ...), found by
# reading the Makefile so that a new generated header needs no change here.
# The test harness's suite list is not needed.
FUZZ_GEN_HEADERS := $(filter-out test_suites.h,$(shell sed -n \
    's/^\$$(B)\/gen\/\([A-Za-z0-9_]*\.h\):.*/\1/p' Makefile))
FUZZ_GEN = $(FUZZ_B)/gen/pinyin_table.c $(FUZZ_GEN_HEADERS:%=$(FUZZ_B)/gen/%)

fuzz-gen:
	@$(MAKE) --no-print-directory B=$(FUZZ_B) $(FUZZ_GEN)

$(FUZZ_GEN): | fuzz-gen

# Static pattern rules, so that the top Makefile's $(B)/%.o rule never
# applies to these objects.
$(FUZZ_B)/gen/pinyin_table.o: $(FUZZ_B)/gen/pinyin_table.c
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_OBJSAN) -c -o $@ $<

$(filter-out $(FUZZ_B)/gen/%,$(FUZZ_CORE_OBJ)) $(FUZZ_TUI_OBJ): \
    $(FUZZ_B)/%.o: %.c | fuzz-gen
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_OBJSAN) -c -o $@ $<

# The source tree's assets, for the lexicons the speakers and quotes
# stages load (a target's LLVMFuzzerInitialize sets DUBAO_ASSETS to it).
$(FUZZ_ALL:%=$(FUZZ_B)/%.o): $(FUZZ_B)/%.o: tests/fuzz/%.c | fuzz-gen
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_OBJSAN) -Wall -Wextra -Werror -Itui \
	  -DFUZZ_ASSETS_DIR='"$(CURDIR)/assets"' -c -o $@ $<

# fuzz_options also needs the config parser.
$(FUZZ_B)/fuzz_options: $(FUZZ_TUI_OBJ)

$(FUZZ_ALL:%=$(FUZZ_B)/%): $(FUZZ_B)/%: $(FUZZ_B)/%.o $(FUZZ_CORE_OBJ)
	$(FUZZ_CC) $(FUZZ_SAN) -g -o $@ $(filter %.o,$^) $(FUZZ_LIBS)

-include $(wildcard $(FUZZ_B)/*.d $(FUZZ_B)/core/*.d $(FUZZ_B)/tui/*.d)

.DEFAULT_GOAL := $(fuzz_saved_goal)

endif
