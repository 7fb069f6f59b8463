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

/* The filters of first and last characters have this many bits. */
#define CHAR_KEYS 0x10000

/* A key of CHAR_KEYS values for the bytes s[0..len) of one character:
   a hash of the bytes as they are, so that filtering costs no decoding. */
static unsigned char_key(const char *s, size_t len)
{
    unsigned h = 0;
    for (size_t i = 0; i < len; i++)
        h = h * 131u + (unsigned char)s[i];
    return h & (CHAR_KEYS - 1);
}

/* Byte length of the first character of s[0..n) as its lead byte tells
   (1 for a byte that leads nothing), at most n.  Not utf8_chars_len nor
   utf8_prev_len (below): those decode and validate the character, and
   these filters run at nearly every position of every text (callgrind of
   an index: 1.14 G instructions with them, 1.03 G with these); a key
   that a bad byte gets wrong only lets the lookup go on. */
static size_t first_char_bytes(const char *s, size_t n)
{
    unsigned char b = (unsigned char)s[0];
    size_t len = b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    return len < n ? len : n;
}

/* Byte length of the last character of s[0..n): the last byte and the
   continuation bytes (10xxxxxx) before it, at most four in all. */
static size_t last_char_bytes(const char *s, size_t n)
{
    size_t len = 1;
    while (len < n && len < 4 && ((unsigned char)s[n - len] & 0xC0) == 0x80)
        len++;
    return len;
}

/* What a slot's string is: a word of the list, and/or the start or the
   end of a longer one.  lex_prefix and lex_suffix walk a text one
   character at a time and stop as soon as what they have read starts
   (ends) no word: most positions cost one or two lookups, whatever the
   longest word. */
enum { SLOT_WORD = 1, SLOT_PREFIX = 2, SLOT_SUFFIX = 4 };

typedef struct {
    char **slots;     /* cap slots, NULL when empty */
    size_t *lens;     /* byte length of each slot's string */
    char **values;    /* what follows the word on its line, or NULL */
    uint8_t *kinds;   /* SLOT_* bits of each slot */
    size_t cap;
    size_t n;         /* slots in use: words, prefixes and suffixes */
    size_t maxchars;  /* longest word, in characters */
    /* Bit char_key(c) is set when some word starts (ends) with the
       character c: lex_prefix (lex_suffix) rejects most text positions
       with one lookup, before reading any character. */
    uint8_t first[CHAR_KEYS / 8];
    uint8_t last[CHAR_KEYS / 8];
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
    [LEX_NAME_END_ADVERB] = "name_end_adverbs.txt",
    [LEX_ASK_VERB] = "ask_verbs.txt",
    [LEX_DOCUMENT_WORD] = "document_words.txt",
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
    uint8_t *old_kinds = ws->kinds;
    ws->cap = old_cap ? old_cap * 2 : 64;
    ws->slots = xcalloc(ws->cap, sizeof *ws->slots);
    ws->lens = xcalloc(ws->cap, sizeof *ws->lens);
    ws->values = xcalloc(ws->cap, sizeof *ws->values);
    ws->kinds = xcalloc(ws->cap, sizeof *ws->kinds);
    for (size_t i = 0; i < old_cap; i++) {
        if (!old_slots[i])
            continue;
        size_t j = wordset_slot(ws, old_slots[i], old_lens[i]);
        ws->slots[j] = old_slots[i];
        ws->lens[j] = old_lens[i];
        ws->values[j] = old_values[i];
        ws->kinds[j] = old_kinds[i];
    }
    free(old_slots);
    free(old_lens);
    free(old_values);
    free(old_kinds);
}

/* The slot of s[0..n), added (with no kind yet) when it is not there. */
static size_t wordset_put(wordset *ws, const char *s, size_t n)
{
    if ((ws->n + 1) * 2 > ws->cap)
        wordset_grow(ws);
    size_t i = wordset_slot(ws, s, n);
    if (!ws->slots[i]) {
        ws->slots[i] = xstrndup(s, n);
        ws->lens[i] = n;
        ws->n++;
    }
    return i;
}

/* Add s[0..n) with its value (NULL for none; copied), and mark its
   proper prefixes and suffixes as such.  A word listed twice keeps its
   first value. */
static void wordset_add(wordset *ws, const char *s, size_t n,
                        const char *value, size_t vn)
{
    size_t i = wordset_put(ws, s, n);
    if (ws->kinds[i] & SLOT_WORD)
        return;
    ws->kinds[i] |= SLOT_WORD;
    ws->values[i] = value ? xstrndup(value, vn) : NULL;
    for (size_t p = utf8_chars_len(s, n, 1); p < n;
         p += utf8_chars_len(s + p, n - p, 1)) {
        /* wordset_put may grow the table: the slot first, then kinds */
        size_t head = wordset_put(ws, s, p);
        ws->kinds[head] |= SLOT_PREFIX;
        size_t tail = wordset_put(ws, s + p, n - p);
        ws->kinds[tail] |= SLOT_SUFFIX;
    }
    size_t chars = utf8_count(s, n);
    if (chars > ws->maxchars)
        ws->maxchars = chars;
    unsigned f = char_key(s, first_char_bytes(s, n));
    unsigned l = char_key(s + n - last_char_bytes(s, n), last_char_bytes(s, n));
    ws->first[f >> 3] |= (uint8_t)(1u << (f & 7));
    ws->last[l >> 3] |= (uint8_t)(1u << (l & 7));
}

/* The SLOT_* bits of s[0..n): 0 when it neither is nor starts nor ends
   a word of the list. */
static unsigned wordset_kind(const wordset *ws, const char *s, size_t n)
{
    if (!ws->cap || n == 0)
        return 0;
    size_t i = wordset_slot(ws, s, n);
    return ws->slots[i] ? ws->kinds[i] : 0;
}

static bool wordset_has(const wordset *ws, const char *s, size_t n)
{
    return (wordset_kind(ws, s, n) & SLOT_WORD) != 0;
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
    free(ws->kinds);
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
    if (n == 0)
        return 0;
    unsigned f = char_key(s, first_char_bytes(s, n));
    if (!(ws->first[f >> 3] & (1u << (f & 7))))
        return 0;
    uint32_t uc;
    /* Longer and longer starts of s, while they start a word: the last
       that is one is the longest word s starts with. */
    size_t best = 0, pos = 0;
    for (size_t count = 0;
         pos < n && count < ws->maxchars && count < WINDOW_CHARS; count++) {
        size_t l = utf8_char(s + pos, n - pos, &uc);
        pos += l ? l : 1;
        unsigned kind = wordset_kind(ws, s, pos);
        if (kind & SLOT_WORD)
            best = pos;
        if (!(kind & SLOT_PREFIX))
            break;
    }
    return best;
}

size_t lex_suffix(lex_kind k, const char *s, size_t n)
{
    if (!lexicon_load())
        return 0;
    const wordset *ws = &sets[k];
    if (n == 0)
        return 0;
    unsigned l = char_key(s + n - last_char_bytes(s, n), last_char_bytes(s, n));
    if (!(ws->last[l >> 3] & (1u << (l & 7))))
        return 0;
    /* Longer and longer ends of s, while they end a word. */
    size_t best = 0, pos = n;
    for (size_t count = 0;
         pos > 0 && count < ws->maxchars && count < WINDOW_CHARS; count++) {
        pos -= utf8_prev_len(s, pos);
        unsigned kind = wordset_kind(ws, s + pos, n - pos);
        if (kind & SLOT_WORD)
            best = n - pos;
        if (!(kind & SLOT_SUFFIX))
            break;
    }
    return best;
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
