/* speakers.h - stage 6a: who the named people of an issue are.
 *
 * Finds people from speaker headings and title lines (全国人大代表，首钢集团
 * 有限公司党委书记、董事长赵民革 / 殷勇代表： / 张强代表——) and from running
 * text (全国人大代表、复旦大学校长金力在会上直言 / 聚束科技公司总经理何伟说 /
 * 习近平总书记 / 雷军说，), records role, titles and delegation, and links
 * article sections that start at a speaker heading to their speaker.
 *
 * Names are 2-4 Han characters beginning with a surname from
 * assets/lexicon/surnames.txt; where a name ends is decided by what follows
 * it (a speech verb, a role, a title, a common follower word, punctuation).
 * Reporters in bylines are never people.
 */
#ifndef DUBAO_SPEAKERS_H
#define DUBAO_SPEAKERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* What kind of meeting the issue reports on; decides what a bare 代表 or
   委员 after a name means. */
typedef enum {
    SESSION_UNKNOWN = 0,   /* no role from a bare 代表/委员 */
    SESSION_NATIONAL,      /* Two Sessions: 代表 = 全国人大代表, 委员 = 全国政协委员 */
    SESSION_LOCAL,         /* a local people's congress: 人大代表 / 政协委员 */
    SESSION_NPC_STANDING   /* NPC Standing Committee: 委员 is a committee member */
} session_kind;

/* The session kind of the whole issue, from its text. */
session_kind speakers_session_kind(const issue *is);

/* Parse a title line or heading into out (fields are heap strings; free
   with person_clear).  Prefix form 全国人大代表，X公司董事长赵民革, suffix form
   朱立华代表 / 张懿宸委员, kicker form 张强代表——, with or without commas and
   spaces before the name.  Uses Two Sessions meaning for bare 代表/委员.
   Returns false when no name is found. */
bool speaker_parse_title(const char *text, person *out);

/* The same with an explicit session kind. */
bool speaker_parse_title_in(const char *text, session_kind sk, person *out);

/* Is text a whole speaker heading (a short line that is only a title line:
   it states a role, uses the 代表/委员 suffix, or ends with a colon or a
   dash)?  Fills out like speaker_parse_title_in. */
bool speaker_heading_parse(const char *text, session_kind sk, person *out);

/* Index of the person named p->name in is->people, adding a copy of p if
   there is none.  An existing entry gains the role, titles and delegation
   it lacked. */
int issue_find_or_add_person(issue *is, const person *p);

/* Fill is->people from every article and set section.speaker for sections
   starting at a speaker heading (adding such sections when missing). */
void speakers_find(issue *is);

/* ---- shared with quotes.c --------------------------------------------- */

/* Byte length of a plausible personal name at s, judged by what follows
   it; 0 if none reaches min_strength (1 punctuation, 2 a follower word,
   3 a speech verb, role or title). */
size_t name_at(const char *s, size_t n, int min_strength);

/* The people of an issue ordered by the first character of their name,
   so that finding who is named at a position costs a binary search, not a
   pass over everyone (quotes.c asks at every character of every article). */
typedef struct {
    uint32_t first;   /* first character of the name */
    int person;       /* index into issue.people */
} person_key;

typedef struct {
    person_key *v;
    size_t n;
} people_index;

/* Build ix over is->people as they are now; free with people_index_free. */
void people_index_build(people_index *ix, const issue *is);
void people_index_free(people_index *ix);

/* Index of the longest known person whose name starts s, or -1; the
   name's byte length goes to *len.  ix must be built over is. */
int known_person_at(const issue *is, const people_index *ix, const char *s,
                    size_t n, size_t *len);

/* Is this block page furniture or a byline (never a source of people)? */
bool block_is_furniture(const block *b);

/* The delegation (北京市代表团 …) an article's opening paragraphs name, if
   exactly one; heap string or NULL. */
char *article_delegation(const article *a);

#endif
