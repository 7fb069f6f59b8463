/* keys.h - the keymap: which key does what, in one table that the key
 * loop, the help line and the man page follow. */
#ifndef DUBAO_KEYS_H
#define DUBAO_KEYS_H

#include <curses.h>
#include <stdbool.h>

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
    ACT_HELP
} key_action;

/* The action bound to a key from get_wch (is_code: a KEY_* code). */
key_action keys_lookup(wint_t key, bool is_code);

/* One line listing the main keys, for the status line. */
const char *keys_summary(void);

#endif
