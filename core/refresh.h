/* refresh.h - bring the database up to date with the corpus, without
 * looking at every file when a watcher (watcher.h) says nothing changed.
 *
 * A refresh that ran to the end with every root and entry read
 * (index_report.complete) while a watcher of the same roots was alive
 * leaves a stamp in the database: the watcher's generation, read before
 * the walk began, with the roots, the size limit and the parse rules.
 * The next refresh reads the generation first; when the stamp it makes
 * is the one kept, no event came since that walk began, and nothing
 * else that decides what the walk finds or how it is parsed differs:
 * the walk would find nothing to do and is skipped.  Otherwise the
 * refresh runs as corpus_index does, and keeps its stamp (or none, with
 * no watcher alive) once it completes.  --prune always walks.
 */
#ifndef DUBAO_REFRESH_H
#define DUBAO_REFRESH_H

#include "corpus.h"

typedef struct {
    const char *db_path;  /* the watch file lies beside the database */
    const strlist *roots; /* as corpus_index takes them */
    bool prune;
    bool walk_always;     /* walk even when the watcher says nothing
                             changed (the index command reports counts) */
    uint64_t max_file_bytes;
    FILE *msgs;
    index_progress_fn progress;
    void *progress_ctx;
} refresh_request;

/* Refresh d as rq says (corpus_index; its arguments are rq's), or skip
   the walk (every count 0, rep->complete) when the watcher's
   generation says nothing changed since the last complete refresh.  why
   (may be NULL) gets a sentence on the choice.  Returns as corpus_index
   does. */
int corpus_refresh(db *d, const refresh_request *rq, index_report *rep,
                   strbuf *why, strbuf *err);

#endif
