/* audit.c: the audit chief's file: the audit's frame and the decisions. */
#include "audit.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define HEAD(k)                                                                \
	{                                                                      \
#k, offsetof(struct audit_file, k)                             \
	}
#define ITEM(k)                                                                \
	{                                                                      \
#k, offsetof(struct audit_judgement, k)                        \
	}

const struct audit_field audit_header_fields[] = {
	HEAD(auditor),	  HEAD(auditors), HEAD(audited_on),  HEAD(period),
	HEAD(scope),	  HEAD(method),	  HEAD(notes),	     HEAD(opinion),
	HEAD(audit_kind), HEAD(criteria), HEAD(departments), HEAD(systems),
	HEAD(exclusions), HEAD(as_of),
};
const size_t audit_nheader_fields = COUNT(audit_header_fields);

const struct audit_field audit_item_fields[] = {
	ITEM(reason),	ITEM(finding),	      ITEM(cause),
	ITEM(impact),	ITEM(recommendation), ITEM(departments),
	ITEM(system),	ITEM(urgency),	      ITEM(reply),
	ITEM(examined), ITEM(audited_by),     ITEM(examined_on),
};
const size_t audit_nitem_fields = COUNT(audit_item_fields);

char **audit_field_ptr(void *base, const struct audit_field *f)
{
	return (char **)((char *)base + f->offset);
}

const char *audit_field_get(const void *base, const struct audit_field *f)
{
	const char *v = *(char *const *)((const char *)base + f->offset);
	return v ? v : "";
}

const char *audit_judgement_name(const struct audit_judgement *j)
{
	return j->dismissed ? "棄却" : finding_grade_name(j->grade);
}

bool audit_judgement_parse(struct audit_judgement *j, const char *name)
{
	int g = finding_grade_parse(name);
	j->dismissed = name && strcmp(name, "棄却") == 0;
	if (j->dismissed) {
		j->grade = GRADE_CONFORM;
		return true;
	}
	j->grade = g < 0 ? GRADE_OBSERVATION : (enum finding_grade)g;
	return g >= 0;
}

/* A copy of s[0..n) without edge spaces. */
static char *trimmed(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return strndup(s, n);
}

bool audit_add_member(struct audit_file *a, const char *spec)
{
	struct audit_member *v =
		realloc(a->members, (a->nmembers + 1) * sizeof(*v));
	char *part[3] = {NULL, NULL, NULL};
	const char *p = spec;

	if (!v)
		return false;
	a->members = v;
	for (int i = 0; i < 3; i++) {
		const char *slash = i < 2 ? strchr(p, '/') : NULL;
		size_t n = slash ? (size_t)(slash - p) : strlen(p);
		part[i] = trimmed(p, n);
		p += n + (slash != NULL);
	}
	if (!part[0] || !part[1] || !part[2]) {
		free(part[0]);
		free(part[1]);
		free(part[2]);
		return false;
	}
	v[a->nmembers].name = part[0];
	v[a->nmembers].post = part[1];
	v[a->nmembers++].department = part[2];
	return true;
}

const struct audit_member *audit_member_in(const struct audit_file *a,
					   const char *where)
{
	for (size_t i = 0; where && i < a->nmembers; i++) {
		const char *dep = a->members[i].department;
		size_t n = strlen(dep);
		for (const char *p = where; *dep && (p = strstr(p, dep)); p++) {
			bool start =
				p == where || (p - where >= 3 &&
					       strncmp(p - 3, "、", 3) == 0);
			bool end = !p[n] || p[n] == ' ' || p[n] == '(' ||
				   strncmp(p + n, "、", 3) == 0 ||
				   strncmp(p + n, "（", 3) == 0;
			if (start && end)
				return &a->members[i];
		}
	}
	return NULL;
}

void audit_release(struct audit_file *a)
{
	for (size_t i = 0; i < a->n; i++) {
		free(a->items[i].item_id);
		for (size_t k = 0; k < audit_nitem_fields; k++)
			free(*audit_field_ptr(&a->items[i],
					      &audit_item_fields[k]));
	}
	for (size_t i = 0; i < a->nmembers; i++) {
		free(a->members[i].name);
		free(a->members[i].post);
		free(a->members[i].department);
	}
	free(a->members);
	free(a->items);
	free(a->path);
	free(a->kept);
	for (size_t k = 0; k < audit_nheader_fields; k++)
		free(*audit_field_ptr(a, &audit_header_fields[k]));
	memset(a, 0, sizeof(*a));
}

static bool carries(const char *const *carried, const char *key)
{
	while (*carried && strcmp(*carried, key) != 0)
		carried++;
	return *carried != NULL;
}

/* The auditors of cur as a's (a has none); their names go to kept. */
static bool keep_members(struct audit_file *a, const struct audit_file *cur,
			 struct sbuf *kept)
{
	for (size_t i = 0; i < cur->nmembers; i++) {
		const struct audit_member *m = &cur->members[i];
		size_t n = strlen(m->name) + strlen(m->post) +
			   strlen(m->department) + 8;
		char *spec = malloc(n);
		bool ok = spec != NULL;
		if (ok)
			snprintf(spec, n, "%s / %s / %s", m->name, m->post,
				 m->department);
		ok = ok && audit_add_member(a, spec);
		free(spec);
		if (!ok)
			return false;
	}
	if (cur->nmembers)
		sbuf_printf(kept, ", auditor_1..%zu", cur->nmembers);
	return true;
}

bool audit_keep(struct audit_file *a, const struct audit_file *cur,
		const char *const *carried)
{
	struct sbuf kept = {0};
	size_t mark;
	bool ok = true;

	sbuf_printf(&kept, "%s (SHA-256 %s):", cur->path ? cur->path : "",
		    cur->sha256);
	mark = kept.len;
	for (size_t k = 0; ok && k < audit_nheader_fields; k++) {
		const struct audit_field *f = &audit_header_fields[k];
		char **v = audit_field_ptr(a, f), *w;
		if (carries(carried, f->key) || !*audit_field_get(cur, f))
			continue;
		if (!(w = strdup(audit_field_get(cur, f)))) {
			ok = false;
			break;
		}
		free(*v);
		*v = w;
		sbuf_printf(&kept, "%s %s", kept.len > mark ? "," : "", f->key);
	}
	if (ok && !a->nmembers)
		ok = keep_members(a, cur, &kept);
	ok = ok && !kept.oom;
	free(a->kept);
	a->kept = NULL;
	if (ok && kept.len > mark)
		a->kept = sbuf_take(&kept);
	sbuf_release(&kept);
	return ok;
}

static char *joined(const struct ini_file *f, const struct ini_section *s,
		    const char *key)
{
	char *v = ini_get_joined(f, s, key);
	return v ? v : strdup("");
}

/* A date key of s normalised to YYYY-MM-DD, or an error. */
static bool check_date(const struct ini_file *f, const struct ini_section *s,
		       const char *key, char **v, struct diags *d)
{
	char date[11], *n;
	if (!**v)
		return true;
	if (!text_parse_date(*v, date)) {
		diags_add(d, DIAG_ERROR, f->path, ini_key_line(s, key),
			  "%s '%s' is not a date (expected YYYY-MM-DD)", key,
			  *v);
		return true;
	}
	if (!(n = strdup(date)))
		return false;
	free(*v);
	*v = n;
	return true;
}

/* auditor_1, auditor_2 ... in file order. */
static bool read_members(const struct ini_file *f, const struct ini_section *k,
			 struct audit_file *a)
{
	for (size_t i = 0; i < k->nkeys; i++) {
		const char *v;
		if (strncmp(k->keys[i].lower, "auditor_", 8) != 0 ||
		    strchr(k->keys[i].lower, '.'))
			continue;
		v = ini_get(f, k, k->keys[i].lower);
		if (v && *v && !audit_add_member(a, v))
			return false;
	}
	return true;
}

/* A period written DATE〜DATE (or ～, ~) that ends before it starts, and
 * an audit report dated before its fiscal year began, are named: both
 * were printed in silence. */
static void check_period(const struct ini_file *f, const struct ini_section *k,
			 const struct audit_file *a, struct diags *d)
{
	static const char *const seps[] = {"〜", "～", "~"};
	char from[11], to[11], era[64];

	for (size_t i = 0; i < COUNT(seps); i++) {
		const char *s = strstr(a->period, seps[i]);
		char *start;
		bool ok;
		if (!s ||
		    !(start = trimmed(a->period, (size_t)(s - a->period))))
			continue;
		ok = text_parse_date(start, from) &&
		     text_parse_date(s + strlen(seps[i]) +
					     strspn(s + strlen(seps[i]), " \t"),
				     to);
		free(start);
		if (ok && strcmp(to, from) < 0)
			diags_add(d, DIAG_WARNING, f->path,
				  ini_key_line(k, "period"),
				  "period '%s' ends before it starts",
				  a->period);
		break;
	}
	text_wareki_fiscal_year(a->fiscal_year, era, sizeof(era));
	if (*a->audited_on && a->fiscal_year > 0 &&
	    text_fiscal_year_of(a->audited_on) < a->fiscal_year)
		diags_add(d, DIAG_WARNING, f->path,
			  ini_key_line(k, "audited_on"),
			  "audited_on %s is before %s (%d) began (%d-04-01)",
			  a->audited_on, era, a->fiscal_year, a->fiscal_year);
}

static bool read_header(const struct ini_file *f, int year, struct diags *d,
			struct audit_file *a)
{
	static const char *const known[] = {
		"kind",	     "fiscal_year", "auditor", "auditors",
		"auditor_*", "audited_on",  "period",  "scope",
		"method",    "notes",	    "opinion", "audit_kind",
		"criteria",  "departments", "systems", "exclusions",
		"as_of",
	};
	const struct ini_section *k = ini_section(f, "kansa");
	ini_check_fiscal_year(f, k, year, d, &a->fiscal_year);
	for (size_t i = 0; i < audit_nheader_fields; i++) {
		char **v = audit_field_ptr(a, &audit_header_fields[i]);
		if (!(*v = joined(f, k, audit_header_fields[i].key)))
			return false;
	}
	if (!read_members(f, k, a))
		return false;
	if (!*a->auditor)
		diags_add(d, DIAG_ERROR, f->path, k->line,
			  "missing auditor in [kansa] (the 情報セキュリティ監査"
			  "統括責任者 who signs the audit)");
	if (!check_date(f, k, "audited_on", &a->audited_on, d) ||
	    !check_date(f, k, "as_of", &a->as_of, d))
		return false;
	check_period(f, k, a, d);
	ini_warn_unknown_keys(f, k, known, COUNT(known), d);
	return true;
}

static bool read_fields(const struct ini_file *f, const struct ini_section *s,
			struct audit_judgement *j)
{
	for (size_t i = 0; i < audit_nitem_fields; i++) {
		char **v = audit_field_ptr(j, &audit_item_fields[i]);
		if (!(*v = joined(f, s, audit_item_fields[i].key)))
			return false;
	}
	return true;
}

static bool read_item(const struct ini_file *f, const struct ini_section *s,
		      const struct checklist *cl, struct diags *d,
		      struct audit_judgement *j)
{
	static const char *const known[] = {
		"judgement",   "reason",	 "finding",	"cause",
		"impact",      "recommendation", "departments", "system",
		"urgency",     "reply",		 "examined",	"audited_by",
		"examined_on",
	};
	char *grade, *id = text_nfkc(s->name, strlen(s->name)), near[256];
	bool parsed;

	j->line = s->line;
	if (!id)
		return false;
	j->item_id = id;
	for (char *p = id, *o = id;; p++)
		if (*p != ' ' && !(*o++ = *p))
			break;
	if (!(grade = joined(f, s, "judgement")) || !read_fields(f, s, j)) {
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
	parsed = audit_judgement_parse(j, grade);
	if (!parsed && !*grade)
		diags_add(d, DIAG_ERROR, f->path, ini_key_line(s, "judgement"),
			  "missing judgement for [%s] (write judgement = 適合, "
			  "重大な不適合, 軽微な不適合, 推奨事項, 観察事項 or "
			  "棄却 with a reason)",
			  s->name);
	else if (!parsed)
		diags_add(d, DIAG_ERROR, f->path, ini_key_line(s, "judgement"),
			  "unknown judgement '%s' for [%s] (expected 適合, "
			  "重大な不適合, 軽微な不適合, 推奨事項, 観察事項 or "
			  "棄却)",
			  grade, s->name);
	else if (j->dismissed && !*j->reason)
		diags_add(d, DIAG_ERROR, f->path, ini_key_line(s, "judgement"),
			  "judgement 棄却 for [%s] needs a reason (reason = "
			  "why the candidate is no finding)",
			  s->name);
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
	if (!check_date(f, s, "examined_on", &j->examined_on, d))
		return false;
	ini_warn_unknown_keys(f, s, known, COUNT(known), d);
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
