/* fuzz_decode.c - libFuzzer target for stage 1, text_decode().
 *
 * Arbitrary bytes in: encoding detection (UTF-8 with or without BOM,
 * UTF-16/32 with BOM, BOM-less UTF-16, GB18030/GBK, damaged UTF-8) and
 * the binary checks.  Checked: a usable result is valid UTF-8 without NUL
 * bytes, len matches, the encoding is named and offsets lie inside the
 * input; a refused input leaves no text and says why; input that already
 * is clean UTF-8 comes back unchanged (less a BOM).
 */
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    decoded_text dec;
    strbuf msg = {0};
    decode_status st = text_decode((const char *)data, size, &dec, &msg);
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
