/* test_ingest.c - files of every format indexed into the database: issues
 * are one paper on one date, pages belong to issues, files that are
 * articles of the same paper, date and page are grouped, a plain-text file
 * stays one page; re-indexing a crawl picks up only what changed; the same
 * page in three formats gives the same database; `issues --json`.
 */
#include "test.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "corpus.h"
#include "db.h"
#include "lexicon.h"

/* ---- helpers ------------------------------------------------------------- */

/* mkdir -p */
static void make_dirs(const char *path)
{
    char *p = xstrdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0700) != 0 && errno != EEXIST)
            fail_msg("mkdir %s: %s", p, strerror(errno));
        *s = '/';
    }
    if (mkdir(p, 0700) != 0 && errno != EEXIST)
        fail_msg("mkdir %s: %s", p, strerror(errno));
    free(p);
}

/* A fresh directory under the test's temporary directory. */
static const char *fresh_dir(const char *name)
{
    static char buf[700];
    snprintf(buf, sizeof buf, "%s/%s", test_tmpdir(), name);
    make_dirs(buf);
    return buf;
}

/* Write bytes to dir/rel, making its directories. */
static void put(const char *dir, const char *rel, const char *bytes, size_t n)
{
    strbuf path = {0};
    sb_printf(&path, "%s/%s", dir, rel);
    char *slash = strrchr(path.s, '/');
    *slash = '\0';
    make_dirs(path.s);
    *slash = '/';
    FILE *f = fopen(path.s, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, n, f), n);
    fclose(f);
    sb_free(&path);
}

/* Copy a file of the repository to dir/rel. */
static void copy_in(const char *dir, const char *rel, const char *repo_file)
{
    size_t n;
    char *bytes = test_read_file(test_src_path(repo_file), &n);
    put(dir, rel, bytes, n);
    free(bytes);
}

/* Open a new database in dir and index the corpus at root into it;
   messages go to msgs (may be NULL). */
static db *index_into(const char *dbdir, const char *root, index_report *rep,
                      strbuf *msgs)
{
    assert_true(lexicon_load_from(test_src_path("assets/lexicon")));
    strbuf path = {0}, err = {0};
    sb_printf(&path, "%s/t.db", dbdir);
    db *d = db_open(path.s, false, &err);
    if (!d)
        fail_msg("db_open: %s", err.s);
    strlist roots = {0};
    strlist_push(&roots, root);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(corpus_index(d, &roots, false, 0, rep, f, NULL, NULL, &err), 0);
    fclose(f);
    if (msgs)
        sb_puts(msgs, buf ? buf : "");
    free(buf);
    strlist_free(&roots);
    sb_free(&path);
    sb_free(&err);
    return d;
}

/* Index root again into the open database. */
static void reindex(db *d, const char *root, index_report *rep)
{
    strbuf err = {0};
    strlist roots = {0};
    strlist_push(&roots, root);
    assert_int_equal(corpus_index(d, &roots, false, 0, rep, NULL, NULL, NULL, &err), 0);
    strlist_free(&roots);
    sb_free(&err);
}

/* The issue with this paper and date, or -1; its row in *out. */
static ssize_t find_issue(const issue_row *rows, ssize_t n, const char *paper,
                          const char *date)
{
    for (ssize_t i = 0; i < n; i++)
        if (rows[i].paper && rows[i].date &&
            strcmp(rows[i].paper, paper) == 0 &&
            strcmp(rows[i].date, date) == 0)
            return i;
    return -1;
}

/* "label:articles:file,file|…" for the pages of an issue. */
static char *pages_summary(db *d, int64_t issue_id)
{
    page_row *p;
    ssize_t n = db_issue_pages(d, issue_id, &p);
    assert_true(n >= 0);
    strbuf sb = {0};
    for (ssize_t i = 0; i < n; i++) {
        sb_printf(&sb, "%s%s:%d:", i ? "|" : "", p[i].page ? p[i].page : "-",
                  p[i].articles);
        for (size_t f = 0; f < p[i].files.n; f++)
            sb_printf(&sb, "%s%s", f ? "," : "", p[i].files.v[f]);
    }
    page_rows_free(p, n);
    return sb_take(&sb);
}

static const char *const page03_md[] = {"03001.md", "03002.md", "03003.md",
                                        "03004.md"};

/* Copy page 03 as a Markdown crawl under dir (crawl/2026/05/…). */
static void copy_md_crawl(const char *dir)
{
    for (int i = 0; i < 4; i++) {
        strbuf from = {0}, to = {0};
        sb_printf(&from, "tests/data/formats/md/xhmrdx/2026/05/2026-05-01/"
                         "03-要闻/%s", page03_md[i]);
        sb_printf(&to, "crawl/2026/05/2026-05-01/03-要闻/%s", page03_md[i]);
        copy_in(dir, to.s, from.s);
        sb_free(&from);
        sb_free(&to);
    }
}

/* ---- grouping ------------------------------------------------------------ */

/* A Markdown crawl of one page, four GBK HTML pages of the same page, the
   day's feed and a plain-text page of the same paper and date: one issue
   of four pages; the articles of page 03 from each format on page 03. */
static void ingest_one_issue_from_every_format(void **state)
{
    (void)state;
    const char *dir = fresh_dir("every");
    char root[800];
    snprintf(root, sizeof root, "%s/corpus", dir);
    copy_md_crawl(root);
    for (int i = 1; i <= 4; i++) {
        strbuf rel = {0};
        sb_printf(&rel, "tests/data/formats/html/xhmrdx_20260501_p03_%02d.html",
                  i);
        copy_in(root, rel.s + strlen("tests/data/formats/"), rel.s);
        sb_free(&rel);
    }
    copy_in(root, "rss/mrdx_2026-05-01.xml",
            "tests/data/formats/rss/mrdx_2026-05-01.xml");
    copy_in(root, "text/08_xhmrdx_20260501_p01_laodongzhe_feature.txt",
            "tests/data/pages/08_xhmrdx_20260501_p01_laodongzhe_feature.txt");
    index_report rep;
    strbuf msgs = {0};
    db *d = index_into(dir, root, &rep, &msgs);
    assert_int_equal(rep.files, 10);
    assert_int_equal(rep.parsed, 10);
    assert_int_equal(rep.failed + rep.skipped, 0);
    issue_row *rows;
    ssize_t n = db_issues(d, NULL, &rows);
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].paper, "新华每日电讯");
    assert_string_equal(rows[0].date, "2026-05-01");
    assert_int_equal(rows[0].pages, 4);
    assert_int_equal(rows[0].files, 10);
    char *pages = pages_summary(d, rows[0].id);
    /* Page 01: five feed items and the plain-text page; 03: four articles
       each from the crawl, the HTML pages and the feed. */
    assert_non_null(strstr(pages, "01:"));
    assert_non_null(strstr(pages, "08_xhmrdx_20260501_p01_laodongzhe_feature"
                                  ".txt"));
    assert_non_null(strstr(pages, "|03:12:03001.md,03002.md,03003.md,03004.md,"
                                  "mrdx_2026-05-01.xml,"
                                  "xhmrdx_20260501_p03_01.html"));
    assert_non_null(strstr(pages, "|04:7:mrdx_2026-05-01.xml"));
    /* The articles pane's order: page, then file, then place in it. */
    article_row *arts;
    ssize_t na = db_articles(d, rows[0].id, NULL, NULL, &arts);
    assert_int_equal(na, rows[0].articles);
    for (ssize_t i = 1; i < na; i++)
        assert_true(strcmp(arts[i - 1].page, arts[i].page) <= 0);
    assert_string_equal(arts[0].paper, "新华每日电讯");
    assert_string_equal(arts[0].date, "2026-05-01");
    article_rows_free(arts, na);
    free(pages);
    issue_rows_free(rows, n);
    db_close(d);
    sb_free(&msgs);
}

/* Plain-text files stay one page each unless their page is known; files
   without paper or date are issues of their own; issues come newest
   first, those without a date last. */
static void ingest_plain_text_pages_and_loners(void **state)
{
    (void)state;
    const char *dir = fresh_dir("plain");
    char root[800];
    snprintf(root, sizeof root, "%s/corpus", dir);
    const char *a = "人民日报\n\n2026年3月10日 星期二\n\n# 标题甲\n\n"
                    "全国人大代表张三说：“要办好实事。”\n";
    const char *b = "人民日报\n\n2026年3月10日 星期二\n\n# 标题乙\n\n"
                    "全国政协委员李四表示，要加强研究。\n";
    const char *c = "# 没有报名和日期\n\n正文一段。\n";
    const char *e = "人民日报\n\n2026年3月12日 星期四\n\n# 标题丙\n\n正文。\n";
    put(root, "a.txt", a, strlen(a));
    put(root, "b.txt", b, strlen(b));
    put(root, "c.txt", c, strlen(c));
    put(root, "d.txt", c, strlen(c));
    put(root, "e.txt", e, strlen(e));
    /* A Markdown article naming page 04 of the same day, and a text file
       whose path names page 04: the same page. */
    const char *m = "---\ntitle: 标题丁\npaper: 人民日报\ndate: 2026-03-10\n"
                    "section: 第04版\n---\n\n正文丁。\n";
    put(root, "m.md", m, strlen(m));
    put(root, "p04/f.txt", a, strlen(a));
    index_report rep;
    db *d = index_into(dir, root, &rep, NULL);
    issue_row *rows;
    ssize_t n = db_issues(d, NULL, &rows);
    /* 人民日报 of 03-12, of 03-10, then c.txt and d.txt alone. */
    assert_int_equal(n, 4);
    assert_string_equal(rows[0].date, "2026-03-12");
    assert_string_equal(rows[1].date, "2026-03-10");
    assert_null(rows[2].date);
    assert_string_equal(rows[2].file, "c.txt");
    assert_string_equal(rows[3].file, "d.txt");
    ssize_t i = find_issue(rows, n, "人民日报", "2026-03-10");
    assert_true(i >= 0);
    char *pages = pages_summary(d, rows[i].id);
    assert_string_equal(pages, "04:2:f.txt,m.md|-:1:a.txt|-:1:b.txt");
    free(pages);
    issue_rows_free(rows, n);
    assert_int_equal(db_issue_count(d), 4);
    db_close(d);
}

/* A feed whose items are of two days is two issues. */
static void ingest_feed_items_of_two_days(void **state)
{
    (void)state;
    const char *dir = fresh_dir("feed2");
    char root[800];
    snprintf(root, sizeof root, "%s/corpus", dir);
    const char *rss =
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
        "<title>某某日报 - 两会</title>"
        "<item><title>[01版：要闻] 甲</title><pubDate>Sun, 08 Mar 2026 "
        "07:00:00 +0800</pubDate><description>&lt;p&gt;正文甲。&lt;/p&gt;"
        "</description></item>"
        "<item><title>[02版：要闻] 乙</title><pubDate>Sun, 08 Mar 2026 "
        "07:00:00 +0800</pubDate><description>正文乙。</description></item>"
        "<item><title>[01版：要闻] 丙</title><pubDate>Mon, 09 Mar 2026 "
        "07:00:00 +0800</pubDate><description>正文丙。</description></item>"
        "</channel></rss>";
    put(root, "feed.xml", rss, strlen(rss));
    index_report rep;
    db *d = index_into(dir, root, &rep, NULL);
    issue_row *rows;
    ssize_t n = db_issues(d, NULL, &rows);
    assert_int_equal(n, 2);
    assert_string_equal(rows[0].paper, "某某日报");
    assert_string_equal(rows[0].date, "2026-03-09");
    assert_int_equal(rows[0].articles, 1);
    assert_string_equal(rows[1].date, "2026-03-08");
    assert_int_equal(rows[1].pages, 2);
    char *pages = pages_summary(d, rows[1].id);
    assert_string_equal(pages, "01:1:feed.xml|02:1:feed.xml");
    free(pages);
    issue_rows_free(rows, n);
    db_close(d);
}

/* ---- re-indexing ---------------------------------------------------------- */

/* After a `git pull` of a crawl only the changed files are parsed; a page
   whose files are all gone goes, and so does an issue without pages. */
static void ingest_reindex_picks_up_only_changes(void **state)
{
    (void)state;
    const char *dir = fresh_dir("pull");
    char root[800];
    snprintf(root, sizeof root, "%s/corpus", dir);
    copy_md_crawl(root);
    const char *other = "---\ntitle: 另一天的文章\npaper: 新华每日电讯\n"
                        "date: 2026-05-02\nsection: 第01版\n---\n\n正文。\n";
    put(root, "crawl/2026/05/2026-05-02/01-要闻/01001.md", other,
        strlen(other));
    index_report rep;
    db *d = index_into(dir, root, &rep, NULL);
    assert_int_equal(rep.parsed, 5);
    assert_int_equal(db_issue_count(d), 2);

    /* Nothing changed: nothing parsed. */
    reindex(d, root, &rep);
    assert_int_equal(rep.parsed, 0);
    assert_int_equal(rep.unchanged, 5);

    /* One article edited, one added on a new page: two parsed. */
    char path[1000];
    snprintf(path, sizeof path, "%s/crawl/2026/05/2026-05-01/03-要闻/03004.md",
             root);
    size_t n;
    char *bytes = test_read_file(path, &n);
    strbuf changed = {0};
    sb_append(&changed, bytes, n);
    sb_puts(&changed, "\n全国人大代表王五说：“新加的一段。”\n");
    put(root, "crawl/2026/05/2026-05-01/03-要闻/03004.md", changed.s,
        changed.len);
    const char *added = "---\ntitle: 第四版的文章\npaper: 新华每日电讯\n"
                        "date: 2026-05-01\nsection: 第04版\n---\n\n正文。\n";
    put(root, "crawl/2026/05/2026-05-01/04-要闻/04001.md", added,
        strlen(added));
    reindex(d, root, &rep);
    assert_int_equal(rep.parsed, 2);
    assert_int_equal(rep.unchanged, 4);
    issue_row *rows;
    ssize_t ni = db_issues(d, NULL, &rows);
    ssize_t i = find_issue(rows, ni, "新华每日电讯", "2026-05-01");
    assert_true(i >= 0);
    assert_int_equal(rows[i].pages, 2);
    assert_int_equal(rows[i].articles, 5);
    quote_filter f = {.speaker = "王五"};
    quote_row *q;
    ssize_t nq = db_quotes(d, &f, &q);
    assert_int_equal(nq, 1);
    quote_rows_free(q, nq);
    issue_rows_free(rows, ni);

    /* The new page's only file and the other day's only file removed:
       their page and issue go with them. */
    snprintf(path, sizeof path, "%s/crawl/2026/05/2026-05-01/04-要闻/04001.md",
             root);
    assert_int_equal(unlink(path), 0);
    snprintf(path, sizeof path, "%s/crawl/2026/05/2026-05-02/01-要闻/01001.md",
             root);
    assert_int_equal(unlink(path), 0);
    reindex(d, root, &rep);
    assert_int_equal(rep.removed, 2);
    assert_int_equal(rep.parsed, 0);
    ni = db_issues(d, NULL, &rows);
    assert_int_equal(ni, 1);
    assert_int_equal(rows[0].pages, 1);
    assert_int_equal(rows[0].articles, 4);
    issue_rows_free(rows, ni);
    db_counts c;
    db_get_counts(d, &c);
    assert_int_equal(c.issues, 1);
    assert_int_equal(c.pages, 1);
    free(bytes);
    sb_free(&changed);
    db_close(d);
}

/* ---- the same page three ways, in the database ---------------------------- */

/* The articles (headline, byline, subheads, speakers, paragraphs), the
   speakers (with roles, delegations and quote counts) and the quotes of a
   database, as text.  Not the speakers' titles: each file is parsed on
   its own, so a title printed only in another article of the page
   (赵乐际委员长 in the first, his words in the third) is not seen where
   he speaks when the page comes as one file per article. */
static char *database_signature(db *d)
{
    strbuf sb = {0};
    article_row *a;
    ssize_t na = db_articles(d, 0, NULL, NULL, &a);
    assert_true(na > 0);
    for (ssize_t i = 0; i < na; i++) {
        sb_printf(&sb, "A %s|%s|%s|%s|%s|%s\n", a[i].headline,
                  a[i].byline ? a[i].byline : "-", a[i].paper, a[i].date,
                  a[i].page, a[i].page_name ? a[i].page_name : "-");
        for (size_t k = 0; k < a[i].subheads.n; k++)
            sb_printf(&sb, "  sub %s\n", a[i].subheads.v[k]);
        for (size_t k = 0; k < a[i].speakers.n; k++)
            sb_printf(&sb, "  speaker %s\n", a[i].speakers.v[k]);
        para_row *p;
        ssize_t np = db_paragraphs(d, a[i].id, &p);
        for (ssize_t k = 0; k < np; k++)
            sb_printf(&sb, "  %s %s\n", block_kind_name(p[k].kind),
                      p[k].text);
        para_rows_free(p, np);
    }
    article_rows_free(a, na);
    speaker_row *s;
    ssize_t ns = db_speakers(d, NULL, &s);
    for (ssize_t i = 0; i < ns; i++)
        sb_printf(&sb, "S %s|%s|%s|%d|%d\n", s[i].name,
                  s[i].role ? s[i].role : "-",
                  s[i].delegation ? s[i].delegation : "-",
                  (int)s[i].is_delegate, s[i].quotes);
    speaker_rows_free(s, ns);
    quote_row *q;
    quote_filter f = {0};
    ssize_t nq = db_quotes(d, &f, &q);
    for (ssize_t i = 0; i < nq; i++)
        sb_printf(&sb, "Q %s|%s|%s|%s|%lld-%lld|%s\n", q[i].article,
                  q[i].speaker ? q[i].speaker : "-", q[i].role ? q[i].role
                                                               : "-",
                  q[i].kind, (long long)q[i].start, (long long)q[i].end,
                  q[i].text);
    quote_rows_free(q, nq);
    return sb_take(&sb);
}

/* Page 03 of 新华每日电讯 of 2026-05-01 indexed from plain text, from the
   Markdown crawl and from the GBK HTML pages, each into its own database:
   the same issue, page, articles, paragraphs, speakers and quotes. */
static void ingest_same_page_three_ways_in_the_database(void **state)
{
    (void)state;
    strbuf dirs[3] = {{0}}, roots[3] = {{0}};
    const char *names[] = {"text", "md", "html"};
    for (int s = 0; s < 3; s++) {
        sb_puts(&dirs[s], fresh_dir(names[s]));
        sb_printf(&roots[s], "%s/corpus", dirs[s].s);
    }
    copy_in(roots[0].s, "07_xhmrdx_20260501_p03_npcsc_closing.txt",
            "tests/data/pages/07_xhmrdx_20260501_p03_npcsc_closing.txt");
    copy_md_crawl(roots[1].s);
    for (int i = 1; i <= 4; i++) {
        strbuf rel = {0}, to = {0};
        sb_printf(&rel, "tests/data/formats/html/xhmrdx_20260501_p03_%02d.html",
                  i);
        sb_printf(&to, "xhmrdx_20260501_p03_%02d.html", i);
        copy_in(roots[2].s, to.s, rel.s);
        sb_free(&rel);
        sb_free(&to);
    }
    char *sig[3];
    for (int s = 0; s < 3; s++) {
        index_report rep;
        db *d = index_into(dirs[s].s, roots[s].s, &rep, NULL);
        assert_int_equal(db_issue_count(d), 1);
        sig[s] = database_signature(d);
        db_close(d);
    }
    assert_non_null(strstr(sig[0], "S 林闽钢|-|-|0|3"));
    assert_non_null(strstr(sig[0], "|新华每日电讯|2026-05-01|03|要闻"));
    assert_non_null(strstr(sig[0], "Q 社会救助法四大看点|林闽钢|"));
    for (int s = 1; s < 3; s++)
        assert_same_text(names[s], sig[s], sig[0]);
    for (int s = 0; s < 3; s++) {
        free(sig[s]);
        sb_free(&dirs[s]);
        sb_free(&roots[s]);
    }
}

/* ---- messages and the command line ----------------------------------------- */

/* Bad input in a crawl: a message naming the file, the rest indexed. */
static void ingest_bad_files_are_named_and_the_rest_indexed(void **state)
{
    (void)state;
    const char *dir = fresh_dir("bad");
    char root[800];
    snprintf(root, sizeof root, "%s/corpus", dir);
    copy_md_crawl(root);
    const char *yaml = "---\ntitle: 坏: 的\n  - [\n---\n\n正文。\n";
    put(root, "bad-yaml.md", yaml, strlen(yaml));
    const char *cut = "<?xml version=\"1.0\"?><rss><channel><title>某报"
                      "</title><item><title>题</title><description>正文";
    put(root, "cut.xml", cut, strlen(cut));
    const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    put(root, "image.html", png, sizeof png - 1);
    index_report rep;
    strbuf msgs = {0};
    db *d = index_into(dir, root, &rep, &msgs);
    assert_non_null(strstr(msgs.s, "bad-yaml.md: Its front matter is not "
                                   "YAML"));
    assert_non_null(strstr(msgs.s, "cut.xml: Its XML is damaged"));
    assert_non_null(strstr(msgs.s, "image.html"));
    assert_null(strchr(msgs.s, '\x1b'));
    assert_int_equal(rep.parsed, 6);
    assert_int_equal(rep.skipped, 1);
    issue_row *rows;
    ssize_t n = db_issues(d, NULL, &rows);
    ssize_t i = find_issue(rows, n, "新华每日电讯", "2026-05-01");
    assert_true(i >= 0);
    assert_int_equal(rows[i].articles, 4);
    issue_rows_free(rows, n);
    db_close(d);
    sb_free(&msgs);
}

/* `issues --json`: one line per issue with paper, date, its pages (label,
   name, articles, files) and its files; `articles --json` gives each
   article's paper, date and page. */
static void ingest_issues_json(void **state)
{
    (void)state;
    const char *dir = fresh_dir("json");
    char root[800], dbpath[800];
    snprintf(root, sizeof root, "%s/corpus", dir);
    snprintf(dbpath, sizeof dbpath, "%s/j.db", dir);
    copy_md_crawl(root);
    const char *bin = getenv("DUBAO_BIN") ? getenv("DUBAO_BIN") : "./dubao";
    char *argv[] = {(char *)bin, "--db", dbpath, "--corpus", root, "-q",
                    "issues", "--json", NULL};
    strbuf out = {0}, err = {0};
    assert_int_equal(test_run(argv, &out, &err), 0);
    assert_true(test_json_valid(out.s));
    assert_string_equal(
        out.s,
        "{\"paper\":\"新华每日电讯\",\"date\":\"2026-05-01\",\"articles\":4,"
        "\"pages\":[{\"page\":\"03\",\"name\":\"要闻\",\"articles\":4,"
        "\"files\":[\"03001.md\",\"03002.md\",\"03003.md\",\"03004.md\"]}],"
        "\"file\":\"03001.md\",\"files\":[\"03001.md\",\"03002.md\","
        "\"03003.md\",\"03004.md\"]}\n");
    char *argv2[] = {(char *)bin, "--db", dbpath, "--corpus", root, "-q",
                     "articles", "--json", NULL};
    sb_clear(&out);
    assert_int_equal(test_run(argv2, &out, &err), 0);
    assert_non_null(strstr(out.s, "{\"file\":\"03001.md\",\"paper\":\"新华每日"
                                  "电讯\",\"date\":\"2026-05-01\",\"page\":"
                                  "\"03\",\"page_name\":\"要闻\",\"headline\":"
                                  "\"人大常委会表决通过新修订的社会救助法等\""));
    sb_free(&out);
    sb_free(&err);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(ingest_one_issue_from_every_format),
    cmocka_unit_test(ingest_plain_text_pages_and_loners),
    cmocka_unit_test(ingest_feed_items_of_two_days),
    cmocka_unit_test(ingest_reindex_picks_up_only_changes),
    cmocka_unit_test(ingest_same_page_three_ways_in_the_database),
    cmocka_unit_test(ingest_bad_files_are_named_and_the_rest_indexed),
    cmocka_unit_test(ingest_issues_json),
};
const test_suite ingest_suite = {tests, SUITE_LEN(tests)};
