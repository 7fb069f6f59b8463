/* db_int.h - what the files of the database module share, and nothing
 * outside core/db*.c includes: the connection, the statement cache and
 * the small helpers around statements (db_stmt.c), and the few functions
 * one part of the module calls in another.
 */
#ifndef DUBAO_DB_INT_H
#define DUBAO_DB_INT_H

#include <sqlite3.h>

#include "db.h"

/* Statements run for every file while indexing, kept prepared (see
   db_cached_stmt); more than the store needs. */
#define STMT_CACHE_SIZE 40

/* The words of the quote q of the article a, in a statement that joins
   both: its text column, or when that is NULL (most quotes) the bytes of
   the article's body where they are (cut by bytes: counting characters
   up to them took a pass over the body for each quote). */
#define QUOTE_TEXT_SQL \
    "coalesce(q.text, CAST(substr(CAST(a.body AS BLOB), q.body_at + 1, " \
    "q.body_bytes) AS TEXT))"

struct db {
    sqlite3 *h;
    char *path;
    bool in_batch; /* between db_batch_begin and its commit or rollback */
    bool readonly; /* opened for reading only (see db_open) */
    char errbuf[512]; /* db_errmsg's message when it adds the reason */
    struct {
        const char *sql; /* a string literal: its address is the key */
        sqlite3_stmt *st;
    } cache[STMT_CACHE_SIZE];
    size_t ncache;
};

/* ---- db_stmt.c ---- */

/* Run SQL without results; on error append a sentence to err. */
int db_exec_sql(db *d, const char *sql, strbuf *err);
/* Read one integer from a single-value query (e.g. a PRAGMA). */
int db_query_int(db *d, const char *sql, int64_t *out);
/* Prepare a statement; on failure record the error in err. */
sqlite3_stmt *db_prepare(db *d, const char *sql, strbuf *err);
/* The statement for sql, a string literal, reset and unbound, prepared
   once per connection.  Callers never finalize it. */
sqlite3_stmt *db_cached_stmt(db *d, const char *sql, strbuf *err);
/* Copy a possibly-NULL text column. */
char *stmt_text_dup(sqlite3_stmt *st, int i);
/* Bind a possibly-NULL string. */
void stmt_bind_text(sqlite3_stmt *st, int i, const char *s);
/* Step a statement that returns no rows; 0 on success. */
int stmt_run(sqlite3_stmt *st);
/* Read every row of st into a heap array (see db_stmt.c). */
bool stmt_read_rows(sqlite3_stmt *st, size_t elem,
                    void (*read)(sqlite3_stmt *, void *, void *), void *ctx,
                    void **rows, size_t *n);
/* Append ids[0..n) as "a,b,c" for an IN list. */
void sql_append_ids(strbuf *sql, const int64_t *ids, size_t n);

/* A position in an article's body, walked forward as the paragraphs or
   quotes of the article come in order (reading it again for each of them
   made a long article quadratic). */
typedef struct {
    const char *body;  /* the whole body, NUL-terminated */
    const char *at;    /* the byte where character number chars starts */
    int64_t chars;
} body_cursor;
/* Move the cursor to character number target (characters as SQLite
   counts them: a lead byte and its continuation bytes) and return it;
   the end of the body when the body is shorter.  Back to the start only
   when target is before the cursor. */
const char *body_seek(body_cursor *c, int64_t target);

/* ---- db_store.c ---- */

/* Split a subheads column back into a list. */
void subheads_split(const char *text, strlist *out);

/* ---- db_speakers.c ---- */

/* The statement that adds a row to speaker_keys (for db_cached_stmt). */
extern const char speaker_key_insert_sql[];
/* The lookup keys of a new speaker, added with insert (a statement made
   from speaker_key_insert_sql). */
int store_speaker_keys(sqlite3_stmt *insert, const char *name, int64_t id);
/* The keys of a speaker's titles and delegation (either may be NULL),
   added with insert; for a new speaker and when they change. */
int store_speaker_detail_keys(sqlite3_stmt *insert, const char *titles,
                              const char *delegation, int64_t id,
                              const char *name);
/* Read the rows of a statement whose columns are those of a speakers row
   (id, name, role, titles, delegation, is_delegate, quotes), then nextra
   numbers, the same in every row, into extra.  Finalizes st.  Returns the
   number of rows, or -1. */
ssize_t speaker_rows_counted(sqlite3_stmt *st, speaker_row **rows,
                             int64_t *extra, int nextra);
/* The ids of the speakers whose names match q, in ascending order. */
ssize_t speaker_ids_matching(db *d, const char *q, int64_t **ids);

#endif
