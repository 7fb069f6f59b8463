/* lexicon.c - load the word lists of assets/lexicon/ and look words up.
 *
 * Each list is a small open-addressing hash set of UTF-8 strings (with
 * the value printed after each word, if any) plus the length, in
 * characters, of its longest word, so a prefix or suffix lookup tries at
 * most that many lengths.
 */
#include "lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "paths.h"
#include "strbuf.h"

typedef struct {
    char **slots;     /* cap slots, NULL when empty */
    size_t *lens;     /* byte length of each slot's word */
    char **values;    /* what follows the word on its line, or NULL */
    size_t cap;
    size_t n;
    size_t maxchars;  /* longest word, in characters */
    /* Bit c is set when some word starts with code point c (< 0x10000);
       lex_prefix rejects most text positions with one lookup. */
    uint8_t first[0x10000 / 8];
    bool astral_first; /* some word starts beyond the BMP */
} wordset;

/* Lookups try words of at most this many characters (the longest word of
   any list is far shorter). */
enum { WINDOW_CHARS = 32 };

static wordset sets[LEX_KIND_COUNT];
static int load_state; /* 0 not tried, 1 loaded, -1 failed */

static const char *const lex_files[LEX_KIND_COUNT] = {
    [LEX_SURNAME] = "surnames.txt",
    [LEX_SPEECH_VERB] = "speech_verbs.txt",
    [LEX_NOT_SPEECH] = "not_speech.txt",
    [LEX_ROLE] = "roles.txt",
    [LEX_TITLE_WORD] = "title_words.txt",
    [LEX_SUFFIX_TITLE] = "suffix_titles.txt",
    [LEX_NAME_FOLLOWER] = "name_followers.txt",
    [LEX_NOT_NAME] = "not_names.txt",
    [LEX_WORD_SURNAME] = "word_surnames.txt",
    [LEX_BYLINE_ROLE] = "byline_roles.txt",
    [LEX_REPORTER_QUALIFIER] = "reporter_qualifiers.txt",
    [LEX_GROUP_BYLINE] = "group_bylines.txt",
    [LEX_OUTLET_ENDING] = "outlet_endings.txt",
    [LEX_PAPER_ENDING] = "paper_endings.txt",
    [LEX_CONTINUATION_VERB] = "continuation_verbs.txt",
    [LEX_DIAN_WORD] = "dian_words.txt",
    [LEX_BANNER_WORD] = "banner_words.txt",
    [LEX_EDITOR_START] = "editor_starts.txt",
    [LEX_EDITOR_MARK] = "editor_marks.txt",
    [LEX_COPYRIGHT_WORD] = "copyright_words.txt",
    [LEX_DATELINE_WORD] = "dateline_words.txt",
    [LEX_CAPTION_START] = "caption_starts.txt",
    [LEX_CAPTION_WORD] = "caption_words.txt",
    [LEX_STAFF_WORD] = "staff_words.txt",
    [LEX_ROLE_SUFFIX] = "role_suffixes.txt",
    [LEX_NOT_ROLE_SUFFIX] = "not_role_suffix.txt",
    [LEX_SPEECH_EVENT] = "speech_events.txt",
    [LEX_ROLE_CLASS] = "role_classes.txt",
    [LEX_NOT_IN_NAME] = "not_in_name.txt",
    [LEX_DELEGATION_STOP] = "delegation_stops.txt",
    [LEX_SESSION_CUE] = "session_cues.txt",
    [LEX_TITLE_LEAD] = "title_leads.txt",
    [LEX_PREPOSITION] = "prepositions.txt",
    [LEX_FRAME_WORD] = "frame_words.txt",
    [LEX_UNNAMED_SPEAKER] = "unnamed_speakers.txt",
    [LEX_NOUN_MARKER] = "noun_markers.txt",
    [LEX_SPEECH_OBJECT] = "speech_objects.txt",
    [LEX_LEAD_MARK] = "lead_marks.txt",
    [LEX_INFO_LABEL] = "info_labels.txt",
    [LEX_AUTHOR_NOTE] = "author_notes.txt",
    [LEX_TURN_LABEL] = "turn_labels.txt",
    [LEX_CLAUSE_VERB] = "clause_verbs.txt",
    [LEX_MEASURE_WORD] = "measure_words.txt",
    [LEX_TRANSLIT_CHAR] = "translit_chars.txt",
    [LEX_ETHNIC_NAME_CHAR] = "ethnic_name_chars.txt",
    [LEX_FOREIGN_PLACE] = "foreign_places.txt",
    [LEX_PART_LABEL] = "part_labels.txt",
    [LEX_HEADCOUNT_WORD] = "headcount_words.txt",
    [LEX_PLACE_ENDING] = "place_endings.txt",
    [LEX_CITED_WORD] = "cited_words.txt",
    [LEX_OCCASION_END] = "occasion_endings.txt",
    [LEX_OCCASION_OPEN] = "occasion_openers.txt",
    [LEX_PROPOSER_LABEL] = "proposer_labels.txt",
    [LEX_BODY_ENDING] = "body_endings.txt",
    [LEX_WORDS_OPENER] = "words_openers.txt",
};

const char *lex_file_name(lex_kind k)
{
    return (int)k >= 0 && k < LEX_KIND_COUNT ? lex_files[k] : "";
}

/* FNV-1a over n bytes: cheap and good enough for a few hundred words. */
static size_t hash_bytes(const char *s, size_t n)
{
    size_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

/* Slot where s[0..n) is or would go (the set is never full). */
static size_t wordset_slot(const wordset *ws, const char *s, size_t n)
{
    size_t i = hash_bytes(s, n) & (ws->cap - 1);
    while (ws->slots[i]) {
        if (ws->lens[i] == n && memcmp(ws->slots[i], s, n) == 0)
            break;
        i = (i + 1) & (ws->cap - 1);
    }
    return i;
}

/* Double the table (keeping it at most half full). */
static void wordset_grow(wordset *ws)
{
    char **old_slots = ws->slots, **old_values = ws->values;
    size_t *old_lens = ws->lens, old_cap = ws->cap;
    ws->cap = old_cap ? old_cap * 2 : 64;
    ws->slots = xcalloc(ws->cap, sizeof *ws->slots);
    ws->lens = xcalloc(ws->cap, sizeof *ws->lens);
    ws->values = xcalloc(ws->cap, sizeof *ws->values);
    for (size_t i = 0; i < old_cap; i++) {
        if (!old_slots[i])
            continue;
        size_t j = wordset_slot(ws, old_slots[i], old_lens[i]);
        ws->slots[j] = old_slots[i];
        ws->lens[j] = old_lens[i];
        ws->values[j] = old_values[i];
    }
    free(old_slots);
    free(old_lens);
    free(old_values);
}

/* Add s[0..n) with its value (NULL for none; copied).  A word listed
   twice keeps its first value. */
static void wordset_add(wordset *ws, const char *s, size_t n,
                        const char *value, size_t vn)
{
    if ((ws->n + 1) * 2 > ws->cap)
        wordset_grow(ws);
    size_t i = wordset_slot(ws, s, n);
    if (ws->slots[i])
        return;
    ws->slots[i] = xstrndup(s, n);
    ws->lens[i] = n;
    ws->values[i] = value ? xstrndup(value, vn) : NULL;
    ws->n++;
    size_t chars = utf8_count(s, n);
    if (chars > ws->maxchars)
        ws->maxchars = chars;
    uint32_t uc;
    if (n && utf8_char(s, n, &uc)) {
        if (uc < 0x10000)
            ws->first[uc >> 3] |= (uint8_t)(1u << (uc & 7));
        else
            ws->astral_first = true;
    }
}

static bool wordset_has(const wordset *ws, const char *s, size_t n)
{
    if (!ws->cap || n == 0)
        return false;
    return ws->slots[wordset_slot(ws, s, n)] != NULL;
}

/* The value of word s[0..n), or NULL (no such word, or no value). */
static const char *wordset_value(const wordset *ws, const char *s, size_t n)
{
    if (!ws->cap || n == 0)
        return NULL;
    return ws->values[wordset_slot(ws, s, n)];
}

static void wordset_free(wordset *ws)
{
    for (size_t i = 0; i < ws->cap; i++) {
        free(ws->slots[i]);
        free(ws->values[i]);
    }
    free(ws->slots);
    free(ws->lens);
    free(ws->values);
    memset(ws, 0, sizeof *ws);
}

/* Read one list file: a word a line, then optionally spaces and its
   value; blank lines and # comments skipped, surrounding spaces trimmed.
   Returns false if it cannot be opened. */
static bool wordset_load_file(wordset *ws, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        size_t n = strcspn(line, "#\r\n");
        while (n && (line[n - 1] == ' ' || line[n - 1] == '\t'))
            n--;
        size_t s = 0;
        while (s < n && (line[s] == ' ' || line[s] == '\t'))
            s++;
        size_t e = s + strcspn(line + s, " \t#\r\n");
        if (e > n)
            e = n;
        size_t v = e;
        while (v < n && (line[v] == ' ' || line[v] == '\t'))
            v++;
        if (s < e)
            wordset_add(ws, line + s, e - s, v < n ? line + v : NULL, n - v);
    }
    fclose(f);
    return true;
}

static void lexicon_clear(void)
{
    for (int k = 0; k < LEX_KIND_COUNT; k++)
        wordset_free(&sets[k]);
}

bool lexicon_load_from(const char *dir)
{
    lexicon_clear();
    for (int k = 0; k < LEX_KIND_COUNT; k++) {
        strbuf path = {0};
        sb_printf(&path, "%s/%s", dir, lex_files[k]);
        bool ok = wordset_load_file(&sets[k], path.s);
        sb_free(&path);
        if (!ok) {
            lexicon_clear();
            load_state = -1;
            return false;
        }
    }
    load_state = 1;
    return true;
}

bool lexicon_load(void)
{
    if (load_state)
        return load_state > 0;
    char *dir = dubao_asset_path("lexicon");
    bool ok = lexicon_load_from(dir);
    free(dir);
    return ok;
}

bool lexicon_fingerprint(char out[17])
{
    char *dir = dubao_asset_path("lexicon");
    uint64_t h = FNV1A64_START;
    bool ok = true;
    for (int k = 0; ok && k < LEX_KIND_COUNT; k++) {
        strbuf path = {0};
        sb_printf(&path, "%s/%s", dir, lex_files[k]);
        size_t len = 0;
        char *bytes = read_whole_file(path.s, 0, &len);
        ok = bytes != NULL;
        h = fnv1a64(h, lex_files[k], strlen(lex_files[k]) + 1);
        if (bytes)
            h = fnv1a64(h, bytes, len);
        free(bytes);
        sb_free(&path);
    }
    free(dir);
    snprintf(out, 17, "%016llx", (unsigned long long)h);
    return ok;
}

bool lex_has(lex_kind k, const char *s, size_t n)
{
    if (!lexicon_load())
        return false;
    return wordset_has(&sets[k], s, n);
}

size_t lex_prefix(lex_kind k, const char *s, size_t n)
{
    if (!lexicon_load())
        return 0;
    const wordset *ws = &sets[k];
    uint32_t uc;
    if (n == 0 || !utf8_char(s, n, &uc))
        return 0;
    if (uc < 0x10000 ? !(ws->first[uc >> 3] & (1u << (uc & 7)))
                     : !ws->astral_first)
        return 0;
    /* Byte lengths of the first 1..maxchars characters, in one pass. */
    size_t ends[WINDOW_CHARS];
    size_t count = 0, pos = 0;
    while (pos < n && count < ws->maxchars && count < WINDOW_CHARS) {
        size_t l = utf8_char(s + pos, n - pos, &uc);
        pos += l ? l : 1;
        ends[count++] = pos;
    }
    for (size_t c = count; c > 0; c--)
        if (wordset_has(ws, s, ends[c - 1]))
            return ends[c - 1];
    return 0;
}

size_t lex_suffix(lex_kind k, const char *s, size_t n)
{
    if (!lexicon_load())
        return 0;
    const wordset *ws = &sets[k];
    size_t starts[WINDOW_CHARS];
    size_t count = 0, pos = n;
    while (pos > 0 && count < ws->maxchars && count < WINDOW_CHARS) {
        pos -= utf8_prev_len(s, pos);
        starts[count++] = pos;
    }
    for (size_t c = count; c > 0; c--) {
        size_t st = starts[c - 1];
        if (wordset_has(ws, s + st, n - st))
            return n - st;
    }
    return 0;
}

const char *lex_value(lex_kind k, const char *s, size_t n)
{
    if (!lexicon_load())
        return NULL;
    return wordset_value(&sets[k], s, n);
}

/* ---- code-point arrays ------------------------------------------------- */

/* Encode u[0..k) (k <= WINDOW_CHARS) into buf; ends[i] gets the byte
   length of the first i + 1 characters.  Returns the byte length. */
static size_t encode_window(const uint32_t *u, size_t k, char *buf,
                            size_t *ends)
{
    size_t len = 0;
    for (size_t i = 0; i < k; i++) {
        int m = u8_uctomb((uint8_t *)buf + len, u[i], 6);
        len += m > 0 ? (size_t)m : 0;
        ends[i] = len;
    }
    return len;
}

/* The number of characters among ends[0..k) that make byte length len. */
static size_t chars_of(const size_t *ends, size_t k, size_t len)
{
    for (size_t i = 0; i < k; i++)
        if (ends[i] == len)
            return i + 1;
    return 0;
}

size_t lex_prefix_u(lex_kind k, const uint32_t *u, size_t n)
{
    if (n == 0 || !lexicon_load())
        return 0;
    const wordset *ws = &sets[k];
    uint32_t c = u[0];
    if (c < 0x10000 ? !(ws->first[c >> 3] & (1u << (c & 7)))
                    : !ws->astral_first)
        return 0;
    size_t w = n < ws->maxchars ? n : ws->maxchars;
    if (w > WINDOW_CHARS)
        w = WINDOW_CHARS;
    char buf[WINDOW_CHARS * 6];
    size_t ends[WINDOW_CHARS];
    size_t len = encode_window(u, w, buf, ends);
    return chars_of(ends, w, lex_prefix(k, buf, len));
}

size_t lex_suffix_u(lex_kind k, const uint32_t *u, size_t n)
{
    if (n == 0 || !lexicon_load())
        return 0;
    size_t w = n < sets[k].maxchars ? n : sets[k].maxchars;
    if (w > WINDOW_CHARS)
        w = WINDOW_CHARS;
    char buf[WINDOW_CHARS * 6];
    size_t ends[WINDOW_CHARS];
    size_t len = encode_window(u + n - w, w, buf, ends);
    size_t found = lex_suffix(k, buf, len);
    if (!found)
        return 0;
    /* The suffix starts at byte len - found: count the characters after. */
    return w - chars_of(ends, w, len - found);
}

bool lex_has_u(lex_kind k, const uint32_t *u, size_t n)
{
    return n > 0 && lex_prefix_u(k, u, n) == n;
}

const char *lex_value_u(lex_kind k, const uint32_t *u, size_t n)
{
    if (n == 0 || n > WINDOW_CHARS)
        return NULL;
    char buf[WINDOW_CHARS * 6];
    size_t ends[WINDOW_CHARS];
    size_t len = encode_window(u, n, buf, ends);
    return lex_value(k, buf, len);
}

size_t lex_find_u(lex_kind k, const uint32_t *u, size_t n, size_t from,
                  size_t *len)
{
    for (size_t i = from; i < n; i++) {
        size_t m = lex_prefix_u(k, u + i, n - i);
        if (m) {
            if (len)
                *len = m;
            return i;
        }
    }
    if (len)
        *len = 0;
    return n;
}
