/* view_reader.c - the reader pane: the article's text wrapped at the pane
 * width with UAX #14 line breaking (core/textwidth.h), headings styled. */
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "textwidth.h"
#include "view.h"

/* One screen line: bytes [start, start+len) of texts[text]. */
typedef struct {
    size_t text;
    size_t start;
    size_t len;
    int style;
} reader_line;

typedef struct {
    int64_t article_id;
    char *headline;
    para_row *paras;
    ssize_t npara;
    strlist texts;        /* headline and paragraphs as displayed */
    int *text_style;      /* style of each of texts */
    reader_line *lines;
    size_t nlines;
    size_t lines_cap;
    int wrapped_width;    /* width the lines were built for */
} reader_data;

static reader_data *reader_data_of(view *v)
{
    if (!v->data)
        v->data = xcalloc(1, sizeof(reader_data));
    return v->data;
}

/* Style of a paragraph from its block kind. */
static int style_of_kind(const char *kind)
{
    if (strcmp(kind, "subhead") == 0 || strcmp(kind, "deck") == 0)
        return STYLE_SUBHEAD;
    if (strcmp(kind, "speaker") == 0)
        return STYLE_SPEAKER;
    if (strcmp(kind, "byline") == 0 || strcmp(kind, "caption") == 0 ||
        strcmp(kind, "editor") == 0 || strcmp(kind, "continuation") == 0)
        return STYLE_BYLINE;
    return STYLE_NORMAL;
}

/* Is this paragraph running text (indented like a printed paragraph)? */
static bool is_running_text(const char *kind)
{
    return strcmp(kind, "body") == 0 || strcmp(kind, "lead") == 0;
}

/* Build texts[] from the headline and paragraphs. */
static void reader_build_texts(reader_data *d)
{
    strlist_free(&d->texts);
    free(d->text_style);
    d->text_style = xcalloc((size_t)d->npara + 1, sizeof *d->text_style);
    strlist_push(&d->texts, d->headline ? d->headline : "");
    d->text_style[0] = STYLE_HEADLINE;
    for (ssize_t i = 0; i < d->npara; i++) {
        strbuf sb = {0};
        if (is_running_text(d->paras[i].kind))
            sb_puts(&sb, "\xE3\x80\x80\xE3\x80\x80"); /* two U+3000 */
        sb_puts(&sb, d->paras[i].text);
        strlist_push_owned(&d->texts, sb_take(&sb));
        d->text_style[i + 1] = style_of_kind(d->paras[i].kind);
    }
}

static void push_line(reader_data *d, size_t text, size_t start, size_t len,
                      int style)
{
    d->lines = grow_array(d->lines, &d->lines_cap, d->nlines + 1,
                          sizeof *d->lines);
    d->lines[d->nlines++] = (reader_line){text, start, len, style};
}

/* Wrap every text at the pane width. */
static void reader_wrap(view *v)
{
    reader_data *d = reader_data_of(v);
    d->nlines = 0;
    d->wrapped_width = v->width;
    int width = v->width > 2 ? v->width - 1 : 1; /* keep a right margin */
    for (size_t t = 0; t < d->texts.n; t++) {
        int style = d->text_style[t];
        if (t > 0 && style != STYLE_NORMAL && style != STYLE_BYLINE)
            push_line(d, t, 0, 0, STYLE_NORMAL);  /* space before headings */
        wrap_line *wl;
        size_t n = text_wrap(d->texts.v[t], strlen(d->texts.v[t]), width, &wl);
        for (size_t i = 0; i < n; i++)
            push_line(d, t, wl[i].start, wl[i].len, style);
        free(wl);
        if (t == 0)
            push_line(d, t, 0, 0, STYLE_NORMAL);
    }
}

static void reader_open(view *v)
{
    reader_data *d = reader_data_of(v);
    para_rows_free(d->paras, d->npara);
    d->paras = NULL;
    d->npara = 0;
    if (d->article_id) {
        d->npara = db_paragraphs(app_db(v->app), d->article_id, &d->paras);
        if (d->npara < 0) {
            d->npara = 0;
            app_message(v->app, "database error: %s",
                        db_errmsg(app_db(v->app)));
        }
    }
    reader_build_texts(d);
    reader_wrap(v);
}

void reader_view_show_article(view *v, int64_t article_id,
                              const char *headline)
{
    reader_data *d = reader_data_of(v);
    if (d->article_id == article_id)
        return;
    d->article_id = article_id;
    free(d->headline);
    d->headline = xstrdup(headline);
    v->top = v->cursor = 0;
    reader_open(v);
}

static size_t reader_line_count(view *v)
{
    reader_data *d = v->data;
    if (!d)
        return 0;
    if (d->wrapped_width != v->width)
        reader_wrap(v);
    return d->nlines;
}

static void reader_draw_line(view *v, int y, size_t n, bool selected)
{
    (void)selected;
    reader_data *d = v->data;
    reader_line *l = &d->lines[n];
    wattrset(v->win, style_attr(l->style));
    draw_text(v->win, y, 0, d->texts.v[l->text] + l->start, l->len,
              v->width);
    wattrset(v->win, A_NORMAL);
}

static void reader_resize(view *v)
{
    reader_data *d = v->data;
    if (d)
        reader_wrap(v);
}

static void reader_status(view *v, strbuf *sb)
{
    reader_data *d = v->data;
    if (!d || !d->headline)
        return;
    size_t n = reader_line_count(v);
    size_t pct = n ? (v->top + (size_t)v->height >= n
                          ? 100
                          : (v->top + (size_t)v->height) * 100 / n)
                   : 100;
    sb_printf(sb, "%s \xC2\xB7 %zu%%", d->headline, pct);
}

static void reader_free(view *v)
{
    reader_data *d = v->data;
    if (!d)
        return;
    para_rows_free(d->paras, d->npara);
    strlist_free(&d->texts);
    free(d->text_style);
    free(d->lines);
    free(d->headline);
    free(d);
    v->data = NULL;
}

const view_ops reader_view_ops = {
    .name = "Reader",
    .open = reader_open,
    .line_count = reader_line_count,
    .draw_line = reader_draw_line,
    .resize = reader_resize,
    .status = reader_status,
    .free = reader_free,
    .pager = true,
};
