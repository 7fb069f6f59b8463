/* cli.h - the non-interactive commands (index, issues, articles, quotes,
 * speakers) and the options shared with the browser. */
#ifndef DUBAO_CLI_H
#define DUBAO_CLI_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "strbuf.h"

/* Exit codes, as documented in the man page. */
enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_USAGE = 2 };

typedef struct {
    char *db_path;     /* --db, or the XDG default */
    strlist corpus;    /* --corpus paths; none: the database's own roots,
                          else the shipped corpus (corpus_roots.h) */
    bool prune;        /* --prune: remove what the roots no longer hold */
    const char *script; /* --script FILE for the browser, or NULL */
    bool quiet;        /* --quiet: no per-file messages while indexing */
    bool no_refresh;   /* --no-refresh: use the database as it is */
    bool check_config; /* --check-config: report the config's problems */
    uint64_t max_file_bytes; /* --max-file-size or DUBAO_MAX_FILE_SIZE; 0:
                                the default (SOURCE_DEFAULT_MAX_BYTES) */
} dubao_options;

/* Open the database (creating its directory; a damaged one is rebuilt,
   a read-only one opened for reading).  Prints a clear message and
   returns NULL on failure. */
db *open_database(const dubao_options *o);

/* Open the database and bring it up to date with the corpus (unless
   --no-refresh and the database already holds a corpus).  Prints a clear
   message and returns NULL on failure; with verbose_report prints the
   counts (the index command, which always refreshes).  *indexed (when
   not NULL) says whether the corpus was just indexed. */
db *open_and_index(const dubao_options *o, bool verbose_report,
                   bool *indexed);

/* Run a command (argv[0] is its name).  Returns an exit code. */
int cli_run(const dubao_options *o, int argc, char **argv);

/* The watch command (watch_cmd.c): argv[0] is "watch".  Returns an exit
   code. */
int cli_watch(const dubao_options *o, int argc, char **argv);

/* Is name one of the commands? */
bool cli_is_command(const char *name);

#endif
