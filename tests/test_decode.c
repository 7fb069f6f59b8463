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

/* Encode text in from (an iconv name), decode it and expect exactly the
   text back, read as encoding, without a warning. */
static void expect_clean_decoding(const char *from, const char *text,
                                  const char *encoding)
{
    size_t len;
    char *bytes = encode(from, text, &len);
    strbuf msg = {0};
    decoded_text d = decode_expect(bytes, len, DECODE_OK, &msg);
    assert_string_equal(d.encoding, encoding);
    assert_string_equal(d.text, text);
    assert_int_equal(d.invalid_count, 0);
    assert_int_equal(msg.len, 0);
    free(d.text);
    free(bytes);
    sb_free(&msg);
}

static void decode_gb18030(void **state)
{
    (void)state;
    size_t len;
    char *gb = encode("GB18030", chinese, &len);
    assert_true(len < strlen(chinese)); /* two bytes per hanzi, not three */
    free(gb);
    expect_clean_decoding("GB18030", chinese, "GB18030");
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

/* Traditional Chinese as a Taiwan or Hong Kong paper prints it. */
static const char traditional[] =
    "立法院今天下午舉行院會，審議多項法案。行政院長在會中表示，政府將持續推動"
    "經濟發展與社會福利政策，並加強與各界的溝通。多位立法委員對預算編列提出質"
    "詢，認為應該更重視教育與醫療資源的分配。發言人說：「我們會在下週公布完整"
    "的報告。」\n";

/* Big5 is recognised (it was read as GBK and stored as mojibake), also
   when short; GBK text, however short, stays GB18030. */
static void decode_big5(void **state)
{
    (void)state;
    expect_clean_decoding("BIG5", traditional, "BIG5-HKSCS");
    expect_clean_decoding("BIG5", "代表說：「我們要把科技創新放在首位。」",
                          "BIG5-HKSCS");
    /* The same traditional text in GBK is GBK. */
    expect_clean_decoding("GBK", traditional, "GB18030");
}

/* Chinese UTF-16 without a byte-order mark, in both byte orders, with
   newlines (NUL bytes) and without a single ASCII character (none), is
   UTF-16 (it was called binary). */
static void decode_bomless_chinese_utf16(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "全国人大代表在会上说：“我们要把民生实事办好。”\n北京，中华文明的"
        "金名片。\n2025年，全市新建公园绿地二百余处。\n",
        "北京，中华文明的金名片。全国人大代表在会上说：“我们要把民生实事"
        "办好。”全市新建公园绿地二百余处。",
    };
    for (size_t t = 0; t < 2; t++) {
        expect_clean_decoding("UTF-16LE", texts[t], "UTF-16LE");
        expect_clean_decoding("UTF-16BE", texts[t], "UTF-16BE");
    }
    /* ASCII with a NUL in it is still binary, not UTF-16 hanzi. */
    strbuf msg = {0};
    decode_expect("plain text\0with a NUL byte and more words in it", 47,
                  DECODE_BINARY, &msg);
    sb_free(&msg);
}

/* A byte-order mark that the bytes after it contradict is ignored, with a
   warning: a UTF-8 mark before GBK (it stored thousands of U+FFFD), a
   UTF-16 mark before UTF-8 or before GBK. */
static void decode_contradicted_bom_is_ignored(void **state)
{
    (void)state;
    size_t len;
    char *gbk = encode("GBK", chinese, &len);
    static const struct {
        const char *mark;
        bool gbk;
        const char *bom_name;
        const char *encoding;
    } cases[] = {
        {"\xEF\xBB\xBF", true, "UTF-8", "GB18030"},
        {"\xFF\xFE", false, "UTF-16LE", "UTF-8"},
        {"\xFE\xFF", true, "UTF-16BE", "GB18030"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        strbuf in = {0}, msg = {0};
        sb_puts(&in, cases[i].mark);
        if (cases[i].gbk)
            sb_append(&in, gbk, len);
        else
            sb_puts(&in, chinese);
        decoded_text d = decode_expect(in.s, in.len, DECODE_OK, &msg);
        assert_string_equal(d.encoding, cases[i].encoding);
        assert_string_equal(d.text, chinese);
        assert_int_equal(d.invalid_count, 0);
        char want[128];
        snprintf(want, sizeof want, "the %s byte-order mark at its start "
                 "was ignored: the text is %s.", cases[i].bom_name,
                 cases[i].encoding);
        if (!strstr(msg.s, want))
            fail_msg("'%s' not in '%s'", want, msg.s);
        free(d.text);
        sb_free(&in);
        sb_free(&msg);
    }
    free(gbk);
}

/* A short page with 150 stray continuation bytes (more than its hanzi)
   is repaired with a warning, not refused: each stray byte becomes one
   U+FFFD and the text around them is intact. */
static void decode_stray_bytes_in_a_short_page(void **state)
{
    (void)state;
    strbuf in = {0}, want = {0}, msg = {0};
    const char *line = "代表说：发展。\n"; /* 7 hanzi and marks */
    for (int i = 0; i < 15; i++) {
        sb_puts(&in, line);
        sb_puts(&want, line);
        for (int k = 0; k < 10; k++) {
            sb_putc(&in, (char)(0x80 + (i * 10 + k) % 64));
            sb_puts(&want, "\xEF\xBF\xBD");
        }
    }
    decoded_text d = decode_expect(in.s, in.len, DECODE_OK, &msg);
    assert_string_equal(d.encoding, "UTF-8");
    assert_int_equal(d.invalid_count, 150);
    assert_string_equal(d.text, want.s);
    assert_non_null(strstr(msg.s, "150 places in all"));
    free(d.text);
    sb_free(&in);
    sb_free(&want);
    sb_free(&msg);
}

/* A large binary file is refused by its start, as text_decode would
   refuse it whole; text is let through. */
static void decode_sniff_agrees_with_decode(void **state)
{
    (void)state;
    strbuf msg = {0};
    char zeros[4096] = {0};
    assert_int_equal(text_sniff(zeros, sizeof zeros, (size_t)1 << 30, &msg),
                     DECODE_BINARY);
    assert_non_null(strstr(msg.s, "NUL"));
    sb_clear(&msg);
    assert_int_equal(text_sniff("\x89PNG\r\n\x1a\n", 8, 1000, &msg),
                     DECODE_BINARY);
    sb_clear(&msg);
    size_t len;
    char *wide = encode("UTF-16LE", chinese, &len);
    assert_int_equal(text_sniff(wide, len, len, &msg), DECODE_OK);
    assert_int_equal(text_sniff(chinese, strlen(chinese), strlen(chinese),
                                &msg), DECODE_OK);
    assert_int_equal(msg.len, 0);
    free(wide);
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
    cmocka_unit_test(decode_big5),
    cmocka_unit_test(decode_bomless_chinese_utf16),
    cmocka_unit_test(decode_contradicted_bom_is_ignored),
    cmocka_unit_test(decode_stray_bytes_in_a_short_page),
    cmocka_unit_test(decode_sniff_agrees_with_decode),
};
const test_suite decode_suite = {tests, SUITE_LEN(tests)};
