/* view_issues.c - the issues pane: one line per issue (date, paper) with
 * its article count. */
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "view.h"

typedef struct {
    issue_row *rows;
    ssize_t n;
    strlist labels;   /* "date paper" of each row, as drawn */
} issues_data;

static issues_data *issues_data_of(view *v)
{
    if (!v->data)
        v->data = xcalloc(1, sizeof(issues_data));
    return v->data;
}

static void issues_open(view *v)
{
    issues_data *d = issues_data_of(v);
    issue_rows_free(d->rows, d->n);
    strlist_free(&d->labels);
    d->n = db_issues(app_db(v->app), &d->rows);
    if (d->n < 0) {
        d->n = 0;
        app_message(v->app, "database error: %s", db_errmsg(app_db(v->app)));
    }
    for (ssize_t i = 0; i < d->n; i++) {
        strbuf sb = {0};
        issue_row *r = &d->rows[i];
        sb_printf(&sb, "%s %s", r->date ? r->date : "----------",
                  r->paper ? r->paper : r->file);
        strlist_push_owned(&d->labels, sb_take(&sb));
    }
}

static size_t issues_line_count(view *v)
{
    issues_data *d = v->data;
    return d ? (size_t)d->n : 0;
}

static const char *issues_line_text(view *v, size_t n, size_t *start,
                                    size_t *len)
{
    issues_data *d = v->data;
    *start = 0;
    *len = strlen(d->labels.v[n]);
    return d->labels.v[n];
}

static void issues_draw_line(view *v, int y, size_t n, bool selected)
{
    issues_data *d = v->data;
    strbuf count = {0};
    sb_printf(&count, " %d", d->rows[n].articles);
    int room = v->width - (int)count.len;
    if (room < 1)
        room = v->width;
    draw_text(v->win, y, 0, d->labels.v[n], strlen(d->labels.v[n]), room);
    if (room < v->width) {
        if (!selected)
            wattrset(v->win, style_attr(STYLE_DIM));
        draw_text(v->win, y, room, count.s, count.len, (int)count.len);
    }
    sb_free(&count);
}

/* Show the selected issue's articles in the articles pane. */
static void issues_select(view *v, size_t n)
{
    issues_data *d = v->data;
    if (n < (size_t)d->n)
        articles_view_show_issue(app_view(v->app, &articles_view_ops),
                                 d->rows[n].id, d->rows[n].file);
}

static bool issues_enter(view *v, size_t n)
{
    app_push_history(v->app);
    issues_select(v, n);
    app_focus(v->app, &articles_view_ops);
    return true;
}

static void issues_status(view *v, strbuf *sb)
{
    issues_data *d = v->data;
    if (d && v->cursor < (size_t)d->n)
        sb_printf(sb, "%s \xC2\xB7 %d articles \xC2\xB7 %zd issues",
                  d->rows[v->cursor].file, d->rows[v->cursor].articles,
                  d->n);
}

static void issues_restore(view *v, const view_state *st)
{
    view_restore_position(v, st);
    issues_select(v, v->cursor);
}

static void issues_free(view *v)
{
    issues_data *d = v->data;
    if (!d)
        return;
    issue_rows_free(d->rows, d->n);
    strlist_free(&d->labels);
    free(d);
    v->data = NULL;
}

const view_ops issues_view_ops = {
    .name = "Issues",
    .open = issues_open,
    .line_count = issues_line_count,
    .draw_line = issues_draw_line,
    .line_text = issues_line_text,
    .enter = issues_enter,
    .select = issues_select,
    .status = issues_status,
    .save = view_save_position,
    .restore = issues_restore,
    .free = issues_free,
};
