/* test_cli.c - the dubao binary's command line: exit codes, JSON Lines
 * contracts and messages for bad input. */
#include "test.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "paths.h"

static const char *dubao_bin(void)
{
    const char *b = getenv("DUBAO_BIN");
    return b ? b : "./dubao";
}

/* A fresh database path in a private directory. */
static const char *fresh_db(void)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/cli.db", test_tmpdir());
    return path;
}

/* Run dubao with --db db and up to 6 more arguments. */
static int run_dubao(const char *db, strbuf *out, strbuf *err,
                     const char *a1, const char *a2, const char *a3,
                     const char *a4, const char *a5, const char *a6)
{
    char *argv[12] = {(char *)dubao_bin()};
    int n = 1;
    if (db) {
        argv[n++] = "--db";
        argv[n++] = (char *)db;
    }
    const char *rest[] = {a1, a2, a3, a4, a5, a6};
    for (int i = 0; i < 6 && rest[i]; i++)
        argv[n++] = (char *)rest[i];
    argv[n] = NULL;
    return test_run(argv, out, err);
}

/* Count lines of out and check each is a JSON object with the keys. */
static int check_json_lines(const char *out, const char *const *keys)
{
    int lines = 0;
    const char *p = out;
    while (*p) {
        const char *nl = strchr(p, '\n');
        assert_non_null(nl);
        char *line = xstrndup(p, (size_t)(nl - p));
        if (!test_json_valid(line))
            fail_msg("invalid JSON line: %s", line);
        assert_int_equal(line[0], '{');
        for (const char *const *k = keys; *k; k++) {
            char quoted[64];
            snprintf(quoted, sizeof quoted, "\"%s\":", *k);
            if (!strstr(line, quoted))
                fail_msg("key %s missing in %s", *k, line);
        }
        free(line);
        lines++;
        p = nl + 1;
    }
    return lines;
}

static void cli_issues_json_has_one_line_per_issue(void **state)
{
    (void)state;
    strbuf out = {0}, err = {0};
    const char *db = fresh_db();
    assert_int_equal(run_dubao(db, &out, &err, "issues", "--json", NULL, NULL,
                               NULL, NULL), 0);
    static const char *const keys[] = {"file", "paper", "date", "articles",
                                       NULL};
    /* One line per file of the shipped corpus. */
    size_t files = 0;
    strbuf ls = {0};
    char *argv[] = {"ls", (char *)test_src_path("assets/corpus"), NULL};
    test_run(argv, &ls, NULL);
    for (char *p = ls.s; p && *p; p++)
        files += *p == '\n';
    assert_true(files >= 5);
    assert_int_equal(check_json_lines(out.s, keys), (int)files);
    sb_free(&ls);
    sb_free(&out);
    sb_free(&err);
}

static void cli_articles_and_quotes_follow_the_contract(void **state)
{
    (void)state;
    strbuf out = {0}, err = {0};
    const char *db = fresh_db();
    assert_int_equal(run_dubao(db, &out, &err, "articles", "--json", NULL,
                               NULL, NULL, NULL), 0);
    static const char *const akeys[] = {"file", "headline", "subheads",
                                        "byline", "speakers", NULL};
    assert_true(check_json_lines(out.s, akeys) > 0);
    sb_clear(&out);
    assert_int_equal(run_dubao(db, &out, &err, "quotes", "--json", NULL, NULL,
                               NULL, NULL), 0);
    static const char *const qkeys[] = {"file", "article", "speaker", "role",
                                        "titles", "kind", "text", NULL};
    check_json_lines(out.s ? out.s : "", qkeys);
    sb_clear(&out);
    assert_int_equal(run_dubao(db, &out, &err, "speakers", "--json", NULL,
                               NULL, NULL, NULL), 0);
    static const char *const skeys[] = {"name", "role", "titles",
                                        "is_delegate", "quotes", NULL};
    check_json_lines(out.s ? out.s : "", skeys);
    sb_free(&out);
    sb_free(&err);
}

static void cli_index_reports_counts_then_nothing_changes(void **state)
{
    (void)state;
    strbuf out = {0}, err = {0};
    const char *db = fresh_db();
    assert_int_equal(run_dubao(db, &out, &err, "index", NULL, NULL, NULL, NULL,
                               NULL), 0);
    assert_non_null(strstr(out.s, "parsed 5"));
    sb_clear(&out);
    assert_int_equal(run_dubao(db, &out, &err, "index", NULL, NULL, NULL, NULL,
                               NULL), 0);
    assert_non_null(strstr(out.s, "parsed 0, unchanged 5"));
    sb_free(&out);
    sb_free(&err);
}

/* Run "dubao --db db --corpus corpus [-q] index" on a pseudo-terminal
   (script(1)): what it wrote there, stdout and stderr together, in out.
   Returns its exit status. */
static int run_on_terminal(const char *db, const char *corpus, bool quiet,
                           strbuf *out)
{
    char cmd[2400], rec[600];
    snprintf(rec, sizeof rec, "%s/typescript", test_tmpdir());
    snprintf(cmd, sizeof cmd, "%s --db %s --corpus %s %s index", dubao_bin(),
             db, corpus, quiet ? "-q" : "");
    char *argv[] = {"script", "-q", "-e", "-c", cmd, rec, NULL};
    int rc = test_run(argv, NULL, NULL);
    size_t n;
    char *bytes = test_read_file(rec, &n);
    sb_clear(out);
    sb_append(out, bytes, n);
    free(bytes);
    return rc;
}

/* On a terminal, dubao index shows a progress line (files and MB done of
   the total, MB/s) redrawn in place, then a one-line summary; with -q, or
   with stderr piped, neither. */
static void cli_index_shows_progress_on_a_terminal(void **state)
{
    (void)state;
    char corpus[600], db[600], db2[600];
    snprintf(corpus, sizeof corpus, "%s/progress", test_tmpdir());
    snprintf(db, sizeof db, "%s/progress.db", test_tmpdir());
    snprintf(db2, sizeof db2, "%s/progress2.db", test_tmpdir());
    test_write_pages(corpus, 40, "进度");
    strbuf out = {0}, err = {0};
    assert_int_equal(run_on_terminal(db, corpus, false, &out), 0);
    assert_non_null(strstr(out.s, "\r\033[Kdubao: indexing 0 of 40 files, "
                                  "0.0 of 0.0 MB"));
    assert_non_null(strstr(out.s, " MB/s"));
    assert_non_null(strstr(out.s, "dubao: indexed 40 files, 0.0 MB in "));
    assert_non_null(strstr(out.s, "parsed 40"));
    /* Nothing changed: nothing to show progress for. */
    assert_int_equal(run_on_terminal(db, corpus, false, &out), 0);
    assert_null(strstr(out.s, "indexing"));
    assert_int_equal(run_on_terminal(db2, corpus, true, &out), 0);
    assert_null(strstr(out.s, "indexing"));
    assert_non_null(strstr(out.s, "parsed 40"));
    /* Piped: no progress, and no control characters. */
    snprintf(db2, sizeof db2, "%s/progress3.db", test_tmpdir());
    assert_int_equal(run_dubao(db2, &out, &err, "--corpus", corpus, "index",
                               NULL, NULL, NULL), 0);
    assert_non_null(strstr(out.s, "parsed 40"));
    assert_null(strstr(err.s ? err.s : "", "indexing"));
    assert_null(strchr(err.s ? err.s : "", '\r'));
    sb_free(&out);
    sb_free(&err);
}

/* The number of lines in s. */
static int count_lines(const char *s)
{
    int n = 0;
    for (; s && *s; s++)
        n += *s == '\n';
    return n;
}

/* Write text over the start of the file at path, in place (same inode,
   same size when text is as long as what it replaces). */
static void overwrite_start(const char *path, const char *text)
{
    FILE *f = fopen(path, "r+");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Run "dubao --db db --corpus corpus COMMAND" (quotes: with --speaker
   arg, search: with the query arg, both --json; others: -q) as a user does,
   refreshing first; its output alone in out.  Returns the exit status. */
static int lookup(const char *db, const char *corpus, strbuf *out,
                  const char *command, const char *arg)
{
    sb_clear(out);
    if (arg && strcmp(command, "quotes") == 0)
        return run_dubao(db, out, NULL, "--corpus", corpus, command,
                         "--speaker", arg, "--json");
    if (arg)
        return run_dubao(db, out, NULL, "--corpus", corpus, command,
                         "--json", arg, NULL);
    return run_dubao(db, out, NULL, "--corpus", corpus, "-q", command, NULL,
                     NULL);
}

/* Replace every from in the file at path by to, of the same length, in
   place (same inode, same size). */
static void replace_in_place(const char *path, const char *from,
                             const char *to)
{
    size_t n = strlen(from);
    assert_int_equal(strlen(to), n);
    FILE *f = fopen(path, "r+");
    assert_non_null(f);
    char buf[4096];
    size_t len = fread(buf, 1, sizeof buf - 1, f);
    buf[len] = '\0';
    int replaced = 0;
    for (char *p = strstr(buf, from); p; p = strstr(p + n, from), replaced++)
        memcpy(p, to, n);
    assert_true(replaced > 0);
    rewind(f);
    assert_int_equal(fwrite(buf, 1, len, f), len);
    fclose(f);
}

/* Give the file at path the modification time of the given second (the
   same size and a new mtime, whatever the clock's granularity). */
static void set_mtime(const char *path, time_t when)
{
    struct timespec times[2] = {{when, 0}, {when, 0}};
    assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
}

/* Each change to the corpus shows up in the next lookup, quotes and
   search alike, without -n: a page edited in place (appended to; a quote
   rewritten at the same size, with a new mtime), a page added, a page
   renamed, a page removed.  After the first edit the stored table is no
   longer in path order (an edited page's row moves to its end), which
   the refresh must not count on. */
static void cli_lookups_see_each_change_to_the_corpus(void **state)
{
    (void)state;
    char corpus[600], db[600], path[700], renamed[700];
    snprintf(corpus, sizeof corpus, "%s/fresh", test_tmpdir());
    snprintf(db, sizeof db, "%s/fresh.db", test_tmpdir());
    test_write_pages(corpus, 3, "新鲜");
    strbuf out = {0};
    assert_int_equal(lookup(db, corpus, &out, "index", NULL), 0);
    assert_int_equal(lookup(db, corpus, &out, "quotes", "张三明"), 0);
    assert_int_equal(count_lines(out.s), 2); /* pages 0 and 2 */
    /* Appended to in place. */
    snprintf(path, sizeof path, "%s/p0000.txt", corpus);
    FILE *f = fopen(path, "a");
    assert_non_null(f);
    fputs("\n全国人大代表张三明说：“这是追加的一句话。”\n", f);
    fclose(f);
    assert_int_equal(lookup(db, corpus, &out, "quotes", "张三明"), 0);
    assert_int_equal(count_lines(out.s), 3);
    assert_non_null(strstr(out.s, "这是追加的一句话"));
    assert_int_equal(lookup(db, corpus, &out, "search", "追加"), 0);
    assert_non_null(strstr(out.s, "p0000.txt"));
    /* Rewritten in place at the same size. */
    overwrite_start(path, "# 第0号新闻：陈旧");
    assert_int_equal(lookup(db, corpus, &out, "articles", NULL), 0);
    assert_non_null(strstr(out.s, "第0号新闻：陈旧"));
    /* A quote rewritten at the same size, the mtime set to another
       second: found under its new words, not under the old. */
    snprintf(path, sizeof path, "%s/p0002.txt", corpus);
    struct stat before;
    assert_int_equal(stat(path, &before), 0);
    replace_in_place(path, "新鲜", "陈旧");
    set_mtime(path, before.st_mtime - 3600);
    struct stat after;
    assert_int_equal(stat(path, &after), 0);
    assert_int_equal(after.st_size, before.st_size);
    assert_int_equal(lookup(db, corpus, &out, "quotes", "张三明"), 0);
    assert_non_null(strstr(out.s, "这是陈旧的第2句话"));
    assert_null(strstr(out.s, "这是新鲜的第2句话"));
    assert_int_equal(lookup(db, corpus, &out, "search", "陈旧的第2句"), 0);
    assert_non_null(strstr(out.s, "p0002.txt"));
    /* A page added. */
    snprintf(path, sizeof path, "%s/p0100.txt", corpus);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("# 新来的一页\n\n全国政协委员李新来表示：“我是刚加进来的。”\n", f);
    fclose(f);
    assert_int_equal(lookup(db, corpus, &out, "quotes", "李新来"), 0);
    assert_non_null(strstr(out.s, "我是刚加进来的"));
    assert_int_equal(lookup(db, corpus, &out, "search", "刚加进来"), 0);
    assert_non_null(strstr(out.s, "p0100.txt"));
    /* A page renamed: found under its new name only. */
    snprintf(path, sizeof path, "%s/p0001.txt", corpus);
    snprintf(renamed, sizeof renamed, "%s/p0001-renamed.txt", corpus);
    assert_int_equal(rename(path, renamed), 0);
    assert_int_equal(lookup(db, corpus, &out, "quotes", "张三丰"), 0);
    assert_int_equal(count_lines(out.s), 1);
    assert_non_null(strstr(out.s, "p0001-renamed.txt"));
    assert_null(strstr(out.s, "p0001.txt"));
    assert_int_equal(lookup(db, corpus, &out, "search", "新鲜的第1句"), 0);
    assert_non_null(strstr(out.s, "p0001-renamed.txt"));
    assert_null(strstr(out.s, "p0001.txt"));
    /* A page removed. */
    snprintf(path, sizeof path, "%s/p0002.txt", corpus);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(lookup(db, corpus, &out, "quotes", "张三明"), 0);
    assert_int_equal(count_lines(out.s), 2);
    assert_null(strstr(out.s, "的第2句话"));
    assert_int_equal(lookup(db, corpus, &out, "search", "陈旧的第2句"), 0);
    assert_null(strstr(out.s, "p0002.txt"));
    sb_free(&out);
}

/* --no-refresh answers from the database as it is, without noticing a new
   corpus file; without it the file is indexed first; an empty database
   is filled even with it. */
static void cli_no_refresh_uses_the_database_as_it_is(void **state)
{
    (void)state;
    char corpus[512];
    snprintf(corpus, sizeof corpus, "%s/pages", test_tmpdir());
    mkdir(corpus, 0700);
    test_copy_corpus_page("000_fe2404723e325502.txt", corpus);
    strbuf out = {0}, err = {0};
    const char *db = fresh_db();
    assert_int_equal(run_dubao(db, &out, &err, "--corpus", corpus, "index",
                               NULL, NULL, NULL), 0);
    test_copy_corpus_page("001_fdcd2f72013fe7d7.txt", corpus);
    sb_clear(&out);
    assert_int_equal(run_dubao(db, &out, &err, "-n", "--corpus", corpus,
                               "issues", NULL, NULL), 0);
    assert_int_equal(count_lines(out.s), 1);
    sb_clear(&out);
    assert_int_equal(run_dubao(db, &out, &err, "--corpus", corpus, "issues",
                               NULL, NULL, NULL), 0);
    assert_int_equal(count_lines(out.s), 2);
    sb_clear(&out);
    assert_int_equal(run_dubao(fresh_db(), &out, &err, "--no-refresh",
                               "--corpus", corpus, "issues", NULL, NULL), 0);
    assert_int_equal(count_lines(out.s), 2);
    sb_free(&out);
    sb_free(&err);
}

/* Every quote of the corpus streams out (row by row): as many JSON lines
   as the index counted, and CSV's header exactly once. */
static void cli_all_quotes_stream_out(void **state)
{
    (void)state;
    strbuf out = {0}, err = {0};
    const char *db = fresh_db();
    assert_int_equal(run_dubao(db, &out, &err, "index", NULL, NULL, NULL, NULL,
                               NULL), 0);
    const char *q = strstr(out.s, "speakers, ");
    assert_non_null(q);
    long counted = strtol(q + strlen("speakers, "), NULL, 10);
    assert_true(counted > 0);
    sb_clear(&out);
    assert_int_equal(run_dubao(db, &out, &err, "-n", "quotes", "--json", NULL,
                               NULL, NULL), 0);
    assert_int_equal(count_lines(out.s), counted);
    sb_clear(&out);
    assert_int_equal(run_dubao(db, &out, &err, "-n", "quotes", "--csv", NULL,
                               NULL, NULL), 0);
    const char *header = "file,article,speaker,role,titles,kind,text,paper,"
                         "date,edition,delegation\n";
    assert_true(strncmp(out.s, header, strlen(header)) == 0);
    assert_null(strstr(out.s + 1, header));
    sb_free(&out);
    sb_free(&err);
}

static void cli_usage_errors_exit_2(void **state)
{
    (void)state;
    strbuf out = {0}, err = {0};
    const char *db = fresh_db();
    assert_int_equal(run_dubao(db, &out, &err, "--bogus", NULL, NULL, NULL,
                               NULL, NULL), 2);
    assert_non_null(strstr(err.s, "--bogus"));
    sb_clear(&err);
    assert_int_equal(run_dubao(db, &out, &err, "frobnicate", NULL, NULL, NULL,
                               NULL, NULL), 2);
    assert_non_null(strstr(err.s, "frobnicate"));
    sb_clear(&err);
    assert_int_equal(run_dubao(db, &out, &err, "issues", "--csv", NULL, NULL,
                               NULL, NULL), 2);
    assert_int_equal(run_dubao(db, &out, &err, "quotes", "--speaker", NULL,
                               NULL, NULL, NULL), 2);
    /* An empty database name is a usage error, not SQLite's temporary
       database (issue 21 item 4). */
    sb_clear(&err);
    assert_int_equal(run_dubao("", &out, &err, "issues", NULL, NULL, NULL,
                               NULL, NULL), 2);
    assert_non_null(strstr(err.s, "--db needs a file name"));
    errno = 0;
    assert_int_equal(make_parent_dirs(""), -1); /* read past "" before */
    assert_int_equal(errno, ENOENT);
    sb_clear(&out);
    assert_int_equal(run_dubao(NULL, &out, &err, "--help", NULL, NULL, NULL,
                               NULL, NULL), 0);
    assert_non_null(strstr(out.s, "usage: dubao"));
    sb_clear(&out);
    assert_int_equal(run_dubao(NULL, &out, &err, "--version", NULL, NULL,
                               NULL, NULL, NULL), 0);
    assert_non_null(strstr(out.s, "dubao "));
    sb_free(&out);
    sb_free(&err);
}

static void cli_runtime_errors_exit_1_with_a_message(void **state)
{
    (void)state;
    strbuf out = {0}, err = {0};
    /* A corpus path that does not exist. */
    assert_int_equal(run_dubao(fresh_db(), &out, &err, "--corpus",
                               "/nonexistent/corpus", "issues", NULL, NULL,
                               NULL), 1);
    assert_non_null(strstr(err.s, "/nonexistent/corpus"));
    sb_clear(&err);
    /* A database that is not one. */
    char path[512];
    snprintf(path, sizeof path, "%s/bad.db", test_tmpdir());
    FILE *f = fopen(path, "w");
    fputs("garbage garbage garbage garbage garbage garbage garbage\n", f);
    fclose(f);
    assert_int_equal(run_dubao(path, &out, &err, "issues", NULL, NULL, NULL,
                               NULL, NULL), 1);
    assert_non_null(strstr(err.s, path));
    sb_clear(&err);
    /* The browser refuses when stdout is not a terminal. */
    assert_int_equal(run_dubao(fresh_db(), &out, &err, NULL, NULL, NULL, NULL,
                               NULL, NULL), 1);
    assert_non_null(strstr(err.s, "terminal"));
    sb_free(&out);
    sb_free(&err);
}

/* Expect exit status 2 and a message holding want. */
static void expect_usage(const char *db, const char *want, const char *a1,
                         const char *a2, const char *a3, const char *a4)
{
    strbuf out = {0}, err = {0};
    int rc = run_dubao(db, &out, &err, a1, a2, a3, a4, NULL, NULL);
    if (rc != 2 || !err.s || !strstr(err.s, want))
        fail_msg("status %d, message '%s'; wanted 2 and '%s'", rc,
                 err.s ? err.s : "", want);
    sb_free(&out);
    sb_free(&err);
}

/* Messages name what is wrong: the argument itself (search -代表 named
   'search'), a limit too large for an int is no error (it said "needs a
   positive number"), a directory given as --db (SQLite said "unable to
   open database file"), an empty --corpus (it said ": No such file or
   directory"); -- ends the options. */
static void cli_messages_name_what_is_wrong(void **state)
{
    (void)state;
    strbuf out = {0}, err = {0};
    const char *db = fresh_db();
    assert_int_equal(run_dubao(db, &out, &err, "index", NULL, NULL, NULL,
                               NULL, NULL), 0);
    expect_usage(db, "dubao search: unknown option '-代表' (to look for text "
                     "that starts with '-', put -- before it: dubao search "
                     "-- -代表)", "-n", "search", "-代表", NULL);
    sb_clear(&out);
    assert_int_equal(run_dubao(db, &out, &err, "-n", "search", "--", "-代表",
                               NULL, NULL), 0);
    assert_non_null(strstr(out.s, "代表"));
    sb_clear(&out);
    assert_int_equal(run_dubao(db, &out, &err, "-n", "--", "search",
                               "--limit", "2147483648", "代表"), 0);
    assert_non_null(strstr(out.s, "代表"));
    expect_usage(db, "--limit needs a whole number of results, 1 or more "
                     "(not '5x')", "-n", "search", "--limit", "5x");
    expect_usage(db, "option '--issue' needs a value", "-n", "articles",
                 "--issue", NULL);
    expect_usage(db, "unknown option '-代表'", "-代表", "issues", NULL, NULL);
    expect_usage(NULL, "--db '/tmp' is a directory", "--db", "/tmp",
                 "issues", NULL);
    expect_usage(db, "--corpus needs a path, not an empty string", "--corpus",
                 "", "issues", NULL);
    /* An argument echoed in a message is printable. */
    expect_usage(db, "unknown command 'x\\u001b]52;c;QQ==\\u0007'",
                 "x\x1b]52;c;QQ==\x07", NULL, NULL, NULL);
    expect_usage(db, "no speaker has the role 'x\\u001b[2J'", "-n", "quotes",
                 "--role", "x\x1b[2J");
    expect_usage(db, "--since 2025\\u009b: not a date", "-n", "issues",
                 "--since", "2025\xc2\x9b");
    sb_clear(&err);
    assert_int_equal(run_dubao(db, &out, &err, "-n", "speakers",
                               "zz\x1b]0;t\x07", NULL, NULL, NULL), 0);
    assert_non_null(strstr(err.s, "no speaker matches 'zz\\u001b]0;t\\u0007'"));
    sb_free(&out);
    sb_free(&err);
}

/* Exports go to the documents directory (issue 18 item 3): the
   environment's XDG_DOCUMENTS_DIR first, else the line that xdg-user-dirs
   writes in user-dirs.dirs ($HOME expanded), else $HOME; a directory that
   does not exist is never chosen. */
static void cli_exports_go_to_the_documents_directory(void **state)
{
    (void)state;
    char home[600], docs[700], config[700], dirs[800], other[700];
    snprintf(home, sizeof home, "%s", test_tmpdir());
    snprintf(docs, sizeof docs, "%s/文档", home);
    snprintf(other, sizeof other, "%s/other", home);
    snprintf(config, sizeof config, "%s/config", home);
    snprintf(dirs, sizeof dirs, "%s/user-dirs.dirs", config);
    assert_int_equal(mkdir(docs, 0700), 0);
    assert_int_equal(mkdir(other, 0700), 0);
    assert_int_equal(mkdir(config, 0700), 0);
    char *old_home = getenv("HOME") ? xstrdup(getenv("HOME")) : NULL;
    char *old_docs = getenv("XDG_DOCUMENTS_DIR")
                         ? xstrdup(getenv("XDG_DOCUMENTS_DIR")) : NULL;
    setenv("HOME", home, 1);
    setenv("XDG_CONFIG_HOME", config, 1);
    unsetenv("XDG_DOCUMENTS_DIR");
    struct { const char *env, *file, *want; } cases[] = {
        {NULL, NULL, home},                                  /* nothing set */
        {NULL, "XDG_DOCUMENTS_DIR=\"$HOME/文档\"\n", docs},  /* the file */
        {NULL, "XDG_DOCUMENTS_DIR=\"$HOME/gone\"\n", home},  /* missing dir */
        {other, "XDG_DOCUMENTS_DIR=\"$HOME/文档\"\n", other}, /* env wins */
        {"~/文档", NULL, docs},                              /* ~ expanded */
    };
    for (size_t i = 0; i < SUITE_LEN(cases); i++) {
        unlink(dirs);
        if (cases[i].file) {
            FILE *f = fopen(dirs, "w");
            assert_non_null(f);
            fputs("# written by xdg-user-dirs-update\n", f);
            fputs(cases[i].file, f);
            fclose(f);
        }
        if (cases[i].env)
            setenv("XDG_DOCUMENTS_DIR", cases[i].env, 1);
        else
            unsetenv("XDG_DOCUMENTS_DIR");
        char *dir = dubao_documents_dir();
        if (strcmp(dir, cases[i].want) != 0)
            fail_msg("case %zu: documents directory %s, want %s", i, dir,
                     cases[i].want);
        free(dir);
    }
    unsetenv("XDG_CONFIG_HOME");
    if (old_docs)
        setenv("XDG_DOCUMENTS_DIR", old_docs, 1);
    else
        unsetenv("XDG_DOCUMENTS_DIR");
    if (old_home)
        setenv("HOME", old_home, 1);
    free(old_home);
    free(old_docs);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(cli_issues_json_has_one_line_per_issue),
    cmocka_unit_test(cli_articles_and_quotes_follow_the_contract),
    cmocka_unit_test(cli_index_reports_counts_then_nothing_changes),
    cmocka_unit_test(cli_index_shows_progress_on_a_terminal),
    cmocka_unit_test(cli_lookups_see_each_change_to_the_corpus),
    cmocka_unit_test(cli_no_refresh_uses_the_database_as_it_is),
    cmocka_unit_test(cli_all_quotes_stream_out),
    cmocka_unit_test(cli_usage_errors_exit_2),
    cmocka_unit_test(cli_runtime_errors_exit_1_with_a_message),
    cmocka_unit_test(cli_messages_name_what_is_wrong),
    cmocka_unit_test(cli_exports_go_to_the_documents_directory),
};
const test_suite cli_suite = {tests, SUITE_LEN(tests)};
