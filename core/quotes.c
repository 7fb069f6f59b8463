/* quotes.c - extract who said what from each article.
 *
 * One article at a time, on its text (article_text(): blocks joined by
 * newlines), in four steps:
 *   1. quotation spans “…” / 「…」, including quotes running over several
 *      paragraphs and across hard-wrapped or broken lines;
 *   2. mentions of known people (names from speakers_find, and bare titles
 *      such as 总书记 that refer back to one);
 *   3. speech clauses: a speech verb ending a clause, with the subject at
 *      the start of that clause (a person, 他/她, or an unnamed speaker);
 *   4. quotes: direct quotes attributed by an adjacent speech clause, a
 *      colon or comma in a sentence about a person, or context; indirect
 *      quotes after a speech clause; section quotes under speaker headings.
 * All positions are byte offsets into the article text until the quotes
 * are stored, when they become character offsets.
 */
#include "quotes.h"

#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "names.h"
#include "text.h"
#include "speakers.h"
#include "strbuf.h"

#define NONE ((size_t)-1)

/* The thresholds of the rules below, in characters, each with what it
   trades. */
enum {
    /* Words in quotation marks shorter than this, without punctuation,
       are a term (“卡脖子”), not words said; a quote after a colon needs
       COLON_QUOTE_MIN_CHARS. */
    STATEMENT_MIN_CHARS = 6,
    COLON_QUOTE_MIN_CHARS = 4,
    /* Quotation marks this short right after a quote are scare quotes in
       its attribution (“…”“阳光大姐”团队负责人…). */
    SCARE_QUOTE_MAX_CHARS = 8,
    /* A person named further than this before the speech verb is not the
       clause's subject (a long clause names others on the way). */
    SUBJECT_MAX_DISTANCE = 30,
    /* ... unless what stands between is the occasion, 在……时 (某某5日下午
       在参加某代表团审议时强调): its 在 within this many characters of the
       name (a day and time may come first), and at most this many
       characters in all (a broadcast lead names the whole meeting). */
    OCCASION_ZAI_MAX_CHARS = 6,
    OCCASION_MAX_DISTANCE = 60,
    /* How far before a speech verb a not-speech phrase may start
       (表示感谢 covers 表示; the longest phrase is four characters). */
    GUARD_LOOKBACK_CHARS = 4,
    /* A quoted term read past inside a clause (在“宣言”中说) has at most
       this many characters. */
    QUOTED_TERM_MAX_CHARS = 8,
    /* Whom a speech verb addresses before a colon (告诉本报记者：) has at
       most this many characters. */
    ADDRESSEE_MAX_CHARS = 6,
    /* Connective words skipped at the start of a clause (同时，也 …). */
    MAX_FRAME_WORDS = 2,
    /* An indirect quote cut mid-sentence continues over at most this many
       more paragraphs (a broken column), not to the end of the page. */
    INDIRECT_MAX_MORE_BLOCKS = 3,
    /* A section's words start after its heading and at most this many
       more heading lines (a subhead, a label); further on, the section
       has no first-person words of its own. */
    SECTION_MAX_HEADING_BLOCKS = 3,
    /* A signature (——某某代表) signs at most this many paragraphs above
       it; a longer run of prose above it began before the signed piece
       (an article's lead), so where the piece starts is not known. */
    SIGNED_MAX_BLOCKS = 4,
    /* A line this short without clause punctuation is a label (【连线】),
       not words. */
    LABEL_MAX_CHARS = 12,
    /* Brackets inside a clause's subject (a name's original spelling, a
       place) hold at most this many characters. */
    BRACKET_MAX_CHARS = 40,
    /* 他/她 refers to a person named at most this many paragraphs before
       its own; further back, the text has moved on (a transcript or page
       whose items were not split). */
    PRONOUN_MAX_BLOCKS_BACK = 3,
    /* A second person in the first one's clause with more than this many
       characters between them is an object (…会见某国总理某某时说); with
       fewer, a joined subject (张三和李四). */
    OBJECT_MIN_GAP_CHARS = 1
};

typedef struct {
    size_t open;      /* byte of the opening mark */
    size_t in_start;  /* first byte of the words */
    size_t in_end;    /* byte of the closing mark */
    size_t close_end; /* first byte after the closing mark */
    int state;        /* 0 undecided, 1 quote, -1 not a quote */
} qspan;

typedef struct {
    size_t pos, end;
    int person;
} mention;

typedef struct {
    size_t cstart;    /* where the clause starts */
    size_t vstart;    /* the verb */
    size_t vend;
    size_t intro_end; /* after the verb, an object word and punctuation */
    int speaker;      /* index into is->people or -1 */
    bool unnamed;     /* an unnamed speaker (负责人, 方面, 专家 …) */
    bool bare;        /* words right after the verb, no comma (认为这是…) */
} speech;

typedef struct {
    size_t start, end; /* bytes of the words */
    quote_kind kind;
    int speaker;
} item;

typedef struct {
    issue *is;
    const people_index *people;  /* the issue's people by first character */
    size_t ai;
    const char *text; /* the article's text (stage 5) */
    size_t len;
    size_t nb;
    size_t *bstart;   /* nb + 1 entries: where each block starts */
    bool *prose;      /* body text (not headings, bylines, labels) */
    bool *too_long;   /* over BLOCK_SCAN_MAX_BYTES: not scanned at all */
    qspan *spans;
    size_t nspans, spans_cap;
    mention *ments;
    size_t nments, ments_cap;
    speech *sp;
    size_t nsp, sp_cap;
    item *items;
    size_t nitems, items_cap;
} actx;

/* ---- small text helpers ------------------------------------------------ */

static uint32_t char_at(const actx *c, size_t pos, size_t *len)
{
    uint32_t uc = 0;
    size_t l = pos < c->len ? utf8_char(c->text + pos, c->len - pos, &uc) : 0;
    if (len)
        *len = l;
    return uc;
}

static uint32_t char_before(const actx *c, size_t pos, size_t *len)
{
    size_t pl = utf8_prev_len(c->text, pos);
    uint32_t uc = 0;
    if (pl)
        utf8_char(c->text + pos - pl, pl, &uc);
    if (len)
        *len = pl;
    return uc;
}

/* Punctuation after which reported words begin: a comma or a colon. */
static bool is_intro_punct(uint32_t uc)
{
    return is_comma(uc) || is_colon(uc);
}

/* Block holding byte pos. */
static size_t block_of(const actx *c, size_t pos)
{
    size_t lo = 0, hi = c->nb;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (c->bstart[mid] <= pos)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Byte where block b's text ends (its newline, or the end). */
static size_t block_end(const actx *c, size_t b)
{
    return b + 1 < c->nb ? c->bstart[b + 1] - 1 : c->len;
}

/* Does the text before byte end (within block b) finish a sentence? */
static bool ends_sentence_at(const actx *c, size_t b, size_t end)
{
    size_t p = end;
    while (p > c->bstart[b]) {
        size_t pl;
        uint32_t uc = char_before(c, p, &pl);
        if (is_space(uc)) {
            p -= pl;
            continue;
        }
        return is_sentence_end(uc) || is_quote_close(uc) || uc == U'）' ||
               uc == ')';
    }
    return true;
}

static bool text_has(const actx *c, size_t from, size_t to, const char *w)
{
    return to > from && memmem(c->text + from, to - from, w, strlen(w));
}

/* Does text[from, to) hold a word of the list (with the value value, when
   not NULL)? */
static bool text_has_word(const actx *c, size_t from, size_t to, lex_kind k,
                          const char *value)
{
    for (size_t p = from; p < to;) {
        size_t w = lex_prefix(k, c->text + p, to - p);
        const char *v = w ? lex_value(k, c->text + p, w) : NULL;
        if (w && (!value || (v && strcmp(v, value) == 0)))
            return true;
        size_t l;
        char_at(c, p, &l);
        p += l ? l : 1;
    }
    return false;
}

/* Index of the span containing pos (from its opening mark to after its
   closing mark), or -1. */
/* Index of the first span opening after pos.  Spans are pushed in text
   order and never overlap (find_spans), so binary search applies; this
   keeps long paragraphs with many quotations linear-ish. */
static size_t spans_after(const actx *c, size_t pos)
{
    size_t lo = 0, hi = c->nspans;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->spans[mid].open <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int span_at(const actx *c, size_t pos)
{
    size_t i = spans_after(c, pos);
    if (i > 0 && pos < c->spans[i - 1].close_end)
        return (int)(i - 1);
    return -1;
}

static int span_opening_at(const actx *c, size_t pos)
{
    size_t i = spans_after(c, pos);
    if (i > 0 && c->spans[i - 1].open == pos)
        return (int)(i - 1);
    return -1;
}

/* ---- blocks ----------------------------------------------------------- */

/* Is the block running text in which quotes can occur? */
static bool block_is_prose(const block *b)
{
    if (block_kind_is_furniture(b->kind))
        return false;
    switch (b->kind) {
    case BLOCK_HEADLINE: case BLOCK_DECK: case BLOCK_SUBHEAD:
    case BLOCK_SPEAKER_HEADING: case BLOCK_BANNER: case BLOCK_KICKER:
    case BLOCK_MASTHEAD: case BLOCK_DATELINE:
        return false;
    default:
        break;
    }
    return true;
}

/* ---- step 1: quotation spans ------------------------------------------ */

static void push_span(actx *c, size_t open, size_t close, size_t close_len)
{
    c->spans = grow_array(c->spans, &c->spans_cap, c->nspans + 1,
                          sizeof *c->spans);
    qspan *s = &c->spans[c->nspans++];
    s->open = open;
    s->in_start = open + 3; /* “ and 「 are three bytes */
    s->in_end = close;
    s->close_end = close + close_len;
    s->state = 0;
}

/* First non-space byte of block b. */
static size_t block_text_start(const actx *c, size_t b)
{
    size_t p = c->bstart[b], e = block_end(c, b);
    while (p < e) {
        size_t l;
        uint32_t uc = char_at(c, p, &l);
        if (!is_space(uc))
            break;
        p += l;
    }
    return p;
}

/* Find the quotation spans.  A second opening mark before a close abandons
   the first (a stray mark); a quote left open at the end of a paragraph
   continues into the next when that one opens with “ (the convention for
   multi-paragraph quotes) or the paragraph was cut mid-sentence. */
static void find_spans(actx *c)
{
    size_t open = NONE;
    uint32_t open_kind = 0;
    for (size_t b = 0; b < c->nb; b++) {
        if (!c->prose[b]) {
            open = NONE;
            continue;
        }
        size_t p = c->bstart[b], e = block_end(c, b);
        size_t first = block_text_start(c, b);
        bool continuing = open != NONE;
        while (p < e) {
            size_t l;
            uint32_t uc = char_at(c, p, &l);
            if (is_quote_open(uc)) {
                if (!(continuing && p == first)) {
                    open = p;
                    open_kind = uc;
                }
            } else if (open != NONE &&
                       ((uc == U'”' && open_kind == U'“') ||
                        (uc == U'」' && open_kind == U'「'))) {
                push_span(c, open, p, l);
                open = NONE;
            }
            if (!is_space(uc))
                continuing = false;
            p += l;
        }
        if (open != NONE) {
            bool next_prose = b + 1 < c->nb && c->prose[b + 1];
            bool next_opens = next_prose &&
                              char_at(c, block_text_start(c, b + 1), NULL) == open_kind;
            bool cut = !ends_sentence_at(c, b, e);
            if (!(next_prose && (next_opens || cut)))
                open = NONE;
        }
    }
}

/* ---- step 2: mentions ---------------------------------------------------- */

static void push_mention(actx *c, size_t pos, size_t end, int person)
{
    c->ments = grow_array(c->ments, &c->ments_cap, c->nments + 1,
                          sizeof *c->ments);
    c->ments[c->nments++] = (mention){pos, end, person};
}

/* The person a bare title (总书记) at pos refers to: the most recent person
   mentioned whose titles end with it, else the only such person.  With
   printed, also the most recent one the article names with the title
   (…中央军委主席习某某, 习某某主席), whatever titles the issue first gave
   them: for a title after a surname (习主席), where the surname has to
   match as well. */
static int resolve_title(const actx *c, const char *title, size_t tl,
                         bool printed)
{
    for (size_t i = c->nments; i-- > 0;) {
        const mention *m = &c->ments[i];
        const person *p = &c->is->people[m->person];
        size_t n = p->titles ? strlen(p->titles) : 0;
        if (n >= tl && memcmp(p->titles + n - tl, title, tl) == 0)
            return m->person;
        if (printed &&
            ((m->pos >= tl && memcmp(c->text + m->pos - tl, title, tl) == 0) ||
             (c->len - m->end >= tl &&
              memcmp(c->text + m->end, title, tl) == 0)))
            return m->person;
    }
    int found = -1;
    for (size_t i = 0; i < c->is->npeople; i++) {
        const person *p = &c->is->people[i];
        size_t n = p->titles ? strlen(p->titles) : 0;
        if (n >= tl && memcmp(p->titles + n - tl, title, tl) == 0) {
            if (found >= 0)
                return -1;
            found = (int)i;
        }
    }
    return found;
}

/* Is the title of tl bytes at pos a courtesy title many people carry
   (同志, 先生: suffix_titles.txt marks them)? */
static bool courtesy_title(const actx *c, size_t pos, size_t tl)
{
    const char *v = lex_value(LEX_SUFFIX_TITLE, c->text + pos, tl);
    return v && strcmp(v, "courtesy") == 0;
}

/* May a reference to a person (a bare title, a surname and title) start
   at pos: at a clause start or after a preposition? */
static bool reference_may_start(const actx *c, size_t pos)
{
    size_t pl;
    uint32_t uc = char_before(c, pos, &pl);
    return !pl || !is_han(uc) || lex_suffix(LEX_PREPOSITION, c->text, pos) > 0;
}

/* The person a surname and a title (习主席, 李总理) at pos refer to: the
   one resolve_title finds for the title, when the name starts with that
   surname; else -1.  *len gets the bytes of surname and title. */
static int resolve_surname_title(const actx *c, size_t pos, size_t end,
                                 size_t *len)
{
    size_t sl = lex_prefix(LEX_SURNAME, c->text + pos, end - pos);
    if (!sl)
        sl = lex_prefix(LEX_WORD_SURNAME, c->text + pos, end - pos);
    size_t tl = sl ? lex_prefix(LEX_SUFFIX_TITLE, c->text + pos + sl,
                                end - pos - sl)
                   : 0;
    if (!tl || courtesy_title(c, pos + sl, tl) || !reference_may_start(c, pos))
        return -1;
    int who = resolve_title(c, c->text + pos + sl, tl, true);
    if (who < 0 || strncmp(c->is->people[who].name, c->text + pos, sl) != 0)
        return -1;
    *len = sl + tl;
    return who;
}

/* Can a bare title at pos refer to a person: at a clause start or after a
   preposition, not followed by the name itself, and not a courtesy title
   many people carry (suffix_titles.txt marks them)? */
static bool title_ref_ok(const actx *c, size_t pos, size_t tl)
{
    if (courtesy_title(c, pos, tl))
        return false;
    size_t nl;
    if (known_person_at(c->is, c->people, c->text + pos + tl,
                        c->len - pos - tl, &nl) >= 0)
        return false;
    return reference_may_start(c, pos);
}

/* Is text[from..to) the first or a middle part of a longer
   transliterated name, a name dot right after it (谢尔盖 of 谢尔盖·拉夫罗夫
   when only 谢尔盖 is known)?  The other person's name is not his. */
static bool inside_dotted_name(const actx *c, size_t to)
{
    size_t l;
    uint32_t after = char_at(c, to, &l);
    return l && is_name_dot(after);
}

/* Find mentions of known people outside quotation marks, in order. */
static void find_mentions(actx *c)
{
    for (size_t b = 0; b < c->nb; b++) {
        const block *bl = &c->is->articles[c->ai].blocks.v[b];
        if (block_kind_is_furniture(bl->kind) || c->too_long[b])
            continue;
        size_t p = c->bstart[b], e = block_end(c, b);
        while (p < e) {
            int sp = span_at(c, p);
            if (sp >= 0 && c->spans[sp].open == p) {
                p = c->spans[sp].close_end;
                continue;
            }
            size_t nl;
            int who = known_person_at(c->is, c->people, c->text + p, e - p, &nl);
            if (who >= 0 && inside_dotted_name(c, p + nl)) {
                p += nl;
                continue;
            }
            if (who >= 0) {
                push_mention(c, p, p + nl, who);
                p += nl;
                continue;
            }
            who = resolve_surname_title(c, p, e, &nl);
            if (who >= 0) {
                push_mention(c, p, p + nl, who);
                p += nl;
                continue;
            }
            size_t tl = lex_prefix(LEX_SUFFIX_TITLE, c->text + p, e - p);
            if (tl && title_ref_ok(c, p, tl)) {
                who = resolve_title(c, c->text + p, tl, false);
                if (who >= 0) {
                    push_mention(c, p, p + tl, who);
                    p += tl;
                    continue;
                }
            }
            size_t l;
            char_at(c, p, &l);
            p += l ? l : 1;
        }
    }
}

/* Index of the first mention at or after pos.  Mentions are pushed in
   text order (find_mentions), so binary search applies. */
static size_t mentions_from(const actx *c, size_t pos)
{
    size_t lo = 0, hi = c->nments;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->ments[mid].pos < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The mention starting exactly at pos, or NULL. */
static const mention *mention_at(const actx *c, size_t pos)
{
    size_t i = mentions_from(c, pos);
    return i < c->nments && c->ments[i].pos == pos ? &c->ments[i] : NULL;
}

/* The most recent mention before pos, or NULL. */
static const mention *mention_before(const actx *c, size_t pos)
{
    size_t i = mentions_from(c, pos);
    return i > 0 ? &c->ments[i - 1] : NULL;
}

/* ---- step 3: speech clauses --------------------------------------------- */

/* Skip connective words at the start of a clause (在, 据, 同时 …:
   frame_words.txt), at most two of them. */
static size_t skip_frame_words(const actx *c, size_t p, size_t end)
{
    for (int round = 0; round < MAX_FRAME_WORDS; round++) {
        size_t l;
        while (p < end && is_space(char_at(c, p, &l)))
            p += l;
        size_t w = p < end ? lex_prefix(LEX_FRAME_WORD, c->text + p, end - p)
                           : 0;
        if (!w)
            break;
        p += w;
    }
    return p;
}

/* The word after a speaker that introduces the topic of their answers
   (某部负责人就有关问题答记者问). */
#define TOPIC_MARKER "就"

/* The mark opening the title of a book or document (《…》), and the word
   citing one as the source of what follows (据《…》记载). */
#define BOOK_TITLE_OPEN "《"
#define SOURCE_FRAME "据"

/* How many transliteration characters (translit_chars.txt) opening a
   sentence, with no person read there, make its subject an unknown
   foreign person (弗里扎林高度认可…): three, as two are often a
   word (安全, 利亚 …). */
enum { UNKNOWN_FOREIGN_SUBJECT_CHARS = 3 };

/* Byte length of 他 or 她 at pos (before end), or 0. */
static size_t pronoun_len(const actx *c, size_t pos, size_t end)
{
    const char *s = c->text + pos;
    return starts_with(s, end - pos, PRONOUN_HE)    ? strlen(PRONOUN_HE)
           : starts_with(s, end - pos, PRONOUN_SHE) ? strlen(PRONOUN_SHE)
                                                    : 0;
}

/* Is pos the start of a pronoun subject 他/她 (not 他们, 他的)? */
static bool pronoun_at(const actx *c, size_t pos, size_t end)
{
    return pronoun_subject_len(c->text + pos, end - pos) > 0;
}

/* The person a pronoun (他/她) at pos refers to: the most recent person
   named before it as more than a possessor or the object of a preposition
   (张三的同事, 向张三反映: those name someone in passing), or -1. */
static bool after_preposition(const actx *c, size_t cs, const mention *m);

/* Where the clause holding byte pos starts: after clause punctuation or
   the start of its paragraph. */
static size_t clause_start_of(const actx *c, size_t pos)
{
    size_t bs = c->bstart[block_of(c, pos)], p = pos;
    while (p > bs) {
        size_t pl;
        uint32_t uc = char_before(c, p, &pl);
        if (is_clause_end(uc))
            break;
        p -= pl;
    }
    return p;
}

/* Does a sentence end in [from, to) of the text? */
static bool sentence_ends_between(const actx *c, size_t from, size_t to)
{
    for (size_t p = from; p < to;) {
        size_t l;
        if (is_sentence_end(char_at(c, p, &l)))
            return true;
        p += l ? l : 1;
    }
    return false;
}

static size_t sentence_begin(const actx *c, size_t pos);

/* The characters of transliteration (translit_chars.txt) that open a
   sentence at pos before any other character, counted up to
   UNKNOWN_FOREIGN_SUBJECT_CHARS. */
static size_t translit_run_at(const actx *c, size_t pos, size_t end)
{
    size_t chars = 0, l;
    while (pos < end && chars < UNKNOWN_FOREIGN_SUBJECT_CHARS) {
        char_at(c, pos, &l);
        if (!l || !lex_has(LEX_TRANSLIT_CHAR, c->text + pos, l))
            break;
        chars++;
        pos += l;
    }
    return chars;
}

/* Does [from, to) hold a middle dot between Han characters (a
   transliterated name, 某某·某某) outside every mention of a person and not
   right before one? */
static bool unread_dotted_name_in(const actx *c, size_t from, size_t to)
{
    size_t i = mentions_from(c, from);
    for (size_t p = from; p < to;) {
        while (i < c->nments && c->ments[i].end <= p)
            i++;
        size_t l;
        uint32_t uc = char_at(c, p, &l);
        if (!l)
            break;
        /* 阿某·哈某 where 哈某 is the person found: the dot joins the
           parts of that person's name */
        bool in_mention = i < c->nments && c->ments[i].pos <= p + l;
        if (!in_mention && is_name_dot(uc) && p > from &&
            is_han(char_before(c, p, NULL)) && p + l < to &&
            is_han(char_at(c, p + l, NULL)))
            return true;
        p += l;
    }
    return false;
}

static bool quote_fills_paragraph(const actx *c, const qspan *s);

/* Does the text stay with the person of mention m from m's paragraph up
   to paragraph b: does every paragraph between them name that person,
   hold words given to them or hold nothing but quoted words?  A
   paragraph about something else in between (美媒报道……; a paragraph
   the page lost) means a 他 opening paragraph b
   is someone else, not the person named further up. */
static bool paragraphs_stay_with(const actx *c, const mention *m, size_t b)
{
    for (size_t k = block_of(c, m->pos) + 1; k < b; k++) {
        bool with = false;
        for (size_t i = mentions_from(c, c->bstart[k]);
             i < c->nments && c->ments[i].pos < block_end(c, k) && !with; i++)
            with = c->ments[i].person == m->person;
        for (size_t i = 0; i < c->nitems && !with; i++)
            with = c->items[i].speaker == m->person &&
                   c->items[i].start >= c->bstart[k] &&
                   c->items[i].start < block_end(c, k);
        /* a paragraph of quoted words only goes on with the one speaking */
        size_t t = block_text_start(c, k);
        int sp = span_opening_at(c, t);
        if (!with && (sp < 0 || !quote_fills_paragraph(c, &c->spans[sp])))
            return false;
    }
    return true;
}

static bool kin_after(const actx *c, size_t p);

/* Where the clause at pos ends: at the first clause punctuation before
   end, else at end. */
static size_t clause_end_from(const actx *c, size_t pos, size_t end)
{
    size_t l;
    while (pos < end && !is_clause_end(char_at(c, pos, &l)))
        pos += l ? l : 1;
    return pos;
}

static int pronoun_antecedent(const actx *c, size_t pos)
{
    size_t b = block_of(c, pos);
    /* 弗里扎林高度认可……，他表示: a sentence about someone whose
       transliterated name the rules did not read as a person; 他 is that
       one, not the last person named. */
    size_t ss = sentence_begin(c, pos);
    size_t sq = skip_frame_words(c, ss, pos);
    if (sq < pos && !mention_at(c, sq) &&
        translit_run_at(c, sq, pos) >= UNKNOWN_FOREIGN_SUBJECT_CHARS)
        return -1;
    /* 骆某某是北京市的一名外卖小哥，他说: the sentence opens with a name
       the rules did not take for a person (a surname and given name, then
       a word that follows names); 他 is that one, not the last person
       named. */
    int strength = FOLLOW_NONE;
    size_t nl = sq < pos && !mention_at(c, sq)
                    ? name_best_at(c->text + sq, pos - sq, &strength) : 0;
    if (nl && strength >= FOLLOW_WORD)
        return -1;
    /* 某国某市市长某某·某某关注……，他希望: a dotted name in the sentence
       that is no person found is whom 他 refers to */
    if (unread_dotted_name_in(c, ss, pos))
        return -1;
    /* Past the first sentence of its paragraph, 他/她 may be someone the
       paragraph introduced that the rules do not know as a person
       (拉斯塔米…参观交流。他告诉记者); only a person of this paragraph
       is then taken. */
    size_t from = b > PRONOUN_MAX_BLOCKS_BACK ? c->bstart[b - PRONOUN_MAX_BLOCKS_BACK] : 0;
    if (sentence_ends_between(c, c->bstart[b], pos))
        from = c->bstart[b];
    int owner = -1;    /* 某某的公司在…: a possessor opening a clause */
    int possessor = -1; /* 贯穿某某的调研路: one elsewhere in a clause */
    int seen = -1;     /* the person of the mentions in reach ... */
    bool mixed = false; /* ... unless there are several */
    for (size_t i = mentions_from(c, pos); i-- > 0;) {
        const mention *m = &c->ments[i];
        if (m->pos < from)
            break;
        mixed = mixed || (seen >= 0 && m->person != seen);
        seen = m->person;
        if (starts_with(c->text + m->end, c->len - m->end, PARTICLE_DE)) {
            size_t mcs = clause_start_of(c, m->pos);
            if (kin_after(c, m->end))
                continue;
            if (owner < 0 && skip_frame_words(c, mcs, m->pos) == m->pos)
                owner = m->person;
            if (possessor < 0)
                possessor = m->person;
            continue;
        }
        if (after_preposition(c, clause_start_of(c, m->pos), m))
            continue;
        /* 有人问某某：“……？”她说: the one asked answers */
        if (lex_suffix(LEX_ASK_VERB, c->text, m->pos) &&
            !kin_after(c, m->end))
            return m->person;
        /* 贯彻习某某总书记…思想: a name after a verb inside its clause is
           an object, not who the text goes on about. */
        size_t cs = clause_start_of(c, m->pos);
        if (m->pos > skip_frame_words(c, cs, m->pos) &&
            !name_boundary_before(c->text, m->pos))
            continue;
        if (!paragraphs_stay_with(c, m, b))
            return -1;
        return m->person;
    }
    /* 某某的公司在深圳。……“……”他说。: with no subject in reach, the one
       whose company, home or work opened a clause, or else was named in
       one (类似场景贯穿某某的调研路。……她说), when no one else is named */
    if (mixed)
        return -1;
    return owner >= 0 ? owner : possessor;
}

/* 这位 "this (person)", opening a description that refers back to the
   last person named (这位来自基层的代表说, 这位老委员感慨道). */
#define DEMONSTRATIVE_ZHEWEI "这位"
/* Such a description is short: longer, it is more than a reference. */
enum { DEMONSTRATIVE_MAX_CHARS = 12 };

/* Who a description opening with 这位 at pos, running to the verb at end,
   refers to: the person a pronoun there would (pronoun_antecedent), when
   the description ends with what that person is, a role suffix their role
   ends with (这位……代表: a 代表) or a title word their titles hold (这位
   院长).  Returns the person, -1 when it refers to no one known, or
   NOT_A_REFERENCE when pos opens no such description. */
enum { NOT_A_REFERENCE = -2 };
static int demonstrative_referent(const actx *c, size_t pos, size_t end)
{
    const char *s = c->text + pos;
    size_t k = strlen(DEMONSTRATIVE_ZHEWEI);
    if (!starts_with(s, end - pos, DEMONSTRATIVE_ZHEWEI))
        return NOT_A_REFERENCE;
    size_t e = pos + k, l;
    size_t chars = 0;
    while (e < end && !is_clause_end(char_at(c, e, &l)) &&
           !lex_prefix(LEX_SPEECH_VERB, c->text + e, end - e) &&
           chars++ < DEMONSTRATIVE_MAX_CHARS)
        e += l ? l : 1;
    if (e == pos + k || chars > DEMONSTRATIVE_MAX_CHARS)
        return NOT_A_REFERENCE;
    size_t sfx = lex_suffix(LEX_ROLE_SUFFIX, c->text + pos + k, e - pos - k);
    size_t title = sfx ? 0 : lex_suffix(LEX_TITLE_WORD, c->text + pos + k,
                                        e - pos - k);
    if (!sfx && !title)
        return NOT_A_REFERENCE;
    int who = pronoun_antecedent(c, pos);
    if (who < 0)
        return -1;
    const person *p = &c->is->people[who];
    if (sfx) {
        size_t rl = p->role ? strlen(p->role) : 0;
        return rl >= sfx && memcmp(p->role + rl - sfx, c->text + e - sfx,
                                   sfx) == 0 ? who : -1;
    }
    return p->titles && memmem(p->titles, strlen(p->titles),
                               c->text + e - title, title) ? who : -1;
}

/* Is mention m (in a clause starting at cs) not a subject: after a staff
   word (记者张三; not one ending a longer title: 某报总编辑张三) or a
   preposition (由张三提出, 对张三说, 站在张三身边; the frames 在张三看来,
   据张三介绍 that open the clause do not count)? */
static bool after_preposition(const actx *c, size_t cs, const mention *m)
{
    size_t staff = lex_suffix(LEX_STAFF_WORD, c->text, m->pos);
    if (staff && lex_suffix(LEX_TITLE_WORD, c->text, m->pos) <= staff)
        return true;
    /* 对母亲某某说: a title or kin word may stand between the preposition
       and the one addressed */
    size_t end = m->pos;
    size_t prep = lex_suffix(LEX_PREPOSITION, c->text + cs, end - cs);
    size_t title = prep ? 0 : lex_suffix(LEX_TITLE_WORD, c->text + cs, end - cs);
    if (title) {
        end -= title;
        prep = lex_suffix(LEX_PREPOSITION, c->text + cs, end - cs);
        /* only right after the subject's name (某某对母亲某某说): 向 of
           方向负责人, 与 of 参与总监 end words, not prepositions */
        const mention *before = prep ? mention_before(c, end - prep) : NULL;
        if (!before || before->end != end - prep)
            prep = 0;
    }
    if (!prep)
        return false;
    size_t at = end - prep, q = cs, l;
    while (q < at && is_space(char_at(c, q, &l)))
        q += l;
    return !(q == at && skip_frame_words(c, at, end) == end);
}

/* Is the text [from, vpos) between a name and its speech verb the
   occasion of the words, 在……时 (5日下午在参加某代表团审议时), 在……中
   (在信中), 在……上 (在座谈会上): 在 near its start, an ending of
   occasion_endings.txt right before the verb?  Then the name is the clause's subject
   however long the occasion is (up to OCCASION_MAX_DISTANCE). */
static bool occasion_before_verb(const actx *c, size_t from, size_t vpos)
{
    if (!lex_suffix(LEX_OCCASION_END, c->text + from, vpos - from) ||
        utf8_count(c->text + from, vpos - from) > OCCASION_MAX_DISTANCE)
        return false;
    size_t p = from;
    for (int chars = 0; chars <= OCCASION_ZAI_MAX_CHARS && p < vpos; chars++) {
        if (lex_prefix(LEX_OCCASION_OPEN, c->text + p, vpos - p))
            return true;
        size_t l;
        uint32_t uc = char_at(c, p, &l);
        if (is_clause_end(uc))
            return false;
        p += l ? l : 1;
    }
    return false;
}

/* Is mention m one name of a list (张某、李某等6位代表发言, 张某、李某
   表示): a 、 or 等 right after it, or a 、 right before it?  A list's
   words are the group's, no one person's. */
static bool mention_in_list(const actx *c, const mention *m, size_t end)
{
    size_t pl;
    return starts_with(c->text + m->end, end - m->end, LIST_COMMA) ||
           starts_with(c->text + m->end, end - m->end, LIST_ETC) ||
           (m->pos > 0 && is_list_comma(char_before(c, m->pos, &pl)));
}

static bool other_mention(const actx *c, size_t from, size_t to, int who);

static size_t after_last_semicolon(const actx *c, size_t from, size_t to);

static bool object_in_clause_of(const actx *c, size_t subject_end, size_t pos);

/* Is another person than the one of mention m named between m and cs,
   other than as an object in m's own clause (甲欢迎乙访华，表示…: 乙 is
   whom 甲 welcomed; 甲和乙表示, 甲访华，乙表示 name another subject)? */
static bool other_subject(const actx *c, const mention *m, size_t cs)
{
    for (size_t i = mentions_from(c, m->pos); i < c->nments &&
                                             c->ments[i].pos < cs; i++)
        if (c->ments[i].person != m->person &&
            !object_in_clause_of(c, m->end, c->ments[i].pos))
            return true;
    return false;
}

/* Byte length of the job title or role that ends right before pos
   (学者某某, 全国人大代表某某), or 0: what may stand between the start of
   a clause and the person opening it. */
static size_t title_before(const actx *c, size_t pos)
{
    size_t title = lex_suffix(LEX_TITLE_WORD, c->text, pos);
    return title ? title : lex_suffix(LEX_ROLE, c->text, pos);
}

/* The person who opens the sentence that goes on at cs, for a clause
   with no subject of its own: the first person the sentence names (after
   its last semicolon: 甲前往某村；乙乘坐高铁，感叹“……”) opens a clause
   (after frame words, or after their role and titles), and no other
   person (but an object of their clause) nor unnamed speaker is named
   between them and cs.  -1 when not. */
static int sentence_opener(const actx *c, size_t cs)
{
    size_t ss = after_last_semicolon(c, sentence_begin(c, cs), cs);
    if (ss >= cs)
        return -1;
    size_t q = skip_frame_words(c, ss, cs);
    size_t i = mentions_from(c, ss);
    if (i >= c->nments || c->ments[i].pos >= cs)
        return -1;
    const mention *m = &c->ments[i];
    size_t first_end = clause_end_from(c, ss, cs);
    /* a turn's label (某某：建议……) is no clause of the sentence */
    if (first_end < cs && is_colon(char_at(c, first_end, NULL)))
        return -1;
    /* the person opens a clause before cs (基于扎实调研，某某提交了…的
       提案，建议…), after frame words, or in the first clause after their
       role and titles */
    bool later = m->pos >= first_end;
    size_t mq = later ? skip_frame_words(c, clause_start_of(c, m->pos), m->pos)
                      : q;
    /* in a later clause the name itself opens it (…，怀念英国首相某某，称…
       names someone the subject recalls) */
    if ((later && m->pos > mq) ||
        (m->pos > mq && !title_before(c, m->pos)) ||
        starts_with(c->text + m->end, cs - m->end, PARTICLE_DE) ||
        kin_after(c, m->end) || other_subject(c, m, cs) ||
        text_has_word(c, m->end, cs, LEX_UNNAMED_SPEAKER, NULL))
        return -1;
    return m->person;
}

/* The person who is the subject of the clause [cs, vpos), or -1.  Sets
   *unnamed when the subject is an unnamed speaker (负责人, 方面 …). */
static int clause_subject(const actx *c, size_t cs, size_t vpos, bool *unnamed)
{
    *unnamed = false;
    size_t q = skip_frame_words(c, cs, vpos);
    /* 某某代表长期关注教育，建议……: a clause with no subject of its own
       goes on with the person who opens its sentence */
    size_t w, f = q;
    while (f < vpos && (w = lex_prefix(LEX_NAME_FOLLOWER, c->text + f, vpos - f)))
        f += w;
    if (f == vpos) {
        int who = sentence_opener(c, cs);
        if (who >= 0)
            return who;
    }
    if (pronoun_at(c, q, vpos) || pronoun_at(c, cs, vpos)) {
        return pronoun_antecedent(c, cs);
    }
    int ref = demonstrative_referent(c, q, vpos);
    if (ref != NOT_A_REFERENCE)
        return ref;
    /* The name printed right before the verb (…管理委员会主任邓某介绍,
       邓某代表介绍) is its subject, whatever the titles before it name. */
    const mention *last = mention_before(c, vpos);
    if (last && last->pos >= cs && !after_preposition(c, cs, last)) {
        size_t gap = last->end, w;
        while (gap < vpos &&
               ((w = role_suffix_at(c->text + gap, vpos - gap)) ||
                (w = lex_prefix(LEX_NAME_FOLLOWER, c->text + gap, vpos - gap))))
            gap += w;
        if (gap == vpos) {
            if (!mention_in_list(c, last, vpos))
                return last->person;
            *unnamed = true;
            return -1;
        }
    }
    for (size_t i = mentions_from(c, cs);
         i < c->nments && c->ments[i].pos < vpos; i++) {
        const mention *m = &c->ments[i];
        if (m->end > vpos) /* the name runs into the verb: not its subject */
            continue;
        if (starts_with(c->text + m->end, vpos - m->end, PARTICLE_DE))
            continue;
        if (after_preposition(c, cs, m))
            continue;
        /* 既聚焦习某某经济思想…阐释: a name inside the clause, neither at its
           start nor after a title, that runs into a word names a thing
           (an object), not the subject. */
        if (m->pos > skip_frame_words(c, cs, vpos) &&
            !name_boundary_before(c->text, m->pos) &&
            name_follower_strength(c->text + m->end, vpos - m->end) == FOLLOW_NONE)
            continue;
        if (utf8_count(c->text + m->end, vpos - m->end) > SUBJECT_MAX_DISTANCE &&
            !occasion_before_verb(c, m->end, vpos))
            continue;
        if (mention_in_list(c, m, vpos)) {
            *unnamed = true;
            return -1;
        }
        return m->person;
    }
    *unnamed = text_has_word(c, cs, vpos, LEX_UNNAMED_SPEAKER, NULL);
    return -1;
}

/* The opening bracket matching the closing one (close) at byte at,
   within the block from bstart and BRACKET_MAX_CHARS characters, with no
   clause punctuation between; NONE when there is none. */
static size_t bracket_open_before(const actx *c, size_t at, size_t bstart,
                                  uint32_t close)
{
    uint32_t open = close == ')' ? '(' : U'（';
    size_t p = at;
    for (int chars = 0; p > bstart && chars <= BRACKET_MAX_CHARS; chars++) {
        size_t pl;
        uint32_t uc = char_before(c, p, &pl);
        p -= pl;
        if (uc == open)
            return p;
        if (is_clause_end(uc) || is_quote_close(uc) || is_quote_open(uc))
            return NONE;
    }
    return NONE;
}

static size_t span_chars(const actx *c, const qspan *s)
{
    return utf8_count(c->text + s->in_start, s->in_end - s->in_start);
}

static bool span_has_punct(const actx *c, const qspan *s)
{
    for (size_t p = s->in_start; p < s->in_end;) {
        size_t l;
        uint32_t uc = char_at(c, p, &l);
        if (is_clause_end(uc) || uc == U'、')
            return true;
        p += l ? l : 1;
    }
    return false;
}

/* Where the “ opens a short quoted term whose ” is at close, inside the
   occasion of a clause's words (在“宣言”中说: an ending of
   occasion_endings.txt right after the ”): at most QUOTED_TERM_MAX_CHARS
   characters, none of them punctuation, and a Han character right before
   the “.  NONE otherwise: elsewhere a quoted term may be a subject's own
   (某某“干女儿”某某称, 某某用“两个逻辑”来分析). */
static size_t quoted_term_open_before(const actx *c, size_t close,
                                      size_t bstart)
{
    size_t cl;
    char_at(c, close, &cl);
    if (!lex_prefix(LEX_OCCASION_END, c->text + close + cl,
                    c->len - close - cl))
        return NONE;
    size_t p = close;
    for (int chars = 0; p > bstart && chars <= QUOTED_TERM_MAX_CHARS;
         chars++) {
        size_t pl;
        uint32_t uc = char_before(c, p, &pl);
        p -= pl;
        if (uc == U'“') {
            uint32_t before = p > bstart ? char_before(c, p, NULL) : 0;
            return chars > 0 && is_han(before) ? p : NONE;
        }
        if (!is_han(uc) && !is_latin(uc) && !is_digit(uc))
            return NONE;
    }
    return NONE;
}

/* Where the clause ending at vpos starts: after clause punctuation, a
   quotation mark or a dash, and before a role the clause continues
   (全国人大代表，上海…的袁国华看来 is one subject). */
static size_t clause_begin(const actx *c, size_t vpos, size_t bstart)
{
    size_t p = vpos;
    while (p > bstart) {
        size_t pl;
        uint32_t uc = char_before(c, p, &pl);
        if ((uc == U'）' || uc == ')') && p - pl > bstart) {
            /* 沃某（Christopher W.）表示, 某大学（深圳）副校长: brackets
               inside the subject are read past. */
            size_t open = bracket_open_before(c, p - pl, bstart, uc);
            if (open != NONE) {
                p = open;
                continue;
            }
        }
        if (uc == U'”') {
            /* 某某在“宣言”中说: a short quoted term inside the clause is
               read past */
            size_t open = quoted_term_open_before(c, p - pl, bstart);
            if (open != NONE) {
                p = open;
                continue;
            }
        }
        if (uc == U'”' || uc == U'“' || uc == U'」' || uc == U'「' ||
            uc == U'—' || uc == U'（' || uc == U'）')
            break;
        if (is_clause_end(uc)) {
            bool after_role = is_comma(uc) &&
                              lex_suffix(LEX_ROLE, c->text + bstart,
                                         p - pl - bstart);
            if (!after_role)
                break;
        }
        p -= pl;
    }
    return p;
}

/* Is the speech verb at v covered by a phrase that is not speech
   (表示感谢, 称为, 据说 …) or used as a noun (的建议, 了…)? */
static bool verb_guarded(const actx *c, size_t v, size_t bstart)
{
    size_t p = v;
    for (int back = 0; back <= GUARD_LOOKBACK_CHARS; back++) {
        size_t g = lex_prefix(LEX_NOT_SPEECH, c->text + p, c->len - p);
        if (g && p + g > v)
            return true;
        if (p <= bstart)
            break;
        p -= utf8_prev_len(c->text, p);
    }
    return lex_suffix(LEX_NOUN_MARKER, c->text + bstart, v - bstart) > 0;
}

/* After a speech verb, at p: whom it addresses, a few Han characters
   that no list names (告诉财新：, 告诉本报记者：), then a colon.  Returns
   where the words after the colon start, or NONE.  Only a colon: after a
   comma such characters are as often the words themselves. */
static size_t addressee_before_colon(const actx *c, size_t p, size_t bend)
{
    size_t l;
    for (int chars = 0; p < bend && chars <= ADDRESSEE_MAX_CHARS; chars++) {
        uint32_t uc = char_at(c, p, &l);
        if (is_colon(uc))
            return chars > 0 ? p + l : NONE;
        if (!is_han(uc))
            return NONE;
        p += l;
    }
    return NONE;
}

/* After a verb ending at ve: an object word (大家, 他们 …), then
   punctuation.  Returns where the reported words could start, or NONE when
   the verb does not end its clause. */
static size_t intro_end_after(const actx *c, size_t ve, size_t bend)
{
    size_t p = ve;
    size_t w = p < bend ? lex_prefix(LEX_SPEECH_OBJECT, c->text + p, bend - p)
                        : 0;
    if (w) {
        uint32_t uc = char_at(c, p + w, NULL);
        if (is_intro_punct(uc) || is_quote_open(uc) || is_clause_end(uc) ||
            p + w >= bend)
            p += w;
    }
    if (p >= bend)
        return p;
    size_t l;
    uint32_t uc = char_at(c, p, &l);
    if (is_intro_punct(uc))
        return p + l;
    /* 习近平总书记强调—— closing its paragraph: the words follow in the
       next one. */
    if (is_dash(uc)) {
        size_t q = p;
        while (q < bend && (is_dash(char_at(c, q, &l)) || is_space(char_at(c, q, NULL))))
            q += l;
        if (q >= bend)
            return bend;
    }
    if (is_quote_open(uc) || is_clause_end(uc))
        return p;
    return addressee_before_colon(c, p, bend);
}

/* Does [from, to) hold only role suffixes and words that follow names
   (代表, 也, 还 …): nothing between a subject and its verb? */
static bool only_followers(const actx *c, size_t from, size_t to)
{
    size_t w;
    while (from < to &&
           ((w = role_suffix_at(c->text + from, to - from)) ||
            (w = lex_prefix(LEX_NAME_FOLLOWER, c->text + from, to - from))))
        from += w;
    return from == to;
}

/* Does the text at s open what was said with a modal (要, 必须, 应当:
   words_openers.txt), not with a noun that begins so (要点, 要害: listed
   as "noun")? */
static bool words_opener_at(const char *s, size_t n)
{
    size_t w = lex_prefix(LEX_WORDS_OPENER, s, n);
    const char *kind = w ? lex_value(LEX_WORDS_OPENER, s, w) : NULL;
    return w && !(kind && strcmp(kind, "noun") == 0);
}

/* Do the words of the speech verb at v (vl bytes) follow it without a
   comma (某某代表建议加大投入)?  Only for a verb of clause_verbs.txt, or
   any speech verb whose words open with a modal (某某强调要…, 某某指出
   必须…: such a verb takes a noun otherwise, 强调…的重要性), printed
   right after a person's name or a pronoun opening the clause (and a
   role suffix or follower words), or opening a clause of a sentence a
   person opens (某某关注教育，建议加大投入), with words after it that do
   not start with a noun marker (表示了…). */
static bool bare_words_after(const actx *c, size_t v, size_t vl, size_t bs,
                             size_t be)
{
    if (v + vl >= be)
        return false;
    if (!lex_has(LEX_CLAUSE_VERB, c->text + v, vl) &&
        !words_opener_at(c->text + v + vl, be - v - vl))
        return false;
    uint32_t uc = char_at(c, v + vl, NULL);
    if (!is_han(uc) || lex_prefix(LEX_NOUN_MARKER, c->text + v + vl, be - v - vl))
        return false;
    const mention *m = mention_before(c, v);
    if (m && m->pos >= bs && m->end <= v && only_followers(c, m->end, v))
        return true;
    /* 他建议医疗机构……: a pronoun opening the clause is as good */
    size_t cs = clause_start_of(c, v);
    size_t q = skip_frame_words(c, cs, v);
    if (pronoun_at(c, q, v) && only_followers(c, q + pronoun_len(c, q, v), v))
        return true;
    /* 某某代表长期关注教育，建议加大投入: a clause with no subject, in a
       sentence that a person opens and no speech verb opens before it
       (某某说，希望…: that clause is part of the words already) */
    return cs > bs && only_followers(c, q, v) && sentence_opener(c, cs) >= 0 &&
           !text_has_word(c, sentence_begin(c, cs), cs, LEX_SPEECH_VERB, NULL);
}

static void push_speech(actx *c, const speech *s)
{
    c->sp = grow_array(c->sp, &c->sp_cap, c->nsp + 1, sizeof *c->sp);
    c->sp[c->nsp++] = *s;
}

static size_t sentence_end_from(const actx *c, size_t pos);

/* A clause ending in a colon whose subject is a person and which counts
   what they cite with a numeral and a measure word (某某代表报出一组数据：,
   某某列举了两个典型案例：): what follows the colon is that person's, as
   after a speech verb.  The person opens the clause (after frame words or
   titles). */
static void cited_clause(actx *c, size_t colon, size_t cl, size_t bs)
{
    size_t cs = clause_begin(c, colon, bs);
    size_t q = skip_frame_words(c, cs, colon);
    size_t i = mentions_from(c, cs);
    if (i >= c->nments || c->ments[i].pos >= colon)
        return;
    const mention *m = &c->ments[i];
    bool opens = m->pos == q ||
                 ((lex_suffix(LEX_TITLE_WORD, c->text + q, m->pos - q) ||
                   lex_suffix(LEX_ROLE, c->text + q, m->pos - q)) &&
                  utf8_count(c->text + q, m->pos - q) <= SUBJECT_MAX_DISTANCE);
    if (!opens || m->end > colon ||
        starts_with(c->text + m->end, colon - m->end, PARTICLE_DE))
        return;
    bool counted = false;
    for (size_t p = m->end; p < colon && !counted;) {
        size_t l;
        uint32_t uc = char_at(c, p, &l);
        counted = cn_numeral_value(uc) && p + l < colon &&
                  lex_prefix(LEX_MEASURE_WORD, c->text + p + l, colon - p - l);
        p += l ? l : 1;
    }
    /* what is cited is a statement, not a word (举了一个例子：核聚变。) */
    size_t se = sentence_end_from(c, colon + cl);
    if (!counted || utf8_count(c->text + colon + cl, se - colon - cl) <
                        STATEMENT_MIN_CHARS)
        return;
    speech s = {0};
    s.cstart = cs;
    s.vstart = colon;
    s.vend = colon;
    s.intro_end = colon + cl;
    s.speaker = m->person;
    push_speech(c, &s);
}

/* Find the speech clauses of every prose block. */
static void find_speech(actx *c)
{
    for (size_t b = 0; b < c->nb; b++) {
        if (!c->prose[b])
            continue;
        size_t bs = c->bstart[b], be = block_end(c, b);
        size_t p = bs;
        while (p < be) {
            int sp = span_at(c, p);
            if (sp >= 0) {
                p = c->spans[sp].close_end;
                continue;
            }
            size_t cl;
            if (is_colon(char_at(c, p, &cl)) &&
                !(c->nsp && c->sp[c->nsp - 1].intro_end == p + cl)) {
                cited_clause(c, p, cl, bs);
                p += cl;
                continue;
            }
            size_t v = lex_prefix(LEX_SPEECH_VERB, c->text + p, be - p);
            size_t intro = v ? intro_end_after(c, p + v, be) : NONE;
            bool bare = false;
            if (v && intro == NONE && bare_words_after(c, p, v, bs, be)) {
                intro = p + v;
                bare = true;
            }
            if (!v || intro == NONE || verb_guarded(c, p, bs)) {
                size_t l;
                char_at(c, p, &l);
                p += l ? l : 1;
                continue;
            }
            speech s = {0};
            s.vstart = p;
            s.vend = p + v;
            s.intro_end = intro;
            s.cstart = clause_begin(c, p, bs);
            /* 看来 is speech only in the frame 在X看来 (a verb marked
               "frame" in speech_verbs.txt); 记得 only after quoted words
               (marked "after"). */
            const char *kind = lex_value(LEX_SPEECH_VERB, c->text + p, v);
            bool frame = kind && strcmp(kind, "frame") == 0;
            if (frame &&
                !starts_with(c->text + s.cstart, p - s.cstart, FRAME_ZAI)) {
                p += v;
                continue;
            }
            /* 记得 (marked "after") only says whose the words just
               quoted are: “……”某某记得，…; 某某记得，那天… is a memory
               told by the writer. */
            bool after_only = kind && strcmp(kind, "after") == 0;
            if (after_only && !(s.cstart > bs &&
                                is_quote_close(char_before(c, s.cstart, NULL)))) {
                p += v;
                continue;
            }
            s.speaker = clause_subject(c, s.cstart, p, &s.unnamed);
            s.bare = bare;
            push_speech(c, &s);
            p += v;
        }
    }
}

/* The speech clause starting at pos, or NULL. */
static const speech *speech_starting(const actx *c, size_t pos)
{
    for (size_t i = 0; i < c->nsp; i++)
        if (c->sp[i].cstart == pos)
            return &c->sp[i];
    return NULL;
}

/* First byte at or after pos that is not a space. */
static size_t next_nonspace(const actx *c, size_t pos)
{
    size_t l;
    while (pos < c->len && is_space(char_at(c, pos, &l)))
        pos += l;
    return pos;
}

/* Is there a speech clause ending in a colon right before pos (X说：“…),
   which introduces the words opening at pos? */
static bool speech_introducing(const actx *c, size_t pos)
{
    for (size_t i = 0; i < c->nsp; i++) {
        const speech *sp = &c->sp[i];
        if (sp->intro_end > sp->vend &&
            is_colon(char_before(c, sp->intro_end, NULL)) &&
            next_nonspace(c, sp->intro_end) == pos)
            return true;
    }
    return false;
}

/* ---- step 4: quotes ----------------------------------------------------- */

static void push_item(actx *c, size_t start, size_t end, quote_kind kind,
                      int speaker)
{
    for (size_t i = 0; i < c->nitems; i++)
        if (c->items[i].start == start && c->items[i].kind == kind)
            return;
    c->items = grow_array(c->items, &c->items_cap, c->nitems + 1,
                          sizeof *c->items);
    c->items[c->nitems++] = (item){start, end, kind, speaker};
}

/* Do the words of quotation s end with sentence punctuation (“……。”)? */
static bool words_end_sentence(const actx *c, const qspan *s)
{
    size_t p = s->in_end;
    while (p > s->in_start) {
        size_t pl;
        uint32_t uc = char_before(c, p, &pl);
        if (!is_space(uc) && !is_quote_close(uc))
            return is_sentence_end(uc);
        p -= pl;
    }
    return false;
}

/* Where the sentence holding pos starts (after 。！？ or the block start;
   quotations inside the sentence are skipped whole). */
static size_t sentence_begin(const actx *c, size_t pos)
{
    size_t bs = c->bstart[block_of(c, pos)];
    size_t p = pos;
    while (p > bs) {
        size_t pl;
        uint32_t uc = char_before(c, p, &pl);
        if (uc == U'”' || uc == U'」') {
            int sp = span_at(c, p - pl);
            /* “……。” followed by more text: the full stop inside the
               quotation ended its sentence (…指出：“……。”规划纲要提出：). */
            if (sp >= 0 && p < pos && words_end_sentence(c, &c->spans[sp]))
                break;
            if (sp >= 0 && c->spans[sp].open >= bs) {
                p = c->spans[sp].open;
                continue;
            }
        }
        if (is_sentence_end(uc))
            break;
        p -= pl;
    }
    return p;
}

/* The position after the character at p, or after the whole quotation
   that opens there; the character in *uc (0 for a quotation). */
static size_t step_over_quotation(const actx *c, size_t p, uint32_t *uc)
{
    size_t l;
    *uc = char_at(c, p, &l);
    int sp = is_quote_open(*uc) ? span_opening_at(c, p) : -1;
    if (sp >= 0) {
        *uc = 0;
        return c->spans[sp].close_end;
    }
    return p + (l ? l : 1);
}

/* Where the last part of [from, to) that a semicolon outside quotations
   begins starts (from when there is none): a semicolon parts a sentence
   into sentences with subjects of their own. */
static size_t after_last_semicolon(const actx *c, size_t from, size_t to)
{
    size_t last = from;
    for (size_t p = from; p < to;) {
        uint32_t uc;
        p = step_over_quotation(c, p, &uc);
        if (is_semicolon(uc))
            last = p;
    }
    return last;
}

/* The person a sentence is about, for a quote opening at pos: the subject
   at the start of one of its clauses, else the only person it names
   after its last semicolon. */
static int sentence_subject(const actx *c, size_t pos)
{
    size_t ss = sentence_begin(c, pos);
    size_t cs = ss;
    while (cs < pos) {
        size_t q = skip_frame_words(c, cs, pos);
        if (pronoun_at(c, q, pos)) {
            return pronoun_antecedent(c, q);
        }
        int ref = demonstrative_referent(c, q, pos);
        if (ref != NOT_A_REFERENCE)
            return ref;
        const mention *m = mention_at(c, q);
        if (!m)
            m = mention_at(c, cs);
        if (m && !starts_with(c->text + m->end, pos - m->end, PARTICLE_DE))
            return m->person;
        /* next clause */
        size_t p = cs;
        while (p < pos) {
            uint32_t uc;
            p = step_over_quotation(c, p, &uc);
            if (is_clause_end(uc))
                break;
        }
        cs = p;
    }
    /* 甲前往某村，了解…；乙乘坐高铁，感叹“……”: a semicolon parts
       sentences with subjects of their own; a person named before it is
       not the one the words after it belong to. */
    size_t from = after_last_semicolon(c, ss, pos);
    int found = -1;
    for (size_t i = mentions_from(c, from);
         i < c->nments && c->ments[i].pos < pos; i++) {
        if (found >= 0 && found != c->ments[i].person)
            return -1;
        found = c->ments[i].person;
    }
    return found;
}

/* Does the quotation end a statement: its words end with 。！？…, or it is
   followed by sentence punctuation, the end of the paragraph, another
   quotation, or an attribution clause? */
static bool span_complete(const actx *c, const qspan *s)
{
    size_t p = s->in_end;
    while (p > s->in_start) {
        size_t pl;
        uint32_t uc = char_before(c, p, &pl);
        if (!is_quote_close(uc) && !is_space(uc)) {
            if (is_sentence_end(uc))
                return true;
            break;
        }
        p -= pl;
    }
    size_t b = block_of(c, s->in_end);
    if (s->close_end >= block_end(c, b))
        return true;
    uint32_t uc = char_at(c, s->close_end, NULL);
    if (is_sentence_end(uc) || is_semicolon(uc) || uc == U'“')
        return true;
    return speech_starting(c, s->close_end) != NULL;
}

/* Does the quotation open a sentence (paragraph start, after 。！？ or
   after another closing quotation mark)? */
static bool span_starts_sentence(const actx *c, const qspan *s)
{
    size_t b = block_of(c, s->open);
    if (s->open <= block_text_start(c, b))
        return true;
    uint32_t uc = char_before(c, s->open, NULL);
    return is_sentence_end(uc) || uc == U'”' || uc == U'」';
}

/* Past the closing mark of s: one 。 or ， and any scare quotes that
   belong to the attribution (“…”“阳光大姐”团队负责人卓长立…). */
static size_t after_span(const actx *c, const qspan *s)
{
    size_t p = s->close_end;
    size_t l;
    uint32_t uc = char_at(c, p, &l);
    if (uc == U'。' || is_comma(uc))
        p += l;
    int sp;
    while ((sp = span_opening_at(c, p)) >= 0 &&
           span_chars(c, &c->spans[sp]) <= SCARE_QUOTE_MAX_CHARS)
        p = c->spans[sp].close_end;
    return p;
}

/* Does speech clause sp state a subject that is no person found: people
   (学生们), a person by occupation (一位老师, 相关负责同志: a title word ends
   the subject), an unnamed speaker (负责人) or a document (规划纲要草案:
   document_words.txt)?  Then its words are that
   speaker's, never the last named one's.  A clause with no subject of its
   own (接着说, 不禁称赞) goes on with the last speaker, and one that opens
   with a person (总书记的寄语) is left to the rules that read the person.
   any_word: the clause follows a quotation (“……”沃某说), where any word
   before the verb but the adverbs leading to it is the speaker's name. */
static bool subject_stated(const actx *c, const speech *sp, bool any_word)
{
    size_t q = skip_frame_words(c, sp->cstart, sp->vstart);
    if (mention_at(c, q) || mention_at(c, sp->cstart))
        return false;
    /* 这位……代表说 refers to a person the rules know */
    if (demonstrative_referent(c, q, sp->vstart) >= 0)
        return false;
    size_t v = sp->vstart, w;
    if (any_word) {
        /* Right after a quotation, any subject before the verb but the
           adverbs that lead to it (“……”又说) is the speaker's name. */
        while (q < v && (w = lex_prefix(LEX_NAME_FOLLOWER, c->text + q, v - q)))
            q += w;
        return q < v;
    }
    if (q >= v)
        return false;
    if (text_has_word(c, q, v, LEX_UNNAMED_SPEAKER, NULL))
        return true;
    /* 《纲要》提出, 审议通过的《某某规定》中明确提到: a book or document,
       named before any person, is the subject; its words are no person's,
       though a person's name is in its title (某某在《诗话》中说 is the
       person's). */
    for (size_t p = q; p < v;) {
        if (starts_with(c->text + p, v - p, BOOK_TITLE_OPEN))
            return true;
        if (mention_at(c, p) || pronoun_at(c, p, v))
            break;
        size_t l;
        char_at(c, p, &l);
        p += l ? l : 1;
    }
    /* The subject ends at the verb or before the adverbs and coverbs that
       lead to it (一位老师也告诉记者, 村民们在会上说 …). */
    for (size_t p = q; p <= v;) {
        bool end = p == v || lex_prefix(LEX_NAME_FOLLOWER, c->text + p, v - p);
        if (end && p > q &&
            (lex_suffix(LEX_TITLE_WORD, c->text + q, p - q) ||
             lex_suffix(LEX_DOCUMENT_WORD, c->text + q, p - q) ||
             ends_with(c->text + q, p - q, PLURAL_MEN)))
            return true;
        if (p == v)
            break;
        size_t l;
        char_at(c, p, &l);
        p += l ? l : 1;
    }
    return false;
}

static int introducer_of(const actx *c, const qspan *s, int *who);
static const speech *introducing_clause(const actx *c, const qspan *s);

/* Do words of speech clause sp's own follow it in its sentence (乙称，B;
   乙希望运动员“B”), rather than the sentence ending at its verb (乙说。)? */
static bool clause_words_follow(const actx *c, const speech *sp)
{
    if (is_sentence_end(char_before(c, sp->intro_end, NULL)))
        return false;
    size_t p = next_nonspace(c, sp->intro_end);
    if (p >= block_end(c, block_of(c, sp->vstart)))
        return false;
    return !is_sentence_end(char_at(c, p, NULL));
}

/* The person whose words follow the colon at pos, when the clause the
   colon ends is no speech clause (某某指向崖壁：, 技术员某某看得认真：):
   the person opening that clause (after frame words or their title), the
   one a 他/她 opening it refers to, or, in a clause naming nobody and no
   unnamed speaker, the one opening the sentence (某某掏出手机，改签了车
   票：).  -1 when the clause opens otherwise: with someone unnamed
   (网友夸某某：, 经营者认了错：), a possessor (某某的母亲强忍泪水：) or a
   person it does not open with (有人问某某：). */
static int colon_clause_owner(const actx *c, size_t pos)
{
    size_t cs = clause_start_of(c, pos);
    size_t q = skip_frame_words(c, cs, pos);
    if (pronoun_at(c, q, pos))
        return pronoun_antecedent(c, q);
    size_t i = mentions_from(c, cs);
    if (i < c->nments && c->ments[i].pos < pos) {
        const mention *m = &c->ments[i];
        size_t title = title_before(c, m->pos);
        /* someone unnamed before the person's own title (学者某某) */
        if ((m->pos != q && !title) ||
            starts_with(c->text + m->end, pos - m->end, PARTICLE_DE) ||
            kin_after(c, m->end) ||
            text_has_word(c, cs, m->pos - title, LEX_UNNAMED_SPEAKER, NULL))
            return -1;
        return m->person;
    }
    if (text_has_word(c, cs, pos, LEX_UNNAMED_SPEAKER, NULL))
        return -1;
    return cs > sentence_begin(c, cs) ? sentence_opener(c, cs) : -1;
}

/* Attribute quotation s from a speech clause right after it (“…”X说。) or
   a dash and a sentence ending in a speech verb (“…”——…习近平…这样说。).
   Returns 1 attributed, -1 attributed to nobody nameable, 0 no clause. */
static int attribute_after(actx *c, qspan *s)
{
    size_t p = after_span(c, s);
    const speech *sp = speech_starting(c, p);
    if (sp && span_chars(c, s) < STATEMENT_MIN_CHARS && !span_has_punct(c, s))
        return 0; /* a term in quotation marks, not words said */
    /* 某某的母亲强忍泪水：“A。”乙饱含深情地说：“B。” — words right after
       a colon are those of the clause the colon ends, even when it is no
       speech clause: not of the person named after them. */
    size_t cl;
    if (sp && !introducing_clause(c, s) &&
        is_colon(char_before(c, s->open, &cl))) {
        int owner = colon_clause_owner(c, s->open - cl);
        if (owner < 0)
            return -1;
        push_item(c, s->in_start, s->in_end, QUOTE_DIRECT, owner);
        return 1;
    }
    /* “A”。乙称，B; 甲将其视为“A”。乙则希望运动员“B” — the full stop
       after the closing mark ended A's sentence: a speech clause after it
       that goes on with words of its own (after a comma, or bare) reports
       them, not A; only one ending its sentence (“A”。乙说。) may be A's. */
    if (sp && char_at(c, s->close_end, NULL) == U'。' &&
        clause_words_follow(c, sp))
        return 0;
    /* 甲说：“A。”乙说：“B。”; 甲指出：“A。”乙也曾提到，“B” — a clause
       right before A that introduces it says whose A is (or that it is
       nobody nameable's: 记者问：“A？”乙说); the person named after it
       introduces what follows. */
    if (sp && speech_introducing(c, s->open) &&
        speech_introducing(c, next_nonspace(c, sp->intro_end)))
        return 0;
    const speech *ic = sp && sp->speaker >= 0 ? introducing_clause(c, s) : NULL;
    if (ic) {
        int introducer = -1;
        int r = introducer_of(c, s, &introducer);
        if (r != 0 && introducer != sp->speaker)
            return 0;
        /* 同事打趣说：“A。”乙说 — a colon names A's speaker even when
           the page does not name them. */
        if (r == 0 && is_colon(char_before(c, ic->intro_end, NULL)))
            return 0;
    }
    if (sp) {
        if (sp->speaker < 0)
            return sp->unnamed || subject_stated(c, sp, true) ? -1 : 0;
        push_item(c, s->in_start, s->in_end, QUOTE_DIRECT, sp->speaker);
        return 1;
    }
    if (!starts_with(c->text + s->close_end, c->len - s->close_end, "——"))
        return 0;
    size_t b = block_of(c, s->close_end), be = block_end(c, b);
    size_t q = s->close_end;
    while (q < be && !is_sentence_end(char_at(c, q, NULL))) {
        size_t l;
        char_at(c, q, &l);
        q += l ? l : 1;
    }
    for (size_t i = 0; i < c->nsp; i++) {
        const speech *x = &c->sp[i];
        if (x->vstart > s->close_end && x->vend == q) {
            int who = x->speaker >= 0 ? x->speaker : sentence_subject(c, x->vstart);
            if (who < 0)
                return -1;
            push_item(c, s->in_start, s->in_end, QUOTE_DIRECT, who);
            return 1;
        }
    }
    return 0;
}

/* The speech clause whose words open right after it at quotation s
   (X说：“…”, 强调“…”), or NULL. */
static const speech *introducing_clause(const actx *c, const qspan *s)
{
    for (size_t i = 0; i < c->nsp; i++) {
        const speech *sp = &c->sp[i];
        size_t p = sp->intro_end, l;
        while (p < s->open && is_space(char_at(c, p, &l)))
            p += l;
        if (p == s->open)
            return sp;
    }
    return NULL;
}

/* Does speech clause sp end without punctuation before its words
   (强调“…”), rather than with a colon or comma (说：“…”)? */
static bool clause_is_bare(const actx *c, const speech *sp)
{
    return sp->intro_end == sp->vend ||
           !is_intro_punct(char_before(c, sp->intro_end, NULL));
}

/* The speaker of a speech clause just before quotation s that
   introduces it (X说：“…”, 强调“…”), in *who.  Returns 1 when the clause
   names a person, -1 when its subject is nobody nameable (记者问：,
   负责人说：, 《纲要》提出), 0 when no clause introduces s. */
static int introducer_of(const actx *c, const qspan *s, int *who)
{
    const speech *sp = introducing_clause(c, s);
    if (!sp)
        return 0;
    if (clause_is_bare(c, sp) && span_chars(c, s) < STATEMENT_MIN_CHARS &&
        !span_has_punct(c, s))
        return 0;
    if (!span_complete(c, s))
        return 0;
    *who = sp->speaker;
    bool stated = *who < 0 && subject_stated(c, sp, false);
    if (*who < 0 && !sp->unnamed && !stated)
        *who = sentence_subject(c, sp->vstart);
    if (*who < 0)
        return sp->unnamed || stated ? -1 : 0;
    return 1;
}

/* Attribute quotation s from a speech clause just before it (X说：“…”,
   强调“…”).  Returns 1, -1 or 0 like attribute_after. */
static int attribute_before(actx *c, qspan *s)
{
    int who = -1;
    int r = introducer_of(c, s, &who);
    if (r > 0)
        push_item(c, s->in_start, s->in_end, QUOTE_DIRECT, who);
    return r;
}

/* Words that fill their paragraph under a paragraph ending with a colon
   (某公司首席财务官某某给出了回应： / “……”): the person the sentence
   before the colon is about says them, as when the colon and the words
   share a paragraph.  1 when attributed, else 0. */
static int attribute_colon_above(actx *c, qspan *s)
{
    size_t b = block_of(c, s->open);
    if (b == 0 || !c->prose[b - 1] || s->open != block_text_start(c, b) ||
        !quote_fills_paragraph(c, s))
        return 0;
    size_t e = block_end(c, b - 1), l;
    while (e > c->bstart[b - 1] && is_space(char_before(c, e, &l)))
        e -= l;
    if (e <= c->bstart[b - 1] || !is_colon(char_before(c, e, &l)))
        return 0;
    int who = sentence_subject(c, e - l);
    if (who < 0)
        return 0;
    push_item(c, s->in_start, s->in_end, QUOTE_DIRECT, who);
    return 1;
}

/* Do the words of quotation s name person who (“……但某某却说，……”)?
   People do not name themselves: words about them that the sentence only
   places next to them are someone else's account. */
static bool words_name(const actx *c, const qspan *s, int who)
{
    const char *name = c->is->people[who].name;
    return name && *name && s->in_end > s->in_start &&
           memmem(c->text + s->in_start, s->in_end - s->in_start, name,
                  strlen(name)) != NULL;
}

/* Does a speech clause of someone other than who open the sentence that
   quotation opening at pos is in (同学某某回忆，每次碰到她，她总是笑着打
   招呼，“……”)?  Then the sentence is that speaker's account, and the
   words in it theirs, not those of the person the account is about. */
static bool other_speaker_opens_sentence(const actx *c, size_t pos, int who)
{
    size_t ss = after_last_semicolon(c, sentence_begin(c, pos), pos);
    for (size_t i = 0; i < c->nsp; i++) {
        const speech *sp = &c->sp[i];
        if (sp->cstart < ss || sp->intro_end > pos)
            continue;
        /* the first speech clause of the sentence, when it opens it */
        return skip_frame_words(c, ss, sp->cstart) >= sp->cstart &&
               sp->speaker != who && !sp->bare;
    }
    return false;
}

/* Attribute quotation s opened after a colon or comma in a sentence about
   a person (她在现场展示手语：“…”, 他深刻感受到，“…”); not the text of a
   banner or sign the clause names (送了一面锦旗：“…”: cited_words.txt). */
static int attribute_colon(actx *c, qspan *s)
{
    size_t ul;
    uint32_t uc = char_before(c, s->open, &ul);
    if (!span_complete(c, s) || span_chars(c, s) < COLON_QUOTE_MIN_CHARS)
        return 0;
    if (!is_intro_punct(uc))
        return attribute_colon_above(c, s);
    /* 据《某某年谱》记载，“…”, 《某某条例》明确规定：“…”: the clause
       opening the words has a book or document as its subject (cited with
       据, or saying them), whose words they are, not the person the
       sentence is about (nor one named in the title). */
    size_t cs = clause_start_of(c, s->open - ul);
    size_t q = skip_frame_words(c, cs, s->open);
    if (starts_with(c->text + q, s->open - q, BOOK_TITLE_OPEN) &&
        (starts_with(c->text + next_nonspace(c, cs), s->open - cs,
                     SOURCE_FRAME) ||
         lex_suffix(LEX_SPEECH_VERB, c->text + cs, s->open - ul - cs)))
        return -1;
    /* 甲兴致盎然，乙有感而发：“…”: a person opening the clause right
       before the colon is the one whose words follow, whoever opens the
       sentence */
    const mention *m = mention_at(c, q);
    int who = m && !starts_with(c->text + m->end, s->open - m->end,
                                PARTICLE_DE)
                  ? m->person
                  : sentence_subject(c, s->open);
    if (who < 0 || other_speaker_opens_sentence(c, s->open, who) ||
        words_name(c, s, who) ||
        text_has_word(c, cs, s->open, LEX_CITED_WORD, "object"))
        return 0;
    push_item(c, s->in_start, s->in_end, QUOTE_DIRECT, who);
    return 1;
}

static int item_cmp(const void *a, const void *b)
{
    const item *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Is there a mention of someone other than who in [from, to)? */
static bool other_mention(const actx *c, size_t from, size_t to, int who)
{
    for (size_t i = mentions_from(c, from);
         i < c->nments && c->ments[i].pos < to; i++)
        if (c->ments[i].person != who)
            return true;
    return false;
}

/* Is anyone mentioned in [from, to)? (-2 is nobody's index.) */
static bool any_mention(const actx *c, size_t from, size_t to)
{
    return other_mention(c, from, to, -2);
}

/* The last item starting in [from, to), or NULL. */
static const item *last_item_in(const actx *c, size_t from, size_t to)
{
    const item *best = NULL;
    for (size_t i = 0; i < c->nitems; i++)
        if (c->items[i].start >= from && c->items[i].start < to &&
            (!best || c->items[i].start > best->start))
            best = &c->items[i];
    return best;
}

/* Where the sentence that goes on at pos ends: its 。！？ (quotations
   inside it skipped whole) or the end of the paragraph. */
static size_t sentence_end_from(const actx *c, size_t pos)
{
    size_t be = block_end(c, block_of(c, pos));
    size_t p = pos;
    while (p < be) {
        int sp = span_opening_at(c, p);
        if (sp >= 0) {
            p = c->spans[sp].close_end;
            continue;
        }
        size_t l;
        uint32_t uc = char_at(c, p, &l);
        if (is_sentence_end(uc))
            break;
        p += l ? l : 1;
    }
    return p < be ? p : be;
}

/* Does the clause from pos (to the next clause punctuation, before end)
   end with 时 "when" (某某代表入村调研时，): a time clause? */
static bool clause_is_time(const actx *c, size_t pos, size_t end)
{
    size_t p = clause_end_from(c, pos, end);
    return ends_with(c->text + pos, p - pos, TIME_SHI);
}

/* Is a person mentioned at pos, after the first person of the clause
   ended at subject_end, an object in that person's clause: the clause goes
   on to pos with no punctuation and with words between the two (…习近平
   主席在某地会见某国总理某某时说: the one met), not a second subject
   joined to the first (张三和李四说)? */
static bool object_in_clause_of(const actx *c, size_t subject_end, size_t pos)
{
    if (pos <= subject_end || clause_start_of(c, pos) > subject_end)
        return false;
    return utf8_count(c->text + subject_end, pos - subject_end) >
           OBJECT_MIN_GAP_CHARS;
}

/* The person the sentence going on after quotation s is about (“……”谈到
   此事，某区区长张三代表感触颇深。): the one person it names, not as a
   possessor (张三的) nor after a preposition (对张三), who speaks in it.
   Returns the person, NOBODY_NAMED when it names no one, SEVERAL_NAMED
   when it names someone who is not the speaker (more than one person,
   one in passing, or one who does not speak in it). */
enum { NOBODY_NAMED = -1, SEVERAL_NAMED = -2 };


/* Do the clauses in [from, to), between quoted words and the clause of
   the person named after them, say whose the words are: an unnamed
   speaker and a speech verb after it (“……”企业负责人说着，某某…), or a
   word that says they were read or heard (看到这句话，某某…)?  Then the
   person met the words; they did not say them.  A clause without such a
   subject (回忆着当年…，某某…; 看着工作人员安装…，某某…; 跟记者聊起…，
   某某…) is the person's. */
static bool words_met_before(const actx *c, size_t from, size_t to)
{
    if (text_has_word(c, from, to, LEX_CITED_WORD, NULL))
        return true;
    size_t unnamed = NONE; /* an unnamed speaker in the current clause */
    for (size_t p = from; p < to;) {
        size_t l;
        uint32_t uc = char_at(c, p, &l);
        if (is_clause_end(uc)) {
            unnamed = NONE;
        } else if (unnamed == NONE &&
                   lex_prefix(LEX_UNNAMED_SPEAKER, c->text + p, to - p) &&
                   !lex_suffix(LEX_PREPOSITION, c->text + from, p - from)) {
            unnamed = p;
        } else if (unnamed != NONE &&
                   lex_prefix(LEX_SPEECH_VERB, c->text + p, to - p)) {
            return true;
        }
        p += l ? l : 1;
    }
    return false;
}

static int person_after_quote(const actx *c, const qspan *s)
{
    size_t from = s->close_end;
    if (from >= block_end(c, block_of(c, s->in_end)))
        return NOBODY_NAMED;
    size_t to = sentence_end_from(c, from);
    int who = NOBODY_NAMED;
    size_t first = from, first_pos = from;
    for (size_t i = mentions_from(c, from);
         i < c->nments && c->ments[i].pos < to; i++) {
        const mention *m = &c->ments[i];
        if (who >= 0 && m->person != who &&
            object_in_clause_of(c, first, m->pos))
            continue;
        /* “……”甲等人以此为指引, “……”甲、乙表示: a group's words, no
           one person's. */
        if (mention_in_list(c, m, to))
            return SEVERAL_NAMED;
        if (who >= 0 && m->person != who)
            return SEVERAL_NAMED;
        bool passing =
            starts_with(c->text + m->end, to - m->end, PARTICLE_DE) ||
            lex_suffix(LEX_PREPOSITION, c->text + from, m->pos - from) ||
            lex_suffix(LEX_STAFF_WORD, c->text + from, m->pos - from);
        /* “……”某某的姐姐某某说: the one named is the kin who follows */
        if (who < 0 && passing && kin_after(c, m->end))
            continue;
        if (who < 0 && passing)
            return SEVERAL_NAMED;
        if (who < 0) {
            first = m->end;
            first_pos = m->pos;
        }
        who = m->person;
    }
    if (who < 0)
        return NOBODY_NAMED;
    if (words_met_before(c, from, clause_start_of(c, first_pos)))
        return SEVERAL_NAMED;
    /* The person must speak in it (这样形容, 提出建议) or be given words
       of its own; a person who only acts in it (入村调研时) heard them. */
    for (size_t p = first; p < to;) {
        if (lex_prefix(LEX_SPEECH_VERB, c->text + p, to - p) &&
            !verb_guarded(c, p, c->bstart[block_of(c, p)]))
            return who;
        size_t l;
        char_at(c, p, &l);
        p += l ? l : 1;
    }
    for (size_t i = 0; i < c->nitems; i++)
        if (c->items[i].speaker == who && c->items[i].start >= from &&
            c->items[i].start < to)
            return who;
    /* “……。”某某代表身着盛装: the delegate the page introduces right
       after the words, by name and role suffix, in a main clause (not a
       time clause: 某某代表调研时, where the words were heard). */
    size_t sfx = role_suffix_at(c->text + first, to - first);
    if (sfx && !clause_is_time(c, first + sfx, to))
        return who;
    /* “……？”焦某试着拨通了电话。: the person opening a main clause right
       after the words, when nothing in the sentence says the words were
       someone else's (一位老人的诉苦让他…, 群众的这句话让他…: a pronoun
       or an unnamed speaker after the name). */
    size_t cs = clause_start_of(c, first_pos);
    bool opens = skip_frame_words(c, cs, first_pos) == first_pos ||
                 lex_suffix(LEX_TITLE_WORD, c->text + cs, first_pos - cs);
    bool others = text_has_word(c, first, to, LEX_UNNAMED_SPEAKER, NULL);
    for (size_t p = first; p < to && !others;) {
        size_t l;
        if (pronoun_at(c, p, to))
            others = true;
        char_at(c, p, &l);
        p += l ? l : 1;
    }
    if (opens && !others && !clause_is_time(c, first, to))
        return who;
    return SEVERAL_NAMED;
}

/* Do item it's words run to the end of their paragraph (only closing
   marks, sentence punctuation and an attribution after them: “……”张三说。)?
   Then the next paragraph may go on with them; a paragraph that goes on
   with the narrator's words after them hands over to the narrator. */
/* The first position in [p, end) that is not a closing quotation mark,
   a space or a character of class mark (sentence ends, or any Chinese
   punctuation); end when there is none. */
static size_t skip_closing_marks(const actx *c, size_t p, size_t end,
                                 bool (*mark)(uint32_t))
{
    while (p < end) {
        size_t l;
        uint32_t uc = char_at(c, p, &l);
        if (!is_quote_close(uc) && !mark(uc) && !is_space(uc))
            break;
        p += l ? l : 1;
    }
    return p;
}

static bool words_end_paragraph(const actx *c, const item *it)
{
    size_t b = block_of(c, it->start), be = block_end(c, b);
    size_t p = skip_closing_marks(c, it->end, be, is_sentence_end);
    if (p >= be)
        return true;
    const speech *sp = speech_starting(c, p);
    if (!sp || sp->speaker != it->speaker)
        return false;
    size_t end = sentence_end_from(c, sp->vend), l = 0;
    char_at(c, end, &l);
    return end + l >= be;
}

/* Do item it's words reach pos, with only closing marks, punctuation and
   an attribution of theirs between (“A。”张三说。“B。”)?  A sentence of
   the narrator's between (随后，他带记者参观了车间。) hands over to the
   narrator. */
static bool words_reach(const actx *c, const item *it, size_t pos)
{
    size_t p = it->end;
    for (int round = 0; round < 2; round++) {
        p = skip_closing_marks(c, p, pos, is_cjk_punct);
        if (p >= pos)
            return true;
        const speech *sp = speech_starting(c, p);
        if (!sp || round)
            return false;
        p = sp->intro_end > sp->vend ? sp->intro_end : sp->vend;
    }
    return p >= pos;
}

/* Is the paragraph of s, after s, only more quotation (punctuation,
   further quotations)?  A quotation followed by the narrator's own words
   (“西方不亮东方亮。”一季度，我国…) is the narrator's framing, not the last
   speaker going on. */
static bool quote_fills_paragraph(const actx *c, const qspan *s)
{
    size_t be = block_end(c, block_of(c, s->in_end));
    size_t p = s->close_end;
    /* “……”接着又补充说。: a speech clause without a subject of its own
       goes on with the speaker (attribute_after left it to context). */
    if (speech_starting(c, after_span(c, s)))
        return true;
    while (p < be) {
        int sp = span_opening_at(c, p);
        if (sp >= 0) {
            p = c->spans[sp].close_end;
            continue;
        }
        size_t l;
        uint32_t uc = char_at(c, p, &l);
        if (!is_space(uc) && !is_cjk_punct(uc) && !is_quote_close(uc))
            return false;
        p += l ? l : 1;
    }
    return true;
}

/* Does 的 and a person noun (a title word: 妻子, 同事, 母亲 …) follow at p:
   someone of the one named before, not that one? */
static bool kin_after(const actx *c, size_t p)
{
    size_t de = strlen(PARTICLE_DE);
    if (!starts_with(c->text + p, c->len - p, PARTICLE_DE))
        return false;
    size_t w = lex_prefix(LEX_TITLE_WORD, c->text + p + de, c->len - p - de);
    return w > 0;
}

/* Does the clause at p, right after a quotation, open with someone the
   words may be theirs who is no person found: someone's kin (他的妻子
   接过话茬, 某某的妻子…) or an unnamed speaker (一位村民笑着说)?  Then the words are not
   carried on from the last speaker. */
static bool someone_else_after(const actx *c, size_t p)
{
    size_t end = block_end(c, block_of(c, p));
    size_t e = clause_end_from(c, p, end);
    if (e == p)
        return false;
    size_t k = pronoun_len(c, p, e);
    if (k && kin_after(c, p + k))
        return true;
    const mention *m = mention_at(c, p); /* 某某的妻子接过话茬 */
    if (m && kin_after(c, m->end))
        return true;
    return lex_prefix(LEX_UNNAMED_SPEAKER, c->text + p, e - p) > 0;
}

/* Does a clause in [from, to) open with a name the rules did not take for
   a person (a surname and given name, then a word that follows names:
   某某是检察官，她对此十分关注。“……”)?  The paragraph has moved on to
   someone; words after it are not carried on from the paragraph above. */
static bool unread_name_opens_clause(const actx *c, size_t from, size_t to)
{
    for (size_t p = from; p < to;) {
        size_t q = skip_frame_words(c, p, to);
        int strength = FOLLOW_NONE;
        if (q < to && !mention_at(c, q) &&
            name_best_at(c->text + q, to - q, &strength) &&
            strength >= FOLLOW_WORD)
            return true;
        while (p < to) {
            size_t l;
            uint32_t uc = char_at(c, p, &l);
            p += l ? l : 1;
            if (is_clause_end(uc))
                break;
        }
    }
    return false;
}

/* The person whose words quotation s is when nobody is named next to it
   but the sentence right before it, in its paragraph, is about one person
   and no one else (某某反复打磨手里的新提案。“最近一年来，我在调研中
   发现……”; 某某的公司在……。“我这是……”): the words are a sentence of
   their own (full stop inside the marks; no question), do not name that
   person nor open with 他/她, and nothing after them says they were read
   (这句话 …).  -1 when not. */
static int subject_before_words(const actx *c, const qspan *s, size_t bs)
{
    size_t l;
    if (s->open <= bs || !words_end_sentence(c, s) ||
        !is_sentence_end(char_before(c, s->open, &l)))
        return -1;
    /* a question may as well be put to the person (“护理员？……吗？”同学
       的随口一句); words that open with 他/她 are about someone */
    size_t e = s->in_end, ql;
    while (e > s->in_start && is_quote_close(char_before(c, e, &ql)))
        e -= ql;
    if (e > s->in_start && char_before(c, e, NULL) == U'？')
        return -1;
    if (pronoun_len(c, s->in_start, s->in_end))
        return -1;
    size_t end = s->open - l, from = sentence_begin(c, end);
    int who = sentence_subject(c, end);
    if (who < 0 || other_mention(c, from, s->open, who) ||
        text_has_word(c, from, s->open, LEX_UNNAMED_SPEAKER, NULL) ||
        words_name(c, s, who))
        return -1;
    for (size_t i = mentions_from(c, from);
         i < c->nments && c->ments[i].pos < s->open; i++)
        if (c->ments[i].person == who && kin_after(c, c->ments[i].end))
            return -1;
    size_t after = sentence_end_from(c, s->close_end);
    if (text_has_word(c, s->close_end, after, LEX_CITED_WORD, NULL))
        return -1;
    /* “……”一家企业负责人当场拍板: someone unnamed in the clause right
       after the words said them */
    size_t clause = clause_end_from(c, s->close_end, after);
    if (text_has_word(c, s->close_end, clause, LEX_UNNAMED_SPEAKER, NULL))
        return -1;
    return who;
}

/* A quoted sentence nobody is named next to: it belongs to the person
   named right after it or in the rest of its sentence, or continues the
   words of the last speaker in this paragraph or at the end of the
   previous one.  A speaker named in the quote's own sentence always wins
   over the words carried on. */
static void attribute_context(actx *c, qspan *s)
{
    if (!span_starts_sentence(c, s) || !span_complete(c, s) ||
        span_chars(c, s) < STATEMENT_MIN_CHARS)
        return;
    size_t p = s->close_end;
    if (char_at(c, p, NULL) == U'。')
        p += 3;
    const mention *m = mention_at(c, p);
    /* “……”某某的妻子接过话茬: the person's kin or colleague is someone
       else (某某的答案很朴素 is the person's own) */
    if (m && !kin_after(c, m->end)) {
        push_item(c, s->in_start, s->in_end, QUOTE_DIRECT, m->person);
        s->state = 1;
        return;
    }
    int named = person_after_quote(c, s);
    if (named >= 0) {
        push_item(c, s->in_start, s->in_end, QUOTE_DIRECT, named);
        s->state = 1;
        return;
    }
    if (named == SEVERAL_NAMED)
        return;
    size_t b = block_of(c, s->open), bs = c->bstart[b];
    if (someone_else_after(c, p))
        return;
    const item *it = last_item_in(c, bs, s->open);
    if (it && !other_mention(c, it->start, s->open, it->speaker) &&
        words_reach(c, it, s->open)) {
        push_item(c, s->in_start, s->in_end, QUOTE_DIRECT, it->speaker);
        s->state = 1;
        return;
    }
    /* “……”某某说。条例通过后，他立即着手…。“……”: past a sentence of
       its own, words go with that sentence's subject, as they would with
       no words before */
    if (any_mention(c, bs, s->open)) {
        int who = subject_before_words(c, s, bs);
        if (who >= 0) {
            push_item(c, s->in_start, s->in_end, QUOTE_DIRECT, who);
            s->state = 1;
        }
        return;
    }
    if (b == 0 || !c->prose[b - 1] || unread_name_opens_clause(c, bs, s->open))
        return;
    /* “坚持发扬民主、集思广益”。 standing alone, its full stop outside
       the marks, cites a phrase (a principle, a slogan, a title); words
       said go on with their own full stop inside. */
    it = last_item_in(c, c->bstart[b - 1], bs);
    if (it && !other_mention(c, it->start, bs, it->speaker) &&
        words_end_paragraph(c, it) && quote_fills_paragraph(c, s) &&
        words_end_sentence(c, s)) {
        push_item(c, s->in_start, s->in_end, QUOTE_DIRECT, it->speaker);
        s->state = 1;
    }
}

/* Could quotation s be a statement of its own (so an indirect quote before
   it stops there)? */
static bool span_is_statement(const actx *c, const qspan *s)
{
    if (s->state == 1)
        return true;
    if (!span_complete(c, s) || span_chars(c, s) < STATEMENT_MIN_CHARS)
        return false;
    uint32_t uc = char_before(c, s->open, NULL);
    return span_starts_sentence(c, s) || is_intro_punct(uc);
}

/* Does speech clause x state a subject of its own before its verb that
   is a body or an office holder: it ends with a title word (某国总统), a
   place or body ending (某国卫生部) or 方 (中方, 某国军方)?  Not 我们一致
   认为 or 又说, which go on with the speaker. */
static bool clause_has_subject(const actx *c, const speech *x)
{
    size_t q = skip_frame_words(c, x->cstart, x->vstart), e = x->vstart, l;
    /* the subject ends before the words that lead to the verb (也, 11日) */
    for (size_t p = q; p < e;) {
        if (lex_prefix(LEX_NAME_FOLLOWER, c->text + p, e - p) ||
            is_digit(char_at(c, p, NULL))) {
            e = p;
            break;
        }
        char_at(c, p, &l);
        p += l ? l : 1;
    }
    if (e <= q)
        return false;
    char_before(c, e, &l);
    return lex_suffix(LEX_TITLE_WORD, c->text + q, e - q) ||
           lex_has(LEX_PLACE_ENDING, c->text + e - l, l) ||
           ends_with(c->text + q, e - q, SIDE_FANG);
}

/* Emit the indirect quote of speech clause sp: the words after it to the
   end of the paragraph (continued over a cut line), stopping before the
   next attributed statement. */
static void emit_indirect(actx *c, const speech *sp)
{
    if (sp->speaker < 0 || (sp->intro_end == sp->vend && !sp->bare))
        return;
    uint32_t pc = char_before(c, sp->intro_end, NULL);
    if (!is_intro_punct(pc) && !is_dash(pc) && !sp->bare)
        return;
    size_t ts = sp->intro_end, l;
    uint32_t tc;
    while (ts < c->len && ((tc = char_at(c, ts, &l)) == '\n' || is_space(tc)))
        ts += l;
    int sidx = span_opening_at(c, ts);
    if (sidx >= 0 && c->spans[sidx].state == 1)
        return;
    size_t b = block_of(c, ts);
    size_t te = block_end(c, b);
    for (int ext = 0;
         ext < INDIRECT_MAX_MORE_BLOCKS && !ends_sentence_at(c, b, te) &&
                      b + 1 < c->nb && c->prose[b + 1]; ext++)
        te = block_end(c, ++b);
    if (sp->bare) {
        /* words without a comma: the one sentence they are the end of */
        size_t se = sentence_end_from(c, ts), l = 0;
        char_at(c, se, &l);
        if (se + l < te)
            te = se + l;
    }
    for (size_t i = 0; i < c->nspans; i++) {
        const qspan *s = &c->spans[i];
        if (s->open > ts && s->open < te && span_is_statement(c, s))
            te = s->open;
    }
    /* Someone else's statement ends it: a named speaker anywhere, an
       unnamed one (有关负责人表示，) or a body (某国军方称，) only where a
       sentence starts. */
    for (size_t i = 0; i < c->nsp; i++) {
        const speech *x = &c->sp[i];
        if (x->cstart <= ts || x->cstart >= te)
            continue;
        bool opens = sentence_begin(c, x->cstart) == x->cstart;
        if (x->speaker >= 0 || (x->unnamed && opens) ||
            (opens && x->speaker < 0 && clause_has_subject(c, x)))
            te = x->cstart;
    }
    while (te > ts) {
        size_t pl;
        uint32_t uc = char_before(c, te, &pl);
        if (!is_space(uc) && uc != '\n' && uc != U'，' && uc != ',' &&
            uc != U'、' && uc != U'：' && uc != ':' && uc != U'；')
            break;
        te -= pl;
    }
    /* 他认为，……凸显某某此行……: words whose first sentence names the one
       他 was taken for are about that person, not theirs; the pronoun
       meant someone the rules did not find */
    size_t q = skip_frame_words(c, sp->cstart, sp->vstart);
    if (te > ts && pronoun_at(c, q, sp->vstart)) {
        size_t first_end = sentence_end_from(c, ts);
        if (text_has(c, ts, first_end < te ? first_end : te,
                     c->is->people[sp->speaker].name))
            return;
    }
    if (te > ts)
        push_item(c, ts, te, QUOTE_INDIRECT, sp->speaker);
}

/* Does the heading at block b open with a dash (——某某代表): a signature
   printed under the words it signs, not a heading above them? */
static bool heading_signs_above(const actx *c, size_t b)
{
    return b < c->nb && is_dash(char_at(c, block_text_start(c, b), NULL));
}

/* Is block b a short line without clause punctuation (【连线】, a column
   label the earlier stages left as text): words nobody signs? */
static bool block_is_label(const actx *c, size_t b)
{
    size_t from = c->bstart[b], to = block_end(c, b);
    if (utf8_count(c->text + from, to - from) > LABEL_MAX_CHARS)
        return false;
    for (size_t p = from; p < to;) {
        size_t l;
        if (is_clause_end(char_at(c, p, &l)))
            return false;
        p += l ? l : 1;
    }
    return true;
}

/* The paragraphs a signature at block b signs: the prose right above it,
   back to the previous heading, a label or other non-prose block; only
   the paragraph right above it when the prose runs on further than a
   signed piece does (then where the piece starts is not known, but it
   holds at least that paragraph).  Returns false when there is none. */
static bool signed_blocks(const actx *c, size_t b, size_t *first,
                          size_t *last)
{
    size_t k = b, n = 0;
    while (k > 0 && c->prose[k - 1] && !block_is_label(c, k - 1) &&
           !heading_signs_above(c, k - 1) && n <= SIGNED_MAX_BLOCKS) {
        k--;
        n++;
    }
    if (n == 0)
        return false;
    *first = n > SIGNED_MAX_BLOCKS ? b - 1 : k;
    *last = b - 1;
    return true;
}

/* Section quotes: the first-person paragraphs under each speaker heading
   that never name their speaker (reported speech would). */
static void emit_sections(actx *c)
{
    const article *a = &c->is->articles[c->ai];
    for (size_t si = 0; si < a->nsections; si++) {
        const section *sec = &a->sections[si];
        if (sec->speaker < 0)
            continue;
        size_t limit = si + 1 < a->nsections ? a->sections[si + 1].first_block
                                             : c->nb;
        /* A signature's words are above it (emit_signed). */
        if (heading_signs_above(c, sec->first_block))
            continue;
        size_t b = sec->first_block + 1;
        while (b < limit && b < c->nb && !c->prose[b] &&
               b <= sec->first_block + SECTION_MAX_HEADING_BLOCKS)
            b++;
        size_t first = b, last = NONE;
        while (b < limit && b < c->nb && c->prose[b])
            last = b++;
        if (last == NONE)
            continue;
        size_t from = c->bstart[first], to = block_end(c, last);
        const char *name = c->is->people[sec->speaker].name;
        if (text_has(c, from, to, name) ||
            text_has_word(c, from, to, LEX_STAFF_WORD, "reporter"))
            continue;
        push_item(c, from, to, QUOTE_SECTION, sec->speaker);
    }
}

/* The index of the person named name, or -1. */
static int person_named(const actx *c, const char *name)
{
    for (size_t i = 0; i < c->is->npeople; i++)
        if (strcmp(c->is->people[i].name, name) == 0)
            return (int)i;
    return -1;
}

/* The turn label opening prose block b: its byte length, with where the
   words start in *words (byte offset into the article text); 0 if none. */
static size_t block_turn_label(const actx *c, size_t b, size_t *words)
{
    if (!c->prose[b])
        return 0;
    size_t ts = block_text_start(c, b), be = block_end(c, b), w;
    size_t len = turn_label_at(c->text + ts, be - ts, &w);
    if (len)
        *words = ts + w;
    return len;
}

/* Does [from, to) name an unnamed party as the one answering: an unnamed
   speaker word (负责人, 发言人; not the paper's own 记者) followed by 就 and
   the topic (某部负责人就有关问题回答了记者提问)? */
static bool unnamed_answerer_in(const actx *c, size_t from, size_t to)
{
    for (size_t p = from; p < to;) {
        size_t w = lex_prefix(LEX_UNNAMED_SPEAKER, c->text + p, to - p);
        if (w && !lex_prefix(LEX_STAFF_WORD, c->text + p, to - p) &&
            starts_with(c->text + p + w, to - p - w, TOPIC_MARKER))
            return true;
        size_t l;
        char_at(c, p, &l);
        p += l ? l : 1;
    }
    return false;
}

/* The one person the article's headline names (……——访某县委书记某某),
   or -1 when it names none or several. */
static int headline_person(const actx *c)
{
    const char *h = c->is->articles[c->ai].headline;
    int who = -1;
    for (size_t i = 0; h && i < c->is->npeople; i++) {
        if (!strstr(h, c->is->people[i].name))
            continue;
        if (who >= 0)
            return -1;
        who = (int)i;
    }
    return who;
}

/* Who a turn labelled 答 (turn_labels.txt: answer) belongs to: the one
   person the heading lines before the first turn name (——访某省委副书记
   王某), else the one person named before it (in the lead), else the one
   the headline names, or -1 when none or several are, or when the lead says an
   unnamed party answers (美国总统某某访华期间…；某部负责人就成果进行解读:
   the person named is the news, not the one answering). */
static int answerer(const actx *c, size_t first_turn_block)
{
    size_t first = c->bstart[first_turn_block];
    if (unnamed_answerer_in(c, 0, first))
        return -1;
    /* ——专访某省副省长某某 over a lead that quotes someone else: the one
       person the heading lines name is the guest */
    int guest = -1;
    for (size_t i = 0; i < c->nments && c->ments[i].pos < first; i++) {
        if (c->prose[block_of(c, c->ments[i].pos)])
            continue;
        if (guest >= 0 && c->ments[i].person != guest) {
            guest = -1;
            break;
        }
        guest = c->ments[i].person;
    }
    if (guest >= 0)
        return guest;
    int who = -1;
    for (size_t i = 0; i < c->nments && c->ments[i].pos < first; i++) {
        if (who >= 0 && c->ments[i].person != who)
            return -1;
        who = c->ments[i].person;
    }
    return who >= 0 ? who : headline_person(c);
}

/* The speaker of the turn whose label is c->text[at, at + len): the
   person the label names, the answerer for 答, -1 for an interviewer's
   turn (记者, 问, 主持人, or any label that names no one found). */
static int turn_speaker(const actx *c, size_t at, size_t len, int answer)
{
    const char *v = lex_value(LEX_TURN_LABEL, c->text + at, len);
    if (v)
        return strcmp(v, "answer") == 0 ? answer : -1;
    char *name = turn_label_name(c->text + at, len);
    int who = name ? person_named(c, name) : -1;
    free(name);
    if (who < 0) {
        /* a person found on other grounds (福兰（François P.）) */
        char *label = xstrndup(c->text + at, len);
        who = person_named(c, label);
        free(label);
    }
    return who;
}

/* Section quotes of a transcript (TRANSCRIPT_MIN_TURNS turns or more):
   each turn of a named person or the answerer, from after the label's
   colon to the end of its paragraph and over the paragraphs after it that
   open with no label, up to the next turn or heading.  An interviewer's
   turns are nobody's. */
static void emit_turns(actx *c)
{
    size_t turns = 0, first = NONE, w;
    for (size_t b = 0; b < c->nb; b++)
        if (block_turn_label(c, b, &w)) {
            turns++;
            if (first == NONE)
                first = b;
        }
    if (turns < TRANSCRIPT_MIN_TURNS)
        return;
    int answer = answerer(c, first);
    for (size_t b = first; b < c->nb; b++) {
        size_t words, len = block_turn_label(c, b, &words);
        if (!len)
            continue;
        int who = turn_speaker(c, block_text_start(c, b), len, answer);
        if (who < 0)
            continue;
        size_t last = b;
        while (last + 1 < c->nb && c->prose[last + 1] &&
               !block_turn_label(c, last + 1, &w))
            last++;
        push_item(c, words, block_end(c, last), QUOTE_SECTION, who);
    }
}

/* Section quotes of paragraphs opening with a speaker's label (黎某委员
   （某区委书记）：…, names.h): the words after the colon are the speaker's,
   to the end of the paragraph. */
static void emit_labelled(actx *c, session_kind sk)
{
    for (size_t b = 0; b < c->nb; b++) {
        if (!c->prose[b])
            continue;
        size_t ts = block_text_start(c, b), be = block_end(c, b);
        person p;
        size_t w = speaker_label_at(c->text + ts, be - ts, sk, &p);
        int who = w ? person_named(c, p.name) : -1;
        if (w)
            person_clear(&p);
        if (who >= 0)
            push_item(c, ts + w, be, QUOTE_SECTION, who);
    }
}

/* The person a heading line introduces as speaking the paragraph after
   it (习近平总书记强调—— / 某某指出：, printed as a deck or subhead): the
   line ends with a speech verb and a dash or colon, and names one person
   before it.  Returns the person or -1. */
static int heading_introduces(const actx *c, size_t b)
{
    const block *bl = &c->is->articles[c->ai].blocks.v[b];
    if (c->prose[b] || block_kind_is_furniture(bl->kind) || c->too_long[b])
        return -1;
    size_t bs = c->bstart[b], e = block_end(c, b), l;
    uint32_t uc;
    bool marked = false;
    while (e > bs && ((uc = char_before(c, e, &l)) == 0 || is_space(uc) ||
                      is_dash(uc) || is_colon(uc))) {
        marked |= is_dash(uc) || is_colon(uc);
        e -= l;
    }
    /* 某某在会上表示 without a dash or colon is a kicker summing up the
       report, not a line introducing words. */
    if (!marked)
        return -1;
    size_t v = lex_suffix(LEX_SPEECH_VERB, c->text + bs, e - bs);
    if (!v || verb_guarded(c, e - v, bs))
        return -1;
    int who = -1;
    for (size_t i = mentions_from(c, bs); i < c->nments && c->ments[i].pos < e - v;
         i++) {
        if (who >= 0 && c->ments[i].person != who)
            return -1;
        who = c->ments[i].person;
    }
    return who;
}

/* The speaker of a source line under words (——某年某月某日，习某某总书记在
   某会上发表重要讲话强调): a line opening with a dash and ending with a
   speech verb, naming one person; -1 when block b is none. */
static int source_line_speaker(const actx *c, size_t b)
{
    if (!heading_signs_above(c, b))
        return -1;
    size_t bs = c->bstart[b], e = block_end(c, b), l;
    uint32_t uc;
    while (e > bs && ((uc = char_before(c, e, &l)) == 0 || is_space(uc) ||
                      is_colon(uc) || is_dash(uc) || is_sentence_end(uc)))
        e -= l;
    size_t v = lex_suffix(LEX_SPEECH_VERB, c->text + bs, e - bs);
    if (!v || verb_guarded(c, e - v, bs))
        return -1;
    int who = -1;
    for (size_t i = mentions_from(c, bs); i < c->nments && c->ments[i].pos < e;
         i++) {
        if (who >= 0 && c->ments[i].person != who)
            return -1;
        who = c->ments[i].person;
    }
    return who;
}

/* Section quotes of the paragraphs above a signature line (——某某代表
   （某公司董事长）, read by stage 4 as a speaker heading, a subhead or a
   paragraph): the words it signs (signed_blocks). */
static void emit_signed(actx *c, session_kind sk)
{
    const article *a = &c->is->articles[c->ai];
    for (size_t b = 1; b < c->nb; b++) {
        const block *bl = &a->blocks.v[b];
        person p;
        if (c->too_long[b] || block_kind_is_furniture(bl->kind))
            continue;
        int who = -1;
        if (signature_parse(bl->text, sk, &p)) {
            who = person_named(c, p.name);
            person_clear(&p);
        } else {
            who = source_line_speaker(c, b);
        }
        if (who < 0)
            continue;
        bool prose = c->prose[b];
        c->prose[b] = false; /* the signature is not words it signs */
        size_t first, last;
        if (who >= 0 && signed_blocks(c, b, &first, &last))
            push_item(c, block_text_start(c, first), block_end(c, last),
                      QUOTE_SECTION, who);
        c->prose[b] = prose;
    }
}

/* A signed piece (an author line before its text, or a closing note
   （作者为…） after it: speakers.h) is its author's words: one section from
   its first paragraph of text to its last, unless speaker headings or
   transcript turns give it speakers of its own. */
static void emit_authored(actx *c, session_kind sk)
{
    const article *a = &c->is->articles[c->ai];
    for (size_t si = 0; si < a->nsections; si++)
        if (a->sections[si].speaker >= 0)
            return;
    person p;
    size_t from = 0, to = c->nb;
    int line = article_author_line(a, sk, &p);
    if (line >= 0) {
        from = (size_t)line + 1;
    } else {
        int note = article_author_note(a, &p);
        if (note < 0)
            return;
        to = (size_t)note;
    }
    int who = person_named(c, p.name);
    person_clear(&p);
    size_t first = NONE, last = NONE, w;
    for (size_t b = from; b < to; b++) {
        if (!c->prose[b])
            continue;
        if (block_turn_label(c, b, &w))
            return;
        if (first == NONE)
            first = b;
        last = b;
    }
    if (who >= 0 && first != NONE)
        push_item(c, block_text_start(c, first), block_end(c, last),
                  QUOTE_SECTION, who);
}

/* Section quotes of the paragraph right after a heading line that
   introduces its speaker (heading_introduces), unless that paragraph is a
   dispatch's lead (the reporter's). */
static void emit_introduced(actx *c)
{
    const article *a = &c->is->articles[c->ai];
    for (size_t b = 0; b + 1 < c->nb; b++) {
        if (!c->prose[b + 1] || a->blocks.v[b + 1].kind == BLOCK_LEAD)
            continue;
        int who = heading_introduces(c, b);
        if (who >= 0)
            push_item(c, block_text_start(c, b + 1), block_end(c, b + 1),
                      QUOTE_SECTION, who);
    }
}

/* Build the per-article context: text, block offsets, prose flags. */
static void actx_init(actx *c, issue *is, const people_index *people,
                      size_t ai)
{
    memset(c, 0, sizeof *c);
    c->is = is;
    c->people = people;
    c->ai = ai;
    const article *a = &is->articles[ai];
    c->text = a->text ? a->text : "";
    c->len = strlen(c->text);
    c->nb = a->blocks.n;
    c->bstart = xcalloc(c->nb + 1, sizeof *c->bstart);
    c->prose = xcalloc(c->nb + 1, sizeof *c->prose);
    c->too_long = xcalloc(c->nb + 1, sizeof *c->too_long);
    size_t off = 0;
    for (size_t b = 0; b < c->nb; b++) {
        size_t len = strlen(a->blocks.v[b].text);
        c->bstart[b] = off;
        off += len + 1;
        c->prose[b] = block_is_prose(&a->blocks.v[b]);
        if (len > BLOCK_SCAN_MAX_BYTES) {
            c->prose[b] = false;
            c->too_long[b] = true;
            strbuf w = {0};
            sb_printf(&w, "the paragraph at line %d is %zu KB long; it is "
                      "kept as text but not searched for quotes.",
                      a->blocks.v[b].line, len / 1024);
            strlist_push_owned(&is->warnings, sb_take(&w));
        }
    }
    c->bstart[c->nb] = c->len + 1;
}

static void actx_free(actx *c)
{
    free(c->too_long);
    free(c->bstart);
    free(c->prose);
    free(c->spans);
    free(c->ments);
    free(c->sp);
    free(c->items);
}

/* Store the article's items as quotes (character offsets, exact text). */
static void store_items(actx *c)
{
    if (c->nitems)
        qsort(c->items, c->nitems, sizeof *c->items, item_cmp);
    issue *is = c->is;
    /* Items are sorted by start: count characters incrementally, so that
       a long article with many quotes stays linear. */
    size_t counted_bytes = 0, counted_chars = 0;
    for (size_t i = 0; i < c->nitems; i++) {
        const item *it = &c->items[i];
        if (it->end <= it->start || it->speaker < 0)
            continue;
        counted_chars += utf8_count(c->text + counted_bytes,
                                    it->start - counted_bytes);
        counted_bytes = it->start;
        is->quotes = grow_array(is->quotes, &is->quotes_cap, is->nquotes + 1,
                                sizeof *is->quotes);
        quote *q = &is->quotes[is->nquotes++];
        q->article = c->ai;
        q->block = block_of(c, it->start);
        q->start = counted_chars;
        q->end = q->start + utf8_count(c->text + it->start, it->end - it->start);
        q->kind = it->kind;
        q->speaker = it->speaker;
        q->text = xstrndup(c->text + it->start, it->end - it->start);
    }
}

/* Extract the quotes of one article. */
static void article_quotes(issue *is, const people_index *people, size_t ai,
                           session_kind sk)
{
    actx c;
    actx_init(&c, is, people, ai);
    if (c.len > ARTICLE_SCAN_MAX_BYTES) {
        strbuf w = {0};
        sb_printf(&w, "the article \"%.60s\" is %zu KB long; it is kept as "
                  "text but not searched for quotes.",
                  is->articles[ai].headline, c.len / 1024);
        strlist_push_owned(&is->warnings, sb_take(&w));
        actx_free(&c);
        return;
    }
    find_spans(&c);
    find_mentions(&c);
    find_speech(&c);
    for (size_t i = 0; i < c.nspans; i++) {
        qspan *s = &c.spans[i];
        int r = attribute_after(&c, s);
        if (!r)
            r = attribute_before(&c, s);
        if (!r)
            r = attribute_colon(&c, s);
        s->state = r;
    }
    for (size_t i = 0; i < c.nsp; i++)
        emit_indirect(&c, &c.sp[i]);
    if (c.nitems)
        qsort(c.items, c.nitems, sizeof *c.items, item_cmp);
    for (size_t i = 0; i < c.nspans; i++)
        if (c.spans[i].state == 0)
            attribute_context(&c, &c.spans[i]);
    emit_sections(&c);
    emit_turns(&c);
    emit_labelled(&c, sk);
    emit_introduced(&c);
    emit_signed(&c, sk);
    emit_authored(&c, sk);
    store_items(&c);
    actx_free(&c);
}

void quotes_extract(issue *is)
{
    if (!lexicon_load())
        return;
    people_index people;
    people_index_build(&people, is);
    session_kind sk = speakers_session_kind(is);
    for (size_t ai = 0; ai < is->narticles; ai++)
        article_quotes(is, &people, ai, sk);
    people_index_free(&people);
}
