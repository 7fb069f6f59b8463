/* test_lexicon.c - the word lists of assets/lexicon/ and the lexicon API:
 * every list has a file that says what it holds, no list repeats a word,
 * lists that split one fact do not overlap, the values of roles.txt and
 * role_suffixes.txt name what they must, and the lookups on UTF-8 and on
 * code-point arrays find the longest word (and nothing where there is
 * none).  Words in here are invented or general vocabulary. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "model.h"

/* The words of one list file, in order (comments and blank lines out). */
static strlist file_words(const char *name, strlist *values)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", test_src_path("assets/lexicon"),
             name);
    char *text = test_read_file(path, NULL);
    strlist words = {0};
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        line[strcspn(line, "#")] = '\0';
        char *w = line + strspn(line, " \t");
        size_t n = strcspn(w, " \t");
        if (n == 0)
            continue;
        char *v = w + n + strspn(w + n, " \t");
        w[n] = '\0';
        strlist_push(&words, w);
        if (values)
            strlist_push(values, v);
    }
    free(text);
    return words;
}

/* Every list opens with "# NAME - what it holds" and repeats no word. */
static void lexicon_files_have_headers_and_no_repeats(void **state)
{
    (void)state;
    for (int k = 0; k < LEX_KIND_COUNT; k++) {
        const char *name = lex_file_name((lex_kind)k);
        char path[4096], head[256];
        snprintf(path, sizeof path, "%s/%s", test_src_path("assets/lexicon"),
                 name);
        char *text = test_read_file(path, NULL);
        snprintf(head, sizeof head, "# %s - ", name);
        if (strncmp(text, head, strlen(head)) != 0)
            fail_msg("%s does not open with \"%s…\"", name, head);
        free(text);
        strlist w = file_words(name, NULL);
        if (w.n == 0)
            fail_msg("%s lists nothing", name);
        for (size_t i = 0; i < w.n; i++)
            for (size_t j = i + 1; j < w.n; j++)
                if (strcmp(w.v[i], w.v[j]) == 0)
                    fail_msg("%s lists %s twice", name, w.v[i]);
        strlist_free(&w);
    }
}

/* surnames.txt (safe in running text) and word_surnames.txt (surnames
   that mostly begin words) split one fact: no character is in both. */
static void lexicon_surname_lists_do_not_overlap(void **state)
{
    (void)state;
    strlist a = file_words("surnames.txt", NULL);
    strlist b = file_words("word_surnames.txt", NULL);
    for (size_t i = 0; i < a.n; i++)
        for (size_t j = 0; j < b.n; j++)
            if (strcmp(a.v[i], b.v[j]) == 0)
                fail_msg("%s is in both surname lists", a.v[i]);
    strlist_free(&a);
    strlist_free(&b);
    assert_true(lex_has(LEX_SURNAME, "习", strlen("习")));
    assert_true(lex_has(LEX_WORD_SURNAME, "国", strlen("国")));
    assert_false(lex_has(LEX_SURNAME, "国", strlen("国")));
}

/* Every role of roles.txt has a class role_classes.txt knows; every role
   a suffix stands for (role_suffixes.txt) is a role of roles.txt. */
static void lexicon_role_values_name_known_classes_and_roles(void **state)
{
    (void)state;
    strlist classes = {0}, roles = {0};
    strlist keys = file_words("role_classes.txt", NULL);
    for (int c = 0; c < ROLE_CLASS_COUNT; c++) {
        bool found = false;
        for (size_t i = 0; i < keys.n; i++)
            found |= strcmp(keys.v[i], role_class_key((role_class)c)) == 0;
        if (!found)
            fail_msg("role_classes.txt lacks %s",
                     role_class_key((role_class)c));
    }
    strlist names = file_words("roles.txt", &classes);
    for (size_t i = 0; i < names.n; i++) {
        bool known = false;
        for (size_t k = 1; k < keys.n; k++)
            known |= strcmp(classes.v[i], keys.v[k]) == 0;
        if (!known)
            fail_msg("roles.txt: %s has the class \"%s\"", names.v[i],
                     classes.v[i]);
    }
    strlist sfx = file_words("role_suffixes.txt", &roles);
    for (size_t i = 0; i < sfx.n; i++) {
        char *v = roles.v[i];
        for (char *r = strtok(v, " \t"); r; r = strtok(NULL, " \t"))
            if (!lex_has(LEX_ROLE, r, strlen(r)))
                fail_msg("role_suffixes.txt: %s stands for %s, not in "
                         "roles.txt", sfx.v[i], r);
    }
    assert_string_equal(lex_value(LEX_ROLE, "全国政协常委",
                                  strlen("全国政协常委")), "cppcc");
    assert_null(lex_value(LEX_ROLE, "董事长", strlen("董事长")));
    strlist_free(&keys);
    strlist_free(&names);
    strlist_free(&classes);
    strlist_free(&sfx);
    strlist_free(&roles);
}

/* Lookups take the longest word; on code-point arrays they count code
   points. */
static void lexicon_lookups_take_the_longest_word(void **state)
{
    (void)state;
    const char *s = "本报记者某某";
    assert_int_equal(lex_prefix(LEX_BYLINE_ROLE, s, strlen(s)),
                     strlen("本报记者"));
    assert_int_equal(lex_suffix(LEX_GROUP_BYLINE, "某报特约评论员",
                                strlen("某报特约评论员")),
                     strlen("特约评论员"));
    assert_int_equal(lex_prefix(LEX_BYLINE_ROLE, "某某", strlen("某某")), 0);
    size_t n;
    uint32_t *u = u32_from_utf8("某报两会报道组", &n);
    assert_int_equal(lex_suffix_u(LEX_GROUP_BYLINE, u, n), 3);
    assert_int_equal(lex_prefix_u(LEX_GROUP_BYLINE, u, n), 0);
    size_t len;
    assert_int_equal(lex_find_u(LEX_GROUP_BYLINE, u, n, 0, &len), 4);
    assert_int_equal(len, 3);
    assert_int_equal(lex_find_u(LEX_DIAN_WORD, u, n, 0, &len), n);
    assert_int_equal(len, 0);
    assert_true(lex_has_u(LEX_REPORTER_QUALIFIER, u + 2, 2));
    assert_false(lex_has_u(LEX_REPORTER_QUALIFIER, u + 2, 3));
    assert_int_equal(lex_suffix_u(LEX_GROUP_BYLINE, u, 0), 0);
    free(u);
}

/* Copy the word lists into dir (a fresh directory under the test's
   temporary one), add lines (printf's escapes) to its roles.txt and load
   them. */
static void load_lists_with_roles(char dir[4096], const char *lines)
{
    char cmd[16384];
    snprintf(dir, 4096, "%s/lexicon", test_tmpdir());
    snprintf(cmd, sizeof cmd,
             "mkdir -p %s && cp %s/*.txt %s/ && printf '%s' >> %s/roles.txt",
             dir, test_src_path("assets/lexicon"), dir, lines, dir);
    assert_int_equal(system(cmd), 0);
    assert_true(lexicon_load_from(dir));
}

/* The loader: a word, then spaces and its value (trimmed, inner spaces
   kept), a # comment cut; a missing file fails the whole load. */
static void lexicon_loader_reads_values_and_comments(void **state)
{
    (void)state;
    char cmd[16384], dir[4096];
    load_lists_with_roles(dir, "某某代表\\tnpc  extra \\t# a comment\\n");
    const char *w = "某某代表";
    assert_string_equal(lex_value(LEX_ROLE, w, strlen(w)), "npc  extra");
    assert_true(lex_has(LEX_ROLE, w, strlen(w)));
    assert_false(lex_has(LEX_ROLE, "某某", strlen("某某")));
    snprintf(cmd, sizeof cmd, "rm %s/roles.txt", dir);
    assert_int_equal(system(cmd), 0);
    assert_false(lexicon_load_from(dir));
    assert_false(lex_has(LEX_ROLE, "全国人大代表", strlen("全国人大代表")));
    snprintf(cmd, sizeof cmd, "rm -r %s", dir);
    assert_int_equal(system(cmd), 0);
    assert_true(lexicon_load_from(test_src_path("assets/lexicon")));
}

/* Lookups walk a text a character at a time and stop where nothing a
   list holds starts (ends) so: the longest word is found past the starts
   (ends) of longer words that are no words themselves, and those starts
   are no words to lex_has, lex_value, lex_prefix or lex_suffix. */
static void lexicon_lookups_skip_parts_of_longer_words(void **state)
{
    (void)state;
    char cmd[16384], dir[4096];
    load_lists_with_roles(dir, "甲\\tnpc\\n甲乙丙丁\\tcppcc\\n戊己庚\\n庚\\n");
    const char *s = "甲乙丙丁戊";
    assert_int_equal(lex_prefix(LEX_ROLE, s, strlen(s)), strlen("甲乙丙丁"));
    s = "甲乙丙某";
    assert_int_equal(lex_prefix(LEX_ROLE, s, strlen(s)), strlen("甲"));
    assert_false(lex_has(LEX_ROLE, "甲乙", strlen("甲乙")));
    assert_null(lex_value(LEX_ROLE, "甲乙丙", strlen("甲乙丙")));
    assert_string_equal(lex_value(LEX_ROLE, "甲乙丙丁", strlen("甲乙丙丁")),
                        "cppcc");
    s = "某戊己庚";
    assert_int_equal(lex_suffix(LEX_ROLE, s, strlen(s)), strlen("戊己庚"));
    s = "某己庚";
    assert_int_equal(lex_suffix(LEX_ROLE, s, strlen(s)), strlen("庚"));
    assert_false(lex_has(LEX_ROLE, "己庚", strlen("己庚")));
    s = "己庚";
    assert_int_equal(lex_prefix(LEX_ROLE, s, strlen(s)), 0);
    snprintf(cmd, sizeof cmd, "rm -r %s", dir);
    assert_int_equal(system(cmd), 0);
    assert_true(lexicon_load_from(test_src_path("assets/lexicon")));
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(lexicon_files_have_headers_and_no_repeats),
    cmocka_unit_test(lexicon_surname_lists_do_not_overlap),
    cmocka_unit_test(lexicon_role_values_name_known_classes_and_roles),
    cmocka_unit_test(lexicon_lookups_take_the_longest_word),
    cmocka_unit_test(lexicon_loader_reads_values_and_comments),
    cmocka_unit_test(lexicon_lookups_skip_parts_of_longer_words),
};
const test_suite lexicon_suite = {tests, SUITE_LEN(tests)};
