/* walk.c - find the files of a corpus (see walk.h for the rules). */
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "printable.h"

/* ---- a set of (device, inode) --------------------------------------- */

/* What the set remembers of a directory or file: its identity, and for
   a file the index of its entry in the result. */
typedef struct {
    dev_t dev;
    ino_t ino;
    size_t value;
    bool used;
} node;

typedef struct {
    node *v;
    size_t n, cap; /* cap: a power of two, at least twice n */
} node_set;

static size_t node_hash(dev_t dev, ino_t ino)
{
    uint64_t h = ((uint64_t)dev * 0x9E3779B97F4A7C15ULL) ^ (uint64_t)ino;
    return (size_t)(h * 0xBF58476D1CE4E5B9ULL >> 32);
}

/* The slot holding (dev, ino), or the empty slot where it would go. */
static node *node_slot(const node_set *s, dev_t dev, ino_t ino)
{
    size_t mask = s->cap - 1, i = node_hash(dev, ino) & mask;
    while (s->v[i].used && !(s->v[i].dev == dev && s->v[i].ino == ino))
        i = (i + 1) & mask;
    return &s->v[i];
}

/* The node of st in the set, or NULL. */
static const node *node_find(const node_set *s, const struct stat *st)
{
    if (s->cap == 0)
        return NULL;
    const node *n = node_slot(s, st->st_dev, st->st_ino);
    return n->used ? n : NULL;
}

/* Add st (known to be absent) with its value. */
static void node_add(node_set *s, const struct stat *st, size_t value)
{
    if ((s->n + 1) * 2 > s->cap) {
        node_set bigger = {xcalloc(s->cap ? s->cap * 2 : 64, sizeof(node)),
                           0, s->cap ? s->cap * 2 : 64};
        for (size_t i = 0; i < s->cap; i++)
            if (s->v[i].used)
                *node_slot(&bigger, s->v[i].dev, s->v[i].ino) = s->v[i];
        bigger.n = s->n;
        free(s->v);
        *s = bigger;
    }
    *node_slot(s, st->st_dev, st->st_ino) =
        (node){st->st_dev, st->st_ino, value, true};
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
    node_set dirs;      /* directories read */
    node_set files;     /* files found: value is the index in out->files */
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

/* Add a regular file, unless it is one already found or too large. */
static void add_file(walker *w, const char *path, const struct stat *st)
{
    walk_result *r = w->out;
    const node *seen = node_find(&w->files, st);
    if (seen) {
        strbuf why = {0};
        sb_puts(&why, "the same file as ");
        const char *first = r->files[seen->value].path;
        printable_append(&why, first, strlen(first));
        sb_puts(&why, " (a link), read once");
        add_message(&r->notes, path, why.s);
        sb_free(&why);
        return;
    }
    if ((uint64_t)st->st_size > w->max_bytes) {
        strbuf why = {0};
        walk_describe_size(&why, (uint64_t)st->st_size);
        sb_puts(&why, ", larger than the limit of ");
        walk_describe_size(&why, w->max_bytes);
        sb_puts(&why, " (--max-file-size); not read");
        add_message(&r->notes, path, why.s);
        sb_free(&why);
        return;
    }
    r->files = grow_array(r->files, &r->cap, r->nfiles + 1, sizeof *r->files);
    r->files[r->nfiles] = (walk_file){xstrdup(path), *st};
    node_add(&w->files, st, r->nfiles++);
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

static void enter_dir(walker *w, const char *path, const struct stat *st,
                      int depth, bool via_link);

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in an open directory, sorted, without "." and ".." (hidden
   ones are counted and left out). */
static void read_names(walker *w, DIR *dir, const char *path, strlist *names)
{
    struct dirent *e;
    strbuf child = {0};
    while ((e = readdir(dir)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (e->d_name[0] == '.') {
            sb_clear(&child);
            sb_printf(&child, "%s/%s", path, e->d_name);
            note_hidden(w, child.s);
            continue;
        }
        strlist_push(names, e->d_name);
    }
    sb_free(&child);
    if (names->n > 1)
        qsort(names->v, names->n, sizeof *names->v, compare_names);
}

/* Look at one entry of an open directory, stat'ed as st (or failed with
   errno err): a file is added, a directory entered, a link kept for
   later; anything else is noted. */
static void visit_entry(walker *w, const struct stat *st, int err,
                        const char *path, int depth)
{
    if (err)
        add_error(w, path, err);
    else if (S_ISREG(st->st_mode))
        add_file(w, path, st);
    else if (S_ISDIR(st->st_mode))
        enter_dir(w, path, st, depth, false);
    else if (S_ISLNK(st->st_mode))
        defer_link(w, path, depth);
    else
        note_special(w, path, st->st_mode);
}

/* The entries of one directory to stat: names[i] into sts[i], or its
   errno into errs[i], for i from first on in steps of step. */
typedef struct {
    int dirfd;
    const strlist *names;
    struct stat *sts;
    int *errs;
    size_t first, step;
} stat_share;

/* Stat a share of the entries, relative to the directory (fstatat),
   which spares the kernel a walk of the whole path for each of tens of
   thousands of files. */
static void *stat_entries(void *arg)
{
    stat_share *sh = arg;
    for (size_t i = sh->first; i < sh->names->n; i += sh->step)
        sh->errs[i] = fstatat(sh->dirfd, sh->names->v[i], &sh->sts[i],
                              AT_SYMLINK_NOFOLLOW) == 0 ? 0 : errno;
    return NULL;
}

/* Entries a directory needs before its stats are shared with a second
   thread: below that, starting one costs more than it saves. */
#define WALK_THREAD_MIN 512

/* Stat every name of the directory dirfd, on two threads when there are
   many (a corpus's stat pass is most of the time of a lookup that checks
   for changes). */
static void stat_all(int dirfd, const strlist *names, struct stat *sts,
                     int *errs)
{
    stat_share a = {dirfd, names, sts, errs, 0, 1}, b = a;
    pthread_t helper;
    bool two = names->n >= WALK_THREAD_MIN;
    if (two) {
        a.step = b.step = 2;
        b.first = 1;
        two = pthread_create(&helper, NULL, stat_entries, &b) == 0;
        if (!two)
            a.step = 1;
    }
    stat_entries(&a);
    if (two)
        pthread_join(helper, NULL);
}

/* Read the directory at path, which the walk knows as st.  It is opened
   without following a link unless it was reached through one (checked
   before), and must be the directory that was stat'ed. */
static void read_dir(walker *w, const char *path, const struct stat *st,
                     int depth, bool via_link)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC |
                            (via_link ? 0 : O_NOFOLLOW));
    struct stat now;
    if (fd >= 0 && (fstat(fd, &now) != 0 || now.st_dev != st->st_dev ||
                    now.st_ino != st->st_ino)) {
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
    strlist names = {0};
    read_names(w, dir, path, &names);
    struct stat *sts = xcalloc(names.n + 1, sizeof *sts);
    int *errs = xcalloc(names.n + 1, sizeof *errs);
    stat_all(dirfd(dir), &names, sts, errs);
    strbuf child = {0};
    sb_puts(&child, strcmp(path, "/") == 0 ? "" : path);
    sb_putc(&child, '/');
    size_t prefix = child.len;
    for (size_t i = 0; i < names.n; i++) {
        child.len = prefix;
        sb_puts(&child, names.v[i]);
        visit_entry(w, &sts[i], errs[i], child.s, depth + 1);
    }
    sb_free(&child);
    free(sts);
    free(errs);
    strlist_free(&names);
    closedir(dir);
}

/* Enter a directory unless it is too deep or was read before. */
static void enter_dir(walker *w, const char *path, const struct stat *st,
                      int depth, bool via_link)
{
    if (depth > WALK_MAX_DEPTH) {
        strbuf why = {0};
        sb_printf(&why, "more than %d directories below the corpus root; "
                        "not read", WALK_MAX_DEPTH);
        add_message(&w->out->notes, path, why.s);
        sb_free(&why);
        return;
    }
    if (node_find(&w->dirs, st)) {
        add_message(&w->out->notes, path,
                    "a directory already read (through a link, a mount or "
                    "another corpus root); not read again");
        return;
    }
    node_add(&w->dirs, st, 0);
    read_dir(w, path, st, depth, via_link);
}

/* Is the real path inside a root (the root itself, or under it)? */
static bool inside_roots(const walker *w, const char *real)
{
    for (size_t i = 0; i < w->roots.n; i++) {
        const char *root = w->roots.v[i];
        size_t n = strlen(root);
        if (strcmp(root, "/") == 0)
            return true;
        if (strncmp(real, root, n) == 0 && (real[n] == '\0' || real[n] == '/'))
            return true;
    }
    return false;
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
        add_file(w, l->path, &st);
    else if (S_ISDIR(st.st_mode))
        enter_dir(w, l->path, &st, l->depth, true);
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
        add_file(w, real, &st);
    } else if (S_ISDIR(st.st_mode)) {
        enter_dir(w, real, &st, 0, false);
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
    free(w.dirs.v);
    free(w.files.v);
}

void walk_result_free(walk_result *r)
{
    for (size_t i = 0; i < r->nfiles; i++)
        free(r->files[i].path);
    free(r->files);
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
           st.st_dev == f->st.st_dev && st.st_ino == f->st.st_ino;
}
