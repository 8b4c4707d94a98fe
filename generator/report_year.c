/* report_year.c: a year's respondents and answers in the report model's
 * types, taken over from the store's rows, and each scored item's
 * answers. */
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "store.h"

enum kansa_err report_year_take(struct store_year *y, struct report_year *out)
{
	size_t nr = y->nrespondents, na = y->nanswers;
	out->who = calloc(nr + 1, sizeof(*out->who));
	out->respondents = calloc(nr + 1, sizeof(*out->respondents));
	out->scored = calloc(na + 1, sizeof(*out->scored));
	/* a year loaded without texts is only scored: no answers to show */
	out->answers = y->texts ? calloc(na + 1, sizeof(*out->answers)) : NULL;
	if (!out->who || !out->respondents || !out->scored ||
	    (y->texts && !out->answers))
		return KANSA_ERR_NOMEM;
	for (size_t i = 0; i < nr; i++) {
		struct store_year_respondent *from = &y->respondents[i];
		struct report_respondent *to = &out->respondents[i];
		out->who[i] = from->who;
		to->who = &out->who[i];
		to->answered_on = from->answered_on;
		to->file = from->file;
		memset(from, 0, sizeof(*from));
	}
	out->nrespondents = nr;
	for (size_t i = 0; i < na; i++) {
		struct store_year_answer *from = &y->answers[i];
		struct report_answer *to;
		out->scored[i] = from->a;
		if (!out->answers)
			continue;
		to = &out->answers[i];
		to->a = &out->scored[i];
		to->by = &out->respondents[from->a.respondent];
		to->comment = from->comment;
		to->evidence_ids = from->evidence_ids;
		to->line = from->line;
		memset(from, 0, sizeof(*from));
	}
	out->nanswers = na;
	out->strings = y->strings;
	memset(&y->strings, 0, sizeof(y->strings));
	return KANSA_OK;
}

void report_year_drop_answers(struct report_year *y)
{
	free(y->scored);
	free(y->answers);
	free(y->items);
	free(y->by_item);
	strpool_release(&y->strings);
	y->scored = NULL;
	y->answers = NULL;
	y->items = NULL;
	y->by_item = NULL;
	y->nanswers = y->nitems = 0;
}

void report_year_release(struct report_year *y)
{
	for (size_t i = 0; i < y->nrespondents; i++) {
		free((char *)y->who[i].department);
		free((char *)y->who[i].role);
		free((char *)y->who[i].system);
		free((char *)y->who[i].name);
		free(y->respondents[i].answered_on);
		free(y->respondents[i].file);
	}
	report_year_drop_answers(y);
	free(y->who);
	free(y->respondents);
	memset(y, 0, sizeof(*y));
}

/* The answers grouped by item (score_answers_by_item(): no sort by ID),
 * each item's in their order. */
enum kansa_err report_year_index(struct report_year *y,
				 const struct score_result *score,
				 const struct checklist *cl)
{
	size_t *order = NULL;
	struct score_span *span = NULL;
	size_t na = y->nanswers, grouped = 0;

	y->by_item = calloc(na + 1, sizeof(*y->by_item));
	y->items = calloc(score->nitems + 1, sizeof(*y->items));
	if (!y->by_item || !y->items ||
	    score_answers_by_item(cl->items, cl->nitems, y->scored, na, &order,
				  &span, &grouped))
		return KANSA_ERR_NOMEM;
	/* an answer to no item of the checklist is in no item's answers */
	for (size_t k = 0; k < grouped; k++)
		y->by_item[k] = &y->answers[order[k]];
	for (size_t i = 0; i < score->nitems; i++) {
		struct report_item *it = &y->items[i];
		it->score = &score->items[i];
		it->answers = &y->by_item[span[i].first];
		it->nanswers = span[i].n;
	}
	y->nitems = score->nitems;
	free(order);
	free(span);
	return KANSA_OK;
}
