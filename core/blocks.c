/* blocks.c - stage 4: classify the paragraphs of a page.
 *
 * Work happens on "items": a block's text as an array of code points in
 * two parallel forms, the display text (what was printed, markers
 * stripped) and the folded text used for every decision (ASCII , : ; ? !
 * ( ) next to CJK replaced by fullwidth forms).  Folding maps one code
 * point to one, so an index means the same character in both.
 *
 * Classification runs in three passes:
 *   1. prepare: trim, strip markers, split continuation markers and
 *      trailing credits off body text, collapse letter-spaced headings;
 *   2. intrinsic kinds: what a block is on its own (byline, dateline,
 *      speaker heading, …) or whether it is shaped like a heading (a line
 *      that asks or exclaims, or a long one, only where a headline
 *      stands: above a lead, byline or stamp, or opening the page);
 *   3. context: contents entries (headings recurring further down) are
 *      set aside, then heading candidates are resolved into headline,
 *      deck, subhead, kicker or byline from their neighbours (a following
 *      byline, lead, dateline stamp or continuation marker makes a
 *      headline; a single heading inside running text, or several glued
 *      to it with no blank line, are subheads; a title under a person's
 *      name line after the end of a piece heads a new piece; a headline
 *      over such pieces with no text of its own is their banner).
 * Every rule uses general newspaper vocabulary (记者, 报道组, 代表, title
 * words, common surnames), never a name or headline of a particular page.
 */
#include "blocks.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "furniture.h"
#include "lexicon.h"
#include "names.h"
#include "normalize.h"
#include "text.h"

/* How a block was marked in the source (kept beside the item). */
enum {
    MARK_INDENT = 1 << 0, /* began with ideographic spaces */
    MARK_QUOTE = 1 << 1,  /* >> */
    MARK_BOX = 1 << 2,    /* □ before a byline */
    MARK_SQUARE = 1 << 3, /* ■ before a kicker */
    MARK_LIST = 1 << 4,   /* "- " */
    MARK_SPACED = 1 << 5, /* letter-spaced heading, spaces removed */
    MARK_TRIANGLE = 1 << 6, /* ▲ before a caption */
    MARK_ASKS = 1 << 7,    /* a heading line holding ？ or ！ */
    MARK_CONTENTS = 1 << 8, /* a contents entry: the heading recurs below */
    MARK_INFO = 1 << 9,    /* a line about the piece (字数 …, 来源：…) */
    MARK_LONG = 1 << 10,   /* a heading line longer than most */
    MARK_LISTED = 1 << 11  /* a heading named by a contents entry above */
};

/* The thresholds of the rules below, each with what it trades.  Lengths
   count characters of the folded text (visible ones where said). */
enum {
    /* Markdown heading levels: # … ######; ## is a page's headline. */
    MAX_HEADING_LEVEL = 6,
    HEADLINE_LEVEL = 2,
    /* A masthead is a paper's name: 3 to 12 ideographs.  Shorter is a
       word, longer a headline ending in 报. */
    MASTHEAD_MIN_CHARS = 3,
    MASTHEAD_MAX_CHARS = 12,
    /* A banner is short (visible characters); a year of four digits
       opens one (2025全国两会); two Latin words of three letters or more
       make a bilingual column name. */
    BANNER_MAX_CHARS = 30,
    YEAR_DIGITS = 4,
    BANNER_LATIN_WORD_CHARS = 3,
    BANNER_LATIN_WORDS = 2,
    /* A paragraph holding 图为 is a caption up to this length; a longer
       one is text that mentions a picture. */
    CAPTION_MAX_CHARS = 250,
    /* A paragraph over a photo credit is its caption up to this length:
       longer, it is text the credit trails. */
    CREDITED_CAPTION_MAX_CHARS = 120,
    /* 看点一： numbers a subhead when the word before the numeral is this
       short. */
    NUMBERED_LABEL_MAX_CHARS = 4,
    /* A heading is at most this many visible characters; one ending in
       —— at most DASH_HEADING_MAX_CHARS (longer, it introduces a quote).
       After its one comma a heading has at least CLAUSE_MIN_CHARS. */
    HEADING_SHAPE_MAX_CHARS = 40,
    HEADING_MAX_COMMAS = 1,
    /* A long headline (a meeting's full name) is at most this long and
       has at most this many commas; it heads a story only right above
       its lead, byline or stamp, or opening the page. */
    LONG_HEADING_MAX_CHARS = 80,
    LONG_HEADING_MAX_COMMAS = 3,
    /* A title set apart by a blank line over its text, on a page printing
       a paragraph a line, may be this long: a feed joins kicker, title and
       deck on one line (a State Council meeting's, some 170 characters). */
    SET_APART_TITLE_MAX_CHARS = 200,
    DASH_HEADING_MAX_CHARS = 20,
    CLAUSE_MIN_CHARS = 3,
    /* A label (北京, 记者手记) is one to four ideographs, five characters at
       most: longer is a heading. */
    LABEL_MAX_CHARS = 5,
    LABEL_MAX_IDEOGRAPHS = 4,
    /* Two heading lines on consecutive source lines join into one when
       each is this short (a heading wrapped in a narrow column), with a
       space when the first is SPACED_JOIN_MAX_CHARS or shorter (two
       short phrases, not one word cut). */
    WRAPPED_HEADING_MAX_CHARS = 12,
    SPACED_JOIN_MAX_CHARS = 4,
    /* A headline may be a series of a few short parallel phrases (锻韧性
       拓空间), each of two to this many visible characters; longer phrases
       are a headline and its deck (强化兜底功能 扩大社会救助范围), one
       character is no phrase. */
    SERIES_PHRASE_MIN_CHARS = 2,
    SERIES_PHRASE_MAX_CHARS = 5,
    SERIES_MAX_PHRASES = 4,
    /* A headline names the text printed before it when it shares this
       many pairs of ideographs with it (one pair is chance). */
    MIN_SHARED_PAIRS = 2,
    /* Pairs of a heading line compared (a heading has a few dozen). */
    MAX_HEADING_PAIRS = 64,
    /* Characters of a line read for a label about the piece (字数, 嘉宾):
       the longest label and its separator fit. */
    INFO_LABEL_LOOK = 8,
    /* An item number before a heading (1. / 12、) has at most this many
       digits: more is a quantity. */
    ITEM_NUMBER_MAX_DIGITS = 3,
    /* A heading asks or exclaims at most this often (？ and ！): more is
       speech. */
    HEADING_MAX_MARKS = 2,
    /* A line introducing words (某某强调——) names who speaks in at least
       this many characters before its verb (他说—— does not). */
    INTRO_SUBJECT_MIN_CHARS = 2
};

typedef struct {
    uint32_t *d;      /* display text */
    uint32_t *f;      /* folded text, same length */
    size_t n;
    int line;
    int lines;        /* source lines it spans (0: not known) */
    int level;
    unsigned flags;   /* BLOCK_F_* */
    unsigned marks;   /* MARK_* */
    block_kind kind;
    int cand;         /* shaped like a heading, kind not decided yet */
} item;

typedef struct {
    item *v;
    size_t n;
    size_t cap;
} item_list;

/* ---- code points ------------------------------------------------------ */

/* ---- vocabulary -------------------------------------------------------- */

/* Does the line end in a speech verb or a speech given (…并作讲话强调,
   …发表重要讲话): a 引题 introducing the headline below it? */
static int ends_with_speech(const uint32_t *f, size_t n)
{
    return lex_suffix_u(LEX_SPEECH_VERB, f, n) ||
           lex_suffix_u(LEX_SPEECH_EVENT, f, n);
}

/* ---- items -------------------------------------------------------------- */

/* Make an item from display text (folding is computed here). */
static item item_make(const uint32_t *d, size_t n, int line)
{
    item it = {0};
    it.d = xmalloc((n + 1) * sizeof *it.d);
    it.f = xmalloc((n + 1) * sizeof *it.f);
    memcpy(it.d, d, n * sizeof *d);
    memcpy(it.f, d, n * sizeof *d);
    fold_punct(it.f, n);
    it.n = n;
    it.line = line;
    it.lines = 1;
    it.kind = BLOCK_BODY;
    return it;
}

static void item_free(item *it)
{
    free(it->d);
    free(it->f);
}

static void items_push(item_list *l, item it)
{
    l->v = grow_array(l->v, &l->cap, l->n + 1, sizeof *l->v);
    l->v[l->n++] = it;
}

/* Drop k code points from the front of the item. */
static void item_cut_front(item *it, size_t k)
{
    if (k > it->n)
        k = it->n;
    memmove(it->d, it->d + k, (it->n - k) * sizeof *it->d);
    memmove(it->f, it->f + k, (it->n - k) * sizeof *it->f);
    it->n -= k;
}

/* Trim spaces at both ends; note ideographic indentation. */
static void item_trim(item *it)
{
    size_t a = 0;
    while (a < it->n && is_space(it->f[a])) {
        if (it->f[a] == IDEOGRAPHIC_SPACE)
            it->marks |= MARK_INDENT;
        a++;
    }
    item_cut_front(it, a);
    while (it->n > 0 && is_space(it->f[it->n - 1]))
        it->n--;
}

/* Strip one leading structural marker (#…, >>, "- ", ■, □, ▲) and record
   it.  Returns 1 if one was stripped. */
static int item_strip_marker(item *it)
{
    const uint32_t *f = it->f;
    size_t n = it->n, k = 0;
    if (n == 0)
        return 0;
    if (f[0] == '#') {
        while (k < n && f[k] == '#')
            k++;
        if (k > MAX_HEADING_LEVEL || k >= n || !is_space(f[k]))
            return 0;
        it->level = (int)k;
        it->flags |= BLOCK_F_MARKUP;
    } else if (n >= 2 && f[0] == '>' && f[1] == '>') {
        k = 2;
        it->marks |= MARK_QUOTE;
        it->flags |= BLOCK_F_MARKUP;
    } else if ((f[0] == '-' || f[0] == '*') && n > 1 && is_space(f[1])) {
        k = 1;
        it->marks |= MARK_LIST;
        it->flags |= BLOCK_F_MARKUP;
    } else if (marker_of(f[0]) == MARKER_SOLID) {
        k = 1;
        it->marks |= MARK_SQUARE;
    } else if (marker_of(f[0]) == MARKER_HOLLOW) {
        k = 1;
        it->marks |= MARK_BOX;
    } else if (marker_of(f[0]) == MARKER_TRIANGLE) {
        k = 1;
        it->marks |= MARK_TRIANGLE;
    } else {
        return 0;
    }
    item_cut_front(it, k);
    item_trim(it);
    return 1;
}

/* Remove the spaces of a letter-spaced heading (开 启 首 都 …): at least
   LETTER_SPACED_MIN_CHARS single ideographs each separated by one
   space. */
static void item_collapse_spacing(item *it)
{
    size_t singles = 0;
    for (size_t i = 0; i < it->n; i++) {
        if (i % 2 == 0) {
            if (!is_han(it->f[i]))
                return;
            singles++;
        } else if (it->f[i] != ' ' && it->f[i] != IDEOGRAPHIC_SPACE) {
            return;
        }
    }
    if (singles < LETTER_SPACED_MIN_CHARS || it->n % 2 == 0)
        return;
    size_t k = 0;
    for (size_t i = 0; i < it->n; i += 2) {
        it->d[k] = it->d[i];
        it->f[k] = it->f[i];
        k++;
    }
    it->n = k;
    it->marks |= MARK_SPACED;
}

/* ---- patterns ------------------------------------------------------------ */

/* Does the text stop in the middle of a sentence (broken column)? */
static int ends_open(const uint32_t *f, size_t n)
{
    if (n == 0)
        return 0;
    uint32_t c = f[n - 1];
    return is_han(c) || is_latin(c) || is_digit(c) || c == U'，' ||
           c == U'、' || c == '%' || c == U'％';
}

/* ---- intrinsic kinds ------------------------------------------------------ */

/* The paper's name printed at the top: a few ideographs ending in 报 …. */
static int is_masthead(const item *it)
{
    if (it->n < MASTHEAD_MIN_CHARS || it->n > MASTHEAD_MAX_CHARS ||
        it->level > 1)
        return 0;
    for (size_t i = 0; i < it->n; i++)
        if (!is_han(it->f[i]))
            return 0;
    return lex_suffix_u(LEX_PAPER_ENDING, it->f, it->n) > 0 &&
           lex_find_u(LEX_BANNER_WORD, it->f, it->n, 0, NULL) == it->n;
}

/* A signature under a delegate's text: a dash, then the person and role
   as a speaker heading names them, titles in brackets after it
   (——张某某代表（某某律师事务所主任）, ——某市市长王某代表).  Read by the
   one parser of names.c in its heading form (…王某代表——). */
static int is_signature(const uint32_t *f, size_t n)
{
    size_t a = 0;
    if (u32_visible(f, n) > HEADING_MAX_CHARS)
        return 0;
    while (a < n && is_dash(f[a]))
        a++;
    if (a == 0 || a == n)
        return 0;
    size_t e = n;
    if (f[e - 1] == U'）') {
        size_t p = u32_open_paren_before(f, n, e - 1);
        if (p < n && p > a)
            e = p;
    }
    while (e > a && is_space(f[e - 1]))
        e--;
    size_t role = lex_suffix_u(LEX_ROLE_SUFFIX, f + a, e - a);
    if (!role || role >= e - a || !is_han(f[e - role - 1]))
        return 0;
    if (!u32_has(f + a, e - a, U'，') && !u32_has_sentence_mark(f, n))
        return 1; /* a name the parser may not know: ——某某一级科员王某代表 */
    uint32_t *u = xmalloc((e - a + 2) * sizeof *u);
    memcpy(u, f + a, (e - a) * sizeof *u);
    u[e - a] = f[0];
    u[e - a + 1] = f[0];
    char *text = u32_to_utf8(u, e - a + 2);
    bool r = speaker_heading_parse(text, SESSION_UNKNOWN, NULL);
    free(text);
    free(u);
    return r;
}

/* A line introducing someone's words with a speech verb and a dash
   (某某强调——, ——某年某月，某某在某会上指出): the words follow. */
static int introduces_words(const uint32_t *f, size_t n)
{
    size_t e = n;
    while (e > 0 && is_dash(f[e - 1]))
        e--;
    if (e + 2 > n || u32_visible(f, n) > HEADING_MAX_CHARS ||
        u32_has_sentence_mark(f, n))
        return 0;
    size_t v = lex_suffix_u(LEX_SPEECH_VERB, f, e);
    return v > 0 && e >= v + INTRO_SUBJECT_MIN_CHARS;
}

/* A speaker heading (殷勇代表： / 全国人大代表，…教授张三 / 张三代表——), as
   the one parser of names.c judges it; a line marked >> that ends with a
   colon introduces a speaker by its layout alone. */
static int is_speaker_heading(const item *it)
{
    const uint32_t *f = it->f;
    size_t n = it->n;
    if (u32_visible(f, n) > HEADING_MAX_CHARS)
        return 0;
    if ((it->marks & MARK_QUOTE) && n > 0 && f[n - 1] == U'：')
        return 1;
    char *text = u32_to_utf8(f, n);
    bool r = speaker_heading_parse(text, SESSION_UNKNOWN, NULL);
    free(text);
    return r;
}

/* Page or column banners: 2025全国两会特别报道, ·代表委员热议·, bilingual
   column names, and a whole line that names a part of a transcript or
   digest (新闻摘要 over the contents list, 详细新闻 over the items). */
static int is_banner(const item *it)
{
    const uint32_t *f = it->f;
    size_t n = it->n;
    if (lex_has_u(LEX_PART_LABEL, f, n))
        return 1;
    if (n < 2 || u32_visible(f, n) > BANNER_MAX_CHARS ||
        u32_ends_statement(f, n) ||
        u32_has_sentence_mark(f, n))
        return 0;
    if (u32_digits_at(f, n, 0) == YEAR_DIGITS && n > YEAR_DIGITS &&
        is_han(f[YEAR_DIGITS]) && f[YEAR_DIGITS] != U'年')
        return 1;
    if (lex_find_u(LEX_BANNER_WORD, f, n, 0, NULL) < n)
        return 1;
    if ((f[0] == U'·' && f[n - 1] == U'·') ||
        (f[0] == U'【' && f[n - 1] == U'】'))
        return 1;
    if (u32_has(f, n, U'，'))
        return 0; /* a clause naming a brand (某某 IPO，…), not a column */
    if (f[n - 1] == U'：')
        return 0; /* 分析师Tom Price表示： introduces words, names no column */
    size_t words_latin = 0;
    for (size_t i = 0; i < n;) {
        size_t k = 0;
        while (i + k < n && is_latin(f[i + k]))
            k++;
        if (k >= BANNER_LATIN_WORD_CHARS)
            words_latin++;
        i += k ? k : 1;
    }
    return words_latin >= BANNER_LATIN_WORDS;
}

/* A photo caption: 图为 …, 图： …, ▲ …, or a short text ending with its
   photo credit (…正在发言。某某摄). */
static int is_caption(const item *it)
{
    if (it->marks & MARK_TRIANGLE)
        return 1;
    if (u32_visible(it->f, it->n) <= CAPTION_MAX_CHARS &&
        ends_with_photo_credit(it->f, it->n))
        return 1;
    if (lex_prefix_u(LEX_CAPTION_START, it->f, it->n))
        return 1;
    return u32_visible(it->f, it->n) <= CAPTION_MAX_CHARS &&
           lex_find_u(LEX_CAPTION_WORD, it->f, it->n, 0, NULL) < it->n;
}

/* Length of an item number opening a heading line (1. / 2．/ 3、 / 一、,
   spaces after it included), or 0. */
static size_t item_number_len(const uint32_t *f, size_t n)
{
    size_t i = u32_digits_at(f, n, 0);
    if (i == 0) {
        while (i < n && cn_numeral_value(f[i]))
            i++;
        if (i == 0 || i >= n || f[i] != U'、')
            return 0;
    } else if (i > ITEM_NUMBER_MAX_DIGITS || i >= n ||
               (f[i] != '.' && f[i] != U'．' && f[i] != U'、')) {
        return 0;
    }
    i++;
    if (i < n && is_digit(f[i]))
        return 0; /* 1.5亿元 */
    while (i < n && is_space(f[i]))
        i++;
    return i < n ? i : 0;
}

/* 看点一： / 亮点二： / 一、 / 1. numbering at the start of a subhead. */
static int has_numbered_start(const uint32_t *f, size_t n)
{
    if (item_number_len(f, n))
        return 1;
    size_t i = 0;
    while (i < n && i < NUMBERED_LABEL_MAX_CHARS && is_han(f[i]) &&
           !cn_numeral_value(f[i]))
        i++;
    size_t j = i;
    while (j < n && cn_numeral_value(f[j]))
        j++;
    if (j == i || j >= n)
        return 0;
    return f[j] == U'：' || (i == 0 && (f[j] == U'、' || f[j] == '.'));
}

/* Two phrases separated by a space (强化兜底功能 扩大社会救助范围). */
static int has_phrase_space(const uint32_t *f, size_t n)
{
    for (size_t i = 1; i + 1 < n; i++)
        if (is_space(f[i]) && !is_space(f[i - 1]) && !is_space(f[i + 1]))
            return 1;
    return 0;
}

/* Does the line ask or exclaim as a headline may (县域经济如何突围？…,
   奋进新征程！…): ？ or ！ once or twice, no full stop, and nothing after
   its last sentence mark that ends a statement otherwise (；)?  Whether
   it is a heading the line's place decides (settle_marked_headings). */
static int asks_or_exclaims(const uint32_t *f, size_t n)
{
    size_t marks = u32_count(f, n, U'？') + u32_count(f, n, U'！');
    if (marks == 0 || marks > HEADING_MAX_MARKS || u32_has(f, n, U'。'))
        return 0;
    size_t e = n;
    while (e > 0 && (is_closer(f[e - 1]) || is_straight_quote(f[e - 1])))
        e--;
    return e > 0 && (f[e - 1] == U'？' || f[e - 1] == U'！' ||
                     !u32_ends_statement(f, e));
}

/* Does the line open, after any symbols, with a label telling about the
   piece (字数, 本文来源, 嘉宾: info_labels.txt; justified with spaces, 嘉  宾)
   followed by a colon, a space or a number? */
static int opens_with_info_label(const uint32_t *f, size_t n)
{
    uint32_t w[INFO_LABEL_LOOK];
    size_t at[INFO_LABEL_LOOK], k = 0, i = 0;
    while (i < n && !is_han(f[i]) && !is_latin(f[i]) && !is_digit(f[i]))
        i++;
    for (; i < n && k < INFO_LABEL_LOOK; i++)
        if (!is_space(f[i])) {
            at[k] = i;
            w[k++] = f[i];
        }
    size_t m = lex_prefix_u(LEX_INFO_LABEL, w, k);
    if (m == 0 || m >= k)
        return 0;
    size_t next = at[m - 1] + 1;
    return next < n && (is_colon(f[next]) || is_space(f[next]) ||
                        is_digit(f[next]));
}

/* Is the item shaped like a heading line of at most max_chars visible
   characters (no sentence ending, at most max_commas commas, not a clause
   fragment)? */
static int heading_shape(const item *it, size_t max_chars,
                         size_t max_commas)
{
    const uint32_t *f = it->f;
    size_t n = it->n, nv = u32_visible(f, n);
    size_t words = 0;
    for (size_t i = 0; i < n; i++)
        words += is_han(f[i]) || is_latin(f[i]) || is_digit(f[i]);
    if (words == 0 || nv > max_chars ||
        ((u32_ends_statement(f, n) || u32_has_sentence_mark(f, n)) &&
         !asks_or_exclaims(f, n)))
        return 0;
    size_t commas = u32_count(f, n, U'，') + u32_count(f, n, U'；');
    if (commas > max_commas)
        return 0;
    uint32_t last = f[n - 1];
    if (last == U'，' || last == U'、' || last == U'；' ||
        last == U'：')
        return 0;
    int dash = n >= 2 && last == U'—' && f[n - 2] == U'—';
    if (last == U'—' && !dash)
        return 0;
    if (commas >= 1) {
        size_t c = n;
        while (c > 0 && f[c - 1] != U'，' && f[c - 1] != U'；')
            c--;
        if (u32_visible(f + c, n - c) < CLAUSE_MIN_CHARS)
            return 0;
        if (lex_suffix_u(LEX_SPEECH_VERB, f, c - 1))
            return 0;
    }
    if (dash && (commas > 0 || nv > DASH_HEADING_MAX_CHARS))
        return 0;
    if ((it->marks & MARK_INDENT) &&
        !(has_numbered_start(f, n) || dash || has_phrase_space(f, n)))
        return 0;
    return 1;
}

/* Is the item a heading line: marked as one, or shaped like one (short,
   at most one comma)? */
static int is_heading_shape(const item *it)
{
    return it->level > 0 ||
           heading_shape(it, HEADING_SHAPE_MAX_CHARS, HEADING_MAX_COMMAS);
}

/* Is the item shaped like a long headline (a meeting's full name, 对话某某：
   观点一，观点二): up to LONG_HEADING_MAX_CHARS, a few commas, no full
   stop?  Whether it is one its place decides (settle_marked_headings). */
static int is_long_heading_shape(const item *it)
{
    return it->level == 0 && !(it->marks & MARK_INDENT) &&
           heading_shape(it, LONG_HEADING_MAX_CHARS, LONG_HEADING_MAX_COMMAS);
}

/* Is f[a..) a person's name printed before a space: two or three
   ideographs, or two single ones set apart by justification spaces (冯  帆)?
   Returns where the name ends, or 0. */
static size_t spaced_name_end(const uint32_t *f, size_t n)
{
    size_t k = 0;
    while (k < n && is_han(f[k]))
        k++;
    if (k < n && is_space(f[k]) && is_person_name(f, 0, k))
        return k;
    if (k != 1)
        return 0;
    size_t j = k;
    while (j < n && is_space(f[j]))
        j++;
    if (j + 1 >= n || !is_han(f[j]) || is_han(f[j + 1]) ||
        !is_space(f[j + 1]))
        return 0;
    uint32_t pair[2] = {f[0], f[j]};
    return is_person_name(pair, 0, 2) ? j + 1 : 0;
}

/* A guest-list entry: a person's name, spaces, then the person's role or
   titles (张某  全国人大代表、某大学教授; 李某  某集团创始人), with no
   sentence in it.  It tells who takes part: a line about the piece, never
   a heading. */
static int is_guest_entry(const item *it)
{
    const uint32_t *f = it->f;
    size_t n = it->n, k = spaced_name_end(f, n);
    if (!k || u32_has_sentence_mark(f, n) || u32_has(f, n, U'，'))
        return 0;
    while (k < n && is_space(f[k]))
        k++;
    return k < n && (lex_prefix_u(LEX_ROLE, f + k, n - k) > 0 ||
                     lex_suffix_u(LEX_TITLE_WORD, f + k, n - k) > 0);
}

/* Give the item its kind if it is one on its own; otherwise mark it as a
   heading candidate or leave it body.  first: no content block before. */
static void classify_intrinsic(item *it, int first)
{
    it->cand = 0;
    if (it->n == 0) {
        it->kind = BLOCK_BODY;
        return;
    }
    if (it->marks & MARK_LIST)
        it->kind = BLOCK_LIST_ITEM;
    else if (continuation_at(it->f, it->n, 0) == it->n)
        it->kind = BLOCK_CONTINUATION;
    else if (is_editor_line(it->f, it->n))
        it->kind = BLOCK_EDITOR;
    else if (is_dateline(it->f, it->n))
        it->kind = BLOCK_DATELINE;
    else if (first && is_masthead(it))
        it->kind = BLOCK_MASTHEAD;
    else if (it->marks & MARK_SQUARE)
        it->kind = BLOCK_KICKER;
    else if (is_byline(it->f, it->n, it->marks & MARK_BOX))
        it->kind = BLOCK_BYLINE;
    else if (opens_with_lead(it->f, it->n))
        it->kind = BLOCK_LEAD;
    else if (is_caption(it))
        it->kind = BLOCK_CAPTION;
    else if (introduces_words(it->f, it->n))
        it->kind = BLOCK_SPEAKER_HEADING;
    else if (is_signature(it->f, it->n)) {
        it->kind = BLOCK_SPEAKER_HEADING;
        it->flags |= BLOCK_F_SIGNATURE;
    } else if (is_speaker_heading(it))
        it->kind = BLOCK_SPEAKER_HEADING;
    else if (is_banner(it))
        it->kind = BLOCK_BANNER;
    else if (opens_with_info_label(it->f, it->n) || is_guest_entry(it)) {
        it->kind = BLOCK_BODY; /* text, never a heading */
        it->marks |= MARK_INFO;
    } else if (is_heading_shape(it)) {
        it->kind = BLOCK_BODY;
        it->cand = 1;
        if (u32_has_sentence_mark(it->f, it->n))
            it->marks |= MARK_ASKS;
    } else if (is_long_heading_shape(it)) {
        it->kind = BLOCK_BODY;
        it->cand = 1;
        it->marks |= MARK_LONG;
    } else {
        it->kind = BLOCK_BODY;
    }
}

/* ---- preparing ---------------------------------------------------------- */

/* Make an item from d[a..b) of src, keeping its line and indentation. */
static item item_slice(const item *src, size_t a, size_t b)
{
    item it = item_make(src->d + a, b - a, src->line);
    it.marks = src->marks & MARK_INDENT;
    item_trim(&it);
    return it;
}

/* Split a block whose text starts with a continuation marker, or ends with
   one or with a credit, into separate items.  Pushes the pieces. */
static void push_split(item_list *out, item it)
{
    size_t k = continuation_at(it.f, it.n, 0);
    if (k > 0 && k < it.n) {
        item mark = item_slice(&it, 0, k);
        mark.kind = BLOCK_CONTINUATION;
        items_push(out, mark);
        item rest = item_slice(&it, k, it.n);
        rest.flags |= BLOCK_F_OPEN_START;
        item_free(&it);
        push_split(out, rest);
        return;
    }
    if (it.n > 0 && it.f[it.n - 1] == U'）') {
        size_t p = u32_open_paren_before(it.f, it.n, it.n - 1);
        if (p > 0 && p < it.n && continuation_at(it.f, it.n, p) ==
                                     it.n - p) {
            item body = item_slice(&it, 0, p);
            item mark = item_slice(&it, p, it.n);
            mark.kind = BLOCK_CONTINUATION;
            item_free(&it);
            items_push(out, body);
            items_push(out, mark);
            return;
        }
    }
    size_t c = credit_at_end(it.f, it.n);
    if (c < it.n && c > 0) {
        item body = item_slice(&it, 0, c);
        item credit = item_slice(&it, c, it.n);
        item_free(&it);
        items_push(out, body);
        items_push(out, credit);
        return;
    }
    items_push(out, it);
}

/* Turn the paragraphs into items: trim, strip markers, split. */
static void prepare(const block_list *blocks, item_list *out)
{
    for (size_t i = 0; i < blocks->n; i++) {
        const block *b = &blocks->v[i];
        size_t n;
        uint32_t *d = u32_from_utf8(b->text, &n);
        item it = item_make(d, n, b->line);
        free(d);
        it.level = b->level;
        it.flags = b->flags;
        if (b->flags & BLOCK_F_HARDWRAP)
            it.lines = 0; /* rejoined from several lines */
        if (b->flags & BLOCK_F_LIST)
            it.marks |= MARK_LIST; /* a list item in the markup */
        item_trim(&it);
        while (item_strip_marker(&it))
            ;
        item_collapse_spacing(&it);
        if (it.n == 0) {
            item_free(&it);
            continue;
        }
        if (it.marks & (MARK_LIST | MARK_QUOTE) || it.level > 0)
            items_push(out, it);
        else
            push_split(out, it);
    }
}

/* ---- context ------------------------------------------------------------ */

/* Is the item a short label (北京, 记者手记): at most four ideographs, no
   digits, no markup? */
static int is_label(const item *it)
{
    if (it->level > 0 || it->n > LABEL_MAX_CHARS)
        return 0;
    size_t ideo = 0;
    for (size_t i = 0; i < it->n; i++) {
        if (is_digit(it->f[i]) || is_latin(it->f[i]))
            return 0;
        ideo += is_han(it->f[i]);
    }
    return ideo >= 1 && ideo <= LABEL_MAX_IDEOGRAPHS;
}

/* Does the heading line have no internal space? */
static int no_space(const item *it)
{
    for (size_t i = 0; i < it->n; i++)
        if (is_space(it->f[i]))
            return 0;
    return 1;
}

/* Append item b to item a (with a space between when space is set) and
   free b. */
static void append_item(item *a, item *b, int space)
{
    size_t n = a->n + (space ? 1 : 0) + b->n;
    a->d = xrealloc(a->d, (n + 1) * sizeof *a->d);
    a->f = xrealloc(a->f, (n + 1) * sizeof *a->f);
    if (space) {
        a->d[a->n] = ' ';
        a->f[a->n] = ' ';
    }
    memcpy(a->d + n - b->n, b->d, b->n * sizeof *b->d);
    memcpy(a->f + n - b->n, b->f, b->n * sizeof *b->f);
    a->n = n;
    a->lines = a->lines && b->lines ? a->lines + b->lines : 0;
    item_free(b);
}

/* Should heading candidate b (the next source line) join heading a? */
static bool is_wrapped_heading(const item *a, const item *b)
{
    return a->cand && b->cand && !a->level && !b->level &&
           !(a->n > 0 && is_dash(a->f[a->n - 1])) &&
           b->line == a->line + 1 && a->n <= WRAPPED_HEADING_MAX_CHARS &&
           b->n <= WRAPPED_HEADING_MAX_CHARS &&
           no_space(a) && no_space(b) &&
           !((a->marks | b->marks) & (MARK_INDENT | MARK_SPACED |
                                      MARK_LISTED));
}

/* Does item j start on the source line right after item i ends (no blank
   line between)?  Not known for text rejoined from wrapped lines. */
static int follows_directly(const item *i, const item *j)
{
    return i->lines > 0 && j->line == i->line + i->lines;
}

/* Does the heading line start with a dash (——副题)? */
static int starts_with_dash(const item *it)
{
    return it->n > 0 && (it->f[0] == U'—' || it->f[0] == U'―');
}

/* Is heading candidate b, printed under heading candidate a with at most
   one blank line between, the last phrase of a's series: a is one source
   line of two to SERIES_MAX_PHRASES - 1 short phrases parted by spaces
   (向“新”行 锻韧性), b one more phrase as long as a's last (拓空间)?  A
   headline broken over two lines so is one headline, not a kicker over a
   headline.  A joined line spans more than one source line, so it takes
   no further line: a page of a million short lines stays linear. */
static bool continues_phrase_series(const item *a, const item *b)
{
    if (!a->cand || !b->cand || a->level || b->level || a->lines != 1 ||
        b->line > a->line + a->lines + 1 || !no_space(b) ||
        starts_with_dash(b) ||
        ((a->marks | b->marks) & (MARK_INDENT | MARK_ASKS | MARK_LONG)))
        return false;
    size_t phrases = 0, last = 0, start = 0;
    for (size_t i = 0; i <= a->n; i++) {
        if (i < a->n && !is_space(a->f[i]))
            continue;
        if (i > start) {
            last = u32_visible(a->f + start, i - start);
            if (last < SERIES_PHRASE_MIN_CHARS ||
                last > SERIES_PHRASE_MAX_CHARS ||
                ++phrases >= SERIES_MAX_PHRASES)
                return false;
        }
        start = i + 1;
    }
    return phrases >= 2 && u32_visible(b->f, b->n) == last;
}

/* Does the page print its paragraphs one a line, with no blank line
   between (two paragraphs of text on consecutive source lines)?  Then a
   line break ends a line of its own, never wraps a heading. */
static int prints_paragraph_a_line(const item_list *l)
{
    for (size_t i = 0; i + 1 < l->n; i++) {
        const item *a = &l->v[i], *b = &l->v[i + 1];
        if (!a->cand && !b->cand && a->kind == BLOCK_BODY &&
            b->kind == BLOCK_BODY && a->lines == 1 &&
            b->line == a->line + 1)
            return 1;
    }
    return 0;
}

/* Join a heading wrapped over consecutive source lines (two short lines
   with no blank line between) into one heading item, and a caption whose
   first part was cut off as a paragraph stopping mid-sentence into one
   caption.  One compacting pass: items are moved down, never shifted
   again, so a page of a million short lines stays linear. */
static void merge_wrapped_lines(item_list *l)
{
    if (l->n == 0)
        return;
    int lines_are_paragraphs = prints_paragraph_a_line(l);
    size_t w = 0;
    bool sealed = false; /* a caption just formed: it takes no more */
    for (size_t r = 1; r < l->n; r++) {
        item *a = &l->v[w], *b = &l->v[r];
        if (!sealed && a->kind == BLOCK_BODY && !a->cand &&
            b->kind == BLOCK_CAPTION && ends_open(a->f, a->n)) {
            append_item(a, b, 0);
            a->kind = BLOCK_CAPTION;
            sealed = true;
            continue;
        }
        if (!sealed && !lines_are_paragraphs && is_wrapped_heading(a, b)) {
            append_item(a, b, u32_visible(a->f, a->n) <= SPACED_JOIN_MAX_CHARS);
            continue;
        }
        if (!sealed && continues_phrase_series(a, b)) {
            int end = b->lines > 0 ? b->line + b->lines : 0;
            append_item(a, b, 1);
            a->lines = end ? end - a->line : 0; /* the blank line too */
            continue;
        }
        l->v[++w] = *b;
        sealed = false;
    }
    l->n = w + 1;
}

/* Is the item bracketed as a title (【…】)? */
static int is_bracketed(const item *it)
{
    return it->n > 2 && it->f[0] == U'【' && it->f[it->n - 1] == U'】';
}

/* Does a story start right after item i: the next item is a lead (本报讯
   …, 某某网消息：…), a byline, a dateline stamp or a continuation
   marker? */
static int story_follows(const item_list *l, size_t i)
{
    while (i + 1 < l->n && (l->v[i + 1].marks & MARK_INFO))
        i++;
    if (i + 1 >= l->n)
        return 0;
    block_kind k = l->v[i + 1].kind;
    return !l->v[i + 1].cand &&
           (k == BLOCK_LEAD || k == BLOCK_BYLINE || k == BLOCK_DATELINE ||
            k == BLOCK_CONTINUATION);
}

/* A line bracketed like a column tag (【…】) right above a lead or byline
   is the title of the story it opens (a broadcast transcript prints each
   item so), not a banner. */
static void promote_bracketed_titles(item_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        item *it = &l->v[i];
        if (it->kind == BLOCK_BANNER && is_bracketed(it) &&
            story_follows(l, i)) {
            it->kind = BLOCK_BODY;
            it->cand = 1;
        }
    }
}

/* The text a heading line is known by when it recurs on the page: its
   folded text without spaces, an item number (1. / 一、) or 【】 around
   it.  A heap string. */
static char *heading_key(const item *it)
{
    size_t a = item_number_len(it->f, it->n), b = it->n;
    if (b - a > 2 && it->f[a] == U'【' && it->f[b - 1] == U'】') {
        a++;
        b--;
    }
    uint32_t *u = xmalloc((b - a + 1) * sizeof *u);
    size_t k = 0;
    for (size_t i = a; i < b; i++)
        if (!is_space(it->f[i]))
            u[k++] = it->f[i];
    char *key = u32_to_utf8(u, k);
    free(u);
    return key;
}

typedef struct {
    char *key;
    size_t at;
} keyed_line;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed_line *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->at > y->at) - (x->at < y->at);
}

/* Is heading line i one of a list of them (a heading line right before
   or after it)? */
static int in_list(const item_list *l, size_t i)
{
    return (i > 0 && l->v[i - 1].cand) || (i + 1 < l->n && l->v[i + 1].cand);
}

/* A heading line whose words recur as a heading further down is an entry
   of a contents list (a broadcast's 主要内容, a page's 导读) when it stands
   in a list of heading lines: the later one heads the story.  Entries are
   page furniture.  Short labels recur as labels (关键词, 场景) and are left
   alone.  Sorting the keys keeps a page of many headings n log n. */
static void mark_contents(item_list *l)
{
    keyed_line *v = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < l->n; i++) {
        const item *it = &l->v[i];
        if (!it->cand || it->level > 0 || u32_visible(it->f, it->n) <=
                                               LABEL_MAX_CHARS)
            continue;
        v = grow_array(v, &cap, n + 1, sizeof *v);
        v[n].key = heading_key(it);
        v[n++].at = i;
    }
    if (n > 1)
        qsort(v, n, sizeof *v, cmp_keyed);
    for (size_t k = 0; k + 1 < n; k++)
        if (strcmp(v[k].key, v[k + 1].key) == 0 && in_list(l, v[k].at))
            l->v[v[k].at].marks |= MARK_CONTENTS;
    for (size_t k = 0; k < n; k++) {
        item *it = &l->v[v[k].at];
        if (it->marks & MARK_CONTENTS) {
            it->cand = 0;
            it->kind = BLOCK_BANNER;
        }
        free(v[k].key);
    }
    free(v);
}

/* The key (heading_key) of a numbered contents entry printed as running
   text (1.某市举行某某会议； / 3、某某：): NULL when the item has no item
   number.  The entry's closing ； or ： or 。 is not part of the title. */
static char *entry_key(const item *it)
{
    if (!item_number_len(it->f, it->n))
        return NULL;
    item title = *it;
    uint32_t last = title.f[title.n - 1];
    if (last == U'；' || last == U'：' || last == U'。')
        title.n--;
    return heading_key(&title);
}

static int cmp_key_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A heading line whose words a numbered contents entry above it gives
   (a broadcast's 本期节目主要内容 list, a page's 导读) heads a story of its
   own, even right under another heading: a transcript's item may have no
   text (十四届……第三次会议 / 十四届……第四次会议 / 某某贺电 / lead), and
   each such line is still its item's headline, never a deck or a
   subhead of the one above.  Sorted keys keep it n log n. */
static void mark_listed(item_list *l)
{
    char **keys = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < l->n; i++) {
        char *key = l->v[i].cand ? NULL : entry_key(&l->v[i]);
        if (!key)
            continue;
        keys = grow_array(keys, &cap, n + 1, sizeof *keys);
        keys[n++] = key;
    }
    if (n > 1)
        qsort(keys, n, sizeof *keys, cmp_key_strings);
    for (size_t i = 0; n > 0 && i < l->n; i++) {
        item *it = &l->v[i];
        if (!it->cand || item_number_len(it->f, it->n))
            continue;
        char *key = heading_key(it);
        if (bsearch(&key, keys, n, sizeof *keys, cmp_key_strings))
            it->marks |= MARK_LISTED;
        free(key);
    }
    for (size_t k = 0; k < n; k++)
        free(keys[k]);
    free(keys);
}

/* A heading line that asks or exclaims (MARK_ASKS) or is long
   (MARK_LONG) is a headline only where a headline stands: right above a
   story's lead, byline or stamp (a deck may come between), or opening the
   page.  A long line opening the page heads it only in the form of a
   title and its subtitle (对话某某：观点一，观点二): a page may open with
   the end of a sentence continued from another page.  Elsewhere, and
   after a paragraph that stopped mid-sentence, such a line is a sentence
   of the text. */
static void settle_marked_headings(item_list *l)
{
    const unsigned marked = MARK_ASKS | MARK_LONG;
    int text_before = 0;
    for (size_t i = 0; i < l->n; i++) {
        item *it = &l->v[i];
        int opener = !text_before &&
                     (!(it->marks & MARK_LONG) || u32_has(it->f, it->n, U'：'));
        const item *prev = i > 0 ? &l->v[i - 1] : NULL;
        int continues = prev && !prev->cand && prev->kind == BLOCK_BODY &&
                        ends_open(prev->f, prev->n);
        if (it->cand && (it->marks & marked) &&
            (continues ||
             (!opener && !story_follows(l, i) &&
              !(i + 1 < l->n && l->v[i + 1].cand &&
                !(l->v[i + 1].marks & marked) && story_follows(l, i + 1)))))
            it->cand = 0;
        text_before |= it->cand || (it->kind != BLOCK_MASTHEAD &&
                                    it->kind != BLOCK_DATELINE &&
                                    it->kind != BLOCK_EDITOR &&
                                    it->kind != BLOCK_BANNER);
    }
}

/* On a page printing a paragraph a line, a line shaped like a heading
   of up to SET_APART_TITLE_MAX_CHARS (no full stop, a few commas), with a
   blank line above it (or opening the page) and its text right under it,
   is a title: such a page parts its pieces by blank lines (the items of a
   feed: title, then paragraphs), and a feed's title joins kicker, title
   and deck into one long line.  The text may open with a lead or with
   ■ summary lines.  It stays a heading candidate, whatever
   its length, and resolve_run decides what it heads. */
static void promote_set_apart_titles(item_list *l)
{
    if (!prints_paragraph_a_line(l))
        return;
    for (size_t i = 0; i + 1 < l->n; i++) {
        item *it = &l->v[i], *next = &l->v[i + 1];
        if (it->cand || it->kind != BLOCK_BODY || it->level ||
            (it->marks & (MARK_INDENT | MARK_INFO)) || it->lines != 1 ||
            next->cand || !(next->kind == BLOCK_BODY ||
                            next->kind == BLOCK_LEAD ||
                            (next->marks & MARK_SQUARE)) ||
            !follows_directly(it, next) ||
            (i > 0 && (l->v[i - 1].lines <= 0 ||
                       follows_directly(&l->v[i - 1], it))) ||
            !heading_shape(it, SET_APART_TITLE_MAX_CHARS,
                           LONG_HEADING_MAX_COMMAS))
            continue;
        it->cand = 1;
    }
}

/* Is the item a real reporter's byline (not a photo credit or a bare
   dispatch line)? */
static int is_reporter_byline(const item *it)
{
    return it->kind == BLOCK_BYLINE && is_reporter_credit(it->f, it->n);
}

/* Resolve short labels: a name right under a heading is its byline (陶凤),
   one right under a byline the rest of it (a reporter's name wrapped to
   the next line);
   a label before a speaker heading or at the end of the page is a kicker
   (北京 / 记者手记). */
static void resolve_labels(item_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        item *it = &l->v[i];
        if (!it->cand || !is_label(it))
            continue;
        const item *prev = i > 0 ? &l->v[i - 1] : NULL;
        const item *next = i + 1 < l->n ? &l->v[i + 1] : NULL;
        if (prev && ((prev->cand && !is_label(prev)) ||
                     is_reporter_byline(prev)) &&
            is_person_name(it->f, 0, it->n)) {
            it->cand = 0;
            it->kind = BLOCK_BYLINE;
        } else if (!next || next->kind == BLOCK_SPEAKER_HEADING) {
            it->cand = 0;
            it->kind = BLOCK_KICKER;
        }
    }
}


/* Is the kind running text (or closely attached to it)? */
static int is_texty(block_kind k)
{
    return k == BLOCK_BODY || k == BLOCK_LEAD || k == BLOCK_LIST_ITEM ||
           k == BLOCK_CAPTION || k == BLOCK_CONTINUATION;
}

/* Is the kind part of a headline block (headline, deck, kicker, stamp)? */
static int is_heading_kind(block_kind k)
{
    return k == BLOCK_HEADLINE || k == BLOCK_DECK || k == BLOCK_KICKER ||
           k == BLOCK_DATELINE;
}

/* How many distinct pairs of adjacent ideographs of the line occur in the
   text items l->v[from..to)?  A heading has a few dozen pairs at most;
   each pair of the text is checked against them, so this is linear in
   the text. */
static size_t shared_pairs(const item *line, const item_list *l, size_t from,
                           size_t to)
{
    uint64_t want[MAX_HEADING_PAIRS];
    int hit[MAX_HEADING_PAIRS];
    size_t nw = 0, found = 0;
    for (size_t i = 1; i < line->n && nw < MAX_HEADING_PAIRS; i++) {
        if (!is_han(line->f[i - 1]) || !is_han(line->f[i]))
            continue;
        uint64_t p = ((uint64_t)line->f[i - 1] << 32) | line->f[i];
        size_t w = 0;
        while (w < nw && want[w] != p)
            w++;
        if (w == nw) {
            want[nw] = p;
            hit[nw++] = 0;
        }
    }
    for (size_t k = from; k < to && found < nw; k++) {
        const item *it = &l->v[k];
        if (it->cand || (it->kind != BLOCK_BODY && it->kind != BLOCK_LEAD))
            continue;
        for (size_t i = 1; i < it->n; i++) {
            if (!is_han(it->f[i - 1]) || !is_han(it->f[i]))
                continue;
            uint64_t p = ((uint64_t)it->f[i - 1] << 32) | it->f[i];
            for (size_t w = 0; w < nw; w++)
                if (!hit[w] && want[w] == p) {
                    hit[w] = 1;
                    found++;
                }
        }
    }
    return found;
}

/* Is the first line of the heading cluster starting at l->v[a], which a
   byline at l->v[next] follows, the headline of the text printed before it?  That
   is so on a page that opens with untitled text ending a sentence, when
   the line shares at least two ideograph pairs with that text and more
   than with the text after the byline (a kicker shares the words of the
   headline and article below it instead). */
static int heads_text_before(const item_list *l, size_t a, size_t next,
                             int seen_headline)
{
    if (seen_headline || a == 0)
        return 0;
    const item *prev = &l->v[a - 1];
    if (prev->cand || (prev->kind != BLOCK_BODY && prev->kind != BLOCK_LEAD) ||
        !u32_ends_statement(prev->f, prev->n))
        return 0;
    size_t end = next + 1;
    while (end < l->n && !l->v[end].cand &&
           l->v[end].kind != BLOCK_HEADLINE)
        end++;
    size_t before = shared_pairs(&l->v[a], l, 0, a);
    return before >= MIN_SHARED_PAIRS &&
           before > shared_pairs(&l->v[a], l, next + 1, end);
}

/* The first of the speaker headings and kickers right above item a (a
   itself if there are none). */
static size_t above_speaker_lines(const item_list *l, size_t a)
{
    size_t p = a;
    while (p > 0 && !l->v[p - 1].cand &&
           (l->v[p - 1].kind == BLOCK_SPEAKER_HEADING ||
            l->v[p - 1].kind == BLOCK_KICKER))
        p--;
    return p;
}

/* Is there a speaker heading or kicker right above the heading at a (张某
   代表——, the person a short piece is about), and above it the end of a
   piece (a byline after its text), a stamp, a banner or an editor line?
   Then the heading is the title of a new piece, not a section title. */
static int opens_piece_after_speaker(const item_list *l, size_t a)
{
    size_t p = above_speaker_lines(l, a);
    if (p == a || p == 0)
        return 0;
    block_kind k = l->v[p - 1].kind;
    return k == BLOCK_BANNER || k == BLOCK_DATELINE || k == BLOCK_EDITOR ||
           k == BLOCK_MASTHEAD ||
           (k == BLOCK_BYLINE && p >= 2 && is_texty(l->v[p - 2].kind));
}

/* Is the item the signature closing an editor's note over a piece
   (——编者): a byline opening with a dash? */
static int is_note_signature(const item *it)
{
    return !it->cand && it->kind == BLOCK_BYLINE && starts_with_dash(it);
}

/* Are the heading lines l->v[a..b) printed inside running text: body
   (or the signature of an editor's note over the piece) right above (a
   speaker heading or kicker may stand between) and body right below,
   every line on the line after the one before it? */
static int glued_in_text(const item_list *l, size_t a, size_t b)
{
    size_t p = above_speaker_lines(l, a);
    if (p == 0 || b >= l->n || l->v[p - 1].cand || l->v[b].cand ||
        (l->v[p - 1].kind != BLOCK_BODY && !is_note_signature(&l->v[p - 1])) ||
        l->v[b].kind != BLOCK_BODY)
        return 0;
    for (size_t i = p; i <= b; i++)
        if (!follows_directly(&l->v[i - 1], &l->v[i]))
            return 0;
    return 1;
}

/* On a page that prints its paragraphs one a line, with no blank line
   between them, is the heading run l->v[a..b) set apart from what is
   above it by a blank line, and followed by text with no blank line
   between?  Such a page uses the blank line to part its pieces (the
   items of one e-paper page from a feed: title, then its paragraphs), so
   the run heads a new piece even with no byline, lead or stamp; a
   subhead sits glued in the text or stands between two blank lines.  The
   text may open with ■ summary lines. */
static int heads_text_set_apart(const item_list *l, size_t a, size_t b,
                                int lines_are_paragraphs)
{
    if (!lines_are_paragraphs || a == 0 || b >= l->n)
        return 0;
    const item *prev = &l->v[a - 1], *next = &l->v[b];
    if (prev->lines <= 0 || follows_directly(prev, &l->v[a]) ||
        next->cand || !(is_texty(next->kind) || (next->marks & MARK_SQUARE)))
        return 0;
    for (size_t i = a + 1; i <= b; i++)
        if (!follows_directly(&l->v[i - 1], &l->v[i]))
            return 0;
    return 1;
}

/* Is item a right under the stamp of a headline (标题 / 2026年01月05日 /
   item), so that it stands inside the piece that headline opens? */
static int under_stamped_headline(const item_list *l, size_t a)
{
    return a >= 2 && !l->v[a - 1].cand && l->v[a - 1].kind == BLOCK_DATELINE &&
           !l->v[a - 2].cand && (l->v[a - 2].kind == BLOCK_HEADLINE ||
                                 l->v[a - 2].kind == BLOCK_DECK);
}

/* Decide the kinds of the heading candidates l->v[a..b) from what comes
   before and after them.  seen_headline: a headline came earlier;
   lines_are_paragraphs: the page prints a paragraph a line. */
static void resolve_run(item_list *l, size_t a, size_t b, int seen_headline,
                        int lines_are_paragraphs)
{
    size_t core[16], ncore = 0;
    for (size_t i = a; i < b; i++) {
        item *it = &l->v[i];
        it->cand = 0;
        if (starts_with_dash(it) && i > a) {
            it->kind = BLOCK_DECK;
        } else if (i + 1 < b && (ends_with_speech(it->f, it->n) ||
                                 is_dash(it->f[it->n - 1]))) {
            it->kind = BLOCK_KICKER; /* introduces the line under it */
        } else if (ncore < sizeof core / sizeof core[0]) {
            core[ncore++] = i;
        } else {
            it->kind = BLOCK_DECK;
        }
    }
    if (ncore == 0)
        return;
    /* What follows, looking past stamps, kickers, continuation marks and
       lines about the piece. */
    size_t j = b;
    int stamp = 0, cont = 0;
    while (j < l->n && (l->v[j].kind == BLOCK_DATELINE ||
                        l->v[j].kind == BLOCK_CONTINUATION ||
                        (l->v[j].marks & MARK_INFO) ||
                        (l->v[j].kind == BLOCK_KICKER && !l->v[j].cand))) {
        stamp |= l->v[j].kind == BLOCK_DATELINE;
        cont |= l->v[j].kind == BLOCK_CONTINUATION;
        j++;
    }
    const item *next = j < l->n ? &l->v[j] : NULL;
    const item *prev = a > 0 ? &l->v[a - 1] : NULL;
    int byline_next = next && is_reporter_byline(next);
    item *first = &l->v[core[0]];

    if (first->level >= HEADLINE_LEVEL && !byline_next) {
        int head = first->level == HEADLINE_LEVEL &&
                   (!seen_headline || (prev && prev->kind == BLOCK_BANNER));
        for (size_t k = 0; k < ncore; k++)
            l->v[core[k]].kind = head && k == 0 ? BLOCK_HEADLINE
                                 : head         ? BLOCK_DECK
                                                : BLOCK_SUBHEAD;
        return;
    }
    if (byline_next) {
        /* Lines before the cluster's first headline are kickers, unless the
           first heads the text printed before the cluster; after a
           headline they are decks. */
        int have_head = 0;
        size_t k0 = 0;
        if (ncore >= 2 && core[0] == a &&
            heads_text_before(l, a, j, seen_headline)) {
            first->kind = BLOCK_HEADLINE;
            first->flags |= BLOCK_F_HEADS_BEFORE;
            have_head = 1;
            k0 = 1;
        }
        for (size_t k = k0; k + 1 < ncore; k++) {
            item *it = &l->v[core[k]];
            if (it->marks & MARK_SPACED) {
                it->kind = BLOCK_HEADLINE;
                have_head = 1;
            } else {
                it->kind = have_head ? BLOCK_DECK : BLOCK_KICKER;
            }
        }
        l->v[core[ncore - 1]].kind = BLOCK_HEADLINE;
        return;
    }
    /* A short label right under a headline's stamp, over text (读者关切,
       人物小传), labels that headline's text: it opens no piece. */
    if (ncore == 1 && b == a + 1 && is_label(first) && next &&
        is_texty(next->kind) && under_stamped_headline(l, a)) {
        first->kind = BLOCK_KICKER;
        return;
    }
    /* The first paragraph under a headline and its byline is text, not a
       subhead, unless it is numbered like one. */
    if (ncore == 1 && first->level == 0 && prev && is_reporter_byline(prev) &&
        a >= 2 && is_heading_kind(l->v[a - 2].kind) &&
        !has_numbered_start(first->f, first->n)) {
        first->kind = BLOCK_BODY;
        return;
    }
    /* A byline after text ends a piece; the signature of an editor's note
       (——编者) closes the note over a piece, not the piece. */
    int trailing_byline = prev && prev->kind == BLOCK_BYLINE && a >= 2 &&
                          is_texty(l->v[a - 2].kind) && !starts_with_dash(prev);
    int strong = heads_text_set_apart(l, a, b, lines_are_paragraphs) ||
                 !seen_headline || !prev || stamp || cont ||
                 opens_piece_after_speaker(l, a) ||
                 (next && next->kind == BLOCK_LEAD) ||
                 first->level == 1 || (first->marks & MARK_SPACED) ||
                 prev->kind == BLOCK_BANNER || prev->kind == BLOCK_MASTHEAD ||
                 prev->kind == BLOCK_DATELINE || prev->kind == BLOCK_EDITOR ||
                 trailing_byline || (first->marks & MARK_LISTED);
    /* Two heading lines inside running text: a short topic label over a
       subhead (转型发展 / 挥洒绿色最美底色), otherwise headline and deck. */
    if (!strong && ncore >= 2 && is_label(first) && is_texty(prev->kind)) {
        first->kind = BLOCK_KICKER;
        for (size_t k = 1; k < ncore; k++)
            l->v[core[k]].kind = BLOCK_SUBHEAD;
        return;
    }
    /* Heading lines printed between paragraphs of running text with no
       blank line on either side are the text's subheads: a new article
       would be set apart by a blank line, a byline, a lead or a stamp. */
    if (!strong && ncore >= 2 && glued_in_text(l, a, b)) {
        for (size_t k = 0; k < ncore; k++) /* labels: 关键词, 场景 */
            l->v[core[k]].kind = k > 0 && is_label(&l->v[core[k]])
                                     ? BLOCK_KICKER
                                     : BLOCK_SUBHEAD;
        return;
    }
    strong |= ncore >= 2;
    for (size_t k = 0; k < ncore; k++)
        l->v[core[k]].kind = !strong ? BLOCK_SUBHEAD
                             : k == 0 ? BLOCK_HEADLINE
                                      : BLOCK_DECK;
}

/* Does the heading candidate at a, after the page's last text, open a
   box of its own: on a page printing a paragraph a line, set apart by a
   blank line above, with more lines right under it (导读 / its stamp /
   the entries of a contents box, the last item of a feed's page)? */
static int opens_closing_box(const item_list *l, size_t a,
                             int lines_are_paragraphs)
{
    return lines_are_paragraphs && a > 0 && a + 1 < l->n &&
           l->v[a - 1].lines > 0 && !follows_directly(&l->v[a - 1], &l->v[a]) &&
           follows_directly(&l->v[a], &l->v[a + 1]);
}

/* Resolve every run of consecutive heading candidates.  Short lines after
   the page's last text, once a headline was seen, head nothing: they are
   the credits and notes a web page ends with (©…, 监制/…), left as text;
   unless a blank line sets them apart as a box of their own. */
static void resolve_headings(item_list *l)
{
    int seen_headline = 0;
    int lines_are_paragraphs = prints_paragraph_a_line(l);
    size_t i = 0, end_of_text = 0;
    for (size_t k = 0; k < l->n; k++)
        if (!l->v[k].cand && (l->v[k].kind == BLOCK_BODY ||
                              l->v[k].kind == BLOCK_LEAD ||
                              l->v[k].kind == BLOCK_LIST_ITEM ||
                              l->v[k].kind == BLOCK_CAPTION))
            end_of_text = k + 1;
    while (i < l->n) {
        if (!l->v[i].cand) {
            seen_headline |= l->v[i].kind == BLOCK_HEADLINE;
            i++;
            continue;
        }
        size_t a = i;
        /* a line a contents entry names starts a run of its own */
        while (i < l->n && l->v[i].cand &&
               !(i > a && (l->v[i].marks & MARK_LISTED)))
            i++;
        if (seen_headline && end_of_text > 0 && a >= end_of_text &&
            !opens_closing_box(l, a, lines_are_paragraphs)) {
            for (size_t k = a; k < i; k++) {
                l->v[k].cand = 0;
                l->v[k].kind = BLOCK_BODY;
            }
            continue;
        }
        resolve_run(l, a, i, seen_headline, lines_are_paragraphs);
        for (size_t k = a; k < i; k++)
            seen_headline |= l->v[k].kind == BLOCK_HEADLINE;
    }
}

/* A headline with no deck whose next story line, past a stamp, is a
   kicker or speaker heading over another headline heads no text of its
   own: it is the title of a box of short pieces (某某大家谈, 发言席), a
   banner over them. */
static void demote_box_titles(item_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        if (l->v[i].kind != BLOCK_HEADLINE)
            continue;
        size_t j = i + 1;
        int over_piece = 0;
        while (j < l->n && (l->v[j].kind == BLOCK_DATELINE ||
                            l->v[j].kind == BLOCK_KICKER ||
                            l->v[j].kind == BLOCK_SPEAKER_HEADING)) {
            over_piece |= l->v[j].kind != BLOCK_DATELINE;
            j++;
        }
        if (over_piece && j < l->n && l->v[j].kind == BLOCK_HEADLINE)
            l->v[i].kind = BLOCK_BANNER;
    }
}

/* A line naming only a person and role before a dash (张某代表——, no
   titles, as names.c's parser reads it) right above a headline names the
   person a report is about: a kicker over the report, not a speaker
   heading over the person's own words (those give the person's titles,
   某公司董事长张某代表——). */
static void name_lines_over_headlines(item_list *l)
{
    for (size_t i = 0; i + 1 < l->n; i++) {
        item *it = &l->v[i];
        if (it->kind != BLOCK_SPEAKER_HEADING ||
            l->v[i + 1].kind != BLOCK_HEADLINE || it->n < 2 ||
            !is_dash(it->f[it->n - 1]))
            continue;
        char *text = u32_to_utf8(it->f, it->n);
        person p = {0};
        if (speaker_heading_parse(text, SESSION_UNKNOWN, &p) && p.name &&
            !p.titles)
            it->kind = BLOCK_KICKER;
        person_clear(&p);
        free(text);
    }
}

/* Does the item open with a speaker's label (某某委员（某协会副主委）：…,
   全国人大代表 某某：…)?  Such a paragraph starts anew: the line before it
   that stops without punctuation is a heading over it, not a column broken
   mid-sentence. */
static int opens_with_label(const item *it)
{
    char *text = u32_to_utf8(it->f, it->n);
    person p = {0};
    int r = speaker_label_at(text, strlen(text), SESSION_UNKNOWN, &p) > 0;
    person_clear(&p);
    free(text);
    return r;
}

/* Does the item hold an opening quotation mark? */
static int has_quote_open(const item *it)
{
    for (size_t i = 0; i < it->n; i++)
        if (is_quote_open(it->f[i]))
            return 1;
    return 0;
}

/* A short paragraph right above a photo credit is the photo's caption
   (…的工程师在工作。 / 新华社记者 某某摄), unless it quotes someone: then
   it is the last paragraph of a story that a photo follows. */
static void captions_over_credits(item_list *l)
{
    for (size_t i = 0; i + 1 < l->n; i++) {
        item *it = &l->v[i];
        const item *next = &l->v[i + 1];
        if (!it->cand && it->kind == BLOCK_BODY && !has_quote_open(it) &&
            u32_visible(it->f, it->n) <= CREDITED_CAPTION_MAX_CHARS &&
            next->kind == BLOCK_BYLINE && is_photo_credit(next->f, next->n))
            it->kind = BLOCK_CAPTION;
    }
}

/* Give every item its kind. */
static void classify_items(item_list *l)
{
    int first = 1;
    for (size_t i = 0; i < l->n; i++) {
        item *it = &l->v[i];
        classify_intrinsic(it, first);
        if (it->kind != BLOCK_EDITOR && it->kind != BLOCK_DATELINE)
            first = 0;
    }
    captions_over_credits(l);
    promote_bracketed_titles(l);
    mark_contents(l);
    mark_listed(l);
    merge_wrapped_lines(l);
    resolve_labels(l);
    settle_marked_headings(l);
    promote_set_apart_titles(l);
    resolve_headings(l);
    demote_box_titles(l);
    name_lines_over_headlines(l);
    for (size_t i = 0; i < l->n; i++) {
        item *it = &l->v[i];
        if (it->cand) {
            it->cand = 0;
            it->kind = BLOCK_BODY;
        }
        if ((it->kind == BLOCK_BODY || it->kind == BLOCK_LEAD) &&
            !(it->marks & MARK_INFO) && ends_open(it->f, it->n) &&
            !(i + 1 < l->n && opens_with_label(&l->v[i + 1])))
            it->flags |= BLOCK_F_OPEN_END;
    }
}

/* Classify the paragraphs (see the top of this file); the list is
   replaced by the classified, possibly split or merged blocks. */
void blocks_classify(block_list *blocks)
{
    item_list l = {0};
    prepare(blocks, &l);
    classify_items(&l);
    block_list out = {0};
    for (size_t i = 0; i < l.n; i++) {
        item *it = &l.v[i];
        char *text = u32_to_utf8(it->d, it->n);
        if (it->kind == BLOCK_BYLINE) {
            char *c = byline_collapse_name_spaces(text);
            free(text);
            text = c;
        }
        block *b = block_list_push(&out, text, it->kind, it->line);
        b->level = it->level;
        b->flags = it->flags;
        if (it->kind == BLOCK_BYLINE)
            b->facts = read_byline(it->f, it->n, &b->flags);
        else if (it->kind == BLOCK_DATELINE)
            b->facts = read_dateline(it->f, it->n);
        free(text);
        item_free(it);
    }
    free(l.v);
    block_list_free(blocks);
    *blocks = out;
}
