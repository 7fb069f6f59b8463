/* text.c - the text toolkit the parsing stages share (see text.h). */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "strbuf.h"

/* ---- UTF-8 ------------------------------------------------------------- */

size_t utf8_char(const char *s, size_t n, uint32_t *uc)
{
    if (n == 0) {
        *uc = 0;
        return 0;
    }
    ucs4_t c;
    int len = u8_mbtouc(&c, (const uint8_t *)s, n);
    *uc = c;
    return len > 0 ? (size_t)len : 1;
}

size_t utf8_prev_len(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    ucs4_t uc;
    const uint8_t *end = (const uint8_t *)s + n;
    const uint8_t *p = u8_prev(&uc, end, (const uint8_t *)s);
    return p ? (size_t)(end - p) : 1;
}

size_t utf8_chars_len(const char *s, size_t n, size_t count)
{
    size_t pos = 0;
    uint32_t uc;
    while (count-- > 0 && pos < n)
        pos += utf8_char(s + pos, n - pos, &uc);
    return pos;
}

size_t utf8_count(const char *s, size_t n)
{
    return u8_mbsnlen((const uint8_t *)s, n);
}

bool starts_with(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    return k <= n && memcmp(s, w, k) == 0;
}

bool ends_with(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    return k <= n && memcmp(s + n - k, w, k) == 0;
}

/* ---- code-point arrays ------------------------------------------------- */

uint32_t *u32_from_utf8(const char *s, size_t *n)
{
    size_t len = strlen(s);
    uint32_t *u = xmalloc((len + 1) * sizeof *u);
    const uint8_t *p = (const uint8_t *)s, *end = p + len;
    size_t k = 0;
    while (p < end) {
        ucs4_t c;
        int m = u8_mbtouc(&c, p, (size_t)(end - p));
        if (m <= 0)
            m = 1;
        u[k++] = c;
        p += m;
    }
    *n = k;
    return u;
}

/* libunistring converts the whole array in one call: one allocation
   instead of one append per character. */
char *u32_to_utf8(const uint32_t *u, size_t n)
{
    size_t len = 0;
    uint8_t *r = n ? u32_to_u8(u, n, NULL, &len) : NULL;
    if (!r)
        return xstrdup(""); /* nothing to encode (or invalid code points,
                               which u32_from_utf8 never produces) */
    char *out = xrealloc(r, len + 1);
    out[len] = '\0';
    return out;
}

size_t u32_match(const uint32_t *u, size_t n, size_t from, const char *lit)
{
    const uint8_t *p = (const uint8_t *)lit, *end = p + strlen(lit);
    size_t i = from;
    while (p < end) {
        ucs4_t c;
        int m = u8_mbtouc(&c, p, (size_t)(end - p));
        if (m <= 0 || i >= n || u[i] != c)
            return 0;
        p += m;
        i++;
    }
    return i - from;
}

size_t u32_find(const uint32_t *u, size_t n, size_t from, const char *lit)
{
    for (size_t i = from; i < n; i++)
        if (u32_match(u, n, i, lit))
            return i;
    return n;
}

bool u32_has(const uint32_t *u, size_t n, uint32_t c)
{
    for (size_t i = 0; i < n; i++)
        if (u[i] == c)
            return true;
    return false;
}

size_t u32_count(const uint32_t *u, size_t n, uint32_t c)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += u[i] == c;
    return k;
}

bool u32_has_sentence_mark(const uint32_t *u, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (u[i] == U'。' || u[i] == U'！' || u[i] == U'？')
            return true;
    return false;
}

size_t u32_visible(const uint32_t *u, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += !is_space(u[i]);
    return k;
}

size_t u32_open_paren_before(const uint32_t *u, size_t n, size_t close)
{
    for (size_t i = close; i-- > 0;)
        if (u[i] == U'（' || u[i] == '(')
            return i;
    return n;
}

size_t u32_digits_at(const uint32_t *u, size_t n, size_t i)
{
    size_t k = 0;
    while (i + k < n && is_digit(u[i + k]))
        k++;
    return k;
}

bool u32_ends_statement(const uint32_t *u, size_t n)
{
    while (n > 0 && (is_closer(u[n - 1]) || is_straight_quote(u[n - 1])))
        n--;
    return n > 0 && (is_sentence_end(u[n - 1]) || is_full_stop(u[n - 1]) ||
                     is_semicolon(u[n - 1]));
}

/* ---- character classes ------------------------------------------------- */

/* The CJK Unified Ideographs, Extension A, the compatibility ideographs
   and the supplementary ideographic planes (Extensions B to H). */
bool is_han(uint32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

bool is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == IDEOGRAPHIC_SPACE ||
           c == NO_BREAK_SPACE;
}

bool is_digit(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= U'０' && c <= U'９');
}

int digit_value(uint32_t c)
{
    return c >= U'０' ? (int)(c - U'０') : (int)(c - '0');
}

bool is_latin(uint32_t c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= U'Ａ' && c <= U'Ｚ') || (c >= U'ａ' && c <= U'ｚ');
}

/* The CJK Symbols and Punctuation block (U+3000-303F: 、。《》「」【】 …),
   the full-width forms of ASCII punctuation, the curly quotes, and the
   dash, ellipsis, middle dot and wave dash of Chinese text. */
bool is_cjk_punct(uint32_t c)
{
    return (c >= 0x3000 && c <= 0x303F) || (c >= U'！' && c <= U'／') ||
           (c >= U'：' && c <= U'＠') || (c >= U'‘' && c <= U'‟') ||
           c == U'—' || c == U'…' || c == U'·' || c == U'～';
}

bool is_sentence_end(uint32_t c)
{
    switch (c) {
    case U'。': case U'！': case U'？': case U'…': case U'｡':
    case '!': case '?':
        return true;
    }
    return false;
}

bool is_full_stop(uint32_t c)
{
    return c == '.' || c == U'．';
}

bool is_comma(uint32_t c)
{
    return c == U'，' || c == ',';
}

bool is_semicolon(uint32_t c)
{
    return c == U'；' || c == ';';
}

bool is_colon(uint32_t c)
{
    return c == U'：' || c == ':';
}

bool is_list_comma(uint32_t c)
{
    return c == U'、';
}

bool is_clause_end(uint32_t c)
{
    return is_sentence_end(c) || is_comma(c) || is_semicolon(c) ||
           is_colon(c) || c == '\n';
}

bool is_quote_open(uint32_t c)
{
    return c == U'“' || c == U'「';
}

bool is_quote_close(uint32_t c)
{
    return c == U'”' || c == U'’' || c == U'」' || c == U'』';
}

bool is_opener(uint32_t c)
{
    switch (c) {
    case U'“': case U'‘': case U'（': case U'《': case U'【': case U'「':
    case U'『': case '(': case U'〈': case U'〔': case '[':
        return true;
    }
    return false;
}

bool is_closer(uint32_t c)
{
    switch (c) {
    case U'”': case U'’': case U'」': case U'』': case U'）': case ')':
    case U'》': case U'〉': case U'】': case ']': case U'〕': case U'］':
        return true;
    }
    return false;
}

bool is_straight_quote(uint32_t c)
{
    return c == '"' || c == '\'';
}

bool is_dash(uint32_t c)
{
    return c == U'—' || c == U'―';
}

marker_kind marker_of(uint32_t c)
{
    switch (c) {
    case U'■': case U'◆': case U'●':
        return MARKER_SOLID;
    case U'□': case U'◎':
        return MARKER_HOLLOW;
    case U'▲':
        return MARKER_TRIANGLE;
    case U'◇': case U'○': case U'△': case U'★': case U'☆': case U'·':
    case U'•': case U'※': case U'【': case U'・': case U'▶':
        return MARKER_OTHER;
    }
    return MARKER_NONE;
}

/* ---- numerals ---------------------------------------------------------- */

int cn_numeral_value(uint32_t c)
{
    switch (c) {
    case U'一': return 1;
    case U'二': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    case U'十': return 10;
    }
    return 0;
}

/* ---- punctuation folding ----------------------------------------------- */

uint32_t fullwidth_of(uint32_t c)
{
    switch (c) {
    case ',': return U'，';
    case ':': return U'：';
    case ';': return U'；';
    case '?': return U'？';
    case '!': return U'！';
    case '(': return U'（';
    case ')': return U'）';
    }
    return 0;
}

/* Is c Chinese text for the purpose of folding punctuation? */
static bool is_cjkish(uint32_t c)
{
    return is_han(c) || is_cjk_punct(c);
}

void fold_punct(uint32_t *u, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t w = fullwidth_of(u[i]);
        if (!w)
            continue;
        size_t j = i;
        while (j > 0 && is_space(u[j - 1]))
            j--;
        size_t k = i + 1;
        while (k < n && is_space(u[k]))
            k++;
        if ((j > 0 && is_cjkish(u[j - 1])) || (k < n && is_cjkish(u[k])))
            u[i] = w;
    }
}

char *text_fold_punct(const char *s)
{
    size_t n;
    uint32_t *u = u32_from_utf8(s, &n);
    fold_punct(u, n);
    char *r = u32_to_utf8(u, n);
    free(u);
    return r;
}
