/* report_prev.c: loading and scoring a year for the model, and last
 * year's part of it, scored on the second core (a thread with a twin
 * connection to the database) while this year is gathered. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"
#include "store.h"
#include "text.h"

enum kansa_err report_score_year(struct store *st, const struct report *r,
				 int year, const char *as_of, bool texts,
				 const struct audit_file *audit,
				 struct checklist *cl, struct report_year *data,
				 struct score_result *score, struct diags *d)
{
	struct score_judgement *j = NULL;
	struct store_year rows;
	long long pid;
	enum kansa_err err;
	struct score_input in = {0};

	if ((err = store_load_year(st, year, as_of, texts, &rows, d)))
		return err;
	err = report_year_take(&rows, data);
	store_year_release(&rows);
	if (err || (err = store_year_checklist(st, year, NULL, cl, &pid, d)))
		return err;
	if (audit && audit->n && !(j = calloc(audit->n, sizeof(*j))))
		return KANSA_ERR_NOMEM;
	for (size_t i = 0; audit && i < audit->n; i++) {
		j[i].item_id = audit->items[i].item_id;
		j[i].grade = audit->items[i].grade;
	}
	in.cl = cl;
	in.respondents = data->who;
	in.nrespondents = data->nrespondents;
	in.answers = data->scored;
	in.nanswers = data->nanswers;
	in.judgements = j;
	in.njudgements = audit ? audit->n : 0;
	in.weight_required = r->weight_required;
	in.weight_recommended = r->weight_recommended;
	err = score_compute(&in, score);
	free(j);
	return err;
}

/* Last year's audit file, scores and findings (its answers dropped once
 * scored: they are shown nowhere). */
static enum kansa_err score_previous(struct store *st, struct report *r,
				     struct diags *d)
{
	struct store_finals fin = {0};
	bool found;
	enum kansa_err err;

	if ((err = store_load_audit(st, r->prev_year, &r->prev_audit, &found,
				    d)) ||
	    (err = store_load_finals(st, r->prev_year, &fin, d)))
		return err;
	/* a closed year's figures are those of its final report: as of its
	 * own 基準日, not this year's (REVIEW #5) */
	err = report_score_year(st, r, r->prev_year,
				fin.n && fin.as_of ? fin.as_of : r->as_of,
				false, found ? &r->prev_audit : NULL,
				&r->prev_cl, &r->prev_data, &r->prev_score, d);
	store_finals_release(&fin);
	if (err || (err = findings_compute(&r->prev_score, r->prev_data.who,
					   r->prev_audit.items, r->prev_audit.n,
					   &r->prev_findings)))
		return err;
	report_year_drop_answers(&r->prev_data);
	return KANSA_OK;
}

static void *previous_thread(void *arg)
{
	struct report_previous *p = arg;
	p->err = score_previous(p->twin, p->r, &p->d);
	return NULL;
}

void report_previous_start(struct store *st, const struct report_options *o,
			   struct report *r, struct report_previous *p)
{
	memset(p, 0, sizeof(*p));
	diags_init(&p->d);
	p->r = r;
	r->prev_year = o->against > 0	? o->against
		       : o->against < 0 ? 0
					: store_previous_year(st, r->year);
	if (!r->prev_year)
		return;
	text_wareki_fiscal_year(r->prev_year, r->prev_era, sizeof(r->prev_era));
	if (store_open_twin(st, &p->d, &p->twin))
		return;
	if (pthread_create(&p->thread, NULL, previous_thread, p) != 0) {
		store_close(p->twin);
		p->twin = NULL;
	}
}

enum kansa_err report_previous_finish(struct store *st, struct report *r,
				      struct report_previous *p, bool skip,
				      struct diags *d)
{
	enum kansa_err err = KANSA_OK;

	if (p->twin) {
		pthread_join(p->thread, NULL);
		store_close(p->twin);
		p->twin = NULL;
		/* after this year failed, last year is not spoken of (it
		 * was not gathered at all before it ran beside) */
		if (!skip)
			diags_move(d, &p->d);
		err = skip ? KANSA_OK : p->err;
	} else if (r->prev_year && !skip) {
		err = score_previous(st, r, d);
	}
	diags_release(&p->d);
	if (err || skip || !r->prev_year)
		return err;
	return diff_compute(&r->score, &r->prev_score, r->cl.mapping,
			    r->cl.nmapping, &r->diff);
}
