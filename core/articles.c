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
 *
 * Headlines printed away from their text: a headline that stage 4 found
 * printed after the page's opening text (BLOCK_F_HEADS_BEFORE) names that
 * text; a lead (本报讯 …) after finished text opens a story of its own.
 * When reading in order then leaves a headline without text and a text
 * without headline, headlines and texts are paired again by their words
 * (repair_pairing), and a deck printed in a cluster of several headlines
 * goes to the one whose text shares its words (route_cluster_decks).
 */
#include "articles.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "furniture.h"
#include "text.h"

/* ---- metadata ----------------------------------------------------------- */

/* The paper implied by the bylines: the outlet named by more than half of
   the bylines that name a paper, when no byline says 本报 (this paper,
   unnamed).  Agencies (新华社) are not papers.  Stage 4 read each byline's
   outlet (block.facts). */
static char *paper_from_bylines(const block_list *blocks)
{
    enum { MAX_OUTLETS = 64 }; /* a page names a few; more are not counted */
    strlist names = {0};
    size_t counts[MAX_OUTLETS] = {0};
    int own = 0;
    for (size_t i = 0; i < blocks->n; i++) {
        const block *b = &blocks->v[i];
        if (b->kind != BLOCK_BYLINE || (b->flags & BLOCK_F_PHOTO_CREDIT) ||
            !b->facts || !b->facts->outlet)
            continue;
        const char *o = b->facts->outlet;
        if (strcmp(o, OWN_PAPER) == 0)
            own = 1;
        else if (outlet_is_paper(o)) {
            size_t k = 0;
            while (k < names.n && strcmp(names.v[k], o) != 0)
                k++;
            if (k == names.n && k < MAX_OUTLETS)
                strlist_push(&names, o);
            if (k < MAX_OUTLETS)
                counts[k]++;
        }
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
   the datelines, else from a stamp after a byline (what stage 4 read in
   them). */
void issue_derive_metadata(const block_list *blocks, issue *is)
{
    char *paper = NULL, *date = NULL, *edition = NULL;
    for (size_t i = 0; i < blocks->n && !paper; i++)
        if (blocks->v[i].kind == BLOCK_MASTHEAD)
            paper = xstrdup(blocks->v[i].text);
    for (size_t i = 0; i < blocks->n; i++) {
        const block_facts *f = blocks->v[i].facts;
        if (blocks->v[i].kind != BLOCK_DATELINE || !f)
            continue;
        if (!date && f->date[0])
            date = xstrdup(f->date);
        if (!edition && f->edition)
            edition = xstrdup(f->edition);
        if (!paper && f->outlet)
            paper = xstrdup(f->outlet);
    }
    /* A publication stamp printed after a byline dates the page too. */
    for (size_t i = 0; i < blocks->n && !date; i++) {
        const block_facts *f = blocks->v[i].facts;
        if (blocks->v[i].kind != BLOCK_BYLINE || !f || !f->date[0])
            continue;
        date = xstrdup(f->date);
        if (!edition && f->edition)
            edition = xstrdup(f->edition);
        if (!paper && f->stamped)
            paper = xstrdup(f->stamped);
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

/* The article's byline block: the first reporter byline; a bare dispatch
   line only when there is no other; never a photo credit.  NULL if none. */
static const block *byline_block(const article *a)
{
    const block *dispatch = NULL;
    for (size_t i = 0; i < a->blocks.n; i++) {
        const block *b = &a->blocks.v[i];
        if (b->kind != BLOCK_BYLINE || (b->flags & BLOCK_F_PHOTO_CREDIT))
            continue;
        if (!(b->flags & BLOCK_F_DISPATCH))
            return b;
        if (!dispatch)
            dispatch = b;
    }
    return dispatch;
}

void article_finish(article *a)
{
    const block *b = byline_block(a);
    free(a->text);
    free(a->byline);
    a->text = article_text(a);
    a->byline = b ? xstrdup(b->text) : NULL;
}

/* ---- word pairs for routing broken columns --------------------------- */

typedef struct {
    uint64_t *v;
    size_t n;
    size_t cap;
} pair_set;

/* Add every pair of adjacent ideographs of s to the set (unsorted). */
static void pairs_add(pair_set *ps, const char *s)
{
    size_t n = strlen(s);
    uint32_t prev = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += utf8_char(s + i, n - i, &c);
        if (is_han(c) && is_han(prev)) {
            ps->v = grow_array(ps->v, &ps->cap, ps->n + 1, sizeof *ps->v);
            ps->v[ps->n++] = ((uint64_t)prev << 32) | c;
        }
        prev = is_han(c) ? c : 0;
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
    size_t *head_src;    /* per article: input index of its headline, or
                            SIZE_MAX (untitled, or split off a package) */
    size_t head_src_cap;
} grouper;

/* Is the kind page furniture that belongs to no article? */
static int is_furniture(block_kind k)
{
    return k == BLOCK_MASTHEAD || k == BLOCK_DATELINE ||
           k == BLOCK_BANNER || k == BLOCK_EDITOR;
}

/* Start an article whose headline is input block src (SIZE_MAX: none)
   and make it current; returns its index. */
static size_t start_article(grouper *g, const char *headline, size_t src)
{
    issue_add_article(g->is, headline);
    g->cur = (long)(g->is->narticles - 1);
    g->head_src = grow_array(g->head_src, &g->head_src_cap,
                             g->is->narticles, sizeof *g->head_src);
    g->head_src[g->cur] = src;
    return (size_t)g->cur;
}

/* The current article, starting an untitled one if there is none. */
static article *current(grouper *g)
{
    if (g->cur < 0)
        start_article(g, "", SIZE_MAX);
    return &g->is->articles[g->cur];
}

/* Does block k of l start a section?  Speaker headings and subheads do,
   except the title under a speaker heading and a signature printed under
   the person's text (BLOCK_F_SIGNATURE: what follows it is not theirs). */
static bool starts_section(const block_list *l, size_t k)
{
    block_kind kd = l->v[k].kind;
    return (kd == BLOCK_SPEAKER_HEADING &&
            !(l->v[k].flags & BLOCK_F_SIGNATURE)) ||
           (kd == BLOCK_SUBHEAD &&
            !(k > 0 && l->v[k - 1].kind == BLOCK_SPEAKER_HEADING));
}

/* Append a copy of b to article a, starting a section where it does. */
static void append_block(article *a, const block *b)
{
    block_list_push_copy(&a->blocks, b);
    if (starts_section(&a->blocks, a->blocks.n - 1))
        article_add_section(a, a->blocks.n - 1, -1);
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

/* Does article a hold running text (not only heading matter)? */
static int has_text(const article *a)
{
    for (size_t k = 0; k < a->blocks.n; k++) {
        block_kind kd = a->blocks.v[k].kind;
        if (kd == BLOCK_BODY || kd == BLOCK_LEAD || kd == BLOCK_LIST_ITEM)
            return 1;
    }
    return 0;
}

/* A headline printed after the text it heads (BLOCK_F_HEADS_BEFORE, set
   by stage 4) names the untitled text before it instead of starting an
   article.  Returns 1 if it did. */
static int title_text_before(grouper *g, size_t i)
{
    const block *b = &g->in->v[i];
    if (!(b->flags & BLOCK_F_HEADS_BEFORE) || g->cur < 0)
        return 0;
    article *a = &g->is->articles[g->cur];
    if (a->headline[0] || !has_text(a))
        return 0;
    free(a->headline);
    a->headline = xstrdup(b->text);
    g->head_src[g->cur] = i;
    g->pend.valid = 0;
    flush_held(g);
    return 1;
}

/* A lead (本报讯 …, 新华社…电 …) opens a story: after an article's text
   has ended a sentence (or its trailing byline), it starts a new, so far
   untitled, article; its headline may be printed elsewhere on the page
   (see repair_pairing).  Returns 1 if it did. */
static int lead_starts_story(grouper *g, size_t i)
{
    if (g->cur < 0 || g->nheld > 0 || g->in->v[i].kind != BLOCK_LEAD)
        return 0;
    article *a = &g->is->articles[g->cur];
    if (a->blocks.n == 0)
        return 0;
    const block *last = &a->blocks.v[a->blocks.n - 1];
    int closed = (last->kind == BLOCK_BODY || last->kind == BLOCK_LEAD) &&
                 !(last->flags & BLOCK_F_OPEN_END);
    if (!closed && !(last->kind == BLOCK_BYLINE && has_text(a)))
        return 0;
    g->pend.valid = 0;
    start_article(g, "", SIZE_MAX);
    return 1;
}

/* A new headline: remember an open paragraph of the article before it,
   start the article and move held kickers/speaker headings into it. */
static void add_headline(grouper *g, size_t i)
{
    if (title_text_before(g, i))
        return;
    g->pend.valid = 0;
    if (g->cur >= 0) {
        article *a = &g->is->articles[g->cur];
        if (open_tail(a)) {
            g->pend.valid = 1;
            g->pend.art = (size_t)g->cur;
            g->pend.blk = a->blocks.n - 1;
        }
    }
    size_t k = start_article(g, g->in->v[i].text, i);
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
    const block *old = byline_block(a);
    const char *o1 = old && old->facts ? old->facts->outlet : NULL;
    const char *o2 = b->facts ? b->facts->outlet : NULL;
    if (!o1 || !o2 || strcmp(o1, o2) == 0)
        return 0;
    block *sub = &a->blocks.v[a->blocks.n - 1];
    char *headline = sub->text;
    if (a->nsections && a->sections[a->nsections - 1].first_block ==
                            a->blocks.n - 1)
        a->nsections--;
    a->blocks.n--;
    g->pend.valid = 0;
    start_article(g, headline, SIZE_MAX);
    free(headline);
    return 1;
}

/* ---- headlines printed away from their text ------------------------- */

/* Some pages print a headline apart from its text: several headlines in
   one cluster above a single text, a headline after the text it heads, a
   story opened by a lead with its headline further down.  Reading in
   order then leaves a headline without text or a text without headline.
   Only then are headlines and texts paired again by their words: each
   shared pair of ideographs counts 1/df, df being the number of texts of
   the page that contain it, so that a word of one story outweighs words
   every story uses.  A page of more articles than this is not repaired
   (every headline is compared with every text). */
enum { REPAIR_MAX_ARTICLES = 64, REPAIR_MAX_PATH = 4 };
/* Weight a headline must share with a text to be given it, and how many
   times more than the headline that holds the text now. */
#define REPAIR_MIN_SCORE 1.5
#define REPAIR_FACTOR 2.0

/* Does the kind carry an article's own words (not its heading matter,
   bylines or markers)? */
static int is_wordy(block_kind k)
{
    return k == BLOCK_BODY || k == BLOCK_LEAD || k == BLOCK_LIST_ITEM ||
           k == BLOCK_SUBHEAD || k == BLOCK_SPEAKER_HEADING ||
           k == BLOCK_CAPTION;
}

/* How many leading blocks of a were printed with its headline: its decks
   and kickers, or every block when it has no text; none when it has text
   but no headline (what it holds goes where its text goes). */
static size_t head_length(const article *a)
{
    if (!has_text(a))
        return a->blocks.n;
    if (!a->headline[0])
        return 0;
    size_t k = 0;
    while (k < a->blocks.n && (a->blocks.v[k].kind == BLOCK_DECK ||
                               a->blocks.v[k].kind == BLOCK_KICKER))
        k++;
    return k;
}

/* Pairs of the words of article a's text (blocks from `from` on). */
static void text_pairs(pair_set *ps, const article *a, size_t from)
{
    for (size_t k = from; k < a->blocks.n; k++)
        if (is_wordy(a->blocks.v[k].kind))
            pairs_add(ps, a->blocks.v[k].text);
    pairs_finish(ps);
}

/* How many times x occurs in the sorted array v[0..n). */
static size_t count_sorted(const uint64_t *v, size_t n, uint64_t x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t k = 0;
    while (lo + k < n && v[lo + k] == x)
        k++;
    return k;
}

/* The texts of a page and how often each word pair occurs among them. */
typedef struct {
    size_t n;
    pair_set *text;  /* per article: pairs of its text */
    uint64_t *all;   /* every text's pairs, sorted, with repeats */
    size_t nall;
} page_words;

/* Collect the text pairs of every article (from its head_length on). */
static void page_words_init(page_words *w, const issue *is)
{
    memset(w, 0, sizeof *w);
    w->n = is->narticles;
    w->text = xcalloc(w->n, sizeof *w->text);
    size_t total = 0;
    for (size_t j = 0; j < w->n; j++) {
        text_pairs(&w->text[j], &is->articles[j],
                   head_length(&is->articles[j]));
        total += w->text[j].n;
    }
    w->all = xmalloc((total + 1) * sizeof *w->all);
    for (size_t j = 0; j < w->n; j++) {
        if (w->text[j].n)
            memcpy(w->all + w->nall, w->text[j].v,
                   w->text[j].n * sizeof *w->all);
        w->nall += w->text[j].n;
    }
    qsort(w->all, w->nall, sizeof *w->all, cmp_u64);
}

static void page_words_free(page_words *w)
{
    for (size_t j = 0; j < w->n; j++)
        free(w->text[j].v);
    free(w->text);
    free(w->all);
}

/* The weight of the pairs of q found in the text of article j. */
static double words_score(const page_words *w, const pair_set *q, size_t j)
{
    double s = 0;
    for (size_t i = 0; i < q->n; i++)
        if (pairs_has(&w->text[j], q->v[i]))
            s += 1.0 / (double)count_sorted(w->all, w->nall, q->v[i]);
    return s;
}

/* Headlines and texts being paired again (indices are articles). */
typedef struct {
    size_t n;
    double *score;  /* score[h * n + j]: headline h against text j */
    long *owner;    /* per text: the article whose headline heads it */
    long *text_of;  /* per headline: the article whose text it heads */
    unsigned char *on_path;
} pairing;

/* Give headline h a text: one that no headline heads, or one whose
   headline fits it REPAIR_FACTOR times worse and can move on to another
   text in turn (an augmenting path, at most REPAIR_MAX_PATH long).  Every
   text that changes hands gets a headline that fits it clearly better. */
static int give_text(pairing *p, size_t h, int depth)
{
    if (depth >= REPAIR_MAX_PATH)
        return 0;
    for (;;) {
        long best = -1;
        for (size_t j = 0; j < p->n; j++)
            if (!p->on_path[j] && p->score[h * p->n + j] >= REPAIR_MIN_SCORE &&
                (best < 0 || p->score[h * p->n + j] >
                                 p->score[h * p->n + (size_t)best]))
                best = (long)j;
        if (best < 0)
            return 0;
        size_t j = (size_t)best;
        p->on_path[j] = 1;
        long o = p->owner[j];
        double mine = p->score[h * p->n + j];
        if (o >= 0 && mine < REPAIR_FACTOR * p->score[(size_t)o * p->n + j])
            continue;
        if (o < 0 || give_text(p, (size_t)o, depth + 1)) {
            p->owner[j] = (long)h;
            p->text_of[h] = (long)j;
            return 1;
        }
    }
}

/* Move the blocks [from, to) of src to the end of dst (texts move, not
   copied). */
static void move_blocks(article *dst, article *src, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++) {
        dst->blocks.v = grow_array(dst->blocks.v, &dst->blocks.cap,
                                   dst->blocks.n + 1, sizeof *dst->blocks.v);
        dst->blocks.v[dst->blocks.n++] = src->blocks.v[k];
        src->blocks.v[k].text = NULL;
        src->blocks.v[k].facts = NULL;
    }
}

/* Recompute the sections of a after its blocks changed. */
void article_rebuild_sections(article *a)
{
    a->nsections = 0;
    for (size_t k = 0; k < a->blocks.n; k++)
        if (starts_section(&a->blocks, k))
            article_add_section(a, k, -1);
}

/* Rebuild the articles from the new pairing: in the order of the texts,
   each text under the headline (and decks) now heading it; a headline
   left without text stays where it was. */
static void apply_pairing(grouper *g, const pairing *p)
{
    issue *is = g->is;
    size_t n = is->narticles;
    article *old = is->articles;
    size_t *old_src = g->head_src;
    size_t *hlen = xmalloc(n * sizeof *hlen);
    for (size_t j = 0; j < n; j++)
        hlen[j] = head_length(&old[j]);
    is->articles = NULL;
    is->narticles = 0;
    is->articles_cap = 0;
    g->head_src = NULL;
    g->head_src_cap = 0;
    for (size_t j = 0; j < n; j++) {
        if (!has_text(&old[j])) {
            if (p->text_of[j] < 0) {
                start_article(g, old[j].headline, old_src[j]);
                move_blocks(&is->articles[g->cur], &old[j], 0,
                            old[j].blocks.n);
                article_rebuild_sections(&is->articles[g->cur]);
            }
            continue;
        }
        long o = p->owner[j];
        size_t h = o >= 0 ? (size_t)o : j;
        start_article(g, o >= 0 ? old[h].headline : "",
                      o >= 0 ? old_src[h] : SIZE_MAX);
        article *a = &is->articles[g->cur];
        if (o >= 0)
            move_blocks(a, &old[h], 0, hlen[h]);
        move_blocks(a, &old[j], hlen[j], old[j].blocks.n);
        article_rebuild_sections(a);
    }
    for (size_t j = 0; j < n; j++) {
        free(old[j].headline);
        block_list_free(&old[j].blocks);
        free(old[j].sections);
    }
    free(old);
    free(old_src);
    free(hlen);
}

/* Pair headlines and texts again when reading in order left a headline
   without text and a text (opened by a lead) without headline; see the
   top of this section. */
static void repair_pairing(grouper *g)
{
    issue *is = g->is;
    size_t n = is->narticles;
    if (n < 2 || n > REPAIR_MAX_ARTICLES)
        return;
    int orphan_head = 0, orphan_text = 0;
    for (size_t j = 0; j < n; j++) {
        const article *a = &is->articles[j];
        int text = has_text(a);
        orphan_head |= a->headline[0] && !text;
        orphan_text |= !a->headline[0] && text && j > 0;
    }
    if (!orphan_head || !orphan_text)
        return;
    page_words w;
    page_words_init(&w, is);
    pairing p = {0};
    p.n = n;
    p.score = xcalloc(n * n, sizeof *p.score);
    p.owner = xmalloc(n * sizeof *p.owner);
    p.text_of = xmalloc(n * sizeof *p.text_of);
    p.on_path = xcalloc(n, 1);
    /* The page's opening text before any headline is not paired: its
       headline, if any, is on another page. */
    for (size_t h = 0; h < n; h++) {
        const article *a = &is->articles[h];
        int text = has_text(a);
        p.owner[h] = a->headline[0] && text ? (long)h : -1;
        p.text_of[h] = p.owner[h];
        if (!a->headline[0])
            continue;
        pair_set q = {0};
        pairs_add(&q, a->headline);
        size_t hl = head_length(a);
        for (size_t k = 0; k < hl; k++)
            if (a->blocks.v[k].kind == BLOCK_DECK)
                pairs_add(&q, a->blocks.v[k].text);
        pairs_finish(&q);
        for (size_t j = 0; j < n; j++)
            if (has_text(&is->articles[j]) &&
                (j > 0 || is->articles[0].headline[0]))
                p.score[h * n + j] = words_score(&w, &q, j);
        free(q.v);
    }
    int changed = 0;
    for (size_t h = 0; h < n; h++) {
        if (!is->articles[h].headline[0] || p.text_of[h] >= 0)
            continue;
        memset(p.on_path, 0, n);
        changed |= give_text(&p, h, 0);
    }
    if (changed)
        apply_pairing(g, &p);
    free(p.score);
    free(p.owner);
    free(p.text_of);
    free(p.on_path);
    page_words_free(&w);
}

/* The input block holding the deck d of an article (same line and
   text), or SIZE_MAX.  Input blocks are in source order. */
static size_t input_of_deck(const block_list *in, const block *d)
{
    size_t lo = 0, hi = in->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (in->v[mid].line < d->line)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < in->n && in->v[lo].line == d->line; lo++)
        if (in->v[lo].kind == BLOCK_DECK && strcmp(in->v[lo].text, d->text) == 0)
            return lo;
    return SIZE_MAX;
}

/* Cluster of each input block (the index of the first block of its run
   of headline, deck and kicker blocks), SIZE_MAX outside runs holding at
   least two headlines.  Returns NULL when there is no such run. */
static size_t *multi_headline_clusters(const block_list *in)
{
    size_t *cluster = xmalloc((in->n + 1) * sizeof *cluster);
    int multi = 0;
    for (size_t i = 0; i < in->n;) {
        size_t e = i, heads = 0;
        while (e < in->n && (in->v[e].kind == BLOCK_HEADLINE ||
                             in->v[e].kind == BLOCK_DECK ||
                             in->v[e].kind == BLOCK_KICKER)) {
            heads += in->v[e].kind == BLOCK_HEADLINE;
            e++;
        }
        if (e == i) {
            cluster[i++] = SIZE_MAX;
            continue;
        }
        for (size_t k = i; k < e; k++)
            cluster[k] = heads >= 2 ? i : SIZE_MAX;
        multi |= heads >= 2;
        i = e;
    }
    if (!multi) {
        free(cluster);
        return NULL;
    }
    return cluster;
}

/* The article of a deck's cluster whose text its words point to, when
   they point there REPAIR_FACTOR times more than to the text of article
   at; else -1. */
static long deck_home(const grouper *g, const page_words *w,
                      const size_t *cluster, size_t c, const char *deck,
                      size_t at)
{
    pair_set q = {0};
    pairs_add(&q, deck);
    pairs_finish(&q);
    double here = words_score(w, &q, at), best_score = 0;
    long best = -1;
    for (size_t a = 0; a < g->is->narticles; a++) {
        size_t src = g->head_src[a];
        if (a == at || src == SIZE_MAX || cluster[src] != c)
            continue;
        double s = words_score(w, &q, a);
        if (s > best_score) {
            best_score = s;
            best = (long)a;
        }
    }
    free(q.v);
    if (best_score < REPAIR_MIN_SCORE || best_score < REPAIR_FACTOR * here)
        return -1;
    return best;
}

/* A deck printed in a cluster of several headlines may belong to any of
   them (the cluster is printed between two texts, its lines in no useful
   order): it goes to the article of the cluster whose text shares its
   words REPAIR_FACTOR times more than its present article's text, right
   after that article's headline matter.  Clusters are runs of headline,
   deck and kicker blocks in the input. */
static void route_cluster_decks(grouper *g)
{
    issue *is = g->is;
    size_t n = is->narticles;
    if (n < 2 || n > REPAIR_MAX_ARTICLES)
        return;
    size_t *cluster = multi_headline_clusters(g->in);
    if (!cluster)
        return;
    page_words w;
    page_words_init(&w, is);
    /* Decide every move first (decks carry no text words, so moving one
       changes no score), then rebuild the articles that change. */
    long **dest = xcalloc(n, sizeof *dest);
    size_t *incoming = xcalloc(n, sizeof *incoming);
    int moved = 0;
    for (size_t a = 0; a < n; a++) {
        article *ar = &is->articles[a];
        for (size_t k = 0; k < ar->blocks.n; k++) {
            const block *b = &ar->blocks.v[k];
            if (b->kind != BLOCK_DECK)
                continue;
            size_t i = input_of_deck(g->in, b);
            if (i == SIZE_MAX || cluster[i] == SIZE_MAX)
                continue;
            long to = deck_home(g, &w, cluster, cluster[i], b->text, a);
            if (to < 0)
                continue;
            if (!dest[a]) {
                dest[a] = xmalloc(ar->blocks.n * sizeof **dest);
                for (size_t x = 0; x < ar->blocks.n; x++)
                    dest[a][x] = -1;
            }
            dest[a][k] = to;
            incoming[to]++;
            moved = 1;
        }
    }
    if (moved) {
        /* Collect the moving decks in article order, then rebuild. */
        block_list *arriving = xcalloc(n, sizeof *arriving);
        for (size_t a = 0; a < n; a++) {
            if (!dest[a])
                continue;
            article *ar = &is->articles[a];
            size_t keep = 0;
            for (size_t k = 0; k < ar->blocks.n; k++) {
                if (dest[a][k] < 0) {
                    ar->blocks.v[keep++] = ar->blocks.v[k];
                    continue;
                }
                block_list *l = &arriving[dest[a][k]];
                l->v = grow_array(l->v, &l->cap, l->n + 1, sizeof *l->v);
                l->v[l->n++] = ar->blocks.v[k];
            }
            ar->blocks.n = keep;
        }
        for (size_t a = 0; a < n; a++) {
            if (!incoming[a] && !dest[a])
                continue;
            article *ar = &is->articles[a];
            if (incoming[a]) {
                size_t pos = head_length(ar), m = arriving[a].n;
                ar->blocks.v = grow_array(ar->blocks.v, &ar->blocks.cap,
                                          ar->blocks.n + m,
                                          sizeof *ar->blocks.v);
                memmove(ar->blocks.v + pos + m, ar->blocks.v + pos,
                        (ar->blocks.n - pos) * sizeof *ar->blocks.v);
                memcpy(ar->blocks.v + pos, arriving[a].v,
                       m * sizeof *ar->blocks.v);
                ar->blocks.n += m;
                free(arriving[a].v);
            }
            article_rebuild_sections(ar);
        }
        free(arriving);
    }
    for (size_t a = 0; a < n; a++)
        free(dest[a]);
    free(dest);
    free(incoming);
    page_words_free(&w);
    free(cluster);
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
        case BLOCK_LEAD:
            lead_starts_story(&g, i);
            flush_held(&g);
            append_block(current(&g), b);
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
    repair_pairing(&g);
    route_cluster_decks(&g);
    for (size_t a = 0; a < is->narticles; a++)
        article_finish(&is->articles[a]);
    free(g.held);
    free(g.head_src);
    block_list_free(blocks);
}
