/* fuzz_speakers.c - libFuzzer target for stage 6a, core/speakers.h.
 *
 * Each line of the (decoded, normalised) input is parsed as a title line
 * and as a speaker heading in every session kind, and name_at() is tried
 * at each of its first characters.  Then the whole input goes through
 * paragraphs, blocks and articles, and speakers_find() runs on the issue.
 * Checked: a parsed person has a name of 2-4 Han characters that occurs
 * in the line as printed, and valid UTF-8 role, titles and delegation;
 * name_at() returns a whole number of characters inside the text; after
 * speakers_find every person has such a name and every section speaker
 * index is valid.  The lexicons come from the source tree's assets.
 */
#include "articles.h"
#include "blocks.h"
#include "fuzz_common.h"
#include "lexicon.h"
#include "paragraphs.h"
#include "speakers.h"

enum { MAX_LINES = 64, MAX_LINE_BYTES = 600, NAME_AT_CHARS = 64 };

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_use_source_assets();
    if (!lexicon_load())
        fuzz_fail("cannot load the lexicons from %s", FUZZ_ASSETS_DIR);
    return 0;
}

/* The longest name the parsers return: a whole name read from its
   position in a heading (巴莫曲布嫫代表——), as long as one part of a
   transliterated name (FOREIGN_PART_MAX_CHARS of names.c). */
#define NAME_MAX_CHARS 5

/* A name is 2 to NAME_MAX_CHARS Han characters. */
static void check_name(const char *name, const char *where)
{
    fuzz_check_utf8("person name", name, strlen(name));
    size_t n = strlen(name), chars = 0;
    for (size_t p = 0; p < n;) {
        uint32_t uc;
        p += utf8_char(name + p, n - p, &uc);
        if (!is_han(uc))
            fuzz_fail("name \"%s\" (%s) has a non-Han character", name,
                      where);
        chars++;
    }
    if (chars < 2 || chars > NAME_MAX_CHARS)
        fuzz_fail("name \"%s\" (%s) has %zu characters", name, where, chars);
}

/* Check a person parsed from line. */
static void check_person(const person *p, const char *line)
{
    if (!p->name)
        fuzz_fail("parsed a person without a name from \"%s\"", line);
    check_name(p->name, line);
    if (!strstr(line, p->name))
        fuzz_fail("name \"%s\" does not occur in \"%s\"", p->name, line);
    if (p->role)
        fuzz_check_utf8("role", p->role, strlen(p->role));
    if (p->titles)
        fuzz_check_utf8("titles", p->titles, strlen(p->titles));
    if (p->delegation)
        fuzz_check_utf8("delegation", p->delegation, strlen(p->delegation));
}

/* Every title/heading parser and name_at on one line. */
static void parse_line(const char *line)
{
    person p;
    if (speaker_parse_title(line, &p))
        check_person(&p, line);
    person_clear(&p);
    for (int sk = SESSION_UNKNOWN; sk <= SESSION_NPC_STANDING; sk++) {
        if (speaker_parse_title_in(line, (session_kind)sk, &p))
            check_person(&p, line);
        person_clear(&p);
        if (speaker_heading_parse(line, (session_kind)sk, &p)) {
            /* A heading whose name is not recognised says nothing else. */
            if (p.name)
                check_person(&p, line);
            else if (p.role || p.titles || p.delegation)
                fuzz_fail("heading without a name has fields: \"%s\"", line);
        }
        person_clear(&p);
    }
    size_t n = strlen(line), chars = 0;
    for (size_t i = 0; i < n && chars < NAME_AT_CHARS; chars++) {
        for (int strength = 1; strength <= 3; strength++) {
            size_t len = name_at(line + i, n - i, strength);
            if (len > n - i ||
                u8_check((const uint8_t *)line + i, len) != NULL)
                fuzz_fail("name_at(%d) gave %zu bytes at %zu of \"%s\"",
                          strength, len, i, line);
        }
        uint32_t uc;
        i += utf8_char(line + i, n - i, &uc);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n;
    char *text = fuzz_clean_text(data, size, &n);
    if (!text)
        return 0;
    char *line = text;
    for (int k = 0; k < MAX_LINES && line && *line; k++) {
        char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        if (len <= MAX_LINE_BYTES) {
            char *copy = xstrndup(line, len);
            parse_line(copy);
            free(copy);
        }
        line = nl ? nl + 1 : NULL;
    }

    block_list bl = {0};
    paragraphs_split(text, &bl);
    free(text);
    blocks_classify(&bl);
    issue is;
    memset(&is, 0, sizeof is);
    issue_derive_metadata(&bl, &is);
    articles_group(&bl, &is);
    block_list_free(&bl);
    (void)speakers_session_kind(&is);
    speakers_find(&is);
    fuzz_check_issue(&is);
    for (size_t p = 0; p < is.npeople; p++)
        check_name(is.people[p].name, "speakers_find");
    for (size_t a = 0; a < is.narticles; a++) {
        char *d = article_delegation(&is.articles[a]);
        if (d)
            fuzz_check_utf8("delegation", d, strlen(d));
        free(d);
    }
    issue_free(&is);
    return 0;
}
