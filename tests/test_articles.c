/* test_articles.c - stage 5: grouping blocks into articles, issue
 * metadata, and the page-structure scorer against the gold files.
 *
 * The unit tests build pages from made-up text.  articles_golden_scores
 * parses every shipped page and every test page marked "target strict"
 * with issue_parse_bytes(), compares headlines, decks, subheads, speaker
 * headings, bylines, labels and furniture with their gold (format:
 * tests/data/pages/README.md), prints precision/recall per document and
 * asserts the targets.
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
#include "gold.h"
#include "score.h"

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

/* Append a byline as stage 4 leaves it: with the outlet it read. */
static void push_byline(block_list *l, const char *text, const char *outlet,
                        int line)
{
    block *b = block_list_push(l, text, BLOCK_BYLINE, line);
    b->facts = xcalloc(1, sizeof *b->facts);
    b->facts->outlet = xstrdup(outlet);
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
    assert_string_equal(a->byline, "本报记者 王某 李某");
    assert_string_equal(is.paper, "某某日报");
    assert_string_equal(is.date, "2025-03-07");
    assert_null(is.edition);
    issue_free(&is);
}

/* A broadcast transcript labels its two parts (新闻摘要 over the contents
   list, 详细新闻 over the items): the labels are banners, not articles, and
   the first item under 详细新闻 keeps its own headline instead of becoming
   a subhead of the label.  A headline that merely mentions news stays a
   headline. */
static void articles_transcript_part_labels_are_banners(void **state)
{
    (void)state;
    const char *const p[] = {
        "某台晚间新闻（20990101）", "新闻摘要", "本期节目主要内容：",
        "1.某市举行某某大会；", "2.某省发布新闻摘要汇编办法；", "详细新闻",
        "某市举行某某大会",
        "某台消息（晚间新闻）：某市今天举行某某大会，来自各界的代表参加。",
        "某省发布新闻摘要汇编办法",
        "某台消息（晚间新闻）：某省今天发布办法，规范各地的汇编工作。", NULL};
    issue is;
    parse_page(p, &is);
    assert_int_equal(article_named(&is, "新闻摘要"), -1);
    assert_int_equal(article_named(&is, "详细新闻"), -1);
    int first = article_named(&is, "某市举行某某大会");
    assert_true(first >= 0);
    assert_int_equal(block_with(&is.articles[first], "详细新闻"), -1);
    assert_true(article_named(&is, "某省发布新闻摘要汇编办法") >= 0);
    issue_free(&is);
}

/* Each heading line that a numbered contents entry above names heads an
   item of its own, also where items without text stand one under another
   (a transcript's 第三次会议 / 第四次会议 / 贺电); a line under a headline
   that no entry names stays its deck (invented). */
static void articles_contents_entries_name_their_headlines(void **state)
{
    (void)state;
    const char *const p[] = {
        "新闻摘要", "本期节目主要内容：", "1.某市某届人大主席团举行第三次会议；",
        "2.某市某届人大主席团举行第四次会议；", "3.某省同某国某州互致贺电；",
        "4.某县举行乡村振兴大会；", "详细新闻",
        "某市某届人大主席团举行第三次会议", "某市某届人大主席团举行第四次会议",
        "某省同某国某州互致贺电",
        "某台消息（晚间新闻）：某省今天同某国某州互致贺电，双方表示要加强合作。",
        "某县举行乡村振兴大会", "聚焦特色产业 共绘发展蓝图",
        "某台消息（晚间新闻）：某县今天举行大会，部署全年乡村振兴工作。", NULL};
    issue is;
    parse_page(p, &is);
    assert_true(article_named(&is, "某市某届人大主席团举行第三次会议") >= 0);
    assert_true(article_named(&is, "某市某届人大主席团举行第四次会议") >= 0);
    assert_true(article_named(&is, "某省同某国某州互致贺电") >= 0);
    int county = article_named(&is, "某县举行乡村振兴大会");
    assert_true(county >= 0);
    assert_int_equal(article_named(&is, "聚焦特色产业 共绘发展蓝图"), -1);
    assert_true(block_with(&is.articles[county], "聚焦特色产业") >= 0);
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
    assert_string_equal(is.articles[b].byline, "某某晚报记者 李某");
    /* Guest outlets do not name the page's paper when none is printed. */
    assert_null(is.paper);
    issue_free(&is);
}

static void articles_subhead_with_other_outlet_byline_splits(void **state)
{
    (void)state;
    block_list l = {0};
    block_list_push(&l, "两地协同发展观察", BLOCK_HEADLINE, 1);
    push_byline(&l, "甲报记者 张某", "甲报", 3);
    block_list_push(&l, "协同发展取得新成效。", BLOCK_BODY, 5);
    block_list_push(&l, "产业链上下游协作", BLOCK_SUBHEAD, 7);
    push_byline(&l, "乙报记者 李某", "乙报", 9);
    block_list_push(&l, "产业协作走深走实。", BLOCK_BODY, 11);
    issue is = {0};
    articles_group(&l, &is);
    assert_int_equal(l.n, 0);
    assert_int_equal(is.narticles, 2);
    assert_string_equal(is.articles[1].headline, "产业链上下游协作");
    assert_string_equal(is.articles[1].byline, "乙报记者 李某");
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
    assert_string_equal(is.articles[0].byline, "新华社北京4月27日电");
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
    assert_string_equal(is.articles[1].byline,
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
    assert_string_equal(is.articles[1].byline, "张某某");
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

/* A broadcast transcript: each item's title above its lead is an
   article of its own; the contents list up front heads none. */
static void articles_broadcast_items(void **state)
{
    (void)state;
    const char *const p[] = {
        "某某节目 2021年3月4日", "1. 某某会议在京开幕",
        "2. 代表委员热议科技创新", "1. 某某会议在京开幕",
        "某某网消息（某某节目）：某某会议今天下午开幕。",
        "会议听取了工作报告。", "2. 代表委员热议科技创新",
        "某某网消息（某某节目）：代表委员围绕科技创新展开讨论。", NULL};
    issue is;
    parse_page(p, &is);
    assert_int_equal(is.narticles, 2);
    assert_string_equal(is.articles[0].headline, "1. 某某会议在京开幕");
    assert_true(block_with(&is.articles[0], "工作报告") >= 0);
    assert_string_equal(is.articles[1].headline, "2. 代表委员热议科技创新");
    assert_string_equal(is.date, "2021-03-04");
    issue_free(&is);
}

/* A signature under a delegate's text (——张某代表（…）) is a speaker
   heading that starts no section: the text after it is the next piece's.
   A speaker heading above its text (张某代表：) starts one. */
static void articles_signature_starts_no_section(void **state)
{
    (void)state;
    const char *const p[] = {
        "某某议事厅", "本报记者 王某",
        "建议加快建设某某体系，推动某某工作。",
        "——张某某代表（某某公司董事长）",
        "建议深化某某改革，助力某某发展。",
        "——李某某代表（某某律师事务所主任）", NULL};
    issue is;
    parse_page(p, &is);
    assert_int_equal(is.narticles, 1);
    assert_int_equal(is.articles[0].nsections, 0);
    issue_free(&is);
    const char *const q[] = {"某某议事厅", "本报记者 王某", "张某某代表：",
                             "建议加快建设某某体系。", NULL};
    parse_page(q, &is);
    assert_int_equal(is.articles[0].nsections, 1);
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
    assert_string_equal(a->byline, "张某某");
    assert_true(block_with(a, "码头工人") >= 0);
    assert_int_equal(block_with(a, "苹果"), -1);
    a = &is.articles[fruit];
    assert_string_equal(a->byline, "王某");
    assert_true(block_with(a, "果农说") >= 0);
    assert_int_equal(block_with(a, "集装箱"), -1);
    a = &is.articles[food];
    assert_true(block_with(a, "社区食堂昨天开张") >= 0);
    assert_string_equal(a->byline, "（李某）");
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

/* ---- gold files ------------------------------------------------------ */

static double ratio(size_t a, size_t b)
{
    return b ? (double)a / (double)b : 1.0;
}

/* Print "P/R" of a count as two percentages (or "  -  " when empty). */
static void print_pr(const score_counts *c)
{
    if (c->gold == 0 && c->pred == 0)
        printf("    -    ");
    else
        printf(" %3.0f/%-3.0f ", 100 * ratio(c->tp, c->pred),
               100 * ratio(c->tp, c->gold));
}

/* Read and score one gold page (the pipeline runs inside score_page). */
static void score_gold_file(const char *path, gold_page *g,
                            structure_score *s)
{
    strbuf err = {0};
    if (gold_load(path, g, &err) != 0)
        fail_msg("%s", err.s);
    size_t n;
    char *bytes = test_read_file(test_src_path(g->source), &n);
    const char *base = strrchr(g->source, '/');
    issue is;
    statement_score qs;
    if (score_page(g, base ? base + 1 : g->source, bytes, n, &is, s, &qs,
                   getenv("DUBAO_SCORE_VERBOSE") != NULL, &err) != 0)
        fail_msg("%s: %s", g->source, err.s);
    issue_free(&is);
    free(bytes);
    sb_free(&err);
}

/* The page structure of the shipped corpus and of the test pages marked
   "target strict" against their gold (tests/data/pages/README.md): every
   headline right on a shipped page, metadata exact, subheads, speaker
   headings, decks, bylines and grouping at least 90 %; at least 90 %
   headline and subhead+byline precision and recall over the strict test
   pages.  Other test pages are measured by `make eval` and its floors. */
static void articles_golden_scores(void **state)
{
    (void)state;
    strlist files = {0};
    strbuf err = {0};
    if (gold_list(test_src_path("tests/data/pages"), &files, &err) != 0)
        fail_msg("%s", err.s);
    assert_true(files.n >= 8);

    printf("\npage structure vs gold (precision/recall %%)\n");
    printf("%-26s %-9s %-9s %-9s %-9s %-9s %-9s %-9s %-6s %s\n", "document",
           "headline", "deck", "subhead", "speaker", "byline", "label",
           "furniture", "group", "meta");
    score_counts corpus_h = {0}, strict_h = {0}, strict_sb = {0};
    size_t shipped = 0, strict = 0;
    for (size_t f = 0; f < files.n; f++) {
        gold_page g;
        structure_score s;
        score_gold_file(files.v[f], &g, &s);
        bool is_shipped = strcmp(g.split, "shipped") == 0;
        if (!is_shipped && !g.strict) {
            gold_free(&g);
            continue;
        }
        /* The paragraph stage has not rejoined a hard-wrapped page when it
           returns about one paragraph per printed line. */
        bool wrapped = s.paragraphs > 300;
        const char *base = strrchr(g.source, '/') + 1;
        char label[27];
        snprintf(label, sizeof label, "%.24s%s", base, wrapped ? " *" : "");
        printf("%-26s", label);
        print_pr(&s.head);
        for (size_t k = 1; k <= 5; k++)
            print_pr(&s.cls[k]);
        score_counts furn = {0};
        for (size_t k = 6; k < SCORE_NCLASSES; k++)
            score_counts_add(&furn, &s.cls[k]);
        print_pr(&furn);
        printf(" %3.0f%%   %s\n", 100 * ratio(s.grouped, s.groupable),
               s.meta_ok ? "ok" : "WRONG");

        if (wrapped) {
            printf("  * hard-wrapped page not rejoined by the paragraph "
                   "stage yet: scored, not asserted\n");
        } else if (!is_shipped) {
            strict++;
            score_counts_add(&strict_h, &s.head);
            score_counts_add(&strict_sb, &s.cls[2]);
            score_counts_add(&strict_sb, &s.cls[4]);
            assert_true(s.meta_ok);
        } else if (g.loose) {
            /* A page printed out of order: a lower bar. */
            assert_true(ratio(s.head.tp, s.head.gold) >= 0.6);
            assert_true(ratio(s.head.tp, s.head.pred) >= 0.75);
        } else {
            shipped++;
            score_counts_add(&corpus_h, &s.head);
            /* Every headline right, and metadata, subheads, speaker
               headings, bylines and grouping nearly so. */
            if (s.head.tp != s.head.gold || s.head.tp != s.head.pred)
                fail_msg("%s: headlines %zu/%zu/%zu", base, s.head.tp,
                         s.head.pred, s.head.gold);
            assert_true(s.meta_ok);
            for (size_t k = 1; k <= 4; k++) {
                assert_true(ratio(s.cls[k].tp, s.cls[k].gold) >= 0.9);
                assert_true(ratio(s.cls[k].tp, s.cls[k].pred) >= 0.9);
            }
            assert_true(ratio(s.grouped, s.groupable) >= 0.9);
        }
        gold_free(&g);
    }
    printf("shipped headlines: %zu right, %zu found, %zu expected; "
           "strict test pages: %zu right, %zu found, %zu expected\n",
           corpus_h.tp, corpus_h.pred, corpus_h.gold, strict_h.tp,
           strict_h.pred, strict_h.gold);
    assert_true(shipped >= 4);
    assert_true(strict >= 3);
    assert_true(ratio(strict_h.tp, strict_h.gold) >= 0.9);
    assert_true(ratio(strict_h.tp, strict_h.pred) >= 0.9);
    assert_true(ratio(strict_sb.tp, strict_sb.gold) >= 0.9);
    assert_true(ratio(strict_sb.tp, strict_sb.pred) >= 0.9);
    strlist_free(&files);
    sb_free(&err);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(articles_headline_deck_sections),
    cmocka_unit_test(articles_transcript_part_labels_are_banners),
    cmocka_unit_test(articles_contents_entries_name_their_headlines),
    cmocka_unit_test(articles_package_pieces_are_articles),
    cmocka_unit_test(articles_subhead_with_other_outlet_byline_splits),
    cmocka_unit_test(articles_adjacent_broken_line_rejoined),
    cmocka_unit_test(articles_interleaved_columns_rejoined),
    cmocka_unit_test(articles_open_end_before_headline_not_stolen),
    cmocka_unit_test(articles_leading_text_is_untitled),
    cmocka_unit_test(articles_headline_after_its_text_names_it),
    cmocka_unit_test(articles_lead_opens_a_story),
    cmocka_unit_test(articles_broadcast_items),
    cmocka_unit_test(articles_signature_starts_no_section),
    cmocka_unit_test(articles_headlines_paired_with_texts_by_words),
    cmocka_unit_test(articles_cluster_deck_follows_its_words),
    cmocka_unit_test(articles_metadata_sources),
    cmocka_unit_test(articles_continuation_marker_kept_apart),
    cmocka_unit_test(articles_random_pages_hold_invariants),
    cmocka_unit_test(articles_golden_scores),
};
const test_suite articles_suite = {tests, SUITE_LEN(tests)};
