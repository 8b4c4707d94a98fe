#!/bin/sh
# bench/run.sh KANSA: `make bench`.  Reports, never asserts.
set -eu
cd "$(dirname "$0")/.."
exec python3 bench/bench.py "$1"
