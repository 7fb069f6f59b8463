/* db.c - the SQLite database file: opening it, its schema and upgrades,
 * checking it and rebuilding it when damaged, and the counts of what it
 * holds.  Storing an issue is in db_store.c, finding speakers in
 * db_speakers.c, the lists in db_query.c, full-text search in
 * db_search.c; db_int.h is what they share.
 *
 * Every statement uses bound parameters.  Each corpus file is stored in
 * one transaction, so an interrupted index leaves a consistent database
 * that the next run completes.  WAL mode and a busy timeout let two dubao
 * processes share a database.
 */
#include "db_int.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fts.h"

/* 'duba' in ASCII: marks a SQLite file as a dubao database. */
#define DUBAO_APPLICATION_ID 0x64756261
/* Bump when the schema changes; db_migrate() must handle every older one. */
#define DUBAO_SCHEMA_VERSION 17

/* Tables rebuilt from the corpus on upgrade; user tables (marks, state)
   are never dropped. */
static const char *const schema_sql =
    "CREATE TABLE sources("
    "  id INTEGER PRIMARY KEY,"
    "  path TEXT NOT NULL UNIQUE,"
    "  size INTEGER NOT NULL,"
    "  mtime_ns INTEGER NOT NULL,"
    "  hash TEXT NOT NULL,"
    "  status TEXT NOT NULL CHECK(status IN ('ok','skipped','failed')),"
    "  message TEXT);"
    /* An issue is one paper on one date; its pages (版) hold the
       documents, what one corpus file holds for one page (a plain-text
       page, a Markdown or HTML article, a feed's items of that page),
       and the documents hold the articles.  issues.key is the paper and
       the date joined by U+001F, or, for a file whose paper or date is not
       known, U+001E and the file's path: an issue of its own.  pages.key
       is the page's label ("06"), "" for articles whose page no markup
       names, or U+001E and the path for a plain-text file of unknown page
       (one page of its own).  Pages and issues left without documents go
       with the last of them (source_delete). */
    "CREATE TABLE issues("
    "  id INTEGER PRIMARY KEY,"
    "  key TEXT NOT NULL UNIQUE,"
    "  paper TEXT, date TEXT);"
    /* Newest first, undated last (NULL sorts first, so last here): the
       order of every list of issues. */
    "CREATE INDEX issues_newest ON issues(date DESC, paper);"
    "CREATE TABLE pages("
    "  id INTEGER PRIMARY KEY,"
    "  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,"
    "  key TEXT NOT NULL,"
    "  page TEXT, name TEXT,"
    "  UNIQUE(issue_id, key));"
    "CREATE TABLE documents("
    "  id INTEGER PRIMARY KEY,"
    "  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,"
    "  page_id INTEGER NOT NULL REFERENCES pages(id),"
    "  file TEXT NOT NULL,"
    "  format TEXT NOT NULL,"
    "  edition TEXT,"
    /* The document's quotes, kept by store (a document's quotes change
       only with it): the list of every quote finds the position of each
       document's stretch from these (db_quote_groups) instead of counting
       every quote of the archive. */
    "  nquotes INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX documents_by_source ON documents(source_id);"
    "CREATE INDEX documents_by_page ON documents(page_id, file);"
    "CREATE INDEX documents_by_file ON documents(file);"
    "CREATE TABLE articles("
    "  id INTEGER PRIMARY KEY,"
    "  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  ord INTEGER NOT NULL,"
    "  headline TEXT NOT NULL,"
    "  subheads TEXT NOT NULL,"   /* decks and subheads, one per line */
    "  byline TEXT,"
    "  body TEXT NOT NULL,"
    "  UNIQUE(document_id, ord));"
    "CREATE TABLE paragraphs("
    "  id INTEGER PRIMARY KEY,"
    "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    "  ord INTEGER NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  start INTEGER NOT NULL,"   /* characters into articles.body */
    "  length INTEGER NOT NULL,"  /* characters; the text is not copied */
    "  section INTEGER NOT NULL,"
    "  UNIQUE(article_id, ord));"
    "CREATE TABLE speakers("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE,"
    "  role TEXT, titles TEXT, delegation TEXT,"
    "  role_class INTEGER NOT NULL DEFAULT 0,"  /* role_class of model.h */
    "  is_delegate INTEGER NOT NULL DEFAULT 0,"
    "  nquotes INTEGER NOT NULL DEFAULT 0);"  /* kept by store and delete */
    "CREATE INDEX speakers_by_quotes ON speakers(nquotes DESC, name);"
    /* What each corpus file says about a person (people of the same name
       in one file folded in order: a later non-null value wins,
       is_delegate if any says so).  The facts of a speakers row are the
       same fold over all its mentions in the order of their files' paths,
       the order a clean index stores them in: db_store.c recomputes them
       from here for the speakers a changed or removed file touched, so
       that an incremental index gives the speakers a clean one would.
       Keyed by name, not speaker id: a speaker without quotes is removed,
       but its mentions stay with their files. */
    "CREATE TABLE mentions("
    "  name TEXT NOT NULL,"
    "  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,"
    "  role TEXT, titles TEXT, delegation TEXT,"
    "  is_delegate INTEGER NOT NULL DEFAULT 0,"
    "  role_class INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY(name, source_id)) WITHOUT ROWID;"
    "CREATE INDEX mentions_by_source ON mentions(source_id);"
    /* Lookup keys of each speaker, so that finding a speaker never scans
       them all (db_speakers.c writes and reads them): every run of up to
       SPEAKER_KEY_MAX_CHARS characters of the name (as printed and
       simplified), and the pinyin keys of store_pinyin_keys
       ("\x1fs" + a reading of the first character,
       "\x1fq" + the initial of the second + a reading of the first),
       candidates for a pinyin query; and "\x1ft" + each pair of
       characters of the titles and delegation (simplified) the speaker
       was stored with, candidates for a query of their words.  Each row
       repeats the speaker's name, so that the candidates of a pinyin
       query (a few thousand in a large archive) are checked from the key
       index alone, not by a random read of each speaker. */
    "CREATE TABLE speaker_keys("
    "  key TEXT NOT NULL,"
    "  speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,"
    "  name TEXT NOT NULL,"
    "  PRIMARY KEY(key, speaker_id)) WITHOUT ROWID;"
    "CREATE INDEX speaker_keys_by_speaker ON speaker_keys(speaker_id);"
    "CREATE TABLE sections("
    "  id INTEGER PRIMARY KEY,"
    "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    "  ord INTEGER NOT NULL,"
    "  heading TEXT NOT NULL,"
    "  first_para INTEGER NOT NULL,"
    "  speaker_id INTEGER REFERENCES speakers(id),"
    "  UNIQUE(article_id, ord));"
    "CREATE TABLE appearances("
    "  speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,"
    "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    "  ord INTEGER NOT NULL,"
    "  role TEXT, titles TEXT, delegation TEXT,"
    "  PRIMARY KEY(speaker_id, article_id)) WITHOUT ROWID;"
    "CREATE INDEX appearances_by_article ON appearances(article_id, ord);"
    /* A quote's words are the characters [start, end) of its article's
       body, bytes [body_at, body_at + body_bytes) of it; text holds them
       only when they are not (NULL otherwise: half the corpus again,
       stored twice, before this).  QUOTE_TEXT_SQL and the view
       quote_texts read them. */
    "CREATE TABLE quotes("
    "  id INTEGER PRIMARY KEY,"
    "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    "  section INTEGER NOT NULL,"
    "  speaker_id INTEGER REFERENCES speakers(id),"
    "  kind TEXT NOT NULL CHECK(kind IN ('direct','indirect','section')),"
    "  text TEXT,"
    "  start INTEGER NOT NULL,"
    "  end INTEGER NOT NULL,"
    "  body_at INTEGER, body_bytes INTEGER);"
    "CREATE INDEX quotes_by_speaker ON quotes(speaker_id);"
    "CREATE INDEX quotes_by_article ON quotes(article_id, start);"
    "CREATE VIEW quote_texts(id, article_id, speaker_id, start, end, text) AS "
    "  SELECT q.id, q.article_id, q.speaker_id, q.start, q.end, "
    QUOTE_TEXT_SQL " FROM quotes q JOIN articles a ON a.id=q.article_id;"
    /* A full-text index over headlines and article text, with the
       dubao_cjk tokenizer (fts.c); it reads its text from articles.
       Quotes have no index of their own (quote_fts until schema 16, a
       quarter of the database): a quote's words are part of its article's
       body, so they are found through the article's entry and checked by
       dubao_rank_within (db_search.c).  db_batch_commit fills the index
       with one statement per batch and source_delete empties it of a
       file's rows before they go: FTS5 flushes its
       pending terms at every statement, so a trigger per row made one
       tiny segment per row and cost half the indexing time.  For the same
       reason FTS5 may hold up to 32 MB of pending terms (default 1 MB)
       before it writes a segment: fewer segments to merge later.
       detail=none keeps only which rows hold a token, not where: half the
       database and a quarter less indexing time; dubao_rank (fts.c)
       checks the terms in the text of the rows it ranks instead. */
    "CREATE VIRTUAL TABLE article_fts USING fts5(headline, body,"
    "  content='articles', content_rowid='id', tokenize='dubao_cjk',"
    "  detail=none);"
    "INSERT INTO article_fts(article_fts, rank) VALUES('hashsize', 33554432);";

/* User data: survives re-indexing and schema upgrades.  Rows refer to
   articles and quotes by content (file, headline, text), not by ids that
   re-indexing changes. */
static const char *const user_schema_sql =
    "CREATE TABLE IF NOT EXISTS marks("
    "  id INTEGER PRIMARY KEY,"
    "  file TEXT NOT NULL, headline TEXT NOT NULL, quote TEXT,"
    "  created INTEGER NOT NULL,"
    "  UNIQUE(file, headline, quote));"
    "CREATE TABLE IF NOT EXISTS state(key TEXT PRIMARY KEY, value TEXT);";

static const char *const derived_tables[] = {
    "quote_fts" /* schema 16 and older */, "article_fts", "quotes",
    "appearances", "sections",
    "speaker_keys", "mentions",
    "speakers", "paragraphs", "articles", "documents", "pages", "issues",
    "sources",
};

/* Why the system refused a read or write, in words a user can act on. */
static const char *system_reason(int e)
{
    switch (e) {
    case EFBIG: return "the file size limit (ulimit -f) was reached";
    case ENOSPC: return "no space left on the device";
    case EDQUOT: return "the disk quota was reached";
    case EROFS: return "the file system is read-only";
    case EACCES:
    case EPERM: return "permission denied";
    default: return strerror(e);
    }
}

const char *db_errmsg(db *d)
{
    if (!d || !d->h)
        return "no database";
    const char *msg = sqlite3_errmsg(d->h);
    int code = sqlite3_errcode(d->h) & 0xff;
    int e = sqlite3_system_errno(d->h);
    struct rlimit fsize;
    if (e != 0 && (code == SQLITE_IOERR || code == SQLITE_FULL ||
                   code == SQLITE_CANTOPEN || code == SQLITE_READONLY))
        snprintf(d->errbuf, sizeof d->errbuf, "%s (%s)", msg,
                 system_reason(e));
    /* SQLite does not always keep the reason of a failed write; a file
       size limit is the likely one when there is one. */
    else if ((code == SQLITE_IOERR || code == SQLITE_FULL) &&
             getrlimit(RLIMIT_FSIZE, &fsize) == 0 &&
             fsize.rlim_cur != RLIM_INFINITY)
        snprintf(d->errbuf, sizeof d->errbuf, "%s (the file size limit, "
                 "ulimit -f, is %llu bytes)", msg,
                 (unsigned long long)fsize.rlim_cur);
    else
        return msg;
    return d->errbuf;
}

/* Append the statement that keeps a list of corpus paths (the path
   column of the table from) in the sources table into, after its tables
   were rebuilt, so that the database still knows which files it holds:
   each path with an impossible size (-1), which the next index parses
   again and db_is_empty does not count. */
static void append_keep_paths(strbuf *sql, const char *into, const char *from)
{
    sb_printf(sql, "INSERT OR IGNORE INTO %s(path, size, mtime_ns, hash, "
                   "status) SELECT path, -1, -1, '', 'failed' FROM %s;",
              into, from);
}

/* SQLite's value of PRAGMA auto_vacuum for "incremental": the file keeps
   the map that lets PRAGMA incremental_vacuum give free pages back
   (db_release_free_pages). */
#define AUTO_VACUUM_INCREMENTAL 2

/* Switch the database to incremental auto-vacuum.  Once the file has
   its first page (the WAL mode writes it) only a VACUUM does that, which
   is cheap right after a migration: the tables of the corpus are empty. */
static int use_incremental_vacuum(db *d, strbuf *err)
{
    int64_t mode = 0;
    if (db_query_int(d, "PRAGMA auto_vacuum", &mode) != 0)
        return -1;
    if (mode == AUTO_VACUUM_INCREMENTAL)
        return 0;
    return db_exec_sql(d, "PRAGMA auto_vacuum=INCREMENTAL;VACUUM", err);
}

int db_release_free_pages(db *d)
{
    return db_exec_sql(d, "PRAGMA incremental_vacuum", NULL);
}

/* Create the schema in an empty database, or rebuild the derived tables of
   an older one (they are re-filled from the corpus on the next index; the
   paths of its files stay, to be indexed again). */
static int db_migrate(db *d, int64_t version, strbuf *err)
{
    int64_t has_paths = 0;
    if (version > 0 &&
        db_query_int(d, "SELECT count(*) FROM pragma_table_info('sources') "
                        "WHERE name='path'", &has_paths) != 0)
        has_paths = 0;
    strbuf sql = {0};
    sb_puts(&sql, "BEGIN IMMEDIATE;");
    if (has_paths)
        sb_puts(&sql, "CREATE TEMP TABLE kept_paths AS SELECT path FROM "
                      "main.sources;");
    sb_puts(&sql, "DROP VIEW IF EXISTS quote_texts;");
    for (size_t i = 0; i < sizeof derived_tables / sizeof *derived_tables; i++)
        sb_printf(&sql, "DROP TABLE IF EXISTS %s;", derived_tables[i]);
    sb_puts(&sql, schema_sql);
    sb_puts(&sql, user_schema_sql);
    /* The pages are read again: no refresh stands for this state. */
    sb_puts(&sql, "DELETE FROM state WHERE key='watch_stamp';");
    if (has_paths) {
        append_keep_paths(&sql, "main.sources", "temp.kept_paths");
        sb_puts(&sql, "DROP TABLE temp.kept_paths;");
    }
    sb_printf(&sql, "PRAGMA application_id=%d;PRAGMA user_version=%d;COMMIT;",
              DUBAO_APPLICATION_ID, DUBAO_SCHEMA_VERSION);
    int rc = db_exec_sql(d, sql.s, err);
    if (rc != 0)
        db_exec_sql(d, "ROLLBACK", NULL);
    sb_free(&sql);
    if (rc == 0)
        rc = use_incremental_vacuum(d, err);
    return rc;
}

/* Read the schema version of the open database into *version, as SQLite
   sees it (through the WAL too), refusing a database of another program
   or of a newer dubao. */
static int db_check_owner(db *d, int64_t *version, strbuf *err)
{
    int64_t app = 0, tables = 0;
    if (db_query_int(d, "PRAGMA application_id", &app) != 0 ||
        db_query_int(d, "PRAGMA user_version", version) != 0 ||
        db_query_int(d, "SELECT count(*) FROM sqlite_schema", &tables) != 0) {
        sb_printf(err, "%s is not a usable database: %s", d->path,
                  sqlite3_errmsg(d->h));
        return -1;
    }
    if (tables > 0 && app != DUBAO_APPLICATION_ID) {
        sb_printf(err, "%s is an SQLite database of another program; "
                  "refusing to touch it (use --db to choose another path).",
                  d->path);
        return -1;
    }
    if (*version > DUBAO_SCHEMA_VERSION) {
        sb_printf(err, "%s was written by a newer dubao (schema %lld, this "
                  "one knows %d); refusing to misread it.", d->path,
                  (long long)*version, DUBAO_SCHEMA_VERSION);
        return -1;
    }
    return 0;
}

/* Bring a dubao database of schema version to the current one. */
static int db_upgrade(db *d, int64_t version, bool readonly, strbuf *err)
{
    if (version == DUBAO_SCHEMA_VERSION)
        return 0;
    if (readonly) {
        sb_printf(err, "%s needs a schema upgrade but is open read-only.",
                  d->path);
        return -1;
    }
    return db_migrate(d, version, err);
}

/* Did the last failure on h come from a damaged file (as opposed to a
   lock, a permission or a missing file)? */
static bool failure_is_damage(sqlite3 *h)
{
    int code = sqlite3_errcode(h) & 0xff;
    return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
}

int db_quick_check(db *d, strbuf *report)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(d->h, "PRAGMA quick_check(5)", -1, &st, NULL) !=
        SQLITE_OK) {
        sb_printf(report, "%s", sqlite3_errmsg(d->h));
        return failure_is_damage(d->h) ? 0 : -1;
    }
    int ok = 1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *line = (const char *)sqlite3_column_text(st, 0);
        if (line && strcmp(line, "ok") != 0) {
            ok = 0;
            sb_printf(report, "%s%s", report->len ? "; " : "", line);
        }
    }
    if (rc != SQLITE_DONE) {
        sb_printf(report, "%s%s", report->len ? "; " : "",
                  sqlite3_errmsg(d->h));
        ok = failure_is_damage(d->h) ? 0 : -1;
    }
    sqlite3_finalize(st);
    return ok;
}

/* The number of rows of table not in the full-text index fts, plus the
   index's documents whose row is gone (FTS5 keeps one docsize row per
   document); -1 when it cannot be counted. */
static int64_t fts_rows_out_of_step(db *d, const char *table, const char *fts)
{
    strbuf sql = {0};
    sb_printf(&sql, "SELECT (SELECT count(*) FROM %s WHERE id NOT IN "
                    "(SELECT id FROM %s_docsize)) + (SELECT count(*) FROM "
                    "%s_docsize WHERE id NOT IN (SELECT id FROM %s))",
              table, fts, fts, table);
    int64_t n = -1;
    if (db_query_int(d, sql.s, &n) != 0)
        n = -1;
    sb_free(&sql);
    return n;
}

/* The quote counts that store keeps (speakers.nquotes,
   documents.nquotes): what each table calls its rows in a report, and
   the query that counts the rows whose stored count is wrong. */
static const struct {
    const char *what;
    const char *sql;
} stored_quote_counts[] = {
    {"speakers", "SELECT count(*) FROM speakers s WHERE nquotes <> "
                 "(SELECT count(*) FROM quotes q WHERE q.speaker_id=s.id)"},
    {"documents", "SELECT count(*) FROM documents doc WHERE nquotes <> "
                  "(SELECT count(*) FROM articles a CROSS JOIN quotes q ON "
                  "q.article_id=a.id WHERE a.document_id=doc.id)"},
};

/* Compare the stored quote counts with the quotes (ok: 1 so far, else
   the check stops); returns the new ok. */
static int check_stored_counts(db *d, int ok, strbuf *report)
{
    size_t n = sizeof stored_quote_counts / sizeof *stored_quote_counts;
    for (size_t i = 0; ok == 1 && i < n; i++) {
        int64_t miscounted = 0;
        if (db_query_int(d, stored_quote_counts[i].sql, &miscounted) != 0) {
            sb_printf(report, "%s%s counts: %s", report->len ? "; " : "",
                      stored_quote_counts[i].what, sqlite3_errmsg(d->h));
            ok = failure_is_damage(d->h) ? 0 : -1;
        } else if (miscounted > 0) {
            sb_printf(report, "%s%lld %s with a wrong quote count",
                      report->len ? "; " : "", (long long)miscounted,
                      stored_quote_counts[i].what);
            ok = 0;
        }
    }
    return ok;
}

int db_full_check(db *d, strbuf *report)
{
    int ok = check_stored_counts(d, db_quick_check(d, report), report);
    static const char *const pairs[][2] = {{"articles", "article_fts"}};
    for (size_t i = 0; ok == 1 && i < sizeof pairs / sizeof *pairs; i++) {
        strbuf sql = {0};
        sb_printf(&sql, "INSERT INTO %s(%s) VALUES('integrity-check')",
                  pairs[i][1], pairs[i][1]);
        int rc = sqlite3_exec(d->h, sql.s, NULL, NULL, NULL);
        sb_free(&sql);
        int64_t stray = rc == SQLITE_OK
                            ? fts_rows_out_of_step(d, pairs[i][0], pairs[i][1])
                            : -1;
        if (stray == 0)
            continue;
        if (stray > 0) {
            sb_printf(report, "%sfull-text index of %s: %lld rows out of step",
                      report->len ? "; " : "", pairs[i][0], (long long)stray);
            ok = 0;
        } else {
            sb_printf(report, "%sfull-text index: %s", report->len ? "; " : "",
                      sqlite3_errmsg(d->h));
            ok = failure_is_damage(d->h) ? 0 : -1;
        }
    }
    return ok;
}

/* How long to wait for another connection's lock: 5 s unless the
   environment says otherwise (as tests do). */
static int busy_timeout_ms(void)
{
    const char *busy = getenv("DUBAO_BUSY_TIMEOUT_MS");
    return busy ? atoi(busy) : 5000;
}

/* The files SQLite keeps beside a database: its WAL, the WAL's index,
   its rollback journal. */
static const char *const side_file_suffixes[] = {"-wal", "-shm", "-journal"};

/* Remove the database file at path and the files beside it. */
static void remove_db_files(const char *path)
{
    remove(path);
    for (size_t i = 0; i < 3; i++) {
        strbuf side = {0};
        sb_printf(&side, "%s%s", path, side_file_suffixes[i]);
        remove(side.s);
        sb_free(&side);
    }
}

/* Rename the database file from to to, with the files beside it (a WAL
   may hold commits that are not in the main file yet: the two stay
   together).  All or nothing: -1 with errno, and everything where it
   was, on failure. */
static int rename_db_files(const char *from, const char *to)
{
    if (rename(from, to) != 0)
        return -1;
    size_t done = 0;
    int failure = 0;
    for (; done < 3 && !failure; done++) {
        strbuf a = {0}, b = {0};
        sb_printf(&a, "%s%s", from, side_file_suffixes[done]);
        sb_printf(&b, "%s%s", to, side_file_suffixes[done]);
        if (rename(a.s, b.s) != 0 && errno != ENOENT)
            failure = errno;
        sb_free(&a);
        sb_free(&b);
    }
    if (!failure)
        return 0;
    for (size_t i = 0; i + 1 < done; i++) {
        strbuf a = {0}, b = {0};
        sb_printf(&a, "%s%s", from, side_file_suffixes[i]);
        sb_printf(&b, "%s%s", to, side_file_suffixes[i]);
        rename(b.s, a.s);
        sb_free(&a);
        sb_free(&b);
    }
    rename(to, from);
    errno = failure;
    return -1;
}

/* A name beside path for keeping a damaged database: PATH.damaged-TIME,
   with -N added when that is taken (heap). */
static char *aside_name(const char *path)
{
    strbuf name = {0};
    struct stat st;
    long now = (long)time(NULL);
    sb_printf(&name, "%s.damaged-%ld", path, now);
    for (int n = 2; lstat(name.s, &st) == 0; n++) {
        sb_clear(&name);
        sb_printf(&name, "%s.damaged-%ld-%d", path, now, n);
    }
    return sb_take(&name);
}

/* BEGIN EXCLUSIVE, tried again for as long as the busy timeout: SQLite
   does not wait for the lock of locking_mode=EXCLUSIVE by itself. */
static int begin_exclusive(sqlite3 *h)
{
    for (int waited = 0;; waited += 50) {
        int rc = sqlite3_exec(h, "BEGIN EXCLUSIVE", NULL, NULL, NULL);
        if ((rc & 0xff) != SQLITE_BUSY || waited >= busy_timeout_ms())
            return rc;
        usleep(50 * 1000);
    }
}

/* Open the damaged database at path, with the new database fresh attached
   as "fresh", and take the damaged file's exclusive lock: SQLite grants it
   only when no other connection has the file open, and this connection
   keeps it until it closes (locking_mode=EXCLUSIVE).  While it is held
   nobody can commit a write that the copy of the user's data would miss,
   and nobody has the file open when it is renamed.  NULL with a message
   when another process has the file (or it cannot be opened). */
static sqlite3 *open_exclusive(const char *path, const char *fresh,
                               strbuf *msg)
{
    sqlite3 *h = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(h, "ATTACH ?1 AS fresh", -1, &st, NULL) !=
            SQLITE_OK) {
        sb_printf(msg, "cannot open %s to set it aside: %s", path,
                  h ? sqlite3_errmsg(h) : "out of memory");
        sqlite3_close(h);
        return NULL;
    }
    sqlite3_busy_timeout(h, busy_timeout_ms());
    /* The damaged file is kept as it was found: no checkpoint into it
       when this connection closes. */
    sqlite3_db_config(h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
    sqlite3_bind_text(st, 1, fresh, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE)
        rc = sqlite3_exec(h, "PRAGMA main.locking_mode=EXCLUSIVE", NULL, NULL,
                          NULL);
    /* The lock stays after the (empty) transaction that takes it; the
       copies then run one statement at a time, so that one failing on a
       damaged page does not undo the others. */
    if (rc == SQLITE_OK && (rc = begin_exclusive(h)) == SQLITE_OK)
        rc = sqlite3_exec(h, "COMMIT", NULL, NULL, NULL);
    int code = rc & 0xff;
    /* Damage that keeps even the lock from being taken keeps every other
       connection from writing too. */
    if (rc == SQLITE_OK || code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
        return h;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        sb_printf(msg, "%s is damaged, but another process has it open (%s); "
                  "it was left as it is: close the other dubao and run "
                  "dubao check", path, sqlite3_errmsg(h));
    else
        sb_printf(msg, "cannot lock %s to set it aside: %s", path,
                  sqlite3_errmsg(h));
    sqlite3_close(h);
    return NULL;
}

/* Copy the rows of the user tables that can still be read from the
   damaged database (main of h) into fresh, with the paths of its files
   (to be indexed again).  When neither its corpus roots
   nor its paths can be read, the new database says so (corpus_unknown):
   it must not be filled from another corpus by default. */
static void copy_user_data(sqlite3 *h)
{
    /* Each copy may fail on damaged pages; whatever is readable is kept. */
    sqlite3_exec(h, "INSERT OR IGNORE INTO fresh.marks SELECT * FROM "
                    "main.marks", NULL, NULL, NULL);
    sqlite3_exec(h, "INSERT OR IGNORE INTO fresh.state SELECT * FROM "
                    "main.state WHERE key <> 'watch_stamp'", NULL, NULL,
                 NULL);
    strbuf paths = {0};
    append_keep_paths(&paths, "fresh.sources", "main.sources");
    sqlite3_exec(h, paths.s, NULL, NULL, NULL);
    sb_free(&paths);
    sqlite3_exec(h, "INSERT OR IGNORE INTO fresh.state(key, value) SELECT "
                    "'corpus_unknown', '1' WHERE NOT EXISTS (SELECT 1 FROM "
                    "fresh.state WHERE key >= 'corpus_root:' AND key < "
                    "'corpus_root;') AND NOT EXISTS (SELECT 1 FROM "
                    "fresh.sources)", NULL, NULL, NULL);
    sqlite3_exec(h, "DETACH fresh", NULL, NULL, NULL);
}

/* Create an empty dubao database at path, in one file (rollback journal)
   so that it can be renamed into place; 0, or -1 with a message. */
static int create_fresh(const char *path, strbuf *msg)
{
    remove_db_files(path);
    db *d = db_open(path, false, msg);
    int rc = d ? db_exec_sql(d, "PRAGMA journal_mode=DELETE", msg) : -1;
    db_close(d);
    if (rc != 0)
        remove_db_files(path);
    return rc;
}

db *db_rebuild(const char *path, strbuf *msg)
{
    strbuf fresh = {0};
    sb_printf(&fresh, "%s.rebuild-tmp", path);
    sqlite3 *h = NULL;
    if (create_fresh(fresh.s, msg) != 0 ||
        !(h = open_exclusive(path, fresh.s, msg))) {
        remove_db_files(fresh.s);
        sb_free(&fresh);
        return NULL;
    }
    copy_user_data(h);
    /* Under the lock, the damaged file and its WAL go aside together and
       the new one takes their place. */
    char *aside = aside_name(path);
    bool moved = rename_db_files(path, aside) == 0;
    if (moved && rename(fresh.s, path) != 0) {
        int e = errno;
        rename_db_files(aside, path);
        errno = e;
        moved = false;
    }
    if (!moved)
        sb_printf(msg, "cannot set %s aside: %s", path, strerror(errno));
    sqlite3_close(h);
    db *d = moved ? db_open(path, false, msg) : NULL;
    if (d)
        sb_printf(msg, "the database %s was damaged; it was kept as %s "
                  "and rebuilt with your marks; the corpus will be "
                  "indexed again.", path, aside);
    remove_db_files(fresh.s);
    free(aside);
    sb_free(&fresh);
    return d;
}

/* Read the first 100 bytes of the file at path (the SQLite header) into
   h.  Returns how many were read (0 for an empty file), or -1 with errno
   when the file cannot be opened. */
static ssize_t read_header(const char *path, unsigned char h[100])
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return -1;
    ssize_t n = 0, got;
    while (n < 100 && ((got = read(fd, h + n, 100 - (size_t)n)) > 0 ||
                       (got < 0 && errno == EINTR)))
        n += got > 0 ? got : 0;
    close(fd);
    return n;
}

/* The application id in an SQLite header. */
static uint32_t header_application_id(const unsigned char h[100])
{
    return (uint32_t)h[68] << 24 | (uint32_t)h[69] << 16 |
           (uint32_t)h[70] << 8 | h[71];
}

/* Is h (n bytes) the start of an SQLite file? */
static bool header_is_sqlite(const unsigned char *h, ssize_t n)
{
    return n >= 100 && memcmp(h, "SQLite format 3", 16) == 0;
}

/* Does the file start with an SQLite header carrying dubao's
   application id?  (Readable even when the rest of the file is damaged.) */
static bool file_has_dubao_header(const char *path)
{
    unsigned char h[100];
    ssize_t n = read_header(path, h);
    return header_is_sqlite(h, n) &&
           header_application_id(h) == DUBAO_APPLICATION_ID;
}

/* An SQLite URI for the file at path with the query (e.g. "immutable=1"):
   every byte that could be read as URI syntax is %-escaped. */
static char *file_uri(const char *path, const char *query)
{
    strbuf uri = {0};
    sb_puts(&uri, path[0] == '/' ? "file://" : "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if (isalnum(*p) || strchr("/-._~", *p))
            sb_putc(&uri, (char)*p);
        else
            sb_printf(&uri, "%%%02X", *p);
    }
    sb_printf(&uri, "?%s", query);
    return sb_take(&uri);
}

/* How many tables the main file of the SQLite database at path holds,
   read without locks and without creating or changing any file
   (immutable=1: a file that may be another program's is only looked
   at).  -1 when it cannot be read. */
static int64_t count_tables_untouched(const char *path)
{
    char *uri = file_uri(path, "immutable=1");
    sqlite3 *h = NULL;
    int64_t n = -1;
    sqlite3_stmt *st;
    if (sqlite3_open_v2(uri, &h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                        NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(h, "SELECT count(*) FROM sqlite_schema", -1, &st,
                           NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(h);
    free(uri);
    return n;
}

/* Decide from its bytes alone, before SQLite opens it for writing (which
   would switch it to WAL mode), whether the file at path may be used:
   it is missing or empty, it carries dubao's application id, or it is an
   SQLite file without an application id that holds no table (nothing of
   anyone's is in it; a dubao database killed before its first checkpoint
   looks like this too).  Anything else is another program's, or not a
   database: -1 with a sentence in err, and the file is left as it was. */
static int recognise_file(const char *path, strbuf *err)
{
    unsigned char h[100];
    ssize_t n = read_header(path, h);
    if (n < 0 && errno == ENOENT)
        return 0;
    if (n < 0) {
        sb_printf(err, "cannot open database %s: %s", path, strerror(errno));
        return -1;
    }
    if (n == 0)
        return 0;
    if (!header_is_sqlite(h, n)) {
        sb_printf(err, "%s is not a usable database: file is not a database "
                  "(refusing to touch it; use --db to choose another path).",
                  path);
        return -1;
    }
    uint32_t app = header_application_id(h);
    if (app == DUBAO_APPLICATION_ID ||
        (app == 0 && count_tables_untouched(path) == 0))
        return 0;
    sb_printf(err, "%s is an SQLite database of another program; refusing "
              "to touch it (use --db to choose another path).", path);
    return -1;
}

db *db_open_or_repair(const char *path, strbuf *err, strbuf *notice)
{
    strbuf first = {0};
    db *d = db_open(path, false, &first);
    int sound = -1;
    strbuf report = {0};
    if (d) {
        sb_free(&first);
        return d;
    }
    if (!file_has_dubao_header(path)) {
        sb_append(err, first.s ? first.s : "", first.len);
        sb_free(&first);
        return NULL;
    }
    /* Ours, but unusable: is it damage (rebuild) or something else, such
       as a lock or a newer schema (report)? */
    sqlite3 *h = NULL;
    if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
        db probe = {.h = h, .path = (char *)path};
        sound = db_quick_check(&probe, &report);
    }
    sqlite3_close(h);
    /* Rebuild only when the check ran and found damage: a file that
       cannot be checked (read-only, locked, no permission) is reported and
       left alone. */
    if (sound != 0) {
        sb_append(err, first.s ? first.s : "", first.len);
        sb_free(&first);
        sb_free(&report);
        return NULL;
    }
    d = db_rebuild(path, notice);
    if (!d)
        sb_printf(err, "%s; rebuilding it failed: %s", first.s, notice->s);
    else
        sb_printf(notice, " (damage found: %s)", report.s ? report.s : "");
    sb_free(&first);
    sb_free(&report);
    return d;
}

/* Create the database file with mode 0600 if it does not exist yet:
   SQLite would use the umask (usually 0644), and the WAL and shared-memory
   files take the main file's mode.  A user's marks are nobody else's. */
static void create_private_file(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0)
        close(fd);
}

/* Does the file path + suffix exist and may this process write it? */
static bool side_file_writable(const char *path, const char *suffix)
{
    strbuf side = {0};
    sb_printf(&side, "%s%s", path, suffix);
    bool ok = access(side.s, W_OK) == 0;
    sb_free(&side);
    return ok;
}

/* May this process write the existing database at path, and the files
   SQLite keeps beside it (a WAL database cannot even be read without its
   -shm file)?  A file that does not exist yet counts as writable:
   creating it tells. */
static bool can_write_database(const char *path)
{
    if (access(path, F_OK) != 0)
        return true;
    if (access(path, W_OK) != 0)
        return false;
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (slash)
        slash[slash == dir ? 1 : 0] = '\0';
    bool ok = access(slash ? dir : ".", W_OK) == 0 ||
              (side_file_writable(path, "-wal") &&
               side_file_writable(path, "-shm"));
    free(dir);
    return ok;
}

/* Open the connection of d for reading only.  Without a -wal file beside
   it everything committed is in the main file, which is then read as it
   is (immutable=1): SQLite would otherwise need a -shm file it cannot
   create in a directory it may not write.  With one, SQLite reads the
   WAL as it can (it needs the -shm file to be there). */
static int open_for_reading(db *d)
{
    strbuf wal = {0};
    sb_printf(&wal, "%s-wal", d->path);
    bool has_wal = access(wal.s, F_OK) == 0;
    sb_free(&wal);
    if (has_wal)
        return sqlite3_open_v2(d->path, &d->h, SQLITE_OPEN_READONLY, NULL);
    char *uri = file_uri(d->path, "immutable=1");
    int rc = sqlite3_open_v2(uri, &d->h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                             NULL);
    free(uri);
    return rc;
}

db *db_open(const char *path, bool readonly, strbuf *err)
{
    if (recognise_file(path, err) != 0)
        return NULL;
    /* A database this process may not write (a read-only file, directory
       or file system) is opened for reading. */
    readonly = readonly || !can_write_database(path);
    if (!readonly)
        create_private_file(path);
    db *d = xcalloc(1, sizeof *d);
    d->path = xstrdup(path);
    d->readonly = readonly;
    int rc = readonly ? open_for_reading(d)
                      : sqlite3_open_v2(path, &d->h, SQLITE_OPEN_READWRITE |
                                                         SQLITE_OPEN_CREATE,
                                        NULL);
    if (rc != SQLITE_OK) {
        sb_printf(err, "cannot open database %s: %s", path,
                  d->h ? sqlite3_errmsg(d->h) : strerror(errno));
        db_close(d);
        return NULL;
    }
    sqlite3_extended_result_codes(d->h, 1);
    if (fts_register(d->h) != SQLITE_OK) {
        sb_printf(err, "database %s: cannot set up full-text search: %s",
                  path, sqlite3_errmsg(d->h));
        db_close(d);
        return NULL;
    }
    /* Wait for another dubao's write to finish. */
    sqlite3_busy_timeout(d->h, busy_timeout_ms());
    /* Nothing is written until the file is known to be dubao's: not the
       journal mode, not even the checkpoint SQLite makes when it closes
       a WAL database. */
    sqlite3_db_config(d->h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
    int64_t version = 0;
    if (db_exec_sql(d, "PRAGMA foreign_keys=ON", err) != 0 ||
        db_check_owner(d, &version, err) != 0) {
        db_close(d);
        return NULL;
    }
    sqlite3_db_config(d->h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
    if ((!readonly && db_exec_sql(d, "PRAGMA journal_mode=WAL;"
                                     "PRAGMA synchronous=NORMAL", err) != 0) ||
        db_upgrade(d, version, readonly, err) != 0) {
        db_close(d);
        return NULL;
    }
    return d;
}

bool db_is_readonly(db *d)
{
    return d->readonly;
}

void db_close(db *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->ncache; i++)
        sqlite3_finalize(d->cache[i].st);
    sqlite3_close(d->h);
    free(d->path);
    free(d);
}

bool db_is_empty(db *d)
{
    int64_t any = 0;
    return db_query_int(d, "SELECT EXISTS(SELECT 1 FROM sources WHERE "
                           "size >= 0)", &any) != 0 ||
           any == 0;
}

void db_get_counts(db *d, db_counts *c)
{
    memset(c, 0, sizeof *c);
    db_query_int(d, "SELECT count(*) FROM sources", &c->sources);
    db_query_int(d, "SELECT count(*) FROM issues", &c->issues);
    db_query_int(d, "SELECT count(*) FROM pages", &c->pages);
    db_query_int(d, "SELECT count(*) FROM articles", &c->articles);
    db_query_int(d, "SELECT count(*) FROM paragraphs", &c->paragraphs);
    db_query_int(d, "SELECT count(*) FROM speakers", &c->speakers);
    db_query_int(d, "SELECT count(*) FROM quotes", &c->quotes);
}
