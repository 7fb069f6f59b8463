/* db_query.c - the lists the command line and the interface show:
 * issues with their pages, articles, paragraphs and quotes, and the
 * user's marks.
 */
#include "db_int.h"

#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fts.h"

/* ---- date ranges ---- */

static bool leap_year(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    return m == 2 && leap_year(y) ? 29 : days[m - 1];
}

/* Read n digits of s as a number; -1 if they are not all digits. */
static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* One bound as YYYY-MM-DD in out: YYYY-MM-DD as it is, YYYY-MM and YYYY
   as their first day (a lower bound) or last day (upper).  false when s
   is none of these or names no real day. */
static bool date_bound(const char *s, bool upper, char out[11])
{
    size_t n = strlen(s);
    if (n != 4 && n != 7 && n != 10)
        return false;
    int y = digits(s, 4), m = upper ? 12 : 1, d = 1;
    if (y < 0 || (n > 4 && (s[4] != '-' || (m = digits(s + 5, 2)) < 1 ||
                            m > 12)))
        return false;
    d = upper ? days_in_month(y, m) : 1;
    if (n == 10 && (s[7] != '-' || (d = digits(s + 8, 2)) < 1 ||
                    d > days_in_month(y, m)))
        return false;
    char text[32];
    snprintf(text, sizeof text, "%04d-%02d-%02d", y, m, d);
    memcpy(out, text, 11);
    return true;
}

bool date_range_set(date_range *r, const char *since, const char *until,
                    strbuf *err)
{
    memset(r, 0, sizeof *r);
    const char *bad = since && !date_bound(since, false, r->since) ? "since"
                      : until && !date_bound(until, true, r->until) ? "until"
                                                                     : NULL;
    if (bad) {
        sb_printf(err, "--%s %s: not a date (write YYYY-MM-DD, YYYY-MM or "
                  "YYYY)", bad, strcmp(bad, "since") == 0 ? since : until);
        return false;
    }
    if (r->since[0] && r->until[0] && strcmp(r->since, r->until) > 0) {
        sb_printf(err, "--since %s comes after --until %s", since, until);
        return false;
    }
    return true;
}

bool date_range_bounded(const date_range *r)
{
    return r && (r->since[0] || r->until[0]);
}

/* Append the conditions on i.date of r (?since_at and ?since_at+1). */
static void sql_date_range(strbuf *sql, const date_range *r, int since_at)
{
    if (r && r->since[0])
        sb_printf(sql, " AND i.date >= ?%d", since_at);
    if (r && r->until[0])
        sb_printf(sql, " AND i.date <= ?%d", since_at + 1);
}

/* Bind the bounds of r for sql_date_range. */
static void bind_date_range(sqlite3_stmt *st, const date_range *r,
                            int since_at)
{
    if (r && r->since[0])
        stmt_bind_text(st, since_at, r->since);
    if (r && r->until[0])
        stmt_bind_text(st, since_at + 1, r->until);
}

/* The order of issues: newest first, papers by name on one day; issues
   without a date last (NULL sorts last in DESC), in the order of their
   files' paths (their key). */
#define ISSUE_ORDER                                                    \
    "i.date DESC, (CASE WHEN i.date IS NULL THEN i.key ELSE i.paper END), " \
    "i.key"

/* stmt_read_rows callback: an issues row. */
static void read_issue(sqlite3_stmt *st, void *row, void *ctx)
{
    (void)ctx;
    issue_row *r = row;
    r->id = sqlite3_column_int64(st, 0);
    r->paper = stmt_text_dup(st, 1);
    r->date = stmt_text_dup(st, 2);
    r->pages = sqlite3_column_int(st, 3);
    r->articles = sqlite3_column_int(st, 4);
    r->file = stmt_text_dup(st, 5);
    r->files = sqlite3_column_int(st, 6);
    if (!r->file)
        r->file = xstrdup("");
}

/* The issues of dates (NULL: all), newest first, limit of them from
   offset on, with the counts of their pages, articles and files (read for
   the rows asked for only).  The index issues_newest gives them in that
   order. */
static ssize_t issues_query(db *d, const date_range *dates, size_t offset,
                            size_t limit, issue_row **rows)
{
    *rows = NULL;
    strbuf sql = {0};
    sb_puts(&sql, "SELECT i.id, i.paper, i.date, "
                  "(SELECT count(*) FROM pages p WHERE p.issue_id=i.id), "
                  "(SELECT count(*) FROM pages p CROSS JOIN documents doc ON "
                  "  doc.page_id=p.id CROSS JOIN articles a ON "
                  "  a.document_id=doc.id WHERE p.issue_id=i.id), "
                  "(SELECT min(doc.file) FROM pages p CROSS JOIN documents "
                  "  doc ON doc.page_id=p.id WHERE p.issue_id=i.id), "
                  "(SELECT count(DISTINCT doc.source_id) FROM pages p CROSS "
                  "  JOIN documents doc ON doc.page_id=p.id WHERE "
                  "  p.issue_id=i.id) "
                  "FROM issues i WHERE 1");
    sql_date_range(&sql, dates, 3);
    sb_puts(&sql, " ORDER BY " ISSUE_ORDER " LIMIT ?1 OFFSET ?2");
    sqlite3_stmt *st = db_prepare(d, sql.s, NULL);
    sb_free(&sql);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, limit > INT64_MAX ? -1 : (sqlite3_int64)limit);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)offset);
    bind_date_range(st, dates, 3);
    size_t n;
    if (stmt_read_rows(st, sizeof **rows, read_issue, NULL, (void **)rows, &n))
        return (ssize_t)n;
    issue_rows_free(*rows, (ssize_t)n);
    *rows = NULL;
    return -1;
}

ssize_t db_issues_page(db *d, size_t offset, size_t limit, issue_row **rows)
{
    return issues_query(d, NULL, offset, limit, rows);
}

ssize_t db_issues(db *d, const date_range *dates, issue_row **rows)
{
    return issues_query(d, dates, 0, SIZE_MAX, rows);
}

/* stmt_read_rows callback: a pages row, with its files from the
   statement ctx. */
static void read_page(sqlite3_stmt *st, void *row, void *ctx)
{
    sqlite3_stmt *files = ctx;
    page_row *r = row;
    r->id = sqlite3_column_int64(st, 0);
    r->page = stmt_text_dup(st, 1);
    r->name = stmt_text_dup(st, 2);
    r->articles = sqlite3_column_int(st, 3);
    sqlite3_bind_int64(files, 1, r->id);
    while (sqlite3_step(files) == SQLITE_ROW)
        strlist_push(&r->files, (const char *)sqlite3_column_text(files, 0));
    sqlite3_reset(files);
}

ssize_t db_issue_pages(db *d, int64_t issue_id, page_row **rows)
{
    *rows = NULL;
    sqlite3_stmt *st = db_prepare(
        d, "SELECT p.id, p.page, p.name, (SELECT count(*) FROM documents doc "
           "CROSS JOIN articles a ON a.document_id=doc.id WHERE "
           "doc.page_id=p.id) FROM pages p WHERE p.issue_id=?1 "
           "ORDER BY p.page IS NULL, p.page, p.key", NULL);
    sqlite3_stmt *files = db_prepare(
        d, "SELECT DISTINCT file FROM documents WHERE page_id=?1 "
           "ORDER BY file", NULL);
    if (!st || !files) {
        sqlite3_finalize(st);
        sqlite3_finalize(files);
        return -1;
    }
    sqlite3_bind_int64(st, 1, issue_id);
    size_t n;
    bool ok = stmt_read_rows(st, sizeof **rows, read_page, files,
                             (void **)rows, &n);
    sqlite3_finalize(files);
    if (ok)
        return (ssize_t)n;
    page_rows_free(*rows, (ssize_t)n);
    *rows = NULL;
    return -1;
}

/* The text in the first column of the first row of sql, with ?1 bound
   to text when it is not NULL, else to id (heap); NULL when there is no
   row. */
static char *first_text(db *d, const char *sql, const char *text, int64_t id)
{
    sqlite3_stmt *st = db_prepare(d, sql, NULL);
    if (!st)
        return NULL;
    if (text)
        stmt_bind_text(st, 1, text);
    else
        sqlite3_bind_int64(st, 1, id);
    char *value = sqlite3_step(st) == SQLITE_ROW ? stmt_text_dup(st, 0)
                                                 : NULL;
    sqlite3_finalize(st);
    return value;
}

/* The name of the corpus file at path as it is stored, or NULL. */
static char *issue_file_of_source(db *d, const char *path)
{
    return first_text(d, "SELECT doc.file FROM sources s JOIN documents doc "
                         "ON doc.source_id=s.id WHERE s.path=?1", path, 0);
}

/* The corpus path of a file name as the corpus walk writes it: the
   directory resolved, the name as it is (a link to a page keeps its
   name).  Heap, or NULL when the directory does not exist. */
static char *walked_path(const char *path)
{
    char *copy = xstrdup(path), *copy2 = xstrdup(path);
    char *dir = realpath(dirname(copy), NULL);
    char *full = NULL;
    if (dir) {
        strbuf sb = {0};
        sb_printf(&sb, "%s/%s", strcmp(dir, "/") == 0 ? "" : dir,
                  basename(copy2));
        full = sb_take(&sb);
    }
    free(dir);
    free(copy);
    free(copy2);
    return full;
}

int db_issue_file(db *d, const char *name_or_path, char **file)
{
    *file = NULL;
    sqlite3_stmt *st = db_prepare(d, "SELECT file FROM documents WHERE "
                                     "file=?1 LIMIT 1", NULL);
    if (!st)
        return -1;
    stmt_bind_text(st, 1, name_or_path);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *file = stmt_text_dup(st, 0);
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return -1;
    if (!*file && strchr(name_or_path, '/')) {
        /* A path: the corpus file it names, then its name alone. */
        char *real = realpath(name_or_path, NULL);
        char *walked = walked_path(name_or_path);
        if (real)
            *file = issue_file_of_source(d, real);
        if (!*file && walked)
            *file = issue_file_of_source(d, walked);
        free(real);
        free(walked);
        const char *slash = strrchr(name_or_path, '/');
        if (!*file && slash[1])
            return db_issue_file(d, slash + 1, file);
    }
    return *file != NULL;
}

int64_t db_issue_count(db *d)
{
    int64_t n = 0;
    return db_query_int(d, "SELECT count(*) FROM issues", &n) == 0 ? n : -1;
}

/* stmt_read_rows callback: an articles row, with its speakers from the
   statement ctx. */
static void read_article(sqlite3_stmt *st, void *row, void *ctx)
{
    sqlite3_stmt *sp = ctx;
    article_row *r = row;
    r->id = sqlite3_column_int64(st, 0);
    r->issue_id = sqlite3_column_int64(st, 1);
    r->file = stmt_text_dup(st, 2);
    r->headline = stmt_text_dup(st, 3);
    r->byline = stmt_text_dup(st, 4);
    subheads_split((const char *)sqlite3_column_text(st, 5), &r->subheads);
    r->paper = stmt_text_dup(st, 6);
    r->date = stmt_text_dup(st, 7);
    r->page = stmt_text_dup(st, 8);
    r->page_name = stmt_text_dup(st, 9);
    sqlite3_bind_int64(sp, 1, r->id);
    while (sqlite3_step(sp) == SQLITE_ROW)
        strlist_push(&r->speakers, (const char *)sqlite3_column_text(sp, 0));
    sqlite3_reset(sp);
}

ssize_t db_articles(db *d, int64_t issue_id, const char *file,
                    const date_range *dates, article_row **rows)
{
    *rows = NULL;
    /* Only the filters in use go into the statement, so that SQLite uses
       the index behind each (as quotes_from_where explains); the issues
       come first, in their order (issues_newest), then each one's pages,
       files and articles. */
    strbuf sql = {0};
    sb_puts(&sql, "SELECT a.id, i.id, doc.file, a.headline, a.byline, "
                  "a.subheads, i.paper, i.date, p.page, p.name FROM issues i "
                  "CROSS JOIN pages p ON p.issue_id=i.id "
                  "CROSS JOIN documents doc ON doc.page_id=p.id "
                  "CROSS JOIN articles a ON a.document_id=doc.id WHERE 1");
    if (issue_id)
        sb_puts(&sql, " AND i.id=?1");
    if (file)
        sb_puts(&sql, " AND doc.file=?2");
    sql_date_range(&sql, dates, 3);
    sb_puts(&sql, " ORDER BY " ISSUE_ORDER ", p.page IS NULL, p.page, "
                  "p.key, doc.file, doc.id, a.ord");
    sqlite3_stmt *st = db_prepare(d, sql.s, NULL);
    sb_free(&sql);
    sqlite3_stmt *sp = db_prepare(
        d, "SELECT s.name FROM appearances p JOIN speakers s "
           "ON s.id=p.speaker_id WHERE p.article_id=?1 ORDER BY p.ord", NULL);
    if (!st || !sp) {
        sqlite3_finalize(st);
        sqlite3_finalize(sp);
        return -1;
    }
    sqlite3_bind_int64(st, 1, issue_id);
    stmt_bind_text(st, 2, file);
    bind_date_range(st, dates, 3);
    size_t n;
    bool ok = stmt_read_rows(st, sizeof **rows, read_article, sp,
                             (void **)rows, &n);
    sqlite3_finalize(sp);
    if (ok)
        return (ssize_t)n;
    article_rows_free(*rows, (ssize_t)n);
    *rows = NULL;
    return -1;
}

bool db_article_place(db *d, int64_t article_id, article_place *where)
{
    memset(where, 0, sizeof *where);
    sqlite3_stmt *st = db_prepare(
        d, "SELECT i.paper, i.date, p.page, p.name, doc.file FROM articles a "
           "JOIN documents doc ON doc.id=a.document_id JOIN pages p ON "
           "p.id=doc.page_id JOIN issues i ON i.id=p.issue_id WHERE a.id=?1",
        NULL);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, article_id);
    bool found = sqlite3_step(st) == SQLITE_ROW;
    if (found) {
        where->paper = stmt_text_dup(st, 0);
        where->date = stmt_text_dup(st, 1);
        where->page = stmt_text_dup(st, 2);
        where->page_name = stmt_text_dup(st, 3);
        where->file = stmt_text_dup(st, 4);
    }
    sqlite3_finalize(st);
    return found;
}

void article_place_clear(article_place *where)
{
    free(where->paper);
    free(where->date);
    free(where->page);
    free(where->page_name);
    free(where->file);
    memset(where, 0, sizeof *where);
}

/* stmt_read_rows callback: a paragraphs row, its text cut from the body
   of the cursor ctx. */
static void read_paragraph(sqlite3_stmt *st, void *row, void *ctx)
{
    body_cursor *c = ctx;
    para_row *r = row;
    r->kind = block_kind_from_name((const char *)sqlite3_column_text(st, 0));
    r->start = sqlite3_column_int64(st, 1);
    int64_t length = sqlite3_column_int64(st, 2);
    r->section = sqlite3_column_int(st, 3);
    const char *from = body_seek(c, r->start);
    const char *to = body_seek(c, r->start + (length > 0 ? length : 0));
    r->text = xstrndup(from, (size_t)(to - from));
}

/* The body of an article (heap), or NULL. */
static char *article_body(db *d, int64_t article_id)
{
    sqlite3_stmt *st = db_prepare(d, "SELECT body FROM articles WHERE id=?1",
                                  NULL);
    if (!st)
        return NULL;
    sqlite3_bind_int64(st, 1, article_id);
    char *body = sqlite3_step(st) == SQLITE_ROW ? stmt_text_dup(st, 0) : NULL;
    sqlite3_finalize(st);
    return body;
}

ssize_t db_paragraphs(db *d, int64_t article_id, para_row **rows)
{
    *rows = NULL;
    char *body = article_body(d, article_id);
    sqlite3_stmt *st = db_prepare(
        d, "SELECT kind, start, length, section FROM paragraphs "
           "WHERE article_id=?1 ORDER BY ord", NULL);
    if (!st) {
        free(body);
        return -1;
    }
    sqlite3_bind_int64(st, 1, article_id);
    body_cursor c = {body ? body : "", body ? body : "", 0};
    size_t n;
    bool ok = stmt_read_rows(st, sizeof **rows, read_paragraph, &c,
                             (void **)rows, &n);
    free(body);
    if (ok)
        return (ssize_t)n;
    para_rows_free(*rows, (ssize_t)n);
    *rows = NULL;
    return -1;
}

/* Which speakers a quotes query keeps besides f: ids[0..n), or every one
   when ids is NULL. */
typedef struct {
    const int64_t *ids;
    size_t n;
} speaker_set;

/* The FROM and WHERE clauses of a quotes query with the filters in f.
   Only the filters in use go into the statement, so that SQLite can use
   the index behind each (a speaker's quotes, an article's, the quotes
   holding words): an "(?N=0 OR column=?N)" term hides them and scans
   every quote.  Without a speaker, article, file or words, the joins run
   from the documents in file order (CROSS JOIN fixes the order), so that the
   list comes out sorted and a page of it costs its offset, not a sort of
   every quote.  marked_only (or f->marked) keeps the quotes the user
   marked.  with_rows joins the page (p), issue (i) and speaker (s) of
   each quote, for the columns of a quote_row; from bounds the list to the
   documents from (1) or up to (-1) the one bound with bind_from_group.  Words (f->about) are found through the full-text index and
   kept where dubao_rank finds the terms themselves, as search does; the
   rowid bound of about_from keeps FTS5 to the newest part of a common
   word's list. */
static void quotes_from_where(strbuf *sql, const quote_filter *f,
                              const speaker_set *speakers, bool marked_only,
                              bool with_rows, int from)
{
    bool narrow = (f && (f->speaker_id || f->article_id || f->file ||
                         f->about)) ||
                  speakers->ids;
    if (marked_only || (f && f->marked))
        /* The user's marks are few: start from them. */
        sb_puts(sql, " FROM marks m CROSS JOIN documents doc ON "
                     "doc.file=m.file CROSS JOIN articles a ON "
                     "a.document_id=doc.id AND a.headline=m.headline "
                     "CROSS JOIN quotes q ON q.article_id=a.id AND "
                     QUOTE_TEXT_SQL "=m.quote");
    else if (narrow)
        sb_puts(sql, " FROM quotes q JOIN articles a ON a.id=q.article_id "
                     "JOIN documents doc ON doc.id=a.document_id");
    else
        sb_puts(sql, " FROM documents doc CROSS JOIN articles a ON "
                     "a.document_id=doc.id CROSS JOIN quotes q ON "
                     "q.article_id=a.id");
    /* The page and issue of each quote (by their primary keys) and its
       speaker only when a column or a filter needs them: joined for every
       quote, they cost a read of each quote's row, where a count reads
       the indexes alone. */
    if (with_rows || date_range_bounded(f ? f->dates : NULL))
        sb_puts(sql, " JOIN pages p ON p.id=doc.page_id JOIN issues i ON "
                     "i.id=p.issue_id");
    if (with_rows || (f && (f->role || f->roles)))
        sb_puts(sql, " LEFT JOIN speakers s ON s.id=q.speaker_id");
    sb_puts(sql, " WHERE 1");
    if (f && f->role)
        sb_puts(sql, " AND s.role=?1");
    if (f && f->file)
        sb_puts(sql, " AND doc.file=?2");
    if (f && f->article_id)
        sb_puts(sql, " AND q.article_id=?3");
    if (f && f->speaker_id)
        sb_puts(sql, " AND q.speaker_id=?4");
    if (speakers->ids) {
        sb_puts(sql, " AND q.speaker_id IN (");
        sql_append_ids(sql, speakers->ids, speakers->n);
        sb_puts(sql, ")");
    }
    if (f && f->roles) /* the class stage 6 gave the role (roles.txt) */
        sb_puts(sql, " AND s.role_class=?5");
    char *match = f && f->about ? fts_query_from_user(f->about) : NULL;
    if (match)
        /* Quotes are found through their articles' index (quotes have
           none of their own: db_search.c's sql_candidates). */
        sb_printf(sql, " AND q.article_id IN (SELECT rowid FROM article_fts "
                       "WHERE article_fts MATCH ?8)%s AND dubao_rank_within("
                       "?9, 256, 1.0, " QUOTE_TEXT_SQL ") IS NOT NULL",
                  f->about_from ? " AND q.article_id >= ?12" : "");
    else if (f && f->about)
        sb_puts(sql, " AND 0"); /* nothing searchable: no quote */
    free(match);
    sql_date_range(sql, f ? f->dates : NULL, 10);
    /* From a document on (?13 its file, ?14 its id), or up to it: the
       file bound alone lets SQLite start in documents_by_file there. */
    if (from > 0)
        sb_puts(sql, " AND doc.file >= ?13 AND (doc.file > ?13 OR "
                     "doc.id >= ?14)");
    else if (from < 0)
        sb_puts(sql, " AND doc.file <= ?13 AND (doc.file < ?13 OR "
                     "doc.id <= ?14)");
}

/* The order of every quotes list, and the same backwards. */
static const char quotes_order[] =
    " ORDER BY doc.file, doc.id, a.ord, q.start, q.id";
static const char quotes_order_backward[] =
    " ORDER BY doc.file DESC, doc.id DESC, a.ord DESC, q.start DESC, "
    "q.id DESC";

/* Bind the issue a list starts at (quotes_from_where's from). */
static void bind_from_group(sqlite3_stmt *st, const quote_group *g)
{
    if (g) {
        stmt_bind_text(st, 13, g->file);
        sqlite3_bind_int64(st, 14, g->document_id);
    }
}

/* Bind the filters of f to a statement made with quotes_from_where. */
static void quotes_bind_filter(sqlite3_stmt *st, const quote_filter *f)
{
    stmt_bind_text(st, 1, f ? f->role : NULL);
    stmt_bind_text(st, 2, f ? f->file : NULL);
    sqlite3_bind_int64(st, 3, f ? f->article_id : 0);
    sqlite3_bind_int64(st, 4, f ? f->speaker_id : 0);
    sqlite3_bind_int(st, 5, f ? (int)f->roles : 0);
    char *match = f && f->about ? fts_query_from_user(f->about) : NULL;
    if (match) {
        sqlite3_bind_text(st, 8, match, -1, SQLITE_TRANSIENT);
        stmt_bind_text(st, 9, f->about);
        sqlite3_bind_int64(st, 12, f->about_from);
        free(match);
    }
    bind_date_range(st, f ? f->dates : NULL, 10);
}

/* Call each(row, ctx) for the quotes matching f (f->speaker not used),
   limit of them from offset on, in list order; each takes the row's
   strings over and returns 0 to go on.  Returns 0, or -1 on a database
   error (or when each stopped). */
static int quotes_query(db *d, const quote_filter *f,
                        const speaker_set *speakers, const quote_group *from,
                        size_t offset, size_t limit,
                        int (*each)(quote_row *, void *), void *ctx)
{
    strbuf sql = {0};
    sb_puts(&sql, "SELECT q.id, q.article_id, doc.file, a.headline, s.name, "
                  "s.role, s.titles, q.kind, " QUOTE_TEXT_SQL ", q.start, "
                  "q.end, EXISTS (SELECT 1 FROM marks m WHERE "
                  "m.file=doc.file AND m.headline=a.headline AND "
                  "m.quote=" QUOTE_TEXT_SQL "), "
                  "i.paper, i.date, coalesce(doc.edition, '第' || p.page || "
                  "'版'), s.delegation");
    quotes_from_where(&sql, f, speakers, false, true, from ? 1 : 0);
    sb_puts(&sql, quotes_order);
    sb_puts(&sql, " LIMIT ?6 OFFSET ?7");
    sqlite3_stmt *st = db_prepare(d, sql.s, NULL);
    sb_free(&sql);
    if (!st)
        return -1;
    quotes_bind_filter(st, f);
    bind_from_group(st, from);
    sqlite3_bind_int64(st, 6, limit > INT64_MAX ? -1 : (sqlite3_int64)limit);
    sqlite3_bind_int64(st, 7, (sqlite3_int64)offset);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        quote_row r = {
            .id = sqlite3_column_int64(st, 0),
            .article_id = sqlite3_column_int64(st, 1),
            .file = stmt_text_dup(st, 2),
            .article = stmt_text_dup(st, 3),
            .speaker = stmt_text_dup(st, 4),
            .role = stmt_text_dup(st, 5),
            .titles = stmt_text_dup(st, 6),
            .kind = stmt_text_dup(st, 7),
            .text = stmt_text_dup(st, 8),
            .start = sqlite3_column_int64(st, 9),
            .end = sqlite3_column_int64(st, 10),
            .marked = sqlite3_column_int(st, 11) != 0,
            .paper = stmt_text_dup(st, 12),
            .date = stmt_text_dup(st, 13),
            .edition = stmt_text_dup(st, 14),
            .delegation = stmt_text_dup(st, 15),
        };
        if (each(&r, ctx) != 0)
            break;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* A growing array of quote rows, filled by quotes_query. */
typedef struct {
    quote_row *v;
    size_t n, cap;
} quote_array;

/* quotes_query callback: append the row. */
static int append_quote(quote_row *r, void *ctx)
{
    quote_array *a = ctx;
    a->v = grow_array(a->v, &a->cap, a->n + 1, sizeof *a->v);
    a->v[a->n++] = *r;
    return 0;
}

int db_quotes_each(db *d, const quote_filter *f,
                   int (*each)(quote_row *, void *), void *ctx)
{
    return quotes_query(d, f, &(speaker_set){NULL, 0}, NULL, 0, SIZE_MAX,
                        each, ctx);
}

ssize_t db_quotes(db *d, const quote_filter *f, quote_row **rows)
{
    *rows = NULL;
    quote_array a = {0};
    int rc = 0;
    if (f && f->speaker) {
        /* Match the names first (through the lookup keys), then take their
           quotes in one statement through the speaker index: never a scan
           of every quote. */
        int64_t *ids;
        ssize_t ns = speaker_ids_matching(d, f->speaker, &ids);
        if (ns < 0)
            return -1;
        speaker_set matched = {ids, (size_t)ns};
        if (f->speaker_id) {
            bool found = false;
            for (ssize_t i = 0; i < ns && !found; i++)
                found = ids[i] == f->speaker_id;
            matched = (speaker_set){&f->speaker_id, found ? 1 : 0};
        }
        if (matched.n > 0)
            rc = quotes_query(d, f, &matched, NULL, 0, SIZE_MAX,
                              append_quote, &a);
        free(ids);
    } else {
        rc = quotes_query(d, f, &(speaker_set){NULL, 0}, NULL, 0, SIZE_MAX,
                          append_quote, &a);
    }
    if (rc != 0) {
        quote_rows_free(a.v, (ssize_t)a.n);
        return -1;
    }
    *rows = a.v;
    return (ssize_t)a.n;
}

ssize_t db_quotes_from(db *d, const quote_filter *f, const quote_group *g,
                       size_t skip, size_t limit, quote_row **rows)
{
    *rows = NULL;
    quote_array a = {0};
    if (quotes_query(d, f, &(speaker_set){NULL, 0}, g, skip, limit,
                     append_quote, &a) != 0) {
        quote_rows_free(a.v, (ssize_t)a.n);
        return -1;
    }
    *rows = a.v;
    return (ssize_t)a.n;
}

/* stmt_read_rows callback: a quote_group row (first is set after). */
static void read_group(sqlite3_stmt *st, void *row, void *ctx)
{
    (void)ctx;
    quote_group *g = row;
    g->document_id = sqlite3_column_int64(st, 0);
    g->file = stmt_text_dup(st, 1);
    g->count = sqlite3_column_int64(st, 2);
}

/* Does filter f let every quote through (no filter at all)? */
static bool quote_filter_is_none(const quote_filter *f)
{
    return !f || (!f->role && !f->file && !f->article_id && !f->speaker_id &&
                  !f->roles && !f->about && !f->marked &&
                  !date_range_bounded(f->dates));
}

ssize_t db_quote_groups(db *d, const quote_filter *f, quote_group **groups)
{
    *groups = NULL;
    strbuf sql = {0};
    if (quote_filter_is_none(f)) {
        /* Every quote: the counts store keeps per document, in the order
           of documents_by_file, not a count of every quote (1.5 M of them
           in a 1 GB archive took 0.24 s). */
        sb_puts(&sql, "SELECT id, file, nquotes FROM documents doc "
                      "WHERE nquotes > 0 ORDER BY file, id");
    } else {
        sb_puts(&sql, "SELECT doc.id, doc.file, count(*)");
        quotes_from_where(&sql, f, &(speaker_set){NULL, 0}, false, false, 0);
        sb_puts(&sql, " GROUP BY doc.file, doc.id ORDER BY doc.file, doc.id");
    }
    sqlite3_stmt *st = db_prepare(d, sql.s, NULL);
    sb_free(&sql);
    if (!st)
        return -1;
    if (!quote_filter_is_none(f))
        quotes_bind_filter(st, f);
    size_t n;
    if (!stmt_read_rows(st, sizeof **groups, read_group, NULL,
                        (void **)groups, &n)) {
        quote_groups_free(*groups, (ssize_t)n);
        *groups = NULL;
        return -1;
    }
    int64_t first = 0;
    for (size_t i = 0; i < n; i++) {
        (*groups)[i].first = first;
        first += (*groups)[i].count;
    }
    return (ssize_t)n;
}

void quote_groups_free(quote_group *groups, ssize_t n)
{
    for (ssize_t i = 0; i < n; i++)
        free(groups[i].file);
    free(groups);
}

/* stmt_read_rows callback: a quote_hit row. */
static void read_hit(sqlite3_stmt *st, void *row, void *ctx)
{
    (void)ctx;
    quote_hit *h = row;
    h->document_id = sqlite3_column_int64(st, 0);
    h->file = stmt_text_dup(st, 1);
    h->index = sqlite3_column_int64(st, 2);
}

ssize_t db_quote_label_hits(db *d, const char *needle, size_t max,
                            quote_hit **hits)
{
    *hits = NULL;
    if (strstr(needle, "\xEF\xBC\x9A") || strstr(needle, "\xE2\x80\x94") ||
        !fts_finds_substring(needle))
        return -2;
    char *match = fts_query_from_user(needle);
    /* The candidates come from the index (the words) and from the
       speakers whose name holds the needle; the label decides.  A hit's
       index in its issue counts the quotes of the issue before it in list
       order. */
    sqlite3_stmt *st = db_prepare(
        d,
        "SELECT doc.id, doc.file, (SELECT count(*) FROM articles a2 CROSS "
        "  JOIN quotes q2 ON q2.article_id=a2.id WHERE a2.document_id=doc.id "
        "  AND (a2.ord, q2.start, q2.id) < (a.ord, q.start, q.id)) "
        "FROM quotes q JOIN articles a ON a.id=q.article_id "
        "JOIN documents doc ON doc.id=a.document_id "
        "LEFT JOIN speakers s ON s.id=q.speaker_id "
        "WHERE (q.article_id IN (SELECT rowid FROM article_fts WHERE "
        "  article_fts MATCH ?1) OR q.speaker_id IN (SELECT id FROM speakers "
        "  WHERE instr(name, ?2) > 0)) "
        "AND instr(coalesce(s.name, '\xE2\x80\x94') || '\xEF\xBC\x9A' || "
        QUOTE_TEXT_SQL ", ?2) > 0"
        " ORDER BY doc.file, doc.id, a.ord, q.start, q.id LIMIT ?3",
        NULL);
    if (!st) {
        free(match);
        return -1;
    }
    sqlite3_bind_text(st, 1, match, -1, SQLITE_TRANSIENT);
    stmt_bind_text(st, 2, needle);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)max + 1);
    free(match);
    size_t n;
    if (!stmt_read_rows(st, sizeof **hits, read_hit, NULL, (void **)hits,
                        &n)) {
        quote_hits_free(*hits, (ssize_t)n);
        *hits = NULL;
        return -1;
    }
    return (ssize_t)n;
}

void quote_hits_free(quote_hit *hits, ssize_t n)
{
    for (ssize_t i = 0; i < n; i++)
        free(hits[i].file);
    free(hits);
}

int64_t db_quotes_scan(db *d, const quote_filter *f, const quote_group *g,
                       size_t skip, bool backward, int64_t max,
                       int (*each)(const char *speaker, const char *text,
                                   void *ctx),
                       void *ctx)
{
    strbuf sql = {0};
    sb_puts(&sql, "SELECT s.name, " QUOTE_TEXT_SQL);
    quotes_from_where(&sql, f, &(speaker_set){NULL, 0}, false, true,
                      g ? (backward ? -1 : 1) : 0);
    sb_puts(&sql, backward ? quotes_order_backward : quotes_order);
    sb_puts(&sql, " LIMIT -1 OFFSET ?7");
    sqlite3_stmt *st = db_prepare(d, sql.s, NULL);
    sb_free(&sql);
    if (!st)
        return -1;
    quotes_bind_filter(st, f);
    bind_from_group(st, g);
    sqlite3_bind_int64(st, 7, (sqlite3_int64)skip);
    int64_t seen = 0;
    int rc = SQLITE_DONE;
    while (seen < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        seen++;
        const char *text = (const char *)sqlite3_column_text(st, 1);
        if (each((const char *)sqlite3_column_text(st, 0), text ? text : "",
                 ctx) != 0)
            break;
    }
    if (seen == max || rc == SQLITE_ROW)
        rc = SQLITE_DONE;
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? seen : -1;
}

int64_t db_quote_count(db *d, const quote_filter *f, bool marked_only)
{
    strbuf sql = {0};
    sb_puts(&sql, "SELECT count(*)");
    quotes_from_where(&sql, f, &(speaker_set){NULL, 0}, marked_only, false,
                      0);
    sqlite3_stmt *st = db_prepare(d, sql.s, NULL);
    sb_free(&sql);
    if (!st)
        return -1;
    quotes_bind_filter(st, f);
    int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0)
                                                : -1;
    sqlite3_finalize(st);
    return n;
}

int db_mark_toggle(db *d, const quote_row *q)
{
    sqlite3_stmt *del = db_prepare(d, "DELETE FROM marks WHERE file=?1 AND "
                                      "headline=?2 AND quote=?3", NULL);
    sqlite3_stmt *ins = db_prepare(d, "INSERT INTO marks(file, headline, quote,"
                                      " created) VALUES(?1,?2,?3,?4)", NULL);
    int rc = -1;
    if (del && ins) {
        stmt_bind_text(del, 1, q->file);
        stmt_bind_text(del, 2, q->article);
        stmt_bind_text(del, 3, q->text);
        if (stmt_run(del) == 0) {
            if (sqlite3_changes(d->h) > 0) {
                rc = 0;
            } else {
                stmt_bind_text(ins, 1, q->file);
                stmt_bind_text(ins, 2, q->article);
                stmt_bind_text(ins, 3, q->text);
                sqlite3_bind_int64(ins, 4, (sqlite3_int64)time(NULL));
                rc = stmt_run(ins) == 0 ? 1 : -1;
            }
        }
    }
    sqlite3_finalize(del);
    sqlite3_finalize(ins);
    return rc;
}

void issue_rows_free(issue_row *rows, ssize_t n)
{
    for (ssize_t i = 0; i < n; i++) {
        free(rows[i].file);
        free(rows[i].paper);
        free(rows[i].date);
    }
    free(rows);
}

void page_rows_free(page_row *rows, ssize_t n)
{
    for (ssize_t i = 0; i < n; i++) {
        free(rows[i].page);
        free(rows[i].name);
        strlist_free(&rows[i].files);
    }
    free(rows);
}

void article_rows_free(article_row *rows, ssize_t n)
{
    for (ssize_t i = 0; i < n; i++) {
        free(rows[i].file);
        free(rows[i].paper);
        free(rows[i].date);
        free(rows[i].page);
        free(rows[i].page_name);
        free(rows[i].headline);
        free(rows[i].byline);
        strlist_free(&rows[i].subheads);
        strlist_free(&rows[i].speakers);
    }
    free(rows);
}

void para_rows_free(para_row *rows, ssize_t n)
{
    for (ssize_t i = 0; i < n; i++)
        free(rows[i].text);
    free(rows);
}

void quote_row_clear(quote_row *r)
{
    free(r->file);
    free(r->article);
    free(r->speaker);
    free(r->role);
    free(r->titles);
    free(r->kind);
    free(r->text);
    free(r->paper);
    free(r->date);
    free(r->edition);
    free(r->delegation);
    memset(r, 0, sizeof *r);
}

void quote_rows_free(quote_row *rows, ssize_t n)
{
    for (ssize_t i = 0; i < n; i++)
        quote_row_clear(&rows[i]);
    free(rows);
}
