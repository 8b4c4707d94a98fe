/* floor_read.h: the reading half of make bench's floors (floor_read.c). */
#ifndef KANSA_BENCH_FLOOR_READ_H
#define KANSA_BENCH_FLOOR_READ_H

/* Reads every row of fiscal years "Y1,Y2" that the documents are made
 * from out of the SQLite database at path; prints "floor-read SECONDS
 * ROWS" to stderr; -1 on an error (printed). */
int floor_read(const char *path, const char *years);

#endif
