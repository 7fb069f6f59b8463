/* markup.h - what the readers of files with markup hand to the text
 * pipeline.
 *
 * A file is sniffed (sniff.c) and, unless it is plain text, read by a real
 * parser: Markdown with YAML front matter (read_markdown.c: libyaml and
 * md4c), HTML pages (read_html.c: libxml2's HTML parser) and RSS or Atom
 * feeds (read_feed.c: libxml2).  A reader turns the markup into a
 * markup_doc: articles whose headline, kickers and decks the markup gave,
 * whose body is a list of paragraphs (headings inside the body keep their
 * level, list items are flagged), and the evidence the markup gives about
 * where they were printed (paper, date, page).  markup.c then runs the
 * text heuristics inside each body and builds the same issue model the
 * plain-text path builds; the markup's evidence wins over the text's.
 *
 * Texts in a markup_doc are UTF-8 but not yet normalised (markup.c runs
 * text_normalize on them).
 */
#ifndef DUBAO_MARKUP_H
#define DUBAO_MARKUP_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"
#include "strbuf.h"

/* The formats dubao reads.  Keep doc_format_name() in sync. */
typedef enum {
    FORMAT_TEXT = 0,   /* a plain-text page */
    FORMAT_MARKDOWN,   /* Markdown, with or without YAML front matter */
    FORMAT_HTML,       /* a saved HTML page */
    FORMAT_FEED        /* an RSS 0.9x/1.0/2.0 or Atom feed */
} doc_format;

/* "text", "markdown", "html" or "feed". */
const char *doc_format_name(doc_format f);

/* Where something was printed, as markup or a file's path says; each
   field is a heap string or NULL when unknown. */
typedef struct {
    char *paper;      /* 人民日报 */
    char *date;       /* YYYY-MM-DD */
    char *page;       /* page (版) label: "06", "A03" (see page_label) */
    char *page_name;  /* the page's name: 两会特刊 */
    char *url;        /* where the article was published */
    char *author;     /* author(s) named by the markup, as given */
} doc_evidence;

/* Fill the fields of dst that are NULL from src (copies). */
void evidence_fill(doc_evidence *dst, const doc_evidence *src);
void evidence_free(doc_evidence *e);

/* One article as the markup gives it. */
typedef struct {
    char *headline;     /* from #, <h1>, <title>, a feed item or front
                           matter; NULL when the markup names none */
    strlist kickers;    /* heading lines printed above the headline */
    strlist decks;      /* heading lines printed below it */
    block_list body;    /* paragraphs in reading order, all BLOCK_BODY;
                           level: heading level of a heading inside the
                           body (1-6) or 0; flags: BLOCK_F_MARKUP for
                           headings and list items, BLOCK_F_LIST for list
                           items.  A text may hold several lines (a <br>),
                           each its own paragraph. */
    doc_evidence ev;    /* this article's own evidence (a feed item) */
} markup_article;

typedef struct {
    doc_format format;
    doc_evidence ev;          /* evidence for every article of the file */
    block_list furniture;     /* page furniture the markup set apart
                                 (a document title over several articles):
                                 searched for paper and date, never an
                                 article */
    markup_article *articles;
    size_t narticles;
    size_t articles_cap;
    strlist warnings;         /* complete sentences, without the file name */
} markup_doc;

markup_article *markup_add_article(markup_doc *doc);
void markup_doc_free(markup_doc *doc);

/* Append a body paragraph (copied) to a; returns it. */
block *markup_add_paragraph(markup_article *a, const char *text, int level,
                            unsigned flags);

/* Turn a markup_doc into the issue model (the heuristics run inside each
   article's body; see markup.c).  file is the file's base name; the doc
   is consumed.  Warnings go to is->warnings. */
void markup_build_issue(markup_doc *doc, const char *file, issue *is);

#endif
