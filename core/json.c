/* json.c - JSON and CSV encoding of strings. */
#include "json.h"

#include <string.h>
#include <unistr.h>

#include "printable.h"

/* Append the JSON escape of one character that is never written as it
   is (printable.h): \u00XX, or a surrogate pair above U+FFFF. */
static void json_escape_char(strbuf *sb, ucs4_t uc)
{
    switch (uc) {
    case '\n': sb_puts(sb, "\\n"); return;
    case '\t': sb_puts(sb, "\\t"); return;
    case '\r': sb_puts(sb, "\\r"); return;
    }
    if (uc > 0xFFFF) {
        uc -= 0x10000;
        sb_printf(sb, "\\u%04x\\u%04x", 0xD800 + (unsigned)(uc >> 10),
                  0xDC00 + (unsigned)(uc & 0x3FF));
    } else {
        sb_printf(sb, "\\u%04x", (unsigned)uc);
    }
}

/* Append s as a JSON string, or null when s is NULL.  The result is
   always valid UTF-8 that is safe to print: quotes and backslashes are
   escaped as JSON requires, every control and format character (C0, DEL,
   C1, bidi controls, tag characters: printable.h) as \uXXXX, and a byte
   that is not UTF-8 as the four characters \xHH (JSON "\\xHH"), the form
   that names take everywhere.  Runs of ordinary characters are copied in
   one piece. */
static void json_string(strbuf *sb, const char *s)
{
    if (!s) {
        sb_puts(sb, "null");
        return;
    }
    sb_putc(sb, '"');
    const uint8_t *run = (const uint8_t *)s, *p = run, *end = p + strlen(s);
    while (p < end) {
        if (*p >= 0x20 && *p < 0x7F && *p != '"' && *p != '\\') {
            p++;
            continue;
        }
        ucs4_t uc;
        int len = u8_mbtoucr(&uc, p, (size_t)(end - p));
        if (len > 1 && !char_is_invisible_control(uc)) {
            p += len;
            continue;
        }
        sb_append(sb, (const char *)run, (size_t)(p - run));
        if (*p == '"' || *p == '\\') {
            sb_putc(sb, '\\');
            sb_putc(sb, (char)*p);
        } else if (len > 0) {
            json_escape_char(sb, uc);
        } else {
            sb_putc(sb, '\\');
            printable_byte(sb, *p);
            len = 1;
        }
        p += len;
        run = p;
    }
    sb_append(sb, (const char *)run, (size_t)(p - run));
    sb_putc(sb, '"');
}

/* Append ,"key": (or "key": when first). */
static void json_key(strbuf *sb, const char *key, bool first)
{
    if (!first)
        sb_putc(sb, ',');
    json_string(sb, key);
    sb_putc(sb, ':');
}

void json_field_string(strbuf *sb, const char *key, const char *value,
                       bool first)
{
    json_key(sb, key, first);
    json_string(sb, value);
}

void json_field_int(strbuf *sb, const char *key, long long value)
{
    json_key(sb, key, false);
    sb_printf(sb, "%lld", value);
}

void json_field_bool(strbuf *sb, const char *key, bool value)
{
    json_key(sb, key, false);
    sb_puts(sb, value ? "true" : "false");
}

void json_field_strlist(strbuf *sb, const char *key, const strlist *l)
{
    json_key(sb, key, false);
    sb_putc(sb, '[');
    for (size_t i = 0; i < l->n; i++) {
        if (i)
            sb_putc(sb, ',');
        json_string(sb, l->v[i]);
    }
    sb_putc(sb, ']');
}

void csv_field(strbuf *sb, const char *s, bool first)
{
    if (!first)
        sb_putc(sb, ',');
    if (!s)
        return;
    strbuf safe = {0};
    sb_puts(&safe, "");
    printable_text_append(&safe, s, strlen(s));
    const char *v = safe.s;
    bool formula = strchr("=+-@", v[0]) != NULL && v[0] != '\0';
    bool quote = formula || strpbrk(v, ",\"\n\r") != NULL;
    if (!quote) {
        sb_append(sb, v, safe.len);
        sb_free(&safe);
        return;
    }
    sb_putc(sb, '"');
    if (formula)
        sb_putc(sb, '\'');
    for (const char *p = v; *p; p++) {
        if (*p == '"')
            sb_putc(sb, '"');
        sb_putc(sb, *p);
    }
    sb_putc(sb, '"');
    sb_free(&safe);
}
