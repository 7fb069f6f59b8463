/* test.h - shared declarations for the cmocka test suite.
 *
 * Each tests/test_STAGE.c defines an array of cmocka tests and its length;
 * test_main.c lists them all and runs them as one group so the suite ends
 * with a single cmocka summary line.
 */
#ifndef DUBAO_TEST_H
#define DUBAO_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "strbuf.h"

typedef struct {
    const struct CMUnitTest *tests;
    size_t count;
} test_suite;

#define SUITE_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Path of a file in the source tree (DUBAO_SRC, default "."); static buffer
   reused by the next call. */
const char *test_src_path(const char *rel);
/* Path of a file in ../shared (beside the source tree). */
const char *test_shared_path(const char *rel);
/* Read a whole file into a heap buffer; fails the test if unreadable. */
char *test_read_file(const char *path, size_t *len);
/* A fresh private temporary directory (removed at exit); static buffer. */
const char *test_tmpdir(void);
/* Run argv (NULL-terminated) with stdout captured into out (may be NULL);
   returns the exit status, or -1 if it did not exit normally. */
int test_run(char *const argv[], strbuf *out, strbuf *err);

#endif
