/* strbuf.h - growable byte strings and string lists used by every stage. */
#ifndef DUBAO_STRBUF_H
#define DUBAO_STRBUF_H

#include <stddef.h>
#include <stdint.h>

/* A growable NUL-terminated byte string. s is NULL until first append. */
typedef struct {
    char *s;
    size_t len;
    size_t cap;
} strbuf;

void sb_append(strbuf *sb, const char *s, size_t n);
void sb_puts(strbuf *sb, const char *s);
void sb_putc(strbuf *sb, char c);
void sb_printf(strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void sb_clear(strbuf *sb);
/* Return the buffer as a heap string ("" when empty) and reset sb. */
char *sb_take(strbuf *sb);
void sb_free(strbuf *sb);

/* A growable list of owned heap strings. */
typedef struct {
    char **v;
    size_t n;
    size_t cap;
} strlist;

void strlist_push(strlist *l, const char *s);
void strlist_push_owned(strlist *l, char *s);
void strlist_free(strlist *l);

/* Allocation that aborts with a message instead of returning NULL:
   the program cannot do anything useful after running out of memory. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Read a file into a NUL-terminated heap buffer, at most max bytes (0: no
   limit; a file longer than max yields max + 1 bytes so that the caller
   can tell).  NULL with errno set when it cannot be opened or read. */
char *read_whole_file(const char *path, size_t max, size_t *len);

/* 64-bit FNV-1a of n bytes, continuing from h (start with
   FNV1A64_START): cheap change detection, not a cryptographic hash. */
#define FNV1A64_START 14695981039346656037ULL
uint64_t fnv1a64(uint64_t h, const void *p, size_t n);

/* Grow an array of elem_size-sized items so that it can hold need items. */
void *grow_array(void *v, size_t *cap, size_t need, size_t elem_size);

#endif
