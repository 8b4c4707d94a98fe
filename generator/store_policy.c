/* store_policy.c: policies, their parts and checklist items. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

/* --- policies -------------------------------------------------------- */

/* The policy_id of name@version and its checklist SHA-256, or 0. */
static long long find_policy(struct store *st, const char *name,
			     const char *version, char sha[65])
{
	sqlite3_stmt *s =
		store_prepare(st, "SELECT policy_id, checklist_sha256 "
				  "FROM policy WHERE name = ? AND "
				  "version = ?");
	long long id = 0;
	if (!s)
		return -1;
	store_bind_text(s, 1, name);
	store_bind_text(s, 2, version);
	if (sqlite3_step(s) == SQLITE_ROW) {
		id = sqlite3_column_int64(s, 0);
		snprintf(sha, 65, "%s", sqlite3_column_text(s, 1));
	}
	sqlite3_finalize(s);
	return id;
}

static bool insert_parts(struct store *st, long long pid,
			 const struct checklist *cl)
{
	sqlite3_stmt *s =
		store_prepare(st, "INSERT INTO part (policy_id, seq, "
				  "part_id, title) VALUES (?, ?, ?, ?)");
	bool ok = s != NULL;
	for (size_t i = 0; ok && i < cl->nparts; i++) {
		sqlite3_bind_int64(s, 1, pid);
		sqlite3_bind_int64(s, 2, (long long)i);
		store_bind_text(s, 3, cl->parts[i].id);
		store_bind_text(s, 4, cl->parts[i].title);
		ok = store_step_done(st, s, "saving the chapters");
	}
	sqlite3_finalize(s);
	return ok;
}

static bool insert_roles(struct store *st, sqlite3_stmt *s, long long pid,
			 const struct item *it)
{
	const char *p = it->roles;
	while (*p) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		sqlite3_bind_int64(s, 1, pid);
		store_bind_text(s, 2, it->id);
		sqlite3_bind_text(s, 3, p, (int)n, SQLITE_TRANSIENT);
		if (n > 0 && !store_step_done(st, s, "saving the roles"))
			return false;
		sqlite3_reset(s);
		p += n + (comma ? 1 : 0);
	}
	return true;
}

static bool insert_items(struct store *st, long long pid,
			 const struct checklist *cl)
{
	sqlite3_stmt *s = store_prepare(
		st, "INSERT INTO item (policy_id, item_id, seq, chapter, "
		    "section, heading, text, roles, level, source_line, "
		    "weight, evidence_examples, method, note) VALUES "
		    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	sqlite3_stmt *r = store_prepare(st, "INSERT OR IGNORE INTO item_role "
					    "(policy_id, item_id, role) "
					    "VALUES (?, ?, ?)");
	bool ok = s && r;
	for (size_t i = 0; ok && i < cl->nitems; i++) {
		const struct item *it = &cl->items[i];
		sqlite3_bind_int64(s, 1, pid);
		store_bind_text(s, 2, it->id);
		sqlite3_bind_int64(s, 3, (long long)i);
		store_bind_text(s, 4, it->chapter);
		store_bind_text(s, 5, it->section);
		store_bind_text(s, 6, it->heading);
		store_bind_text(s, 7, it->text);
		store_bind_text(s, 8, it->roles);
		store_bind_text(s, 9, item_level_name(it->level));
		sqlite3_bind_int64(s, 10, it->source_line);
		if (it->weight)
			sqlite3_bind_double(s, 11, strtod(it->weight, NULL));
		store_bind_text(s, 12, it->evidence_examples);
		store_bind_text(s, 13, it->method);
		store_bind_text(s, 14, it->note);
		ok = store_step_done(st, s, "saving the items") &&
		     insert_roles(st, r, pid, it);
	}
	sqlite3_finalize(s);
	sqlite3_finalize(r);
	return ok;
}

static bool insert_mapping(struct store *st, long long pid,
			   const struct checklist *cl)
{
	sqlite3_stmt *s = store_prepare(st, "INSERT OR REPLACE INTO mapping "
					    "(policy_id, old_id, new_id) "
					    "VALUES (?, ?, ?)");
	bool ok = s != NULL;
	for (size_t i = 0; ok && i < cl->nmapping; i++) {
		sqlite3_bind_int64(s, 1, pid);
		store_bind_text(s, 2, cl->mapping[i].from);
		store_bind_text(s, 3, cl->mapping[i].to);
		ok = store_step_done(st, s, "saving the mapping");
	}
	sqlite3_finalize(s);
	return ok;
}

/* The latest revision of name@version (the version itself or
 * VERSION.N, which store_save_policy() makes), with its checklist
 * SHA-256 and the fiscal years that use it ("2025, 2026", or "").
 * 0 when there is none, -1 on error. */
static long long latest_revision(struct store *st, const char *name,
				 const char *version, char sha[65],
				 char **version_out, char **years)
{
	sqlite3_stmt *s = store_prepare(
		st, "SELECT p.policy_id, p.checklist_sha256, p.version, "
		    "(SELECT coalesce(group_concat(year, ', '), '') FROM "
		    "(SELECT year FROM fiscal_year f WHERE f.policy_id = "
		    "p.policy_id ORDER BY year)) FROM policy p WHERE "
		    "p.name = ?1 AND (p.version = ?2 OR (substr(p.version, 1, "
		    "length(?2) + 1) = ?2 || '.' AND substr(p.version, "
		    "length(?2) + 2) NOT GLOB '*[^0-9]*')) ORDER BY "
		    "p.policy_id DESC LIMIT 1");
	long long id = 0;

	if (!s)
		return -1;
	store_bind_text(s, 1, name);
	store_bind_text(s, 2, version);
	if (sqlite3_step(s) == SQLITE_ROW) {
		id = sqlite3_column_int64(s, 0);
		snprintf(sha, 65, "%s", sqlite3_column_text(s, 1));
		*version_out = store_col_dup(s, 2);
		*years = store_col_dup(s, 3);
		if (!*version_out || !*years)
			id = -1;
	}
	sqlite3_finalize(s);
	return id;
}

/* The first free VERSION.N (N from 2) of a policy name; NULL on error. */
static char *next_revision(struct store *st, const char *name,
			   const char *version)
{
	char sha[65];
	size_t n = strlen(version) + 24;
	char *out = malloc(n);

	for (int i = 2; out && i < 100000; i++) {
		snprintf(out, n, "%s.%d", version, i);
		if (find_policy(st, name, out, sha) == 0)
			return out;
	}
	free(out);
	return NULL;
}

/* Replaces the items, parts and mapping of an unused policy version. */
static bool replace_policy(struct store *st, long long pid,
			   const struct checklist *cl, const char *sha,
			   const char *now)
{
	static const char *const sql[] = {
		"DELETE FROM item WHERE policy_id = ?1",
		"DELETE FROM mapping WHERE policy_id = ?1",
		"DELETE FROM part WHERE policy_id = ?1",
	};
	sqlite3_stmt *s =
		store_prepare(st, "UPDATE policy SET source = ?, "
				  "source_sha256 = ?, "
				  "checklist_sha256 = ?, "
				  "derived_at = ? WHERE policy_id = ?");
	bool ok = s != NULL;

	if (ok) {
		store_bind_text(s, 1, cl->source);
		store_bind_text(s, 2, cl->source_sha256);
		store_bind_text(s, 3, sha);
		store_bind_text(s, 4, now);
		sqlite3_bind_int64(s, 5, pid);
		ok = store_step_done(st, s, "saving the policy");
	}
	sqlite3_finalize(s);
	for (size_t i = 0; ok && i < sizeof(sql) / sizeof(sql[0]); i++) {
		ok = (s = store_prepare(st, sql[i])) != NULL;
		if (ok) {
			sqlite3_bind_int64(s, 1, pid);
			ok = store_step_done(st, s, "replacing the items");
		}
		sqlite3_finalize(s);
	}
	return ok;
}

/* Inserts a new policy row; its ID, or 0 on error. */
static long long insert_policy(struct store *st, const struct checklist *cl,
			       const char *version, const char *sha,
			       const char *now)
{
	sqlite3_stmt *s = store_prepare(
		st, "INSERT INTO policy (source, source_sha256, "
		    "checklist_sha256, derived_at, name, version) "
		    "VALUES (?, ?, ?, ?, ?, ?)");
	long long id = 0;
	if (!s)
		return 0;
	store_bind_text(s, 1, cl->source);
	store_bind_text(s, 2, cl->source_sha256);
	store_bind_text(s, 3, sha);
	store_bind_text(s, 4, now);
	store_bind_text(s, 5, cl->policy);
	store_bind_text(s, 6, version);
	if (store_step_done(st, s, "saving the policy"))
		id = sqlite3_last_insert_rowid(st->db);
	sqlite3_finalize(s);
	return id;
}

/*
 * A version some fiscal year uses is never rewritten: its years' items,
 * scores and reports stay as they were.  A changed checklist for it (a
 * new text, edited items, [renumber] or [mapping]) becomes the next
 * revision VERSION.N, with a notice naming the years; a revision no year
 * uses yet is replaced in place.
 */
enum kansa_err store_save_policy(struct store *st, const struct checklist *cl,
				 const char *checklist_sha256,
				 enum store_saved *saved, struct diags *d)
{
	char old[65] = "", now[32];
	char *version = NULL, *years = NULL, *fresh = NULL;
	long long pid;
	bool ok = false;

	st->d = d;
	if (store_exec(st, "BEGIN IMMEDIATE", "saving the policy"))
		return KANSA_ERR_DB;
	pid = latest_revision(st, cl->policy, cl->version, old, &version,
			      &years);
	if (pid < 0)
		goto out;
	store_now(now);
	if (pid > 0 && strcmp(old, checklist_sha256) == 0) {
		*saved = STORE_SAVED_SAME;
		ok = true;
	} else if (pid > 0 && !*years) {
		*saved = STORE_SAVED_REPLACED;
		ok = replace_policy(st, pid, cl, checklist_sha256, now);
	} else if (pid > 0) {
		*saved = STORE_SAVED_NEW;
		ok = (fresh = next_revision(st, cl->policy, cl->version)) &&
		     (pid = insert_policy(st, cl, fresh, checklist_sha256,
					  now)) > 0;
		if (ok)
			diags_add(d, DIAG_NOTICE, st->path, 0,
				  "policy %s@%s is used by FY %s (fixed at "
				  "the year's first import) and stays as it "
				  "was: the changed checklist is stored as the "
				  "new version %s@%s, for the years not yet "
				  "imported",
				  cl->policy, version, years, cl->policy,
				  fresh);
	} else {
		*saved = STORE_SAVED_NEW;
		ok = (pid = insert_policy(st, cl, cl->version, checklist_sha256,
					  now)) > 0;
	}
	if (ok && *saved != STORE_SAVED_SAME)
		ok = insert_parts(st, pid, cl) && insert_items(st, pid, cl) &&
		     insert_mapping(st, pid, cl);
out:
	free(version);
	free(years);
	free(fresh);
	if (ok && store_exec(st, "COMMIT", "saving the policy") == KANSA_OK)
		return KANSA_OK;
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return KANSA_ERR_DB;
}

/* Resolves NAME[@VERSION] (or NULL: the policy derived last) to an ID. */
long long store_resolve_policy(struct store *st, const char *spec,
			       struct checklist *cl)
{
	const char *at = spec ? strrchr(spec, '@') : NULL;
	char *name =
		spec ? (at ? strndup(spec, (size_t)(at - spec)) : strdup(spec))
		     : NULL;
	sqlite3_stmt *s;
	long long id = 0;

	if (spec && !name)
		return -1;
	if (!spec)
		s = store_prepare(st,
				  "SELECT policy_id, name, version, source, "
				  "source_sha256 FROM policy ORDER BY "
				  "derived_at DESC, policy_id DESC LIMIT 1");
	else if (at)
		s = store_prepare(st,
				  "SELECT policy_id, name, version, source, "
				  "source_sha256 FROM policy WHERE name = ? "
				  "AND version = ?");
	else
		s = store_prepare(st,
				  "SELECT policy_id, name, version, source, "
				  "source_sha256 FROM policy WHERE name = ? "
				  "ORDER BY CAST(version AS INTEGER) DESC, "
				  "version DESC LIMIT 1");
	if (!s) {
		free(name);
		return -1;
	}
	if (spec)
		store_bind_text(s, 1, name);
	if (at)
		store_bind_text(s, 2, at + 1);
	if (sqlite3_step(s) == SQLITE_ROW) {
		id = sqlite3_column_int64(s, 0);
		cl->policy = store_col_dup(s, 1);
		cl->version = store_col_dup(s, 2);
		cl->source = store_col_dup(s, 3);
		cl->source_sha256 = store_col_dup(s, 4);
	}
	sqlite3_finalize(s);
	free(name);
	return id;
}

static bool load_parts(struct store *st, long long pid, struct checklist *cl)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT part_id, title FROM part "
					    "WHERE policy_id = ? ORDER BY seq");
	bool ok = s != NULL;
	while (ok &&
	       (sqlite3_bind_int64(s, 1, pid), sqlite3_step(s)) == SQLITE_ROW) {
		struct part *v =
			realloc(cl->parts, (cl->nparts + 1) * sizeof(*v));
		if (!v) {
			ok = false;
			break;
		}
		cl->parts = v;
		v[cl->nparts].id = store_col_dup(s, 0);
		v[cl->nparts].title = store_col_dup(s, 1);
		cl->nparts++;
	}
	sqlite3_finalize(s);
	return ok;
}

static char *weight_string(sqlite3_stmt *s, int i)
{
	char buf[32];
	if (sqlite3_column_type(s, i) == SQLITE_NULL)
		return NULL;
	snprintf(buf, sizeof(buf), "%g", sqlite3_column_double(s, i));
	return strdup(buf);
}

static bool load_items(struct store *st, long long pid, const char *role,
		       struct checklist *cl)
{
	sqlite3_stmt *s = store_prepare(
		st, "SELECT item_id, chapter, section, heading, text, roles, "
		    "level, source_line, weight, evidence_examples, method, "
		    "note FROM item WHERE policy_id = ?1 AND (?2 IS NULL OR "
		    "EXISTS (SELECT 1 FROM item_role r WHERE r.policy_id = "
		    "item.policy_id AND r.item_id = item.item_id AND "
		    "r.role = ?2)) ORDER BY seq");
	bool ok = s != NULL;
	if (ok) {
		sqlite3_bind_int64(s, 1, pid);
		store_bind_text(s, 2, role);
	}
	while (ok && sqlite3_step(s) == SQLITE_ROW) {
		struct item *it;
		if (cl->nitems == cl->citems) {
			size_t cap = cl->citems ? cl->citems * 2 : 128;
			struct item *v = realloc(cl->items, cap * sizeof(*v));
			if (!v) {
				ok = false;
				break;
			}
			cl->items = v;
			cl->citems = cap;
		}
		it = &cl->items[cl->nitems++];
		memset(it, 0, sizeof(*it));
		it->id = store_col_dup(s, 0);
		it->chapter = store_col_dup(s, 1);
		it->section = store_col_dup(s, 2);
		it->heading = store_col_dup(s, 3);
		it->text = store_col_dup(s, 4);
		it->roles = store_col_dup(s, 5);
		it->level = (enum item_level)item_level_parse(
			(const char *)sqlite3_column_text(s, 6));
		it->source_line = sqlite3_column_int64(s, 7);
		it->weight = weight_string(s, 8);
		it->evidence_examples = store_col_dup(s, 9);
		it->method = store_col_dup(s, 10);
		it->note = store_col_dup(s, 11);
		ok = it->id && it->chapter && it->section && it->heading &&
		     it->text && it->roles;
	}
	sqlite3_finalize(s);
	return ok;
}

enum kansa_err store_load_checklist(struct store *st, const char *spec,
				    const char *role, struct checklist *cl,
				    struct diags *d)
{
	long long pid;

	st->d = d;
	if ((pid = store_resolve_policy(st, spec, cl)) < 0)
		return KANSA_ERR_DB;
	if (pid == 0) {
		diags_add(d, DIAG_ERROR, st->path, 0,
			  spec ? "no policy '%s' in the database (derive it "
				 "first with 'kansa derive')"
			       : "no policy in the database%s (derive one "
				 "first with 'kansa derive')",
			  spec ? spec : "");
		return KANSA_ERR_NOTFOUND;
	}
	return store_load_items(st, pid, role, cl);
}

enum kansa_err store_load_items(struct store *st, long long pid,
				const char *role, struct checklist *cl)
{
	if (!load_parts(st, pid, cl) || !load_items(st, pid, role, cl))
		return KANSA_ERR_DB;
	return checklist_index(cl);
}

enum kansa_err store_policy_meta(struct store *st, long long pid,
				 struct checklist *cl)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT name, version, source, "
					    "source_sha256 FROM policy "
					    "WHERE policy_id = ?");
	enum kansa_err err = KANSA_ERR_DB;
	if (!s)
		return KANSA_ERR_DB;
	sqlite3_bind_int64(s, 1, pid);
	if (sqlite3_step(s) == SQLITE_ROW) {
		cl->policy = store_col_dup(s, 0);
		cl->version = store_col_dup(s, 1);
		cl->source = store_col_dup(s, 2);
		cl->source_sha256 = store_col_dup(s, 3);
		err = KANSA_OK;
	}
	sqlite3_finalize(s);
	return err;
}

enum store_derived store_policy_derived(struct store *st,
					const char *source_sha256,
					const char *checklist_sha256)
{
	sqlite3_stmt *s = store_prepare(
		st, "SELECT max(source_sha256 = ?1 AND checklist_sha256 = ?2),"
		    " max(source_sha256 = ?1), count(*) FROM policy");
	enum store_derived r = DERIVED_NONE;

	if (!s)
		return DERIVED_NONE;
	sqlite3_bind_text(s, 1, source_sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, checklist_sha256, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 2) > 0)
		r = sqlite3_column_int(s, 0)   ? DERIVED_SAME
		    : sqlite3_column_int(s, 1) ? DERIVED_CHECKLIST_EDITED
					       : DERIVED_TEXT_CHANGED;
	sqlite3_finalize(s);
	return r;
}
