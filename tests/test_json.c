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

/* JSON output is valid UTF-8 that is safe to print whatever the bytes:
   C1 controls, bidi controls and tag characters are escaped (a tag
   character as a surrogate pair), a byte that is not UTF-8 becomes the
   text \xHH; CSV fields get the same printable form, newlines kept. */
static void json_and_csv_are_printable_utf8(void **state)
{
    (void)state;
    strbuf sb = {0};
    json_field_string(&sb, "k", "a\xc2\x9b" "b\xe2\x80\xae" "c\xf3\xa0\x81\xa9"
                      "d\xff\xfe" "e\xe4\xb8" "中", true);
    assert_string_equal(sb.s, "\"k\":\"a\\u009bb\\u202ec\\udb40\\udc69"
                              "d\\\\xff\\\\xfee\\\\xe4\\\\xb8中\"");
    assert_true(test_json_valid(sb.s + 4));
    sb_clear(&sb);
    csv_field(&sb, "x\x1b]52;c;AA==\x07\xff", true);
    csv_field(&sb, "two\nlines\xe2\x80\xae", false);
    assert_string_equal(sb.s, "x\\u001b]52;c;AA==\\u0007\\xff,"
                              "\"two\nlines\\u202e\"");
    sb_free(&sb);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(json_strings_escape_what_json_requires),
    cmocka_unit_test(json_and_csv_are_printable_utf8),
};
const test_suite json_suite = {tests, SUITE_LEN(tests)};
