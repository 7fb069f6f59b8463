/* test_paragraphs.c - stage 3: normalised text in, paragraphs out.
 *
 * Small synthetic pages cover each rule; the real corpus pages check that
 * the hard-wrapped page 003 is rejoined and that pages with one paragraph
 * per line come out exactly as they went in.
 */
#include "test.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistr.h>

#include "decode.h"
#include "normalize.h"
#include "paragraphs.h"

/* Decode and normalise bytes as the parser does; returns the text. */
static char *prepare(const char *bytes, size_t n)
{
    decoded_text d;
    strbuf msg = {0};
    decode_status st = text_decode(bytes, n, &d, &msg);
    if (st != DECODE_OK)
        fail_msg("decode failed: %s", msg.s ? msg.s : "?");
    sb_free(&msg);
    char *text = text_normalize(d.text, d.len, NULL);
    free(d.text);
    return text;
}

/* Run a corpus file (path) through decode, normalise and split. */
static char *split_file(const char *path, block_list *blocks)
{
    size_t n;
    char *bytes = test_read_file(path, &n);
    char *text = prepare(bytes, n);
    free(bytes);
    paragraphs_split(text, blocks);
    return text;
}

/* Index of the block whose text is exactly s, or -1. */
static long find_block(const block_list *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i].text, s) == 0)
            return (long)i;
    return -1;
}

/* Index of the first block whose text starts with prefix, or -1. */
static long find_prefix(const block_list *l, const char *prefix)
{
    for (size_t i = 0; i < l->n; i++)
        if (strncmp(l->v[i].text, prefix, strlen(prefix)) == 0)
            return (long)i;
    return -1;
}

/* Does s end with suffix? */
static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static void paragraphs_one_per_line(void **state)
{
    (void)state;
    block_list l = {0};
    paragraphs_split("第一段。\n\n第二段。\n第三段\n\n\n", &l);
    assert_int_equal(l.n, 3);
    assert_string_equal(l.v[0].text, "第一段。");
    assert_int_equal(l.v[0].line, 1);
    assert_string_equal(l.v[1].text, "第二段。");
    assert_int_equal(l.v[1].line, 3);
    assert_string_equal(l.v[2].text, "第三段");
    assert_int_equal(l.v[2].line, 4);
    for (size_t i = 0; i < l.n; i++) {
        assert_int_equal(l.v[i].kind, BLOCK_BODY);
        assert_int_equal(l.v[i].flags & BLOCK_F_HARDWRAP, 0);
    }
    block_list_free(&l);

    paragraphs_split("", &l);
    assert_int_equal(l.n, 0);
    paragraphs_split("\n \n\xE3\x80\x80\n", &l);
    assert_int_equal(l.n, 0);
}

static void paragraphs_trim_indentation(void **state)
{
    (void)state;
    block_list l = {0};
    paragraphs_split("　　新华社北京4月27日电　　\n"
                     "  leading and trailing spaces go from every line  \n"
                     "no newline at the end",
                     &l);
    assert_int_equal(l.n, 3);
    assert_string_equal(l.v[0].text, "新华社北京4月27日电");
    assert_string_equal(l.v[1].text,
                        "leading and trailing spaces go from every line");
    assert_string_equal(l.v[2].text, "no newline at the end");
    assert_int_equal(l.v[2].line, 3);
    block_list_free(&l);
}

/* The synthetic page: paragraphs and a two-line headline (entries 2, 3). */
static const char *const synthetic[] = {
    "春天来了，城市里的公园开满了鲜花，许多市民带着孩子出门散步，享受温暖的阳"
    "光和清新的空气。",
    "据介绍，今年全市将新建和改造公园绿地二百余处，让居民出门就能看到绿色。",
    "绿色发展",
    "公园城市建设提速",
    "在城市的东南部，一片废弃的工业用地正在变成湿地公园，工人们正在抓紧施工，"
    "预计年底前向公众开放。",
    "“我们希望每一位市民都能在家门口找到一片绿地。”相关负责人说。",
    "短短几年间，这座城市的绿化覆盖率提高了近十个百分点，空气质量也随之明显改"
    "善。",
};
#define SYNTHETIC_N (sizeof synthetic / sizeof synthetic[0])

/* How the synthetic page is laid out. */
typedef enum {
    BLANK_AFTER_EVERY_LINE, /* like corpus page 003 */
    NO_BLANK_LINES,
    BLANK_BETWEEN_PARAGRAPHS
} wrap_style;

/* Punctuation that print hangs at the end of a line instead of starting
   the next line with it. */
static int hangs(ucs4_t uc)
{
    static const ucs4_t marks[] = {0xFF0C, 0x3002, 0x3001, 0xFF1A, 0xFF1B,
                                   0xFF01, 0xFF1F, 0x201D, 0};
    for (const ucs4_t *m = marks; *m; m++)
        if (*m == uc)
            return 1;
    return 0;
}

/* Hard-wrap the synthetic page like a newspaper column: 16 characters a
   line, the first line of a paragraph 2 characters shorter (the indent)
   or indented with two U+3000 when indent is set.  Headlines are not
   wrapped.  first_line[i] receives the source line of entry i. */
static char *wrap_synthetic(wrap_style style, int indent, int *first_line)
{
    strbuf sb = {0};
    int line = 1;
    for (size_t i = 0; i < SYNTHETIC_N; i++) {
        first_line[i] = line;
        const char *p = synthetic[i];
        if (i == 2 || i == 3) { /* the headline: two lines, no gap */
            sb_printf(&sb, "%s\n", p);
            line++;
            if (i == 3 && style != NO_BLANK_LINES) {
                sb_puts(&sb, "\n");
                line++;
            }
            continue;
        }
        int cap = 14, count = 0;
        if (indent)
            sb_puts(&sb, "　　");
        while (*p) {
            ucs4_t uc;
            int len = u8_mbtouc(&uc, (const uint8_t *)p, strlen(p));
            if (count == cap && !hangs(uc)) {
                sb_puts(&sb, style == BLANK_AFTER_EVERY_LINE ? "\n\n" : "\n");
                line += style == BLANK_AFTER_EVERY_LINE ? 2 : 1;
                count = 0;
                cap = 16;
            }
            sb_append(&sb, p, (size_t)len);
            p += len;
            count++;
        }
        sb_puts(&sb, style == NO_BLANK_LINES ? "\n" : "\n\n");
        line += style == NO_BLANK_LINES ? 1 : 2;
    }
    return sb_take(&sb);
}

/* Wrap the synthetic page, split it and check every paragraph. */
static void check_synthetic(wrap_style style, int indent)
{
    int first_line[SYNTHETIC_N];
    char *text = wrap_synthetic(style, indent, first_line);
    block_list l = {0};
    paragraphs_split(text, &l);
    if (l.n != SYNTHETIC_N)
        fail_msg("style %d indent %d: %zu blocks, wanted %zu:\n%s", style,
                 indent, l.n, SYNTHETIC_N, text);
    for (size_t i = 0; i < SYNTHETIC_N; i++) {
        assert_string_equal(l.v[i].text, synthetic[i]);
        assert_int_equal(l.v[i].line, first_line[i]);
        int wrapped = i != 2 && i != 3;
        assert_int_equal(!!(l.v[i].flags & BLOCK_F_HARDWRAP), wrapped);
    }
    block_list_free(&l);
    free(text);
}

static void paragraphs_rejoin_blank_after_every_line(void **state)
{
    (void)state;
    check_synthetic(BLANK_AFTER_EVERY_LINE, 0);
    check_synthetic(BLANK_AFTER_EVERY_LINE, 1);
}

static void paragraphs_rejoin_without_blank_lines(void **state)
{
    (void)state;
    check_synthetic(NO_BLANK_LINES, 0);
    check_synthetic(NO_BLANK_LINES, 1);
}

static void paragraphs_rejoin_blank_between_paragraphs(void **state)
{
    (void)state;
    check_synthetic(BLANK_BETWEEN_PARAGRAPHS, 0);
    check_synthetic(BLANK_BETWEEN_PARAGRAPHS, 1);
}

static void paragraphs_rejoin_latin_with_spaces(void **state)
{
    (void)state;
    block_list l = {0};
    paragraphs_split("Hard-wrapped English text keeps its words\n"
                     "whole, so a line ends where a word ended\n"
                     "and the next line starts with a new word.\n"
                     "\n"
                     "A second paragraph follows after a blank\n"
                     "line and must stay separate from the first\n"
                     "one.\n",
                     &l);
    assert_int_equal(l.n, 2);
    assert_string_equal(l.v[0].text,
                        "Hard-wrapped English text keeps its words whole, so "
                        "a line ends where a word ended and the next line "
                        "starts with a new word.");
    assert_string_equal(l.v[1].text,
                        "A second paragraph follows after a blank line and "
                        "must stay separate from the first one.");
    assert_int_equal(l.v[1].line, 5);
    block_list_free(&l);
}

static void paragraphs_never_join_unwrapped_lines(void **state)
{
    (void)state;
    /* Long paragraphs, short sentences and list items of similar widths:
       nothing here is hard-wrapped. */
    const char *text =
        "　　新华社北京4月27日电 十四届全国人大常委会第二十二次会议27日下午在北"
        "京人民大会堂举行第一次全体会议。\n"
        "　　一把铁锹培新土，一柄锄头映初心。\n"
        "　　砥砺初心，持之以恒。\n"
        "　　常委会组成人员151人出席会议，出席人数符合法定人数。\n"
        "- 打造世界主要科学中心和创新高地\n"
        "- 推动国家实验室高质量运行一批项\n"
        "- 大力建设世界领先科技园区的体系\n"
        "开 启 首 都 现 代 化 建 设 新 航 程\n";
    block_list l = {0};
    paragraphs_split(text, &l);
    assert_int_equal(l.n, 8);
    for (size_t i = 0; i < l.n; i++)
        assert_int_equal(l.v[i].flags & BLOCK_F_HARDWRAP, 0);
    assert_string_equal(l.v[1].text, "一把铁锹培新土，一柄锄头映初心。");
    block_list_free(&l);
}

/* Headings printed one under another, of the same width and without a
   mark of punctuation (a transcript's items that have no text), are no
   wrapped paragraph; wrapped lines of a sentence, with a comma among
   them, still join (invented). */
static void paragraphs_unpunctuated_headings_stay_apart(void **state)
{
    (void)state;
    const char *text =
        "某市某届人大某次会议主席团举行第三次会议\n"
        "\n"
        "某市某届人大某次会议主席团举行第四次会议\n"
        "\n"
        "某省人民政府同某国某州政府互致贺电祝贺\n"
        "\n"
        "某台消息：某省今天同某国某州互致贺电，双方表示愿意在经贸、人文等领域"
        "深化合作，推动友好关系不断向前发展。\n";
    block_list l = {0};
    paragraphs_split(text, &l);
    assert_int_equal(l.n, 4);
    assert_string_equal(l.v[0].text, "某市某届人大某次会议主席团举行第三次会议");
    assert_string_equal(l.v[1].text, "某市某届人大某次会议主席团举行第四次会议");
    for (size_t i = 0; i < l.n; i++)
        assert_int_equal(l.v[i].flags & BLOCK_F_HARDWRAP, 0);
    block_list_free(&l);
    /* the same widths with a comma among them: a wrapped sentence */
    paragraphs_split("会议听取了关于某某条例草案的说明和有关\n"
                     "\n"
                     "情况的汇报，审议了关于某某事项的决定草\n"
                     "\n"
                     "案，决定将这些草案提请大会全体会议表决\n"
                     "\n"
                     "通过。\n",
                     &l);
    assert_int_equal(l.n, 1);
    assert_true(ends_with(l.v[0].text, "表决通过。"));
    assert_true(l.v[0].flags & BLOCK_F_HARDWRAP);
    block_list_free(&l);
}

/* A line opening a lead (某某网消息：…) starts a paragraph even where the
   line before it is as wide as the page's wrapped lines. */
static void paragraphs_lead_starts_a_paragraph(void **state)
{
    (void)state;
    const char *text =
        "某某网消息：代表委员今天上午陆续抵京，将出席会议。\n"
        "各地代表团驻地做好了服务保障工作，迎接代表委\n"
        "员们的到来，代表委员们表示将认真履职尽责工作\n"
        "3. 奋进新征程！代表委员谈发展高质量发展新举措\n"
        "某某网消息：代表委员们表示，要坚定信心推动发展\n"
        "各地代表团驻地做好了服务保障工作，迎接代表委\n"
        "员们的到来，代表委员们表示将认真履职尽责。\n";
    block_list l = {0};
    paragraphs_split(text, &l);
    int leads = 0;
    for (size_t i = 0; i < l.n; i++)
        leads += strncmp(l.v[i].text, "某某网消息", strlen("某某网消息")) == 0;
    assert_int_equal(leads, 2);
    block_list_free(&l);
}

/* A headline, its deck (——…) and a publication stamp printed on three
   lines of about the same width are three paragraphs, not one wrapped
   one: the stamp starts a paragraph of its own, so the three lines are no
   run of wrapped lines. */
static void paragraphs_heading_deck_and_stamp_stay_apart(void **state)
{
    (void)state;
    const char *text =
        "构建“某某建设性战略稳定关系”是最重要政治共识\n"
        "——某某元首会晤是一次历史性会晤，达成丰富成果\n"
        "《某某日报》（2026年05月16日 第 01 版）\n"
        "　　某某社北京5月15日电  应邀来访的客人今天抵达北京，开始为期三天的访问。\n"
        "　　一、双方将就共同关心的问题深入交换意见，各界高度关注此次访问。\n"
        "　　二、会晤达成了丰富成果，为两国关系发展指明了方向和路径。\n";
    block_list l = {0};
    paragraphs_split(text, &l);
    assert_int_equal(l.n, 6);
    assert_string_equal(l.v[1].text,
                        "——某某元首会晤是一次历史性会晤，达成丰富成果");
    block_list_free(&l);
}

/* A kicker, a headline and a byline with a publication stamp printed on
   lines of like width stay three paragraphs: a byline line starts a
   paragraph of its own. */
static void paragraphs_byline_starts_a_paragraph(void **state)
{
    (void)state;
    const char *text =
        "某省某市加强预报预警、加紧烘干入仓，小麦收割近九成\n"
        "“抢收窗口期不到三天，必须利用好”（某某进行时·防汛保丰收）\n"
        "本报记者  张  某 《某某日报》（2026年05月26日 第 03 版）\n"
        " 　　5月21日，夜色渐浓，某省某市某县某镇某村种粮大户王某某眉头紧锁。"
        "从下午1点开始，两台收割机不停作业，已抢收70多亩小麦，还剩一半。\n"
        "　　“天气预报说明天有雨，只剩今晚这个抢收窗口，没照明咋收？”"
        "王某某试着拨通了供电部门的电话。\n"
        "　　不到一小时，赶到田边的供电人员支起移动应急灯，操控一架系缆式照明"
        "无人机升空。\n";
    block_list l = {0};
    paragraphs_split(text, &l);
    assert_int_equal(l.n, 6);
    assert_int_equal(l.v[2].line, 3);
    block_list_free(&l);
}

static void paragraphs_corpus_003_is_rejoined(void **state)
{
    (void)state;
    block_list l = {0};
    char *text = split_file(
        test_src_path("assets/corpus/003_fd34653d609bdb42.txt"), &l);

    long i = find_block(&l, "北京，中华文明的金名片。");
    assert_true(i >= 0);
    assert_int_equal(l.v[i].line, 27);

    long p = find_prefix(&l, "100年间，她从一个辉煌壮丽又满目");
    assert_true(p == i + 1);
    assert_string_equal(
        l.v[p].text,
        "100年间，她从一个辉煌壮丽又满目疮痍的历史古城，变为繁花似锦、气象万千"
        "的大国首都，综合实力跃居世界大都市前列。首都北京的变迁，正是中国共产党"
        "为民族复兴不懈奋斗伟大历程的历史见证。");
    assert_int_equal(l.v[p].line, 29);
    assert_true(l.v[p].flags & BLOCK_F_HARDWRAP);
    assert_true(find_prefix(&l, "党的十八大以来，习近平总书记先后9次") == p + 1);

    /* Headlines inside the wrapped region stay on their own. */
    static const char *const headlines[] = {
        "转型发展", "挥洒绿色最美底色", "保护老城", "科创中心",
        "北京市46项民生政策", "将首次集中“体检”", "“白菜心”：创新攻关破解",
        "关键技术难题", "□ 朱竞若 贺 勇 王昊男", "□ 曹 政", "（张 骁）",
        "北京亦庄崛起世界级先进制造业集群"};
    for (size_t k = 0; k < sizeof headlines / sizeof headlines[0]; k++)
        if (find_block(&l, headlines[k]) < 0)
            fail_msg("headline %s is not its own block", headlines[k]);
    long h = find_block(&l, "转型发展");
    assert_int_equal(l.v[h].line, 63);
    assert_true(find_prefix(&l, "2021年初，首都北京交出了一份") == h + 2);
    h = find_block(&l, "关键技术难题");
    assert_true(find_prefix(&l, "把小米粒大小的鼠脑切成1000片，") == h + 1);
    h = find_block(&l, "将首次集中“体检”");
    long lead = find_prefix(&l, "本报讯 根据北京市财政局近日制定的");
    assert_true(lead == h + 1);
    assert_int_equal(l.v[lead].line, 420);
    assert_true(ends_with(l.v[lead].text, "46项市级民生政策开展绩效评价。"));

    /* A quotation that ends one line and a speaker's paragraph. */
    long q = find_prefix(&l, "“为了增强我市工业发展后劲，");
    assert_true(q >= 0);
    assert_true(ends_with(l.v[q].text, "“揭秘”了亦庄工业小区如何从无到有。"));

    /* No paragraph of the wrapped page is implausibly long, every block
       is short of a few hundred characters, and most were rejoined. */
    size_t wrapped = 0;
    for (size_t k = 0; k < l.n; k++) {
        size_t chars = u8_mbsnlen((const uint8_t *)l.v[k].text,
                                  strlen(l.v[k].text));
        if (chars > 300)
            fail_msg("block at line %d has %zu characters", l.v[k].line,
                     chars);
        wrapped += (l.v[k].flags & BLOCK_F_HARDWRAP) != 0;
    }
    assert_true(l.n >= 60 && l.n <= 90);
    assert_true(wrapped >= 40);

    /* Nothing was lost or duplicated: the blocks hold every character of
       the page's lines, in order. */
    strbuf all = {0}, joined = {0};
    for (const char *s = text; *s; s++)
        if (*s != '\n' && *s != ' ')
            sb_putc(&all, *s);
    for (size_t k = 0; k < l.n; k++)
        for (const char *s = l.v[k].text; *s; s++)
            if (*s != ' ')
                sb_putc(&joined, *s);
    assert_string_equal(joined.s, all.s);
    sb_free(&all);
    sb_free(&joined);
    block_list_free(&l);
    free(text);
}

/* Is s[0..n) a trimmable space at its start?  Returns its length. */
static size_t space_at(const char *s, size_t n)
{
    if (n >= 1 && s[0] == ' ')
        return 1;
    if (n >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0)
        return 3;
    return 0;
}

/* Check that a page with one paragraph per line comes out as one block
   per non-blank line, trimmed, with its line number. */
static void check_one_per_line(const char *path)
{
    block_list l = {0};
    char *text = split_file(path, &l);
    size_t k = 0;
    int line = 1;
    for (const char *p = text; *p; line++) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p), sp;
        const char *s = p, *e = p + n;
        while ((sp = space_at(s, (size_t)(e - s))) != 0)
            s += sp;
        while (e > s && (e[-1] == ' ' ||
                         (e - s >= 3 && memcmp(e - 3, "\xE3\x80\x80", 3) == 0)))
            e -= e[-1] == ' ' ? 1 : 3;
        if (e > s) {
            if (k >= l.n)
                fail_msg("%s: too few blocks", path);
            if (strlen(l.v[k].text) != (size_t)(e - s) ||
                memcmp(l.v[k].text, s, (size_t)(e - s)) != 0)
                fail_msg("%s line %d: block is \"%s\"", path, line,
                         l.v[k].text);
            assert_int_equal(l.v[k].line, line);
            assert_int_equal(l.v[k].flags & BLOCK_F_HARDWRAP, 0);
            k++;
        }
        p += n + (nl ? 1 : 0);
    }
    assert_int_equal(k, l.n);
    assert_true(l.n > 30);
    block_list_free(&l);
    free(text);
}

static void paragraphs_corpus_lines_unchanged(void **state)
{
    (void)state;
    static const char *const files[] = {
        "assets/corpus/000_fe2404723e325502.txt",
        "assets/corpus/001_fdcd2f72013fe7d7.txt",
        "assets/corpus/002_c7847733b991b368.txt",
        "assets/corpus/004_8168a787e35b052e.txt",
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        check_one_per_line(test_src_path(files[i]));
}

static void paragraphs_test_pages_lines_unchanged(void **state)
{
    (void)state;
    static const char *const files[] = {
        "tests/data/pages/06_xhmrdx_20260428_p02_npcsc_session.txt",
        "tests/data/pages/07_xhmrdx_20260501_p03_npcsc_closing.txt",
        "tests/data/pages/08_xhmrdx_20260501_p01_laodongzhe_feature.txt",
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        check_one_per_line(test_src_path(files[i]));
        /* The U+3000 indentation is gone from the text. */
        block_list l = {0};
        char *text = split_file(test_src_path(files[i]), &l);
        for (size_t k = 0; k < l.n; k++)
            assert_true(strncmp(l.v[k].text, "\xE3\x80\x80", 3) != 0);
        block_list_free(&l);
        free(text);
    }
}

static void paragraphs_long_line_is_linear(void **state)
{
    (void)state;
    /* 32 MB of text without a newline through the whole text pipeline. */
    const char *unit = "首都北京的变迁，正是中国共产党为民族复兴不懈奋斗伟大历程的"
                       "历史见证。Beijing 2025. ";
    size_t ulen = strlen(unit), reps = (32u << 20) / ulen;
    char *big = malloc(reps * ulen + 1);
    assert_non_null(big);
    for (size_t i = 0; i < reps; i++)
        memcpy(big + i * ulen, unit, ulen);
    big[reps * ulen - 1] = '.'; /* no trailing space to trim */
    clock_t start = clock();
    char *text = prepare(big, reps * ulen);
    block_list l = {0};
    paragraphs_split(text, &l);
    double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
    assert_int_equal(l.n, 1);
    assert_int_equal(strlen(l.v[0].text), reps * ulen);
    assert_int_equal(l.v[0].line, 1);
    assert_true(seconds < 30.0);
    block_list_free(&l);
    free(text);
    free(big);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(paragraphs_one_per_line),
    cmocka_unit_test(paragraphs_trim_indentation),
    cmocka_unit_test(paragraphs_rejoin_blank_after_every_line),
    cmocka_unit_test(paragraphs_rejoin_without_blank_lines),
    cmocka_unit_test(paragraphs_rejoin_blank_between_paragraphs),
    cmocka_unit_test(paragraphs_rejoin_latin_with_spaces),
    cmocka_unit_test(paragraphs_never_join_unwrapped_lines),
    cmocka_unit_test(paragraphs_unpunctuated_headings_stay_apart),
    cmocka_unit_test(paragraphs_lead_starts_a_paragraph),
    cmocka_unit_test(paragraphs_heading_deck_and_stamp_stay_apart),
    cmocka_unit_test(paragraphs_byline_starts_a_paragraph),
    cmocka_unit_test(paragraphs_corpus_003_is_rejoined),
    cmocka_unit_test(paragraphs_corpus_lines_unchanged),
    cmocka_unit_test(paragraphs_test_pages_lines_unchanged),
    cmocka_unit_test(paragraphs_long_line_is_linear),
};
const test_suite paragraphs_suite = {tests, SUITE_LEN(tests)};
