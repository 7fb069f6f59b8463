/* parse.c - run the parsing stages in order for one file: sniff, decode,
 * read the markup or split the text, classify, group, then speakers and
 * quotes. */
#include "parse.h"

#include <stdlib.h>
#include <string.h>

#include "articles.h"
#include "blocks.h"
#include "decode.h"
#include "evidence.h"
#include "markup.h"
#include "normalize.h"
#include "paragraphs.h"
#include "quotes.h"
#include "read_feed.h"
#include "read_html.h"
#include "read_markdown.h"
#include "sniff.h"
#include "speakers.h"

/* The text stages of a plain-text page, on decoded text (consumed). */
static void parse_text(char *text, size_t len, issue *is)
{
    char *norm = text_normalize(text, len, NULL);
    free(text);
    block_list blocks = {0};
    paragraphs_split(norm, &blocks);
    free(norm);
    blocks_classify(&blocks);
    issue_derive_metadata(&blocks, is);
    articles_group(&blocks, is);
    if (is->edition) {
        /* "第 06 版" is a page; "要闻" (from a 来源 stamp) its name */
        is->page = page_label(is->edition, false, &is->page_name);
        if (!is->page && !is->page_name)
            is->page_name = xstrdup(is->edition);
    }
}

/* A file with markup, decoded: read it and build the issue. */
static void parse_markup(doc_format fmt, const char *file, const char *text,
                         size_t len, issue *is)
{
    markup_doc doc = {0};
    doc.format = fmt;
    if (fmt == FORMAT_MARKDOWN)
        read_markdown(text, len, &doc);
    else if (fmt == FORMAT_HTML)
        read_html(text, len, &doc);
    else
        read_feed(text, len, &doc);
    markup_build_issue(&doc, file, is);
}

/* The charset the markup of a file declares, or NULL (heap). */
static char *declared_charset(doc_format fmt, const char *bytes, size_t n)
{
    if (fmt == FORMAT_HTML) {
        char *c = xml_declared_encoding(bytes, n);
        return c ? c : html_declared_charset(bytes, n);
    }
    if (fmt == FORMAT_FEED)
        return xml_declared_encoding(bytes, n);
    return NULL;
}

/* Does the file start with a UTF-16 byte-order mark (its markup cannot be
   sniffed before it is decoded)? */
static bool wide_text(const char *b, size_t n)
{
    return n >= 2 && ((b[0] == '\xFF' && b[1] == '\xFE') ||
                      (b[0] == '\xFE' && b[1] == '\xFF'));
}

/* Where the path says the page was printed, for what the file did not
   say. */
static void path_evidence(const char *path, issue *is)
{
    doc_evidence ev = {0};
    ev.date = is->date;
    ev.page = is->page;
    ev.page_name = is->page_name;
    bool had_name = ev.page_name != NULL;
    evidence_from_path(path, &ev);
    if (!had_name && ev.page_name) {
        /* a directory's name: the user's bytes */
        doc_evidence named = {.page_name = ev.page_name};
        evidence_clean(&named);
        ev.page_name = named.page_name;
    }
    is->date = ev.date;
    is->page = ev.page;
    is->page_name = ev.page_name;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

parse_status issue_parse_path(const char *path, const char *file, char *buf,
                              size_t n, issue *is, strbuf *msg)
{
    memset(is, 0, sizeof *is);
    decoded_text dec = {0};
    strbuf dmsg = {0};
    const char *name = base_name(path);
    bool wide = wide_text(buf, n);
    doc_format fmt = wide ? FORMAT_TEXT : sniff_format(name, buf, n);
    decode_status ds;
    if (fmt == FORMAT_TEXT) {
        ds = text_decode_buffer(buf, n, &dec, &dmsg);
    } else {
        char *declared = declared_charset(fmt, buf, n);
        ds = decode_declared(buf, n, declared, &dec, &dmsg);
        free(declared);
        free(buf);
    }
    if (ds == DECODE_OK && wide)
        fmt = sniff_format(name, dec.text, dec.len);
    if (ds != DECODE_OK) {
        is->file = xstrdup(file);
        is->format = doc_format_name(fmt);
        sb_printf(msg, "%s: %s", file, dmsg.s ? dmsg.s : "cannot decode.");
        sb_free(&dmsg);
        return ds == DECODE_BAD_ENCODING ? PARSE_FAILED : PARSE_SKIPPED;
    }
    if (fmt == FORMAT_TEXT) {
        is->file = xstrdup(file);
        is->format = doc_format_name(fmt);
        parse_text(dec.text, dec.len, is);
    } else {
        parse_markup(fmt, file, dec.text, dec.len, is);
        free(dec.text);
    }
    if (dmsg.len)
        strlist_push_owned(&is->warnings, sb_take(&dmsg));
    sb_free(&dmsg);
    path_evidence(path, is);
    speakers_find(is);
    quotes_extract(is);
    speakers_drop_silent(is);
    return PARSE_OK;
}

parse_status issue_parse_buffer(const char *file, char *buf, size_t n,
                                issue *is, strbuf *msg)
{
    return issue_parse_path(file, file, buf, n, is, msg);
}

parse_status issue_parse_bytes(const char *file, const char *bytes, size_t n,
                               issue *is, strbuf *msg)
{
    return issue_parse_buffer(file, xstrndup(bytes, n), n, is, msg);
}
