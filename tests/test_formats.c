/* test_formats.c - the readers of files with markup: sniffing, charsets,
 * evidence values, Markdown, HTML and feeds on the real samples of
 * tests/data/formats (see its SOURCES.md), bad input in each format, and
 * the same page read as plain text, as Markdown and as GBK HTML.
 */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <uniconv.h>
#include <unistr.h>

#include "articles.h"
#include "evidence.h"
#include "lexicon.h"
#include "markup.h"
#include "parse.h"
#include "read_feed.h"
#include "read_html.h"
#include "sniff.h"

/* ---- helpers ------------------------------------------------------------- */

static void load_lexicon(void)
{
    assert_true(lexicon_load_from(test_src_path("assets/lexicon")));
}

/* Parse a file of the repository; rel (relative to the source tree) is
   also the path the parser sees, so that the test's own location gives
   no evidence. */
static parse_status parse_repo_file(const char *rel, issue *is)
{
    size_t n;
    char *bytes = test_read_file(test_src_path(rel), &n);
    strbuf msg = {0};
    const char *base = strrchr(rel, '/');
    parse_status st = issue_parse_path(rel, base ? base + 1 : rel, bytes, n,
                                       is, &msg);
    sb_free(&msg);
    return st;
}

/* Parse bytes given in the test as a file at path. */
static parse_status parse_text_as(const char *path, const char *bytes,
                                  size_t n, issue *is, strbuf *msg)
{
    const char *base = strrchr(path, '/');
    return issue_parse_path(path, base ? base + 1 : path,
                            xstrndup(bytes, n), n, is, msg);
}

/* Index of the article with this headline, or -1. */
static int article_named(const issue *is, const char *headline)
{
    for (size_t i = 0; i < is->narticles; i++)
        if (strcmp(is->articles[i].headline, headline) == 0)
            return (int)i;
    return -1;
}

/* Does any block of any article contain text? */
static bool text_anywhere(const issue *is, const char *text)
{
    for (size_t i = 0; i < is->narticles; i++) {
        if (strstr(is->articles[i].headline, text))
            return true;
        for (size_t k = 0; k < is->articles[i].blocks.n; k++)
            if (strstr(is->articles[i].blocks.v[k].text, text))
                return true;
    }
    return false;
}

/* The person named name, or NULL. */
static const person *person_named(const issue *is, const char *name)
{
    for (size_t i = 0; i < is->npeople; i++)
        if (strcmp(is->people[i].name, name) == 0)
            return &is->people[i];
    return NULL;
}

/* How many quotes are attributed to name. */
static int quotes_of(const issue *is, const char *name)
{
    int n = 0;
    for (size_t q = 0; q < is->nquotes; q++)
        n += is->quotes[q].speaker >= 0 &&
             strcmp(is->people[is->quotes[q].speaker].name, name) == 0;
    return n;
}

/* Is the warning list holding one that contains text? */
static bool warned(const issue *is, const char *text)
{
    for (size_t i = 0; i < is->warnings.n; i++)
        if (strstr(is->warnings.v[i], text))
            return true;
    return false;
}

/* No C0 control (but newline), DEL, C1 control or escape anywhere in the
   issue's text: nothing raw can reach a terminal. */
static void assert_clean_text(const issue *is)
{
    for (size_t i = 0; i < is->narticles; i++) {
        const article *a = &is->articles[i];
        for (size_t k = 0; k <= a->blocks.n; k++) {
            const char *t = k < a->blocks.n ? a->blocks.v[k].text : a->headline;
            assert_null(u8_check((const uint8_t *)t, strlen(t)));
            for (const unsigned char *p = (const unsigned char *)t; *p; p++)
                assert_false(*p < 0x20 || *p == 0x7F);
            assert_null(strstr(t, "\xC2\x9B"));
        }
    }
}

/* The articles, people and quotes of an issue as lines of text (kinds
   and texts of every block, people sorted by name with role and titles,
   quotes with speaker, kind, words and place), appended to sb: what must
   not change when the same page comes in another format. */
static void issue_signature(const issue *is, strbuf *sb)
{
    for (size_t i = 0; i < is->narticles; i++) {
        const article *a = &is->articles[i];
        sb_printf(sb, "article %s\n", a->headline);
        for (size_t k = 0; k < a->blocks.n; k++)
            sb_printf(sb, "  %s %s\n", block_kind_name(a->blocks.v[k].kind),
                      a->blocks.v[k].text);
        for (size_t s = 0; s < a->nsections; s++)
            sb_printf(sb, "  section at %zu\n", a->sections[s].first_block);
        for (size_t q = 0; q < is->nquotes; q++) {
            const quote *qt = &is->quotes[q];
            if (qt->article != i)
                continue;
            const person *p = qt->speaker >= 0 ? &is->people[qt->speaker]
                                               : NULL;
            sb_printf(sb, "  quote %s %s %s %zu-%zu %s\n", p ? p->name : "-",
                      p && p->role ? p->role : "-", quote_kind_name(qt->kind),
                      qt->start, qt->end, qt->text);
        }
    }
}

/* The people of an issue, "name|role|delegation", appended to l.  Not
   their titles: a file holds one article of the page, and a title printed
   in another article of the page (赵乐际委员长 in the first, his words in
   the third) reaches the speaker only where the page's files meet, in the
   database. */
static void people_lines(const issue *is, strlist *l)
{
    for (size_t i = 0; i < is->npeople; i++) {
        strbuf sb = {0};
        const person *p = &is->people[i];
        sb_printf(&sb, "%s|%s|%s", p->name, p->role ? p->role : "-",
                  p->delegation ? p->delegation : "-");
        strlist_push_owned(l, sb_take(&sb));
    }
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Join a sorted copy of l into one string. */
static char *sorted_join(strlist *l)
{
    qsort(l->v, l->n, sizeof *l->v, cmp_str);
    strbuf sb = {0};
    for (size_t i = 0; i < l->n; i++)
        sb_printf(&sb, "%s\n", l->v[i]);
    return sb_take(&sb);
}

/* ---- sniffing and charsets ----------------------------------------------- */

static void formats_sniff_by_content(void **state)
{
    (void)state;
    static const struct {
        const char *name, *text;
        doc_format want;
    } cases[] = {
        {"a.xml", "<?xml version='1.0' encoding='UTF-8'?>\n<rss version="
                  "\"2.0\"><channel>", FORMAT_FEED},
        {"feed", "\xEF\xBB\xBF  <feed xmlns=\"http://www.w3.org/2005/Atom\">",
         FORMAT_FEED},
        {"x.txt", "<?xml version=\"1.0\"?><!-- c --><rdf:RDF>", FORMAT_FEED},
        {"page.txt", "<!DOCTYPE html>\n<html>", FORMAT_HTML},
        {"page", "<!-- saved from url=(0022)http://example.com/ -->\n<html>",
         FORMAT_HTML},
        {"frag.md", "<div class=\"article\"><p>正文</p></div>", FORMAT_HTML},
        {"x.dat", "HTTP header junk\n\n<!doctype HTML><title>t</title>",
         FORMAT_HTML},
        {"a.txt", "---\ntitle: 标题\ndate: 2026-03-08\n---\n\n正文",
         FORMAT_MARKDOWN},
        {"a.txt", "+++\ntitle = \"x\"\n+++\n正文", FORMAT_MARKDOWN},
        {"a.md", "# 标题\n\n正文", FORMAT_MARKDOWN},
        {"a.txt", "# 标题\n\n正文", FORMAT_TEXT},
        {"a.txt", "---\n没有结束的分隔线\n正文", FORMAT_TEXT},
        {"a.txt", "<<人民日报>> 2026年3月8日", FORMAT_TEXT},
        {"a.html", "人民日报<br>正文", FORMAT_HTML},
        {NULL, "", FORMAT_TEXT},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        doc_format f = sniff_format(cases[i].name, cases[i].text,
                                    strlen(cases[i].text));
        if (f != cases[i].want)
            fail_msg("case %zu (%s): %s, wanted %s", i, cases[i].text,
                     doc_format_name(f), doc_format_name(cases[i].want));
    }
}

/* Encode UTF-8 text in another charset, for test input. */
static char *encode(const char *charset, const char *utf8, size_t *len)
{
    char *r = u8_conv_to_encoding(charset, iconveh_error, (const uint8_t *)utf8,
                                  strlen(utf8), NULL, NULL, len);
    assert_non_null(r);
    return r;
}

static void formats_declared_charset_weighed(void **state)
{
    (void)state;
    const char *text = "全国人大代表说：“要把民生实事办好。”";
    size_t glen, blen;
    char *gbk = encode("GBK", text, &glen);
    char *big5 = encode("BIG5", "全國人大代表說：「要把民生實事辦好。」", &blen);
    struct {
        const char *bytes;
        size_t n;
        const char *declared, *encoding, *warning;
    } cases[] = {
        {gbk, glen, "gb2312", "GB18030", NULL},
        {gbk, glen, NULL, "GB18030", NULL},
        {gbk, glen, "UTF-8", "GB18030", "bytes are not UTF-8"},
        {text, strlen(text), "gb2312", "UTF-8", "but its bytes are UTF-8"},
        {text, strlen(text), "\"utf-8\"", "UTF-8", NULL},
        {big5, blen, "big5", "BIG5-HKSCS", NULL},
        {text, strlen(text), "x-\x1b[31mevil", "UTF-8", "x-31mevil"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        decoded_text d;
        strbuf msg = {0};
        decode_status st = decode_declared(cases[i].bytes, cases[i].n,
                                           cases[i].declared, &d, &msg);
        assert_int_equal(st, DECODE_OK);
        assert_string_equal(d.encoding, cases[i].encoding);
        if (i != 5)
            assert_non_null(strstr(d.text, "民生实事"));
        else
            assert_non_null(strstr(d.text, "民生實事"));
        if (cases[i].warning) {
            assert_non_null(msg.s);
            if (!strstr(msg.s, cases[i].warning))
                fail_msg("case %zu: message \"%s\"", i, msg.s);
            assert_null(strchr(msg.s, '\x1b'));
        } else if (msg.len) {
            fail_msg("case %zu: unexpected message \"%s\"", i, msg.s);
        }
        free(d.text);
        sb_free(&msg);
    }
    free(gbk);
    free(big5);
    /* The declarations as the markup writes them. */
    const char *decl = "\xEF\xBB\xBF<?xml version='1.0' encoding='GB2312'?>"
                       "<rss/>";
    char *x = xml_declared_encoding(decl, strlen(decl));
    assert_string_equal(x, "GB2312");
    free(x);
    const char *bad = "<?xml version=\"1.0\" encoding=\"g\xff<x\"?><rss/>";
    assert_null(xml_declared_encoding(bad, strlen(bad)));
    const char *page = "<html><head><meta http-equiv=\"Content-Type\" "
                       "content=\"text/html; charset=GBK\"></head></html>";
    x = html_declared_charset(page, strlen(page));
    assert_string_equal(x, "GBK");
    free(x);
}

/* ---- evidence values ----------------------------------------------------- */

static void formats_evidence_values(void **state)
{
    (void)state;
    static const char *const dates[][2] = {
        {"2026-03-08", "2026-03-08"},
        {"2026-03-07T23:30:00Z", "2026-03-08"},
        {"2026-03-08T07:30:00+08:00", "2026-03-08"},
        {"Mon, 27 Apr 2026 23:15:46 +0000", "2026-04-28"},
        {"Sun, 26 Apr 2026 12:56:10 +0800", "2026-04-26"},
        {"2026年3月8日 星期日", "2026-03-08"},
        {"（ 2026-05-01 ） 稿件来源：新华每日电讯 要闻", "2026-05-01"},
        {"新华每日电讯 - 20260501", "2026-05-01"},
        {"２０２６年０３月０８日", "2026-03-08"},
        {"2026-02-30", NULL},
        {"第20260308期", "2026-03-08"},
        {"2026", NULL},
    };
    for (size_t i = 0; i < sizeof dates / sizeof *dates; i++) {
        char d[11];
        bool ok = evidence_date(dates[i][0], d);
        if (dates[i][1] ? !ok || strcmp(d, dates[i][1]) != 0 : ok)
            fail_msg("date of \"%s\": %s", dates[i][0], ok ? d : "none");
    }
    static const char *const pages[][4] = {
        /* value, loose label, strict label, name */
        {"第06版", "06", "06", NULL},
        {"第 6 版", "06", "06", NULL},
        {"第六版", "06", "06", NULL},
        {"第十二版：两会特刊", "12", "12", "两会特刊"},
        {"A3版", "A03", "A03", NULL},
        {"06-两会特刊", "06", "06", "两会特刊"},
        {"[01版：要闻]", "01", "01", "要闻"},
        {"06", "06", NULL, NULL},
        {"03", "03", NULL, NULL},
        {"2026-03-08", NULL, NULL, NULL},
        {"第三十五次会议", NULL, NULL, NULL},
        {"要闻", NULL, NULL, NULL},
    };
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
        for (int strict = 0; strict < 2; strict++) {
            char *name = NULL;
            char *l = page_label(pages[i][0], strict, &name);
            const char *want = pages[i][1 + strict];
            if (want ? !l || strcmp(l, want) != 0 : l != NULL)
                fail_msg("page of \"%s\" (%s): %s", pages[i][0],
                         strict ? "strict" : "loose", l ? l : "none");
            if (!strict && (pages[i][3] ? !name || strcmp(name, pages[i][3])
                                        : name != NULL))
                fail_msg("page name of \"%s\": %s", pages[i][0],
                         name ? name : "none");
            free(l);
            free(name);
        }
    }
    static const char *const paths[][4] = {
        {"/home/u/rmrb/2026/03/2026-03-08/06-两会特刊/01-标题.md",
         "2026-03-08", "06", "两会特刊"},
        {"tests/data/pages/06_xhmrdx_20260428_p02_npcsc_session.txt",
         "2026-04-28", "02", NULL},
        {"https://paper.people.com.cn/rmrb/pc/content/202604/28/"
         "content_30153638.html?x=2019-01-01", "2026-04-28", NULL, NULL},
        {"https://tv.cctv.com/2025/03/10/VIDEQ603LzMXxjUMfFsFMjof250310.shtml",
         "2025-03-10", NULL, NULL},
        {"/archive/rmrb/html/2025-03/08/nbs.D110000renmrb_04.htm",
         "2025-03-08", NULL, NULL},
        {"/archive/2026/03/07/page06/a.html", "2026-03-07", "06", NULL},
        {"/archive/2026/03/notes.txt", NULL, NULL, NULL},
    };
    for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
        doc_evidence ev = {0};
        evidence_from_path(paths[i][0], &ev);
        const char *got[] = {ev.date, ev.page, ev.page_name};
        for (int k = 0; k < 3; k++)
            if (paths[i][k + 1] ? !got[k] || strcmp(got[k], paths[i][k + 1])
                                : got[k] != NULL)
                fail_msg("path %s field %d: %s", paths[i][0], k,
                         got[k] ? got[k] : "none");
        evidence_free(&ev);
    }
    char *p = evidence_paper_from_title("人民日报 - 每日全文订阅");
    assert_string_equal(p, "人民日报");
    free(p);
    p = evidence_paper_from_title("《新闻联播》 (20240309)");
    assert_string_equal(p, "新闻联播");
    free(p);
    assert_null(evidence_paper_from_title("20260501"));
    p = evidence_clean_title("[视频]全国政协十四届三次会议第三场“委员通道”开启");
    assert_string_equal(p, "全国政协十四届三次会议第三场“委员通道”开启");
    free(p);
    p = evidence_clean_title("中国式现代化离不开农业农村现代化_人民网");
    assert_string_equal(p, "中国式现代化离不开农业农村现代化");
    free(p);
    doc_evidence ev = {0};
    const char *h = evidence_strip_page_prefix("[03版：要闻] 社会救助法四大看点",
                                               &ev);
    assert_string_equal(h, "社会救助法四大看点");
    assert_string_equal(ev.page, "03");
    assert_string_equal(ev.page_name, "要闻");
    assert_string_equal(evidence_strip_page_prefix("[视频]标题", &ev),
                        "[视频]标题");
    assert_true(evidence_from_stamp("本报记者 朱 隽 《人民日报》（2026年04月28日"
                                    "\xC2\xA0第\xC2\xA0" "01\xC2\xA0版）",
                                    &ev));
    assert_string_equal(ev.paper, "人民日报");
    assert_string_equal(ev.date, "2026-04-28");
    evidence_free(&ev);
}

/* A page's name from a directory is the user's bytes: GBK (an archive
   unpacked as it was written) is read as GBK, other bytes that are not
   UTF-8 give no name; the date and page still come from the path. */
static void formats_page_name_from_directory_bytes(void **state)
{
    (void)state;
    load_lexicon();
    static const char md[] = "---\ntitle: 代表热议新质生产力\n---\n\n"
                             "张三代表说，“我们要把科技创新放在首位。”\n";
    static const char *const paths[][2] = {
        /* 要闻 in GBK */
        {"c/2026-05-01/06-\xD2\xAA\xCE\xC5/a.md", "要闻"},
        {"c/2026-05-01/06-\xFF\xFF\xFF/a.md", NULL},
        {"c/2026-05-01/06-要闻/a.md", "要闻"},
        {"c/2026-05-01/06-\x1b]0;t\x07要闻/a.md", "要闻"},
    };
    for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
        issue is = {0};
        strbuf msg = {0};
        assert_int_equal(parse_text_as(paths[i][0], md, sizeof md - 1, &is,
                                       &msg), PARSE_OK);
        assert_string_equal(is.date, "2026-05-01");
        assert_string_equal(is.page, "06");
        if (paths[i][1])
            assert_string_equal(is.page_name, paths[i][1]);
        else
            assert_null(is.page_name);
        issue_free(&is);
        sb_free(&msg);
    }
}

/* ---- Markdown ------------------------------------------------------------ */

static void formats_markdown_programme_day(void **state)
{
    (void)state;
    load_lexicon();
    issue is;
    assert_int_equal(parse_repo_file("tests/data/formats/md/20240309.md", &is),
                     PARSE_OK);
    assert_string_equal(is.format, "markdown");
    /* The title heading "# 《新闻联播》 (20240309)" is furniture that names
       the programme and the day; each ### item is an article. */
    assert_string_equal(is.paper, "新闻联播");
    assert_string_equal(is.date, "2024-03-09");
    assert_int_equal(is.narticles, 16);
    assert_int_equal(article_named(&is, "新闻摘要"), 0);
    int a = article_named(&is, "全国政协十四届二次会议举行第三次全体会议 王沪宁出席");
    assert_true(a > 0);
    assert_int_equal(article_named(&is, "《新闻联播》 (20240309)"), -1);
    assert_int_equal(article_named(&is, "详细新闻"), -1);
    /* The raw HTML paragraphs are read as text, the link lines are not. */
    assert_true(text_anywhere(&is, "央视网消息（新闻联播）"));
    assert_false(text_anywhere(&is, "<p>"));
    assert_false(text_anywhere(&is, "查看原文"));
    for (size_t i = 0; i < is.narticles; i++) {
        assert_string_equal(is.articles[i].paper, "新闻联播");
        assert_string_equal(is.articles[i].date, "2024-03-09");
    }
    /* Members speak in the items, under their roles. */
    const person *p = person_named(&is, "何超琼");
    assert_non_null(p);
    assert_string_equal(p->role, "全国政协委员");
    assert_true(quotes_of(&is, "何超琼") >= 1);
    assert_clean_text(&is);
    issue_free(&is);
}

static void formats_markdown_front_matter_post(void **state)
{
    (void)state;
    load_lexicon();
    issue is;
    assert_int_equal(
        parse_repo_file("tests/data/formats/md/2019-02-12-chinese-newspaper-"
                        "groups-in-the-digital-era-CNPolitics.md", &is),
        PARSE_OK);
    /* One article: its title from the front matter, its date too. */
    assert_int_equal(is.narticles, 1);
    assert_string_equal(is.articles[0].headline,
                        "互联网冲击下，市场化媒体大批死去，党报则复活了|政见CNPolitics");
    assert_string_equal(is.date, "2019-02-12");
    assert_int_equal(is.warnings.n, 0);
    /* The front matter is not text; the body is. */
    assert_false(text_anywhere(&is, "image_feature"));
    assert_false(text_anywhere(&is, "layout"));
    assert_true(text_anywhere(&is, "互联网“杀死”传统媒体，这是一个全球性的现象。"));
    assert_true(text_anywhere(&is, "作者：方可成"));
    assert_clean_text(&is);
    issue_free(&is);
}

/* A crawl's article: a ### kicker above the # headline that the front
   matter's title names.  The headline is the article's, the kicker a
   kicker, and nothing before it makes an article of its own (invented). */
static void formats_markdown_kicker_above_the_headline(void **state)
{
    (void)state;
    load_lexicon();
    const char *md =
        "---\n"
        "title: \"把答卷写在大地上\"\n"
        "---\n"
        "\n"
        "### 走过“十四五”  奋进“十五五”\n"
        "\n"
        "# 把答卷写在大地上\n"
        "\n"
        "> 《某某日报》（2026年03月04日第 13 版）\n"
        "\n"
        "全国政协委员李某说，要把民生实事办好，让群众得实惠。\n"
        "\n"
        "## 小标题\n"
        "\n"
        "正文第二段，讲的是另一件事。\n";
    issue is;
    strbuf msg = {0};
    assert_int_equal(parse_text_as("x/k.md", md, strlen(md), &is, &msg),
                     PARSE_OK);
    assert_int_equal(is.narticles, 1);
    assert_string_equal(is.articles[0].headline, "把答卷写在大地上");
    const block_list *b = &is.articles[0].blocks;
    bool kicker = false, sub = false;
    for (size_t i = 0; i < b->n; i++) {
        kicker |= b->v[i].kind == BLOCK_KICKER &&
                  strstr(b->v[i].text, "奋进") != NULL;
        sub |= b->v[i].kind == BLOCK_SUBHEAD &&
               strcmp(b->v[i].text, "小标题") == 0;
        assert_false(b->v[i].kind == BLOCK_SUBHEAD &&
                     strcmp(b->v[i].text, "把答卷写在大地上") == 0);
    }
    assert_true(kicker);
    assert_true(sub);
    sb_free(&msg);
    issue_free(&is);
}

static void formats_markdown_structure_and_bad_front_matter(void **state)
{
    (void)state;
    load_lexicon();
    /* Front matter that is not YAML (an unquoted ": " in the title): said
       so, its key: value lines still read, the body indexed. */
    const char *md =
        "---\n"
        "title: 代表委员热议: 发展新质生产力\n"
        "date: 2026-03-05\n"
        "section: 第04版\n"
        "  - [broken\n"
        "---\n"
        "\n"
        "# 代表委员热议: 发展新质生产力\n"
        "\n"
        "本报记者 张三\n"
        "\n"
        "全国人大代表李四说，要把\n"
        "民生实事办好。\n"
        "\n"
        "- 第一条&mdash;要点\n"
        "- 第二条 **加粗** 与 [链接](http://example.com/)\n"
        "\n"
        "<p>原始 HTML 段落&nbsp;一</p>\n"
        "\n"
        "他说，这是 Word\n"
        "wrap 的例子，&#x4E2D;&#25991;也在其中。\n";
    issue is;
    strbuf msg = {0};
    assert_int_equal(parse_text_as("x/a.md", md, strlen(md), &is, &msg),
                     PARSE_OK);
    assert_true(warned(&is, "front matter is not YAML"));
    assert_int_equal(is.narticles, 1);
    assert_string_equal(is.articles[0].headline, "代表委员热议: 发展新质生产力");
    assert_string_equal(is.date, "2026-03-05");
    assert_string_equal(is.page, "04");
    /* A soft break between CJK characters is no space; between words it
       is one; entities are characters. */
    assert_true(text_anywhere(&is, "要把民生实事办好。"));
    assert_true(text_anywhere(&is, "这是 Word wrap 的例子，中文也在其中。"));
    assert_true(text_anywhere(&is, "第一条—要点"));
    assert_true(text_anywhere(&is, "原始 HTML 段落\xC2\xA0一"));
    assert_false(text_anywhere(&is, "**"));
    assert_false(text_anywhere(&is, "<p>"));
    /* List items stay list items. */
    const article *a = &is.articles[0];
    int items = 0;
    for (size_t k = 0; k < a->blocks.n; k++)
        items += a->blocks.v[k].kind == BLOCK_LIST_ITEM;
    assert_int_equal(items, 2);
    issue_free(&is);

    /* TOML front matter: said so, the rest read. */
    const char *toml = "+++\ntitle = \"标题\"\n+++\n\n# 标题\n\n正文一段。\n";
    assert_int_equal(parse_text_as("b.md", toml, strlen(toml), &is, &msg),
                     PARSE_OK);
    assert_true(warned(&is, "TOML"));
    assert_int_equal(article_named(&is, "标题"), 0);
    assert_false(text_anywhere(&is, "title ="));
    issue_free(&is);

    /* Front matter that is YAML but a list, and escapes in the title. */
    const char *list = "---\n- a\n- b\n---\n# 标\x1b[31m题\x07\n\n正文。\n";
    assert_int_equal(parse_text_as("c.md", list, strlen(list), &is, &msg),
                     PARSE_OK);
    assert_true(warned(&is, "not a mapping"));
    assert_int_equal(is.narticles, 1);
    assert_clean_text(&is);
    issue_free(&is);
    sb_free(&msg);
}

/* ---- HTML ---------------------------------------------------------------- */

static void formats_html_saved_page(void **state)
{
    (void)state;
    load_lexicon();
    issue is;
    assert_int_equal(parse_repo_file("tests/data/formats/html/"
                                     "VIDEQ603LzMXxjUMfFsFMjof250310.shtml",
                                     &is),
                     PARSE_OK);
    assert_string_equal(is.format, "html");
    /* One article; its headline from <title> without the [视频] tag. */
    assert_int_equal(is.narticles, 1);
    assert_string_equal(is.articles[0].headline,
                        "全国政协十四届三次会议第三场“委员通道”开启");
    /* The main content, and only it: no navigation, scripts, comments
       box, editor line or the video box's duplicate summary. */
    const article *a = &is.articles[0];
    assert_non_null(strstr(a->blocks.v[0].text, "央视网消息（新闻联播）"));
    assert_false(text_anywhere(&is, "var "));
    assert_false(text_anywhere(&is, "查看更多评论"));
    assert_false(text_anywhere(&is, "视频简介"));
    assert_false(text_anywhere(&is, "版权所有"));
    const person *p = person_named(&is, "施荣怀");
    assert_non_null(p);
    assert_string_equal(p->role, "全国政协委员");
    assert_true(quotes_of(&is, "施荣怀") >= 1);
    assert_clean_text(&is);
    issue_free(&is);

    assert_int_equal(parse_repo_file("tests/data/formats/html/"
                                     "VIDE7GrBWaiucdZgJ44DOhrM250310.shtml",
                                     &is),
                     PARSE_OK);
    assert_string_equal(is.articles[0].headline,
                        "【新闻特写】代表热议：因地制宜发展新质生产力");
    p = person_named(&is, "王志杰");
    assert_non_null(p);
    assert_string_equal(p->role, "全国人大代表");
    assert_true(quotes_of(&is, "王志杰") >= 1);
    issue_free(&is);
}

/* A page whose <meta> and link give date, paper and URL; its <h1> wraps a
   <p> (as paper.people.com.cn writes it) under an empty kicker <h3>. */
static void formats_html_meta_and_headline(void **state)
{
    (void)state;
    load_lexicon();
    const char *html =
        "<html><head><meta charset=\"utf-8\">"
        "<title>标题一_人民网</title>"
        "<meta name=\"publishdate\" content=\"2026-03-10\">"
        "<meta name=\"source\" content=\"来源：人民网－人民日报\">"
        "<link rel=\"canonical\" href=\"http://paper.people.com.cn/rmrb/html/"
        "2026-03/10/nw.D110000renmrb_20260310_1-04.htm\"></head><body>"
        "<ul class=\"nav\"><li><a href=\"/\">首页</a></li><li><a href=\"/a\">"
        "要闻</a></li><li><a href=\"/b\">评论</a></li></ul>"
        "<div class=\"article\"><h3></h3><h1><p> 标题一 </p></h1><h2></h2>\n"
        "<p class=\"sec\">本报记者 王五</p>"
        "<div id=\"ozoom\"><p>　　全国人大代表赵六说：“我们要把好事办好，把实事"
        "办实。”</p><p>　　第二段正文，讲述了更多的情况和数字，共有三百多人参加。"
        "</p></div>"
        "<div class=\"related\"><a href=\"/1\">相关新闻一</a><br><a href=\"/2\">"
        "相关新闻二</a></div></div></body></html>";
    issue is;
    strbuf msg = {0};
    assert_int_equal(parse_text_as("saved.html", html, strlen(html), &is, &msg),
                     PARSE_OK);
    assert_int_equal(is.narticles, 1);
    assert_string_equal(is.articles[0].headline, "标题一");
    assert_string_equal(is.date, "2026-03-10");
    assert_string_equal(is.paper, "人民日报");
    assert_false(text_anywhere(&is, "首页"));
    assert_false(text_anywhere(&is, "相关新闻"));
    assert_true(text_anywhere(&is, "第二段正文"));
    assert_string_equal(is.articles[0].byline, "本报记者 王五");
    assert_true(quotes_of(&is, "赵六") == 1);
    issue_free(&is);
    sb_free(&msg);
}

static void formats_html_bad_input(void **state)
{
    (void)state;
    load_lexicon();
    issue is;
    strbuf msg = {0};
    /* Broken markup: unclosed elements, stray end tags, an unterminated
       comment at the end. */
    const char *broken = "<html><body><div><p>第一段没有结束<p>第二段<b>加粗"
                         "</i></div></span><h1>标题<p>第三段。<!-- 没有结束";
    assert_int_equal(parse_text_as("b.html", broken, strlen(broken), &is, &msg),
                     PARSE_OK);
    assert_true(text_anywhere(&is, "第一段没有结束"));
    assert_true(text_anywhere(&is, "第二段"));
    assert_clean_text(&is);
    issue_free(&is);

    /* A 2 MB script block, control characters and escapes in the text. */
    strbuf big = {0};
    sb_puts(&big, "<html><head><title>标题\x1b]0;evil\x07</title><script>");
    for (int i = 0; i < 2 * 1024 * 1024 / 32; i++)
        sb_puts(&big, "var x = \"<p>脚本里的段落</p>\";\n");
    sb_puts(&big, "</script></head><body><div><p>正文&#27;[31m一段\x1b[0m。"
                  "</p><p>正文第二段。</p></div></body></html>");
    clock_t t0 = clock();
    assert_int_equal(parse_text_as("big.html", big.s, big.len, &is, &msg),
                     PARSE_OK);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_true(secs < 20); /* a hang, not a benchmark */
    assert_false(text_anywhere(&is, "脚本里的段落"));
    assert_true(text_anywhere(&is, "正文第二段。"));
    assert_clean_text(&is);
    issue_free(&is);
    sb_free(&big);

    /* The real GBK page with its declaration removed (undeclared), and
       declared UTF-8 (lying): read as GB18030 either way, the lie
       reported. */
    size_t n;
    char *gbk = test_read_file(test_src_path("tests/data/formats/html/"
                                             "xhmrdx_20260501_p03_02.html"),
                               &n);
    char *decl = strstr(gbk, "charset=gb2312");
    assert_non_null(decl);
    memcpy(decl, "charset=utf-8 ", 14);
    assert_int_equal(parse_text_as("lie.html", gbk, n, &is, &msg), PARSE_OK);
    assert_true(warned(&is, "declares the charset utf-8, but its bytes are "
                            "not UTF-8; read as GB18030"));
    assert_int_equal(article_named(&is, "社会救助法四大看点"), 0);
    issue_free(&is);
    free(gbk);

    /* Deep nesting: 200 levels are read; at 100000 libxml2 stops at its
       limit of 256, which is said, and nothing overflows. */
    for (int depth = 200; depth <= 100000; depth += 99800) {
        strbuf deep = {0};
        sb_puts(&deep, "<html><body><p>浅处的正文。</p>");
        for (int i = 0; i < depth; i++)
            sb_puts(&deep, "<div>");
        sb_puts(&deep, "深处的正文。");
        assert_int_equal(parse_text_as("deep.html", deep.s, deep.len, &is,
                                       &msg),
                         PARSE_OK);
        assert_true(text_anywhere(&is, "浅处的正文。"));
        assert_int_equal(text_anywhere(&is, "深处的正文。"), depth < 256);
        assert_int_equal(warned(&is, "more than 256 deep"), depth > 256);
        issue_free(&is);
        sb_free(&deep);
    }

    /* Binary data with an .html name is refused like any binary file. */
    const char bin[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert_int_equal(parse_text_as("x.html", bin, sizeof bin - 1, &is, &msg),
                     PARSE_SKIPPED);
    assert_non_null(strstr(msg.s, "x.html"));
    issue_free(&is);
    sb_free(&msg);
}

/* ---- feeds --------------------------------------------------------------- */

static void formats_feed_rss(void **state)
{
    (void)state;
    load_lexicon();
    issue is;
    assert_int_equal(parse_repo_file("tests/data/formats/rss/"
                                     "mrdx_2026-05-01.xml", &is),
                     PARSE_OK);
    assert_string_equal(is.format, "feed");
    assert_string_equal(is.paper, "新华每日电讯");
    assert_string_equal(is.date, "2026-05-01");
    assert_int_equal(is.narticles, 21);
    /* Each item's page from its title's prefix: 5, 5, 4 and 7 items. */
    int per_page[5] = {0};
    for (size_t i = 0; i < is.narticles; i++) {
        const article *a = &is.articles[i];
        assert_non_null(a->page);
        assert_string_equal(a->page_name, "要闻");
        assert_string_equal(a->date, "2026-05-01");
        assert_string_equal(a->paper, "新华每日电讯");
        int p = atoi(a->page);
        assert_true(p >= 1 && p <= 4);
        per_page[p]++;
        assert_null(strstr(a->headline, "版："));
    }
    assert_int_equal(per_page[1], 5);
    assert_int_equal(per_page[2], 5);
    assert_int_equal(per_page[3], 4);
    assert_int_equal(per_page[4], 7);
    /* The title "A —— B" of an item whose page prints A over B: A is the
       headline, B its deck, as printed. */
    int a = article_named(&is, "人大常委会表决通过新修订的社会救助法等");
    assert_true(a >= 0);
    assert_int_equal(is.articles[a].blocks.v[0].kind, BLOCK_DECK);
    assert_true(quotes_of(&is, "林闽钢") >= 1);
    assert_clean_text(&is);
    issue_free(&is);
}

static void formats_feed_atom_and_bad_input(void **state)
{
    (void)state;
    load_lexicon();
    /* Atom: XHTML, escaped HTML and text content; undeclared entities. */
    const char *atom =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        "<title>某某日报 | 两会专题</title>\n"
        "<entry><title type=\"html\">代表&lt;b&gt;热议&lt;/b&gt;民生</title>"
        "<link rel=\"alternate\" href=\"http://example.com/2026/03/06/1.html\"/>"
        "<published>2026-03-05T20:00:00-05:00</published>"
        "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
        "<p>全国人大代表钱七说：“要让群众看得见、摸得着。”</p>"
        "<p>第二段&nbsp;正文&mdash;完。</p></div></content></entry>\n"
        "<entry><title>第二篇</title><updated>2026-03-07T01:00:00Z</updated>"
        "<summary>短的摘要</summary>"
        "<content type=\"html\"><![CDATA[<p>CDATA 里的<b>正文</b>一段。</p>"
        "<p>再一段。</p>]]></content></entry>\n"
        "<entry><title>第三篇</title><content type=\"text\">a &lt; b 的"
        "文字\n第二行</content></entry>\n"
        "</feed>\n";
    issue is;
    strbuf msg = {0};
    assert_int_equal(parse_text_as("a.atom", atom, strlen(atom), &is, &msg),
                     PARSE_OK);
    assert_string_equal(is.format, "feed");
    assert_string_equal(is.paper, "某某日报");
    assert_int_equal(is.narticles, 3);
    assert_string_equal(is.articles[0].headline, "代表热议民生");
    /* 20:00 on the 5th at UTC-5 is the 6th in Beijing. */
    assert_string_equal(is.articles[0].date, "2026-03-06");
    assert_string_equal(is.articles[1].date, "2026-03-07");
    assert_true(text_anywhere(&is, "第二段\xC2\xA0正文—完。"));
    assert_true(text_anywhere(&is, "CDATA 里的正文一段。"));
    assert_false(text_anywhere(&is, "短的摘要"));
    assert_true(text_anywhere(&is, "a < b 的文字"));
    assert_true(quotes_of(&is, "钱七") == 1);
    assert_int_equal(is.warnings.n, 0);
    issue_free(&is);

    /* The real feed cut off in the middle: said so, the items before the
       cut read. */
    size_t n;
    char *rss = test_read_file(test_src_path("tests/data/formats/rss/"
                                             "mrdx_2026-05-01.xml"), &n);
    assert_int_equal(parse_text_as("cut.xml", rss, n / 2, &is, &msg), PARSE_OK);
    assert_true(warned(&is, "XML is damaged"));
    assert_true(is.narticles >= 5 && is.narticles < 21);
    issue_free(&is);
    free(rss);

    /* Entity declarations are not expanded (a billion laughs is a few
       bytes); an undeclared one that is no HTML entity is dropped. */
    const char *laughs =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE rss [<!ENTITY a \"哈哈哈哈哈哈哈哈\">"
        "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
        "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
        "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
        "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
        "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">]>\n"
        "<rss version=\"2.0\"><channel><title>测试报</title>"
        "<item><title>笑&f;声</title><description>正文&f;&nosuch;完。"
        "</description></item></channel></rss>\n";
    assert_int_equal(parse_text_as("l.xml", laughs, strlen(laughs), &is, &msg),
                     PARSE_OK);
    assert_int_equal(is.narticles, 1);
    assert_false(text_anywhere(&is, "哈哈"));
    assert_true(text_anywhere(&is, "完。"));
    issue_free(&is);

    /* XML that is no feed. */
    const char *other = "<?xml version=\"1.0\"?><root><a>x</a></root>";
    assert_int_equal(parse_text_as("o.xml", other, strlen(other), &is, &msg),
                     PARSE_OK);
    assert_string_equal(is.format, "html");
    issue_free(&is);
    const char *empty = "<?xml version=\"1.0\"?><rss><channel></channel></rss>";
    assert_int_equal(parse_text_as("e.xml", empty, strlen(empty), &is, &msg),
                     PARSE_OK);
    assert_true(warned(&is, "holds no feed items"));
    issue_free(&is);
    sb_free(&msg);
}

/* ---- the same page three ways --------------------------------------------- */

/* Parse the files (relative paths) one by one and append the signature of
   each, and its people, to sig and people. */
static void signature_of_files(const char *const *files, strbuf *sig,
                               strlist *people)
{
    for (size_t i = 0; files[i]; i++) {
        issue is;
        assert_int_equal(parse_repo_file(files[i], &is), PARSE_OK);
        /* Every file says where it was printed, whatever its format. */
        assert_string_equal(is.paper, "新华每日电讯");
        assert_string_equal(is.date, "2026-05-01");
        assert_string_equal(is.page, "03");
        assert_int_equal(is.warnings.n, 0);
        issue_signature(&is, sig);
        people_lines(&is, people);
        issue_free(&is);
    }
}

/* The heart of "markup is evidence": page 03 of 新华每日电讯 of 2026-05-01
   as one plain-text file, as four Markdown files of a crawl and as four
   GBK HTML pages gives the same articles (headlines, decks, kickers,
   bylines, subheads, text), the same speakers with the same roles and the
   same quotes at the same places. */
static void formats_same_page_three_ways(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const text[] = {
        "tests/data/pages/07_xhmrdx_20260501_p03_npcsc_closing.txt", NULL};
    static const char *const md[] = {
        "tests/data/formats/md/xhmrdx/2026/05/2026-05-01/03-要闻/03001.md",
        "tests/data/formats/md/xhmrdx/2026/05/2026-05-01/03-要闻/03002.md",
        "tests/data/formats/md/xhmrdx/2026/05/2026-05-01/03-要闻/03003.md",
        "tests/data/formats/md/xhmrdx/2026/05/2026-05-01/03-要闻/03004.md",
        NULL};
    static const char *const html[] = {
        "tests/data/formats/html/xhmrdx_20260501_p03_01.html",
        "tests/data/formats/html/xhmrdx_20260501_p03_02.html",
        "tests/data/formats/html/xhmrdx_20260501_p03_03.html",
        "tests/data/formats/html/xhmrdx_20260501_p03_04.html", NULL};
    const char *const *sets[] = {text, md, html};
    char *sig[3], *people[3];
    for (int s = 0; s < 3; s++) {
        strbuf sb = {0};
        strlist pl = {0};
        signature_of_files(sets[s], &sb, &pl);
        sig[s] = sb_take(&sb);
        people[s] = sorted_join(&pl);
        strlist_free(&pl);
    }
    /* The page is not trivial: four articles, speakers, quotes. */
    assert_non_null(strstr(sig[0], "article 社会救助法四大看点"));
    assert_non_null(strstr(sig[0], "kicker 赵乐际主持人大常委会第二十二次会议"));
    assert_non_null(strstr(sig[0], "quote 林闽钢"));
    assert_non_null(strstr(people[0], "林闽钢"));
    for (int s = 1; s < 3; s++) {
        assert_same_text(s == 1 ? "Markdown" : "HTML", sig[s], sig[0]);
        assert_string_equal(people[s], people[0]);
    }
    for (int s = 0; s < 3; s++) {
        free(sig[s]);
        free(people[s]);
    }
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(formats_sniff_by_content),
    cmocka_unit_test(formats_declared_charset_weighed),
    cmocka_unit_test(formats_evidence_values),
    cmocka_unit_test(formats_page_name_from_directory_bytes),
    cmocka_unit_test(formats_markdown_programme_day),
    cmocka_unit_test(formats_markdown_front_matter_post),
    cmocka_unit_test(formats_markdown_kicker_above_the_headline),
    cmocka_unit_test(formats_markdown_structure_and_bad_front_matter),
    cmocka_unit_test(formats_html_saved_page),
    cmocka_unit_test(formats_html_meta_and_headline),
    cmocka_unit_test(formats_html_bad_input),
    cmocka_unit_test(formats_feed_rss),
    cmocka_unit_test(formats_feed_atom_and_bad_input),
    cmocka_unit_test(formats_same_page_three_ways),
};
const test_suite formats_suite = {tests, SUITE_LEN(tests)};
