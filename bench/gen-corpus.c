/* gen-corpus.c - write a synthetic corpus of newspaper pages, for
 * benchmarks at scale.
 *
 *   gen-corpus [--seed N] [--source DIR]... [--surnames FILE] SIZE_MB DIR
 *
 * The pages are recombined from the shipped corpus: its headlines and its
 * narrative paragraphs and sentences are taken as they are (numbers and
 * dates varied), while everything that names a speaker is written here
 * from templates of the same shapes as the real pages ("殷勇代表："
 * headings, ">> 市人大代表、…:" blocks, "全国人大代表，…董事长赵民革" title
 * lines, "“…”X说。", "X表示，…"), with names drawn from the surname
 * lexicon so that a large corpus has many distinct speakers.  Pages are
 * 10-60 KB; about 3% are hard-wrapped like print layout, 2% are GB18030,
 * 10% use half-width punctuation and markdown-ish headings.
 *
 * The output depends only on the seed, the size and the input files: the
 * generator has its own random number generator and reads its inputs in
 * sorted order.  1 MB here is 10^6 bytes.  DIR must be empty or absent.
 */
#include <dirent.h>
#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "strbuf.h"

#define KB 1000
#define MIN_PAGE (10 * KB)
#define MAX_PAGE (60 * KB)

/* ---- random numbers ---------------------------------------------------- */

/* splitmix64: tiny, fast, and identical on every platform. */
typedef struct {
    uint64_t s;
} rng;

static uint64_t rng_next(rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* A number in [0, n); n > 0. */
static size_t rng_below(rng *r, size_t n)
{
    return (size_t)(rng_next(r) % n);
}

/* A number in [lo, hi]. */
static int rng_range(rng *r, int lo, int hi)
{
    return lo + (int)rng_below(r, (size_t)(hi - lo + 1));
}

/* True with probability percent/100. */
static bool rng_chance(rng *r, int percent)
{
    return (int)rng_below(r, 100) < percent;
}

/* A uniform double in [0, 1). */
static double rng_unit(rng *r)
{
    return (double)(rng_next(r) >> 11) / 9007199254740992.0;
}

/* An index in [0, n) skewed towards 0 (u^power), to make some items
   (common surnames, prominent delegates) much more frequent than others. */
static size_t rng_skewed(rng *r, size_t n, int power)
{
    double u = rng_unit(r), x = u;
    for (int i = 1; i < power; i++)
        x *= u;
    size_t i = (size_t)(x * (double)n);
    return i < n ? i : n - 1;
}

#define PICK(r, arr) ((arr)[rng_below((r), sizeof(arr) / sizeof *(arr))])

/* ---- UTF-8 helpers ------------------------------------------------------ */

/* Number of characters in s[0..n). */
static size_t u8_chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

/* Length in bytes of the UTF-8 character starting at s. */
static size_t u8_len(const char *s)
{
    unsigned char c = (unsigned char)*s;
    if (c < 0x80)
        return 1;
    if (c >= 0xF0)
        return 4;
    if (c >= 0xE0)
        return 3;
    return 2;
}

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool ends_with(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* Does s contain any of the NULL-terminated words? */
static bool contains_any(const char *s, const char *const *words)
{
    for (; *words; words++)
        if (strstr(s, *words))
            return true;
    return false;
}

/* ---- vocabulary (general words, no person or headline of the corpus) ---- */

static const char *const fallback_surnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
    "马", "朱", "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋",
    "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "田", "董", "潘", "袁",
    "蔡", "蒋", "余", "杜", "叶", "程", "魏", "苏", "吕", "丁", "沈", "欧阳"};

static const char *const given_chars[] = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
    "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华",
    "玉", "建", "文", "辉", "力", "斌", "宇", "浩", "凯", "健", "俊", "帆",
    "鹏", "波", "红", "峰", "宁", "晨", "欣", "颖", "琳", "雪", "慧", "佳",
    "志", "海", "春", "晓", "东", "亮", "林", "云", "飞", "永", "德", "新",
    "荣", "庆", "昊", "梦", "博", "嘉", "子", "思", "雨", "天", "泽", "正",
    "民", "革", "少", "卫", "兵", "茂", "旭", "恒", "彬", "宏", "昕", "竞",
    "若", "枝", "月", "涵", "铭", "黎", "水", "社", "岭", "瑞", "锋", "琪"};

static const char *const places[] = {
    "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江",
    "上海", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北",
    "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏",
    "陕西", "甘肃", "青海", "宁夏", "新疆"};

static const char *const cities[] = {
    "北京市", "天津市", "上海市", "重庆市", "石家庄市", "雄安新区", "杭州市",
    "苏州市", "深圳市", "广州市", "成都市", "武汉市", "西安市", "郑州市",
    "长沙市", "合肥市", "南京市", "青岛市", "厦门市", "宁波市", "沈阳市",
    "昆明市", "贵阳市", "兰州市", "南宁市", "济南市", "大连市", "无锡市"};

static const char *const districts[] = {
    "通州区", "门头沟区", "丰台区", "海淀区", "朝阳区", "顺义区", "大兴区",
    "昌平区", "怀柔区", "密云区", "延庆区", "房山区", "平谷区", "石景山区",
    "东城区", "西城区", "浦东新区", "滨海新区", "南山区", "天河区"};

static const char *const brand_chars[] = {
    "华", "中", "新", "创", "智", "远", "瑞", "恒", "泰", "联", "达", "宏",
    "星", "光", "博", "航", "锐", "鼎", "晶", "科", "信", "益", "安", "盛"};

static const char *const industries[] = {
    "科技", "智能", "能源", "新材料", "生物医药", "半导体", "汽车", "钢铁",
    "建设", "电子", "信息", "环保", "农业", "物流", "航天", "装备制造"};

static const char *const disciplines[] = {
    "经济", "管理", "机械工程", "化学", "生命科学", "计算机", "法学", "材料",
    "环境", "医学", "电子信息", "农学", "建筑", "数学"};

static const char *const ordinals[] = {
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一",
    "十二", "十五", "二十", "三十五", "五十五", "八十"};

static const char *const bureaus[] = {
    "发展和改革委员会", "教育委员会", "科学技术委员会", "经济和信息化局",
    "财政局", "生态环境局", "交通委员会", "卫生健康委员会", "商务局",
    "市场监督管理局", "药品监督管理局", "农业农村局", "文化和旅游局",
    "投资促进服务中心", "人民政府参事室"};

static const char *const departments[] = {
    "心内科", "呼吸科", "儿科", "急诊科", "肿瘤科", "神经内科", "骨科"};

static const char *const paper_kinds[] = {
    "日报", "晚报", "商报", "时报", "青年报", "晨报", "城市副中心报",
    "经济日报", "法治报"};

static const char *const weekdays[] = {"日", "一", "二", "三", "四", "五",
                                       "六"};

static const char *const cn_numbers[] = {"一", "二", "三", "四", "五", "六",
                                         "七", "八", "九", "十", "十二",
                                         "十六", "二十", "二十四"};

static const char *const reporters_asked[] = {
    "中央广播电视总台记者", "新华社记者", "人民日报记者", "北京日报记者",
    "中国日报记者", "经济日报记者", "香港商报记者", "路透社记者"};

/* Words that mark a sentence as speech or attribution: such sentences of
   the source quote its real people, so they are never reused (all the
   speakers of the output are generated). */
static const char *const speech_marks[] = {
    "说", "表示", "指出", "介绍", "认为", "坦言", "直言", "强调", "谈到",
    "提到", "建议", "回答", "阐释", "举例", "告诉", "看来", "记者", "代表：",
    "委员：", "代表:", "委员:", ">>", NULL};

/* Words after which a source page names a person (its post or role). */
static const char *const posts[] = {
    "代表", "委员", "校长", "市长", "区长", "书记", "董事长", "主任", "院长",
    "教授", "局长", "经理", "执行官", "主委", "研究员", "司机", "驾驶员",
    "主席", "部长", "厅长", "总裁", "创始人", "负责人", "记者", "实习生",
    "委员长", "总理", NULL};

/* Words before which a source page names a person (speech verbs). */
static const char *const said[] = {
    "说", "表示", "认为", "介绍", "指出", "坦言", "直言", "建议", "提到",
    "强调", "代表：", "委员：", "代表:", "委员:", "代表说", "委员说",
    "代表回答", "主持", NULL};

/* ---- the material taken from the source pages --------------------------- */

typedef struct {
    strlist headlines;  /* short lines: headlines, subheads */
    strlist paragraphs; /* narrative paragraphs with no speech in them */
    strlist sentences;  /* sentences with no speech in them */
    strlist names;      /* surname + next character of the source's people */
    const strlist *surnames;
} material;

/* The length of the surname that s starts with, or 0. */
static size_t surname_at(const material *m, const char *s)
{
    size_t best = 0;
    for (size_t i = 0; i < m->surnames->n; i++) {
        size_t k = strlen(m->surnames->v[i]);
        if (k > best && strncmp(s, m->surnames->v[i], k) == 0)
            best = k;
    }
    return best;
}

/* Remember the name that starts at s if it starts with a surname: its
   surname and the next character are enough to recognise it again. */
static void note_name(material *m, const char *s)
{
    size_t k = surname_at(m, s);
    if (k == 0 || ((unsigned char)s[k] & 0xC0) != 0xC0)
        return;
    k += u8_len(s + k);
    for (size_t i = 0; i < m->names.n; i++)
        if (strlen(m->names.v[i]) == k && strncmp(m->names.v[i], s, k) == 0)
            return;
    strlist_push_owned(&m->names, xstrndup(s, k));
}

/* Start of the character n characters before p (not before text). */
static const char *chars_back(const char *text, const char *p, int n)
{
    while (n > 0 && p > text) {
        p--;
        if (((unsigned char)*p & 0xC0) != 0x80)
            n--;
    }
    return n == 0 ? p : NULL;
}

/* Find the names of the people of a source page: what follows a post
   (校长X) and the two or three characters before a speech verb (X说).
   Over-collecting is harmless: it only drops more sentences. */
static void collect_names(material *m, const char *text)
{
    for (const char *p = text; *p; p += u8_len(p)) {
        for (const char *const *w = posts; *w; w++)
            if (starts_with(p, *w))
                note_name(m, p + strlen(*w));
        for (const char *const *w = said; *w; w++) {
            if (!starts_with(p, *w))
                continue;
            for (int n = 2; n <= 4; n++) {
                const char *q = chars_back(text, p, n);
                if (q)
                    note_name(m, q);
            }
        }
    }
}

/* Does s mention one of the source's people? */
static bool names_someone(const material *m, const char *s)
{
    for (size_t i = 0; i < m->names.n; i++)
        if (strstr(s, m->names.v[i]))
            return true;
    return false;
}

/* Replace half-width , ; : ? ! next to a non-ASCII character by the
   full-width forms, so that all material uses one punctuation style (the
   half-width style is reapplied to whole pages at random). */
static char *fullwidth_punctuation(const char *s)
{
    strbuf sb = {0};
    for (size_t i = 0; s[i]; i++) {
        const char *fw = NULL;
        switch (s[i]) {
        case ',': fw = "，"; break;
        case ';': fw = "；"; break;
        case ':': fw = "："; break;
        case '?': fw = "？"; break;
        case '!': fw = "！"; break;
        }
        bool cjk_near = (i > 0 && ((unsigned char)s[i - 1] & 0x80)) ||
                        ((unsigned char)s[i + 1] & 0x80);
        if (fw && cjk_near)
            sb_puts(&sb, fw);
        else
            sb_putc(&sb, s[i]);
    }
    return sb_take(&sb);
}

/* Are the curly quotes of s balanced, with nothing longer than a short
   term between them (“十四五” is narrative; a long quote is speech)? */
static bool only_short_quotes(const char *s)
{
    const char *open = NULL;
    for (const char *p = s; *p; p += u8_len(p)) {
        if (starts_with(p, "“")) {
            if (open)
                return false;
            open = p;
        } else if (starts_with(p, "”")) {
            if (!open || u8_chars(open, (size_t)(p - open)) > 13)
                return false;
            open = NULL;
        }
    }
    return open == NULL;
}

/* Add the complete sentences of a paragraph (ending in 。！？) that say
   nothing attributed to anyone to the sentence pool. */
static void collect_sentences(material *m, const char *para)
{
    const char *start = para;
    for (const char *p = para; *p; p += u8_len(p)) {
        bool end = starts_with(p, "。") || starts_with(p, "！") ||
                   starts_with(p, "？");
        if (!end)
            continue;
        const char *stop = p + u8_len(p);
        char *s = xstrndup(start, (size_t)(stop - start));
        size_t chars = u8_chars(s, strlen(s));
        if (chars >= 8 && chars <= 150 && !contains_any(s, speech_marks) &&
            !names_someone(m, s) && only_short_quotes(s))
            strlist_push_owned(&m->sentences, s);
        else
            free(s);
        start = stop;
    }
}

/* Strip leading blanks (ASCII, full-width space) and markdown marks. */
static const char *skip_leading(const char *s)
{
    for (;;) {
        if (*s == ' ' || *s == '\t' || *s == '#')
            s++;
        else if (starts_with(s, "　"))
            s += strlen("　");
        else if (starts_with(s, "- "))
            s += 2;
        else
            return s;
    }
}

/* Is this short line usable as a headline? */
static bool headline_like(const material *m, const char *s, size_t n,
                          size_t chars)
{
    static const char *const not_headline[] = {
        "记者", "代表，", "代表、", "委员，", "委员、", "星期", "编辑", "电话",
        "“", "”", "■", "□", ">", "·", "@", "报道组", NULL};
    if (chars < 5 || chars > 40 || contains_any(s, not_headline) ||
        names_someone(m, s))
        return false;
    static const char *const bad_ends[] = {"。", "，", "；", "、", "：", ":",
                                           "…", "报", NULL};
    for (const char *const *e = bad_ends; *e; e++)
        if (ends_with(s, n, *e))
            return false;
    size_t digits = 0;
    for (size_t i = 0; i < n; i++)
        digits += s[i] >= '0' && s[i] <= '9';
    return digits < 4 && !(s[0] >= '0' && s[0] <= '9');
}

/* Is a line long and complete enough to be a paragraph? */
static bool paragraph_like(const char *s, size_t n, size_t chars)
{
    return chars >= 40 && (ends_with(s, n, "。") || ends_with(s, n, "！") ||
                           ends_with(s, n, "？"));
}

/* Split text into its lines (without trailing blanks), dropping empty ones. */
static void split_lines(const char *text, strlist *lines)
{
    const char *p = text;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        const char *s = skip_leading(p);
        size_t k = n - (size_t)(s - p);
        while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\r' ||
                         s[k - 1] == '\t'))
            k--;
        if (k > 0)
            strlist_push_owned(lines, xstrndup(s, k));
        p = e ? e + 1 : p + n;
    }
}

/* Is a page laid out as hard-wrapped print columns (most lines 10-22
   characters)? Its lines are then fragments, not headlines. */
static bool hard_wrapped(const strlist *lines)
{
    size_t narrow = 0;
    for (size_t i = 0; i < lines->n; i++) {
        size_t c = u8_chars(lines->v[i], strlen(lines->v[i]));
        narrow += c >= 10 && c <= 22;
    }
    return lines->n > 20 && narrow * 2 > lines->n;
}

/* Take the headlines, paragraphs and sentences of one source page. */
static void collect_material(material *m, const char *text)
{
    strlist lines = {0};
    split_lines(text, &lines);
    if (hard_wrapped(&lines)) {
        strbuf joined = {0};
        for (size_t i = 0; i < lines.n; i++)
            sb_puts(&joined, lines.v[i]);
        char *fw = fullwidth_punctuation(joined.s ? joined.s : "");
        collect_sentences(m, fw);
        free(fw);
        sb_free(&joined);
        strlist_free(&lines);
        return;
    }
    for (size_t i = 0; i < lines.n; i++) {
        char *line = fullwidth_punctuation(lines.v[i]);
        size_t n = strlen(line), chars = u8_chars(line, n);
        if (paragraph_like(line, n, chars)) {
            collect_sentences(m, line);
            if (!contains_any(line, speech_marks) &&
                !names_someone(m, line) && only_short_quotes(line))
                strlist_push(&m->paragraphs, line);
        } else if (headline_like(m, line, n, chars)) {
            strlist_push(&m->headlines, line);
        }
        free(line);
    }
    strlist_free(&lines);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read every *.txt of dir, in name order, appending the texts to texts. */
static int load_source_dir(strlist *texts, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "gen-corpus: cannot open %s: %s\n", dir,
                strerror(errno));
        return -1;
    }
    strlist names = {0};
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] != '.' && ends_with(e->d_name, n, ".txt"))
            strlist_push(&names, e->d_name);
    }
    closedir(d);
    qsort(names.v, names.n, sizeof *names.v, compare_names);
    for (size_t i = 0; i < names.n; i++) {
        strbuf path = {0};
        sb_printf(&path, "%s/%s", dir, names.v[i]);
        char *text = read_whole_file(path.s, 0, NULL);
        if (!text) {
            fprintf(stderr, "gen-corpus: cannot read %s: %s\n", path.s,
                    strerror(errno));
            sb_free(&path);
            strlist_free(&names);
            return -1;
        }
        strlist_push_owned(texts, text);
        sb_free(&path);
    }
    strlist_free(&names);
    return 0;
}

/* Read the surnames lexicon (one per line, # comments); false if absent. */
static bool load_surnames(const char *path, strlist *out)
{
    char *text = path ? read_whole_file(path, 0, NULL) : NULL;
    if (!text)
        return false;
    strlist lines = {0};
    split_lines(text, &lines);
    for (size_t i = 0; i < lines.n; i++)
        if (lines.v[i][0] != '#' && u8_chars(lines.v[i], strlen(lines.v[i]))
                                        <= 2)
            strlist_push(out, lines.v[i]);
    strlist_free(&lines);
    free(text);
    return out->n > 0;
}

/* ---- the people --------------------------------------------------------- */

typedef enum {
    ROLE_NPC,      /* 全国人大代表 */
    ROLE_CPPCC,    /* 全国政协委员 */
    ROLE_CITY_NPC, /* 市人大代表 */
    ROLE_CITY_CPPCC,
    ROLE_OFFICIAL, /* no delegate role: an official or an expert */
    NROLES
} role_kind;

static const char *const role_names[NROLES] = {
    "全国人大代表", "全国政协委员", "市人大代表", "市政协委员", ""};

typedef struct {
    char *name;
    role_kind role;
    char *title;  /* organisation and post, e.g. 某某集团有限公司董事长 */
    char *delegation;
} person;

typedef struct {
    person *v;
    size_t n;
} population;

/* A personal name: a surname (common ones more often) and one or two
   given-name characters. */
static char *make_name(rng *r, const strlist *surnames)
{
    strbuf sb = {0};
    sb_puts(&sb, surnames->v[rng_skewed(r, surnames->n, 2)]);
    sb_puts(&sb, PICK(r, given_chars));
    if (rng_chance(r, 70))
        sb_puts(&sb, PICK(r, given_chars));
    return sb_take(&sb);
}

/* An organisation and a post in it, in the shapes newspapers print. */
static char *make_title(rng *r)
{
    strbuf sb = {0};
    switch (rng_below(r, 9)) {
    case 0:
        sb_printf(&sb, "%s%s%s%s集团有限公司%s", PICK(r, cities),
                  PICK(r, brand_chars), PICK(r, brand_chars),
                  PICK(r, industries),
                  PICK(r, ((const char *const[]){"党委书记、董事长", "董事长",
                                                 "总经理", "总工程师"})));
        break;
    case 1:
        sb_printf(&sb, "%s%s%s有限公司创始人、%s", PICK(r, brand_chars),
                  PICK(r, brand_chars), PICK(r, industries),
                  PICK(r, ((const char *const[]){"董事长", "首席执行官",
                                                 "董事长兼首席执行官"})));
        break;
    case 2:
        sb_printf(&sb, "%s第%s中学%s", PICK(r, cities), PICK(r, ordinals),
                  PICK(r, ((const char *const[]){"校长", "党委书记",
                                                 "高级教师"})));
        break;
    case 3:
        sb_printf(&sb, "%s大学%s学院%s", PICK(r, places), PICK(r, disciplines),
                  PICK(r, ((const char *const[]){"院长", "教授", "副院长",
                                                 "党委书记"})));
        break;
    case 4:
        sb_printf(&sb, "%s第%s人民医院%s%s", PICK(r, cities), PICK(r, ordinals),
                  PICK(r, departments),
                  PICK(r, ((const char *const[]){"主任", "主任医师",
                                                 "护士长"})));
        break;
    case 5:
        sb_printf(&sb, "%s%s%s", PICK(r, cities), PICK(r, bureaus),
                  PICK(r, ((const char *const[]){"主任", "局长", "副主任",
                                                 "副局长"})));
        break;
    case 6:
        sb_printf(&sb, "%s%s镇%s村党支部书记、村委会主任", PICK(r, districts),
                  PICK(r, ((const char *const[]){"妙峰山", "西集", "张家湾",
                                                 "漷县", "宋庄", "永乐店"})),
                  PICK(r, ((const char *const[]){"炭厂", "沙古堆", "前营",
                                                 "大营", "东店", "南辛庄"})));
        break;
    case 7:
        sb_printf(&sb, "%s%s研究院%s", PICK(r, places), PICK(r, industries),
                  PICK(r, ((const char *const[]){"院长", "研究员",
                                                 "首席科学家"})));
        break;
    default:
        sb_printf(&sb, "%s公交集团%s", PICK(r, cities),
                  PICK(r, ((const char *const[]){"驾驶员", "线路长",
                                                 "调度员"})));
        break;
    }
    return sb_take(&sb);
}

/* Build the population of speakers, with unique names. */
static population make_population(rng *r, size_t count,
                                  const strlist *surnames)
{
    population pop = {xcalloc(count, sizeof(person)), count};
    size_t cap = 1;
    while (cap < count * 4)
        cap *= 2;
    char **seen = xcalloc(cap, sizeof *seen);
    for (size_t i = 0; i < count; i++) {
        person *p = &pop.v[i];
        for (int attempt = 0;; attempt++) {
            p->name = make_name(r, surnames);
            uint64_t h = 1469598103934665603ULL;
            for (const char *c = p->name; *c; c++)
                h = (h ^ (unsigned char)*c) * 1099511628211ULL;
            size_t slot = (size_t)(h & (cap - 1));
            while (seen[slot] && strcmp(seen[slot], p->name) != 0)
                slot = (slot + 1) & (cap - 1);
            if (!seen[slot] || attempt > 50) {
                seen[slot] = seen[slot] ? seen[slot] : p->name;
                break;
            }
            free(p->name);
        }
        int k = rng_range(r, 0, 99);
        p->role = k < 45 ? ROLE_NPC : k < 70 ? ROLE_CPPCC
                : k < 82 ? ROLE_CITY_NPC : k < 92 ? ROLE_CITY_CPPCC
                : ROLE_OFFICIAL;
        p->title = make_title(r);
        strbuf d = {0};
        sb_printf(&d, "%s%s", PICK(r, places),
                  p->role == ROLE_NPC ? "代表团" : "");
        p->delegation = sb_take(&d);
    }
    free(seen);
    return pop;
}

static void free_population(population *pop)
{
    for (size_t i = 0; i < pop->n; i++) {
        free(pop->v[i].name);
        free(pop->v[i].title);
        free(pop->v[i].delegation);
    }
    free(pop->v);
}

/* The word that follows a name in a speaker heading: 代表 or 委员. */
static const char *member_word(const person *p)
{
    return p->role == ROLE_CPPCC || p->role == ROLE_CITY_CPPCC ? "委员"
                                                                : "代表";
}

/* ---- writing text ------------------------------------------------------- */

typedef struct {
    rng *r;
    const material *m;
    const population *pop;
    const strlist *surnames;
} generator;

/* Append s with its numbers varied: a month before 月 stays in 1-12, a day
   before 日 in 1-28, a four-digit year before 年 in 2015-2026; other
   numbers keep their length.  Half of the numbers are left alone. */
static void put_varied(generator *g, strbuf *out, const char *s)
{
    size_t i = 0;
    while (s[i]) {
        if (s[i] < '0' || s[i] > '9') {
            sb_putc(out, s[i++]);
            continue;
        }
        size_t j = i;
        while (s[j] >= '0' && s[j] <= '9')
            j++;
        const char *after = s + j;
        if (!rng_chance(g->r, 50)) {
            sb_append(out, s + i, j - i);
        } else if (starts_with(after, "月")) {
            sb_printf(out, "%d", rng_range(g->r, 1, 12));
        } else if (starts_with(after, "日")) {
            sb_printf(out, "%d", rng_range(g->r, 1, 28));
        } else if (starts_with(after, "年") && j - i == 4) {
            sb_printf(out, "%d", rng_range(g->r, 2015, 2026));
        } else {
            for (size_t k = i; k < j; k++) {
                int lo = k == i && j - i > 1 ? 1 : 0;
                sb_putc(out, (char)('0' + rng_range(g->r, lo, 9)));
            }
        }
        i = j;
    }
}

static const char *any_headline(generator *g)
{
    return g->m->headlines.v[rng_below(g->r, g->m->headlines.n)];
}

/* Append 1..max sentences of the pool. */
static void put_sentences(generator *g, strbuf *out, int max)
{
    int n = rng_range(g->r, 1, max);
    for (int i = 0; i < n; i++)
        put_varied(g, out,
                   g->m->sentences.v[rng_below(g->r, g->m->sentences.n)]);
}

/* Append one narrative paragraph (whole from the pool, or composed of
   sentences), then a blank line. */
static void put_narrative(generator *g, strbuf *out)
{
    if (g->m->paragraphs.n && rng_chance(g->r, 50))
        put_varied(g, out,
                   g->m->paragraphs.v[rng_below(g->r, g->m->paragraphs.n)]);
    else
        put_sentences(g, out, 6);
    sb_puts(out, "\n\n");
}

/* A speaker of the population, prominent ones more often. */
static const person *any_person(generator *g)
{
    return &g->pop->v[rng_skewed(g->r, g->pop->n, 2)];
}

/* Append the full introduction of a person: 全国人大代表、某某公司董事长X
   (the separator after the role is 、 or ，). */
static void put_intro(strbuf *out, const person *p, const char *sep)
{
    if (p->role != ROLE_OFFICIAL)
        sb_printf(out, "%s%s", role_names[p->role], sep);
    sb_printf(out, "%s%s", p->title, p->name);
}

/* Append one paragraph in which person p speaks.  first: the person is
   introduced with role and post. */
static void put_attributed(generator *g, strbuf *out, const person *p,
                           bool first)
{
    static const char *const verbs[] = {"说", "表示", "认为", "介绍",
                                        "指出", "强调", "坦言"};
    const char *verb = PICK(g->r, verbs);
    switch (rng_below(g->r, first ? 3 : 7)) {
    case 0: /* 全国人大代表、…X表示，… */
        if (first)
            put_intro(out, p, "、");
        else
            sb_puts(out, p->name);
        sb_printf(out, "%s，", verb);
        put_sentences(g, out, 4);
        break;
    case 1: /* “…”X说。 */
        sb_puts(out, "“");
        put_sentences(g, out, 3);
        sb_puts(out, "”");
        if (first)
            put_intro(out, p, "、");
        else
            sb_puts(out, p->name);
        sb_puts(out, rng_chance(g->r, 70) ? "说。" : "表示。");
        break;
    case 2: /* narrative, then 在回答…记者提问时，X代表说，… */
        put_sentences(g, out, 2);
        sb_printf(out, "在回答%s提问时，", PICK(g->r, reporters_asked));
        if (first && p->role != ROLE_OFFICIAL)
            sb_printf(out, "%s%s", p->title, p->name);
        else
            sb_puts(out, p->name);
        if (p->role != ROLE_OFFICIAL)
            sb_puts(out, member_word(p));
        sb_puts(out, "说，");
        put_sentences(g, out, 4);
        break;
    case 3: /* “…”X认为，… */
        sb_puts(out, "“");
        put_sentences(g, out, 2);
        sb_printf(out, "”%s%s，", p->name, verb);
        put_sentences(g, out, 3);
        break;
    case 4:
        sb_printf(out, "在%s看来，", p->name);
        put_sentences(g, out, 3);
        break;
    case 5:
        sb_printf(out, "对此，%s建议，", p->name);
        put_sentences(g, out, 3);
        break;
    default:
        sb_printf(out, "%s说，", p->name);
        put_sentences(g, out, 4);
        break;
    }
    sb_puts(out, "\n\n");
}

/* A reporter's byline in one of the printed shapes. */
static void put_byline(generator *g, strbuf *out)
{
    char *a = make_name(g->r, g->surnames), *b = make_name(g->r, g->surnames);
    switch (rng_below(g->r, 5)) {
    case 0: sb_printf(out, "本报记者 %s %s\n\n", a, b); break;
    case 1: sb_printf(out, "本报记者 %s 实习生 %s\n\n", a, b); break;
    case 2: sb_printf(out, "□ %s\n\n", a); break;
    case 3: sb_printf(out, "%s%s记者 %s\n\n", PICK(g->r, places),
                      PICK(g->r, paper_kinds), a); break;
    default: sb_printf(out, "%s两会报道组\n\n", PICK(g->r, paper_kinds)); break;
    }
    free(a);
    free(b);
}

/* Distinct people for one article. */
static void pick_cast(generator *g, const person **cast, int n)
{
    for (int i = 0; i < n; i++) {
        for (int tries = 0; tries < 8; tries++) {
            cast[i] = any_person(g);
            bool dup = false;
            for (int k = 0; k < i; k++)
                dup |= cast[k] == cast[i];
            if (!dup)
                break;
        }
    }
}

/* A news story: headline, subhead, byline, narrative paragraphs with
   people quoted here and there. */
static void put_story(generator *g, strbuf *out)
{
    sb_printf(out, "%s\n\n", any_headline(g));
    if (rng_chance(g->r, 40))
        sb_printf(out, "%s\n\n", any_headline(g));
    if (rng_chance(g->r, 20)) {
        sb_puts(out, "■ ");
        put_sentences(g, out, 2);
        sb_puts(out, "\n\n");
    }
    if (rng_chance(g->r, 70))
        put_byline(g, out);
    const person *cast[4];
    int ncast = rng_range(g->r, 0, 4);
    bool introduced[4] = {false};
    pick_cast(g, cast, ncast);
    put_narrative(g, out);
    int n = rng_range(g->r, 3, 10);
    for (int i = 0; i < n; i++) {
        if (ncast == 0 || rng_chance(g->r, 45)) {
            put_narrative(g, out);
        } else {
            int k = (int)rng_below(g->r, (size_t)ncast);
            put_attributed(g, out, cast[k], !introduced[k]);
            introduced[k] = true;
        }
    }
}

/* A press-conference report: a lead, then one section per speaker headed
   "X代表：" and a subhead. */
static void put_panel(generator *g, strbuf *out)
{
    sb_printf(out, "%s\n\n%s\n\n", any_headline(g), any_headline(g));
    put_narrative(g, out);
    const person *cast[8];
    int n = rng_range(g->r, 3, 8);
    pick_cast(g, cast, n);
    for (int i = 0; i < n; i++) {
        const person *p = cast[i];
        sb_printf(out, "%s%s：\n\n%s\n\n", p->name, member_word(p),
                  any_headline(g));
        sb_printf(out, "%s首先提问，", PICK(g->r, reporters_asked));
        put_sentences(g, out, 1);
        sb_printf(out, "%s%s说，", p->name, member_word(p));
        put_sentences(g, out, 4);
        sb_puts(out, "\n\n");
        int more = rng_range(g->r, 1, 4);
        for (int k = 0; k < more; k++)
            put_attributed(g, out, p, false);
    }
}

/* Profiles: "全国人大代表，…董事长X：" title lines, each followed by a
   headline, a byline and paragraphs quoting that person. */
static void put_profiles(generator *g, strbuf *out)
{
    sb_printf(out, "%s\n\n", any_headline(g));
    if (rng_chance(g->r, 60))
        put_byline(g, out);
    const person *cast[4];
    int n = rng_range(g->r, 2, 4);
    pick_cast(g, cast, n);
    for (int i = 0; i < n; i++) {
        const person *p = cast[i];
        put_intro(out, p, "，");
        sb_printf(out, "%s\n\n%s\n\n", rng_chance(g->r, 70) ? "：" : "",
                  any_headline(g));
        put_byline(g, out);
        put_sentences(g, out, 2);
        put_intro(out, p, "、");
        sb_puts(out, "表示，");
        put_sentences(g, out, 3);
        sb_puts(out, "\n\n");
        int more = rng_range(g->r, 2, 4);
        for (int k = 0; k < more; k++)
            put_attributed(g, out, p, false);
    }
}

/* Comments of city delegates: ">> 市人大代表、…X:" blocks with a "###"
   subhead and first-person paragraphs. */
static void put_comments(generator *g, strbuf *out)
{
    sb_printf(out, "# %s\n\n", any_headline(g));
    put_narrative(g, out);
    sb_puts(out, "·代表委员热议·\n\n");
    const person *cast[6];
    int n = rng_range(g->r, 3, 6);
    pick_cast(g, cast, n);
    for (int i = 0; i < n; i++) {
        const person *p = cast[i];
        const char *role = p->role == ROLE_CPPCC || p->role == ROLE_CITY_CPPCC
                               ? "市政协委员" : "市人大代表";
        sb_printf(out, ">> %s、%s%s:\n\n### %s\n\n", role, p->title, p->name,
                  any_headline(g));
        int paras = rng_range(g->r, 1, 3);
        for (int k = 0; k < paras; k++) {
            put_sentences(g, out, 5);
            sb_puts(out, "\n\n");
        }
    }
    char *a = make_name(g->r, g->surnames), *b = make_name(g->r, g->surnames);
    sb_printf(out, "%s%s记者 %s %s\n\n", PICK(g->r, places),
              PICK(g->r, paper_kinds), a, b);
    free(a);
    free(b);
}

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm), for
   the day of the week. */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The masthead: paper name and date line, in one of three styles. */
static void put_masthead(generator *g, strbuf *out, bool markdown)
{
    int y = rng_range(g->r, 2019, 2026);
    int m = rng_chance(g->r, 75) ? 3 : 1;
    int d = rng_range(g->r, m == 3 ? 3 : 10, m == 3 ? 14 : 20);
    long wd = (days_from_civil(y, m, d) + 4) % 7; /* 1970-01-01: Thursday */
    if (markdown) {
        char *a = make_name(g->r, g->surnames);
        char *b = make_name(g->r, g->surnames);
        sb_printf(out, "\n\n\n\n编辑 %s 美编 %s 电话:6410%04d\n\n", a, b,
                  rng_range(g->r, 0, 9999));
        free(a);
        free(b);
        return;
    }
    sb_printf(out, "\n\n%s%s\n\n\n\n", PICK(g->r, places),
              PICK(g->r, paper_kinds));
    sb_printf(out, "%d年%d月%d日 星期%s 今日%s版\n\n\n\n", y, m, d,
              weekdays[wd], PICK(g->r, cn_numbers));
}

/* Rewrite half-width: ，；：？！ as , ; : ? ! (as some pages are set). */
static void halfwidth_punctuation(strbuf *page)
{
    static const char *const from[] = {"，", "；", "：", "？", "！"};
    static const char to[] = {',', ';', ':', '?', '!'};
    size_t w = 0;
    for (size_t i = 0; i < page->len;) {
        size_t k;
        for (k = 0; k < 5; k++)
            if (starts_with(page->s + i, from[k]))
                break;
        if (k < 5) {
            page->s[w++] = to[k];
            i += strlen(from[k]);
        } else {
            page->s[w++] = page->s[i++];
        }
    }
    page->len = w;
    page->s[w] = '\0';
}

/* Hard-wrap every line at `width` characters, with a blank line between
   the pieces, as text copied out of print columns looks. */
static void hard_wrap(strbuf *page, int width)
{
    strbuf out = {0};
    const char *p = page->s;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        int col = 0;
        for (size_t i = 0; i < n;) {
            size_t k = u8_len(p + i);
            if (col == width) {
                sb_puts(&out, "\n\n");
                col = 0;
            }
            sb_append(&out, p + i, k);
            col++;
            i += k;
        }
        sb_putc(&out, '\n');
        p = e ? e + 1 : p + n;
    }
    sb_free(page);
    *page = out;
}

/* Convert the page to GB18030; false if iconv cannot. */
static bool to_gb18030(strbuf *page)
{
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    if (cd == (iconv_t)-1)
        return false;
    size_t cap = page->len * 2 + 16;
    char *out = xmalloc(cap), *op = out, *ip = page->s;
    size_t il = page->len, ol = cap;
    bool ok = iconv(cd, &ip, &il, &op, &ol) != (size_t)-1;
    iconv_close(cd);
    if (!ok) {
        free(out);
        return false;
    }
    sb_free(page);
    page->s = out;
    page->len = (size_t)(op - out);
    page->cap = cap;
    return true;
}

typedef struct {
    size_t files, gb18030, wrapped, halfwidth;
} gen_stats;

/* Write one page of 10-60 KB into page. */
static void make_page(generator *g, strbuf *page, gen_stats *st)
{
    bool markdown = rng_chance(g->r, 10);
    bool wrapped = rng_chance(g->r, 3);
    bool gb18030 = rng_chance(g->r, 2);
    /* GB18030 takes 2 bytes for a Han character where UTF-8 takes 3. */
    size_t scale = gb18030 ? 3 : 2;
    size_t min = MIN_PAGE * scale / 2, max = MAX_PAGE * scale / 2;
    size_t target = min + (size_t)(rng_unit(g->r) * rng_unit(g->r) *
                                   (double)(max - min));
    put_masthead(g, page, markdown);
    strbuf art = {0};
    while (page->len < target) {
        sb_clear(&art);
        int k = rng_range(g->r, 0, 99);
        if (markdown && k < 50)
            put_comments(g, &art);
        else if (k < 45)
            put_story(g, &art);
        else if (k < 70)
            put_panel(g, &art);
        else if (k < 90)
            put_profiles(g, &art);
        else
            put_comments(g, &art);
        if (page->len >= min && page->len + art.len > max)
            break;
        sb_append(page, art.s, art.len);
        sb_puts(page, "\n\n");
    }
    sb_free(&art);
    if (markdown) {
        halfwidth_punctuation(page);
        st->halfwidth++;
    }
    if (wrapped) {
        hard_wrap(page, rng_range(g->r, 14, 18));
        st->wrapped++;
    }
    if (gb18030 && to_gb18030(page))
        st->gb18030++;
}

/* Write a page to dir/NNNNNN_HASH.txt. */
static int write_page(const char *dir, size_t index, uint64_t id,
                      const strbuf *page)
{
    strbuf path = {0};
    sb_printf(&path, "%s/%06zu_%016llx.txt", dir, index,
              (unsigned long long)id);
    FILE *f = fopen(path.s, "wb");
    int rc = 0;
    if (!f || fwrite(page->s, 1, page->len, f) != page->len) {
        fprintf(stderr, "gen-corpus: cannot write %s: %s\n", path.s,
                strerror(errno));
        rc = -1;
    }
    if (f && fclose(f) != 0 && rc == 0) {
        fprintf(stderr, "gen-corpus: cannot write %s: %s\n", path.s,
                strerror(errno));
        rc = -1;
    }
    sb_free(&path);
    return rc;
}

/* Create dir if needed; refuse one that has entries (never overwrite). */
static int prepare_dir(const char *dir)
{
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "gen-corpus: cannot create %s: %s\n", dir,
                strerror(errno));
        return -1;
    }
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "gen-corpus: cannot open %s: %s\n", dir,
                strerror(errno));
        return -1;
    }
    struct dirent *e;
    int n = 0;
    while ((e = readdir(d)) != NULL)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    if (n > 0) {
        fprintf(stderr, "gen-corpus: %s is not empty\n", dir);
        return -1;
    }
    return 0;
}

static void usage(void)
{
    fputs("usage: gen-corpus [--seed N] [--source DIR]... [--surnames FILE] "
          "SIZE_MB DIR\n"
          "Write about SIZE_MB (10^6 bytes) of synthetic newspaper pages to "
          "DIR\n(which must be empty or absent), recombined from the pages "
          "in the source\ndirectories (default assets/corpus) with speaker "
          "names drawn from the\nsurname lexicon (default "
          "assets/lexicon/surnames.txt).\n", stderr);
}

int main(int argc, char **argv)
{
    uint64_t seed = 1;
    strlist sources = {0};
    const char *surnames_path = "assets/lexicon/surnames.txt";
    const char *size_arg = NULL, *dir = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--source") == 0 && i + 1 < argc)
            strlist_push(&sources, argv[++i]);
        else if (strcmp(argv[i], "--surnames") == 0 && i + 1 < argc)
            surnames_path = argv[++i];
        else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            usage();
            return 2;
        } else if (!size_arg)
            size_arg = argv[i];
        else if (!dir)
            dir = argv[i];
        else {
            usage();
            return 2;
        }
    }
    double size_mb = size_arg ? strtod(size_arg, NULL) : 0;
    if (!dir || size_mb <= 0) {
        usage();
        return 2;
    }
    if (sources.n == 0)
        strlist_push(&sources, "assets/corpus");

    strlist surnames = {0};
    if (!load_surnames(surnames_path, &surnames)) {
        fprintf(stderr, "gen-corpus: %s not found; using a built-in list of "
                "48 surnames\n", surnames_path);
        for (size_t i = 0; i < sizeof fallback_surnames /
                                   sizeof *fallback_surnames; i++)
            strlist_push(&surnames, fallback_surnames[i]);
    }
    strlist texts = {0};
    for (size_t i = 0; i < sources.n; i++)
        if (load_source_dir(&texts, sources.v[i]) != 0)
            return 1;
    material m = {.surnames = &surnames};
    for (size_t i = 0; i < texts.n; i++)
        collect_names(&m, texts.v[i]);
    for (size_t i = 0; i < texts.n; i++)
        collect_material(&m, texts.v[i]);
    strlist_free(&texts);
    if (m.headlines.n < 10 || m.sentences.n < 50) {
        fprintf(stderr, "gen-corpus: too little material in the sources "
                "(%zu headlines, %zu sentences)\n", m.headlines.n,
                m.sentences.n);
        return 1;
    }
    if (prepare_dir(dir) != 0)
        return 1;

    rng r = {seed * 0x2545F4914F6CDD1DULL + 1};
    size_t people = 400 + (size_t)(80 * size_mb);
    population pop = make_population(&r, people, &surnames);
    generator g = {&r, &m, &pop, &surnames};
    gen_stats st = {0};
    double target = size_mb * 1e6, written = 0;
    strbuf page = {0};
    int rc = 0;
    while (written < target) {
        sb_clear(&page);
        make_page(&g, &page, &st);
        if (write_page(dir, st.files, rng_next(&r), &page) != 0) {
            rc = 1;
            break;
        }
        st.files++;
        written += (double)page.len;
    }
    fprintf(stderr, "gen-corpus: %zu files, %.1f MB in %s (seed %llu; "
            "%zu GB18030, %zu hard-wrapped, %zu half-width; %zu people; "
            "material: %zu headlines, %zu paragraphs, %zu sentences, "
            "%zu source names avoided; %zu surnames)\n", st.files,
            written / 1e6, dir, (unsigned long long)seed, st.gb18030,
            st.wrapped, st.halfwidth, people, m.headlines.n, m.paragraphs.n,
            m.sentences.n, m.names.n, surnames.n);
    sb_free(&page);
    free_population(&pop);
    strlist_free(&surnames);
    strlist_free(&m.headlines);
    strlist_free(&m.paragraphs);
    strlist_free(&m.sentences);
    strlist_free(&m.names);
    strlist_free(&sources);
    return rc;
}
