/* score.c: 実施率 in the self and audit views (rules: docs/scoring.md). */
#include "score.h"

#include <stdlib.h>
#include <string.h>

const char *score_view_name(enum score_view v)
{
	return v == VIEW_AUDIT ? "監査評価" : "自己評価";
}

double score_points(enum answer_status s)
{
	return s == STATUS_DONE ? 1.0 : s == STATUS_PARTIAL ? 0.5 : 0.0;
}

double score_rate(const struct score_group *g, enum score_view v)
{
	return g->weight[v] > 0 ? g->points[v] / g->weight[v] : -1.0;
}

/* Order of badness: 未回答 is the worst, then 未実施, 一部実施, 実施. */
static int rank(enum answer_status s)
{
	switch (s) {
	case STATUS_UNANSWERED:
		return 0;
	case STATUS_NOT_DONE:
		return 1;
	case STATUS_PARTIAL:
		return 2;
	default:
		return 3;
	}
}

/* The worse of two; 該当なし only when both are.  -1 means "none yet". */
static int worse(int acc, enum answer_status s)
{
	if (acc < 0 || acc == STATUS_NA)
		return s;
	if (s == STATUS_NA)
		return acc;
	return rank(s) < rank((enum answer_status)acc) ? (int)s : acc;
}

/* The grade the rules give an item, and why; GRADE_CONFORM for none. */
enum finding_grade score_default_grade(const struct score_item *si,
				       const char **reason)
{
	bool required = si->item->level == LEVEL_REQUIRED;

	switch (si->status[VIEW_SELF]) {
	case STATUS_UNANSWERED:
		*reason = "未回答の回答者がある";
		return GRADE_OBSERVATION;
	case STATUS_NOT_DONE:
		*reason =
			required ? "必須の項目が未実施" : "推奨の項目が未実施";
		return required ? GRADE_MAJOR : GRADE_RECOMMEND;
	case STATUS_PARTIAL:
		*reason = required ? "必須の項目が一部実施"
				   : "推奨の項目が一部実施";
		return required ? GRADE_MINOR : GRADE_RECOMMEND;
	case STATUS_DONE:
		if (si->weak_evidence) {
			*reason = "実施と回答されたが、有効な証跡がない";
			return GRADE_OBSERVATION;
		}
		/* fall through */
	default:
		*reason = "";
		return GRADE_CONFORM;
	}
}

/* The status the audit chief's judgement g gives the item si (its answers
 * scored): 適合 (and 棄却) make it 実施; 観察事項 leaves it.  A grade milder
 * than the rules' (a regrade, the chief's decision) sets the status it
 * implies; one confirming the rules' grade, or harsher, lowers the status
 * to at most that and never raises it (推奨事項 confirmed on a 推奨 item
 * answered 未実施 keeps 未実施). */
static enum answer_status judged_status(const struct score_item *si,
					enum finding_grade g)
{
	enum answer_status now = si->status[VIEW_AUDIT], implied;
	const char *why;
	switch (g) {
	case GRADE_CONFORM:
		return STATUS_DONE;
	case GRADE_MAJOR:
		implied = STATUS_NOT_DONE;
		break;
	case GRADE_MINOR:
	case GRADE_RECOMMEND:
		implied = STATUS_PARTIAL;
		break;
	default:
		return now; /* 観察事項 does not change the status */
	}
	if (g > score_default_grade(si, &why)) /* enum: most severe first */
		return implied;
	return (enum answer_status)worse((int)now, implied);
}

static void group_add(struct score_group *g, double weight,
		      const enum answer_status st[VIEW_COUNT])
{
	for (int v = 0; v < VIEW_COUNT; v++) {
		g->counts[v][st[v]]++;
		if (st[v] == STATUS_NA)
			continue;
		g->weight[v] += weight;
		g->points[v] += weight * score_points(st[v]);
	}
}

/* The index of the group with key (made when new); -1 when out of memory. */
static long group_index(struct score_result *r, enum score_group_kind k,
			const char *key)
{
	struct score_group *v;
	for (size_t i = 0; i < r->ngroups[k]; i++)
		if (strcmp(r->groups[k][i].key, key) == 0)
			return (long)i;
	v = realloc(r->groups[k], (r->ngroups[k] + 1) * sizeof(*v));
	if (!v)
		return -1;
	r->groups[k] = v;
	memset(&v[r->ngroups[k]], 0, sizeof(*v));
	if (!(v[r->ngroups[k]].key = strdup(key)))
		return -1;
	return (long)r->ngroups[k]++;
}

/* FNV-1a of a string, for the table of item IDs. */
static size_t hash_id(const char *s)
{
	size_t h = (size_t)14695981039346656037ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * (size_t)1099511628211ULL;
	return h;
}

/* An open-addressed table of item IDs: slot -> item index + 1 (0 empty),
 * the first item of each ID; size a power of two over twice nitems. */
struct id_table {
	const struct item *items;
	size_t *slot;
	size_t mask;
};

/* The index of the first item with ID id, or nitems (none). */
static size_t id_find(const struct id_table *t, const char *id, size_t nitems,
		      size_t *free_slot)
{
	for (size_t h = hash_id(id) & t->mask;; h = (h + 1) & t->mask) {
		if (!t->slot[h]) {
			if (free_slot)
				*free_slot = h;
			return nitems;
		}
		if (strcmp(t->items[t->slot[h] - 1].id, id) == 0)
			return t->slot[h] - 1;
	}
}

/* The table of items' IDs, and each item's first item of its ID
 * (canon[i]); false when out of memory. */
static bool id_table_make(struct id_table *t, const struct item *items,
			  size_t nitems, size_t *canon)
{
	size_t size = 16;
	while (size < 2 * nitems + 1)
		size *= 2;
	t->items = items;
	t->mask = size - 1;
	if (!(t->slot = calloc(size, sizeof(*t->slot))))
		return false;
	for (size_t i = 0; i < nitems; i++) {
		size_t at = 0;
		canon[i] = id_find(t, items[i].id, nitems, &at);
		if (canon[i] == nitems) {
			t->slot[at] = i + 1;
			canon[i] = i;
		}
	}
	return true;
}

enum kansa_err score_answers_by_item(const struct item *items, size_t nitems,
				     const struct score_answer *answers,
				     size_t n, size_t **order,
				     struct score_span **span, size_t *ngrouped)
{
	struct id_table t = {0};
	size_t *canon = malloc((nitems + 1) * sizeof(*canon));
	size_t *of = malloc((n + 1) * sizeof(*of)); /* answer -> item */
	size_t *at = calloc(nitems + 2, sizeof(*at));
	bool ok;

	*order = malloc((n + 1) * sizeof(**order));
	*span = calloc(nitems + 1, sizeof(**span));
	ok = canon && of && at && *order && *span &&
	     id_table_make(&t, items, nitems, canon);
	for (size_t j = 0; ok && j < n; j++) {
		of[j] = id_find(&t, answers[j].item_id, nitems, NULL);
		at[of[j] + 1]++;
	}
	for (size_t i = 1; ok && i <= nitems; i++)
		at[i] += at[i - 1];
	*ngrouped = ok ? at[nitems] : 0; /* the answers to an item */
	for (size_t i = 0; ok && i < nitems; i++)
		(*span)[i] = (struct score_span){
			at[canon[i]], at[canon[i] + 1] - at[canon[i]]};
	for (size_t j = 0; ok && j < n; j++)
		if (of[j] < nitems)
			(*order)[at[of[j]]++] = j;
	free(t.slot);
	free(canon);
	free(of);
	free(at);
	if (!ok) {
		free(*order);
		free(*span);
		*order = NULL;
		*span = NULL;
		return KANSA_ERR_NOMEM;
	}
	return KANSA_OK;
}

struct work {
	const struct score_input *in;
	struct score_result *r;
	size_t *order;		       /* answers grouped by item */
	struct score_span *span;       /* per item: where in order */
	long *resp_group[GROUP_KINDS]; /* respondent -> group index */
	int *acc[VIEW_COUNT];	       /* per group: worst so far */
	size_t *touched;	       /* groups met by this item */
	size_t ntouched;
	const struct score_answer **mark; /* respondent -> answer, per item */
};

static double item_weight(const struct score_input *in, const struct item *it)
{
	char *end;
	double w;
	if (it->weight) {
		w = strtod(it->weight, &end);
		if (end != it->weight && w >= 0)
			return w;
	}
	return it->level == LEVEL_RECOMMENDED ? in->weight_recommended
					      : in->weight_required;
}

static bool add_response(struct score_item *si, const struct score_answer *a,
			 size_t respondent)
{
	struct score_response *v =
		text_grow(si->responses, si->nresponses, sizeof(*v));
	if (!v)
		return false;
	si->responses = v;
	v += si->nresponses++;
	v->respondent = respondent;
	v->answered = a != NULL;
	v->status[VIEW_SELF] = a ? a->status : STATUS_UNANSWERED;
	v->weak_evidence =
		a && a->status == STATUS_DONE && a->evidence_valid == 0;
	v->status[VIEW_AUDIT] =
		v->weak_evidence ? STATUS_PARTIAL : v->status[VIEW_SELF];
	return true;
}

/* The responses of one item: every respondent of a responsible role
 * (未回答 when their sheet lacks it), and anyone else who answered it. */
static bool collect_responses(struct work *w, struct score_item *si)
{
	const struct score_input *in = w->in;
	const struct score_span *sp = &w->span[si - w->r->items];
	const size_t *first = w->order + sp->first, *end = first + sp->n;

	for (const size_t *j = first; j < end; j++)
		w->mark[in->answers[*j].respondent] = &in->answers[*j];
	for (size_t r = 0; r < in->nrespondents; r++) {
		const struct score_answer *a = w->mark[r];
		if ((a || item_has_role(si->item, in->respondents[r].role)) &&
		    !add_response(si, a, r))
			return false;
	}
	for (const size_t *j = first; j < end; j++)
		w->mark[in->answers[*j].respondent] = NULL;
	/* the doubling's spare room given back: a large year's responses
	 * are its biggest part */
	if (si->nresponses) {
		struct score_response *v =
			realloc(si->responses, si->nresponses * sizeof(*v));
		if (v)
			si->responses = v;
	}
	return true;
}

static void touch(struct work *w, long g, const struct score_response *resp)
{
	size_t slot = (size_t)g;
	if (w->acc[VIEW_SELF][slot] < 0)
		w->touched[w->ntouched++] = slot;
	for (int v = 0; v < VIEW_COUNT; v++)
		w->acc[v][slot] = worse(w->acc[v][slot], resp->status[v]);
}

/* Records group g's worst response st to item (in item order). */
static bool add_worst(struct score_result *r, enum score_group_kind k, size_t g,
		      size_t item, const enum answer_status st[VIEW_COUNT])
{
	struct score_worst *v =
		text_grow(r->worst[k], r->nworst[k], sizeof(*v));
	if (!v)
		return false;
	r->worst[k] = v;
	v += r->nworst[k]++;
	v->group = (unsigned)g;
	v->item = (unsigned)item;
	for (int i = 0; i < VIEW_COUNT; i++)
		v->status[i] = st[i];
	return true;
}

/* Orders each kind's worst responses by group, keeping the item order
 * within a group (a counting sort: linear in their number). */
static bool sort_worst(struct score_result *r)
{
	for (int k = GROUP_ROLE; k < GROUP_KINDS; k++) {
		size_t n = r->nworst[k], ng = r->ngroups[k];
		size_t *at = calloc(ng + 1, sizeof(*at));
		struct score_worst *v = malloc((n + 1) * sizeof(*v));
		if (!at || !v) {
			free(at);
			free(v);
			return false;
		}
		for (size_t i = 0; i < n; i++)
			at[r->worst[k][i].group + 1]++;
		for (size_t g = 1; g <= ng; g++)
			at[g] += at[g - 1];
		for (size_t i = 0; i < n; i++)
			v[at[r->worst[k][i].group]++] = r->worst[k][i];
		free(r->worst[k]);
		free(at);
		r->worst[k] = v;
	}
	return true;
}

/* Adds an item to the role, department and system groups; false on no
 * memory. */
static bool add_to_respondent_groups(struct work *w, struct score_item *si,
				     size_t chapter)
{
	size_t nch = w->r->ngroups[GROUP_CHAPTER];
	for (int k = GROUP_ROLE; k < GROUP_KINDS; k++) {
		w->ntouched = 0;
		for (size_t i = 0; i < si->nresponses; i++) {
			long g = w->resp_group[k][si->responses[i].respondent];
			if (g >= 0)
				touch(w, g, &si->responses[i]);
		}
		for (size_t t = 0; t < w->ntouched; t++) {
			size_t g = w->touched[t];
			enum answer_status st[VIEW_COUNT];
			for (int v = 0; v < VIEW_COUNT; v++) {
				st[v] = (enum answer_status)w->acc[v][g];
				w->acc[v][g] = -1;
			}
			group_add(&w->r->groups[k][g], si->weight, st);
			group_add(&w->r->matrix[k][g * nch + chapter],
				  si->weight, st);
			if (!add_worst(w->r, (enum score_group_kind)k, g,
				       (size_t)(si - w->r->items), st))
				return false;
		}
	}
	return true;
}

static bool score_item(struct work *w, size_t i)
{
	const struct score_input *in = w->in;
	struct score_result *r = w->r;
	struct score_item *si = &r->items[i];
	long c, s;

	si->item = &in->cl->items[i];
	si->weight = item_weight(in, si->item);
	si->judgement = -1;
	if (!collect_responses(w, si))
		return false;
	for (int v = 0; v < VIEW_COUNT; v++) {
		int acc = -1;
		for (size_t k = 0; k < si->nresponses; k++)
			acc = worse(acc, si->responses[k].status[v]);
		si->status[v] =
			acc < 0 ? STATUS_UNANSWERED : (enum answer_status)acc;
	}
	for (size_t k = 0; k < si->nresponses; k++)
		si->weak_evidence =
			si->weak_evidence || si->responses[k].weak_evidence;
	for (size_t j = 0; j < in->njudgements; j++)
		if (strcmp(in->judgements[j].item_id, si->item->id) == 0) {
			si->judgement = (int)in->judgements[j].grade;
			si->status[VIEW_AUDIT] =
				judged_status(si, in->judgements[j].grade);
		}
	if ((c = group_index(r, GROUP_CHAPTER, si->item->chapter)) < 0 ||
	    (s = group_index(r, GROUP_SECTION, si->item->section)) < 0)
		return false;
	group_add(&r->overall, si->weight, si->status);
	if (si->item->level == LEVEL_REQUIRED)
		group_add(&r->required, si->weight, si->status);
	group_add(&r->groups[GROUP_CHAPTER][c], si->weight, si->status);
	group_add(&r->groups[GROUP_SECTION][s], si->weight, si->status);
	return add_to_respondent_groups(w, si, (size_t)c);
}

/* A respondent's key of one kind and its position. */
struct keyed {
	const char *key;
	size_t r;
};

static int cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->r > y->r) - (x->r < y->r);
}

static int cmp_first(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	return (x->r > y->r) - (x->r < y->r);
}

/*
 * The groups of kind k, one per distinct key of the respondents (NULL
 * for none: -1), made in the order the keys first appear, found
 * by sorting (a search of the groups for every respondent was quadratic
 * in the number of departments).  false when out of memory.
 */
static bool make_groups(struct work *w, enum score_group_kind k,
			const char **keys)
{
	size_t n = w->in->nrespondents, m = 0, ng = 0;
	struct keyed *v = malloc((n + 1) * sizeof(*v));
	struct keyed *first = malloc((n + 1) * sizeof(*first));
	struct score_group *g = NULL;
	bool ok = v && first;

	for (size_t r = 0; ok && r < n; r++) {
		w->resp_group[k][r] = -1;
		if (keys[r])
			v[m++] = (struct keyed){keys[r], r};
	}
	if (ok)
		qsort(v, m, sizeof(*v), cmp_keyed);
	for (size_t p = 0; ok && p < m; p++)
		if (!p || strcmp(v[p - 1].key, v[p].key) != 0)
			first[ng++] = v[p];
	if (ok) {
		qsort(first, ng, sizeof(*first), cmp_first);
		ok = (g = calloc(ng + 1, sizeof(*g))) != NULL;
	}
	w->r->groups[k] = g;
	for (size_t i = 0; ok && i < ng; i++) {
		ok = (g[i].key = strdup(first[i].key)) != NULL;
		w->r->ngroups[k] += ok;
		/* the group's number, kept where its first respondent is */
		w->resp_group[k][first[i].r] = (long)i;
	}
	/* every respondent takes the number of the first of its run */
	for (size_t p = 0, s = 0; ok && p < m; p++) {
		if (p && strcmp(v[p - 1].key, v[p].key) != 0)
			s = p;
		w->resp_group[k][v[p].r] = w->resp_group[k][v[s].r];
	}
	free(v);
	free(first);
	return ok;
}
/* Groups for the respondents' roles, departments and systems. */
static bool respondent_groups(struct work *w)
{
	const struct score_input *in = w->in;
	const char **keys = malloc((in->nrespondents + 1) * sizeof(*keys));
	size_t most = 0;
	bool ok = keys != NULL;

	for (int k = GROUP_ROLE; ok && k < GROUP_KINDS; k++) {
		if (!(w->resp_group[k] =
			      calloc(in->nrespondents + 1, sizeof(long)))) {
			ok = false;
			break;
		}
		for (size_t r = 0; r < in->nrespondents; r++) {
			const struct score_respondent *p = &in->respondents[r];
			keys[r] = k == GROUP_ROLE	  ? p->role
				  : k == GROUP_DEPARTMENT ? p->department
				  : *p->system		  ? p->system
							  : NULL;
		}
		ok = make_groups(w, (enum score_group_kind)k, keys);
	}
	free(keys);
	if (!ok)
		return false;
	for (int k = GROUP_ROLE; k < GROUP_KINDS; k++)
		if (w->r->ngroups[k] > most)
			most = w->r->ngroups[k];
	for (int v = 0; v < VIEW_COUNT; v++) {
		if (!(w->acc[v] = malloc((most + 1) * sizeof(int))))
			return false;
		for (size_t g = 0; g <= most; g++)
			w->acc[v][g] = -1;
	}
	return (w->touched = malloc((most + 1) * sizeof(size_t))) != NULL;
}

enum kansa_err score_compute(const struct score_input *in,
			     struct score_result *out)
{
	struct work w = {in, out, NULL, NULL, {NULL}, {NULL}, NULL, 0, NULL};
	size_t grouped; /* spans say where each item's are */
	bool ok = false;

	memset(out, 0, sizeof(*out));
	out->overall.key = strdup("全体");
	out->required.key = strdup("必須");
	out->items = calloc(in->cl->nitems + 1, sizeof(*out->items));
	w.mark = calloc(in->nrespondents + 1, sizeof(*w.mark));
	if (!out->overall.key || !out->required.key || !out->items || !w.mark ||
	    !respondent_groups(&w))
		goto out;
	/* chapters first, so that the matrices know their width */
	for (size_t i = 0; i < in->cl->nitems; i++)
		if (group_index(out, GROUP_CHAPTER, in->cl->items[i].chapter) <
		    0)
			goto out;
	for (int k = GROUP_ROLE; k < GROUP_KINDS; k++)
		if (!(out->matrix[k] = calloc(
			      out->ngroups[k] * out->ngroups[GROUP_CHAPTER] + 1,
			      sizeof(struct score_group))))
			goto out;
	if (score_answers_by_item(in->cl->items, in->cl->nitems, in->answers,
				  in->nanswers, &w.order, &w.span, &grouped))
		goto out;
	out->nitems = in->cl->nitems;
	ok = true;
	for (size_t i = 0; ok && i < in->cl->nitems; i++)
		ok = score_item(&w, i);
	ok = ok && sort_worst(out);
out:
	free(w.order);
	free(w.span);
	for (int k = 0; k < GROUP_KINDS; k++)
		free(w.resp_group[k]);
	for (int v = 0; v < VIEW_COUNT; v++)
		free(w.acc[v]);
	free(w.touched);
	free(w.mark);
	if (!ok) {
		score_release(out);
		return KANSA_ERR_NOMEM;
	}
	return KANSA_OK;
}

void score_release(struct score_result *r)
{
	for (size_t i = 0; i < r->nitems; i++)
		free(r->items[i].responses);
	free(r->items);
	for (int k = 0; k < GROUP_KINDS; k++) {
		for (size_t i = 0; i < r->ngroups[k]; i++)
			free(r->groups[k][i].key);
		free(r->groups[k]);
		free(r->matrix[k]);
		free(r->worst[k]);
	}
	free(r->overall.key);
	free(r->required.key);
	memset(r, 0, sizeof(*r));
}

const struct score_group *score_group_find(const struct score_result *r,
					   enum score_group_kind kind,
					   const char *key)
{
	for (size_t i = 0; i < r->ngroups[kind]; i++)
		if (strcmp(r->groups[kind][i].key, key) == 0)
			return &r->groups[kind][i];
	return NULL;
}

const struct score_group *score_cell(const struct score_result *r,
				     enum score_group_kind kind, size_t group,
				     size_t chapter)
{
	return &r->matrix[kind][group * r->ngroups[GROUP_CHAPTER] + chapter];
}

const struct score_item *score_item_find(const struct score_result *r,
					 const char *id)
{
	for (size_t i = 0; i < r->nitems; i++)
		if (strcmp(r->items[i].item->id, id) == 0)
			return &r->items[i];
	return NULL;
}
