/* view.c - navigation and drawing shared by every pane. */
#include "view.h"

#include <string.h>

#include "draw.h"

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
    if (v->ops->pager) {
        if (delta < 0 && (size_t)-delta > v->top)
            v->top = 0;
        else
            v->top = (size_t)((long)v->top + delta);
    } else {
        if (delta < 0 && (size_t)-delta > v->cursor)
            v->cursor = 0;
        else
            v->cursor = (size_t)((long)v->cursor + delta);
    }
    view_clamp(v);
    if (v->cursor != old && v->ops->select)
        v->ops->select(v, v->cursor);
}

void view_goto(view *v, size_t line)
{
    long delta = (long)line - (long)(v->ops->pager ? v->top : v->cursor);
    view_move(v, delta);
}

/* Draw the title row and every visible line of the view. */
void view_draw(view *v, bool focused)
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
    draw_text(v->win, 0, 0, sb.s, sb.len, v->width);
    sb_free(&sb);
    wattrset(v->win, A_NORMAL);
    view_clamp(v);
    for (int y = 0; y < v->height; y++) {
        size_t line = v->top + (size_t)y;
        if (line >= n)
            break;
        bool sel = focused && !v->ops->pager && line == v->cursor;
        if (sel)
            wattrset(v->win, style_attr(STYLE_CURSOR));
        draw_blank(v->win, y + 1, 0, sel ? v->width : 0);
        v->ops->draw_line(v, y + 1, line, sel);
        wattrset(v->win, A_NORMAL);
    }
    wnoutrefresh(v->win);
}
