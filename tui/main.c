/* main.c - dubao's entry point: global options, then a command or the
 * browser. */
#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "config.h"
#include "cli.h"
#include "paths.h"
#include "printable.h"
#include "source.h"

static const char usage_text[] =
    "usage: dubao [--db PATH] [--corpus PATH]... [--prune] [--script FILE]\n"
    "             [-n] [-q] [--max-file-size SIZE] [COMMAND [OPTIONS]]\n"
    "\n"
    "Read Chinese newspaper pages in the terminal and find who said what.\n"
    "With no command, opens the browser.\n"
    "\n"
    "Commands (print to stdout; --json gives JSON Lines):\n"
    "  index                 build or refresh the database, report counts\n"
    "  issues [--json] [DATES]\n"
    "                        list issues, newest first: file, paper, date\n"
    "  articles [--json] [--issue FILE] [DATES]\n"
    "                        list articles: headline, subheads, byline,\n"
    "                        speakers\n"
    "  quotes [--json|--csv [--bom]] [--speaker Q] [--role ROLE]\n"
    "         [--about QUERY] [--issue FILE] [DATES]\n"
    "                        list quotes with speaker, role, delegation,\n"
    "                        paper, date and headline; --about: only those\n"
    "                        whose words contain QUERY\n"
    "  speakers [--json] [Q] list speakers (Q: name, part of it, pinyin, or\n"
    "                        words of the titles or delegation)\n"
    "  search [--json] [--limit N] [DATES] QUERY\n"
    "                        full-text search of articles and quotes, ranked\n"
    "  check                 verify the database; rebuild it if damaged\n"
    "  watch [--daemon|--stop]\n"
    "                        watch the corpus, so that commands skip the\n"
    "                        check of every file while nothing changed;\n"
    "                        --daemon detaches (prints its pid), --stop\n"
    "                        stops the running one\n"
    "\n"
    "DATES: --since DATE --until DATE (YYYY-MM-DD, YYYY-MM or YYYY), issue\n"
    "dates, both included.  --issue takes a file name or its path.\n"
    "\n"
    "Options:\n"
    "  --db PATH             database file (default $XDG_DATA_HOME/dubao/dubao.db)\n"
    "  --corpus PATH         corpus file or directory, repeatable (default: the\n"
    "                        corpus the database was built from, else the\n"
    "                        shipped corpus)\n"
    "  --prune               remove from the database the files not found under\n"
    "                        the corpus, even when a root is missing or empty\n"
    "                        or the database was built from another corpus\n"
    "  --script FILE         browser: replay keys from FILE (see dubao(1))\n"
    "  -q, --quiet           no per-file messages while indexing\n"
    "  -n, --no-refresh      use the database as it is: do not look for\n"
    "                        changed corpus files first (fast lookups)\n"
    "  --check-config        report the problems of the config file (exit 1\n"
    "                        when there are some) and exit\n"
    "  --max-file-size SIZE  do not index corpus files larger than SIZE\n"
    "                        (bytes, or with K, M, G; default 64M; also\n"
    "                        DUBAO_MAX_FILE_SIZE)\n"
    "  -h, --help            show this help\n"
    "  -V, --version         show the version\n"
    "\n"
    "Exit status: 0 ok, 1 runtime error, 2 usage error.  See dubao(1).\n";

/* Set the size limit of corpus files from text (source_parse_size), or
   say what is wrong with it, naming where it came from. */
static bool parse_max_file_size(const char *from, const char *text,
                                dubao_options *o)
{
    if (source_parse_size(text, &o->max_file_bytes))
        return true;
    fprintf(stderr, "dubao: %s '%s' is not a size (bytes, or a number with "
            "K, M or G, e.g. 64M)\n", from, text);
    return false;
}

/* Report a wrong argument (in its printable form: it may come from a
   page) and point to --help. */
static void print_arg_error(const char *fmt, const char *arg)
{
    char *shown = printable(arg);
    fputs("dubao: ", stderr);
    fprintf(stderr, fmt, shown);
    fputs("\nTry 'dubao --help'.\n", stderr);
    free(shown);
}

/* A --db that names a directory is a mistake worth its own message (SQLite
   says "unable to open database file"). */
static int check_db_path(const char *path)
{
    struct stat st;
    if (path && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        print_arg_error("--db '%s' is a directory; give the path of a "
                        "database file in it (such as DIR/dubao.db)", path);
        return -1;
    }
    return 0;
}

/* Parse the global options (they stop at the first non-option, the
   command).  Returns -1 on a usage error, 1 if the program should exit 0
   (help/version), 0 to go on. */
static int parse_global_options(int argc, char **argv, dubao_options *o)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'},
        {"corpus", required_argument, NULL, 'c'},
        {"script", required_argument, NULL, 's'},
        {"quiet", no_argument, NULL, 'q'},
        {"no-refresh", no_argument, NULL, 'n'},
        {"prune", no_argument, NULL, 'p'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {"check-config", no_argument, NULL, 'C'},
        {"max-file-size", required_argument, NULL, 'M'},
        {NULL, 0, NULL, 0},
    };
    opterr = 0;
    const char *env = getenv("DUBAO_MAX_FILE_SIZE");
    if (env && *env && !parse_max_file_size("DUBAO_MAX_FILE_SIZE", env, o))
        return -1;
    int c, at = 1;
    while ((c = getopt_long(argc, argv, "+:qnhV", longopts, NULL)) != -1) {
        switch (c) {
        case 'd':
            if (!*optarg) {
                fprintf(stderr, "dubao: --db needs a file name (it was "
                        "empty)\nTry 'dubao --help'.\n");
                return -1;
            }
            free(o->db_path);
            o->db_path = strdup(optarg);
            break;
        case 'c':
            if (!optarg[0]) {
                fprintf(stderr, "dubao: --corpus needs a path, not an empty "
                        "string\n");
                return -1;
            }
            strlist_push(&o->corpus, optarg);
            break;
        case 's': o->script = optarg; break;
        case 'q': o->quiet = true; break;
        case 'n': o->no_refresh = true; break;
        case 'p': o->prune = true; break;
        case 'h': fputs(usage_text, stdout); return 1;
        case 'V': printf("dubao %s\n", DUBAO_VERSION); return 1;
        case 'C': o->check_config = true; break;
        case 'M':
            if (!parse_max_file_size("--max-file-size", optarg, o))
                return -1;
            break;
        default:
            /* Options are taken in order, so argv[at] is the one that
               getopt was reading when it failed. */
            print_arg_error(c == ':' ? "option '%s' needs a value"
                                     : "unknown option '%s'", argv[at]);
            return -1;
        }
        at = optind;
    }
    return check_db_path(o->db_path);
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    /* A write past the file size limit (ulimit -f) fails with EFBIG and
       a message instead of killing dubao. */
    signal(SIGXFSZ, SIG_IGN);
    dubao_options o = {0};
    int rc = parse_global_options(argc, argv, &o);
    if (rc != 0) {
        free(o.db_path);
        strlist_free(&o.corpus);
        return rc < 0 ? EXIT_USAGE : EXIT_OK;
    }
    if (!o.db_path)
        o.db_path = dubao_default_db_path();

    if (o.check_config) {
        rc = app_check_config();
    } else if (optind < argc) {
        if (!cli_is_command(argv[optind])) {
            print_arg_error("unknown command '%s'", argv[optind]);
            rc = EXIT_USAGE;
        } else {
            rc = cli_run(&o, argc - optind, argv + optind);
        }
    } else {
        rc = app_run(&o);
    }
    free(o.db_path);
    strlist_free(&o.corpus);
    return rc;
}
