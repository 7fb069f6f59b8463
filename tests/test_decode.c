/* test_decode.c - stage 1: bytes in, decoded_text and status out. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <uniconv.h>

#include "decode.h"

/* A Chinese paragraph used as the payload of the encoding tests. */
static const char chinese[] =
    "北京，中华文明的金名片。全国人大代表在会上说：“我们要把民生实事办好。”"
    "2025年，全市新建公园绿地二百余处。";

/* Decode n bytes, expecting status want; returns the result and leaves
   the messages in msg (caller frees both). */
static decoded_text decode_expect(const char *bytes, size_t n,
                                  decode_status want, strbuf *msg)
{
    decoded_text out;
    decode_status st = text_decode(bytes, n, &out, msg);
    if (st != want)
        fail_msg("status %d, wanted %d (%s)", st, want,
                 msg->s ? msg->s : "no message");
    if (want == DECODE_OK) {
        assert_non_null(out.text);
        assert_int_equal(strlen(out.text), out.len);
    } else {
        assert_null(out.text);
        assert_non_null(msg->s);
        assert_true(msg->len > 0);
    }
    return out;
}

/* Convert UTF-8 to another encoding with libunistring, for test input. */
static char *encode(const char *encoding, const char *utf8, size_t *len)
{
    char *r = u8_conv_to_encoding(encoding, iconveh_error,
                                  (const uint8_t *)utf8, strlen(utf8), NULL,
                                  NULL, len);
    assert_non_null(r);
    return r;
}

static void decode_plain_utf8(void **state)
{
    (void)state;
    strbuf msg = {0};
    decoded_text d = decode_expect(chinese, strlen(chinese), DECODE_OK, &msg);
    assert_string_equal(d.text, chinese);
    assert_string_equal(d.encoding, "UTF-8");
    assert_int_equal(d.invalid_count, 0);
    assert_int_equal(msg.len, 0);
    free(d.text);
    sb_free(&msg);
}

static void decode_utf8_bom_is_removed(void **state)
{
    (void)state;
    strbuf sb = {0}, msg = {0};
    sb_puts(&sb, "\xEF\xBB\xBF");
    sb_puts(&sb, chinese);
    decoded_text d = decode_expect(sb.s, sb.len, DECODE_OK, &msg);
    assert_string_equal(d.text, chinese);
    assert_string_equal(d.encoding, "UTF-8");
    free(d.text);
    sb_free(&sb);
    sb_free(&msg);
}

static void decode_empty_inputs(void **state)
{
    (void)state;
    const char *empties[] = {"", "\xEF\xBB\xBF", "\xFF\xFE", " \n\t\n",
                             "\xE3\x80\x80\n\n"};
    size_t lens[] = {0, 3, 2, 4, 5};
    for (size_t i = 0; i < 5; i++) {
        strbuf msg = {0};
        decode_expect(empties[i], lens[i], DECODE_EMPTY, &msg);
        assert_non_null(strstr(msg.s, "empty"));
        sb_free(&msg);
    }
}

/* Decode BOM + UTF-16 of text in the given byte order. */
static void check_utf16(const char *encoding, const char *bom,
                        const char *text)
{
    size_t len;
    char *wide = encode(encoding, text, &len);
    strbuf sb = {0}, msg = {0};
    sb_append(&sb, bom, 2);
    sb_append(&sb, wide, len);
    decoded_text d = decode_expect(sb.s, sb.len, DECODE_OK, &msg);
    assert_string_equal(d.text, text);
    assert_string_equal(d.encoding, encoding);
    assert_int_equal(d.invalid_count, 0);
    free(d.text);
    free(wide);
    sb_free(&sb);
    sb_free(&msg);
}

static void decode_utf16_with_bom(void **state)
{
    (void)state;
    /* 𠮷 (U+20BB7) needs a surrogate pair. */
    const char *text = "第一行 line\r\n𠮷野家，ＡＢＣ。\n";
    check_utf16("UTF-16LE", "\xFF\xFE", text);
    check_utf16("UTF-16BE", "\xFE\xFF", text);
}

static void decode_utf16_unpaired_surrogate(void **state)
{
    (void)state;
    /* BOM, 'a', a lone high surrogate, 'b', and an odd trailing byte. */
    const char bytes[] = "\xFF\xFE" "a\0" "\x00\xD8" "b\0" "c";
    strbuf msg = {0};
    decoded_text d =
        decode_expect(bytes, sizeof bytes - 1, DECODE_OK, &msg);
    assert_string_equal(d.text, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
    assert_int_equal(d.invalid_count, 2);
    assert_int_equal(d.first_invalid_offset, 4);
    assert_non_null(strstr(msg.s, "offset 4"));
    free(d.text);
    sb_free(&msg);
}

static void decode_gb18030(void **state)
{
    (void)state;
    size_t len;
    char *gb = encode("GB18030", chinese, &len);
    assert_true(len < strlen(chinese)); /* two bytes per hanzi, not three */
    strbuf msg = {0};
    decoded_text d = decode_expect(gb, len, DECODE_OK, &msg);
    assert_string_equal(d.encoding, "GB18030");
    assert_string_equal(d.text, chinese);
    assert_int_equal(d.invalid_count, 0);
    assert_int_equal(msg.len, 0);
    free(d.text);
    free(gb);
    sb_free(&msg);
}

static void decode_gb18030_short_and_damaged(void **state)
{
    (void)state;
    size_t len;
    /* Two characters only: still clearly GBK, not UTF-8. */
    char *gb = encode("GB18030", "北京", &len);
    strbuf msg = {0};
    decoded_text d = decode_expect(gb, len, DECODE_OK, &msg);
    assert_string_equal(d.encoding, "GB18030");
    assert_string_equal(d.text, "北京");
    free(d.text);
    free(gb);
    sb_free(&msg);

    /* A file cut in the middle of its last character. */
    gb = encode("GB18030", chinese, &len);
    decoded_text t = decode_expect(gb, len - 1, DECODE_OK, &msg);
    assert_string_equal(t.encoding, "GB18030");
    assert_int_equal(t.invalid_count, 1);
    assert_int_equal(t.first_invalid_offset, len - 2);
    assert_true(strncmp(t.text, "北京，中华文明的金名片。", 36) == 0);
    assert_true(t.len >= 3 &&
                strcmp(t.text + t.len - 3, "\xEF\xBF\xBD") == 0);
    assert_non_null(strstr(msg.s, "GB18030"));
    free(t.text);
    free(gb);
    sb_free(&msg);
}

static void decode_invalid_utf8_is_repaired(void **state)
{
    (void)state;
    strbuf in = {0}, want = {0}, msg = {0};
    for (int i = 0; i < 4; i++) /* enough valid text to be "mostly UTF-8" */
        sb_puts(&in, chinese);
    sb_puts(&want, in.s);
    size_t first = in.len + 1;
    /* lone continuation, overlong "/", UTF-8 surrogate, truncated 3-byte
       sequence before ASCII, a byte that never occurs in UTF-8. */
    sb_puts(&in, "a\x80" "b\xC0\xAF" "c\xED\xA0\x80" "d\xE5\x8C" "e\xF5" "f");
    sb_puts(&want, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD"
                   "c\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
                   "d\xEF\xBF\xBD" "e\xEF\xBF\xBD" "f");
    decoded_text d = decode_expect(in.s, in.len, DECODE_OK, &msg);
    assert_string_equal(d.encoding, "UTF-8");
    assert_string_equal(d.text, want.s);
    assert_int_equal(d.invalid_count, 8);
    assert_int_equal(d.first_invalid_offset, first);
    char expect[64];
    snprintf(expect, sizeof expect, "offset %zu", first);
    assert_non_null(strstr(msg.s, expect));
    free(d.text);
    sb_free(&in);
    sb_free(&want);
    sb_free(&msg);
}

static void decode_stray_latin1_in_ascii(void **state)
{
    (void)state;
    strbuf in = {0}, msg = {0};
    sb_puts(&in, "Caf\xE9 au lait, tr\xE8s bien. ");
    for (int i = 0; i < 20; i++)
        sb_puts(&in, "An ordinary English sentence follows here. ");
    decoded_text d = decode_expect(in.s, in.len, DECODE_OK, &msg);
    assert_string_equal(d.encoding, "UTF-8");
    assert_int_equal(d.invalid_count, 2);
    assert_int_equal(d.first_invalid_offset, 3);
    assert_true(strncmp(d.text, "Caf\xEF\xBF\xBD au", 9) == 0);
    free(d.text);
    sb_free(&in);
    sb_free(&msg);
}

static void decode_binary_signatures(void **state)
{
    (void)state;
    static const struct {
        const char *bytes;
        size_t len;
        const char *word;
    } cases[] = {
        {"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, "PNG"},
        {"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", 15, "PDF"},
        {"PK\x03\x04\x14\0\0\0", 8, "ZIP"},
        {"\177ELF\x02\x01\x01\0", 8, "ELF"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        strbuf msg = {0};
        decode_expect(cases[i].bytes, cases[i].len, DECODE_BINARY, &msg);
        assert_non_null(strstr(msg.s, cases[i].word));
        assert_non_null(strstr(msg.s, "binary"));
        sb_free(&msg);
    }
}

static void decode_nul_and_control_bytes_are_binary(void **state)
{
    (void)state;
    strbuf msg = {0};
    decode_expect("text\0with a NUL byte in it", 26, DECODE_BINARY, &msg);
    assert_non_null(strstr(msg.s, "NUL"));
    sb_free(&msg);

    char junk[200];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (char)(1 + i % 6);
    decode_expect(junk, sizeof junk, DECODE_BINARY, &msg);
    sb_free(&msg);

    /* One BEL or escape in text is not binary (normalize removes it). */
    const char *coloured = "red \x1b[31mtext\x07";
    decoded_text d =
        decode_expect(coloured, strlen(coloured), DECODE_OK, &msg);
    free(d.text);
    sb_free(&msg);
}

static void decode_bomless_utf16(void **state)
{
    (void)state;
    size_t len;
    char *wide = encode("UTF-16LE", "Plain ASCII text, 中文 too.\n", &len);
    strbuf msg = {0};
    decoded_text d = decode_expect(wide, len, DECODE_OK, &msg);
    assert_string_equal(d.encoding, "UTF-16LE");
    assert_string_equal(d.text, "Plain ASCII text, 中文 too.\n");
    free(d.text);
    free(wide);
    sb_free(&msg);
}

static void decode_undecodable_is_bad_encoding(void **state)
{
    (void)state;
    char bytes[100];
    for (size_t i = 0; i < sizeof bytes; i++)
        bytes[i] = (char)(i % 2 ? 0xFF : 0x80);
    strbuf msg = {0};
    decode_expect(bytes, sizeof bytes, DECODE_BAD_ENCODING, &msg);
    assert_non_null(strstr(msg.s, "offset 0"));
    sb_free(&msg);
}

static void decode_long_line_is_linear(void **state)
{
    (void)state;
    /* 40 MB without a newline, with a damaged byte every 64 KiB. */
    size_t unit = strlen(chinese), n = 40u << 20;
    char *big = malloc(n);
    assert_non_null(big);
    for (size_t i = 0; i < n; i += unit)
        memcpy(big + i, chinese, n - i < unit ? n - i : unit);
    while (n > 0 && ((unsigned char)big[n - 1] & 0xC0) == 0x80)
        n--; /* do not end inside a character ... */
    n--;     /* ... nor on a lead byte */
    size_t damaged = 0;
    for (size_t i = 65536; i < n; i += 65536, damaged++)
        big[i] = (char)0xFF;
    strbuf msg = {0};
    clock_t start = clock();
    decoded_text d = decode_expect(big, n, DECODE_OK, &msg);
    double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
    assert_string_equal(d.encoding, "UTF-8");
    assert_true(d.invalid_count >= damaged);
    assert_true(d.len >= n);
    assert_true(seconds < 20.0); /* quadratic behaviour would take hours */
    free(d.text);
    free(big);
    sb_free(&msg);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(decode_plain_utf8),
    cmocka_unit_test(decode_utf8_bom_is_removed),
    cmocka_unit_test(decode_empty_inputs),
    cmocka_unit_test(decode_utf16_with_bom),
    cmocka_unit_test(decode_utf16_unpaired_surrogate),
    cmocka_unit_test(decode_gb18030),
    cmocka_unit_test(decode_gb18030_short_and_damaged),
    cmocka_unit_test(decode_invalid_utf8_is_repaired),
    cmocka_unit_test(decode_stray_latin1_in_ascii),
    cmocka_unit_test(decode_binary_signatures),
    cmocka_unit_test(decode_nul_and_control_bytes_are_binary),
    cmocka_unit_test(decode_bomless_utf16),
    cmocka_unit_test(decode_undecodable_is_bad_encoding),
    cmocka_unit_test(decode_long_line_is_linear),
};
const test_suite decode_suite = {tests, SUITE_LEN(tests)};
