/* view.h - a pane of the browser.
 *
 * Like tig, every pane is a view that implements one small set of
 * operations; navigation, drawing, layout and the status line are generic
 * and never branch on the kind of pane.
 */
#ifndef DUBAO_VIEW_H
#define DUBAO_VIEW_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "db.h"
#include "strbuf.h"

typedef struct view view;
typedef struct app app;

typedef struct {
    const char *name;   /* shown in the pane title */
    /* Reload the pane's rows from the database (after a selection
       elsewhere changed what it shows). */
    void (*open)(view *v);
    /* Number of lines the pane has at its current width. */
    size_t (*line_count)(view *v);
    /* Draw line n at row y of the pane's window, width v->width. */
    void (*draw_line)(view *v, int y, size_t n, bool selected);
    /* The pane was resized: recompute anything that depends on width. */
    void (*resize)(view *v);
    /* Enter on line n; returns true if handled. */
    bool (*enter)(view *v, size_t n);
    /* The cursor moved to line n (panes to the right may follow). */
    void (*select)(view *v, size_t n);
    /* A line of the status bar describing where the user is. */
    void (*status)(view *v, strbuf *sb);
    void (*free)(view *v);
    /* true: the pane scrolls text (no cursor line), like a pager. */
    bool pager;
} view_ops;

struct view {
    const view_ops *ops;
    app *app;
    WINDOW *win;      /* NULL while the pane is not on screen */
    int y, x;         /* position of the window (title row included) */
    int height;       /* rows for content (window height minus title) */
    int width;        /* columns for content */
    size_t top;       /* first visible line */
    size_t cursor;    /* selected line (== top for pagers) */
    void *data;       /* pane-specific state */
};

/* Generic operations on any view. */
void view_move(view *v, long delta);
void view_goto(view *v, size_t line);
void view_draw(view *v, bool focused);
void view_clamp(view *v);

/* The panes. */
extern const view_ops issues_view_ops;
extern const view_ops articles_view_ops;
extern const view_ops reader_view_ops;

/* Cross-pane requests, implemented by app.c. */
db *app_db(app *a);
view *app_view(app *a, const view_ops *ops);
void app_focus(app *a, const view_ops *ops);
void app_message(app *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Pane-specific setters used by selections. */
void articles_view_show_issue(view *v, int64_t issue_id, const char *file);
void reader_view_show_article(view *v, int64_t article_id,
                              const char *headline);

#endif
