/* score.h - compare what dubao finds on a page with its gold.
 *
 * Page structure: the blocks stage's classification (headline, deck,
 * subhead, speaker heading, byline, label, furniture) and the articles
 * stage's headlines, grouping and metadata.  Statements: quotes given to
 * the right named person, quotes given to the wrong one, and delegates
 * with the right role.  Shared by `make eval` and the cmocka golden tests.
 */
#ifndef DUBAO_SCORE_H
#define DUBAO_SCORE_H

#include <stdbool.h>
#include <stddef.h>

#include "gold.h"
#include "model.h"

/* Scoring classes of page structure, in table order: kickers and banners
   (K, N) are one class, L. */
#define SCORE_CLASSES "HDSPBLMTECX"
#define SCORE_NCLASSES (sizeof SCORE_CLASSES - 1)

/* True positives, predictions and gold items of one measure. */
typedef struct {
    size_t tp, pred, gold;
} score_counts;

void score_counts_add(score_counts *sum, const score_counts *c);
double score_precision(const score_counts *c);
double score_recall(const score_counts *c);
double score_f1(const score_counts *c);

/* Page structure of one page. */
typedef struct {
    score_counts cls[SCORE_NCLASSES]; /* blocks stage, by class */
    score_counts head;       /* headlines of the parsed articles */
    size_t grouped, groupable; /* gold items found under their headline */
    bool meta_ok;            /* paper, date and edition as in the gold */
    size_t paragraphs;       /* blocks out of the paragraph stage */
} structure_score;

/* Statements and roles of one page. */
typedef struct {
    score_counts quotes;     /* right speaker and words (kind not required) */
    score_counts quotes_kind;/* right speaker, words and kind */
    size_t misattributed;    /* words of a gold statement, wrong person */
    score_counts roles;      /* delegates with the right role */
    size_t role_errors;      /* gold people whose role dubao gets wrong */
} statement_score;

/* Text for comparing headings: every space removed, ASCII , : ; ? ! ( )
   turned into their fullwidth forms. */
char *score_norm(const char *s);

/* Scoring class of a block kind, or 0 for body-like kinds. */
char score_kind_class(block_kind k);

/* Parse the page bytes of g (file name base) through every stage and fill
   both scores; is receives the parsed issue (free with issue_free).
   Returns 0, or -1 with the reason in err.  With verbose, print every
   miss and every extra. */
int score_page(const gold_page *g, const char *base, const char *bytes,
               size_t n, issue *is, structure_score *ss,
               statement_score *qs, bool verbose, strbuf *err);

#endif
