/* view_help.c - the help pane, built from the keymap so that it always
 * tells the truth about the keys. */
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "view.h"

typedef struct {
    strlist lines;
} help_data;

static void help_open(view *v)
{
    help_data *d = v->data ? v->data : (v->data = xcalloc(1, sizeof *d));
    strlist_free(&d->lines);
    for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
        char keys[128];
        keys_for_action((key_action)a, keys, sizeof keys);
        if (!keys[0])
            continue;
        strbuf sb = {0};
        sb_printf(&sb, "%-16s %s", keys, action_description((key_action)a));
        strlist_push_owned(&d->lines, sb_take(&sb));
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
