/* measure.c - run commands and report their wall time and peak memory,
 * for the benchmarks (/usr/bin/time -v is not always installed).
 *
 *   measure [--out FILE] CMD [ARG]...
 *   measure --batch FILE [--max-seconds S] [--min-runs N]
 *
 * For each command run, prints one line to stdout:
 *
 *   WALL_NS MAXRSS_KB STATUS LINES CPU_NS
 *
 * WALL_NS is the wall-clock time from fork to the end of the command's
 * output and its exit, CPU_NS its user + system CPU time (less disturbed
 * than wall time when other jobs share the machine), MAXRSS_KB the peak resident set of that command
 * (wait4's ru_maxrss, its own process only), STATUS its exit status (128+N
 * when killed by signal N) and LINES the number of lines it wrote to
 * stdout, which is read through a pipe and discarded (or copied to FILE
 * with --out).  In batch mode FILE holds one command per line, arguments
 * separated by tabs; commands are run in order, and with --max-seconds no
 * new command starts once S seconds have passed and at least N (default
 * 10) have run, so that a slow case cannot blow the time budget.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "strbuf.h"

/* Nanoseconds of the monotonic clock. */
static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

typedef struct {
    int64_t wall_ns;
    long maxrss_kb;
    int status;
    long lines;
    int64_t cpu_ns;
} run_result;

/* Run argv, counting the lines of its stdout (copied to out when not
   NULL).  Returns -1 if the command could not be started at all. */
static int run_command(char *const *argv, FILE *out, run_result *res)
{
    int fds[2];
    if (pipe(fds) != 0) {
        perror("measure: pipe");
        return -1;
    }
    int64_t start = now_ns();
    pid_t pid = fork();
    if (pid < 0) {
        perror("measure: fork");
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        execvp(argv[0], argv);
        fprintf(stderr, "measure: cannot run %s: %s\n", argv[0],
                strerror(errno));
        _exit(127);
    }
    close(fds[1]);
    char buf[65536];
    ssize_t n;
    long lines = 0;
    while ((n = read(fds[0], buf, sizeof buf)) != 0) {
        if (n < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (ssize_t i = 0; i < n; i++)
            lines += buf[i] == '\n';
        if (out)
            fwrite(buf, 1, (size_t)n, out);
    }
    close(fds[0]);
    int wstatus = 0;
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    while (wait4(pid, &wstatus, 0, &ru) < 0 && errno == EINTR)
        ;
    res->wall_ns = now_ns() - start;
    res->maxrss_kb = ru.ru_maxrss;
    res->status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus)
                : WIFSIGNALED(wstatus) ? 128 + WTERMSIG(wstatus) : 255;
    res->lines = lines;
    res->cpu_ns = ((int64_t)ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) *
                      1000000000 +
                  ((int64_t)ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1000;
    return 0;
}

static void print_result(const run_result *r)
{
    printf("%lld %ld %d %ld %lld\n", (long long)r->wall_ns, r->maxrss_kb,
           r->status, r->lines, (long long)r->cpu_ns);
    fflush(stdout);
}

/* Split a line at tabs into a NULL-terminated argument vector (pointing
   into line, which is modified). */
static char **split_tabs(char *line)
{
    size_t n = 1;
    for (char *p = line; *p; p++)
        n += *p == '\t';
    char **argv = xcalloc(n + 1, sizeof *argv);
    size_t i = 0;
    char *p = line;
    for (;;) {
        argv[i++] = p;
        char *t = strchr(p, '\t');
        if (!t)
            break;
        *t = '\0';
        p = t + 1;
    }
    argv[i] = NULL;
    return argv;
}

/* Run every command of a batch file; see the comment at the top. */
static int run_batch(const char *path, double max_seconds, long min_runs)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "measure: cannot open %s: %s\n", path,
                strerror(errno));
        return 1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long done = 0;
    int64_t start = now_ns();
    int rc = 0;
    while ((len = getline(&line, &cap, f)) > 0) {
        if (max_seconds > 0 && done >= min_runs &&
            (double)(now_ns() - start) / 1e9 > max_seconds)
            break;
        if (line[len - 1] == '\n')
            line[--len] = '\0';
        if (len == 0)
            continue;
        char **argv = split_tabs(line);
        run_result r;
        if (run_command(argv, NULL, &r) != 0)
            rc = 1;
        else
            print_result(&r);
        free(argv);
        done++;
    }
    free(line);
    fclose(f);
    return rc;
}

static void usage(void)
{
    fputs("usage: measure [--out FILE] CMD [ARG]...\n"
          "       measure --batch FILE [--max-seconds S] [--min-runs N]\n"
          "Prints per command: WALL_NS MAXRSS_KB STATUS STDOUT_LINES "
          "CPU_NS\n",
          stderr);
}

int main(int argc, char **argv)
{
    const char *batch = NULL, *out_path = NULL;
    double max_seconds = 0;
    long min_runs = 10;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        if (i + 1 >= argc) {
            usage();
            return 2;
        }
        if (strcmp(argv[i], "--batch") == 0)
            batch = argv[++i];
        else if (strcmp(argv[i], "--out") == 0)
            out_path = argv[++i];
        else if (strcmp(argv[i], "--max-seconds") == 0)
            max_seconds = strtod(argv[++i], NULL);
        else if (strcmp(argv[i], "--min-runs") == 0)
            min_runs = strtol(argv[++i], NULL, 10);
        else {
            usage();
            return 2;
        }
    }
    if (batch)
        return i == argc ? run_batch(batch, max_seconds, min_runs) : 2;
    if (i >= argc) {
        usage();
        return 2;
    }
    FILE *out = NULL;
    if (out_path && !(out = fopen(out_path, "w"))) {
        fprintf(stderr, "measure: cannot write %s: %s\n", out_path,
                strerror(errno));
        return 1;
    }
    run_result r;
    int rc = run_command(argv + i, out, &r);
    if (out)
        fclose(out);
    if (rc != 0)
        return 1;
    print_result(&r);
    return 0;
}
