/* pinyin.c - lookups in the generated Unihan tables, and matching a typed
 * pinyin query against a Chinese name. */
#include "pinyin.h"

#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "strbuf.h"

/* The longest name pinyin_matches accepts, and the longest query, enough
   to spell such a name in full (zhuang has six letters). */
#define NAME_MAX_CHARS 32
#define QUERY_MAX_LETTERS (NAME_MAX_CHARS * 6)

/* Index of the first (preferred) reading of cp in pinyin_readings, or
   pinyin_readings_len if it has none.  A character's readings are
   adjacent, so this is a lower-bound binary search. */
static size_t first_reading(uint32_t cp)
{
    size_t lo = 0, hi = pinyin_readings_len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (pinyin_readings[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < pinyin_readings_len && pinyin_readings[lo].cp == cp)
        return lo;
    return pinyin_readings_len;
}

const char *pinyin_of(uint32_t cp)
{
    size_t i = first_reading(cp);
    if (i == pinyin_readings_len)
        return NULL;
    return pinyin_syllables[pinyin_readings[i].syllable];
}

/* One bit per code point of the Basic Multilingual Plane: set when the
   character has a simplified form.  Built once, from simplified_variants,
   because simplified_of runs for every character the tokenizer indexes
   and almost none of them has one. */
static uint8_t bmp_has_variant[0x10000 / 8];
static pthread_once_t bmp_once = PTHREAD_ONCE_INIT;

static void bmp_has_variant_build(void)
{
    for (size_t i = 0; i < simplified_variants_len; i++) {
        uint32_t cp = simplified_variants[i].from;
        if (cp < 0x10000)
            bmp_has_variant[cp >> 3] |= (uint8_t)(1u << (cp & 7));
    }
}

uint32_t simplified_of(uint32_t cp)
{
    if (cp < 0x10000) {
        pthread_once(&bmp_once, bmp_has_variant_build);
        if (!(bmp_has_variant[cp >> 3] & (1u << (cp & 7))))
            return cp;
    }
    size_t lo = 0, hi = simplified_variants_len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (simplified_variants[mid].from < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < simplified_variants_len && simplified_variants[lo].from == cp)
        return simplified_variants[lo].to;
    return cp;
}

char *text_simplify(const char *s)
{
    strbuf sb = {0};
    const uint8_t *p = (const uint8_t *)s;
    size_t n = strlen(s);
    const uint8_t *end = p + n;
    while (p < end) {
        ucs4_t uc;
        int len = u8_mbtouc(&uc, p, (size_t)(end - p));
        uint8_t out[6];
        int olen = u8_uctomb(out, simplified_of(uc), sizeof out);
        if (olen > 0)
            sb_append(&sb, (const char *)out, (size_t)olen);
        else
            sb_append(&sb, (const char *)p, (size_t)len);
        p += len;
    }
    return sb_take(&sb);
}

/* Characters that may stand inside a name without being read: spaces of
   print justification (贺 勇) and the dots between the parts of a
   transliterated name (阿卜杜·热西提). */
static bool is_name_separator(ucs4_t c)
{
    return c == ' ' || c == '\t' || c == '.' || c == 0x00A0 ||
           c == 0x00B7 || c == 0x2022 || c == 0x2027 || c == 0x3000 ||
           c == 0x30FB || c == 0xFF0E || c == 0xFF65;
}

/* Reduce a typed query to lowercase letters in out (QUERY_MAX_LETTERS + 1
   bytes), dropping spaces, apostrophes and hyphens.  Returns the number of
   letters, or 0 when the query is empty, too long or has anything else. */
static size_t query_letters(const char *q, char *out)
{
    size_t n = 0;
    for (const char *c = q; *c; c++) {
        if (*c == ' ' || *c == '\'' || *c == '-')
            continue;
        if (!isalpha((unsigned char)*c) || n == QUERY_MAX_LETTERS)
            return 0;
        out[n++] = (char)tolower((unsigned char)*c);
    }
    out[n] = '\0';
    return n;
}

/* Mark in next[] every query length k + len reachable by spelling a
   non-empty prefix of syllable syl from query position k. */
static void advance_by_syllable(const char *query, size_t qn, size_t k,
                                const char *syl, bool *next)
{
    for (size_t len = 1; syl[len - 1] && k + len <= qn; len++) {
        char q = query[k + len - 1], c = syl[len - 1];
        /* ü is spelled v in the table; people also type u (lu for 吕). */
        if (q != c && !(q == 'u' && c == 'v'))
            break;
        next[k + len] = true;
    }
}

/* Can the characters (index of their first reading each) spell the whole
   query, each character by a non-empty prefix of one of its readings?
   With prefix, the query may end before the name does (lei finds 雷军).
   Dynamic programming over query positions: reach[k] says the characters
   so far can spell the first k letters. */
static bool spell_name(const size_t *first, size_t n, const char *query,
                       size_t qn, bool prefix)
{
    bool reach[QUERY_MAX_LETTERS + 1] = {true};
    for (size_t i = 0; i < n; i++) {
        bool next[QUERY_MAX_LETTERS + 1] = {false};
        bool any = false;
        uint32_t cp = pinyin_readings[first[i]].cp;
        for (size_t k = 0; k < qn; k++) {
            if (!reach[k])
                continue;
            for (size_t r = first[i];
                 r < pinyin_readings_len && pinyin_readings[r].cp == cp;
                 r++) {
                const pinyin_reading *pr = &pinyin_readings[r];
                advance_by_syllable(query, qn, k,
                                    pinyin_syllables[pr->syllable], next);
            }
        }
        for (size_t k = 0; k <= qn; k++) {
            reach[k] = next[k];
            any = any || next[k];
        }
        if (!any)
            return false;
        if (prefix && reach[qn])
            return true;
    }
    return reach[qn];
}

/* The first reading of a name's character: of its simplified form, else
   its own (pinyin_readings_len when it has none). */
static size_t name_char_reading(uint32_t cp)
{
    size_t r = first_reading(simplified_of(cp));
    return r == pinyin_readings_len ? first_reading(cp) : r;
}

size_t pinyin_readings_of(uint32_t cp, const char **out, size_t max)
{
    size_t r = name_char_reading(cp);
    size_t n = 0;
    for (uint32_t c = r < pinyin_readings_len ? pinyin_readings[r].cp : 0;
         r < pinyin_readings_len && pinyin_readings[r].cp == c && n < max;
         r++)
        out[n++] = pinyin_syllables[pinyin_readings[r].syllable];
    return n;
}

size_t pinyin_name_chars(const char *name, uint32_t *out, size_t max)
{
    size_t n = 0;
    const uint8_t *p = (const uint8_t *)name, *end = p + strlen(name);
    while (p < end && n < max) {
        ucs4_t uc;
        p += u8_mbtouc(&uc, p, (size_t)(end - p));
        if (!is_name_separator(uc))
            out[n++] = uc;
    }
    return n;
}

size_t pinyin_query_letters(const char *q, char *out, size_t cap)
{
    char letters[QUERY_MAX_LETTERS + 1];
    size_t n = query_letters(q, letters);
    if (n == 0 || n + 1 > cap)
        return 0;
    memcpy(out, letters, n + 1);
    return n;
}

/* pinyin_matches and pinyin_matches_prefix. */
static bool matches(const char *name, const char *q, bool prefix)
{
    char query[QUERY_MAX_LETTERS + 1];
    size_t qn = query_letters(q, query);
    if (qn == 0)
        return false;
    size_t first[NAME_MAX_CHARS];
    size_t n = 0;
    const uint8_t *p = (const uint8_t *)name, *end = p + strlen(name);
    while (p < end) {
        ucs4_t uc;
        p += u8_mbtouc(&uc, p, (size_t)(end - p));
        if (is_name_separator(uc))
            continue;
        size_t r = name_char_reading(uc);
        if (r == pinyin_readings_len || n == NAME_MAX_CHARS)
            return false;
        first[n++] = r;
    }
    return n > 0 && spell_name(first, n, query, qn, prefix);
}

bool pinyin_matches(const char *name, const char *q)
{
    return matches(name, q, false);
}

bool pinyin_matches_prefix(const char *name, const char *q)
{
    return matches(name, q, true);
}
