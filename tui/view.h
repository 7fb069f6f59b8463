/* view.h - a pane of the browser.
 *
 * Like tig, every pane is a view that implements one small set of
 * operations; navigation, drawing, search, history, layout and the status
 * line are generic (view.c, app.c) and never branch on the kind of pane.
 */
#ifndef DUBAO_VIEW_H
#define DUBAO_VIEW_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "db.h"
#include "options.h"
#include "strbuf.h"

/* " · ", between the parts of a title or status line. */
#define SEP " \xC2\xB7 "

typedef struct view view;
typedef struct app app;

/* What a view needs to come back to exactly where it was (history). */
typedef struct {
    size_t cursor;
    size_t top;
    int64_t id;      /* the issue, article or speaker shown, if any */
    int64_t arg;     /* a view-specific number (e.g. a role filter) */
    int64_t arg2;    /* a second one */
    char *text;      /* a view-specific string (e.g. a filter), or NULL */
    char *extra;     /* a second one, or NULL */
} view_state;

typedef struct {
    const char *name;   /* shown in the pane title */
    /* (Re)load the pane's rows from the database. */
    void (*open)(view *v);
    /* Number of lines the pane has at its current width. */
    size_t (*line_count)(view *v);
    /* Draw line n at row y of the pane's window, width v->width. */
    void (*draw_line)(view *v, int y, size_t n, bool selected);
    /* The text drawn on line n from column 0: *start and *len give the
       line's bytes within the returned string, which may be longer (a
       wrapped paragraph) so that matches across line breaks are found. */
    const char *(*line_text)(view *v, size_t n, size_t *start, size_t *len);
    /* Does line n match what the user typed after /?  (optional: else
       its line_text is searched for the typed text) */
    bool (*line_matches)(view *v, size_t n, const char *needle);
    /* Find the first line from line from (included) on, going down (dir
       1) or up (dir -1) and round past the end, whose text contains
       needle; true with the line in *found.  For panes that page through
       a long list in the database, where reading every line would take
       long: it shows progress and stops when app_progress says so
       (false).  (optional: else lines are read one by one) */
    bool (*find)(view *v, const char *needle, size_t from, int dir,
                 size_t *found);
    /* The pane was resized: recompute anything that depends on width.
       (optional) */
    void (*resize)(view *v);
    /* Enter on line n; returns true if handled. (optional) */
    bool (*enter)(view *v, size_t n);
    /* The cursor moved to line n (other panes follow).  n past the end
       (an empty list) selects nothing: the panes that follow are
       cleared, never left showing what an earlier row chose. (optional) */
    void (*select)(view *v, size_t n);
    /* A pane-specific action (role filter, sections, marks …); returns
       true if handled. (optional) */
    bool (*action)(view *v, action_id act);
    /* Narrow the rows to those matching a typed query (delegate picker).
       (optional) */
    void (*filter)(view *v, const char *query);
    /* Append what the rows are narrowed to, for the pane title after the
       name and position: " · 雷军 · 人大代表".  (optional) */
    void (*title)(view *v, strbuf *sb);
    /* Drop the pane's filters (Esc); returns false when it had none.
       (optional) */
    bool (*clear_filter)(view *v);
    /* Describe where the user is, for the status line. */
    void (*status)(view *v, strbuf *sb);
    void (*save)(view *v, view_state *st);
    void (*restore)(view *v, const view_state *st);
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
void view_draw(view *v, bool focused, const char *search);
void view_clamp(view *v);
/* Find the next (dir 1) or previous (dir -1) line after the cursor that
   contains needle; moves there and returns true if found. */
bool view_search(view *v, const char *needle, int dir, bool include_cursor);
/* Load the pane's rows again, go to the top and select the first line
   (other panes follow it). */
void view_reopen(view *v);
/* Select line 0, or nothing in an empty pane (other panes follow). */
void view_select_first(view *v);
/* Select the line under the cursor again, so that the panes that follow
   show what it chooses (or are cleared when the pane is empty). */
void view_follow(view *v);
/* "1 quote", "2 quotes": n and the word for its number (heap-free: the
   words are the caller's). */
void sb_count(strbuf *sb, int64_t n, const char *one, const char *many);
/* n, a number of rows from the database, or 0 after putting the database
   error on the status line when n < 0. */
int64_t view_checked_count(view *v, int64_t n);
/* Row i of a pane that pages through the database (rows.h; the fetch
   function gets the view as its context): NULL past count, or on a
   database error, which goes to the status line. */
struct row_window;
void *view_row(view *v, struct row_window *w, size_t i, int64_t count);
/* save/restore for panes that show the rows matching a query (*query: a
   heap string or NULL): the query goes with the position, and a different
   one loads the rows again. */
void view_save_with_query(view *v, const char *query, view_state *st);
void view_restore_with_query(view *v, char **query, const view_state *st);
/* Do two strings, either of which may be NULL, differ? */
bool strings_differ(const char *a, const char *b);
/* Generic save/restore of cursor and top, for views with nothing else. */
void view_save_position(view *v, view_state *st);
void view_restore_position(view *v, const view_state *st);

/* The panes. */
extern const view_ops issues_view_ops;
extern const view_ops articles_view_ops;
extern const view_ops reader_view_ops;
extern const view_ops speakers_view_ops;
extern const view_ops quotes_view_ops;
extern const view_ops help_view_ops;
extern const view_ops results_view_ops;

/* Cross-pane requests, implemented by app.c. */
db *app_db(app *a);
const options *app_options(app *a);
view *app_view(app *a, const view_ops *ops);
void app_focus(app *a, const view_ops *ops);
/* Remember where the user is, so that "back" returns here. */
void app_push_history(app *a);
/* Read a line of text at the status line; false when cancelled. */
bool app_read_line(app *a, const char *label, strbuf *text);
/* Ask a yes/no question at the status line: true for y, false for any
   other key. */
bool app_confirm(app *a, const char *question);
/* Put text on the terminal's clipboard (OSC 52); false when there is no
   terminal to send it to. */
bool app_copy_to_clipboard(app *a, const char *text);
void app_message(app *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* During long work: say how far it is (done of total, and what it is
   doing: "searching") on the status line, a few times a second, and look
   for a key.  Returns false when the work should stop: the user pressed
   Esc (taken) or another key (left for the next read: a character typed
   at a prompt goes on with the new text).  In script mode only an <Esc>
   that is the script's next step stops the work (script_take_esc), so
   that a script gives the same screen every time. */
bool app_progress(app *a, const char *what, int64_t done, int64_t total);

/* Append where something was printed, "新华每日电讯 2026-05-01 第03版 要闻",
   leaving out what is not known (nothing when nothing is). */
void view_append_place(strbuf *sb, const char *paper, const char *date,
                       const char *page, const char *page_name);

/* Pane-specific entry points used by selections in other panes. */
void articles_view_show_issue(view *v, int64_t issue_id, const char *file);
/* Show an article; when end > start, scroll to and highlight the
   characters [start, end) of its body (a quote). */
void reader_view_show_article(view *v, int64_t article_id,
                              const char *headline, int64_t start,
                              int64_t end);
/* Show the quotes of a speaker (0: of every speaker), holding the words
   about (NULL: any), those from the quote id about_from on when it is not
   0 (the newest, which a capped count looked at). */
void quotes_view_show_speaker(view *v, int64_t speaker_id, const char *name,
                              const char *about, int64_t about_from);
/* Show the quotes the user marked. */
void quotes_view_show_marks(view *v);
/* Show the speakers quoted on the words about, with the number of those
   quotes. */
void speakers_view_show_about(view *v, const char *about);
/* The query of the last full-text search, or NULL. */
const char *results_view_query(view *v);
/* Show no quotes (nothing is selected in the pane that chooses them). */
void quotes_view_clear(view *v);
/* Show no article. */
void reader_view_clear(view *v);

#endif
