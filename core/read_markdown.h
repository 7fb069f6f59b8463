/* read_markdown.h - Markdown files, with or without YAML front matter.
 *
 * The front matter is read with libyaml: title (the headline), date,
 * section or page ("第06版"), section_name or page_name ("两会特刊"),
 * paper (or source, publication), author and source_url (or url, link).
 * Front matter that is not YAML is reported; its plain "key: value" lines
 * are still read, and the body is indexed either way.
 *
 * The body is parsed by md4c (CommonMark with tables), so headings, block
 * quotes, lists, links and emphasis are structure: a heading keeps its
 * level, a list item is flagged, link-only lines such as "[查看原文](…)"
 * give the article's URL instead of text, raw HTML blocks are read by the
 * HTML reader, soft line breaks between CJK characters join without a
 * space.
 *
 * Articles: with a front matter title the file is one article.  Without
 * one, a file whose only level-1 heading is followed by text is one
 * article under it; otherwise (a day's programme under a title heading)
 * the headings followed by text at the most common such level start the
 * articles, a deeper heading just above one of them is its kicker,
 * shallower headings followed by text are articles of their own and
 * shallower headings over other headings are page furniture (searched for
 * the paper and date).
 */
#ifndef DUBAO_READ_MARKDOWN_H
#define DUBAO_READ_MARKDOWN_H

#include <stddef.h>

#include "markup.h"

/* Read len bytes of UTF-8 Markdown into doc. */
void read_markdown(const char *text, size_t len, markup_doc *doc);

#endif
