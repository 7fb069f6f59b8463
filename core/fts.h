/* fts.h - full-text search of Chinese text with SQLite FTS5.
 *
 * SQLite's own tokenizers do not fit Chinese: unicode61 makes a whole run
 * of ideographs one token, trigram cannot find one- or two-character
 * words.  The "dubao_cjk" tokenizer indexes every ideograph (and kana,
 * hangul) as a unigram, plus the bigram it starts, at the same position:
 *
 *     赵民革  ->  pos 0: 赵, 赵民   pos 1: 民, 民革   pos 2: 革
 *
 * Latin words and numbers are whole tokens, case-folded, with fullwidth
 * letters and digits folded to ASCII (NFKC).  Traditional characters are
 * folded to simplified ones, so 雷軍 finds 雷军.  Whitespace between two
 * ideographs does not split a run, because print layout pads two-character
 * names (贺 勇).  Punctuation separates tokens and is never one.
 *
 * Query text (FTS5_TOKENIZE_QUERY) is tokenized differently: a run of n >= 2
 * characters becomes its n-1 bigrams at consecutive positions, e.g.
 * 赵民革 -> 赵民 民革, so that the phrase matches only where the characters
 * are adjacent; a single character is its unigram.  (A trailing unigram
 * would add nothing the last bigram does not say, and its long doclist
 * made every phrase slower.)
 */
#ifndef DUBAO_FTS_H
#define DUBAO_FTS_H

#include <stddef.h>
#include <sqlite3.h>

/* Register the "dubao_cjk" FTS5 tokenizer on db (through fts5_api, not as
   a loadable extension).  Returns SQLITE_OK or an SQLite error code. */
int fts_register_tokenizer(sqlite3 *db);

/* Turn anything a user typed into a safe FTS5 MATCH expression: every CJK
   run and every latin word or number becomes a double-quoted phrase, and
   the phrases are ANDed.  Words joined by one connector such as 3.5 or
   COVID-19 stay one phrase.  Operators and quotes typed by the user are
   plain text.  Returns a heap string, or NULL if q has nothing searchable
   (then there are no results). */
char *fts_query_from_user(const char *q);

/* Byte ranges [start, end) in text where the terms of the user query q
   occur, with the same folding as the tokenizer (case, width, traditional
   characters) and whole-word matching for latin words.  Overlapping or
   touching ranges are merged; ranges are in text order.  Stores at most
   max ranges and returns how many it stored. */
size_t fts_match_ranges(const char *text, const char *q, size_t (*ranges)[2],
                        size_t max);

/* The tokenizer itself, for tests and tools: calls token() for each token
   of text[0..n) as FTS5 would see it.  flags are FTS5_TOKENIZE_* values;
   tflags of a token is FTS5_TOKEN_COLOCATED for a bigram that shares the
   position of the unigram before it.  Stops and returns the first non-zero
   value token() returns, else 0 (SQLITE_OK). */
int fts_tokenize(const char *text, size_t n, int flags, void *ctx,
                 int (*token)(void *ctx, int tflags, const char *tok,
                              int ntok, int start, int end));

#endif
