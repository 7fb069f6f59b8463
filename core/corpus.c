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
#include "paths.h"
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

/* How many files, and how many bytes of files, the parse threads may run
   ahead of the database writer: enough to keep the cores busy, few
   enough to bound memory (a parsed file takes about twice its size). */
#define PARSE_AHEAD 64
#define PARSE_AHEAD_BYTES (32u << 20)

/* At most this many parse threads (one per core, as the machine says, or
   DUBAO_PARSE_THREADS). */
#define PARSE_THREADS_MAX 8

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
    bool ready;          /* prepared (under the queue's lock) */
} index_job;

/* The jobs and the hand-over between the parse threads and the writer.
   The parse threads take the jobs in order and prepare them in parallel
   (the word lists are loaded before they start, and read only); the
   writer stores them in order, so the database is the same whatever the
   threads' timing.  Only the writer touches the database. */
typedef struct {
    index_job *jobs;
    size_t njobs;
    size_t next;      /* the next job a parse thread takes */
    size_t stored;    /* jobs[0..stored) are stored and freed */
    uint64_t ahead;   /* bytes of the ready files in jobs[stored..next) */
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

/* A parse thread: take the next job and prepare it, staying at most
   PARSE_AHEAD jobs and PARSE_AHEAD_BYTES bytes of files ahead of the
   writer (but the job the writer waits for is always taken: a single
   large file is parsed whatever its size). */
static void *parse_thread(void *arg)
{
    job_queue *q = arg;
    int64_t cpu = thread_cpu_ns();
    pthread_mutex_lock(&q->lock);
    for (;;) {
        while (!q->stop && q->next < q->njobs && q->next > q->stored &&
               (q->next >= q->stored + PARSE_AHEAD ||
                q->ahead >= PARSE_AHEAD_BYTES))
            pthread_cond_wait(&q->changed, &q->lock);
        if (q->stop || q->next >= q->njobs)
            break;
        size_t i = q->next++;
        pthread_mutex_unlock(&q->lock);
        job_prepare(&q->jobs[i], q->max_bytes);
        pthread_mutex_lock(&q->lock);
        q->jobs[i].ready = true;
        q->ahead += (uint64_t)q->jobs[i].file->size;
        pthread_cond_broadcast(&q->changed);
    }
    q->parse_cpu_ns += thread_cpu_ns() - cpu;
    pthread_mutex_unlock(&q->lock);
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
        q->jobs[i].ready = true;
        q->next = i + 1;
        q->ahead += (uint64_t)q->jobs[i].file->size;
        return true;
    }
    pthread_mutex_lock(&q->lock);
    while (!q->jobs[i].ready && !q->stop)
        pthread_cond_wait(&q->changed, &q->lock);
    bool ready = q->jobs[i].ready;
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

/* How many parse threads to run: DUBAO_PARSE_THREADS when set (1 to
   PARSE_THREADS_MAX), else one per online core. */
static int parse_thread_count(void)
{
    const char *env = getenv("DUBAO_PARSE_THREADS");
    long n = env && *env ? strtol(env, NULL, 10) : sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > PARSE_THREADS_MAX ? PARSE_THREADS_MAX : (int)n;
}

/* Parse the jobs of q on parse threads while this one stores them:
   parsing and the database's work (mostly full-text indexing) overlap,
   and the parsing itself runs on every core.  Without a thread, this one
   parses each job just before storing it. */
static int index_jobs(db *d, job_queue *q, index_report *rep, FILE *msgs,
                      strbuf *err)
{
    q->progress.files_total = (int64_t)q->njobs;
    for (size_t i = 0; i < q->njobs; i++)
        q->progress.bytes_total += (uint64_t)q->jobs[i].file->size;
    report_progress(q, false);
    /* the parser's word lists load once, here, before any thread reads
       them (a missing list is reported by each parse) */
    (void)lexicon_load();
    pthread_t threads[PARSE_THREADS_MAX];
    int nthreads = 0, want = q->njobs > 1 ? parse_thread_count() : 0;
    if ((size_t)want > q->njobs)
        want = (int)q->njobs;
    while (nthreads < want &&
           pthread_create(&threads[nthreads], NULL, parse_thread, q) == 0)
        nthreads++;
    q->inline_parse = nthreads == 0;
    int64_t cpu = thread_cpu_ns();
    int rc = store_jobs(d, q, rep, msgs, err);
    rep->store_cpu_ns = thread_cpu_ns() - cpu;
    for (int t = 0; t < nthreads; t++)
        pthread_join(threads[t], NULL);
    rep->parse_cpu_ns = q->parse_cpu_ns;
    /* Jobs prepared after the writer stopped. */
    for (size_t i = q->stored; i < q->njobs; i++)
        if (q->jobs[i].ready)
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

/* What the stored file table says of the files the walk found. */
typedef struct {
    index_job *jobs;  /* the changed files (every file when reread) */
    size_t njobs, cap;
    strlist absent;   /* stored paths the walk did not find */
    size_t nknown;    /* rows stored */
    int files;        /* files the walk found */
    int unchanged;    /* of them, with the size and mtime of their row */
} stored_diff;

/* Let go of what a comparison found. */
static void stored_diff_free(stored_diff *sd)
{
    for (size_t i = 0; i < sd->njobs; i++)
        free(sd->jobs[i].name);
    free(sd->jobs);
    strlist_free(&sd->absent);
    memset(sd, 0, sizeof *sd);
}

/* Make file f a job, with what its row said (known, or NULL: none). */
static void add_job(stored_diff *sd, const walk_file *f,
                    const db_source_state *known, bool reread)
{
    sd->jobs = grow_array(sd->jobs, &sd->cap, sd->njobs + 1, sizeof *sd->jobs);
    sd->jobs[sd->njobs++] = (index_job){
        .file = f, .path = f->path, .name = issue_name(f->path),
        .old = known ? *known : (db_source_state){0}, .reread = reread};
}

/* The index of the file with path among files[0..n) (sorted by path),
   or -1: a binary search, for a row met out of path order. */
static ssize_t find_file(const walk_file *files, size_t n, const char *path)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(files[mid].path, path);
        if (c == 0)
            return (ssize_t)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* The file of the walk with a stored row's path, or -1.  The rows come
   mostly in path order (an index stores its files so; an edited file's
   row moves to the end of the table), and so do the files: *next, the
   first file after those the rows have passed, walks forward with them,
   one strcmp a row and memory read in order.  A row out of order, being
   before files[*next], is looked for among the files before it. */
static ssize_t match_row(const walk_result *walk, size_t *next,
                         const char *path)
{
    const walk_file *files = walk->files;
    size_t j = *next;
    int c = -1;
    while (j < walk->nfiles && (c = strcmp(files[j].path, path)) < 0)
        j++;
    *next = j;
    if (j < walk->nfiles && c == 0) {
        (*next)++;
        return (ssize_t)j;
    }
    return find_file(files, j, path);
}

/* What a stored row said of a file the walk found. */
enum { FILE_NOT_STORED, FILE_UNCHANGED, FILE_CHANGED };

/* A changed file's row, met in table order. */
typedef struct {
    size_t file; /* its index in the walk */
    db_source_state st;
} changed_row;

static int compare_changed_rows(const void *a, const void *b)
{
    size_t x = ((const changed_row *)a)->file, y = ((const changed_row *)b)->file;
    return x < y ? -1 : x > y;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Compare the files the walk found with the stored rows: the table is
   read once as it lies (an edited file's row moves to its end, so path
   order cannot be counted on), each row matched with its file
   (match_row); nothing of an unchanged file is copied.  The jobs come in path
   order, every file a job when reread.  0, or -1 when the database
   failed. */
static int diff_with_stored(db *d, const walk_result *walk, bool reread,
                            stored_diff *sd)
{
    db_source_scan *s = db_source_scan_start(d);
    if (!s)
        return -1;
    size_t next = 0;
    unsigned char *state = xcalloc(walk->nfiles + 1, 1); /* FILE_* */
    changed_row *changed = NULL;
    size_t nchanged = 0, cap = 0;
    db_source_row row;
    int rc;
    while ((rc = db_source_scan_next(s, &row)) == 1) {
        sd->nknown++;
        ssize_t i = match_row(walk, &next, row.path);
        if (i < 0) {
            strlist_push(&sd->absent, row.path);
        } else if (!reread && row.st.size == walk->files[i].size &&
                   row.st.mtime_ns == walk->files[i].mtime_ns) {
            state[i] = FILE_UNCHANGED;
        } else {
            state[i] = FILE_CHANGED;
            changed = grow_array(changed, &cap, nchanged + 1, sizeof *changed);
            changed[nchanged++] = (changed_row){(size_t)i, row.st};
        }
    }
    db_source_scan_end(s);
    if (rc == 0) {
        if (nchanged > 1)
            qsort(changed, nchanged, sizeof *changed, compare_changed_rows);
        if (sd->absent.n > 1)
            qsort(sd->absent.v, sd->absent.n, sizeof *sd->absent.v,
                  compare_strings);
        size_t c = 0;
        for (size_t i = 0; i < walk->nfiles; i++) {
            sd->files++;
            if (state[i] == FILE_UNCHANGED)
                sd->unchanged++;
            else
                add_job(sd, &walk->files[i],
                        state[i] == FILE_CHANGED ? &changed[c++].st : NULL,
                        reread);
        }
    }
    free(state);
    free(changed);
    return rc;
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
                       const strlist *absent, bool prune, index_report *rep,
                       FILE *msgs, strbuf *err)
{
    bool forget = !walk->root_failed || prune;
    strlist gone = {0};
    /* What lies under an entry that could not be read is kept: it may
       well still be there. */
    for (size_t i = 0; forget && i < absent->n; i++)
        if (!under_unreadable(&walk->unreadable, absent->v[i]))
            strlist_push(&gone, absent->v[i]);
    corpus_roots_keep(roots, walk, absent, prune, msgs != NULL, &gone, rep);
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

char *corpus_parse_rules(void)
{
    char fp[17];
    strbuf sb = {0};
    sb_printf(&sb, "%s lexicon:%s", DUBAO_VERSION,
              lexicon_fingerprint(fp) ? fp : "unreadable");
    return sb_take(&sb);
}

/* Were the pages the database holds (if any) parsed with other rules
   than these (another version, other word lists)?  Then every page must
   be parsed again. */
static bool rules_changed(db *d, const char *rules)
{
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
    /* Without its word lists the parser finds no speaker or quote: pages
       stored so would lose theirs, and a changed fingerprint would have
       every page read again so.  Nothing is stored then. */
    if (!lexicon_load()) {
        char *dir = dubao_asset_path("lexicon");
        sb_printf(err, "the word lists cannot be read from %s (DUBAO_ASSETS "
                       "names the assets directory): nothing was indexed and "
                       "the database is as it was; -n reads it without "
                       "looking for changes", dir);
        free(dir);
        return -1;
    }
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
    char *rules = corpus_parse_rules();
    bool rules_differ = rules_changed(d, rules);
    stored_diff sd = {0};
    if (diff_with_stored(d, &walk, rules_differ, &sd) != 0) {
        sb_printf(err, "database: %s", db_errmsg(d));
        rc = -1;
    } else if (corpus_roots_check(d, &sd.absent, &roots, prune, err)) {
        rc = -2;
    }
    /* A new database holds no page parsed with other rules. */
    bool reread = rc == 0 && rules_differ && sd.nknown > 0;
    if (reread && msgs)
        fprintf(msgs, "dubao: this dubao or its word lists differ from "
                      "those the database was made with: every page is "
                      "read again\n");
    /* A new database: what it will hold is parsed with these rules, and a
       run stopped half way resumes. */
    if (rc == 0 && sd.nknown == 0 && db_set_parsed_with(d, rules) != 0) {
        sb_printf(err, "database: %s", db_errmsg(d));
        rc = -1;
    }
    if (rc == 0) {
        rep->files = sd.files;
        rep->unchanged = sd.unchanged;
        q.jobs = sd.jobs;
        q.njobs = sd.njobs;
        q.max_bytes = max_file_bytes;
        rc = index_jobs(d, &q, rep, msgs, err);
    }
    if (rc == 0 && !rep->stopped)
        rc = remove_gone(d, &roots, &walk, &sd.absent, prune, rep, msgs, err);
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
    /* Nothing was left unread or kept: a watcher's generation may stand
       for this state (refresh.h). */
    rep->complete = rc == 0 && !rep->stopped && walk.errors.n == 0 &&
                    !walk.root_failed && rep->notices.n == 0 &&
                    rep->kept == 0;
    /* What indexing freed goes back (a stopped index too: what it
       committed stays). */
    if (rc == 0 && rep->parsed + rep->removed > 0 &&
        db_release_free_pages(d) != 0) {
        sb_printf(err, "database: %s", db_errmsg(d));
        rc = -1;
    }
    stored_diff_free(&sd);
    walk_result_free(&walk);
    strlist_free(&roots);
    return rc;
}
