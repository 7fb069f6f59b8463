/* normalize.c - stage 2: make decoded text safe and canonical.
 *
 * One pass over the code points removes everything a terminal would
 * interpret (C0 and C1 controls, DEL, whole ANSI/OSC/DCS escape sequences
 * in their 7-bit and 8-bit forms) and everything that would make the
 * display width lie: every format character (soft hyphens, zero-width and
 * bidi controls, a BOM inside the text, tag characters), the same set
 * that names are escaped for (printable.h).  It turns CR, CRLF and the
 * Unicode line and paragraph separators into LF and expands tabs.  Then
 * libunistring puts the result in NFC.  Both steps are linear.
 *
 * Tabs expand to the next multiple of 4 display columns: that keeps the
 * rare tab-aligned table in a page readable, and 4 is the width of the
 * two-ideograph indent Chinese text uses.
 */
#include "normalize.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "printable.h"
#include "strbuf.h"

#define TAB_STOP 4

/* Read the code point at s[i] (n bytes in all); invalid bytes read as
   U+FFFD of length 1 so that bad input cannot stall the scan. */
static size_t read_code_point(const char *s, size_t n, size_t i, ucs4_t *uc)
{
    int len = u8_mbtouc(uc, (const uint8_t *)s + i, n - i);
    return len > 0 ? (size_t)len : 1;
}

/* Skip a control string (OSC, DCS, SOS, PM, APC) whose body starts at
   s[i]: it ends at BEL, at ESC \ or at the 8-bit ST (U+009C).  An
   unterminated string ends before the next newline so that one stray
   introducer cannot swallow the rest of the document.  Returns the index
   after the sequence. */
static size_t skip_control_string(const char *s, size_t n, size_t i)
{
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0x07)
            return i + 1;
        if (c == 0x1B && i + 1 < n && s[i + 1] == '\\')
            return i + 2;
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0x9C)
            return i + 2;
        if (c == '\n' || c == '\r')
            return i;
        i++;
    }
    return i;
}

/* Skip the parameters, intermediates and final byte of a CSI sequence
   whose parameters start at s[i] (ECMA-48: 0x30-0x3F, then 0x20-0x2F,
   then one final byte 0x40-0x7E).  A malformed sequence stops at the
   first byte that cannot belong to it, which is then kept.  Returns the
   index after the sequence. */
static size_t skip_csi(const char *s, size_t n, size_t i)
{
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x40 && c <= 0x7E)
            return i + 1;
        if (c < 0x20 || c > 0x3F)
            return i;
        i++;
    }
    return i;
}

/* Skip an escape sequence that starts with ESC at s[i].  Returns the index
   after it. */
static size_t skip_escape(const char *s, size_t n, size_t i)
{
    i++; /* ESC */
    if (i >= n)
        return i;
    unsigned char c = (unsigned char)s[i];
    if (c == '[')
        return skip_csi(s, n, i + 1);
    if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_')
        return skip_control_string(s, n, i + 1);
    /* nF sequences: intermediates 0x20-0x2F then a final byte. */
    while (i < n && (unsigned char)s[i] >= 0x20 &&
           (unsigned char)s[i] <= 0x2F)
        i++;
    if (i < n && (unsigned char)s[i] >= 0x30 && (unsigned char)s[i] <= 0x7E)
        return i + 1;
    return i;
}

/* Skip a C1 control (U+0080-U+009F, two bytes in UTF-8) at s[i] together
   with the sequence it introduces, if it is CSI, OSC or another string
   introducer.  Returns the index after it. */
static size_t skip_c1(const char *s, size_t n, size_t i, ucs4_t uc)
{
    i += 2;
    if (uc == 0x9B)
        return skip_csi(s, n, i);
    if (uc == 0x9D || uc == 0x90 || uc == 0x98 || uc == 0x9E || uc == 0x9F)
        return skip_control_string(s, n, i);
    return i;
}

/* Append spaces up to the next tab stop; *col is the display column. */
static void expand_tab(strbuf *sb, int *col)
{
    do {
        sb_putc(sb, ' ');
        (*col)++;
    } while (*col % TAB_STOP != 0);
}

/* Display columns of a code point kept in the text (for tab stops). */
static int kept_width(ucs4_t uc)
{
    if (uc >= 0x4E00 && uc <= 0x9FFF) /* the bulk of Chinese text */
        return 2;
    int w = uc_width(uc, "UTF-8");
    return w > 0 ? w : 0;
}

/* Handle the special code point uc (len bytes) at s[i]: append what
   replaces it and return the index after it and anything it swallows. */
static size_t clean_one(const char *s, size_t n, size_t i, ucs4_t uc,
                        size_t len, strbuf *sb, int *col)
{
    if (uc == '\r' || uc == '\n' || uc == 0x2028 || uc == 0x2029) {
        sb_putc(sb, '\n');
        *col = 0;
        i += len;
        if (uc == '\r' && i < n && s[i] == '\n')
            i++;
        return i;
    }
    if (uc == '\t') {
        expand_tab(sb, col);
        return i + 1;
    }
    if (uc == 0x1B)
        return skip_escape(s, n, i);
    if (uc >= 0x80 && uc <= 0x9F)
        return skip_c1(s, n, i, uc);
    return i + len; /* other controls, DEL, invisible format characters */
}

/* The cleaning pass: everything except NFC.  Text that needs no change is
   copied in runs, so ordinary text costs one scan and one copy. */
static void clean(const char *s, size_t n, strbuf *sb)
{
    size_t i = 0, run = 0;
    int col = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F) {
            col++;
            i++;
            continue;
        }
        ucs4_t uc = c;
        size_t len = c < 0x80 ? 1 : read_code_point(s, n, i, &uc);
        if (!char_is_invisible_control(uc)) {
            col += kept_width(uc);
            i += len;
            continue;
        }
        sb_append(sb, s + run, i - run);
        i = clean_one(s, n, i, uc, len, sb, &col);
        run = i;
    }
    sb_append(sb, s + run, i - run);
}

/* Whether NFC leaves the character alone whatever surrounds it: no
   canonical decomposition, combining class 0, and never the second half
   of a composition.  Only blocks that newspaper text is made of are
   listed (ASCII, CJK ideographs and punctuation, kana without the
   combining sound marks, general punctuation without the decomposing
   spaces, fullwidth forms, geometric shapes); anything else sends the
   text through u8_normalize. */
static bool nfc_inert(ucs4_t c)
{
    if (c < 0x80)
        return true;
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x3000 && c <= 0x3029) || (c >= 0x3030 && c <= 0x303F) ||
           (c >= 0x3041 && c <= 0x3096) || (c >= 0x309B && c <= 0x30FF) ||
           (c >= 0xFF01 && c <= 0xFF5E) || (c >= 0xFFE0 && c <= 0xFFE6) ||
           (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) ||
           (c >= 0x25A0 && c <= 0x25FF) || c == 0x00B7 || c == 0x00D7;
}

/* Whether s is already in NFC because every character is inert: true
   for almost every page, which then skips u8_normalize's copy. */
static bool text_is_nfc_inert(const uint8_t *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        ucs4_t c;
        int len = u8_mbtouc(&c, s + i, n - i);
        if (!nfc_inert(c))
            return false;
        i += (size_t)len;
    }
    return true;
}

/* Clean the text, then compose it to NFC (see the top of the file). */
char *text_normalize(const char *s, size_t n, size_t *outlen)
{
    strbuf sb = {0};
    clean(s, n, &sb);
    size_t len = 0;
    uint8_t *nfc = NULL;
    if (sb.len > 0 && !text_is_nfc_inert((const uint8_t *)sb.s, sb.len))
        nfc = u8_normalize(UNINORM_NFC, (const uint8_t *)sb.s, sb.len, NULL,
                           &len);
    if (nfc == NULL) { /* empty, already NFC, or out of memory */
        len = sb.len;
        if (outlen)
            *outlen = len;
        return sb_take(&sb);
    }
    sb_free(&sb);
    char *out = xrealloc(nfc, len + 1);
    out[len] = '\0';
    if (outlen)
        *outlen = len;
    return out;
}

/* Is uc a Han ideograph (the characters Chinese names are written in)? */
static bool is_ideograph(ucs4_t uc)
{
    return uc_is_property_ideographic(uc);
}

/* Is uc a space that print layout uses to justify text? */
static bool is_layout_space(ucs4_t uc)
{
    return uc == ' ' || uc == 0x3000;
}

/* Decode s into an array of code points (for the look-around the byline
   rule needs).  Returns the count; *v is a heap array. */
static size_t to_code_points(const char *s, ucs4_t **v)
{
    size_t n = strlen(s), count = 0;
    *v = xmalloc((n + 1) * sizeof **v);
    for (size_t i = 0; i < n;)
        i += read_code_point(s, n, i, &(*v)[count++]);
    return count;
}

/* May the spaces between positions a (last ideograph before them) and b
   (first ideograph after them) be removed?  Both sides must be a single
   ideograph, not part of a longer run, and the left one must not already
   have been joined to its own left neighbour. */
static bool is_split_name(const ucs4_t *v, size_t count, size_t a, size_t b,
                          const bool *joined)
{
    if (!is_ideograph(v[a]) || !is_ideograph(v[b]))
        return false;
    if (a > 0 && is_ideograph(v[a - 1]))
        return false;
    if (b + 1 < count && is_ideograph(v[b + 1]))
        return false;
    return !joined[a];
}

/* Drop the spaces that justify a split two-character name (贺 勇), working
   left to right on code points so that 张 骁 王 晶 pairs as 张骁 王晶. */
char *byline_collapse_name_spaces(const char *s)
{
    ucs4_t *v;
    size_t count = to_code_points(s, &v);
    bool *joined = xcalloc(count + 1, sizeof *joined);
    bool *drop = xcalloc(count + 1, sizeof *drop);
    for (size_t i = 1; i < count; i++) {
        if (!is_layout_space(v[i]) || is_layout_space(v[i - 1]))
            continue;
        size_t j = i;
        while (j < count && is_layout_space(v[j]))
            j++;
        if (j < count && is_split_name(v, count, i - 1, j, joined)) {
            for (size_t k = i; k < j; k++)
                drop[k] = true;
            joined[j] = true;
        }
        i = j;
    }
    strbuf sb = {0};
    for (size_t i = 0; i < count; i++) {
        uint8_t buf[6];
        int len = drop[i] ? 0 : u8_uctomb(buf, v[i], (int)sizeof buf);
        if (len > 0)
            sb_append(&sb, (const char *)buf, (size_t)len);
    }
    free(v);
    free(joined);
    free(drop);
    return sb_take(&sb);
}
