/* testhook.h: named points where a test can stop kansa (see testhook.c). */
#ifndef KANSA_TESTHOOK_H
#define KANSA_TESTHOOK_H

/* When the environment variable KANSA_TEST_PAUSE equals POINT, creates the
 * file named by KANSA_TEST_PAUSE_FILE and sleeps until the process is
 * killed, or, when KANSA_TEST_RESUME_FILE is set, until that file exists;
 * otherwise returns at once.  For tests only. */
void testhook_reach(const char *point);

/* A limit a test may lower: the value of the environment variable name
 * when it is a whole number from least to deflt, else deflt (an unset or
 * bad value changes nothing; nothing can raise a limit).  tests/cli/
 * xlsx_limits.sh lowers the workbook's rows and columns a sheet holds,
 * so that continued sheets are tested without a million rows. */
long testhook_limit(const char *name, long least, long deflt);

#endif
