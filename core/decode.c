/* decode.c - stage 1: file bytes -> valid UTF-8 text.
 *
 * The order of the checks matters: image and archive signatures first (a
 * PNG is never text, whatever its bytes look like), then byte-order marks
 * of UTF-16 and UTF-32 (such text contains NUL bytes legitimately), then
 * NUL bytes and control characters (binary), then UTF-8.  Bytes that are
 * not valid UTF-8 are UTF-8 with a few damaged bytes, BOM-less UTF-16,
 * GB18030/GBK or Big5; the statistics of each reading decide (detect.h).
 * A byte-order mark is a claim, not a fact: when the bytes after it
 * contradict it (UTF-16 that decodes to private-use and broken units, a
 * UTF-8 mark before GBK), the mark is ignored with a warning and the
 * bytes decide.  Every pass is a single linear scan, so a 50 MB file with
 * no newline costs no more than fifty 1 MB files.
 */
#include "decode.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <uniconv.h>
#include <unistr.h>

#include "detect.h"

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
    size_t good_bytes;     /* bytes in them */
    size_t bad_sequences;  /* maximal invalid subparts */
    size_t bad_bytes;      /* bytes in them */
    size_t first_bad;      /* offset of the first one */
} utf8_stats;

/* Count valid and invalid UTF-8 sequences in one pass. */
static utf8_stats utf8_survey(const unsigned char *b, size_t n)
{
    utf8_stats st = {0, 0, 0, 0, 0};
    const unsigned char *p = b, *end = b + n;
    while (p < end) {
        if (*p < 0x80) {
            p++;
            continue;
        }
        size_t bad = 0, len = utf8_valid_length(p, end, &bad);
        if (len) {
            st.good_multibyte++;
            st.good_bytes += len;
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

/* Convert bytes in a legacy encoding (an iconv name) to UTF-8.  With
   strict set any invalid byte makes it fail; otherwise invalid bytes
   become U+FFFD.  libunistring may leave errno at EILSEQ even when it
   succeeds, so only the returned pointer counts.  Returns a
   NUL-terminated heap string or NULL. */
static char *legacy_to_utf8(const char *encoding, const unsigned char *b,
                            size_t n, bool strict, size_t *outlen)
{
    size_t len = 0;
    uint8_t *r = u8_conv_from_encoding(
        encoding, strict ? iconveh_error : iconveh_replacement_character,
        (const char *)b, n, NULL, NULL, &len);
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

/* What decoding UTF-16 or UTF-32 found besides the text. */
typedef struct {
    size_t units;      /* characters decoded */
    size_t suspicious; /* invalid units, C0 controls that text does not
                          use, private-use characters, noncharacters */
} wide_counts;

/* Would real text hardly contain this code point?  Bytes in another
   encoding read as UTF-16 land on these often. */
static bool suspicious_code_point(ucs4_t uc)
{
    return (uc < 0x20 && uc != '\t' && uc != '\n' && uc != '\r' &&
            uc != '\f' && uc != '\v' && uc != 0x1B && uc != 0x07) ||
           (uc >= 0xE000 && uc <= 0xF8FF) || uc >= 0xF0000 ||
           (uc >= 0xFDD0 && uc <= 0xFDEF) || (uc & 0xFFFE) == 0xFFFE;
}

/* Decode UTF-16 or UTF-32 (unit bytes per unit; big_endian says the byte
   order) after the byte-order mark.  Unpaired surrogates, code points out
   of range and a trailing partial unit become U+FFFD and are counted. */
static wide_counts decode_wide(const unsigned char *b, size_t n, size_t unit,
                               bool big_endian, size_t base_offset,
                               strbuf *sb, decoded_text *out)
{
    wide_counts wc = {0, 0};
    size_t i = 0;
    while (i < n) {
        size_t at = i;
        wc.units++;
        if (i + unit > n) {
            put_code_point(sb, 0xFFFD);
            wc.suspicious++;
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
            wc.suspicious++;
            if (out->invalid_count++ == 0)
                out->first_invalid_offset = base_offset + at;
        } else if (suspicious_code_point(uc)) {
            wc.suspicious++;
        }
        put_code_point(sb, uc);
    }
    return wc;
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

/* Start a new sentence of the message (sentences are separated by a
   space). */
static void new_sentence(strbuf *msg)
{
    if (msg->len)
        sb_putc(msg, ' ');
}

/* Append the warning about replaced bytes, if there were any. */
static void warn_invalid(const decoded_text *out, const char *encoding,
                         strbuf *msg)
{
    if (out->invalid_count == 0)
        return;
    new_sentence(msg);
    sb_printf(msg,
              "invalid %s at byte offset %zu (%zu place%s in all) replaced "
              "with U+FFFD.",
              encoding, out->first_invalid_offset, out->invalid_count,
              out->invalid_count == 1 ? "" : "s");
}

/* Finish decoding UTF-16/UTF-32 into sb: refuse text with NUL
   characters, warn about invalid units. */
static decode_status finish_wide(strbuf *sb, const char *encoding,
                                 decoded_text *out, strbuf *msg)
{
    size_t len = sb->len;
    char *text = sb_take(sb);
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

/* Decode UTF-16 without a byte-order mark after the first skip bytes. */
static decode_status decode_utf16(const unsigned char *b, size_t n,
                                  size_t skip, utf16_order order,
                                  decoded_text *out, strbuf *msg)
{
    strbuf sb = {0};
    bool be = order == UTF16_BE;
    decode_wide(b + skip, n - skip, 2, be, skip, &sb, out);
    return finish_wide(&sb, be ? "UTF-16BE" : "UTF-16LE", out, msg);
}

/* A byte-order mark of UTF-16 or UTF-32. */
typedef struct {
    const char *encoding;
    size_t len, unit;
    bool big_endian;
} wide_bom;

/* The UTF-16 or UTF-32 byte-order mark at the start, if there is one. */
static bool find_wide_bom(const unsigned char *b, size_t n, wide_bom *bom)
{
    static const struct {
        const char *mark;
        wide_bom bom;
    } marks[] = {
        {"\xFF\xFE\0\0", {"UTF-32LE", 4, 4, false}},
        {"\0\0\xFE\xFF", {"UTF-32BE", 4, 4, true}},
        {"\xFF\xFE", {"UTF-16LE", 2, 2, false}},
        {"\xFE\xFF", {"UTF-16BE", 2, 2, true}},
    };
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
        if (n >= marks[i].bom.len &&
            memcmp(b, marks[i].mark, marks[i].bom.len) == 0) {
            *bom = marks[i].bom;
            return true;
        }
    }
    return false;
}

/* May the bytes after a UTF-16 or UTF-32 mark contradict it?  They may
   when their decoding has suspicious units in more than one place in
   twenty, or when they hold no NUL byte at all: real UTF-16 text has
   some ASCII, a newline at least, and so NUL bytes, while UTF-8 or GBK
   after a stray mark has none.  The caller then tries the bytes without
   the mark. */
static bool bom_contradicted(const unsigned char *body, size_t n,
                             wide_counts wc)
{
    return wc.suspicious * 20 > wc.units || !memchr(body, '\0', n);
}

/* UTF-8 with some invalid sequences (st: their survey) after the first
   skip bytes: repair them and warn. */
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

/* Decode the bytes after the first skip in the double-byte encoding
   detect_dbcs chose (g).  Returns false when the conversion fails. */
static bool decode_dbcs(const unsigned char *b, size_t n, size_t skip,
                        const dbcs_guess *g, decoded_text *out, strbuf *msg,
                        decode_status *status)
{
    size_t len = 0;
    char *text = legacy_to_utf8(g->encoding, b + skip, n - skip, true, &len);
    if (text == NULL || g->broken > 0) {
        free(text);
        text = legacy_to_utf8(g->encoding, b + skip, n - skip, false, &len);
        if (text == NULL)
            return false;
        /* iconv drops a truncated final character silently: mark it like
           any other invalid byte.  Our own count of broken bytes is the
           number to report. */
        if (g->truncated) {
            text = xrealloc(text, len + 4);
            memcpy(text + len, REPLACEMENT, 4);
            len += 3;
        }
        out->invalid_count = g->broken;
        out->first_invalid_offset = skip + g->first_broken;
        if (out->invalid_count == 0)
            out->invalid_count = count_replacements(text, len);
        warn_invalid(out, g->encoding, msg);
    }
    *status = finish(text, len, g->encoding, out, msg);
    return true;
}

/* Is there a byte-order mark of UTF-16 or UTF-32 at the start (text
   that holds NUL bytes by right)? */
static bool has_wide_bom(const unsigned char *b, size_t n)
{
    wide_bom bom;
    return find_wide_bom(b, n, &bom);
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
        if (detect_utf16(b, sample, total))
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

/* Decode UTF-8 that is not valid (st: its survey), or whatever else the
   bytes after the first skip are.  A UTF-8 byte-order mark (utf8_bom) is
   trusted unless another encoding fits. */
static decode_status decode_not_utf8(const unsigned char *b, size_t n,
                                     size_t skip, bool utf8_bom,
                                     decoded_text *out, strbuf *msg)
{
    const unsigned char *body = b + skip;
    size_t len = n - skip;
    utf8_stats st = utf8_survey(body, len);
    /* Isolated damage in otherwise valid UTF-8 (at most one bad sequence
       per four good ones): repair it rather than guess another encoding. */
    if (st.bad_sequences * 4 <= st.good_multibyte)
        return decode_damaged_utf8(b, n, skip, &st, out, msg);
    utf16_order order = detect_utf16(body, len, len);
    if (order)
        return decode_utf16(b, n, skip, order, out, msg);
    dbcs_guess g = detect_dbcs(body, len);
    decode_status status;
    if (g.encoding && decode_dbcs(b, n, skip, &g, out, msg, &status))
        return status;
    /* Still UTF-8 with damage: the mark says so, or the text is mostly
       ASCII with stray bytes (Latin-1 accents, say), or valid sequences
       make up most of its other bytes (stray bytes in a short page). */
    if (utf8_bom || st.bad_bytes * 50 <= len || st.good_bytes >= st.bad_bytes)
        return decode_damaged_utf8(b, n, skip, &st, out, msg);
    sb_printf(msg,
              "cannot decode: not UTF-8 (first invalid byte at offset %zu), "
              "UTF-16, GB18030/GBK or Big5.",
              skip + st.first_bad);
    return DECODE_BAD_ENCODING;
}

/* Decode the bytes after the first skip (a byte-order mark being dropped
   or ignored), which text_sniff let through, as whatever they are.  buf
   holds n + 1 bytes (a NUL last) and is consumed: it becomes the text
   when that is the bytes themselves, else it is freed. */
static decode_status decode_unmarked(char *buf, size_t n, size_t skip,
                                     bool utf8_bom, decoded_text *out,
                                     strbuf *msg)
{
    const unsigned char *b = (const unsigned char *)buf;
    decode_status status;
    if (memchr(b + skip, '\0', n - skip)) {
        utf16_order order = detect_utf16(b + skip, n - skip, n - skip);
        if (order) {
            status = decode_utf16(b, n, skip, order, out, msg);
        } else {
            sb_puts(msg, "binary file (contains NUL bytes), skipped.");
            status = DECODE_BINARY;
        }
    } else if (u8_check(b + skip, n - skip) == NULL) {
        /* Clean UTF-8: the buffer is the text, less what is skipped. */
        memmove(buf, buf + skip, n - skip + 1);
        return finish(buf, n - skip, "UTF-8", out, msg);
    } else {
        status = decode_not_utf8(b, n, skip, utf8_bom, out, msg);
    }
    free(buf);
    return status;
}

/* Say that a byte-order mark was ignored because the text is in another
   encoding. */
static void warn_ignored_bom(const char *bom, const decoded_text *out,
                             strbuf *msg)
{
    new_sentence(msg);
    sb_printf(msg, "the %s byte-order mark at its start was ignored: the "
                   "text is %s.", bom, out->encoding);
}

/* Decode text that starts with a UTF-16 or UTF-32 byte-order mark (bom).
   When the bytes may contradict the mark, they are decoded as if it were
   not there, and if that gives text, that reading wins (with a warning
   when it is another encoding); otherwise the mark's reading stands (a
   short UTF-16 text with a broken unit is still UTF-16).  buf (n + 1
   bytes) is consumed. */
static decode_status decode_after_wide_bom(char *buf, size_t n,
                                           const wide_bom *bom,
                                           decoded_text *out, strbuf *msg)
{
    const unsigned char *b = (const unsigned char *)buf;
    strbuf wide = {0};
    decoded_text marked = {0};
    wide_counts wc = decode_wide(b + bom->len, n - bom->len, bom->unit,
                                 bom->big_endian, bom->len, &wide, &marked);
    if (bom_contradicted(b + bom->len, n - bom->len, wc)) {
        strbuf other = {0};
        decode_status status =
            decode_unmarked(buf, n, bom->len, false, out, &other);
        if (status == DECODE_OK) {
            sb_free(&wide);
            if (other.len)
                sb_append(msg, other.s, other.len);
            if (strcmp(out->encoding, bom->encoding) != 0)
                warn_ignored_bom(bom->encoding, out, msg);
            sb_free(&other);
            return status;
        }
        sb_free(&other);
    } else {
        free(buf);
    }
    *out = marked;
    return finish_wide(&wide, bom->encoding, out, msg);
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
    if (status != DECODE_OK) {
        free(buf);
        return status;
    }
    wide_bom bom;
    if (find_wide_bom(b, n, &bom))
        return decode_after_wide_bom(buf, n, &bom, out, msg);
    bool utf8_bom = n >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0;
    status = decode_unmarked(buf, n, utf8_bom ? 3 : 0, utf8_bom, out, msg);
    if (status == DECODE_OK && utf8_bom && strcmp(out->encoding, "UTF-8"))
        warn_ignored_bom("UTF-8", out, msg);
    return status;
}

decode_status text_decode(const char *bytes, size_t n, decoded_text *out,
                          strbuf *msg)
{
    return text_decode_buffer(xstrndup(bytes, n), n, out, msg);
}
