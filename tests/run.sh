#!/bin/sh
# tests/run.sh [BUILD]: runs kansa's unit tests (cmocka) and its command
# tests (tests/cli/*.sh), then prints one summary line: "N passed, N failed".
set -u
cd "$(dirname "$0")/.." || exit 1
ROOT=$PWD
BUILD=${1:-build}
KANSA="$ROOT/$BUILD/kansa"
TMPROOT=$(mktemp -d "${TMPDIR:-/tmp}/kansa-tests.XXXXXX")
trap 'rm -rf "$TMPROOT"' EXIT
passed=0
failed=0
export LC_ALL=C.UTF-8 TZ=UTC
# Leaks inside the system libraries (only read by sanitizer builds).
export LSAN_OPTIONS="suppressions=$ROOT/tests/lsan.supp:print_suppressions=0"
unset KANSA_DB

ok() {
	passed=$((passed + 1))
	printf 'ok   %s\n' "$1"
}

not_ok() {
	failed=$((failed + 1))
	printf 'FAIL %s\n' "$1"
	[ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/     | /' | head -40
	return 0
}

# A fresh empty folder for one test; echoes its path.
workspace() {
	d=$(mktemp -d "$TMPROOT/ws.XXXXXX")
	echo "$d"
}

# check NAME CMD...: passes when CMD succeeds.
check() {
	name=$1
	shift
	if out=$("$@" 2>&1); then ok "$name"; else not_ok "$name" "$out"; fi
}

for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	out=$("$t" 2>&1)
	rc=$?
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' |
		awk '{s += $1} END {print s + 0}')
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' |
		awk '{s += $1} END {print s + 0}')
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$f" -eq 0 ]; then
		printf 'ok   %s (%s tests)\n' "$(basename "$t")" "$p"
	else
		printf 'FAIL %s\n' "$(basename "$t")"
		printf '%s\n' "$out" | grep -E 'ERROR|FAILED|error|Sanitizer' |
			head -20 | sed 's/^/     | /'
	fi
done

for t in tests/cli/*.sh; do
	# shellcheck source=/dev/null
	. "./$t"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
