/* test_import.c: the checks across the files of one import (import.c,
 * issue 17.3), and that the indexes they use find what a comparison of
 * every pair finds (issue 18). */
#include "helpers.h"

#include "import.h"
#include "names.h"

/* A sheet of one answer to item citing ev ("" for none). */
static void add_sheet(struct import_batch *b, const char *path,
		      const char *dept, const char *role, const char *system,
		      const char *item, const char *ev)
{
	struct answer_sheet *sh = &b->sheets[b->nsheets++];
	sh->path = strdup(path);
	sh->department = strdup(dept);
	sh->role = strdup(role);
	sh->system = strdup(system);
	sh->fiscal_year = 2025;
	sh->answers = calloc(1, sizeof(*sh->answers));
	sh->nanswers = 1;
	sh->answers[0].item_id = strdup(item);
	sh->answers[0].comment = strdup("");
	sh->answers[0].line = 9;
	sh->answers[0].evidence_line = 11; /* evidence = */
	if (*ev) {
		sh->answers[0].evidence = calloc(1, sizeof(char *));
		sh->answers[0].evidence[0] = strdup(ev);
		sh->answers[0].nevidence = 1;
	}
}

static void add_record(struct evidence_register *reg, const char *id,
		       const char *clauses, long line)
{
	struct evidence_record *e;
	reg->records = realloc(reg->records, (reg->n + 1) * sizeof(*e));
	assert_non_null(reg->records);
	e = &reg->records[reg->n++];
	memset(e, 0, sizeof(*e));
	e->id = strdup(id);
	e->title = strdup("t");
	e->file = strdup("f");
	e->path = strdup("f");
	e->collected_on = strdup("");
	e->expires_on = strdup("");
	e->clauses = strdup(clauses);
	e->line = line;
}

/* The messages of d joined, "FILE:LINE: MSG\n" each. */
static char *joined(const struct diags *d)
{
	struct sbuf b = {0};
	for (size_t i = 0; i < d->n; i++)
		sbuf_printf(&b, "%s:%ld: %s\n",
			    d->v[i].file ? d->v[i].file : "", d->v[i].line,
			    d->v[i].msg);
	return b.s ? b.s : strdup("");
}

static void test_cross_file_checks(void **state)
{
	struct import_batch b;
	struct diags d;
	char *all;
	(void)state;
	diags_init(&d);
	assert_int_equal(import_batch_init(&b, 8), KANSA_OK);
	add_sheet(&b, "a.ini", "総務課", "CISO", "", "1-1", "EV-1");
	add_sheet(&b, "b.ini", "財政課", "CISO", "", "1-1", "EV-9");
	add_sheet(&b, "c.ini", "総務課", "CISO", "", "1-1", "EV-S");
	add_sheet(&b, "d.ini", "総務課", "CISO", "", "1-2", "EV-2");
	b.registers[0].path = strdup("r1.ini");
	add_record(&b.registers[0], "EV-1", "", 4);
	add_record(&b.registers[0], "EV-2", "1-1", 8);
	b.registers[1].path = strdup("r2.ini");
	add_record(&b.registers[1], "EV-1", "", 3);
	b.nregisters = 2;
	add_record(&b.stored, "EV-S", "", 1);
	b.audits[0].path = strdup("audit1.ini");
	b.audits[1].path = strdup("audit2.ini");
	b.naudits = 2;

	assert_int_equal(import_check(&b, 2025, NULL, 0, &d), KANSA_OK);
	all = joined(&d);
	/* every earlier sheet of the same respondent, in order */
	assert_non_null(strstr(all, "c.ini:1: the same respondent (総務課 / "
				    "CISO) as a.ini"));
	assert_non_null(strstr(all, "d.ini:1: the same respondent (総務課 / "
				    "CISO) as a.ini"));
	assert_non_null(strstr(all, "d.ini:1: the same respondent (総務課 / "
				    "CISO) as c.ini"));
	assert_null(strstr(all, "b.ini:1: the same"));
	assert_true(strstr(all, "as a.ini\nd.ini") < strstr(all, "as c.ini"));
	/* an evidence ID of two registers */
	assert_non_null(strstr(all, "r2.ini:3: evidence ID 'EV-1' is also in "
				    "r1.ini (line 4)"));
	/* cited: unknown; stored (found, no message); not listing the item */
	assert_non_null(strstr(all, "b.ini:11: unknown evidence ID 'EV-9' "
				    "cited by [1-1]"));
	assert_null(strstr(all, "EV-S"));
	assert_non_null(strstr(all, "d.ini:11: evidence 'EV-2' cited by [1-2] "
				    "does not list it in its clauses (1-1)"));
	assert_non_null(strstr(all, "audit2.ini:1: a second audit file for "
				    "2025 (the first is audit1.ini)"));
	assert_int_equal(d.errors, 6);
	free(all);
	import_batch_release(&b);
	diags_release(&d);
}

/* A name of up to 6 characters from a small alphabet, so that near
 * names are many. */
static void random_name(char *out, unsigned *seed)
{
	static const char *const parts[] = {"総", "務", "課", "1",
					    "2",  " ",	"係", "第"};
	size_t n = 2 + (size_t)(rand_r(seed) % 5);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		strcat(out, parts[rand_r(seed) % 8]);
}

/* names_warn_near() (hashes) warns each sheet's department of the first
 * near name, as comparing every pair with names_near() does. */
static void test_near_by_index_equals_pairs(void **state)
{
	enum { NS = 150, NST = 60 };
	struct answer_sheet sheets[NS];
	struct store_respondent stored[NST];
	char names[NS + NST][64], paths[NS + NST][16];
	struct diags d;
	struct sbuf want = {0};
	char *got;
	unsigned seed = 18;
	(void)state;
	memset(sheets, 0, sizeof(sheets));
	memset(stored, 0, sizeof(stored));
	diags_init(&d);
	for (size_t i = 0; i < NS + NST; i++) {
		random_name(names[i], &seed);
		snprintf(paths[i], sizeof(paths[i]), "f%zu", i);
		if (i < NS) {
			sheets[i].department = names[i];
			sheets[i].path = paths[i];
		} else {
			stored[i - NS].department = names[i];
			stored[i - NS].file = paths[i];
		}
	}
	names_warn_near(sheets, NS, stored, NST, &d);
	/* the same by every pair: distinct names in order met */
	{
		size_t idx[NS + NST], nv = 0, nsheet = 0;
		for (size_t i = 0; i < NS + NST; i++) {
			size_t k = 0;
			while (k < nv && strcmp(names[idx[k]], names[i]))
				k++;
			if (k == nv) {
				idx[nv++] = i;
				nsheet += i < NS;
			}
		}
		for (size_t i = 0; i < nsheet; i++)
			for (size_t j = 0; j < nv; j++)
				if ((j < i || j >= nsheet) &&
				    names_near(names[idx[i]], names[idx[j]])) {
					sbuf_printf(
						&want,
						"%s:1: department '%s' is "
						"nearly '%s' (%s): if they "
						"are one, correct the "
						"sheet, or the stored one "
						"with kansa respondents "
						"rename\n",
						paths[idx[i]], names[idx[i]],
						names[idx[j]], paths[idx[j]]);
					break;
				}
	}
	got = joined(&d);
	assert_non_null(want.s);
	assert_true(d.n > 20); /* the alphabet makes many near names */
	assert_string_equal(got, want.s);
	free(got);
	sbuf_release(&want);
	diags_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cross_file_checks),
		cmocka_unit_test(test_near_by_index_equals_pairs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
