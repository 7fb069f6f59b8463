/* detect.c - cheap statistics that tell text encodings apart (see
 * detect.h). */
#include "detect.h"

#include <stdint.h>

#include "decode.h"

/* ---- UTF-16 without a byte-order mark -------------------------------- */

/* Is the code unit a character Chinese text is made of: hanzi (and
   extension A, compatibility ideographs, radicals), CJK symbols and
   punctuation, kana, bopomofo, general punctuation (“” — …), fullwidth
   forms? */
static bool cjk_unit(unsigned u)
{
    return (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF) ||
           (u >= 0x3000 && u <= 0x30FF) || (u >= 0x3100 && u <= 0x31BF) ||
           (u >= 0x2E80 && u <= 0x2FDF) || (u >= 0xF900 && u <= 0xFAFF) ||
           (u >= 0x2000 && u <= 0x206F) || (u >= 0xFF00 && u <= 0xFFEF);
}

/* Is the code unit ASCII text or Latin-1 (white space included)? */
static bool latin_unit(unsigned u)
{
    return u == '\t' || u == '\n' || u == '\r' || (u >= 0x20 && u < 0x7F) ||
           (u >= 0xA0 && u <= 0xFF);
}

/* Does the sample read as Chinese UTF-16 in this byte order?  Nearly all
   units (19 in 20) must be CJK or Latin text, at least a fifth CJK, and
   the low bytes of the CJK units must look like the uniform spread real
   text has: ASCII read as UTF-16 also gives units in the hanzi block
   ("te" is U+6574), but never a low byte above 0x7F. */
static bool reads_as_chinese(const unsigned char *b, size_t units,
                             bool big_endian)
{
    size_t latin = 0, cjk = 0, high_low = 0;
    for (size_t i = 0; i < units; i++) {
        unsigned hi = b[2 * i + (big_endian ? 0 : 1)];
        unsigned lo = b[2 * i + (big_endian ? 1 : 0)];
        unsigned u = hi << 8 | lo;
        if (latin_unit(u)) {
            latin++;
        } else if (cjk_unit(u)) {
            cjk++;
            high_low += lo >= 0x80;
        }
    }
    return (latin + cjk) * 20 >= units * 19 && cjk * 5 >= units &&
           high_low * 8 >= cjk;
}

utf16_order detect_utf16(const unsigned char *b, size_t n, size_t total)
{
    if (n < 4 || total % 2 != 0)
        return UTF16_NONE;
    size_t sample = n < DECODE_SNIFF_BYTES ? n : DECODE_SNIFF_BYTES;
    size_t units = sample / 2, even_nul = 0, odd_nul = 0;
    for (size_t i = 0; i + 1 < sample; i += 2) {
        even_nul += b[i] == 0;
        odd_nul += b[i + 1] == 0;
    }
    /* Mostly ASCII: NUL high bytes. */
    if (odd_nul * 10 >= units * 3 && even_nul * 50 <= units)
        return UTF16_LE;
    if (even_nul * 10 >= units * 3 && odd_nul * 50 <= units)
        return UTF16_BE;
    /* Chinese: too few units to judge below 16. */
    if (units < 16)
        return UTF16_NONE;
    bool le = reads_as_chinese(b, units, false);
    bool be = reads_as_chinese(b, units, true);
    if (le != be)
        return le ? UTF16_LE : UTF16_BE;
    return UTF16_NONE;
}

/* ---- GB18030 or Big5 -------------------------------------------------- */

/* What the bytes look like as GB18030 and as Big5. */
typedef struct {
    dbcs_guess gb;       /* the GB18030 reading */
    size_t gb2312_pairs; /* pairs with both bytes in A1..FE: GB2312's rows */
    dbcs_guess big5;     /* the Big5 reading */
    size_t big5_common;  /* pairs in A140..C6FE: Big5's punctuation and
                            frequent hanzi */
} dbcs_stats;

/* Count one byte that starts no valid character. */
static void broken_at(dbcs_guess *g, size_t at)
{
    if (g->broken++ == 0)
        g->first_broken = at;
}

/* Is the byte at i (0x80 or above) one that cannot lead a character in
   either encoding: 0x80, 0xFF, or the last byte (a character cut short)?
   It is counted as broken. */
static bool lone_byte(const unsigned char *b, size_t n, size_t i,
                      dbcs_guess *g)
{
    unsigned c = b[i];
    if (c != 0x80 && c != 0xFF && i + 1 < n)
        return false;
    g->truncated = i + 1 >= n && c != 0x80 && c != 0xFF;
    broken_at(g, i);
    return true;
}

/* The length of the GB18030 character whose lead byte (81..FE, not the
   last byte) is at i: 2 for a pair (second byte 40..7E or 80..FE), 4 for
   a four-byte sequence (digit, lead, digit), or 0 when it is broken (a
   four-byte sequence cut short at the end sets truncated). */
static size_t gb_char_length(const unsigned char *b, size_t n, size_t i,
                             dbcs_guess *g)
{
    unsigned d = b[i + 1];
    if (d >= 0x30 && d <= 0x39) {
        if (i + 3 < n && b[i + 2] >= 0x81 && b[i + 2] <= 0xFE &&
            b[i + 3] >= 0x30 && b[i + 3] <= 0x39)
            return 4;
        g->truncated = i + 3 >= n;
        return 0;
    }
    return d < 0x40 || d == 0x7F || d == 0xFF ? 0 : 2;
}

/* The same for Big5 (with the HKSCS lead bytes 81..A0 and FA..FE): a
   pair whose second byte is 40..7E or A1..FE, or 0. */
static size_t big5_char_length(const unsigned char *b, size_t i)
{
    unsigned d = b[i + 1];
    return (d >= 0x40 && d <= 0x7E) || (d >= 0xA1 && d <= 0xFE) ? 2 : 0;
}

/* Is the pair (c, d) in the common area of its encoding: GB2312's rows
   (both bytes A1..FE) or Big5's punctuation and frequent hanzi
   (A140..C6FE)? */
static bool common_pair(bool gb, unsigned c, unsigned d)
{
    return gb ? c >= 0xA1 && d >= 0xA1 : c >= 0xA1 && c <= 0xC6;
}

/* Walk the byte structure of GB18030 (gb set) or Big5: count characters,
   broken bytes and the pairs in the encoding's common area (*common).
   Chinese text in GB2312/GBK is mostly pairs with both bytes in A1..FE;
   Latin-1 or damaged UTF-8 read as GBK gives pairs whose second byte is
   ASCII, or broken pairs. */
static void dbcs_survey(const unsigned char *b, size_t n, bool gb,
                        dbcs_guess *g, size_t *common)
{
    size_t i = 0;
    while (i < n) {
        if (b[i] < 0x80 || lone_byte(b, n, i, g)) {
            i++;
            continue;
        }
        size_t len = gb ? gb_char_length(b, n, i, g) : big5_char_length(b, i);
        if (len == 0) {
            broken_at(g, i);
            i++;
            continue;
        }
        g->units++;
        if (len == 2 && common_pair(gb, b[i], b[i + 1]))
            (*common)++;
        i += len;
    }
}

/* Few broken bytes: one, or one in twenty characters. */
static bool few_broken(const dbcs_guess *g)
{
    return g->units > 0 && g->broken <= 1 + g->units / 20;
}

dbcs_guess detect_dbcs(const unsigned char *b, size_t n)
{
    dbcs_stats st = {{0}, 0, {0}, 0};
    dbcs_survey(b, n, true, &st.gb, &st.gb2312_pairs);
    dbcs_survey(b, n, false, &st.big5, &st.big5_common);
    /* Big5 when its common area holds clearly more pairs (a fifth of all
       characters more) than GB2312's rows do: simplified text in GBK
       puts about 58% of its pairs in Big5's area and all in GB2312's,
       traditional text in Big5 all in its own and about 40% in GB2312's. */
    if (few_broken(&st.big5) && st.big5_common * 2 >= st.big5.units &&
        st.big5_common > st.gb2312_pairs + st.big5.units / 5) {
        st.big5.encoding = "BIG5-HKSCS";
        return st.big5;
    }
    if (few_broken(&st.gb) && st.gb2312_pairs * 2 >= st.gb.units) {
        st.gb.encoding = "GB18030";
        return st.gb;
    }
    return (dbcs_guess){NULL, 0, 0, 0, false};
}
