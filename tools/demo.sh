#!/bin/sh
# tools/demo.sh KANSA: the yearly run on the demo workspace (kansa.ini at
# the project root: the policy in checklists/, the answers, evidence, audit
# and plans of 2024 and 2025 in examples/), writing to output/.
set -eu
cd "$(dirname "$0")/.."
kansa=$1
rm -rf output/kansa.db output/2024 output/2025
echo "== kansa run --year 2024 (last year, for the comparison)"
"$kansa" run --year 2024 --as-of 2025-03-31 --date 2025-04-10
echo
echo "== kansa run --year 2025"
"$kansa" run --year 2025 --as-of 2026-01-31 --date 2026-02-10
echo
echo "== kansa report plans --as-of 2026-01-31 (the quarterly plan report)"
"$kansa" --db output/kansa.db report plans --as-of 2026-01-31 --date 2026-02-10
echo
echo "== sha256sum -c output/2025/MANIFEST.sha256"
(cd output/2025 && sha256sum -c MANIFEST.sha256)
echo
echo "== kansa check-db"
"$kansa" --db output/kansa.db check-db
echo
echo "demo: wrote output/2024/ and output/2025/ (the workpaper, both PDFs," \
	"the text results, MANIFEST.sha256 and kansa-run.log) and the" \
	"database output/kansa.db"
