/* test_articles.c - stage 5: grouping blocks into articles, issue
 * metadata, and the page-structure scorer against tests/golden/articles.
 *
 * The unit tests build pages from made-up text.  articles_golden_scores
 * parses every corpus page and every extra page with issue_parse_bytes(),
 * compares headlines, decks, subheads, speaker headings, bylines, labels
 * and furniture with the golden files (format: tests/golden/articles/
 * README), prints precision/recall per document and asserts the targets.
 */
#include "test.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "articles.h"
#include "blocks.h"
#include "decode.h"
#include "normalize.h"
#include "paragraphs.h"
#include "parse.h"

/* ---- helpers for the unit tests --------------------------------------- */

/* Run stages 4 and 5 (classify, metadata, group) on a page given as
   paragraphs, paragraph i on source line 2*i+1.  The paragraph stage is
   left out so that these tests see exactly the paragraphs they give. */
static void parse_page(const char *const *paras, issue *is)
{
    memset(is, 0, sizeof *is);
    is->file = xstrdup("test.txt");
    block_list l = {0};
    for (int i = 0; paras[i]; i++)
        block_list_push(&l, paras[i], BLOCK_BODY, 2 * i + 1);
    blocks_classify(&l);
    issue_derive_metadata(&l, is);
    articles_group(&l, is);
    assert_int_equal(l.n, 0);
}

/* Index of the article with this headline, or -1. */
static int article_named(const issue *is, const char *headline)
{
    for (size_t i = 0; i < is->narticles; i++)
        if (strcmp(is->articles[i].headline, headline) == 0)
            return (int)i;
    return -1;
}

/* Index of the block of article a containing text, or -1. */
static int block_with(const article *a, const char *text)
{
    for (size_t i = 0; i < a->blocks.n; i++)
        if (strstr(a->blocks.v[i].text, text))
            return (int)i;
    return -1;
}

static void articles_headline_deck_sections(void **state)
{
    (void)state;
    const char *const p[] = {
        "某某日报", "2025年3月7日 星期五 今日四版", "2025全国两会特别报道",
        "代表团接受集体采访", "直面焦点回应关切 共绘发展新图景",
        "昨天下午，代表团举行开放团组会议。", "张某代表：",
        "以科技创新引领产业创新", "张某说，要大力发展新质生产力。",
        "促进成果转化 完善人才服务", "张某说，要做好人才服务。",
        "本报记者 王某 李某", NULL};
    issue is;
    parse_page(p, &is);
    assert_int_equal(is.narticles, 1);
    article *a = &is.articles[0];
    assert_string_equal(a->headline, "代表团接受集体采访");
    assert_int_equal(a->blocks.v[0].kind, BLOCK_DECK);
    /* Furniture stays out of the article. */
    assert_int_equal(block_with(a, "特别报道"), -1);
    assert_int_equal(block_with(a, "星期五"), -1);
    /* Speaker heading + its title are one section; the lone subhead is
       another. */
    assert_int_equal(a->nsections, 2);
    assert_int_equal(a->blocks.v[a->sections[0].first_block].kind,
                     BLOCK_SPEAKER_HEADING);
    assert_int_equal(a->sections[0].speaker, -1);
    assert_string_equal(a->blocks.v[a->sections[1].first_block].text,
                        "促进成果转化 完善人才服务");
    assert_string_equal(article_byline(a), "本报记者 王某 李某");
    assert_string_equal(is.paper, "某某日报");
    assert_string_equal(is.date, "2025-03-07");
    assert_null(is.edition);
    issue_free(&is);
}

static void articles_package_pieces_are_articles(void **state)
{
    (void)state;
    const char *const p[] = {
        "在产业协作中激发新动能", "代表委员话协同",
        "全国人大代表，某集团董事长赵某某：", "上下游发力 激发合作新潜能",
        "某某日报记者 高某", "区域龙头企业如何转型？",
        "全国人大代表，某大学教授张某某", "深化项目建设 推进产业协作",
        "某某晚报记者 李某", "两重建设意义重大。", NULL};
    issue is;
    parse_page(p, &is);
    assert_int_equal(is.narticles, 3);
    assert_string_equal(is.articles[0].headline, "在产业协作中激发新动能");
    int a = article_named(&is, "上下游发力 激发合作新潜能");
    int b = article_named(&is, "深化项目建设 推进产业协作");
    assert_true(a >= 0 && b >= 0);
    /* The speaker line printed above each headline moves into it. */
    assert_int_equal(is.articles[a].blocks.v[0].kind, BLOCK_SPEAKER_HEADING);
    assert_int_equal(is.articles[a].nsections, 1);
    assert_string_equal(article_byline(&is.articles[b]), "某某晚报记者 李某");
    /* Guest outlets do not name the page's paper when none is printed. */
    assert_null(is.paper);
    issue_free(&is);
}

static void articles_subhead_with_other_outlet_byline_splits(void **state)
{
    (void)state;
    block_list l = {0};
    block_list_push(&l, "两地协同发展观察", BLOCK_HEADLINE, 1);
    block_list_push(&l, "甲报记者 张某", BLOCK_BYLINE, 3);
    block_list_push(&l, "协同发展取得新成效。", BLOCK_BODY, 5);
    block_list_push(&l, "产业链上下游协作", BLOCK_SUBHEAD, 7);
    block_list_push(&l, "乙报记者 李某", BLOCK_BYLINE, 9);
    block_list_push(&l, "产业协作走深走实。", BLOCK_BODY, 11);
    issue is = {0};
    articles_group(&l, &is);
    assert_int_equal(l.n, 0);
    assert_int_equal(is.narticles, 2);
    assert_string_equal(is.articles[1].headline, "产业链上下游协作");
    assert_string_equal(article_byline(&is.articles[1]), "乙报记者 李某");
    assert_int_equal(block_with(&is.articles[0], "产业链"), -1);
    assert_int_equal(is.articles[0].nsections, 0);
    issue_free(&is);
}

static void articles_adjacent_broken_line_rejoined(void **state)
{
    (void)state;
    const char *const p[] = {
        "小米坚持投入核心技术", "本报记者 王某",
        "雷某代表说，未来将继续大规模投入底",
        "层核心技术，并致力于成为引领者。", "这是第二段。", NULL};
    issue is;
    parse_page(p, &is);
    assert_int_equal(is.narticles, 1);
    article *a = &is.articles[0];
    int k = block_with(a, "投入底层核心技术，并致力于");
    assert_true(k >= 0);
    assert_true(a->blocks.v[k].flags & BLOCK_F_JOINED);
    assert_false(a->blocks.v[k].flags & BLOCK_F_OPEN_END);
    assert_int_equal(a->blocks.n, 3);
    issue_free(&is);
}

static void articles_interleaved_columns_rejoined(void **state)
{
    (void)state;
    /* Article A (rivers, bridges) and B (orchards, harvests) printed
       column by column: A1 B1 A2 B2. */
    const char *const p[] = {
        "河流治理:疏浚河道 修建桥梁", "某报记者组",
        "河道疏浚工程启动，沿河修建三座桥梁，河流水质改善。",
        "河流两岸的桥梁连接了村庄，河道治理让河水变清，同时高",
        "果园丰收:苹果满枝 收获喜人", "某报记者组",
        "果园里苹果挂满枝头，果农忙着收获，丰收在望。",
        "果农说今年苹果产量高，果园收获的苹果远销各地，打造世界",
        "标准修建的河道桥梁让河流两岸往来方便，河水治理成效明显。",
        "河流治理还将继续，更多桥梁将在河道上建成，河流",
        "级的苹果产区，果园丰收让果农喜笑颜开，苹果收获季节到了。",
        "果园的苹果丰收带动果农增收。", NULL};
    issue is;
    parse_page(p, &is);
    assert_int_equal(is.narticles, 2);
    const article *a = &is.articles[0], *b = &is.articles[1];
    assert_true(block_with(a, "同时高标准修建的河道桥梁") >= 0);
    assert_true(block_with(b, "打造世界级的苹果产区") >= 0);
    assert_int_equal(block_with(a, "苹果产区"), -1);
    assert_int_equal(block_with(b, "标准修建"), -1);
    assert_true(block_with(b, "带动果农增收") >= 0);
    /* The last open end of A has no continuation and stays open. */
    int k = block_with(a, "更多桥梁");
    assert_true(k >= 0);
    assert_true(a->blocks.v[k].flags & BLOCK_F_OPEN_END);
    issue_free(&is);
}

static void articles_open_end_before_headline_not_stolen(void **state)
{
    (void)state;
    /* A's column stops mid-sentence before B; B's own broken lines that
       follow are B's, because their words are B's. */
    const char *const p[] = {
        "校园新貌:廊道连通 操场开放", "某报记者",
        "新校园的廊道连通教学楼，操场向学生开放，这些都离不开设计策",
        "社区家园中心月底投用", "某报记者 郭某",
        "社区家园中心由锅炉房改造而成，社区居民可以在家园中心",
        "订餐、休闲、读书，社区家园中心服务居民。", NULL};
    issue is;
    parse_page(p, &is);
    assert_int_equal(is.narticles, 2);
    assert_true(block_with(&is.articles[1], "可以在家园中心订餐") >= 0);
    assert_int_equal(block_with(&is.articles[0], "订餐"), -1);
    issue_free(&is);
}

static void articles_leading_text_is_untitled(void **state)
{
    (void)state;
    const char *const p[] = {"上海围绕服务构建新发展格局。", "大循环转起来",
                             "本报讯 两地签订协议。", NULL};
    issue is;
    parse_page(p, &is);
    assert_int_equal(is.narticles, 2);
    assert_string_equal(is.articles[0].headline, "");
    assert_true(block_with(&is.articles[0], "上海") >= 0);
    assert_string_equal(is.articles[1].headline, "大循环转起来");
    issue_free(&is);
}

static void articles_metadata_sources(void **state)
{
    (void)state;
    const char *const stamp[] = {
        "会议在京举行", "（ 2026-04-28 ） 稿件来源：某某每日电讯 要闻",
        "新华社北京4月27日电会议举行。", "新华社北京4月27日电", NULL};
    issue is;
    parse_page(stamp, &is);
    assert_string_equal(is.paper, "某某每日电讯");
    assert_string_equal(is.date, "2026-04-28");
    assert_string_equal(is.edition, "要闻");
    /* A bare dispatch line is a byline but names no paper. */
    assert_string_equal(article_byline(&is.articles[0]), "新华社北京4月27日电");
    issue_free(&is);

    const char *const edition[] = {
        "《某某日报》（2026年03月08日第 06 版）", "两会特别报道综述",
        "本报记者 张某", "会议今天开幕。", NULL};
    parse_page(edition, &is);
    assert_string_equal(is.paper, "某某日报");
    assert_string_equal(is.date, "2026-03-08");
    assert_string_equal(is.edition, "第 06 版");
    issue_free(&is);

    const char *const byline[] = {
        "上海:推动科创与产业融合", "证券时报两会报道组", "会议今天召开。",
        "黄色出租车的两个圈", "证券时报记者 秦某某", "出租车司机说。",
        "新华社记者 张某某 摄", NULL};
    parse_page(byline, &is);
    assert_string_equal(is.paper, "证券时报");
    assert_null(is.date);
    assert_int_equal(is.narticles, 2);
    /* A photo credit is never an article's byline. */
    assert_string_equal(article_byline(&is.articles[1]),
                        "证券时报记者 秦某某");
    issue_free(&is);

    const char *const own[] = {"某区规划发布", "本报记者 张某", "规划发布。",
                               "某区新校园投用", "某日报记者 李某",
                               "校园投用。", NULL};
    parse_page(own, &is);
    assert_null(is.paper);
    issue_free(&is);
}

static void articles_continuation_marker_kept_apart(void **state)
{
    (void)state;
    const char *const p[] = {"某校新校园即将投用",
                             "(上接1版) 风雨操场都在操场之下。",
                             "校园引入廊道设计", "廊道四通八达。", NULL};
    issue is;
    parse_page(p, &is);
    assert_int_equal(is.narticles, 1);
    const article *a = &is.articles[0];
    assert_int_equal(a->blocks.v[0].kind, BLOCK_CONTINUATION);
    assert_string_equal(a->blocks.v[1].text, "风雨操场都在操场之下。");
    assert_int_equal(a->blocks.v[1].kind, BLOCK_BODY);
    assert_int_equal(a->nsections, 1);
    issue_free(&is);
}

static void articles_headline_after_its_text_names_it(void **state)
{
    (void)state;
    /* The page opens with a story's text; its headline is printed after
       it, at the top of the next story's heading cluster. */
    const char *const p[] = {
        "湖区的渔民今年换上了新渔船，湖面上渔船往来，渔民收入增加。",
        "渔船出湖 渔民增收", "山区小镇迎来新发展", "□ 张某某",
        "小镇的发展，是奋斗历程的见证。", NULL};
    issue is;
    parse_page(p, &is);
    assert_int_equal(is.narticles, 2);
    assert_string_equal(is.articles[0].headline, "渔船出湖 渔民增收");
    assert_true(block_with(&is.articles[0], "渔船往来") >= 0);
    assert_string_equal(is.articles[1].headline, "山区小镇迎来新发展");
    assert_string_equal(article_byline(&is.articles[1]), "张某某");
    assert_int_equal(block_with(&is.articles[1], "渔船往来"), -1);
    issue_free(&is);
}

static void articles_lead_opens_a_story(void **state)
{
    (void)state;
    /* A 本报讯 lead after text that ended a sentence starts a story of
       its own, even before its headline is known; one right under a
       headline is that headline's first paragraph. */
    const char *const p[] = {
        "某区开展植树活动", "本报讯 某区昨天开展植树活动。",
        "植树活动吸引了很多居民参加。",
        "本报讯 某区图书馆昨天开放，市民可以借阅图书。", NULL};
    issue is;
    parse_page(p, &is);
    assert_int_equal(is.narticles, 2);
    assert_string_equal(is.articles[0].headline, "某区开展植树活动");
    assert_int_equal(is.articles[0].blocks.v[0].kind, BLOCK_LEAD);
    assert_int_equal(block_with(&is.articles[0], "图书馆"), -1);
    assert_string_equal(is.articles[1].headline, "");
    assert_true(block_with(&is.articles[1], "图书馆") >= 0);
    issue_free(&is);

    /* After a paragraph that stopped mid-sentence it does not. */
    const char *const q[] = {
        "某区开展植树活动", "本报讯 某区昨天开展植树活动，吸引了",
        "本报讯 记者看到很多居民参加。", NULL};
    parse_page(q, &is);
    assert_int_equal(is.narticles, 1);
    issue_free(&is);
}

static void articles_headlines_paired_with_texts_by_words(void **state)
{
    (void)state;
    /* Three stories printed out of order: the cluster holds the port
       story's headline and deck and the orchard story's headline, the
       byline and text after it are the port story's; a 本报讯 story
       (canteen) follows without headline; then the canteen headline,
       printed above the orchard story's byline and text. */
    const char *const p[] = {
        "港 口 扬 帆 远 航", "港口集装箱吞吐量创下新高", "果园丰收苹果飘香",
        "□ 张某某",
        "今年港口码头繁忙，集装箱吞吐量再创新高，港口航线不断加密。",
        "码头工人说，集装箱船一艘接一艘靠港。",
        "本报讯 社区食堂昨天开张，社区老人在食堂用餐，饭菜实惠。 （李 某）",
        "社区食堂开张迎客", "□ 王某",
        "果园里苹果挂满枝头，果农忙着采摘，苹果远销各地。",
        "果农说，今年果园的苹果又大又甜。", NULL};
    issue is;
    parse_page(p, &is);
    assert_int_equal(is.narticles, 3);
    int port = article_named(&is, "港口扬帆远航");
    int fruit = article_named(&is, "果园丰收苹果飘香");
    int food = article_named(&is, "社区食堂开张迎客");
    assert_true(port >= 0 && fruit >= 0 && food >= 0);
    const article *a = &is.articles[port];
    assert_int_equal(a->blocks.v[0].kind, BLOCK_DECK);
    assert_string_equal(article_byline(a), "张某某");
    assert_true(block_with(a, "码头工人") >= 0);
    assert_int_equal(block_with(a, "苹果"), -1);
    a = &is.articles[fruit];
    assert_string_equal(article_byline(a), "王某");
    assert_true(block_with(a, "果农说") >= 0);
    assert_int_equal(block_with(a, "集装箱"), -1);
    a = &is.articles[food];
    assert_true(block_with(a, "社区食堂昨天开张") >= 0);
    assert_string_equal(article_byline(a), "（李某）");
    /* Texts keep their reading order. */
    assert_true(port < food && food < fruit);
    issue_free(&is);

    /* No text lacks a headline: the order of the page is kept, although
       the first headline's words fit the text better. */
    const char *const q[] = {
        "港 口 扬 帆 远 航", "果园丰收苹果飘香", "□ 张某某",
        "今年港口码头繁忙，集装箱吞吐量再创新高，港口航线不断加密。",
        NULL};
    parse_page(q, &is);
    assert_int_equal(is.narticles, 2);
    assert_true(block_with(&is.articles[article_named(&is, "果园丰收苹果飘香")],
                           "集装箱") >= 0);
    issue_free(&is);

    /* A headline takes a text only from a headline that fits it clearly
       worse: here both fit the port text, and the first does not fit the
       untitled story, so nothing moves. */
    const char *const r[] = {
        "港 口 扬 帆 远 航", "港口码头繁忙", "□ 张某某",
        "港口码头繁忙，港口航线加密，船舶扬帆远航。",
        "本报讯 码头繁忙的港口旁，社区食堂开张，码头工人在食堂用餐。",
        NULL};
    parse_page(r, &is);
    assert_int_equal(is.narticles, 3);
    assert_string_equal(is.articles[0].headline, "港口扬帆远航");
    assert_int_equal(is.articles[0].blocks.n, 0);
    assert_string_equal(is.articles[1].headline, "港口码头繁忙");
    assert_true(block_with(&is.articles[1], "船舶扬帆远航") >= 0);
    assert_string_equal(is.articles[2].headline, "");
    assert_true(block_with(&is.articles[2], "社区食堂") >= 0);
    issue_free(&is);
}

static void articles_cluster_deck_follows_its_words(void **state)
{
    (void)state;
    /* A deck printed under the wrong headline of a cluster goes to the
       headline whose text shares its words; one sharing none stays. */
    const char *const p[] = {
        "港 口 扬 帆 远 航", "果农采摘忙 苹果销路广", "果园丰收苹果飘香",
        "□ 王某", "果园里苹果挂满枝头，果农忙着采摘，苹果销路广。", NULL};
    issue is;
    parse_page(p, &is);
    int port = article_named(&is, "港口扬帆远航");
    int fruit = article_named(&is, "果园丰收苹果飘香");
    assert_true(port >= 0 && fruit >= 0);
    assert_int_equal(block_with(&is.articles[port], "果农采摘忙"), -1);
    int k = block_with(&is.articles[fruit], "果农采摘忙");
    assert_int_equal(k, 0);
    assert_int_equal(is.articles[fruit].blocks.v[0].kind, BLOCK_DECK);
    issue_free(&is);

    const char *const q[] = {
        "港 口 扬 帆 远 航", "航运繁忙 码头兴旺", "果园丰收苹果飘香",
        "□ 王某", "果园里苹果挂满枝头，果农忙着采摘，苹果销路广。", NULL};
    parse_page(q, &is);
    port = article_named(&is, "港口扬帆远航");
    assert_true(port >= 0);
    assert_true(block_with(&is.articles[port], "航运繁忙") >= 0);
    issue_free(&is);
}

/* A small deterministic generator for the random pages below. */
static unsigned long next_random(unsigned long *state)
{
    *state = *state * 6364136223846793005UL + 1442695040888963407UL;
    return *state >> 33;
}

static void articles_random_pages_hold_invariants(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "记者", "本报", "新华社", "北京", "4", "月", "日电", "（", "）", "(",
        ")", "上接", "版", "□", "■", "# ", ">>", "- ", " ", "　", "，", "。",
        "：", ":", "——", "“", "”", "张", "代表", "全国人大代表", "、", "图为",
        "2025", "年", "-", "摄", "·", "a", "报道组", "第", "星期五", "来源",
        "说", "强调", "协同发展", "产业", NULL};
    size_t npieces = 0;
    while (pieces[npieces])
        npieces++;
    unsigned long rng = 20260501;
    for (int page_no = 0; page_no < 300; page_no++) {
        block_list l = {0};
        size_t nblocks = next_random(&rng) % 30;
        for (size_t b = 0; b < nblocks; b++) {
            strbuf sb = {0};
            size_t len = next_random(&rng) % 14;
            for (size_t k = 0; k < len; k++)
                sb_puts(&sb, pieces[next_random(&rng) % npieces]);
            char *t = sb_take(&sb);
            block_list_push(&l, t, BLOCK_BODY, (int)(b + 1 + b % 2));
            free(t);
        }
        blocks_classify(&l);
        for (size_t b = 0; b < l.n; b++) {
            assert_true(l.v[b].kind < BLOCK_KIND_COUNT);
            assert_null(u8_check((const uint8_t *)l.v[b].text,
                                 strlen(l.v[b].text)));
        }
        issue is = {0};
        issue_derive_metadata(&l, &is);
        articles_group(&l, &is);
        for (size_t a = 0; a < is.narticles; a++) {
            const article *ar = &is.articles[a];
            assert_non_null(ar->headline);
            for (size_t s = 0; s < ar->nsections; s++)
                assert_true(ar->sections[s].first_block < ar->blocks.n);
            for (size_t b = 0; b < ar->blocks.n; b++)
                assert_null(strchr(ar->blocks.v[b].text, '\n'));
        }
        if (is.date)
            assert_int_equal(strlen(is.date), 10);
        issue_free(&is);
    }
}

/* ---- golden files --------------------------------------------------- */

typedef struct {
    char letter;   /* as written in the golden file */
    char cls;      /* scoring class: H D S P B L M T E C X */
    char *text;    /* normalised */
    int article;   /* index of its expected article, -1 outside any */
} gitem;

typedef struct {
    char *path;    /* the page */
    char *name;
    char *paper, *date, *edition;
    int loose;     /* "target loose": scored with a lower bar */
    gitem *v;
    size_t n, cap;
    int narticles;
} golden;

/* Scoring class of a golden letter (kickers and banners are one class). */
static char golden_class(char k)
{
    return k == 'N' ? 'L' : k == 'K' ? 'L' : k;
}

/* Scoring class of a block kind, or 0 for body-like kinds. */
static char kind_class(block_kind k)
{
    switch (k) {
    case BLOCK_HEADLINE: return 'H';
    case BLOCK_DECK: return 'D';
    case BLOCK_SUBHEAD: return 'S';
    case BLOCK_SPEAKER_HEADING: return 'P';
    case BLOCK_BYLINE: return 'B';
    case BLOCK_KICKER:
    case BLOCK_BANNER: return 'L';
    case BLOCK_MASTHEAD: return 'M';
    case BLOCK_DATELINE: return 'T';
    case BLOCK_EDITOR: return 'E';
    case BLOCK_CAPTION: return 'C';
    case BLOCK_CONTINUATION: return 'X';
    default: return 0;
    }
}

/* Text for comparing: every space removed, ASCII , : ; ? ! ( ) turned
   into their fullwidth forms. */
static char *norm(const char *s)
{
    strbuf sb = {0};
    const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
    while (p < end) {
        ucs4_t c;
        int m = u8_mbtouc(&c, p, (size_t)(end - p));
        if (m <= 0)
            m = 1;
        p += m;
        if (c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0)
            continue;
        const char *map = NULL;
        switch (c) {
        case ',': map = "，"; break;
        case ':': map = "："; break;
        case ';': map = "；"; break;
        case '?': map = "？"; break;
        case '!': map = "！"; break;
        case '(': map = "（"; break;
        case ')': map = "）"; break;
        }
        if (map)
            sb_puts(&sb, map);
        else
            sb_append(&sb, (const char *)p - m, (size_t)m);
    }
    return sb_take(&sb);
}

/* "-" means not printed. */
static char *value_or_null(const char *v)
{
    return strcmp(v, "-") == 0 ? NULL : xstrdup(v);
}

/* Load one golden file; fails the test on a malformed line. */
static void golden_load(const char *path, golden *g)
{
    memset(g, 0, sizeof *g);
    g->narticles = 0;
    char *text = test_read_file(path, NULL);
    int article = -1;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        size_t n = strlen(line);
        if (n && line[n - 1] == '\r')
            line[--n] = '\0';
        if (n == 0 || line[0] == '#')
            continue;
        if (strncmp(line, "source ", 7) == 0) {
            const char *rel = line + 7;
            const char *base = strrchr(rel, '/');
            g->path = xstrdup(test_src_path(rel));
            g->name = xstrdup(base ? base + 1 : rel);
        } else if (strcmp(line, "target loose") == 0) {
            g->loose = 1;
        } else if (strncmp(line, "paper ", 6) == 0) {
            g->paper = value_or_null(line + 6);
        } else if (strncmp(line, "date ", 5) == 0) {
            g->date = value_or_null(line + 5);
        } else if (strncmp(line, "edition ", 8) == 0) {
            g->edition = value_or_null(line + 8);
        } else if (n > 2 && line[1] == ' ' && strchr("HDSPBKNMTECX", line[0])) {
            if (line[0] == 'H')
                article = g->narticles++;
            g->v = grow_array(g->v, &g->cap, g->n + 1, sizeof *g->v);
            g->v[g->n].letter = line[0];
            g->v[g->n].cls = golden_class(line[0]);
            g->v[g->n].text = norm(line + 2);
            g->v[g->n].article = article;
            g->n++;
        } else {
            fail_msg("%s: bad golden line: %s", path, line);
        }
    }
    free(text);
    if (!g->path)
        fail_msg("%s: no source line", path);
}

static void golden_free(golden *g)
{
    for (size_t i = 0; i < g->n; i++)
        free(g->v[i].text);
    free(g->v);
    free(g->path);
    free(g->name);
    free(g->paper);
    free(g->date);
    free(g->edition);
}

/* A predicted item: class and normalised text. */
typedef struct {
    char cls;
    char *text;
    int used;
} pitem;

typedef struct {
    pitem *v;
    size_t n, cap;
} pitems;

static void pitems_add(pitems *l, char cls, const char *text)
{
    l->v = grow_array(l->v, &l->cap, l->n + 1, sizeof *l->v);
    l->v[l->n].cls = cls;
    l->v[l->n].text = norm(text);
    l->v[l->n].used = 0;
    l->n++;
}

static void pitems_free(pitems *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i].text);
    free(l->v);
}

/* True positives, predictions and expectations of one class. */
typedef struct {
    size_t tp, pred, gold;
} counts;

static const char classes[] = "HDSPBLMTECX";

/* With DUBAO_SCORE_VERBOSE set, print what did not match. */
static void print_misses(const golden *g, const pitems *pred)
{
    if (!getenv("DUBAO_SCORE_VERBOSE"))
        return;
    for (size_t j = 0; j < pred->n; j++)
        if (!pred->v[j].used)
            printf("    extra   %c %s\n", pred->v[j].cls, pred->v[j].text);
    for (size_t i = 0; i < g->n; i++) {
        int hit = 0;
        for (size_t j = 0; j < pred->n && !hit; j++)
            hit = pred->v[j].used && pred->v[j].cls == g->v[i].cls &&
                  strcmp(pred->v[j].text, g->v[i].text) == 0;
        if (!hit)
            printf("    missing %c %s\n", g->v[i].cls, g->v[i].text);
    }
}

/* Match golden items against predictions class by class (each
   prediction used once) and add to c[class index]. */
static void score(const golden *g, pitems *pred, counts *c)
{
    for (size_t i = 0; i < pred->n; i++) {
        const char *k = strchr(classes, pred->v[i].cls);
        if (k)
            c[k - classes].pred++;
    }
    for (size_t i = 0; i < g->n; i++) {
        size_t ci = (size_t)(strchr(classes, g->v[i].cls) - classes);
        c[ci].gold++;
        for (size_t j = 0; j < pred->n; j++) {
            pitem *p = &pred->v[j];
            if (!p->used && p->cls == g->v[i].cls &&
                strcmp(p->text, g->v[i].text) == 0) {
                p->used = 1;
                c[ci].tp++;
                break;
            }
        }
    }
}

/* Classified blocks of the page, by the same stages parse.c runs;
   *paragraphs gets the number of paragraphs before classification. */
static void classify_page(const char *bytes, size_t n, block_list *out,
                          size_t *paragraphs)
{
    decoded_text dec;
    strbuf msg = {0};
    assert_int_equal(text_decode(bytes, n, &dec, &msg), DECODE_OK);
    sb_free(&msg);
    char *text = text_normalize(dec.text, dec.len, NULL);
    free(dec.text);
    memset(out, 0, sizeof *out);
    paragraphs_split(text, out);
    free(text);
    *paragraphs = out->n;
    blocks_classify(out);
}

/* Of the golden items under each expected article, how many are found in
   the parsed article with the same headline (same class)?  Adds to
   *found and *total. */
static void score_grouping(const golden *g, const issue *is, size_t *found,
                           size_t *total)
{
    for (int a = 0; a < g->narticles; a++) {
        const char *head = NULL;
        for (size_t i = 0; i < g->n; i++)
            if (g->v[i].article == a && g->v[i].cls == 'H')
                head = g->v[i].text;
        const article *pa = NULL;
        for (size_t k = 0; k < is->narticles && !pa; k++) {
            char *h = norm(is->articles[k].headline);
            if (strcmp(h, head) == 0)
                pa = &is->articles[k];
            free(h);
        }
        for (size_t i = 0; i < g->n; i++) {
            if (g->v[i].article != a || g->v[i].cls == 'H' ||
                strchr("MTEN", g->v[i].letter))
                continue;
            (*total)++;
            size_t before = *found;
            for (size_t b = 0; pa && b < pa->blocks.n; b++) {
                char *t = norm(pa->blocks.v[b].text);
                int hit = kind_class(pa->blocks.v[b].kind) == g->v[i].cls &&
                          strcmp(t, g->v[i].text) == 0;
                free(t);
                if (hit) {
                    (*found)++;
                    break;
                }
            }
            if (*found == before && getenv("DUBAO_SCORE_VERBOSE"))
                printf("    not under its headline: %c %s\n", g->v[i].cls,
                       g->v[i].text);
        }
    }
}

static double ratio(size_t a, size_t b)
{
    return b ? (double)a / (double)b : 1.0;
}

static int same_or_both_null(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Result of scoring one document. */
typedef struct {
    counts c[sizeof classes - 1];
    counts head;       /* headlines of the parsed articles */
    size_t found, total;
    int meta_ok;
    size_t paragraphs; /* blocks out of the paragraph stage */
} doc_score;

/* Parse the page of g and score it. */
static void score_document(const golden *g, doc_score *s)
{
    memset(s, 0, sizeof *s);
    size_t n;
    char *bytes = test_read_file(g->path, &n);

    block_list blocks;
    classify_page(bytes, n, &blocks, &s->paragraphs);
    pitems pred = {0};
    for (size_t i = 0; i < blocks.n; i++) {
        char cls = kind_class(blocks.v[i].kind);
        if (cls)
            pitems_add(&pred, cls, blocks.v[i].text);
    }
    score(g, &pred, s->c);
    print_misses(g, &pred);
    pitems_free(&pred);
    block_list_free(&blocks);

    issue is;
    strbuf msg = {0};
    assert_int_equal(issue_parse_bytes(g->name, bytes, n, &is, &msg),
                     PARSE_OK);
    sb_free(&msg);
    pitems heads = {0};
    for (size_t i = 0; i < is.narticles; i++)
        if (is.articles[i].headline[0])
            pitems_add(&heads, 'H', is.articles[i].headline);
    counts hc[sizeof classes - 1] = {{0}};
    score(g, &heads, hc);
    s->head = hc[0];
    pitems_free(&heads);
    score_grouping(g, &is, &s->found, &s->total);
    s->meta_ok = same_or_both_null(is.paper, g->paper) &&
                 same_or_both_null(is.date, g->date) &&
                 same_or_both_null(is.edition, g->edition);
    if (!s->meta_ok)
        printf("  %s: paper=%s date=%s edition=%s\n", g->name,
               is.paper ? is.paper : "-", is.date ? is.date : "-",
               is.edition ? is.edition : "-");
    issue_free(&is);
    free(bytes);
}

/* Print "P/R" of a count as two percentages (or "  -  " when empty). */
static void print_pr(const counts *c)
{
    if (c->gold == 0 && c->pred == 0)
        printf("    -    ");
    else
        printf(" %3.0f/%-3.0f ", 100 * ratio(c->tp, c->pred),
               100 * ratio(c->tp, c->gold));
}

static void articles_golden_scores(void **state)
{
    (void)state;
    const char *dir = test_src_path("tests/golden/articles");
    char dirpath[4096];
    snprintf(dirpath, sizeof dirpath, "%s", dir);
    DIR *d = opendir(dirpath);
    if (!d)
        fail_msg("cannot open %s", dirpath);
    strlist files = {0};
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n > 7 && strcmp(e->d_name + n - 7, ".golden") == 0)
            strlist_push(&files, e->d_name);
    }
    closedir(d);
    qsort(files.v, files.n, sizeof *files.v, cmp_str);
    assert_true(files.n >= 8);

    printf("\npage structure vs tests/golden/articles (precision/recall %%)\n");
    printf("%-26s %-9s %-9s %-9s %-9s %-9s %-9s %-9s %-6s %s\n", "document",
           "headline", "deck", "subhead", "speaker", "byline", "label",
           "furniture", "group", "meta");
    counts corpus_h = {0}, extra_h = {0}, extra_sb = {0};
    for (size_t f = 0; f < files.n; f++) {
        char path[4200];
        snprintf(path, sizeof path, "%s/%s", dirpath, files.v[f]);
        golden g;
        golden_load(path, &g);
        doc_score s;
        score_document(&g, &s);
        int extra = strstr(g.path, "tests/data/pages/") != NULL;
        /* The paragraph stage has not rejoined a hard-wrapped page when it
           returns about one paragraph per printed line. */
        int wrapped = s.paragraphs > 300;
        char label[27];
        snprintf(label, sizeof label, "%.24s%s", g.name, wrapped ? " *" : "");
        printf("%-26s", label);
        print_pr(&s.head);
        for (size_t k = 1; k <= 5; k++)
            print_pr(&s.c[k]);
        counts furn = {0};
        for (size_t k = 6; k < sizeof classes - 1; k++) {
            furn.tp += s.c[k].tp;
            furn.pred += s.c[k].pred;
            furn.gold += s.c[k].gold;
        }
        print_pr(&furn);
        printf(" %3.0f%%   %s\n", 100 * ratio(s.found, s.total),
               s.meta_ok ? "ok" : "WRONG");

        if (wrapped) {
            printf("  * hard-wrapped page not rejoined by the paragraph "
                   "stage yet: scored, not asserted\n");
        } else if (extra) {
            extra_h.tp += s.head.tp;
            extra_h.pred += s.head.pred;
            extra_h.gold += s.head.gold;
            for (size_t k = 2; k <= 4; k += 2) {
                extra_sb.tp += s.c[k].tp;
                extra_sb.pred += s.c[k].pred;
                extra_sb.gold += s.c[k].gold;
            }
            assert_true(s.meta_ok);
        } else if (g.loose) {
            /* A page printed out of order: a lower bar. */
            assert_true(ratio(s.head.tp, s.head.gold) >= 0.6);
            assert_true(ratio(s.head.tp, s.head.pred) >= 0.75);
        } else {
            corpus_h.tp += s.head.tp;
            corpus_h.pred += s.head.pred;
            corpus_h.gold += s.head.gold;
            /* Every headline right, and metadata, subheads, speaker
               headings, bylines and grouping nearly so. */
            if (s.head.tp != s.head.gold || s.head.tp != s.head.pred)
                fail_msg("%s: headlines %zu/%zu/%zu", g.name, s.head.tp,
                         s.head.pred, s.head.gold);
            assert_true(s.meta_ok);
            for (size_t k = 1; k <= 4; k++) {
                assert_true(ratio(s.c[k].tp, s.c[k].gold) >= 0.9);
                assert_true(ratio(s.c[k].tp, s.c[k].pred) >= 0.9);
            }
            assert_true(ratio(s.found, s.total) >= 0.9);
        }
        golden_free(&g);
    }
    printf("corpus headlines: %zu right, %zu found, %zu expected; "
           "extra pages: %zu right, %zu found, %zu expected\n",
           corpus_h.tp, corpus_h.pred, corpus_h.gold, extra_h.tp,
           extra_h.pred, extra_h.gold);
    assert_true(ratio(extra_h.tp, extra_h.gold) >= 0.9);
    assert_true(ratio(extra_h.tp, extra_h.pred) >= 0.9);
    assert_true(ratio(extra_sb.tp, extra_sb.gold) >= 0.9);
    assert_true(ratio(extra_sb.tp, extra_sb.pred) >= 0.9);
    strlist_free(&files);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(articles_headline_deck_sections),
    cmocka_unit_test(articles_package_pieces_are_articles),
    cmocka_unit_test(articles_subhead_with_other_outlet_byline_splits),
    cmocka_unit_test(articles_adjacent_broken_line_rejoined),
    cmocka_unit_test(articles_interleaved_columns_rejoined),
    cmocka_unit_test(articles_open_end_before_headline_not_stolen),
    cmocka_unit_test(articles_leading_text_is_untitled),
    cmocka_unit_test(articles_headline_after_its_text_names_it),
    cmocka_unit_test(articles_lead_opens_a_story),
    cmocka_unit_test(articles_headlines_paired_with_texts_by_words),
    cmocka_unit_test(articles_cluster_deck_follows_its_words),
    cmocka_unit_test(articles_metadata_sources),
    cmocka_unit_test(articles_continuation_marker_kept_apart),
    cmocka_unit_test(articles_random_pages_hold_invariants),
    cmocka_unit_test(articles_golden_scores),
};
const test_suite articles_suite = {tests, SUITE_LEN(tests)};
