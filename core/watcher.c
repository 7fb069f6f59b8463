/* watcher.c - inotify watches on the corpus, and the generation they
 * raise (see watcher.h and watch_file.h). */
#include "watcher.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "printable.h"
#include "walk.h"
#include "watch_file.h"

/* The events that may change what the walk finds. */
#define WATCH_EVENTS                                                       \
    (IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB |      \
     IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF)

/* Lookups answered in one round; more wait for the next. */
#define MAX_CLIENTS 64

/* A watched directory, at the index of its watch descriptor. */
typedef struct {
    char *path;        /* NULL: no watch here */
    bool whole;        /* a directory of the corpus: what appears in it is
                          watched too (else the directory of a file root
                          or of a file a link leads to) */
    bool root;         /* a root, or the directory of a file root: losing
                          it ends the watcher */
    int depth;         /* levels below its root */
    unsigned visited;  /* the last scan that looked into it */
} watched_dir;

struct watcher {
    int file_fd;       /* the watch file, locked while owner */
    bool owner;
    int inotify_fd;
    int listen_fd;
    strlist roots;
    char *own_dir;     /* the real directory and name of the watch file: */
    char *own_name;    /* its own writes are no change */
    watched_dir *dirs;
    size_t cap;        /* of dirs */
    size_t count;      /* directories watched */
    unsigned scan;     /* counts the scans (watch_tree from the top) */
    bool changed;      /* an event since the generation was written */
    watch_state state;
};

/* Say in err why path cannot be watched (errno e). */
static int watch_failure(strbuf *err, const char *what, const char *path,
                         int e)
{
    sb_printf(err, "cannot %s ", what);
    printable_append(err, path, strlen(path));
    sb_printf(err, ": %s", strerror(e));
    if (e == ENOSPC)
        sb_puts(err, " (too many inotify watches: raise the limit "
                     "fs.inotify.max_user_watches)");
    return -1;
}

/* Is real (a path without links) under one of the roots? */
static bool inside_roots(const watcher *w, const char *real)
{
    return path_under_any_root(real, &w->roots);
}

/* The entry of watch descriptor wd, made room for (new ones zeroed). */
static watched_dir *dir_slot(watcher *w, int wd)
{
    size_t old = w->cap;
    w->dirs = grow_array(w->dirs, &w->cap, (size_t)wd + 1, sizeof *w->dirs);
    memset(w->dirs + old, 0, (w->cap - old) * sizeof *w->dirs);
    return &w->dirs[wd];
}

/* The entry of watch descriptor wd, or NULL when it is not watched. */
static watched_dir *dir_of(watcher *w, int wd)
{
    return wd >= 0 && (size_t)wd < w->cap && w->dirs[wd].path ? &w->dirs[wd]
                                                               : NULL;
}

/* What watch_dir and watch_tree give when there is no watch descriptor:
   the directory is gone (nothing to watch), or it cannot be watched (a
   sentence in err). */
enum { WATCH_GONE = -1, WATCH_FAILED = -2 };

/* Put a watch on the directory at path (not through a link) and record
   it under its latest path (a directory that moved keeps its watch).
   Returns its watch descriptor, WATCH_GONE or WATCH_FAILED. */
static int watch_dir(watcher *w, const char *path, bool whole, int depth,
                     strbuf *err)
{
    int wd = inotify_add_watch(w->inotify_fd, path,
                               WATCH_EVENTS | IN_ONLYDIR | IN_DONT_FOLLOW);
    if (wd < 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return WATCH_GONE;
        watch_failure(err, "watch", path, errno);
        return WATCH_FAILED;
    }
    watched_dir *d = dir_slot(w, wd);
    if (!d->path) {
        w->count++;
        d->depth = depth;
    } else if (depth < d->depth) {
        d->depth = depth;
    }
    if (!d->path || strcmp(d->path, path) != 0) {
        free(d->path);
        d->path = xstrdup(path);
    }
    d->whole = d->whole || whole;
    return wd;
}

static int watch_tree(watcher *w, const char *path, int depth, strbuf *err);

/* A link found at path: when it leads inside a root, watch what it leads
   to as the walk will read it there (a directory with all below it, the
   directory of a file).  0, or -1 with a sentence in err. */
static int watch_link_target(watcher *w, const char *path, int depth,
                             strbuf *err)
{
    char *real = realpath(path, NULL);
    struct stat st;
    int wd = WATCH_GONE;
    if (real && inside_roots(w, real) && stat(real, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            wd = watch_tree(w, real, depth, err);
        } else {
            char *slash = strrchr(real, '/');
            *slash = '\0';
            wd = watch_dir(w, *real ? real : "/", false, depth, err);
        }
    }
    free(real);
    return wd == WATCH_FAILED ? -1 : 0;
}

/* Watch what the entry name of the directory dir holds (d_type from
   readdir, DT_UNKNOWN when not known): a directory with all below it, and
   what a link leads to.  0, or -1 with a sentence in err. */
static int watch_entry(watcher *w, const char *dir, const char *name,
                       unsigned char d_type, int depth, strbuf *err)
{
    if (d_type != DT_UNKNOWN && d_type != DT_DIR && d_type != DT_LNK)
        return 0; /* a file: its directory's watch tells its changes */
    strbuf path = {0};
    sb_printf(&path, "%s/%s", strcmp(dir, "/") == 0 ? "" : dir, name);
    struct stat st;
    int rc = 0;
    if (lstat(path.s, &st) != 0)
        ; /* gone since readdir: nothing to watch */
    else if (S_ISDIR(st.st_mode))
        rc = watch_tree(w, path.s, depth + 1, err) == WATCH_FAILED ? -1 : 0;
    else if (S_ISLNK(st.st_mode))
        rc = watch_link_target(w, path.s, depth + 1, err);
    sb_free(&path);
    return rc;
}

/* Watch the directory at path and, unless this scan looked into it
   already, every directory below it that the walk reads (not hidden
   ones, not deeper than it goes).  Returns its watch descriptor,
   WATCH_GONE or WATCH_FAILED. */
static int watch_tree(watcher *w, const char *path, int depth, strbuf *err)
{
    int wd = watch_dir(w, path, true, depth, err);
    if (wd < 0 || w->dirs[wd].visited == w->scan || depth > WALK_MAX_DEPTH)
        return wd;
    w->dirs[wd].visited = w->scan;
    DIR *dir = opendir(path);
    if (!dir) {
        if (errno == ENOENT || errno == ENOTDIR)
            return WATCH_GONE;
        watch_failure(err, "read", path, errno);
        return WATCH_FAILED;
    }
    struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(dir)) != NULL)
        if (e->d_name[0] != '.') /* hidden entries, . and .. */
            rc = watch_entry(w, path, e->d_name, e->d_type, depth, err);
    closedir(dir);
    return rc == 0 ? wd : WATCH_FAILED;
}

/* Watch one root: a directory with all below it, a file through its
   directory; either way losing that directory ends the watcher.  A root
   that cannot be watched is an error: lookups must not count on a
   watcher that does not see it.  0, or -1 with a sentence in err. */
static int watch_root(watcher *w, const char *root, strbuf *err)
{
    struct stat st;
    if (stat(root, &st) != 0)
        return watch_failure(err, "watch", root, errno);
    int wd;
    if (S_ISDIR(st.st_mode)) {
        wd = watch_tree(w, root, 0, err);
    } else {
        char *dir = xstrdup(root);
        *strrchr(dir, '/') = '\0';
        wd = watch_dir(w, *dir ? dir : "/", false, 0, err);
        free(dir);
    }
    if (wd == WATCH_GONE)
        return watch_failure(err, "watch", root, ENOENT);
    if (wd == WATCH_FAILED)
        return -1;
    w->dirs[wd].root = true;
    return 0;
}

/* Watch every root, and everything below them that is not watched yet
   (at start, and after events were lost).  0, or -1 with a sentence in
   err. */
static int watch_roots(watcher *w, strbuf *err)
{
    w->scan++;
    for (size_t i = 0; i < w->roots.n; i++)
        if (watch_root(w, w->roots.v[i], err) != 0)
            return -1;
    return 0;
}

/* ---- events ---- */

/* Is the entry name of the watched directory d the watch file, whose
   writes are the watcher's own? */
static bool is_own_file(const watcher *w, const watched_dir *d,
                        const char *name)
{
    return w->own_dir && strcmp(name, w->own_name) == 0 &&
           strcmp(d->path, w->own_dir) == 0;
}

/* The directory of watch wd was deleted, moved or unmounted, or its
   watch removed: a change; a root's ends the watcher (-1, with a
   sentence in err), another's watch is forgotten once removed. */
static int directory_lost(watcher *w, int wd, uint32_t mask, strbuf *err)
{
    watched_dir *d = &w->dirs[wd];
    w->changed = true;
    if (d->root) {
        printable_append(err, d->path, strlen(d->path));
        sb_printf(err, " was %s: no longer watching (lookups check every "
                  "file again)",
                  mask & IN_MOVE_SELF ? "moved" : "deleted or unmounted");
        return -1;
    }
    if (mask & IN_IGNORED) {
        free(d->path);
        memset(d, 0, sizeof *d);
        w->count--;
    }
    return 0;
}

/* Act on one event: count the change, watch a directory or a link that
   appeared.  0, or -1 when the watcher cannot go on (a sentence in
   err). */
static int handle_event(watcher *w, const struct inotify_event *ev,
                        strbuf *err)
{
    if (ev->mask & IN_Q_OVERFLOW) {
        /* Events were lost, among them perhaps a new directory's. */
        w->changed = true;
        return watch_roots(w, err);
    }
    watched_dir *d = dir_of(w, ev->wd);
    if (!d)
        return 0; /* a watch already forgotten */
    if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT | IN_IGNORED))
        return directory_lost(w, ev->wd, ev->mask, err);
    if (ev->len && is_own_file(w, d, ev->name))
        return 0;
    w->changed = true;
    if (!ev->len || !d->whole || !(ev->mask & (IN_CREATE | IN_MOVED_TO)) ||
        ev->name[0] == '.')
        return 0;
    /* The path is copied: watching may move w->dirs. */
    char *dir = xstrdup(d->path);
    int depth = d->depth;
    w->scan++;
    int rc = watch_entry(w, dir, ev->name, DT_UNKNOWN, depth, err);
    free(dir);
    return rc;
}

/* Write the generation after a change: one more.  0, or -1 with a
   sentence in err (lookups must not read a generation that missed a
   change: the watcher stops). */
static int publish_change(watcher *w, strbuf *err)
{
    w->state.generation++;
    w->changed = false;
    if (watch_file_write(w->file_fd, &w->state) == 0)
        return 0;
    sb_printf(err, "cannot write the watch file: %s", strerror(errno));
    return -1;
}

/* Read and act on every event queued so far, then write the generation
   if any was a change.  0, or -1 with a sentence in err. */
static int catch_up(watcher *w, strbuf *err)
{
    char buf[64 * 1024]
        __attribute__((aligned(__alignof__(struct inotify_event))));
    for (;;) {
        ssize_t n = read(w->inotify_fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            break;
        if (n <= 0) {
            sb_printf(err, "cannot read inotify events: %s",
                      n < 0 ? strerror(errno) : "end of file");
            return -1;
        }
        const struct inotify_event *ev;
        for (char *p = buf; p < buf + n; p += sizeof *ev + ev->len) {
            ev = (const struct inotify_event *)p;
            if (handle_event(w, ev, err) != 0)
                return -1;
        }
    }
    return w->changed ? publish_change(w, err) : 0;
}

/* ---- lookups asking the watcher to catch up ---- */

/* Listen on the socket of the watch file (watch_file.h).  0, or -1 with
   a sentence in err. */
static int listen_for_lookups(watcher *w, strbuf *err)
{
    struct sockaddr_un addr;
    socklen_t len;
    w->listen_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
                          0);
    if (w->listen_fd >= 0 && watch_socket_address(w->file_fd, &addr, &len) &&
        bind(w->listen_fd, (struct sockaddr *)&addr, len) == 0 &&
        listen(w->listen_fd, MAX_CLIENTS) == 0)
        return 0;
    sb_printf(err, "cannot listen for lookups: %s", strerror(errno));
    return -1;
}

/* Answer the lookups waiting on the socket: take them all first, then
   read every event queued so far, then tell them; a lookup that connected
   after a change was made then reads a generation that counts it.  0, or
   -1 with a sentence in err. */
static int answer_lookups(watcher *w, strbuf *err)
{
    int clients[MAX_CLIENTS];
    int n = 0;
    while (n < MAX_CLIENTS &&
           (clients[n] = accept4(w->listen_fd, NULL, NULL,
                                 SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0)
        n++;
    int rc = catch_up(w, err);
    for (int i = 0; i < n; i++) {
        if (rc == 0)
            send(clients[i], "", 1, MSG_DONTWAIT | MSG_NOSIGNAL);
        close(clients[i]);
    }
    return rc;
}

int watcher_run(watcher *w, int stop_fd, strbuf *err)
{
    struct pollfd p[3] = {{.fd = w->inotify_fd, .events = POLLIN},
                          {.fd = w->listen_fd, .events = POLLIN},
                          {.fd = stop_fd, .events = POLLIN}};
    for (;;) {
        if (poll(p, 3, -1) < 0) {
            if (errno == EINTR)
                continue;
            sb_printf(err, "poll: %s", strerror(errno));
            return -1;
        }
        if (p[2].revents)
            return 0;
        if ((p[1].revents ? answer_lookups(w, err) : catch_up(w, err)) != 0)
            return -1;
    }
}

/* ---- start and stop ---- */

/* Open and lock the watch file of db_path, refusing when another watcher
   holds it, and note where it lies (its own writes are no change).  0,
   or -1 with a sentence in err. */
static int take_watch_file(watcher *w, const char *db_path, strbuf *err)
{
    char *path = watch_file_path(db_path);
    w->file_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW |
                                O_NOCTTY, 0600);
    int rc = -1;
    if (w->file_fd < 0) {
        sb_printf(err, "cannot open %s: %s", path, strerror(errno));
    } else if (flock(w->file_fd, LOCK_EX | LOCK_NB) != 0) {
        int32_t pid = watch_running_pid(db_path);
        sb_printf(err, "a watcher is already running for %s", db_path);
        if (pid > 0)
            sb_printf(err, " (pid %ld; dubao watch --stop stops it)",
                      (long)pid);
    } else {
        w->owner = true;
        char *slash = strrchr(path, '/');
        char *dir = slash ? xstrndup(path, (size_t)(slash - path)) : NULL;
        w->own_dir = realpath(dir ? (*dir ? dir : "/") : ".", NULL);
        w->own_name = xstrdup(slash ? slash + 1 : path);
        free(dir);
        rc = 0;
    }
    free(path);
    return rc;
}

/* Write the watch file's record: this process, what it watches, and
   the generation.  0, or -1 with a sentence in err. */
static int write_state(watcher *w, strbuf *err)
{
    if (watch_file_write(w->file_fd, &w->state) == 0)
        return 0;
    sb_printf(err, "cannot write the watch file: %s", strerror(errno));
    return -1;
}

/* The generation a run starts at: the clock in nanoseconds, which no
   earlier run reached (each event raises a generation by one, and takes
   longer than a nanosecond). */
static uint64_t start_generation(void)
{
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    uint64_t g = (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
    return g ? g : 1;
}

watcher *watcher_start(const char *db_path, const strlist *roots,
                       strbuf *err)
{
    watcher *w = xcalloc(1, sizeof *w);
    w->file_fd = w->listen_fd = -1;
    for (size_t i = 0; i < roots->n; i++)
        strlist_push(&w->roots, roots->v[i]);
    w->state = (watch_state){.pid = (int32_t)getpid(),
                             .roots_fp = watch_roots_fingerprint(roots)};
    w->inotify_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->inotify_fd < 0)
        watch_failure(err, "start", "inotify", errno);
    /* No generation until every watch is in place: what changed before
       cannot look clean. */
    if (w->inotify_fd < 0 || take_watch_file(w, db_path, err) != 0 ||
        write_state(w, err) != 0 || watch_roots(w, err) != 0) {
        watcher_free(w);
        return NULL;
    }
    w->state.generation = start_generation();
    if (write_state(w, err) != 0 || listen_for_lookups(w, err) != 0) {
        watcher_free(w);
        return NULL;
    }
    return w;
}

size_t watcher_directories(const watcher *w)
{
    return w->count;
}

void watcher_free(watcher *w)
{
    if (!w)
        return;
    if (w->owner) {
        w->state.generation = 0;
        watch_file_write(w->file_fd, &w->state);
    }
    if (w->file_fd >= 0)
        close(w->file_fd); /* the lock goes with it */
    if (w->inotify_fd >= 0)
        close(w->inotify_fd);
    if (w->listen_fd >= 0)
        close(w->listen_fd);
    for (size_t i = 0; i < w->cap; i++)
        free(w->dirs[i].path);
    free(w->dirs);
    strlist_free(&w->roots);
    free(w->own_dir);
    free(w->own_name);
    free(w);
}
