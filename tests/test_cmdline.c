/* test_cmdline.c - the command line says when it cannot do what was
 * asked (an unknown issue or role is a usage error, a speaker query with
 * no match says so), exports carry their source, "who said what about X,
 * and when" (quotes --about, --since and --until), issues newest first,
 * speakers found by titles and delegation, capped counts said, and the
 * man page renders at 80 columns. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *dubao_bin(void)
{
    const char *b = getenv("DUBAO_BIN");
    return b ? b : "./dubao";
}

/* Run dubao --db db -q [--corpus corpus] with the arguments of args (a
   NULL-terminated list); stdout in out, stderr in err (both cleared
   first).  Returns the exit status. */
static int dubao(const char *db, const char *corpus, const char *const *args,
                 strbuf *out, strbuf *err)
{
    char *argv[24] = {(char *)dubao_bin(), "--db", (char *)db, "-q"};
    int n = 4;
    if (corpus) {
        argv[n++] = "--corpus";
        argv[n++] = (char *)corpus;
    }
    for (const char *const *a = args; *a && n < 23; a++)
        argv[n++] = (char *)*a;
    argv[n] = NULL;
    sb_clear(out);
    sb_clear(err);
    return test_run(argv, out, err);
}

/* A database of the shipped corpus, indexed once for the suite. */
static const char *shipped_db(void)
{
    static char path[600];
    if (!path[0]) {
        snprintf(path, sizeof path, "%s/shipped.db", test_tmpdir());
        strbuf out = {0}, err = {0};
        static const char *const args[] = {"index", NULL};
        assert_int_equal(dubao(path, NULL, args, &out, &err), 0);
        sb_free(&out);
        sb_free(&err);
    }
    return path;
}

/* A corpus of four dated pages (two on the same day, one a year earlier)
   and one without a date, each with one deputy's quote about a region;
   and its database.  Returns the database path; *corpus the corpus. */
static const char *dated_db(const char **corpus)
{
    static char db[600], dir[600];
    if (!db[0]) {
        const char *tmp = test_tmpdir();
        snprintf(dir, sizeof dir, "%s/dated", tmp);
        snprintf(db, sizeof db, "%s/dated.db", tmp);
        assert_int_equal(mkdir(dir, 0700), 0);
        static const char *const pages[][4] = {
            {"a.txt", "2025年3月5日 星期三", "京津冀", "张明"},
            {"b.txt", "2025年3月7日 星期五", "长三角", "李华"},
            {"c.txt", "2024年3月5日 星期二", "京津冀", "王强"},
            {"d.txt", "2025年3月7日 星期五", "大湾区", "赵丽"},
            {"e.txt", "", "京津冀", "孙伟"},
        };
        for (size_t i = 0; i < SUITE_LEN(pages); i++) {
            char path[700];
            snprintf(path, sizeof path, "%s/%s", dir, pages[i][0]);
            FILE *f = fopen(path, "w");
            assert_non_null(f);
            fprintf(f, "测试日报\n\n%s\n\n代表热议%s发展\n\n"
                    "　　全国人大代表%s在会上说：“%s协同发展要走深走实。”\n",
                    pages[i][1], pages[i][2], pages[i][3], pages[i][2]);
            fclose(f);
        }
        strbuf out = {0}, err = {0};
        static const char *const args[] = {"index", NULL};
        assert_int_equal(dubao(db, dir, args, &out, &err), 0);
        sb_free(&out);
        sb_free(&err);
    }
    *corpus = dir;
    return db;
}

/* The first whitespace-separated word of each line of out, joined by
   spaces (heap). */
static char *first_words(const char *out)
{
    strbuf sb = {0};
    for (const char *p = out; p && *p;) {
        size_t len = strcspn(p, "\n");
        size_t w = strcspn(p, " \n");
        if (sb.len)
            sb_putc(&sb, ' ');
        sb_append(&sb, p, w);
        p += len + (p[len] == '\n');
    }
    return sb.s ? sb_take(&sb) : xstrdup("");
}


static int count_lines(const char *out)
{
    int n = 0;
    for (const char *p = out; p && *p; p++)
        n += *p == '\n';
    return n;
}

/* The value of "key":"…" in a JSON line (heap), or NULL for null. */
static char *json_value(const char *line, const char *key)
{
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\":\"", key);
    const char *v = strstr(line, pat);
    if (!v)
        return NULL;
    v += strlen(pat);
    return xstrndup(v, strcspn(v, "\""));
}

/* Issues come newest first, those without a date last; the two pages of
   测试日报 of 2025-03-07 (b.txt, d.txt) are one issue, its file the first
   by name. */
static void cmdline_issues_newest_first(void **state)
{
    (void)state;
    const char *corpus;
    const char *db = dated_db(&corpus);
    strbuf out = {0}, err = {0};
    static const char *const issues[] = {"-n", "issues", NULL};
    assert_int_equal(dubao(db, corpus, issues, &out, &err), 0);
    char *order = first_words(out.s);
    assert_string_equal(order, "2025-03-07 2025-03-05 2024-03-05 -");
    free(order);
    assert_int_equal(test_count_lines_with(out.s, "测试日报"), 4);
    assert_int_equal(test_count_lines_with(out.s, "2 pages    2 articles  "
                                                  "b.txt (+1 file)"), 1);
    /* articles follow the issues, and their pages by file. */
    static const char *const articles[] = {"-n", "articles", NULL};
    assert_int_equal(dubao(db, corpus, articles, &out, &err), 0);
    order = first_words(out.s);
    assert_string_equal(order, "b.txt d.txt a.txt c.txt e.txt");
    free(order);
    sb_free(&out);
    sb_free(&err);
}

/* --since and --until keep the issues of those dates, in issues,
   articles, quotes and search; a month or a year stands for all its
   days; an undated issue is outside any range; a bad date is a usage
   error. */
static void cmdline_dates_filter_by_issue_date(void **state)
{
    (void)state;
    const char *corpus;
    const char *db = dated_db(&corpus);
    strbuf out = {0}, err = {0};
    static const char *const march7[] = {"-n", "issues", "--since",
                                         "2025-03-06", NULL};
    assert_int_equal(dubao(db, corpus, march7, &out, &err), 0);
    char *got = first_words(out.s);
    assert_string_equal(got, "2025-03-07");
    free(got);
    assert_non_null(strstr(out.s, "b.txt (+1 file)"));
    static const char *const y2025[] = {"-n", "articles", "--since", "2025",
                                        "--until", "2025-03-05", NULL};
    assert_int_equal(dubao(db, corpus, y2025, &out, &err), 0);
    got = first_words(out.s);
    assert_string_equal(got, "a.txt");
    free(got);
    static const char *const month[] = {"-n", "quotes", "--json", "--until",
                                        "2024-03", NULL};
    assert_int_equal(dubao(db, corpus, month, &out, &err), 0);
    assert_int_equal(count_lines(out.s), 1);
    assert_non_null(strstr(out.s, "\"speaker\":\"王强\""));
    static const char *const search[] = {"-n", "search", "--json", "--since",
                                         "2025-03-07", "协同", NULL};
    assert_int_equal(dubao(db, corpus, search, &out, &err), 0);
    assert_true(count_lines(out.s) > 0);
    assert_int_equal(test_count_lines_with(out.s, "\"file\":\"b.txt\"") +
                         test_count_lines_with(out.s, "\"file\":\"d.txt\""),
                     count_lines(out.s));
    /* Mistakes. */
    static const char *const bad[][8] = {
        {"-n", "issues", "--since", "2025-3-7", NULL},
        {"-n", "quotes", "--until", "2025-02-30", NULL},
        {"-n", "issues", "--since", "2025-03-08", "--until", "2025-03-07",
         NULL},
        {"-n", "speakers", "--since", "2025", NULL},
        {"-n", "issues", "--about", "京津冀", NULL},
    };
    static const char *const says[] = {"not a date", "not a date",
                                       "comes after", "not an option",
                                       "not an option"};
    for (size_t i = 0; i < SUITE_LEN(bad); i++) {
        assert_int_equal(dubao(db, corpus, bad[i], &out, &err), 2);
        if (!strstr(err.s, says[i]))
            fail_msg("case %zu: '%s' not in: %s", i, says[i], err.s);
        assert_int_equal(out.len, 0);
    }
    sb_free(&out);
    sb_free(&err);
}

/* quotes --about lists exactly the quotes whose words contain the term,
   each with its speaker: the same as a plain scan of every quote finds;
   and it combines with --speaker, --role and the dates. */
static void cmdline_quotes_about_a_term(void **state)
{
    (void)state;
    const char *db = shipped_db();
    strbuf all = {0}, out = {0}, err = {0};
    static const char *const every[] = {"-n", "quotes", "--json", NULL};
    assert_int_equal(dubao(db, NULL, every, &all, &err), 0);
    int want = 0, want_zhao = 0, want_cppcc = 0;
    for (const char *p = all.s; *p;) {
        size_t len = strcspn(p, "\n");
        char *line = xstrndup(p, len);
        char *text = json_value(line, "text");
        char *speaker = json_value(line, "speaker");
        char *role = json_value(line, "role");
        if (text && strstr(text, "京津冀")) {
            want++;
            want_zhao += speaker && strcmp(speaker, "赵民革") == 0;
            want_cppcc += role && strcmp(role, "全国政协委员") == 0;
        }
        free(text);
        free(speaker);
        free(role);
        free(line);
        p += len + (p[len] == '\n');
    }
    assert_true(want > 3 && want_zhao > 0 && want_cppcc > 0);
    static const char *const about[] = {"-n", "quotes", "--about", "京津冀",
                                        "--json", NULL};
    assert_int_equal(dubao(db, NULL, about, &out, &err), 0);
    assert_int_equal(count_lines(out.s), want);
    for (const char *p = out.s; *p;) {
        size_t len = strcspn(p, "\n");
        char *line = xstrndup(p, len);
        char *text = json_value(line, "text");
        char *speaker = json_value(line, "speaker");
        assert_true(test_json_valid(line));
        assert_non_null(text);
        assert_non_null(strstr(text, "京津冀"));
        assert_non_null(speaker);
        free(text);
        free(speaker);
        free(line);
        p += len + (p[len] == '\n');
    }
    static const char *const zhao[] = {"-n", "quotes", "--about", "京津冀",
                                       "--speaker", "赵民革", "--json", NULL};
    assert_int_equal(dubao(db, NULL, zhao, &out, &err), 0);
    assert_int_equal(count_lines(out.s), want_zhao);
    assert_int_equal(test_count_lines_with(out.s, "\"speaker\":\"赵民革\""),
                     want_zhao);
    static const char *const cppcc[] = {"-n", "quotes", "--about", "京津冀",
                                        "--role", "政协委员", "--json", NULL};
    assert_int_equal(dubao(db, NULL, cppcc, &out, &err), 0);
    assert_int_equal(count_lines(out.s), want_cppcc);
    /* Dates: of the three 京津冀 pages of the dated corpus, one is of
       2025, one of 2024 and one has no date. */
    const char *corpus;
    const char *ddb = dated_db(&corpus);
    static const char *const dated[] = {"-n", "quotes", "--about", "京津冀",
                                        "--since", "2025", NULL};
    assert_int_equal(dubao(ddb, corpus, dated, &out, &err), 0);
    assert_int_equal(count_lines(out.s), 1);
    assert_non_null(strstr(out.s, "张明"));
    sb_free(&all);
    sb_free(&out);
    sb_free(&err);
}

/* An issue that does not exist, or a role no speaker has, is a usage
   error with a message; a path to a corpus file names its issue. */
static void cmdline_unknown_issue_or_role_exit_2(void **state)
{
    (void)state;
    const char *db = shipped_db();
    strbuf out = {0}, err = {0};
    static const char *const nope[] = {"-n", "articles", "--issue",
                                       "nope.txt", NULL};
    assert_int_equal(dubao(db, NULL, nope, &out, &err), 2);
    assert_non_null(strstr(err.s, "no issue is named 'nope.txt'"));
    assert_int_equal(out.len, 0);
    /* A path, absolute or with .. in it, and the base name. */
    char path[700];
    snprintf(path, sizeof path, "%s/../corpus/000_fe2404723e325502.txt",
             test_src_path("assets/corpus"));
    const char *const by_path[] = {"-n", "articles", "--issue", path, NULL};
    assert_int_equal(dubao(db, NULL, by_path, &out, &err), 0);
    int n = count_lines(out.s);
    assert_true(n > 0);
    assert_int_equal(test_count_lines_with(out.s,
                                           "000_fe2404723e325502.txt"), n);
    static const char *const by_name[] = {"-n", "articles", "--issue",
                                          "000_fe2404723e325502.txt", NULL};
    assert_int_equal(dubao(db, NULL, by_name, &out, &err), 0);
    assert_int_equal(count_lines(out.s), n);
    const char *const quotes_path[] = {"-n", "quotes", "--issue", path, NULL};
    assert_int_equal(dubao(db, NULL, quotes_path, &out, &err), 0);
    assert_true(count_lines(out.s) > 0);
    static const char *const quotes_nope[] = {"-n", "quotes", "--issue",
                                              "/no/such/000.txt", NULL};
    assert_int_equal(dubao(db, NULL, quotes_nope, &out, &err), 2);
    /* Roles: a class, an exact role, or a usage error naming the roles. */
    static const char *const xyz[] = {"-n", "quotes", "--role", "xyz", NULL};
    assert_int_equal(dubao(db, NULL, xyz, &out, &err), 2);
    assert_non_null(strstr(err.s, "no speaker has the role 'xyz'"));
    assert_non_null(strstr(err.s, "全国人大代表"));
    assert_int_equal(out.len, 0);
    static const char *const good[] = {"政协委员", "local", "地方", "all",
                                       "全国人大代表"};
    for (size_t i = 0; i < SUITE_LEN(good); i++) {
        const char *const args[] = {"-n", "quotes", "--role", good[i], NULL};
        assert_int_equal(dubao(db, NULL, args, &out, &err), 0);
        if (out.len == 0)
            fail_msg("--role %s printed nothing", good[i]);
    }
    sb_free(&out);
    sb_free(&err);
}

/* A speaker query that matches nobody says so on stderr (and prints no
   rows); so does a list that other options leave empty. */
static void cmdline_speaker_without_match_says_so(void **state)
{
    (void)state;
    const char *db = shipped_db();
    strbuf out = {0}, err = {0};
    static const char *const quotes[] = {"-n", "quotes", "--speaker",
                                         "nobody", NULL};
    assert_int_equal(dubao(db, NULL, quotes, &out, &err), 0);
    assert_int_equal(out.len, 0);
    assert_non_null(strstr(err.s, "no speaker matches 'nobody'"));
    static const char *const speakers[] = {"-n", "speakers", "nobody", NULL};
    assert_int_equal(dubao(db, NULL, speakers, &out, &err), 0);
    assert_int_equal(out.len, 0);
    assert_non_null(strstr(err.s, "no speaker matches 'nobody'"));
    static const char *const empty[] = {"-n", "quotes", "--speaker", "雷军",
                                        "--about", "无此词语", NULL};
    assert_int_equal(dubao(db, NULL, empty, &out, &err), 0);
    assert_int_equal(out.len, 0);
    assert_non_null(strstr(err.s, "no quote matches"));
    sb_free(&out);
    sb_free(&err);
}

/* speakers Q also finds a speaker by words of the titles or delegation
   (two characters or more, traditional characters too). */
static void cmdline_speakers_by_titles_and_delegation(void **state)
{
    (void)state;
    const char *db = shipped_db();
    strbuf out = {0}, all = {0}, err = {0};
    static const char *const xiaomi[] = {"-n", "speakers", "小米", NULL};
    assert_int_equal(dubao(db, NULL, xiaomi, &out, &err), 0);
    assert_non_null(strstr(out.s, "雷军"));
    static const char *const trad[] = {"-n", "speakers", "小米集團", NULL};
    assert_int_equal(dubao(db, NULL, trad, &out, &err), 0);
    assert_non_null(strstr(out.s, "雷军"));
    static const char *const one[] = {"-n", "speakers", "米", NULL};
    assert_int_equal(dubao(db, NULL, one, &out, &err), 0);
    assert_null(strstr(out.s, "雷军"));
    /* Exactly the speakers of the delegation. */
    static const char *const every[] = {"-n", "speakers", "--json", NULL};
    assert_int_equal(dubao(db, NULL, every, &all, &err), 0);
    int want = test_count_lines_with(all.s, "\"delegation\":\"北京市代表团\"");
    assert_true(want > 3);
    static const char *const beijing[] = {"-n", "speakers", "北京市代表团",
                                          "--json", NULL};
    assert_int_equal(dubao(db, NULL, beijing, &out, &err), 0);
    assert_int_equal(count_lines(out.s), want);
    assert_int_equal(test_count_lines_with(out.s,
                                           "\"delegation\":\"北京市代表团\""),
                     want);
    sb_free(&out);
    sb_free(&all);
    sb_free(&err);
}

/* Every exported quote carries paper, date, headline, speaker, role and
   delegation, in JSON and CSV (with --bom, the byte order mark first). */
static void cmdline_quotes_carry_their_source(void **state)
{
    (void)state;
    const char *db = shipped_db();
    strbuf out = {0}, err = {0};
    static const char *const json[] = {"-n", "quotes", "--speaker", "雷军",
                                       "--json", NULL};
    assert_int_equal(dubao(db, NULL, json, &out, &err), 0);
    /* 雷军 is quoted in the one dated issue and in an undated one of
       证券时报. */
    int n = count_lines(out.s);
    int dated = test_count_lines_with(out.s, "\"file\":\"000_fe2404723e"
                                             "325502.txt\"");
    assert_true(dated > 0 && dated < n);
    assert_int_equal(test_count_lines_with(out.s, "\"paper\":\"北京城市副中"
                                                  "心报\",\"date\":\"2025-03"
                                                  "-07\""), dated);
    assert_int_equal(test_count_lines_with(out.s, "\"paper\":\"证券时报\","
                                                  "\"date\":null"), n - dated);
    assert_int_equal(test_count_lines_with(out.s, "\"delegation\":\"北京"
                                                  "市代表团\""), n);
    assert_int_equal(test_count_lines_with(out.s, "\"role\":\"全国人大代"
                                                  "表\""), n);
    assert_int_equal(test_count_lines_with(out.s, "\"article\":\"北京市代表"
                                                  "团开放团组"), dated);
    static const char *const csv[] = {"-n", "quotes", "--speaker", "雷军",
                                      "--csv", "--bom", NULL};
    assert_int_equal(dubao(db, NULL, csv, &out, &err), 0);
    assert_true(strncmp(out.s, "\xEF\xBB\xBF" "file,article,speaker,role,"
                        "titles,kind,text,paper,date,edition,delegation\n",
                        3 + 64) == 0);
    assert_int_equal(test_count_lines_with(out.s, ",北京城市副中心报,2025-03-"
                                                  "07,,北京市代表团"), dated);
    static const char *const plain[] = {"-n", "quotes", "--csv", NULL};
    assert_int_equal(dubao(db, NULL, plain, &out, &err), 0);
    assert_true(strncmp(out.s, "file,", 5) == 0); /* no mark without --bom */
    sb_free(&out);
    sb_free(&err);
}

/* search says on stderr when its list is cut: by --limit ("the first 5
   of 22"), or by the ranking caps ("the first 1000 of 1000+") however
   large --limit is; a whole list says nothing. */
static void cmdline_search_says_when_cut(void **state)
{
    (void)state;
    strbuf out = {0}, err = {0};
    static const char *const five[] = {"-n", "search", "--limit", "5",
                                       "京津冀", NULL};
    assert_int_equal(dubao(shipped_db(), NULL, five, &out, &err), 0);
    assert_int_equal(count_lines(out.s), 5);
    assert_non_null(strstr(err.s, "the first 5 of "));
    static const char *const all[] = {"-n", "search", "--limit", "5000",
                                      "京津冀", NULL};
    assert_int_equal(dubao(shipped_db(), NULL, all, &out, &err), 0);
    assert_int_equal(err.len, 0);
    char corpus[700], db[700];
    snprintf(corpus, sizeof corpus, "%s/many", test_tmpdir());
    snprintf(db, sizeof db, "%s/many.db", test_tmpdir());
    test_write_pages(corpus, 520, "协同");
    static const char *const capped[] = {"search", "--limit", "5000", "协同",
                                         NULL};
    assert_int_equal(dubao(db, corpus, capped, &out, &err), 0);
    assert_int_equal(count_lines(out.s), 1000);
    assert_non_null(strstr(err.s, "the first 1000 of 1000+ results"));
    sb_free(&out);
    sb_free(&err);
}

/* The man page renders at 80 columns without warnings, and the commands'
   option lists are lists: each option starts a line of its own, never
   run into the description. */
static void cmdline_man_page_renders_at_80_columns(void **state)
{
    (void)state;
    char page[700];
    snprintf(page, sizeof page, "%s", test_src_path("man/dubao.1"));
    char *argv[] = {"env", "MANWIDTH=80", "LC_ALL=C.UTF-8", "man",
                    "--warnings", "-l", page, NULL};
    strbuf out = {0}, err = {0};
    assert_int_equal(test_run(argv, &out, &err), 0);
    assert_int_equal(err.len, 0);
    test_assert_lines_fit(out.s, 80);
    static const char *const starts[] = {
        "--about QUERY", "--since DATE", "--until DATE", "--issue FILE",
        "--speaker Q", "--role ROLE", "--limit N", "--bom", "--json",
        "--check-config", "Esc", "w", "M",
    };
    for (size_t i = 0; i < SUITE_LEN(starts); i++) {
        /* A tag as a list item: a long one on a line of its own, a short
           one padded to the description's column. */
        char line[64];
        if (strlen(starts[i]) < 7)
            snprintf(line, sizeof line, "\n       %-7s", starts[i]);
        else
            snprintf(line, sizeof line, "\n       %s\n", starts[i]);
        if (!strstr(out.s, line))
            fail_msg("'%s' is not an item of a list in the rendered page",
                     starts[i]);
    }
    /* Each command's synopsis is a line of its own. */
    static const char *const synopses[] = {
        "\n   articles\n", "\n   quotes\n", "\n   search\n",
    };
    for (size_t i = 0; i < SUITE_LEN(synopses); i++)
        if (!strstr(out.s, synopses[i]))
            fail_msg("no subsection for%s", synopses[i]);
    sb_free(&out);
    sb_free(&err);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(cmdline_issues_newest_first),
    cmocka_unit_test(cmdline_dates_filter_by_issue_date),
    cmocka_unit_test(cmdline_quotes_about_a_term),
    cmocka_unit_test(cmdline_unknown_issue_or_role_exit_2),
    cmocka_unit_test(cmdline_speaker_without_match_says_so),
    cmocka_unit_test(cmdline_speakers_by_titles_and_delegation),
    cmocka_unit_test(cmdline_quotes_carry_their_source),
    cmocka_unit_test(cmdline_search_says_when_cut),
    cmocka_unit_test(cmdline_man_page_renders_at_80_columns),
};

const test_suite cmdline_suite = {tests, SUITE_LEN(tests)};
