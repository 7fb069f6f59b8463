/* keys.c - the default keymap. */
#include "keys.h"

#include <stddef.h>

#define CTRL(c) ((c) & 0x1f)

typedef struct {
    wint_t key;
    bool is_code;     /* key is a KEY_* code rather than a character */
    key_action action;
} key_binding;

static const key_binding bindings[] = {
    {KEY_UP, true, ACT_UP},
    {'k', false, ACT_UP},
    {KEY_DOWN, true, ACT_DOWN},
    {'j', false, ACT_DOWN},
    {KEY_PPAGE, true, ACT_PAGE_UP},
    {KEY_NPAGE, true, ACT_PAGE_DOWN},
    {' ', false, ACT_PAGE_DOWN},
    {CTRL('u'), false, ACT_HALF_UP},
    {CTRL('d'), false, ACT_HALF_DOWN},
    {KEY_HOME, true, ACT_HOME},
    {'g', false, ACT_HOME},
    {KEY_END, true, ACT_END},
    {'G', false, ACT_END},
    {'\t', false, ACT_NEXT_PANE},
    {KEY_RIGHT, true, ACT_NEXT_PANE},
    {KEY_BTAB, true, ACT_PREV_PANE},
    {KEY_LEFT, true, ACT_PREV_PANE},
    {'\n', false, ACT_ENTER},
    {'\r', false, ACT_ENTER},
    {KEY_ENTER, true, ACT_ENTER},
    {'q', false, ACT_BACK},
    {'Q', false, ACT_QUIT},
    {CTRL('c'), false, ACT_QUIT},
    {CTRL('l'), false, ACT_REDRAW},
    {'?', false, ACT_HELP},
};

key_action keys_lookup(wint_t key, bool is_code)
{
    for (size_t i = 0; i < sizeof bindings / sizeof *bindings; i++)
        if (bindings[i].key == key && bindings[i].is_code == is_code)
            return bindings[i].action;
    return ACT_NONE;
}

const char *keys_summary(void)
{
    return "j/k \xE2\x86\x93\xE2\x86\x91 move  PgDn/PgUp page  g/G top/end  "
           "Ctrl-D/U half page  Tab/\xE2\x86\x90\xE2\x86\x92 pane  "
           "Enter open  q back  Q quit";
}
