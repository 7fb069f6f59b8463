/* articles.c - stage 5: group classified blocks into articles.
 *
 * A headline starts an article; decks, subheads, speaker headings, body,
 * bylines and captions after it belong to it.  Kickers and speaker headings
 * printed just above a headline move down into that headline's article.
 * Masthead, dateline, banner and editor blocks are page furniture: they
 * feed the issue metadata and belong to no article.
 *
 * Broken columns: when a paragraph stops mid-sentence (BLOCK_F_OPEN_END)
 * the next body paragraph normally continues it and the two are joined.
 * But when the paragraph that stopped was followed by another article's
 * headline, the page may be printed column by column with two articles
 * interleaved (A1 B1 A2 B2).  Then, at B's own first open end, the text
 * that follows may be A's continuation rather than B's.  It is routed to
 * whichever of the two articles its words (CJK character pairs found in
 * one article but not the other) point to, and reading continues there.
 */
#include "articles.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "blocks.h"

/* ---- metadata ----------------------------------------------------------- */

/* Copy of s[0..n) with leading and trailing spaces (ASCII, U+3000)
   removed; NULL if nothing is left. */
static char *trimmed_copy(const char *s, size_t n)
{
    while (n > 0 && (*s == ' ' || (n >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0))) {
        size_t k = *s == ' ' ? 1 : 3;
        s += k;
        n -= k;
    }
    while (n > 0 && (s[n - 1] == ' ' ||
                     (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x80", 3) == 0)))
        n -= s[n - 1] == ' ' ? 1 : 3;
    return n ? xstrndup(s, n) : NULL;
}

/* Does the paper name end like a newspaper's (报, 电讯, 刊)? */
static int looks_like_paper(const char *name)
{
    static const char *const ends[] = {"报", "电讯", "刊", NULL};
    size_t n = strlen(name);
    for (size_t i = 0; ends[i]; i++) {
        size_t k = strlen(ends[i]);
        if (n > k && memcmp(name + n - k, ends[i], k) == 0)
            return strcmp(name, "本报") != 0;
    }
    return 0;
}

/* The paper named by a dateline or edition stamp: "稿件来源：新华每日电讯
   要闻" or "《人民日报》（…第 06 版）".  *edition gets what follows the
   paper's name in a 来源 stamp. */
static char *paper_from_stamp(const char *t, char **edition)
{
    const char *p = strstr(t, "来源：");
    if (p) {
        p += strlen("来源：");
        while (*p == ' ')
            p++;
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (e && !*edition)
            *edition = trimmed_copy(e, strlen(e));
        return n ? xstrndup(p, n) : NULL;
    }
    p = strstr(t, "《");
    if (p) {
        p += strlen("《");
        const char *e = strstr(p, "》");
        if (e && e > p) {
            char *name = xstrndup(p, (size_t)(e - p));
            if (looks_like_paper(name))
                return name;
            free(name);
        }
    }
    return NULL;
}

/* The edition printed in a dateline: "第 06 版", "第A3版", or NULL.  The
   count of pages (今日四版) is not an edition. */
static char *edition_from_dateline(const char *t)
{
    const char *p = t;
    while ((p = strstr(p, "第")) != NULL) {
        const char *q = p + strlen("第");
        int chars = 0;
        while (*q && chars < 6 && strncmp(q, "版", strlen("版")) != 0) {
            ucs4_t c;
            int m = u8_mbtouc(&c, (const uint8_t *)q, strlen(q));
            if (m <= 0)
                break;
            q += m;
            chars++;
        }
        if (chars > 0 && strncmp(q, "版", strlen("版")) == 0)
            return xstrndup(p, (size_t)(q - p) + strlen("版"));
        p += strlen("第");
    }
    return NULL;
}

/* The paper implied by the bylines: the outlet named by more than half of
   the bylines that name a paper, when no byline says 本报 (this paper,
   unnamed).  Agencies (新华社) are not papers. */
static char *paper_from_bylines(const block_list *blocks)
{
    strlist names = {0};
    size_t counts[64] = {0};
    int own = 0;
    for (size_t i = 0; i < blocks->n; i++) {
        const block *b = &blocks->v[i];
        if (b->kind != BLOCK_BYLINE || byline_is_photo_credit(b->text))
            continue;
        char *o = byline_outlet(b->text);
        if (!o)
            continue;
        if (strcmp(o, "本报") == 0)
            own = 1;
        else if (looks_like_paper(o)) {
            size_t k = 0;
            while (k < names.n && strcmp(names.v[k], o) != 0)
                k++;
            if (k == names.n && k < 64)
                strlist_push(&names, o);
            if (k < 64)
                counts[k]++;
        }
        free(o);
    }
    char *r = NULL;
    size_t total = 0, best = 0;
    for (size_t k = 0; k < names.n; k++) {
        total += counts[k];
        if (counts[k] > counts[best])
            best = k;
    }
    if (!own && names.n && 2 * counts[best] > total)
        r = xstrdup(names.v[best]);
    strlist_free(&names);
    return r;
}

/* Paper from the masthead, a stamp or the bylines; date and edition from
   the datelines. */
void issue_derive_metadata(const block_list *blocks, issue *is)
{
    char *paper = NULL, *date = NULL, *edition = NULL;
    for (size_t i = 0; i < blocks->n && !paper; i++)
        if (blocks->v[i].kind == BLOCK_MASTHEAD)
            paper = xstrdup(blocks->v[i].text);
    for (size_t i = 0; i < blocks->n; i++) {
        const block *b = &blocks->v[i];
        if (b->kind != BLOCK_DATELINE)
            continue;
        char *t = blocks_fold_punct(b->text);
        char d[11];
        if (!date && blocks_find_date(t, d))
            date = xstrdup(d);
        if (!edition)
            edition = edition_from_dateline(t);
        char *p = paper_from_stamp(t, &edition);
        if (p && !paper)
            paper = p;
        else
            free(p);
        free(t);
    }
    if (!paper)
        paper = paper_from_bylines(blocks);
    free(is->paper);
    free(is->date);
    free(is->edition);
    is->paper = paper;
    is->date = date;
    is->edition = edition;
}

/* The first reporter byline; a bare dispatch line only when there is no
   other; never a photo credit. */
const char *article_byline(const article *a)
{
    const char *dispatch = NULL;
    for (size_t i = 0; i < a->blocks.n; i++) {
        const block *b = &a->blocks.v[i];
        if (b->kind != BLOCK_BYLINE || byline_is_photo_credit(b->text))
            continue;
        if (!byline_is_dispatch(b->text))
            return b->text;
        if (!dispatch)
            dispatch = b->text;
    }
    return dispatch;
}

/* ---- word pairs for routing broken columns --------------------------- */

typedef struct {
    uint64_t *v;
    size_t n;
    size_t cap;
} pair_set;

/* Is c a CJK ideograph? */
static int is_ideo(ucs4_t c)
{
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

/* Add every pair of adjacent ideographs of s to the set (unsorted). */
static void pairs_add(pair_set *ps, const char *s)
{
    const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
    ucs4_t prev = 0;
    while (p < end) {
        ucs4_t c;
        int m = u8_mbtouc(&c, p, (size_t)(end - p));
        if (m <= 0)
            m = 1;
        p += m;
        if (is_ideo(c) && is_ideo(prev)) {
            ps->v = grow_array(ps->v, &ps->cap, ps->n + 1, sizeof *ps->v);
            ps->v[ps->n++] = ((uint64_t)prev << 32) | c;
        }
        prev = is_ideo(c) ? c : 0;
    }
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Sort the set and drop duplicates. */
static void pairs_finish(pair_set *ps)
{
    if (ps->n == 0)
        return;
    qsort(ps->v, ps->n, sizeof *ps->v, cmp_u64);
    size_t k = 1;
    for (size_t i = 1; i < ps->n; i++)
        if (ps->v[i] != ps->v[k - 1])
            ps->v[k++] = ps->v[i];
    ps->n = k;
}

static int pairs_has(const pair_set *ps, uint64_t x)
{
    return ps->n && bsearch(&x, ps->v, ps->n, sizeof x, cmp_u64) != NULL;
}

/* The character pairs of an article: headline and every block. */
static void pairs_of_article(pair_set *ps, const article *a)
{
    pairs_add(ps, a->headline);
    for (size_t i = 0; i < a->blocks.n; i++)
        pairs_add(ps, a->blocks.v[i].text);
    pairs_finish(ps);
}

/* How many pairs of seg occur in article x but not in article y. */
static size_t pairs_only_in(const pair_set *seg, const pair_set *x,
                            const pair_set *y)
{
    size_t k = 0;
    for (size_t i = 0; i < seg->n; i++)
        k += pairs_has(x, seg->v[i]) && !pairs_has(y, seg->v[i]);
    return k;
}

/* ---- grouping ---------------------------------------------------------- */

/* A paragraph that stopped mid-sentence right before another article's
   headline, waiting for its continuation. */
typedef struct {
    int valid;
    size_t art;  /* article of the open paragraph */
    size_t blk;  /* the open paragraph */
    size_t host; /* article whose headline came next */
} pending_column;

typedef struct {
    issue *is;
    const block_list *in;
    long cur;            /* current article, -1 before the first */
    size_t *held;        /* kickers/speaker headings waiting for a home */
    size_t nheld;
    size_t held_cap;
    pending_column pend;
} grouper;

/* Is the kind page furniture that belongs to no article? */
static int is_furniture(block_kind k)
{
    return k == BLOCK_MASTHEAD || k == BLOCK_DATELINE ||
           k == BLOCK_BANNER || k == BLOCK_EDITOR;
}

/* Start an article and make it current; returns its index. */
static size_t start_article(grouper *g, const char *headline)
{
    issue_add_article(g->is, headline);
    g->cur = (long)(g->is->narticles - 1);
    return (size_t)g->cur;
}

/* The current article, starting an untitled one if there is none. */
static article *current(grouper *g)
{
    if (g->cur < 0)
        start_article(g, "");
    return &g->is->articles[g->cur];
}

/* Append a copy of b to article a; speaker headings and subheads (other
   than the title under a speaker heading) start sections. */
static void append_block(article *a, const block *b)
{
    block *nb = block_list_push(&a->blocks, b->text, b->kind, b->line);
    nb->level = b->level;
    nb->flags = b->flags;
    size_t k = a->blocks.n - 1;
    if (b->kind == BLOCK_SPEAKER_HEADING)
        article_add_section(a, k, -1);
    else if (b->kind == BLOCK_SUBHEAD &&
             !(k > 0 && a->blocks.v[k - 1].kind == BLOCK_SPEAKER_HEADING))
        article_add_section(a, k, -1);
}

/* Put the held kickers and speaker headings into the current article. */
static void flush_held(grouper *g)
{
    if (g->nheld == 0)
        return;
    article *a = current(g);
    for (size_t i = 0; i < g->nheld; i++)
        append_block(a, &g->in->v[g->held[i]]);
    g->nheld = 0;
}

/* The last block of article a if it is text that stopped mid-sentence. */
static block *open_tail(article *a)
{
    if (a->blocks.n == 0)
        return NULL;
    block *b = &a->blocks.v[a->blocks.n - 1];
    if ((b->kind == BLOCK_BODY || b->kind == BLOCK_LEAD) &&
        (b->flags & BLOCK_F_OPEN_END))
        return b;
    return NULL;
}

/* Append the text of src to dst (a broken column rejoined). */
static void join_into(block *dst, const block *src)
{
    size_t a = strlen(dst->text), b = strlen(src->text);
    dst->text = xrealloc(dst->text, a + b + 1);
    memcpy(dst->text + a, src->text, b + 1);
    dst->flags |= BLOCK_F_JOINED;
    dst->flags &= ~(unsigned)BLOCK_F_OPEN_END;
    dst->flags |= src->flags & BLOCK_F_OPEN_END;
}

/* The pairs of the text that starts at block i and runs to the next
   paragraph stopping mid-sentence (one printed column segment). */
static void segment_pairs(const block_list *in, size_t i, pair_set *ps)
{
    for (; i < in->n; i++) {
        const block *b = &in->v[i];
        if (b->kind != BLOCK_BODY && b->kind != BLOCK_LEAD &&
            b->kind != BLOCK_LIST_ITEM)
            break;
        pairs_add(ps, b->text);
        if (b->flags & BLOCK_F_OPEN_END)
            break;
    }
    pairs_finish(ps);
}

/* Should the column segment starting at block i continue the pending
   article rather than the current one? */
static int segment_prefers_pending(grouper *g, size_t i)
{
    pair_set seg = {0}, pend = {0}, cur = {0};
    segment_pairs(g->in, i, &seg);
    pairs_of_article(&pend, &g->is->articles[g->pend.art]);
    pairs_of_article(&cur, &g->is->articles[g->cur]);
    size_t to_pend = pairs_only_in(&seg, &pend, &cur);
    size_t to_cur = pairs_only_in(&seg, &cur, &pend);
    free(seg.v);
    free(pend.v);
    free(cur.v);
    return to_pend > to_cur;
}

/* Add body block i, rejoining it to a paragraph that stopped mid-sentence:
   the current article's last one, or the pending one of an interleaved
   article. */
static void add_body(grouper *g, size_t i)
{
    const block *b = &g->in->v[i];
    article *a = current(g);
    block *tail = open_tail(a);
    if (!tail || b->kind != BLOCK_BODY) {
        append_block(a, b);
        return;
    }
    if (g->pend.valid && g->pend.host == (size_t)g->cur &&
        g->pend.art != (size_t)g->cur && segment_prefers_pending(g, i)) {
        size_t from = (size_t)g->cur;
        article *p = &g->is->articles[g->pend.art];
        join_into(&p->blocks.v[g->pend.blk], b);
        g->pend.host = g->pend.art;
        g->pend.art = from;
        g->pend.blk = a->blocks.n - 1;
        g->cur = (long)g->pend.host;
        return;
    }
    join_into(tail, b);
}

/* A new headline: remember an open paragraph of the article before it,
   start the article and move held kickers/speaker headings into it. */
static void add_headline(grouper *g, size_t i)
{
    g->pend.valid = 0;
    if (g->cur >= 0) {
        article *a = &g->is->articles[g->cur];
        if (open_tail(a)) {
            g->pend.valid = 1;
            g->pend.art = (size_t)g->cur;
            g->pend.blk = a->blocks.n - 1;
        }
    }
    size_t k = start_article(g, g->in->v[i].text);
    g->pend.host = k;
    flush_held(g);
}

/* A reporter byline after a subhead, naming another outlet than the
   article's byline, starts a new article of a package headed by that
   subhead.  Returns 1 if it did. */
static int split_package(grouper *g, size_t i)
{
    const block *b = &g->in->v[i];
    if (g->cur < 0 || i + 1 >= g->in->n ||
        (g->in->v[i + 1].kind != BLOCK_BODY &&
         g->in->v[i + 1].kind != BLOCK_LEAD))
        return 0;
    article *a = &g->is->articles[g->cur];
    if (a->blocks.n == 0 ||
        a->blocks.v[a->blocks.n - 1].kind != BLOCK_SUBHEAD)
        return 0;
    const char *old = article_byline(a);
    char *o1 = old ? byline_outlet(old) : NULL;
    char *o2 = byline_outlet(b->text);
    int differ = o1 && o2 && strcmp(o1, o2) != 0;
    free(o1);
    free(o2);
    if (!differ)
        return 0;
    block *sub = &a->blocks.v[a->blocks.n - 1];
    char *headline = sub->text;
    if (a->nsections && a->sections[a->nsections - 1].first_block ==
                            a->blocks.n - 1)
        a->nsections--;
    a->blocks.n--;
    g->pend.valid = 0;
    start_article(g, headline);
    free(headline);
    return 1;
}

/* Walk the blocks in reading order and build the articles (see the top
   of this file). */
void articles_group(block_list *blocks, issue *is)
{
    grouper g = {0};
    g.is = is;
    g.in = blocks;
    g.cur = -1;
    for (size_t i = 0; i < blocks->n; i++) {
        const block *b = &blocks->v[i];
        if (is_furniture(b->kind))
            continue;
        switch (b->kind) {
        case BLOCK_KICKER:
        case BLOCK_SPEAKER_HEADING:
            g.held = grow_array(g.held, &g.held_cap, g.nheld + 1,
                                sizeof *g.held);
            g.held[g.nheld++] = i;
            break;
        case BLOCK_HEADLINE:
            add_headline(&g, i);
            break;
        case BLOCK_BODY:
            flush_held(&g);
            add_body(&g, i);
            break;
        case BLOCK_BYLINE:
            if (g.nheld == 0)
                split_package(&g, i);
            flush_held(&g);
            append_block(current(&g), b);
            break;
        default:
            flush_held(&g);
            append_block(current(&g), b);
            break;
        }
    }
    flush_held(&g);
    free(g.held);
    block_list_free(blocks);
}
