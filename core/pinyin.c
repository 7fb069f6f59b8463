/* pinyin.c - lookups in the generated Unihan tables, and matching a typed
 * pinyin query against a Chinese name. */
#include "pinyin.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "strbuf.h"

const char *pinyin_of(uint32_t cp)
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
        return pinyin_syllables[pinyin_readings[lo].syllable];
    return NULL;
}

uint32_t simplified_of(uint32_t cp)
{
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

/* Can the query tail q match the syllables syl[i..n)?  Each syllable is
   matched by its whole spelling or by any non-empty prefix of it (so
   initials work: lj, ljun, leij). */
static bool match_from(const char *const *syl, size_t i, size_t n,
                       const char *q)
{
    if (*q == '\0')
        return i == n;
    if (i == n)
        return false;
    const char *s = syl[i];
    size_t len = strlen(s);
    for (size_t k = len; k >= 1; k--) {
        if (strncmp(q, s, k) == 0 && match_from(syl, i + 1, n, q + k))
            return true;
    }
    return false;
}

bool pinyin_matches(const char *name, const char *q)
{
    char query[128];
    size_t qn = 0;
    for (const char *c = q; *c && qn + 1 < sizeof query; c++) {
        if (isalpha((unsigned char)*c))
            query[qn++] = (char)tolower((unsigned char)*c);
        else if (*c != ' ' && *c != '\'' && *c != '-')
            return false;
    }
    query[qn] = '\0';
    if (qn == 0)
        return false;
    const char *syl[16];
    size_t n = 0;
    const uint8_t *p = (const uint8_t *)name, *end = p + strlen(name);
    while (p < end && n < 16) {
        ucs4_t uc;
        p += u8_mbtouc(&uc, p, (size_t)(end - p));
        const char *py = pinyin_of(simplified_of(uc));
        if (!py)
            return false;
        syl[n++] = py;
    }
    return n > 0 && match_from(syl, 0, n, query);
}
