/* test_parse.c: the one fiscal-year parser and the one date parser
 * (text.c), and the [kansa] fiscal_year check every INI reader uses. */
#include "helpers.h"
#include "ini.h"

static void test_fiscal_year(void **state)
{
	static const char *const bad[] = {
		"",	 "2025abc", "2025年度", " 2025",  "2025 ",
		"+2025", "-2025",   "202",	"20250",  "1899",
		"3000",	 "abc",	    "２０２５", "2025.0", "0x7e9"};
	int y = 0;
	(void)state;
	assert_true(text_parse_fiscal_year("2025", &y));
	assert_int_equal(y, 2025);
	assert_true(text_parse_fiscal_year("1900", &y));
	assert_true(text_parse_fiscal_year("2999", &y));
	assert_int_equal(y, 2999);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		y = 42;
		assert_false(text_parse_fiscal_year(bad[i], &y));
		assert_int_equal(y, 42); /* untouched */
	}
}

static void test_date(void **state)
{
	static const char *const bad[] = {"",
					  "2025-13-01",
					  "2025-02-29",
					  "2025-01-32",
					  "2025-1-1x",
					  " 2025-01-01",
					  "2025-+1-01",
					  "2025- 1-01",
					  "2025-01/01",
					  "25-01-01",
					  "2025-001-01",
					  "2025年1月1日",
					  "2025-01-01 ",
					  "3000-01-01",
					  "2025--01-01",
					  "2025-01"};
	char out[11];
	(void)state;
	assert_true(text_parse_date("2025-10-15", out));
	assert_string_equal(out, "2025-10-15");
	assert_true(text_parse_date("2025/9/3", out));
	assert_string_equal(out, "2025-09-03");
	assert_true(text_parse_date("2024-02-29", out));
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (text_parse_date(bad[i], out))
			fail_msg("'%s' was taken as a date", bad[i]);
}

/* The header check: missing, not a year, another year, the year. */
static void test_ini_fiscal_year(void **state)
{
	static const struct {
		const char *value; /* NULL: no fiscal_year line */
		const char *msg;   /* expected error, NULL: none */
		long line;
	} cases[] = {
		{"2025", NULL, 0},
		{NULL, "missing fiscal_year in [kansa]", 1},
		{"abc", "fiscal_year 'abc' is not a fiscal year", 3},
		{"2025abc", "fiscal_year '2025abc' is not a fiscal year", 3},
		{"2025年度", "fiscal_year '2025年度' is not a fiscal year", 3},
		{"2024", "fiscal year mismatch: the file says 2024", 3},
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *kinds[] = {"evidence", NULL};
		char raw[256];
		struct ini_file *f = NULL;
		struct diags d;
		int y = -1;
		bool good;

		snprintf(raw, sizeof(raw), "[kansa]\nkind = evidence\n%s%s\n",
			 cases[i].value ? "fiscal_year = " : "",
			 cases[i].value ? cases[i].value : "");
		diags_init(&d);
		assert_int_equal(
			ini_parse("f.ini", raw, strlen(raw), kinds, &d, &f),
			KANSA_OK);
		good = ini_check_fiscal_year(f, ini_section(f, "kansa"), 2025,
					     &d, &y);
		if (!cases[i].msg) {
			assert_true(good);
			assert_int_equal(y, 2025);
			assert_int_equal(d.errors, 0);
		} else {
			assert_false(good);
			assert_int_equal(d.errors, 1);
			assert_non_null(strstr(d.v[0].msg, cases[i].msg));
			assert_int_equal(d.v[0].line, cases[i].line);
		}
		ini_free(f);
		diags_release(&d);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fiscal_year),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_ini_fiscal_year),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
