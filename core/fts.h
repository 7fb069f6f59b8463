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
 * characters becomes its n-1 bigrams, e.g. 赵民革 -> 赵民 民革; a single
 * character is its unigram.
 *
 * The tables are built with detail=none: the index records which rows hold
 * a token, not where, which makes it several times smaller and faster to
 * build.  A query is therefore the AND of its tokens, which finds every row
 * that has the query's character pairs somewhere; dubao_rank() then keeps
 * the rows where the terms really occur (赵民革 in a row with 赵民 and 民革
 * apart is dropped) and scores them.
 */
#ifndef DUBAO_FTS_H
#define DUBAO_FTS_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

/* Register on db the "dubao_cjk" FTS5 tokenizer (through fts5_api, not as
   a loadable extension) and the SQL function
       dubao_rank(query, typical_bytes, weight1, text1 [, weight2, text2 ...])
   for rows that matched fts_query_from_user(query): NULL when the texts do
   not contain every term of the user query as fts_match_ranges finds them
   (a term of one token, such as one or two characters or one word, is
   taken as found: the MATCH found it), else a score, higher for a better
   match.  The score is BM25's
   term-frequency part, without idf: each term's occurrences in each text
   times that text's weight, saturated and normalised by the texts' total
   length against typical_bytes.  And
       dubao_rank_within(query, typical_bytes, weight1, text1 ...)
   the same for texts that are part of a row that matched (a quote, found
   through the article that holds it): every term, of one token too, must
   be found in the texts.  Returns SQLITE_OK or an SQLite error code. */
int fts_register(sqlite3 *db);

/* Turn anything a user typed into a safe FTS5 MATCH expression: the query
   tokens of every CJK run and every latin word or number, each a
   double-quoted string, all ANDed.  A term is a CJK run or words joined by
   one connector such as 3.5 or COVID-19; dubao_rank checks that each term
   occurs as a whole.  Operators and quotes typed by the user are plain
   text.  Returns a heap string, or NULL if q has nothing searchable (then
   there are no results). */
char *fts_query_from_user(const char *q);

/* Does every text that holds needle as bytes match
   fts_query_from_user(needle)?  True when the needle starts and ends with
   a CJK character (an index token of its own, whatever stands beside it
   in a text) and has something to search: the full-text index then finds
   a superset of the texts that contain it, to be checked with strstr.  A
   latin word at either end may be part of a longer word in a text (ten in
   Tencent), which the index knows only whole. */
bool fts_finds_substring(const char *needle);

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
