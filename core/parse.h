/* parse.h - the whole parsing pipeline for one issue (one file). */
#ifndef DUBAO_PARSE_H
#define DUBAO_PARSE_H

#include <stddef.h>

#include "model.h"

typedef enum {
    PARSE_OK = 0,
    PARSE_SKIPPED,   /* empty or binary: not an issue, message says why */
    PARSE_FAILED     /* unreadable or undecodable: message says why */
} parse_status;

/* Run every stage on n bytes read from the file named file (a basename).
   Warnings go to is->warnings; on failure msg says why. */
parse_status issue_parse_bytes(const char *file, const char *bytes, size_t n,
                               issue *is, strbuf *msg);

/* The same, consuming buf (n + 1 bytes, NUL last, from malloc), which is
   freed as soon as it is decoded (text_decode_buffer): a large file is
   not kept in memory twice. */
parse_status issue_parse_buffer(const char *file, char *buf, size_t n,
                                issue *is, strbuf *msg);

#endif
