/* test_quotes.c - who said what: quote extraction on strings, and the
 * scorer that compares the whole pipeline with the hand-written gold of
 * the shipped corpus and the strict test pages (tests/data/pages/README.md;
 * precision and recall per page). */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "articles.h"
#include "lexicon.h"
#include "model.h"
#include "names.h"
#include "parse.h"
#include "quotes.h"
#include "speakers.h"
#include "gold.h"
#include "score.h"

/* Load the word lists from the source tree. */
static void load_lexicon(void)
{
    assert_true(lexicon_load_from(test_src_path("assets/lexicon")));
}

/* An issue with one article whose blocks are paras, as stage 5 leaves
   it: a paragraph starting with "H|" is a speaker heading and starts a
   section. */
static void issue_from(issue *is, const char *const *paras)
{
    memset(is, 0, sizeof *is);
    article *a = issue_add_article(is, "标题");
    for (int i = 0; paras[i]; i++) {
        bool heading = strncmp(paras[i], "H|", 2) == 0;
        block_list_push(&a->blocks, paras[i] + (heading ? 2 : 0),
                        heading ? BLOCK_SPEAKER_HEADING : BLOCK_BODY, i + 1);
        if (heading) /* stage 5 starts a section at a speaker heading */
            article_add_section(a, a->blocks.n - 1, -1);
    }
    article_finish(a);
}

/* Run stage 6 on paras as parse.c does. */
static void extract(issue *is, const char *const *paras)
{
    load_lexicon();
    issue_from(is, paras);
    speakers_find(is);
    quotes_extract(is);
    speakers_drop_silent(is);
}

/* A block of a given kind, for issues built as stage 4 leaves them. */
typedef struct {
    const char *text;
    block_kind kind;
} kinded_block;

/* Run stage 6 on one article of the n blocks given with their kinds. */
static void extract_kinds(issue *is, const kinded_block *blocks, size_t n)
{
    load_lexicon();
    memset(is, 0, sizeof *is);
    article *a = issue_add_article(is, "标题");
    for (size_t i = 0; i < n; i++)
        block_list_push(&a->blocks, blocks[i].text, blocks[i].kind, (int)i + 1);
    article_finish(a);
    speakers_find(is);
    quotes_extract(is);
    speakers_drop_silent(is);
}

/* The i-th quote's speaker name ("" when unattributed). */
static const char *speaker_of(const issue *is, size_t i)
{
    int s = is->quotes[i].speaker;
    return s >= 0 ? is->people[s].name : "";
}

/* Assert quote i: speaker, kind and that the text starts with prefix. */
static void check_quote(const issue *is, size_t i, const char *speaker,
                        quote_kind kind, const char *prefix)
{
    assert_true(i < is->nquotes);
    assert_string_equal(speaker_of(is, i), speaker);
    assert_int_equal(is->quotes[i].kind, kind);
    if (strncmp(is->quotes[i].text, prefix, strlen(prefix)) != 0)
        fail_msg("quote %zu is \"%s\", expected it to start \"%s\"", i,
                 is->quotes[i].text, prefix);
}

/* The speaker of the first quote whose text starts with prefix ("" when
   it is nobody's), or NULL when no quote starts so. */
static const char *who_said(const issue *is, const char *prefix)
{
    for (size_t i = 0; i < is->nquotes; i++)
        if (strncmp(is->quotes[i].text, prefix, strlen(prefix)) == 0)
            return speaker_of(is, i);
    return NULL;
}

/* Assert that no quote starting with prefix is given to a person. */
static void assert_nobody_said(const issue *is, const char *prefix)
{
    for (size_t i = 0; i < is->nquotes; i++)
        if (strncmp(is->quotes[i].text, prefix, strlen(prefix)) == 0 &&
            is->quotes[i].speaker >= 0)
            fail_msg("quote %zu (%s) given to %s", i, is->quotes[i].text,
                     speaker_of(is, i));
}

/* A person read from a title and a dotted name in a sentence that says
   nothing (到某地参访), then 他说 in the next sentence; and a sentence in
   parts parted by semicolons, where the only person the rules read is
   named before the semicolon and the words come after another subject
   (the unread 国家主席某某): nobody's. */
static void quotes_visit_then_pronoun_and_semicolon_parts(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "去年7月，某研究中心执行主任约翰·米勒到江西参访。他说，推进农业现代化"
        "关键在科技进步和创新。",
        "某国总统张明远前往某村，了解当地的故事；另一国家主席某某某乘坐高铁列车，"
        "感叹“这里的区域协调发展做得非常好”……",
        NULL};
    issue is;
    extract(&is, paras);
    const char *w = who_said(&is, "推进农业现代化");
    assert_non_null(w);
    assert_string_equal(w, "约翰·米勒");
    assert_nobody_said(&is, "这里的区域协调发展");
    issue_free(&is);
}

/* A name after a title with no word after it that marks its end
   (村民某某某来买…) is read where the article prints it again with other
   characters after it; not when the run names a place (某某市 elsewhere),
   is the first part of a word (某某工坊 most times), follows a title of one
   character (长 of 长江大桥) or sits inside another word (曼某某). */
static void quotes_titled_name_read_by_its_recurrence(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "下午1点，村民朱晓钢来买种子。“水稻就种新品，玉米各拿一半。”朱晓钢满意而归。",
        "记者赴辽宁凌源采访。目前，凌源市正在全市推进整治。",
        "市委书记凌源带队检查：“要抓紧整改，不留死角。”",
        "全国已建成30多所鲁班工坊。以古代工匠鲁班命名的鲁班工坊越办越好。",
        "以技为桥，鲁班工坊成为合作平台。“鲁班工坊的招牌越擦越亮。”一名学员说。",
        "研究中心主任王立新认为，“要帮助青年掌握职业技能”。",
        "巫峡口的长江大桥遥遥相望。“坐几分钟扶梯就能到家，比以前轻松多了！”长江大桥像一条丝带。",
        "科技特派员刘梦莹早早来到试验田。“小王，你看这第十八条。”刘梦莹将手机递给合作社负责人。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *w = who_said(&is, "水稻就种新品");
    assert_non_null(w);
    assert_string_equal(w, "朱晓钢");
    assert_nobody_said(&is, "要抓紧整改");
    w = who_said(&is, "要帮助青年");
    assert_non_null(w);
    assert_string_equal(w, "王立新");
    assert_nobody_said(&is, "坐几分钟扶梯");
    /* a one-character title that ends a word (特派员) puts a name after it */
    w = who_said(&is, "小王，你看");
    assert_non_null(w);
    assert_string_equal(w, "刘梦莹");
    for (size_t i = 0; i < is.npeople; i++) {
        const char *n = is.people[i].name;
        if (strcmp(n, "凌源") == 0 || strcmp(n, "鲁班") == 0 ||
            strcmp(n, "江大桥") == 0)
            fail_msg("\"%s\" taken for a person", n);
    }
    issue_free(&is);
}

/* 他 opening a paragraph is the person named further up only while the
   paragraphs between stay with that person (name them, or hold nothing but
   their quoted words); a paragraph about something else in between means
   someone the page does not name here (invented). */
static void quotes_pronoun_across_paragraphs_about_something_else(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "某国国务卿张明远则在网上称，对裁决“感到鼓舞”。",
        "某公司去年公布，出售多个港口的权益。",
        "某国媒体去年报道，有关方面表明反对。",
        "他向本报分析，各方需面对新的形势和挑战。",
        "对于市场担忧，首席执行官李思远进一步解释道：",
        "“你不能只看一项业务。”",
        "他明确表示，公司追求的是长期的客户价值组合。",
        NULL};
    issue is;
    extract(&is, paras);
    assert_nobody_said(&is, "各方需面对新的形势");
    const char *w = who_said(&is, "公司追求的是长期");
    assert_non_null(w);
    assert_string_equal(w, "李思远");
    issue_free(&is);
}

/* Words after a comma in a sentence that opens with someone else's
   speech clause (同学某某回忆，…，她总是笑着打招呼，“……”) are the
   account's, not those of the person it is about; the same speaker's
   clause keeps them (张某某坦言，…，“……”) (invented). */
static void quotes_account_opening_the_sentence_owns_its_words(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "“我想回到家乡去。”王秀文说。",
        "同学安强回忆，每次在校园里碰到王秀文，她总是笑着打招呼，“四年来我似乎都没主动跟她打过招呼”。",
        "张志远坦言，这项任务更强调“稳”与“准”，“我一点点打磨着自己，服务好这项事业。”",
        NULL};
    issue is;
    extract(&is, paras);
    const char *w = who_said(&is, "四年来我似乎");
    assert_true(w == NULL || strcmp(w, "王秀文") != 0);
    w = who_said(&is, "我一点点打磨");
    assert_non_null(w);
    assert_string_equal(w, "张志远");
    issue_free(&is);
}

/* Quoted words a person only met are not theirs: said by an unnamed
   speaker in a clause before the person's (“……”企业负责人说着，某某…),
   read (“……”看到这句话，某某…), or a phrase cited on a line of its own,
   its full stop outside the marks (“坚持发扬民主、集思广益”。).  A clause
   of the person's own before their name keeps them (回忆着…，某某…;
   看着工作人员…，某某…), and a paragraph of words said, full stop inside,
   goes on with the speaker above (invented). */
static void quotes_words_the_person_only_met(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "黄茂林代表说，要把调研做扎实。",
        "“惠企政策免审即享，能不能再扩大适用场景？”企业负责人说着，黄茂林手中的笔记着。",
        "“加快农业农村现代化，扎实推进乡村全面振兴。”看到这句话，黄茂林心中又有了底。",
        "闫修文说，当年条件很艰苦。",
        "“当年没有机械，全靠肩挑手抬。”回忆着当年栽树的场景，闫修文伸出双手比划着。",
        "“就快装好了！”看着工作人员为自己家安装充电桩，闫修文喜上眉梢。",
        "付子明代表说，草案体现了立法的原则。",
        "“坚持发扬民主、集思广益”。",
        "吕红林代表说，这部法律很重要。",
        "“我们要把每一条建议都落到实处。”",
        NULL};
    issue is;
    extract(&is, paras);
    assert_nobody_said(&is, "惠企政策免审即享");
    assert_nobody_said(&is, "加快农业农村现代化");
    assert_nobody_said(&is, "坚持发扬民主");
    const char *w = who_said(&is, "当年没有机械");
    assert_non_null(w);
    assert_string_equal(w, "闫修文");
    w = who_said(&is, "就快装好了");
    assert_non_null(w);
    assert_string_equal(w, "闫修文");
    w = who_said(&is, "我们要把每一条建议");
    assert_non_null(w);
    assert_string_equal(w, "吕红林");
    issue_free(&is);
}

/* 记得 says whose the words just quoted are (“……”某某记得，…), but 某某
   记得，那天… opens the writer's account of a memory, no words said; and
   words that name the person in the third person (但某某却说) are an
   account of them, not theirs (invented). */
static void quotes_memories_and_words_about_the_person(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "“那就得找农机手，靠打电话。”许柏强记得，有一年秧苗插晚了几天。",
        "李慧芳记得，那天她刚结束一天的工作，随手刷手机时，看到了这条政策新闻。",
        "王秀文说，她想早点入党。",
        "又过了一个多月，王秀文就开始交思想汇报，“按惯例，成为积极分子后才交，但王秀文却说，要以积极分子的标准来要求自己。”",
        NULL};
    issue is;
    extract(&is, paras);
    const char *w = who_said(&is, "那就得找农机手");
    assert_non_null(w);
    assert_string_equal(w, "许柏强");
    assert_nobody_said(&is, "那天她刚结束");
    w = who_said(&is, "按惯例");
    assert_true(w == NULL || strcmp(w, "王秀文") != 0);
    issue_free(&is);
}

/* A dotted name is a person wherever it is introduced, speaking or not:
   its last part then speaks as that person (艾伦 of 科尔·艾伦), also after
   an occasion 在……中 (在《声明》中说).  Not a column label joined by a dot,
   a school named after someone, a title inside the first part (向导), or
   a first part of one character cut from a longer one (invented). */
static void quotes_dotted_names_introduced_without_words(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "据报道，科尔·艾伦在事发前几分钟向家人发送了一份声明。",
        "艾伦在《声明》中说，政府官员是他的目标。",
        "曾任斯里·杰格什瓦尔中学校长的亚达夫介绍了项目。他说，项目优先选择困难的学校。",
        "向导皮特·弗朗西斯带游客登山。弗朗西斯说，以前这里没有观景平台。",
        "在战胜名将肖恩·墨菲后，他说，这场胜利来之不易。",
        "（艺文观察·戏剧振兴进行时）",
        NULL};
    issue is;
    extract(&is, paras);
    const char *w = who_said(&is, "政府官员是他的目标");
    assert_non_null(w);
    assert_string_equal(w, "科尔·艾伦");
    w = who_said(&is, "以前这里没有观景平台");
    assert_non_null(w);
    assert_string_equal(w, "皮特·弗朗西斯");
    w = who_said(&is, "项目优先选择");
    assert_true(w == NULL || strstr(w, "杰格什瓦尔") == NULL);
    for (size_t i = 0; i < is.npeople; i++) {
        const char *n = is.people[i].name;
        if (strstr(n, "向导") || strcmp(n, "恩·墨菲") == 0 ||
            strstr(n, "艺文观察") || strstr(n, "杰格什瓦尔"))
            fail_msg("\"%s\" taken for a person", n);
    }
    issue_free(&is);
}

/* Words nobody is named next to, right after a sentence of their
   paragraph about one person, are that person's (某某反复打磨手里的新
   提案。“最近一年来，我在调研中发现……”); not when that sentence names
   someone else too, when they are a question (put to the person as often),
   open with 她 (about someone), name the person, or are said to be read
   (invented). */
static void quotes_words_after_a_sentence_about_one_person(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "全国政协委员连玉明说，要守护好三江源。",
        "这些天，连玉明反复打磨手里的新提案。“最近一年来，我在调研中发现，生态保护需要进一步加强。”",
        "“我想把公司做大。”张波说。",
        "张波的公司在深圳，地方不大。“我这是典型的‘一人公司’，业务、技术都靠自己。”",
        "周俊华是某区检察院检察官，她对未成年人保护十分关注。“作为检察官，我将守护未成年人健康成长。”",
        "王小梅每次被问到工作，她总是含糊其词。“护理员？不就是伺候人的吗？”同学的随口一句，扎在她心里。",
        "王小梅和李大海一起走访了村民。“这项工作直接关系老人的切身利益，不能错发。”",
        "王小梅翻开了笔记本。“她从小接受了很多帮扶，觉得要去帮助别人。”",
        "王小梅翻开了笔记本。“加快农业农村现代化，扎实推进乡村振兴。”这句话她读了很多遍。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *w = who_said(&is, "最近一年来");
    assert_non_null(w);
    assert_string_equal(w, "连玉明");
    w = who_said(&is, "我这是典型的");
    assert_non_null(w);
    assert_string_equal(w, "张波");
    assert_nobody_said(&is, "护理员？");
    assert_nobody_said(&is, "作为检察官");
    assert_nobody_said(&is, "这项工作直接关系");
    assert_nobody_said(&is, "她从小接受了");
    assert_nobody_said(&is, "加快农业农村现代化");
    issue_free(&is);
}

/* Indirect words run to the end of their paragraph, but a sentence that
   opens with the speech of a body or an office holder (某国军方称，
   某国卫生部表示，某国外长也指出) is theirs; a sentence whose subject goes
   on with the speaker (我们一致认为) is not cut off (invented). */
static void quotes_indirect_words_end_where_a_body_speaks(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "某国防长赫某某称，针对某国的军事行动将进一步升级。某国军方称，已对某国防空系统造成重创。",
        "张明远说，两国关系很重要。我们一致认为，要加强合作。",
        NULL};
    issue is;
    extract(&is, paras);
    bool found_first = false, found_second = false;
    for (size_t i = 0; i < is.nquotes; i++) {
        const char *t = is.quotes[i].text;
        if (strncmp(t, "针对某国的军事行动", strlen("针对某国的军事行动")) == 0) {
            found_first = true;
            assert_null(strstr(t, "防空系统"));
        }
        if (strncmp(t, "两国关系很重要", strlen("两国关系很重要")) == 0) {
            found_second = true;
            assert_non_null(strstr(t, "要加强合作"));
        }
    }
    assert_true(found_first && found_second);
    issue_free(&is);
}

/* A country's one-character short form right before a title marks a
   foreigner (俄总统某某, 美财长某某某周五表示); people named after a
   relation (室友某某某说, 同学某某回忆) speak as after a title (invented). */
static void quotes_short_country_forms_and_relations(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "今天，俄总统普京在圣彼得堡会见来宾。普京表示，将尽全力维护地区和平。",
        "美财长贝森特周五表示，关税政策不会改变。",
        "室友安桂香说，北方的气候让她很不习惯。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *w = who_said(&is, "将尽全力维护");
    assert_non_null(w);
    assert_string_equal(w, "普京");
    w = who_said(&is, "关税政策不会改变");
    assert_non_null(w);
    assert_string_equal(w, "贝森特");
    w = who_said(&is, "北方的气候");
    assert_non_null(w);
    assert_string_equal(w, "安桂香");
    issue_free(&is);
}

/* 提案人：<role, titles, name> over a proposal's text makes the text that
   member's section, with the role; a body as proposer (提案人：某党派中央)
   names no one (invented). */
static void quotes_proposal_text_is_its_proposers(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "H|提案人：全国政协委员、某大学教授陈晓梅",
        "县域医共体是深化医改的重要抓手。建议加大财政投入。",
        "H|提案人：王立新（全国政协委员、某省农科院院长）",
        "当前农村养老服务仍有短板。建议加快建设互助养老设施。",
        "提案人：某党派中央",
        "数字乡村建设是乡村振兴的重要方向。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *w = who_said(&is, "县域医共体是深化医改");
    assert_non_null(w);
    assert_string_equal(w, "陈晓梅");
    w = who_said(&is, "当前农村养老服务");
    assert_non_null(w);
    assert_string_equal(w, "王立新");
    assert_nobody_said(&is, "数字乡村建设是");
    for (size_t i = 0; i < is.npeople; i++)
        if (strcmp(is.people[i].name, "陈晓梅") == 0)
            assert_string_equal(is.people[i].role, "全国政协委员");
    person p;
    assert_true(speaker_heading_parse("提案人：全国政协委员、某大学教授陈晓梅",
                                      SESSION_NATIONAL, &p));
    assert_string_equal(p.name, "陈晓梅");
    person_clear(&p);
    assert_false(speaker_heading_parse("提案人：某党派中央", SESSION_NATIONAL, &p));
    issue_free(&is);
}

/* A transliterated name of three characters or more opening a clause
   before a speech verb speaks, without a title (古特雷斯表示，); two
   characters there are as often a word (巴西表示 is a country) (invented). */
static void quotes_transliterated_name_opening_a_clause(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "古特雷斯表示，各方应保持克制。",
        "巴西表示，将继续推进合作。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *w = who_said(&is, "各方应保持克制");
    assert_non_null(w);
    assert_string_equal(w, "古特雷斯");
    assert_nobody_said(&is, "将继续推进合作");
    issue_free(&is);
}

/* People named as 老人 (68岁的老人某某, 某某老人笑着说), a shop's
   店主 or 老板, and an occasion opened by 接受 (接受本报记者采访时表示);
   the titles follow the last 的; 老人张口便问 reads no person 张口; a
   banner's text after 送了一面锦旗： is nobody's words (invented). */
static void quotes_elders_owners_and_interviews(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "“上年纪牙口差，医生教我们怎么护牙，贴心！”68岁的老人谢新民为口腔义诊点赞。",
        "“60岁以上的老人每餐5元钱。”正在用餐的周可育老人笑着说。",
        "部长倪虹前不久接受本报记者采访时表示，要继续推进好房子建设。",
        "第一次上门，她遇到一位老爷爷。老人张口便问：“是不是来看相的？”",
        "郭某一家还给店主王五九送了一面锦旗：“善心义举暖残障  恩情传世业兴隆”。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *w = who_said(&is, "上年纪牙口差");
    assert_non_null(w);
    assert_string_equal(w, "谢新民");
    w = who_said(&is, "60岁以上的老人");
    assert_non_null(w);
    assert_string_equal(w, "周可育");
    w = who_said(&is, "要继续推进好房子");
    assert_non_null(w);
    assert_string_equal(w, "倪虹");
    assert_nobody_said(&is, "是不是来看相的");
    assert_nobody_said(&is, "善心义举");
    for (size_t i = 0; i < is.npeople; i++) {
        if (strcmp(is.people[i].name, "张口") == 0)
            fail_msg("张口 taken for a person");
        if (strcmp(is.people[i].name, "谢新民") == 0)
            assert_string_equal(is.people[i].titles, "老人");
    }
    issue_free(&is);
}

/* A speech clause with no subject of its own goes on with the person who
   opens its sentence (全国人大代表某某长期关注教育，建议加大投入); not
   when someone else is named between, when the sentence is someone's
   words already (某某说，希望…), or when the opener is the sentence's
   object (invented). */
static void quotes_second_verb_of_the_sentence_opener(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "十四届全国人大四次会议期间，代表们热议教育。",
        "全国人大代表张大山长期关注教育，建议加大对乡村学校的投入。",
        "全国人大代表李小川和王五一考察学校，建议完善校舍。",
        "全国人大代表周小川陪同王五一考察学校，建议新建食堂。",
        "全国政协委员陈大明说，要守护好三江源。",
        "基于扎实调研，陈大明提交了关于生态保护的提案，建议加强系统性保护。",
        "他多次抨击某国，怀念二战时期某国首相丘吉尔，称两国关系已经今非昔比。",
        "居民林丹丹说，希望领导干部多回应人民关切。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *w = who_said(&is, "加大对乡村学校");
    assert_non_null(w);
    assert_string_equal(w, "张大山");
    /* not past another subject (甲和乙…), but past an object of the
       opener's clause (甲陪同乙…) */
    assert_nobody_said(&is, "完善校舍");
    w = who_said(&is, "新建食堂");
    assert_non_null(w);
    assert_string_equal(w, "周小川");
    /* the person may open a later clause of the sentence */
    w = who_said(&is, "加强系统性保护");
    assert_non_null(w);
    assert_string_equal(w, "陈大明");
    /* a name after a title inside a later clause is whom the subject
       recalls, not the subject */
    w = who_said(&is, "两国关系已经");
    assert_true(w == NULL || strcmp(w, "丘吉尔") != 0);
    size_t n = 0;
    for (size_t i = 0; i < is.nquotes; i++)
        if (strstr(is.quotes[i].text, "领导干部"))
            n++;
    assert_int_equal(n, 1);
    issue_free(&is);
}

/* A name introduced without words (某某是北京市的一名外卖小哥，) is a
   person when the paragraph's next 他/她 speaks (他说，“……”); a 马方
   (a country's side) is none (invented). */
static void quotes_person_introduced_then_pronoun_speaks(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "骆科学是北京市的一名外卖小哥，他说，“国家的政策举措越来越完善。”",
        "近年来，两国合作成效显著，马方愿同中方深化交流合作。他还表示，访华期间感受很深。",
        "周云明是一名教师，他的学生都很喜欢他。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *w = who_said(&is, "国家的政策举措");
    assert_non_null(w);
    assert_string_equal(w, "骆科学");
    assert_nobody_said(&is, "访华期间感受很深");
    for (size_t i = 0; i < is.npeople; i++)
        if (strcmp(is.people[i].name, "马方愿") == 0 ||
            strcmp(is.people[i].name, "周云明") == 0)
            fail_msg("\"%s\" taken for a person", is.people[i].name);
    issue_free(&is);
}

static void quotes_direct_after_and_before(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "“可以说，一年多以来，我的家乡每天都在发生变化。”邢卫兵说。",
        "回忆那段岁月，王建国同志说：“我对自己的首要要求就是‘自找苦吃’。”",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 2);
    check_quote(&is, 0, "邢卫兵", QUOTE_DIRECT, "可以说，一年多以来");
    check_quote(&is, 1, "王建国", QUOTE_DIRECT, "我对自己的首要要求");
    issue_free(&is);
}

static void quotes_split_quote_gives_two(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "“京津冀协同发展不仅有助于实现三地的优势互补。”张水波举例说，"
        "“跨区域重大水利工程不仅涉及城市供水基础设施。”",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 2);
    check_quote(&is, 0, "张水波", QUOTE_DIRECT, "京津冀协同发展");
    check_quote(&is, 1, "张水波", QUOTE_DIRECT, "跨区域重大水利工程");
    issue_free(&is);
}

static void quotes_indirect_runs_to_paragraph_end(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "北京日报记者提问：北京将采取哪些措施？殷勇代表回答说，北京将继续以"
        "市民诉求为导向。我们将提供更加便利的服务。",
        "殷勇说，在医疗资源均衡布局方面，本市医院布局更加均衡优化。",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 2);
    check_quote(&is, 0, "殷勇", QUOTE_INDIRECT, "北京将继续以市民诉求");
    assert_non_null(strstr(is.quotes[0].text, "更加便利的服务。"));
    check_quote(&is, 1, "殷勇", QUOTE_INDIRECT, "在医疗资源均衡布局方面");
    /* The reporter's question is not a quote, the reporter not a person. */
    for (size_t i = 0; i < is.npeople; i++)
        assert_null(strstr(is.people[i].name, "记者"));
    issue_free(&is);
}

static void quotes_offsets_point_into_article_text(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "第一段没有引语。",
        "“我参加了民营企业座谈会，信心倍增！”雷军表示，我们将更加坚定走科技"
        "创新道路。",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 2);
    const char *text = is.articles[0].text;
    for (size_t i = 0; i < is.nquotes; i++) {
        const quote *q = &is.quotes[i];
        assert_int_equal(q->block, 1);
        size_t from = utf8_chars_len(text, strlen(text), q->start);
        size_t to = utf8_chars_len(text, strlen(text), q->end);
        assert_int_equal(to - from, strlen(q->text));
        assert_memory_equal(text + from, q->text, to - from);
    }
    check_quote(&is, 0, "雷军", QUOTE_DIRECT, "我参加了民营企业座谈会");
    check_quote(&is, 1, "雷军", QUOTE_INDIRECT, "我们将更加坚定");
    issue_free(&is);
}

static void quotes_scare_quotes_and_guards_are_not_speech(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "聚焦“卡脖子”问题，大力推进关键核心技术攻关，让“超级平台”产出“超级成果”。",
        "殷其龙表示感谢，他的车被称为“黄色法拉利”。可以说，这是一个好消息。",
        "市经信局方面表示，北京高精尖产业要坚持以首都发展为主。",
        "“目前，各建设项目均按计划进行。”相关负责人说。",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 0);
    issue_free(&is);
}

static void quotes_pronoun_resolves_to_last_named_person(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "1月14日下午,中共北京市委书记尹力看望了部分委员。他指出,国际科技创新"
        "中心建设摆在首位的是打造国家战略科技力量。",
        "公交驾驶员何少花为了服务聋哑乘客，还学习了车厢手语。她在现场展示手语：“欢迎乘坐"
        "北京公交，我在103路等着大家。”",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 2);
    check_quote(&is, 0, "尹力", QUOTE_INDIRECT, "国际科技创新中心");
    check_quote(&is, 1, "何少花", QUOTE_DIRECT, "欢迎乘坐北京公交");
    issue_free(&is);
}

static void quotes_frames_and_titles_as_subjects(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "在清华大学中国现代国有企业研究院研究主任周丽莎看来，国资监管职责入法是"
        "重要一步。她认为，在立法的引领保障下，监管水平将不断提升。",
        "2013年，习近平总书记来到施工工地看望一线劳动者。总书记对大家说："
        "“发展公共交通是现代城市发展的方向。”",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 3);
    check_quote(&is, 0, "周丽莎", QUOTE_INDIRECT, "国资监管职责入法");
    check_quote(&is, 1, "周丽莎", QUOTE_INDIRECT, "在立法的引领保障下");
    check_quote(&is, 2, "习近平", QUOTE_DIRECT, "发展公共交通");
    issue_free(&is);
}

static void quotes_multi_paragraph_quote(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "张三代表说：“第一段话，我们要做好工作。",
        "“第二段话，我们还要继续努力。”",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 1);
    check_quote(&is, 0, "张三", QUOTE_DIRECT, "第一段话");
    assert_non_null(strstr(is.quotes[0].text, "继续努力。"));
    assert_int_equal(is.quotes[0].block, 0);
    issue_free(&is);
}

static void quotes_section_under_speaker_heading(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "H|市人大代表、北京市第二十中学校长陈恒华:",
        "教育不仅是一项民生，更是实现国家现代化的支撑和基础。",
        "在这一基础上，使教育链条更加紧密。",
        "H|殷勇代表：",
        "殷勇代表说，北京将继续以市民诉求为导向。",
        NULL};
    issue is;
    extract(&is, paras);
    /* One section quote for 陈恒华; 殷勇's section is reported speech. */
    assert_int_equal(is.nquotes, 2);
    check_quote(&is, 0, "陈恒华", QUOTE_SECTION, "教育不仅是一项民生");
    assert_non_null(strstr(is.quotes[0].text, "\n在这一基础上"));
    check_quote(&is, 1, "殷勇", QUOTE_INDIRECT, "北京将继续");
    const article *a = &is.articles[0];
    assert_int_equal(a->nsections, 2);
    assert_string_equal(is.people[a->sections[0].speaker].name, "陈恒华");
    assert_string_equal(is.people[a->sections[1].speaker].name, "殷勇");
    issue_free(&is);
}

static void quotes_people_without_words_are_dropped(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "全国人大常委会副委员长李鸿忠出席会议。国务院副总理张国清列席会议。",
        "全国人大代表孙景南是一名电焊工。",
        NULL};
    issue is;
    load_lexicon();
    issue_from(&is, paras);
    speakers_find(&is);
    size_t found = is.npeople;
    assert_true(found >= 2);
    /* The quotes stage reads the people; it does not edit them. */
    quotes_extract(&is);
    assert_int_equal(is.npeople, found);
    speakers_drop_silent(&is);
    assert_int_equal(is.nquotes, 0);
    /* Only the delegate stays. */
    assert_int_equal(is.npeople, 1);
    assert_string_equal(is.people[0].name, "孙景南");
    assert_string_equal(is.people[0].role, "全国人大代表");
    issue_free(&is);
}

/* Sentences written for this test, not taken from any page: the rules
   must work on names and wordings they have never seen. */
static void quotes_unseen_page_forms(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "3月5日，十四届全国人大四次会议浙江代表团举行全体会议。",
        "全国政协委员、中国工程院院士钟志华在接受本报记者采访时表示，要加快关键"
        "核心技术攻关。",
        "“我们要把更多资源投向基层。”全国人大代表、浙江省湖州市长兴县委书记周卫兵"
        "说。他还表示，乡村振兴离不开人才。",
        "在李斌看来，新能源汽车产业已经进入新阶段。",
        "王辉代表建议，加大对中小企业的金融支持力度。",
        "国务院总理李强在会上说，今年经济增长预期目标为5%左右。",
        "据陈晓东介绍，该项目总投资超过10亿元。",
        "H|周卫兵代表：",
        "“产业兴旺是乡村振兴的基础。”周卫兵告诉记者，长兴县近年来大力发展特色产业。",
        "他说：“我们还要让更多年轻人回到乡村。”",
        NULL};
    issue is;
    extract(&is, paras);
    static const struct {
        const char *speaker;
        quote_kind kind;
        const char *words;
    } want[] = {
        {"钟志华", QUOTE_INDIRECT, "要加快关键核心技术"},
        {"周卫兵", QUOTE_DIRECT, "我们要把更多资源"},
        {"周卫兵", QUOTE_INDIRECT, "乡村振兴离不开人才"},
        {"李斌", QUOTE_INDIRECT, "新能源汽车产业"},
        {"王辉", QUOTE_INDIRECT, "加大对中小企业"},
        {"李强", QUOTE_INDIRECT, "今年经济增长"},
        {"陈晓东", QUOTE_INDIRECT, "该项目总投资"},
        {"周卫兵", QUOTE_DIRECT, "产业兴旺是乡村振兴"},
        {"周卫兵", QUOTE_INDIRECT, "长兴县近年来"},
        {"周卫兵", QUOTE_DIRECT, "我们还要让更多年轻人"},
    };
    assert_int_equal(is.nquotes, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < is.nquotes; i++)
        check_quote(&is, i, want[i].speaker, want[i].kind, want[i].words);
    /* Roles as stated or implied by Two Sessions coverage. */
    for (size_t i = 0; i < is.npeople; i++) {
        const person *p = &is.people[i];
        if (strcmp(p->name, "钟志华") == 0)
            assert_string_equal(p->role, "全国政协委员");
        else if (strcmp(p->name, "周卫兵") == 0 || strcmp(p->name, "王辉") == 0)
            assert_string_equal(p->role, "全国人大代表");
        else
            assert_null(p->role);
    }
    issue_free(&is);
}

/* Organisations, places and words that begin with a surname character
   say nothing in the name of a person. */
static void quotes_unseen_organisations_are_nobody(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "白皮书指出，我国人权事业取得历史性成就。",
        "安全部门提醒，市民要提高防范意识。",
        "周一表示，将召开专题会议。",
        "万达集团表示，将继续扩大投资。",
        "金融监管总局指出，要防范化解金融风险。",
        "石家庄市政府表示，全力保障春运。",
        "高校表示，将扩大招生规模。",
        "韩国方面表示，希望加强合作。",
        "江苏省政府强调，要抓好安全生产。",
        "钱江新城管委会称，项目进展顺利。",
        "文旅部门建议，游客错峰出行。",
        "关于此事，外交部发言人表示，中方立场是一贯的。",
        NULL};
    issue is;
    extract(&is, paras);
    for (size_t i = 0; i < is.npeople; i++)
        fail_msg("\"%s\" taken for a person", is.people[i].name);
    assert_int_equal(is.nquotes, 0);
    issue_free(&is);
}

/* A quote opening a sentence belongs to the person the rest of its
   sentence names as speaking (invented sentences); a person who only acts
   there heard the words, and the last speaker never gets them. */
static void quotes_speaker_in_own_sentence_wins(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "“先把路修好，产业才进得来。”全国人大代表、某县县长林思远说。",
        "“水质变好了，游客也多了。”谈到家乡变化，某镇镇长郑明辉代表这样形容。",
        /* must not fire: the named person only visits; the words are a
           villager's, not his nor the last speaker's */
        "“看病要跑几十里路，真是难。”去年春天，郑明辉入户走访时，一位老人的话让他难忘。",
        "“孩子上学方便多了。”这句话是郑明辉的心声。",
        /* the delegate introduced by name and role suffix right after the
           words, in a main clause, said them; in a time clause he heard
           them */
        "“这是我们的传统服饰。”某村村委会副主任高振宇代表身着盛装走进会场。",
        "“看病难啊。”去年，高振宇代表入村调研时，一位老人拉着他的手。",
        /* the person opening a main clause right after the words said
           them, unless the sentence gives them to others (…的话让他…) */
        "“麦子还没收完，没灯咋收？”某村党支部书记郑立强试着拨通了供电所的电话。",
        "“路灯亮了。”某村党支部书记郑立强走到田边，村民的这句话让他很感动。",
        "郑立强说，今年麦子长得好。",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 5);
    check_quote(&is, 3, "郑立强", QUOTE_DIRECT, "麦子还没收完");
    check_quote(&is, 4, "郑立强", QUOTE_INDIRECT, "今年麦子长得好");
    check_quote(&is, 0, "林思远", QUOTE_DIRECT, "先把路修好");
    check_quote(&is, 1, "郑明辉", QUOTE_DIRECT, "水质变好了");
    check_quote(&is, 2, "高振宇", QUOTE_DIRECT, "这是我们的传统服饰");
    issue_free(&is);
}

/* 甲说：“A。”乙说：“B。”: 乙说： introduces B, so A stays 甲's; without a
   colon before it, A is 乙's (“A。”乙说：“B。”). */
static void quotes_colon_speaker_keeps_quote(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "会上，韩立新说：“项目明年就能投产。”赵文博则表示：“配套还要跟上。”",
        "“今年要再建两座桥。”高振宇说：“钱已经落实了。”",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 4);
    check_quote(&is, 0, "韩立新", QUOTE_DIRECT, "项目明年就能投产");
    check_quote(&is, 1, "赵文博", QUOTE_DIRECT, "配套还要跟上");
    check_quote(&is, 2, "高振宇", QUOTE_DIRECT, "今年要再建两座桥");
    check_quote(&is, 3, "高振宇", QUOTE_DIRECT, "钱已经落实了");
    issue_free(&is);
}

/* A signature under the words (——某市市长林思远代表) signs the
   paragraphs above it, back to a label or heading; the paragraph below it
   is the next signature's (invented sentences). */
static void quotes_signature_signs_words_above(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "【声音】",
        "办好民生实事，要从群众最盼的事情做起。",
        "今年我们将新建十所幼儿园。",
        "H|——某市市长林思远代表",
        "科技创新要扎根产业，成果才能落地。",
        "H|——某大学校长郑明辉委员",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 2);
    check_quote(&is, 0, "林思远", QUOTE_SECTION, "办好民生实事");
    assert_non_null(strstr(is.quotes[0].text, "\n今年我们将"));
    check_quote(&is, 1, "郑明辉", QUOTE_SECTION, "科技创新要扎根");
    issue_free(&is);
}

/* Transliterated names joined by a middle dot are one person, found
   whole, and the page's later short form (its last part) is the same
   person; a person after a preposition (由某某提出) is not the subject of
   the speech verb (invented sentences). */
static void quotes_dotted_names_are_one_person(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "某大学经济学家约翰·米勒说，两国合作前景广阔。",
        "米勒表示，双方应加强对话。",
        "全国人大代表阿依古丽·吐尔逊说：“村里的路修好了，日子越过越红火。”",
        "这一方案最早由汉斯·穆勒于2001年提出，此后被各地广泛采用。",
        "东城·国际创新园早在去年就已开工。",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 3);
    check_quote(&is, 0, "约翰·米勒", QUOTE_INDIRECT, "两国合作前景广阔");
    check_quote(&is, 1, "约翰·米勒", QUOTE_INDIRECT, "双方应加强对话");
    check_quote(&is, 2, "阿依古丽·吐尔逊", QUOTE_DIRECT, "村里的路修好了");
    for (size_t i = 0; i < is.npeople; i++) {
        const person *p = &is.people[i];
        if (strcmp(p->name, "阿依古丽·吐尔逊") == 0)
            assert_string_equal(p->role, "全国人大代表");
        else if (strcmp(p->name, "约翰·米勒") != 0)
            fail_msg("\"%s\" taken for a person", p->name);
    }
    issue_free(&is);
}

/* A foreign office holder named after a foreign title in transliteration
   characters, with no dot and no surname, is a person wherever the page
   names them again; such a run after a Chinese title, or a run that goes
   on into other words, is not (invented names and sentences). */
static void quotes_titled_foreign_names_without_a_dot(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "德国总理塔默兰27日表示，双方应尽快恢复对话。",
        "塔默兰说，这场冲突对各方都造成损害。",
        "美国总统费尔德次日“回应”称，塔默兰“不了解情况”。",
        /* a Chinese title: 书记 then 加大 is a verb */
        "县委书记加大投入力度，他说：“路一定要修好。”",
        /* a foreign title, but the run goes on into a word */
        "某国总统府发言人表示，会谈取得成果。",
        /* the first part of a dotted name is not a name of its own: the
           whole name is the person */
        "英国核工业专家乔罗·博瓦斯基警告称，低碳电力将出现缺口。",
        NULL};
    issue is;
    extract(&is, paras);
    for (size_t i = 0; i < is.npeople; i++) {
        const char *n = is.people[i].name;
        if (strcmp(n, "塔默兰") != 0 && strcmp(n, "费尔德") != 0 &&
            strcmp(n, "乔罗·博瓦斯基") != 0)
            fail_msg("\"%s\" taken for a person", n);
    }
    assert_true(is.nquotes >= 2);
    check_quote(&is, 0, "塔默兰", QUOTE_INDIRECT, "双方应尽快恢复对话");
    check_quote(&is, 1, "塔默兰", QUOTE_INDIRECT, "这场冲突");
    issue_free(&is);
}

/* A foreign name without a dot between the words just quoted and a
   speech verb ending the clause is the speaker (“……”弗朗西斯说。); the
   first part of a dotted name is that person (马丁 of 马丁·斯皮尔); a run
   after the words that no speech verb ends is nobody (invented). */
static void quotes_foreign_name_after_the_words(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "“以前这里没有观景平台。”弗朗西斯说。",
        "德国工程师马丁·斯皮尔来到苏州。",
        "“市场变化很快。”马丁说，“我们要跟上。”",
        "“新品很受欢迎。”巴克莱银行的报告写道。",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 3);
    check_quote(&is, 0, "弗朗西斯", QUOTE_DIRECT, "以前这里没有");
    check_quote(&is, 1, "马丁·斯皮尔", QUOTE_DIRECT, "市场变化很快");
    check_quote(&is, 2, "马丁·斯皮尔", QUOTE_DIRECT, "我们要跟上");
    for (size_t i = 0; i < is.npeople; i++)
        if (strcmp(is.people[i].name, "弗朗西斯") != 0 &&
            strcmp(is.people[i].name, "马丁·斯皮尔") != 0)
            fail_msg("\"%s\" taken for a person", is.people[i].name);
    issue_free(&is);
}

/* Opening a clause, a three-character name whose surname mostly begins
   words (农, 包) speaks when a speech verb ending the clause follows; a
   set phrase (简单来说), a pronoun (但我想说) or a noun after 的 (…的海带架
   介绍) is no name (invented). */
static void quotes_word_surname_names_that_speak(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "农登峰说：“我们要升级巡护系统。”",
        "包思远介绍，“光栽进去还不够，更要管护。”",
        "简单来说，这是一次升级。但我想说，路还很长。",
        "“海带叶片宽、肉质厚。”林思远指着海里的海带架介绍，产量稳定。",
        NULL};
    issue is;
    extract(&is, paras);
    for (size_t i = 0; i < is.npeople; i++) {
        const char *n = is.people[i].name;
        if (strcmp(n, "农登峰") != 0 && strcmp(n, "包思远") != 0 &&
            strcmp(n, "林思远") != 0)
            fail_msg("\"%s\" taken for a person", n);
    }
    assert_true(is.nquotes >= 2);
    check_quote(&is, 0, "农登峰", QUOTE_DIRECT, "我们要升级");
    check_quote(&is, 1, "包思远", QUOTE_DIRECT, "光栽进去");
    issue_free(&is);
}

/* A name before an adverb closed by 地 and a speech verb is the speaker,
   its end read from the adverb (two characters as most are); a verb
   followed by 道 takes words as the verb does (invented). */
static void quotes_adverb_and_dao_after_a_name(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "赵琴芳自豪地说，咖啡果要一颗颗摘。",
        "陈晓认真地说：“我们还要干。”",
        "“绿的果子会苦。”马跃东感慨道。",
        /* no speech verb after the adverb: no speaker */
        "李明远慢慢地走进村委会。",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 3);
    check_quote(&is, 0, "赵琴芳", QUOTE_INDIRECT, "咖啡果要");
    check_quote(&is, 1, "陈晓", QUOTE_DIRECT, "我们还要干");
    check_quote(&is, 2, "马跃东", QUOTE_DIRECT, "绿的果子");
    issue_free(&is);
}

/* “……”A在某地会见某国总理B时说: B is the one met, an object in A's
   clause, and does not make the words anybody's but A's; B named again
   in a clause of their own still does (invented). */
static void quotes_person_met_is_not_the_speaker(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "德国总理塔默兰表示，两国合作前景广阔。",
        "“欢迎你再来。”2月25日，农历正月初九，林思远主席在国宾馆会见德国总理"
        "塔默兰时说。",
        "“路修好了。”林思远主席会见陈晓梅后，陈晓梅代表感慨。",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 2);
    check_quote(&is, 0, "塔默兰", QUOTE_INDIRECT, "两国合作前景广阔");
    check_quote(&is, 1, "林思远", QUOTE_DIRECT, "欢迎你再来");
    issue_free(&is);
}

/* 他/她 past the first sentence of a paragraph may be someone the
   paragraph introduced whom the rules do not know as a person (a
   transliterated name without a dot): only a person named in that
   paragraph is then taken; in the first sentence, the person of the
   paragraph before still is (invented). */
static void quotes_pronoun_after_an_unknown_subject_is_nobody(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "“我们要把路修好。”林思远代表说。",
        "谈到未来，他说：“还要再干十年。”",
        "拉斯塔米到访深圳后参观了工厂。他说：“这里的工厂很先进。”",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 2);
    check_quote(&is, 0, "林思远", QUOTE_DIRECT, "我们要把路修好");
    check_quote(&is, 1, "林思远", QUOTE_DIRECT, "还要再干十年");
    issue_free(&is);
}

/* The occasion between a name and its verb, 在……时, however long (a
   broadcast lead names the whole meeting), leaves the name the subject:
   某某5日下午在参加……审议时强调，…, and makes a name without a title a
   speaker (某某在参加小组讨论时说，).  A long gap that is no occasion (no 在
   near the name, or no 时 before the verb) still cuts the name off
   (invented sentences). */
static void quotes_occasion_between_name_and_verb(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "某台消息：国家某部部长林思远5日下午在参加他所在的某届全国人民代表大会某次"
        "会议某某维吾尔自治区代表团审议时强调，要把乡村振兴的各项任务落到实处。",
        "国家某部部长周海涛5日下午参加他所在的某届某次会议某某省代表团的审议和讨论"
        "以后的集体座谈交流会议强调，要扎实推进各项工作。",
        /* a name without a title, known from its occasion and verb */
        "韩立新在参加某某界委员小组讨论时说，要更加紧密地团结起来。",
        /* 在……时 without a verb ending the clause names no speaker */
        "韩立群在参加某某界委员小组讨论时说明了有关情况。",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 2);
    check_quote(&is, 0, "林思远", QUOTE_INDIRECT, "要把乡村振兴");
    check_quote(&is, 1, "韩立新", QUOTE_INDIRECT, "要更加紧密");
    issue_free(&is);
}

/* Words whose subject is a list of names (甲、乙、丙等3位代表先后发言，
   分别就……; 甲、乙表示，……) are the group's, no one person's; a name
   after a list of titles (全国人大代表、某公司董事长甲说) still speaks
   (invented sentences). */
static void quotes_a_list_of_names_is_nobody(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "十四届全国人大四次会议在京开幕。",
        "会上，林思远、郑明辉、韩立新等3位代表先后发言，分别就乡村振兴提出意见和建议。",
        "林思远、郑明辉表示，要加强区域合作。",
        "全国人大代表、某公司董事长韩立新说，要加快技术创新。",
        NULL};
    issue is;
    extract(&is, paras);
    for (size_t i = 0; i < is.nquotes; i++)
        if (is.quotes[i].speaker >= 0 &&
            strcmp(speaker_of(&is, i), "韩立新") != 0)
            fail_msg("quote %zu given to %s", i, speaker_of(&is, i));
    assert_int_equal(is.nquotes, 1);
    check_quote(&is, 0, "韩立新", QUOTE_INDIRECT, "要加快技术创新");
    issue_free(&is);
}

/* A surname and a title (林主席, 林总理) at a clause start refer back to
   the person named earlier with that title and surname; with another
   surname, or a courtesy title (林先生), they refer to no one (invented
   sentences). */
static void quotes_surname_and_title_refer_back(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "某某委员会主席林思远出席会议并讲话。",
        "林主席指出，要加强练兵备战。",
        "王主席指出，要统筹发展和安全。",
        "林先生说，要把工作做细。",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 1);
    check_quote(&is, 0, "林思远", QUOTE_INDIRECT, "要加强练兵备战");
    issue_free(&is);
}

/* Words given to a subject that is no person found (一位老师, 学生们,
   相关负责同志) are nobody's, never the last named speaker's; a clause
   without a subject of its own goes on with the last speaker (invented
   sentences). */
static void quotes_unnamed_subjects_stop_carrying(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "“食堂的菜比去年丰富多了。”林思远代表说。",
        "“孩子们的午餐更丰富了。”一位老师告诉记者。",
        "学生们说：“我们喜欢新操场。”",
        "在林思远代表的家乡，相关负责同志介绍：“教室也全部翻新了。”",
        "林思远随后说：“明年还要再建一座图书馆。”",
        "“建好后向全镇开放。”接着又补充说。",
        /* 留言: a crowd's written words, whoever they name */
        "视频发布后，许多网友来到乡里和林思远的视频下留言：“这是真的吗”",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 3);
    check_quote(&is, 0, "林思远", QUOTE_DIRECT, "食堂的菜");
    check_quote(&is, 1, "林思远", QUOTE_DIRECT, "明年还要");
    check_quote(&is, 2, "林思远", QUOTE_DIRECT, "建好后向全镇开放");
    issue_free(&is);
}

/* A transcript in turns: each named turn (and the paragraphs after it
   with no label) is that person's section, the guest list gives roles,
   the interviewer's turns are nobody's; 答 is the one person the subtitle
   names.  One paragraph opening with a word and a colon is no transcript
   (invented sentences). */
static void quotes_transcript_turns(void **state)
{
    (void)state;
    static const char *const roundtable[] = {
        "林思远  全国人大代表、某大学法学院院长",
        "郑  明  全国政协委员、某律师协会会长",
        "主持人：人工智能立法应当注意什么？",
        "林思远：首先要守住安全底线。",
        "其次要给创新留出足够空间。",
        "郑明：建议尽快出台专门规定。",
        "记者：您怎么看数据安全？",
        NULL};
    issue is;
    extract(&is, roundtable);
    assert_int_equal(is.nquotes, 2);
    check_quote(&is, 0, "林思远", QUOTE_SECTION, "首先要守住安全底线");
    assert_non_null(strstr(is.quotes[0].text, "\n其次要给创新"));
    check_quote(&is, 1, "郑明", QUOTE_SECTION, "建议尽快出台");
    for (size_t i = 0; i < is.npeople; i++)
        assert_string_equal(is.people[i].role,
                            strcmp(is.people[i].name, "林思远") == 0
                                ? "全国人大代表" : "全国政协委员");
    issue_free(&is);

    /* the subtitle names the answerer before 访谈 */
    static const char *const interview2[] = {
        "——某药业集团董事长韩立新访谈",
        "问：企业如何守护健康？",
        "答：坚持守护健康，是办好药企的根。",
        "问：如何看待创新？",
        "答：创新要满足百姓的需求。",
        NULL};
    extract(&is, interview2);
    assert_int_equal(is.nquotes, 2);
    check_quote(&is, 0, "韩立新", QUOTE_SECTION, "坚持守护健康");
    issue_free(&is);

    static const char *const interview[] = {
        "——访某省科技厅厅长王立新",
        "问：今年科技工作的重点是什么？",
        "答：重点是推动科技成果转化。",
        "问：如何留住人才？",
        "答：要让人才安心干事业。",
        NULL};
    extract(&is, interview);
    assert_int_equal(is.nquotes, 2);
    check_quote(&is, 0, "王立新", QUOTE_SECTION, "重点是推动");
    check_quote(&is, 1, "王立新", QUOTE_SECTION, "要让人才安心");
    issue_free(&is);

    /* A paragraph opening with a label that states the role is that
       speaker's section, transcript or not. */
    static const char *const labelled[] = {
        "林思远委员（某区委书记）：近年来养老服务不断加强。",
        NULL};
    extract(&is, labelled);
    assert_int_equal(is.nquotes, 1);
    check_quote(&is, 0, "林思远", QUOTE_SECTION, "近年来养老服务");
    assert_string_equal(is.people[0].titles, "某区委书记");
    issue_free(&is);

    /* Paragraphs opening 某某说：“…” are speech clauses, not turns: no
       person is named 林思远说. */
    static const char *const speeches[] = {
        "林思远说：“路修通了。”",
        "郑明辉表示：“大棚建起来了。”",
        NULL};
    extract(&is, speeches);
    assert_int_equal(is.nquotes, 2);
    check_quote(&is, 0, "林思远", QUOTE_DIRECT, "路修通了");
    check_quote(&is, 1, "郑明辉", QUOTE_DIRECT, "大棚建起来了");
    issue_free(&is);

    static const char *const report[] = {
        "数据显示：今年一季度全市新增企业两千家。",
        "林思远代表对此很有感触。",
        NULL};
    extract(&is, report);
    assert_int_equal(is.nquotes, 0);
    issue_free(&is);
}

/* Turns whose name is described in brackets (孙某（全国人大代表、某大学
   校长）：…) are that person's, over the unlabelled paragraphs after them
   up to the next turn; the brackets give role and titles.  A source in
   brackets (某台消息（晚间新闻）：) opens no turn (invented sentences). */
static void quotes_turns_with_the_speaker_described_in_brackets(void **state)
{
    (void)state;
    static const char *const roundtable[] = {
        "主持人：如何看待今年的科技投入？",
        "孙海（全国人大代表、某大学校长）：今年的投入力度很大。",
        "高校要把论文写在大地上。",
        "周敏（某集团董事长）：企业要成为创新主体。",
        "孙海：人才是第一资源。",
        NULL};
    issue is;
    extract(&is, roundtable);
    assert_int_equal(is.nquotes, 3);
    check_quote(&is, 0, "孙海", QUOTE_SECTION, "今年的投入力度很大");
    assert_non_null(strstr(is.quotes[0].text, "\n高校要把论文"));
    check_quote(&is, 1, "周敏", QUOTE_SECTION, "企业要成为创新主体");
    assert_null(strstr(is.quotes[1].text, "人才"));
    check_quote(&is, 2, "孙海", QUOTE_SECTION, "人才是第一资源");
    for (size_t i = 0; i < is.npeople; i++)
        if (strcmp(is.people[i].name, "孙海") == 0) {
            assert_string_equal(is.people[i].role, "全国人大代表");
            assert_string_equal(is.people[i].titles, "某大学校长");
        } else {
            assert_string_equal(is.people[i].name, "周敏");
            assert_null(is.people[i].role);
            assert_string_equal(is.people[i].titles, "某集团董事长");
        }
    issue_free(&is);

    /* at a press conference a journalist's label names the outlet
       first: the question is no part of the answer before it */
    static const char *const presser[] = {
        "某部部长韩立新回答中外记者提问。",
        "韩立新：今年将实施提振消费专项行动。",
        "某某广播电视总台记者：请问如何看待外贸形势？",
        "韩立新：外贸形势复杂，但我们有信心。",
        NULL};
    extract(&is, presser);
    assert_int_equal(is.nquotes, 2);
    check_quote(&is, 0, "韩立新", QUOTE_SECTION, "今年将实施");
    assert_null(strstr(is.quotes[0].text, "请问"));
    check_quote(&is, 1, "韩立新", QUOTE_SECTION, "外贸形势复杂");
    issue_free(&is);

    static const char *const leads[] = {
        "某台消息（晚间新闻）：某市今天举行大会。",
        "韩立新说，大会开得很成功。",
        "某台消息（晚间新闻）：某省今天发布办法。",
        NULL};
    extract(&is, leads);
    assert_int_equal(is.nquotes, 1);
    check_quote(&is, 0, "韩立新", QUOTE_INDIRECT, "大会开得很成功");
    issue_free(&is);
}

/* 这位 and a description ending with what the person is (这位来自基层的
   代表说, 这位老委员感慨道, 这位院长说) refers to the person a pronoun
   would, when the description fits them: a role ending with the same
   suffix, titles holding the title word.  Otherwise, and for descriptions
   that say nothing of a role or title (这位老人说), no one (invented). */
static void quotes_this_delegate_refers_back(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "全国人大代表、某村党支部书记韩立新今年带来了关于养老的建议。"
        "“村里老人多，养老是大事。”这位来自基层的代表说。",
        "全国政协委员、某医院院长郑明辉长期关注基层医疗。"
        "这位老委员感慨道：“基层医生太缺了。”",
        "某医院院长林思远介绍了新院区。这位院长说，床位增加了一倍。",
        /* the description does not fit the person named: no one */
        "全国政协委员赵文博走访了养老院。这位代表说，要多建养老院。",
        "某医院院长孙丽华看望了病人。“治好了。”这位老人说。",
        NULL};
    issue is;
    extract(&is, paras);
    assert_string_equal(who_said(&is, "村里老人多"), "韩立新");
    assert_string_equal(who_said(&is, "基层医生太缺了"), "郑明辉");
    assert_string_equal(who_said(&is, "床位增加了一倍"), "林思远");
    assert_nobody_said(&is, "要多建养老院");
    assert_nobody_said(&is, "治好了");
    issue_free(&is);
}

/* 他/她 opening a clause before a verb that takes its words without a
   comma (他建议医疗机构……) speaks them; a pronoun refers to no one known
   when its sentence opens with a name the rules did not read (骆某某是
   一名外卖小哥，他说) or holds a dotted name that is no person found
   (某市市长某某·某某关注……，他希望) (invented sentences). */
static void quotes_pronouns_after_unread_people(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "某医院首席专家霍立勇委员致力于推动胸痛中心建设。他建议医疗机构主动开展健康管理。",
        "骆小学是北京市的一名外卖小哥，他说，“国家的政策举措越来越完善。”",
        "某国某市市长穆沙拉夫·优素福关注智慧农业，他希望引进先进技术。",
        "某国某省副省长沙迪·叶海亚第二次来到某市，他希望扩大合作。",
        "英国首相斯塔林说，期待扩大合作。",
        "他认为，双方签署多项协议，凸显斯塔林此行取得实质性成果。",
        "某市市长郑明辉会见了斯塔林。他指出，合作前景广阔。",
        "崔立建研判，欧洲国家会响应号召，加强横向联合。",
        "某大学教授林思远长期研究城市更新。他直言不讳：“更新的成效参差不齐。”",
        NULL};
    issue is;
    extract(&is, paras);
    assert_string_equal(who_said(&is, "医疗机构主动开展"), "霍立勇");
    /* the name the sentence opens with is read once 他 speaks after it
       (scan_name_before_pronoun), and is the one */
    assert_string_equal(who_said(&is, "国家的政策举措"), "骆小学");
    /* 关注 follows a name: the dotted name is read, and is the one */
    assert_string_equal(who_said(&is, "引进先进技术"), "穆沙拉夫·优素福");
    assert_nobody_said(&is, "扩大合作");
    /* words whose first sentence names the one 他 would be are not his */
    assert_nobody_said(&is, "双方签署多项协议");
    assert_string_equal(who_said(&is, "合作前景广阔"), "郑明辉");
    /* 研判 reports a judgement */
    assert_string_equal(who_said(&is, "欧洲国家会响应号召"), "崔立建");
    /* 直言不讳 is one verb: its words are after the colon */
    assert_null(who_said(&is, "不讳"));
    assert_string_equal(who_said(&is, "更新的成效"), "林思远");
    issue_free(&is);
}

/* Words after which the text names someone of the last speaker's (某某的
   妻子接过话茬, 他的妻子笑着说) or an unnamed speaker are not carried on
   from that speaker; 某某的答案很朴素 after them is that person's own
   (invented sentences). */
static void quotes_kin_after_words_are_someone_else(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "全国人大代表杨立财说，要发展现代农业。“店面虽小，眼界不能小。”杨立财的妻子张小兰接过话茬。",
        "全国人大代表林思远说，要办好学校。“孩子们有盼头了。”他的妻子在一旁补充。",
        "全国人大代表郑明辉说，要选好干部。“有什么样的干部，就有什么样的风气。”郑明辉的答案很朴素。",
        "全国人大代表赵文博说，要修好路。“路通了，心就近了。”",
        NULL};
    issue is;
    extract(&is, paras);
    assert_nobody_said(&is, "店面虽小");
    assert_nobody_said(&is, "孩子们有盼头了");
    assert_string_equal(who_said(&is, "有什么样的干部"), "郑明辉");
    assert_string_equal(who_said(&is, "路通了"), "赵文博");
    issue_free(&is);
}

/* Words that fill their paragraph under a paragraph ending with a colon
   are said by the person that paragraph's last sentence is about; a
   document's colon (报告列出三项措施：) gives them to no one (invented). */
static void quotes_colon_closing_the_paragraph_above(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "对此，某公司首席财务官艾米·胡德给出了最有分量的回应：",
        "“如果把算力全部交给云业务，我们的增速早就超过四成了。”",
        "报告列出三项措施：",
        "“一是加强监管，二是完善制度。”",
        NULL};
    issue is;
    extract(&is, paras);
    assert_string_equal(who_said(&is, "如果把算力全部"), "艾米·胡德");
    assert_nobody_said(&is, "一是加强监管");
    issue_free(&is);
}

/* A name in Latin letters right after a job title and before a speech
   verb is a person (某银行分析师Thu Lan Nguyen表示); a product after a
   verb, one capitalised word or an acronym is none (invented). */
static void quotes_latin_names_after_a_title(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "某银行分析师Thu Lan Nguyen表示：“市场认为他更为鹰派。”",
        "某公司高级研究策略师Michael Brown指出，市场已经非常泡沫化。",
        "分析师使用Bloomberg Terminal表示数据仍在更新。",
        "某公司首席执行官CEO说，产品下月上市。",
        "某公司总裁Nvidia表示，芯片已经返回。",
        NULL};
    issue is;
    extract(&is, paras);
    assert_string_equal(who_said(&is, "市场认为他更为鹰派"), "Thu Lan Nguyen");
    assert_string_equal(who_said(&is, "市场已经非常泡沫化"), "Michael Brown");
    for (size_t i = 0; i < is.npeople; i++) {
        assert_null(strstr(is.people[i].name, "Bloomberg"));
        assert_null(strstr(is.people[i].name, "CEO"));
        assert_null(strstr(is.people[i].name, "Nvidia"));
    }
    issue_free(&is);
}

/* A view framed 在某某眼里/眼中，… is that person's, like 在某某看来;
   眼里 outside the frame (某某看在眼里) is no speech verb, and a name
   before 深有感触 or 信心 ends there (invented sentences). */
static void quotes_views_framed_by_eyes(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "全国人大代表韩立新长期关注乡村教育。",
        "在韩立新眼里，乡村振兴关键在人。",
        "在某公司总经理林思远眼中，订单就是信心。",
        "父亲的辛苦，郑明辉看在眼里，记在心里。",
        "全国政协委员赵文博深有感触：“这些年变化太大了。”",
        NULL};
    issue is;
    extract(&is, paras);
    assert_string_equal(who_said(&is, "乡村振兴关键在人"), "韩立新");
    assert_string_equal(who_said(&is, "订单就是信心"), "林思远");
    assert_string_equal(who_said(&is, "这些年变化太大了"), "赵文博");
    for (size_t i = 0; i < is.npeople; i++)
        if (strncmp(is.people[i].name, "郑明辉", strlen("郑明辉")) == 0 &&
            strcmp(is.people[i].name, "郑明辉") != 0)
            fail_msg("a person named %s", is.people[i].name);
    assert_null(who_said(&is, "记在心里"));
    issue_free(&is);
}

/* The guest a deck names (——专访某省副省长某某) answers, though the lead
   quotes someone else first (invented). */
static void quotes_answers_of_the_guest_the_deck_names(void **state)
{
    (void)state;
    load_lexicon();
    issue is;
    memset(&is, 0, sizeof is);
    article *a = issue_add_article(&is, "在中部崛起中奋勇争先");
    block_list_push(&a->blocks, "——专访某省副省长李立涛", BLOCK_DECK, 1);
    block_list_push(&a->blocks, "去年，某某总书记在某省考察时指出，要夯实实体经济。",
                    BLOCK_BODY, 2);
    block_list_push(&a->blocks, "问：如何看待挑大梁的意义？", BLOCK_BODY, 3);
    block_list_push(&a->blocks, "答：关键是胸怀全局。", BLOCK_BODY, 4);
    block_list_push(&a->blocks, "问：今年有哪些打算？", BLOCK_BODY, 5);
    block_list_push(&a->blocks, "答：要做强先进制造业。", BLOCK_BODY, 6);
    article_finish(a);
    speakers_find(&is);
    quotes_extract(&is);
    speakers_drop_silent(&is);
    assert_string_equal(who_said(&is, "关键是胸怀全局"), "李立涛");
    assert_string_equal(who_said(&is, "要做强先进制造业"), "李立涛");
    for (size_t i = 0; i < is.npeople; i++)
        if (strcmp(is.people[i].name, "李立涛") == 0)
            assert_string_equal(is.people[i].titles, "某省副省长");
    issue_free(&is);
}

/* An interview in 问/答 turns whose guest only the headline names
   (……——访某县委书记某某): the answers are the guest's, and the headline
   with its dash is a headline, not a speaker heading (invented). */
static void quotes_answers_of_the_guest_the_headline_names(void **state)
{
    (void)state;
    load_lexicon();
    issue is;
    memset(&is, 0, sizeof is);
    article *a = issue_add_article(&is, "让钱袋子鼓起来——访全国人大代表、某县委书记韩立新");
    block_list_push(&a->blocks, "问：今年有哪些新打算？", BLOCK_BODY, 1);
    block_list_push(&a->blocks, "答：要做强特色农业。", BLOCK_BODY, 2);
    block_list_push(&a->blocks, "问：怎样共享成果？", BLOCK_BODY, 3);
    block_list_push(&a->blocks, "答：完善联农带农机制。", BLOCK_BODY, 4);
    article_finish(a);
    speakers_find(&is);
    quotes_extract(&is);
    speakers_drop_silent(&is);
    assert_int_equal(is.nquotes, 2);
    check_quote(&is, 0, "韩立新", QUOTE_SECTION, "要做强特色农业");
    check_quote(&is, 1, "韩立新", QUOTE_SECTION, "完善联农带农机制");
    issue_free(&is);

    /* two people in the headline: the answers are no one's */
    memset(&is, 0, sizeof is);
    a = issue_add_article(&is, "全国人大代表韩立新、全国人大代表林思远谈乡村振兴");
    block_list_push(&a->blocks, "问：今年有哪些新打算？", BLOCK_BODY, 1);
    block_list_push(&a->blocks, "答：要做强特色农业。", BLOCK_BODY, 2);
    block_list_push(&a->blocks, "问：怎样共享成果？", BLOCK_BODY, 3);
    block_list_push(&a->blocks, "答：完善联农带农机制。", BLOCK_BODY, 4);
    article_finish(a);
    speakers_find(&is);
    quotes_extract(&is);
    for (size_t i = 0; i < is.nquotes; i++)
        assert_int_equal(is.quotes[i].speaker, -1);
    issue_free(&is);

    person p;
    assert_false(speaker_heading_parse(
        "让钱袋子鼓起来——访全国人大代表、某县委书记韩立新",
        SESSION_NATIONAL, &p));
    assert_true(speaker_heading_parse("——全国人大代表、某县委书记韩立新",
                                      SESSION_NATIONAL, &p));
    person_clear(&p);
}

/* A job title read whole before a transliterated name (前总理顾问约翰·
   米勒, 首席执行官哈桑·曼沙): the name starts after it, and the words are
   that person's, not the one named before (invented). */
static void quotes_title_before_a_foreign_name(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "某国总统约瑟夫·马奥尼出席会议。",
        "某大学教授、前总理顾问约翰·米勒表示，合作才能共赢。",
        "某公司首席执行官哈桑·曼沙表示，竞争有助于提升质量。",
        NULL};
    issue is;
    extract(&is, paras);
    assert_string_equal(who_said(&is, "合作才能共赢"), "约翰·米勒");
    assert_string_equal(who_said(&is, "竞争有助于"), "哈桑·曼沙");
    issue_free(&is);

    /* titles and descriptors ending in a person noun (首席市场官, 专干,
       学生, 的母亲) before a name; 官方, 老人张口 hold none */
    static const char *const more[] = {
        "某科技公司首席市场官王其林表示，目标是走向产业应用。",
        "某村综治专干杨小密介绍，村里新建了养老院。",
        "某小学四年级学生李梓晗说，游泳让我放松。",
        "“他热爱攀岩。”赵一飞的母亲程红说。",
        "全国人大代表林思远说，要办好学校。“她从小就独立。”林思远的母亲程小红说。",
        "“地还没来得及耕。”宋玉琼对母亲王瑞萍说。",
        "某公司方向负责人李晓红说，是，也不是。",
        "对方自称某平台官方客服：“您的会员将自动扣费。”",
        "老人张口便问：“是不是来看病的？”",
        "这让某公司项目负责人任广林深受触动：“科研人员要甘坐冷板凳。”",
        "某证券首席策略分析师陈立刚表示，行情波动较大。",
        "东方证券称，公司把握了市场机遇。",
        "某大学在读博士生伊斯梅尔·扎比赫表示，学院给了我们信心。",
        "某县副县长卢小玫说，要扎根基层。",
        "2022年，卢小玫从某大学博士毕业。“那里正在崛起。”她说。",
        NULL};
    extract(&is, more);
    assert_string_equal(who_said(&is, "目标是走向产业应用"), "王其林");
    assert_string_equal(who_said(&is, "村里新建了养老院"), "杨小密");
    assert_string_equal(who_said(&is, "游泳让我放松"), "李梓晗");
    assert_string_equal(who_said(&is, "他热爱攀岩"), "程红");
    /* the one named after 的 and a kin word is the speaker, though the
       person before is known; the one addressed after 对 and a kin word
       is not (方向负责人: 向 there ends a word) */
    assert_string_equal(who_said(&is, "她从小就独立"), "程小红");
    assert_string_equal(who_said(&is, "地还没来得及耕"), "宋玉琼");
    assert_string_equal(who_said(&is, "是，也不是"), "李晓红");
    assert_nobody_said(&is, "您的会员将自动扣费");
    assert_nobody_said(&is, "是不是来看病的");
    assert_string_equal(who_said(&is, "行情波动较大"), "陈立刚");
    /* 券 is in no given name: a securities firm is no person */
    assert_nobody_said(&is, "公司把握了市场机遇");
    assert_string_equal(who_said(&is, "学院给了我们信心"), "伊斯梅尔·扎比赫");
    /* 博士 is a degree here: 毕业 is no name, and 她 is 卢小玫 */
    assert_string_equal(who_said(&is, "那里正在崛起"), "卢小玫");
    for (size_t i = 0; i < is.npeople; i++)
        assert_string_not_equal(is.people[i].name, "毕业");
    /* 深受触动： the person moved opens the words after the colon */
    assert_string_equal(who_said(&is, "科研人员要甘坐"), "任广林");
    for (size_t i = 0; i < is.npeople; i++)
        if (strcmp(is.people[i].name, "任广林") == 0)
            assert_string_equal(is.people[i].titles, "某公司项目负责人");
    issue_free(&is);
}

/* The name right before the speech verb is its subject, whatever the
   titles before it hold (a word taken for a name elsewhere on the page);
   the 长 of 董事长 ends the title, it does not start the compound surname
   长孙 (invented sentences). */
static void quotes_name_before_verb_is_the_subject(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "要建立科学的干部管理、考核制度。",
        "市场管理委员会主任韩立新介绍，今年新增企业两千家。",
        "某集团董事长孙立斌委员说，服务业要提质增效。",
        /* a name inside the clause running into a word names a thing */
        "会议既聚焦孙立斌管理思想研究阐释，又回应产业热点。",
        "正如孙立斌所说，创新没有捷径。",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 3);
    check_quote(&is, 0, "韩立新", QUOTE_INDIRECT, "今年新增企业");
    check_quote(&is, 1, "孙立斌", QUOTE_INDIRECT, "服务业要提质");
    check_quote(&is, 2, "孙立斌", QUOTE_INDIRECT, "创新没有捷径");
    issue_free(&is);
}

/* Brackets after a name (its original spelling) or inside the titles (a
   campus) are read past; a speaker the rules do not know stays nobody's,
   never the last speaker's (invented sentences). */
static void quotes_brackets_inside_the_subject(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "林思远代表说，今年要抓好春耕。",
        "卢卡斯（Mark Lucas）说，市场已经消化了这一预期。",
        "某大学（深圳）副校长周明远说，要办好教育。",
        /* a speaker without surname or spelling, known by place only
           (between the words and the verb): never the last speaker */
        "“我们会耐心等待数据。”沃勒说。",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 4);
    check_quote(&is, 0, "林思远", QUOTE_INDIRECT, "今年要抓好春耕");
    check_quote(&is, 1, "卢卡斯", QUOTE_INDIRECT, "市场已经消化");
    check_quote(&is, 2, "周明远", QUOTE_INDIRECT, "要办好教育");
    check_quote(&is, 3, "沃勒", QUOTE_DIRECT, "我们会耐心等待数据");
    issue_free(&is);
}

/* 他/她 refers to the last person named as more than a possessor or the
   object of a preposition, at most three paragraphs before its own
   (invented sentences). */
static void quotes_pronoun_skips_people_named_in_passing(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "郑明辉代表说，村里的路要尽快修。",
        "林思远代表向郑明辉反映了村里的情况。他说：“路已经修通了。”",
        "韩立新委员认真研读了郑明辉的方案。他表示，方案还要再细化。",
        "村里的新路于去年秋天开工。",
        "全长十二公里，连通了三个自然村。",
        "沿线还建起了两座桥。",
        "他说：“明年还要把路灯装上。”",
        /* a name after a verb inside its clause is an object */
        "赵文博委员说，要抓好落实。",
        "赵文博主持会议，要求深入学习郑明辉总书记讲话精神。他指出，要把工作做细。",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 5);
    check_quote(&is, 4, "赵文博", QUOTE_INDIRECT, "要把工作做细");
    check_quote(&is, 1, "林思远", QUOTE_DIRECT, "路已经修通了");
    check_quote(&is, 2, "韩立新", QUOTE_INDIRECT, "方案还要再细化");
    issue_free(&is);
}

/* A paragraph that is only a quotation goes on with the words of the
   speaker whose words ended the paragraph before; not when the narrator
   took over there, nor when the narrator's words follow the quotation in
   its own paragraph (a saying framing the narrative) (invented). */
static void quotes_continuation_only_after_the_speakers_words(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "林思远代表说：“路修通了，货车能开进村了。”",
        "“今年的果子也好卖多了。”",
        "郑明辉代表说：“大棚也建起来了。”村民们纷纷鼓掌。",
        "“以后种菜不愁了。”",
        "韩立新代表说：“产业要因地制宜。”",
        "“要想富，先修路。”这几年，村里的路越修越宽。",
        /* in one paragraph: after an attribution the words go on; after
           a sentence of the narrator's they do not */
        "“大棚建起来了。”赵文博委员说。“菜也卖到了省城。”",
        "孙立斌代表说：“路修通了。”随后，记者跟着来到大棚。“这里的菜卖到了省城。”",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 7);
    check_quote(&is, 3, "韩立新", QUOTE_DIRECT, "产业要因地制宜");
    check_quote(&is, 4, "赵文博", QUOTE_DIRECT, "大棚建起来了");
    check_quote(&is, 5, "赵文博", QUOTE_DIRECT, "菜也卖到了省城");
    check_quote(&is, 6, "孙立斌", QUOTE_DIRECT, "路修通了");
    check_quote(&is, 0, "林思远", QUOTE_DIRECT, "路修通了");
    check_quote(&is, 1, "林思远", QUOTE_DIRECT, "今年的果子");
    check_quote(&is, 2, "郑明辉", QUOTE_DIRECT, "大棚也建起来了");
    issue_free(&is);
}

/* A full stop after a closing mark ends the quotation's sentence: the
   next sentence's speech clause reports its own words, not the quotation;
   and a person after a preposition inside a clause (站在某某身边) is no
   antecedent for 他 (invented sentences). */
static void quotes_full_stop_ends_the_quotation(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "林思远代表说，有的做法“缺乏长远考虑”，“正在透支各方的信用”。郑明辉代表随后称，这种说法并不准确。",
        "韩立新委员当时站在郑明辉身边。他事后对记者说，会场气氛很热烈。",
        /* the full stop inside a quotation ends its sentence: what a
           document says after it is not the speaker's */
        "郑明辉委员指出：“要坚持创新驱动。”规划纲要提出：“推动建立产业治理框架。”",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 5);
    check_quote(&is, 4, "郑明辉", QUOTE_DIRECT, "要坚持创新驱动");
    check_quote(&is, 1, "林思远", QUOTE_DIRECT, "正在透支各方的信用");
    check_quote(&is, 2, "郑明辉", QUOTE_INDIRECT, "这种说法并不准确");
    check_quote(&is, 3, "韩立新", QUOTE_INDIRECT, "会场气氛很热烈");
    issue_free(&is);
}

/* Words a clause right before them introduces (甲指出：“A。”, 甲多次强调
   “A”。) are that clause's speaker's, never the person named after them
   who goes on with words of their own (乙也曾提到，“B”; 。乙在此基础上
   提出“B”; 。乙则希望运动员“B”); an explicit colon keeps them from the
   next name even when its speaker is no person found (同事打趣说：); a
   quotation followed by its speaker alone (“A。”乙说。) is still the
   speaker's (invented sentences). */
static void quotes_words_belong_to_the_clause_that_opens_them(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "对于这个问题，林思远指出：“规划只说现阶段的任务，说远了就空洞了。”郑明辉也曾提到，“只有大家认识到了，才会真正承认它”。",
        "林思远多次强调“生产力中也包括科学，这是基本判断”。韩立新在此基础上提出，科学技术是第一生产力。",
        "某理事会主席焦安亲王将本届赛事视为“大家庭的大团圆，树立了新的标杆”。名誉主席郑明辉则希望运动员“在特殊时刻享受团结一心”。",
        "同事打趣说：“老韩的办法是从文献堆里刨出来的。”韩立新说：“能试的方案都试一遍，答案就出来了。”",
        "“乡村振兴，关键在人。”郑明辉说。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *who = who_said(&is, "规划只说");
    assert_non_null(who);
    assert_string_equal(who, "林思远");
    who = who_said(&is, "生产力中");
    if (who && strcmp(who, "林思远") != 0)
        fail_msg("生产力中… given to %s", who);
    assert_nobody_said(&is, "大家庭的");
    assert_nobody_said(&is, "老韩的办法");
    who = who_said(&is, "乡村振兴");
    assert_non_null(who);
    assert_string_equal(who, "郑明辉");
    who = who_said(&is, "能试的方案");
    assert_non_null(who);
    assert_string_equal(who, "韩立新");
    issue_free(&is);
}

/* Words whose source is a book or document (据《某某年谱》记载，“…”;
   《条例》明确规定：“…”) are no person's, not even the one the sentence
   is about or the one in the title; words signed by a group (“…”甲等人
   以此为指引) are no one person's; a person who writes in a book (甲在
   《诗话》中说：) or is about to speak after a phrase naming a document
   (他认为，《法典》意义重大，“…”) still speaks (invented sentences). */
static void quotes_documents_and_groups_are_nobody(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "林思远在这一阶段直接参与修改工作，据《郑明辉年谱》记载，“9月10日晚九时开始讨论草案，至次日晨七时”。",
        "“立足资源禀赋、坚持科技创新，做实能源革命。”学员韩立新等人以此为指引，撰写了多篇报告。",
        "某大学教授林思远在《诗话》中说：“好诗多是行旅离别之作，往往能感动人意。”",
        "省人大代表郑明辉提出了关于老年助餐的建议。",
        "让郑明辉欣喜的是，今年通过的《某某规定》中明确提到“鼓励志愿者为老年人送餐提供服务”。",
        "郑明辉认为，今年通过的《生态法典》意义重大，“法典将有效提升人民的生活质量。”",
        NULL};
    issue is;
    extract(&is, paras);
    assert_nobody_said(&is, "9月10日");
    assert_nobody_said(&is, "立足资源");
    assert_nobody_said(&is, "鼓励志愿者");
    const char *who = who_said(&is, "好诗多是");
    assert_non_null(who);
    assert_string_equal(who, "林思远");
    who = who_said(&is, "法典将有效");
    assert_non_null(who);
    assert_string_equal(who, "郑明辉");
    issue_free(&is);
}

/* Adverbs that begin with a surname character (尤其, 曾经) stand where a
   subject would and are no person; 对于某某来说 is a point of view, not
   words said; the person named in it still speaks elsewhere (invented
   sentences). */
static void quotes_adverbs_and_points_of_view_are_not_speakers(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "这部著作的分析框架很有解释力。尤其是以翔实的例证指出，无论哪种制度都能够产生经济增长。",
        "对于某公司司机林思远来说，开展志愿服务早已是日常生活的一部分。",
        "“收到回信时的激动心情，至今记忆犹新。”林思远说。",
        NULL};
    issue is;
    extract(&is, paras);
    for (size_t i = 0; i < is.nquotes; i++)
        if (strcmp(speaker_of(&is, i), "林思远") != 0 ||
            strncmp(is.quotes[i].text, "收到回信", strlen("收到回信")) != 0)
            fail_msg("quote %zu (%s) given to %s", i, is.quotes[i].text,
                     speaker_of(&is, i));
    assert_int_equal(is.nquotes, 1);
    issue_free(&is);
}

/* A question-and-answer piece whose lead says an unnamed official
   answers (某部负责人就有关问题回答了记者提问) gives the answers to nobody,
   not to the one person the lead mentions as news (总理某某签署命令); a
   subtitle naming the answerer (——访某集团负责人某某) still gives them
   (invented). */
static void quotes_unnamed_answerer_is_nobody(void **state)
{
    (void)state;
    static const char *const official[] = {
        "国务院总理林思远日前签署命令，公布修订后的《某某条例》。日前，某部负责人就《条例》有关问题回答了记者提问。",
        "问：请简要介绍一下修订背景。",
        "答：复议是政府系统自我纠错的监督制度。",
        "问：如何方便群众？",
        "答：条例规定了多项便民举措。",
        NULL};
    issue is;
    extract(&is, official);
    assert_nobody_said(&is, "复议是");
    assert_nobody_said(&is, "条例规定");
    issue_free(&is);

    static const char *const guest[] = {
        "——访某集团负责人韩立新",
        "问：企业如何守护健康？",
        "答：坚持守护健康，是办好企业的根。",
        NULL};
    extract(&is, guest);
    assert_int_equal(is.nquotes, 1);
    check_quote(&is, 0, "韩立新", QUOTE_SECTION, "坚持守护健康");
    issue_free(&is);
}

/* A preposition that is also a surname and the ones addressed (向游客
   介绍, 对村民说) are no name, even opening a clause before a speech verb;
   a real name with that surname (向隆万介绍) still speaks (invented). */
static void quotes_preposition_and_addressee_are_no_name(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "“压板力度要均匀，蜂蜜量要刚好。”工作人员向游客介绍，这里能手搓山楂丸。",
        "村干部对村民说，今年要把路修好。",
        "向隆万介绍，合作社今年扩大了种植面积。",
        NULL};
    issue is;
    extract(&is, paras);
    for (size_t i = 0; i < is.nquotes; i++)
        if (is.quotes[i].speaker >= 0 &&
            strcmp(speaker_of(&is, i), "向隆万") != 0)
            fail_msg("quote %zu (%s) given to %s", i, is.quotes[i].text,
                     speaker_of(&is, i));
    assert_int_equal(is.nquotes, 1);
    check_quote(&is, 0, "向隆万", QUOTE_INDIRECT, "合作社今年");
    issue_free(&is);
}

/* 他 in a sentence about someone whose transliterated name the rules do
   not read as a person (弗里扎林高度认可……，他表示) is that one, not the
   last person named; in a sentence opening with an ordinary word it is
   still the last person named (invented). */
static void quotes_pronoun_after_an_unread_foreign_name_is_nobody(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "意大利某中心主席菲奥伦蒂诺表示，双方已签署多项合作协议。",
        "弗里扎林高度认可中国生态保护成果，他表示，中国拥有众多自然地貌。",
        "全国人大代表林思远说，要加强合作。他还表示，期待双方扩大青年交流。",
        NULL};
    issue is;
    extract(&is, paras);
    assert_nobody_said(&is, "中国拥有");
    const char *who = who_said(&is, "双方已签署");
    assert_non_null(who);
    assert_string_equal(who, "菲奥伦蒂诺");
    who = who_said(&is, "期待双方");
    assert_non_null(who);
    assert_string_equal(who, "林思远");
    issue_free(&is);
}

/* A leader's words introduced by a line ending in a speech verb and a
   dash or colon: as a subhead (stage 4's reading of such a line) or as a
   paragraph of its own, the paragraph after it is the leader's; a subhead
   naming nobody, or naming no speech, introduces nothing (invented). */
static void quotes_words_after_an_introducing_line(void **state)
{
    (void)state;
    static const kinded_block blocks[] = {
        {"林思远总书记在大会上的讲话引起热烈反响。", BLOCK_BODY},
        {"林思远总书记强调——", BLOCK_SUBHEAD},
        {"发展新产业要因地制宜，不能一哄而上。", BLOCK_BODY},
        {"以创新引领产业升级", BLOCK_SUBHEAD},
        {"各地积极推进产业升级。", BLOCK_BODY},
        {"林思远总书记指出：", BLOCK_BODY},
        {"乡村振兴要把产业链留在县域。", BLOCK_BODY},
        /* a kicker summing up a report introduces nothing */
        {"林思远在座谈会上表示", BLOCK_KICKER},
        {"座谈会在某地举行，来自各地的代表参加。", BLOCK_BODY},
    };
    issue is;
    extract_kinds(&is, blocks, sizeof blocks / sizeof blocks[0]);
    assert_int_equal(is.nquotes, 2);
    check_quote(&is, 0, "林思远", QUOTE_SECTION, "发展新产业要因地制宜");
    assert_string_equal(speaker_of(&is, 1), "林思远");
    assert_true(strncmp(is.quotes[1].text, "乡村振兴要把产业链",
                        strlen("乡村振兴要把产业链")) == 0);
    issue_free(&is);
}

/* A signature that stage 4 read as a subhead (——某某代表（titles）)
   signs the paragraphs above it like a speaker heading's; a dash line
   that states no role signs nothing (invented). */
static void quotes_signature_read_as_a_subhead(void **state)
{
    (void)state;
    static const kinded_block blocks[] = {
        {"十四届全国人大四次会议期间，代表们积极建言。", BLOCK_BODY},
        {"议事厅", BLOCK_SUBHEAD},
        {"残疾人出行仍有不少难处。", BLOCK_BODY},
        {"建议加快无障碍设施改造。", BLOCK_BODY},
        {"——林思远代表（某供电公司检修中心主任）", BLOCK_SUBHEAD},
        {"算力发展离不开电力保障。", BLOCK_BODY},
        {"——摘自某研究报告", BLOCK_SUBHEAD},
        /* a source line under a leader's words, one paragraph each */
        {"要树立正确政绩观，坚持从实际出发。", BLOCK_BODY},
        {"——3月1日，郑明辉总书记在某研讨班上讲话强调", BLOCK_BODY},
        {"要自觉做为民造福的奉献者。", BLOCK_BODY},
        {"——郑明辉总书记在某培训班上作出指示强调", BLOCK_BODY},
    };
    issue is;
    extract_kinds(&is, blocks, sizeof blocks / sizeof blocks[0]);
    assert_int_equal(is.nquotes, 3);
    check_quote(&is, 0, "林思远", QUOTE_SECTION, "残疾人出行仍有");
    check_quote(&is, 1, "郑明辉", QUOTE_SECTION, "要树立正确政绩观");
    check_quote(&is, 2, "郑明辉", QUOTE_SECTION, "要自觉做为民造福");
    assert_non_null(strstr(is.quotes[0].text, "\n建议加快"));
    assert_string_equal(is.people[0].role, "全国人大代表");
    assert_string_equal(is.people[0].titles, "某供电公司检修中心主任");
    issue_free(&is);
}

/* A signed piece: an author line (titles, a space, the name) before the
   text makes the text the author's section; a reporter's byline does not
   (invented). */
static void quotes_signed_piece_is_its_authors(void **state)
{
    (void)state;
    static const kinded_block signed_piece[] = {
        {"某省政协主席 林思远 字数: 3000字", BLOCK_DECK},
        {"协商民主是实践全过程人民民主的重要形式。", BLOCK_BODY},
        {"要把团结和民主两大主题贯穿履职全过程。", BLOCK_BODY},
    };
    issue is;
    extract_kinds(&is, signed_piece, sizeof signed_piece / sizeof signed_piece[0]);
    assert_int_equal(is.nquotes, 1);
    check_quote(&is, 0, "林思远", QUOTE_SECTION, "协商民主是实践");
    assert_non_null(strstr(is.quotes[0].text, "\n要把团结"));
    assert_string_equal(is.people[0].titles, "某省政协主席");
    issue_free(&is);

    /* A closing note gives the role and titles; the byline the name;
       the note's words after its first comma name the reporter. */
    static const kinded_block noted[] = {
        {"林思远", BLOCK_BYLINE},
        {"乡村振兴，关键在人。", BLOCK_BODY},
        {"要让更多年轻人愿意回到乡村。", BLOCK_BODY},
        {"（作者为全国政协委员、某大学教授，本报记者赵某采访整理）", BLOCK_BODY},
    };
    extract_kinds(&is, noted, sizeof noted / sizeof noted[0]);
    assert_int_equal(is.nquotes, 1);
    check_quote(&is, 0, "林思远", QUOTE_SECTION, "乡村振兴，关键在人");
    assert_null(strstr(is.quotes[0].text, "作者为"));
    assert_string_equal(is.people[0].role, "全国政协委员");
    assert_string_equal(is.people[0].titles, "某大学教授");
    issue_free(&is);

    /* Without a byline, a note whose titles end with a name after a
       space names the author; a note ending with no name (no byline)
       names no one. */
    static const kinded_block named_note[] = {
        {"乡村振兴，关键在人。", BLOCK_BODY},
        {"（作者系全国政协委员、某大学教授 林思远）", BLOCK_BODY},
    };
    extract_kinds(&is, named_note, sizeof named_note / sizeof named_note[0]);
    assert_int_equal(is.nquotes, 1);
    check_quote(&is, 0, "林思远", QUOTE_SECTION, "乡村振兴，关键在人");
    assert_string_equal(is.people[0].role, "全国政协委员");
    assert_string_equal(is.people[0].titles, "某大学教授");
    issue_free(&is);
    static const kinded_block unnamed_note[] = {
        {"乡村振兴，关键在人。", BLOCK_BODY},
        {"（作者为全国政协委员、某大学教授）", BLOCK_BODY},
    };
    extract_kinds(&is, unnamed_note, sizeof unnamed_note / sizeof unnamed_note[0]);
    assert_int_equal(is.nquotes, 0);
    issue_free(&is);

    /* a crawl prints the edition stamp after the byline's name */
    static const kinded_block stamped[] = {
        {"林思远《某某日报》（2026年03月14日第 15 版）", BLOCK_BYLINE},
        {"乡村振兴，关键在人。", BLOCK_BODY},
        {"（作者为某大学教授）", BLOCK_BODY},
    };
    extract_kinds(&is, stamped, sizeof stamped / sizeof stamped[0]);
    assert_int_equal(is.nquotes, 1);
    check_quote(&is, 0, "林思远", QUOTE_SECTION, "乡村振兴，关键在人");
    issue_free(&is);
    static const kinded_block staff_stamped[] = {
        {"本报记者 林思远《某某日报》（2026年03月14日第 15 版）", BLOCK_BYLINE},
        {"乡村振兴，关键在人。", BLOCK_BODY},
        {"（作者为某大学教授）", BLOCK_BODY},
    };
    extract_kinds(&is, staff_stamped, sizeof staff_stamped / sizeof staff_stamped[0]);
    assert_int_equal(is.nquotes, 0);
    issue_free(&is);

    /* （作者：某某，系……）names the author first, then the titles */
    static const kinded_block colon_note[] = {
        {"乡村振兴，关键在人。", BLOCK_BODY},
        {"（作者：林思远，系全国政协委员、某大学教授）", BLOCK_BODY},
    };
    extract_kinds(&is, colon_note, sizeof colon_note / sizeof colon_note[0]);
    assert_int_equal(is.nquotes, 1);
    check_quote(&is, 0, "林思远", QUOTE_SECTION, "乡村振兴，关键在人");
    assert_null(strstr(is.quotes[0].text, "作者"));
    assert_string_equal(is.people[0].role, "全国政协委员");
    assert_string_equal(is.people[0].titles, "某大学教授");
    issue_free(&is);

    /* A note of the author's unit (作者单位：…) names no author. */
    static const kinded_block unit_note[] = {
        {"林思远", BLOCK_BYLINE},
        {"乡村振兴，关键在人。", BLOCK_BODY},
        {"（作者单位：某大学法学院）", BLOCK_BODY},
    };
    extract_kinds(&is, unit_note, sizeof unit_note / sizeof unit_note[0]);
    assert_int_equal(is.nquotes, 0);
    issue_free(&is);

    static const kinded_block report[] = {
        {"本报记者 林思远", BLOCK_DECK},
        {"协商民主是实践全过程人民民主的重要形式。", BLOCK_BODY},
    };
    extract_kinds(&is, report, sizeof report / sizeof report[0]);
    assert_int_equal(is.nquotes, 0);
    issue_free(&is);
}

/* Words right after a speech verb without a comma (CCTV and short
   reports) are an indirect quote, to the end of their sentence, when the
   verb follows the speaker's name; not after a noun marker (表示了), not a
   verb that takes a noun (介绍了情况), not far from the name (invented). */
static void quotes_words_without_a_comma(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "林思远代表建议加大对县域医疗的投入。他还谈到了教育。",
        "郑明辉委员认为这是发展特色产业的好机会。",
        "林思远代表表示了感谢。",
        "郑明辉介绍了村里的情况。",
        /* a clause with no subject goes on with the sentence's opener:
           认为 takes its words without a comma there too */
        "林思远在调研中发现很多问题，认为亟须解决。",
        /* 称 takes its words without a comma too; 称号, 称作 are nouns
           and verbs of naming */
        "郑明辉称对“这一做法感到满意”。",
        "林思远获得劳动模范称号。郑明辉称作“田秀才”。",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 4);
    check_quote(&is, 0, "林思远", QUOTE_INDIRECT, "加大对县域医疗");
    assert_null(strstr(is.quotes[0].text, "他还谈到"));
    check_quote(&is, 1, "郑明辉", QUOTE_INDIRECT, "这是发展特色产业");
    check_quote(&is, 2, "林思远", QUOTE_INDIRECT, "亟须解决");
    check_quote(&is, 3, "郑明辉", QUOTE_INDIRECT, "对“这一做法");
    issue_free(&is);
}

/* ---- the scorer --------------------------------------------------------- */

/* Quotes matched with speaker, kind and first words, and delegate roles:
   the totals over a set of pages. */
typedef struct {
    score_counts quotes;
    size_t role_errors, roles;
} quote_totals;

/* Score one gold page (tests/data/pages/README.md) and add to *total. */
static void score_gold_page(const gold_page *g, quote_totals *total)
{
    size_t n;
    char *bytes = test_read_file(test_src_path(g->source), &n);
    const char *base = strrchr(g->source, '/');
    base = base ? base + 1 : g->source;
    issue is;
    structure_score ss;
    statement_score qs;
    strbuf err = {0};
    if (score_page(g, base, bytes, n, &is, &ss, &qs,
                   getenv("DUBAO_QUOTES_VERBOSE") != NULL, &err) != 0)
        fail_msg("%s: %s", g->source, err.s);
    printf("  %-48s golden %3zu found %3zu matched %3zu  P %.3f R %.3f  "
           "roles %zu/%zu\n", base, qs.quotes_kind.gold, qs.quotes_kind.pred,
           qs.quotes_kind.tp, score_precision(&qs.quotes_kind),
           score_recall(&qs.quotes_kind), g->npeople - qs.role_errors,
           g->npeople);
    score_counts_add(&total->quotes, &qs.quotes_kind);
    total->role_errors += qs.role_errors;
    total->roles += g->npeople;
    issue_free(&is);
    free(bytes);
    sb_free(&err);
}

/* Score the gold pages chosen by want (the shipped corpus, or the test
   pages marked "target strict"); assert the precision and recall targets
   (speaker, kind and first words all right) and no role errors. */
static void score_set(const char *label, bool shipped, double want_p,
                      double want_r)
{
    strlist files = {0};
    strbuf err = {0};
    if (gold_list(test_src_path("tests/data/pages"), &files, &err) != 0)
        fail_msg("%s", err.s);
    quote_totals total = {0};
    size_t pages = 0;
    printf("quote scorer, %s:\n", label);
    for (size_t i = 0; i < files.n; i++) {
        gold_page g;
        if (gold_load(files.v[i], &g, &err) != 0)
            fail_msg("%s", err.s);
        if (shipped ? strcmp(g.split, "shipped") == 0 : g.strict) {
            score_gold_page(&g, &total);
            pages++;
        }
        gold_free(&g);
    }
    double prec = score_precision(&total.quotes);
    double rec = score_recall(&total.quotes);
    printf("  %-48s golden %3zu found %3zu matched %3zu  P %.3f R %.3f  "
           "roles %zu/%zu\n", "overall", total.quotes.gold, total.quotes.pred,
           total.quotes.tp, prec, rec, total.roles - total.role_errors,
           total.roles);
    assert_true(pages >= 3);
    assert_true(prec >= want_p);
    assert_true(rec >= want_r);
    assert_int_equal(total.role_errors, 0);
    strlist_free(&files);
    sb_free(&err);
}

static void quotes_score_corpus(void **state)
{
    (void)state;
    load_lexicon();
    score_set("shipped corpus", true, 0.95, 0.90);
}

static void quotes_score_strict_test_pages(void **state)
{
    (void)state;
    load_lexicon();
    score_set("test pages marked strict", false, 0.90, 0.85);
}

/* A section under a speaker heading that mentions a reporter (staff_words
   marks 记者, 通讯员, 实习生 as reporters) is the reporter's account; 编辑
   (also "to edit") does not make it one. */
static const char *const reporter_and_speaker_sections[] = {
    "H|市人大代表、某某中学校长张三：",
    "本报通讯员了解到，这所学校今年新建了实验室。",
    "H|市政协委员、某某出版社社长李四：",
    "我们编辑出版了一套新教材，受到师生欢迎。", NULL};

static void quotes_section_naming_a_reporter_is_not_the_speakers(void **state)
{
    (void)state;
    issue is;
    extract(&is, reporter_and_speaker_sections);
    assert_int_equal(is.nquotes, 1);
    check_quote(&is, 0, "李四", QUOTE_SECTION, "我们编辑出版了");
    issue_free(&is);
}

/* The word lists of the quotes stage on invented sentences: frame words
   before the subject (frame_words.txt), who a verb addresses
   (speech_objects.txt), unnamed speakers who end a person's words
   (unnamed_speakers.txt), verbs used as nouns (noun_markers.txt) or in
   phrases that are not speech (not_speech.txt), and courtesy titles that
   refer to nobody in particular (suffix_titles.txt). */
static const char *const quote_list_page[] = {
    "H|全国人大代表、某某集团董事长张三：",
    "同时他表示，要把工作做细做实。",
    "张三告诉记者，产品质量是第一位的。",
    "张三说，要做好这项工作。有关负责人表示，工作正在推进。",
    "张三听了介绍，觉得很有收获。张三可以说，这件事情很重要。",
    "李四先生出席了会议。先生说，这件事情很重要，大家都很关心。", NULL};

/* A foreign name printed with its original spelling in brackets is a
   person, whatever its first character, and their transcript turns are
   theirs; brackets holding other things name no one (invented). */
static void quotes_names_with_their_spelling(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "某汽车集团 CEO 莫里安（Étienne Morin）在上海接受采访。",
        "记者：您怎么看中国市场？",
        "莫里安：中国市场的竞争非常激烈。",
        "莫里安说，公司不会离开中国。",
        "会议在上海（Shanghai）举行，集团（下称公司）发布新车。",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 2);
    check_quote(&is, 0, "莫里安", QUOTE_SECTION, "中国市场的竞争");
    check_quote(&is, 1, "莫里安", QUOTE_INDIRECT, "公司不会离开中国");
    assert_int_equal(is.npeople, 1);
    issue_free(&is);
}

/* More speech forms: 提及, 写道, 分析指, exchanges (插话, 接过话头说), 她在
   发言中说, 某某对《某某日报》记者表示 (invented). */
static void quotes_more_speech_forms(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "林思远代表提及，县域医疗还有短板。",
        "郑明辉在信中写道：“家乡的变化太大了。”",
        "经济学家韩立新分析指，消费回暖的势头已经形成。",
        /* an exchange: one member cuts in, another takes up the word */
        "周海涛委员插话：“关键是留住人才。”",
        "林思远代表接过话头说：“人才要靠产业来留。”",
        "她在发言中说，要把产业链留在县域。",
        /* the one addressed between name and verb */
        "赵文博对《某某日报》记者表示，消费正在回暖。",
        /* what a person cites, counted, before a colon; not a word alone,
           nor a colon without anything counted */
        "某市市长孙立斌代表报出一组数据：今年冰雪季接待游客超过一亿人次。",
        "孙立斌代表举了一个例子：核聚变。",
        "孙立斌代表翻开调研笔记：如何留住人才，如何办好教育。",
        NULL};
    issue is;
    extract(&is, paras);
    assert_int_equal(is.nquotes, 8);
    check_quote(&is, 6, "赵文博", QUOTE_INDIRECT, "消费正在回暖");
    check_quote(&is, 7, "孙立斌", QUOTE_INDIRECT, "今年冰雪季接待");
    check_quote(&is, 3, "周海涛", QUOTE_DIRECT, "关键是留住人才");
    check_quote(&is, 4, "林思远", QUOTE_DIRECT, "人才要靠产业");
    check_quote(&is, 5, "林思远", QUOTE_INDIRECT, "要把产业链留在");
    check_quote(&is, 0, "林思远", QUOTE_INDIRECT, "县域医疗还有短板");
    check_quote(&is, 1, "郑明辉", QUOTE_DIRECT, "家乡的变化太大了");
    check_quote(&is, 2, "韩立新", QUOTE_INDIRECT, "消费回暖的势头");
    issue_free(&is);
}

static void quotes_word_lists_on_invented_sentences(void **state)
{
    (void)state;
    /* All of 张三's, each the whole of what was said, nothing else. */
    static const char *const want[] = {"要把工作做细做实。",
                                       "产品质量是第一位的。",
                                       "要做好这项工作。"};
    issue is;
    extract(&is, quote_list_page);
    assert_int_equal(is.nquotes, sizeof want / sizeof *want);
    for (size_t i = 0; i < is.nquotes; i++) {
        assert_string_equal(speaker_of(&is, i), "张三");
        assert_int_equal(is.quotes[i].kind, QUOTE_INDIRECT);
        assert_string_equal(is.quotes[i].text, want[i]);
    }
    issue_free(&is);
}

/* A part of a dotted name may run to eight characters when most of them
   are transliteration characters (a title and a name of several
   syllables run together): the whole name speaks, not its tail; a run of
   ordinary words before the dot is no part (invented names). */
static void quotes_dotted_names_with_long_parts(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "某国总统阿卜杜拉赫曼·萨利姆表示，两国友谊源远流长。",
        "某国前总统塔·别尔德穆拉多夫表示，愿同各方加强合作。",
        NULL};
    /* a place and a title before the first part are none of it, however
       many of their characters transliterate (巴西, 马里) */
    static const char *const place_title[] = {
        "巴西总统卢拉·达席尔瓦表示，两国关系很好。",
        "马里总统阿西米·戈伊塔表示，局势已经缓和。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *w = who_said(&is, "两国友谊");
    assert_string_equal(w ? w : "(none)", "阿卜杜拉赫曼·萨利姆");
    w = who_said(&is, "愿同各方");
    assert_string_equal(w ? w : "(none)", "塔·别尔德穆拉多夫");
    issue_free(&is);
    extract(&is, place_title);
    w = who_said(&is, "两国关系");
    assert_string_equal(w ? w : "(none)", "卢拉·达席尔瓦");
    w = who_said(&is, "局势已经");
    assert_string_equal(w ? w : "(none)", "阿西米·戈伊塔");
    issue_free(&is);
}

/* After a foreign title a hyphen joins the two parts of a double
   transliterated name: the whole name speaks, not its first part; a run
   that goes on past a hyphen into a word or a place (某某-北京会谈) is no
   name (invented names). */
static void quotes_hyphenated_foreign_names(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "智利总统迪亚斯-卡内尔表示，两国关系很好。",
        "秘鲁外长拉索-北京会谈取得成果。",
        "秘鲁总统萨利-博纳说，愿意合作。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *w = who_said(&is, "两国关系");
    assert_string_equal(w ? w : "(none)", "迪亚斯-卡内尔");
    w = who_said(&is, "愿意合作");
    assert_string_equal(w ? w : "(none)", "萨利-博纳");
    for (size_t i = 0; i < is.npeople; i++)
        if (strcmp(is.people[i].name, "拉索") == 0 ||
            strcmp(is.people[i].name, "迪亚斯") == 0)
            fail_msg("%s taken for a whole name", is.people[i].name);
    issue_free(&is);
}

/* After a foreign title a name without a dot may have six characters,
   and 申, 楚, 济, 京 are transliteration characters (invented names); a
   run of seven is no name. */
static void quotes_longer_foreign_names_without_a_dot(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "白俄罗斯总统卢卡申斯基表示，两国友谊深厚。",
        "乌兹别克斯坦总统米尔济约耶科表示，愿深化合作。",
        "不丹国王旺楚达表示，祝贺大会召开。",
        "俄罗斯总统阿尔济约耶科夫表示，局势已缓和。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *w = who_said(&is, "两国友谊");
    assert_string_equal(w ? w : "(none)", "卢卡申斯基");
    w = who_said(&is, "愿深化合作");
    assert_string_equal(w ? w : "(none)", "米尔济约耶科");
    w = who_said(&is, "祝贺大会");
    assert_string_equal(w ? w : "(none)", "旺楚达");
    assert_nobody_said(&is, "局势已缓和");
    issue_free(&is);
}

/* After a foreign title, 里 (never inside a Chinese given name) is a
   part of a transliterated name when the name goes on after it (拉里贾斯,
   not 贾斯 read from the surname 贾); a character never inside a name
   that neither goes on into another transliteration character nor ends
   the name still cuts it (特朗斯本周 is no name); 否认 follows a name
   (invented names). */
static void quotes_li_inside_a_foreign_name(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "伊朗外长拉里贾斯表示，有关说法不实。",
        "美国总统特朗斯本周表示，谈判取得进展。",
        "伊朗国防部长萨贝里否认了有关报道。萨贝里说，军队已做好准备。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *w = who_said(&is, "有关说法");
    assert_string_equal(w ? w : "(none)", "拉里贾斯");
    w = who_said(&is, "军队已做好");
    assert_string_equal(w ? w : "(none)", "萨贝里");
    for (size_t i = 0; i < is.npeople; i++)
        if (strcmp(is.people[i].name, "贾斯") == 0 ||
            strcmp(is.people[i].name, "特朗斯本") == 0)
            fail_msg("%s taken for a name", is.people[i].name);
    issue_free(&is);
}

/* After any speech verb, words that open with a modal (要, 必须) follow
   it without a comma (某某强调要…, 某某指出必须…: broadcast style); a noun
   that begins so (要害, 要点, 要求) is no words, and a subject that is no person
   (文件, 代表们) gives them to no one (invented lines). */
static void quotes_modal_words_without_a_comma(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "某部部长王立新说，今年要加快建设。",
        "在某省代表团审议时，王立新强调要牢牢把握发展这个首要任务。",
        "王立新指出必须坚持稳中求进。",
        "王立新指出要害在于落实。",
        "王立新提出要求，各地要抓好落实。",
        "文件强调要加强基层治理。",
        "代表们强调要办好民生实事。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *w = who_said(&is, "要牢牢把握");
    assert_string_equal(w ? w : "(none)", "王立新");
    w = who_said(&is, "必须坚持");
    assert_string_equal(w ? w : "(none)", "王立新");
    assert_null(who_said(&is, "要害在于"));
    assert_null(who_said(&is, "要求"));
    assert_nobody_said(&is, "要加强基层");
    assert_nobody_said(&is, "要办好民生");
    issue_free(&is);
}

/* The name checks that speakers.c and quotes.c share (names.c). */
static void quotes_shared_name_checks(void **state)
{
    (void)state;
    load_lexicon();
    const char *s = "他说";
    assert_int_equal(pronoun_subject_len(s, strlen(s)), strlen("他"));
    s = "她表示";
    assert_int_equal(pronoun_subject_len(s, strlen(s)), strlen("她"));
    s = "他们说";
    assert_int_equal(pronoun_subject_len(s, strlen(s)), 0);
    s = "他的建议";
    assert_int_equal(pronoun_subject_len(s, strlen(s)), 0);
    s = "其他";
    assert_int_equal(pronoun_subject_len(s, strlen(s)), 0);
    s = "王立新";
    assert_true(could_be_han_name(s, strlen(s)));
    s = "古特雷斯";
    assert_false(could_be_han_name(s, strlen(s)));
    s = "特朗普";
    assert_false(could_be_han_name(s, strlen(s)));
}

/* A title ending in a staff word (总编辑, 副总编辑) is a title: the one
   after it speaks; a bare staff word (记者) still marks the paper's own
   reporter, who is no speaker (invented). */
static void quotes_editor_in_chief_speaks(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "某国某报总编辑谢里克·科尔茹巴耶夫表示，合作的经验值得借鉴。",
        "某出版社总编辑高明岸说，要讲好故事。",
        "记者常新明说，现场秩序井然。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *who = who_said(&is, "合作的经验");
    assert_non_null(who);
    assert_string_equal(who, "谢里克·科尔茹巴耶夫");
    who = who_said(&is, "要讲好故事");
    assert_non_null(who);
    assert_string_equal(who, "高明岸");
    assert_nobody_said(&is, "现场秩序");
    issue_free(&is);
}

/* A foreign name after a military title (海军副司令某某) is read as after
   any foreign title; a dotted name followed by its original spelling in
   brackets is read whole (invented). */
static void quotes_foreign_names_after_commands_and_before_spelling(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "伊朗海军政治副司令阿克巴尔扎在27日的声明中表示，本国并不寻求战争。",
        "芬兰总统亚历山大·斯图布（Alexander Stubb）表示，世界秩序正在变化。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *who = who_said(&is, "本国并不寻求战争");
    assert_non_null(who);
    assert_string_equal(who, "阿克巴尔扎");
    who = who_said(&is, "世界秩序正在变化");
    assert_non_null(who);
    assert_string_equal(who, "亚历山大·斯图布");
    issue_free(&is);
}

/* Words after a colon belong to the person opening the clause right
   before it, whoever opens the sentence (甲兴致盎然，乙有感而发：“…”);
   a person opening an earlier clause speaks only when the last clause
   has no subject of its own (invented). */
static void quotes_colon_words_go_to_the_last_clause_subject(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "张文远说，今天很高兴。李志明表示，欢迎大家。王海涛说，很激动。",
        "穿行于古树间，张文远兴致盎然，李志明有感而发：“站在这里，会升华我们的精神。”",
        "王海涛走进会场，心情久久不能平静：“这是我第一次来到这里。”",
        NULL};
    issue is;
    extract(&is, paras);
    const char *who = who_said(&is, "站在这里");
    assert_non_null(who);
    assert_string_equal(who, "李志明");
    who = who_said(&is, "这是我第一次");
    assert_non_null(who);
    assert_string_equal(who, "王海涛");
    issue_free(&is);
}

/* 说 takes its words without a comma (某某说这是…), as 认为 and 表示 do;
   the words that begin with 说 and report nothing (说明, 说服, 说得,
   说不出) do not, nor does a speech verb with 着 (提醒着) (invented). */
static void quotes_shuo_without_a_comma(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "丁伯宁介绍，学校今年秋天启用。",
        "楼道里有一处宽敞的交流空间，丁伯宁说这是为学生准备的空间，每个年级都有。",
        "周海明表示，会议开得很好。会上，周海明说明了有关情况。",
        "王立新表示，要回村创业。王立新说服了家人，回到了村里。",
        "李文静表示，日子越过越好。李文静说得很实在。",
        "赵志远表示，很激动。赵志远说不出话来。",
        /* a speech verb with 着 tells what someone is doing */
        "钱立华表示，很温暖。钱立华轻声提醒着两位老人，准备照料他们洗漱。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *who = who_said(&is, "这是为学生准备的空间");
    assert_non_null(who);
    assert_string_equal(who, "丁伯宁");
    assert_null(who_said(&is, "明了有关情况"));
    assert_null(who_said(&is, "服了家人"));
    assert_null(who_said(&is, "得很实在"));
    assert_null(who_said(&is, "不出话来"));
    assert_null(who_said(&is, "着两位老人"));
    issue_free(&is);
}

/* A person named in Latin letters after a title is the one the page
   later calls by the last word of the name (Brown of Michael Brown), not
   someone else of that first name (invented). */
static void quotes_latin_name_by_its_last_word(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "某银行高级策略师Michael Brown表示，市场已经非常拥挤。",
        "另一家机构的分析师Michael Stone则认为，价格还会上涨。",
        "Brown表示：“简单地说，每个人都在同时冲向出口。”",
        "Michael说，他还在观察。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *who = who_said(&is, "简单地说");
    assert_non_null(who);
    assert_string_equal(who, "Michael Brown");
    assert_nobody_said(&is, "他还在观察");
    issue_free(&is);
}

/* Whom a speech verb addresses may be any few characters before a colon
   (告诉财新：, 用三个词总结：); before a comma they are as often the words
   (invented). */
static void quotes_addressee_before_a_colon(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "论坛上，芬兰总统约翰·米勒在回答问题时告诉某网：我认为，世界正在变化。",
        "市长周立新在会上用三个词总结今年的工作：稳住、提质、惠民。",
        "周海涛告诉某网，我们会继续观察。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *who = who_said(&is, "我认为，世界正在变化");
    assert_non_null(who);
    assert_string_equal(who, "约翰·米勒");
    who = who_said(&is, "稳住、提质、惠民");
    assert_non_null(who);
    assert_string_equal(who, "周立新");
    assert_nobody_said(&is, "我们会继续观察");
    assert_nobody_said(&is, "某网，我们会");
    issue_free(&is);
}

/* Words right after a colon are those of the clause the colon ends,
   speech clause or not: of the person opening it (after their title),
   of nobody nameable when it opens with someone unnamed, a possessor or
   an object; never of the person named after the words.  A name after a
   title may end at an adverb with 地 of up to four characters (invented). */
static void quotes_colon_words_belong_to_their_clause(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "“这是用传统工艺捏塑出来的作品。”街区东侧，摊主陈立杰声音洪亮地介绍。",
        "烈属们先后发言。周海的母亲强忍泪水：“他从小就梦想飞上蓝天，我理解他。”"
        "王立新的妻子李秀英饱含深情地说：“是你们让我知道，丈夫没有被忘记。”",
        "24岁的技术员钱立华在一旁看得认真：“图片左下角有气泡，这是咋回事？”"
        "管理人员吴建国回答：“上下光源切换再拍一张。”",
        "这事传到网上，有网友夸孙立平：“正能量司机，有勇有谋。”"
        "车队队长赵建华告诉记者，他一点都不意外。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *who = who_said(&is, "这是用传统工艺");
    assert_non_null(who);
    assert_string_equal(who, "陈立杰");
    assert_nobody_said(&is, "他从小就梦想");
    who = who_said(&is, "是你们让我知道");
    assert_non_null(who);
    assert_string_equal(who, "李秀英");
    who = who_said(&is, "图片左下角有气泡");
    assert_non_null(who);
    assert_string_equal(who, "钱立华");
    who = who_said(&is, "上下光源切换");
    assert_non_null(who);
    assert_string_equal(who, "吴建国");
    assert_nobody_said(&is, "正能量司机");
    issue_free(&is);
}

/* 他/她 after a question put to someone (有人问某某：“……？”她说) is the
   one asked, not the asker; not when the one asked is someone's kin
   (问某某的母亲) (invented). */
static void quotes_pronoun_after_a_question_is_the_one_asked(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "“生活不是等来的。”周立华笑着说。",
        "总会有人问周立华：“会不会遇到很多难处？”她说：“每个人都会遇到困难。”",
        "记者问周立华的母亲：“您担心吗？”她说：“孩子比我想的坚强。”",
        NULL};
    issue is;
    extract(&is, paras);
    const char *who = who_said(&is, "每个人都会遇到困难");
    assert_non_null(who);
    assert_string_equal(who, "周立华");
    assert_nobody_said(&is, "孩子比我想的坚强");
    assert_nobody_said(&is, "会不会遇到很多难处");
    issue_free(&is);
}

/* A name without a surname described with 的 before 代表 and a speech
   verb is a person (来自某地的某某卓玛代表说); opening a clause it is not
   (某斯坦代表表示: a country's envoy).  A document's words (规划纲要草案
   提出，“……”) are no one's, not those of the person named after them
   (invented). */
static void quotes_nameless_delegate_and_document_words(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "十四届全国人大四次会议期间，代表们热议民生。",
        "规划纲要草案提出，“逐步提高农村基础设施完备度。”"
        "来自某州某市自来水公司的夏吾卓玛代表说：“我来自牧区，深刻感受到交通的便利。”",
        "会议期间，吉尔吉斯代表表示，愿意加强合作。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *who = who_said(&is, "我来自牧区");
    assert_non_null(who);
    assert_string_equal(who, "夏吾卓玛");
    assert_nobody_said(&is, "逐步提高农村");
    assert_nobody_said(&is, "愿意加强合作");
    issue_free(&is);
}

/* 他/她 with no subject in reach is the one a possessive named anywhere
   in a clause (贯穿某某的调研路), when no one else is named; not a kin
   of someone (某某的母亲) (invented). */
static void quotes_pronoun_refers_to_a_possessor_inside_a_clause(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "全国政协委员钱立华长期关注职业教育。",
        "类似场景贯穿钱立华的调研路。从车间到院校，笔记本上记下了很多建议。"
        "“在我看来，无调研不提案。”她说。",
        "这些年也改变了周海的母亲。“我会一直等下去。”她说。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *who = who_said(&is, "在我看来，无调研不提案");
    assert_non_null(who);
    assert_string_equal(who, "钱立华");
    assert_nobody_said(&is, "我会一直等下去");
    issue_free(&is);
}

/* After a role and title a long name of characters no list knows is
   read whole before a speech verb (…研究员某某曲布嫫说); a title that
   runs into the name is not part of it (董事长某某某说) (invented). */
static void quotes_long_unlisted_name_after_a_title(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "全国人大代表、某研究所研究员尔古曲布嫫说，要保护好非遗。",
        "全国人大代表、某集团董事长赵立革说，要发展好产业。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *who = who_said(&is, "要保护好非遗");
    assert_non_null(who);
    assert_string_equal(who, "尔古曲布嫫");
    who = who_said(&is, "要发展好产业");
    assert_non_null(who);
    assert_string_equal(who, "赵立革");
    issue_free(&is);
}

/* A short quoted term inside the occasion of the words (在“宣言”中说)
   does not end the clause: its subject speaks.  Elsewhere a quoted term
   still ends it (某某“干女儿”某某称: the daughter claims) (invented). */
static void quotes_quoted_term_inside_an_occasion(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "31岁的嫌疑枪手约翰·米勒说，他感到愤怒。",
        "米勒在“宣言”中说，官员是他开枪的目标。",
        "许立芳表示，房屋要修缮。许立芳“干女儿”沈立红提起诉讼称，房屋归她所有。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *who = who_said(&is, "官员是他开枪的目标");
    assert_non_null(who);
    assert_string_equal(who, "约翰·米勒");
    who = who_said(&is, "房屋归她所有");
    assert_true(who == NULL || strcmp(who, "许立芳") != 0);
    issue_free(&is);
}

/* A farmer named after 大户 (种粮大户某某) is a person: the words before
   the sentence they open are theirs (“……？”某某试着拨通了电话) (invented). */
static void quotes_farmer_after_dahu(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "夜色渐浓，南街村种粮大户焦立军眉头紧锁。",
        "“天气预报说明天有雨，只剩今晚这个窗口，没照明咋收？”焦立军试着拨通了电话。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *who = who_said(&is, "天气预报说明天有雨");
    assert_non_null(who);
    assert_string_equal(who, "焦立军");
    issue_free(&is);
}

/* A subjectless speech clause goes on with the person opening the
   sentence even where that person's clause names another as its object
   (甲欢迎乙访华，表示…); not where another subject is named (甲和乙会谈，
   表示…; 甲访华，乙会见了他，表示…) (invented). */
static void quotes_opener_speaks_past_an_object(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "李明远说，很高兴。王文华说，欢迎。",
        "王文华欢迎李明远应邀访华，表示两国合作成果丰硕。",
        "王文华和李明远会谈，表示双方要加强协作。",
        "王文华访华，李明远会见了他，表示愿意深化友谊。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *who = who_said(&is, "两国合作成果丰硕");
    assert_non_null(who);
    assert_string_equal(who, "王文华");
    assert_nobody_said(&is, "双方要加强协作");
    assert_nobody_said(&is, "愿意深化友谊");
    issue_free(&is);
}

/* With no subject in reach, 他/她 is the one whose company, home or work
   opened a clause (某某的公司在深圳。……“……”他说。), when no one else is
   named; not the one whose kin opened it (某某的妻子…“……”她说) (invented). */
static void quotes_pronoun_refers_to_a_possessor(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "张文波说，很好。",
        "张文波的公司在深圳宝安区。地方不大，10平方米空间。“我这是典型的一人公司，业务全是自己干。”他说。",
        "李晓红说，还行。",
        "李晓红的妻子在深圳工作。“我每天都要加班到很晚才能回家。”她说。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *who = who_said(&is, "我这是典型的一人公司");
    assert_non_null(who);
    assert_string_equal(who, "张文波");
    assert_nobody_said(&is, "我每天都要加班");
    issue_free(&is);
}

/* Words after a sentence of their own about a person who spoke before
   in the paragraph go with that sentence's subject (“……”某某说。条例通过
   后，他立即着手…。“……”), not when someone unnamed in the clause right
   after them said them (“……”一家企业负责人当场拍板) (invented). */
static void quotes_words_after_a_later_sentence(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "育种专家江文远对此感受深刻。“过去更多是基于信任的君子协议。”江文远说。"
        "条例通过后，他立即着手修订合作协议，将相关条款写入。“现在心里踏实多了，"
        "我们研发新品种的积极性更高了。”",
        "“起初，我们在展会上主推红薯干。”李亚明说。他跑各地参加展销会，请客商试吃。"
        "“这个口感太有记忆点了，我们可以长期合作。”一家连锁餐饮企业负责人当场拍板。",
        NULL};
    issue is;
    extract(&is, paras);
    const char *who = who_said(&is, "现在心里踏实多了");
    assert_non_null(who);
    assert_string_equal(who, "江文远");
    assert_nobody_said(&is, "这个口感太有记忆点了");
    issue_free(&is);
}

/* A surname and a title (习主席-like: 王主席) refer to the person the
   article names with that title (…中央军委主席王某某), even where the
   issue first gave them other titles; a bare title (主席团常务主席) is not
   resolved so (invented). */
static void quotes_surname_and_title_printed_with_the_name(void **state)
{
    (void)state;
    load_lexicon();
    issue is;
    memset(&is, 0, sizeof is);
    article *a = issue_add_article(&is, "第一条");
    block_list_push(&a->blocks, "王建国总书记说，要团结奋斗。", BLOCK_BODY, 1);
    article_finish(a);
    a = issue_add_article(&is, "第二条");
    static const char *const second[] = {
        "中共中央总书记、国家主席、中央军委主席王建国7日出席会议。",
        "会上，王主席对过去一年的成绩给予充分肯定。他指出，全军坚决贯彻了决策。",
        "王主席在会上强调，全军要抓紧抓实备战打仗工作。",
        "主席团常务主席根据审议意见，建议批准工作报告。",
        NULL};
    for (int i = 0; second[i]; i++)
        block_list_push(&a->blocks, second[i], BLOCK_BODY, i + 2);
    article_finish(a);
    speakers_find(&is);
    quotes_extract(&is);
    speakers_drop_silent(&is);
    const char *who = who_said(&is, "全军坚决贯彻了决策");
    assert_non_null(who);
    assert_string_equal(who, "王建国");
    who = who_said(&is, "全军要抓紧抓实");
    assert_non_null(who);
    assert_string_equal(who, "王建国");
    assert_nobody_said(&is, "批准工作报告");
    issue_free(&is);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(quotes_shared_name_checks),
    cmocka_unit_test(quotes_direct_after_and_before),
    cmocka_unit_test(quotes_split_quote_gives_two),
    cmocka_unit_test(quotes_indirect_runs_to_paragraph_end),
    cmocka_unit_test(quotes_offsets_point_into_article_text),
    cmocka_unit_test(quotes_scare_quotes_and_guards_are_not_speech),
    cmocka_unit_test(quotes_pronoun_resolves_to_last_named_person),
    cmocka_unit_test(quotes_frames_and_titles_as_subjects),
    cmocka_unit_test(quotes_multi_paragraph_quote),
    cmocka_unit_test(quotes_section_under_speaker_heading),
    cmocka_unit_test(quotes_section_naming_a_reporter_is_not_the_speakers),
    cmocka_unit_test(quotes_people_without_words_are_dropped),
    cmocka_unit_test(quotes_unseen_page_forms),
    cmocka_unit_test(quotes_unseen_organisations_are_nobody),
    cmocka_unit_test(quotes_pronoun_after_an_unknown_subject_is_nobody),
    cmocka_unit_test(quotes_speaker_in_own_sentence_wins),
    cmocka_unit_test(quotes_colon_speaker_keeps_quote),
    cmocka_unit_test(quotes_signature_signs_words_above),
    cmocka_unit_test(quotes_dotted_names_are_one_person),
    cmocka_unit_test(quotes_dotted_names_with_long_parts),
    cmocka_unit_test(quotes_hyphenated_foreign_names),
    cmocka_unit_test(quotes_titled_foreign_names_without_a_dot),
    cmocka_unit_test(quotes_longer_foreign_names_without_a_dot),
    cmocka_unit_test(quotes_li_inside_a_foreign_name),
    cmocka_unit_test(quotes_modal_words_without_a_comma),
    cmocka_unit_test(quotes_person_met_is_not_the_speaker),
    cmocka_unit_test(quotes_foreign_name_after_the_words),
    cmocka_unit_test(quotes_word_surname_names_that_speak),
    cmocka_unit_test(quotes_adverb_and_dao_after_a_name),
    cmocka_unit_test(quotes_unnamed_subjects_stop_carrying),
    cmocka_unit_test(quotes_occasion_between_name_and_verb),
    cmocka_unit_test(quotes_a_list_of_names_is_nobody),
    cmocka_unit_test(quotes_words_belong_to_the_clause_that_opens_them),
    cmocka_unit_test(quotes_documents_and_groups_are_nobody),
    cmocka_unit_test(quotes_adverbs_and_points_of_view_are_not_speakers),
    cmocka_unit_test(quotes_unnamed_answerer_is_nobody),
    cmocka_unit_test(quotes_preposition_and_addressee_are_no_name),
    cmocka_unit_test(quotes_pronoun_after_an_unread_foreign_name_is_nobody),
    cmocka_unit_test(quotes_surname_and_title_refer_back),
    cmocka_unit_test(quotes_transcript_turns),
    cmocka_unit_test(quotes_turns_with_the_speaker_described_in_brackets),
    cmocka_unit_test(quotes_this_delegate_refers_back),
    cmocka_unit_test(quotes_views_framed_by_eyes),
    cmocka_unit_test(quotes_pronouns_after_unread_people),
    cmocka_unit_test(quotes_kin_after_words_are_someone_else),
    cmocka_unit_test(quotes_colon_closing_the_paragraph_above),
    cmocka_unit_test(quotes_latin_names_after_a_title),
    cmocka_unit_test(quotes_title_before_a_foreign_name),
    cmocka_unit_test(quotes_answers_of_the_guest_the_headline_names),
    cmocka_unit_test(quotes_answers_of_the_guest_the_deck_names),
    cmocka_unit_test(quotes_name_before_verb_is_the_subject),
    cmocka_unit_test(quotes_brackets_inside_the_subject),
    cmocka_unit_test(quotes_pronoun_skips_people_named_in_passing),
    cmocka_unit_test(quotes_continuation_only_after_the_speakers_words),
    cmocka_unit_test(quotes_full_stop_ends_the_quotation),
    cmocka_unit_test(quotes_words_after_an_introducing_line),
    cmocka_unit_test(quotes_signature_read_as_a_subhead),
    cmocka_unit_test(quotes_signed_piece_is_its_authors),
    cmocka_unit_test(quotes_words_without_a_comma),
    cmocka_unit_test(quotes_more_speech_forms),
    cmocka_unit_test(quotes_names_with_their_spelling),
    cmocka_unit_test(quotes_word_lists_on_invented_sentences),
    cmocka_unit_test(quotes_visit_then_pronoun_and_semicolon_parts),
    cmocka_unit_test(quotes_titled_name_read_by_its_recurrence),
    cmocka_unit_test(quotes_pronoun_across_paragraphs_about_something_else),
    cmocka_unit_test(quotes_account_opening_the_sentence_owns_its_words),
    cmocka_unit_test(quotes_words_the_person_only_met),
    cmocka_unit_test(quotes_memories_and_words_about_the_person),
    cmocka_unit_test(quotes_dotted_names_introduced_without_words),
    cmocka_unit_test(quotes_words_after_a_sentence_about_one_person),
    cmocka_unit_test(quotes_indirect_words_end_where_a_body_speaks),
    cmocka_unit_test(quotes_short_country_forms_and_relations),
    cmocka_unit_test(quotes_proposal_text_is_its_proposers),
    cmocka_unit_test(quotes_transliterated_name_opening_a_clause),
    cmocka_unit_test(quotes_elders_owners_and_interviews),
    cmocka_unit_test(quotes_second_verb_of_the_sentence_opener),
    cmocka_unit_test(quotes_person_introduced_then_pronoun_speaks),
    cmocka_unit_test(quotes_editor_in_chief_speaks),
    cmocka_unit_test(quotes_surname_and_title_printed_with_the_name),
    cmocka_unit_test(quotes_words_after_a_later_sentence),
    cmocka_unit_test(quotes_pronoun_refers_to_a_possessor),
    cmocka_unit_test(quotes_opener_speaks_past_an_object),
    cmocka_unit_test(quotes_farmer_after_dahu),
    cmocka_unit_test(quotes_latin_name_by_its_last_word),
    cmocka_unit_test(quotes_addressee_before_a_colon),
    cmocka_unit_test(quotes_colon_words_belong_to_their_clause),
    cmocka_unit_test(quotes_pronoun_after_a_question_is_the_one_asked),
    cmocka_unit_test(quotes_nameless_delegate_and_document_words),
    cmocka_unit_test(quotes_pronoun_refers_to_a_possessor_inside_a_clause),
    cmocka_unit_test(quotes_long_unlisted_name_after_a_title),
    cmocka_unit_test(quotes_quoted_term_inside_an_occasion),
    cmocka_unit_test(quotes_shuo_without_a_comma),
    cmocka_unit_test(quotes_colon_words_go_to_the_last_clause_subject),
    cmocka_unit_test(quotes_foreign_names_after_commands_and_before_spelling),
    cmocka_unit_test(quotes_score_corpus),
    cmocka_unit_test(quotes_score_strict_test_pages),
};
const test_suite quotes_suite = {tests, SUITE_LEN(tests)};
