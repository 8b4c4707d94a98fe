/* test_checklist_ini.c: the checklist file round trip and reviewer keys. */
#include <unistd.h>

#include "fileio.h"
#include "helpers.h"

static void test_round_trip(void **state)
{
	struct diags d;
	struct policy *pol;
	struct checklist cl, back;
	char *ini, path[] = "/tmp/kansa-cl-XXXXXX";
	size_t len;
	int fd;
	char from[] = "7-6", to[] = "7-5";
	(void)state;
	diags_init(&d);
	derive_file(SEED, NULL, 0, &d, &pol, &cl);
	cl.policy = strdup("水戸市議会情報セキュリティ対策基準");
	cl.version = strdup("2025");
	cl.source = strdup("mito.txt");
	cl.source_sha256 = strdup("ab");
	cl.items[3].weight = strdup("0.5");
	cl.items[3].method = strdup("閲覧");
	cl.items[3].evidence_examples = strdup("規程; 記録 #1");
	cl.renumber = calloc(1, sizeof(*cl.renumber));
	cl.renumber[0].number = strdup(from);
	cl.renumber[0].occurrence = 1;
	cl.renumber[0].to = strdup(to);
	cl.nrenumber = 1;
	assert_int_equal(checklist_format(&cl, &ini, &len), KANSA_OK);
	fd = mkstemp(path);
	assert_int_equal(write(fd, ini, len), (ssize_t)len);
	close(fd);

	checklist_init(&back);
	assert_int_equal(checklist_read(path, &back, &d), KANSA_OK);
	assert_int_equal(d.errors, 0);
	assert_string_equal(back.policy, cl.policy);
	assert_string_equal(back.version, "2025");
	assert_int_equal(back.nitems, cl.nitems);
	for (size_t i = 0; i < cl.nitems; i++) {
		const struct item *a = &cl.items[i], *b = &back.items[i];
		assert_string_equal(a->id, b->id);
		assert_string_equal(a->text, b->text);
		assert_string_equal(a->heading, b->heading);
		assert_string_equal(a->roles, b->roles);
		assert_string_equal(a->section, b->section);
		assert_int_equal(a->level, b->level);
		assert_int_equal(a->source_line, b->source_line);
	}
	assert_string_equal(back.items[3].weight, "0.5");
	assert_string_equal(back.items[3].method, "閲覧");
	assert_string_equal(back.items[3].evidence_examples, "規程; 記録 #1");
	assert_int_equal(back.nrenumber, 1);
	assert_string_equal(back.renumber[0].number, "7-6");
	assert_int_equal(back.renumber[0].occurrence, 1);
	assert_string_equal(back.renumber[0].to, "7-5");
	assert_int_equal(back.nparts, cl.nparts);

	/* formatting what was read gives the same bytes */
	{
		char *again;
		size_t alen;
		assert_int_equal(checklist_format(&back, &again, &alen),
				 KANSA_OK);
		assert_int_equal(alen, len);
		assert_memory_equal(again, ini, len);
		free(again);
	}
	unlink(path);
	free(ini);
	checklist_release(&back);
	checklist_release(&cl);
	policy_free(pol);
	diags_release(&d);
}

static void test_keep_reviewed(void **state)
{
	struct diags d;
	struct checklist a, b;
	(void)state;
	diags_init(&d);
	checklist_init(&a);
	checklist_init(&b);
	a.items = calloc(2, sizeof(*a.items));
	a.nitems = a.citems = 2;
	a.items[0].id = strdup("1(1)ア");
	a.items[0].weight = strdup("2");
	a.items[0].note = strdup("重点");
	a.items[1].id = strdup("9(9)");
	a.items[1].method = strdup("視察");
	b.items = calloc(1, sizeof(*b.items));
	b.nitems = b.citems = 1;
	b.items[0].id = strdup("1(1)ア");
	assert_int_equal(checklist_keep_reviewed(&b, &a, "c.ini", &d),
			 KANSA_OK);
	assert_string_equal(b.items[0].weight, "2");
	assert_string_equal(b.items[0].note, "重点");
	assert_null(b.items[0].method);
	assert_non_null(find_diag(&d, "item '9(9)' no longer exists"));
	checklist_release(&a);
	checklist_release(&b);
	diags_release(&d);
}

static void test_bad_reviewer_keys(void **state)
{
	static const char s[] =
		"[kansa]\nkind = checklist\npolicy = p\nversion = 1\n"
		"[renumber]\n7-6 = 7-5\n"
		"[1(1)]\nchapter = 1\nsection = 1(1)\ntext = t\nroles = CISO\n"
		"level = 必要\nsource_line = x\nweight = heavy\n"
		"method = 電話\ncolour = red\n";
	char path[] = "/tmp/kansa-cl-XXXXXX";
	int fd = mkstemp(path);
	struct diags d;
	struct checklist cl;
	(void)state;
	assert_int_equal(write(fd, s, sizeof(s) - 1), (ssize_t)sizeof(s) - 1);
	close(fd);
	diags_init(&d);
	checklist_init(&cl);
	assert_int_equal(checklist_read(path, &cl, &d), KANSA_ERR_INPUT);
	assert_non_null(find_diag(&d, "bad [renumber] entry '7-6'"));
	assert_non_null(find_diag(&d, "unknown level '必要'"));
	assert_non_null(find_diag(&d, "source_line 'x'"));
	assert_non_null(find_diag(&d, "weight 'heavy'"));
	assert_non_null(find_diag(&d, "unknown method '電話'"));
	assert_non_null(find_diag(&d, "unknown key 'colour'"));
	assert_int_equal(d.errors, 5);
	unlink(path);
	checklist_release(&cl);
	diags_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_keep_reviewed),
		cmocka_unit_test(test_bad_reviewer_keys),
	};
	return cmocka_run_group_tests_name("checklist file", tests, NULL, NULL);
}
