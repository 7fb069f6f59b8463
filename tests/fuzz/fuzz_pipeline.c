/* fuzz_pipeline.c - libFuzzer target for the whole parsing pipeline,
 * issue_parse_bytes(): decode, normalise, paragraphs, blocks, metadata,
 * articles, speakers and quotes, on arbitrary bytes.
 *
 * Checked: the status is one of the three and a refusal says why; a parsed
 * issue keeps its file name, and every article, section, person and quote
 * satisfies fuzz_check_issue() (indices in range, quote text equal to the
 * article text at its non-empty character range, valid UTF-8 everywhere);
 * the warnings are valid UTF-8; and parsing the same bytes again gives
 * exactly the same issue (no state leaks from one parse into the next,
 * no uninitialised memory decides anything visible).
 */
#include "fuzz_common.h"
#include "lexicon.h"
#include "parse.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_use_source_assets();
    if (!lexicon_load())
        fuzz_fail("cannot load the lexicons from %s", FUZZ_ASSETS_DIR);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    issue is;
    strbuf msg = {0};
    parse_status st = issue_parse_bytes("fuzz.txt", (const char *)data, size,
                                        &is, &msg);
    if (st != PARSE_OK && st != PARSE_SKIPPED && st != PARSE_FAILED)
        fuzz_fail("unknown parse status %d", (int)st);
    if (st != PARSE_OK && msg.len == 0)
        fuzz_fail("parse status %d without a message", (int)st);
    if (!is.file || strcmp(is.file, "fuzz.txt") != 0)
        fuzz_fail("issue lost its file name");
    if (st == PARSE_OK) {
        fuzz_check_issue(&is);
        for (size_t w = 0; w < is.warnings.n; w++)
            fuzz_check_utf8("warning", is.warnings.v[w],
                            strlen(is.warnings.v[w]));
    }
    if (msg.len)
        fuzz_check_utf8("parse message", msg.s, msg.len);

    issue again;
    strbuf msg2 = {0}, d1 = {0}, d2 = {0};
    parse_status st2 = issue_parse_bytes("fuzz.txt", (const char *)data,
                                         size, &again, &msg2);
    fuzz_issue_digest(&is, &d1);
    fuzz_issue_digest(&again, &d2);
    if (st2 != st || d1.len != d2.len ||
        (d1.len && memcmp(d1.s, d2.s, d1.len) != 0))
        fuzz_fail("a second parse of the same bytes differs:\n%s---\n%s",
                  d1.s ? d1.s : "", d2.s ? d2.s : "");
    sb_free(&d1);
    sb_free(&d2);
    sb_free(&msg2);
    issue_free(&again);
    sb_free(&msg);
    issue_free(&is);
    return 0;
}
