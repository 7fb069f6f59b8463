/* fuzz_fts.c - libFuzzer target for the dubao_cjk FTS5 tokenizer and the
 * query helpers of core/fts.h.
 *
 * The input is decoded and normalised (what the database indexes), then:
 *
 *   - fts_tokenize() in document and in query mode: every token is
 *     non-empty valid UTF-8 with a byte range inside the text that starts
 *     and ends on character boundaries, and only a bigram after a unigram
 *     is FTS5_TOKEN_COLOCATED;
 *   - an in-memory SQLite database with the tokenizer registered: the text
 *     is inserted into an FTS5 table and searched with
 *     fts_query_from_user(prefix), where prefix is the text up to a term
 *     boundary at most MAX_QUERY_BYTES in.  The MATCH must not fail (the
 *     helper promises a safe expression) and must find the row (the text
 *     contains every term of its own prefix); highlight() of the row, with
 *     its markers removed, gives back the text.  The query is bounded
 *     because FTS5 needs memory in proportion to query terms times their
 *     occurrences: a 10,000-character query of one repeated ideograph
 *     against a matching page takes over 200 MB;
 *   - fts_query_from_user() on the raw bytes (a user may type anything):
 *     valid UTF-8, and a MATCH SQLite accepts;
 *   - fts_match_ranges() with the same prefix as the query: ranges sorted,
 *     disjoint, inside the text, on character boundaries, and at least one
 *     when the query has a term;
 *   - search and highlighting agree: with the first line as the query and
 *     the rest as the row, a row that MATCH finds has match ranges, and
 *     for a one-term query the row has ranges exactly when MATCH finds it
 *     (both claim the same folding and the same idea of adjacency).
 *
 * Each input runs inside a transaction that is rolled back, so the table
 * stays empty and runs do not slow down.
 */
#include <sqlite3.h>

#include "fts.h"
#include "fuzz_common.h"
#include "lexicon.h"

enum { MAX_QUERY_BYTES = 512, MAX_RANGES = 64 };

static sqlite3 *db;
static sqlite3_stmt *insert_stmt, *match_stmt;

/* Run sql, aborting on failure: the fixture itself must work. */
static void exec_or_die(const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
        fuzz_fail("%s: %s", sql, err ? err : "?");
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK)
        fuzz_fail("cannot open an in-memory database");
    if (fts_register(db) != SQLITE_OK)
        fuzz_fail("fts_register failed");
    exec_or_die("CREATE VIRTUAL TABLE t USING fts5(body, "
                "tokenize='dubao_cjk')");
    if (sqlite3_prepare_v2(db, "INSERT INTO t(rowid, body) VALUES(1, ?)", -1,
                           &insert_stmt, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db,
                           "SELECT rowid, highlight(t, 0, char(1), char(2)) "
                           "FROM t WHERE t MATCH ?",
                           -1, &match_stmt, NULL) != SQLITE_OK)
        fuzz_fail("prepare: %s", sqlite3_errmsg(db));
    return 0;
}

/* What the token callback checks against. */
typedef struct {
    const char *text;
    size_t n;
    int count;
    int last_flags;
} token_ctx;

static int check_token(void *ctx, int tflags, const char *tok, int ntok,
                       int start, int end)
{
    token_ctx *c = ctx;
    if (ntok <= 0 || !tok)
        fuzz_fail("empty token %d", c->count);
    fuzz_check_utf8("token", tok, (size_t)ntok);
    if (start < 0 || end <= start || (size_t)end > c->n)
        fuzz_fail("token %d spans [%d, %d) of %zu", c->count, start, end,
                  c->n);
    if (u8_check((const uint8_t *)c->text + start, (size_t)(end - start)))
        fuzz_fail("token %d range splits a character", c->count);
    if (tflags != 0 && tflags != FTS5_TOKEN_COLOCATED)
        fuzz_fail("token %d has flags %d", c->count, tflags);
    if (tflags == FTS5_TOKEN_COLOCATED && c->count == 0)
        fuzz_fail("the first token is colocated");
    c->count++;
    c->last_flags = tflags;
    return 0;
}

/* Tokenize text in both modes with the checks above. */
static void check_tokenizer(const char *text, size_t n)
{
    int modes[] = {FTS5_TOKENIZE_DOCUMENT, FTS5_TOKENIZE_QUERY};
    for (size_t m = 0; m < 2; m++) {
        token_ctx c = {text, n, 0, 0};
        if (fts_tokenize(text, n, modes[m], &c, check_token) != 0)
            fuzz_fail("fts_tokenize failed");
    }
}

/* s with the bytes 1 and 2 (highlight markers) removed (heap). */
static char *without_markers(const char *s)
{
    strbuf sb = {0};
    for (; *s; s++)
        if (*s != 1 && *s != 2)
            sb_putc(&sb, *s);
    return sb_take(&sb);
}

/* Where the query prefix of text may end: the largest p <= max_bytes
   before an ASCII character that is not a letter or digit, before an
   ideograph, or at the end.  Such a cut never splits a search term (a
   word cut in half would not match the whole word in the index). */
static size_t query_cut(const char *text, size_t n, size_t max_bytes)
{
    if (n <= max_bytes)
        return n;
    size_t best = 0;
    for (size_t p = 0; p <= max_bytes;) {
        unsigned char c = (unsigned char)text[p];
        uint32_t uc;
        size_t len = utf8_char(text + p, n - p, &uc);
        if ((c < 0x80 && !(c >= '0' && c <= '9') &&
             !((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) ||
            is_han(uc))
            best = p;
        p += len;
    }
    return best;
}

/* Insert text, search for the query built from its prefix query, roll
   back. */
static void check_self_match(const char *text, size_t n, const char *query)
{
    char *q = fts_query_from_user(query);
    if (!q)
        return;
    fuzz_check_utf8("query", q, strlen(q));
    exec_or_die("BEGIN");
    sqlite3_bind_text(insert_stmt, 1, text, (int)n, SQLITE_STATIC);
    if (sqlite3_step(insert_stmt) != SQLITE_DONE)
        fuzz_fail("insert: %s", sqlite3_errmsg(db));
    sqlite3_reset(insert_stmt);
    sqlite3_bind_text(match_stmt, 1, q, -1, SQLITE_STATIC);
    int rc = sqlite3_step(match_stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        fuzz_fail("MATCH %s failed: %s", q, sqlite3_errmsg(db));
    if (rc == SQLITE_DONE)
        fuzz_fail("the text does not match its own query %s", q);
    const char *hl = (const char *)sqlite3_column_text(match_stmt, 1);
    if (!hl)
        fuzz_fail("highlight() gave NULL");
    fuzz_check_utf8("highlight", hl, strlen(hl));
    char *plain = without_markers(hl);
    if (strcmp(plain, text) != 0)
        fuzz_fail("highlight() changed the text");
    free(plain);
    sqlite3_reset(match_stmt);
    sqlite3_clear_bindings(match_stmt);
    exec_or_die("ROLLBACK");
    free(q);
}

/* fts_match_ranges of query in text. */
static void check_ranges(const char *text, size_t n, const char *query)
{
    size_t ranges[MAX_RANGES][2];
    size_t count = fts_match_ranges(text, query, ranges, MAX_RANGES);
    if (count > MAX_RANGES)
        fuzz_fail("%zu ranges stored in room for %d", count, MAX_RANGES);
    for (size_t i = 0; i < count; i++) {
        if (ranges[i][0] >= ranges[i][1] || ranges[i][1] > n)
            fuzz_fail("range %zu is [%zu, %zu) of %zu", i, ranges[i][0],
                      ranges[i][1], n);
        if (i > 0 && ranges[i][0] <= ranges[i - 1][1])
            fuzz_fail("ranges %zu and %zu overlap or touch", i - 1, i);
        if (u8_check((const uint8_t *)text + ranges[i][0],
                     ranges[i][1] - ranges[i][0]))
            fuzz_fail("range %zu splits a character", i);
    }
    char *q = fts_query_from_user(query);
    if (q && count == 0)
        fuzz_fail("no match range for a prefix of the text itself");
    free(q);
}

/* Does SQLite find the row text with the MATCH expression q? */
static bool sql_matches(const char *text, size_t n, const char *q)
{
    exec_or_die("BEGIN");
    sqlite3_bind_text(insert_stmt, 1, text, (int)n, SQLITE_STATIC);
    if (sqlite3_step(insert_stmt) != SQLITE_DONE)
        fuzz_fail("insert: %s", sqlite3_errmsg(db));
    sqlite3_reset(insert_stmt);
    sqlite3_bind_text(match_stmt, 1, q, -1, SQLITE_STATIC);
    int rc = sqlite3_step(match_stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        fuzz_fail("MATCH %s failed: %s", q, sqlite3_errmsg(db));
    sqlite3_reset(match_stmt);
    sqlite3_clear_bindings(match_stmt);
    exec_or_die("ROLLBACK");
    return rc == SQLITE_ROW;
}

/* The first line of text is a query, the rest a row: compare what the
   search finds with what the highlighter marks. */
static void check_search_vs_ranges(const char *text, size_t n)
{
    const char *nl = memchr(text, '\n', n);
    if (!nl || (size_t)(nl - text) > MAX_QUERY_BYTES)
        return;
    char *query = xstrndup(text, (size_t)(nl - text));
    const char *row = nl + 1;
    size_t row_len = n - (size_t)(row - text);
    char *q = fts_query_from_user(query);
    if (q) {
        bool found = sql_matches(row, row_len, q);
        size_t ranges[MAX_RANGES][2];
        size_t count = fts_match_ranges(row, query, ranges, MAX_RANGES);
        bool one_term = strstr(q, "\" AND \"") == NULL;
        /* A query of several tokens (a CJK run of three characters and
           more: its pairs ANDed) MATCHes rows that hold the pairs apart;
           dubao_rank drops those (fts.h), so only a one-token MATCH must
           have ranges. */
        if (one_term && found && count == 0)
            fuzz_fail("MATCH %s finds the row but there are no ranges", q);
        if (one_term && !found && count > 0)
            fuzz_fail("ranges for %s in a row that MATCH does not find", q);
    }
    free(q);
    free(query);
}

/* What a user types may be any bytes: the query built from them must
   still be valid UTF-8 and a MATCH expression SQLite accepts. */
static void check_raw_query(const uint8_t *data, size_t size)
{
    char *raw = xstrndup((const char *)data, size);
    char *q = fts_query_from_user(raw);
    free(raw);
    if (!q)
        return;
    fuzz_check_utf8("query from raw bytes", q, strlen(q));
    sqlite3_bind_text(match_stmt, 1, q, -1, SQLITE_STATIC);
    int rc = sqlite3_step(match_stmt);
    if (rc != SQLITE_DONE)
        fuzz_fail("MATCH %s on an empty table gave %d: %s", q, rc,
                  sqlite3_errmsg(db));
    sqlite3_reset(match_stmt);
    sqlite3_clear_bindings(match_stmt);
    free(q);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_raw_query(data, size);
    size_t n;
    char *text = fuzz_clean_text(data, size, &n);
    if (!text)
        return 0;
    check_tokenizer(text, n);
    char *query = xstrndup(text, query_cut(text, n, MAX_QUERY_BYTES));
    check_self_match(text, n, query);
    check_ranges(text, n, query);
    free(query);
    check_search_vs_ranges(text, n);
    free(text);
    return 0;
}
