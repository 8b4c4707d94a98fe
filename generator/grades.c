/* grades.c: the names of the grades of findings and of 適合. */
#include "grades.h"

#include <string.h>

static const char *const grade_names[GRADE_COUNT] = {
	"重大な不適合", "軽微な不適合", "推奨事項", "観察事項", "適合",
};

const char *finding_grade_name(enum finding_grade g)
{
	return (unsigned)g < GRADE_COUNT ? grade_names[g] : "?";
}

int finding_grade_parse(const char *s)
{
	for (int g = 0; g < GRADE_COUNT; g++)
		if (strcmp(s, grade_names[g]) == 0)
			return g;
	return -1;
}
