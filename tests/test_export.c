/* test_export.c - quote exports (Markdown, CSV, JSON Lines), safe file
 * creation, base64 and OSC 52. */
#include "test.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "export.h"

/* Two rows with a comma, a quote, a newline and a NULL role; the first
   with its whole source (paper, date, edition, delegation). */
static const quote_row two_rows[] = {
    {.file = "p1.txt", .article = "两会, 开幕", .speaker = "张三",
     .role = "全国人大代表", .titles = "省长", .kind = "direct",
     .text = "他说：\"好\"，\n很好。", .paper = "某某日报",
     .date = "2025-03-05", .edition = "第01版", .delegation = "某省代表团"},
    {.file = "p1.txt", .article = "两会, 开幕", .speaker = NULL,
     .role = NULL, .titles = NULL, .kind = "indirect",
     .text = "*重要* 第一 [链接](x) <b>"},
};

static char *render(export_format fmt, const quote_row *rows, size_t n)
{
    strbuf sb = {0};
    export_render(&sb, fmt, rows, n);
    return sb_take(&sb);
}

static void export_csv_exact(void **state)
{
    (void)state;
    char *out = render(EXPORT_CSV, two_rows, 2);
    assert_string_equal(out,
        "file,article,speaker,role,titles,kind,text,paper,date,edition,"
        "delegation\n"
        "p1.txt,\"两会, 开幕\",张三,全国人大代表,省长,direct,"
        "\"他说：\"\"好\"\"，\n很好。\",某某日报,2025-03-05,第01版,"
        "某省代表团\n"
        "p1.txt,\"两会, 开幕\",,,,indirect,*重要* 第一 [链接](x) <b>,,,,\n");
    free(out);
}

static void export_json_exact(void **state)
{
    (void)state;
    char *out = render(EXPORT_JSON, two_rows, 2);
    assert_string_equal(out,
        "{\"file\":\"p1.txt\",\"article\":\"两会, 开幕\",\"speaker\":\"张三\","
        "\"role\":\"全国人大代表\",\"titles\":\"省长\",\"kind\":\"direct\","
        "\"text\":\"他说：\\\"好\\\"，\\n很好。\",\"paper\":\"某某日报\","
        "\"date\":\"2025-03-05\",\"edition\":\"第01版\","
        "\"delegation\":\"某省代表团\"}\n"
        "{\"file\":\"p1.txt\",\"article\":\"两会, 开幕\",\"speaker\":null,"
        "\"role\":null,\"titles\":null,\"kind\":\"indirect\","
        "\"text\":\"*重要* 第一 [链接](x) <b>\",\"paper\":null,"
        "\"date\":null,\"edition\":null,\"delegation\":null}\n");
    /* Each line is one JSON value. */
    char *nl = strchr(out, '\n');
    *nl = '\0';
    assert_true(test_json_valid(out));
    assert_true(test_json_valid(nl + 1));
    free(out);
}

static void export_markdown_exact(void **state)
{
    (void)state;
    char *out = render(EXPORT_MARKDOWN, two_rows, 2);
    assert_string_equal(out,
        "# Quotes\n"
        "\n## 两会, 开幕\n"
        "\n*某某日报 · 2025-03-05 · 第01版 · p1.txt*\n"
        "\n**张三** · 全国人大代表 · 某省代表团 · 省长 · direct\n"
        "\n> 他说：\"好\"，\n>\n> 很好。\n"
        "\n**Unattributed** · indirect\n"
        "\n> \\*重要\\* 第一 \\[链接\\](x) \\<b\\>\n");
    free(out);
}

/* Markers that only count at a line start, and article headings. */
static void export_markdown_line_starts_and_headings(void **state)
{
    (void)state;
    static const quote_row rows[] = {
        {.file = "b.txt", .article = "# Big_news", .speaker = "李四",
         .kind = "direct",
         .text = "1. one\n\n- two\n  # three\n+four\n    code\n"
                 "2024年\n12) x & y | z ~ `c`\\"},
        {.file = "b.txt", .article = "# Big_news", .speaker = "王五",
         .role = "", .text = ""},
        {.text = "x"},
    };
    char *out = render(EXPORT_MARKDOWN, rows, 3);
    assert_string_equal(out,
        "# Quotes\n"
        "\n## \\# Big\\_news\n"
        "\n*b.txt*\n"
        "\n**李四** · direct\n"
        "\n> 1\\. one\n>\n> \\- two\n>\n> \\# three\n>\n> \\+four\n>\n"
        "> code\n>\n> 2024年\n>\n> 12\\) x \\& y \\| z \\~ \\`c\\`\\\\\n"
        "\n**王五**\n"
        "\n>\n"
        "\n## (no headline)\n"
        "\n**Unattributed**\n"
        "\n> x\n");
    free(out);
}

/* Fields starting with = + - @ cannot run as spreadsheet formulas. */
static void export_csv_formula_guard(void **state)
{
    (void)state;
    static const quote_row row = {
        .file = "=cmd|' /C calc'!A0", .article = "+1", .speaker = "-2",
        .role = "@SUM(1)", .titles = "普通", .kind = "direct",
        .text = "=HYPERLINK(\"http://x\",\"y\")"};
    char *out = render(EXPORT_CSV, &row, 1);
    const char *line = strchr(out, '\n') + 1;
    assert_string_equal(line,
        "\"'=cmd|' /C calc'!A0\",\"'+1\",\"'-2\",\"'@SUM(1)\",普通,direct,"
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",,,,\n");
    free(out);
}

static void export_formats_by_extension(void **state)
{
    (void)state;
    assert_int_equal(export_format_for_path("a.md"), EXPORT_MARKDOWN);
    assert_int_equal(export_format_for_path("/x/A.MD"), EXPORT_MARKDOWN);
    assert_int_equal(export_format_for_path("q.csv"), EXPORT_CSV);
    assert_int_equal(export_format_for_path("q.json"), EXPORT_JSON);
    assert_int_equal(export_format_for_path("/tmp/q.JSONL"), EXPORT_JSON);
    assert_int_equal(export_format_for_path("q.txt"), -1);
    assert_int_equal(export_format_for_path("q"), -1);
    assert_int_equal(export_format_for_path(".csv"), -1);
    assert_int_equal(export_format_for_path("dir/.csv"), -1);
    assert_int_equal(export_format_for_path("q.md.bak"), -1);
    assert_int_equal(export_format_for_path("dir.md/q"), -1);
    assert_int_equal(export_format_for_path(""), -1);
}

/* Number of entries in dir (without . and ..). */
static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

static void write_file(const char *path, const char *text, mode_t mode)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    assert_int_equal(chmod(path, mode), 0);
}

/* A new export is mode 0600 whatever the umask, replaces an older file,
   and leaves no temporary file behind. */
static void export_to_path_mode_0600(void **state)
{
    (void)state;
    const char *dir = test_tmpdir();
    strbuf path = {0}, err = {0};
    sb_printf(&path, "%s/q.csv", dir);
    mode_t old = umask(022);
    int rc = export_to_path(path.s, two_rows, 2, false, &err);
    umask(old);
    assert_int_equal(rc, 0);
    struct stat st;
    assert_int_equal(stat(path.s, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0600);
    /* A CSV file starts with the byte order mark spreadsheets need. */
    char *got = test_read_file(path.s, NULL);
    char *want = render(EXPORT_CSV, two_rows, 2);
    assert_true(strncmp(got, EXPORT_BOM, 3) == 0);
    assert_string_equal(got + 3, want);
    free(got);
    free(want);
    assert_int_equal(count_entries(dir), 1);

    /* Over an existing world-readable file, under an umask denying all. */
    sb_clear(&path);
    sb_printf(&path, "%s/q.md", dir);
    write_file(path.s, "old\n", 0644);
    old = umask(0777);
    rc = export_to_path(path.s, two_rows, 1, true, &err);
    umask(old);
    assert_int_equal(rc, 0);
    assert_int_equal(stat(path.s, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0600);
    got = test_read_file(path.s, NULL);
    want = render(EXPORT_MARKDOWN, two_rows, 1);
    assert_string_equal(got, want);
    free(got);
    free(want);
    assert_int_equal(count_entries(dir), 2);
    assert_int_equal(err.len, 0);
    sb_free(&path);
    sb_free(&err);
}

/* Unknown formats and missing directories: an error, and no file. */
static void export_to_path_errors(void **state)
{
    (void)state;
    const char *dir = test_tmpdir();
    strbuf path = {0}, err = {0};
    sb_printf(&path, "%s/q.txt", dir);
    assert_int_equal(export_to_path(path.s, two_rows, 2, false, &err), -1);
    assert_non_null(strstr(err.s, "unknown format"));
    assert_int_equal(count_entries(dir), 0);

    sb_clear(&path);
    sb_clear(&err);
    sb_printf(&path, "%s/no/such/dir/q.csv", dir);
    assert_int_equal(export_to_path(path.s, two_rows, 2, false, &err), -1);
    assert_non_null(strstr(err.s, path.s));
    assert_non_null(strstr(err.s, strerror(ENOENT)));
    assert_int_equal(count_entries(dir), 0);

    /* A path through a regular file. */
    sb_clear(&path);
    sb_clear(&err);
    sb_printf(&path, "%s/file", dir);
    write_file(path.s, "x", 0644);
    sb_puts(&path, "/q.json");
    assert_int_equal(export_to_path(path.s, two_rows, 2, false, &err), -1);
    assert_non_null(strstr(err.s, strerror(ENOTDIR)));
    assert_int_equal(count_entries(dir), 1);
    sb_free(&path);
    sb_free(&err);
}

/* Run export_to_path(path) in a child process, after dropping root if
   drop_root (so that directory permissions apply) and setting a file size
   limit if fsize_limit > 0.  Returns the child's exit status: 0 when the
   export failed with a message, 1 when it succeeded, 77 when root could
   not be dropped. */
static int export_in_child(const char *path, const quote_row *rows,
                           size_t n, bool drop_root, rlim_t fsize_limit)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        if (drop_root && geteuid() == 0 &&
            (setgid(65534) != 0 || setuid(65534) != 0))
            _exit(77);
        if (fsize_limit > 0) {
            struct rlimit rl = {fsize_limit, fsize_limit};
            signal(SIGXFSZ, SIG_IGN);
            if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
                _exit(78);
        }
        strbuf err = {0};
        int rc = export_to_path(path, rows, n, true, &err);
        _exit(rc == -1 && err.len > 0 ? 0 : 1);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    return WEXITSTATUS(status);
}

/* A directory the user cannot write to: an error, and no file. */
static void export_to_path_unwritable_dir(void **state)
{
    (void)state;
    /* Own directory under /tmp so that an unprivileged child can reach
       it: /tmp/x (0755) holding ro (0555). */
    char top[] = "/tmp/dubao-export-XXXXXX";
    assert_non_null(mkdtemp(top));
    assert_int_equal(chmod(top, 0755), 0);
    strbuf ro = {0}, path = {0};
    sb_printf(&ro, "%s/ro", top);
    assert_int_equal(mkdir(ro.s, 0555), 0);
    assert_int_equal(chmod(ro.s, 0555), 0);
    sb_printf(&path, "%s/q.csv", ro.s);
    int rc = export_in_child(path.s, two_rows, 2, true, 0);
    int entries = count_entries(ro.s);
    rmdir(ro.s);
    rmdir(top);
    if (rc == 77)
        skip();
    assert_int_equal(rc, 0);
    assert_int_equal(entries, 0);
    sb_free(&ro);
    sb_free(&path);
}

/* A write that fails half-way (file size limit) leaves the old file as
   it was and no temporary file. */
static void export_to_path_failed_write_keeps_old(void **state)
{
    (void)state;
    const char *dir = test_tmpdir();
    strbuf path = {0}, text = {0};
    sb_printf(&path, "%s/q.jsonl", dir);
    write_file(path.s, "old\n", 0666);
    for (int i = 0; i < 2000; i++)
        sb_puts(&text, "很长的引语。");
    quote_row row = two_rows[0];
    row.text = text.s;
    assert_int_equal(export_in_child(path.s, &row, 1, false, 1000), 0);
    char *got = test_read_file(path.s, NULL);
    assert_string_equal(got, "old\n");
    free(got);
    assert_int_equal(count_entries(dir), 1);
    sb_free(&path);
    sb_free(&text);
}

/* An existing file is replaced only when asked: otherwise the export
   fails, says so, and the file and directory are as they were. */
static void export_to_path_never_replaces_unasked(void **state)
{
    (void)state;
    const char *dir = test_tmpdir();
    strbuf path = {0}, err = {0};
    sb_printf(&path, "%s/mine.md", dir);
    write_file(path.s, "my notes\n", 0644);
    errno = 0;
    assert_int_equal(export_to_path(path.s, two_rows, 2, false, &err), -1);
    assert_int_equal(errno, EEXIST);
    assert_non_null(strstr(err.s, "exists"));
    char *got = test_read_file(path.s, NULL);
    assert_string_equal(got, "my notes\n");
    free(got);
    assert_int_equal(count_entries(dir), 1);
    sb_free(&path);
    sb_free(&err);
}

/* A citation for the clipboard names the speaker with role, delegation
   and titles, and the paper, date, edition and headline; what is unknown
   is left out, and the file stands in for an unknown paper. */
static void export_citation_names_the_source(void **state)
{
    (void)state;
    char *c = export_citation(&two_rows[0]);
    assert_string_equal(c,
        "“他说：\"好\"，\n很好。”\n"
        "——张三（全国人大代表，某省代表团，省长）\n"
        "《某某日报》2025-03-05，第01版，《两会, 开幕》（p1.txt）");
    free(c);
    c = export_citation(&two_rows[1]);
    assert_string_equal(c, "“*重要* 第一 [链接](x) <b>”\n"
                           "——(unattributed)\n"
                           "《两会, 开幕》（p1.txt）");
    free(c);
}

static void export_write_reports_errors(void **state)
{
    (void)state;
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        skip();
    assert_int_equal(export_write(f, EXPORT_JSON, two_rows, 2), -1);
    fclose(f);
    char *buf = NULL;
    size_t len = 0;
    f = open_memstream(&buf, &len);
    assert_int_equal(export_write(f, EXPORT_CSV, two_rows, 2), 0);
    fclose(f);
    char *want = render(EXPORT_CSV, two_rows, 2);
    assert_string_equal(buf, want);
    free(want);
    free(buf);
}

static void export_base64_vectors(void **state)
{
    (void)state;
    /* RFC 4648 section 10, and bytes with the high bit set. */
    static const char *const vec[][2] = {
        {"", ""},           {"f", "Zg=="},         {"fo", "Zm8="},
        {"foo", "Zm9v"},    {"foob", "Zm9vYg=="},  {"fooba", "Zm9vYmE="},
        {"foobar", "Zm9vYmFy"}, {"中", "5Lit"},     {"\xff\xfe", "//4="},
        {"\xfb\xff", "+/8="},
    };
    for (size_t i = 0; i < SUITE_LEN(vec); i++) {
        char *b = base64_encode(vec[i][0], strlen(vec[i][0]));
        assert_string_equal(b, vec[i][1]);
        free(b);
    }
    char *b = base64_encode("\0\0\0\0", 4);
    assert_string_equal(b, "AAAAAA==");
    free(b);
}

/* Decode standard base64 (test helper); returns bytes written. */
static size_t base64_decode(const char *s, char *out)
{
    static const char digits[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t n = 0;
    unsigned long v = 0;
    int bits = 0;
    for (; *s && *s != '='; s++) {
        const char *d = strchr(digits, *s);
        assert_non_null(d);
        v = (v << 6) | (unsigned long)(d - digits);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[n++] = (char)((v >> bits) & 0xff);
        }
    }
    return n;
}

static void export_osc52(void **state)
{
    (void)state;
    char *seq = osc52_sequence("hi");
    assert_string_equal(seq, "\033]52;c;aGk=\a");
    free(seq);
    seq = osc52_sequence("");
    assert_string_equal(seq, "\033]52;c;\a");
    free(seq);

    /* 200 KB of three-byte characters: cut to whole characters within
       the limit. */
    strbuf big = {0};
    for (int i = 0; i < 70000; i++)
        sb_puts(&big, "中");
    seq = osc52_sequence(big.s);
    assert_true(strncmp(seq, "\033]52;c;", 7) == 0);
    size_t len = strlen(seq);
    assert_int_equal(seq[len - 1], '\a');
    seq[len - 1] = '\0';
    char *text = xmalloc(len);
    size_t n = base64_decode(seq + 7, text);
    assert_true(n <= OSC52_MAX_TEXT);
    assert_true(n > OSC52_MAX_TEXT - 3);
    assert_int_equal(n % 3, 0);
    assert_memory_equal(text, big.s, n);
    free(text);
    free(seq);
    sb_free(&big);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(export_csv_exact),
    cmocka_unit_test(export_json_exact),
    cmocka_unit_test(export_markdown_exact),
    cmocka_unit_test(export_markdown_line_starts_and_headings),
    cmocka_unit_test(export_csv_formula_guard),
    cmocka_unit_test(export_formats_by_extension),
    cmocka_unit_test(export_to_path_mode_0600),
    cmocka_unit_test(export_to_path_errors),
    cmocka_unit_test(export_to_path_unwritable_dir),
    cmocka_unit_test(export_to_path_failed_write_keeps_old),
    cmocka_unit_test(export_to_path_never_replaces_unasked),
    cmocka_unit_test(export_citation_names_the_source),
    cmocka_unit_test(export_write_reports_errors),
    cmocka_unit_test(export_base64_vectors),
    cmocka_unit_test(export_osc52),
};
const test_suite export_suite = {tests, SUITE_LEN(tests)};
