/* printable.c - the printable form of names (see printable.h). */
#include "printable.h"

#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

bool char_is_invisible_control(unsigned int uc)
{
    if (uc < 0x20 || (uc >= 0x7F && uc <= 0x9F))
        return true;
    /* No format character lies between U+2070 and U+FEFE: the bulk of
       Chinese text is decided without a table lookup. */
    if (uc < 0xAD || (uc >= 0x2070 && uc < 0xFEFF))
        return false;
    /* The whole tag block counts, its unassigned code points too: a
       terminal draws none of them. */
    return uc == 0x2028 || uc == 0x2029 || (uc >= 0xE0000 && uc <= 0xE007F) ||
           uc_is_general_category(uc, UC_CATEGORY_Cf);
}

void printable_byte(strbuf *out, unsigned char byte)
{
    static const char hex[] = "0123456789abcdef";
    char esc[4] = {'\\', 'x', hex[byte >> 4], hex[byte & 15]};
    sb_append(out, esc, sizeof esc);
}

/* Append the \u or \U escape of a code point. */
static void escape_code_point(strbuf *out, ucs4_t uc)
{
    if (uc <= 0xFFFF)
        sb_printf(out, "\\u%04x", (unsigned)uc);
    else
        sb_printf(out, "\\U%08x", (unsigned)uc);
}

/* Does the byte at p start a character printed as it is?  A name escapes
   its backslashes and newlines; text keeps both. */
static bool kept_as_is(const uint8_t *p, int len, ucs4_t uc, bool name)
{
    if (len <= 0)
        return false;
    if (*p == '\\' || *p == '\n')
        return !name;
    return !char_is_invisible_control(uc);
}

/* Append the printable form of s (a name, or text: see kept_as_is).
   Runs of characters that need no escape are copied in one piece.
   u8_mbtoucr tells a valid character from a byte that starts no valid
   sequence (it returns a negative length for those). */
static void append_form(strbuf *out, const char *s, size_t n, bool name)
{
    const uint8_t *p = (const uint8_t *)s, *end = p + n, *run = p;
    while (p < end) {
        if (*p >= 0x20 && *p < 0x7F && *p != '\\') {
            p++;
            continue;
        }
        ucs4_t uc;
        int len = u8_mbtoucr(&uc, p, (size_t)(end - p));
        if (kept_as_is(p, len, uc, name)) {
            p += len;
            continue;
        }
        sb_append(out, (const char *)run, (size_t)(p - run));
        if (*p == '\\') {
            sb_puts(out, "\\\\");
        } else if (len > 0) {
            escape_code_point(out, uc);
        } else {
            printable_byte(out, *p);
            len = 1;
        }
        p += len;
        run = p;
    }
    sb_append(out, (const char *)run, (size_t)(p - run));
}

void printable_append(strbuf *out, const char *s, size_t n)
{
    append_form(out, s, n, true);
}

void printable_text_append(strbuf *out, const char *s, size_t n)
{
    append_form(out, s, n, false);
}

char *printable(const char *s)
{
    strbuf sb = {0};
    sb_puts(&sb, "");
    printable_append(&sb, s, strlen(s));
    return sb_take(&sb);
}
