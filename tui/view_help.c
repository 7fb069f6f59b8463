/* view_help.c - the help pane, built from the keymap so that it always
 * tells the truth about the keys. */
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "view.h"

typedef struct {
    strlist lines;
} help_data;

/* What each action does, in one line. */
static const char *const action_help[ACTION_COUNT] = {
    [ACTION_UP] = "move up (scroll up in the reader)",
    [ACTION_DOWN] = "move down (scroll down in the reader)",
    [ACTION_PAGE_UP] = "move up a page",
    [ACTION_PAGE_DOWN] = "move down a page",
    [ACTION_HALF_PAGE_UP] = "move up half a page",
    [ACTION_HALF_PAGE_DOWN] = "move down half a page",
    [ACTION_HOME] = "go to the first line",
    [ACTION_END] = "go to the last line",
    [ACTION_NEXT_PANE] = "focus the next pane",
    [ACTION_PREV_PANE] = "focus the previous pane",
    [ACTION_ENTER] = "open the selected line",
    [ACTION_BACK] = "go back to where you were; quit at the start",
    [ACTION_QUIT] = "quit dubao",
    [ACTION_REDRAW] = "redraw the screen",
    [ACTION_HELP] = "show this help",
    [ACTION_SEARCH] = "search the focused pane as you type",
    [ACTION_SEARCH_NEXT] = "next match",
    [ACTION_SEARCH_PREV] = "previous match",
    [ACTION_GLOBAL_SEARCH] = "search all articles and quotes (full text)",
    [ACTION_DELEGATES] = "pick a delegate: type Chinese, part of a name "
                         "or pinyin",
    [ACTION_QUOTES] = "show all quotes",
    [ACTION_SPEAKERS] = "show speakers and their quotes",
    [ACTION_ISSUES] = "show issues, articles and the reader",
    [ACTION_NEXT_SECTION] = "reader: next speaker section",
    [ACTION_PREV_SECTION] = "reader: previous speaker section",
    [ACTION_ROLE_FILTER] = "quotes: cycle the role filter (all, 人大代表, "
                           "政协委员, local)",
    [ACTION_MARK] = "quotes: mark or unmark the quote",
    [ACTION_EXPORT] = "quotes: export the marked (else the listed) quotes "
                      "to .md, .csv or .json",
    [ACTION_COPY] = "quotes: copy the quote to the clipboard (OSC 52)",
};

static void help_open(view *v)
{
    help_data *d = v->data ? v->data : (v->data = xcalloc(1, sizeof *d));
    strlist_free(&d->lines);
    for (int a = ACTION_NONE + 1; a < ACTION_COUNT; a++) {
        strbuf keys = {0}, sb = {0};
        options_keys_for(app_options(v->app), (action_id)a, &keys);
        if (keys.len == 0)
            continue;
        sb_printf(&sb, "%-18s %-16s %s", keys.s, options_action_name(a),
                  action_help[a] ? action_help[a] : "");
        strlist_push_owned(&d->lines, sb_take(&sb));
        sb_free(&keys);
    }
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
    (void)selected;
    help_data *d = v->data;
    draw_text(v->win, y, 0, d->lines.v[n], strlen(d->lines.v[n]), v->width);
}

static void help_status(view *v, strbuf *sb)
{
    (void)v;
    sb_puts(sb, "keys \xC2\xB7 q goes back");
}

static void help_free(view *v)
{
    help_data *d = v->data;
    if (!d)
        return;
    strlist_free(&d->lines);
    free(d);
    v->data = NULL;
}

const view_ops help_view_ops = {
    .name = "Help",
    .open = help_open,
    .line_count = help_line_count,
    .draw_line = help_draw_line,
    .line_text = help_line_text,
    .status = help_status,
    .save = view_save_position,
    .restore = view_restore_position,
    .free = help_free,
};
