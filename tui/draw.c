/* draw.c - column-exact text drawing and the colour scheme. */
#include "draw.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "printable.h"
#include "strbuf.h"
#include "textwidth.h"

static attr_t styles[STYLE_COUNT];

/* Is uc a control character (C0, DEL, C1)?  It is drawn as '?'. */
static int is_control(ucs4_t uc)
{
    return uc_is_general_category(uc, UC_CATEGORY_Cc);
}

/* Text reaching the screen was normalised or made printable before, but
   drawing never trusts that: a control character is drawn as '?', a
   format character (a bidi override, a tag character: invisible, yet
   able to change how the line reads) is not drawn at all, and a byte
   that is not UTF-8 is drawn as U+FFFD, the width text_width gives it. */
int draw_text(WINDOW *w, int y, int x, const char *s, size_t n, int cols)
{
    if (!w || cols <= 0)
        return 0;
    int total = text_width(s, n);
    int ell = text_char_width(0x2026);
    int budget = total <= cols ? cols : cols - ell;
    strbuf out = {0};
    int used = 0;
    const uint8_t *p = (const uint8_t *)s, *end = p + n;
    while (p < end) {
        ucs4_t uc;
        int len = u8_mbtoucr(&uc, p, (size_t)(end - p));
        if (len < 0) {
            uc = 0xFFFD;
            len = 1;
        }
        bool control = is_control(uc);
        bool hidden = !control && char_is_invisible_control(uc);
        int cw = control ? 1 : hidden ? 0 : text_char_width(uc);
        if (used + cw > budget)
            break;
        if (control)
            sb_putc(&out, '?');
        else if (uc == 0xFFFD)
            sb_puts(&out, "\xEF\xBF\xBD");
        else if (!hidden)
            sb_append(&out, (const char *)p, (size_t)len);
        used += cw;
        p += len;
    }
    if (p < end && used + ell <= cols) {
        sb_puts(&out, "\xE2\x80\xA6");
        used += ell;
    }
    if (out.len)
        mvwaddnstr(w, y, x, out.s, (int)out.len);
    sb_free(&out);
    return used;
}

void draw_overlay(WINDOW *w, int y, const char *s, size_t n, size_t from,
                  size_t to, int cols, attr_t attr)
{
    if (!w || from >= to || from >= n)
        return;
    if (to > n)
        to = n;
    int col = text_width(s, from);
    if (col >= cols)
        return;
    /* If the line was cut with an ellipsis, the visible part is shorter
       than cols; never overlay past where draw_text stopped. */
    int total = text_width(s, n);
    int limit = total <= cols ? cols : cols - text_char_width(0x2026);
    attr_t old;
    short pair;
    wattr_get(w, &old, &pair, NULL);
    wattrset(w, attr);
    int used;
    size_t fit = text_fit(s + from, to - from, limit - col, &used);
    if (fit)
        draw_text(w, y, col, s + from, fit, used);
    wattrset(w, old);
}

void draw_blank(WINDOW *w, int y, int x, int cols)
{
    if (!w)
        return;
    for (int i = 0; i < cols; i++)
        mvwaddch(w, y, x + i, ' ');
}

/* The config element that sets each style (STYLE_NORMAL has none). */
static const int style_element[STYLE_COUNT] = {
    [STYLE_NORMAL] = -1,
    [STYLE_TITLE] = ELEM_TITLE,
    [STYLE_TITLE_FOCUS] = ELEM_TITLE_FOCUS,
    [STYLE_CURSOR] = ELEM_CURSOR,
    [STYLE_HEADLINE] = ELEM_HEADLINE,
    [STYLE_SUBHEAD] = ELEM_SUBHEAD,
    [STYLE_SPEAKER] = ELEM_SPEAKER,
    [STYLE_BYLINE] = ELEM_BYLINE,
    [STYLE_DIM] = ELEM_DIM,
    [STYLE_STATUS] = ELEM_STATUS,
    [STYLE_QUOTE] = ELEM_QUOTE,
    [STYLE_MATCH] = ELEM_MATCH,
    [STYLE_MARK] = ELEM_MARK,
};

/* A colour number the terminal can show, else its default (-1). */
static short usable_color(short c)
{
    return c >= 0 && c < COLORS ? c : -1;
}

void draw_init(const options *o)
{
    const char *no_color = getenv("NO_COLOR");
    bool color = has_colors() && o->color_mode != COLORS_NEVER &&
                 !(no_color && *no_color);
    if (color) {
        start_color();
        use_default_colors();
    }
    for (int st = 0; st < STYLE_COUNT; st++) {
        int e = style_element[st];
        styles[st] = A_NORMAL;
        if (e < 0)
            continue;
        const color_spec *c = &o->colors[e];
        styles[st] = c->attrs;
        short fg = color ? usable_color(c->fg) : -1;
        short bg = color ? usable_color(c->bg) : -1;
        if (color && (fg >= 0 || bg >= 0) && st < COLOR_PAIRS) {
            init_pair((short)st, fg, bg);
            styles[st] |= COLOR_PAIR(st);
        } else if (!color) {
            /* Without colours an element must still stand out: a
               background becomes reverse video, a foreground alone bold. */
            if (c->bg >= 0)
                styles[st] |= A_REVERSE;
            else if (c->fg >= 0 && c->attrs == A_NORMAL)
                styles[st] |= A_BOLD;
        }
    }
}

attr_t style_attr(int style)
{
    return style >= 0 && style < STYLE_COUNT ? styles[style] : A_NORMAL;
}
