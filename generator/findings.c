/* findings.c: 指摘事項 from a scored year (rules: docs/scoring.md). */
#include "findings.h"

#include <stdlib.h>
#include <string.h>

#include "strpool.h"
#include "text.h"

/* True when a response keeps the item from being fully met. */
static bool not_met(const struct score_response *r, enum finding_grade g)
{
	if (g == GRADE_OBSERVATION && r->weak_evidence)
		return true;
	return r->status[VIEW_SELF] == STATUS_UNANSWERED ||
	       r->status[VIEW_SELF] == STATUS_NOT_DONE ||
	       r->status[VIEW_SELF] == STATUS_PARTIAL;
}

/* True when list ("a、b、c") has the entry s. */
static bool listed(const char *list, const char *s)
{
	size_t n = strlen(s);
	for (const char *p = list; p && (p = strstr(p, s)) != NULL; p++) {
		bool start = p == list ||
			     (p - list >= 3 && strncmp(p - 3, "、", 3) == 0);
		bool end = !p[n] || strncmp(p + n, "、", 3) == 0;
		if (start && end)
			return true;
	}
	return false;
}

/* Adds each "、"-separated part of s to seen; false when out of memory. */
static bool see_parts(struct strpool *seen, const char *s)
{
	for (;;) {
		const char *sep = strstr(s, "、");
		size_t len = sep ? (size_t)(sep - s) : strlen(s);
		if (!strpool_add(seen, s, len))
			return false;
		if (!sep)
			return true;
		s = sep + strlen("、");
	}
}

/* Whether one is an entry of the list b ("a、b、c", listed()), knowing
 * seen, the parts of b: an entry without "、" is listed exactly when it
 * is one of them (a search of the whole list for each respondent was
 * quadratic in the departments).  Remembers one's parts; *ok false when
 * out of memory (seen is then no longer trusted). */
static bool already_listed(const struct sbuf *b, const struct sbuf *one,
			   struct strpool *seen, bool *ok)
{
	size_t before = seen->n;
	bool found;

	if (*ok && one->len && !strstr(one->s, "、")) {
		if (strpool_add(seen, one->s, one->len))
			return seen->n == before;
		*ok = false;
	}
	found = listed(b->s, one->s);
	if (*ok && !found)
		*ok = see_parts(seen, one->s);
	return found;
}

/* Adds "議会事務局総務課（タブレット端末）、議事調査課" to b (empty): the
 * respondents of si not already listed, only those whose response does
 * not meet grade g when all is false; counts them in *n. */
static void add_where(struct sbuf *b, const struct score_item *si,
		      const struct score_respondent *resp, enum finding_grade g,
		      bool all, size_t *n)
{
	struct sbuf one = {0};
	struct strpool seen = {0};
	bool ok = true;

	for (size_t i = 0; i < si->nresponses; i++) {
		const struct score_respondent *p =
			&resp[si->responses[i].respondent];
		if (!all && !not_met(&si->responses[i], g))
			continue;
		sbuf_release(&one);
		sbuf_adds(&one, p->department);
		if (*p->system)
			sbuf_printf(&one, "（%s）", p->system);
		if (one.s && already_listed(b, &one, &seen, &ok))
			continue;
		if (b->len)
			sbuf_adds(b, "、");
		sbuf_adds(b, one.s ? one.s : "");
		(*n)++;
	}
	sbuf_release(&one);
	strpool_release(&seen);
}

/* Where the responses of si that do not meet grade g are. */
static char *where_of(const struct score_item *si,
		      const struct score_respondent *resp, enum finding_grade g,
		      size_t *n)
{
	struct sbuf b = {0};
	*n = 0;
	add_where(&b, si, resp, g, false, n);
	return sbuf_take(&b);
}

/* s, or "" for NULL (a judgement made in code may leave fields NULL). */
static const char *str(const char *s)
{
	return s ? s : "";
}

/* Where a finding the rules do not see is: the chief's departments, else
 * every responsible respondent's department (and system). */
static char *where_fallback(const struct score_item *si,
			    const struct score_respondent *resp,
			    const struct audit_judgement *j, size_t *n)
{
	struct sbuf b = {0};
	*n = 0;
	if (j && *str(j->departments)) {
		sbuf_adds(&b, j->departments);
		if (*str(j->system))
			sbuf_printf(&b, "（%s）", j->system);
		*n = 1;
		for (const char *p = j->departments; (p = strstr(p, "、"));
		     p += 3)
			(*n)++;
		return sbuf_take(&b);
	}
	add_where(&b, si, resp, GRADE_CONFORM, true, n);
	if (!b.len)
		sbuf_adds(&b, "（担当部署なし）");
	return sbuf_take(&b);
}

static int cmp_finding(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
	if (x->grade != y->grade)
		return (int)x->grade - (int)y->grade;
	return x->item < y->item ? -1 : x->item > y->item;
}

enum kansa_err findings_compute(const struct score_result *r,
				const struct score_respondent *respondents,
				const struct audit_judgement *judgements,
				size_t njudgements, struct findings *out)
{
	memset(out, 0, sizeof(*out));
	if (!(out->v = calloc(r->nitems + 1, sizeof(*out->v))) ||
	    !(out->dismissed =
		      calloc(r->nitems + 1, sizeof(*out->dismissed)))) {
		free(out->v);
		return KANSA_ERR_NOMEM;
	}
	for (size_t i = 0; i < r->nitems; i++) {
		const struct score_item *si = &r->items[i];
		const struct audit_judgement *j = NULL;
		const char *reason;
		enum finding_grade g = score_default_grade(si, &reason),
				   grade = g;
		struct finding *f;

		for (size_t k = 0; k < njudgements; k++)
			if (strcmp(judgements[k].item_id, si->item->id) == 0)
				j = &judgements[k];
		if (j)
			grade = j->grade;
		if (grade == GRADE_CONFORM) {
			if (j && g != GRADE_CONFORM) {
				struct dismissal *x =
					&out->dismissed[out->ndismissed++];
				x->item = si;
				x->default_grade = g;
				x->audit = j;
			}
			continue;
		}
		f = &out->v[out->n++];
		f->item = si;
		f->grade = grade;
		f->default_grade = g;
		f->judged = j != NULL;
		f->audit = j;
		f->reason = strdup(g == GRADE_CONFORM ? "監査統括責任者の判定"
						      : reason);
		f->candidate = j == NULL;
		f->where =
			j && *str(j->departments)
				? NULL
				: where_of(si, respondents, grade, &f->nwhere);
		if (f->where && !*f->where) {
			free(f->where);
			f->where = NULL;
		}
		if (!f->where)
			f->where =
				where_fallback(si, respondents, j, &f->nwhere);
		if (!f->reason || !f->where) {
			findings_release(out);
			return KANSA_ERR_NOMEM;
		}
		out->by_grade[grade]++;
		out->undecided[grade] += f->candidate;
	}
	qsort(out->v, out->n, sizeof(*out->v), cmp_finding);
	return KANSA_OK;
}

void findings_release(struct findings *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->v[i].reason);
		free(f->v[i].where);
		free(f->v[i].problem);
		free(f->v[i].evidence);
	}
	free(f->v);
	free(f->dismissed);
	memset(f, 0, sizeof(*f));
}

const struct finding *findings_of_item(const struct findings *f,
				       const char *item_id)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->v[i].item->item->id, item_id) == 0)
			return &f->v[i];
	return NULL;
}

bool findings_is_draft(const struct findings *f)
{
	return f->undecided[GRADE_MAJOR] + f->undecided[GRADE_MINOR] > 0;
}
