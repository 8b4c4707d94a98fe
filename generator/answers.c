/* answers.c: answer sheets: reading, validating, writing blank ones. */
#include "answers.h"
#include "roles.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const status_names[STATUS_COUNT] = {
	"実施", "一部実施", "未実施", "該当なし", "未回答",
};

/* What respondents may write for each status (after NFKC, any case). */
static const struct {
	const char *word;
	enum answer_status status;
} status_words[] = {
	{"実施", STATUS_DONE},	     {"一部実施", STATUS_PARTIAL},
	{"未実施", STATUS_NOT_DONE}, {"該当なし", STATUS_NA},
	{"yes", STATUS_DONE},	     {"partial", STATUS_PARTIAL},
	{"no", STATUS_NOT_DONE},     {"na", STATUS_NA},
	{"n/a", STATUS_NA},
};

/* Keys an answer section may have (besides comment.2 ...). */
static const char *const answer_keys[] = {"status", "evidence", "comment"};
/* Keys of the [kansa] section of an answers file. */
static const char *const header_keys[] = {
	"kind",	      "fiscal_year", "department", "role",
	"respondent", "answered_on", "system",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const char *answer_status_name(enum answer_status s)
{
	return (unsigned)s < STATUS_COUNT ? status_names[s] : "?";
}

int answer_status_parse(const char *s)
{
	char *n;
	int r = -1;

	/* the words as written (and as stored) need no normalising */
	for (size_t i = 0; i < COUNT(status_words); i++)
		if (strcmp(s, status_words[i].word) == 0)
			return (int)status_words[i].status;
	if (!(n = text_nfkc(s, strlen(s))))
		return -1;
	for (char *p = n; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	if (!*n)
		r = STATUS_UNANSWERED;
	for (size_t i = 0; r < 0 && i < COUNT(status_words); i++)
		if (strcmp(n, status_words[i].word) == 0)
			r = (int)status_words[i].status;
	free(n);
	return r;
}

const char *answers_role_name(const char *s)
{
	const struct role_table *t = roles_get(NULL);
	int r = t ? roles_find(t, s) : -1;
	return r >= 0 ? t->v[r].name : NULL;
}

void answers_release(struct answer_sheet *sh)
{
	for (size_t i = 0; i < sh->nanswers; i++) {
		struct answer *a = &sh->answers[i];
		for (size_t k = 0; k < a->nevidence; k++)
			free(a->evidence[k]);
		free(a->evidence);
		free(a->item_id);
		free(a->comment);
	}
	free(sh->answers);
	free(sh->path);
	free(sh->department);
	free(sh->role);
	free(sh->respondent);
	free(sh->answered_on);
	free(sh->system);
	memset(sh, 0, sizeof(*sh));
}

/* --- reading --------------------------------------------------------- */

struct reader {
	const struct ini_file *f;   /* the file */
	const struct checklist *cl; /* the checklist in force */
	struct diags *d;	    /* problems */
	struct answer_sheet *sh;    /* being filled */
	bool oom;		    /* an allocation failed */
};

static char *dup_value(struct reader *r, const struct ini_section *s,
		       const char *key)
{
	char *v = ini_get_joined(r->f, s, key);
	if (!v && !(v = strdup("")))
		r->oom = true;
	return v;
}

static void read_header(struct reader *r, int year)
{
	const struct ini_section *k = ini_section(r->f, "kansa");
	struct answer_sheet *sh = r->sh;
	const char *role;
	char *v, date[11];

	ini_check_fiscal_year(r->f, k, year, r->d, &sh->fiscal_year);
	sh->department = dup_value(r, k, "department");
	sh->department_line = k ? ini_key_line(k, "department") : 0;
	sh->respondent = dup_value(r, k, "respondent");
	sh->system = dup_value(r, k, "system");
	sh->answered_on = dup_value(r, k, "answered_on");
	v = dup_value(r, k, "role");
	if (r->oom)
		return;
	if (!*sh->department)
		diags_add(r->d, DIAG_ERROR, r->f->path, k->line,
			  "missing department in [kansa] (expected e.g. "
			  "'department = 議会事務局総務課')");
	if (!(role = answers_role_name(v))) {
		struct sbuf names = {0};
		const struct role_table *t = roles_get(r->d);
		const char *words[ROLES_MAX], *near = NULL;
		size_t n = 0;
		if (t) {
			roles_list(t, &names);
			for (; n < t->n && n < ROLES_MAX; n++)
				words[n] = t->v[n].name;
			near = text_nearest(v, words, n);
		}
		diags_add(r->d, DIAG_ERROR, r->f->path, ini_key_line(k, "role"),
			  "unknown role '%s' (%s%s%sexpected one of the roles: "
			  "%s)",
			  v, near ? "did you mean " : "", near ? near : "",
			  near ? "? " : "", names.s ? names.s : "");
		sbuf_release(&names);
	}
	free(v);
	sh->role = strdup(role ? role : "");
	if (!*sh->answered_on)
		diags_add(r->d, DIAG_WARNING, r->f->path,
			  ini_key_line(k, "answered_on"),
			  "answered_on is empty: say when the sheet was "
			  "answered (YYYY-MM-DD)");
	if (!*sh->respondent)
		diags_add(r->d, DIAG_WARNING, r->f->path,
			  ini_key_line(k, "respondent"),
			  "respondent is empty: say who answered the sheet "
			  "(氏名)");
	if (*sh->answered_on) {
		if (!text_parse_date(sh->answered_on, date))
			diags_add(r->d, DIAG_ERROR, r->f->path,
				  ini_key_line(k, "answered_on"),
				  "answered_on '%s' is not a date (expected "
				  "YYYY-MM-DD)",
				  sh->answered_on);
		else if (strlen(sh->answered_on) >= 10)
			memcpy(sh->answered_on, date, 11);
		else if ((v = strdup(date)) != NULL) {
			free(sh->answered_on);
			sh->answered_on = v;
		} else
			r->oom = true;
	}
	ini_warn_unknown_keys(r->f, k, header_keys, COUNT(header_keys), r->d);
}

/* Splits "EV-1, EV-2" into trimmed IDs. */
static bool split_ids(const char *v, char ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	while (*v) {
		const char *end = strchr(v, ','), *b = v, *e;
		char **grown;
		e = end ? end : v + strlen(v);
		v = end ? end + 1 : e;
		while (b < e && isspace((unsigned char)*b))
			b++;
		while (e > b && isspace((unsigned char)e[-1]))
			e--;
		if (e == b)
			continue;
		if (!(grown = realloc(*out, (*n + 1) * sizeof(*grown))))
			return false;
		*out = grown;
		if (!((*out)[(*n)++] = strndup(b, (size_t)(e - b))))
			return false;
	}
	return true;
}

/* An item ID as kansa writes it: NFKC (６－４（２）ｷ is 6-4(2)キ), no
 * spaces. */
static char *canonical_id(const char *id)
{
	char *n = text_nfkc(id, strlen(id)), *o = n;
	for (const char *p = n; p && *p; p++)
		if (*p != ' ')
			*o++ = *p;
	if (o)
		*o = '\0';
	return n;
}

static void check_item(struct reader *r, const struct ini_section *s,
		       const struct answer *a)
{
	const struct item *it = checklist_find(r->cl, a->item_id);
	char near[256];

	if (!it) {
		checklist_suggest(r->cl, s->name, near, sizeof(near));
		diags_add(r->d, DIAG_ERROR, r->f->path, s->line,
			  "unknown item ID '[%s]': not in the checklist %s@%s"
			  "%s%s%s",
			  s->name, r->cl->policy, r->cl->version,
			  *near ? " (did you mean " : "", near,
			  *near ? "?)" : "");
		return;
	}
	if (*r->sh->role && !item_has_role(it, r->sh->role))
		diags_add(r->d, DIAG_WARNING, r->f->path, s->line,
			  "item '%s' is not an item of %s (its roles: %s); "
			  "the answer is kept",
			  a->item_id, r->sh->role, it->roles);
	if (a->status == STATUS_NA && !*a->comment)
		diags_add(r->d, DIAG_WARNING, r->f->path,
			  ini_key_line(s, "status"),
			  "'該当なし' for '%s' without a comment: say why the "
			  "item does not apply",
			  a->item_id);
}

static void read_answer(struct reader *r, const struct ini_section *s)
{
	struct answer_sheet *sh = r->sh;
	struct answer *a, *grown;
	char *status, *evidence;
	int st;

	if (!(grown = text_grow(sh->answers, sh->nanswers, sizeof(*a)))) {
		r->oom = true;
		return;
	}
	sh->answers = grown;
	a = &sh->answers[sh->nanswers++];
	memset(a, 0, sizeof(*a));
	a->line = s->line;
	a->evidence_line = ini_key_line(s, "evidence");
	a->item_id = canonical_id(s->name);
	a->comment = dup_value(r, s, "comment");
	status = dup_value(r, s, "status");
	evidence = dup_value(r, s, "evidence");
	if (!a->item_id || r->oom || !status || !evidence ||
	    !split_ids(evidence, &a->evidence, &a->nevidence)) {
		r->oom = true;
		goto out;
	}
	if ((st = answer_status_parse(status)) < 0) {
		const char *near = text_nearest(status, status_names, 4);
		diags_add(r->d, DIAG_ERROR, r->f->path,
			  ini_key_line(s, "status"),
			  "unknown status '%s' (%s%s%sexpected 実施, 一部実施, "
			  "未実施 or 該当なし; or yes, partial, no, na)",
			  status, near ? "did you mean " : "", near ? near : "",
			  near ? "? " : "");
		st = STATUS_UNANSWERED;
	}
	a->status = (enum answer_status)st;
	check_item(r, s, a);
	ini_warn_unknown_keys(r->f, s, answer_keys, COUNT(answer_keys), r->d);
out:
	free(status);
	free(evidence);
}

static int cmp_answer_ptr(const void *a, const void *b)
{
	const struct answer *x = *(const struct answer *const *)a,
			    *y = *(const struct answer *const *)b;
	int c = strcmp(x->item_id, y->item_id);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* Two sections that are the same item once normalised ([3(2)ア(イ)] and
 * [３（２）ア（イ）]) are an input error naming both lines. */
static bool check_duplicates(struct reader *r)
{
	struct answer_sheet *sh = r->sh;
	const struct answer **v = malloc(sh->nanswers * sizeof(*v) + 1);

	if (!v)
		return false;
	for (size_t i = 0; i < sh->nanswers; i++)
		v[i] = &sh->answers[i];
	qsort(v, sh->nanswers, sizeof(*v), cmp_answer_ptr);
	for (size_t i = 1; i < sh->nanswers; i++)
		if (v[i]->item_id && v[i - 1]->item_id &&
		    strcmp(v[i]->item_id, v[i - 1]->item_id) == 0)
			diags_add(r->d, DIAG_ERROR, r->f->path, v[i]->line,
				  "item '%s' is answered twice (first at line "
				  "%ld, written otherwise): merge the two",
				  v[i]->item_id, v[i - 1]->line);
	free(v);
	return true;
}

enum kansa_err answers_read(const struct ini_file *f,
			    const struct checklist *cl, int year,
			    struct diags *d, struct answer_sheet *out)
{
	struct reader r = {f, cl, d, out, false};
	size_t errors = d->errors;

	memset(out, 0, sizeof(*out));
	if (!(out->path = strdup(f->path)))
		return KANSA_ERR_NOMEM;
	memcpy(out->sha256, f->sha256, sizeof(out->sha256));
	out->size = f->size;
	out->encoding = f->encoding;
	read_header(&r, year);
	for (size_t i = 0; i < f->nsections && !r.oom; i++)
		if (strcmp(f->sections[i].lower, "kansa") != 0)
			read_answer(&r, &f->sections[i]);
	if (!r.oom && !check_duplicates(&r))
		r.oom = true;
	if (r.oom)
		return KANSA_ERR_NOMEM;
	return d->errors > errors ? KANSA_ERR_INPUT : KANSA_OK;
}

/* --- blank sheets ---------------------------------------------------- */

/* Adds s as "; " comment lines wrapped at 72 columns. */
static void add_comment(struct sbuf *b, const char *s)
{
	char **lines = text_wrap(s, 72);
	for (size_t i = 0; lines && lines[i]; i++)
		sbuf_printf(b, "; %s\n", lines[i]);
	if (!lines)
		b->oom = true;
	text_free_lines(lines);
}

/* Last year's answer to item id on prev, or NULL. */
static const struct answer *previous_answer(const struct answer_sheet *prev,
					    const char *id)
{
	for (size_t i = 0; prev && i < prev->nanswers; i++)
		if (strcmp(prev->answers[i].item_id, id) == 0)
			return &prev->answers[i];
	return NULL;
}

/* Last year's answer to an item as comments above its section. */
static void add_previous(struct sbuf *b, const struct answer_sheet *prev,
			 const struct answer *a)
{
	struct sbuf line = {0};
	sbuf_printf(&line, "前年度 (%d) の回答: %s", prev->fiscal_year,
		    a ? answer_status_name(a->status)
		      : "なし (この項目は新規)");
	for (size_t k = 0; a && k < a->nevidence; k++)
		sbuf_printf(&line, "%s%s",
			    k ? ", " : " / 証跡: ", a->evidence[k]);
	if (line.s)
		add_comment(b, line.s);
	b->oom |= line.oom;
	sbuf_release(&line);
	if (a && a->comment && *a->comment) {
		sbuf_printf(&line, "前年度のコメント: %s", a->comment);
		/* a comment line ends at a line end: keep it on the line */
		for (char *p = line.s; p && *p; p++)
			if (*p == '\r' || *p == '\n')
				*p = ' ';
		if (line.s)
			add_comment(b, line.s);
		b->oom |= line.oom;
		sbuf_release(&line);
	}
}

/* The header of a sheet carried from last year: what the comments are. */
static void add_carried_header(struct sbuf *b, const struct answer_sheet *prev,
			       int year)
{
	sbuf_printf(b,
		    ";\n; この回答票には、前年度 (%d年度) の回答を「; 前年度」"
		    "の注釈で各項目の上に載せています。\n"
		    "; 注釈は今年度の回答として数えません。各項目を確認し、"
		    "変わらなければ同じ値を、\n"
		    "; 変わったときは今年度の値を status・evidence・comment "
		    "に書いてください。\n"
		    "; 証跡 ID は今年度 (%d年度) の証跡台帳の ID を書きます。"
		    "\n; 空欄のまま取り込んだ項目は「未回答」です。\n"
		    "; Last year's answers are shown as comments; only what "
		    "you write below counts.\n",
		    prev->fiscal_year, year);
}

/* The sheet of one role; prev (or NULL) is last year's sheet of the
 * respondent, shown beside each item as comments. */
static enum kansa_err format_sheet(const struct checklist *cl, const char *role,
				   int year, const char *department,
				   const struct answer_sheet *prev,
				   const char *header, char **out, size_t *len)
{
	struct sbuf b = {0}, crlf = {0};
	const char *heading = "";

	sbuf_adds(&b, header);
	if (prev)
		add_carried_header(&b, prev, year);
	sbuf_printf(&b, "\n[kansa]\nkind = answers\nfiscal_year = %d\n", year);
	ini_format_value(&b, "department", department ? department : "");
	ini_format_value(&b, "role", role);
	if (prev && *prev->respondent)
		ini_format_value(&b, "respondent", prev->respondent);
	else
		sbuf_adds(&b, "respondent = \n");
	sbuf_adds(&b, "answered_on = \n");
	if (prev && *prev->system)
		ini_format_value(&b, "system", prev->system);
	else
		sbuf_adds(&b, "system =    ; optional: the information system "
			      "this sheet covers\n");
	sbuf_printf(&b, "; policy: %s@%s\n", cl->policy, cl->version);
	for (size_t i = 0; i < cl->nitems; i++) {
		const struct item *it = &cl->items[i];
		if (!item_has_role(it, role))
			continue;
		sbuf_adds(&b, "\n");
		if (strcmp(heading, it->heading) != 0) {
			add_comment(&b, it->heading);
			heading = it->heading;
		}
		sbuf_printf(&b, "; %s %s [%s]\n", it->id,
			    item_level_name(it->level), it->roles);
		add_comment(&b, it->text);
		if (prev)
			add_previous(&b, prev, previous_answer(prev, it->id));
		sbuf_printf(&b, "[%s]\nstatus = \nevidence = \ncomment = \n",
			    it->id);
	}
	/* CRLF for Notepad and Excel users */
	for (size_t i = 0; b.s && i < b.len; i++) {
		if (b.s[i] == '\r')
			continue;
		if (b.s[i] == '\n')
			sbuf_add(&crlf, "\r", 1);
		sbuf_add(&crlf, b.s + i, 1);
	}
	sbuf_release(&b);
	if (crlf.oom) {
		sbuf_release(&crlf);
		return KANSA_ERR_NOMEM;
	}
	*len = crlf.len;
	*out = sbuf_take(&crlf);
	return KANSA_OK;
}

enum kansa_err answers_format_template(const struct checklist *cl,
				       const char *role, int year,
				       const char *department,
				       const char *header, char **out,
				       size_t *len)
{
	return format_sheet(cl, role, year, department, NULL, header, out, len);
}

enum kansa_err answers_format_carried(const struct checklist *cl, int year,
				      const struct answer_sheet *prev,
				      const char *header, char **out,
				      size_t *len)
{
	return format_sheet(cl, prev->role, year, prev->department, prev,
			    header, out, len);
}
