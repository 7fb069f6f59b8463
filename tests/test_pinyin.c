/* test_pinyin.c - readings and simplified forms from the generated Unihan
 * table, and matching typed pinyin against Chinese names. */
#include "test.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "pinyin.h"

static void pinyin_readings_of_characters(void **state)
{
    (void)state;
    assert_string_equal(pinyin_of(0x96F7), "lei");  /* 雷 */
    assert_string_equal(pinyin_of(0x519B), "jun");  /* 军 */
    assert_string_equal(pinyin_of(0x8ECD), "jun");  /* 軍 */
    assert_string_equal(pinyin_of(0x5415), "lv");   /* 吕: ü as v */
    assert_string_equal(pinyin_of(0x5973), "nv");   /* 女 */
    assert_string_equal(pinyin_of(0x7565), "lve");  /* 略 */
    assert_string_equal(pinyin_of(0x6BB7), "yin");  /* 殷 */
    assert_string_equal(pinyin_of(0x8D75), "zhao"); /* 赵 */
    /* The preferred (kMandarin) reading comes first for a character with
       several: 单 dan (also shan), 曾 ceng (also zeng). */
    assert_string_equal(pinyin_of(0x5355), "dan");
    assert_string_equal(pinyin_of(0x66FE), "ceng");
    assert_null(pinyin_of('A'));
    assert_null(pinyin_of(0x3002)); /* 。 */
    assert_null(pinyin_of(0));
    assert_null(pinyin_of(0x10FFFF));
}

static void pinyin_simplified_forms(void **state)
{
    (void)state;
    assert_int_equal(simplified_of(0x8ECD), 0x519B); /* 軍 -> 军 */
    assert_int_equal(simplified_of(0x8AD6), 0x8BBA); /* 論 -> 论 */
    assert_int_equal(simplified_of(0x519B), 0x519B); /* already simple */
    assert_int_equal(simplified_of('A'), 'A');
    char *s = text_simplify("雷軍");
    assert_string_equal(s, "雷军");
    free(s);
    s = text_simplify("AI與5G，“論壇”");
    assert_string_equal(s, "AI与5G，“论坛”");
    free(s);
    s = text_simplify("");
    assert_string_equal(s, "");
    free(s);
    /* Invalid bytes do not crash and the result is valid UTF-8. */
    s = text_simplify("軍\xff\xe8");
    assert_null(u8_check((const uint8_t *)s, strlen(s)));
    assert_true(strncmp(s, "军", strlen("军")) == 0);
    free(s);
}

static void pinyin_matches_name(void **state)
{
    (void)state;
    const char *yes[] = {"leijun", "lei jun", "LeiJun", "lj", "ljun", "leij",
                         "LJ", "lei'jun", "lei-jun", "l jun", "leiju"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        if (!pinyin_matches("雷军", yes[i]))
            fail_msg("雷军 should match '%s'", yes[i]);
    const char *no[] = {"junlei", "lx", "", "雷", "l", "lei", "leijunx",
                        "lei1", "jl", "leijn", "   ", "雷军"};
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (pinyin_matches("雷军", no[i]))
            fail_msg("雷军 should not match '%s'", no[i]);
    /* Traditional characters in the name. */
    assert_true(pinyin_matches("雷軍", "leijun"));
    /* Three characters, initials mixed with syllables. */
    assert_true(pinyin_matches("赵民革", "zhaominge"));
    assert_true(pinyin_matches("赵民革", "zmg"));
    assert_true(pinyin_matches("赵民革", "zhaomg"));
    assert_true(pinyin_matches("赵民革", "zminge"));
    assert_false(pinyin_matches("赵民革", "zhaomin"));
    assert_false(pinyin_matches("赵民革", "zm"));
    /* ü written v. */
    assert_true(pinyin_matches("吕", "lv"));
    assert_true(pinyin_matches("吕方", "lvfang"));
    assert_false(pinyin_matches("", "lei"));
}

/* Surnames read differently from the character's common word: every
   dictionary reading counts. */
static void pinyin_polyphonic_surnames(void **state)
{
    (void)state;
    assert_true(pinyin_matches("曾华", "zenghua"));
    assert_true(pinyin_matches("曾华", "cenghua"));
    assert_true(pinyin_matches("单伟", "shanwei"));
    assert_true(pinyin_matches("单伟", "sw"));
    assert_true(pinyin_matches("仇明", "qiuming"));
    assert_true(pinyin_matches("区洁", "oujie"));
    assert_true(pinyin_matches("解东", "xiedong"));
    assert_false(pinyin_matches("曾华", "zanghua"));
}

/* A code point in the ideograph planes that has no reading. */
static uint32_t ideograph_without_reading(void)
{
    for (uint32_t cp = 0x20000; cp < 0x2A6E0; cp++)
        if (!pinyin_of(cp))
            return cp;
    fail_msg("every ideograph has a reading");
    return 0;
}

static void pinyin_name_without_reading(void **state)
{
    (void)state;
    uint8_t buf[16] = "雷";
    size_t at = strlen((char *)buf);
    int n = u8_uctomb(buf + at, ideograph_without_reading(), 6);
    assert_true(n == 4);
    buf[at + (size_t)n] = '\0';
    assert_false(pinyin_matches((char *)buf, "leijun"));
    assert_false(pinyin_matches((char *)buf, "lei"));
    assert_false(pinyin_matches((char *)buf, "l"));
    assert_false(pinyin_matches("雷A", "leia"));
    assert_false(pinyin_matches("雷☃", "lei"));
    assert_false(pinyin_matches("雷\xff", "lei"));
    assert_false(pinyin_matches("\xe9\x9b", "lei")); /* cut in half */
}

/* Print justification spaces and the dots of transliterated names are not
   characters of the name. */
static void pinyin_name_separators(void **state)
{
    (void)state;
    assert_true(pinyin_matches("贺 勇", "heyong"));
    assert_true(pinyin_matches("贺\u3000勇", "hy"));
    assert_true(pinyin_matches("阿卜杜·热西提", "abudurexiti"));
    assert_true(pinyin_matches("阿卜杜·热西提", "abdrxt"));
    assert_false(pinyin_matches("阿卜杜·热西提", "abudu"));
    assert_false(pinyin_matches(" · ", "a"));
}

static void pinyin_long_names_and_queries(void **state)
{
    (void)state;
    strbuf name = {0}, q = {0};
    for (int i = 0; i < 20; i++) {
        sb_puts(&name, "雷");
        sb_puts(&q, "lei");
    }
    assert_true(pinyin_matches(name.s, q.s));
    /* A query must spell every character: the first 20 of a 40-character
       name are not enough, and a name too long to check never matches. */
    for (int i = 0; i < 20; i++)
        sb_puts(&name, "雷");
    assert_false(pinyin_matches(name.s, q.s));
    for (int i = 0; i < 20; i++)
        sb_puts(&q, "lei");
    assert_false(pinyin_matches(name.s, q.s));
    /* The longest names take long queries: 30 x zhuang is 180 letters. */
    sb_clear(&name);
    sb_clear(&q);
    for (int i = 0; i < 30; i++) {
        sb_puts(&name, "壮");
        sb_puts(&q, "zhuang");
    }
    assert_true(pinyin_matches(name.s, q.s));
    sb_puts(&q, "z");
    assert_false(pinyin_matches(name.s, q.s));
    sb_free(&name);
    sb_free(&q);
}

/* pinyin_of and simplified_of search the tables by binary search, which
   needs them sorted by code point. */
static void pinyin_tables_sorted(void **state)
{
    (void)state;
    assert_true(pinyin_readings_len > 20000);
    assert_true(simplified_variants_len > 2000);
    for (size_t i = 0; i < pinyin_readings_len; i++) {
        const char *syl = pinyin_syllables[pinyin_readings[i].syllable];
        size_t len = strlen(syl);
        if (len == 0 || len > 6 ||
            strspn(syl, "abcdefghijklmnopqrstuvwxyz") != len)
            fail_msg("bad syllable '%s' for U+%04X", syl,
                     (unsigned)pinyin_readings[i].cp);
        if (i == 0)
            continue;
        const pinyin_reading *a = &pinyin_readings[i - 1];
        const pinyin_reading *b = &pinyin_readings[i];
        if (a->cp > b->cp || (a->cp == b->cp && a->syllable == b->syllable))
            fail_msg("readings out of order or repeated at U+%04X",
                     (unsigned)b->cp);
    }
    for (size_t i = 1; i < simplified_variants_len; i++)
        if (simplified_variants[i - 1].from >= simplified_variants[i].from)
            fail_msg("variants out of order at U+%04X",
                     (unsigned)simplified_variants[i].from);
    /* Every entry is found by the search. */
    for (size_t i = 0; i < simplified_variants_len; i++)
        assert_int_equal(simplified_of(simplified_variants[i].from),
                         simplified_variants[i].to);
    for (size_t i = 0; i < pinyin_readings_len; i++)
        if (i == 0 || pinyin_readings[i - 1].cp != pinyin_readings[i].cp)
            assert_ptr_equal(pinyin_of(pinyin_readings[i].cp),
                             pinyin_syllables[pinyin_readings[i].syllable]);
}

static void pinyin_prefix_while_typing(void **state)
{
    (void)state;
    assert_true(pinyin_matches_prefix("雷军", "lei"));
    assert_true(pinyin_matches_prefix("雷军", "l"));
    assert_true(pinyin_matches_prefix("雷军", "leij"));
    assert_true(pinyin_matches_prefix("雷军", "leijun"));
    assert_false(pinyin_matches_prefix("雷军", "jun"));
    assert_false(pinyin_matches_prefix("雷军", "leijunx"));
    assert_false(pinyin_matches("雷军", "lei"));
    /* u for ü */
    assert_true(pinyin_matches("吕", "lu"));
    assert_true(pinyin_matches("吕", "lv"));
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(pinyin_prefix_while_typing),
    cmocka_unit_test(pinyin_readings_of_characters),
    cmocka_unit_test(pinyin_simplified_forms),
    cmocka_unit_test(pinyin_matches_name),
    cmocka_unit_test(pinyin_polyphonic_surnames),
    cmocka_unit_test(pinyin_name_without_reading),
    cmocka_unit_test(pinyin_name_separators),
    cmocka_unit_test(pinyin_long_names_and_queries),
    cmocka_unit_test(pinyin_tables_sorted),
};
const test_suite pinyin_suite = {tests, SUITE_LEN(tests)};
