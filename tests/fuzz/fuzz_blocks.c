/* fuzz_blocks.c - libFuzzer target for stages 4 and 5: blocks_classify(),
 * issue_derive_metadata() and articles_group(), and the byline and date
 * helpers of blocks.h.
 *
 * The bytes go through text_decode, text_normalize and paragraphs_split
 * as in the program.  Checked: classified blocks have valid UTF-8 text and
 * a kind in range; metadata dates are YYYY-MM-DD with a real month and
 * day; articles_group consumes every block and leaves articles whose
 * sections point at their own blocks; the helpers return valid UTF-8 and
 * well-formed dates.  Speakers and quotes are left to fuzz_speakers,
 * fuzz_quotes and fuzz_pipeline.
 */
#include "articles.h"
#include "blocks.h"
#include "furniture.h"
#include "fuzz_common.h"
#include "paragraphs.h"
#include "text.h"

/* Is d a date written as YYYY-MM-DD with month 1-12 and day 1-31? */
static bool is_iso_date(const char *d)
{
    if (strlen(d) != 10 || d[4] != '-' || d[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9'))
            return false;
    int month = (d[5] - '0') * 10 + (d[6] - '0');
    int day = (d[8] - '0') * 10 + (d[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/* Run the helpers of furniture.h and text.h on one block's text. */
static void check_helpers(const char *text)
{
    char *folded = text_fold_punct(text);
    fuzz_check_utf8("folded punctuation", folded, strlen(folded));
    free(folded);
    char *outlet = byline_outlet(text);
    if (outlet) {
        fuzz_check_utf8("byline outlet", outlet, strlen(outlet));
        free(outlet);
    }
    (void)byline_flags(text);
    char date[11];
    memset(date, 'x', sizeof date);
    if (text_find_date(text, date) && !is_iso_date(date))
        fuzz_fail("text_find_date gave \"%.11s\"", date);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n;
    char *text = fuzz_clean_text(data, size, &n);
    if (!text)
        return 0;
    block_list bl = {0};
    paragraphs_split(text, &bl);
    free(text);

    blocks_classify(&bl);
    fuzz_check_blocks("classified block", &bl);
    for (size_t i = 0; i < bl.n; i++) {
        if (bl.v[i].line < 1)
            fuzz_fail("block %zu has line %d", i, bl.v[i].line);
        if (bl.v[i].level < 0 || bl.v[i].level > 6)
            fuzz_fail("block %zu has level %d", i, bl.v[i].level);
        if (i < 16)
            check_helpers(bl.v[i].text);
    }

    issue is;
    memset(&is, 0, sizeof is);
    issue_derive_metadata(&bl, &is);
    if (is.date && !is_iso_date(is.date))
        fuzz_fail("issue date \"%s\"", is.date);
    if (is.paper)
        fuzz_check_utf8("paper", is.paper, strlen(is.paper));
    if (is.edition)
        fuzz_check_utf8("edition", is.edition, strlen(is.edition));
    articles_group(&bl, &is);
    if (bl.n != 0)
        fuzz_fail("articles_group left %zu blocks", bl.n);
    fuzz_check_issue(&is);
    for (size_t a = 0; a < is.narticles; a++) {
        const char *by = is.articles[a].byline;
        if (by)
            fuzz_check_utf8("article byline", by, strlen(by));
        for (size_t s = 0; s < is.articles[a].nsections; s++)
            if (is.articles[a].sections[s].speaker != -1)
                fuzz_fail("a speaker before speakers_find");
    }
    block_list_free(&bl);
    issue_free(&is);
    return 0;
}
