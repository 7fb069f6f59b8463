/* db_store.c - writing the corpus into the database: a parsed file with
 * its articles, paragraphs, sections, speakers and quotes, on the page of
 * the issue (paper and date) they were printed in; batches of files with
 * their full-text entries; the sources table that says which
 * file was stored when; removing the files that are gone.
 */
#include "db_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "articles.h"

/* The page cache a scan of the sources table runs with, in KiB: the scan
   reads each of the table's pages once (a thousand at 38,000 files), and
   growing the cache to its usual size for them costs a fresh page of
   memory each (slow on a virtual machine), for pages that the lookup
   after the refresh does not read. */
#define SOURCE_SCAN_CACHE_KIB 256

/* A scan of the sources table (db.h), and the cache size to put back. */
struct db_source_scan {
    sqlite3_stmt *st;
    db *d;
    int64_t cache_size; /* PRAGMA cache_size before the scan; 0: unknown */
};

db_source_scan *db_source_scan_start(db *d)
{
    sqlite3_stmt *st = db_prepare(
        d, "SELECT path, size, mtime_ns, hash FROM sources", NULL);
    if (!st)
        return NULL;
    db_source_scan *s = xcalloc(1, sizeof *s);
    s->st = st;
    s->d = d;
    if (db_query_int(d, "PRAGMA cache_size", &s->cache_size) == 0 &&
        s->cache_size != 0) {
        strbuf sql = {0};
        sb_printf(&sql, "PRAGMA cache_size=-%d", SOURCE_SCAN_CACHE_KIB);
        if (db_exec_sql(d, sql.s, NULL) != 0)
            s->cache_size = 0;
        sb_free(&sql);
    }
    return s;
}

int db_source_scan_next(db_source_scan *s, db_source_row *row)
{
    int rc = sqlite3_step(s->st);
    if (rc == SQLITE_DONE)
        return 0;
    if (rc != SQLITE_ROW)
        return -1;
    const char *path = (const char *)sqlite3_column_text(s->st, 0);
    row->path = path ? path : "";
    row->st.known = true;
    row->st.size = sqlite3_column_int64(s->st, 1);
    row->st.mtime_ns = sqlite3_column_int64(s->st, 2);
    const char *h = (const char *)sqlite3_column_text(s->st, 3);
    size_t n = h ? strnlen(h, sizeof row->st.hash - 1) : 0;
    memcpy(row->st.hash, h ? h : "", n);
    row->st.hash[n] = '\0';
    return 1;
}

void db_source_scan_end(db_source_scan *s)
{
    if (!s)
        return;
    sqlite3_finalize(s->st);
    if (s->cache_size != 0) {
        strbuf sql = {0};
        sb_printf(&sql, "PRAGMA cache_size=%lld", (long long)s->cache_size);
        db_exec_sql(s->d, sql.s, NULL);
        sb_free(&sql);
    }
    free(s);
}

int db_source_touch(db *d, const char *path, int64_t size, int64_t mtime_ns)
{
    sqlite3_stmt *st = db_prepare(
        d, "UPDATE sources SET size=?2, mtime_ns=?3 WHERE path=?1", NULL);
    if (!st)
        return -1;
    stmt_bind_text(st, 1, path);
    sqlite3_bind_int64(st, 2, size);
    sqlite3_bind_int64(st, 3, mtime_ns);
    int rc = stmt_run(st);
    sqlite3_finalize(st);
    return rc;
}

/* Statements used while storing one file. */
typedef struct {
    sqlite3_stmt *issue, *issue_id, *page, *page_id, *document, *article,
        *para, *section, *speaker, *speaker_id, *appearance, *quote,
        *batch_document, *speaker_key, *count_quotes, *document_quotes,
        *mention, *dirty, *appending;
} store_stmts;

/* The statement that marks a speaker (?1, the name) for recomputing. */
static const char dirty_speaker_sql[] =
    "INSERT OR IGNORE INTO temp.dirty_speakers(name) VALUES(?1)";

/* Let go of the store statements (they stay in the cache). */
static void store_stmts_release(store_stmts *s)
{
    sqlite3_stmt **all[] = {&s->issue, &s->issue_id, &s->page, &s->page_id,
                            &s->document, &s->article, &s->para, &s->section,
                            &s->speaker, &s->speaker_id, &s->appearance,
                            &s->quote, &s->batch_document, &s->speaker_key,
                            &s->count_quotes, &s->document_quotes,
                            &s->mention, &s->dirty,
                            &s->appending};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
        if (*all[i])
            sqlite3_reset(*all[i]);
        *all[i] = NULL;
    }
}

/* Get the statements that store a file from the statement cache (each
   is prepared on first use); -1, with the errors in err, when one cannot
   be prepared. */
static int store_stmts_prepare(db *d, store_stmts *s, strbuf *err)
{
    memset(s, 0, sizeof *s);
    const struct {
        sqlite3_stmt **st;
        const char *sql; /* a literal: db_cached_stmt keys on its address */
    } all[] = {
        {&s->issue, "INSERT INTO issues(key, paper, date) VALUES(?1,?2,?3) "
                    "ON CONFLICT(key) DO NOTHING"},
        {&s->issue_id, "SELECT id FROM issues WHERE key=?1"},
        {&s->page, "INSERT INTO pages(issue_id, key, page, name) "
                   "VALUES(?1,?2,?3,?4) ON CONFLICT(issue_id, key) DO UPDATE "
                   "SET name=coalesce(name, excluded.name)"},
        {&s->page_id, "SELECT id FROM pages WHERE issue_id=?1 AND key=?2"},
        {&s->document, "INSERT INTO documents(source_id, page_id, file, "
                       "format, edition) VALUES(?1,?2,?3,?4,?5)"},
        {&s->article, "INSERT INTO articles(document_id, ord, headline, "
                      "subheads, byline, body) VALUES(?1,?2,?3,?4,?5,?6)"},
        {&s->para, "INSERT INTO paragraphs(article_id, ord, kind, start,"
                   " length, section) VALUES(?1,?2,?3,?4,?5,?6)"},
        {&s->section, "INSERT INTO sections(article_id, ord, heading, "
                      "first_para, speaker_id) VALUES(?1,?2,?3,?4,?5)"},
        {&s->speaker,
         "INSERT INTO speakers(name, role, titles, delegation, is_delegate, "
         "role_class) VALUES(?1,?2,?3,?4,?5,?6) ON CONFLICT(name) DO UPDATE "
         "SET role_class=CASE WHEN excluded.role IS NULL THEN role_class "
         "ELSE excluded.role_class END, "
         "role=coalesce(excluded.role, role), "
         "titles=coalesce(excluded.titles, titles), "
         "delegation=coalesce(excluded.delegation, delegation), "
         "is_delegate=max(excluded.is_delegate, is_delegate)"},
        {&s->speaker_id, "SELECT id, titles, delegation FROM speakers "
                         "WHERE name=?1"},
        {&s->appearance,
         "INSERT OR IGNORE INTO appearances(speaker_id, article_id, ord, "
         "role, titles, delegation) VALUES(?1,?2,?3,?4,?5,?6)"},
        {&s->quote, "INSERT INTO quotes(article_id, section, speaker_id,"
                    " kind, text, start, end, body_at, body_bytes) "
                    "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)"},
        {&s->batch_document,
         "INSERT INTO temp.batch_documents(id) VALUES(?1)"},
        {&s->speaker_key, speaker_key_insert_sql},
        /* The counts of the document's quotes per speaker, from its
           articles: a correlated count per speaker walked all of that
           speaker's quotes in the archive. */
        {&s->count_quotes,
         "UPDATE speakers SET nquotes = nquotes + c.n FROM (SELECT "
         "q.speaker_id AS sid, count(*) AS n FROM articles a CROSS JOIN "
         "quotes q ON q.article_id=a.id WHERE a.document_id=?1 AND "
         "q.speaker_id IS NOT NULL GROUP BY q.speaker_id) AS c "
         "WHERE speakers.id=c.sid"},
        /* The same document's number of quotes (documents.nquotes). */
        {&s->document_quotes,
         "UPDATE documents SET nquotes=(SELECT count(*) FROM articles a "
         "CROSS JOIN quotes q ON q.article_id=a.id WHERE a.document_id=?1) "
         "WHERE id=?1"},
        {&s->mention,
         "INSERT INTO mentions(name, source_id, role, titles, delegation, "
         "is_delegate, role_class) VALUES(?1,?2,?3,?4,?5,?6,?7) "
         "ON CONFLICT(name, source_id) DO UPDATE SET "
         "role_class=CASE WHEN excluded.role IS NULL THEN role_class "
         "ELSE excluded.role_class END, "
         "role=coalesce(excluded.role, role), "
         "titles=coalesce(excluded.titles, titles), "
         "delegation=coalesce(excluded.delegation, delegation), "
         "is_delegate=max(excluded.is_delegate, is_delegate)"},
        {&s->dirty, dirty_speaker_sql},
        /* Whether a source sorts after the one stored (?1, its id). */
        {&s->appending,
         "SELECT NOT EXISTS(SELECT 1 FROM sources WHERE path > "
         "(SELECT path FROM sources WHERE id=?1))"},
    };
    bool ok = true;
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
        *all[i].st = db_cached_stmt(d, all[i].sql, err);
        ok = ok && *all[i].st;
    }
    if (!ok) {
        store_stmts_release(s);
        return -1;
    }
    return 0;
}

/* Whether a new value (NULL: none, the old one stays) changes old. */
static bool changes(const char *new_value, const unsigned char *old)
{
    return new_value && (!old || strcmp(new_value, (const char *)old) != 0);
}

/* Bind a person's facts to ?from, ?from+1, ?from+2 (role, titles,
   delegation), ?from+3 (is_delegate) and ?from+4 (the role's class, as
   stage 6 decided it) of st. */
static void bind_person_facts(sqlite3_stmt *st, int from, const person *p)
{
    stmt_bind_text(st, from, p->role);
    stmt_bind_text(st, from + 1, p->titles);
    stmt_bind_text(st, from + 2, p->delegation);
    sqlite3_bind_int(st, from + 3, p->is_delegate);
    sqlite3_bind_int(st, from + 4, (int)p->role_class);
}

/* Store a person of the file source_id: its mention, and its speaker row
   created or updated; returns the speaker's id, or 0 on failure.  A new
   speaker also gets its lookup keys, and the keys of titles or a
   delegation it had not been stored with.  Updating the row with this
   mention's facts gives what a clean index gives when the file sorts
   after every other (appending) and the row already held the fold of the
   others; otherwise the speaker is marked for recomputing from its
   mentions (recompute_dirty_speakers). */
static int64_t store_person(store_stmts *s, const person *p,
                            int64_t source_id, bool appending)
{
    stmt_bind_text(s->speaker_id, 1, p->name);
    int64_t id = 0;
    bool new_details = true;
    if (sqlite3_step(s->speaker_id) == SQLITE_ROW) {
        id = sqlite3_column_int64(s->speaker_id, 0);
        new_details = changes(p->titles, sqlite3_column_text(s->speaker_id, 1))
                      || changes(p->delegation,
                                 sqlite3_column_text(s->speaker_id, 2));
    }
    sqlite3_reset(s->speaker_id);
    bool created = id == 0;
    stmt_bind_text(s->speaker, 1, p->name);
    bind_person_facts(s->speaker, 2, p);
    if (stmt_run(s->speaker) != 0)
        return 0;
    if (created)
        id = sqlite3_last_insert_rowid(sqlite3_db_handle(s->speaker));
    stmt_bind_text(s->mention, 1, p->name);
    sqlite3_bind_int64(s->mention, 2, source_id);
    bind_person_facts(s->mention, 3, p);
    stmt_bind_text(s->dirty, 1, p->name);
    if (stmt_run(s->mention) != 0 ||
        ((!appending || created) && stmt_run(s->dirty) != 0) ||
        (created && store_speaker_keys(s->speaker_key, p->name, id) != 0))
        return 0;
    if (new_details &&
        store_speaker_detail_keys(s->speaker_key, p->titles, p->delegation,
                                  id, p->name) != 0)
        return 0;
    return id;
}

/* ---- subheads column: decks and subheads joined by newlines (a block
   never contains a newline, so no escaping is needed) ---- */

/* The article's decks and subheads, one per line. */
static char *subheads_text(const article *a)
{
    strbuf sb = {0};
    for (size_t i = 0; i < a->blocks.n; i++) {
        const block *b = &a->blocks.v[i];
        if (b->kind != BLOCK_DECK && b->kind != BLOCK_SUBHEAD)
            continue;
        if (sb.len)
            sb_putc(&sb, '\n');
        sb_puts(&sb, b->text);
    }
    return sb_take(&sb);
}

/* Split a subheads column back into a list. */
void subheads_split(const char *text, strlist *out)
{
    while (text && *text) {
        const char *nl = strchr(text, '\n');
        size_t n = nl ? (size_t)(nl - text) : strlen(text);
        strlist_push_owned(out, xstrndup(text, n));
        text = nl ? nl + 1 : NULL;
    }
}

/* Index of the section that block b of a belongs to, or -1. */
static int section_of_block(const article *a, size_t b)
{
    int sec = -1;
    for (size_t i = 0; i < a->nsections; i++)
        if (a->sections[i].first_block <= b)
            sec = (int)i;
    return sec;
}

/* Bind the words of quote qt to ?5 of st and where they are in the body
   to ?8 and ?9: when they are the characters [start, end) of the body,
   the text is not stored twice (NULL; QUOTE_TEXT_SQL reads it back). */
static void bind_quote_words(sqlite3_stmt *st, body_cursor *bc,
                             const quote *qt)
{
    const char *p = body_seek(bc, (int64_t)qt->start);
    size_t n = strlen(qt->text);
    bool in_body = qt->end >= qt->start && strncmp(p, qt->text, n) == 0 &&
                   u8_mbsnlen((const uint8_t *)qt->text, n) ==
                       qt->end - qt->start;
    stmt_bind_text(st, 5, in_body ? NULL : qt->text);
    if (in_body) {
        sqlite3_bind_int64(st, 8, (sqlite3_int64)(p - bc->body));
        sqlite3_bind_int64(st, 9, (sqlite3_int64)n);
    } else {
        sqlite3_bind_null(st, 8);
        sqlite3_bind_null(st, 9);
    }
}

/* Store the paragraphs, sections, appearances and quotes of article ai
   of is, stored as article_id with the text body. */
static int store_article_parts(store_stmts *s, const issue *is, size_t ai,
                               sqlite3_int64 article_id, const char *body,
                               const int64_t *speaker_ids)
{
    const article *a = &is->articles[ai];

    int64_t start = 0;
    for (size_t b = 0; b < a->blocks.n; b++) {
        const block *bl = &a->blocks.v[b];
        int64_t length = (int64_t)u8_mbsnlen((const uint8_t *)bl->text,
                                             strlen(bl->text));
        sqlite3_bind_int64(s->para, 1, article_id);
        sqlite3_bind_int64(s->para, 2, (sqlite3_int64)b);
        stmt_bind_text(s->para, 3, block_kind_name(bl->kind));
        sqlite3_bind_int64(s->para, 4, start);
        sqlite3_bind_int64(s->para, 5, length);
        sqlite3_bind_int(s->para, 6, section_of_block(a, b));
        if (stmt_run(s->para) != 0)
            return -1;
        start += length + 1;
    }
    int ord = 0;
    for (size_t i = 0; i < a->nsections; i++) {
        const section *sec = &a->sections[i];
        sqlite3_bind_int64(s->section, 1, article_id);
        sqlite3_bind_int64(s->section, 2, (sqlite3_int64)i);
        stmt_bind_text(s->section, 3, a->blocks.v[sec->first_block].text);
        sqlite3_bind_int64(s->section, 4, (sqlite3_int64)sec->first_block);
        if (sec->speaker >= 0)
            sqlite3_bind_int64(s->section, 5, speaker_ids[sec->speaker]);
        else
            sqlite3_bind_null(s->section, 5);
        if (stmt_run(s->section) != 0)
            return -1;
    }
    body_cursor bc = {body, body, 0};
    for (size_t q = 0; q < is->nquotes; q++) {
        const quote *qt = &is->quotes[q];
        if (qt->article != ai)
            continue;
        sqlite3_bind_int64(s->quote, 1, article_id);
        sqlite3_bind_int(s->quote, 2, section_of_block(a, qt->block));
        if (qt->speaker >= 0) {
            int64_t sid = speaker_ids[qt->speaker];
            sqlite3_bind_int64(s->quote, 3, sid);
            const person *p = &is->people[qt->speaker];
            sqlite3_bind_int64(s->appearance, 1, sid);
            sqlite3_bind_int64(s->appearance, 2, article_id);
            sqlite3_bind_int(s->appearance, 3, ord++);
            stmt_bind_text(s->appearance, 4, p->role);
            stmt_bind_text(s->appearance, 5, p->titles);
            stmt_bind_text(s->appearance, 6, p->delegation);
            if (stmt_run(s->appearance) != 0)
                return -1;
        } else {
            sqlite3_bind_null(s->quote, 3);
        }
        stmt_bind_text(s->quote, 4, quote_kind_name(qt->kind));
        bind_quote_words(s->quote, &bc, qt);
        sqlite3_bind_int64(s->quote, 6, (sqlite3_int64)qt->start);
        sqlite3_bind_int64(s->quote, 7, (sqlite3_int64)qt->end);
        if (stmt_run(s->quote) != 0)
            return -1;
    }
    /* Speakers of sections appear in the article even without a quote. */
    for (size_t i = 0; i < a->nsections; i++) {
        int p = a->sections[i].speaker;
        if (p < 0)
            continue;
        sqlite3_bind_int64(s->appearance, 1, speaker_ids[p]);
        sqlite3_bind_int64(s->appearance, 2, article_id);
        sqlite3_bind_int(s->appearance, 3, ord++);
        stmt_bind_text(s->appearance, 4, is->people[p].role);
        stmt_bind_text(s->appearance, 5, is->people[p].titles);
        stmt_bind_text(s->appearance, 6, is->people[p].delegation);
        if (stmt_run(s->appearance) != 0)
            return -1;
    }
    return 0;
}

/* Store one article with its paragraphs, sections, appearances and quotes.
   speaker_ids maps issue.people indexes to database ids. */
static int store_article(store_stmts *s, sqlite3_int64 document_id,
                         const issue *is, size_t ai,
                         const int64_t *speaker_ids, sqlite3 *h)
{
    const article *a = &is->articles[ai];
    const char *body = a->text; /* stage 5 joined it */
    char *subs = subheads_text(a);
    sqlite3_bind_int64(s->article, 1, document_id);
    sqlite3_bind_int64(s->article, 2, (sqlite3_int64)ai);
    stmt_bind_text(s->article, 3, a->headline);
    stmt_bind_text(s->article, 4, subs);
    stmt_bind_text(s->article, 5, a->byline); /* stage 5 chose it */
    stmt_bind_text(s->article, 6, body);
    int rc = stmt_run(s->article);
    free(subs);
    if (rc == 0)
        rc = store_article_parts(s, is, ai, sqlite3_last_insert_rowid(h),
                                 body, speaker_ids);
    return rc;
}

/* Where an article was printed: its own paper, date and page when the
   file gave it one (a feed's items), else the file's. */
typedef struct {
    const char *paper, *date, *page, *name;
    size_t *articles; /* indexes into is->articles */
    size_t n;
} place;

static bool same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* The places the articles of is were printed, each with its articles;
   a file without articles has one place, its own. */
static size_t places_of(const issue *is, place **out)
{
    place *v = xcalloc(is->narticles + 1, sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < is->narticles || (i == 0 && n == 0); i++) {
        const article *a = i < is->narticles ? &is->articles[i] : NULL;
        place p = {a && a->paper ? a->paper : is->paper,
                   a && a->date ? a->date : is->date,
                   a && a->page ? a->page : is->page,
                   a && a->page_name ? a->page_name : is->page_name, NULL, 0};
        size_t k = 0;
        while (k < n && !(same_text(v[k].paper, p.paper) &&
                          same_text(v[k].date, p.date) &&
                          same_text(v[k].page, p.page)))
            k++;
        if (k == n)
            v[n++] = p;
        if (!v[k].name)
            v[k].name = p.name;
        if (a) {
            v[k].articles = xrealloc(v[k].articles,
                                     (v[k].n + 1) * sizeof *v[k].articles);
            v[k].articles[v[k].n++] = i;
        }
    }
    *out = v;
    return n;
}

/* Run an insert-or-ignore, then read the id its companion selects (both
   bound by the caller); 0 on failure. */
static int64_t upsert_id(sqlite3_stmt *insert, sqlite3_stmt *select)
{
    int64_t id = 0;
    if (stmt_run(insert) == 0 && sqlite3_step(select) == SQLITE_ROW)
        id = sqlite3_column_int64(select, 0);
    sqlite3_reset(select);
    return id;
}

/* The id of the page of issue and page that the place names, made when
   new (see the schema in db.c for the keys). */
static int64_t store_place(store_stmts *s, const char *path, const issue *is,
                           const place *p)
{
    strbuf key = {0};
    if (p->paper && p->date)
        sb_printf(&key, "%s\x1f%s", p->paper, p->date);
    else
        sb_printf(&key, "\x1e%s", path);
    stmt_bind_text(s->issue, 1, key.s);
    stmt_bind_text(s->issue, 2, p->paper);
    stmt_bind_text(s->issue, 3, p->date);
    stmt_bind_text(s->issue_id, 1, key.s);
    int64_t issue_id = upsert_id(s->issue, s->issue_id);
    sb_clear(&key);
    if (p->page)
        sb_puts(&key, p->page);
    else if (is->format && strcmp(is->format, "text") == 0)
        sb_printf(&key, "\x1e%s", path);
    sqlite3_bind_int64(s->page, 1, issue_id);
    stmt_bind_text(s->page, 2, key.s ? key.s : "");
    stmt_bind_text(s->page, 3, p->page);
    stmt_bind_text(s->page, 4, p->name);
    sqlite3_bind_int64(s->page_id, 1, issue_id);
    stmt_bind_text(s->page_id, 2, key.s ? key.s : "");
    int64_t page_id = issue_id ? upsert_id(s->page, s->page_id) : 0;
    sb_free(&key);
    return page_id;
}

/* Store one place of a file: its document and its articles. */
static int store_document(store_stmts *s, db *d, sqlite3_int64 source_id,
                          const char *path, const issue *is, const place *p,
                          const int64_t *speaker_ids)
{
    int64_t page_id = store_place(s, path, is, p);
    if (page_id == 0)
        return -1;
    sqlite3_bind_int64(s->document, 1, source_id);
    sqlite3_bind_int64(s->document, 2, page_id);
    stmt_bind_text(s->document, 3, is->file);
    stmt_bind_text(s->document, 4, is->format ? is->format : "text");
    stmt_bind_text(s->document, 5, is->edition);
    if (stmt_run(s->document) != 0)
        return -1;
    sqlite3_int64 document_id = sqlite3_last_insert_rowid(d->h);
    sqlite3_bind_int64(s->batch_document, 1, document_id);
    if (stmt_run(s->batch_document) != 0)
        return -1;
    for (size_t k = 0; k < p->n; k++)
        if (store_article(s, document_id, is, p->articles[k], speaker_ids,
                          d->h) != 0)
            return -1;
    sqlite3_bind_int64(s->count_quotes, 1, document_id);
    if (stmt_run(s->count_quotes) != 0)
        return -1;
    sqlite3_bind_int64(s->document_quotes, 1, document_id);
    return stmt_run(s->document_quotes);
}

/* Store the rows of a parsed file under source_id: its speakers (and what
   it says of them), then for each place its articles were printed (one
   for a page, several for a feed) a document on the page of the issue,
   both made when new. */
static int store_issue_rows(db *d, sqlite3_int64 source_id, const char *path,
                            const issue *is, strbuf *err)
{
    store_stmts s;
    if (store_stmts_prepare(d, &s, err) != 0)
        return -1;
    int rc = -1;
    int64_t *speaker_ids = xcalloc(is->npeople + 1, sizeof *speaker_ids);
    place *places;
    size_t nplaces = places_of(is, &places);
    sqlite3_bind_int64(s.appending, 1, source_id);
    if (sqlite3_step(s.appending) != SQLITE_ROW)
        goto out;
    bool appending = sqlite3_column_int(s.appending, 0) != 0;
    sqlite3_reset(s.appending);
    for (size_t i = 0; i < is->npeople; i++)
        if ((speaker_ids[i] = store_person(&s, &is->people[i], source_id,
                                           appending)) == 0)
            goto out;
    for (size_t i = 0; i < nplaces; i++)
        if (store_document(&s, d, source_id, path, is, &places[i],
                           speaker_ids) != 0)
            goto out;
    rc = 0;
out:
    if (rc != 0)
        sb_printf(err, "database %s: %s", d->path, db_errmsg(d));
    for (size_t i = 0; i < nplaces; i++)
        free(places[i].articles);
    free(places);
    free(speaker_ids);
    store_stmts_release(&s);
    return rc;
}

/* Run one statement with a single text parameter; 0 when it completes. */
static int exec_with_text(db *d, const char *sql, const char *arg,
                          strbuf *err)
{
    sqlite3_stmt *st = db_cached_stmt(d, sql, err);
    if (!st)
        return -1;
    stmt_bind_text(st, 1, arg);
    int rc = stmt_run(st);
    if (rc != 0 && err)
        sb_printf(err, "database %s: %s", d->path, db_errmsg(d));
    sqlite3_reset(st);
    return rc;
}

/* Delete the rows of the source at path, with its full-text entries, and
   the pages and issues that only it held.  The FTS tables have external
   content, so their entries are deleted with the text they were made
   from, before the rows (and that text) go.  The speakers it mentions are
   marked for recomputing. */
static int source_delete(db *d, const char *path, strbuf *err)
{
    static const char *const sql[] = {
        "INSERT OR IGNORE INTO temp.dirty_speakers(name) SELECT m.name "
        "FROM sources s CROSS JOIN mentions m ON m.source_id=s.id "
        "WHERE s.path=?1",
        "INSERT INTO article_fts(article_fts, rowid, headline, body) "
        "SELECT 'delete', a.id, a.headline, a.body FROM sources s "
        "JOIN documents doc ON doc.source_id=s.id "
        "JOIN articles a ON a.document_id=doc.id WHERE s.path=?1",
        "UPDATE speakers SET nquotes = nquotes - c.n FROM (SELECT "
        "q.speaker_id AS sid, count(*) AS n FROM sources s CROSS JOIN "
        "documents doc ON doc.source_id=s.id CROSS JOIN articles a ON "
        "a.document_id=doc.id CROSS JOIN quotes q ON q.article_id=a.id WHERE "
        "s.path=?1 AND q.speaker_id IS NOT NULL GROUP BY q.speaker_id) "
        "AS c WHERE speakers.id=c.sid",
        "INSERT INTO temp.gone_places(page_id, issue_id) "
        "SELECT doc.page_id, p.issue_id FROM sources s "
        "JOIN documents doc ON doc.source_id=s.id "
        "JOIN pages p ON p.id=doc.page_id WHERE s.path=?1",
        "DELETE FROM sources WHERE path=?1",
    };
    for (size_t i = 0; i < sizeof sql / sizeof *sql; i++)
        if (exec_with_text(d, sql[i], path, err) != 0)
            return -1;
    return db_exec_sql(
        d, "DELETE FROM pages WHERE id IN (SELECT page_id FROM "
           "temp.gone_places) AND NOT EXISTS (SELECT 1 FROM documents doc "
           "WHERE doc.page_id=pages.id);"
           "DELETE FROM issues WHERE id IN (SELECT issue_id FROM "
           "temp.gone_places) AND NOT EXISTS (SELECT 1 FROM pages p "
           "WHERE p.issue_id=issues.id);"
           "DELETE FROM temp.gone_places;",
        err);
}

/* Begin a write transaction, with the temporary tables that storing and
   removing use: the documents stored in this batch (their text goes to
   the full-text index at the commit), the names of the speakers whose
   facts must be recomputed before it commits, and the pages and issues of
   deleted documents (they go too when nothing is left on them). */
static int begin_write(db *d, strbuf *err)
{
    if (db_exec_sql(d, "BEGIN IMMEDIATE", err) != 0)
        return -1;
    if (db_exec_sql(d, "CREATE TEMP TABLE IF NOT EXISTS batch_documents("
                       "id INTEGER PRIMARY KEY);"
                       "CREATE TEMP TABLE IF NOT EXISTS dirty_speakers("
                       "name TEXT PRIMARY KEY);"
                       "CREATE TEMP TABLE IF NOT EXISTS gone_places("
                       "page_id INTEGER, issue_id INTEGER)", err) != 0) {
        db_exec_sql(d, "ROLLBACK", NULL);
        return -1;
    }
    return 0;
}

/* The detail keys of the titles and delegation the dirty speakers have
   now: they may come from a mention whose keys went with an earlier row
   of the speaker (removed while it had no quotes). */
static int store_recomputed_detail_keys(db *d, strbuf *err)
{
    sqlite3_stmt *st = db_prepare(d, "SELECT id, name, titles, delegation "
                                     "FROM speakers WHERE name IN (SELECT "
                                     "name FROM temp.dirty_speakers)", err);
    sqlite3_stmt *insert = db_cached_stmt(d, speaker_key_insert_sql, err);
    int rc = st && insert ? SQLITE_ROW : SQLITE_ERROR;
    while (rc == SQLITE_ROW && (rc = sqlite3_step(st)) == SQLITE_ROW)
        if (store_speaker_detail_keys(
                insert, (const char *)sqlite3_column_text(st, 2),
                (const char *)sqlite3_column_text(st, 3),
                sqlite3_column_int64(st, 0),
                (const char *)sqlite3_column_text(st, 1)) != 0)
            rc = SQLITE_ERROR;
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE)
        return 0;
    if (err)
        sb_printf(err, "database %s: %s", d->path, db_errmsg(d));
    return -1;
}

/* Recompute the facts of the speakers marked dirty from all their
   mentions, as a clean index folds them: the role (with its class),
   titles and delegation of the last mention (in the order of the files'
   paths) that has one, is_delegate if any mention says so.  Each
   speaker's mentions are found through their primary key, their sources
   through theirs: the cost follows the speakers touched, never the whole
   archive. */
static int recompute_dirty_speakers(db *d, strbuf *err)
{
    static const char *const last_of[] = {"role", "titles", "delegation"};
    strbuf sql = {0};
    sb_puts(&sql, "UPDATE speakers SET ");
    for (size_t i = 0; i < 3; i++)
        sb_printf(&sql, "%s=(SELECT m.%s FROM mentions m CROSS JOIN sources s "
                        "ON s.id=m.source_id WHERE m.name=speakers.name AND "
                        "m.%s IS NOT NULL ORDER BY s.path DESC LIMIT 1), ",
                  last_of[i], last_of[i], last_of[i]);
    /* The class goes with the role it was decided for. */
    sb_puts(&sql, "role_class=coalesce((SELECT m.role_class FROM mentions m "
                  "CROSS JOIN sources s ON s.id=m.source_id WHERE "
                  "m.name=speakers.name AND m.role IS NOT NULL ORDER BY "
                  "s.path DESC LIMIT 1), 0), ");
    sb_puts(&sql, "is_delegate=coalesce((SELECT max(m.is_delegate) FROM "
                  "mentions m WHERE m.name=speakers.name), 0) WHERE name IN "
                  "(SELECT name FROM temp.dirty_speakers)");
    int rc = db_exec_sql(d, sql.s, err);
    sb_free(&sql);
    if (rc == 0)
        rc = store_recomputed_detail_keys(d, err);
    return rc == 0 ? db_exec_sql(d, "DELETE FROM temp.dirty_speakers", err)
                   : -1;
}

int db_batch_begin(db *d, strbuf *err)
{
    if (begin_write(d, err) != 0)
        return -1;
    d->in_batch = true;
    return 0;
}

/* Add the articles of the documents stored in this batch to the
   full-text index (their quotes are found through it): one statement,
   so FTS5 tokenizes them all into one segment instead of one per
   document or per row.  CROSS JOIN keeps the batch's few documents as
   the outer loop: left to itself, SQLite knows nothing of the temporary
   table and scanned every article in the database for each batch
   (quadratic in the archive). */
static int batch_index_text(db *d, strbuf *err)
{
    static const char *const sql =
        "INSERT INTO article_fts(rowid, headline, body) "
        "SELECT a.id, a.headline, a.body FROM temp.batch_documents b "
        "CROSS JOIN articles a ON a.document_id=b.id ORDER BY a.id;"
        "DELETE FROM temp.batch_documents;";
    return db_exec_sql(d, sql, err);
}

int db_batch_commit(db *d, strbuf *err)
{
    d->in_batch = false;
    if (batch_index_text(d, err) == 0 &&
        recompute_dirty_speakers(d, err) == 0 &&
        db_exec_sql(d, "COMMIT", err) == 0)
        return 0;
    db_exec_sql(d, "ROLLBACK", NULL);
    return -1;
}

void db_batch_rollback(db *d)
{
    d->in_batch = false;
    db_exec_sql(d, "ROLLBACK", NULL);
}

/* The names in the CHECK constraint of sources.status (db.c). */
static const char *const source_status_names[] = {
    [SOURCE_OK] = "ok", [SOURCE_SKIPPED] = "skipped",
    [SOURCE_FAILED] = "failed",
};

const char *source_status_name(source_status s)
{
    return (unsigned)s <= SOURCE_FAILED ? source_status_names[s] : "failed";
}

int db_store_issue(db *d, const char *path, int64_t size, int64_t mtime_ns,
                   const char *hash, source_status status,
                   const char *message, const issue *is, strbuf *err)
{
    bool own_batch = !d->in_batch;
    if (own_batch && db_batch_begin(d, err) != 0)
        return -1;
    int rc = -1;
    sqlite3_stmt *ins = NULL;
    if (source_delete(d, path, err) != 0)
        goto out;
    ins = db_cached_stmt(d, "INSERT INTO sources(path, size, mtime_ns, hash, "
                            "status, message) VALUES(?1,?2,?3,?4,?5,?6)", err);
    if (!ins)
        goto out;
    stmt_bind_text(ins, 1, path);
    sqlite3_bind_int64(ins, 2, size);
    sqlite3_bind_int64(ins, 3, mtime_ns);
    stmt_bind_text(ins, 4, hash);
    stmt_bind_text(ins, 5, source_status_name(status));
    stmt_bind_text(ins, 6, message);
    if (stmt_run(ins) != 0) {
        sb_printf(err, "database %s: %s", d->path, db_errmsg(d));
        goto out;
    }
    if (is && store_issue_rows(d, sqlite3_last_insert_rowid(d->h), path, is,
                               err))
        goto out;
    rc = own_batch ? db_batch_commit(d, err) : 0;
out:
    if (rc != 0 && own_batch && d->in_batch)
        db_batch_rollback(d);
    return rc;
}

int db_remove_sources(db *d, const strlist *gone, bool changed)
{
    /* One transaction: a file's rows and its full-text entries go
       together, and speakers no longer mentioned anywhere go too (only
       those whose quote count is 0 can be: found through its index, not
       by a pass over every speaker). */
    int removed = 0;
    if (gone->n == 0 && !changed)
        return 0; /* nothing to write: reading commands stay readers */
    if (begin_write(d, NULL) != 0)
        return -1;
    for (size_t i = 0; i < gone->n && removed >= 0; i++)
        removed = source_delete(d, gone->v[i], NULL) == 0 ? removed + 1 : -1;
    if (removed >= 0 && recompute_dirty_speakers(d, NULL) == 0 &&
        db_exec_sql(d, "DELETE FROM speakers WHERE nquotes=0 AND NOT EXISTS "
                       "(SELECT 1 FROM appearances a WHERE "
                       "a.speaker_id=speakers.id) AND NOT EXISTS (SELECT 1 "
                       "FROM quotes q WHERE q.speaker_id=speakers.id)",
                       NULL) == 0 &&
        db_exec_sql(d, "COMMIT", NULL) == 0)
        return removed;
    db_exec_sql(d, "ROLLBACK", NULL);
    return -1;
}

/* ---- the corpus roots: state rows "corpus_root:NNNN" in the order
   given, and "corpus_unknown" when a rebuild could not tell them ---- */

/* stmt_read_rows callback: one root. */
static void read_root(sqlite3_stmt *st, void *row, void *ctx)
{
    (void)ctx;
    *(char **)row = stmt_text_dup(st, 0);
}

int db_corpus_roots(db *d, strlist *roots)
{
    sqlite3_stmt *st = db_prepare(d, "SELECT value FROM state WHERE key >= "
                                     "'corpus_root:' AND key < 'corpus_root;'"
                                     " ORDER BY key", NULL);
    char **v = NULL;
    size_t n = 0;
    bool ok = st && stmt_read_rows(st, sizeof *v, read_root, NULL,
                                   (void **)&v, &n);
    for (size_t i = 0; i < n; i++)
        if (ok && v[i])
            strlist_push_owned(roots, v[i]);
        else
            free(v[i]);
    free(v);
    int64_t unknown = 0;
    if (!ok || db_query_int(d, "SELECT EXISTS(SELECT 1 FROM state WHERE "
                               "key='corpus_unknown')", &unknown) != 0)
        return -2;
    return roots->n > 0 ? 1 : unknown ? -1 : 0;
}

/* The text the cached statement select_sql (a SELECT of one value of
   the state table) reads, heap; NULL when the key is not set or the
   database failed. */
static char *state_text(db *d, const char *select_sql)
{
    sqlite3_stmt *st = db_cached_stmt(d, select_sql, NULL);
    char *v = NULL;
    if (st && sqlite3_step(st) == SQLITE_ROW)
        v = stmt_text_dup(st, 0);
    if (st)
        sqlite3_reset(st);
    return v;
}

char *db_parsed_with(db *d)
{
    return state_text(d, "SELECT value FROM state WHERE key='parsed_with'");
}

/* Run the cached statement insert_sql (an INSERT OR REPLACE of one value
   of the state table, bound as ?1) with value.  0 or -1. */
static int state_set_text(db *d, const char *insert_sql, const char *value)
{
    sqlite3_stmt *st = db_cached_stmt(d, insert_sql, NULL);
    if (!st)
        return -1;
    stmt_bind_text(st, 1, value);
    return stmt_run(st);
}

int db_set_parsed_with(db *d, const char *rules)
{
    return state_set_text(d, "INSERT OR REPLACE INTO state(key, value) "
                             "VALUES('parsed_with', ?1)", rules);
}

char *db_watch_stamp(db *d)
{
    return state_text(d, "SELECT value FROM state WHERE key='watch_stamp'");
}

int db_set_watch_stamp(db *d, const char *stamp)
{
    char *old = db_watch_stamp(d);
    bool same = old ? stamp && strcmp(old, stamp) == 0 : !stamp;
    free(old);
    if (same)
        return 0; /* nothing to write: reading commands stay readers */
    if (!stamp)
        return db_exec_sql(d, "DELETE FROM state WHERE key='watch_stamp'",
                           NULL);
    return state_set_text(d, "INSERT OR REPLACE INTO state(key, value) "
                             "VALUES('watch_stamp', ?1)", stamp);
}

/* Whether two lists hold the same strings in the same order. */
static bool strlists_equal(const strlist *a, const strlist *b)
{
    if (a->n != b->n)
        return false;
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->v[i], b->v[i]) != 0)
            return false;
    return true;
}

int db_set_corpus_roots(db *d, const strlist *roots)
{
    strlist old = {0};
    bool same = db_corpus_roots(d, &old) == 1 && strlists_equal(&old, roots);
    strlist_free(&old);
    if (same)
        return 0; /* nothing to write: reading commands stay readers */
    sqlite3_stmt *ins = NULL;
    int rc = db_exec_sql(d, "BEGIN IMMEDIATE; DELETE FROM state WHERE "
                            "(key >= 'corpus_root:' AND key < 'corpus_root;')"
                            " OR key='corpus_unknown'", NULL);
    if (rc == 0)
        ins = db_prepare(d, "INSERT INTO state(key, value) VALUES("
                            "printf('corpus_root:%04d', ?1), ?2)", NULL);
    for (size_t i = 0; ins && rc == 0 && i < roots->n; i++) {
        sqlite3_bind_int64(ins, 1, (sqlite3_int64)i);
        stmt_bind_text(ins, 2, roots->v[i]);
        rc = stmt_run(ins);
    }
    sqlite3_finalize(ins);
    if (rc == 0 && ins && db_exec_sql(d, "COMMIT", NULL) == 0)
        return 0;
    db_exec_sql(d, "ROLLBACK", NULL);
    return -1;
}
