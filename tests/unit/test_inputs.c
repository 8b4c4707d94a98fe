/* test_inputs.c: issue 12's units: 和暦 from an era table, the INI
 * scanner agreeing with iniparser, names from settings, absolute paths,
 * white space, and no core dumps while a password is in memory. */
#include "helpers.h"

#include <iniparser.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include "evidence.h"
#include "ini.h"
#include "render_pdf.h"

static void wareki_is(const char *date, const char *want, bool ok)
{
	char out[64];
	bool got = text_wareki_date(date, out, sizeof(out));
	assert_string_equal(out, want);
	assert_int_equal(got, ok);
}

/* case 18: each era from its first day, 元年 for year 1, nothing before */
static void test_wareki_eras(void **state)
{
	char fy[64];
	(void)state;
	wareki_is("1988-12-31", "昭和63年12月31日", true);
	wareki_is("1989-01-05", "昭和64年1月5日", true);
	wareki_is("1989-01-07", "昭和64年1月7日", true);
	wareki_is("1989-01-08", "平成元年1月8日", true);
	wareki_is("2019-04-30", "平成31年4月30日", true);
	wareki_is("2019-05-01", "令和元年5月1日", true);
	wareki_is("1926-12-24", "大正15年12月24日", true);
	wareki_is("1926-12-25", "昭和元年12月25日", true);
	wareki_is("1912-07-29", "明治45年7月29日", true);
	wareki_is("1912-07-30", "大正元年7月30日", true);
	wareki_is("1900-01-01", "明治33年1月1日", true);
	wareki_is("1873-01-01", "明治6年1月1日", true);
	/* before the Gregorian calendar: no 和暦 a Gregorian date can give */
	wareki_is("1872-12-31", "1872-12-31", false);
	wareki_is("1868-10-23", "1868-10-23", false);
	text_wareki_fiscal_year(1988, fy, sizeof(fy));
	assert_string_equal(fy, "昭和63年度");
	text_wareki_fiscal_year(1989, fy, sizeof(fy));
	assert_string_equal(fy, "平成元年度");
	text_wareki_fiscal_year(2018, fy, sizeof(fy));
	assert_string_equal(fy, "平成30年度");
	text_wareki_fiscal_year(2019, fy, sizeof(fy));
	assert_string_equal(fy, "令和元年度");
	text_wareki_fiscal_year(1900, fy, sizeof(fy));
	assert_string_equal(fy, "明治33年度");
}

/* The value kansa reports for section:key equals iniparser's. */
static void agrees(const struct ini_file *f, const char *sec, const char *key,
		   const char *want)
{
	const struct ini_section *s = ini_section(f, sec);
	char full[256];
	assert_non_null(s);
	snprintf(full, sizeof(full), "%s:%s", s->lower, key);
	assert_string_equal(ini_key(s, key)->raw, want);
	assert_string_equal(iniparser_getstring(f->dict, full, "(none)"), want);
}

/* cases 1 and 2: a trailing '\' is text for both; what '#' cuts is
 * warned of with the text */
static void test_ini_agreement(void **state)
{
	static const char raw[] = "[kansa]\nkind = answers\n"
				  "[a]\npath = C:\\手順\\ \nnext = 1\n"
				  "[b]\nc = 設定は GPO #12 のとおり\n"
				  "d = \"x; y\" ; ok\n"
				  "e = \\\n";
	struct diags d;
	struct ini_file *f = NULL;
	(void)state;
	diags_init(&d);
	assert_int_equal(ini_parse("t.ini", raw, sizeof(raw) - 1, NULL, &d, &f),
			 KANSA_OK);
	agrees(f, "a", "path", "C:\\手順\\");
	agrees(f, "a", "next", "1");
	agrees(f, "b", "c", "設定は GPO");
	agrees(f, "b", "d", "x; y");
	agrees(f, "b", "e", "\\");
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 7);
	assert_non_null(strstr(d.v[0].msg, "'#12 のとおり'"));
	ini_free(f);
	diags_release(&d);
}

/* case 5 and 19: names from settings; what is an absolute path */
static void test_names_and_paths(void **state)
{
	(void)state;
	assert_null(fileio_name_problem("kansa-2025-audit.pdf"));
	assert_null(fileio_name_problem("監査報告書 #1.pdf"));
	assert_non_null(fileio_name_problem("../kansa.db"));
	assert_non_null(fileio_name_problem("a/b.pdf"));
	assert_non_null(fileio_name_problem("a\\b.pdf"));
	assert_non_null(fileio_name_problem("a\nb.pdf"));
	assert_non_null(fileio_name_problem("CON.pdf"));
	assert_non_null(fileio_name_problem("com1.pdf"));
	assert_non_null(fileio_name_problem(""));
	assert_true(evidence_path_is_absolute("/etc/passwd"));
	assert_true(evidence_path_is_absolute("\\\\server\\x"));
	assert_true(evidence_path_is_absolute("C:\\x.png"));
	assert_true(evidence_path_is_absolute("c:x.png"));
	assert_false(evidence_path_is_absolute("画面/10:30 の設定.png"));
	assert_false(evidence_path_is_absolute("ab:c.png"));
}

/* case 15: white space of every kind */
static void test_trim(void **state)
{
	char *s;
	(void)state;
	s = text_trim("\xE3\x80\x80\xC2\xA0\xE2\x80\x8B 実 施\t\xE3\x80\x80");
	assert_string_equal(s, "実 施");
	free(s);
	s = text_trim("\xE3\x80\x80");
	assert_string_equal(s, "");
	free(s);
}

/* case 9: reading a PDF password turns core dumps off for good */
static void test_password_no_core(void **state)
{
	char path[] = "/tmp/kansa-test-pw-XXXXXX";
	struct pdf_passwords pw;
	struct diags d;
	struct rlimit rl;
	int fd = mkstemp(path);
	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "secret-1\n", 9), 9);
	close(fd);
	diags_init(&d);
	assert_int_equal(pdf_passwords_read(path, &pw, &d), KANSA_OK);
	unlink(path);
	assert_string_equal(pw.user, "secret-1");
	assert_int_equal(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
	assert_int_equal(getrlimit(RLIMIT_CORE, &rl), 0);
	assert_int_equal(rl.rlim_cur, 0);
	assert_int_equal(rl.rlim_max, 0);
	diags_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wareki_eras),
		cmocka_unit_test(test_ini_agreement),
		cmocka_unit_test(test_names_and_paths),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_password_no_core),
	};
	return cmocka_run_group_tests_name("inputs", tests, NULL, NULL);
}
