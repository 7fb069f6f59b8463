/* db_speakers.c - finding speakers: the lookup keys of a name (their
 * format is defined here, where they are both written when a speaker is
 * stored and read when one is looked up), matching what the user typed
 * against names (part of a name, simplified or traditional, or pinyin),
 * the classes of roles, and the speaker lists.
 */
#include "db_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "lexicon.h"
#include "pinyin.h"

/* Speaker names are indexed by their runs of up to this many characters;
   longer queries fall back to a scan of the names. */
#define SPEAKER_KEY_MAX_CHARS 8

/* Most readings a character's pinyin keys are made from. */
#define SPEAKER_KEY_READINGS 4

/* Longest prefix of a syllable that spells the first character of a
   pinyin query before it moves on to the second. */
#define PINYIN_FIRST_MAX 6

/* ---- lookup keys: written by store_speaker_keys, read by
   speaker_ids_matching ---- */

/* Append at most len letters of a pinyin syllable to key, ü (v in the
   table, u or v as typed) as u. */
static void append_syllable(strbuf *key, const char *syllable, size_t len)
{
    for (size_t i = 0; i < len && syllable[i]; i++)
        sb_putc(key, syllable[i] == 'v' ? 'u' : syllable[i]);
}

/* The key "\x1fs" + syllable (ü as u): the name's first character may be
   spelled by a prefix of it. */
static void syllable_key(const char *syllable, strbuf *key)
{
    sb_clear(key);
    sb_puts(key, "\x1fs");
    append_syllable(key, syllable, SIZE_MAX);
}

/* The key "\x1fq" + the first letter of the name's second character + a
   syllable of its first character (ü as u): a query that spells the first
   character by a prefix of that syllable and goes on to the second. */
static void initial_syllable_key(char second, const char *syllable,
                                 size_t len, strbuf *key)
{
    sb_clear(key);
    sb_puts(key, "\x1fq");
    sb_putc(key, second);
    append_syllable(key, syllable, len);
}

/* The statement that adds one lookup key: the key, the speaker's id and
   name (see speaker_keys in the schema). */
const char speaker_key_insert_sql[] =
    "INSERT OR IGNORE INTO speaker_keys(key, speaker_id, name) "
    "VALUES(?1,?2,?3)";

/* Add one lookup key of a speaker (id, name) with insert, a statement made
   from speaker_key_insert_sql. */
static int store_key(sqlite3_stmt *insert, const char *key, size_t len,
                     int64_t id, const char *name)
{
    sqlite3_bind_text(insert, 1, key, (int)len, SQLITE_TRANSIENT);
    sqlite3_bind_int64(insert, 2, id);
    sqlite3_bind_text(insert, 3, name, -1, SQLITE_TRANSIENT);
    return stmt_run(insert);
}

/* Add every run of up to SPEAKER_KEY_MAX_CHARS characters of text (the
   name of speaker id, or its simplified form). */
static int store_substring_keys(sqlite3_stmt *insert, const char *text,
                                int64_t id, const char *name)
{
    size_t len = strlen(text);
    for (size_t from = 0; from < len;) {
        size_t end = from;
        for (int k = 0; k < SPEAKER_KEY_MAX_CHARS && end < len; k++) {
            end += utf8_chars_len(text + end, len - end, 1);
            if (store_key(insert, text + from, end - from, id, name) != 0)
                return -1;
        }
        from += utf8_chars_len(text + from, len - from, 1);
    }
    return 0;
}

/* The pinyin keys of a speaker (see speaker_keys in the schema): any
   query that pinyin_matches_prefix accepts for the name either ends
   inside the first character (a prefix of one of its syllables) or spells
   it by such a prefix and continues with the first letter of the second
   character's syllable. */
static int store_pinyin_keys(sqlite3_stmt *insert, const char *name,
                             int64_t id)
{
    uint32_t c[2];
    size_t nc = pinyin_name_chars(name, c, 2);
    const char *r1[SPEAKER_KEY_READINGS], *r2[SPEAKER_KEY_READINGS];
    size_t n1 = nc > 0 ? pinyin_readings_of(c[0], r1, SPEAKER_KEY_READINGS)
                       : 0;
    size_t n2 = nc > 1 ? pinyin_readings_of(c[1], r2, SPEAKER_KEY_READINGS)
                       : 0;
    strbuf key = {0};
    int rc = 0;
    for (size_t i = 0; i < n1 && rc == 0; i++) {
        syllable_key(r1[i], &key);
        rc = store_key(insert, key.s, key.len, id, name);
        for (size_t j = 0; j < n2 && rc == 0; j++) {
            initial_syllable_key(r2[j][0], r1[i], SIZE_MAX, &key);
            rc = store_key(insert, key.s, key.len, id, name);
        }
    }
    sb_free(&key);
    return rc;
}

/* The prefix of a key made of two characters of the titles or the
   delegation. */
#define DETAIL_KEY "\x1ft"

/* The keys DETAIL_KEY + each pair of characters of text (simplified), in
   order, to out (repeats and all). */
static void detail_keys(const char *text, strlist *out)
{
    char *simple = text_simplify(text);
    const char *t = simple ? simple : text;
    size_t len = strlen(t);
    for (size_t from = 0; from < len;) {
        size_t one = utf8_chars_len(t + from, len - from, 1);
        size_t two = utf8_chars_len(t + from, len - from, 2);
        if (two > one) {
            strbuf key = {0};
            sb_puts(&key, DETAIL_KEY);
            sb_append(&key, t + from, two);
            strlist_push_owned(out, sb_take(&key));
        }
        from += one;
    }
    free(simple);
}

int store_speaker_detail_keys(sqlite3_stmt *insert, const char *titles,
                              const char *delegation, int64_t id,
                              const char *name)
{
    strlist keys = {0};
    if (titles)
        detail_keys(titles, &keys);
    if (delegation)
        detail_keys(delegation, &keys);
    int rc = 0;
    for (size_t i = 0; i < keys.n && rc == 0; i++)
        rc = store_key(insert, keys.v[i], strlen(keys.v[i]), id, name);
    strlist_free(&keys);
    return rc;
}

/* The lookup keys of a new speaker (see speaker_keys in the schema),
   added with insert, a statement made from speaker_key_insert_sql. */
int store_speaker_keys(sqlite3_stmt *insert, const char *name, int64_t id)
{
    char *simple = text_simplify(name);
    int rc = store_substring_keys(insert, name, id, name);
    if (rc == 0 && simple && strcmp(simple, name) != 0)
        rc = store_substring_keys(insert, simple, id, name);
    if (rc == 0)
        rc = store_pinyin_keys(insert, name, id);
    free(simple);
    return rc;
}

/* Bind the candidate key ranges of a pinyin query (letters, nl of them)
   to ?1..?14 of the lookup statement, in pairs [from, to): the first
   syllables that start with the whole query, then for each k the speakers
   whose first syllable starts with the query's first k letters and whose
   second character starts with letter k (NULL, no range, where the query
   is too short); and ?15 the query itself, as part of a name written in
   latin letters. */
static void bind_pinyin_keys(sqlite3_stmt *st, const char *letters, size_t nl,
                             const char *q)
{
    strbuf key = {0};
    syllable_key(letters, &key);
    stmt_bind_text(st, 1, key.s);
    sb_putc(&key, '\x7f');
    stmt_bind_text(st, 2, key.s);
    for (size_t k = 1; k <= PINYIN_FIRST_MAX; k++) {
        int at = 1 + 2 * (int)k;
        if (k >= nl) {
            sqlite3_bind_null(st, at);
            sqlite3_bind_null(st, at + 1);
            continue;
        }
        initial_syllable_key(letters[k], letters, k, &key);
        stmt_bind_text(st, at, key.s);
        sb_putc(&key, '\x7f');
        stmt_bind_text(st, at + 1, key.s);
    }
    sb_free(&key);
    stmt_bind_text(st, 15, q);
}

/* ---- matching names ---- */

/* Whether q could be pinyin: ASCII letters, spaces and apostrophes. */
static bool could_be_pinyin(const char *q)
{
    bool letters = false;
    for (const unsigned char *p = (const unsigned char *)q; *p; p++) {
        if (*p >= 0x80)
            return false;
        letters = letters || isalpha(*p);
    }
    return letters;
}

/* What the user typed to find a speaker, prepared once for matching many
   names: part of the name (in simplified or traditional characters), or
   pinyin (full, spaced, initials) when it could be pinyin. */
typedef struct {
    const char *q;
    char *simple; /* q in simplified characters */
    bool pinyin;
} name_query;

static void name_query_init(name_query *nq, const char *q)
{
    nq->q = q;
    nq->simple = q && *q ? text_simplify(q) : NULL;
    nq->pinyin = q && could_be_pinyin(q);
}

static void name_query_free(name_query *nq)
{
    free(nq->simple);
    nq->simple = NULL;
}

/* Does the speaker name match the query (everything matches no query)? */
static bool name_query_matches(const name_query *nq, const char *name)
{
    if (!nq->q || !*nq->q)
        return true;
    return strstr(name, nq->q) || (nq->simple && strstr(name, nq->simple)) ||
           (nq->pinyin && pinyin_matches_prefix(name, nq->q));
}

/* Order ids ascending (qsort). */
static int id_cmp(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Sort ids[0..n) and drop repeats; returns how many are left. */
static size_t ids_unique(int64_t *ids, size_t n)
{
    if (n < 2)
        return n;
    qsort(ids, n, sizeof *ids, id_cmp);
    size_t k = 1;
    for (size_t i = 1; i < n; i++)
        if (ids[i] != ids[k - 1])
            ids[k++] = ids[i];
    return k;
}

/* The ids of the speakers whose names match q (see name_query_matches),
   in ascending order. */
ssize_t speaker_ids_matching(db *d, const char *q, int64_t **ids)
{
    *ids = NULL;
    name_query nq;
    name_query_init(&nq, q);
    /* Candidates from the lookup keys (see the schema); a scan only for
       a query no key can hold. */
    sqlite3_stmt *st;
    bool exact = false; /* the statement returns only matching speakers */
    bool keyed = q && *q && u8_mbsnlen((const uint8_t *)q, strlen(q)) <=
                                SPEAKER_KEY_MAX_CHARS;
    char letters[64];
    size_t nl = nq.pinyin ? pinyin_query_letters(q, letters, sizeof letters)
                          : 0;
    if (nl > 0) {
        /* A speaker may be in several of the key ranges: ids_unique. */
        st = db_prepare(
            d, "SELECT speaker_id, name FROM speaker_keys WHERE "
               " (key >= ?1 AND key < ?2) OR (key >= ?3 AND key < ?4)"
               " OR (key >= ?5 AND key < ?6) OR (key >= ?7 AND "
               " key < ?8) OR (key >= ?9 AND key < ?10) OR (key >= ?11"
               " AND key < ?12) OR (key >= ?13 AND key < ?14) OR "
               " key = ?15", NULL);
        if (st)
            bind_pinyin_keys(st, letters, nl, q);
    } else if (keyed) {
        /* The keys hold the names' runs simplified too: 雷军 finds 雷軍. */
        exact = true;
        st = db_prepare(d, "SELECT s.id, s.name FROM speakers s WHERE s.id IN "
                           "(SELECT speaker_id FROM speaker_keys WHERE key=?1 "
                           " OR key=?2)", NULL);
        if (st) {
            stmt_bind_text(st, 1, q);
            stmt_bind_text(st, 2, nq.simple);
        }
    } else {
        st = db_prepare(d, "SELECT id, name FROM speakers", NULL);
    }
    if (!st) {
        name_query_free(&nq);
        return -1;
    }
    size_t n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 1);
        if (!name || (!exact && !name_query_matches(&nq, name)))
            continue;
        *ids = grow_array(*ids, &cap, n + 1, sizeof **ids);
        (*ids)[n++] = sqlite3_column_int64(st, 0);
    }
    name_query_free(&nq);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(*ids);
        *ids = NULL;
        return -1;
    }
    return (ssize_t)ids_unique(*ids, n);
}

/* Most pairs of characters of a query looked up in the detail keys; the
   words themselves are then checked. */
#define DETAIL_KEYS_MAX 6

/* Does the speaker's titles or delegation hold q (simplified, as the
   detail keys are)? */
static bool details_hold(const char *titles, const char *delegation,
                         const char *q)
{
    const char *texts[] = {titles, delegation};
    bool found = false;
    for (size_t i = 0; i < 2 && !found; i++) {
        if (!texts[i])
            continue;
        char *simple = text_simplify(texts[i]);
        found = simple && strstr(simple, q);
        free(simple);
    }
    return found;
}

/* Append to ids (n of them so far, cap) the speakers whose titles or
   delegation hold q, a query of two characters or more: those with the
   detail keys of its first pairs, then the words checked.  Returns the
   new count, or -1 on a database error. */
static ssize_t speaker_ids_by_details(db *d, const char *q, int64_t **ids,
                                      size_t n, size_t *cap)
{
    char *simple = text_simplify(q);
    strlist keys = {0};
    detail_keys(simple ? simple : q, &keys);
    if (keys.n == 0) {
        free(simple);
        return (ssize_t)n;
    }
    strbuf sql = {0};
    sb_puts(&sql, "SELECT s.id, s.titles, s.delegation FROM speakers s "
                  "WHERE s.id IN (");
    size_t used = keys.n < DETAIL_KEYS_MAX ? keys.n : DETAIL_KEYS_MAX;
    for (size_t i = 0; i < used; i++)
        sb_printf(&sql, "%sSELECT speaker_id FROM speaker_keys WHERE key=?%zu",
                  i ? " INTERSECT " : "", i + 1);
    sb_puts(&sql, ")");
    sqlite3_stmt *st = db_prepare(d, sql.s, NULL);
    sb_free(&sql);
    int rc = SQLITE_ERROR;
    if (st) {
        for (size_t i = 0; i < used; i++)
            stmt_bind_text(st, (int)i + 1, keys.v[i]);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (!details_hold((const char *)sqlite3_column_text(st, 1),
                              (const char *)sqlite3_column_text(st, 2),
                              simple ? simple : q))
                continue;
            *ids = grow_array(*ids, cap, n + 1, sizeof **ids);
            (*ids)[n++] = sqlite3_column_int64(st, 0);
        }
        sqlite3_finalize(st);
    }
    strlist_free(&keys);
    free(simple);
    return rc == SQLITE_DONE ? (ssize_t)n : -1;
}

/* ---- role classes ---- */

/* The label of a class: the first name role_classes.txt gives it after
   its key (copied out of the list's value, which holds all its names). */
const char *role_class_label(role_class c)
{
    static char labels[ROLE_CLASS_COUNT][64];
    const char *key = role_class_key(c);
    const char *v = lex_value(LEX_ROLE_CLASS, key, strlen(key));
    if (!v)
        return key;
    size_t n = strcspn(v, " \t");
    if (n >= sizeof labels[0])
        n = sizeof labels[0] - 1;
    memcpy(labels[c], v, n);
    labels[c][n] = '\0';
    return labels[c];
}

/* Is name the key or one of the names role_classes.txt gives class c? */
static bool class_named(role_class c, const char *name)
{
    const char *key = role_class_key(c);
    if (strcmp(name, key) == 0)
        return true;
    size_t len = strlen(name);
    const char *v = lex_value(LEX_ROLE_CLASS, key, strlen(key));
    while (v && *v) {
        size_t n = strcspn(v, " \t");
        if (n == len && memcmp(v, name, n) == 0)
            return true;
        v += n;
        v += strspn(v, " \t");
    }
    return false;
}

role_class role_class_from_name(const char *name)
{
    if (!name)
        return ROLE_ANY;
    for (int c = ROLE_NPC; c < ROLE_CLASS_COUNT; c++)
        if (class_named((role_class)c, name))
            return (role_class)c;
    return ROLE_ANY;
}

int db_role_known(db *d, const char *name, strlist *known)
{
    if (class_named(ROLE_ANY, name) || role_class_from_name(name) != ROLE_ANY)
        return 1;
    /* The distinct roles of the speakers: a few dozen, read once for a
       command (a scan of the speakers, not of the quotes). */
    sqlite3_stmt *st = db_prepare(d, "SELECT DISTINCT role FROM speakers "
                                     "WHERE role IS NOT NULL ORDER BY role",
                                  NULL);
    if (!st)
        return -1;
    bool found = false;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *role = (const char *)sqlite3_column_text(st, 0);
        found = found || strcmp(role, name) == 0;
        if (known)
            strlist_push(known, role);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? found : -1;
}

/* ---- speaker lists ---- */

/* stmt_read_rows callback: a speakers row (columns SPEAKER_COLUMNS). */
static void read_speaker(sqlite3_stmt *st, void *row, void *ctx)
{
    (void)ctx;
    speaker_row *r = row;
    r->id = sqlite3_column_int64(st, 0);
    r->name = stmt_text_dup(st, 1);
    r->role = stmt_text_dup(st, 2);
    r->titles = stmt_text_dup(st, 3);
    r->delegation = stmt_text_dup(st, 4);
    r->is_delegate = sqlite3_column_int(st, 5) != 0;
    r->quotes = sqlite3_column_int(st, 6);
}

static ssize_t speakers_rows(sqlite3_stmt *st, speaker_row **rows)
{
    size_t n;
    if (stmt_read_rows(st, sizeof **rows, read_speaker, NULL, (void **)rows,
                       &n))
        return (ssize_t)n;
    speaker_rows_free(*rows, (ssize_t)n);
    *rows = NULL;
    return -1;
}

/* The numbers a statement of speakers rows gives after each row's
   columns, the same in every row. */
typedef struct {
    int64_t *v;
    int n;
} extra_columns;

/* stmt_read_rows callback: a speakers row, then the numbers of columns
   7 on into ctx (an extra_columns). */
static void read_speaker_counted(sqlite3_stmt *st, void *row, void *ctx)
{
    extra_columns *x = ctx;
    read_speaker(st, row, NULL);
    for (int i = 0; i < x->n; i++)
        x->v[i] = sqlite3_column_int64(st, 7 + i);
}

ssize_t speaker_rows_counted(sqlite3_stmt *st, speaker_row **rows,
                             int64_t *extra, int nextra)
{
    extra_columns x = {extra, nextra};
    size_t n;
    bool ok = stmt_read_rows(st, sizeof **rows, read_speaker_counted, &x,
                             (void **)rows, &n);
    if (ok)
        return (ssize_t)n;
    speaker_rows_free(*rows, (ssize_t)n);
    *rows = NULL;
    return -1;
}

#define SPEAKER_COLUMNS \
    "s.id, s.name, s.role, s.titles, s.delegation, s.is_delegate, s.nquotes"

ssize_t db_speakers_page(db *d, size_t offset, size_t limit,
                         speaker_row **rows)
{
    *rows = NULL;
    sqlite3_stmt *st = db_prepare(d, "SELECT " SPEAKER_COLUMNS " FROM "
                                     "speakers s ORDER BY s.nquotes DESC, "
                                     "s.name LIMIT ?1 OFFSET ?2", NULL);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, limit > INT64_MAX ? -1 : (sqlite3_int64)limit);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)offset);
    return speakers_rows(st, rows);
}

int64_t db_speaker_count(db *d)
{
    int64_t n = 0;
    return db_query_int(d, "SELECT count(*) FROM speakers", &n) == 0 ? n : -1;
}

int64_t db_speakers_named(db *d, const char *query)
{
    int64_t *ids;
    ssize_t n = speaker_ids_matching(d, query, &ids);
    free(ids);
    return n;
}

ssize_t db_speakers(db *d, const char *query, speaker_row **rows)
{
    *rows = NULL;
    if (!query || !*query)
        return db_speakers_page(d, 0, SIZE_MAX, rows);
    int64_t *ids;
    ssize_t nids = speaker_ids_matching(d, query, &ids);
    if (nids >= 0 && u8_mbsnlen((const uint8_t *)query, strlen(query)) > 1) {
        /* Their titles and delegation too. */
        size_t cap = (size_t)nids;
        nids = speaker_ids_by_details(d, query, &ids, (size_t)nids, &cap);
        if (nids > 0)
            nids = (ssize_t)ids_unique(ids, (size_t)nids);
    }
    if (nids < 0) {
        free(ids);
        return -1;
    }
    /* The matching speakers, in the order of the whole list. */
    strbuf sql = {0};
    sb_puts(&sql, "SELECT " SPEAKER_COLUMNS " FROM speakers s WHERE s.id IN (");
    sql_append_ids(&sql, ids, (size_t)nids);
    sb_puts(&sql, ") ORDER BY s.nquotes DESC, s.name");
    free(ids);
    sqlite3_stmt *st = db_prepare(d, sql.s, NULL);
    sb_free(&sql);
    return st ? speakers_rows(st, rows) : -1;
}

void speaker_rows_free(speaker_row *rows, ssize_t n)
{
    for (ssize_t i = 0; i < n; i++) {
        free(rows[i].name);
        free(rows[i].role);
        free(rows[i].titles);
        free(rows[i].delegation);
    }
    free(rows);
}
