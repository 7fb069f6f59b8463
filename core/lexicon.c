/* lexicon.c - load the speaker/quote word lists and look words up.
 *
 * Each list is a small open-addressing hash set of UTF-8 strings plus the
 * length, in characters, of its longest word, so a prefix or suffix lookup
 * tries at most that many lengths.
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
    size_t cap;
    size_t n;
    size_t maxchars;  /* longest word, in characters */
    /* Bit c is set when some word starts with code point c (< 0x10000);
       lex_prefix rejects most text positions with one lookup. */
    uint8_t first[0x10000 / 8];
    bool astral_first; /* some word starts beyond the BMP */
} wordset;

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
};

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
    char **old_slots = ws->slots;
    size_t *old_lens = ws->lens, old_cap = ws->cap;
    ws->cap = old_cap ? old_cap * 2 : 64;
    ws->slots = xcalloc(ws->cap, sizeof *ws->slots);
    ws->lens = xcalloc(ws->cap, sizeof *ws->lens);
    for (size_t i = 0; i < old_cap; i++) {
        if (!old_slots[i])
            continue;
        size_t j = wordset_slot(ws, old_slots[i], old_lens[i]);
        ws->slots[j] = old_slots[i];
        ws->lens[j] = old_lens[i];
    }
    free(old_slots);
    free(old_lens);
}

static void wordset_add(wordset *ws, const char *s, size_t n)
{
    if ((ws->n + 1) * 2 > ws->cap)
        wordset_grow(ws);
    size_t i = wordset_slot(ws, s, n);
    if (ws->slots[i])
        return;
    ws->slots[i] = xstrndup(s, n);
    ws->lens[i] = n;
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

static void wordset_free(wordset *ws)
{
    for (size_t i = 0; i < ws->cap; i++)
        free(ws->slots[i]);
    free(ws->slots);
    free(ws->lens);
    memset(ws, 0, sizeof *ws);
}

/* Read one list file: a word a line, blank lines and # comments skipped,
   surrounding spaces trimmed.  Returns false if it cannot be opened. */
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
        if (s < n)
            wordset_add(ws, line + s, n - s);
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
    size_t ends[64];
    size_t count = 0, pos = 0;
    while (pos < n && count < ws->maxchars && count < 64) {
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
    size_t starts[32];
    size_t count = 0, pos = n;
    while (pos > 0 && count < ws->maxchars && count < 32) {
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
