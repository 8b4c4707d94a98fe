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
	out->answers = calloc(na + 1, sizeof(*out->answers));
	if (!out->who || !out->respondents || !out->scored || !out->answers)
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
		struct report_answer *to = &out->answers[i];
		out->scored[i] = from->a;
		to->a = &out->scored[i];
		to->by = &out->respondents[from->a.respondent];
		to->comment = from->comment;
		to->evidence_ids = from->evidence_ids;
		to->line = from->line;
		memset(from, 0, sizeof(*from));
	}
	out->nanswers = na;
	return KANSA_OK;
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
	for (size_t i = 0; i < y->nanswers; i++) {
		free((char *)y->scored[i].item_id);
		free(y->answers[i].comment);
		free(y->answers[i].evidence_ids);
	}
	free(y->who);
	free(y->scored);
	free(y->respondents);
	free(y->answers);
	free(y->items);
	free(y->by_item);
	memset(y, 0, sizeof(*y));
}

static int by_item_then_order(const void *a, const void *b)
{
	const struct report_answer *x = *(const struct report_answer *const *)a;
	const struct report_answer *y = *(const struct report_answer *const *)b;
	int c = strcmp(x->a->item_id, y->a->item_id);
	return c ? c : (x > y) - (x < y);
}

/* The answers sorted by item, then in their order; each item's found by
 * binary search. */
enum kansa_err report_year_index(struct report_year *y,
				 const struct score_result *score)
{
	size_t na = y->nanswers;
	y->by_item = calloc(na + 1, sizeof(*y->by_item));
	y->items = calloc(score->nitems + 1, sizeof(*y->items));
	if (!y->by_item || !y->items)
		return KANSA_ERR_NOMEM;
	for (size_t i = 0; i < na; i++)
		y->by_item[i] = &y->answers[i];
	qsort(y->by_item, na, sizeof(*y->by_item), by_item_then_order);
	for (size_t i = 0; i < score->nitems; i++) {
		struct report_item *it = &y->items[i];
		const char *id = score->items[i].item->id;
		size_t lo = 0, hi = na;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (strcmp(y->by_item[mid]->a->item_id, id) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		it->score = &score->items[i];
		it->answers = &y->by_item[lo];
		while (lo + it->nanswers < na &&
		       strcmp(y->by_item[lo + it->nanswers]->a->item_id, id) ==
			       0)
			it->nanswers++;
	}
	y->nitems = score->nitems;
	return KANSA_OK;
}
