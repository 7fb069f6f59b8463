/* strbuf.c - growable strings, string lists and checked allocation. */
#include "strbuf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Report out-of-memory and stop: no caller can recover meaningfully. */
static void out_of_memory(size_t n)
{
    fprintf(stderr, "dubao: out of memory (%zu bytes)\n", n);
    abort();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory(n);
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        out_of_memory(n * size);
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        out_of_memory(n);
    return q;
}

char *xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

/* Double the capacity until need items fit; returns the (moved) array. */
void *grow_array(void *v, size_t *cap, size_t need, size_t elem_size)
{
    if (need <= *cap)
        return v;
    size_t c = *cap ? *cap : 8;
    while (c < need)
        c *= 2;
    *cap = c;
    return xrealloc(v, c * elem_size);
}

/* Make room for n more bytes plus the terminating NUL. */
static void sb_reserve(strbuf *sb, size_t n)
{
    if (sb->len + n + 1 > sb->cap)
        sb->s = grow_array(sb->s, &sb->cap, sb->len + n + 1, 1);
}

void sb_append(strbuf *sb, const char *s, size_t n)
{
    sb_reserve(sb, n);
    memcpy(sb->s + sb->len, s, n);
    sb->len += n;
    sb->s[sb->len] = '\0';
}

void sb_puts(strbuf *sb, const char *s)
{
    sb_append(sb, s, strlen(s));
}

void sb_putc(strbuf *sb, char c)
{
    sb_append(sb, &c, 1);
}

void sb_printf(strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    sb_reserve(sb, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(sb->s + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
}

void sb_clear(strbuf *sb)
{
    sb->len = 0;
    if (sb->s)
        sb->s[0] = '\0';
}

char *sb_take(strbuf *sb)
{
    char *s = sb->s ? sb->s : xstrdup("");
    sb->s = NULL;
    sb->len = sb->cap = 0;
    return s;
}

void sb_free(strbuf *sb)
{
    free(sb->s);
    sb->s = NULL;
    sb->len = sb->cap = 0;
}

void strlist_push_owned(strlist *l, char *s)
{
    l->v = grow_array(l->v, &l->cap, l->n + 1, sizeof *l->v);
    l->v[l->n++] = s;
}

void strlist_push(strlist *l, const char *s)
{
    strlist_push_owned(l, xstrdup(s));
}

void strlist_free(strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

uint64_t fnv1a64(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 1099511628211ULL;
    }
    return h;
}

char *read_whole_file(const char *path, size_t max, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    strbuf sb = {0};
    char buf[1 << 16];
    size_t n;
    while ((max == 0 || sb.len <= max) &&
           (n = fread(buf, 1, sizeof buf, f)) > 0)
        sb_append(&sb, buf, n);
    int err = ferror(f) ? (errno ? errno : EIO) : 0;
    fclose(f);
    if (err) {
        sb_free(&sb);
        errno = err;
        return NULL;
    }
    if (max && sb.len > max + 1)
        sb.len = max + 1; /* the rest was read in the same chunk */
    if (len)
        *len = sb.len;
    return sb_take(&sb);
}
