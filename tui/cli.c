/* cli.c - commands that print the database as text, JSON Lines or CSV. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "corpus.h"
#include "export.h"
#include "json.h"
#include "paths.h"
#include "printable.h"
#include "refresh.h"
#include "textwidth.h"

typedef struct {
    bool json;
    bool csv;
    bool bom;             /* --bom: CSV starts with a byte order mark */
    const char *issue;    /* --issue FILE (a name or a path) */
    const char *speaker;  /* --speaker Q */
    const char *role;     /* --role R */
    const char *about;    /* --about QUERY (quotes) */
    const char *since;    /* --since DATE */
    const char *until;    /* --until DATE */
    date_range dates;     /* since and until, checked */
    int limit;            /* --limit N (search) */
} command_options;

/* Print a line of output; stdout errors (a closed pipe) end quietly. */
static void emit(strbuf *line)
{
    sb_putc(line, '\n');
    fwrite(line->s, 1, line->len, stdout);
    sb_clear(line);
}

/* Append a field of text output: its printable form (printable.h), so
   that nothing in the database, whoever wrote it, reaches the terminal
   raw. */
static void put_text(strbuf *sb, const char *s)
{
    printable_text_append(sb, s, strlen(s));
}

/* Append s padded with spaces to cols display columns (text output). */
static void pad(strbuf *sb, const char *s, int cols)
{
    strbuf safe = {0};
    sb_puts(&safe, "");
    put_text(&safe, s ? s : "-");
    int used;
    size_t fit = text_fit(safe.s, safe.len, cols, &used);
    sb_append(sb, safe.s, fit);
    for (; used < cols; used++)
        sb_putc(sb, ' ');
    sb_putc(sb, ' ');
    sb_free(&safe);
}

/* Set by SIGINT while the corpus is indexed: the index stops after the
   file it is storing, with what it stored committed. */
static volatile sig_atomic_t interrupted;

static void on_interrupt(int sig)
{
    (void)sig;
    interrupted = 1;
}

/* The progress line of an index on a terminal (stderr), redrawn in place
   a few times a second. */
typedef struct {
    bool show;       /* stderr is a terminal and -q was not given */
    bool drawn;      /* a line is on the terminal */
    double drawn_at; /* index_progress.seconds when it was drawn */
    index_progress last;
} progress_line;

/* Append a duration as "42 s", "3 min 05 s" or "1 h 02 min". */
static void sb_duration(strbuf *sb, double seconds)
{
    long s = (long)(seconds + 0.5);
    if (s < 60)
        sb_printf(sb, "%ld s", s);
    else if (s < 3600)
        sb_printf(sb, "%ld min %02ld s", s / 60, s % 60);
    else
        sb_printf(sb, "%ld h %02ld min", s / 3600, s / 60 % 60);
}

/* index_progress_fn for the command line: draw the progress line (files
   and MB done of the total, MB/s, time left) at most four times a
   second; stop when the user pressed Ctrl-C. */
static bool print_progress(const index_progress *p, void *ctx)
{
    progress_line *pl = ctx;
    pl->last = *p;
    if (interrupted)
        return false;
    bool end = p->files_done == p->files_total;
    if (!pl->show || p->files_total == 0 ||
        (pl->drawn && !end && p->seconds - pl->drawn_at < 0.25))
        return true;
    pl->drawn = true;
    pl->drawn_at = p->seconds;
    double mb = (double)p->bytes_done / 1e6;
    double rate = p->seconds > 0 ? mb / p->seconds : 0;
    strbuf line = {0};
    sb_printf(&line, "\r\033[Kdubao: indexing %lld of %lld files, %.1f of "
              "%.1f MB, %.1f MB/s", (long long)p->files_done,
              (long long)p->files_total, mb, (double)p->bytes_total / 1e6,
              rate);
    if (rate > 0 && !end) {
        sb_puts(&line, ", ");
        sb_duration(&line, ((double)p->bytes_total / 1e6 - mb) / rate);
        sb_puts(&line, " left");
    }
    fputs(line.s, stderr);
    fflush(stderr);
    sb_free(&line);
    return true;
}

/* After the index: the progress line gives way to a summary of what was
   done (for the index command) or to nothing. */
static void end_progress(const progress_line *pl, bool summary)
{
    if (!pl->drawn)
        return;
    fputs("\r\033[K", stderr);
    if (summary) {
        const index_progress *p = &pl->last;
        double mb = (double)p->bytes_done / 1e6;
        strbuf line = {0};
        sb_printf(&line, "dubao: indexed %lld files, %.1f MB in ",
                  (long long)p->files_done, mb);
        sb_duration(&line, p->seconds);
        sb_printf(&line, " (%.1f MB/s)\n",
                  p->seconds > 0 ? mb / p->seconds : 0);
        fputs(line.s, stderr);
        sb_free(&line);
    }
    fflush(stderr);
}

/* For the benchmarks (DUBAO_BENCH_INDEX=FILE): append to FILE the CPU
   time of parsing and of storing of an index, in nanoseconds, so that
   each side of the index is seen on its own. */
static void bench_record_index(const index_report *rep)
{
    const char *path = getenv("DUBAO_BENCH_INDEX");
    FILE *f = path && *path ? fopen(path, "a") : NULL;
    if (f) {
        fprintf(f, "parse_cpu_ns %lld\nstore_cpu_ns %lld\n",
                (long long)rep->parse_cpu_ns, (long long)rep->store_cpu_ns);
        fclose(f);
    }
}

/* For tests and for the curious (DUBAO_DEBUG_REFRESH set): say on
   stderr whether the refresh checked every file, and why; frees why. */
static void report_refresh_choice(strbuf *why)
{
    const char *debug = getenv("DUBAO_DEBUG_REFRESH");
    if (debug && *debug && why->s)
        fprintf(stderr, "dubao: refresh: %s\n", why->s);
    sb_free(why);
}

/* Bring an open database up to date with the corpus.  Returns 0, -1
   (after a message) when the database failed, -2 when the corpus was
   refused or no corpus file exists, -3 when Ctrl-C stopped it (what was
   stored is kept). */
static int index_corpus(db *d, const dubao_options *o, bool verbose_report)
{
    strbuf err = {0};
    index_report rep;
    progress_line pl = {.show = !o->quiet && isatty(STDERR_FILENO)};
    struct sigaction sa = {.sa_handler = on_interrupt,
                           .sa_flags = SA_RESETHAND}, old_sa;
    sigemptyset(&sa.sa_mask);
    interrupted = 0;
    sigaction(SIGINT, &sa, &old_sa);
    refresh_request rq = {.db_path = o->db_path, .roots = &o->corpus,
                          .prune = o->prune, .walk_always = verbose_report,
                          .max_file_bytes = o->max_file_bytes,
                          .msgs = o->quiet ? NULL : stderr,
                          .progress = print_progress, .progress_ctx = &pl};
    strbuf why = {0};
    int rc = corpus_refresh(d, &rq, &rep, &why, &err);
    sigaction(SIGINT, &old_sa, NULL);
    report_refresh_choice(&why);
    end_progress(&pl, verbose_report && rc == 0 && !rep.stopped);
    if (rc == 0 && rep.stopped) {
        fprintf(stderr, "dubao: stopped: %lld of %lld changed files indexed "
                "and kept; run dubao index again to go on\n",
                (long long)pl.last.files_done,
                (long long)pl.last.files_total);
        index_report_free(&rep);
        sb_free(&err);
        return -3;
    }
    bench_record_index(&rep);
    bool ok = rc == 0;
    if (!ok)
        fprintf(stderr, "dubao: %s\n", err.s);
    sb_free(&err);
    /* What became of the roots is said even with --quiet. */
    for (size_t i = 0; i < rep.notices.n; i++)
        fprintf(stderr, "dubao: %s\n", rep.notices.v[i]);
    index_report_free(&rep);
    if (ok && verbose_report) {
        db_counts c;
        db_get_counts(d, &c);
        printf("files %d: parsed %d, unchanged %d, skipped %d, failed %d, "
               "removed %d, not read %d", rep.files, rep.parsed,
               rep.unchanged, rep.skipped, rep.failed, rep.removed,
               rep.not_read);
        if (rep.kept > 0)
            printf(", kept %d", rep.kept);
        putchar('\n');
        printf("database %s: %lld issues, %lld pages, %lld articles, "
               "%lld paragraphs, %lld speakers, %lld quotes\n", o->db_path,
               (long long)c.issues, (long long)c.pages, (long long)c.articles,
               (long long)c.paragraphs, (long long)c.speakers,
               (long long)c.quotes);
    }
    if (ok && rep.files == 0 && rep.missing > 0 && db_is_empty(d)) {
        fprintf(stderr, "dubao: no corpus files found (see the messages "
                "above); nothing to show.\n");
        return -2;
    }
    return rc;
}

/* After a failure: is the database file damaged (quick_check found
   damage)?  A check that could not run (a lock, an I/O error) is not a
   finding: the file is left alone. */
static bool is_damaged(db *d)
{
    strbuf report = {0};
    bool damaged = db_quick_check(d, &report) == 0;
    if (damaged)
        fprintf(stderr, "dubao: the database is damaged: %s\n",
                report.s ? report.s : "unreadable");
    sb_free(&report);
    return damaged;
}

/* Replace a damaged database by a fresh one (keeping the user's marks)
   and index the corpus into it.  NULL after a message on failure. */
static db *rebuild_and_index(const dubao_options *o, bool verbose_report)
{
    strbuf msg = {0};
    db *d = db_rebuild(o->db_path, &msg);
    fprintf(stderr, "dubao: %s\n", msg.s ? msg.s : "");
    sb_free(&msg);
    if (d && index_corpus(d, o, verbose_report) != 0) {
        db_close(d);
        d = NULL;
    }
    return d;
}

db *open_database(const dubao_options *o)
{
    if (make_parent_dirs(o->db_path) != 0) {
        fprintf(stderr, "dubao: cannot create the directory for %s: %m\n",
                o->db_path);
        return NULL;
    }
    strbuf err = {0}, notice = {0};
    db *d = db_open_or_repair(o->db_path, &err, &notice);
    if (notice.len)
        fprintf(stderr, "dubao: %s\n", notice.s);
    if (!d)
        fprintf(stderr, "dubao: %s\n", err.s);
    sb_free(&notice);
    sb_free(&err);
    return d;
}

db *open_and_index(const dubao_options *o, bool verbose_report,
                   bool *indexed)
{
    db *d = open_database(o);
    /* --no-refresh skips the stat of every corpus file, which dominates
       a lookup in a large archive; a database without any source is
       still filled first. */
    bool refresh = verbose_report || !o->no_refresh || (d && db_is_empty(d));
    if (d && refresh && db_is_readonly(d)) {
        /* A database this process may not write is read as it is. */
        refresh = false;
        fprintf(stderr, "dubao: %s is read-only here: %s\n", o->db_path,
                verbose_report ? "cannot index into it"
                               : "shown as it is, without looking for "
                                 "changes in the corpus");
        if (verbose_report) {
            db_close(d);
            d = NULL;
        }
    }
    if (indexed)
        *indexed = d && refresh;
    int rc = d && refresh ? index_corpus(d, o, verbose_report) : 0;
    if (rc != 0) {
        /* If indexing failed on a damaged file, rebuild once and index
           again; any other failure has been reported. */
        bool damaged = rc == -1 && is_damaged(d);
        db_close(d);
        d = damaged ? rebuild_and_index(o, verbose_report) : NULL;
    }
    return d;
}

/* Append an issue's pages as a JSON list, and every file of the issue
   (once each, in page order) to files. */
static void json_pages(strbuf *line, const page_row *pages, ssize_t n,
                       strlist *files)
{
    sb_puts(line, ",\"pages\":[");
    for (ssize_t p = 0; p < n; p++) {
        if (p)
            sb_putc(line, ',');
        sb_putc(line, '{');
        json_field_string(line, "page", pages[p].page, true);
        json_field_string(line, "name", pages[p].name, false);
        json_field_int(line, "articles", pages[p].articles);
        json_field_strlist(line, "files", &pages[p].files);
        sb_putc(line, '}');
        for (size_t f = 0; f < pages[p].files.n; f++) {
            size_t k = 0;
            while (k < files->n && strcmp(files->v[k], pages[p].files.v[f]))
                k++;
            if (k == files->n)
                strlist_push(files, pages[p].files.v[f]);
        }
    }
    sb_putc(line, ']');
}

/* The issues, newest first: paper, date, pages and articles; with --json
   each issue's pages with their names, article counts and files. */
static int cmd_issues(db *d, const command_options *co)
{
    issue_row *rows;
    ssize_t n = db_issues(d, &co->dates, &rows);
    if (n < 0)
        return EXIT_RUNTIME;
    strbuf line = {0};
    int rc = EXIT_OK;
    for (ssize_t i = 0; i < n && rc == EXIT_OK; i++) {
        issue_row *r = &rows[i];
        if (co->json) {
            page_row *pages;
            ssize_t np = db_issue_pages(d, r->id, &pages);
            if (np < 0) {
                rc = EXIT_RUNTIME;
                break;
            }
            strlist files = {0};
            sb_putc(&line, '{');
            json_field_string(&line, "paper", r->paper, true);
            json_field_string(&line, "date", r->date, false);
            json_field_int(&line, "articles", r->articles);
            json_pages(&line, pages, np, &files);
            json_field_string(&line, "file", r->file, false);
            json_field_strlist(&line, "files", &files);
            sb_putc(&line, '}');
            strlist_free(&files);
            page_rows_free(pages, np);
        } else {
            pad(&line, r->date, 10);
            pad(&line, r->paper, 20);
            sb_printf(&line, "%3d page%s %4d %s  ", r->pages,
                      r->pages == 1 ? " " : "s", r->articles,
                      r->articles == 1 ? "article " : "articles");
            sb_puts(&line, r->file);
            if (r->files > 1)
                sb_printf(&line, " (+%d file%s)", r->files - 1,
                          r->files == 2 ? "" : "s");
        }
        emit(&line);
    }
    sb_free(&line);
    issue_rows_free(rows, n);
    return rc;
}

/* The issue file --issue names (a name as `issues` prints it, or a
   path), in *file (heap; NULL without --issue).  Returns EXIT_OK, or
   EXIT_USAGE after a message when no issue has it. */
static int resolve_issue(db *d, const char *cmd, const char *issue,
                         char **file)
{
    *file = NULL;
    if (!issue)
        return EXIT_OK;
    int found = db_issue_file(d, issue, file);
    if (found < 0)
        return EXIT_RUNTIME;
    if (found == 0) {
        char *shown = printable(issue);
        fprintf(stderr, "dubao %s: no issue is named '%s' (dubao issues "
                "lists them; a path must be a file of the corpus)\n", cmd,
                shown);
        free(shown);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

static int cmd_articles(db *d, const command_options *co)
{
    article_row *rows;
    char *file;
    int rc = resolve_issue(d, "articles", co->issue, &file);
    if (rc != EXIT_OK)
        return rc;
    ssize_t n = db_articles(d, 0, file, &co->dates, &rows);
    free(file);
    if (n < 0)
        return EXIT_RUNTIME;
    strbuf line = {0};
    for (ssize_t i = 0; i < n; i++) {
        article_row *r = &rows[i];
        if (co->json) {
            sb_putc(&line, '{');
            json_field_string(&line, "file", r->file, true);
            json_field_string(&line, "paper", r->paper, false);
            json_field_string(&line, "date", r->date, false);
            json_field_string(&line, "page", r->page, false);
            json_field_string(&line, "page_name", r->page_name, false);
            json_field_string(&line, "headline", r->headline, false);
            json_field_strlist(&line, "subheads", &r->subheads);
            json_field_string(&line, "byline", r->byline, false);
            json_field_strlist(&line, "speakers", &r->speakers);
            sb_putc(&line, '}');
        } else {
            pad(&line, r->file, 28);
            put_text(&line, r->headline);
            if (r->byline) {
                sb_puts(&line, "  [");
                put_text(&line, r->byline);
                sb_putc(&line, ']');
            }
        }
        emit(&line);
    }
    sb_free(&line);
    article_rows_free(rows, n);
    return EXIT_OK;
}

/* Print quote rows as cmd_quotes does; head: the first part of the list
   (CSV's header line).  Returns 0, or -1 when stdout failed. */
static int print_quotes(const command_options *co, const quote_row *rows,
                        size_t n, bool head)
{
    if (co->json || co->csv) {
        /* The same writer as the browser's export, so the two agree. */
        if (head && co->csv && co->bom)
            fputs(EXPORT_BOM, stdout);
        return export_write_part(stdout, co->json ? EXPORT_JSON : EXPORT_CSV,
                                 rows, n, head);
    }
    strbuf line = {0};
    for (size_t i = 0; i < n; i++) {
        pad(&line, rows[i].speaker, 8);
        pad(&line, rows[i].kind, 8);
        put_text(&line, rows[i].text);
        emit(&line);
    }
    sb_free(&line);
    return 0;
}

/* What streaming the quotes of an archive needs (see print_quote_row). */
typedef struct {
    const command_options *co;
    bool head;  /* the next row is the first */
    int rc;     /* -1 once stdout failed */
} quote_printer;

/* Whether a command has already written rows that it streams as it reads
   them: then it cannot simply run again after a database rebuild. */
static bool streamed_output;

/* db_quotes_each callback: print one quote and free it. */
static int print_quote_row(quote_row *r, void *ctx)
{
    quote_printer *p = ctx;
    streamed_output = true;
    if (print_quotes(p->co, r, 1, p->head) != 0)
        p->rc = -1;
    p->head = false;
    quote_row_clear(r);
    return p->rc;
}

/* The --role value as a filter: a class, or an exact role that some
   speaker has.  Returns EXIT_OK, or EXIT_USAGE after a message that
   lists the roles there are. */
static int check_role(db *d, const char *role)
{
    if (!role)
        return EXIT_OK;
    strlist known = {0};
    int found = db_role_known(d, role, &known);
    if (found == 0) {
        strbuf msg = {0};
        sb_puts(&msg, "dubao quotes: no speaker has the role '");
        printable_append(&msg, role, strlen(role));
        sb_puts(&msg, "'; --role takes a class (人大代表, 政协委员, local, "
                      "all) or a role that speakers have:");
        for (size_t i = 0; i < known.n; i++) {
            sb_puts(&msg, i ? ", " : " ");
            put_text(&msg, known.v[i]);
        }
        fprintf(stderr, "%s%s\n", msg.s, known.n ? "" : " (none yet)");
        sb_free(&msg);
    }
    strlist_free(&known);
    return found < 0 ? EXIT_RUNTIME : found ? EXIT_OK : EXIT_USAGE;
}

/* After a quotes command printed nothing: say why on stderr, so that an
   empty answer is never mistaken for a silent failure. */
static void explain_no_quotes(db *d, const command_options *co)
{
    if (!co->speaker && !co->role && !co->about && !co->issue &&
        !date_range_bounded(&co->dates))
        fprintf(stderr, "dubao quotes: the database holds no quotes\n");
    else if (co->speaker && db_speakers_named(d, co->speaker) == 0) {
        char *shown = printable(co->speaker);
        fprintf(stderr, "dubao quotes: no speaker matches '%s' (dubao "
                "speakers %s looks in titles and delegations too)\n",
                shown, shown);
        free(shown);
    } else
        fprintf(stderr, "dubao quotes: no quote matches these options\n");
}

static int cmd_quotes(db *d, const command_options *co)
{
    char *file;
    int rc = check_role(d, co->role);
    if (rc == EXIT_OK)
        rc = resolve_issue(d, "quotes", co->issue, &file);
    if (rc != EXIT_OK)
        return rc;
    /* --role takes a class (人大代表, 政协委员, local) or an exact role. */
    role_class rc_class = role_class_from_name(co->role);
    bool exact = co->role && rc_class == ROLE_ANY &&
                 strcmp(co->role, "all") != 0 && strcmp(co->role, "全部") != 0;
    quote_filter f = {.speaker = co->speaker,
                      .role = exact ? co->role : NULL,
                      .file = file,
                      .roles = rc_class,
                      .about = co->about,
                      .dates = &co->dates};
    size_t printed = 0;
    if (co->speaker) {
        /* One speaker's quotes: a bounded list. */
        quote_row *rows;
        ssize_t n = db_quotes(d, &f, &rows);
        free(file);
        if (n < 0)
            return EXIT_RUNTIME;
        print_quotes(co, rows, (size_t)n, true);
        quote_rows_free(rows, n);
        printed = (size_t)n;
    } else {
        /* Every quote of an archive: row by row, never all in memory. */
        quote_printer p = {co, true, 0};
        rc = db_quotes_each(d, &f, print_quote_row, &p);
        free(file);
        if (rc != 0 && p.rc == 0)
            return EXIT_RUNTIME;
        if (p.head && co->csv)
            print_quotes(co, NULL, 0, true); /* no rows: the header alone */
        printed = !p.head;
    }
    if (printed == 0)
        explain_no_quotes(d, co);
    return EXIT_OK;
}

static int cmd_speakers(db *d, const command_options *co, const char *query)
{
    speaker_row *rows;
    ssize_t n = db_speakers(d, query, &rows);
    if (n < 0)
        return EXIT_RUNTIME;
    if (n == 0 && query && *query) {
        char *shown = printable(query);
        fprintf(stderr, "dubao speakers: no speaker matches '%s' (by name, "
                "pinyin, titles or delegation)\n", shown);
        free(shown);
    }
    strbuf line = {0};
    for (ssize_t i = 0; i < n; i++) {
        speaker_row *r = &rows[i];
        if (co->json) {
            sb_putc(&line, '{');
            json_field_string(&line, "name", r->name, true);
            json_field_string(&line, "role", r->role, false);
            json_field_string(&line, "titles", r->titles, false);
            json_field_bool(&line, "is_delegate", r->is_delegate);
            json_field_int(&line, "quotes", r->quotes);
            json_field_string(&line, "delegation", r->delegation, false);
            sb_putc(&line, '}');
        } else {
            pad(&line, r->name, 8);
            pad(&line, r->role, 14);
            sb_printf(&line, "%3d %-6s  ", r->quotes,
                      r->quotes == 1 ? "quote" : "quotes");
            put_text(&line, r->titles ? r->titles : "");
            if (r->delegation) {
                sb_puts(&line, "  (");
                put_text(&line, r->delegation);
                sb_putc(&line, ')');
            }
        }
        emit(&line);
    }
    sb_free(&line);
    speaker_rows_free(rows, n);
    return EXIT_OK;
}

static const char *const commands[] = {"index", "issues", "articles",
                                       "quotes", "speakers", "search",
                                       "check", "watch"};

bool cli_is_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(name, commands[i]) == 0)
            return true;
    return false;
}

/* Print "dubao CMD: " and the message, with the user's words (what
   argv holds) in their printable form: an argument can come from a
   page. */
static void usage_error(const char *cmd, const char *fmt, const char *word)
{
    char *shown = printable(word ? word : "");
    fprintf(stderr, "dubao %s: ", cmd);
    fprintf(stderr, fmt, shown);
    fputc('\n', stderr);
    free(shown);
}

/* Parse --limit's value: a whole number, 1 or more.  Larger numbers than
   an int holds ask for every result and are taken as the largest. */
static bool parse_limit(const char *text, int *limit)
{
    if (!text[0] || strspn(text, "0123456789") != strlen(text))
        return false;
    errno = 0;
    unsigned long long v = strtoull(text, NULL, 10);
    if (v == 0)
        return false;
    *limit = errno == ERANGE || v > INT_MAX ? INT_MAX : (int)v;
    return true;
}

/* Set *positional to arg, unless there is one already. */
static bool take_positional(const char *cmd, const char *arg,
                            const char **positional)
{
    if (*positional) {
        usage_error(cmd, "unexpected argument '%s'", arg);
        return false;
    }
    *positional = arg;
    return true;
}

/* Report an option that getopt did not accept: argv[at] is the element
   it was reading (in-order parsing never moves the others). */
static void bad_option(int c, char **argv, int at, const char *cmd)
{
    if (c == ':') {
        usage_error(cmd, "option '%s' needs a value", argv[at]);
    } else if (strcmp(cmd, "search") == 0 || strcmp(cmd, "speakers") == 0) {
        char *shown = printable(argv[at]);
        fprintf(stderr, "dubao %s: unknown option '%s' (to look for text "
                "that starts with '-', put -- before it: dubao %s -- %s)\n",
                cmd, shown, cmd, shown);
        free(shown);
    } else {
        usage_error(cmd, "unknown option '%s' (see dubao --help)", argv[at]);
    }
}

/* Parse the options that follow a command name; they may come before or
   after its argument, and -- ends them (put it before an argument that
   starts with -).  Arguments are taken in order ("-" in the option
   string), so that a message names the argument that is wrong. */
static int parse_command_options(int argc, char **argv, command_options *co,
                                 const char **positional)
{
    static const struct option longopts[] = {
        {"json", no_argument, NULL, 'j'},
        {"csv", no_argument, NULL, 'c'},
        {"issue", required_argument, NULL, 'i'},
        {"speaker", required_argument, NULL, 's'},
        {"role", required_argument, NULL, 'r'},
        {"limit", required_argument, NULL, 'l'},
        {"about", required_argument, NULL, 'a'},
        {"since", required_argument, NULL, 'S'},
        {"until", required_argument, NULL, 'U'},
        {"bom", no_argument, NULL, 'b'},
        {NULL, 0, NULL, 0},
    };
    const char *cmd = argv[0];
    memset(co, 0, sizeof *co);
    *positional = NULL;
    optind = 0; /* 0: glibc re-initialises (ordering mode too) */
    opterr = 0;
    int c, at = 1;
    while ((c = getopt_long(argc, argv, "-:", longopts, NULL)) != -1) {
        switch (c) {
        case 1:
            if (!take_positional(cmd, optarg, positional))
                return -1;
            break;
        case 'j': co->json = true; break;
        case 'c': co->csv = true; break;
        case 'i': co->issue = optarg; break;
        case 's': co->speaker = optarg; break;
        case 'r': co->role = optarg; break;
        case 'a': co->about = optarg; break;
        case 'S': co->since = optarg; break;
        case 'U': co->until = optarg; break;
        case 'b': co->bom = true; break;
        case 'l':
            if (!parse_limit(optarg, &co->limit)) {
                usage_error(cmd, "--limit needs a whole number of results, "
                            "1 or more (not '%s')", optarg);
                return -1;
            }
            break;
        default:
            bad_option(c, argv, at, cmd);
            return -1;
        }
        at = optind;
    }
    for (; optind < argc; optind++)
        if (!take_positional(cmd, argv[optind], positional))
            return -1;
    if (co->json && co->csv) {
        fprintf(stderr, "dubao %s: choose one of --json and --csv\n", cmd);
        return -1;
    }
    strbuf err = {0};
    if (!date_range_set(&co->dates, co->since, co->until, &err)) {
        usage_error(cmd, "%s", err.s);
        sb_free(&err);
        return -1;
    }
    return 0;
}

/* The options a command takes of those that some commands do not: an
   option given to a command without it is a usage error, never silently
   ignored.  Returns the first such option, or NULL. */
static const char *option_not_taken(const char *cmd,
                                    const command_options *co)
{
    bool quotes = strcmp(cmd, "quotes") == 0;
    bool dated = quotes || strcmp(cmd, "issues") == 0 ||
                 strcmp(cmd, "articles") == 0 || strcmp(cmd, "search") == 0;
    if (co->csv && !quotes)
        return "--csv";
    if (co->bom && !co->csv)
        return "--bom (without --csv)";
    if (co->about && !quotes)
        return "--about";
    if (co->since && !dated)
        return "--since";
    if (co->until && !dated)
        return "--until";
    return NULL;
}

/* After search printed n results of count: when the list is cut, say so
   on stderr (the list itself stays clean for scripts). */
static void report_search_cut(ssize_t n, const search_count *count)
{
    if (count->more)
        fprintf(stderr, "dubao search: the first %zd of %lld+ results "
                "(ranking stops at %d articles and %d quotes: narrow the "
                "query or the dates to see the rest)\n", n,
                (long long)count->total, SEARCH_RANK_CANDIDATES,
                SEARCH_RANK_CANDIDATES);
    else if (n < count->total)
        fprintf(stderr, "dubao search: the first %zd of %lld results "
                "(--limit N shows more)\n", n, (long long)count->total);
}

static int cmd_search(db *d, const command_options *co, const char *query)
{
    search_row *rows;
    search_count count;
    ssize_t n = db_search(d, query, &co->dates, co->limit, &rows, &count);
    if (n < 0)
        return EXIT_RUNTIME;
    strbuf line = {0};
    for (ssize_t i = 0; i < n; i++) {
        search_row *r = &rows[i];
        if (co->json) {
            sb_putc(&line, '{');
            json_field_string(&line, "kind", r->is_quote ? "quote" : "article",
                              true);
            json_field_string(&line, "file", r->file, false);
            json_field_string(&line, "article", r->article, false);
            json_field_string(&line, "speaker", r->speaker, false);
            json_field_string(&line, "snippet", r->snippet, false);
            sb_puts(&line, ",\"matches\":[");
            for (size_t m = 0; m < r->nmatches; m++) {
                int64_t s, e;
                search_match_chars(r, m, &s, &e);
                sb_printf(&line, "%s[%lld,%lld]", m ? "," : "", (long long)s,
                          (long long)e);
            }
            sb_printf(&line, "],\"rank\":%.4f}", r->rank);
        } else {
            pad(&line, r->is_quote ? (r->speaker ? r->speaker : "quote")
                                   : "article", 8);
            put_text(&line, r->article ? r->article : "");
            sb_puts(&line, "  ");
            put_text(&line, r->snippet ? r->snippet : "");
        }
        emit(&line);
    }
    sb_free(&line);
    search_rows_free(rows, n);
    report_search_cut(n, &count);
    return EXIT_OK;
}

/* check: verify the whole database file (PRAGMA quick_check and the
   full-text indexes' integrity-check) and report;
   a damaged one is rebuilt from the corpus, keeping the user's marks.  A
   check that could not run (locked, busy, an I/O error) says so and
   changes nothing. */
static int cmd_check(db **dp, const dubao_options *o)
{
    strbuf report = {0};
    int sound = db_full_check(*dp, &report);
    if (sound < 0) {
        fprintf(stderr, "dubao: could not check %s: %s (nothing was "
                "changed; try again)\n", o->db_path,
                report.s ? report.s : "unknown error");
        sb_free(&report);
        return EXIT_RUNTIME;
    }
    if (sound == 0) {
        fprintf(stderr, "dubao: %s is damaged: %s\n", o->db_path,
                report.s ? report.s : "unreadable");
        db_close(*dp);
        *dp = rebuild_and_index(o, false);
        sb_clear(&report);
        sound = *dp ? db_full_check(*dp, &report) : 0;
    }
    if (sound == 1) {
        db_counts c;
        db_get_counts(*dp, &c);
        printf("database %s: ok (%lld issues, %lld quotes)\n", o->db_path,
               (long long)c.issues, (long long)c.quotes);
    }
    sb_free(&report);
    return sound == 1 ? EXIT_OK : EXIT_RUNTIME;
}

/* For the benchmarks (DUBAO_BENCH_NS=FILE): append to FILE the
   nanoseconds a command took from the open database to its last output
   line, without process start, database open and corpus refresh. */
static void bench_record_ns(const struct timespec *from)
{
    const char *path = getenv("DUBAO_BENCH_NS");
    if (!path || !*path)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long long ns = (long long)(now.tv_sec - from->tv_sec) * 1000000000LL +
                   (now.tv_nsec - from->tv_nsec);
    FILE *f = fopen(path, "a");
    if (f) {
        fprintf(f, "%lld\n", ns);
        fclose(f);
    }
}

/* Run one command on an open, indexed database. */
static int run_command(db *d, const char *cmd, const command_options *co,
                       const char *positional)
{
    if (strcmp(cmd, "issues") == 0)
        return cmd_issues(d, co);
    if (strcmp(cmd, "articles") == 0)
        return cmd_articles(d, co);
    if (strcmp(cmd, "quotes") == 0)
        return cmd_quotes(d, co);
    if (strcmp(cmd, "speakers") == 0)
        return cmd_speakers(d, co, positional);
    if (strcmp(cmd, "search") == 0)
        return cmd_search(d, co, positional ? positional : "");
    return EXIT_OK; /* index: the work was done when opening */
}

int cli_run(const dubao_options *o, int argc, char **argv)
{
    if (strcmp(argv[0], "watch") == 0)
        return cli_watch(o, argc, argv);
    command_options co;
    const char *positional;
    if (parse_command_options(argc, argv, &co, &positional) != 0)
        return EXIT_USAGE;
    const char *cmd = argv[0];
    bool positional_ok = strcmp(cmd, "speakers") == 0 ||
                         strcmp(cmd, "search") == 0;
    if (strcmp(cmd, "search") == 0 && !positional) {
        fprintf(stderr, "dubao search: what should I search for? "
                "(dubao search QUERY)\n");
        return EXIT_USAGE;
    }
    const char *not_taken = option_not_taken(cmd, &co);
    if (not_taken || (positional && !positional_ok)) {
        usage_error(cmd, "%s is not an option of this command",
                    not_taken ? not_taken : positional);
        return EXIT_USAGE;
    }
    db *d = open_and_index(o, strcmp(cmd, "index") == 0, NULL);
    if (!d)
        return interrupted ? 128 + SIGINT : EXIT_RUNTIME;
    if (strcmp(cmd, "check") == 0) {
        int rc = cmd_check(&d, o);
        db_close(d);
        return rc;
    }
    struct timespec started;
    clock_gettime(CLOCK_MONOTONIC, &started);
    int rc = run_command(d, cmd, &co, positional);
    fflush(stdout);
    bench_record_ns(&started);
    if (rc == EXIT_USAGE) {
        /* A value the database does not know (--issue, --role): said. */
        db_close(d);
        return rc;
    }
    if (rc != EXIT_OK && is_damaged(d)) {
        /* Most commands print nothing until their rows are read, so they
           run again after the rebuild; one that already streamed rows
           would print them twice, so it reports the failure instead. */
        db_close(d);
        d = rebuild_and_index(o, false);
        if (!d)
            return EXIT_RUNTIME;
        if (streamed_output) {
            fprintf(stderr, "dubao: the output above is incomplete: the "
                    "database was damaged and has been rebuilt; run the "
                    "command again\n");
            db_close(d);
            return EXIT_RUNTIME;
        }
        rc = run_command(d, cmd, &co, positional);
    }
    if (rc != EXIT_OK)
        fprintf(stderr, "dubao: database error: %s\n", db_errmsg(d));
    db_close(d);
    if (fflush(stdout) != 0)
        rc = EXIT_RUNTIME;
    return rc;
}
