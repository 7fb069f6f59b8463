/* test_hostile.c - hostile input end to end: a corpus of damaged, foreign
 * and enormous files is indexed with clear messages and nothing lost, and
 * control sequences in the text never reach the terminal. */
#include "test.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <uniconv.h>
#include <unistr.h>
#include <unistd.h>

#include "printable.h"

static const char *dubao_bin(void)
{
    const char *b = getenv("DUBAO_BIN");
    return b ? b : "./dubao";
}

static void write_bytes(const char *dir, const char *name, const char *bytes,
                        size_t n)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, n, f), n);
    fclose(f);
}

/* A test's files: a fresh temporary directory, the corpus directory in
   it (created) and the path of a database beside. */
typedef struct {
    const char *dir;
    char corpus[600], db[600];
} scratch;

static scratch fresh_scratch(void)
{
    scratch t;
    t.dir = test_tmpdir();
    snprintf(t.corpus, sizeof t.corpus, "%s/c", t.dir);
    snprintf(t.db, sizeof t.db, "%s/t.db", t.dir);
    assert_int_equal(mkdir(t.corpus, 0700), 0);
    return t;
}

/* A small page: headline, byline, one quote. */
static const char page[] =
    "测试日报\n\n"
    "代表热议新质生产力\n\n"
    "本报记者 王五\n\n"
    "张三代表说，我们要把科技创新放在首位，推动产业升级。\n";

/* Text of a page with escape sequences and controls in it: the payloads
   must never be written raw. */
static const char escapes[] =
    "控制字符测试\n\n"
    "正文开始\x1b[31m红色\x1b[0m之后，"
    "剪贴板\x1b]52;c;SGFja2VkIQ==\x07结束，"
    "铃声\x07，删除\x7f，C1\xc2\x9b" "2J控制。\n";

/* Build the hostile corpus in dir; returns the number of files that
   should become issues. */
static int make_hostile_corpus(const char *dir, bool giant)
{
    int issues = 0;
    write_bytes(dir, "page with spaces.txt", page, strlen(page));
    issues++;
    write_bytes(dir, "中文 名字.txt", page, strlen(page));
    issues++;
    write_bytes(dir, "-leading-dash.txt", page, strlen(page));
    issues++;
    /* Invalid UTF-8: lone continuation, overlong, encoded surrogate. */
    static const char bad[] = "无效字节测试\n\n第一段\x80文字\xc0\xaf更多"
                              "\xed\xa0\x80结束。\n";
    write_bytes(dir, "invalid.txt", bad, sizeof bad - 1);
    issues++;
    /* GB18030 and UTF-16LE with BOM. */
    size_t n = 0;
    char *gb = u8_conv_to_encoding("GB18030", iconveh_error,
                                   (const uint8_t *)page, strlen(page), NULL,
                                   NULL, &n);
    assert_non_null(gb);
    write_bytes(dir, "gb18030.txt", gb, n);
    free(gb);
    issues++;
    char *u16 = u8_conv_to_encoding("UTF-16LE", iconveh_error,
                                    (const uint8_t *)page, strlen(page), NULL,
                                    NULL, &n);
    assert_non_null(u16);
    char *bom = xmalloc(n + 2);
    memcpy(bom, "\xff\xfe", 2);
    memcpy(bom + 2, u16, n);
    write_bytes(dir, "utf16.txt", bom, n + 2);
    free(u16);
    free(bom);
    issues++;
    /* Not text: a PNG; nothing: an empty file. */
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    write_bytes(dir, "picture.png", png, sizeof png - 1);
    write_bytes(dir, "empty.txt", "", 0);
    write_bytes(dir, "escapes.txt", escapes, strlen(escapes));
    issues++;
    if (giant) {
        /* 50 MB without a newline, and a million lines. */
        const char *unit = "长段落没有换行，殷勇代表说，发展新质生产力。";
        size_t ul = strlen(unit), total = 50u << 20;
        char *big = xmalloc(total);
        for (size_t i = 0; i + ul <= total; i += ul)
            memcpy(big + i, unit, ul);
        write_bytes(dir, "no-newline.txt", big, total - total % ul);
        free(big);
        issues++;
        size_t lines = 1000000, ll = strlen("行\n");
        char *many = xmalloc(lines * ll);
        for (size_t i = 0; i < lines; i++)
            memcpy(many + i * ll, "行\n", ll);
        write_bytes(dir, "million-lines.txt", many, lines * ll);
        free(many);
        issues++;
    }
    return issues;
}

static void hostile_corpus_indexes_with_clear_messages(void **state)
{
    (void)state;
    scratch t = fresh_scratch();
    char *corpus = t.corpus, *db = t.db;
    /* The giant files take seconds; under sanitizers only the small ones. */
    bool giant = getenv("DUBAO_TEST_SMALL") == NULL;
    int issues = make_hostile_corpus(corpus, giant);
    char *argv[] = {(char *)dubao_bin(), "--db", db, "--corpus", corpus,
                    "index", NULL};
    strbuf out = {0}, err = {0};
    assert_int_equal(test_run(argv, &out, &err), 0);
    /* Every readable page became an issue; the rest were reported. */
    char expect[700];
    snprintf(expect, sizeof expect, "database %s: %d issues", db, issues);
    if (!strstr(out.s, expect))
        fail_msg("expected '%s' in: %s", expect, out.s);
    assert_non_null(strstr(err.s, "picture.png"));
    assert_non_null(strstr(err.s, "empty.txt"));
    /* The invalid bytes are named with their offset. */
    const char *inv = strstr(err.s, "invalid.txt");
    assert_non_null(inv);
    assert_non_null(strstr(inv, "offset"));
    /* No control character of the corpus reaches the messages either. */
    assert_null(strchr(err.s, '\x1b'));
    assert_null(strchr(err.s, '\x07'));

    /* Odd file names are listed as they are. */
    char *list[] = {(char *)dubao_bin(), "--db", db, "--corpus", corpus,
                    "issues", "--json", NULL};
    sb_clear(&out);
    assert_int_equal(test_run(list, &out, &err), 0);
    assert_non_null(strstr(out.s, "\"file\":\"page with spaces.txt\""));
    assert_non_null(strstr(out.s, "\"file\":\"中文 名字.txt\""));
    assert_non_null(strstr(out.s, "\"file\":\"-leading-dash.txt\""));
    assert_non_null(strstr(out.s, "\"file\":\"gb18030.txt\""));
    /* The converted pages read the same as the UTF-8 one. */
    char *arts[] = {(char *)dubao_bin(), "--db", db, "--corpus", corpus,
                    "quotes", "--json", NULL};
    sb_clear(&out);
    assert_int_equal(test_run(arts, &out, &err), 0);
    int found = 0;
    for (const char *p = out.s; (p = strstr(p, "科技创新放在首位")); p++)
        found++;
    /* spaces, 中文, dash, gb18030, utf16 (and invalid.txt has no quote) */
    assert_int_equal(found, 5);
    /* Stored text keeps no control characters. */
    char *all[] = {(char *)dubao_bin(), "--db", db, "--corpus", corpus,
                   "search", "--json", "控制", NULL};
    sb_clear(&out);
    assert_int_equal(test_run(all, &out, &err), 0);
    assert_non_null(strstr(out.s, "escapes.txt"));
    assert_null(strstr(out.s, "\\u001b"));
    assert_null(strstr(out.s, "\\u0007"));
    assert_null(strstr(out.s, "52;c;"));
    sb_free(&out);
    sb_free(&err);
}

/* Where script(1) records what the browser of a test writes. */
static void recording_path(const scratch *t, char *rec, size_t n)
{
    snprintf(rec, n, "%s/typescript", t->dir);
}

/* Start the browser on the test's corpus and database in tmux (100x30),
   under script(1), which runs it on a pty and records every byte it
   writes; wait for the issues pane. */
static void start_recorded(const scratch *t)
{
    char cmd[2400], full[3200], rec[700];
    recording_path(t, rec, sizeof rec);
    snprintf(cmd, sizeof cmd, "%s --db %s --corpus %s", dubao_bin(), t->db,
             t->corpus);
    snprintf(full, sizeof full, "script -q -c '%s' %s", cmd, rec);
    assert_int_equal(tmux_start(full, 100, 30), 0);
    char *screen = tmux_wait_for("Issues 1/", 8000);
    assert_non_null(screen);
    free(screen);
}

/* Quit the browser that start_recorded started and check that none of
   the byte strings in never (NULL-terminated) is among what it wrote. */
static void quit_recorded(const scratch *t, const char *const *never)
{
    char rec[700];
    recording_path(t, rec, sizeof rec);
    tmux_keys("Q", NULL);
    for (int i = 0; i < 40 && tmux_alive(); i++)
        usleep(50 * 1000);
    tmux_stop();
    size_t n;
    char *bytes = test_read_file(rec, &n);
    assert_true(n > 100);
    for (; *never; never++)
        if (memmem(bytes, n, *never, strlen(*never)))
            fail_msg("the browser wrote '%s'", *never);
    free(bytes);
}

/* Open the page full of escape sequences in the browser in tmux, with
   everything dubao writes recorded: the payloads never appear. */
static void hostile_escapes_never_reach_the_terminal(void **state)
{
    (void)state;
    scratch t = fresh_scratch();
    write_bytes(t.corpus, "escapes.txt", escapes, strlen(escapes));
    start_recorded(&t);
    tmux_keys("Enter", "Enter", "j", "G", NULL);
    char *screen = tmux_wait_for("Reader", 2000);
    assert_non_null(screen);
    assert_non_null(strstr(screen, "控制字符测试"));
    free(screen);
    static const char *const never[] = {"52;c;", "SGFja2VkIQ", "\x1b[31m",
                                        "\xc2\x9b", "\x07", NULL};
    quit_recorded(&t, never);
}

/* File names a red team would choose: an OSC 52 clipboard write, a C1
   CSI, a bidi override, a tag character, CR/LF/TAB, bytes that are not
   UTF-8, a backslash.  Each holds the small page. */
static const char *const hostile_names[] = {
    "x\x1b]52;c;RkFLRQ==\x07.txt",
    "c1\xc2\x9b" "2J.txt",
    "invoice\xe2\x80\xaetxt.exe.txt",
    "tag\xf3\xa0\x81\xa9.txt",
    "lines\r\n\tname.txt",
    "bytes\xff\xfe.txt",
    "back\\slash.txt",
};
#define NHOSTILE (sizeof hostile_names / sizeof *hostile_names)

/* Is every byte of s (n bytes) valid UTF-8, with no control or format
   character but newline?  Names the first offence in why. */
static bool printable_output(const char *s, size_t n, char *why, size_t wn)
{
    if (u8_check((const uint8_t *)s, n) != NULL) {
        snprintf(why, wn, "invalid UTF-8 at byte %zu",
                 (size_t)((const char *)u8_check((const uint8_t *)s, n) - s));
        return false;
    }
    for (size_t i = 0; i < n;) {
        ucs4_t uc;
        int len = u8_mbtouc(&uc, (const uint8_t *)s + i, n - i);
        if (uc != '\n' && char_is_invisible_control(uc)) {
            snprintf(why, wn, "U+%04X at byte %zu", (unsigned)uc, i);
            return false;
        }
        i += (size_t)len;
    }
    return true;
}

/* Run dubao with the given arguments after --db db --corpus corpus and
   check that what it prints, on both streams, is printable text. */
static void run_printable(const char *db, const char *corpus,
                          const char *const *args, strbuf *out)
{
    char *argv[12] = {(char *)dubao_bin(), "--db", (char *)db, "--corpus",
                      (char *)corpus};
    int n = 5;
    for (; *args; args++)
        argv[n++] = (char *)*args;
    argv[n] = NULL;
    strbuf err = {0};
    sb_clear(out);
    assert_int_equal(test_run(argv, out, &err), 0);
    char why[80];
    if (out->s && !printable_output(out->s, out->len, why, sizeof why))
        fail_msg("dubao %s printed %s", argv[5], why);
    if (err.s && !printable_output(err.s, err.len, why, sizeof why))
        fail_msg("dubao %s wrote %s to stderr", argv[5], why);
    sb_free(&err);
}

/* Every JSON line of out is valid JSON. */
static void assert_json_lines(const char *out)
{
    for (const char *p = out; p && *p;) {
        const char *nl = strchr(p, '\n');
        assert_non_null(nl);
        char *line = xstrndup(p, (size_t)(nl - p));
        if (!test_json_valid(line))
            fail_msg("invalid JSON line: %s", line);
        free(line);
        p = nl + 1;
    }
}

/* Hostile file names are shown in their printable form everywhere: index
   messages, text, CSV and JSON output of every command; JSON stays valid
   UTF-8, with a byte that is not UTF-8 written as \xHH; --issue finds an
   issue by the name as printed. */
static void hostile_file_names_are_printed_safely(void **state)
{
    (void)state;
    scratch t = fresh_scratch();
    const char *corpus = t.corpus, *db = t.db;
    for (size_t i = 0; i < NHOSTILE; i++)
        write_bytes(corpus, hostile_names[i], page, strlen(page));
    /* Messages name files too: a skipped one and a repaired one. */
    write_bytes(corpus, "empty\x1b[2J\xff.txt", "", 0);
    static const char bad[] = "标题\n\n正文\x80。\n";
    write_bytes(corpus, "warn\x1b]0;t\x07\xc0.txt", bad, sizeof bad - 1);

    strbuf out = {0};
    static const char *const index[] = {"index", NULL};
    run_printable(db, corpus, index, &out);
    static const char *const cmds[][4] = {
        {"issues", NULL},   {"issues", "--json", NULL},
        {"articles", NULL}, {"articles", "--json", NULL},
        {"quotes", NULL},   {"quotes", "--csv", NULL},
        {"quotes", "--json", NULL}, {"search", "科技创新", NULL},
        {"search", "--json", "科技创新", NULL},
    };
    for (size_t c = 0; c < sizeof cmds / sizeof *cmds; c++) {
        run_printable(db, corpus, cmds[c], &out);
        if (cmds[c][1] && strcmp(cmds[c][1], "--json") == 0)
            assert_json_lines(out.s);
    }
    /* The names as printed. */
    static const char *const json[] = {"issues", "--json", NULL};
    run_printable(db, corpus, json, &out);
    static const char *const shown[] = {
        "\"x\\\\u001b]52;c;RkFLRQ==\\\\u0007.txt\"",
        "\"c1\\\\u009b2J.txt\"",
        "\"invoice\\\\u202etxt.exe.txt\"",
        "\"tag\\\\U000e0069.txt\"",
        "\"lines\\\\u000d\\\\u000a\\\\u0009name.txt\"",
        "\"bytes\\\\xff\\\\xfe.txt\"",
        "\"back\\\\\\\\slash.txt\"",
    };
    for (size_t i = 0; i < sizeof shown / sizeof *shown; i++)
        if (!strstr(out.s, shown[i]))
            fail_msg("%s not in: %s", shown[i], out.s);
    /* --issue takes the name as issues prints it. */
    static const char *const one[] = {"articles", "--issue",
                                      "bytes\\xff\\xfe.txt", NULL};
    run_printable(db, corpus, one, &out);
    assert_non_null(strstr(out.s, "代表热议新质生产力"));
    sb_free(&out);
}

/* The browser's status line shows a hostile name in its printable form:
   no bidi override, tag character or escape sequence reaches the
   terminal (every byte written is recorded). */
static void hostile_file_names_in_the_status_line(void **state)
{
    (void)state;
    scratch t = fresh_scratch();
    write_bytes(t.corpus, "a\xe2\x80\xae" "txt.exe", page, strlen(page));
    write_bytes(t.corpus, "b\x1b]52;c;SGFja2VkIQ==\x07\xf3\xa0\x81\xa9.txt",
                page, strlen(page));
    start_recorded(&t);
    char *screen = tmux_wait_for("a\\u202etxt.exe \xC2\xB7", 2000);
    assert_non_null(screen);
    free(screen);
    tmux_keys("j", NULL);
    screen = tmux_wait_for("b\\u001b]52;c;SGFja2VkIQ==\\u0007\\U000e0069.txt",
                           2000);
    assert_non_null(screen);
    free(screen);
    static const char *const never[] = {"\xe2\x80\xae", "\xf3\xa0\x81",
                                        "\x1b]52", "\x07", NULL};
    quit_recorded(&t, never);
}

/* Run dubao --db db --corpus corpus ARGS... (up to four), capturing
   both streams; returns the exit status. */
static int dubao_on(const char *db, const char *corpus, strbuf *out,
                    strbuf *err, const char *a1, const char *a2,
                    const char *a3)
{
    char *argv[10] = {(char *)dubao_bin(), "--db", (char *)db, "--corpus",
                      (char *)corpus, (char *)a1, (char *)a2, (char *)a3,
                      NULL};
    sb_clear(out);
    sb_clear(err);
    int rc = test_run(argv, out, err);
    sb_puts(out, ""); /* never NULL, even when nothing was printed */
    sb_puts(err, "");
    return rc;
}

/* Make dir/name a symbolic link to target. */
static void link_in(const char *dir, const char *name, const char *target)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (symlink(target, path) != 0)
        fail_msg("symlink %s -> %s failed", path, target);
}

/* The red team's links: sub/loop -> ., sub/up -> .., a link to a private
   directory outside the corpus and one to a private file.  The page is
   indexed once, nothing outside is read, and each link is reported. */
static void hostile_links_stay_inside_the_corpus(void **state)
{
    (void)state;
    const char *dir = test_tmpdir();
    char corpus[600], sub[700], private[600], db[600];
    snprintf(corpus, sizeof corpus, "%s/corpus", dir);
    snprintf(sub, sizeof sub, "%s/sub", corpus);
    snprintf(private, sizeof private, "%s/private", dir);
    snprintf(db, sizeof db, "%s/l.db", dir);
    assert_int_equal(mkdir(corpus, 0700), 0);
    assert_int_equal(mkdir(sub, 0700), 0);
    assert_int_equal(mkdir(private, 0700), 0);
    write_bytes(sub, "page.txt", page, strlen(page));
    static const char secret[] = "机密\n\n口令是青山绿水。\n";
    write_bytes(private, "shadow", secret, strlen(secret));
    link_in(sub, "loop", ".");
    link_in(sub, "up", "..");
    link_in(corpus, "etc_link", private);
    link_in(corpus, "shadow.txt", "../private/shadow");

    strbuf out = {0}, err = {0};
    assert_int_equal(dubao_on(db, corpus, &out, &err, "index", NULL, NULL),
                     0);
    assert_non_null(strstr(out.s, ": 1 issues"));
    assert_non_null(strstr(out.s, "not read 4"));
    assert_non_null(strstr(err.s, "etc_link: a link that leads out of the "
                                  "corpus; not followed"));
    assert_non_null(strstr(err.s, "shadow.txt: a link that leads out of the "
                                  "corpus; not followed"));
    assert_non_null(strstr(err.s, "sub/loop: a directory already read"));
    assert_int_equal(dubao_on(db, corpus, &out, &err, "search", "青山绿水",
                              NULL), 0);
    assert_int_equal(out.len, 0);
    /* The page's quotes once, as from the page alone. */
    char alone[800], alone_db[600];
    snprintf(alone, sizeof alone, "%s/page.txt", sub);
    snprintf(alone_db, sizeof alone_db, "%s/alone.db", dir);
    assert_int_equal(dubao_on(alone_db, alone, &out, &err, "quotes", "--json",
                              NULL), 0);
    char *want = sb_take(&out);
    assert_true(strlen(want) > 0);
    assert_int_equal(dubao_on(db, corpus, &out, &err, "quotes", "--json",
                              NULL), 0);
    assert_string_equal(out.s, want);
    free(want);
    sb_free(&out);
    sb_free(&err);
}

/* A dangling link in the corpus does not keep a deleted file in the
   database (it did forever): deleted files are removed, the link is
   reported. */
static void hostile_dangling_link_does_not_keep_deleted_files(void **state)
{
    (void)state;
    scratch t = fresh_scratch();
    const char *corpus = t.corpus, *db = t.db;
    char path[800];
    write_bytes(corpus, "a.txt", page, strlen(page));
    write_bytes(corpus, "b.txt", page, strlen(page));
    link_in(corpus, "dangling", "nowhere.txt");
    strbuf out = {0}, err = {0};
    assert_int_equal(dubao_on(db, corpus, &out, &err, "index", NULL, NULL),
                     0);
    assert_non_null(strstr(out.s, ": 2 issues"));
    assert_non_null(strstr(err.s, "dangling: a link to nothing"));
    snprintf(path, sizeof path, "%s/b.txt", corpus);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(dubao_on(db, corpus, &out, &err, "index", NULL, NULL),
                     0);
    assert_non_null(strstr(out.s, "removed 1"));
    assert_int_equal(dubao_on(db, corpus, &out, &err, "issues", NULL, NULL),
                     0);
    assert_non_null(strstr(out.s, "a.txt"));
    assert_null(strstr(out.s, "b.txt"));
    sb_free(&out);
    sb_free(&err);
}

/* FIFOs, devices and directories more than 32 levels deep are reported,
   not skipped in silence; the files beside them are indexed. */
static void hostile_special_files_are_reported(void **state)
{
    (void)state;
    scratch t = fresh_scratch();
    const char *corpus = t.corpus, *db = t.db;
    char path[800];
    write_bytes(corpus, "a.txt", page, strlen(page));
    snprintf(path, sizeof path, "%s/pipe.txt", corpus);
    assert_int_equal(mkfifo(path, 0600), 0);
    snprintf(path, sizeof path, "%s/zero.txt", corpus);
    bool device = mknod(path, S_IFCHR | 0600, makedev(1, 5)) == 0;
    strbuf deep = {0};
    sb_puts(&deep, corpus);
    for (int i = 0; i < 34; i++) {
        sb_puts(&deep, "/d");
        assert_int_equal(mkdir(deep.s, 0700), 0);
    }
    write_bytes(deep.s, "deep.txt", page, strlen(page));
    strbuf out = {0}, err = {0};
    assert_int_equal(dubao_on(db, corpus, &out, &err, "index", NULL, NULL),
                     0);
    assert_non_null(strstr(out.s, ": 1 issues"));
    assert_non_null(strstr(err.s, "pipe.txt: a FIFO (named pipe), not a "
                                  "regular file; not read"));
    if (device)
        assert_non_null(strstr(err.s, "zero.txt: a character device"));
    assert_non_null(strstr(err.s, "more than 32 directories below the "
                                  "corpus root; not read"));
    assert_non_null(strstr(out.s, device ? "not read 3" : "not read 2"));
    sb_free(&deep);
    sb_free(&out);
    sb_free(&err);
}

/* Make a sparse file of the given size (it costs no disk). */
static void sparse_file(const char *dir, const char *name, off_t size)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0600);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, size), 0);
    close(fd);
}

/* Fail unless a run took at most 64 MiB more than the baseline run (KiB):
   what indexing a page costs, ASan's own memory included. */
static void assert_rss_near(long rss, long baseline, const char *what)
{
    if (rss > baseline + 64 * 1024)
        fail_msg("%s took %ld KiB, indexing the page alone %ld KiB", what,
                 rss, baseline);
}

/* A 1 GiB and a 4 GiB file of zeros beside a good page: the page is
   indexed and the run ends well.  Under the default limit the big files
   are not read at all; with the limit raised they are refused by their
   first 64 KiB: either way the run takes hardly more memory than
   indexing the page alone (it took 1 GB, and the 4 GiB file aborted the
   run). */
static void hostile_huge_files_are_refused_cheaply(void **state)
{
    (void)state;
    scratch t = fresh_scratch();
    const char *corpus = t.corpus, *db = t.db;
    char db2[600], alone[700], alone_db[600];
    snprintf(db2, sizeof db2, "%s/h2.db", t.dir);
    snprintf(alone, sizeof alone, "%s/good.txt", corpus);
    snprintf(alone_db, sizeof alone_db, "%s/alone.db", t.dir);
    write_bytes(corpus, "good.txt", page, strlen(page));
    strbuf out = {0}, err = {0};
    assert_int_equal(dubao_on(alone_db, alone, &out, &err, "index", NULL,
                              NULL), 0);
    long baseline = test_last_maxrss_kb;
    sparse_file(corpus, "zeros-1g.txt", (off_t)1 << 30);
    sparse_file(corpus, "zeros-4g.txt", (off_t)4 << 30);
    assert_int_equal(dubao_on(db, corpus, &out, &err, "index", NULL, NULL),
                     0);
    assert_rss_near(test_last_maxrss_kb, baseline, "passing them over");
    assert_non_null(strstr(out.s, ": 1 issues"));
    assert_non_null(strstr(err.s, "zeros-1g.txt: 1024 MiB, larger than the "
                                  "limit of 64 MiB (--max-file-size)"));
    assert_non_null(strstr(err.s, "zeros-4g.txt: 4096 MiB, larger"));
    setenv("DUBAO_MAX_FILE_SIZE", "8G", 1);
    int rc = dubao_on(db2, corpus, &out, &err, "index", NULL, NULL);
    unsetenv("DUBAO_MAX_FILE_SIZE");
    assert_int_equal(rc, 0);
    assert_rss_near(test_last_maxrss_kb, baseline, "refusing them");
    assert_non_null(strstr(out.s, ": 1 issues"));
    assert_non_null(strstr(err.s, "zeros-1g.txt: binary file (contains NUL "
                                  "bytes), skipped."));
    assert_non_null(strstr(err.s, "zeros-4g.txt: binary file"));
    sb_free(&out);
    sb_free(&err);
}

/* The limit is set with --max-file-size or DUBAO_MAX_FILE_SIZE; a bad
   value is a usage error that names it. */
static void hostile_file_size_limit_is_configurable(void **state)
{
    (void)state;
    scratch t = fresh_scratch();
    const char *corpus = t.corpus, *db = t.db;
    write_bytes(corpus, "page.txt", page, strlen(page));
    strbuf out = {0}, err = {0};
    char *small[] = {(char *)dubao_bin(), "--max-file-size", "100",
                     "--db", (char *)db, "--corpus", (char *)corpus, "index",
                     NULL};
    assert_int_equal(test_run(small, &out, &err), 0);
    assert_non_null(strstr(out.s, ": 0 issues"));
    char expect[128];
    snprintf(expect, sizeof expect, "page.txt: %zu bytes, larger than the "
             "limit of 100 bytes", strlen(page));
    assert_non_null(strstr(err.s, expect));
    sb_clear(&out);
    sb_clear(&err);
    char *bad[] = {(char *)dubao_bin(), "--max-file-size", "lots", "--db",
                   (char *)db, "issues", NULL};
    assert_int_equal(test_run(bad, &out, &err), 2);
    assert_non_null(strstr(err.s, "--max-file-size 'lots' is not a size"));
    sb_clear(&err);
    setenv("DUBAO_MAX_FILE_SIZE", "12X", 1);
    int rc = dubao_on(db, corpus, &out, &err, "issues", NULL, NULL);
    unsetenv("DUBAO_MAX_FILE_SIZE");
    assert_int_equal(rc, 2);
    assert_non_null(strstr(err.s, "DUBAO_MAX_FILE_SIZE '12X' is not a size"));
    sb_free(&out);
    sb_free(&err);
}

/* Indexing one large page takes a small multiple of its size in memory
   (the file is read into one buffer of its size, decoded in place and
   freed once decoded).  Not under the sanitizers, whose own memory would
   be measured. */
static void hostile_memory_is_a_small_multiple_of_the_file(void **state)
{
    (void)state;
    if (getenv("DUBAO_TEST_SMALL"))
        skip();
    scratch t = fresh_scratch();
    const char *corpus = t.corpus, *db = t.db;
    static const char *const pages[] = {
        "000_fe2404723e325502.txt", "001_fdcd2f72013fe7d7.txt",
        "002_c7847733b991b368.txt", "003_fd34653d609bdb42.txt",
        "004_8168a787e35b052e.txt"};
    strbuf big = {0};
    for (size_t i = 0; big.len < (24u << 20); i++) {
        char rel[128];
        snprintf(rel, sizeof rel, "assets/corpus/%s", pages[i % 5]);
        size_t n;
        char *bytes = test_read_file(test_src_path(rel), &n);
        sb_append(&big, bytes, n);
        free(bytes);
    }
    write_bytes(corpus, "big.txt", big.s, big.len);
    strbuf out = {0}, err = {0};
    assert_int_equal(dubao_on(db, corpus, &out, &err, "index", NULL, NULL),
                     0);
    assert_non_null(strstr(out.s, ": 1 issues"));
    long limit_kb = (long)(5 * big.len / 1024);
    if (test_last_maxrss_kb > limit_kb)
        fail_msg("%ld KiB to index a file of %zu KiB", test_last_maxrss_kb,
                 big.len / 1024);
    sb_free(&big);
    sb_free(&out);
    sb_free(&err);
}

/* Write page converted to encoding (with a prefix of raw bytes). */
static void write_encoded(const char *dir, const char *name,
                          const char *prefix, size_t plen,
                          const char *encoding, const char *text)
{
    size_t n = 0;
    char *conv = u8_conv_to_encoding(encoding, iconveh_error,
                                     (const uint8_t *)text, strlen(text),
                                     NULL, NULL, &n);
    assert_non_null(conv);
    char *all = xmalloc(plen + n);
    memcpy(all, prefix, plen);
    memcpy(all + plen, conv, n);
    write_bytes(dir, name, all, plen + n);
    free(all);
    free(conv);
}

/* Pages in the encodings the red team found misread: Big5 (stored as GBK
   mojibake), Chinese UTF-16 without a byte-order mark (called binary), a
   UTF-8 mark before GBK (thousands of U+FFFD), a UTF-16 mark before UTF-8.
   Each is read as what it is; an ignored mark is reported. */
static void hostile_encodings_are_detected(void **state)
{
    (void)state;
    scratch t = fresh_scratch();
    const char *corpus = t.corpus, *db = t.db;
    static const char traditional[] =
        "測試日報\n\n代表熱議新質生產力\n\n本報記者 王五\n\n"
        "張三代表說，我們要把科技創新放在首位，推動產業升級。\n";
    write_encoded(corpus, "big5.txt", "", 0, "BIG5", traditional);
    write_encoded(corpus, "utf16le.txt", "", 0, "UTF-16LE", page);
    write_encoded(corpus, "utf16be.txt", "", 0, "UTF-16BE", page);
    write_encoded(corpus, "bom-gbk.txt", "\xEF\xBB\xBF", 3, "GBK", page);
    write_encoded(corpus, "bom16-utf8.txt", "\xFF\xFE", 2, "UTF-8", page);
    strbuf out = {0}, err = {0};
    assert_int_equal(dubao_on(db, corpus, &out, &err, "index", NULL, NULL),
                     0);
    assert_non_null(strstr(out.s, "parsed 5, unchanged 0, skipped 0, "
                                  "failed 0"));
    assert_non_null(strstr(err.s, "bom-gbk.txt: the UTF-8 byte-order mark "
                                  "at its start was ignored: the text is "
                                  "GB18030."));
    assert_non_null(strstr(err.s, "bom16-utf8.txt: the UTF-16LE byte-order "
                                  "mark at its start was ignored: the text "
                                  "is UTF-8."));
    assert_null(strstr(err.s, "U+FFFD"));
    /* Four pages read the same as the UTF-8 page; the Big5 one reads as
       the traditional text. */
    assert_int_equal(dubao_on(db, corpus, &out, &err, "quotes", "--json",
                              NULL), 0);
    int found = 0;
    for (const char *p = out.s; (p = strstr(p, "科技创新放在首位")); p++)
        found++;
    assert_int_equal(found, 4);
    assert_int_equal(dubao_on(db, corpus, &out, &err, "search", "--json",
                              "科技創新"), 0);
    assert_non_null(strstr(out.s, "\"file\":\"big5.txt\""));
    assert_non_null(strstr(out.s, "我們要把科技創新放在首位"));
    sb_free(&out);
    sb_free(&err);
}

/* Tag characters (U+E0000-E007F), invisible, are removed with the other
   format characters: neither stored, exported nor printed (they were). */
static void hostile_tag_characters_are_removed(void **state)
{
    (void)state;
    scratch t = fresh_scratch();
    const char *corpus = t.corpus, *db = t.db;
    /* "ignore all" spelt in tag characters inside the quote and headline,
       a flag's tag sequence, an interlinear annotation mark. */
    static const char tagged[] =
        "测试日报\n\n代表热议\xF3\xA0\x81\xA9\xF3\xA0\x81\xA7新质生产力\n\n"
        "本报记者 王五\n\n张三代表说，我们要把科技\xF3\xA0\x80\x81\xF3\xA0\x81"
        "\xA9\xF3\xA0\x81\xA7\xF3\xA0\x81\xAE\xF3\xA0\x81\xAF\xF3\xA0\x81\xB2"
        "\xF3\xA0\x81\xA5创新放在首位，推动\xEF\xBF\xB9产业升级。"
        "\xF0\x9F\x8F\xB4\xF3\xA0\x81\xA7\xF3\xA0\x81\xA2\xF3\xA0\x81\xBF\n";
    write_bytes(corpus, "tagged.txt", tagged, strlen(tagged));
    strbuf out = {0}, err = {0};
    static const char *const cmds[][4] = {
        {"quotes", "--json", NULL}, {"quotes", "--csv", NULL},
        {"articles", "--json", NULL}, {"search", "科技创新", NULL},
        {"speakers", "--json", NULL},
    };
    for (size_t c = 0; c < sizeof cmds / sizeof *cmds; c++) {
        assert_int_equal(dubao_on(db, corpus, &out, &err, cmds[c][0],
                                  cmds[c][1], cmds[c][2]), 0);
        assert_null(memmem(out.s, out.len, "\xF3\xA0", 2));
        assert_null(strstr(out.s, "\\udb40"));
        assert_null(strstr(out.s, "\xEF\xBF\xB9"));
    }
    assert_int_equal(dubao_on(db, corpus, &out, &err, "quotes", NULL, NULL),
                     0);
    assert_non_null(strstr(out.s, "我们要把科技创新放在首位，推动产业升级。"));
    assert_int_equal(dubao_on(db, corpus, &out, &err, "articles", NULL,
                              NULL), 0);
    assert_non_null(strstr(out.s, "代表热议新质生产力"));
    sb_free(&out);
    sb_free(&err);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(hostile_corpus_indexes_with_clear_messages),
    cmocka_unit_test(hostile_escapes_never_reach_the_terminal),
    cmocka_unit_test(hostile_file_names_are_printed_safely),
    cmocka_unit_test(hostile_file_names_in_the_status_line),
    cmocka_unit_test(hostile_links_stay_inside_the_corpus),
    cmocka_unit_test(hostile_dangling_link_does_not_keep_deleted_files),
    cmocka_unit_test(hostile_special_files_are_reported),
    cmocka_unit_test(hostile_huge_files_are_refused_cheaply),
    cmocka_unit_test(hostile_file_size_limit_is_configurable),
    cmocka_unit_test(hostile_memory_is_a_small_multiple_of_the_file),
    cmocka_unit_test(hostile_encodings_are_detected),
    cmocka_unit_test(hostile_tag_characters_are_removed),
};
const test_suite hostile_suite = {tests, SUITE_LEN(tests)};
