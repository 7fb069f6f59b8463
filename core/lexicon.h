/* lexicon.h - word lists for finding speakers and quotes, and the UTF-8
 * helpers the speakers and quotes stages share.
 *
 * The lists live in the .txt files of assets/lexicon/ (one word a line, # comments) and
 * are loaded once, on first use, through dubao_asset_path().  They hold
 * general vocabulary only (surnames, speech verbs, title words, roles), so
 * the rules built on them work on pages never seen before.
 */
#ifndef DUBAO_LEXICON_H
#define DUBAO_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
    LEX_SURNAME = 0,    /* 王, 欧阳 … */
    LEX_SPEECH_VERB,    /* 说, 表示, 指出 … */
    LEX_NOT_SPEECH,     /* 表示感谢, 称为, 据说 … */
    LEX_ROLE,           /* 全国人大代表, 市政协委员 … */
    LEX_TITLE_WORD,     /* how a job title ends: 长, 书记, 主任 … */
    LEX_SUFFIX_TITLE,   /* printed after a name: 总书记, 委员长 … */
    LEX_NAME_FOLLOWER,  /* words that often follow a name: 在, 也, 进一步 … */
    LEX_NOT_NAME,       /* 江苏, 文件 …: look like names, are not */
    LEX_KIND_COUNT
} lex_kind;

/* Load every list (once).  Returns false, and stays empty, when an asset
   file is missing; the stages then find nothing rather than guess. */
bool lexicon_load(void);

/* Load the lists from dir instead of the assets directory (tests). */
bool lexicon_load_from(const char *dir);

/* Is s[0..n) a word of the list? */
bool lex_has(lex_kind k, const char *s, size_t n);

/* Byte length of the longest word of the list that starts at s (within n
   bytes), or 0. */
size_t lex_prefix(lex_kind k, const char *s, size_t n);

/* Byte length of the longest word of the list that ends at s + n, or 0. */
size_t lex_suffix(lex_kind k, const char *s, size_t n);

/* ---- UTF-8 helpers ---------------------------------------------------- */

/* Decode the character at s (n bytes available); returns its byte length
   (at least 1, so callers always advance) and stores it in *uc. */
size_t utf8_char(const char *s, size_t n, uint32_t *uc);

/* Byte length of the character that ends at s + n (0 when n == 0). */
size_t utf8_prev_len(const char *s, size_t n);

/* Byte length of the first count characters of s (or fewer if n ends). */
size_t utf8_chars_len(const char *s, size_t n, size_t count);

/* Number of characters in s[0..n). */
size_t utf8_count(const char *s, size_t n);

/* Is uc a CJK ideograph (Han character)? */
bool is_han(uint32_t uc);

/* Does s[0..n) begin with the UTF-8 string w? */
bool starts_with(const char *s, size_t n, const char *w);

/* Does s[0..n) end with the UTF-8 string w? */
bool ends_with(const char *s, size_t n, const char *w);

#endif
