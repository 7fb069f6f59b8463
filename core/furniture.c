/* furniture.c - page furniture: bylines, credits, dispatch lines, dates,
 * edition stamps, editor lines, continuation markers (see furniture.h).
 *
 * The word lists are in assets/lexicon/; the few characters the shapes
 * are made of are named below.
 */
#include "furniture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "text.h"

/* The characters dates, dispatch lines, page numbers and credits are
   built from: 2025年3月7日; 新华社北京4月27日电 ("filed on the 27th", 据
   "according to" before an agency); 第06版 (page 6); 某某 摄 (photo by);
   (a lead opens with its source: lead_marks.txt). */
#define YEAR U'年'
#define MONTH U'月'
#define DAY U'日'
#define FILED U'电'
#define ACCORDING U'据'
#define PAGE_ORDINAL U'第'
#define PAGE U'版'
#define PHOTO_BY U'摄'
#define STAMP_SOURCE "来源："
/* © opens the copyright line a web page ends with. */
#define COPYRIGHT U'©'


/* A lead opens with its source in two to this many ideographs and a lead
   mark (本报讯, 中央广播电视总台消息). */
enum { LEAD_SOURCE_MIN_CHARS = 2, LEAD_SOURCE_MAX_CHARS = 12 };
/* A dispatch line names its agency and place in two to this many
   ideographs (新华社北京, 中央广播电视总台上海): more is a sentence. */
enum { DISPATCH_MIN_PLACE = 2, DISPATCH_MAX_PLACE = 16 };
/* A date's parts: a year of four digits, a month and a day of one or
   two; written without separators, eight digits, its year within the
   years a page may be dated (another eight-digit number is no date). */
enum { YEAR_DIGITS = 4, MONTH_DAY_MAX_DIGITS = 2, COMPACT_DATE_DIGITS = 8,
       FIRST_YEAR = 1949, LAST_YEAR = 2099 };
/* A page in a continuation marker or edition stamp is a few characters
   (1, A3, 十二): longer, 第…版 is a phrase. */
enum { PAGE_MAX_CHARS = 4, EDITION_MAX_CHARS = 6 };
/* A name token of a byline is at most four ideographs (欧阳某某); a
   name alone on a line two or three (a single one is half of a justified
   name, 贺 勇; four would be a word). */
enum { NAME_TOKEN_MAX_CHARS = 4, LONE_NAME_MIN_CHARS = 2,
       LONE_NAME_MAX_CHARS = 3 };
/* An outlet's name is at most this many ideographs (中国新闻社, 新华每日
   电讯); further on, 报 or 社 ends some other word. */
enum { OUTLET_MAX_CHARS = 14 };
/* A byline is short: longer, it is text that mentions a reporter.  A note
   on the author may name roles, titles and the reporter who took it down. */
enum { BYLINE_MAX_CHARS = 64, GROUP_BYLINE_MAX_CHARS = 20,
       AUTHOR_NOTE_MAX_CHARS = 100 };
/* A byline lists at most this many names and role words (a closing
   credit may name a dozen reporters). */
enum { BYLINE_MAX_TOKENS = 16 };
/* A credit in brackets after the last sentence (（张 骁）) is short, and
   follows a paragraph of some text. */
enum { CREDIT_MAX_CHARS = 16, CREDITED_MIN_CHARS = 4 };
/* An editor line may name many people and numbers, a dateline a date,
   a weekday, the lunar date and a page count; longer lines are text.
   A dateline this short needs no word besides its date. */
enum { EDITOR_MAX_CHARS = 100, DATELINE_MAX_CHARS = 60,
       BARE_DATELINE_MAX_CHARS = 16 };

static char *edition_in(const uint32_t *f, size_t n);
static bool is_credit_separator(const uint32_t *f, size_t n, size_t k);
static char *stamp_paper(const uint32_t *f, size_t n, char **edition);

/* ---- dispatch lines and continuation markers --------------------------- */

size_t dispatch_at(const uint32_t *u, size_t n, size_t from)
{
    size_t i = from;
    if (i < n && u[i] == ACCORDING)
        i++;
    size_t k = 0;
    while (i + k < n && is_han(u[i + k]) && k < DISPATCH_MAX_PLACE)
        k++;
    if (k < DISPATCH_MIN_PLACE)
        return 0;
    i += k;
    size_t dg = u32_digits_at(u, n, i);
    if (dg < 1 || dg > MONTH_DAY_MAX_DIGITS || i + dg >= n ||
        u[i + dg] != MONTH)
        return 0;
    i += dg + 1;
    dg = u32_digits_at(u, n, i);
    if (dg < 1 || dg > MONTH_DAY_MAX_DIGITS || i + dg + 1 >= n ||
        u[i + dg] != DAY ||
        u[i + dg + 1] != FILED)
        return 0;
    i += dg + 2;
    if (lex_prefix_u(LEX_DIAN_WORD, u + i - 1, n - i + 1))
        return 0;
    return i - from;
}

/* Skip spaces in f from i. */
static size_t skip_spaces(const uint32_t *f, size_t n, size_t i)
{
    while (i < n && is_space(f[i]))
        i++;
    return i;
}

size_t continuation_at(const uint32_t *f, size_t n, size_t from)
{
    size_t i = from;
    if (i >= n || (f[i] != U'（' && f[i] != '('))
        return 0;
    i = skip_spaces(f, n, i + 1);
    size_t k = lex_prefix_u(LEX_CONTINUATION_VERB, f + i, n - i);
    if (!k)
        return 0;
    i = skip_spaces(f, n, i + k);
    if (i < n && f[i] == PAGE_ORDINAL)
        i++;
    i = skip_spaces(f, n, i);
    /* The page: a number, a letter and number (A3) or a numeral (二). */
    size_t page = 0;
    while (i < n && page < PAGE_MAX_CHARS && f[i] != PAGE &&
           (is_digit(f[i]) || is_latin(f[i]) || is_han(f[i]))) {
        i++;
        page++;
    }
    i = skip_spaces(f, n, i);
    if (page == 0 || i >= n || f[i] != PAGE)
        return 0;
    i = skip_spaces(f, n, i + 1);
    if (i >= n || (f[i] != U'）' && f[i] != ')'))
        return 0;
    return i + 1 - from;
}

/* ---- names in bylines ------------------------------------------------- */

/* Is c a surname where a name is expected: a common one, or one that
   mostly begins words? */
static bool is_surname(uint32_t c)
{
    return lex_has_u(LEX_SURNAME, &c, 1) || lex_has_u(LEX_WORD_SURNAME, &c, 1);
}

/* Is f[a..b) one plausible personal name token: 1-4 ideographs (a single
   one is half of a justified name, 贺 勇)? */
static bool is_name_token(const uint32_t *f, size_t a, size_t b)
{
    if (b <= a || b - a > NAME_TOKEN_MAX_CHARS)
        return false;
    for (size_t i = a; i < b; i++)
        if (!is_han(f[i]))
            return false;
    return true;
}

bool is_name_list(const uint32_t *f, size_t a, size_t b, bool allow_empty)
{
    size_t names = 0, tokens = 0;
    bool surname = false;
    size_t i = a;
    while (i < b) {
        while (i < b && (is_space(f[i]) || is_list_comma(f[i])))
            i++;
        if (i >= b)
            break;
        size_t j = i;
        while (j < b && !is_space(f[j]) && !is_list_comma(f[j]))
            j++;
        tokens++;
        size_t s = i, e = j;
        size_t r;
        while (s < e && (r = lex_prefix_u(LEX_BYLINE_ROLE, f + s, e - s)) > 0)
            s += r;
        while (e > s && (r = lex_suffix_u(LEX_BYLINE_ROLE, f + s, e - s)) > 0)
            e -= r;
        if (s < e) {
            if (!is_name_token(f, s, e))
                return false;
            names++;
            surname |= is_surname(f[s]);
        }
        i = j;
    }
    if (tokens > BYLINE_MAX_TOKENS)
        return false;
    if (names == 0)
        return allow_empty;
    return surname;
}

bool is_person_name(const uint32_t *f, size_t a, size_t b)
{
    if (b - a < LONE_NAME_MIN_CHARS || b - a > LONE_NAME_MAX_CHARS)
        return false;
    for (size_t i = a; i < b; i++)
        if (!is_han(f[i]))
            return false;
    return is_surname(f[a]) && !lex_has_u(LEX_NOT_NAME, f + a, b - a);
}

/* ---- bylines and credits ----------------------------------------------- */

/* Length of the outlet name that f[0..k) starts with (up to its last
   outlet ending), or 0. */
static size_t outlet_len(const uint32_t *f, size_t k)
{
    size_t best = 0;
    for (size_t i = 0; i < k && i < OUTLET_MAX_CHARS; i++) {
        if (!is_han(f[i]))
            break;
        if (i >= 1 && lex_has_u(LEX_OUTLET_ENDING, f + i, 1))
            best = i + 1;
    }
    return best;
}

/* Index of the first word naming a reporter (记者, 通讯员 …: staff_words.txt
   marks them) in f[from..n), or n. */
static size_t reporter_at(const uint32_t *f, size_t n, size_t from)
{
    for (size_t i = from; i < n; i++) {
        size_t k = lex_prefix_u(LEX_STAFF_WORD, f + i, n - i);
        const char *v = k ? lex_value_u(LEX_STAFF_WORD, f + i, k) : NULL;
        if (v && strcmp(v, "reporter") == 0)
            return i;
    }
    return n;
}

size_t stamp_at_end(const uint32_t *f, size_t n)
{
    char date[11];
    if (n == 0 || f[n - 1] != U'）')
        return n;
    size_t p = u32_open_paren_before(f, n, n - 1);
    if (p == n || p == 0 || f[p - 1] != U'》' ||
        !find_date(f + p, n - p, date))
        return n;
    size_t q = p - 1;
    while (q > 0 && f[q - 1] != U'《' && f[q - 1] != U'》')
        q--;
    if (q == 0 || f[q - 1] != U'《')
        return n;
    return q - 1;
}

/* The credit proper of a byline f[0..n): without a publication stamp
   after it (stamp_at_end) and without the source bracketed after a photo
   credit (某某摄（某某图片社）); its length, spaces trimmed. */
static size_t credit_len(const uint32_t *f, size_t n)
{
    size_t e = stamp_at_end(f, n);
    while (e > 0 && is_space(f[e - 1]))
        e--;
    if (e > 0 && f[e - 1] == U'）') {
        size_t p = u32_open_paren_before(f, e, e - 1);
        if (p < e && p > 0 && f[p - 1] == PHOTO_BY &&
            u32_visible(f + p, e - p) <= CREDIT_MAX_CHARS)
            e = p;
    }
    return e;
}

/* Is f[0..n) the signature closing an editor's note: a dash, then byline
   role words only, maybe justified with spaces (——编者, ——编  者)? */
static bool is_note_signature(const uint32_t *f, size_t n)
{
    size_t a = 0, k = 0;
    while (a < n && is_dash(f[a]))
        a++;
    if (a == n || n - a > BYLINE_MAX_CHARS)
        return false;
    uint32_t w[BYLINE_MAX_CHARS];
    for (size_t i = a; i < n; i++)
        if (!is_space(f[i]))
            w[k++] = f[i];
    return k > 0 && is_name_list(w, 0, k, true) &&
           !is_name_list(w, 0, k, false);
}

/* Does f[0..n) open like the note on a piece's author (author_notes.txt:
   作者为, 作者系 …; 作者 marked "named" only before a colon, （作者：某某，
   系……）, not in （作者认为……）)? */
static bool author_note_opens(const uint32_t *f, size_t n)
{
    size_t k = lex_prefix_u(LEX_AUTHOR_NOTE, f, n);
    if (!k)
        return false;
    const char *kind = lex_value_u(LEX_AUTHOR_NOTE, f, k);
    return !(kind && strcmp(kind, "named") == 0) ||
           (k < n && (f[k] == U'：' || f[k] == ':'));
}

/* Does f[0..n) open with a dash, as the signature closing an editor's
   note does (——编者)? */
static bool opens_with_dash(const uint32_t *f, size_t n)
{
    return n > 0 && is_dash(f[0]);
}

bool is_byline(const uint32_t *f, size_t n, bool boxed)
{
    size_t core = credit_len(f, n);
    if (core < n)
        return core > 0 && (is_byline(f, core, boxed) ||
                            is_name_list(f, 0, core, false));
    if (opens_with_dash(f, n))
        return is_note_signature(f, n);
    size_t nv = u32_visible(f, n);
    if (n > 2 && ((f[0] == U'（' && f[n - 1] == U'）') ||
                  (f[0] == U'〔' && f[n - 1] == U'〕')) &&
        nv <= AUTHOR_NOTE_MAX_CHARS && !u32_has(f, n, U'。') &&
        author_note_opens(f + 1, n - 1))
        return true; /* （作者为…，本报记者某某采访整理）, 〔作者系…〕 */
    if (n == 0 || nv > BYLINE_MAX_CHARS)
        return false;
    for (size_t i = 0; i < n; i++)
        if (f[i] == U'。' || f[i] == U'！' || f[i] == U'？' || f[i] == U'，')
            return false;
    if (dispatch_at(f, n, 0) == n)
        return true;
    if (f[0] == U'（') {
        size_t close = 0;
        while (close < n && f[close] != U'）')
            close++;
        if (close < n && close + 1 == n)
            return is_name_list(f, 1, close, false);
        if (close < n && dispatch_at(f, n, close + 1) == n - close - 1)
            return is_name_list(f, 1, close, true);
        return false;
    }
    if (boxed || f[n - 1] == PHOTO_BY)
        return is_name_list(f, 0, n, false);
    size_t role = lex_prefix_u(LEX_BYLINE_ROLE, f, n);
    if (role && is_credit_separator(f, n, role))
        return is_name_list(f, role + 1, n, false); /* 摄像丨李某 */
    if (nv <= GROUP_BYLINE_MAX_CHARS && lex_suffix_u(LEX_GROUP_BYLINE, f, n) &&
        !u32_has(f, n, ' '))
        return true;
    size_t k = reporter_at(f, n, 0);
    if (k == n)
        return false;
    size_t rl = lex_prefix_u(LEX_STAFF_WORD, f + k, n - k);
    if (k <= OUTLET_MAX_CHARS && is_credit_separator(f, n, k + rl)) {
        size_t h = 0;
        while (h < k && is_han(f[h]))
            h++;
        if (h == k) /* 某某台记者/张某 李某 */
            return is_name_list(f, k + rl + 1, n, false);
    }
    size_t ol = outlet_len(f, k);
    size_t p = ol;
    size_t q;
    while (p < k &&
           (q = lex_prefix_u(LEX_REPORTER_QUALIFIER, f + p, k - p)) > 0)
        p += q;
    if (p != k)
        return false;
    return is_name_list(f, k, n, ol > 0);
}

size_t credit_at_end(const uint32_t *f, size_t n)
{
    if (n < CREDITED_MIN_CHARS)
        return n;
    size_t s = n;
    if (f[n - 1] == FILED && f[n - 2] == DAY) {
        size_t i = n - 2;
        while (i > 0 && is_digit(f[i - 1]))
            i--;
        if (i > 0 && f[i - 1] == MONTH)
            i--;
        while (i > 0 && is_digit(f[i - 1]))
            i--;
        size_t k = 0;
        while (i > 0 && is_han(f[i - 1]) && k < DISPATCH_MAX_PLACE) {
            i--;
            k++;
        }
        while (i < n && dispatch_at(f, n, i) != n - i)
            i++;
        if (i >= n || i == 0)
            return n;
        s = i;
        if (f[s - 1] == U'）') {
            size_t p = u32_open_paren_before(f, n, s - 1);
            if (p < n && is_name_list(f, p + 1, s - 1, false))
                s = p;
        }
    } else if (f[n - 1] == U'）') {
        size_t p = u32_open_paren_before(f, n, n - 1);
        if (p == n || p == 0 || u32_visible(f + p, n - p) > CREDIT_MAX_CHARS ||
            !is_name_list(f, p + 1, n - 1, false))
            return n;
        s = p;
    } else {
        return n;
    }
    size_t e = s;
    while (e > 0 && is_space(f[e - 1]))
        e--;
    return (e > 0 && u32_ends_statement(f, e)) ? s : n;
}

bool is_photo_credit(const uint32_t *f, size_t n)
{
    size_t core = credit_len(f, n);
    return core > 0 && f[core - 1] == PHOTO_BY && is_byline(f, n, false);
}

bool ends_with_photo_credit(const uint32_t *f, size_t n)
{
    size_t e = n;
    while (e > 0 && f[e - 1] != U'。')
        e--;
    if (e == 0 || e == n)
        return false;
    size_t a = e;
    while (a < n && is_space(f[a]))
        a++;
    size_t core = a + credit_len(f + a, n - a);
    return core > a && f[core - 1] == PHOTO_BY &&
           is_byline(f + a, n - a, false);
}

bool is_reporter_credit(const uint32_t *f, size_t n)
{
    n = credit_len(f, n);
    return n > 0 && f[n - 1] != PHOTO_BY && dispatch_at(f, n, 0) != n;
}

/* The outlet before 记者 or 报道组 in the byline f[0..n), or NULL. */
static char *outlet_of(const uint32_t *f, size_t n)
{
    size_t start = (n > 0 && f[0] == U'（') ? 1 : 0;
    size_t k = reporter_at(f, n, start);
    size_t g = lex_find_u(LEX_GROUP_BYLINE, f, n, start, NULL);
    if (g < k)
        k = g;
    size_t ol = k < n ? outlet_len(f + start, k - start) : 0;
    return ol ? u32_to_utf8(f + start, ol) : NULL;
}

block_facts *read_byline(const uint32_t *f, size_t n, unsigned *flags)
{
    size_t core = credit_len(f, n), stamp = stamp_at_end(f, n);
    if (core >= 2 && f[core - 1] == PHOTO_BY)
        *flags |= BLOCK_F_PHOTO_CREDIT;
    if (n > 0 && dispatch_at(f, n, 0) == n)
        *flags |= BLOCK_F_DISPATCH;
    block_facts *facts = xcalloc(1, sizeof *facts);
    facts->outlet = outlet_of(f, core);
    if (stamp < n) {
        char *edition = NULL;
        find_date(f + stamp, n - stamp, facts->date);
        facts->edition = edition_in(f + stamp, n - stamp);
        facts->stamped = stamp_paper(f + stamp, n - stamp, &edition);
        free(edition);
    }
    return facts;
}

/* ---- editor lines, datelines, leads ------------------------------------ */

/* Does a credit's role end at f[k], before its names (编辑：张某, 摄像丨李某,
   记者/王某)? */
static bool is_credit_separator(const uint32_t *f, size_t n, size_t k)
{
    return k < n && (is_colon(f[k]) || f[k] == U'丨' || f[k] == U'｜' ||
                     f[k] == '|' || f[k] == '/');
}

/* Length of the page a credit may open with (一版, 十二版, A3版: a
   numeral, digits or a letter and digits, then 版), or 0. */
static size_t credit_page_at(const uint32_t *f, size_t n, size_t i)
{
    size_t k = 0;
    while (i + k < n && k < PAGE_MAX_CHARS &&
           (is_digit(f[i + k]) || is_latin(f[i + k]) ||
            cn_numeral_value(f[i + k]) > 0))
        k++;
    return k > 0 && i + k < n && f[i + k] == PAGE ? k + 1 : 0;
}

/* Length of the editor word a credit opens with at f[i..n) (本版责编,
   编辑, 制图), with the page it may name first (一版责编: a paper's credits
   for several pages on one line), or 0. */
static size_t editor_start_at(const uint32_t *f, size_t n, size_t i)
{
    size_t p = credit_page_at(f, n, i);
    size_t k = lex_prefix_u(LEX_EDITOR_START, f + i + p, n - i - p);
    return k ? p + k : 0;
}

/* Length of a credit's role and separator at f[i..n) (编辑：, 一版责编：,
   监制/), or 0. */
static size_t credit_role_at(const uint32_t *f, size_t n, size_t i)
{
    size_t k = editor_start_at(f, n, i);
    return k && is_credit_separator(f, n, i + k) ? k + 1 : 0;
}

/* Is f[0..n) a list of credits, each a role, a separator and names up to
   the next role after a space (监制/张某  主编/李某, 编辑：张某  校对：李某,
   一版责编：张  某  李某  二版责编：王某)? */
static bool is_credit_list(const uint32_t *f, size_t n)
{
    size_t i = 0, credits = 0;
    while (i < n) {
        i = skip_spaces(f, n, i);
        if (i >= n)
            break;
        size_t r = credit_role_at(f, n, i);
        if (!r)
            return false;
        size_t a = i + r, j = a;
        while (j < n && !(j > a && is_space(f[j - 1]) &&
                          credit_role_at(f, n, j)))
            j++;
        if (!is_name_list(f, a, j, false))
            return false;
        credits++;
        i = j;
    }
    return credits > 0;
}

/* Does f[0..n) hold a word of a copyright notice, spaces left out (the
   notice is often letter-spaced: 某 某 网 版 权 所 有)? */
static bool holds_copyright_word(const uint32_t *f, size_t n)
{
    uint32_t *packed = xmalloc((n + 1) * sizeof *packed);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!is_space(f[i]))
            packed[k++] = f[i];
    bool found = lex_find_u(LEX_COPYRIGHT_WORD, packed, k, 0, NULL) < k;
    free(packed);
    return found;
}

bool is_editor_line(const uint32_t *f, size_t n)
{
    if (u32_visible(f, n) > EDITOR_MAX_CHARS || u32_has(f, n, U'。'))
        return false;
    if (n > 1 && f[0] == COPYRIGHT)
        return true; /* ©某某新闻 */
    if (holds_copyright_word(f, n))
        return true; /* 某某网版权所有，未经书面授权禁止使用 */
    size_t k = editor_start_at(f, n, 0);
    if (!k)
        return false;
    if (is_credit_separator(f, n, k) && is_name_list(f, k + 1, n, false))
        return true; /* 本版责编：张某  李某 */
    if (k < n && is_space(f[k]) && is_name_list(f, k, n, false))
        return true; /* 本版责编  张某  李  某 */
    if (is_credit_list(f, n))
        return true;
    return lex_find_u(LEX_EDITOR_MARK, f, n, 0, NULL) < n;
}

bool is_dateline(const uint32_t *f, size_t n)
{
    char date[11];
    size_t nv = u32_visible(f, n);
    size_t stamp = stamp_at_end(f, n);
    if (stamp > 0 && stamp < n && is_byline(f, n, false))
        return false;
    if (nv > DATELINE_MAX_CHARS || u32_has_sentence_mark(f, n) ||
        !find_date(f, n, date))
        return false;
    if (nv <= BARE_DATELINE_MAX_CHARS)
        return true;
    /* A full date in a line with no clause in it (no comma or semicolon):
       a programme's or page's title line (《某某节目》 20230305 文字版), not
       a heading, which names no day. */
    if (!u32_has(f, n, U'，') && !u32_has(f, n, U'；'))
        return true;
    return lex_find_u(LEX_DATELINE_WORD, f, n, 0, NULL) < n;
}

/* Length of a lead's opening source at f[0..n): a few ideographs naming
   an outlet (ending like one: outlet_endings.txt) and a lead mark (本报讯,
   某某网消息, lead_marks.txt), followed by a colon, a bracket or a space,
   or 0. */
static size_t lead_source_at(const uint32_t *f, size_t n)
{
    size_t k = 0;
    while (k < n && k < LEAD_SOURCE_MAX_CHARS && is_han(f[k]))
        k++;
    for (; k >= LEAD_SOURCE_MIN_CHARS; k--) {
        size_t m = lex_suffix_u(LEX_LEAD_MARK, f, k);
        if (m == 0 || m == k || !lex_has_u(LEX_OUTLET_ENDING, f + k - m - 1, 1))
            continue; /* the source is an outlet: 某某网, 本台, 本报 */
        if (k < n && (is_colon(f[k]) || is_space(f[k]) || f[k] == U'（'))
            return k;
        if (u32_match(f, n, 0, OWN_PAPER) == k - m)
            return k; /* 本报讯记者… */
    }
    return 0;
}

bool opens_with_lead(const uint32_t *f, size_t n)
{
    if (lead_source_at(f, n))
        return true;
    size_t k = dispatch_at(f, n, 0);
    return k > 0 && k < n;
}

/* ---- dates, editions, papers -------------------------------------------- */

/* The value of the digits u[i..i+k) into *val; returns k, the number of
   digits there, when it is between min and max, else 0. */
static size_t number_at(const uint32_t *u, size_t n, size_t i, size_t min,
                        size_t max, int *val)
{
    size_t k = u32_digits_at(u, n, i);
    if (k < min || k > max)
        return 0;
    *val = 0;
    for (size_t j = 0; j < k; j++)
        *val = *val * 10 + digit_value(u[i + j]);
    return k;
}

/* Is there a date (YYYY年M月D日 or YYYY-MM-DD, ./ too) at u[i..n)?  Fills
   year, month and day. */
static bool date_at(const uint32_t *u, size_t n, size_t i, int *y, int *m,
                    int *d)
{
    if ((i > 0 && is_digit(u[i - 1])) ||
        !number_at(u, n, i, YEAR_DIGITS, YEAR_DIGITS, y))
        return false;
    size_t j = i + YEAR_DIGITS;
    uint32_t sep = j < n ? u[j] : 0;
    if (sep != YEAR && sep != '-' && sep != '.' && sep != '/')
        return false;
    j++;
    size_t dm = number_at(u, n, j, 1, MONTH_DAY_MAX_DIGITS, m);
    if (!dm || (j += dm) >= n)
        return false;
    if (sep == YEAR ? u[j] != MONTH : u[j] != sep)
        return false;
    j++;
    size_t dd = number_at(u, n, j, 1, MONTH_DAY_MAX_DIGITS, d);
    if (!dd)
        return false;
    j += dd;
    if (sep == YEAR && (j >= n || u[j] != DAY))
        return false;
    return *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
}

/* Is there a date written as eight digits (20230305) at u[i..n), no digit
   on either side, its year one of FIRST_YEAR..LAST_YEAR?  Fills year,
   month and day. */
static bool compact_date_at(const uint32_t *u, size_t n, size_t i, int *y,
                            int *m, int *d)
{
    int v;
    if ((i > 0 && is_digit(u[i - 1])) ||
        !number_at(u, n, i, COMPACT_DATE_DIGITS, COMPACT_DATE_DIGITS, &v))
        return false;
    *y = v / 10000;
    *m = v / 100 % 100;
    *d = v % 100;
    return *y >= FIRST_YEAR && *y <= LAST_YEAR && *m >= 1 && *m <= 12 &&
           *d >= 1 && *d <= 31;
}

bool find_date(const uint32_t *u, size_t n, char out[11])
{
    for (size_t i = 0; i + YEAR_DIGITS < n; i++) {
        int y, m, d;
        if (!date_at(u, n, i, &y, &m, &d) &&
            !compact_date_at(u, n, i, &y, &m, &d))
            continue;
        char buf[32];
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        memcpy(out, buf, 10);
        out[10] = '\0';
        return true;
    }
    return false;
}

bool outlet_is_paper(const char *name)
{
    size_t n = strlen(name), k = lex_suffix(LEX_PAPER_ENDING, name, n);
    return k > 0 && k < n && strcmp(name, OWN_PAPER) != 0;
}

/* The edition printed in a dateline: 第 06 版, 第A3版, or NULL.  The count
   of pages (今日四版) is not an edition. */
static char *edition_in(const uint32_t *f, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (f[i] != PAGE_ORDINAL)
            continue;
        size_t j = i + 1;
        while (j < n && j - i - 1 < EDITION_MAX_CHARS && f[j] != PAGE)
            j++;
        if (j > i + 1 && j < n && f[j] == PAGE)
            return u32_to_utf8(f + i, j + 1 - i);
    }
    return NULL;
}

/* f[a..b) without spaces at either end, as a heap string, or NULL. */
static char *trimmed(const uint32_t *f, size_t a, size_t b)
{
    while (a < b && is_space(f[a]))
        a++;
    while (b > a && is_space(f[b - 1]))
        b--;
    return b > a ? u32_to_utf8(f + a, b - a) : NULL;
}

/* The paper a stamp names: 稿件来源：新华每日电讯 要闻 (what follows the
   name goes to *edition when it has none yet) or 《人民日报》（…）. */
static char *stamp_paper(const uint32_t *f, size_t n, char **edition)
{
    size_t p = u32_find(f, n, 0, STAMP_SOURCE);
    if (p < n) {
        p += u32_match(f, n, p, STAMP_SOURCE);
        while (p < n && f[p] == ' ')
            p++;
        size_t e = p;
        while (e < n && f[e] != ' ')
            e++;
        if (e < n && !*edition)
            *edition = trimmed(f, e, n);
        return e > p ? u32_to_utf8(f + p, e - p) : NULL;
    }
    for (p = 0; p < n && f[p] != U'《'; p++)
        ;
    size_t e = p + 1;
    while (e < n && f[e] != U'》')
        e++;
    if (p >= n || e >= n || e == p + 1)
        return NULL;
    char *name = u32_to_utf8(f + p + 1, e - p - 1);
    if (outlet_is_paper(name))
        return name;
    free(name);
    return NULL;
}

block_facts *read_dateline(const uint32_t *f, size_t n)
{
    block_facts *facts = xcalloc(1, sizeof *facts);
    find_date(f, n, facts->date);
    facts->edition = edition_in(f, n);
    facts->outlet = stamp_paper(f, n, &facts->edition);
    return facts;
}

/* ---- on UTF-8 text ----------------------------------------------------- */

/* Decode a byline, fold its punctuation and trim spaces and a leading □. */
static uint32_t *folded_trimmed(const char *s, size_t *n)
{
    uint32_t *u = u32_from_utf8(s, n);
    fold_punct(u, *n);
    size_t a = 0;
    while (a < *n && (is_space(u[a]) || marker_of(u[a]) == MARKER_HOLLOW))
        a++;
    memmove(u, u + a, (*n - a) * sizeof *u);
    *n -= a;
    while (*n > 0 && is_space(u[*n - 1]))
        (*n)--;
    return u;
}

char *byline_outlet(const char *byline)
{
    size_t n;
    uint32_t *f = folded_trimmed(byline, &n);
    char *r = outlet_of(f, n);
    free(f);
    return r;
}

unsigned byline_flags(const char *byline)
{
    size_t n;
    unsigned flags = 0;
    uint32_t *f = folded_trimmed(byline, &n);
    block_facts_free(read_byline(f, n, &flags));
    free(f);
    return flags;
}

bool text_find_date(const char *text, char out[11])
{
    size_t n;
    uint32_t *u = u32_from_utf8(text, &n);
    bool ok = find_date(u, n, out);
    free(u);
    return ok;
}
