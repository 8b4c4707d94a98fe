/* test_names.c: the names that identify a respondent, normalised, and
 * near-duplicates (issue 11). */
#include "helpers.h"

#include "names.h"

static void expect_norm(const char *in, const char *want)
{
	char *s = names_normalise(in);
	assert_non_null(s);
	assert_string_equal(s, want);
	free(s);
}

static void test_normalise(void **state)
{
	(void)state;
	/* U+3000 and NBSP around, inner runs of spaces, tabs */
	expect_norm("\xE3\x80\x80議会事務局\xE3\x80\x80", "議会事務局");
	expect_norm("\xC2\xA0 議会事務局 \t", "議会事務局");
	expect_norm("議会\xE3\x80\x80\xE3\x80\x80 事務局", "議会 事務局");
	/* half-width katakana and full-width letters: NFKC */
	expect_norm("ｸﾞﾙｰﾌﾟｳｪｱ", "グループウェア");
	expect_norm("ＣＳＩＲＴ", "CSIRT");
	expect_norm("", "");
	expect_norm("   ", "");
}

static void test_near(void **state)
{
	(void)state;
	assert_true(names_near("議会 事務局", "議会事務局"));
	assert_true(names_near("議会事務局総務課", "議会事務局総務"));
	assert_true(names_near("議会事務局総務課", "議会事務局庶務課"));
	assert_false(names_near("議会事務局", "議会事務局"));
	/* short names one edit apart are different departments */
	assert_false(names_near("議員", "議会"));
	/* numbered ones too */
	assert_false(names_near("部署001", "部署002"));
	assert_false(names_near("第１課分室", "第２課分室"));
	assert_false(names_near("議会事務局", "市長公室"));
	assert_false(names_near(NULL, "x"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalise),
		cmocka_unit_test(test_near),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
