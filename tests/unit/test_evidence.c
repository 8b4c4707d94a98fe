/* test_evidence.c: evidence registers: dates, paths, links, hashing. */
#include <sys/stat.h>
#include <unistd.h>

#include "evidence.h"
#include "helpers.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/kansa-ev-XXXXXX");
	assert_non_null(mkdtemp(dir));
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];
	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd);
}

static void put(const char *name, const char *data)
{
	char path[256];
	FILE *f;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "w"));
	fputs(data, f);
	fclose(f);
}

static char id1[] = "6-4(2)キ", role1[] = "議員及び職員";
static char policy[] = "p", version[] = "1";
static struct item items[] = {{.id = id1, .roles = role1}};
static struct checklist cl = {
	.policy = policy, .version = version, .items = items, .nitems = 1};

/* Loads DIR/register.ini and reads it; returns the read's result. */
static enum kansa_err load(struct diags *d, struct evidence_register *reg,
			   bool hash, bool allow_missing)
{
	static const char *const kinds[] = {"evidence", NULL};
	struct ini_file *f = NULL;
	char path[256];
	enum kansa_err err;
	snprintf(path, sizeof(path), "%s/register.ini", dir);
	assert_int_equal(ini_load(path, kinds, d, &f), KANSA_OK);
	err = evidence_read(f, &cl, 2025, d, reg);
	ini_free(f);
	if (!err && hash)
		err = evidence_hash(reg, dir, allow_missing, d);
	return err;
}

/* A short date written by hand (2025-7-1) grows when normalised: this
 * overflowed once (found by fuzz_ini). */
static void test_short_dates(void **state)
{
	struct diags d;
	struct evidence_register reg;
	(void)state;
	put("register.ini", "[kansa]\nkind = evidence\nfiscal_year = 2025\n"
			    "[E1]\ntitle = t\nfile = a.txt\ncollected_on = "
			    "2025-7-1\nexpires_on = 2026/1/2\n"
			    "clauses = 6-4(2)キ, 9-9\n");
	diags_init(&d);
	assert_int_equal(load(&d, &reg, false, false), KANSA_OK);
	assert_string_equal(reg.records[0].collected_on, "2025-07-01");
	assert_string_equal(reg.records[0].expires_on, "2026-01-02");
	assert_non_null(find_diag(&d, "name '9-9', which is not in the "
				      "checklist"));
	assert_true(evidence_lists_item(reg.records[0].clauses, "6-4(2)キ"));
	assert_false(evidence_lists_item(reg.records[0].clauses, "6-4(2)"));
	evidence_release(&reg);
	diags_release(&d);
}

static void test_bad_dates(void **state)
{
	struct diags d;
	struct evidence_register reg;
	(void)state;
	put("register.ini", "[kansa]\nkind = evidence\nfiscal_year = 2025\n"
			    "[E1]\ntitle = t\nfile = a.txt\ncollected_on = "
			    "2025-09-30\nexpires_on = 2025-09-01\n"
			    "[E2]\ntitle = t\nfile = b.txt\ncollected_on = "
			    "2025-02-29\n");
	diags_init(&d);
	assert_int_equal(load(&d, &reg, false, false), KANSA_ERR_INPUT);
	assert_non_null(find_diag(&d, "expires (2025-09-01) before it was "
				      "collected (2025-09-30)"));
	assert_non_null(find_diag(&d, "collected_on '2025-02-29' of [E2] is "
				      "not a date"));
	evidence_release(&reg);
	diags_release(&d);
}

static void test_paths(void **state)
{
	struct diags d;
	struct evidence_register reg;
	char link[256];
	(void)state;
	put("a.txt", "abc");
	snprintf(link, sizeof(link), "%s/sub", dir);
	mkdir(link, 0777);
	put("sub/b.txt", "x");
	snprintf(link, sizeof(link), "%s/out.txt", dir);
	assert_int_equal(symlink("/etc/hostname", link), 0);
	snprintf(link, sizeof(link), "%s/in.txt", dir);
	assert_int_equal(symlink("a.txt", link), 0);
	put("register.ini", "[kansa]\nkind = evidence\nfiscal_year = 2025\n"
			    "[ok]\ntitle = t\nfile = a.txt\n"
			    "[win]\ntitle = t\nfile = sub\\b.txt\n"
			    "[inlink]\ntitle = t\nfile = in.txt\n"
			    "[abs]\ntitle = t\nfile = /etc/passwd\n"
			    "[up]\ntitle = t\nfile = sub/../../x.txt\n"
			    "[outlink]\ntitle = t\nfile = out.txt\n"
			    "[gone]\ntitle = t\nfile = gone.png\n");
	diags_init(&d);
	assert_int_equal(load(&d, &reg, true, true), KANSA_ERR_INPUT);
	assert_string_equal(reg.records[0].sha256,
			    "ba7816bf8f01cfea414140de5dae2223"
			    "b00361a396177a9cb410ff61f20015ad");
	assert_int_equal(reg.records[0].size, 3);
	assert_string_equal(reg.records[0].path, "a.txt");
	assert_string_equal(reg.records[1].path, "sub/b.txt");
	assert_string_equal(reg.records[2].sha256, reg.records[0].sha256);
	assert_non_null(find_diag(&d, "'/etc/passwd' of [abs] is an absolute"));
	assert_non_null(find_diag(&d, "'sub/../../x.txt' of [up] leaves"));
	assert_non_null(find_diag(&d, "[outlink] is a symbolic link to "
				      "'/etc/hostname', outside"));
	assert_non_null(find_diag(&d, "evidence file missing: 'gone.png'"));
	assert_true(reg.records[6].missing);
	assert_int_equal(d.errors, 3); /* missing is only a warning here */
	evidence_release(&reg);
	diags_release(&d);
}

static void test_verify(void **state)
{
	char sha[65];
	(void)state;
	put("a.txt", "abc");
	assert_int_equal(evidence_verify("a.txt", dir,
					 "ba7816bf8f01cfea414140de5dae2223"
					 "b00361a396177a9cb410ff61f20015ad",
					 sha),
			 0);
	put("a.txt", "abd");
	assert_int_equal(evidence_verify("a.txt", dir, "x", sha), 1);
	assert_int_equal(strlen(sha), 64);
	assert_int_equal(evidence_verify("nope.txt", dir, "x", sha), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_short_dates, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_bad_dates, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_paths, setup, teardown),
		cmocka_unit_test_setup_teardown(test_verify, setup, teardown),
	};
	return cmocka_run_group_tests_name("evidence", tests, NULL, NULL);
}
