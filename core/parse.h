/* parse.h - the whole parsing pipeline for one file. */
#ifndef DUBAO_PARSE_H
#define DUBAO_PARSE_H

#include <stddef.h>

#include "model.h"

typedef enum {
    PARSE_OK = 0,
    PARSE_SKIPPED,   /* empty or binary: not an issue, message says why */
    PARSE_FAILED     /* unreadable or undecodable: message says why */
} parse_status;

/* Run every stage on the n bytes of buf, read from the file at path and
   known as file (its base name in printable form): sniff the format
   (sniff.h); read a Markdown, HTML or feed file with its reader
   (markup.h) or a plain-text page as text; then find speakers and quotes.
   buf (n + 1 bytes, NUL last, from malloc) is consumed and freed as soon
   as it is decoded (text_decode_buffer): a large file is not kept in
   memory twice.  is->file is file; the path gives a date and page where
   nothing in the file does (evidence.h).  Warnings go to is->warnings; on
   failure msg says why. */
parse_status issue_parse_path(const char *path, const char *file, char *buf,
                              size_t n, issue *is, strbuf *msg);

/* The same for a file known by its name only, consuming buf. */
parse_status issue_parse_buffer(const char *file, char *buf, size_t n,
                                issue *is, strbuf *msg);

/* The same on bytes that stay the caller's. */
parse_status issue_parse_bytes(const char *file, const char *bytes, size_t n,
                               issue *is, strbuf *msg);

#endif
