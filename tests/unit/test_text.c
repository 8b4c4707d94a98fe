/* test_text.c: decoding user files, NFKC, escaping, widths. */
#include "helpers.h"

static char *decode(const char *raw, size_t len, struct diags *d,
		    enum text_encoding *enc, enum kansa_err *err)
{
	char *out = NULL;
	size_t outlen;
	*err = text_decode(raw, len, "f.txt", d, &out, &outlen, enc);
	return out;
}

static void test_utf8_bom_crlf(void **state)
{
	static const char raw[] = "\xEF\xBB\xBF一行目\r\n二行目\r三行目\n";
	struct diags d;
	enum text_encoding enc;
	enum kansa_err err;
	char *s;
	(void)state;
	diags_init(&d);
	s = decode(raw, sizeof(raw) - 1, &d, &enc, &err);
	assert_int_equal(err, KANSA_OK);
	assert_int_equal(enc, TEXT_UTF8_BOM);
	assert_string_equal(s, "一行目\n二行目\n三行目\n");
	assert_int_equal(d.n, 0);
	free(s);
	diags_release(&d);
}

static void test_shift_jis(void **state)
{
	/* "監査 ア" in CP932, with CRLF */
	static const char raw[] = "\x8a\xc4\x8d\xb8 \x83\x41\r\n";
	struct diags d;
	enum text_encoding enc;
	enum kansa_err err;
	char *s;
	(void)state;
	diags_init(&d);
	s = decode(raw, sizeof(raw) - 1, &d, &enc, &err);
	assert_int_equal(err, KANSA_OK);
	assert_int_equal(enc, TEXT_CP932);
	assert_string_equal(s, "監査 ア\n");
	assert_non_null(find_diag(&d, "Shift_JIS"));
	assert_int_equal(d.v[0].level, DIAG_NOTICE);
	free(s);
	diags_release(&d);
}

static void test_invalid_bytes(void **state)
{
	/* a lone 0x80 after a BOM: neither UTF-8 nor (after a BOM) CP932 */
	static const char raw[] = "\xEF\xBB\xBF"
				  "ok\nab\x80\xff\n";
	struct diags d;
	enum text_encoding enc;
	enum kansa_err err;
	(void)state;
	diags_init(&d);
	assert_null(decode(raw, sizeof(raw) - 1, &d, &enc, &err));
	assert_int_equal(err, KANSA_ERR_INPUT);
	assert_int_equal(d.v[0].line, 2);
	assert_non_null(strstr(d.v[0].msg, "invalid UTF-8 at byte 3"));
	diags_release(&d);
}

static void test_binary(void **state)
{
	static const char raw[] = "PK\x03\x04\0\0binary";
	struct diags d;
	enum text_encoding enc;
	enum kansa_err err;
	(void)state;
	diags_init(&d);
	assert_null(decode(raw, sizeof(raw) - 1, &d, &enc, &err));
	assert_int_equal(err, KANSA_ERR_INPUT);
	assert_non_null(find_diag(&d, "NUL byte at offset 4"));
	diags_release(&d);
}

static void test_control_char(void **state)
{
	static const char raw[] = "a\nb\x1b[0m\n";
	struct diags d;
	enum text_encoding enc;
	enum kansa_err err;
	(void)state;
	diags_init(&d);
	assert_null(decode(raw, sizeof(raw) - 1, &d, &enc, &err));
	assert_int_equal(err, KANSA_ERR_INPUT);
	assert_int_equal(d.v[0].line, 2);
	assert_non_null(strstr(d.v[0].msg, "U+001B"));
	diags_release(&d);
}

static void test_nfkc(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"（１）　ＣＩＳＯ", "(1) CISO"},
		{"７－６", "7-6"},
		{"ｱｲｳ", "アイウ"},
		{"機密性―1", "機密性—1"}, /* U+2015 from CP932 -> U+2014 */
		{"1〜3", "1~3"},	  /* wave dash -> tilde */
		{"−5", "-5"},		  /* minus sign -> hyphen-minus */
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *s = text_nfkc(cases[i].in, strlen(cases[i].in));
		assert_string_equal(s, cases[i].out);
		free(s);
	}
}

static void test_escape(void **state)
{
	char *s = text_escape_tsv("a\tb\nc\\d");
	(void)state;
	assert_string_equal(s, "a\\tb\\nc\\\\d");
	free(s);
	s = text_escape_json("\"x\"\n\x01");
	assert_string_equal(s, "\\\"x\\\"\\n\\u0001");
	free(s);
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("監査"), 4);
	assert_int_equal(text_width("ア1"), 3);
}

static void test_sha256(void **state)
{
	char hex[65];
	(void)state;
	text_sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223"
				 "b00361a396177a9cb410ff61f20015ad");
}

static void test_wareki(void **state)
{
	char out[64];
	char *s;
	(void)state;
	text_wareki_fiscal_year(2025, out, sizeof(out));
	assert_string_equal(out, "令和7年度");
	text_wareki_fiscal_year(2019, out, sizeof(out));
	assert_string_equal(out, "令和元年度");
	text_wareki_fiscal_year(2018, out, sizeof(out));
	assert_string_equal(out, "平成30年度");
	assert_int_equal(text_fiscal_year_of("2026-03-31"), 2025);
	assert_int_equal(text_fiscal_year_of("2026-04-01"), 2026);
	text_wareki_date("2026-02-10", out, sizeof(out));
	assert_string_equal(out, "令和8年2月10日");
	text_wareki_date("2019-05-01", out, sizeof(out));
	assert_string_equal(out, "令和元年5月1日");
	text_wareki_date("2019-04-30", out, sizeof(out));
	assert_string_equal(out, "平成31年4月30日");
	s = text_wareki_dates(
		"2025-11-04〜2026-01-23、版 20250 と 12025-01-01");
	assert_string_equal(s, "令和7年11月4日〜令和8年1月23日、版 20250 と "
			       "12025-01-01");
	free(s);
}

/* REVIEW2 #7: a chapter's citation is wrapped in 第…章 only when it is a
 * bare number. */
static void test_chapter_name(void **state)
{
	char out[64];
	(void)state;
	text_chapter_name(out, sizeof(out), "1");
	assert_string_equal(out, "第1章");
	text_chapter_name(out, sizeof(out), "第1章");
	assert_string_equal(out, "第1章");
	text_chapter_name(out, sizeof(out), "第1");
	assert_string_equal(out, "第1");
	text_chapter_name(out, sizeof(out), "");
	assert_string_equal(out, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_bom_crlf),
		cmocka_unit_test(test_shift_jis),
		cmocka_unit_test(test_invalid_bytes),
		cmocka_unit_test(test_binary),
		cmocka_unit_test(test_control_char),
		cmocka_unit_test(test_nfkc),
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_sha256),
		cmocka_unit_test(test_wareki),
		cmocka_unit_test(test_chapter_name),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
