/* test_text.c - the text toolkit (core/text.c): UTF-8 helpers, code-point
 * arrays, character classes, numerals and punctuation folding, on
 * invented strings, with the cases where a class must not match. */
#include "test.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

static void text_utf8_helpers_count_characters(void **state)
{
    (void)state;
    const char *s = "甲乙a丙";
    size_t n = strlen(s);
    uint32_t uc;
    assert_int_equal(utf8_char(s, n, &uc), 3);
    assert_int_equal(uc, U'甲');
    assert_int_equal(utf8_count(s, n), 4);
    assert_int_equal(utf8_chars_len(s, n, 3), 7);
    assert_int_equal(utf8_chars_len(s, n, 9), n);
    assert_int_equal(utf8_prev_len(s, n), 3);
    assert_int_equal(utf8_prev_len(s, 0), 0);
    assert_true(starts_with(s, n, "甲乙"));
    assert_false(starts_with(s, n, "乙"));
    assert_true(ends_with(s, n, "a丙"));
    assert_false(ends_with(s, 3, "甲乙"));
    /* A broken byte still advances by one. */
    assert_int_equal(utf8_char("\xE4x", 2, &uc), 1);
}

static void text_code_point_arrays_round_trip(void **state)
{
    (void)state;
    size_t n;
    uint32_t *u = u32_from_utf8("某地，某事", &n);
    assert_int_equal(n, 5);
    assert_int_equal(u[2], U'，');
    assert_int_equal(u32_match(u, n, 3, "某事"), 2);
    assert_int_equal(u32_match(u, n, 3, "某事情"), 0);
    assert_int_equal(u32_find(u, n, 0, "某"), 0);
    assert_int_equal(u32_find(u, n, 1, "某"), 3);
    assert_int_equal(u32_find(u, n, 0, "无"), n);
    char *back = u32_to_utf8(u, n);
    assert_string_equal(back, "某地，某事");
    free(back);
    back = u32_to_utf8(u, 0);
    assert_string_equal(back, "");
    free(back);
    free(u);
}

/* A sentence end is certain; a clause end adds commas, semicolons,
   colons and line breaks; the full stop is neither (it is also a decimal
   point). */
static void text_sentence_and_clause_ends_differ_by_name(void **state)
{
    (void)state;
    const uint32_t sentence[] = {U'。', U'！', U'？', U'…', '!', '?'};
    for (size_t i = 0; i < sizeof sentence / sizeof *sentence; i++) {
        assert_true(is_sentence_end(sentence[i]));
        assert_true(is_clause_end(sentence[i]));
    }
    const uint32_t clause[] = {U'，', ',', U'；', ';', U'：', ':', '\n'};
    for (size_t i = 0; i < sizeof clause / sizeof *clause; i++) {
        assert_false(is_sentence_end(clause[i]));
        assert_true(is_clause_end(clause[i]));
    }
    assert_false(is_sentence_end('.'));
    assert_false(is_clause_end('.'));
    assert_true(is_full_stop('.'));
    assert_true(is_full_stop(U'．'));
    assert_false(is_clause_end(U'、'));
    assert_true(is_list_comma(U'、'));
    assert_false(is_sentence_end(U'甲'));
}

static void text_spaces_digits_and_letters(void **state)
{
    (void)state;
    assert_true(is_space(' '));
    assert_true(is_space(IDEOGRAPHIC_SPACE));
    assert_true(is_space(NO_BREAK_SPACE));
    assert_false(is_space('\n'));
    assert_false(is_space(U'、'));
    assert_true(is_digit('7') && is_digit(U'７'));
    assert_int_equal(digit_value(U'７'), 7);
    assert_int_equal(digit_value('3'), 3);
    assert_false(is_digit(U'七'));
    assert_true(is_latin('q') && is_latin(U'Ｑ'));
    assert_false(is_latin('1'));
    assert_true(is_han(U'某') && is_han(U'㐀'));
    assert_false(is_han(U'，') || is_han('a') || is_han(U'ア'));
    assert_true(is_cjk_punct(U'，') && is_cjk_punct(U'“') &&
                is_cjk_punct(U'—') && is_cjk_punct(U'·'));
    assert_false(is_cjk_punct(',') || is_cjk_punct(U'某'));
}

/* Quotation marks and brackets: the straight quotes open and close, so
   they are in neither set. */
static void text_openers_and_closers(void **state)
{
    (void)state;
    assert_true(is_quote_open(U'“') && is_quote_open(U'「'));
    assert_false(is_quote_open(U'”') || is_quote_open(U'（'));
    assert_true(is_quote_close(U'”') && is_quote_close(U'』'));
    assert_false(is_quote_close(U'）'));
    assert_true(is_opener(U'（') && is_opener(U'《') && is_opener('['));
    assert_true(is_closer(U'）') && is_closer(U'》') && is_closer(U'〕'));
    assert_false(is_opener('"') || is_closer('"') || is_closer('\''));
    assert_true(is_straight_quote('"'));
    assert_true(is_dash(U'—') && is_dash(U'―'));
    assert_false(is_dash('-'));
}

static void text_markers_have_one_meaning(void **state)
{
    (void)state;
    assert_int_equal(marker_of(U'■'), MARKER_SOLID);
    assert_int_equal(marker_of(U'●'), MARKER_SOLID);
    assert_int_equal(marker_of(U'□'), MARKER_HOLLOW);
    assert_int_equal(marker_of(U'▲'), MARKER_TRIANGLE);
    assert_int_equal(marker_of(U'★'), MARKER_OTHER);
    assert_int_equal(marker_of(U'·'), MARKER_OTHER);
    assert_int_equal(marker_of(U'某'), MARKER_NONE);
    assert_int_equal(marker_of('-'), MARKER_NONE);
}

static void text_chinese_numerals(void **state)
{
    (void)state;
    assert_int_equal(cn_numeral_value(U'一'), 1);
    assert_int_equal(cn_numeral_value(U'四'), 4);
    assert_int_equal(cn_numeral_value(U'十'), 10);
    assert_int_equal(cn_numeral_value(U'百'), 0);
    assert_int_equal(cn_numeral_value('1'), 0);
    assert_int_equal(cn_numeral_value(U'某'), 0);
}

/* ASCII punctuation next to Chinese text folds to full width; between
   Latin words or digits it stays; a space between does not stop it. */
static void text_fold_punct_only_next_to_chinese(void **state)
{
    (void)state;
    static const char *const folds[][2] = {
        {"某地:某事,某人;行吗?行!(某)", "某地：某事，某人；行吗？行！（某）"},
        {"a, b: c (d)", "a, b: c (d)"},
        {"某 , x", "某 ， x"},
        {"3.5", "3.5"},
    };
    for (size_t i = 0; i < sizeof folds / sizeof *folds; i++) {
        char *f = text_fold_punct(folds[i][0]);
        if (strcmp(f, folds[i][1]) != 0)
            fail_msg("\"%s\" folds to \"%s\"", folds[i][0], f);
        free(f);
    }
    assert_int_equal(fullwidth_of('.'), 0);
    assert_int_equal(fullwidth_of(','), U'，');
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(text_utf8_helpers_count_characters),
    cmocka_unit_test(text_code_point_arrays_round_trip),
    cmocka_unit_test(text_sentence_and_clause_ends_differ_by_name),
    cmocka_unit_test(text_spaces_digits_and_letters),
    cmocka_unit_test(text_openers_and_closers),
    cmocka_unit_test(text_markers_have_one_meaning),
    cmocka_unit_test(text_chinese_numerals),
    cmocka_unit_test(text_fold_punct_only_next_to_chinese),
};
const test_suite text_suite = {tests, SUITE_LEN(tests)};
