/* test_util.c - helpers shared by the test files (paths, files, processes). */
#include "test.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char path_buf[4096];

const char *test_src_path(const char *rel)
{
    const char *src = getenv("DUBAO_SRC");
    snprintf(path_buf, sizeof path_buf, "%s/%s", src ? src : ".", rel);
    return path_buf;
}

const char *test_shared_path(const char *rel)
{
    const char *src = getenv("DUBAO_SRC");
    snprintf(path_buf, sizeof path_buf, "%s/../shared/%s", src ? src : ".",
             rel);
    return path_buf;
}

char *test_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
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

int test_run(char *const argv[], strbuf *out, strbuf *err)
{
    char errpath[] = "/tmp/dubao-test-err-XXXXXX";
    int errfd = mkstemp(errpath);
    int p[2];
    if (errfd < 0 || pipe(p) != 0)
        return -1;
    unlink(errpath);
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        int devnull = open("/dev/null", O_RDONLY);
        dup2(devnull, 0);
        dup2(p[1], 1);
        dup2(errfd, 2);
        close(p[0]);
        execvp(argv[0], argv);
        _exit(127);
    }
    close(p[1]);
    drain(p[0], out);
    int status;
    waitpid(pid, &status, 0);
    lseek(errfd, 0, SEEK_SET);
    drain(errfd, err);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
