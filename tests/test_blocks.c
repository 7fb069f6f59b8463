/* test_blocks.c - stage 4: classifying the paragraphs of a page.
 *
 * Each test builds a small page from strings (one paragraph each, with a
 * blank source line between them unless said otherwise), classifies it and
 * checks kinds and display texts.  Names in here are made up.
 */
#include "test.h"

#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "furniture.h"

/* Build a block list from NULL-terminated texts, paragraph i on source
   line 2*i+1 (a blank line between paragraphs). */
static block_list page(const char *const *texts)
{
    block_list l = {0};
    for (int i = 0; texts[i]; i++)
        block_list_push(&l, texts[i], BLOCK_BODY, 2 * i + 1);
    return l;
}

/* Build a block list from NULL-terminated texts on consecutive source
   lines (no blank line between), as web pages and some crawls print. */
static block_list glued_page(const char *const *texts)
{
    block_list l = {0};
    for (int i = 0; texts[i]; i++)
        block_list_push(&l, texts[i], BLOCK_BODY, i + 1);
    return l;
}

/* Build a block list from NULL-terminated texts printed one a line, where
   an empty text stands for a blank source line (as a page made from a
   feed parts its items). */
static block_list lined_page(const char *const *texts)
{
    block_list l = {0};
    for (int i = 0; texts[i]; i++)
        if (texts[i][0])
            block_list_push(&l, texts[i], BLOCK_BODY, i + 1);
    return l;
}

/* Index of the first block whose text is t, or -1. */
static int find_text(const block_list *l, const char *t)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i].text, t) == 0)
            return (int)i;
    return -1;
}

/* Kind name of the block whose display text is t ("missing" if none). */
static const char *kind_of(const block_list *l, const char *t)
{
    int i = find_text(l, t);
    return i < 0 ? "missing" : block_kind_name(l->v[i].kind);
}

/* Classify the page of texts and return the kind name of the block t. */
static const char *kind_on_page(const char *const *texts, const char *t)
{
    block_list l = page(texts);
    blocks_classify(&l);
    const char *k = kind_of(&l, t);
    block_list_free(&l);
    return k;
}

static void blocks_markup_markers_are_stripped(void **state)
{
    (void)state;
    const char *const t[] = {
        "# 高质量发展怎么动", "导语正文说明了情况。",
        "## 1 / 科技创新中心建设", "- 打造科学中心和创新高地",
        ">> 市人大代表、某某研究院院长张三:", "### 高校要加强协同",
        "代表说，要加强协同。", NULL};
    block_list l = page(t);
    blocks_classify(&l);
    assert_int_equal(l.n, 7);
    assert_string_equal(l.v[0].text, "高质量发展怎么动");
    assert_int_equal(l.v[0].level, 1);
    assert_true(l.v[0].flags & BLOCK_F_MARKUP);
    assert_string_equal(kind_of(&l, "高质量发展怎么动"), "headline");
    assert_string_equal(kind_of(&l, "1 / 科技创新中心建设"), "subhead");
    assert_int_equal(l.v[2].level, 2);
    assert_string_equal(kind_of(&l, "打造科学中心和创新高地"), "item");
    assert_string_equal(kind_of(&l, "市人大代表、某某研究院院长张三:"),
                        "speaker");
    assert_string_equal(kind_of(&l, "高校要加强协同"), "subhead");
    assert_int_equal(l.v[5].level, 3);
    assert_string_equal(kind_of(&l, "代表说，要加强协同。"), "body");
    block_list_free(&l);
}

static void blocks_byline_forms(void **state)
{
    (void)state;
    const char *const yes[] = {
        "本报记者 张三 李四", "本报记者 王五 实习生 赵六",
        "北京日报记者 高某", "证券时报两会报道组", "新华社记者 刘某 陈某某",
        "新华社记者", "新华社记者 张某某 摄", "（张 骁）", "(记者 孙某某)",
        "新华社北京4月27日电", NULL};
    for (int i = 0; yes[i]; i++) {
        const char *const t[] = {"某市召开会议", yes[i],
                                 "会议今天召开，讨论了有关事项。", NULL};
        block_list l = page(t);
        blocks_classify(&l);
        if (l.v[1].kind != BLOCK_BYLINE)
            fail_msg("not a byline: %s (%s)", yes[i],
                     block_kind_name(l.v[1].kind));
        assert_int_equal(l.v[0].kind, BLOCK_HEADLINE);
        block_list_free(&l);
    }
    const char *const no[] = {
        "北京日报记者提问：北京将采取哪些更有力的措施，满足群众就医需求？",
        "记者在现场看到，新校园处处呈现出不同于传统学校的样态。", NULL};
    for (int i = 0; no[i]; i++) {
        const char *const t[] = {"某市召开会议", "会议今天召开。", no[i],
                                 NULL};
        block_list l = page(t);
        blocks_classify(&l);
        assert_int_equal(l.v[2].kind, BLOCK_BODY);
        block_list_free(&l);
    }
}

static void blocks_box_marked_byline(void **state)
{
    (void)state;
    const char *const t[] = {"开 启 新 的 航 程", "□ 张某某 贺 勇 王某",
                             "北京，一张金名片。", NULL};
    block_list l = page(t);
    blocks_classify(&l);
    assert_string_equal(l.v[0].text, "开启新的航程");
    assert_int_equal(l.v[0].kind, BLOCK_HEADLINE);
    assert_int_equal(l.v[1].kind, BLOCK_BYLINE);
    assert_null(strstr(l.v[1].text, "□"));
    assert_non_null(strstr(l.v[1].text, "张某某"));
    block_list_free(&l);
}

static void blocks_speaker_heading_forms(void **state)
{
    (void)state;
    const char *const yes[] = {
        "张某代表：", "全国人大代表，某某集团有限公司党委书记、董事长赵某某：",
        "全国人大代表，某某大学管理学部教授张某某",
        "全国人大代表、某某研究所所长 伊某", "全国人大代表 殷某某",
        "全国政协委员，民建某省委专职副主委范某某：", "王某某委员——", NULL};
    for (int i = 0; yes[i]; i++) {
        const char *const t[] = {"某团开放团组会议", "会议今天召开。",
                                 yes[i], "要把工作做实做细。", NULL};
        block_list l = page(t);
        blocks_classify(&l);
        if (l.v[2].kind != BLOCK_SPEAKER_HEADING)
            fail_msg("not a speaker heading: %s (%s)", yes[i],
                     block_kind_name(l.v[2].kind));
        block_list_free(&l);
    }
    const char *const t[] = {
        "某团开放团组会议", "会议今天召开。",
        "全国人大代表、某市市长张某表示,协同发展是重大的国家战略,三地协同不断取得新成效。",
        NULL};
    block_list l = page(t);
    blocks_classify(&l);
    assert_int_equal(l.v[2].kind, BLOCK_BODY);
    block_list_free(&l);
}

static void blocks_page_furniture(void **state)
{
    (void)state;
    const char *const t[] = {
        "某某城市报", "2025年3月7日 星期五 农历乙巳年二月初八 今日四版",
        "2025全国两会特别报道", "代表团接受中外记者集体采访",
        "直面焦点回应关切 共绘发展新图景", "昨天下午，代表团举行开放团组会议。",
        "·代表委员热议·", "编辑 张某 美编 李某 电话:64100000", NULL};
    block_list l = page(t);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, "某某城市报"), "masthead");
    assert_string_equal(
        kind_of(&l, "2025年3月7日 星期五 农历乙巳年二月初八 今日四版"),
        "dateline");
    assert_string_equal(kind_of(&l, "2025全国两会特别报道"), "banner");
    assert_string_equal(kind_of(&l, "代表团接受中外记者集体采访"),
                        "headline");
    assert_string_equal(kind_of(&l, "直面焦点回应关切 共绘发展新图景"),
                        "deck");
    assert_string_equal(kind_of(&l, "·代表委员热议·"), "banner");
    assert_string_equal(kind_of(&l, "编辑 张某 美编 李某 电话:64100000"),
                        "editor");
    block_list_free(&l);
}

static void blocks_headline_versus_subhead(void **state)
{
    (void)state;
    const char *const t[] = {
        "某区产业规划发布 产业增加值占比将超3成", "本报记者 张某",
        "近日，某区印发产业发展规划。",
        "换核强芯 形成4至5个万亿级产业集群", "规划提出了明确目标。",
        "中心城区共享单车投放不得超过80万辆", "本报讯(记者 孙某)上半年考核成绩单出炉。",
        "首个家园中心10月底投用", "（上接1版） 改造工程已经完工。",
        "校园引入廊道设计", "新校园四通八达。", NULL};
    block_list l = page(t);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, "某区产业规划发布 产业增加值占比将超3成"),
                        "headline");
    assert_string_equal(kind_of(&l, "换核强芯 形成4至5个万亿级产业集群"),
                        "subhead");
    assert_string_equal(kind_of(&l, "中心城区共享单车投放不得超过80万辆"),
                        "headline");
    assert_string_equal(kind_of(&l, "本报讯(记者 孙某)上半年考核成绩单出炉。"),
                        "lead");
    assert_string_equal(kind_of(&l, "首个家园中心10月底投用"), "headline");
    assert_string_equal(kind_of(&l, "（上接1版）"), "continuation");
    assert_string_equal(kind_of(&l, "改造工程已经完工。"), "body");
    assert_true(l.v[find_text(&l, "改造工程已经完工。")].flags &
                BLOCK_F_OPEN_START);
    assert_string_equal(kind_of(&l, "校园引入廊道设计"), "subhead");
    block_list_free(&l);
}

static void blocks_speaker_section_title_versus_new_article(void **state)
{
    (void)state;
    const char *const t[] = {
        "代表团接受采访", "会议今天召开。", "张某代表：",
        "以科技创新引领产业创新", "张某说，要大力发展新质生产力。",
        "本报记者 王某", "在产业协作中激发新动能", "代表委员话协同",
        "全国人大代表，某集团董事长赵某某：", "上下游发力 激发合作新潜能",
        "某某日报记者 高某", "区域龙头企业如何转型？", NULL};
    block_list l = page(t);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, "以科技创新引领产业创新"), "subhead");
    assert_string_equal(kind_of(&l, "本报记者 王某"), "byline");
    assert_string_equal(kind_of(&l, "在产业协作中激发新动能"), "headline");
    assert_string_equal(kind_of(&l, "代表委员话协同"), "deck");
    assert_string_equal(kind_of(&l, "上下游发力 激发合作新潜能"), "headline");
    assert_string_equal(kind_of(&l, "某某日报记者 高某"), "byline");
    block_list_free(&l);
}

static void blocks_kicker_deck_and_stamp(void **state)
{
    (void)state;
    const char *const t[] = {
        "某某主持会议闭幕会并作讲话强调", "高质量做好各项工作",
        "服务保障良好开局", "（ 2026-05-01 ） 稿件来源：某某电讯 要闻",
        "新华社北京4月30日电会议今天闭幕。", "“光荣属于劳动者，幸福属于劳动者”",
        "——同劳动者在一起的故事", "（ 2026-05-01 ） 稿件来源：某某电讯 要闻",
        "　　新华社记者", "　　劳动是一切幸福的源泉。", NULL};
    block_list l = page(t);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, "某某主持会议闭幕会并作讲话强调"),
                        "kicker");
    assert_string_equal(kind_of(&l, "高质量做好各项工作"), "headline");
    assert_string_equal(kind_of(&l, "服务保障良好开局"), "deck");
    assert_string_equal(kind_of(&l, "（ 2026-05-01 ） 稿件来源：某某电讯 要闻"),
                        "dateline");
    assert_string_equal(kind_of(&l, "新华社北京4月30日电会议今天闭幕。"),
                        "lead");
    assert_string_equal(kind_of(&l, "“光荣属于劳动者，幸福属于劳动者”"),
                        "headline");
    assert_string_equal(kind_of(&l, "——同劳动者在一起的故事"), "deck");
    assert_string_equal(kind_of(&l, "新华社记者"), "byline");
    assert_string_equal(kind_of(&l, "劳动是一切幸福的源泉。"), "body");
    block_list_free(&l);
}

static void blocks_indented_paragraphs(void **state)
{
    (void)state;
    const char *const t[] = {
        "某法大修四大看点", "新华社记者 张某", "　　修法意义重大。",
        "　　看点一：明确粮食安全战略，构建多元食物供给体系",
        "　　“他们的事迹可学可做，他们的精神可追可及。”",
        "　　进一步织牢织密保障网——",
        "　　留下许多与人民群众共同劳动的身影，令人难忘——",
        "　　强化兜底功能 扩大救助范围", "　　…………",
        "“我们的根扎在劳动人民之中”", "　　一把铁锹培新土，一柄锄头映初心。",
        NULL};
    block_list l = page(t);
    blocks_classify(&l);
    assert_string_equal(
        kind_of(&l, "看点一：明确粮食安全战略，构建多元食物供给体系"),
        "subhead");
    assert_string_equal(
        kind_of(&l, "“他们的事迹可学可做，他们的精神可追可及。”"), "body");
    assert_string_equal(kind_of(&l, "进一步织牢织密保障网——"), "subhead");
    assert_string_equal(
        kind_of(&l, "留下许多与人民群众共同劳动的身影，令人难忘——"), "body");
    assert_string_equal(kind_of(&l, "强化兜底功能 扩大救助范围"), "subhead");
    assert_string_equal(kind_of(&l, "…………"), "body");
    assert_string_equal(kind_of(&l, "“我们的根扎在劳动人民之中”"), "subhead");
    assert_string_equal(kind_of(&l, "一把铁锹培新土，一柄锄头映初心。"),
                        "body");
    block_list_free(&l);
}

static void blocks_fragments_are_body(void **state)
{
    (void)state;
    const char *const t[] = {
        "某市共享单车考核", "本报讯 上半年考核成绩单出炉。",
        "为引导平台经济健康有序发展，营",
        "“十五五”时期,上海建设范围将进一步扩大,打造世界",
        "截至6月30日，累计实施行政处罚9次，", "尤其在环京地区。第一个是依托北京向",
        NULL};
    block_list l = page(t);
    blocks_classify(&l);
    for (size_t i = 2; i < l.n; i++) {
        if (l.v[i].kind != BLOCK_BODY)
            fail_msg("fragment not body: %s (%s)", l.v[i].text,
                     block_kind_name(l.v[i].kind));
        assert_true(l.v[i].flags & BLOCK_F_OPEN_END);
    }
    assert_false(l.v[1].flags & BLOCK_F_OPEN_END);
    block_list_free(&l);
}

/* A line that stops without punctuation right above a paragraph opening
   with a speaker's label (某某委员（某协会副主委）：…) is a heading over
   it, not a column broken mid-sentence: it does not run into the label
   (invented lines). */
static void blocks_no_open_end_before_a_label(void **state)
{
    (void)state;
    const char *const t[] = {
        "严格司法守公正", "本报记者 张某",
        "以司法裁判筑牢安全底线",
        "林某某委员（某协会副主委）：人民法院依法审理了一批案件。",
        "王某代表（某法院院长）：近年来新型犯罪时有发生。",
        "截至6月30日，累计实施行政处罚9次，",
        "其中3起涉及食品安全。", NULL};
    block_list l = page(t);
    blocks_classify(&l);
    assert_false(l.v[find_text(&l, t[2])].flags & BLOCK_F_OPEN_END);
    assert_true(l.v[find_text(&l, t[5])].flags & BLOCK_F_OPEN_END);
    block_list_free(&l);
}

static void blocks_labels_and_column_names(void **state)
{
    (void)state;
    const char *const t[] = {
        "### X 西街观察 Xijie observation", "## 科创之光,未来之城", "陶某",
        "科技创新说到底靠人才。", "北京", "全国人大代表、某研究所所长 伊某",
        "要推动科技创新资源向周边辐射。", "记者手记", NULL};
    block_list l = page(t);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, "X 西街观察 Xijie observation"), "banner");
    assert_string_equal(kind_of(&l, "科创之光,未来之城"), "headline");
    assert_string_equal(kind_of(&l, "陶某"), "byline");
    assert_string_equal(kind_of(&l, "北京"), "kicker");
    assert_string_equal(kind_of(&l, "全国人大代表、某研究所所长 伊某"),
                        "speaker");
    assert_string_equal(kind_of(&l, "记者手记"), "kicker");
    block_list_free(&l);
}

static void blocks_trailing_credits_split_off(void **state)
{
    (void)state;
    const char *const t[] = {
        "某法修订草案亮点聚焦", "新华社记者 王某",
        "　　这为改革提供有力支撑。　　　　新华社北京4月27日电",
        "　　亿万劳动者拼搏进取。（记者齐某某 樊某 高某）新华社北京4月30日电",
        "落实“六稳”任务的实际效果。 （孙 杰）", "文字继续。（下转第二版）",
        NULL};
    block_list l = page(t);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, "这为改革提供有力支撑。"), "body");
    assert_string_equal(kind_of(&l, "新华社北京4月27日电"), "byline");
    assert_string_equal(kind_of(&l, "亿万劳动者拼搏进取。"), "body");
    assert_string_equal(
        kind_of(&l, "（记者齐某某 樊某 高某）新华社北京4月30日电"), "byline");
    assert_string_equal(kind_of(&l, "落实“六稳”任务的实际效果。"), "body");
    /* Byline text goes through byline_collapse_name_spaces (孙 杰 -> 孙杰). */
    int k = find_text(&l, "落实“六稳”任务的实际效果。");
    assert_true(k >= 0 && (size_t)k + 1 < l.n);
    assert_int_equal(l.v[k + 1].kind, BLOCK_BYLINE);
    assert_non_null(strstr(l.v[k + 1].text, "杰）"));
    assert_string_equal(kind_of(&l, "文字继续。"), "body");
    assert_string_equal(kind_of(&l, "（下转第二版）"), "continuation");
    /* The split-off pieces keep the paragraph's source line. */
    int a = find_text(&l, "这为改革提供有力支撑。");
    int b = find_text(&l, "新华社北京4月27日电");
    assert_int_equal(l.v[a].line, l.v[b].line);
    block_list_free(&l);
}

static void blocks_ascii_punctuation_folds_for_parsing(void **state)
{
    (void)state;
    /* ASCII punctuation next to Chinese text counts as its full-width
       form (text_fold_punct, tested in test_text.c); the display text
       keeps the ASCII colon, the fold only decides. */
    const char *const t[] = {"北京:聚焦都市圈建设 推动协同发展走深走实",
                             "■ 要以周边10公里范围为基础,加快轨道交通建设。",
                             "证券时报两会报道组", "3月6日,代表团举行会议。",
                             NULL};
    block_list l = page(t);
    blocks_classify(&l);
    assert_string_equal(l.v[0].text,
                        "北京:聚焦都市圈建设 推动协同发展走深走实");
    assert_int_equal(l.v[0].kind, BLOCK_HEADLINE);
    assert_int_equal(l.v[1].kind, BLOCK_KICKER);
    assert_null(strstr(l.v[1].text, "■"));
    assert_int_equal(l.v[2].kind, BLOCK_BYLINE);
    block_list_free(&l);
}

static void blocks_wrapped_heading_lines_merge(void **state)
{
    (void)state;
    block_list l = {0};
    block_list_push(&l, "某市46项民生政策", BLOCK_BODY, 1);
    block_list_push(&l, "将首次集中“体检”", BLOCK_BODY, 2);
    block_list_push(&l, "本报讯 某市财政局近日制定了工作方案。", BLOCK_BODY, 4);
    block_list_push(&l, "转型发展", BLOCK_BODY, 6);
    block_list_push(&l, "挥洒绿色最美底色", BLOCK_BODY, 7);
    block_list_push(&l, "今年年初，首都交出了绿色成绩单。", BLOCK_BODY, 9);
    blocks_classify(&l);
    assert_int_equal(l.n, 4);
    assert_string_equal(l.v[0].text, "某市46项民生政策将首次集中“体检”");
    assert_int_equal(l.v[0].kind, BLOCK_HEADLINE);
    assert_string_equal(l.v[2].text, "转型发展 挥洒绿色最美底色");
    assert_int_equal(l.v[2].kind, BLOCK_SUBHEAD);
    block_list_free(&l);

    /* The same two lines with a blank line between: label over subhead,
       not a new headline and deck. */
    const char *const t[] = {"某市绿色发展纪实", "本报记者 张某",
                             "首都交出了绿色成绩单。", "转型发展",
                             "挥洒绿色最美底色", "城市发展深刻转型。", NULL};
    l = page(t);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, "转型发展"), "kicker");
    assert_string_equal(kind_of(&l, "挥洒绿色最美底色"), "subhead");
    block_list_free(&l);

    /* A headline of short parallel phrases broken over two lines, with a
       blank line between, is one headline (not a kicker over 拓市场). */
    const char *const u[] = {"促“新”业 稳就业", "拓市场",
                             "——从某省企业看经济活力",
                             "本报记者 张某", "今年以来，某省企业订单饱满。",
                             NULL};
    l = page(u);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, "促“新”业 稳就业 拓市场"), "headline");
    assert_string_equal(kind_of(&l, "——从某省企业看经济活力"), "deck");
    block_list_free(&l);
    /* Must not fire: a phrase of another length (a label, 北京), or
       phrases too long to be a series (a headline and its deck). */
    const char *const v[] = {"稳就业 惠民生", "北京", "本报记者 张某",
                             "今年以来，某市就业形势稳定。", NULL};
    l = page(v);
    blocks_classify(&l);
    assert_int_equal(find_text(&l, "稳就业 惠民生 北京"), -1);
    block_list_free(&l);
    const char *const w[] = {"强化兜底功能 扩大救助范围", "织密网",
                             "本报记者 张某", "今年以来，某市救助形势稳定。",
                             NULL};
    l = page(w);
    blocks_classify(&l);
    assert_int_equal(find_text(&l, "强化兜底功能 扩大救助范围 织密网"), -1);
    block_list_free(&l);
    /* A joined heading takes no further line: a page of a thousand
       one-character lines stays many short items (one growing item would
       make a page of a million lines quadratic). */
    l = (block_list){0};
    for (int i = 0; i < 1000; i++)
        block_list_push(&l, "行", BLOCK_BODY, i + 1);
    blocks_classify(&l);
    assert_true(l.n >= 100);
    block_list_free(&l);
}

/* The furniture rules on UTF-8 lines (furniture.h). */
static void blocks_helpers(void **state)
{
    (void)state;
    char d[11];
    assert_true(text_find_date("2025年3月7日 星期五", d));
    assert_string_equal(d, "2025-03-07");
    assert_true(text_find_date("（ 2026-04-28 ） 稿件来源", d));
    assert_string_equal(d, "2026-04-28");
    assert_true(text_find_date("《人民日报》（2026年03月08日第 06 版）", d));
    assert_string_equal(d, "2026-03-08");
    assert_false(text_find_date("1月15日上午", d));
    assert_false(text_find_date("2025年13月7日", d));

    char *o = byline_outlet("北京日报记者 高某");
    assert_string_equal(o, "北京日报");
    free(o);
    o = byline_outlet("证券时报两会报道组");
    assert_string_equal(o, "证券时报");
    free(o);
    o = byline_outlet("本报记者 张某");
    assert_string_equal(o, "本报");
    free(o);
    o = byline_outlet("新华社记者 胡某");
    assert_string_equal(o, "新华社");
    free(o);
    assert_null(byline_outlet("陶某"));
    assert_int_equal(byline_flags("新华社记者 张某某 摄"),
                     BLOCK_F_PHOTO_CREDIT);
    assert_int_equal(byline_flags("新华社记者 张某某"), 0);
    assert_int_equal(byline_flags("新华社北京4月27日电"), BLOCK_F_DISPATCH);
    assert_int_equal(byline_flags("新华社记者 张某"), 0);
    /* 实习生 and 通讯员 name reporters too (staff_words.txt). */
    o = byline_outlet("某某日报通讯员 张某");
    assert_string_equal(o, "某某日报");
    free(o);
}

/* The database stores a kind by name and the browser gets the kind back
   (block_kind_from_name): every name reads back as its kind. */
static void blocks_kind_names_read_back(void **state)
{
    (void)state;
    for (int k = 0; k < BLOCK_KIND_COUNT; k++)
        assert_int_equal(block_kind_from_name(block_kind_name((block_kind)k)),
                         k);
    assert_int_equal(block_kind_from_name("no such kind"), BLOCK_BODY);
    assert_int_equal(block_kind_from_name(NULL), BLOCK_BODY);
}

/* Stage 4 hands on what bylines and datelines say (block.facts and the
   BLOCK_F_* flags): the stages after it never read them again. */
static void blocks_furniture_facts_are_handed_on(void **state)
{
    (void)state;
    const char *const t[] = {
        "某某日报", "2025年3月7日 星期五 第 06 版", "某地举行某某会议",
        "某某晚报记者 张某", "会议今天举行。", "新华社记者 李某 摄",
        "新华社北京4月27日电", "（ 2026-04-28 ） 稿件来源：某某电讯 要闻",
        NULL};
    block_list l = page(t);
    blocks_classify(&l);
    const block *b = &l.v[find_text(&l, "2025年3月7日 星期五 第 06 版")];
    assert_int_equal(b->kind, BLOCK_DATELINE);
    assert_non_null(b->facts);
    assert_string_equal(b->facts->date, "2025-03-07");
    assert_string_equal(b->facts->edition, "第 06 版");
    assert_null(b->facts->outlet);
    b = &l.v[find_text(&l, "（ 2026-04-28 ） 稿件来源：某某电讯 要闻")];
    assert_string_equal(b->facts->outlet, "某某电讯");
    assert_string_equal(b->facts->edition, "要闻");
    b = &l.v[find_text(&l, "某某晚报记者 张某")];
    assert_string_equal(b->facts->outlet, "某某晚报");
    assert_false(b->flags & (BLOCK_F_PHOTO_CREDIT | BLOCK_F_DISPATCH));
    b = &l.v[find_text(&l, "新华社记者 李某 摄")];
    assert_true(b->flags & BLOCK_F_PHOTO_CREDIT);
    b = &l.v[find_text(&l, "新华社北京4月27日电")];
    assert_true(b->flags & BLOCK_F_DISPATCH);
    /* Other blocks carry no facts. */
    assert_null(l.v[find_text(&l, "会议今天举行。")].facts);
    block_list_free(&l);
}

static void blocks_empty_and_odd_input(void **state)
{
    (void)state;
    block_list l = {0};
    blocks_classify(&l);
    assert_int_equal(l.n, 0);
    const char *const t[] = {"#", ">>", "- ", "　　", "■", "(", "）", "2025",
                             "电", "日电", "4月27日电", NULL};
    l = page(t);
    blocks_classify(&l);
    for (size_t i = 0; i < l.n; i++)
        assert_true(l.v[i].kind < BLOCK_KIND_COUNT);
    block_list_free(&l);
}

/* A page that opens with untitled text, then a cluster of heading lines
   and a byline: the first line heads the text printed before it when it
   shares that text's words (not the text after the byline); the lines
   after it are decks, not kickers. */
static void blocks_headline_printed_after_its_text(void **state)
{
    (void)state;
    const char *const t[] = {
        "湖区的渔民今年换上了新渔船，湖面上渔船往来，渔民收入增加。",
        "渔船出湖 渔民增收", "种好稻谷 管好粮仓", "奋 进 新 征 程",
        "山区小镇的发展见证了奋斗历程", "山区稻谷丰收粮仓满", "□ 张某某 李某",
        "小镇的发展，是奋斗历程的见证。", NULL};
    block_list l = page(t);
    blocks_classify(&l);
    int k = find_text(&l, "渔船出湖 渔民增收");
    assert_true(k >= 0);
    assert_int_equal(l.v[k].kind, BLOCK_HEADLINE);
    assert_true(l.v[k].flags & BLOCK_F_HEADS_BEFORE);
    assert_string_equal(kind_of(&l, "种好稻谷 管好粮仓"), "deck");
    assert_string_equal(kind_of(&l, "奋进新征程"), "headline");
    assert_string_equal(kind_of(&l, "山区小镇的发展见证了奋斗历程"), "deck");
    assert_string_equal(kind_of(&l, "山区稻谷丰收粮仓满"), "headline");
    assert_false(l.v[find_text(&l, "奋进新征程")].flags &
                 BLOCK_F_HEADS_BEFORE);
    block_list_free(&l);

    /* The opening text shares no words with the first line: it stays a
       kicker over the cluster's headlines. */
    const char *const u[] = {
        "城里的公园今年新添了步道，市民在公园步道散步。",
        "渔船出湖 渔民增收", "种好稻谷 管好粮仓", "奋 进 新 征 程",
        "山区稻谷丰收粮仓满", "□ 张某某 李某",
        "小镇的发展，是奋斗历程的见证。", NULL};
    l = page(u);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, "渔船出湖 渔民增收"), "kicker");
    assert_string_equal(kind_of(&l, "种好稻谷 管好粮仓"), "kicker");
    block_list_free(&l);

    /* It shares more words with the text after the byline: a kicker. */
    const char *const w[] = {
        "湖区的渔民今年换上了新渔船。", "渔船出湖 渔民增收",
        "奋 进 新 征 程", "山区稻谷丰收粮仓满", "□ 张某某 李某",
        "渔民说，新渔船出湖捕鱼，渔民增收了，湖区渔船多了。", NULL};
    l = page(w);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, "渔船出湖 渔民增收"), "kicker");
    block_list_free(&l);
}

/* Surnames: a byline or a name line under a headline takes any surname,
   also one that mostly begins words (word_surnames.txt: 向, 国 …) and the
   rarer ones of surnames.txt (傅, 洪 …); a line of ordinary words that
   begins with such a character stays text. */
static void blocks_surnames_where_a_name_is_expected(void **state)
{
    (void)state;
    const char *const t[] = {"某地举行某某会议", "傅某某",
                             "会议今天举行，各方代表出席。",
                             "某某晚报记者 向某 洪某某",
                             "国家发展改革委员会议今天举行。", NULL};
    assert_string_equal(kind_on_page(t, "傅某某"), "byline");
    assert_string_equal(kind_on_page(t, "某某晚报记者 向某 洪某某"), "byline");
    assert_string_equal(kind_on_page(t, "国家发展改革委员会议今天举行。"),
                        "body");
    /* A short word under a heading that begins with no surname is not a
       byline. */
    const char *const u[] = {"某地举行某某会议", "春天", NULL};
    assert_string_not_equal(kind_on_page(u, "春天"), "byline");
}

/* One list of paper endings (报 电讯 刊): a first line ending in one is the
   masthead, unless it holds a banner word (两会特刊 is a banner). */
static void blocks_masthead_paper_endings(void **state)
{
    (void)state;
    const char *const t[] = {"某某周刊", "某地举行某某会议", "会议今天举行。",
                             NULL};
    assert_string_equal(kind_on_page(t, "某某周刊"), "masthead");
    const char *const u[] = {"两会特刊", "某地举行某某会议", "会议今天举行。",
                             NULL};
    assert_string_equal(kind_on_page(u, "两会特刊"), "banner");
    const char *const v[] = {"某某时光", "某地举行某某会议", "会议今天举行。",
                             NULL};
    assert_string_not_equal(kind_on_page(v, "某某时光"), "masthead");
}

/* A heading line ending in a speech verb (speech_verbs.txt) or a speech
   given (讲话, 致辞: speech_events.txt) introduces the headline under it;
   the last line before the byline is the headline whatever it ends with. */
static void blocks_kicker_ends_in_speech(void **state)
{
    (void)state;
    const char *const t[] = {"某某在座谈会上发表重要讲话",
                             "推动某项工作取得新进展",
                             "本报记者 张某", "会议今天举行。", NULL};
    block_list l = page(t);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, "某某在座谈会上发表重要讲话"), "kicker");
    assert_string_equal(kind_of(&l, "推动某项工作取得新进展"), "headline");
    block_list_free(&l);
    const char *const w[] = {"某某在座谈会上发表重要讲话",
                             "推动某项工作取得新进展",
                             "会议今天举行，各方代表出席。", NULL};
    assert_string_equal(kind_on_page(w, w[0]), "kicker");
    const char *const u[] = {"某某出席开幕式并致辞", "本报记者 张某",
                             "会议今天举行。", NULL};
    assert_string_equal(kind_on_page(u, "某某出席开幕式并致辞"), "headline");
    /* Inside running text a line "X建议，…" is a clause, not a heading. */
    const char *const v[] = {"某地举行某某会议", "会议今天举行。",
                             "代表们建议，加快某某建设", "会议还听取了报告。",
                             NULL};
    assert_string_equal(kind_on_page(v, "代表们建议，加快某某建设"), "body");
}

/* A line and whether a rule fires on it. */
typedef struct {
    const char *line;
    bool fires;
} line_case;

/* Check each case's line, printed after the lines first and second and
   before a paragraph, is of the kind exactly when it should fire. */
static void check_cases_after(const line_case *cases, size_t n,
                              const char *kind, const char *first,
                              const char *second)
{
    for (size_t i = 0; i < n; i++) {
        const char *const t[] = {first, second, cases[i].line,
                                 "这段话说得很清楚。", NULL};
        bool is = strcmp(kind_on_page(t, cases[i].line), kind) == 0;
        if (is != cases[i].fires)
            fail_msg("\"%s\" %s %s", cases[i].line,
                     is ? "taken for" : "not taken for", kind);
    }
}

/* The same under a headline and a paragraph. */
static void check_line_cases(const line_case *cases, size_t n,
                             const char *kind)
{
    check_cases_after(cases, n, kind, "某地举行某某会议", "会议今天举行。");
}

/* Speaker headings are decided by the one parser of names.c: the title
   line forms, a role with a colon even when the name is not recognised,
   and nothing that names the paper's staff. */
static void blocks_speaker_headings_from_the_one_parser(void **state)
{
    (void)state;
    static const line_case cases[] = {
        /* title lines, the name recognised or not */
        {"全国人大代表，某某研究院首席科学家欧阳某某", true},
        {"全国政协委员，某某集团调度员某某某：", true},
        {"某某有限公司董事长兼首席执行官张某某：", true},
        /* staff; 委员长 is a title, not the role 全国人大常委会委员 */
        {"记者：", false},
        {"全国人大常委会委员长某某某：", false},
    };
    check_line_cases(cases, sizeof cases / sizeof *cases, "speaker");
}

/* The word lists of page furniture (assets/lexicon/), each firing on an
   invented line and not on one that only resembles it. */
static void blocks_furniture_word_lists(void **state)
{
    (void)state;
    static const line_case editor[] = {
        /* editor_starts.txt and editor_marks.txt */
        {"责任编辑 张某 电话：010-12345678", true},
        {"编辑部今天开会，讨论明年的选题", false},
    };
    static const line_case caption[] = {
        /* caption_starts.txt, caption_words.txt */
        {"图：某某在田间查看麦苗长势", true},
        {"图为某地新建的文化中心", true},
        {"这张图表说明了很多问题，值得研究。", false},
    };
    check_line_cases(editor, sizeof editor / sizeof *editor, "editor");
    check_line_cases(caption, sizeof caption / sizeof *caption, "caption");
    /* dateline_words.txt: a long line with a date is a dateline only when
       it holds a dateline word. */
    const char *const d[] = {
        "2025年3月7日 星期五 农历二月初八 今日八版 某某日报社出版",
        "某地举行某某会议", "2025年3月7日，某地举行了一次规模很大的会议",
        "会议今天举行。", NULL};
    assert_string_equal(kind_on_page(d, d[0]), "dateline");
    assert_string_not_equal(kind_on_page(d, d[2]), "dateline");
    /* continuation_verbs.txt: （下转第二版） but not （转载自某某网）. */
    const char *const c[] = {"某地举行某某会议", "会议今天举行。",
                             "（下转第二版）", "（转载自某某网）", NULL};
    assert_string_equal(kind_on_page(c, "（下转第二版）"), "continuation");
    const char *const x[] = {"某地举行某某会议", "会议今天举行。",
                             "（相关报道见第六版）", NULL};
    assert_string_equal(kind_on_page(x, x[2]), "continuation");
    assert_string_not_equal(kind_on_page(c, "（转载自某某网）"), "continuation");
    /* dian_words.txt: …日电 opens a lead, …日电视台 does not. */
    const char *const l[] = {"某地举行某某会议",
                             "某某社北京3月5日电 会议今天举行。",
                             "某某社北京3月5日电视台报道了会议。", NULL};
    assert_string_equal(kind_on_page(l, l[1]), "lead");
    assert_string_not_equal(kind_on_page(l, l[2]), "lead");
    /* outlet_endings.txt and reporter_qualifiers.txt */
    const char *const b[] = {"某地举行某某会议", "某某电视台两会记者 张某",
                             "会议今天举行。", NULL};
    assert_string_equal(kind_on_page(b, b[1]), "byline");
    char *o = byline_outlet(b[1]);
    assert_string_equal(o, "某某电视台");
    free(o);
    assert_null(byline_outlet("某某记者 张某"));
}

/* A publication stamp after a byline (as some archives print every
   byline) leaves it a byline: the kicker above the headline stays a
   kicker, and the stamp's date, edition and paper are read.  Names with
   what they did (整理, 参与采写), a photo credit with its source after it,
   an editor's note signature and a note on the author (（作者为…）) are
   bylines too; a headline or a speaker line with such endings is not. */
static void blocks_stamped_and_worded_bylines(void **state)
{
    (void)state;
    const char *const t[] = {
        "某县抢抓晴好天气，小麦收割过半",
        "“窗口期不到三天，必须抓紧”（某某进行时）",
        "本报记者  张  某 《某某日报》（2026年05月26日 第 03 版）",
        "夜色渐浓，种粮大户王某眉头紧锁。", NULL};
    block_list l = page(t);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, t[0]), "kicker");
    assert_string_equal(kind_of(&l, t[1]), "headline");
    const block *b = &l.v[2];
    assert_int_equal(b->kind, BLOCK_BYLINE);
    assert_string_equal(b->facts->outlet, "本报");
    assert_string_equal(b->facts->date, "2026-05-26");
    assert_string_equal(b->facts->edition, "第 03 版");
    assert_string_equal(b->facts->stamped, "某某日报");
    block_list_free(&l);
    static const line_case byline[] = {
        {"王某某 《某某日报》（2026年05月26日第03版）", true},
        {"本报记者《某某日报》（2026年03月05日第 07 版）", true},
        {"（本报记者张某、李某某整理）", true},
        {"（本报记者王某、赵某参与采写）", true},
        {"王  某摄（某某图片社）", true},
        {"——编者", true},
        {"（本报记者张某、李某、王某某、赵某、钱某、孙某某、周某、吴某、郑某、"
         "冯某、陈某某）", true},
        {"（作者为全国政协委员、某大学教授）", true},
        {"（作者为全国人大代表、某集团董事长，本报记者王某采访整理）", true},
        {"（作者单位：某某研究院）", true},
        {"（作者：王某，系某大学教授）", true},
        {"（作者认为这一做法值得推广）", false},
        /* not bylines */
        {"某市召开某某工作会议《某某日报》（2026年1月2日 第 03 版）", false},
        {"——张某某代表（某某律师事务所主任）", false},
        {"（转载自某某网）", false},
        {"《某某日报》（2026年05月26日 第 03 版）", false},
    };
    check_line_cases(byline, sizeof byline / sizeof *byline, "byline");
    /* A reporter's name wrapped under the byline is part of it. */
    const char *const r[] = {"某某经济稳中向好", "新华社记者 赵某某 于某某",
                             "吴某某", "订单，是观察经济的窗口。", NULL};
    assert_string_equal(kind_on_page(r, "吴某某"), "byline");
    /* The signature closes an editor's note over a piece: the heading
       under it is the piece's subhead, not a new headline. */
    const char *const e[] = {"某某产品走俏海外", "本报记者 张某",
                             "编者按：今年以来，某某产品出口增长。", "——编  者",
                             "“品牌要在市场中形成认同”",
                             "记者：您怎么看？", NULL};
    l = page(e);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, "——编者"), "byline"); /* spaces closed */
    assert_string_equal(kind_of(&l, e[4]), "subhead");
    block_list_free(&l);
    static const line_case stamp[] = {
        {"《某某日报》（2026年05月26日 第 03 版）", true},
        {"《某某节目》 20230305", true},
        {"《某某节目》 20230305 文字版全文", true},
        {"某某节目2023年3月5日完整版文字稿", true},
        {"2023年3月5日，某某会议在京开幕", false},
        {"电话 20231505", false},
        {"编号 1234567890", false},
        {"王某某 《某某日报》（2026年05月26日第03版）", false},
    };
    check_line_cases(stamp, sizeof stamp / sizeof *stamp, "dateline");
}

/* A broadcast transcript: a contents list, then each item's title (numbered,
   bracketed or plain, asking or exclaiming) above a lead that opens with
   its source (某某网消息（某某节目）：).  The titles are headlines, the
   contents entries are not; a question inside running text stays text. */
static void blocks_broadcast_items_and_questions(void **state)
{
    (void)state;
    const char *const t[] = {
        "本期节目主要内容：", "1. 某某会议在京开幕",
        "2. 奋进新征程！代表委员谈发展",
        "1. 某某会议在京开幕",
        "某某网消息（某某节目）：某某会议今天下午开幕。",
        "2. 奋进新征程！代表委员谈发展",
        "某某网消息（某某节目）：代表委员表示，要坚定信心。",
        "【县域经济如何突围？代表委员建言】",
        "本台消息 代表委员们围绕县域经济展开讨论。", NULL};
    block_list l = page(t);
    blocks_classify(&l);
    assert_int_equal(l.v[1].kind, BLOCK_BANNER);
    assert_int_equal(l.v[2].kind, BLOCK_BANNER);
    assert_int_equal(l.v[3].kind, BLOCK_HEADLINE);
    assert_int_equal(l.v[4].kind, BLOCK_LEAD);
    assert_int_equal(l.v[5].kind, BLOCK_HEADLINE);
    assert_int_equal(l.v[7].kind, BLOCK_HEADLINE);
    assert_int_equal(l.v[8].kind, BLOCK_LEAD);
    block_list_free(&l);
    /* A headline that recurs once further down, not in a list, is no
       contents entry. */
    const char *const r[] = {"某市推进某某工作", "本报记者 张某",
                             "某市今年推进某某工作。", "某市推进某某工作",
                             "本报记者 李某", "某市明年继续推进。", NULL};
    l = page(r);
    blocks_classify(&l);
    assert_int_equal(l.v[0].kind, BLOCK_HEADLINE);
    block_list_free(&l);
    /* A column tag above a headline stays a tag. */
    const char *const c[] = {"某地举行某某会议", "会议今天举行。",
                             "【议政建言】", "某市推进某某工作",
                             "本报记者 张某", "某市今年推进某某工作。", NULL};
    assert_string_not_equal(kind_on_page(c, "【议政建言】"), "headline");
    assert_string_equal(kind_on_page(c, "某市推进某某工作"), "headline");
    /* A headline that asks opens a page without byline or lead. */
    const char *const q[] = {"商圈如何接住流量？", "赛事开幕前，门店纷纷上架新品。",
                             "这是为什么？", "原因在于消费习惯变了。", NULL};
    assert_string_equal(kind_on_page(q, q[0]), "headline");
    assert_string_equal(kind_on_page(q, q[2]), "body");
    static const line_case lead[] = {
        {"某某网消息（某某节目）：代表委员今天抵京。", true},
        {"本台消息：代表委员今天抵京。", true},
        {"本报讯 代表委员今天抵京。", true},
        {"本报讯记者今天从某地获悉，会议将召开。", true},
        {"好消息是，今年的粮食又丰收了。", false},
        {"最新消息显示，会议将于明天召开。", false},
        {"最新消息：会议将于明天召开。", false},
    };
    check_line_cases(lead, sizeof lead / sizeof *lead, "lead");
    /* The first paragraph under a headline and byline is text unless it
       is numbered like a subhead. */
    static const line_case first_text[] = {
        {"一、坚持创新驱动", false},
        {"1. 坚持创新驱动", false},
        {"1.5亿元投向某某", true},
    };
    check_cases_after(first_text, sizeof first_text / sizeof *first_text,
                      "body", "某地举行某某会议", "本报记者 张某");
}

/* Short pieces each under the person they are about (张某代表——): a title
   under such a line is a new piece's headline where the line follows the
   end of a piece (its byline) or a stamp, and a section title where it
   follows running text.  A delegation line ending in a dash is a kicker,
   never joined to the title under it; a signature ——张某代表（…） is a
   speaker heading, a deck ——访… is not. */
static void blocks_pieces_under_speaker_lines(void **state)
{
    (void)state;
    const char *const t[] = {
        "某地举行某某会议", "会议今天举行。", "（本报记者王某整理）",
        "张某某代表——", "统筹发展与保护，推动林区焕发活力",
        "“要因地制宜。”张某某代表说。", "（本报记者李某整理）",
        "某某代表团——", "文化遗产成时尚潮流", "本报记者  赵某  钱某某",
        "在某地，游客体验了传统文化。", NULL};
    block_list l = page(t);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, "统筹发展与保护，推动林区焕发活力"),
                        "headline");
    assert_string_equal(kind_of(&l, "某某代表团——"), "kicker");
    assert_string_equal(kind_of(&l, "文化遗产成时尚潮流"), "headline");
    /* The bare name line over a report's headline is its kicker. */
    assert_string_equal(kind_of(&l, "张某某代表——"), "kicker");
    block_list_free(&l);
    /* With the person's titles it heads the person's own words. */
    const char *const s2[] = {
        "某地举行某某会议", "会议今天举行。", "（本报记者王某整理）",
        "某某集团董事长张某某代表——", "完善某某运输体系",
        "交通运输连接生产和消费。", NULL};
    assert_string_equal(kind_on_page(s2, s2[3]), "speaker");
    const char *const s3[] = {"某地举行某某会议", "会议今天举行。",
                              "张某某代表——", "交通运输连接生产和消费。",
                              NULL};
    assert_string_equal(kind_on_page(s3, s3[2]), "speaker");
    /* The same printed on consecutive lines, no blank line between. */
    const char *const w[] = {"某某代表团——", "文化遗产成时尚潮流",
                             "本报记者  赵某", "在某地，游客体验了传统文化。",
                             NULL};
    l = glued_page(w);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, "某某代表团——"), "kicker");
    assert_string_equal(kind_of(&l, "文化遗产成时尚潮流"), "headline");
    block_list_free(&l);
    const char *const u[] = {
        "某地举行某某会议", "本报记者 王某", "会议今天举行。",
        "某某部部长张某——", "某某建设迈出坚实步伐",
        "“今年将重点办好三件实事。”", NULL};
    assert_string_equal(kind_on_page(u, "某某建设迈出坚实步伐"), "subhead");
    static const line_case signature[] = {
        {"——张某某代表（某某律师事务所主任）", true},
        {"——王某某委员", true},
        {"——某省某市某镇政府一级科员王某某代表", true},
        {"——访某省委副书记王某某", false},
        {"——编者", false},
        /* a line introducing someone's words */
        {"某某总书记强调——", true},
        {"他说——", false},
        {"要坚持创新驱动——", false},
    };
    check_line_cases(signature, sizeof signature / sizeof *signature,
                     "speaker");
}

/* Two heading lines between paragraphs with no blank line on either side
   are subheads of the text; set apart by blank lines, or above a byline,
   they head a new article. */
static void blocks_glued_heading_pairs_are_subheads(void **state)
{
    (void)state;
    const char *const t[] = {
        "某县调查项目建设情况", "项目本是支持创业的载体。",
        "前不久，有关部门公开通报了典型案例。",
        "投入巨额资金兴建园区", "未按期完工且项目缩水",
        "通报中提到的项目位于某县。", NULL};
    block_list l = glued_page(t);
    blocks_classify(&l);
    /* (the page prints a paragraph a line: two short lines are two) */
    assert_string_equal(kind_of(&l, t[3]), "subhead");
    assert_string_equal(kind_of(&l, t[4]), "subhead");
    block_list_free(&l);
    assert_string_equal(kind_on_page(t, t[3]), "headline");
    const char *const u[] = {
        "某县调查项目建设情况", "项目本是支持创业的载体。",
        "前不久，有关部门公开通报了典型案例。",
        "投入巨额资金兴建园区", "未按期完工且项目缩水", "本报记者 张某",
        "通报中提到的项目位于某县。", NULL};
    l = glued_page(u);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, u[4]), "headline");
    block_list_free(&l);
    /* A label such as 关键词 under a title is no byline, though it begins
       with a surname: labels glued to the text are kickers. */
    const char *const w[] = {"某某通道回应关切", "本报记者 张某",
                             "上午，某某通道开启。", "三位部长回答了提问。",
                             "某某强国建设迈出坚实步伐", "关键词", "某某为民",
                             "“今年将重点办好三件实事。”", NULL};
    l = glued_page(w);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, "关键词"), "kicker");
    assert_string_equal(kind_of(&l, "某某为民"), "kicker");
    assert_string_equal(kind_of(&l, w[4]), "subhead");
    block_list_free(&l);
    /* Heading lines glued under the signature of an editor's note over
       the piece (——编者) are its first subheads; set apart by blank
       lines, they head a new piece. */
    const char *const x[] = {
        "走进某某园区（深阅读）", "某某园区建设取得进展。",
        "记者在多地进行了探访。", "——编  者", "源头减排",
        "屋顶铺满光伏板", "在某某园区，屋顶铺满了光伏板。", NULL};
    l = glued_page(x);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, "屋顶铺满光伏板"), "subhead");
    assert_int_not_equal(strcmp(kind_of(&l, "源头减排"), "headline"), 0);
    block_list_free(&l);
    assert_string_equal(kind_on_page(x, "源头减排"), "headline");
    /* A speaker heading between the text and the heading lines. */
    const char *const v[] = {
        "某某通道回应关切", "本报记者 张某", "上午，某某通道开启。",
        "某某部部长王某——", "某某强国建设迈出坚实步伐", "关键词",
        "某某为民", "“今年将重点办好三件实事。”", NULL};
    l = glued_page(v);
    blocks_classify(&l);
    for (size_t i = 0; i < l.n; i++)
        assert_int_not_equal(l.v[i].kind == BLOCK_HEADLINE && i > 0, 1);
    block_list_free(&l);
}

/* A page printing a paragraph a line parts its pieces by a blank line: a
   title set apart above text that follows it directly heads a new piece,
   with no byline, lead or stamp.  Not so a heading glued in the text, one
   standing between two blank lines, or on a page whose paragraphs are all
   parted by blank lines. */
static void blocks_set_apart_title_heads_a_piece(void **state)
{
    (void)state;
    const char *const t[] = {
        "某市推进老旧小区改造", "本报某市5月6日电（记者张某）今年以来，某市加快改造。",
        "居民说，楼道亮了，心里也亮了。", "",
        "春耕时节农机忙", "眼下正是春耕关键期。",
        "某县农机合作社的二十台拖拉机全部出动。", "",
        "图片报道", "某地群众在广场上参加迎春活动。",
        "图为活动现场。", NULL};
    block_list l = lined_page(t);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, "春耕时节农机忙"), "headline");
    assert_string_equal(kind_of(&l, "图片报道"), "headline");
    block_list_free(&l);
    /* A feed's title may join kicker, title and deck into one long line,
       longer than any heading; set apart over its lead or its ■ summary
       lines, it still heads its piece. */
    const char *const lt[] = {
        "某某会议在京召开", "本报北京5月6日电（记者张某）会议今天召开。",
        "会议指出，要抓好落实。", "会议强调，要压实责任。", "",
        "某某主持召开某某委员会全体会议  听取某某工作情况汇报，研究部署"
        "某某领域改革有关工作，审议通过《某某规划》和《某某条例（草案）》"
        "和《某某办法（修订草案）》，决定核准某某项目等四个项目",
        "新华社北京5月6日电  某某主持召开会议。",
        "会议指出，要抓好落实。", "会议强调，要压实责任。", "",
        "某某在某某座谈会上强调  坚持某某方针  推动某某事业高质量发展",
        "■ 要坚持某某方针", "会议在某地举行。", "会议由某某主持。", NULL};
    l = lined_page(lt);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, lt[5]), "headline");
    assert_string_equal(kind_of(&l, lt[10]), "headline");
    block_list_free(&l);
    /* Must not fire: the same long line glued in the text, or ending its
       sentence, is text. */
    const char *const lu[] = {
        "某某会议在京召开", "本报北京5月6日电（记者张某）会议今天召开。",
        "会议听取某某工作情况汇报，研究部署某某领域改革有关工作，审议通过"
        "《某某规划》和《某某条例（草案）》，决定核准某某项目等四个项目",
        "会议指出，要抓好落实。", "",
        "会议听取某某工作情况汇报，研究部署某某领域改革有关工作，审议通过"
        "《某某规划》和《某某条例（草案）》，决定核准某某项目等五个项目。",
        "会议指出，要抓好落实。", NULL};
    l = lined_page(lu);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, lu[2]), "body");
    assert_string_equal(kind_of(&l, lu[5]), "body");
    block_list_free(&l);
    /* A box after the page's last text, set apart by a blank line (a
       feed page's contents box: 导读, its stamp, its entries), heads a
       piece of its own; short lines glued under the last text, or a
       lone line set apart at the end, head nothing. */
    const char *const bx[] = {
        "春耕时节农机忙", "眼下正是春耕关键期。", "合作社的拖拉机全部出动。", "",
        "导读", "2026年01月05日", "某某科考船", "在海底探寻宝藏", "第六版",
        NULL};
    l = lined_page(bx);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, "导读"), "headline");
    block_list_free(&l);
    const char *const bn[] = {
        "春耕时节农机忙", "眼下正是春耕关键期。", "合作社的拖拉机全部出动。",
        "编辑手记", "文章原文", "", "责任单位", NULL};
    l = lined_page(bn);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, "编辑手记"), "body");
    assert_int_not_equal(strcmp(kind_of(&l, "责任单位"), "headline"), 0);
    block_list_free(&l);
    /* Must not fire: a subhead glued between paragraphs. */
    const char *const u[] = {
        "某市推进老旧小区改造", "本报某市5月6日电（记者张某）今年以来，某市加快改造。",
        "居民说，楼道亮了，心里也亮了。", "加装电梯惠及万户",
        "今年全市新装电梯三百部。", NULL};
    l = lined_page(u);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, "加装电梯惠及万户"), "subhead");
    block_list_free(&l);
    /* Must not fire: a subhead between two blank lines. */
    const char *const v[] = {
        "某市推进老旧小区改造", "本报某市5月6日电（记者张某）今年以来，某市加快改造。",
        "居民说，楼道亮了，心里也亮了。", "", "加装电梯惠及万户", "",
        "今年全市新装电梯三百部。", "电梯运行平稳。", NULL};
    l = lined_page(v);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, "加装电梯惠及万户"), "subhead");
    block_list_free(&l);
    /* Must not fire: every paragraph parted by a blank line, so a blank
       line says nothing. */
    const char *const w[] = {
        "某市推进老旧小区改造", "本报某市5月6日电（记者张某）今年以来，某市加快改造。",
        "居民说，楼道亮了，心里也亮了。", "加装电梯惠及万户",
        "今年全市新装电梯三百部。", NULL};
    assert_string_equal(kind_on_page(w, "加装电梯惠及万户"), "subhead");
}

/* A short label right under a headline's stamp, over text (读者关切,
   人物小传), labels that headline's text; it opens no piece.  A short
   headline under a stamp that no headline owns (a page's date line at
   the top) still heads its piece. */
static void blocks_label_under_stamped_headline(void **state)
{
    (void)state;
    const char *const t[] = {
        "某某问题如何解决（政策问答）", "2026年01月05日", "读者来信",
        "我家住在某县，想问问补贴怎么领？", "有关部门负责人介绍了办法。", NULL};
    block_list l = page(t);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, t[0]), "headline");
    assert_string_equal(kind_of(&l, "读者来信"), "kicker");
    block_list_free(&l);
    const char *const u[] = {"2026年01月05日", "春运开启",
                             "今天起，全国春运正式开始。",
                             "铁路部门加开列车。", NULL};
    assert_string_equal(kind_on_page(u, "春运开启"), "headline");
    /* Must not fire on a longer title under the stamp: two heading lines. */
    const char *const v[] = {
        "某某问题如何解决", "2026年01月05日", "某县推出十项便民举措",
        "本报某县1月4日电（记者张某）今年以来，某县推出举措。", NULL};
    assert_string_equal(kind_on_page(v, "某县推出十项便民举措"), "headline");
}

/* A guest list's entries (a name, spaces, then a role or titles) are
   lines about the piece: never subheads, and each stays a line of its own
   (not joined to the next as a paragraph stopping mid-sentence).  A name
   and a phrase that is no role or title is still a heading. */
static void blocks_guest_entries_are_no_subheads(void **state)
{
    (void)state;
    const char *const t[] = {
        "为某某发展系好安全带（连线）", "本报记者 张某",
        "如何看待某某技术带来的变化？", "对话嘉宾：",
        "王某某  全国人大代表、某某大学法学院院长",
        "赵  某  全国政协委员、某某集团创始人",
        "记  者：某某技术带来哪些问题？",
        "王某某：某某技术带来了新的挑战。", NULL};
    block_list l = glued_page(t);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, t[4]), "body");
    assert_string_equal(kind_of(&l, t[5]), "body");
    assert_false(l.v[find_text(&l, t[4])].flags & BLOCK_F_OPEN_END);
    block_list_free(&l);
    const char *const u[] = {
        "某村发展特色产业", "本报记者 张某", "村里的产业越来越红火。",
        "村民们说，日子越过越好。", "王某某  带领村民走上致富路",
        "十年前，王某某回到村里。", NULL};
    l = glued_page(u);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, u[4]), "subhead");
    block_list_free(&l);
}

/* A column name with two Latin words (两会观察 Two Sessions) is a banner;
   a clause naming brands (某某在一年内，通过 IPO 募集资金) is not, and the
   list lines glued under it stay in the text instead of heading a piece. */
static void blocks_latin_words_banner_or_clause(void **state)
{
    (void)state;
    const char *const t[] = {"两会观察 Two Sessions", "某某会议今天开幕",
                             "本报记者 张某", "会议今天开幕。", NULL};
    assert_string_equal(kind_on_page(t, t[0]), "banner");
    const char *const u[] = {
        "某公司再不上市就难了", "某公司已经走过了十个年头。",
        "综合业界的预测，有下面几种可能：", "某公司耗尽资金后破产",
        "Acme 在一年内，通过 IPO 募集资金", "泡沫破裂，Acme 得到救助",
        "以上几种情况的组合", "当然，这些预测大多偏负面。", NULL};
    block_list l = glued_page(u);
    blocks_classify(&l);
    assert_string_not_equal(kind_of(&l, u[4]), "banner");
    for (size_t i = 1; i < l.n; i++)
        assert_int_not_equal(l.v[i].kind, BLOCK_HEADLINE);
    block_list_free(&l);
    /* a line naming someone in Latin letters that introduces their words
       (某机构分析师Tom Price表示：) is text, not a column name */
    const char *const w[] = {"某某会议今天开幕", "本报记者 张某",
                             "市场今天大幅波动。", "某机构分析师Tom Price表示：",
                             "“市场认为价格还会上涨。”", NULL};
    assert_string_not_equal(kind_on_page(w, w[3]), "banner");
}

/* Credits and notes of a page are never headlines: the production's
   credits (本版责编：…, 版式设计：…, 编辑丨…), a role and names (摄像丨…),
   a chart's source (数据来源：…), lines about the piece (字数 835字,
   本文来源：…) which a headline above them looks past, and short lines
   after the page's last text. */
static void blocks_credits_and_notes(void **state)
{
    (void)state;
    static const line_case editor[] = {
        {"本版责编：张某  李某某", true},
        {"版式设计：王某某", true},
        {"编辑丨赵某", true},
        {"监制/李某  主编/张某某", true},
        {"©某某新闻", true},
        {"编辑部：今年将推出新栏目", false},
        /* several pages' credits on one line, names letter-spaced */
        {"一版责编：张  某  李某某  二版责编：王  某  赵某某", true},
        {"A3版编辑：张某", true},
        {"制图：王某某", true},
        {"本版制图：王某某", true},
        {"一版要闻：今年将推出新栏目", false},
        {"本版责编  张某某  李  某", true},
        {"编辑  出版了一部新的词典", false},
        {"制图软件今年升级", false},
        /* a copyright notice, letter-spaced or not */
        {"某 某 网 版 权 所 有 ，未 经 书 面 授 权 禁 止 使 用", true},
        {"Copyright © 1997-2026 by www.example.com all rights reserved", true},
        {"作品版权所有人依法享有署名权。", false},
    };
    check_line_cases(editor, sizeof editor / sizeof *editor, "editor");
    static const line_case byline[] = {
        {"摄像丨朱某某", true},
        {"作者：本报记者 张某", true},
        {"某某台记者/张某某 陈某 马某", true},
        {"某某台记者/请问代表如何看待", false},
        {"摄像机：某某型号", false},
        {"作者简介：某某大学教授", false},
        /* the note on the author, in either kind of bracket */
        {"（作者系某某大学教授）", true},
        {"〔作者系某某研究院（某某学院）副院长〕", true},
        {"〔某某研究院副院长谈某某〕", false},
    };
    check_line_cases(byline, sizeof byline / sizeof *byline, "byline");
    static const line_case caption[] = {
        {"数据来源：某某统计局", true},
        {"某某代表团开放日现场，张某代表正在发言。王某某摄", true},
        {"开放日现场，张某代表正在发言。某某日报记者  王某摄（某某图片社）",
         true},
        {"会议今天举行。本报记者 张某", false},
        {"这张照片是王某摄", false},
        {"数据来源于某某统计局", false},
        {"某某会议召开之际，某社推出微视频《某某》，图选自视频中的画面。",
         true},
        {"他说，这些选自视频的画面令人难忘。", false},
        {"某模型分析结果 图源｜某某网", true},
        {"某模型在多个领域的最新评分｜图源：某公司", true},
        {"这些图书的来源很广", false},
    };
    check_line_cases(caption, sizeof caption / sizeof *caption, "caption");
    /* A short paragraph over a photo credit is its caption; one over a
       reporter's byline is text. */
    const char *const cap[] = {"某某产品走俏海外", "本报记者 张某",
                               "某某研发中心的工程师在工作。",
                               "新华社记者  王某某摄", "今年以来，出口增长。",
                               "会议今天举行。", "本报记者 李某",
                               "“很满意。”王某说。", "新华社记者  赵某摄",
                               NULL};
    assert_string_equal(kind_on_page(cap, cap[2]), "caption");
    assert_string_equal(kind_on_page(cap, cap[5]), "body");
    assert_string_equal(kind_on_page(cap, cap[7]), "body");
    static const line_case body[] = {
        {"字数 835字", true},
        {"▌本文来源：某某公众号（ID：abc）", true},
        {"嘉  宾：某某大学研究院院长  张  某", true},
        {"来源于生活的艺术", false},
    };
    check_line_cases(body, sizeof body / sizeof *body, "body");
    const char *const t[] = {
        "某地举行某某会议", "会议今天举行。", "某某学会年会在某地召开",
        "字数 835字", "《某某时报》（ 2026年07月17日  第 09 版 ）",
        "本报讯 年会今天召开。", "©某某新闻", "监制/李某  主编/张某", NULL};
    block_list l = page(t);
    blocks_classify(&l);
    assert_string_equal(kind_of(&l, t[2]), "headline");
    assert_string_equal(kind_of(&l, t[6]), "editor");
    assert_string_equal(kind_of(&l, t[7]), "editor");
    block_list_free(&l);
    /* A page of headlines and bylines only has no text to end. */
    const char *const u[] = {"某市推进某某工作", "本报记者 张某",
                             "某县召开某某会议", "本报记者 李某", NULL};
    assert_string_equal(kind_on_page(u, u[2]), "headline");
}

/* Over a stamp, a heading line ending in a dash introduces the line under
   it: it is the kicker, the next line the headline. */
static void blocks_dash_line_is_a_kicker(void **state)
{
    (void)state;
    const char *const t[] = {
        "某地举行某某会议", "会议今天举行。",
        "某某部门负责人解读工作报告——", "既跳起来摸高  又稳得住步伐",
        "《某某日报》（2026年03月06日第 02 版）", "本报北京3月5日电  记者获悉。",
        NULL};
    assert_string_equal(kind_on_page(t, t[2]), "kicker");
    assert_string_equal(kind_on_page(t, t[3]), "headline");
}

/* A long headline (a meeting's full name) heads a story right above its
   stamp or lead, or opening the page as a title and subtitle; inside the
   text, or continuing a paragraph that stopped mid-sentence, a long line
   without a full stop is text. */
static void blocks_long_headlines(void **state)
{
    (void)state;
    const char *const longline =
        "某某学会某某专业委员会成立四十周年学术研讨会暨二〇二六年年会在某省某市"
        "某区隆重召开并发布倡议";
    const char *const t[] = {
        "某地举行某某会议", "会议今天举行。", longline, "字数 839字",
        "《某某时报》（ 2026年07月17日  第 09 版 ）",
        "本报讯 年会今天召开。", NULL};
    assert_string_equal(kind_on_page(t, longline), "headline");
    const char *const u[] = {"某地举行某某会议", "会议今天举行。", longline,
                             "与会代表一致表示，将以此次会议为契机。", NULL};
    assert_string_equal(kind_on_page(u, longline), "body");
    const char *const v[] = {"某地举行某某会议", "为引导某某健康有序发展，营",
                             longline, "本报记者 张某", "会议今天举行。",
                             NULL};
    assert_string_not_equal(kind_on_page(v, longline), "headline");
    const char *const w[] = {
        "对话某某公司创始人张某：不做模仿，不走捷径，一家公司的判断",
        "去年11月，本刊曾报道这家公司。", NULL};
    assert_string_equal(kind_on_page(w, w[0]), "headline");
    const char *const x[] = {
        "造公平公正的市场环境，由行业协会组织企业开展自律，优选第三方企业进行",
        "本市今年还将推进某某工作。", NULL};
    assert_string_not_equal(kind_on_page(x, x[0]), "headline");
}

/* The title of a box of short pieces (a heading, a stamp, then a piece's
   speaker line and headline) is a banner over them, not an article; a
   headline over its own text is not. */
static void blocks_box_title_is_a_banner(void **state)
{
    (void)state;
    const char *const t[] = {
        "某地举行某某会议", "会议今天举行。", "（本报记者王某整理）",
        "树立正确观念大家谈", "《某某日报》（2026年03月05日第 10 版）",
        "张某某委员——", "调查研究既看高楼又看胡同",
        "“必须立足实际。”张某某委员说。", "（本报记者李某整理）", NULL};
    assert_string_equal(kind_on_page(t, "树立正确观念大家谈"), "banner");
    assert_string_equal(kind_on_page(t, "调查研究既看高楼又看胡同"), "headline");
    const char *const u[] = {
        "某地举行某某会议", "会议今天举行。", "（本报记者王某整理）",
        "树立正确观念大家谈", "《某某日报》（2026年03月05日第 10 版）",
        "“必须立足实际。”张某某委员说。", NULL};
    assert_string_equal(kind_on_page(u, "树立正确观念大家谈"), "headline");
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(blocks_markup_markers_are_stripped),
    cmocka_unit_test(blocks_byline_forms),
    cmocka_unit_test(blocks_box_marked_byline),
    cmocka_unit_test(blocks_speaker_heading_forms),
    cmocka_unit_test(blocks_page_furniture),
    cmocka_unit_test(blocks_headline_versus_subhead),
    cmocka_unit_test(blocks_speaker_section_title_versus_new_article),
    cmocka_unit_test(blocks_kicker_deck_and_stamp),
    cmocka_unit_test(blocks_indented_paragraphs),
    cmocka_unit_test(blocks_fragments_are_body),
    cmocka_unit_test(blocks_no_open_end_before_a_label),
    cmocka_unit_test(blocks_labels_and_column_names),
    cmocka_unit_test(blocks_trailing_credits_split_off),
    cmocka_unit_test(blocks_ascii_punctuation_folds_for_parsing),
    cmocka_unit_test(blocks_wrapped_heading_lines_merge),
    cmocka_unit_test(blocks_helpers),
    cmocka_unit_test(blocks_furniture_facts_are_handed_on),
    cmocka_unit_test(blocks_stamped_and_worded_bylines),
    cmocka_unit_test(blocks_broadcast_items_and_questions),
    cmocka_unit_test(blocks_pieces_under_speaker_lines),
    cmocka_unit_test(blocks_glued_heading_pairs_are_subheads),
    cmocka_unit_test(blocks_credits_and_notes),
    cmocka_unit_test(blocks_set_apart_title_heads_a_piece),
    cmocka_unit_test(blocks_label_under_stamped_headline),
    cmocka_unit_test(blocks_guest_entries_are_no_subheads),
    cmocka_unit_test(blocks_latin_words_banner_or_clause),
    cmocka_unit_test(blocks_dash_line_is_a_kicker),
    cmocka_unit_test(blocks_long_headlines),
    cmocka_unit_test(blocks_box_title_is_a_banner),
    cmocka_unit_test(blocks_kind_names_read_back),
    cmocka_unit_test(blocks_furniture_word_lists),
    cmocka_unit_test(blocks_empty_and_odd_input),
    cmocka_unit_test(blocks_headline_printed_after_its_text),
    cmocka_unit_test(blocks_surnames_where_a_name_is_expected),
    cmocka_unit_test(blocks_masthead_paper_endings),
    cmocka_unit_test(blocks_kicker_ends_in_speech),
    cmocka_unit_test(blocks_speaker_headings_from_the_one_parser),
};
const test_suite blocks_suite = {tests, SUITE_LEN(tests)};
