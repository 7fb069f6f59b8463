/* names.h - personal names and title lines (speaker headings).
 *
 * Names are 2-4 Han characters beginning with a surname from
 * assets/lexicon/surnames.txt; where a name ends is decided by what follows
 * it (a speech verb, a role, a title, a common follower word, punctuation).
 * Title lines and speaker headings (全国人大代表，首钢集团有限公司党委书记、
 * 董事长赵民革 / 殷勇代表： / 张强代表——) are parsed here, once, for stage 4
 * (is this line a speaker heading?) and stage 6 (who, with what role).
 */
#ifndef DUBAO_NAMES_H
#define DUBAO_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* What kind of meeting the issue reports on; decides what a bare 代表 or
   委员 after a name means. */
typedef enum {
    SESSION_UNKNOWN = 0,   /* no role from a bare 代表/委员 */
    SESSION_NATIONAL,      /* Two Sessions: 代表 = 全国人大代表, 委员 = 全国政协委员 */
    SESSION_LOCAL,         /* a local people's congress: 人大代表 / 政协委员 */
    SESSION_NPC_STANDING   /* NPC Standing Committee: 委员 is a committee member */
} session_kind;

/* A few grammatical words the rules name (word lists are in
   assets/lexicon/):
   的 attributive particle: a name before it modifies a noun (张三的建议);
   是 copula: titles printed after it describe the person (…是驾驶员张三);
   在 … 看来 and 据 … 介绍 frame a speaker (在张三看来，…; 据张三介绍，…);
   作为 "as": 张三作为全国人大代表;
   代表团 a delegation, named after its place (北京市代表团);
   次会议 "th session", after the number of a plenary session;
   、 and 等 join and close a list of names. */
#define PARTICLE_DE "的"
#define COPULA_SHI "是"
#define FRAME_ZAI "在"
#define FRAME_JU "据"
#define COVERB_ZUOWEI "作为"
#define DELEGATION "代表团"
#define PLENARY_SESSION "次会议"
/* 届 "term", between the numbers of a body's term and session (十四届四次
   会议). */
#define TERM_JIE "届"
/* The list comma between names (张三、李四), and 等 "and others" closing a
   list (张三、李四等多位代表). */
#define LIST_COMMA "、"
#define LIST_ETC "等"
/* 时 "when", closing a time clause (某某调研时，); 日 "day", after the
   day of the month (某某27日出席). */
#define TIME_SHI "时"
#define DAY_RI "日"
/* 了, the aspect particle after a verb (听取了某某、某某等代表的发言). */
#define PARTICLE_LE "了"
/* 一 "one", before a head-count word describing one person (是一名全国
   人大代表). */
#define NUMERAL_ONE "一"
/* 地, closing an adverb before a verb (某某自豪地说). */
#define ADVERB_DI "地"
/* The third-person pronouns (he, she) that refer back to the last person
   named, and the suffix that makes them plural (他们: they). */
#define PRONOUN_HE "他"
#define PRONOUN_SHE "她"
#define PLURAL_MEN "们"
/* 方 "side", closing a party that speaks as a subject (中方, 某国军方). */
#define SIDE_FANG "方"

/* How strongly what follows a candidate name marks its end. */
enum {
    FOLLOW_NONE = 0,
    FOLLOW_PUNCT = 1,   /* punctuation, space, end, 的 */
    FOLLOW_WORD = 2,    /* a common follower word (在, 也, 进一步 …) */
    FOLLOW_STRONG = 3   /* a speech verb, a role suffix or a title */
};

/* How strongly the text at s marks the end of a name before it
   (FOLLOW_*): FOLLOW_NONE when a name there runs into a word
   (习某某经济思想). */
int name_follower_strength(const char *s, size_t n);

/* Best name starting at s: a surname and one or two given characters,
   the one followed most strongly (longer on ties); its byte length, or
   0, and the strength (FOLLOW_*) in *strength. */
size_t name_best_at(const char *s, size_t n, int *strength);

/* A transliterated name at s: parts of Han characters joined by middle
   dots (约瑟夫·马奥尼, 阿依古丽·吐尔逊, 贾里德·杜克尔·利希特曼), the last part
   ending where a speech verb, role, title, follower word or punctuation
   begins.  Its byte length, or 0, and the strength (FOLLOW_*) of what
   follows in *strength.  name_best_at tries it first. */
size_t foreign_name_at(const char *s, size_t n, int *strength);

/* Is c a middle dot joining the parts of a transliterated name
   (约瑟夫·马奥尼)? */
bool is_name_dot(uint32_t c);

/* Does s[0..len) hold a character never inside a given name (not_in_
   name.txt: 的, 我, 说 …)?  Then it is no name, whatever else says so. */
bool holds_char_never_in_name(const char *s, size_t len);

/* Could s[0..len) be a Chinese name: a surname of surnames.txt and one
   or two characters more (古某某 yes, 古特雷斯 no: four
   characters after a one-character surname are too many)? */
bool could_be_han_name(const char *s, size_t len);

/* The byte length of a pronoun subject 他/她 opening s[0..n) (not 他们,
   他的), or 0. */
size_t pronoun_subject_len(const char *s, size_t n);

/* A transliterated name without dots at s (特朗普, 古特雷斯): 2-6
   characters of translit_chars.txt ending where a word that follows names
   begins.  Only where a foreign title puts a name (美国总统…): elsewhere
   such runs are as often words.  Its byte length or 0, and the strength
   (FOLLOW_*) of what follows in *strength. */
size_t translit_name_at(const char *s, size_t n, int *strength);

/* Byte length of the run of transliteration characters (translit_chars.txt)
   at s, at most max_chars of them (*chars says how many), when a Han
   character that is none follows it (某某·阿某到…, 外长阿某某展开…); else 0.
   What follows says where such a run ends when no word after it does. */
size_t translit_run_before_han(const char *s, size_t n, size_t max_chars,
                               size_t *chars);

/* The first part of a transliterated name (约瑟夫 of 约瑟夫·马奥尼), how
   features often call the person: its byte length, or 0 when name has no
   dot. */
size_t foreign_name_first_part(const char *name);

/* The last part of a transliterated name (马奥尼 of 约瑟夫·马奥尼), or the
   last word of a name in Latin letters (Brown of Michael Brown): how a
   page refers to the person after naming them in full.  Byte offset into
   name where it starts, or 0 when name has neither dot nor space. */
size_t foreign_name_last_part(const char *name);

/* A transcript's turn at the start of a paragraph: a short label (a
   name, 记者, 问, 答, 主持人 …: at most TURN_LABEL_MAX_CHARS characters, no
   punctuation) and a colon, then words.  A name may have its description
   in brackets before the colon (李某（全国人大代表、某市市长）：): a role or
   a title, TURN_NOTE_MAX_CHARS characters at most.  Returns the label's
   byte length (s[0..len), the name without the note) and where the words
   start in *words; 0 when s does not open so. */
size_t turn_label_at(const char *s, size_t n, size_t *words);

/* The personal name a turn label s[0..len) is (spaces of justification
   removed: 冯  帆 is 冯帆), heap string, or NULL when it is no name (a
   label of turn_labels.txt, a word of not_names.txt, no surname …).  In a
   transcript a name is expected before the colon, so any surname counts
   and the characters after it are not judged. */
char *turn_label_name(const char *s, size_t len);

/* The same where a name is expected on other grounds (between a title and
   代表, in a title line): a surname that mostly begins words (国, 盘 …:
   word_surnames.txt) counts too. */
size_t name_expected_at(const char *s, size_t n, int *strength);

/* A name at s that nothing after it marks the end of (村民某某某来买…,
   国家主席某某乘坐…), read by its recurrence: a surname and two given
   characters, or else one, that text (the article) prints at least
   twice with different characters after them (某某某进了店 … 某某某拉走…).
   Its byte length, or 0. */
size_t name_recurring_at(const char *s, size_t n, const char *text);

/* Byte length of a plausible personal name at s, judged by what follows
   it; 0 if none reaches min_strength (FOLLOW_*). */
size_t name_at(const char *s, size_t n, int min_strength);

/* Length of a role suffix (代表 / 委员 / 常委, role_suffixes.txt) at s,
   when it really is one: not 代表团, 代表们, 委员长, 委员会 … */
size_t role_suffix_at(const char *s, size_t n);

/* Length of a role (roles.txt: 全国人大代表, 市政协委员 …) at s, when it is
   not part of another word (全国人大代表团, 全国人大常委会委员长 …). */
size_t role_at(const char *s, size_t n);

/* The class roles.txt gives role (ROLE_ANY for NULL or an unlisted one). */
role_class role_class_of(const char *role);

/* The role the bare suffix s[0..len) (代表 …) after a name stands for in
   the given kind of session (role_suffixes.txt), heap string or NULL. */
char *suffix_role(const char *suffix, size_t len, session_kind sk);

/* The role printed as role[0..len), in the given kind of session: the
   bare 人大代表 / 政协委员 / 政协常委 (what role_suffixes.txt gives a bare
   suffix at a local session) stand for the national roles in Two Sessions
   coverage; any other role is kept as printed.  Heap string. */
char *role_in_session(const char *role, size_t len, session_kind sk);

/* Is the byte at i of s right after a clause boundary (start,
   punctuation, a quotation mark, a space) or after 的? */
bool at_clause_start(const char *s, size_t i);

/* Is a name that starts at byte k of s well separated from what is
   before it: a clause boundary, 的, or a title word? */
bool name_boundary_before(const char *s, size_t k);

/* Copy of titles s[0..n) without leading and trailing spaces, list
   punctuation (、，：；) and dashes; NULL when nothing is left. */
char *titles_copy(const char *s, size_t n);

/* The delegation named in s[0..n) (…北京市代表团 …), heap string or NULL. */
char *delegation_in(const char *s, size_t n);

/* A name with its description in brackets after it (李某（全国人大代表、
   某市市长）, 王某（某大学教授）): label[0..len) must be only a name
   (turn_label_name) and the description must state a role or end with a
   title word, so that 某台消息（某节目） or 张某（右） stay none.  The
   description is read as the title line before the name would be.  Fills
   out (free with person_clear); false when it is no such pair. */
bool person_from_description(const char *label, size_t len,
                             const char *description, session_kind sk,
                             person *out);

/* Parse a title line or heading into out (fields are heap strings; free
   with person_clear).  Prefix form 全国人大代表，X公司董事长赵民革, suffix form
   朱立华代表 / 张懿宸委员, kicker form 张强代表——, with or without commas and
   spaces before the name.  Uses Two Sessions meaning for bare 代表/委员.
   Returns false when no name is found. */
bool speaker_parse_title(const char *text, person *out);

/* The same with an explicit session kind. */
bool speaker_parse_title_in(const char *text, session_kind sk, person *out);

/* A paragraph opening with a speaker's label and a colon, then their
   words: 黎某委员（某区委书记）：… / 张某代表：… / 全国人大代表、某村党委
   书记 张某：… / 某部部长某某：….  The label must state the role or the
   office: the suffix 代表/委员/常委 after the name (bracketed titles may
   follow it), a role before titles and the name, or titles ending with a
   title word right before the name.  Fills out like speaker_parse_title_in (titles from the
   brackets when there are any) and returns where the words start (byte
   offset), or 0 when s does not open so. */
size_t speaker_label_at(const char *s, size_t n, session_kind sk,
                        person *out);

/* Is text a signature under someone's words: a dash, then a label stating
   the role as speaker_label_at reads it (——某某代表（某公司董事长）, ——某市
   市长某某代表)?  Fills out; false when not. */
bool signature_parse(const char *text, session_kind sk, person *out);

/* Is text the author line of a signed piece: titles, a space, the name,
   perhaps what the page prints after it (全国政协副主席兼秘书长 王某某
   字数: 9706字)?  The titles end with a title word or a role; a line naming
   the paper's staff (记者, 编辑) is a byline, not an author.  Fills out. */
bool author_line_parse(const char *text, session_kind sk, person *out);

/* Is text a signed piece's closing note, （作者为全国政协委员、某大学
   教授，本报记者某某采访整理）?  Fills out->role and out->titles from it (up
   to its first comma: the rest names the reporter); out->name stays NULL
   (the byline gives it) unless the titles end with the name after a space
   (（作者系某大学校长 某某）, a page without a byline). */
bool author_note_parse(const char *text, person *out);

/* A turn label is a name or a short word (主持人); longer, the text
   before the colon is a sentence (数据显示：…). */
#define TURN_LABEL_MAX_CHARS 6
/* A journalist's label at a press conference names the outlet first
   (某某广播电视总台记者：): up to this long when it ends with 记者. */
#define ASKER_LABEL_MAX_CHARS 16
/* The note in brackets after a turn's name (李某（全国人大代表、某市市长）：)
   is a line of titles: longer, the brackets hold something else. */
#define TURN_NOTE_MAX_CHARS 40
/* An article with this many paragraphs opening with a turn label (记者：…
   / 王某：…) is a transcript; one such paragraph is a sentence that happens
   to open with a word and a colon (数据显示：…). */
#define TRANSCRIPT_MIN_TURNS 2

/* A speaker heading is a short line: longer, it is text or a headline. */
#define HEADING_MAX_CHARS 48
/* A heading that is only a name and 代表/委员 (阿某某代表：) is shorter
   still: longer, the words before 代表 are a sentence, not a name. */
#define SUFFIX_HEADING_MAX_CHARS 10

/* Is text a whole speaker heading (a short line that is only a title line:
   it states a role, uses the 代表/委员 suffix, or ends with a colon or a
   dash)?  Fills out (when not NULL) like speaker_parse_title_in; a
   heading whose name the rules do not recognise leaves out->name NULL. */
bool speaker_heading_parse(const char *text, session_kind sk, person *out);

#endif
