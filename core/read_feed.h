/* read_feed.h - RSS (0.9x, 1.0, 2.0) and Atom feeds, read with libxml2.
 *
 * Each item (entry) is an article: its title is the headline (a page
 * prefix such as "[01版：要闻]" gives the page and is removed), its body is
 * content:encoded, or the description (summary, content) when that is
 * longer, read by the HTML reader (CDATA, escaped HTML and XHTML content
 * alike); pubDate, dc:date, published or updated give its date; link its
 * URL; author or dc:creator its author.  The channel's title gives the
 * paper ("人民日报 - 每日全文订阅") and, when it holds one, the date.
 *
 * Entities a feed uses without declaring them (&nbsp; &mdash; …, common
 * in feeds written by hand) are read as their HTML meaning.
 */
#ifndef DUBAO_READ_FEED_H
#define DUBAO_READ_FEED_H

#include <stddef.h>

#include "markup.h"

/* The encoding an XML declaration at the start of the bytes names, or
   NULL (also when it is not an encoding name, as XML defines one).  Heap
   string. */
char *xml_declared_encoding(const char *bytes, size_t n);

/* Read len bytes of UTF-8 XML into doc.  A document that is not a feed
   (no channel, item or entry) gives no article and a warning. */
void read_feed(const char *text, size_t len, markup_doc *doc);

#endif
