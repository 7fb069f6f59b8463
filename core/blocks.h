/* blocks.h - stage 4: classify every paragraph of a page.
 *
 * Sets block.kind (masthead, dateline, banner, kicker, headline, deck,
 * subhead, speaker heading, byline, lead, body, list item, caption, editor
 * line, continuation marker), strips markdown-like markers (#, ##, ###,
 * >>, - ) from the display text, and records their level.
 */
#ifndef DUBAO_BLOCKS_H
#define DUBAO_BLOCKS_H

#include "model.h"

void blocks_classify(block_list *blocks);

#endif
