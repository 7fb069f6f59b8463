/* walk.h - find the files of a corpus, and say what was passed over.
 *
 * The corpus is the set of regular files under the roots (each a file or
 * a directory, walked recursively).  The rules:
 *
 *   - Symbolic links are followed only when they lead inside a corpus
 *     root (their real path is a root or lies under one).  A link that
 *     leads outside every root, to nothing, or round in a loop is not
 *     followed, with a message: a link in a downloaded corpus can never
 *     make dubao read /etc/shadow or the user's mail.
 *   - Each real directory is read once and each real file indexed once,
 *     whatever links or bind mounts lead to them (device and inode
 *     number decide), under the first path found.  Entries are read in
 *     name order and links only after everything reachable without them,
 *     so that the path chosen is the same from run to run and is the
 *     plain one when there is a plain one.
 *   - Hidden entries (names starting with '.') are not read.
 *   - Directories more than WALK_MAX_DEPTH levels below a root, FIFOs,
 *     sockets and devices, and files larger than the size limit are not
 *     read, with a message each.
 *
 * When the files are read later, the file opened must still be the one
 * the walk found (same device and inode): a link swapped in between
 * cannot redirect the read.
 */
#ifndef DUBAO_WALK_H
#define DUBAO_WALK_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>

#include "strbuf.h"

#define WALK_MAX_DEPTH 32

/* A file's identity: device and inode number. */
typedef struct {
    dev_t dev;
    ino_t ino;
} file_id;

/* A corpus file: the path it was found by (a link's own path when it was
   reached through a link) and what the walk saw of the file itself.  Only
   these fields are kept, not a whole struct stat: a walk of tens of
   thousands of files touches every byte of this array, and on a virtual
   machine each fresh page of memory costs as much as several stats. */
typedef struct {
    char *path;       /* in the walk's path store, freed with the result */
    file_id id;
    int64_t size;     /* bytes */
    int64_t mtime_ns; /* modification time in nanoseconds */
} walk_file;

/* Where the paths of a walk live: large chunks, each path copied once and
   never moved, all freed together (no allocation per path). */
typedef struct {
    char **chunks;
    size_t nchunks, chunks_cap;
    size_t used, size; /* of the last chunk */
} path_store;

typedef struct {
    walk_file *files;   /* sorted by path (strcmp), each real file once */
    size_t nfiles, cap;
    path_store paths;   /* the paths of files */
    strlist notes;      /* "PATH: why it was not read", one per entry
                           passed over (paths in printable form) */
    strlist errors;     /* "PATH: error" for what could not be read */
    strlist unreadable; /* the paths of those entries, as they are: what
                           the database holds under them is kept */
    bool root_failed;   /* a root could not be read at all */
    size_t hidden;      /* hidden entries not read */
    char *first_hidden; /* the printable path of the first of them */
} walk_result;

/* The walk_file of path as stat saw it (path is not copied). */
walk_file walk_file_of(const char *path, const struct stat *st);

/* Walk the roots (see the rules above).  Files larger than max_file_bytes
   are passed over with a note. */
void corpus_walk(const strlist *roots, uint64_t max_file_bytes,
                 walk_result *out);

void walk_result_free(walk_result *r);

/* Append a size for a message: "512 bytes", "64 MiB", "200.5 MiB". */
void walk_describe_size(strbuf *sb, uint64_t bytes);

/* Is path the root itself, or under it ("/" and "dir/" count as the
   directories they name)? */
bool path_under_root(const char *path, const char *root);

/* Is path under one of roots (path_under_root)? */
bool path_under_any_root(const char *path, const strlist *roots);

/* Is the file open as fd the one the walk found as f (a regular file with
   the same device and inode)? */
bool walk_same_file(int fd, const walk_file *f);

#endif
