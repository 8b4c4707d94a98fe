/* xlsx.c: reading an .xlsx workbook's cells with libzip and expat. */
#include "xlsx.h"

#include <expat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "fileio.h"
#include "i18n.h"
#include "text.h"

/* What part an expat parser is reading. */
enum part_kind { P_WORKBOOK, P_RELS, P_STRINGS, P_SHEET };

/* A relationship of the workbook (rId -> part). */
struct rel {
	char *id;     /* rId1 */
	char *target; /* the zip entry */
	bool strings; /* the shared strings part */
};

/* The state of one part's parse. */
struct px {
	XML_Parser p;	       /* the parser */
	enum part_kind kind;   /* what is read */
	struct xlsx_book *b;   /* the book */
	struct xlsx_sheet *s;  /* the sheet, for P_SHEET */
	struct rel *rels;      /* for P_RELS */
	size_t nrels;	       /* how many */
	char **sheet_rids;     /* for P_WORKBOOK: each sheet's rId */
	int depth;	       /* element depth */
	char *error;	       /* the first problem found, or NULL */
	bool nomem;	       /* an allocation failed */
	struct sbuf text;      /* collected character data */
	bool collect;	       /* inside <t> or <v> whose text counts */
	int phonetic;	       /* inside <rPh> (furigana: not the text) */
	bool in_cell;	       /* inside <c> */
	bool in_value;	       /* <c> had a <v> or <is> */
	struct xlsx_cell cell; /* the cell being read */
	char ctype[16];	       /* its t attribute */
	uint32_t row;	       /* current row (0-based) */
	uint32_t next_col;     /* column after the last cell */
	size_t cap;	       /* allocated cells/strings */
};

static void fail(struct px *x, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Records the problem and returns from the calling handler. */
#define FAIL(...)                                                              \
	do {                                                                   \
		fail(__VA_ARGS__);                                             \
		return;                                                        \
	} while (0)

static void fail(struct px *x, const char *fmt, ...)
{
	va_list ap;
	struct sbuf b = {0};
	char msg[512];
	if (x->error)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), _(fmt), ap); /* tools/pot.sh extracts */
	va_end(ap);
	sbuf_adds(&b, msg);
	x->error = sbuf_take(&b);
	if (!x->error)
		x->nomem = true;
	XML_StopParser(x->p, XML_FALSE);
}

/* The name after any namespace prefix. */
static const char *local(const char *name)
{
	const char *c = strrchr(name, ':');
	return c ? c + 1 : name;
}

static const char *attr(const char **a, const char *name)
{
	for (; a && a[0]; a += 2)
		if (strcmp(local(a[0]), name) == 0)
			return a[1];
	return NULL;
}

/* Parses "AB12" into 0-based row and column; false when it is not one. */
static bool parse_ref(const char *r, uint32_t *row, uint32_t *col)
{
	uint64_t c = 0, n = 0;
	const char *p = r;
	for (; *p >= 'A' && *p <= 'Z' && c <= 16384; p++)
		c = c * 26 + (uint64_t)(*p - 'A' + 1);
	if (p == r || c == 0 || c > 16384 || *p < '1' || *p > '9')
		return false;
	for (; *p >= '0' && *p <= '9' && n <= 1048576; p++)
		n = n * 10 + (uint64_t)(*p - '0');
	if (*p || n == 0 || n > 1048576)
		return false;
	*row = (uint32_t)(n - 1);
	*col = (uint32_t)(c - 1);
	return true;
}

void xlsx_ref(uint32_t row, uint32_t col, char out[16])
{
	char letters[8];
	int n = 0;
	uint32_t c = col + 1;
	while (c > 0 && n < 7) {
		letters[n++] = (char)('A' + (c - 1) % 26);
		c = (c - 1) / 26;
	}
	for (int i = 0; i < n / 2; i++) {
		char t = letters[i];
		letters[i] = letters[n - 1 - i];
		letters[n - 1 - i] = t;
	}
	letters[n] = '\0';
	snprintf(out, 16, "%s%u", letters, (unsigned)row + 1);
}

/* --- the parts ------------------------------------------------------- */

static void start_workbook(struct px *x, const char *el, const char **a)
{
	struct xlsx_book *b = x->b;
	const char *name = attr(a, "name"), *rid = attr(a, "id");
	const char *state = attr(a, "state");
	struct xlsx_sheet *s;
	if (strcmp(el, "sheet") != 0)
		return;
	if (!name || !rid)
		FAIL(x, "a sheet without a name or relationship");
	if (b->nsheets >= XLSX_MAX_SHEETS)
		FAIL(x, "more than %d sheets", XLSX_MAX_SHEETS);
	if (!(s = text_grow(b->sheets, b->nsheets, sizeof(*s))) ||
	    !(b->sheets = s,
	      x->sheet_rids =
		      text_grow(x->sheet_rids, b->nsheets, sizeof(char *)))) {
		x->nomem = true;
		FAIL(x, "out of memory");
	}
	s = &b->sheets[b->nsheets];
	memset(s, 0, sizeof(*s));
	s->name = strdup(name);
	x->sheet_rids[b->nsheets] = strdup(rid);
	b->nsheets++;
	s->hidden = state && strcmp(state, "visible") != 0;
	if (!s->name || !x->sheet_rids[b->nsheets - 1])
		x->nomem = true;
}

/* The zip entry a workbook relationship's target names, or NULL. */
static char *resolve_target(const char *t)
{
	struct sbuf b = {0};
	if (strstr(t, "..") || strchr(t, '\\') || strchr(t, ':'))
		return NULL;
	if (*t == '/')
		sbuf_adds(&b, t + 1);
	else
		sbuf_printf(&b, "xl/%s", t);
	return sbuf_take(&b);
}

static void start_rels(struct px *x, const char *el, const char **a)
{
	const char *id = attr(a, "Id"), *target = attr(a, "Target");
	const char *type = attr(a, "Type"), *mode = attr(a, "TargetMode");
	struct rel *r;
	size_t tl;
	if (strcmp(el, "Relationship") != 0 || !id || !target || !type ||
	    (mode && strcmp(mode, "External") == 0))
		return;
	if (x->nrels >= XLSX_MAX_SHEETS * 2)
		FAIL(x, "too many relationships");
	if (!(r = text_grow(x->rels, x->nrels, sizeof(*r)))) {
		x->nomem = true;
		FAIL(x, "out of memory");
	}
	x->rels = r;
	r = &x->rels[x->nrels++];
	r->id = strdup(id);
	r->target = resolve_target(target);
	tl = strlen(type);
	r->strings = tl >= 14 && strcmp(type + tl - 14, "/sharedStrings") == 0;
	if (!r->id)
		x->nomem = true;
}

static void start_strings(struct px *x, const char *el, const char **a)
{
	(void)a;
	if (strcmp(el, "si") == 0) {
		x->text.len = 0;
		if (x->text.s)
			x->text.s[0] = '\0';
		x->in_cell = true;
	} else if (strcmp(el, "rPh") == 0) {
		x->phonetic++;
	} else if (strcmp(el, "t") == 0 && x->in_cell && !x->phonetic) {
		x->collect = true;
	}
}

static void end_strings(struct px *x, const char *el)
{
	struct xlsx_book *b = x->b;
	char **v;
	if (strcmp(el, "rPh") == 0 && x->phonetic > 0)
		x->phonetic--;
	else if (strcmp(el, "t") == 0)
		x->collect = false;
	else if (strcmp(el, "si") == 0) {
		if (b->nstrings >= XLSX_MAX_STRINGS)
			FAIL(x, "more than %d shared strings",
			     XLSX_MAX_STRINGS);
		if (!(v = text_grow(b->strings, b->nstrings, sizeof(*v)))) {
			x->nomem = true;
			FAIL(x, "out of memory");
		}
		b->strings = v;
		v[b->nstrings] = strdup(x->text.s ? x->text.s : "");
		if (!v[b->nstrings++])
			x->nomem = true;
		x->in_cell = false;
	}
}

static void start_cell(struct px *x, const char **a)
{
	const char *r = attr(a, "r"), *t = attr(a, "t");
	x->in_cell = true;
	x->in_value = false;
	memset(&x->cell, 0, sizeof(x->cell));
	x->text.len = 0;
	if (x->text.s)
		x->text.s[0] = '\0';
	snprintf(x->ctype, sizeof(x->ctype), "%s", t ? t : "n");
	if (r) {
		if (!parse_ref(r, &x->cell.row, &x->cell.col))
			FAIL(x, "bad cell reference '%.20s'", r);
	} else {
		x->cell.row = x->row;
		x->cell.col = x->next_col;
		if (x->cell.col >= 16384)
			FAIL(x, "more than 16384 columns");
	}
	x->next_col = x->cell.col + 1;
}

static void start_sheet(struct px *x, const char *el, const char **a)
{
	if (strcmp(el, "row") == 0) {
		const char *r = attr(a, "r");
		uint32_t row, col;
		char ref[24];
		if (r) {
			snprintf(ref, sizeof(ref), "A%.12s", r);
			if (!parse_ref(ref, &row, &col))
				FAIL(x, "bad row number '%.20s'", r);
			x->row = row;
		} else if (x->next_col || x->row) {
			x->row++;
		}
		x->next_col = 0;
	} else if (strcmp(el, "c") == 0) {
		start_cell(x, a);
	} else if (!x->in_cell) {
		return;
	} else if (strcmp(el, "f") == 0) {
		x->cell.formula = true;
	} else if (strcmp(el, "v") == 0) {
		x->collect = true;
		x->in_value = true;
	} else if (strcmp(el, "is") == 0) {
		x->in_value = true;
	} else if (strcmp(el, "rPh") == 0) {
		x->phonetic++;
	} else if (strcmp(el, "t") == 0 && !x->phonetic) {
		x->collect = true;
	}
}

/* Ends a <c>: keeps it when it has a value. */
static void end_cell(struct px *x)
{
	struct xlsx_sheet *s = x->s;
	struct xlsx_cell *c;
	const char *v = x->text.s ? x->text.s : "";
	x->in_cell = false;
	if (!x->in_value)
		return;
	if (s->n >= XLSX_MAX_CELLS)
		FAIL(x, "more than %d cells on one sheet", XLSX_MAX_CELLS);
	if (strcmp(x->ctype, "s") == 0) {
		char *end;
		unsigned long i = strtoul(v, &end, 10);
		if (end == v || *end || i >= x->b->nstrings)
			FAIL(x, "shared string '%.20s' does not exist", v);
		v = x->b->strings[i];
		x->cell.type = XLSX_STRING;
	} else if (!strcmp(x->ctype, "str") || !strcmp(x->ctype, "inlineStr")) {
		x->cell.type = XLSX_STRING;
	} else if (!strcmp(x->ctype, "b")) {
		x->cell.type = XLSX_BOOL;
	} else if (!strcmp(x->ctype, "e")) {
		x->cell.type = XLSX_ERROR;
	} else if (!strcmp(x->ctype, "d")) {
		x->cell.type = XLSX_STRING; /* an ISO 8601 date */
	} else {
		x->cell.type = XLSX_NUMBER;
	}
	if (!(c = text_grow(s->cells, s->n, sizeof(*c)))) {
		x->nomem = true;
		FAIL(x, "out of memory");
	}
	s->cells = c;
	c = &s->cells[s->n];
	*c = x->cell;
	if (!(c->text = strdup(v))) {
		x->nomem = true;
		FAIL(x, "out of memory");
	}
	s->n++;
}

static void end_sheet(struct px *x, const char *el)
{
	if (strcmp(el, "c") == 0 && x->in_cell)
		end_cell(x);
	else if (strcmp(el, "rPh") == 0 && x->phonetic > 0)
		x->phonetic--;
	else if (strcmp(el, "t") == 0 || strcmp(el, "v") == 0)
		x->collect = false;
}

/* --- expat callbacks ------------------------------------------------- */

static void XMLCALL on_start(void *ud, const char *name, const char **a)
{
	struct px *x = ud;
	const char *el = local(name);
	if (x->error)
		return;
	if (++x->depth > XLSX_MAX_DEPTH)
		FAIL(x, "elements nested deeper than %d", XLSX_MAX_DEPTH);
	switch (x->kind) {
	case P_WORKBOOK:
		start_workbook(x, el, a);
		break;
	case P_RELS:
		start_rels(x, el, a);
		break;
	case P_STRINGS:
		start_strings(x, el, a);
		break;
	case P_SHEET:
		start_sheet(x, el, a);
		break;
	}
}

static void XMLCALL on_end(void *ud, const char *name)
{
	struct px *x = ud;
	const char *el = local(name);
	x->depth--;
	if (x->error)
		return;
	if (x->kind == P_STRINGS)
		end_strings(x, el);
	else if (x->kind == P_SHEET)
		end_sheet(x, el);
}

static void XMLCALL on_text(void *ud, const char *s, int len)
{
	struct px *x = ud;
	if (!x->collect || x->error)
		return;
	if (x->text.len + (size_t)len > XLSX_MAX_TEXT)
		FAIL(x, "a text longer than %d bytes", XLSX_MAX_TEXT);
	sbuf_add(&x->text, s, (size_t)len);
	if (x->text.oom) {
		x->nomem = true;
		fail(x, "out of memory");
	}
}

/* No workbook part has a document type: one is refused before any of
 * its entities could be declared or expanded. */
static void XMLCALL on_doctype(void *ud, const char *name, const char *sys,
			       const char *pub, int internal)
{
	(void)name, (void)sys, (void)pub, (void)internal;
	fail(ud, "a document type declaration (DTD), which no workbook has");
}

static void XMLCALL on_entity(void *ud, const char *name, int pe, const char *v,
			      int vlen, const char *base, const char *sys,
			      const char *pub, const char *notation)
{
	(void)name, (void)pe, (void)v, (void)vlen, (void)base, (void)sys;
	(void)pub, (void)notation;
	fail(ud, "an entity declaration, which no workbook has");
}

/* Reads the zip entry named part through an expat parser of kind.
 * Returns KANSA_ERR_NOTFOUND (no diagnostic) when there is none. */
static enum kansa_err parse_part(struct xlsx_book *b, const char *part,
				 struct px *x, struct diags *d)
{
	zip_int64_t idx = zip_name_locate(b->zip, part, ZIP_FL_NOCASE);
	zip_file_t *zf = NULL;
	static char buf[65536];
	size_t read = 0;
	zip_int64_t n;
	enum kansa_err err = KANSA_OK;

	if (idx < 0)
		return KANSA_ERR_NOTFOUND;
	if (!(x->p = XML_ParserCreate("UTF-8")))
		return KANSA_ERR_NOMEM;
	XML_SetUserData(x->p, x);
	XML_SetElementHandler(x->p, on_start, on_end);
	XML_SetCharacterDataHandler(x->p, on_text);
	XML_SetStartDoctypeDeclHandler(x->p, on_doctype);
	XML_SetEntityDeclHandler(x->p, on_entity);
	if (!(zf = zip_fopen_index(b->zip, (zip_uint64_t)idx, 0))) {
		diags_add(d, DIAG_ERROR, b->path, 0,
			  "cannot read '%s' in the workbook: %s", part,
			  zip_strerror(b->zip));
		err = KANSA_ERR_INPUT;
		goto out;
	}
	while ((n = zip_fread(zf, buf, sizeof(buf))) > 0) {
		read += (size_t)n;
		b->inflated += (size_t)n;
		if (read > XLSX_MAX_PART || b->inflated > XLSX_MAX_TOTAL) {
			diags_add(d, DIAG_ERROR, b->path, 0,
				  "'%s' inflates to more than %u MB (a zip "
				  "bomb?): refused",
				  part,
				  (read > XLSX_MAX_PART ? XLSX_MAX_PART
							: XLSX_MAX_TOTAL) >>
					  20);
			err = KANSA_ERR_INPUT;
			goto out;
		}
		if (XML_Parse(x->p, buf, (int)n, 0) == XML_STATUS_ERROR)
			break;
	}
	if (n < 0) {
		diags_add(d, DIAG_ERROR, b->path, 0,
			  "'%s' in the workbook is damaged: %s", part,
			  zip_file_strerror(zf));
		err = KANSA_ERR_INPUT;
		goto out;
	}
	if (!x->error && XML_Parse(x->p, "", 0, 1) == XML_STATUS_ERROR &&
	    !x->error)
		fail(x, "%s", XML_ErrorString(XML_GetErrorCode(x->p)));
	if (x->error && !x->nomem) {
		diags_add(d, DIAG_ERROR, b->path, 0,
			  "'%s' in the workbook, line %lu: %s", part,
			  (unsigned long)XML_GetCurrentLineNumber(x->p),
			  x->error);
		err = KANSA_ERR_INPUT;
	} else if (x->nomem) {
		err = KANSA_ERR_NOMEM;
	}
out:
	if (zf)
		zip_fclose(zf);
	XML_ParserFree(x->p);
	x->p = NULL;
	free(x->error);
	x->error = NULL;
	sbuf_release(&x->text);
	return err;
}

/* --- opening --------------------------------------------------------- */

/* Refuses encrypted entries, odd names and too many entries. */
static enum kansa_err check_entries(struct xlsx_book *b, struct diags *d)
{
	zip_int64_t n = zip_get_num_entries(b->zip, 0);
	if (n < 0 || n > XLSX_MAX_ENTRIES) {
		diags_add(d, DIAG_ERROR, b->path, 0,
			  "the workbook has %lld zip entries (at most %d)",
			  (long long)n, XLSX_MAX_ENTRIES);
		return KANSA_ERR_INPUT;
	}
	for (zip_int64_t i = 0; i < n; i++) {
		zip_stat_t st;
		const char *name;
		if (zip_stat_index(b->zip, (zip_uint64_t)i, 0, &st) != 0 ||
		    !(st.valid & ZIP_STAT_NAME)) {
			diags_add(d, DIAG_ERROR, b->path, 0,
				  "zip entry %lld of the workbook is damaged",
				  (long long)i);
			return KANSA_ERR_INPUT;
		}
		name = st.name;
		if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
		    st.encryption_method != ZIP_EM_NONE) {
			diags_add(d, DIAG_ERROR, b->path, 0,
				  "the workbook is encrypted ('%s'): save it "
				  "without a password",
				  name);
			return KANSA_ERR_INPUT;
		}
		if (!*name || *name == '/' || strchr(name, '\\') ||
		    strstr(name, "..") || strchr(name, ':') ||
		    !text_is_utf8(name, strlen(name))) {
			diags_add(d, DIAG_ERROR, b->path, 0,
				  "the workbook has a zip entry with a bad "
				  "name: refused");
			return KANSA_ERR_INPUT;
		}
	}
	return KANSA_OK;
}

/* Reads the workbook part, its relationships and the shared strings. */
static enum kansa_err read_structure(struct xlsx_book *b, struct diags *d)
{
	struct px wb = {.kind = P_WORKBOOK, .b = b};
	struct px rels = {.kind = P_RELS, .b = b};
	struct px sst = {.kind = P_STRINGS, .b = b};
	enum kansa_err err;
	const char *strings = NULL;

	if ((err = parse_part(b, "xl/workbook.xml", &wb, d)) ||
	    (err = parse_part(b, "xl/_rels/workbook.xml.rels", &rels, d))) {
		if (err == KANSA_ERR_NOTFOUND) {
			diags_add(d, DIAG_ERROR, b->path, 0,
				  "not an Excel workbook (no "
				  "xl/workbook.xml): save it as .xlsx");
			err = KANSA_ERR_INPUT;
		}
		goto out;
	}
	for (size_t i = 0; i < b->nsheets; i++) {
		for (size_t k = 0; k < rels.nrels; k++)
			if (strcmp(rels.rels[k].id, wb.sheet_rids[i]) == 0 &&
			    rels.rels[k].target &&
			    !(b->sheets[i].part = strdup(rels.rels[k].target)))
				err = KANSA_ERR_NOMEM;
	}
	for (size_t k = 0; k < rels.nrels; k++)
		if (rels.rels[k].strings && rels.rels[k].target)
			strings = rels.rels[k].target;
	if (!err && strings) {
		err = parse_part(b, strings, &sst, d);
		if (err == KANSA_ERR_NOTFOUND)
			err = KANSA_OK;
	}
out:
	for (size_t i = 0; i < b->nsheets && wb.sheet_rids; i++)
		free(wb.sheet_rids[i]);
	free(wb.sheet_rids);
	for (size_t k = 0; k < rels.nrels; k++) {
		free(rels.rels[k].id);
		free(rels.rels[k].target);
	}
	free(rels.rels);
	return err;
}

enum kansa_err xlsx_open_buffer(const char *name, const void *data, size_t len,
				struct diags *d, struct xlsx_book **out)
{
	struct xlsx_book *b = calloc(1, sizeof(*b));
	zip_source_t *src = NULL;
	zip_error_t ze;
	enum kansa_err err = KANSA_ERR_NOMEM;

	*out = NULL;
	if (!b || !(b->path = strdup(name)) || !(b->data = malloc(len + 1)))
		goto out;
	memcpy(b->data, data, len);
	b->size = (long long)len;
	text_sha256_hex(data, len, b->sha256);
	zip_error_init(&ze);
	if (!(src = zip_source_buffer_create(b->data, len, 0, &ze)))
		goto out;
	if (!(b->zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS,
					    &ze))) {
		diags_add(d, DIAG_ERROR, name, 0,
			  "not an Excel workbook (.xlsx): %s",
			  zip_error_strerror(&ze));
		zip_source_free(src);
		zip_error_fini(&ze);
		err = KANSA_ERR_INPUT;
		goto out;
	}
	zip_error_fini(&ze);
	if ((err = check_entries(b, d)) || (err = read_structure(b, d)))
		goto out;
	if (b->nsheets == 0) {
		diags_add(d, DIAG_ERROR, name, 0, "the workbook has no sheet");
		err = KANSA_ERR_INPUT;
	}
out:
	if (err) {
		xlsx_free(b);
		return err;
	}
	*out = b;
	return KANSA_OK;
}

enum kansa_err xlsx_open(const char *path, struct diags *d,
			 struct xlsx_book **out)
{
	char *data = NULL;
	size_t len = 0;
	enum kansa_err err = fileio_read(path, XLSX_MAX_FILE, &data, &len, d);
	*out = NULL;
	if (err)
		return err;
	err = xlsx_open_buffer(path, data, len, d, out);
	free(data);
	return err;
}

void xlsx_free(struct xlsx_book *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->nsheets; i++) {
		struct xlsx_sheet *s = &b->sheets[i];
		for (size_t k = 0; k < s->n; k++)
			free(s->cells[k].text);
		free(s->cells);
		free(s->name);
		free(s->part);
	}
	for (size_t i = 0; i < b->nstrings; i++)
		free(b->strings[i]);
	free(b->strings);
	free(b->sheets);
	if (b->zip)
		zip_discard(b->zip);
	free(b->data);
	free(b->path);
	free(b);
}

/* --- sheets ---------------------------------------------------------- */

struct xlsx_sheet *xlsx_sheet(struct xlsx_book *b, const char *name)
{
	for (size_t i = 0; i < b->nsheets; i++)
		if (strcmp(b->sheets[i].name, name) == 0)
			return &b->sheets[i];
	return NULL;
}

static int cmp_cell(const void *a, const void *b)
{
	const struct xlsx_cell *x = a, *y = b;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

enum kansa_err xlsx_load(struct xlsx_book *b, struct xlsx_sheet *s,
			 struct diags *d)
{
	struct px x = {.kind = P_SHEET, .b = b, .s = s};
	enum kansa_err err;
	if (s->loaded)
		return KANSA_OK;
	if (!s->part) {
		diags_add(d, DIAG_ERROR, b->path, 0,
			  "the sheet '%s' has no part in the workbook",
			  s->name);
		return KANSA_ERR_INPUT;
	}
	err = parse_part(b, s->part, &x, d);
	if (err == KANSA_ERR_NOTFOUND) {
		diags_add(d, DIAG_ERROR, b->path, 0,
			  "the sheet '%s' is missing from the workbook ('%s')",
			  s->name, s->part);
		err = KANSA_ERR_INPUT;
	}
	if (err)
		return err;
	if (s->n > 1)
		qsort(s->cells, s->n, sizeof(*s->cells), cmp_cell);
	for (size_t i = 1; i < s->n; i++)
		if (cmp_cell(&s->cells[i - 1], &s->cells[i]) == 0) {
			char ref[16];
			xlsx_ref(s->cells[i].row, s->cells[i].col, ref);
			diags_add(d, DIAG_ERROR, b->path, 0,
				  "the cell %s!%s appears twice", s->name, ref);
			return KANSA_ERR_INPUT;
		}
	s->loaded = true;
	return KANSA_OK;
}

const struct xlsx_cell *xlsx_cell(const struct xlsx_sheet *s, uint32_t row,
				  uint32_t col)
{
	struct xlsx_cell key = {.row = row, .col = col};
	if (!s->n)
		return NULL;
	return bsearch(&key, s->cells, s->n, sizeof(key), cmp_cell);
}

const char *xlsx_text(const struct xlsx_sheet *s, uint32_t row, uint32_t col)
{
	const struct xlsx_cell *c = xlsx_cell(s, row, col);
	return c ? c->text : "";
}
