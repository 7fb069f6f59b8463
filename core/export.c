/* export.c - quotes to Markdown, CSV and JSON Lines files; OSC 52.
 *
 * Each format is rendered one row at a time into a strbuf, so writing a
 * file needs memory for one row only.  Markdown groups consecutive quotes
 * of one article under a heading (rows come ordered by file and article)
 * and escapes every character Markdown could read as markup.
 */
#include "export.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "json.h"

/* ---- formats -------------------------------------------------------- */

int export_format_for_path(const char *path)
{
    static const struct {
        const char *ext;
        export_format fmt;
    } exts[] = {
        {".md", EXPORT_MARKDOWN},
        {".csv", EXPORT_CSV},
        {".json", EXPORT_JSON},
        {".jsonl", EXPORT_JSON},
    };
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base)
        return -1; /* no extension, or a bare ".csv" */
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (strcasecmp(dot, exts[i].ext) == 0)
            return (int)exts[i].fmt;
    return -1;
}

/* Do two possibly NULL strings differ? */
static bool differ(const char *a, const char *b)
{
    if (!a || !b)
        return a != b;
    return strcmp(a, b) != 0;
}

/* ---- Markdown ------------------------------------------------------- */

/* Append n bytes of one line of text with Markdown markup escaped:
   characters that can start emphasis, code, links, HTML, entities,
   headings, tables or strikethrough anywhere, and the list, heading and
   thematic-break markers that only count at the start of a line. */
static void md_line(strbuf *sb, const char *s, size_t n)
{
    while (n > 0 && (*s == ' ' || *s == '\t')) {
        s++; /* leading blanks would make an indented code block */
        n--;
    }
    size_t digits = 0;
    while (digits < n && s[digits] >= '0' && s[digits] <= '9')
        digits++;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        bool escape = strchr("\\`*_[]<>#|~&", c) != NULL;
        if (i == 0 && (c == '+' || c == '-' || c == '='))
            escape = true;
        if (i == digits && digits > 0 && (c == '.' || c == ')'))
            escape = true; /* "1." would start an ordered list */
        if (c == '\r' || c == '\n')
            c = ' ';
        if (escape)
            sb_putc(sb, '\\');
        sb_putc(sb, c);
    }
}

/* Append s as one line of Markdown (newlines become spaces). */
static void md_inline(strbuf *sb, const char *s)
{
    md_line(sb, s, strlen(s));
}

/* Append text as a block quote: each line prefixed with "> ", and runs
   of newlines as paragraph breaks. */
static void md_blockquote(strbuf *sb, const char *text)
{
    const char *p = text;
    bool first = true;
    while (*p) {
        size_t n = strcspn(p, "\n");
        size_t len = n;
        while (len > 0 && (p[len - 1] == '\r' || p[len - 1] == ' '))
            len--;
        size_t lead = strspn(p, " \t");
        if (lead < len) {
            if (!first)
                sb_puts(sb, ">\n");
            sb_puts(sb, "> ");
            md_line(sb, p, len);
            sb_putc(sb, '\n');
            first = false;
        }
        p += n;
        if (*p == '\n')
            p++;
    }
    if (first)
        sb_puts(sb, ">\n");
}

/* Append one quote in Markdown, with a heading when its article differs
   from the previous row's. */
static void md_row(strbuf *sb, const quote_row *r, const quote_row *prev)
{
    if (!prev || differ(prev->file, r->file) ||
        differ(prev->article, r->article)) {
        sb_puts(sb, "\n## ");
        md_inline(sb, r->article ? r->article : "(no headline)");
        sb_puts(sb, "\n");
        /* The source: paper, date, edition and the file. */
        const char *const source[] = {r->paper, r->date, r->edition,
                                      r->file};
        bool first = true;
        for (size_t i = 0; i < 4; i++) {
            if (!source[i] || !*source[i])
                continue;
            sb_puts(sb, first ? "\n*" : " \xC2\xB7 ");
            md_inline(sb, source[i]);
            first = false;
        }
        if (!first)
            sb_puts(sb, "*\n");
    }
    sb_puts(sb, "\n**");
    md_inline(sb, r->speaker ? r->speaker : "Unattributed");
    sb_puts(sb, "**");
    const char *const extra[] = {r->role, r->delegation, r->titles, r->kind};
    for (size_t i = 0; i < 4; i++) {
        if (extra[i] && *extra[i]) {
            sb_puts(sb, " \xC2\xB7 "); /* middle dot */
            md_inline(sb, extra[i]);
        }
    }
    sb_puts(sb, "\n\n");
    md_blockquote(sb, r->text ? r->text : "");
}

/* ---- CSV and JSON --------------------------------------------------- */

static void csv_row(strbuf *sb, const quote_row *r)
{
    csv_field(sb, r->file, true);
    csv_field(sb, r->article, false);
    csv_field(sb, r->speaker, false);
    csv_field(sb, r->role, false);
    csv_field(sb, r->titles, false);
    csv_field(sb, r->kind, false);
    csv_field(sb, r->text, false);
    csv_field(sb, r->paper, false);
    csv_field(sb, r->date, false);
    csv_field(sb, r->edition, false);
    csv_field(sb, r->delegation, false);
    sb_putc(sb, '\n');
}

static void json_row(strbuf *sb, const quote_row *r)
{
    sb_putc(sb, '{');
    json_field_string(sb, "file", r->file, true);
    json_field_string(sb, "article", r->article, false);
    json_field_string(sb, "speaker", r->speaker, false);
    json_field_string(sb, "role", r->role, false);
    json_field_string(sb, "titles", r->titles, false);
    json_field_string(sb, "kind", r->kind, false);
    json_field_string(sb, "text", r->text, false);
    json_field_string(sb, "paper", r->paper, false);
    json_field_string(sb, "date", r->date, false);
    json_field_string(sb, "edition", r->edition, false);
    json_field_string(sb, "delegation", r->delegation, false);
    sb_puts(sb, "}\n");
}

/* ---- rendering and writing ------------------------------------------ */

/* Append what comes before the first row. */
static void render_head(strbuf *sb, export_format fmt)
{
    if (fmt == EXPORT_MARKDOWN)
        sb_puts(sb, "# Quotes\n");
    else if (fmt == EXPORT_CSV)
        sb_puts(sb, "file,article,speaker,role,titles,kind,text,paper,date,"
                    "edition,delegation\n");
}

/* Append row r, which follows prev (NULL for the first row: the row
   before decides Markdown's headings). */
static void render_one(strbuf *sb, export_format fmt, const quote_row *r,
                       const quote_row *prev)
{
    if (fmt == EXPORT_MARKDOWN)
        md_row(sb, r, prev);
    else if (fmt == EXPORT_CSV)
        csv_row(sb, r);
    else
        json_row(sb, r);
}

/* Append row i of rows. */
static void render_row(strbuf *sb, export_format fmt, const quote_row *rows,
                       size_t i)
{
    render_one(sb, fmt, &rows[i], i > 0 ? &rows[i - 1] : NULL);
}

void export_render(strbuf *out, export_format fmt, const quote_row *rows,
                   size_t n)
{
    render_head(out, fmt);
    for (size_t i = 0; i < n; i++)
        render_row(out, fmt, rows, i);
}

/* Write sb to f and empty it; -1 on a write error. */
static int flush_chunk(FILE *f, strbuf *sb)
{
    int rc = 0;
    if (sb->len > 0 && fwrite(sb->s, 1, sb->len, f) != sb->len)
        rc = -1;
    sb_clear(sb);
    return rc;
}

int export_write_part(FILE *f, export_format fmt, const quote_row *rows,
                      size_t n, bool head)
{
    strbuf sb = {0};
    if (head)
        render_head(&sb, fmt);
    int rc = flush_chunk(f, &sb);
    for (size_t i = 0; i < n && rc == 0; i++) {
        render_row(&sb, fmt, rows, i);
        rc = flush_chunk(f, &sb);
    }
    sb_free(&sb);
    if (rc == 0 && fflush(f) != 0)
        rc = -1;
    return rc;
}

int export_write(FILE *f, export_format fmt, const quote_row *rows,
                 size_t n)
{
    return export_write_part(f, fmt, rows, n, true);
}

/* The temporary file's name template: in path's directory, so that the
   final rename cannot cross file systems. */
static char *temp_template(const char *path)
{
    const char *slash = strrchr(path, '/');
    strbuf sb = {0};
    if (slash)
        sb_append(&sb, path, (size_t)(slash - path) + 1);
    sb_puts(&sb, ".dubao-export-XXXXXX");
    return sb_take(&sb);
}

/* Rename from to to unless to exists (errno EEXIST then).  Where the file
   system cannot rename that way, a hard link does the same. */
static int rename_noreplace(const char *from, const char *to)
{
    if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return -1;
    if (link(from, to) != 0)
        return -1;
    unlink(from);
    return 0;
}

struct export_stream {
    char *path;        /* where the file goes */
    char *tmp;         /* the temporary file written until then */
    FILE *f;
    export_format fmt;
    bool replace;
    bool failed;       /* a write failed (errno in error) */
    int error;
    strbuf sb;
};

export_stream *export_open(const char *path, bool replace, strbuf *err)
{
    int fmt = export_format_for_path(path);
    if (fmt < 0) {
        sb_printf(err, "%s: unknown format (name it .md, .csv, .json or "
                       ".jsonl)", path);
        return NULL;
    }
    char *tmp = temp_template(path);
    int fd = mkostemp(tmp, O_CLOEXEC);
    FILE *f = fd >= 0 && fchmod(fd, 0600) == 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        sb_printf(err, "cannot write %s: %s", path, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(tmp);
        }
        free(tmp);
        return NULL;
    }
    export_stream *x = xcalloc(1, sizeof *x);
    *x = (export_stream){xstrdup(path), tmp, f, (export_format)fmt, replace,
                         false, 0, {0}};
    if (x->fmt == EXPORT_CSV)
        sb_puts(&x->sb, EXPORT_BOM);
    render_head(&x->sb, x->fmt);
    return x;
}

/* Write out what the stream holds once it is large (or when all is
   true); a failure is remembered for export_finish. */
static void stream_flush(export_stream *x, bool all)
{
    if (x->sb.len < (all ? 1 : 65536) || x->failed)
        return;
    if (fwrite(x->sb.s, 1, x->sb.len, x->f) != x->sb.len) {
        x->failed = true;
        x->error = errno;
    }
    sb_clear(&x->sb);
}

void export_add(export_stream *x, const quote_row *row,
                const quote_row *prev)
{
    render_one(&x->sb, x->fmt, row, prev);
    stream_flush(x, false);
}

/* Close the stream and free it; the temporary file stays to the
   caller. */
static void stream_free(export_stream *x)
{
    free(x->path);
    free(x->tmp);
    sb_free(&x->sb);
    free(x);
}

void export_abort(export_stream *x)
{
    if (!x)
        return;
    fclose(x->f);
    unlink(x->tmp);
    stream_free(x);
}

int export_finish(export_stream *x, strbuf *err)
{
    stream_flush(x, true);
    int e = x->error;
    bool ok = !x->failed;
    if (ok && (fflush(x->f) != 0 || fsync(fileno(x->f)) != 0)) {
        ok = false;
        e = errno;
    }
    if (fclose(x->f) != 0 && ok) {
        ok = false;
        e = errno;
    }
    if (ok && (x->replace ? rename(x->tmp, x->path)
                          : rename_noreplace(x->tmp, x->path)) != 0) {
        ok = false;
        e = errno;
    }
    if (!ok) {
        if (e == EEXIST)
            sb_printf(err, "%s exists: not replaced", x->path);
        else
            sb_printf(err, "cannot write %s: %s", x->path, strerror(e));
        unlink(x->tmp);
    }
    stream_free(x);
    errno = e;
    return ok ? 0 : -1;
}

int export_to_path(const char *path, const quote_row *rows, size_t n,
                   bool replace, strbuf *err)
{
    export_stream *x = export_open(path, replace, err);
    if (!x)
        return -1;
    for (size_t i = 0; i < n; i++)
        export_add(x, &rows[i], i > 0 ? &rows[i - 1] : NULL);
    return export_finish(x, err);
}

/* ---- citations ------------------------------------------------------ */

/* Append the parts that are known (not NULL or empty), joined by sep,
   between open and close; nothing when none is known. */
static void append_known(strbuf *sb, const char *const *parts, size_t n,
                         const char *sep, const char *open,
                         const char *close)
{
    bool first = true;
    for (size_t i = 0; i < n; i++) {
        if (!parts[i] || !*parts[i])
            continue;
        sb_puts(sb, first ? open : sep);
        sb_puts(sb, parts[i]);
        first = false;
    }
    if (!first)
        sb_puts(sb, close);
}

char *export_citation(const quote_row *q)
{
    strbuf sb = {0};
    sb_printf(&sb, "\xE2\x80\x9C%s\xE2\x80\x9D\n", q->text ? q->text : "");
    sb_printf(&sb, "\xE2\x80\x94\xE2\x80\x94%s",
              q->speaker ? q->speaker : "(unattributed)");
    const char *const who[] = {q->role, q->delegation, q->titles};
    append_known(&sb, who, 3, "\xEF\xBC\x8C", "\xEF\xBC\x88",
                 "\xEF\xBC\x89");
    sb_putc(&sb, '\n');
    /* 《paper》date，edition，《headline》（file） */
    strbuf title = {0};
    if (q->article)
        sb_printf(&title, "\xE3\x80\x8A%s\xE3\x80\x8B", q->article);
    if (q->paper)
        sb_printf(&sb, "\xE3\x80\x8A%s\xE3\x80\x8B", q->paper);
    const char *const where[] = {q->date, q->edition, title.s};
    append_known(&sb, where, 3, "\xEF\xBC\x8C", "", "");
    if (q->file)
        sb_printf(&sb, "\xEF\xBC\x88%s\xEF\xBC\x89", q->file);
    sb_free(&title);
    return sb_take(&sb);
}

/* ---- base64 and OSC 52 ---------------------------------------------- */

char *base64_encode(const void *data, size_t n)
{
    static const char digits[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const unsigned char *p = data;
    char *out = xmalloc((n + 2) / 3 * 4 + 1);
    char *o = out;
    for (size_t i = 0; i < n; i += 3) {
        unsigned long v = (unsigned long)p[i] << 16;
        if (i + 1 < n)
            v |= (unsigned long)p[i + 1] << 8;
        if (i + 2 < n)
            v |= p[i + 2];
        *o++ = digits[(v >> 18) & 63];
        *o++ = digits[(v >> 12) & 63];
        *o++ = i + 1 < n ? digits[(v >> 6) & 63] : '=';
        *o++ = i + 2 < n ? digits[v & 63] : '=';
    }
    *o = '\0';
    return out;
}

char *osc52_sequence(const char *utf8)
{
    size_t n = strlen(utf8);
    if (n > OSC52_MAX_TEXT) {
        n = OSC52_MAX_TEXT;
        /* Back off to the start of the character at the cut. */
        while (n > 0 && ((unsigned char)utf8[n] & 0xC0) == 0x80)
            n--;
    }
    char *b64 = base64_encode(utf8, n);
    strbuf sb = {0};
    sb_printf(&sb, "\033]52;c;%s\a", b64);
    free(b64);
    return sb_take(&sb);
}
