/* view_help.c - the help pane, built from the keymap so that it always
 * tells the truth about the keys: the actions in groups, each with the
 * keys bound to it and its config name, then what the panes show, the
 * mouse and the config file.  It is laid out for the pane's width (two
 * columns, both wrapped), so that it reads at 60 columns and wider. */
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "paths.h"
#include "textwidth.h"
#include "view.h"

typedef struct {
    strlist lines;
    int *styles;       /* the style of each line */
    size_t styles_cap;
    int laid_out_for;  /* the width the lines were made for */
} help_data;

/* The actions in the order and groups the help shows them. */
static const struct {
    const char *title;
    action_id actions[12];
} groups[] = {
    {"Moving", {ACTION_UP, ACTION_DOWN, ACTION_PAGE_DOWN, ACTION_PAGE_UP,
                ACTION_HALF_PAGE_DOWN, ACTION_HALF_PAGE_UP, ACTION_HOME,
                ACTION_END, ACTION_NEXT_PANE, ACTION_PREV_PANE}},
    {"Opening and leaving", {ACTION_ENTER, ACTION_BACK, ACTION_QUIT,
                             ACTION_HELP, ACTION_REDRAW}},
    {"Views", {ACTION_ISSUES, ACTION_SPEAKERS, ACTION_QUOTES,
               ACTION_DELEGATES, ACTION_WHO, ACTION_MARKS}},
    {"Searching and filtering", {ACTION_SEARCH, ACTION_SEARCH_NEXT,
                                 ACTION_SEARCH_PREV, ACTION_GLOBAL_SEARCH,
                                 ACTION_ROLE_FILTER, ACTION_CLEAR_FILTER}},
    {"In the quotes pane", {ACTION_MARK, ACTION_EXPORT, ACTION_COPY}},
    {"In the reader", {ACTION_NEXT_SECTION, ACTION_PREV_SECTION}},
};

/* What the panes show, for the legend: a name and its explanation. */
static const char *const legend[][2] = {
    {"Issues", "date, paper (the file name when the paper is unknown), "
               "number of articles"},
    {"Articles", "headline and byline; 3\xE2\x80\xA2 = three speakers "
                 "quoted"},
    {"Speakers", "name, role, delegation (or titles), number of quotes"},
    {"Quotes", "speaker\xEF\xBC\x9Awords; * = marked"},
    {"Titles", "the position (3/9), then the filters (雷军" SEP
               "人大代表): Esc clears them"},
};

static help_data *help_data_of(view *v)
{
    if (!v->data)
        v->data = xcalloc(1, sizeof(help_data));
    return v->data;
}

static void add_line(help_data *d, const char *text, size_t n, int style)
{
    d->styles = grow_array(d->styles, &d->styles_cap, d->lines.n + 1,
                           sizeof *d->styles);
    d->styles[d->lines.n] = style;
    strlist_push_owned(&d->lines, xstrndup(text, n));
}

/* A paragraph of text wrapped at width. */
static void add_text(help_data *d, const char *text, int width, int style)
{
    wrap_line *w;
    size_t n = text_wrap(text, strlen(text), width, &w);
    for (size_t i = 0; i < n; i++)
        add_line(d, text + w[i].start, w[i].len, style);
    free(w);
}

/* Wrap a list of key names at spaces only (a name such as <C-f> is never
   cut), like text_wrap; a name wider than width gets a line of its own. */
static size_t wrap_key_names(const char *s, int width, wrap_line **lines)
{
    size_t n = 0, cap = 0, len = strlen(s);
    *lines = NULL;
    for (size_t p = 0; p < len;) {
        size_t end = p + strcspn(s + p, " ");
        int used = text_width(s + p, end - p);
        while (end < len) {
            size_t next = end + 1 + strcspn(s + end + 1, " ");
            int w = text_width(s + end, next - end);
            if (used + w > width)
                break;
            used += w;
            end = next;
        }
        *lines = grow_array(*lines, &cap, n + 1, sizeof **lines);
        (*lines)[n++] = (wrap_line){p, end - p, used};
        p = end + (end < len);
    }
    return n;
}

/* Add left and right side by side: left (key names) wrapped in a column
   of lw columns, right in the rest of width, row by row. */
static void add_columns(help_data *d, const char *left, const char *right,
                        int lw, int width)
{
    int rw = width - lw - 1;
    if (rw < 8) {
        /* Too narrow for two columns: one under the other. */
        add_text(d, left, width, STYLE_NORMAL);
        add_text(d, right, width, STYLE_NORMAL);
        return;
    }
    wrap_line *l, *r;
    size_t nl = wrap_key_names(left, lw, &l);
    size_t nr = text_wrap(right, strlen(right), rw, &r);
    for (size_t i = 0; i < nl || i < nr; i++) {
        strbuf sb = {0};
        int used = 0;
        if (i < nl) {
            sb_append(&sb, left + l[i].start, l[i].len);
            used = text_width(left + l[i].start, l[i].len);
        }
        if (i < nr) {
            for (; used < lw + 1; used++)
                sb_putc(&sb, ' ');
            sb_append(&sb, right + r[i].start, r[i].len);
        }
        add_line(d, sb.s ? sb.s : "", sb.len, STYLE_NORMAL);
        sb_free(&sb);
    }
    free(l);
    free(r);
}

static void add_heading(help_data *d, const char *title, int width)
{
    if (d->lines.n)
        add_line(d, "", 0, STYLE_NORMAL);
    add_text(d, title, width, STYLE_HEADLINE);
}

/* One action: its keys, then what it does and its config name. */
static void add_action(help_data *d, const options *o, action_id act,
                       int lw, int width)
{
    strbuf keys = {0}, what = {0};
    options_keys_for(o, act, &keys);
    if (keys.len) {
        sb_printf(&what, "%s [%s]", options_action_help(act),
                  options_action_name(act));
        add_columns(d, keys.s, what.s, lw, width);
    }
    sb_free(&keys);
    sb_free(&what);
}

/* The keys column: wide enough for most key lists, a third of the pane
   at most. */
static int key_column_width(int width)
{
    int lw = width / 3;
    return lw < 14 ? lw : lw > 20 ? 20 : lw;
}

static void help_layout(view *v)
{
    help_data *d = help_data_of(v);
    const options *o = app_options(v->app);
    int width = v->width > 1 ? v->width - 1 : 1;
    strlist_free(&d->lines);
    d->laid_out_for = v->width;
    int lw = key_column_width(width);
    bool shown[ACTION_COUNT] = {false};
    for (size_t g = 0; g < sizeof groups / sizeof *groups; g++) {
        add_heading(d, groups[g].title, width);
        for (size_t i = 0; groups[g].actions[i]; i++) {
            add_action(d, o, groups[g].actions[i], lw, width);
            shown[groups[g].actions[i]] = true;
        }
    }
    bool others = false;
    for (int a = ACTION_NONE + 1; a < ACTION_COUNT; a++) {
        if (shown[a])
            continue;
        if (!others)
            add_heading(d, "Other", width);
        others = true;
        add_action(d, o, (action_id)a, lw, width);
    }
    add_heading(d, "What the panes show", width);
    for (size_t i = 0; i < sizeof legend / sizeof *legend; i++)
        add_columns(d, legend[i][0], legend[i][1], lw, width);
    add_heading(d, "Mouse", width);
    add_text(d, o->mouse ? "A click selects a pane and a line; the wheel "
                           "scrolls (set mouse no turns the mouse off)."
                         : "Off (set mouse yes turns it on).",
             width, STYLE_NORMAL);
    add_heading(d, "Config", width);
    char *path = dubao_config_path();
    strbuf sb = {0};
    sb_printf(&sb, "%s is read on top of the defaults: bind KEY ACTION "
              "(the [names] above), color ELEMENT FG BG [ATTR...], set "
              "OPTION VALUE.  dubao --check-config reports mistakes; the "
              "status line shows them at start.", path);
    add_text(d, sb.s, width, STYLE_NORMAL);
    sb_free(&sb);
    free(path);
}

static void help_open(view *v)
{
    help_layout(v);
}

static void help_resize(view *v)
{
    help_data *d = help_data_of(v);
    if (d->laid_out_for != v->width)
        help_layout(v);
}

static size_t help_line_count(view *v)
{
    help_data *d = v->data;
    return d ? d->lines.n : 0;
}

static const char *help_line_text(view *v, size_t n, size_t *start,
                                  size_t *len)
{
    help_data *d = v->data;
    *start = 0;
    *len = strlen(d->lines.v[n]);
    return d->lines.v[n];
}

static void help_draw_line(view *v, int y, size_t n, bool selected)
{
    help_data *d = v->data;
    if (!selected)
        wattrset(v->win, style_attr(d->styles[n]));
    draw_text(v->win, y, 0, d->lines.v[n], strlen(d->lines.v[n]), v->width);
}

static void help_status(view *v, strbuf *sb)
{
    (void)v;
    sb_puts(sb, "keys" SEP "q goes back");
}

static void help_free(view *v)
{
    help_data *d = v->data;
    if (!d)
        return;
    strlist_free(&d->lines);
    free(d->styles);
    free(d);
    v->data = NULL;
}

const view_ops help_view_ops = {
    .name = "Help",
    .open = help_open,
    .line_count = help_line_count,
    .draw_line = help_draw_line,
    .line_text = help_line_text,
    .resize = help_resize,
    .status = help_status,
    .save = view_save_position,
    .restore = view_restore_position,
    .free = help_free,
};
