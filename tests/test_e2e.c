/* test_e2e.c - the browser driven through tmux at 100x30 with
 * LANG=C.UTF-8, reading the real screen with capture-pane. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <dirent.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "textwidth.h"

/* Start the browser on the shipped corpus with a fresh database. */
static void start_browser(int cols, int rows, const char *db_out_dir)
{
    const char *bin = getenv("DUBAO_BIN");
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s --db %s/e2e.db", bin ? bin : "./dubao",
             db_out_dir);
    assert_int_equal(tmux_start(cmd, cols, rows), 0);
}

/* The first n bytes (whole characters) of the first headline of the first
   issue, as the command line reports it. */
static char *first_headline(const char *dir)
{
    const char *bin = getenv("DUBAO_BIN");
    char db[600];
    snprintf(db, sizeof db, "%s/e2e.db", dir);
    char *argv[] = {(char *)(bin ? bin : "./dubao"), "--db", db, "articles",
                    "--json", NULL};
    strbuf out = {0};
    assert_int_equal(test_run(argv, &out, NULL), 0);
    char *h = strstr(out.s, "\"headline\":\"");
    assert_non_null(h);
    h += strlen("\"headline\":\"");
    /* Four CJK characters are enough to recognise it on screen. */
    char *r = xstrndup(h, 12);
    sb_free(&out);
    return r;
}

/* Whether every screen line fits the terminal width (no wide character
   pushed past the edge) and contains no raw escape characters. */
static bool screen_is_clean(const char *screen, int cols)
{
    for (const char *p = screen; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (text_width(p, n) > cols || memchr(p, 0x1b, n))
            return false;
        p += n + (nl ? 1 : 0);
    }
    return true;
}

static void assert_screen_clean(const char *screen, int cols)
{
    assert_true(screen_is_clean(screen, cols));
}

/* Waits until the screen shows TEXT and is clean at COLS columns: after a
   resize, tmux keeps the old, wider lines until the program repaints, so
   the first capture that shows TEXT may predate the repaint. */
static char *wait_for_clean_screen(const char *text, int cols, int timeout_ms)
{
    for (int waited = 0; waited <= timeout_ms; waited += 50) {
        char *screen = tmux_wait_for(text, 50);
        if (screen && screen_is_clean(screen, cols))
            return screen;
        free(screen);
        usleep(50 * 1000);
    }
    return NULL;
}

static void e2e_browser_shows_issues_articles_and_text(void **state)
{
    (void)state;
    const char *dir = test_tmpdir();
    start_browser(100, 30, dir);
    /* The frame comes at once; the issues as the first index commits. */
    char *screen = tmux_wait_for("Issues 1/5", 5000);
    assert_non_null(screen);
    assert_non_null(strstr(screen, "Articles"));
    assert_non_null(strstr(screen, "Reader"));
    assert_screen_clean(screen, 100);
    char *headline = first_headline(dir);
    free(screen);
    /* the articles pane may be drawn a moment after the issues count */
    screen = tmux_wait_for(headline, 3000);
    assert_non_null(screen);
    free(screen);

    /* Down in the issues pane changes the articles shown. */
    tmux_keys("j", NULL);
    screen = tmux_wait_for("Issues 2/5", 2000);
    assert_non_null(screen);
    free(screen);

    /* Enter moves to the articles pane; Enter again to the reader. */
    tmux_keys("Enter", NULL);
    screen = tmux_wait_for("Articles 1/", 2000);
    assert_non_null(screen);
    free(screen);
    tmux_keys("j", "Enter", NULL);
    screen = tmux_wait_for("Articles 2/", 2000);
    assert_non_null(screen);
    assert_screen_clean(screen, 100);
    free(screen);

    /* Narrow terminal: one pane at a time, nothing crosses the edge. */
    tmux_resize(40, 12);
    screen = wait_for_clean_screen("", 40, 3000);
    assert_non_null(screen);
    assert_true(tmux_alive());
    free(screen);
    tmux_resize(1, 1);
    usleep(300 * 1000);
    assert_true(tmux_alive());
    tmux_resize(100, 30);
    screen = tmux_wait_for("Issues", 2000);
    assert_non_null(screen);
    free(screen);

    /* q goes back pane by pane and quits from the first. */
    tmux_keys("q", "q", "q", NULL);
    for (int i = 0; i < 40 && tmux_alive(); i++)
        usleep(50 * 1000);
    assert_false(tmux_alive());
    free(headline);
    tmux_stop();
}

/* The pid of a process whose command line contains text, or 0. */
static pid_t find_pid(const char *text)
{
    DIR *proc = opendir("/proc");
    struct dirent *e;
    pid_t found = 0;
    while (proc && !found && (e = readdir(proc)) != NULL) {
        if (e->d_name[0] < '1' || e->d_name[0] > '9')
            continue;
        char path[300];
        snprintf(path, sizeof path, "/proc/%s/cmdline", e->d_name);
        FILE *f = fopen(path, "r");
        if (!f)
            continue;
        char buf[4096];
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        fclose(f);
        for (size_t i = 0; i < n; i++)
            if (buf[i] == '\0')
                buf[i] = ' ';
        buf[n] = '\0';
        if (strstr(buf, text) && strstr(buf, "dubao") &&
            !strstr(buf, "bash"))
            found = (pid_t)atoi(e->d_name);
    }
    if (proc)
        closedir(proc);
    return found;
}

/* Start an interactive shell in tmux and run dubao in it with the given
   database name; waits for the browser.  The shell prints a marker first
   and "exit=STATUS" after dubao ends. */
static void start_in_shell(const char *db, const char *env)
{
    assert_int_equal(tmux_start("bash --norc --noprofile -i", 100, 30), 0);
    /* Wait for the shell's prompt (root's ends with #, others' with $). */
    char *screen = NULL;
    for (int i = 0; i < 60 && !screen; i++) {
        screen = tmux_wait_for("#", 50);
        if (!screen)
            screen = tmux_wait_for("$", 50);
    }
    free(screen);
    const char *bin = getenv("DUBAO_BIN");
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "echo shell-before; %s %s --db %s; "
             "echo exit=$?", env ? env : "", bin ? bin : "./dubao", db);
    tmux_type(cmd);
    tmux_keys("Enter", NULL);
}

/* The signals that end the browser, and the exit status the shell then
   prints. */
static const struct {
    int sig;
    const char *exit;
} stop_signals[] = {{SIGTERM, "exit=143"}, {SIGHUP, "exit=129"},
                    {SIGINT, "exit=130"}};

/* Send stop_signals[i] to the browser started by start_in_shell with db,
   once the screen shows ready; it must end at once (3 s) with the
   terminal put back. */
static void signal_ends_the_browser(const char *db, size_t i,
                                    const char *ready)
{
    char *screen = tmux_wait_for(ready, 20000);
    if (!screen)
        fail_msg("no '%s' before signal %d", ready, stop_signals[i].sig);
    free(screen);
    pid_t pid = find_pid(db);
    assert_true(pid > 0);
    assert_int_equal(kill(pid, stop_signals[i].sig), 0);
    screen = tmux_wait_for(stop_signals[i].exit, 3000);
    if (!screen)
        fail_msg("no %s after signal %d", stop_signals[i].exit,
                 stop_signals[i].sig);
    /* Out of the alternate screen: the shell's output is back and the
       browser is gone. */
    assert_non_null(strstr(screen, "shell-before"));
    assert_null(strstr(screen, "Issues 1/"));
    free(screen);
    tmux_stop();
}

static void e2e_signals_restore_the_terminal(void **state)
{
    (void)state;
    for (size_t i = 0; i < SUITE_LEN(stop_signals); i++) {
        char db[600];
        snprintf(db, sizeof db, "%s/sig%d.db", test_tmpdir(),
                 stop_signals[i].sig);
        start_in_shell(db, NULL);
        signal_ends_the_browser(db, i, "Issues 1/");
    }
}

/* SIGTERM, SIGHUP and SIGINT end the browser at once in the middle of
   long work too, with the terminal put back (issue 21 item 2: it went on
   for minutes and only SIGKILL ended it).  The long work here: refreshing
   a changed corpus while another process holds the database's write
   lock, which dubao waits for up to its busy timeout, a minute. */
static void e2e_signals_end_long_work_at_once(void **state)
{
    (void)state;
    const char *dir = test_tmpdir();
    char corpus[512], db[600], page[700], args[1400];
    snprintf(corpus, sizeof corpus, "%s/c", dir);
    assert_int_equal(mkdir(corpus, 0700), 0);
    test_copy_corpus_page("000_fe2404723e325502.txt", corpus);
    snprintf(db, sizeof db, "%s/busy.db", dir);
    const char *bin = getenv("DUBAO_BIN") ? getenv("DUBAO_BIN") : "./dubao";
    char *index[] = {(char *)bin, "--db", db, "--corpus", corpus, "-q",
                     "index", NULL};
    assert_int_equal(test_run(index, NULL, NULL), 0);
    snprintf(page, sizeof page, "%s/000_fe2404723e325502.txt", corpus);
    FILE *f = fopen(page, "a");
    assert_non_null(f);
    fputs("\n新加的一段。\n", f);
    fclose(f);
    /* start_in_shell puts its first argument after --db. */
    snprintf(args, sizeof args, "%s --corpus %s", db, corpus);
    sqlite3 *h;
    assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
    for (size_t i = 0; i < SUITE_LEN(stop_signals); i++) {
        assert_int_equal(sqlite3_exec(h, "BEGIN IMMEDIATE", NULL, NULL, NULL),
                         SQLITE_OK);
        start_in_shell(args, "DUBAO_BUSY_TIMEOUT_MS=60000");
        signal_ends_the_browser(db, i, "checking the corpus");
        assert_int_equal(sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL),
                         SQLITE_OK);
    }
    sqlite3_close(h);
}

static void e2e_ctrl_z_and_fg(void **state)
{
    (void)state;
    char db[600];
    snprintf(db, sizeof db, "%s/tstp.db", test_tmpdir());
    start_in_shell(db, NULL);
    char *screen = tmux_wait_for("Issues 1/", 8000);
    assert_non_null(screen);
    free(screen);
    tmux_keys("C-z", NULL);
    screen = tmux_wait_for("Stopped", 3000);
    assert_non_null(screen);
    assert_null(strstr(screen, "Issues 1/"));
    free(screen);
    tmux_type("fg");
    tmux_keys("Enter", NULL);
    screen = tmux_wait_for("Issues 1/", 3000);
    assert_non_null(screen);
    free(screen);
    /* bash drops the rest of a command list once a job stops, so after
       quitting look for the shell's own screen, not "exit=". */
    tmux_keys("Q", NULL);
    screen = tmux_wait_for("shell-before", 3000);
    assert_non_null(screen);
    assert_null(strstr(screen, "Issues 1/"));
    assert_non_null(strstr(screen, "Stopped"));
    free(screen);
    tmux_stop();
}

static void e2e_resize_storm(void **state)
{
    (void)state;
    start_browser(100, 30, test_tmpdir());
    char *screen = tmux_wait_for("Issues 1/", 8000);
    assert_non_null(screen);
    free(screen);
    for (int i = 0; i < 100; i++)
        tmux_resize(20 + (i * 37) % 140, 1 + (i * 13) % 50);
    tmux_resize(100, 30);
    screen = wait_for_clean_screen("Issues 1/", 100, 5000);
    assert_non_null(screen);
    assert_true(tmux_alive());
    free(screen);
    tmux_keys("Q", NULL);
    tmux_stop();
}

static void e2e_terminals_that_cannot_work(void **state)
{
    (void)state;
    static const char *const terms[] = {"TERM=dumb", "TERM=no-such-term"};
    static const char *const says[] = {"cannot move the cursor",
                                       "unknown terminal type"};
    for (size_t i = 0; i < 2; i++) {
        char db[600];
        snprintf(db, sizeof db, "%s/term%zu.db", test_tmpdir(), i);
        start_in_shell(db, terms[i]);
        char *screen = tmux_wait_for("exit=1", 5000);
        assert_non_null(screen);
        assert_non_null(strstr(screen, says[i]));
        free(screen);
        tmux_stop();
    }
}

/* The text of the first quote, as the command line lists it. */
static char *first_quote_text(const char *db)
{
    const char *bin = getenv("DUBAO_BIN");
    char *argv[] = {(char *)(bin ? bin : "./dubao"), "--db", (char *)db, "-q",
                    "quotes", "--json", NULL};
    strbuf out = {0};
    assert_int_equal(test_run(argv, &out, NULL), 0);
    const char *t = out.s ? strstr(out.s, "\"text\":\"") : NULL;
    char *r = NULL;
    if (t) {
        t += strlen("\"text\":\"");
        /* Enough to compare, without JSON escapes: up to the first
           backslash or quote. */
        size_t n = strcspn(t, "\\\"");
        r = xstrndup(t, n);
    }
    sb_free(&out);
    return r;
}

static void e2e_copy_puts_the_quote_on_the_clipboard(void **state)
{
    (void)state;
    const char *dir = test_tmpdir();
    start_browser(100, 30, dir);
    tmux_option("set-clipboard", "on");
    char *screen = tmux_wait_for("Issues 1/", 8000);
    assert_non_null(screen);
    free(screen);
    char db[600];
    snprintf(db, sizeof db, "%s/e2e.db", dir);
    char *expect = first_quote_text(db);
    assert_non_null(expect); /* the shipped corpus has quotes */
    tmux_keys("o", NULL);
    screen = tmux_wait_for("Quotes 1/", 2000);
    assert_non_null(screen);
    free(screen);
    tmux_keys("y", NULL);
    screen = tmux_wait_for("copied", 2000);
    assert_non_null(screen);
    free(screen);
    /* The quote in quotation marks, then its source: speaker, paper and
       date (the first quote is in the one dated issue of the corpus). */
    char *clip = tmux_buffer();
    assert_true(strncmp(clip, "\xE2\x80\x9C", 3) == 0);
    assert_true(strncmp(clip + 3, expect, strlen(expect)) == 0);
    assert_non_null(strstr(clip, "\n\xE2\x80\x94\xE2\x80\x94"));
    assert_non_null(strstr(clip, "《北京城市副中心报》2025-03-07"));
    free(clip);
    free(expect);
    tmux_keys("Q", NULL);
    tmux_stop();
}

/* Does a captured screen contain an SGR parameter (ESC [ n;n m) for
   which pred is true? */
static bool has_sgr(const char *s, bool (*pred)(int))
{
    for (const char *p = strstr(s, "\x1b["); p; p = strstr(p + 1, "\x1b[")) {
        const char *q = p + 2;
        while (*q && (isdigit((unsigned char)*q) || *q == ';')) {
            if (pred(atoi(q)))
                return true;
            while (isdigit((unsigned char)*q))
                q++;
            if (*q == ';')
                q++;
        }
    }
    return false;
}

/* A colour (30-38, 40-48, 90-97, 100-107); 39 and 49 only restore the
   defaults. */
static bool is_colour(int v)
{
    return (v >= 30 && v <= 38) || (v >= 40 && v <= 48) ||
           (v >= 90 && v <= 97) || (v >= 100 && v <= 107);
}

static bool is_underline(int v)
{
    return v == 4;
}

static void e2e_monochrome_and_no_color(void **state)
{
    (void)state;
    static const char *const envs[] = {"TERM=vt100", "NO_COLOR=1"};
    for (size_t i = 0; i < 2; i++) {
        char db[600];
        snprintf(db, sizeof db, "%s/mono%zu.db", test_tmpdir(), i);
        start_in_shell(db, envs[i]);
        char *screen = tmux_wait_for("Issues 1/", 8000);
        assert_non_null(screen);
        assert_screen_clean(screen, 100);
        free(screen);
        tmux_keys("j", NULL);
        screen = tmux_wait_for("Issues 2/", 2000);
        assert_non_null(screen);
        free(screen);
        /* No colours; the cursor line still stands out (reverse). */
        char *attrs = tmux_capture_attrs();
        assert_false(has_sgr(attrs, is_colour));
        assert_non_null(strstr(attrs, "\x1b[7m"));
        free(attrs);
        tmux_keys("Q", NULL);
        screen = tmux_wait_for("exit=0", 3000);
        assert_non_null(screen);
        free(screen);
        tmux_stop();
    }
}

/* Press keys, then wait until the screen shows text; fails with the
   step's description otherwise. */
static char *step(const char *what, const char *keys, const char *text)
{
    if (keys)
        tmux_keys(keys, NULL);
    char *screen = tmux_wait_for(text, 3000);
    if (!screen) {
        char *now = tmux_capture();
        size_t n = strlen(now);
        while (n > 0 && now[n - 1] == '\n')
            now[--n] = '\0';
        const char *last = strrchr(now, '\n');
        fail_msg("%s: '%s' never appeared; the status line: %s", what, text,
                 last ? last + 1 : now);
    }
    assert_screen_clean(screen, 100);
    return screen;
}

/* Press a key and wait until the screen differs from before. */
static char *step_change(const char *what, const char *key, char *before)
{
    tmux_keys(key, NULL);
    for (int i = 0; i < 60; i++) {
        char *screen = tmux_capture();
        if (strcmp(screen, before) != 0) {
            free(before);
            return screen;
        }
        free(screen);
        usleep(50 * 1000);
    }
    fail_msg("%s: the screen did not change", what);
    return before;
}

/* The reader's position in percent: the status line (the last line)
   starts with it. */
static int reader_percent(const char *screen)
{
    size_t n = strlen(screen);
    while (n > 0 && screen[n - 1] == '\n')
        n--;
    const char *last = screen + n;
    while (last > screen && last[-1] != '\n')
        last--;
    return last[0] >= '0' && last[0] <= '9' ? atoi(last) : -1;
}

/* The first start on a new database draws the frame at once and shows
   the index's progress on the status line while the keys work; the
   issues come as it commits them. */
static void e2e_first_start_shows_the_index_progress(void **state)
{
    (void)state;
    const char *dir = test_tmpdir();
    char corpus[600], cmd[1600];
    snprintf(corpus, sizeof corpus, "%s/first", dir);
    test_write_pages(corpus, 600, "首次");
    /* About 5 MB: a second or more of indexing. */
    for (int i = 0; i < 600; i++) {
        char path[700];
        snprintf(path, sizeof path, "%s/p%04d.txt", corpus, i);
        test_append_filler(path, 60);
    }
    const char *bin = getenv("DUBAO_BIN");
    snprintf(cmd, sizeof cmd, "%s --db %s/first.db --corpus %s",
             bin ? bin : "./dubao", dir, corpus);
    assert_int_equal(tmux_start(cmd, 100, 30), 0);
    /* One capture must show frame and progress together; a capture taken
       while curses redraws the status line may hold half of it, so the
       screen is read again until it does (8 s at most). */
    char *screen = NULL;
    for (int tries = 0; tries < 40; tries++) {
        free(screen);
        screen = tmux_wait_for(" of 600 files", 200);
        if (screen && strstr(screen, "indexing") && strstr(screen, "MB/s") &&
            strstr(screen, "Issues"))
            break;
    }
    assert_non_null(screen);
    assert_non_null(strstr(screen, "indexing"));
    assert_non_null(strstr(screen, "MB/s"));
    assert_non_null(strstr(screen, "Issues"));
    assert_screen_clean(screen, 100);
    free(screen);
    /* A key while it runs: the help, and back, until it is done. */
    const char *const steps[][2] = {{"?", "Help"}, {"q", "Issues 1/600"}};
    for (int i = 0; i < 2; i++) {
        tmux_keys(steps[i][0], NULL);
        screen = tmux_wait_for(steps[i][1], i ? 60000 : 3000);
        if (!screen)
            fail_msg("no '%s' after the key %s", steps[i][1], steps[i][0]);
        if (i == 1)
            assert_null(strstr(screen, "indexing"));
        free(screen);
    }
    tmux_keys("Q", NULL);
    tmux_stop();
}

static void e2e_every_key(void **state)
{
    (void)state;
    start_browser(100, 30, test_tmpdir());
    free(step("start", NULL, "Issues 1/5"));
    free(step("Down", "Down", "Issues 2/5"));
    free(step("Up", "Up", "Issues 1/5"));
    free(step("j", "j", "Issues 2/5"));
    free(step("k", "k", "Issues 1/5"));
    free(step("End", "End", "Issues 5/5"));
    free(step("Home", "Home", "Issues 1/5"));
    free(step("G", "G", "Issues 5/5"));
    free(step("g", "g", "Issues 1/5"));
    /* Mouse (X10 encoding): click the third issue, wheel up. */
    tmux_type("\x1b[M #$"); /* column 2, row 3 (title is row 0) */
    free(step("click", NULL, "Issues 3/5"));
    tmux_type("\x1b[M`#$");
    free(step("wheel up", NULL, "Issues 1/5"));
    /* Tab / Shift-Tab / Right / Left move the focus: j then moves that
       pane's cursor. */
    free(step("Tab j", "Tab", "Issues 1/5"));
    free(step("j in articles", "j", "Articles 2/"));
    free(step("S-Tab", "BTab", "Articles 2/"));
    free(step("j in issues", "j", "Issues 2/5"));
    free(step("Right", "Right", "Issues 2/5"));
    free(step("k in articles", "k", "Articles 1/"));
    free(step("Left", "Left", "Articles 1/"));
    free(step("k back", "k", "Issues 1/5"));
    /* Enter twice: the reader; page keys move through the article. */
    free(step("Enter", "Enter", "Articles 1/"));
    char *screen = step_change("Enter reader", "Enter", tmux_capture());
    int p0 = reader_percent(screen);
    screen = step_change("PgDn", "NPage", screen);
    int p1 = reader_percent(screen);
    assert_true(p1 > p0);
    screen = step_change("C-d", "C-d", screen);
    int p2 = reader_percent(screen);
    assert_true(p2 > p1);
    screen = step_change("PgUp", "PPage", screen);
    assert_true(reader_percent(screen) < p2);
    screen = step_change("C-u", "C-u", screen);
    screen = step_change("Space", "Space", screen);
    /* ] and [ jump between speaker sections (or say there is none). */
    screen = step_change("]", "]", screen);
    screen = step_change("[", "[", screen);
    free(screen);
    /* / searches the focused pane; n and N move between matches. */
    tmux_keys("/", NULL);
    tmux_type("北京");
    free(step("search typed", NULL, "/北京"));
    free(step("search Enter", "Enter", "Reader"));
    free(step("n", "n", "Reader"));
    free(step("N", "N", "Reader"));
    /* ? help, q back. */
    free(step("?", "?", "Help"));
    free(step("q from help", "q", "Reader"));
    /* d: the delegate picker with typed pinyin-less Chinese. */
    tmux_keys("d", NULL);
    free(step("picker", NULL, "delegate:"));
    tmux_type("殷");
    free(step("picker typed", NULL, "delegate: 殷"));
    free(step("picker Enter", "Enter", "Quotes 1/"));
    /* r: role filter; m: mark; e: export prompt, cancelled. */
    free(step("r", "r", "role filter:"));
    free(step("r again", "r", "role filter: 政协委员"));
    free(step("r: local", "r", "role filter: local"));
    free(step("r: all again", "r", "role filter: all roles"));
    /* Esc clears the filters shown in the titles (the name typed). */
    free(step("Esc", "Escape", "filters cleared"));
    free(step("mark", "m", "marked"));
    free(step("export", "e", "export to"));
    free(step("export cancel", "Escape", "Quotes"));
    /* o: all quotes; s: speakers; i: issues; F: full-text search. */
    free(step("o", "o", "Quotes 1/"));
    free(step("s", "s", "Speakers 1/"));
    free(step("i", "i", "Issues"));
    tmux_keys("F", NULL);
    free(step("global search prompt", NULL, "search all:"));
    tmux_type("发展");
    free(step("global search", "Enter", "Search 1/"));
    /* w: who said what about the search's term; M: the marks. */
    free(step("who prompt", "w", "speakers quoted on: 发展"));
    free(step("who", "Enter", "quoted on \xE2\x80\x9C发展"));
    free(step("marks", "M", "Quotes 1/1 \xC2\xB7 marked"));
    /* C-l redraws; q goes back step by step; Q quits. */
    free(step("C-l", "C-l", "Quotes 1/1"));
    free(step("q", "q", "quoted on"));
    tmux_keys("Q", NULL);
    for (int i = 0; i < 40 && tmux_alive(); i++)
        usleep(50 * 1000);
    assert_false(tmux_alive());
    tmux_stop();
}

static void e2e_reader_underlines_quotes(void **state)
{
    (void)state;
    start_browser(100, 30, test_tmpdir());
    char *screen = tmux_wait_for("Issues 1/", 8000);
    assert_non_null(screen);
    free(screen);
    tmux_keys("o", NULL);
    screen = tmux_wait_for("Quotes 1/", 3000);
    assert_non_null(screen); /* the shipped corpus has quotes */
    free(screen);
    tmux_keys("Enter", NULL);
    bool underlined = false;
    for (int waited = 0; waited <= 3000 && !underlined; waited += 50) {
        char *attrs = tmux_capture_attrs();
        underlined = has_sgr(attrs, is_underline);
        free(attrs);
        if (!underlined)
            usleep(50 * 1000);
    }
    assert_true(underlined);
    tmux_keys("Q", NULL);
    tmux_stop();
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(e2e_reader_underlines_quotes),
    cmocka_unit_test(e2e_first_start_shows_the_index_progress),
    cmocka_unit_test(e2e_every_key),
    cmocka_unit_test(e2e_copy_puts_the_quote_on_the_clipboard),
    cmocka_unit_test(e2e_monochrome_and_no_color),
    cmocka_unit_test(e2e_signals_restore_the_terminal),
    cmocka_unit_test(e2e_signals_end_long_work_at_once),
    cmocka_unit_test(e2e_ctrl_z_and_fg),
    cmocka_unit_test(e2e_resize_storm),
    cmocka_unit_test(e2e_terminals_that_cannot_work),
    cmocka_unit_test(e2e_browser_shows_issues_articles_and_text),
};
const test_suite e2e_suite = {tests, SUITE_LEN(tests)};
