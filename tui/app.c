/* app.c - the browser: terminal setup, display modes and pane layout, the
 * key loop, position history, the prompt (search, delegate picker) and the
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
#include <time.h>
#include <unistd.h>
#include <unictype.h>
#include <unistr.h>

#include "corpus.h"
#include "draw.h"
#include "export.h"
#include "options.h"
#include "paths.h"
#include "indexer.h"
#include "script.h"
#include "terminal.h"
#include "textwidth.h"
#include "view.h"

/* Every pane, in one array; display modes pick up to three of them. */
enum { V_ISSUES, V_ARTICLES, V_READER, V_SPEAKERS, V_QUOTES, V_HELP,
       V_RESULTS, NVIEWS };

static const view_ops *const all_view_ops[NVIEWS] = {
    &issues_view_ops, &articles_view_ops, &reader_view_ops,
    &speakers_view_ops, &quotes_view_ops, &help_view_ops,
    &results_view_ops,
};

/* A display mode: the panes shown side by side, left to right, and the
   share of the width (percent) of each but the last, which gets the
   rest. */
typedef struct {
    int panes[3];
    int npanes;
    int shares[2];
} display_mode;

enum { MODE_ISSUES, MODE_DELEGATES, MODE_QUOTES, MODE_SEARCH, MODE_HELP,
       NMODES };

/* The quotes of every speaker (and the marked ones) have a mode of their
   own: beside the speakers pane, whose cursor is on one speaker, they
   would look like that speaker's.  The issues pane is wide enough at 100
   columns for a date and a paper of eight characters (2025-03-07
   北京城市副中心报). */
static const display_mode modes[NMODES] = {
    [MODE_ISSUES] = {{V_ISSUES, V_ARTICLES, V_READER}, 3, {28, 28}},
    [MODE_DELEGATES] = {{V_SPEAKERS, V_QUOTES, V_READER}, 3, {20, 30}},
    [MODE_QUOTES] = {{V_QUOTES, V_READER, 0}, 2, {45, 0}},
    [MODE_SEARCH] = {{V_RESULTS, V_READER, 0}, 2, {45, 0}},
    [MODE_HELP] = {{V_HELP, 0, 0}, 1, {0, 0}},
};

/* Where the user was: restored by "back". */
typedef struct {
    int mode;
    int focus;
    view_state states[NVIEWS];
} history_entry;

enum { HISTORY_MAX = 100 };

/* Timing for the benchmark (DUBAO_BENCH_KEYS=FILE with --script): the time
   from start to the first painted screen, then for each key the time from
   taking it to the end of the next repaint (the main loop's or a
   prompt's), in nanoseconds, one per line. */
typedef struct {
    FILE *out;
    struct timespec start;  /* app_run entered */
    struct timespec key;    /* the pending key was taken */
    bool painted;           /* the first screen was painted */
    bool pending;           /* a key waits for its repaint */
} bench_timer;

struct app {
    db *db;
    view views[NVIEWS];
    bool opened[NVIEWS];   /* open() has loaded the view's rows */
    int mode;
    int focus;             /* index into modes[mode].panes */
    bool quit;
    char message[512];     /* one-shot status message */
    char *search;          /* the last search, highlighted; or NULL */
    const char *prompt;    /* label of the prompt being edited, or NULL */
    strbuf *prompt_text;
    history_entry history[HISTORY_MAX];
    size_t nhistory;
    script *script;        /* --script: keys come from here, no terminal */
    int exit_code;         /* a failed :expect sets 1 */
    options opts;          /* keys, colours and settings (config file) */
    char progress[160];    /* long work under way (app_progress), drawn at
                              the right of the status line; cleared when
                              the next key is read */
    struct timespec progress_drawn; /* when it was last drawn */
    bool progress_stopped;   /* app_progress stopped the work: */
    bool progress_cancelled; /* for Esc (else for a key left to read) */
    bench_timer bench;     /* DUBAO_BENCH_KEYS */
    indexer *refresh;      /* the corpus refresh under way, or NULL */
    int64_t refresh_commits; /* its batches the panes were reloaded for */
    char indexing[200];    /* its progress, drawn at the right of the
                              status line */
    bool was_empty;        /* the database held no corpus file at start */
    long keys_taken;       /* keys pressed so far */
};

static long long elapsed_ns(const struct timespec *from)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)(now.tv_sec - from->tv_sec) * 1000000000LL +
           (now.tv_nsec - from->tv_nsec);
}

/* After a repaint: record the first paint or the pending key's time. */
static void bench_after_draw(bench_timer *bt)
{
    if (!bt->out)
        return;
    if (!bt->painted) {
        fprintf(bt->out, "# first_paint_ns %lld\n", elapsed_ns(&bt->start));
        bt->painted = true;
    } else if (bt->pending) {
        fprintf(bt->out, "%lld\n", elapsed_ns(&bt->key));
    }
    bt->pending = false;
}

static void bench_key_taken(bench_timer *bt)
{
    if (bt->out) {
        clock_gettime(CLOCK_MONOTONIC, &bt->key);
        bt->pending = true;
    }
}

/* SIGINT, SIGTERM, SIGHUP: end now, whatever the browser is doing
   (waiting for a key or in the middle of long work), with the terminal
   put back as the shell had it.  An interrupted write to the database is
   undone by SQLite's journal, as after a kill. */
static void on_stop_signal(int sig)
{
    terminal_restore_now();
    _exit(128 + sig);
}

db *app_db(app *a)
{
    return a->db;
}

const options *app_options(app *a)
{
    return &a->opts;
}

view *app_view(app *a, const view_ops *ops)
{
    for (int i = 0; i < NVIEWS; i++)
        if (a->views[i].ops == ops)
            return &a->views[i];
    return NULL;
}

/* The view shown in pane i of the current mode. */
static view *pane(app *a, int i)
{
    return &a->views[modes[a->mode].panes[i]];
}

static view *focused(app *a)
{
    return pane(a, a->focus);
}

void app_focus(app *a, const view_ops *ops)
{
    for (int i = 0; i < modes[a->mode].npanes; i++)
        if (pane(a, i)->ops == ops)
            a->focus = i;
}

void app_message(app *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->message, sizeof a->message, fmt, ap);
    va_end(ap);
}

/* Load a view's rows the first time it is shown. */
static void ensure_open(app *a, int v)
{
    if (!a->opened[v]) {
        a->views[v].ops->open(&a->views[v]);
        a->opened[v] = true;
    }
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
    /* A hidden view keeps its position: clamping it to no rows would
       scroll it away from where the user left it. */
    if (v->win && v->ops->resize)
        v->ops->resize(v);
    if (v->win)
        view_clamp(v);
}

/* Lay the current mode's panes out for the terminal size: side by side
   when wide, only the focused pane when narrow. */
static void app_layout(app *a)
{
    int h = content_rows(), w = COLS;
    const display_mode *m = &modes[a->mode];
    for (int i = 0; i < NVIEWS; i++)
        place_view(&a->views[i], 0, 0, 0, 0);
    for (int i = 0; i < m->npanes; i++)
        ensure_open(a, m->panes[i]);
    bool wide = w >= 90 && h >= 3 && m->npanes > 1;
    if (!wide) {
        place_view(focused(a), 0, 0, h, w);
        return;
    }
    /* Lists on the left, the reader (last) gets the rest. */
    int x = 0;
    for (int i = 0; i < m->npanes; i++) {
        int pw = i + 1 == m->npanes ? w - x : w * m->shares[i] / 100;
        place_view(pane(a, i), 0, x, h, pw);
        x += pw + 1;
    }
}

/* Draw the separators between panes (on stdscr). */
static void draw_separators(app *a)
{
    for (int i = 1; i < modes[a->mode].npanes; i++) {
        view *v = pane(a, i);
        if (v->win && v->x > 0)
            mvvline(0, v->x - 1, ACS_VLINE, content_rows());
    }
}

/* The prompt on the status line; returns the cursor column. */
static int draw_prompt(app *a, int y)
{
    strbuf sb = {0};
    sb_printf(&sb, "%s%s", a->prompt, a->prompt_text->s ? a->prompt_text->s
                                                        : "");
    /* Show the end of a long input. */
    const char *s = sb.s;
    while (text_width(s, strlen(s)) > COLS - 1 && *s) {
        int n = u8_mblen((const uint8_t *)s, strlen(s));
        s += n > 0 ? n : 1;
    }
    int used = draw_text(stdscr, y, 0, s, strlen(s), COLS);
    sb_free(&sb);
    return used < COLS ? used : COLS - 1;
}

/* The bottom line: a prompt, a message, or where the user is, and key
   hints.  Returns the cursor column when a prompt is shown, else -1. */
static int draw_status(app *a)
{
    if (LINES < 2)
        return -1;
    int y = LINES - 1;
    attrset(style_attr(STYLE_STATUS));
    draw_blank(stdscr, y, 0, COLS);
    if (a->prompt) {
        int col = draw_prompt(a, y);
        int pw = text_width(a->progress, strlen(a->progress));
        if (a->progress[0] && col + pw + 1 < COLS)
            draw_text(stdscr, y, COLS - pw, a->progress, strlen(a->progress),
                      pw);
        attrset(A_NORMAL);
        return col;
    }
    strbuf sb = {0};
    if (a->message[0]) {
        sb_puts(&sb, a->message);
    } else {
        view *v = focused(a);
        if (v->ops->status)
            v->ops->status(v, &sb);
    }
    const char *hints = a->progress[0]   ? a->progress
                        : a->indexing[0] ? a->indexing
                                         : " ? help \xC2\xB7 q back";
    int hw = text_width(hints, strlen(hints));
    bool show_hints = COLS >= 60;
    int room = COLS - (show_hints ? hw + 1 : 0);
    draw_text(stdscr, y, 0, sb.s ? sb.s : "", sb.len, room);
    if (show_hints)
        draw_text(stdscr, y, COLS - hw, hints, strlen(hints), hw);
    attrset(A_NORMAL);
    sb_free(&sb);
    return -1;
}

static void app_draw(app *a)
{
    a->progress[0] = '\0'; /* the work it showed is over */
    erase();
    draw_separators(a);
    int cursor_col = draw_status(a);
    wnoutrefresh(stdscr);
    for (int i = 0; i < modes[a->mode].npanes; i++)
        view_draw(pane(a, i), i == a->focus,
                  i == a->focus ? a->search : NULL);
    if (cursor_col >= 0) {
        /* Put the terminal cursor at the end of the prompt. */
        move(LINES - 1, cursor_col);
        wnoutrefresh(stdscr);
        curs_set(1);
    } else {
        curs_set(0);
    }
    doupdate();
    bench_after_draw(&a->bench);
}

/* Free the strings held by a history entry. */
static void history_entry_free(history_entry *h)
{
    for (int i = 0; i < NVIEWS; i++) {
        free(h->states[i].text);
        free(h->states[i].extra);
        h->states[i].text = h->states[i].extra = NULL;
    }
}

void app_push_history(app *a)
{
    if (a->nhistory == HISTORY_MAX) {
        history_entry_free(&a->history[0]);
        memmove(a->history, a->history + 1,
                (HISTORY_MAX - 1) * sizeof *a->history);
        a->nhistory--;
    }
    history_entry *h = &a->history[a->nhistory++];
    memset(h, 0, sizeof *h);
    h->mode = a->mode;
    h->focus = a->focus;
    for (int i = 0; i < modes[a->mode].npanes; i++) {
        int v = modes[a->mode].panes[i];
        if (a->views[v].ops->save)
            a->views[v].ops->save(&a->views[v], &h->states[v]);
    }
}

/* Go back to the last remembered place; false when there is none. */
static bool app_pop_history(app *a)
{
    if (a->nhistory == 0)
        return false;
    history_entry *h = &a->history[--a->nhistory];
    a->mode = h->mode;
    a->focus = h->focus;
    app_layout(a);
    for (int i = 0; i < modes[a->mode].npanes; i++) {
        int v = modes[a->mode].panes[i];
        if (a->views[v].ops->restore)
            a->views[v].ops->restore(&a->views[v], &h->states[v]);
    }
    history_entry_free(h);
    return true;
}

/* Show another display mode with pane focus first focused. */
static void app_switch_mode(app *a, int mode, int focus)
{
    app_push_history(a);
    a->mode = mode;
    a->focus = focus;
    app_layout(a);
    view *v = focused(a);
    if (v->ops->select && v->ops->line_count(v))
        v->ops->select(v, v->cursor);
}

/* Move focus to the next (dir 1) or previous (dir -1) pane. */
static void app_cycle_focus(app *a, int dir)
{
    int n = modes[a->mode].npanes;
    a->focus = (a->focus + n + dir) % n;
}

/* q: back to where the user was, or one pane left, or quit. */
static void app_back(app *a)
{
    if (app_pop_history(a))
        return;
    if (a->focus > 0)
        a->focus--;
    else
        a->quit = true;
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
    if (!scripted && !terminal_can_address_cursor())
        return NULL;
    if (scripted) {
        FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
        screen = out && in ? newterm("xterm-256color", out, in) : NULL;
        if (screen)
            resize_term(30, 100);
    } else {
        terminal_save_modes();
        screen = newterm(NULL, stdout, stdin);
    }
    if (!screen) {
        fprintf(stderr, "dubao: cannot use terminal type '%s'\n",
                getenv("TERM") ? getenv("TERM") : "(unset)");
        return NULL;
    }
    /* cbreak, not raw: Ctrl-Z must suspend (SIGTSTP, handled by ncurses)
       and Ctrl-C interrupt (SIGINT: the terminal is restored). */
    cbreak();
    noecho();
    keypad(stdscr, TRUE);
    curs_set(0);
    return screen;
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
            script_dump_screen(0);
            break;
        case STEP_DUMP_HIGHLIGHT:
            script_dump_screen(style_attr(STYLE_MATCH));
            break;
        case STEP_EXPECT:
            if (!script_screen_contains(st.text)) {
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

/* Look for a key without waiting: none, true; Esc, taken, and false
   (the work stops: cancelled); any other key is left for the next read
   and false (the work stops for it). */
static bool app_poll_key(app *a)
{
    if (a->script) {
        /* Only an Esc right after the key that started the work. */
        if (!script_take_esc(a->script))
            return true;
        a->progress_stopped = a->progress_cancelled = true;
        return false;
    }
    wint_t key;
    nodelay(stdscr, TRUE);
    int rc = get_wch(&key);
    nodelay(stdscr, FALSE);
    if (rc == ERR)
        return true;
    a->progress_stopped = true;
    a->progress_cancelled = rc == OK && key == 27;
    if (!a->progress_cancelled) {
        if (rc == KEY_CODE_YES)
            ungetch((int)key);
        else
            unget_wch((wchar_t)key);
    }
    return false;
}

/* Milliseconds from then to now. */
static long ms_since(const struct timespec *then)
{
    return (long)(elapsed_ns(then) / 1000000);
}

bool app_progress(app *a, const char *what, int64_t done, int64_t total)
{
    if (a->progress[0] && ms_since(&a->progress_drawn) < 100)
        return app_poll_key(a);
    snprintf(a->progress, sizeof a->progress, " %s %lld%% \xC2\xB7 Esc stops ",
             what, total > 0 ? (long long)(done * 100 / total) : 0LL);
    clock_gettime(CLOCK_MONOTONIC, &a->progress_drawn);
    int col = draw_status(a);
    wnoutrefresh(stdscr);
    if (col >= 0)
        move(LINES - 1, col);
    doupdate();
    return app_poll_key(a);
}

/* Read one key; returns false when the loop should stop. */
static bool app_read_key(app *a, wint_t *key, bool *is_key_code)
{
    if (a->script) {
        bool more = app_script_key(a, key, is_key_code);
        bench_key_taken(&a->bench);
        return more;
    }
    int rc = get_wch(key);
    if (rc == ERR)
        return errno == EINTR;
    *is_key_code = rc == KEY_CODE_YES;
    return true;
}


/* The config file to read: $DUBAO_CONFIG, else the user's (none for a
   script: a test must not depend on the user's config).  Heap or NULL. */
static char *config_file(bool scripted)
{
    const char *env = getenv("DUBAO_CONFIG");
    return env ? xstrdup(env) : scripted ? NULL : dubao_config_path();
}

/* The defaults, then the config file on top.  Problems go to warnings
   with their line numbers; everything else applies. */
static void load_options(options *o, bool scripted, strlist *warnings)
{
    options_defaults(o);
    char *path = config_file(scripted);
    if (path)
        options_load_file(o, path, warnings);
    free(path);
    text_set_ambiguous_wide(o->ambiguous_wide);
}

int app_check_config(void)
{
    options o;
    strlist warnings = {0};
    load_options(&o, false, &warnings);
    char *path = config_file(false);
    for (size_t i = 0; i < warnings.n; i++)
        printf("%s\n", warnings.v[i]);
    if (warnings.n == 0)
        printf(access(path, F_OK) == 0 ? "%s: ok\n"
                                       : "%s: no such file; the defaults "
                                         "apply\n", path);
    int rc = warnings.n ? EXIT_RUNTIME : EXIT_OK;
    free(path);
    strlist_free(&warnings);
    options_free(&o);
    return rc;
}

/* Config problems, for the status line of the first screen (they are
   also printed to stderr, which the browser's screen hides until it
   quits). */
static void report_config_problems(app *a, const strlist *warnings)
{
    for (size_t i = 0; i < warnings->n; i++)
        fprintf(stderr, "dubao: %s\n", warnings->v[i]);
    if (warnings->n == 0)
        return;
    strbuf sb = {0};
    sb_puts(&sb, "config: ");
    if (warnings->n > 1) {
        sb_count(&sb, (int64_t)warnings->n, "problem", "problems");
        sb_puts(&sb, ", the first: ");
    }
    sb_printf(&sb, "%s (dubao --check-config lists them)", warnings->v[0]);
    app_message(a, "%s", sb.s);
    sb_free(&sb);
}

/* Called after each edit of the prompt with the text so far. */
typedef void (*prompt_changed)(app *a, const char *text, void *ctx);

/* Edit one line of text at the status line (UTF-8, as typed or committed
   by an input method): Backspace deletes one character, Ctrl-U clears,
   Enter accepts (true), Esc cancels (false). */
static bool app_prompt(app *a, const char *label, strbuf *text,
                       prompt_changed changed, void *ctx)
{
    a->prompt = label;
    a->prompt_text = text;
    bool accepted = false;
    for (;;) {
        app_draw(a);
        wint_t key = 0;
        bool code = false;
        if (!app_read_key(a, &key, &code) || a->quit)
            break;
        if (code && key == KEY_RESIZE) {
            app_layout(a);
            continue;
        }
        if ((!code && (key == '\n' || key == '\r')) ||
            (code && key == KEY_ENTER)) {
            accepted = true;
            break;
        }
        if (!code && key == 27)
            break;
        if ((code && key == KEY_BACKSPACE) ||
            (!code && (key == 127 || key == 8))) {
            if (text->len == 0)
                continue;
            ucs4_t uc;
            const uint8_t *prev =
                u8_prev(&uc, (const uint8_t *)text->s + text->len,
                        (const uint8_t *)text->s);
            text->len = prev ? (size_t)(prev - (const uint8_t *)text->s) : 0;
            text->s[text->len] = '\0';
        } else if (!code && key == 0x15) { /* Ctrl-U */
            sb_clear(text);
        } else if (!code &&
                   !uc_is_general_category((ucs4_t)key, UC_CATEGORY_Cc) &&
                   text->len < 1024) {
            uint8_t buf[6];
            int n = u8_uctomb(buf, (ucs4_t)key, sizeof buf);
            if (n > 0)
                sb_append(text, (const char *)buf, (size_t)n);
        } else {
            continue;
        }
        if (changed)
            changed(a, text->s ? text->s : "", ctx);
    }
    a->prompt = NULL;
    a->prompt_text = NULL;
    return accepted;
}

bool app_read_line(app *a, const char *label, strbuf *text)
{
    return app_prompt(a, label, text, NULL, NULL);
}

bool app_confirm(app *a, const char *question)
{
    strbuf empty = {0};
    a->prompt = question;
    a->prompt_text = &empty;
    wint_t key = 0;
    bool code = false;
    bool yes = false;
    for (;;) {
        app_draw(a);
        if (!app_read_key(a, &key, &code) || a->quit)
            break;
        if (code && key == KEY_RESIZE) {
            app_layout(a);
            continue;
        }
        yes = !code && (key == 'y' || key == 'Y');
        break;
    }
    a->prompt = NULL;
    a->prompt_text = NULL;
    return yes;
}

bool app_copy_to_clipboard(app *a, const char *text)
{
    if (a->script)
        return false;
    char *seq = osc52_sequence(text);
    /* The sequence is base64 inside ESC ] 52 ; c ; ... BEL: no byte of the
       quote reaches the terminal raw. */
    fputs(seq, stdout);
    fflush(stdout);
    free(seq);
    return true;
}

/* Where a search started, to search again from there as the user types. */
typedef struct {
    view_state origin;
} search_ctx;

/* Search v for text from line from on, saying what became of it: not
   found, or stopped (app_progress) by Esc; stopped by another key, it
   says nothing (the key goes on).  Returns whether it found text. */
static bool app_search_view(app *a, view *v, const char *text, int dir,
                            bool include_cursor)
{
    a->progress_stopped = a->progress_cancelled = false;
    if (view_search(v, text, dir, include_cursor)) {
        a->message[0] = '\0';
        return true;
    }
    if (!a->progress_stopped)
        app_message(a, "not found: %s", text);
    else if (a->progress_cancelled)
        app_message(a, "search stopped: %s", text);
    return false;
}

static void search_changed(app *a, const char *text, void *ctx)
{
    search_ctx *sc = ctx;
    view *v = focused(a);
    view_restore_position(v, &sc->origin);
    free(a->search);
    a->search = *text ? xstrdup(text) : NULL;
    a->message[0] = '\0';
    if (*text)
        app_search_view(a, v, text, 1, true);
}

/* /: search the focused pane incrementally; Esc goes back. */
static void app_search(app *a)
{
    view *v = focused(a);
    search_ctx sc;
    memset(&sc, 0, sizeof sc);
    view_save_position(v, &sc.origin);
    strbuf text = {0};
    if (!app_prompt(a, "/", &text, search_changed, &sc)) {
        view_restore_position(v, &sc.origin);
        free(a->search);
        a->search = NULL;
    } else {
        /* Enter pressed while the search for the last text was under way
           stopped it: it runs to its end now (Esc still stops it). */
        if (a->progress_stopped && !a->progress_cancelled && text.len) {
            view_restore_position(v, &sc.origin);
            app_search_view(a, v, text.s, 1, true);
        }
        if (v->ops->select)
            v->ops->select(v, v->cursor);
    }
    sb_free(&text);
}

/* n / N: the next or previous match of the last search. */
static void app_search_again(app *a, int dir)
{
    if (!a->search) {
        app_message(a, "no search yet: press / to search");
        return;
    }
    app_search_view(a, focused(a), a->search, dir, false);
}

static void picker_changed(app *a, const char *text, void *ctx)
{
    (void)ctx;
    view *v = focused(a);
    if (v->ops->filter)
        v->ops->filter(v, text);
}

/* d: the delegate picker.  Typing filters the speakers pane (Chinese,
   part of a name, pinyin); Enter shows the chosen speaker's quotes. */
static void app_pick_delegate(app *a)
{
    app_switch_mode(a, MODE_DELEGATES, 0);
    strbuf text = {0};
    view *v = focused(a);
    if (v->ops->filter)
        v->ops->filter(v, "");
    bool ok = app_prompt(a, "delegate: ", &text, picker_changed, NULL);
    if (ok && v->ops->line_count(v) > 0 && v->ops->enter) {
        v->ops->enter(v, v->cursor);
    } else if (!ok) {
        if (v->ops->filter)
            v->ops->filter(v, "");
        app_pop_history(a);
    } else {
        app_message(a, "no speaker matches %s", text.s ? text.s : "");
    }
    sb_free(&text);
}

/* F: full-text search of every article and quote; the results pane lists
   them ranked, the reader shows the selected one at its match. */
static void app_global_search(app *a)
{
    strbuf text = {0};
    int old_mode = a->mode, old_focus = a->focus;
    bool ok = app_prompt(a, "search all: ", &text, NULL, NULL);
    if (ok && text.len) {
        app_switch_mode(a, MODE_SEARCH, 0);
        view *v = focused(a);
        v->ops->filter(v, text.s);
        if (v->ops->line_count(v) == 0)
            app_message(a, "nothing found for %s", text.s);
    } else {
        a->mode = old_mode;
        a->focus = old_focus;
    }
    sb_free(&text);
}

/* w: who said what about a term.  The speakers quoted on it (the last
   full-text search's, offered for editing) with the number of those
   quotes; the quotes pane beside them shows the selected speaker's quotes
   on it. */
static void app_who(app *a)
{
    strbuf text = {0};
    const char *last = results_view_query(&a->views[V_RESULTS]);
    if (last)
        sb_puts(&text, last);
    if (app_prompt(a, "speakers quoted on: ", &text, NULL, NULL) &&
        text.len) {
        app_switch_mode(a, MODE_DELEGATES, 0);
        speakers_view_show_about(focused(a), text.s);
        if (focused(a)->ops->line_count(focused(a)) == 0)
            app_message(a, "no speaker is quoted on \xE2\x80\x9C%s"
                        "\xE2\x80\x9D", text.s);
    }
    sb_free(&text);
}

/* A mouse event: click focuses a pane and selects a line; the wheel
   scrolls the pane under the pointer. */
static void app_mouse(app *a)
{
    MEVENT ev;
    if (getmouse(&ev) != OK)
        return;
    for (int i = 0; i < modes[a->mode].npanes; i++) {
        view *v = pane(a, i);
        if (!v->win || ev.x < v->x || ev.x >= v->x + v->width ||
            ev.y < v->y || ev.y > v->y + v->height)
            continue;
        if (ev.bstate & BUTTON4_PRESSED) {
            view_move(v, -3);
        } else if (ev.bstate & BUTTON5_PRESSED) {
            view_move(v, 3);
        } else if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) {
            a->focus = i;
            if (ev.y > v->y && !v->ops->pager)
                view_goto(v, v->top + (size_t)(ev.y - v->y - 1));
        }
        return;
    }
}

/* Esc: drop the filters of the panes on screen (each title shows its
   own) and the search highlight; the panes that follow are reloaded. */
static void app_clear_filters(app *a)
{
    bool any = a->search != NULL;
    free(a->search);
    a->search = NULL;
    for (int i = 0; i < modes[a->mode].npanes; i++) {
        view *v = pane(a, i);
        if (v->ops->clear_filter && v->ops->clear_filter(v))
            any = true;
    }
    app_message(a, any ? "filters cleared" : "no filter to clear");
}

/* A pane's own action pressed in another pane: say where it works, in the
   words of the help screen. */
static void app_not_here(app *a, action_id act)
{
    bool reader = act == ACTION_NEXT_SECTION || act == ACTION_PREV_SECTION;
    strbuf keys = {0};
    options_keys_for(&a->opts, act, &keys);
    size_t first = keys.s ? strcspn(keys.s, " ") : 0;
    app_message(a, "%s (%.*s) works in the %s pane",
                options_action_help(act), (int)first, keys.s ? keys.s : "",
                reader ? "Reader" : "Quotes");
    sb_free(&keys);
}

/* Perform one action on the focused pane. */
static void app_do(app *a, action_id act)
{
    view *v = focused(a);
    long page = v->height > 1 ? v->height - 1 : 1;
    if (v->ops->action && v->ops->action(v, act))
        return;
    switch (act) {
    case ACTION_UP: view_move(v, -1); break;
    case ACTION_DOWN: view_move(v, 1); break;
    case ACTION_PAGE_UP: view_move(v, -page); break;
    case ACTION_PAGE_DOWN: view_move(v, page); break;
    case ACTION_HALF_PAGE_UP: view_move(v, -(page / 2 + 1)); break;
    case ACTION_HALF_PAGE_DOWN: view_move(v, page / 2 + 1); break;
    case ACTION_HOME: view_goto(v, 0); break;
    case ACTION_END: view_goto(v, (size_t)-1 / 2); break;
    case ACTION_NEXT_PANE: app_cycle_focus(a, 1); break;
    case ACTION_PREV_PANE: app_cycle_focus(a, -1); break;
    case ACTION_ENTER:
        if (v->ops->enter && v->ops->line_count(v))
            v->ops->enter(v, v->cursor);
        break;
    case ACTION_BACK: app_back(a); break;
    case ACTION_QUIT: a->quit = true; break;
    case ACTION_REDRAW: clearok(curscr, TRUE); break;
    case ACTION_HELP:
        if (a->mode != MODE_HELP)
            app_switch_mode(a, MODE_HELP, 0);
        break;
    case ACTION_SEARCH: app_search(a); break;
    case ACTION_SEARCH_NEXT: app_search_again(a, 1); break;
    case ACTION_SEARCH_PREV: app_search_again(a, -1); break;
    case ACTION_DELEGATES: app_pick_delegate(a); break;
    case ACTION_SPEAKERS: app_switch_mode(a, MODE_DELEGATES, 0); break;
    case ACTION_QUOTES:
        app_switch_mode(a, MODE_QUOTES, 0);
        quotes_view_show_speaker(focused(a), 0, NULL, NULL, 0);
        break;
    case ACTION_MARKS:
        app_switch_mode(a, MODE_QUOTES, 0);
        quotes_view_show_marks(focused(a));
        if (focused(a)->ops->line_count(focused(a)) == 0)
            app_message(a, "no quote is marked yet: m marks one");
        break;
    case ACTION_WHO: app_who(a); break;
    case ACTION_CLEAR_FILTER: app_clear_filters(a); break;
    case ACTION_ISSUES: app_switch_mode(a, MODE_ISSUES, 0); break;
    case ACTION_NEXT_SECTION:
    case ACTION_PREV_SECTION:
    case ACTION_ROLE_FILTER:
    case ACTION_MARK:
    case ACTION_EXPORT:
    case ACTION_COPY:
        app_not_here(a, act);
        break;
    case ACTION_GLOBAL_SEARCH: app_global_search(a); break;
    case ACTION_NONE:
    case ACTION_COUNT:
        break;
    }
}

/* Load the panes again after the refresh committed files.  Before the
   first key they start over at the top (nothing the user did is lost);
   later the panes on screen reload where they are and the others when
   they are shown next. */
static void app_reload_views(app *a)
{
    if (a->keys_taken == 0) {
        for (int i = 0; i < NVIEWS; i++) {
            a->views[i].ops->free(&a->views[i]);
            a->views[i].cursor = a->views[i].top = 0;
            a->opened[i] = false;
        }
        app_layout(a);
        view_select_first(pane(a, 0));
        return;
    }
    for (int i = 0; i < NVIEWS; i++)
        a->opened[i] = false;
    for (int i = 0; i < modes[a->mode].npanes; i++) {
        int v = modes[a->mode].panes[i];
        a->views[v].ops->open(&a->views[v]);
        a->opened[v] = true;
        view_clamp(&a->views[v]);
    }
}

/* The refresh's progress for the status line: "indexing 120 of 3850
   files · 31 of 100 MB · 4.2 MB/s · 17 s left". */
static void describe_refresh(app *a, const index_progress *p)
{
    double mb = (double)p->bytes_done / 1e6;
    double rate = p->seconds > 0 ? mb / p->seconds : 0;
    int n = snprintf(a->indexing, sizeof a->indexing,
                     " indexing %lld of %lld files" SEP "%.0f of %.0f MB"
                     SEP "%.1f MB/s", (long long)p->files_done,
                     (long long)p->files_total, mb,
                     (double)p->bytes_total / 1e6, rate);
    if (rate > 0 && n > 0 && (size_t)n < sizeof a->indexing)
        snprintf(a->indexing + n, sizeof a->indexing - (size_t)n,
                 SEP "%.0f s left ",
                 ((double)p->bytes_total / 1e6 - mb) / rate);
    if (p->files_total == 0)
        snprintf(a->indexing, sizeof a->indexing,
                 " checking the corpus for changes\xE2\x80\xA6 ");
}

/* The refresh is over: the panes show what it stored, and the status
   line what it did (beside what the first screen said: config
   problems); per-file problems are counted there (dubao index prints
   them). */
static void app_refresh_done(app *a, bool stop)
{
    index_report rep;
    strbuf err = {0};
    int rc = indexer_finish(a->refresh, stop, &rep, &err);
    a->refresh = NULL;
    a->indexing[0] = '\0';
    char before[sizeof a->message];
    memcpy(before, a->message, sizeof before);
    a->message[0] = '\0';
    /* Batches committed before a failure stay: reload whenever anything
       may have changed. */
    if (rc != 0 || rep.parsed + rep.skipped + rep.failed + rep.removed > 0) {
        app_reload_views(a);
        if (!a->was_empty)
            app_message(a, "corpus refreshed: %d new or changed, %d removed",
                        rep.parsed, rep.removed);
    }
    if (rc != 0) {
        app_message(a, "corpus not refreshed: %s", err.s ? err.s : "error");
    } else if (rep.notices.n > 0) {
        /* A root that gave nothing, and the files kept from it. */
        app_message(a, "%s", rep.notices.v[0]);
    } else if (rep.failed + rep.skipped + rep.missing + rep.not_read > 0) {
        app_message(a, "%d corpus files or paths could not be read or were "
                    "skipped (dubao index says why)",
                    rep.failed + rep.skipped + rep.missing + rep.not_read);
    } else if (rep.stopped) {
        app_message(a, "indexing stopped: what was stored is kept");
    }
    if (before[0] && a->message[0]) {
        char now[sizeof a->message];
        memcpy(now, a->message, sizeof now);
        app_message(a, "%s" SEP "%s", now, before);
    } else if (before[0]) {
        memcpy(a->message, before, sizeof before);
    }
    sb_free(&err);
    index_report_free(&rep);
}

/* While the refresh runs: its progress on the status line, the panes
   reloaded after each batch it commits, and its end. */
static void app_refresh_poll(app *a)
{
    index_progress p;
    bool done = indexer_poll(a->refresh, &p);
    if (done) {
        app_refresh_done(a, false);
        return;
    }
    describe_refresh(a, &p);
    if (p.commits != a->refresh_commits) {
        a->refresh_commits = p.commits;
        app_reload_views(a);
    }
}

/* Start the refresh of the corpus after the first screen is up, so that
   a large archive opens at once and its first index shows its progress
   while what it committed can be browsed.  A script waits for it before
   its first step: the same screens every time. */
static void app_start_refresh(app *a, const dubao_options *o)
{
    strbuf err = {0};
    a->refresh = indexer_start(o, &err);
    if (!a->refresh)
        app_message(a, "corpus not refreshed: %s", err.s);
    sb_free(&err);
    if (a->refresh && a->script)
        app_refresh_done(a, false);
}

/* Wait for a key, keeping the refresh's progress on the status line
   while it runs.  1 with a key, 0 when the loop should draw and wait
   again, -1 at the end (the script's, or the terminal's). */
static int app_wait_key(app *a, wint_t *key, bool *code)
{
    if (a->refresh) {
        app_refresh_poll(a);
        if (!a->refresh)
            return 0; /* over: the loop draws what it did */
        app_draw(a);
        timeout(200);
        int rc = get_wch(key);
        timeout(-1);
        if (rc == ERR)
            return 0;
        *code = rc == KEY_CODE_YES;
        a->keys_taken++;
        return 1;
    }
    if (!app_read_key(a, key, code))
        return -1;
    a->keys_taken++;
    return 1;
}

int app_run(const dubao_options *o)
{
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    if (!terminal_usable(o->script != NULL))
        return EXIT_RUNTIME;
    app *a = xcalloc(1, sizeof *a);
    a->bench.start = start;
    if (o->script) {
        strbuf err = {0};
        a->script = script_load(o->script, &err);
        if (!a->script) {
            fprintf(stderr, "dubao: %s\n", err.s);
            sb_free(&err);
            free(a);
            return EXIT_USAGE;
        }
    }
    strlist config_warnings = {0};
    load_options(&a->opts, o->script != NULL, &config_warnings);
    report_config_problems(a, &config_warnings);
    strlist_free(&config_warnings);
    /* Open the database as it is and refresh it from the corpus after
       the first screen (an empty one even with -n); a database dubao may
       not write is shown as it is. */
    db *d = open_database(o);
    if (!d) {
        script_free(a->script);
        options_free(&a->opts);
        free(a);
        return EXIT_RUNTIME;
    }
    a->was_empty = db_is_empty(d);
    bool refresh = !o->no_refresh || a->was_empty;
    if (refresh && db_is_readonly(d)) {
        refresh = false;
        fprintf(stderr, "dubao: %s is read-only here: shown as it is, "
                "without looking for changes in the corpus\n", o->db_path);
    }
    a->db = d;
    for (int i = 0; i < NVIEWS; i++) {
        a->views[i].ops = all_view_ops[i];
        a->views[i].app = a;
    }
    install_signal_handlers();
    SCREEN *screen = curses_start(a->script != NULL);
    if (!screen) {
        script_free(a->script);
        options_free(&a->opts);
        db_close(d);
        free(a);
        return EXIT_RUNTIME;
    }
    draw_init(&a->opts);
    if (!a->script && a->opts.mouse)
        mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED |
                      BUTTON5_PRESSED, NULL);
    if (!a->script)
        terminal_prepare_restore(a->opts.mouse);
    app_layout(a);
    view_select_first(pane(a, 0));
    const char *bench_path = getenv("DUBAO_BENCH_KEYS");
    if (bench_path && a->script)
        a->bench.out = fopen(bench_path, "w");
    while (!a->quit) {
        app_draw(a);
        if (refresh) {
            refresh = false;
            app_start_refresh(a, o);
            continue;
        }
        wint_t key = 0;
        bool code = false;
        int got = app_wait_key(a, &key, &code);
        if (got < 0)
            break;
        if (got == 0)
            continue;
        a->message[0] = '\0';
        if (code && key == KEY_RESIZE) {
            app_layout(a);
            continue;
        }
        if (code && key == KEY_MOUSE) {
            app_mouse(a);
            continue;
        }
        int old_focus = a->focus, old_mode = a->mode;
        app_do(a, options_lookup(&a->opts, key, code));
        if (a->focus != old_focus || a->mode != old_mode)
            app_layout(a);
    }
    if (a->bench.out)
        fclose(a->bench.out);
    /* Quitting stops the refresh after the file it is storing; what it
       stored stays for the next start. */
    if (a->refresh)
        app_refresh_done(a, true);
    endwin();
    for (int i = 0; i < NVIEWS; i++) {
        if (a->views[i].win)
            delwin(a->views[i].win);
        a->views[i].ops->free(&a->views[i]);
    }
    while (a->nhistory > 0)
        history_entry_free(&a->history[--a->nhistory]);
    delscreen(screen);
    script_free(a->script);
    db_close(d);
    free(a->search);
    options_free(&a->opts);
    int rc = a->exit_code;
    free(a);
    return rc;
}
