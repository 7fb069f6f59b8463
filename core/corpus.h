/* corpus.h - find the files of a corpus and keep the database in step with
 * them: a file is re-parsed only when its size, mtime or content hash
 * changed; removed files disappear; changed files are stored in batches of
 * about 8 MB, one transaction each. */
#ifndef DUBAO_CORPUS_H
#define DUBAO_CORPUS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "db.h"
#include "strbuf.h"

typedef struct {
    int files;      /* files seen */
    int parsed;     /* (re-)parsed and stored */
    int unchanged;  /* skipped: same size and mtime, or same content */
    int skipped;    /* empty or binary, or grew past the size limit */
    int failed;     /* unreadable or undecodable */
    int removed;    /* gone from the corpus, removed from the database */
    int missing;    /* corpus paths that could not be read */
    int not_read;   /* entries passed over: links leading out of the
                       corpus, FIFOs and devices, too deep, too large */
    int kept;       /* not found, but kept: their root is missing or empty */
    strlist notices; /* about the roots, for the user even when per-file
                        messages are not wanted (corpus_roots.c) */
    bool stopped;   /* the progress callback stopped it: what was stored
                       is committed, the rest waits for the next run */
    bool complete;  /* it ran to the end, and every root and entry could
                       be read: nothing kept or left for later */
    int64_t parse_cpu_ns; /* CPU time of reading and parsing the files */
    int64_t store_cpu_ns; /* CPU time of storing them (the database's
                             thread, parsing included when it had no
                             parse thread) */
} index_report;

/* How far an index is, for a progress line: the changed files (those to
   read and store) stored so far, and their bytes, of all of them. */
typedef struct {
    int64_t files_done, files_total;
    uint64_t bytes_done, bytes_total;
    double seconds;     /* since the walk of the corpus began */
    int64_t commits;    /* batches committed so far: readers see more */
} index_progress;

/* Called after each file is stored and after each batch is committed
   (never more than that); returns false to stop the index there (what
   is stored so far is committed).  NULL: no calls. */
typedef bool (*index_progress_fn)(const index_progress *p, void *ctx);

/* Bring the database up to date with the corpus roots: the regular files
   under each, found as walk.h says (links only inside the corpus, hidden
   entries skipped).  No roots: those the database remembers, else the
   shipped corpus (corpus_roots.h says what is refused and kept, and what
   prune changes).  Per-file messages (warnings, skips, failures) go to
   msgs (may be NULL), prefixed with the file name.  Files that are gone
   are removed from the database, except when a root could not be read
   (unless prune), and except those under an entry that could not be read.
   Files larger than max_file_bytes (0: SOURCE_DEFAULT_MAX_BYTES) are not
   read, and a file is read whole only if its start may be text
   (source.h).  progress (may be NULL) hears how far it is and may stop
   it (rep->stopped; the files gone are then not removed).  Returns 0, -1
   when the database itself failed, -2 when the roots were refused (a
   sentence in err either way).  Free the report
   with index_report_free. */
int corpus_index(db *d, const strlist *roots, bool prune,
                 uint64_t max_file_bytes, index_report *rep, FILE *msgs,
                 index_progress_fn progress, void *progress_ctx,
                 strbuf *err);
void index_report_free(index_report *rep);

/* What a parse depends on besides the page: the program's version and
   its word lists ("VERSION lexicon:HASH"), as the database keeps it
   (db_parsed_with); heap string. */
char *corpus_parse_rules(void);

#endif
