/* test_fts.c - the dubao_cjk FTS5 tokenizer, user query building and match
 * ranges, checked through real SQLite queries. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "fts.h"
#include "pinyin.h"

/* Test rows; rowid = index + 1.  Own text, built so that characters of the
   names also occur apart from them. */
static const char *const rows[] = {
    /* 1 */ "市长殷勇在会上介绍，北京将大力发展AI产业，推动人工智能与实体经济深度融合。",
    /* 2 */ "小米集团董事长雷军表示，5G基站建设为智能制造提供了基础。",
    /* 3 */ "赵民革代表说，民营企业是推动经济发展的重要力量。",
    /* 4 */ "赵先生和民革成员一起调研，殷切希望加快改革步伐。",
    /* 5 */ "赵民同志参加了民革的活动，会后接受采访。",
    /* 6 */ "本报记者 贺 勇 报道：城市更新行动稳步推进。",
    /* 7 */ "见义勇为的群众受到表彰，大家纷纷点赞。",
    /* 8 */ "雷軍出席論壇並發表演講。",
    /* 9 */ "ＡＩ眼镜亮相展会，５Ｇ信号覆盖全场。",
};
#define NROWS (sizeof rows / sizeof rows[0])

/* An in-memory database with the tokenizer registered and table t filled
   with rows[], built as dubao's own tables are (detail=none). */
static sqlite3 *open_test_db(void)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    assert_int_equal(fts_register(db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
                                  "CREATE VIRTUAL TABLE t USING fts5(body, "
                                  "tokenize='dubao_cjk', detail=none)",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO t(body) VALUES(?)",
                                        -1, &st, NULL),
                     SQLITE_OK);
    for (size_t i = 0; i < NROWS; i++) {
        sqlite3_bind_text(st, 1, rows[i], -1, SQLITE_STATIC);
        assert_int_equal(sqlite3_step(st), SQLITE_DONE);
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return db;
}

/* The rows of t that the user query q finds, as db_search finds them: the
   MATCH of its expression, then dubao_rank's check of the terms.  Rowids
   as "1,7" (heap string), "" when fts_query_from_user returns NULL (no
   results), or "ERROR: message" if SQLite fails. */
static char *search(sqlite3 *db, const char *q)
{
    char *expr = fts_query_from_user(q);
    if (!expr)
        return xstrdup("");
    strbuf sb = {0};
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db,
                           "SELECT rowid FROM t WHERE t MATCH ?1 AND "
                           "dubao_rank(?2, 100, 1.0, body) IS NOT NULL "
                           "ORDER BY rowid",
                           -1, &st, NULL) != SQLITE_OK) {
        sb_printf(&sb, "ERROR: %s", sqlite3_errmsg(db));
        free(expr);
        return sb_take(&sb);
    }
    sqlite3_bind_text(st, 1, expr, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, q, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        sb_printf(&sb, "%s%lld", sb.len ? "," : "",
                  (long long)sqlite3_column_int64(st, 0));
    if (rc != SQLITE_DONE) {
        sb_clear(&sb);
        sb_printf(&sb, "ERROR: %s", sqlite3_errmsg(db));
    }
    sqlite3_finalize(st);
    free(expr);
    return sb.s ? sb_take(&sb) : xstrdup("");
}

/* Assert that user query q finds exactly the rowids in want. */
static void assert_finds(sqlite3 *db, const char *q, const char *want)
{
    char *got = search(db, q);
    if (strcmp(got, want) != 0)
        fail_msg("query '%s': got rows {%s}, want {%s}", q, got, want);
    free(got);
}

/* The rows whose text contains s as a plain substring, as "1,7". */
static char *rows_containing(const char *s)
{
    strbuf sb = {0};
    for (size_t i = 0; i < NROWS; i++)
        if (strstr(rows[i], s))
            sb_printf(&sb, "%s%zu", sb.len ? "," : "", i + 1);
    return sb_take(&sb);
}

/* One token as the tokenizer reports it, collected by collect_token. */
typedef struct {
    strbuf text; /* "tok@start-end" or "+tok@start-end" when colocated */
} token_log;

/* Append one token to a token_log. */
static int collect_token(void *ctx, int tflags, const char *tok, int ntok,
                         int start, int end)
{
    token_log *log = ctx;
    sb_printf(&log->text, "%s%s%.*s@%d-%d", log->text.len ? " " : "",
              (tflags & FTS5_TOKEN_COLOCATED) ? "+" : "", ntok, tok, start,
              end);
    return 0;
}

/* The token stream of s in the given FTS5_TOKENIZE_* mode. */
static char *tokens_of(const char *s, int flags)
{
    token_log log = {{0}};
    assert_int_equal(fts_tokenize(s, strlen(s), flags, &log, collect_token),
                     0);
    return sb_take(&log.text);
}

static void fts_document_tokens(void **state)
{
    (void)state;
    /* 赵民革 is 9 bytes; the comma is 3; "AI" 2; 产业 6. */
    char *got = tokens_of("赵民革，AI产业 Ｘ", FTS5_TOKENIZE_DOCUMENT);
    assert_string_equal(got, "赵@0-3 +赵民@0-6 民@3-6 +民革@3-9 革@6-9 "
                             "ai@12-14 产@14-17 +产业@14-20 业@17-20 "
                             "x@21-24");
    free(got);
    /* Bigrams never cross punctuation; they do cross a padding space. */
    got = tokens_of("甲。乙 丙", FTS5_TOKENIZE_DOCUMENT);
    assert_string_equal(got, "甲@0-3 乙@6-9 +乙丙@6-13 丙@10-13");
    free(got);
    got = tokens_of("，。！？“”《》 ", FTS5_TOKENIZE_DOCUMENT);
    assert_string_equal(got, "");
    free(got);
}

static void fts_query_tokens(void **state)
{
    (void)state;
    /* n >= 2 characters: n-1 bigrams, each at its own position; one
       character: its unigram. */
    char *got = tokens_of("赵民革", FTS5_TOKENIZE_QUERY);
    assert_string_equal(got, "赵民@0-6 民革@3-9");
    free(got);
    got = tokens_of("勇", FTS5_TOKENIZE_QUERY);
    assert_string_equal(got, "勇@0-3");
    free(got);
    got = tokens_of("AI产业", FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX);
    assert_string_equal(got, "ai@0-2 产业@2-8");
    free(got);
}

static void fts_one_char_query(void **state)
{
    (void)state;
    sqlite3 *db = open_test_db();
    const char *chars[] = {"勇", "殷", "革", "赵", "融"};
    for (size_t i = 0; i < sizeof chars / sizeof chars[0]; i++) {
        char *want = rows_containing(chars[i]);
        assert_true(want[0] != '\0');
        assert_finds(db, chars[i], want);
        free(want);
    }
    /* 军 is also found in its traditional form (row 8: 雷軍). */
    assert_finds(db, "军", "2,8");
    assert_finds(db, "鑫", "");
    sqlite3_close(db);
}

static void fts_two_char_name(void **state)
{
    (void)state;
    sqlite3 *db = open_test_db();
    /* 殷 and 勇 both occur apart (殷切, 见义勇为): only row 1 has 殷勇. */
    assert_finds(db, "殷勇", "1");
    assert_finds(db, "民革", "3,4,5");
    assert_finds(db, "赵民", "3,5");
    assert_finds(db, "雷军", "2,8");
    assert_finds(db, "雷軍", "2,8");
    /* A name padded with a space in print is still found. */
    assert_finds(db, "贺勇", "6");
    assert_finds(db, "贺 勇", "6");
    /* Characters adjacent across punctuation are not a bigram. */
    assert_finds(db, "业推", "");
    sqlite3_close(db);
}

static void fts_three_char_name(void **state)
{
    (void)state;
    sqlite3 *db = open_test_db();
    /* Rows 4 and 5 have every character of 赵民革, and row 5 even has both
       of its bigrams, but not at consecutive positions. */
    assert_finds(db, "赵", "3,4,5");
    assert_finds(db, "民革", "3,4,5");
    assert_finds(db, "赵民革", "3");
    assert_finds(db, "民革代", "3");
    assert_finds(db, "赵民革代表说", "3");
    assert_finds(db, "殷勇在会", "1");
    assert_finds(db, "殷勇在会上", "1");
    assert_finds(db, "殷勇在上", "");
    sqlite3_close(db);
}

static void fts_mixed_case_width(void **state)
{
    (void)state;
    sqlite3 *db = open_test_db();
    assert_finds(db, "AI产业", "1");
    assert_finds(db, "5G基站", "2");
    assert_finds(db, "ai", "1,9");
    assert_finds(db, "Ai", "1,9");
    assert_finds(db, "ＡＩ", "1,9");
    assert_finds(db, "5g", "2,9");
    assert_finds(db, "５Ｇ信号", "9");
    /* Whole words only: ai is not a prefix match. */
    assert_finds(db, "a", "");
    sqlite3_close(db);
}

static void fts_query_expression(void **state)
{
    (void)state;
    /* Every token its own string (folded as the index folds it), all
       ANDed: operators typed are words. */
    char *q = fts_query_from_user("殷勇\" OR \"x");
    assert_string_equal(q, "\"殷勇\" AND \"OR\" AND \"x\"");
    free(q);
    q = fts_query_from_user("  AI产业 3.5%  贺 勇 赵民革");
    assert_string_equal(q, "\"AI\" AND \"产业\" AND \"3\" AND \"5\" AND "
                           "\"贺\" AND \"勇\" AND \"赵民\" AND \"民革\"");
    free(q);
    const char *nothing[] = {"", "   ", "，。！？", "\"", "\"\"", "*", "()",
                             "^", "-", "：；、", "\xff\xfe"};
    for (size_t i = 0; i < sizeof nothing / sizeof nothing[0]; i++) {
        char *e = fts_query_from_user(nothing[i]);
        if (e)
            fail_msg("'%s' gave expression '%s', want NULL", nothing[i], e);
    }
    assert_null(fts_query_from_user(NULL));
}

/* Queries a user could type to break the MATCH syntax: none may cause an
   SQL error, and operators must not act as operators. */
static void fts_hostile_queries(void **state)
{
    (void)state;
    sqlite3 *db = open_test_db();
    const char *hostile[] = {
        "\"", "殷勇\" OR \"x", "*", "NEAR(a b)", "a:b", "^x", "(", ")", "-x",
        "+x", "AND", "OR", "NOT", "殷勇 OR 雷军", "殷勇 NOT 民革", "body:殷勇",
        "殷勇*", "{body}: x", "\"\"\"", "殷勇\"", "\\", "'", "';DROP TABLE t;--",
        "NEAR(殷勇 雷军, 5)", "殷勇 + 雷军", "\xe6\xae", "勇\xff殷",
    };
    for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
        char *got = search(db, hostile[i]);
        if (strncmp(got, "ERROR", 5) == 0)
            fail_msg("query '%s': %s", hostile[i], got);
        free(got);
    }
    /* Typed operators are words that must all be present. */
    assert_finds(db, "殷勇 OR 雷军", "");
    assert_finds(db, "殷勇 NOT 民革", "");
    assert_finds(db, "body:殷勇", "");
    assert_finds(db, "殷勇*", "1");
    assert_finds(db, "-殷勇", "1");
    assert_finds(db, "勇\xff殷", "1");
    /* A 10 KB string of mixed text, operators and quotes. */
    const char *pieces[] = {"殷勇", "\"", " OR ", "NEAR(", "*", "a:b", "(",
                            "^", "雷", " ", "-", "AI", "）", "\xe5"};
    strbuf big = {0};
    for (unsigned i = 1; big.len < 10240; i = i * 1103515245u + 12345u)
        sb_puts(&big, pieces[(i >> 16) % (sizeof pieces / sizeof pieces[0])]);
    char *got = search(db, big.s);
    assert_string_equal(got, "");
    free(got);
    /* And 10 KB of one CJK run: one long phrase. */
    sb_clear(&big);
    while (big.len < 10240)
        sb_puts(&big, "殷勇");
    got = search(db, big.s);
    assert_string_equal(got, "");
    free(got);
    sb_free(&big);
    sqlite3_close(db);
}

/* Collect column 0 of every row of sql, with the MATCH expression of the
   user query q bound to ?1 and q itself to ?2, joined by "|". */
static char *column_texts(sqlite3 *db, const char *sql, const char *q)
{
    char *expr = fts_query_from_user(q);
    assert_non_null(expr);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(db));
    sqlite3_bind_text(st, 1, expr, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, q, -1, SQLITE_TRANSIENT);
    strbuf sb = {0};
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        sb_printf(&sb, "%s%s", sb.len ? "|" : "",
                  (const char *)sqlite3_column_text(st, 0));
    assert_int_equal(rc, SQLITE_DONE);
    sqlite3_finalize(st);
    free(expr);
    return sb_take(&sb);
}

static void fts_rank_orders_by_term_frequency(void **state)
{
    (void)state;
    sqlite3 *db = open_test_db();
    const char *extra[] = {
        "改革开放以来，各项改革举措落地见效，深化改革仍是主线，改革红利持续释放。",
        "会议还讨论了其他事项，并对下一步工作作出部署，其中包括改革。",
    };
    for (size_t i = 0; i < 2; i++) {
        char *sql = sqlite3_mprintf("INSERT INTO t(rowid, body) "
                                    "VALUES(%d, %Q)",
                                    100 + (int)i, extra[i]);
        assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
        sqlite3_free(sql);
    }
    /* Row 100 says 改革 four times, rows 4 and 101 once each; row 4 is
       the shorter. */
    static const char *const by_rank =
        "SELECT rowid FROM t WHERE t MATCH ?1 "
        "ORDER BY dubao_rank(?2, 100, 1.0, body) DESC, rowid";
    char *got = column_texts(db, by_rank, "改革");
    assert_string_equal(got, "100|4|101");
    free(got);
    /* Scores are positive. */
    got = column_texts(db,
                       "SELECT dubao_rank(?2, 100, 1.0, body) > 0 FROM t "
                       "WHERE t MATCH ?1 ORDER BY rowid",
                       "改革");
    assert_string_equal(got, "1|1|1");
    free(got);
    /* Rows 3, 4 and 5 all hold 赵民 and 民革, only row 3 赵民革: the
       others get NULL. */
    got = column_texts(db,
                       "SELECT rowid || ':' || ifnull(dubao_rank(?2, 100, "
                       "1.0, body) > 0, 'null') FROM t WHERE t MATCH ?1 "
                       "ORDER BY rowid",
                       "赵民 民革");
    assert_string_equal(got, "3:1|5:1");
    free(got);
    got = column_texts(db,
                       "SELECT rowid || ':' || ifnull(dubao_rank(?2, 100, "
                       "1.0, body) > 0, 'null') FROM t WHERE t MATCH ?1 "
                       "ORDER BY rowid",
                       "赵民革");
    assert_string_equal(got, "3:1|5:null");
    free(got);
    /* A weighted text counts more: the same words in the first text
       (weight 5) beat them in the second. */
    got = column_texts(db,
                       "SELECT dubao_rank(?2, 100, 5.0, '改革', 1.0, '工作') > "
                       "dubao_rank(?2, 100, 5.0, '工作', 1.0, '改革') "
                       "FROM t WHERE t MATCH ?1 LIMIT 1",
                       "改革");
    assert_string_equal(got, "1");
    free(got);
    /* A term written in traditional characters is counted in simplified
       text, and words joined by a dot must occur joined. */
    assert_finds(db, "雷军出", "8"); /* row 8: 雷軍出席 */
    assert_finds(db, "雷軍出", "8");
    assert_finds(db, "雷军表", "2"); /* row 2: 雷军表示 */
    assert_finds(db, "雷軍表", "2");
    assert_int_equal(sqlite3_exec(db, "INSERT INTO t(rowid, body) VALUES"
                                      "(200, '增长3.5%'), (201, '3个5年')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    got = column_texts(db,
                       "SELECT rowid FROM t WHERE t MATCH ?1 AND "
                       "dubao_rank(?2, 100, 1.0, body) IS NOT NULL",
                       "3.5");
    assert_string_equal(got, "200");
    free(got);
    /* Characters whose compatibility form splits into several words (½ is
       1⁄2, ⑴ is (1)) are searched as the tokenizer indexed them. */
    assert_int_equal(sqlite3_exec(db, "INSERT INTO t(rowid, body) VALUES"
                                      "(202, '比例约为½'), (203, '第⑴条 1')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    assert_finds(db, "½", "202");
    assert_finds(db, "⑴", "203");
    /* A format character or a variation selector inside a run does not
       hide a term that is not in the text as plain bytes. */
    assert_int_equal(sqlite3_exec(db, "INSERT INTO t(rowid, body) VALUES"
                                      "(204, '记者赵\u200D民\uFE00革说')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    assert_finds(db, "赵民革", "3,204");
    /* Latin words count whole and in any case. */
    got = column_texts(db,
                       "SELECT dubao_rank(?2, 100, 1.0, 'AI and ai, said') > "
                       "dubao_rank(?2, 100, 1.0, 'AI is not said') "
                       "FROM t WHERE t MATCH ?1 LIMIT 1",
                       "ai");
    assert_string_equal(got, "1");
    free(got);
    /* Wrong argument counts are an SQL error, not a crash. */
    assert_int_not_equal(sqlite3_exec(db, "SELECT dubao_rank('a', 1, 1.0)",
                                      NULL, NULL, NULL),
                         SQLITE_OK);
    sqlite3_close(db);
}

/* The ranges of fts_match_ranges as "start-end,..." */
static char *ranges_of(const char *text, const char *q, size_t max)
{
    size_t r[16][2];
    assert_true(max <= 16);
    size_t n = fts_match_ranges(text, q, r, max);
    strbuf sb = {0};
    for (size_t i = 0; i < n; i++)
        sb_printf(&sb, "%s%zu-%zu", i ? "," : "", r[i][0], r[i][1]);
    return sb_take(&sb);
}

/* "start-end" of the first occurrence of needle in text. */
static char *span_of(const char *text, const char *needle)
{
    const char *p = strstr(text, needle);
    assert_non_null(p);
    strbuf sb = {0};
    sb_printf(&sb, "%zu-%zu", (size_t)(p - text),
              (size_t)(p - text) + strlen(needle));
    return sb_take(&sb);
}

static void fts_match_ranges_bytes(void **state)
{
    (void)state;
    const char *text = "市长殷勇说，AI产业；ai、ＡＩ和aim殷切";
    char *got = ranges_of(text, "殷勇 ai", 16);
    strbuf want = {0};
    const char *parts[] = {"殷勇", "AI", "ai", "ＡＩ"};
    for (size_t i = 0; i < 4; i++) {
        char *s = span_of(text, parts[i]);
        sb_printf(&want, "%s%s", i ? "," : "", s);
        free(s);
    }
    assert_string_equal(got, want.s);
    free(got);
    /* At most max ranges. */
    got = ranges_of(text, "殷勇 ai", 2);
    char *yin = span_of(text, "殷勇");
    char *ai = span_of(text, "AI");
    sb_clear(&want);
    sb_printf(&want, "%s,%s", yin, ai);
    assert_string_equal(got, want.s);
    free(got);
    free(yin);
    free(ai);
    sb_free(&want);
    /* Overlapping terms merge: 殷勇 and 勇说 give one range. */
    got = ranges_of(text, "殷勇 勇说", 16);
    char *s = span_of(text, "殷勇说");
    assert_string_equal(got, s);
    free(got);
    free(s);
    /* Characters present only apart, or across punctuation: nothing. */
    got = ranges_of(text, "殷说", 16);
    assert_string_equal(got, "");
    free(got);
    got = ranges_of("甲。乙", "甲乙", 16);
    assert_string_equal(got, "");
    free(got);
    /* Two terms whose matches touch make one range. */
    got = ranges_of(text, "产业 ai", 16);
    s = span_of(text, "AI产业");
    assert_true(strncmp(got, s, strlen(s)) == 0 && got[strlen(s)] == ',');
    free(got);
    free(s);
    /* Traditional, padding space, fullwidth query. */
    got = ranges_of("出席的雷軍說", "雷军", 16);
    s = span_of("出席的雷軍說", "雷軍");
    assert_string_equal(got, s);
    free(got);
    free(s);
    got = ranges_of("记者 贺 勇 报道", "贺勇", 16);
    s = span_of("记者 贺 勇 报道", "贺 勇");
    assert_string_equal(got, s);
    free(got);
    free(s);
    got = ranges_of("5G and AI", "ＡＩ", 16);
    assert_string_equal(got, "7-9");
    free(got);
    got = ranges_of("price 3.5 or 3 5 or 35", "3.5", 16);
    assert_string_equal(got, "6-9,13-16");
    free(got);
    got = ranges_of("任何文字", "，。", 16);
    assert_string_equal(got, "");
    free(got);
}

/* fts_match_ranges finds a match in exactly the rows FTS5 matches, for
   a set of one-phrase queries, and in every matched row of a query of
   several terms; its ranges start where highlight() marks the phrase (FTS5
   marks the phrase's tokens: all but the last character of a run, since
   queries are bigrams). */
/* Check that found_rows ("1,7") are exactly the rows[] in which
   fts_match_ranges finds each space-separated term of q. */
static void query_terms_each_found(const char *q, const char *found_rows)
{
    strbuf want = {0};
    for (size_t i = 0; i < NROWS; i++) {
        char *copy = xstrdup(q);
        bool all = true;
        for (char *t = strtok(copy, " "); t && all; t = strtok(NULL, " ")) {
            size_t r[1][2];
            all = fts_match_ranges(rows[i], t, r, 1) == 1;
        }
        free(copy);
        if (all)
            sb_printf(&want, "%s%zu", want.len ? "," : "", i + 1);
    }
    if (strcmp(found_rows, want.s ? want.s : "") != 0)
        fail_msg("query '%s': search found {%s}, match ranges in {%s}", q,
                 found_rows, want.s ? want.s : "");
    sb_free(&want);
}

/* A row is found (MATCH, then dubao_rank) exactly when fts_match_ranges
   finds every term of the query in it. */
static void fts_match_ranges_agree_with_search(void **state)
{
    (void)state;
    sqlite3 *db = open_test_db();
    const char *queries[] = {"勇", "殷勇", "民革", "赵民革", "ai", "5g",
                             "改革", "雷軍", "推动 经济", "贺勇", "ＡＩ 产业",
                             "殷勇在上", "民 革", "记者贺勇", "贺勇报道",
                             "贺勇记者", "雷军出席", "雷軍出席", "论坛并发",
                             "出席论坛", "智能制造"};
    for (size_t k = 0; k < sizeof queries / sizeof queries[0]; k++) {
        char *found_rows = search(db, queries[k]);
        query_terms_each_found(queries[k], found_rows);
        free(found_rows);
    }
    sqlite3_close(db);
}

/* Remove ASCII spaces and U+3000 (what the tokenizer bridges inside a CJK
   run) from a copy of s, and fold it to simplified characters. */
static char *squeeze(const char *s)
{
    strbuf sb = {0};
    for (const char *p = s; *p; p++) {
        if (*p == ' ' || *p == '\t')
            continue;
        if (strncmp(p, "\u3000", 3) == 0) {
            p += 2;
            continue;
        }
        sb_putc(&sb, *p);
    }
    char *plain = sb_take(&sb);
    char *simple = text_simplify(plain);
    free(plain);
    return simple;
}

/* On the real corpus, every CJK substring of 1 to 4 characters is found in
   exactly the paragraphs that contain it (ignoring padding spaces). */
static void fts_corpus_substrings_exact(void **state)
{
    (void)state;
    size_t len;
    char *page = test_read_file(
        test_src_path("assets/corpus/000_fe2404723e325502.txt"), &len);
    strlist paras = {0};
    for (char *line = strtok(page, "\n"); line; line = strtok(NULL, "\n"))
        if (strlen(line) > 6)
            strlist_push(&paras, line);
    free(page);
    assert_true(paras.n > 20);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    assert_int_equal(fts_register(db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
                                  "CREATE VIRTUAL TABLE t USING fts5(body, "
                                  "tokenize='dubao_cjk')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    strlist squeezed = {0};
    for (size_t i = 0; i < paras.n; i++) {
        char *sql = sqlite3_mprintf("INSERT INTO t(rowid, body) "
                                    "VALUES(%d, %Q)",
                                    (int)i + 1, paras.v[i]);
        assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
        sqlite3_free(sql);
        strlist_push_owned(&squeezed, squeeze(paras.v[i]));
    }
    /* Queries: windows of 1-4 ideographs taken every 37 bytes. */
    size_t tried = 0;
    for (size_t i = 0; i < paras.n; i += 3) {
        const unsigned char *p = (const unsigned char *)paras.v[i];
        size_t plen = strlen(paras.v[i]);
        for (size_t at = 0; at + 12 <= plen; at += 37) {
            while (at < plen && (p[at] & 0xC0) == 0x80)
                at++;
            size_t nchars = 1 + (at / 37) % 4, end = at;
            bool all_han = true;
            for (size_t c = 0; c < nchars && all_han; c++) {
                all_han = end + 3 <= plen && p[end] >= 0xE4 && p[end] <= 0xE9;
                end += 3;
            }
            if (!all_han)
                continue;
            char *q = xstrndup(paras.v[i] + at, end - at);
            char *sq = squeeze(q);
            strbuf want = {0};
            for (size_t r = 0; r < paras.n; r++)
                if (strstr(squeezed.v[r], sq))
                    sb_printf(&want, "%s%zu", want.len ? "," : "", r + 1);
            assert_true(want.len > 0);
            assert_finds(db, q, want.s);
            sb_free(&want);
            free(sq);
            free(q);
            tried++;
        }
    }
    assert_true(tried > 100);
    strlist_free(&squeezed);
    strlist_free(&paras);
    sqlite3_close(db);
}

static void fts_register_twice_and_bad_args(void **state)
{
    (void)state;
    sqlite3 *db;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    assert_int_equal(fts_register(db), SQLITE_OK);
    assert_int_equal(fts_register(db), SQLITE_OK);
    assert_int_not_equal(sqlite3_exec(db,
                                      "CREATE VIRTUAL TABLE u USING fts5(b, "
                                      "tokenize='dubao_cjk extra')",
                                      NULL, NULL, NULL),
                         SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
                                  "CREATE VIRTUAL TABLE u USING fts5(b, "
                                  "tokenize='dubao_cjk')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(fts_document_tokens),
    cmocka_unit_test(fts_query_tokens),
    cmocka_unit_test(fts_one_char_query),
    cmocka_unit_test(fts_two_char_name),
    cmocka_unit_test(fts_three_char_name),
    cmocka_unit_test(fts_mixed_case_width),
    cmocka_unit_test(fts_query_expression),
    cmocka_unit_test(fts_hostile_queries),
    cmocka_unit_test(fts_rank_orders_by_term_frequency),
    cmocka_unit_test(fts_match_ranges_bytes),
    cmocka_unit_test(fts_match_ranges_agree_with_search),
    cmocka_unit_test(fts_corpus_substrings_exact),
    cmocka_unit_test(fts_register_twice_and_bad_args),
};
const test_suite fts_suite = {tests, SUITE_LEN(tests)};
