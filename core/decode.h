/* decode.h - stage 1: file bytes -> valid UTF-8 text.
 *
 * Accepts UTF-8 (with or without BOM), UTF-16 and UTF-32 with BOM, UTF-16
 * without BOM (ASCII-heavy or Chinese), GB18030/GBK and Big5 (detected
 * when the bytes are not valid UTF-8: detect.h).  A byte-order mark that
 * the bytes contradict is ignored with a warning.  Invalid UTF-8 that is
 * none of these is repaired with U+FFFD and reported with its byte offset
 * while valid sequences outweigh the damage.  Binary files (NUL bytes,
 * image signatures, control bytes) are refused.
 */
#ifndef DUBAO_DECODE_H
#define DUBAO_DECODE_H

#include <stddef.h>

#include "strbuf.h"

typedef enum {
    DECODE_OK = 0,       /* text is usable (maybe with warnings) */
    DECODE_EMPTY,        /* zero bytes, or only a BOM/whitespace */
    DECODE_BINARY,       /* not text: skipped */
    DECODE_BAD_ENCODING  /* text in an encoding we cannot convert */
} decode_status;

typedef struct {
    char *text;                  /* NUL-terminated valid UTF-8 (heap) */
    size_t len;                  /* bytes in text, without the NUL */
    const char *encoding;        /* "UTF-8", "UTF-16LE", "GB18030",
                                    "BIG5-HKSCS", ... */
    size_t invalid_count;        /* sequences replaced by U+FFFD */
    size_t first_invalid_offset; /* byte offset in the input of the first */
} decoded_text;

/* How many bytes at the start of a file text_sniff needs, at most. */
#define DECODE_SNIFF_BYTES 65536

/* Look at the first n bytes of a file of total bytes (n <= total) and say
   whether it is binary (DECODE_BINARY, with the reason in msg) or may be
   text (DECODE_OK): signatures, NUL bytes that are not UTF-16, control
   bytes.  It decides as text_decode would on the same start, so that a
   large binary file is refused without being read whole. */
decode_status text_sniff(const char *head, size_t n, size_t total,
                         strbuf *msg);

/* Decode n bytes.  On DECODE_OK out->text is set (free it with free());
   otherwise out->text is NULL.  Warnings and errors are appended to msg as
   complete sentences without the file name (the caller adds it). */
decode_status text_decode(const char *bytes, size_t n, decoded_text *out,
                          strbuf *msg);

/* The same, consuming buf (n + 1 bytes, NUL last, from malloc): clean
   UTF-8 becomes out->text in place, without a copy; otherwise buf is
   freed as soon as it is converted.  Reading a file straight into such a
   buffer keeps one copy of a large file in memory, not two. */
decode_status text_decode_buffer(char *buf, size_t n, decoded_text *out,
                                 strbuf *msg);

#endif
