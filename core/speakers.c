/* speakers.c - find the named people of an issue and link speaker sections.
 *
 * Everything here works on plain UTF-8 strings and the word lists of
 * lexicon.c.  A name is a surname plus one or two Han characters; which
 * length is right is decided by what follows (follower_strength): 赵民革介绍
 * is 赵民革 + 介绍, 龚正在会上 is 龚正 + 在, 殷勇代表 is 殷勇 + 代表.
 */
#include "speakers.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "lexicon.h"
#include "text.h"
#include "strbuf.h"

/* What follows a candidate name. */
enum {
    FOLLOW_NONE = 0,
    FOLLOW_PUNCT = 1,   /* punctuation, space, end, 的 */
    FOLLOW_WORD = 2,    /* a common follower word (在, 也, 进一步 …) */
    FOLLOW_STRONG = 3   /* a speech verb, a role suffix or a title */
};

/* Characters that never occur inside a given name but often right after
   one: a candidate containing one is cut before it.  One UTF-8 string, so
   that a lookup is a single memmem (UTF-8 is self-synchronising: a whole
   character can only match at a character boundary). */
static const char not_in_name[] =
    "的了是在和与及等也都就还又被把让对从这那"
    "个们不说表示年号位名时后前上下里会将要已"
    "到着过地得所而或但并每各该此本我你他她它"
    "于以称指认介谈透坦呼告记者代委员省市区县"
    "村局厅部处司团队组院所校党协人";

static bool in_not_in_name(const char *s, size_t len)
{
    return len && memmem(not_in_name, sizeof not_in_name - 1, s, len) != NULL;
}

/* Length of a role suffix (代表 / 委员 / 常委) at s, when it really is one:
   not 代表团, 代表们, 委员长, 委员会 … */
static size_t role_suffix_at(const char *s, size_t n, const char **which)
{
    static const char *const suffixes[] = {"代表", "委员", "常委"};
    static const char *const not_after[] = {
        "团", "们", "队", "处", "性", "作", "大会", "委员", "室", "权", "证",
        "名额", "资格", "长", "会", "制", "建议案", "议案"};
    for (size_t i = 0; i < 3; i++) {
        if (!starts_with(s, n, suffixes[i]))
            continue;
        size_t k = strlen(suffixes[i]);
        for (size_t j = 0; j < sizeof not_after / sizeof not_after[0]; j++)
            if (starts_with(s + k, n - k, not_after[j]))
                return 0;
        if (which)
            *which = suffixes[i];
        return k;
    }
    return 0;
}

/* How strongly the text at s marks the end of a name (FOLLOW_*). */
static int follower_strength(const char *s, size_t n)
{
    if (n == 0)
        return FOLLOW_PUNCT;
    uint32_t uc;
    utf8_char(s, n, &uc);
    if (lex_prefix(LEX_SPEECH_VERB, s, n) || role_suffix_at(s, n, NULL) ||
        lex_prefix(LEX_SUFFIX_TITLE, s, n))
        return FOLLOW_STRONG;
    if (lex_prefix(LEX_NAME_FOLLOWER, s, n))
        return FOLLOW_WORD;
    if (starts_with(s, n, "的"))
        return FOLLOW_PUNCT;
    if (!is_han(uc) && !(uc < 0x80 && (uc >= '0' && uc <= '9')) &&
        !(uc < 0x80 && ((uc | 0x20) >= 'a' && (uc | 0x20) <= 'z')))
        return FOLLOW_PUNCT;
    return FOLLOW_NONE;
}

/* Is s[0..len) (surname sl bytes + given name) acceptable as a name?
   avail is how many bytes of text s has, for looking past the name. */
static bool name_shape_ok(const char *s, size_t len, size_t sl, size_t avail)
{
    if (lex_has(LEX_NOT_NAME, s, len))
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
        if (!is_han(uc) || in_not_in_name(s + p, cl))
            return false;
        p += cl;
    }
    return true;
}

/* Best name starting at s: tries surname + 1 or 2 given characters and
   keeps the one followed most strongly (longer on ties). */
static size_t best_name_at(const char *s, size_t n, int *strength)
{
    *strength = FOLLOW_NONE;
    size_t sl = lex_prefix(LEX_SURNAME, s, n);
    if (!sl)
        return 0;
    size_t surnames[2] = {sl, 0};
    size_t one = utf8_chars_len(s, n, 1);
    if (sl > one && lex_has(LEX_SURNAME, s, one))
        surnames[1] = one;
    size_t best = 0;
    for (int si = 0; si < 2 && surnames[si]; si++) {
        size_t cur_sl = surnames[si];
        for (size_t g = 1; g <= 2; g++) {
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
            }
        }
    }
    return *strength > FOLLOW_NONE ? best : 0;
}

size_t name_at(const char *s, size_t n, int min_strength)
{
    int strength;
    size_t len = best_name_at(s, n, &strength);
    return strength >= min_strength ? len : 0;
}

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

/* Copy s[0..n) with leading and trailing spaces and list punctuation
   (、，, and U+3000) removed; NULL when nothing is left. */
static char *trimmed_copy(const char *s, size_t n)
{
    static const char *const junk[] = {" ", "\t", "\xE3\x80\x80", "、", "，",
                                       ",", "：", ":", "；"};
    bool again = true;
    while (again && n) {
        again = false;
        for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++) {
            if (starts_with(s, n, junk[i])) {
                size_t k = strlen(junk[i]);
                s += k;
                n -= k;
                again = true;
            }
            if (ends_with(s, n, junk[i])) {
                n -= strlen(junk[i]);
                again = true;
            }
        }
    }
    return n ? xstrndup(s, n) : NULL;
}

/* Role for a bare 代表 / 委员 / 常委 suffix in the given kind of session. */
static const char *suffix_role(const char *suffix, session_kind sk)
{
    bool deputy = strcmp(suffix, "代表") == 0;
    bool standing = strcmp(suffix, "常委") == 0;
    switch (sk) {
    case SESSION_NATIONAL:
        return deputy ? "全国人大代表" : standing ? "全国政协常委" : "全国政协委员";
    case SESSION_LOCAL:
        return deputy ? "人大代表" : standing ? "政协常委" : "政协委员";
    default:
        return NULL;
    }
}

/* Delegation named in s[0..n) (…北京市代表团 …), heap string or NULL: the
   place is the run of Han characters before 代表团, stopping at words
   like 会议 or 届. */
static char *delegation_in(const char *s, size_t n)
{
    static const char *const stops[] = {"议", "会", "届", "次", "的", "在",
                                        "和", "与", "了", "是", "及", "等"};
    const char *p = s;
    size_t left = n;
    while (left) {
        const char *hit = memmem(p, left, "代表团", strlen("代表团"));
        if (!hit)
            return NULL;
        size_t end = (size_t)(hit - s), start = end, chars = 0;
        while (start > 0 && chars < 6) {
            size_t pl = utf8_prev_len(s, start);
            uint32_t uc;
            utf8_char(s + start - pl, pl, &uc);
            if (!is_han(uc))
                break;
            bool stop = false;
            for (size_t i = 0; i < sizeof stops / sizeof stops[0]; i++)
                if (pl == strlen(stops[i]) &&
                    memcmp(s + start - pl, stops[i], pl) == 0)
                    stop = true;
            if (stop)
                break;
            start -= pl;
            chars++;
        }
        if (chars >= 2) {
            strbuf sb = {0};
            sb_append(&sb, s + start, end - start);
            sb_puts(&sb, "代表团");
            return sb_take(&sb);
        }
        size_t adv = (size_t)(hit - p) + strlen("代表团");
        p += adv;
        left -= adv;
    }
    return NULL;
}

/* Strip heading decoration: leading >> 》 # ■ · spaces, trailing colons,
   dashes and spaces.  Sets *colon when a colon or dash was removed. */
static void strip_heading(const char **s, size_t *n, bool *colon)
{
    static const char *const lead[] = {">", "》", "#", "■", "□", "●", "·",
                                       " ", "\t", "\xE3\x80\x80", "▶", "◆"};
    static const char *const trail[] = {"：", ":", "——", "—", "-", " ", "\t",
                                        "\xE3\x80\x80", "·"};
    *colon = false;
    bool again = true;
    while (again && *n) {
        again = false;
        for (size_t i = 0; i < sizeof lead / sizeof lead[0]; i++)
            if (starts_with(*s, *n, lead[i])) {
                size_t k = strlen(lead[i]);
                *s += k;
                *n -= k;
                again = true;
            }
        for (size_t i = 0; i < sizeof trail / sizeof trail[0]; i++)
            if (ends_with(*s, *n, trail[i])) {
                *n -= strlen(trail[i]);
                if (i < 4)
                    *colon = true;
                again = true;
            }
    }
}

/* Is the byte at i of s right after a clause boundary (start, punctuation,
   a quotation mark, a space) or after 的? */
static bool at_clause_start(const char *s, size_t i)
{
    if (i == 0)
        return true;
    size_t pl = utf8_prev_len(s, i);
    uint32_t uc;
    utf8_char(s + i - pl, pl, &uc);
    if (!is_han(uc))
        return true;
    return pl == 3 && memcmp(s + i - pl, "的", 3) == 0;
}

/* Is a name that starts at byte k of s[0..n) well separated from what is
   before it: the start, a space or punctuation, 的, or a title word? */
static bool name_boundary_before(const char *s, size_t k)
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
        size_t sl = lex_prefix(LEX_SURNAME, s + start, n - start);
        if (!sl)
            continue;
        size_t glen = n - start - sl;
        size_t gchars = utf8_count(s + start + sl, glen);
        if (gchars < 1 || gchars > 2)
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
    static const char *const sfx[] = {"代表", "委员", "常委"};
    for (size_t i = 0; i < 3; i++) {
        if (!ends_with(s, n, sfx[i]) || lex_suffix(LEX_ROLE, s, n))
            continue;
        size_t body = n - strlen(sfx[i]);
        size_t start = name_at_end(s, body);
        if (start == body)
            return false;
        out->name = xstrndup(s + start, body - start);
        const char *role = suffix_role(sfx[i], sk);
        out->role = role ? xstrdup(role) : NULL;
        out->titles = trimmed_copy(s, start);
        out->delegation = delegation_in(s, n);
        out->is_delegate = out->role != NULL;
        return true;
    }

    /* Prefix form: [role][，、 ]titles[ ]name. */
    size_t role_at = n, role_len = 0;
    for (size_t p = 0; p < n;) {
        size_t r = lex_prefix(LEX_ROLE, s + p, n - p);
        if (r) {
            role_at = p;
            role_len = r;
            break;
        }
        uint32_t uc;
        p += utf8_char(s + p, n - p, &uc);
    }
    size_t rest = role_at < n ? role_at + role_len : 0;
    size_t start = name_at_end(s + rest, n - rest);
    /* A space before the name separates it from the titles. */
    const char *sp = NULL;
    for (size_t p = rest; p < n; p++)
        if (s[p] == ' ' || starts_with(s + p, n - p, "\xE3\x80\x80"))
            sp = s + p;
    if (sp) {
        size_t after = (size_t)(sp - s) + (*sp == ' ' ? 1 : 3);
        size_t st = name_at_end(s + after, n - after);
        if (st == 0)
            start = after - rest;
    }
    if (start == n - rest)
        return false;
    start += rest;
    if (role_at == n && start > 0 && !lex_suffix(LEX_TITLE_WORD, s, start) &&
        !sp)
        return false;
    out->name = xstrndup(s + start, n - start);
    if (role_at < n) {
        /* Keep the role as printed from its level word (市人大代表). */
        out->role = xstrndup(s + role_at, role_len);
        out->titles = trimmed_copy(s + rest, start - rest);
    } else {
        out->titles = trimmed_copy(s, start);
    }
    out->delegation = delegation_in(s, n);
    out->is_delegate = out->role != NULL;
    return true;
}

bool speaker_parse_title(const char *text, person *out)
{
    return speaker_parse_title_in(text, SESSION_NATIONAL, out);
}

bool speaker_heading_parse(const char *text, session_kind sk, person *out)
{
    memset(out, 0, sizeof *out);
    const char *s = text;
    size_t n = strlen(text);
    bool colon;
    strip_heading(&s, &n, &colon);
    if (n == 0 || utf8_count(s, n) > 60)
        return false;
    static const char *const banned[] = {"。", "！", "？", "记者", "编辑",
                                         "通讯员", "“", "”", "，"};
    for (size_t i = 0; i < sizeof banned / sizeof banned[0]; i++) {
        /* A comma may follow the role (全国人大代表，首钢…) but nothing else. */
        const char *hit = memmem(s, n, banned[i], strlen(banned[i]));
        if (!hit)
            continue;
        if (i == 8) {
            size_t off = (size_t)(hit - s);
            if (lex_suffix(LEX_ROLE, s, off) && !memmem(hit + 3, n - off - 3, "，", 3))
                continue;
        }
        return false;
    }
    if (!speaker_parse_title_in(text, sk, out))
        return false;
    bool suffix = ends_with(s, n, "代表") || ends_with(s, n, "委员") ||
                  ends_with(s, n, "常委");
    bool has_role = lex_suffix(LEX_ROLE, s, n) || out->role;
    for (size_t p = 0; p < n && !has_role;) {
        if (lex_prefix(LEX_ROLE, s + p, n - p))
            has_role = true;
        uint32_t uc;
        p += utf8_char(s + p, n - p, &uc);
    }
    if (suffix || has_role || colon)
        return true;
    person_clear(out);
    return false;
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
    return trimmed_copy(s + cs, end - cs);
}

/* Add a person found in text; the strings are copied. */
static void add_found(issue *is, const char *name, size_t name_len,
                      const char *role, char *titles, const char *deleg)
{
    person p = {0};
    p.name = xstrndup(name, name_len);
    p.role = role ? xstrdup(role) : NULL;
    p.titles = titles;
    bool national = role && strstr(role, "全国人大");
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
    size_t r = lex_prefix(LEX_ROLE, t + i, n - i);
    if (!r || starts_with(t + i + r, n - i - r, "们") ||
        starts_with(t + i + r, n - i - r, "团"))
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
                add_found(is, t + k, len, role, trimmed_copy(t + j, k - j),
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
    size_t len = best_name_at(t + i, n - i, &strength);
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
        size_t r = lex_prefix(LEX_ROLE, after + 6, left - 6);
        if (r) {
            char *role = xstrndup(after + 6, r);
            add_found(is, t + i, len, role, NULL, deleg);
            free(role);
            return len;
        }
    }
    /* NAME代表 / NAME委员 / NAME常委 */
    const char *which = NULL;
    if (role_suffix_at(after, left, &which)) {
        add_found(is, t + i, len, suffix_role(which, sk), titles_before(t, i),
                  deleg);
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

/* Index of the section of a starting at block b, adding one if missing
   (sections stay ordered by first block). */
static section *section_at(article *a, size_t b)
{
    for (size_t i = 0; i < a->nsections; i++)
        if (a->sections[i].first_block == b)
            return &a->sections[i];
    article_add_section(a, b, -1);
    size_t i = a->nsections - 1;
    while (i > 0 && a->sections[i - 1].first_block > b) {
        section tmp = a->sections[i - 1];
        a->sections[i - 1] = a->sections[i];
        a->sections[i] = tmp;
        i--;
    }
    return &a->sections[i];
}

/* Link every speaker heading of article ai to its person. */
static void link_sections(issue *is, size_t ai, session_kind sk,
                          const char *deleg)
{
    article *a = &is->articles[ai];
    for (size_t b = 0; b < a->blocks.n; b++) {
        const block *bl = &a->blocks.v[b];
        if (block_is_furniture(bl))
            continue;
        person p;
        if (!speaker_heading_parse(bl->text, sk, &p))
            continue;
        if (!p.delegation && p.role && strstr(p.role, "全国人大") && deleg)
            p.delegation = xstrdup(deleg);
        int idx = issue_find_or_add_person(is, &p);
        person_clear(&p);
        section_at(a, b)->speaker = idx;
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
