/* test_incremental.c - a database kept up to date file by file says what
 * a clean index of the same files says (issue 21 item 8): a generated
 * corpus is indexed, edited, extended and pruned in place, indexed again
 * after each change, and compared with a fresh index of the result. */
#include "test.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *dubao_bin(void)
{
    const char *b = getenv("DUBAO_BIN");
    return b ? b : "./dubao";
}

/* A small deterministic generator, so that the corpus is the same in
   every run (tests carry their own data). */
static unsigned long long rng;

static unsigned rnd(unsigned n)
{
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((rng >> 33) % n);
}

static const char *const names[] = {"雷军", "张伟", "李娜", "王芳",
                                    "赵民革", "欧阳娜娜", "陈晓", "刘洋"};
static const char *const roles[] = {"全国人大代表", "全国政协委员",
                                    "市人大代表", ""};
static const char *const titles[] = {"", "", "小米集团董事长",
                                     "北京大学教授", "某市市长"};
static const char *const verbs[] = {"说", "表示", "认为"};

/* Write the page dir/name, generated from seed: one or two articles of
   statements by people of the pool, each with a role and title drawn
   anew, and now and then a person named without a quote. */
static void write_page(const char *dir, const char *name, unsigned seed)
{
    rng = seed;
    strbuf page = {0};
    int articles = 1 + (int)rnd(2);
    for (int a = 0; a < articles; a++) {
        sb_printf(&page, "代表委员谈发展之%u%s\n\n　　本报记者 王五\n\n",
                  seed % 1000, a ? "续" : "");
        int statements = 3 + (int)rnd(4);
        for (int s = 0; s < statements; s++) {
            const char *who = names[rnd(8)];
            const char *role = roles[rnd(4)];
            const char *title = titles[rnd(5)];
            const char *sep = *role && *title ? "、" : "";
            if (rnd(6) == 0)
                sb_printf(&page, "　　%s%s%s%s出席了会议。\n\n", role, sep,
                          title, who);
            else
                sb_printf(&page, "　　%s%s%s%s%s：“第%u篇第%d句，发展要"
                          "靠创新。”\n\n", role, sep, title, who,
                          verbs[rnd(3)], seed % 1000, s);
        }
    }
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(page.s, 1, page.len, f);
    fclose(f);
    sb_free(&page);
}

/* Write the page dir/name with the given text. */
static void write_text(const char *dir, const char *name, const char *text)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void remove_page(const char *dir, const char *name)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    assert_int_equal(unlink(path), 0);
}

/* A fresh directory with an empty corpus directory c/ and the path of a
   database i.db beside it (not created yet); returns the directory. */
static const char *new_corpus(char corpus[512], char db[600])
{
    const char *dir = test_tmpdir();
    snprintf(corpus, 512, "%s/c", dir);
    snprintf(db, 600, "%s/i.db", dir);
    assert_int_equal(mkdir(corpus, 0700), 0);
    return dir;
}

/* Index corpus into db; fails the test on error. */
static void index_into(const char *db, const char *corpus)
{
    char *argv[] = {(char *)dubao_bin(), "--db", (char *)db, "--corpus",
                    (char *)corpus, "-q", "index", NULL};
    strbuf err = {0};
    if (test_run(argv, NULL, &err) != 0)
        fail_msg("index %s: %s", db, err.s);
    sb_free(&err);
}

/* The output of "dubao --db db -n COMMAND --json" (heap). */
static char *json_of(const char *db, const char *command)
{
    char *argv[] = {(char *)dubao_bin(), "--db", (char *)db, "-n",
                    (char *)command, "--json", NULL};
    strbuf out = {0};
    assert_int_equal(test_run(argv, &out, NULL), 0);
    return out.s ? sb_take(&out) : xstrdup("");
}

/* The JSON line of the speaker name in "speakers --json" of db (heap). */
static char *speaker_line(const char *db, const char *name)
{
    char *all = json_of(db, "speakers");
    char key[64];
    snprintf(key, sizeof key, "{\"name\":\"%s\"", name);
    char *line = strstr(all, key);
    assert_non_null(line);
    char *r = xstrndup(line, strcspn(line, "\n"));
    free(all);
    return r;
}

/* The issue's own example: a page that called 雷军 a deputy no longer
   does; the speaker, and the quotes shown with his role, follow. */
static void incremental_index_forgets_a_role_no_page_gives(void **state)
{
    (void)state;
    char corpus[512], db[600];
    new_corpus(corpus, db);
    write_text(corpus, "lei.txt", "两会新闻\n\n　　全国人大代表雷军说：“要"
               "把创新放在首位。”\n");
    index_into(db, corpus);
    char *line = speaker_line(db, "雷军");
    assert_non_null(strstr(line, "\"role\":\"全国人大代表\""));
    free(line);
    write_text(corpus, "lei.txt", "两会新闻\n\n　　雷军说：“要把创新放在"
               "首位。”\n");
    index_into(db, corpus);
    line = speaker_line(db, "雷军");
    assert_non_null(strstr(line, "\"role\":null"));
    assert_non_null(strstr(line, "\"is_delegate\":false"));
    free(line);
    char *quotes = json_of(db, "quotes");
    assert_null(strstr(quotes, "全国人大代表"));
    free(quotes);
}

/* A person named in one file without a quote leaves no speaker (nobody
   to list), but what the file says of them stays: when a later file
   quotes them, their role and titles come from the first, as in a clean
   index, and the titles find them. */
static void incremental_index_remembers_people_named_without_a_quote(
    void **state)
{
    (void)state;
    char corpus[512], db[600], clean[600];
    snprintf(clean, sizeof clean, "%s/clean.db", new_corpus(corpus, db));
    write_text(corpus, "a.txt", "两会新闻\n\n　　全国政协委员、北京大学教授陈晓"
               "出席了会议。\n\n　　李娜说：“教育是根本。”\n");
    index_into(db, corpus);
    char *speakers = json_of(db, "speakers");
    assert_null(strstr(speakers, "陈晓"));
    free(speakers);
    write_text(corpus, "b.txt", "两会新闻二\n\n　　陈晓说：“农业要发展。”\n");
    index_into(db, corpus);
    index_into(clean, corpus);
    char *line = speaker_line(db, "陈晓");
    char *want = speaker_line(clean, "陈晓");
    assert_string_equal(line, want);
    assert_non_null(strstr(line, "\"role\":\"全国政协委员\""));
    free(line);
    free(want);
    /* Found by those titles too, as in the clean index. */
    char *argv[] = {(char *)dubao_bin(), "--db", db, "-n", "speakers",
                    "北京大学", NULL};
    strbuf out = {0};
    assert_int_equal(test_run(argv, &out, NULL), 0);
    assert_non_null(out.s);
    assert_non_null(strstr(out.s, "陈晓"));
    sb_free(&out);
}

/* Index the corpus again into db and compare every list with a clean
   index of the corpus as it is now (a new database each time). */
static void assert_same_as_clean(const char *dir, const char *corpus,
                                 const char *db, int round)
{
    char clean[600];
    snprintf(clean, sizeof clean, "%s/clean%d.db", dir, round);
    index_into(db, corpus);
    index_into(clean, corpus);
    static const char *const lists[] = {"speakers", "quotes", "articles",
                                        "issues"};
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
        char *kept = json_of(db, lists[i]);
        char *fresh = json_of(clean, lists[i]);
        assert_true(strlen(fresh) > 0);
        if (strcmp(kept, fresh) != 0) {
            size_t at = 0;
            while (kept[at] && kept[at] == fresh[at])
                at++;
            while (at > 0 && kept[at - 1] != '\n')
                at--;
            fail_msg("round %d, %s differ at\n  kept:  %.300s\n  clean: "
                     "%.300s", round, lists[i], kept + at, fresh + at);
        }
        free(kept);
        free(fresh);
    }
}

/* A corpus of generated pages, edited, extended and pruned in place over
   four rounds (pages rewritten, new pages at the end and in the middle
   of the file order, pages deleted, one touched without a change):
   after each round speakers, quotes, articles and issues JSON are byte
   for byte those of a clean index. */
static void incremental_index_equals_a_clean_one(void **state)
{
    (void)state;
    char corpus[512], db[600], name[32];
    const char *dir = new_corpus(corpus, db);
    for (unsigned i = 0; i < 24; i++) {
        snprintf(name, sizeof name, "p%03u.txt", i);
        write_page(corpus, name, 1000 + i);
    }
    index_into(db, corpus);
    char *speakers = json_of(db, "speakers");
    /* The pool's speakers are there, with different roles. */
    assert_non_null(strstr(speakers, "\"role\":\"全国人大代表\""));
    assert_non_null(strstr(speakers, "\"role\":\"全国政协委员\""));
    free(speakers);

    /* Round 1: pages rewritten, two removed, two added at the end. */
    for (unsigned i = 2; i < 24; i += 5) {
        snprintf(name, sizeof name, "p%03u.txt", i);
        write_page(corpus, name, 2000 + i);
    }
    remove_page(corpus, "p004.txt");
    remove_page(corpus, "p019.txt");
    write_page(corpus, "p030.txt", 3030);
    write_page(corpus, "p031.txt", 3031);
    assert_same_as_clean(dir, corpus, db, 1);

    /* Round 2: only a new page in the middle of the file order: what it
       says of people comes before what later pages say. */
    write_page(corpus, "p010a.txt", 4010);
    assert_same_as_clean(dir, corpus, db, 2);

    /* Round 3: another page at the start, more pages rewritten, the last
       page removed, one page touched unchanged. */
    write_page(corpus, "p000a.txt", 4000);
    for (unsigned i = 0; i < 24; i += 3) {
        if (i == 4 || i == 19)
            continue;
        snprintf(name, sizeof name, "p%03u.txt", i);
        write_page(corpus, name, 5000 + i);
    }
    remove_page(corpus, "p031.txt");
    char touched[700];
    snprintf(touched, sizeof touched, "%s/p001.txt", corpus);
    struct timespec ts[2] = {{0, UTIME_NOW}, {12345, 0}};
    assert_int_equal(utimensat(AT_FDCWD, touched, ts, 0), 0);
    assert_same_as_clean(dir, corpus, db, 3);

    /* Round 4: most pages go; what remains decides every speaker. */
    for (unsigned i = 0; i < 24; i++) {
        if (i == 4 || i == 19 || i % 4 == 1)
            continue;
        snprintf(name, sizeof name, "p%03u.txt", i);
        remove_page(corpus, name);
    }
    remove_page(corpus, "p010a.txt");
    write_page(corpus, "p002.txt", 6002);
    assert_same_as_clean(dir, corpus, db, 4);
}

/* Index corpus into db with DUBAO_PARSE_THREADS set to threads. */
static void index_with_threads(const char *db, const char *corpus,
                               const char *threads)
{
    setenv("DUBAO_PARSE_THREADS", threads, 1);
    index_into(db, corpus);
    unsetenv("DUBAO_PARSE_THREADS");
}

/* Files are parsed on several threads, in whatever order they finish,
   and stored in corpus order: one parse thread and five (more than the
   pages of some batches, fewer than all) build the same database, quote
   for quote and speaker for speaker. */
static void incremental_index_is_the_same_on_any_number_of_threads(
    void **state)
{
    (void)state;
    char corpus[512], db[600], name[32];
    const char *dir = new_corpus(corpus, db);
    for (unsigned i = 0; i < 40; i++) {
        snprintf(name, sizeof name, "p%03u.txt", i);
        write_page(corpus, name, 7000 + i);
    }
    char db5[700];
    snprintf(db5, sizeof db5, "%s/five.db", dir);
    index_with_threads(db, corpus, "1");
    index_with_threads(db5, corpus, "5");
    static const char *const commands[] = {"quotes", "speakers", "articles",
                                           "issues"};
    for (size_t k = 0; k < sizeof commands / sizeof commands[0]; k++) {
        char *one = json_of(db, commands[k]);
        char *five = json_of(db5, commands[k]);
        assert_true(strlen(one) > 100);
        assert_same_text(commands[k], five, one);
        free(one);
        free(five);
    }
}

/* Ctrl-C (SIGINT) stops dubao index after the file it is storing, with
   what it stored committed and a sentence that says so; the next index
   goes on from there and ends where a clean index does. */
static void incremental_index_stopped_by_ctrl_c_resumes(void **state)
{
    (void)state;
    char corpus[512], db[600], name[32], log[600];
    const char *dir = new_corpus(corpus, db);
    snprintf(log, sizeof log, "%s/stop.log", dir);
    /* About 5 MB: a second or more of work, stopped well inside it. */
    for (unsigned i = 0; i < 600; i++) {
        snprintf(name, sizeof name, "p%03u.txt", i);
        write_page(corpus, name, 7000 + i);
        char path[600];
        snprintf(path, sizeof path, "%s/%s", corpus, name);
        test_append_filler(path, 60);
    }
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int out = open("/dev/null", O_WRONLY);
        int errfd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(out, 1);
        dup2(errfd, 2);
        execl(dubao_bin(), dubao_bin(), "--db", db, "--corpus", corpus, "-q",
              "index", (char *)NULL);
        _exit(127);
    }
    usleep(400 * 1000);
    kill(pid, SIGINT);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    size_t n;
    char *said = test_read_file(log, &n);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 130)
        fail_msg("index ended with status %d: %s", status, said);
    assert_non_null(strstr(said, "stopped:"));
    assert_non_null(strstr(said, "run dubao index again to go on"));
    free(said);
    long long stored = test_sql_int(db, "SELECT count(*) FROM sources");
    if (stored < 1 || stored >= 600)
        fail_msg("%lld files stored before the stop", stored);
    assert_same_as_clean(dir, corpus, db, 1);
}

/* A page is parsed again when the word lists it was parsed with change
   (a new release ships better lists): a lookup after the change sees what
   the new lists find, although the page itself did not change; the next
   lookup reads nothing again. */
static void incremental_index_rereads_pages_when_the_word_lists_change(
    void **state)
{
    (void)state;
    char corpus[512], db[600], assets[600], verbs[700];
    const char *dir = new_corpus(corpus, db);
    snprintf(assets, sizeof assets, "%s/assets", dir);
    char *cp[] = {"cp", "-r", (char *)test_src_path("assets"), assets, NULL};
    assert_int_equal(test_run(cp, NULL, NULL), 0);
    setenv("DUBAO_ASSETS", assets, 1);
    /* 嘀咕 (mutter) is no speech verb of the lists */
    write_text(corpus, "p.txt", "村里修路\n\n　　林思远代表嘀咕，村里的路"
                                "终于修好了。\n");
    index_into(db, corpus);
    char *before = json_of(db, "quotes");
    assert_null(strstr(before, "终于修好了"));
    free(before);

    snprintf(verbs, sizeof verbs, "%s/lexicon/speech_verbs.txt", assets);
    FILE *f = fopen(verbs, "a");
    assert_non_null(f);
    fputs("嘀咕\n", f);
    fclose(f);
    char *argv[] = {(char *)dubao_bin(), "--db", db, "--corpus", corpus,
                    "quotes", "--json", NULL};
    strbuf out = {0}, err = {0};
    assert_int_equal(test_run(argv, &out, &err), 0);
    assert_non_null(strstr(out.s, "终于修好了"));
    assert_non_null(strstr(err.s, "every page is read again"));
    sb_clear(&out);
    sb_clear(&err);
    assert_int_equal(test_run(argv, &out, &err), 0);
    assert_non_null(strstr(out.s, "终于修好了"));
    assert_true(!err.s || !strstr(err.s, "read again"));
    sb_free(&out);
    sb_free(&err);
    unsetenv("DUBAO_ASSETS");
}

/* A dubao that cannot read its word lists (assets moved, DUBAO_ASSETS
   wrong) stores nothing: it would read every page again and find no
   speaker or quote in any.  It says why and fails; the database keeps
   its quotes, and -n still reads them. */
static void incremental_index_without_word_lists_keeps_the_database(
    void **state)
{
    (void)state;
    char corpus[512], db[600], assets[600];
    const char *dir = new_corpus(corpus, db);
    write_text(corpus, "p.txt", "村里修路\n\n　　林思远代表说，村里的路"
                                "终于修好了。\n");
    index_into(db, corpus);
    char *before = json_of(db, "quotes");
    assert_non_null(strstr(before, "终于修好了"));
    snprintf(assets, sizeof assets, "%s/no-assets", dir);
    assert_int_equal(mkdir(assets, 0700), 0);
    setenv("DUBAO_ASSETS", assets, 1);
    char *argv[] = {(char *)dubao_bin(), "--db", db, "--corpus", corpus,
                    "quotes", "--json", NULL};
    strbuf out = {0}, err = {0};
    assert_int_not_equal(test_run(argv, &out, &err), 0);
    assert_non_null(err.s);
    assert_non_null(strstr(err.s, "word lists cannot be read"));
    char *idx[] = {(char *)dubao_bin(), "--db", db, "--corpus", corpus,
                   "index", NULL};
    sb_clear(&out);
    sb_clear(&err);
    assert_int_not_equal(test_run(idx, &out, &err), 0);
    unsetenv("DUBAO_ASSETS");
    char *after = json_of(db, "quotes");
    assert_string_equal(after, before);
    free(before);
    free(after);
    sb_free(&out);
    sb_free(&err);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(incremental_index_forgets_a_role_no_page_gives),
    cmocka_unit_test(incremental_index_remembers_people_named_without_a_quote),
    cmocka_unit_test(incremental_index_equals_a_clean_one),
    cmocka_unit_test(incremental_index_is_the_same_on_any_number_of_threads),
    cmocka_unit_test(incremental_index_stopped_by_ctrl_c_resumes),
    cmocka_unit_test(
        incremental_index_rereads_pages_when_the_word_lists_change),
    cmocka_unit_test(
        incremental_index_without_word_lists_keeps_the_database),
};
const test_suite incremental_suite = {tests, SUITE_LEN(tests)};
