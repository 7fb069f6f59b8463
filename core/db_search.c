/* db_search.c - ranked full-text search of headlines, article text and
 * quotes, with snippets and the places of the matches in them.
 */
#include "db_int.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "fts.h"
#include "lexicon.h"

/* Character offset of byte offset b in s. */
static int64_t char_offset(const char *s, size_t b)
{
    return (int64_t)u8_mbsnlen((const uint8_t *)s, b);
}

/* Fill the match ranges of a result from its snippet. */
static void search_row_matches(search_row *r, const char *query)
{
    r->nmatches = fts_match_ranges(r->snippet, query, r->matches,
                                   SEARCH_MAX_MATCHES);
}

/* The longest query searched, in characters: FTS5's memory grows with
   terms times their occurrences, and nobody types more. */
#define SEARCH_MAX_QUERY_CHARS 256

/* At most SEARCH_RANK_CANDIDATES matching articles, and as many quotes,
   are ranked, found among at most SEARCH_SCAN_CANDIDATES rows that hold
   the query's tokens (more than the first when some hold its characters
   apart: 3.5 in a text of dates such as 3月5日). */
#define SEARCH_SCAN_CANDIDATES 2000

/* A snippet: this many characters of text, starting this many before the
   first match. */
#define SNIPPET_CHARS 32
#define SNIPPET_BEFORE 10

/* A one-line excerpt of text around the first match of query (or its
   start), with an ellipsis where text was cut.  Made here from the stored
   text rather than by FTS5's snippet(), which reads the index and
   re-tokenizes the whole text again for every row shown. */
static char *snippet_around(const char *text, const char *query)
{
    size_t len = strlen(text), range[1][2];
    size_t at = fts_match_ranges(text, query, range, 1) ? range[0][0] : 0;
    size_t from = at;
    for (int k = 0; k < SNIPPET_BEFORE && from > 0; k++)
        from -= utf8_prev_len(text, from);
    size_t to = from + utf8_chars_len(text + from, len - from, SNIPPET_CHARS);
    strbuf sb = {0};
    if (from > 0)
        sb_puts(&sb, "\xE2\x80\xA6");
    for (size_t p = from; p < to; p++)
        sb_putc(&sb, text[p] == '\n' ? ' ' : text[p]);
    if (to < len)
        sb_puts(&sb, "\xE2\x80\xA6");
    return sb.s ? sb_take(&sb) : xstrdup("");
}

/* Fill in the file, headline, speaker and snippet of ranked rows[0..n):
   one statement for articles and one for quotes, each prepared once. */
static int search_rows_details(db *d, search_row *rows, size_t n,
                               const char *query)
{
    sqlite3_stmt *st[2] = {
        db_prepare(d, "SELECT doc.file, a.headline, NULL, a.body, 0, 0 FROM "
                      "articles a JOIN documents doc ON doc.id=a.document_id "
                      "WHERE a.id=?1",
                   NULL),
        db_prepare(d, "SELECT doc.file, a.headline, s.name, " QUOTE_TEXT_SQL
                      ", q.start, q.end FROM quotes q "
                      "JOIN articles a ON a.id=q.article_id "
                      "JOIN documents doc ON doc.id=a.document_id "
                      "LEFT JOIN speakers s ON s.id=q.speaker_id WHERE q.id=?1",
                   NULL),
    };
    int rc = st[0] && st[1] ? SQLITE_DONE : SQLITE_ERROR;
    for (size_t k = 0; k < n && rc != SQLITE_ERROR; k++) {
        search_row *r = &rows[k];
        sqlite3_stmt *q = st[r->is_quote ? 1 : 0];
        sqlite3_bind_int64(q, 1, r->is_quote ? r->quote_id : r->article_id);
        rc = sqlite3_step(q);
        if (rc == SQLITE_ROW) {
            r->file = stmt_text_dup(q, 0);
            r->article = stmt_text_dup(q, 1);
            r->speaker = stmt_text_dup(q, 2);
            const char *text = (const char *)sqlite3_column_text(q, 3);
            r->snippet = snippet_around(text ? text : "", query);
            r->quote_start = sqlite3_column_int64(q, 4);
            r->quote_end = sqlite3_column_int64(q, 5);
        }
        if (!r->snippet)
            r->snippet = xstrdup("");
        search_row_matches(r, query);
        rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_DONE : SQLITE_ERROR;
        sqlite3_reset(q);
    }
    sqlite3_finalize(st[0]);
    sqlite3_finalize(st[1]);
    return rc == SQLITE_DONE ? 0 : -1;
}


/* What reading the ranked rows needs: the counts of the two tables'
   matches, found in every row. */
typedef struct {
    int64_t articles, quotes;
} ranked_counts;

/* The FROM and WHERE of the candidates: the articles t whose headline and
   body hold the tokens of the match expression (?1), or the quotes t
   (quote_texts) of those articles, in issues of dates (?6, ?7; see
   db_query.c's sql_date_range).  Quotes have no index of their own (it
   was a quarter of the database): their words are part of their
   article's body, so the articles that match hold every quote that can,
   and dubao_rank_within checks each quote's words.  CROSS JOIN keeps the
   index's rows, newest first, as the outer loop.  With words false (for
   a count) no text is read: quotes come from the index quotes_by_article
   alone and articles from the full-text index, without t. */
static void sql_candidates(strbuf *sql, bool quotes, bool words,
                           const date_range *dates)
{
    sb_puts(sql, " FROM article_fts f");
    if (quotes)
        sb_printf(sql, " CROSS JOIN %s t ON t.article_id=f.rowid",
                  words ? "quote_texts" : "quotes");
    else if (words)
        sb_puts(sql, " CROSS JOIN articles t ON t.id=f.rowid");
    if (date_range_bounded(dates))
        sb_puts(sql, " JOIN articles ta ON ta.id=f.rowid JOIN documents tdoc "
                     "ON tdoc.id=ta.document_id JOIN pages tp ON "
                     "tp.id=tdoc.page_id JOIN issues i ON i.id=tp.issue_id");
    sb_puts(sql, " WHERE article_fts MATCH ?1");
    if (dates && dates->since[0])
        sb_puts(sql, " AND i.date >= ?6");
    if (dates && dates->until[0])
        sb_puts(sql, " AND i.date <= ?7");
}

static void bind_dates(sqlite3_stmt *st, const date_range *dates)
{
    if (dates && dates->since[0])
        stmt_bind_text(st, 6, dates->since);
    if (dates && dates->until[0])
        stmt_bind_text(st, 7, dates->until);
}

/* Whether there are more than cap candidates (quotes or articles, as
   sql_candidates makes them) for the match expression (in issues of
   dates): then a list made from the first cap of them may be short of
   some.  Cheap: the indexes are read, no text. */
static bool candidates_exceed(db *d, bool quotes, const char *match,
                              const date_range *dates, int cap)
{
    strbuf sql = {0};
    sb_puts(&sql, "SELECT count(*) FROM (SELECT 1");
    sql_candidates(&sql, quotes, false, dates);
    sb_puts(&sql, " LIMIT ?2)");
    sqlite3_stmt *st = db_prepare(d, sql.s, NULL);
    sb_free(&sql);
    if (!st)
        return false;
    sqlite3_bind_text(st, 1, match, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, cap + 1);
    bind_dates(st, dates);
    bool more = sqlite3_step(st) == SQLITE_ROW &&
                sqlite3_column_int(st, 0) > cap;
    sqlite3_finalize(st);
    return more;
}

/* stmt_read_rows callback: a ranked search result, before its details. */
static void read_ranked(sqlite3_stmt *st, void *row, void *ctx)
{
    ranked_counts *c = ctx;
    search_row *r = row;
    r->is_quote = sqlite3_column_int(st, 0) != 0;
    r->article_id = sqlite3_column_int64(st, 1);
    r->quote_id = sqlite3_column_int64(st, 2);
    r->rank = sqlite3_column_double(st, 3);
    c->articles = sqlite3_column_int64(st, 4);
    c->quotes = sqlite3_column_int64(st, 5);
}

/* The ranking statement of db_search (see there). */
static sqlite3_stmt *search_statement(db *d, const date_range *dates)
{
    strbuf sql = {0};
    sb_puts(&sql, "WITH a AS MATERIALIZED (SELECT id, r FROM (SELECT "
                  "f.rowid AS id, dubao_rank(?4, 4096, 5.0, t.headline, 1.0, "
                  "t.body) AS r");
    sql_candidates(&sql, false, true, dates);
    sb_puts(&sql, " ORDER BY f.rowid DESC LIMIT ?5) WHERE r IS NOT NULL "
                  "LIMIT ?3), q AS MATERIALIZED (SELECT id, aid, r FROM "
                  "(SELECT t.id AS id, t.article_id AS aid, "
                  "dubao_rank_within(?4, 256, 1.0, t.text) AS r");
    sql_candidates(&sql, true, true, dates);
    sb_puts(&sql, " ORDER BY f.rowid DESC LIMIT ?5) WHERE r IS NOT NULL "
                  "LIMIT ?3), n AS (SELECT (SELECT count(*) FROM a) AS na, "
                  "(SELECT count(*) FROM q) AS nq) "
                  "SELECT 0, id, 0, r, na, nq FROM a, n "
                  "UNION ALL SELECT 1, aid, id, r, na, nq FROM q, n "
                  "ORDER BY 4 DESC, 1, 2 DESC, 3 DESC LIMIT ?2");
    sqlite3_stmt *st = db_prepare(d, sql.s, NULL);
    sb_free(&sql);
    return st;
}

ssize_t db_search(db *d, const char *query, const date_range *dates,
                  int limit, search_row **rows, search_count *count)
{
    *rows = NULL;
    if (count)
        *count = (search_count){0, false, 0};
    char *bounded = xstrndup(query, utf8_chars_len(query, strlen(query),
                                                   SEARCH_MAX_QUERY_CHARS));
    query = bounded;
    char *match = fts_query_from_user(query);
    if (!match) {
        free(bounded);
        return 0;
    }
    /* Candidates: the rows that hold every token of the query, newest
       first; dubao_rank drops those without the terms themselves and
       scores the rest (a headline counts five times).  The first
       SEARCH_RANK_CANDIDATES that really match, among at most
       SEARCH_SCAN_CANDIDATES, are ranked per table, which keeps a
       one-character query as fast in an archive as in a single page.  The
       LIMIT inside each subquery keeps SQLite from flattening it, so
       dubao_rank runs once per row; each table's matches are materialized
       once, for the rows and for their count. */
    sqlite3_stmt *st = search_statement(d, dates);
    if (!st) {
        free(match);
        free(bounded);
        return -1;
    }
    sqlite3_bind_text(st, 1, match, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, limit > 0 ? limit : 50);
    sqlite3_bind_int(st, 3, SEARCH_RANK_CANDIDATES);
    sqlite3_bind_text(st, 4, query, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 5, SEARCH_SCAN_CANDIDATES);
    bind_dates(st, dates);
    size_t n;
    ranked_counts c = {0, 0};
    bool ok = stmt_read_rows(st, sizeof **rows, read_ranked, &c,
                             (void **)rows, &n) &&
              search_rows_details(d, *rows, n, query) == 0;
    if (ok && count) {
        /* A table's count is whole unless the ranking stopped at its cap,
           or its scan did before every candidate was seen. */
        count->total = c.articles + c.quotes;
        count->more =
            c.articles >= SEARCH_RANK_CANDIDATES ||
            c.quotes >= SEARCH_RANK_CANDIDATES ||
            candidates_exceed(d, false, match, dates,
                              SEARCH_SCAN_CANDIDATES) ||
            candidates_exceed(d, true, match, dates,
                              SEARCH_SCAN_CANDIDATES);
    }
    free(match);
    free(bounded);
    if (!ok) {
        search_rows_free(*rows, (ssize_t)n);
        *rows = NULL;
        return -1;
    }
    return (ssize_t)n;
}

/* The articles whose index entry holds the words' characters that
   db_speakers_about looks at, newest first: as many as a search ranks
   (their quotes, some 6 an article, are checked), which keeps a common
   word to a few tens of milliseconds in any archive; a rarer word is
   counted whole.  Whole articles, so that the quotes counted are those of
   the articles from the oldest one looked at on (search_count.first_id). */
#define ABOUT_SCAN_ARTICLES 500

ssize_t db_speakers_about(db *d, const char *query, const date_range *dates,
                          speaker_row **rows, search_count *count)
{
    *rows = NULL;
    *count = (search_count){0, false, 0};
    char *match = fts_query_from_user(query);
    if (!match)
        return 0;
    strbuf sql = {0};
    sb_puts(&sql, "WITH f AS MATERIALIZED (SELECT f.rowid AS aid");
    sql_candidates(&sql, false, false, dates);
    sb_puts(&sql, " ORDER BY f.rowid DESC LIMIT ?5), c AS MATERIALIZED "
                  "(SELECT t.speaker_id AS sid, dubao_rank_within(?4, 256, "
                  "1.0, t.text) AS r FROM f CROSS JOIN quote_texts t ON "
                  "t.article_id=f.aid WHERE t.speaker_id IS NOT NULL), "
                  "m AS (SELECT sid FROM c WHERE r IS NOT NULL) "
                  "SELECT s.id, s.name, s.role, s.titles, s.delegation, "
                  "s.is_delegate, count(*), (SELECT count(*) FROM f), "
                  "(SELECT count(*) FROM m), (SELECT min(aid) FROM f) FROM m "
                  "JOIN speakers s ON s.id=m.sid GROUP BY s.id "
                  "ORDER BY 7 DESC, s.name");
    sqlite3_stmt *st = db_prepare(d, sql.s, NULL);
    sb_free(&sql);
    ssize_t n = -1;
    if (st) {
        sqlite3_bind_text(st, 1, match, -1, SQLITE_TRANSIENT);
        stmt_bind_text(st, 4, query);
        sqlite3_bind_int(st, 5, ABOUT_SCAN_ARTICLES);
        bind_dates(st, dates);
        int64_t extra[3] = {0, 0, 0}; /* scanned, matched, first article */
        n = speaker_rows_counted(st, rows, extra, 3);
        count->total = extra[1];
        count->more = n >= 0 && extra[0] >= ABOUT_SCAN_ARTICLES &&
                      candidates_exceed(d, false, match, dates,
                                        ABOUT_SCAN_ARTICLES);
        count->first_id = count->more ? extra[2] : 0;
    }
    free(match);
    return n;
}

void search_match_chars(const search_row *r, size_t i, int64_t *start,
                        int64_t *end)
{
    *start = char_offset(r->snippet, r->matches[i][0]);
    *end = char_offset(r->snippet, r->matches[i][1]);
}

int64_t db_first_match(db *d, int64_t article_id, const char *query,
                       int64_t *end)
{
    sqlite3_stmt *st = db_prepare(d, "SELECT body FROM articles WHERE id=?1",
                                  NULL);
    int64_t start = -1;
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, article_id);
    if (sqlite3_step(st) == SQLITE_ROW) {
        const char *body = (const char *)sqlite3_column_text(st, 0);
        size_t r[1][2];
        if (body && fts_match_ranges(body, query, r, 1) == 1) {
            start = char_offset(body, r[0][0]);
            *end = char_offset(body, r[0][1]);
        }
    }
    sqlite3_finalize(st);
    return start;
}

void search_rows_free(search_row *rows, ssize_t n)
{
    for (ssize_t i = 0; i < n; i++) {
        free(rows[i].file);
        free(rows[i].article);
        free(rows[i].speaker);
        free(rows[i].snippet);
    }
    free(rows);
}
