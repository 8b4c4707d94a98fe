#!/bin/sh
# tools/demo.sh KANSA: the yearly run on the demo data in examples/,
# writing to output/ (the database is output/kansa.db).
set -eu
cd "$(dirname "$0")/.."
kansa=$1
db=output/kansa.db
asof=2026-01-31
mkdir -p output
rm -f "$db"
echo "== kansa derive: 対策基準 -> checklists/mito-gikai-taisaku-kijun.ini"
"$kansa" --db "$db" derive checklists/mito-gikai-taisaku-kijun.txt
"$kansa" --db "$db" items --format tsv >output/items.tsv
for year in 2024 2025; do
	echo
	echo "== kansa import --year $year"
	"$kansa" --db "$db" import --year "$year" examples/"$year"/answers/*.ini \
		examples/"$year"/evidence/register.ini examples/"$year"/audit.ini \
		examples/"$year"/plans-*.ini
done
echo
echo "== kansa verify --year 2025"
"$kansa" --db "$db" verify --year 2025 | tail -1
for what in status score findings diff; do
	"$kansa" --db "$db" "$what" --year 2025 --as-of "$asof" \
		>output/"$what"-2025.txt
done
"$kansa" --db "$db" plan list --as-of "$asof" --all >output/plans-2025.txt
echo
echo "== kansa report --year 2025 --as-of $asof --date 2026-02-10"
"$kansa" --db "$db" report --year 2025 --as-of "$asof" --date 2026-02-10
(cd output/2025 && sha256sum -c MANIFEST.sha256)
"$kansa" --db "$db" check-db
echo
echo "== kansa score --year 2025 --as-of $asof"
head -20 output/score-2025.txt
echo
echo "== kansa plan list --as-of $asof --all"
cat output/plans-2025.txt
echo
echo "demo: wrote output/2025/ (the workpaper, reports and MANIFEST.sha256)," \
	"output/{items.tsv,status,score,findings,diff,plans}-2025.txt and the" \
	"database $db"
