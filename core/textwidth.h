/* textwidth.h - display widths, truncation and line wrapping.
 *
 * Every width in dubao comes from here, and every function here asks
 * libunistring, with "UTF-8" as the encoding so that the answers agree
 * with glibc wcwidth (which ncurses and terminals use).  Optionally East
 * Asian ambiguous-width characters (“” … ※ ─) count as wide.
 */
#ifndef DUBAO_TEXTWIDTH_H
#define DUBAO_TEXTWIDTH_H

#include <stdbool.h>
#include <stddef.h>

/* Treat East Asian ambiguous-width characters as two columns. */
void text_set_ambiguous_wide(bool wide);

/* Display columns of one code point (0 for non-printing). */
int text_char_width(unsigned int uc);

/* Display columns of n bytes of UTF-8. */
int text_width(const char *s, size_t n);

/* How many bytes of s (n bytes) fit in cols columns without splitting a
   character; *used receives the columns they take. */
size_t text_fit(const char *s, size_t n, int cols, int *used);

/* One wrapped line: bytes [start, start+len) of the input, width columns. */
typedef struct {
    size_t start;
    size_t len;
    int width;
} wrap_line;

/* Wrap n bytes of UTF-8 at width columns using UAX #14 line breaking
   (u8_width_linebreaks).  A run with no break opportunity that is wider
   than the line is broken at a character boundary.  Newlines force
   breaks.  Trailing spaces are not counted.  Lines never exceed width,
   except that a lone wide character is returned on its own line when
   width is 1 (the drawing code clips it).  Returns the number of lines
   and a heap array in *lines (free it).  width < 1 is treated as 1. */
size_t text_wrap(const char *s, size_t n, int width, wrap_line **lines);

#endif
