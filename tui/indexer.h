/* indexer.h - the corpus refresh that runs beside the browser: a thread
 * with its own connection to the database brings it up to date with the
 * corpus (corpus_index), while the browser draws at once and shows what
 * each committed batch adds.  Only core is used here: no curses. */
#ifndef DUBAO_INDEXER_H
#define DUBAO_INDEXER_H

#include <stdbool.h>

#include "cli.h"
#include "corpus.h"

typedef struct indexer indexer;

/* Start refreshing the database o->db_path from o's corpus.  NULL when
   the thread cannot be started (with a sentence in err). */
indexer *indexer_start(const dubao_options *o, strbuf *err);

/* How far the refresh is, in *p; true once it is over (indexer_finish
   then returns at once). */
bool indexer_poll(indexer *r, index_progress *p);

/* Wait for the refresh to end, asking it to stop after the file it is
   storing when stop is true (what it stored is committed); then its
   report (free it with index_report_free) and its result as
   corpus_index gives it, with the error in err.  Frees r. */
int indexer_finish(indexer *r, bool stop, index_report *rep, strbuf *err);

#endif
