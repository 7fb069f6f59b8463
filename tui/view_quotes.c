/* view_quotes.c - the quotes pane: extracted quotes (speaker, words), for
 * one speaker or all, filtered by role; Enter jumps to the quote in its
 * article. */
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "export.h"
#include "view.h"

typedef struct {
    int64_t speaker_id;  /* 0: every speaker */
    char *speaker;       /* name of that speaker, for the status line */
    role_class roles;
    quote_row *rows;
    ssize_t n;
    strlist labels;      /* "name：words" as drawn */
} quotes_data;

static quotes_data *quotes_data_of(view *v)
{
    if (!v->data)
        v->data = xcalloc(1, sizeof(quotes_data));
    return v->data;
}

static void quotes_open(view *v)
{
    quotes_data *d = quotes_data_of(v);
    quote_rows_free(d->rows, d->n);
    strlist_free(&d->labels);
    quote_filter f = {NULL, NULL, NULL, 0, d->speaker_id, d->roles};
    d->n = db_quotes(app_db(v->app), &f, &d->rows);
    if (d->n < 0) {
        d->n = 0;
        app_message(v->app, "database error: %s", db_errmsg(app_db(v->app)));
    }
    for (ssize_t i = 0; i < d->n; i++) {
        strbuf sb = {0};
        sb_printf(&sb, "%s\xEF\xBC\x9A%s",
                  d->rows[i].speaker ? d->rows[i].speaker : "\xE2\x80\x94",
                  d->rows[i].text);
        strlist_push_owned(&d->labels, sb_take(&sb));
    }
}

void quotes_view_show_speaker(view *v, int64_t speaker_id, const char *name)
{
    quotes_data *d = quotes_data_of(v);
    if (d->speaker_id == speaker_id && d->rows)
        return;
    d->speaker_id = speaker_id;
    free(d->speaker);
    d->speaker = name ? xstrdup(name) : NULL;
    quotes_open(v);
    v->cursor = v->top = 0;
    if (d->n > 0 && v->ops->select)
        v->ops->select(v, 0);
}

static size_t quotes_line_count(view *v)
{
    quotes_data *d = v->data;
    return d ? (size_t)d->n : 0;
}

static const char *quotes_line_text(view *v, size_t n, size_t *start,
                                    size_t *len)
{
    quotes_data *d = v->data;
    *start = 0;
    *len = strlen(d->labels.v[n]);
    return d->labels.v[n];
}

static void quotes_draw_line(view *v, int y, size_t n, bool selected)
{
    quotes_data *d = v->data;
    const char *label = d->labels.v[n];
    const char *colon = strstr(label, "\xEF\xBC\x9A");
    size_t name_len = colon ? (size_t)(colon - label) + 3 : 0;
    if (!selected)
        wattrset(v->win, style_attr(d->rows[n].marked ? STYLE_MARK
                                                      : STYLE_SPEAKER));
    int used = draw_text(v->win, y, 0, label, name_len, v->width);
    if (!selected)
        wattrset(v->win, A_NORMAL);
    draw_text(v->win, y, used, label + name_len, strlen(label + name_len),
              v->width - used);
}

/* Show the selected quote in its article in the reader. */
static void quotes_select(view *v, size_t n)
{
    quotes_data *d = v->data;
    if (!d || n >= (size_t)d->n)
        return;
    quote_row *q = &d->rows[n];
    reader_view_show_article(app_view(v->app, &reader_view_ops), q->article_id,
                             q->article, q->start, q->end);
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
    if (v->cursor >= (size_t)d->n)
        return true;
    quote_row *q = &d->rows[v->cursor];
    int rc = db_mark_toggle(app_db(v->app), q);
    if (rc < 0) {
        app_message(v->app, "cannot mark: %s", db_errmsg(app_db(v->app)));
        return true;
    }
    q->marked = rc == 1;
    size_t marked = 0;
    for (ssize_t i = 0; i < d->n; i++)
        marked += d->rows[i].marked;
    app_message(v->app, "%s Â· %zu marked here", rc ? "marked"
                                                           : "unmarked",
                marked);
    view_move(v, 1);
    return true;
}

/* e: export the marked quotes of the list, or the whole list when none is
   marked, to a file whose extension picks the format. */
static bool quotes_export(view *v)
{
    quotes_data *d = quotes_data_of(v);
    strbuf path = {0};
    sb_puts(&path, "dubao-quotes.md");
    if (!app_read_line(v->app, "export to (.md .csv .json): ", &path) ||
        path.len == 0) {
        sb_free(&path);
        return true;
    }
    quote_row *out = xcalloc((size_t)d->n + 1, sizeof *out);
    size_t n = 0;
    for (ssize_t i = 0; i < d->n; i++)
        if (d->rows[i].marked)
            out[n++] = d->rows[i];
    bool only_marked = n > 0;
    if (!only_marked)
        for (ssize_t i = 0; i < d->n; i++)
            out[n++] = d->rows[i];
    strbuf err = {0};
    if (export_to_path(path.s, out, n, &err) == 0)
        app_message(v->app, "exported %zu %squotes to %s", n,
                    only_marked ? "marked " : "", path.s);
    else
        app_message(v->app, "export failed: %s", err.s ? err.s : "");
    free(out);
    sb_free(&err);
    sb_free(&path);
    return true;
}

/* y: copy the quote under the cursor to the clipboard (OSC 52). */
static bool quotes_copy(view *v)
{
    quotes_data *d = quotes_data_of(v);
    if (v->cursor >= (size_t)d->n)
        return true;
    const char *text = d->rows[v->cursor].text;
    if (app_copy_to_clipboard(v->app, text))
        app_message(v->app, "copied %zu bytes to the clipboard%s",
                    strlen(text) > OSC52_MAX_TEXT ? (size_t)OSC52_MAX_TEXT
                                                  : strlen(text),
                    strlen(text) > OSC52_MAX_TEXT ? " (cut at 100 KB)" : "");
    else
        app_message(v->app, "no terminal to copy to");
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
    quotes_open(v);
    v->cursor = v->top = 0;
    app_message(v->app, "role filter: %s \xC2\xB7 %zd quotes",
                role_class_label(d->roles), d->n);
    return true;
}

static void quotes_status(view *v, strbuf *sb)
{
    quotes_data *d = v->data;
    if (!d)
        return;
    sb_printf(sb, "%zd quotes", d->n);
    if (d->speaker)
        sb_printf(sb, " of %s", d->speaker);
    if (d->roles != ROLE_ANY)
        sb_printf(sb, " \xC2\xB7 %s", role_class_label(d->roles));
    if (v->cursor < (size_t)d->n) {
        quote_row *q = &d->rows[v->cursor];
        sb_printf(sb, " \xC2\xB7 %s \xC2\xB7 %s \xC2\xB7 %s", q->kind,
                  q->file, q->article);
    }
}

static void quotes_save(view *v, view_state *st)
{
    quotes_data *d = quotes_data_of(v);
    view_save_position(v, st);
    st->id = d->speaker_id;
    st->arg = d->roles;
    st->text = d->speaker ? xstrdup(d->speaker) : NULL;
}

static void quotes_restore(view *v, const view_state *st)
{
    quotes_data *d = quotes_data_of(v);
    if (st->id != d->speaker_id || st->arg != (int64_t)d->roles || !d->rows) {
        d->speaker_id = st->id;
        d->roles = (role_class)st->arg;
        free(d->speaker);
        d->speaker = st->text ? xstrdup(st->text) : NULL;
        quotes_open(v);
    }
    view_restore_position(v, st);
}

static void quotes_free(view *v)
{
    quotes_data *d = v->data;
    if (!d)
        return;
    quote_rows_free(d->rows, d->n);
    strlist_free(&d->labels);
    free(d->speaker);
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
    .status = quotes_status,
    .save = quotes_save,
    .restore = quotes_restore,
    .free = quotes_free,
};
