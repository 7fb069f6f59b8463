/* corpus.c - walk the corpus and index it incrementally. */
#include "corpus.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parse.h"

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Add path (a file or directory) to files, recursing into directories. */
static void collect(const char *path, strlist *files, strlist *errors,
                    int depth)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        strbuf sb = {0};
        sb_printf(&sb, "%s: %s", path, strerror(errno));
        strlist_push_owned(errors, sb_take(&sb));
        return;
    }
    if (S_ISREG(st.st_mode)) {
        strlist_push(files, path);
        return;
    }
    if (!S_ISDIR(st.st_mode) || depth > 32)
        return;
    DIR *dir = opendir(path);
    if (!dir) {
        strbuf sb = {0};
        sb_printf(&sb, "%s: %s", path, strerror(errno));
        strlist_push_owned(errors, sb_take(&sb));
        return;
    }
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        strbuf sb = {0};
        sb_printf(&sb, "%s/%s", path, e->d_name);
        collect(sb.s, files, errors, depth + 1);
        sb_free(&sb);
    }
    closedir(dir);
}

void corpus_list_files(const strlist *roots, strlist *files, strlist *errors)
{
    for (size_t i = 0; i < roots->n; i++) {
        char *abs = realpath(roots->v[i], NULL);
        collect(abs ? abs : roots->v[i], files, errors, 0);
        free(abs);
    }
    if (files->n > 1)
        qsort(files->v, files->n, sizeof *files->v, compare_strings);
    /* The same file named twice (overlapping roots) is indexed once. */
    size_t out = 0;
    for (size_t i = 0; i < files->n; i++) {
        if (out > 0 && strcmp(files->v[out - 1], files->v[i]) == 0) {
            free(files->v[i]);
            continue;
        }
        files->v[out++] = files->v[i];
    }
    files->n = out;
}

void content_hash(const char *buf, size_t n, char out[17])
{
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)buf[i];
        h *= 1099511628211ULL;
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* Changed files are stored in batches of about this many bytes, one
   transaction each: fewer commits, and one full-text index segment per
   batch.  A kill loses at most the batch under way, which the next run
   redoes; the database never holds part of it. */
#define INDEX_BATCH_BYTES (8u << 20)

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* Parse and store one changed file.  Returns -1 only on database failure. */
static int index_one(db *d, const char *path, const struct stat *st,
                     const db_source_state *old, index_report *rep,
                     FILE *msgs, strbuf *err)
{
    int64_t mtime = (int64_t)st->st_mtim.tv_sec * 1000000000 +
                    st->st_mtim.tv_nsec;
    size_t len = 0;
    char *bytes = read_whole_file(path, 0, &len);
    if (!bytes) {
        strbuf m = {0};
        sb_printf(&m, "%s: cannot read: %s", base_name(path), strerror(errno));
        if (msgs)
            fprintf(msgs, "dubao: %s\n", m.s);
        rep->failed++;
        int rc = db_store_issue(d, path, (int64_t)st->st_size, mtime, "",
                                "failed", m.s, NULL, err);
        sb_free(&m);
        return rc;
    }
    char hash[17];
    content_hash(bytes, len, hash);
    if (old->known && strcmp(old->hash, hash) == 0) {
        free(bytes);
        rep->unchanged++;
        return db_source_touch(d, path, (int64_t)st->st_size, mtime);
    }
    issue is;
    strbuf m = {0};
    parse_status ps = issue_parse_bytes(base_name(path), bytes, len, &is, &m);
    free(bytes);
    for (size_t i = 0; msgs && i < is.warnings.n; i++)
        fprintf(msgs, "dubao: %s: %s\n", base_name(path), is.warnings.v[i]);
    const char *status = ps == PARSE_OK        ? "ok"
                         : ps == PARSE_SKIPPED ? "skipped"
                                               : "failed";
    if (ps != PARSE_OK && msgs)
        fprintf(msgs, "dubao: %s\n", m.s);
    if (ps == PARSE_OK)
        rep->parsed++;
    else if (ps == PARSE_SKIPPED)
        rep->skipped++;
    else
        rep->failed++;
    int rc = db_store_issue(d, path, (int64_t)st->st_size, mtime, hash, status,
                            m.s, ps == PARSE_OK ? &is : NULL, err);
    sb_free(&m);
    issue_free(&is);
    return rc;
}

int corpus_index(db *d, const strlist *roots, index_report *rep, FILE *msgs,
                 strbuf *err)
{
    memset(rep, 0, sizeof *rep);
    strlist files = {0}, errors = {0};
    corpus_list_files(roots, &files, &errors);
    for (size_t i = 0; msgs && i < errors.n; i++)
        fprintf(msgs, "dubao: %s\n", errors.v[i]);
    rep->missing = (int)errors.n;
    db_source *known;
    ssize_t nknown = db_sources(d, &known);
    if (nknown < 0) {
        sb_printf(err, "database: %s", db_errmsg(d));
        strlist_free(&files);
        strlist_free(&errors);
        return -1;
    }
    int rc = 0;
    bool in_batch = false;
    size_t batch_bytes = 0;
    for (size_t i = 0; i < files.n && rc == 0; i++) {
        struct stat st;
        rep->files++;
        if (stat(files.v[i], &st) != 0)
            continue;
        const db_source_state *found = db_sources_find(known, nknown,
                                                       files.v[i]);
        db_source_state old = found ? *found : (db_source_state){0};
        int64_t mtime = (int64_t)st.st_mtim.tv_sec * 1000000000 +
                        st.st_mtim.tv_nsec;
        if (old.known && old.size == (int64_t)st.st_size &&
            old.mtime_ns == mtime) {
            rep->unchanged++;
            continue;
        }
        if (!in_batch) {
            if (db_batch_begin(d, err) != 0) {
                rc = -1;
                break;
            }
            in_batch = true;
            batch_bytes = 0;
        }
        rc = index_one(d, files.v[i], &st, &old, rep, msgs, err);
        batch_bytes += (size_t)st.st_size;
        if (rc == 0 && batch_bytes >= INDEX_BATCH_BYTES) {
            in_batch = false;
            rc = db_batch_commit(d, err);
        }
    }
    if (in_batch) {
        if (rc == 0)
            rc = db_batch_commit(d, err);
        else
            db_batch_rollback(d);
    }
    /* Only forget files when every root could be read: a typo in a path
       must not wipe the database. */
    if (rc == 0 && errors.n == 0) {
        bool changed = rep->parsed + rep->skipped + rep->failed > 0;
        int removed = db_remove_sources_except(d, &files, changed);
        if (removed < 0) {
            sb_printf(err, "database: %s", db_errmsg(d));
            rc = -1;
        } else {
            rep->removed = removed;
        }
    }
    db_sources_free(known, nknown);
    strlist_free(&files);
    strlist_free(&errors);
    return rc;
}
