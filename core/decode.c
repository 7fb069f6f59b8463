/* decode.c - file bytes -> valid UTF-8 (first cut: UTF-8 only). */
#include "decode.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

decode_status text_decode(const char *bytes, size_t n, decoded_text *out,
                          strbuf *msg)
{
    memset(out, 0, sizeof *out);
    if (n >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
        bytes += 3;
        n -= 3;
    }
    if (n == 0) {
        sb_puts(msg, "empty file.");
        return DECODE_EMPTY;
    }
    if (memchr(bytes, '\0', n)) {
        sb_puts(msg, "binary file (contains NUL bytes), skipped.");
        return DECODE_BINARY;
    }
    if (u8_check((const uint8_t *)bytes, n) != NULL) {
        sb_puts(msg, "not valid UTF-8.");
        return DECODE_BAD_ENCODING;
    }
    out->text = xstrndup(bytes, n);
    out->len = n;
    out->encoding = "UTF-8";
    return DECODE_OK;
}
