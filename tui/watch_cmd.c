/* watch_cmd.c - the watch command: run a watcher (watcher.h) for the
 * database, in the foreground or detached, or stop the one running. */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "corpus_roots.h"
#include "printable.h"
#include "watch_file.h"
#include "watcher.h"

/* How long --stop waits for the watcher to let its file go. */
#define STOP_WAIT_MS 5000

typedef struct {
    bool daemon; /* --daemon, -d: detach */
    bool stop;   /* --stop: stop the running watcher */
} watch_options;

/* Parse the options of the watch command.  0, or -1 after a message. */
static int parse_watch_options(int argc, char **argv, watch_options *wo)
{
    static const struct option longopts[] = {
        {"daemon", no_argument, NULL, 'd'},
        {"stop", no_argument, NULL, 's'},
        {NULL, 0, NULL, 0},
    };
    memset(wo, 0, sizeof *wo);
    optind = 0; /* 0: glibc re-initialises */
    opterr = 0;
    int c, at = 1;
    while ((c = getopt_long(argc, argv, "+:d", longopts, NULL)) != -1) {
        if (c == 'd') {
            wo->daemon = true;
        } else if (c == 's') {
            wo->stop = true;
        } else {
            char *shown = printable(argv[at]);
            fprintf(stderr, "dubao watch: unknown option '%s' (dubao watch "
                    "[--daemon | --stop])\n", shown);
            free(shown);
            return -1;
        }
        at = optind;
    }
    if (optind < argc || (wo->daemon && wo->stop)) {
        fprintf(stderr, "dubao watch: takes --daemon or --stop, and no "
                "argument\n");
        return -1;
    }
    return 0;
}

/* The roots the database's lookups use (corpus_roots_choose), in roots.
   0, or -1 after a message. */
static int watched_roots(const dubao_options *o, strlist *roots)
{
    db *d = open_database(o);
    if (!d)
        return -1;
    strbuf err = {0};
    int rc = corpus_roots_choose(d, &o->corpus, roots, &err);
    if (rc != 0)
        fprintf(stderr, "dubao watch: %s\n", err.s);
    sb_free(&err);
    db_close(d);
    return rc == 0 ? 0 : -1;
}

/* The line that says what is watched, in line. */
static void describe_watch(strbuf *line, const dubao_options *o,
                           const strlist *roots, const watcher *w)
{
    size_t n = watcher_directories(w);
    sb_printf(line, "dubao watch: watching %zu director%s under ", n,
              n == 1 ? "y" : "ies");
    for (size_t i = 0; i < roots->n; i++) {
        if (i)
            sb_puts(line, ", ");
        printable_append(line, roots->v[i], strlen(roots->v[i]));
    }
    sb_puts(line, " for ");
    printable_append(line, o->db_path, strlen(o->db_path));
    sb_printf(line, " (pid %ld)\n", (long)getpid());
}

/* A descriptor that becomes readable on SIGINT, SIGTERM or SIGHUP (they
   are blocked and read there instead), or -1. */
static int stop_signals(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigprocmask(SIG_BLOCK, &set, NULL);
    return signalfd(-1, &set, SFD_CLOEXEC);
}

/* Say why the watcher stopped: on stderr, or to the system log once
   detached (stderr is /dev/null then). */
static void report_stop(bool detached, const char *why)
{
    if (detached)
        syslog(LOG_WARNING, "dubao watch: %s", why);
    else
        fprintf(stderr, "dubao watch: %s\n", why);
}

/* Watch until a stop signal comes (EXIT_OK) or watching fails
   (EXIT_RUNTIME after a message). */
static int watch_until_stopped(watcher *w, int stop_fd, bool detached)
{
    strbuf err = {0};
    int rc = watcher_run(w, stop_fd, &err) == 0 ? EXIT_OK : EXIT_RUNTIME;
    if (rc != EXIT_OK)
        report_stop(detached, err.s);
    sb_free(&err);
    watcher_free(w);
    return rc;
}

/* dubao watch: watch in the foreground until Ctrl-C or SIGTERM. */
static int watch_foreground(const dubao_options *o, const strlist *roots)
{
    int stop_fd = stop_signals();
    strbuf err = {0}, line = {0};
    watcher *w = stop_fd >= 0 ? watcher_start(o->db_path, roots, &err) : NULL;
    if (!w) {
        fprintf(stderr, "dubao watch: %s\n",
                stop_fd < 0 ? strerror(errno) : err.s);
        sb_free(&err);
        return EXIT_RUNTIME;
    }
    describe_watch(&line, o, roots, w);
    fputs(line.s, stderr);
    sb_free(&line);
    int rc = watch_until_stopped(w, stop_fd, false);
    close(stop_fd);
    return rc;
}

/* Write all of text to fd (the pipe to the parent). */
static void write_all(int fd, const char *text)
{
    size_t len = strlen(text);
    while (len > 0) {
        ssize_t n = write(fd, text, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        text += n;
        len -= (size_t)n;
    }
}

/* Leave the terminal: stdio on /dev/null, the root directory as working
   directory (the watcher keeps only descriptors and absolute paths). */
static void detach_stdio(void)
{
    int null = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (null >= 0) {
        dup2(null, STDIN_FILENO);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        close(null);
    }
    if (chdir("/") != 0)
        return; /* the working directory is not used */
}

/* The detached watcher (the second child): start, tell the parent on
   ready ("PID\nLINE" or "!ERROR"), then watch.  Never returns. */
static void run_detached(const dubao_options *o, const strlist *roots,
                         int ready)
{
    /* Nothing inherited stays open but the pipe to the parent (as fd 3):
       a pipe a caller waits on must not wait for the watcher's end. */
    if (ready != 3) {
        dup2(ready, 3);
        ready = 3;
    }
    close_range(4, ~0u, 0);
    int stop_fd = stop_signals();
    strbuf err = {0}, msg = {0};
    watcher *w = stop_fd >= 0 ? watcher_start(o->db_path, roots, &err) : NULL;
    if (!w) {
        sb_printf(&msg, "!%s", stop_fd < 0 ? strerror(errno) : err.s);
        write_all(ready, msg.s);
        _exit(EXIT_RUNTIME);
    }
    sb_printf(&msg, "%ld\n", (long)getpid());
    describe_watch(&msg, o, roots, w);
    detach_stdio();
    openlog("dubao", LOG_PID, LOG_USER);
    write_all(ready, msg.s);
    close(ready);
    _exit(watch_until_stopped(w, stop_fd, true));
}

/* Read what the detached watcher said into msg, until it closes the
   pipe. */
static void read_all(int fd, strbuf *msg)
{
    char buf[512];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return;
        sb_append(msg, buf, (size_t)n);
    }
}

/* dubao watch --daemon: fork twice (a new session in between, so that
   the watcher has no terminal and no parent to wait for it), and return
   once the watcher is watching: its pid on stdout, what it watches on
   stderr.  EXIT_RUNTIME after a message when it could not start. */
static int watch_daemon(const dubao_options *o, const strlist *roots)
{
    int ready[2];
    if (pipe2(ready, O_CLOEXEC) != 0) {
        fprintf(stderr, "dubao watch: %s\n", strerror(errno));
        return EXIT_RUNTIME;
    }
    fflush(NULL);
    pid_t child = fork();
    if (child == 0) {
        close(ready[0]);
        if (setsid() < 0 || fork() != 0)
            _exit(EXIT_OK); /* the first child: done once it forked */
        run_detached(o, roots, ready[1]);
    }
    close(ready[1]);
    strbuf msg = {0};
    if (child > 0) {
        waitpid(child, NULL, 0);
        read_all(ready[0], &msg);
    }
    close(ready[0]);
    const char *line = msg.s ? strchr(msg.s, '\n') : NULL;
    int rc = msg.s && msg.s[0] != '!' && line ? EXIT_OK : EXIT_RUNTIME;
    if (rc == EXIT_OK) {
        fwrite(msg.s, 1, (size_t)(line + 1 - msg.s), stdout);
        fputs(line + 1, stderr);
    } else {
        fprintf(stderr, "dubao watch: %s\n", msg.s && msg.s[0] == '!'
                                                 ? msg.s + 1
                                                 : "the watcher did not start");
    }
    sb_free(&msg);
    return rc;
}

/* Sleep for ms milliseconds. */
static void sleep_ms(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

/* dubao watch --stop: ask the running watcher to stop (SIGTERM) and wait
   until it let its file go. */
static int watch_stop(const dubao_options *o)
{
    int32_t pid = watch_running_pid(o->db_path);
    if (pid <= 0) {
        fprintf(stderr, "dubao watch: %s\n", pid == 0
                ? "no watcher is running for this database"
                : "a watcher is running, but its watch file cannot be read");
        return EXIT_RUNTIME;
    }
    if (kill(pid, SIGTERM) != 0) {
        fprintf(stderr, "dubao watch: cannot stop pid %ld: %s\n", (long)pid,
                strerror(errno));
        return EXIT_RUNTIME;
    }
    for (long waited = 0; waited < STOP_WAIT_MS; waited += 10) {
        if (watch_running_pid(o->db_path) == 0) {
            fprintf(stderr, "dubao watch: stopped the watcher (pid %ld)\n",
                    (long)pid);
            return EXIT_OK;
        }
        sleep_ms(10);
    }
    fprintf(stderr, "dubao watch: pid %ld did not stop\n", (long)pid);
    return EXIT_RUNTIME;
}

int cli_watch(const dubao_options *o, int argc, char **argv)
{
    watch_options wo;
    if (parse_watch_options(argc, argv, &wo) != 0)
        return EXIT_USAGE;
    if (wo.stop)
        return watch_stop(o);
    strlist roots = {0};
    int rc = watched_roots(o, &roots) != 0 ? EXIT_RUNTIME
             : wo.daemon                   ? watch_daemon(o, &roots)
                                           : watch_foreground(o, &roots);
    strlist_free(&roots);
    return rc;
}
