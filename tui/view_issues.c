/* view_issues.c - the issues pane: one line per issue (date, paper). */
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "view.h"

typedef struct {
    issue_row *rows;
    ssize_t n;
} issues_data;

static void issues_open(view *v)
{
    issues_data *d = v->data;
    if (!d)
        d = v->data = xcalloc(1, sizeof *d);
    issue_rows_free(d->rows, d->n);
    d->n = db_issues(app_db(v->app), &d->rows);
    if (d->n < 0) {
        d->n = 0;
        app_message(v->app, "database error: %s", db_errmsg(app_db(v->app)));
    }
}

static size_t issues_line_count(view *v)
{
    issues_data *d = v->data;
    return d ? (size_t)d->n : 0;
}

static void issues_draw_line(view *v, int y, size_t n, bool selected)
{
    issues_data *d = v->data;
    issue_row *r = &d->rows[n];
    strbuf sb = {0};
    sb_printf(&sb, "%s %s", r->date ? r->date : "----------",
              r->paper ? r->paper : r->file);
    if (!selected)
        wattrset(v->win, A_NORMAL);
    int used = draw_text(v->win, y, 0, sb.s, sb.len, v->width);
    sb_clear(&sb);
    sb_printf(&sb, " %d", r->articles);
    if (used + (int)sb.len < v->width) {
        if (!selected)
            wattrset(v->win, style_attr(STYLE_DIM));
        draw_text(v->win, y, v->width - (int)sb.len, sb.s, sb.len,
                  (int)sb.len);
    }
    sb_free(&sb);
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
    issues_select(v, n);
    app_focus(v->app, &articles_view_ops);
    return true;
}

static void issues_status(view *v, strbuf *sb)
{
    issues_data *d = v->data;
    if (d && v->cursor < (size_t)d->n)
        sb_printf(sb, "%s", d->rows[v->cursor].file);
}

static void issues_free(view *v)
{
    issues_data *d = v->data;
    if (!d)
        return;
    issue_rows_free(d->rows, d->n);
    free(d);
    v->data = NULL;
}

const view_ops issues_view_ops = {
    .name = "Issues",
    .open = issues_open,
    .line_count = issues_line_count,
    .draw_line = issues_draw_line,
    .enter = issues_enter,
    .select = issues_select,
    .status = issues_status,
    .free = issues_free,
};
