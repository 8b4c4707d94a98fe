/* plans.c: improvement plans: files, rules of change, overdue. */
#include "plans.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

static const char *const status_names[PLAN_STATUSES] = {
	"未着手",
	"対応中",
	"完了",
	"確認済",
};
static const char *const header_keys[] = {"kind", "as_of", "reported_by",
					  "role"};
static const char *const plan_keys[] = {
	"items",	"finding_year", "department", "role",
	"action",	"due",		"status",     "progress",
	"completed_on", "notes",	"reason",     "milestone_*",
};

#define COUNT(a)    (sizeof(a) / sizeof((a)[0]))
#define AUDIT_CHIEF "情報セキュリティ監査統括責任者"

const char *plan_status_name(enum plan_status s)
{
	return (unsigned)s < PLAN_STATUSES ? status_names[s] : "?";
}

int plan_status_parse(const char *s)
{
	for (int i = 0; i < PLAN_STATUSES; i++)
		if (strcmp(s, status_names[i]) == 0)
			return i;
	return -1;
}

void plan_release(struct plan *p)
{
	for (size_t i = 0; i < p->nitems; i++)
		free(p->items[i]);
	for (size_t i = 0; i < p->nmilestones; i++) {
		free(p->milestones[i].due);
		free(p->milestones[i].title);
		free(p->milestones[i].done_on);
	}
	free(p->items);
	free(p->milestones);
	free(p->id);
	free(p->department);
	free(p->role);
	free(p->action);
	free(p->due);
	free(p->completed_on);
	free(p->notes);
	free(p->reason);
	free(p->as_of);
	free(p->source);
	memset(p, 0, sizeof(*p));
}

void plan_file_release(struct plan_file *f)
{
	for (size_t i = 0; i < f->n; i++)
		plan_release(&f->plans[i]);
	free(f->plans);
	free(f->path);
	free(f->as_of);
	free(f->reported_by);
	free(f->role);
	memset(f, 0, sizeof(*f));
}

static char *dup0(const char *s)
{
	return strdup(s ? s : "");
}

bool plan_copy(struct plan *dst, const struct plan *src)
{
	memset(dst, 0, sizeof(*dst));
	dst->finding_year = src->finding_year;
	dst->status = src->status;
	dst->progress = src->progress;
	dst->line = src->line;
	dst->items = calloc(src->nitems + 1, sizeof(*dst->items));
	dst->milestones =
		calloc(src->nmilestones + 1, sizeof(*dst->milestones));
	if (!dst->items || !dst->milestones)
		return false;
	for (size_t i = 0; i < src->nitems; i++)
		if (!(dst->items[dst->nitems++] = strdup(src->items[i])))
			return false;
	for (size_t i = 0; i < src->nmilestones; i++) {
		struct milestone *m = &dst->milestones[dst->nmilestones++];
		m->due = dup0(src->milestones[i].due);
		m->title = dup0(src->milestones[i].title);
		m->done_on = dup0(src->milestones[i].done_on);
		if (!m->due || !m->title || !m->done_on)
			return false;
	}
	return (dst->id = dup0(src->id)) &&
	       (dst->department = dup0(src->department)) &&
	       (dst->role = dup0(src->role)) &&
	       (dst->action = dup0(src->action)) &&
	       (dst->due = dup0(src->due)) &&
	       (dst->completed_on = dup0(src->completed_on)) &&
	       (dst->notes = dup0(src->notes)) &&
	       (dst->reason = dup0(src->reason)) &&
	       (dst->as_of = dup0(src->as_of)) &&
	       (dst->source = dup0(src->source));
}

enum kansa_err plans_parse_snapshot(const char *as_of, const char *snapshot,
				    struct plan *out)
{
	struct sbuf b = {0};
	struct diags d;
	struct ini_file *f = NULL;
	struct plan_file pf = {0};
	enum kansa_err err;

	diags_init(&d);
	memset(out, 0, sizeof(*out));
	sbuf_printf(&b, "[kansa]\nkind = plans\nas_of = %s\n%s", as_of,
		    snapshot);
	if (!b.s)
		return KANSA_ERR_NOMEM;
	err = ini_parse("plan_log", b.s, b.len, NULL, &d, &f);
	if (!err)
		err = plans_read(f, NULL, &d, &pf);
	if (!err && (pf.n != 1 || d.errors))
		err = KANSA_ERR_DB;
	if (!err && !plan_copy(out, &pf.plans[0]))
		err = KANSA_ERR_NOMEM;
	plan_file_release(&pf);
	ini_free(f);
	diags_release(&d);
	sbuf_release(&b);
	return err;
}

bool plan_is_open(const struct plan *p)
{
	return p->status != PLAN_DONE && p->status != PLAN_CONFIRMED;
}

long plan_days_overdue(const struct plan *p, const char *as_of)
{
	return text_days_between(p->due, as_of);
}

bool plan_is_overdue(const struct plan *p, const char *as_of)
{
	return plan_is_open(p) && strcmp(p->due, as_of) < 0;
}

bool plan_has_item(const struct plan *p, const char *item_id)
{
	for (size_t i = 0; i < p->nitems; i++)
		if (strcmp(p->items[i], item_id) == 0)
			return true;
	return false;
}

/* --- reading --------------------------------------------------------- */

struct reader {
	const struct ini_file *f;
	const struct checklist *cl;
	struct diags *d;
	bool oom;
};

static char *value(struct reader *r, const struct ini_section *s,
		   const char *key)
{
	char *v = ini_get_joined(r->f, s, key);
	if (!v && !(v = strdup("")))
		r->oom = true;
	return v;
}

/* Normalises a date value in place (it may grow); errors name key. */
static void date_value(struct reader *r, const struct ini_section *s,
		       const char *key, char **v, bool required)
{
	char iso[11], *n;
	if (!**v) {
		if (required)
			diags_add(r->d, DIAG_ERROR, r->f->path, s->line,
				  "plan [%s] has no %s (expected YYYY-MM-DD)",
				  s->name, key);
		return;
	}
	if (!text_parse_date(*v, iso)) {
		diags_add(r->d, DIAG_ERROR, r->f->path, ini_key_line(s, key),
			  "%s '%s' of [%s] is not a date (expected YYYY-MM-DD)",
			  key, *v, s->name);
		return;
	}
	if (!(n = strdup(iso))) {
		r->oom = true;
		return;
	}
	free(*v);
	*v = n;
}

static void split_items(struct reader *r, struct plan *p, const char *v)
{
	while (*v) {
		const char *comma = strchr(v, ','), *e;
		char **grown, *id;
		while (*v == ' ')
			v++;
		e = comma ? comma : v + strlen(v);
		while (e > v && e[-1] == ' ')
			e--;
		if (e > v) {
			if (!(id = strndup(v, (size_t)(e - v))) ||
			    !(grown = realloc(p->items,
					      (p->nitems + 1) *
						      sizeof(*grown)))) {
				free(id);
				r->oom = true;
				return;
			}
			p->items = grown;
			p->items[p->nitems++] = id;
			if (r->cl && !checklist_find(r->cl, id))
				diags_add(r->d, DIAG_WARNING, r->f->path,
					  p->line,
					  "plan [%s] names item '%s', which "
					  "is not in the checklist",
					  p->id, id);
		}
		if (!comma)
			break;
		v = comma + 1;
	}
}

/* N of "milestone_N" (done false) or "milestone_N_done" (done true),
 * or 0 for any other key. */
static int milestone_number(const char *key, bool *done)
{
	int n = 0;
	const char *p = key + strlen("milestone_");
	if (strncmp(key, "milestone_", strlen("milestone_")) != 0 || *p < '1' ||
	    *p > '9')
		return 0;
	for (; *p >= '0' && *p <= '9' && n < 1000; p++)
		n = n * 10 + (*p - '0');
	*done = strcmp(p, "_done") == 0;
	return *p == '\0' || *done ? n : 0;
}

/* The number of milestones, 1 to N without a gap; an error for a gap,
 * a milestone_N_done without its milestone_N, or more than 99. */
static int count_milestones(struct reader *r, const struct ini_section *s)
{
	bool have[101] = {false}, done;
	int max = 0;

	for (size_t k = 0; k < s->nkeys; k++) {
		int n = milestone_number(s->keys[k].lower, &done);
		if (n > 99) {
			diags_add(r->d, DIAG_ERROR, r->f->path, s->keys[k].line,
				  "'%s' of [%s]: at most 99 milestones",
				  s->keys[k].name, s->name);
			continue;
		}
		if (n && !done)
			have[n] = true;
		if (n > max && !done)
			max = n;
	}
	for (size_t k = 0; k < s->nkeys; k++) {
		int n = milestone_number(s->keys[k].lower, &done);
		if (n > 0 && n <= 99 && done && !have[n])
			diags_add(r->d, DIAG_ERROR, r->f->path, s->keys[k].line,
				  "'%s' of [%s] has no milestone_%d",
				  s->keys[k].name, s->name, n);
		else if (n > 1 && n <= 99 && !done && !have[n - 1])
			diags_add(r->d, DIAG_ERROR, r->f->path, s->keys[k].line,
				  "'%s' of [%s] follows a gap: milestone_%d is "
				  "missing (number the milestones 1, 2, 3 ...)",
				  s->keys[k].name, s->name, n - 1);
	}
	return max;
}

/* Warns of milestones due before the one numbered before them, or after
 * the plan's own due date. */
static void check_milestone_dates(struct reader *r, const struct ini_section *s,
				  const struct plan *p)
{
	char key[32], a[11], b[11];
	for (size_t i = 0; i < p->nmilestones; i++) {
		const char *due = p->milestones[i].due;
		snprintf(key, sizeof(key), "milestone_%zu", i + 1);
		if (!text_parse_date(due, a))
			continue;
		if (i > 0 && text_parse_date(p->milestones[i - 1].due, b) &&
		    strcmp(a, b) < 0)
			diags_add(r->d, DIAG_WARNING, r->f->path,
				  ini_key_line(s, key),
				  "%s of [%s] is due %s, before milestone_%zu "
				  "(%s): number the milestones in order",
				  key, s->name, a, i, b);
		if (p->due && text_parse_date(p->due, b) && strcmp(a, b) > 0)
			diags_add(r->d, DIAG_WARNING, r->f->path,
				  ini_key_line(s, key),
				  "%s of [%s] is due %s, after the plan's due "
				  "date %s",
				  key, s->name, a, b);
	}
}

/* milestone_1 = 2025-01-31 手順書案の作成, milestone_1_done = 2025-01-20 */
static void read_milestones(struct reader *r, const struct ini_section *s,
			    struct plan *p)
{
	char key[32];
	int count = count_milestones(r, s);
	for (int i = 1; i <= count && !r->oom; i++) {
		const char *v, *sp;
		struct milestone *m, *grown;
		snprintf(key, sizeof(key), "milestone_%d", i);
		if (!(v = ini_get(r->f, s, key)))
			break;
		if (!(grown = realloc(p->milestones,
				      (p->nmilestones + 1) * sizeof(*grown)))) {
			r->oom = true;
			return;
		}
		p->milestones = grown;
		m = &p->milestones[p->nmilestones++];
		sp = strchr(v, ' ');
		m->due = sp ? strndup(v, (size_t)(sp - v)) : strdup(v);
		m->title = strdup(sp ? sp + 1 : "");
		snprintf(key, sizeof(key), "milestone_%d_done", i);
		m->done_on = value(r, s, key);
		if (!m->due || !m->title || !m->done_on) {
			r->oom = true;
			return;
		}
		snprintf(key, sizeof(key), "milestone_%d", i);
		date_value(r, s, key, &m->due, true);
		snprintf(key, sizeof(key), "milestone_%d_done", i);
		date_value(r, s, key, &m->done_on, false);
	}
	if (!r->oom)
		check_milestone_dates(r, s, p);
}

static void read_plan(struct reader *r, const struct ini_section *s,
		      const char *as_of, struct plan *p)
{
	char *v, *end, src[64];
	long n;
	int st;

	p->line = s->line;
	p->id = strdup(s->name);
	p->department = value(r, s, "department");
	p->role = value(r, s, "role");
	p->action = value(r, s, "action");
	p->due = value(r, s, "due");
	p->completed_on = value(r, s, "completed_on");
	p->notes = value(r, s, "notes");
	p->reason = value(r, s, "reason");
	p->as_of = strdup(as_of);
	snprintf(src, sizeof(src), ":%ld", s->line);
	p->source = malloc(strlen(r->f->path) + sizeof(src));
	if (r->oom || !p->id || !p->as_of || !p->source) {
		r->oom = true;
		return;
	}
	sprintf(p->source, "%s%s", r->f->path, src);
	if ((v = value(r, s, "items")) != NULL) {
		split_items(r, p, v);
		if (!p->nitems)
			diags_add(r->d, DIAG_ERROR, r->f->path, s->line,
				  "plan [%s] names no items (expected 'items = "
				  "7-1(6)ウ', the findings it addresses)",
				  s->name);
		free(v);
	}
	if ((v = value(r, s, "finding_year")) != NULL) {
		if (!text_parse_fiscal_year(v, &p->finding_year))
			diags_add(r->d, DIAG_ERROR, r->f->path,
				  ini_key_line(s, "finding_year"),
				  "finding_year '%s' of [%s] is not a year", v,
				  s->name);
		free(v);
	}
	if ((v = value(r, s, "status")) != NULL) {
		if ((st = plan_status_parse(v)) < 0)
			diags_add(r->d, DIAG_ERROR, r->f->path,
				  ini_key_line(s, "status"),
				  "unknown plan status '%s' of [%s] (expected "
				  "未着手, 対応中, 完了 or 確認済)",
				  v, s->name);
		p->status = st < 0 ? PLAN_TODO : (enum plan_status)st;
		free(v);
	}
	if ((v = value(r, s, "progress")) != NULL) {
		char *digits = v;
		n = strtol(digits, &end, 10);
		if (*end == '%')
			end++;
		if (*v && (end == v || *end || n < 0 || n > 100))
			diags_add(r->d, DIAG_ERROR, r->f->path,
				  ini_key_line(s, "progress"),
				  "progress '%s' of [%s] is not 0 to 100", v,
				  s->name);
		p->progress = *v ? (int)n : 0;
		free(v);
	}
	if (!*p->department && !*p->action)
		diags_add(r->d, DIAG_ERROR, r->f->path, s->line,
			  "plan [%s] needs department and action", s->name);
	else if (!*p->department || !*p->action)
		diags_add(r->d, DIAG_ERROR, r->f->path,
			  ini_key_line(s, *p->action ? "department" : "action"),
			  "plan [%s] needs %s", s->name,
			  *p->action ? "a department (department = 担当部署)"
				     : "an action (action = 対応の内容)");
	date_value(r, s, "due", &p->due, true);
	date_value(r, s, "completed_on", &p->completed_on, false);
	read_milestones(r, s, p);
	ini_warn_unknown_keys(r->f, s, plan_keys, COUNT(plan_keys), r->d);
}

enum kansa_err plans_read(const struct ini_file *f, const struct checklist *cl,
			  struct diags *d, struct plan_file *out)
{
	struct reader r = {f, cl, d, false};
	const struct ini_section *k = ini_section(f, "kansa");
	size_t errors = d->errors;
	char iso[11], *iso_copy;

	memset(out, 0, sizeof(*out));
	if (!(out->path = strdup(f->path)) ||
	    !(out->plans = calloc(f->nsections + 1, sizeof(*out->plans))))
		return KANSA_ERR_NOMEM;
	memcpy(out->sha256, f->sha256, sizeof(out->sha256));
	out->size = f->size;
	out->as_of = value(&r, k, "as_of");
	out->as_of_line = ini_key_line(k, "as_of");
	out->reported_by = value(&r, k, "reported_by");
	out->role = value(&r, k, "role");
	if (r.oom)
		return KANSA_ERR_NOMEM;
	if (!text_parse_date(out->as_of, iso))
		diags_add(d, DIAG_ERROR, f->path, ini_key_line(k, "as_of"),
			  "as_of '%s' in [kansa] is not a date (expected the "
			  "date of this progress report, YYYY-MM-DD)",
			  out->as_of);
	else if (!(iso_copy = strdup(iso)))
		return KANSA_ERR_NOMEM;
	else {
		free(out->as_of);
		out->as_of = iso_copy;
	}
	ini_warn_unknown_keys(r.f, k, header_keys, COUNT(header_keys), r.d);
	for (size_t i = 0; i < f->nsections && !r.oom; i++)
		if (strcmp(f->sections[i].lower, "kansa") != 0)
			read_plan(&r, &f->sections[i], out->as_of,
				  &out->plans[out->n++]);
	if (r.oom)
		return KANSA_ERR_NOMEM;
	return d->errors > errors ? KANSA_ERR_INPUT : KANSA_OK;
}

/* --- rules of change ------------------------------------------------- */

static bool same_str(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static bool same_plan(const struct plan *a, const struct plan *b)
{
	if (a->nitems != b->nitems || a->nmilestones != b->nmilestones ||
	    a->finding_year != b->finding_year || a->status != b->status ||
	    a->progress != b->progress ||
	    !same_str(a->department, b->department) ||
	    !same_str(a->role, b->role) || !same_str(a->action, b->action) ||
	    !same_str(a->due, b->due) ||
	    !same_str(a->completed_on, b->completed_on) ||
	    !same_str(a->notes, b->notes))
		return false;
	for (size_t i = 0; i < a->nitems; i++)
		if (!same_str(a->items[i], b->items[i]))
			return false;
	for (size_t i = 0; i < a->nmilestones; i++)
		if (!same_str(a->milestones[i].due, b->milestones[i].due) ||
		    !same_str(a->milestones[i].title, b->milestones[i].title) ||
		    !same_str(a->milestones[i].done_on,
			      b->milestones[i].done_on))
			return false;
	return true;
}

static long line_of(const struct plan *p)
{
	return p->line > 0 ? p->line : 0;
}

bool plans_check_change(const struct plan *old, const struct plan *now,
			bool by_audit_chief, const char *file, struct diags *d)
{
	if (old && same_plan(old, now))
		return true;
	if (old && strcmp(now->due, old->due) > 0 && !*now->reason)
		diags_add(d, DIAG_ERROR, file, line_of(now),
			  "moving the due date of plan '%s' from %s to %s "
			  "needs a reason (reason = ...)",
			  now->id, old->due, now->due);
	if (now->status == PLAN_CONFIRMED && !by_audit_chief &&
	    !(old && old->status == PLAN_CONFIRMED))
		diags_add(d, DIAG_ERROR, file, line_of(now),
			  "only the " AUDIT_CHIEF " can set plan '%s' to "
			  "確認済 (role = " AUDIT_CHIEF " in [kansa], or "
			  "'kansa plan close --confirm')",
			  now->id);
	if (!plan_is_open(now) && !*now->completed_on)
		diags_add(d, DIAG_ERROR, file, line_of(now),
			  "plan '%s' is %s but has no completed_on "
			  "(YYYY-MM-DD)",
			  now->id, plan_status_name(now->status));
	if (!plan_is_open(now) && now->progress != 100)
		diags_add(d, DIAG_ERROR, file, line_of(now),
			  "plan '%s' is %s but its progress is %d %% "
			  "(expected 100)",
			  now->id, plan_status_name(now->status),
			  now->progress);
	return false;
}

/* --- writing --------------------------------------------------------- */

void plans_format(struct sbuf *b, const struct plan *p)
{
	char key[48];
	struct sbuf items = {0};

	for (size_t i = 0; i < p->nitems; i++)
		sbuf_printf(&items, "%s%s", i ? ", " : "", p->items[i]);
	sbuf_printf(b, "\n[%s]\n", p->id);
	ini_format_value(b, "items", items.s ? items.s : "");
	sbuf_printf(b, "finding_year = %d\n", p->finding_year);
	ini_format_value(b, "department", p->department);
	ini_format_value(b, "role", p->role);
	ini_format_value(b, "action", p->action);
	ini_format_value(b, "due", p->due);
	for (size_t i = 0; i < p->nmilestones; i++) {
		struct sbuf m = {0};
		sbuf_printf(&m, "%s %s", p->milestones[i].due,
			    p->milestones[i].title);
		snprintf(key, sizeof(key), "milestone_%zu", i + 1);
		ini_format_value(b, key, m.s ? m.s : "");
		if (*p->milestones[i].done_on) {
			snprintf(key, sizeof(key), "milestone_%zu_done", i + 1);
			ini_format_value(b, key, p->milestones[i].done_on);
		}
		sbuf_release(&m);
	}
	ini_format_value(b, "status", plan_status_name(p->status));
	sbuf_printf(b, "progress = %d\n", p->progress);
	ini_format_value(b, "completed_on", p->completed_on);
	ini_format_value(b, "notes", p->notes);
	sbuf_release(&items);
}

const struct plan *plans_find(const struct plan *v, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].id, id) == 0)
			return &v[i];
	return NULL;
}

static bool set_str(char **dst, const char *v)
{
	char *n;
	if (!v)
		return true;
	if (!(n = strdup(v)))
		return false;
	free(*dst);
	*dst = n;
	return true;
}

/* Applies the fields of c to p (a copy of the stored plan, or new). */
static bool apply_fields(struct plan *p, const struct plan_change *c)
{
	static const char *const kinds[] = {"add", "update", "close"};
	char src[256];
	snprintf(src, sizeof(src), "kansa plan %s%s%s", kinds[c->kind],
		 c->by ? " by " : "", c->by ? c->by : "");
	if (c->nitems) {
		for (size_t i = 0; i < p->nitems; i++)
			free(p->items[i]);
		free(p->items);
		if (!(p->items = calloc(c->nitems, sizeof(*p->items))))
			return false;
		p->nitems = 0;
		for (size_t i = 0; i < c->nitems; i++)
			if (!(p->items[p->nitems++] = strdup(c->items[i])))
				return false;
	}
	if (c->finding_year)
		p->finding_year = c->finding_year;
	if (c->status >= 0)
		p->status = (enum plan_status)c->status;
	if (c->progress >= 0)
		p->progress = c->progress;
	return set_str(&p->id, c->id) &&
	       set_str(&p->department, c->department) &&
	       set_str(&p->role, c->role) && set_str(&p->action, c->action) &&
	       set_str(&p->due, *c->due ? c->due : NULL) &&
	       set_str(&p->notes, c->note) &&
	       set_str(&p->completed_on,
		       *c->completed_on ? c->completed_on : NULL) &&
	       set_str(&p->reason, c->reason ? c->reason : "") &&
	       set_str(&p->as_of, c->as_of) && set_str(&p->source, src);
}

/* Closing: 完了 (or 確認済, which needs 完了 and the audit chief), 100 %,
 * completed on as_of unless given; false when out of memory. */
static bool close_plan(const struct plan *old, struct plan *p,
		       const struct plan_change *c, struct diags *d)
{
	if (c->confirm && old->status != PLAN_DONE &&
	    old->status != PLAN_CONFIRMED)
		diags_add(d, DIAG_ERROR, NULL, 0,
			  "plan '%s' is %s: it can be confirmed (確認済) once "
			  "it is 完了",
			  c->id, plan_status_name(old->status));
	if (c->confirm && !c->by)
		diags_add(d, DIAG_ERROR, NULL, 0,
			  "--confirm needs --by NAME: the audit chief who "
			  "confirms it");
	p->status = c->confirm ? PLAN_CONFIRMED : PLAN_DONE;
	p->progress = 100;
	return *p->completed_on || set_str(&p->completed_on, c->as_of);
}

enum kansa_err plans_apply_change(const struct plan *v, size_t n,
				  const struct plan_change *c, struct plan *out,
				  bool *unchanged, struct diags *d)
{
	const struct plan *old = plans_find(v, n, c->id);
	size_t errors = d->errors;

	*unchanged = false;
	memset(out, 0, sizeof(*out));
	if (c->kind == PLAN_CHANGE_ADD && old) {
		diags_add(d, DIAG_ERROR, NULL, 0,
			  "plan '%s' exists already (use 'kansa plan update')",
			  c->id);
		return KANSA_ERR_INPUT;
	}
	if (c->kind != PLAN_CHANGE_ADD && !old) {
		diags_add(d, DIAG_ERROR, NULL, 0, "no plan '%s'", c->id);
		return KANSA_ERR_NOTFOUND;
	}
	if (!plan_copy(out, old ? old : &(struct plan){0}) ||
	    !apply_fields(out, c) ||
	    (c->kind == PLAN_CHANGE_CLOSE && !close_plan(old, out, c, d)))
		return KANSA_ERR_NOMEM;
	if (c->kind == PLAN_CHANGE_ADD &&
	    (!out->nitems || !out->finding_year || !*out->department ||
	     !*out->action || !*out->due))
		diags_add(d, DIAG_ERROR, NULL, 0,
			  "plan add needs --item, --finding-year, "
			  "--department, --action and --due");
	if (plans_check_change(old, out, c->confirm, NULL, d) && old) {
		*unchanged = true;
		return KANSA_OK;
	}
	return d->errors > errors ? KANSA_ERR_INPUT : KANSA_OK;
}

/* The next skeleton ID KP-YEAR-NNN no plan has. */
static void next_id(char *pid, size_t size, int year, size_t *seq,
		    const struct plan *plans, size_t nplans)
{
	do
		snprintf(pid, size, "KP-%d-%03zu", year, ++*seq);
	while (plans_find(plans, nplans, pid));
}

size_t plans_suggest(struct sbuf *b, int year, const char *era,
		     const char *as_of, const struct plan_need *needs, size_t n,
		     const struct plan *plans, size_t nplans)
{
	size_t count = 0, seq = 0;

	sbuf_printf(b,
		    "; 改善計画の案 / plan skeletons for the findings of "
		    "%s (%d)\n; Fill in action, due and owner, then "
		    "import this file.\n[kansa]\nkind = plans\n"
		    "as_of = %s\nreported_by = \nrole = \n",
		    era, year, as_of);
	for (size_t i = 0; i < n; i++) {
		const struct plan_need *f = &needs[i];
		bool covered = false;
		struct plan p = {0};
		char pid[64], *items[1];
		if (f->grade != GRADE_MAJOR && f->grade != GRADE_MINOR)
			continue;
		for (size_t k = 0; k < nplans && !covered; k++)
			covered = plan_has_item(&plans[k], f->item_id);
		if (covered)
			continue;
		next_id(pid, sizeof(pid), year, &seq, plans, nplans);
		count++;
		items[0] = (char *)f->item_id;
		p.id = pid;
		p.items = items;
		p.nitems = 1;
		p.finding_year = year;
		p.department = (char *)f->department;
		p.role = (char *)"";
		p.action = (char *)"";
		p.due = (char *)"";
		p.completed_on = (char *)"";
		p.notes = (char *)finding_grade_name(f->grade);
		sbuf_printf(b, "\n; %s%s %s: %s\n",
			    finding_grade_name(f->grade),
			    f->candidate ? "（候補、未決定）" : "", f->item_id,
			    f->finding);
		if (f->recommendation && *f->recommendation)
			sbuf_printf(b, "; 改善提言: %s\n", f->recommendation);
		plans_format(b, &p);
	}
	return count;
}
