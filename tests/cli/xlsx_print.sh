# tests/cli/xlsx_print.sh: the workpaper printed through LibreOffice.
# 監査調書 (23 columns) once printed one page wide at about 45 % on A3;
# now each band of rows prints on two A3 landscape pages at 70 %, the
# item and judgements, then the auditor's findings, nothing spilling
# onto a third page.
test_plan 1
# Sourced by tests/run.sh after results.sh and xlsx_figures.sh (demo_ws,
# AS_OF, lo_convert).

t_xlsx_print_auditor() {
	ws=$(demo_ws) || { not_ok "xlsx print: the demo data imports"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 --only xlsx >/dev/null 2>&1
	if ! lo_convert "$ws/lo" "$ws/output/2025/kansa-2025-workpaper.xlsx" pdf ||
		[ ! -s lo/out/kansa-2025-workpaper.pdf ] ||
		! pdftotext lo/out/kansa-2025-workpaper.pdf pages.txt; then
		not_ok "xlsx print: LibreOffice prints the workpaper" "$(cat lo/log 2>/dev/null)"
		cd "$ROOT"
		return
	fi
	# per page (form feeds): left half, right half, a spilled third
	out=$(awk 'BEGIN { RS = "\f" }
		/通番/ && /項目ID/ {
			l = index($0, "監査資料の例") > 0
			r = index($0, "所見") > 0 && index($0, "被監査部門の回答") > 0
			if (l && r) both++
			else if (l) left++
			else if (r) right++
			else if (index($0, "監査担当") || index($0, "実施日")) spill++
		}
		END { printf "%d %d %d %d", left, right, both, spill }' pages.txt)
	size=$(pdfinfo -f 3 -l 3 lo/out/kansa-2025-workpaper.pdf | grep -c "1190.55 x 841.89")
	set -- $out
	if [ "$1" -gt 10 ] && [ "$1" -eq "$2" ] && [ "$3" -eq 0 ] && [ "$4" -eq 0 ] && [ "$size" -eq 1 ]; then
		ok "xlsx print: 監査調書 prints on A3 landscape, two pages per band of rows ($1 + $2 pages)"
	else
		not_ok "xlsx print: 監査調書 prints two A3 pages per band" \
			"left $1, right $2, one page wide $3, spilled $4, A3 landscape on page 3: $size"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_xlsx_print_auditor
