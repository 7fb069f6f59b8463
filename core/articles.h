/* articles.h - stage 5: group classified blocks into articles.
 *
 * A headline (with its deck) starts an article; subheads and speaker
 * headings start sections inside it; a byline naming a different outlet
 * inside a package starts a new article.  Broken columns (a paragraph that
 * stops mid-sentence continued by a later one that starts mid-sentence)
 * are rejoined, also when two articles are printed interleaved column by
 * column.  Page furniture (masthead, dateline, banners, editor lines) is
 * not part of any article; it feeds the issue metadata instead.  Kickers
 * and speaker headings printed above a headline belong to its article.
 * Text before the first headline goes into an article with headline "",
 * unless the headline that follows it was printed after it (stage 4 sets
 * BLOCK_F_HEADS_BEFORE).  A lead (本报讯 …) after finished text opens a
 * new article.  Headlines printed apart from their text (several in one
 * cluster, one further down the page) are paired with texts again by the
 * words they share, when reading in order left a headline without text
 * and a text without headline.
 */
#ifndef DUBAO_ARTICLES_H
#define DUBAO_ARTICLES_H

#include "model.h"

/* Consumes the blocks (their texts move into is); blocks is left empty. */
void articles_group(block_list *blocks, issue *is);

/* Fill is->paper, is->date and is->edition from the page furniture and
   bylines in blocks (call before articles_group consumes them). */
void issue_derive_metadata(const block_list *blocks, issue *is);

/* Recompute the sections of an article after its blocks changed (a
   subhead or speaker heading starts one). */
void article_rebuild_sections(article *a);

/* The last step of stage 5 for an article whose blocks are final: its
   text (a->text, blocks joined by "\n") and its byline (a->byline: the
   first byline block that is not a photo credit, a bare dispatch line such
   as 新华社北京4月27日电 only if there is no other).  articles_group does it
   for every article; code that changes an article's blocks afterwards
   (markup.c) and tests that build articles by hand call it. */
void article_finish(article *a);

#endif
