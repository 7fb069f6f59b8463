/* paragraphs.c - stage 3: normalised text -> paragraphs.
 *
 * Most pages have one paragraph per line, and every non-blank line becomes
 * one block.  Some pages were hard-wrapped at a fixed print width (about
 * 16 ideographs for a newspaper column), sometimes with a blank line after
 * every wrapped line.  Those regions are found from line-width statistics
 * and their lines are joined back into paragraphs:
 *
 *   1. Seeds: three consecutive lines of nearly equal width, most of them
 *      not ending a sentence, are the signature of wrapped text.  A run
 *      grows from the seeds over neighbouring lines that are not much
 *      wider; a long line (a real paragraph) or a wide gap ends it.
 *   2. Inside a run each line gets a local wrap width W (the third widest
 *      line nearby, which ignores one or two lines made wider by hanging
 *      punctuation) and the usual gap between wrapped lines (0 or 1 blank
 *      lines).  The window looks further ahead than back, because the
 *      line's paragraph lies ahead of it.
 *   3. Line a is joined to the next line b only when a is full (its width
 *      reaches W, less what indentation, a pushed-down character or a
 *      number or word moved to the next line can explain) and b either
 *      continues or ends the paragraph properly.  A short line, a
 *      sentence end followed by an indented line, an unusual gap, a marker
 *      (□ ■ - #) or a letter-spaced headline all end the paragraph.
 *
 * Widths are display columns from libunistring (ideographs 2, digits and
 * Latin 1).  Chinese print sets the East Asian ambiguous characters
 * (“ ” ‘ ’ … — ·) full width although they display narrow, so a line with
 * quotes looks that much shorter than it printed: the fullness test
 * allows one column for each of them.
 */
#include "paragraphs.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <uniwidth.h>

#include "furniture.h"
#include "text.h"

enum {
    SEED_MIN_WIDTH = 12,  /* narrower "wrapped" lines are not believable */
    SEED_MAX_WIDTH = 120, /* wider lines are paragraphs, not wrapped lines */
    WINDOW_BEFORE = 5,    /* lines before a line that estimate its width */
    WINDOW_AFTER = 10,    /* lines after it (its paragraph lies ahead) */
    INDENT_BEFORE = 3,    /* lines before a line that give the base indent */
    INDENT_AFTER = 6,     /* and after it */
    GAP_WINDOW = 6,       /* lines each side that vote on the usual gap */
    RUN_BREAK_GAP = 3,    /* this many blank lines end a wrapped run */
    MAX_GAP_VOTE = RUN_BREAK_GAP,
    INDENT_COLUMNS = 4,   /* a two-ideograph paragraph indent */
    SLACK_COLUMNS = 4,    /* a character pushed down, rounding */
    MAX_WORD_SLACK = 8,   /* a number or Latin word moved down */
    SEED_LINES = 3,       /* lines of nearly equal width that seed a run */
    SEED_SPREAD = 4,      /* they differ by at most this many columns, */
    SEED_SPREAD_PART = 8, /* or by an eighth of their width */
    OVERFLOW_COLUMNS = 6, /* a run's line may be this much wider than its */
    OVERFLOW_PART = 6,    /* width, or a sixth of it (hanging punctuation) */
    WIDE_COLUMN = 48,     /* wider columns (of Latin text) wrap raggedly: */
    WIDE_SLACK_PART = 5,  /* a line may fall short by a fifth */
    INDENT_SHORT = 3      /* a line this much short after a sentence end
                             starts a new paragraph (an indent) */
};

/* One non-blank line of the input and what the rules need to know. */
typedef struct {
    const char *text; /* content without leading/trailing spaces */
    size_t len;
    int line;         /* 1-based source line */
    int indent;       /* columns of leading spaces and U+3000 */
    int width;        /* display columns of indent + content */
    int ambiguous;    /* ambiguous-width characters (“ ” …) in it */
    int gap;          /* blank lines between this and the previous line */
    int run;          /* hard-wrapped run id, or -1 */
    int narrow;       /* ASCII letters and digits in the content */
    int lead_narrow;  /* ASCII characters before the first space or CJK */
    bool ends_strong; /* ends a sentence: 。！？… */
    bool ends_weak;   /* may end a paragraph: the above, ；：—, a credit */
    bool opens;       /* ends with an opening bracket or quote */
    bool closes;      /* starts with closing punctuation */
    bool marker;      /* starts with a list, byline or markup marker */
    bool spaced;      /* letter-spaced headline: 开 启 首 都 */
    bool punctuated;  /* holds a clause or sentence mark anywhere */
} line_info;

/* Per-line results of the statistics, kept beside the lines. */
typedef struct {
    int wrap_width; /* local wrap width W */
    bool full;      /* reaches W (as a line in the middle of a paragraph) */
} line_stats;

/* Display columns of one code point.  *ambiguous is incremented for an
   East Asian ambiguous character: libunistring counts those wide only for
   a CJK legacy encoding, which is how we tell them apart. */
static int display_columns(ucs4_t uc, int *ambiguous)
{
    if (uc < 0x80)
        return uc >= 0x20 && uc != 0x7F ? 1 : 0;
    if (is_han(uc)) /* the bulk of Chinese text */
        return 2;
    int w = uc_width(uc, "UTF-8");
    if (w == 1 && uc_width(uc, "GBK") == 2)
        (*ambiguous)++;
    return w > 0 ? w : 0;
}

/* Display columns of n bytes of UTF-8; *ambiguous gets the number of
   ambiguous-width characters among them. */
static int display_width(const char *s, size_t n, int *ambiguous)
{
    int w = 0;
    const uint8_t *p = (const uint8_t *)s, *end = p + n;
    *ambiguous = 0;
    while (p < end) {
        ucs4_t uc;
        int len = u8_mbtouc(&uc, p, (size_t)(end - p));
        w += display_columns(uc, ambiguous);
        p += len > 0 ? len : 1;
    }
    return w;
}

/* Length of the trimmable space (a layout space, is_space, or a stray
   carriage return) at s[0..n), or 0 if s does not start with one. */
static size_t space_length(const char *s, size_t n)
{
    uint32_t uc;
    size_t len = utf8_char(s, n, &uc);
    return n && (is_space(uc) || uc == '\r') ? len : 0;
}

/* Length of the trimmable space that ends s[0..n), or 0. */
static size_t trailing_space_length(const char *s, size_t n)
{
    size_t len = utf8_prev_len(s, n);
    return len ? space_length(s + n - len, len) : 0;
}

/* The code point that ends s[0..n); *start receives its byte offset. */
static ucs4_t last_code_point(const char *s, size_t n, size_t *start)
{
    ucs4_t uc = 0xFFFD;
    const uint8_t *b = (const uint8_t *)s;
    const uint8_t *p = n ? u8_prev(&uc, b + n, b) : NULL;
    *start = p ? (size_t)(p - b) : n ? n - 1 : 0;
    return p ? uc : 0xFFFD;
}

/* The code point that starts s[0..n). */
static ucs4_t first_code_point(const char *s, size_t n)
{
    ucs4_t uc = 0xFFFD;
    if (n > 0)
        u8_mbtouc(&uc, (const uint8_t *)s, n);
    return uc;
}

/* Marks a paragraph may also end with: semicolon, colon, dash. */
static bool is_clause_mark(ucs4_t uc)
{
    return is_semicolon(uc) || is_colon(uc) || is_dash(uc);
}

/* Punctuation that typesetting keeps off line starts: what ends a clause
   or sentence, the enumeration comma and the full stop. */
static bool is_no_line_start(ucs4_t uc)
{
    return (is_clause_end(uc) && uc != '\n') || is_list_comma(uc) ||
           is_full_stop(uc);
}

/* Does s[0..n) end with a sentence end, possibly followed by closers?
   *strong is set for 。！？… and a full stop, not for ；：—. */
static bool ends_paragraph_mark(const char *s, size_t n, bool *strong)
{
    *strong = false;
    while (n > 0) {
        size_t start;
        ucs4_t uc = last_code_point(s, n, &start);
        if (is_closer(uc)) {
            n = start;
            continue;
        }
        if (is_full_stop(uc)) {
            size_t before;
            ucs4_t prev = start ? last_code_point(s, start, &before) : ' ';
            *strong = !(prev >= '0' && prev <= '9');
            return *strong;
        }
        *strong = is_sentence_end(uc);
        return *strong || is_clause_mark(uc);
    }
    return false;
}

/* Does s[0..n) end with a credit in brackets after a sentence, like
   "……效果。 （孙 杰）" or a whole line "（张 骁）"? */
static bool ends_with_credit(const char *s, size_t n)
{
    size_t start;
    ucs4_t uc = last_code_point(s, n, &start);
    if (uc != U'）' && uc != ')')
        return false;
    size_t open = n;
    while (open > 0) {
        uc = last_code_point(s, open, &start);
        open = start;
        if (uc == U'（' || uc == '(')
            break;
        if (open == 0)
            return false;
    }
    while (open > 0 && trailing_space_length(s, open))
        open -= trailing_space_length(s, open);
    if (open == 0)
        return true;
    bool strong;
    return ends_paragraph_mark(s, open, &strong);
}

/* Is the line letter-spaced, like a display headline "开 启 首 都"?  At
   least four of its space-separated pieces are single characters, and
   they are at least half of the pieces. */
static bool is_letter_spaced(const char *s, size_t n)
{
    int pieces = 0, singles = 0;
    size_t i = 0;
    while (i < n) {
        size_t sp = space_length(s + i, n - i);
        if (sp) {
            i += sp;
            continue;
        }
        int chars = 0;
        while (i < n && !space_length(s + i, n - i)) {
            ucs4_t uc;
            int len = u8_mbtouc(&uc, (const uint8_t *)s + i, n - i);
            i += len > 0 ? (size_t)len : 1;
            chars++;
        }
        pieces++;
        singles += chars == 1;
    }
    return singles >= LETTER_SPACED_MIN_CHARS && singles * 2 >= pieces;
}

/* Does the line start with a marker (□ ■ · # > "- " "* ")? */
static bool starts_with_marker(const char *s, size_t n)
{
    if (n >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ')
        return true;
    ucs4_t uc = first_code_point(s, n);
    return marker_of(uc) != MARKER_NONE || uc == '#' || uc == '>';
}

/* Does the line start a paragraph of its own: it opens a lead (本报讯 …,
   某某网消息：…, a dispatch line and text), or it is a dateline, a
   publication stamp or a byline?  Such a line never continues the line before.  Only
   the line's first characters are looked at. */
static bool opens_paragraph(const char *s, size_t n)
{
    enum { LEAD_LOOK_BYTES = 192 };
    size_t cut = n < LEAD_LOOK_BYTES ? n : LEAD_LOOK_BYTES;
    while (cut < n && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--;
    char *head = xstrndup(s, cut);
    size_t k;
    uint32_t *u = u32_from_utf8(head, &k);
    fold_punct(u, k);
    bool r = opens_with_lead(u, k) ||
             (cut == n && (is_dateline(u, k) || is_byline(u, k, false)));
    free(u);
    free(head);
    return r;
}


/* Count ASCII letters and digits, and the ASCII characters before the
   first space or non-ASCII character (a number or word that a wrap
   would move to the next line as a whole). */
static void count_narrow(const char *s, size_t n, int *narrow,
                         int *lead_narrow)
{
    *narrow = 0;
    *lead_narrow = 0;
    bool leading = true;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool alnum = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' &&
                                                (c | 0x20) <= 'z');
        *narrow += alnum;
        if (leading && c < 0x80 && c != ' ')
            (*lead_narrow)++;
        else
            leading = false;
    }
}

/* Does s[0..n) hold a clause or sentence mark (，。；：？！、) anywhere? */
static bool holds_clause_mark(const char *s, size_t n)
{
    for (size_t p = 0; p < n;) {
        ucs4_t uc;
        int l = u8_mbtouc(&uc, (const uint8_t *)s + p, n - p);
        if (is_clause_end(uc) || is_sentence_end(uc) || uc == U'、')
            return true;
        p += l > 0 ? (size_t)l : 1;
    }
    return false;
}

/* Fill in everything about one line that depends on the line alone. */
static void describe_line(line_info *l)
{
    const char *s = l->text;
    size_t n = l->len;
    l->width = l->indent + display_width(s, n, &l->ambiguous);
    l->ends_weak = ends_paragraph_mark(s, n, &l->ends_strong) ||
                   ends_with_credit(s, n);
    size_t start;
    l->opens = is_opener(last_code_point(s, n, &start));
    ucs4_t first = first_code_point(s, n);
    l->closes = is_closer(first) || is_no_line_start(first);
    l->marker = starts_with_marker(s, n) || opens_paragraph(s, n);
    l->spaced = is_letter_spaced(s, n);
    l->punctuated = holds_clause_mark(s, n);
    count_narrow(s, n, &l->narrow, &l->lead_narrow);
    l->run = -1;
}

/* Split the text into its non-blank lines, trimmed, with the number of
   blank lines before each.  Returns the count; *out is a heap array. */
static size_t split_lines(const char *text, line_info **out)
{
    line_info *v = NULL;
    size_t n = 0, cap = 0;
    int line = 1, gap = 0;
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        size_t lead = 0, sp;
        int indent = 0;
        while ((sp = space_length(p + lead, len - lead)) != 0) {
            indent += sp == 3 ? 2 : 1;
            lead += sp;
        }
        size_t end = len;
        while (end > lead && (sp = trailing_space_length(p + lead,
                                                         end - lead)) != 0)
            end -= sp;
        if (end == lead) {
            gap++;
        } else {
            v = grow_array(v, &cap, n + 1, sizeof *v);
            line_info *l = &v[n++];
            memset(l, 0, sizeof *l);
            l->text = p + lead;
            l->len = end - lead;
            l->line = line;
            l->indent = indent;
            l->gap = gap;
            describe_line(l);
            gap = 0;
        }
        line++;
        p += len + (nl ? 1 : 0);
    }
    *out = v;
    return n;
}

/* The larger of two ints. */
static int max_int(int a, int b)
{
    return a > b ? a : b;
}

/* Do the SEED_LINES lines from i look like lines of one wrapped column?
   Returns their width (the widest), or 0 if they do not. */
static int seed_width(const line_info *L, size_t i)
{
    int lo = L[i].width, hi = L[i].width;
    for (size_t k = 1; k < SEED_LINES; k++) {
        lo = L[i + k].width < lo ? L[i + k].width : lo;
        hi = max_int(hi, L[i + k].width);
    }
    if (lo < SEED_MIN_WIDTH || hi > SEED_MAX_WIDTH)
        return 0;
    if (hi - lo > max_int(SEED_SPREAD, hi / SEED_SPREAD_PART))
        return 0;
    if (L[i + 1].gap != L[i + 2].gap || L[i + 1].gap > 1)
        return 0;
    if (L[i].ends_weak && L[i + 1].ends_weak)
        return 0;
    /* Three lines of a wrapped paragraph hold a comma or a full stop
       somewhere; three without any are headings printed one under
       another (a transcript's items that have no text). */
    bool punctuated = false;
    for (size_t k = 0; k < SEED_LINES; k++)
        punctuated |= L[i + k].punctuated;
    if (!punctuated)
        return 0;
    for (size_t k = 0; k < SEED_LINES; k++)
        if (L[i + k].spaced || (k > 0 && L[i + k].marker))
            return 0;
    return hi;
}

/* How much wider than its run's wrap width a line may be and still
   belong to the run (hanging punctuation, a line of quotes). */
static int overflow_allowed(int wrap_width)
{
    return max_int(OVERFLOW_COLUMNS, wrap_width / OVERFLOW_PART);
}

/* Mark the hard-wrapped runs: seeds, grown forwards and backwards over
   lines that are not too wide, split where several blank lines occur.
   Sets L[i].run to a run id or -1. */
static void find_runs(line_info *L, size_t m)
{
    int *seed = xcalloc(m + 1, sizeof *seed);
    bool *in_run = xcalloc(m + 1, sizeof *in_run);
    for (size_t i = 0; i + SEED_LINES <= m; i++) {
        int w = seed_width(L, i);
        for (size_t k = 0; w && k < SEED_LINES; k++) {
            seed[i + k] = max_int(seed[i + k], w);
            in_run[i + k] = true;
        }
    }
    int w = 0;
    for (size_t i = 0; i < m; i++) {
        if (seed[i])
            w = seed[i];
        else if (i > 0 && in_run[i - 1] && L[i].gap < RUN_BREAK_GAP &&
                 L[i].width <= w + overflow_allowed(w))
            in_run[i] = true;
    }
    w = 0;
    for (size_t i = m; i-- > 0;) {
        if (seed[i])
            w = seed[i];
        else if (i + 1 < m && in_run[i + 1] &&
                 L[i + 1].gap < RUN_BREAK_GAP &&
                 L[i].width <= w + overflow_allowed(w))
            in_run[i] = true;
    }
    int id = -1;
    for (size_t i = 0; i < m; i++) {
        if (in_run[i] && (i == 0 || !in_run[i - 1] ||
                          L[i].gap >= RUN_BREAK_GAP))
            id++;
        L[i].run = in_run[i] ? id : -1;
    }
    free(seed);
    free(in_run);
}

/* The local wrap width of line i: the third widest line of its run among
   the few before it and the more after it. */
static int local_wrap_width(const line_info *L, size_t m, size_t i)
{
    int v[WINDOW_BEFORE + WINDOW_AFTER + 1];
    int k = 0;
    size_t lo = i >= WINDOW_BEFORE ? i - WINDOW_BEFORE : 0;
    for (size_t j = lo; j < m && j <= i + WINDOW_AFTER; j++) {
        if (L[j].run != L[i].run)
            continue;
        int x = L[j].width, p = k++;
        while (p > 0 && v[p - 1] < x) { /* insertion, widest first */
            v[p] = v[p - 1];
            p--;
        }
        v[p] = x;
    }
    return v[k > 3 ? 2 : k - 1];
}

/* Does line i reach the wrap width W?  A line ending a sentence must fill
   it (it could be a paragraph end).  Others may fall short by a pushed
   down character, the indent when the line starts a paragraph, and a
   number or word that the wrap moved to the next line.  Each ambiguous
   character (“ ” …) printed a column wider than it displays. */
static bool is_full(const line_info *L, size_t m, size_t i, int W,
                    bool starts_paragraph)
{
    if (L[i].ends_weak)
        return L[i].width >= W - 1 - L[i].ambiguous;
    int word = L[i].narrow / 2 + (i + 1 < m ? L[i + 1].lead_narrow : 0);
    int allowed = SLACK_COLUMNS + (starts_paragraph ? INDENT_COLUMNS : 0) +
                  (word < MAX_WORD_SLACK ? word : MAX_WORD_SLACK) +
                  L[i].ambiguous;
    if (W > WIDE_COLUMN)
        allowed = max_int(allowed, W / WIDE_SLACK_PART);
    return L[i].width >= W - allowed;
}

/* Is gap a usual number of blank lines between wrapped lines around line
   i?  Full lines that do not end a sentence vote with the gap after them;
   a gap with at least half the votes of the commonest one counts (where
   two styles meet, both do). */
static bool is_usual_gap(const line_info *L, const line_stats *S, size_t m,
                         size_t i, int gap)
{
    int votes[MAX_GAP_VOTE] = {0};
    size_t lo = i >= GAP_WINDOW ? i - GAP_WINDOW : 0;
    for (size_t j = lo; j + 1 < m && j <= i + GAP_WINDOW; j++) {
        if (L[j].run != L[i].run || L[j + 1].run != L[i].run)
            continue;
        if (L[j].ends_weak || !S[j].full || L[j + 1].gap >= MAX_GAP_VOTE)
            continue;
        votes[L[j + 1].gap]++;
    }
    int best = 0;
    for (int g = 0; g < MAX_GAP_VOTE; g++)
        best = max_int(best, votes[g]);
    return gap < MAX_GAP_VOTE && votes[gap] > 0 && votes[gap] * 2 >= best;
}

/* The smallest indent among the run's lines around line i. */
static int base_indent(const line_info *L, size_t m, size_t i)
{
    int base = L[i].indent;
    size_t lo = i >= INDENT_BEFORE ? i - INDENT_BEFORE : 0;
    for (size_t j = lo; j < m && j <= i + INDENT_AFTER; j++)
        if (L[j].run == L[i].run && L[j].indent < base)
            base = L[j].indent;
    return base;
}

/* Should line a+1 be joined to the paragraph that line a is in?
   starts_paragraph says a is the paragraph's first line. */
static bool continues_paragraph(const line_info *L, const line_stats *S,
                                size_t m, size_t a, bool starts_paragraph)
{
    size_t b = a + 1;
    if (b >= m || L[a].run < 0 || L[b].run != L[a].run)
        return false;
    int W = S[a].wrap_width;
    bool glued = L[a].opens || L[b].closes;
    if (!glued && !is_full(L, m, a, W, starts_paragraph))
        return false;
    /* The gap must be the usual one here (where two styles meet, the usual
       gap after the junction counts too). */
    if (!is_usual_gap(L, S, m, a, L[b].gap) &&
        !is_usual_gap(L, S, m, b, L[b].gap))
        return false;
    if (L[b].marker || L[b].spaced || L[a].spaced)
        return false;
    /* b must go on itself or end the paragraph as a paragraph ends. */
    if (!glued && !L[b].ends_weak && !is_full(L, m, b, W, false))
        return false;
    /* A sentence end, then a line short by an indent: a new paragraph. */
    if (L[a].ends_strong && !L[b].ends_weak && L[b].width <= W - INDENT_SHORT)
        return false;
    if (L[b].indent > base_indent(L, m, a))
        return false;
    return true;
}

/* Is c an ASCII letter? */
static bool is_ascii_letter(char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Append line b to paragraph text sb.  Ideographs join with nothing in
   between; two Latin words (a letter or sentence punctuation, then a
   letter) get a space, since a wrap at a space removed it. */
static void append_wrapped(strbuf *sb, const line_info *b)
{
    if (sb->len > 0 && is_ascii_letter(b->text[0])) {
        char last = sb->s[sb->len - 1];
        if (is_ascii_letter(last) || strchr(",;:!?).", last))
            sb_putc(sb, ' ');
    }
    sb_append(sb, b->text, b->len);
}

/* Split text into paragraphs: describe every non-blank line, find the
   hard-wrapped runs and their local statistics, then walk the lines once,
   joining each to the paragraph before it when the rules allow. */
void paragraphs_split(const char *text, block_list *out)
{
    line_info *L;
    size_t m = split_lines(text, &L);
    find_runs(L, m);
    line_stats *S = xcalloc(m + 1, sizeof *S);
    for (size_t i = 0; i < m; i++) {
        if (L[i].run < 0)
            continue;
        S[i].wrap_width = local_wrap_width(L, m, i);
        S[i].full = is_full(L, m, i, S[i].wrap_width, false);
    }
    strbuf sb = {0};
    size_t i = 0;
    while (i < m) {
        size_t first = i;
        sb_clear(&sb);
        sb_append(&sb, L[i].text, L[i].len);
        while (continues_paragraph(L, S, m, i, i == first)) {
            i++;
            append_wrapped(&sb, &L[i]);
        }
        block *bk = block_list_push(out, sb.s, BLOCK_BODY, L[first].line);
        if (i > first)
            bk->flags |= BLOCK_F_HARDWRAP;
        i++;
    }
    sb_free(&sb);
    free(S);
    free(L);
}
