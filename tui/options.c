/* options.c - parsing the config file (bindings, colours, settings).
 *
 * The parser works on one line at a time without copying it: a line is cut
 * into at most MAX_WORDS words (pointer and length), checked, and applied.
 * Every problem becomes a warning and the line is skipped, so a config
 * written for a newer version, or plain garbage, still leaves a usable
 * browser.  All work is linear in the input size: bindings live in an
 * array with an open-addressing hash index, so rebinding is O(1).
 */
#include "options.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unictype.h>
#include <unistr.h>

/* The default config: assets/config, turned into a C string at build
   time (build/gen/default_config.h), so the two can never differ. */
#include "default_config.h"

/* Largest config file read, in bytes. */
#define MAX_FILE_BYTES (1024 * 1024)
/* Words in one statement: "color E FG BG" and up to eight attributes. */
#define MAX_WORDS 12
/* Characters of a user's word quoted in a warning. */
#define MAX_SHOWN_CHARS 32

static const char *const action_names[ACTION_COUNT] = {
    [ACTION_NONE] = "none",
    [ACTION_UP] = "up",
    [ACTION_DOWN] = "down",
    [ACTION_PAGE_UP] = "page-up",
    [ACTION_PAGE_DOWN] = "page-down",
    [ACTION_HALF_PAGE_UP] = "half-page-up",
    [ACTION_HALF_PAGE_DOWN] = "half-page-down",
    [ACTION_HOME] = "home",
    [ACTION_END] = "end",
    [ACTION_NEXT_PANE] = "next-pane",
    [ACTION_PREV_PANE] = "prev-pane",
    [ACTION_ENTER] = "enter",
    [ACTION_BACK] = "back",
    [ACTION_QUIT] = "quit",
    [ACTION_REDRAW] = "redraw",
    [ACTION_HELP] = "help",
    [ACTION_SEARCH] = "search",
    [ACTION_SEARCH_NEXT] = "search-next",
    [ACTION_SEARCH_PREV] = "search-prev",
    [ACTION_GLOBAL_SEARCH] = "global-search",
    [ACTION_DELEGATES] = "delegates",
    [ACTION_QUOTES] = "quotes",
    [ACTION_SPEAKERS] = "speakers",
    [ACTION_ISSUES] = "issues",
    [ACTION_NEXT_SECTION] = "next-section",
    [ACTION_PREV_SECTION] = "prev-section",
    [ACTION_ROLE_FILTER] = "role-filter",
    [ACTION_MARK] = "mark",
    [ACTION_EXPORT] = "export",
    [ACTION_COPY] = "copy",
    [ACTION_CLEAR_FILTER] = "clear-filter",
    [ACTION_MARKS] = "marks",
    [ACTION_WHO] = "who",
};

/* What each action does, in a few words: the help screen and messages
   use them. */
static const char *const action_help[ACTION_COUNT] = {
    [ACTION_NONE] = "nothing",
    [ACTION_UP] = "move up (scroll up in the reader)",
    [ACTION_DOWN] = "move down (scroll down in the reader)",
    [ACTION_PAGE_UP] = "up a page",
    [ACTION_PAGE_DOWN] = "down a page",
    [ACTION_HALF_PAGE_UP] = "up half a page",
    [ACTION_HALF_PAGE_DOWN] = "down half a page",
    [ACTION_HOME] = "first line",
    [ACTION_END] = "last line",
    [ACTION_NEXT_PANE] = "next pane",
    [ACTION_PREV_PANE] = "previous pane",
    [ACTION_ENTER] = "open the selected line",
    [ACTION_BACK] = "back to where you were; quit at the start",
    [ACTION_QUIT] = "quit dubao",
    [ACTION_REDRAW] = "redraw the screen",
    [ACTION_HELP] = "this help",
    [ACTION_SEARCH] = "search the focused pane as you type (pinyin too "
                      "in the speakers pane)",
    [ACTION_SEARCH_NEXT] = "next match",
    [ACTION_SEARCH_PREV] = "previous match",
    [ACTION_GLOBAL_SEARCH] = "search all articles and quotes (full text)",
    [ACTION_DELEGATES] = "pick a speaker: type Chinese, part of a name or "
                         "pinyin",
    [ACTION_QUOTES] = "the quotes of every speaker",
    [ACTION_SPEAKERS] = "speakers, their quotes and the reader",
    [ACTION_ISSUES] = "issues, their articles and the reader",
    [ACTION_NEXT_SECTION] = "next speaker section",
    [ACTION_PREV_SECTION] = "previous speaker section",
    [ACTION_ROLE_FILTER] = "role filter: all, 人大代表, 政协委员, local",
    [ACTION_MARK] = "mark or unmark the quote",
    [ACTION_EXPORT] = "export the marked quotes (else the list) to .md, "
                      ".csv or .json",
    [ACTION_COPY] = "copy the quote with its source to the clipboard",
    [ACTION_CLEAR_FILTER] = "clear the filters shown in the pane titles",
    [ACTION_MARKS] = "the marked quotes, to review them before export",
    [ACTION_WHO] = "who said what about a term: the speakers quoted on it "
                   "(the last F search's), each with those quotes",
};

static const char *const element_names[ELEM_COUNT] = {
    [ELEM_TITLE] = "title",
    [ELEM_TITLE_FOCUS] = "title-focus",
    [ELEM_CURSOR] = "cursor",
    [ELEM_HEADLINE] = "headline",
    [ELEM_SUBHEAD] = "subhead",
    [ELEM_SPEAKER] = "speaker",
    [ELEM_BYLINE] = "byline",
    [ELEM_DIM] = "dim",
    [ELEM_STATUS] = "status",
    [ELEM_QUOTE] = "quote",
    [ELEM_MATCH] = "match",
    [ELEM_MARK] = "mark",
};

/* Colour names in curses order: index i is COLOR_* value i - 1, so
   "default" is -1. */
static const char *const color_names[] = {
    "default", "black", "red", "green", "yellow",
    "blue", "magenta", "cyan", "white",
};

static const struct {
    const char *name;
    attr_t attr;
} attr_names[] = {
    {"bold", A_BOLD},
    {"dim", A_DIM},
    {"underline", A_UNDERLINE},
    {"reverse", A_REVERSE},
    {"standout", A_STANDOUT},
};

/* Keys with names.  The first entry for a key is its canonical name. */
static const struct {
    const char *name;
    wint_t key;
    bool is_code;
} named_keys[] = {
    {"Enter", '\n', false},
    {"Tab", '\t', false},
    {"S-Tab", KEY_BTAB, true},
    {"Up", KEY_UP, true},
    {"Down", KEY_DOWN, true},
    {"Left", KEY_LEFT, true},
    {"Right", KEY_RIGHT, true},
    {"PgUp", KEY_PPAGE, true},
    {"PgDn", KEY_NPAGE, true},
    {"Home", KEY_HOME, true},
    {"End", KEY_END, true},
    {"Esc", 27, false},
    {"Backspace", KEY_BACKSPACE, true},
    {"Space", ' ', false},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* A word of a line: not NUL-terminated. */
typedef struct {
    const char *s;
    size_t n;
} word;

/* State of one options_parse_n call. */
typedef struct {
    options *o;
    const char *source;
    size_t line;
    strlist *warnings;
    int problems;           /* bad lines so far */
    strbuf shown;           /* a user's word made safe to print */
} parse_ctx;

/* ---- names ---------------------------------------------------------- */

/* Does the word equal the NUL-terminated string s? */
static bool word_is(word w, const char *s)
{
    return strlen(s) == w.n && memcmp(w.s, s, w.n) == 0;
}

/* Index of the word in a table of names (NULL entries skipped), or -1. */
static int find_name(const char *const *names, size_t count, word w)
{
    for (size_t i = 0; i < count; i++)
        if (names[i] && word_is(w, names[i]))
            return (int)i;
    return -1;
}

const char *options_action_name(int action)
{
    if (action < 0 || action >= ACTION_COUNT)
        return NULL;
    return action_names[action];
}

const char *options_action_help(int action)
{
    if (action < 0 || action >= ACTION_COUNT)
        return NULL;
    return action_help[action];
}

int options_action_from_name(const char *name)
{
    word w = {name, strlen(name)};
    return find_name(action_names, ACTION_COUNT, w);
}

const char *options_element_name(int element)
{
    if (element < 0 || element >= ELEM_COUNT)
        return NULL;
    return element_names[element];
}

int options_element_from_name(const char *name)
{
    word w = {name, strlen(name)};
    return find_name(element_names, ELEM_COUNT, w);
}

/* ---- keys ----------------------------------------------------------- */

/* Is c a character a config may bind by itself (not a control)? */
static bool bindable_char(ucs4_t c)
{
    return c != ' ' && !uc_is_general_category(c, UC_CATEGORY_Cc);
}

/* Parse the inside of <...>: a named key, F1-F12 or C-a..C-z. */
static bool parse_bracketed(const char *s, size_t n, wint_t *key,
                            bool *is_code)
{
    for (size_t i = 0; i < COUNT(named_keys); i++) {
        if (strlen(named_keys[i].name) == n &&
            strncasecmp(named_keys[i].name, s, n) == 0) {
            *key = named_keys[i].key;
            *is_code = named_keys[i].is_code;
            return true;
        }
    }
    if (n == 3 && (s[0] == 'C' || s[0] == 'c') && s[1] == '-') {
        char c = s[2];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            *key = (wint_t)(c & 0x1f);
            *is_code = false;
            return true;
        }
        return false;
    }
    if ((n == 2 || n == 3) && (s[0] == 'F' || s[0] == 'f') &&
        s[1] >= '1' && s[1] <= '9') {
        int num = s[1] - '0';
        if (n == 3) {
            if (s[2] < '0' || s[2] > '9')
                return false;
            num = num * 10 + (s[2] - '0');
        }
        if (num > 12)
            return false;
        *key = (wint_t)KEY_F(num);
        *is_code = true;
        return true;
    }
    return false;
}

bool options_key_parse(const char *name, size_t len, wint_t *key, bool *is_code)
{
    if (len == 0)
        return false;
    if (name[0] == '<' && len > 1) {
        if (name[len - 1] != '>')
            return false;
        return parse_bracketed(name + 1, len - 2, key, is_code);
    }
    ucs4_t c;
    int used = u8_mbtoucr(&c, (const uint8_t *)name, len);
    if (used <= 0 || (size_t)used != len || !bindable_char(c))
        return false;
    *key = (wint_t)c;
    *is_code = false;
    return true;
}

/* Copy s into buf of n bytes, or "" when it does not fit. */
static void copy_name(const char *s, char *buf, size_t n)
{
    if (n == 0)
        return;
    size_t len = strlen(s);
    if (len >= n)
        len = 0;
    memcpy(buf, s, len);
    buf[len] = '\0';
}

void options_key_name(wint_t key, bool is_code, char *buf, size_t n)
{
    char tmp[KEY_NAME_MAX + 8];
    for (size_t i = 0; i < COUNT(named_keys); i++) {
        if (named_keys[i].key == key && named_keys[i].is_code == is_code) {
            snprintf(tmp, sizeof tmp, "<%s>", named_keys[i].name);
            copy_name(tmp, buf, n);
            return;
        }
    }
    if (is_code) {
        if (key >= (wint_t)KEY_F(1) && key <= (wint_t)KEY_F(12))
            snprintf(tmp, sizeof tmp, "<F%u>", (unsigned)(key - KEY_F0));
        else
            snprintf(tmp, sizeof tmp, "<code 0x%x>", (unsigned)key);
    } else if (key >= 1 && key <= 26) {
        snprintf(tmp, sizeof tmp, "<C-%c>", (char)('a' + key - 1));
    } else if (key > 0x10ffff || (key >= 0xd800 && key <= 0xdfff) ||
               !bindable_char((ucs4_t)key)) {
        snprintf(tmp, sizeof tmp, "<U+%04X>", (unsigned)key);
    } else {
        int len = u8_uctomb((uint8_t *)tmp, (ucs4_t)key, 6);
        tmp[len > 0 ? len : 0] = '\0';
    }
    copy_name(tmp, buf, n);
}

/* ---- the binding table ---------------------------------------------- */

/* Spread (key, is_code) over the hash index. */
static size_t key_hash(wint_t key, bool is_code)
{
    uint64_t h = (((uint64_t)key << 1) | (is_code ? 1u : 0u)) *
                 UINT64_C(0x9E3779B97F4A7C15);
    return (size_t)(h >> 32);
}

/* The slot of the index holding the key, or the empty slot where it
   would go.  The index always has empty slots (load at most 1/2). */
static size_t index_slot(const options *o, wint_t key, bool is_code)
{
    size_t mask = o->index_cap - 1;
    size_t i = key_hash(key, is_code) & mask;
    while (o->index[i] != 0) {
        const option_binding *b = &o->bindings[o->index[i] - 1];
        if (b->key == key && b->is_code == is_code)
            break;
        i = (i + 1) & mask;
    }
    return i;
}

static option_binding *find_binding(const options *o, wint_t key,
                                    bool is_code)
{
    if (o->index_cap == 0)
        return NULL;
    size_t slot = o->index[index_slot(o, key, is_code)];
    return slot ? &o->bindings[slot - 1] : NULL;
}

/* Rebuild the index with cap slots (a power of two). */
static void rebuild_index(options *o, size_t cap)
{
    free(o->index);
    o->index = xcalloc(cap, sizeof *o->index);
    o->index_cap = cap;
    for (size_t i = 0; i < o->nbindings; i++) {
        const option_binding *b = &o->bindings[i];
        o->index[index_slot(o, b->key, b->is_code)] = i + 1;
    }
}

/* Bind key to action, replacing an earlier binding of the same key.  An
   unbinding (ACTION_NONE) is kept as an entry so that it also hides the
   key's aliases in options_lookup. */
static void set_binding(options *o, wint_t key, bool is_code,
                        action_id action)
{
    option_binding *b = find_binding(o, key, is_code);
    if (b) {
        b->action = action;
        return;
    }
    if ((o->nbindings + 1) * 2 > o->index_cap)
        rebuild_index(o, o->index_cap ? o->index_cap * 2 : 64);
    o->bindings = grow_array(o->bindings, &o->bindings_cap,
                             o->nbindings + 1, sizeof *o->bindings);
    o->bindings[o->nbindings] = (option_binding){key, is_code, action};
    o->nbindings++;
    o->index[index_slot(o, key, is_code)] = o->nbindings;
}

/* The key that a terminal may send instead of the one a user binds:
   '\r' and KEY_ENTER for <Enter>, DEL and ^H for <Backspace>. */
static bool key_alias(wint_t key, bool is_code, wint_t *alias,
                      bool *alias_code)
{
    if ((!is_code && key == '\r') || (is_code && key == KEY_ENTER)) {
        *alias = '\n';
        *alias_code = false;
        return true;
    }
    if (!is_code && (key == 127 || key == 8)) {
        *alias = KEY_BACKSPACE;
        *alias_code = true;
        return true;
    }
    return false;
}

action_id options_lookup(const options *o, wint_t key, bool is_code)
{
    const option_binding *b = find_binding(o, key, is_code);
    wint_t alias;
    bool alias_code;
    if (!b && key_alias(key, is_code, &alias, &alias_code))
        b = find_binding(o, alias, alias_code);
    return b ? b->action : ACTION_NONE;
}

void options_keys_for(const options *o, action_id action, strbuf *out)
{
    char name[KEY_NAME_MAX];
    bool first = true;
    for (size_t i = 0; i < o->nbindings; i++) {
        const option_binding *b = &o->bindings[i];
        if (b->action != action || action == ACTION_NONE)
            continue;
        options_key_name(b->key, b->is_code, name, sizeof name);
        if (!first)
            sb_putc(out, ' ');
        sb_puts(out, name);
        first = false;
    }
}

void options_free(options *o)
{
    free(o->bindings);
    free(o->index);
    o->bindings = NULL;
    o->index = NULL;
    o->nbindings = o->bindings_cap = o->index_cap = 0;
}

/* ---- warnings ------------------------------------------------------- */

/* Make a user's word safe to print in a warning: controls and invisible
   format characters become <U+XXXX>, and long words are cut with "...".
   The word is valid UTF-8 (lines are checked first).  Returns a string
   owned by c, valid until the next call. */
static const char *show(parse_ctx *c, word w)
{
    sb_clear(&c->shown);
    sb_puts(&c->shown, "");
    const uint8_t *p = (const uint8_t *)w.s, *end = p + w.n;
    for (int chars = 0; p < end; chars++) {
        if (chars == MAX_SHOWN_CHARS) {
            sb_puts(&c->shown, "...");
            break;
        }
        ucs4_t u;
        int len = u8_mbtouc(&u, p, (size_t)(end - p));
        if (len <= 0)
            len = 1;
        if (!bindable_char(u) && u != ' ')
            sb_printf(&c->shown, "<U+%04X>", (unsigned)u);
        else if (uc_is_general_category(u, UC_CATEGORY_Cf))
            sb_printf(&c->shown, "<U+%04X>", (unsigned)u);
        else
            sb_append(&c->shown, (const char *)p, (size_t)len);
        p += len;
    }
    return c->shown.s;
}

/* Report a problem on the current line (and count the line as bad). */
static void warn(parse_ctx *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void warn(parse_ctx *c, const char *fmt, ...)
{
    c->problems++;
    if (!c->warnings || c->problems > OPTIONS_MAX_WARNINGS)
        return;
    strbuf sb = {0};
    sb_printf(&sb, "%s:%zu: ", c->source, c->line);
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n > 0) {
        char *msg = xmalloc((size_t)n + 1);
        va_start(ap, fmt);
        vsnprintf(msg, (size_t)n + 1, fmt, ap);
        va_end(ap);
        sb_append(&sb, msg, (size_t)n);
        free(msg);
    }
    strlist_push_owned(c->warnings, sb_take(&sb));
}

/* ---- statements ----------------------------------------------------- */

/* bind KEY ACTION */
static void parse_bind(parse_ctx *c, const word *w, size_t nw)
{
    if (nw < 2) {
        warn(c, "bind: missing key and action");
        return;
    }
    if (nw < 3) {
        warn(c, "bind %s: missing action", show(c, w[1]));
        return;
    }
    if (nw > 3) {
        warn(c, "bind: unexpected '%s' after the action", show(c, w[3]));
        return;
    }
    wint_t key;
    bool is_code;
    if (!options_key_parse(w[1].s, w[1].n, &key, &is_code)) {
        warn(c, "unknown key '%s'", show(c, w[1]));
        return;
    }
    int action = find_name(action_names, ACTION_COUNT, w[2]);
    if (action < 0) {
        warn(c, "unknown action '%s'", show(c, w[2]));
        return;
    }
    set_binding(c->o, key, is_code, (action_id)action);
}

/* A colour word: a name, or 0-255.  Returns false if it is neither. */
static bool parse_color(word w, short *color)
{
    int i = find_name(color_names, COUNT(color_names), w);
    if (i >= 0) {
        *color = (short)(i - 1);
        return true;
    }
    if (w.n == 0 || w.n > 3)
        return false;
    int v = 0;
    for (size_t k = 0; k < w.n; k++) {
        if (w.s[k] < '0' || w.s[k] > '9')
            return false;
        v = v * 10 + (w.s[k] - '0');
    }
    if (v > 255)
        return false;
    *color = (short)v;
    return true;
}

/* color ELEMENT FG BG [ATTR...] */
static void parse_colour_line(parse_ctx *c, const word *w, size_t nw)
{
    if (nw < 2) {
        warn(c, "color: missing element, colours and attributes");
        return;
    }
    int elem = find_name(element_names, ELEM_COUNT, w[1]);
    if (elem < 0) {
        warn(c, "unknown element '%s'", show(c, w[1]));
        return;
    }
    if (nw < 4) {
        warn(c, "color %s: missing %s", element_names[elem],
             nw == 2 ? "foreground and background colours"
                     : "background colour");
        return;
    }
    color_spec spec = {0, 0, 0};
    if (!parse_color(w[2], &spec.fg)) {
        warn(c, "unknown colour '%s'", show(c, w[2]));
        return;
    }
    if (!parse_color(w[3], &spec.bg)) {
        warn(c, "unknown colour '%s'", show(c, w[3]));
        return;
    }
    for (size_t i = 4; i < nw; i++) {
        size_t a = 0;
        while (a < COUNT(attr_names) && !word_is(w[i], attr_names[a].name))
            a++;
        if (a == COUNT(attr_names)) {
            warn(c, "unknown attribute '%s'", show(c, w[i]));
            return;
        }
        spec.attrs |= attr_names[a].attr;
    }
    c->o->colors[elem] = spec;
}

/* A yes/no value; false if it is neither. */
static bool parse_yes_no(word w, bool *value)
{
    if (word_is(w, "yes") || word_is(w, "no")) {
        *value = word_is(w, "yes");
        return true;
    }
    return false;
}

/* set OPTION VALUE */
static void parse_set(parse_ctx *c, const word *w, size_t nw)
{
    static const char *const names[] = {"ambiguous-wide", "mouse",
                                        "colors"};
    if (nw < 2) {
        warn(c, "set: missing option and value");
        return;
    }
    int opt = find_name(names, COUNT(names), w[1]);
    if (opt < 0) {
        warn(c, "unknown option '%s'", show(c, w[1]));
        return;
    }
    if (nw < 3) {
        warn(c, "set %s: missing value", names[opt]);
        return;
    }
    if (nw > 3) {
        warn(c, "set %s: unexpected '%s' after the value", names[opt],
             show(c, w[3]));
        return;
    }
    bool yes;
    if (opt == 2) {
        if (word_is(w[2], "auto"))
            c->o->color_mode = COLORS_AUTO;
        else if (word_is(w[2], "never"))
            c->o->color_mode = COLORS_NEVER;
        else
            warn(c, "set colors: expected auto or never, not '%s'",
                 show(c, w[2]));
    } else if (!parse_yes_no(w[2], &yes)) {
        warn(c, "set %s: expected yes or no, not '%s'", names[opt],
             show(c, w[2]));
    } else if (opt == 0) {
        c->o->ambiguous_wide = yes;
    } else {
        c->o->mouse = yes;
    }
}

/* Cut a line into words at spaces and tabs, stopping at a comment.
   Returns the number of words, or MAX_WORDS + 1 when there are more. */
static size_t split_words(const char *s, size_t n, word *w)
{
    size_t nw = 0, i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        if (i == n)
            break;
        /* '#' starts a comment, except as the KEY of bind. */
        if (s[i] == '#' && !(nw == 1 && word_is(w[0], "bind")))
            break;
        if (nw == MAX_WORDS)
            return MAX_WORDS + 1;
        size_t start = i;
        while (i < n && s[i] != ' ' && s[i] != '\t')
            i++;
        w[nw++] = (word){s + start, i - start};
    }
    return nw;
}

/* Check and apply one line (without its newline). */
static void parse_line(parse_ctx *c, const char *s, size_t n)
{
    if (n > OPTIONS_MAX_LINE) {
        warn(c, "line too long (%zu bytes; the limit is %d)", n,
             OPTIONS_MAX_LINE);
        return;
    }
    if (n > 0 && s[n - 1] == '\r')
        n--;
    if (c->line == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3; /* a byte order mark */
        n -= 3;
    }
    if (memchr(s, '\0', n)) {
        warn(c, "NUL byte in the line");
        return;
    }
    if (u8_check((const uint8_t *)s, n) != NULL) {
        warn(c, "invalid UTF-8");
        return;
    }
    word w[MAX_WORDS];
    size_t nw = split_words(s, n, w);
    if (nw == 0)
        return;
    if (nw > MAX_WORDS)
        warn(c, "too many words (the limit is %d)", MAX_WORDS);
    else if (word_is(w[0], "bind"))
        parse_bind(c, w, nw);
    else if (word_is(w[0], "color"))
        parse_colour_line(c, w, nw);
    else if (word_is(w[0], "set"))
        parse_set(c, w, nw);
    else
        warn(c, "unknown command '%s' (expected bind, color or set)",
             show(c, w[0]));
}

int options_parse_n(options *o, const char *text, size_t len,
                    const char *source_name, strlist *warnings)
{
    parse_ctx c = {o, source_name ? source_name : "config", 0, warnings,
                   0, {0}};
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        c.line++;
        parse_line(&c, p, (size_t)(stop - p));
        p = nl ? nl + 1 : end;
    }
    if (warnings && c.problems > OPTIONS_MAX_WARNINGS) {
        strbuf sb = {0};
        sb_printf(&sb, "%s: %d more problems not shown", c.source,
                  c.problems - OPTIONS_MAX_WARNINGS);
        strlist_push_owned(warnings, sb_take(&sb));
    }
    sb_free(&c.shown);
    return c.problems;
}

int options_parse(options *o, const char *text, const char *source_name,
                  strlist *warnings)
{
    return options_parse_n(o, text, strlen(text), source_name, warnings);
}

const char *options_default_text(void)
{
    return default_config;
}

void options_defaults(options *o)
{
    memset(o, 0, sizeof *o);
    for (int i = 0; i < ELEM_COUNT; i++)
        o->colors[i] = (color_spec){-1, -1, 0};
    o->color_mode = COLORS_AUTO;
    options_parse(o, default_config, "defaults", NULL);
}

/* Add "path: message" to warnings (if any). */
static void file_warning(strlist *warnings, const char *path,
                         const char *msg)
{
    if (!warnings)
        return;
    strbuf sb = {0};
    sb_printf(&sb, "%s: %s", path, msg);
    strlist_push_owned(warnings, sb_take(&sb));
}

int options_load_file(options *o, const char *path, strlist *warnings)
{
    size_t len;
    char *text = read_whole_file(path, MAX_FILE_BYTES, &len);
    if (!text) {
        if (errno == ENOENT)
            return 0;
        file_warning(warnings, path, strerror(errno));
        return -1;
    }
    if (len > MAX_FILE_BYTES) {
        file_warning(warnings, path,
                     "larger than 1 MiB; only the lines before that "
                     "limit were read");
        len = MAX_FILE_BYTES;
        while (len > 0 && text[len - 1] != '\n')
            len--; /* drop the cut line */
    }
    int problems = options_parse_n(o, text, len, path, warnings);
    free(text);
    return problems;
}
