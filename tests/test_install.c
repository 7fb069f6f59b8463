/* test_install.c - make install and make uninstall honour PREFIX and
 * DESTDIR, and the installed binary finds its installed assets. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Run make in the source tree with a target, DESTDIR and PREFIX.  The
   variables of a make that runs the tests (the sanitizer build's B and
   CFLAGS) are not passed on: they would rebuild ./dubao with them. */
static int run_make(const char *target, const char *destdir)
{
    char dest[600];
    snprintf(dest, sizeof dest, "DESTDIR=%s", destdir);
    char *argv[] = {"env", "-u", "MAKEFLAGS", "-u", "MFLAGS", "-u",
                    "MAKELEVEL", "make", "-s", "-C",
                    (char *)test_src_path(""), (char *)target, dest,
                    "PREFIX=/usr", NULL};
    strbuf err = {0};
    int rc = test_run(argv, NULL, &err);
    if (rc != 0)
        fail_msg("make %s: %s", target, err.s ? err.s : "");
    sb_free(&err);
    return rc;
}

static bool exists(const char *root, const char *rel, mode_t *mode)
{
    char path[800];
    snprintf(path, sizeof path, "%s%s", root, rel);
    struct stat st;
    if (stat(path, &st) != 0)
        return false;
    if (mode)
        *mode = st.st_mode;
    return true;
}

static void install_and_uninstall_with_destdir(void **state)
{
    (void)state;
    const char *root = test_tmpdir();
    assert_int_equal(run_make("install", root), 0);
    mode_t mode = 0;
    assert_true(exists(root, "/usr/bin/dubao", &mode));
    assert_true(mode & S_IXUSR);
    assert_true(exists(root, "/usr/share/man/man1/dubao.1", NULL));
    assert_true(exists(root, "/usr/share/dubao/config", NULL));
    assert_true(exists(root, "/usr/share/dubao/lexicon/surnames.txt", NULL));
    assert_true(exists(root, "/usr/share/dubao/corpus", NULL));

    /* The installed binary works from its installed assets. */
    char bin[700], assets[700], db[700];
    snprintf(bin, sizeof bin, "%s/usr/bin/dubao", root);
    snprintf(assets, sizeof assets, "%s/usr/share/dubao", root);
    snprintf(db, sizeof db, "%s/i.db", root);
    setenv("DUBAO_ASSETS", assets, 1);
    char *argv[] = {bin, "--db", db, "-q", "issues", "--json", NULL};
    strbuf out = {0};
    assert_int_equal(test_run(argv, &out, NULL), 0);
    unsetenv("DUBAO_ASSETS");
    int lines = 0;
    for (const char *p = out.s; p && *p; p++)
        lines += *p == '\n';
    strbuf ls = {0};
    char *lsv[] = {"ls", (char *)test_src_path("assets/corpus"), NULL};
    test_run(lsv, &ls, NULL);
    int files = 0;
    for (const char *p = ls.s; p && *p; p++)
        files += *p == '\n';
    assert_int_equal(lines, files);
    sb_free(&out);
    sb_free(&ls);

    assert_int_equal(run_make("uninstall", root), 0);
    assert_false(exists(root, "/usr/bin/dubao", NULL));
    assert_false(exists(root, "/usr/share/man/man1/dubao.1", NULL));
    assert_false(exists(root, "/usr/share/dubao", NULL));
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(install_and_uninstall_with_destdir),
};
const test_suite install_suite = {tests, SUITE_LEN(tests)};
