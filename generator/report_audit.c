/* report_audit.c: the audit parts of a year's model: each observation's
 * evidence problem, findings about an auditor's own department, and
 * what became of last year's findings (follow-up). */
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "text.h"

const char *followup_state_name(enum followup_state s)
{
	static const char *const names[] = {"改善済", "改善中", "未着手",
					    "再発"};
	return (unsigned)s < FOLLOWUP_STATES ? names[s] : "";
}

const char *report_check_name(enum report_check c)
{
	static const char *const names[] = {"確認済", "変更あり", "所在不明",
					    "期限切れ", "未検証"};
	return (unsigned)c < CHECKS ? names[c] : "";
}

static enum report_check check_of(const struct report *r,
				  const struct evidence_record *e)
{
	if (e->missing || strcmp(e->last_check, "missing") == 0)
		return CHECK_MISSING;
	if (strcmp(e->last_check, "changed") == 0)
		return CHECK_CHANGED;
	if (*e->expires_on && strcmp(e->expires_on, r->as_of) < 0)
		return CHECK_EXPIRED;
	if (strcmp(e->last_check, "ok") == 0)
		return CHECK_OK;
	return CHECK_UNCHECKED;
}

const char *report_evidence_check(const struct report *r,
				  const struct evidence_record *e)
{
	const struct evidence_record *v = r->evidence.records;
	if (r->evidence_checks && e >= v && e < v + r->evidence.n)
		return report_check_name(r->evidence_checks[e - v]);
	return report_check_name(check_of(r, e));
}

enum kansa_err report_check_evidence(struct report *r)
{
	r->evidence_checks =
		calloc(r->evidence.n + 1, sizeof(*r->evidence_checks));
	if (!r->evidence_checks)
		return KANSA_ERR_NOMEM;
	for (size_t i = 0; i < r->evidence.n; i++) {
		r->evidence_checks[i] = check_of(r, &r->evidence.records[i]);
		r->by_check[r->evidence_checks[i]]++;
	}
	return KANSA_OK;
}

/* The register is read in ID order (ORDER BY evidence_id, SQLite's
 * binary collation: strcmp's order; the IDs are unique in a year). */
long report_evidence_find(const struct report *r, const char *id, size_t len)
{
	size_t lo = 0, hi = r->evidence.n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *rec = r->evidence.records[mid].id;
		int c = strncmp(rec, id, len);
		if (c == 0 && rec[len] == '\0')
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* The state of the evidence record with that ID, or "未登録". */
static const char *check_of_id(const struct report *r, const char *id)
{
	long i = report_evidence_find(r, id, strlen(id));
	return i < 0 ? "未登録" : report_check_name(r->evidence_checks[i]);
}

/* Adds word to a "、"-joined list unless it is there. */
static void add_once(struct sbuf *b, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = b->s; p && (p = strstr(p, word)); p++)
		if ((p == b->s || strncmp(p - 3, "、", 3) == 0) &&
		    (!p[n] || strncmp(p + n, "、", 3) == 0))
			return;
	if (b->len)
		sbuf_adds(b, "、");
	sbuf_adds(b, word);
}

/* The problems of one answer's cited evidence IDs ("EV-1, EV-2"). */
static void answer_problems(const struct report *r, const char *ids,
			    struct sbuf *problem, struct sbuf *evidence)
{
	const char *p = ids;
	if (!*ids) {
		add_once(problem, "なし");
		return;
	}
	while (*p) {
		size_t n = strcspn(p, ", ");
		char id[128];
		const char *check;
		snprintf(id, sizeof(id), "%.*s", (int)n, p);
		p += n;
		p += strspn(p, ", ");
		if (!*id)
			continue;
		check = check_of_id(r, id);
		if (strcmp(check, "確認済") == 0)
			continue;
		add_once(problem,
			 strcmp(check, "変更あり") == 0 ? "変更" : check);
		add_once(evidence, id);
	}
}

/* An observation's evidence problem and the evidence IDs concerned. */
static enum kansa_err observation_problem(const struct report *r,
					  struct finding *f)
{
	struct sbuf problem = {0}, evidence = {0};
	const struct report_item *it = &r->data.items[f->item - r->score.items];
	for (size_t i = 0; i < it->nanswers; i++) {
		const struct score_answer *a = it->answers[i]->a;
		if (a->status != STATUS_DONE ||
		    (a->evidence > 0 && a->evidence_valid >= a->evidence))
			continue;
		answer_problems(r, it->answers[i]->evidence_ids, &problem,
				&evidence);
	}
	if (f->item->status[VIEW_SELF] == STATUS_UNANSWERED)
		add_once(&problem, "未回答");
	if (!problem.len)
		add_once(&problem, "なし");
	if (problem.oom || evidence.oom) {
		sbuf_release(&problem);
		sbuf_release(&evidence);
		return KANSA_ERR_NOMEM;
	}
	f->problem = sbuf_take(&problem);
	f->evidence = evidence.len ? sbuf_take(&evidence) : strdup("");
	return f->problem && f->evidence ? KANSA_OK : KANSA_ERR_NOMEM;
}

enum kansa_err report_fill_findings(struct report *r)
{
	for (size_t i = 0; i < r->findings.n; i++) {
		struct finding *f = &r->findings.v[i];
		enum kansa_err err;
		if (r->has_audit)
			f->conflict = audit_member_in(&r->audit, f->where);
		if (f->grade == GRADE_OBSERVATION &&
		    (err = observation_problem(r, f)))
			return err;
	}
	return KANSA_OK;
}

/* The plan for an item (either ID), of the latest finding year. */
static const struct plan *plan_for(const struct report *r, const char *a,
				   const char *b)
{
	const struct plan *best = NULL;
	for (size_t i = 0; i < r->nplans; i++) {
		const struct plan *p = &r->plans[i];
		if (!plan_has_item(p, a) && !(b && plan_has_item(p, b)))
			continue;
		if (!best || p->finding_year > best->finding_year)
			best = p;
	}
	return best;
}

static enum followup_state state_of(const struct followup *u)
{
	if (!u->finding || u->finding->grade == GRADE_OBSERVATION)
		return FOLLOWUP_DONE;
	if (u->plan &&
	    (u->plan->status == PLAN_DONE || u->plan->status == PLAN_CONFIRMED))
		return FOLLOWUP_RECURRED;
	if (u->plan && (u->plan->status == PLAN_DOING || u->plan->progress))
		return FOLLOWUP_PROGRESS;
	return FOLLOWUP_NOT_BEGUN;
}

enum kansa_err report_follow_up(struct report *r)
{
	const struct findings *fs = &r->prev_findings;
	if (!(r->followups = calloc(fs->n + 1, sizeof(*r->followups))))
		return KANSA_ERR_NOMEM;
	for (size_t i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->v[i];
		struct followup *u = &r->followups[r->nfollowups];
		if (f->grade == GRADE_OBSERVATION)
			continue;
		u->before = f;
		for (size_t k = 0; k < r->diff.nitems; k++)
			if (r->diff.items[k].before == f->item)
				u->now = r->diff.items[k].now;
		u->finding = u->now ? findings_of_item(&r->findings,
						       u->now->item->id)
				    : NULL;
		u->plan = plan_for(r, f->item->item->id,
				   u->now ? u->now->item->id : NULL);
		u->state = state_of(u);
		r->by_followup[u->state]++;
		r->nfollowups++;
	}
	return KANSA_OK;
}
