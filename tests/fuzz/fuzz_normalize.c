/* fuzz_normalize.c - libFuzzer target for stages 2 and 3: text_normalize()
 * and paragraphs_split() (hard-wrap repair), plus the byline helper
 * byline_collapse_name_spaces().
 *
 * The bytes are decoded first (text_normalize takes valid UTF-8).  Checked:
 * the normalised text is valid UTF-8 with no control character but LF, no
 * escape sequence introducer, C1 control, DEL, or format character (soft
 * hyphen, BOM, bidi controls, tag characters); it is in NFC; normalising it again changes nothing.  Paragraphs
 * come out as non-empty BLOCK_BODY blocks without newlines, with strictly
 * increasing source lines inside the text, and together they hold exactly
 * the non-space characters of the text, in order (rejoining wrapped lines
 * may only drop line ends and layout spaces and add ASCII spaces).
 */
#include <unictype.h>
#include <uninorm.h>

#include "fuzz_common.h"
#include "paragraphs.h"

/* Is uc something text_normalize must have removed?  Every format
   character (soft hyphen, zero-width and bidi controls, BOM, tag
   characters) and the whole tag block, whatever printable.c says. */
static bool must_be_gone(ucs4_t uc)
{
    return (uc < 0x20 && uc != '\n') || (uc >= 0x7F && uc <= 0x9F) ||
           uc == 0x2028 || uc == 0x2029 || (uc >= 0xE0000 && uc <= 0xE007F) ||
           uc_is_general_category(uc, UC_CATEGORY_Cf);
}

/* Check the normalised text. */
static void check_normalized(const char *s, size_t n)
{
    fuzz_check_utf8("normalized text", s, n);
    const uint8_t *p = (const uint8_t *)s, *end = p + n;
    while (p < end) {
        ucs4_t uc;
        int len = u8_mbtouc(&uc, p, (size_t)(end - p));
        if (must_be_gone(uc))
            fuzz_fail("normalized text keeps U+%04X at byte %zu",
                      (unsigned)uc, (size_t)(p - (const uint8_t *)s));
        p += len;
    }
    size_t nfc_len = 0;
    uint8_t *nfc = n ? u8_normalize(UNINORM_NFC, (const uint8_t *)s, n,
                                    NULL, &nfc_len)
                     : NULL;
    if (n && (!nfc || nfc_len != n || memcmp(nfc, s, n) != 0))
        fuzz_fail("normalized text is not in NFC");
    free(nfc);
    size_t again_len;
    char *again = text_normalize(s, n, &again_len);
    if (again_len != n || memcmp(again, s, n) != 0)
        fuzz_fail("text_normalize is not idempotent");
    free(again);
}

/* Is uc white space that paragraphs_split may drop or add? */
static bool is_layout_space(ucs4_t uc)
{
    return uc == ' ' || uc == '\t' || uc == '\n' || uc == '\r' ||
           uc == 0x3000 || uc == 0xA0;
}

/* s without layout spaces (heap string). */
static char *without_spaces(const char *s)
{
    strbuf sb = {0};
    const uint8_t *p = (const uint8_t *)s;
    while (*p) {
        ucs4_t uc;
        int len = u8_strmbtouc(&uc, p);
        if (len <= 0)
            len = 1;
        if (!is_layout_space(uc))
            sb_append(&sb, (const char *)p, (size_t)len);
        p += len;
    }
    return sb_take(&sb);
}

/* Check the paragraphs of text. */
static void check_paragraphs(const char *text, const block_list *bl)
{
    fuzz_check_blocks("paragraph", bl);
    int lines = 1;
    for (const char *p = text; *p; p++)
        lines += *p == '\n';
    int last = 0;
    strbuf all = {0};
    for (size_t i = 0; i < bl->n; i++) {
        const block *b = &bl->v[i];
        if (b->kind != BLOCK_BODY)
            fuzz_fail("paragraph %zu is not BLOCK_BODY", i);
        if (!*b->text || strchr(b->text, '\n'))
            fuzz_fail("paragraph %zu is empty or has a newline", i);
        if (b->line <= last || b->line > lines)
            fuzz_fail("paragraph %zu at line %d (previous %d, %d lines)", i,
                      b->line, last, lines);
        last = b->line;
        sb_puts(&all, b->text);
    }
    char *want = without_spaces(text);
    char *got = without_spaces(all.s ? all.s : "");
    if (strcmp(want, got) != 0)
        fuzz_fail("paragraphs do not hold the text's characters in order");
    free(want);
    free(got);
    sb_free(&all);
}

/* byline_collapse_name_spaces may only remove spaces. */
static void check_byline(const char *line)
{
    char *out = byline_collapse_name_spaces(line);
    fuzz_check_utf8("collapsed byline", out, strlen(out));
    char *a = without_spaces(line), *b = without_spaces(out);
    if (strcmp(a, b) != 0 || strlen(out) > strlen(line))
        fuzz_fail("byline_collapse_name_spaces changed more than spaces");
    free(a);
    free(b);
    free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t dlen;
    char *dec = fuzz_decode(data, size, &dlen);
    if (!dec)
        return 0;
    size_t n;
    char *text = text_normalize(dec, dlen, &n);
    free(dec);
    check_normalized(text, n);

    block_list bl = {0};
    paragraphs_split(text, &bl);
    check_paragraphs(text, &bl);
    for (size_t i = 0; i < bl.n && i < 8; i++)
        check_byline(bl.v[i].text);
    block_list_free(&bl);
    free(text);
    return 0;
}
