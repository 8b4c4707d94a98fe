/* report.c: gathering one fiscal year's report model. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "ini.h"
#include "templates.h"
#include "text.h"

/* Weights from scoring.ini (workspace, installed, or compiled in). */
static enum kansa_err load_weights(struct report *r, const char *dir,
				   struct diags *d)
{
	static const char *const kinds[] = {"scoring", NULL};
	struct ini_file *f = NULL;
	const struct ini_section *w;
	char *data = NULL, *from = NULL;
	size_t len;
	enum kansa_err err;
	const char *keys[2] = {"必須", "推奨"};
	double *out[2] = {&r->weight_required, &r->weight_recommended};

	r->weight_required = 1.0;
	r->weight_recommended = 0.5;
	if ((err = templates_load("scoring.ini", dir, &data, &len, &from, d)))
		return err == KANSA_ERR_NOTFOUND ? KANSA_OK : err;
	err = ini_parse(from, data, len, kinds, d, &f);
	free(data);
	if (!err && (w = ini_section(f, "weights")) != NULL)
		for (int i = 0; i < 2; i++) {
			const char *v = ini_get(f, w, keys[i]);
			char *end;
			double x;
			if (!v)
				continue;
			x = strtod(v, &end);
			if (end == v || *end || x < 0) {
				diags_add(d, DIAG_ERROR, from,
					  ini_key(w, keys[i])->line,
					  "weight '%s' of %s is not a number "
					  "of 0 or more",
					  v, keys[i]);
				err = KANSA_ERR_INPUT;
			} else {
				*out[i] = x;
			}
		}
	ini_free(f);
	free(from);
	return err;
}

/* Loads and scores one year into (cl, data, score). */
static enum kansa_err score_year(struct store *st, const struct report *r,
				 int year, const struct audit_file *audit,
				 struct checklist *cl, struct store_year *data,
				 struct score_result *score, struct diags *d)
{
	struct score_judgement *j = NULL;
	long long pid;
	enum kansa_err err;
	struct score_input in = {0};

	if ((err = store_load_year(st, year, r->as_of, data, d)) ||
	    (err = store_year_checklist(st, year, NULL, cl, &pid, d)))
		return err;
	if (audit && audit->n && !(j = calloc(audit->n, sizeof(*j))))
		return KANSA_ERR_NOMEM;
	for (size_t i = 0; audit && i < audit->n; i++) {
		j[i].item_id = audit->items[i].item_id;
		j[i].grade = audit->items[i].grade;
	}
	in.cl = cl;
	in.respondents = data->respondents;
	in.nrespondents = data->nrespondents;
	in.answers = data->answers;
	in.nanswers = data->nanswers;
	in.judgements = j;
	in.njudgements = audit ? audit->n : 0;
	in.weight_required = r->weight_required;
	in.weight_recommended = r->weight_recommended;
	err = score_compute(&in, score);
	free(j);
	return err;
}

/* Plans whose persistent finding outlived their due date. */
static enum kansa_err find_failed(struct report *r)
{
	const char *audit_day = r->has_audit && *r->audit.audited_on
					? r->audit.audited_on
					: r->as_of;
	for (size_t i = 0; i < r->diff.nitems; i++) {
		const struct diff_item *di = &r->diff.items[i];
		if (di->cls != DIFF_PERSISTENT)
			continue;
		for (size_t p = 0; p < r->nplans; p++) {
			const struct plan *pl = &r->plans[p];
			struct failed_plan *v;
			if (pl->finding_year >= r->year ||
			    strcmp(pl->due, audit_day) >= 0 ||
			    !(plan_has_item(pl, di->now->item->id) ||
			      plan_has_item(pl, di->before->item->id)))
				continue;
			v = realloc(r->failed, (r->nfailed + 1) * sizeof(*v));
			if (!v)
				return KANSA_ERR_NOMEM;
			r->failed = v;
			v[r->nfailed].plan = pl;
			v[r->nfailed++].item_id = di->now->item->id;
		}
	}
	return KANSA_OK;
}

static enum kansa_err gather_previous(struct store *st,
				      const struct report_options *o,
				      struct report *r, struct diags *d)
{
	struct audit_file prev_audit;
	bool found;
	enum kansa_err err;

	r->prev_year = o->against > 0	? o->against
		       : o->against < 0 ? 0
					: store_previous_year(st, r->year);
	if (!r->prev_year)
		return KANSA_OK;
	text_wareki_fiscal_year(r->prev_year, r->prev_era, sizeof(r->prev_era));
	if ((err = store_load_audit(st, r->prev_year, &prev_audit, &found, d)))
		return err;
	err = score_year(st, r, r->prev_year, found ? &prev_audit : NULL,
			 &r->prev_cl, &r->prev_data, &r->prev_score, d);
	audit_release(&prev_audit);
	if (err)
		return err;
	return diff_compute(&r->score, &r->prev_score, r->cl.mapping,
			    r->cl.nmapping, &r->diff);
}

enum kansa_err report_gather(struct store *st, const struct report_options *o,
			     struct report *r, struct diags *d)
{
	enum kansa_err err;

	memset(r, 0, sizeof(*r));
	checklist_init(&r->cl);
	checklist_init(&r->prev_cl);
	r->year = o->year;
	text_wareki_fiscal_year(o->year, r->era, sizeof(r->era));
	snprintf(r->as_of, sizeof(r->as_of), "%s", o->as_of);
	snprintf(r->date, sizeof(r->date), "%s", o->date ? o->date : o->as_of);
	if ((err = load_weights(r, o->templates, d)) ||
	    (err = store_load_audit(st, o->year, &r->audit, &r->has_audit,
				    d)) ||
	    (err = score_year(st, r, o->year, r->has_audit ? &r->audit : NULL,
			      &r->cl, &r->data, &r->score, d)) ||
	    (err = findings_compute(&r->score, r->data.respondents,
				    r->audit.items, r->audit.n,
				    &r->findings)) ||
	    (err = store_load_evidence(st, o->year, &r->evidence, d)) ||
	    (err = store_load_plans(st, &r->plans, &r->nplans, d)) ||
	    (err = store_load_plan_log(st, NULL, &r->log, &r->nlog, d)) ||
	    (err = gather_previous(st, o, r, d)))
		return err;
	return r->prev_year ? find_failed(r) : KANSA_OK;
}

void report_release(struct report *r)
{
	score_release(&r->score);
	score_release(&r->prev_score);
	findings_release(&r->findings);
	diff_release(&r->diff);
	store_year_release(&r->data);
	store_year_release(&r->prev_data);
	checklist_release(&r->cl);
	checklist_release(&r->prev_cl);
	audit_release(&r->audit);
	evidence_release(&r->evidence);
	for (size_t i = 0; i < r->nplans; i++)
		plan_release(&r->plans[i]);
	free(r->plans);
	store_plan_log_release(r->log, r->nlog);
	free(r->failed);
	memset(r, 0, sizeof(*r));
}

const char *report_part_title(const struct report *r, const char *id)
{
	for (size_t i = 0; i < r->cl.nparts; i++)
		if (strcmp(r->cl.parts[i].id, id) == 0)
			return r->cl.parts[i].title;
	return "";
}
