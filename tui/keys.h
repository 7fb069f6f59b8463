/* keys.h - actions and the keymap: which key does what, in one table that
 * the key loop and the help pane follow. */
#ifndef DUBAO_KEYS_H
#define DUBAO_KEYS_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum {
    ACT_NONE,
    ACT_UP,
    ACT_DOWN,
    ACT_PAGE_UP,
    ACT_PAGE_DOWN,
    ACT_HALF_UP,
    ACT_HALF_DOWN,
    ACT_HOME,
    ACT_END,
    ACT_NEXT_PANE,
    ACT_PREV_PANE,
    ACT_ENTER,
    ACT_BACK,
    ACT_QUIT,
    ACT_REDRAW,
    ACT_HELP,
    ACT_SEARCH,
    ACT_SEARCH_NEXT,
    ACT_SEARCH_PREV,
    ACT_DELEGATES,
    ACT_QUOTES,
    ACT_SPEAKERS,
    ACT_ISSUES,
    ACT_NEXT_SECTION,
    ACT_PREV_SECTION,
    ACT_ROLE_FILTER,
    ACT_COUNT
} key_action;

/* The action bound to a key from get_wch (is_code: a KEY_* code). */
key_action keys_lookup(wint_t key, bool is_code);

/* Name (as in the config file) and one-line description of an action. */
const char *action_name(key_action a);
const char *action_description(key_action a);

/* The keys bound to an action, for help: e.g. "j, Down". */
void keys_for_action(key_action a, char *buf, size_t n);

#endif
