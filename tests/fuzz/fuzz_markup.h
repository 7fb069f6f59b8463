/* fuzz_markup.h - checks shared by the targets of the markup readers
 * (fuzz_markdown, fuzz_html, fuzz_feed): what a reader hands over, what
 * markup.c builds from it, and that the same bytes read twice give the
 * same issue; and the targets' LLVMFuzzerInitialize (the lexicons).  Each
 * target includes it once, after fuzz_common.h.
 */
#ifndef DUBAO_FUZZ_MARKUP_H
#define DUBAO_FUZZ_MARKUP_H

#include "evidence.h"
#include "lexicon.h"
#include "markup.h"
#include "quotes.h"
#include "sniff.h"
#include "speakers.h"

/* The lexicons the later stages need, from the source tree. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_load_lexicons();
    return 0;
}

/* A date is YYYY-MM-DD of a real day. */
static void __attribute__((unused)) fuzz_check_date(const char *what, const char *d)
{
    if (!d)
        return;
    char again[11];
    if (strlen(d) != 10 || d[4] != '-' || d[7] != '-' ||
        !evidence_date(d, again) || strcmp(again, d) != 0)
        fuzz_fail("%s \"%s\" is not a valid YYYY-MM-DD", what, d);
}

/* A page label is an optional capital letter and two or three digits. */
static void __attribute__((unused)) fuzz_check_page(const char *what, const char *p)
{
    if (!p)
        return;
    const char *s = p;
    if (*s >= 'A' && *s <= 'Z')
        s++;
    size_t digits = strspn(s, "0123456789");
    if ((digits != 2 && digits != 3) || s[digits] != '\0')
        fuzz_fail("%s \"%s\" is not a page label", what, p);
}

/* Text taken from the file and shown to the user: valid UTF-8 on one
   line, with no control character, DEL, C1 control or escape. */
static void __attribute__((unused)) fuzz_check_shown(const char *what, const char *s)
{
    if (!s)
        return;
    size_t n = strlen(s);
    fuzz_check_utf8(what, s, n);
    for (const uint8_t *p = (const uint8_t *)s; *p;) {
        ucs4_t c;
        int len = u8_mbtouc(&c, p, n - (size_t)(p - (const uint8_t *)s));
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
            fuzz_fail("%s holds the control character U+%04X", what,
                      (unsigned)c);
        p += len > 0 ? len : 1;
    }
}

/* What a reader handed over: texts valid UTF-8, levels and flags in
   range, evidence well formed. */
static void __attribute__((unused)) fuzz_check_doc(const markup_doc *doc)
{
    const doc_evidence *evs[1 + 4096];
    size_t nev = 0;
    evs[nev++] = &doc->ev;
    for (size_t i = 0; i < doc->narticles; i++) {
        const markup_article *a = &doc->articles[i];
        if (a->headline)
            fuzz_check_utf8("markup headline", a->headline,
                            strlen(a->headline));
        for (size_t k = 0; k < a->body.n; k++) {
            const block *b = &a->body.v[k];
            fuzz_check_utf8("markup paragraph", b->text, strlen(b->text));
            if (b->kind != BLOCK_BODY || b->level < 0 || b->level > 6)
                fuzz_fail("markup paragraph %zu: kind %d level %d", k,
                          (int)b->kind, b->level);
        }
        if (nev < sizeof evs / sizeof *evs)
            evs[nev++] = &a->ev;
    }
    for (size_t i = 0; i < nev; i++) {
        fuzz_check_date("markup date", evs[i]->date);
        fuzz_check_page("markup page", evs[i]->page);
    }
    for (size_t i = 0; i < doc->warnings.n; i++)
        fuzz_check_shown("warning", doc->warnings.v[i]);
}

/* The issue built from a doc: the common checks, and its evidence (and
   each article's) shown safely and well formed. */
static void __attribute__((unused)) fuzz_check_markup_issue(const issue *is)
{
    fuzz_check_issue(is);
    fuzz_check_date("issue date", is->date);
    fuzz_check_page("issue page", is->page);
    fuzz_check_shown("issue paper", is->paper);
    fuzz_check_shown("issue page name", is->page_name);
    for (size_t a = 0; a < is->narticles; a++) {
        const article *ar = &is->articles[a];
        fuzz_check_shown("headline", ar->headline);
        fuzz_check_date("article date", ar->date);
        fuzz_check_page("article page", ar->page);
        fuzz_check_shown("article paper", ar->paper);
        fuzz_check_shown("article page name", ar->page_name);
        for (size_t b = 0; b < ar->blocks.n; b++)
            fuzz_check_shown("block", ar->blocks.v[b].text);
    }
    for (size_t w = 0; w < is->warnings.n; w++)
        fuzz_check_shown("warning", is->warnings.v[w]);
}

/* Decode the input against the charset its markup declares (declared,
   consumed; may be NULL), as the program does: the message shows no
   control character, a refusal leaves no text, accepted text is valid
   UTF-8.  Returns the text (heap, *len bytes) or NULL when refused. */
static char *__attribute__((unused))
fuzz_decode_declared(const uint8_t *data, size_t size, char *declared,
                     size_t *len)
{
    if (declared)
        fuzz_check_utf8("declared charset", declared, strlen(declared));
    decoded_text dec;
    strbuf msg = {0};
    decode_status st = decode_declared((const char *)data, size, declared,
                                       &dec, &msg);
    free(declared);
    fuzz_check_shown("charset message", msg.s);
    sb_free(&msg);
    if (st != DECODE_OK) {
        if (dec.text)
            fuzz_fail("refused input left text");
        return NULL;
    }
    fuzz_check_utf8("decoded text", dec.text, dec.len);
    *len = dec.len;
    return dec.text;
}

/* Read the text with read(), check what it gives, build the issue and
   run the later stages; the digest of the result goes to digest. */
static void __attribute__((unused)) fuzz_read_and_check(doc_format format,
                                void (*read)(const char *, size_t,
                                             markup_doc *),
                                const char *text, size_t len, strbuf *digest)
{
    markup_doc doc = {0};
    doc.format = format;
    read(text, len, &doc);
    fuzz_check_doc(&doc);
    issue is;
    markup_build_issue(&doc, "fuzz", &is);
    speakers_find(&is);
    quotes_extract(&is);
    fuzz_check_markup_issue(&is);
    fuzz_issue_digest(&is, digest);
    for (size_t a = 0; a < is.narticles; a++)
        sb_printf(digest, "E %s %s %s %s\n",
                  is.articles[a].paper ? is.articles[a].paper : "-",
                  is.articles[a].date ? is.articles[a].date : "-",
                  is.articles[a].page ? is.articles[a].page : "-",
                  is.articles[a].page_name ? is.articles[a].page_name : "-");
    issue_free(&is);
}

/* Read the text twice; the two results must be the same. */
static void __attribute__((unused)) fuzz_read_twice(doc_format format,
                            void (*read)(const char *, size_t, markup_doc *),
                            const char *text, size_t len)
{
    strbuf d1 = {0}, d2 = {0};
    fuzz_read_and_check(format, read, text, len, &d1);
    fuzz_read_and_check(format, read, text, len, &d2);
    if (d1.len != d2.len || (d1.len && memcmp(d1.s, d2.s, d1.len) != 0))
        fuzz_fail("a second reading of the same text differs:\n%s---\n%s",
                  d1.s ? d1.s : "", d2.s ? d2.s : "");
    sb_free(&d1);
    sb_free(&d2);
}

#endif
