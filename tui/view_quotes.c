/* view_quotes.c - the quotes pane: extracted quotes (speaker, words), for
 * one speaker or all, or the ones the user marked, filtered by role and by
 * the words they hold; Enter jumps to the quote in its article. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "draw.h"
#include "export.h"
#include "paths.h"
#include "rows.h"
#include "view.h"

typedef struct {
    int64_t speaker_id;  /* 0: every speaker; -1: none (an empty list) */
    char *speaker;       /* name of that speaker, for the status line */
    char *about;         /* words the quotes hold (w), or NULL */
    int64_t about_from;  /* only quotes from this id on (0: all) */
    bool marked_only;    /* the marked quotes (M) */
    role_class roles;
    bool loaded;         /* open() ran for this speaker and filter */
    int64_t count;       /* quotes in the list */
    row_window rows;     /* the quotes around the cursor (rows.h) */
    strbuf label;        /* "name：words" of the row last asked for */
} quotes_data;

/* The filter of the list the pane shows. */
static quote_filter quotes_filter(const quotes_data *d)
{
    return (quote_filter){.speaker_id = d->speaker_id, .roles = d->roles,
                          .about = d->about, .about_from = d->about_from,
                          .marked = d->marked_only};
}

/* rows_fetch_fn for the quotes (ctx: the view). */
static ssize_t fetch_quotes(void *ctx, size_t offset, size_t limit,
                            void **rows)
{
    view *v = ctx;
    quote_filter f = quotes_filter(v->data);
    return db_quotes_page(app_db(v->app), &f, offset, limit,
                          (quote_row **)rows);
}

/* rows_free_fn for the quotes. */
static void free_quotes(void *rows, ssize_t n)
{
    quote_rows_free(rows, n);
}

static quotes_data *quotes_data_of(view *v)
{
    if (!v->data) {
        quotes_data *d = xcalloc(1, sizeof *d);
        d->rows = (row_window){fetch_quotes, free_quotes, sizeof(quote_row),
                               NULL, 0, 0};
        v->data = d;
    }
    return v->data;
}

/* Quote i of the list; NULL on a database error (reported).  Valid until
   the next call. */
static quote_row *quote_at(view *v, size_t i)
{
    quotes_data *d = v->data;
    return view_row(v, &d->rows, i, d->count);
}

/* "name：words" of quote q (NULL: empty), as drawn; valid until the next
   call. */
static const char *quote_label(quotes_data *d, const quote_row *q)
{
    sb_clear(&d->label);
    if (q)
        sb_printf(&d->label, "%s\xEF\xBC\x9A%s",
                  q->speaker ? q->speaker : "\xE2\x80\x94", q->text);
    else
        sb_puts(&d->label, "");
    return d->label.s;
}

static void quotes_open(view *v)
{
    quotes_data *d = quotes_data_of(v);
    row_window_forget(&d->rows);
    quote_filter f = quotes_filter(d);
    d->count = view_checked_count(v, db_quote_count(app_db(v->app), &f,
                                                    false));
    d->loaded = true;
}

/* Show the quotes of speaker_id (0: every speaker), holding about (NULL:
   any; from the quote id about_from on), or the marked ones; a list
   already shown is kept where it is and only the reader follows its
   cursor again. */
static void quotes_show(view *v, int64_t speaker_id, const char *name,
                        const char *about, int64_t about_from,
                        bool marked_only)
{
    quotes_data *d = quotes_data_of(v);
    if (d->loaded && d->speaker_id == speaker_id &&
        !strings_differ(d->about, about) && d->about_from == about_from &&
        d->marked_only == marked_only) {
        view_follow(v); /* the reader may show something else by now */
        return;
    }
    d->speaker_id = speaker_id;
    d->about_from = about_from;
    d->marked_only = marked_only;
    free(d->speaker);
    d->speaker = name ? xstrdup(name) : NULL;
    free(d->about);
    d->about = about ? xstrdup(about) : NULL;
    view_reopen(v);
}

void quotes_view_show_speaker(view *v, int64_t speaker_id, const char *name,
                              const char *about, int64_t about_from)
{
    quotes_show(v, speaker_id, name, about, about_from, false);
}

void quotes_view_show_marks(view *v)
{
    quotes_show(v, 0, NULL, NULL, 0, true);
}

void quotes_view_clear(view *v)
{
    quotes_show(v, -1, NULL, NULL, 0, false);
}

/* How the interface names a role class (the help and README use the same
   words). */
static const char *role_filter_label(role_class c)
{
    return c == ROLE_ANY ? "all roles" : role_class_label(c);
}

static size_t quotes_line_count(view *v)
{
    quotes_data *d = v->data;
    return d ? (size_t)d->count : 0;
}

static const char *quotes_line_text(view *v, size_t n, size_t *start,
                                    size_t *len)
{
    const char *label = quote_label(v->data, quote_at(v, n));
    *start = 0;
    *len = strlen(label);
    return label;
}

/* A marked quote starts with this glyph (and is coloured): with NO_COLOR
   or on a monochrome terminal the glyph alone tells it apart. */
#define MARK_GLYPH "*"

static void quotes_draw_line(view *v, int y, size_t n, bool selected)
{
    quote_row *q = quote_at(v, n);
    const char *label = quote_label(v->data, q);
    const char *colon = strstr(label, "\xEF\xBC\x9A");
    size_t name_len = colon ? (size_t)(colon - label) + 3 : 0;
    bool marked = q && q->marked;
    if (!selected)
        wattrset(v->win, style_attr(marked ? STYLE_MARK : STYLE_SPEAKER));
    int used = draw_text(v->win, y, 0, marked ? MARK_GLYPH : " ", 1,
                         v->width);
    used += draw_text(v->win, y, used, label, name_len, v->width - used);
    if (!selected)
        wattrset(v->win, A_NORMAL);
    draw_text(v->win, y, used, label + name_len, strlen(label + name_len),
              v->width - used);
}

/* Show the selected quote in its article in the reader. */
static void quotes_select(view *v, size_t n)
{
    quotes_data *d = v->data;
    quote_row *q = d ? quote_at(v, n) : NULL;
    view *reader = app_view(v->app, &reader_view_ops);
    if (q)
        reader_view_show_article(reader, q->article_id, q->article, q->start,
                                 q->end);
    else
        reader_view_clear(reader);
}

static bool quotes_enter(view *v, size_t n)
{
    app_push_history(v->app);
    quotes_select(v, n);
    app_focus(v->app, &reader_view_ops);
    return true;
}

/* m: mark or unmark the quote under the cursor. */
static bool quotes_mark(view *v)
{
    quotes_data *d = quotes_data_of(v);
    quote_row *q = quote_at(v, v->cursor);
    if (!q)
        return true;
    int rc = db_mark_toggle(app_db(v->app), q);
    if (rc < 0) {
        app_message(v->app, "cannot mark: %s", db_errmsg(app_db(v->app)));
        return true;
    }
    q->marked = rc == 1;
    quote_filter f = quotes_filter(d);
    int64_t marked = db_quote_count(app_db(v->app), &f, true);
    app_message(v->app, "%s" SEP "%lld marked here",
                rc ? "marked" : "unmarked", (long long)marked);
    if (d->marked_only) {
        /* The list of marks loses the quote at once; the cursor stays on
           the row that takes its place. */
        size_t at = v->cursor, top = v->top;
        quotes_open(v);
        v->cursor = at;
        v->top = top;
        view_clamp(v);
        view_follow(v);
    } else {
        view_move(v, 1);
    }
    return true;
}

/* The file the export prompt offers: dubao-quotes.md in the documents
   directory (never the current one, which may be a source tree), written
   with ~ for the home directory (heap). */
static char *default_export_path(void)
{
    char *dir = dubao_documents_dir();
    strbuf sb = {0};
    sb_printf(&sb, "%s/dubao-quotes.md", dir);
    char *shown = path_abbreviate_home(sb.s);
    sb_free(&sb);
    free(dir);
    return shown;
}

/* Ask for the file to export to (~ and $HOME expand), and whether to
   replace it when it exists.  Returns the path (heap) and *replace, or
   NULL when the user cancelled. */
static char *ask_export_path(view *v, bool *replace)
{
    strbuf typed = {0};
    char *offer = default_export_path();
    sb_puts(&typed, offer);
    free(offer);
    char *path = NULL;
    if (app_read_line(v->app, "export to (.md .csv .json): ", &typed) &&
        typed.len > 0)
        path = path_expand_home(typed.s);
    sb_free(&typed);
    *replace = false;
    if (path && access(path, F_OK) == 0) {
        strbuf q = {0};
        char *shown = path_abbreviate_home(path);
        sb_printf(&q, "%s exists. Replace it? (y/n) ", shown);
        free(shown);
        *replace = app_confirm(v->app, q.s);
        sb_free(&q);
        if (!*replace) {
            app_message(v->app, "not exported: the file exists");
            free(path);
            path = NULL;
        }
    }
    return path;
}

/* e: export the marked quotes of the list, or the whole list when none is
   marked, to a file whose extension picks the format (the list is read
   from the database here: the pane holds only a window of it). */
static bool quotes_export(view *v)
{
    quotes_data *d = quotes_data_of(v);
    bool replace;
    char *path = ask_export_path(v, &replace);
    if (!path)
        return true;
    quote_filter f = quotes_filter(d);
    quote_row *all;
    ssize_t nall = db_quotes(app_db(v->app), &f, &all);
    if (nall < 0) {
        app_message(v->app, "export failed: %s", db_errmsg(app_db(v->app)));
        free(path);
        return true;
    }
    quote_row *out = xcalloc((size_t)nall + 1, sizeof *out);
    size_t n = 0;
    for (ssize_t i = 0; i < nall; i++)
        if (all[i].marked)
            out[n++] = all[i];
    bool only_marked = n > 0;
    if (!only_marked)
        for (ssize_t i = 0; i < nall; i++)
            out[n++] = all[i];
    strbuf err = {0}, what = {0};
    sb_count(&what, (int64_t)n, only_marked ? "marked quote" : "quote",
             only_marked ? "marked quotes" : "quotes");
    char *shown = path_abbreviate_home(path);
    if (export_to_path(path, out, n, replace, &err) == 0)
        app_message(v->app, "exported %s to %s", what.s, shown);
    else
        app_message(v->app, "export failed: %s", err.s ? err.s : "");
    free(shown);
    free(out);
    quote_rows_free(all, nall);
    sb_free(&err);
    sb_free(&what);
    free(path);
    return true;
}

/* y: copy the quote under the cursor with its source (a citation) to the
   clipboard (OSC 52). */
static bool quotes_copy(view *v)
{
    quotes_data_of(v);
    quote_row *q = quote_at(v, v->cursor);
    if (!q)
        return true;
    char *text = export_citation(q);
    size_t len = strlen(text);
    if (app_copy_to_clipboard(v->app, text))
        app_message(v->app, "copied the quote and its source (%zu bytes)%s",
                    len > OSC52_MAX_TEXT ? (size_t)OSC52_MAX_TEXT : len,
                    len > OSC52_MAX_TEXT ? ", cut at 100 KB" : "");
    else
        app_message(v->app, "no terminal to copy to");
    free(text);
    return true;
}

static bool quotes_action(view *v, action_id act)
{
    if (act == ACTION_MARK)
        return quotes_mark(v);
    if (act == ACTION_EXPORT)
        return quotes_export(v);
    if (act == ACTION_COPY)
        return quotes_copy(v);
    if (act != ACTION_ROLE_FILTER)
        return false;
    quotes_data *d = quotes_data_of(v);
    d->roles = (role_class)((d->roles + 1) % ROLE_CLASS_COUNT);
    view_reopen(v);
    strbuf msg = {0};
    sb_count(&msg, d->count, "quote", "quotes");
    app_message(v->app, "role filter: %s" SEP "%s",
                role_filter_label(d->roles), msg.s);
    sb_free(&msg);
    return true;
}

static void quotes_title(view *v, strbuf *sb)
{
    quotes_data *d = v->data;
    if (d && d->marked_only)
        sb_puts(sb, SEP "marked");
    if (d && d->speaker)
        sb_printf(sb, SEP "%s", d->speaker);
    if (d && d->about)
        sb_printf(sb, SEP "on \xE2\x80\x9C%s\xE2\x80\x9D%s", d->about,
                  d->about_from ? " (newest)" : "");
    if (d && d->roles != ROLE_ANY)
        sb_printf(sb, SEP "%s", role_filter_label(d->roles));
}

/* Esc: every role again, and every quote instead of the marked ones (the
   words and the speaker are the speakers pane's to clear). */
static bool quotes_clear_filter(view *v)
{
    quotes_data *d = quotes_data_of(v);
    if (d->roles == ROLE_ANY && !d->marked_only)
        return false;
    d->roles = ROLE_ANY;
    d->marked_only = false;
    view_reopen(v);
    return true;
}

/* The source of a quote, as a citation gives it: paper (or file), date,
   edition, headline. */
static void quote_source(const quote_row *q, strbuf *sb)
{
    sb_puts(sb, q->paper ? q->paper : q->file);
    if (q->date)
        sb_printf(sb, " %s", q->date);
    if (q->edition)
        sb_printf(sb, " %s", q->edition);
    sb_printf(sb, SEP "%s", q->article);
}

static void quotes_status(view *v, strbuf *sb)
{
    quotes_data *d = v->data;
    if (!d)
        return;
    sb_count(sb, d->count, d->marked_only ? "marked quote" : "quote",
             d->marked_only ? "marked quotes" : "quotes");
    if (d->speaker)
        sb_printf(sb, " of %s", d->speaker);
    if (d->about)
        sb_printf(sb, " on \xE2\x80\x9C%s\xE2\x80\x9D%s", d->about,
                  d->about_from ? " in the newest quotes" : "");
    if (d->roles != ROLE_ANY)
        sb_printf(sb, SEP "%s", role_filter_label(d->roles));
    quote_row *q = quote_at(v, v->cursor);
    if (q) {
        sb_printf(sb, SEP "%s" SEP, q->kind);
        quote_source(q, sb);
    }
}

/* What the pane shows in a view_state: the speaker (id, name in text),
   the words (extra), and in arg the role class and, above it, whether
   only marked quotes are shown. */
enum { MARKED_BIT = 256 };

static void quotes_save(view *v, view_state *st)
{
    quotes_data *d = quotes_data_of(v);
    view_save_position(v, st);
    st->id = d->speaker_id;
    st->arg = d->roles | (d->marked_only ? MARKED_BIT : 0);
    st->text = d->speaker ? xstrdup(d->speaker) : NULL;
    st->extra = d->about ? xstrdup(d->about) : NULL;
    st->arg2 = d->about_from;
}

static void quotes_restore(view *v, const view_state *st)
{
    quotes_data *d = quotes_data_of(v);
    int64_t arg = d->roles | (d->marked_only ? MARKED_BIT : 0);
    if (st->id != d->speaker_id || st->arg != arg ||
        strings_differ(st->extra, d->about) || st->arg2 != d->about_from ||
        !d->loaded) {
        d->speaker_id = st->id;
        d->about_from = st->arg2;
        d->roles = (role_class)(st->arg & (MARKED_BIT - 1));
        d->marked_only = (st->arg & MARKED_BIT) != 0;
        free(d->speaker);
        d->speaker = st->text ? xstrdup(st->text) : NULL;
        free(d->about);
        d->about = st->extra ? xstrdup(st->extra) : NULL;
        quotes_open(v);
    }
    view_restore_position(v, st);
}

static void quotes_free(view *v)
{
    quotes_data *d = v->data;
    if (!d)
        return;
    row_window_forget(&d->rows);
    sb_free(&d->label);
    free(d->speaker);
    free(d->about);
    free(d);
    v->data = NULL;
}

const view_ops quotes_view_ops = {
    .name = "Quotes",
    .open = quotes_open,
    .line_count = quotes_line_count,
    .draw_line = quotes_draw_line,
    .line_text = quotes_line_text,
    .enter = quotes_enter,
    .select = quotes_select,
    .action = quotes_action,
    .title = quotes_title,
    .clear_filter = quotes_clear_filter,
    .status = quotes_status,
    .save = quotes_save,
    .restore = quotes_restore,
    .free = quotes_free,
};
