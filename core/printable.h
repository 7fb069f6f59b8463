/* printable.h - bytes that come from outside as names (file names, paths)
 * made safe to print anywhere: a terminal, JSON, CSV, the status line.
 *
 * A file name is any sequence of bytes but NUL and '/': it may hold escape
 * sequences, C1 controls, bidi overrides (U+202E turns the rest of a line
 * around), tag characters or bytes that are not UTF-8 at all.  dubao never
 * prints such a name as it is.  It prints the name's printable form:
 *
 *   - a byte that is not part of valid UTF-8 becomes \xHH (two lowercase
 *     hex digits);
 *   - a control character (C0, DEL, C1), a format character (general
 *     category Cf: bidi controls, zero-width characters, tag characters,
 *     the BOM) or a line or paragraph separator becomes \uHHHH, or
 *     \UHHHHHHHH above U+FFFF;
 *   - a backslash becomes \\, so that the form is unambiguous;
 *   - every other character is kept.
 *
 * The result is valid UTF-8 with no character that a terminal acts on or
 * that changes how the text around it reads.  Ordinary names (中文 名字.txt)
 * are unchanged.
 */
#ifndef DUBAO_PRINTABLE_H
#define DUBAO_PRINTABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/* Is the code point one that must never be printed as it is: a control
   character (C0, DEL, C1), a format character (Cf) or U+2028/U+2029?
   Text normalisation removes these from page text; the printable form of
   a name escapes them. */
bool char_is_invisible_control(unsigned int uc);

/* Append the printable form of n bytes to out. */
void printable_append(strbuf *out, const char *s, size_t n);

/* The same for text that was normalised when it was stored (headlines,
   quotes): newlines and backslashes are kept, anything else that is not
   printable is escaped as above.  The output commands pass every field
   through this, so that a database written by an older version, or
   changed by hand, cannot reach the terminal either. */
void printable_text_append(strbuf *out, const char *s, size_t n);

/* The printable form of a NUL-terminated string (heap). */
char *printable(const char *s);

/* Append the \xHH escape of one byte that is not UTF-8 (the same form
   printable_append gives it; JSON output uses it too). */
void printable_byte(strbuf *out, unsigned char byte);

#endif
