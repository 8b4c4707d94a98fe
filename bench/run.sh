#!/bin/sh
# bench/run.sh KANSA [SIZE...]: `make bench` (BENCH_SIZES="30 300 3000").  Builds the floor programs, then runs
# bench/bench.py.  Reports, never asserts.
set -eu
cd "$(dirname "$0")/.."
kansa=$1
shift
build=$(dirname "$kansa")
KANSA_DEPS_EXTRA="gnuplot-nox" sh tools/deps.sh
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -o "$build/floor_xlsx" \
	bench/floor_xlsx.c $(pkg-config --cflags --libs xlsxwriter)
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -o "$build/floor_pdf" \
	bench/floor_pdf.c -lhpdf
exec python3 bench/bench.py "$kansa" "$build/floor_xlsx" "$build/floor_pdf" "$@"
