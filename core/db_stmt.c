/* db_stmt.c - the small tools every database file uses: running SQL,
 * the cache of prepared statements, binding and reading columns, reading
 * a query's rows into an array.
 */
#include "db_int.h"

#include <string.h>

/* Run SQL without results; on error append a sentence to err. */
int db_exec_sql(db *d, const char *sql, strbuf *err)
{
    if (sqlite3_exec(d->h, sql, NULL, NULL, NULL) == SQLITE_OK)
        return 0;
    if (err)
        sb_printf(err, "database %s: %s", d->path, db_errmsg(d));
    return -1;
}

/* Read one integer from a single-value query (e.g. a PRAGMA). */
int db_query_int(db *d, const char *sql, int64_t *out)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(d->h, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* Prepare a statement; on failure record the error in err. */
sqlite3_stmt *db_prepare(db *d, const char *sql, strbuf *err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(d->h, sql, -1, &st, NULL) != SQLITE_OK) {
        if (err)
            sb_printf(err, "database %s: %s", d->path, db_errmsg(d));
        return NULL;
    }
    return st;
}

/* The statement for sql, a string literal, reset and unbound: prepared on
   first use and kept until db_close, so that the statements run for every
   file while indexing are compiled once.  Callers never finalize it.  NULL
   (with a message in err) on failure. */
sqlite3_stmt *db_cached_stmt(db *d, const char *sql, strbuf *err)
{
    for (size_t i = 0; i < d->ncache; i++) {
        if (d->cache[i].sql == sql) {
            sqlite3_reset(d->cache[i].st);
            sqlite3_clear_bindings(d->cache[i].st);
            return d->cache[i].st;
        }
    }
    if (d->ncache == STMT_CACHE_SIZE) {
        if (err)
            sb_printf(err, "database %s: statement cache full", d->path);
        return NULL;
    }
    sqlite3_stmt *st = db_prepare(d, sql, err);
    if (st) {
        d->cache[d->ncache].sql = sql;
        d->cache[d->ncache++].st = st;
    }
    return st;
}

/* Copy a possibly-NULL text column. */
char *stmt_text_dup(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? xstrdup((const char *)t) : NULL;
}

/* Bind a possibly-NULL string. */
void stmt_bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

/* Step a statement that returns no rows; 0 on success. */
int stmt_run(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* Step st to its end and finalize it, appending to *rows (a heap array)
   one zeroed row of elem bytes per result, filled by read(st, row, ctx).
   *n gets the number of rows.  Returns whether every row was read; on
   false the caller frees the rows read so far. */
bool stmt_read_rows(sqlite3_stmt *st, size_t elem,
                    void (*read)(sqlite3_stmt *, void *, void *), void *ctx,
                    void **rows, size_t *n)
{
    size_t cap = 0;
    *rows = NULL;
    *n = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        *rows = grow_array(*rows, &cap, *n + 1, elem);
        void *row = (char *)*rows + *n * elem;
        memset(row, 0, elem);
        read(st, row, ctx);
        (*n)++;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE;
}

/* Append ids[0..n) as "a,b,c" for an IN list. */
void sql_append_ids(strbuf *sql, const int64_t *ids, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sb_printf(sql, "%s%lld", i ? "," : "", (long long)ids[i]);
}

/* Move the cursor to character number target (characters as SQLite
   counts them: a lead byte and its continuation bytes) and return it;
   the end of the body when the body is shorter. */
const char *body_seek(body_cursor *c, int64_t target)
{
    if (target < c->chars) {
        c->at = c->body;
        c->chars = 0;
    }
    while (c->chars < target && *c->at) {
        c->at++;
        while ((*c->at & 0xc0) == 0x80)
            c->at++;
        c->chars++;
    }
    return c->at;
}
