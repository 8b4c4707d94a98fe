/* test_workspace_find.c: finding the workspace around the current folder
 * (workspace_find) and the folder of a year's files (workspace_dir_of). */
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "workspace.h"

static void test_find(void **state)
{
	char tmpl[] = "/tmp/kansa-find-XXXXXX", cwd[PATH_MAX], real[PATH_MAX];
	char *dir = mkdtemp(tmpl), *found;
	FILE *f;
	(void)state;
	assert_non_null(dir);
	assert_non_null(realpath(dir, real));
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(dir), 0);
	assert_int_equal(mkdir("ws", 0777), 0);
	assert_int_equal(mkdir("ws/2025", 0777), 0);
	assert_int_equal(mkdir("ws/2025/answers", 0777), 0);
	/* no kansa.ini in this folder or above (below /tmp) */
	assert_int_equal(chdir("ws/2025/answers"), 0);
	found = workspace_find();
	assert_true(!found || strncmp(found, real, strlen(real)) != 0);
	free(found);
	assert_non_null(f = fopen("../../kansa.ini", "w"));
	fclose(f);
	/* the nearest folder above that has one, absolute */
	assert_non_null(found = workspace_find());
	assert_true(strncmp(found, real, strlen(real)) == 0);
	assert_string_equal(found + strlen(real), "/ws");
	free(found);
	/* the current folder itself */
	assert_int_equal(chdir("../.."), 0);
	assert_non_null(found = workspace_find());
	assert_string_equal(found + strlen(real), "/ws");
	free(found);
	assert_int_equal(unlink("kansa.ini"), 0);
	assert_int_equal(chdir(cwd), 0);
	assert_int_equal(rmdir(strcat(strcpy(cwd, real), "/ws/2025/answers")),
			 0);
	assert_int_equal(rmdir(strcat(strcpy(cwd, real), "/ws/2025")), 0);
	assert_int_equal(rmdir(strcat(strcpy(cwd, real), "/ws")), 0);
	assert_int_equal(rmdir(real), 0);
}

static void test_dir_of(void **state)
{
	struct workspace ws = {0};
	char *p;
	(void)state;
	ws.files[WS_ANSWERS] = strdup("{year}/answers/*.ini");
	ws.files[WS_EVIDENCE] = strdup("{year}/*/register.ini");
	ws.files[WS_AUDIT] = strdup("audit-{year}.ini");
	ws.files[WS_PLANS] = strdup("examples/{year}/plans-*.ini");
	assert_non_null(p = workspace_dir_of(&ws, WS_ANSWERS, 2026));
	assert_string_equal(p, "2026/answers");
	free(p);
	/* a wildcard in the folder: no one folder */
	assert_null(workspace_dir_of(&ws, WS_EVIDENCE, 2026));
	/* no folder part */
	assert_null(workspace_dir_of(&ws, WS_AUDIT, 2026));
	assert_non_null(p = workspace_dir_of(&ws, WS_PLANS, 2026));
	assert_string_equal(p, "examples/2026");
	free(p);
	assert_non_null(p = workspace_path("/a/b", "c/d"));
	assert_string_equal(p, "/a/b/c/d");
	free(p);
	assert_non_null(p = workspace_path("/a/b", "/abs"));
	assert_string_equal(p, "/abs");
	free(p);
	workspace_release(&ws);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_dir_of),
	};
	return cmocka_run_group_tests_name("workspace_find", tests, NULL, NULL);
}
