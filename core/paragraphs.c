/* paragraphs.c - split text into paragraphs (first cut: one per line). */
#include "paragraphs.h"

#include <stdlib.h>
#include <string.h>

/* Is s[0..n) only spaces (ASCII or U+3000)? */
static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ')
            continue;
        if (i + 2 < n + 0 && memcmp(s + i, "\xE3\x80\x80", 3) == 0) {
            i += 2;
            continue;
        }
        return 0;
    }
    return 1;
}

void paragraphs_split(const char *text, block_list *out)
{
    int line = 1;
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (!is_blank(p, n)) {
            char *t = xstrndup(p, n);
            block_list_push(out, t, BLOCK_BODY, line);
            free(t);
        }
        line++;
        p += n + (nl ? 1 : 0);
    }
}
