/* textwidth.c - display widths, truncation and UAX #14 wrapping, all from
 * libunistring so that there is exactly one notion of width in dubao. */
#include "textwidth.h"

#include <stdlib.h>
#include <string.h>
#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "strbuf.h"

static bool ambiguous_wide;

void text_set_ambiguous_wide(bool wide)
{
    ambiguous_wide = wide;
}

/* libunistring treats ambiguous characters as wide when the encoding is a
   CJK legacy one; "UTF-8" gives the narrow answers that wcwidth gives. */
static const char *width_encoding(void)
{
    return ambiguous_wide ? "GBK" : "UTF-8";
}

int text_char_width(unsigned int uc)
{
    if (uc == 0x3000)
        return 2;
    int w = uc_width(uc, width_encoding());
    return w < 0 ? 0 : w;
}

int text_width(const char *s, size_t n)
{
    int w = 0;
    const uint8_t *p = (const uint8_t *)s, *end = p + n;
    while (p < end) {
        ucs4_t uc;
        int len = u8_mbtouc(&uc, p, (size_t)(end - p));
        w += text_char_width(uc);
        p += len;
    }
    return w;
}

size_t text_fit(const char *s, size_t n, int cols, int *used)
{
    int w = 0;
    const uint8_t *start = (const uint8_t *)s, *p = start, *end = p + n;
    while (p < end) {
        ucs4_t uc;
        int len = u8_mbtouc(&uc, p, (size_t)(end - p));
        int cw = text_char_width(uc);
        if (w + cw > cols)
            break;
        w += cw;
        p += len;
    }
    if (used)
        *used = w;
    return (size_t)(p - start);
}

/* Append one wrapped line to the growing array. */
static void push_line(wrap_line **v, size_t *n, size_t *cap, size_t start,
                      size_t len, int width)
{
    *v = grow_array(*v, cap, *n + 1, sizeof **v);
    (*v)[*n].start = start;
    (*v)[*n].len = len;
    (*v)[*n].width = width;
    (*n)++;
}

/* Width of s[0..n) without trailing spaces; *trimmed gets the byte count. */
static int width_without_trailing_spaces(const char *s, size_t n,
                                         size_t *trimmed)
{
    while (n > 0 && s[n - 1] == ' ')
        n--;
    *trimmed = n;
    return text_width(s, n);
}

/* Characters that must not end a line (opening brackets and quotes) or
   start one (closing punctuation), for forced cuts. */
static bool is_opening(ucs4_t uc)
{
    return uc == 0x201C || uc == 0x2018 || uc == 0xFF08 || uc == 0x300A ||
           uc == 0x3008 || uc == 0x300C || uc == 0x300E || uc == 0x3010 ||
           uc == '(' || uc == '[';
}

static bool is_closing(ucs4_t uc)
{
    static const ucs4_t closing[] = {
        0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0x201D,
        0x2019, 0xFF09, 0x300B, 0x3009, 0x300D, 0x300F, 0x3011, 0x2026,
        ',', '.', ';', ':', '?', '!', ')', ']'};
    for (size_t i = 0; i < sizeof closing / sizeof *closing; i++)
        if (uc == closing[i])
            return true;
    return false;
}

/* Move a forced cut of s[0..fit) back by one character when it would leave
   an opening mark at the line end or a closing mark at the next line
   start, as long as the line keeps at least one character. */
static size_t adjust_forced_cut(const char *s, size_t n, size_t fit)
{
    if (fit == 0 || fit >= n)
        return fit;
    const uint8_t *u = (const uint8_t *)s;
    ucs4_t next, last;
    u8_mbtouc(&next, u + fit, n - fit);
    const uint8_t *prev = u8_prev(&last, u + fit, u);
    if (!prev || prev == u)
        return fit;
    if (is_opening(last) || is_closing(next))
        return (size_t)(prev - u);
    return fit;
}

/* Emit s[start, end) as lines no wider than width: normally one line, but
   a run with no break opportunity that is wider than the line is cut at
   character boundaries (libunistring lets such a run overflow). */
static void emit_piece(const char *s, size_t start, size_t end, int width,
                       wrap_line **v, size_t *count, size_t *cap)
{
    do {
        int used;
        size_t fit = text_fit(s + start, end - start, width, &used);
        if (fit < end - start)
            fit = adjust_forced_cut(s + start, end - start, fit);
        if (fit == 0 && end > start)
            fit = (size_t)u8_mblen((const uint8_t *)s + start, end - start);
        size_t trimmed;
        int w = width_without_trailing_spaces(s + start, fit, &trimmed);
        push_line(v, count, cap, start, trimmed, w);
        start += fit;
        while (start < end && s[start] == ' ')
            start++;
    } while (start < end);
}

/* Wrap one paragraph (no newlines), bytes [base, base+n) of s, at the
   break points that u8_width_linebreaks chooses. */
static void wrap_paragraph(const char *s, size_t base, size_t n, int width,
                           wrap_line **v, size_t *count, size_t *cap)
{
    if (n == 0) {
        push_line(v, count, cap, base, 0, 0);
        return;
    }
    char *brk = xmalloc(n);
    u8_width_linebreaks((const uint8_t *)s + base, n, width, 0, 0, NULL,
                        width_encoding(), brk);
    size_t line_start = 0;
    for (size_t i = 1; i <= n; i++) {
        if (i < n && brk[i] != UC_BREAK_POSSIBLE &&
            brk[i] != UC_BREAK_MANDATORY)
            continue;
        emit_piece(s, base + line_start, base + i, width, v, count, cap);
        line_start = i;
    }
    free(brk);
}

size_t text_wrap(const char *s, size_t n, int width, wrap_line **lines)
{
    if (width < 1)
        width = 1;
    wrap_line *v = NULL;
    size_t count = 0, cap = 0;
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == '\n') {
            wrap_paragraph(s, start, i - start, width, &v, &count, &cap);
            start = i + 1;
        }
    }
    *lines = v;
    return count;
}
