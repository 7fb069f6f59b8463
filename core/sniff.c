/* sniff.c - the format of a file by its content, and decoding a file with
 * markup against its declared charset (see sniff.h).
 *
 * Sniffing reads only the file's prologue (byte-order mark, white space,
 * XML declaration, comments, doctype, first element name), never the
 * markup itself: parsing is the readers' job, with a real parser.
 */
#include "sniff.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <uniconv.h>
#include <unistr.h>

/* How far into a file sniffing looks for the first element or the end of
   the front matter. */
#define SNIFF_WINDOW (64 * 1024)

/* Does the text at p (before end) start with word, ignoring ASCII case? */
static bool starts_ci(const char *p, const char *end, const char *word)
{
    size_t k = strlen(word);
    return (size_t)(end - p) >= k && strncasecmp(p, word, k) == 0;
}

static const char *skip_space(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' ||
                       *p == '\f'))
        p++;
    return p;
}

/* After the first occurrence of the ASCII string what in [p, end), or end. */
static const char *skip_past(const char *p, const char *end, const char *what)
{
    const char *q = memmem(p, (size_t)(end - p), what, strlen(what));
    return q ? q + strlen(what) : end;
}

/* Elements that open an HTML document or fragment. */
static bool is_html_element(const char *name)
{
    static const char *const names[] = {
        "html", "head", "body", "meta", "title", "link", "script", "style",
        "div", "p", "table", "span", "section", "article", "header", "nav",
        "center", "font", "ul", "ol", "br", "a", "img", "form", "iframe",
        "h1", "h2", "h3", "h4", "h5", "h6", "main", "base", "noscript",
        "strong", "b", "em", "i", "pre", "blockquote", "tr", "td", "li",
        NULL};
    for (size_t i = 0; names[i]; i++)
        if (strcasecmp(name, names[i]) == 0)
            return true;
    return false;
}

/* What the prologue at p says: FORMAT_FEED, FORMAT_HTML, or FORMAT_TEXT
   when it holds no markup. */
static doc_format sniff_markup(const char *p, const char *end)
{
    bool xml = false;
    for (int steps = 0; steps < 64; steps++) {
        p = skip_space(p, end);
        if (p >= end || *p != '<')
            return FORMAT_TEXT;
        if (starts_ci(p, end, "<?xml")) {
            xml = true;
            p = skip_past(p, end, "?>");
        } else if (starts_ci(p, end, "<?")) {
            p = skip_past(p, end, "?>");
        } else if (starts_ci(p, end, "<!--")) {
            p = skip_past(p, end, "-->");
        } else if (starts_ci(p, end, "<!doctype")) {
            const char *q = skip_space(p + 9, end);
            if (starts_ci(q, end, "html"))
                return FORMAT_HTML;
            if (starts_ci(q, end, "rss") || starts_ci(q, end, "rdf"))
                return FORMAT_FEED;
            p = skip_past(p, end, ">");
        } else {
            char name[16];
            size_t k = 0;
            const char *q = p + 1;
            while (q < end && k + 1 < sizeof name &&
                   (isalnum((unsigned char)*q) || *q == ':' || *q == '-' ||
                    *q == '_'))
                name[k++] = (char)tolower((unsigned char)*q++);
            name[k] = '\0';
            if (k == 0 || !isalpha((unsigned char)name[0]))
                return FORMAT_TEXT;
            if (strcmp(name, "rss") == 0 || strcmp(name, "rdf:rdf") == 0 ||
                strcmp(name, "feed") == 0)
                return FORMAT_FEED;
            /* Any other XML document is read as HTML: its text, not its
               tags. */
            return xml || is_html_element(name) ? FORMAT_HTML : FORMAT_TEXT;
        }
    }
    return FORMAT_TEXT;
}

/* Is the line at p (before end) exactly the fence (trailing spaces
   allowed)?  *next receives the start of the following line. */
static bool fence_line(const char *p, const char *end, const char *fence,
                       const char **next)
{
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *e = nl ? nl : end;
    *next = nl ? nl + 1 : end;
    size_t k = strlen(fence);
    if ((size_t)(e - p) < k || memcmp(p, fence, k) != 0)
        return false;
    for (const char *q = p + k; q < e; q++)
        if (*q != ' ' && *q != '\t' && *q != '\r')
            return false;
    return true;
}

/* Does the file open with front matter: a "---" (or "+++") line, closed
   by a "---" or "..." (or "+++") line within the window? */
static bool has_front_matter(const char *p, const char *end)
{
    const char *next;
    const char *open = fence_line(p, end, "---", &next) ? "---"
                       : fence_line(p, end, "+++", &next) ? "+++"
                                                          : NULL;
    if (!open)
        return false;
    for (p = next; p < end; p = next) {
        if (fence_line(p, end, open, &next) ||
            (open[0] == '-' && fence_line(p, end, "...", &next)))
            return true;
    }
    return false;
}

/* Does the file name end in one of the extensions (NULL-terminated)? */
static bool has_extension(const char *name, const char *const *exts)
{
    const char *dot = name ? strrchr(name, '.') : NULL;
    if (!dot || strchr(dot, '/'))
        return false;
    for (size_t i = 0; exts[i]; i++)
        if (strcasecmp(dot + 1, exts[i]) == 0)
            return true;
    return false;
}

doc_format sniff_format(const char *name, const char *bytes, size_t n)
{
    const char *p = bytes, *end = bytes + (n < SNIFF_WINDOW ? n : SNIFF_WINDOW);
    if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    if (has_front_matter(p, end))
        return FORMAT_MARKDOWN;
    doc_format f = sniff_markup(p, end);
    if (f != FORMAT_TEXT)
        return f;
    /* A saved page with something before its markup (a server header, a
       stray line): the doctype or <html> early on decides. */
    const char *head_end = end - p > 1024 ? p + 1024 : end;
    for (const char *q = p; q < head_end; q++)
        if (*q == '<' && (starts_ci(q, head_end, "<html") ||
                          starts_ci(q, head_end, "<!doctype html")))
            return FORMAT_HTML;
    static const char *const md[] = {"md", "markdown", "mdown", "mkd",
                                     "mkdn", NULL};
    static const char *const html[] = {"html", "htm", "shtml", "xhtml",
                                       NULL};
    if (has_extension(name, md))
        return FORMAT_MARKDOWN;
    if (has_extension(name, html))
        return FORMAT_HTML;
    return FORMAT_TEXT;
}

/* ---- charsets ------------------------------------------------------------ */

/* The charsets a declaration may name that dubao converts from, under the
   names iconv knows; declared aliases map to them. */
static const struct {
    const char *alias;
    const char *name;
} charsets[] = {
    {"utf-8", "UTF-8"},           {"utf8", "UTF-8"},
    {"gb18030", "GB18030"},       {"gbk", "GB18030"},
    {"gb2312", "GB18030"},        {"gb_2312-80", "GB18030"},
    {"x-gbk", "GB18030"},         {"cp936", "GB18030"},
    {"ms936", "GB18030"},         {"windows-936", "GB18030"},
    {"euc-cn", "GB18030"},        {"csgb2312", "GB18030"},
    {"big5", "BIG5-HKSCS"},       {"big5-hkscs", "BIG5-HKSCS"},
    {"cp950", "BIG5-HKSCS"},      {"x-x-big5", "BIG5-HKSCS"},
    {"shift_jis", "SHIFT_JIS"},   {"sjis", "SHIFT_JIS"},
    {"euc-jp", "EUC-JP"},         {"euc-kr", "EUC-KR"},
    {"iso-8859-1", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"},
    {"windows-1252", "WINDOWS-1252"}, {"us-ascii", "UTF-8"},
    {"ascii", "UTF-8"},
};

/* The iconv name of a declared charset, or NULL when dubao does not
   know it. */
static const char *charset_name(const char *declared)
{
    char buf[32];
    size_t k = 0;
    while (*declared == ' ' || *declared == '"' || *declared == '\'')
        declared++;
    while (declared[k] && k + 1 < sizeof buf && declared[k] != ' ' &&
           declared[k] != '"' && declared[k] != '\'' && declared[k] != ';') {
        buf[k] = (char)tolower((unsigned char)declared[k]);
        k++;
    }
    buf[k] = '\0';
    for (size_t i = 0; i < sizeof charsets / sizeof *charsets; i++)
        if (strcmp(buf, charsets[i].alias) == 0)
            return charsets[i].name;
    return NULL;
}

/* The declared charset as it may be printed: letters, digits and . _ : -
   only, at most 40 of them (it comes from the file). */
static void safe_charset(const char *declared, char out[41])
{
    size_t k = 0;
    for (const char *p = declared; *p && k < 40; p++)
        if (isalnum((unsigned char)*p) || strchr("._:-", *p))
            out[k++] = *p;
    out[k] = '\0';
    if (k == 0)
        strcpy(out, "?");
}

static bool has_bom(const char *b, size_t n)
{
    return (n >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0) ||
           (n >= 2 && (memcmp(b, "\xFF\xFE", 2) == 0 ||
                       memcmp(b, "\xFE\xFF", 2) == 0));
}

/* Convert the bytes from the iconv charset name strictly; NULL when they
   do not convert cleanly. */
static char *convert_strict(const char *name, const char *b, size_t n,
                            size_t *len)
{
    uint8_t *r = u8_conv_from_encoding(name, iconveh_error, b, n, NULL, NULL,
                                       len);
    if (!r)
        return NULL;
    char *s = xstrndup((const char *)r, *len);
    free(r);
    return s;
}

decode_status decode_declared(const char *bytes, size_t n,
                              const char *declared, decoded_text *out,
                              strbuf *msg)
{
    strbuf tmsg = {0};
    decode_status st = text_decode(bytes, n, out, &tmsg);
    const char *want = declared ? charset_name(declared) : NULL;
    if (st != DECODE_OK && st != DECODE_BAD_ENCODING) {
        if (tmsg.len)
            sb_puts(msg, tmsg.s);
        sb_free(&tmsg);
        return st;
    }
    bool utf8 = u8_check((const uint8_t *)bytes, n) == NULL;
    char shown[41];
    safe_charset(declared ? declared : "", shown);
    if (has_bom(bytes, n) || !declared) {
        /* nothing to weigh */
    } else if (!want) {
        sb_printf(msg, "Its markup declares the charset \"%s\", which "
                       "dubao does not know; read as %s.", shown,
                  st == DECODE_OK ? out->encoding : "text");
    } else if (utf8 && strcmp(want, "UTF-8") != 0) {
        bool ascii = true;
        for (size_t i = 0; i < n && ascii; i++)
            ascii = (unsigned char)bytes[i] < 0x80;
        if (!ascii)
            sb_printf(msg, "Its markup declares the charset %s, but its "
                           "bytes are UTF-8; read as UTF-8.", shown);
    } else if (!utf8 && strcmp(want, "UTF-8") != 0 &&
               (st != DECODE_OK || strcmp(want, out->encoding) != 0)) {
        size_t len;
        char *text = convert_strict(want, bytes, n, &len);
        if (text) {
            if (st == DECODE_OK)
                free(out->text);
            out->text = text;
            out->len = len;
            out->encoding = want;
            out->invalid_count = 0;
            out->first_invalid_offset = 0;
            sb_free(&tmsg);
            return DECODE_OK;
        }
        sb_printf(msg, "Its markup declares the charset %s, but its bytes "
                       "are not %s; read as %s.", shown, want,
                  st == DECODE_OK ? out->encoding : "text");
    } else if (!utf8 && strcmp(want, "UTF-8") == 0 && st == DECODE_OK) {
        sb_printf(msg, "Its markup declares the charset %s, but its bytes "
                       "are not UTF-8; read as %s.", shown, out->encoding);
    }
    if (tmsg.len) {
        if (msg->len)
            sb_putc(msg, ' ');
        sb_puts(msg, tmsg.s);
    }
    sb_free(&tmsg);
    return st;
}
