/* paragraphs.h - stage 3: normalised text -> paragraphs.
 *
 * Splits on blank lines, and detects hard-wrapped documents or regions
 * (lines cut at a fixed print width, often with blank lines between the
 * wrapped lines) from their line-width statistics, rejoining the pieces
 * into real paragraphs without joining two paragraphs or a headline to
 * body text.  Every block comes out as BLOCK_BODY with its source line;
 * classification is the next stage's job.
 */
#ifndef DUBAO_PARAGRAPHS_H
#define DUBAO_PARAGRAPHS_H

#include "model.h"

void paragraphs_split(const char *text, block_list *out);

#endif
