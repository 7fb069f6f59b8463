/* fuzz_quotes.c - libFuzzer target for stage 6b, quotes_extract().
 *
 * The issue is built straight from the input, so that the fuzzer controls
 * its structure instead of going through blocks_classify: the decoded,
 * normalised text is cut into paragraphs, and a paragraph starting with
 * "# " starts a new article (its headline), "H|" is a speaker heading,
 * "S|" a subhead, "B|" a byline, "C|" a caption; anything else is body
 * text.  Then speakers_find(), quotes_extract() and speakers_drop_silent()
 * run as in the program.  Checked: every quote points at an existing
 * article, block and person, its character offsets lie inside the
 * article's text and its text is exactly that substring; every person kept
 * either speaks, heads a section or is a delegate (speakers_drop_silent
 * drops the rest).
 */
#include "articles.h"
#include "fuzz_common.h"
#include "lexicon.h"
#include "paragraphs.h"
#include "quotes.h"
#include "speakers.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_use_source_assets();
    if (!lexicon_load())
        fuzz_fail("cannot load the lexicons from %s", FUZZ_ASSETS_DIR);
    return 0;
}

/* The block kind a paragraph's marker asks for; *skip gets the marker's
   length.  BLOCK_HEADLINE means "start a new article". */
static block_kind marked_kind(const char *t, size_t *skip)
{
    static const struct {
        const char *mark;
        block_kind kind;
    } marks[] = {
        {"# ", BLOCK_HEADLINE},        {"H|", BLOCK_SPEAKER_HEADING},
        {"S|", BLOCK_SUBHEAD},         {"B|", BLOCK_BYLINE},
        {"C|", BLOCK_CAPTION},
    };
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (strncmp(t, marks[i].mark, 2) == 0 && t[2]) {
            *skip = 2;
            return marks[i].kind;
        }
    *skip = 0;
    return BLOCK_BODY;
}

/* Build the issue from the paragraphs (see the top of the file). */
static void build_issue(issue *is, const block_list *paras)
{
    memset(is, 0, sizeof *is);
    article *a = NULL;
    for (size_t i = 0; i < paras->n; i++) {
        const block *p = &paras->v[i];
        size_t skip;
        block_kind k = marked_kind(p->text, &skip);
        if (k == BLOCK_HEADLINE || !a) {
            a = issue_add_article(is, k == BLOCK_HEADLINE ? p->text + skip
                                                          : "标题");
            if (k == BLOCK_HEADLINE)
                continue;
        }
        block *b = block_list_push(&a->blocks, p->text + skip, k, p->line);
        if (k == BLOCK_SUBHEAD || k == BLOCK_SPEAKER_HEADING)
            article_add_section(a, a->blocks.n - 1, -1);
        (void)b;
    }
    for (size_t i = 0; i < is->narticles; i++)
        article_finish(&is->articles[i]); /* stage 5's last step */
}

/* Does person p speak, head a section, or hold a delegate role? */
static bool person_is_kept(const issue *is, int p)
{
    if (is->people[p].is_delegate)
        return true;
    for (size_t q = 0; q < is->nquotes; q++)
        if (is->quotes[q].speaker == p)
            return true;
    for (size_t a = 0; a < is->narticles; a++)
        for (size_t s = 0; s < is->articles[a].nsections; s++)
            if (is->articles[a].sections[s].speaker == p)
                return true;
    return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n;
    char *text = fuzz_clean_text(data, size, &n);
    if (!text)
        return 0;
    block_list paras = {0};
    paragraphs_split(text, &paras);
    free(text);
    issue is;
    build_issue(&is, &paras);
    block_list_free(&paras);

    speakers_find(&is);
    fuzz_check_issue(&is);
    quotes_extract(&is);
    fuzz_check_issue(&is);
    speakers_drop_silent(&is);
    fuzz_check_issue(&is);
    for (size_t p = 0; p < is.npeople; p++)
        if (!person_is_kept(&is, (int)p))
            fuzz_fail("person %zu (%s) neither speaks, heads a section nor "
                      "is a delegate", p, is.people[p].name);
    for (size_t q = 0; q < is.nquotes; q++)
        if (is.quotes[q].kind != QUOTE_DIRECT &&
            is.quotes[q].kind != QUOTE_INDIRECT &&
            is.quotes[q].kind != QUOTE_SECTION)
            fuzz_fail("quote %zu has kind %d", q, (int)is.quotes[q].kind);
    issue_free(&is);
    return 0;
}
