/* fts.c - the "dubao_cjk" FTS5 tokenizer, safe MATCH expressions built from
 * what a user typed, and match ranges for highlighting.
 *
 * All three share one scanner that cuts text into units: a CJK character
 * (one code point, plus any combining marks or variation selectors after
 * it) or a word (a run of letters, digits and marks of other scripts).
 * Everything else separates units.  See fts.h for the token layout.
 */
#include "fts.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "pinyin.h"
#include "strbuf.h"

enum char_class {
    CLASS_SEP,   /* punctuation, symbols, line breaks: splits everything */
    CLASS_SPACE, /* horizontal whitespace, format characters */
    CLASS_WORD,  /* letters and digits other than CJK */
    CLASS_MARK,  /* combining marks, variation selectors */
    CLASS_CJK    /* ideographs, kana, hangul */
};

enum unit_kind { UNIT_WORD, UNIT_CJK };

/* One unit of text.  joined says whether it continues the previous unit:
   for CJK, same run (only whitespace between, so a bigram links them);
   for a word, separated from the previous word by a single connector such
   as the dot of 3.5 (used to keep such words one query term). */
typedef struct {
    enum unit_kind kind;
    size_t start, end; /* byte span in the text, marks included */
    ucs4_t cp;         /* UNIT_CJK: code point folded to simplified */
    bool joined;
} text_unit;

typedef struct {
    const uint8_t *s;
    size_t n, i;
    bool have_prev;
    enum unit_kind prev_kind;
    /* The character last decoded (at byte peek_at, peek_len bytes): the
       look past a CJK unit for marks decodes the character that starts
       the next unit, which then needs no second decoding. */
    size_t peek_at, peek_len;
    ucs4_t peek;
} unit_scanner;

/* The class of a code point outside ASCII, from fixed ranges for the
   common CJK blocks (fast, and independent of libunistring's Unicode
   version for the supplementary ideograph planes) and libunistring for the
   rest. */
static enum char_class class_of_nonascii(ucs4_t c)
{
    if (c >= 0x4E00 && c <= 0x9FFF)
        return CLASS_CJK;
    if (c == 0x3000 || c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) ||
        c == 0x202F || c == 0x205F)
        return CLASS_SPACE;
    if ((c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0x20000 && c <= 0x3FFFD))
        return CLASS_CJK;
    if (c == 0x3005 || c == 0x3007 || (c >= 0x3021 && c <= 0x3029))
        return CLASS_CJK; /* 々 〇 Suzhou numerals */
    if ((c >= 0x3041 && c <= 0x309F) || (c >= 0x30A1 && c <= 0x30FF &&
                                         c != 0x30FB) ||
        (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9F))
        return CLASS_CJK; /* kana, without the katakana middle dot */
    if ((c >= 0x1100 && c <= 0x11FF) || (c >= 0x3131 && c <= 0x318E) ||
        (c >= 0xA960 && c <= 0xA97F) || (c >= 0xAC00 && c <= 0xD7A3) ||
        (c >= 0xD7B0 && c <= 0xD7FF))
        return CLASS_CJK; /* hangul */
    if (c == 0xFFFD)
        return CLASS_SEP; /* what invalid UTF-8 decodes to */
    /* Punctuation of Chinese text, a tenth of its characters: general
       punctuation (“” … —), 、 。 and the CJK brackets 《》「」【】, and
       the fullwidth punctuation and symbols （），：；！？ (every one of
       these ranges is punctuation or symbols, as libunistring says). */
    if ((c >= 0x2010 && c <= 0x2029) || (c >= 0x2030 && c <= 0x205E) ||
        c == 0x3001 || c == 0x3002 || (c >= 0x3008 && c <= 0x3011) ||
        (c >= 0x3014 && c <= 0x301F) || (c >= 0xFF01 && c <= 0xFF0F) ||
        (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
        (c >= 0xFF5B && c <= 0xFF65))
        return CLASS_SEP;
    if (uc_is_property_ideographic(c))
        return CLASS_CJK;
    if (uc_is_general_category(c, UC_CATEGORY_M))
        return CLASS_MARK;
    if (uc_is_general_category(c, UC_CATEGORY_L) ||
        uc_is_general_category(c, UC_CATEGORY_N))
        return CLASS_WORD;
    if (uc_is_general_category(c, UC_CATEGORY_Zs) ||
        uc_is_general_category(c, UC_CATEGORY_Cf))
        return CLASS_SPACE;
    return CLASS_SEP;
}

/* The class of any code point; ASCII is decided inline because it is most
   of the separators and all of the latin text. */
static enum char_class class_of(ucs4_t c)
{
    if (c < 0x80) {
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
            (c >= 'A' && c <= 'Z'))
            return CLASS_WORD;
        return c == ' ' || c == '\t' ? CLASS_SPACE : CLASS_SEP;
    }
    return class_of_nonascii(c);
}

/* Characters that keep two words one query term when they stand alone
   between them: 3.5, 1,000, COVID-19, R&D, 12:30, km/h. */
static bool is_connector(ucs4_t c)
{
    return c == '.' || c == ',' || c == '-' || c == '/' || c == ':' ||
           c == '\'' || c == '_' || c == '&' || c == 0xFF0E ||
           c == 0xFF0D || c == 0xFF0F || c == 0x2010 || c == 0x2011;
}

/* Decode the character at byte i into *c; returns its length in bytes
   (invalid bytes decode to U+FFFD, one at a time).  ASCII and the
   three-byte sequences of the BMP (all of CJK's common blocks) are
   decoded here; anything else by libunistring. */
static size_t decode_at(unit_scanner *sc, size_t i, ucs4_t *c)
{
    const uint8_t *p = sc->s + i;
    if (p[0] < 0x80) {
        *c = p[0];
        return 1;
    }
    if (i == sc->peek_at && sc->peek_len) {
        *c = sc->peek;
        return sc->peek_len;
    }
    size_t len;
    if ((p[0] & 0xF0) == 0xE0 && sc->n - i >= 3 && (p[1] & 0xC0) == 0x80 &&
        (p[2] & 0xC0) == 0x80) {
        *c = (ucs4_t)(p[0] & 0x0F) << 12 | (ucs4_t)(p[1] & 0x3F) << 6 |
             (p[2] & 0x3F);
        /* Overlong forms and surrogates are invalid: libunistring says
           how. */
        len = *c >= 0x800 && (*c < 0xD800 || *c > 0xDFFF)
                  ? 3
                  : (size_t)u8_mbtouc(c, p, sc->n - i);
    } else {
        len = (size_t)u8_mbtouc(c, p, sc->n - i);
    }
    sc->peek_at = i;
    sc->peek_len = len;
    sc->peek = *c;
    return len;
}

/* Move sc->i past a run of characters of class cls, or of marks. */
static void skip_while(unit_scanner *sc, enum char_class cls)
{
    while (sc->i < sc->n) {
        ucs4_t c;
        size_t len = decode_at(sc, sc->i, &c);
        enum char_class k = class_of(c);
        if (k != cls && k != CLASS_MARK)
            break;
        sc->i += len;
    }
}

/* Read the next unit into *u; false at the end of the text.  Records what
   lay between it and the previous unit to set u->joined. */
static bool next_unit(unit_scanner *sc, text_unit *u)
{
    bool only_space = true;
    size_t gap_chars = 0;
    ucs4_t gap_char = 0;
    while (sc->i < sc->n) {
        ucs4_t c;
        size_t len = decode_at(sc, sc->i, &c);
        enum char_class k = class_of(c);
        if (k == CLASS_CJK) {
            u->kind = UNIT_CJK;
            u->start = sc->i;
            u->cp = simplified_of(c);
            sc->i += len;
            skip_while(sc, CLASS_MARK);
            u->end = sc->i;
            u->joined = sc->have_prev && sc->prev_kind == UNIT_CJK &&
                        only_space;
            sc->have_prev = true;
            sc->prev_kind = UNIT_CJK;
            return true;
        }
        if (k == CLASS_WORD || k == CLASS_MARK) {
            u->kind = UNIT_WORD;
            u->start = sc->i;
            u->cp = 0;
            sc->i += len;
            skip_while(sc, CLASS_WORD);
            u->end = sc->i;
            u->joined = sc->have_prev && sc->prev_kind == UNIT_WORD &&
                        gap_chars == 1 && is_connector(gap_char);
            sc->have_prev = true;
            sc->prev_kind = UNIT_WORD;
            return true;
        }
        if (k != CLASS_SPACE)
            only_space = false;
        gap_chars++;
        gap_char = c;
        sc->i += len;
    }
    return false;
}

/* Case-fold a word and fold fullwidth and compatibility forms (NFKC).
   Returns buf, or a heap copy the caller frees when buf is too small;
   *outlen receives the length. */
static uint8_t *fold_word(const uint8_t *s, size_t n, uint8_t *buf,
                          size_t bufsize, size_t *outlen)
{
    bool ascii = true;
    for (size_t i = 0; i < n && ascii; i++)
        ascii = s[i] < 0x80;
    if (ascii) {
        uint8_t *out = n <= bufsize ? buf : xmalloc(n);
        for (size_t i = 0; i < n; i++)
            out[i] = (s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i];
        *outlen = n;
        return out;
    }
    size_t len = bufsize;
    uint8_t *out = u8_casefold(s, n, NULL, UNINORM_NFKC, buf, &len);
    if (!out || len == 0) {
        /* Cannot happen on valid input; index the bytes as they are. */
        if (out && out != buf)
            free(out);
        out = n <= bufsize ? buf : xmalloc(n);
        memcpy(out, s, n);
        len = n;
    }
    *outlen = len;
    return out;
}

/* Emit one word token, folded. */
static int emit_word(const uint8_t *text, const text_unit *u, void *ctx,
                     int (*token)(void *, int, const char *, int, int, int))
{
    uint8_t buf[256];
    size_t len;
    uint8_t *w = fold_word(text + u->start, u->end - u->start, buf,
                           sizeof buf, &len);
    int rc = token(ctx, 0, (const char *)w, (int)len, (int)u->start,
                   (int)u->end);
    if (w != buf)
        free(w);
    return rc;
}

/* Write code point cp (a CJK unit's: valid, not a surrogate) as UTF-8 at
   out; returns its length. */
static int put_utf8(uint8_t *out, ucs4_t cp)
{
    if (cp < 0x800) {
        out[0] = (uint8_t)(0xC0 | cp >> 6);
        out[1] = (uint8_t)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (uint8_t)(0xE0 | cp >> 12);
        out[1] = (uint8_t)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (uint8_t)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (uint8_t)(0xF0 | cp >> 18);
    out[1] = (uint8_t)(0x80 | (cp >> 12 & 0x3F));
    out[2] = (uint8_t)(0x80 | (cp >> 6 & 0x3F));
    out[3] = (uint8_t)(0x80 | (cp & 0x3F));
    return 4;
}

/* Emit the unigram of a, or the bigram a+b when b is not NULL. */
static int emit_cjk(const text_unit *a, const text_unit *b, int tflags,
                    void *ctx,
                    int (*token)(void *, int, const char *, int, int, int))
{
    uint8_t buf[16];
    int len = put_utf8(buf, a->cp);
    if (b)
        len += put_utf8(buf + len, b->cp);
    return token(ctx, tflags, (const char *)buf, len, (int)a->start,
                 (int)(b ? b->end : a->end));
}

/* Documents: each CJK character, then (colocated) the bigram it starts;
   queries: the bigrams of a run, or the character of a run of one.  Words
   are the same in both.  See fts.h. */
int fts_tokenize(const char *text, size_t n, int flags, void *ctx,
                 int (*token)(void *ctx, int tflags, const char *tok,
                              int ntok, int start, int end))
{
    bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
    unit_scanner sc = {.s = (const uint8_t *)text, .n = n};
    text_unit u, prev = {0};
    bool pending = false; /* prev is a CJK unit whose run may continue */
    size_t run_len = 0;   /* CJK units in the current run so far */
    int rc = 0;
    while (rc == 0 && next_unit(&sc, &u)) {
        bool continues = pending && u.kind == UNIT_CJK && u.joined;
        if (pending && !continues && query && run_len == 1)
            rc = emit_cjk(&prev, NULL, 0, ctx, token); /* lone character */
        if (rc != 0)
            break;
        if (u.kind == UNIT_WORD) {
            pending = false;
            rc = emit_word(sc.s, &u, ctx, token);
            continue;
        }
        if (continues)
            rc = emit_cjk(&prev, &u, query ? 0 : FTS5_TOKEN_COLOCATED, ctx,
                          token);
        if (rc == 0 && !query)
            rc = emit_cjk(&u, NULL, 0, ctx, token);
        run_len = continues ? run_len + 1 : 1;
        prev = u;
        pending = true;
    }
    if (rc == 0 && pending && query && run_len == 1)
        rc = emit_cjk(&prev, NULL, 0, ctx, token);
    return rc;
}

/* ---- user queries ---------------------------------------------------- */

/* A query term: a byte span of the query holding one CJK run or a group of
   words joined by connectors. */
typedef struct {
    size_t start, end;
} query_term;

/* Does unit u continue the query term built so far?  Words
   joined by a connector do (3.5); CJK characters do only when nothing at
   all stands between them, since a space typed by the user separates two
   terms even though the index bridges spaces inside a run. */
static bool joins_term(const query_term *term, const text_unit *u)
{
    if (!u->joined)
        return false;
    return u->kind == UNIT_WORD || u->start == term->end;
}

/* Split q into terms; returns how many, *terms a heap array. */
static size_t split_terms(const char *q, query_term **terms)
{
    unit_scanner sc = {.s = (const uint8_t *)q, .n = strlen(q)};
    text_unit u;
    query_term *v = NULL;
    size_t n = 0, cap = 0;
    while (next_unit(&sc, &u)) {
        if (n > 0 && joins_term(&v[n - 1], &u)) {
            v[n - 1].end = u.end;
            continue;
        }
        v = grow_array(v, &cap, n + 1, sizeof *v);
        v[n].start = u.start;
        v[n].end = u.end;
        n++;
    }
    *terms = v;
    return n;
}

/* The MATCH expression being built from the terms of a query. */
typedef struct {
    strbuf expr;
    const char *term; /* the term being tokenized */
} query_expr;

/* fts_tokenize callback: append the query token's own bytes (as typed,
   not folded) to the expression as a quoted FTS5 string, ANDed to the
   ones before.  FTS5 tokenizes the string again: the typed bytes give
   the same single token, where a folded form might not (NFKC turns ½
   into 1⁄2 and ⑴ into (1), which split). */
static int append_query_token(void *ctx, int tflags, const char *tok,
                              int ntok, int start, int end)
{
    (void)tflags;
    (void)tok;
    (void)ntok;
    query_expr *qe = ctx;
    if (qe->expr.len)
        sb_puts(&qe->expr, " AND ");
    sb_putc(&qe->expr, '"');
    for (int i = start; i < end; i++) {
        if (qe->term[i] == '"')
            sb_putc(&qe->expr, '"'); /* cannot occur in a token; kept safe */
        sb_putc(&qe->expr, qe->term[i]);
    }
    sb_putc(&qe->expr, '"');
    return 0;
}

/* AND every query token of every term of q, each a quoted FTS5 string
   (see fts.h). */
char *fts_query_from_user(const char *q)
{
    if (!q)
        return NULL;
    query_term *terms;
    size_t n = split_terms(q, &terms);
    query_expr qe = {{0}, NULL};
    for (size_t t = 0; t < n; t++) {
        qe.term = q + terms[t].start;
        fts_tokenize(qe.term, terms[t].end - terms[t].start,
                     FTS5_TOKENIZE_QUERY, &qe, append_query_token);
    }
    free(terms);
    return qe.expr.len ? sb_take(&qe.expr) : NULL;
}

bool fts_finds_substring(const char *needle)
{
    const uint8_t *s = (const uint8_t *)needle;
    size_t n = strlen(needle);
    ucs4_t first, last;
    if (n == 0 || u8_mbtouc(&first, s, n) <= 0 || class_of(first) != CLASS_CJK)
        return false;
    const uint8_t *prev = u8_prev(&last, s + n, s);
    if (!prev || class_of(last) != CLASS_CJK)
        return false;
    char *q = fts_query_from_user(needle);
    bool searchable = q != NULL;
    free(q);
    return searchable;
}

/* ---- match ranges ---------------------------------------------------- */

/* A unit prepared for comparison: CJK code point or folded word (an offset
   into a shared pool, since the pool moves as it grows). */
typedef struct {
    text_unit u;
    size_t word_off, word_len;
} cmp_unit;

/* The units of a whole text or query. */
typedef struct {
    cmp_unit *v;
    size_t n, cap;
    strbuf pool;
} unit_list;

/* Cut s into comparable units. */
static void units_of(const char *s, unit_list *out)
{
    unit_scanner sc = {.s = (const uint8_t *)s, .n = strlen(s)};
    text_unit u;
    while (next_unit(&sc, &u)) {
        out->v = grow_array(out->v, &out->cap, out->n + 1, sizeof *out->v);
        cmp_unit *c = &out->v[out->n++];
        c->u = u;
        c->word_off = out->pool.len;
        c->word_len = 0;
        if (u.kind == UNIT_WORD) {
            uint8_t buf[256];
            uint8_t *w = fold_word(sc.s + u.start, u.end - u.start, buf,
                                   sizeof buf, &c->word_len);
            sb_append(&out->pool, (const char *)w, c->word_len);
            if (w != buf)
                free(w);
        }
    }
}

/* Do units a (of list la) and b (of lb) hold the same folded text? */
static bool same_unit(const unit_list *la, const cmp_unit *a,
                      const unit_list *lb, const cmp_unit *b)
{
    if (a->u.kind != b->u.kind)
        return false;
    if (a->u.kind == UNIT_CJK)
        return a->u.cp == b->u.cp;
    return a->word_len == b->word_len &&
           memcmp(la->pool.s + a->word_off, lb->pool.s + b->word_off,
                  a->word_len) == 0;
}

/* Does the query term made of query units [qs, qe) occur at text unit i?
   CJK characters after the first must continue the same run, as the
   bigrams of the index require; words need only be consecutive units. */
static bool term_at(const unit_list *text, size_t i, const unit_list *query,
                    size_t qs, size_t qe)
{
    if (i + (qe - qs) > text->n)
        return false;
    for (size_t j = 0; j < qe - qs; j++) {
        const cmp_unit *t = &text->v[i + j], *q = &query->v[qs + j];
        if (!same_unit(text, t, query, q))
            return false;
        if (j > 0 && t->u.kind == UNIT_CJK && !t->u.joined)
            return false;
    }
    return true;
}

/* Add the range [start, end) to ranges (count so far in *count), merging
   it into the last one when they overlap or touch.  Ranges arrive sorted
   by start.  Returns false when it does not fit. */
static bool add_range(size_t (*ranges)[2], size_t *count, size_t max,
                      size_t start, size_t end)
{
    if (*count > 0 && start <= ranges[*count - 1][1]) {
        if (end > ranges[*count - 1][1])
            ranges[*count - 1][1] = end;
        return true;
    }
    if (*count == max)
        return false;
    ranges[*count][0] = start;
    ranges[*count][1] = end;
    (*count)++;
    return true;
}

size_t fts_match_ranges(const char *text, const char *q, size_t (*ranges)[2],
                        size_t max)
{
    if (!text || !q || max == 0)
        return 0;
    unit_list qu = {0}, tu = {0};
    units_of(q, &qu);
    if (qu.n > 0)
        units_of(text, &tu);
    size_t count = 0;
    bool room = true;
    for (size_t i = 0; i < tu.n && room; i++) {
        /* Try every term of the query (a run of joined units) at unit i. */
        for (size_t qs = 0; qs < qu.n && room;) {
            size_t qe = qs + 1;
            query_term term = {qu.v[qs].u.start, qu.v[qs].u.end};
            while (qe < qu.n && joins_term(&term, &qu.v[qe].u))
                term.end = qu.v[qe++].u.end;
            if (term_at(&tu, i, &qu, qs, qe))
                room = add_range(ranges, &count, max, tu.v[i].u.start,
                                 tu.v[i + (qe - qs) - 1].u.end);
            qs = qe;
        }
    }
    free(qu.v);
    free(tu.v);
    sb_free(&qu.pool);
    sb_free(&tu.pool);
    return count;
}

/* ---- ranking and exact matching ------------------------------------- */

/* A term of a user query, prepared for dubao_rank. */
typedef struct {
    char *raw;        /* the term as typed, for fts_match_ranges */
    char *folded;     /* its characters (or word) folded as the index folds
                         them, for a plain byte search of the text */
    size_t folded_len;
    bool cjk_only;    /* all CJK characters, each its own folded form:
                         finding folded in the text proves the term is
                         there */
    bool one_token;   /* one unigram, bigram or word: the MATCH of the same
                         query already proves the term is in the row */
    strlist variants; /* cjk_only: the other characters that fold to one of
                         the term's (traditional forms), as UTF-8 */
} rank_term;

typedef struct {
    rank_term *terms;
    size_t n;
} rank_query;

static void rank_query_free(void *p)
{
    rank_query *rq = p;
    if (!rq)
        return;
    for (size_t i = 0; i < rq->n; i++) {
        free(rq->terms[i].raw);
        free(rq->terms[i].folded);
        strlist_free(&rq->terms[i].variants);
    }
    free(rq->terms);
    free(rq);
}

/* Add to out, as UTF-8, every character other than cp that folds to cp. */
static void add_variants(strlist *out, uint32_t cp)
{
    for (size_t i = 0; i < simplified_variants_len; i++) {
        if (simplified_variants[i].to != cp ||
            simplified_variants[i].from == cp)
            continue;
        uint8_t buf[8];
        int len = u8_uctomb(buf, simplified_variants[i].from, sizeof buf - 1);
        if (len > 0) {
            buf[len] = '\0';
            strlist_push(out, (const char *)buf);
        }
    }
}

/* Fill t from the term text[0..n): its folded form and kind. */
static void rank_term_init(rank_term *t, const char *text, size_t n)
{
    t->raw = xstrndup(text, n);
    unit_scanner sc = {.s = (const uint8_t *)t->raw, .n = n};
    text_unit u;
    strbuf folded = {0};
    size_t units = 0;
    t->cjk_only = true;
    while (next_unit(&sc, &u)) {
        units++;
        if (u.kind == UNIT_CJK) {
            uint8_t buf[8];
            int len = u8_uctomb(buf, u.cp, sizeof buf);
            if (len > 0)
                sb_append(&folded, (const char *)buf, (size_t)len);
            /* A character that folds further (a chain such as 薴 -> 苧 ->
               苎) does not stand for itself in the text. */
            if (simplified_of(u.cp) != u.cp)
                t->cjk_only = false;
            add_variants(&t->variants, u.cp);
            continue;
        }
        t->cjk_only = false;
        uint8_t buf[256];
        size_t len;
        uint8_t *w = fold_word(sc.s + u.start, u.end - u.start, buf,
                               sizeof buf, &len);
        sb_append(&folded, (const char *)w, len);
        if (w != buf)
            free(w);
    }
    t->one_token = t->cjk_only ? units <= 2 : units == 1;
    t->folded_len = folded.len;
    t->folded = folded.len ? sb_take(&folded) : NULL;
    sb_free(&folded);
}

/* Split q into terms for ranking. */
static rank_query *rank_query_new(const char *q)
{
    rank_query *rq = xcalloc(1, sizeof *rq);
    query_term *terms;
    rq->n = split_terms(q, &terms);
    rq->terms = xcalloc(rq->n + 1, sizeof *rq->terms);
    for (size_t i = 0; i < rq->n; i++)
        rank_term_init(&rq->terms[i], q + terms[i].start,
                       terms[i].end - terms[i].start);
    free(terms);
    return rq;
}

/* Non-overlapping occurrences of needle in hay. */
static size_t count_bytes(const char *hay, size_t n, const char *needle,
                          size_t k)
{
    size_t count = 0;
    const char *p = hay, *end = hay + n;
    while (k && (size_t)(end - p) >= k) {
        const char *m = memmem(p, (size_t)(end - p), needle, k);
        if (!m)
            break;
        count++;
        p = m + k;
    }
    return count;
}

/* Is c an ASCII letter or digit? */
static bool is_ascii_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z');
}

/* Occurrences of the ASCII word w (lowercase) in text, ignoring ASCII
   case, as whole words: a count for ranking, where the MATCH has already
   shown the word is there. */
static size_t count_ascii_word(const char *text, const char *w, size_t k)
{
    size_t count = 0;
    for (const char *p = text; (p = strcasestr(p, w)) != NULL; p += k) {
        bool starts = p == text || !is_ascii_alnum(p[-1]);
        if (starts && !is_ascii_alnum(p[k]))
            count++;
    }
    return count;
}

/* Is s[0..n) all ASCII? */
static bool all_ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

/* Could the CJK term t occur in text[0..n) in a form other than its
   folded bytes, as the tokenizer reads text?  Only if the text holds a
   character that folds to one of the term's (a traditional form), or one
   of the term's characters before the last followed by whitespace or a
   format character (which a run bridges) or a combining mark (which stays
   with its character).  A few byte searches, where comparing unit by unit
   costs a pass over the whole text: this keeps a query whose character
   pairs are common but which itself is not in the text cheap. */
static bool may_occur_unfolded(const rank_term *t, const char *text,
                               size_t n)
{
    for (size_t i = 0; i < t->variants.n; i++)
        if (memmem(text, n, t->variants.v[i], strlen(t->variants.v[i])))
            return true;
    const uint8_t *f = (const uint8_t *)t->folded;
    size_t flen = t->folded_len;
    for (size_t at = 0; at < flen;) {
        ucs4_t cp;
        int cl = u8_mbtouc(&cp, f + at, flen - at);
        if (cl <= 0 || at + (size_t)cl >= flen)
            break; /* the last character: nothing must follow it */
        const char *p = text, *end = text + n;
        while ((p = memmem(p, (size_t)(end - p), f + at, (size_t)cl))) {
            p += cl;
            ucs4_t next;
            if (p < end &&
                u8_mbtouc(&next, (const uint8_t *)p, (size_t)(end - p)) > 0) {
                enum char_class c = class_of(next);
                if (c == CLASS_SPACE || c == CLASS_MARK)
                    return true;
            }
        }
        at += (size_t)cl;
    }
    return false;
}

/* How often term t occurs in text[0..n) (NUL-terminated).  A run of CJK
   characters is looked for as the bytes of its folded form first (the
   usual case); a single ASCII word, ignoring case.  Otherwise, or when
   that finds nothing, the text is cut into units and compared as
   fts_match_ranges does: a term written in traditional or fullwidth
   characters, bridged by a space, or words joined by connectors.  For a
   one-token term, when trust_match (the text's own row matched), 0 only
   means "not in this form": the MATCH found it. */
static size_t term_count(const rank_term *t, bool trust_match,
                         const char *text, size_t n)
{
    bool one_token = t->one_token && trust_match;
    if (t->cjk_only && t->folded) {
        size_t c = count_bytes(text, n, t->folded, t->folded_len);
        if (c > 0 || one_token || !may_occur_unfolded(t, text, n))
            return c;
    } else if (one_token) {
        return t->folded && all_ascii(t->folded, t->folded_len)
                   ? count_ascii_word(text, t->folded, t->folded_len)
                   : 0;
    }
    size_t ranges[64][2];
    return fts_match_ranges(text, t->raw, ranges, 64);
}

/* BM25's saturation of term frequency, with its usual k1 and b. */
#define RANK_K1 1.2
#define RANK_B 0.75

/* dubao_rank(query, typical_bytes, weight1, text1 [, weight2, text2 ...])
   and dubao_rank_within: see fts.h; the function's user data says whether
   the texts' own row matched the query (non-NULL) or only the row that
   holds them. */
static void rank_function(sqlite3_context *ctx, int argc,
                          sqlite3_value **argv)
{
    bool trust_match = sqlite3_user_data(ctx) != NULL;
    if (argc < 4 || argc % 2 != 0) {
        sqlite3_result_error(ctx, "dubao_rank(query, typical_bytes, weight, "
                                  "text, ...): wrong number of arguments",
                             -1);
        return;
    }
    /* The query is split once per statement, kept as auxiliary data. */
    rank_query *rq = sqlite3_get_auxdata(ctx, 0), *own = NULL;
    if (!rq) {
        const char *q = (const char *)sqlite3_value_text(argv[0]);
        rq = own = rank_query_new(q ? q : "");
    }
    double typical = sqlite3_value_double(argv[1]);
    size_t total = 0;
    for (int a = 3; a < argc; a += 2)
        total += (size_t)sqlite3_value_bytes(argv[a]);
    double norm = RANK_K1 * (1 - RANK_B + RANK_B * (double)total /
                                              (typical > 0 ? typical : 1));
    double score = 0;
    for (size_t i = 0; i < rq->n; i++) {
        const rank_term *t = &rq->terms[i];
        double tf = 0;
        for (int a = 2; a + 1 < argc; a += 2) {
            const char *text = (const char *)sqlite3_value_text(argv[a + 1]);
            size_t len = (size_t)sqlite3_value_bytes(argv[a + 1]);
            if (text)
                tf += sqlite3_value_double(argv[a]) *
                      (double)term_count(t, trust_match, text, len);
        }
        if (tf <= 0 && !(t->one_token && trust_match)) {
            score = -1; /* the characters, but not the term */
            break;
        }
        if (tf <= 0)
            tf = 1;
        score += tf * (RANK_K1 + 1) / (tf + norm);
    }
    if (rq->n == 0 || score < 0)
        sqlite3_result_null(ctx);
    else
        sqlite3_result_double(ctx, score);
    if (own)
        sqlite3_set_auxdata(ctx, 0, own, rank_query_free);
}

/* ---- FTS5 registration ------------------------------------------------- */

/* The tokenizer keeps no state, but FTS5 wants a non-NULL instance. */
static int tokenizer_instance;

/* xCreate: the tokenizer takes no arguments. */
static int tok_create(void *ctx, const char **argv, int argc,
                      Fts5Tokenizer **out)
{
    (void)ctx;
    (void)argv;
    if (argc != 0)
        return SQLITE_ERROR;
    *out = (Fts5Tokenizer *)&tokenizer_instance;
    return SQLITE_OK;
}

/* xDelete: nothing to free. */
static void tok_delete(Fts5Tokenizer *t)
{
    (void)t;
}

/* xTokenize: hand the text to fts_tokenize. */
static int tok_tokenize(Fts5Tokenizer *t, void *ctx, int flags,
                        const char *text, int n,
                        int (*token)(void *, int, const char *, int, int,
                                     int))
{
    (void)t;
    if (!text || n <= 0)
        return SQLITE_OK;
    return fts_tokenize(text, (size_t)n, flags, ctx, token);
}

/* The fts5_api of db, fetched the documented way (SELECT fts5(?1) with a
   pointer binding), or NULL when FTS5 is missing. */
static fts5_api *fts5_api_of(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) !=
        SQLITE_OK)
        return NULL;
    sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(st);
    sqlite3_finalize(st);
    return api;
}

int fts_register(sqlite3 *db)
{
    fts5_api *api = fts5_api_of(db);
    if (!api)
        return SQLITE_ERROR;
    fts5_tokenizer tok = {tok_create, tok_delete, tok_tokenize};
    int rc = api->xCreateTokenizer(api, "dubao_cjk", NULL, &tok, NULL);
    /* Any non-NULL user data marks dubao_rank: the MATCH was on the
       texts' own row. */
    static const int match_on_own_row = 1;
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(
            db, "dubao_rank", -1,
            SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
            (void *)&match_on_own_row, rank_function, NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(
            db, "dubao_rank_within", -1,
            SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
            rank_function, NULL, NULL, NULL);
    return rc;
}
