/* articles.c - group classified blocks into articles (first cut: every
 * headline starts an article). */
#include "articles.h"

#include <stdlib.h>
#include <string.h>

void issue_derive_metadata(const block_list *blocks, issue *is)
{
    (void)blocks;
    (void)is;
}

const char *article_byline(const article *a)
{
    for (size_t i = 0; i < a->blocks.n; i++)
        if (a->blocks.v[i].kind == BLOCK_BYLINE)
            return a->blocks.v[i].text;
    return NULL;
}

void articles_group(block_list *blocks, issue *is)
{
    article *cur = NULL;
    for (size_t i = 0; i < blocks->n; i++) {
        block *b = &blocks->v[i];
        if (b->kind == BLOCK_HEADLINE) {
            cur = issue_add_article(is, b->text);
            continue;
        }
        if (!cur)
            continue;
        block *nb = block_list_push(&cur->blocks, b->text, b->kind, b->line);
        nb->level = b->level;
        nb->flags = b->flags;
    }
    block_list_free(blocks);
}
