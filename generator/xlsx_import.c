/* xlsx_import.c: a filled-in workpaper or answer workbook read back as the
 * audit or answers INI file it stands for. */
#include "xlsx_import.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "fileio.h"
#include "i18n.h"
#include "text.h"
#include "xlsx.h"

const struct xlsx_column xlsx_audit_columns[] = {
	{"判定", "judgement"},
	{"判定の理由", "reason"},
	{"所見 (事象)", "finding"},
	{"原因", "cause"},
	{"影響", "impact"},
	{"改善提言", "recommendation"},
	{"緊急度", "urgency"},
	{"確認した証跡", "examined"},
	{"監査担当", "audited_by"},
	{"実施日", "examined_on"},
	{"対象部署", "departments"},
	{"情報システム", "system"},
	{"被監査部門の回答", "reply"},
};
const size_t xlsx_naudit_columns =
	sizeof(xlsx_audit_columns) / sizeof(xlsx_audit_columns[0]);

const struct xlsx_column xlsx_cover_rows[] = {
	{"監査統括責任者", "auditor"}, {"監査担当", "auditors"},
	{"監査期間", "period"},	       {"監査実施日", "audited_on"},
	{"監査の範囲", "scope"},       {"監査の方法", "method"},
	{"特記事項", "notes"},
};
const size_t xlsx_ncover_rows =
	sizeof(xlsx_cover_rows) / sizeof(xlsx_cover_rows[0]);

const struct xlsx_column xlsx_answer_columns[] = {
	{"回答", "status"},
	{"証跡", "evidence"},
	{"コメント", "comment"},
};
const size_t xlsx_nanswer_columns =
	sizeof(xlsx_answer_columns) / sizeof(xlsx_answer_columns[0]);

const struct xlsx_column xlsx_answer_rows[] = {
	{"部署", "department"},
	{"回答者", "respondent"},
	{"回答日", "answered_on"},
	{"情報システム", "system"},
};
const size_t xlsx_nanswer_rows =
	sizeof(xlsx_answer_rows) / sizeof(xlsx_answer_rows[0]);

/* The INI text being made, and the cell each of its lines came from. */
struct builder {
	const char *path; /* the workbook */
	struct sbuf text; /* the INI text */
	char **where;	  /* per line */
	size_t nlines;	  /* lines in text */
	struct diags *d;  /* problems */
	bool nomem;	  /* an allocation failed */
	size_t errors;	  /* errors before this workbook */
	int year;	  /* the import's */
};

/* Notes that the lines added since the text had mark bytes came from
 * sheet!ref. */
static void came_from(struct builder *b, size_t mark, const char *sheet,
		      uint32_t row, uint32_t col)
{
	char ref[16];
	struct sbuf w = {0};
	xlsx_ref(row, col, ref);
	sbuf_printf(&w, "%s!%s", sheet, ref);
	for (size_t i = mark; i < b->text.len && !b->nomem; i++) {
		char **v;
		if (b->text.s[i] != '\n')
			continue;
		if (!(v = text_grow(b->where, b->nlines, sizeof(*v)))) {
			b->nomem = true;
			break;
		}
		b->where = v;
		if (!(v[b->nlines++] = strdup(w.s ? w.s : "")))
			b->nomem = true;
	}
	sbuf_release(&w);
	if (b->text.oom)
		b->nomem = true;
}

static void cell_error(struct builder *b, const char *sheet, uint32_t row,
		       uint32_t col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* An error at FILE:SHEET!CELL. */
static void cell_error(struct builder *b, const char *sheet, uint32_t row,
		       uint32_t col, const char *fmt, ...)
{
	char ref[16], msg[1024];
	struct sbuf w = {0};
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), _(fmt), ap); /* tools/pot.sh extracts */
	va_end(ap);
	xlsx_ref(row, col, ref);
	sbuf_printf(&w, "%s:%s!%s", b->path, sheet, ref);
	diags_add(b->d, DIAG_ERROR, w.s ? w.s : b->path, 0, "%s", msg);
	sbuf_release(&w);
}

/* "YYYY-MM-DD" of an Excel serial day number (the 1900 date system). */
static bool serial_date(const char *v, char out[32])
{
	char *end;
	double s = strtod(v, &end);
	time_t t;
	struct tm tm;
	if (end == v || *end || s < 61 || s > 2958465)
		return false;
	t = (time_t)((long long)s - 25569) * 86400; /* 25569: 1970-01-01 */
	if (!gmtime_r(&t, &tm))
		return false;
	snprintf(out, 32, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1,
		 tm.tm_mday);
	return true;
}

/* The value of an auditor's or respondent's cell as an INI value (a date
 * key turns a serial number into YYYY-MM-DD; line breaks become spaces,
 * which an INI value cannot hold); NULL when the cell is refused. */
static char *cell_value(struct builder *b, const struct xlsx_sheet *s,
			uint32_t row, uint32_t col, const char *key)
{
	const struct xlsx_cell *c = xlsx_cell(s, row, col);
	char date[32], *v;
	if (!c)
		return strdup("");
	if (c->formula) {
		cell_error(b, s->name, row, col,
			   "a formula in the %s cell (type the value itself)",
			   key);
		return NULL;
	}
	if (c->type == XLSX_ERROR) {
		cell_error(b, s->name, row, col, "an error value '%s'",
			   c->text);
		return NULL;
	}
	if (c->type == XLSX_NUMBER && strstr(key, "_on") &&
	    serial_date(c->text, date))
		return strdup(date);
	if (!(v = strdup(c->text)))
		return NULL;
	for (char *p = v; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	return v;
}

/* Adds "key = value" for a cell; false when out of memory. */
static void add_key(struct builder *b, const struct xlsx_sheet *s, uint32_t row,
		    uint32_t col, const char *key, const char *value)
{
	size_t mark = b->text.len;
	ini_format_value(&b->text, key, value);
	came_from(b, mark, s->name, row, col);
}

/* The key/value rows of the hidden sheet, checked against the year's
 * checklist. */
static enum kansa_err read_ident(struct builder *b, struct xlsx_book *book,
				 const struct checklist *cl, int year,
				 const char **kind)
{
	struct xlsx_sheet *s = xlsx_sheet(book, "kansa");
	enum kansa_err err;
	char fy[16];
	struct {
		const char *key, *want, *what;
	} checks[] = {
		{"fiscal_year", fy, "fiscal year"},
		{"policy", cl->policy, "policy"},
		{"policy_version", cl->version, "policy version"},
		{"policy_sha256", cl->source_sha256, "policy text (SHA-256)"},
	};
	*kind = NULL;
	if (!s) {
		diags_add(b->d, DIAG_ERROR, b->path, 0,
			  "not a workbook kansa wrote (no hidden sheet "
			  "'kansa'): import a workpaper or answer workbook "
			  "made by kansa, or INI files");
		return KANSA_ERR_INPUT;
	}
	if ((err = xlsx_load(book, s, b->d)))
		return err;
	snprintf(fy, sizeof(fy), "%d", year);
	for (uint32_t r = 0; r < 32; r++)
		if (!strcmp(xlsx_text(s, r, 0), "kind"))
			*kind = xlsx_text(s, r, 1);
	for (size_t i = 0; i < sizeof(checks) / sizeof(checks[0]); i++) {
		uint32_t r = 0;
		while (r < 32 && strcmp(xlsx_text(s, r, 0), checks[i].key))
			r++;
		if (!checks[i].want)
			checks[i].want = "";
		if (r == 32 || strcmp(xlsx_text(s, r, 1), checks[i].want)) {
			char msg[512];
			snprintf(msg, sizeof(msg),
				 "the workbook is for another %s ('%s'; the "
				 "import is for '%s'): refused",
				 checks[i].what,
				 r < 32 ? xlsx_text(s, r, 1) : "",
				 checks[i].want ? checks[i].want : "");
			cell_error(b, s->name, r < 32 ? r : 0, 1, "%s", msg);
		}
	}
	if (!*kind || (strcmp(*kind, "workpaper") && strcmp(*kind, "answers")))
		cell_error(b, s->name, 0, 1,
			   "unknown kind of workbook '%s' (expected "
			   "workpaper or answers)",
			   *kind ? *kind : "");
	return b->d->errors > b->errors ? KANSA_ERR_INPUT : KANSA_OK;
}

/* A sheet kansa wrote, by name; an error when it was renamed or removed. */
static struct xlsx_sheet *need_sheet(struct builder *b, struct xlsx_book *book,
				     const char *name, enum kansa_err *err)
{
	struct xlsx_sheet *s = xlsx_sheet(book, name);
	if (!s) {
		diags_add(b->d, DIAG_ERROR, b->path, 0,
			  "the sheet '%s' is missing (renamed or removed?): "
			  "kansa reads it by that name",
			  name);
		*err = KANSA_ERR_INPUT;
		return NULL;
	}
	*err = xlsx_load(book, s, b->d);
	return *err ? NULL : s;
}

/* The row whose column lc reads label (from row 0 to limit), or -1. */
static long find_label(const struct xlsx_sheet *s, uint32_t lc,
		       const char *label, uint32_t limit)
{
	for (uint32_t r = 0; r < limit; r++)
		if (!strcmp(xlsx_text(s, r, lc), label))
			return (long)r;
	return -1;
}

/* [kansa] rows from label/value pairs (labels in lc, values in lc + 1). */
static void header_rows(struct builder *b, const struct xlsx_sheet *s,
			uint32_t lc, const struct xlsx_column *rows, size_t n)
{
	for (size_t i = 0; i < n && !b->nomem; i++) {
		long r = find_label(s, lc, rows[i].head, 64);
		char *v;
		if (r < 0) {
			cell_error(b, s->name, 0, lc,
				   "the row '%s' is missing from the sheet",
				   rows[i].head);
			continue;
		}
		if (!(v = cell_value(b, s, (uint32_t)r, lc + 1, rows[i].key)))
			continue;
		add_key(b, s, (uint32_t)r, lc + 1, rows[i].key, v);
		free(v);
	}
}

/* The columns of cols in header row hr of s (their indexes in at); an
 * error for each that is missing. */
static bool find_columns(struct builder *b, const struct xlsx_sheet *s,
			 uint32_t hr, const struct xlsx_column *cols, size_t n,
			 uint32_t *at)
{
	bool ok = true;
	for (size_t k = 0; k < n; k++) {
		uint32_t c = 0;
		while (c < 256 && strcmp(xlsx_text(s, hr, c), cols[k].head))
			c++;
		at[k] = c;
		if (c == 256) {
			cell_error(b, s->name, hr, 0,
				   "the column '%s' is missing from the "
				   "header row",
				   cols[k].head);
			ok = false;
		}
	}
	return ok;
}

/* One [ITEM-ID] section per table row from hr + 1 that has anything in
 * the columns at; need names the key that must then be filled (or
 * NULL). */
static void table_rows(struct builder *b, const struct xlsx_sheet *s,
		       uint32_t hr, uint32_t idcol,
		       const struct xlsx_column *cols, size_t n,
		       const uint32_t *at, const char *need, bool every)
{
	uint32_t last = s->n ? s->cells[s->n - 1].row : 0;
	char *v[16];
	for (uint32_t r = hr + 1; r <= last && !b->nomem; r++) {
		const char *id = xlsx_text(s, r, idcol);
		bool any = false, bad = false;
		for (size_t k = 0; k < n; k++) {
			v[k] = cell_value(b, s, r, at[k], cols[k].key);
			bad |= !v[k];
			any |= v[k] && *v[k];
		}
		if (!bad && (any || every) && !*id)
			cell_error(b, s->name, r, idcol,
				   "a filled row without an item ID");
		else if (!bad && (any || every) &&
			 (strchr(id, ']') || strchr(id, '\n') ||
			  strchr(id, ';') || strchr(id, '#')))
			cell_error(b, s->name, r, idcol,
				   "'%s' is not an item ID", id);
		else if (!bad && (any || every)) {
			size_t mark = b->text.len;
			sbuf_printf(&b->text, "\n[%s]\n", id);
			came_from(b, mark, s->name, r, idcol);
			for (size_t k = 0; k < n; k++) {
				if (need && !strcmp(cols[k].key, need) &&
				    !*v[k])
					cell_error(b, s->name, r, at[k],
						   "the other cells of this "
						   "row are filled, but not "
						   "this one (%s): choose "
						   "one or clear the row",
						   cols[k].head);
				if (*v[k] || every)
					add_key(b, s, r, at[k], cols[k].key,
						v[k]);
			}
		}
		for (size_t k = 0; k < n; k++)
			free(v[k]);
	}
}

/* [kansa] with kind and the fiscal year (checked on the hidden sheet). */
static void start_kansa(struct builder *b, const char *kind)
{
	size_t mark;
	sbuf_printf(&b->text, "[kansa]\nkind = %s\n", kind);
	came_from(b, 0, "kansa", 0, 1);
	mark = b->text.len;
	sbuf_printf(&b->text, "fiscal_year = %d\n", b->year);
	came_from(b, mark, "kansa", 1, 1);
}

static void workpaper(struct builder *b, struct xlsx_book *book,
		      enum kansa_err *err)
{
	struct xlsx_sheet *cover = need_sheet(b, book, "表紙", err);
	struct xlsx_sheet *s =
		cover ? need_sheet(b, book, "監査調書", err) : NULL;
	uint32_t at[16], idcol[1];
	static const struct xlsx_column id[] = {{"項目ID", "id"}};
	if (!s)
		return;
	start_kansa(b, "audit");
	header_rows(b, cover, 1, xlsx_cover_rows, xlsx_ncover_rows);
	if (!find_columns(b, s, 0, id, 1, idcol) ||
	    !find_columns(b, s, 0, xlsx_audit_columns, xlsx_naudit_columns, at))
		return;
	table_rows(b, s, 0, idcol[0], xlsx_audit_columns, xlsx_naudit_columns,
		   at, "judgement", false);
}

static void answers(struct builder *b, struct xlsx_book *book,
		    struct xlsx_sheet *ident, enum kansa_err *err)
{
	struct xlsx_sheet *s = need_sheet(b, book, XLSX_ANSWER_SHEET, err);
	static const struct xlsx_column id[] = {{"項目ID", "id"}};
	uint32_t at[16], idcol[1];
	long hr, role;
	size_t mark;
	if (!s)
		return;
	role = find_label(ident, 0, "role", 32);
	start_kansa(b, "answers");
	if (role >= 0) {
		mark = b->text.len;
		ini_format_value(&b->text, "role",
				 xlsx_text(ident, (uint32_t)role, 1));
		came_from(b, mark, "kansa", (uint32_t)role, 1);
	}
	header_rows(b, s, 0, xlsx_answer_rows, xlsx_nanswer_rows);
	if ((hr = find_label(s, 0, "項目ID", 64)) < 0) {
		cell_error(b, s->name, 0, 0,
			   "the table's header row (項目ID) is missing");
		return;
	}
	if (!find_columns(b, s, (uint32_t)hr, id, 1, idcol) ||
	    !find_columns(b, s, (uint32_t)hr, xlsx_answer_columns,
			  xlsx_nanswer_columns, at))
		return;
	table_rows(b, s, (uint32_t)hr, idcol[0], xlsx_answer_columns,
		   xlsx_nanswer_columns, at, NULL, true);
}

enum kansa_err xlsx_import_buffer(const char *path, const void *data,
				  size_t len, const struct checklist *cl,
				  int year, struct diags *d,
				  struct xlsx_import *out)
{
	static const char *const kinds[] = {"audit", "answers", NULL};
	struct builder b = {.path = path, .d = d, .errors = d->errors};
	struct xlsx_book *book = NULL;
	const char *kind;
	enum kansa_err err;

	memset(out, 0, sizeof(*out));
	if ((err = xlsx_open_buffer(path, data, len, d, &book)) ||
	    (err = read_ident(&b, book, cl, year, &kind)))
		goto out;
	b.year = year;
	if (!strcmp(kind, "workpaper"))
		workpaper(&b, book, &err);
	else
		answers(&b, book, xlsx_sheet(book, "kansa"), &err);
	if (b.nomem) {
		err = KANSA_ERR_NOMEM;
		goto out;
	}
	if (err || d->errors > b.errors) {
		err = err ? err : KANSA_ERR_INPUT;
		goto out;
	}
	out->where = b.where;
	out->nlines = b.nlines;
	b.where = NULL;
	err = ini_parse(path, b.text.s, b.text.len, kinds, d, &out->ini);
	if (!err) {
		char *sha = strdup(book->sha256);
		if (!sha) {
			err = KANSA_ERR_NOMEM;
			goto out;
		}
		free(out->ini->sha256);
		out->ini->sha256 = sha;
		out->ini->size = book->size;
	}
out:
	for (size_t i = 0; b.where && i < b.nlines; i++)
		free(b.where[i]);
	free(b.where);
	sbuf_release(&b.text);
	xlsx_free(book);
	return err;
}

enum kansa_err xlsx_import_read(const char *path, const struct checklist *cl,
				int year, struct diags *d,
				struct xlsx_import *out)
{
	char *data = NULL;
	size_t len = 0;
	enum kansa_err err = fileio_read(path, XLSX_MAX_FILE, &data, &len, d);
	memset(out, 0, sizeof(*out));
	if (err)
		return err;
	err = xlsx_import_buffer(path, data, len, cl, year, d, out);
	free(data);
	return err;
}

void xlsx_import_relocate(const struct xlsx_import *im, const char *path,
			  struct diags *d, size_t first)
{
	for (size_t i = first; i < d->n; i++) {
		struct diag *g = &d->v[i];
		struct sbuf w = {0};
		if (!g->file || strcmp(g->file, path) || g->line <= 0 ||
		    (size_t)g->line > im->nlines || !im->where[g->line - 1])
			continue;
		sbuf_printf(&w, "%s:%s", path, im->where[g->line - 1]);
		if (!w.s)
			continue;
		free(g->file);
		g->file = sbuf_take(&w);
		g->line = 0;
	}
}

void xlsx_import_release(struct xlsx_import *im)
{
	ini_free(im->ini);
	for (size_t i = 0; i < im->nlines; i++)
		free(im->where[i]);
	free(im->where);
	memset(im, 0, sizeof(*im));
}

bool xlsx_import_is_xlsx(const char *path)
{
	size_t n = strlen(path);
	return n > 5 && strcasecmp(path + n - 5, ".xlsx") == 0;
}
