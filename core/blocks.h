/* blocks.h - stage 4: classify every paragraph of a page.
 *
 * Sets block.kind (masthead, dateline, banner, kicker, headline, deck,
 * subhead, speaker heading, byline, lead, body, list item, caption, editor
 * line, continuation marker), strips markdown-like markers (#, ##, ###,
 * >>, - ) and typographic ones (■ before a kicker, □ before a byline) from
 * the display text, and records their level.
 *
 * It may also split and merge blocks: a leading "(上接1版)" becomes its
 * own continuation block, a credit trailing the last paragraph ("…。
 * （孙 杰）", "…。　　新华社北京4月27日电") becomes a byline block, and
 * two short heading lines printed on consecutive source lines (a heading
 * wrapped in a narrow column) become one heading.  Body blocks that stop
 * mid-sentence get BLOCK_F_OPEN_END; text after a continuation marker gets
 * BLOCK_F_OPEN_START.  ASCII , : ; ? ! ( ) next to CJK text count as their
 * fullwidth forms for every decision, but the display text keeps what was
 * printed.
 */
#ifndef DUBAO_BLOCKS_H
#define DUBAO_BLOCKS_H

#include <stdbool.h>

#include "model.h"

/* Set by blocks_classify on a headline printed after the text it heads:
   the page opens with text that has no headline, and the first line of
   the heading cluster that follows shares that text's words.  (The
   BLOCK_F_* bits of model.h stop at 1 << 4; this one is for stage 5.) */
#define BLOCK_F_HEADS_BEFORE (1u << 8)

void blocks_classify(block_list *blocks);

/* How a paper names itself in its own bylines (本报记者 "this paper's
   reporter"): the outlet is the page's paper, unnamed. */
#define OWN_PAPER "本报"

/* The outlet a byline names: "本报", "北京日报", "证券时报", "新华社" …,
   or NULL when it names none.  Heap string. */
char *byline_outlet(const char *byline);

/* Is the byline a photo credit ("新华社记者 张晨霖 摄")? */
bool byline_is_photo_credit(const char *byline);

/* Is the byline only a dispatch line ("新华社北京4月27日电")? */
bool byline_is_dispatch(const char *byline);

/* Find the first date printed in text (2025年3月7日, 2026-04-28) and write
   it as YYYY-MM-DD into out.  False when there is none. */
bool blocks_find_date(const char *text, char out[11]);

#endif
