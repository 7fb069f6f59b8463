/* json.c - JSON and CSV encoding of strings. */
#include "json.h"

#include <string.h>

/* Append s as a JSON string, or null when s is NULL.  UTF-8 passes
   through; quotes, backslashes and control characters are escaped. */
static void json_string(strbuf *sb, const char *s)
{
    if (!s) {
        sb_puts(sb, "null");
        return;
    }
    sb_putc(sb, '"');
    const unsigned char *run = (const unsigned char *)s, *p = run;
    for (; *p; p++) {
        if (*p >= 0x20 && *p != 0x7f && *p != '"' && *p != '\\')
            continue; /* part of a run copied as it is */
        sb_append(sb, (const char *)run, (size_t)(p - run));
        run = p + 1;
        switch (*p) {
        case '"': sb_puts(sb, "\\\""); break;
        case '\\': sb_puts(sb, "\\\\"); break;
        case '\n': sb_puts(sb, "\\n"); break;
        case '\t': sb_puts(sb, "\\t"); break;
        case '\r': sb_puts(sb, "\\r"); break;
        default: sb_printf(sb, "\\u%04x", *p);
        }
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
    bool formula = strchr("=+-@", s[0]) != NULL && s[0] != '\0';
    bool quote = formula || strpbrk(s, ",\"\n\r") != NULL;
    if (!quote) {
        sb_puts(sb, s);
        return;
    }
    sb_putc(sb, '"');
    if (formula)
        sb_putc(sb, '\'');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            sb_putc(sb, '"');
        sb_putc(sb, *p);
    }
    sb_putc(sb, '"');
}
