/* test_textwidth.c - widths, fitting and UAX #14 wrapping of CJK text. */
#include "test.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "textwidth.h"

/* Characters that must not start a line, and that must not end one. */
static const char *const no_start[] = {"，", "。", "、", "；", "：", "？",
                                       "！", "”", "）", "》"};
static const char *const no_end[] = {"“", "（", "《"};

static void textwidth_measures_cjk(void **state)
{
    (void)state;
    assert_int_equal(text_width("中文", strlen("中文")), 4);
    assert_int_equal(text_width("ab", 2), 2);
    assert_int_equal(text_width("\xE3\x80\x80", 3), 2); /* U+3000 */
    assert_int_equal(text_width("，", strlen("，")), 2);
    assert_int_equal(text_width("“", strlen("“")), 1);
    text_set_ambiguous_wide(true);
    assert_int_equal(text_width("“", strlen("“")), 2);
    text_set_ambiguous_wide(false);
}

static void textwidth_fit_never_splits(void **state)
{
    (void)state;
    const char *s = "a中文b";
    int used;
    /* 2 columns: "a" fits, "中" would need 3. */
    assert_int_equal(text_fit(s, strlen(s), 2, &used), 1);
    assert_int_equal(used, 1);
    assert_int_equal(text_fit(s, strlen(s), 3, &used), 4);
    assert_int_equal(used, 3);
    assert_int_equal(text_fit(s, strlen(s), 0, &used), 0);
}

/* Check every wrapped line of s at width: fits, and together the lines
   cover every non-space byte; with rules, also no forbidden line starts or
   ends.  (Below ~6 columns a kept-together pair such as 了。” cannot fit
   at all; fitting the pane wins there.) */
static void check_wrap(const char *s, int width, bool rules)
{
    wrap_line *l;
    size_t n = text_wrap(s, strlen(s), width, &l);
    assert_true(n > 0);
    size_t covered = 0;
    for (size_t i = 0; i < n; i++) {
        /* A wide character alone exceeds a 1-column line; nothing else
           may exceed the width. */
        assert_true(l[i].width <= (width < 2 ? 2 : width));
        assert_int_equal(l[i].width, text_width(s + l[i].start, l[i].len));
        covered += l[i].len;
        for (size_t k = 0; rules && k < SUITE_LEN(no_start) && i > 0; k++)
            assert_true(strncmp(s + l[i].start, no_start[k],
                                strlen(no_start[k])) != 0);
        for (size_t k = 0; rules && k < SUITE_LEN(no_end) && i + 1 < n;
             k++) {
            size_t kl = strlen(no_end[k]);
            assert_false(l[i].len >= kl &&
                         memcmp(s + l[i].start + l[i].len - kl, no_end[k],
                                kl) == 0);
        }
    }
    size_t nonspace = 0;
    for (const char *p = s; *p; p++)
        nonspace += *p != ' ' && *p != '\n';
    assert_true(covered >= nonspace);
    free(l);
}

static void textwidth_wrap_obeys_line_break_rules(void **state)
{
    (void)state;
    const char *para = "看病就医是关系千家万户的民生问题。北京日报记者提问："
                       "北京将采取哪些更有力的措施，有针对性地满足群众就医"
                       "需求？“一个新的时代开始了，中国新能源汽车的时代开始"
                       "了。”他说（记者　高枝）《北京日报》R&D投入占GDP比重";
    for (int w = 1; w <= 41; w++)
        check_wrap(para, w, w >= 6);
}

static void textwidth_wrap_breaks_long_runs(void **state)
{
    (void)state;
    const char *url = "https://example.com/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    wrap_line *l;
    size_t n = text_wrap(url, strlen(url), 10, &l);
    assert_true(n >= 5);
    for (size_t i = 0; i < n; i++)
        assert_true(l[i].width <= 10);
    free(l);
    /* Width 1 cannot hold a wide character: it still makes progress. */
    n = text_wrap("中文", strlen("中文"), 1, &l);
    assert_int_equal(n, 2);
    free(l);
}

static void textwidth_wrap_keeps_newlines(void **state)
{
    (void)state;
    wrap_line *l;
    size_t n = text_wrap("一\n\n二", strlen("一\n\n二"), 20, &l);
    assert_int_equal(n, 3);
    assert_int_equal(l[1].len, 0);
    free(l);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(textwidth_measures_cjk),
    cmocka_unit_test(textwidth_fit_never_splits),
    cmocka_unit_test(textwidth_wrap_obeys_line_break_rules),
    cmocka_unit_test(textwidth_wrap_breaks_long_runs),
    cmocka_unit_test(textwidth_wrap_keeps_newlines),
};
const test_suite textwidth_suite = {tests, SUITE_LEN(tests)};
