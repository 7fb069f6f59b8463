/* watcher.h - `dubao watch`: keep count of the changes under the corpus
 * roots, so that a lookup can skip the check of every file when nothing
 * changed since the last complete one (refresh.h).
 *
 * The watcher puts an inotify watch on every real directory under the
 * roots that the walk reads (walk.h: hidden entries are not read, links
 * lead only inside the roots, so the directories links lead to inside
 * the roots are watched too), and on the directory holding a root that
 * is a file.  A directory that appears gets its watches as it appears.
 * Every event raises the generation of the watch file (watch_file.h),
 * except those of the watch file itself.  Lost events (the queue
 * overflowed) also raise it and have every directory looked at again.
 * A root deleted or moved, or a directory that cannot be watched, ends
 * the watcher with a sentence: lookups then check every file again.
 *
 * What inotify does not report is not seen: changes on network file
 * systems made by other machines, changes made through another mount
 * namespace, writes through a shared mapping until the file is closed.
 */
#ifndef DUBAO_WATCHER_H
#define DUBAO_WATCHER_H

#include <stddef.h>

#include "strbuf.h"

typedef struct watcher watcher;

/* Start watching roots (absolute paths, as corpus_roots_choose gives
   them) for the database at db_path: take its watch file (refused when
   another watcher holds it), watch every directory, then write a
   generation of this run's own and listen for lookups.  NULL with a
   sentence in err. */
watcher *watcher_start(const char *db_path, const strlist *roots,
                       strbuf *err);

/* How many directories are watched. */
size_t watcher_directories(const watcher *w);

/* Watch until stop_fd becomes readable (returns 0) or the watcher cannot
   go on watching correctly (returns -1 with a sentence in err). */
int watcher_run(watcher *w, int stop_fd, strbuf *err);

/* Stop: the watch file says there is no generation, and is let go.
   NULL is ignored. */
void watcher_free(watcher *w);

#endif
