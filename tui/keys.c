/* keys.c - the default keymap and the names of actions. */
#include "keys.h"

#include <stdio.h>
#include <string.h>

#define CTRL(c) ((c) & 0x1f)

typedef struct {
    wint_t key;
    bool is_code;     /* key is a KEY_* code rather than a character */
    key_action action;
    const char *label; /* how help shows the key */
} key_binding;

static const key_binding bindings[] = {
    {KEY_UP, true, ACT_UP, "Up"},
    {'k', false, ACT_UP, "k"},
    {KEY_DOWN, true, ACT_DOWN, "Down"},
    {'j', false, ACT_DOWN, "j"},
    {KEY_PPAGE, true, ACT_PAGE_UP, "PgUp"},
    {KEY_NPAGE, true, ACT_PAGE_DOWN, "PgDn"},
    {' ', false, ACT_PAGE_DOWN, "Space"},
    {CTRL('u'), false, ACT_HALF_UP, "Ctrl-U"},
    {CTRL('d'), false, ACT_HALF_DOWN, "Ctrl-D"},
    {KEY_HOME, true, ACT_HOME, "Home"},
    {'g', false, ACT_HOME, "g"},
    {KEY_END, true, ACT_END, "End"},
    {'G', false, ACT_END, "G"},
    {'\t', false, ACT_NEXT_PANE, "Tab"},
    {KEY_RIGHT, true, ACT_NEXT_PANE, "Right"},
    {KEY_BTAB, true, ACT_PREV_PANE, "Shift-Tab"},
    {KEY_LEFT, true, ACT_PREV_PANE, "Left"},
    {'\n', false, ACT_ENTER, "Enter"},
    {'\r', false, ACT_ENTER, NULL},
    {KEY_ENTER, true, ACT_ENTER, NULL},
    {'q', false, ACT_BACK, "q"},
    {'Q', false, ACT_QUIT, "Q"},
    {CTRL('c'), false, ACT_QUIT, "Ctrl-C"},
    {CTRL('l'), false, ACT_REDRAW, "Ctrl-L"},
    {'?', false, ACT_HELP, "?"},
    {'/', false, ACT_SEARCH, "/"},
    {'n', false, ACT_SEARCH_NEXT, "n"},
    {'N', false, ACT_SEARCH_PREV, "N"},
    {'d', false, ACT_DELEGATES, "d"},
    {'o', false, ACT_QUOTES, "o"},
    {'s', false, ACT_SPEAKERS, "s"},
    {'i', false, ACT_ISSUES, "i"},
    {']', false, ACT_NEXT_SECTION, "]"},
    {'[', false, ACT_PREV_SECTION, "["},
    {'r', false, ACT_ROLE_FILTER, "r"},
};

static const struct {
    const char *name;
    const char *description;
} actions[ACT_COUNT] = {
    [ACT_NONE] = {"none", "nothing"},
    [ACT_UP] = {"up", "move up (scroll up in the reader)"},
    [ACT_DOWN] = {"down", "move down (scroll down in the reader)"},
    [ACT_PAGE_UP] = {"page-up", "move up a page"},
    [ACT_PAGE_DOWN] = {"page-down", "move down a page"},
    [ACT_HALF_UP] = {"half-page-up", "move up half a page"},
    [ACT_HALF_DOWN] = {"half-page-down", "move down half a page"},
    [ACT_HOME] = {"home", "go to the first line"},
    [ACT_END] = {"end", "go to the last line"},
    [ACT_NEXT_PANE] = {"next-pane", "focus the next pane"},
    [ACT_PREV_PANE] = {"prev-pane", "focus the previous pane"},
    [ACT_ENTER] = {"enter", "open the selected line"},
    [ACT_BACK] = {"back", "go back to where you were; quit at the start"},
    [ACT_QUIT] = {"quit", "quit dubao"},
    [ACT_REDRAW] = {"redraw", "redraw the screen"},
    [ACT_HELP] = {"help", "show this help"},
    [ACT_SEARCH] = {"search", "search the focused pane as you type"},
    [ACT_SEARCH_NEXT] = {"search-next", "next match"},
    [ACT_SEARCH_PREV] = {"search-prev", "previous match"},
    [ACT_DELEGATES] = {"delegates",
                       "pick a delegate: type Chinese, part of a name "
                       "or pinyin"},
    [ACT_QUOTES] = {"quotes", "show all quotes"},
    [ACT_SPEAKERS] = {"speakers", "show speakers and their quotes"},
    [ACT_ISSUES] = {"issues", "show issues, articles and the reader"},
    [ACT_NEXT_SECTION] = {"next-section", "reader: next speaker section"},
    [ACT_PREV_SECTION] = {"prev-section",
                          "reader: previous speaker section"},
    [ACT_ROLE_FILTER] = {"role-filter",
                         "quotes: cycle the role filter (all, 人大代表, "
                         "政协委员, local)"},
};

key_action keys_lookup(wint_t key, bool is_code)
{
    for (size_t i = 0; i < sizeof bindings / sizeof *bindings; i++)
        if (bindings[i].key == key && bindings[i].is_code == is_code)
            return bindings[i].action;
    return ACT_NONE;
}

const char *action_name(key_action a)
{
    return a < ACT_COUNT ? actions[a].name : "none";
}

const char *action_description(key_action a)
{
    return a < ACT_COUNT ? actions[a].description : "";
}

void keys_for_action(key_action a, char *buf, size_t n)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof bindings / sizeof *bindings; i++) {
        if (bindings[i].action != a || !bindings[i].label)
            continue;
        int k = snprintf(buf + used, n - used, "%s%s", used ? ", " : "",
                         bindings[i].label);
        if (k < 0 || (size_t)k >= n - used)
            break;
        used += (size_t)k;
    }
}
