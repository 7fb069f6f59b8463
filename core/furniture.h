/* furniture.h - page furniture: bylines, credits, dispatch lines, dates,
 * edition stamps, editor lines, continuation markers.
 *
 * Stage 4 (blocks.c) asks these rules what a line is and reads what the
 * furniture says (a byline's outlet, a dateline's date and edition); it
 * hands that to the stages after it in block.facts and the BLOCK_F_*
 * flags, so that they never read the furniture again.  The rules work on
 * code-point arrays with ASCII punctuation folded (text.h), and on the
 * word lists of assets/lexicon/ (byline roles, outlet endings, …).
 */
#ifndef DUBAO_FURNITURE_H
#define DUBAO_FURNITURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* How a paper names itself in its own bylines (本报记者 "this paper's
   reporter"): the outlet is the page's paper, unnamed. */
#define OWN_PAPER "本报"

/* Length of a dispatch line at u[from..n): (据)? agency and place, then
   M月D日电 (新华社北京4月27日电), or 0. */
size_t dispatch_at(const uint32_t *u, size_t n, size_t from);

/* Length of a continuation marker at f[from..n): （上接1版）,
   （下转第二版） …, or 0. */
size_t continuation_at(const uint32_t *f, size_t n, size_t from);

/* Is f[a..b) a list of people: names and byline role words separated by
   spaces or 、, with at least one name starting with a surname (or, when
   allow_empty, nothing at all)? */
bool is_name_list(const uint32_t *f, size_t a, size_t b, bool allow_empty);

/* Is f[a..b) a person's name on its own (2-3 ideographs, surname first)?
   Only where a name is expected: it takes surnames that mostly begin
   words (word_surnames.txt). */
bool is_person_name(const uint32_t *f, size_t a, size_t b);

/* Where a publication stamp trailing a line starts (张某 《某某日报》
   （2026年05月26日 第 03 版）: a name in title marks and a bracket holding
   a date, which some archives print after each byline), or n. */
size_t stamp_at_end(const uint32_t *f, size_t n);

/* Is f[0..n) a byline on its own: reporters after 记者 or an outlet, a
   reporting group, a name list (boxed: printed after □), "（张 骁）", a
   photo credit "… 摄" (its source in brackets after it), a dispatch line,
   any of these with a publication stamp after it, or the signature of an
   editor's note (——编者)? */
bool is_byline(const uint32_t *f, size_t n, bool boxed);

/* Where a credit trailing the text starts ("…。　　新华社北京4月27日电",
   "…。（记者…）新华社…电", "…。 （孙 杰）"), or n if there is none. */
size_t credit_at_end(const uint32_t *f, size_t n);

/* Is f[0..n) a photo credit (某某摄, 某某日报记者 某某摄（某某图片社）)? */
bool is_photo_credit(const uint32_t *f, size_t n);

/* Does the text f[0..n) end, after its last full stop, with a photo
   credit (…正在发言。某某摄, …。某某日报记者 某某摄（某某图片社）)?  Then
   it is a caption with its credit. */
bool ends_with_photo_credit(const uint32_t *f, size_t n);

/* Is the byline f[0..n) a reporter's credit, not a photo credit or a
   bare dispatch line? */
bool is_reporter_credit(const uint32_t *f, size_t n);

/* Is f[0..n) the page's editor line (编辑 … 电话 …)? */
bool is_editor_line(const uint32_t *f, size_t n);

/* Is f[0..n) a dateline or edition stamp (2025年3月7日 星期五 …,
   （ 2026-04-28 ） 稿件来源：…)? */
bool is_dateline(const uint32_t *f, size_t n);

/* Does f[0..n) open with a lead's marker (本报讯 …, or a dispatch line
   followed by text)? */
bool opens_with_lead(const uint32_t *f, size_t n);

/* Find the first date (YYYY年M月D日, YYYY-MM-DD or YYYYMMDD) in u and
   write it as YYYY-MM-DD into out.  False when there is none. */
bool find_date(const uint32_t *u, size_t n, char out[11]);

/* Does the name end like a newspaper's (paper_endings.txt) and say more
   than its ending and more than 本报? */
bool outlet_is_paper(const char *name);

/* What a byline or a dateline says, read from its folded text f[0..n):
   the outlet, the date, the edition (heap strings in the returned facts,
   NULL when it says none of them), and BLOCK_F_PHOTO_CREDIT or
   BLOCK_F_DISPATCH added to *flags. */
block_facts *read_byline(const uint32_t *f, size_t n, unsigned *flags);
block_facts *read_dateline(const uint32_t *f, size_t n);

/* The same rules on a UTF-8 line (folded and trimmed here): the outlet a
   byline names ("本报", "北京日报", "新华社" …, heap string, or NULL), its
   flags (BLOCK_F_PHOTO_CREDIT for "… 摄", BLOCK_F_DISPATCH for a bare
   dispatch line), and the first date of a text. */
char *byline_outlet(const char *byline);
unsigned byline_flags(const char *byline);
bool text_find_date(const char *text, char out[11]);

#endif
