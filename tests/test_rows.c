/* test_rows.c - the window of rows panes page through (tui/rows.c). */
#include "test.h"

#include <stdlib.h>
#include <string.h>

#include "../tui/rows.h"

/* A list of numbers 0..total-1 standing in for database rows. */
typedef struct {
    size_t total;
    int fetches;
    bool fail;
} number_list;

/* rows_fetch_fn over a number_list. */
static ssize_t fetch_numbers(void *ctx, size_t offset, size_t limit,
                             void **rows)
{
    number_list *l = ctx;
    l->fetches++;
    if (l->fail)
        return -1;
    size_t n = offset < l->total ? l->total - offset : 0;
    if (n > limit)
        n = limit;
    size_t *v = xcalloc(n + 1, sizeof *v);
    for (size_t i = 0; i < n; i++)
        v[i] = offset + i;
    *rows = v;
    return (ssize_t)n;
}

static void free_numbers(void *rows, ssize_t n)
{
    (void)n;
    free(rows);
}

/* Every row is the right one, scrolling down and up loads a window every
   half window, a jump loads once, past the end and a failing database
   give NULL. */
static void rows_window_pages_through_a_list(void **state)
{
    (void)state;
    number_list l = {5000, 0, false};
    row_window w = {fetch_numbers, free_numbers, sizeof(size_t), NULL, 0, 0};
    for (size_t i = 0; i < l.total; i++) {
        size_t *r = row_window_at(&w, &l, i);
        assert_non_null(r);
        assert_int_equal(*r, i);
    }
    assert_true(l.fetches <= (int)(l.total / (ROWS_WINDOW / 2)) + 1);
    assert_true(w.n <= ROWS_WINDOW); /* never more than a window held */
    int before = l.fetches;
    for (size_t i = l.total; i-- > 0;)
        assert_int_equal(*(size_t *)row_window_at(&w, &l, i), i);
    assert_true(l.fetches - before <= (int)(l.total / (ROWS_WINDOW / 2)) + 1);
    before = l.fetches;
    assert_int_equal(*(size_t *)row_window_at(&w, &l, 4321), 4321);
    assert_int_equal(*(size_t *)row_window_at(&w, &l, 4330), 4330);
    assert_int_equal(l.fetches - before, 1);
    assert_null(row_window_at(&w, &l, l.total));
    row_window_forget(&w);
    l.fail = true;
    assert_null(row_window_at(&w, &l, 0));
    assert_null(w.rows);
    l.fail = false;
    assert_int_equal(*(size_t *)row_window_at(&w, &l, 7), 7);
    /* A list loaded whole is held as it is: no fetch. */
    size_t *whole = xcalloc(3, sizeof *whole);
    whole[0] = 10, whole[1] = 11, whole[2] = 12;
    row_window_set(&w, whole, 3);
    before = l.fetches;
    assert_int_equal(*(size_t *)row_window_at(&w, &l, 2), 12);
    assert_int_equal(l.fetches, before);
    row_window_forget(&w);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(rows_window_pages_through_a_list),
};
const test_suite rows_suite = {tests, SUITE_LEN(tests)};
