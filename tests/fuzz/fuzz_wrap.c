/* fuzz_wrap.c - libFuzzer target for the line wrapper, text_wrap(), and
 * text_fit() of core/textwidth.h.
 *
 * Byte 0 of the input is the wrap width as a signed number (-128..127, so
 * that widths below 1 are tried too); bit 0 of byte 1 turns on East Asian
 * ambiguous-wide mode and bit 1 normalises the text first (as the reader
 * does; without it control characters reach the wrapper).  The rest is
 * decoded to UTF-8.  The invariants asserted for every result:
 *
 *   - there is at least one line;
 *   - each line is bytes [start, start+len) of the input, inside it, on
 *     character boundaries, without a newline;
 *   - its width is text_width() of those bytes and at most the wrap width
 *     (at most 2 when the width is below 2: a lone wide character);
 *   - the lines are in order and do not overlap, and together they cover
 *     the input: what lies between two lines, before the first and after
 *     the last, is only spaces and newlines, and the number of newlines
 *     there is one less than the number of paragraphs.
 *
 * text_fit() is checked at the same width: it stops on a character
 * boundary and the columns it reports are text_width() of what fits and
 * no more than asked for.
 */
#include "fuzz_common.h"
#include "textwidth.h"

/* Check that s[from, to) holds only spaces and newlines; returns the
   number of newlines. */
static size_t check_gap(const char *s, size_t from, size_t to, size_t line)
{
    size_t newlines = 0;
    for (size_t i = from; i < to; i++) {
        if (s[i] == '\n')
            newlines++;
        else if (s[i] != ' ')
            fuzz_fail("byte %zu (0x%02x) before line %zu is in no line", i,
                      (unsigned char)s[i], line);
    }
    return newlines;
}

/* All the invariants of one text_wrap result. */
static void check_wrap(const char *s, size_t n, int width,
                       const wrap_line *v, size_t count)
{
    if (count == 0 || !v)
        fuzz_fail("text_wrap returned no lines");
    int limit = width < 2 ? 2 : width;
    size_t pos = 0, newlines = 0, input_newlines = 0;
    for (size_t i = 0; i < n; i++)
        input_newlines += s[i] == '\n';
    for (size_t i = 0; i < count; i++) {
        const wrap_line *l = &v[i];
        if (l->start < pos || l->start > n || l->len > n - l->start)
            fuzz_fail("line %zu is [%zu, +%zu) after %zu of %zu", i,
                      l->start, l->len, pos, n);
        if (u8_check((const uint8_t *)s + l->start, l->len) != NULL)
            fuzz_fail("line %zu cuts a character", i);
        if (memchr(s + l->start, '\n', l->len))
            fuzz_fail("line %zu contains a newline", i);
        int w = text_width(s + l->start, l->len);
        if (w != l->width)
            fuzz_fail("line %zu says width %d, measures %d", i, l->width, w);
        if (l->width > limit)
            fuzz_fail("line %zu is %d columns wide, width %d", i, l->width,
                      width);
        newlines += check_gap(s, pos, l->start, i);
        pos = l->start + l->len;
    }
    newlines += check_gap(s, pos, n, count);
    if (newlines != input_newlines)
        fuzz_fail("lines skip %zu newlines of %zu", newlines, input_newlines);
}

/* text_fit at cols on s. */
static void check_fit(const char *s, size_t n, int cols)
{
    int used = -1;
    size_t fit = text_fit(s, n, cols, &used);
    if (fit > n || u8_check((const uint8_t *)s, fit) != NULL)
        fuzz_fail("text_fit(%d) stops at byte %zu of %zu", cols, fit, n);
    if (used != text_width(s, fit) || (used > cols && used > 0))
        fuzz_fail("text_fit(%d) reports %d columns for %d", cols, used,
                  text_width(s, fit));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    int width = (int8_t)data[0];
    bool ambiguous_wide = data[1] & 1, normalize = data[1] & 2;
    size_t n;
    char *text = fuzz_decode(data + 2, size - 2, &n);
    if (!text)
        return 0;
    if (normalize) {
        char *clean = text_normalize(text, n, &n);
        free(text);
        text = clean;
    }
    text_set_ambiguous_wide(ambiguous_wide);
    wrap_line *lines = NULL;
    size_t count = text_wrap(text, n, width, &lines);
    check_wrap(text, n, width < 1 ? 1 : width, lines, count);
    free(lines);
    check_fit(text, n, width);
    text_set_ambiguous_wide(false);
    free(text);
    return 0;
}
