#!/bin/sh
# Every command of the command line, built with ASan+UBSan, over the test
# pages, the format samples and the shipped corpus (issue 21: "an ASan+UBSan
# run of every CLI command over the test pages is clean").  A sanitizer
# report aborts the program (-fno-sanitize-recover, halt_on_error), so a
# finding fails this script through the exit status; exit status 1 for "no
# match" is allowed, nothing else.
# usage: tests/asan-cli.sh DUBAO_BINARY
set -u
bin=$1
tmp=$(mktemp -d /tmp/dubao-asan-cli-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:exitcode=99
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=0
run() {
  "$bin" --db "$tmp/cli.db" --corpus "$corpus" -q "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  [ -n "${ASAN_CLI_VERBOSE:-}" ] && echo "$rc $(wc -l <"$tmp/out") $*"
  if [ "$rc" -gt 1 ] || grep -q 'Sanitizer\|runtime error' "$tmp/err"; then
    echo "asan-cli: FAILED (exit $rc): dubao --corpus $corpus $*"
    head -40 "$tmp/err"
    failed=1
  fi
}
for corpus in tests/data/pages tests/data/formats assets/corpus; do
  rm -f "$tmp"/cli.db*
  run index
  run issues; run issues --json; run issues --since 2025 --until 2026-12
  run articles; run articles --json
  run quotes; run quotes --json; run quotes --csv --bom
  run quotes --role 全国人大代表; run quotes --about 发展 --json
  run speakers; run speakers --json; run speakers 王
  run search 代表; run search --json --limit 5 发展; run search 3.5
  run check
  run -n quotes --speaker zhang
done
[ "$failed" -eq 0 ] && echo "asan-cli: every command clean over the test pages"
exit "$failed"
