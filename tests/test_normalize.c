/* test_normalize.c - stage 2: decoded text in, safe canonical text out;
 * and the byline name-space rule. */
#include "test.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <stdbool.h>
#include <stdio.h>
#include <uninorm.h>
#include <unistr.h>

#include "normalize.h"

/* Normalise in[] and compare with want. */
static void expect_normalized(const char *in, size_t n, const char *want)
{
    size_t len = 12345;
    char *out = text_normalize(in, n, &len);
    assert_string_equal(out, want);
    assert_int_equal(len, strlen(want));
    free(out);
}

/* The same for a NUL-terminated input. */
static void expect_norm(const char *in, const char *want)
{
    expect_normalized(in, strlen(in), want);
}

static void normalize_line_ends(void **state)
{
    (void)state;
    expect_norm("a\r\nb\rc\nd\r\n\r\ne", "a\nb\nc\nd\n\ne");
    expect_norm("行一\r\n行二\r", "行一\n行二\n");
    expect_norm("x\xE2\x80\xA8y", "x\ny"); /* U+2028 line separator */
}

static void normalize_composes_nfc(void **state)
{
    (void)state;
    expect_norm("Cafe\xCC\x81", "Caf\xC3\xA9");     /* e + U+0301 */
    expect_norm("\xE1\x84\x80\xE1\x85\xA1", "가"); /* Hangul jamo */
}

/* Whether s (n bytes) is unchanged by NFC. */
static bool is_nfc(const char *s, size_t n)
{
    size_t len = 0;
    uint8_t *nfc = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, NULL,
                                &len);
    bool same = nfc && len == n && memcmp(nfc, s, n) == 0;
    free(nfc);
    return same || n == 0;
}

/* The output is in NFC whatever the input, including where text_normalize
   skips u8_normalize for text it knows is already NFC: every character of
   the BMP and the first ideograph plane, alone, after letters and kana it
   could compose with, and before a combining mark. */
static void normalize_output_is_always_nfc(void **state)
{
    (void)state;
    static const char *const before[] = {"", "a", "\xE3\x81\x8B" /* か */,
                                         "\xE1\x84\x80" /* jamo ᄀ */};
    int checked = 0;
    for (ucs4_t c = 0x80; c < 0x2A700; c++) {
        if ((c >= 0xD800 && c <= 0xDFFF) || (c >= 0x10000 && c < 0x20000))
            continue;
        uint8_t ch[8];
        int m = u8_uctomb(ch, c, sizeof ch);
        assert_true(m > 0);
        for (size_t b = 0; b < sizeof before / sizeof *before; b++) {
            for (int mark = 0; mark < 2; mark++) {
                char in[32];
                int n = snprintf(in, sizeof in, "%s%.*s\xE4\xB8\xAD%.*s%s",
                                 before[b], m, (const char *)ch, m,
                                 (const char *)ch, mark ? "\xCC\x81" : "");
                size_t len;
                char *out = text_normalize(in, (size_t)n, &len);
                if (!is_nfc(out, len))
                    fail_msg("U+%04X after \"%s\": output not NFC",
                             (unsigned)c, before[b]);
                free(out);
                checked++;
            }
        }
    }
    assert_true(checked > 400000);
}

static void normalize_keeps_cjk_punctuation(void **state)
{
    (void)state;
    const char *s = "“你好！”（全角）：；，。？……——　《书》ＡＢＣ１２３";
    expect_norm(s, s);
}

static void normalize_removes_csi(void **state)
{
    (void)state;
    expect_norm("\x1b[31mred\x1b[0m text", "red text");
    expect_norm("a\x1b[1;32;40mb\x1b[?25lc\x1b[2Jd", "abcd");
    /* A malformed CSI stops at the first byte that cannot belong to it. */
    expect_norm("x\x1b[12中文", "x中文");
}

static void normalize_removes_osc(void **state)
{
    (void)state;
    /* OSC 52 writes to the clipboard: it must never reach a terminal. */
    expect_norm("before\x1b]52;c;aGVsbG8gd29ybGQ=\x07" "after", "beforeafter");
    expect_norm("t\x1b]0;window title\x1b\\x", "tx");
    /* Unterminated: stops at the end of the line, the newline stays. */
    expect_norm("a\x1b]0;title\nb", "a\nb");
}

static void normalize_removes_other_escapes(void **state)
{
    (void)state;
    expect_norm("\x1b(Bx\x1b" "cy\x1b" "7z", "xyz");
    expect_norm("end\x1b", "end");
    expect_norm("\x1bPq#0;2;0;0;0\x1b\\ok", "ok"); /* DCS (sixel) */
}

static void normalize_removes_controls(void **state)
{
    (void)state;
    expect_norm("a\x07" "b\x01" "c\x7f" "d\x0b" "e\x0c" "f\x08" "g", "abcdefg");
    /* Embedded NUL bytes (the length says where the text ends). */
    expect_normalized("x\0y", 3, "xy");
}

static void normalize_removes_c1(void **state)
{
    (void)state;
    expect_norm("a\xC2\x85" "b\xC2\x80" "c\xC2\x84" "d", "abcd");
    /* 8-bit CSI and 8-bit OSC with 8-bit ST, as whole sequences. */
    expect_norm("\xC2\x9B" "31mX\xC2\x9B" "0m", "X");
    expect_norm("\xC2\x9D" "0;title\xC2\x9C" "Y", "Y");
}

static void normalize_removes_invisible_format(void **state)
{
    (void)state;
    expect_norm("in\xC2\xAD" "ter\xE2\x80\x8B" "na\xE2\x80\xAE" "ti\xE2\x81\xA6"
                "on\xEF\xBB\xBF" "al\xE2\x80\x8F",
                "international");
    /* U+3000 and other visible spaces stay. */
    expect_norm("　　正文", "　　正文");
}

/* Tag characters (U+E0000-E007F) are invisible and some terminals draw
   them anyway: a hidden "ignore previous instructions" written in tags, a
   flag's tag sequence and the unassigned code points of the block all go,
   as do the other format characters (interlinear annotation, Arabic
   number sign). */
static void normalize_removes_tag_characters(void **state)
{
    (void)state;
    expect_norm("代表\xF3\xA0\x80\x81\xF3\xA0\x81\xA9\xF3\xA0\x81\xA7"
                "\xF3\xA0\x81\xBF" "说", "代表说");
    expect_norm("\xF0\x9F\x8F\xB4\xF3\xA0\x81\xA7\xF3\xA0\x81\xA2"
                "\xF3\xA0\x81\xB3\xF3\xA0\x81\xA3\xF3\xA0\x81\xB4"
                "\xF3\xA0\x81\xBF", "\xF0\x9F\x8F\xB4");
    expect_norm("a\xF3\xA0\x80\x80" "b\xF3\xA0\x80\x9F" "c", "abc");
    expect_norm("x\xEF\xBF\xB9" "y\xEF\xBF\xBB" "z\xD8\x80", "xyz");
    /* The variation selectors after them are marks, and stay. */
    expect_norm("\xE8\xBE\xBB\xF3\xA0\x84\x80", "\xE8\xBE\xBB\xF3\xA0\x84\x80");
}

static void normalize_expands_tabs(void **state)
{
    (void)state;
    /* Tab stops every 4 display columns; ideographs are 2 columns. */
    expect_norm("a\tb", "a   b");
    expect_norm("\tx", "    x");
    expect_norm("北\tx", "北  x");
    expect_norm("abcd\te", "abcd    e");
    expect_norm("ab\n\tc", "ab\n    c");
}

static void normalize_long_line_is_linear(void **state)
{
    (void)state;
    /* 24 MB, no newline, an escape sequence every few characters. */
    const char *unit = "中文\x1b[31m文本\x1b[0m，";
    const char *clean = "中文文本，";
    size_t ulen = strlen(unit), reps = (24u << 20) / ulen;
    char *big = malloc(reps * ulen + 1);
    assert_non_null(big);
    for (size_t i = 0; i < reps; i++)
        memcpy(big + i * ulen, unit, ulen);
    clock_t start = clock();
    size_t len;
    char *out = text_normalize(big, reps * ulen, &len);
    double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
    assert_int_equal(len, reps * strlen(clean));
    assert_true(strncmp(out, "中文文本，中文文本，", 30) == 0);
    assert_null(strchr(out, '\x1b'));
    assert_true(seconds < 20.0);
    free(out);
    free(big);
}

/* Collapse a byline and compare. */
static void expect_byline(const char *in, const char *want)
{
    char *out = byline_collapse_name_spaces(in);
    assert_string_equal(out, want);
    free(out);
}

static void normalize_byline_collapses_split_names(void **state)
{
    (void)state;
    expect_byline("□ 曹 政", "□ 曹政");
    expect_byline("□ 朱竞若 贺 勇 王昊男", "□ 朱竞若 贺勇 王昊男");
    expect_byline("（张 骁）", "（张骁）");
    expect_byline("效果。 （孙 杰）", "效果。 （孙杰）");
    expect_byline("记者　李　明", "记者　李明"); /* U+3000 justification */
}

static void normalize_byline_keeps_separating_spaces(void **state)
{
    (void)state;
    expect_byline("本报记者 祁梦竹 范俊生 高枝", "本报记者 祁梦竹 范俊生 高枝");
    expect_byline("新华社记者 胡璐 韩佳诺", "新华社记者 胡璐 韩佳诺");
    expect_byline("北京商报记者 杨月涵 程铭勃", "北京商报记者 杨月涵 程铭勃");
    /* Two split names in a row pair up left to right. */
    expect_byline("记者 张 骁 王 晶", "记者 张骁 王晶");
    expect_byline("Reporter A B", "Reporter A B");
    expect_byline("", "");
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(normalize_line_ends),
    cmocka_unit_test(normalize_composes_nfc),
    cmocka_unit_test(normalize_output_is_always_nfc),
    cmocka_unit_test(normalize_keeps_cjk_punctuation),
    cmocka_unit_test(normalize_removes_csi),
    cmocka_unit_test(normalize_removes_osc),
    cmocka_unit_test(normalize_removes_other_escapes),
    cmocka_unit_test(normalize_removes_controls),
    cmocka_unit_test(normalize_removes_c1),
    cmocka_unit_test(normalize_removes_invisible_format),
    cmocka_unit_test(normalize_removes_tag_characters),
    cmocka_unit_test(normalize_expands_tabs),
    cmocka_unit_test(normalize_long_line_is_linear),
    cmocka_unit_test(normalize_byline_collapses_split_names),
    cmocka_unit_test(normalize_byline_keeps_separating_spaces),
};
const test_suite normalize_suite = {tests, SUITE_LEN(tests)};
