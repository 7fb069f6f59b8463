/* options.h - the browser's config file: key bindings, colours, settings.
 *
 * The file is $XDG_CONFIG_HOME/dubao/config (dubao_config_path()).  The
 * defaults are written in the same syntax, compiled in (options_default_text)
 * and shipped as assets/config.  One statement per line:
 *
 *   bind KEY ACTION                 bind j down, bind <C-d> half-page-down
 *   bind KEY none                   remove the binding of KEY
 *   color ELEMENT FG BG [ATTR...]   color headline yellow default bold
 *   set OPTION VALUE                set mouse no
 *
 * A line whose first word starts with '#' is a comment, and so is the rest
 * of a line from a word starting with '#' (except the KEY of bind, so that
 * `bind # help` works).  Words are separated by spaces or tabs.
 *
 * Parsing never fails: each bad line is reported as "SOURCE:LINE: message",
 * skipped, and every other line still applies.  Later bindings of a key
 * override earlier ones.
 */
#ifndef DUBAO_OPTIONS_H
#define DUBAO_OPTIONS_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "strbuf.h"

/* What a key can do.  The names (options_action_name) are the config's
   words. */
typedef enum {
    ACTION_NONE,            /* "none": unbound */
    ACTION_UP,
    ACTION_DOWN,
    ACTION_PAGE_UP,
    ACTION_PAGE_DOWN,
    ACTION_HALF_PAGE_UP,
    ACTION_HALF_PAGE_DOWN,
    ACTION_HOME,
    ACTION_END,
    ACTION_NEXT_PANE,
    ACTION_PREV_PANE,
    ACTION_ENTER,
    ACTION_BACK,
    ACTION_QUIT,
    ACTION_REDRAW,
    ACTION_HELP,
    ACTION_SEARCH,
    ACTION_SEARCH_NEXT,
    ACTION_SEARCH_PREV,
    ACTION_GLOBAL_SEARCH,
    ACTION_DELEGATES,
    ACTION_QUOTES,
    ACTION_SPEAKERS,
    ACTION_ISSUES,
    ACTION_NEXT_SECTION,
    ACTION_PREV_SECTION,
    ACTION_ROLE_FILTER,
    ACTION_MARK,
    ACTION_EXPORT,
    ACTION_COPY,
    ACTION_CLEAR_FILTER,
    ACTION_MARKS,
    ACTION_WHO,
    ACTION_COUNT
} action_id;

/* The screen elements that have a colour. */
typedef enum {
    ELEM_TITLE,
    ELEM_TITLE_FOCUS,
    ELEM_CURSOR,
    ELEM_HEADLINE,
    ELEM_SUBHEAD,
    ELEM_SPEAKER,
    ELEM_BYLINE,
    ELEM_DIM,
    ELEM_STATUS,
    ELEM_QUOTE,
    ELEM_MATCH,
    ELEM_MARK,
    ELEM_COUNT
} element_id;

/* A colour: fg and bg are -1 (the terminal's default) or 0-255, where
   0-7 are COLOR_BLACK..COLOR_WHITE; attrs is a mask of A_BOLD, A_DIM,
   A_UNDERLINE, A_REVERSE, A_STANDOUT. */
typedef struct {
    short fg;
    short bg;
    attr_t attrs;
} color_spec;

typedef enum { COLORS_AUTO, COLORS_NEVER } colors_mode;

/* One key and what it does.  key is a character from get_wch, or a KEY_*
   code when is_code.  An unbound key keeps its entry with ACTION_NONE. */
typedef struct {
    wint_t key;
    bool is_code;
    action_id action;
} option_binding;

typedef struct {
    /* Bindings in the order their keys were first bound (for the help
       screen); a hash index over them makes lookups and rebinding O(1). */
    option_binding *bindings;
    size_t nbindings, bindings_cap;
    size_t *index;          /* slots: 0 empty, else binding number + 1 */
    size_t index_cap;       /* a power of two, at least 2 * nbindings */
    color_spec colors[ELEM_COUNT];
    bool ambiguous_wide;    /* draw East Asian ambiguous characters wide */
    bool mouse;
    colors_mode color_mode;
} options;

/* Limits of the parser.  Longer lines are reported and skipped; after
   OPTIONS_MAX_WARNINGS messages one parse adds a single summary line. */
#define OPTIONS_MAX_LINE 1024
#define OPTIONS_MAX_WARNINGS 100
/* A buffer this large holds any options_key_name. */
#define KEY_NAME_MAX 16

/* The compiled-in default config (identical to assets/config). */
const char *options_default_text(void);

/* Initialise o with the defaults.  o's previous contents are ignored, so
   call options_free first when reusing one. */
void options_defaults(options *o);

/* Apply config text (len bytes, may hold NULs) on top of o.  Problems go
   to warnings (if not NULL) as "source_name:LINE: message".  Returns the
   number of bad lines (0 when all applied). */
int options_parse_n(options *o, const char *text, size_t len,
                    const char *source_name, strlist *warnings);
/* The same for a NUL-terminated text. */
int options_parse(options *o, const char *text, const char *source_name,
                  strlist *warnings);

/* Apply the config file at path.  A missing file is not an error and
   returns 0; an unreadable one adds a warning and returns -1; otherwise
   returns the number of bad lines.  Files over 1 MiB are read up to that
   size, with a warning. */
int options_load_file(options *o, const char *path, strlist *warnings);

void options_free(options *o);

/* The action bound to a key from get_wch (is_code: a KEY_* code), or
   ACTION_NONE.  Enter also answers to '\r' and KEY_ENTER, Backspace to
   DEL and ^H, unless those keys have bindings of their own. */
action_id options_lookup(const options *o, wint_t key, bool is_code);

/* Append the names of the keys bound to action, separated by spaces, in
   binding order (for the help screen). */
void options_keys_for(const options *o, action_id action, strbuf *out);

/* "half-page-down" for ACTION_HALF_PAGE_DOWN; NULL when out of range. */
const char *options_action_name(int action);
/* What the action does, in a few words (for help and messages); NULL
   when out of range. */
const char *options_action_help(int action);
/* The action named name, or -1. */
int options_action_from_name(const char *name);

const char *options_element_name(int element);
int options_element_from_name(const char *name);

/* Parse a key name of the config ("j", "中", "<C-d>", "<PgDn>");
   false when it is not one. */
bool options_key_parse(const char *name, size_t len, wint_t *key,
                       bool *is_code);
/* The config name of a key ("<PgDn>", "j"), the inverse of
   options_key_parse.  Keys the syntax cannot name come out as "<U+0001>" or "<code 0x1ff>".
   buf of n bytes (KEY_NAME_MAX is always enough) gets "" if too small. */
void options_key_name(wint_t key, bool is_code, char *buf, size_t n);

#endif
