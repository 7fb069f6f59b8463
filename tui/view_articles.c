/* view_articles.c - the articles pane: headlines of the selected issue,
 * with the number of speakers. */
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "view.h"

typedef struct {
    int64_t issue_id;
    char *file;
    article_row *rows;
    ssize_t n;
} articles_data;

static articles_data *articles_data_of(view *v)
{
    if (!v->data)
        v->data = xcalloc(1, sizeof(articles_data));
    return v->data;
}

static void articles_open(view *v)
{
    articles_data *d = articles_data_of(v);
    article_rows_free(d->rows, d->n);
    d->rows = NULL;
    d->n = 0;
    if (d->issue_id == 0)
        return;
    d->n = view_checked_count(
        v, db_articles(app_db(v->app), d->issue_id, NULL, NULL, &d->rows));
}

void articles_view_show_issue(view *v, int64_t issue_id, const char *file)
{
    articles_data *d = articles_data_of(v);
    if (d->issue_id == issue_id) {
        view_follow(v); /* the reader may show something else by now */
        return;
    }
    d->issue_id = issue_id;
    free(d->file);
    d->file = file ? xstrdup(file) : NULL;
    view_reopen(v);
}

static size_t articles_line_count(view *v)
{
    articles_data *d = v->data;
    return d ? (size_t)d->n : 0;
}

static const char *articles_line_text(view *v, size_t n, size_t *start,
                                      size_t *len)
{
    articles_data *d = v->data;
    *start = 0;
    *len = strlen(d->rows[n].headline);
    return d->rows[n].headline;
}

static void articles_draw_line(view *v, int y, size_t n, bool selected)
{
    articles_data *d = v->data;
    article_row *r = &d->rows[n];
    strbuf tail = {0};
    if (r->speakers.n)
        sb_printf(&tail, " %zu\xE2\x80\xA2", r->speakers.n);
    int tw = (int)r->speakers.n >= 10 ? 4 : 3;
    int room = tail.len && v->width > tw + 1 ? v->width - tw : v->width;
    int used = draw_text(v->win, y, 0, r->headline, strlen(r->headline),
                         room);
    if (r->byline && used + 4 < room) {
        /* The byline, dimmed, where the headline leaves room. */
        if (!selected)
            wattrset(v->win, style_attr(STYLE_BYLINE));
        draw_text(v->win, y, used, "  ", 2, room - used);
        draw_text(v->win, y, used + 2, r->byline, strlen(r->byline),
                  room - used - 2);
        if (!selected)
            wattrset(v->win, A_NORMAL);
    }
    if (room < v->width) {
        if (!selected)
            wattrset(v->win, style_attr(STYLE_SPEAKER));
        draw_text(v->win, y, room, tail.s, tail.len, v->width - room);
    }
    sb_free(&tail);
}

/* Show the selected article in the reader. */
static void articles_select(view *v, size_t n)
{
    articles_data *d = v->data;
    view *reader = app_view(v->app, &reader_view_ops);
    if (d && n < (size_t)d->n)
        reader_view_show_article(reader, d->rows[n].id, d->rows[n].headline,
                                 0, 0);
    else
        reader_view_clear(reader);
}

static bool articles_enter(view *v, size_t n)
{
    app_push_history(v->app);
    articles_select(v, n);
    app_focus(v->app, &reader_view_ops);
    return true;
}

static void articles_status(view *v, strbuf *sb)
{
    articles_data *d = v->data;
    if (!d || !d->file)
        return;
    if (v->cursor < (size_t)d->n) {
        article_row *r = &d->rows[v->cursor];
        size_t before = sb->len;
        view_append_place(sb, r->paper, r->date, r->page, r->page_name);
        if (sb->len > before)
            sb_puts(sb, SEP);
        sb_printf(sb, "%s" SEP "%s", r->file, r->headline);
        if (r->byline)
            sb_printf(sb, SEP "%s", r->byline);
        if (r->speakers.n) {
            sb_puts(sb, SEP);
            sb_count(sb, (int64_t)r->speakers.n, "speaker quoted",
                     "speakers quoted");
        }
    } else {
        sb_puts(sb, d->file);
    }
}

static void articles_save(view *v, view_state *st)
{
    articles_data *d = articles_data_of(v);
    view_save_position(v, st);
    st->id = d->issue_id;
    st->text = d->file ? xstrdup(d->file) : NULL;
}

static void articles_restore(view *v, const view_state *st)
{
    articles_data *d = articles_data_of(v);
    if (st->id != d->issue_id)
        articles_view_show_issue(v, st->id, st->text);
    view_restore_position(v, st);
}

static void articles_free(view *v)
{
    articles_data *d = v->data;
    if (!d)
        return;
    article_rows_free(d->rows, d->n);
    free(d->file);
    free(d);
    v->data = NULL;
}

const view_ops articles_view_ops = {
    .name = "Articles",
    .open = articles_open,
    .line_count = articles_line_count,
    .draw_line = articles_draw_line,
    .line_text = articles_line_text,
    .enter = articles_enter,
    .select = articles_select,
    .status = articles_status,
    .save = articles_save,
    .restore = articles_restore,
    .free = articles_free,
};
