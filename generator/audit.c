/* audit.c: the audit chief's file of judgements. */
#include "audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

static const char *const header_keys[] = {
	"kind",	  "fiscal_year", "auditor", "auditors", "audited_on",
	"period", "scope",	 "method",  "notes",
};
static const char *const item_keys[] = {"judgement", "finding", "cause",
					"recommendation", "urgency"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

void audit_release(struct audit_file *a)
{
	for (size_t i = 0; i < a->n; i++) {
		struct audit_judgement *j = &a->items[i];
		free(j->item_id);
		free(j->finding);
		free(j->cause);
		free(j->recommendation);
		free(j->urgency);
	}
	free(a->items);
	free(a->path);
	free(a->auditor);
	free(a->auditors);
	free(a->audited_on);
	free(a->period);
	free(a->scope);
	free(a->method);
	free(a->notes);
	memset(a, 0, sizeof(*a));
}

static char *joined(const struct ini_file *f, const struct ini_section *s,
		    const char *key)
{
	char *v = ini_get_joined(f, s, key);
	return v ? v : strdup("");
}

static bool read_header(const struct ini_file *f, int year, struct diags *d,
			struct audit_file *a)
{
	const struct ini_section *k = ini_section(f, "kansa");
	char date[11];

	ini_check_fiscal_year(f, k, year, d, &a->fiscal_year);
	a->auditor = joined(f, k, "auditor");
	a->auditors = joined(f, k, "auditors");
	a->audited_on = joined(f, k, "audited_on");
	a->period = joined(f, k, "period");
	a->scope = joined(f, k, "scope");
	a->method = joined(f, k, "method");
	a->notes = joined(f, k, "notes");
	if (!a->auditor || !a->auditors || !a->audited_on || !a->period ||
	    !a->scope || !a->method || !a->notes)
		return false;
	if (!*a->auditor)
		diags_add(d, DIAG_ERROR, f->path, k->line,
			  "missing auditor in [kansa] (the 情報セキュリティ監査"
			  "統括責任者 who signs the audit)");
	if (*a->audited_on && !text_parse_date(a->audited_on, date))
		diags_add(d, DIAG_ERROR, f->path, ini_key_line(k, "audited_on"),
			  "audited_on '%s' is not a date (expected YYYY-MM-DD)",
			  a->audited_on);
	else if (*a->audited_on) {
		char *n = strdup(date);
		if (!n)
			return false;
		free(a->audited_on);
		a->audited_on = n;
	}
	ini_warn_unknown_keys(f, k, header_keys, COUNT(header_keys), d);
	return true;
}

static bool read_item(const struct ini_file *f, const struct ini_section *s,
		      const struct checklist *cl, struct diags *d,
		      struct audit_judgement *j)
{
	char *grade, *id = text_nfkc(s->name, strlen(s->name)), near[256];
	int g;

	j->line = s->line;
	if (!id)
		return false;
	j->item_id = id;
	for (char *p = id, *o = id;; p++)
		if (*p != ' ' && !(*o++ = *p))
			break;
	if (!(grade = joined(f, s, "judgement")) ||
	    !(j->finding = joined(f, s, "finding")) ||
	    !(j->cause = joined(f, s, "cause")) ||
	    !(j->recommendation = joined(f, s, "recommendation")) ||
	    !(j->urgency = joined(f, s, "urgency"))) {
		free(grade);
		return false;
	}
	if (!checklist_find(cl, id)) {
		checklist_suggest(cl, id, near, sizeof(near));
		diags_add(d, DIAG_ERROR, f->path, s->line,
			  "unknown item ID '[%s]': not in the checklist%s%s%s",
			  s->name, *near ? " (did you mean " : "", near,
			  *near ? "?)" : "");
	}
	if ((g = finding_grade_parse(grade)) < 0)
		diags_add(d, DIAG_ERROR, f->path, ini_key_line(s, "judgement"),
			  "unknown judgement '%s' for [%s] (expected 適合, "
			  "重大な不適合, 軽微な不適合, 推奨事項 or 観察事項)",
			  grade, s->name);
	j->grade = g < 0 ? GRADE_OBSERVATION : (enum finding_grade)g;
	free(grade);
	if (!*j->urgency) {
		free(j->urgency);
		if (!(j->urgency = strdup("通常")))
			return false;
	} else if (strcmp(j->urgency, "緊急") && strcmp(j->urgency, "通常")) {
		diags_add(
			d, DIAG_ERROR, f->path, ini_key_line(s, "urgency"),
			"unknown urgency '%s' for [%s] (expected 緊急 or 通常)",
			j->urgency, s->name);
	}
	ini_warn_unknown_keys(f, s, item_keys, COUNT(item_keys), d);
	return true;
}

enum kansa_err audit_read(const struct ini_file *f, const struct checklist *cl,
			  int year, struct diags *d, struct audit_file *out)
{
	size_t errors = d->errors;

	memset(out, 0, sizeof(*out));
	if (!(out->path = strdup(f->path)) ||
	    !(out->items = calloc(f->nsections + 1, sizeof(*out->items))))
		return KANSA_ERR_NOMEM;
	memcpy(out->sha256, f->sha256, sizeof(out->sha256));
	out->size = f->size;
	if (!read_header(f, year, d, out))
		return KANSA_ERR_NOMEM;
	for (size_t i = 0; i < f->nsections; i++) {
		if (strcmp(f->sections[i].lower, "kansa") == 0)
			continue;
		if (!read_item(f, &f->sections[i], cl, d,
			       &out->items[out->n++]))
			return KANSA_ERR_NOMEM;
	}
	return d->errors > errors ? KANSA_ERR_INPUT : KANSA_OK;
}
