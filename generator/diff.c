/* diff.c: year against year, across policy versions (docs/scoring.md). */
#include "diff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Matching by the same ID needs this much similarity; by text alone more
 * than that: a renumbered clause keeps its words. */
#define SAME_ID_SIMILARITY 0.6
#define MOVED_SIMILARITY   0.75

static const char *const class_names[DIFF_CLASSES] = {
	"改善", "悪化", "維持", "継続", "新規", "削除",
};

const char *diff_class_name(enum diff_class c)
{
	return (unsigned)c < DIFF_CLASSES ? class_names[c] : "?";
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* The character bigrams of a text, sorted; caller frees. */
static uint64_t *bigrams(const char *s, size_t *n)
{
	size_t len = strlen(s), k = 0;
	uint32_t prev = 0, cp;
	uint64_t *v = malloc((len + 1) * sizeof(*v));
	if (!v)
		return NULL;
	for (size_t i = 0; i < len;) {
		int l = text_u8_next(s + i, len - i, &cp);
		i += l > 0 ? (size_t)l : 1;
		if (l <= 0 || cp == ' ' || cp == 0x3000)
			continue;
		if (prev)
			v[k++] = ((uint64_t)prev << 32) | cp;
		prev = cp;
	}
	qsort(v, k, sizeof(*v), cmp_u64);
	*n = k;
	return v;
}

static double dice(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	size_t i = 0, j = 0, common = 0;
	if (na + nb == 0)
		return 1.0;
	while (i < na && j < nb) {
		if (a[i] == b[j]) {
			common++;
			i++;
			j++;
		} else if (a[i] < b[j]) {
			i++;
		} else {
			j++;
		}
	}
	return 2.0 * (double)common / (double)(na + nb);
}

double diff_similarity(const char *a, const char *b)
{
	size_t na, nb;
	uint64_t *x = bigrams(a, &na), *y = bigrams(b, &nb);
	double s = x && y ? dice(x, na, y, nb) : 0.0;
	free(x);
	free(y);
	return s;
}

static bool met(enum answer_status s)
{
	return s == STATUS_DONE || s == STATUS_NA;
}

static enum diff_class classify(const struct score_item *now,
				const struct score_item *before)
{
	bool a, b;
	if (!before)
		return DIFF_NEW;
	if (!now)
		return DIFF_REMOVED;
	a = met(now->status[VIEW_SELF]);
	b = met(before->status[VIEW_SELF]);
	return a && b ? DIFF_KEPT
	       : a    ? DIFF_IMPROVED
	       : b    ? DIFF_DECLINED
		      : DIFF_PERSISTENT;
}

struct candidate {
	size_t now, before; /* item indexes */
	double similarity;
};

static int cmp_candidate(const void *a, const void *b)
{
	const struct candidate *x = a, *y = b;
	if (x->similarity != y->similarity)
		return x->similarity < y->similarity ? 1 : -1;
	if (x->now != y->now)
		return x->now < y->now ? -1 : 1;
	return x->before < y->before ? -1 : x->before > y->before;
}

struct matcher {
	const struct item *const *it[2]; /* [0] now, [1] before */
	size_t n[2];			 /* how many of each */
	long *match;			 /* now item -> before item, or -1 */
	bool *taken;			 /* before item already matched */
	double *sim;	  /* now item -> similarity of its match */
	bool *mapped;	  /* now item matched by [mapping] */
	uint64_t **bg[2]; /* bigrams per item, [0] now, [1] before */
	size_t *nbg[2];
};

static long find_item(const struct matcher *m, int k, const char *id)
{
	for (size_t i = 0; i < m->n[k]; i++)
		if (strcmp(m->it[k][i]->id, id) == 0)
			return (long)i;
	return -1;
}

static double pair_similarity(struct matcher *m, size_t n, size_t b)
{
	return dice(m->bg[0][n], m->nbg[0][n], m->bg[1][b], m->nbg[1][b]);
}

static void link_items(struct matcher *m, size_t n, size_t b, double sim)
{
	m->match[n] = (long)b;
	m->taken[b] = true;
	m->sim[n] = sim;
}

/* Links the items whose texts are identical: under the same ID first,
 * then anywhere (renumbered), each with the first free one in order. */
static void match_identical(struct matcher *m)
{
	for (size_t n = 0; n < m->n[0]; n++) {
		long b = find_item(m, 1, m->it[0][n]->id);
		if (m->match[n] < 0 && b >= 0 && !m->taken[b] &&
		    strcmp(m->it[0][n]->text, m->it[1][b]->text) == 0)
			link_items(m, n, (size_t)b, 1.0);
	}
	for (size_t n = 0; n < m->n[0]; n++)
		for (size_t b = 0; m->match[n] < 0 && b < m->n[1]; b++)
			if (!m->taken[b] &&
			    strcmp(m->it[0][n]->text, m->it[1][b]->text) == 0)
				link_items(m, n, b, 1.0);
}

/* By [mapping], then identical texts, then by ID, then by text across all
 * remaining items. */
static bool match_items(struct matcher *m, const struct mapping *map,
			size_t nmap)
{
	size_t nn = m->n[0], nb = m->n[1], nc = 0, open_now = 0,
	       open_before = 0;
	struct candidate *c;

	for (size_t i = 0; i < nmap; i++) {
		long n = find_item(m, 0, map[i].to);
		long b = find_item(m, 1, map[i].from);
		if (n >= 0 && b >= 0 && m->match[n] < 0 && !m->taken[b]) {
			link_items(m, (size_t)n, (size_t)b,
				   pair_similarity(m, (size_t)n, (size_t)b));
			m->mapped[n] = true;
		}
	}
	match_identical(m);
	for (size_t n = 0; n < nn; n++) {
		long b = find_item(m, 1, m->it[0][n]->id);
		double s;
		if (m->match[n] >= 0 || b < 0 || m->taken[b])
			continue;
		s = pair_similarity(m, n, (size_t)b);
		if (s >= SAME_ID_SIMILARITY)
			link_items(m, n, (size_t)b, s);
	}
	/* room for the pairs still open only (every pair was 2.5 MB for
	 * the seed policy, mostly unused) */
	for (size_t n = 0; n < nn; n++)
		open_now += m->match[n] < 0;
	for (size_t b = 0; b < nb; b++)
		open_before += !m->taken[b];
	if (!(c = malloc((open_now * open_before + 1) * sizeof(*c))))
		return false;
	for (size_t n = 0; n < nn; n++) {
		if (m->match[n] >= 0)
			continue;
		for (size_t b = 0; b < nb; b++) {
			double s;
			if (m->taken[b])
				continue;
			s = pair_similarity(m, n, b);
			if (s >= MOVED_SIMILARITY)
				c[nc++] = (struct candidate){n, b, s};
		}
	}
	qsort(c, nc, sizeof(*c), cmp_candidate);
	for (size_t i = 0; i < nc; i++)
		if (m->match[c[i].now] < 0 && !m->taken[c[i].before])
			link_items(m, c[i].now, c[i].before, c[i].similarity);
	free(c);
	return true;
}

static bool prepare(struct matcher *m)
{
	size_t nn = m->n[0];
	m->match = malloc((nn + 1) * sizeof(*m->match));
	m->sim = calloc(nn + 1, sizeof(*m->sim));
	m->mapped = calloc(nn + 1, sizeof(*m->mapped));
	m->taken = calloc(m->n[1] + 1, sizeof(*m->taken));
	if (!m->match || !m->sim || !m->mapped || !m->taken)
		return false;
	for (size_t i = 0; i < nn; i++)
		m->match[i] = -1;
	for (int k = 0; k < 2; k++) {
		m->bg[k] = calloc(m->n[k] + 1, sizeof(*m->bg[k]));
		m->nbg[k] = calloc(m->n[k] + 1, sizeof(*m->nbg[k]));
		if (!m->bg[k] || !m->nbg[k])
			return false;
		for (size_t i = 0; i < m->n[k]; i++)
			if (!(m->bg[k][i] = bigrams(m->it[k][i]->text,
						    &m->nbg[k][i])))
				return false;
	}
	return true;
}

static void matcher_release(struct matcher *m)
{
	for (int k = 0; k < 2; k++) {
		for (size_t i = 0; m->bg[k] && i < m->n[k]; i++)
			free(m->bg[k][i]);
		free(m->bg[k]);
		free(m->nbg[k]);
	}
	free(m->match);
	free(m->sim);
	free(m->mapped);
	free(m->taken);
	free((void *)m->it[0]);
	free((void *)m->it[1]);
}

/* Matches the items of now against those of before (arrays of pointers,
 * which m takes over): false when out of memory. */
static bool run_matcher(struct matcher *m, const struct item **now, size_t nn,
			const struct item **before, size_t nb,
			const struct mapping *map, size_t nmap)
{
	m->it[0] = now;
	m->it[1] = before;
	m->n[0] = nn;
	m->n[1] = nb;
	return now && before && prepare(m) && match_items(m, map, nmap);
}

/* Pointers to the checklist items of a score result; caller frees. */
static const struct item **score_items(const struct score_result *r)
{
	const struct item **v = malloc((r->nitems + 1) * sizeof(*v));
	for (size_t i = 0; v && i < r->nitems; i++)
		v[i] = r->items[i].item;
	return v;
}

static void add_item(struct diff_result *d, const struct score_item *now,
		     const struct score_item *before, double sim, bool mapped)
{
	struct diff_item *it = &d->items[d->nitems++];
	it->now = now;
	it->before = before;
	it->cls = classify(now, before);
	it->similarity = before && now ? sim : 0.0;
	it->by_mapping = mapped;
	it->moved =
		now && before && strcmp(now->item->id, before->item->id) != 0;
	it->reworded = now && before &&
		       strcmp(now->item->text, before->item->text) != 0;
	d->by_class[it->cls]++;
	d->reworded += it->reworded;
	d->moved += it->moved;
}

/* 実施率 of the items of a chapter or section, now and (for the same
 * items, matched) before. */
static void part_rates(struct diff_result *d, struct diff_part *p, bool chapter)
{
	double w[2] = {0, 0}, pts[2] = {0, 0};
	for (size_t i = 0; i < d->nitems; i++) {
		const struct diff_item *it = &d->items[i];
		const char *key;
		if (!it->now)
			continue;
		key = chapter ? it->now->item->chapter : it->now->item->section;
		if (strcmp(key, p->key) != 0)
			continue;
		if (it->now->status[VIEW_SELF] != STATUS_NA) {
			w[0] += it->now->weight;
			pts[0] += it->now->weight *
				  score_points(it->now->status[VIEW_SELF]);
		}
		if (it->before && it->before->status[VIEW_SELF] != STATUS_NA) {
			w[1] += it->before->weight;
			pts[1] += it->before->weight *
				  score_points(it->before->status[VIEW_SELF]);
		}
	}
	p->rate_now = w[0] > 0 ? pts[0] / w[0] : -1;
	p->rate_before = w[1] > 0 ? pts[1] / w[1] : -1;
	p->change = p->rate_now >= 0 && p->rate_before >= 0
			    ? p->rate_now - p->rate_before
			    : 0;
}

static bool parts(struct diff_result *d, const struct score_result *now)
{
	d->chapters =
		calloc(now->ngroups[GROUP_CHAPTER] + 1, sizeof(*d->chapters));
	d->sections =
		calloc(now->ngroups[GROUP_SECTION] + 1, sizeof(*d->sections));
	if (!d->chapters || !d->sections)
		return false;
	for (size_t i = 0; i < now->ngroups[GROUP_CHAPTER]; i++) {
		d->chapters[i].key = now->groups[GROUP_CHAPTER][i].key;
		part_rates(d, &d->chapters[i], true);
	}
	d->nchapters = now->ngroups[GROUP_CHAPTER];
	for (size_t i = 0; i < now->ngroups[GROUP_SECTION]; i++) {
		d->sections[i].key = now->groups[GROUP_SECTION][i].key;
		part_rates(d, &d->sections[i], false);
	}
	d->nsections = now->ngroups[GROUP_SECTION];
	return true;
}

/* The five sections that changed most each way (ties: document order). */
static void extremes(struct diff_result *d)
{
	for (int sign = 1; sign >= -1; sign -= 2) {
		const struct diff_part **top =
			sign > 0 ? d->improved : d->declined;
		size_t *n = sign > 0 ? &d->nimproved : &d->ndeclined;
		for (size_t i = 0; i < d->nsections; i++) {
			const struct diff_part *p = &d->sections[i];
			size_t k;
			if (p->change * sign <= 0)
				continue;
			for (k = *n; k > 0 && p->change * sign >
						      top[k - 1]->change * sign;
			     k--)
				if (k < 5)
					top[k] = top[k - 1];
			if (k < 5) {
				top[k] = p;
				if (*n < 5)
					(*n)++;
			}
		}
	}
}

enum kansa_err diff_compute(const struct score_result *now,
			    const struct score_result *before,
			    const struct mapping *map, size_t nmap,
			    struct diff_result *out)
{
	struct matcher m = {0};
	bool ok = false;

	memset(out, 0, sizeof(*out));
	if (!run_matcher(&m, score_items(now), now->nitems, score_items(before),
			 before->nitems, map, nmap) ||
	    !(out->items = calloc(now->nitems + before->nitems + 1,
				  sizeof(*out->items))))
		goto out;
	for (size_t n = 0; n < now->nitems; n++)
		add_item(out, &now->items[n],
			 m.match[n] >= 0 ? &before->items[m.match[n]] : NULL,
			 m.sim[n], m.mapped[n]);
	for (size_t b = 0; b < before->nitems; b++)
		if (!m.taken[b])
			add_item(out, NULL, &before->items[b], 0, false);
	ok = parts(out, now);
	if (ok)
		extremes(out);
out:
	matcher_release(&m);
	if (!ok) {
		diff_release(out);
		return KANSA_ERR_NOMEM;
	}
	return KANSA_OK;
}

void diff_release(struct diff_result *d)
{
	free(d->items);
	free(d->chapters);
	free(d->sections);
	memset(d, 0, sizeof(*d));
}

const struct diff_item *diff_of_item(const struct diff_result *d,
				     const char *item_id)
{
	for (size_t i = 0; i < d->nitems; i++)
		if (d->items[i].now &&
		    strcmp(d->items[i].now->item->id, item_id) == 0)
			return &d->items[i];
	return NULL;
}

/* Pointers to a checklist's items, in order; caller frees. */
static const struct item **checklist_items(const struct checklist *cl)
{
	const struct item **v = malloc((cl->nitems + 1) * sizeof(*v));
	for (size_t i = 0; v && i < cl->nitems; i++)
		v[i] = &cl->items[i];
	return v;
}

static enum diff_move_kind move_kind(const struct item *from,
				     const struct item *to)
{
	if (!to)
		return MOVE_REMOVED;
	if (!from)
		return MOVE_ADDED;
	if (strcmp(from->id, to->id) != 0)
		return MOVE_RENUMBERED;
	return strcmp(from->text, to->text) ? MOVE_CHANGED : MOVE_SAME;
}

enum kansa_err diff_move_plan(const struct checklist *from,
			      const struct checklist *to,
			      struct diff_move **out, size_t *n)
{
	struct matcher m = {0};
	struct diff_move *v = NULL;
	long *back = NULL;
	size_t k = 0;
	bool ok;

	ok = run_matcher(&m, checklist_items(to), to->nitems,
			 checklist_items(from), from->nitems, to->mapping,
			 to->nmapping) &&
	     (v = calloc(from->nitems + to->nitems + 1, sizeof(*v))) &&
	     (back = malloc((from->nitems + 1) * sizeof(*back)));
	for (size_t b = 0; ok && b < from->nitems; b++)
		back[b] = -1;
	for (size_t t = 0; ok && t < to->nitems; t++)
		if (m.match[t] >= 0)
			back[m.match[t]] = (long)t;
	/* the year's items in their order, then the items new in to */
	for (size_t b = 0; ok && b < from->nitems; b++) {
		long t = back[b];
		struct diff_move *mv = &v[k++];
		mv->from = &from->items[b];
		mv->to = t >= 0 ? &to->items[t] : NULL;
		mv->kind = move_kind(mv->from, mv->to);
		mv->similarity = t >= 0 ? m.sim[t] : 0.0;
		mv->by_mapping = t >= 0 && m.mapped[t];
		mv->reworded = t >= 0 && strcmp(mv->from->text, mv->to->text);
	}
	for (size_t t = 0; ok && t < to->nitems; t++)
		if (m.match[t] < 0)
			v[k++] = (struct diff_move){.to = &to->items[t],
						    .kind = MOVE_ADDED};
	matcher_release(&m);
	free(back);
	if (!ok) {
		free(v);
		return KANSA_ERR_NOMEM;
	}
	*out = v;
	*n = k;
	return KANSA_OK;
}

const char *diff_move_kind_name(enum diff_move_kind k)
{
	static const char *const names[] = {"same", "renumbered", "changed",
					    "removed", "added"};
	return (unsigned)k < sizeof(names) / sizeof(names[0]) ? names[k] : "?";
}
