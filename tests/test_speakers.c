/* test_speakers.c - title lines, names, roles, delegations and speaker
 * sections (speakers.c) on strings. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "articles.h"
#include "lexicon.h"
#include "model.h"
#include "speakers.h"

static void load_lexicon(void)
{
    assert_true(lexicon_load_from(test_src_path("assets/lexicon")));
}

/* Parse a title line and check every field ("" for NULL). */
static void check_title(const char *line, session_kind sk, const char *name,
                        const char *role, const char *titles)
{
    person p;
    if (!speaker_parse_title_in(line, sk, &p))
        fail_msg("no name found in \"%s\"", line);
    assert_string_equal(p.name, name);
    assert_string_equal(p.role ? p.role : "", role);
    assert_string_equal(p.titles ? p.titles : "", titles);
    assert_int_equal(p.is_delegate, *role != '\0');
    person_clear(&p);
}

static void speakers_title_prefix_forms(void **state)
{
    (void)state;
    load_lexicon();
    check_title("全国人大代表，首钢集团有限公司党委书记、董事长赵民革",
                SESSION_NATIONAL, "赵民革", "全国人大代表",
                "首钢集团有限公司党委书记、董事长");
    check_title("全国人大代表、北京市科学技术研究院创新发展战略研究所所长 伊彤",
                SESSION_NATIONAL, "伊彤", "全国人大代表",
                "北京市科学技术研究院创新发展战略研究所所长");
    check_title("市政协委员、市药品监督管理局局长吴彬", SESSION_LOCAL, "吴彬",
                "市政协委员", "市药品监督管理局局长");
    check_title(">> 市人大代表、中国科学技术发展战略研究院院长张旭:",
                SESSION_LOCAL, "张旭", "市人大代表",
                "中国科学技术发展战略研究院院长");
    check_title("全国人大代表 殷其龙", SESSION_NATIONAL, "殷其龙", "全国人大代表",
                "");
    check_title("全国政协委员，民建河北省委专职副主委范社岭：", SESSION_NATIONAL,
                "范社岭", "全国政协委员", "民建河北省委专职副主委");
    /* The level of a local role is kept as printed. */
    check_title("北京市人大代表、某区第一中学校长王立新", SESSION_LOCAL, "王立新",
                "市人大代表", "某区第一中学校长");
}

static void speakers_title_suffix_and_kicker_forms(void **state)
{
    (void)state;
    load_lexicon();
    check_title("迪尚集团有限公司党委书记、董事长朱立华代表", SESSION_NATIONAL,
                "朱立华", "全国人大代表", "迪尚集团有限公司党委书记、董事长");
    check_title("殷勇代表：", SESSION_NATIONAL, "殷勇", "全国人大代表", "");
    check_title("张懿宸委员", SESSION_NATIONAL, "张懿宸", "全国政协委员", "");
    check_title("张强代表——", SESSION_NATIONAL, "张强", "全国人大代表", "");
    check_title("欧阳明高委员：", SESSION_NATIONAL, "欧阳明高", "全国政协委员", "");
    /* invented: a heading printing only a name of four or five characters
       holds it whole; a title in it is no name */
    check_title("阿莫尔布嫫代表——", SESSION_NATIONAL, "阿莫尔布嫫", "全国人大代表", "");
    check_title("巴桑卓玛代表：", SESSION_NATIONAL, "巴桑卓玛", "全国人大代表", "");
    check_title("某市市长李强代表", SESSION_NATIONAL, "李强", "全国人大代表", "某市市长");
    /* Outside the Two Sessions a bare 委员 is no delegate role. */
    check_title("张强委员", SESSION_NPC_STANDING, "张强", "", "");
    check_title("李四代表", SESSION_LOCAL, "李四", "人大代表", "");
    /* The default entry point reads Two Sessions coverage. */
    person p;
    assert_true(speaker_parse_title("殷勇代表", &p));
    assert_string_equal(p.role, "全国人大代表");
    person_clear(&p);
}

static void speakers_headings_are_whole_title_lines(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const not_headings[] = {
        "京津冀代表委员话协同", "赵乐际委员长主持", "代表委员热议",
        "北京日报记者 高枝", "本报记者 祁梦竹 范俊生 高枝",
        "殷勇代表说，北京将继续以市民诉求为导向。", "以科技创新引领产业创新",
        NULL};
    for (int i = 0; not_headings[i]; i++) {
        person p;
        if (speaker_heading_parse(not_headings[i], SESSION_NATIONAL, &p)) {
            fail_msg("\"%s\" taken for a speaker heading (%s)", not_headings[i],
                     p.name);
        }
    }
    person p;
    assert_true(speaker_heading_parse("全国人大代表，天津大学管理与经济学部教授张水波",
                                      SESSION_NATIONAL, &p));
    assert_string_equal(p.name, "张水波");
    person_clear(&p);
    assert_true(speaker_heading_parse("殷勇代表：", SESSION_NATIONAL, &p));
    person_clear(&p);
}

static void speakers_name_ends_where_the_follower_says(void **state)
{
    (void)state;
    load_lexicon();
    static const struct {
        const char *text;
        const char *name;
    } cases[] = {
        {"龚正在会上表示，", "龚正"},   {"赵民革介绍，", "赵民革"},
        {"殷勇代表说，", "殷勇"},       {"金力总结。", "金力"},
        {"程国强说，", "程国强"},       {"孟凡利回答现场记者提问时", "孟凡利"},
        {"张虎指出，", "张虎"},         {"习近平总书记", "习近平"},
        {"欧阳明高表示，", "欧阳明高"}, {"丁奎岭在会上表示", "丁奎岭"},
        /* invented: a character never inside a name ends one before a
           role suffix that stands as one; elsewhere it still ends the
           name before it */
        {"周立和代表说，", "周立和"},   {"周立和委员就此回答", "周立和"},
        {"周立也代表公司发言", "周立"},  {"周立和代表们交流", "周立"},
        {"周立也表示，", "周立"},       {"周和根委员表示，", "周和根"},
        {"周和平说。", "周和平"},       {"周立也说，", "周立"},
        {"周立新27日出席开班式", "周立新"},     {"周立新代表长期关注", "周立新"},
        /* invented: a speech given (致辞, 讲话) or a verb that is no speech
           verb (分享, 围绕) ends a name as a follower word does */
        {"周海涛致辞。", "周海涛"},     {"周海涛讲话指出", "周海涛"},
        {"周立新分享了感受", "周立新"}, {"周立新围绕主题发言", "周立新"},
        /* invented: adverbs of manner and place after a name (现场, 专程,
           特意 …) end it, a dotted one too */
        {"周立新现场听了讲述后表示", "周立新"}, {"周海专程赶来", "周海"},
        {"桑德·科尔现场观看了表演", "桑德·科尔"},
        /* invented: verbs of narration that no list of speech knows
           (手拿, 结识, 来自, 一边 …) end a name, of two characters too */
        {"周涛手拿一把焊枪", "周涛"},   {"周立新手拿焊枪", "周立新"},
        {"蒋睿结识了很多朋友", "蒋睿"}, {"蒋立睿来自湖南", "蒋立睿"},
        {"周晓一边看比赛，", "周晓"},   {"周晓出生于湖南", "周晓"},
        {"周立华很感慨。", "周立华"},   {"周华很高兴：", "周华"},
        /* invented: 正 before such a verb is an adverb, not the end of
           the name; before a speech verb it stays the name's */
        {"周海正俯身查看电路板", "周海"}, {"周海正认真记录", "周海"},
        {"周海正说，", "周海正"},       {"周正来自湖南", "周正"},
        /* invented: two characters of no transliteration after a dotted
           name's last run are a word (整日), not part of it */
        {"阿布都·尼亚孜整日忙着浇水", "阿布都·尼亚孜"},
        /* invented: a follower word of two characters running over the
           last character of a longer reading ends the shorter one (正在);
           characters never inside a given name (仍, 坐, 站, 答) end it */
        {"吴立静正在指导孩子们。", "吴立静"}, {"吴静正在指导孩子们。", "吴静"},
        {"张鑫仍表示，", "张鑫"},       {"张晗答道，", "张晗"},
        {"梅亦代表表示，", "梅亦"},     {"李同心说，", "李同心"},
        {"约翰·米勒颇为感慨：", "约翰·米勒"}, {"约翰·米勒证实，", "约翰·米勒"},
        /* transliterated names, whole */
        {"约翰·米勒说，", "约翰·米勒"}, {"阿依古丽·吐尔逊代表", "阿依古丽·吐尔逊"},
        {"玛丽亚·安娜·费雷拉也表示", "玛丽亚·安娜·费雷拉"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t len = name_at(cases[i].text, strlen(cases[i].text), 1);
        if (len != strlen(cases[i].name) ||
            memcmp(cases[i].text, cases[i].name, len) != 0)
            fail_msg("name in \"%s\": got %zu bytes, want %s", cases[i].text,
                     len, cases[i].name);
    }
    /* 坐, 站 never end a given name: no three-character name there (the
       two characters are read where something else marks their end) */
    assert_int_equal(name_at("丁辉坐在车里说，", strlen("丁辉坐在车里说，"), 1), 0);
    assert_int_equal(name_at("马巍站在田边介绍，", strlen("马巍站在田边介绍，"), 1), 0);
    /* Titles and common words are not names. */
    assert_int_equal(name_at("王主任说，", strlen("王主任说，"), 1), 0);
    assert_int_equal(name_at("江苏提出，", strlen("江苏提出，"), 1), 0);
    assert_int_equal(name_at("文件指出，", strlen("文件指出，"), 1), 0);
    /* A name does not begin with 的 (…众议员的约翰·米勒). */
    int fs;
    assert_int_equal(foreign_name_at("的约翰·米勒说", strlen("的约翰·米勒说"), &fs), 0);
    assert_int_equal(foreign_name_at("约翰·米勒说", strlen("约翰·米勒说"), &fs),
                     strlen("约翰·米勒"));
    /* A dotted place or brand name is no person: its last part runs on. */
    assert_int_equal(name_at("东城·国际创新园早在", strlen("东城·国际创新园早在"), 1), 0);
    /* A dotted name whose last part runs into a word no list knows
       (到江西参访) ends where its transliteration characters end. */
    assert_int_equal(foreign_name_at("约翰·米勒到江西参访", strlen("约翰·米勒到江西参访"), &fs),
                     strlen("约翰·米勒"));
    /* but not after one character, nor at a character that is not Han */
    assert_int_equal(foreign_name_at("约翰·米到江西参访", strlen("约翰·米到江西参访"), &fs), 0);
    assert_int_equal(name_at("东城·国际创新园举办", strlen("东城·国际创新园举办"), 1), 0);
    /* A name that nothing after it ends is read by its recurrence: three
       characters when the article prints them again before other words,
       else two; never a place (凌源市), the first part of a word most of
       the time (鲁班工坊), or characters inside another word (曼苏尔). */
    const char *page = "村民朱晓钢来买种子。“够了。”朱晓钢满意而归。"
                       "教授刘嫚连续多年参加调研。刘嫚说，收获很大。"
                       "书记凌源带队检查。目前，凌源市正在推进。"
                       "以工匠鲁班命名的工坊。“鲁班工坊好。”，鲁班工坊成为平台。"
                       "主任曼苏尔在会上讲话。官苏尔坦强调，苏尔坦认为…";
    assert_int_equal(name_recurring_at("朱晓钢来买", strlen("朱晓钢来买"), page),
                     strlen("朱晓钢"));
    assert_int_equal(name_recurring_at("刘嫚连续", strlen("刘嫚连续"), page),
                     strlen("刘嫚"));
    assert_int_equal(name_recurring_at("凌源带队", strlen("凌源带队"), page), 0);
    assert_int_equal(name_recurring_at("鲁班命名", strlen("鲁班命名"), page), 0);
    assert_int_equal(name_recurring_at("苏尔坦强调", strlen("苏尔坦强调"), page), 0);
    assert_int_equal(name_recurring_at("苏尔在会", strlen("苏尔在会"), page), 0);
    /* A long part (six to eight characters) ends with a transliteration
       character and holds no title nor word that follows names: 外孙某某某某某
       is a kin word and a name, 某某某曾任某某 a sentence. */
    assert_int_equal(foreign_name_at("外孙克里斯托弗·尼克松说", strlen("外孙克里斯托弗·尼克松说"), &fs), 0);
    assert_int_equal(foreign_name_at("迪内什瓦尔·亚达夫曾任斯里·杰格说", strlen("迪内什瓦尔·亚达夫曾任斯里·杰格说"), &fs),
                     strlen("迪内什瓦尔·亚达夫"));
    /* a last part past five characters is read where its transliteration
       characters end (贝尔蒙特 + 点赞) */
    assert_int_equal(foreign_name_at("鲁伊·贝尔蒙特点赞，", strlen("鲁伊·贝尔蒙特点赞，"), &fs),
                     strlen("鲁伊·贝尔蒙特"));
    /* The short form of a transliterated name is its last part. */
    assert_int_equal(foreign_name_last_part("约翰·米勒"), strlen("约翰·"));
    assert_int_equal(foreign_name_last_part("张三"), 0);
}

/* An issue with one article of the given blocks, as stage 5 leaves it:
   "H|" marks a speaker heading, which starts a section. */
static void issue_from(issue *is, const char *const *paras)
{
    memset(is, 0, sizeof *is);
    article *a = issue_add_article(is, "标题");
    for (int i = 0; paras[i]; i++) {
        bool heading = strncmp(paras[i], "H|", 2) == 0;
        block *b = block_list_push(&a->blocks, paras[i] + (heading ? 2 : 0),
                                   heading ? BLOCK_SPEAKER_HEADING : BLOCK_BODY,
                                   i + 1);
        if (strstr(b->text, "记者") && !strstr(b->text, "。"))
            b->kind = BLOCK_BYLINE;
        if (heading) /* stage 5 starts a section at a speaker heading */
            article_add_section(a, a->blocks.n - 1, -1);
    }
    article_finish(a);
}

static const person *find_person(const issue *is, const char *name)
{
    for (size_t i = 0; i < is->npeople; i++)
        if (strcmp(is->people[i].name, name) == 0)
            return &is->people[i];
    return NULL;
}

static void speakers_two_sessions_roles_and_delegation(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "昨天下午，十四届全国人大三次会议北京市代表团举行开放团组会议。市委副书记、"
        "市长殷勇，小米集团创始人、董事长兼首席执行官雷军等8位代表分别回答记者提问。",
        "H|殷勇代表：",
        "殷勇代表说，近些年来，北京市认真贯彻落实。",
        "H|雷军代表：",
        "雷军代表说，小米的长期发展战略是人车家全生态。",
        "本报记者 祁梦竹 范俊生 高枝",
        NULL};
    issue is;
    issue_from(&is, paras);
    assert_int_equal(speakers_session_kind(&is), SESSION_NATIONAL);
    speakers_find(&is);
    const person *p = find_person(&is, "殷勇");
    assert_non_null(p);
    assert_string_equal(p->role, "全国人大代表");
    assert_true(p->is_delegate);
    assert_string_equal(p->titles, "市委副书记、市长");
    assert_string_equal(p->delegation, "北京市代表团");
    p = find_person(&is, "雷军");
    assert_non_null(p);
    assert_string_equal(p->titles, "小米集团创始人、董事长兼首席执行官");
    /* Reporters in the byline are nobody. */
    assert_null(find_person(&is, "祁梦竹"));
    assert_null(find_person(&is, "高枝"));
    /* Each speaker heading starts a section linked to its speaker. */
    const article *a = &is.articles[0];
    assert_int_equal(a->nsections, 2);
    assert_int_equal(a->sections[0].first_block, 1);
    assert_string_equal(is.people[a->sections[0].speaker].name, "殷勇");
    assert_int_equal(a->sections[1].first_block, 3);
    assert_string_equal(is.people[a->sections[1].speaker].name, "雷军");
    issue_free(&is);
}

static void speakers_standing_committee_is_not_two_sessions(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "新华社北京4月27日电十四届全国人大常委会第二十二次会议27日下午举行第一次"
        "全体会议。赵乐际委员长主持。",
        "会议听取了全国人大宪法和法律委员会副主任委员袁曙宏作的报告。",
        "全国人大财经委副主任委员翁杰明表示，修订草案适应新时代要求。",
        "“此次修法是一个重要变化。”中国人民大学国家粮食安全战略研究院院长程国强说。",
        NULL};
    issue is;
    issue_from(&is, paras);
    assert_int_equal(speakers_session_kind(&is), SESSION_NPC_STANDING);
    speakers_find(&is);
    static const char *const names[] = {"赵乐际", "翁杰明", "程国强", NULL};
    for (int i = 0; names[i]; i++) {
        const person *p = find_person(&is, names[i]);
        if (!p)
            fail_msg("%s not found", names[i]);
        assert_null(p->role);
        assert_false(p->is_delegate);
    }
    assert_string_equal(find_person(&is, "赵乐际")->titles, "委员长");
    assert_string_equal(find_person(&is, "程国强")->titles,
                        "中国人民大学国家粮食安全战略研究院院长");
    issue_free(&is);
}

static void speakers_local_session_and_stated_roles(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "1月15日,在北京市第十六届人民代表大会第一次会议上,代市长殷勇向大会报告政府工作。",
        "H|>> 市政协委员、市投资促进服务中心副主任苏宏:",
        "推动绿色金融发展，一方面在于政策制定相关部门。",
        "2018年全国两会期间，卓长立作为全国人大代表，再次汇报了发展情况。",
        NULL};
    issue is;
    issue_from(&is, paras);
    speakers_find(&is);
    const person *p = find_person(&is, "苏宏");
    assert_non_null(p);
    assert_string_equal(p->role, "市政协委员");
    assert_string_equal(p->titles, "市投资促进服务中心副主任");
    p = find_person(&is, "卓长立");
    assert_non_null(p);
    assert_string_equal(p->role, "全国人大代表");
    issue_free(&is);
}

static void speakers_same_name_merges(void **state)
{
    (void)state;
    issue is;
    memset(&is, 0, sizeof is);
    person a = {.name = "殷勇", .titles = "北京市市长"};
    person b = {.name = "殷勇", .role = "全国人大代表", .titles = "另一个头衔",
                .delegation = "北京市代表团"};
    person c = {.name = "雷军"};
    assert_int_equal(issue_find_or_add_person(&is, &a), 0);
    assert_int_equal(issue_find_or_add_person(&is, &c), 1);
    assert_int_equal(issue_find_or_add_person(&is, &b), 0);
    assert_int_equal(is.npeople, 2);
    assert_string_equal(is.people[0].titles, "北京市市长");
    assert_string_equal(is.people[0].role, "全国人大代表");
    assert_string_equal(is.people[0].delegation, "北京市代表团");
    assert_true(is.people[0].is_delegate);
    assert_false(is.people[1].is_delegate);
    person nameless = {0};
    assert_int_equal(issue_find_or_add_person(&is, &nameless), -1);
    issue_free(&is);
}

/* known_person_at finds the longest known name at a position through the
   index by first character, and nothing where no name starts. */
static void speakers_known_person_at_takes_the_longest_name(void **state)
{
    (void)state;
    issue is;
    memset(&is, 0, sizeof is);
    const char *names[] = {"王小明", "李四", "王小", "张三", "王二"};
    for (size_t i = 0; i < 5; i++) {
        person p = {.name = (char *)names[i]};
        assert_int_equal(issue_find_or_add_person(&is, &p), (int)i);
    }
    people_index ix;
    people_index_build(&ix, &is);
    assert_int_equal(ix.n, 5);
    size_t len = 99;
    const char *s = "王小明说";
    assert_int_equal(known_person_at(&is, &ix, s, strlen(s), &len), 0);
    assert_int_equal(len, strlen("王小明"));
    /* Only the shorter name fits in the bytes given. */
    assert_int_equal(known_person_at(&is, &ix, s, strlen("王小明") - 1, &len), 2);
    assert_int_equal(len, strlen("王小"));
    s = "王二表示";
    assert_int_equal(known_person_at(&is, &ix, s, strlen(s), &len), 4);
    s = "张三";
    assert_int_equal(known_person_at(&is, &ix, s, strlen(s), &len), 3);
    s = "王五说";
    assert_int_equal(known_person_at(&is, &ix, s, strlen(s), &len), -1);
    assert_int_equal(len, 0);
    s = "赵六";
    assert_int_equal(known_person_at(&is, &ix, s, strlen(s), &len), -1);
    assert_int_equal(known_person_at(&is, &ix, "", 0, &len), -1);
    people_index_free(&ix);
    issue_free(&is);
}

static void speakers_missing_lexicon_is_reported(void **state)
{
    (void)state;
    assert_false(lexicon_load_from(test_tmpdir()));
    issue is;
    static const char *const paras[] = {"H|殷勇代表：", "殷勇代表说，好。", NULL};
    issue_from(&is, paras);
    speakers_find(&is);
    assert_int_equal(is.npeople, 0);
    assert_int_equal(is.warnings.n, 1);
    issue_free(&is);
    load_lexicon();
}

/* The class of a role comes from roles.txt, decided once by stage 6:
   全国人大代表 and 全国人大常委会委员 are NPC, 全国政协常委 CPPCC, a city's
   deputy local.  A role word that is part of another word (代表团, 委员长)
   gives nobody a role. */
static void speakers_role_classes_from_roles_txt(void **state)
{
    (void)state;
    static const struct {
        const char *text, *name, *role; /* role NULL: nobody's role */
        role_class cls;
    } cases[] = {
        {"全国人大代表、某某大学校长张三说，要加强合作。", "张三",
         "全国人大代表", ROLE_NPC},
        {"全国政协常委、某某公司董事长李四表示，要加强合作。", "李四",
         "全国政协常委", ROLE_CPPCC},
        {"市人大代表、某某中学校长王五说，要加强合作。", "王五", "市人大代表",
         ROLE_LOCAL},
        {"全国人大常委会委员、某某研究院院长赵六说，要加强合作。", "赵六",
         "全国人大常委会委员", ROLE_NPC},
        {"全国人大常委会委员长孙七主持会议。", "孙七", NULL, ROLE_ANY},
        {"全国人大代表团团长周八说，要加强合作。", "周八", NULL, ROLE_ANY},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *const paras[] = {cases[i].text, NULL};
        issue is;
        issue_from(&is, paras);
        speakers_find(&is);
        const person *p = find_person(&is, cases[i].name);
        if (cases[i].role && (!p || !p->role ||
                              strcmp(p->role, cases[i].role) != 0))
            fail_msg("%s: want the role %s", cases[i].name, cases[i].role);
        if (!cases[i].role && p && p->role)
            fail_msg("%s given the role %s", cases[i].name, p->role);
        if (p)
            assert_int_equal(p->role_class, cases[i].cls);
        issue_free(&is);
    }
    assert_int_equal(role_class_of("全国政协委员"), ROLE_CPPCC);
    assert_int_equal(role_class_of("县政协委员"), ROLE_LOCAL);
    assert_int_equal(role_class_of("董事长"), ROLE_ANY);
    assert_int_equal(role_class_of(NULL), ROLE_ANY);
}

/* A bare 代表 / 委员 / 常委 after a name means what role_suffixes.txt says
   for the kind of session; followed by 团, 们, 长 … it is another word. */
static void speakers_role_suffixes_by_session(void **state)
{
    (void)state;
    check_title("张三常委", SESSION_NATIONAL, "张三", "全国政协常委", "");
    check_title("张三常委", SESSION_LOCAL, "张三", "政协常委", "");
    check_title("张三常委", SESSION_NPC_STANDING, "张三", "", "");
    check_title("张三代表：", SESSION_UNKNOWN, "张三", "", "");
    assert_int_equal(role_suffix_at("代表说", strlen("代表说")),
                     strlen("代表"));
    assert_int_equal(role_suffix_at("代表团", strlen("代表团")), 0);
    assert_int_equal(role_suffix_at("委员长", strlen("委员长")), 0);
    assert_int_equal(role_suffix_at("委员会", strlen("委员会")), 0);
    assert_int_equal(role_suffix_at("主任", strlen("主任")), 0);
}

/* The one heading parser: a role or a short X代表 line ending in a colon
   is a heading even when its name is not recognised (no person then);
   staff words, sentences and long lines never are. */
static void speakers_heading_parser_without_a_name(void **state)
{
    (void)state;
    person p;
    assert_true(speaker_heading_parse("全国政协委员，某某集团调度员某某某：",
                                      SESSION_NATIONAL, &p));
    assert_null(p.name);
    assert_null(p.role);
    person_clear(&p);
    assert_true(speaker_heading_parse("阿某某代表：", SESSION_NATIONAL, &p));
    assert_null(p.name);
    person_clear(&p);
    assert_true(speaker_heading_parse("某某研究院院长张三：", SESSION_NATIONAL,
                                      &p));
    assert_string_equal(p.name, "张三");
    assert_string_equal(p.titles, "某某研究院院长");
    person_clear(&p);
    static const char *const not_headings[] = {
        "这一段说的是很多人的事情代表：", "记者：", "编辑：某某",
        "全国人大代表张三说：“要加强合作。”",
        "全国人大代表，某某，某某，某某张三",
        "全国人大代表、某某大学某某学院某某研究所某某实验室某某中心某某课题组"
        "某某项目组首席科学家兼学术委员会主任张三：",
        NULL};
    for (int i = 0; not_headings[i]; i++)
        if (speaker_heading_parse(not_headings[i], SESSION_NATIONAL, NULL))
            fail_msg("\"%s\" taken for a speaker heading", not_headings[i]);
}

/* The session kind of a one-paragraph issue. */
static session_kind session_of(const char *text)
{
    const char *const paras[] = {text, NULL};
    issue is;
    issue_from(&is, paras);
    session_kind sk = speakers_session_kind(&is);
    issue_free(&is);
    return sk;
}

/* The session kind from session_cues.txt: the longest cue is read whole
   (市两会 is local, not 两会); 全国人大 says national only before a session
   number (四次会议), not before 常委会; 全国人民代表大会 is no local cue. */
static void speakers_session_cues(void **state)
{
    (void)state;
    assert_int_equal(session_of("某市两会今天开幕。"), SESSION_LOCAL);
    assert_int_equal(session_of("十四届全国人大四次会议今天开幕。"),
                     SESSION_NATIONAL);
    assert_int_equal(session_of("全国人大常委会第二十次会议今天闭幕。"),
                     SESSION_NPC_STANDING);
    assert_int_equal(session_of("某县人民代表大会今天开幕。"), SESSION_LOCAL);
    /* Cues that must not fire: inside a longer word, or 全国人大 without a
       session number. */
    assert_int_equal(session_of("全国人民代表大会的代表今天出发。"),
                     SESSION_UNKNOWN);
    assert_int_equal(session_of("全国人大代表今天出发。"), SESSION_UNKNOWN);
    /* National wins over local. */
    assert_int_equal(session_of("全国两会今天开幕，某市两会已经闭幕。"),
                     SESSION_NATIONAL);
    /* A delegation named after a province sits only at the national
       congress; a city's or district's is local (invented lines). */
    assert_int_equal(session_of("湖南代表团开放日现场，林思远代表正在发言。"),
                     SESSION_NATIONAL);
    assert_int_equal(session_of("广西壮族自治区代表团举行全体会议。"),
                     SESSION_NATIONAL);
    assert_int_equal(session_of("海淀代表团举行全体会议。"), SESSION_UNKNOWN);
    assert_int_equal(session_of("某市两会期间，长沙代表团举行全体会议。"),
                     SESSION_LOCAL);
    /* the term before the session number (全国政协十四届四次会议) */
    assert_int_equal(session_of("全国政协十四届四次会议今天开幕。"),
                     SESSION_NATIONAL);
    assert_int_equal(session_of("全国政协十四届常委会第十次会议今天开幕。"),
                     SESSION_UNKNOWN);
    /* the page's name says what its text may not (one article of a 两会
       特刊 page whose text names no session) */
    const char *const paras[] = {"林思远代表说，要办好家门口的学校。", NULL};
    issue is;
    issue_from(&is, paras);
    assert_int_equal(speakers_session_kind(&is), SESSION_UNKNOWN);
    is.page_name = xstrdup("两会特刊");
    assert_int_equal(speakers_session_kind(&is), SESSION_NATIONAL);
    speakers_find(&is);
    const person *p = find_person(&is, "林思远");
    assert_non_null(p);
    assert_string_equal(p->role, "全国人大代表");
    issue_free(&is);
    issue_from(&is, paras);
    is.articles[0].page_name = xstrdup("某市两会特刊");
    assert_int_equal(speakers_session_kind(&is), SESSION_LOCAL);
    issue_free(&is);
}

/* Find the people of paras (an issue of one article, into *is) and
   return the one named name, or NULL. */
static const person *people_of(issue *is, const char *const *paras,
                               const char *name)
{
    issue_from(is, paras);
    speakers_find(is);
    return find_person(is, name);
}

/* Check the role paras give name: role, or none at all (NULL: the name is
   no person, or one without a role). */
static void check_role(const char *const *paras, const char *name,
                       const char *role)
{
    issue is;
    const person *p = people_of(&is, paras, name);
    if (role && (!p || !p->role || strcmp(p->role, role) != 0))
        fail_msg("%s: want %s, got %s", name, role,
                 p ? (p->role ? p->role : "no role") : "no person");
    if (!role && p && p->role)
        fail_msg("%s: want no role, got %s", name, p->role);
    issue_free(&is);
}

/* Fail unless every person paras name is one of names (NULL-terminated). */
static void assert_only_people(const char *const *paras,
                               const char *const *names)
{
    issue is;
    issue_from(&is, paras);
    speakers_find(&is);
    for (size_t i = 0; i < is.npeople; i++) {
        size_t k = 0;
        while (names[k] && strcmp(names[k], is.people[i].name) != 0)
            k++;
        if (!names[k])
            fail_msg("a person %s", is.people[i].name);
    }
    issue_free(&is);
}

/* check_role for each name of names (NULL-terminated) with one role (NULL:
   none). */
static void check_roles(const char *const *paras, const char *const *names,
                        const char *role)
{
    for (size_t i = 0; names[i]; i++)
        check_role(paras, names[i], role);
}

/* Titles printed before a name lose the words that introduce them
   (title_leads.txt) and the prepositions of prepositions.txt (the union
   of the two copies: 跟 and 被 were only in the quotes stage's). */
static void speakers_titles_lose_leading_prepositions(void **state)
{
    (void)state;
    static const char *const paras[] = {
        "跟某某公司总经理张三在一起的时候，大家都很高兴。",
        "时任某某县县长李四说，要加强合作。",
        "同样高兴的，还有某某农业公司董事长王五说，日子好过了。",
        "这次调研，令某某协会副会长赵六深有感触。赵六说，要加强合作。", NULL};
    issue is;
    const person *p = people_of(&is, paras, "张三");
    assert_true(p && p->titles);
    assert_string_equal(p->titles, "某某公司总经理");
    p = find_person(&is, "李四");
    assert_true(p && p->titles);
    assert_string_equal(p->titles, "某某县县长");
    p = find_person(&is, "王五");
    assert_true(p && p->titles);
    assert_string_equal(p->titles, "某某农业公司董事长");
    p = find_person(&is, "赵六");
    assert_true(p && p->titles);
    assert_string_equal(p->titles, "某某协会副会长");
    issue_free(&is);
}

/* A surname that mostly begins words (word_surnames.txt: 盘, 单 …) counts
   where a name is expected on other grounds: between a title and 代表, or
   after a title in a title line.  Elsewhere it stays a word, and a verb of
   saying is never a name (某某总书记强调—— names nobody 强调). */
static const char *const word_surname_page[] = {
    "十四届全国人大四次会议今天开幕。",
    "某某乡党委书记盘某代表说，要加强合作。",
    "盘活资产的办法很多，单位要加强合作。", NULL};

static void speakers_word_surnames_where_a_name_is_expected(void **state)
{
    (void)state;
    issue is;
    const person *p = people_of(&is, word_surname_page, "盘某");
    assert_true(p && p->role);
    assert_string_equal(p->titles, "某某乡党委书记");
    assert_null(find_person(&is, "盘活"));
    assert_null(find_person(&is, "单位"));
    issue_free(&is);
    person h;
    assert_true(speaker_heading_parse("——某某县委书记单某某代表",
                                      SESSION_NATIONAL, &h));
    assert_string_equal(h.name, "单某某");
    assert_string_equal(h.titles, "某某县委书记");
    person_clear(&h);
    if (speaker_heading_parse("某某总书记强调——", SESSION_NATIONAL, &h))
        fail_msg("a heading naming \"%s\"", h.name ? h.name : "");
}

/* The place of a delegation runs back from 代表团 to a stop character
   (delegation_stops.txt: 议, 的, 在 …); a name never holds a character of
   not_in_name.txt (张三说 is 张三 + 说). */
static void speakers_delegation_stops_and_name_ends(void **state)
{
    (void)state;
    const char *t = "十四届全国人大四次会议某某省代表团举行全体会议";
    char *d = delegation_in(t, strlen(t));
    assert_non_null(d);
    assert_string_equal(d, "某某省代表团");
    free(d);
    t = "来自各地的代表团";
    assert_null(delegation_in(t, strlen(t)));
    t = "张三说，";
    assert_int_equal(name_at(t, strlen(t), FOLLOW_PUNCT), strlen("张三"));
    t = "张三们说，";
    assert_int_equal(name_at(t, strlen(t), FOLLOW_PUNCT), 0);
}

/* A paragraph opening with a speaker's label that states the role, and
   a colon: the label gives name, role and titles, the words start after
   the colon (invented lines). */
static void speakers_label_opens_a_paragraph(void **state)
{
    (void)state;
    load_lexicon();
    static const struct {
        const char *text, *name, *role, *titles, *words;
    } fire[] = {
        {"林某委员（某区委书记）：近年来养老服务不断加强。", "林某",
         "全国政协委员", "某区委书记", "近年来"},
        {"郑明辉代表：要办好家门口的学校。", "郑明辉", "全国人大代表", NULL,
         "要办好"},
        {"全国人大代表、某村党委书记 韩立新：村里的路修通了。", "韩立新",
         "全国人大代表", "某村党委书记", "村里的路"},
        {"【同期】全国政协委员、某大学教授 赵文博：要加强基础研究。", "赵文博",
         "全国政协委员", "某大学教授", "要加强基础"},
        /* only a name before the suffix, titles in brackets: the name is
           read whole, whatever its surname */
        {"单某委员（某院院士、某实验室主任）：食品安全是大事。", "单某",
         "全国政协委员", "某院院士、某实验室主任", "食品安全"},
        {"义芳委员（某省高级人民法院副院长）：强化司法规则引领。", "义芳",
         "全国政协委员", "某省高级人民法院副院长", "强化司法"},
    };
    for (size_t i = 0; i < sizeof fire / sizeof fire[0]; i++) {
        person p;
        const char *t = fire[i].text;
        size_t w = speaker_label_at(t, strlen(t), SESSION_NATIONAL, &p);
        if (!w)
            fail_msg("no label in \"%s\"", t);
        assert_string_equal(p.name, fire[i].name);
        assert_string_equal(p.role, fire[i].role);
        if (fire[i].titles)
            assert_string_equal(p.titles, fire[i].titles);
        assert_true(strncmp(t + w, fire[i].words, strlen(fire[i].words)) == 0);
        person_clear(&p);
    }
    /* the name alone, described in brackets: a role, or a title */
    static const struct {
        const char *text, *name, *role, *titles, *words;
    } described[] = {
        {"孙海（全国人大代表、某大学校长）：投入力度很大。", "孙海",
         "全国人大代表", "某大学校长", "投入力度"},
        {"周敏（全国政协委员）：企业要成为创新主体。", "周敏",
         "全国政协委员", NULL, "企业要成为"},
        {"高立新（某研究院院长）：数据要用起来。", "高立新", NULL,
         "某研究院院长", "数据要用"},
        /* an office held, titles ending with a title word before the name */
        {"某部部长郑东明：今年将推出新举措。", "郑东明", NULL, "某部部长",
         "今年将推出"},
        {"某大学人工智能研究院研究员 杨耀明：科研流程在变。", "杨耀明", NULL,
         "某大学人工智能研究院研究员", "科研流程"},
    };
    for (size_t i = 0; i < sizeof described / sizeof described[0]; i++) {
        person p;
        const char *t = described[i].text;
        size_t w = speaker_label_at(t, strlen(t), SESSION_NATIONAL, &p);
        if (!w)
            fail_msg("no label in \"%s\"", t);
        assert_string_equal(p.name, described[i].name);
        if (described[i].role)
            assert_string_equal(p.role, described[i].role);
        else
            assert_null(p.role);
        if (described[i].titles)
            assert_string_equal(p.titles, described[i].titles);
        assert_true(strncmp(t + w, described[i].words,
                            strlen(described[i].words)) == 0);
        person_clear(&p);
    }
    static const char *const not_fire[] = {
        "某台消息（晚间新闻）：某市今天举行大会。",
        "某部部长说：今年将推出新举措。",
        "部长：今年将推出新举措。",
        "高立新（右）：数据要用起来。",
        "高立新（1968年生）：数据要用起来。",
        "晚会（直播）：全场起立鼓掌。",
        "习近平总书记指出：要坚持以人民为中心。",
        "郑明辉代表说：“要办好家门口的学校。”",
        "郑明辉代表：",
        "市场监管部门负责人：将加强抽检。",
        "数据显示：今年新增企业两千家。",
        "全体委员（共33人）：表决通过。",
        "部分代表（列席）：会议听取了报告。",
    };
    for (size_t i = 0; i < sizeof not_fire / sizeof not_fire[0]; i++) {
        person p;
        const char *t = not_fire[i];
        if (speaker_label_at(t, strlen(t), SESSION_NATIONAL, &p)) {
            person_clear(&p);
            fail_msg("a label found in \"%s\"", t);
        }
    }
    /* a signature under words states the role: an interview's deck
       naming an office (——访某商会秘书长某某) signs nothing */
    person p;
    assert_false(signature_parse("——访某商会秘书长林立新", SESSION_NATIONAL, &p));
    assert_true(signature_parse("——林立新代表（某商会秘书长）", SESSION_NATIONAL, &p));
    person_clear(&p);
}

/* A headline is read for the roles it prints before a name (专访全国人大
   代表、某县委书记某某：…): an interview names its guest there only.
   Nothing else in a headline makes a person (invented strings). */
static void speakers_headline_gives_the_role(void **state)
{
    (void)state;
    load_lexicon();
    issue is;
    memset(&is, 0, sizeof is);
    article *a = issue_add_article(&is, "专访全国人大代表、某县委书记韩立新：让乡亲们的钱袋子鼓起来");
    block_list_push(&a->blocks, "记者：今年有哪些新打算？", BLOCK_BODY, 1);
    block_list_push(&a->blocks, "韩立新：要做强特色农业。", BLOCK_BODY, 2);
    block_list_push(&a->blocks, "记者：怎样共享成果？", BLOCK_BODY, 3);
    block_list_push(&a->blocks, "韩立新：完善联农带农机制。", BLOCK_BODY, 4);
    article_finish(a);
    speakers_find(&is);
    const person *p = find_person(&is, "韩立新");
    assert_non_null(p);
    assert_string_equal(p->role, "全国人大代表");
    assert_string_equal(p->titles, "某县委书记");
    issue_free(&is);

    /* a name in a headline without a role is no one found */
    memset(&is, 0, sizeof is);
    a = issue_add_article(&is, "韩立新：让乡亲们的钱袋子鼓起来");
    block_list_push(&a->blocks, "村里的路修通了。", BLOCK_BODY, 1);
    article_finish(a);
    speakers_find(&is);
    assert_null(find_person(&is, "韩立新"));
    issue_free(&is);
}

/* A role stated after the name or around it: NAME是ROLE、TITLES, the
   apposition NAME，ROLE、TITLES。 opening a paragraph, NAME（ROLE、
   TITLES）说, and ROLE的NAME说 (身为全国政协委员的某某表示).  Where the
   words around do not describe the person, no role (invented strings). */
static void speakers_role_stated_around_the_name(void **state)
{
    (void)state;
    load_lexicon();
    static const struct {
        const char *text, *name, *role, *titles;
    } fire[] = {
        {"丁立国是全国人大代表、某村党支部书记。他说，路修通了。", "丁立国",
         "全国人大代表", "某村党支部书记"},
        {"武海涛，全国政协委员、某大学教授。他认为，要加强基础研究。",
         "武海涛", "全国政协委员", "某大学教授"},
        {"纪红梅（全国人大代表、某医院院长）说，基层医疗要补短板。", "纪红梅",
         "全国人大代表", "某医院院长"},
        {"身为全国政协委员的耿立新表示，要重视职业教育。", "耿立新",
         "全国政协委员", NULL},
        {"连任三届全国人大代表的辛永红说，履职就是为民代言。", "辛永红",
         "全国人大代表", NULL},
        {"丁立国是全国人大代表中最年轻的一位。", "丁立国", "全国人大代表",
         NULL},
        {"韩立新，全国人大代表，多年来一直关注教育。他说，要办好学校。",
         "韩立新", "全国人大代表", NULL},
        {"韩立新是来自西部某省的全国人大代表。他说，要加大支持。", "韩立新",
         "全国人大代表", NULL},
        {"林思远是一名扎根基层的全国人大代表，她说，要办好学校。", "林思远",
         "全国人大代表", NULL},
        {"赵文博，这位来自东北的全国政协委员，今年关注冰雪经济。", "赵文博",
         "全国政协委员", NULL},
    };
    for (size_t i = 0; i < sizeof fire / sizeof fire[0]; i++) {
        const char *paras[] = {"十四届全国人大四次会议开幕。", fire[i].text,
                               NULL};
        issue is;
        const person *p = people_of(&is, paras, fire[i].name);
        if (!p)
            fail_msg("no %s in \"%s\"", fire[i].name, fire[i].text);
        if (!p->role)
            fail_msg("no role for %s in \"%s\"", fire[i].name, fire[i].text);
        assert_string_equal(p->role, fire[i].role);
        if (fire[i].titles)
            assert_string_equal(p->titles, fire[i].titles);
        else
            assert_null(p->titles);
        issue_free(&is);
    }
    static const struct {
        const char *text, *name;
    } not_fire[] = {
        /* the role belongs to the name after it */
        {"韩立新，全国人大代表赵文博说，今年要办好三件事。", "韩立新"},
        /* brackets that describe no one */
        {"韩立新（右）说，今年要办好三件事。", "韩立新"},
        {"韩立新（化名）说，今年要办好三件事。", "韩立新"},
        /* words before the role that are no description of the person */
        {"韩立新，看望了全国人大代表，了解他们的建议。", "韩立新"},
        {"韩立新是为全国人大代表服务的工作人员。", "韩立新"},
        {"韩立新是来自西部某省的全国人大代表的老师。", "韩立新"},
        /* 的 before a word, not a name that speaks */
        {"这是全国人大代表的使命。韩立新说，要办好实事。", "韩立新"},
    };
    for (size_t i = 0; i < sizeof not_fire / sizeof not_fire[0]; i++) {
        const char *paras[] = {"十四届全国人大四次会议开幕。", not_fire[i].text,
                               NULL};
        issue is;
        const person *p = people_of(&is, paras, not_fire[i].name);
        if (p && p->role)
            fail_msg("%s got the role %s in \"%s\"", not_fire[i].name,
                     p->role, not_fire[i].text);
        issue_free(&is);
    }
}

/* Names without a surname (Tibetan, Uygur, Mongolian names): after the
   last space of a label stating the role (全国人大代表、某村党支部书记
   扎某：…), and right after a role or title before a speech verb ending
   the clause when their characters are those such names are written with
   (ethnic_name_chars.txt, translit_chars.txt).  Adverbs there, and
   adverbs beginning with a surname (高度评价, 郑重表示), are no names
   (invented strings). */
static void speakers_names_without_a_surname(void **state)
{
    (void)state;
    load_lexicon();
    static const struct {
        const char *text, *name, *role;
    } fire[] = {
        {"全国人大代表、某村党支部书记 扎西：村里的牦牛产业要做大。", "扎西",
         "全国人大代表"},
        {"全国政协委员 热依拉·买买提：要加强双语教育。", "热依拉·买买提",
         "全国政协委员"},
        {"全国人大代表央宗说，要让更多游客走进高原。", "央宗", "全国人大代表"},
        {"全国人大代表、某县县长次仁多吉表示，要建好小康村。", "次仁多吉",
         "全国人大代表"},
        {"全国人大代表巴特尔强调，草原保护是头等大事。", "巴特尔",
         "全国人大代表"},
        /* a dotted name with a part of six or eight characters */
        {"阿卜杜拉赫曼·萨利姆委员发言说，要办好实事。", "阿卜杜拉赫曼·萨利姆",
         "全国政协委员"},
        {"全国政协委员塔·别尔德穆拉多夫说，要办好实事。", "塔·别尔德穆拉多夫",
         "全国政协委员"},
    };
    for (size_t i = 0; i < sizeof fire / sizeof fire[0]; i++) {
        const char *paras[] = {"十四届全国人大四次会议开幕。", fire[i].text,
                               NULL};
        issue is;
        const person *p = people_of(&is, paras, fire[i].name);
        if (!p)
            fail_msg("no %s in \"%s\"", fire[i].name, fire[i].text);
        assert_string_equal(p->role, fire[i].role);
        issue_free(&is);
    }
    static const char *const adverbs[] = {
        "纷纷", "普遍", "一致", "联名", "集体", "积极", "共同", "先后",
        "多次", "再次", "高度", "郑重", "曾多次", "都一致", "强烈", "明确",
    };
    static const char *const verbs[] = {"表示，要办好实事。", "强调，要办好实事。"};
    for (size_t i = 0; i < sizeof adverbs / sizeof adverbs[0]; i++)
        for (size_t v = 0; v < sizeof verbs / sizeof verbs[0]; v++) {
            char text[200];
            snprintf(text, sizeof text, "全国人大代表%s%s", adverbs[i], verbs[v]);
            const char *paras[] = {text, NULL};
            issue is;
            issue_from(&is, paras);
            speakers_find(&is);
            for (size_t k = 0; k < is.npeople; k++)
                fail_msg("a person %s in \"%s\"", is.people[k].name, text);
            issue_free(&is);
        }
}

/* The article's delegation goes to its deputies only when the article
   names no other delegation anywhere; a source line under cited words
   (——某某在参加某省代表团审议时强调) names none, and 参加 is no part of a
   place (invented lines). */
static void speakers_delegation_only_when_the_article_names_one(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const cited[] = {
        "十四届全国人大四次会议今天开幕。",
        "——习近平总书记在参加十四届全国人大四次会议江苏代表团审议时强调",
        "林思远代表说，要办好家门口的学校。",
        NULL};
    issue is;
    const person *p = people_of(&is, cited, "林思远");
    assert_non_null(p);
    assert_string_equal(p->role, "全国人大代表");
    assert_null(p->delegation);
    issue_free(&is);

    static const char *const quoted[] = {
        "十四届全国人大四次会议今天闭幕。",
        "郑明辉代表说：“现场聆听了总书记在参加江苏代表团审议时的讲话，深受鼓舞。”",
        "林思远代表说，要办好家门口的学校。",
        NULL};
    p = people_of(&is, quoted, "林思远");
    assert_non_null(p);
    assert_null(p->delegation);
    issue_free(&is);

    static const char *const two[] = {
        "十四届全国人大四次会议河北代表团举行全体会议。",
        "林思远代表说，要办好家门口的学校。",
        "随后，记者来到参加广东代表团审议的现场。",
        "郑明辉代表说，要建好产业园。",
        NULL};
    p = people_of(&is, two, "林思远");
    assert_non_null(p);
    assert_null(p->delegation);
    issue_free(&is);

    static const char *const one[] = {
        "十四届全国人大四次会议期间，记者参加河北代表团审议。",
        "林思远代表说，要办好家门口的学校。",
        "会后，河北代表团的代表们继续讨论。",
        NULL};
    p = people_of(&is, one, "林思远");
    assert_non_null(p);
    assert_string_equal(p->delegation, "河北代表团");
    issue_free(&is);
}

/* A list closed by a head count (甲、乙、丙等6位代表) gives each item the
   role, also an item the name rules cannot read (a character they never
   take in a name, a surname that mostly begins words, no surname at all);
   a list closed by no head count, or by 等 and a place word, or holding
   an item that ends like a place (某某区), gives none;
   a name right after a role is read with a word surname when a list of
   names starts there (全国人大代表农某某、许某某), not before a verb or in
   a list of adverbs (明确表示, 全面、准确地), and ends before a follower
   word (分享, 围绕).  Invented strings. */
static void speakers_head_counted_lists_and_names_after_a_role(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "十四届全国人大四次会议开幕。",
        "会上，孟晓东、丰立平、赵会勇、巴图孟和等4位代表先后发言。",
        "联组会上，钱立群、沈会军等6位委员分别发言。",
        "全国人大代表农晓川、许明远也回答了提问。",
        "来自北京、上海、广东等地的代表参加了会议。",
        "座谈会上，高新区、经开区、自贸区等多位代表先后发言。",
        "全国政协委员明确表示，要加强合作。",
        "全国人大代表全面、准确地理解法律。",
        "秦会山、丁会民代表了大家的心声。",
        "全国人大代表冯晓宁分享了自己的感受。",
        "全国人大代表陶立新围绕乡村振兴作了发言。",
        NULL};
    const char *npc[] = {"孟晓东", "丰立平", "赵会勇", "巴图孟和", "农晓川",
                         "许明远", "冯晓宁", "陶立新"};
    issue is;
    for (size_t i = 0; i < sizeof npc / sizeof npc[0]; i++) {
        const person *p = people_of(&is, paras, npc[i]);
        if (!p || !p->role || strcmp(p->role, "全国人大代表") != 0)
            fail_msg("%s: want 全国人大代表", npc[i]);
        issue_free(&is);
    }
    const person *p = people_of(&is, paras, "沈会军");
    assert_true(p && p->role && strcmp(p->role, "全国政协委员") == 0);
    issue_free(&is);
    /* 等地的代表: a place list, no head count */
    const char *none[] = {"北京", "上海", "广东", "自贸区", "明确", "全面"};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        p = people_of(&is, paras, none[i]);
        if (p && p->role)
            fail_msg("%s: a place got the role %s", none[i], p->role);
        issue_free(&is);
    }
    /* items the name rules cannot read need the head count */
    p = people_of(&is, paras, "丁会民");
    assert_true(!p || !p->role);
    issue_free(&is);
}

/* 代表 as a verb (on behalf of a body: 某某代表国务院作报告) and 代表职权
   (the office) give no role; 常务委员 names no one called 常务; the role
   suffix 代表 itself still gives one.  Invented strings. */
static void speakers_daibiao_as_a_verb_gives_no_role(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "十四届全国人大四次会议开幕。",
        "国务院总理周立明代表国务院向大会作政府工作报告。",
        "会议选举主席、副主席、秘书长、常务委员。",
        "要保障人大代表依法行使代表职权。",
        "吴明远代表说，要加强合作。",
        NULL};
    issue is;
    const person *p = people_of(&is, paras, "周立明");
    assert_true(!p || !p->role);
    issue_free(&is);
    p = people_of(&is, paras, "常务");
    assert_null(p);
    issue_free(&is);
    p = people_of(&is, paras, "依法行使");
    assert_true(!p || !p->role);
    issue_free(&is);
    /* the suffix role itself still stands */
    p = people_of(&is, paras, "吴明远");
    assert_true(p && p->role && strcmp(p->role, "全国人大代表") == 0);
    issue_free(&is);
}

/* After a title a name with a surname that mostly begins words speaks
   when a speech verb or its occasion and verb follow (某部部长阴某某介绍，);
   two characters there are an adverb, no name (主任明确表示).  Invented
   strings. */
static void speakers_word_surname_after_a_title_speaks(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "某部部长阴立新介绍，今年的研发投入继续增长。",
        "某会副主席巴图尔在参加小组讨论时说，要发挥制度优势。",
        "某局主任明确表示，要加快推进。",
        "某部部长全面介绍了有关情况。",
        "某部部长和大家说，要把工作做细。",
        NULL};
    issue is;
    const person *p = people_of(&is, paras, "阴立新");
    assert_true(p && p->titles && strcmp(p->titles, "某部部长") == 0);
    issue_free(&is);
    p = people_of(&is, paras, "巴图尔");
    assert_non_null(p);
    issue_free(&is);
    assert_null(people_of(&is, paras, "明确"));
    issue_free(&is);
    assert_null(people_of(&is, paras, "全面"));
    issue_free(&is);
    assert_null(people_of(&is, paras, "和大家"));
    issue_free(&is);
}

/* Every name of a list gets the role it shares, stated before the list
   (全国人大代表甲、乙) or after it (甲、乙等多位代表); names listed with
   something else, or before a word that is no role, get none (invented). */
static void speakers_lists_share_the_role(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "十四届全国人大四次会议开幕。",
        "全国人大代表林思远、郑明辉、韩立新来到村里。",
        "面对提问，赵文博、孙立斌等多位代表一一作答。",
        "全国政协委员高振宇、市长钱立国出席活动。",
        "周海涛、吴志刚参加了会议，周海涛说，会议很成功。",
        "要组织全国政协委员常态化、机制化学习。",
        NULL};
    issue is;
    const char *npc[] = {"林思远", "郑明辉", "韩立新", "赵文博", "孙立斌"};
    for (size_t i = 0; i < sizeof npc / sizeof npc[0]; i++) {
        const person *p = people_of(&is, paras, npc[i]);
        if (!p || !p->role || strcmp(p->role, "全国人大代表") != 0)
            fail_msg("%s: want 全国人大代表", npc[i]);
        issue_free(&is);
    }
    const person *p = people_of(&is, paras, "高振宇");
    assert_non_null(p);
    assert_string_equal(p->role, "全国政协委员");
    issue_free(&is);
    p = people_of(&is, paras, "钱立国");
    assert_true(!p || !p->role);
    issue_free(&is);
    p = people_of(&is, paras, "周海涛");
    assert_true(p && !p->role);
    issue_free(&is);
    /* -化 words are no names (常态化, 机制化 after a role) */
    p = people_of(&is, paras, "常态化");
    assert_null(p);
    issue_free(&is);
}

/* A list of names sharing a role suffix may follow a preposition, 了 or
   a verb (习近平同某某、某某等代表交流; 听取了…), and may close with a head
   count without 等 (某某、某某5位代表); a surname before the list is no
   part of its first name, and places are no names (invented). */
static void speakers_lists_inside_a_clause(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "十四届全国人大四次会议开幕。",
        "在认真听取了乔文珊、甘立明、闵海燕等代表的发言后，他说，要抓落实。",
        "总书记同栾海波、訾春兰等代表亲切交流。",
        "他看望卜思远、季明辉代表，询问了生产情况。",
        "会上，贺明东、严秀丽、钟志强、侯建平、黄丽娟5位代表围绕科技创新发言。",
        "北京、上海、广州三位代表发言。",
        NULL};
    const char *npc[] = {"乔文珊", "甘立明", "闵海燕", "栾海波", "訾春兰",
                         "卜思远", "季明辉", "贺明东", "严秀丽", "钟志强",
                         "侯建平", "黄丽娟", NULL};
    check_roles(paras, npc, "全国人大代表");
    const char *none[] = {"同栾海波", "望卜思远", "北京", "广州", NULL};
    check_roles(paras, none, NULL);
    issue is;
    assert_null(people_of(&is, paras, "同栾海波"));
    issue_free(&is);
}

/* A name with a surname that mostly begins words (印, 那 …) is read when
   a role suffix and a speech verb follow it (“……”印某某代表说，), not when
   the run is a word before another noun (invented). */
static void speakers_word_surname_before_role_and_verb(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "十四届全国人大四次会议开幕。",
        "“我们要把好事办好。”印晓岚代表说，要加快发展。",
        "印发的文件代表了大家的心声。",
        NULL};
    check_role(paras, "印晓岚", "全国人大代表");
    issue is;
    assert_null(people_of(&is, paras, "印发的"));
    issue_free(&is);
    assert_null(people_of(&is, paras, "印发"));
    issue_free(&is);
}

/* A transliterated name after a foreign title is read even where an
   unknown word ends it (外长阿拉格某展开…), and its titles start with the
   last place the clause names (in a list, the one of this name), never
   with the dateline or the host before it (invented). */
static void speakers_foreign_titles_start_with_the_place(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "新华社北京5月6日电  某某6日在京会见伊朗外长阿拉格斯，双方交换意见。",
        "阿拉格斯说，伊方愿意谈判。",
        "出席的有加拿大总理卡尼、芬兰总理奥尔波、英国首相斯塔默，斯塔默说，合作很重要。",
        "伊朗外长阿拉格斯展开多线外交。",
        NULL};
    issue is;
    const person *p = people_of(&is, paras, "阿拉格斯");
    assert_true(p && p->titles);
    assert_string_equal(p->titles, "伊朗外长");
    issue_free(&is);
    p = people_of(&is, paras, "斯塔默");
    assert_true(p && p->titles);
    assert_string_equal(p->titles, "英国首相");
    issue_free(&is);
    /* no name runs into the word after it */
    assert_null(people_of(&is, paras, "阿拉格斯展"));
    issue_free(&is);
}

/* A list of names after a role goes on past items the name rules do not
   read: an item without a usual surname that another 、 follows, a dotted
   name, a two-character name (全国政协委员苏某、琼某、海某·托呼某也…);
   an item holding a title word is another person, and the last item must
   be read (invented). */
static void speakers_role_list_takes_unread_items(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "十四届全国人大四次会议开幕。",
        "全国政协委员苏明华、琼色、海尼买提·托呼提也回答了记者的提问。",
        "全国人大代表尹同远、杭侃、刘传明也回答了提问。",
        "全国人大代表林海生、局长、王晓东参加了活动。",
        NULL};
    const char *cppcc[] = {"苏明华", "琼色", "海尼买提·托呼提", NULL};
    check_roles(paras, cppcc, "全国政协委员");
    const char *npc[] = {"尹同远", "杭侃", "刘传明", NULL};
    check_roles(paras, npc, "全国人大代表");
    issue is;
    assert_null(people_of(&is, paras, "局长"));
    issue_free(&is);
    check_role(paras, "王晓东", NULL);
}

/* An honour printed as the last title before a name (全国劳动模范, 技术
   能手, 代表性传承人, 奖章获得者), or a word for a young person (青年,
   姑娘), ends the titles as a job title does: the name after it is read,
   with the role before it (invented). */
static void speakers_honours_end_titles(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "十四届全国人大四次会议开幕。",
        "全国人大代表、全国劳动模范梁启东说，要弘扬劳模精神。",
        "全国政协委员、非遗代表性传承人苗翠英表示，手艺要传下去。",
        "全国人大代表、五一劳动奖章获得者柏振宇说，工人要有技术。",
        "获得冠军的比利时青年戴米可，不久前走访了基地，当地的实践令他震撼。",
        "劳动模范精神代代相传。",
        NULL};
    issue is;
    const person *p = people_of(&is, paras, "梁启东");
    assert_true(p && p->role && p->titles);
    assert_string_equal(p->role, "全国人大代表");
    assert_string_equal(p->titles, "全国劳动模范");
    issue_free(&is);
    p = people_of(&is, paras, "苗翠英");
    assert_true(p && p->role && p->titles);
    assert_string_equal(p->role, "全国政协委员");
    assert_string_equal(p->titles, "非遗代表性传承人");
    issue_free(&is);
    check_role(paras, "柏振宇", "全国人大代表");
    /* 青年, 姑娘 …: a young person described before the name */
    p = people_of(&is, paras, "戴米可");
    assert_true(p && p->titles && !p->role);
    assert_string_equal(p->titles, "比利时青年");
    issue_free(&is);
    /* 模范精神: no name follows the honour */
    assert_null(people_of(&is, paras, "精神代"));
    issue_free(&is);
}

/* In a list of people, each with titles, a person's titles are those of
   the item before the name, never the names and titles of the items
   before it; titles joined by 、 stay together (invented). */
static void speakers_titles_stop_at_the_previous_person(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "座谈会上，某部部长林文远、某省委书记郑海峰、某实验室教授韩晓东先后发言。",
        "全国政协委员、某大学教授赵明轩说，要加强基础研究。",
        NULL};
    static const struct { const char *name, *titles; } want[] = {
        {"林文远", "某部部长"},
        {"郑海峰", "某省委书记"},
        {"韩晓东", "某实验室教授"},
        {"赵明轩", "某大学教授"},
    };
    issue is;
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const person *p = people_of(&is, paras, want[i].name);
        if (!p || !p->titles || !strstr(p->titles, want[i].titles) ||
            strstr(p->titles, "、某部") || strstr(p->titles, "郑海峰") ||
            strstr(p->titles, "林文远"))
            fail_msg("%s: titles \"%s\", want \"%s\"", want[i].name,
                     p && p->titles ? p->titles : "(none)", want[i].titles);
        issue_free(&is);
    }
    const person *p = people_of(&is, paras, "赵明轩");
    assert_non_null(p);
    assert_string_equal(p->role, "全国政协委员");
    issue_free(&is);
}

/* A name never begins inside a job title: after 秘书长 or 公使 the
   transliterated name that follows is the person, not 长… or 公使…; a
   surname that begins a title (董事长) still lets the name after it be
   found, and a name holding a title's character (李长江) stays whole
   (invented). */
static void speakers_names_begin_after_a_title(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "某国际组织秘书长玛丽娜·洛佩斯认为，联赛办得很成功。",
        "某国驻华使馆临时代办、公使卡兰·达斯表示，愿意加强合作。",
        "公司董事长周文涛说，今年订单增长。",
        "李长江说，路修好了。",
        NULL};
    static const char *const found[] = {"玛丽娜·洛佩斯", "卡兰·达斯",
                                        "周文涛", "李长江"};
    static const char *const not_found[] = {"长玛丽娜·洛佩斯",
                                            "公使卡兰·达斯",
                                            "使卡兰·达斯", "董事长周文涛"};
    issue is;
    for (size_t i = 0; i < sizeof found / sizeof found[0]; i++) {
        if (!people_of(&is, paras, found[i]))
            fail_msg("%s not found", found[i]);
        issue_free(&is);
        if (people_of(&is, paras, not_found[i]))
            fail_msg("%s taken for a name", not_found[i]);
        issue_free(&is);
    }
}

/* Between a title and a role suffix that stands as one, a name is read
   whole, without a surname or longer than the surname rules allow; two
   characters there are a noun (群众代表) (invented). */
static void speakers_name_between_title_and_role(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "十四届全国人大四次会议开幕。",
        "某村村委会副主任次仁央宗代表说，村里的路修通了。",
        "国家队运动员周雨涵代表说，要办好全民健身。",
        "某村村委会副主任巴桑卓玛代表身着盛装走进会场。",
        "社区动员群众代表说出心里话。",
        "某集团董事长卢立新代表说，要稳住制造业。",
        NULL};
    issue is;
    const person *p = people_of(&is, paras, "卢立新");
    assert_non_null(p);
    assert_null(find_person(&is, "长卢立新"));
    issue_free(&is);
    p = people_of(&is, paras, "次仁央宗");
    assert_non_null(p);
    assert_string_equal(p->role, "全国人大代表");
    issue_free(&is);
    p = people_of(&is, paras, "巴桑卓玛");
    assert_non_null(p);
    issue_free(&is);
    p = people_of(&is, paras, "周雨涵");
    assert_non_null(p);
    assert_string_equal(p->role, "全国人大代表");
    issue_free(&is);
    p = people_of(&is, paras, "群众");
    assert_null(p);
    issue_free(&is);
}

/* Roles at every level, as prefixes, with their level word, and a role
   before a name that nothing after it marks the end of (invented). */
static void speakers_roles_at_every_level(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "某市两会期间，广西壮族自治区人大代表林思远说，要发展县域经济。",
        "某镇人大代表郑明辉说，村里的路修通了。",
        "某县政协常委韩立新说，要办好家门口的学校。",
        /* nothing after the name marks its end: the page names him
           elsewhere (further down) */
        "全国政协常委、中国科学院院士周海涛充满期待。",
        "周海涛说，基础研究要久久为功。",
        NULL};
    static const struct {
        const char *name, *role;
    } want[] = {
        {"周海涛", "全国政协常委"},
        {"林思远", "自治区人大代表"},
        {"郑明辉", "镇人大代表"},
        {"韩立新", "县政协常委"},
    };
    issue is;
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const person *p = people_of(&is, paras, want[i].name);
        if (!p || !p->role || strcmp(p->role, want[i].role) != 0)
            fail_msg("%s: want %s", want[i].name, want[i].role);
        assert_int_equal(p->role_class, i ? ROLE_LOCAL : ROLE_CPPCC);
        issue_free(&is);
    }
}

/* A bare 人大代表 / 政协委员 before a name is the national role in Two
   Sessions coverage and stays as printed at a local session (invented). */
static void speakers_bare_roles_by_session(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const national[] = {
        "全国两会期间，人大代表林思远说，要发展县域经济。",
        "政协委员郑明辉说，要办好教育。",
        NULL};
    static const char *const local[] = {
        "某市两会期间，人大代表林思远说，要发展县域经济。",
        NULL};
    issue is;
    const person *p = people_of(&is, national, "林思远");
    assert_non_null(p);
    assert_string_equal(p->role, "全国人大代表");
    issue_free(&is);
    p = people_of(&is, national, "郑明辉");
    assert_non_null(p);
    assert_string_equal(p->role, "全国政协委员");
    issue_free(&is);
    /* a role printed in full says more than the bare suffix read before */
    static const char *const fuller[] = {
        "全国两会期间，张海涛委员说，要稳住制造业。",
        "全国政协常委、某集团董事长张海涛表示，要加大研发投入。",
        NULL};
    p = people_of(&is, fuller, "张海涛");
    assert_non_null(p);
    assert_string_equal(p->role, "全国政协常委");
    issue_free(&is);
    p = people_of(&is, local, "林思远");
    assert_non_null(p);
    assert_string_equal(p->role, "人大代表");
    issue_free(&is);
}

/* 代表 before the name of a body acted for (某某代表某市人民政府，向…献花;
   …代表某某协商会议全国委员会，) is the verb, no role; a role suffix that
   ends a title begun before it (某某同志为国务委员) and a preposition with
   the one addressed before 代表 (负责同志和记者代表) name no one.  The
   suffix still stands before words that follow names, and 委员 before
   代表某党中央发言.  Invented strings. */
static void speakers_acting_for_a_body_gives_no_role(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "十四届全国人大四次会议开幕。",
        "某市副市长钱立国代表某市人民政府，某会主席孙海明代表某某协商会议全国委员会，向纪念碑敬献了花篮。",
        "某党副主席周文涛代表某党中央委员会向大会致辞。",
        "会议决定，何立新、吴海涛同志为国务委员。",
        "各新闻单位负责同志和记者代表参加活动。",
        "会议选举主席、副主席、秘书长和常务委员。",
        "林志远委员代表某党中央发言说，要加强合作。",
        "郑海波代表所在的县人民政府，今年投入很大。",
        "冯立山代表向记者介绍，村里通了公路。",
        NULL};
    static const char *const none[] = {"钱立国", "孙海明", "周文涛", "为国务",
                                       "和记者", "和常务", NULL};
    check_roles(paras, none, NULL);
    check_role(paras, "林志远", "全国政协委员");
    check_role(paras, "郑海波", "全国人大代表");
    check_role(paras, "冯立山", "全国人大代表");
}

/* A role suffix opening a clause, then a list of names (代表张某、李某、
   王某围绕…): each name holds the role; a single name after it (代表某某
   发言) is left to the other rules, and 代表某国政府、人民 or 代表团 stay
   words.  Invented strings. */
static void speakers_suffix_before_a_list_of_names(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "十四届全国人大四次会议开幕。",
        "代表张大山、李小川、王五一围绕教育建言。",
        "委员周立华、吴海涛先后发言。",
        "代表中国政府、人民致以问候。",
        "代表团成员孙立平、郑海波参加讨论。",
        NULL};
    static const char *const npc[] = {"张大山", "李小川", "王五一", NULL};
    check_roles(paras, npc, "全国人大代表");
    static const char *const cppcc[] = {"周立华", "吴海涛", NULL};
    check_roles(paras, cppcc, "全国政协委员");
    static const char *const none[] = {"中国政府", "中国", "孙立平", "郑海波", NULL};
    check_roles(paras, none, NULL);
}

/* After a role and its first name, every item of the list holds the role
   where a name is expected: a three-character name with a surname that
   mostly begins words (…、南立华、…), or a surname and characters running
   to the next 、 or follower word though a word begins them (…、许可新也…).
   Items with a title, too short a word-surname reading, or words (农民,
   企业家, 市长某某, 明确, 全程) get none.  Invented strings. */
static void speakers_role_list_items_where_a_name_is_expected(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "十四届全国人大四次会议开幕。",
        "全国政协委员吴海涛、王志刚、南立华、许可新也回答了提问。",
        "全国人大代表张立新、市长钱立国也出席了活动。",
        "全国人大代表孙海明、农民、工人也参加了座谈。",
        "全国人大代表周文涛、企业家和学者也参加了座谈。",
        "全国人大代表何立新、全程参与了调研。",
        NULL};
    static const char *const cppcc[] = {"吴海涛", "王志刚", "南立华", "许可新", NULL};
    check_roles(paras, cppcc, "全国政协委员");
    static const char *const none[] = {"钱立国", "市长钱立国", "农民", "企业家", "全程参",
                          "全程", NULL};
    check_roles(paras, none, NULL);
}

/* After a role, the last of a pair joined by 和 or 与 holds the role too
   (全国人大代表甲和乙正在讨论); a second name with a title after it is
   another person (…和某某书记交流), and what the name rules do not read
   as a name gets nothing (…和同事们).  Invented strings. */
static void speakers_role_pairs_share_the_role(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "十四届全国人大四次会议开幕。",
        "全国人大代表冯立山和黄海正在热烈讨论。",
        "全国政协委员王海涛与李立明在会上交流了看法。",
        "全国人大代表张立新和李海明书记交流。",
        "全国人大代表孙海波和同事们一起调研。",
        NULL};
    check_role(paras, "黄海", "全国人大代表");
    check_role(paras, "冯立山", "全国人大代表");
    check_role(paras, "李立明", "全国政协委员");
    check_role(paras, "李海明", NULL);
    check_role(paras, "同事", NULL);
    check_role(paras, "黄海正", NULL);
}

/* Right after a role, or a title after it, a number ends a name no word
   follows (全国政协委员某某某2022年带领…); after a 、 the run may be a
   place (全国人大代表、某地2022年…), and a role with no name before the
   number names no one.  Invented strings. */
static void speakers_number_ends_a_name_after_a_role(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "十四届全国人大四次会议开幕。",
        "全国政协委员何立芹2022年带领医疗队出国。",
        "全国人大代表、某村党支部书记林立海2019年回到村里。",
        "全国人大代表、张家口2022年举办冬奥会。",
        "全国人大代表2022年提交了建议。",
        NULL};
    check_role(paras, "何立芹", "全国政协委员");
    check_role(paras, "林立海", "全国人大代表");
    check_role(paras, "张家口", NULL);
}

/* Opening a clause, a name without a surname before 委员 or 常委 (达娃卓玛
   委员来自…, 阿依古丽委员发言说) holds the CPPCC role; before 代表 such a
   run is as often a country (某国代表表示), and words (海外委员, 特邀委员)
   and foreign places name no one.  Invented strings. */
static void speakers_nameless_name_opens_a_clause_before_weiyuan(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "十四届全国人大四次会议开幕。",
        "达娃卓玛委员来自高原的一线，她介绍了医疗的变化。",
        "阿依古丽委员发言说，要加强合作。",
        "海外委员表示，要加强交流。",
        "特邀委员发言说，要加强合作。",
        "多米尼克代表表示，支持中方立场。",
        "坦桑尼亚代表说，感谢中国。",
        NULL};
    check_role(paras, "达娃卓玛", "全国政协委员");
    check_role(paras, "阿依古丽", "全国政协委员");
    static const char *const none[] = {"海外", "特邀", "多米尼克", "坦桑尼亚", NULL};
    check_roles(paras, none, NULL);
}

/* Right after a role, a three-character name with a surname that mostly
   begins words is read before a word that follows names (全国人大代表单某某
   给总书记报告…, 全国政协委员明某某在会上…); two characters there, a
   character never inside a name, or an adverb of not_names.txt (全程,
   公开, 连日) make it none.  Invented strings. */
static void speakers_word_surname_name_after_a_role_before_a_follower(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "十四届全国人大四次会议开幕。",
        "全国人大代表单立海给总书记报告了一个好消息。",
        "全国政协委员明立新在会上发言。",
        "全国人大代表全程参与了调研。",
        "全国政协委员公开信也发布了。",
        "全国人大代表连日来在基层调研。",
        "全国人大代表全力以赴做好工作。",
        "全国政协委员相继发言。",
        NULL};
    check_role(paras, "单立海", "全国人大代表");
    check_role(paras, "明立新", "全国政协委员");
    static const char *const none[] = {"全程参", "公开信", "连日来", "全力以", "相继",
                          "相继发", NULL};
    check_roles(paras, none, NULL);
}

/* Right after a role (or a title after it), a name of four characters or
   more that clause punctuation ends is read whole when its surname mostly
   begins words or it has none and the rest are characters of names
   without a surname (全国政协委员明吉卓玛，…); after a 、 the run may be a
   place or a firm, and foreign places are none.  Invented strings. */
static void speakers_long_nameless_name_after_a_role(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "十四届全国人大四次会议开幕。",
        "来自高原的全国政协委员明吉卓玛，介绍了这些年的变化。",
        "全国人大代表、某大学教授巴特尔吉玛，介绍了情况。",
        "全国人大代表、阿里巴巴，都在会上。",
        "全国人大代表坦桑尼亚，",
        NULL};
    check_role(paras, "明吉卓玛", "全国政协委员");
    check_role(paras, "巴特尔吉玛", "全国人大代表");
    static const char *const none[] = {"阿里巴巴", "坦桑尼亚", NULL};
    check_roles(paras, none, NULL);
}

/* A role, 的, then a name introduced as one person (当选全国政协委员的某某
   是一名教师) holds the role; 是 and no head count after it (作为全国人大
   代表的关键是…, 的常态是一个…) introduce no one.  Invented strings. */
static void speakers_role_de_name_introduced_as_one(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "十四届全国人大四次会议开幕。",
        "第一次当选全国政协委员的杨立是一名教师。",
        "作为全国人大代表的关键是一个态度。",
        "全国人大代表的常态是一个样子。",
        NULL};
    check_role(paras, "杨立", "全国政协委员");
    static const char *const none[] = {"关键", "常态", NULL};
    check_roles(paras, none, NULL);
}

/* Opening a clause, a three-character name with a surname that mostly
   begins words before 委员 holds the CPPCC role (符立冠委员代表某党中央发言
   说); two characters there are a group (全体委员, 商界委员), a sector
   (司法界委员: 界 is never inside a name) is none, and before 代表 three
   are a group too (农民工代表).  Invented strings. */
static void speakers_word_surname_name_opens_a_clause_before_weiyuan(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "十四届全国人大四次会议开幕。",
        "符立冠委员代表某党中央发言说，要加强合作。",
        "全体委员表示赞同。",
        "商界委员认为，要加强合作。",
        "司法界委员认为，要依法办事。",
        "农民工代表说，收入提高了。",
        NULL};
    check_role(paras, "符立冠", "全国政协委员");
    static const char *const none[] = {"全体", "商界", "司法界", "农民工",
                                       "农民", NULL};
    check_roles(paras, none, NULL);
}

/* Surnames the lists lacked: 宛 is rare at the start of a word (宛如,
   宛若 are words: not_names.txt), so it reads a name wherever a surname
   does; 怀 and 铁 mostly begin words (怀着, 铁路), so they read one only
   where a name is expected, as after a title before a speech verb
   (invented lines). */
static void speakers_surnames_the_lists_lacked(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "十四届全国人大二次会议举行全体会议。",
        "来自某部队的宛立新代表发言。",
        "某部部长怀立新表示，要加强人才培养。",
        "某局局长铁立新说，线路已经开通。",
        "景色宛如画卷，游客纷纷表示，很满意。",
        "某部部长怀着感恩之心说，要做好工作。",
        "某局局长铁面无私地说，要严格执法。",
        NULL};
    issue is;
    const person *p = people_of(&is, paras, "宛立新");
    assert_true(p && p->role && strcmp(p->role, "全国人大代表") == 0);
    issue_free(&is);
    p = people_of(&is, paras, "怀立新");
    assert_true(p && p->titles && strcmp(p->titles, "某部部长") == 0);
    issue_free(&is);
    p = people_of(&is, paras, "铁立新");
    assert_true(p && p->titles && strcmp(p->titles, "某局局长") == 0);
    issue_free(&is);
    static const char *const only[] = {"宛立新", "怀立新", "铁立新", NULL};
    assert_only_people(paras, only);
}

/* Right after a title, a two-character name with a surname that mostly
   begins words speaks when the occasion of its words and a speech verb
   follow (某会副主席咸某在参加……时说，); adverbs that stand before 在 as
   well (应邀, 明天, 相继, 全程: not_names.txt) are no name, nor is a pair
   with no occasion (主任明确表示) (invented lines). */
static void speakers_titled_pair_speaks_on_an_occasion(void **state)
{
    (void)state;
    load_lexicon();
    static const char *const paras[] = {
        "某会副主席咸立在参加特邀人士小组讨论时说，要牢记嘱托。",
        "某院检察长应志在参加某省代表团审议时表示，完全赞同报告。",
        "某部部长应邀在出席论坛开幕式时表示，愿加强合作。",
        "某局局长明天在参加会议时说，要抓好落实。",
        "某部部长相继在参加两场活动时说，要抓好落实。",
        "某委主任全程在参加调研时说，要抓好落实。",
        "某局主任明确表示，要加快推进。",
        NULL};
    issue is;
    const person *p = people_of(&is, paras, "咸立");
    assert_true(p && p->titles && strcmp(p->titles, "某会副主席") == 0);
    issue_free(&is);
    p = people_of(&is, paras, "应志");
    assert_true(p && p->titles && strcmp(p->titles, "某院检察长") == 0);
    issue_free(&is);
    static const char *const only[] = {"咸立", "应志", NULL};
    assert_only_people(paras, only);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(speakers_title_prefix_forms),
    cmocka_unit_test(speakers_label_opens_a_paragraph),
    cmocka_unit_test(speakers_lists_share_the_role),
    cmocka_unit_test(speakers_honours_end_titles),
    cmocka_unit_test(speakers_role_list_takes_unread_items),
    cmocka_unit_test(speakers_foreign_titles_start_with_the_place),
    cmocka_unit_test(speakers_word_surname_before_role_and_verb),
    cmocka_unit_test(speakers_lists_inside_a_clause),
    cmocka_unit_test(speakers_names_begin_after_a_title),
    cmocka_unit_test(speakers_titles_stop_at_the_previous_person),
    cmocka_unit_test(speakers_roles_at_every_level),
    cmocka_unit_test(speakers_bare_roles_by_session),
    cmocka_unit_test(speakers_name_between_title_and_role),
    cmocka_unit_test(speakers_title_suffix_and_kicker_forms),
    cmocka_unit_test(speakers_headings_are_whole_title_lines),
    cmocka_unit_test(speakers_name_ends_where_the_follower_says),
    cmocka_unit_test(speakers_two_sessions_roles_and_delegation),
    cmocka_unit_test(speakers_standing_committee_is_not_two_sessions),
    cmocka_unit_test(speakers_local_session_and_stated_roles),
    cmocka_unit_test(speakers_same_name_merges),
    cmocka_unit_test(speakers_known_person_at_takes_the_longest_name),
    cmocka_unit_test(speakers_role_classes_from_roles_txt),
    cmocka_unit_test(speakers_role_suffixes_by_session),
    cmocka_unit_test(speakers_heading_parser_without_a_name),
    cmocka_unit_test(speakers_session_cues),
    cmocka_unit_test(speakers_titles_lose_leading_prepositions),
    cmocka_unit_test(speakers_word_surnames_where_a_name_is_expected),
    cmocka_unit_test(speakers_delegation_stops_and_name_ends),
    cmocka_unit_test(speakers_missing_lexicon_is_reported),
    cmocka_unit_test(speakers_head_counted_lists_and_names_after_a_role),
    cmocka_unit_test(speakers_daibiao_as_a_verb_gives_no_role),
    cmocka_unit_test(speakers_word_surname_after_a_title_speaks),
    cmocka_unit_test(speakers_headline_gives_the_role),
    cmocka_unit_test(speakers_role_stated_around_the_name),
    cmocka_unit_test(speakers_names_without_a_surname),
    cmocka_unit_test(speakers_delegation_only_when_the_article_names_one),
    cmocka_unit_test(speakers_acting_for_a_body_gives_no_role),
    cmocka_unit_test(speakers_suffix_before_a_list_of_names),
    cmocka_unit_test(speakers_role_list_items_where_a_name_is_expected),
    cmocka_unit_test(speakers_role_pairs_share_the_role),
    cmocka_unit_test(speakers_number_ends_a_name_after_a_role),
    cmocka_unit_test(speakers_nameless_name_opens_a_clause_before_weiyuan),
    cmocka_unit_test(speakers_word_surname_name_after_a_role_before_a_follower),
    cmocka_unit_test(speakers_long_nameless_name_after_a_role),
    cmocka_unit_test(speakers_role_de_name_introduced_as_one),
    cmocka_unit_test(speakers_word_surname_name_opens_a_clause_before_weiyuan),
    cmocka_unit_test(speakers_surnames_the_lists_lacked),
    cmocka_unit_test(speakers_titled_pair_speaks_on_an_occasion),
};
const test_suite speakers_suite = {tests, SUITE_LEN(tests)};
