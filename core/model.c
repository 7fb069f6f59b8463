/* model.c - constructors, destructors and names for the parsed-issue model. */
#include "model.h"

#include <stdlib.h>
#include <string.h>

static const char *const block_kind_names[BLOCK_KIND_COUNT] = {
    [BLOCK_BODY] = "body",
    [BLOCK_MASTHEAD] = "masthead",
    [BLOCK_DATELINE] = "dateline",
    [BLOCK_BANNER] = "banner",
    [BLOCK_KICKER] = "kicker",
    [BLOCK_HEADLINE] = "headline",
    [BLOCK_DECK] = "deck",
    [BLOCK_SUBHEAD] = "subhead",
    [BLOCK_SPEAKER_HEADING] = "speaker",
    [BLOCK_BYLINE] = "byline",
    [BLOCK_LEAD] = "lead",
    [BLOCK_LIST_ITEM] = "item",
    [BLOCK_CAPTION] = "caption",
    [BLOCK_EDITOR] = "editor",
    [BLOCK_CONTINUATION] = "continuation",
};

block_kind block_kind_from_name(const char *name)
{
    for (int k = 0; name && k < BLOCK_KIND_COUNT; k++)
        if (strcmp(name, block_kind_names[k]) == 0)
            return (block_kind)k;
    return BLOCK_BODY;
}

/* Short stable name of a block kind, used in JSON and the database. */
const char *block_kind_name(block_kind k)
{
    if ((int)k < 0 || k >= BLOCK_KIND_COUNT)
        return "body";
    return block_kind_names[k];
}

static const char *const role_class_keys[ROLE_CLASS_COUNT] = {
    [ROLE_ANY] = "any", [ROLE_NPC] = "npc", [ROLE_CPPCC] = "cppcc",
    [ROLE_LOCAL] = "local",
};

const char *role_class_key(role_class c)
{
    return (int)c >= 0 && c < ROLE_CLASS_COUNT ? role_class_keys[c] : "any";
}

bool block_kind_is_furniture(block_kind k)
{
    switch (k) {
    case BLOCK_BYLINE: case BLOCK_EDITOR: case BLOCK_MASTHEAD:
    case BLOCK_DATELINE: case BLOCK_CAPTION:
        return true;
    default:
        return false;
    }
}

/* Stable name of a quote kind, as fixed in the JSON contract. */
const char *quote_kind_name(quote_kind k)
{
    switch (k) {
    case QUOTE_DIRECT: return "direct";
    case QUOTE_INDIRECT: return "indirect";
    case QUOTE_SECTION: return "section";
    }
    return "direct";
}

/* Append a block holding a copy of text; returns it for further setup. */
block *block_list_push(block_list *l, const char *text, block_kind kind,
                       int line)
{
    l->v = grow_array(l->v, &l->cap, l->n + 1, sizeof *l->v);
    block *b = &l->v[l->n++];
    memset(b, 0, sizeof *b);
    b->text = xstrdup(text);
    b->kind = kind;
    b->line = line;
    return b;
}

block *block_list_push_copy(block_list *l, const block *src)
{
    block *b = block_list_push(l, src->text, src->kind, src->line);
    b->level = src->level;
    b->flags = src->flags;
    if (src->facts) {
        b->facts = xcalloc(1, sizeof *b->facts);
        memcpy(b->facts->date, src->facts->date, sizeof b->facts->date);
        b->facts->edition = src->facts->edition ? xstrdup(src->facts->edition)
                                                : NULL;
        b->facts->outlet = src->facts->outlet ? xstrdup(src->facts->outlet)
                                              : NULL;
        b->facts->stamped = src->facts->stamped
                                ? xstrdup(src->facts->stamped)
                                : NULL;
    }
    return b;
}

void block_facts_free(block_facts *f)
{
    if (!f)
        return;
    free(f->edition);
    free(f->outlet);
    free(f->stamped);
    free(f);
}

void block_list_free(block_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].text);
        block_facts_free(l->v[i].facts);
    }
    free(l->v);
    memset(l, 0, sizeof *l);
}

/* Start a new article with the given headline; returns it. */
article *issue_add_article(issue *is, const char *headline)
{
    is->articles = grow_array(is->articles, &is->articles_cap,
                              is->narticles + 1, sizeof *is->articles);
    article *a = &is->articles[is->narticles++];
    memset(a, 0, sizeof *a);
    a->headline = xstrdup(headline);
    return a;
}

/* Record that a section starts at block first_block of the article. */
section *article_add_section(article *a, size_t first_block, int speaker)
{
    a->sections = grow_array(a->sections, &a->sections_cap,
                             a->nsections + 1, sizeof *a->sections);
    section *s = &a->sections[a->nsections++];
    s->first_block = first_block;
    s->speaker = speaker;
    return s;
}

char *article_text(const article *a)
{
    strbuf sb = {0};
    for (size_t i = 0; i < a->blocks.n; i++) {
        if (i)
            sb_putc(&sb, '\n');
        sb_puts(&sb, a->blocks.v[i].text);
    }
    return sb_take(&sb);
}

void person_clear(person *p)
{
    free(p->name);
    free(p->role);
    free(p->titles);
    free(p->delegation);
    memset(p, 0, sizeof *p);
}

void issue_free(issue *is)
{
    for (size_t i = 0; i < is->narticles; i++) {
        free(is->articles[i].headline);
        free(is->articles[i].text);
        free(is->articles[i].byline);
        block_list_free(&is->articles[i].blocks);
        free(is->articles[i].sections);
        free(is->articles[i].paper);
        free(is->articles[i].date);
        free(is->articles[i].page);
        free(is->articles[i].page_name);
    }
    free(is->articles);
    for (size_t i = 0; i < is->npeople; i++)
        person_clear(&is->people[i]);
    free(is->people);
    for (size_t i = 0; i < is->nquotes; i++)
        free(is->quotes[i].text);
    free(is->quotes);
    free(is->file);
    free(is->paper);
    free(is->date);
    free(is->edition);
    free(is->page);
    free(is->page_name);
    strlist_free(&is->warnings);
    memset(is, 0, sizeof *is);
}
