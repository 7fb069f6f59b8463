#!/bin/sh
# run-fuzz.sh - run the libFuzzer targets one after another and summarise.
#
#   sh tests/fuzz/run-fuzz.sh BUILD_DIR SECONDS TARGET...
#
# Called by `make fuzz` / `make fuzz-smoke` / `make fuzz-regress` (fuzz.mk)
# from the top of the source tree.  For each target:
#
#   1. every file in tests/fuzz/regressions/TARGET/ is replayed once (these
#      are inputs that once crashed; they must not crash again);
#   2. unless SECONDS is 0, the target fuzzes for SECONDS seconds on a
#      scratch corpus BUILD_DIR/corpus/TARGET/, which starts as a copy of
#      the seeds (tests/fuzz/corpus/TARGET/ and, for the text targets,
#      tests/fuzz/corpus/text/; for the markup readers, the samples of
#      tests/data/formats) and keeps what earlier runs found, so the
#      seeds in the repository are never touched.  Crashes, leaks, timeouts
#      and inputs slower than 1 s are saved under BUILD_DIR/artifacts/TARGET/
#      and the full log is BUILD_DIR/logs/TARGET.log.
#
# Targets run one at a time (the machine is shared).  The exit status is 1
# when any regression input or fuzzing run crashed, leaked or timed out.

set -u
B=$1
SECONDS_EACH=$2
shift 2
SEEDS=tests/fuzz/corpus
DICTS=tests/fuzz/dict
REGRESS=tests/fuzz/regressions
MAX_LEN=8192
# An input running this long is a hang; over 1 s it is reported as slow.
TIMEOUT=10

failed=0
summary=""

# Text targets get the shared seeds too.
is_text_target() {
    case $1 in
        fuzz_wrap|fuzz_options) return 1 ;;
        *) return 0 ;;
    esac
}

# The samples of tests/data/formats a reader target starts from too.
data_seeds() {
    case $1 in
        fuzz_markdown) find tests/data/formats/md -type f -name '*.md' ;;
        fuzz_html) find tests/data/formats/html -type f ;;
        fuzz_feed) find tests/data/formats/rss -type f ;;
    esac
}

# Count the files in directory $1 whose names start with $2.
count_files() {
    ls "$1" 2>/dev/null | grep -c "^$2" || true
}

for t in "$@"; do
    bin=$B/$t
    if [ ! -x "$bin" ]; then
        echo "run-fuzz: $bin is not built" >&2
        failed=1
        continue
    fi
    mkdir -p "$B/logs" "$B/artifacts/$t" "$B/corpus/$t"

    # 1. Regression inputs.
    regress_note="-"
    if [ -d "$REGRESS/$t" ] && [ -n "$(ls -A "$REGRESS/$t" 2>/dev/null)" ]; then
        nreg=$(ls -A "$REGRESS/$t" | wc -l)
        if "$bin" -timeout=$TIMEOUT "$REGRESS/$t"/* \
            >"$B/logs/$t.regress.log" 2>&1; then
            regress_note="$nreg ok"
        else
            regress_note="FAILED ($B/logs/$t.regress.log)"
            failed=1
        fi
    fi

    if [ "$SECONDS_EACH" -eq 0 ]; then
        summary="$summary$(printf '%-16s regressions: %s' "$t" "$regress_note")
"
        continue
    fi

    # 2. Fuzzing on the scratch corpus.
    cp -p "$SEEDS/$t"/* "$B/corpus/$t"/ 2>/dev/null
    if is_text_target "$t"; then
        cp -p "$SEEDS/text"/* "$B/corpus/$t"/ 2>/dev/null
    fi
    data_seeds "$t" | while read -r f; do
        cp -p "$f" "$B/corpus/$t/sample_$(basename "$f")"
    done
    dict=$DICTS/$t.dict
    if [ ! -f "$dict" ]; then
        dict=$DICTS/text.dict
    fi
    art=$B/artifacts/$t
    crashes_before=$(($(count_files "$art" crash-) + $(count_files "$art" leak-) + \
        $(count_files "$art" timeout-) + $(count_files "$art" oom-)))
    slow_before=$(count_files "$art" slow-unit-)
    echo "fuzzing $t for $SECONDS_EACH s ..."
    "$bin" -max_total_time="$SECONDS_EACH" -timeout=$TIMEOUT \
        -report_slow_units=1 -print_final_stats=1 -max_len=$MAX_LEN \
        -dict="$dict" -artifact_prefix="$art/" "$B/corpus/$t" \
        >"$B/logs/$t.log" 2>&1
    status=$?
    # Executions: the final stats line, or the last status line on a crash.
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$B/logs/$t.log" | tail -1)
    if [ -z "$execs" ]; then
        execs=$(sed -n 's/^#\([0-9][0-9]*\).*/\1/p' "$B/logs/$t.log" | tail -1)
    fi
    crashes=$(($(count_files "$art" crash-) + $(count_files "$art" leak-) + \
        $(count_files "$art" timeout-) + $(count_files "$art" oom-) - crashes_before))
    slow=$(($(count_files "$art" slow-unit-) - slow_before))
    slowest=$(sed -n 's/^Slowest unit: \([0-9][0-9]*\) s.*/\1/p' "$B/logs/$t.log" | sort -n | tail -1)
    if [ "$status" -ne 0 ] && [ "$crashes" -eq 0 ]; then
        crashes=1 # died without an artifact: see the log
    fi
    if [ "$crashes" -ne 0 ]; then
        failed=1
    fi
    summary="$summary$(printf '%-16s execs: %-10s crashes: %-3s slow(>1s): %-3s slowest: %-4s regressions: %s' \
        "$t" "${execs:-?}" "$crashes" "$slow" "${slowest:-0}s" "$regress_note")
"
    if [ "$crashes" -ne 0 ] || [ "$slow" -ne 0 ]; then
        summary="$summary    see $B/logs/$t.log and $art/
"
    fi
done

echo
echo "==== fuzz summary ===="
printf '%s' "$summary"
exit $failed
