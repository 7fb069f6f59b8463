/* read_html.c - saved HTML pages and HTML fragments (see read_html.h).
 *
 * libxml2 parses the page (HTML_PARSE_RECOVER: broken markup is repaired
 * the way browsers repair it, never refused); this file walks the tree
 * without recursion (a page may nest elements a hundred thousand deep),
 * collects paragraphs, and scores elements by the prose they hold so that
 * the page's main content can be told from its navigation.
 */
#include "read_html.h"

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "evidence.h"

/* Options for every HTML parse: repair, stay quiet, never touch the
   network, and take the text as the UTF-8 we give (the charset was
   settled before, against what the bytes are). */
#define HTML_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | \
                      HTML_PARSE_NOWARNING | HTML_PARSE_NONET | \
                      HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT)

/* How far before the main content a headline is looked for, in
   paragraphs. */
#define HEADLINE_REACH 24

/* libxml2 error callbacks that print nothing. */
static void quiet_generic(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void quiet_structured(void *ctx, xmlErrorPtr err)
{
    (void)ctx;
    (void)err;
}

void markup_quiet_libxml(void)
{
    xmlSetGenericErrorFunc(NULL, quiet_generic);
    xmlSetStructuredErrorFunc(NULL, quiet_structured);
}

/* ---- element classes ----------------------------------------------------- */

static bool name_in(const xmlChar *name, const char *const *names)
{
    for (size_t i = 0; names[i]; i++)
        if (strcasecmp((const char *)name, names[i]) == 0)
            return true;
    return false;
}

/* Elements whose content is never text to read. */
static bool is_skipped(const xmlChar *name)
{
    static const char *const names[] = {
        "script", "style", "noscript", "template", "iframe", "object",
        "embed", "applet", "svg", "math", "canvas", "select", "option",
        "optgroup", "button", "textarea", "input", "head", "title", "map",
        "audio", "video", "nav", "footer", "aside", "frameset", "frame",
        NULL};
    return name_in(name, names);
}

/* Elements that start and end a paragraph. */
static bool is_block(const xmlChar *name)
{
    static const char *const names[] = {
        "address", "article", "blockquote", "body", "caption", "center",
        "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "html", "legend", "li", "main", "menu",
        "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul", NULL};
    return name_in(name, names);
}

/* Heading level of h1-h6, else 0. */
static int heading_level(const xmlChar *name)
{
    if ((name[0] == 'h' || name[0] == 'H') && name[1] >= '1' &&
        name[1] <= '6' && name[2] == '\0')
        return name[1] - '0';
    return 0;
}

/* ---- the walk ------------------------------------------------------------ */

typedef struct {
    char *text;
    int heading;
    bool list;
    size_t chars;       /* visible characters */
    size_t link_chars;  /* of them inside links */
} para;

/* What is known of a block element: its score, and the paragraphs
   [first, end) inside it. */
typedef struct {
    double score;
    size_t first, end;
} elem_rec;

typedef struct {
    para *v;
    size_t n, cap;
    strbuf cur;
    size_t cur_chars, cur_link;
    bool pending_space;
    int heading, list_depth, link_depth;
    xmlNode *heading_node; /* a <p> holding its heading's text (below) */
    elem_rec *recs;
    size_t nrecs, recs_cap;
    size_t *open;       /* rec indexes of the open block elements */
    size_t nopen, open_cap;
} walker;

/* Count the visible characters of s[0..n). */
static size_t visible_chars(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        k += (c & 0xC0) != 0x80 && c != ' ' && c != '\n';
    }
    return k;
}

/* Append text, collapsing runs of ASCII white space to one space. */
static void add_text(walker *w, const char *s)
{
    size_t start = w->cur.len;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            w->pending_space = true;
            continue;
        }
        if (w->pending_space && w->cur.len > 0 &&
            w->cur.s[w->cur.len - 1] != '\n')
            sb_putc(&w->cur, ' ');
        w->pending_space = false;
        sb_putc(&w->cur, (char)c);
    }
    if (w->cur.len == start)
        return;
    size_t k = visible_chars(w->cur.s + start, w->cur.len - start);
    w->cur_chars += k;
    if (w->link_depth > 0)
        w->cur_link += k;
}

/* A <br>: a line break inside the paragraph. */
static void add_break(walker *w)
{
    while (w->cur.len > 0 && w->cur.s[w->cur.len - 1] == ' ')
        w->cur.s[--w->cur.len] = '\0';
    if (w->cur.len > 0 && w->cur.s[w->cur.len - 1] != '\n')
        sb_putc(&w->cur, '\n');
    w->pending_space = false;
}

/* End the current paragraph: keep it when it has text, and credit its
   prose (characters outside links, when links are not most of it) to the
   block elements around it. */
static void flush(walker *w)
{
    char *s = w->cur.s;
    size_t a = 0, b = w->cur.len;
    while (a < b && (s[a] == ' ' || s[a] == '\n'))
        a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\n'))
        b--;
    if (b > a && w->cur_chars > 0) {
        w->v = grow_array(w->v, &w->cap, w->n + 1, sizeof *w->v);
        para *p = &w->v[w->n++];
        p->text = xstrndup(s + a, b - a);
        p->heading = w->heading;
        p->list = w->list_depth > 0;
        p->chars = w->cur_chars;
        p->link_chars = w->cur_link;
        double prose = 2 * p->link_chars > p->chars
                           ? 0
                           : (double)(p->chars - p->link_chars);
        if (w->nopen >= 2) {
            w->recs[w->open[w->nopen - 2]].score += prose;
            if (w->nopen >= 3)
                w->recs[w->open[w->nopen - 3]].score += prose / 2;
        } else if (w->nopen == 1) {
            w->recs[w->open[0]].score += prose;
        }
    }
    sb_clear(&w->cur);
    w->cur_chars = w->cur_link = 0;
    w->pending_space = false;
}

/* The level of the heading element right before a <p> (nothing between,
   not even white space), when the heading is empty: libxml2 parses HTML
   by the rules of HTML 4, where a <p> closes an open <h1>, so
   <h1><p>headline</p></h1> (as paper.people.com.cn writes it) comes out
   as an empty <h1> followed at once by the <p>.  0 otherwise. */
static int emptied_heading_before(const xmlNode *p)
{
    const xmlNode *prev = p->prev;
    if (!prev || prev->type != XML_ELEMENT_NODE || prev->children)
        return 0;
    return heading_level(prev->name);
}

/* Enter node; returns whether to walk into its children. */
static bool enter(walker *w, xmlNode *n)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            add_text(w, (const char *)n->content);
        return false;
    }
    if (n->type == XML_ENTITY_REF_NODE) {
        xmlChar *c = xmlNodeGetContent(n);
        if (c)
            add_text(w, (const char *)c);
        xmlFree(c);
        return false;
    }
    if (n->type != XML_ELEMENT_NODE || !n->name || is_skipped(n->name))
        return false;
    if (strcasecmp((const char *)n->name, "br") == 0) {
        add_break(w);
        return false;
    }
    if (strcasecmp((const char *)n->name, "img") == 0)
        return false;
    if (strcasecmp((const char *)n->name, "a") == 0) {
        w->link_depth++;
        return true;
    }
    if (!is_block(n->name))
        return true;
    flush(w);
    w->recs = grow_array(w->recs, &w->recs_cap, w->nrecs + 1, sizeof *w->recs);
    w->recs[w->nrecs] = (elem_rec){0, w->n, w->n};
    n->_private = (void *)(uintptr_t)(w->nrecs + 1);
    w->open = grow_array(w->open, &w->open_cap, w->nopen + 1, sizeof *w->open);
    w->open[w->nopen++] = w->nrecs++;
    int h = heading_level(n->name);
    if (!h && !w->heading && strcasecmp((const char *)n->name, "p") == 0 &&
        (h = emptied_heading_before(n)) != 0)
        w->heading_node = n;
    if (h)
        w->heading = h;
    if (strcasecmp((const char *)n->name, "li") == 0)
        w->list_depth++;
    return true;
}

/* Leave an element entered with enter(). */
static void leave(walker *w, xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE)
        return;
    if (strcasecmp((const char *)n->name, "a") == 0) {
        w->link_depth--;
        return;
    }
    if (!is_block(n->name))
        return;
    flush(w);
    if (w->nopen > 0)
        w->recs[w->open[--w->nopen]].end = w->n;
    if (heading_level(n->name) || n == w->heading_node) {
        w->heading = 0;
        w->heading_node = NULL;
    }
    if (strcasecmp((const char *)n->name, "li") == 0 && w->list_depth > 0)
        w->list_depth--;
}

/* Walk the children of root in document order, without recursion. */
static void walk(walker *w, xmlNode *root)
{
    xmlNode *n = root ? root->children : NULL;
    while (n) {
        bool in = enter(w, n);
        if (in && n->children) {
            n = n->children;
            continue;
        }
        if (in)
            leave(w, n);
        while (n && !n->next) {
            n = n->parent;
            if (!n || n == root) {
                n = NULL;
                break;
            }
            leave(w, n);
        }
        if (n)
            n = n->next;
    }
    flush(w);
}

static void walker_free(walker *w)
{
    for (size_t i = 0; i < w->n; i++)
        free(w->v[i].text);
    free(w->v);
    sb_free(&w->cur);
    free(w->recs);
    free(w->open);
}

/* Is the paragraph mostly links (a menu, a list of related articles)? */
static bool is_link_list(const para *p)
{
    return 2 * p->link_chars > p->chars;
}

/* Add paragraphs [a, b) that are not link lists to the article. */
static void add_paragraphs(const walker *w, size_t a, size_t b,
                           markup_article *art)
{
    for (size_t i = a; i < b; i++) {
        const para *p = &w->v[i];
        if (is_link_list(p))
            continue;
        unsigned flags = p->heading || p->list ? BLOCK_F_MARKUP : 0;
        if (p->list)
            flags |= BLOCK_F_LIST;
        markup_add_paragraph(art, p->text, p->heading, flags);
    }
}

/* ---- fragments ----------------------------------------------------------- */

void html_read_node(xmlNode *node, markup_article *a)
{
    walker w = {0};
    walk(&w, node);
    add_paragraphs(&w, 0, w.n, a);
    walker_free(&w);
}

/* Notes whether libxml2 gave up on a page nested too deep (it stops
   reading at 256 open elements). */
static void note_depth_error(void *ctx, xmlErrorPtr err)
{
    bool *too_deep = ctx;
    if (err && err->code == XML_ERR_INTERNAL_ERROR && err->message &&
        strstr(err->message, "depth"))
        *too_deep = true;
}

/* Parse UTF-8 HTML; NULL when libxml2 gives nothing.  *too_deep (may be
   NULL) tells whether the page was cut off for its depth. */
static htmlDocPtr parse_html(const char *text, size_t len, bool *too_deep)
{
    markup_quiet_libxml();
    bool deep = false;
    xmlSetStructuredErrorFunc(&deep, note_depth_error);
    if (len > INT_MAX)
        len = INT_MAX;
    htmlDocPtr d = htmlReadMemory(text, (int)len, NULL, "UTF-8",
                                  HTML_OPTIONS);
    markup_quiet_libxml();
    if (too_deep)
        *too_deep = deep;
    return d;
}

void html_read_fragment(const char *text, size_t len, markup_article *a)
{
    htmlDocPtr d = parse_html(text, len, NULL);
    if (!d)
        return;
    html_read_node((xmlNode *)d, a);
    xmlFreeDoc(d);
}

/* ---- <meta> and <title> --------------------------------------------------- */

/* The value of attribute name of n (heap, xmlFree), or NULL. */
static char *attr(xmlNode *n, const char *name)
{
    for (xmlAttr *a = n->properties; a; a = a->next)
        if (a->name && strcasecmp((const char *)a->name, name) == 0)
            return (char *)xmlNodeGetContent((xmlNode *)a);
    return NULL;
}

/* Set *slot to a copy of value (trimmed) when it is still NULL and value
   is not empty. */
static void set_once(char **slot, const char *value)
{
    if (*slot || !value)
        return;
    while (*value == ' ')
        value++;
    size_t n = strlen(value);
    while (n > 0 && value[n - 1] == ' ')
        n--;
    if (n)
        *slot = xstrndup(value, n);
}

/* What the page's metadata says, gathered in one walk over every element
   (some pages put <meta> in the body). */
typedef struct {
    char *title, *og_title, *charset, *date, *paper, *url, *author;
} page_meta;

static void page_meta_free(page_meta *m)
{
    free(m->title);
    free(m->og_title);
    free(m->charset);
    free(m->date);
    free(m->paper);
    free(m->url);
    free(m->author);
}

/* The charset named in a Content-Type value: "text/html; charset=gbk". */
static char *charset_of_content_type(const char *v)
{
    const char *p = v;
    while ((p = strchr(p, '=')) != NULL) {
        const char *k = p;
        while (k > v && (k[-1] == ' '))
            k--;
        if (k - v >= 7 && strncasecmp(k - 7, "charset", 7) == 0) {
            p++;
            while (*p == ' ' || *p == '"' || *p == '\'')
                p++;
            size_t n = strcspn(p, " ;\"'");
            return n ? xstrndup(p, n) : NULL;
        }
        p++;
    }
    return NULL;
}

/* One <meta>: the names it may carry, lower-cased. */
static void read_meta(xmlNode *n, page_meta *m)
{
    static const char *const date_names[] = {
        "article:published_time", "og:article:published_time",
        "publishdate", "pubdate", "publish_date", "publication_date",
        "publishtime", "date", "dc.date", "dc.date.issued", "dcterms.date",
        "dcterms.issued", "sailthru.date", "parsely-pub-date",
        "datepublished", "og:release_date", "citation_publication_date",
        NULL};
    char *cs = attr(n, "charset");
    if (cs) {
        set_once(&m->charset, cs);
        xmlFree(cs);
    }
    char *name = attr(n, "name");
    if (!name)
        name = attr(n, "property");
    if (!name)
        name = attr(n, "itemprop");
    if (!name)
        name = attr(n, "http-equiv");
    char *content = attr(n, "content");
    if (name && content) {
        if (strcasecmp(name, "content-type") == 0) {
            char *c = charset_of_content_type(content);
            set_once(&m->charset, c);
            free(c);
        } else if (name_in((const xmlChar *)name, date_names)) {
            char d[11];
            if (!m->date && evidence_date(content, d))
                m->date = xstrdup(d);
        } else if (strcasecmp(name, "og:title") == 0) {
            set_once(&m->og_title, content);
        } else if (strcasecmp(name, "og:site_name") == 0 ||
                   strcasecmp(name, "source") == 0 ||
                   strcasecmp(name, "publisher") == 0) {
            /* "来源：人民网－人民日报": the paper is the last name */
            const char *v = content;
            const char *colon = strstr(v, "\xEF\xBC\x9A"); /* ： */
            if (colon)
                v = colon + 3;
            const char *dash = strstr(v, "\xEF\xBC\x8D"); /* － */
            if (dash)
                v = dash + 3;
            set_once(&m->paper, v);
        } else if (strcasecmp(name, "og:url") == 0) {
            set_once(&m->url, content);
        } else if (strcasecmp(name, "author") == 0) {
            set_once(&m->author, content);
        }
    }
    xmlFree(name);
    xmlFree(content);
}

/* Gather the page's metadata (iteratively, like walk()). */
static void gather_meta(xmlNode *root, page_meta *m)
{
    xmlNode *n = root;
    while (n) {
        bool down = false;
        if (n->type == XML_ELEMENT_NODE && n->name) {
            const char *name = (const char *)n->name;
            if (strcasecmp(name, "meta") == 0) {
                read_meta(n, m);
            } else if (strcasecmp(name, "title") == 0 && !m->title) {
                xmlChar *t = xmlNodeGetContent(n);
                set_once(&m->title, (const char *)t);
                xmlFree(t);
            } else if (strcasecmp(name, "link") == 0) {
                char *rel = attr(n, "rel"), *href = attr(n, "href");
                if (rel && href && strcasecmp(rel, "canonical") == 0)
                    set_once(&m->url, href);
                xmlFree(rel);
                xmlFree(href);
            } else if (!is_skipped(n->name) ||
                       strcasecmp(name, "head") == 0) {
                down = true;
            }
        } else if (n->type == XML_DOCUMENT_NODE ||
                   n->type == XML_HTML_DOCUMENT_NODE) {
            down = true;
        }
        if (down && n->children) {
            n = n->children;
            continue;
        }
        while (n && n != root && !n->next)
            n = n->parent;
        n = (n && n != root) ? n->next : NULL;
    }
}

char *html_declared_charset(const char *bytes, size_t n)
{
    markup_quiet_libxml();
    size_t len = n < 16384 ? n : 16384;
    /* The bytes as Latin-1: every byte is a character, so nothing fails to
       decode, and the ASCII of the markup reads as it is. */
    htmlDocPtr d = htmlReadMemory(bytes, (int)len, NULL, "ISO-8859-1",
                                  HTML_OPTIONS);
    if (!d)
        return NULL;
    page_meta m = {0};
    gather_meta((xmlNode *)d, &m);
    char *cs = m.charset;
    m.charset = NULL;
    page_meta_free(&m);
    xmlFreeDoc(d);
    return cs;
}

/* ---- the page's main content --------------------------------------------- */

/* The element with the best prose score, as its rec; NULL when no
   paragraph had prose. */
static const elem_rec *best_element(const walker *w)
{
    const elem_rec *best = NULL;
    for (size_t i = 0; i < w->nrecs; i++)
        if (w->recs[i].score > 0 &&
            (!best || w->recs[i].score > best->score))
            best = &w->recs[i];
    return best;
}

/* The paragraph holding the page's headline: the first <h1> (not a link)
   inside the content [first, end), else the last one in the
   HEADLINE_REACH paragraphs before it; SIZE_MAX when there is none. */
static size_t headline_para(const walker *w, size_t first, size_t end)
{
    for (size_t i = first; i < end; i++)
        if (w->v[i].heading == 1 && !is_link_list(&w->v[i]))
            return i;
    size_t lo = first > HEADLINE_REACH ? first - HEADLINE_REACH : 0;
    for (size_t i = first; i-- > lo;)
        if (w->v[i].heading == 1 && !is_link_list(&w->v[i]))
            return i;
    return SIZE_MAX;
}

void read_html(const char *text, size_t len, markup_doc *doc)
{
    bool too_deep;
    htmlDocPtr d = parse_html(text, len, &too_deep);
    markup_article *a = markup_add_article(doc);
    if (!d) {
        strlist_push(&doc->warnings, "It holds no HTML that can be read.");
        return;
    }
    if (too_deep)
        strlist_push(&doc->warnings, "Its HTML nests elements more than 256 "
                                     "deep; what lies deeper is not read.");
    page_meta m = {0};
    gather_meta((xmlNode *)d, &m);
    walker w = {0};
    walk(&w, (xmlNode *)d);
    const elem_rec *best = best_element(&w);
    size_t first = best ? best->first : 0, end = best ? best->end : w.n;
    size_t h = headline_para(&w, first, end);
    if (h != SIZE_MAX && h < first) {
        /* From the headline on: the kicker above it, the deck and byline
           between it and the text. */
        size_t k = h;
        while (k > 0 && h - k < 2 && w.v[k - 1].heading > 1)
            k--;
        first = k;
    }
    const char *title = m.og_title ? m.og_title : m.title;
    if (title)
        title = evidence_strip_page_prefix(title, &doc->ev);
    if (h != SIZE_MAX)
        a->headline = xstrdup(w.v[h].text);
    else if (title)
        a->headline = evidence_clean_title(title);
    if (a->headline && !a->headline[0]) {
        free(a->headline);
        a->headline = NULL;
    }
    add_paragraphs(&w, first, end, a);
    if (w.n == 0)
        strlist_push(&doc->warnings, "Its page holds no text.");
    doc_evidence meta = {m.paper, m.date, NULL, NULL, m.url, m.author};
    evidence_fill(&doc->ev, &meta);
    if (doc->ev.url)
        evidence_from_path(doc->ev.url, &doc->ev);
    page_meta_free(&m);
    walker_free(&w);
    xmlFreeDoc(d);
}
