/* test_workspace.c: kansa.ini (workspace.c): defaults, errors, {year}
 * patterns and the files they find. */
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "helpers.h"
#include "workspace.h"

static enum kansa_err parse(const char *s, struct workspace *ws,
			    struct diags *d)
{
	static const char *const kinds[] = {"workspace", NULL};
	struct ini_file *f = NULL;
	enum kansa_err err = ini_parse("kansa.ini", s, strlen(s), kinds, d, &f);
	memset(ws, 0, sizeof(*ws));
	if (!err)
		err = workspace_from_ini(f, ws, d);
	ini_free(f);
	return err;
}

static void test_defaults(void **state)
{
	struct workspace ws;
	struct diags d;
	(void)state;
	diags_init(&d);
	assert_int_equal(parse("[kansa]\nkind = workspace\n[workspace]\n"
			       "policy = checklists/基準.txt\n",
			       &ws, &d),
			 KANSA_OK);
	assert_string_equal(ws.checklist, "checklists/基準.ini");
	assert_string_equal(ws.database, "kansa.db");
	assert_string_equal(ws.templates, "templates");
	assert_string_equal(ws.output, "output/{year}");
	assert_string_equal(ws.organisation, "");
	assert_string_equal(ws.files[WS_ANSWERS],
			    "{year}/answers/*.{ini,xlsx}");
	assert_string_equal(ws.files[WS_AUDIT], "{year}/audit.ini");
	assert_int_equal(d.n, 0);
	workspace_release(&ws);
	diags_release(&d);
}

static void test_errors(void **state)
{
	struct workspace ws;
	struct diags d;
	(void)state;
	diags_init(&d);
	assert_int_equal(parse("[kansa]\nkind = workspace\n[workspace]\n"
			       "database = x.db\noutput =\nfoo = 1\n"
			       "[files]\nanswer = a/*.ini\n",
			       &ws, &d),
			 KANSA_ERR_INPUT);
	/* policy missing (at the section), output empty (its line), two
	 * unknown keys (warnings) */
	assert_int_equal(d.errors, 2);
	assert_int_equal(d.n, 4);
	assert_int_equal(d.v[0].line, 6);
	assert_non_null(strstr(d.v[0].msg, "unknown key 'foo'"));
	assert_int_equal(d.v[1].line, 8);
	assert_non_null(strstr(d.v[1].msg, "unknown key 'answer'"));
	assert_int_equal(d.v[2].line, 3);
	assert_non_null(strstr(d.v[2].msg, "policy is missing"));
	assert_int_equal(d.v[3].line, 5);
	assert_non_null(strstr(d.v[3].msg, "output is empty"));
	workspace_release(&ws);
	diags_release(&d);
}

static void test_expand(void **state)
{
	char *s;
	(void)state;
	s = workspace_expand("{year}/a/{year}-{x}.ini", 2025);
	assert_string_equal(s, "2025/a/2025-{x}.ini");
	free(s);
	s = workspace_expand("", 2025);
	assert_string_equal(s, "");
	free(s);
}

static void touch(const char *path)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fclose(f);
}

static void test_files(void **state)
{
	char dir[] = "/tmp/kansa-ws-XXXXXX", cwd[4096], **v;
	struct workspace ws = {0};
	struct diags d;
	size_t n;
	(void)state;
	diags_init(&d);
	assert_non_null(mkdtemp(dir));
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(dir), 0);
	assert_int_equal(mkdir("2025", 0777), 0);
	touch("2025/b.ini");
	touch("2025/a.ini");
	touch("2025/c.txt");
	touch("2025/plans-1.ini");
	ws.files[WS_ANSWERS] = strdup("{year}/[ab].ini");
	ws.files[WS_PLANS] = strdup("{year}/{plans-*,c}.{ini,txt}");
	ws.files[WS_AUDIT] = strdup("{year}/audit.ini");
	assert_int_equal(workspace_files(&ws, WS_ANSWERS, 2025, &v, &n, &d),
			 KANSA_OK);
	assert_int_equal(n, 2);
	assert_string_equal(v[0], "2025/a.ini"); /* sorted */
	assert_string_equal(v[1], "2025/b.ini");
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
	assert_int_equal(workspace_files(&ws, WS_PLANS, 2025, &v, &n, &d),
			 KANSA_OK);
	assert_int_equal(n, 2); /* braces: plans-1.ini and c.txt */
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
	assert_int_equal(workspace_files(&ws, WS_AUDIT, 2025, &v, &n, &d),
			 KANSA_OK);
	assert_int_equal(n, 0); /* none is not an error */
	free(v);
	assert_int_equal(workspace_files(&ws, WS_ANSWERS, 2024, &v, &n, &d),
			 KANSA_OK);
	assert_int_equal(n, 0);
	free(v);
	assert_int_equal(d.n, 0);
	assert_int_equal(chdir(cwd), 0);
	workspace_release(&ws);
	diags_release(&d);
}

/* REVIEW2 #3: a file inside the workspace is named relative to it however
 * it was given; an absolute name an older kansa recorded is the same file
 * as the relative name it ends with. */
static void test_names(void **state)
{
	char dir[] = "/tmp/kansa-ws-XXXXXX", cwd[4096], abs[4200], *s;
	(void)state;
	assert_non_null(mkdtemp(dir));
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(dir), 0);
	assert_int_equal(mkdir("2025", 0777), 0);
	touch("2025/r.ini");
	snprintf(abs, sizeof(abs), "%s/2025/r.ini", dir);
	assert_non_null(s = fileio_name_inside(dir, abs));
	assert_string_equal(s, "2025/r.ini");
	free(s);
	assert_int_equal(chdir("2025"), 0);
	assert_non_null(s = fileio_name_inside(dir, "r.ini"));
	assert_string_equal(s, "2025/r.ini");
	free(s);
	assert_non_null(s = fileio_name_inside(dir, "../2025/./r.ini"));
	assert_string_equal(s, "2025/r.ini");
	free(s);
	assert_non_null(s = fileio_name_inside("/nonexistent", "r.ini"));
	assert_string_equal(s, "r.ini"); /* outside: as given */
	free(s);
	assert_true(fileio_same_name("/old/ws/2025/r.ini", "2025/r.ini"));
	assert_true(fileio_same_name("2025/r.ini", "/old/ws/2025/r.ini"));
	assert_true(fileio_same_name("r.ini", abs)); /* resolved */
	assert_false(fileio_same_name("/old/ws/2025/r.ini", "2025/s.ini"));
	assert_false(fileio_same_name("/old/ws/x2025/r.ini", "2025/r.ini"));
	assert_false(fileio_same_name("/old/ws/2025/r.ini", "../2025/r.ini"));
	assert_int_equal(unlink("r.ini"), 0);
	assert_int_equal(chdir(".."), 0);
	assert_int_equal(rmdir("2025"), 0);
	assert_int_equal(chdir(cwd), 0);
	assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults), cmocka_unit_test(test_errors),
		cmocka_unit_test(test_expand),	 cmocka_unit_test(test_files),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests_name("workspace", tests, NULL, NULL);
}
