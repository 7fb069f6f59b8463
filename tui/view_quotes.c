/* view_quotes.c - the quotes pane: extracted quotes (speaker, words), for
 * one speaker or all, or the ones the user marked, filtered by role and by
 * the words they hold; Enter jumps to the quote in its article. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "draw.h"
#include "export.h"
#include "paths.h"
#include "rows.h"
#include "view.h"

typedef struct {
    int64_t speaker_id;  /* 0: every speaker; -1: none (an empty list) */
    char *speaker;       /* name of that speaker, for the status line */
    char *about;         /* words the quotes hold (w), or NULL */
    int64_t about_from;  /* only quotes of the articles from this id on
                            (0: all) */
    bool marked_only;    /* the marked quotes (M) */
    role_class roles;
    bool loaded;         /* open() ran for this speaker and filter */
    int64_t count;       /* quotes in the list */
    quote_group *groups; /* the list by document (db_quote_groups) */
    ssize_t ngroups;
    row_window rows;     /* the quotes around the cursor (rows.h) */
    strbuf label;        /* "name：words" of the row last asked for */
} quotes_data;

/* The filter of the list the pane shows. */
static quote_filter quotes_filter(const quotes_data *d)
{
    return (quote_filter){.speaker_id = d->speaker_id, .roles = d->roles,
                          .about = d->about, .about_from = d->about_from,
                          .marked = d->marked_only};
}

/* The group (document) that holds position i of the list (i < count). */
static const quote_group *group_at(const quotes_data *d, size_t i)
{
    ssize_t lo = 0, hi = d->ngroups - 1;
    while (lo < hi) {
        ssize_t mid = lo + (hi - lo + 1) / 2;
        if (d->groups[mid].first <= (int64_t)i)
            lo = mid;
        else
            hi = mid - 1;
    }
    return &d->groups[lo];
}

/* rows_fetch_fn for the quotes (ctx: the view): from the document that
   holds offset, so that a page anywhere in a long list costs the page,
   not the rows before it. */
static ssize_t fetch_quotes(void *ctx, size_t offset, size_t limit,
                            void **rows)
{
    view *v = ctx;
    quotes_data *d = v->data;
    quote_filter f = quotes_filter(d);
    *rows = NULL;
    if ((int64_t)offset >= d->count)
        return 0;
    const quote_group *g = group_at(d, offset);
    return db_quotes_from(app_db(v->app), &f, g, offset - (size_t)g->first,
                          limit, (quote_row **)rows);
}

/* rows_free_fn for the quotes. */
static void free_quotes(void *rows, ssize_t n)
{
    quote_rows_free(rows, n);
}

static quotes_data *quotes_data_of(view *v)
{
    if (!v->data) {
        quotes_data *d = xcalloc(1, sizeof *d);
        d->rows = (row_window){fetch_quotes, free_quotes, sizeof(quote_row),
                               NULL, 0, 0};
        v->data = d;
    }
    return v->data;
}

/* Quote i of the list; NULL on a database error (reported).  Valid until
   the next call. */
static quote_row *quote_at(view *v, size_t i)
{
    quotes_data *d = v->data;
    return view_row(v, &d->rows, i, d->count);
}

/* "name：words" of quote q (NULL: empty), as drawn; valid until the next
   call. */
static const char *quote_label(quotes_data *d, const quote_row *q)
{
    sb_clear(&d->label);
    if (q)
        sb_printf(&d->label, "%s\xEF\xBC\x9A%s",
                  q->speaker ? q->speaker : "\xE2\x80\x94", q->text);
    else
        sb_puts(&d->label, "");
    return d->label.s;
}

static void quotes_open(view *v)
{
    quotes_data *d = quotes_data_of(v);
    row_window_forget(&d->rows);
    quote_groups_free(d->groups, d->ngroups);
    quote_filter f = quotes_filter(d);
    d->ngroups = db_quote_groups(app_db(v->app), &f, &d->groups);
    d->count = 0;
    if (view_checked_count(v, d->ngroups) > 0)
        d->count = d->groups[d->ngroups - 1].first +
                   d->groups[d->ngroups - 1].count;
    if (d->ngroups < 0)
        d->ngroups = 0;
    d->loaded = true;
}

/* Show the quotes of speaker_id (0: every speaker), holding about (NULL:
   any; in the articles from the id about_from on), or the marked ones; a
   list already shown is kept where it is and only the reader follows its
   cursor again. */
static void quotes_show(view *v, int64_t speaker_id, const char *name,
                        const char *about, int64_t about_from,
                        bool marked_only)
{
    quotes_data *d = quotes_data_of(v);
    if (d->loaded && d->speaker_id == speaker_id &&
        !strings_differ(d->about, about) && d->about_from == about_from &&
        d->marked_only == marked_only) {
        view_follow(v); /* the reader may show something else by now */
        return;
    }
    d->speaker_id = speaker_id;
    d->about_from = about_from;
    d->marked_only = marked_only;
    free(d->speaker);
    d->speaker = name ? xstrdup(name) : NULL;
    free(d->about);
    d->about = about ? xstrdup(about) : NULL;
    view_reopen(v);
}

void quotes_view_show_speaker(view *v, int64_t speaker_id, const char *name,
                              const char *about, int64_t about_from)
{
    quotes_show(v, speaker_id, name, about, about_from, false);
}

void quotes_view_show_marks(view *v)
{
    quotes_show(v, 0, NULL, NULL, 0, true);
}

void quotes_view_clear(view *v)
{
    quotes_show(v, -1, NULL, NULL, 0, false);
}

/* How the interface names a role class (the help and README use the same
   words). */
static const char *role_filter_label(role_class c)
{
    return c == ROLE_ANY ? "all roles" : role_class_label(c);
}

static size_t quotes_line_count(view *v)
{
    quotes_data *d = v->data;
    return d ? (size_t)d->count : 0;
}

static const char *quotes_line_text(view *v, size_t n, size_t *start,
                                    size_t *len)
{
    const char *label = quote_label(v->data, quote_at(v, n));
    *start = 0;
    *len = strlen(label);
    return label;
}

/* Rows a search reads between two looks at the keyboard (a few ms). */
#define FIND_CHUNK 4096

/* What a search of the list is looking for, and how far it got. */
typedef struct {
    const char *needle;
    strbuf label;   /* the row's label, as quote_label makes it */
    bool matched;   /* the last row read holds the needle */
} find_state;

/* db_quotes_scan callback: does the row's label hold the needle? */
static int label_has(const char *speaker, const char *text, void *ctx)
{
    find_state *fs = ctx;
    sb_clear(&fs->label);
    sb_printf(&fs->label, "%s\xEF\xBC\x9A%s",
              speaker ? speaker : "\xE2\x80\x94", text);
    fs->matched = strstr(fs->label.s, fs->needle) != NULL;
    return fs->matched;
}

/* The position in the list of hit h (-1 when its document is not among the
   groups). */
static int64_t hit_position(const quotes_data *d, const quote_hit *h)
{
    ssize_t lo = 0, hi = d->ngroups;
    while (lo < hi) {
        ssize_t mid = lo + (hi - lo) / 2;
        const quote_group *g = &d->groups[mid];
        int c = strcmp(g->file, h->file);
        if (c == 0)
            c = g->document_id < h->document_id ? -1
                                                : g->document_id > h->document_id;
        if (c == 0)
            return g->first + h->index;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* Hits a search of every quote takes from the index at most; with more,
   it walks the list. */
#define FIND_MAX_HITS 20000

/* Find needle in the list of every quote through the index
   (db_quote_label_hits): the first hit from line from on in direction
   dir, round past the end.  1 found, 0 not in the list, -1 when the index
   cannot tell (walk the list). */
static int find_by_index(view *v, const char *needle, size_t from, int dir,
                         size_t *found)
{
    quotes_data *d = v->data;
    quote_hit *hits;
    ssize_t n = db_quote_label_hits(app_db(v->app), needle, FIND_MAX_HITS,
                                    &hits);
    if (n < 0 || n > FIND_MAX_HITS) {
        quote_hits_free(hits, n > 0 ? n : 0);
        return -1;
    }
    int64_t best = -1, wrap = -1, at = (int64_t)from;
    for (ssize_t i = 0; i < n; i++) {
        int64_t p = hit_position(d, &hits[i]);
        if (p < 0)
            continue;
        /* Going down: the first at or after from, else the first of all;
           going up: the last at or before from, else the last of all. */
        if (dir > 0 ? p >= at && (best < 0 || p < best)
                    : p <= at && (best < 0 || p > best))
            best = p;
        if (wrap < 0 || (dir > 0 ? p < wrap : p > wrap))
            wrap = p;
    }
    quote_hits_free(hits, n);
    if (best < 0)
        best = wrap;
    if (best >= 0)
        *found = (size_t)best;
    return best >= 0;
}

/* Rows a search of every quote walks before it asks the index. */
#define FIND_NEAR 512

/* view_ops.find: walk the list in the database from line from, a chunk
   at a time with a look at the keyboard in between (app_progress), the
   rows found through their document like a page (group_at).  In the list of
   every quote, a needle not found near from is looked up in the index
   (find_by_index): a rare or missing word costs no walk of the list. */
static bool quotes_find(view *v, const char *needle, size_t from, int dir,
                        size_t *found)
{
    quotes_data *d = v->data;
    if (!d || d->count == 0)
        return false;
    find_state fs = {needle, {0}, false};
    quote_filter f = quotes_filter(d);
    bool every = d->speaker_id == 0 && d->roles == ROLE_ANY && !d->about &&
                 !d->marked_only;
    int64_t n = d->count, pos = (int64_t)from, done = 0;
    bool hit = false, stopped = false, asked = !every;
    while (done < n && !hit && !stopped) {
        if (!asked && done >= FIND_NEAR) {
            asked = true;
            int rc = find_by_index(v, needle, (size_t)pos, dir, found);
            if (rc >= 0) {
                sb_free(&fs.label);
                return rc == 1;
            }
        }
        const quote_group *g = group_at(d, (size_t)pos);
        size_t skip = dir > 0 ? (size_t)(pos - g->first)
                              : (size_t)(g->first + g->count - 1 - pos);
        /* Up to the end of the list (or its start), and no further than
           the rows not seen yet. */
        int64_t room = dir > 0 ? n - pos : pos + 1;
        int64_t max = room < n - done ? room : n - done;
        int64_t chunk = asked ? FIND_CHUNK : FIND_NEAR;
        if (max > chunk)
            max = chunk;
        int64_t seen = db_quotes_scan(app_db(v->app), &f, g, skip, dir < 0,
                                      max, label_has, &fs);
        if (seen <= 0) {
            if (seen < 0)
                app_message(v->app, "database error: %s",
                            db_errmsg(app_db(v->app)));
            break;
        }
        hit = fs.matched;
        int64_t last = pos + (seen - 1) * dir;
        if (hit)
            *found = (size_t)last;
        done += seen;
        pos = (last + dir + n) % n;
        if (!hit && done < n)
            stopped = !app_progress(v->app, "searching", done, n);
    }
    sb_free(&fs.label);
    return hit;
}

/* A marked quote starts with this glyph (and is coloured): with NO_COLOR
   or on a monochrome terminal the glyph alone tells it apart. */
#define MARK_GLYPH "*"

static void quotes_draw_line(view *v, int y, size_t n, bool selected)
{
    quote_row *q = quote_at(v, n);
    const char *label = quote_label(v->data, q);
    const char *colon = strstr(label, "\xEF\xBC\x9A");
    size_t name_len = colon ? (size_t)(colon - label) + 3 : 0;
    bool marked = q && q->marked;
    if (!selected)
        wattrset(v->win, style_attr(marked ? STYLE_MARK : STYLE_SPEAKER));
    int used = draw_text(v->win, y, 0, marked ? MARK_GLYPH : " ", 1,
                         v->width);
    used += draw_text(v->win, y, used, label, name_len, v->width - used);
    if (!selected)
        wattrset(v->win, A_NORMAL);
    draw_text(v->win, y, used, label + name_len, strlen(label + name_len),
              v->width - used);
}

/* Show the selected quote in its article in the reader. */
static void quotes_select(view *v, size_t n)
{
    quotes_data *d = v->data;
    quote_row *q = d ? quote_at(v, n) : NULL;
    view *reader = app_view(v->app, &reader_view_ops);
    if (q)
        reader_view_show_article(reader, q->article_id, q->article, q->start,
                                 q->end);
    else
        reader_view_clear(reader);
}

static bool quotes_enter(view *v, size_t n)
{
    app_push_history(v->app);
    quotes_select(v, n);
    app_focus(v->app, &reader_view_ops);
    return true;
}

/* m: mark or unmark the quote under the cursor. */
static bool quotes_mark(view *v)
{
    quotes_data *d = quotes_data_of(v);
    quote_row *q = quote_at(v, v->cursor);
    if (!q)
        return true;
    int rc = db_mark_toggle(app_db(v->app), q);
    if (rc < 0) {
        app_message(v->app, "cannot mark: %s", db_errmsg(app_db(v->app)));
        return true;
    }
    q->marked = rc == 1;
    quote_filter f = quotes_filter(d);
    int64_t marked = db_quote_count(app_db(v->app), &f, true);
    app_message(v->app, "%s" SEP "%lld marked here",
                rc ? "marked" : "unmarked", (long long)marked);
    if (d->marked_only) {
        /* The list of marks loses the quote at once; the cursor stays on
           the row that takes its place. */
        size_t at = v->cursor, top = v->top;
        quotes_open(v);
        v->cursor = at;
        v->top = top;
        view_clamp(v);
        view_follow(v);
    } else {
        view_move(v, 1);
    }
    return true;
}

/* The file the export prompt offers: dubao-quotes.md in the documents
   directory (never the current one, which may be a source tree), written
   with ~ for the home directory (heap). */
static char *default_export_path(void)
{
    char *dir = dubao_documents_dir();
    strbuf sb = {0};
    sb_printf(&sb, "%s/dubao-quotes.md", dir);
    char *shown = path_abbreviate_home(sb.s);
    sb_free(&sb);
    free(dir);
    return shown;
}

/* Ask for the file to export to (~ and $HOME expand), and whether to
   replace it when it exists.  Returns the path (heap) and *replace, or
   NULL when the user cancelled. */
static char *ask_export_path(view *v, bool *replace)
{
    strbuf typed = {0};
    char *offer = default_export_path();
    sb_puts(&typed, offer);
    free(offer);
    char *path = NULL;
    if (app_read_line(v->app, "export to (.md .csv .json): ", &typed) &&
        typed.len > 0)
        path = path_expand_home(typed.s);
    sb_free(&typed);
    *replace = false;
    if (path && access(path, F_OK) == 0) {
        strbuf q = {0};
        char *shown = path_abbreviate_home(path);
        sb_printf(&q, "%s exists. Replace it? (y/n) ", shown);
        free(shown);
        *replace = app_confirm(v->app, q.s);
        sb_free(&q);
        if (!*replace) {
            app_message(v->app, "not exported: the file exists");
            free(path);
            path = NULL;
        }
    }
    return path;
}

/* What streaming the list into an export file needs (export_row). */
typedef struct {
    view *v;
    export_stream *x;
    quote_row prev;   /* the row before (Markdown's headings) */
    bool have_prev;
    int64_t done, total;
    bool stopped;     /* the user stopped it (app_progress) */
} export_run;

/* db_quotes_each callback: add one row to the file, and say how far the
   export is; non-zero stops it. */
static int export_row(quote_row *r, void *ctx)
{
    export_run *e = ctx;
    export_add(e->x, r, e->have_prev ? &e->prev : NULL);
    if (e->have_prev)
        quote_row_clear(&e->prev);
    e->prev = *r;
    e->have_prev = true;
    e->done++;
    if ((e->done == 1 || e->done % 1024 == 0) &&
        !app_progress(e->v->app, "exporting", e->done, e->total))
        e->stopped = true;
    return e->stopped;
}

/* e: export the marked quotes of the list, or the whole list when none is
   marked, to a file whose extension picks the format.  The list is read
   from the database a row at a time and written as it comes, with its
   progress on the status line: Esc stops it and leaves no file. */
static bool quotes_export(view *v)
{
    quotes_data *d = quotes_data_of(v);
    bool replace;
    char *path = ask_export_path(v, &replace);
    if (!path)
        return true;
    quote_filter f = quotes_filter(d);
    int64_t marked = db_quote_count(app_db(v->app), &f, true);
    f.marked = f.marked || marked > 0;
    strbuf err = {0}, what = {0};
    export_run e = {v, export_open(path, replace, &err), {0}, false, 0,
                    marked > 0 ? marked : d->count, false};
    int rc = marked < 0 || !e.x ? -1
             : db_quotes_each(app_db(v->app), &f, export_row, &e);
    if (e.have_prev)
        quote_row_clear(&e.prev);
    char *shown = path_abbreviate_home(path);
    sb_count(&what, e.done, marked > 0 ? "marked quote" : "quote",
             marked > 0 ? "marked quotes" : "quotes");
    if (e.stopped) {
        export_abort(e.x);
        app_message(v->app, "export stopped: %s not written", shown);
    } else if (rc != 0) {
        export_abort(e.x);
        app_message(v->app, "export failed: %s",
                    err.len ? err.s : db_errmsg(app_db(v->app)));
    } else if (export_finish(e.x, &err) == 0) {
        app_message(v->app, "exported %s to %s", what.s, shown);
    } else {
        app_message(v->app, "export failed: %s", err.s ? err.s : "");
    }
    free(shown);
    sb_free(&err);
    sb_free(&what);
    free(path);
    return true;
}

/* y: copy the quote under the cursor with its source (a citation) to the
   clipboard (OSC 52). */
static bool quotes_copy(view *v)
{
    quotes_data_of(v);
    quote_row *q = quote_at(v, v->cursor);
    if (!q)
        return true;
    char *text = export_citation(q);
    size_t len = strlen(text);
    if (app_copy_to_clipboard(v->app, text))
        app_message(v->app, "copied the quote and its source (%zu bytes)%s",
                    len > OSC52_MAX_TEXT ? (size_t)OSC52_MAX_TEXT : len,
                    len > OSC52_MAX_TEXT ? ", cut at 100 KB" : "");
    else
        app_message(v->app, "no terminal to copy to");
    free(text);
    return true;
}

static bool quotes_action(view *v, action_id act)
{
    if (act == ACTION_MARK)
        return quotes_mark(v);
    if (act == ACTION_EXPORT)
        return quotes_export(v);
    if (act == ACTION_COPY)
        return quotes_copy(v);
    if (act != ACTION_ROLE_FILTER)
        return false;
    quotes_data *d = quotes_data_of(v);
    d->roles = (role_class)((d->roles + 1) % ROLE_CLASS_COUNT);
    view_reopen(v);
    strbuf msg = {0};
    sb_count(&msg, d->count, "quote", "quotes");
    app_message(v->app, "role filter: %s" SEP "%s",
                role_filter_label(d->roles), msg.s);
    sb_free(&msg);
    return true;
}

static void quotes_title(view *v, strbuf *sb)
{
    quotes_data *d = v->data;
    if (d && d->marked_only)
        sb_puts(sb, SEP "marked");
    if (d && d->speaker)
        sb_printf(sb, SEP "%s", d->speaker);
    if (d && d->about)
        sb_printf(sb, SEP "on \xE2\x80\x9C%s\xE2\x80\x9D%s", d->about,
                  d->about_from ? " (newest)" : "");
    if (d && d->roles != ROLE_ANY)
        sb_printf(sb, SEP "%s", role_filter_label(d->roles));
}

/* Esc: every role again, and every quote instead of the marked ones (the
   words and the speaker are the speakers pane's to clear). */
static bool quotes_clear_filter(view *v)
{
    quotes_data *d = quotes_data_of(v);
    if (d->roles == ROLE_ANY && !d->marked_only)
        return false;
    d->roles = ROLE_ANY;
    d->marked_only = false;
    view_reopen(v);
    return true;
}

/* The source of a quote, as a citation gives it: paper (or file), date,
   edition, headline. */
static void quote_source(const quote_row *q, strbuf *sb)
{
    sb_puts(sb, q->paper ? q->paper : q->file);
    if (q->date)
        sb_printf(sb, " %s", q->date);
    if (q->edition)
        sb_printf(sb, " %s", q->edition);
    sb_printf(sb, SEP "%s", q->article);
}

static void quotes_status(view *v, strbuf *sb)
{
    quotes_data *d = v->data;
    if (!d)
        return;
    sb_count(sb, d->count, d->marked_only ? "marked quote" : "quote",
             d->marked_only ? "marked quotes" : "quotes");
    if (d->speaker)
        sb_printf(sb, " of %s", d->speaker);
    if (d->about)
        sb_printf(sb, " on \xE2\x80\x9C%s\xE2\x80\x9D%s", d->about,
                  d->about_from ? " in the newest quotes" : "");
    if (d->roles != ROLE_ANY)
        sb_printf(sb, SEP "%s", role_filter_label(d->roles));
    quote_row *q = quote_at(v, v->cursor);
    if (q) {
        sb_printf(sb, SEP "%s" SEP, q->kind);
        quote_source(q, sb);
    }
}

/* What the pane shows in a view_state: the speaker (id, name in text),
   the words (extra), and in arg the role class and, above it, whether
   only marked quotes are shown. */
enum { MARKED_BIT = 256 };

static void quotes_save(view *v, view_state *st)
{
    quotes_data *d = quotes_data_of(v);
    view_save_position(v, st);
    st->id = d->speaker_id;
    st->arg = d->roles | (d->marked_only ? MARKED_BIT : 0);
    st->text = d->speaker ? xstrdup(d->speaker) : NULL;
    st->extra = d->about ? xstrdup(d->about) : NULL;
    st->arg2 = d->about_from;
}

static void quotes_restore(view *v, const view_state *st)
{
    quotes_data *d = quotes_data_of(v);
    int64_t arg = d->roles | (d->marked_only ? MARKED_BIT : 0);
    if (st->id != d->speaker_id || st->arg != arg ||
        strings_differ(st->extra, d->about) || st->arg2 != d->about_from ||
        !d->loaded) {
        d->speaker_id = st->id;
        d->about_from = st->arg2;
        d->roles = (role_class)(st->arg & (MARKED_BIT - 1));
        d->marked_only = (st->arg & MARKED_BIT) != 0;
        free(d->speaker);
        d->speaker = st->text ? xstrdup(st->text) : NULL;
        free(d->about);
        d->about = st->extra ? xstrdup(st->extra) : NULL;
        quotes_open(v);
    }
    view_restore_position(v, st);
}

static void quotes_free(view *v)
{
    quotes_data *d = v->data;
    if (!d)
        return;
    row_window_forget(&d->rows);
    quote_groups_free(d->groups, d->ngroups);
    sb_free(&d->label);
    free(d->speaker);
    free(d->about);
    free(d);
    v->data = NULL;
}

const view_ops quotes_view_ops = {
    .name = "Quotes",
    .open = quotes_open,
    .line_count = quotes_line_count,
    .draw_line = quotes_draw_line,
    .line_text = quotes_line_text,
    .find = quotes_find,
    .enter = quotes_enter,
    .select = quotes_select,
    .action = quotes_action,
    .title = quotes_title,
    .clear_filter = quotes_clear_filter,
    .status = quotes_status,
    .save = quotes_save,
    .restore = quotes_restore,
    .free = quotes_free,
};
