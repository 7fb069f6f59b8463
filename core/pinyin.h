/* pinyin.h - Mandarin readings and simplified variants of Han characters,
 * from a table generated at build time from Unicode's Unihan data
 * (kMandarin, kSimplifiedVariant), so that speakers can be found by
 * pinyin (leijun, lei jun, lj) or by traditional characters (雷軍). */
#ifndef DUBAO_PINYIN_H
#define DUBAO_PINYIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t cp;       /* code point */
    uint16_t syllable; /* index into pinyin_syllables */
} pinyin_reading;

typedef struct {
    uint32_t from;     /* traditional (or variant) code point */
    uint32_t to;       /* simplified code point */
} simplified_variant;

extern const char *const pinyin_syllables[];
extern const pinyin_reading pinyin_readings[];
extern const size_t pinyin_readings_len;
extern const simplified_variant simplified_variants[];
extern const size_t simplified_variants_len;

/* Toneless ASCII pinyin of a code point (ü as v), or NULL if none. */
const char *pinyin_of(uint32_t cp);

/* The simplified form of a code point (itself when it has none). */
uint32_t simplified_of(uint32_t cp);

/* Copy of UTF-8 s with every character replaced by its simplified form. */
char *text_simplify(const char *s);

/* The readings (toneless ASCII syllables, ü as v) of the character as
   pinyin_matches reads it (its simplified form first): up to max of them
   in out; returns how many.  0 for a character with no reading. */
size_t pinyin_readings_of(uint32_t cp, const char **out, size_t max);

/* The first max characters of name that pinyin_matches reads (separators
   such as the dot of a transliterated name skipped), into out; returns
   how many. */
size_t pinyin_name_chars(const char *name, uint32_t *out, size_t max);

/* A pinyin query as pinyin_matches reads it: lowercase letters, spaces,
   apostrophes and hyphens dropped, into out (cap bytes with the NUL).
   Returns the number of letters, 0 when q is empty or not pinyin. */
size_t pinyin_query_letters(const char *q, char *out, size_t cap);

/* Does the pinyin query q (ASCII, any case, spaces ignored) match the
   Chinese name?  Accepts full pinyin (leijun), syllables with spaces
   (lei jun) and initials mixed with syllables (lj, ljun, leij). */
bool pinyin_matches(const char *name, const char *q);

/* The same, but the query may stop before the end of the name, as while
   typing: lei, lj and leij all find 雷军.  u also matches ü (lu, 吕). */
bool pinyin_matches_prefix(const char *name, const char *q);

#endif
