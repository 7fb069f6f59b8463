/* test_watch.c - `dubao watch` (issue 19): with a watcher running, a
 * lookup that follows a change in the corpus sees it, and one that
 * follows no change checks no file; without a live watcher (killed,
 * refused, a garbage watch file) every file is checked as before.
 *
 * Whether a lookup checked the files is read from the line that
 * DUBAO_DEBUG_REFRESH makes it print, and from the walk's own message
 * about hidden entries: nothing here is timed.  Every watcher a test
 * starts is killed by the teardown, also when an assertion failed. */
#include "test.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* What a lookup says when it skipped the check of every file. */
#define SKIPPED "corpus unchanged since the watcher's last report"

/* How long a watcher may take to start (a sanitizer build is slow). */
#define START_TIMEOUT_MS 30000

static const char *dubao_bin(void)
{
    const char *b = getenv("DUBAO_BIN");
    return b ? b : "./dubao";
}

/* The watchers started by the test under way (0: none), killed by the
   teardown. */
static pid_t foreground_pid, daemon_pid;

/* A test's directory: a corpus c/ and the database path i.db. */
typedef struct {
    char dir[256];
    char corpus[512];
    char db[512];
    char log[512]; /* the foreground watcher's stderr */
} setup;

/* Sleep for ms milliseconds. */
static void sleep_ms(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

/* Write the page dir/name: one article whose deputy says a sentence
   holding word. */
static void write_page(const char *dir, const char *name, const char *word)
{
    char path[700];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fprintf(f, "# 新闻：%s\n\n全国人大代表张三丰说：“这是%s的话。”\n", word,
            word);
    fclose(f);
}

/* A fresh corpus with pages p1.txt (苹果) and p2.txt (葡萄), indexed. */
static void new_setup(setup *s)
{
    snprintf(s->dir, sizeof s->dir, "%s", test_tmpdir());
    snprintf(s->corpus, sizeof s->corpus, "%s/c", s->dir);
    snprintf(s->db, sizeof s->db, "%s/i.db", s->dir);
    snprintf(s->log, sizeof s->log, "%s/watch.log", s->dir);
    assert_int_equal(mkdir(s->corpus, 0700), 0);
    write_page(s->corpus, "p1.txt", "苹果");
    write_page(s->corpus, "p2.txt", "葡萄");
    char *argv[] = {(char *)dubao_bin(), "--db", s->db, "--corpus",
                    s->corpus, "-q", "index", NULL};
    strbuf err = {0};
    if (test_run(argv, NULL, &err) != 0)
        fail_msg("index: %s", err.s);
    sb_free(&err);
}

/* Does the file at path contain text? */
static bool file_has(const char *path, const char *text)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return false;
    char buf[4096];
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    buf[n > 0 ? n : 0] = '\0';
    return strstr(buf, text) != NULL;
}

/* Start `dubao watch` in the foreground on s, its stderr in s->log, and
   wait until it says it is watching. */
static void start_watcher(const setup *s)
{
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int log = open(s->log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(null, 1);
        dup2(log, 2);
        execl(dubao_bin(), dubao_bin(), "--db", s->db, "--corpus", s->corpus,
              "watch", (char *)NULL);
        _exit(127);
    }
    foreground_pid = pid;
    for (int waited = 0; !file_has(s->log, "watching"); waited += 10) {
        if (waited >= START_TIMEOUT_MS || waitpid(pid, NULL, WNOHANG) == pid)
            fail_msg("dubao watch did not start");
        sleep_ms(10);
    }
}

/* Stop the foreground watcher with SIGTERM; its exit status (-1 when a
   signal ended it). */
static int stop_watcher(void)
{
    int status;
    kill(foreground_pid, SIGTERM);
    waitpid(foreground_pid, &status, 0);
    foreground_pid = 0;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Wait for the foreground watcher to end by itself; its exit status. */
static int watcher_exit_status(void)
{
    int status = 0;
    for (int waited = 0; waitpid(foreground_pid, &status, WNOHANG) == 0;
         waited += 10) {
        if (waited >= START_TIMEOUT_MS)
            fail_msg("the watcher did not stop");
        sleep_ms(10);
    }
    foreground_pid = 0;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Kill whatever watcher the test left running. */
static int kill_watchers(void **state)
{
    (void)state;
    if (foreground_pid > 0) {
        kill(foreground_pid, SIGKILL);
        waitpid(foreground_pid, NULL, 0);
    }
    if (daemon_pid > 0)
        kill(daemon_pid, SIGKILL);
    foreground_pid = daemon_pid = 0;
    unsetenv("DUBAO_DEBUG_REFRESH");
    return 0;
}

/* Run "dubao --db DB --corpus C COMMAND --json" with the refresh's choice
   said on stderr; fails the test unless it exits 0. */
static void lookup(const setup *s, const char *command, strbuf *out,
                   strbuf *err)
{
    char *argv[] = {(char *)dubao_bin(), "--db", (char *)s->db, "--corpus",
                    (char *)s->corpus, (char *)command, "--json", NULL};
    sb_clear(out);
    sb_clear(err);
    setenv("DUBAO_DEBUG_REFRESH", "1", 1);
    int rc = test_run(argv, out, err);
    if (rc != 0)
        fail_msg("dubao %s: exit %d: %s", command, rc, err->s);
}

/* Does the lookup's stderr say it checked no file? */
static bool skipped(const strbuf *err)
{
    return err->s && strstr(err->s, SKIPPED);
}

/* Look up the quotes and check that the walk was skipped (nothing
   changed since the last lookup). */
static void assert_lookup_skips(const setup *s)
{
    strbuf out = {0}, err = {0};
    lookup(s, "quotes", &out, &err);
    if (!skipped(&err))
        fail_msg("the lookup checked the files: %s", err.s);
    sb_free(&out);
    sb_free(&err);
}

/* Does the text hold needle? */
static bool has(const strbuf *text, const char *needle)
{
    return text->s && strstr(text->s, needle);
}

/* Set the modification time of dir/name to ten seconds after the one it
   has (a same-size edit must be told by its time, as the walk does). */
static void push_mtime(const char *dir, const char *name)
{
    char path[700];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    assert_int_equal(stat(path, &st), 0);
    struct timespec t[2] = {st.st_atim, st.st_mtim};
    t[1].tv_sec += 10;
    assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
}

static void watch_lookups_see_pages_edited_added_removed_renamed(void **state)
{
    (void)state;
    setup s;
    new_setup(&s);
    start_watcher(&s);
    strbuf out = {0}, err = {0};
    lookup(&s, "quotes", &out, &err); /* the first stamps the database */
    assert_false(skipped(&err));
    assert_lookup_skips(&s);

    /* Edited in place, same size: 苹果 and 香蕉 are six bytes each. */
    write_page(s.corpus, "p1.txt", "香蕉");
    push_mtime(s.corpus, "p1.txt");
    lookup(&s, "quotes", &out, &err);
    assert_false(skipped(&err));
    assert_true(has(&out, "这是香蕉的话"));
    assert_false(has(&out, "这是苹果的话"));

    assert_lookup_skips(&s);
    write_page(s.corpus, "p3.txt", "西瓜");
    lookup(&s, "quotes", &out, &err);
    assert_true(has(&out, "这是西瓜的话"));

    assert_lookup_skips(&s);
    char path[700];
    snprintf(path, sizeof path, "%s/p2.txt", s.corpus);
    assert_int_equal(unlink(path), 0);
    lookup(&s, "quotes", &out, &err);
    assert_false(has(&out, "这是葡萄的话"));
    assert_true(has(&out, "这是西瓜的话"));

    assert_lookup_skips(&s);
    char to[700];
    snprintf(path, sizeof path, "%s/p3.txt", s.corpus);
    snprintf(to, sizeof to, "%s/p4.txt", s.corpus);
    assert_int_equal(rename(path, to), 0);
    lookup(&s, "articles", &out, &err);
    assert_true(has(&out, "p4.txt"));
    assert_false(has(&out, "p3.txt"));

    assert_lookup_skips(&s);
    assert_int_equal(stop_watcher(), 0);
    sb_free(&out);
    sb_free(&err);
}

static void watch_unchanged_corpus_is_not_walked(void **state)
{
    (void)state;
    setup s;
    new_setup(&s);
    /* The walk says so when it passes over a hidden file. */
    write_page(s.corpus, ".hidden.txt", "秘密");
    start_watcher(&s);
    strbuf out = {0}, err = {0};
    lookup(&s, "quotes", &out, &err);
    assert_true(has(&err, "hidden entr"));
    assert_false(skipped(&err));
    lookup(&s, "quotes", &out, &err);
    assert_true(skipped(&err));
    assert_false(has(&err, "hidden entr"));
    assert_true(has(&out, "这是苹果的话")); /* the database is read all the same */
    /* The index command always checks every file, and reports it. */
    char *argv[] = {(char *)dubao_bin(), "--db", s.db, "--corpus", s.corpus,
                    "index", NULL};
    sb_clear(&out);
    assert_int_equal(test_run(argv, &out, &err), 0);
    assert_true(has(&out, "files 2: parsed 0, unchanged 2"));
    assert_int_equal(stop_watcher(), 0);
    /* Without a watcher, every file is checked again. */
    lookup(&s, "quotes", &out, &err);
    assert_false(skipped(&err));
    assert_true(has(&err, "no watcher is running"));
    sb_free(&out);
    sb_free(&err);
}

static void watch_sees_a_new_directory_and_what_appears_in_it(void **state)
{
    (void)state;
    setup s;
    new_setup(&s);
    start_watcher(&s);
    char sub[600];
    strbuf out = {0}, err = {0};
    lookup(&s, "quotes", &out, &err);
    assert_lookup_skips(&s);
    snprintf(sub, sizeof sub, "%s/new", s.corpus);
    assert_int_equal(mkdir(sub, 0700), 0);
    snprintf(sub, sizeof sub, "%s/new/deeper", s.corpus);
    assert_int_equal(mkdir(sub, 0700), 0);
    lookup(&s, "quotes", &out, &err);
    assert_false(skipped(&err));
    assert_lookup_skips(&s);
    /* A page in a directory made after the watcher started. */
    write_page(sub, "p5.txt", "樱桃");
    lookup(&s, "quotes", &out, &err);
    assert_true(has(&out, "这是樱桃的话"));
    assert_int_equal(stop_watcher(), 0);
    sb_free(&out);
    sb_free(&err);
}

static void watch_killed_leaves_lookups_checking_every_file(void **state)
{
    (void)state;
    setup s;
    new_setup(&s);
    start_watcher(&s);
    strbuf out = {0}, err = {0};
    lookup(&s, "quotes", &out, &err);
    assert_lookup_skips(&s);
    kill(foreground_pid, SIGKILL);
    waitpid(foreground_pid, NULL, 0);
    foreground_pid = 0;
    /* Made after the kill: no watcher counts it. */
    write_page(s.corpus, "p1.txt", "香蕉");
    push_mtime(s.corpus, "p1.txt");
    lookup(&s, "quotes", &out, &err);
    assert_false(skipped(&err));
    assert_true(has(&err, "no watcher is running"));
    assert_true(has(&out, "这是香蕉的话"));
    assert_false(has(&out, "这是苹果的话"));
    sb_free(&out);
    sb_free(&err);
}

/* Overwrite the watch file of s with garbage (its lock, if any, stays
   with the watcher). */
static void spoil_watch_file(const setup *s)
{
    char path[600];
    snprintf(path, sizeof path, "%s.watch", s->db);
    int fd = open(path, O_WRONLY | O_CREAT, 0600);
    assert_true(fd >= 0);
    static const char garbage[] = "garbage, not a watch file at all: "
                                  "0123456789abcdef0123456789abcdef";
    assert_int_equal(pwrite(fd, garbage, sizeof garbage, 0),
                     (ssize_t)sizeof garbage);
    close(fd);
}

static void watch_refuses_a_second_watcher(void **state)
{
    (void)state;
    setup s;
    new_setup(&s);
    start_watcher(&s);
    char *argv[] = {(char *)dubao_bin(), "--db", s.db, "--corpus", s.corpus,
                    "watch", "--daemon", NULL};
    strbuf out = {0}, err = {0};
    int rc = test_run(argv, &out, &err);
    if (rc == 0 && out.s)
        daemon_pid = (pid_t)atol(out.s); /* for the teardown */
    assert_int_equal(rc, 1);
    assert_true(has(&err, "a watcher is already running"));
    argv[6] = NULL; /* in the foreground too */
    assert_int_equal(test_run(argv, &out, &err), 1);
    assert_true(has(&err, "a watcher is already running"));
    assert_int_equal(stop_watcher(), 0);
    sb_free(&out);
    sb_free(&err);
}

static void watch_file_with_garbage_means_changed(void **state)
{
    (void)state;
    setup s;
    new_setup(&s);
    strbuf out = {0}, err = {0};
    /* No watcher, a garbage file: every file is checked. */
    spoil_watch_file(&s);
    lookup(&s, "quotes", &out, &err);
    assert_false(skipped(&err));
    assert_true(has(&out, "这是苹果的话"));
    /* A watcher, whose file is then spoilt behind its back. */
    start_watcher(&s);
    lookup(&s, "quotes", &out, &err);
    assert_lookup_skips(&s);
    spoil_watch_file(&s);
    lookup(&s, "quotes", &out, &err);
    assert_false(skipped(&err));
    assert_true(has(&err, "unreadable"));
    assert_true(has(&out, "这是苹果的话"));
    assert_int_equal(stop_watcher(), 0);
    sb_free(&out);
    sb_free(&err);
}

static void watch_stops_when_its_root_is_moved(void **state)
{
    (void)state;
    setup s;
    new_setup(&s);
    start_watcher(&s);
    char moved[600];
    snprintf(moved, sizeof moved, "%s/moved", s.dir);
    assert_int_equal(rename(s.corpus, moved), 0);
    assert_int_equal(watcher_exit_status(), 1);
    assert_true(file_has(s.log, "was moved"));
    assert_int_equal(rename(moved, s.corpus), 0);
    strbuf out = {0}, err = {0};
    lookup(&s, "quotes", &out, &err);
    assert_true(has(&err, "no watcher is running"));
    sb_free(&out);
    sb_free(&err);
}

static void watch_daemon_prints_its_pid_and_stops(void **state)
{
    (void)state;
    setup s;
    new_setup(&s);
    char *argv[] = {(char *)dubao_bin(), "--db", s.db, "--corpus", s.corpus,
                    "watch", "--daemon", NULL};
    strbuf out = {0}, err = {0};
    assert_int_equal(test_run(argv, &out, &err), 0);
    assert_non_null(out.s);
    daemon_pid = (pid_t)atol(out.s);
    assert_true(daemon_pid > 0);
    assert_int_equal(kill(daemon_pid, 0), 0);
    assert_true(has(&err, "watching 1 directory"));
    lookup(&s, "quotes", &out, &err);
    assert_lookup_skips(&s);
    argv[6] = "--stop";
    assert_int_equal(test_run(argv, &out, &err), 0);
    assert_true(has(&err, "stopped"));
    /* It was not our child: it is gone once kill finds no process (the
       watcher let its file go before its very end). */
    for (int waited = 0; kill(daemon_pid, 0) == 0; waited += 10) {
        if (waited >= START_TIMEOUT_MS)
            fail_msg("the daemon did not exit");
        sleep_ms(10);
    }
    daemon_pid = 0;
    assert_int_equal(test_run(argv, &out, &err), 1);
    assert_true(has(&err, "no watcher is running"));
    sb_free(&out);
    sb_free(&err);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test_teardown(
        watch_lookups_see_pages_edited_added_removed_renamed, kill_watchers),
    cmocka_unit_test_teardown(watch_unchanged_corpus_is_not_walked,
                              kill_watchers),
    cmocka_unit_test_teardown(
        watch_sees_a_new_directory_and_what_appears_in_it, kill_watchers),
    cmocka_unit_test_teardown(
        watch_killed_leaves_lookups_checking_every_file, kill_watchers),
    cmocka_unit_test_teardown(watch_refuses_a_second_watcher, kill_watchers),
    cmocka_unit_test_teardown(watch_file_with_garbage_means_changed,
                              kill_watchers),
    cmocka_unit_test_teardown(watch_stops_when_its_root_is_moved,
                              kill_watchers),
    cmocka_unit_test_teardown(watch_daemon_prints_its_pid_and_stops,
                              kill_watchers),
};
const test_suite watch_suite = {tests, SUITE_LEN(tests)};
