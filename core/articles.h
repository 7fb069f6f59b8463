/* articles.h - stage 5: group classified blocks into articles.
 *
 * A headline (with its deck) starts an article; subheads and speaker
 * headings start sections inside it; a byline naming a different outlet
 * inside a package starts a new article.  Broken columns (a paragraph that
 * stops mid-sentence continued by a later one that starts mid-sentence)
 * are rejoined.  Page furniture (masthead, dateline, banners, captions,
 * editor lines) is not an article; it feeds the issue metadata instead.
 */
#ifndef DUBAO_ARTICLES_H
#define DUBAO_ARTICLES_H

#include "model.h"

/* Consumes the blocks (their texts move into is); blocks is left empty. */
void articles_group(block_list *blocks, issue *is);

/* Fill is->paper, is->date and is->edition from the page furniture and
   bylines in blocks (call before articles_group consumes them). */
void issue_derive_metadata(const block_list *blocks, issue *is);

/* The first byline block of an article, or NULL. */
const char *article_byline(const article *a);

#endif
