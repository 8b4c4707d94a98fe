#!/bin/sh
# bench/run.sh KANSA [SIZE...]: `make bench` (BENCH_SIZES, default "30 300
# 3000 10000"; BENCH_PAIRS runs a figure, default 3; BENCH_REFERENCE
# another kansa whose outputs are compared), once make has built the floors
# (floor_xlsx, floor_pdf) beside KANSA.  Reports, never asserts.
set -eu
cd "$(dirname "$0")/.."
kansa=$1
shift
build=$(dirname "$kansa")
KANSA_DEPS_EXTRA="gnuplot-nox" sh tools/deps.sh
exec /usr/bin/python3 bench/bench.py "$kansa" "$build/floor_xlsx" \
	"$build/floor_pdf" "$@"
