/* corpus_roots.h - which corpus a database belongs to, and what indexing
 * may remove from it.
 *
 * A database remembers the roots it was indexed from.  Without --corpus
 * it is refreshed from those (the shipped corpus only for a database
 * that remembers none).  Pointed at roots under which its files do not
 * lie, it refuses and changes nothing; a root that is missing, is not a
 * file or directory, or holds no file now (an unmounted disk) keeps the
 * files stored from it.  prune (--prune) lifts both: the files not found
 * under the roots given are removed.  Every refusal and every file kept
 * is said in a sentence.
 */
#ifndef DUBAO_CORPUS_ROOTS_H
#define DUBAO_CORPUS_ROOTS_H

#include "corpus.h"
#include "walk.h"

/* The roots to index into roots, absolute (real paths when they exist):
   given when not empty, else those d remembers, else the shipped corpus.
   With a sentence in err: -2 when d lost them and none were given, -1
   when the database failed. */
int corpus_roots_choose(db *d, const strlist *given, strlist *roots,
                        strbuf *err);

/* -1 with a sentence in err when, without prune, any of the stored
   sources of d lies under none of roots: the database was built from
   another corpus.  absent: the stored paths the walk did not find (a
   stored path outside every root is always among them, since the walk
   finds only paths under the roots). */
int corpus_roots_check(db *d, const strlist *absent, const strlist *roots,
                       bool prune, strbuf *err);

/* Look at what each root gave in walk: a root that holds no file gets a
   notice in rep, and so does one that is missing or is not a file or
   directory when the database holds files from it or when the walk's own
   message about it is not shown (said false); unless prune, the stored
   files under such a root are kept: they are taken out of gone and
   counted in rep->kept.  absent: the stored paths the walk did not find
   (all of those under a root that gave no file). */
void corpus_roots_keep(const strlist *roots, const walk_result *walk,
                       const strlist *absent, bool prune, bool said,
                       strlist *gone, index_report *rep);

#endif
