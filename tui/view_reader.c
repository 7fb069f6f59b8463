/* view_reader.c - the reader pane: the article's text wrapped at the pane
 * width with UAX #14 line breaking (core/textwidth.h), headings styled,
 * a quote highlighted, and jumps between speaker sections. */
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "draw.h"
#include "textwidth.h"
#include "view.h"

/* Two U+3000: the indent of a printed Chinese paragraph. */
#define INDENT "\xE3\x80\x80\xE3\x80\x80"

/* One screen line: bytes [start, start+len) of texts[text]. */
typedef struct {
    size_t text;
    size_t start;
    size_t len;
    int style;
} reader_line;

/* A highlighted byte range of one text (the quote). */
typedef struct {
    size_t from;
    size_t to;
} byte_range;

/* A quote's piece in one text: every quote of the article is underlined. */
typedef struct {
    size_t text;
    byte_range r;
} quote_piece;

typedef struct {
    int64_t article_id;
    char *headline;
    char *file;           /* where it was printed and its file, for the
                             status line */
    para_row *paras;
    ssize_t npara;
    strlist texts;        /* headline and paragraphs as displayed */
    int *text_style;      /* style of each of texts */
    size_t *prefix;       /* bytes of indent added before each text */
    byte_range *marked;   /* quote highlight per text (from == to: none) */
    quote_piece *pieces;  /* all quotes of the article, by text */
    size_t npieces;
    size_t pieces_cap;
    int64_t quote_start;  /* highlighted characters of the body */
    int64_t quote_end;
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
static int style_of_kind(block_kind kind)
{
    switch (kind) {
    case BLOCK_SUBHEAD: case BLOCK_DECK:
        return STYLE_SUBHEAD;
    case BLOCK_SPEAKER_HEADING:
        return STYLE_SPEAKER;
    case BLOCK_BYLINE: case BLOCK_CAPTION: case BLOCK_EDITOR:
    case BLOCK_CONTINUATION: case BLOCK_KICKER:
        return STYLE_BYLINE;
    default:
        return STYLE_NORMAL;
    }
}

/* Is this paragraph running text (indented like a printed paragraph)? */
static bool is_running_text(block_kind kind)
{
    return kind == BLOCK_BODY || kind == BLOCK_LEAD;
}

/* Byte offset of the chars-th character of s (clamped to its end). */
static size_t byte_offset_of_char(const char *s, int64_t chars)
{
    const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
    for (int64_t i = 0; i < chars && p < end; i++) {
        int n = u8_mblen(p, (size_t)(end - p));
        p += n > 0 ? n : 1;
    }
    return (size_t)(p - (const uint8_t *)s);
}

/* Translate the characters [start, end) of the body into byte ranges of
   the displayed texts, calling add for each piece. */
static void map_char_range(reader_data *d, int64_t start, int64_t end,
                           void (*add)(reader_data *, size_t, byte_range))
{
    if (end <= start)
        return;
    for (ssize_t i = 0; i < d->npara; i++) {
        const para_row *p = &d->paras[i];
        int64_t pchars = (int64_t)u8_mbsnlen((const uint8_t *)p->text,
                                             strlen(p->text));
        int64_t from = start - p->start;
        int64_t to = end - p->start;
        if (to <= 0 || from >= pchars)
            continue;
        if (from < 0)
            from = 0;
        if (to > pchars)
            to = pchars;
        size_t pre = d->prefix[i + 1];
        add(d, (size_t)i + 1,
            (byte_range){pre + byte_offset_of_char(p->text, from),
                         pre + byte_offset_of_char(p->text, to)});
    }
}

static void add_marked(reader_data *d, size_t text, byte_range r)
{
    d->marked[text] = r;
}

static void add_piece(reader_data *d, size_t text, byte_range r)
{
    d->pieces = grow_array(d->pieces, &d->pieces_cap, d->npieces + 1,
                           sizeof *d->pieces);
    d->pieces[d->npieces++] = (quote_piece){text, r};
}

/* The selected quote, bold and underlined. */
static void reader_mark_quote(reader_data *d)
{
    free(d->marked);
    d->marked = xcalloc(d->texts.n, sizeof *d->marked);
    map_char_range(d, d->quote_start, d->quote_end, add_marked);
}

/* Every quote of the article, underlined. */
static void reader_find_quotes(view *v, reader_data *d)
{
    d->npieces = 0;
    if (!d->article_id)
        return;
    quote_filter f = {.article_id = d->article_id};
    quote_row *q;
    ssize_t n = db_quotes(app_db(v->app), &f, &q);
    for (ssize_t i = 0; i < n; i++)
        map_char_range(d, q[i].start, q[i].end, add_piece);
    quote_rows_free(q, n);
}

/* Build texts[] from the headline and paragraphs (none without an
   article). */
static void reader_build_texts(reader_data *d)
{
    strlist_free(&d->texts);
    free(d->text_style);
    free(d->prefix);
    d->text_style = xcalloc((size_t)d->npara + 1, sizeof *d->text_style);
    d->prefix = xcalloc((size_t)d->npara + 1, sizeof *d->prefix);
    if (!d->article_id) {
        reader_mark_quote(d);
        return;
    }
    strlist_push(&d->texts, d->headline ? d->headline : "");
    d->text_style[0] = STYLE_HEADLINE;
    for (ssize_t i = 0; i < d->npara; i++) {
        strbuf sb = {0};
        if (is_running_text(d->paras[i].kind)) {
            sb_puts(&sb, INDENT);
            d->prefix[i + 1] = strlen(INDENT);
        }
        sb_puts(&sb, d->paras[i].text);
        strlist_push_owned(&d->texts, sb_take(&sb));
        d->text_style[i + 1] = style_of_kind(d->paras[i].kind);
    }
    reader_mark_quote(d);
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
    free(d->file);
    d->file = NULL;
    article_place where;
    if (d->article_id &&
        db_article_place(app_db(v->app), d->article_id, &where)) {
        strbuf sb = {0};
        view_append_place(&sb, where.paper, where.date, where.page,
                          where.page_name);
        if (sb.len)
            sb_puts(&sb, SEP);
        sb_puts(&sb, where.file ? where.file : "");
        d->file = sb_take(&sb);
        article_place_clear(&where);
    }
    if (d->article_id) {
        d->npara = db_paragraphs(app_db(v->app), d->article_id, &d->paras);
        if (d->npara < 0) {
            d->npara = 0;
            app_message(v->app, "database error: %s",
                        db_errmsg(app_db(v->app)));
        }
    }
    reader_build_texts(d);
    reader_find_quotes(v, d);
    reader_wrap(v);
}

/* The first screen line showing the highlighted quote, or 0. */
static size_t reader_quote_line(reader_data *d)
{
    for (size_t i = 0; i < d->nlines; i++) {
        byte_range m = d->marked[d->lines[i].text];
        if (m.to > m.from && m.from < d->lines[i].start + d->lines[i].len &&
            m.to > d->lines[i].start)
            return i;
    }
    return 0;
}

void reader_view_show_article(view *v, int64_t article_id,
                              const char *headline, int64_t start,
                              int64_t end)
{
    reader_data *d = reader_data_of(v);
    bool same = d->article_id == article_id;
    d->quote_start = start;
    d->quote_end = end;
    if (!same) {
        d->article_id = article_id;
        free(d->headline);
        d->headline = article_id ? xstrdup(headline) : NULL;
        v->top = v->cursor = 0;
        reader_open(v);
    } else {
        reader_mark_quote(d);
    }
    if (end > start) {
        /* Show the quote with a line of context above it. */
        size_t line = reader_quote_line(d);
        v->top = line > 0 ? line - 1 : 0;
        view_clamp(v);
    }
}

void reader_view_clear(view *v)
{
    reader_view_show_article(v, 0, NULL, 0, 0);
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

static const char *reader_line_text(view *v, size_t n, size_t *start,
                                    size_t *len)
{
    reader_data *d = v->data;
    *start = d->lines[n].start;
    *len = d->lines[n].len;
    return d->texts.v[d->lines[n].text];
}

/* Draw the part of byte range r that falls on screen line l with attr. */
static void overlay_range(view *v, int y, const reader_line *l,
                          const char *t, byte_range r, attr_t attr)
{
    if (r.to <= r.from || r.from >= l->start + l->len || r.to <= l->start)
        return;
    size_t from = r.from > l->start ? r.from - l->start : 0;
    size_t to = r.to < l->start + l->len ? r.to - l->start : l->len;
    draw_overlay(v->win, y, t + l->start, l->len, from, to, v->width, attr);
}

static void reader_draw_line(view *v, int y, size_t n, bool selected)
{
    (void)selected;
    reader_data *d = v->data;
    reader_line *l = &d->lines[n];
    const char *t = d->texts.v[l->text];
    wattrset(v->win, style_attr(l->style));
    draw_text(v->win, y, 0, t + l->start, l->len, v->width);
    attr_t quote = style_attr(l->style) | style_attr(STYLE_QUOTE);
    for (size_t i = 0; i < d->npieces; i++)
        if (d->pieces[i].text == l->text)
            overlay_range(v, y, l, t, d->pieces[i].r, quote);
    overlay_range(v, y, l, t, d->marked[l->text], quote | A_BOLD);
    wattrset(v->win, A_NORMAL);
}

static void reader_resize(view *v)
{
    if (v->data)
        reader_wrap(v);
}

/* Index of the paragraph shown on screen line n, or -1 (the headline). */
static ssize_t para_of_line(reader_data *d, size_t n)
{
    return n < d->nlines ? (ssize_t)d->lines[n].text - 1 : -1;
}

/* Move to the next (dir 1) or previous (dir -1) speaker section: the
   subheads within a speaker's answer are not stops. */
static bool reader_jump_section(view *v, int dir)
{
    reader_data *d = v->data;
    if (!d || d->nlines == 0)
        return false;
    ssize_t cur = para_of_line(d, v->top);
    for (size_t i = 0; i < d->nlines; i++) {
        size_t line = dir > 0 ? i : d->nlines - 1 - i;
        ssize_t p = para_of_line(d, line);
        if (p < 0 || (dir > 0 ? p <= cur : p >= cur))
            continue;
        if (d->paras[p].kind != BLOCK_SPEAKER_HEADING)
            continue;
        /* The first line of that paragraph (skip the blank before it). */
        if (d->lines[line].len == 0 && line + 1 < d->nlines)
            line++;
        while (line > 0 && para_of_line(d, line - 1) == p &&
               d->lines[line - 1].len > 0)
            line--;
        v->top = line;
        view_clamp(v);
        return true;
    }
    app_message(v->app, dir > 0 ? "no next speaker section"
                                : "no previous speaker section");
    return true;
}

static bool reader_action(view *v, action_id act)
{
    if (act == ACTION_NEXT_SECTION)
        return reader_jump_section(v, 1);
    if (act == ACTION_PREV_SECTION)
        return reader_jump_section(v, -1);
    return false;
}

/* "37% · issue · headline · section": the position first, so that a
   narrow status line never cuts it off. */
static void reader_status(view *v, strbuf *sb)
{
    reader_data *d = v->data;
    if (!d || !d->headline)
        return;
    size_t n = reader_line_count(v);
    size_t bottom = v->top + (size_t)v->height;
    sb_printf(sb, "%zu%% \xC2\xB7 ",
              n == 0 || bottom >= n ? 100 : bottom * 100 / n);
    if (d->file)
        sb_printf(sb, "%s \xC2\xB7 ", d->file);
    sb_puts(sb, d->headline);
    /* The section the top line is in. */
    ssize_t p = para_of_line(d, v->top);
    for (ssize_t i = p; i >= 0; i--) {
        if (d->paras[i].kind == BLOCK_SPEAKER_HEADING ||
            d->paras[i].kind == BLOCK_SUBHEAD) {
            sb_printf(sb, " \xC2\xB7 %s", d->paras[i].text);
            break;
        }
    }
}

static void reader_save(view *v, view_state *st)
{
    reader_data *d = reader_data_of(v);
    view_save_position(v, st);
    st->id = d->article_id;
    st->arg = d->quote_start;
    st->text = d->headline ? xstrdup(d->headline) : NULL;
    /* The end of the quote travels in cursor's place for pagers. */
    st->cursor = (size_t)d->quote_end;
}

static void reader_restore(view *v, const view_state *st)
{
    reader_view_show_article(v, st->id, st->text ? st->text : "", st->arg,
                             (int64_t)st->cursor);
    v->top = st->top;
    view_clamp(v);
}

static void reader_free(view *v)
{
    reader_data *d = v->data;
    if (!d)
        return;
    para_rows_free(d->paras, d->npara);
    strlist_free(&d->texts);
    free(d->text_style);
    free(d->prefix);
    free(d->marked);
    free(d->pieces);
    free(d->file);
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
    .line_text = reader_line_text,
    .resize = reader_resize,
    .action = reader_action,
    .status = reader_status,
    .save = reader_save,
    .restore = reader_restore,
    .free = reader_free,
    .pager = true,
};
