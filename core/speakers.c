/* speakers.c - find the named people of an issue and link speaker sections.
 *
 * Everything here works on plain UTF-8 strings, the word lists of
 * lexicon.c and the name and title-line rules of names.c.
 */
#include "speakers.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "lexicon.h"
#include "text.h"
#include "strbuf.h"

/* The thresholds of the rules below, in characters, each with what it
   trades. */
enum {
    /* Between a name and the speech verb that ends its clause, at most
       this many follower characters (张三进一步阐释说): further, the verb
       has another subject. */
    FOLLOWER_TO_VERB_MAX_CHARS = 4,
    /* After a preposition (对, 向 …) the one addressed stands between the
       name and the verb: at most this many characters (对《某某日报》记者). */
    ADDRESSEE_TO_VERB_MAX_CHARS = 12,
    /* The occasion of the words, 在……时 (某某在参加某某界委员小组讨论时说),
       stands between a name and its verb: at most this many characters
       (a broadcast names the whole meeting). */
    OCCASION_MAX_CHARS = 60,
    /* After a title, a name with a surname that mostly begins words
       (阴, 巴 …) speaks only at this length (surname and two given
       characters): two characters there are as often an adverb (主任明确
       表示, 部长全面介绍). */
    EXPECTED_SPEAKER_CHARS = 3,
    /* After a role (全国人大代表，…) the person's name comes within this
       many characters of titles; further, the role names no one here. */
    ROLE_TO_NAME_MAX_CHARS = 50,
    /* 是来自某省某市某县的全国人大代表: a description before a role
       stated after a name, longer is more than a description */
    DESCRIBED_ROLE_MAX_CHARS = 16,
    /* A name without a surname read before a speech verb (央宗, 次仁多吉,
       阿依古丽) has two to six characters. */
    UNREAD_NAME_MIN_CHARS = 2,
    UNREAD_NAME_MAX_CHARS = 6,
    /* A name in Latin letters has two to four words (Thu Lan Nguyen). */
    LATIN_NAME_MAX_WORDS = 4,
    /* The delegation an article is about is named in its first few
       paragraphs (a lead); one named further down is someone else's. */
    DELEGATION_OPENING_BLOCKS = 4,
    /* What a name's brackets hold (its original spelling, a place, a
       party) is at most this long; longer, the brackets are a remark. */
    BRACKET_MAX_CHARS = 40,
    /* A list of names sharing a role suffix (张某、李某等多位代表) holds at
       most this many names, and at most this many characters (多位, 几位,
       6位, 十余位) stand between its 等 and the suffix. */
    LIST_MAX_NAMES = 12,
    LIST_TO_ROLE_MAX_CHARS = 3,
    /* An item of such a list that the name rules cannot read is taken
       whole from this many characters (a name has two at least). */
    LIST_ITEM_MIN_CHARS = 2,
    /* Between a title and a role suffix a name of up to this many
       characters is read whole, surname or not (罗布央宗代表). */
    NAME_BEFORE_ROLE_MAX_CHARS = 4,
    /* and of at least this many: two characters there are as often a
       noun (群众代表, 职工代表) as a name, which the surname rules read. */
    NAME_BEFORE_ROLE_MIN_CHARS = 3,
    /* A name right after a role that only clause punctuation ends, with
       a surname and the characters of names without one (某吉措姆，), has
       at least this many characters: three the surname rules read. */
    NAMELESS_GIVEN_MIN_CHARS = 4,
    /* A signed piece's author line is printed among its first lines,
       before its text. */
    AUTHOR_LINE_MAX_BLOCK = 3,
    /* A foreign name before its original spelling in brackets is at most
       this many characters (福兰, 古特雷斯); longer, the run holds other
       words. */
    SPELLED_NAME_MAX_CHARS = 5,
    /* An adverb closed by 地 between a name and its speech verb (自豪地,
       笑眯眯地, 声音洪亮地) is one to four characters; longer, it is a
       clause.  Most have two, which decides where a name before one ends
       when no title before it says where it begins. */
    ADVERB_MAX_CHARS = 4,
    ADVERB_USUAL_CHARS = 2,
    /* A name read by its recurrence follows a title of at least this many
       characters, or one that ends a word (县长, not 长 of 的长江大桥). */
    RECURRING_TITLE_MIN_CHARS = 2,
    /* A name in transliteration characters without a title, opening a
       clause before a speech verb, has at least this many characters. */
    CLAUSE_TRANSLIT_NAME_MIN_CHARS = 3,
    /* A transliterated name after a foreign title that no known word ends
       (外长阿拉格齐展开…) has three to six characters: two are as often the
       start of a word. */
    TITLED_TRANSLIT_MIN_CHARS = 3,
    TITLED_TRANSLIT_MAX_CHARS = 6,
    /* A pronoun that speaks (他对某某日报记者表示) reaches its verb within
       this many characters. */
    PRONOUN_TO_VERB_MAX_CHARS = 12,
    /* The first part of a dotted name is at most this many characters
       long and one more is its dot (names.c reads at most five). */
    FOREIGN_PART_SCAN_CHARS = 6,
    /* A dotted name read where its transliteration characters begin has
       a first part of at least this many characters. */
    DOTTED_FIRST_PART_MIN_CHARS = 2,
    /* A dotted name found without a role or speech has at least two
       thirds of its characters from translit_chars.txt. */
    DOTTED_NAME_TRANSLIT_SHARE_NUM = 2,
    DOTTED_NAME_TRANSLIT_SHARE_DEN = 3
};

/* 和 and 与 "and", joining the last of a pair of names (某某和某某). */
#define PAIR_AND "和"
#define PAIR_WITH "与"


/* Order person keys by first character, then by index (a stable order). */
static int person_key_cmp(const void *a, const void *b)
{
    const person_key *x = a, *y = b;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    return (x->person > y->person) - (x->person < y->person);
}

void people_index_build(people_index *ix, const issue *is)
{
    ix->v = xcalloc(3 * is->npeople + 1, sizeof *ix->v);
    ix->n = 0;
    for (size_t i = 0; i < is->npeople; i++) {
        const char *name = is->people[i].name;
        uint32_t uc;
        if (!name || !utf8_char(name, strlen(name), &uc))
            continue;
        size_t n = strlen(name);
        ix->v[ix->n++] = (person_key){uc, (int)i, 0, n};
        size_t last = foreign_name_last_part(name);
        if (!last)
            continue;
        /* 约瑟夫 of 约瑟夫·马奥尼: the first part, up to its dot */
        size_t first = foreign_name_first_part(name);
        if (first > 0)
            ix->v[ix->n++] = (person_key){uc, (int)i, 0, first};
        if (utf8_char(name + last, n - last, &uc))
            ix->v[ix->n++] = (person_key){uc, (int)i, last, n - last};
    }
    qsort(ix->v, ix->n, sizeof *ix->v, person_key_cmp);
}

void people_index_free(people_index *ix)
{
    free(ix->v);
    ix->v = NULL;
    ix->n = 0;
}

int known_person_at(const issue *is, const people_index *ix, const char *s,
                    size_t n, size_t *len)
{
    int best = -1;
    size_t best_len = 0;
    uint32_t uc;
    if (len)
        *len = 0;
    if (!ix->n || !utf8_char(s, n, &uc))
        return -1;
    /* First key whose character is >= uc. */
    size_t lo = 0, hi = ix->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ix->v[mid].first < uc)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k < ix->n && ix->v[k].first == uc; k++) {
        int i = ix->v[k].person;
        const char *name = is->people[i].name + ix->v[k].skip;
        size_t nl = ix->v[k].len;
        /* Ties go to the earlier person, as keys of one character are
           ordered by index. */
        if (nl > best_len && nl <= n && memcmp(s, name, nl) == 0) {
            best = i;
            best_len = nl;
        }
    }
    if (len)
        *len = best_len;
    return best;
}

/* Replace *dst by a copy of src when *dst is empty. */
static void fill_missing(char **dst, const char *src)
{
    if (!*dst && src)
        *dst = xstrdup(src);
}

int issue_find_or_add_person(issue *is, const person *p)
{
    if (!p->name || !*p->name)
        return -1;
    for (size_t i = 0; i < is->npeople; i++) {
        person *q = &is->people[i];
        if (strcmp(q->name, p->name) != 0)
            continue;
        fill_missing(&q->role, p->role);
        fill_missing(&q->titles, p->titles);
        fill_missing(&q->delegation, p->delegation);
        q->is_delegate = q->role != NULL;
        q->role_class = role_class_of(q->role);
        return (int)i;
    }
    is->people = grow_array(is->people, &is->people_cap, is->npeople + 1,
                            sizeof *is->people);
    person *q = &is->people[is->npeople];
    memset(q, 0, sizeof *q);
    q->name = xstrdup(p->name);
    q->role = p->role ? xstrdup(p->role) : NULL;
    q->titles = p->titles ? xstrdup(p->titles) : NULL;
    q->delegation = p->delegation ? xstrdup(p->delegation) : NULL;
    q->is_delegate = q->role != NULL;
    q->role_class = role_class_of(q->role);
    return (int)is->npeople++;
}

/* ---- session kind --------------------------------------------------- */

/* Is s[0..n) a plenary session's number: Chinese numerals then 次会议
   (四次会议, as after 全国人大 in 十四届全国人大四次会议)? */
static bool is_plenary_number(const char *s, size_t n)
{
    size_t p = 0, digits = 0;
    uint32_t uc;
    size_t cl;
    while (p < n && (cl = utf8_char(s + p, n - p, &uc)) &&
           cn_numeral_value(uc)) {
        p += cl;
        digits++;
        /* 全国政协十四届四次会议: the term before the session */
        if (starts_with(s + p, n - p, TERM_JIE))
            p += strlen(TERM_JIE);
    }
    return digits > 0 && starts_with(s + p, n - p, PLENARY_SESSION);
}

/* The session cues (session_cues.txt) of s: sets the flags for national,
   local and standing-committee cues.  The longest cue at a position is
   read past whole (市两会 is local, not 两会); a plenary cue (全国人大)
   counts as national only before a session number. */
static void session_cues_in(const char *s, bool *national, bool *local,
                            bool *standing)
{
    size_t n = strlen(s);
    for (size_t p = 0; p < n;) {
        size_t k = lex_prefix(LEX_SESSION_CUE, s + p, n - p);
        const char *cue = k ? lex_value(LEX_SESSION_CUE, s + p, k) : NULL;
        if (!cue) {
            uint32_t uc;
            p += utf8_char(s + p, n - p, &uc);
            continue;
        }
        if (strcmp(cue, "plenary") == 0) {
            if (!is_plenary_number(s + p + k, n - p - k)) {
                uint32_t uc;
                p += utf8_char(s + p, n - p, &uc);
                continue;
            }
            *national = true;
        }
        *national |= strcmp(cue, "national") == 0;
        *local |= strcmp(cue, "local") == 0;
        *standing |= strcmp(cue, "standing") == 0;
        p += k;
    }
}

session_kind speakers_session_kind(const issue *is)
{
    bool national = false, local = false, standing = false;
    /* the page's name (两会特刊) tells as much as its text */
    if (is->page_name)
        session_cues_in(is->page_name, &national, &local, &standing);
    for (size_t a = 0; a < is->narticles; a++) {
        const article *ar = &is->articles[a];
        if (ar->page_name)
            session_cues_in(ar->page_name, &national, &local, &standing);
        for (size_t i = 0; i <= ar->blocks.n; i++) {
            const char *t = i < ar->blocks.n ? ar->blocks.v[i].text : ar->headline;
            if (t)
                session_cues_in(t, &national, &local, &standing);
        }
    }
    if (national)
        return SESSION_NATIONAL;
    if (local)
        return SESSION_LOCAL;
    if (standing)
        return SESSION_NPC_STANDING;
    return SESSION_UNKNOWN;
}

/* ---- finding people in running text ------------------------------------ */

/* Byte offset where the clause containing byte i of s starts (after the
   previous clause punctuation, quotation mark or the start). */
static size_t clause_start(const char *s, size_t i)
{
    while (i > 0) {
        size_t pl = utf8_prev_len(s, i);
        uint32_t uc;
        utf8_char(s + i - pl, pl, &uc);
        if (is_clause_end(uc) || uc == U'“' ||
            uc == U'”' || uc == U'（' || uc == U'）' || uc == '(' ||
            uc == ')')
            break;
        i -= pl;
    }
    return i;
}

/* Does a clause start at byte i of s (clause_start(s, i) == i), judged
   from the one character before it? */
static bool opens_clause(const char *s, size_t i)
{
    if (i == 0)
        return true;
    size_t pl = utf8_prev_len(s, i);
    uint32_t uc;
    utf8_char(s + i - pl, pl, &uc);
    return is_clause_end(uc) || uc == U'“' || uc == U'”' || uc == U'（' ||
           uc == U'）' || uc == '(' || uc == ')';
}

/* Where the item of a list holding byte end starts, within the clause
   from cs: after the last 、 whose item before it does not end as titles
   do (with a title word or a role), since that item ends with another
   person's name (科技部部长甲、教育部部长乙、某实验室教授丙: 丙's titles
   are 某实验室教授; 全国政协委员、某大学教授丙: both are 丙's). */
static size_t list_item_start(const char *s, size_t cs, size_t end)
{
    static const char comma[] = "、";
    size_t k = sizeof comma - 1;
    for (size_t p = end; p >= cs + k; p--) {
        if (memcmp(s + p - k, comma, k) != 0)
            continue;
        size_t item_end = p - k;
        if (!lex_suffix(LEX_TITLE_WORD, s + cs, item_end - cs) &&
            !lex_suffix(LEX_ROLE, s + cs, item_end - cs) &&
            !lex_suffix(LEX_ROLE_SUFFIX, s + cs, item_end - cs))
            return p;
    }
    return cs;
}

/* Titles printed before a name: the clause text up to the name, without
   leading words that introduce titles or a person (时任, 作为, 由, 同 …:
   title_leads.txt, prepositions.txt) and a trailing 的. */
static char *titles_before(const char *s, size_t name_at_byte)
{
    size_t cs = clause_start(s, name_at_byte);
    size_t end = name_at_byte;
    /* 今年已经是…驾驶员何少花: the titles follow the last 是. */
    size_t k = strlen(COPULA_SHI);
    for (size_t p = cs; p + k <= end; p++)
        if (memcmp(s + p, COPULA_SHI, k) == 0)
            cs = p + k;
    cs = list_item_start(s, cs, end);
    if (ends_with(s + cs, end - cs, PARTICLE_DE))
        end -= strlen(PARTICLE_DE);
    /* 68岁的老人某某, 正在用餐的某某: what a 的 ends describes the person;
       the titles follow the last 的 */
    size_t dk = strlen(PARTICLE_DE);
    for (size_t p = cs; p + dk <= end; p++)
        if (memcmp(s + p, PARTICLE_DE, dk) == 0)
            cs = p + dk;
    size_t lead;
    uint32_t uc;
    /* ——专访某省副省长某某: a dash opening a deck is no part of it */
    while (end > cs && (lead = utf8_char(s + cs, end - cs, &uc)) &&
           (is_dash(uc) || is_space(uc)))
        cs += lead;
    while (end > cs && ((lead = lex_prefix(LEX_TITLE_LEAD, s + cs, end - cs)) ||
                        (lead = lex_prefix(LEX_PREPOSITION, s + cs, end - cs))))
        cs += lead;
    if (end <= cs || !lex_suffix(LEX_TITLE_WORD, s + cs, end - cs))
        return NULL;
    return titles_copy(s + cs, end - cs);
}

/* The length of the foreign place s opens with (美国, 联合国, 俄), or 0;
   *abbr tells whether it is a one-character short form (俄, 巴: marked
   "abbr"), which begins too many names and words to count everywhere. */
static size_t foreign_place_len(const char *s, size_t n, bool *abbr)
{
    size_t w = lex_prefix(LEX_FOREIGN_PLACE, s, n);
    const char *v = w ? lex_value(LEX_FOREIGN_PLACE, s, w) : NULL;
    *abbr = v && strcmp(v, "abbr") == 0;
    return w;
}

/* Does s open with the full name of a foreign place (美国, 联合国)? */
static bool foreign_place_at(const char *s, size_t n)
{
    bool abbr;
    return foreign_place_len(s, n, &abbr) && !abbr;
}

/* Where the foreign title that ends at byte i of s starts, or i when
   none does: the clause up to i ends with a title word (总统, 外长, 秘书长)
   and names a country or an international body (美国总统, 德国前副总理兼
   外长, 联合国秘书长).  The title starts with the last place named (in a
   list, 甲国总统某某、乙国总理某某, the one of this name) or after a 的
   that follows it (来自某国的游客 -> 游客).  A name after it may be
   written in transliteration characters with no surname. */
static size_t foreign_title_start(const char *s, size_t i)
{
    size_t tl = lex_suffix(LEX_TITLE_WORD, s, i);
    if (!tl)
        return i;
    size_t start = i;
    for (size_t p = clause_start(s, i); p < i;) {
        bool abbr;
        size_t w = foreign_place_len(s + p, i - p, &abbr);
        /* a one-character short form (俄总统) only right before the title */
        if (w && (!abbr || p + w == i - tl)) {
            start = p;
            p += w;
            continue;
        }
        if (start < i && starts_with(s + p, i - p, PARTICLE_DE))
            start = p + strlen(PARTICLE_DE);
        p += utf8_chars_len(s + p, i - p, 1);
    }
    return start;
}

/* The person already found whose transliterated name has the first or
   last part name[0..len) (约瑟夫 or 马奥尼 for 约瑟夫·马奥尼), when exactly
   one does; else -1. */
static int person_by_part(const issue *is, const char *name, size_t len)
{
    int found = -1;
    for (size_t i = 0; i < is->npeople; i++) {
        const char *full = is->people[i].name;
        size_t last = foreign_name_last_part(full);
        size_t first = foreign_name_first_part(full);
        bool is_last = last && strlen(full + last) == len &&
                       memcmp(full + last, name, len) == 0;
        bool is_first = first == len && memcmp(full, name, len) == 0;
        if (!is_last && !is_first)
            continue;
        if (found >= 0)
            return -1;
        found = (int)i;
    }
    return found;
}

/* Add a person found in text; the strings are copied.  A name that is
   the first or last part of a transliterated name found before is that
   person. */
static void add_found(issue *is, const char *name, size_t name_len,
                      const char *role, char *titles, const char *deleg)
{
    person p = {0};
    int full = person_by_part(is, name, name_len);
    p.name = full >= 0 ? xstrdup(is->people[full].name)
                       : xstrndup(name, name_len);
    p.role = role ? xstrdup(role) : NULL;
    p.titles = titles;
    bool national = role_class_of(role) == ROLE_NPC;
    p.delegation = national && deleg ? xstrdup(deleg) : NULL;
    issue_find_or_add_person(is, &p);
    person_clear(&p);
}

/* A role printed in full before the name (全国政协常委、某某) is kept over
   one of the same class the person got from a bare suffix elsewhere
   (某某委员 read as 全国政协委员): it says more. */
static void state_role(issue *is, const char *name, size_t len,
                       const char *role)
{
    for (size_t i = 0; i < is->npeople; i++) {
        person *q = &is->people[i];
        if (strlen(q->name) != len || memcmp(q->name, name, len) != 0 ||
            !q->role || strcmp(q->role, role) == 0 ||
            role_class_of(q->role) != role_class_of(role))
            continue;
        free(q->role);
        q->role = xstrdup(role);
    }
}

/* Does a speech verb at s end where a clause does (punctuation, a quote,
   the end of the text)?  A verb that is speech only in a frame (看来 of
   在X看来, marked "frame" in speech_verbs.txt) counts only when framed:
   某某看在眼里 is no speech. */
static bool verb_ends_clause_framed(const char *s, size_t n, bool framed)
{
    size_t v = lex_prefix(LEX_SPEECH_VERB, s, n);
    const char *kind = v ? lex_value(LEX_SPEECH_VERB, s, v) : NULL;
    if (!v || (!framed && kind && strcmp(kind, "frame") == 0))
        return false;
    if (v == n)
        return true;
    uint32_t uc;
    utf8_char(s + v, n - v, &uc);
    return is_clause_end(uc) || uc == U'“';
}

/* The same for a verb outside a frame. */
static bool verb_ends_clause(const char *s, size_t n)
{
    return verb_ends_clause_framed(s, n, false);
}

/* Does s open with the occasion of words, 在……时 (or 接受……采访时, 参加……
   时: occasion_openers.txt, occasion_endings.txt), followed by a speech
   verb ending the clause (在参加某某界委员小组讨论时说，)?  At most
   OCCASION_MAX_CHARS characters, no clause punctuation. */
static bool occasion_then_verb(const char *s, size_t n)
{
    size_t p = lex_prefix(LEX_OCCASION_OPEN, s, n);
    if (!p)
        return false;
    for (int chars = 0; chars < OCCASION_MAX_CHARS && p < n; chars++) {
        uint32_t uc;
        size_t cl = utf8_char(s + p, n - p, &uc);
        if (!cl || is_clause_end(uc) || is_sentence_end(uc))
            return false;
        p += cl;
        if (lex_suffix(LEX_OCCASION_END, s, p) && verb_ends_clause(s + p, n - p))
            return true;
    }
    return false;
}

/* Is s[0..len) a preposition and the one addressed (和大家, 向记者:
   prepositions.txt, speech_objects.txt), or a preposition and a word that
   looks like a name but is none (和常务 of 秘书长和常务委员: not_names.txt),
   read as a name with a surname that mostly begins words (部长和大家说,
   负责同志和记者代表参加)? */
static bool preposition_and_addressee(const char *s, size_t len)
{
    size_t one = utf8_chars_len(s, len, 1);
    return lex_has(LEX_PREPOSITION, s, one) &&
           (lex_has(LEX_SPEECH_OBJECT, s + one, len - one) ||
            lex_prefix(LEX_NOT_NAME, s + one, len - one));
}

/* Does a job title that starts inside s[0..len) after its first character
   run past len (为国务|委员 of 某某同志为国务委员, 副主任|委员)?  Then what
   follows the run is the title's tail, not a role suffix after a name. */
static bool title_runs_past(const char *s, size_t n, size_t len)
{
    for (size_t p = utf8_chars_len(s, len, 1); p && p < len;
         p += utf8_chars_len(s + p, len - p, 1))
        if (p + lex_prefix(LEX_TITLE_WORD, s + p, n - p) > len)
            return true;
    return false;
}

/* Does the name of len bytes at s, read after a title with a surname
   that mostly begins words (部长阴某某介绍，), speak: a speech verb ending
   the clause, or the occasion and then one (在参加……时说，), right after
   it, after a role suffix (某某代表说，) or after an adverb with 地
   (摊主某某声音洪亮地介绍)?  Only a name of
   EXPECTED_SPEAKER_CHARS characters counts: two characters there are as
   often an adverb (主任明确表示); nor a preposition and the one addressed
   (部长和大家说). */
static int adverb_then_verb(const char *s, size_t n);

static bool expected_name_speaks(const char *s, size_t n, size_t len)
{
    /* 部长和大家说, 局长向记者介绍: a preposition and the one addressed */
    if (preposition_and_addressee(s, len))
        return false;
    if (utf8_count(s, len) != EXPECTED_SPEAKER_CHARS)
        return false;
    /* “……”印某某代表说，: a role suffix may stand between name and verb */
    size_t sfx = role_suffix_at(s + len, n - len);
    return verb_ends_clause(s + len + sfx, n - len - sfx) ||
           occasion_then_verb(s + len + sfx, n - len - sfx) ||
           adverb_then_verb(s + len + sfx, n - len - sfx) > 0;
}

/* Does the two-character name of len bytes at s, read right after a
   title with a surname that mostly begins words, speak on an occasion
   (副主席某某在参加……时说，)?  The occasion and its verb say a person
   is there; a word of not_names.txt (应邀, 明天, 相继: adverbs that stand
   before 在 as well) or a character never inside a name is none. */
static bool titled_pair_speaks_on_occasion(const char *s, size_t n,
                                           size_t len)
{
    return utf8_count(s, len) == EXPECTED_SPEAKER_CHARS - 1 &&
           occasion_then_verb(s + len, n - len) &&
           !lex_has(LEX_NOT_NAME, s, len) &&
           !holds_char_never_in_name(s, len) &&
           !preposition_and_addressee(s, len);
}

/* How many characters the adverb at s has when s opens with one closed
   by 地 (one to ADVERB_MAX_CHARS of them) and then a speech verb ending
   the clause (自豪地说，, 激动地表示：); else 0.  Then the name before it
   is the speaker. */
static int adverb_then_verb(const char *s, size_t n)
{
    size_t p = 0;
    for (int chars = 1; chars <= ADVERB_MAX_CHARS && p < n; chars++) {
        uint32_t uc;
        size_t cl = utf8_char(s + p, n - p, &uc);
        if (!cl || !is_han(uc))
            return 0;
        p += cl;
        if (starts_with(s + p, n - p, ADVERB_DI)) {
            size_t dl = strlen(ADVERB_DI);
            return verb_ends_clause(s + p + dl, n - p - dl) ? chars : 0;
        }
    }
    return 0;
}

/* A name at s (a surname and one or two characters) that an adverb with
   地 and a speech verb follow (某某自豪地说，): where the name ends is
   read from the adverb, two characters as most are (自豪地, 激动地).
   Byte length, or 0. */
static size_t name_before_adverb(const char *s, size_t n)
{
    size_t sl = lex_prefix(LEX_SURNAME, s, n);
    if (!sl)
        return 0;
    for (size_t given = 1; given <= 2; given++) {
        size_t len = sl + utf8_chars_len(s + sl, n - sl, given);
        if (utf8_count(s + sl, len - sl) != given ||
            lex_has(LEX_NOT_NAME, s, len))
            continue;
        if (!holds_char_never_in_name(s + sl, len - sl) &&
            adverb_then_verb(s + len, n - len) == ADVERB_USUAL_CHARS)
            return len;
    }
    return 0;
}

/* A name right after a title (摊主某某某声音洪亮地介绍) that an adverb with
   地 and a speech verb follow: a surname and two characters before an
   adverb of two characters or more, or a surname and one before an adverb
   of two (name_before_adverb).  Byte length, or 0. */
static size_t titled_name_before_adverb(const char *s, size_t n)
{
    size_t sl = lex_prefix(LEX_SURNAME, s, n);
    if (!sl)
        return 0;
    size_t len = sl + utf8_chars_len(s + sl, n - sl, 2);
    if (utf8_count(s + sl, len - sl) == 2 && !lex_has(LEX_NOT_NAME, s, len) &&
        !holds_char_never_in_name(s + sl, len - sl) &&
        adverb_then_verb(s + len, n - len) >= ADVERB_USUAL_CHARS)
        return len;
    return name_before_adverb(s, n);
}

/* A clause-initial name followed by a follower word (进一步, 举例, 笑着 …)
   and, within four characters, a speech verb that ends the clause
   (张水波举例说， 王少峰进一步阐释说，), or by the occasion of the words
   (某某在参加小组讨论时说，).  Returns len or 0. */
static size_t name_before_verb(const char *s, size_t n, size_t len,
                               int strength)
{
    if (strength < FOLLOW_WORD)
        return 0;
    if (occasion_then_verb(s + len, n - len))
        return len;
    size_t p = len;
    /* 某某对《某某日报》记者表示，: after a preposition, the one addressed
       stands between the name and the verb, titles in 《》 included. */
    bool addressed = lex_prefix(LEX_PREPOSITION, s + len, n - len) > 0;
    int max = addressed ? ADDRESSEE_TO_VERB_MAX_CHARS : FOLLOWER_TO_VERB_MAX_CHARS;
    for (int chars = 0; chars < max && p < n; chars++) {
        uint32_t uc;
        size_t cl = utf8_char(s + p, n - p, &uc);
        if (!is_han(uc) && !(addressed && (uc == U'《' || uc == U'》')))
            break;
        p += cl;
        if (verb_ends_clause(s + p, n - p))
            return len;
    }
    return 0;
}

static size_t scan_role_prefix(issue *is, const char *t, size_t n, size_t i,
                               session_kind sk, const char *deleg);

/* The role prefixes of t again, once every person of the issue is found
   (scan_role_prefix reads a name found elsewhere on the page). */
static void scan_roles_again(issue *is, const char *t, session_kind sk,
                             const char *deleg)
{
    size_t n = strlen(t);
    for (size_t i = 0; i < n;) {
        size_t used = role_at(t + i, n - i)
                          ? scan_role_prefix(is, t, n, i, sk, deleg) : 0;
        if (!used)
            used = utf8_chars_len(t + i, n - i, 1);
        i += used ? used : 1;
    }
}

/* Byte length of the longest name of a person already found that starts
   s (where a name is expected), or 0. */
static size_t found_name_at(const issue *is, const char *s, size_t n)
{
    size_t best = 0;
    for (size_t i = 0; i < is->npeople; i++) {
        size_t nl = strlen(is->people[i].name);
        if (nl > best && starts_with(s, n, is->people[i].name))
            best = nl;
    }
    return best;
}

/* Byte length of a name right after a role read with a surname that
   mostly begins words, where what follows shows it is one: clause
   punctuation (全国人大代表巴某某，…), a 、 and a name the name rules read
   (农某某、许某某), or, for a name of EXPECTED_SPEAKER_CHARS characters, a
   speech verb ending the clause or a word that follows names (单某某给…).
   Elsewhere such a run is as often an adverb (明确表示, 全面、准确地; 全程
   参与: not_names.txt).  0 when s opens no such name. */
static size_t expected_name_after_role(const char *s, size_t n)
{
    int strength;
    size_t len = name_expected_at(s, n, &strength);
    if (!len)
        return 0;
    uint32_t uc;
    if (len < n && utf8_char(s + len, n - len, &uc) && is_clause_end(uc))
        return len;
    if (starts_with(s + len, n - len, LIST_COMMA)) {
        size_t next = len + strlen(LIST_COMMA);
        return name_at(s + next, n - next, FOLLOW_PUNCT) ? len : 0;
    }
    /* 全国人大代表单某某给总书记报告…: three characters and a word that
       follows names (给, 向, 在 …), none of them one never inside a name */
    if (strength >= FOLLOW_WORD && utf8_count(s, len) == EXPECTED_SPEAKER_CHARS &&
        !holds_char_never_in_name(s, len) && !preposition_and_addressee(s, len))
        return len;
    return expected_name_speaks(s, n, len) ? len : 0;
}

/* Byte length of the character at s when it is one of names without a
   surname (translit_chars.txt, ethnic_name_chars.txt), or 0. */
static size_t nameless_char_len(const char *s, size_t n)
{
    uint32_t uc;
    size_t cl = utf8_char(s, n, &uc);
    return cl && (lex_has(LEX_TRANSLIT_CHAR, s, cl) ||
                  lex_has(LEX_ETHNIC_NAME_CHAR, s, cl))
               ? cl
               : 0;
}

/* Byte length of a name right after a role that clause punctuation ends
   (全国政协委员明某措姆，…): a surname (one that mostly begins words too)
   or a character of names without a surname, then only such characters
   (nameless_char_len), NAMELESS_GIVEN_MIN_CHARS to UNREAD_NAME_MAX_CHARS in
   all, not a word of not_names.txt nor opening with a foreign place; or 0.
   Three characters or fewer the surname rules read. */
static size_t nameless_given_before_punct(const char *s, size_t n)
{
    if (foreign_place_at(s, n) || lex_prefix(LEX_NAME_FOLLOWER, s, n))
        return 0;
    size_t p = lex_prefix(LEX_SURNAME, s, n);
    if (!p)
        p = lex_prefix(LEX_WORD_SURNAME, s, n);
    if (!p)
        p = nameless_char_len(s, n);
    int chars = p ? (int)utf8_count(s, p) : 0;
    while (p && p < n && chars < UNREAD_NAME_MAX_CHARS) {
        size_t cl = nameless_char_len(s + p, n - p);
        if (!cl)
            break;
        p += cl;
        chars++;
    }
    uint32_t uc;
    return chars >= NAMELESS_GIVEN_MIN_CHARS && p < n &&
                   utf8_char(s + p, n - p, &uc) && is_clause_end(uc) &&
                   !lex_has(LEX_NOT_NAME, s, p)
               ? p
               : 0;
}

/* Byte length of a name without a surname that the name rules cannot
   read, starting at byte k of t right after a role or title (where a name
   is expected) and ending right before a speech verb that ends the
   clause; 0 when there is none.  Not opening with a word that follows
   names (多次, 先后 …), not a word of not_names.txt, at most
   UNREAD_NAME_MAX_CHARS characters.  Without any_han (央宗, 次仁多吉,
   巴特尔): two characters or more, each one of translit_chars.txt or
   ethnic_name_chars.txt.  With any_han, a long name of characters no list
   knows (…研究员巴某曲布某说。): NAMELESS_GIVEN_MIN_CHARS or more Han
   characters, none never inside a name, and no title word of the text
   ending inside them (董事长某某某说: 长 ends 董事长); shorter names the
   surname rules read. */
static size_t unread_name_before_verb(const char *t, size_t k, size_t n,
                                      bool any_han)
{
    const char *s = t + k;
    n -= k;
    if (lex_prefix(LEX_NAME_FOLLOWER, s, n))
        return 0;
    int min_chars = any_han ? NAMELESS_GIVEN_MIN_CHARS : UNREAD_NAME_MIN_CHARS;
    size_t p = 0;
    for (int chars = 1; chars <= UNREAD_NAME_MAX_CHARS && p < n; chars++) {
        uint32_t uc;
        size_t cl = any_han ? utf8_char(s + p, n - p, &uc)
                            : nameless_char_len(s + p, n - p);
        if (!cl || (any_han && (!is_han(uc) ||
                                lex_has(LEX_NOT_IN_NAME, s + p, cl))))
            return 0;
        p += cl;
        if (any_han && lex_suffix(LEX_TITLE_WORD, t, k + p))
            return 0;
        if (chars >= min_chars && verb_ends_clause(s + p, n - p))
            return lex_has(LEX_NOT_NAME, s, p) ? 0 : p;
    }
    return 0;
}

/* Byte length of the next item of a list of names after a role and its
   first name (全国政协委员甲、乙、丙也…), at s right after a 、, where the
   name rules alone do not read it: a name with a surname that mostly
   begins words of EXPECTED_SPEAKER_CHARS characters, followed by a 、 or
   clause punctuation (…、南某某、…); or, with a surname of surnames.txt,
   an item of two to NAME_BEFORE_ROLE_MAX_CHARS characters that runs to
   the next 、, clause punctuation or word that follows names (…、许可某也
   回答了提问: 许可 is a word), holding no character never inside a name
   and no title word (…、市长某某 is another person, with a title).
   0 when s opens no such item. */
static size_t list_item_after_role(const char *s, size_t n)
{
    if (role_at(s, n))
        return 0;
    int strength;
    size_t len = name_expected_at(s, n, &strength);
    uint32_t uc = 0;
    if (len && utf8_count(s, len) == EXPECTED_SPEAKER_CHARS &&
        !preposition_and_addressee(s, len) &&
        (starts_with(s + len, n - len, LIST_COMMA) ||
         (len < n && utf8_char(s + len, n - len, &uc) && is_clause_end(uc))))
        return len;
    if (!lex_prefix(LEX_SURNAME, s, n))
        return 0;
    size_t p = 0;
    for (int chars = 0; chars < NAME_BEFORE_ROLE_MAX_CHARS && p < n;) {
        size_t cl = utf8_char(s + p, n - p, &uc);
        if (!cl || !is_han(uc) || lex_has(LEX_NOT_IN_NAME, s + p, cl) ||
            lex_prefix(LEX_TITLE_WORD, s + p, n - p))
            return 0;
        p += cl;
        chars++;
        bool ends = p == n || starts_with(s + p, n - p, LIST_COMMA) ||
                    (utf8_char(s + p, n - p, &uc) && is_clause_end(uc)) ||
                    lex_prefix(LEX_NAME_FOLLOWER, s + p, n - p);
        if (ends)
            return chars >= LIST_ITEM_MIN_CHARS && !lex_has(LEX_NOT_NAME, s, p)
                       ? p
                       : 0;
    }
    return 0;
}

static size_t unread_list_item_len(const char *s, size_t n);

/* Byte length of an item of a list of names after a role that the name
   rules do not read (全国政协委员甲、乙、琼某、海某·托某也…): a dotted
   foreign name, or, where another 、 follows it, an item of two to
   NAME_BEFORE_ROLE_MAX_CHARS Han characters that is no place, body or
   word (unread_list_item_len) and holds no title word (…、市长、…).  The
   last item has to be read by the name rules: its end is unsure. */
static size_t other_list_item_after_role(const char *s, size_t n)
{
    int strength;
    size_t len = foreign_name_at(s, n, &strength);
    if (len)
        return len;
    len = unread_list_item_len(s, n);
    if (!len || !starts_with(s + len, n - len, LIST_COMMA))
        return 0;
    for (size_t p = 0; p < len; p += utf8_chars_len(s + p, len - p, 1))
        if (lex_prefix(LEX_TITLE_WORD, s + p, len - p))
            return 0;
    return len;
}

/* Byte length of a name right after a role (or its titles) that a number
   follows (全国政协委员某某某2022年带领…): a surname of surnames.txt and one
   or two Han characters running to a digit or a Latin letter, which no
   name runs into; or 0. */
static size_t name_before_number(const char *s, size_t n)
{
    size_t sl = lex_prefix(LEX_SURNAME, s, n);
    if (!sl)
        return 0;
    size_t p = sl;
    for (int given = 0; p < n; given++) {
        uint32_t uc;
        size_t cl = utf8_char(s + p, n - p, &uc);
        if (!cl)
            return 0;
        if (is_digit(uc) || is_latin(uc))
            return given && !holds_char_never_in_name(s + sl, p - sl) &&
                           !lex_has(LEX_NOT_NAME, s, p)
                       ? p
                       : 0;
        if (!is_han(uc) || given == EXPECTED_SPEAKER_CHARS - 1)
            return 0;
        p += cl;
    }
    return 0;
}

/* Byte length of the second name of a pair after a role, at s right after
   和 or 与 (全国人大代表甲和某某正在…): a name the name rules read, which no
   title follows (全国人大代表某某和某某总书记握手: the second is another
   person, with a title), or 0. */
static size_t paired_name_after_role(const char *s, size_t n)
{
    size_t len = name_at(s, n, FOLLOW_PUNCT);
    if (!len || lex_prefix(LEX_SUFFIX_TITLE, s + len, n - len) ||
        lex_prefix(LEX_TITLE_WORD, s + len, n - len))
        return 0;
    return len;
}

/* Does s open with 是 and one person counted (是一名, 是一位: a head-count
   word after 一), introducing the one named before it as someone (当选全国
   政协委员的某某是一名医生)? */
static bool introduced_as_one(const char *s, size_t n)
{
    if (!starts_with(s, n, COPULA_SHI))
        return false;
    size_t p = strlen(COPULA_SHI);
    if (!starts_with(s + p, n - p, NUMERAL_ONE))
        return false;
    p += strlen(NUMERAL_ONE);
    size_t cl = utf8_chars_len(s + p, n - p, 1);
    return cl && lex_has(LEX_HEADCOUNT_WORD, s + p, cl);
}

/* 身为全国政协委员的某某表示, 连任三届全国人大代表的某某说: the role
   t[i, i + r), 的, then a name that a speech verb, a role or a title
   follows, or 是一名/是一位 (当选全国政协委员的某某是一名…).  Adds the person with the role; returns the bytes consumed
   (role, 的 and name) or 0. */
static size_t role_then_de_name(issue *is, const char *t, size_t n, size_t i,
                                size_t r, session_kind sk, const char *deleg)
{
    if (!starts_with(t + i + r, n - i - r, PARTICLE_DE))
        return 0;
    size_t at = i + r + strlen(PARTICLE_DE);
    int strength;
    size_t len = name_best_at(t + at, n - at, &strength);
    if (!len || (strength != FOLLOW_STRONG &&
                 !introduced_as_one(t + at + len, n - at - len)))
        return 0;
    char *role = role_in_session(t + i, r, sk);
    add_found(is, t + at, len, role, NULL, deleg);
    state_role(is, t + at, len, role);
    free(role);
    return at + len - i;
}

/* Role at byte i of t followed by titles and a name (全国人大代表，首钢集团
   有限公司党委书记、董事长赵民革…); returns bytes consumed or 0. */
static size_t scan_role_prefix(issue *is, const char *t, size_t n, size_t i,
                               session_kind sk, const char *deleg)
{
    size_t r = role_at(t + i, n - i);
    if (!r)
        return 0;
    size_t de = role_then_de_name(is, t, n, i, r, sk, deleg);
    if (de)
        return de;
    size_t j = i + r;
    /* One separator between the role and the titles: ，、 or a space. */
    uint32_t uc;
    size_t sl = utf8_char(t + j, n - j, &uc);
    if (j < n && (is_comma(uc) || is_list_comma(uc) || uc == ' ' ||
                  uc == IDEOGRAPHIC_SPACE))
        j += sl;
    size_t chars = 0;
    for (size_t k = j; k < n && chars < ROLE_TO_NAME_MAX_CHARS; chars++) {
        uint32_t uc;
        size_t cl = utf8_char(t + k, n - k, &uc);
        if (uc == U'。' || uc == U'；' || uc == U'！' || uc == U'？' ||
            uc == U'“' || uc == U'”' || uc == '\n' ||
            (uc == U'，' && k > j))
            break;
        bool boundary = k == j || lex_suffix(LEX_TITLE_WORD, t + j, k - j) ||
                        (k > j && (t[k - 1] == ' ' ||
                                   ends_with(t + j, k - j, "、") ||
                                   ends_with(t + j, k - j, "\xE3\x80\x80")));
        if (boundary && is_han(uc)) {
            size_t len = name_at(t + k, n - k, FOLLOW_PUNCT);
            /* Right after the role a name may have a surname that mostly
               begins words (全国人大代表农某某、…). */
            if (!len && k == j)
                len = expected_name_after_role(t + k, n - k);
            /* 全国人大代表央某说, 某县县长次某多某表示: a name without a
               surname right before a speech verb */
            if (!len)
                len = unread_name_before_verb(t, k, n, false);
            /* 全国政协常委、中国科学院院士周某某充满期待: where nothing after
               the name marks its end, a person the page names elsewhere
               is read whole. */
            if (!len)
                len = found_name_at(is, t + k, n - k);
            /* 全国政协委员某某某2022年…: a number ends the name (right
               after the role or a title, not after a 、 that may open a
               place: 全国人大代表、某地2022年…) */
            if (!len && (k == i + r || lex_suffix(LEX_TITLE_WORD, t + j, k - j)))
                len = name_before_number(t + k, n - k);
            /* 全国政协委员明某措姆，…: a long name without a usual
               surname that clause punctuation ends */
            if (!len && (k == i + r || lex_suffix(LEX_TITLE_WORD, t + j, k - j)))
                len = nameless_given_before_punct(t + k, n - k);
            /* …研究员巴某曲布某说: a long name of characters no list
               knows, right before a speech verb */
            if (!len && (k == i + r || lex_suffix(LEX_TITLE_WORD, t + j, k - j)))
                len = unread_name_before_verb(t, k, n, true);
            if (len) {
                char *role = role_in_session(t + i, r, sk);
                add_found(is, t + k, len, role, titles_copy(t + j, k - j),
                          deleg);
                state_role(is, t + k, len, role);
                /* 全国人大代表张某、李某、王某: each named in the list
                   holds the role. */
                size_t e = k + len;
                while (starts_with(t + e, n - e, LIST_COMMA)) {
                    size_t at = e + strlen(LIST_COMMA);
                    size_t nl = name_at(t + at, n - at, FOLLOW_PUNCT);
                    if (!nl)
                        nl = list_item_after_role(t + at, n - at);
                    if (!nl)
                        nl = other_list_item_after_role(t + at, n - at);
                    if (!nl)
                        break;
                    add_found(is, t + at, nl, role, NULL, deleg);
                    e = at + nl;
                }
                /* 全国人大代表甲和乙正在…: the last of a pair */
                size_t and = starts_with(t + e, n - e, PAIR_AND) ? strlen(PAIR_AND)
                           : starts_with(t + e, n - e, PAIR_WITH)
                               ? strlen(PAIR_WITH)
                               : 0;
                size_t pl = and ? paired_name_after_role(t + e + and,
                                                         n - e - and)
                                : 0;
                if (pl) {
                    add_found(is, t + e + and, pl, role, NULL, deleg);
                    e += and + pl;
                }
                free(role);
                return e - i;
            }
        }
        k += cl;
    }
    return r;
}

/* Byte length of a bracketed group at s (（…） or (…), at most
   BRACKET_MAX_CHARS characters inside, no clause punctuation), or 0. */
static size_t bracket_group_len(const char *s, size_t n)
{
    uint32_t uc;
    size_t cl = utf8_char(s, n, &uc);
    if (!cl || (uc != U'（' && uc != '('))
        return 0;
    uint32_t close = uc == '(' ? ')' : U'）';
    size_t p = cl, chars = 0;
    while (p < n && (cl = utf8_char(s + p, n - p, &uc)) &&
           chars++ <= BRACKET_MAX_CHARS) {
        p += cl;
        if (uc == close)
            return p;
        if (is_sentence_end(uc) || uc == '\n')
            return 0;
    }
    return 0;
}

/* Byte length of a run of NAME_BEFORE_ROLE_MIN_CHARS to
   NAME_BEFORE_ROLE_MAX_CHARS Han
   characters at s, none of them never inside a name, followed by a role
   suffix that stands as one (罗布央宗代表说), or 0. */
static size_t han_run_before_role(const char *s, size_t n)
{
    /* 某某同志为国务委员: a run opening with a word that follows names
       (为, 在) is none */
    if (lex_prefix(LEX_NAME_FOLLOWER, s, n))
        return 0;
    size_t p = 0;
    for (int chars = 0; chars < NAME_BEFORE_ROLE_MAX_CHARS && p < n; chars++) {
        uint32_t uc;
        size_t cl = utf8_char(s + p, n - p, &uc);
        if (!is_han(uc) || lex_has(LEX_NOT_IN_NAME, s + p, cl))
            return 0;
        p += cl;
        size_t k = role_suffix_at(s + p, n - p);
        if (chars + 1 >= NAME_BEFORE_ROLE_MIN_CHARS && k)
            return lex_has(LEX_NOT_NAME, s, p) || title_runs_past(s, n, p)
                       ? 0
                       : p;
    }
    return 0;
}

/* Is the suffix at s (role_suffix_at, len bytes) one of a CPPCC role in
   this kind of session (委员, 常委 in Two Sessions coverage)? */
static bool cppcc_suffix(const char *s, size_t len, session_kind sk)
{
    char *role = len ? suffix_role(s, len, sk) : NULL;
    bool cppcc = role && role_class_of(role) == ROLE_CPPCC;
    free(role);
    return cppcc;
}

/* Does the role suffix at s (len bytes) name a role of this kind of
   session, and a speech verb ending the clause follow it (…代表说，)? */
static bool role_suffix_then_verb(const char *s, size_t n, size_t len,
                                  session_kind sk)
{
    char *role = len ? suffix_role(s, len, sk) : NULL;
    bool speaks = role && verb_ends_clause(s + len, n - len);
    free(role);
    return speaks;
}

/* Byte length of a name without a surname at byte i of t before a role
   suffix: NAME_BEFORE_ROLE_MIN_CHARS to UNREAD_NAME_MAX_CHARS characters,
   each one of translit_chars.txt or ethnic_name_chars.txt, not a word of
   not_names.txt nor opening with a foreign place; or 0.  Opening a clause,
   only before 委员 and 常委 (某某卓玛委员来自…, 某音克西委员发言说): a
   country's representative abroad is a 代表 (某国代表表示), and runs of
   such characters are as often countries.  After 的, which describes a
   person (来自某地的某某卓玛代表说), before any suffix of the session's
   roles when a speech verb ends the clause after it. */
static size_t nameless_name_before_role(const char *t, size_t n,
                                              size_t i, session_kind sk)
{
    size_t dl = strlen(PARTICLE_DE);
    bool opens = opens_clause(t, i);
    bool described = !opens && i >= dl &&
                     memcmp(t + i - dl, PARTICLE_DE, dl) == 0;
    if ((!opens && !described) || foreign_place_at(t + i, n - i))
        return 0;
    const char *s = t + i;
    size_t left = n - i, p = 0;
    for (int chars = 0; chars < UNREAD_NAME_MAX_CHARS && p < left; chars++) {
        size_t cl = nameless_char_len(s + p, left - p);
        if (!cl)
            return 0;
        p += cl;
        size_t k = role_suffix_at(s + p, left - p);
        if (chars + 1 < NAME_BEFORE_ROLE_MIN_CHARS || !k)
            continue;
        bool role_ok = opens ? cppcc_suffix(s + p, k, sk)
                             : role_suffix_then_verb(s + p, left - p, k, sk);
        return role_ok && !lex_has(LEX_NOT_NAME, s, p) ? p : 0;
    }
    return 0;
}

/* Byte length of a name of EXPECTED_SPEAKER_CHARS characters with a
   surname that mostly begins words opening a clause at byte i of t before
   the suffix of a CPPCC role (符某某委员代表某党中央发言说), none of its
   characters one never inside a name; or 0.  Two characters there are as
   often a group (全体委员, 海外委员), and before 代表 three are too (农民工
   代表). */
static size_t word_surname_name_before_cppcc_role(const char *t, size_t n,
                                                  size_t i, session_kind sk)
{
    if (!opens_clause(t, i))
        return 0;
    int strength;
    size_t len = name_expected_at(t + i, n - i, &strength);
    if (!len || utf8_count(t + i, len) != EXPECTED_SPEAKER_CHARS ||
        holds_char_never_in_name(t + i, len))
        return 0;
    size_t k = role_suffix_at(t + i + len, n - i - len);
    return cppcc_suffix(t + i + len, k, sk) ? len : 0;
}

/* han_run_before_role at byte i of t, where a title ends right before i
   and does not go on into the run (董事长某某: the run starts after 长). */
static size_t name_before_role_at(const char *t, size_t n, size_t i)
{
    size_t one = utf8_chars_len(t + i, n - i, 1);
    if (!lex_suffix(LEX_TITLE_WORD, t, i) ||
        lex_suffix(LEX_TITLE_WORD, t, i + one))
        return 0;
    return han_run_before_role(t + i, n - i);
}

/* Byte length of a head count at s, after 等 or after the last name of a
   list (6位, 十余位, 多名: digits, Chinese numerals and the words of
   headcount_words.txt), when a role suffix follows it, or 0. */
static size_t head_count_len(const char *s, size_t n)
{
    size_t p = 0;
    for (int chars = 0; chars < LIST_TO_ROLE_MAX_CHARS && p < n &&
                        !role_suffix_at(s + p, n - p); chars++) {
        uint32_t uc;
        size_t cl = utf8_char(s + p, n - p, &uc);
        if (!cl || !(is_digit(uc) || cn_numeral_value(uc) ||
                     lex_has(LEX_HEADCOUNT_WORD, s + p, cl)))
            return 0;
        p += cl;
    }
    return p && role_suffix_at(s + p, n - p) ? p : 0;
}

/* Byte length of an item of a list of names at s that the name rules
   cannot read (赵某杰 with a character they never take in a name, 巴某卓玛
   without a surname): two to NAME_BEFORE_ROLE_MAX_CHARS Han characters
   running to the next 、, 等 or head count, not a word of not_names.txt
   nor ending like a place or body; or 0.  Only a list closed by a head
   count (等6位代表) takes such items, or a list after a role where another
   、 follows the item (other_list_item_after_role). */
static size_t unread_list_item_len(const char *s, size_t n)
{
    size_t p = 0, last = 0;
    int chars = 0;
    while (p < n && !starts_with(s + p, n - p, LIST_COMMA) &&
           !starts_with(s + p, n - p, LIST_ETC) &&
           !(chars && head_count_len(s + p, n - p))) {
        uint32_t uc;
        size_t cl = utf8_char(s + p, n - p, &uc);
        if (!cl || !is_han(uc) || ++chars > NAME_BEFORE_ROLE_MAX_CHARS)
            return 0;
        last = p;
        p += cl;
    }
    /* 高新区、自贸区等多位代表: an item ending like a place or body (区,
       县, 院 …: place_endings.txt) names no person. */
    return chars >= LIST_ITEM_MIN_CHARS && !lex_has(LEX_NOT_NAME, s, p) &&
                   !lex_has(LEX_PLACE_ENDING, s + last, p - last)
               ? p
               : 0;
}

/* May a list of names start at byte i of t?  At the start of a clause;
   after a preposition or 了 (习近平同某某、某某等代表交流; 听取了某某、…);
   or after any Han character that begins no name (听取某某、…): there the
   list cannot have begun a character earlier, so its first name is
   whole. */
static bool name_list_may_start(const char *t, size_t i)
{
    if (at_clause_start(t, i) || lex_suffix(LEX_PREPOSITION, t, i) ||
        ends_with(t, i, PARTICLE_LE))
        return true;
    size_t pl = utf8_prev_len(t, i);
    return !lex_has(LEX_SURNAME, t + i - pl, pl) &&
           !lex_has(LEX_WORD_SURNAME, t + i - pl, pl) &&
           !nameless_char_len(t + i - pl, pl);
}

/* A list of names at byte i of t followed by a role suffix they share
   (陈某、杨某、薛某等多位代表, 张某、李某委员): at least two names joined by
   、, then optionally 等 and a few characters (多位, 几位), then 代表/委员.
   Each name gets the role.  Where the list ends in a head count (等6位代表,
   or 某某、某某5位代表 without 等), the items between the 、 are the names
   even where the name rules cannot read them.  Returns bytes consumed or
   0. */
static size_t scan_name_list(issue *is, const char *t, size_t n, size_t i,
                             session_kind sk, const char *deleg)
{
    if (!name_list_may_start(t, i))
        return 0;
    size_t starts[LIST_MAX_NAMES], lens[LIST_MAX_NAMES], count = 0, e = i;
    bool unread = false;
    for (;;) {
        /* After the first name and its 、 a name is expected: a surname
           that mostly begins words counts there (周某、丰某某等6位代表);
           the list still has to end in a role suffix to count. */
        int strength;
        size_t len = count ? name_expected_at(t + e, n - e, &strength)
                           : name_best_at(t + e, n - e, &strength);
        if (len && !starts_with(t + e + len, n - e - len, LIST_COMMA) &&
            !starts_with(t + e + len, n - e - len, LIST_ETC) &&
            !(count && (head_count_len(t + e + len, n - e - len) ||
                        role_suffix_at(t + e + len, n - e - len))))
            len = 0;
        if (!len) {
            len = unread_list_item_len(t + e, n - e);
            unread = unread || len;
        }
        if (!len || count == LIST_MAX_NAMES)
            return 0;
        starts[count] = e;
        lens[count++] = len;
        e += len;
        if (!starts_with(t + e, n - e, LIST_COMMA))
            break;
        e += strlen(LIST_COMMA);
    }
    if (count < 2)
        return 0;
    size_t p = e;
    bool etc = starts_with(t + p, n - p, LIST_ETC);
    if (etc)
        p += strlen(LIST_ETC);
    size_t counted = head_count_len(t + p, n - p);
    if (unread && !counted)
        return 0;
    /* 等多位代表: after 等, a few characters no head count reads */
    for (int chars = 0; etc && !counted && chars < LIST_TO_ROLE_MAX_CHARS &&
                        !role_suffix_at(t + p, n - p); chars++) {
        uint32_t uc;
        size_t cl = utf8_char(t + p, n - p, &uc);
        if (!cl || !is_han(uc))
            return 0;
        p += cl;
    }
    p += counted;
    size_t sfx = role_suffix_at(t + p, n - p);
    char *role = sfx ? suffix_role(t + p, sfx, sk) : NULL;
    if (!role)
        return 0;
    for (size_t k = 0; k < count; k++)
        add_found(is, t + starts[k], lens[k], role, NULL, deleg);
    free(role);
    return p + sfx - i;
}

/* A role suffix opening a clause, then a list of names (代表张某、李某某、
   王某某围绕…建言): each name holds the role.  Two names at least, each
   read where a name is expected and joined by 、, so that 代表某国政府…
   stays the verb.  Returns bytes consumed or 0. */
static size_t scan_suffix_then_list(issue *is, const char *t, size_t n,
                                    size_t i, session_kind sk,
                                    const char *deleg)
{
    if (!at_clause_start(t, i))
        return 0;
    size_t sfx = lex_prefix(LEX_ROLE_SUFFIX, t + i, n - i);
    if (!sfx || lex_prefix(LEX_NOT_ROLE_SUFFIX, t + i + sfx, n - i - sfx))
        return 0;
    size_t starts[LIST_MAX_NAMES], lens[LIST_MAX_NAMES], count = 0;
    size_t e = i + sfx;
    for (;;) {
        int strength;
        size_t len = name_expected_at(t + e, n - e, &strength);
        if (!len || count == LIST_MAX_NAMES ||
            holds_char_never_in_name(t + e, len))
            return 0;
        starts[count] = e;
        lens[count++] = len;
        e += len;
        if (!starts_with(t + e, n - e, LIST_COMMA))
            break;
        e += strlen(LIST_COMMA);
    }
    char *role = count >= 2 ? suffix_role(t + i, sfx, sk) : NULL;
    if (!role)
        return 0;
    for (size_t k = 0; k < count; k++)
        add_found(is, t + starts[k], lens[k], role, NULL, deleg);
    free(role);
    return e - i;
}

/* The first non-space byte of t. */
static const char *skip_spaces(const char *t)
{
    size_t n = strlen(t), p = 0;
    uint32_t uc;
    size_t cl;
    while (p < n && (cl = utf8_char(t + p, n - p, &uc)) && is_space(uc))
        p += cl;
    return t + p;
}

/* 纪某（全国人大代表、某医院院长）说: a name with its description in
   brackets (person_from_description) is that person, with the role and
   titles the brackets give.  bracket[0..blen) is the bracketed group
   after the name.  Returns whether it added one. */
static bool described_in_brackets(issue *is, const char *name, size_t len,
                                  const char *bracket, size_t blen,
                                  session_kind sk, const char *deleg)
{
    uint32_t uc;
    size_t ol = utf8_char(bracket, blen, &uc);
    size_t cl = utf8_prev_len(bracket, blen);
    if (!ol || !cl || blen <= ol + cl)
        return false;
    char *description = xstrndup(bracket + ol, blen - ol - cl);
    person p;
    bool ok = person_from_description(name, len, description, sk, &p);
    free(description);
    if (!ok)
        return false;
    add_found(is, p.name, strlen(p.name), p.role, p.titles, deleg);
    p.titles = NULL; /* add_found took them */
    if (p.role)
        state_role(is, p.name, strlen(p.name), p.role);
    person_clear(&p);
    return true;
}

/* Does only space come before byte i of t (the start of a paragraph)? */
static bool paragraph_start(const char *t, size_t i)
{
    return skip_spaces(t) == t + i;
}

/* Where a role starts in s after a short description from byte from:
   the description (at most DESCRIBED_ROLE_MAX_CHARS characters, no
   clause punctuation) ends with 的 (来自某省的, 扎根基层三十年的) or is
   一 and a head-count word (一名, 一位); 0 when no role follows one. */
static size_t described_role_at(const char *s, size_t n, size_t from)
{
    size_t p = from, chars = 0, cl;
    uint32_t uc;
    while (p < n && chars++ < DESCRIBED_ROLE_MAX_CHARS &&
           (cl = utf8_char(s + p, n - p, &uc)) && !is_clause_end(uc)) {
        p += cl;
        if (!role_at(s + p, n - p))
            continue;
        bool relative = ends_with(s + from, p - from, PARTICLE_DE);
        size_t one = strlen(NUMERAL_ONE);
        bool counted = starts_with(s + from, p - from, NUMERAL_ONE) &&
                       lex_has(LEX_HEADCOUNT_WORD, s + from + one,
                               p - from - one);
        return relative || counted ? p : 0;
    }
    return 0;
}

/* A role stated after a name that opens a clause: NAME是ROLE、TITLES
   (丁某是全国人大代表、某村党支部书记。), or, opening a paragraph, the
   apposition NAME，ROLE、TITLES， or 。 (the titles ending with a title
   word, or none).  A description may stand before the role when the role
   ends the clause (某某是来自某省的全国人大代表。 某某，这位来自东北的全国
   政协委员，…; described_role_at).  Adds the person with
   the role (and the titles when they end with a title word); returns
   whether it added one. */
static bool role_stated_after(issue *is, const char *t, size_t n, size_t i,
                              size_t len, session_kind sk, const char *deleg)
{
    const char *after = t + i + len;
    size_t left = n - i - len, lead = 0;
    uint32_t uc = 0;
    bool apposition = false;
    if (!at_clause_start(t, i))
        return false;
    if (starts_with(after, left, COPULA_SHI)) {
        lead = strlen(COPULA_SHI);
    } else if (paragraph_start(t, i) && (lead = utf8_char(after, left, &uc)) &&
               is_comma(uc)) {
        apposition = true;
    } else {
        return false;
    }
    size_t gap = lead;
    size_t r = role_at(after + gap, left - gap);
    if (!r) {
        /* 是来自某省的全国人大代表, 这位扎根基层的全国政协委员: a
           description ending with 的 (or 一名/一位) before the role, which
           then ends the clause */
        gap = described_role_at(after, left, lead);
        if (!gap)
            return false;
        r = role_at(after + gap, left - gap);
        if (gap + r < left && utf8_char(after + gap + r, left - gap - r, &uc) &&
            !is_clause_end(uc))
            return false;
    }
    size_t j = gap + r, cl;
    if (j < left && (cl = utf8_char(after + j, left - j, &uc)) &&
        is_list_comma(uc))
        j += cl;
    size_t e = j;
    while (e < left && (cl = utf8_char(after + e, left - e, &uc)) &&
           !is_clause_end(uc))
        e += cl;
    bool titled = e > j && lex_suffix(LEX_TITLE_WORD, after + j, e - j);
    /* 某某，全国人大代表某某说，…: the titles run into a name, no
       apposition */
    if (apposition && !titled && e != gap + r)
        return false;
    char *role = role_in_session(after + gap, r, sk);
    add_found(is, t + i, len, role,
              titled ? titles_copy(after + j, e - j) : NULL, deleg);
    state_role(is, t + i, len, role);
    free(role);
    return true;
}

/* Does the name of len bytes at s, with a surname that mostly begins
   words and nothing before it in its clause, speak (expected_name_speaks),
   and is it no phrase: no character never inside a name (但我想说), and no
   set phrase running into the verb (简单来说, not_speech.txt)? */
static bool word_surname_name_speaks(const char *s, size_t n, size_t len)
{
    if (!expected_name_speaks(s, n, len) || holds_char_never_in_name(s, len))
        return false;
    for (size_t p = 0; p < len; p += utf8_chars_len(s + p, len - p, 1)) {
        size_t w = lex_prefix(LEX_NOT_SPEECH, s + p, n - p);
        if (w && p + w > len)
            return false;
    }
    return true;
}

/* Name-led patterns at byte i of t: 卓长立作为全国人大代表, 王少峰代表,
   习近平总书记, 总经理何伟说, “…”梁胜说.  Returns bytes consumed or 0. */
static size_t scan_name(issue *is, const char *t, size_t n, size_t i,
                        session_kind sk, const char *deleg)
{
    /* 董事长孙某: the 长 of 长孙 ends the title before it; the name starts
       after it. */
    size_t one = utf8_chars_len(t + i, n - i, 1);
    if (lex_prefix(LEX_SURNAME, t + i, n - i) > one &&
        lex_has(LEX_TITLE_WORD, t + i, one) && !at_clause_start(t, i))
        return 0;
    int strength;
    size_t len = name_best_at(t + i, n - i, &strength);
    if (!len && lex_suffix(LEX_TITLE_WORD, t, i)) {
        /* 党委书记盘某代表: between a title and 代表 a name is expected,
           whatever its surname, and whatever its length (村委会副主任罗布央宗
           代表: names of four characters without a surname). */
        len = name_expected_at(t + i, n - i, &strength);
        if (len && !role_suffix_at(t + i + len, n - i - len) &&
            !expected_name_speaks(t + i, n - i, len) &&
            !titled_pair_speaks_on_occasion(t + i, n - i, len))
            len = 0;
        /* 负责同志和记者代表: a preposition and the one addressed;
           同志为国务委员: the suffix ends a title begun inside the run */
        if (len && (preposition_and_addressee(t + i, len) ||
                    title_runs_past(t + i, n - i, len)))
            len = 0;
        if (!len) {
            len = name_before_role_at(t, n, i);
            strength = FOLLOW_STRONG;
        }
    }
    if (!len && opens_clause(t, i)) {
        len = name_before_adverb(t + i, n - i);
        strength = FOLLOW_STRONG;
    } else if (!len && lex_suffix(LEX_TITLE_WORD, t, i)) {
        len = titled_name_before_adverb(t + i, n - i);
        strength = FOLLOW_STRONG;
    }
    if (!len) {
        len = nameless_name_before_role(t, n, i, sk);
        if (!len)
            len = word_surname_name_before_cppcc_role(t, n, i, sk);
        strength = FOLLOW_STRONG;
    }
    if (!len && opens_clause(t, i)) {
        /* 农某某说：“……” / 包某某介绍，: opening a clause, a name with a
           surname that mostly begins words, when it speaks (three
           characters and a speech verb ending the clause) */
        len = name_expected_at(t + i, n - i, &strength);
        if (len && !word_surname_name_speaks(t + i, n - i, len))
            len = 0;
    }
    if (!len)
        return 0;
    const char *after = t + i + len;
    size_t left = n - i - len;
    /* 沃某（Christopher W.）表示: what follows the name in brackets (its
       original spelling, a place) is read past. */
    size_t paren = bracket_group_len(after, left);
    const char *bracket = after;
    if (paren && strength < FOLLOW_STRONG) {
        after += paren;
        left -= paren;
        strength = lex_prefix(LEX_SPEECH_VERB, after, left) ||
                           role_suffix_at(after, left)
                       ? FOLLOW_STRONG
                       : strength;
    }
    /* 在李斌看来， / 据陈晓东介绍， */
    size_t fl = ends_with(t, i, FRAME_ZAI) ? strlen(FRAME_ZAI)
              : ends_with(t, i, FRAME_JU)  ? strlen(FRAME_JU)
                                           : 0;
    if (fl && at_clause_start(t, i - fl) && strength == FOLLOW_STRONG &&
        verb_ends_clause_framed(after, left, true)) {
        add_found(is, t + i, len, NULL, NULL, deleg);
        return len;
    }
    if (!name_boundary_before(t, i))
        return 0;
    if (paren && described_in_brackets(is, t + i, len, bracket, paren, sk,
                                       deleg))
        return len;
    if (role_stated_after(is, t, n, i, len, sk, deleg))
        return len;

    /* NAME作为ROLE */
    size_t zw = strlen(COVERB_ZUOWEI);
    if (starts_with(after, left, COVERB_ZUOWEI)) {
        size_t r = role_at(after + zw, left - zw);
        if (r) {
            char *role = xstrndup(after + zw, r);
            add_found(is, t + i, len, role, NULL, deleg);
            free(role);
            return len;
        }
    }
    /* NAME代表 / NAME委员 / NAME常委 */
    size_t sfx = role_suffix_at(after, left);
    if (sfx) {
        char *role = suffix_role(after, sfx, sk);
        add_found(is, t + i, len, role, titles_before(t, i), deleg);
        free(role);
        return len;
    }
    /* NAME总书记 / NAME委员长 / NAME同志 */
    size_t st = lex_prefix(LEX_SUFFIX_TITLE, after, left);
    if (st) {
        char *titles = titles_before(t, i);
        if (!titles)
            titles = xstrndup(after, st);
        add_found(is, t + i, len, NULL, titles, deleg);
        return len;
    }
    /* TITLE NAME */
    size_t tl = lex_suffix(LEX_TITLE_WORD, t, i);
    if (!tl && ends_with(t, i, PARTICLE_DE))
        tl = lex_suffix(LEX_TITLE_WORD, t, i - strlen(PARTICLE_DE));
    if (tl) {
        add_found(is, t + i, len, NULL, titles_before(t, i), deleg);
        return len;
    }
    /* clause-initial NAME + speech verb ending the clause */
    if (!at_clause_start(t, i))
        return 0;
    if (strength == FOLLOW_STRONG && verb_ends_clause(after, left)) {
        add_found(is, t + i, len, NULL, NULL, deleg);
        return len;
    }
    len = name_before_verb(t + i, n - i, len, strength);
    if (len) {
        add_found(is, t + i, len, NULL, NULL, deleg);
        return len;
    }
    return 0;
}

/* Is there a middle dot among the next FOREIGN_PART_SCAN_CHARS
   characters at s, inside a run of Han characters (a first part of a
   dotted name ends there)? */
static bool dot_ahead(const char *s, size_t n)
{
    size_t p = 0;
    for (int chars = 0; chars < FOREIGN_PART_SCAN_CHARS && p < n; chars++) {
        uint32_t uc;
        size_t cl = utf8_char(s + p, n - p, &uc);
        if (!cl)
            return false;
        if (is_name_dot(uc))
            return true;
        if (!is_han(uc))
            return false;
        p += cl;
    }
    return false;
}

/* A transliterated name with a middle dot (某某·某某) is a person where a
   name may begin, speaking or not: found first, its parts then name the same
   person (艾伦 of 科尔·艾伦 in 艾伦在“宣言”中说).  Its titles are left to
   the rules that read them (what stands before it here may be a whole
   clause: 本报记者近日对话英国学者某某·某某).  Most of its
   characters must be transliteration characters (translit_chars.txt), at
   least DOTTED_NAME_TRANSLIT_SHARE of them: a column label joined by a
   dot (某某行·视线) is no name.  Returns bytes consumed or 0. */
static size_t scan_dotted_name(issue *is, const char *t, size_t n, size_t i,
                               const char *deleg)
{
    /* most places have no dot near them: look for one first */
    if (!dot_ahead(t + i, n - i))
        return 0;
    /* where a name may begin, or where transliteration characters begin
       after a character that is none (长期关注中国发展的某某·某某, 搬运工
       某某·某某说): then its first part must be all transliteration
       characters, two at least (肖某·某某 is not 某·某某) */
    size_t pl = utf8_prev_len(t, i);
    bool boundary = name_boundary_before(t, i);
    bool translit_starts = !boundary && pl &&
                           !lex_has(LEX_TRANSLIT_CHAR, t + i - pl, pl);
    if (!boundary && !translit_starts)
        return 0;
    int strength;
    size_t len = foreign_name_at(t + i, n - i, &strength);
    if (!len)
        return 0;
    size_t first = 0, first_chars = 0; /* the first part, up to its dot */
    for (uint32_t uc = 0; first < len; first_chars++) {
        size_t cl = utf8_char(t + i + first, len - first, &uc);
        if (!cl || is_name_dot(uc))
            break;
        if (lex_has(LEX_NOT_IN_NAME, t + i + first, cl) ||
            (translit_starts && !lex_has(LEX_TRANSLIT_CHAR, t + i + first, cl)))
            return 0;
        first += cl;
    }
    if (translit_starts && first_chars < DOTTED_FIRST_PART_MIN_CHARS)
        return 0;
    /* 向导某某·某某: a title inside its first part ends before the name
       (the name is read from there on) */
    for (size_t p = i + utf8_chars_len(t + i, n - i, 1); p < i + len;
         p += utf8_chars_len(t + p, n - p, 1)) {
        uint32_t uc;
        utf8_char(t + p, n - p, &uc);
        if (is_name_dot(uc))
            break;
        if (lex_suffix(LEX_TITLE_WORD, t + i, p - i))
            return 0;
    }
    /* 某某·某某省, 某某·某某中学: a place or a body */
    if (lex_prefix(LEX_PLACE_ENDING, t + i + len, n - i - len))
        return 0;
    size_t han = 0, translit = 0;
    for (size_t p = i; p < i + len;) {
        uint32_t uc;
        size_t cl = utf8_char(t + p, i + len - p, &uc);
        if (!cl)
            break;
        if (is_han(uc)) {
            han++;
            translit += lex_has(LEX_TRANSLIT_CHAR, t + p, cl);
        }
        p += cl;
    }
    if (translit * DOTTED_NAME_TRANSLIT_SHARE_DEN <
        han * DOTTED_NAME_TRANSLIT_SHARE_NUM)
        return 0;
    add_found(is, t + i, len, NULL, NULL, deleg);
    return len;
}

/* Does 他 or 她 (not 他们, 他的), then within PRONOUN_TO_VERB_MAX_CHARS a
   speech verb ending its clause (他说，, 她对记者表示：), come next after
   byte from of t, before the paragraph ends? */
static bool pronoun_speaks_next(const char *t, size_t n, size_t from)
{
    for (size_t p = from; p < n;) {
        size_t k = pronoun_subject_len(t + p, n - p);
        if (k) {
            size_t q = p + k;
            for (int chars = 0; chars <= PRONOUN_TO_VERB_MAX_CHARS && q < n;
                 chars++) {
                if (verb_ends_clause(t + q, n - q))
                    return true;
                q += utf8_chars_len(t + q, n - q, 1);
            }
            return false;
        }
        size_t l = utf8_chars_len(t + p, n - p, 1);
        p += l ? l : 1;
    }
    return false;
}

/* A name the page introduces without words, at the start of a clause
   or after a title, with a word that follows names after it (某某是北京市
   的一名外卖小哥，他说，……; 研究员某某曾在…工作。他说：……): when the
   next 他/她 of the paragraph speaks, the name is a person, whom the
   pronoun means.  Returns bytes consumed or 0. */
static size_t scan_name_before_pronoun(issue *is, const char *t, size_t n,
                                       size_t i, const char *deleg)
{
    bool titled = lex_suffix(LEX_TITLE_WORD, t, i) > 0;
    if (!titled && !opens_clause(t, i))
        return 0;
    int strength;
    size_t len = name_best_at(t + i, n - i, &strength);
    if (!len || strength < FOLLOW_WORD ||
        !pronoun_speaks_next(t, n, i + len))
        return 0;
    add_found(is, t + i, len, NULL, titled ? titles_before(t, i) : NULL,
              deleg);
    return len;
}

/* Find the people named in one block of text. */
static void discover_in_text(issue *is, const char *t, session_kind sk,
                             const char *deleg)
{
    size_t n = strlen(t);
    size_t i = 0;
    while (i < n) {
        size_t used = scan_role_prefix(is, t, n, i, sk, deleg);
        if (!used)
            used = scan_suffix_then_list(is, t, n, i, sk, deleg);
        /* The end of a job title is read whole, so that no name begins
           inside it (秘书长萨布丽娜·伊巴涅斯, 公使罗珊·卡纳尔: the name
           follows the title). */
        if (!used)
            used = lex_prefix(LEX_TITLE_WORD, t + i, n - i);
        int fs;
        bool name_may_start = lex_prefix(LEX_SURNAME, t + i, n - i) ||
                              lex_prefix(LEX_WORD_SURNAME, t + i, n - i) ||
                              foreign_name_at(t + i, n - i, &fs) ||
                              name_before_role_at(t, n, i) ||
                              nameless_name_before_role(t, n, i, sk);
        if (!used && name_may_start)
            used = scan_name_list(is, t, n, i, sk, deleg);
        if (!used && name_may_start)
            used = scan_name(is, t, n, i, sk, deleg);
        if (!used)
            used = scan_dotted_name(is, t, n, i, deleg);
        if (!used && name_may_start)
            used = scan_name_before_pronoun(is, t, n, i, deleg);
        if (!used) {
            uint32_t uc;
            used = utf8_char(t + i, n - i, &uc);
        }
        i += used;
    }
}

/* Is byte at of t inside a quotation (more “ than ” before it)? */
static bool inside_quotation(const char *t, size_t at)
{
    int depth = 0;
    for (size_t p = 0; p < at;) {
        uint32_t uc;
        size_t cl = utf8_char(t + p, at - p, &uc);
        if (!cl)
            break;
        depth += is_quote_open(uc) ? 1 : is_quote_close(uc) ? -1 : 0;
        p += cl;
    }
    return depth > 0;
}

char *article_delegation(const article *a)
{
    char *found = NULL;
    for (size_t i = 0; i < a->blocks.n; i++) {
        const char *t = skip_spaces(a->blocks.v[i].text);
        uint32_t uc;
        /* ——某某在参加某省代表团审议时强调: a source line under cited
           words names where they were said, not the article's deputies */
        if (utf8_char(t, strlen(t), &uc) && is_dash(uc))
            continue;
        for (const char *p = t, *hit; (hit = strstr(p, DELEGATION));
             p = hit + strlen(DELEGATION)) {
            /* “现场聆听了……在参加某省代表团审议时的讲话”: someone's own
               words name their delegation, not the article's */
            if (inside_quotation(t, (size_t)(hit - t)))
                continue;
            char *d = delegation_in(p, (size_t)(hit - p) + strlen(DELEGATION));
            if (!d)
                continue;
            bool other = found && strcmp(found, d) != 0;
            if (!found && i < DELEGATION_OPENING_BLOCKS) {
                found = d;
                continue;
            }
            free(d);
            /* a second delegation anywhere: the article goes from one
               to another, and none is every deputy's */
            if (other) {
                free(found);
                return NULL;
            }
        }
    }
    return found;
}

/* The section of a that starts at block b, or NULL (stage 5 starts one
   at every speaker heading). */
static section *section_at(article *a, size_t b)
{
    for (size_t i = 0; i < a->nsections; i++)
        if (a->sections[i].first_block == b)
            return &a->sections[i];
    return NULL;
}

/* Link every speaker heading (stage 4 found them) of article ai to its
   person. */
static void link_sections(issue *is, size_t ai, session_kind sk,
                          const char *deleg)
{
    article *a = &is->articles[ai];
    for (size_t b = 0; b < a->blocks.n; b++) {
        const block *bl = &a->blocks.v[b];
        section *sec = section_at(a, b);
        person p;
        if (bl->kind != BLOCK_SPEAKER_HEADING || !sec ||
            !speaker_heading_parse(bl->text, sk, &p))
            continue;
        if (!p.delegation && role_class_of(p.role) == ROLE_NPC && deleg)
            p.delegation = xstrdup(deleg);
        sec->speaker = issue_find_or_add_person(is, &p);
        person_clear(&p);
    }
}


/* Is block b of a a paragraph of running text that may open with a
   transcript's turn label? */
static bool turn_block(const article *a, size_t b)
{
    block_kind k = a->blocks.v[b].kind;
    return (k == BLOCK_BODY || k == BLOCK_LEAD || k == BLOCK_SPEAKER_HEADING) &&
           strlen(a->blocks.v[b].text) <= BLOCK_SCAN_MAX_BYTES;
}

/* A transcript (a roundtable, an interview in turns: 记者：… / 王某：…):
   an article with at least TRANSCRIPT_MIN_TURNS paragraphs opening with a
   turn label.  Then each label that is a name is a person who speaks. */
static void find_turn_speakers(issue *is, const article *a, const char *deleg)
{
    size_t turns = 0;
    for (size_t b = 0; b < a->blocks.n; b++) {
        const char *t = skip_spaces(a->blocks.v[b].text);
        size_t words;
        if (turn_block(a, b) && turn_label_at(t, strlen(t), &words))
            turns++;
    }
    if (turns < TRANSCRIPT_MIN_TURNS)
        return;
    for (size_t b = 0; b < a->blocks.n; b++) {
        const char *t = skip_spaces(a->blocks.v[b].text);
        size_t words, len = turn_block(a, b) ? turn_label_at(t, strlen(t), &words) : 0;
        char *name = len ? turn_label_name(t, len) : NULL;
        if (name)
            add_found(is, name, strlen(name), NULL, NULL, deleg);
        free(name);
    }
}

/* Is the character before byte i of s a closing quotation mark: words
   just ended there (“……”弗朗西斯说)? */
static bool after_closing_quote(const char *s, size_t i)
{
    size_t pl = utf8_prev_len(s, i);
    uint32_t uc = 0;
    if (pl)
        utf8_char(s + i - pl, pl, &uc);
    return pl && (uc == U'”' || uc == U'」' || uc == U'』');
}

/* Byte length of a run of TITLED_TRANSLIT_MIN_CHARS to
   TITLED_TRANSLIT_MAX_CHARS transliteration characters at s that a Han
   character which is none ends (阿拉格齐展开…: a verb no list knows as
   following names), or 0.  After a foreign title the run is the name. */
static size_t translit_run_before_word(const char *s, size_t n)
{
    size_t chars;
    size_t e = translit_run_before_han(s, n, TITLED_TRANSLIT_MAX_CHARS, &chars);
    if (!e || chars < TITLED_TRANSLIT_MIN_CHARS)
        return 0;
    /* a character never inside a name (本 of 特朗某本周) leaves the end
       unsure */
    for (size_t p = 0, cl; p < e; p += cl) {
        cl = utf8_chars_len(s + p, e - p, 1);
        if (lex_has(LEX_NOT_IN_NAME, s + p, cl))
            return 0;
    }
    return !lex_has(LEX_NOT_NAME, s, e) && !lex_has(LEX_FOREIGN_PLACE, s, e)
               ? e
               : 0;
}

/* Foreign people named in transliteration characters, with no dot and no
   surname, where their place says they are people: after a foreign title
   (美国总统特朗普, 德国外长瓦德富尔, 联合国秘书长古特雷斯), or between the
   words they said, or a clause's start, and a speech verb ending the clause
   (“……”弗朗西斯说。, 古特雷斯表示，).
   Run after every other name is found, so that a last part (哈勒比 of
   阿卜杜拉赫曼·哈勒比) joins the full name wherever the page prints it
   first. */
static void scan_foreign_names_by_place(issue *is, const char *t,
                                        const char *deleg)
{
    size_t n = strlen(t);
    for (size_t i = 0; i < n;) {
        int strength;
        size_t len = translit_name_at(t + i, n - i, &strength);
        size_t title = len ? foreign_title_start(t, i) : i;
        /* 伊朗外长阿拉格齐展开…: after a foreign title, a run that an
           unknown word ends is the name too */
        if (!len) {
            len = translit_run_before_word(t + i, n - i);
            title = len ? foreign_title_start(t, i) : i;
            if (title == i)
                len = 0;
        }
        bool titled = title < i;
        /* after the words just quoted, or opening a clause when three
           characters or more (古特雷斯表示，: two are as often a word) */
        bool placed = after_closing_quote(t, i) ||
                      (opens_clause(t, i) &&
                       utf8_count(t + i, len) >= CLAUSE_TRANSLIT_NAME_MIN_CHARS);
        bool speaking = len && placed &&
                        verb_ends_clause(t + i + len, n - i - len) &&
                        !could_be_han_name(t + i, len);
        if (titled || speaking) {
            add_found(is, t + i, len, NULL,
                      titled ? titles_copy(t + title, i - title) : NULL,
                      deleg);
            i += len;
            continue;
        }
        uint32_t uc;
        size_t cl = utf8_char(t + i, n - i, &uc);
        i += cl ? cl : 1;
    }
}

/* Does the one-character title that begins at byte at of t end a word
   (县长, 校长): is a Han character other than 的 right before it?  After
   punctuation or 的 it begins one (长江). */
static bool title_ends_word(const char *t, size_t at)
{
    size_t pl = utf8_prev_len(t, at);
    uint32_t uc = 0;
    return pl && utf8_char(t + at - pl, pl, &uc) && is_han(uc) &&
           !ends_with(t, at, PARTICLE_DE);
}

/* Names with nothing after them that marks their end, where a title word
   before them says a person is there (村民某某某来买…, 国家主席某某乘坐…).
   The article must print the name again with other characters after it
   (name_recurring_at); a name it prints once stays unread, its length
   unsure.  Run after every other name is found, so that the rules that
   read a name by what follows it keep their say. */
static void scan_names_by_recurrence(issue *is, const char *t,
                                     const char *article_text,
                                     const char *deleg)
{
    size_t n = strlen(t);
    for (size_t i = 0; i < n;) {
        int strength;
        /* a surname first: one lookup rules out most places */
        size_t tl = lex_prefix(LEX_SURNAME, t + i, n - i)
                        ? lex_suffix(LEX_TITLE_WORD, t, i) : 0;
        bool titled = tl && (utf8_count(t + i - tl, tl) >= RECURRING_TITLE_MIN_CHARS ||
                             title_ends_word(t, i - tl));
        size_t len = 0;
        if (titled && !found_name_at(is, t + i, n - i) &&
            !name_best_at(t + i, n - i, &strength))
            len = name_recurring_at(t + i, n - i, article_text);
        if (len) {
            add_found(is, t + i, len, NULL, titles_before(t, i), deleg);
            i += len;
            continue;
        }
        size_t cl = utf8_chars_len(t + i, n - i, 1);
        i += cl ? cl : 1;
    }
}

/* Is s[0..n) (inside brackets) a name in Latin letters: letters (with
   accents), spaces, dots, hyphens and apostrophes only, with at least two
   letters? */
static bool latin_name(const char *s, size_t n)
{
    size_t letters = 0;
    for (size_t p = 0; p < n;) {
        uint32_t uc;
        size_t cl = utf8_char(s + p, n - p, &uc);
        if (!cl)
            return false;
        /* ASCII letters, and the accented ones of Latin-1 and Latin
           Extended-A/B (François, Müller, Łukasz), not × and ÷ */
        if (is_latin(uc) ||
            (uc >= 0xC0 && uc <= 0x24F && uc != 0xD7 && uc != 0xF7))
            letters++;
        else if (!is_space(uc) && uc != '.' && uc != '-' && uc != '\'')
            return false;
        p += cl;
    }
    return letters >= 2;
}

/* Foreign people named with their original spelling in brackets (雷诺集团
   CEO 福兰（François Provost）, 某某 (John Smith)): the two to five Han
   characters right before the brackets, after a space, punctuation, the
   start or a title word, are a name whatever their surname. */
static void scan_spelled_names(issue *is, const char *t, const char *deleg)
{
    size_t n = strlen(t);
    for (size_t p = 0; p < n;) {
        uint32_t uc;
        size_t cl = utf8_char(t + p, n - p, &uc);
        if (!cl)
            break;
        size_t end = p; /* where the name ends: before the bracket */
        if (uc == ' ' && p + 1 < n && t[p + 1] == '(') {
            p++;
            uc = '(';
        }
        size_t group = (uc == U'（' || uc == '(') ? bracket_group_len(t + p, n - p) : 0;
        if (!group) {
            p += cl;
            continue;
        }
        size_t ol = utf8_chars_len(t + p, n - p, 1);
        size_t il = utf8_prev_len(t + p, group);
        size_t start = end, chars = 0;
        while (start > 0 && chars <= SPELLED_NAME_MAX_CHARS) {
            size_t pl = utf8_prev_len(t, start);
            uint32_t pc;
            utf8_char(t + start - pl, pl, &pc);
            if (!is_han(pc) || lex_suffix(LEX_TITLE_WORD, t, start))
                break;
            start -= pl;
            chars++;
        }
        if (latin_name(t + p + ol, group - ol - il) && chars >= 2 &&
            chars <= SPELLED_NAME_MAX_CHARS &&
            !lex_has(LEX_NOT_NAME, t + start, end - start))
            add_found(is, t + start, end - start, NULL,
                      titles_before(t, start), deleg);
        p += group;
    }
}

/* Byte length of a personal name in Latin letters at s: two to
   LATIN_NAME_MAX_WORDS capitalised words joined by single spaces (Thu Lan
   Nguyen, Michael Brown), ending right before a speech verb or a strong
   follower; 0 when s opens no such name. */
static size_t latin_name_before_verb(const char *s, size_t n)
{
    size_t p = 0, words = 0;
    while (p < n && words < LATIN_NAME_MAX_WORDS) {
        if (!(s[p] >= 'A' && s[p] <= 'Z'))
            return 0;
        size_t w = p + 1;
        while (w < n && ((s[w] >= 'a' && s[w] <= 'z') || s[w] == '\'' ||
                         s[w] == '-'))
            w++;
        if (w == p + 1)
            return 0; /* an initial or an acronym (CEO) */
        words++;
        if (w < n && s[w] == ' ' && w + 1 < n && s[w + 1] >= 'A' &&
            s[w + 1] <= 'Z') {
            p = w + 1;
            continue;
        }
        return words >= 2 && name_follower_strength(s + w, n - w) == FOLLOW_STRONG
                   ? w : 0;
    }
    return 0;
}

/* People named in Latin letters right after a job title and before a
   speech verb (某银行分析师Thu Lan Nguyen表示, 某公司首席执行官Tim Cook说):
   adds them with the titles before the name. */
static void scan_latin_names(issue *is, const char *t, const char *deleg)
{
    size_t n = strlen(t);
    for (size_t p = 1; p < n; p++) {
        if (!(t[p] >= 'A' && t[p] <= 'Z') || (unsigned char)t[p - 1] < 0x80 ||
            !lex_suffix(LEX_TITLE_WORD, t, p))
            continue;
        size_t len = latin_name_before_verb(t + p, n - p);
        if (len) {
            add_found(is, t + p, len, NULL, titles_before(t, p), deleg);
            p += len - 1;
        }
    }
}

/* A guest list line: a name, spaces, then a role and titles (周某某  全国
   人大代表、某大学法学院院长), as printed above a roundtable.  Adds the
   person with the role and titles. */
static void scan_guest_line(issue *is, const char *t, const char *deleg)
{
    t = skip_spaces(t);
    size_t n = strlen(t);
    if (utf8_count(t, n) > HEADING_MAX_CHARS)
        return;
    /* The name: Han characters and the spaces that justify a short one
       (冯  帆), up to two or more spaces before the role. */
    size_t p = 0, name_end = 0;
    uint32_t uc;
    size_t cl;
    while (p < n && (cl = utf8_char(t + p, n - p, &uc)) &&
           (is_han(uc) || is_space(uc))) {
        if (is_han(uc)) {
            if (role_at(t + p, n - p))
                break;
            name_end = p + cl;
        }
        p += cl;
    }
    if (!name_end || p == name_end)
        return; /* no space between the name and what follows */
    size_t r = role_at(t + p, n - p);
    if (!r)
        return;
    char *name = turn_label_name(t, name_end);
    if (!name)
        return;
    char *role = xstrndup(t + p, r);
    add_found(is, name, strlen(name), role, titles_copy(t + p + r, n - p - r),
              deleg);
    free(role);
    free(name);
}

/* The author line of a signed piece (names.h: author_line_parse) among
   the lines before article a's first paragraph of text: its block index,
   the person in *out; or -1. */
int article_author_line(const article *a, session_kind sk, person *out)
{
    for (size_t b = 0; b < a->blocks.n && b < AUTHOR_LINE_MAX_BLOCK; b++) {
        const block *bl = &a->blocks.v[b];
        if (bl->kind == BLOCK_BODY || bl->kind == BLOCK_LEAD)
            return -1;
        if (!block_kind_is_furniture(bl->kind) &&
            author_line_parse(bl->text, sk, out))
            return (int)b;
    }
    return -1;
}

/* The closing note of signed piece a (（作者为全国政协委员、…）, names.h:
   author_note_parse) with the author's name from its byline (a bare
   name: stage 5's byline or a byline line of the article): the note's
   block index, the author in *out; or -1. */
/* The personal name a byline is (李某, 李  某), also with the edition
   stamp a crawl prints after it (李某《某某日报》（2026年03月14日第 15
   版）); heap string or NULL (本报记者 李某 names a reporter, no author). */
static char *byline_name(const char *byline)
{
    const char *t = skip_spaces(byline);
    size_t n = strlen(t);
    char *name = turn_label_name(t, n);
    if (name)
        return name;
    size_t stamp = 0;
    uint32_t uc;
    while (stamp < n) {
        size_t cl = utf8_char(t + stamp, n - stamp, &uc);
        if (!cl || uc == U'《' || uc == U'（' || uc == '(')
            break;
        stamp += cl;
    }
    return stamp && stamp < n ? turn_label_name(t, stamp) : NULL;
}

int article_author_note(const article *a, person *out)
{
    for (size_t b = a->blocks.n; b-- > 0;) {
        if (!author_note_parse(a->blocks.v[b].text, out))
            continue;
        if (out->name) /* the note names the author itself */
            return (int)b;
        char *name = a->byline ? byline_name(a->byline) : NULL;
        for (size_t k = 0; !name && k < a->blocks.n; k++)
            if (a->blocks.v[k].kind == BLOCK_BYLINE)
                name = byline_name(a->blocks.v[k].text);
        if (!name) {
            person_clear(out);
            return -1;
        }
        out->name = name;
        return (int)b;
    }
    return -1;
}

/* A signature line under someone's words that stage 4 did not take for
   a speaker heading (——某某代表（某公司董事长）as a subhead): adds the
   person with the role and titles. */
static void scan_signature(issue *is, const block *bl, session_kind sk,
                           const char *deleg)
{
    person p;
    if (block_kind_is_furniture(bl->kind) || !signature_parse(bl->text, sk, &p))
        return;
    if (!p.delegation && role_class_of(p.role) == ROLE_NPC && deleg)
        p.delegation = xstrdup(deleg);
    issue_find_or_add_person(is, &p);
    person_clear(&p);
}

/* A paragraph opening with a speaker's label (黎某委员（某区委书记）：…,
   names.h): adds the person with the role and titles. */
static void scan_speaker_label(issue *is, const char *t, session_kind sk,
                               const char *deleg)
{
    t = skip_spaces(t);
    person p;
    if (!speaker_label_at(t, strlen(t), sk, &p))
        return;
    if (!p.delegation && role_class_of(p.role) == ROLE_NPC && deleg)
        p.delegation = xstrdup(deleg);
    issue_find_or_add_person(is, &p);
    person_clear(&p);
}

void speakers_find(issue *is)
{
    if (!lexicon_load()) {
        strlist_push(&is->warnings,
                     "speaker lexicon not found: no speakers or quotes");
        return;
    }
    session_kind sk = speakers_session_kind(is);
    for (size_t ai = 0; ai < is->narticles; ai++) {
        article *a = &is->articles[ai];
        char *deleg = article_delegation(a);
        link_sections(is, ai, sk, deleg);
        for (size_t b = 0; b < a->blocks.n; b++)
            if (!block_kind_is_furniture(a->blocks.v[b].kind) &&
                strlen(a->blocks.v[b].text) <= BLOCK_SCAN_MAX_BYTES) {
                scan_guest_line(is, a->blocks.v[b].text, deleg);
                scan_spelled_names(is, a->blocks.v[b].text, deleg);
                scan_latin_names(is, a->blocks.v[b].text, deleg);
                scan_speaker_label(is, a->blocks.v[b].text, sk, deleg);
                scan_signature(is, &a->blocks.v[b], sk, deleg);
                discover_in_text(is, a->blocks.v[b].text, sk, deleg);
            }
        person author;
        if (article_author_line(a, sk, &author) >= 0 ||
            article_author_note(a, &author) >= 0) {
            if (!author.delegation && role_class_of(author.role) == ROLE_NPC &&
                deleg)
                author.delegation = xstrdup(deleg);
            issue_find_or_add_person(is, &author);
            person_clear(&author);
        }
        if (a->headline) /* a guest line taken for a headline */
            scan_guest_line(is, a->headline, deleg);
        find_turn_speakers(is, a, deleg);
        free(deleg);
    }
    /* Roles printed before a name that nothing after it marks the end of
       (…院士周某某充满期待) find the people the page names elsewhere, later
       on too; so do the places that mark a foreign name without a dot.
       The headline is read for roles only (专访全国人大代表、某县委书记
       某某：…): it names its interviewee so, and nothing else there is a
       speaker. */
    for (size_t ai = 0; ai < is->narticles; ai++) {
        article *a = &is->articles[ai];
        char *deleg = article_delegation(a);
        if (a->headline)
            scan_roles_again(is, a->headline, sk, deleg);
        for (size_t b = 0; b < a->blocks.n; b++)
            if (!block_kind_is_furniture(a->blocks.v[b].kind) &&
                strlen(a->blocks.v[b].text) <= BLOCK_SCAN_MAX_BYTES) {
                scan_roles_again(is, a->blocks.v[b].text, sk, deleg);
                scan_foreign_names_by_place(is, a->blocks.v[b].text, deleg);
                scan_names_by_recurrence(is, a->blocks.v[b].text, a->text,
                                         deleg);
            }
        free(deleg);
    }
}

/* Drop the people who neither speak, head a section nor hold a role, and
   renumber the references to the others (see speakers.h). */
void speakers_drop_silent(issue *is)
{
    if (!is->npeople)
        return;
    bool *keep = xcalloc(is->npeople, sizeof *keep);
    for (size_t i = 0; i < is->nquotes; i++)
        if (is->quotes[i].speaker >= 0)
            keep[is->quotes[i].speaker] = true;
    for (size_t a = 0; a < is->narticles; a++)
        for (size_t s = 0; s < is->articles[a].nsections; s++)
            if (is->articles[a].sections[s].speaker >= 0)
                keep[is->articles[a].sections[s].speaker] = true;
    int *map = xcalloc(is->npeople, sizeof *map);
    size_t n = 0;
    for (size_t i = 0; i < is->npeople; i++) {
        if (keep[i] || is->people[i].is_delegate) {
            map[i] = (int)n;
            is->people[n++] = is->people[i];
        } else {
            map[i] = -1;
            person_clear(&is->people[i]);
        }
    }
    is->npeople = n;
    for (size_t i = 0; i < is->nquotes; i++)
        if (is->quotes[i].speaker >= 0)
            is->quotes[i].speaker = map[is->quotes[i].speaker];
    for (size_t a = 0; a < is->narticles; a++)
        for (size_t s = 0; s < is->articles[a].nsections; s++) {
            section *sec = &is->articles[a].sections[s];
            if (sec->speaker >= 0)
                sec->speaker = map[sec->speaker];
        }
    free(map);
    free(keep);
}
