/* corpus_roots.c - which corpus a database belongs to, and what indexing
 * may remove from it (see corpus_roots.h). */
#include "corpus_roots.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"
#include "printable.h"

/* path made absolute, as the stored paths are: its real path when it
   exists, else joined to the working directory (heap). */
static char *absolute_root(const char *path)
{
    char *real = realpath(path, NULL);
    if (real)
        return real;
    if (path[0] == '/')
        return xstrdup(path);
    char *cwd = getcwd(NULL, 0);
    strbuf sb = {0};
    sb_printf(&sb, "%s/%s", cwd ? cwd : ".", path);
    free(cwd);
    return sb_take(&sb);
}

int corpus_roots_choose(db *d, const strlist *given, strlist *roots,
                        strbuf *err)
{
    for (size_t i = 0; i < given->n; i++)
        strlist_push_owned(roots, absolute_root(given->v[i]));
    if (given->n > 0)
        return 0;
    int known = db_corpus_roots(d, roots);
    if (known == 1)
        return 0;
    if (known == -1) {
        sb_puts(err, "the database does not say which corpus it was built "
                     "from (it was rebuilt from a damaged file that did not "
                     "tell): give it with --corpus");
        return -2;
    }
    if (known < 0) {
        sb_printf(err, "database: %s", db_errmsg(d));
        return -1;
    }
    char *shipped = dubao_asset_path("corpus");
    strlist_push_owned(roots, absolute_root(shipped));
    free(shipped);
    return 0;
}

int corpus_roots_check(db *d, const strlist *absent, const strlist *roots,
                       bool prune, strbuf *err)
{
    size_t outside = 0;
    for (size_t k = 0; !prune && k < absent->n; k++)
        outside += !path_under_any_root(absent->v[k], roots);
    if (outside == 0)
        return 0;
    sb_printf(err, "the database holds %zu file%s from outside the corpus "
              "given", outside, outside == 1 ? "" : "s");
    strlist built = {0};
    if (db_corpus_roots(d, &built) == 1) {
        sb_puts(err, " (it was built from");
        for (size_t i = 0; i < built.n; i++) {
            sb_puts(err, i ? ", " : " ");
            printable_append(err, built.v[i], strlen(built.v[i]));
        }
        sb_puts(err, ")");
    }
    strlist_free(&built);
    sb_puts(err, "; nothing was changed.  Give the corpus it was built from, "
                 "use another --db for this one, or add --prune to replace "
                 "its contents");
    return -1;
}

/* What a root gave. */
typedef enum {
    ROOT_FOUND,      /* files were found under it */
    ROOT_UNREADABLE, /* it cannot be read (missing, no permission) */
    ROOT_NOT_FILE,   /* a device, FIFO or socket */
    ROOT_EMPTY       /* a file or directory, with no corpus file */
} root_state;

/* What root gave in walk; *e gets the error of an unreadable root. */
static root_state root_state_of(const char *root, const walk_result *walk,
                                int *e)
{
    struct stat st;
    if (stat(root, &st) != 0) {
        *e = errno;
        return ROOT_UNREADABLE;
    }
    if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
        return ROOT_NOT_FILE;
    for (size_t i = 0; i < walk->nfiles; i++)
        if (path_under_root(walk->files[i].path, root))
            return ROOT_FOUND;
    return ROOT_EMPTY;
}

/* A sentence for a root that gave no file (in note), saying why; the
   root in its printable form (printable.h). */
static void describe_root(strbuf *note, const char *root, root_state rs,
                          int e, size_t stored)
{
    printable_append(note, root, strlen(root));
    if (rs == ROOT_UNREADABLE)
        sb_printf(note, " cannot be read (%s)", strerror(e));
    else if (rs == ROOT_NOT_FILE)
        sb_puts(note, " is not a file or directory (a device, FIFO or "
                      "socket): nothing was read from it");
    else
        sb_printf(note, " holds no corpus file%s",
                  stored ? " now (an unmounted disk?)" : "");
}

void corpus_roots_keep(const strlist *roots, const walk_result *walk,
                       const strlist *absent, bool prune, bool said,
                       strlist *gone, index_report *rep)
{
    strlist keep = {0};
    for (size_t i = 0; i < roots->n; i++) {
        const char *root = roots->v[i];
        int e = 0;
        root_state rs = root_state_of(root, walk, &e);
        if (rs == ROOT_FOUND)
            continue;
        /* No file the walk found is under this root: every stored one
           under it is among the absent. */
        size_t stored = 0;
        for (size_t k = 0; k < absent->n; k++)
            stored += path_under_root(absent->v[k], root);
        /* A root that cannot be read or is not a file or directory and
           held nothing: the walk's own message says enough, if shown. */
        if (rs != ROOT_EMPTY && stored == 0 && said)
            continue;
        strbuf note = {0};
        describe_root(&note, root, rs, e, stored);
        if (stored > 0 && !prune) {
            sb_printf(&note, "; its %zu file%s in the database "
                      "(--prune removes %s)", stored,
                      stored == 1 ? " stays" : "s stay",
                      stored == 1 ? "it" : "them");
            strlist_push(&keep, root);
        }
        strlist_push_owned(&rep->notices, sb_take(&note));
    }
    size_t out = 0;
    for (size_t i = 0; i < gone->n; i++) {
        if (path_under_any_root(gone->v[i], &keep)) {
            free(gone->v[i]);
            rep->kept++;
        } else {
            gone->v[out++] = gone->v[i];
        }
    }
    gone->n = out;
    strlist_free(&keep);
}
