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
 * wrapped in a narrow column, on a page that does not print a paragraph a
 * line) become one heading.  Page furniture that looks like headings is
 * set apart: contents entries (a heading that recurs further down) and
 * the box title over short pieces become banners, editor and credit lines
 * editor lines, a short paragraph over a photo credit a caption.  Body
 * blocks that stop
 * mid-sentence get BLOCK_F_OPEN_END; text after a continuation marker gets
 * BLOCK_F_OPEN_START.  ASCII , : ; ? ! ( ) next to CJK text count as their
 * fullwidth forms for every decision, but the display text keeps what was
 * printed.  What bylines and datelines say (outlet, photo credit, dispatch
 * line, date, edition) is read here once (furniture.h) and handed on in
 * block.facts and the BLOCK_F_* flags.
 */
#ifndef DUBAO_BLOCKS_H
#define DUBAO_BLOCKS_H

#include <stdbool.h>

#include "model.h"

/* Set by blocks_classify on a headline printed after the text it heads:
   the page opens with text that has no headline, and the first line of
   the heading cluster that follows shares that text's words.  (The
   BLOCK_F_* bits of model.h stop at 1 << 7; this one is for stage 5.) */
#define BLOCK_F_HEADS_BEFORE (1u << 8)

/* Set by blocks_classify on a speaker heading that is a signature under
   the person's text (——张某代表（…）): it starts no section. */
#define BLOCK_F_SIGNATURE (1u << 9)

void blocks_classify(block_list *blocks);

#endif
