/* workspace.c: kansa.ini, and making a new workspace (workspace.h). */
#include "workspace.h"

#include <errno.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "i18n.h"
#include "templates.h"
#include "workspace_dirs.h"
#include "text.h"

static const char *const kind_names[WS_KINDS] = {"answers", "evidence", "audit",
						 "plans"};

/* Where a new workspace keeps each kind (and the demo's kansa.ini says
 * the same under examples/). */
static const char *const kind_defaults[WS_KINDS] = {
	"{year}/answers/*.{ini,xlsx}", "{year}/evidence/*.ini",
	"{year}/audit.ini", "{year}/plans-*.ini"};

const char *workspace_kind_name(enum ws_kind k)
{
	return kind_names[k];
}

void workspace_release(struct workspace *ws)
{
	free(ws->organisation);
	free(ws->policy);
	free(ws->checklist);
	free(ws->database);
	free(ws->templates);
	free(ws->output);
	for (int k = 0; k < WS_KINDS; k++)
		free(ws->files[k]);
	memset(ws, 0, sizeof(*ws));
}

/* The value of section:key, else def (NULL: required); "" is refused. */
static char *value(const struct ini_file *f, const char *section,
		   const char *key, const char *def, struct diags *d, bool *oom)
{
	const struct ini_section *s = ini_section(f, section);
	const char *v = s ? ini_get(f, s, key) : NULL;
	char *out;

	if (v && !*v && strcmp(key, "organisation") != 0) {
		diags_add(d, DIAG_ERROR, f->path, ini_key_line(s, key),
			  "[%s] %s is empty (expected a path)", section, key);
		v = NULL;
	} else if (!v && !def) {
		diags_add(d, DIAG_ERROR, f->path, s ? s->line : 1,
			  "[%s] %s is missing (expected the path of %s)",
			  section, key,
			  strcmp(key, "policy") == 0 ? "the policy text"
						     : "a file");
	}
	out = strdup(v ? v : def ? def : "");
	if (!out)
		*oom = true;
	return out;
}

enum kansa_err workspace_from_ini(const struct ini_file *f,
				  struct workspace *ws, struct diags *d)
{
	static const char *const ws_keys[] = {"organisation", "policy",
					      "checklist",    "database",
					      "templates",    "output"};
	size_t errors = d->errors;
	bool oom = false;
	const struct ini_section *s;
	char *def = NULL;

	memset(ws, 0, sizeof(*ws));
	if (!ini_section(f, "workspace"))
		diags_add(d, DIAG_ERROR, f->path, 1,
			  "no [workspace] section (expected policy = and the "
			  "other paths; kansa init writes one)");
	if ((s = ini_section(f, "workspace")))
		ini_warn_unknown_keys(f, s, ws_keys, 6, d);
	if ((s = ini_section(f, "files")))
		ini_warn_unknown_keys(f, s, kind_names, WS_KINDS, d);
	ws->organisation = value(f, "workspace", "organisation", "", d, &oom);
	ws->policy = value(f, "workspace", "policy", NULL, d, &oom);
	/* the checklist defaults to the policy file's name with .ini */
	if (ws->policy && *ws->policy) {
		const char *dot = strrchr(ws->policy, '.');
		size_t stem = dot && !strchr(dot, '/')
				      ? (size_t)(dot - ws->policy)
				      : strlen(ws->policy);
		struct sbuf b = {0};
		sbuf_printf(&b, "%.*s.ini", (int)stem, ws->policy);
		oom |= b.oom;
		def = b.s;
	}
	ws->checklist = value(f, "workspace", "checklist",
			      def ? def : "checklist.ini", d, &oom);
	free(def);
	ws->database = value(f, "workspace", "database", "kansa.db", d, &oom);
	ws->templates =
		value(f, "workspace", "templates", "templates", d, &oom);
	ws->output = value(f, "workspace", "output", "output/{year}", d, &oom);
	for (int k = 0; k < WS_KINDS; k++)
		ws->files[k] = value(f, "files", kind_names[k],
				     kind_defaults[k], d, &oom);
	if (oom)
		return KANSA_ERR_NOMEM;
	return d->errors > errors ? KANSA_ERR_INPUT : KANSA_OK;
}

enum kansa_err workspace_read(const char *path, struct workspace *ws,
			      struct diags *d)
{
	static const char *const kinds[] = {"workspace", NULL};
	struct ini_file *f = NULL;
	enum kansa_err err = ini_load(path, kinds, d, &f);

	memset(ws, 0, sizeof(*ws));
	if (err)
		return err;
	err = workspace_from_ini(f, ws, d);
	ini_free(f);
	return err;
}

char *workspace_find(void)
{
	char *dir = getcwd(NULL, 0);
	struct sbuf b = {0};

	while (dir) {
		char *slash;
		sbuf_printf(&b, "%s/kansa.ini", strcmp(dir, "/") ? dir : "");
		if (b.oom) {
			sbuf_release(&b);
			break;
		}
		if (access(b.s, F_OK) == 0) {
			sbuf_release(&b);
			return dir;
		}
		sbuf_release(&b);
		slash = strrchr(dir, '/');
		if (!slash || strcmp(dir, "/") == 0)
			break;
		slash[slash == dir] = '\0';
	}
	free(dir);
	return NULL;
}

/* The workspace this process works in (git's the_repository), set once by
 * workspace_open_current(); its folders are in workspace_dirs.c. */
static struct workspace current;

/* named made absolute: the folder of kansa.ini (named may be the folder or
 * the file itself).  NULL when it is neither; caller frees. */
static char *named_dir(const char *named)
{
	char *abs = realpath(named, NULL), *slash;
	struct stat st;

	if (!abs || stat(abs, &st) != 0) {
		free(abs);
		return NULL;
	}
	if (S_ISDIR(st.st_mode))
		return abs;
	if ((slash = strrchr(abs, '/')))
		slash[slash == abs] = '\0';
	return abs;
}

/* The kansa.ini of dir, or named itself when it names a file. */
static char *ini_of(const char *named, const char *dir)
{
	struct stat st;
	if (named && stat(named, &st) == 0 && S_ISREG(st.st_mode))
		return realpath(named, NULL);
	return workspace_path(dir, "kansa.ini");
}

enum kansa_err workspace_open_current(const char *named, struct diags *d)
{
	char *dir, *ini = NULL, *tdir = NULL;
	enum kansa_err err = KANSA_ERR_NOMEM;

	workspace_close_current();
	if (!(dir = named ? named_dir(named) : workspace_find())) {
		if (!named)
			return KANSA_OK;
		diags_add(d, DIAG_ERROR, named, 0,
			  _("not a workspace: no such folder"));
		return KANSA_ERR_INPUT;
	}
	if (!(ini = ini_of(named, dir)))
		goto out;
	if (access(ini, F_OK) != 0) {
		diags_add(d, DIAG_ERROR, named ? named : dir, 0,
			  _("not a workspace: it has no kansa.ini "
			    "(kansa init makes one)"));
		err = KANSA_ERR_INPUT;
		goto out;
	}
	if ((err = workspace_read(ini, &current, d)))
		goto out;
	err = KANSA_ERR_NOMEM;
	if (!(tdir = workspace_path(dir, current.templates)) ||
	    !workspace_dirs_set(dir, ini, tdir))
		goto out;
	err = KANSA_OK;
out:
	if (err)
		workspace_release(&current);
	free(dir);
	free(ini);
	free(tdir);
	return err;
}

void workspace_close_current(void)
{
	workspace_dirs_set(NULL, NULL, NULL);
	workspace_release(&current);
	memset(&current, 0, sizeof(current));
}

const struct workspace *workspace_current(void)
{
	return workspace_current_dir() ? &current : NULL;
}

char *workspace_current_path(const char *path)
{
	const char *dir = workspace_current_dir();
	return dir ? workspace_path(dir, path) : NULL;
}

char *workspace_path(const char *dir, const char *path)
{
	struct sbuf b = {0};
	if (path[0] == '/' || !dir)
		return strdup(path);
	sbuf_printf(&b, "%s/%s", dir, path);
	if (b.oom) {
		sbuf_release(&b);
		return NULL;
	}
	return b.s;
}

char *workspace_dir_of(const struct workspace *ws, enum ws_kind k, int year)
{
	char *p = workspace_expand(ws->files[k], year), *slash;
	if (p && (slash = strrchr(p, '/'))) {
		*slash = '\0';
		if (!strpbrk(p, "*?[{") && *p)
			return p;
	}
	free(p);
	return NULL;
}

char *workspace_expand(const char *pattern, int year)
{
	struct sbuf b = {0};
	for (const char *p = pattern; *p; p++) {
		if (strncmp(p, "{year}", 6) == 0) {
			sbuf_printf(&b, "%d", year);
			p += 5;
		} else {
			sbuf_add(&b, p, 1);
		}
	}
	if (b.oom || !b.s) {
		sbuf_release(&b);
		return b.oom ? NULL : strdup("");
	}
	return b.s;
}

/* Whether path is the "~$name.xlsx" Excel keeps beside a workbook open
 * in it (not a workbook: never an input). */
static bool office_owner_file(const char *path)
{
	const char *slash = strrchr(path, '/');
	return strncmp(slash ? slash + 1 : path, "~$", 2) == 0;
}

/* Appends the files pattern matches (sorted) to *files. */
static enum kansa_err glob_into(const char *pattern, const char *kind,
				char ***files, size_t *n, struct diags *d)
{
	glob_t g;
	char **v;
	int rc = glob(pattern, GLOB_BRACE, NULL, &g);

	if (rc == GLOB_NOMATCH)
		return KANSA_OK;
	if (rc != 0) {
		diags_add(d, DIAG_ERROR, pattern, 0,
			  _("cannot list the %s files: %s"), kind,
			  rc == GLOB_NOSPACE ? _("out of memory")
					     : _("a folder cannot be read"));
		return KANSA_ERR_IO;
	}
	if (!(v = realloc(*files, (*n + g.gl_pathc + 1) * sizeof(*v)))) {
		globfree(&g);
		return KANSA_ERR_NOMEM;
	}
	*files = v;
	for (size_t i = 0; i < g.gl_pathc; i++) {
		if (office_owner_file(g.gl_pathv[i]))
			continue;
		if (!(v[*n] = strdup(g.gl_pathv[i]))) {
			globfree(&g);
			return KANSA_ERR_NOMEM;
		}
		v[++*n] = NULL;
	}
	globfree(&g);
	return KANSA_OK;
}

void workspace_files_free(char **files, size_t n)
{
	for (size_t i = 0; files && i < n; i++)
		free(files[i]);
	free(files);
}

enum kansa_err workspace_files(const struct workspace *ws, enum ws_kind k,
			       int year, char ***files, size_t *n,
			       struct diags *d)
{
	char *pattern = workspace_expand(ws->files[k], year);
	enum kansa_err err;

	*files = NULL;
	*n = 0;
	if (!pattern)
		return KANSA_ERR_NOMEM;
	err = glob_into(pattern, kind_names[k], files, n, d);
	free(pattern);
	if (!err && !*files && !(*files = calloc(1, sizeof(**files))))
		err = KANSA_ERR_NOMEM;
	if (err) {
		workspace_files_free(*files, *n);
		*files = NULL;
		*n = 0;
	}
	return err;
}

enum kansa_err workspace_current_files(int year, char ***files, size_t *n,
				       struct diags *d)
{
	enum kansa_err err = KANSA_OK;

	*files = NULL;
	*n = 0;
	for (int k = 0; k < WS_KINDS && !err; k++) {
		char *rel = workspace_expand(current.files[k], year);
		char *pattern = rel ? workspace_current_path(rel) : NULL;
		err = pattern ? glob_into(pattern, kind_names[k], files, n, d)
			      : KANSA_ERR_NOMEM;
		free(rel);
		free(pattern);
	}
	if (err) {
		workspace_files_free(*files, *n);
		*files = NULL;
		*n = 0;
	}
	return err;
}

/* Whether name is one of the n files. */
static bool listed(char *const *files, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(files[i], name) == 0)
			return true;
	return false;
}

char *workspace_books_left_out(const struct workspace *ws, const char *dir,
			       int year)
{
	char *rel = workspace_dir_of(ws, WS_ANSWERS, year);
	char *pat = workspace_expand(ws->files[WS_ANSWERS], year);
	char *folder = rel ? workspace_path(dir, rel) : NULL;
	char *full = pat ? workspace_path(dir, pat) : NULL;
	glob_t taken = {0}, books = {0};
	struct sbuf b = {0}, list = {0};
	bool ok;

	sbuf_printf(&b, "%s/*.xlsx", folder ? folder : "");
	ok = folder && full && !b.oom && glob(b.s, 0, NULL, &books) == 0;
	if (ok && glob(full, GLOB_BRACE, NULL, &taken) != 0)
		taken.gl_pathc = 0;
	for (size_t i = 0; ok && i < books.gl_pathc; i++) {
		const char *p = books.gl_pathv[i];
		if (!office_owner_file(p) &&
		    !listed(taken.gl_pathv, taken.gl_pathc, p))
			sbuf_printf(&list, "%s%s", list.len ? ", " : "",
				    strrchr(p, '/') + 1);
	}
	if (ok)
		globfree(&books);
	if (ok && taken.gl_pathv)
		globfree(&taken);
	sbuf_release(&b);
	free(rel);
	free(pat);
	free(folder);
	free(full);
	if (list.oom)
		sbuf_release(&list);
	return list.s;
}

/* kansa.ini of a new workspace: CRLF, since it is edited in Notepad. */
static const char init_ini[] =
	"; kansa.ini: kansa run のワークスペース設定 (kansa init が作成)\r\n"
	"; 相対パスはこのファイルのフォルダから。{year} は年度 (西暦、"
	"例 2025 = 令和7年度)。\r\n"
	"[kansa]\r\n"
	"kind = workspace\r\n"
	"\r\n"
	"[workspace]\r\n"
	"; 団体名 (報告書の表紙。templates/report.ini の organisation "
	"より優先)\r\n"
	"%s"
	"; 情報セキュリティ対策基準の本文 (UTF-8 または Shift_JIS)\r\n"
	"policy = checklists/policy.txt\r\n"
	"; 本文から導出したチェックリスト (レビューして保存)\r\n"
	"checklist = checklists/policy.ini\r\n"
	"database = kansa.db\r\n"
	"; 報告書の設定 (report.ini) と回答票のひな形\r\n"
	"templates = templates\r\n"
	"output = output/{year}\r\n"
	"\r\n"
	"[files]\r\n"
	"; 各年度の入力ファイル (ワイルドカード可)\r\n"
	"; 回答票は INI (*.ini) と Excel (*.xlsx) のどちらも\r\n"
	"answers = {year}/answers/*.{ini,xlsx}\r\n"
	"evidence = {year}/evidence/*.ini\r\n"
	"audit = {year}/audit.ini\r\n"
	"plans = {year}/plans-*.ini\r\n";

/* The template of a new workspace's README.txt (not copied to templates/). */
#define README_TEMPLATE "workspace-README.txt"

/* Writes README.txt: its template with {organisation}, {year}, {next}
 * (the year after) and {era}, {next_era} (the same in 和暦) filled in, with
 * CRLF line ends for Notepad. */
static enum kansa_err write_readme(const char *organisation, int year,
				   struct diags *d)
{
	char *t = NULL;
	size_t len;
	struct sbuf b = {0};
	enum kansa_err err =
		templates_load(README_TEMPLATE, NULL, &t, &len, NULL, d);

	if (err)
		return err;
	for (const char *p = t; *p; p++) {
		if (strncmp(p, "{organisation}", 14) == 0) {
			sbuf_adds(&b, *organisation ? organisation : "kansa");
			p += 13;
		} else if (strncmp(p, "{year}", 6) == 0) {
			sbuf_printf(&b, "%d", year);
			p += 5;
		} else if (strncmp(p, "{era}", 5) == 0 ||
			   strncmp(p, "{next_era}", 10) == 0) {
			char era[64];
			bool next = p[1] == 'n';
			text_wareki_fiscal_year(year + next, era, sizeof(era));
			sbuf_adds(&b, era);
			p += next ? 9 : 4;
		} else if (strncmp(p, "{next}", 6) == 0) {
			sbuf_printf(&b, "%d", year + 1);
			p += 5;
		} else if (*p == '\n') {
			sbuf_adds(&b, "\r\n");
		} else if (*p != '\r') {
			sbuf_add(&b, p, 1);
		}
	}
	free(t);
	if (b.oom) {
		sbuf_release(&b);
		return KANSA_ERR_NOMEM;
	}
	err = fileio_write_atomic("README.txt", b.s, b.len, d);
	sbuf_release(&b);
	return err;
}

/* report.ini with the organisation's own values: its name, the
 * addressee (its chair, a name may be added), a document number and no
 * basis or order clause until the user names them. */
static void own_report_ini(struct sbuf *b, const char *data,
			   const char *organisation)
{
	for (const char *p = data; *p;) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p + 1) : strlen(p);
		if (strncmp(p, "organisation =", 14) == 0) {
			ini_format_value(b, "organisation", organisation);
		} else if (strncmp(p, "addressee =", 11) == 0) {
			struct sbuf a = {0};
			sbuf_printf(&a, "%s議長　様", organisation);
			ini_format_value(b, "addressee", a.s ? a.s : "");
			sbuf_release(&a);
		} else if (strncmp(p, "document_number =", 17) == 0) {
			sbuf_adds(b, "document_number = 第　　号\n");
		} else if (strncmp(p, "basis_clause =", 14) == 0) {
			sbuf_adds(b, "basis_clause =\n");
		} else if (strncmp(p, "order_clause =", 14) == 0) {
			sbuf_adds(b, "order_clause =\n");
		} else {
			sbuf_add(b, p, n);
		}
		p += n;
	}
}

/* Writes templates/: each file kansa has compiled in, from the installed
 * share folder when it is there (a site's own settings), else the
 * compiled-in copy; the organisation put into report.ini. */
static enum kansa_err write_templates(const char *organisation, struct diags *d)
{
	for (const struct template_file *t = templates_builtin; t->name; t++) {
		char path[512], *data = NULL;
		size_t len;
		struct sbuf b = {0};
		enum kansa_err err;
		if (strcmp(t->name, README_TEMPLATE) == 0)
			continue;
		if ((err = templates_load(t->name, NULL, &data, &len, NULL, d)))
			return err;
		if (strcmp(t->name, "report.ini") == 0 && *organisation)
			own_report_ini(&b, data, organisation);
		else
			sbuf_add(&b, data, len);
		free(data);
		if (b.oom)
			return KANSA_ERR_NOMEM;
		snprintf(path, sizeof(path), "templates/%s", t->name);
		err = fileio_write_atomic(path, b.s, b.len, d);
		sbuf_release(&b);
		if (err)
			return err;
	}
	return KANSA_OK;
}

enum kansa_err workspace_init(const char *dir, const char *organisation,
			      int year, struct diags *d)
{
	char sub[64];
	const char *dirs[] = {"checklists", "templates", "output", sub, NULL};
	struct sbuf b = {0};
	enum kansa_err err;

	if (!fileio_make_dirs(dir) || chdir(dir) != 0) {
		diags_add(d, DIAG_ERROR, dir, 0, "cannot make the folder: %s",
			  strerror(errno));
		return KANSA_ERR_IO;
	}
	if (access("kansa.ini", F_OK) == 0) {
		diags_add(d, DIAG_ERROR, dir, 0,
			  "already a workspace (it has kansa.ini): nothing "
			  "changed");
		return KANSA_ERR_INPUT;
	}
	snprintf(sub, sizeof(sub), "%d/answers", year);
	for (int i = 0; dirs[i]; i++)
		if (!fileio_make_dirs(dirs[i])) {
			diags_add(d, DIAG_ERROR, dirs[i], 0,
				  "cannot make the folder: %s",
				  strerror(errno));
			return KANSA_ERR_IO;
		}
	snprintf(sub, sizeof(sub), "%d/evidence", year);
	if (!fileio_make_dirs(sub)) {
		diags_add(d, DIAG_ERROR, sub, 0, "cannot make the folder: %s",
			  strerror(errno));
		return KANSA_ERR_IO;
	}
	if ((err = write_templates(organisation, d)))
		return err;
	if ((err = write_readme(organisation, year, d)))
		return err;
	/* kansa.ini last: a workspace is whole once it has one */
	{
		struct sbuf org = {0}, crlf = {0};
		ini_format_value(&org, "organisation", organisation);
		for (size_t i = 0; org.s && i < org.len; i++)
			sbuf_adds(&crlf, org.s[i] == '\n'
						 ? "\r\n"
						 : (char[]){org.s[i], 0});
		sbuf_printf(&b, init_ini,
			    crlf.s ? crlf.s : "organisation = \r\n");
		sbuf_release(&org);
		sbuf_release(&crlf);
	}
	if (b.oom)
		return KANSA_ERR_NOMEM;
	err = fileio_write_atomic("kansa.ini", b.s, b.len, d);
	sbuf_release(&b);
	return err;
}
