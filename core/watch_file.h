/* watch_file.h - what a watcher (`dubao watch`, watcher.h) shares with the
 * lookups of the same database: the watch file DB_PATH.watch and a socket.
 *
 * The file holds a header (magic, version), the watcher's pid, a
 * fingerprint of the corpus roots it watches and a 64-bit generation,
 * which the watcher raises on every change it is told of.  The generation
 * is stored twice (as g and ~g) and the whole record written with one
 * pwrite, so that a read torn by a write is seen as unreadable, never as
 * a generation.  A run starts at a generation of its own (the clock, in
 * nanoseconds, once every watch is in place): no generation of an
 * earlier run can come back.
 *
 * The watcher holds an exclusive flock on the file for its whole life: a
 * reader whose shared flock succeeds knows that no watcher is alive.
 *
 * inotify queues an event when the change is made, but the watcher reads
 * it a little later.  So before trusting the generation, a reader asks
 * the watcher to catch up: it connects to the watcher's socket (in the
 * abstract namespace, named after the file's device and inode) and waits
 * for one byte, which the watcher sends once it has read every queued
 * event and written the generation they call for.  A change made before
 * the reader started is then counted in the generation it reads.
 */
#ifndef DUBAO_WATCH_FILE_H
#define DUBAO_WATCH_FILE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/types.h>

#include "strbuf.h"

/* How long a reader waits for the watcher to catch up before it gives up
   and checks every file itself. */
#define WATCH_SYNC_TIMEOUT_MS 2000

/* What the watch file says. */
typedef struct {
    int32_t pid;          /* the watcher's process */
    uint64_t roots_fp;    /* watch_roots_fingerprint of what it watches */
    uint64_t generation;  /* 0: no generation (starting or stopped) */
} watch_state;

/* The watch file of the database at db_path: DB_PATH.watch (heap). */
char *watch_file_path(const char *db_path);

/* A fingerprint of a list of corpus roots (their order counts). */
uint64_t watch_roots_fingerprint(const strlist *roots);

/* Write s as the whole record of the watch file open as fd (one pwrite).
   0, or -1 with errno. */
int watch_file_write(int fd, const watch_state *s);

/* Read the record of the watch file open as fd into s.  false when it is
   short, of another format, or torn by a write under way. */
bool watch_file_read(int fd, watch_state *s);

/* The socket address of the watcher of the watch file open as fd, in the
   abstract namespace ("dubao-watch:DEV:INO").  false when fstat fails. */
bool watch_socket_address(int fd, struct sockaddr_un *addr, socklen_t *len);

/* The pid of the watcher of the database at db_path, or 0 when none is
   running (-1 when one is, but its record cannot be read). */
int32_t watch_running_pid(const char *db_path);

/* What a reader found. */
typedef enum {
    WATCH_LIVE,        /* a live watcher of these roots: *generation */
    WATCH_NONE,        /* no watch file, or no watcher holds it */
    WATCH_OTHER_ROOTS, /* the watcher watches other roots */
    WATCH_UNREADABLE,  /* the record is garbage, torn, or has no generation */
    WATCH_NO_REPLY     /* the watcher did not catch up in time */
} watch_status;

/* The generation of the live watcher of the database at db_path watching
   the roots of fingerprint roots_fp, read after the watcher caught up
   with every change made so far.  Any answer but WATCH_LIVE means that
   every file must be checked; why (may be NULL) gets a few words on it. */
watch_status watch_generation(const char *db_path, uint64_t roots_fp,
                              uint64_t *generation, strbuf *why);

#endif
