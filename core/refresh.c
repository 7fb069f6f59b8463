/* refresh.c - a refresh that a watcher may spare (see refresh.h). */
#include "refresh.h"

#include <stdlib.h>
#include <string.h>

#include "corpus_roots.h"
#include "source.h"
#include "watch_file.h"

/* Set why (when not NULL) to text. */
static void say(strbuf *why, const char *text)
{
    if (why) {
        sb_clear(why);
        sb_puts(why, text);
    }
}

/* The stamp a complete refresh would leave now: the live watcher's
   generation (read before any walk), the roots it watches, the size
   limit and the parse rules (heap).  NULL when no watcher of these
   roots is alive and caught up (why says which). */
static char *current_stamp(db *d, const refresh_request *rq, strbuf *why)
{
    strlist roots = {0};
    strbuf refused = {0};
    uint64_t generation = 0;
    char *stamp = NULL;
    if (corpus_roots_choose(d, rq->roots, &roots, &refused) != 0) {
        say(why, "the corpus roots are not known yet");
    } else if (watch_generation(rq->db_path, watch_roots_fingerprint(&roots),
                                &generation, why) == WATCH_LIVE) {
        char *rules = corpus_parse_rules();
        strbuf sb = {0};
        sb_printf(&sb, "generation %llu roots %016llx max %llu rules %s",
                  (unsigned long long)generation,
                  (unsigned long long)watch_roots_fingerprint(&roots),
                  (unsigned long long)(rq->max_file_bytes
                                           ? rq->max_file_bytes
                                           : SOURCE_DEFAULT_MAX_BYTES),
                  rules);
        free(rules);
        stamp = sb_take(&sb);
    }
    sb_free(&refused);
    strlist_free(&roots);
    return stamp;
}

/* Does d keep stamp: did a complete refresh begin at this generation,
   with these roots, limit and rules? */
static bool stamp_kept(db *d, const char *stamp)
{
    char *kept = db_watch_stamp(d);
    bool same = kept && strcmp(kept, stamp) == 0;
    free(kept);
    return same;
}

int corpus_refresh(db *d, const refresh_request *rq, index_report *rep,
                   strbuf *why, strbuf *err)
{
    char *stamp = current_stamp(d, rq, why);
    if (stamp && (rq->prune || rq->walk_always)) {
        say(why, "every file is checked (index, or --prune)");
    } else if (stamp && stamp_kept(d, stamp)) {
        memset(rep, 0, sizeof *rep);
        rep->complete = true;
        say(why, "corpus unchanged since the watcher's last report: no "
                 "file checked");
        free(stamp);
        return 0;
    } else if (stamp) {
        say(why, "the watcher saw changes since the last complete check, "
                 "or none was made while it ran");
    }
    int rc = corpus_index(d, rq->roots, rq->prune, rq->max_file_bytes, rep,
                          rq->msgs, rq->progress, rq->progress_ctx, err);
    /* Kept only after a complete refresh, else forgotten; a stamp that
       cannot be written costs the next lookup a walk, nothing more.
       After a failure the database is left alone: a stamp kept from
       before matches no generation the watcher gives after a change. */
    if (rc == 0)
        (void)db_set_watch_stamp(d, rep->complete ? stamp : NULL);
    free(stamp);
    return rc;
}
