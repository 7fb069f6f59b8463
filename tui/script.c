/* script.c - parse key scripts into steps. */
#include "script.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "textwidth.h"

typedef struct {
    script_step step;
    long repeat;       /* times to deliver the step */
} script_item;

struct script {
    script_item *items;
    size_t n, cap;
    size_t pos;        /* next item */
    long done;         /* deliveries of items[pos] so far */
    strlist texts;     /* owned strings of :expect steps */
};

static const struct {
    const char *name;
    wint_t key;
    bool is_code;
} key_names[] = {
    {"Enter", '\n', false},    {"Tab", '\t', false},
    {"S-Tab", KEY_BTAB, true}, {"Up", KEY_UP, true},
    {"Down", KEY_DOWN, true},  {"Left", KEY_LEFT, true},
    {"Right", KEY_RIGHT, true}, {"PgUp", KEY_PPAGE, true},
    {"PgDn", KEY_NPAGE, true}, {"Home", KEY_HOME, true},
    {"End", KEY_END, true},    {"Esc", 27, false},
    {"Backspace", KEY_BACKSPACE, true}, {"Space", ' ', false},
    {"Lt", '<', false},
};

static void add_item(script *s, script_step st, long repeat)
{
    s->items = grow_array(s->items, &s->cap, s->n + 1, sizeof *s->items);
    s->items[s->n].step = st;
    s->items[s->n].repeat = repeat;
    s->n++;
}

/* Parse one key token at *p (a character or <Name>); advances *p. */
static bool parse_key(const char **p, script_step *st)
{
    const char *q = *p;
    if (*q == '<') {
        const char *end = strchr(q, '>');
        if (!end)
            return false;
        size_t len = (size_t)(end - q - 1);
        *p = end + 1;
        if (len == 3 && q[1] == 'C' && q[2] == '-') {
            st->key = (wint_t)(q[3] & 0x1f);
            st->is_code = false;
            return true;
        }
        for (size_t i = 0; i < sizeof key_names / sizeof *key_names; i++) {
            if (strlen(key_names[i].name) == len &&
                strncmp(q + 1, key_names[i].name, len) == 0) {
                st->key = key_names[i].key;
                st->is_code = key_names[i].is_code;
                return true;
            }
        }
        return false;
    }
    ucs4_t uc;
    int n = u8_mbtouc(&uc, (const uint8_t *)q, strlen(q));
    if (n <= 0 || uc == 0xFFFD)
        return false;
    st->key = (wint_t)uc;
    st->is_code = false;
    *p = q + n;
    return true;
}

/* Add every key of a key line (or the text of :type). */
static bool parse_keys(script *s, const char *p, int line, bool literal)
{
    while (*p) {
        script_step st = {STEP_KEY, 0, false, 0, 0, NULL, line};
        if (literal) {
            ucs4_t uc;
            int n = u8_mbtouc(&uc, (const uint8_t *)p, strlen(p));
            st.key = (wint_t)uc;
            p += n;
        } else if (!parse_key(&p, &st)) {
            return false;
        }
        add_item(s, st, 1);
    }
    return true;
}

/* Parse one command line (after the ':'). */
static bool parse_command(script *s, const char *cmd, int line)
{
    script_step st = {STEP_KEY, 0, false, 0, 0, NULL, line};
    if (strncmp(cmd, "type ", 5) == 0)
        return parse_keys(s, cmd + 5, line, true);
    if (strcmp(cmd, "dump") == 0 || strcmp(cmd, "dump-highlight") == 0) {
        st.kind = cmd[4] ? STEP_DUMP_HIGHLIGHT : STEP_DUMP;
        add_item(s, st, 1);
        return true;
    }
    if (strncmp(cmd, "expect ", 7) == 0) {
        st.kind = STEP_EXPECT;
        strlist_push(&s->texts, cmd + 7);
        st.text = s->texts.v[s->texts.n - 1]; /* a copy: stays put */
        add_item(s, st, 1);
        return true;
    }
    if (sscanf(cmd, "resize %d %d", &st.cols, &st.rows) == 2) {
        if (st.cols < 1 || st.rows < 1 || st.cols > 1000 || st.rows > 1000)
            return false;
        st.kind = STEP_RESIZE;
        add_item(s, st, 1);
        return true;
    }
    long count;
    int off = 0;
    if (sscanf(cmd, "repeat %ld %n", &count, &off) == 1 && off > 0 &&
        count > 0) {
        const char *p = cmd + off;
        if (!parse_key(&p, &st) || *p)
            return false;
        add_item(s, st, count);
        return true;
    }
    return false;
}

script *script_load(const char *path, strbuf *err)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        sb_printf(err, "cannot open script %s: %m", path);
        return NULL;
    }
    script *s = xcalloc(1, sizeof *s);
    char *buf = NULL;
    size_t cap = 0;
    ssize_t len;
    int line = 0;
    bool ok = true;
    while (ok && (len = getline(&buf, &cap, f)) >= 0) {
        line++;
        while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
            buf[--len] = '\0';
        if (len == 0 || buf[0] == '#')
            continue;
        ok = buf[0] == ':' ? parse_command(s, buf + 1, line)
                           : parse_keys(s, buf, line, false);
        if (!ok)
            sb_printf(err, "%s:%d: cannot understand '%s'", path, line, buf);
    }
    free(buf);
    fclose(f);
    if (!ok) {
        script_free(s);
        return NULL;
    }
    return s;
}

script_step script_next(script *s)
{
    while (s->pos < s->n && s->done >= s->items[s->pos].repeat) {
        s->pos++;
        s->done = 0;
    }
    if (s->pos >= s->n)
        return (script_step){STEP_END, 0, false, 0, 0, NULL, 0};
    s->done++;
    return s->items[s->pos].step;
}

bool script_take_esc(script *s)
{
    while (s->pos < s->n && s->done >= s->items[s->pos].repeat) {
        s->pos++;
        s->done = 0;
    }
    if (s->pos >= s->n)
        return false;
    const script_step *st = &s->items[s->pos].step;
    if (st->kind != STEP_KEY || st->is_code || st->key != 27)
        return false;
    s->done++;
    return true;
}

void script_free(script *s)
{
    if (!s)
        return;
    free(s->items);
    strlist_free(&s->texts);
    free(s);
}

/* The character a screen cell shows: line-drawing (ACS) cells are stored
   as letters, so map the ones dubao draws back to their Unicode forms.
   With only_attr, a cell drawn otherwise shows as a blank of its width. */
static wchar_t cell_char(const cchar_t *cell, attr_t only_attr)
{
    wchar_t wch[CCHARW_MAX + 1];
    attr_t attrs;
    short pair;
    if (getcchar(cell, wch, &attrs, &pair, NULL) == ERR || wch[0] == 0)
        return L' ';
    if (only_attr && ((attrs & ~A_COLOR) != (only_attr & ~A_COLOR) ||
                      pair != PAIR_NUMBER(only_attr)))
        return text_char_width((unsigned)wch[0]) == 2 ? 0x3000 : L' ';
    if (attrs & A_ALTCHARSET) {
        if (wch[0] == L'x')
            return 0x2502; /* │ */
        if (wch[0] == L'q')
            return 0x2500; /* ─ */
    }
    return wch[0];
}

/* Print the virtual screen as text, one line per row, then "----".  Cells
   are read one column at a time; a wide character fills two columns. */
void script_dump_screen(attr_t only_attr)
{
    strbuf sb = {0};
    for (int y = 0; y < LINES; y++) {
        size_t line_start = sb.len, keep = sb.len;
        for (int x = 0; x < COLS; x++) {
            cchar_t cell;
            if (mvwin_wch(curscr, y, x, &cell) == ERR)
                break;
            wchar_t wc = cell_char(&cell, only_attr);
            uint8_t buf[6];
            int k = u8_uctomb(buf, (ucs4_t)wc, sizeof buf);
            if (k > 0)
                sb_append(&sb, (const char *)buf, (size_t)k);
            if (wc != L' ' && wc != 0x3000)
                keep = sb.len;
            if (text_char_width((unsigned)wc) == 2)
                x++;
        }
        sb.len = keep > line_start ? keep : line_start;
        sb_putc(&sb, '\n');
    }
    sb_puts(&sb, "----\n");
    fwrite(sb.s, 1, sb.len, stdout);
    fflush(stdout);
    sb_free(&sb);
}

/* Does the virtual screen contain text? */
bool script_screen_contains(const char *text)
{
    char *saved = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&saved, &size);
    FILE *old = stdout;
    stdout = mem;
    script_dump_screen(0);
    stdout = old;
    fclose(mem);
    bool found = saved && strstr(saved, text) != NULL;
    free(saved);
    return found;
}

