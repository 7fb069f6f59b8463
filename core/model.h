/* model.h - the in-memory shape of one parsed issue.
 *
 * Data flows one way: file bytes -> decoded text (decode.c) -> normalised
 * text (normalize.c) -> paragraphs (paragraphs.c) -> classified blocks
 * (blocks.c) -> articles (articles.c) -> speakers and quotes (speakers.c,
 * quotes.c) -> database (db_store.c).  Each stage fills in part of the structs
 * below and can be tested on its own with a string in and structs out; a
 * later stage uses what an earlier one found (block kinds and facts, an
 * article's text and byline, sections, people) and never recomputes it.
 * The stages share the text toolkit (text.h), the word lists (lexicon.h),
 * the furniture rules (furniture.h) and the name rules (names.h).
 */
#ifndef DUBAO_MODEL_H
#define DUBAO_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/* What a block of a printed page is.  Keep block_kind_name() in sync. */
typedef enum {
    BLOCK_BODY = 0,        /* running text */
    BLOCK_MASTHEAD,        /* the paper's name */
    BLOCK_DATELINE,        /* 2025年3月7日 星期五 ... 今日四版 */
    BLOCK_BANNER,          /* section banner: 2025全国两会特别报道 */
    BLOCK_KICKER,          /* ■ ... summary above or below a headline */
    BLOCK_HEADLINE,        /* starts an article */
    BLOCK_DECK,            /* second headline line */
    BLOCK_SUBHEAD,         /* starts a section inside an article */
    BLOCK_SPEAKER_HEADING, /* 殷勇代表： / >> 市人大代表、…张旭: */
    BLOCK_BYLINE,          /* 本报记者 … */
    BLOCK_LEAD,            /* body paragraph opening with 本报讯 / …电 */
    BLOCK_LIST_ITEM,       /* - item */
    BLOCK_CAPTION,         /* photo caption */
    BLOCK_EDITOR,          /* 编辑 … 电话 … */
    BLOCK_CONTINUATION,    /* (上接1版) / （下转第二版） */
    BLOCK_KIND_COUNT
} block_kind;

/* Flags describing how a block was found. */
enum {
    BLOCK_F_MARKUP = 1 << 0,     /* had a #, ## or >> marker (stripped) */
    BLOCK_F_HARDWRAP = 1 << 1,   /* rejoined from hard-wrapped lines */
    BLOCK_F_OPEN_END = 1 << 2,   /* stops mid-sentence (broken column) */
    BLOCK_F_OPEN_START = 1 << 3, /* starts mid-sentence (column continues) */
    BLOCK_F_JOINED = 1 << 4,     /* a broken column was rejoined into it */
    BLOCK_F_LIST = 1 << 5,       /* a list item in the markup (read_*.c) */
    BLOCK_F_PHOTO_CREDIT = 1 << 6, /* a byline crediting a photo (… 摄) */
    BLOCK_F_DISPATCH = 1 << 7    /* a byline that is only a dispatch line
                                    (新华社北京4月27日电) */
};

/* Paragraphs longer than this are kept as text but not scanned for
   speakers and quotes: no printed paragraph is this long (it is a file
   without line breaks), and scanning one would cost more than its length
   is worth. */
#define BLOCK_SCAN_MAX_BYTES (64 * 1024)
/* Likewise a whole article: attributing quotes costs more than linear time
   in the number of quotations of one article, and no printed article
   comes near this size. */
#define ARTICLE_SCAN_MAX_BYTES (256 * 1024)

/* What stage 4 read in a byline or a dateline, for the stages after it
   (they never read the furniture again). */
typedef struct {
    char date[11];   /* a dateline's date, YYYY-MM-DD, or "" */
    char *edition;   /* a dateline's edition (第 06 版, 要闻 …), or NULL */
    char *outlet;    /* a byline's outlet (本报, 北京日报, 新华社 …), or the
                        paper a stamp names (稿件来源：某某报), or NULL */
    char *stamped;   /* the paper a stamp after a byline names (张某
                        《某某日报》（…）), or NULL */
} block_facts;

typedef struct {
    char *text;      /* display text, UTF-8, markers stripped */
    block_kind kind;
    int line;        /* 1-based source line where the block starts */
    int level;       /* markdown heading level (1..6) or 0 */
    unsigned flags;  /* BLOCK_F_* */
    block_facts *facts; /* bylines and datelines (stage 4), else NULL */
} block;

typedef struct {
    block *v;
    size_t n;
    size_t cap;
} block_list;

/* A section of an article: introduced by a subhead or a speaker heading. */
typedef struct {
    size_t first_block;  /* index into article.blocks of the heading block */
    int speaker;         /* index into issue.people, or -1 */
} section;

typedef struct {
    char *headline;
    block_list blocks;   /* everything after the headline, in reading order */
    section *sections;
    size_t nsections;
    size_t sections_cap;
    /* Where this article was printed when it differs from its issue's
       (the items of one feed span pages and dates): set by markup.c,
       NULL means "as the issue". */
    char *paper;
    char *date;
    char *page;
    char *page_name;
    /* Set by stage 5 once the article is complete (article_finish): */
    char *text;          /* the blocks' texts joined by "\n": what is stored
                            and searched, and what quote offsets count in */
    char *byline;        /* the article's byline, or NULL */
} article;

/* The class of a delegate role.  roles.txt gives each role its class;
   stage 6 decides it once for each person, the database stores it and
   filters quotes on it. */
typedef enum {
    ROLE_ANY = 0,   /* no class (no role); as a quotes filter, every quote */
    ROLE_NPC,       /* National People's Congress: 全国人大代表 … */
    ROLE_CPPCC,     /* national CPPCC: 全国政协委员, 全国政协常委 */
    ROLE_LOCAL,     /* a local congress or CPPCC: 市人大代表, 省政协委员 … */
    ROLE_CLASS_COUNT
} role_class;

/* A named person found in an issue (speakers stage). */
typedef struct {
    char *name;
    char *role;        /* 全国人大代表, 全国政协委员, 市人大代表 … or NULL */
    role_class role_class; /* the role's class (ROLE_ANY without a role) */
    char *titles;      /* 北京市市长 … as printed, or NULL */
    char *delegation;  /* 北京市代表团 … or NULL */
    bool is_delegate;  /* true exactly when a deputy/member role is known */
} person;

typedef enum { QUOTE_DIRECT, QUOTE_INDIRECT, QUOTE_SECTION } quote_kind;

/* One statement attributed to a person (quotes stage). */
typedef struct {
    size_t article;   /* index into issue.articles */
    size_t block;     /* index into article.blocks where the quote starts */
    size_t start;     /* character offset into article_text() */
    size_t end;       /* character offset one past the end */
    quote_kind kind;
    int speaker;      /* index into issue.people, or -1 for unattributed */
    char *text;       /* the words, without outer quotation marks */
} quote;

/* What one file holds: a plain-text page, or the articles of a file with
   markup (one Markdown or HTML article, the items of a feed). */
typedef struct {
    char *file;       /* basename of the source file */
    const char *format; /* "text", "markdown", "html" or "feed" */
    char *paper;      /* paper name, or NULL */
    char *date;       /* YYYY-MM-DD, or NULL */
    char *edition;    /* edition/page as printed, or NULL */
    char *page;       /* page (版) label, "06" (evidence.h), or NULL */
    char *page_name;  /* the page's name (两会特刊), or NULL */
    article *articles;
    size_t narticles;
    size_t articles_cap;
    person *people;
    size_t npeople;
    size_t people_cap;
    quote *quotes;
    size_t nquotes;
    size_t quotes_cap;
    strlist warnings; /* human-readable, one per problem */
} issue;

const char *block_kind_name(block_kind k);
/* The kind named name (as block_kind_name writes it: the database stores
   the name); BLOCK_BODY for a name it does not know. */
block_kind block_kind_from_name(const char *name);
/* Is the kind page furniture or a credit (masthead, dateline, editor
   line, byline, caption)?  Such blocks name reporters and photographers,
   never speakers, and hold no quotes. */
bool block_kind_is_furniture(block_kind k);
/* The name of a role class in assets/lexicon (roles.txt, role_classes.txt):
   "any", "npc", "cppcc", "local". */
const char *role_class_key(role_class c);
const char *quote_kind_name(quote_kind k);

block *block_list_push(block_list *l, const char *text, block_kind kind,
                       int line);
/* Append a copy of b (text, kind, line, level, flags and facts). */
block *block_list_push_copy(block_list *l, const block *b);
void block_facts_free(block_facts *f);
void block_list_free(block_list *l);

article *issue_add_article(issue *is, const char *headline);
section *article_add_section(article *a, size_t first_block, int speaker);
/* The blocks' texts of a joined by "\n" (stage 5 keeps it in a->text). */
char *article_text(const article *a);
void issue_free(issue *is);
/* Free the strings of p and zero it. */
void person_clear(person *p);

#endif
