/* testhook.h: named points where a test can stop kansa (see testhook.c). */
#ifndef KANSA_TESTHOOK_H
#define KANSA_TESTHOOK_H

/* When the environment variable KANSA_TEST_PAUSE equals POINT, creates the
 * file named by KANSA_TEST_PAUSE_FILE and sleeps until the process is
 * killed, or, when KANSA_TEST_RESUME_FILE is set, until that file exists;
 * otherwise returns at once.  For tests only. */
void testhook_reach(const char *point);

#endif
