/* normalize.c - canonical, terminal-safe text (first cut: line ends and
 * C0 controls only). */
#include "normalize.h"

#include <string.h>

#include "strbuf.h"

char *text_normalize(const char *s, size_t n, size_t *outlen)
{
    strbuf sb = {0};
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\r') {
            sb_putc(&sb, '\n');
            if (i + 1 < n && s[i + 1] == '\n')
                i++;
        } else if (c == '\n' || c >= 0x20) {
            if (c != 0x7f)
                sb_putc(&sb, (char)c);
        }
    }
    if (outlen)
        *outlen = sb.len;
    return sb_take(&sb);
}

char *byline_collapse_name_spaces(const char *s)
{
    return xstrdup(s);
}
