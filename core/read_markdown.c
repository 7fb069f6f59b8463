/* read_markdown.c - Markdown with YAML front matter (see read_markdown.h).
 *
 * md4c calls back as it parses; the callbacks below turn its blocks into a
 * flat list of items (headings, paragraphs, list items, HTML paragraphs,
 * navigation links), and article_structure() decides which items start
 * articles.
 */
#include "read_markdown.h"

#include <ctype.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include <libxml/HTMLparser.h>
#include <md4c.h>
#include <yaml.h>

#include "evidence.h"
#include "read_html.h"

/* Front matter longer than this is not front matter (a "---" line that
   opens a document and a thematic break much further down). */
#define FRONT_MATTER_MAX (256 * 1024)

/* A link-only paragraph this short (in characters) is navigation:
   "[查看原文](…)", "[返回目录](…)". */
#define NAV_LINK_MAX_CHARS 8

/* Soft line breaks wait in the text as this byte until the paragraph is
   complete and both neighbours are known. */
#define SOFT_BREAK '\x1e'

typedef enum { ITEM_PARA, ITEM_HEADING, ITEM_LIST, ITEM_NAV } item_kind;

typedef struct {
    item_kind kind;
    int level;     /* ITEM_HEADING: 1-6 */
    char *text;
    char *url;     /* ITEM_NAV: where the link goes */
} md_item;

typedef struct {
    md_item *v;
    size_t n, cap;
    /* the item being read */
    strbuf cur;
    item_kind kind;
    int level;
    bool open;
    size_t chars, link_chars;
    char *href;
    int link_depth, img_depth, li_depth;
    bool in_html;
    strbuf html;
} md_state;

/* ---- items --------------------------------------------------------------- */

static void push_item(md_state *s, item_kind kind, int level,
                      const char *text, const char *url)
{
    s->v = grow_array(s->v, &s->cap, s->n + 1, sizeof *s->v);
    s->v[s->n++] = (md_item){kind, level, xstrdup(text),
                             url ? xstrdup(url) : NULL};
}

/* Is the code point at p (UTF-8) a CJK character or fullwidth mark, next
   to which a soft line break is no space? */
static bool joins_without_space(ucs4_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x20000 && c <= 0x3FFFF) || (c >= 0x3000 && c <= 0x303F);
}

/* Replace the soft breaks of s: nothing between two CJK characters, a
   space elsewhere. */
static char *resolve_soft_breaks(const char *s, size_t n)
{
    strbuf sb = {0};
    for (size_t i = 0; i < n; i++) {
        if (s[i] != SOFT_BREAK) {
            sb_putc(&sb, s[i]);
            continue;
        }
        ucs4_t prev = 0, next = 0;
        if (sb.len > 0 && !u8_prev(&prev, (const uint8_t *)sb.s + sb.len,
                                   (const uint8_t *)sb.s))
            prev = 0;
        size_t j = i + 1;
        while (j < n && (s[j] == ' ' || s[j] == SOFT_BREAK))
            j++;
        if (j < n)
            u8_mbtouc(&next, (const uint8_t *)s + j, n - j);
        if (!(joins_without_space(prev) && joins_without_space(next)) &&
            sb.len > 0 && sb.s[sb.len - 1] != ' ')
            sb_putc(&sb, ' ');
    }
    return sb_take(&sb);
}

/* End the item being read. */
static void flush_item(md_state *s)
{
    if (!s->open)
        return;
    s->open = false;
    char *t = resolve_soft_breaks(s->cur.s ? s->cur.s : "", s->cur.len);
    size_t a = 0, b = strlen(t);
    while (a < b && (t[a] == ' ' || t[a] == '\n'))
        a++;
    while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\n'))
        b--;
    t[b] = '\0';
    if (b > a) {
        bool nav = s->chars > 0 && s->link_chars == s->chars &&
                   s->chars <= NAV_LINK_MAX_CHARS && s->kind != ITEM_HEADING;
        push_item(s, nav ? ITEM_NAV : s->kind, s->level, t + a,
                  nav ? s->href : NULL);
    }
    free(t);
    sb_clear(&s->cur);
    free(s->href);
    s->href = NULL;
    s->chars = s->link_chars = 0;
}

static void start_item(md_state *s, item_kind kind, int level)
{
    flush_item(s);
    s->open = true;
    s->kind = kind;
    s->level = level;
}

/* Append text to the item, counting its visible characters. */
static void add_text(md_state *s, const char *text, size_t n)
{
    if (s->img_depth > 0)
        return;
    if (s->in_html) {
        sb_append(&s->html, text, n);
        return;
    }
    if (!s->open)
        start_item(s, ITEM_PARA, 0);
    sb_append(&s->cur, text, n);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        k += (c & 0xC0) != 0x80 && c != ' ' && c != '\n' && c != '\t';
    }
    s->chars += k;
    if (s->link_depth > 0)
        s->link_chars += k;
}

/* Append the character an entity ("&amp;", "&#x4E2D;", "&mdash;") names;
   an unknown one stays as written. */
static void add_entity(md_state *s, const char *text, size_t n)
{
    ucs4_t c = 0;
    if (n >= 4 && text[1] == '#') {
        bool hex = text[2] == 'x' || text[2] == 'X';
        char buf[16];
        size_t k = n - (hex ? 4 : 3);
        if (k > 0 && k < sizeof buf) {
            memcpy(buf, text + (hex ? 3 : 2), k);
            buf[k] = '\0';
            unsigned long v = strtoul(buf, NULL, hex ? 16 : 10);
            c = v > 0 && v <= 0x10FFFF ? (ucs4_t)v : 0xFFFD;
        }
    } else if (n >= 3 && n < 40) {
        char name[40];
        memcpy(name, text + 1, n - 2);
        name[n - 2] = '\0';
        const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
        if (e)
            c = e->value;
    }
    if (!c) {
        add_text(s, text, n);
        return;
    }
    uint8_t buf[8];
    int len = u8_uctomb(buf, c, (int)sizeof buf);
    if (len > 0)
        add_text(s, (const char *)buf, (size_t)len);
}

/* ---- md4c callbacks ------------------------------------------------------ */

static int enter_block(MD_BLOCKTYPE type, void *detail, void *data)
{
    md_state *s = data;
    switch (type) {
    case MD_BLOCK_H:
        start_item(s, ITEM_HEADING, (int)((MD_BLOCK_H_DETAIL *)detail)->level);
        break;
    case MD_BLOCK_LI:
        s->li_depth++;
        start_item(s, ITEM_LIST, 0);
        break;
    case MD_BLOCK_P:
        /* The first paragraph of a loose list item is the item. */
        if (!(s->open && s->kind == ITEM_LIST && s->cur.len == 0))
            start_item(s, s->li_depth > 0 ? ITEM_LIST : ITEM_PARA, 0);
        break;
    case MD_BLOCK_CODE:
    case MD_BLOCK_TR:
        start_item(s, ITEM_PARA, 0);
        break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
        if (s->cur.len)
            sb_putc(&s->cur, ' ');
        break;
    case MD_BLOCK_HTML:
        flush_item(s);
        s->in_html = true;
        sb_clear(&s->html);
        break;
    default:
        flush_item(s);
        break;
    }
    return 0;
}

/* Read an HTML block's paragraphs into items. */
static void add_html_block(md_state *s)
{
    markup_article tmp = {0};
    html_read_fragment(s->html.s ? s->html.s : "", s->html.len, &tmp);
    for (size_t i = 0; i < tmp.body.n; i++) {
        const block *b = &tmp.body.v[i];
        item_kind k = b->level                 ? ITEM_HEADING
                      : b->flags & BLOCK_F_LIST ? ITEM_LIST
                                                : ITEM_PARA;
        push_item(s, k, b->level, b->text, NULL);
    }
    block_list_free(&tmp.body);
}

static int leave_block(MD_BLOCKTYPE type, void *detail, void *data)
{
    (void)detail;
    md_state *s = data;
    switch (type) {
    case MD_BLOCK_LI:
        s->li_depth--;
        flush_item(s);
        break;
    case MD_BLOCK_HTML:
        s->in_html = false;
        add_html_block(s);
        break;
    case MD_BLOCK_H:
    case MD_BLOCK_P:
    case MD_BLOCK_CODE:
    case MD_BLOCK_TR:
        flush_item(s);
        break;
    default:
        break;
    }
    return 0;
}

static int enter_span(MD_SPANTYPE type, void *detail, void *data)
{
    md_state *s = data;
    if (type == MD_SPAN_A) {
        s->link_depth++;
        const MD_SPAN_A_DETAIL *a = detail;
        if (!s->href && a->href.text && a->href.size < 2048)
            s->href = xstrndup(a->href.text, a->href.size);
    } else if (type == MD_SPAN_IMG) {
        s->img_depth++;
    }
    return 0;
}

static int leave_span(MD_SPANTYPE type, void *detail, void *data)
{
    (void)detail;
    md_state *s = data;
    if (type == MD_SPAN_A && s->link_depth > 0)
        s->link_depth--;
    else if (type == MD_SPAN_IMG && s->img_depth > 0)
        s->img_depth--;
    return 0;
}

static int on_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size,
                   void *data)
{
    md_state *s = data;
    switch (type) {
    case MD_TEXT_NULLCHAR:
        add_text(s, "\xEF\xBF\xBD", 3);
        break;
    case MD_TEXT_BR:
        add_text(s, "\n", 1);
        break;
    case MD_TEXT_SOFTBR:
        if (s->in_html)
            add_text(s, "\n", 1);
        else if (s->img_depth == 0)
            sb_putc(&s->cur, SOFT_BREAK);
        break;
    case MD_TEXT_ENTITY:
        add_entity(s, text, size);
        break;
    case MD_TEXT_HTML:
        /* Inline raw HTML: a <br> breaks the line; other tags are
           markup, their text comes as text. */
        if (s->in_html)
            add_text(s, text, size);
        else if (size >= 3 && strncasecmp(text, "<br", 3) == 0)
            add_text(s, "\n", 1);
        break;
    default:
        add_text(s, text, size);
        break;
    }
    return 0;
}

/* ---- front matter -------------------------------------------------------- */

/* The end of the front matter's closing fence line and the start of its
   YAML; 0 when the text has no front matter.  *yaml_len gets the YAML's
   length. */
static size_t front_matter(const char *t, size_t n, size_t *yaml_start,
                           size_t *yaml_len, bool *toml)
{
    const char *fence = NULL;
    if (n >= 3 && (memcmp(t, "---", 3) == 0 || memcmp(t, "+++", 3) == 0))
        fence = memcmp(t, "---", 3) == 0 ? "---" : "+++";
    if (!fence)
        return 0;
    size_t i = 3;
    while (i < n && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r'))
        i++;
    if (i < n && t[i] != '\n')
        return 0;
    *toml = fence[0] == '+';
    size_t start = i + 1;
    for (size_t line = start; line < n && line < FRONT_MATTER_MAX;) {
        const char *nl = memchr(t + line, '\n', n - line);
        size_t end = nl ? (size_t)(nl - t) : n;
        size_t k = end;
        while (k > line && (t[k - 1] == ' ' || t[k - 1] == '\t' ||
                            t[k - 1] == '\r'))
            k--;
        if (k - line == 3 && (memcmp(t + line, fence, 3) == 0 ||
                              (!*toml && memcmp(t + line, "...", 3) == 0))) {
            *yaml_start = start;
            *yaml_len = line - start;
            return nl ? end + 1 : n;
        }
        line = end + 1;
    }
    return 0;
}

/* Does the key name one of the fields (case-insensitive)? */
static bool key_is(const char *key, const char *const *names)
{
    for (size_t i = 0; names[i]; i++)
        if (strcasecmp(key, names[i]) == 0)
            return true;
    return false;
}

/* Set *slot to a copy of v unless set or v empty. */
static void set_field(char **slot, const char *v)
{
    if (!*slot && v && *v)
        *slot = xstrdup(v);
}

/* Use one front matter field. */
static void use_field(const char *key, const char *value, markup_article *a,
                      markup_doc *doc)
{
    static const char *const title[] = {"title", "headline", "标题", NULL};
    static const char *const date[] = {"date", "published", "pubdate",
                                       "publish_date", "pub_date",
                                       "publishdate", "日期", NULL};
    static const char *const page[] = {"section", "page", "edition",
                                       "版面", "版次", NULL};
    static const char *const page_name[] = {"section_name", "page_name",
                                            "column", "栏目", NULL};
    static const char *const paper[] = {"paper", "newspaper", "publication",
                                        "source", "outlet", "media", "报纸",
                                        "来源", NULL};
    static const char *const author[] = {"author", "authors", "byline",
                                         "作者", NULL};
    static const char *const url[] = {"source_url", "url", "link",
                                      "original_url", "canonical_url",
                                      "permalink", NULL};
    doc_evidence *ev = &doc->ev;
    if (key_is(key, title)) {
        set_field(&a->headline, value);
    } else if (key_is(key, date)) {
        char d[11];
        if (!ev->date && evidence_date(value, d))
            ev->date = xstrdup(d);
    } else if (key_is(key, page)) {
        char *name = NULL;
        char *label = page_label(value, false, &name);
        if (label && !ev->page)
            ev->page = label;
        else
            free(label);
        set_field(&ev->page_name, name ? name : label ? NULL : value);
        free(name);
    } else if (key_is(key, page_name)) {
        free(ev->page_name);
        ev->page_name = *value ? xstrdup(value) : NULL;
    } else if (key_is(key, url) || (key_is(key, paper) && strstr(value, "://"))) {
        if (strstr(value, "://"))
            set_field(&ev->url, value);
    } else if (key_is(key, paper)) {
        set_field(&ev->paper, value);
    } else if (key_is(key, author)) {
        set_field(&ev->author, value);
    }
}

/* The text of a scalar node, or of a sequence of scalars joined by 、. */
static char *node_text(yaml_document_t *d, yaml_node_t *n)
{
    if (!n)
        return NULL;
    if (n->type == YAML_SCALAR_NODE)
        return xstrndup((const char *)n->data.scalar.value,
                        n->data.scalar.length);
    if (n->type != YAML_SEQUENCE_NODE)
        return NULL;
    strbuf sb = {0};
    for (yaml_node_item_t *it = n->data.sequence.items.start;
         it < n->data.sequence.items.top; it++) {
        yaml_node_t *e = yaml_document_get_node(d, *it);
        if (!e || e->type != YAML_SCALAR_NODE)
            continue;
        if (sb.len)
            sb_puts(&sb, "\xE3\x80\x81"); /* 、 */
        sb_append(&sb, (const char *)e->data.scalar.value,
                  e->data.scalar.length);
    }
    return sb.len ? sb_take(&sb) : NULL;
}

/* Read "key: value" lines when the front matter is not YAML. */
static void read_simple_lines(const char *y, size_t n, markup_article *a,
                              markup_doc *doc)
{
    char *copy = xstrndup(y, n);
    for (char *save = NULL, *line = strtok_r(copy, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        char *colon = strchr(line, ':');
        if (!colon || colon == line || !isalpha((unsigned char)line[0]))
            continue;
        *colon = '\0';
        if (strspn(line, "abcdefghijklmnopqrstuvwxyz"
                         "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") !=
            strlen(line))
            continue;
        char *v = colon + 1;
        while (*v == ' ' || *v == '\t')
            v++;
        size_t len = strlen(v);
        while (len > 0 && (v[len - 1] == ' ' || v[len - 1] == '\r'))
            v[--len] = '\0';
        if (len >= 2 && (v[0] == '"' || v[0] == '\'') && v[len - 1] == v[0]) {
            v[len - 1] = '\0';
            v++;
        }
        use_field(line, v, a, doc);
    }
    free(copy);
}

/* Read the YAML front matter into the article and the doc's evidence. */
static void read_front_matter(const char *y, size_t n, markup_article *a,
                              markup_doc *doc)
{
    yaml_parser_t parser;
    yaml_document_t d;
    if (!yaml_parser_initialize(&parser))
        return;
    yaml_parser_set_input_string(&parser, (const unsigned char *)y, n);
    bool loaded = yaml_parser_load(&parser, &d) != 0;
    yaml_node_t *root = loaded ? yaml_document_get_root_node(&d) : NULL;
    if (!loaded || (root && root->type != YAML_MAPPING_NODE)) {
        strbuf msg = {0};
        if (!loaded)
            sb_printf(&msg, "Its front matter is not YAML (line %zu: %s); "
                            "its \"key: value\" lines are read.",
                      (size_t)parser.problem_mark.line + 2,
                      parser.problem ? parser.problem : "cannot parse");
        else
            sb_puts(&msg, "Its front matter is YAML but not a mapping of "
                          "fields; it is not read.");
        strlist_push_owned(&doc->warnings, sb_take(&msg));
        if (!loaded)
            read_simple_lines(y, n, a, doc);
    } else if (root) {
        for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
             p < root->data.mapping.pairs.top; p++) {
            char *k = node_text(&d, yaml_document_get_node(&d, p->key));
            char *v = node_text(&d, yaml_document_get_node(&d, p->value));
            if (k && v)
                use_field(k, v, a, doc);
            free(k);
            free(v);
        }
    }
    if (loaded)
        yaml_document_delete(&d);
    yaml_parser_delete(&parser);
}

/* ---- articles ------------------------------------------------------------ */

/* Is item i (a heading) followed by text before the next heading? */
static bool followed_by_text(const md_state *s, size_t i)
{
    for (size_t j = i + 1; j < s->n; j++) {
        if (s->v[j].kind == ITEM_NAV)
            continue;
        return s->v[j].kind != ITEM_HEADING;
    }
    return false;
}

/* Add item it to the article as a body paragraph. */
static void add_item(markup_article *a, const md_item *it)
{
    if (it->kind == ITEM_NAV) {
        if (!a->ev.url && it->url && strstr(it->url, "://"))
            a->ev.url = xstrdup(it->url);
        return;
    }
    unsigned flags = it->kind == ITEM_PARA ? 0 : BLOCK_F_MARKUP;
    if (it->kind == ITEM_LIST)
        flags |= BLOCK_F_LIST;
    markup_add_paragraph(a, it->text,
                         it->kind == ITEM_HEADING ? it->level : 0, flags);
}

/* The heading level that starts articles in a file of several: the most
   common level among headings followed by text (the shallower of
   equals). */
static int article_level(const md_state *s)
{
    size_t count[7] = {0};
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i].kind == ITEM_HEADING && followed_by_text(s, i))
            count[s->v[i].level]++;
    int best = 0;
    for (int l = 1; l <= 6; l++)
        if (count[l] > (best ? count[best] : 0))
            best = l;
    return best;
}

/* Is this a file of one article under its only level-1 heading? */
static bool one_article(const md_state *s, size_t *h1)
{
    size_t n = 0;
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i].kind == ITEM_HEADING && s->v[i].level == 1) {
            *h1 = i;
            n++;
        }
    return n == 1 && followed_by_text(s, *h1);
}

/* The next heading after i that is not navigation, or SIZE_MAX. */
static size_t next_heading(const md_state *s, size_t i)
{
    for (size_t j = i + 1; j < s->n; j++) {
        if (s->v[j].kind == ITEM_NAV)
            continue;
        return s->v[j].kind == ITEM_HEADING ? j : SIZE_MAX;
    }
    return SIZE_MAX;
}

/* Split the items of a file of several articles (see the top). */
static void several_articles(const md_state *s, markup_doc *doc)
{
    int level = article_level(s);
    markup_article *cur = NULL;
    size_t kickers = SIZE_MAX; /* first pending kicker item */
    for (size_t i = 0; i < s->n; i++) {
        const md_item *it = &s->v[i];
        if (it->kind == ITEM_HEADING && level &&
            (it->level == level ||
             (it->level < level && followed_by_text(s, i)))) {
            cur = markup_add_article(doc);
            cur->headline = xstrdup(it->text);
            for (size_t k = kickers; k < i; k++)
                add_item(cur, &s->v[k]);
            kickers = SIZE_MAX;
            add_item(cur, it);
            continue;
        }
        if (it->kind == ITEM_HEADING && level && it->level < level) {
            block_list_push(&doc->furniture, it->text, BLOCK_MASTHEAD, 0);
            kickers = SIZE_MAX;
            continue;
        }
        if (it->kind == ITEM_HEADING && level && it->level > level) {
            size_t nh = next_heading(s, i);
            if (nh != SIZE_MAX && s->v[nh].level == level) {
                if (kickers == SIZE_MAX)
                    kickers = i;
                continue;
            }
        }
        if (kickers != SIZE_MAX) {
            /* Not kickers after all: text of the article before. */
            for (size_t k = kickers; k < i && cur; k++)
                add_item(cur, &s->v[k]);
            kickers = SIZE_MAX;
        }
        if (!cur)
            cur = markup_add_article(doc);
        add_item(cur, it);
    }
    for (size_t k = kickers; cur && k < s->n; k++)
        add_item(cur, &s->v[k]);
}

/* Turn the items into articles. */
static void article_structure(const md_state *s, markup_article *first,
                              markup_doc *doc)
{
    size_t h1 = 0;
    if (first->headline || one_article(s, &h1) || article_level(s) == 0) {
        if (!first->headline && one_article(s, &h1))
            first->headline = xstrdup(s->v[h1].text);
        for (size_t i = 0; i < s->n; i++)
            add_item(first, &s->v[i]);
        return;
    }
    /* The front matter's evidence stays with the doc; the first article
       slot (empty) goes. */
    doc->narticles--;
    markup_article saved = *first;
    several_articles(s, doc);
    evidence_free(&saved.ev);
    free(saved.headline);
    block_list_free(&saved.body);
}

void read_markdown(const char *text, size_t len, markup_doc *doc)
{
    markup_article *a = markup_add_article(doc);
    size_t ys = 0, yl = 0;
    bool toml = false;
    size_t body = front_matter(text, len, &ys, &yl, &toml);
    if (body && toml)
        strlist_push(&doc->warnings, "Its front matter is TOML (+++), which "
                                     "dubao does not read; the rest is read.");
    else if (body)
        read_front_matter(text + ys, yl, a, doc);
    md_state s = {0};
    MD_PARSER parser = {0};
    parser.abi_version = 0;
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;
    parser.enter_block = enter_block;
    parser.leave_block = leave_block;
    parser.enter_span = enter_span;
    parser.leave_span = leave_span;
    parser.text = on_text;
    size_t n = len - body;
    if (n > UINT_MAX)
        n = UINT_MAX;
    if (md_parse(text + body, (MD_SIZE)n, &parser, &s) != 0)
        strlist_push(&doc->warnings, "Its Markdown could not be read to "
                                     "the end.");
    flush_item(&s);
    /* a may have moved if a reader added articles; it has not yet */
    article_structure(&s, &doc->articles[0], doc);
    for (size_t i = 0; i < s.n; i++) {
        free(s.v[i].text);
        free(s.v[i].url);
    }
    free(s.v);
    free(s.href);
    sb_free(&s.cur);
    sb_free(&s.html);
}
