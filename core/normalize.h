/* normalize.h - stage 2: make decoded text safe and canonical.
 *
 * CRLF and CR line ends become LF; the text is put in NFC; control
 * characters, ANSI/OSC escape sequences, C1 controls, DEL and every format
 * character (soft hyphen, zero-width and bidi controls, tag characters)
 * are removed (they must never reach a terminal); tabs become spaces.
 * Fullwidth punctuation is kept as printed.
 */
#ifndef DUBAO_NORMALIZE_H
#define DUBAO_NORMALIZE_H

#include <stddef.h>

/* Return a new heap string; *outlen (if not NULL) receives its length. */
char *text_normalize(const char *s, size_t n, size_t *outlen);

/* Remove the justification spaces that print layout puts inside short CJK
   names (贺 勇 -> 贺勇) in a byline.  Only call it on byline text. */
char *byline_collapse_name_spaces(const char *s);

#endif
