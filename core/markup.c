/* markup.c - from what a reader found in a file with markup to the issue
 * model (see markup.h).
 *
 * For each article the markup gives, its body paragraphs are normalised
 * and classified by the text heuristics (blocks.c), so that bylines,
 * subheads, speaker headings, captions and edition stamps are found as in
 * a plain-text page.  Then the markup's evidence decides:
 *
 * - The headline.  When the markup names one and the body prints it too
 *   (an <h1>, a "#" line, the lines of a feed item's title), that line is
 *   the headline, the heading lines above it are kickers and those below
 *   it decks; otherwise the markup's headline is put before the body.
 *   Either way the file's article is one article: headlines the heuristics
 *   find further down are subheads, and articles_group() never splits
 *   it.  Without a headline from the markup the heuristics decide, as for
 *   plain text (a page saved without <h1> or <title>).
 * - Where it was printed.  Each of paper, date and page comes from the
 *   article's own markup (front matter, a feed item), else from an
 *   edition stamp or dateline printed with it, else from the file's
 *   markup (<meta>, the feed's channel), else from page furniture the
 *   markup set apart (a document title); the file's path is consulted
 *   last, by parse.c.
 */
#include "markup.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "articles.h"
#include "blocks.h"
#include "evidence.h"
#include "normalize.h"

/* How many blocks at the top of a body may hold the printed headline. */
#define HEAD_REGION_MAX 12

const char *doc_format_name(doc_format f)
{
    switch (f) {
    case FORMAT_TEXT: return "text";
    case FORMAT_MARKDOWN: return "markdown";
    case FORMAT_HTML: return "html";
    case FORMAT_FEED: return "feed";
    }
    return "text";
}

void evidence_fill(doc_evidence *dst, const doc_evidence *src)
{
    char **d[] = {&dst->paper, &dst->date, &dst->page, &dst->page_name,
                  &dst->url, &dst->author};
    char *const s[] = {src->paper, src->date, src->page, src->page_name,
                       src->url, src->author};
    for (size_t i = 0; i < sizeof d / sizeof *d; i++)
        if (!*d[i] && s[i])
            *d[i] = xstrdup(s[i]);
}

void evidence_free(doc_evidence *e)
{
    free(e->paper);
    free(e->date);
    free(e->page);
    free(e->page_name);
    free(e->url);
    free(e->author);
    memset(e, 0, sizeof *e);
}

markup_article *markup_add_article(markup_doc *doc)
{
    doc->articles = grow_array(doc->articles, &doc->articles_cap,
                               doc->narticles + 1, sizeof *doc->articles);
    markup_article *a = &doc->articles[doc->narticles++];
    memset(a, 0, sizeof *a);
    return a;
}

block *markup_add_paragraph(markup_article *a, const char *text, int level,
                            unsigned flags)
{
    block *b = block_list_push(&a->body, text, BLOCK_BODY,
                               (int)a->body.n + 1);
    b->level = level;
    b->flags = flags;
    return b;
}

void markup_doc_free(markup_doc *doc)
{
    for (size_t i = 0; i < doc->narticles; i++) {
        markup_article *a = &doc->articles[i];
        free(a->headline);
        block_list_free(&a->body);
        evidence_free(&a->ev);
    }
    free(doc->articles);
    evidence_free(&doc->ev);
    block_list_free(&doc->furniture);
    strlist_free(&doc->warnings);
    memset(doc, 0, sizeof *doc);
}

/* ---- blocks -------------------------------------------------------------- */

/* The paragraphs normalised, each line its own block, numbered from
   *line on (a block's line only orders blocks). */
static void prepare_blocks(const block_list *body, int *line, block_list *out)
{
    for (size_t i = 0; i < body->n; i++) {
        const block *src = &body->v[i];
        char *t = text_normalize(src->text, strlen(src->text), NULL);
        for (char *s = t, *nl; s && *s; s = nl ? nl + 1 : NULL) {
            nl = strchr(s, '\n');
            if (nl)
                *nl = '\0';
            const char *p = s;
            while (*p == ' ')
                p++;
            if (!*p)
                continue;
            block *b = block_list_push(out, s, BLOCK_BODY, ++*line);
            b->level = src->level;
            b->flags = src->flags;
        }
        free(t);
    }
}

/* The text without white space (ASCII, U+3000, U+00A0), for comparing
   headlines printed with different spacing. */
static char *fold_space(const char *s)
{
    strbuf sb = {0};
    while (*s) {
        if (*s == ' ' || *s == '\t') {
            s++;
        } else if (strncmp(s, "\xE3\x80\x80", 3) == 0) {
            s += 3;
        } else if (strncmp(s, "\xC2\xA0", 2) == 0) {
            s += 2;
        } else {
            sb_putc(&sb, *s++);
        }
    }
    return sb_take(&sb);
}

/* Is the block kind a heading line (a headline can be printed as any of
   them)? */
static bool is_heading_kind(block_kind k)
{
    return k == BLOCK_HEADLINE || k == BLOCK_DECK || k == BLOCK_KICKER ||
           k == BLOCK_SUBHEAD || k == BLOCK_BANNER;
}

/* Where the head of the body ends: the first block that is plainly text
   (a lead, or a paragraph of 60 bytes or more that is not a heading),
   at most HEAD_REGION_MAX blocks in. */
static size_t head_region_end(const block_list *l)
{
    size_t i = 0;
    for (; i < l->n && i < HEAD_REGION_MAX; i++) {
        const block *b = &l->v[i];
        if (b->kind == BLOCK_LEAD ||
            (b->kind == BLOCK_BODY && b->level == 0 && strlen(b->text) >= 60))
            break;
    }
    return i;
}

/* The block of the head that prints the headline h (folded): the same
   text, or the first part of h (a feed joins headline and deck into one
   title), or a line that h starts; SIZE_MAX when none does. */
static size_t find_printed_headline(const block_list *l, size_t end,
                                    const char *h)
{
    size_t hl = strlen(h), found = SIZE_MAX;
    for (int pass = 0; pass < 2 && found == SIZE_MAX; pass++) {
        for (size_t i = 0; i < end && found == SIZE_MAX; i++) {
            char *t = fold_space(l->v[i].text);
            size_t tl = strlen(t);
            if (pass == 0 ? strcmp(t, h) == 0
                          : tl >= 9 && hl >= 9 &&
                                (strncmp(h, t, tl) == 0 ||
                                 strncmp(t, h, hl) == 0))
                found = i;
            free(t);
        }
    }
    return found;
}

/* Make the blocks one article under the markup's headline (see the top
   of this file). */
static void place_headline(block_list *l, const char *headline)
{
    char *h = fold_space(headline);
    size_t end = head_region_end(l);
    size_t at = h[0] ? find_printed_headline(l, end, h) : SIZE_MAX;
    free(h);
    if (at == SIZE_MAX) {
        /* Not printed in the body: it goes first; headings the heuristics
           saw in the head are its decks. */
        for (size_t i = 0; i < end; i++)
            if (l->v[i].kind == BLOCK_HEADLINE)
                l->v[i].kind = BLOCK_DECK;
        block_list_push(l, headline, BLOCK_HEADLINE, 0);
        block b = l->v[l->n - 1];
        b.flags |= BLOCK_F_MARKUP;
        memmove(l->v + 1, l->v, (l->n - 1) * sizeof *l->v);
        l->v[0] = b;
        at = 0;
        end++;
    } else {
        /* heading lines above the headline are its kickers (a ### line
           above the # headline was taken for a subhead, and the article
           then started before its headline) */
        for (size_t i = 0; i < at; i++)
            if (l->v[i].kind == BLOCK_HEADLINE || l->v[i].kind == BLOCK_SUBHEAD ||
                l->v[i].kind == BLOCK_DECK)
                l->v[i].kind = BLOCK_KICKER;
        l->v[at].kind = BLOCK_HEADLINE;
        for (size_t i = at + 1; i < end && (is_heading_kind(l->v[i].kind) ||
                                            l->v[i].level > 0);
             i++)
            l->v[i].kind = BLOCK_DECK;
    }
    /* Below the head, the heuristics' headlines are subheads. */
    bool demoted = false;
    for (size_t i = at + 1; i < l->n; i++) {
        block *b = &l->v[i];
        if (i >= end && b->kind == BLOCK_HEADLINE) {
            b->kind = BLOCK_SUBHEAD;
            demoted = true;
        } else if (demoted && b->kind == BLOCK_DECK) {
            b->kind = BLOCK_SUBHEAD;
        } else if (b->kind != BLOCK_DECK) {
            demoted = false;
        }
    }
}

/* Move the articles of src after those of dst. */
static void move_articles(issue *dst, issue *src)
{
    for (size_t i = 0; i < src->narticles; i++) {
        dst->articles = grow_array(dst->articles, &dst->articles_cap,
                                   dst->narticles + 1, sizeof *dst->articles);
        dst->articles[dst->narticles++] = src->articles[i];
    }
    src->narticles = 0;
}

/* Join the articles of is into its first one: the markup said they are
   one.  A later article's headline becomes a subhead where it was. */
static void merge_into_one(issue *is)
{
    if (is->narticles < 2)
        return;
    article *a = &is->articles[0];
    for (size_t i = 1; i < is->narticles; i++) {
        article *o = &is->articles[i];
        if (o->headline[0]) {
            block *b = block_list_push(&a->blocks, o->headline, BLOCK_SUBHEAD,
                                       o->blocks.n ? o->blocks.v[0].line : 0);
            b->flags |= BLOCK_F_MARKUP;
        }
        for (size_t k = 0; k < o->blocks.n; k++) {
            a->blocks.v = grow_array(a->blocks.v, &a->blocks.cap,
                                     a->blocks.n + 1, sizeof *a->blocks.v);
            a->blocks.v[a->blocks.n++] = o->blocks.v[k];
        }
        free(o->blocks.v);
        free(o->headline);
        free(o->sections);
        free(o->text);
        free(o->byline);
    }
    is->narticles = 1;
    article_rebuild_sections(a);
    article_finish(a); /* its blocks changed: text and byline again */
}

/* What the text of an article's blocks says of where it was printed:
   datelines, the masthead and bylines (issue_derive_metadata) and edition
   stamps. */
static void text_evidence(const block_list *l, doc_evidence *ev)
{
    issue tmp = {0};
    issue_derive_metadata(l, &tmp);
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].kind != BLOCK_BODY || i < HEAD_REGION_MAX ||
            i + 4 >= l->n)
            evidence_from_stamp(l->v[i].text, ev);
    if (!ev->paper && tmp.paper)
        ev->paper = xstrdup(tmp.paper);
    char d[11];
    if (!ev->date && tmp.date && evidence_date(tmp.date, d))
        ev->date = xstrdup(d); /* a year a paper can carry */
    if (tmp.edition && !ev->page) {
        char *name = NULL;
        ev->page = page_label(tmp.edition, false, &name);
        if (!ev->page && !ev->page_name)
            ev->page_name = xstrdup(tmp.edition);
        free(name);
    }
    free(tmp.paper);
    free(tmp.date);
    free(tmp.edition);
}

/* Evidence from the furniture the markup set apart (a document title). */
static void furniture_evidence(const block_list *f, doc_evidence *ev)
{
    for (size_t i = 0; i < f->n; i++) {
        char d[11];
        if (!ev->paper)
            ev->paper = evidence_paper_from_title(f->v[i].text);
        if (!ev->date && evidence_date(f->v[i].text, d))
            ev->date = xstrdup(d);
    }
}

/* Give each article of is from first on the evidence ev. */
static void set_article_evidence(issue *is, size_t first,
                                 const doc_evidence *ev)
{
    for (size_t i = first; i < is->narticles; i++) {
        article *a = &is->articles[i];
        a->paper = ev->paper ? xstrdup(ev->paper) : NULL;
        a->date = ev->date ? xstrdup(ev->date) : NULL;
        a->page = ev->page ? xstrdup(ev->page) : NULL;
        a->page_name = ev->page_name ? xstrdup(ev->page_name) : NULL;
    }
}

/* Build the articles of one markup article into is. */
static void build_article(markup_article *ma, const doc_evidence *file_ev,
                          int *line, issue *is)
{
    block_list l = {0};
    prepare_blocks(&ma->body, line, &l);
    blocks_classify(&l);
    doc_evidence ev = {0};
    evidence_fill(&ev, &ma->ev);
    evidence_clean(&ev);
    text_evidence(&l, &ev);
    evidence_fill(&ev, file_ev);
    char *headline = NULL;
    if (ma->headline) {
        headline = text_normalize(ma->headline, strlen(ma->headline), NULL);
        for (char *p = headline; *p; p++)
            if (*p == '\n')
                *p = ' ';
        char *f = fold_space(headline);
        if (!f[0]) {
            free(headline);
            headline = NULL;
        }
        free(f);
    }
    issue tmp = {0};
    if (headline) {
        place_headline(&l, headline);
        articles_group(&l, &tmp);
        merge_into_one(&tmp);
    } else {
        articles_group(&l, &tmp);
    }
    size_t first = is->narticles;
    move_articles(is, &tmp);
    set_article_evidence(is, first, &ev);
    if (!is->edition && ev.page) {
        strbuf sb = {0};
        sb_printf(&sb, "第%s版", ev.page);
        is->edition = sb_take(&sb);
    }
    free(tmp.articles);
    free(headline);
    evidence_free(&ev);
}

/* The issue's own paper, date and page: the file's evidence, else the
   first article's. */
static void set_issue_evidence(issue *is, const doc_evidence *file_ev)
{
    const article *a = is->narticles ? &is->articles[0] : NULL;
    const char *paper = file_ev->paper ? file_ev->paper : a ? a->paper : NULL;
    const char *date = file_ev->date ? file_ev->date : a ? a->date : NULL;
    const char *page = file_ev->page ? file_ev->page : a ? a->page : NULL;
    const char *name = file_ev->page_name ? file_ev->page_name
                       : a                ? a->page_name
                                          : NULL;
    is->paper = paper ? xstrdup(paper) : NULL;
    is->date = date ? xstrdup(date) : NULL;
    is->page = page ? xstrdup(page) : NULL;
    is->page_name = name ? xstrdup(name) : NULL;
}

void markup_build_issue(markup_doc *doc, const char *file, issue *is)
{
    memset(is, 0, sizeof *is);
    is->file = xstrdup(file);
    is->format = doc_format_name(doc->format);
    for (size_t i = 0; i < doc->warnings.n; i++)
        strlist_push(&is->warnings, doc->warnings.v[i]);
    doc_evidence file_ev = {0};
    evidence_fill(&file_ev, &doc->ev);
    furniture_evidence(&doc->furniture, &file_ev);
    evidence_clean(&file_ev);
    int line = 0;
    for (size_t i = 0; i < doc->narticles; i++)
        build_article(&doc->articles[i], &file_ev, &line, is);
    set_issue_evidence(is, &file_ev);
    evidence_free(&file_ev);
    markup_doc_free(doc);
}
