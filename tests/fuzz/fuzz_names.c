/* fuzz_names.c - libFuzzer target for file names and other bytes that
 * dubao prints: printable.h (the printable form of a name, and of stored
 * text), and the JSON and CSV writers (json.h) on raw bytes.
 *
 * Arbitrary bytes in, as a file name can hold them.  Checked: every form
 * is valid UTF-8 with no control or format character (but newline where
 * text keeps it); the printable form of a name decodes back to the exact
 * bytes (it is unambiguous); a JSON string is one valid JSON string whose
 * value is the bytes with each byte that is not UTF-8 spelled \xHH; a CSV
 * field is valid UTF-8 and quoted when it must be.
 */
#include "fuzz_common.h"

#include "json.h"
#include "printable.h"

/* Is s[0..n) valid UTF-8 with no character that is never printed as it
   is, but newlines when keep_newline? */
static void check_printable(const char *what, const char *s, size_t n,
                            bool keep_newline)
{
    fuzz_check_utf8(what, s, n);
    const uint8_t *p = (const uint8_t *)s, *end = p + n;
    while (p < end) {
        ucs4_t uc;
        int len = u8_mbtouc(&uc, p, (size_t)(end - p));
        if (char_is_invisible_control(uc) && !(keep_newline && uc == '\n'))
            fuzz_fail("%s holds U+%04X at byte %zu", what, (unsigned)uc,
                      (size_t)(p - (const uint8_t *)s));
        p += len;
    }
}

/* The value of a hex digit, or -1. */
static int hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Read n hex digits at p (all lowercase, as printable.h writes them). */
static long read_hex(const char *p, const char *end, int n)
{
    long v = 0;
    for (int i = 0; i < n; i++) {
        int d = p + i < end ? hex_value((unsigned char)p[i]) : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* Undo the printable form of a name: \\, \xHH, \uHHHH, \UHHHHHHHH. */
static void unescape_name(const char *s, size_t n, strbuf *out)
{
    const char *p = s, *end = s + n;
    while (p < end) {
        if (*p != '\\') {
            sb_putc(out, *p++);
            continue;
        }
        if (p + 1 >= end)
            fuzz_fail("printable form ends in a lone backslash");
        char kind = p[1];
        int digits = kind == 'x' ? 2 : kind == 'u' ? 4 : kind == 'U' ? 8 : 0;
        if (kind == '\\') {
            sb_putc(out, '\\');
            p += 2;
            continue;
        }
        long v = digits ? read_hex(p + 2, end, digits) : -1;
        if (v < 0)
            fuzz_fail("bad escape \\%c in a printable form", kind);
        if (kind == 'x') {
            sb_putc(out, (char)v);
        } else {
            uint8_t buf[6];
            int len = u8_uctomb(buf, (ucs4_t)v, (int)sizeof buf);
            if (len <= 0)
                fuzz_fail("escape of U+%lX, not a character", v);
            sb_append(out, (const char *)buf, (size_t)len);
        }
        p += 2 + digits;
    }
}

/* The printable form of the bytes: safe, and decodes back to them. */
static void check_name_form(const uint8_t *data, size_t size)
{
    strbuf form = {0}, back = {0};
    sb_puts(&form, "");
    printable_append(&form, (const char *)data, size);
    check_printable("printable form", form.s, form.len, false);
    sb_puts(&back, "");
    unescape_name(form.s, form.len, &back);
    if (back.len != size || memcmp(back.s, data, size) != 0)
        fuzz_fail("the printable form does not decode back to the name");
    /* Printing it again only doubles its backslashes. */
    strbuf twice = {0};
    sb_puts(&twice, "");
    printable_append(&twice, form.s, form.len);
    size_t backslashes = 0;
    for (size_t i = 0; i < form.len; i++)
        backslashes += form.s[i] == '\\';
    if (twice.len != form.len + backslashes)
        fuzz_fail("the printable form of a printable form changed more than "
                  "its backslashes");
    sb_free(&form);
    sb_free(&back);
    sb_free(&twice);
}

/* Parse the JSON string at s (after "k":) into out: the escapes JSON has,
   surrogate pairs joined.  Returns the position after the closing quote. */
static const char *parse_json_string(const char *s, strbuf *out)
{
    if (*s++ != '"')
        fuzz_fail("JSON value does not start with a quote");
    while (*s != '"') {
        unsigned char c = (unsigned char)*s;
        if (c == '\0' || c < 0x20)
            fuzz_fail("raw control byte 0x%02x in a JSON string", c);
        if (c != '\\') {
            sb_putc(out, (char)c);
            s++;
            continue;
        }
        char e = s[1];
        const char *simple = strchr("\"\\/bfnrt", e);
        if (e && simple) {
            static const char plain[] = "\"\\/\b\f\n\r\t";
            sb_putc(out, plain[simple - "\"\\/bfnrt"]);
            s += 2;
            continue;
        }
        long u = e == 'u' ? read_hex(s + 2, s + 6, 4) : -1;
        if (u < 0)
            fuzz_fail("bad JSON escape");
        s += 6;
        if (u >= 0xD800 && u <= 0xDBFF) {
            long lo = s[0] == '\\' && s[1] == 'u' ? read_hex(s + 2, s + 6, 4)
                                                   : -1;
            if (lo < 0xDC00 || lo > 0xDFFF)
                fuzz_fail("unpaired surrogate escape in JSON");
            u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
            s += 6;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            fuzz_fail("unpaired low surrogate escape in JSON");
        }
        uint8_t buf[6];
        int len = u8_uctomb(buf, (ucs4_t)u, (int)sizeof buf);
        sb_append(out, (const char *)buf, (size_t)len);
    }
    return s + 1;
}

/* The bytes with each byte that is not part of valid UTF-8 spelled \xHH:
   the value JSON must carry. */
static void expected_json_value(const uint8_t *data, size_t size, strbuf *out)
{
    const uint8_t *p = data, *end = data + size;
    while (p < end) {
        ucs4_t uc;
        int len = u8_mbtoucr(&uc, p, (size_t)(end - p));
        if (len > 0) {
            sb_append(out, (const char *)p, (size_t)len);
            p += len;
        } else {
            printable_byte(out, *p++);
        }
    }
}

/* JSON of the bytes: one valid string, valid UTF-8, safe to print, whose
   value is what expected_json_value says. */
static void check_json(const char *s)
{
    strbuf sb = {0}, value = {0}, want = {0};
    json_field_string(&sb, "k", s, true);
    check_printable("JSON", sb.s, sb.len, false);
    if (strncmp(sb.s, "\"k\":", 4) != 0)
        fuzz_fail("JSON field does not start with its key");
    sb_puts(&value, "");
    const char *after = parse_json_string(sb.s + 4, &value);
    if (*after != '\0')
        fuzz_fail("JSON field has bytes after its string");
    sb_puts(&want, "");
    expected_json_value((const uint8_t *)s, strlen(s), &want);
    if (value.len != want.len || memcmp(value.s, want.s, want.len) != 0)
        fuzz_fail("JSON string does not carry the bytes");
    sb_free(&sb);
    sb_free(&value);
    sb_free(&want);
}

/* A CSV field: safe to print (newlines kept inside quotes), quoted when
   it holds a comma, quote or newline, and a formula guarded. */
static void check_csv(const char *s)
{
    strbuf sb = {0};
    csv_field(&sb, s, true);
    if (sb.s)
        check_printable("CSV field", sb.s, sb.len, true);
    bool quoted = sb.s && sb.s[0] == '"';
    if (sb.s && !quoted && strpbrk(sb.s, ",\"\n\r"))
        fuzz_fail("CSV field with a separator is not quoted");
    if (sb.s && strchr("=+-@", sb.s[0]) && sb.s[0])
        fuzz_fail("CSV field starts with a formula character");
    sb_free(&sb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_name_form(data, size);
    /* Text keeps newlines and backslashes, and is safe all the same. */
    strbuf text = {0};
    sb_puts(&text, "");
    printable_text_append(&text, (const char *)data, size);
    check_printable("printable text", text.s, text.len, true);
    sb_free(&text);
    /* The writers take NUL-terminated strings: up to the first NUL. */
    char *s = xstrndup((const char *)data, size);
    check_json(s);
    check_csv(s);
    free(s);
    return 0;
}
