/* view_results.c - full-text search results: articles and quotes ranked
 * by dubao_rank (fts.h), each with a snippet whose matches are
 * highlighted; Enter opens the article at the match. */
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "draw.h"
#include "textwidth.h"
#include "view.h"

/* Results the pane lists at most (the status line says when there are
   more). */
#define RESULTS_SHOWN 200

typedef struct {
    char *query;
    search_row *rows;
    ssize_t n;
    search_count count;   /* how many there are in all */
    strlist labels;   /* "speaker：snippet" or "headline：snippet" */
    size_t *label_prefix; /* bytes before the snippet in each label */
} results_data;

static results_data *results_data_of(view *v)
{
    if (!v->data)
        v->data = xcalloc(1, sizeof(results_data));
    return v->data;
}

static void results_open(view *v)
{
    results_data *d = results_data_of(v);
    search_rows_free(d->rows, d->n);
    strlist_free(&d->labels);
    free(d->label_prefix);
    d->rows = NULL;
    d->n = 0;
    d->label_prefix = NULL;
    if (!d->query)
        return;
    d->n = view_checked_count(v, db_search(app_db(v->app), d->query, NULL,
                                           RESULTS_SHOWN, &d->rows,
                                           &d->count));
    d->label_prefix = xcalloc((size_t)d->n + 1, sizeof *d->label_prefix);
    for (ssize_t i = 0; i < d->n; i++) {
        search_row *r = &d->rows[i];
        strbuf sb = {0};
        sb_printf(&sb, "%s\xEF\xBC\x9A",
                  r->is_quote ? (r->speaker ? r->speaker : "\xE2\x80\x94")
                              : r->article);
        d->label_prefix[i] = sb.len;
        sb_puts(&sb, r->snippet);
        strlist_push_owned(&d->labels, sb_take(&sb));
    }
}

static size_t results_line_count(view *v)
{
    results_data *d = v->data;
    return d ? (size_t)d->n : 0;
}

static const char *results_line_text(view *v, size_t n, size_t *start,
                                     size_t *len)
{
    results_data *d = v->data;
    *start = 0;
    *len = strlen(d->labels.v[n]);
    return d->labels.v[n];
}

/* The row as drawn at width cols: the headline or speaker cut to a third
   of the row, then the snippet, from a little before its first match when
   that would not fit otherwise; so that a long headline never hides what
   matched (a headline is cut only when the snippet holds a match).  *prefix gets the bytes of the first part, *shift the bytes to
   add to a byte offset of the snippet (negative when its start was cut;
   an offset below -*shift is not shown).  Heap string. */
static char *result_row_text(const char *label, size_t pre, int cols,
                             const search_row *r, size_t *prefix,
                             long *shift)
{
    static const char colon[] = "\xEF\xBC\x9A", dots[] = "\xE2\x80\xA6";
    strbuf sb = {0};
    size_t name = pre >= 3 ? pre - 3 : pre; /* without the colon */
    /* Without a match in the snippet, the headline holds it: whole. */
    int cap = !r->nmatches ? cols : cols / 3 > 4 ? cols / 3 : 4, used;
    size_t fit = text_fit(label, name, cap - 2, &used);
    if (fit < name)
        fit = text_fit(label, name, cap - 3, &used);
    sb_append(&sb, label, fit);
    if (fit < name)
        sb_puts(&sb, dots);
    sb_puts(&sb, colon);
    *prefix = sb.len;
    const char *snip = label + pre;
    size_t skip = 0;
    if (r->nmatches) {
        /* Drop characters from the front until the first match ends
           inside the row (an ellipsis marks the cut). */
        int room = cols - text_width(sb.s, sb.len) - 1;
        size_t end = r->matches[0][1];
        while (skip < r->matches[0][0] &&
               text_width(snip + skip, end - skip) > room) {
            int step = u8_mblen((const uint8_t *)snip + skip, end - skip);
            skip += step > 0 ? (size_t)step : 1;
        }
        if (skip > 0)
            sb_puts(&sb, dots);
    }
    *shift = (long)sb.len - (long)(pre + skip);
    sb_puts(&sb, snip + skip);
    return sb_take(&sb);
}

static void results_draw_line(view *v, int y, size_t n, bool selected)
{
    results_data *d = v->data;
    search_row *r = &d->rows[n];
    size_t pre;
    long shift;
    char *row = result_row_text(d->labels.v[n], d->label_prefix[n], v->width,
                                r, &pre, &shift);
    size_t len = strlen(row);
    if (!selected)
        wattrset(v->win, style_attr(r->is_quote ? STYLE_SPEAKER
                                                : STYLE_HEADLINE));
    int used = draw_text(v->win, y, 0, row, pre, v->width);
    if (!selected)
        wattrset(v->win, A_NORMAL);
    draw_text(v->win, y, used, row + pre, len - pre, v->width - used);
    /* The matches, where the tokenizer's folding found them. */
    for (size_t m = 0; m < r->nmatches; m++) {
        long from = (long)(d->label_prefix[n] + r->matches[m][0]) + shift;
        long to = (long)(d->label_prefix[n] + r->matches[m][1]) + shift;
        if (from >= (long)pre)
            draw_overlay(v->win, y, row, len, (size_t)from, (size_t)to,
                         v->width, style_attr(STYLE_MATCH));
    }
    free(row);
}

/* Show the result in the reader: the quote, or the first match. */
static void results_select(view *v, size_t n)
{
    results_data *d = v->data;
    view *reader = app_view(v->app, &reader_view_ops);
    if (!d || n >= (size_t)d->n) {
        reader_view_clear(reader);
        return;
    }
    search_row *r = &d->rows[n];
    int64_t start = 0, end = 0;
    if (r->is_quote) {
        start = r->quote_start;
        end = r->quote_end;
    } else {
        start = db_first_match(app_db(v->app), r->article_id, d->query, &end);
        if (start < 0)
            start = end = 0;
    }
    reader_view_show_article(reader, r->article_id, r->article, start, end);
}

static bool results_enter(view *v, size_t n)
{
    app_push_history(v->app);
    results_select(v, n);
    app_focus(v->app, &reader_view_ops);
    return true;
}

static void results_filter(view *v, const char *query)
{
    results_data *d = results_data_of(v);
    free(d->query);
    d->query = query && *query ? xstrdup(query) : NULL;
    view_reopen(v);
}

/* "37 results", or "the first 200 of 734 results" when the list is cut,
   "of 1000+" when the count itself stopped at a cap. */
static void results_count(const results_data *d, strbuf *sb)
{
    bool cut = d->count.more || d->n < d->count.total;
    if (cut)
        sb_printf(sb, "first %zd of %lld%s results", d->n,
                  (long long)d->count.total, d->count.more ? "+" : "");
    else
        sb_count(sb, d->n, "result", "results");
}

/* After the position (1/200): " of 1000+" when the list is cut, then
   the query. */
static void results_title(view *v, strbuf *sb)
{
    results_data *d = v->data;
    if (!d || !d->query)
        return;
    if (d->count.more || d->n < d->count.total)
        sb_printf(sb, " of %lld%s", (long long)d->count.total,
                  d->count.more ? "+" : "");
    sb_printf(sb, " \xE2\x80\x9C%s\xE2\x80\x9D", d->query);
}

static void results_status(view *v, strbuf *sb)
{
    results_data *d = v->data;
    if (!d || !d->query)
        return;
    results_count(d, sb);
    sb_printf(sb, " for \xE2\x80\x9C%s\xE2\x80\x9D", d->query);
    if (v->cursor < (size_t)d->n)
        sb_printf(sb, SEP "%s" SEP "%s", d->rows[v->cursor].file,
                  d->rows[v->cursor].article);
}

const char *results_view_query(view *v)
{
    results_data *d = v->data;
    return d ? d->query : NULL;
}

static void results_save(view *v, view_state *st)
{
    view_save_with_query(v, results_data_of(v)->query, st);
}

static void results_restore(view *v, const view_state *st)
{
    view_restore_with_query(v, &results_data_of(v)->query, st);
}

static void results_free(view *v)
{
    results_data *d = v->data;
    if (!d)
        return;
    search_rows_free(d->rows, d->n);
    strlist_free(&d->labels);
    free(d->label_prefix);
    free(d->query);
    free(d);
    v->data = NULL;
}

const view_ops results_view_ops = {
    .name = "Search",
    .open = results_open,
    .line_count = results_line_count,
    .draw_line = results_draw_line,
    .line_text = results_line_text,
    .enter = results_enter,
    .select = results_select,
    .filter = results_filter,
    .title = results_title,
    .status = results_status,
    .save = results_save,
    .restore = results_restore,
    .free = results_free,
};
