/* draw.h - drawing text into curses windows by display columns.
 *
 * Text is measured and cut with core/textwidth.h, never by bytes, so a
 * wide character is never split and never straddles a pane border.
 * Control characters are never written to the terminal.
 */
#ifndef DUBAO_DRAW_H
#define DUBAO_DRAW_H

#include <curses.h>
#include <stddef.h>

#include "options.h"

/* Draw n bytes of s at (y, x), at most cols columns, ending with "…" when
   cut; returns the columns used.  Nothing is drawn past cols. */
int draw_text(WINDOW *w, int y, int x, const char *s, size_t n, int cols);

/* Redraw bytes [from, to) of a line that shows s[0..n) from column 0,
   with attr, at the columns where they are (so highlights land on the
   right columns in CJK text); nothing is drawn past cols. */
void draw_overlay(WINDOW *w, int y, const char *s, size_t n, size_t from,
                  size_t to, int cols, attr_t attr);

/* Fill from (y, x) with spaces for cols columns. */
void draw_blank(WINDOW *w, int y, int x, int cols);

/* Colour pairs and attributes, set up once by draw_init(). */
enum {
    STYLE_NORMAL,
    STYLE_TITLE,         /* pane title, unfocused */
    STYLE_TITLE_FOCUS,   /* pane title, focused */
    STYLE_CURSOR,        /* selected line */
    STYLE_HEADLINE,
    STYLE_SUBHEAD,
    STYLE_SPEAKER,
    STYLE_BYLINE,
    STYLE_DIM,
    STYLE_STATUS,
    STYLE_QUOTE,         /* a quote in the reader */
    STYLE_MATCH,         /* a search match */
    STYLE_MARK,          /* a marked quote */
    STYLE_COUNT
};

/* Set up the styles from the config's colours and attributes: colours
   only when the terminal has them, the config allows them and NO_COLOR is
   not set; attributes always (so monochrome terminals work). */
void draw_init(const options *o);
attr_t style_attr(int style);

#endif
