/* test_strbuf.c - growable strings and lists. */
#include "test.h"

#include <stdlib.h>
#include <string.h>

static void sb_grows_and_formats(void **state)
{
    (void)state;
    strbuf sb = {0};
    for (int i = 0; i < 1000; i++)
        sb_printf(&sb, "%d,", i);
    assert_int_equal(sb.len, strlen(sb.s));
    assert_true(strncmp(sb.s, "0,1,2,", 6) == 0);
    assert_non_null(strstr(sb.s, "999,"));
    char *s = sb_take(&sb);
    assert_null(sb.s);
    free(s);
    s = sb_take(&sb);
    assert_string_equal(s, "");
    free(s);
}

static void strlist_keeps_copies(void **state)
{
    (void)state;
    strlist l = {0};
    char buf[8] = "abc";
    strlist_push(&l, buf);
    buf[0] = 'x';
    assert_string_equal(l.v[0], "abc");
    strlist_free(&l);
    assert_int_equal(l.n, 0);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(sb_grows_and_formats),
    cmocka_unit_test(strlist_keeps_copies),
};
const test_suite strbuf_suite = {tests, SUITE_LEN(tests)};
