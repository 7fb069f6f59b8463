/* text.h - the text toolkit the parsing stages share.
 *
 * UTF-8 helpers, code-point arrays, character classes, punctuation
 * folding and Chinese numerals, each defined once.  Where two stages need
 * different sets of characters the difference has a name of its own
 * (is_sentence_end, is_clause_end, is_full_stop …) instead of a second
 * definition.  Characters are written as characters (U'，'), not as code
 * points; the few invisible ones have named constants.
 *
 * Word lists are not here: they live in assets/lexicon/ (lexicon.h).
 */
#ifndef DUBAO_TEXT_H
#define DUBAO_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Characters that cannot be written visibly in source. */
#define IDEOGRAPHIC_SPACE 0x3000u /* the full-width space of CJK text */
#define NO_BREAK_SPACE 0x00A0u

/* A letter-spaced display headline (开 启 首 都 …) has at least this many
   single characters between spaces: fewer is a list of short words. */
#define LETTER_SPACED_MIN_CHARS 4

/* ---- UTF-8 ------------------------------------------------------------- */

/* Decode the character at s (n bytes available); returns its byte length
   (at least 1, so callers always advance) and stores it in *uc. */
size_t utf8_char(const char *s, size_t n, uint32_t *uc);

/* Byte length of the character that ends at s + n (0 when n == 0). */
size_t utf8_prev_len(const char *s, size_t n);

/* Byte length of the first count characters of s (or fewer if n ends). */
size_t utf8_chars_len(const char *s, size_t n, size_t count);

/* Number of characters in s[0..n). */
size_t utf8_count(const char *s, size_t n);

/* Does s[0..n) begin with the UTF-8 string w? */
bool starts_with(const char *s, size_t n, const char *w);

/* Does s[0..n) end with the UTF-8 string w? */
bool ends_with(const char *s, size_t n, const char *w);

/* ---- code-point arrays ------------------------------------------------- */

/* Decode UTF-8 into a fresh array of code points; *n gets the count. */
uint32_t *u32_from_utf8(const char *s, size_t *n);

/* Encode n code points as a fresh UTF-8 string. */
char *u32_to_utf8(const uint32_t *u, size_t n);

/* Does u[from..n) start with the UTF-8 literal lit?  Returns its length
   in code points, or 0. */
size_t u32_match(const uint32_t *u, size_t n, size_t from, const char *lit);

/* Index of the first occurrence of lit in u[from..n), or n. */
size_t u32_find(const uint32_t *u, size_t n, size_t from, const char *lit);

/* Does u[0..n) hold c, and how many times? */
bool u32_has(const uint32_t *u, size_t n, uint32_t c);
size_t u32_count(const uint32_t *u, size_t n, uint32_t c);

/* Does u[0..n) hold 。！or ？, the marks of a Chinese sentence (an
   ellipsis or an ASCII ! may stand in a heading)? */
bool u32_has_sentence_mark(const uint32_t *u, size_t n);

/* The characters of u[0..n) that are not spaces. */
size_t u32_visible(const uint32_t *u, size_t n);

/* Index of the last opening parenthesis （ or ( before u[close], or n if
   there is none. */
size_t u32_open_paren_before(const uint32_t *u, size_t n, size_t close);

/* Length of the run of digits at u[i..n). */
size_t u32_digits_at(const uint32_t *u, size_t n, size_t i);

/* Does u[0..n) end a statement, as page layout sees it: a sentence end, a
   full stop or a semicolon, possibly inside closing marks (…。” / …；)?
   A heading never ends so; a paragraph that does is finished. */
bool u32_ends_statement(const uint32_t *u, size_t n);

/* ---- character classes ------------------------------------------------- */

/* A CJK ideograph (Han character). */
bool is_han(uint32_t c);

/* A space print layout uses: ASCII space, tab, the ideographic space,
   the no-break space. */
bool is_space(uint32_t c);

/* An ASCII or full-width digit, and its value. */
bool is_digit(uint32_t c);
int digit_value(uint32_t c);

/* An ASCII or full-width Latin letter. */
bool is_latin(uint32_t c);

/* CJK punctuation and the quotes and dashes Chinese text uses. */
bool is_cjk_punct(uint32_t c);

/* Punctuation that ends a sentence for certain: 。！？… ! ? (not the
   full stop '.', which is also a decimal point: see is_full_stop). */
bool is_sentence_end(uint32_t c);

/* '.' and its full-width form: a sentence end in Latin text, a decimal
   point or an abbreviation otherwise. */
bool is_full_stop(uint32_t c);

/* ，and , */
bool is_comma(uint32_t c);

/* ；and ; */
bool is_semicolon(uint32_t c);

/* ：and : */
bool is_colon(uint32_t c);

/* The enumeration comma 、 that separates list items. */
bool is_list_comma(uint32_t c);

/* Punctuation that ends a clause: a sentence end, a comma, a semicolon,
   a colon, or a line break (paragraphs are joined by newlines). */
bool is_clause_end(uint32_t c);

/* A quotation mark that opens quoted words: “ 「. */
bool is_quote_open(uint32_t c);

/* A quotation mark that closes quoted words: ” ’ 」 』. */
bool is_quote_close(uint32_t c);

/* Opening brackets and quotation marks: “ ‘ （ 《 【 「 『 ( 〈 〔 [. */
bool is_opener(uint32_t c);

/* Closing brackets and quotation marks: ” ’ 」 』 ） ) 》 〉 】 ] 〕 ］.
   The straight quotes " and ' both open and close, so they are in
   neither set. */
bool is_closer(uint32_t c);

/* The straight quotation marks " and '. */
bool is_straight_quote(uint32_t c);

/* A dash: — (used doubled as ——) or ―. */
bool is_dash(uint32_t c);

/* Symbols that start a line of a particular kind, and what they mean. */
typedef enum {
    MARKER_NONE = 0,
    MARKER_SOLID,    /* ■ ◆ ●: a summary or kicker line */
    MARKER_HOLLOW,   /* □ ◎: a byline, a list of names */
    MARKER_TRIANGLE, /* ▲: a photo caption */
    MARKER_OTHER     /* ◇ ○ △ ★ ☆ · • ※ 【 ・ ▶: some other list or label */
} marker_kind;

marker_kind marker_of(uint32_t c);

/* ---- numerals ---------------------------------------------------------- */

/* The value of a Chinese numeral 一 … 十 (1 … 10), or 0. */
int cn_numeral_value(uint32_t c);

/* ---- punctuation folding ----------------------------------------------- */

/* The full-width form of an ASCII , : ; ? ! ( ), or 0. */
uint32_t fullwidth_of(uint32_t c);

/* Fold ASCII , : ; ? ! ( ) in u[0..n) to full width when the nearest
   non-space character on either side is Chinese text (北京:聚焦 ->
   北京：聚焦).  One code point maps to one, so indices keep their
   meaning. */
void fold_punct(uint32_t *u, size_t n);

/* The same on a UTF-8 string; heap result. */
char *text_fold_punct(const char *s);

#endif
