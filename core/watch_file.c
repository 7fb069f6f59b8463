/* watch_file.c - the watch file and the watcher's socket, as lookups read
 * them (see watch_file.h). */
#include "watch_file.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* The record: magic, version, pid, roots fingerprint, generation and its
   complement, at these offsets (host byte order: the file never leaves
   the machine). */
#define WATCH_MAGIC "DUBAOWAT"
#define WATCH_VERSION 1u
enum {
    OFF_MAGIC = 0,
    OFF_VERSION = 8,
    OFF_PID = 12,
    OFF_ROOTS = 16,
    OFF_GEN = 24,
    OFF_GEN_CHECK = 32,
    RECORD_SIZE = 40
};

char *watch_file_path(const char *db_path)
{
    strbuf sb = {0};
    sb_printf(&sb, "%s.watch", db_path);
    return sb_take(&sb);
}

uint64_t watch_roots_fingerprint(const strlist *roots)
{
    uint64_t h = FNV1A64_START;
    for (size_t i = 0; i < roots->n; i++)
        h = fnv1a64(h, roots->v[i], strlen(roots->v[i]) + 1);
    return h;
}

int watch_file_write(int fd, const watch_state *s)
{
    unsigned char rec[RECORD_SIZE];
    uint32_t version = WATCH_VERSION;
    uint64_t check = ~s->generation;
    memcpy(rec + OFF_MAGIC, WATCH_MAGIC, 8);
    memcpy(rec + OFF_VERSION, &version, 4);
    memcpy(rec + OFF_PID, &s->pid, 4);
    memcpy(rec + OFF_ROOTS, &s->roots_fp, 8);
    memcpy(rec + OFF_GEN, &s->generation, 8);
    memcpy(rec + OFF_GEN_CHECK, &check, 8);
    ssize_t n = pwrite(fd, rec, RECORD_SIZE, 0);
    if (n == RECORD_SIZE)
        return 0;
    if (n >= 0)
        errno = EIO;
    return -1;
}

bool watch_file_read(int fd, watch_state *s)
{
    unsigned char rec[RECORD_SIZE];
    uint32_t version;
    uint64_t check;
    if (pread(fd, rec, RECORD_SIZE, 0) != RECORD_SIZE ||
        memcmp(rec + OFF_MAGIC, WATCH_MAGIC, 8) != 0)
        return false;
    memcpy(&version, rec + OFF_VERSION, 4);
    memcpy(&s->pid, rec + OFF_PID, 4);
    memcpy(&s->roots_fp, rec + OFF_ROOTS, 8);
    memcpy(&s->generation, rec + OFF_GEN, 8);
    memcpy(&check, rec + OFF_GEN_CHECK, 8);
    return version == WATCH_VERSION && check == ~s->generation;
}

bool watch_socket_address(int fd, struct sockaddr_un *addr, socklen_t *len)
{
    struct stat st;
    if (fstat(fd, &st) != 0)
        return false;
    memset(addr, 0, sizeof *addr);
    addr->sun_family = AF_UNIX;
    /* sun_path[0] stays '\0': the abstract namespace, no file to leave
       behind; the name is not NUL-terminated. */
    int n = snprintf(addr->sun_path + 1, sizeof addr->sun_path - 1,
                     "dubao-watch:%llx:%llx", (unsigned long long)st.st_dev,
                     (unsigned long long)st.st_ino);
    *len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 +
                       (size_t)n);
    return true;
}

/* Is a watcher alive on the watch file open as fd: does it hold the
   exclusive lock a shared one cannot be taken beside? */
static bool watcher_alive(int fd)
{
    if (flock(fd, LOCK_SH | LOCK_NB) == 0) {
        flock(fd, LOCK_UN);
        return false;
    }
    return errno == EWOULDBLOCK;
}

int32_t watch_running_pid(const char *db_path)
{
    char *path = watch_file_path(db_path);
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    free(path);
    if (fd < 0)
        return 0;
    watch_state s;
    int32_t pid = !watcher_alive(fd) ? 0 : watch_file_read(fd, &s) ? s.pid : -1;
    close(fd);
    return pid;
}

/* Is the process at the other end of the socket s the watcher of pid,
   run by this user? */
static bool peer_is(int s, int32_t pid)
{
    struct ucred cred;
    socklen_t len = sizeof cred;
    return getsockopt(s, SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0 &&
           cred.pid == pid && cred.uid == geteuid();
}

/* Wait up to WATCH_SYNC_TIMEOUT_MS for the byte that says the watcher
   has caught up. */
static bool wait_for_reply(int s)
{
    struct pollfd p = {.fd = s, .events = POLLIN};
    int ready;
    do
        ready = poll(&p, 1, WATCH_SYNC_TIMEOUT_MS);
    while (ready < 0 && errno == EINTR);
    char byte;
    return ready == 1 && read(s, &byte, 1) == 1;
}

/* Ask the watcher of the watch file open as fd (process pid) to read
   every event queued so far and write its generation; true once it says
   it did. */
static bool sync_with_watcher(int fd, int32_t pid)
{
    struct sockaddr_un addr;
    socklen_t len;
    if (!watch_socket_address(fd, &addr, &len))
        return false;
    int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    bool ok = s >= 0 && connect(s, (struct sockaddr *)&addr, len) == 0 &&
              peer_is(s, pid) && wait_for_reply(s);
    if (s >= 0)
        close(s);
    return ok;
}

/* Set why (when not NULL) to text; returns status. */
static watch_status say(strbuf *why, watch_status status, const char *text)
{
    if (why) {
        sb_clear(why);
        sb_puts(why, text);
    }
    return status;
}

/* The generation in the watch file open as fd, which a live watcher
   holds, once that watcher has caught up (watch_generation). */
static watch_status read_after_sync(int fd, uint64_t roots_fp,
                                    uint64_t *generation, strbuf *why)
{
    watch_state s;
    if (!watch_file_read(fd, &s))
        return say(why, WATCH_UNREADABLE, "the watch file is unreadable");
    if (!sync_with_watcher(fd, s.pid))
        return say(why, WATCH_NO_REPLY, "the watcher did not answer");
    if (!watch_file_read(fd, &s) || s.generation == 0)
        return say(why, WATCH_UNREADABLE, "the watch file holds no "
                                          "generation");
    if (s.roots_fp != roots_fp)
        return say(why, WATCH_OTHER_ROOTS, "the watcher watches another "
                                           "corpus");
    *generation = s.generation;
    return say(why, WATCH_LIVE, "a watcher is running");
}

watch_status watch_generation(const char *db_path, uint64_t roots_fp,
                              uint64_t *generation, strbuf *why)
{
    char *path = watch_file_path(db_path);
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    free(path);
    if (fd < 0)
        return say(why, WATCH_NONE, "no watcher is running (no watch file)");
    watch_status st = watcher_alive(fd)
                          ? read_after_sync(fd, roots_fp, generation, why)
                          : say(why, WATCH_NONE, "no watcher is running");
    close(fd);
    return st;
}
