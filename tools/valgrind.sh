#!/bin/sh
# tools/valgrind.sh KANSA: the demo's yearly run (kansa run for 2024 and
# 2025, the plans report, check-db) under valgrind's memcheck, every
# step's child process too, in a copy of the demo workspace.  Fails on any
# memory error or leak (definite, indirect or possible) of kansa; leaks
# inside the libraries are listed in tests/valgrind.supp.
set -eu
cd "$(dirname "$0")/.."
kansa=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ws=$(mktemp -d "${TMPDIR:-/tmp}/kansa-valgrind.XXXXXX")
trap 'rm -rf "$ws"' EXIT
cp -r kansa.ini checklists templates examples "$ws/"
supp=$PWD/tests/valgrind.supp
vg() {
	valgrind -q --trace-children=yes --error-exitcode=99 \
		--leak-check=full --show-leak-kinds=definite,indirect,possible \
		--errors-for-leak-kinds=definite,indirect,possible \
		--suppressions="$supp" --log-file="$ws/vg.%p.log" "$kansa" "$@"
}
cd "$ws"
status=0
for args in "run --year 2024 --as-of 2025-03-31 --date 2025-04-10" \
	"run --year 2025 --as-of 2026-01-31 --date 2026-02-10" \
	"--db output/kansa.db report plans --as-of 2026-01-31" \
	"--db output/kansa.db check-db"; do
	# shellcheck disable=SC2086
	if vg $args >"$ws/out" 2>&1; then
		echo "valgrind: kansa $args: no error, no leak"
	else
		echo "valgrind: kansa $args: FAILED" >&2
		cat "$ws/out" >&2
		status=1
	fi
done
for log in "$ws"/vg.*.log; do
	if [ -s "$log" ]; then
		cat "$log" >&2
		status=1
	fi
done
(cd output/2025 && sha256sum -c --quiet MANIFEST.sha256) || status=1
[ $status -eq 0 ] && echo "valgrind: the demo run is clean"
exit $status
