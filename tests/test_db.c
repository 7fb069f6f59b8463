/* test_db.c - the database: storing issues, reading rows back, refusing
 * files it must not touch, and incremental indexing of a corpus. */
#include "test.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unistr.h>

#include "articles.h"
#include "corpus.h"
#include "db.h"
#include "pinyin.h"

/* A small hand-made issue: one article with a speaker section and a quote,
   so that the database is tested without the parser. */
static void make_issue(issue *is, const char *file)
{
    memset(is, 0, sizeof *is);
    is->file = xstrdup(file);
    is->paper = xstrdup("测试日报");
    is->date = xstrdup("2025-03-07");
    article *a = issue_add_article(is, "标题'; DROP TABLE issues; --");
    block_list_push(&a->blocks, "副标题", BLOCK_DECK, 2);
    block_list_push(&a->blocks, "本报记者 王五", BLOCK_BYLINE, 3);
    block_list_push(&a->blocks, "张三代表：", BLOCK_SPEAKER_HEADING, 4);
    block_list_push(&a->blocks, "张三说，我们要“干实事”。", BLOCK_BODY, 5);
    is->people = xcalloc(1, sizeof *is->people);
    is->npeople = is->people_cap = 1;
    is->people[0].name = xstrdup("张三");
    is->people[0].role = xstrdup("全国人大代表");
    is->people[0].role_class = ROLE_NPC; /* stage 6 decides it */
    is->people[0].is_delegate = true;
    article_add_section(a, 2, 0);
    is->quotes = xcalloc(1, sizeof *is->quotes);
    is->nquotes = is->quotes_cap = 1;
    is->quotes[0] = (quote){0, 3, 20, 30, QUOTE_INDIRECT, 0,
                            xstrdup("我们要“干实事”。")};
    article_finish(a); /* its text and byline, as stage 5 leaves them */
}

static db *open_tmp_db(const char **path_out)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/t.db", test_tmpdir());
    strbuf err = {0};
    db *d = db_open(path, false, &err);
    if (!d)
        fail_msg("db_open: %s", err.s);
    sb_free(&err);
    if (path_out)
        *path_out = path;
    return d;
}

static void db_stores_and_reads_back(void **state)
{
    (void)state;
    const char *path;
    db *d = open_tmp_db(&path);
    /* The user's database is private whatever the umask. */
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    issue is;
    make_issue(&is, "a.txt");
    strbuf err = {0};
    assert_int_equal(db_store_issue(d, "/x/a.txt", 10, 1, "00", SOURCE_OK,
                                    NULL, &is, &err), 0);
    issue_free(&is);

    issue_row *ir;
    assert_int_equal(db_issues(d, NULL, &ir), 1);
    assert_string_equal(ir[0].file, "a.txt");
    assert_string_equal(ir[0].paper, "测试日报");
    assert_string_equal(ir[0].date, "2025-03-07");
    assert_int_equal(ir[0].articles, 1);

    article_row *ar;
    assert_int_equal(db_articles(d, ir[0].id, NULL, NULL, &ar), 1);
    assert_string_equal(ar[0].headline, "标题'; DROP TABLE issues; --");
    assert_string_equal(ar[0].byline, "本报记者 王五");
    assert_int_equal(ar[0].subheads.n, 1);
    assert_string_equal(ar[0].subheads.v[0], "副标题");
    assert_int_equal(ar[0].speakers.n, 1);
    assert_string_equal(ar[0].speakers.v[0], "张三");

    para_row *pr;
    assert_int_equal(db_paragraphs(d, ar[0].id, &pr), 4);
    assert_int_equal(pr[2].kind, BLOCK_SPEAKER_HEADING);
    assert_int_equal(pr[0].kind, BLOCK_DECK);
    assert_int_equal(pr[1].section, -1);
    assert_int_equal(pr[3].section, 0);
    /* Character offsets: "副标题\n" is 4 characters. */
    assert_int_equal(pr[1].start, 4);
    para_rows_free(pr, 4);

    quote_row *qr;
    quote_filter f = {.speaker = "zhangsan"};
    assert_int_equal(db_quotes(d, &f, &qr), 1);
    assert_string_equal(qr[0].speaker, "张三");
    assert_string_equal(qr[0].role, "全国人大代表");
    assert_string_equal(qr[0].kind, "indirect");
    /* Not the characters [20, 30) of the body: stored as they are. */
    assert_string_equal(qr[0].text, "我们要“干实事”。");
    quote_rows_free(qr, 1);
    f.speaker = "李四";
    assert_int_equal(db_quotes(d, &f, &qr), 0);
    quote_rows_free(qr, 0);
    /* Role classes, as stored: a 全国人大代表 is in NPC, not in CPPCC or
       local. */
    quote_filter byrole = {.roles = ROLE_NPC};
    assert_int_equal(db_quotes(d, &byrole, &qr), 1);
    quote_rows_free(qr, 1);
    byrole.roles = ROLE_CPPCC;
    assert_int_equal(db_quotes(d, &byrole, &qr), 0);
    quote_rows_free(qr, 0);
    byrole.roles = ROLE_LOCAL;
    assert_int_equal(db_quotes(d, &byrole, &qr), 0);
    quote_rows_free(qr, 0);
    assert_int_equal(role_class_from_name("人大代表"), ROLE_NPC);
    assert_int_equal(role_class_from_name("local"), ROLE_LOCAL);
    assert_int_equal(role_class_from_name("cppcc"), ROLE_CPPCC);
    assert_int_equal(role_class_from_name("地方"), ROLE_LOCAL);
    assert_string_equal(role_class_label(ROLE_CPPCC), "政协委员");
    assert_string_equal(role_class_label(ROLE_LOCAL), "local");
    assert_string_equal(role_class_label(ROLE_ANY), "all");
    assert_int_equal(role_class_from_name("市人大代表"), ROLE_ANY);

    speaker_row *sr;
    assert_int_equal(db_speakers(d, "张", &sr), 1);
    assert_true(sr[0].is_delegate);
    assert_int_equal(sr[0].quotes, 1);
    speaker_rows_free(sr, 1);

    article_rows_free(ar, 1);
    issue_rows_free(ir, 1);
    sb_free(&err);
    db_close(d);
}

/* A quote whose words are the characters [start, end) of its article's
   body is stored without them (read from the body); the list, the
   full-text index and the check give the same words either way. */
static void db_quote_words_are_read_from_the_body(void **state)
{
    (void)state;
    const char *path;
    db *d = open_tmp_db(&path);
    issue is;
    make_issue(&is, "body.txt");
    is.quotes[0].start = 22; /* 我们要“干实事”。 in the body */
    is.quotes[0].end = 31;
    strbuf err = {0};
    assert_int_equal(db_store_issue(d, "/x/body.txt", 10, 1, "00", SOURCE_OK,
                                    NULL, &is, &err), 0);
    issue_free(&is);
    assert_int_equal(test_sql_int(path, "SELECT count(*) FROM quotes WHERE "
                                        "text IS NULL"), 1);
    quote_row *qr;
    quote_filter f = {.speaker = "张三", .about = "干实事"};
    assert_int_equal(db_quotes(d, &f, &qr), 1);
    assert_string_equal(qr[0].text, "我们要“干实事”。");
    quote_rows_free(qr, 1);
    strbuf report = {0};
    assert_int_equal(db_full_check(d, &report), 1);
    sb_free(&report);
    sb_free(&err);
    db_close(d);
}

static void db_replaces_a_file_and_forgets_removed_ones(void **state)
{
    (void)state;
    db *d = open_tmp_db(NULL);
    strbuf err = {0};
    for (int i = 0; i < 2; i++) {
        issue is;
        make_issue(&is, "a.txt");
        assert_int_equal(db_store_issue(d, "/x/a.txt", 10, i, "00", SOURCE_OK,
                                        NULL, &is, &err), 0);
        issue_free(&is);
    }
    db_counts c;
    db_get_counts(d, &c);
    assert_int_equal(c.issues, 1);
    assert_int_equal(c.articles, 1);
    assert_int_equal(c.speakers, 1);
    strlist gone = {0};
    strlist_push(&gone, "/x/a.txt");
    assert_int_equal(db_remove_sources(d, &gone, false), 1);
    strlist_free(&gone);
    db_get_counts(d, &c);
    assert_int_equal(c.issues, 0);
    assert_int_equal(c.paragraphs, 0);
    assert_int_equal(c.speakers, 0);
    sb_free(&err);
    db_close(d);
}

/* db_paragraphs cuts each paragraph out of the article's body, read
   once (issue 21 item 2: substr per paragraph made a long article
   quadratic): every paragraph of a long article of one-, two-, three- and
   four-byte characters comes back whole, at its character offset. */
static void db_paragraphs_are_cut_from_the_body_in_order(void **state)
{
    (void)state;
    db *d = open_tmp_db(NULL);
    static const char *const pieces[] = {"a", "é", "中文", "𠀀字", "。"};
    enum { NPARAS = 3000 };
    issue is = {0};
    is.file = xstrdup("long.txt");
    article *a = issue_add_article(&is, "长文");
    for (int i = 0; i < NPARAS; i++) {
        strbuf text = {0};
        sb_printf(&text, "%d", i);
        for (int k = 0; k <= i % 7; k++)
            sb_puts(&text, pieces[(i + k) % 5]);
        block_list_push(&a->blocks, text.s, BLOCK_BODY, i + 2);
        sb_free(&text);
    }
    article_finish(a);
    strbuf err = {0};
    assert_int_equal(db_store_issue(d, "/x/long.txt", 10, 1, "00", SOURCE_OK,
                                    NULL, &is, &err), 0);
    article_row *ar;
    assert_int_equal(db_articles(d, 0, NULL, NULL, &ar), 1);
    para_row *pr;
    assert_int_equal(db_paragraphs(d, ar[0].id, &pr), NPARAS);
    int64_t start = 0;
    for (int i = 0; i < NPARAS; i++) {
        const char *want = a->blocks.v[i].text;
        if (strcmp(pr[i].text, want) != 0)
            fail_msg("paragraph %d: '%s', not '%s'", i, pr[i].text, want);
        assert_int_equal(pr[i].start, start);
        start += (int64_t)u8_mbsnlen((const uint8_t *)want, strlen(want)) + 1;
    }
    para_rows_free(pr, NPARAS);
    /* An article that is not there has no paragraphs. */
    assert_int_equal(db_paragraphs(d, ar[0].id + 1000, &pr), 0);
    article_rows_free(ar, 1);
    issue_free(&is);
    sb_free(&err);
    db_close(d);
}

/* The number of search results (articles and quotes) for query. */
static ssize_t results_for(db *d, const char *query)
{
    search_row *rows;
    ssize_t n = db_search(d, query, NULL, 100, &rows, NULL);
    if (n > 0)
        search_rows_free(rows, n);
    return n;
}

/* Store the hand-made issue under path; 0 on success. */
static int store_made_issue(db *d, const char *path)
{
    issue is;
    make_issue(&is, strrchr(path, '/') + 1);
    strbuf err = {0};
    int rc = db_store_issue(d, path, 10, 1, "00", SOURCE_OK, NULL, &is,
                            &err);
    sb_free(&err);
    issue_free(&is);
    return rc;
}

/* Full-text entries are added per batch and removed with their rows: after
   every kind of change the indexes match the tables exactly, and a row
   removed behind the index's back is reported as damage. */
static void db_full_text_index_follows_every_change(void **state)
{
    (void)state;
    const char *path;
    db *d = open_tmp_db(&path);
    strbuf err = {0}, report = {0};
    assert_int_equal(db_batch_begin(d, &err), 0);
    assert_int_equal(store_made_issue(d, "/x/a.txt"), 0);
    assert_int_equal(store_made_issue(d, "/x/b.txt"), 0);
    assert_int_equal(results_for(d, "干实事"), 0); /* not committed yet */
    assert_int_equal(db_batch_commit(d, &err), 0);
    assert_int_equal(results_for(d, "干实事"), 4); /* 2 articles, 2 quotes */
    /* A quote result says where the quote is in its article's body. */
    search_row *hits;
    ssize_t nhits = db_search(d, "干实事", NULL, 10, &hits, NULL);
    int quote_rows = 0;
    for (ssize_t i = 0; i < nhits; i++) {
        if (!hits[i].is_quote)
            continue;
        quote_rows++;
        assert_int_equal(hits[i].quote_start, 20);
        assert_int_equal(hits[i].quote_end, 30);
    }
    assert_int_equal(quote_rows, 2);
    search_rows_free(hits, nhits);
    assert_int_equal(db_full_check(d, &report), 1);

    /* Replaced outside a batch: no stale entries, none missing. */
    assert_int_equal(store_made_issue(d, "/x/a.txt"), 0);
    assert_int_equal(results_for(d, "干实事"), 4);
    assert_int_equal(db_full_check(d, &report), 1);

    /* A batch rolled back leaves nothing behind. */
    assert_int_equal(db_batch_begin(d, &err), 0);
    assert_int_equal(store_made_issue(d, "/x/c.txt"), 0);
    db_batch_rollback(d);
    assert_int_equal(results_for(d, "干实事"), 4);

    /* Removed files leave the index too. */
    strlist gone = {0};
    strlist_push(&gone, "/x/a.txt");
    assert_int_equal(db_remove_sources(d, &gone, false), 1);
    assert_int_equal(results_for(d, "干实事"), 2);
    assert_int_equal(db_full_check(d, &report), 1);
    strlist_free(&gone);
    /* The speakers' stored quote counts followed every change. */
    speaker_row *sr;
    ssize_t ns = db_speakers(d, NULL, &sr);
    assert_int_equal(ns, 1);
    assert_int_equal(sr[0].quotes, 1);
    speaker_rows_free(sr, ns);
    db_close(d);

    /* A wrong stored count is damage; so is an article deleted without
       its index entry. */
    sqlite3 *h;
    assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "UPDATE speakers SET nquotes=5", NULL,
                                  NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    d = db_open(path, false, &err);
    assert_non_null(d);
    assert_int_equal(db_full_check(d, &report), 0);
    assert_non_null(strstr(report.s, "1 speakers with a wrong quote count"));
    db_close(d);
    sb_clear(&report);
    assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "DELETE FROM quotes;"
                                     "DELETE FROM sections;"
                                     "DELETE FROM appearances;"
                                     "DELETE FROM paragraphs;"
                                     "DELETE FROM articles;"
                                     "UPDATE speakers SET nquotes=0;"
                                     "UPDATE documents SET nquotes=0", NULL,
                                  NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    d = db_open(path, false, &err);
    assert_non_null(d);
    assert_int_equal(db_full_check(d, &report), 0);
    assert_non_null(strstr(report.s, "articles: 1 rows out of step"));
    db_close(d);
    sb_free(&report);
    sb_free(&err);
}

/* The number of quotes that hold about (the quotes pane's filter, w). */
static ssize_t quotes_about(db *d, const char *about)
{
    quote_filter f = {0};
    f.about = about;
    quote_row *rows;
    ssize_t n = db_quotes(d, &f, &rows);
    if (n > 0)
        quote_rows_free(rows, n);
    return n;
}

/* Quotes have no full-text index of their own: they are found through
   their article's, and each quote's own words decide, whatever the query's
   length.  The made issue's body, 张三说，我们要“干实事”。, holds 张三
   and 说 outside its one quote, 我们要“干实事”。 */
static void db_quotes_are_found_by_their_own_words(void **state)
{
    (void)state;
    const char *path;
    db *d = open_tmp_db(&path);
    assert_int_equal(store_made_issue(d, "/x/a.txt"), 0);
    /* In the quote: the article and the quote, for one character, a pair
       and a longer run alike. */
    const char *const inside[] = {"干", "实事", "干实事", "我们要"};
    for (size_t i = 0; i < sizeof inside / sizeof *inside; i++) {
        assert_int_equal(results_for(d, inside[i]), 2);
        assert_int_equal(quotes_about(d, inside[i]), 1);
    }
    /* Only in the article around it: the article alone, no quote and no
       speaker quoted about it. */
    const char *const outside[] = {"说", "张三", "张三说"};
    for (size_t i = 0; i < sizeof outside / sizeof *outside; i++) {
        assert_int_equal(results_for(d, outside[i]), 1);
        assert_int_equal(quotes_about(d, outside[i]), 0);
        speaker_row *sr;
        search_count count;
        ssize_t ns = db_speakers_about(d, outside[i], NULL, &sr, &count);
        assert_int_equal(ns, 0);
        assert_int_equal(count.total, 0);
    }
    speaker_row *sr;
    search_count count;
    ssize_t ns = db_speakers_about(d, "实事", NULL, &sr, &count);
    assert_int_equal(ns, 1);
    assert_string_equal(sr[0].name, "张三");
    speaker_rows_free(sr, ns);
    db_close(d);
    /* No index of quotes is left in the schema. */
    assert_int_equal(test_sql_int(path, "SELECT count(*) FROM sqlite_schema "
                                        "WHERE name LIKE 'quote_fts%'"), 0);
}

/* Assert that the groups of the list of every quote (from the counts
   store keeps per document) are those a count of the quotes gives: the
   same list filtered by its one speaker, speaker_id, which counts. */
static void assert_every_quote_groups_counted(db *d, int64_t speaker_id,
                                              ssize_t expected)
{
    quote_group *stored, *counted;
    quote_filter by_speaker = {0};
    by_speaker.speaker_id = speaker_id;
    ssize_t n = db_quote_groups(d, NULL, &stored);
    ssize_t m = db_quote_groups(d, &by_speaker, &counted);
    assert_int_equal(n, expected);
    assert_int_equal(m, expected);
    for (ssize_t i = 0; i < n; i++) {
        assert_int_equal(stored[i].document_id, counted[i].document_id);
        assert_string_equal(stored[i].file, counted[i].file);
        assert_int_equal(stored[i].first, counted[i].first);
        assert_int_equal(stored[i].count, counted[i].count);
    }
    quote_groups_free(stored, n);
    quote_groups_free(counted, m);
}

/* The list of every quote is grouped by document from the quote counts
   that storing keeps in documents (not from a count of every quote):
   they follow a file stored, stored again and removed, and a wrong one
   is damage that check reports. */
static void db_every_quote_groups_follow_every_change(void **state)
{
    (void)state;
    const char *path;
    db *d = open_tmp_db(&path);
    strbuf err = {0}, report = {0};
    assert_int_equal(store_made_issue(d, "/x/a.txt"), 0);
    assert_int_equal(store_made_issue(d, "/x/b.txt"), 0);
    /* One file without quotes: no group of its own. */
    issue is;
    make_issue(&is, "c.txt");
    free(is.quotes[0].text);
    is.nquotes = 0;
    assert_int_equal(db_store_issue(d, "/x/c.txt", 10, 1, "00", SOURCE_OK,
                                    NULL, &is, &err), 0);
    issue_free(&is);
    int64_t speaker_id = 0;
    speaker_row *sr;
    ssize_t ns = db_speakers(d, NULL, &sr);
    assert_int_equal(ns, 1);
    speaker_id = sr[0].id;
    speaker_rows_free(sr, ns);
    assert_every_quote_groups_counted(d, speaker_id, 2);
    assert_int_equal(store_made_issue(d, "/x/a.txt"), 0); /* stored again */
    assert_every_quote_groups_counted(d, speaker_id, 2);
    strlist gone = {0};
    strlist_push(&gone, "/x/a.txt");
    assert_int_equal(db_remove_sources(d, &gone, false), 1);
    strlist_free(&gone);
    assert_every_quote_groups_counted(d, speaker_id, 1);
    assert_int_equal(db_full_check(d, &report), 1);
    db_close(d);

    sqlite3 *h;
    assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "UPDATE documents SET nquotes=nquotes+1",
                                  NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    d = db_open(path, false, &err);
    assert_non_null(d);
    assert_int_equal(db_full_check(d, &report), 0);
    assert_non_null(strstr(report.s, "2 documents with a wrong quote count"));
    db_close(d);
    sb_free(&report);
    sb_free(&err);
}

/* The number of quotes db_quotes finds for the speaker query q. */
static ssize_t quotes_of(db *d, const char *q)
{
    quote_filter f = {0};
    f.speaker = q;
    quote_row *rows;
    ssize_t n = db_quotes(d, &f, &rows);
    if (n > 0)
        quote_rows_free(rows, n);
    return n;
}

/* Store one hand-made issue per name (their one quote said by that
   speaker), as /x/PREFIXi.txt. */
static void store_speakers(db *d, const char *const *names, size_t n,
                           const char *prefix)
{
    for (size_t i = 0; i < n; i++) {
        char path[64];
        snprintf(path, sizeof path, "/x/%s%zu.txt", prefix, i);
        issue is;
        make_issue(&is, path + 3);
        free(is.people[0].name);
        is.people[0].name = xstrdup(names[i]);
        strbuf err = {0};
        assert_int_equal(db_store_issue(d, path, 10, 1, "00", SOURCE_OK,
                                        NULL, &is, &err), 0);
        sb_free(&err);
        issue_free(&is);
    }
}

/* Speakers are found through their lookup keys exactly as a scan of the
   names would find them: any part of the name, traditional or simplified
   characters, pinyin prefixes and initials; nothing else. */
static void db_speaker_lookup_by_part_and_pinyin(void **state)
{
    (void)state;
    db *d = open_tmp_db(NULL);
    static const char *const names[] = {"赵民革", "雷軍", "欧阳娜娜"};
    store_speakers(d, names, 3, "p");
    static const struct {
        const char *q;
        ssize_t n;
    } cases[] = {
        {"赵民革", 1}, {"民革", 1}, {"革", 1}, {"赵革", 0}, {"雷军", 1},
        {"雷軍", 1},   {"軍", 1},   {"leijun", 1}, {"lei jun", 1},
        {"lj", 1},     {"zmg", 1},  {"zhaom", 1},  {"ouyang", 1},
        {"oynn", 1},   {"Leij", 1}, {"mg", 0},     {"jun", 0},
        {"欧阳娜娜的", 0}, {"", 3},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        if (quotes_of(d, cases[i].q) != cases[i].n)
            fail_msg("speaker query '%s': %zd quotes, want %zd", cases[i].q,
                     quotes_of(d, cases[i].q), cases[i].n);
    db_close(d);
}

/* The pinyin lookup keys find exactly the speakers a scan with
   pinyin_matches_prefix finds, for names with polyphonic, compound and
   traditional characters and queries of every shape (full, spaced,
   initials, mixed, cut short, and letters that match nothing). */
static void db_pinyin_keys_agree_with_a_scan(void **state)
{
    (void)state;
    db *d = open_tmp_db(NULL);
    static const char *const names[] = {
        "曾庆红", "单霁翔", "欧阳娜娜", "吕布", "雷軍", "张一", "长孙无忌",
        "乐嘉", "朴树", "重阳", "阿卜杜·热西提", "区家麟", "解缙", "覃", "李",
        "尉迟恭", "查良镛", "仇英", "盖聂", "华罗庚"};
    size_t nn = sizeof names / sizeof *names;
    store_speakers(d, names, nn, "k");
    static const char *const fixed[] = {
        "zeng", "ceng", "zqh", "shan", "dan", "sjx", "ouyang", "oy", "oynn",
        "lv", "lu", "lb", "leijun", "lei jun", "lj", "ljun", "leij", "zhang",
        "zy", "zs", "changsun", "zhangsun", "yue", "le", "piao", "pu",
        "chong", "zhong", "a", "abdrxt", "ou", "qu", "xie", "jie", "qin",
        "tan", "yuchi", "wc", "zha", "cha", "qiu", "chou", "ge", "gai", "hua",
        "hlg", "x", "zz", "qq", "lz", "li", "l", "ouyangnanax", "nana",
        "zhangsw", "zhangsunw", "ouyn", "oyangn", "shanjx", "zengqh",
        "zenq", "chaly", "zhaliangy", "lvb", "lub", "luob", "leijx",
        "yuchig", "yuchgong"};
    /* Every letter pair and triple over a few letters as well. */
    strlist queries = {0};
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        strlist_push(&queries, fixed[i]);
    static const char letters[] = "zcslqhyoja";
    for (size_t a = 0; a < 10; a++)
        for (size_t b = 0; b < 10; b++) {
            char q[4] = {letters[a], letters[b], '\0', '\0'};
            strlist_push(&queries, q);
            q[2] = letters[(a + b) % 10];
            strlist_push(&queries, q);
        }
    for (size_t i = 0; i < queries.n; i++) {
        ssize_t want = 0;
        for (size_t k = 0; k < nn; k++)
            want += pinyin_matches_prefix(names[k], queries.v[i]);
        ssize_t got = quotes_of(d, queries.v[i]);
        if (got != want)
            fail_msg("pinyin '%s': %zd speakers found, a scan finds %zd",
                     queries.v[i], got, want);
    }
    strlist_free(&queries);
    db_close(d);
}

/* The count of marked quotes follows marks, filters and un-marking. */
/* Every source status has the name the schema's CHECK accepts: a file
   of each status is stored (and counted as a source). */
static void db_stores_every_source_status(void **state)
{
    (void)state;
    db *d = open_tmp_db(NULL);
    assert_string_equal(source_status_name(SOURCE_OK), "ok");
    assert_string_equal(source_status_name(SOURCE_SKIPPED), "skipped");
    assert_string_equal(source_status_name(SOURCE_FAILED), "failed");
    static const source_status all[] = {SOURCE_OK, SOURCE_SKIPPED,
                                        SOURCE_FAILED};
    strbuf err = {0};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
        char path[32];
        snprintf(path, sizeof path, "/x/%zu.txt", i);
        if (db_store_issue(d, path, 10, 1, "00", all[i], "why", NULL, &err))
            fail_msg("storing status %s: %s", source_status_name(all[i]),
                     err.s);
    }
    sb_free(&err);
    db_counts c;
    db_get_counts(d, &c);
    assert_int_equal(c.sources, 3);
    assert_int_equal(c.issues, 0);
    db_close(d);
}

static void db_counts_marked_quotes(void **state)
{
    (void)state;
    db *d = open_tmp_db(NULL);
    static const char *const names[] = {"张三", "李四"};
    store_speakers(d, names, 2, "m");
    quote_filter all = {0};
    quote_row *rows;
    assert_int_equal(db_quotes(d, &all, &rows), 2);
    assert_int_equal(db_quote_count(d, &all, false), 2);
    assert_int_equal(db_quote_count(d, &all, true), 0);
    assert_int_equal(db_mark_toggle(d, &rows[1]), 1);
    assert_int_equal(db_quote_count(d, &all, true), 1);
    speaker_row *sr;
    assert_int_equal(db_speakers(d, "李四", &sr), 1);
    quote_filter one = {0};
    one.speaker_id = sr[0].id;
    assert_int_equal(db_quote_count(d, &one, true),
                     strcmp(rows[1].speaker, "李四") == 0 ? 1 : 0);
    one.speaker_id = -1;
    assert_int_equal(db_quote_count(d, &one, true), 0);
    assert_int_equal(db_mark_toggle(d, &rows[1]), 0);
    assert_int_equal(db_quote_count(d, &all, true), 0);
    speaker_rows_free(sr, 1);
    quote_rows_free(rows, 2);
    db_close(d);
}

/* A search result's snippet is one line around the first match, cut with
   ellipses, and its match ranges point at the query inside it. */
static void db_search_snippet_is_a_line_around_the_match(void **state)
{
    (void)state;
    db *d = open_tmp_db(NULL);
    issue is;
    memset(&is, 0, sizeof is);
    is.file = xstrdup("s.txt");
    article *a = issue_add_article(&is, "标题");
    block_list_push(&a->blocks, "第一段文字很长很长很长很长很长很长很长很长很长。",
                    BLOCK_BODY, 2);
    block_list_push(&a->blocks, "第二段开头，这里说到乡村振兴的办法，后面还有很多很多很多"
                    "很多很多很多很多的文字。", BLOCK_BODY, 3);
    article_finish(a);
    strbuf err = {0};
    assert_int_equal(db_store_issue(d, "/x/s.txt", 10, 1, "00", SOURCE_OK,
                                    NULL, &is, &err), 0);
    issue_free(&is);
    search_row *rows;
    assert_int_equal(db_search(d, "乡村振兴", NULL, 10, &rows, NULL), 1);
    const char *snip = rows[0].snippet;
    assert_null(strchr(snip, '\n'));
    assert_true(strncmp(snip, "…", strlen("…")) == 0);
    assert_true(strcmp(snip + strlen(snip) - strlen("…"), "…") == 0);
    assert_true(u8_mbsnlen((const uint8_t *)snip, strlen(snip)) <= 34);
    assert_int_equal(rows[0].nmatches, 1);
    assert_memory_equal(snip + rows[0].matches[0][0], "乡村振兴",
                        strlen("乡村振兴"));
    search_rows_free(rows, 1);
    sb_free(&err);
    db_close(d);
}

/* Write bytes to path. */
static void write_file(const char *path, const char *bytes, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, n, f), n);
    fclose(f);
}

static void db_refuses_foreign_and_newer_files(void **state)
{
    (void)state;
    const char *dir = test_tmpdir();
    char path[512];
    strbuf err = {0};

    snprintf(path, sizeof path, "%s/garbage.db", dir);
    write_file(path, "this is not a database at all, just text\n", 42);
    assert_null(db_open(path, false, &err));
    assert_non_null(strstr(err.s, path));
    sb_clear(&err);

    snprintf(path, sizeof path, "%s/other.db", dir);
    sqlite3 *h;
    assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "CREATE TABLE t(x)", NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(h);
    assert_null(db_open(path, false, &err));
    assert_non_null(strstr(err.s, "another program"));
    sb_clear(&err);

    const char *fresh;
    db *d = open_tmp_db(&fresh);
    db_close(d);
    assert_int_equal(sqlite3_open(fresh, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "PRAGMA user_version=99", NULL, NULL,
                                  NULL), SQLITE_OK);
    sqlite3_close(h);
    assert_null(db_open(fresh, false, &err));
    assert_non_null(strstr(err.s, "newer dubao"));
    sb_free(&err);
}

/* The names in directory dir, one per line, sorted (to see that nothing
   was created beside a file). */
static char *dir_listing(const char *dir)
{
    char *argv[] = {"ls", "-a", (char *)dir, NULL};
    strbuf out = {0};
    test_run(argv, &out, NULL);
    return sb_take(&out);
}

/* Run dubao with --db path on a command and check that the file at path
   and its directory are exactly as they were. */
static void assert_untouched_by_dubao(const char *dir, const char *path,
                                      const char *expect)
{
    size_t before_len, after_len;
    char *before = test_read_file(path, &before_len);
    char *listing = dir_listing(dir);
    const char *bin = getenv("DUBAO_BIN") ? getenv("DUBAO_BIN") : "./dubao";
    char *argv[] = {(char *)bin, "--db", (char *)path, "-q", "issues", NULL};
    strbuf out = {0}, err = {0};
    assert_int_equal(test_run(argv, &out, &err), 1);
    if (!strstr(err.s ? err.s : "", expect))
        fail_msg("%s: expected '%s' in: %s", path, expect, err.s);
    char *after = test_read_file(path, &after_len);
    assert_int_equal(after_len, before_len);
    if (memcmp(before, after, before_len) != 0)
        fail_msg("%s was changed", path);
    char *listing_after = dir_listing(dir);
    assert_string_equal(listing_after, listing);
    free(before);
    free(after);
    free(listing);
    free(listing_after);
    sb_free(&out);
    sb_free(&err);
}

/* Make an SQLite file of another program at path: a table with a row, in
   the journal mode given. */
static void make_foreign_db(const char *path, const char *journal_mode)
{
    sqlite3 *h;
    assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
    char sql[200];
    snprintf(sql, sizeof sql, "PRAGMA journal_mode=%s; CREATE TABLE t(x);"
             "INSERT INTO t VALUES('theirs')", journal_mode);
    assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
}

/* A file that is not dubao's is recognised before anything is written:
   SQLite's own files (rollback or WAL journal, WAL still open by their
   program, an application id of theirs) and a text file keep every byte,
   and nothing appears beside them (issue 21 item 6). */
static void db_never_changes_a_foreign_file(void **state)
{
    (void)state;
    const char *dir = test_tmpdir();
    char path[512];
    snprintf(path, sizeof path, "%s/rollback.db", dir);
    make_foreign_db(path, "DELETE");
    assert_untouched_by_dubao(dir, path, "another program");

    snprintf(path, sizeof path, "%s/wal.db", dir);
    make_foreign_db(path, "WAL");
    assert_untouched_by_dubao(dir, path, "another program");

    /* Their program still has it open, with a commit in the WAL only. */
    sqlite3 *h;
    assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "PRAGMA wal_autocheckpoint=0;"
                                     "INSERT INTO t VALUES('more')", NULL,
                                  NULL, NULL), SQLITE_OK);
    assert_untouched_by_dubao(dir, path, "another program");
    sqlite3_close(h);

    /* Their application id on a database without tables. */
    snprintf(path, sizeof path, "%s/theirs.db", dir);
    assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "PRAGMA application_id=1234", NULL, NULL,
                                  NULL), SQLITE_OK);
    sqlite3_close(h);
    assert_untouched_by_dubao(dir, path, "another program");

    snprintf(path, sizeof path, "%s/notes.txt", dir);
    write_file(path, "SQLite format 2 is not what this is\n", 36);
    assert_untouched_by_dubao(dir, path, "not a usable database");
}

static void db_upgrades_old_schema_keeping_user_data(void **state)
{
    (void)state;
    const char *path;
    db *d = open_tmp_db(&path);
    db_close(d);
    sqlite3 *h;
    assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
    /* An index of quotes, as schema 16 had, and no auto-vacuum. */
    assert_int_equal(sqlite3_exec(h, "INSERT INTO marks(file, headline, "
                                     "quote, created) VALUES('f','h','q',1);"
                                     "CREATE VIRTUAL TABLE quote_fts USING "
                                     "fts5(text);"
                                     "PRAGMA auto_vacuum=NONE;VACUUM;"
                                     "PRAGMA user_version=0", NULL, NULL,
                                  NULL), SQLITE_OK);
    sqlite3_close(h);
    assert_int_equal(test_sql_int(path, "PRAGMA auto_vacuum"), 0);
    strbuf err = {0};
    d = db_open(path, false, &err);
    assert_non_null(d);
    db_close(d);
    assert_int_equal(test_sql_int(path, "SELECT count(*) FROM sqlite_schema "
                                        "WHERE name LIKE 'quote_fts%'"), 0);
    assert_int_equal(test_sql_int(path, "PRAGMA auto_vacuum"), 2);
    assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
    sqlite3_stmt *st;
    sqlite3_prepare_v2(h, "SELECT count(*) FROM marks", -1, &st, NULL);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 1);
    sqlite3_finalize(st);
    sqlite3_close(h);
    sb_free(&err);
}

static void corpus_index_is_incremental(void **state)
{
    (void)state;
    const char *tmp = test_tmpdir();
    char dir[512];
    snprintf(dir, sizeof dir, "%s/corpus", tmp);
    assert_int_equal(mkdir(dir, 0700), 0);
    test_copy_corpus_page("000_fe2404723e325502.txt", dir);
    test_copy_corpus_page("001_fdcd2f72013fe7d7.txt", dir);
    strlist roots = {0};
    strlist_push(&roots, dir);
    const char *db_path;
    db *d = open_tmp_db(&db_path);
    strbuf err = {0};
    index_report r;

    assert_int_equal(corpus_index(d, &roots, false, 0, &r, NULL, NULL, NULL, &err), 0);
    assert_int_equal(r.files, 2);
    assert_int_equal(r.parsed, 2);

    assert_int_equal(corpus_index(d, &roots, false, 0, &r, NULL, NULL, NULL, &err), 0);
    assert_int_equal(r.parsed, 0);
    assert_int_equal(r.unchanged, 2);

    /* Same content, new mtime: re-hashed, not re-parsed. */
    char path[600];
    snprintf(path, sizeof path, "%s/000_fe2404723e325502.txt", dir);
    struct timespec ts[2] = {{0, UTIME_NOW}, {12345, 0}};
    assert_int_equal(utimensat(AT_FDCWD, path, ts, 0), 0);
    assert_int_equal(corpus_index(d, &roots, false, 0, &r, NULL, NULL, NULL, &err), 0);
    assert_int_equal(r.parsed, 0);
    assert_int_equal(r.unchanged, 2);

    /* Changed content: re-parsed.  Removed file: forgotten. */
    FILE *f = fopen(path, "ab");
    fputs("\n新的一段。\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/001_fdcd2f72013fe7d7.txt", dir);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(corpus_index(d, &roots, false, 0, &r, NULL, NULL, NULL, &err), 0);
    assert_int_equal(r.parsed, 1);
    assert_int_equal(r.removed, 1);
    db_counts c;
    db_get_counts(d, &c);
    assert_int_equal(c.issues, 1);
    /* The pages the removed file and the old rows held went back to the
       file system: none is left free in the file. */
    assert_int_equal(test_sql_int(db_path, "PRAGMA auto_vacuum"), 2);
    assert_int_equal(test_sql_int(db_path, "PRAGMA freelist_count"), 0);

    /* A root that does not exist is reported and wipes nothing. */
    strlist_push(&roots, "/nonexistent/dubao-corpus");
    assert_int_equal(corpus_index(d, &roots, false, 0, &r, NULL, NULL, NULL, &err), 0);
    assert_int_equal(r.missing, 1);
    index_report_free(&r);
    db_get_counts(d, &c);
    assert_int_equal(c.issues, 1);

    strlist_free(&roots);
    sb_free(&err);
    db_close(d);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(db_stores_and_reads_back),
    cmocka_unit_test(db_quote_words_are_read_from_the_body),
    cmocka_unit_test(db_replaces_a_file_and_forgets_removed_ones),
    cmocka_unit_test(db_paragraphs_are_cut_from_the_body_in_order),
    cmocka_unit_test(db_full_text_index_follows_every_change),
    cmocka_unit_test(db_every_quote_groups_follow_every_change),
    cmocka_unit_test(db_quotes_are_found_by_their_own_words),
    cmocka_unit_test(db_search_snippet_is_a_line_around_the_match),
    cmocka_unit_test(db_speaker_lookup_by_part_and_pinyin),
    cmocka_unit_test(db_stores_every_source_status),
    cmocka_unit_test(db_counts_marked_quotes),
    cmocka_unit_test(db_pinyin_keys_agree_with_a_scan),
    cmocka_unit_test(db_refuses_foreign_and_newer_files),
    cmocka_unit_test(db_never_changes_a_foreign_file),
    cmocka_unit_test(db_upgrades_old_schema_keeping_user_data),
    cmocka_unit_test(corpus_index_is_incremental),
};
const test_suite db_suite = {tests, SUITE_LEN(tests)};
