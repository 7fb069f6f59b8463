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
    ix->v = xcalloc(is->npeople + 1, sizeof *ix->v);
    ix->n = 0;
    for (size_t i = 0; i < is->npeople; i++) {
        const char *name = is->people[i].name;
        uint32_t uc;
        if (name && utf8_char(name, strlen(name), &uc))
            ix->v[ix->n++] = (person_key){uc, (int)i};
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
        const char *name = is->people[i].name;
        size_t nl = strlen(name);
        /* Ties go to the earlier person, as keys of one character are
           ordered by index. */
        if (nl > best_len && starts_with(s, n, name)) {
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

/* Does s contain 全国人大/全国政协 + [一…十]次会议 (a plenary session, as
   opposed to 全国人大常委会第…次会议)? */
static bool mentions_plenary(const char *s)
{
    static const char *const bodies[] = {"全国人大", "全国政协"};
    for (size_t b = 0; b < 2; b++) {
        for (const char *p = strstr(s, bodies[b]); p;
             p = strstr(p + 1, bodies[b])) {
            const char *q = p + strlen(bodies[b]);
            size_t digits = 0;
            uint32_t uc;
            size_t cl;
            /* 4 bytes bound one character (a NUL stops it): strlen here
               made long paragraphs quadratic. */
            while (*q && (cl = utf8_char(q, 4, &uc)) && cn_numeral_value(uc)) {
                q += cl;
                digits++;
            }
            if (digits && strncmp(q, "次会议", strlen("次会议")) == 0)
                return true;
        }
    }
    return false;
}

session_kind speakers_session_kind(const issue *is)
{
    bool national = false, local = false, standing = false;
    for (size_t a = 0; a < is->narticles; a++) {
        const article *ar = &is->articles[a];
        for (size_t i = 0; i <= ar->blocks.n; i++) {
            const char *t = i < ar->blocks.n ? ar->blocks.v[i].text : ar->headline;
            if (!t)
                continue;
            if (strstr(t, "两会") && !strstr(t, "市两会") && !strstr(t, "省两会"))
                national = true;
            if (mentions_plenary(t))
                national = true;
            if ((strstr(t, "人民代表大会") && !strstr(t, "全国人民代表大会")) ||
                strstr(t, "市两会") || strstr(t, "省两会") ||
                strstr(t, "市人大代表") || strstr(t, "市政协委员"))
                local = true;
            if (strstr(t, "人大常委会"))
                standing = true;
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

/* Titles printed before a name: the clause text up to the name, without
   leading connective words (时任, 已是, 作为 …) and a trailing 的. */
static char *titles_before(const char *s, size_t name_at_byte)
{
    static const char *const lead[] = {"时任", "现任", "已是", "曾任", "身为",
                                       "作为", "由", "据", "在", "是", "让",
                                       "同", "和", "与", "对", "向", "请"};
    size_t cs = clause_start(s, name_at_byte);
    size_t end = name_at_byte;
    /* 今年已经是…驾驶员何少花: the titles follow the last 是. */
    for (size_t p = cs; p + 3 <= end; p++)
        if (memcmp(s + p, "是", 3) == 0)
            cs = p + 3;
    if (end - cs >= 3 && memcmp(s + end - 3, "的", 3) == 0)
        end -= 3;
    bool again = true;
    while (again) {
        again = false;
        for (size_t i = 0; i < sizeof lead / sizeof lead[0]; i++)
            if (end > cs && starts_with(s + cs, end - cs, lead[i])) {
                cs += strlen(lead[i]);
                again = true;
            }
    }
    if (end <= cs || !lex_suffix(LEX_TITLE_WORD, s + cs, end - cs))
        return NULL;
    return titles_copy(s + cs, end - cs);
}

/* Add a person found in text; the strings are copied. */
static void add_found(issue *is, const char *name, size_t name_len,
                      const char *role, char *titles, const char *deleg)
{
    person p = {0};
    p.name = xstrndup(name, name_len);
    p.role = role ? xstrdup(role) : NULL;
    p.titles = titles;
    bool national = role_class_of(role) == ROLE_NPC;
    p.delegation = national && deleg ? xstrdup(deleg) : NULL;
    issue_find_or_add_person(is, &p);
    person_clear(&p);
}

/* Does a speech verb at s end where a clause does (punctuation, a quote,
   the end of the text)? */
static bool verb_ends_clause(const char *s, size_t n)
{
    size_t v = lex_prefix(LEX_SPEECH_VERB, s, n);
    if (!v)
        return false;
    if (v == n)
        return true;
    uint32_t uc;
    utf8_char(s + v, n - v, &uc);
    return is_clause_end(uc) || uc == U'“';
}

/* A clause-initial name followed by a follower word (进一步, 举例, 笑着 …)
   and, within four characters, a speech verb that ends the clause
   (张水波举例说， 王少峰进一步阐释说，).  Returns len or 0. */
static size_t name_before_verb(const char *s, size_t n, size_t len,
                               int strength)
{
    if (strength < FOLLOW_WORD)
        return 0;
    size_t p = len;
    for (int chars = 0; chars < 4 && p < n; chars++) {
        uint32_t uc;
        size_t cl = utf8_char(s + p, n - p, &uc);
        if (!is_han(uc))
            break;
        p += cl;
        if (verb_ends_clause(s + p, n - p))
            return len;
    }
    return 0;
}

/* Role at byte i of t followed by titles and a name (全国人大代表，首钢集团
   有限公司党委书记、董事长赵民革…); returns bytes consumed or 0. */
static size_t scan_role_prefix(issue *is, const char *t, size_t n, size_t i,
                               const char *deleg)
{
    size_t r = role_at(t + i, n - i);
    if (!r)
        return 0;
    size_t j = i + r;
    static const char *const seps[] = {"，", "、", ",", " ", "\xE3\x80\x80"};
    for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++)
        if (starts_with(t + j, n - j, seps[k])) {
            j += strlen(seps[k]);
            break;
        }
    size_t chars = 0;
    for (size_t k = j; k < n && chars < 50; chars++) {
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
            if (len) {
                char *role = xstrndup(t + i, r);
                add_found(is, t + k, len, role, titles_copy(t + j, k - j),
                          deleg);
                free(role);
                return k + len - i;
            }
        }
        k += cl;
    }
    return r;
}

/* Name-led patterns at byte i of t: 卓长立作为全国人大代表, 王少峰代表,
   习近平总书记, 总经理何伟说, “…”梁胜说.  Returns bytes consumed or 0. */
static size_t scan_name(issue *is, const char *t, size_t n, size_t i,
                        session_kind sk, const char *deleg)
{
    int strength;
    size_t len = name_best_at(t + i, n - i, &strength);
    if (!len)
        return 0;
    const char *after = t + i + len;
    size_t left = n - i - len;
    /* 在李斌看来， / 据陈晓东介绍， */
    if (i >= 3 && (memcmp(t + i - 3, "在", 3) == 0 ||
                   memcmp(t + i - 3, "据", 3) == 0) &&
        at_clause_start(t, i - 3) && strength == FOLLOW_STRONG &&
        verb_ends_clause(after, left)) {
        add_found(is, t + i, len, NULL, NULL, deleg);
        return len;
    }
    if (!name_boundary_before(t, i))
        return 0;

    /* NAME作为ROLE */
    if (starts_with(after, left, "作为")) {
        size_t r = role_at(after + 6, left - 6);
        if (r) {
            char *role = xstrndup(after + 6, r);
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
    if (!tl && i >= 3 && memcmp(t + i - 3, "的", 3) == 0)
        tl = lex_suffix(LEX_TITLE_WORD, t, i - 3);
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

/* Find the people named in one block of text. */
static void discover_in_text(issue *is, const char *t, session_kind sk,
                             const char *deleg)
{
    size_t n = strlen(t);
    size_t i = 0;
    while (i < n) {
        size_t used = scan_role_prefix(is, t, n, i, deleg);
        if (!used && lex_prefix(LEX_SURNAME, t + i, n - i))
            used = scan_name(is, t, n, i, sk, deleg);
        if (!used) {
            uint32_t uc;
            used = utf8_char(t + i, n - i, &uc);
        }
        i += used;
    }
}

bool block_is_furniture(const block *b)
{
    switch (b->kind) {
    case BLOCK_BYLINE: case BLOCK_EDITOR: case BLOCK_MASTHEAD:
    case BLOCK_DATELINE: case BLOCK_CAPTION:
        return true;
    default:
        break;
    }
    /* A short line naming reporters is a byline whatever its class. */
    size_t n = strlen(b->text);
    if (utf8_count(b->text, n) <= 40 && !strstr(b->text, "。") &&
        (strstr(b->text, "记者") || strstr(b->text, "编辑") ||
         strstr(b->text, "通讯员") || strstr(b->text, "实习生") ||
         strstr(b->text, "报道组") || strstr(b->text, "稿件来源")))
        return true;
    return false;
}

char *article_delegation(const article *a)
{
    char *found = NULL;
    for (size_t i = 0; i < a->blocks.n && i < 4; i++) {
        const char *t = a->blocks.v[i].text;
        char *d = delegation_in(t, strlen(t));
        if (!d)
            continue;
        if (found && strcmp(found, d) != 0) {
            free(found);
            free(d);
            return NULL;
        }
        free(found);
        found = d;
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
            if (!block_is_furniture(&a->blocks.v[b]) &&
                strlen(a->blocks.v[b].text) <= BLOCK_SCAN_MAX_BYTES)
                discover_in_text(is, a->blocks.v[b].text, sk, deleg);
        free(deleg);
    }
}
