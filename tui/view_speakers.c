/* view_speakers.c - the speakers pane: delegates and other named speakers
 * with role, delegation and quote count; the delegate picker filters it
 * as the user types (Chinese, part of a name, or pinyin); or the speakers
 * quoted on some words (w), with the number of those quotes. */
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "pinyin.h"
#include "rows.h"
#include "view.h"

typedef struct {
    char *query;       /* current filter, or NULL */
    char *about;       /* the words their quotes hold (w), or NULL */
    search_count about_count; /* the quotes counted for about */
    int64_t count;     /* speakers in the list */
    row_window rows;   /* the speakers around the cursor (rows.h) */
    strbuf label;      /* "name role delegation" of the row last asked for */
} speakers_data;

/* rows_fetch_fn for the speakers (ctx: the view): pages of the whole
   list.  A filtered list is small (it comes from the lookup keys) and
   speakers_open loads it whole, so it is never fetched here. */
static ssize_t fetch_speakers(void *ctx, size_t offset, size_t limit,
                              void **rows)
{
    view *v = ctx;
    speakers_data *d = v->data;
    if (d->query || d->about)
        return -1;
    return db_speakers_page(app_db(v->app), offset, limit,
                            (speaker_row **)rows);
}

/* rows_free_fn for the speakers. */
static void free_speakers(void *rows, ssize_t n)
{
    speaker_rows_free(rows, n);
}

static speakers_data *speakers_data_of(view *v)
{
    if (!v->data) {
        speakers_data *d = xcalloc(1, sizeof *d);
        d->rows = (row_window){fetch_speakers, free_speakers,
                               sizeof(speaker_row), NULL, 0, 0};
        v->data = d;
    }
    return v->data;
}

/* Speaker i of the list; NULL on a database error (reported).  Valid
   until the next call. */
static speaker_row *speaker_at(view *v, size_t i)
{
    speakers_data *d = v->data;
    return view_row(v, &d->rows, i, d->count);
}

/* "name role delegation" of speaker r (NULL: empty), as drawn; valid
   until the next call. */
static const char *speaker_label(speakers_data *d, const speaker_row *r)
{
    sb_clear(&d->label);
    sb_puts(&d->label, r ? r->name : "");
    if (r && r->role)
        sb_printf(&d->label, " %s", r->role);
    if (r && r->delegation)
        sb_printf(&d->label, " %s", r->delegation);
    else if (r && r->titles)
        sb_printf(&d->label, " %s", r->titles);
    return d->label.s;
}

static void speakers_open(view *v)
{
    speakers_data *d = speakers_data_of(v);
    row_window_forget(&d->rows);
    if (d->query || d->about) {
        speaker_row *all;
        d->count = d->about ? db_speakers_about(app_db(v->app), d->about,
                                                NULL, &all, &d->about_count)
                            : db_speakers(app_db(v->app), d->query, &all);
        if (d->count >= 0)
            row_window_set(&d->rows, all, (ssize_t)d->count);
    } else {
        d->count = db_speaker_count(app_db(v->app));
    }
    d->count = view_checked_count(v, d->count);
}

static size_t speakers_line_count(view *v)
{
    speakers_data *d = v->data;
    return d ? (size_t)d->count : 0;
}

static const char *speakers_line_text(view *v, size_t n, size_t *start,
                                      size_t *len)
{
    const char *label = speaker_label(v->data, speaker_at(v, n));
    *start = 0;
    *len = strlen(label);
    return label;
}

/* / in the speakers pane finds what the picker (d) finds: part of the
   name, role or delegation as typed or in simplified characters, or the
   name in pinyin. */
static bool speakers_line_matches(view *v, size_t n, const char *needle)
{
    speaker_row *r = speaker_at(v, n);
    if (!r)
        return false;
    const char *label = speaker_label(v->data, r);
    char letters[64];
    if (strstr(label, needle) ||
        (pinyin_query_letters(needle, letters, sizeof letters) > 0 &&
         pinyin_matches_prefix(r->name, needle)))
        return true;
    char *simple = text_simplify(needle);
    bool found = simple && strstr(label, simple);
    free(simple);
    return found;
}

static void speakers_draw_line(view *v, int y, size_t n, bool selected)
{
    speaker_row *r = speaker_at(v, n);
    if (!r)
        return;
    const char *label = speaker_label(v->data, r);
    char count[24];
    int clen = snprintf(count, sizeof count, " %d", r->quotes);
    int room = v->width > clen + 1 ? v->width - clen
                                             : v->width;
    if (!selected)
        wattrset(v->win, style_attr(r->is_delegate ? STYLE_SPEAKER
                                                   : STYLE_NORMAL));
    int used = draw_text(v->win, y, 0, r->name, strlen(r->name), room);
    if (!selected)
        wattrset(v->win, style_attr(STYLE_DIM));
    size_t nl = strlen(r->name);
    draw_text(v->win, y, used, label + nl, strlen(label + nl), room - used);
    if (room < v->width)
        draw_text(v->win, y, room, count, (size_t)clen, clen);
}

/* Show the selected speaker's quotes in the quotes pane. */
static void speakers_select(view *v, size_t n)
{
    speakers_data *d = v->data;
    speaker_row *r = d ? speaker_at(v, n) : NULL;
    view *quotes = app_view(v->app, &quotes_view_ops);
    if (r)
        quotes_view_show_speaker(quotes, r->id, r->name, d->about,
                                 d->about ? d->about_count.first_id : 0);
    else
        quotes_view_clear(quotes);
}

static bool speakers_enter(view *v, size_t n)
{
    app_push_history(v->app);
    speakers_select(v, n);
    app_focus(v->app, &quotes_view_ops);
    return true;
}

/* Show the speakers matching query (NULL: all), or those quoted on
   about; the two do not combine. */
static void speakers_show(view *v, const char *query, const char *about)
{
    speakers_data *d = speakers_data_of(v);
    free(d->query);
    d->query = query && *query ? xstrdup(query) : NULL;
    free(d->about);
    d->about = about && *about ? xstrdup(about) : NULL;
    view_reopen(v);
}

static void speakers_filter(view *v, const char *query)
{
    speakers_show(v, query, NULL);
}

void speakers_view_show_about(view *v, const char *about)
{
    speakers_show(v, NULL, about);
}

static void speakers_title(view *v, strbuf *sb)
{
    speakers_data *d = v->data;
    if (d && d->query)
        sb_printf(sb, " \xE2\x80\x9C%s\xE2\x80\x9D", d->query);
    if (d && d->about)
        sb_printf(sb, " on \xE2\x80\x9C%s\xE2\x80\x9D%s", d->about,
                  d->about_count.more ? " (newest)" : "");
}

/* Esc: every speaker again. */
static bool speakers_clear_filter(view *v)
{
    speakers_data *d = speakers_data_of(v);
    if (!d->query && !d->about)
        return false;
    speakers_show(v, NULL, NULL);
    return true;
}

static void speakers_status(view *v, strbuf *sb)
{
    speakers_data *d = v->data;
    if (!d)
        return;
    sb_count(sb, d->count, "speaker", "speakers");
    if (d->query)
        sb_printf(sb, " matching \xE2\x80\x9C%s\xE2\x80\x9D", d->query);
    if (d->about) {
        sb_printf(sb, " quoted on \xE2\x80\x9C%s\xE2\x80\x9D (", d->about);
        sb_count(sb, d->about_count.total, "quote", "quotes");
        sb_puts(sb, d->about_count.more ? ", counted in the newest only)"
                                        : ")");
    }
    speaker_row *r = speaker_at(v, v->cursor);
    if (r) {
        sb_printf(sb, SEP "%s", r->name);
        if (r->titles)
            sb_printf(sb, " %s", r->titles);
    }
}

/* The name query goes in the view_state's text, the words in extra. */
static void speakers_save(view *v, view_state *st)
{
    speakers_data *d = speakers_data_of(v);
    view_save_with_query(v, d->query, st);
    st->extra = d->about ? xstrdup(d->about) : NULL;
}

static void speakers_restore(view *v, const view_state *st)
{
    speakers_data *d = speakers_data_of(v);
    if (strings_differ(st->text, d->query) ||
        strings_differ(st->extra, d->about)) {
        free(d->query);
        d->query = st->text ? xstrdup(st->text) : NULL;
        free(d->about);
        d->about = st->extra ? xstrdup(st->extra) : NULL;
        speakers_open(v);
    }
    view_restore_position(v, st);
}

static void speakers_free(view *v)
{
    speakers_data *d = v->data;
    if (!d)
        return;
    row_window_forget(&d->rows);
    sb_free(&d->label);
    free(d->query);
    free(d->about);
    free(d);
    v->data = NULL;
}

const view_ops speakers_view_ops = {
    .name = "Speakers",
    .open = speakers_open,
    .line_count = speakers_line_count,
    .draw_line = speakers_draw_line,
    .line_text = speakers_line_text,
    .line_matches = speakers_line_matches,
    .enter = speakers_enter,
    .select = speakers_select,
    .filter = speakers_filter,
    .title = speakers_title,
    .clear_filter = speakers_clear_filter,
    .status = speakers_status,
    .save = speakers_save,
    .restore = speakers_restore,
    .free = speakers_free,
};
