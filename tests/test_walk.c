/* test_walk.c - finding the files of a corpus: links, loops, duplicates,
 * special files and depth (walk.h).  Each test builds its tree in a
 * temporary directory. */
#include "test.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include "walk.h"

/* dir/rel as a path (static buffer, one of four in turn). */
static const char *at(const char *dir, const char *rel)
{
    static char bufs[4][4096];
    static int next;
    char *b = bufs[next++ % 4];
    snprintf(b, sizeof bufs[0], "%s/%s", dir, rel);
    return b;
}

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void link_to(const char *target, const char *path)
{
    if (symlink(target, path) != 0)
        fail_msg("symlink %s -> %s: %s", path, target, strerror(errno));
}

/* Walk one root (its real path: the tests compare paths). */
static void walk_one(const char *root, walk_result *r)
{
    strlist roots = {0};
    strlist_push(&roots, root);
    corpus_walk(&roots, UINT64_MAX, r);
    strlist_free(&roots);
}

/* The found paths relative to root, one per line. */
static char *found(const walk_result *r, const char *root)
{
    strbuf sb = {0};
    sb_puts(&sb, "");
    size_t n = strlen(root);
    for (size_t i = 0; i < r->nfiles; i++)
        sb_printf(&sb, "%s\n", strncmp(r->files[i].path, root, n) == 0
                                   ? r->files[i].path + n + 1
                                   : r->files[i].path);
    return sb_take(&sb);
}

/* Is there a note for the entry named name (relative to root) that says
   why (a part of the message)? */
static bool noted(const strlist *l, const char *root, const char *name,
                  const char *why)
{
    char want[1200];
    snprintf(want, sizeof want, "%s/%s: ", root, name);
    for (size_t i = 0; i < l->n; i++)
        if (strncmp(l->v[i], want, strlen(want)) == 0 && strstr(l->v[i], why))
            return true;
    return false;
}

/* A fresh directory under the test's temporary directory, by its real
   path (the walk reports real paths for roots). */
static char *fresh_root(void)
{
    char *real = realpath(test_tmpdir(), NULL);
    assert_non_null(real);
    return real;
}

/* sub/loop -> . and sub/up -> .. : every directory is read once, and the
   one file is found once (the red team's loop indexed it 33 times). */
static void walk_link_loops_read_each_directory_once(void **state)
{
    (void)state;
    char *root = fresh_root();
    assert_int_equal(mkdir(at(root, "sub"), 0700), 0);
    put(at(root, "sub/a.txt"), "a");
    link_to(".", at(root, "sub/loop"));
    link_to("..", at(root, "sub/up"));
    link_to("self", at(root, "self"));
    walk_result r;
    walk_one(root, &r);
    char *list = found(&r, root);
    assert_string_equal(list, "sub/a.txt\n");
    assert_true(noted(&r.notes, root, "sub/loop", "already read"));
    assert_true(noted(&r.notes, root, "sub/up", "already read"));
    assert_true(noted(&r.notes, root, "self", "loop"));
    assert_int_equal(r.errors.n, 0);
    assert_false(r.root_failed);
    free(list);
    walk_result_free(&r);
    free(root);
}

/* A link out of the corpus is never followed, to a directory or to a
   file; links that stay inside are, once per real file. */
static void walk_links_stay_inside_the_corpus(void **state)
{
    (void)state;
    char *top = fresh_root();
    char root[1200], outside[1200];
    snprintf(root, sizeof root, "%s/corpus", top);
    snprintf(outside, sizeof outside, "%s/private", top);
    assert_int_equal(mkdir(root, 0700), 0);
    assert_int_equal(mkdir(outside, 0700), 0);
    put(at(outside, "shadow.txt"), "secret");
    put(at(root, "page.txt"), "page");
    assert_int_equal(mkdir(at(root, ".archive"), 0700), 0);
    put(at(root, ".archive/old.txt"), "old");
    link_to(outside, at(root, "etc_link"));
    link_to("../private/shadow.txt", at(root, "shadow.txt"));
    link_to("/", at(root, "slash"));
    link_to("page.txt", at(root, "alias.txt"));
    link_to(".archive", at(root, "archive"));
    assert_int_equal(link(at(root, "page.txt"), at(root, "hard.txt")), 0);
    walk_result r;
    walk_one(root, &r);
    char *list = found(&r, root);
    /* hard.txt sorts before page.txt, so the hard link is the path kept;
       the hidden directory is read through the link that names it. */
    assert_string_equal(list, "archive/old.txt\nhard.txt\n");
    assert_true(noted(&r.notes, root, "etc_link", "out of the corpus"));
    assert_true(noted(&r.notes, root, "shadow.txt", "out of the corpus"));
    assert_true(noted(&r.notes, root, "slash", "out of the corpus"));
    assert_true(noted(&r.notes, root, "alias.txt", "same file as"));
    assert_true(noted(&r.notes, root, "page.txt", "same file as"));
    assert_int_equal(r.hidden, 1);
    assert_non_null(strstr(r.first_hidden, ".archive"));
    free(list);
    walk_result_free(&r);
    free(top);
}

/* FIFOs, sockets, devices and directories too deep are not read, each
   with a note; a dangling link is a note, not an error. */
static void walk_reports_what_it_passes_over(void **state)
{
    (void)state;
    char *root = fresh_root();
    put(at(root, "ok.txt"), "ok");
    assert_int_equal(mkfifo(at(root, "fifo"), 0600), 0);
    int sock = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    snprintf(addr.sun_path, sizeof addr.sun_path, "%s", at(root, "sock"));
    assert_int_equal(bind(sock, (struct sockaddr *)&addr, sizeof addr), 0);
    bool device = mknod(at(root, "null"), S_IFCHR | 0600, makedev(1, 3)) == 0;
    link_to("gone.txt", at(root, "dangling"));
    strbuf deep = {0};
    sb_puts(&deep, root);
    for (int i = 0; i <= WALK_MAX_DEPTH + 1; i++) {
        sb_puts(&deep, "/d");
        assert_int_equal(mkdir(deep.s, 0700), 0);
        if (i == WALK_MAX_DEPTH - 2)
            put(at(deep.s, "deep-but-read.txt"), "x");
    }
    put(at(deep.s, "too-deep.txt"), "x");
    walk_result r;
    walk_one(root, &r);
    char *list = found(&r, root);
    assert_non_null(strstr(list, "/deep-but-read.txt\n"));
    assert_null(strstr(list, "too-deep.txt"));
    assert_non_null(strstr(list, "ok.txt\n"));
    assert_int_equal(r.nfiles, 2);
    assert_true(noted(&r.notes, root, "fifo", "FIFO"));
    assert_true(noted(&r.notes, root, "sock", "socket"));
    if (device)
        assert_true(noted(&r.notes, root, "null", "character device"));
    assert_true(noted(&r.notes, root, "dangling", "a link to nothing"));
    bool too_deep = false;
    for (size_t i = 0; i < r.notes.n; i++)
        too_deep |= strstr(r.notes.v[i], "more than 32 directories") != NULL;
    assert_true(too_deep);
    assert_int_equal(r.errors.n, 0);
    close(sock);
    sb_free(&deep);
    free(list);
    walk_result_free(&r);
    free(root);
}

/* A root that is a FIFO or does not exist fails the root (nothing will be
   removed from the database); a file larger than the limit is noted. */
static void walk_bad_roots_and_large_files(void **state)
{
    (void)state;
    char *root = fresh_root();
    assert_int_equal(mkfifo(at(root, "fifo"), 0600), 0);
    put(at(root, "big.txt"), "0123456789");
    put(at(root, "small.txt"), "0123");
    strlist roots = {0};
    strlist_push(&roots, at(root, "fifo"));
    walk_result r;
    corpus_walk(&roots, 8, &r);
    assert_true(r.root_failed);
    assert_non_null(strstr(r.errors.v[0], "FIFO"));
    walk_result_free(&r);
    strlist_free(&roots);

    strlist_push(&roots, at(root, "big.txt"));
    strlist_push(&roots, at(root, "small.txt"));
    corpus_walk(&roots, 8, &r);
    assert_false(r.root_failed);
    assert_int_equal(r.nfiles, 1);
    assert_true(noted(&r.notes, root, "big.txt", "larger than the limit"));
    walk_result_free(&r);
    strlist_free(&roots);
    free(root);
}

/* Files, subdirectories and files passed over in one directory, more of
   them than one stat thread takes: every file is found once, in path
   order, with its own size and mtime, whatever was passed over or read
   in a subdirectory between two files. */
static void walk_mixed_directory_keeps_each_file_with_its_stat(void **state)
{
    (void)state;
    char *root = fresh_root();
    enum { FILES = 600, EVERY = 7 }; /* a subdirectory or a big file */
    strbuf want = {0};
    char name[64], text[64];
    for (int i = 0; i < FILES; i++) {
        snprintf(name, sizeof name, "f%04d", i);
        if (i % EVERY == 5) {
            put(at(root, name), "far larger than the limit");
            continue;
        }
        /* A subdirectory holds three files: more than the entries passed
           over before it, so they must not land on the entries after. */
        bool dir = i % EVERY == 3;
        if (dir)
            assert_int_equal(mkdir(at(root, name), 0700), 0);
        for (int k = 0; k < (dir ? 3 : 1); k++) {
            char file[80];
            snprintf(file, sizeof file, dir ? "%s/in%d.txt" : "%s", name, k);
            snprintf(text, sizeof text, "%d", i);
            put(at(root, file), text);
            struct timespec times[2] = {{1000000 + i, 0}, {1000000 + i, 0}};
            assert_int_equal(utimensat(AT_FDCWD, at(root, file), times, 0), 0);
            sb_printf(&want, "%s\n", file);
        }
    }
    strlist roots = {0};
    strlist_push(&roots, root);
    walk_result r;
    corpus_walk(&roots, 8, &r);
    char *list = found(&r, root);
    assert_string_equal(list, want.s);
    for (size_t i = 0; i < r.nfiles; i++) {
        int n = atoi(r.files[i].path + strlen(root) + 2);
        snprintf(text, sizeof text, "%d", n);
        assert_int_equal(r.files[i].size, (int64_t)strlen(text));
        assert_int_equal(r.files[i].mtime_ns, (1000000LL + n) * 1000000000);
    }
    assert_true(noted(&r.notes, root, "f0005", "larger than the limit"));
    free(list);
    sb_free(&want);
    walk_result_free(&r);
    strlist_free(&roots);
    free(root);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(walk_link_loops_read_each_directory_once),
    cmocka_unit_test(walk_links_stay_inside_the_corpus),
    cmocka_unit_test(walk_reports_what_it_passes_over),
    cmocka_unit_test(walk_bad_roots_and_large_files),
    cmocka_unit_test(walk_mixed_directory_keeps_each_file_with_its_stat),
};
const test_suite walk_suite = {tests, SUITE_LEN(tests)};
