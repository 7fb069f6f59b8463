/* sniff.h - what kind of file this is, by its content first: a feed, an
 * HTML page, Markdown with front matter, or plain text; and the bytes of a
 * file with markup as UTF-8, with what its charset declaration says
 * weighed against what its bytes are.
 */
#ifndef DUBAO_SNIFF_H
#define DUBAO_SNIFF_H

#include <stddef.h>

#include "decode.h"
#include "markup.h"
#include "strbuf.h"

/* The format of a file named name (a base name or path; may be NULL)
   holding n bytes.  The content decides: an XML document whose root is
   <rss>, <rdf:RDF> or <feed> is a feed; a document that opens with an
   HTML doctype or element (after a byte-order mark, white space,
   comments and an XML declaration) is HTML; a file opening with a "---"
   line closed by another "---" or "..." line is Markdown with front
   matter.  Otherwise the name decides between Markdown (.md, .markdown,
   .mdown, .mkd, .mkdn) and plain text: a .txt file stays plain text. */
doc_format sniff_format(const char *name, const char *bytes, size_t n);

/* Decode the bytes of a file with markup into out (as text_decode does),
   given the charset its markup declares (NULL if none).  A byte-order mark
   wins; then the bytes: valid UTF-8 is read as UTF-8 whatever the
   declaration says; otherwise the declared charset when the bytes convert
   cleanly from it (GB2312 and GBK are read as their superset GB18030);
   otherwise text_decode's reading.  When the declaration is wrong a
   warning saying so, without the file name, goes to msg.  Returns what
   text_decode returns. */
decode_status decode_declared(const char *bytes, size_t n,
                              const char *declared, decoded_text *out,
                              strbuf *msg);

#endif
