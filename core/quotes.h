/* quotes.h - stage 6b: who said what.
 *
 * Runs after speakers_find() and fills is->quotes with the statements
 * attributed to named people, per article, in reading order:
 *
 *   direct    words in “…” or 「…」 attributed before (雷军表示：“…”,
 *             X说，“…”, 强调“…”), after (“…”X说。), split (“Q1，”X说，“Q2。”),
 *             by a colon or comma in a sentence whose subject is a person
 *             (他深刻感受到，“…”), or by context (a quoted sentence right
 *             before the speaker's name, or continuing the speaker's words);
 *             quotes may run over several paragraphs.
 *   indirect  person + speech verb + ，/： + words to the end of the
 *             paragraph (殷勇代表说，…), with the frames 在X看来， and 据X介绍，.
 *   section   first-person paragraphs under a speaker heading (>> 市人大代表
 *             …张旭:) or a pull-quote box naming the speaker above the words.
 *
 * 他/她 and a bare title (总书记说) resolve to the most recent person named
 * in the same article.  Scare quotes, names in quotation marks and what
 * organisations or unnamed people said are not quotes.  Quote offsets are
 * character offsets into article_text(); text is the exact substring.
 */
#ifndef DUBAO_QUOTES_H
#define DUBAO_QUOTES_H

#include "model.h"

/* Fill is->quotes.  It reads the people and sections of the speakers
   stage and changes neither (speakers_drop_silent then drops the people
   who said nothing). */
void quotes_extract(issue *is);

#endif
