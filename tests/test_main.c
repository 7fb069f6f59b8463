/* test_main.c - run every test suite as one cmocka group. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"

/* build/gen/test_suites.h declares every tests/test_NAME.c suite (NAME_suite)
   and lists them in suites[]; the Makefile writes it from the file names. */
#include "test_suites.h"

/* Run all tests, or with an argument only those whose names match that
   cmocka filter pattern (e.g. "decode_*"). */
int main(int argc, char **argv)
{
    if (argc > 1)
        cmocka_set_test_filter(argv[1]);
    /* Every parsing stage reads the word lists: the tests use the source
       tree's (a sanitizer build in build/asan/ would not find them). */
    if (!lexicon_load_from(test_src_path("assets/lexicon"))) {
        fprintf(stderr, "cannot load %s\n", test_src_path("assets/lexicon"));
        return 1;
    }
    size_t total = 0;
    for (size_t i = 0; i < SUITE_LEN(suites); i++)
        total += suites[i]->count;
    struct CMUnitTest *all = calloc(total, sizeof *all);
    size_t n = 0;
    for (size_t i = 0; i < SUITE_LEN(suites); i++) {
        memcpy(all + n, suites[i]->tests,
               suites[i]->count * sizeof *all);
        n += suites[i]->count;
    }
    int failed = _cmocka_run_group_tests("dubao", all, n, NULL, NULL);
    free(all);
    return failed ? 1 : 0;
}
