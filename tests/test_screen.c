/* test_screen.c - a screen you can trust: every pane shows what it
 * claims.  A filter or a selection that changes reloads or clears the
 * panes that follow it in the same keystroke; filters are shown in the
 * pane titles and Esc clears them; messages, counts and help use plain
 * words.  The browser is driven by --script (screens as text). */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../tui/options.h"

static const char *dubao_bin(void)
{
    const char *b = getenv("DUBAO_BIN");
    return b ? b : "./dubao";
}

/* A fresh database path (static buffer). */
static const char *fresh_db(void)
{
    static char db[600];
    snprintf(db, sizeof db, "%s/screen.db", test_tmpdir());
    return db;
}

/* Run a script on the shipped corpus and the database db; fails the test
   unless it exits 0.  Returns the output (heap). */
static char *run_on(const char *db, const char *text)
{
    strbuf out = {0}, err = {0};
    int rc = test_run_script(db, NULL, text, &out, &err);
    if (rc != 0)
        fail_msg("dubao --script exited %d: %s", rc, err.s ? err.s : "");
    sb_free(&err);
    return out.s ? sb_take(&out) : xstrdup("");
}

static char *run_fresh(const char *text)
{
    return run_on(fresh_db(), text);
}

/* The first n characters of s (heap). */
static char *first_chars(const char *s, size_t n)
{
    const char *p = s;
    for (size_t i = 0; i < n && *p; i++)
        do
            p++;
        while ((*p & 0xC0) == 0x80);
    return xstrndup(s, (size_t)(p - s));
}

/* The rows of a screen between the title row and the status line. */
typedef struct {
    const char *p;    /* the start of the next row */
    const char *end;  /* the status line */
} rows_iter;

static rows_iter pane_rows(const char *screen)
{
    const char *first = strchr(screen, '\n');
    const char *end = screen + strlen(screen);
    while (end > screen && end[-1] == '\n')
        end--;
    const char *status = end;
    while (status > screen && status[-1] != '\n')
        status--;
    return (rows_iter){first ? first + 1 : end, status};
}

/* The next row as [*s, *s + *n); false after the last. */
static bool next_row(rows_iter *it, const char **s, size_t *n)
{
    if (it->p >= it->end)
        return false;
    const char *nl = memchr(it->p, '\n', (size_t)(it->end - it->p));
    *s = it->p;
    *n = nl ? (size_t)(nl - it->p) : (size_t)(it->end - it->p);
    it->p = nl ? nl + 1 : it->end;
    return true;
}

/* The rows of the rightmost pane (the reader) from row first on (0: the
   row below the title), at most max of them, joined without their
   trailing blanks, so that a paragraph wrapped over several rows reads as
   one string (heap). */
static char *reader_rows(const char *screen, int first, int max)
{
    static const char bar[] = "\xE2\x94\x82"; /* the pane separator */
    strbuf sb = {0};
    rows_iter it = pane_rows(screen);
    const char *s;
    size_t n;
    for (int row = 0; row < first + max && next_row(&it, &s, &n); row++) {
        if (row < first)
            continue;
        const char *from = s;
        for (const char *b = s; (b = memmem(b, (size_t)(s + n - b), bar, 3));
             b += 3)
            from = b + 3;
        size_t len = (size_t)(s + n - from);
        while (len > 0 && from[len - 1] == ' ')
            len--;
        sb_append(&sb, from, len);
    }
    return sb.s ? sb_take(&sb) : xstrdup("");
}

/* The whole text the reader shows (heap). */
static char *reader_text(const char *screen)
{
    return reader_rows(screen, 0, 1000);
}

/* Whether the panes below the titles show nothing but separators. */
static bool panes_are_empty(const char *screen)
{
    rows_iter it = pane_rows(screen);
    const char *s;
    size_t n;
    while (next_row(&it, &s, &n))
        for (size_t i = 0; i < n; i++)
            if (s[i] != ' ' && !(i + 2 < n && memcmp(s + i, "\xE2\x94\x82",
                                                     3) == 0 && (i += 2)))
                return false;
    return true;
}

/* The screen without its status line (heap). */
static char *without_status(const char *screen)
{
    rows_iter it = pane_rows(screen);
    return xstrndup(screen, (size_t)(it.end - screen));
}

/* The first JSON Lines value of key in the output of a dubao command run
   on db (heap), or NULL. */
static char *first_value(const char *db, const char *key, const char *a1,
                         const char *a2, const char *a3, const char *a4)
{
    char *argv[10] = {(char *)dubao_bin(), "--db", (char *)db, "-n"};
    int n = 4;
    const char *rest[] = {a1, a2, a3, a4};
    for (int i = 0; i < 4 && rest[i]; i++)
        argv[n++] = (char *)rest[i];
    argv[n] = NULL;
    strbuf out = {0};
    assert_int_equal(test_run(argv, &out, NULL), 0);
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\":\"", key);
    char *v = out.s ? strstr(out.s, pat) : NULL;
    char *r = NULL;
    if (v) {
        v += strlen(pat);
        r = xstrndup(v, strcspn(v, "\""));
    }
    sb_free(&out);
    return r;
}

/* The picker with no match: the speakers pane is empty, and so are the
   quotes and the reader (no quote of the speaker selected before); the
   title says what was typed; Esc brings every speaker back, and the
   status line no longer mentions the failed query. */
static void screen_picker_without_match_clears_the_panes(void **state)
{
    (void)state;
    char *out = run_fresh("d\n:type 雷\n<Enter>\n:dump\nd\n:type xyzzy\n"
                          ":dump\n<Enter>\n:dump\n<Esc>\ns\n:dump\n");
    char *lei = test_nth_screen(out, 0), *typing = test_nth_screen(out, 1);
    char *none = test_nth_screen(out, 2), *cleared = test_nth_screen(out, 3);
    assert_non_null(cleared);
    assert_non_null(strstr(lei, "Quotes 1/"));
    /* As soon as nothing matches, nothing is shown. */
    assert_non_null(strstr(typing, "Speakers 0"));
    assert_non_null(strstr(typing, "Quotes 0"));
    assert_true(panes_are_empty(typing));
    assert_true(panes_are_empty(none));
    assert_non_null(strstr(none, "\xE2\x80\x9Cxyzzy"));
    assert_non_null(strstr(none, "no speaker matches xyzzy"));
    /* Esc: every speaker again, and their quotes. */
    assert_null(strstr(cleared, "xyzzy"));
    assert_non_null(strstr(cleared, "Speakers 1/"));
    assert_null(strstr(cleared, "Speakers 1/1 "));
    assert_non_null(strstr(cleared, "Quotes 1/"));
    assert_false(panes_are_empty(cleared));
    free(lei);
    free(typing);
    free(none);
    free(cleared);
    free(out);
}

/* A speaker filter is in the title of the speakers pane until Esc; the
   quotes pane names its speaker; all quotes (o) have a mode of their own,
   without a speakers pane that would claim them. */
static void screen_filters_show_in_titles_and_esc_clears_them(void **state)
{
    (void)state;
    char *out = run_fresh("d\n:type 雷\n<Enter>\n:dump\no\n:dump\nr\n:dump\n"
                          "s\n:dump\n<Esc>\n:dump\no\n:dump\n<Esc>\n:dump\n");
    char *picked = test_nth_screen(out, 0), *all = test_nth_screen(out, 1);
    char *npc = test_nth_screen(out, 2), *back = test_nth_screen(out, 3);
    char *cleared = test_nth_screen(out, 4), *all2 = test_nth_screen(out, 5);
    char *nothing = test_nth_screen(out, 6);
    assert_non_null(nothing);
    assert_non_null(strstr(picked, "Speakers 1/1 \xE2\x80\x9C雷"));
    assert_non_null(strstr(picked, "Quotes 1/9 \xC2\xB7 雷军"));
    /* o: every speaker's quotes, and no speakers pane beside them. */
    assert_null(strstr(all, "Speakers"));
    assert_non_null(strstr(all, "Quotes 1/"));
    assert_null(strstr(all, "Quotes 1/9 "));
    /* r: the role is in the title. */
    assert_non_null(strstr(npc, "\xC2\xB7 人大代表"));
    assert_non_null(strstr(npc, "role filter: 人大代表"));
    /* s: the name filter is still there, and shown. */
    assert_non_null(strstr(back, "Speakers 1/1 \xE2\x80\x9C雷"));
    /* Esc clears the filters of every pane on screen. */
    assert_null(strstr(cleared, "\xE2\x80\x9C雷"));
    assert_null(strstr(cleared, "\xC2\xB7 人大代表"));
    assert_non_null(strstr(cleared, "filters cleared"));
    assert_null(strstr(all2, "人大代表 "));
    assert_non_null(strstr(nothing, "no filter to clear"));
    char *bufs[] = {picked, all, npc, back, cleared, all2, nothing};
    for (size_t i = 0; i < SUITE_LEN(bufs); i++)
        free(bufs[i]);
    free(out);
}

/* r changes the list of quotes: the reader shows the first quote of the
   new list at once, not the article of a quote that is no longer
   listed. */
/* Does the reader of screen show the first 政协委员 quote of the
   database db (its first characters)? */
static bool reader_shows_cppcc_quote(const char *db, const char *screen)
{
    char *text = first_value(db, "text", "quotes", "--role", "政协委员",
                             "--json");
    assert_non_null(text); /* the shipped corpus has a 政协委员 quote */
    char *start = first_chars(text, 6), *reader = reader_text(screen);
    bool shown = strstr(reader, start) != NULL;
    free(start);
    free(reader);
    free(text);
    return shown;
}

static void screen_role_filter_reloads_the_reader(void **state)
{
    (void)state;
    const char *db = fresh_db();
    char *out = run_on(db, "o\n:dump\nrr\n:dump\n");
    char *before = test_nth_screen(out, 0), *after = test_nth_screen(out, 1);
    assert_non_null(after);
    assert_non_null(strstr(after, "role filter: 政协委员"));
    assert_false(reader_shows_cppcc_quote(db, before)); /* not by chance */
    assert_true(reader_shows_cppcc_quote(db, after));
    free(before);
    free(after);
    free(out);
}

/* After a full-text search, i shows the issues pane as it was: the
   reader shows the article selected there, not the search result. */
static void screen_issues_after_a_search_agree_with_the_reader(void **state)
{
    (void)state;
    char *out = run_fresh(":dump\nF\n:type 发展\n<Enter>G\n:dump\ni\n:dump\n");
    char *start = test_nth_screen(out, 0), *found = test_nth_screen(out, 1);
    char *issues = test_nth_screen(out, 2);
    assert_non_null(issues);
    char *r0 = reader_text(start), *r1 = reader_text(found);
    assert_string_not_equal(r0, r1); /* the last result is elsewhere */
    char *a = without_status(start), *b = without_status(issues);
    assert_string_equal(a, b);
    free(a);
    free(b);
    free(r0);
    free(r1);
    free(start);
    free(found);
    free(issues);
    free(out);
}

/* A search that finds nothing leaves no earlier result in the reader. */
static void screen_failed_search_clears_the_reader(void **state)
{
    (void)state;
    char *out = run_fresh("F\n:type 发展\n<Enter>\n:dump\nF\n:type 无此词语\n"
                          "<Enter>\n:dump\n");
    char *found = test_nth_screen(out, 0), *none = test_nth_screen(out, 1);
    assert_non_null(none);
    assert_non_null(strstr(found, "Search 1/"));
    assert_non_null(strstr(none, "Search 0"));
    assert_non_null(strstr(none, "nothing found for 无此词语"));
    assert_true(panes_are_empty(none));
    free(found);
    free(none);
    free(out);
}

/* The help screen is built from the keymap: at 60 columns every line
   fits, every action is listed by its config name with its keys, and the
   legend, mouse and config sections are there. */
static void screen_help_fits_60_columns(void **state)
{
    (void)state;
    char *out = run_fresh(":resize 60 200\n?\n:dump\n");
    char *help = test_nth_screen(out, 0);
    assert_non_null(help);
    test_assert_lines_fit(help, 60);
    for (int a = ACTION_NONE + 1; a < ACTION_COUNT; a++) {
        char name[64];
        snprintf(name, sizeof name, "[%s]", options_action_name(a));
        if (!strstr(help, name))
            fail_msg("help does not list %s", name);
    }
    assert_non_null(strstr(help, "<C-d>"));
    assert_non_null(strstr(help, "What the panes show"));
    assert_non_null(strstr(help, "Mouse"));
    assert_non_null(strstr(help, "--check-config"));
    /* The descriptions start in one column, whatever the keys. */
    const char *a = strstr(help, "\nk <Up>"), *b = strstr(help, "\n<Esc>");
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(strspn(a + 1 + 7, " ") + 7, strspn(b + 1 + 5, " ") + 5);
    free(help);
    free(out);
}

/* Messages say what a key does in plain words, and counts agree with
   their numbers. */
static void screen_messages_use_plain_words(void **state)
{
    (void)state;
    char *out = run_fresh("]\n:dump\nm\n:dump\nd\n:type 夏林茂\n<Enter>\n"
                          ":dump\n");
    char *sect = test_nth_screen(out, 0), *mark = test_nth_screen(out, 1);
    char *one = test_nth_screen(out, 2);
    assert_non_null(one);
    assert_non_null(strstr(sect, "next speaker section (]) works in the "
                                 "Reader pane"));
    assert_null(strstr(sect, "next-section"));
    assert_non_null(strstr(mark, "(m) works in the Quotes pane"));
    assert_non_null(strstr(one, "1 quote of 夏林茂"));
    free(sect);
    free(mark);
    free(one);
    free(out);
}

/* ] and [ stop at speaker sections only, not at the subheads inside a
   speaker's answer: in the first article (seven speaker sections, with
   subheads) every stop shows a speaker's heading at the top. */
static void screen_sections_jump_from_speaker_to_speaker(void **state)
{
    (void)state;
    char *out = run_fresh("<Tab><Tab>\n]\n:dump\n]\n:dump\n]\n:dump\n"
                          "]\n:dump\n]\n:dump\n]\n:dump\n]\n:dump\n"
                          "]\n:dump\n[\n:dump\n");
    for (int i = 0; i < 7; i++) {
        char *screen = test_nth_screen(out, i);
        assert_non_null(screen);
        char *top = reader_rows(screen, 0, 1);
        if (!strstr(top, "代表："))
            fail_msg("stop %d of ] is not a speaker: %s", i + 1, top);
        free(top);
        free(screen);
    }
    char *end = test_nth_screen(out, 7), *back = test_nth_screen(out, 8);
    assert_non_null(back);
    assert_non_null(strstr(end, "no next speaker section"));
    char *top = reader_rows(back, 0, 1);
    assert_non_null(strstr(top, "邢卫兵代表："));
    free(top);
    free(end);
    free(back);
    free(out);
}


/* Search results keep their match in view: a long headline is cut to
   leave room, and a snippet whose match lies further on starts later.
   Every result row shows the term highlighted, at 100 columns (two panes)
   and at 60 (one). */
static void screen_search_rows_keep_the_match_visible(void **state)
{
    (void)state;
    char *out = run_fresh("F\n:type 京津冀\n<Enter>\n:dump\n:dump-highlight\n"
                          ":resize 60 30\n:dump-highlight\n");
    char *list = test_nth_screen(out, 0), *wide = test_nth_screen(out, 1);
    char *narrow = test_nth_screen(out, 2);
    assert_non_null(narrow);
    const char *count = strstr(list, "Search 1/");
    assert_non_null(count);
    int results = atoi(count + strlen("Search 1/"));
    assert_true(results > 5); /* 京津冀 is all over the shipped corpus */
    int shown = results < 28 ? results : 28;
    assert_int_equal(test_count_lines_with(wide, "京津冀"), shown);
    assert_int_equal(test_count_lines_with(narrow, "京津冀"), shown);
    free(list);
    free(wide);
    free(narrow);
    free(out);
}

/* The issues pane shows the date and the whole paper at 100 columns
   (the article count gives way when they need its room). */
static void screen_issues_show_date_and_paper(void **state)
{
    (void)state;
    char *out = run_fresh(":dump\n");
    char *screen = test_nth_screen(out, 0);
    assert_non_null(screen);
    assert_non_null(strstr(screen, "\n2025-03-07 北京城市副中心报"));
    free(screen);
    free(out);
}

/* The issues pane groups a crawl, saved pages and a feed by paper and
   date (issue 20): a row gives the date, the paper, its pages (版) and
   articles (篇), and the status line the paper, date and page labels of
   the issue under the cursor. */
static void screen_issues_show_pages_of_every_format(void **state)
{
    (void)state;
    char corpus[600];
    snprintf(corpus, sizeof corpus, "%s", test_src_path("tests/data/formats"));
    strbuf out = {0}, err = {0};
    if (test_run_script(fresh_db(), corpus, ":dump\n", &out, &err) != 0)
        fail_msg("dubao --script failed: %s", err.s ? err.s : "");
    char *screen = test_nth_screen(out.s, 0);
    assert_non_null(screen);
    /* The four pages of 2026-05-01 (crawl, saved pages, feed) are one row,
       the 新闻联播 day another, with its article count. */
    assert_non_null(strstr(screen, "\n2026-05-01 新华每日电讯  4版"));
    const char *tv = strstr(screen, "\n2024-03-09 新闻联播 1版 ");
    assert_non_null(tv);
    const char *n = tv + strlen("\n2024-03-09 新闻联播 1版 ");
    assert_true(*n >= '1' && *n <= '9');
    while (*n >= '0' && *n <= '9')
        n++;
    assert_true(strncmp(n, "篇", strlen("篇")) == 0);
    assert_non_null(strstr(screen, "\n新华每日电讯 2026-05-01 · 版 01 02 03 04 "
                                   "· 4 pages · "));
    free(screen);
    sb_free(&out);
    sb_free(&err);
}

/* / in the speakers pane takes pinyin as the picker does (full or
   initials), and Chinese in traditional characters. */
static void screen_speakers_search_takes_pinyin(void **state)
{
    (void)state;
    char *out = run_fresh("s\n/\n:type xialin\n<Enter>\n:dump\ng\n/\n"
                          ":type xlm\n<Enter>\n:dump\ng\n/\n:type 趙民\n"
                          "<Enter>\n:dump\n");
    static const char *const found[] = {"夏林茂", "夏林茂", "赵民革"};
    for (int i = 0; i < 3; i++) {
        char *screen = test_nth_screen(out, i);
        assert_non_null(screen);
        char want[64];
        snprintf(want, sizeof want, "speakers \xC2\xB7 %s", found[i]);
        if (!strstr(screen, want))
            fail_msg("search %d did not find %s", i + 1, found[i]);
        free(screen);
    }
    free(out);
}

/* The export prompt offers a file in the documents directory (here the
   home directory: no XDG_DOCUMENTS_DIR), written with ~; ~ and $HOME
   expand in what is typed; an existing file is replaced only after y.
   The file names its sources. */
static void screen_export_goes_home_and_asks_before_replacing(void **state)
{
    (void)state;
    char home[700], md[800], csv[800];
    snprintf(home, sizeof home, "%s/home", test_tmpdir());
    assert_int_equal(mkdir(home, 0700), 0);
    snprintf(md, sizeof md, "%s/dubao-quotes.md", home);
    snprintf(csv, sizeof csv, "%s/q.csv", home);
    char *old_home = getenv("HOME") ? xstrdup(getenv("HOME")) : NULL;
    setenv("HOME", home, 1);
    unsetenv("XDG_DOCUMENTS_DIR");
    unsetenv("XDG_CONFIG_HOME");
    const char *db = fresh_db();
    char *out = run_on(db, "d\n:type 雷军\n<Enter>\ne\n:dump\n<Enter>\n"
                           ":dump\n");
    char *prompt = test_nth_screen(out, 0), *done = test_nth_screen(out, 1);
    assert_non_null(done);
    assert_non_null(strstr(prompt, "export to (.md .csv .json): "
                                   "~/dubao-quotes.md"));
    assert_non_null(strstr(done, "exported 9 quotes to ~/dubao-quotes.md"));
    char *text = test_read_file(md, NULL);
    assert_non_null(strstr(text, "北京城市副中心报 \xC2\xB7 2025-03-07"));
    assert_non_null(strstr(text, "**雷军** \xC2\xB7 全国人大代表 \xC2\xB7 "
                                 "北京市代表团"));
    free(text);
    /* Someone else's file of that name: n keeps it, y replaces it. */
    FILE *f = fopen(md, "w");
    fputs("my notes\n", f);
    fclose(f);
    free(out);
    out = run_on(db, "d\n:type 雷军\n<Enter>\ne\n<Enter>\n:dump\nn\n:dump\n");
    char *ask = test_nth_screen(out, 0), *kept = test_nth_screen(out, 1);
    assert_non_null(kept);
    assert_non_null(strstr(ask, "~/dubao-quotes.md exists. Replace it? (y/n)"));
    assert_non_null(strstr(kept, "not exported: the file exists"));
    text = test_read_file(md, NULL);
    assert_string_equal(text, "my notes\n");
    free(text);
    free(out);
    out = run_on(db, "d\n:type 雷军\n<Enter>\ne\n<C-u>\n:type $HOME/q.csv\n"
                     "<Enter>\ne\n<Enter>\ny\n:dump\n");
    char *replaced = test_nth_screen(out, 0);
    assert_non_null(replaced);
    assert_non_null(strstr(replaced, "exported 9 quotes to ~/dubao-quotes.md"));
    text = test_read_file(md, NULL);
    assert_non_null(strstr(text, "雷军"));
    free(text);
    text = test_read_file(csv, NULL);
    assert_true(strncmp(text, "\xEF\xBB\xBF" "file,", 8) == 0);
    free(text);
    if (old_home)
        setenv("HOME", old_home, 1);
    free(old_home);
    char *bufs[] = {prompt, done, ask, kept, replaced, out};
    for (size_t i = 0; i < SUITE_LEN(bufs); i++)
        free(bufs[i]);
}

/* A search whose results outnumber what is ranked says so: the title
   reads "1/200 of 1000+" and the status line "first 200 of 1000+" (500
   articles and 500 quotes are ranked), never a bare "200 results". */
static void screen_search_says_when_the_list_is_capped(void **state)
{
    (void)state;
    char corpus[700], db[700];
    snprintf(corpus, sizeof corpus, "%s/many", test_tmpdir());
    snprintf(db, sizeof db, "%s/many.db", test_tmpdir());
    test_write_pages(corpus, 520, "协同");
    strbuf out = {0}, err = {0};
    assert_int_equal(test_run_script(db, corpus, "F\n:type 协同\n<Enter>\n"
                                     ":dump\nF\n:type 第7号\n<Enter>\n:dump\n",
                                     &out, &err), 0);
    char *capped = test_nth_screen(out.s, 0), *few = test_nth_screen(out.s, 1);
    assert_non_null(few);
    assert_non_null(strstr(capped, "Search 1/200 of 1000+ \xE2\x80\x9C协同"));
    assert_non_null(strstr(capped, "first 200 of 1000+ results for"));
    /* An uncapped list says its number plainly. */
    assert_non_null(strstr(few, "\n1 result for \xE2\x80\x9C第7号"));
    assert_null(strstr(few, "first "));
    free(capped);
    free(few);
    sb_free(&out);
    sb_free(&err);
}

/* w turns a full-text search into who said what about it: the speakers
   quoted on the term, each with the number of those quotes (the same as
   quotes --about counts), most first; the quotes pane beside them shows
   the selected speaker's quotes on the term; Esc brings back every
   speaker. */
static void screen_who_said_what_about_a_term(void **state)
{
    (void)state;
    const char *db = fresh_db();
    char *out = run_on(db, "F\n:type 京津冀\n<Enter>\nw\n:dump\n<Enter>\n"
                           ":dump\n<Esc>\n:dump\n");
    char *prompt = test_nth_screen(out, 0), *who = test_nth_screen(out, 1);
    char *all = test_nth_screen(out, 2);
    assert_non_null(all);
    /* The prompt offers the search's term. */
    assert_non_null(strstr(prompt, "speakers quoted on: 京津冀"));
    /* Count each speaker's quotes on the term as the command line does. */
    char *argv[] = {(char *)dubao_bin(), "--db", (char *)db, "-n", "quotes",
                    "--about", "京津冀", NULL};
    strbuf cli = {0};
    assert_int_equal(test_run(argv, &cli, NULL), 0);
    int quotes = test_count_lines_with(cli.s, "");
    int zhang = test_count_lines_with(cli.s, "张水波");
    assert_true(zhang > 1);
    char line[128];
    snprintf(line, sizeof line, "(%d quotes)", quotes);
    assert_non_null(strstr(who, "quoted on \xE2\x80\x9C京津冀\xE2\x80\x9D"));
    assert_non_null(strstr(who, line));
    /* The first speaker has the most: 张水波, with the count at the end
       of the row, and his quotes on the term beside him. */
    const char *row = strchr(who, '\n') + 1;
    assert_true(strncmp(row, "张水波", strlen("张水波")) == 0);
    snprintf(line, sizeof line, " %d\xE2\x94\x82", zhang);
    assert_non_null(strstr(row, line));
    snprintf(line, sizeof line, "Quotes 1/%d \xC2\xB7 张水波 \xC2\xB7 on",
             zhang);
    assert_non_null(strstr(who, line));
    /* Esc: every speaker, and all of the first one's quotes. */
    assert_null(strstr(all, "quoted on"));
    assert_non_null(strstr(all, "filters cleared"));
    assert_null(strstr(all, " on \xE2\x80\x9C"));
    sb_free(&cli);
    free(prompt);
    free(who);
    free(all);
    free(out);
}

/* A word in more quotes than w looks at: the counts say they were made
   in the newest quotes only, and a speaker's quotes beside the list are
   the ones counted (the same number). */
static void screen_who_counts_the_newest_when_capped(void **state)
{
    (void)state;
    char corpus[700], db[700];
    snprintf(corpus, sizeof corpus, "%s/more", test_tmpdir());
    snprintf(db, sizeof db, "%s/more.db", test_tmpdir());
    test_write_pages(corpus, 2100, "协同");
    strbuf out = {0}, err = {0};
    assert_int_equal(test_run_script(db, corpus, "w\n:type 协同\n<Enter>\n"
                                     ":dump\n", &out, &err), 0);
    char *screen = test_nth_screen(out.s, 0);
    assert_non_null(screen);
    /* One quote a page: the count stopped short of the 2100 quotes. */
    const char *capped = strstr(screen, " quotes, counted in the newest "
                                        "only)");
    assert_non_null(capped);
    const char *total = capped;
    while (total[-1] >= '0' && total[-1] <= '9')
        total--;
    assert_int_equal(total[-1], '(');
    assert_true(atoi(total) > 100 && atoi(total) < 2100);
    /* The first speaker's count, at the end of its row, is the length
       of the quotes list beside it. */
    const char *row = strchr(screen, '\n') + 1;
    const char *bar = strstr(row, "\xE2\x94\x82");
    assert_non_null(bar);
    const char *num = bar;
    while (num > row && num[-1] >= '0' && num[-1] <= '9')
        num--;
    int count = atoi(num);
    assert_true(count > 100 && count < 2000);
    char want[64];
    snprintf(want, sizeof want, "Quotes 1/%d ", count);
    assert_non_null(strstr(screen, want));
    free(screen);
    sb_free(&out);
    sb_free(&err);
}

/* M shows the marked quotes, each with its source on the status line,
   to review before export; m there unmarks and the quote leaves the list;
   e exports exactly the list. */
static void screen_marked_quotes_view(void **state)
{
    (void)state;
    char path[700];
    snprintf(path, sizeof path, "%s/marks.md", test_tmpdir());
    char keys[1200];
    snprintf(keys, sizeof keys, "M\n:dump\nd\n:type 雷军\n<Enter>\nmmm\nM\n"
             ":dump\nm\n:dump\ne\n<C-u>\n:type %s\n<Enter>\n:dump\n"
             "<Esc>\n:dump\n", path);
    char *out = run_fresh(keys);
    char *none = test_nth_screen(out, 0), *three = test_nth_screen(out, 1);
    char *two = test_nth_screen(out, 2), *exported = test_nth_screen(out, 3);
    char *all = test_nth_screen(out, 4);
    assert_non_null(all);
    assert_non_null(strstr(none, "no quote is marked yet"));
    assert_non_null(strstr(three, "Quotes 1/3 \xC2\xB7 marked"));
    assert_non_null(strstr(three, "\n*雷军："));
    assert_non_null(strstr(three, "3 marked quotes"));
    assert_non_null(strstr(three, "北京城市副中心报 2025-03-07"));
    assert_null(strstr(three, "Speakers")); /* a mode of its own */
    assert_non_null(strstr(two, "Quotes 1/2 \xC2\xB7 marked"));
    assert_non_null(strstr(exported, "exported 2 marked quotes"));
    char *md = test_read_file(path, NULL);
    int n = 0;
    for (const char *p = md; (p = strstr(p, "\n> ")); p++)
        n++;
    assert_int_equal(n, 2);
    free(md);
    assert_null(strstr(all, "marked "));
    assert_non_null(strstr(all, "Quotes 1/"));
    char *bufs[] = {none, three, two, exported, all, out};
    for (size_t i = 0; i < SUITE_LEN(bufs); i++)
        free(bufs[i]);
}

/* Start the browser in tmux (120x35) on corpus (NULL: the shipped one)
   and a fresh database, with env (VAR=value words, may be "") in its
   environment; waits for the first screen.  Returns the database's path
   (static). */
static const char *start_in_tmux_on(const char *env, const char *corpus)
{
    static char db[600];
    snprintf(db, sizeof db, "%s", fresh_db());
    char cmd[1500];
    snprintf(cmd, sizeof cmd, "env %s %s --db %s%s%s", env, dubao_bin(), db,
             corpus ? " --corpus " : "", corpus ? corpus : "");
    assert_int_equal(tmux_start(cmd, 120, 35), 0);
    char *screen = tmux_wait_for("Issues 1/", 8000);
    assert_non_null(screen);
    free(screen);
    return db;
}

/* The same on the shipped corpus. */
static const char *start_in_tmux(const char *env)
{
    return start_in_tmux_on(env, NULL);
}

/* Wait until the screen shows text and has stopped changing (a repaint
   may still be on its way when the text appears); the screen (heap), or
   NULL after timeout_ms. */
static char *settled(const char *text, int timeout_ms)
{
    char *screen = tmux_wait_for(text, timeout_ms);
    for (int i = 0; screen && i < 40; i++) {
        usleep(50 * 1000);
        char *again = tmux_capture();
        bool same = strcmp(again, screen) == 0;
        free(screen);
        screen = again;
        if (same)
            break;
    }
    if (screen && !strstr(screen, text)) {
        free(screen);
        screen = NULL;
    }
    return screen;
}

/* What the user sees in a terminal: a failed picker empties every pane;
   Esc clears the filter; a role filter that changes the quotes reloads
   the reader at once; a failed full-text search empties the reader. */
static void screen_tmux_panes_follow_filters(void **state)
{
    (void)state;
    const char *db = start_in_tmux("");
    tmux_keys("d", NULL);
    tmux_type("xyzzy");
    char *screen = settled("Speakers 0", 3000);
    assert_non_null(screen);
    assert_true(panes_are_empty(screen));
    free(screen);
    tmux_keys("Enter", NULL);
    screen = settled("no speaker matches xyzzy", 3000);
    assert_non_null(screen);
    assert_non_null(strstr(screen, "\xE2\x80\x9Cxyzzy"));
    free(screen);
    tmux_keys("Escape", NULL);
    screen = settled("filters cleared", 3000);
    assert_non_null(screen);
    assert_null(strstr(screen, "xyzzy"));
    assert_non_null(strstr(screen, "Quotes 1/"));
    free(screen);
    /* All quotes, then 政协委员: the reader shows that list's first
       quote. */
    tmux_keys("o", "r", "r", NULL);
    screen = settled("role filter: 政协委员", 3000);
    assert_non_null(screen);
    assert_null(strstr(screen, "Speakers"));
    assert_non_null(strstr(screen, "\xC2\xB7 政协委员"));
    assert_true(reader_shows_cppcc_quote(db, screen));
    free(screen);
    tmux_keys("Escape", NULL);
    screen = settled("filters cleared", 3000);
    assert_non_null(screen);
    assert_null(strstr(screen, "\xC2\xB7 政协委员"));
    free(screen);
    tmux_keys("F", NULL);
    tmux_type("无此词语");
    tmux_keys("Enter", NULL);
    screen = settled("nothing found for 无此词语", 3000);
    assert_non_null(screen);
    assert_true(panes_are_empty(screen));
    free(screen);
    tmux_keys("Q", NULL);
    tmux_stop();
}

/* In a terminal too: a capped search list says so in its title and on
   the status line. */
static void screen_tmux_capped_count(void **state)
{
    (void)state;
    char corpus[700];
    snprintf(corpus, sizeof corpus, "%s/many", test_tmpdir());
    test_write_pages(corpus, 520, "协同");
    start_in_tmux_on("", corpus);
    tmux_keys("F", NULL);
    tmux_type("协同");
    tmux_keys("Enter", NULL);
    char *screen = settled("first 200 of 1000+ results", 5000);
    assert_non_null(screen);
    assert_non_null(strstr(screen, "Search 1/200 of 1000+"));
    free(screen);
    tmux_keys("Q", NULL);
    tmux_stop();
}

/* Marks are a glyph as well as a colour: with NO_COLOR the marked quote
   still stands apart from the others. */
static void screen_marks_show_a_glyph_without_colour(void **state)
{
    (void)state;
    start_in_tmux("NO_COLOR=1");
    tmux_keys("o", NULL);
    char *screen = tmux_wait_for("Quotes 1/", 3000);
    assert_non_null(screen);
    free(screen);
    tmux_keys("m", NULL); /* marks the first quote, moves to the second */
    screen = tmux_wait_for("marked", 3000);
    assert_non_null(screen);
    assert_non_null(strstr(screen, "Quotes 2/"));
    /* Row 1 is the first quote, row 2 the second. */
    const char *r1 = strchr(screen, '\n') + 1;
    const char *r2 = strchr(r1, '\n') + 1;
    assert_true(r1[0] == '*');
    assert_true(r2[0] == ' ');
    free(screen);
    tmux_keys("Q", NULL);
    tmux_stop();
}

/* Config mistakes are on the status line of the first screen, with the
   file and line, and dubao --check-config lists them all. */
static void screen_config_errors_show_at_start(void **state)
{
    (void)state;
    char cfg[700];
    snprintf(cfg, sizeof cfg, "%s/config", test_tmpdir());
    FILE *f = fopen(cfg, "w");
    assert_non_null(f);
    fputs("bind j dwn\nset mouse maybe\nbind k up\n", f);
    fclose(f);
    char env[800];
    snprintf(env, sizeof env, "DUBAO_CONFIG=%s", cfg);
    start_in_tmux(env);
    char *screen = tmux_wait_for("config: 2 problems", 3000);
    assert_non_null(screen);
    free(screen);
    /* the first problem with its file and line, on the same first screen
       (polled: under load the status line may be captured mid-draw) */
    screen = tmux_wait_for("config:1: unknown action 'dwn'", 3000);
    assert_non_null(screen);
    assert_non_null(strstr(screen, "config: 2 problems"));
    free(screen);
    tmux_keys("Q", NULL);
    tmux_stop();
    char *argv[] = {(char *)dubao_bin(), "--check-config", NULL};
    setenv("DUBAO_CONFIG", cfg, 1);
    strbuf out = {0};
    int rc = test_run(argv, &out, NULL);
    unsetenv("DUBAO_CONFIG");
    assert_int_equal(rc, 1);
    assert_non_null(strstr(out.s, "config:1: unknown action 'dwn'"));
    assert_non_null(strstr(out.s, "config:2: set mouse: expected yes or no, "
                                  "not 'maybe'"));
    sb_free(&out);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(screen_marks_show_a_glyph_without_colour),
    cmocka_unit_test(screen_tmux_panes_follow_filters),
    cmocka_unit_test(screen_tmux_capped_count),
    cmocka_unit_test(screen_config_errors_show_at_start),
    cmocka_unit_test(screen_picker_without_match_clears_the_panes),
    cmocka_unit_test(screen_filters_show_in_titles_and_esc_clears_them),
    cmocka_unit_test(screen_role_filter_reloads_the_reader),
    cmocka_unit_test(screen_issues_after_a_search_agree_with_the_reader),
    cmocka_unit_test(screen_failed_search_clears_the_reader),
    cmocka_unit_test(screen_help_fits_60_columns),
    cmocka_unit_test(screen_who_said_what_about_a_term),
    cmocka_unit_test(screen_who_counts_the_newest_when_capped),
    cmocka_unit_test(screen_marked_quotes_view),
    cmocka_unit_test(screen_search_says_when_the_list_is_capped),
    cmocka_unit_test(screen_export_goes_home_and_asks_before_replacing),
    cmocka_unit_test(screen_speakers_search_takes_pinyin),
    cmocka_unit_test(screen_issues_show_date_and_paper),
    cmocka_unit_test(screen_issues_show_pages_of_every_format),
    cmocka_unit_test(screen_search_rows_keep_the_match_visible),
    cmocka_unit_test(screen_sections_jump_from_speaker_to_speaker),
    cmocka_unit_test(screen_messages_use_plain_words),
};

const test_suite screen_suite = {tests, SUITE_LEN(tests)};
