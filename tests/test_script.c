/* test_script.c - the browser driven by --script: navigation, resizes,
 * and the wrapped reader text checked line by line. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unistr.h>

#include "pinyin.h"
#include "textwidth.h"

/* Run the browser on the shipped corpus with a fresh database. */
static int run_script(const char *text, strbuf *out, strbuf *err)
{
    char db[600];
    snprintf(db, sizeof db, "%s/s.db", test_tmpdir());
    return test_run_script(db, NULL, text, out, err);
}

/* Cut off the status line (the last line) of a screen, in place. */
static char *panes_only(char *screen)
{
    size_t n = strlen(screen);
    if (n > 0 && screen[n - 1] == '\n')
        screen[--n] = '\0';
    char *last = strrchr(screen, '\n');
    if (last)
        *last = '\0';
    return screen;
}

/* The browser opens on the database as it is and then refreshes it from
   the corpus: a page added since the last index is there before the first
   key, and the status line says so; a page removed goes. */
static void script_refreshes_the_corpus_after_opening(void **state)
{
    (void)state;
    const char *dir = test_tmpdir();
    char corpus[600], db[600];
    snprintf(corpus, sizeof corpus, "%s/pages", dir);
    snprintf(db, sizeof db, "%s/r.db", dir);
    mkdir(corpus, 0700);
    test_copy_corpus_page("000_fe2404723e325502.txt", corpus);
    strbuf out = {0}, err = {0};
    assert_int_equal(test_run_script(db, corpus, ":dump\n", &out, &err), 0);
    assert_non_null(strstr(out.s, "Issues 1/1"));
    test_copy_corpus_page("001_fdcd2f72013fe7d7.txt", corpus);
    sb_clear(&out);
    assert_int_equal(test_run_script(db, corpus, ":dump\n", &out, &err), 0);
    assert_non_null(strstr(out.s, "Issues 1/2"));
    assert_non_null(strstr(out.s, "corpus refreshed: 1 new or changed"));
    char gone[700];
    snprintf(gone, sizeof gone, "%s/000_fe2404723e325502.txt", corpus);
    assert_int_equal(unlink(gone), 0);
    sb_clear(&out);
    assert_int_equal(test_run_script(db, corpus, ":dump\n", &out, &err), 0);
    assert_non_null(strstr(out.s, "Issues 1/1"));
    assert_non_null(strstr(out.s, "1 removed"));
    sb_free(&out);
    sb_free(&err);
}

/* A corpus of 700 pages (more than a pane's window of rows, tui/rows.h),
   page i with one quote "这是第i句话。" of 张三明 (even i) or 张三丰 (odd),
   made once; its directory and database in corpus and db. */
static void long_corpus(char corpus[600], char db[600])
{
    const char *dir = test_tmpdir();
    snprintf(corpus, 600, "%s/many", dir);
    snprintf(db, 600, "%s/m.db", dir);
    struct stat st;
    if (stat(corpus, &st) == 0)
        return;
    mkdir(corpus, 0700);
    for (int i = 0; i < 700; i++) {
        char path[700];
        snprintf(path, sizeof path, "%s/p%03d.txt", corpus, i);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fprintf(f, "# 第%d号新闻标题\n\n全国人大代表张三%s说：“这是第%d句话。”\n",
                i, i % 2 ? "丰" : "明", i);
        fclose(f);
    }
}

/* Run the browser on long_corpus with the script text; its screens in
   out.  Returns the exit status. */
static int run_on_long_corpus(const char *text, strbuf *out)
{
    char corpus[600], db[600];
    long_corpus(corpus, db);
    strbuf err = {0};
    int rc = test_run_script(db, corpus, text, out, &err);
    sb_free(&err);
    return rc;
}

/* Panes of a corpus larger than their window of rows (tui/rows.h) show
   the right row at the end, in the middle and back at the top. */
static void script_pages_through_long_lists(void **state)
{
    (void)state;
    strbuf out = {0};
    assert_int_equal(run_on_long_corpus(":dump\nG\n:dump\no\nG\n:dump\n"
                                        "g\n:dump\n", &out), 0);
    char *first = test_nth_screen(out.s, 0);
    char *last = test_nth_screen(out.s, 1);
    char *qlast = test_nth_screen(out.s, 2);
    char *qfirst = test_nth_screen(out.s, 3);
    assert_non_null(qfirst);
    assert_non_null(strstr(first, "Issues 1/700"));
    assert_non_null(strstr(last, "Issues 700/700"));
    assert_non_null(strstr(last, "p699.txt"));
    assert_non_null(strstr(qlast, "Quotes 700/700"));
    assert_non_null(strstr(qlast, "第699句话"));
    assert_non_null(strstr(qfirst, "Quotes 1/700"));
    assert_non_null(strstr(qfirst, "第0句话"));
    free(first);
    free(last);
    free(qlast);
    free(qfirst);
    sb_free(&out);
}

/* / in the list of every quote finds what the pane shows (name：words),
   far from the cursor, through the full-text index (a word of Chinese
   characters) and by walking the list (a needle that ends in
   punctuation, a part of a name); n and N go on from there, round past
   either end; a word that no quote holds is not found. */
static void script_searches_every_quote(void **state)
{
    (void)state;
    strbuf out = {0};
    assert_int_equal(run_on_long_corpus("o\n/第650句话<Enter>\n:dump\n"
                                        "g/第651句话。<Enter>\n:dump\n"
                                        "n\n:dump\nN\n:dump\n"
                                        "g/三丰：这是第6<Enter>\n:dump\n"
                                        "n\n:dump\n"
                                        "/不存在的词<Enter>\n:dump\n",
                                        &out), 0);
    static const char *const want[][2] = {
        {"Quotes 651/700", "第650句话"}, {"Quotes 652/700", "第651句话"},
        {"Quotes 652/700", "第651句话"}, {"Quotes 652/700", "第651句话"},
        {"Quotes 62/700", "第61句话"},   {"Quotes 64/700", "第63句话"},
        {"Quotes 64/700", "not found: 不存在的词"},
    };
    for (int i = 0; i < 7; i++) {
        char *s = test_nth_screen(out.s, i);
        assert_non_null(s);
        if (!strstr(s, want[i][0]) || !strstr(s, want[i][1]))
            fail_msg("screen %d lacks %s or %s:\n%s", i, want[i][0],
                     want[i][1], s);
        free(s);
    }
    sb_free(&out);
}

/* e with nothing marked writes the whole list of every quote, read a row
   at a time; Esc while it runs stops it and leaves no file. */
static void script_exports_every_quote_or_stops(void **state)
{
    (void)state;
    char corpus[600], db[600], all[700], stopped[700];
    long_corpus(corpus, db);
    snprintf(all, sizeof all, "%s/all.jsonl", test_tmpdir());
    snprintf(stopped, sizeof stopped, "%s/stopped.jsonl", test_tmpdir());
    strbuf keys = {0}, out = {0}, err = {0};
    sb_printf(&keys, "o\ne<C-u>\n:type %s\n<Enter>\n:dump\n"
                     "e<C-u>\n:type %s\n<Enter>\n<Esc>\n:dump\n",
              all, stopped);
    assert_int_equal(test_run_script(db, corpus, keys.s, &out, &err), 0);
    char *done = test_nth_screen(out.s, 0), *stop = test_nth_screen(out.s, 1);
    assert_non_null(stop);
    assert_non_null(strstr(done, "exported 700 quotes"));
    assert_non_null(strstr(stop, "export stopped"));
    size_t len;
    char *text = test_read_file(all, &len);
    assert_int_equal(test_count_lines_with(text, "\"text\":\"这是第"), 700);
    assert_int_equal(access(stopped, F_OK), -1);
    free(text);
    free(done);
    free(stop);
    sb_free(&keys);
    sb_free(&out);
    sb_free(&err);
}

static void script_navigates_panes(void **state)
{
    (void)state;
    strbuf out = {0}, err = {0};
    assert_int_equal(run_script(":dump\nj<Enter>j\n:dump\n<Enter>\n:dump\n"
                                "<S-Tab>\n:dump\n", &out, &err), 0);
    char *s0 = test_nth_screen(out.s, 0), *s1 = test_nth_screen(out.s, 1);
    char *s2 = test_nth_screen(out.s, 2), *s3 = test_nth_screen(out.s, 3);
    assert_non_null(s3);
    assert_non_null(strstr(s0, "Issues 1/"));
    assert_non_null(strstr(s1, "Issues 2/"));
    assert_non_null(strstr(s1, "Articles 2/"));
    /* The reader follows the article cursor: screens 1 and 0 differ. */
    assert_string_not_equal(s0, s1);
    /* Enter on an article and Shift-Tab back move the focus only: the
       panes show the same text (the status line follows the focus). */
    assert_string_equal(panes_only(s1), panes_only(s2));
    assert_string_equal(s2, panes_only(s3));
    test_assert_lines_fit(s1, 100);
    free(s0);
    free(s1);
    free(s2);
    free(s3);
    sb_free(&out);
    sb_free(&err);
}

static void script_survives_any_size(void **state)
{
    (void)state;
    strbuf out = {0}, err = {0};
    assert_int_equal(run_script(":resize 120 40\n:dump\n:resize 40 12\n"
                                "jj<Enter>\n:dump\n:resize 1 1\n:dump\n"
                                "<Tab>jjj<PgDn>\n:resize 2 3\n:dump\n"
                                ":resize 100 30\n:dump\n", &out, &err), 0);
    static const int widths[] = {120, 40, 1, 2, 100};
    for (int i = 0; i < 5; i++) {
        char *s = test_nth_screen(out.s, i);
        assert_non_null(s);
        test_assert_lines_fit(s, widths[i]);
        free(s);
    }
    char *last = test_nth_screen(out.s, 4);
    assert_non_null(strstr(last, "Issues"));
    free(last);
    sb_free(&out);
    sb_free(&err);
}

/* Forbidden line starts (UAX #14 / Chinese typography). */
static bool starts_with_closing(const char *p)
{
    static const char *const closing[] = {"，", "。", "、", "；", "：",
                                          "？", "！", "”", "）", "》"};
    for (size_t i = 0; i < SUITE_LEN(closing); i++)
        if (strncmp(p, closing[i], strlen(closing[i])) == 0)
            return true;
    return false;
}

static void script_reader_wraps_cjk_at_odd_widths(void **state)
{
    (void)state;
    static const int widths[] = {37, 47, 61, 83};
    for (size_t w = 0; w < SUITE_LEN(widths); w++) {
        strbuf keys = {0}, out = {0}, err = {0};
        /* Narrow: one pane at a time.  Open the first article, page
           through the reader dumping each page. */
        sb_printf(&keys, ":resize %d 20\n<Enter><Enter>\n", widths[w]);
        for (int i = 0; i < 6; i++)
            sb_puts(&keys, ":dump\n<PgDn>\n");
        assert_int_equal(run_script(keys.s, &out, &err), 0);
        int lines = 0;
        for (int i = 0; i < 6; i++) {
            char *s = test_nth_screen(out.s, i);
            assert_non_null(s);
            test_assert_lines_fit(s, widths[w]);
            /* Skip the title row and the status row. */
            const char *p = strchr(s, '\n') + 1;
            while (*p) {
                const char *nl = strchr(p, '\n');
                if (!nl || !strchr(nl + 1, '\n'))
                    break;
                if (starts_with_closing(p))
                    fail_msg("line starts with closing punctuation at "
                             "width %d: %.*s", widths[w], (int)(nl - p), p);
                lines++;
                p = nl + 1;
            }
            free(s);
        }
        assert_true(lines > 20);
        sb_free(&keys);
        sb_free(&out);
        sb_free(&err);
    }
}

static void script_errors_are_reported(void **state)
{
    (void)state;
    strbuf out = {0}, err = {0};
    assert_int_equal(run_script(":expect this text is not on screen\n", &out,
                                &err), 1);
    assert_non_null(strstr(err.s, "line 1"));
    sb_clear(&err);
    assert_int_equal(run_script("j\n<NoSuchKey>\n", &out, &err), 2);
    assert_non_null(strstr(err.s, ":2:"));
    sb_free(&out);
    sb_free(&err);
}

/* The bytes of row that start at display column col (NULL if none). */
static const char *at_column(const char *row, int col)
{
    int c = 0;
    const char *p = row;
    while (*p && *p != '\n' && c < col) {
        ucs4_t uc;
        int n = u8_mbtouc(&uc, (const uint8_t *)p, strlen(p));
        c += text_char_width(uc);
        p += n;
    }
    return c == col ? p : NULL;
}

/* Row k (0-based) of a screen, as a heap string. */
static char *row_of(const char *screen, int k)
{
    const char *p = screen;
    for (int i = 0; i < k && p; i++) {
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    if (!p)
        return NULL;
    const char *nl = strchr(p, '\n');
    return xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));
}

static void script_search_highlights_the_right_columns(void **state)
{
    (void)state;
    /* Search the reader for a two-character word of the shown text. */
    strbuf out = {0}, err = {0};
    assert_int_equal(run_script("<Tab><Tab>\n:dump\n", &out, &err), 0);
    char *screen = test_nth_screen(out.s, 0);
    /* Two wide characters inside the reader pane (it starts at column
       52 of 100), not at its edge, on the first row of body text. */
    const char *text = NULL;
    char *row = NULL;
    for (int r = 2; r < 28 && !text; r++) {
        free(row);
        row = row_of(screen, r);
        for (int col = 60; col < 90 && !text; col++) {
            const char *t = at_column(row, col);
            ucs4_t a = 0, b = 0;
            if (t && *t) {
                int n = u8_mbtouc(&a, (const uint8_t *)t, strlen(t));
                if (t[n])
                    u8_mbtouc(&b, (const uint8_t *)t + n, strlen(t + n));
            }
            if (text_char_width(a) == 2 && text_char_width(b) == 2 &&
                a != 0x3000 && b != 0x3000)
                text = t;
        }
    }
    assert_non_null(text);
    char needle[16];
    const char *p = text;
    for (int i = 0; i < 2; i++)
        p += u8_mblen((const uint8_t *)p, strlen(p));
    snprintf(needle, sizeof needle, "%.*s", (int)(p - text), text);
    free(row);
    free(screen);
    sb_clear(&out);

    strbuf keys = {0};
    sb_printf(&keys, "<Tab><Tab>\n/%s<Enter>\n:dump\n:dump-highlight\n",
              needle);
    assert_int_equal(run_script(keys.s, &out, &err), 0);
    char *plain = test_nth_screen(out.s, 0), *hl = test_nth_screen(out.s, 1);
    assert_non_null(hl);
    int highlighted = 0;
    for (int r = 1; r < 29; r++) {
        char *prow = row_of(plain, r), *hrow = row_of(hl, r);
        /* Every highlighted run is the needle (or a piece of it cut by a
           line end), drawn exactly over the same text. */
        int col = 0;
        for (const char *h = hrow; *h;) {
            ucs4_t uc;
            int n = u8_mbtouc(&uc, (const uint8_t *)h, strlen(h));
            int w = text_char_width(uc);
            if (uc != ' ' && uc != 0x3000) {
                const char *under = at_column(prow, col);
                assert_non_null(under);
                assert_memory_equal(under, h, (size_t)n);
                char one[8] = {0};
                memcpy(one, h, (size_t)n);
                assert_non_null(strstr(needle, one));
                highlighted++;
            }
            col += w;
            h += n;
        }
        free(prow);
        free(hrow);
    }
    assert_true(highlighted >= 2);
    free(plain);
    free(hl);
    sb_free(&keys);
    sb_free(&out);
    sb_free(&err);
}

/* The name of the speaker with the most quotes, from the command line. */
static char *top_speaker(void)
{
    const char *dir = test_tmpdir();
    char db[600];
    snprintf(db, sizeof db, "%s/top.db", dir);
    const char *bin = getenv("DUBAO_BIN");
    char *argv[] = {(char *)(bin ? bin : "./dubao"), "--db", db, "speakers",
                    "--json", NULL};
    strbuf out = {0};
    assert_int_equal(test_run(argv, &out, NULL), 0);
    const char *n = strstr(out.s ? out.s : "", "\"name\":\"");
    if (!n) {
        sb_free(&out);
        return NULL;
    }
    n += 8;
    char *name = xstrndup(n, (size_t)(strchr(n, '"') - n));
    sb_free(&out);
    return name;
}

static void script_delegate_picker_takes_chinese_and_backspace(void **state)
{
    (void)state;
    char *name = top_speaker();
    assert_non_null(name); /* the shipped corpus has speakers */
    /* Type the name with a wrong extra character, delete it with one
       Backspace (one character, three bytes), accept. */
    strbuf keys = {0}, out = {0}, err = {0};
    sb_printf(&keys, "d\n:type %s\u8a9e\n:dump\n<Backspace>\n:dump\n"
              "<Enter>\n:dump\nq\n:dump\n", name);
    assert_int_equal(run_script(keys.s, &out, &err), 0);
    char *typed = test_nth_screen(out.s, 0), *fixed = test_nth_screen(out.s, 1);
    char *chosen = test_nth_screen(out.s, 2), *back = test_nth_screen(out.s, 3);
    assert_non_null(back);
    char expect[128];
    snprintf(expect, sizeof expect, "delegate: %s\u8a9e", name);
    assert_non_null(strstr(typed, expect));
    snprintf(expect, sizeof expect, "delegate: %s\n", name);
    assert_non_null(strstr(fixed, expect));
    /* Accepted: the quotes pane lists that speaker's quotes. */
    snprintf(expect, sizeof expect, "%s\xEF\xBC\x9A", name);
    assert_non_null(strstr(chosen, expect));
    assert_non_null(strstr(chosen, "Quotes 1/"));
    /* q goes back one step: the speakers the picker found. */
    assert_non_null(strstr(back, "Speakers 1/"));
    assert_non_null(strstr(back, name));
    free(typed);
    free(fixed);
    free(chosen);
    free(back);
    sb_free(&keys);
    sb_free(&out);
    sb_free(&err);
    free(name);
}

/* Toneless pinyin of a name, syllables joined ("leijun"). */
static char *pinyin_of_name(const char *name)
{
    strbuf sb = {0};
    const uint8_t *p = (const uint8_t *)name, *end = p + strlen(name);
    while (p < end) {
        ucs4_t uc;
        p += u8_mbtouc(&uc, p, (size_t)(end - p));
        const char *py = pinyin_of(simplified_of(uc));
        if (py)
            sb_puts(&sb, py);
    }
    return sb_take(&sb);
}

static void script_delegate_picker_takes_pinyin(void **state)
{
    (void)state;
    char *name = top_speaker();
    assert_non_null(name); /* the shipped corpus has speakers */
    char *py = pinyin_of_name(name);
    strbuf keys = {0}, out = {0}, err = {0};
    /* Typed in pinyin, as a person without a Chinese input method would. */
    sb_printf(&keys, "d\n:type %s\n:dump\n<Enter>\n:dump\n", py);
    assert_int_equal(run_script(keys.s, &out, &err), 0);
    char *typing = test_nth_screen(out.s, 0);
    char *chosen = test_nth_screen(out.s, 1);
    assert_non_null(chosen);
    /* While typing, the speakers pane lists the speaker. */
    assert_non_null(strstr(typing, name));
    char expect[128];
    snprintf(expect, sizeof expect, "%s\xEF\xBC\x9A", name);
    assert_non_null(strstr(chosen, expect));
    free(typing);
    free(chosen);
    free(py);
    free(name);
    sb_free(&keys);
    sb_free(&out);
    sb_free(&err);
}

static void script_quote_opens_in_its_article_and_back(void **state)
{
    (void)state;
    char *name = top_speaker();
    assert_non_null(name); /* the shipped corpus has speakers */
    strbuf out = {0}, err = {0};
    assert_int_equal(run_script("o\n:dump\n<Enter>\n:dump\nq\n:dump\n"
                                "q\n:dump\n?\n:dump\nq\nor\n:dump\n",
                                &out, &err), 0);
    char *list = test_nth_screen(out.s, 0), *opened = test_nth_screen(out.s, 1);
    char *back = test_nth_screen(out.s, 2), *back2 = test_nth_screen(out.s, 3);
    char *help = test_nth_screen(out.s, 4), *role = test_nth_screen(out.s, 5);
    assert_non_null(role);
    assert_non_null(strstr(list, "Quotes 1/"));
    /* The reader shows the article with the quote; the status line
       names the reader's article. */
    assert_non_null(strstr(opened, "Reader"));
    assert_string_not_equal(list, opened);
    assert_non_null(strstr(back, "Quotes 1/"));
    assert_non_null(strstr(back2, "Issues"));
    /* Help lists every bound action with its keys. */
    assert_non_null(strstr(help, "Help"));
    assert_non_null(strstr(help, "pick a speaker"));
    assert_non_null(strstr(help, "<C-d>"));
    assert_non_null(strstr(help, "half-page-down"));
    /* r cycles the role filter of the quotes pane. */
    assert_non_null(strstr(role, "role filter: 人大代表"));
    free(list);
    free(opened);
    free(back);
    free(back2);
    free(help);
    free(role);
    free(name);
    sb_free(&out);
    sb_free(&err);
}

/* Count the quotes (lines starting with "> ") in a Markdown export. */
static int exported_quotes(const char *path)
{
    size_t n;
    char *md = test_read_file(path, &n);
    int count = 0;
    for (const char *p = md; (p = strstr(p, "\n> ")) != NULL; p++)
        count++;
    free(md);
    return count;
}

static void script_marks_survive_reindex_and_export(void **state)
{
    (void)state;
    char *name = top_speaker();
    assert_non_null(name); /* the shipped corpus has speakers */
    free(name);
    const char *dir = test_tmpdir();
    char corpus[600], db[600], out1[600], out2[600], page[700];
    snprintf(corpus, sizeof corpus, "%s/corpus", dir);
    snprintf(db, sizeof db, "%s/m.db", dir);
    snprintf(out1, sizeof out1, "%s/all.md", dir);
    snprintf(out2, sizeof out2, "%s/marked.md", dir);
    char *cp[] = {"cp", "-r", (char *)test_src_path("assets/corpus"), corpus,
                  NULL};
    assert_int_equal(test_run(cp, NULL, NULL), 0);
    strbuf keys = {0}, out = {0}, err = {0};
    /* Export the whole list (nothing marked yet), then mark two. */
    sb_printf(&keys, "o\ne\n<C-u>\n:type %s\n<Enter>\n:dump\nmm\n", out1);
    assert_int_equal(test_run_script(db, corpus, keys.s, &out, &err), 0);
    assert_non_null(strstr(out.s, "exported"));
    int all = exported_quotes(out1);
    assert_true(all > 2);
    /* Change every page so the next start re-parses them all. */
    char *ls[] = {"sh", "-c", NULL, NULL};
    snprintf(page, sizeof page, "for f in '%s'/*; do echo >> \"$f\"; done",
             corpus);
    ls[2] = page;
    assert_int_equal(test_run(ls, NULL, NULL), 0);
    sb_clear(&keys);
    sb_clear(&out);
    sb_printf(&keys, "o\ne\n<C-u>\n:type %s\n<Enter>\n:dump\n", out2);
    assert_int_equal(test_run_script(db, corpus, keys.s, &out, &err), 0);
    assert_non_null(strstr(out.s, "exported 2 marked quotes"));
    assert_int_equal(exported_quotes(out2), 2);
    struct stat st;
    assert_int_equal(stat(out2, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    sb_free(&keys);
    sb_free(&out);
    sb_free(&err);
}

static void script_long_session_is_clean_under_valgrind(void **state)
{
    (void)state;
    /* Not with sanitizers (they and valgrind exclude each other). */
    strbuf which = {0};
    char *probe[] = {"valgrind", "--version", NULL};
    if (getenv("DUBAO_TEST_SMALL") || test_run(probe, &which, NULL) != 0) {
        sb_free(&which);
        skip();
    }
    sb_free(&which);
    const char *dir = test_tmpdir();
    char db[600], script[600];
    snprintf(db, sizeof db, "%s/v.db", dir);
    snprintf(script, sizeof script, "%s/long.txt", dir);
    /* Index first without valgrind: the session is what is checked. */
    strbuf out = {0}, err = {0};
    assert_int_equal(test_run_script(db, NULL, ":dump\n", &out, &err), 0);
    FILE *f = fopen(script, "w");
    fputs(":repeat 200 j\n<Enter>\n:repeat 100 <PgDn>\n]]][[\n<Tab>"
          ":repeat 50 k\n/发展<Enter>nnnN\n:resize 40 12\n:repeat 30 j\n"
          ":resize 1 1\njk\n:resize 120 40\nd\n:type 雷\n<Backspace>\n"
          ":type lei\n<Enter>\n:repeat 20 j\n<Enter>\nqqq\nor\n"
          ":repeat 20 j\nrrr\ns\n:repeat 10 j\n<Enter>\nF\n:type 北京\n"
          "<Enter>\n:repeat 20 j\n<Enter>\n?\n:repeat 10 j\nqqqqq\n"
          ":repeat 300 <Down>\n:dump\n", f);
    fclose(f);
    const char *bin = getenv("DUBAO_BIN");
    char *argv[] = {"valgrind", "-q", "--error-exitcode=99",
                    "--leak-check=full", "--errors-for-leak-kinds=definite",
                    (char *)(bin ? bin : "./dubao"), "--db", db, "--script",
                    script, NULL};
    sb_clear(&out);
    sb_clear(&err);
    int rc = test_run(argv, &out, &err);
    if (rc != 0)
        fail_msg("valgrind: status %d: %s", rc, err.s ? err.s : "");
    assert_non_null(strstr(out.s, "----"));
    sb_free(&out);
    sb_free(&err);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(script_long_session_is_clean_under_valgrind),
    cmocka_unit_test(script_marks_survive_reindex_and_export),
    cmocka_unit_test(script_search_highlights_the_right_columns),
    cmocka_unit_test(script_delegate_picker_takes_chinese_and_backspace),
    cmocka_unit_test(script_delegate_picker_takes_pinyin),
    cmocka_unit_test(script_quote_opens_in_its_article_and_back),
    cmocka_unit_test(script_refreshes_the_corpus_after_opening),
    cmocka_unit_test(script_pages_through_long_lists),
    cmocka_unit_test(script_searches_every_quote),
    cmocka_unit_test(script_exports_every_quote_or_stops),
    cmocka_unit_test(script_navigates_panes),
    cmocka_unit_test(script_survives_any_size),
    cmocka_unit_test(script_reader_wraps_cjk_at_odd_widths),
    cmocka_unit_test(script_errors_are_reported),
};
const test_suite script_suite = {tests, SUITE_LEN(tests)};
