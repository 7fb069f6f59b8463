/* names.c - personal names and title lines.
 *
 * Everything here works on plain UTF-8 strings and the word lists of
 * lexicon.c.  A name is a surname plus one or two Han characters; which
 * length is right is decided by what follows (follower_strength): 赵民革介绍
 * is 赵民革 + 介绍, 龚正在会上 is 龚正 + 在, 殷勇代表 is 殷勇 + 代表.  A title
 * line names one person with a role and titles (全国人大代表，某某公司董事长
 * 张三 / 张三代表：); speaker_heading_parse is the one parser of speaker
 * headings: stage 4 asks it whether a line is one, stage 6 what it says.
 */
#include "names.h"

#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "strbuf.h"
#include "text.h"

enum {
    /* A given name is one or two characters (a surname of one or two
       before it): longer, the name has run into the next word. */
    GIVEN_NAME_MAX_CHARS = 2,
    /* A part of a transliterated name (约瑟夫, 阿依古丽, 利希特曼) is at
       most this long: longer, the run of characters is a sentence. */
    FOREIGN_PART_MAX_CHARS = 5,
    /* A longer part (班禅额尔德尼, 别尔德穆哈梅多夫: titles and names of
       several syllables run together) has at most this many characters,
       and at least LONG_PART_TRANSLIT_SHARE of them are transliteration
       characters: a run of ordinary words is none. */
    FOREIGN_LONG_PART_MAX_CHARS = 8,
    LONG_PART_TRANSLIT_SHARE_NUM = 2,
    LONG_PART_TRANSLIT_SHARE_DEN = 3,
    /* A transliterated name without a dot has two characters or more
       (默茨): one character after a title is a word (总统府). */
    TRANSLIT_NAME_MIN_CHARS = 2,
    /* ... and at most this many (米尔济约耶夫): one part of a dotted name
       may be shorter than the whole name written without a dot. */
    TRANSLIT_NAME_MAX_CHARS = 6,
    /* A heading that prints only a name before its role suffix holds a
       name of this many characters or more as a whole (names without a
       surname, or with a long given name: 巴莫曲布嫫); shorter ones the
       surname rules read. */
    WHOLE_NAME_MIN_CHARS = 4,
    /* A follower word that runs over the last character of a longer
       reading of a name (正在 of 吴某正在) has two characters or more; one
       (和 of 王建和) may as well end a name. */
    SPANNING_FOLLOWER_MIN_CHARS = 2,
    /* A name printed after the last space of a title line stating a role
       (… 扎西：, … 热依拉·买买提：) has at most this many characters
       (dots not counted): longer, it is words. */
    SPACED_NAME_MAX_CHARS = 10,
    /* A bracketed tag before a speaker's label (【同期】, 【现场】) is short:
       at most this many bytes. */
    TAG_MAX_BYTES = 30,
    /* A label of a name and a role suffix, titles in brackets after it,
       holds a name of two to four characters. */
    LABEL_NAME_MIN_CHARS = 2,
    LABEL_NAME_MAX_CHARS = 4,
    /* The place before 代表团 is two to six characters (北京市, 新疆维吾尔
       自治区 is five); one is a word ending (…的代表团), more a sentence. */
    DELEGATION_PLACE_MIN_CHARS = 2,
    DELEGATION_PLACE_MAX_CHARS = 6,
    /* The name of a body one acts for after 代表 (中国人民政治协商会议全国
       委员会, 某某省人民政府) is at most this many characters. */
    BODY_NAME_MAX_CHARS = 20
};

static int follower_strength(const char *s, size_t n);

int name_follower_strength(const char *s, size_t n)
{
    return follower_strength(s, n);
}

/* Is the role word of length k at s followed by what makes it part of
   another word (代表团, 委员长, 代表大会 …)? */
static bool role_word_continues(const char *s, size_t n, size_t k)
{
    size_t w = lex_prefix(LEX_NOT_ROLE_SUFFIX, s + k, n - k);
    /* 某某代表长期关注…: a longer word following names (长期) starts
       there, not 代表长 / 委员长. */
    return w > 0 && lex_prefix(LEX_NAME_FOLLOWER, s + k, n - k) <= w;
}

/* Does s open with the name of a body one acts for (某某代表中国人民政治
   协商会议全国委员会，…; 某某代表某市政府向…献花): a run of at most
   BODY_NAME_MAX_CHARS Han characters ending with a word of body_endings.txt
   (委员会, 政府, 中央 …) that clause punctuation, a preposition or a speech
   event follows?  Then the 代表 before it is the verb "on behalf of", no
   role.  A run opening with a word that follows names (所在, 在), a speech
   verb or another role suffix (委员代表某党中央发言: the role stands
   before it) is none. */
static bool body_acted_for(const char *s, size_t n)
{
    if (lex_prefix(LEX_NAME_FOLLOWER, s, n) ||
        lex_prefix(LEX_SPEECH_VERB, s, n) || lex_prefix(LEX_ROLE_SUFFIX, s, n))
        return false;
    size_t p = 0;
    for (int chars = 0; chars < BODY_NAME_MAX_CHARS && p < n; chars++) {
        uint32_t uc;
        size_t cl = utf8_char(s + p, n - p, &uc);
        if (!cl || !is_han(uc))
            return false;
        p += cl;
        if (!lex_suffix(LEX_BODY_ENDING, s, p))
            continue;
        uint32_t next = 0;
        if (p == n || (utf8_char(s + p, n - p, &next) && is_clause_end(next)) ||
            lex_prefix(LEX_PREPOSITION, s + p, n - p) ||
            lex_prefix(LEX_SPEECH_EVENT, s + p, n - p))
            return true;
    }
    return false;
}

size_t role_suffix_at(const char *s, size_t n)
{
    size_t k = lex_prefix(LEX_ROLE_SUFFIX, s, n);
    return k && !role_word_continues(s, n, k) &&
                   !body_acted_for(s + k, n - k)
               ? k
               : 0;
}

size_t role_at(const char *s, size_t n)
{
    size_t k = lex_prefix(LEX_ROLE, s, n);
    return k && !role_word_continues(s, n, k) ? k : 0;
}

/* Where the first role (role_at) in s[0..n) starts, with its length in
   *len; n (and *len 0) when s states none. */
static size_t first_role(const char *s, size_t n, size_t *len)
{
    for (size_t p = 0; p < n;) {
        *len = role_at(s + p, n - p);
        if (*len)
            return p;
        size_t cl = utf8_chars_len(s + p, n - p, 1);
        p += cl ? cl : 1;
    }
    *len = 0;
    return n;
}

/* Is s a day of the month, one or two digits and 日 (27日)? */
static bool day_of_month_at(const char *s, size_t n)
{
    size_t p = 0, digits = 0;
    uint32_t uc;
    size_t cl;
    while (p < n && (cl = utf8_char(s + p, n - p, &uc)) && is_digit(uc)) {
        p += cl;
        digits++;
    }
    return digits >= 1 && digits <= 2 && starts_with(s + p, n - p, DAY_RI);
}

/* How strongly the text at s marks the end of a name (FOLLOW_*). */
static int follower_strength(const char *s, size_t n)
{
    if (n == 0)
        return FOLLOW_PUNCT;
    uint32_t uc;
    utf8_char(s, n, &uc);
    if (lex_prefix(LEX_SPEECH_VERB, s, n) || role_suffix_at(s, n) ||
        lex_prefix(LEX_SUFFIX_TITLE, s, n))
        return FOLLOW_STRONG;
    if (lex_prefix(LEX_NAME_FOLLOWER, s, n))
        return FOLLOW_WORD;
    if (starts_with(s, n, PARTICLE_DE))
        return FOLLOW_PUNCT;
    /* 某某27日出席…: a day of the month after a name (wire style) */
    if (is_digit(uc) && day_of_month_at(s, n))
        return FOLLOW_PUNCT;
    if (!is_han(uc) && !(uc < 0x80 && (uc >= '0' && uc <= '9')) &&
        !(uc < 0x80 && ((uc | 0x20) >= 'a' && (uc | 0x20) <= 'z')))
        return FOLLOW_PUNCT;
    return FOLLOW_NONE;
}

/* Is the text at s (after a candidate name) a role suffix standing as
   one (郭某和代表说, 郭某和委员就…): a role suffix followed by what follows
   names, not by another word (…也代表公司)? */
static bool role_suffix_stands(const char *s, size_t n)
{
    size_t k = role_suffix_at(s, n);
    return k && follower_strength(s + k, n - k) > FOLLOW_NONE;
}

/* Is the text at s a speech verb that ends its clause (说。 表示，)? */
static bool speech_verb_ends_clause(const char *s, size_t n)
{
    size_t v = lex_prefix(LEX_SPEECH_VERB, s, n);
    if (!v)
        return false;
    uint32_t uc;
    return v == n || (utf8_char(s + v, n - v, &uc) && (is_clause_end(uc) ||
                                                       is_quote_open(uc)));
}

/* Is s[0..len) (surname sl bytes + given name) acceptable as a name?
   avail is how many bytes of text s has, for looking past the name.  A
   character never inside a name (和, 时 …: not_in_name.txt) may still be
   one of a two-character given name printed right before a role suffix
   that stands as one (郭爱和代表, 戴和根委员), or the first of one printed
   right before a speech verb that ends its clause (陈和平说。): there the
   role or the verb, not the character, ends the name (张三也说 stays 张三:
   也 would be the second). */
static bool name_shape_ok(const char *s, size_t len, size_t sl, size_t avail)
{
    /* Words that look like names: 江苏, 文件 (not_names.txt), and verbs
       of saying that begin with a surname (强调, 谈到). */
    if (lex_has(LEX_NOT_NAME, s, len) || lex_has(LEX_SPEECH_VERB, s, len))
        return false;
    /* A word of not_names.txt at the start (江苏籍 …) rules it out too. */
    size_t nn = lex_prefix(LEX_NOT_NAME, s, avail);
    if (nn && nn >= utf8_chars_len(s, len, 2))
        return false;
    /* The given name must not be (the start of) a title: 王主任, 李院士. */
    size_t t = lex_prefix(LEX_TITLE_WORD, s + sl, avail - sl);
    size_t st = lex_prefix(LEX_SUFFIX_TITLE, s + sl, avail - sl);
    if (t >= len - sl || st >= len - sl)
        return false;
    for (size_t p = sl; p < len;) {
        uint32_t uc;
        size_t cl = utf8_char(s + p, len - p, &uc);
        if (!is_han(uc))
            return false;
        if (lex_has(LEX_NOT_IN_NAME, s + p, cl) &&
            !(len - sl > cl && role_suffix_stands(s + len, avail - len)) &&
            !(len - sl > cl && p == sl &&
              speech_verb_ends_clause(s + len, avail - len)))
            return false;
        p += cl;
    }
    return true;
}

/* Is c a dot that joins the parts of a transliterated name (约瑟夫·马奥尼,
   阿依古丽·吐尔逊): the middle dots of Chinese typesetting? */
bool is_name_dot(uint32_t c)
{
    return c == 0x00B7 || c == 0x30FB || c == 0x2022 || c == 0x2027 ||
           c == 0xFF65;
}

/* Is c a hyphen joining the parts of a double transliterated name
   (迪亚斯-卡内尔)? */
static bool is_name_hyphen(uint32_t c)
{
    return c == '-' || c == 0x2010 || c == 0x2011 || c == 0xFF0D;
}

/* Byte length of the run of Han characters at s (at most max_chars of
   them; 0 when the run is longer: then it is not a part of a name). */
static size_t han_run(const char *s, size_t n, size_t max_chars)
{
    size_t p = 0, chars = 0;
    uint32_t uc;
    size_t cl;
    while (p < n && (cl = utf8_char(s + p, n - p, &uc)) && is_han(uc)) {
        if (++chars > max_chars)
            return 0;
        p += cl;
    }
    return p;
}

/* May the run s[0..len) of chars Han characters be a part of a dotted
   name: FOREIGN_PART_MAX_CHARS characters at most, or up to
   FOREIGN_LONG_PART_MAX_CHARS when at least LONG_PART_TRANSLIT_SHARE of
   them are transliteration characters (班禅额尔德尼, 别尔德穆哈梅多夫), the
   last among them, it opens with no foreign place and holds no title (巴西
   总统卢拉 is a place, a title and a name; 外孙 is a kin word) nor a word
   that follows names? */
static bool name_part_ok(const char *s, size_t len, size_t chars)
{
    if (chars <= FOREIGN_PART_MAX_CHARS)
        return true;
    if (chars > FOREIGN_LONG_PART_MAX_CHARS ||
        lex_prefix(LEX_FOREIGN_PLACE, s, len))
        return false;
    /* it ends with a transliteration character */
    size_t ll = utf8_prev_len(s, len);
    if (!lex_has(LEX_TRANSLIT_CHAR, s + len - ll, ll))
        return false;
    size_t translit = 0, cl;
    uint32_t uc;
    for (size_t p = 0; p < len && (cl = utf8_char(s + p, len - p, &uc));
         p += cl) {
        /* no title, nor a word that follows names (亚达夫曾任斯里: 曾
           ends a name before it) */
        if (lex_prefix(LEX_TITLE_WORD, s + p, len - p) ||
            (p > 0 && (lex_prefix(LEX_NAME_FOLLOWER, s + p, len - p) ||
                       lex_prefix(LEX_SPEECH_VERB, s + p, len - p))))
            return false;
        translit += lex_has(LEX_TRANSLIT_CHAR, s + p, cl);
    }
    return translit * LONG_PART_TRANSLIT_SHARE_DEN >=
           chars * LONG_PART_TRANSLIT_SHARE_NUM;
}

size_t translit_run_before_han(const char *s, size_t n, size_t max_chars,
                               size_t *chars)
{
    size_t e = 0, cl;
    uint32_t uc;
    *chars = 0;
    while (e < n && (cl = utf8_char(s + e, n - e, &uc)) && is_han(uc) &&
           lex_has(LEX_TRANSLIT_CHAR, s + e, cl)) {
        if (++*chars > max_chars)
            return 0;
        e += cl;
    }
    if (!e || e >= n || !utf8_char(s + e, n - e, &uc) || !is_han(uc))
        return 0;
    return e;
}

/* The end of a dotted name whose last part, starting at byte p, runs into
   a word that no list knows as following names (哈某·阿某到江西参访,
   某某·某某参观了…): the dot has already said a name is there, so its
   last part is the run of transliteration characters (translit_chars.txt)
   that begins there, when that run has two characters at least and the
   character after it is a Han character that is no transliteration
   character (到).  The weakest follower strength is given: what follows
   says nothing about speech.  0 when there is no such run. */
static size_t dotted_name_end(const char *s, size_t n, size_t p,
                              int *strength)
{
    size_t chars;
    size_t run = translit_run_before_han(s + p, n - p, FOREIGN_PART_MAX_CHARS,
                                         &chars);
    if (!run || chars < TRANSLIT_NAME_MIN_CHARS)
        return 0;
    *strength = FOLLOW_PUNCT;
    return p + run;
}
/* Is the character at s one of a transliterated name however it also
   reads (里 of 拉里贾尼 and 萨贝里, never inside a Chinese given name): a
   transliteration character followed by another one, or by what marks
   a name's end (萨贝里说)? */
static bool translit_char_goes_on(const char *s, size_t n)
{
    uint32_t uc;
    size_t cl = utf8_char(s, n, &uc);
    if (!cl || !lex_has(LEX_TRANSLIT_CHAR, s, cl))
        return false;
    if (follower_strength(s + cl, n - cl) > FOLLOW_NONE)
        return true;
    size_t nl = utf8_char(s + cl, n - cl, &uc);
    return nl && is_han(uc) && lex_has(LEX_TRANSLIT_CHAR, s + cl, nl);
}

/* Does a word end the last part of a transliterated name at s: a speech
   verb, a role, a title, a follower word, a preposition, or a character
   never inside a name (unless it transliterates and the name goes on:
   拉里贾尼)? */
static bool ends_foreign_name(const char *s, size_t n)
{
    return lex_prefix(LEX_SPEECH_VERB, s, n) || role_suffix_at(s, n) ||
           lex_prefix(LEX_SUFFIX_TITLE, s, n) ||
           lex_prefix(LEX_NAME_FOLLOWER, s, n) ||
           lex_prefix(LEX_PREPOSITION, s, n) ||
           (lex_prefix(LEX_NOT_IN_NAME, s, n) &&
            !translit_char_goes_on(s, n));
}

/* Do s[0..len) hold two characters or more, none of translit_chars.txt? */
static bool no_translit_chars(const char *s, size_t len)
{
    size_t chars = 0;
    for (size_t p = 0; p < len; chars++) {
        size_t cl = utf8_chars_len(s + p, len - p, 1);
        if (!cl || lex_has(LEX_TRANSLIT_CHAR, s + p, cl))
            return false;
        p += cl;
    }
    return chars >= 2;
}

size_t foreign_name_at(const char *s, size_t n, int *strength)
{
    *strength = FOLLOW_NONE;
    size_t p = 0, parts = 0;
    uint32_t uc;
    /* A name does not begin with a character never inside one (…议员的
       格雷格·丘萨克). */
    size_t fl = utf8_chars_len(s, n, 1);
    if (lex_has(LEX_NOT_IN_NAME, s, fl))
        return 0;
    /* The parts before the last: Han runs, each followed by a dot. */
    for (;;) {
        size_t run = han_run(s + p, n - p, FOREIGN_LONG_PART_MAX_CHARS);
        if (!run || p + run >= n ||
            !name_part_ok(s + p, run, utf8_count(s + p, run)))
            break;
        size_t dl = utf8_char(s + p + run, n - p - run, &uc);
        if (!is_name_dot(uc))
            break;
        p += run + dl;
        parts++;
    }
    if (!parts)
        return 0;
    /* The last part ends where a word that follows names begins. */
    size_t e = p, chars = 0;
    size_t cl;
    while (e < n && (cl = utf8_char(s + e, n - e, &uc)) && is_han(uc)) {
        if (chars > 0 && ends_foreign_name(s + e, n - e))
            break;
        if (++chars > FOREIGN_LONG_PART_MAX_CHARS)
            return dotted_name_end(s, n, p, strength);
        e += cl;
    }
    if (!chars)
        return 0;
    /* a last part longer than usual (贝尔蒙特点赞) is read short where its
       transliteration characters end, and long only when they run on */
    if (chars > FOREIGN_PART_MAX_CHARS) {
        size_t shorter = dotted_name_end(s, n, p, strength);
        if (shorter)
            return shorter;
    }
    if (!name_part_ok(s + p, e - p, chars))
        return dotted_name_end(s, n, p, strength);
    /* two characters or more of no transliteration after its run
       (某某·尼亚孜整日忙着…) are a word after the name */
    int tail_strength;
    size_t run_end = dotted_name_end(s, n, p, &tail_strength);
    if (run_end && run_end < e && no_translit_chars(s + run_end, e - run_end)) {
        *strength = tail_strength;
        return run_end;
    }
    int f = follower_strength(s + e, n - e);
    if (f == FOLLOW_NONE)
        return dotted_name_end(s, n, p, strength);
    *strength = f;
    return e;
}

/* A transliterated name written without a middle dot (特朗普, 默茨,
   古特雷斯), read where a foreign title puts one: two to
   TRANSLIT_NAME_MAX_CHARS characters, each of translit_chars.txt, ending
   where a word that follows names begins (ends_foreign_name) and followed
   by something that marks a name's end.  A run that goes on into other
   Han characters (总统某某加强…) is not taken: its end is unsure. */
size_t translit_name_at(const char *s, size_t n, int *strength)
{
    *strength = FOLLOW_NONE;
    size_t e = 0, chars = 0, cl;
    uint32_t uc;
    while (e < n && (cl = utf8_char(s + e, n - e, &uc)) && is_han(uc)) {
        if (chars > 0 && ends_foreign_name(s + e, n - e))
            break;
        if (!lex_has(LEX_TRANSLIT_CHAR, s + e, cl) ||
            ++chars > TRANSLIT_NAME_MAX_CHARS)
            return 0;
        e += cl;
    }
    if (chars < TRANSLIT_NAME_MIN_CHARS || lex_has(LEX_NOT_NAME, s, e) ||
        lex_has(LEX_FOREIGN_PLACE, s, e))
        return 0;
    /* 沙迪·叶海亚: a first part; the dotted name is read whole elsewhere. */
    if (e < n && utf8_char(s + e, n - e, &uc) && is_name_dot(uc))
        return 0;
    /* 迪亚斯-卡内尔: a hyphen joins the parts of a double name; the name
       ends where its second part does, and a run that goes on past a
       hyphen into something no part (某某-某地会谈) is no name: its end
       is unsure. */
    size_t hl = e < n ? utf8_char(s + e, n - e, &uc) : 0;
    if (hl && is_name_hyphen(uc) && e + hl < n) {
        uint32_t next;
        if (utf8_char(s + e + hl, n - e - hl, &next) && is_han(next)) {
            size_t second = translit_name_at(s + e + hl, n - e - hl, strength);
            return second ? e + hl + second : 0;
        }
    }
    int f = follower_strength(s + e, n - e);
    if (f == FOLLOW_NONE)
        return 0;
    *strength = f;
    return e;
}

static size_t surname_at(const char *s, size_t n, bool expected);

/* Does d[0..n) describe a person: does it state a role (全国人大代表、某市
   市长) or end with a title word (某大学教授)? */
static bool describes_person(const char *d, size_t n)
{
    size_t len;
    return lex_suffix(LEX_TITLE_WORD, d, n) || lex_suffix(LEX_ROLE, d, n) ||
           first_role(d, n, &len) < n;
}

/* Is s[0..len) the label of a journalist's question at a press
   conference, the outlet then a word that labels questions (某某电视台
   记者, turn_labels.txt)?  Such a label may be longer than a name. */
static bool asker_label(const char *s, size_t len)
{
    size_t w = lex_suffix(LEX_TURN_LABEL, s, len);
    const char *v = w ? lex_value(LEX_TURN_LABEL, s + len - w, w) : NULL;
    return v && strcmp(v, "question") == 0;
}

/* Byte length of the bracketed note at s that describes a turn's
   speaker ((…) or （…）, at most TURN_NOTE_MAX_CHARS characters inside, no
   sentence punctuation or quotation marks, describes_person), or 0. */
static size_t turn_note_len(const char *s, size_t n)
{
    uint32_t open, uc;
    size_t ol = utf8_char(s, n, &open), p = ol, chars = 0, cl;
    uint32_t close = open == '(' ? ')' : U'）';
    while (p < n && (cl = utf8_char(s + p, n - p, &uc))) {
        p += cl;
        if (uc == close)
            return chars && describes_person(s + ol, p - cl - ol) ? p : 0;
        if (++chars > TURN_NOTE_MAX_CHARS || is_sentence_end(uc) ||
            is_quote_open(uc) || is_quote_close(uc) || uc == '\n')
            return 0;
    }
    return 0;
}

size_t turn_label_at(const char *s, size_t n, size_t *words)
{
    size_t p = 0, chars = 0, end = 0;
    bool noted = false; /* the name was followed by a bracketed note */
    uint32_t uc;
    size_t cl;
    while (p < n && (cl = utf8_char(s + p, n - p, &uc))) {
        if (is_colon(uc))
            break;
        if (is_han(uc) || is_name_dot(uc)) {
            if (noted || ++chars > ASKER_LABEL_MAX_CHARS)
                return 0;
            end = p + cl;
        } else if (chars && end == p && !noted && (uc == U'（' || uc == '(')) {
            /* 李某（某市市长）：, the speaker described in brackets */
            size_t note = turn_note_len(s + p, n - p);
            if (!note)
                return 0;
            noted = true;
            cl = note;
        } else if (!is_space(uc) || !chars || noted) {
            return 0;
        }
        p += cl;
    }
    if (!chars || p >= n)
        return 0; /* no colon */
    if (!noted && end != p)
        return 0; /* spaces before the colon */
    if (chars > TURN_LABEL_MAX_CHARS && !asker_label(s, end))
        return 0;
    if (noted) { /* only a person is described so */
        char *name = turn_label_name(s, end);
        free(name);
        if (!name)
            return 0;
    }
    cl = utf8_char(s + p, n - p, &uc);
    /* 张三说：“…” is a speech clause introducing a quotation, not a turn. */
    if (lex_suffix(LEX_SPEECH_VERB, s, end))
        return 0;
    size_t w = p + cl;
    while (w < n && (cl = utf8_char(s + w, n - w, &uc)) && is_space(uc))
        w += cl;
    if (w >= n)
        return 0; /* a heading line (张三：), not a turn */
    *words = w;
    return end;
}

char *turn_label_name(const char *s, size_t len)
{
    strbuf sb = {0};
    for (size_t p = 0; p < len;) {
        uint32_t uc;
        size_t cl = utf8_char(s + p, len - p, &uc);
        if (!cl)
            break;
        if (!is_space(uc))
            sb_append(&sb, s + p, cl);
        p += cl;
    }
    char *name = sb_take(&sb);
    size_t n = name ? strlen(name) : 0;
    int strength;
    bool ok = n && !lex_has(LEX_TURN_LABEL, name, n) &&
              !lex_has(LEX_NOT_NAME, name, n) &&
              !lex_has(LEX_UNNAMED_SPEAKER, name, n) &&
              !lex_has(LEX_STAFF_WORD, name, n) &&
              !lex_suffix(LEX_TITLE_WORD, name, n);
    if (ok && foreign_name_at(name, n, &strength) != n) {
        size_t sl = surname_at(name, n, true);
        size_t chars = utf8_count(name, n);
        ok = sl && chars >= 2 && chars <= utf8_count(name, sl) + GIVEN_NAME_MAX_CHARS;
    }
    if (!ok) {
        free(name);
        return NULL;
    }
    return name;
}

bool could_be_han_name(const char *s, size_t len)
{
    size_t sl = lex_prefix(LEX_SURNAME, s, len);
    return sl && utf8_count(s + sl, len - sl) <= GIVEN_NAME_MAX_CHARS;
}

size_t pronoun_subject_len(const char *s, size_t n)
{
    size_t k = starts_with(s, n, PRONOUN_HE)    ? strlen(PRONOUN_HE)
             : starts_with(s, n, PRONOUN_SHE) ? strlen(PRONOUN_SHE)
                                              : 0;
    if (!k || starts_with(s + k, n - k, PLURAL_MEN) ||
        starts_with(s + k, n - k, PARTICLE_DE))
        return 0;
    return k;
}

bool holds_char_never_in_name(const char *s, size_t len)
{
    for (size_t p = 0; p < len;) {
        size_t cl = utf8_chars_len(s + p, len - p, 1);
        if (!cl || lex_has(LEX_NOT_IN_NAME, s + p, cl))
            return true;
        p += cl;
    }
    return false;
}

size_t foreign_name_first_part(const char *name)
{
    size_t n = strlen(name);
    for (size_t p = 0; p < n;) {
        uint32_t uc;
        size_t cl = utf8_char(name + p, n - p, &uc);
        if (!cl)
            break;
        if (is_name_dot(uc))
            return p;
        p += cl;
    }
    return 0;
}

size_t foreign_name_last_part(const char *name)
{
    size_t n = strlen(name), last = 0;
    bool latin = true; /* only Latin letters and spaces so far */
    for (size_t p = 0; p < n;) {
        uint32_t uc;
        size_t cl = utf8_char(name + p, n - p, &uc);
        if (!cl)
            break;
        p += cl;
        if (!is_latin(uc) && uc != ' ')
            latin = false;
        if (is_name_dot(uc) || (latin && uc == ' '))
            last = p;
    }
    return last < n ? last : 0;
}

/* Best name starting at s: tries surname + 1 or 2 given characters and
   keeps the one followed most strongly (longer on ties). */
/* Length of the surname s starts with: one of surnames.txt, or, where a
   name is expected on other grounds, one that mostly begins words
   (word_surnames.txt). */
static size_t surname_at(const char *s, size_t n, bool expected)
{
    size_t sl = lex_prefix(LEX_SURNAME, s, n);
    if (!sl && expected)
        sl = lex_prefix(LEX_WORD_SURNAME, s, n);
    return sl;
}

/* The reading of a name shorter than best whose follower is a word of
   two characters or more running over best's last character (吴某 +
   正在 of 吴某正在…, not 吴某正 + 在), or best.  A follower word explains
   those characters better than a longer name does.  Updates *strength. */
static size_t shorter_before_follower(const char *s, size_t n,
                                      const size_t surnames[2], size_t best,
                                      int *strength)
{
    for (int si = 0; si < 2 && surnames[si]; si++) {
        size_t len = surnames[si] + utf8_chars_len(s + surnames[si],
                                                   n - surnames[si], 1);
        if (len >= best || !name_shape_ok(s, len, surnames[si], n))
            continue;
        size_t w = lex_prefix(LEX_NAME_FOLLOWER, s + len, n - len);
        if (w && len + w > best &&
            utf8_count(s + len, w) >= SPANNING_FOLLOWER_MIN_CHARS) {
            *strength = follower_strength(s + len, n - len);
            return len;
        }
    }
    return best;
}

/* The reading one character shorter than best when best ends in an
   adverb of name_end_adverbs.txt and only a follower word, not a speech
   verb, role or title, ends it (王某正俯身…: 王某 + 正 + 俯身; 陈某正说
   stays 陈某正); else best.  The shorter reading keeps *strength. */
static size_t shorter_before_adverb(const char *s, size_t n,
                                    size_t surname_len, size_t best,
                                    int strength)
{
    if (strength != FOLLOW_WORD || best <= surname_len)
        return best;
    size_t last = utf8_prev_len(s, best);
    size_t shorter = best - last;
    if (shorter <= surname_len || !lex_has(LEX_NAME_END_ADVERB, s + shorter,
                                           last) ||
        !name_shape_ok(s, shorter, surname_len, n))
        return best;
    return shorter;
}

/* Best name starting at s (see name_best_at); expected: word surnames
   count too. */
static size_t best_name(const char *s, size_t n, bool expected,
                        int *strength)
{
    size_t foreign = foreign_name_at(s, n, strength);
    if (foreign)
        return foreign;
    size_t sl = surname_at(s, n, expected);
    if (!sl)
        return 0;
    size_t surnames[2] = {sl, 0};
    size_t one = utf8_chars_len(s, n, 1);
    if (sl > one && lex_has(LEX_SURNAME, s, one))
        surnames[1] = one;
    size_t best = 0, best_sl = sl;
    for (int si = 0; si < 2 && surnames[si]; si++) {
        size_t cur_sl = surnames[si];
        for (size_t g = 1; g <= GIVEN_NAME_MAX_CHARS; g++) {
            size_t glen = utf8_chars_len(s + cur_sl, n - cur_sl, g);
            if (utf8_count(s + cur_sl, glen) != g)
                break;
            size_t len = cur_sl + glen;
            if (!name_shape_ok(s, len, cur_sl, n))
                continue;
            int f = follower_strength(s + len, n - len);
            if (f > *strength || (f == *strength && f > 0 && len > best)) {
                *strength = f;
                best = len;
                best_sl = cur_sl;
            }
        }
    }
    best = shorter_before_adverb(s, n, best_sl, best, *strength);
    if (*strength == FOLLOW_NONE)
        return 0;
    return shorter_before_follower(s, n, surnames, best, strength);
}

size_t name_best_at(const char *s, size_t n, int *strength)
{
    return best_name(s, n, false, strength);
}

size_t name_expected_at(const char *s, size_t n, int *strength)
{
    return best_name(s, n, true, strength);
}

/* Is p (inside text) a place where a name may begin: after punctuation,
   a space or the start, or right after a title (村民某某)?  Inside a run
   of Han characters (曼某某) the characters belong to another word. */
static bool name_may_begin(const char *text, const char *p)
{
    size_t at = (size_t)(p - text), pl = utf8_prev_len(text, at);
    uint32_t before = 0;
    if (pl)
        utf8_char(p - pl, pl, &before);
    return !is_han(before) || lex_suffix(LEX_TITLE_WORD, text, at) > 0;
}

/* Does s[0..len) occur in text at least twice where a name may begin,
   with different characters after it (the end counting as a character of
   0)?  A run of characters that recurs so ends there, as a name does,
   unless what follows shows it is the first part of a word: a place
   ending (某某市) after it anywhere, or one character that is no follower
   of names after it in most of its occurrences (某某工坊 … 某某工坊 …
   某某命名: a name is followed by many different words). */
static bool recurs_with_other_continuations(const char *text, const char *s,
                                            size_t len)
{
    size_t tn = strlen(text), times = 0, word_after = 0;
    uint32_t first_after = 0, common = 0;
    bool differ = false;
    for (const char *p = text; (p = memmem(p, tn - (size_t)(p - text), s,
                                           len)) != NULL;
         p += len) {
        if (!name_may_begin(text, p))
            continue;
        const char *e = p + len;
        size_t left = tn - (size_t)(e - text);
        uint32_t uc = 0;
        size_t cl = left ? utf8_char(e, left, &uc) : 0;
        if (cl && lex_prefix(LEX_PLACE_ENDING, e, left))
            return false;
        if (times++ == 0)
            first_after = uc;
        else if (uc != first_after)
            differ = true;
        /* the character most often after it, when it opens no word that
           follows names (说, 表示, 在, 的 …) */
        if (cl && is_han(uc) && follower_strength(e, left) == FOLLOW_NONE) {
            if (word_after == 0 || uc == common) {
                common = uc;
                word_after++;
            } else {
                word_after--;
            }
        }
    }
    if (!differ)
        return false;
    size_t same = 0;
    for (const char *p = text; common && (p = memmem(p, tn - (size_t)(p - text),
                                                     s, len)) != NULL;
         p += len) {
        uint32_t uc = 0;
        size_t left = tn - (size_t)(p + len - text);
        if (name_may_begin(text, p) && left && utf8_char(p + len, left, &uc) &&
            uc == common)
            same++;
    }
    return same * 2 <= times;
}

size_t name_recurring_at(const char *s, size_t n, const char *text)
{
    size_t sl = surname_at(s, n, false);
    if (!sl)
        return 0;
    for (size_t g = GIVEN_NAME_MAX_CHARS; g >= 1; g--) {
        size_t glen = utf8_chars_len(s + sl, n - sl, g);
        if (utf8_count(s + sl, glen) != g)
            continue;
        size_t len = sl + glen;
        size_t last = utf8_prev_len(s, len);
        if (name_shape_ok(s, len, sl, n) &&
            !lex_prefix(LEX_NAME_FOLLOWER, s + sl, len - sl) &&
            !lex_has(LEX_PLACE_ENDING, s + len - last, last) &&
            !lex_has(LEX_FOREIGN_PLACE, s, len) &&
            recurs_with_other_continuations(text, s, len))
            return len;
    }
    return 0;
}

size_t name_at(const char *s, size_t n, int min_strength)
{
    int strength;
    size_t len = name_best_at(s, n, &strength);
    return strength >= min_strength ? len : 0;
}

/* Copy s[0..n) with leading and trailing spaces and list punctuation
   (、，, and U+3000) removed; NULL when nothing is left. */
/* Is c what surrounds titles without being part of them: a space, list
   punctuation, or the dash of a "——title name" heading? */
static bool titles_trim(uint32_t c)
{
    return is_space(c) || is_list_comma(c) || is_comma(c) || is_colon(c) ||
           is_semicolon(c) || is_dash(c);
}

char *titles_copy(const char *s, size_t n)
{
    uint32_t c;
    size_t l;
    while (n && (l = utf8_char(s, n, &c)) && titles_trim(c)) {
        s += l;
        n -= l;
    }
    while (n && (l = utf8_prev_len(s, n)) && utf8_char(s + n - l, l, &c) &&
           titles_trim(c))
        n -= l;
    return n ? xstrndup(s, n) : NULL;
}

role_class role_class_of(const char *role)
{
    const char *v = role ? lex_value(LEX_ROLE, role, strlen(role)) : NULL;
    for (int c = ROLE_NPC; v && c < ROLE_CLASS_COUNT; c++)
        if (strcmp(v, role_class_key((role_class)c)) == 0)
            return (role_class)c;
    return ROLE_ANY;
}

char *role_in_session(const char *role, size_t len, session_kind sk)
{
    size_t sfx = lex_suffix(LEX_ROLE_SUFFIX, role, len);
    if (sk == SESSION_NATIONAL && sfx) {
        char *local = suffix_role(role + len - sfx, sfx, SESSION_LOCAL);
        bool bare = local && strlen(local) == len &&
                    memcmp(local, role, len) == 0;
        free(local);
        if (bare)
            return suffix_role(role + len - sfx, sfx, sk);
    }
    return xstrndup(role, len);
}

char *suffix_role(const char *suffix, size_t len, session_kind sk)
{
    int field = sk == SESSION_NATIONAL ? 0 : sk == SESSION_LOCAL ? 1 : -1;
    const char *v = field >= 0 ? lex_value(LEX_ROLE_SUFFIX, suffix, len) : NULL;
    for (; v && field > 0; field--) {
        v += strcspn(v, " \t");
        v += strspn(v, " \t");
    }
    size_t k = v ? strcspn(v, " \t") : 0;
    return k ? xstrndup(v, k) : NULL;
}

/* Delegation named in s[0..n) (…北京市代表团 …), heap string or NULL: the
   place is the run of Han characters before 代表团, stopping at words
   like 会议 or 届. */
char *delegation_in(const char *s, size_t n)
{
    const char *p = s;
    size_t left = n;
    while (left) {
        const char *hit = memmem(p, left, DELEGATION, strlen(DELEGATION));
        if (!hit)
            return NULL;
        size_t end = (size_t)(hit - s), start = end, chars = 0;
        while (start > 0 && chars < DELEGATION_PLACE_MAX_CHARS) {
            size_t pl = utf8_prev_len(s, start);
            uint32_t uc;
            utf8_char(s + start - pl, pl, &uc);
            if (!is_han(uc))
                break;
            if (lex_has(LEX_DELEGATION_STOP, s + start - pl, pl))
                break;
            start -= pl;
            chars++;
        }
        if (chars >= DELEGATION_PLACE_MIN_CHARS) {
            strbuf sb = {0};
            sb_append(&sb, s + start, end - start);
            sb_puts(&sb, DELEGATION);
            return sb_take(&sb);
        }
        size_t adv = (size_t)(hit - p) + strlen(DELEGATION);
        p += adv;
        left -= adv;
    }
    return NULL;
}

/* Strip heading decoration: leading spaces and markers (>> # ■ □ ▶ 》 …),
   trailing colons, dashes, spaces and middle dots.  Sets *colon when a
   colon or dash was removed. */
static void strip_heading(const char **s, size_t *n, bool *colon)
{
    *colon = false;
    while (*n) {
        uint32_t uc;
        size_t l = utf8_char(*s, *n, &uc);
        if (!is_space(uc) && marker_of(uc) == MARKER_NONE && uc != '>' &&
            uc != '#' && uc != U'》')
            break;
        *s += l;
        *n -= l;
    }
    while (*n) {
        uint32_t uc;
        size_t l = utf8_prev_len(*s, *n);
        utf8_char(*s + *n - l, l, &uc);
        if (is_colon(uc) || is_dash(uc) || uc == '-')
            *colon = true;
        else if (!is_space(uc) && uc != U'·')
            break;
        *n -= l;
    }
}

/* Is the byte at i of s right after a clause boundary (start, punctuation,
   a quotation mark, a space) or after 的? */
bool at_clause_start(const char *s, size_t i)
{
    if (i == 0)
        return true;
    size_t pl = utf8_prev_len(s, i);
    uint32_t uc;
    utf8_char(s + i - pl, pl, &uc);
    if (!is_han(uc))
        return true;
    return ends_with(s, i, PARTICLE_DE);
}

/* Is a name that starts at byte k of s[0..n) well separated from what is
   before it: the start, a space or punctuation, 的, or a title word? */
bool name_boundary_before(const char *s, size_t k)
{
    return at_clause_start(s, k) || lex_suffix(LEX_TITLE_WORD, s, k) > 0;
}

/* Find the name at the very end of s[0..n) (a title line): 2-4 Han
   characters after a space, a separator or a title word.  Returns the
   byte offset where the name starts, or n when there is none. */
static size_t name_at_end(const char *s, size_t n)
{
    size_t best = n;
    bool best_anchored = false;
    /* Try 3, 2 and 4 characters: 3 first because most names have three. */
    static const size_t tries[] = {3, 2, 4};
    for (size_t t = 0; t < 3; t++) {
        size_t start = n, chars = 0;
        while (start > 0 && chars < tries[t]) {
            start -= utf8_prev_len(s, start);
            chars++;
        }
        if (chars != tries[t])
            continue;
        /* After a title word a name is expected: any surname will do. */
        bool titled = lex_suffix(LEX_TITLE_WORD, s, start) > 0;
        size_t sl = surname_at(s + start, n - start, titled);
        if (!sl)
            continue;
        size_t glen = n - start - sl;
        size_t gchars = utf8_count(s + start + sl, glen);
        if (gchars < 1 || gchars > GIVEN_NAME_MAX_CHARS)
            continue;
        if (!name_shape_ok(s + start, n - start, sl, n - start))
            continue;
        if (!name_boundary_before(s, start))
            continue;
        bool anchored = start == 0 || lex_suffix(LEX_TITLE_WORD, s, start) > 0;
        if (best == n || (anchored && !best_anchored)) {
            best = start;
            best_anchored = anchored;
        }
    }
    return best;
}

/* Is s[0..n), all that a heading prints before its role suffix, a name
   as a whole: four or five Han characters (巴莫曲布嫫代表——), none of them
   never inside a name, no title word ending inside them, not a word of
   not_names.txt?  The surname rules read names of two and three. */
static bool whole_line_name(const char *s, size_t n)
{
    size_t chars = 0;
    for (size_t p = 0; p < n;) {
        uint32_t uc;
        size_t cl = utf8_char(s + p, n - p, &uc);
        if (!cl || !is_han(uc) || lex_has(LEX_NOT_IN_NAME, s + p, cl))
            return false;
        p += cl;
        chars++;
        if (lex_suffix(LEX_TITLE_WORD, s, p))
            return false;
    }
    return chars >= WHOLE_NAME_MIN_CHARS && chars <= FOREIGN_PART_MAX_CHARS &&
           !lex_has(LEX_NOT_NAME, s, n);
}

/* Is s[0..n), what a title line stating a role prints after its last
   space (全国人大代表、某村党支部书记 扎西：), a name though the surname
   rules cannot read it: two to SPACED_NAME_MAX_CHARS Han characters or
   dotted parts (热依拉·买买提), none never inside a name, no title word
   ending inside, not a word of not_names.txt nor a turn label?  There a
   name is expected whatever its shape. */
static bool name_expected_after_space(const char *s, size_t n)
{
    size_t chars = 0;
    for (size_t p = 0; p < n;) {
        uint32_t uc;
        size_t cl = utf8_char(s + p, n - p, &uc);
        if (!cl || !(is_han(uc) || is_name_dot(uc)) ||
            lex_has(LEX_NOT_IN_NAME, s + p, cl))
            return false;
        p += cl;
        chars += is_han(uc);
        if (lex_suffix(LEX_TITLE_WORD, s, p) || chars > SPACED_NAME_MAX_CHARS)
            return false;
    }
    return chars >= 2 && !lex_has(LEX_NOT_NAME, s, n) &&
           !lex_has(LEX_TURN_LABEL, s, n);
}

bool speaker_parse_title_in(const char *text, session_kind sk, person *out)
{
    memset(out, 0, sizeof *out);
    const char *s = text;
    size_t n = strlen(text);
    bool colon;
    strip_heading(&s, &n, &colon);
    if (n == 0)
        return false;

    /* Suffix form: …朱立华代表 / 张懿宸委员. */
    size_t sfx = lex_suffix(LEX_ROLE_SUFFIX, s, n);
    if (sfx && !lex_suffix(LEX_ROLE, s, n)) {
        size_t body = n - sfx;
        size_t start = whole_line_name(s, body) ? 0 : name_at_end(s, body);
        if (start == body)
            return false;
        out->name = xstrndup(s + start, body - start);
        out->role = suffix_role(s + body, sfx, sk);
        out->titles = titles_copy(s, start);
        out->delegation = delegation_in(s, n);
        out->is_delegate = out->role != NULL;
        return true;
    }

    /* Prefix form: [role][，、 ]titles[ ]name. */
    size_t role_len;
    size_t role_pos = first_role(s, n, &role_len);
    size_t rest = role_pos < n ? role_pos + role_len : 0;
    size_t start = name_at_end(s + rest, n - rest);
    /* A space before the name separates it from the titles. */
    const char *sp = NULL;
    for (size_t p = rest; p < n; p++)
        if (s[p] == ' ' || starts_with(s + p, n - p, "\xE3\x80\x80"))
            sp = s + p;
    if (sp) {
        size_t after = (size_t)(sp - s) + (*sp == ' ' ? 1 : 3);
        size_t st = name_at_end(s + after, n - after);
        if (st == 0 || (role_pos < n &&
                        name_expected_after_space(s + after, n - after)))
            start = after - rest;
    }
    if (start == n - rest)
        return false;
    start += rest;
    if (role_pos == n && start > 0 && !lex_suffix(LEX_TITLE_WORD, s, start) &&
        !sp)
        return false;
    out->name = xstrndup(s + start, n - start);
    if (role_pos < n) {
        /* Keep the role as printed from its level word (市人大代表). */
        out->role = role_in_session(s + role_pos, role_len, sk);
        out->titles = titles_copy(s + rest, start - rest);
    } else {
        out->titles = titles_copy(s, start);
    }
    out->delegation = delegation_in(s, n);
    out->is_delegate = out->role != NULL;
    return true;
}

bool person_from_description(const char *label, size_t len,
                             const char *description, session_kind sk,
                             person *out)
{
    memset(out, 0, sizeof *out);
    char *name = turn_label_name(label, len);
    if (!name)
        return false;
    bool describes = describes_person(description, strlen(description));
    strbuf line = {0};
    sb_printf(&line, "%s %s", description, name);
    char *text = sb_take(&line);
    bool ok = describes && speaker_parse_title_in(text, sk, out) &&
              out->name && strcmp(out->name, name) == 0;
    if (ok && !out->role && !out->titles)
        ok = false;
    free(text);
    free(name);
    if (!ok)
        person_clear(out);
    return ok;
}

/* Does out, read from a title line, hold titles that end with a title
   word (某部部长, 某委主任) and a name? */
static bool titled_name(const person *out)
{
    return out->name && out->titles &&
           lex_suffix(LEX_TITLE_WORD, out->titles, strlen(out->titles));
}

/* A label that is only a name and a role suffix, its titles in brackets
   after it (单某委员（某院院士）：, 义某委员（某法院副院长）：): there the
   name is expected, so two to four Han characters are read whole,
   whatever their surname, unless they are a word of not_names.txt or an
   unnamed speaker (全体委员（共33人）：).  Fills out's name and role. */
static bool label_name_before_suffix(const char *label, size_t end,
                                     session_kind sk, person *out)
{
    size_t sfx = lex_suffix(LEX_ROLE_SUFFIX, label, end), len = end - sfx;
    size_t chars = 0;
    for (size_t p = 0; p < len;) {
        uint32_t uc;
        size_t cl = utf8_char(label + p, len - p, &uc);
        if (!cl || !is_han(uc))
            return false;
        chars++;
        p += cl;
    }
    if (chars < LABEL_NAME_MIN_CHARS || chars > LABEL_NAME_MAX_CHARS ||
        lex_has(LEX_NOT_NAME, label, len) ||
        lex_has(LEX_UNNAMED_SPEAKER, label, len) ||
        holds_char_never_in_name(label, len))
        return false;
    out->name = xstrndup(label, len);
    out->role = suffix_role(label + len, sfx, sk);
    return true;
}

/* Parse s[0..n) as a speaker's label stating the role: a title line
   with the suffix 代表/委员/常委 after the name, or a role before titles and
   the name, optionally followed by bracketed titles (黎某委员（某区委
   书记）); with office, also titles ending with a title word and the name
   (某部部长某某).  Fills out; false when it is no such label. */
static bool role_label_parse(const char *s, size_t n, session_kind sk,
                             bool office, person *out)
{
    memset(out, 0, sizeof *out);
    size_t end = n, bopen = 0;
    char *bracket = NULL;
    uint32_t uc;
    size_t cl = n ? utf8_prev_len(s, n) : 0;
    if (cl && utf8_char(s + n - cl, cl, &uc) && (uc == U'）' || uc == ')')) {
        uint32_t open = uc == ')' ? '(' : U'（';
        for (size_t p = 0; p < n;) {
            size_t l = utf8_char(s + p, n - p, &uc);
            if (!l)
                break;
            if (uc == open)
                bopen = p;
            p += l;
        }
        if (bopen) {
            size_t ol = utf8_char(s + bopen, n - bopen, &uc);
            bracket = titles_copy(s + bopen + ol, n - cl - bopen - ol);
            end = bopen;
        }
    }
    char *label = xstrndup(s, end);
    bool suffix = lex_suffix(LEX_ROLE_SUFFIX, label, end) > 0 &&
                  !lex_suffix(LEX_ROLE, label, end);
    /* office: 某部部长某某：, 国家某委主任 某某：, an office held without
       a role, ending with a title word right before the name, will do */
    bool ok = speaker_parse_title_in(label, sk, out) && out->name &&
              (suffix || ((out->role || (office && titled_name(out))) &&
                          ends_with(label, end, out->name)));
    if (!ok && suffix && bracket) {
        person_clear(out);
        ok = label_name_before_suffix(label, end, sk, out);
    }
    if (!ok && bracket) {
        person_clear(out);
        ok = person_from_description(label, end, bracket, sk, out);
        if (ok) {
            free(bracket); /* the brackets were the titles: read */
            bracket = NULL;
        }
    }
    free(label);
    if (ok && bracket) {
        free(out->titles);
        out->titles = bracket;
        bracket = NULL;
    }
    free(bracket);
    if (!ok)
        person_clear(out);
    return ok;
}

size_t speaker_label_at(const char *s, size_t n, session_kind sk,
                        person *out)
{
    memset(out, 0, sizeof *out);
    /* The label: up to the first colon, short, no sentence punctuation or
       quotation marks (说：“…” is speech, not a label). */
    size_t p = 0, chars = 0, colon = 0;
    uint32_t uc;
    size_t cl = 0;
    /* A bracketed tag before the label (【同期】) is read past. */
    size_t tag = 0;
    if ((cl = utf8_char(s, n, &uc)) && uc == U'【') {
        while (tag < n && (cl = utf8_char(s + tag, n - tag, &uc)) &&
               uc != U'】' && tag < TAG_MAX_BYTES)
            tag += cl;
        if (tag >= n || uc != U'】')
            return 0;
        tag += cl;
        p = tag;
    }
    while (p < n && (cl = utf8_char(s + p, n - p, &uc))) {
        if (is_colon(uc)) {
            colon = p + cl;
            break;
        }
        if (++chars > HEADING_MAX_CHARS || is_sentence_end(uc) ||
            is_quote_open(uc) || is_quote_close(uc) || uc == '\n')
            return 0;
        p += cl;
    }
    if (!colon || colon >= n || !role_label_parse(s + tag, p - tag, sk, true, out))
        return 0;
    size_t w = colon;
    while (w < n && (cl = utf8_char(s + w, n - w, &uc)) && is_space(uc))
        w += cl;
    if (w >= n) {
        person_clear(out);
        return 0;
    }
    return w;
}

bool author_line_parse(const char *text, session_kind sk, person *out)
{
    memset(out, 0, sizeof *out);
    size_t n = strlen(text);
    if (utf8_count(text, n) > HEADING_MAX_CHARS)
        return false;
    /* Words separated by spaces: titles, the name, then perhaps what the
       page prints after it (字数: 9706字). */
    size_t p = 0, name_at_ = 0, name_len = 0;
    uint32_t uc;
    size_t cl;
    while (p < n) {
        while (p < n && (cl = utf8_char(text + p, n - p, &uc)) && is_space(uc))
            p += cl;
        size_t w = p;
        while (p < n && (cl = utf8_char(text + p, n - p, &uc)) && !is_space(uc)) {
            if (is_sentence_end(uc) || is_quote_open(uc))
                return false;
            p += cl;
        }
        if (p == w)
            break;
        char *name = w ? turn_label_name(text + w, p - w) : NULL;
        if (name && w > 0) {
            /* the titles end right before the spaces */
            size_t e = w;
            while (e > 0 && (cl = utf8_prev_len(text, e)) &&
                   utf8_char(text + e - cl, cl, &uc) && is_space(uc))
                e -= cl;
            if (lex_suffix(LEX_TITLE_WORD, text, e) || lex_suffix(LEX_ROLE, text, e)) {
                name_at_ = w;
                name_len = p - w;
            }
        }
        free(name);
        if (name_len)
            break;
    }
    if (!name_len)
        return false;
    for (size_t q = 0; q < name_at_ + name_len;) {
        if (lex_prefix(LEX_STAFF_WORD, text + q, n - q) ||
            lex_prefix(LEX_BYLINE_ROLE, text + q, n - q))
            return false;
        q += utf8_chars_len(text + q, n - q, 1);
    }
    char *line = xstrndup(text, name_at_ + name_len);
    bool ok = speaker_parse_title_in(line, sk, out) && out->name &&
              strlen(out->name) == name_len &&
              memcmp(out->name, text + name_at_, name_len) == 0;
    free(line);
    if (!ok)
        person_clear(out);
    return ok;
}

/* The note's titles s[0..n) may end with the author's name after a
   space (作者系某大学校长 某某) where the page prints no byline: a name
   after titles that end with a title word or a role.  Sets out->name and
   returns where the titles end; n when no name ends them. */
static size_t note_signer(const char *s, size_t n, person *out)
{
    size_t sp = n, cl;
    uint32_t uc;
    while (sp > 0 && (cl = utf8_prev_len(s, sp)) &&
           utf8_char(s + sp - cl, cl, &uc) && !is_space(uc))
        sp -= cl;
    size_t e = sp;
    while (e > 0 && (cl = utf8_prev_len(s, e)) &&
           utf8_char(s + e - cl, cl, &uc) && is_space(uc))
        e -= cl;
    if (sp == 0 || sp == n || e == 0 ||
        !(lex_suffix(LEX_TITLE_WORD, s, e) || lex_suffix(LEX_ROLE, s, e)))
        return n;
    out->name = turn_label_name(s + sp, n - sp);
    return out->name ? e : n;
}

/* In a note that names the author first, （作者：某某，系某大学教授）,
   *in[0..*len) starts at the colon: reads the name up to the comma into
   out->name and moves *in past the comma and the word that introduces the
   titles (系, 为: title_leads.txt).  False when no name stands there. */
static bool note_name_first(const char **in, size_t *len, person *out)
{
    uint32_t uc;
    size_t p = utf8_char(*in, *len, &uc), start = p, cl = 0;
    while (p < *len && (cl = utf8_char(*in + p, *len - p, &uc)) &&
           !is_comma(uc))
        p += cl;
    if (p >= *len || !cl)
        return false;
    out->name = turn_label_name(*in + start, p - start);
    if (!out->name)
        return false;
    p += cl; /* the comma */
    /* 系, 为 (title_leads.txt) introduce the titles */
    p += lex_prefix(LEX_TITLE_LEAD, *in + p, *len - p);
    *in += p;
    *len -= p;
    return true;
}

bool author_note_parse(const char *text, person *out)
{
    memset(out, 0, sizeof *out);
    const char *s = text;
    size_t n = strlen(text);
    uint32_t uc;
    size_t cl;
    while (n && (cl = utf8_char(s, n, &uc)) && is_space(uc)) {
        s += cl;
        n -= cl;
    }
    while (n && (cl = utf8_prev_len(s, n)) && utf8_char(s + n - cl, cl, &uc) &&
           (is_space(uc) || is_full_stop(uc)))
        n -= cl;
    size_t ol = n ? utf8_char(s, n, &uc) : 0;
    if (!ol || (uc != U'（' && uc != '('))
        return false;
    size_t el = utf8_prev_len(s, n);
    utf8_char(s + n - el, el, &uc);
    if (uc != U'）' && uc != ')')
        return false;
    const char *in = s + ol;
    size_t len = n - ol - el;
    size_t k = lex_prefix(LEX_AUTHOR_NOTE, in, len);
    if (!k)
        return false;
    const char *kind = lex_value(LEX_AUTHOR_NOTE, in, k);
    bool named = kind && strcmp(kind, "named") == 0;
    in += k;
    len -= k;
    /* （作者单位：某研究院） labels the author's unit: no author in it;
       （作者：某某，系某大学教授） names the author first. */
    bool colon = len && utf8_char(in, len, &uc) && is_colon(uc);
    if (colon != named)
        return false;
    if (named && !note_name_first(&in, &len, out))
        return false;
    size_t end = 0;
    while (end < len && (cl = utf8_char(in + end, len - end, &uc)) &&
           !is_comma(uc) && !is_semicolon(uc))
        end += cl;
    end = note_signer(in, end, out);
    size_t r, p = first_role(in, end, &r);
    if (r) {
        out->role = xstrndup(in + p, r);
        out->titles = titles_copy(in + p + r, end - p - r);
    } else {
        out->titles = titles_copy(in, end);
    }
    out->is_delegate = out->role != NULL;
    return out->titles || out->role;
}

bool signature_parse(const char *text, session_kind sk, person *out)
{
    memset(out, 0, sizeof *out);
    const char *s = text;
    size_t n = strlen(text), dashes = 0;
    uint32_t uc;
    size_t cl;
    while (n && (cl = utf8_char(s, n, &uc)) && (is_space(uc) || is_dash(uc))) {
        dashes += is_dash(uc);
        s += cl;
        n -= cl;
    }
    while (n && (cl = utf8_prev_len(s, n)) && utf8_char(s + n - cl, cl, &uc) &&
           is_space(uc))
        n -= cl;
    if (!dashes || !n || utf8_count(s, n) > HEADING_MAX_CHARS)
        return false;
    for (size_t p = 0; p < n; p += cl) {
        cl = utf8_char(s + p, n - p, &uc);
        if (!cl || is_sentence_end(uc) || is_quote_open(uc) || is_colon(uc))
            return false;
    }
    return role_label_parse(s, n, sk, false, out);
}

bool speaker_parse_title(const char *text, person *out)
{
    return speaker_parse_title_in(text, SESSION_NATIONAL, out);
}

/* Does s[0..n) hold what a heading line never holds: a sentence end, a
   quotation mark, a word naming the paper's staff (记者：, 编辑 …), a dash
   after words (a headline and its subtitle), or a comma other than one
   right after a role (全国人大代表，首钢…)? */
static bool heading_has_banned(const char *s, size_t n)
{
    size_t commas = 0;
    bool role_comma = false;
    uint32_t prev = 0;
    for (size_t p = 0; p < n;) {
        uint32_t uc;
        size_t l = utf8_char(s + p, n - p, &uc);
        if (is_sentence_end(uc) || uc == U'“' || uc == U'”' ||
            lex_prefix(LEX_STAFF_WORD, s + p, n - p))
            return true;
        /* 让……鼓起来——访某县委书记某某: a headline and its subtitle
           joined by a dash, not a title line */
        if (is_dash(uc) && p > 0 && !is_dash(prev))
            return true;
        prev = uc;
        if (is_comma(uc)) {
            commas++;
            role_comma = lex_suffix(LEX_ROLE, s, p) > 0;
        }
        p += l;
    }
    return commas > 1 || (commas == 1 && !role_comma);
}

/* Byte length of a proposer's label and its colon at s (提案人：), or 0. */
static size_t proposer_label_len(const char *s, size_t n)
{
    size_t l = lex_prefix(LEX_PROPOSER_LABEL, s, n);
    uint32_t uc;
    size_t cl = l && l < n ? utf8_char(s + l, n - l, &uc) : 0;
    return cl && is_colon(uc) ? l + cl : 0;
}

/* Read the proposer named after 提案人： in s[0..n): a title line with a
   role (全国政协委员、某大学教授某某) or a name with its role suffix or
   bracketed description (某某委员, 某某（全国政协委员、某大学教授）).  A
   body (某党派中央) is no person.  Fills out. */
static bool proposer_parse(const char *s, size_t n, session_kind sk,
                           person *out)
{
    uint32_t uc;
    size_t l;
    while (n && (l = utf8_char(s, n, &uc)) && is_space(uc)) {
        s += l;
        n -= l;
    }
    char *rest = xstrndup(s, n);
    bool ok = speaker_parse_title_in(rest, sk, out) && out->name &&
              (out->role || out->titles);
    if (!ok) {
        person_clear(out);
        ok = role_label_parse(rest, n, sk, false, out);
    }
    free(rest);
    return ok;
}

bool speaker_heading_parse(const char *text, session_kind sk, person *out)
{
    person tmp;
    if (!out)
        out = &tmp;
    memset(out, 0, sizeof *out);
    const char *s = text;
    size_t n = strlen(text);
    bool colon;
    strip_heading(&s, &n, &colon);
    if (n == 0 || utf8_count(s, n) > HEADING_MAX_CHARS ||
        heading_has_banned(s, n))
        return false;
    size_t label = proposer_label_len(s, n);
    if (label) {
        bool ok = proposer_parse(s + label, n - label, sk, out);
        if (!ok || out == &tmp)
            person_clear(out);
        return ok;
    }
    bool named = speaker_parse_title_in(text, sk, out);
    bool suffix = lex_suffix(LEX_ROLE_SUFFIX, s, n) > 0;
    size_t role_len;
    bool has_role = lex_suffix(LEX_ROLE, s, n) || out->role ||
                    first_role(s, n, &role_len) < n;
    /* A line stating a role, or a short one ending in 代表 / 委员, that
       ends with a colon or dash introduces a speaker even when the name in
       it is not one the rules recognise (… 调度员某某：, 阿某代表：). */
    bool short_line = utf8_count(s, n) <= SUFFIX_HEADING_MAX_CHARS;
    bool ok = named ? suffix || has_role || colon
                    : colon && (has_role || (suffix && short_line));
    if (!ok || out == &tmp)
        person_clear(out);
    return ok;
}
