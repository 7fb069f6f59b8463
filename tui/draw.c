/* draw.c - column-exact text drawing and the colour scheme. */
#include "draw.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "strbuf.h"
#include "textwidth.h"

static attr_t styles[STYLE_COUNT];

/* Is uc a character that must never reach the terminal? */
static int is_control(ucs4_t uc)
{
    return uc < 0x20 || (uc >= 0x7f && uc < 0xa0);
}

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
        int len = u8_mbtouc(&uc, p, (size_t)(end - p));
        int cw = is_control(uc) ? 1 : text_char_width(uc);
        if (used + cw > budget)
            break;
        if (is_control(uc))
            sb_putc(&out, '?');
        else
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

void draw_init(void)
{
    const char *no_color = getenv("NO_COLOR");
    bool color = has_colors() && !(no_color && *no_color);
    styles[STYLE_NORMAL] = A_NORMAL;
    styles[STYLE_TITLE] = A_REVERSE | A_DIM;
    styles[STYLE_TITLE_FOCUS] = A_REVERSE | A_BOLD;
    styles[STYLE_CURSOR] = A_REVERSE;
    styles[STYLE_HEADLINE] = A_BOLD;
    styles[STYLE_SUBHEAD] = A_BOLD;
    styles[STYLE_SPEAKER] = A_BOLD | A_UNDERLINE;
    styles[STYLE_BYLINE] = A_DIM;
    styles[STYLE_DIM] = A_DIM;
    styles[STYLE_STATUS] = A_REVERSE;
    styles[STYLE_QUOTE] = A_UNDERLINE;
    styles[STYLE_MATCH] = A_REVERSE | A_BOLD;
    if (!color)
        return;
    start_color();
    use_default_colors();
    init_pair(1, COLOR_WHITE, COLOR_BLUE);
    init_pair(2, COLOR_YELLOW, -1);
    init_pair(3, COLOR_CYAN, -1);
    init_pair(4, COLOR_GREEN, -1);
    init_pair(5, COLOR_BLACK, COLOR_YELLOW);
    init_pair(6, COLOR_MAGENTA, -1);
    styles[STYLE_TITLE_FOCUS] = COLOR_PAIR(1) | A_BOLD;
    styles[STYLE_HEADLINE] = COLOR_PAIR(2) | A_BOLD;
    styles[STYLE_SUBHEAD] = COLOR_PAIR(3) | A_BOLD;
    styles[STYLE_SPEAKER] = COLOR_PAIR(4) | A_BOLD;
    styles[STYLE_MATCH] = COLOR_PAIR(5) | A_BOLD;
    styles[STYLE_QUOTE] = COLOR_PAIR(6);
}

attr_t style_attr(int style)
{
    return style >= 0 && style < STYLE_COUNT ? styles[style] : A_NORMAL;
}
