/* read_html.h - HTML pages and fragments, read with libxml2's tolerant
 * HTML parser.
 *
 * A saved page becomes one markup article: its text is the page's main
 * content (the element holding most of the page's prose, found by where
 * the paragraphs that are not links sit), from the headline on; scripts,
 * styles, forms, navigation and link lists are left out.  The headline is
 * the page's <h1> (or, without one, its og:title or <title> without the
 * site's name); date, paper and URL come from <meta> and the canonical
 * link.  Fragments (a feed item's body, the HTML blocks of a Markdown
 * file) keep all their paragraphs that are not link lists.
 *
 * Block elements (p, div, li, td, h1-h6 …) and <br> end paragraphs;
 * headings keep their level.  White space runs collapse to one space;
 * entities are decoded by the parser.
 */
#ifndef DUBAO_READ_HTML_H
#define DUBAO_READ_HTML_H

#include <stddef.h>

#include "markup.h"

struct _xmlNode;

/* The charset a page's <meta charset> or <meta http-equiv=Content-Type>
   declares in its first 16 KB (the bytes as they are, before decoding), or
   NULL.  Heap string. */
char *html_declared_charset(const char *bytes, size_t n);

/* Read a whole page, UTF-8, into doc (one article). */
void read_html(const char *text, size_t len, markup_doc *doc);

/* Append the paragraphs of an HTML fragment (UTF-8) to a. */
void html_read_fragment(const char *text, size_t len, markup_article *a);

/* Append the paragraphs of the children of an element already parsed (the
   XHTML content of an Atom entry) to a. */
void html_read_node(struct _xmlNode *node, markup_article *a);

/* Silence libxml2's error printing on this thread: a damaged page must not
   write to the terminal.  Called by every reader before it parses. */
void markup_quiet_libxml(void);

#endif
