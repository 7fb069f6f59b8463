/* test_faults.c - the database under faults: damaged and truncated
 * files, a lock held by another process, a read-only database, and
 * indexing killed with SIGKILL at random moments. */
#include "test.h"

#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *dubao_bin(void)
{
    const char *b = getenv("DUBAO_BIN");
    return b ? b : "./dubao";
}

/* Run "dubao --db db [--corpus corpus] -q cmd" and return the status. */
static int dubao(const char *db, const char *corpus, const char *cmd,
                 strbuf *out, strbuf *err)
{
    char *argv[10] = {(char *)dubao_bin(), "--db", (char *)db, "-q"};
    int n = 4;
    if (corpus) {
        argv[n++] = "--corpus";
        argv[n++] = (char *)corpus;
    }
    argv[n++] = (char *)cmd;
    argv[n] = NULL;
    return test_run(argv, out, err);
}

/* Run an SQL statement on a database file directly. */
static void sql(const char *db, const char *stmt)
{
    test_sql(db, stmt);
}

/* One integer from a query on a database file. */
static long long sql_int(const char *db, const char *q)
{
    return test_sql_int(db, q);
}

/* Count the lines of s. */
static int lines(const char *s)
{
    int n = 0;
    for (; s && *s; s++)
        n += *s == '\n';
    return n;
}

/* Overwrite len bytes at off of a file with 0xff. */
static void scribble(const char *path, long off, size_t len)
{
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    fseek(f, off, SEEK_SET);
    for (size_t i = 0; i < len; i++)
        fputc(0xff, f);
    fclose(f);
}

/* How many names in dir contain part. */
static int count_names(const char *dir, const char *part)
{
    char cmd[700];
    snprintf(cmd, sizeof cmd, "ls -a '%s' | grep -c -- '%s'", dir, part);
    char *sh[] = {"sh", "-c", cmd, NULL};
    strbuf out = {0};
    test_run(sh, &out, NULL);
    int n = out.s ? atoi(out.s) : -1;
    sb_free(&out);
    return n;
}

/* Write a corpus of count files (copies of the shipped pages with a tag
   so that two corpora differ everywhere). */
static void make_corpus(const char *dir, const char *tag, int count)
{
    mkdir(dir, 0700);
    static const char *const names[] = {
        "000_fe2404723e325502.txt", "001_fdcd2f72013fe7d7.txt",
        "002_c7847733b991b368.txt", "004_8168a787e35b052e.txt"};
    for (int i = 0; i < count; i++) {
        char src[256], dst[600];
        snprintf(src, sizeof src, "assets/corpus/%s", names[i % 4]);
        size_t n;
        char *bytes = test_read_file(test_src_path(src), &n);
        snprintf(dst, sizeof dst, "%s/%s-%03d.txt", dir, tag, i);
        FILE *f = fopen(dst, "wb");
        fprintf(f, "%s %d\n\n", tag, i);
        fwrite(bytes, 1, n, f);
        fclose(f);
        free(bytes);
    }
}

static void faults_damaged_database_is_rebuilt_keeping_marks(void **state)
{
    (void)state;
    char db[512];
    snprintf(db, sizeof db, "%s/f.db", test_tmpdir());
    strbuf out = {0}, err = {0};
    assert_int_equal(dubao(db, NULL, "issues", &out, &err), 0);
    int issues = lines(out.s);
    assert_true(issues > 0);
    sql(db, "INSERT INTO marks(file, headline, quote, created) "
            "VALUES('f','h','q',1); PRAGMA wal_checkpoint(TRUNCATE)");
    scribble(db, 4096 * 2, 4096 * 6);
    sb_clear(&out);
    sb_clear(&err);
    assert_int_equal(dubao(db, NULL, "issues", &out, &err), 0);
    assert_int_equal(lines(out.s), issues);
    assert_non_null(strstr(err.s, "damaged"));
    assert_int_equal(sql_int(db, "SELECT count(*) FROM marks"), 1);
    assert_int_equal(sql_int(db, "SELECT count(*) FROM pragma_quick_check "
                                 "WHERE quick_check <> 'ok'"), 0);
    sb_free(&out);
    sb_free(&err);
}

static void faults_truncated_database_is_rebuilt(void **state)
{
    (void)state;
    char db[512];
    snprintf(db, sizeof db, "%s/t.db", test_tmpdir());
    strbuf out = {0}, err = {0};
    assert_int_equal(dubao(db, NULL, "issues", &out, &err), 0);
    int issues = lines(out.s);
    sql(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    assert_int_equal(truncate(db, 3 * 4096), 0);
    sb_clear(&out);
    assert_int_equal(dubao(db, NULL, "issues", &out, &err), 0);
    assert_int_equal(lines(out.s), issues);
    sb_free(&out);
    sb_free(&err);
}

static void faults_locked_database_gives_a_clear_message(void **state)
{
    (void)state;
    const char *dir = test_tmpdir();
    char db[512], corpus[512], file[600];
    snprintf(db, sizeof db, "%s/l.db", dir);
    snprintf(corpus, sizeof corpus, "%s/c", dir);
    snprintf(file, sizeof file, "%s/page.txt", corpus);
    mkdir(corpus, 0700);
    FILE *f = fopen(file, "w");
    fputs("标题一\n\n正文第一段。\n", f);
    fclose(f);
    strbuf out = {0}, err = {0};
    assert_int_equal(dubao(db, corpus, "index", &out, &err), 0);
    /* Another process holds the write lock. */
    sqlite3 *h;
    assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "BEGIN IMMEDIATE", NULL, NULL, NULL),
                     SQLITE_OK);
    setenv("DUBAO_BUSY_TIMEOUT_MS", "300", 1);
    /* Reading works meanwhile (WAL). */
    sb_clear(&out);
    assert_int_equal(dubao(db, corpus, "issues", &out, &err), 0);
    assert_int_equal(lines(out.s), 1);
    /* Writing waits, then says why it failed; nothing is lost. */
    f = fopen(file, "a");
    fputs("\n新增的一段。\n", f);
    fclose(f);
    sb_clear(&err);
    assert_int_equal(dubao(db, corpus, "index", &out, &err), 1);
    assert_non_null(strstr(err.s, "locked"));
    sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(h);
    unsetenv("DUBAO_BUSY_TIMEOUT_MS");
    sb_clear(&out);
    assert_int_equal(dubao(db, corpus, "index", &out, &err), 0);
    assert_non_null(strstr(out.s, "parsed 1"));
    sb_free(&out);
    sb_free(&err);
}

/* A database this process may not write is read as it is, in a
   read-only directory too (issue 21 item 14: "attempt to write a readonly
   database"), though a corpus file changed since: by the commands with a
   notice, by the browser without trying to refresh it; nothing is
   created beside it, index says why it cannot run, and it is never taken
   for damage and moved aside. */
static void faults_read_only_database_can_still_be_read(void **state)
{
    (void)state;
    if (geteuid() != 0)
        skip(); /* needs root to run the program as another user */
    const char *dir = test_tmpdir();
    char db[600], sub[512], corpus[512], script[600];
    snprintf(sub, sizeof sub, "%s/ro", dir);
    snprintf(db, sizeof db, "%s/r.db", sub);
    snprintf(corpus, sizeof corpus, "%s/c", dir);
    snprintf(script, sizeof script, "%s/s.script", dir);
    assert_int_equal(mkdir(sub, 0755), 0);
    make_corpus(corpus, "读", 2);
    strbuf out = {0}, err = {0}, expected = {0};
    assert_int_equal(dubao(db, corpus, "issues", &expected, &err), 0);
    assert_true(expected.len > 0);
    sql(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    char page[700];
    snprintf(page, sizeof page, "%s/读-000.txt", corpus);
    FILE *f = fopen(page, "a");
    fputs("\n新的一段。\n", f);
    fclose(f);
    f = fopen(script, "w");
    fputs(":dump\n", f);
    fclose(f);
    chmod(db, 0444);
    chmod(dir, 0755);
    chmod(corpus, 0755);
    char *argv[] = {(char *)dubao_bin(), "--db", db, "-q", "issues", NULL};
    char *index[] = {(char *)dubao_bin(), "--db", db, "-q", "index", NULL};
    char *browse[] = {(char *)dubao_bin(), "--db", db, "--script", script,
                      NULL};
    for (int writable_dir = 0; writable_dir < 2; writable_dir++) {
        chmod(sub, writable_dir ? 0777 : 0555);
        sb_clear(&err);
        sb_clear(&out);
        assert_int_equal(test_run_as_nobody(argv, &out, &err), 0);
        assert_string_equal(out.s, expected.s);
        assert_non_null(strstr(err.s, "read-only"));
        assert_null(strstr(err.s, "damaged"));
        sb_clear(&out);
        assert_int_equal(test_run_as_nobody(browse, &out, &err), 0);
        assert_non_null(strstr(out.s, "Issues 1/2"));
        assert_null(strstr(out.s, "not refreshed"));
        assert_int_equal(count_names(sub, "r.db"), 1);
        sb_clear(&err);
        assert_int_equal(test_run_as_nobody(index, &out, &err), 1);
        assert_non_null(strstr(err.s, "read-only here: cannot index"));
    }
    chmod(sub, 0700);
    sb_free(&out);
    sb_free(&err);
    sb_free(&expected);
}

/* A fresh directory (returned) with a corpus c/ of count pages
   (make_corpus with tag) indexed into the database name there; db and
   corpus get their paths. */
static const char *indexed_corpus(const char *name, const char *tag,
                                  int count, char db[512], char corpus[512])
{
    const char *dir = test_tmpdir();
    snprintf(db, 512, "%s/%s", dir, name);
    snprintf(corpus, 512, "%s/c", dir);
    make_corpus(corpus, tag, count);
    assert_int_equal(dubao(db, corpus, "index", NULL, NULL), 0);
    return dir;
}

/* A page of quotes damaged under a command that streams its rows: the
   rows printed before the damage are not printed a second time after the
   rebuild; the command says its output is incomplete, and the next run
   prints everything. */
static void faults_damage_under_a_streaming_command(void **state)
{
    (void)state;
    char db[512], corpus[512];
    indexed_corpus("s.db", "丙", 120, db, corpus);
    strbuf out = {0}, err = {0};
    long long quotes = sql_int(db, "SELECT count(*) FROM quotes");
    assert_true(quotes > 500);
    sql(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    long long page = sql_int(db, "SELECT pageno FROM dbstat WHERE "
                                 "name='quotes' AND pagetype='leaf' ORDER BY "
                                 "pageno LIMIT 1 OFFSET (SELECT count(*)/2 "
                                 "FROM dbstat WHERE name='quotes' AND "
                                 "pagetype='leaf')");
    long long size = sql_int(db, "PRAGMA page_size");
    assert_true(page > 1 && size > 0);
    scribble(db, (long)((page - 1) * size), 12);
    char *argv[] = {(char *)dubao_bin(), "--db", db, "--corpus", corpus, "-q",
                    "-n", "quotes", "--csv", NULL};
    sb_clear(&out);
    sb_clear(&err);
    assert_int_equal(test_run(argv, &out, &err), 1);
    const char *header = "file,article,speaker,role,titles,kind,text,paper,"
                         "date,edition,delegation\n";
    assert_true(out.s && strncmp(out.s, header, strlen(header)) == 0);
    assert_null(strstr(out.s + 1, header));
    assert_non_null(strstr(err.s, "run the command again"));
    sb_clear(&out);
    assert_int_equal(test_run(argv, &out, &err), 0);
    assert_null(strstr(out.s + 1, header));
    assert_int_equal(sql_int(db, "SELECT count(*) FROM quotes"), quotes);
    sb_free(&out);
    sb_free(&err);
}

static void faults_sigkill_during_index_never_corrupts(void **state)
{
    (void)state;
    const char *dir = test_tmpdir();
    char db[512], a[512], b[512];
    snprintf(db, sizeof db, "%s/k.db", dir);
    snprintf(a, sizeof a, "%s/a", dir);
    snprintf(b, sizeof b, "%s/b", dir);
    make_corpus(a, "甲", 60);
    make_corpus(b, "乙", 60);
    /* How long a full index takes, to kill at moments inside it. */
    struct timespec t0, t1;
    strbuf out = {0}, err = {0};
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_int_equal(dubao(db, a, "index", &out, &err), 0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long full_us = (t1.tv_sec - t0.tv_sec) * 1000000L +
                   (t1.tv_nsec - t0.tv_nsec) / 1000;
    srand(12345);
    for (int i = 0; i < 50; i++) {
        const char *corpus = i % 2 ? a : b;
        pid_t pid = fork();
        if (pid == 0) {
            int devnull = open("/dev/null", O_WRONLY);
            dup2(devnull, 1);
            dup2(devnull, 2);
            /* --prune: each run replaces the other corpus. */
            execl(dubao_bin(), dubao_bin(), "--db", db, "--corpus", corpus,
                  "--prune", "-q", "index", (char *)NULL);
            _exit(127);
        }
        usleep((useconds_t)(rand() % (full_us > 10 ? full_us : 10)));
        kill(pid, SIGKILL);
        int status;
        waitpid(pid, &status, 0);
        if (sql_int(db, "SELECT count(*) FROM pragma_integrity_check "
                        "WHERE integrity_check <> 'ok'") != 0)
            fail_msg("integrity_check failed after kill %d", i);
        assert_int_equal(sql_int(db, "SELECT count(*) FROM "
                                     "pragma_foreign_key_check"), 0);
        /* Every stored source that parsed has its document; no page or
           issue is left without one. */
        assert_int_equal(sql_int(db, "SELECT count(*) FROM sources s WHERE "
                                     "s.status='ok' AND NOT EXISTS (SELECT 1 "
                                     "FROM documents d WHERE "
                                     "d.source_id=s.id)"), 0);
        assert_int_equal(sql_int(db, "SELECT count(*) FROM pages p WHERE NOT "
                                     "EXISTS (SELECT 1 FROM documents d "
                                     "WHERE d.page_id=p.id)"), 0);
        assert_int_equal(sql_int(db, "SELECT count(*) FROM issues i WHERE NOT "
                                     "EXISTS (SELECT 1 FROM pages p WHERE "
                                     "p.issue_id=i.id)"), 0);
        /* The full-text indexes hold exactly the stored rows. */
        assert_int_equal(sql_int(db, "SELECT "
            "(SELECT count(*) FROM articles WHERE id NOT IN "
            "  (SELECT id FROM article_fts_docsize)) + "
            "(SELECT count(*) FROM article_fts_docsize WHERE id NOT IN "
            "  (SELECT id FROM articles))"), 0);
        /* Every speaker's stored quote count is right. */
        assert_int_equal(sql_int(db, "SELECT count(*) FROM speakers s WHERE "
                                     "nquotes <> (SELECT count(*) FROM quotes"
                                     " q WHERE q.speaker_id=s.id)"), 0);
        /* So is every document's (the list of every quote reads them). */
        assert_int_equal(sql_int(db, "SELECT count(*) FROM documents doc "
                                     "WHERE nquotes <> (SELECT count(*) FROM "
                                     "articles a JOIN quotes q ON "
                                     "q.article_id=a.id WHERE "
                                     "a.document_id=doc.id)"), 0);
    }
    /* The next run completes the job. */
    sb_clear(&out);
    char *finish[] = {(char *)dubao_bin(), "--db", db, "--corpus", a,
                      "--prune", "-q", "index", NULL};
    assert_int_equal(test_run(finish, &out, &err), 0);
    assert_int_equal(sql_int(db, "SELECT count(*) FROM documents"), 60);
    assert_int_equal(sql_int(db, "SELECT count(*) FROM sources WHERE "
                                 "path LIKE '%/b/%'"), 0);
    sb_clear(&out);
    assert_int_equal(dubao(db, a, "check", &out, &err), 0);
    assert_non_null(strstr(out.s, ": ok ("));
    sb_free(&out);
    sb_free(&err);
}

/* A write past the file size limit (ulimit -f) ends with a message that
   names the limit and exit 1, not death by SIGXFSZ (issue 21 item 14);
   with room again the next run finishes. */
static void faults_file_size_limit_gives_a_message(void **state)
{
    (void)state;
    const char *dir = test_tmpdir();
    char db[512], corpus[512], cmd[1400];
    snprintf(db, sizeof db, "%s/limit.db", dir);
    snprintf(corpus, sizeof corpus, "%s/c", dir);
    make_corpus(corpus, "限", 40);
    /* The shell sets the limit and leaves SIGXFSZ as it is: fatal. */
    snprintf(cmd, sizeof cmd, "ulimit -f 256; exec '%s' --db '%s' "
             "--corpus '%s' -q index", dubao_bin(), db, corpus);
    char *sh[] = {"sh", "-c", cmd, NULL};
    strbuf out = {0}, err = {0};
    assert_int_equal(test_run(sh, &out, &err), 1);
    assert_non_null(strstr(err.s, "ulimit -f"));
    assert_int_equal(sql_int(db, "SELECT count(*) FROM pragma_integrity_check"
                                 " WHERE integrity_check <> 'ok'"), 0);
    sb_clear(&out);
    assert_int_equal(dubao(db, corpus, "index", &out, &err), 0);
    assert_int_equal(sql_int(db, "SELECT count(*) FROM documents"), 40);
    sb_free(&out);
    sb_free(&err);
}

static void faults_disk_full_is_reported_and_recoverable(void **state)
{
    (void)state;
    const char *dir = test_tmpdir();
    char db[512], corpus[512];
    snprintf(db, sizeof db, "%s/full.db", dir);
    snprintf(corpus, sizeof corpus, "%s/c", dir);
    make_corpus(corpus, "满", 40);
    char *argv[] = {(char *)dubao_bin(), "--db", db, "--corpus", corpus,
                    "-q", "index", NULL};
    strbuf out = {0}, err = {0};
    /* The database may not grow past 256 KB: indexing stops with a
       message and a consistent database. */
    assert_int_equal(test_run_with_file_limit(argv, 256 * 1024, &out, &err),
                     1);
    assert_non_null(strstr(err.s, "full"));
    assert_int_equal(sql_int(db, "SELECT count(*) FROM pragma_integrity_check "
                                 "WHERE integrity_check <> 'ok'"), 0);
    long long partial = sql_int(db, "SELECT count(*) FROM documents");
    assert_true(partial < 40);
    /* With room again, the next run finishes the job. */
    sb_clear(&out);
    assert_int_equal(test_run(argv, &out, &err), 0);
    assert_int_equal(sql_int(db, "SELECT count(*) FROM documents"), 40);
    sb_free(&out);
    sb_free(&err);
}

/* A fresh directory that user nobody may write in (for the tests that run
   dubao as nobody); static buffer. */
static const char *public_dir(void)
{
    static char pub[512];
    const char *dir = test_tmpdir();
    snprintf(pub, sizeof pub, "%s/pub", dir);
    assert_int_equal(mkdir(pub, 0777), 0);
    chmod(pub, 0777);
    chmod(dir, 0755);
    return pub;
}

static void faults_unreadable_corpus_is_reported(void **state)
{
    (void)state;
    if (geteuid() != 0)
        skip(); /* needs root to run the program as another user */
    const char *pub = public_dir();
    char corpus[600], secret[700], db[600];
    snprintf(corpus, sizeof corpus, "%s/corpus", pub);
    snprintf(secret, sizeof secret, "%s/closed", corpus);
    snprintf(db, sizeof db, "%s/u.db", pub);
    make_corpus(corpus, "读", 2);
    chmod(corpus, 0755);
    /* One readable page, one unreadable file, one unreadable directory. */
    char page[700];
    snprintf(page, sizeof page, "%s/locked.txt", corpus);
    FILE *f = fopen(page, "w");
    fputs("标题\n\n正文。\n", f);
    fclose(f);
    chmod(page, 0000);
    assert_int_equal(mkdir(secret, 0000), 0);
    char *argv[] = {(char *)dubao_bin(), "--db", db, "--corpus", corpus,
                    "index", NULL};
    strbuf out = {0}, err = {0};
    assert_int_equal(test_run_as_nobody(argv, &out, &err), 0);
    assert_non_null(strstr(err.s, "locked.txt"));
    assert_non_null(strstr(err.s, "closed"));
    assert_non_null(strstr(out.s, "2 issues"));
    sb_free(&out);
    sb_free(&err);
}

/* A directory that cannot be read keeps what the database holds under it
   (it may still be there), while a file deleted elsewhere in the corpus
   is removed: one unreadable entry no longer freezes the database. */
static void faults_unreadable_directory_keeps_its_files(void **state)
{
    (void)state;
    if (geteuid() != 0)
        skip(); /* needs root to run the program as another user */
    const char *pub = public_dir();
    char corpus[600], closed[700], db[600], gone[700];
    snprintf(corpus, sizeof corpus, "%s/corpus", pub);
    snprintf(closed, sizeof closed, "%s/closed", corpus);
    snprintf(db, sizeof db, "%s/k.db", pub);
    make_corpus(corpus, "开", 2);
    make_corpus(closed, "闭", 2);
    chmod(corpus, 0755);
    strbuf out = {0}, err = {0};
    assert_int_equal(dubao(db, corpus, "index", &out, &err), 0);
    assert_non_null(strstr(out.s, ": 4 issues"));
    chmod(db, 0666);
    chmod(closed, 0000);
    char side[700];
    snprintf(side, sizeof side, "%s-wal", db);
    chmod(side, 0666);
    snprintf(side, sizeof side, "%s-shm", db);
    chmod(side, 0666);
    snprintf(gone, sizeof gone, "%s/开-000.txt", corpus);
    assert_int_equal(unlink(gone), 0);
    sb_clear(&out);
    sb_clear(&err);
    char *argv[] = {(char *)dubao_bin(), "--db", db, "--corpus", corpus,
                    "index", NULL};
    assert_int_equal(test_run_as_nobody(argv, &out, &err), 0);
    assert_non_null(strstr(err.s, "closed"));
    assert_non_null(strstr(out.s, "removed 1"));
    assert_non_null(strstr(out.s, ": 3 issues"));
    chmod(closed, 0755);
    sb_free(&out);
    sb_free(&err);
}

/* check while another process holds a write transaction open longer than
   the busy timeout: "could not check", exit 1, and the file is left
   alone; the other process's write, committed afterwards, is kept
   (issue 21 item 1: it was called damage, moved aside and lost). */
static void faults_check_of_a_locked_database_changes_nothing(void **state)
{
    (void)state;
    char db[512], corpus[512];
    const char *dir = indexed_corpus("busy.db", "锁", 3, db,
                                     corpus);
    strbuf out = {0}, err = {0};
    sqlite3 *h;
    assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "BEGIN IMMEDIATE; INSERT INTO marks("
                                     "file, headline, quote, created) VALUES("
                                     "'f','h','theirs',1)", NULL, NULL, NULL),
                     SQLITE_OK);
    setenv("DUBAO_BUSY_TIMEOUT_MS", "300", 1);
    sb_clear(&err);
    assert_int_equal(dubao(db, corpus, "check", &out, &err), 1);
    assert_non_null(strstr(err.s, "could not check"));
    assert_non_null(strstr(err.s, "locked"));
    assert_null(strstr(err.s, "damaged"));
    assert_int_equal(count_names(dir, "damaged"), 0);
    assert_int_equal(sqlite3_exec(h, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    unsetenv("DUBAO_BUSY_TIMEOUT_MS");
    assert_int_equal(sql_int(db, "SELECT count(*) FROM marks WHERE "
                                 "quote='theirs'"), 1);
    sb_clear(&out);
    assert_int_equal(dubao(db, corpus, "check", &out, &err), 0);
    assert_non_null(strstr(out.s, ": ok ("));
    sb_free(&out);
    sb_free(&err);
}

/* A damaged database that another process has open is not set aside
   under it; once it is free, it goes aside whole: a write committed to
   its WAL only stays with it, and the user's marks, read under the lock,
   move to the new database (issue 21 item 1). */
static void faults_damaged_database_is_set_aside_only_whole(void **state)
{
    (void)state;
    char db[512], corpus[512];
    const char *dir = indexed_corpus("d.db", "损", 8, db,
                                     corpus);
    strbuf out = {0}, err = {0};
    assert_int_equal(test_damage_pages(db, "name='articles' AND "
                                           "pagetype='leaf'", 1, 12), 1);
    /* Another program has it open. */
    sqlite3 *h;
    assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "SELECT count(*) FROM marks", NULL, NULL,
                                  NULL), SQLITE_OK);
    setenv("DUBAO_BUSY_TIMEOUT_MS", "300", 1);
    sb_clear(&err);
    assert_int_equal(dubao(db, corpus, "check", &out, &err), 1);
    assert_non_null(strstr(err.s, "is damaged"));
    assert_non_null(strstr(err.s, "another process has it open"));
    assert_int_equal(count_names(dir, "damaged"), 0);
    /* It commits a mark that only its WAL holds, and goes. */
    sqlite3_db_config(h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
    assert_int_equal(sqlite3_exec(h, "INSERT INTO marks(file, headline, "
                                     "quote, created) VALUES('f','h',"
                                     "'in the wal',1)", NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(h);
    sb_clear(&err);
    sb_clear(&out);
    assert_int_equal(dubao(db, corpus, "check", &out, &err), 0);
    assert_non_null(strstr(err.s, "was damaged"));
    assert_non_null(strstr(out.s, ": ok ("));
    unsetenv("DUBAO_BUSY_TIMEOUT_MS");
    assert_int_equal(sql_int(db, "SELECT count(*) FROM marks WHERE "
                                 "quote='in the wal'"), 1);
    /* The file set aside, read with the WAL that went with it, still has
       the commit. */
    assert_int_equal(count_names(dir, "damaged-[0-9]*$"), 1);
    assert_int_equal(count_names(dir, "damaged-[0-9]*-wal$"), 1);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "ls '%s'/d.db.damaged-* | grep -v -- -wal | "
             "grep -v -- -shm", dir);
    char *sh[] = {"sh", "-c", cmd, NULL};
    strbuf aside = {0};
    test_run(sh, &aside, NULL);
    assert_non_null(aside.s);
    aside.s[strcspn(aside.s, "\n")] = '\0';
    assert_int_equal(sql_int(aside.s, "SELECT count(*) FROM marks WHERE "
                                      "quote='in the wal'"), 1);
    sb_free(&aside);
    sb_free(&out);
    sb_free(&err);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(faults_unreadable_corpus_is_reported),
    cmocka_unit_test(faults_unreadable_directory_keeps_its_files),
    cmocka_unit_test(faults_disk_full_is_reported_and_recoverable),
    cmocka_unit_test(faults_damaged_database_is_rebuilt_keeping_marks),
    cmocka_unit_test(faults_truncated_database_is_rebuilt),
    cmocka_unit_test(faults_locked_database_gives_a_clear_message),
    cmocka_unit_test(faults_read_only_database_can_still_be_read),
    cmocka_unit_test(faults_file_size_limit_gives_a_message),
    cmocka_unit_test(faults_sigkill_during_index_never_corrupts),
    cmocka_unit_test(faults_damage_under_a_streaming_command),
    cmocka_unit_test(faults_check_of_a_locked_database_changes_nothing),
    cmocka_unit_test(faults_damaged_database_is_set_aside_only_whole),
};
const test_suite faults_suite = {tests, SUITE_LEN(tests)};
