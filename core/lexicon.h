/* lexicon.h - the word lists of dubao's knowledge of newspaper language.
 *
 * Everything dubao knows about the words of Chinese newspapers lives once,
 * in the .txt files of assets/lexicon/: one list a file, each opening with
 * a comment on where its words come from or why it holds them (surnames,
 * roles and their classes, titles, speech verbs, the words of bylines,
 * datelines and editor lines, …).  A line holds one word, optionally
 * followed by spaces and a value (roles.txt: the role's class); # starts a
 * comment.  The lists are loaded once, on first use, through
 * dubao_asset_path().  They hold general vocabulary only, never a name,
 * headline or page, so the rules built on them work on pages never seen
 * before.  The code keeps only a few grammatical words as named constants
 * (names.h) and the characters of its shapes (furniture.c, text.h).
 */
#ifndef DUBAO_LEXICON_H
#define DUBAO_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text.h"

typedef enum {
    LEX_SURNAME = 0,    /* 王, 欧阳 … */
    LEX_SPEECH_VERB,    /* 说, 表示, 指出 … */
    LEX_NOT_SPEECH,     /* 表示感谢, 称为, 据说 … */
    LEX_ROLE,           /* 全国人大代表, 市政协委员 … */
    LEX_TITLE_WORD,     /* how a job title ends: 长, 书记, 主任 … */
    LEX_SUFFIX_TITLE,   /* printed after a name: 总书记, 委员长 … */
    LEX_NAME_FOLLOWER,  /* words that often follow a name: 在, 也, 进一步 … */
    LEX_NOT_NAME,       /* 江苏, 文件 …: look like names, are not */
    LEX_WORD_SURNAME,   /* 国, 全, 时 …: surnames that mostly begin words */
    LEX_BYLINE_ROLE,    /* 本报记者, 通讯员, 摄 …: who a byline credits */
    LEX_REPORTER_QUALIFIER, /* 两会, 特约 … between an outlet and 记者 */
    LEX_GROUP_BYLINE,   /* 报道组, 评论员 …: a byline crediting a group */
    LEX_OUTLET_ENDING,  /* 报, 社, 台 …: how an outlet's name ends */
    LEX_PAPER_ENDING,   /* 报, 电讯, 刊: how a newspaper's name ends */
    LEX_CONTINUATION_VERB, /* 上接, 下转 …: of a continuation marker */
    LEX_DIAN_WORD,      /* 电话, 电视 …: 电 beginning a word, not 日电 */
    LEX_BANNER_WORD,    /* 特别报道, 特刊 …: of a page or column banner */
    LEX_EDITOR_START,   /* 责任编辑, 编辑 …: how the editor line begins */
    LEX_EDITOR_MARK,    /* 电话, 美编 …: what else an editor line names */
    LEX_COPYRIGHT_WORD, /* 版权所有, Copyright: of a copyright notice */
    LEX_DATELINE_WORD,  /* 星期, 农历, 版 …: of a dateline or stamp */
    LEX_CAPTION_START,  /* 图：, 上图： …: how a photo caption begins */
    LEX_CAPTION_WORD,   /* 图为: a caption's words */
    LEX_STAFF_WORD,     /* 记者, 编辑 …: the paper's own staff */
    LEX_ROLE_SUFFIX,    /* 代表, 委员, 常委 after a name, and their roles */
    LEX_NOT_ROLE_SUFFIX, /* 团, 们, 长 …: after a role word, another word */
    LEX_SPEECH_EVENT,   /* 讲话, 致辞: a speech given, not words quoted */
    LEX_ROLE_CLASS,     /* npc, cppcc, local: role classes and labels */
    LEX_NOT_IN_NAME,    /* 的, 说, 市 …: never inside a given name */
    LEX_DELEGATION_STOP, /* 会, 届, 的 …: end the place before 代表团 */
    LEX_SESSION_CUE,    /* 两会, 市两会 …: which meeting a page reports */
    LEX_TITLE_LEAD,     /* 时任, 作为 …: introduce titles, not part of them */
    LEX_PREPOSITION,    /* 向, 对, 同 …: put a person after them */
    LEX_FRAME_WORD,     /* 同时, 此外 …: open a clause before its subject */
    LEX_UNNAMED_SPEAKER, /* 负责人, 专家 …: subjects that speak unnamed */
    LEX_NOUN_MARKER,    /* 的, 了, 个 …: a speech verb after one is a noun */
    LEX_SPEECH_OBJECT,  /* 大家, 记者 …: addressed between verb and words */
    LEX_LEAD_MARK,      /* 消息, 讯: end the source opening a lead */
    LEX_INFO_LABEL,     /* 字数, 本文来源, 嘉宾: open a line about the piece */
    LEX_AUTHOR_NOTE,    /* 作者为, 作者单位: open the note on the author */
    LEX_TURN_LABEL,     /* 问, 答, 记者, 主持人 …: label a transcript's turns */
    LEX_CLAUSE_VERB,    /* 认为, 建议 …: speech verbs taking words without a comma */
    LEX_MEASURE_WORD,   /* 组, 个, 则 …: count what a speaker cites (一组数据) */
    LEX_TRANSLIT_CHAR,  /* 特, 朗, 普 …: the characters of transliterated names */
    LEX_ETHNIC_NAME_CHAR, /* 次, 仁, 央 …: more characters of names without a surname */
    LEX_FOREIGN_PLACE,  /* 美国, 联合国 …: whose office holders are foreigners */
    LEX_PART_LABEL,     /* 新闻摘要, 详细新闻: a whole line naming a part */
    LEX_HEADCOUNT_WORD, /* 位, 名, 多, 余: of a head count (等6位代表) */
    LEX_PLACE_ENDING,   /* 区, 县, 院 …: end the name of a place or body */
    LEX_CITED_WORD,     /* 这句话, 留言 …: quoted words as read or heard */
    LEX_OCCASION_END,   /* 时, 中, 上: close 在…… before a speech verb */
    LEX_OCCASION_OPEN,  /* 在, 接受, 参加: open an occasion before a verb */
    LEX_PROPOSER_LABEL, /* 提案人, 议案领衔人: name a proposal's author */
    LEX_BODY_ENDING,    /* 委员会, 政府, 中央 …: end the name of a body acted for */
    LEX_WORDS_OPENER,   /* 要, 必须 …: open what was said right after any speech verb */
    LEX_NAME_END_ADVERB, /* 正: ends given names, yet before a follower an adverb */
    LEX_ASK_VERB,       /* 问, 询问: their object is the one who answers */
    LEX_DOCUMENT_WORD,  /* 报告, 草案, 纲要: end a document's name */
    LEX_KIND_COUNT
} lex_kind;

/* Load every list (once).  Returns false, and stays empty, when an asset
   file is missing; the stages then find nothing rather than guess. */
bool lexicon_load(void);

/* A fingerprint of the word lists the parser would load: 16 hex digits
   of a hash over every list file's name and bytes, read afresh (a list
   edited since the lists were loaded counts).  False when a file cannot
   be read.  A database parsed with other lists is out of date. */
bool lexicon_fingerprint(char out[17]);

/* Load the lists from dir instead of the assets directory (tests). */
bool lexicon_load_from(const char *dir);

/* The file of assets/lexicon/ a list is read from ("surnames.txt" …). */
const char *lex_file_name(lex_kind k);

/* Is s[0..n) a word of the list? */
bool lex_has(lex_kind k, const char *s, size_t n);

/* Byte length of the longest word of the list that starts at s (within n
   bytes), or 0. */
size_t lex_prefix(lex_kind k, const char *s, size_t n);

/* Byte length of the longest word of the list that ends at s + n, or 0. */
size_t lex_suffix(lex_kind k, const char *s, size_t n);

/* What the list's file prints after the word s[0..n) (roles.txt: its
   class), or NULL when the word is not listed or has nothing after it. */
const char *lex_value(lex_kind k, const char *s, size_t n);

/* The same lookups on code-point arrays (stage 4 works on those); lengths
   and indices count code points. */
size_t lex_prefix_u(lex_kind k, const uint32_t *u, size_t n);
size_t lex_suffix_u(lex_kind k, const uint32_t *u, size_t n);
bool lex_has_u(lex_kind k, const uint32_t *u, size_t n);
const char *lex_value_u(lex_kind k, const uint32_t *u, size_t n);

/* Index of the first position in u[from..n) where a word of the list
   starts (its length in *len), or n. */
size_t lex_find_u(lex_kind k, const uint32_t *u, size_t n, size_t from,
                  size_t *len);

#endif
