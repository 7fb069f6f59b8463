/* rows.h - a window of rows paged in from the database.
 *
 * A pane over a large archive (every issue, every speaker, every quote)
 * holds the rows around what is on screen, never all of them: asking for
 * a row outside the window loads the ROWS_WINDOW rows around it.
 */
#ifndef DUBAO_ROWS_H
#define DUBAO_ROWS_H

#include <stddef.h>
#include <sys/types.h>

#define ROWS_WINDOW 512

/* Load limit rows from offset on into *rows (a heap array); returns how
   many, or -1 on a database error. */
typedef ssize_t (*rows_fetch_fn)(void *ctx, size_t offset, size_t limit,
                                 void **rows);
/* Free an array of n rows from the fetch function. */
typedef void (*rows_free_fn)(void *rows, ssize_t n);

typedef struct row_window {
    rows_fetch_fn fetch;
    rows_free_fn free_rows;
    size_t elem;    /* the size of one row */
    void *rows;     /* rows [offset, offset + n) */
    ssize_t n;
    size_t offset;
} row_window;

/* Row i, loading the window around it when needed; NULL past the end or
   on a database error.  The pointer is valid until the next call. */
void *row_window_at(row_window *w, void *ctx, size_t i);
/* Drop the loaded rows (after the list changed). */
void row_window_forget(row_window *w);
/* Hold rows[0..n) (taken over) as the window at offset 0: for a list
   loaded whole. */
void row_window_set(row_window *w, void *rows, ssize_t n);

#endif
