/* evidence.c - dates, page labels and paper names in metadata values,
 * paths and URLs (see evidence.h).
 *
 * Values are read as code-point arrays so that fullwidth digits and CJK
 * markers (第 版 年 月 日) are single units; every scan is linear.
 */
#include "evidence.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <uniconv.h>
#include <unistr.h>

#include "normalize.h"

/* ---- code points ------------------------------------------------------- */

/* The value as code points, twice: u[0..n) folded for matching
   (fullwidth ASCII to ASCII, ２０２６ -> 2026, and the ideographic space
   to a space), u[n..2n) as written, for what is returned.  *n receives
   the length. */
static uint32_t *to_points(const char *s, size_t *n)
{
    size_t len = strlen(s);
    uint32_t *u = xmalloc((2 * len + 1) * sizeof *u);
    size_t k = 0;
    const uint8_t *p = (const uint8_t *)s, *end = p + len;
    while (p < end) {
        ucs4_t c;
        int m = u8_mbtouc(&c, p, (size_t)(end - p));
        if (m <= 0)
            break;
        u[k++] = c;
        p += m;
    }
    memcpy(u + k, u, k * sizeof *u);
    for (size_t i = 0; i < k; i++) {
        if (u[i] >= 0xFF01 && u[i] <= 0xFF5E)
            u[i] -= 0xFEE0;
        else if (u[i] == 0x3000 || u[i] == 0x00A0 || u[i] == '\t')
            u[i] = ' ';
    }
    *n = k;
    return u;
}

/* The code points [a, b) of a to_points array of length n, as written,
   spaces trimmed, as a heap UTF-8 string; NULL when nothing is left. */
static char *points_to_utf8(const uint32_t *u, size_t n, size_t a, size_t b)
{
    while (a < b && u[a] == ' ')
        a++;
    while (b > a && u[b - 1] == ' ')
        b--;
    if (a == b)
        return NULL;
    size_t len = 0;
    uint8_t *s = u32_to_u8(u + n + a, b - a, NULL, &len);
    if (!s)
        return NULL;
    char *r = xstrndup((const char *)s, len);
    free(s);
    return r;
}

static bool is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

static bool is_alpha(uint32_t c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* The number of digits (at most max) at u[i..n), their value in *v. */
static size_t digits_at(const uint32_t *u, size_t n, size_t i, size_t max,
                        int *v)
{
    size_t k = 0;
    int val = 0;
    while (i + k < n && k < max && is_digit(u[i + k])) {
        val = val * 10 + (int)(u[i + k] - '0');
        k++;
    }
    *v = val;
    return k;
}

/* ---- dates -------------------------------------------------------------- */

/* Is y-m-d a real day of a year a newspaper could carry? */
static bool valid_date(int y, int m, int d)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30,
                                31};
    if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m != 2 || d <= 28 || leap;
}

/* Write y-m-d, moved from a time at zone offset (minutes east of UTC) to
   China Standard Time, into out. */
static bool put_date(int y, int m, int d, int minute_of_day, int offset,
                     bool has_zone, char out[11])
{
    if (!valid_date(y, m, d))
        return false;
    if (has_zone) {
        struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d,
                        .tm_min = minute_of_day - offset + 8 * 60};
        time_t t = timegm(&tm); /* normalises the minutes into the day */
        if (t == (time_t)-1 || !gmtime_r(&t, &tm))
            return false;
        y = tm.tm_year + 1900;
        m = tm.tm_mon + 1;
        d = tm.tm_mday;
    }
    char buf[40];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    memcpy(out, buf, 11);
    return true;
}

/* A zone at u[i..n): Z, +08:00, +0800, -05, GMT, UT, UTC, CST (China
   Standard Time in Chinese feeds).  *offset in minutes east of UTC. */
static bool zone_at(const uint32_t *u, size_t n, size_t i, int *offset)
{
    while (i < n && u[i] == ' ')
        i++;
    if (i >= n)
        return false;
    if (u[i] == '+' || u[i] == '-') {
        int h, mm = 0;
        size_t k = digits_at(u, n, i + 1, 2, &h);
        if (k != 2)
            return false;
        size_t j = i + 3;
        if (j < n && u[j] == ':')
            j++;
        digits_at(u, n, j, 2, &mm);
        *offset = (h * 60 + mm) * (u[i] == '-' ? -1 : 1);
        return h <= 14 && mm < 60;
    }
    static const struct {
        const char *name;
        int offset;
    } zones[] = {{"Z", 0},      {"GMT", 0},     {"UTC", 0},
                 {"UT", 0},     {"CST", 480},   {"EST", -300},
                 {"EDT", -240}, {"PST", -480},  {"PDT", -420}};
    for (size_t z = 0; z < sizeof zones / sizeof *zones; z++) {
        size_t len = strlen(zones[z].name), k = 0;
        while (k < len && i + k < n && u[i + k] == (uint32_t)zones[z].name[k])
            k++;
        if (k == len && (i + k == n || !is_alpha(u[i + k]))) {
            *offset = zones[z].offset;
            return true;
        }
    }
    return false;
}

/* A time HH:MM[:SS[.frac]] at u[i..n): minute of the day in *minute and
   the index after it in *end. */
static bool time_at(const uint32_t *u, size_t n, size_t i, int *minute,
                    size_t *end)
{
    int h, m, s;
    if (digits_at(u, n, i, 2, &h) == 0)
        return false;
    size_t j = i + (h >= 10 || (i + 1 < n && is_digit(u[i + 1])) ? 2 : 1);
    if (j >= n || u[j] != ':' || digits_at(u, n, j + 1, 2, &m) != 2)
        return false;
    j += 3;
    if (j < n && u[j] == ':' && digits_at(u, n, j + 1, 2, &s) == 2) {
        j += 3;
        while (j < n && (u[j] == '.' || u[j] == ',' || is_digit(u[j])))
            j++;
    }
    if (h > 23 || m > 59)
        return false;
    *minute = h * 60 + m;
    *end = j;
    return true;
}

/* RFC 822 / 1123: [Www,] DD Mon YYYY [HH:MM[:SS] zone]. */
static bool rfc822_date(const uint32_t *u, size_t n, char out[11])
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may",
                                         "jun", "jul", "aug", "sep", "oct",
                                         "nov", "dec"};
    size_t i = 0;
    while (i < n && u[i] == ' ')
        i++;
    if (i + 3 < n && is_alpha(u[i]) && is_alpha(u[i + 1]) &&
        is_alpha(u[i + 2])) {
        i += 3;
        while (i < n && is_alpha(u[i]))
            i++;
        if (i < n && u[i] == ',')
            i++;
        while (i < n && u[i] == ' ')
            i++;
    }
    int d, y, mon = -1;
    size_t k = digits_at(u, n, i, 2, &d);
    if (k == 0)
        return false;
    i += k;
    while (i < n && (u[i] == ' ' || u[i] == '-'))
        i++;
    if (i + 3 > n)
        return false;
    for (int m = 0; m < 12; m++) {
        int same = 1;
        for (int c = 0; c < 3 && same; c++)
            same = (u[i + c] | 0x20) == (uint32_t)months[m][c];
        if (same)
            mon = m + 1;
    }
    if (mon < 0)
        return false;
    i += 3;
    while (i < n && is_alpha(u[i]))
        i++;
    while (i < n && (u[i] == ' ' || u[i] == '-'))
        i++;
    k = digits_at(u, n, i, 4, &y);
    if (k == 2)
        y += y < 50 ? 2000 : 1900;
    else if (k != 4)
        return false;
    i += k;
    while (i < n && u[i] == ' ')
        i++;
    int minute = 0, offset = 0;
    size_t end;
    bool zoned = time_at(u, n, i, &minute, &end) &&
                 zone_at(u, n, end, &offset);
    return put_date(y, mon, d, minute, offset, zoned, out);
}

/* ISO 8601 at the start: YYYY-MM-DD[(T| )HH:MM[:SS[.f]][zone]]. */
static bool iso_date(const uint32_t *u, size_t n, char out[11])
{
    size_t i = 0;
    while (i < n && u[i] == ' ')
        i++;
    int y, m, d;
    if (digits_at(u, n, i, 4, &y) != 4 || i + 4 >= n || u[i + 4] != '-')
        return false;
    size_t k = digits_at(u, n, i + 5, 2, &m);
    if (k == 0 || i + 5 + k >= n || u[i + 5 + k] != '-')
        return false;
    size_t j = i + 6 + k;
    k = digits_at(u, n, j, 2, &d);
    if (k == 0 || (j + k < n && is_digit(u[j + k])))
        return false;
    j += k;
    int minute = 0, offset = 0;
    size_t end;
    bool zoned = j < n && (u[j] == 'T' || u[j] == 't' || u[j] == ' ') &&
                 time_at(u, n, j + 1, &minute, &end) &&
                 zone_at(u, n, end, &offset);
    return put_date(y, m, d, minute, offset, zoned, out);
}

/* The first date anywhere in u: YYYY[-/._年]M[-/._月]D[日] or a run of
   exactly eight digits YYYYMMDD. */
static bool any_date(const uint32_t *u, size_t n, char out[11])
{
    for (size_t i = 0; i + 4 <= n; i++) {
        if (i > 0 && is_digit(u[i - 1]))
            continue;
        int y, m, d;
        size_t k = digits_at(u, n, i, 8, &y);
        if (k == 8 && (i + 8 == n || !is_digit(u[i + 8]))) {
            int v = y;
            if (put_date(v / 10000, v / 100 % 100, v % 100, 0, 0, false,
                         out))
                return true;
            continue;
        }
        if (digits_at(u, n, i, 4, &y) != 4 || i + 4 >= n ||
            is_digit(u[i + 4]))
            continue;
        uint32_t sep = u[i + 4];
        bool han = sep == 0x5E74; /* 年 */
        if (!han && sep != '-' && sep != '/' && sep != '.' && sep != '_')
            continue;
        size_t j = i + 5;
        while (han && j < n && u[j] == ' ')
            j++;
        k = digits_at(u, n, j, 2, &m);
        if (k == 0)
            continue;
        j += k;
        while (han && j < n && u[j] == ' ')
            j++;
        if (j >= n || u[j] != (han ? 0x6708 : sep)) /* 月 */
            continue;
        j++;
        while (han && j < n && u[j] == ' ')
            j++;
        k = digits_at(u, n, j, 2, &d);
        if (k == 0 || (j + k < n && is_digit(u[j + k])))
            continue;
        if (put_date(y, m, d, 0, 0, false, out))
            return true;
    }
    return false;
}

bool evidence_date(const char *value, char out[11])
{
    if (!value)
        return false;
    size_t n;
    uint32_t *u = to_points(value, &n);
    bool ok = iso_date(u, n, out) || rfc822_date(u, n, out) ||
              any_date(u, n, out);
    free(u);
    return ok;
}

/* ---- page labels -------------------------------------------------------- */

/* The value of a Chinese numeral 一 … 九十九 at u[i..n), its length in
   *len; 0 when there is none. */
static int chinese_number(const uint32_t *u, size_t n, size_t i, size_t *len)
{
    static const uint32_t digit_chars[] = {0x96F6, 0x4E00, 0x4E8C, 0x4E09,
                                           0x56DB, 0x4E94, 0x516D, 0x4E03,
                                           0x516B, 0x4E5D}; /* 零一…九 */
    int value = 0, cur = -1;
    size_t k = i;
    for (; k < n && k - i < 4; k++) {
        int dv = -1;
        for (int x = 0; x < 10; x++)
            if (u[k] == digit_chars[x])
                dv = x;
        if (u[k] == 0x3007) /* 〇 */
            dv = 0;
        if (u[k] == 0x4E24) /* 两 */
            dv = 2;
        if (dv >= 0) {
            cur = dv;
        } else if (u[k] == 0x5341) { /* 十 */
            value += (cur < 0 ? 1 : cur) * 10;
            cur = -1;
        } else {
            break;
        }
    }
    if (cur > 0)
        value += cur;
    *len = k - i;
    return *len ? value : 0;
}

/* Is c a separator between a page label and its name? */
static bool is_label_sep(uint32_t c)
{
    return c == ' ' || c == ':' || c == 0xFF1A || c == '-' || c == '_' ||
           c == 0x00B7 || c == 0x30FB || c == '|' || c == ',' ||
           c == 0x3001 || c == 0x2014 || c == 0x2013;
}

static bool is_open_bracket(uint32_t c)
{
    return c == '[' || c == '(' || c == 0x3010 || c == 0x3014 ||
           c == 0x300A;
}

static bool is_close_bracket(uint32_t c)
{
    return c == ']' || c == ')' || c == 0x3011 || c == 0x3015 ||
           c == 0x300B;
}

/* Format a label: letter (or 0) and number, number zero-padded to two
   digits. */
static char *format_label(uint32_t letter, int number)
{
    char buf[32];
    if (letter)
        snprintf(buf, sizeof buf, "%c%02d", (char)(letter & ~0x20u), number);
    else
        snprintf(buf, sizeof buf, "%02d", number);
    return xstrdup(buf);
}

/* page_label on code points u[0..n); *after receives the index where the
   page's name may start. */
static char *label_points(const uint32_t *u, size_t n, bool strict,
                          size_t *after)
{
    size_t i = 0;
    while (i < n && (u[i] == ' ' || is_open_bracket(u[i])))
        i++;
    bool di = i < n && u[i] == 0x7B2C; /* 第 */
    if (di)
        i++;
    while (i < n && u[i] == ' ')
        i++;
    uint32_t letter = 0;
    if (i + 1 < n && is_alpha(u[i]) && is_digit(u[i + 1]))
        letter = u[i++];
    int number;
    size_t k = digits_at(u, n, i, 3, &number);
    if (k == 0 && !letter)
        number = chinese_number(u, n, i, &k);
    if (k == 0 || (i + k < n && is_digit(u[i + k])) || number > 999)
        return NULL;
    i += k;
    size_t j = i;
    while (j < n && u[j] == ' ')
        j++;
    bool ban = j < n && u[j] == 0x7248; /* 版 */
    if (ban)
        i = j + 1;
    else if (di)
        return NULL; /* 第三 … without 版: a count, not a page */
    /* A bare number is a page only when loose, or when a separator and a
       name follow it (06-两会特刊); a number followed by more text of its
       own (2026年, 3月) is not. */
    if (!ban) {
        bool end = i >= n;
        if (!end && !is_label_sep(u[i]) && !is_close_bracket(u[i]))
            return NULL;
        size_t name = i;
        while (name < n && is_label_sep(u[name]))
            name++;
        if (strict && (end || name == i || name >= n || is_digit(u[name])))
            return NULL;
    }
    if (number == 0 && !letter)
        return NULL;
    *after = i;
    return format_label(letter, number);
}

char *page_label(const char *value, bool strict, char **name)
{
    if (name)
        *name = NULL;
    if (!value)
        return NULL;
    size_t n, after = 0;
    uint32_t *u = to_points(value, &n);
    char *label = label_points(u, n, strict, &after);
    if (label && name) {
        size_t a = after, b = n;
        while (a < b && (is_label_sep(u[a]) || is_close_bracket(u[a])))
            a++;
        while (b > a && (u[b - 1] == ' ' || is_close_bracket(u[b - 1])))
            b--;
        *name = points_to_utf8(u, n, a, b);
    }
    free(u);
    return label;
}

const char *evidence_strip_page_prefix(const char *title, doc_evidence *ev)
{
    if (!title)
        return title;
    const char *p = title;
    while (*p == ' ')
        p++;
    /* [ 【 as one byte or three */
    size_t open = *p == '[' ? 1 : strncmp(p, "\xE3\x80\x90", 3) == 0 ? 3 : 0;
    if (!open)
        return title;
    const char *close = open == 1 ? strchr(p, ']') : strstr(p, "\xE3\x80\x91");
    if (!close || close - p > 96)
        return title;
    char *inside = xstrndup(p + open, (size_t)(close - p - (long)open));
    char *name = NULL;
    char *label = page_label(inside, false, &name);
    free(inside);
    bool has_ban = label != NULL;
    if (!has_ban) {
        free(name);
        return title;
    }
    if (!ev->page)
        ev->page = label;
    else
        free(label);
    if (!ev->page_name)
        ev->page_name = name;
    else
        free(name);
    const char *rest = close + (open == 1 ? 1 : 3);
    while (*rest == ' ')
        rest++;
    return rest;
}

/* ---- titles -------------------------------------------------------------- */

/* The first title in 《》 at u[from..n) holding 1 to max characters: its
   inside is [*a, *b); false when there is none. */
static bool next_book_title(const uint32_t *u, size_t n, size_t from,
                            size_t max, size_t *a, size_t *b)
{
    for (size_t i = from; i < n; i++) {
        if (u[i] != 0x300A) /* 《 */
            continue;
        size_t j = i + 1;
        while (j < n && u[j] != 0x300B && j - i <= max)
            j++;
        if (j < n && u[j] == 0x300B && j > i + 1) {
            *a = i + 1;
            *b = j;
            return true;
        }
    }
    return false;
}

/* Split points of a title: " - ", " – ", " — ", "_", " | ", "｜", "|":
   fills starts/ends of at most max parts, returns how many. */
static size_t title_parts(const uint32_t *u, size_t n, size_t *starts,
                          size_t *ends, size_t max)
{
    size_t np = 0, a = 0;
    for (size_t i = 0; i <= n && np < max; i++) {
        size_t sep = 0;
        if (i < n) {
            if (u[i] == '_' || u[i] == '|' || u[i] == 0xFF5C)
                sep = 1;
            else if ((u[i] == '-' || u[i] == 0x2013 || u[i] == 0x2014) &&
                     i > 0 && u[i - 1] == ' ' && i + 1 < n && u[i + 1] == ' ')
                sep = 1;
        }
        if (i == n || sep) {
            starts[np] = a;
            ends[np] = i;
            np++;
            a = i + 1;
        }
    }
    return np;
}

/* Visible length (not counting spaces) of u[a..b). */
static size_t visible_len(const uint32_t *u, size_t a, size_t b)
{
    size_t k = 0;
    for (size_t i = a; i < b; i++)
        k += u[i] != ' ';
    return k;
}

char *evidence_paper_from_title(const char *title)
{
    if (!title)
        return NULL;
    size_t n;
    uint32_t *u = to_points(title, &n);
    char *r = NULL;
    size_t a, b;
    if (next_book_title(u, n, 0, 25, &a, &b))
        r = points_to_utf8(u, n, a, b);
    if (!r) {
        size_t s[2], e[2];
        if (title_parts(u, n, s, e, 2) > 0)
            r = points_to_utf8(u, n, s[0], e[0]);
    }
    if (r) {
        char d[11];
        size_t rn;
        uint32_t *ru = to_points(r, &rn);
        size_t vis = visible_len(ru, 0, rn), digits = 0;
        for (size_t i = 0; i < rn; i++)
            digits += is_digit(ru[i]);
        free(ru);
        if (vis == 0 || vis > 24 || digits * 2 > vis ||
            (evidence_date(r, d) && digits >= 6)) {
            free(r);
            r = NULL;
        }
    }
    free(u);
    return r;
}

char *evidence_clean_title(const char *title)
{
    if (!title)
        return NULL;
    size_t n;
    uint32_t *u = to_points(title, &n);
    size_t a = 0;
    while (a < n && u[a] == ' ')
        a++;
    /* [视频] and the like: a short tag in ASCII brackets */
    if (a < n && u[a] == '[') {
        size_t j = a + 1;
        while (j < n && u[j] != ']' && j - a <= 5)
            j++;
        if (j < n && u[j] == ']' && j + 1 < n)
            a = j + 1;
    }
    size_t s[16], e[16];
    size_t np = title_parts(u + a, n - a, s, e, 16), best = 0;
    for (size_t k = 1; k < np; k++)
        if (visible_len(u + a, s[k], e[k]) > visible_len(u + a, s[best],
                                                         e[best]))
            best = k;
    char *r = np ? points_to_utf8(u, n, a + s[best], a + e[best]) : NULL;
    free(u);
    return r ? r : xstrdup("");
}

/* ---- edition stamps ------------------------------------------------------ */

bool evidence_from_stamp(const char *text, doc_evidence *ev)
{
    if (!text)
        return false;
    size_t n;
    uint32_t *u = to_points(text, &n);
    bool found = false;
    size_t a, b;
    for (size_t from = 0; !found && next_book_title(u, n, from, 12, &a, &b);
         from = b) {
        size_t k = b + 1;
        while (k < n && u[k] == ' ')
            k++;
        char d[11];
        if (b - a < 2 || k >= n || u[k] != '(' || !any_date(u + k, n - k, d))
            continue;
        found = true;
        if (!ev->paper)
            ev->paper = points_to_utf8(u, n, a, b);
        if (!ev->date)
            ev->date = xstrdup(d);
        for (size_t i = k; i < n && !ev->page; i++) {
            size_t after;
            if (u[i] == 0x7B2C) /* 第 */
                ev->page = label_points(u + i, n - i, true, &after);
        }
    }
    free(u);
    return found;
}

/* ---- paths and URLs ------------------------------------------------------ */

/* The date of one path component, or false. */
static bool component_date(const char *comp, char out[11])
{
    size_t n;
    uint32_t *u = to_points(comp, &n);
    bool ok = any_date(u, n, out);
    free(u);
    return ok;
}

/* A date spread over consecutive components ending at comps[i]:
   YYYY / MM / DD, YYYYMM / DD or YYYY-MM / DD. */
static bool split_date(char **comps, size_t i, char out[11])
{
    int y, m, d;
    char *e;
    if (i < 1)
        return false;
    const char *day = comps[i], *ym = comps[i - 1];
    if (strlen(day) < 1 || strlen(day) > 2 ||
        strspn(day, "0123456789") != strlen(day))
        return false;
    d = (int)strtol(day, &e, 10);
    size_t len = strlen(ym);
    if (len == 6 && strspn(ym, "0123456789") == 6) {
        y = (int)(strtol(ym, &e, 10) / 100);
        m = (int)(strtol(ym, &e, 10) % 100);
    } else if (len == 7 && ym[4] == '-' && strspn(ym, "0123456789") == 4 &&
               strspn(ym + 5, "0123456789") == 2) {
        y = (int)strtol(ym, &e, 10);
        m = (int)strtol(ym + 5, &e, 10);
    } else if (i >= 2 && len >= 1 && len <= 2 &&
               strspn(ym, "0123456789") == len && strlen(comps[i - 2]) == 4 &&
               strspn(comps[i - 2], "0123456789") == 4) {
        y = (int)strtol(comps[i - 2], &e, 10);
        m = (int)strtol(ym, &e, 10);
    } else {
        return false;
    }
    return put_date(y, m, d, 0, 0, false, out);
}

/* The page a path component names (see evidence_from_path).  dir: the
   component is a directory (06-两会特刊 counts only there). */
static char *component_page(const char *comp, bool dir, char **name)
{
    *name = NULL;
    size_t n;
    uint32_t *u = to_points(comp, &n);
    char *label = NULL;
    /* 第06版 / 06版 anywhere in the component */
    for (size_t i = 0; i < n && !label; i++) {
        if (u[i] != 0x7248 || i == 0) /* 版 */
            continue;
        size_t a = i;
        while (a > 0 && (is_digit(u[a - 1]) || u[a - 1] == ' '))
            a--;
        if (a > 0 && is_alpha(u[a - 1]))
            a--;
        if (a > 0 && u[a - 1] == 0x7B2C)
            a--;
        size_t after;
        if (a < i)
            label = label_points(u + a, n - a, true, &after);
    }
    /* p06, page06 as a token */
    for (size_t i = 0; i < n && !label; i++) {
        if (i > 0 && u[i - 1] != '-' && u[i - 1] != '_' && u[i - 1] != '.' &&
            u[i - 1] != ' ')
            continue;
        size_t k = 0;
        if ((u[i] | 0x20) == 'p') {
            k = 1;
            static const char page[] = "page";
            size_t m = 0;
            while (m < 4 && i + m < n && (u[i + m] | 0x20) == (uint32_t)page[m])
                m++;
            if (m == 4)
                k = 4;
        }
        int v;
        size_t dk = k ? digits_at(u, n, i + k, 3, &v) : 0;
        size_t end = i + k + dk;
        if (dk && v > 0 &&
            (end == n || u[end] == '-' || u[end] == '_' || u[end] == '.' ||
             u[end] == ' '))
            label = format_label(0, v);
    }
    if (!label && dir) {
        size_t after;
        label = label_points(u, n, true, &after);
        if (label) {
            size_t a = after;
            while (a < n && is_label_sep(u[a]))
                a++;
            *name = points_to_utf8(u, n, a, n);
        }
    }
    free(u);
    return label;
}

/* A path component as text: the user's bytes, UTF-8 or else GBK (an
   archive unpacked as it was written); *named is false when they are
   neither, and then the component gives no name, only digits. */
static char *component_text(const char *c, bool *named)
{
    size_t n = strlen(c);
    *named = true;
    if (!u8_check((const uint8_t *)c, n))
        return xstrdup(c);
    size_t len = 0;
    char *gb = (char *)u8_conv_from_encoding("GB18030", iconveh_error, c, n,
                                             NULL, NULL, &len);
    if (gb) {
        char *r = xstrndup(gb, len);
        free(gb);
        return r;
    }
    *named = false;
    return xstrdup(c);
}

void evidence_from_path(const char *path, doc_evidence *ev)
{
    if (!path || (ev->date && ev->page))
        return;
    /* Components without a URL's scheme, host, query and fragment. */
    const char *p = strstr(path, "://");
    p = p ? strchr(p + 3, '/') : path;
    if (!p)
        return;
    size_t plen = strcspn(p, "?#");
    char *copy = xstrndup(p, plen);
    strlist comps = {0};
    for (char *save = NULL, *c = strtok_r(copy, "/", &save); c;
         c = strtok_r(NULL, "/", &save))
        strlist_push(&comps, c);
    free(copy);
    /* Nearest the file first; the file name without its extension. */
    if (comps.n) {
        char *last = comps.v[comps.n - 1], *dot = strrchr(last, '.');
        if (dot && dot != last && strlen(dot) <= 9)
            *dot = '\0';
    }
    size_t looked = 0;
    for (size_t k = comps.n; k-- > 0 && looked < 8; looked++) {
        char d[11];
        if (!ev->date && (component_date(comps.v[k], d) ||
                          split_date(comps.v, k, d)))
            ev->date = xstrdup(d);
        if (!ev->page) {
            bool named;
            char *text = component_text(comps.v[k], &named);
            char *name;
            char *label = component_page(text, k + 1 < comps.n, &name);
            free(text);
            if (label) {
                ev->page = label;
                if (!ev->page_name && named)
                    ev->page_name = name;
                else
                    free(name);
            }
        }
    }
    strlist_free(&comps);
}

/* ---- cleaning ------------------------------------------------------------ */

/* The value normalised, on one line, trimmed; NULL when empty.  Frees
   value. */
static char *clean_value(char *value)
{
    if (!value)
        return NULL;
    char *t = text_normalize(value, strlen(value), NULL);
    free(value);
    for (char *p = t; *p; p++)
        if (*p == '\n')
            *p = ' ';
    size_t n;
    uint32_t *u = to_points(t, &n);
    char *r = points_to_utf8(u, n, 0, n);
    free(u);
    free(t);
    return r;
}

void evidence_clean(doc_evidence *ev)
{
    ev->paper = clean_value(ev->paper);
    ev->page_name = clean_value(ev->page_name);
    ev->url = clean_value(ev->url);
    ev->author = clean_value(ev->author);
}
