/* fuzz_decode.c - libFuzzer target for stage 1, text_decode(), and the
 * encoding detection under it (detect.h, text_sniff).
 *
 * Arbitrary bytes in: encoding detection (UTF-8 with or without BOM,
 * UTF-16/32 with BOM, BOM-less UTF-16, GB18030/GBK, Big5, damaged UTF-8,
 * byte-order marks the bytes contradict) and the binary checks.  Checked:
 * a usable result is valid UTF-8 without NUL bytes, len matches, the
 * encoding is named and offsets lie inside the input; a refused input
 * leaves no text and says why; input that already is clean UTF-8 comes
 * back unchanged (less a BOM); text_sniff never refuses what text_decode
 * accepts (large files are judged by their first 64 KiB); text decoded
 * without a warning from GB18030 or UTF-16 encodes back to the input
 * bytes (less a byte-order mark); the detectors' answers are in range.
 */
#include <uniconv.h>

#include "detect.h"
#include "fuzz_common.h"

/* Is the input plain valid UTF-8 that text_decode must pass through? */
static bool is_clean_utf8(const uint8_t *data, size_t size, size_t *skip)
{
    *skip = size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (memchr(data, '\0', size))
        return false;
    for (size_t i = 0; i < size; i++)
        if (data[i] < 0x20 && data[i] != '\n')
            return false; /* control bytes may make it "binary" */
    return u8_check(data + *skip, size - *skip) == NULL;
}

/* The detectors on their own: answers in range, counts consistent. */
static void check_detectors(const uint8_t *data, size_t size)
{
    utf16_order order = detect_utf16(data, size, size);
    if (order != UTF16_NONE && order != UTF16_LE && order != UTF16_BE)
        fuzz_fail("detect_utf16 returned %d", (int)order);
    if (order != UTF16_NONE && size % 2 != 0)
        fuzz_fail("odd-length input detected as UTF-16");
    dbcs_guess g = detect_dbcs(data, size);
    if (g.encoding && strcmp(g.encoding, "GB18030") != 0 &&
        strcmp(g.encoding, "BIG5-HKSCS") != 0)
        fuzz_fail("detect_dbcs named %s", g.encoding);
    if (g.encoding && (g.units == 0 || g.broken > 1 + g.units / 20))
        fuzz_fail("detect_dbcs chose %s with %zu broken of %zu", g.encoding,
                  g.broken, g.units);
    if (g.broken > 0 && g.first_broken >= size)
        fuzz_fail("first broken byte %zu beyond %zu", g.first_broken, size);
}

/* Text decoded from GB18030 or UTF-16 without any warning encodes back to
   the input, less a byte-order mark at its start. */
static void check_round_trip(const uint8_t *data, size_t size,
                             const decoded_text *dec, const strbuf *msg)
{
    const char *enc = dec->encoding;
    if (msg->len || (strcmp(enc, "GB18030") && strcmp(enc, "UTF-16LE") &&
                     strcmp(enc, "UTF-16BE")))
        return;
    size_t n = 0;
    char *back = u8_conv_to_encoding(enc, iconveh_error,
                                     (const uint8_t *)dec->text, dec->len,
                                     NULL, NULL, &n);
    if (!back)
        fuzz_fail("%s text does not encode back", enc);
    if (n > size || memcmp(back, data + (size - n), n) != 0 ||
        (size - n != 0 && size - n != 2 && size - n != 3 && size - n != 4))
        fuzz_fail("%s text does not encode back to the input", enc);
    free(back);
}

/* What text_sniff says of the input's first 64 KiB must never refuse a
   file that text_decode accepts. */
static void check_sniff(const uint8_t *data, size_t size, decode_status st)
{
    strbuf why = {0};
    size_t head = size < DECODE_SNIFF_BYTES ? size : DECODE_SNIFF_BYTES;
    decode_status sniffed = text_sniff((const char *)data, head, size, &why);
    if (sniffed != DECODE_OK && sniffed != DECODE_BINARY)
        fuzz_fail("text_sniff returned %d", (int)sniffed);
    if (sniffed == DECODE_BINARY && (st == DECODE_OK || why.len == 0))
        fuzz_fail("text_sniff refused what text_decode accepts, or "
                  "without saying why");
    sb_free(&why);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_detectors(data, size);
    decoded_text dec;
    strbuf msg = {0};
    decode_status st = text_decode((const char *)data, size, &dec, &msg);
    check_sniff(data, size, st);
    if (st == DECODE_OK) {
        fuzz_check_utf8("decoded text", dec.text, dec.len);
        if (strlen(dec.text) != dec.len)
            fuzz_fail("len %zu but strlen %zu", dec.len, strlen(dec.text));
        if (!dec.encoding || !*dec.encoding)
            fuzz_fail("no encoding named");
        if (dec.invalid_count > 0 && dec.first_invalid_offset >= size)
            fuzz_fail("first invalid offset %zu beyond %zu bytes",
                      dec.first_invalid_offset, size);
        if (dec.invalid_count > 0 && msg.len == 0)
            fuzz_fail("%zu invalid sequences but no warning",
                      dec.invalid_count);
        size_t skip;
        if (is_clean_utf8(data, size, &skip) && data[0] != 'G' &&
            data[0] != '%' && data[0] != 'P' && data[0] != 'B' &&
            data[0] != 'S' && data[0] != 0x7F) {
            if (strcmp(dec.encoding, "UTF-8") != 0 || dec.invalid_count)
                fuzz_fail("clean UTF-8 read as %s with %zu invalid",
                          dec.encoding, dec.invalid_count);
            if (dec.len != size - skip ||
                memcmp(dec.text, data + skip, dec.len) != 0)
                fuzz_fail("clean UTF-8 changed by decoding");
        }
        check_round_trip(data, size, &dec, &msg);
        free(dec.text);
    } else {
        if (dec.text)
            fuzz_fail("status %d but text set", (int)st);
        if (msg.len == 0)
            fuzz_fail("status %d without a message", (int)st);
        if (st != DECODE_EMPTY && st != DECODE_BINARY &&
            st != DECODE_BAD_ENCODING)
            fuzz_fail("unknown status %d", (int)st);
    }
    if (msg.len)
        fuzz_check_utf8("decode message", msg.s, msg.len);
    sb_free(&msg);
    return 0;
}
