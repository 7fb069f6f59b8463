/* test_e2e.c - the browser driven through tmux at 100x30 with
 * LANG=C.UTF-8, reading the real screen with capture-pane. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* Every screen line fits the terminal width (no wide character pushed
   past the edge) and contains no raw escape characters. */
static void assert_screen_clean(const char *screen, int cols)
{
    for (const char *p = screen; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        assert_true(text_width(p, n) <= cols);
        assert_null(memchr(p, 0x1b, n));
        p += n + (nl ? 1 : 0);
    }
}

static void e2e_browser_shows_issues_articles_and_text(void **state)
{
    (void)state;
    const char *dir = test_tmpdir();
    start_browser(100, 30, dir);
    char *screen = tmux_wait_for("Issues", 5000);
    assert_non_null(screen);
    assert_non_null(strstr(screen, "Articles"));
    assert_non_null(strstr(screen, "Reader"));
    assert_non_null(strstr(screen, "Issues 1/5"));
    assert_screen_clean(screen, 100);
    char *headline = first_headline(dir);
    assert_non_null(strstr(screen, headline));
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
    usleep(300 * 1000);
    screen = tmux_capture();
    assert_screen_clean(screen, 40);
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

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(e2e_browser_shows_issues_articles_and_text),
};
const test_suite e2e_suite = {tests, SUITE_LEN(tests)};
