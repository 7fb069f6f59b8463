/* db.h - the SQLite database: schema, storing parsed issues, and every
 * query the command line and the interface make.  Nothing outside core/
 * sees SQL; callers get plain structs.
 *
 * The schema is documented in man/dubao.1 (section DATABASE).
 */
#ifndef DUBAO_DB_H
#define DUBAO_DB_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "model.h"
#include "strbuf.h"

typedef struct db db;

/* Open (creating if needed) the database at path, check it, and bring its
   schema to the current version.  A database this process may not write
   (a read-only file, directory or file system) is opened for reading, as
   readonly asks.  On failure returns NULL and puts a complete sentence in
   err. */
db *db_open(const char *path, bool readonly, strbuf *err);
void db_close(db *d);
/* Whether d was opened for reading only. */
bool db_is_readonly(db *d);

/* Open the database at path like db_open, but when the file is a dubao
   database that SQLite finds damaged, rebuild it (db_rebuild) and say so
   in notice.  A file that is not a dubao database is never touched. */
db *db_open_or_repair(const char *path, strbuf *err, strbuf *notice);

/* Check the database file with PRAGMA quick_check.  Returns 1 when it is
   sound, 0 when it is damaged (report says how), -1 when it cannot be
   checked (locked, no permission). */
int db_quick_check(db *d, strbuf *report);

/* db_quick_check, then the speakers' quote counts, then FTS5's
   integrity-check of both full-text indexes against their tables (reads everything: for `dubao check`, not for
   every start).  Same results. */
int db_full_check(db *d, strbuf *report);

/* Rebuild a damaged database at path: under the file's exclusive lock
   (refused, with a message, while another process has it open) the
   user's marks and state are copied out (as far as they can be read), the
   damaged file and its WAL are kept together beside it as
   PATH.damaged-TIME, and a fresh database with the user data takes its
   place (re-filled from the corpus by the next index).  Call it only on
   a positive finding of damage (db_quick_check or db_full_check returned
   0), never because a check could not run.  Returns the new connection,
   or NULL with a message. */
db *db_rebuild(const char *path, strbuf *msg);

/* What is stored about a corpus file, to decide whether to re-parse it. */
typedef struct {
    bool known;
    int64_t size;
    int64_t mtime_ns;
    char hash[17];  /* 16 hex digits */
} db_source_state;

/* The stored sources one row at a time, in the order the table lies,
   without copying them: a refresh of a large corpus compares every
   file's stat with its row, and tens of thousands of rows copied into
   memory (or read in path order through the path index) cost more than
   reading the table once.  NULL when the database failed. */
typedef struct db_source_scan db_source_scan;
typedef struct {
    const char *path; /* valid until the next call */
    db_source_state st;
} db_source_row;
db_source_scan *db_source_scan_start(db *d);
/* The next row into *row: 1, 0 at the end, -1 when the database failed. */
int db_source_scan_next(db_source_scan *s, db_source_row *row);
void db_source_scan_end(db_source_scan *s);
/* Record a file's new stat without re-parsing (content hash unchanged). */
int db_source_touch(db *d, const char *path, int64_t size, int64_t mtime_ns);

/* A batch: one write transaction for many files.  db_store_issue inside a
   batch writes the rows only; db_batch_commit adds the batch's text to the
   full-text indexes (one FTS5 segment for the whole batch) and commits.
   After a failed db_store_issue, call db_batch_rollback. */
int db_batch_begin(db *d, strbuf *err);
int db_batch_commit(db *d, strbuf *err);
void db_batch_rollback(db *d);

/* What became of a corpus file when it was last indexed (the status
   column of sources). */
typedef enum {
    SOURCE_OK = 0,   /* parsed and stored */
    SOURCE_SKIPPED,  /* not an issue (empty, binary): the message says why */
    SOURCE_FAILED    /* unreadable or undecodable: the message says why */
} source_status;

/* The name of a status as the database stores it: "ok", "skipped" or
   "failed". */
const char *source_status_name(source_status s);

/* Replace everything stored for path with the parsed issue, inside the
   current batch or, outside one, in a transaction of its own.  message
   explains a skip or failure (may be NULL); is may be NULL unless status
   is SOURCE_OK. */
int db_store_issue(db *d, const char *path, int64_t size, int64_t mtime_ns,
                   const char *hash, source_status status,
                   const char *message, const issue *is, strbuf *err);

/* Remove the sources at the paths in gone, and speakers no longer
   mentioned, in one transaction.  When gone is empty and changed is false
   (nothing was re-stored), writes nothing.  Returns the number removed,
   or -1. */
int db_remove_sources(db *d, const strlist *gone, bool changed);

/* Give the pages that indexing left free back to the file system (the
   full-text index's merges free a few percent of the file), in one
   transaction; 0, or -1 on a database error. */
int db_release_free_pages(db *d);

/* Whether the database holds no corpus file yet (or cannot tell).  The
   paths kept through an upgrade or a rebuild, to be indexed again, do not
   count. */
bool db_is_empty(db *d);

/* The corpus roots the database was last indexed from (absolute paths),
   appended to roots.  Returns 1 when it knows them, 0 when it knows none
   (a new database, or one from before dubao remembered them: its stored
   paths then say what it holds), -1 when they were lost (rebuilt from a
   damaged file without them), -2 on a database error. */
int db_corpus_roots(db *d, strlist *roots);
/* Remember roots as the database's corpus (a write only when they
   differ from those it has).  0, or -1 on a database error. */
int db_set_corpus_roots(db *d, const strlist *roots);

/* What the pages in the database were parsed with (the program's version
   and a fingerprint of its word lists), as db_set_parsed_with stored it:
   heap string, NULL when nothing is stored (a new database, or one from
   before dubao kept it). */
char *db_parsed_with(db *d);
/* Remember what the pages were parsed with.  0, or -1 on a database
   error. */
int db_set_parsed_with(db *d, const char *rules);

/* The stamp of the last complete refresh made while a watcher ran
   (refresh.h): heap string, NULL when there is none. */
char *db_watch_stamp(db *d);
/* Keep stamp as that stamp (NULL: forget it); writes only when it
   differs from the one kept.  0, or -1 on a database error. */
int db_set_watch_stamp(db *d, const char *stamp);

/* Counts for the index report. */
typedef struct {
    int64_t sources, issues, pages, articles, paragraphs, speakers, quotes;
} db_counts;
void db_get_counts(db *d, db_counts *c);

/* ---- rows for the command line and the interface ---- */

/* Issue dates from since to until, both included, each "YYYY-MM-DD" or
   empty (open).  An issue without a date is outside a range that has a
   bound.  A zeroed date_range is every date. */
typedef struct {
    char since[11];
    char until[11];
} date_range;

/* Set r from --since and --until values (NULL: open): YYYY-MM-DD, or
   YYYY-MM and YYYY for the whole month or year (since its first day,
   until its last).  Returns false with a sentence in err for anything
   else, or when since comes after until. */
bool date_range_set(date_range *r, const char *since, const char *until,
                    strbuf *err);
/* Whether r has a bound. */
bool date_range_bounded(const date_range *r);

/* An issue: one paper on one date (or a file whose paper or date is not
   known, alone). */
typedef struct {
    int64_t id;
    char *paper;     /* NULL when unknown */
    char *date;      /* YYYY-MM-DD or NULL */
    char *file;      /* its first file by name (of files) */
    int files;       /* corpus files with articles in it */
    int pages;
    int articles;
} issue_row;

/* A page (版) of an issue. */
typedef struct {
    int64_t id;
    char *page;      /* label ("06", "A03") or NULL when not known */
    char *name;      /* 两会特刊, 要闻 … or NULL */
    strlist files;   /* the files holding its articles, by name */
    int articles;
} page_row;

typedef struct {
    int64_t id;
    int64_t issue_id;
    char *file;
    char *paper;         /* the issue's paper, date and the article's page */
    char *date;
    char *page;          /* NULL when not known */
    char *page_name;
    char *headline;
    char *byline;        /* NULL when none */
    strlist subheads;
    strlist speakers;    /* names, in order of appearance */
} article_row;

typedef struct {
    block_kind kind;     /* what stage 4 found the paragraph to be */
    char *text;
    int64_t start;       /* character offset of the paragraph in the body */
    int section;         /* index of the section it belongs to, or -1 */
} para_row;

/* A quote with what a citation needs: the issue (paper, date, edition,
   file), the article's headline, and the speaker with role, titles and
   delegation as the speaker list has them. */
typedef struct {
    int64_t id;
    int64_t article_id;
    char *file;
    char *article;       /* headline */
    char *speaker;       /* NULL when unattributed */
    char *role;
    char *titles;
    char *kind;
    char *text;
    int64_t start;
    int64_t end;
    bool marked;         /* the user marked it (survives re-indexing) */
    char *paper;         /* NULL when unknown, like the three below */
    char *date;          /* YYYY-MM-DD */
    char *edition;
    char *delegation;
} quote_row;

typedef struct {
    int64_t id;
    char *name;
    char *role;
    char *titles;
    char *delegation;
    bool is_delegate;
    int quotes;
} speaker_row;

/* Every list query returns a heap array of rows (free with the matching
   *_rows_free) and its length; -1 on a database error.  Issues (a paper
   on a date) come newest first (by date, then paper; those without a
   date last, by file); dates (NULL: all) keeps the issues of a range. */
ssize_t db_issues(db *d, const date_range *dates, issue_row **rows);
/* The issues in the same order, limit of them from offset on, for panes
   that page through a large archive; and how many there are. */
ssize_t db_issues_page(db *d, size_t offset, size_t limit, issue_row **rows);
int64_t db_issue_count(db *d);
/* The issue file name that an --issue value names: the name itself as
   `issues` and `articles` print it, or the path of a corpus file (absolute or relative
   to the current directory).  Returns 1 with the name in *file (heap), 0
   when no issue has it, -1 on a database error. */
int db_issue_file(db *d, const char *name_or_path, char **file);
/* The pages of an issue, in page order (pages without a label last). */
ssize_t db_issue_pages(db *d, int64_t issue_id, page_row **rows);
/* Articles of one issue (issue_id > 0) or of all issues (issue_id 0) in
   the order of the issues, then of their pages, then file and order in
   the file; file, when not NULL, selects the articles of that corpus file
   instead; dates (NULL: all) keeps the issues of a range. */
ssize_t db_articles(db *d, int64_t issue_id, const char *file,
                    const date_range *dates, article_row **rows);
ssize_t db_paragraphs(db *d, int64_t article_id, para_row **rows);
/* Where an article was printed, for a status line: its issue's paper and
   date, its page's label and name, its file; each heap or NULL. */
typedef struct {
    char *paper, *date, *page, *page_name, *file;
} article_place;
/* Fill where; false when the article is not found or on an error. */
bool db_article_place(db *d, int64_t article_id, article_place *where);
void article_place_clear(article_place *where);

/* Quotes are filtered by the class of their speaker's role (role_class,
   model.h), as stage 6 decided and the database stores it.  A short label
   for a class ("all", "人大代表", "政协委员", "local"), as --role takes it
   and the interface shows it (assets/lexicon/role_classes.txt). */
const char *role_class_label(role_class c);
/* Parse a --role value: a class's label, name or other name ("local",
   "地方", "npc" …), or anything else as an exact role (ROLE_ANY). */
role_class role_class_from_name(const char *name);
/* Whether a --role value names a class or a role that some speaker has
   (1), none (0), or -1 on a database error; the roles speakers have, in
   order, go to known (when not NULL) for the message. */
int db_role_known(db *d, const char *name, strlist *known);

typedef struct {
    const char *speaker;  /* name, part of a name, or pinyin; NULL = all */
    const char *role;     /* exact role; NULL = all */
    const char *file;     /* issue file name; NULL = all */
    int64_t article_id;   /* 0 = all */
    int64_t speaker_id;   /* 0 = all; -1 = none (an empty list) */
    role_class roles;     /* ROLE_ANY = all */
    const char *about;    /* words the quote contains, as search takes
                             them; NULL = all */
    int64_t about_from;   /* with about: only quotes of the articles from
                             this id on, the newest that a capped count
                             looked at (0: all) */
    const date_range *dates;  /* issue dates; NULL = all */
    bool marked;          /* only the quotes the user marked */
} quote_filter;
ssize_t db_quotes(db *d, const quote_filter *f, quote_row **rows);
/* The length of the same list (f->speaker, the name query, is not used;
   marked_only: how many of them the user marked). */
int64_t db_quote_count(db *d, const quote_filter *f, bool marked_only);

/* The quotes of a list (f->speaker not used) by document (what one corpus
   file holds for one page), in list order: the list is sorted by file,
   document, article, position, so each document's quotes are one stretch
   of it.  A pane over every quote of a large archive finds the row at any
   position through them (db_quotes_from) instead of counting rows up to
   it. */
typedef struct {
    int64_t document_id;
    char *file;
    int64_t first;   /* position of the document's first quote in the list */
    int64_t count;   /* its quotes in the list (at least 1) */
} quote_group;
/* The groups of the list in order; their counts add up to the list's
   length.  -1 on a database error. */
ssize_t db_quote_groups(db *d, const quote_filter *f, quote_group **groups);
void quote_groups_free(quote_group *groups, ssize_t n);
/* limit quotes of the list, starting skip rows into the stretch of group
   g (the rows after it follow on into the next documents; g NULL: skip
   rows into the list). */
ssize_t db_quotes_from(db *d, const quote_filter *f, const quote_group *g,
                       size_t skip, size_t limit, quote_row **rows);
/* A quote of the list of every quote, by its document (as in a
   quote_group) and its index in that document's stretch of the list. */
typedef struct {
    int64_t document_id;
    char *file;
    int64_t index;
} quote_hit;
/* The quotes of the list of every quote (no filter) whose label, as the
   quotes pane draws it (the speaker's name, or — when unattributed, then
   ： and the words), holds needle, in list order: at most max of them,
   and max + 1 when there are more.  Found through the full-text index
   and the speakers' names, never a pass over every quote; for a needle
   that fts_finds_substring accepts and that holds neither ： nor — (else
   -2: walk the list instead).  -1 on a database error. */
ssize_t db_quote_label_hits(db *d, const char *needle, size_t max,
                            quote_hit **hits);
void quote_hits_free(quote_hit *hits, ssize_t n);
/* Walk the list from skip rows into group g (a row of the stretch of g
   counted from its end when backward), forward or backward, calling
   each(speaker, text, ctx) for each row (speaker NULL when unattributed)
   until it returns non-zero or max rows were seen.  Returns the number of
   rows seen (the last one is the row that stopped the walk), or -1 on a
   database error.  For finding text in a long list without reading whole
   rows. */
int64_t db_quotes_scan(db *d, const quote_filter *f, const quote_group *g,
                       size_t skip, bool backward, int64_t max,
                       int (*each)(const char *speaker, const char *text,
                                   void *ctx),
                       void *ctx);
/* Every quote of the list in order (f->speaker not used), one at a time:
   each(row, ctx) owns the row's strings (quote_row_clear frees them) and
   returns 0 to go on.  Memory stays
   flat whatever the archive.  Returns 0, or -1 on a database error or
   when each stopped. */
int db_quotes_each(db *d, const quote_filter *f,
                   int (*each)(quote_row *, void *), void *ctx);

/* Mark or unmark a quote (user data, kept across re-indexing: it is
   keyed by file, headline and words, not by ids).  Returns the new state
   (1 marked, 0 not), or -1 on error. */
int db_mark_toggle(db *d, const quote_row *q);
/* How many speakers' names match query as quotes --speaker takes it (a
   name, part of it, or pinyin); -1 on a database error. */
int64_t db_speakers_named(db *d, const char *query);
/* Speakers by number of quotes (most first), then name; query (NULL or
   empty: all) as quotes --speaker takes it, and also (two characters or
   more) part of the titles or delegation: 小米, 北京市代表团. */
ssize_t db_speakers(db *d, const char *query, speaker_row **rows);
/* The whole list, limit rows from offset on; and its length. */
ssize_t db_speakers_page(db *d, size_t offset, size_t limit,
                         speaker_row **rows);
int64_t db_speaker_count(db *d);

/* One full-text search result: an article (headline or text matched) or
   a quote, with a snippet around the match and where the matches are in
   the snippet (byte ranges), so that an interface can highlight them. */
enum { SEARCH_MAX_MATCHES = 16 };
typedef struct {
    bool is_quote;
    int64_t article_id;
    int64_t quote_id;      /* 0 for an article */
    int64_t quote_start;   /* quotes: characters into the article body */
    int64_t quote_end;
    char *file;
    char *article;         /* headline */
    char *speaker;         /* quotes only, may be NULL */
    char *snippet;
    double rank;           /* dubao_rank: higher is better */
    size_t matches[SEARCH_MAX_MATCHES][2];
    size_t nmatches;
} search_row;

/* A search ranks at most this many articles, and as many quotes: a
   common word stays fast in any archive. */
enum { SEARCH_RANK_CANDIDATES = 500 };

/* How many results a search found: total, or at least total when more
   is set (counting stops at caps that keep a common word fast). */
typedef struct {
    int64_t total;
    bool more;
    int64_t first_id;  /* when more: the rows counted are those of the
                          articles from this id on (the newest) */
} search_count;

/* Ranked full-text search of headlines, article text and quotes for
   whatever the user typed (any substring of one or more characters is
   found; FTS syntax in query is plain text), in issues of dates (NULL:
   all).  At most limit rows (50 when limit <= 0); count (when not NULL)
   gets how many there are in all. */
ssize_t db_search(db *d, const char *query, const date_range *dates,
                  int limit, search_row **rows, search_count *count);
/* The speakers of the quotes that contain query (as db_search finds
   them), in issues of dates (NULL: all), with the number of those quotes
   in their quotes field, most first.  Counted in the quotes of the
   newest matching articles up to a cap: count gets how many quotes were
   counted, and more and first_id when the cap cut the count short (a
   quote_filter with about_from = first_id lists the quotes counted). */
ssize_t db_speakers_about(db *d, const char *query, const date_range *dates,
                          speaker_row **rows, search_count *count);
/* Character offsets of match i of a result's snippet. */
void search_match_chars(const search_row *r, size_t i, int64_t *start,
                        int64_t *end);
/* Character offsets of the first match of query in an article's body
   (-1 when none), for showing a search result in the reader. */
int64_t db_first_match(db *d, int64_t article_id, const char *query,
                       int64_t *end);
void search_rows_free(search_row *rows, ssize_t n);

void issue_rows_free(issue_row *rows, ssize_t n);
void page_rows_free(page_row *rows, ssize_t n);
void article_rows_free(article_row *rows, ssize_t n);
void para_rows_free(para_row *rows, ssize_t n);
void quote_rows_free(quote_row *rows, ssize_t n);
/* Free the strings of one row (from db_quotes_each). */
void quote_row_clear(quote_row *r);
void speaker_rows_free(speaker_row *rows, ssize_t n);

/* The last error message of the connection (for messages to the user),
   with the system's reason when a read or write failed (a full disk, the
   file size limit, a read-only file system). */
const char *db_errmsg(db *d);


#endif
