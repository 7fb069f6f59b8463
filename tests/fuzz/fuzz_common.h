/* fuzz_common.h - helpers shared by the libFuzzer targets of tests/fuzz/.
 *
 * Every target takes arbitrary bytes.  Stages that need valid UTF-8 get it
 * the way the program does: text_decode() first, then (for the stages
 * after it) text_normalize().  A broken invariant calls fuzz_fail(), which
 * prints what went wrong and aborts, so that libFuzzer saves the input.
 *
 * This header holds static functions only; each target includes it once.
 */
#ifndef DUBAO_FUZZ_COMMON_H
#define DUBAO_FUZZ_COMMON_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "decode.h"
#include "lexicon.h"
#include "model.h"
#include "normalize.h"
#include "strbuf.h"

#ifndef FUZZ_ASSETS_DIR
#define FUZZ_ASSETS_DIR "assets"
#endif

/* Report a broken invariant and abort (libFuzzer then saves the input). */
static void fuzz_fail(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), noreturn, unused));

static void fuzz_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("FUZZ INVARIANT BROKEN: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

/* Point the asset lookup (lexicons) at the source tree, unless the user
   already chose a directory with DUBAO_ASSETS. */
static void __attribute__((unused)) fuzz_use_source_assets(void)
{
    setenv("DUBAO_ASSETS", FUZZ_ASSETS_DIR, 0);
}

/* Load the lexicons (from the source tree unless DUBAO_ASSETS says
   otherwise) for the targets whose stages need them. */
static void __attribute__((unused)) fuzz_load_lexicons(void)
{
    fuzz_use_source_assets();
    if (!lexicon_load())
        fuzz_fail("cannot load the lexicons from %s", FUZZ_ASSETS_DIR);
}

/* Decode the input as the program does.  Returns the UTF-8 text (heap,
   *len bytes) or NULL when text_decode refuses it. */
static char *__attribute__((unused))
fuzz_decode(const uint8_t *data, size_t size, size_t *len)
{
    decoded_text dec;
    strbuf msg = {0};
    decode_status st = text_decode((const char *)data, size, &dec, &msg);
    sb_free(&msg);
    if (st != DECODE_OK)
        return NULL;
    *len = dec.len;
    return dec.text;
}

/* Decode and normalise the input: what paragraphs_split receives in the
   program.  NULL when text_decode refuses the input. */
static char *__attribute__((unused))
fuzz_clean_text(const uint8_t *data, size_t size, size_t *len)
{
    size_t dlen;
    char *dec = fuzz_decode(data, size, &dlen);
    if (!dec)
        return NULL;
    char *text = text_normalize(dec, dlen, len);
    free(dec);
    return text;
}

/* Check that s[0..n) is valid UTF-8 without NUL bytes. */
static void __attribute__((unused))
fuzz_check_utf8(const char *what, const char *s, size_t n)
{
    if (!s)
        fuzz_fail("%s is NULL", what);
    if (u8_check((const uint8_t *)s, n) != NULL)
        fuzz_fail("%s is not valid UTF-8", what);
    if (memchr(s, '\0', n))
        fuzz_fail("%s contains a NUL byte", what);
}

/* Check every block of l: text valid UTF-8, kind in range. */
static void __attribute__((unused))
fuzz_check_blocks(const char *what, const block_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        const block *b = &l->v[i];
        fuzz_check_utf8(what, b->text, b->text ? strlen(b->text) : 0);
        if ((int)b->kind < 0 || b->kind >= BLOCK_KIND_COUNT)
            fuzz_fail("%s: block %zu has kind %d", what, i, (int)b->kind);
        if (!block_kind_name(b->kind))
            fuzz_fail("%s: block %zu kind %d has no name", what, i,
                      (int)b->kind);
    }
}

/* Check the quotes of article ai: a non-empty range of characters inside
   the article's text (stage 5's, which must be its blocks joined by
   newlines) and text equal to that substring.  The byte offset of every
   character is computed once (a check per quote that walked the text
   would make the harness itself quadratic). */
static void __attribute__((unused))
fuzz_check_article_quotes(const issue *is, size_t ai)
{
    const article *ar = &is->articles[ai];
    char *text = NULL;
    size_t *at = NULL, chars = 0;
    for (size_t q = 0; q < is->nquotes; q++) {
        const quote *qu = &is->quotes[q];
        if (qu->article != ai)
            continue;
        if (!text) {
            text = article_text(ar);
            if (!ar->text || strcmp(ar->text, text) != 0)
                fuzz_fail("article %zu's text is not its blocks", ai);
            size_t n = strlen(text);
            at = xmalloc((n + 1) * sizeof *at);
            for (size_t i = 0; i < n; chars++) {
                at[chars] = i;
                int len = u8_mblen((const uint8_t *)text + i, n - i);
                i += len > 0 ? (size_t)len : 1;
            }
            at[chars] = n;
        }
        if (qu->block >= ar->blocks.n)
            fuzz_fail("quote %zu at block %zu of %zu", q, qu->block,
                      ar->blocks.n);
        if (!qu->text)
            fuzz_fail("quote %zu has no text", q);
        if (qu->start >= qu->end || qu->end > chars)
            fuzz_fail("quote %zu spans chars [%zu, %zu) of %zu", q,
                      qu->start, qu->end, chars);
        size_t from = at[qu->start], len = at[qu->end] - from;
        if (strlen(qu->text) != len || memcmp(text + from, qu->text, len))
            fuzz_fail("quote %zu text \"%s\" is not article chars [%zu, %zu)",
                      q, qu->text, qu->start, qu->end);
    }
    free(text);
    free(at);
}

/* Check the invariants of a parsed issue that every stage after
   articles_group must keep: articles with valid blocks, sections, people
   and quotes pointing inside their arrays, and each quote's text being
   the exact substring of the article's text that its character offsets
   name. */
static void __attribute__((unused)) fuzz_check_issue(const issue *is)
{
    if (is->date && strlen(is->date) != 10)
        fuzz_fail("issue date \"%s\" is not YYYY-MM-DD", is->date);
    for (size_t a = 0; a < is->narticles; a++) {
        const article *ar = &is->articles[a];
        if (ar->headline)
            fuzz_check_utf8("headline", ar->headline, strlen(ar->headline));
        fuzz_check_blocks("article block", &ar->blocks);
        for (size_t s = 0; s < ar->nsections; s++) {
            const section *sec = &ar->sections[s];
            if (sec->first_block >= ar->blocks.n)
                fuzz_fail("article %zu section %zu starts at block %zu of "
                          "%zu", a, s, sec->first_block, ar->blocks.n);
            if (sec->speaker < -1 || (sec->speaker >= 0 &&
                                      (size_t)sec->speaker >= is->npeople))
                fuzz_fail("article %zu section %zu speaker %d of %zu", a, s,
                          sec->speaker, is->npeople);
        }
    }
    for (size_t p = 0; p < is->npeople; p++) {
        const person *pe = &is->people[p];
        if (!pe->name || !*pe->name)
            fuzz_fail("person %zu has no name", p);
        fuzz_check_utf8("person name", pe->name, strlen(pe->name));
    }
    for (size_t q = 0; q < is->nquotes; q++) {
        const quote *qu = &is->quotes[q];
        if (qu->article >= is->narticles)
            fuzz_fail("quote %zu in article %zu of %zu", q, qu->article,
                      is->narticles);
        if (qu->speaker < -1 ||
            (qu->speaker >= 0 && (size_t)qu->speaker >= is->npeople))
            fuzz_fail("quote %zu speaker %d of %zu", q, qu->speaker,
                      is->npeople);
        if (qu->text)
            fuzz_check_utf8("quote text", qu->text, strlen(qu->text));
    }
    for (size_t a = 0; a < is->narticles; a++)
        fuzz_check_article_quotes(is, a);
}

/* Append a description of everything parsed into is to out (to compare
   two parses of the same bytes). */
static void __attribute__((unused))
fuzz_issue_digest(const issue *is, strbuf *out)
{
    sb_printf(out, "%s|%s|%s\n", is->paper ? is->paper : "-",
              is->date ? is->date : "-", is->edition ? is->edition : "-");
    for (size_t a = 0; a < is->narticles; a++) {
        const article *ar = &is->articles[a];
        sb_printf(out, "A %s\n", ar->headline ? ar->headline : "-");
        for (size_t b = 0; b < ar->blocks.n; b++)
            sb_printf(out, " B %d %d %d %u %s\n", (int)ar->blocks.v[b].kind,
                      ar->blocks.v[b].line, ar->blocks.v[b].level,
                      ar->blocks.v[b].flags, ar->blocks.v[b].text);
        for (size_t s = 0; s < ar->nsections; s++)
            sb_printf(out, " S %zu %d\n", ar->sections[s].first_block,
                      ar->sections[s].speaker);
    }
    for (size_t p = 0; p < is->npeople; p++)
        sb_printf(out, "P %s %s %s %s %d\n", is->people[p].name,
                  is->people[p].role ? is->people[p].role : "-",
                  is->people[p].titles ? is->people[p].titles : "-",
                  is->people[p].delegation ? is->people[p].delegation : "-",
                  (int)is->people[p].is_delegate);
    for (size_t q = 0; q < is->nquotes; q++)
        sb_printf(out, "Q %zu %zu %zu %zu %d %d %s\n", is->quotes[q].article,
                  is->quotes[q].block, is->quotes[q].start, is->quotes[q].end,
                  (int)is->quotes[q].kind, is->quotes[q].speaker,
                  is->quotes[q].text);
}

#endif
