/* test_roots.c - a database belongs to the corpus it was built from
 * (issue 21 items 10 and 11): it remembers its roots, is never refilled
 * from another corpus without --prune, keeps the files of a root that is
 * missing or empty, and names a root that is not a file or directory. */
#include "test.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *dubao_bin(void)
{
    const char *b = getenv("DUBAO_BIN");
    return b ? b : "./dubao";
}

/* Run dubao --db db with the arguments that follow (NULL-terminated);
   returns the exit status. */
static int run(const char *db, strbuf *out, strbuf *err, ...)
{
    char *argv[16] = {(char *)dubao_bin(), "--db", (char *)db};
    int n = 3;
    va_list ap;
    va_start(ap, err);
    for (const char *a; n < 15 && (a = va_arg(ap, const char *)) != NULL;)
        argv[n++] = (char *)a;
    va_end(ap);
    argv[n] = NULL;
    if (out)
        sb_clear(out);
    if (err)
        sb_clear(err);
    return test_run(argv, out, err);
}

/* A corpus of the shipped pages under other names (PREFIX-N.txt), so that
   its issues cannot be mistaken for the shipped corpus's. */
static void make_corpus(const char *dir, const char *prefix)
{
    static const char *const pages[] = {"000_fe2404723e325502.txt",
                                        "001_fdcd2f72013fe7d7.txt",
                                        "002_c7847733b991b368.txt"};
    assert_int_equal(mkdir(dir, 0700), 0);
    for (size_t i = 0; i < 3; i++) {
        char src[128], dst[600];
        snprintf(src, sizeof src, "assets/corpus/%s", pages[i]);
        size_t len;
        char *bytes = test_read_file(test_src_path(src), &len);
        snprintf(dst, sizeof dst, "%s/%s-%zu.txt", dir, prefix, i);
        FILE *f = fopen(dst, "wb");
        assert_non_null(f);
        fwrite(bytes, 1, len, f);
        fclose(f);
        free(bytes);
    }
}

/* A fresh directory with the corpus mine/ (make_corpus) indexed into
   r.db beside it: their paths in corpus and db. */
static void indexed_corpus(char corpus[512], char db[600])
{
    const char *dir = test_tmpdir();
    snprintf(corpus, 512, "%s/mine", dir);
    snprintf(db, 600, "%s/r.db", dir);
    make_corpus(corpus, "mine");
    assert_int_equal(run(db, NULL, NULL, "--corpus", corpus, "-q", "index",
                         NULL), 0);
}

/* Without --corpus, a database is refreshed from the corpus it was built
   from, not the shipped one (issue 21 item 11: 761 issues removed without
   a word). */
static void roots_database_remembers_its_corpus(void **state)
{
    (void)state;
    char corpus[512], db[600];
    indexed_corpus(corpus, db);
    strbuf out = {0}, err = {0};
    assert_int_equal(run(db, &out, &err, "index", NULL), 0);
    assert_non_null(strstr(out.s, "files 3: parsed 0, unchanged 3, skipped 0, "
                                  "failed 0, removed 0"));
    assert_int_equal(run(db, &out, &err, "issues", NULL), 0);
    assert_int_equal(test_count_lines_with(out.s, "mine-"), 3);
    assert_int_equal(test_count_lines_with(out.s, "000_fe24"), 0);
    /* Another root besides: the database grows, and remembers both. */
    char more[600];
    snprintf(more, sizeof more, "%.*s/more", (int)(strrchr(db, '/') - db),
             db);
    make_corpus(more, "more");
    assert_int_equal(run(db, &out, &err, "--corpus", corpus, "--corpus", more,
                         "index", NULL), 0);
    /* (The same pages under two names: where paper and date are known,
       one issue holds both copies, so count the files the issues hold.) */
    assert_int_equal(run(db, &out, &err, "issues", NULL), 0);
    assert_int_equal(test_count_lines_with(out.s, "mine-"), 3);
    for (int i = 0; i < 2; i++)
        assert_int_equal(test_sql_int(db, i == 0
            ? "SELECT count(*) FROM documents d JOIN sources s ON "
              "s.id=d.source_id WHERE s.path LIKE '%/mine/%'"
            : "SELECT count(*) FROM documents d JOIN sources s ON "
              "s.id=d.source_id WHERE s.path LIKE '%/more/%'"), 3);
    sb_free(&out);
    sb_free(&err);
}

/* Pointed at another corpus, a database refuses, says why and changes
   nothing; --prune replaces its contents, and the new corpus is the one
   it remembers. */
static void roots_another_corpus_needs_prune(void **state)
{
    (void)state;
    char mine[512], other[600], db[600];
    indexed_corpus(mine, db);
    snprintf(other, sizeof other, "%.*s/other", (int)(strrchr(db, '/') - db),
             db);
    make_corpus(other, "other");
    strbuf out = {0}, err = {0};
    assert_int_equal(run(db, &out, &err, "--corpus", other, "issues", NULL),
                     1);
    assert_non_null(strstr(err.s, "3 files from outside the corpus given"));
    assert_non_null(strstr(err.s, mine));
    assert_non_null(strstr(err.s, "--prune"));
    assert_int_equal(test_sql_int(db, "SELECT count(*) FROM documents d JOIN "
                                      "sources s ON s.id=d.source_id WHERE "
                                      "s.path LIKE '%/mine/%'"), 3);
    assert_int_equal(test_sql_int(db, "SELECT count(*) FROM sources WHERE "
                                      "path LIKE '%/other/%'"), 0);
    /* The shipped corpus is another corpus too. */
    char shipped[600];
    snprintf(shipped, sizeof shipped, "%s", test_src_path("assets/corpus"));
    assert_int_equal(run(db, &out, &err, "--corpus", shipped, "issues", NULL),
                     1);
    /* A single file of it: the others would go. */
    char one[600];
    snprintf(one, sizeof one, "%s/mine-0.txt", mine);
    assert_int_equal(run(db, &out, &err, "--corpus", one, "issues", NULL), 1);
    assert_int_equal(run(db, &out, &err, "--corpus", other, "--prune",
                         "index", NULL), 0);
    assert_non_null(strstr(out.s, "removed 3"));
    assert_int_equal(run(db, &out, &err, "issues", NULL), 0);
    assert_int_equal(test_count_lines_with(out.s, "other-"), 3);
    assert_int_equal(test_count_lines_with(out.s, "mine-"), 0);
    sb_free(&out);
    sb_free(&err);
}

/* A root that is empty (an unmounted disk) or gone removes nothing and
   says why, even with -q; the database still answers; --prune removes
   its files. */
static void roots_empty_or_vanished_root_keeps_its_files(void **state)
{
    (void)state;
    const char *dir = test_tmpdir();
    char corpus[512], db[600], moved[512], cmd[1200];
    snprintf(corpus, sizeof corpus, "%s/mnt", dir);
    snprintf(moved, sizeof moved, "%s/away", dir);
    snprintf(db, sizeof db, "%s/r.db", dir);
    make_corpus(corpus, "disk");
    strbuf out = {0}, err = {0};
    assert_int_equal(run(db, &out, &err, "--corpus", corpus, "index", NULL),
                     0);
    /* The files go; the directory stays, empty. */
    assert_int_equal(mkdir(moved, 0700), 0);
    snprintf(cmd, sizeof cmd, "mv '%s'/* '%s'/", corpus, moved);
    char *sh[] = {"sh", "-c", cmd, NULL};
    assert_int_equal(test_run(sh, NULL, NULL), 0);
    assert_int_equal(run(db, &out, &err, "-q", "index", NULL), 0);
    assert_non_null(strstr(out.s, "removed 0, not read 0, kept 3"));
    assert_non_null(strstr(err.s, "holds no corpus file now"));
    assert_non_null(strstr(err.s, "its 3 files stay in the database"));
    assert_int_equal(run(db, &out, &err, "issues", NULL), 0);
    assert_int_equal(test_count_lines_with(out.s, "disk-"), 3);
    /* The directory goes too. */
    assert_int_equal(rmdir(corpus), 0);
    assert_int_equal(run(db, &out, &err, "issues", NULL), 0);
    assert_int_equal(test_count_lines_with(out.s, "disk-"), 3);
    assert_non_null(strstr(err.s, "cannot be read"));
    assert_non_null(strstr(err.s, "its 3 files stay in the database"));
    /* Asked for, they go (and with no root left, index says so). */
    assert_int_equal(run(db, &out, &err, "--prune", "index", NULL), 1);
    assert_non_null(strstr(out.s, "removed 3"));
    assert_non_null(strstr(err.s, "no corpus files found"));
    assert_int_equal(test_sql_int(db, "SELECT count(*) FROM issues"), 0);
    sb_free(&out);
    sb_free(&err);
}

/* A root that is a device or a FIFO is named, never read (a FIFO would
   block), and a new database given nothing else says there is nothing
   to show. */
static void roots_devices_and_fifos_are_named(void **state)
{
    (void)state;
    const char *dir = test_tmpdir();
    char fifo[512];
    snprintf(fifo, sizeof fifo, "%s/pipe", dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    const char *roots[] = {"/dev/zero", "/dev/null", fifo};
    strbuf out = {0}, err = {0};
    for (size_t i = 0; i < 3; i++) {
        char db[600];
        snprintf(db, sizeof db, "%s/d%zu.db", dir, i);
        assert_int_equal(run(db, &out, &err, "--corpus", roots[i], "-q",
                             "issues", NULL), 1);
        char want[600];
        snprintf(want, sizeof want, "%s is not a file or directory",
                 roots[i]);
        if (!strstr(err.s, want))
            fail_msg("no '%s' in: %s", want, err.s);
        assert_non_null(strstr(err.s, "no corpus files found"));
    }
    sb_free(&out);
    sb_free(&err);
}

/* Damage met by a command without --corpus: it says so, and the
   database is rebuilt from the corpus it was built from, never the
   shipped one (issue 21 item 10: 22 shipped articles were printed). */
static void roots_damage_is_rebuilt_from_its_own_corpus(void **state)
{
    (void)state;
    char corpus[512], db[600];
    indexed_corpus(corpus, db);
    strbuf out = {0}, err = {0};
    assert_int_equal(run(db, &out, &err, "-n", "articles", NULL), 0);
    char *before = xstrdup(out.s);
    assert_int_equal(test_damage_pages(db, "name='articles' AND "
                                           "pagetype='leaf'", 1, 16), 1);
    assert_int_equal(run(db, &out, &err, "-n", "articles", NULL), 0);
    assert_non_null(strstr(err.s, "damaged"));
    assert_string_equal(out.s, before);
    free(before);
    sb_free(&out);
    sb_free(&err);
}

/* When the damage took the remembered roots and the stored paths with
   it, the rebuilt database does not guess: without --corpus it says what
   it needs; with it, it is filled and the marks are back. */
static void roots_lost_with_the_damage_are_asked_for(void **state)
{
    (void)state;
    char corpus[512], db[600];
    indexed_corpus(corpus, db);
    strbuf out = {0}, err = {0};
    test_sql(db, "INSERT INTO marks(file, headline, quote, created) "
                 "VALUES('f','h','q',1); PRAGMA wal_checkpoint(TRUNCATE)");
    /* Every page of the sources and state tables and their indexes. */
    assert_true(test_damage_pages(db, "name IN ('sources', 'state', "
                                      "'sqlite_autoindex_sources_1', "
                                      "'sqlite_autoindex_state_1')", 64,
                                  64) >= 2);
    assert_int_equal(run(db, &out, &err, "articles", NULL), 1);
    assert_non_null(strstr(err.s, "damaged"));
    assert_non_null(strstr(err.s, "give it with --corpus"));
    assert_true(out.len == 0);
    /* And again: the rebuilt database still does not guess. */
    assert_int_equal(run(db, &out, &err, "articles", NULL), 1);
    assert_non_null(strstr(err.s, "give it with --corpus"));
    assert_int_equal(run(db, &out, &err, "--corpus", corpus, "articles",
                         NULL), 0);
    assert_int_equal(test_count_lines_with(out.s, "mine-"),
                     test_count_lines_with(out.s, ""));
    assert_true(out.len > 0);
    assert_int_equal(test_sql_int(db, "SELECT count(*) FROM marks"), 1);
    assert_int_equal(run(db, &out, &err, "-n", "issues", NULL), 0);
    assert_int_equal(test_count_lines_with(out.s, "mine-"), 3);
    sb_free(&out);
    sb_free(&err);
}

/* A database written before dubao remembered its roots, upgraded to a
   new schema (its tables rebuilt): it still knows which files it held, so
   the shipped corpus does not replace them; given its corpus, it is
   filled again from it. */
static void roots_upgraded_database_keeps_which_files_it_holds(void **state)
{
    (void)state;
    char corpus[512], db[600];
    indexed_corpus(corpus, db);
    strbuf out = {0}, err = {0};
    test_sql(db, "DELETE FROM state WHERE key LIKE 'corpus_root:%';"
                 "PRAGMA user_version=1");
    assert_int_equal(run(db, &out, &err, "issues", NULL), 1);
    assert_non_null(strstr(err.s, "3 files from outside the corpus given"));
    assert_true(test_sql_int(db, "PRAGMA user_version") > 1); /* upgraded */
    assert_int_equal(test_sql_int(db, "SELECT count(*) FROM sources WHERE "
                                      "path LIKE '%/mine/mine-%' AND "
                                      "size < 0"), 3);
    assert_int_equal(run(db, &out, &err, "--corpus", corpus, "issues", NULL),
                     0);
    assert_int_equal(test_count_lines_with(out.s, "mine-"), 3);
    assert_int_equal(run(db, &out, &err, "issues", NULL), 0);
    assert_int_equal(test_count_lines_with(out.s, "mine-"), 3);
    sb_free(&out);
    sb_free(&err);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(roots_database_remembers_its_corpus),
    cmocka_unit_test(roots_another_corpus_needs_prune),
    cmocka_unit_test(roots_empty_or_vanished_root_keeps_its_files),
    cmocka_unit_test(roots_devices_and_fifos_are_named),
    cmocka_unit_test(roots_damage_is_rebuilt_from_its_own_corpus),
    cmocka_unit_test(roots_lost_with_the_damage_are_asked_for),
    cmocka_unit_test(roots_upgraded_database_keeps_which_files_it_holds),
};
const test_suite roots_suite = {tests, SUITE_LEN(tests)};
