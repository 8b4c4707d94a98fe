/* grades.h: the grades of findings (重大な不適合 ... 観察事項) and the audit
 * chief's judgement 適合: what audit, findings, score and the renderers
 * share, without depending on each other.  Names are static strings. */
#ifndef KANSA_GRADES_H
#define KANSA_GRADES_H

/* Grades of findings, and the audit chief's judgement 適合. */
enum finding_grade {
	GRADE_MAJOR,	   /* 重大な不適合 */
	GRADE_MINOR,	   /* 軽微な不適合 */
	GRADE_RECOMMEND,   /* 推奨事項 */
	GRADE_OBSERVATION, /* 観察事項 */
	GRADE_CONFORM,	   /* 適合: a judgement only, never a finding */
	GRADE_COUNT
};

const char *finding_grade_name(enum finding_grade g);
/* Parses 重大な不適合 ... 適合; -1 for anything else. */
int finding_grade_parse(const char *s);

#endif
