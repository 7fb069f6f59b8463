/* speakers.h - stage 6a: who the named people of an issue are.
 *
 * Finds people from the speaker headings stage 4 found (全国人大代表，首钢
 * 集团有限公司党委书记、董事长赵民革 / 殷勇代表： / 张强代表——) and from
 * running text (全国人大代表、复旦大学校长金力在会上直言 / 聚束科技公司总经理
 * 何伟说 / 习近平总书记 / 雷军说，), records role, titles and delegation, and
 * links the sections stage 5 started at speaker headings to their speaker.
 * Names and title lines are read by the rules of names.h.  Reporters in
 * bylines are never people.
 */
#ifndef DUBAO_SPEAKERS_H
#define DUBAO_SPEAKERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "names.h"

/* The session kind of the whole issue, from its text. */
session_kind speakers_session_kind(const issue *is);

/* Index of the person named p->name in is->people, adding a copy of p if
   there is none.  An existing entry gains the role, titles and delegation
   it lacked. */
int issue_find_or_add_person(issue *is, const person *p);

/* Fill is->people from every article and set section.speaker for the
   sections stage 5 started at speaker headings. */
void speakers_find(issue *is);

/* After the quotes stage: the people found in running text who neither
   speak (no quote), head a section nor hold a delegate role were named in
   passing, not as speakers; drop them and renumber the references to the
   others (quotes' and sections' speaker indices).  The speakers stage
   owns the list of people; the quotes stage only reads it. */
void speakers_drop_silent(issue *is);

/* ---- looking up the people found ---------------------------------------- */

/* The people of an issue ordered by the first character of their name,
   so that finding who is named at a position costs a binary search, not a
   pass over everyone (quotes.c asks at every character of every article). */
typedef struct {
    uint32_t first;   /* first character of the name */
    int person;       /* index into issue.people */
    size_t skip;      /* bytes of the name before the key's words: 0, or
                         where the last part of a transliterated name
                         starts (马奥尼 of 约瑟夫·马奥尼) */
    size_t len;       /* bytes of the key's words: the whole name, its
                         last part, or its first part (约瑟夫) */
} person_key;

typedef struct {
    person_key *v;
    size_t n;
} people_index;

/* Build ix over is->people as they are now; free with people_index_free. */
void people_index_build(people_index *ix, const issue *is);
void people_index_free(people_index *ix);

/* Index of the longest known person whose name (or the first or last
   part of their transliterated name) starts s, or -1; the matched byte length
   goes to *len.  ix must be built over is. */
int known_person_at(const issue *is, const people_index *ix, const char *s,
                    size_t n, size_t *len);

/* The block index of the author line of signed piece a (全国政协副主席
   兼秘书长 王某某, before its first paragraph: names.h author_line_parse),
   the author in *out (free with person_clear); -1 when a is no signed
   piece. */
int article_author_line(const article *a, session_kind sk, person *out);

/* The block index of the closing note of signed piece a (（作者为…）),
   the author in *out (name from the byline, role and titles from the
   note; free with person_clear); -1 when a has none. */
int article_author_note(const article *a, person *out);

/* The delegation (北京市代表团 …) an article's opening paragraphs name,
   when the article names no other anywhere (a source line under cited
   words, ——某某在参加某省代表团审议时强调, does not count); heap string or
   NULL (stage 6 gives it to the article's national deputies). */
char *article_delegation(const article *a);

#endif
