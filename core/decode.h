/* decode.h - stage 1: file bytes -> valid UTF-8 text.
 *
 * Accepts UTF-8 (with or without BOM), UTF-16 with BOM and GB18030/GBK
 * (detected when the bytes are not valid UTF-8).  Invalid UTF-8 that is
 * not GB18030 either is repaired with U+FFFD and reported with its byte
 * offset.  Binary files (NUL bytes, image signatures) are refused.
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
    const char *encoding;        /* "UTF-8", "UTF-16LE", "GB18030", ... */
    size_t invalid_count;        /* sequences replaced by U+FFFD */
    size_t first_invalid_offset; /* byte offset in the input of the first */
} decoded_text;

/* Decode n bytes.  On DECODE_OK out->text is set (free it with free());
   otherwise out->text is NULL.  Warnings and errors are appended to msg as
   complete sentences without the file name (the caller adds it). */
decode_status text_decode(const char *bytes, size_t n, decoded_text *out,
                          strbuf *msg);

#endif
