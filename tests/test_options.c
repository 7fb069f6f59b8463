/* test_options.c - the config file: defaults, warnings, bindings, keys. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tui/options.h"

/* Parse text on top of the defaults; the caller frees o and warnings. */
static int parse_over_defaults(options *o, const char *text, strlist *w)
{
    options_defaults(o);
    return options_parse(o, text, "test", w);
}

static void options_defaults_parse_cleanly(void **state)
{
    (void)state;
    options o = {0};
    for (int i = 0; i < ELEM_COUNT; i++)
        o.colors[i] = (color_spec){-1, -1, 0};
    strlist w = {0};
    assert_int_equal(options_parse(&o, options_default_text(), "defaults",
                                   &w), 0);
    assert_int_equal(w.n, 0);
    assert_int_equal(options_lookup(&o, 'j', false), ACTION_DOWN);
    assert_int_equal(options_lookup(&o, 4, false), ACTION_HALF_PAGE_DOWN);
    assert_int_equal(options_lookup(&o, KEY_NPAGE, true), ACTION_PAGE_DOWN);
    assert_int_equal(options_lookup(&o, 'o', false), ACTION_QUOTES);
    assert_int_equal(options_lookup(&o, 'j', true), ACTION_NONE);
    assert_int_equal(o.colors[ELEM_HEADLINE].fg, COLOR_YELLOW);
    assert_int_equal(o.colors[ELEM_HEADLINE].bg, -1);
    assert_int_equal(o.colors[ELEM_HEADLINE].attrs, A_BOLD);
    options_free(&o);
    strlist_free(&w);
}

/* The shipped assets/config and the compiled-in text must not drift. */
static void options_default_text_matches_asset(void **state)
{
    (void)state;
    size_t len;
    char *file = test_read_file(test_src_path("assets/config"), &len);
    const char *text = options_default_text();
    assert_int_equal(len, strlen(text));
    assert_memory_equal(file, text, len);
    free(file);
}

/* Every action has a default key, so the help screen lists them all. */
static void options_defaults_bind_every_action(void **state)
{
    (void)state;
    options o;
    options_defaults(&o);
    for (int a = ACTION_NONE + 1; a < ACTION_COUNT; a++) {
        strbuf keys = {0};
        options_keys_for(&o, (action_id)a, &keys);
        if (keys.len == 0)
            fail_msg("no default key for %s", options_action_name(a));
        sb_free(&keys);
    }
    assert_true(o.mouse); /* click and wheel, as the issue asks */
    assert_false(o.ambiguous_wide);
    assert_int_equal(o.color_mode, COLORS_AUTO);
    options_free(&o);
}

/* Each bad line gives exactly one warning naming the source and line,
   and the lines around it still apply. */
static void options_warns_per_bad_line(void **state)
{
    (void)state;
    static const struct {
        const char *line;
        const char *warning;
    } cases[] = {
        {"frobnicate j down",
         "unknown command 'frobnicate' (expected bind, color or set)"},
        {"Bind j down",
         "unknown command 'Bind' (expected bind, color or set)"},
        {"bind", "bind: missing key and action"},
        {"bind j", "bind j: missing action"},
        {"bind j down up", "bind: unexpected 'up' after the action"},
        {"bind <Foo> down", "unknown key '<Foo>'"},
        {"bind jj down", "unknown key 'jj'"},
        {"bind <F13> down", "unknown key '<F13>'"},
        {"bind <F0> down", "unknown key '<F0>'"},
        {"bind <C-1> down", "unknown key '<C-1>'"},
        {"bind <C-d down", "unknown key '<C-d'"},
        {"bind <> down", "unknown key '<>'"},
        {"bind \x01 down", "unknown key '<U+0001>'"},
        {"bind \xC2\x85 down", "unknown key '<U+0085>'"},
        {"bind j sideways", "unknown action 'sideways'"},
        {"bind j Down", "unknown action 'Down'"},
        {"color", "color: missing element, colours and attributes"},
        {"color titel red default", "unknown element 'titel'"},
        {"color title", "color title: missing foreground and background "
                        "colours"},
        {"color title red", "color title: missing background colour"},
        {"color title rouge default", "unknown colour 'rouge'"},
        {"color title red 256", "unknown colour '256'"},
        {"color title red -1", "unknown colour '-1'"},
        {"color title red default blink", "unknown attribute 'blink'"},
        {"color title red default bold bold bold bold bold bold bold bold "
         "bold", "too many words (the limit is 12)"},
        {"set", "set: missing option and value"},
        {"set mice yes", "unknown option 'mice'"},
        {"set mouse", "set mouse: missing value"},
        {"set mouse yes please",
         "set mouse: unexpected 'please' after the value"},
        {"set mouse maybe", "set mouse: expected yes or no, not 'maybe'"},
        {"set ambiguous-wide 1",
         "set ambiguous-wide: expected yes or no, not '1'"},
        {"set colors always",
         "set colors: expected auto or never, not 'always'"},
        {"bind \xFF down", "invalid UTF-8"},
        {"bind \xE4\xB8 down", "invalid UTF-8"},
        {"bind \xED\xA0\x80 down", "invalid UTF-8"}, /* a surrogate */
        {"set mouse \xC0\xAF", "invalid UTF-8"},     /* overlong '/' */
    };
    for (size_t i = 0; i < SUITE_LEN(cases); i++) {
        strbuf text = {0};
        sb_printf(&text, "set mouse yes\n%s\nbind x quit\n", cases[i].line);
        options o;
        strlist w = {0};
        int bad = parse_over_defaults(&o, text.s, &w);
        strbuf want = {0};
        sb_printf(&want, "test:2: %s", cases[i].warning);
        if (bad != 1 || w.n != 1 || strcmp(w.v[0], want.s) != 0)
            fail_msg("line %zu '%s': %d problems, first warning '%s'", i,
                     cases[i].line, bad, w.n ? w.v[0] : "(none)");
        assert_true(o.mouse);
        assert_int_equal(options_lookup(&o, 'x', false), ACTION_QUIT);
        options_free(&o);
        strlist_free(&w);
        sb_free(&text);
        sb_free(&want);
    }
}

/* A bad line changes nothing, not even the parts that were valid. */
static void options_bad_line_applies_nothing(void **state)
{
    (void)state;
    options o;
    strlist w = {0};
    assert_int_equal(parse_over_defaults(&o, "color headline red blue "
                                             "underline blink\n", &w), 1);
    assert_int_equal(o.colors[ELEM_HEADLINE].fg, COLOR_YELLOW);
    assert_int_equal(o.colors[ELEM_HEADLINE].attrs, A_BOLD);
    options_free(&o);
    strlist_free(&w);
}

static void options_long_line_and_nul(void **state)
{
    (void)state;
    strbuf text = {0};
    sb_puts(&text, "bind x quit\nbind j up ");
    for (int i = 0; i < 2000; i++)
        sb_putc(&text, ' ');
    sb_puts(&text, "\nbind y quit");   /* no final newline */
    options o;
    strlist w = {0};
    assert_int_equal(parse_over_defaults(&o, text.s, &w), 1);
    assert_int_equal(w.n, 1);
    assert_string_equal(w.v[0],
                        "test:2: line too long (2010 bytes; the limit is "
                        "1024)");
    assert_int_equal(options_lookup(&o, 'j', false), ACTION_DOWN);
    assert_int_equal(options_lookup(&o, 'y', false), ACTION_QUIT);
    strlist_free(&w);

    static const char nul[] = "bind a quit\nbind b\0 quit\nbind c quit\n";
    assert_int_equal(options_parse_n(&o, nul, sizeof nul - 1, "nul", &w), 1);
    assert_int_equal(w.n, 1);
    assert_string_equal(w.v[0], "nul:2: NUL byte in the line");
    assert_int_equal(options_lookup(&o, 'a', false), ACTION_QUIT);
    assert_int_equal(options_lookup(&o, 'b', false), ACTION_NONE);
    assert_int_equal(options_lookup(&o, 'c', false), ACTION_QUIT);
    options_free(&o);
    strlist_free(&w);
    sb_free(&text);
}

/* Words quoted in warnings cannot carry escape sequences or run on. */
static void options_warnings_are_safe_to_print(void **state)
{
    (void)state;
    strbuf text = {0};
    sb_puts(&text, "bind \x1b[31m down\nbind ");
    for (int i = 0; i < 50; i++)
        sb_puts(&text, "中");
    sb_puts(&text, " down\nset mouse \xE2\x80\xAEon\n");
    options o;
    strlist w = {0};
    assert_int_equal(parse_over_defaults(&o, text.s, &w), 3);
    assert_int_equal(w.n, 3);
    assert_string_equal(w.v[0], "test:1: unknown key '<U+001B>[31m'");
    strbuf want = {0};
    sb_puts(&want, "test:2: unknown key '");
    for (int i = 0; i < 32; i++)
        sb_puts(&want, "中");
    sb_puts(&want, "...'");
    assert_string_equal(w.v[1], want.s);
    assert_string_equal(w.v[2], "test:3: set mouse: expected yes or no, "
                                "not '<U+202E>on'");
    options_free(&o);
    strlist_free(&w);
    sb_free(&text);
    sb_free(&want);
}

/* After OPTIONS_MAX_WARNINGS messages, one summary line. */
static void options_caps_warnings(void **state)
{
    (void)state;
    strbuf text = {0};
    for (int i = 0; i < 500; i++)
        sb_puts(&text, "nonsense\n");
    options o;
    strlist w = {0};
    assert_int_equal(parse_over_defaults(&o, text.s, &w), 500);
    assert_int_equal(w.n, OPTIONS_MAX_WARNINGS + 1);
    assert_string_equal(w.v[99], "test:100: unknown command 'nonsense' "
                                 "(expected bind, color or set)");
    assert_string_equal(w.v[100], "test: 400 more problems not shown");
    options_free(&o);
    strlist_free(&w);
    sb_free(&text);
}

static void options_later_bindings_override(void **state)
{
    (void)state;
    options o;
    strlist w = {0};
    assert_int_equal(parse_over_defaults(&o,
                                         "bind j up\n"
                                         "bind j quit\n"
                                         "bind <Down> none\n"
                                         "bind 中 help\n"
                                         "bind <c-N> search-next\n"
                                         "bind <pgdn> home\n",
                                         &w), 0);
    assert_int_equal(options_lookup(&o, 'j', false), ACTION_QUIT);
    assert_int_equal(options_lookup(&o, KEY_DOWN, true), ACTION_NONE);
    assert_int_equal(options_lookup(&o, 0x4e2d, false), ACTION_HELP);
    assert_int_equal(options_lookup(&o, 14, false), ACTION_SEARCH_NEXT);
    assert_int_equal(options_lookup(&o, KEY_NPAGE, true), ACTION_HOME);
    strbuf keys = {0};
    options_keys_for(&o, ACTION_DOWN, &keys);
    assert_string_equal(keys.s ? keys.s : "", "");
    sb_clear(&keys);
    /* A rebound key keeps its place: j was bound before Q. */
    options_keys_for(&o, ACTION_QUIT, &keys);
    assert_string_equal(keys.s, "j Q <C-c>");
    sb_clear(&keys);
    options_keys_for(&o, ACTION_HELP, &keys);
    assert_string_equal(keys.s, "? <F1> 中");
    /* Binding again after unbinding works. */
    assert_int_equal(options_parse(&o, "bind <Down> down", "t", &w), 0);
    assert_int_equal(options_lookup(&o, KEY_DOWN, true), ACTION_DOWN);
    options_free(&o);
    strlist_free(&w);
    sb_free(&keys);
}

/* Enter and Backspace answer to the other codes terminals send, unless
   those have bindings of their own. */
static void options_lookup_aliases(void **state)
{
    (void)state;
    options o;
    options_defaults(&o);
    assert_int_equal(options_lookup(&o, '\n', false), ACTION_ENTER);
    assert_int_equal(options_lookup(&o, '\r', false), ACTION_ENTER);
    assert_int_equal(options_lookup(&o, KEY_ENTER, true), ACTION_ENTER);
    assert_int_equal(options_lookup(&o, 127, false), ACTION_BACK);
    assert_int_equal(options_lookup(&o, 8, false), ACTION_BACK);
    assert_int_equal(options_parse(&o, "bind <C-h> help\n"
                                       "bind <Enter> none\n", "t", NULL), 0);
    assert_int_equal(options_lookup(&o, 8, false), ACTION_HELP);
    assert_int_equal(options_lookup(&o, 127, false), ACTION_BACK);
    assert_int_equal(options_lookup(&o, '\r', false), ACTION_NONE);
    assert_int_equal(options_lookup(&o, KEY_ENTER, true), ACTION_NONE);
    options_free(&o);
}

/* Comments, blank lines, CRLF and a byte order mark. */
static void options_comments_and_line_ends(void **state)
{
    (void)state;
    options o;
    strlist w = {0};
    assert_int_equal(parse_over_defaults(&o,
                                         "\xEF\xBB\xBF" "bind x quit\r\n"
                                         "   # indented comment\r\n"
                                         "\t\r\n"
                                         "bind # help # the hash key\n"
                                         "bind z mark #no space needed\n"
                                         "color title red default bold # x\n"
                                         "set\tmouse\tyes\n",
                                         &w), 0);
    assert_int_equal(w.n, 0);
    assert_int_equal(options_lookup(&o, 'x', false), ACTION_QUIT);
    assert_int_equal(options_lookup(&o, '#', false), ACTION_HELP);
    assert_int_equal(options_lookup(&o, 'z', false), ACTION_MARK);
    assert_int_equal(o.colors[ELEM_TITLE].fg, COLOR_RED);
    assert_true(o.mouse);
    /* A BOM only counts at the very start. */
    assert_int_equal(options_parse(&o, "\n\xEF\xBB\xBF" "bind x up", "t", &w),
                     1);
    assert_string_equal(w.v[0], "t:2: unknown command '<U+FEFF>bind' "
                                "(expected bind, color or set)");
    options_free(&o);
    strlist_free(&w);
}

static void options_colors_and_settings(void **state)
{
    (void)state;
    options o;
    strlist w = {0};
    assert_int_equal(parse_over_defaults(&o,
                                         "color match 196 default underline "
                                         "reverse\n"
                                         "color status default 0 standout "
                                         "dim\n"
                                         "color mark 7 255\n"
                                         "set ambiguous-wide yes\n"
                                         "set colors never\n",
                                         &w), 0);
    assert_int_equal(o.colors[ELEM_MATCH].fg, 196);
    assert_int_equal(o.colors[ELEM_MATCH].bg, -1);
    assert_int_equal(o.colors[ELEM_MATCH].attrs, A_UNDERLINE | A_REVERSE);
    assert_int_equal(o.colors[ELEM_STATUS].fg, -1);
    assert_int_equal(o.colors[ELEM_STATUS].bg, COLOR_BLACK);
    assert_int_equal(o.colors[ELEM_STATUS].attrs, A_STANDOUT | A_DIM);
    assert_int_equal(o.colors[ELEM_MARK].fg, COLOR_WHITE);
    assert_int_equal(o.colors[ELEM_MARK].bg, 255);
    assert_int_equal(o.colors[ELEM_MARK].attrs, 0);
    assert_true(o.ambiguous_wide);
    assert_int_equal(o.color_mode, COLORS_NEVER);
    options_free(&o);
    strlist_free(&w);
}

/* Every documented key name parses, and key_name gives it back. */
static void options_key_names_round_trip(void **state)
{
    (void)state;
    static const char *const names[] = {
        "<Enter>", "<Tab>", "<S-Tab>", "<Up>", "<Down>", "<Left>",
        "<Right>", "<PgUp>", "<PgDn>", "<Home>", "<End>", "<Esc>",
        "<Backspace>", "<Space>", "<F1>", "<F9>", "<F10>", "<F12>",
        "<C-a>", "<C-h>", "<C-m>", "<C-z>", "j", "G", "?", "<", ">", "#",
        "中", "\xF0\x9F\x98\x80", "\xE3\x80\x80", "\xC3\xA9",
    };
    char buf[KEY_NAME_MAX];
    for (size_t i = 0; i < SUITE_LEN(names); i++) {
        wint_t key;
        bool code;
        if (!options_key_parse(names[i], strlen(names[i]), &key, &code))
            fail_msg("'%s' does not parse", names[i]);
        options_key_name(key, code, buf, sizeof buf);
        assert_string_equal(buf, names[i]);
    }
    /* Other spellings of the same keys come back canonical. */
    static const char *const aliases[][2] = {
        {"<pgdn>", "<PgDn>"}, {"<C-D>", "<C-d>"}, {"<c-i>", "<Tab>"},
        {"<C-j>", "<Enter>"}, {"<f5>", "<F5>"}, {"<ESC>", "<Esc>"},
    };
    for (size_t i = 0; i < SUITE_LEN(aliases); i++) {
        wint_t key;
        bool code;
        assert_true(options_key_parse(aliases[i][0], strlen(aliases[i][0]),
                                      &key, &code));
        options_key_name(key, code, buf, sizeof buf);
        assert_string_equal(buf, aliases[i][1]);
    }
    /* And every key key_name can name parses back to itself. */
    for (wint_t c = 1; c < 0x11000; c++) {
        if (c >= 0xd800 && c <= 0xdfff)
            continue;
        options_key_name(c, false, buf, sizeof buf);
        wint_t back;
        bool code;
        bool ok = options_key_parse(buf, strlen(buf), &back, &code);
        bool nameable = (c > 0x20 && !(c >= 0x7f && c <= 0x9f)) ||
                        (c >= 1 && c <= 27) || c == ' ';
        assert_int_equal(ok, nameable);
        if (ok && (back != c || code))
            fail_msg("U+%04X named '%s' parses as %u", (unsigned)c, buf,
                     (unsigned)back);
    }
}

static void options_key_name_odd_keys(void **state)
{
    (void)state;
    char buf[KEY_NAME_MAX];
    options_key_name(127, false, buf, sizeof buf);
    assert_string_equal(buf, "<U+007F>");
    options_key_name(KEY_F(20), true, buf, sizeof buf);
    assert_string_equal(buf, "<code 0x11c>");
    options_key_name(0xd800, false, buf, sizeof buf);
    assert_string_equal(buf, "<U+D800>");
    options_key_name(KEY_BACKSPACE, true, buf, 5);  /* too small: empty */
    assert_string_equal(buf, "");
    options_key_name(0x4e2d, false, buf, 4);
    assert_string_equal(buf, "中");
    options_key_name(0x4e2d, false, buf, 3);
    assert_string_equal(buf, "");
    assert_false(options_key_parse("", 0, &(wint_t){0}, &(bool){0}));
}

static void options_names_round_trip(void **state)
{
    (void)state;
    for (int a = 0; a < ACTION_COUNT; a++)
        assert_int_equal(options_action_from_name(options_action_name(a)), a);
    for (int e = 0; e < ELEM_COUNT; e++)
        assert_int_equal(options_element_from_name(options_element_name(e)), e);
    assert_null(options_action_name(ACTION_COUNT));
    assert_null(options_action_name(-1));
    assert_int_equal(options_action_from_name("half-page-down"),
                     ACTION_HALF_PAGE_DOWN);
    assert_int_equal(options_action_from_name("nope"), -1);
    assert_int_equal(options_element_from_name("title-focus"),
                     ELEM_TITLE_FOCUS);
    assert_int_equal(options_element_from_name(""), -1);
}

static void options_load_file_cases(void **state)
{
    (void)state;
    const char *dir = test_tmpdir();
    strbuf path = {0};
    options o;
    strlist w = {0};
    options_defaults(&o);

    sb_printf(&path, "%s/missing/config", dir);
    assert_int_equal(options_load_file(&o, path.s, &w), 0);
    assert_int_equal(w.n, 0);

    sb_clear(&path);
    sb_printf(&path, "%s/config", dir);
    FILE *f = fopen(path.s, "w");
    assert_non_null(f);
    fputs("bind x quit\nbind y teleport\n", f);
    fclose(f);
    assert_int_equal(options_load_file(&o, path.s, &w), 1);
    assert_int_equal(options_lookup(&o, 'x', false), ACTION_QUIT);
    assert_int_equal(w.n, 1);
    strbuf want = {0};
    sb_printf(&want, "%s:2: unknown action 'teleport'", path.s);
    assert_string_equal(w.v[0], want.s);
    strlist_free(&w);

    /* A directory cannot be read: a warning, and the options stay. */
    assert_int_equal(options_load_file(&o, dir, &w), -1);
    assert_int_equal(w.n, 1);
    assert_non_null(strstr(w.v[0], dir));
    assert_int_equal(options_lookup(&o, 'x', false), ACTION_QUIT);
    options_free(&o);
    strlist_free(&w);
    sb_free(&path);
    sb_free(&want);
}

/* Many distinct keys: the table grows and every lookup stays right. */
static void options_many_bindings(void **state)
{
    (void)state;
    strbuf text = {0};
    for (wint_t c = 0x4e00; c < 0x4e00 + 20000; c++) {
        char name[KEY_NAME_MAX];
        options_key_name(c, false, name, sizeof name);
        sb_printf(&text, "bind %s %s\n", name,
                  options_action_name(1 + (int)(c % (ACTION_COUNT - 1))));
    }
    options o;
    assert_int_equal(parse_over_defaults(&o, text.s, NULL), 0);
    for (wint_t c = 0x4e00; c < 0x4e00 + 20000; c++)
        assert_int_equal(options_lookup(&o, c, false),
                         1 + (int)(c % (ACTION_COUNT - 1)));
    assert_int_equal(options_lookup(&o, 'j', false), ACTION_DOWN);
    options_free(&o);
    sb_free(&text);
}

/* Arbitrary bytes never crash the parser (a small in-process fuzz). */
static void options_survives_random_bytes(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "bind ", "color ", "set ", "<C-", "<F1", ">", " ", "\t", "\n",
        "\r", "#", "\xE4\xB8\xAD", "\xFF", "\xC3", "none", "mouse ",
        "title ", "red ", "255 ", "bold", "\0", "<", "j", "down",
    };
    unsigned long seed = 12345;
    for (int round = 0; round < 3000; round++) {
        strbuf text = {0};
        int parts = (int)(seed % 60);
        for (int i = 0; i < parts; i++) {
            seed = seed * 6364136223846793005UL + 1442695040888963407UL;
            if (seed >> 63) {
                const char *p = pieces[(seed >> 33) % SUITE_LEN(pieces)];
                sb_append(&text, p, p[0] ? strlen(p) : 1);
            } else {
                sb_putc(&text, (char)(seed >> 40));
            }
        }
        options o;
        options_defaults(&o);
        strlist w = {0};
        int bad = options_parse_n(&o, text.s ? text.s : "", text.len, "f",
                                  &w);
        assert_true(bad >= 0);
        assert_int_equal(w.n, (size_t)bad);
        for (size_t i = 0; i < w.n; i++)
            assert_true(strncmp(w.v[i], "f:", 2) == 0);
        options_free(&o);
        strlist_free(&w);
        sb_free(&text);
    }
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(options_defaults_parse_cleanly),
    cmocka_unit_test(options_default_text_matches_asset),
    cmocka_unit_test(options_defaults_bind_every_action),
    cmocka_unit_test(options_warns_per_bad_line),
    cmocka_unit_test(options_bad_line_applies_nothing),
    cmocka_unit_test(options_long_line_and_nul),
    cmocka_unit_test(options_warnings_are_safe_to_print),
    cmocka_unit_test(options_caps_warnings),
    cmocka_unit_test(options_later_bindings_override),
    cmocka_unit_test(options_lookup_aliases),
    cmocka_unit_test(options_comments_and_line_ends),
    cmocka_unit_test(options_colors_and_settings),
    cmocka_unit_test(options_key_names_round_trip),
    cmocka_unit_test(options_key_name_odd_keys),
    cmocka_unit_test(options_names_round_trip),
    cmocka_unit_test(options_load_file_cases),
    cmocka_unit_test(options_many_bindings),
    cmocka_unit_test(options_survives_random_bytes),
};
const test_suite options_suite = {tests, SUITE_LEN(tests)};
