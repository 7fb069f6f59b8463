/* evidence.h - reading the values that say where an article was printed:
 * dates as metadata writes them, page (版) labels, a paper's name in a
 * site or feed title, and what a file's path or a URL says.
 *
 * Used by the readers (front matter, <meta>, feed elements) and by the
 * parser for the path of every file.  Strings in, heap strings out; no
 * stage state.
 */
#ifndef DUBAO_EVIDENCE_H
#define DUBAO_EVIDENCE_H

#include <stdbool.h>
#include <stddef.h>

#include "markup.h"

/* The date a metadata value gives, as YYYY-MM-DD in out: ISO 8601
   (2026-03-08, 2026-03-08T07:30:00+08:00), RFC 822 (Sun, 08 Mar 2026
   07:30:00 +0800), 2026年3月8日, 2026/3/8, 2026.03.08 or 20260308.  A
   time with a zone is read in China Standard Time (UTC+8), the papers' own,
   so that 2026-03-07T23:30:00Z is the paper of 2026-03-08.  False when the
   value holds no valid date. */
bool evidence_date(const char *value, char out[11]);

/* The page (版) label a value names: "第06版", "06版", "第 6 版", "A3版",
   "第六版", "06-两会特刊", "[01版：要闻]" and, unless strict, a bare "06"
   or "A3".  The label is the page number with at least two digits
   ("06", "12"), after an uppercase letter when the paper prints one
   ("A03").  When name is not NULL it receives the page's name printed
   after the label (两会特刊, 要闻) or NULL.  Returns NULL when the value
   names no page. */
char *page_label(const char *value, bool strict, char **name);

/* A bracketed page prefix that feed generators put before a headline,
   "[01版：要闻] " or "【第06版 两会特刊】": fills ev->page and
   ev->page_name (when not yet set) and returns the headline after it;
   returns title itself when there is none. */
const char *evidence_strip_page_prefix(const char *title, doc_evidence *ev);

/* The paper (or programme) a site, channel or document title names:
   what 《》 enclose, else the title's first part before " - ", "_", "|"
   ("人民日报 - 每日全文订阅" -> 人民日报).  NULL when that part is empty,
   only a date, or longer than a name (24 characters). */
char *evidence_paper_from_title(const char *title);

/* A page title without the site's name: the longest of the parts
   separated by " - ", "_", " | " (the first of equals), without a short
   tag in ASCII brackets before it ("[视频]").  Heap string. */
char *evidence_clean_title(const char *title);

/* Fill the fields of ev that are still NULL from an edition stamp printed
   with the text, "《人民日报》（2026年04月28日 第 01 版）": the paper in
   《》 followed by a date, and the page after it.  False when the text
   holds no such stamp. */
bool evidence_from_stamp(const char *text, doc_evidence *ev);

/* Fill the date and page of ev that are still NULL from a file's path or
   a URL: the date from the component nearest the file holding one
   (2026-03-08, 20260308, 2026_03_08) or from consecutive components
   (2026/03/08, 202603/08, 2026-03/08); the page from the nearest
   component that names one: "06-两会特刊", "第06版", "06版", or a token
   "p06" / "page06" between - _ . or spaces. */
void evidence_from_path(const char *path, doc_evidence *ev);

/* Make the fields of ev that come from a file's own words safe to show
   and store: normalised (text_normalize: no control characters, escape
   sequences or bidi controls), on one line, trimmed; a field left empty
   becomes NULL.  Dates and page labels are dubao's own and stay. */
void evidence_clean(doc_evidence *ev);

#endif
