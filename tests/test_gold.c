/* test_gold.c - the gold reader and the scorer of `make eval`, on invented
 * gold files and pages: a malformed gold file fails naming its line, and
 * the scorer counts right, wrong-speaker and unsure statements as the
 * README of tests/data/pages says. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gold.h"
#include "lexicon.h"
#include "score.h"

static const char header[] =
    "source tests/x.txt\noutlet 某报\ngenre page\nsplit dev\n"
    "paper -\ndate 2024-03-05\nedition -\n";

/* Write text to a fresh file and load it as gold; returns gold_load's
   result, with the message in err. */
static int load_text(const char *text, gold_page *g, strbuf *err)
{
    strbuf path = {0};
    sb_printf(&path, "%s/page.gold", test_tmpdir());
    FILE *f = fopen(path.s, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    int rc = gold_load(path.s, g, err);
    sb_free(&path);
    return rc;
}

static void gold_reads_every_kind_of_line(void **state)
{
    (void)state;
    strbuf text = {0}, err = {0};
    sb_printf(&text, "%s# comment\nN 两会特刊\nH 标题一\nB 本报记者 某某\n"
                     "S 小标题\nH 标题二\n"
                     "p\t陈晓梅\t全国人大代表\t某县委书记\n"
                     "p\t周明远\t-\n"
                     "p\t王立新\t全国政协委员\t-\t?\n"
                     "q\t陈晓梅\tdirect\t乡村振兴，关键在人\n"
                     "q\t周明远\tindirect\t县域经济的短板\t?\n", header);
    gold_page g;
    assert_int_equal(load_text(text.s, &g, &err), 0);
    assert_string_equal(g.outlet, "某报");
    assert_null(g.paper);
    assert_string_equal(g.date, "2024-03-05");
    assert_int_equal(g.nitems, 5);
    assert_int_equal(g.items[0].article, -1);
    assert_int_equal(g.items[3].article, 0);
    assert_int_equal(g.items[4].article, 1);
    assert_int_equal(g.narticles, 2);
    assert_int_equal(g.npeople, 3);
    assert_string_equal(g.people[0].titles, "某县委书记");
    assert_true(g.people[0].titles_given);
    assert_null(g.people[1].role);
    assert_false(g.people[1].titles_given);
    assert_true(g.people[2].unsure);
    assert_int_equal(g.nquotes, 2);
    assert_false(g.quotes[0].unsure);
    assert_true(g.quotes[1].unsure);
    gold_free(&g);
    sb_free(&text);
    sb_free(&err);
}

/* Each malformed file is refused with its line number or its problem. */
static void gold_refuses_malformed_files(void **state)
{
    (void)state;
    static const struct {
        const char *body;
        const char *message;
    } bad[] = {
        {"H 标题\nZ 什么\n", ":9: not a gold line"},
        {"q\t某某\tsaid\t话\np\t某某\t-\n", "unknown quote kind"},
        {"q\t某某\tdirect\t话\n", "has no p line"},
        {"p\t某某\n", "a p line is"},
        {"genre page\n", "genre given twice"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        strbuf text = {0}, err = {0};
        sb_printf(&text, "%s%s", header, bad[i].body);
        gold_page g;
        assert_int_equal(load_text(text.s, &g, &err), -1);
        if (!strstr(err.s, bad[i].message))
            fail_msg("case %zu: '%s' lacks '%s'", i, err.s, bad[i].message);
        gold_free(&g);
        sb_free(&text);
        sb_free(&err);
    }
    strbuf err = {0};
    gold_page g;
    assert_int_equal(load_text("H 标题\n", &g, &err), -1);
    assert_non_null(strstr(err.s, "header lines"));
    gold_free(&g);
    sb_free(&err);
}

/* A made-up page with three statements: 陈晓梅's (right), one dubao
   gives to 陈晓梅 that the gold gives to 周明远 (wrong speaker), and one
   the gold is unsure of. */
static void score_counts_right_wrong_and_unsure(void **state)
{
    (void)state;
    assert_true(lexicon_load_from(test_src_path("assets/lexicon")));
    const char *page =
        "代表委员热议乡村振兴\n\n"
        "　　全国人大代表陈晓梅说：“乡村振兴，关键在人。”\n"
        "　　“县域经济要留住年轻人。”陈晓梅说。\n"
        "　　全国政协委员周明远表示，产业要因地制宜发展起来。\n";
    strbuf text = {0}, err = {0};
    sb_printf(&text, "%sH 代表委员热议乡村振兴\n"
                     "p\t陈晓梅\t全国人大代表\n"
                     "p\t周明远\t全国政协委员\n"
                     "q\t陈晓梅\tdirect\t乡村振兴，关键在人\n"
                     "q\t周明远\tdirect\t县域经济要留住年轻人\n"
                     "q\t周明远\tindirect\t产业要因地制宜发展起来\t?\n",
              header);
    gold_page g;
    assert_int_equal(load_text(text.s, &g, &err), 0);
    issue is;
    structure_score ss;
    statement_score qs;
    assert_int_equal(score_page(&g, "x.txt", page, strlen(page), &is, &ss,
                                &qs, false, &err), 0);
    /* What dubao found decides the counts; check they add up. */
    size_t attributed = 0;
    for (size_t i = 0; i < is.nquotes; i++)
        attributed += is.quotes[i].speaker >= 0;
    assert_true(attributed >= 3);
    assert_int_equal(qs.quotes.gold, 2);     /* the unsure line is not */
    assert_int_equal(qs.quotes.tp, 1);       /* 陈晓梅's own words */
    assert_int_equal(qs.misattributed, 1);   /* 周明远's, given to 陈晓梅 */
    assert_int_equal(qs.quotes.pred, attributed - 1); /* unsure: neutral */
    assert_int_equal(ss.head.tp, 1);
    assert_int_equal(qs.roles.gold, 2);
    assert_int_equal(qs.roles.tp, 2);
    issue_free(&is);
    gold_free(&g);
    sb_free(&text);
    sb_free(&err);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(gold_reads_every_kind_of_line),
    cmocka_unit_test(gold_refuses_malformed_files),
    cmocka_unit_test(score_counts_right_wrong_and_unsure),
};
const test_suite gold_suite = {tests, SUITE_LEN(tests)};
