/* corpus.c - walk the corpus and index it incrementally. */
#include "corpus.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "corpus_roots.h"
#include "lexicon.h"
#include "parse.h"
#include "printable.h"
#include "source.h"
#include "walk.h"

/* 64-bit FNV-1a of a buffer as 16 hex digits (content change detection). */
static void content_hash(const char *buf, size_t n, char out[17])
{
    snprintf(out, 17, "%016llx",
             (unsigned long long)fnv1a64(FNV1A64_START, buf, n));
}

/* Changed files are stored in batches of about this many bytes, one
   transaction each: fewer commits, and one full-text index segment per
   batch.  A kill loses at most the batch under way, which the next run
   redoes; the database never holds part of it. */
#define INDEX_BATCH_BYTES (8u << 20)

/* How many files, and how many bytes of files, the parse thread may run
   ahead of the database writer: enough to keep both cores busy, few
   enough to bound memory (a parsed file takes about twice its size). */
#define PARSE_AHEAD 64
#define PARSE_AHEAD_BYTES (32u << 20)

/* The name an issue is known by: the printable form (printable.h) of
   the file's base name, so that every place that shows it (messages,
   output, the browser) shows safe text, and --issue finds it as shown. */
static char *issue_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return printable(s ? s + 1 : path);
}

/* What became of one changed file in the parse thread. */
typedef enum {
    JOB_UNREADABLE,   /* msg says why */
    JOB_REFUSED,      /* not read whole (binary, too large): msg says why */
    JOB_SAME_CONTENT,
    JOB_PARSED
} job_outcome;

/* One changed file on its way from the parse thread to the database. */
typedef struct {
    const walk_file *file;
    const char *path;    /* file->path */
    char *name;          /* issue_name(path) */
    db_source_state old;
    bool reread;         /* parse even if the content is the same */
    job_outcome outcome;
    char hash[17];       /* JOB_SAME_CONTENT, JOB_PARSED */
    parse_status status; /* JOB_PARSED */
    issue is;
    strbuf msg;          /* "name: why" for a skip or failure */
} index_job;

/* The jobs and the hand-over between the parse thread and the writer.
   Only the parse thread calls the parser (its tables load lazily on first
   use); only the writer touches the database. */
typedef struct {
    index_job *jobs;
    size_t njobs;
    size_t parsed;    /* jobs[0..parsed) are ready */
    size_t stored;    /* jobs[0..stored) are stored and freed */
    uint64_t ahead;   /* bytes of the files in jobs[stored..parsed) */
    uint64_t max_bytes; /* the size limit of a file */
    bool stop;        /* the writer failed or was stopped: parse no more */
    bool inline_parse; /* no parse thread: the writer parses each job */
    index_progress progress; /* for the progress callback (writer only) */
    struct timespec start;
    index_progress_fn progress_fn;
    void *progress_ctx;
    int64_t parse_cpu_ns;    /* the parse thread's CPU time, at its end */
    pthread_mutex_t lock;
    pthread_cond_t changed;
} job_queue;

/* Read, hash and parse one file (the parse thread's work).  The buffer
   read is consumed by the parser, which frees it once decoded. */
static void job_prepare(index_job *j, uint64_t max_bytes)
{
    size_t len = 0;
    char *bytes;
    strbuf why = {0};
    read_result s = source_read(j->file, max_bytes, &bytes, &len, &why);
    if (s != READ_WHOLE) {
        j->outcome = s == READ_REFUSED ? JOB_REFUSED : JOB_UNREADABLE;
        sb_printf(&j->msg, "%s: %s", j->name, why.s);
        sb_free(&why);
        return;
    }
    content_hash(bytes, len, j->hash);
    if (j->old.known && !j->reread && strcmp(j->old.hash, j->hash) == 0) {
        j->outcome = JOB_SAME_CONTENT;
        free(bytes);
    } else {
        j->outcome = JOB_PARSED;
        j->status = issue_parse_path(j->path, j->name, bytes, len, &j->is,
                                     &j->msg);
    }
}

/* The CPU time the calling thread has used, in nanoseconds. */
static int64_t thread_cpu_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

/* The parse thread: prepare the jobs in order, staying at most PARSE_AHEAD
   jobs and PARSE_AHEAD_BYTES bytes of files ahead of the writer (but
   always one job: a single large file is parsed whatever its size). */
static void *parse_thread(void *arg)
{
    job_queue *q = arg;
    for (size_t i = 0; i < q->njobs; i++) {
        pthread_mutex_lock(&q->lock);
        while (!q->stop && i > q->stored &&
               (i >= q->stored + PARSE_AHEAD || q->ahead >= PARSE_AHEAD_BYTES))
            pthread_cond_wait(&q->changed, &q->lock);
        bool stop = q->stop;
        pthread_mutex_unlock(&q->lock);
        if (stop)
            break;
        job_prepare(&q->jobs[i], q->max_bytes);
        pthread_mutex_lock(&q->lock);
        q->parsed = i + 1;
        q->ahead += (uint64_t)q->jobs[i].file->size;
        pthread_cond_broadcast(&q->changed);
        pthread_mutex_unlock(&q->lock);
    }
    q->parse_cpu_ns = thread_cpu_ns();
    return NULL;
}

/* Store one prepared job and count it.  Returns -1 only on database
   failure. */
static int job_store(db *d, index_job *j, index_report *rep, FILE *msgs,
                     strbuf *err)
{
    int64_t size = j->file->size;
    int64_t mtime = j->file->mtime_ns;
    if (j->outcome == JOB_UNREADABLE || j->outcome == JOB_REFUSED) {
        bool refused = j->outcome == JOB_REFUSED;
        if (msgs)
            fprintf(msgs, "dubao: %s\n", j->msg.s);
        if (refused)
            rep->skipped++;
        else
            rep->failed++;
        return db_store_issue(d, j->path, size, mtime, "",
                              refused ? SOURCE_SKIPPED : SOURCE_FAILED,
                              j->msg.s, NULL, err);
    }
    if (j->outcome == JOB_SAME_CONTENT) {
        rep->unchanged++;
        if (db_source_touch(d, j->path, size, mtime) == 0)
            return 0;
        sb_printf(err, "database: %s", db_errmsg(d));
        return -1;
    }
    for (size_t i = 0; msgs && i < j->is.warnings.n; i++)
        fprintf(msgs, "dubao: %s: %s\n", j->name, j->is.warnings.v[i]);
    parse_status ps = j->status;
    source_status status = ps == PARSE_OK        ? SOURCE_OK
                           : ps == PARSE_SKIPPED ? SOURCE_SKIPPED
                                                 : SOURCE_FAILED;
    if (ps != PARSE_OK && msgs)
        fprintf(msgs, "dubao: %s\n", j->msg.s);
    if (ps == PARSE_OK)
        rep->parsed++;
    else if (ps == PARSE_SKIPPED)
        rep->skipped++;
    else
        rep->failed++;
    return db_store_issue(d, j->path, size, mtime, j->hash, status, j->msg.s,
                          ps == PARSE_OK ? &j->is : NULL, err);
}

/* Free what a job holds after it was prepared. */
static void job_free(index_job *j)
{
    if (j->outcome == JOB_PARSED)
        issue_free(&j->is);
    sb_free(&j->msg);
}

/* Wait until job i is prepared (false: the parse thread stopped early). */
static bool queue_wait_parsed(job_queue *q, size_t i)
{
    if (q->inline_parse) {
        job_prepare(&q->jobs[i], q->max_bytes);
        q->parsed = i + 1;
        q->ahead += (uint64_t)q->jobs[i].file->size;
        return true;
    }
    pthread_mutex_lock(&q->lock);
    while (q->parsed <= i && !q->stop)
        pthread_cond_wait(&q->changed, &q->lock);
    bool ready = q->parsed > i;
    pthread_mutex_unlock(&q->lock);
    return ready;
}

/* Record that jobs[0..stored) are done, or that the writer stopped. */
static void queue_advance(job_queue *q, size_t stored, bool stop)
{
    pthread_mutex_lock(&q->lock);
    for (size_t i = q->stored; i < stored; i++)
        q->ahead -= (uint64_t)q->jobs[i].file->size;
    q->stored = stored;
    q->stop = q->stop || stop;
    pthread_cond_broadcast(&q->changed);
    pthread_mutex_unlock(&q->lock);
}

/* Tell the progress callback how far the index is (committed: a batch
   was just committed); false when it says stop. */
static bool report_progress(job_queue *q, bool committed)
{
    if (!q->progress_fn)
        return true;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    q->progress.seconds = (double)(now.tv_sec - q->start.tv_sec) +
                          (double)(now.tv_nsec - q->start.tv_nsec) / 1e9;
    if (committed)
        q->progress.commits++;
    return q->progress_fn(&q->progress, q->progress_ctx);
}

/* Store the jobs in order as the parse thread prepares them, in batches.
   Returns 0, or -1 when the database failed; a stop asked for by the
   progress callback sets rep->stopped after committing the batch. */
static int store_jobs(db *d, job_queue *q, index_report *rep, FILE *msgs,
                      strbuf *err)
{
    int rc = 0;
    bool in_batch = false;
    size_t batch_bytes = 0, i = 0;
    for (; i < q->njobs && rc == 0 && !rep->stopped; i++) {
        if (!queue_wait_parsed(q, i))
            break;
        if (!in_batch) {
            if (db_batch_begin(d, err) != 0) {
                rc = -1;
                break;
            }
            in_batch = true;
            batch_bytes = 0;
        }
        rc = job_store(d, &q->jobs[i], rep, msgs, err);
        batch_bytes += (size_t)q->jobs[i].file->size;
        q->progress.files_done++;
        q->progress.bytes_done += (uint64_t)q->jobs[i].file->size;
        job_free(&q->jobs[i]);
        rep->stopped = rc == 0 && !report_progress(q, false);
        queue_advance(q, i + 1, rc != 0 || rep->stopped);
        if (rc == 0 && batch_bytes >= INDEX_BATCH_BYTES) {
            in_batch = false;
            rc = db_batch_commit(d, err);
            if (rc == 0 && !report_progress(q, true))
                rep->stopped = true;
        }
    }
    queue_advance(q, i, true);
    if (in_batch) {
        if (rc == 0)
            rc = db_batch_commit(d, err);
        else
            db_batch_rollback(d);
        if (rc == 0)
            report_progress(q, true);
    }
    return rc;
}

/* Parse the jobs of q on a second thread while this one stores them:
   parsing and the database's work (mostly full-text indexing) overlap on
   two cores.  Without a thread, this one parses each job just before
   storing it. */
static int index_jobs(db *d, job_queue *q, index_report *rep, FILE *msgs,
                      strbuf *err)
{
    q->progress.files_total = (int64_t)q->njobs;
    for (size_t i = 0; i < q->njobs; i++)
        q->progress.bytes_total += (uint64_t)q->jobs[i].file->size;
    report_progress(q, false);
    pthread_t thread;
    bool threaded = q->njobs > 1 &&
                    pthread_create(&thread, NULL, parse_thread, q) == 0;
    q->inline_parse = !threaded;
    int64_t cpu = thread_cpu_ns();
    int rc = store_jobs(d, q, rep, msgs, err);
    rep->store_cpu_ns = thread_cpu_ns() - cpu;
    if (threaded)
        pthread_join(thread, NULL);
    rep->parse_cpu_ns = q->parse_cpu_ns;
    /* Jobs prepared after the writer stopped. */
    for (size_t i = q->stored; i < q->parsed; i++)
        job_free(&q->jobs[i]);
    pthread_mutex_destroy(&q->lock);
    pthread_cond_destroy(&q->changed);
    return rc;
}

/* Is path one of the unreadable entries, or under one of them? */
static bool under_unreadable(const strlist *unreadable, const char *path)
{
    for (size_t i = 0; i < unreadable->n; i++) {
        size_t n = strlen(unreadable->v[i]);
        if (strncmp(path, unreadable->v[i], n) == 0 &&
            (path[n] == '\0' || path[n] == '/'))
            return true;
    }
    return false;
}

/* The stored sources (sorted by path) that are not among the files the
   walk found (sorted the same way), into gone: one merge of the two
   lists.  What lies under an entry that could not be read is kept: it
   may well still be there. */
static void sources_gone(const db_source *known, ssize_t nknown,
                         const walk_result *walk, strlist *gone)
{
    size_t j = 0;
    for (ssize_t k = 0; k < nknown; k++) {
        const char *path = known[k].path;
        while (j < walk->nfiles && strcmp(walk->files[j].path, path) < 0)
            j++;
        if (j < walk->nfiles && strcmp(walk->files[j].path, path) == 0)
            continue;
        if (!under_unreadable(&walk->unreadable, path))
            strlist_push(gone, path);
    }
}

/* Print what the walk passed over or could not read. */
static void report_walk(const walk_result *walk, FILE *msgs)
{
    for (size_t i = 0; i < walk->errors.n; i++)
        fprintf(msgs, "dubao: %s\n", walk->errors.v[i]);
    for (size_t i = 0; i < walk->notes.n; i++)
        fprintf(msgs, "dubao: %s\n", walk->notes.v[i]);
    if (walk->hidden)
        fprintf(msgs, "dubao: %zu hidden entr%s (names starting with '.') "
                "not read: %s%s\n", walk->hidden,
                walk->hidden == 1 ? "y" : "ies", walk->first_hidden,
                walk->hidden > 1 ? " and others" : "");
}

/* The changed files among those the walk found, as jobs (the rest are
   counted as unchanged); every file when reread (the rules changed). */
static index_job *make_jobs(const walk_result *walk, const db_source *known,
                            ssize_t nknown, bool reread, index_report *rep,
                            size_t *njobs)
{
    index_job *jobs = xcalloc(walk->nfiles + 1, sizeof *jobs);
    *njobs = 0;
    ssize_t k = 0; /* both lists are sorted by path: one merge */
    for (size_t i = 0; i < walk->nfiles; i++) {
        const walk_file *f = &walk->files[i];
        rep->files++;
        int c = -1;
        while (k < nknown && (c = strcmp(known[k].path, f->path)) < 0)
            k++;
        const db_source_state *known_state = k < nknown && c == 0
                                                 ? &known[k].st
                                                 : NULL;
        db_source_state old = known_state ? *known_state
                                          : (db_source_state){0};
        if (!reread && old.known && old.size == f->size &&
            old.mtime_ns == f->mtime_ns) {
            rep->unchanged++;
            continue;
        }
        jobs[(*njobs)++] = (index_job){.file = f, .path = f->path,
                                       .name = issue_name(f->path),
                                       .old = old,
                                       .reread = reread};
    }
    return jobs;
}

void index_report_free(index_report *rep)
{
    strlist_free(&rep->notices);
}

/* Remove the stored files that are gone (sources_gone), but those that
   corpus_roots_keep keeps; only when every root could be read (a typo in
   a path must not wipe the database), or when prune asks for it.  0, or
   -1 when the database failed (err). */
static int remove_gone(db *d, const strlist *roots, const walk_result *walk,
                       const db_source *known, ssize_t nknown, bool prune,
                       index_report *rep, FILE *msgs, strbuf *err)
{
    bool forget = !walk->root_failed || prune;
    strlist gone = {0};
    if (forget)
        sources_gone(known, nknown, walk, &gone);
    corpus_roots_keep(roots, walk, known, nknown, prune, msgs != NULL,
                      &gone, rep);
    int rc = 0;
    if (forget) {
        bool changed = rep->parsed + rep->skipped + rep->failed > 0;
        int removed = db_remove_sources(d, &gone, changed);
        if (removed < 0) {
            sb_printf(err, "database: %s", db_errmsg(d));
            rc = -1;
        } else {
            rep->removed = removed;
        }
    }
    strlist_free(&gone);
    return rc;
}

/* What a parse depends on besides the page: the program's version and
   its word lists ("VERSION lexicon:HASH"); heap string. */
static char *parse_rules(void)
{
    char fp[17];
    strbuf sb = {0};
    sb_printf(&sb, "%s lexicon:%s", DUBAO_VERSION,
              lexicon_fingerprint(fp) ? fp : "unreadable");
    return sb_take(&sb);
}

/* Must every page be parsed again: the database holds pages parsed with
   other rules than these (another version, other word lists)?  A new
   database holds none. */
static bool rules_changed(db *d, const char *rules, ssize_t nknown)
{
    if (nknown <= 0)
        return false;
    char *was = db_parsed_with(d);
    bool changed = !was || strcmp(was, rules) != 0;
    free(was);
    return changed;
}

int corpus_index(db *d, const strlist *given, bool prune,
                 uint64_t max_file_bytes, index_report *rep, FILE *msgs,
                 index_progress_fn progress, void *progress_ctx,
                 strbuf *err)
{
    memset(rep, 0, sizeof *rep);
    job_queue q = {.lock = PTHREAD_MUTEX_INITIALIZER,
                   .changed = PTHREAD_COND_INITIALIZER,
                   .progress_fn = progress, .progress_ctx = progress_ctx};
    clock_gettime(CLOCK_MONOTONIC, &q.start);
    if (max_file_bytes == 0)
        max_file_bytes = SOURCE_DEFAULT_MAX_BYTES;
    strlist roots = {0};
    int rc = corpus_roots_choose(d, given, &roots, err);
    if (rc != 0) {
        strlist_free(&roots);
        return rc;
    }
    walk_result walk;
    corpus_walk(&roots, max_file_bytes, &walk);
    if (msgs)
        report_walk(&walk, msgs);
    rep->missing = (int)walk.errors.n;
    rep->not_read = (int)walk.notes.n;
    db_source *known;
    ssize_t nknown = db_sources(d, &known);
    if (nknown < 0) {
        sb_printf(err, "database: %s", db_errmsg(d));
        rc = -1;
    } else if (corpus_roots_check(d, known, nknown, &roots, prune, err)) {
        rc = -2;
    }
    char *rules = parse_rules();
    bool reread = rc == 0 && rules_changed(d, rules, nknown);
    if (reread && msgs)
        fprintf(msgs, "dubao: this dubao or its word lists differ from "
                      "those the database was made with: every page is "
                      "read again\n");
    /* A new database: what it will hold is parsed with these rules, and a
       run stopped half way resumes. */
    if (rc == 0 && nknown == 0 && db_set_parsed_with(d, rules) != 0) {
        sb_printf(err, "database: %s", db_errmsg(d));
        rc = -1;
    }
    if (rc == 0) {
        q.jobs = make_jobs(&walk, known, nknown, reread, rep, &q.njobs);
        q.max_bytes = max_file_bytes;
        rc = index_jobs(d, &q, rep, msgs, err);
        for (size_t i = 0; i < q.njobs; i++)
            free(q.jobs[i].name);
        free(q.jobs);
    }
    if (rc == 0 && !rep->stopped)
        rc = remove_gone(d, &roots, &walk, known, nknown, prune, rep, msgs,
                         err);
    if (rc == 0 && db_set_corpus_roots(d, &roots) != 0) {
        sb_printf(err, "database: %s", db_errmsg(d));
        rc = -1;
    }
    /* After rules changed, only once every page is stored again: a run
       stopped half way reads them all again next time. */
    if (rc == 0 && !rep->stopped && reread &&
        db_set_parsed_with(d, rules) != 0) {
        sb_printf(err, "database: %s", db_errmsg(d));
        rc = -1;
    }
    free(rules);
    /* What indexing freed goes back (a stopped index too: what it
       committed stays). */
    if (rc == 0 && rep->parsed + rep->removed > 0 &&
        db_release_free_pages(d) != 0) {
        sb_printf(err, "database: %s", db_errmsg(d));
        rc = -1;
    }
    db_sources_free(known, nknown);
    walk_result_free(&walk);
    strlist_free(&roots);
    return rc;
}
