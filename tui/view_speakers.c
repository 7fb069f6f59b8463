/* view_speakers.c - the speakers pane: delegates and other named speakers
 * with role, delegation and quote count; the delegate picker filters it
 * as the user types (Chinese, part of a name, or pinyin). */
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "view.h"

typedef struct {
    char *query;       /* current filter, or NULL */
    speaker_row *rows;
    ssize_t n;
    strlist labels;    /* "name role delegation", as drawn */
} speakers_data;

static speakers_data *speakers_data_of(view *v)
{
    if (!v->data)
        v->data = xcalloc(1, sizeof(speakers_data));
    return v->data;
}

static void speakers_open(view *v)
{
    speakers_data *d = speakers_data_of(v);
    speaker_rows_free(d->rows, d->n);
    strlist_free(&d->labels);
    d->n = db_speakers(app_db(v->app), d->query, &d->rows);
    if (d->n < 0) {
        d->n = 0;
        app_message(v->app, "database error: %s", db_errmsg(app_db(v->app)));
    }
    for (ssize_t i = 0; i < d->n; i++) {
        speaker_row *r = &d->rows[i];
        strbuf sb = {0};
        sb_puts(&sb, r->name);
        if (r->role)
            sb_printf(&sb, " %s", r->role);
        if (r->delegation)
            sb_printf(&sb, " %s", r->delegation);
        else if (r->titles)
            sb_printf(&sb, " %s", r->titles);
        strlist_push_owned(&d->labels, sb_take(&sb));
    }
}

static size_t speakers_line_count(view *v)
{
    speakers_data *d = v->data;
    return d ? (size_t)d->n : 0;
}

static const char *speakers_line_text(view *v, size_t n, size_t *start,
                                      size_t *len)
{
    speakers_data *d = v->data;
    *start = 0;
    *len = strlen(d->labels.v[n]);
    return d->labels.v[n];
}

static void speakers_draw_line(view *v, int y, size_t n, bool selected)
{
    speakers_data *d = v->data;
    speaker_row *r = &d->rows[n];
    strbuf count = {0};
    sb_printf(&count, " %d", r->quotes);
    int room = v->width > (int)count.len + 1 ? v->width - (int)count.len
                                             : v->width;
    const char *label = d->labels.v[n];
    if (!selected)
        wattrset(v->win, style_attr(r->is_delegate ? STYLE_SPEAKER
                                                   : STYLE_NORMAL));
    int used = draw_text(v->win, y, 0, r->name, strlen(r->name), room);
    if (!selected)
        wattrset(v->win, style_attr(STYLE_DIM));
    size_t nl = strlen(r->name);
    draw_text(v->win, y, used, label + nl, strlen(label + nl), room - used);
    if (room < v->width)
        draw_text(v->win, y, room, count.s, count.len, (int)count.len);
    sb_free(&count);
}

/* Show the selected speaker's quotes in the quotes pane. */
static void speakers_select(view *v, size_t n)
{
    speakers_data *d = v->data;
    if (d && n < (size_t)d->n)
        quotes_view_show_speaker(app_view(v->app, &quotes_view_ops),
                                 d->rows[n].id, d->rows[n].name);
}

static bool speakers_enter(view *v, size_t n)
{
    app_push_history(v->app);
    speakers_select(v, n);
    app_focus(v->app, &quotes_view_ops);
    return true;
}

static void speakers_filter(view *v, const char *query)
{
    speakers_data *d = speakers_data_of(v);
    free(d->query);
    d->query = query && *query ? xstrdup(query) : NULL;
    speakers_open(v);
    v->cursor = v->top = 0;
    if (d->n > 0)
        speakers_select(v, 0);
}

static void speakers_status(view *v, strbuf *sb)
{
    speakers_data *d = v->data;
    if (!d)
        return;
    sb_printf(sb, "%zd speakers", d->n);
    if (d->query)
        sb_printf(sb, " matching \xE2\x80\x9C%s\xE2\x80\x9D", d->query);
    if (v->cursor < (size_t)d->n) {
        speaker_row *r = &d->rows[v->cursor];
        sb_printf(sb, " \xC2\xB7 %s", r->name);
        if (r->titles)
            sb_printf(sb, " %s", r->titles);
    }
}

static void speakers_save(view *v, view_state *st)
{
    speakers_data *d = speakers_data_of(v);
    view_save_position(v, st);
    st->text = d->query ? xstrdup(d->query) : NULL;
}

static void speakers_restore(view *v, const view_state *st)
{
    speakers_data *d = speakers_data_of(v);
    bool same = (!st->text && !d->query) ||
                (st->text && d->query && strcmp(st->text, d->query) == 0);
    if (!same) {
        free(d->query);
        d->query = st->text ? xstrdup(st->text) : NULL;
        speakers_open(v);
    }
    view_restore_position(v, st);
}

static void speakers_free(view *v)
{
    speakers_data *d = v->data;
    if (!d)
        return;
    speaker_rows_free(d->rows, d->n);
    strlist_free(&d->labels);
    free(d->query);
    free(d);
    v->data = NULL;
}

const view_ops speakers_view_ops = {
    .name = "Speakers",
    .open = speakers_open,
    .line_count = speakers_line_count,
    .draw_line = speakers_draw_line,
    .line_text = speakers_line_text,
    .enter = speakers_enter,
    .select = speakers_select,
    .filter = speakers_filter,
    .status = speakers_status,
    .save = speakers_save,
    .restore = speakers_restore,
    .free = speakers_free,
};
