/* indexer.c - the corpus refresh beside the browser (see indexer.h). */
#include "indexer.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "refresh.h"

struct indexer {
    pthread_t thread;
    pthread_mutex_t lock;
    const dubao_options *o;
    /* Under lock: */
    index_progress progress;
    bool stop;      /* asked to stop after the file it is storing */
    bool done;
    /* Written by the thread, read after it ends: */
    int rc;
    index_report rep;
    strbuf err;
};

/* index_progress_fn: keep the progress for indexer_poll; go on unless
   asked to stop. */
static bool note_progress(const index_progress *p, void *ctx)
{
    indexer *r = ctx;
    pthread_mutex_lock(&r->lock);
    r->progress = *p;
    bool go_on = !r->stop;
    pthread_mutex_unlock(&r->lock);
    return go_on;
}

/* The thread: its own connection (SQLite connections are not shared
   between threads here), the index, and the result. */
static void *indexer_main(void *arg)
{
    indexer *r = arg;
    db *d = db_open(r->o->db_path, false, &r->err);
    memset(&r->rep, 0, sizeof r->rep);
    refresh_request rq = {.db_path = r->o->db_path, .roots = &r->o->corpus,
                          .prune = r->o->prune,
                          .max_file_bytes = r->o->max_file_bytes,
                          .progress = note_progress, .progress_ctx = r};
    r->rc = d ? corpus_refresh(d, &rq, &r->rep, NULL, &r->err) : -1;
    db_close(d);
    pthread_mutex_lock(&r->lock);
    r->done = true;
    pthread_mutex_unlock(&r->lock);
    return NULL;
}

indexer *indexer_start(const dubao_options *o, strbuf *err)
{
    indexer *r = xcalloc(1, sizeof *r);
    r->o = o;
    pthread_mutex_init(&r->lock, NULL);
    if (pthread_create(&r->thread, NULL, indexer_main, r) != 0) {
        sb_puts(err, "cannot start the corpus refresh");
        pthread_mutex_destroy(&r->lock);
        free(r);
        return NULL;
    }
    return r;
}

bool indexer_poll(indexer *r, index_progress *p)
{
    pthread_mutex_lock(&r->lock);
    *p = r->progress;
    bool done = r->done;
    pthread_mutex_unlock(&r->lock);
    return done;
}

int indexer_finish(indexer *r, bool stop, index_report *rep, strbuf *err)
{
    pthread_mutex_lock(&r->lock);
    r->stop = r->stop || stop;
    pthread_mutex_unlock(&r->lock);
    pthread_join(r->thread, NULL);
    pthread_mutex_destroy(&r->lock);
    int rc = r->rc;
    *rep = r->rep;
    if (r->err.len)
        sb_append(err, r->err.s, r->err.len);
    sb_free(&r->err);
    free(r);
    return rc;
}
