/* test_json.c - JSON string escaping. */
#include "test.h"

#include <stdlib.h>
#include <string.h>

#include "json.h"

/* Quotes, backslashes and control characters are escaped; UTF-8 and
   everything else passes through in runs; NULL is null. */
static void json_strings_escape_what_json_requires(void **state)
{
    (void)state;
    strbuf sb = {0};
    json_field_string(&sb, "k", "a\"b\\c\nd\te\rf\x01g\x7fh中文", true);
    assert_string_equal(sb.s, "\"k\":\"a\\\"b\\\\c\\nd\\te\\rf\\u0001g\\u007fh中文\"");
    sb_clear(&sb);
    json_field_string(&sb, "k", NULL, true);
    json_field_string(&sb, "e", "", false);
    json_field_string(&sb, "q", "\"", false);
    assert_string_equal(sb.s, "\"k\":null,\"e\":\"\",\"q\":\"\\\"\"");
    sb_free(&sb);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(json_strings_escape_what_json_requires),
};
const test_suite json_suite = {tests, SUITE_LEN(tests)};
