/* decode.c - stage 1: file bytes -> valid UTF-8 text.
 *
 * The order of the checks matters: image and archive signatures first (a
 * PNG is never text, whatever its bytes look like), then byte-order marks
 * (UTF-16 and UTF-32 contain NUL bytes legitimately), then NUL bytes and
 * control characters (binary), then UTF-8.  Bytes that are not valid
 * UTF-8 are either GB18030/GBK (most Chinese text that is not UTF-8) or
 * UTF-8 with a few damaged bytes; the statistics of both readings decide.
 * Every pass is a single linear scan, so a 50 MB file with no newline
 * costs no more than fifty 1 MB files.
 */
#include "decode.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <uniconv.h>
#include <unistr.h>

/* The replacement character U+FFFD in UTF-8. */
#define REPLACEMENT "\xEF\xBF\xBD"

/* Leading bytes of common non-text files.  The magic strings are written
   with octal escapes where a hex escape would swallow the next letter. */
static const struct {
    const char *magic;
    size_t len;
    const char *what;
} signatures[] = {
    {"\211PNG\r\n\032\n", 8, "a PNG image"},
    {"%PDF-", 5, "a PDF document"},
    {"PK\003\004", 4, "a ZIP archive (or an office document)"},
    {"PK\005\006", 4, "a ZIP archive"},
    {"PK\007\010", 4, "a ZIP archive"},
    {"\177ELF", 4, "an ELF executable"},
    {"\377\330\377", 3, "a JPEG image"},
    {"GIF87a", 6, "a GIF image"},
    {"GIF89a", 6, "a GIF image"},
    {"\037\213", 2, "a gzip archive"},
    {"BZh91AY&SY", 10, "a bzip2 archive"},
    {"\3757zXZ\0", 6, "an xz archive"},
    {"SQLite format 3\0", 16, "an SQLite database"},
};

/* Name what the signature at the start of the bytes says the file is, or
   return NULL when it matches none of the known binary formats. */
static const char *binary_signature(const unsigned char *b, size_t n)
{
    for (size_t i = 0; i < sizeof signatures / sizeof signatures[0]; i++)
        if (n >= signatures[i].len &&
            memcmp(b, signatures[i].magic, signatures[i].len) == 0)
            return signatures[i].what;
    return NULL;
}

/* Does the text look like binary data because of its control bytes?  Text
   files use tab, newline, carriage return, form feed and the odd escape
   sequence; other C0 bytes in quantity mean the file is not text.  Only
   the first 64 KiB are sampled: enough to judge, and constant time. */
static bool too_many_controls(const unsigned char *b, size_t n)
{
    size_t sample = n < DECODE_SNIFF_BYTES ? n : DECODE_SNIFF_BYTES;
    size_t controls = 0;
    for (size_t i = 0; i < sample; i++) {
        unsigned char c = b[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' &&
            c != '\v' && c != 0x1B && c != 0x07)
            controls++;
    }
    return controls >= 16 && controls * 10 > sample;
}

/* Append one code point to sb as UTF-8. */
static void put_code_point(strbuf *sb, ucs4_t uc)
{
    uint8_t buf[6];
    int len = u8_uctomb(buf, uc, (int)sizeof buf);
    if (len > 0)
        sb_append(sb, (const char *)buf, (size_t)len);
}

/* Length of the valid UTF-8 sequence at p (1 to 4), or 0 if it is invalid;
   then *bad receives the length of its maximal subpart, which is what one
   U+FFFD replaces (Unicode's recommended practice).  Rejects overlongs,
   UTF-8-encoded surrogates and code points above U+10FFFF. */
static size_t utf8_valid_length(const unsigned char *p,
                                const unsigned char *end, size_t *bad)
{
    unsigned c = p[0];
    unsigned lo = 0x80, hi = 0xBF;
    size_t need;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
    } else if (c == 0xE0) {
        need = 2;
        lo = 0xA0;
    } else if (c == 0xED) {
        need = 2;
        hi = 0x9F;
    } else if (c >= 0xE1 && c <= 0xEF) {
        need = 2;
    } else if (c == 0xF0) {
        need = 3;
        lo = 0x90;
    } else if (c >= 0xF1 && c <= 0xF3) {
        need = 3;
    } else if (c == 0xF4) {
        need = 3;
        hi = 0x8F;
    } else {
        *bad = 1;
        return 0;
    }
    for (size_t i = 1; i <= need; i++) {
        if (p + i >= end || p[i] < lo || p[i] > hi) {
            *bad = i;
            return 0;
        }
        lo = 0x80;
        hi = 0xBF;
    }
    return need + 1;
}

/* What a UTF-8 reading of the bytes finds. */
typedef struct {
    size_t good_multibyte; /* valid sequences of 2 to 4 bytes */
    size_t bad_sequences;  /* maximal invalid subparts */
    size_t bad_bytes;      /* bytes in them */
    size_t first_bad;      /* offset of the first one */
} utf8_stats;

/* Count valid and invalid UTF-8 sequences in one pass. */
static utf8_stats utf8_survey(const unsigned char *b, size_t n)
{
    utf8_stats st = {0, 0, 0, 0};
    const unsigned char *p = b, *end = b + n;
    while (p < end) {
        if (*p < 0x80) {
            p++;
            continue;
        }
        size_t bad = 0, len = utf8_valid_length(p, end, &bad);
        if (len) {
            st.good_multibyte++;
            p += len;
        } else {
            if (st.bad_sequences == 0)
                st.first_bad = (size_t)(p - b);
            st.bad_sequences++;
            st.bad_bytes += bad;
            p += bad;
        }
    }
    return st;
}

/* Copy the bytes to sb, replacing each invalid UTF-8 subpart with U+FFFD.
   Runs of valid bytes are copied in one piece. */
static void utf8_repair(const unsigned char *b, size_t n, strbuf *sb)
{
    const unsigned char *p = b, *end = b + n, *run = b;
    while (p < end) {
        if (*p < 0x80) {
            p++;
            continue;
        }
        size_t bad = 0, len = utf8_valid_length(p, end, &bad);
        if (len) {
            p += len;
            continue;
        }
        sb_append(sb, (const char *)run, (size_t)(p - run));
        sb_puts(sb, REPLACEMENT);
        p += bad;
        run = p;
    }
    sb_append(sb, (const char *)run, (size_t)(p - run));
}

/* What the bytes look like when read as GB18030. */
typedef struct {
    size_t units;        /* multibyte characters (2 or 4 bytes) */
    size_t gb2312_pairs; /* pairs in the GB2312 area: hanzi and CJK marks */
    size_t broken;       /* bytes that start no valid character */
    size_t first_broken; /* offset of the first of them */
    bool truncated;      /* the last character is cut short */
} gb_stats;

/* Count one byte that starts no valid GB18030 character. */
static void gb_broken(gb_stats *st, size_t at)
{
    if (st->broken++ == 0)
        st->first_broken = at;
}

/* Walk the GB18030 byte structure.  Chinese text in GB2312/GBK is mostly
   pairs with both bytes in A1..FE; Latin-1 or damaged UTF-8 read as GBK
   gives pairs whose second byte is ASCII, or broken pairs. */
static gb_stats gb_survey(const unsigned char *b, size_t n)
{
    gb_stats st = {0, 0, 0, 0, false};
    size_t i = 0;
    while (i < n) {
        unsigned c = b[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c == 0x80 || c == 0xFF || i + 1 >= n) {
            st.truncated = i + 1 >= n && c != 0x80 && c != 0xFF;
            gb_broken(&st, i);
            i++;
            continue;
        }
        unsigned d = b[i + 1];
        if (d >= 0x30 && d <= 0x39) {
            if (i + 3 < n && b[i + 2] >= 0x81 && b[i + 2] <= 0xFE &&
                b[i + 3] >= 0x30 && b[i + 3] <= 0x39) {
                st.units++;
                i += 4;
            } else {
                st.truncated = i + 3 >= n;
                gb_broken(&st, i);
                i++;
            }
            continue;
        }
        if (d < 0x40 || d == 0x7F || d == 0xFF) {
            gb_broken(&st, i);
            i++;
            continue;
        }
        st.units++;
        if (c >= 0xA1 && d >= 0xA1)
            st.gb2312_pairs++;
        i += 2;
    }
    return st;
}

/* Convert GB18030 bytes to UTF-8.  With strict set any invalid byte makes
   it fail; otherwise invalid bytes become U+FFFD.  libunistring may leave
   errno at EILSEQ even when it succeeds, so only the returned pointer
   counts.  Returns a NUL-terminated heap string or NULL. */
static char *gb18030_to_utf8(const char *b, size_t n, bool strict,
                             size_t *outlen)
{
    size_t len = 0;
    uint8_t *r = u8_conv_from_encoding(
        "GB18030", strict ? iconveh_error : iconveh_replacement_character, b,
        n, NULL, NULL, &len);
    if (r == NULL)
        return NULL;
    char *s = xrealloc(r, len + 1);
    s[len] = '\0';
    *outlen = len;
    return s;
}

/* Number of U+FFFD characters in s. */
static size_t count_replacements(const char *s, size_t n)
{
    size_t count = 0;
    const char *p = s, *end = s + n;
    while ((p = memmem(p, (size_t)(end - p), REPLACEMENT, 3)) != NULL) {
        count++;
        p += 3;
    }
    return count;
}

/* Decode UTF-16 or UTF-32 (unit bytes per unit; big_endian says the byte
   order) after the byte-order mark.  Unpaired surrogates, code points out
   of range and a trailing partial unit become U+FFFD and are counted. */
static void decode_wide(const unsigned char *b, size_t n, size_t unit,
                        bool big_endian, size_t base_offset, strbuf *sb,
                        decoded_text *out)
{
    size_t i = 0;
    while (i < n) {
        size_t at = i;
        if (i + unit > n) {
            put_code_point(sb, 0xFFFD);
            if (out->invalid_count++ == 0)
                out->first_invalid_offset = base_offset + at;
            break;
        }
        ucs4_t uc = 0;
        for (size_t k = 0; k < unit; k++) {
            size_t idx = big_endian ? i + k : i + unit - 1 - k;
            uc = (uc << 8) | b[idx];
        }
        i += unit;
        if (unit == 2 && uc >= 0xD800 && uc <= 0xDBFF && i + 2 <= n) {
            ucs4_t lo = big_endian ? (ucs4_t)(b[i] << 8 | b[i + 1])
                                   : (ucs4_t)(b[i + 1] << 8 | b[i]);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                uc = 0x10000 + ((uc - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            }
        }
        if ((uc >= 0xD800 && uc <= 0xDFFF) || uc > 0x10FFFF) {
            uc = 0xFFFD;
            if (out->invalid_count++ == 0)
                out->first_invalid_offset = base_offset + at;
        }
        put_code_point(sb, uc);
    }
}

/* Guess UTF-16 without a byte-order mark: ASCII-heavy UTF-16 has a NUL in
   the same half of most code units and almost none in the other half.
   Returns 1 for little endian, 2 for big endian, 0 for neither. */
static int guess_bomless_utf16(const unsigned char *b, size_t n,
                               size_t total)
{
    if (n < 4 || total % 2 != 0)
        return 0;
    size_t sample = n < DECODE_SNIFF_BYTES ? n : DECODE_SNIFF_BYTES;
    size_t even_nul = 0, odd_nul = 0;
    for (size_t i = 0; i + 1 < sample; i += 2) {
        even_nul += b[i] == 0;
        odd_nul += b[i + 1] == 0;
    }
    size_t units = sample / 2;
    if (odd_nul * 10 >= units * 3 && even_nul * 50 <= units)
        return 1;
    if (even_nul * 10 >= units * 3 && odd_nul * 50 <= units)
        return 2;
    return 0;
}

/* Is the UTF-8 text only white space (including U+3000 and U+FEFF)? */
static bool only_white_space(const char *s, size_t n)
{
    const uint8_t *p = (const uint8_t *)s, *end = p + n;
    while (p < end) {
        ucs4_t uc;
        int len = u8_mbtouc(&uc, p, (size_t)(end - p));
        if (!(uc == ' ' || uc == '\t' || uc == '\n' || uc == '\r' ||
              uc == '\f' || uc == '\v' || uc == 0x3000 || uc == 0xFEFF ||
              uc == 0xA0))
            return false;
        p += len;
    }
    return true;
}

/* Store the finished text in out, or report an empty file.  Takes
   ownership of text. */
static decode_status finish(char *text, size_t len, const char *encoding,
                            decoded_text *out, strbuf *msg)
{
    if (only_white_space(text, len)) {
        free(text);
        sb_puts(msg, "empty file (no text).");
        out->invalid_count = 0;
        out->first_invalid_offset = 0;
        return DECODE_EMPTY;
    }
    out->text = text;
    out->len = len;
    out->encoding = encoding;
    return DECODE_OK;
}

/* Append the warning about replaced bytes, if there were any. */
static void warn_invalid(const decoded_text *out, const char *encoding,
                         strbuf *msg)
{
    if (out->invalid_count == 0)
        return;
    sb_printf(msg,
              "invalid %s at byte offset %zu (%zu place%s in all) replaced "
              "with U+FFFD.",
              encoding, out->first_invalid_offset, out->invalid_count,
              out->invalid_count == 1 ? "" : "s");
}

/* Decode UTF-16/UTF-32 text that starts after a byte-order mark (or has
   none, when bom_len is 0). */
static decode_status decode_wide_text(const unsigned char *b, size_t n,
                                      size_t bom_len, size_t unit,
                                      bool big_endian, const char *encoding,
                                      decoded_text *out, strbuf *msg)
{
    strbuf sb = {0};
    decode_wide(b + bom_len, n - bom_len, unit, big_endian, bom_len, &sb,
                out);
    size_t len = sb.len;
    char *text = sb_take(&sb);
    if (strlen(text) != len) {
        free(text);
        memset(out, 0, sizeof *out);
        sb_printf(msg, "binary file (%s text containing NUL characters), "
                       "skipped.", encoding);
        return DECODE_BINARY;
    }
    warn_invalid(out, encoding, msg);
    return finish(text, len, encoding, out, msg);
}

/* Handle a byte-order mark, if there is one.  Returns true and sets
   *status when the text was decoded (or refused) here. */
static bool decode_with_bom(const unsigned char *b, size_t n,
                            decoded_text *out, strbuf *msg,
                            decode_status *status)
{
    if (n >= 4 && memcmp(b, "\xFF\xFE\0\0", 4) == 0)
        *status = decode_wide_text(b, n, 4, 4, false, "UTF-32LE", out, msg);
    else if (n >= 4 && memcmp(b, "\0\0\xFE\xFF", 4) == 0)
        *status = decode_wide_text(b, n, 4, 4, true, "UTF-32BE", out, msg);
    else if (n >= 2 && memcmp(b, "\xFF\xFE", 2) == 0)
        *status = decode_wide_text(b, n, 2, 2, false, "UTF-16LE", out, msg);
    else if (n >= 2 && memcmp(b, "\xFE\xFF", 2) == 0)
        *status = decode_wide_text(b, n, 2, 2, true, "UTF-16BE", out, msg);
    else
        return false;
    return true;
}

/* UTF-8 with some invalid sequences (st: their survey): repair them and
   warn. */
static decode_status decode_damaged_utf8(const unsigned char *b, size_t n,
                                         size_t skip, const utf8_stats *st,
                                         decoded_text *out, strbuf *msg)
{
    strbuf sb = {0};
    utf8_repair(b + skip, n - skip, &sb);
    out->invalid_count = st->bad_sequences;
    out->first_invalid_offset = skip + st->first_bad;
    warn_invalid(out, "UTF-8", msg);
    size_t len = sb.len;
    return finish(sb_take(&sb), len, "UTF-8", out, msg);
}

/* Try GB18030 for bytes that are not valid UTF-8.  Returns true and sets
   *status when the bytes are accepted as GB18030. */
static bool decode_gb18030(const unsigned char *b, size_t n,
                           decoded_text *out, strbuf *msg,
                           decode_status *status)
{
    gb_stats gs = gb_survey(b, n);
    /* Mostly GB2312-area pairs and few broken bytes (one, or one in
       twenty characters): Chinese in GBK. */
    if (gs.units == 0 || gs.gb2312_pairs * 2 < gs.units ||
        gs.broken > 1 + gs.units / 20)
        return false;
    size_t len = 0;
    char *text = gb18030_to_utf8((const char *)b, n, true, &len);
    if (text == NULL || gs.broken > 0) {
        free(text);
        text = gb18030_to_utf8((const char *)b, n, false, &len);
        if (text == NULL)
            return false;
        /* iconv drops a truncated final character silently: mark it like
           any other invalid byte.  Our own count of broken bytes is the
           number to report. */
        if (gs.truncated) {
            text = xrealloc(text, len + 4);
            memcpy(text + len, REPLACEMENT, 4);
            len += 3;
        }
        out->invalid_count = gs.broken;
        out->first_invalid_offset = gs.first_broken;
        if (out->invalid_count == 0)
            out->invalid_count = count_replacements(text, len);
        warn_invalid(out, "GB18030", msg);
    }
    *status = finish(text, len, "GB18030", out, msg);
    return true;
}

/* Is there a byte-order mark of UTF-16 or UTF-32 at the start (text
   that holds NUL bytes by right)? */
static bool has_wide_bom(const unsigned char *b, size_t n)
{
    return (n >= 2 && (memcmp(b, "\xFF\xFE", 2) == 0 ||
                       memcmp(b, "\xFE\xFF", 2) == 0)) ||
           (n >= 4 && memcmp(b, "\0\0\xFE\xFF", 4) == 0);
}

decode_status text_sniff(const char *head, size_t n, size_t total,
                         strbuf *msg)
{
    const unsigned char *b = (const unsigned char *)head;
    size_t sample = n < DECODE_SNIFF_BYTES ? n : DECODE_SNIFF_BYTES;
    const char *what = binary_signature(b, sample);
    if (what) {
        sb_printf(msg, "binary file (%s), skipped.", what);
        return DECODE_BINARY;
    }
    if (has_wide_bom(b, sample))
        return DECODE_OK; /* decided by the whole text */
    if (memchr(b, '\0', sample)) {
        if (guess_bomless_utf16(b, sample, total))
            return DECODE_OK; /* its NUL bytes are the high halves */
        sb_puts(msg, "binary file (contains NUL bytes), skipped.");
        return DECODE_BINARY;
    }
    if (too_many_controls(b, sample)) {
        sb_puts(msg, "binary file (mostly control bytes), skipped.");
        return DECODE_BINARY;
    }
    return DECODE_OK;
}

/* Decode bytes that text_sniff let through and that have no byte-order
   mark of UTF-16 or UTF-32 (see the top of the file for the order of the
   checks).  buf holds n + 1 bytes (a NUL last) and is consumed: it becomes
   the text when that is the bytes themselves, else it is freed. */
static decode_status decode_unmarked(char *buf, size_t n, decoded_text *out,
                                     strbuf *msg)
{
    const unsigned char *b = (const unsigned char *)buf;
    decode_status status;
    if (memchr(b, '\0', n)) {
        int order = guess_bomless_utf16(b, n, n);
        if (order)
            status = decode_wide_text(b, n, 0, 2, order == 2,
                                      order == 2 ? "UTF-16BE" : "UTF-16LE",
                                      out, msg);
        else {
            sb_puts(msg, "binary file (contains NUL bytes), skipped.");
            status = DECODE_BINARY;
        }
        free(buf);
        return status;
    }
    size_t skip = n >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (u8_check(b + skip, n - skip) == NULL) {
        /* Clean UTF-8: the buffer is the text, less its BOM. */
        memmove(buf, buf + skip, n - skip + 1);
        return finish(buf, n - skip, "UTF-8", out, msg);
    }
    utf8_stats st = utf8_survey(b + skip, n - skip);
    /* Isolated damage in otherwise valid UTF-8 (at most one bad sequence
       per four good ones): repair it rather than guess another encoding. */
    if (skip || st.bad_sequences * 4 <= st.good_multibyte)
        status = decode_damaged_utf8(b, n, skip, &st, out, msg);
    else if (decode_gb18030(b, n, out, msg, &status))
        ;
    /* Mostly ASCII with a few stray bytes (Latin-1 accents, say). */
    else if (st.bad_bytes * 50 <= n || st.bad_sequences <= st.good_multibyte)
        status = decode_damaged_utf8(b, n, skip, &st, out, msg);
    else {
        sb_printf(msg,
                  "cannot decode: not UTF-8 (first invalid byte at offset "
                  "%zu), UTF-16 or GB18030/GBK.",
                  st.first_bad);
        status = DECODE_BAD_ENCODING;
    }
    free(buf);
    return status;
}

decode_status text_decode_buffer(char *buf, size_t n, decoded_text *out,
                                 strbuf *msg)
{
    const unsigned char *b = (const unsigned char *)buf;
    decode_status status;
    memset(out, 0, sizeof *out);
    if (n == 0) {
        free(buf);
        sb_puts(msg, "empty file (0 bytes).");
        return DECODE_EMPTY;
    }
    status = text_sniff(buf, n, n, msg);
    if (status == DECODE_OK && decode_with_bom(b, n, out, msg, &status)) {
        free(buf);
        return status;
    }
    if (status != DECODE_OK) {
        free(buf);
        return status;
    }
    return decode_unmarked(buf, n, out, msg);
}

decode_status text_decode(const char *bytes, size_t n, decoded_text *out,
                          strbuf *msg)
{
    return text_decode_buffer(xstrndup(bytes, n), n, out, msg);
}
