/* read_feed.c - RSS and Atom feeds (see read_feed.h).
 *
 * The feed is parsed by libxml2 with its recovery on (a feed with a broken
 * item still gives the others), without network access and without
 * entity declarations: a feed's own DTD may not declare entities (that is
 * where entity expansion attacks live); the HTML entities it uses without
 * declaring them are supplied one character each.
 */
#include "read_feed.h"

#include <ctype.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include "evidence.h"
#include "read_html.h"

#define FEED_OPTIONS (XML_PARSE_RECOVER | XML_PARSE_NONET | \
                      XML_PARSE_NOCDATA | XML_PARSE_NOERROR | \
                      XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC | \
                      XML_PARSE_COMPACT)

char *xml_declared_encoding(const char *bytes, size_t n)
{
    const char *p = bytes, *end = bytes + (n < 512 ? n : 512);
    if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (p < end && isspace((unsigned char)*p))
        p++;
    if (end - p < 5 || memcmp(p, "<?xml", 5) != 0)
        return NULL;
    const char *close = memmem(p, (size_t)(end - p), "?>", 2);
    if (!close)
        return NULL;
    const char *e = memmem(p, (size_t)(close - p), "encoding", 8);
    if (!e)
        return NULL;
    e += 8;
    while (e < close && (isspace((unsigned char)*e) || *e == '='))
        e++;
    if (e >= close || (*e != '"' && *e != '\''))
        return NULL;
    char q = *e++;
    const char *v = e;
    while (e < close && *e != q)
        e++;
    /* An encoding name, as XML defines it: a letter, then letters,
       digits, '.', '_' and '-'; anything else names no encoding. */
    if (e == v || e >= close || !isalpha((unsigned char)*v))
        return NULL;
    for (const char *c = v; c < e; c++)
        if (!isalnum((unsigned char)*c) && *c != '.' && *c != '_' &&
            *c != '-')
            return NULL;
    return xstrndup(v, (size_t)(e - v));
}

/* ---- parsing ------------------------------------------------------------- */

/* SAX getEntity: the document's entities (predefined ones), else an HTML
   entity used without declaration, added to the document as one
   character. */
static xmlEntityPtr feed_get_entity(void *ctx, const xmlChar *name)
{
    xmlParserCtxtPtr ctxt = ctx;
    xmlEntityPtr e = xmlSAX2GetEntity(ctx, name);
    if (e)
        return e;
    const htmlEntityDesc *h = htmlEntityLookup(name);
    if (!h || !ctxt->myDoc)
        return NULL;
    uint8_t buf[8];
    int len = u8_uctomb(buf, h->value, (int)sizeof buf - 1);
    if (len <= 0)
        return NULL;
    buf[len] = '\0';
    if (!ctxt->myDoc->intSubset)
        xmlCreateIntSubset(ctxt->myDoc, NULL, NULL, NULL);
    return xmlAddDocEntity(ctxt->myDoc, name, XML_INTERNAL_GENERAL_ENTITY,
                           NULL, NULL, buf);
}

/* The first error libxml2 reports while parsing. */
typedef struct {
    bool seen;
    int line;
    char message[96];
} first_error;

static void capture_error(void *ctx, xmlErrorPtr err)
{
    first_error *fe = ctx;
    if (fe->seen || !err || err->level < XML_ERR_ERROR)
        return;
    fe->seen = true;
    fe->line = err->line;
    /* The message may quote the feed: printable ASCII only. */
    size_t k = 0;
    for (const char *m = err->message ? err->message : ""; *m &&
                                                           k + 1 < sizeof fe->message;
         m++) {
        unsigned char c = (unsigned char)*m;
        fe->message[k++] = c >= 0x20 && c < 0x7F ? (char)c : ' ';
    }
    while (k > 0 && fe->message[k - 1] == ' ')
        k--;
    fe->message[k] = '\0';
}

/* Parse the feed; NULL when nothing could be parsed. */
static xmlDocPtr parse_feed(const char *text, size_t len, first_error *fe)
{
    if (len > INT_MAX)
        len = INT_MAX;
    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(text, (int)len);
    if (!ctxt)
        return NULL;
    ctxt->sax->getEntity = feed_get_entity;
    ctxt->sax->entityDecl = NULL;
    ctxt->sax->externalSubset = NULL;
    xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    xmlCtxtUseOptions(ctxt, FEED_OPTIONS);
    xmlSetStructuredErrorFunc(fe, capture_error);
    xmlParseDocument(ctxt);
    markup_quiet_libxml();
    xmlDocPtr d = ctxt->myDoc;
    ctxt->myDoc = NULL;
    xmlFreeParserCtxt(ctxt);
    return d;
}

/* ---- elements ------------------------------------------------------------- */

static bool named(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->name &&
           strcasecmp((const char *)n->name, name) == 0;
}

/* The first child element of n with the local name, or NULL. */
static xmlNode *child(const xmlNode *n, const char *name)
{
    for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (named(c, name))
            return c;
    return NULL;
}

/* The text of an element (entities and CDATA included), heap, or NULL. */
static char *text_of(xmlNode *n)
{
    if (!n)
        return NULL;
    xmlChar *c = xmlNodeGetContent(n);
    char *r = c ? xstrdup((const char *)c) : NULL;
    xmlFree(c);
    return r;
}

static char *attr_of(xmlNode *n, const char *name)
{
    xmlChar *v = n ? xmlGetProp(n, (const xmlChar *)name) : NULL;
    char *r = v ? xstrdup((const char *)v) : NULL;
    xmlFree(v);
    return r;
}

/* Does the text look like HTML (a tag: "<" then a letter or "/")? */
static bool looks_like_html(const char *s)
{
    for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<'))
        if (isalpha((unsigned char)p[1]) || p[1] == '/' || p[1] == '!')
            return true;
    return false;
}

/* Add plain text to the article, one paragraph per line. */
static void add_plain(markup_article *a, const char *s)
{
    char *copy = xstrdup(s);
    for (char *save = NULL, *l = strtok_r(copy, "\n", &save); l;
         l = strtok_r(NULL, "\n", &save))
        markup_add_paragraph(a, l, 0, 0);
    free(copy);
}

/* Add the body element's content to the article: XHTML by its tree,
   HTML (escaped or CDATA) by the HTML reader, text by lines. */
static void add_body(markup_article *a, xmlNode *body)
{
    char *type = attr_of(body, "type");
    if (type && strcasecmp(type, "xhtml") == 0) {
        html_read_node(body, a);
    } else {
        char *t = text_of(body);
        if (t && ((type && strcasecmp(type, "text") == 0) ? false
                                                           : looks_like_html(t)))
            html_read_fragment(t, strlen(t), a);
        else if (t)
            add_plain(a, t);
        free(t);
    }
    free(type);
}

/* The title as plain text: markup in it (Atom type="html") read away. */
static char *title_text(xmlNode *title)
{
    char *t = text_of(title);
    if (!t || !looks_like_html(t))
        return t;
    markup_article tmp = {0};
    html_read_fragment(t, strlen(t), &tmp);
    free(t);
    strbuf sb = {0};
    for (size_t i = 0; i < tmp.body.n; i++) {
        if (sb.len)
            sb_putc(&sb, ' ');
        sb_puts(&sb, tmp.body.v[i].text);
    }
    block_list_free(&tmp.body);
    return sb_take(&sb);
}

/* The body element of an item: content:encoded, content, description or
   summary, whichever holds the most. */
static xmlNode *item_body(xmlNode *item)
{
    static const char *const names[] = {"encoded", "content", "description",
                                        "summary", NULL};
    xmlNode *best = NULL;
    size_t best_len = 0;
    for (xmlNode *c = item->children; c; c = c->next) {
        for (size_t i = 0; names[i]; i++) {
            if (!named(c, names[i]))
                continue;
            xmlChar *t = xmlNodeGetContent(c);
            size_t len = t ? strlen((const char *)t) : 0;
            xmlFree(t);
            if (!best || len > best_len) {
                best = c;
                best_len = len;
            }
        }
    }
    return best;
}

/* The item's link: RSS <link>text</link>, Atom <link rel="alternate"
   href="…"/> (or one without rel). */
static char *item_link(xmlNode *item)
{
    for (xmlNode *c = item->children; c; c = c->next) {
        if (!named(c, "link"))
            continue;
        char *href = attr_of(c, "href");
        if (href) {
            char *rel = attr_of(c, "rel");
            bool alt = !rel || strcasecmp(rel, "alternate") == 0;
            free(rel);
            if (alt)
                return href;
            free(href);
            continue;
        }
        char *t = text_of(c);
        if (t && *t)
            return t;
        free(t);
    }
    return NULL;
}

/* Read one item or entry into a new article. */
static void read_item(xmlNode *item, markup_doc *doc)
{
    static const char *const dates[] = {"pubDate", "date", "published",
                                        "issued", "updated", "created",
                                        NULL};
    markup_article *a = markup_add_article(doc);
    char *title = title_text(child(item, "title"));
    if (title) {
        const char *h = evidence_strip_page_prefix(title, &a->ev);
        a->headline = xstrdup(h);
        free(title);
    }
    for (size_t i = 0; dates[i] && !a->ev.date; i++) {
        char *v = text_of(child(item, dates[i]));
        char d[11];
        if (v && evidence_date(v, d))
            a->ev.date = xstrdup(d);
        free(v);
    }
    a->ev.url = item_link(item);
    xmlNode *author = child(item, "author");
    char *who = text_of(child(author, "name"));
    if (!who)
        who = text_of(author);
    if (!who)
        who = text_of(child(item, "creator"));
    a->ev.author = who;
    xmlNode *body = item_body(item);
    if (body)
        add_body(a, body);
}

/* The channel's title gives the paper and maybe the date. */
static void read_channel(xmlNode *channel, markup_doc *doc)
{
    char *title = title_text(child(channel, "title"));
    char d[11];
    if (title) {
        doc->ev.paper = evidence_paper_from_title(title);
        if (evidence_date(title, d))
            doc->ev.date = xstrdup(d);
    }
    free(title);
}

void read_feed(const char *text, size_t len, markup_doc *doc)
{
    first_error fe = {0};
    xmlDocPtr d = parse_feed(text, len, &fe);
    xmlNode *root = d ? xmlDocGetRootElement(d) : NULL;
    if (fe.seen) {
        strbuf msg = {0};
        sb_printf(&msg, "Its XML is damaged (line %d: %s); what could be "
                        "read is indexed.", fe.line, fe.message);
        strlist_push_owned(&doc->warnings, sb_take(&msg));
    }
    xmlNode *channel = named(root, "feed") ? root : child(root, "channel");
    if (channel)
        read_channel(channel, doc);
    /* RSS 2.0: channel/item; RSS 0.9x and 1.0: items beside the channel;
       Atom: feed/entry. */
    xmlNode *parents[] = {channel, root};
    for (size_t p = 0; p < 2; p++) {
        if (!parents[p] || (p == 1 && parents[1] == parents[0]))
            continue;
        for (xmlNode *c = parents[p]->children; c; c = c->next)
            if (named(c, "item") || named(c, "entry"))
                read_item(c, doc);
    }
    if (doc->narticles == 0)
        strlist_push(&doc->warnings, root ? "It is XML but holds no feed "
                                            "items."
                                          : "It holds no XML that can be "
                                            "read.");
    if (d)
        xmlFreeDoc(d);
}
