/* store_plans.c: audit files and improvement plans with their log. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "store_internal.h"
#include "testhook.h"
#include "text.h"

/* --- audit ----------------------------------------------------------- */

/* One row of audit_field when value is not empty. */
static bool save_field(struct store *st, sqlite3_stmt *s, int year,
		       const char *section, const char *key, const char *value)
{
	if (!value || !*value)
		return true;
	sqlite3_bind_int(s, 1, year);
	store_bind_text(s, 2, section);
	store_bind_text(s, 3, key);
	store_bind_text(s, 4, value);
	return store_step_done(st, s, "saving an audit field");
}

/* Every field of the header (with the auditors) and of each decision. */
static bool save_audit_fields(struct store *st, int year,
			      const struct audit_file *a)
{
	sqlite3_stmt *del = store_prepare(st, "DELETE FROM audit_field WHERE "
					      "year = ?");
	sqlite3_stmt *s = store_prepare(
		st, "INSERT OR REPLACE INTO audit_field (year, section, key, "
		    "value) VALUES (?, ?, ?, ?)");
	bool ok = s && del;
	char key[32], *spec = NULL;

	if (ok) {
		sqlite3_bind_int(del, 1, year);
		ok = store_step_done(st, del, "replacing the audit fields");
	}
	for (size_t i = 0; ok && i < audit_nheader_fields; i++)
		ok = save_field(st, s, year, "kansa",
				audit_header_fields[i].key,
				audit_field_get(a, &audit_header_fields[i]));
	for (size_t i = 0; ok && i < a->nmembers; i++) {
		const struct audit_member *m = &a->members[i];
		size_t n = strlen(m->name) + strlen(m->post) +
			   strlen(m->department) + 8;
		snprintf(key, sizeof(key), "auditor_%zu", i + 1);
		free(spec);
		if (!(spec = malloc(n)))
			ok = false;
		else
			snprintf(spec, n, "%s / %s / %s", m->name, m->post,
				 m->department);
		ok = ok && save_field(st, s, year, "kansa", key, spec);
	}
	/* what a workpaper kept from the audit it updated, and from where */
	ok = ok && save_field(st, s, year, "kansa", "kept_from", a->kept);
	for (size_t i = 0; ok && i < a->n; i++)
		for (size_t k = 0; ok && k < audit_nitem_fields; k++)
			ok = save_field(st, s, year, a->items[i].item_id,
					audit_item_fields[k].key,
					audit_field_get(&a->items[i],
							&audit_item_fields[k]));
	free(spec);
	sqlite3_finalize(s);
	sqlite3_finalize(del);
	return ok;
}

/* Sets *slot to a copy of value; false when out of memory. */
static bool replace(char **slot, const char *value)
{
	char *v = strdup(value);
	if (!v)
		return false;
	free(*slot);
	*slot = v;
	return true;
}

/* The stored field of section key into out (header or a decision). */
static bool load_field(struct audit_file *out, const char *section,
		       const char *key, const char *value)
{
	if (strcmp(section, "kansa") == 0) {
		if (strncmp(key, "auditor_", 8) == 0)
			return audit_add_member(out, value);
		for (size_t i = 0; i < audit_nheader_fields; i++)
			if (!strcmp(audit_header_fields[i].key, key))
				return replace(
					audit_field_ptr(
						out, &audit_header_fields[i]),
					value);
		return true;
	}
	for (size_t j = 0; j < out->n; j++) {
		if (strcmp(out->items[j].item_id, section) != 0)
			continue;
		for (size_t i = 0; i < audit_nitem_fields; i++)
			if (!strcmp(audit_item_fields[i].key, key))
				return replace(
					audit_field_ptr(&out->items[j],
							&audit_item_fields[i]),
					value);
	}
	return true;
}

static enum kansa_err load_audit_fields(struct store *st, int year,
					struct audit_file *out)
{
	sqlite3_stmt *s = store_prepare(
		st, "SELECT section, key, value FROM audit_field WHERE year "
		    "= ? ORDER BY section, CASE WHEN key GLOB 'auditor_*' THEN "
		    "CAST(substr(key, 9) AS INTEGER) END, key");
	enum kansa_err err = KANSA_OK;

	if (!s)
		return KANSA_ERR_DB;
	sqlite3_bind_int(s, 1, year);
	while (!err && sqlite3_step(s) == SQLITE_ROW)
		if (!load_field(out, (const char *)sqlite3_column_text(s, 0),
				(const char *)sqlite3_column_text(s, 1),
				(const char *)sqlite3_column_text(s, 2)))
			err = KANSA_ERR_NOMEM;
	sqlite3_finalize(s);
	return err;
}

bool store_save_audit(struct store *st, int year, const struct audit_file *a,
		      long long file_id)
{
	sqlite3_stmt *s = store_prepare(
		st,
		"INSERT INTO audit (year, auditor, auditors, audited_on, "
		"period, scope, method, notes, file_id) VALUES (?, ?, ?, "
		"NULLIF(?, ''), ?, ?, ?, ?, ?) ON CONFLICT (year) DO UPDATE "
		"SET auditor = excluded.auditor, auditors = "
		"excluded.auditors, audited_on = excluded.audited_on, "
		"period = excluded.period, scope = excluded.scope, method "
		"= excluded.method, notes = excluded.notes, file_id = "
		"excluded.file_id");
	sqlite3_stmt *del = store_prepare(st, "DELETE FROM judgement WHERE "
					      "year = ?");
	sqlite3_stmt *j = store_prepare(
		st, "INSERT INTO judgement (year, item_id, judgement, finding, "
		    "cause, recommendation, urgency) VALUES (?, ?, ?, ?, ?, ?, "
		    "?)");
	bool ok = s && del && j;
	if (ok) {
		sqlite3_bind_int(s, 1, year);
		store_bind_text(s, 2, a->auditor);
		store_bind_text(s, 3, a->auditors);
		store_bind_text(s, 4, a->audited_on);
		store_bind_text(s, 5, a->period);
		store_bind_text(s, 6, a->scope);
		store_bind_text(s, 7, a->method);
		store_bind_text(s, 8, a->notes);
		sqlite3_bind_int64(s, 9, file_id);
		sqlite3_bind_int(del, 1, year);
		ok = store_step_done(st, s, "saving the audit") &&
		     store_step_done(st, del, "replacing the judgements");
	}
	for (size_t i = 0; ok && i < a->n; i++) {
		const struct audit_judgement *x = &a->items[i];
		sqlite3_bind_int(j, 1, year);
		store_bind_text(j, 2, x->item_id);
		store_bind_text(j, 3, audit_judgement_name(x));
		store_bind_text(j, 4, x->finding);
		store_bind_text(j, 5, x->cause);
		store_bind_text(j, 6, x->recommendation);
		store_bind_text(j, 7, x->urgency);
		ok = store_step_done(st, j, "saving a judgement");
	}
	sqlite3_finalize(s);
	sqlite3_finalize(del);
	sqlite3_finalize(j);
	return ok && save_audit_fields(st, year, a);
}

/* Text column i of s, or "". */
static const char *text(sqlite3_stmt *s, int i)
{
	const char *v = (const char *)sqlite3_column_text(s, i);
	return v ? v : "";
}

bool store_audit_result(struct store *st, int year, const struct audit_file *a,
			bool complete, enum store_import_result *res)
{
	sqlite3_stmt *s = store_prepare(
		st, "SELECT f.path, f.sha256, f.imported_at, EXISTS (SELECT 1 "
		    "FROM input_file g WHERE g.year = ?1 AND g.kind = 'audit' "
		    "AND g.sha256 = ?2) FROM audit JOIN input_file f USING "
		    "(file_id) WHERE audit.year = ?1");
	if (!s)
		return false;
	sqlite3_bind_int(s, 1, year);
	store_bind_text(s, 2, a->sha256);
	*res = IMPORT_NEW;
	if (sqlite3_step(s) != SQLITE_ROW) { /* the year's first audit */
	} else if (strcmp(text(s, 1), a->sha256) == 0) {
		*res = IMPORT_UNCHANGED; /* the file the audit came from */
	} else if (complete && !fileio_same_name(text(s, 0), a->path) &&
		   sqlite3_column_int(s, 3)) {
		/* the workspace's file, replaced since by a later import
		 * of another (a workpaper): that one stays in force */
		*res = IMPORT_UNCHANGED;
		diags_add(st->d, DIAG_WARNING, a->path, 0,
			  "not imported again: the year's audit in force "
			  "came from %s (imported %s, after this file); "
			  "`kansa import --year %d %s` puts this file back "
			  "in force",
			  text(s, 0), text(s, 2), year, a->path);
	} else if (complete && !fileio_same_name(text(s, 0), a->path)) {
		diags_add(st->d, DIAG_WARNING, a->path, 0,
			  "replaces the year's audit in force, which came "
			  "from %s (imported %s): its decisions and cover "
			  "are this file's now",
			  text(s, 0), text(s, 2));
	}
	sqlite3_finalize(s);
	return true;
}

enum kansa_err store_audit_source(struct store *st, int year, char **path,
				  char **imported_at, struct diags *d)
{
	sqlite3_stmt *s;
	enum kansa_err err = KANSA_OK;

	st->d = d;
	*path = *imported_at = NULL;
	s = store_prepare(st, "SELECT f.path, f.imported_at FROM audit JOIN "
			      "input_file f USING (file_id) WHERE audit.year "
			      "= ?");
	if (!s)
		return KANSA_ERR_DB;
	sqlite3_bind_int(s, 1, year);
	if (sqlite3_step(s) == SQLITE_ROW &&
	    (!(*path = store_col_dup(s, 0)) ||
	     !(*imported_at = store_col_dup(s, 1))))
		err = KANSA_ERR_NOMEM;
	sqlite3_finalize(s);
	return err;
}

static char *col(sqlite3_stmt *s, int i)
{
	char *v = store_col_dup(s, i);
	return v ? v : strdup("");
}

enum kansa_err store_load_audit(struct store *st, int year,
				struct audit_file *out, bool *found,
				struct diags *d)
{
	sqlite3_stmt *s, *j;
	enum kansa_err err = KANSA_OK;

	st->d = d;
	memset(out, 0, sizeof(*out));
	*found = false;
	s = store_prepare(st, "SELECT a.auditor, a.auditors, "
			      "COALESCE(a.audited_on, ''), a.period, a.scope, "
			      "a.method, a.notes, COALESCE(f.path, ''), "
			      "COALESCE(f.sha256, '') FROM audit a LEFT JOIN "
			      "input_file f USING (file_id) WHERE a.year = ?");
	if (!s)
		return KANSA_ERR_DB;
	sqlite3_bind_int(s, 1, year);
	if (sqlite3_step(s) == SQLITE_ROW) {
		*found = true;
		out->fiscal_year = year;
		out->auditor = col(s, 0);
		out->auditors = col(s, 1);
		out->audited_on = col(s, 2);
		out->period = col(s, 3);
		out->scope = col(s, 4);
		out->method = col(s, 5);
		out->notes = col(s, 6);
		out->path = col(s, 7);
		snprintf(out->sha256, sizeof(out->sha256), "%s",
			 (const char *)sqlite3_column_text(s, 8));
		for (size_t k = 0; k < audit_nheader_fields; k++) {
			char **v =
				audit_field_ptr(out, &audit_header_fields[k]);
			if (!*v && !(*v = strdup("")))
				err = KANSA_ERR_NOMEM;
		}
	}
	sqlite3_finalize(s);
	if (!*found)
		return KANSA_OK;
	j = store_prepare(st, "SELECT item_id, judgement, finding, cause, "
			      "recommendation, urgency, '' FROM judgement "
			      "WHERE year = ? ORDER BY rowid");
	if (!j)
		return KANSA_ERR_DB;
	sqlite3_bind_int(j, 1, year);
	while (!err && sqlite3_step(j) == SQLITE_ROW) {
		struct audit_judgement *v =
			realloc(out->items, (out->n + 1) * sizeof(*v));
		if (!v) {
			err = KANSA_ERR_NOMEM;
			break;
		}
		out->items = v;
		v += out->n++;
		memset(v, 0, sizeof(*v));
		v->item_id = col(j, 0);
		audit_judgement_parse(v,
				      (const char *)sqlite3_column_text(j, 1));
		for (size_t k = 0; k < audit_nitem_fields; k++)
			*audit_field_ptr(v, &audit_item_fields[k]) = col(j, 6);
		replace(&v->finding, (const char *)sqlite3_column_text(j, 2));
		replace(&v->cause, (const char *)sqlite3_column_text(j, 3));
		replace(&v->recommendation,
			(const char *)sqlite3_column_text(j, 4));
		replace(&v->urgency, (const char *)sqlite3_column_text(j, 5));
		for (size_t k = 0; k < audit_nitem_fields; k++)
			if (!*audit_field_ptr(v, &audit_item_fields[k]))
				err = KANSA_ERR_NOMEM;
	}
	sqlite3_finalize(j);
	if (!err)
		err = load_audit_fields(st, year, out);
	return err;
}

/* --- plans ----------------------------------------------------------- */

static bool exec_bound(struct store *st, const char *sql, const char *id,
		       const char *what)
{
	sqlite3_stmt *s = store_prepare(st, sql);
	bool ok = s != NULL;
	if (ok) {
		store_bind_text(s, 1, id);
		ok = store_step_done(st, s, what);
	}
	sqlite3_finalize(s);
	return ok;
}

static bool save_plan_rows(struct store *st, const struct plan *p)
{
	sqlite3_stmt *s = store_prepare(
		st, "INSERT INTO plan (plan_id, finding_year, department, "
		    "role, action, due, status, progress, completed_on, notes) "
		    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULLIF(?, ''), ?) ON "
		    "CONFLICT (plan_id) DO UPDATE SET finding_year = "
		    "excluded.finding_year, department = excluded.department,"
		    " role = excluded.role, action = excluded.action, due = "
		    "excluded.due, status = excluded.status, progress = "
		    "excluded.progress, completed_on = excluded.completed_on,"
		    " notes = excluded.notes");
	sqlite3_stmt *it = store_prepare(st, "INSERT INTO plan_item (plan_id, "
					     "item_id) VALUES (?, ?)");
	sqlite3_stmt *ms = store_prepare(
		st, "INSERT INTO plan_milestone (plan_id, seq, due, title, "
		    "done_on) VALUES (?, ?, ?, ?, NULLIF(?, ''))");
	bool ok = s && it && ms;
	if (ok) {
		store_bind_text(s, 1, p->id);
		sqlite3_bind_int(s, 2, p->finding_year);
		store_bind_text(s, 3, p->department);
		store_bind_text(s, 4, p->role);
		store_bind_text(s, 5, p->action);
		store_bind_text(s, 6, p->due);
		store_bind_text(s, 7, plan_status_name(p->status));
		sqlite3_bind_int(s, 8, p->progress);
		store_bind_text(s, 9, p->completed_on);
		store_bind_text(s, 10, p->notes);
		ok = store_step_done(st, s, "saving a plan") &&
		     exec_bound(st, "DELETE FROM plan_item WHERE plan_id = ?",
				p->id, "saving a plan") &&
		     exec_bound(st,
				"DELETE FROM plan_milestone WHERE plan_id = ?",
				p->id, "saving a plan");
	}
	for (size_t i = 0; ok && i < p->nitems; i++) {
		store_bind_text(it, 1, p->id);
		store_bind_text(it, 2, p->items[i]);
		ok = store_step_done(st, it, "saving a plan's items");
	}
	for (size_t i = 0; ok && i < p->nmilestones; i++) {
		store_bind_text(ms, 1, p->id);
		sqlite3_bind_int64(ms, 2, (long long)i);
		store_bind_text(ms, 3, p->milestones[i].due);
		store_bind_text(ms, 4, p->milestones[i].title);
		store_bind_text(ms, 5, p->milestones[i].done_on);
		ok = store_step_done(st, ms, "saving a milestone");
	}
	sqlite3_finalize(s);
	sqlite3_finalize(it);
	sqlite3_finalize(ms);
	return ok;
}

/* Sets *newer when the log holds a version of the plan dated after
 * p's; false on a database error. */
static bool newer_logged(struct store *st, const struct plan *p, bool *newer)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT 1 FROM plan_log WHERE "
					    "plan_id = ? AND as_of > ?");
	*newer = false;
	if (!s)
		return false;
	store_bind_text(s, 1, p->id);
	store_bind_text(s, 2, p->as_of ? p->as_of : "");
	*newer = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	return true;
}

bool store_append_plan(struct store *st, const struct plan *p)
{
	sqlite3_stmt *s;
	struct sbuf snap = {0};
	char now[32];
	bool ok;

	/* a plan's state is its latest report by as_of, whatever the
	 * order of import: an older one only joins the log (issue 11) */
	if (!newer_logged(st, p, &ok))
		return false;
	if (!ok && !save_plan_rows(st, p))
		return false;
	plans_format(&snap, p);
	store_now(now);
	s = store_prepare(st, "INSERT INTO plan_log (plan_id, logged_at, "
			      "as_of, status, progress, due, reason, note, "
			      "source, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, "
			      "?, ?, ?)");
	ok = s && snap.s;
	if (ok) {
		store_bind_text(s, 1, p->id);
		store_bind_text(s, 2, now);
		store_bind_text(s, 3, p->as_of);
		store_bind_text(s, 4, plan_status_name(p->status));
		sqlite3_bind_int(s, 5, p->progress);
		store_bind_text(s, 6, p->due);
		store_bind_text(s, 7, p->reason ? p->reason : "");
		store_bind_text(s, 8, p->notes ? p->notes : "");
		store_bind_text(s, 9, p->source ? p->source : "");
		store_bind_text(s, 10, snap.s);
		ok = store_step_done(st, s, "logging a plan");
	}
	sqlite3_finalize(s);
	sbuf_release(&snap);
	return ok;
}

enum kansa_err store_save_plan(struct store *st, const struct plan *p,
			       struct diags *d)
{
	st->d = d;
	if (store_exec(st, "BEGIN IMMEDIATE", "saving a plan"))
		return KANSA_ERR_DB;
	if (p->as_of && text_fiscal_year_of(p->as_of) > 0 &&
	    !store_require_open(st, text_fiscal_year_of(p->as_of),
				"a plan change dated in it", NULL)) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return KANSA_ERR_INPUT;
	}
	if (store_append_plan(st, p) &&
	    store_exec(st, "COMMIT", "saving a plan") == KANSA_OK)
		return KANSA_OK;
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return KANSA_ERR_DB;
}

static bool load_plan_children(struct store *st, struct plan *p)
{
	sqlite3_stmt *it =
		store_prepare(st, "SELECT item_id FROM plan_item "
				  "WHERE plan_id = ? ORDER BY rowid");
	sqlite3_stmt *ms = store_prepare(
		st, "SELECT due, title, COALESCE(done_on, '') FROM "
		    "plan_milestone WHERE plan_id = ? ORDER BY seq");
	bool ok = it && ms;
	if (ok) {
		store_bind_text(it, 1, p->id);
		store_bind_text(ms, 1, p->id);
	}
	while (ok && sqlite3_step(it) == SQLITE_ROW) {
		char **v = realloc(p->items, (p->nitems + 1) * sizeof(*v));
		if (!v || !(v[p->nitems] = col(it, 0))) {
			if (v)
				p->items = v;
			ok = false;
			break;
		}
		p->items = v;
		p->nitems++;
	}
	while (ok && sqlite3_step(ms) == SQLITE_ROW) {
		struct milestone *v = realloc(
			p->milestones, (p->nmilestones + 1) * sizeof(*v));
		if (!v) {
			ok = false;
			break;
		}
		p->milestones = v;
		v += p->nmilestones++;
		v->due = col(ms, 0);
		v->title = col(ms, 1);
		v->done_on = col(ms, 2);
		ok = v->due && v->title && v->done_on;
	}
	sqlite3_finalize(it);
	sqlite3_finalize(ms);
	return ok;
}

enum kansa_err store_load_plans(struct store *st, struct plan **out, size_t *n,
				struct diags *d)
{
	sqlite3_stmt *s;
	struct plan *v = NULL;
	size_t cap = 0;
	bool ok = true;

	/* a report has read the year's answers, not yet its inputs */
	testhook_reach("report-between-reads");
	st->d = d;
	*out = NULL;
	*n = 0;
	s = store_prepare(
		st, "SELECT p.plan_id, p.finding_year, p.department, p.role, "
		    "p.action, p.due, p.status, p.progress, "
		    "COALESCE(p.completed_on, ''), p.notes, (SELECT as_of FROM "
		    "plan_log l WHERE l.plan_id = p.plan_id ORDER BY log_id "
		    "DESC LIMIT 1), (SELECT source FROM plan_log l WHERE "
		    "l.plan_id = p.plan_id ORDER BY log_id DESC LIMIT 1) FROM "
		    "plan p ORDER BY p.plan_id");
	if (!s)
		return KANSA_ERR_DB;
	while (ok && sqlite3_step(s) == SQLITE_ROW) {
		struct plan *p;
		int stt;
		if (*n == cap) {
			struct plan *g;
			cap = cap ? cap * 2 : 16;
			if (!(g = realloc(v, cap * sizeof(*v)))) {
				ok = false;
				break;
			}
			v = g;
		}
		p = &v[(*n)++];
		memset(p, 0, sizeof(*p));
		p->id = col(s, 0);
		p->finding_year = sqlite3_column_int(s, 1);
		p->department = col(s, 2);
		p->role = col(s, 3);
		p->action = col(s, 4);
		p->due = col(s, 5);
		stt = plan_status_parse(
			(const char *)sqlite3_column_text(s, 6));
		p->status = stt < 0 ? PLAN_TODO : (enum plan_status)stt;
		p->progress = sqlite3_column_int(s, 7);
		p->completed_on = col(s, 8);
		p->notes = col(s, 9);
		p->as_of = col(s, 10);
		p->source = col(s, 11);
		p->reason = strdup("");
		ok = p->id && p->department && p->role && p->action && p->due &&
		     p->completed_on && p->notes && p->as_of && p->source &&
		     p->reason && load_plan_children(st, p);
	}
	sqlite3_finalize(s);
	*out = v;
	return ok ? KANSA_OK : KANSA_ERR_NOMEM;
}

enum kansa_err store_load_plan_log(struct store *st, const char *plan_id,
				   struct plan_log_entry **out, size_t *n,
				   struct diags *d)
{
	sqlite3_stmt *s;
	struct plan_log_entry *v = NULL;
	bool ok = true;

	st->d = d;
	*out = NULL;
	*n = 0;
	s = store_prepare(st, "SELECT plan_id, logged_at, as_of, status, "
			      "progress, due, reason, note, source FROM "
			      "plan_log WHERE ?1 IS NULL OR plan_id = ?1 ORDER "
			      "BY plan_id, log_id");
	if (!s)
		return KANSA_ERR_DB;
	store_bind_text(s, 1, plan_id);
	while (ok && sqlite3_step(s) == SQLITE_ROW) {
		struct plan_log_entry *g = realloc(v, (*n + 1) * sizeof(*v)),
				      *e;
		if (!g) {
			ok = false;
			break;
		}
		v = g;
		e = &v[(*n)++];
		e->plan_id = col(s, 0);
		e->logged_at = col(s, 1);
		e->as_of = col(s, 2);
		e->status = col(s, 3);
		e->progress = sqlite3_column_int(s, 4);
		e->due = col(s, 5);
		e->reason = col(s, 6);
		e->note = col(s, 7);
		e->source = col(s, 8);
		ok = e->plan_id && e->logged_at && e->as_of && e->status &&
		     e->due && e->reason && e->note && e->source;
	}
	sqlite3_finalize(s);
	*out = v;
	return ok ? KANSA_OK : KANSA_ERR_NOMEM;
}

static void entry_release(struct plan_log_entry *e)
{
	free(e->plan_id);
	free(e->logged_at);
	free(e->as_of);
	free(e->status);
	free(e->due);
	free(e->reason);
	free(e->note);
	free(e->source);
}

void store_plan_log_release(struct plan_log_entry *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		entry_release(&v[i]);
	free(v);
}

/* The log_id of plan id's latest version (by as_of, then log order), of
 * all (date NULL) or of those dated on or before date; 0 when none, -1
 * on a database error. */
static long long latest_version(sqlite3_stmt *s, const char *id,
				const char *date)
{
	long long r = 0;
	sqlite3_reset(s);
	store_bind_text(s, 1, id);
	if (date)
		store_bind_text(s, 2, date);
	else
		sqlite3_bind_null(s, 2);
	switch (sqlite3_step(s)) {
	case SQLITE_ROW:
		r = sqlite3_column_int64(s, 0);
		break;
	case SQLITE_DONE:
		break;
	default:
		r = -1;
	}
	return r;
}

/* Replaces p by the version logged as log_id. */
static enum kansa_err plan_from_log(struct store *st, long long log_id,
				    struct plan *p)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT as_of, source, snapshot "
					    "FROM plan_log WHERE log_id = ?");
	struct plan v;
	enum kansa_err err = KANSA_ERR_DB;

	if (!s)
		return KANSA_ERR_DB;
	sqlite3_bind_int64(s, 1, log_id);
	if (sqlite3_step(s) == SQLITE_ROW &&
	    !(err = plans_parse_snapshot(
		      (const char *)sqlite3_column_text(s, 0),
		      (const char *)sqlite3_column_text(s, 2), &v))) {
		free(v.source);
		v.source = col(s, 1);
		plan_release(p);
		*p = v;
		err = p->source ? KANSA_OK : KANSA_ERR_NOMEM;
	} else if (err == KANSA_ERR_DB) {
		diags_add(st->d, DIAG_ERROR, st->path, 0,
			  "plan [%s]: its log entry %lld does not read back "
			  "as a plan",
			  p->id, log_id);
	}
	sqlite3_finalize(s);
	return err;
}

/* Drops the log entries dated after date, keeping the order. */
static void log_until(const char *date, struct plan_log_entry *log,
		      size_t *nlog)
{
	size_t k = 0;
	for (size_t i = 0; i < *nlog; i++) {
		if (strcmp(log[i].as_of, date) <= 0) {
			log[k++] = log[i];
			continue;
		}
		entry_release(&log[i]);
	}
	*nlog = k;
}

enum kansa_err store_plans_as_of(struct store *st, const char *date,
				 struct plan *plans, size_t *nplans,
				 struct plan_log_entry *log, size_t *nlog,
				 struct diags *d)
{
	sqlite3_stmt *s;
	enum kansa_err err = KANSA_OK;
	size_t k = 0;

	st->d = d;
	s = store_prepare(st, "SELECT log_id FROM plan_log WHERE plan_id = ?1 "
			      "AND (?2 IS NULL OR as_of <= ?2) ORDER BY as_of "
			      "DESC, log_id DESC LIMIT 1");
	if (!s)
		return KANSA_ERR_DB;
	log_until(date, log, nlog);
	for (size_t i = 0; i < *nplans; i++) {
		long long now = latest_version(s, plans[i].id, NULL);
		long long then = latest_version(s, plans[i].id, date);
		if (!err && (now < 0 || then < 0))
			err = KANSA_ERR_DB;
		else if (!err && then > 0 && then != now)
			err = plan_from_log(st, then, &plans[i]);
		if (err || then <= 0) {
			plan_release(&plans[i]);
			continue;
		}
		plans[k++] = plans[i];
	}
	*nplans = k;
	sqlite3_finalize(s);
	return err;
}

bool store_plan_logged(struct store *st, const struct plan *p, bool *same)
{
	sqlite3_stmt *s = store_prepare(
		st, "SELECT snapshot FROM plan_log WHERE plan_id = ? AND as_of "
		    "<= ? ORDER BY as_of DESC, log_id DESC LIMIT 1");
	struct sbuf snap = {0};
	int rc;

	*same = false;
	if (!s)
		return false;
	store_bind_text(s, 1, p->id);
	store_bind_text(s, 2, p->as_of ? p->as_of : "");
	plans_format(&snap, p);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && snap.s)
		*same = strcmp((const char *)sqlite3_column_text(s, 0),
			       snap.s) == 0;
	sqlite3_finalize(s);
	sbuf_release(&snap);
	return (rc == SQLITE_ROW || rc == SQLITE_DONE) && !snap.oom;
}
