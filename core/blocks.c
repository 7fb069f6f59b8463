/* blocks.c - classify the paragraphs of a page (first cut: markdown
 * headings and short unpunctuated lines are headlines). */
#include "blocks.h"

#include <stdlib.h>
#include <string.h>

#include "textwidth.h"

/* Does the text end like a sentence (。！？…” etc.)? */
static int ends_sentence(const char *t)
{
    static const char *const enders[] = {"。", "！", "？", "”", "…", "：",
                                         ":", ".", "!", "?", "）", ")"};
    size_t n = strlen(t);
    for (size_t i = 0; i < sizeof enders / sizeof enders[0]; i++) {
        size_t k = strlen(enders[i]);
        if (n >= k && memcmp(t + n - k, enders[i], k) == 0)
            return 1;
    }
    return 0;
}

void blocks_classify(block_list *blocks)
{
    for (size_t i = 0; i < blocks->n; i++) {
        block *b = &blocks->v[i];
        int level = 0;
        while (b->text[level] == '#')
            level++;
        if (level > 0 && b->text[level] == ' ') {
            memmove(b->text, b->text + level + 1,
                    strlen(b->text + level + 1) + 1);
            b->level = level;
            b->flags |= BLOCK_F_MARKUP;
            b->kind = BLOCK_HEADLINE;
            continue;
        }
        int w = text_width(b->text, strlen(b->text));
        if (w <= 60 && !ends_sentence(b->text))
            b->kind = BLOCK_HEADLINE;
    }
}
