/* walk.c - find the files of a corpus (see walk.h for the rules). */
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "printable.h"

/* ---- the path store ------------------------------------------------ */

/* Paths are copied into chunks of this many bytes (a longer path gets a
   chunk of its own): one allocation per some thousand paths. */
#define PATH_CHUNK_BYTES (64u << 10)

/* Copy the na bytes at a, the nb bytes at b and a NUL into the store, as
   one string; the copy never moves. */
static char *path_store_join(path_store *ps, const char *a, size_t na,
                             const char *b, size_t nb)
{
    size_t n = na + nb;
    if (ps->nchunks == 0 || ps->used + n + 1 > ps->size) {
        size_t size = n + 1 > PATH_CHUNK_BYTES ? n + 1 : PATH_CHUNK_BYTES;
        ps->chunks = grow_array(ps->chunks, &ps->chunks_cap, ps->nchunks + 1,
                                sizeof *ps->chunks);
        ps->chunks[ps->nchunks++] = xmalloc(size);
        ps->used = 0;
        ps->size = size;
    }
    char *copy = ps->chunks[ps->nchunks - 1] + ps->used;
    memcpy(copy, a, na);
    if (nb)
        memcpy(copy + na, b, nb);
    copy[n] = '\0';
    ps->used += n + 1;
    return copy;
}

/* Free every path of the store. */
static void path_store_free(path_store *ps)
{
    for (size_t i = 0; i < ps->nchunks; i++)
        free(ps->chunks[i]);
    free(ps->chunks);
    memset(ps, 0, sizeof *ps);
}

/* ---- a set of (device, inode) --------------------------------------- */

/* The identities live in an array of the caller (the files found, or the
   directories read), at a fixed stride; the set holds only their indexes
   plus one (0: an empty slot), four bytes a slot, so that a set of tens
   of thousands of files stays small. */
typedef struct {
    uint32_t *slots;
    size_t n, cap; /* cap: a power of two, at least twice n */
} id_set;

/* Where the identities are: the array's start and the size of an item. */
typedef struct {
    const char *base;
    size_t stride;
} id_array;

/* The identity of item i of a. */
static const file_id *id_at(id_array a, size_t i)
{
    return (const file_id *)(a.base + i * a.stride);
}

/* Where in a set id's search starts: the bits of device and inode mixed. */
static size_t id_hash(file_id id)
{
    uint64_t h = ((uint64_t)id.dev * 0x9E3779B97F4A7C15ULL) ^ (uint64_t)id.ino;
    return (size_t)(h * 0xBF58476D1CE4E5B9ULL >> 32);
}

/* The slot holding id, or the empty slot where it would go. */
static uint32_t *id_slot(const id_set *s, id_array a, file_id id)
{
    size_t mask = s->cap - 1, i = id_hash(id) & mask;
    while (s->slots[i]) {
        const file_id *k = id_at(a, s->slots[i] - 1);
        if (k->dev == id.dev && k->ino == id.ino)
            break;
        i = (i + 1) & mask;
    }
    return &s->slots[i];
}

/* Is id in the set?  *index gets its item's index. */
static bool id_find(const id_set *s, id_array a, file_id id, size_t *index)
{
    if (s->cap == 0)
        return false;
    const uint32_t *slot = id_slot(s, a, id);
    if (*slot)
        *index = *slot - 1;
    return *slot != 0;
}

/* Make room for n items in all, in one step when n is known ahead (a
   directory's entry count): no growth one doubling at a time. */
static void id_reserve(id_set *s, id_array a, size_t n)
{
    if (n * 2 <= s->cap)
        return;
    id_set bigger = {NULL, s->n, s->cap ? s->cap : 64};
    while (bigger.cap < n * 2)
        bigger.cap *= 2;
    bigger.slots = xcalloc(bigger.cap, sizeof *bigger.slots);
    for (size_t i = 0; i < s->cap; i++)
        if (s->slots[i])
            *id_slot(&bigger, a, *id_at(a, s->slots[i] - 1)) = s->slots[i];
    free(s->slots);
    *s = bigger;
}

/* Add item index (known to be absent; an index below UINT32_MAX). */
static void id_add(id_set *s, id_array a, size_t index)
{
    id_reserve(s, a, s->n + 1);
    *id_slot(s, a, *id_at(a, index)) = (uint32_t)(index + 1);
    s->n++;
}

/* ---- the walk ------------------------------------------------------- */

/* A link found by the walk, followed after the plain walk. */
typedef struct {
    char *path;
    int depth;
} pending_link;

typedef struct {
    walk_result *out;
    strlist roots;      /* the real paths of the roots */
    file_id *dirs;      /* the directories read */
    size_t ndirs, dirs_cap;
    id_set dir_set;     /* of dirs */
    id_set file_set;    /* of out->files */
    pending_link *links;
    size_t nlinks, links_cap;
    uint64_t max_bytes;
} walker;

/* Add "PATH: why" to list, the path in its printable form. */
static void add_message(strlist *list, const char *path, const char *why)
{
    strbuf sb = {0};
    printable_append(&sb, path, strlen(path));
    sb_printf(&sb, ": %s", why);
    strlist_push_owned(list, sb_take(&sb));
}

/* Record that path could not be read (errno err): a message, and the path
   itself so that the database keeps what it holds under it. */
static void add_error(walker *w, const char *path, int err)
{
    add_message(&w->out->errors, path, strerror(err));
    strlist_push(&w->out->unreadable, path);
}

/* What kind of thing a stat that is neither file, directory nor link
   describes. */
static const char *special_kind(mode_t mode)
{
    if (S_ISFIFO(mode))
        return "a FIFO (named pipe)";
    if (S_ISSOCK(mode))
        return "a socket";
    if (S_ISCHR(mode))
        return "a character device";
    if (S_ISBLK(mode))
        return "a block device";
    return "not a regular file";
}

/* Note an entry that is neither file, directory nor link. */
static void note_special(walker *w, const char *path, mode_t mode)
{
    strbuf why = {0};
    sb_printf(&why, "%s, not a regular file; not read", special_kind(mode));
    add_message(&w->out->notes, path, why.s);
    sb_free(&why);
}

void walk_describe_size(strbuf *sb, uint64_t bytes)
{
    if (bytes < 1024 * 1024)
        sb_printf(sb, "%llu bytes", (unsigned long long)bytes);
    else if (bytes % (1024 * 1024) == 0)
        sb_printf(sb, "%llu MiB", (unsigned long long)(bytes >> 20));
    else
        sb_printf(sb, "%.1f MiB", (double)bytes / (1024 * 1024));
}

/* Where the set of files finds their identities. */
static id_array files_array(const walker *w)
{
    const walk_file *files = w->out->files;
    return (id_array){files ? (const char *)&files->id : NULL,
                      sizeof *files};
}

/* Where the set of directories finds their identities. */
static id_array dirs_array(const walker *w)
{
    return (id_array){(const char *)w->dirs, sizeof *w->dirs};
}

/* Add a regular file, unless it is one already found or too large.  path
   must stay where it is (in the path store) as long as the result. */
static void add_file(walker *w, char *path, const walk_file *f)
{
    walk_result *r = w->out;
    size_t seen;
    if (id_find(&w->file_set, files_array(w), f->id, &seen)) {
        strbuf why = {0};
        sb_puts(&why, "the same file as ");
        const char *first = r->files[seen].path;
        printable_append(&why, first, strlen(first));
        sb_puts(&why, " (a link), read once");
        add_message(&r->notes, path, why.s);
        sb_free(&why);
        return;
    }
    if ((uint64_t)f->size > w->max_bytes) {
        strbuf why = {0};
        walk_describe_size(&why, (uint64_t)f->size);
        sb_puts(&why, ", larger than the limit of ");
        walk_describe_size(&why, w->max_bytes);
        sb_puts(&why, " (--max-file-size); not read");
        add_message(&r->notes, path, why.s);
        sb_free(&why);
        return;
    }
    r->files = grow_array(r->files, &r->cap, r->nfiles + 1, sizeof *r->files);
    if (f != &r->files[r->nfiles]) /* else stat'ed in place (read_dir) */
        r->files[r->nfiles] = *f;
    r->files[r->nfiles].path = path;
    id_add(&w->file_set, files_array(w), r->nfiles++);
}

/* Add a file found other than by reading a directory (a root, a link's
   target): its path is copied into the path store first. */
static void add_file_at(walker *w, const char *path, const struct stat *st)
{
    char *kept = path_store_join(&w->out->paths, path, strlen(path), "", 0);
    walk_file f = walk_file_of(kept, st);
    add_file(w, kept, &f);
}

/* Remember a link to follow once the plain walk is done. */
static void defer_link(walker *w, const char *path, int depth)
{
    w->links = grow_array(w->links, &w->links_cap, w->nlinks + 1,
                          sizeof *w->links);
    w->links[w->nlinks++] = (pending_link){xstrdup(path), depth};
}

/* Count a hidden entry (the first is named in the summary). */
static void note_hidden(walker *w, const char *path)
{
    if (w->out->hidden++ == 0)
        w->out->first_hidden = printable(path);
}

static void enter_dir(walker *w, const char *path, file_id id, int depth,
                      bool via_link);

/* The entries of a directory being read: their paths (in the path store,
   so that a file's path is copied once, here) and, from the stat pass,
   what each is.  What the stat pass finds is written straight where the
   files will be kept, at the end of the walk's file list (a copy of tens
   of thousands of entries spared, and the fresh memory it would take):
   add_file keeps a file where it lies or moves it down over an entry that
   was not kept.  Before a subdirectory is read (which adds its own files
   there) the entries not yet visited move to memory of their own. */
typedef struct {
    char **paths;
    size_t n, cap;
    size_t name_at;    /* where the name starts in each path */
    walk_file *found;  /* found[i - found_from]: what paths[i] is, or ... */
    size_t found_from;
    walk_file *moved;  /* found, once moved out of the file list */
    mode_t *modes;     /* ... its type and mode, */
    int *errs;         /* ... or the errno of its stat */
} dir_entries;

/* What the stat pass found of entry i. */
static walk_file *entry_found(const dir_entries *e, size_t i)
{
    return &e->found[i - e->found_from];
}

/* Move what was found of entries from on out of the file list, before a
   subdirectory's files are added there (once: they stay moved). */
static void move_entries_out(dir_entries *e, size_t from)
{
    if (e->moved || from >= e->n)
        return;
    e->moved = xmalloc((e->n - from) * sizeof *e->moved);
    memcpy(e->moved, entry_found(e, from), (e->n - from) * sizeof *e->moved);
    e->found = e->moved;
    e->found_from = from;
}

/* Sort entries by name (the paths share the directory part). */
static int compare_entry_names(const void *a, const void *b, void *name_at)
{
    size_t at = *(const size_t *)name_at;
    return strcmp(*(char *const *)a + at, *(char *const *)b + at);
}

/* The entries of an open directory, sorted by name, without "." and ".."
   (hidden ones are counted and left out), as paths under prefix (the
   directory's path and a '/'). */
static void read_names(walker *w, DIR *dir, const strbuf *prefix,
                       dir_entries *e)
{
    struct dirent *d;
    strbuf hidden = {0};
    e->name_at = prefix->len;
    while ((d = readdir(dir)) != NULL) {
        const char *name = d->d_name;
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
            continue;
        if (name[0] == '.') {
            sb_clear(&hidden);
            sb_printf(&hidden, "%s%s", prefix->s, name);
            note_hidden(w, hidden.s);
            continue;
        }
        size_t n = strlen(name);
        char *path = path_store_join(&w->out->paths, prefix->s, prefix->len,
                                     name, n);
        e->paths = grow_array(e->paths, &e->cap, e->n + 1, sizeof *e->paths);
        e->paths[e->n++] = path;
    }
    sb_free(&hidden);
    if (e->n > 1)
        qsort_r(e->paths, e->n, sizeof *e->paths, compare_entry_names,
                &e->name_at);
}

/* Look at entry i of a directory after the stat pass: a file is added, a
   directory entered, a link kept for later; anything else is noted. */
static void visit_entry(walker *w, dir_entries *e, size_t i, int depth)
{
    char *path = e->paths[i];
    mode_t mode = e->modes[i];
    if (e->errs[i]) {
        add_error(w, path, e->errs[i]);
    } else if (S_ISREG(mode)) {
        add_file(w, path, entry_found(e, i));
    } else if (S_ISDIR(mode)) {
        file_id id = entry_found(e, i)->id;
        move_entries_out(e, i + 1);
        enter_dir(w, path, id, depth, false);
    } else if (S_ISLNK(mode)) {
        defer_link(w, path, depth);
    } else {
        note_special(w, path, mode);
    }
}

/* The stat pass over a directory's entries: the threads take blocks of
   STAT_BLOCK entries in turn, so that they stay balanced whatever each
   stat costs and never write the same cache lines. */
#define STAT_BLOCK 256

typedef struct {
    int dirfd;
    dir_entries *e;
    atomic_size_t next; /* the first entry of the next block to take */
} stat_pass;

/* Stat the entries of the blocks this thread takes, relative to the
   directory (fstatat), which spares the kernel a walk of the whole path
   for each of tens of thousands of files.  Only what the walk keeps is
   copied out of the struct stat, which stays on this thread's stack. */
static void *stat_entries(void *arg)
{
    stat_pass *p = arg;
    dir_entries *e = p->e;
    size_t first;
    while ((first = atomic_fetch_add(&p->next, STAT_BLOCK)) < e->n) {
        size_t end = first + STAT_BLOCK < e->n ? first + STAT_BLOCK : e->n;
        for (size_t i = first; i < end; i++) {
            struct stat st;
            const char *name = e->paths[i] + e->name_at;
            if (fstatat(p->dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
                e->errs[i] = errno;
                e->modes[i] = 0;
                continue;
            }
            e->errs[i] = 0;
            e->modes[i] = st.st_mode;
            *entry_found(e, i) = walk_file_of(NULL, &st);
        }
    }
    return NULL;
}

/* Entries a directory needs before its stats are shared with a second
   thread: below that, starting one costs more than it saves. */
#define WALK_THREAD_MIN 512

/* Stat every entry of the directory dirfd, on two threads when there are
   many (a corpus's stat pass is most of the time of a lookup that checks
   for changes). */
static void stat_all(int dirfd, dir_entries *e)
{
    e->modes = xmalloc((e->n + 1) * sizeof *e->modes);
    e->errs = xmalloc((e->n + 1) * sizeof *e->errs);
    stat_pass p = {.dirfd = dirfd, .e = e};
    atomic_init(&p.next, 0);
    pthread_t helper;
    bool two = e->n >= WALK_THREAD_MIN &&
               pthread_create(&helper, NULL, stat_entries, &p) == 0;
    stat_entries(&p);
    if (two)
        pthread_join(helper, NULL);
}

/* Let go of a directory's entries (their paths stay in the store). */
static void dir_entries_free(dir_entries *e)
{
    free(e->paths);
    free(e->moved);
    free(e->modes);
    free(e->errs);
}

/* Read the directory at path, which the walk knows as id.  It is opened
   without following a link unless it was reached through one (checked
   before), and must be the directory that was stat'ed. */
static void read_dir(walker *w, const char *path, file_id id, int depth,
                     bool via_link)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC |
                            (via_link ? 0 : O_NOFOLLOW));
    struct stat now;
    if (fd >= 0 && (fstat(fd, &now) != 0 || now.st_dev != id.dev ||
                    now.st_ino != id.ino)) {
        close(fd);
        fd = -1;
        errno = ESTALE; /* replaced since it was looked at */
    }
    DIR *dir = fd >= 0 ? fdopendir(fd) : NULL;
    if (!dir) {
        add_error(w, path, errno);
        if (fd >= 0)
            close(fd);
        return;
    }
    strbuf prefix = {0};
    sb_puts(&prefix, strcmp(path, "/") == 0 ? "" : path);
    sb_putc(&prefix, '/');
    dir_entries e = {0};
    read_names(w, dir, &prefix, &e);
    sb_free(&prefix);
    /* Room for every entry being a file, reserved at once: the stat pass
       writes there. */
    walk_result *r = w->out;
    r->files = grow_array(r->files, &r->cap, r->nfiles + e.n + 1,
                          sizeof *r->files);
    id_reserve(&w->file_set, files_array(w), r->nfiles + e.n);
    e.found = r->files + r->nfiles;
    stat_all(dirfd(dir), &e);
    for (size_t i = 0; i < e.n; i++)
        visit_entry(w, &e, i, depth + 1);
    dir_entries_free(&e);
    closedir(dir);
}

/* Enter a directory unless it is too deep or was read before. */
static void enter_dir(walker *w, const char *path, file_id id, int depth,
                      bool via_link)
{
    if (depth > WALK_MAX_DEPTH) {
        strbuf why = {0};
        sb_printf(&why, "more than %d directories below the corpus root; "
                        "not read", WALK_MAX_DEPTH);
        add_message(&w->out->notes, path, why.s);
        sb_free(&why);
        return;
    }
    size_t seen;
    if (id_find(&w->dir_set, dirs_array(w), id, &seen)) {
        add_message(&w->out->notes, path,
                    "a directory already read (through a link, a mount or "
                    "another corpus root); not read again");
        return;
    }
    w->dirs = grow_array(w->dirs, &w->dirs_cap, w->ndirs + 1, sizeof *w->dirs);
    w->dirs[w->ndirs] = id;
    id_add(&w->dir_set, dirs_array(w), w->ndirs++);
    read_dir(w, path, id, depth, via_link);
}

bool path_under_root(const char *path, const char *root)
{
    size_t n = strlen(root);
    if (n > 0 && root[n - 1] == '/')
        n--; /* "/" and "dir/" */
    return strncmp(path, root, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

bool path_under_any_root(const char *path, const strlist *roots)
{
    for (size_t i = 0; i < roots->n; i++)
        if (path_under_root(path, roots->v[i]))
            return true;
    return false;
}

/* Is the real path inside a root (the root itself, or under it)? */
static bool inside_roots(const walker *w, const char *real)
{
    return path_under_any_root(real, &w->roots);
}

/* Follow a link found by the walk, if it leads inside the corpus. */
static void follow_link(walker *w, const pending_link *l)
{
    struct stat st;
    char *real = realpath(l->path, NULL);
    if (!real || stat(real, &st) != 0) {
        int err = errno;
        free(real);
        if (err == ENOENT || err == ENOTDIR)
            add_message(&w->out->notes, l->path,
                        "a link to nothing (dangling); not read");
        else if (err == ELOOP)
            add_message(&w->out->notes, l->path,
                        "a link that leads round in a loop; not read");
        else
            add_error(w, l->path, err);
        return;
    }
    if (!inside_roots(w, real))
        add_message(&w->out->notes, l->path,
                    "a link that leads out of the corpus; not followed");
    else if (S_ISREG(st.st_mode))
        add_file_at(w, l->path, &st);
    else if (S_ISDIR(st.st_mode))
        enter_dir(w, l->path, walk_file_of(NULL, &st).id, l->depth, true);
    else
        note_special(w, l->path, st.st_mode);
    free(real);
}

static int compare_links(const void *a, const void *b)
{
    return strcmp(((const pending_link *)a)->path,
                  ((const pending_link *)b)->path);
}

/* Follow the links found, in path order; directories they lead to may
   hold more links, which are followed in the next round. */
static void follow_links(walker *w)
{
    while (w->nlinks > 0) {
        pending_link *round = w->links;
        size_t n = w->nlinks;
        w->links = NULL;
        w->nlinks = w->links_cap = 0;
        qsort(round, n, sizeof *round, compare_links);
        for (size_t i = 0; i < n; i++) {
            follow_link(w, &round[i]);
            free(round[i].path);
        }
        free(round);
    }
}

/* Start the walk at one root: a file, or a directory to read.  A root
   that cannot be read, or is neither, fails the root. */
static void walk_root(walker *w, const char *root)
{
    char *real = realpath(root, NULL);
    struct stat st;
    if (!real || stat(real, &st) != 0) {
        add_message(&w->out->errors, real ? real : root, strerror(errno));
        w->out->root_failed = true;
    } else if (S_ISREG(st.st_mode)) {
        add_file_at(w, real, &st);
    } else if (S_ISDIR(st.st_mode)) {
        enter_dir(w, real, walk_file_of(NULL, &st).id, 0, false);
    } else {
        strbuf why = {0};
        sb_printf(&why, "%s, not a file or directory", special_kind(st.st_mode));
        add_message(&w->out->errors, real, why.s);
        sb_free(&why);
        w->out->root_failed = true;
    }
    free(real);
}

static int compare_files(const void *a, const void *b)
{
    return strcmp(((const walk_file *)a)->path, ((const walk_file *)b)->path);
}

void corpus_walk(const strlist *roots, uint64_t max_file_bytes,
                 walk_result *out)
{
    memset(out, 0, sizeof *out);
    walker w = {.out = out, .max_bytes = max_file_bytes};
    for (size_t i = 0; i < roots->n; i++) {
        char *real = realpath(roots->v[i], NULL);
        if (real)
            strlist_push_owned(&w.roots, real);
    }
    for (size_t i = 0; i < roots->n; i++)
        walk_root(&w, roots->v[i]);
    follow_links(&w);
    /* Files come in path order already from one root without links. */
    bool sorted = true;
    for (size_t i = 1; i < out->nfiles && sorted; i++)
        sorted = compare_files(&out->files[i - 1], &out->files[i]) < 0;
    if (!sorted)
        qsort(out->files, out->nfiles, sizeof *out->files, compare_files);
    strlist_free(&w.roots);
    free(w.dirs);
    free(w.dir_set.slots);
    free(w.file_set.slots);
}

void walk_result_free(walk_result *r)
{
    free(r->files);
    path_store_free(&r->paths);
    strlist_free(&r->notes);
    strlist_free(&r->errors);
    strlist_free(&r->unreadable);
    free(r->first_hidden);
    memset(r, 0, sizeof *r);
}

bool walk_same_file(int fd, const walk_file *f)
{
    struct stat st;
    return fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
           st.st_dev == f->id.dev && st.st_ino == f->id.ino;
}

walk_file walk_file_of(const char *path, const struct stat *st)
{
    return (walk_file){(char *)path, {st->st_dev, st->st_ino},
                       (int64_t)st->st_size,
                       (int64_t)st->st_mtim.tv_sec * 1000000000 +
                           st->st_mtim.tv_nsec};
}
