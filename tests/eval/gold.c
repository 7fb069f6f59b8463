/* gold.c - read the gold files of the test pages (format in
 * tests/data/pages/README.md). */
#include "gold.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stddef.h>
#include <sys/stat.h>

/* One bit per header line of gold_line()'s table. */
#define GOLD_ALL_HEADERS 0x7Fu

static const char *const genres[] = {
    "page", "report", "wire", "tv", "presser", "interview", "roundtable",
    "signed", "proposal", "speech", "web", NULL};
static const char *const splits[] = {"dev", "heldout", "shipped", NULL};
static const char *const kinds[] = {"direct", "indirect", "section", NULL};

/* Is s one of the NULL-terminated words? */
static bool one_of(const char *s, const char *const *words)
{
    for (size_t i = 0; words[i]; i++)
        if (strcmp(s, words[i]) == 0)
            return true;
    return false;
}

/* "-" means none: NULL; anything else a copy. */
static char *value_or_null(const char *v)
{
    return strcmp(v, "-") == 0 ? NULL : xstrdup(v);
}

/* Split line at TABs into at most max fields; returns the count. */
static int split_tabs(char *line, char **f, int max)
{
    int n = 0;
    for (char *p = line; p && n < max;) {
        f[n++] = p;
        p = strchr(p, '\t');
        if (p)
            *p++ = '\0';
    }
    return n;
}

/* A header line "key value" (header number bit): store value into *slot,
   NULL for "-" where that is allowed. */
static int header(gold_page *g, const char *line, const char *key,
                  unsigned bit, char **slot, bool nullable,
                  const char *const *allowed, strbuf *err)
{
    const char *v = line + strlen(key) + 1;
    if (g->headers_seen & (1u << bit)) {
        sb_printf(err, "%s given twice", key);
        return -1;
    }
    if (allowed && !one_of(v, allowed)) {
        sb_printf(err, "unknown %s '%s'", key, v);
        return -1;
    }
    g->headers_seen |= 1u << bit;
    *slot = nullable ? value_or_null(v) : xstrdup(v);
    return 0;
}

/* A p line: NAME ROLE [TITLES] [?]. */
static int person_line(gold_page *g, char **f, int nf, strbuf *err)
{
    bool unsure = nf > 3 && strcmp(f[nf - 1], "?") == 0;
    if (unsure)
        nf--;
    if (nf < 3 || nf > 4 || !f[1][0] || !f[2][0]) {
        sb_puts(err, "a p line is p<TAB>NAME<TAB>ROLE[<TAB>TITLES][<TAB>?]");
        return -1;
    }
    g->people = grow_array(g->people, &g->people_cap, g->npeople + 1,
                           sizeof *g->people);
    gold_person *p = &g->people[g->npeople++];
    memset(p, 0, sizeof *p);
    p->name = xstrdup(f[1]);
    p->role = value_or_null(f[2]);
    p->titles_given = nf == 4;
    p->titles = p->titles_given ? value_or_null(f[3]) : NULL;
    p->unsure = unsure;
    return 0;
}

/* A q line: SPEAKER KIND WORDS [?]. */
static int quote_line(gold_page *g, char **f, int nf, strbuf *err)
{
    bool unsure = nf == 5 && strcmp(f[4], "?") == 0;
    if (unsure)
        nf--;
    if (nf != 4 || !f[1][0] || !f[3][0]) {
        sb_puts(err, "a q line is q<TAB>SPEAKER<TAB>KIND<TAB>WORDS[<TAB>?]");
        return -1;
    }
    if (!one_of(f[2], kinds)) {
        sb_printf(err, "unknown quote kind '%s'", f[2]);
        return -1;
    }
    g->quotes = grow_array(g->quotes, &g->quotes_cap, g->nquotes + 1,
                           sizeof *g->quotes);
    gold_quote *q = &g->quotes[g->nquotes++];
    q->speaker = xstrdup(f[1]);
    q->kind = xstrdup(f[2]);
    q->words = xstrdup(f[3]);
    q->unsure = unsure;
    return 0;
}

/* A structure line "L TEXT". */
static int item_line(gold_page *g, const char *line, strbuf *err)
{
    if (!strchr("HDSPBKNMTECX", line[0]) || line[1] != ' ' || !line[2]) {
        sb_printf(err, "not a gold line: %s", line);
        return -1;
    }
    if (line[0] == 'H')
        g->narticles++;
    g->items = grow_array(g->items, &g->items_cap, g->nitems + 1,
                          sizeof *g->items);
    gold_item *it = &g->items[g->nitems++];
    it->letter = line[0];
    it->text = xstrdup(line + 2);
    it->article = g->narticles - 1;
    return 0;
}

/* Parse one line of a gold file. */
static int gold_line(gold_page *g, char *line, strbuf *err)
{
    static const struct {
        const char *key;
        size_t offset;
        bool nullable;
        const char *const *allowed;
    } headers[] = {
        {"source", offsetof(gold_page, source), false, NULL},
        {"outlet", offsetof(gold_page, outlet), false, NULL},
        {"genre", offsetof(gold_page, genre), false, genres},
        {"split", offsetof(gold_page, split), false, splits},
        {"paper", offsetof(gold_page, paper), true, NULL},
        {"date", offsetof(gold_page, date), true, NULL},
        {"edition", offsetof(gold_page, edition), true, NULL},
    };
    for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++) {
        size_t k = strlen(headers[i].key);
        if (strncmp(line, headers[i].key, k) == 0 && line[k] == ' ')
            return header(g, line, headers[i].key, (unsigned)i,
                          (char **)((char *)g + headers[i].offset),
                          headers[i].nullable, headers[i].allowed, err);
    }
    if (strcmp(line, "target loose") == 0) {
        g->loose = true;
        return 0;
    }
    if (strcmp(line, "target strict") == 0) {
        g->strict = true;
        return 0;
    }
    char *f[6];
    if (line[0] == 'p' && line[1] == '\t')
        return person_line(g, f, split_tabs(line, f, 6), err);
    if (line[0] == 'q' && line[1] == '\t')
        return quote_line(g, f, split_tabs(line, f, 6), err);
    return item_line(g, line, err);
}

/* After reading: every header given, every speaker a person. */
static int gold_validate(const gold_page *g, strbuf *err)
{
    if (g->headers_seen != GOLD_ALL_HEADERS) {
        sb_puts(err, "every gold file has the header lines source, outlet, "
                     "genre, split, paper, date and edition");
        return -1;
    }
    for (size_t i = 0; i < g->nquotes; i++) {
        bool known = false;
        for (size_t k = 0; k < g->npeople && !known; k++)
            known = strcmp(g->people[k].name, g->quotes[i].speaker) == 0;
        if (!known) {
            sb_printf(err, "speaker %s has no p line", g->quotes[i].speaker);
            return -1;
        }
    }
    return 0;
}

int gold_load(const char *path, gold_page *g, strbuf *err)
{
    memset(g, 0, sizeof *g);
    g->file = xstrdup(path);
    size_t len;
    char *text = read_whole_file(path, 0, &len);
    if (!text) {
        sb_printf(err, "%s: %s", path, strerror(errno));
        return -1;
    }
    int rc = 0, lineno = 0;
    char *save = NULL;
    /* strtok_r would skip empty lines and so miscount; walk by hand. */
    for (char *line = text; line && rc == 0; line = save) {
        lineno++;
        save = strchr(line, '\n');
        if (save)
            *save++ = '\0';
        size_t n = strlen(line);
        if (n && line[n - 1] == '\r')
            line[--n] = '\0';
        if (n == 0 || line[0] == '#')
            continue;
        strbuf why = {0};
        rc = gold_line(g, line, &why);
        if (rc)
            sb_printf(err, "%s:%d: %s", path, lineno, why.s);
        sb_free(&why);
    }
    free(text);
    if (rc == 0) {
        strbuf why = {0};
        rc = gold_validate(g, &why);
        if (rc)
            sb_printf(err, "%s: %s", path, why.s);
        sb_free(&why);
    }
    return rc;
}

void gold_free(gold_page *g)
{
    for (size_t i = 0; i < g->nitems; i++)
        free(g->items[i].text);
    for (size_t i = 0; i < g->npeople; i++) {
        free(g->people[i].name);
        free(g->people[i].role);
        free(g->people[i].titles);
    }
    for (size_t i = 0; i < g->nquotes; i++) {
        free(g->quotes[i].speaker);
        free(g->quotes[i].kind);
        free(g->quotes[i].words);
    }
    free(g->items);
    free(g->people);
    free(g->quotes);
    free(g->file);
    free(g->source);
    free(g->outlet);
    free(g->genre);
    free(g->split);
    free(g->paper);
    free(g->date);
    free(g->edition);
    memset(g, 0, sizeof *g);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add the .gold files of dir and its subdirectories to out. */
static int list_into(const char *dir, strlist *out, strbuf *err)
{
    DIR *d = opendir(dir);
    if (!d) {
        sb_printf(err, "%s: %s", dir, strerror(errno));
        return -1;
    }
    int rc = 0;
    struct dirent *e;
    while (rc == 0 && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        strbuf path = {0};
        sb_printf(&path, "%s/%s", dir, e->d_name);
        struct stat st;
        size_t n = strlen(e->d_name);
        if (stat(path.s, &st) == 0 && S_ISDIR(st.st_mode))
            rc = list_into(path.s, out, err);
        else if (n > 5 && strcmp(e->d_name + n - 5, ".gold") == 0)
            strlist_push(out, path.s);
        sb_free(&path);
    }
    closedir(d);
    return rc;
}

int gold_list(const char *dir, strlist *out, strbuf *err)
{
    int rc = list_into(dir, out, err);
    if (out->n)
        qsort(out->v, out->n, sizeof *out->v, cmp_str);
    return rc;
}
