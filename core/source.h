/* source.h - read one corpus file, with bounded memory.
 *
 * A corpus file is read only when it is still the file the walk found
 * (walk.h), only up to a size limit, and only after its first 64 KiB
 * showed that it may be text (text_sniff): a 1 GB file of zeros is
 * refused after 64 KiB, a 4 GB file is refused before a byte is read,
 * and a file that fits is read into one buffer of exactly its size, which
 * the parser then consumes (issue_parse_buffer).  Memory never runs out
 * here without a message: the allocation that could fail is checked.
 */
#ifndef DUBAO_SOURCE_H
#define DUBAO_SOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"
#include "walk.h"

/* The largest file indexed unless --max-file-size or DUBAO_MAX_FILE_SIZE
   says otherwise: far above any newspaper page, and low enough that the
   few copies that parsing a file needs fit in memory. */
#define SOURCE_DEFAULT_MAX_BYTES ((uint64_t)64 << 20)

/* What source_read did. */
typedef enum {
    READ_WHOLE,    /* *buf holds the file */
    READ_REFUSED,  /* not read whole: binary by its start, or larger than
                      the limit (why says which) */
    READ_FAILED    /* cannot be opened or read, or is no longer the file
                      the walk found (why says so) */
} read_result;

/* Read the file f into *buf (n + 1 bytes from malloc, NUL last; *len is
   n).  Otherwise *buf is NULL and why receives a sentence without the
   file name ("binary file (a PNG image), skipped."). */
read_result source_read(const walk_file *f, uint64_t max_bytes, char **buf,
                        size_t *len, strbuf *why);

/* Parse a size for --max-file-size: a number of bytes, with an optional
   K, M or G suffix (powers of 1024; "KB", "KiB" and the like are taken
   too).  Returns false when the text is not such a size or is 0. */
bool source_parse_size(const char *text, uint64_t *bytes);

#endif
