/* report.c: gathering one fiscal year's report model. */
#include "report.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "ini.h"
#include "store.h"
#include "report_internal.h"
#include "templates.h"
#include "text.h"

static const char *const report_keys[] = {"workpaper", "ciso", "audit",
					  "plans"};

/* s with {era}, {year} and {as_of} replaced; caller frees. */
static char *expand(const struct report *r, const char *s)
{
	struct sbuf b = {0};
	for (; *s; s++) {
		if (strncmp(s, "{era}", 5) == 0) {
			sbuf_adds(&b, r->era);
			s += 4;
		} else if (strncmp(s, "{year}", 6) == 0) {
			sbuf_printf(&b, "%d", r->year);
			s += 5;
		} else if (strncmp(s, "{as_of}", 7) == 0) {
			sbuf_adds(&b, r->as_of);
			s += 6;
		} else {
			sbuf_add(&b, s, 1);
		}
	}
	return sbuf_take(&b);
}

static char *setting(const struct report *r, const struct ini_file *f,
		     const char *section, const char *key, const char *def)
{
	const char *v = f ? ini_get(f, ini_section(f, section), key) : NULL;
	return expand(r, v && *v ? v : def);
}

enum kansa_err report_settings_from_ini(struct report *r,
					const struct ini_file *f)
{
	static const char *const titles[] = {
		"{era} 情報セキュリティ監査調書 / 自己点検結果",
		"{era} 情報セキュリティ監査及び自己点検の結果について",
		"{era} 情報セキュリティ監査報告書", "改善計画の進捗状況報告"};
	static const char *const files[] = {
		"kansa-{year}-workpaper.xlsx", "kansa-{year}-ciso.pdf",
		"kansa-{year}-audit.pdf", "kansa-plans-{as_of}.pdf"};
	struct report_settings *s = &r->settings;

	s->organisation = setting(r, f, "report", "organisation", "");
	s->classification = setting(r, f, "report", "classification", "");
	s->document_number = setting(r, f, "report", "document_number", "");
	s->addressee = setting(r, f, "report", "addressee", "");
	s->sender = setting(r, f, "report", "sender",
			    "情報セキュリティ監査統括責任者");
	s->basis_clause = setting(r, f, "report", "basis_clause", "");
	s->font = setting(r, f, "report", "font",
			  "/usr/share/fonts/opentype/ipaexfont-gothic/"
			  "ipaexg.ttf");
	s->font_body = setting(r, f, "report", "font_body",
			       "/usr/share/fonts/opentype/ipaexfont-mincho/"
			       "ipaexm.ttf");
	s->font_mono = setting(r, f, "report", "font_mono",
			       "/usr/share/fonts/opentype/ipafont-gothic/"
			       "ipag.ttf");
	for (int i = 0; i < 4; i++) {
		s->title[i] =
			setting(r, f, "titles", report_keys[i], titles[i]);
		s->file[i] = setting(r, f, "files", report_keys[i], files[i]);
	}
	if (!s->organisation || !s->classification || !s->document_number ||
	    !s->addressee || !s->sender || !s->font || !s->font_body ||
	    !s->font_mono || !s->basis_clause)
		return KANSA_ERR_NOMEM;
	if (!(s->order_clause = setting(r, f, "report", "order_clause", "")))
		return KANSA_ERR_NOMEM;
	for (int i = 0; i < 4; i++)
		if (!s->title[i] || !s->file[i])
			return KANSA_ERR_NOMEM;
	return KANSA_OK;
}

/* A misspelt key would fall back to its default in silence (a misspelt
 * classification prints the reports without any marking): name each. */
static void warn_unknown_settings(const struct ini_file *f, struct diags *d)
{
	static const char *const keys[] = {"organisation",    "classification",
					   "document_number", "addressee",
					   "sender",	      "basis_clause",
					   "order_clause",    "font",
					   "font_body",	      "font_mono"};
	const struct ini_section *s;

	if (!f)
		return;
	if ((s = ini_section(f, "report")))
		ini_warn_unknown_keys(f, s, keys, sizeof(keys) / sizeof(*keys),
				      d);
	if ((s = ini_section(f, "titles")))
		ini_warn_unknown_keys(f, s, report_keys, 4, d);
	if ((s = ini_section(f, "files")))
		ini_warn_unknown_keys(f, s, report_keys, 4, d);
}

/* Settings from report.ini (workspace, installed, or compiled in), and
 * the organisation of the options (kansa.ini's) over report.ini's. */
static enum kansa_err
load_settings(struct report *r, const struct report_options *o, struct diags *d)
{
	static const char *const kinds[] = {"report", NULL};
	struct report_settings *s = &r->settings;
	struct ini_file *f = NULL;
	char *data = NULL;
	size_t len;
	enum kansa_err err;

	err = templates_load("report.ini", o->templates, &data, &len, &s->from,
			     d);
	if (err && err != KANSA_ERR_NOTFOUND)
		return err;
	if (!err && (err = ini_parse(s->from, data, len, kinds, d, &f))) {
		free(data);
		return err;
	}
	free(data);
	warn_unknown_settings(f, d);
	err = report_settings_from_ini(r, f);
	for (int i = 0; !err && i < 4; i++) {
		const char *why = fileio_name_problem(s->file[i]);
		const struct ini_section *fs =
			f ? ini_section(f, "files") : NULL;
		if (why) {
			diags_add(d, DIAG_ERROR, s->from,
				  fs ? ini_key_line(fs, report_keys[i]) : 0,
				  "[files] %s = '%s' is not a file name: %s "
				  "(the reports are written into the output "
				  "folder only)",
				  report_keys[i], s->file[i], why);
			err = KANSA_ERR_INPUT;
		}
	}
	ini_free(f);
	if (!err && o->organisation && *o->organisation) {
		free(s->organisation);
		if (!(s->organisation = strdup(o->organisation)))
			err = KANSA_ERR_NOMEM;
	}
	return err;
}

/* The inputs' digest: SHA-256 of "kind sha256" lines (sorted) and the
 * policy's name, version and text SHA-256. */
static void digest_inputs(struct report *r)
{
	struct sbuf b = {0};
	sbuf_printf(&b, "policy %s@%s %s\n", r->cl.policy, r->cl.version,
		    r->cl.source_sha256 ? r->cl.source_sha256 : "");
	for (size_t i = 0; i < r->ninputs; i++)
		sbuf_printf(&b, "%s %s\n", r->inputs[i].kind,
			    r->inputs[i].sha256);
	text_sha256_hex(b.s ? b.s : "", b.len, r->input_digest);
	sbuf_release(&b);
}

/* Each evidence file's path from the output folder, for hyperlinks. */
static enum kansa_err link_evidence(struct report *r, const char *db_dir,
				    const char *out_dir)
{
	if (!(r->evidence_links = calloc(r->evidence.n + 1, sizeof(char *))))
		return KANSA_ERR_NOMEM;
	for (size_t i = 0; i < r->evidence.n; i++) {
		const char *p = r->evidence.records[i].path;
		struct sbuf full = {0};
		if (p[0] == '/')
			sbuf_adds(&full, p);
		else
			sbuf_printf(&full, "%s/%s", db_dir, p);
		r->evidence_links[i] =
			out_dir && full.s ? fileio_relative(out_dir, full.s)
					  : strdup(p);
		sbuf_release(&full);
		if (!r->evidence_links[i])
			return KANSA_ERR_NOMEM;
	}
	return KANSA_OK;
}

/* The row of a year plan: its log, item IDs and overdue days. */
static enum kansa_err plan_row(struct report *r, const struct plan *p,
			       struct report_plan *row)
{
	struct sbuf items = {0};
	size_t n = 0;
	row->plan = p;
	for (size_t k = 0; k < r->nlog; k++)
		n += strcmp(r->log[k].plan_id, p->id) == 0;
	if (!(row->log = calloc(n + 1, sizeof(*row->log))))
		return KANSA_ERR_NOMEM;
	for (size_t k = 0; k < r->nlog; k++)
		if (strcmp(r->log[k].plan_id, p->id) == 0)
			row->log[row->nlog++] = &r->log[k];
	row->last = row->nlog ? row->log[row->nlog - 1] : NULL;
	for (size_t k = 0; k < p->nitems; k++)
		sbuf_printf(&items, "%s%s", k ? ", " : "", p->items[k]);
	row->items = items.s ? sbuf_take(&items) : strdup("");
	row->overdue = plan_is_overdue(p, r->as_of);
	row->days_overdue = row->overdue ? plan_days_overdue(p, r->as_of) : 0;
	return row->items ? KANSA_OK : KANSA_ERR_NOMEM;
}

/* Plans open at some time during the fiscal year: all but those
 * confirmed before it began, and those of later findings; with their
 * rows and counts. */
static enum kansa_err year_plans(struct report *r)
{
	struct report_plan_counts *c = &r->plan_counts;
	char start[16];
	snprintf(start, sizeof(start), "%04d-04-01", r->year % 10000);
	if (!(r->year_plans = calloc(r->nplans + 1, sizeof(*r->year_plans))))
		return KANSA_ERR_NOMEM;
	for (size_t i = 0; i < r->nplans; i++) {
		const struct plan *p = &r->plans[i];
		const char *confirmed = NULL;
		if (plan_is_open(p)) {
			c->open++;
			c->open_overdue += plan_is_overdue(p, r->as_of);
		}
		if (p->finding_year > r->year)
			continue;
		for (size_t k = 0; k < r->nlog && !confirmed; k++)
			if (strcmp(r->log[k].plan_id, p->id) == 0 &&
			    strcmp(r->log[k].status, "確認済") == 0)
				confirmed = r->log[k].as_of;
		if (confirmed && strcmp(confirmed, start) < 0)
			continue;
		struct report_plan *row = &r->year_plans[r->nyear_plans++];
		if (plan_row(r, p, row))
			return KANSA_ERR_NOMEM;
		c->by_status[p->status]++;
		c->overdue += row->overdue;
	}
	return KANSA_OK;
}

/* Each finding's related plan, and whether a plan addresses it. */
static enum kansa_err finding_plans(struct report *r)
{
	r->finding_plans = calloc(r->findings.n + 1, sizeof(*r->finding_plans));
	if (!r->finding_plans)
		return KANSA_ERR_NOMEM;
	for (size_t i = 0; i < r->findings.n; i++) {
		const char *id = r->findings.v[i].item->item->id;
		struct report_finding_plan *fp = &r->finding_plans[i];
		for (size_t k = 0; k < r->nplans; k++) {
			const struct plan *p = &r->plans[k];
			if (!plan_has_item(p, id))
				continue;
			fp->related = p;
			fp->planned |= p->finding_year >= r->year ||
				       p->status != PLAN_CONFIRMED;
		}
	}
	return KANSA_OK;
}

const struct plan *report_plan_by_id(const struct report *r, const char *id)
{
	for (size_t i = 0; i < r->nplans; i++)
		if (strcmp(r->plans[i].id, id) == 0)
			return &r->plans[i];
	return NULL;
}

enum kansa_err report_weights_from_ini(struct report *r,
				       const struct ini_file *f,
				       struct diags *d)
{
	static const char *const keys[2] = {"必須", "推奨"};
	double *out[2] = {&r->weight_required, &r->weight_recommended};
	const struct ini_section *w = ini_section(f, "weights");
	enum kansa_err err = KANSA_OK;

	for (int i = 0; w && i < 2; i++) {
		const char *v = ini_get(f, w, keys[i]);
		char *end;
		double x;
		if (!v)
			continue;
		x = strtod(v, &end);
		if (end == v || *end || !(x >= 0) || x > 1e6) {
			diags_add(d, DIAG_ERROR, f->path,
				  ini_key_line(w, keys[i]),
				  "weight '%s' of %s is not a number from 0 "
				  "to 1000000",
				  v, keys[i]);
			err = KANSA_ERR_INPUT;
		} else {
			*out[i] = x;
		}
	}
	return err;
}

/* Weights from scoring.ini (workspace, installed, or compiled in). */
static enum kansa_err load_weights(struct report *r, const char *dir,
				   struct diags *d)
{
	static const char *const kinds[] = {"scoring", NULL};
	struct ini_file *f = NULL;
	char *data = NULL, *from = NULL;
	size_t len;
	enum kansa_err err;

	r->weight_required = 1.0;
	r->weight_recommended = 0.5;
	if ((err = templates_load("scoring.ini", dir, &data, &len, &from, d)))
		return err == KANSA_ERR_NOTFOUND ? KANSA_OK : err;
	err = ini_parse(from, data, len, kinds, d, &f);
	free(data);
	if (!err)
		err = report_weights_from_ini(r, f, d);
	ini_free(f);
	free(from);
	return err;
}

/* Whether the absolute path is in the folder dir (false when dir cannot
 * be resolved). */
static bool under(const char *path, const char *dir)
{
	char rd[PATH_MAX];
	size_t n;
	if (!realpath(dir, rd))
		return false;
	n = strlen(rd);
	return strncmp(path, rd, n) == 0 && (path[n] == '/' || n == 1);
}

/* Whether path, as given to kansa import, is outside the workspace: above
 * the folder it was given in, or absolute and neither in the database's
 * folder nor in the current one (kansa run's: the workspace's). */
static bool outside(const char *path, const char *dbdir)
{
	if (strncmp(path, "../", 3) == 0)
		return true;
	return path[0] == '/' && !under(path, dbdir) && !under(path, ".");
}

/* The files of a year (kind when not NULL: of that kind only), moved
 * from the store's rows. */
static enum kansa_err load_inputs(struct store *st, struct report *r,
				  const char *kind, struct diags *d)
{
	struct store_input *v = NULL;
	size_t n = 0;
	enum kansa_err err = store_load_inputs(st, r->year, &v, &n, d);
	if (!err && !(r->inputs = calloc(n + 1, sizeof(*r->inputs))))
		err = KANSA_ERR_NOMEM;
	for (size_t i = 0; !err && i < n; i++) {
		struct report_input *to = &r->inputs[r->ninputs];
		if (kind && strcmp(v[i].kind, kind) != 0)
			continue;
		to->kind = v[i].kind;
		to->path = v[i].path;
		to->sha256 = v[i].sha256;
		to->size = v[i].size;
		to->imported_at = v[i].imported_at;
		to->outside = outside(to->path, store_dir(st));
		memset(&v[i], 0, sizeof(v[i]));
		r->ninputs++;
	}
	store_inputs_release(v, n);
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

/* An open year's reports are drafts: 案 beside the classification on
 * the cover and in the header (issue 11); a closed year's are final. */
static enum kansa_err mark_draft(struct store *st, struct report *r,
				 struct diags *d)
{
	int closed = store_year_closed(st, r->year, NULL);
	if (closed < 0) {
		diags_add(d, DIAG_ERROR, NULL, 0,
			  "cannot read whether FY %d is closed", r->year);
		return KANSA_ERR_DB;
	}
	r->draft = closed == 0;
	snprintf(r->marking, sizeof(r->marking), "%s%s",
		 r->settings.classification ? r->settings.classification : "",
		 r->draft ? "　案" : "");
	return KANSA_OK;
}

/* This year's part of the model: its scores, findings, evidence, plans
 * and inputs. */
static enum kansa_err gather_year(struct store *st,
				  const struct report_options *o,
				  struct report *r, struct diags *d)
{
	enum kansa_err err;

	if ((err = store_load_audit(st, o->year, &r->audit, &r->has_audit,
				    d)) ||
	    (err = report_score_year(st, r, o->year, r->as_of, true,
				     r->has_audit ? &r->audit : NULL, &r->cl,
				     &r->data, &r->score, d)) ||
	    (err = report_year_index(&r->data, &r->score, &r->cl)) ||
	    (err = findings_compute(&r->score, r->data.who, r->audit.items,
				    r->audit.n, &r->findings)) ||
	    (err = store_load_evidence(st, o->year, &r->evidence, d)) ||
	    (err = store_load_plans(st, &r->plans, &r->nplans, d)) ||
	    (err = store_load_plan_log(st, NULL, &r->log, &r->nlog, d)) ||
	    (err = load_inputs(st, r, NULL, d)) ||
	    (err = link_evidence(r, store_dir(st), o->output_dir)) ||
	    (err = report_check_evidence(r)) || (err = year_plans(r)) ||
	    (err = finding_plans(r)) || (err = report_fill_findings(r)))
		return err;
	return KANSA_OK;
}

enum kansa_err report_gather(struct store *st, const struct report_options *o,
			     struct report *r, struct diags *d)
{
	struct report_previous prev;
	enum kansa_err err, prev_err;

	memset(r, 0, sizeof(*r));
	checklist_init(&r->cl);
	checklist_init(&r->prev_cl);
	r->year = o->year;
	text_wareki_fiscal_year(o->year, r->era, sizeof(r->era));
	snprintf(r->as_of, sizeof(r->as_of), "%s", o->as_of);
	snprintf(r->date, sizeof(r->date), "%s", o->date ? o->date : o->as_of);
	if ((err = load_settings(r, o, d)) || (err = mark_draft(st, r, d)) ||
	    (err = load_weights(r, o->templates, d)))
		return err;
	/* last year on the second core meanwhile, where it can be */
	report_previous_start(st, o, r, &prev);
	err = gather_year(st, o, r, d);
	/* waited for even after an error: it writes into r */
	prev_err = report_previous_finish(st, r, &prev, err != KANSA_OK, d);
	if (err || (err = prev_err))
		return err;
	digest_inputs(r);
	if (r->prev_year &&
	    ((err = find_failed(r)) || (err = report_follow_up(r))))
		return err;
	return KANSA_OK;
}

void report_release(struct report *r)
{
	for (size_t i = 0; r->evidence_links && i < r->evidence.n; i++)
		free(r->evidence_links[i]);
	free(r->evidence_links);
	score_release(&r->score);
	score_release(&r->prev_score);
	findings_release(&r->findings);
	findings_release(&r->prev_findings);
	audit_release(&r->prev_audit);
	free(r->followups);
	diff_release(&r->diff);
	report_year_release(&r->data);
	report_year_release(&r->prev_data);
	checklist_release(&r->cl);
	checklist_release(&r->prev_cl);
	audit_release(&r->audit);
	evidence_release(&r->evidence);
	for (size_t i = 0; i < r->nplans; i++)
		plan_release(&r->plans[i]);
	free(r->plans);
	store_plan_log_release(r->log, r->nlog);
	free(r->failed);
	for (size_t i = 0; r->year_plans && i < r->nyear_plans; i++) {
		free(r->year_plans[i].log);
		free(r->year_plans[i].items);
	}
	free(r->year_plans);
	free(r->evidence_checks);
	free(r->finding_plans);
	for (size_t i = 0; i < r->ninputs; i++) {
		free(r->inputs[i].kind);
		free(r->inputs[i].path);
		free(r->inputs[i].sha256);
		free(r->inputs[i].imported_at);
	}
	free(r->inputs);
	free(r->settings.organisation);
	free(r->settings.classification);
	free(r->settings.document_number);
	free(r->settings.addressee);
	free(r->settings.sender);
	free(r->settings.basis_clause);
	free(r->settings.order_clause);
	free(r->settings.font);
	free(r->settings.font_body);
	free(r->settings.font_mono);
	free(r->settings.from);
	for (int i = 0; i < 4; i++) {
		free(r->settings.title[i]);
		free(r->settings.file[i]);
	}
	memset(r, 0, sizeof(*r));
}

/* --- the quarterly plan-progress report ------------------------------ */

/* The last log entry of plan id on or before date, or NULL. */
static const struct plan_log_entry *state_on(const struct report *r,
					     const char *id, const char *date)
{
	const struct plan_log_entry *found = NULL;
	for (size_t i = 0; i < r->nlog; i++)
		if (strcmp(r->log[i].plan_id, id) == 0 &&
		    strcmp(r->log[i].as_of, date) <= 0 &&
		    (!found || strcmp(r->log[i].as_of, found->as_of) >= 0))
			found = &r->log[i];
	return found;
}

static bool open_status(const char *status)
{
	return strcmp(status, "未着手") == 0 || strcmp(status, "対応中") == 0;
}

/* Overdue first (most days first), then by due date, then by ID. */
static int by_urgency(const void *a, const void *b)
{
	const struct plan_progress *x = a, *y = b;
	int c;
	if (x->days_overdue != y->days_overdue)
		return x->days_overdue > y->days_overdue ? -1 : 1;
	if ((c = strcmp(x->now->due, y->now->due)) != 0)
		return c;
	return strcmp(x->plan->id, y->plan->id);
}

/* date minus three months (the day kept within the month). */
static void quarter_before(const char *date, char out[11])
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31};
	int y = 0, m = 0, dd = 0, last;
	char buf[32];

	sscanf(date, "%d-%d-%d", &y, &m, &dd);
	m -= 3;
	if (m < 1) {
		m += 12;
		y--;
	}
	last = mdays[(m - 1) % 12] +
	       (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m,
		 dd > last ? last : dd);
	snprintf(out, 11, "%.10s", buf);
}

/* Every due date moved in a plan's log up to the as-of date (the log is
 * oldest first, by plan). */
static enum kansa_err due_moves(const struct report *r,
				struct plans_progress *pp)
{
	if (!(pp->moves = calloc(r->nlog + 1, sizeof(*pp->moves))))
		return KANSA_ERR_NOMEM;
	for (size_t i = 0; i < r->nplans; i++) {
		const struct plan_log_entry *last = NULL;
		for (size_t k = 0; k < r->nlog; k++) {
			const struct plan_log_entry *l = &r->log[k];
			if (strcmp(l->plan_id, r->plans[i].id) != 0 ||
			    strcmp(l->as_of, r->as_of) > 0)
				continue;
			if (last && strcmp(last->due, l->due) != 0) {
				struct due_move *m = &pp->moves[pp->nmoves++];
				m->plan = &r->plans[i];
				m->from = last->due;
				m->to = l->due;
				m->on = l->as_of;
				m->reason = l->reason;
			}
			last = l;
		}
	}
	return KANSA_OK;
}

enum kansa_err report_gather_plans(struct store *st,
				   const struct report_options *o,
				   const char *since, struct report *r,
				   struct plans_progress *pp, struct diags *d)
{
	enum kansa_err err;
	memset(r, 0, sizeof(*r));
	memset(pp, 0, sizeof(*pp));
	checklist_init(&r->cl);
	checklist_init(&r->prev_cl);
	r->year = text_fiscal_year_of(o->as_of);
	text_wareki_fiscal_year(r->year, r->era, sizeof(r->era));
	snprintf(r->as_of, sizeof(r->as_of), "%s", o->as_of);
	snprintf(r->date, sizeof(r->date), "%s", o->date ? o->date : o->as_of);
	if ((err = load_settings(r, o, d)))
		return err;
	/* the last plans report recorded, unless --since says (REVIEW #17) */
	if (!since && (err = store_last_report_before(
			       st, o->as_of, r->settings.file[REPORT_PLANS],
			       pp->since, d)))
		return err;
	if (since)
		snprintf(pp->since, sizeof(pp->since), "%s", since);
	else if ((pp->first = !*pp->since))
		quarter_before(o->as_of, pp->since);
	/* a report on plans, not on a year: never a draft */
	snprintf(r->marking, sizeof(r->marking), "%s",
		 r->settings.classification ? r->settings.classification : "");
	if ((err = store_load_plans(st, &r->plans, &r->nplans, d)) ||
	    (err = store_load_plan_log(st, NULL, &r->log, &r->nlog, d)) ||
	    (err = load_inputs(st, r, "plans", d)))
		return err;
	/* the inputs: the plans files only */
	digest_inputs(r);
	pp->open = calloc(r->nplans + 1, sizeof(*pp->open));
	pp->closed = calloc(r->nplans + 1, sizeof(*pp->closed));
	if (!pp->open || !pp->closed)
		return KANSA_ERR_NOMEM;
	for (size_t i = 0; i < r->nplans; i++) {
		struct plan_progress v = {.plan = &r->plans[i]};
		if (!(v.now = state_on(r, v.plan->id, r->as_of)))
			continue; /* not yet reported on the as-of date */
		v.before = state_on(r, v.plan->id, pp->since);
		if (open_status(v.now->status)) {
			if (strcmp(v.now->due, r->as_of) < 0)
				v.days_overdue =
					text_days_between(v.now->due, r->as_of);
			pp->noverdue += v.days_overdue > 0;
			pp->open[pp->nopen++] = v;
		} else if (!v.before || open_status(v.before->status)) {
			pp->closed[pp->nclosed++] = v;
		}
	}
	qsort(pp->open, pp->nopen, sizeof(*pp->open), by_urgency);
	qsort(pp->closed, pp->nclosed, sizeof(*pp->closed), by_urgency);
	return due_moves(r, pp);
}

void plans_progress_release(struct plans_progress *pp)
{
	free(pp->open);
	free(pp->closed);
	free(pp->moves);
	memset(pp, 0, sizeof(*pp));
}

const char *report_part_title(const struct report *r, const char *id)
{
	for (size_t i = 0; i < r->cl.nparts; i++)
		if (strcmp(r->cl.parts[i].id, id) == 0)
			return r->cl.parts[i].title;
	return "";
}

const char *report_input_kind(const char *kind)
{
	static const char *const names[][2] = {
		{"answers", "回答"},
		{"evidence", "証跡台帳"},
		{"audit", "監査結果"},
		{"plans", "改善計画"},
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(kind, names[i][0]))
			return names[i][1];
	return kind;
}
