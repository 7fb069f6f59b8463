/* rows.c - a window of rows paged in from the database (see rows.h). */
#include "rows.h"

void row_window_forget(row_window *w)
{
    if (w->rows)
        w->free_rows(w->rows, w->n);
    w->rows = NULL;
    w->n = 0;
    w->offset = 0;
}

void row_window_set(row_window *w, void *rows, ssize_t n)
{
    row_window_forget(w);
    w->rows = rows;
    w->n = n;
}

void *row_window_at(row_window *w, void *ctx, size_t i)
{
    if (!w->rows || i < w->offset || i - w->offset >= (size_t)w->n) {
        row_window_forget(w);
        /* Centre the window on i, so that scrolling either way stays in
           it for half a window. */
        w->offset = i >= ROWS_WINDOW / 2 ? i - ROWS_WINDOW / 2 : 0;
        w->n = w->fetch(ctx, w->offset, ROWS_WINDOW, &w->rows);
        if (w->n < 0) {
            w->n = 0;
            w->rows = NULL;
            return NULL;
        }
    }
    if (i < w->offset || i - w->offset >= (size_t)w->n)
        return NULL;
    return (char *)w->rows + (i - w->offset) * w->elem;
}
