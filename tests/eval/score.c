/* score.c - compare dubao's reading of a page with the page's gold. */
#include "score.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "blocks.h"
#include "decode.h"
#include "normalize.h"
#include "paragraphs.h"
#include "parse.h"

/* Characters of a statement's first words that match: enough to tell two
   statements apart, few enough that a quote whose boundary differs by a
   clause still matches its gold line. */
#define WORDS_COMPARED 6

void score_counts_add(score_counts *sum, const score_counts *c)
{
    sum->tp += c->tp;
    sum->pred += c->pred;
    sum->gold += c->gold;
}

/* An empty measure is perfect: nothing was to be found, nothing wrong
   was found. */
double score_precision(const score_counts *c)
{
    return c->pred ? (double)c->tp / (double)c->pred : 1.0;
}

double score_recall(const score_counts *c)
{
    return c->gold ? (double)c->tp / (double)c->gold : 1.0;
}

double score_f1(const score_counts *c)
{
    double p = score_precision(c), r = score_recall(c);
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

char *score_norm(const char *s)
{
    strbuf sb = {0};
    const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
    while (p < end) {
        ucs4_t c;
        int m = u8_mbtouc(&c, p, (size_t)(end - p));
        if (m <= 0)
            m = 1;
        p += m;
        if (c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0)
            continue;
        const char *map = NULL;
        switch (c) {
        case ',': map = "，"; break;
        case ':': map = "："; break;
        case ';': map = "；"; break;
        case '?': map = "？"; break;
        case '!': map = "！"; break;
        case '(': map = "（"; break;
        case ')': map = "）"; break;
        }
        if (map)
            sb_puts(&sb, map);
        else
            sb_append(&sb, (const char *)p - m, (size_t)m);
    }
    return sb_take(&sb);
}

char score_kind_class(block_kind k)
{
    switch (k) {
    case BLOCK_HEADLINE: return 'H';
    case BLOCK_DECK: return 'D';
    case BLOCK_SUBHEAD: return 'S';
    case BLOCK_SPEAKER_HEADING: return 'P';
    case BLOCK_BYLINE: return 'B';
    case BLOCK_KICKER:
    case BLOCK_BANNER: return 'L';
    case BLOCK_MASTHEAD: return 'M';
    case BLOCK_DATELINE: return 'T';
    case BLOCK_EDITOR: return 'E';
    case BLOCK_CAPTION: return 'C';
    case BLOCK_CONTINUATION: return 'X';
    default: return 0;
    }
}

/* Scoring class of a gold letter (kickers and banners are one class). */
static char gold_class(char letter)
{
    return letter == 'N' || letter == 'K' ? 'L' : letter;
}

static size_t class_index(char cls)
{
    return (size_t)(strchr(SCORE_CLASSES, cls) - SCORE_CLASSES);
}

/* ---- page structure ---------------------------------------------------- */

/* A predicted item: class and normalised text. */
typedef struct {
    char cls;
    char *text;
    bool used;
} pitem;

typedef struct {
    pitem *v;
    size_t n, cap;
} pitems;

static void pitems_add(pitems *l, char cls, const char *text)
{
    l->v = grow_array(l->v, &l->cap, l->n + 1, sizeof *l->v);
    l->v[l->n].cls = cls;
    l->v[l->n].text = score_norm(text);
    l->v[l->n].used = false;
    l->n++;
}

static void pitems_free(pitems *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i].text);
    free(l->v);
}

/* Match gold items of the classes in only (all when NULL) against
   predictions class by class, each prediction used once; add to
   c[class index]. */
static void match_items(const gold_page *g, pitems *pred, const char *only,
                        score_counts *c, bool verbose)
{
    for (size_t i = 0; i < pred->n; i++)
        c[class_index(pred->v[i].cls)].pred++;
    for (size_t i = 0; i < g->nitems; i++) {
        char cls = gold_class(g->items[i].letter);
        if (only && !strchr(only, cls))
            continue;
        char *want = score_norm(g->items[i].text);
        c[class_index(cls)].gold++;
        bool hit = false;
        for (size_t j = 0; j < pred->n && !hit; j++) {
            pitem *p = &pred->v[j];
            if (!p->used && p->cls == cls && strcmp(p->text, want) == 0) {
                p->used = hit = true;
                c[class_index(cls)].tp++;
            }
        }
        if (!hit && verbose)
            printf("    missing %c %s\n", cls, want);
        free(want);
    }
    for (size_t j = 0; j < pred->n && verbose; j++)
        if (!pred->v[j].used)
            printf("    extra   %c %s\n", pred->v[j].cls, pred->v[j].text);
}

/* The blocks stage's classification of the page, by the stages parse.c
   runs; *paragraphs gets the number of paragraphs before classification. */
static int classify_page(const char *bytes, size_t n, block_list *out,
                         size_t *paragraphs, strbuf *err)
{
    decoded_text dec;
    if (text_decode(bytes, n, &dec, err) != DECODE_OK)
        return -1;
    char *text = text_normalize(dec.text, dec.len, NULL);
    free(dec.text);
    memset(out, 0, sizeof *out);
    paragraphs_split(text, out);
    free(text);
    *paragraphs = out->n;
    blocks_classify(out);
    return 0;
}

/* The parsed article whose headline is head (normalised), or NULL. */
static const article *article_headed(const issue *is, const char *head)
{
    for (size_t k = 0; k < is->narticles; k++) {
        char *h = score_norm(is->articles[k].headline);
        bool same = strcmp(h, head) == 0;
        free(h);
        if (same)
            return &is->articles[k];
    }
    return NULL;
}

/* Is the gold item (class cls, normalised text want) among a's blocks? */
static bool article_holds(const article *a, char cls, const char *want)
{
    for (size_t b = 0; a && b < a->blocks.n; b++) {
        char *t = score_norm(a->blocks.v[b].text);
        bool hit = score_kind_class(a->blocks.v[b].kind) == cls &&
                   strcmp(t, want) == 0;
        free(t);
        if (hit)
            return true;
    }
    return false;
}

/* Of the gold items under each gold article, how many are found in the
   parsed article with the same headline (same class)? */
static void score_grouping(const gold_page *g, const issue *is,
                           structure_score *s, bool verbose)
{
    for (int a = 0; a < g->narticles; a++) {
        const article *pa = NULL;
        for (size_t i = 0; i < g->nitems && !pa; i++)
            if (g->items[i].article == a && g->items[i].letter == 'H') {
                char *head = score_norm(g->items[i].text);
                pa = article_headed(is, head);
                free(head);
            }
        for (size_t i = 0; i < g->nitems; i++) {
            const gold_item *it = &g->items[i];
            if (it->article != a || it->letter == 'H' ||
                strchr("MTEN", it->letter))
                continue;
            s->groupable++;
            char *want = score_norm(it->text);
            if (article_holds(pa, gold_class(it->letter), want))
                s->grouped++;
            else if (verbose)
                printf("    not under its headline: %c %s\n", it->letter,
                       want);
            free(want);
        }
    }
}

static bool same_or_both_null(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Structure: blocks by class, headlines of articles, grouping, metadata. */
static int score_structure(const gold_page *g, const char *bytes, size_t n,
                           const issue *is, structure_score *s, bool verbose,
                           strbuf *err)
{
    block_list blocks;
    if (classify_page(bytes, n, &blocks, &s->paragraphs, err) != 0)
        return -1;
    pitems pred = {0};
    for (size_t i = 0; i < blocks.n; i++) {
        char cls = score_kind_class(blocks.v[i].kind);
        if (cls)
            pitems_add(&pred, cls, blocks.v[i].text);
    }
    block_list_free(&blocks);
    match_items(g, &pred, NULL, s->cls, verbose);
    pitems_free(&pred);

    pitems heads = {0};
    for (size_t i = 0; i < is->narticles; i++)
        if (is->articles[i].headline[0])
            pitems_add(&heads, 'H', is->articles[i].headline);
    score_counts hc[SCORE_NCLASSES] = {{0}};
    match_items(g, &heads, "H", hc, false);
    s->head = hc[class_index('H')];
    pitems_free(&heads);

    score_grouping(g, is, s, verbose);
    s->meta_ok = same_or_both_null(is->paper, g->paper) &&
                 same_or_both_null(is->date, g->date) &&
                 same_or_both_null(is->edition, g->edition);
    if (!s->meta_ok && verbose)
        printf("    metadata: paper=%s date=%s edition=%s\n",
               is->paper ? is->paper : "-", is->date ? is->date : "-",
               is->edition ? is->edition : "-");
    return 0;
}

/* ---- statements -------------------------------------------------------- */

/* Is c a quotation mark (dropped before comparing words)? */
static bool is_quote_mark(ucs4_t c)
{
    return c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 ||
           c == '"' || c == '\'' || (c >= 0x300C && c <= 0x300F);
}

/* The first WORDS_COMPARED characters of s that count: no spaces, no
   quotation marks, no punctuation before the first word, ASCII
   punctuation as fullwidth.  Heap string. */
static char *words_key(const char *s)
{
    char *n = score_norm(s);
    strbuf sb = {0};
    size_t count = 0;
    const uint8_t *p = (const uint8_t *)n, *end = p + strlen(n);
    while (p < end && count < WORDS_COMPARED) {
        ucs4_t c;
        int m = u8_mbtouc(&c, p, (size_t)(end - p));
        if (m <= 0)
            m = 1;
        bool lead_punct = count == 0 && (c == 0xFF0C || c == 0xFF1A ||
                                         c == 0x3001 || c == 0x2014);
        if (!is_quote_mark(c) && !lead_punct) {
            sb_append(&sb, (const char *)p, (size_t)m);
            count++;
        }
        p += m;
    }
    free(n);
    return sb_take(&sb);
}

/* Do a statement's text and a gold line's first words agree?  The shorter
   key must be a prefix of the longer (gold words may be short). */
static bool words_agree(const char *text_key, const char *gold_key)
{
    size_t t = strlen(text_key), w = strlen(gold_key);
    if (w == 0)
        return false;
    return t >= w ? strncmp(text_key, gold_key, w) == 0
                  : strncmp(text_key, gold_key, t) == 0 && t > 0 &&
                        u8_mbsnlen((const uint8_t *)text_key, t) >= 3;
}

/* The gold person named name, or NULL. */
static const gold_person *gold_person_named(const gold_page *g,
                                            const char *name)
{
    for (size_t k = 0; k < g->npeople; k++)
        if (strcmp(g->people[k].name, name) == 0)
            return &g->people[k];
    return NULL;
}

/* Match extracted quotes with gold lines one to one: first same speaker
   and words, then (among what is left) same words and another named
   person, which is a misattribution.  Lines marked unsure count neither
   way when matched by their speaker. */
static void score_quotes(const gold_page *g, const issue *is,
                         statement_score *s, bool verbose)
{
    size_t nq = g->nquotes;
    bool *gold_used = xcalloc(nq + 1, sizeof *gold_used);
    bool *pred_used = xcalloc(is->nquotes + 1, sizeof *pred_used);
    char **gkey = xcalloc(nq + 1, sizeof *gkey);
    for (size_t k = 0; k < nq; k++)
        gkey[k] = words_key(g->quotes[k].words);

    size_t unsure_hits = 0, attributed = 0;
    for (size_t i = 0; i < is->nquotes; i++) {
        const quote *q = &is->quotes[i];
        if (q->speaker < 0)
            continue;
        attributed++;
        const char *who = is->people[q->speaker].name;
        char *key = words_key(q->text);
        for (size_t k = 0; k < nq && !pred_used[i]; k++) {
            const gold_quote *gq = &g->quotes[k];
            if (gold_used[k] || strcmp(gq->speaker, who) != 0 ||
                !words_agree(key, gkey[k]))
                continue;
            gold_used[k] = pred_used[i] = true;
            if (gq->unsure) {
                unsure_hits++;
            } else {
                s->quotes.tp++;
                if (strcmp(gq->kind, quote_kind_name(q->kind)) == 0)
                    s->quotes_kind.tp++;
            }
        }
        free(key);
    }
    for (size_t i = 0; i < is->nquotes; i++) {
        const quote *q = &is->quotes[i];
        if (q->speaker < 0 || pred_used[i])
            continue;
        char *key = words_key(q->text);
        for (size_t k = 0; k < nq && !pred_used[i]; k++)
            if (!gold_used[k] && words_agree(key, gkey[k])) {
                gold_used[k] = pred_used[i] = true;
                s->misattributed++;
                if (verbose)
                    printf("    wrong speaker: %s for %s: %s\n",
                           is->people[q->speaker].name, g->quotes[k].speaker,
                           g->quotes[k].words);
            }
        if (!pred_used[i] && verbose)
            printf("    extra:  %s %s %.60s\n", is->people[q->speaker].name,
                   quote_kind_name(q->kind), q->text);
        free(key);
    }
    for (size_t k = 0; k < nq; k++) {
        if (!g->quotes[k].unsure)
            s->quotes.gold++;
        if (!gold_used[k] && verbose)
            printf("    missed: %s %s %s%s\n", g->quotes[k].speaker,
                   g->quotes[k].kind, g->quotes[k].words,
                   g->quotes[k].unsure ? " (unsure)" : "");
    }
    s->quotes.pred = attributed - unsure_hits;
    s->quotes_kind.pred = s->quotes.pred;
    s->quotes_kind.gold = s->quotes.gold;
    for (size_t k = 0; k < nq; k++)
        free(gkey[k]);
    free(gkey);
    free(gold_used);
    free(pred_used);
}

/* Delegates: every gold person with a role found with that role, and every
   person dubao calls a delegate is one in the gold, with that role.
   role_errors counts the gold people dubao gets wrong (either way). */
static void score_roles(const gold_page *g, const issue *is,
                        statement_score *s, bool verbose)
{
    for (size_t k = 0; k < g->npeople; k++) {
        const gold_person *gp = &g->people[k];
        if (gp->unsure)
            continue;
        const person *p = NULL;
        for (size_t i = 0; i < is->npeople && !p; i++)
            if (strcmp(is->people[i].name, gp->name) == 0)
                p = &is->people[i];
        bool ok = gp->role ? p && p->is_delegate && p->role &&
                                 strcmp(p->role, gp->role) == 0
                           : !p || (!p->role && !p->is_delegate);
        if (gp->role)
            s->roles.gold++;
        if (!ok) {
            s->role_errors++;
            if (verbose)
                printf("    role:   %s want %s, got %s\n", gp->name,
                       gp->role ? gp->role : "-",
                       !p ? "(not found)" : p->role ? p->role : "(none)");
        }
    }
    for (size_t i = 0; i < is->npeople; i++) {
        const person *p = &is->people[i];
        if (!p->is_delegate || !p->role)
            continue;
        const gold_person *gp = gold_person_named(g, p->name);
        if (gp && gp->unsure)
            continue;
        s->roles.pred++;
        if (gp && gp->role && strcmp(gp->role, p->role) == 0)
            s->roles.tp++;
        else if (verbose && !gp)
            printf("    role:   %s is %s here, not in the gold\n", p->name,
                   p->role);
    }
}

int score_page(const gold_page *g, const char *base, const char *bytes,
               size_t n, issue *is, structure_score *ss,
               statement_score *qs, bool verbose, strbuf *err)
{
    memset(ss, 0, sizeof *ss);
    memset(qs, 0, sizeof *qs);
    memset(is, 0, sizeof *is);
    if (issue_parse_bytes(base, bytes, n, is, err) != PARSE_OK)
        return -1;
    if (score_structure(g, bytes, n, is, ss, verbose, err) != 0)
        return -1;
    score_quotes(g, is, qs, verbose);
    score_roles(g, is, qs, verbose);
    return 0;
}
