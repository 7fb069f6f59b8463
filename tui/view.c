/* view.c - navigation, search and drawing shared by every pane. */
#include "view.h"

#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "rows.h"
#include "textwidth.h"

/* Keep the cursor inside the lines and visible in the window. */
void view_clamp(view *v)
{
    size_t n = v->ops->line_count(v);
    size_t h = v->height > 0 ? (size_t)v->height : 1;
    if (v->ops->pager) {
        size_t max_top = n > h ? n - h : 0;
        if (v->top > max_top)
            v->top = max_top;
        v->cursor = v->top;
        return;
    }
    if (n == 0) {
        v->cursor = v->top = 0;
        return;
    }
    if (v->cursor >= n)
        v->cursor = n - 1;
    if (v->cursor < v->top)
        v->top = v->cursor;
    if (v->cursor >= v->top + h)
        v->top = v->cursor - h + 1;
}

/* Move the cursor (or scroll a pager) by delta lines. */
void view_move(view *v, long delta)
{
    size_t old = v->cursor;
    size_t *pos = v->ops->pager ? &v->top : &v->cursor;
    if (delta < 0 && (size_t)-delta > *pos)
        *pos = 0;
    else
        *pos = (size_t)((long)*pos + delta);
    view_clamp(v);
    if (v->cursor != old && v->ops->select)
        v->ops->select(v, v->cursor);
}

void view_goto(view *v, size_t line)
{
    size_t n = v->ops->line_count(v);
    if (n && line >= n)
        line = n - 1;
    long delta = (long)line - (long)(v->ops->pager ? v->top : v->cursor);
    view_move(v, delta);
}

void view_save_position(view *v, view_state *st)
{
    st->cursor = v->cursor;
    st->top = v->top;
}

void view_restore_position(view *v, const view_state *st)
{
    v->cursor = st->cursor;
    v->top = st->top;
    view_clamp(v);
}

/* Does the line's window [start, start+len) of text touch a match of
   needle?  Matches may begin before the window (a wrapped paragraph). */
static bool window_has_match(const char *text, size_t start, size_t len,
                             const char *needle)
{
    size_t nl = strlen(needle);
    for (const char *m = strstr(text, needle); m; m = strstr(m + 1, needle)) {
        size_t ms = (size_t)(m - text);
        if (ms < start + len && ms + nl > start)
            return true;
        if (ms >= start + len)
            break;
    }
    return false;
}

bool view_search(view *v, const char *needle, int dir, bool include_cursor)
{
    size_t n = v->ops->line_count(v);
    if (!needle || !*needle || n == 0 || !v->ops->line_text)
        return false;
    size_t from = v->ops->pager ? v->top : v->cursor;
    if (v->ops->find) {
        size_t start = include_cursor ? from
                       : dir > 0       ? (from + 1) % n
                                       : (from + n - 1) % n, found;
        if (!v->ops->find(v, needle, start, dir, &found))
            return false;
        view_goto(v, found);
        return true;
    }
    for (size_t step = include_cursor ? 0 : 1; step <= n; step++) {
        size_t line = dir > 0 ? (from + step) % n : (from + n - step % n) % n;
        size_t start, len;
        const char *t = v->ops->line_matches
                            ? NULL
                            : v->ops->line_text(v, line, &start, &len);
        if (v->ops->line_matches ? v->ops->line_matches(v, line, needle)
                                 : t && window_has_match(t, start, len,
                                                         needle)) {
            view_goto(v, line);
            return true;
        }
    }
    return false;
}

/* Draw every match of needle on screen row y, which shows the window
   [start, start+len) of text from column 0. */
static void draw_matches(view *v, int y, const char *text, size_t start,
                         size_t len, const char *needle)
{
    size_t nl = strlen(needle);
    for (const char *m = strstr(text, needle); m; m = strstr(m + 1, needle)) {
        size_t ms = (size_t)(m - text);
        if (ms >= start + len)
            break;
        if (ms + nl <= start)
            continue;
        draw_overlay(v->win, y, text + start, len, ms < start ? 0 : ms - start,
                     (ms + nl > start + len ? start + len : ms + nl) - start,
                     v->width, style_attr(STYLE_MATCH));
    }
}

/* Draw the title row and every visible line of the view, with the
   matches of search (may be NULL) highlighted. */
void view_draw(view *v, bool focused, const char *search)
{
    if (!v->win)
        return;
    werase(v->win);
    int title = focused ? STYLE_TITLE_FOCUS : STYLE_TITLE;
    wattrset(v->win, style_attr(title));
    draw_blank(v->win, 0, 0, v->width);
    strbuf sb = {0};
    size_t n = v->ops->line_count(v);
    sb_printf(&sb, " %s", v->ops->name);
    if (!v->ops->pager && n)
        sb_printf(&sb, " %zu/%zu", v->cursor + 1, n);
    else if (!v->ops->pager)
        sb_puts(&sb, " 0");
    if (v->ops->title)
        v->ops->title(v, &sb);
    draw_text(v->win, 0, 0, sb.s, sb.len, v->width);
    sb_free(&sb);
    wattrset(v->win, A_NORMAL);
    view_clamp(v);
    for (int y = 0; y < v->height; y++) {
        size_t line = v->top + (size_t)y;
        if (line >= n)
            break;
        bool sel = focused && !v->ops->pager && line == v->cursor;
        if (sel) {
            wattrset(v->win, style_attr(STYLE_CURSOR));
            draw_blank(v->win, y + 1, 0, v->width);
        }
        v->ops->draw_line(v, y + 1, line, sel);
        wattrset(v->win, A_NORMAL);
        size_t start, len;
        const char *t = search && *search && v->ops->line_text
                            ? v->ops->line_text(v, line, &start, &len)
                            : NULL;
        if (t)
            draw_matches(v, y + 1, t, start, len, search);
    }
    wnoutrefresh(v->win);
}

void *view_row(view *v, struct row_window *w, size_t i, int64_t count)
{
    if ((int64_t)i >= count)
        return NULL;
    void *r = row_window_at(w, v, i);
    if (!r)
        app_message(v->app, "database error: %s", db_errmsg(app_db(v->app)));
    return r;
}

int64_t view_checked_count(view *v, int64_t n)
{
    if (n >= 0)
        return n;
    app_message(v->app, "database error: %s", db_errmsg(app_db(v->app)));
    return 0;
}

void view_select_first(view *v)
{
    if (v->ops->select)
        v->ops->select(v, 0);
}

void view_follow(view *v)
{
    if (v->ops->select)
        v->ops->select(v, v->cursor);
}

void sb_count(strbuf *sb, int64_t n, const char *one, const char *many)
{
    sb_printf(sb, "%lld %s", (long long)n, n == 1 ? one : many);
}

void view_reopen(view *v)
{
    v->ops->open(v);
    v->cursor = v->top = 0;
    view_select_first(v);
}

void view_save_with_query(view *v, const char *query, view_state *st)
{
    view_save_position(v, st);
    st->text = query ? xstrdup(query) : NULL;
}

bool strings_differ(const char *a, const char *b)
{
    return (a == NULL) != (b == NULL) || (a && strcmp(a, b) != 0);
}

void view_restore_with_query(view *v, char **query, const view_state *st)
{
    if (strings_differ(st->text, *query)) {
        free(*query);
        *query = st->text ? xstrdup(st->text) : NULL;
        v->ops->open(v);
    }
    view_restore_position(v, st);
}

void view_append_place(strbuf *sb, const char *paper, const char *date,
                       const char *page, const char *page_name)
{
    const char *parts[] = {paper, date, NULL, page_name};
    strbuf pg = {0};
    if (page)
        sb_printf(&pg, "\xE7\xAC\xAC%s\xE7\x89\x88", page); /* 第…版 */
    parts[2] = pg.s;
    bool any = false;
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        if (!parts[i] || !*parts[i])
            continue;
        if (any)
            sb_putc(sb, ' ');
        sb_puts(sb, parts[i]);
        any = true;
    }
    sb_free(&pg);
}
