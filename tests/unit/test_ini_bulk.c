/* test_ini_bulk.c: an import's single reading of a file (ini_parse_bulk,
 * kansa's scan alone) gives what the checked reading (ini_parse, the scan
 * held to iniparser's) gives: the same result, diagnostics, sections,
 * keys and values, for every seed of the INI fuzzers and every bad
 * import input. */
#include <dirent.h>

#include "helpers.h"
#include "ini.h"

static const char *const all_kinds[] = {"checklist", "answers", "evidence",
					"plans",     "audit",	"workspace",
					"report",    NULL};

/* Folders of INI files to compare (from the top of the tree). */
static const char *const seed_dirs[] = {
	"tests/fuzz/seeds/ini",	      "tests/fuzz/seeds/answers",
	"tests/fuzz/seeds/evidence",  "tests/fuzz/seeds/audit",
	"tests/fuzz/seeds/plans",     "tests/fuzz/seeds/settings",
	"tests/fuzz/seeds/workspace", "tests/fuzz/seeds/checklist"};

static void same_diags(const struct diags *a, const struct diags *b)
{
	assert_int_equal(a->n, b->n);
	assert_int_equal(a->errors, b->errors);
	for (size_t i = 0; i < a->n; i++) {
		assert_int_equal(a->v[i].level, b->v[i].level);
		assert_int_equal(a->v[i].line, b->v[i].line);
		assert_string_equal(a->v[i].msg, b->v[i].msg);
	}
}

static void same_section(const struct ini_section *a,
			 const struct ini_section *b)
{
	assert_string_equal(a->name, b->name);
	assert_string_equal(a->lower, b->lower);
	assert_int_equal(a->line, b->line);
	assert_int_equal(a->nkeys, b->nkeys);
	for (size_t k = 0; k < a->nkeys; k++) {
		assert_string_equal(a->keys[k].name, b->keys[k].name);
		assert_string_equal(a->keys[k].lower, b->keys[k].lower);
		assert_string_equal(a->keys[k].raw, b->keys[k].raw);
		assert_string_equal(a->keys[k].value, b->keys[k].value);
		assert_int_equal(a->keys[k].line, b->keys[k].line);
		assert_ptr_equal(ini_key(b, a->keys[k].name), &b->keys[k]);
	}
}

/* Parses len bytes both ways and compares everything. */
static void compare(const char *raw, size_t len)
{
	struct diags d1, d2;
	struct ini_file *f1 = NULL, *f2 = NULL;
	enum kansa_err e1, e2;

	diags_init(&d1);
	diags_init(&d2);
	e1 = ini_parse("t.ini", raw, len, all_kinds, &d1, &f1);
	e2 = ini_parse_bulk("t.ini", raw, len, all_kinds, &d2, &f2);
	assert_int_equal(e1, e2);
	same_diags(&d1, &d2);
	assert_int_equal(f1 != NULL, f2 != NULL);
	if (f1) {
		assert_null(f2->dict);
		assert_string_equal(f1->kind, f2->kind);
		assert_string_equal(f1->sha256, f2->sha256);
		assert_int_equal(f1->size, f2->size);
		assert_int_equal(f1->encoding, f2->encoding);
		assert_int_equal(f1->nsections, f2->nsections);
		for (size_t i = 0; i < f1->nsections; i++) {
			same_section(&f1->sections[i], &f2->sections[i]);
			assert_ptr_equal(ini_section(f2, f1->sections[i].name),
					 &f2->sections[i]);
		}
	}
	ini_free(f1);
	ini_free(f2);
	diags_release(&d1);
	diags_release(&d2);
}

/* Compares every regular file of dir; returns how many. */
static size_t compare_dir(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	assert_non_null(dp);
	while ((e = readdir(dp))) {
		char path[1024], *raw = NULL;
		size_t len;
		struct diags d;
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		diags_init(&d);
		if (fileio_read(path, INI_MAX_BYTES, &raw, &len, &d) ==
		    KANSA_OK) {
			compare(raw, len);
			n++;
		}
		free(raw);
		diags_release(&d);
	}
	closedir(dp);
	return n;
}

static void test_seeds(void **state)
{
	size_t n = 0;
	(void)state;
	for (size_t i = 0; i < sizeof(seed_dirs) / sizeof(*seed_dirs); i++)
		n += compare_dir(seed_dirs[i]);
	/* the seeds are there: a test that compared nothing would pass */
	assert_true(n >= 25);
}

/* Every bad import input: the errors an import names come from the
 * single reading as they did from the checked one. */
static void test_bad_imports(void **state)
{
	DIR *dp = opendir("tests/bad/import");
	struct dirent *e;
	size_t n = 0;
	(void)state;
	assert_non_null(dp);
	while ((e = readdir(dp))) {
		char dir[512];
		if (e->d_name[0] == '.')
			continue;
		snprintf(dir, sizeof(dir), "tests/bad/import/%s", e->d_name);
		n += compare_dir(dir) > 0;
	}
	closedir(dp);
	assert_true(n >= 15);
}

/* The lines iniparser reads in its own ways: quotes, comments, a '\'
 * at the end, an empty value, no value, a cut value. */
static void test_awkward_lines(void **state)
{
	static const char raw[] =
		"[kansa]\nkind = answers\n"
		"[A]\nPath = C:\\手順\\ \nq1 = \"x; y\" ; ok\nq2 = 'a # b'\n"
		"e = \\\nempty =\nq3 = \"\"\nc = 設定は GPO #12 のとおり\n"
		"open = \"never closed\nafter = \"a\" b\n; comment\n# also\n"
		"  spaced key  =  v  \n[b]\nx = 1\n[B]\ny = 2\n";
	(void)state;
	compare(raw, sizeof(raw) - 1);
	compare("\xEF\xBB\xBF[kansa]\r\nkind = audit\r\n", 29);
	compare("[kansa]\nkind = plans\n[p]\nk = \x82\xa0\n", 32);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seeds),
		cmocka_unit_test(test_bad_imports),
		cmocka_unit_test(test_awkward_lines),
	};
	return cmocka_run_group_tests_name("ini_bulk", tests, NULL, NULL);
}
