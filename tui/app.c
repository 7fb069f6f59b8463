/* app.c - the browser: terminal setup, pane layout, the key loop and the
 * status line.  Panes are views (view.h); nothing here knows what a pane
 * shows. */
#include "app.h"

#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unistr.h>

#include "draw.h"
#include "keys.h"
#include "script.h"
#include "textwidth.h"
#include "view.h"

enum { NVIEWS = 3 };

struct app {
    db *db;
    view views[NVIEWS];
    int focus;             /* index into views */
    bool quit;
    char message[512];     /* one-shot status message */
    script *script;        /* --script: keys come from here, no terminal */
    int exit_code;         /* a failed :expect sets 1 */
};

static volatile sig_atomic_t stop_signal;

/* SIGINT, SIGTERM, SIGHUP: leave the key loop and restore the terminal. */
static void on_stop_signal(int sig)
{
    stop_signal = sig;
}

db *app_db(app *a)
{
    return a->db;
}

view *app_view(app *a, const view_ops *ops)
{
    for (int i = 0; i < NVIEWS; i++)
        if (a->views[i].ops == ops)
            return &a->views[i];
    return NULL;
}

void app_focus(app *a, const view_ops *ops)
{
    for (int i = 0; i < NVIEWS; i++)
        if (a->views[i].ops == ops)
            a->focus = i;
}

void app_message(app *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->message, sizeof a->message, fmt, ap);
    va_end(ap);
}

/* Rows available for panes (the last row is the status line). */
static int content_rows(void)
{
    return LINES >= 2 ? LINES - 1 : LINES;
}

/* Give view v a window at (y, x) of size h x w (or none when w or h is 0). */
static void place_view(view *v, int y, int x, int h, int w)
{
    if (v->win) {
        delwin(v->win);
        v->win = NULL;
    }
    v->y = y;
    v->x = x;
    v->width = w > 0 ? w : 0;
    v->height = h > 1 ? h - 1 : 0;
    if (w > 0 && h > 0)
        v->win = newwin(h, w, y, x);
    if (v->ops->resize)
        v->ops->resize(v);
    view_clamp(v);
}

/* Lay the panes out for the terminal size: three columns when wide, only
   the focused pane when narrow. */
static void app_layout(app *a)
{
    int h = content_rows();
    int w = COLS;
    bool wide = w >= 90 && h >= 3;
    if (!wide) {
        for (int i = 0; i < NVIEWS; i++)
            place_view(&a->views[i], 0, 0, i == a->focus ? h : 0,
                       i == a->focus ? w : 0);
        return;
    }
    int w0 = w / 5, w1 = w * 3 / 10;
    int w2 = w - w0 - w1 - 2;
    place_view(&a->views[0], 0, 0, h, w0);
    place_view(&a->views[1], 0, w0 + 1, h, w1);
    place_view(&a->views[2], 0, w0 + w1 + 2, h, w2);
}

/* Draw the separators between panes (on stdscr). */
static void draw_separators(app *a)
{
    for (int i = 1; i < NVIEWS; i++) {
        view *v = &a->views[i];
        if (v->win && v->x > 0)
            mvvline(0, v->x - 1, ACS_VLINE, content_rows());
    }
}

/* The bottom line: where the user is, a message, and key hints. */
static void draw_status(app *a)
{
    if (LINES < 2)
        return;
    int y = LINES - 1;
    attrset(style_attr(STYLE_STATUS));
    draw_blank(stdscr, y, 0, COLS);
    strbuf sb = {0};
    if (a->message[0]) {
        sb_puts(&sb, a->message);
    } else {
        view *v = &a->views[a->focus];
        if (v->ops->status)
            v->ops->status(v, &sb);
    }
    const char *hints = " Tab pane \xC2\xB7 Enter open \xC2\xB7 q back \xC2\xB7 ? help";
    int hw = text_width(hints, strlen(hints));
    int room = COLS - (COLS >= 60 ? hw : 0);
    draw_text(stdscr, y, 0, sb.s ? sb.s : "", sb.len, room);
    if (COLS >= 60)
        draw_text(stdscr, y, COLS - hw, hints, strlen(hints), hw);
    attrset(A_NORMAL);
    sb_free(&sb);
}

static void app_draw(app *a)
{
    erase();
    draw_separators(a);
    draw_status(a);
    wnoutrefresh(stdscr);
    for (int i = 0; i < NVIEWS; i++)
        view_draw(&a->views[i], i == a->focus);
    doupdate();
}

/* Move focus to the next (dir 1) or previous (dir -1) pane. */
static void app_cycle_focus(app *a, int dir)
{
    a->focus = (a->focus + NVIEWS + dir) % NVIEWS;
}

/* q: go back one pane, or quit from the first. */
static void app_back(app *a)
{
    if (a->focus == 0)
        a->quit = true;
    else
        a->focus--;
}

/* Perform one action of the keymap on the focused pane. */
static void app_do(app *a, key_action act)
{
    view *v = &a->views[a->focus];
    long page = v->height > 1 ? v->height - 1 : 1;
    switch (act) {
    case ACT_UP: view_move(v, -1); break;
    case ACT_DOWN: view_move(v, 1); break;
    case ACT_PAGE_UP: view_move(v, -page); break;
    case ACT_PAGE_DOWN: view_move(v, page); break;
    case ACT_HALF_UP: view_move(v, -(page / 2 + 1)); break;
    case ACT_HALF_DOWN: view_move(v, page / 2 + 1); break;
    case ACT_HOME: view_goto(v, 0); break;
    case ACT_END: view_goto(v, (size_t)-1 / 2); break;
    case ACT_NEXT_PANE: app_cycle_focus(a, 1); break;
    case ACT_PREV_PANE: app_cycle_focus(a, -1); break;
    case ACT_ENTER:
        if (v->ops->enter)
            v->ops->enter(v, v->cursor);
        break;
    case ACT_BACK: app_back(a); break;
    case ACT_QUIT: a->quit = true; break;
    case ACT_REDRAW: clearok(curscr, TRUE); break;
    case ACT_HELP: app_message(a, "%s", keys_summary()); break;
    case ACT_NONE: break;
    }
}

/* Check that the terminal can show the browser; message and false if not.
   A scripted run needs no terminal, but still a UTF-8 locale. */
static bool terminal_usable(bool scripted)
{
    if (!scripted && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
        fprintf(stderr, "dubao: the browser needs a terminal (stdin and "
                "stdout must be a tty); use a command such as 'dubao "
                "issues' for scripts.\n");
        return false;
    }
    const char *cs = nl_langinfo(CODESET);
    if (!cs || strcmp(cs, "UTF-8") != 0) {
        fprintf(stderr, "dubao: the browser needs a UTF-8 locale to show "
                "Chinese text (the current character set is %s); try "
                "LANG=C.UTF-8.\n", cs && *cs ? cs : "unknown");
        return false;
    }
    return true;
}

/* Install handlers so that interrupting signals end the loop cleanly. */
static void install_signal_handlers(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

/* Start curses; NULL with a message when the terminal cannot be used.  A
   scripted run draws into a virtual 100x30 screen whose output goes
   nowhere. */
static SCREEN *curses_start(bool scripted)
{
    if (!getenv("ESCDELAY"))
        set_escdelay(25);
    SCREEN *screen;
    if (scripted) {
        FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
        screen = out && in ? newterm("xterm-256color", out, in) : NULL;
        if (screen)
            resize_term(30, 100);
    } else {
        screen = newterm(NULL, stdout, stdin);
    }
    if (!screen) {
        fprintf(stderr, "dubao: cannot use terminal type '%s'\n",
                getenv("TERM") ? getenv("TERM") : "(unset)");
        return NULL;
    }
    raw();
    noecho();
    keypad(stdscr, TRUE);
    curs_set(0);
    draw_init();
    return screen;
}

/* The character a screen cell shows: line-drawing (ACS) cells are stored
   as letters, so map the ones dubao draws back to their Unicode forms. */
static wchar_t cell_char(const cchar_t *cell)
{
    wchar_t wch[CCHARW_MAX + 1];
    attr_t attrs;
    short pair;
    if (getcchar(cell, wch, &attrs, &pair, NULL) == ERR || wch[0] == 0)
        return L' ';
    if (attrs & A_ALTCHARSET) {
        if (wch[0] == L'x')
            return 0x2502; /* │ */
        if (wch[0] == L'q')
            return 0x2500; /* ─ */
    }
    return wch[0];
}

/* Print the virtual screen as text, one line per row, then "----".  Cells
   are read one column at a time; a wide character fills two columns. */
static void dump_screen(void)
{
    strbuf sb = {0};
    for (int y = 0; y < LINES; y++) {
        size_t line_start = sb.len, keep = sb.len;
        for (int x = 0; x < COLS; x++) {
            cchar_t cell;
            if (mvwin_wch(curscr, y, x, &cell) == ERR)
                break;
            wchar_t wc = cell_char(&cell);
            uint8_t buf[6];
            int k = u8_uctomb(buf, (ucs4_t)wc, sizeof buf);
            if (k > 0)
                sb_append(&sb, (const char *)buf, (size_t)k);
            if (wc != L' ')
                keep = sb.len;
            if (text_char_width((unsigned)wc) == 2)
                x++;
        }
        sb.len = keep > line_start ? keep : line_start;
        sb_putc(&sb, '\n');
    }
    sb_puts(&sb, "----\n");
    fwrite(sb.s, 1, sb.len, stdout);
    fflush(stdout);
    sb_free(&sb);
}

/* Does the virtual screen contain text? */
static bool screen_contains(const char *text)
{
    char *saved = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&saved, &size);
    FILE *old = stdout;
    stdout = mem;
    dump_screen();
    stdout = old;
    fclose(mem);
    bool found = saved && strstr(saved, text) != NULL;
    free(saved);
    return found;
}

/* Take the next key from the script, performing dumps, checks and
   resizes on the way.  Returns false at the end of the script. */
static bool app_script_key(app *a, wint_t *key, bool *is_key_code)
{
    for (;;) {
        script_step st = script_next(a->script);
        switch (st.kind) {
        case STEP_KEY:
            *key = st.key;
            *is_key_code = st.is_code;
            return true;
        case STEP_DUMP:
            dump_screen();
            break;
        case STEP_EXPECT:
            if (!screen_contains(st.text)) {
                fprintf(stderr, "dubao: script line %d: the screen does not "
                        "contain '%s'\n", st.line, st.text);
                a->exit_code = EXIT_RUNTIME;
            }
            break;
        case STEP_RESIZE:
            *key = KEY_RESIZE;
            *is_key_code = true;
            resize_term(st.rows, st.cols);
            return true;
        case STEP_END:
            return false;
        }
    }
}

/* Read one key; returns false when the loop should stop. */
static bool app_read_key(app *a, wint_t *key, bool *is_key_code)
{
    if (a->script)
        return app_script_key(a, key, is_key_code);
    int rc = get_wch(key);
    if (stop_signal) {
        a->quit = true;
        return false;
    }
    if (rc == ERR)
        return errno == EINTR;
    *is_key_code = rc == KEY_CODE_YES;
    return true;
}

int app_run(const dubao_options *o)
{
    if (!terminal_usable(o->script != NULL))
        return EXIT_RUNTIME;
    app a;
    memset(&a, 0, sizeof a);
    if (o->script) {
        strbuf err = {0};
        a.script = script_load(o->script, &err);
        if (!a.script) {
            fprintf(stderr, "dubao: %s\n", err.s);
            sb_free(&err);
            return EXIT_USAGE;
        }
    }
    db *d = open_and_index(o, false);
    if (!d) {
        script_free(a.script);
        return EXIT_RUNTIME;
    }
    a.db = d;
    const view_ops *ops[NVIEWS] = {&issues_view_ops, &articles_view_ops,
                                   &reader_view_ops};
    for (int i = 0; i < NVIEWS; i++) {
        a.views[i].ops = ops[i];
        a.views[i].app = &a;
    }
    install_signal_handlers();
    SCREEN *screen = curses_start(a.script != NULL);
    if (!screen) {
        script_free(a.script);
        db_close(d);
        return EXIT_RUNTIME;
    }
    for (int i = 0; i < NVIEWS; i++)
        a.views[i].ops->open(&a.views[i]);
    app_layout(&a);
    if (a.views[0].ops->select && a.views[0].ops->line_count(&a.views[0]))
        a.views[0].ops->select(&a.views[0], 0);
    while (!a.quit) {
        app_draw(&a);
        wint_t key = 0;
        bool code = false;
        if (!app_read_key(&a, &key, &code))
            break;
        a.message[0] = '\0';
        if (code && key == KEY_RESIZE) {
            app_layout(&a);
            continue;
        }
        key_action act = keys_lookup(key, code);
        int old_focus = a.focus;
        app_do(&a, act);
        if (a.focus != old_focus && COLS < 90)
            app_layout(&a);
    }
    endwin();
    for (int i = 0; i < NVIEWS; i++) {
        if (a.views[i].win)
            delwin(a.views[i].win);
        a.views[i].ops->free(&a.views[i]);
    }
    delscreen(screen);
    script_free(a.script);
    db_close(d);
    return stop_signal ? 128 + stop_signal : a.exit_code;
}
