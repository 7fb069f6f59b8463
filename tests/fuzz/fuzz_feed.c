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
#include "read_feed.h"

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
    size_t len;
    char *text = fuzz_decode_declared(
        data, size, xml_declared_encoding((const char *)data, size), &len);
    if (!text)
        return 0;
    markup_doc doc = {0};
    doc.format = FORMAT_FEED;
    read_feed(text, len, &doc);
    /* An HTML entity is at most 4 bytes of UTF-8 for its 3 or more bytes
       of reference; nothing else may make text. */
    if (doc_text_bytes(&doc) > 4 * len + 64)
        fuzz_fail("the feed's text grew from %zu to %zu bytes", len,
                  doc_text_bytes(&doc));
    markup_doc_free(&doc);
    fuzz_read_twice(FORMAT_FEED, read_feed, text, len);
    free(text);
    return 0;
}
