/* gold.h - the hand-written gold of a test page (tests/data/pages/README.md).
 *
 * One .gold file per page: header lines (source, outlet, genre, split,
 * paper, date, edition), the article structure in reading order (H, D, S,
 * P, B, K, N, M, T, E, C, X lines), the people the page names (p lines)
 * and the statements attributed to them (q lines).  Used by `make eval`
 * (tests/eval/eval.c) and by the golden tests of the cmocka suite, so that
 * there is one reader of one format.
 */
#ifndef DUBAO_GOLD_H
#define DUBAO_GOLD_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/* One line of article structure. */
typedef struct {
    char letter;   /* H, D, S, P, B, K, N, M, T, E, C or X */
    char *text;    /* as written in the gold file */
    int article;   /* index of the H above it, or -1 (page furniture) */
} gold_item;

/* A person the page names: a delegate with a role, or a speaker. */
typedef struct {
    char *name;
    char *role;     /* NULL when the page gives no delegate role ("-") */
    char *titles;   /* NULL for "-"; see titles_given */
    bool titles_given; /* false when the TITLES field was left out */
    bool unsure;    /* trailing "?": neither required nor held against */
} gold_person;

/* A statement attributed to a named person. */
typedef struct {
    char *speaker;
    char *kind;     /* direct, indirect or section */
    char *words;    /* the first words as printed */
    bool unsure;
} gold_quote;

typedef struct {
    char *file;     /* the .gold file it was read from */
    char *source;   /* the page, relative to the repository */
    char *outlet, *genre, *split;
    char *paper, *date, *edition; /* NULL for "-" */
    bool loose;     /* "target loose": a lower bar for a page printed out
                       of order */
    bool strict;    /* "target strict": the unit tests hold this page's
                       structure and statements to their bar */
    gold_item *items;
    size_t nitems, items_cap;
    int narticles;
    gold_person *people;
    size_t npeople, people_cap;
    gold_quote *quotes;
    size_t nquotes, quotes_cap;
    unsigned headers_seen; /* one bit per header line read */
} gold_page;

/* Read path into g.  Returns 0, or -1 with the file, line number and
   problem in err (a malformed gold file must fail loudly, never be
   half-read). */
int gold_load(const char *path, gold_page *g, strbuf *err);

void gold_free(gold_page *g);

/* The gold files under dir (recursively, *.gold), sorted by path. */
int gold_list(const char *dir, strlist *out, strbuf *err);

#endif
