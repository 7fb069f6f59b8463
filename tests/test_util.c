/* test_util.c - helpers shared by the test files (paths, files, processes). */
#include "test.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "textwidth.h"

static char path_buf[4096];

const char *test_src_path(const char *rel)
{
    const char *src = getenv("DUBAO_SRC");
    snprintf(path_buf, sizeof path_buf, "%s/%s", src ? src : ".", rel);
    return path_buf;
}

char *test_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("test data missing: cannot open %s: %s", path,
                 strerror(errno));
    strbuf sb = {0};
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sb_append(&sb, buf, n);
    fclose(f);
    if (len)
        *len = sb.len;
    return sb_take(&sb);
}

void test_copy_corpus_page(const char *name, const char *dir)
{
    char src[512], dst[1024];
    snprintf(src, sizeof src, "assets/corpus/%s", name);
    size_t n;
    char *bytes = test_read_file(test_src_path(src), &n);
    snprintf(dst, sizeof dst, "%s/%s", dir, name);
    FILE *f = fopen(dst, "wb");
    if (!f || fwrite(bytes, 1, n, f) != n)
        fail_msg("cannot write %s", dst);
    fclose(f);
    free(bytes);
}

static char tmpdir_buf[256];

/* Remove the temporary directory tree at exit. */
static void remove_tmpdir(void)
{
    if (!tmpdir_buf[0])
        return;
    char *argv[] = {"rm", "-rf", tmpdir_buf, NULL};
    test_run(argv, NULL, NULL);
}

const char *test_tmpdir(void)
{
    static int n;
    static char root[128];
    if (!root[0]) {
        snprintf(root, sizeof root, "/tmp/dubao-test-XXXXXX");
        if (!mkdtemp(root))
            fail_msg("mkdtemp failed");
        /* Traversable (not listable) so that tests running dubao as
           another user reach the directories they open up. */
        chmod(root, 0711);
        snprintf(tmpdir_buf, sizeof tmpdir_buf, "%s", root);
        atexit(remove_tmpdir);
    }
    static char dir[256];
    snprintf(dir, sizeof dir, "%s/%d", root, ++n);
    if (mkdir(dir, 0700) != 0)
        fail_msg("mkdir %s failed", dir);
    return dir;
}

/* Read everything from fd into sb (if sb is not NULL). */
static void drain(int fd, strbuf *sb)
{
    char buf[8192];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0)
        if (sb)
            sb_append(sb, buf, (size_t)n);
    close(fd);
}

long test_last_maxrss_kb;

/* uid the next test_run child switches to (0: stay as we are). */
static uid_t run_as_uid;
/* Largest file the next test_run child may write (0: no limit). */
static long run_fsize_limit;

int test_run_with_file_limit(char *const argv[], long bytes, strbuf *out,
                             strbuf *err)
{
    run_fsize_limit = bytes;
    int rc = test_run(argv, out, err);
    run_fsize_limit = 0;
    return rc;
}

/* The assets directory of the copy of dubao user nobody runs (see below). */
static char nobody_assets[600];

/* A copy of the program bin and of the source tree's assets in a directory
   that every user may enter (for the runs as nobody); static buffer.  The
   clone itself may lie in a directory only its owner enters (mktemp -d,
   /root), where nobody could not reach the program or its lexicons. */
static const char *nobody_copy_of(const char *bin)
{
    static char copy[600], from[600];
    if (copy[0] && strcmp(from, bin) == 0)
        return copy;
    const char *dir = test_tmpdir();
    chmod(dir, 0755);
    snprintf(copy, sizeof copy, "%s/dubao", dir);
    snprintf(nobody_assets, sizeof nobody_assets, "%s/assets", dir);
    snprintf(from, sizeof from, "%s", bin);
    char *assets = strdup(test_src_path("assets"));
    char *cp_bin[] = {"cp", from, copy, NULL};
    char *cp_assets[] = {"cp", "-R", assets, nobody_assets, NULL};
    char *open_up[] = {"chmod", "-R", "a+rX", (char *)dir, NULL};
    if (test_run(cp_bin, NULL, NULL) != 0 ||
        test_run(cp_assets, NULL, NULL) != 0 ||
        test_run(open_up, NULL, NULL) != 0)
        fail_msg("cannot copy %s and %s into %s for user nobody", bin,
                 assets, dir);
    free(assets);
    return copy;
}

int test_run_as_nobody(char *const argv[], strbuf *out, strbuf *err)
{
    size_t n = 0;
    while (argv[n])
        n++;
    char **args = calloc(n + 1, sizeof *args);
    memcpy(args, argv, n * sizeof *args);
    args[0] = (char *)nobody_copy_of(argv[0]);
    run_as_uid = 65534;
    int rc = test_run(args, out, err);
    run_as_uid = 0;
    free(args);
    return rc;
}

int test_run(char *const argv[], strbuf *out, strbuf *err)
{
    char errpath[] = "/tmp/dubao-test-err-XXXXXX";
    int errfd = mkstemp(errpath);
    int p[2] = {-1, -1};
    if (errfd < 0 || (out && pipe(p) != 0))
        return -1;
    unlink(errpath);
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        /* Output nobody reads goes to /dev/null, not a pipe: a daemon such
           as the tmux server would keep a pipe open forever. */
        int devnull = open("/dev/null", O_RDWR);
        dup2(devnull, 0);
        dup2(out ? p[1] : devnull, 1);
        dup2(errfd, 2);
        if (out)
            close(p[0]);
        if (run_fsize_limit) {
            /* Writes past the limit fail with EFBIG, as on a full disk. */
            struct rlimit rl = {(rlim_t)run_fsize_limit,
                                (rlim_t)run_fsize_limit};
            signal(SIGXFSZ, SIG_IGN);
            setrlimit(RLIMIT_FSIZE, &rl);
        }
        if (run_as_uid && (setenv("DUBAO_ASSETS", nobody_assets, 1) != 0 ||
                           setgid(run_as_uid) != 0 ||
                           setuid(run_as_uid) != 0))
            _exit(126);
        execvp(argv[0], argv);
        _exit(127);
    }
    if (out) {
        close(p[1]);
        drain(p[0], out);
    }
    int status;
    struct rusage ru;
    wait4(pid, &status, 0, &ru);
    test_last_maxrss_kb = ru.ru_maxrss;
    lseek(errfd, 0, SEEK_SET);
    drain(errfd, err);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void test_sql(const char *db, const char *stmt)
{
    sqlite3 *h;
    assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
    char *msg = NULL;
    if (sqlite3_exec(h, stmt, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", stmt, msg);
    sqlite3_close(h);
}

long long test_sql_int(const char *db, const char *query)
{
    sqlite3 *h;
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
    if (sqlite3_prepare_v2(h, query, -1, &st, NULL) != SQLITE_OK)
        fail_msg("%s: %s", query, sqlite3_errmsg(h));
    long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0)
                                                 : -1;
    sqlite3_finalize(st);
    sqlite3_close(h);
    return v;
}

int test_damage_pages(const char *db, const char *where, int max_pages,
                      size_t bytes)
{
    test_sql(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    long long size = test_sql_int(db, "PRAGMA page_size");
    FILE *f = fopen(db, "r+b");
    if (!f || size <= 0)
        fail_msg("cannot damage %s", db);
    int n = 0;
    for (; n < max_pages; n++) {
        char q[600];
        snprintf(q, sizeof q, "SELECT pageno FROM dbstat WHERE %s ORDER BY "
                 "pageno LIMIT 1 OFFSET %d", where, n);
        long long page = test_sql_int(db, q);
        if (page < 1)
            break;
        fseek(f, (long)((page - 1) * size), SEEK_SET);
        for (size_t i = 0; i < bytes; i++)
            fputc(0xff, f);
    }
    fclose(f);
    return n;
}

/* ---- a minimal JSON validator ---- */

static const char *json_ws(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    return p;
}

static const char *json_value(const char *p, int depth);

static const char *json_str(const char *p)
{
    if (*p++ != '"')
        return NULL;
    while (*p && *p != '"') {
        if ((unsigned char)*p < 0x20)
            return NULL;
        if (*p == '\\') {
            p++;
            if (*p == 'u') {
                for (int i = 1; i <= 4; i++)
                    if (!isxdigit((unsigned char)p[i]))
                        return NULL;
                p += 4;
            } else if (!*p || !strchr("\"\\/bfnrt", *p)) {
                return NULL;
            }
        }
        p++;
    }
    return *p == '"' ? p + 1 : NULL;
}

static const char *json_num(const char *p)
{
    if (*p == '-')
        p++;
    if (!isdigit((unsigned char)*p))
        return NULL;
    while (isdigit((unsigned char)*p))
        p++;
    if (*p == '.') {
        p++;
        if (!isdigit((unsigned char)*p))
            return NULL;
        while (isdigit((unsigned char)*p))
            p++;
    }
    return p;
}

/* Parse a comma-separated sequence until close; objects when is_object. */
static const char *json_seq(const char *p, char close, bool is_object,
                            int depth)
{
    p = json_ws(p);
    if (*p == close)
        return p + 1;
    for (;;) {
        if (is_object) {
            p = json_str(json_ws(p));
            if (!p)
                return NULL;
            p = json_ws(p);
            if (*p++ != ':')
                return NULL;
        }
        p = json_value(p, depth + 1);
        if (!p)
            return NULL;
        p = json_ws(p);
        if (*p == close)
            return p + 1;
        if (*p++ != ',')
            return NULL;
    }
}

static const char *json_value(const char *p, int depth)
{
    if (depth > 64)
        return NULL;
    p = json_ws(p);
    switch (*p) {
    case '{': return json_seq(p + 1, '}', true, depth);
    case '[': return json_seq(p + 1, ']', false, depth);
    case '"': return json_str(p);
    case 't': return strncmp(p, "true", 4) == 0 ? p + 4 : NULL;
    case 'f': return strncmp(p, "false", 5) == 0 ? p + 5 : NULL;
    case 'n': return strncmp(p, "null", 4) == 0 ? p + 4 : NULL;
    default: return json_num(p);
    }
}

bool test_json_valid(const char *s)
{
    const char *end = json_value(s, 0);
    return end && *json_ws(end) == '\0';
}

/* ---- tmux ---- */

static char tmux_socket[64];

/* Run tmux on the private socket with up to five arguments. */
static int tmux_cmd(strbuf *out, const char *a1, const char *a2,
                    const char *a3, const char *a4, const char *a5)
{
    char *argv[12] = {"tmux", "-L", tmux_socket, "-f", "/dev/null"};
    int n = 5;
    const char *rest[] = {a1, a2, a3, a4, a5};
    for (int i = 0; i < 5 && rest[i]; i++)
        argv[n++] = (char *)rest[i];
    argv[n] = NULL;
    return test_run(argv, out, NULL);
}

int tmux_start(const char *cmd, int cols, int rows)
{
    /* A fresh server each time: reusing a socket right after kill-server
       races with the old server's exit. */
    static int starts;
    snprintf(tmux_socket, sizeof tmux_socket, "dubao-test-%d-%d",
             (int)getpid(), ++starts);
    char c[16], r[16];
    snprintf(c, sizeof c, "%d", cols);
    snprintf(r, sizeof r, "%d", rows);
    char *argv[] = {"tmux", "-L", tmux_socket, "-f", "/dev/null",
                    "new-session", "-d", "-x", c, "-y", r,
                    "-e", "LANG=C.UTF-8", "-e", "LC_ALL=C.UTF-8",
                    (char *)cmd, NULL};
    int rc = test_run(argv, NULL, NULL);
    if (rc == 0) {
        static bool registered;
        if (!registered)
            atexit(tmux_stop); /* a failed assertion must not leak it */
        registered = true;
        tmux_cmd(NULL, "set-option", "-g", "remain-on-exit", "on", NULL);
    }
    return rc;
}

void tmux_keys(const char *k1, ...)
{
    va_list ap;
    va_start(ap, k1);
    for (const char *k = k1; k; k = va_arg(ap, const char *))
        tmux_cmd(NULL, "send-keys", "-t", "0", k, NULL);
    va_end(ap);
}

void tmux_option(const char *name, const char *value)
{
    tmux_cmd(NULL, "set-option", "-s", name, value, NULL);
}

char *tmux_buffer(void)
{
    strbuf out = {0};
    tmux_cmd(&out, "show-buffer", NULL, NULL, NULL, NULL);
    return sb_take(&out);
}

char *tmux_capture_attrs(void)
{
    strbuf out = {0};
    tmux_cmd(&out, "capture-pane", "-p", "-e", "-t", "0");
    return sb_take(&out);
}

void tmux_type(const char *text)
{
    tmux_cmd(NULL, "send-keys", "-t", "0", "-l", text);
}

char *tmux_capture(void)
{
    strbuf out = {0};
    tmux_cmd(&out, "capture-pane", "-p", "-t", "0", NULL);
    return sb_take(&out);
}

char *tmux_wait_for(const char *text, int timeout_ms)
{
    for (int waited = 0; waited <= timeout_ms; waited += 50) {
        char *screen = tmux_capture();
        if (strstr(screen, text))
            return screen;
        free(screen);
        usleep(50 * 1000);
    }
    return NULL;
}

bool tmux_alive(void)
{
    strbuf out = {0};
    tmux_cmd(&out, "display-message", "-p", "-t", "0", "#{pane_dead}");
    bool alive = out.s && out.s[0] == '0';
    sb_free(&out);
    return alive;
}

void tmux_resize(int cols, int rows)
{
    char c[16], r[16];
    snprintf(c, sizeof c, "%d", cols);
    snprintf(r, sizeof r, "%d", rows);
    char *argv[] = {"tmux", "-L", tmux_socket, "-f", "/dev/null",
                    "resize-window", "-t", "0", "-x", c, "-y", r, NULL};
    test_run(argv, NULL, NULL);
}

void tmux_stop(void)
{
    tmux_cmd(NULL, "kill-server", NULL, NULL, NULL, NULL);
}

/* ---- the browser's --script mode ---- */

int test_run_script(const char *db, const char *corpus, const char *text,
                    strbuf *out, strbuf *err)
{
    char script[600];
    snprintf(script, sizeof script, "%s/keys.txt", test_tmpdir());
    FILE *f = fopen(script, "w");
    fputs(text, f);
    fclose(f);
    const char *bin = getenv("DUBAO_BIN");
    char *argv[] = {(char *)(bin ? bin : "./dubao"), "--db", (char *)db,
                    "--script", script, "-q", NULL, NULL, NULL};
    if (corpus) {
        argv[6] = "--corpus";
        argv[7] = (char *)corpus;
    }
    return test_run(argv, out, err);
}

char *test_nth_screen(const char *out, int k)
{
    const char *p = out;
    for (int i = 0; i < k; i++) {
        p = strstr(p, "----\n");
        if (!p)
            return NULL;
        p += 5;
    }
    const char *end = strstr(p, "----\n");
    return end ? xstrndup(p, (size_t)(end - p)) : NULL;
}

void test_assert_lines_fit(const char *screen, int cols)
{
    for (const char *p = screen; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (text_width(p, n) > cols)
            fail_msg("line wider than %d: %.*s", cols, (int)n, p);
        for (size_t i = 0; i < n; i++)
            assert_true((unsigned char)p[i] >= 0x20);
        p += n + (nl ? 1 : 0);
    }
}

int test_count_lines_with(const char *text, const char *needle)
{
    int n = 0;
    for (const char *p = text; p && *p;) {
        size_t len = strcspn(p, "\n");
        char *line = xstrndup(p, len);
        n += strstr(line, needle) != NULL;
        free(line);
        p += len + (p[len] == '\n');
    }
    return n;
}

void test_append_filler(const char *path, int lines)
{
    FILE *f = fopen(path, "a");
    if (!f)
        fail_msg("cannot append to %s", path);
    for (int k = 0; k < lines; k++)
        fputs("　　会议指出，要坚持稳中求进工作总基调，推动高质量发展。\n", f);
    fclose(f);
}

void test_write_pages(const char *dir, int n, const char *term)
{
    if (mkdir(dir, 0700) != 0)
        fail_msg("mkdir %s failed", dir);
    for (int i = 0; i < n; i++) {
        char path[700];
        snprintf(path, sizeof path, "%s/p%04d.txt", dir, i);
        FILE *f = fopen(path, "w");
        if (!f)
            fail_msg("cannot write %s", path);
        fprintf(f, "# 第%d号新闻：%s\n\n全国人大代表张三%s说：“这是%s的第%d句话。”\n",
                i, term, i % 2 ? "丰" : "明", term, i);
        fclose(f);
    }
}

void assert_same_text(const char *what, const char *got, const char *want)
{
    if (strcmp(got, want) == 0)
        return;
    size_t line = 1;
    const char *g = got, *w = want;
    while (*g && *g == *w) {
        line += *g == '\n';
        g++;
        w++;
    }
    while (g > got && g[-1] != '\n') {
        g--;
        w--;
    }
    fail_msg("%s differs at line %zu:\n  %.*s\ninstead of\n  %.*s", what,
             line, (int)strcspn(g, "\n"), g, (int)strcspn(w, "\n"), w);
}
