/* view_issues.c - the issues pane: one line per issue (date, paper),
 * newest first, with its counts of pages (版) and articles (篇). */
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "rows.h"
#include "textwidth.h"
#include "view.h"

typedef struct {
    int64_t count;    /* issues in the database */
    row_window rows;  /* the issues around the cursor (rows.h) */
    strbuf label;     /* the label of the row last asked for, as drawn */
} issues_data;

/* rows_fetch_fn for the issues (ctx: the view). */
static ssize_t fetch_issues(void *ctx, size_t offset, size_t limit,
                            void **rows)
{
    view *v = ctx;
    return db_issues_page(app_db(v->app), offset, limit, (issue_row **)rows);
}

/* rows_free_fn for the issues. */
static void free_issues(void *rows, ssize_t n)
{
    issue_rows_free(rows, n);
}

static issues_data *issues_data_of(view *v)
{
    if (!v->data) {
        issues_data *d = xcalloc(1, sizeof *d);
        d->rows = (row_window){fetch_issues, free_issues, sizeof(issue_row),
                               NULL, 0, 0};
        v->data = d;
    }
    return v->data;
}

/* Issue i; NULL on a database error (reported).  Valid until the next
   call. */
static issue_row *issue_at(view *v, size_t i)
{
    issues_data *d = v->data;
    return view_row(v, &d->rows, i, d->count);
}

/* "date paper" of issue r (NULL: empty), as drawn; valid until the next
   call. */
static const char *issue_label(issues_data *d, const issue_row *r)
{
    sb_clear(&d->label);
    if (r)
        sb_printf(&d->label, "%s %s", r->date ? r->date : "----------",
                  r->paper ? r->paper : r->file);
    else
        sb_puts(&d->label, "");
    return d->label.s;
}

static void issues_open(view *v)
{
    issues_data *d = issues_data_of(v);
    row_window_forget(&d->rows);
    d->count = view_checked_count(v, db_issue_count(app_db(v->app)));
}

static size_t issues_line_count(view *v)
{
    issues_data *d = v->data;
    return d ? (size_t)d->count : 0;
}

static const char *issues_line_text(view *v, size_t n, size_t *start,
                                    size_t *len)
{
    const char *label = issue_label(v->data, issue_at(v, n));
    *start = 0;
    *len = strlen(label);
    return label;
}

static void issues_draw_line(view *v, int y, size_t n, bool selected)
{
    issue_row *r = issue_at(v, n);
    const char *label = issue_label(v->data, r);
    /* The date and paper come first: the counts (also on the status
       line), "20版 124篇", then "20版", only where they leave room. */
    char count[48];
    int label_cols = text_width(label, strlen(label)), cols = 0, clen = 0;
    for (int form = 0; form < 2; form++) {
        clen = form == 0 ? snprintf(count, sizeof count,
                                    " %d\xE7\x89\x88 %d\xE7\xAF\x87",
                                    r ? r->pages : 0, r ? r->articles : 0)
                         : snprintf(count, sizeof count, " %d\xE7\x89\x88",
                                    r ? r->pages : 0);
        cols = text_width(count, (size_t)clen);
        if (label_cols + cols <= v->width)
            break;
    }
    int room = v->width - cols;
    if (room < 1 || label_cols + cols > v->width)
        room = v->width;
    draw_text(v->win, y, 0, label, strlen(label), room);
    if (room < v->width) {
        if (!selected)
            wattrset(v->win, style_attr(STYLE_DIM));
        draw_text(v->win, y, room, count, (size_t)clen, cols);
    }
}

/* Show the selected issue's articles in the articles pane. */
static void issues_select(view *v, size_t n)
{
    issue_row *r = issue_at(v, n);
    view *articles = app_view(v->app, &articles_view_ops);
    if (r)
        articles_view_show_issue(articles, r->id, r->file);
    else
        articles_view_show_issue(articles, 0, NULL);
}

static bool issues_enter(view *v, size_t n)
{
    app_push_history(v->app);
    issues_select(v, n);
    app_focus(v->app, &articles_view_ops);
    return true;
}

/* The status: the issue (paper and date, and its file when it is one
   file), its pages by label, its counts. */
static void issues_status(view *v, strbuf *sb)
{
    issues_data *d = v->data;
    issue_row *r = d ? issue_at(v, v->cursor) : NULL;
    if (!r)
        return;
    size_t start = sb->len;
    view_append_place(sb, r->paper, r->date, NULL, NULL);
    if (r->files <= 1 || sb->len == start) {
        if (sb->len > start)
            sb_puts(sb, SEP);
        sb_puts(sb, r->file);
    }
    page_row *pages;
    ssize_t np = db_issue_pages(app_db(v->app), r->id, &pages);
    int shown = 0;
    for (ssize_t p = 0; p < np && shown < 12; p++) {
        if (!pages[p].page)
            continue;
        sb_puts(sb, shown ? " " : SEP "\xE7\x89\x88 "); /* 版 */
        sb_puts(sb, pages[p].page);
        shown++;
    }
    if (np > shown && shown == 12)
        sb_puts(sb, " \xE2\x80\xA6");
    page_rows_free(pages, np);
    sb_puts(sb, SEP);
    sb_count(sb, r->pages, "page", "pages");
    sb_puts(sb, SEP);
    sb_count(sb, r->articles, "article", "articles");
    sb_puts(sb, SEP);
    sb_count(sb, r->files, "file", "files");
    sb_puts(sb, SEP);
    sb_count(sb, d->count, "issue", "issues");
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
    row_window_forget(&d->rows);
    sb_free(&d->label);
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
