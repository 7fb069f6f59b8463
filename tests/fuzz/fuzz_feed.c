/* fuzz_feed.c - libFuzzer target for the feed reader: the encoding an XML
 * declaration names (xml_declared_encoding) weighed against the bytes,
 * read_feed() on the result (RSS and Atom, items' HTML bodies through the
 * HTML reader), then markup.c and the later stages.
 *
 * Checked: as fuzz_html; besides, every article has a page label only in
 * the form dubao writes, and entity declarations never make the text
 * grow past a bounded multiple of the input (no expansion).
 */
#include "fuzz_common.h"
#include "fuzz_markup.h"
#include "lexicon.h"
#include "read_feed.h"
#include "sniff.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_use_source_assets();
    if (!lexicon_load())
        fuzz_fail("cannot load the lexicons from %s", FUZZ_ASSETS_DIR);
    return 0;
}

/* The total length of the texts of a doc. */
static size_t doc_text_bytes(const markup_doc *doc)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->narticles; i++) {
        const markup_article *a = &doc->articles[i];
        n += a->headline ? strlen(a->headline) : 0;
        for (size_t k = 0; k < a->body.n; k++)
            n += strlen(a->body.v[k].text);
    }
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *declared = xml_declared_encoding((const char *)data, size);
    decoded_text dec;
    strbuf msg = {0};
    decode_status st = decode_declared((const char *)data, size, declared,
                                       &dec, &msg);
    free(declared);
    fuzz_check_shown("charset message", msg.s);
    sb_free(&msg);
    if (st != DECODE_OK)
        return 0;
    markup_doc doc = {0};
    doc.format = FORMAT_FEED;
    read_feed(dec.text, dec.len, &doc);
    /* An HTML entity is at most 4 bytes of UTF-8 for its 3 or more bytes
       of reference; nothing else may make text. */
    if (doc_text_bytes(&doc) > 4 * dec.len + 64)
        fuzz_fail("the feed's text grew from %zu to %zu bytes", dec.len,
                  doc_text_bytes(&doc));
    markup_doc_free(&doc);
    fuzz_read_twice(FORMAT_FEED, read_feed, dec.text, dec.len);
    free(dec.text);
    return 0;
}
