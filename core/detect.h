/* detect.h - cheap statistics that tell text encodings apart (stage 1's
 * helpers: decode.c converts, this file only looks).
 *
 * Each function is one linear pass (UTF-16 looks at the first 64 KiB
 * only) and knows nothing about words: it reads the byte structure of
 * the candidate encodings and which of their areas the characters fall
 * in.  Chinese text keeps to a few areas of each encoding (the common
 * hanzi and the punctuation rows), while the same bytes read in the wrong
 * encoding scatter over rare characters, other scripts and private use.
 */
#ifndef DUBAO_DETECT_H
#define DUBAO_DETECT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { UTF16_NONE = 0, UTF16_LE, UTF16_BE } utf16_order;

/* Is b[0..n) (the start of a text of total bytes) UTF-16 without a
   byte-order mark, and in which byte order?  Two kinds are recognised:
   text that is mostly ASCII (a NUL in the same half of most code units,
   almost none in the other), and Chinese text (almost every code unit a
   hanzi, CJK or fullwidth punctuation, or ASCII, in one byte order and
   not the other). */
utf16_order detect_utf16(const unsigned char *b, size_t n, size_t total);

/* Which double-byte Chinese encoding bytes that are not UTF-8 are in. */
typedef struct {
    const char *encoding; /* "GB18030" or "BIG5-HKSCS" (iconv names), or
                             NULL when neither fits */
    size_t units;         /* characters of two (or four) bytes */
    size_t broken;        /* bytes that start no valid character */
    size_t first_broken;  /* offset of the first of them */
    bool truncated;       /* the last character is cut short */
} dbcs_guess;

/* GB18030 (and so GBK and GB2312) or Big5.  Most simplified Chinese in
   GBK is pairs in the GB2312 rows (both bytes A1..FE); traditional
   Chinese in Big5 is pairs in Big5's punctuation and frequent-hanzi rows
   (A140..C67E), about half of them with an ASCII-range second byte.  The
   encoding whose common area holds clearly more of the pairs wins;
   either must have few broken bytes (one, or one in twenty characters). */
dbcs_guess detect_dbcs(const unsigned char *b, size_t n);

#endif
