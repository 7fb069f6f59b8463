/* test_printable.c - the printable form of file names and paths. */
#include "test.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "printable.h"

/* The printable form of n bytes (heap). */
static char *form(const char *s, size_t n)
{
    strbuf sb = {0};
    sb_puts(&sb, "");
    printable_append(&sb, s, n);
    return sb_take(&sb);
}

static void expect_form(const char *s, size_t n, const char *want)
{
    char *got = form(s, n);
    if (strcmp(got, want) != 0)
        fail_msg("printable form '%s', wanted '%s'", got, want);
    assert_null(u8_check((const uint8_t *)got, strlen(got)));
    free(got);
}

#define EXPECT(lit, want) expect_form(lit, sizeof lit - 1, want)

/* Ordinary names, Chinese and all, are kept as they are. */
static void printable_keeps_ordinary_names(void **state)
{
    (void)state;
    EXPECT("page with spaces.txt", "page with spaces.txt");
    EXPECT("中文 名字.txt", "中文 名字.txt");
    EXPECT("-leading-dash (1).txt", "-leading-dash (1).txt");
    EXPECT("café ½ 〇 .txt", "café ½ 〇 .txt");
    EXPECT("", "");
}

/* What a terminal would act on becomes an escape: the OSC 52 clipboard
   write of the red-team report, C1 CSI, CR/LF/TAB, DEL. */
static void printable_escapes_controls(void **state)
{
    (void)state;
    EXPECT("x\x1b]52;c;RkFLRQ==\x07.txt", "x\\u001b]52;c;RkFLRQ==\\u0007.txt");
    EXPECT("a\xc2\x9b" "2Jb", "a\\u009b2Jb");
    EXPECT("l1\nl2\rt\tz\x7f", "l1\\u000al2\\u000dt\\u0009z\\u007f");
}

/* Format characters that change how text reads (U+202E turns the line
   around), tag characters and line separators are escaped too. */
static void printable_escapes_format_characters(void **state)
{
    (void)state;
    EXPECT("invoice\xe2\x80\xaetxt.exe", "invoice\\u202etxt.exe");
    EXPECT("a\xe2\x80\x8b" "b\xef\xbb\xbf" "c", "a\\u200bb\\ufeffc");
    EXPECT("t\xf3\xa0\x81\xa9g", "t\\U000e0069g");
    EXPECT("t\xf3\xa0\x80\x80g", "t\\U000e0000g"); /* unassigned, in the block */
    EXPECT("p\xe2\x80\xa8q", "p\\u2028q");
}

/* Bytes that are not UTF-8 become \xHH, each byte of a broken sequence
   on its own; a backslash doubles so that no two names share a form. */
static void printable_escapes_bytes_and_backslash(void **state)
{
    (void)state;
    EXPECT("\xff\xfe.txt", "\\xff\\xfe.txt");
    EXPECT("a\xe4\xb8" "b", "a\\xe4\\xb8b");       /* cut short */
    EXPECT("\xc0\xaf", "\\xc0\\xaf");              /* overlong */
    EXPECT("\xed\xa0\x80", "\\xed\\xa0\\x80");     /* a surrogate */
    EXPECT("end\xe4", "end\\xe4");
    EXPECT("a\\xff", "a\\\\xff");
    char *a = form("\xff", 1), *b = form("\\xff", 4);
    assert_string_not_equal(a, b);
    free(a);
    free(b);
}

/* The shared predicate: what is removed from text and escaped in names. */
static void printable_invisible_controls(void **state)
{
    (void)state;
    const unsigned int yes[] = {0x00, 0x1B, 0x7F, 0x85, 0x9B, 0xAD, 0x061C,
                                0x200B, 0x200E, 0x202E, 0x2066, 0x2028,
                                0x2029, 0xFEFF, 0xFFF9, 0xE0001, 0xE0041,
                                0xE007F, 0xE0000};
    const unsigned int no[] = {' ', 'a', 0xA0, 0xE9, 0x3000, 0x4E2D, 0x201C,
                               0xFF0C, 0xFE0F, 0xE0100, 0x1F3F4, 0xE080};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        if (!char_is_invisible_control(yes[i]))
            fail_msg("U+%04X should count as invisible", yes[i]);
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        if (char_is_invisible_control(no[i]))
            fail_msg("U+%04X should be printed", no[i]);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(printable_keeps_ordinary_names),
    cmocka_unit_test(printable_escapes_controls),
    cmocka_unit_test(printable_escapes_format_characters),
    cmocka_unit_test(printable_escapes_bytes_and_backslash),
    cmocka_unit_test(printable_invisible_controls),
};
const test_suite printable_suite = {tests, SUITE_LEN(tests)};
