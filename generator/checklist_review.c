/* checklist_review.c: what a reviewer wrote in the checklist, kept across
 * derives: reviewer keys, corrections, items marked no obligation and
 * items added by hand. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist.h"
#include "text.h"

static char *dup_or_null(const char *s, bool *oom)
{
	char *d = s ? strdup(s) : NULL;
	if (s && !d)
		*oom = true;
	return d;
}

static bool has_correction(const struct item *it)
{
	return it->correct_roles || it->correct_level || it->correct_text ||
	       it->not_obligation;
}

/* The first 40 characters of s, for messages. */
static void excerpt(const char *s, char out[160])
{
	size_t i = 0, chars = 0;
	while (s[i] && chars < 40) {
		uint32_t cp;
		int l = text_u8_next(s + i, strlen(s + i), &cp);
		i += l > 0 ? (size_t)l : 1;
		chars++;
	}
	snprintf(out, 160, "%.*s%s", (int)i, s, s[i] ? "…" : "");
}

/*
 * An edit of roles, level or text made straight in the derived keys
 * (the policy text unchanged, so derive gives the same values): kept as
 * the correction it is, with a notice.
 */
static void take_direct_edits(struct item *n, const struct item *o,
			      const char *file, struct diags *d, bool *oom)
{
	if (!n->correct_roles && strcmp(o->roles, n->roles) != 0) {
		n->correct_roles = dup_or_null(o->roles, oom);
		diags_add(d, DIAG_NOTICE, file, 0,
			  "item '%s': roles edited to '%s' (derived: '%s'): "
			  "kept as correct_roles",
			  o->id, o->roles, n->roles);
	}
	if (!n->correct_level && o->level != n->level) {
		n->correct_level = dup_or_null(item_level_name(o->level), oom);
		diags_add(d, DIAG_NOTICE, file, 0,
			  "item '%s': level edited to '%s': kept as "
			  "correct_level",
			  o->id, item_level_name(o->level));
	}
	if (!n->correct_text && strcmp(o->text, n->text) != 0) {
		n->correct_text = dup_or_null(o->text, oom);
		diags_add(d, DIAG_NOTICE, file, 0,
			  "item '%s': text edited: kept as correct_text",
			  o->id);
	}
}

/* Copies reviewer keys and corrections of o into n. */
static void carry(struct item *n, const struct item *o, bool same_text,
		  const char *file, struct diags *d, bool *oom)
{
	n->weight = dup_or_null(o->weight, oom);
	n->evidence_examples = dup_or_null(o->evidence_examples, oom);
	n->method = dup_or_null(o->method, oom);
	n->note = dup_or_null(o->note, oom);
	n->correct_roles = dup_or_null(o->correct_roles, oom);
	n->correct_level = dup_or_null(o->correct_level, oom);
	n->correct_text = dup_or_null(o->correct_text, oom);
	n->not_obligation = dup_or_null(o->not_obligation, oom);
	if (same_text)
		take_direct_edits(n, o, file, d, oom);
	else if (has_correction(o) && strcmp(o->text, n->text) != 0) {
		char was[160], now[160];
		excerpt(o->text, was);
		excerpt(n->text, now);
		diags_add(d, DIAG_WARNING, file, 0,
			  "item '%s': the policy text under your correction "
			  "changed (was '%s', now '%s'): the correction is "
			  "kept; check that it still holds",
			  o->id, was, now);
	}
}

/* Inserts a copy of the added item o after the item called after (or at
 * the end). */
static enum kansa_err insert_added(struct checklist *cl, const struct item *o,
				   const char *after)
{
	size_t at = cl->nitems;
	struct item *it;
	bool oom = false;

	if (after)
		for (size_t i = 0; i < cl->nitems; i++)
			if (strcmp(cl->items[i].id, after) == 0)
				at = i + 1;
	if (cl->nitems == cl->citems) {
		size_t cap = cl->citems ? cl->citems * 2 : 16;
		struct item *v = realloc(cl->items, cap * sizeof(*v));
		if (!v)
			return KANSA_ERR_NOMEM;
		cl->items = v;
		cl->citems = cap;
	}
	memmove(cl->items + at + 1, cl->items + at,
		(cl->nitems - at) * sizeof(*cl->items));
	cl->nitems++;
	it = &cl->items[at];
	memset(it, 0, sizeof(*it));
	it->id = dup_or_null(o->id, &oom);
	it->chapter = dup_or_null(o->chapter, &oom);
	it->section = dup_or_null(o->section, &oom);
	it->heading = dup_or_null(o->heading ? o->heading : "", &oom);
	it->text = dup_or_null(o->text, &oom);
	it->roles = dup_or_null(o->roles, &oom);
	it->level = o->level;
	it->source_line = o->source_line;
	it->added = dup_or_null(o->added, &oom);
	carry(it, o, false, NULL, NULL, &oom);
	return oom ? KANSA_ERR_NOMEM : KANSA_OK;
}

enum kansa_err checklist_keep_reviewed(struct checklist *cl,
				       const struct checklist *old,
				       const char *file, struct diags *d)
{
	bool oom = false;
	bool same = cl->source_sha256 && old->source_sha256 &&
		    strcmp(cl->source_sha256, old->source_sha256) == 0;
	enum kansa_err err;

	if ((err = checklist_index(cl)))
		return err;
	for (size_t i = 0; i < old->nitems && !oom; i++) {
		const struct item *o = &old->items[i];
		struct item *n = (struct item *)checklist_find(cl, o->id);
		bool reviewed = o->weight || o->evidence_examples ||
				o->method || o->note || has_correction(o);
		if (o->added && !n) {
			if ((err = insert_added(
				     cl, o, i ? old->items[i - 1].id : NULL)) ||
			    (err = checklist_index(cl)))
				return err;
			continue;
		}
		if (o->added)
			diags_add(d, DIAG_WARNING, file, 0,
				  "added item '%s' is now derived from the "
				  "text: the added one is dropped",
				  o->id);
		if (!n) {
			if (reviewed)
				diags_add(d, DIAG_WARNING, file, 0,
					  "item '%s' no longer exists: its "
					  "reviewer keys are dropped",
					  o->id);
			continue;
		}
		carry(n, o, same, file, d, &oom);
	}
	free(cl->index);
	cl->index = NULL;
	return oom ? KANSA_ERR_NOMEM : KANSA_OK;
}

enum kansa_err checklist_apply_corrections(struct checklist *cl)
{
	size_t o = 0;
	for (size_t i = 0; i < cl->nitems; i++) {
		struct item *it = &cl->items[i];
		if (it->not_obligation) {
			item_release(it);
			continue;
		}
		if (it->correct_roles) {
			free(it->roles);
			if (!(it->roles = strdup(it->correct_roles)))
				return KANSA_ERR_NOMEM;
		}
		if (it->correct_level)
			it->level = (enum item_level)item_level_parse(
				it->correct_level);
		if (it->correct_text) {
			free(it->text);
			if (!(it->text = strdup(it->correct_text)))
				return KANSA_ERR_NOMEM;
		}
		cl->items[o++] = *it;
	}
	cl->nitems = o;
	free(cl->index);
	cl->index = NULL;
	return KANSA_OK;
}
