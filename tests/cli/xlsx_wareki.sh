# tests/cli/xlsx_wareki.sh: the workbooks show dates in 和暦 as the PDFs
# do: 表紙 and 集計 in text (令和8年1月31日), date cells with a 和暦 number
# format that Excel and LibreOffice both display; the cover's 監査実施日 is
# left-aligned like its other values.
test_plan 3
# Sourced by tests/run.sh after results.sh (demo_ws, AS_OF).

# wk_print DIR FILE: LibreOffice headless prints FILE to DIR/out/*.pdf,
# with its own profile and HOME.
wk_print() {
	mkdir -p "$1/home" "$1/out"
	HOME="$1/home" timeout --kill-after=30 900 soffice --headless \
		"-env:UserInstallation=file://$1/profile" \
		--convert-to pdf --outdir "$1/out" "$2" >"$1/log" 2>&1
}

t_xlsx_wareki() {
	if ! command -v demo_ws >/dev/null 2>&1; then
		setup_failed "xlsx wareki" "no demo_ws: run after tests/cli/results.sh"
		not_ok "xlsx wareki: no workbook to print"
		not_ok "xlsx wareki: no plans workbook"
		return
	fi
	ws=$(demo_ws) || {
		setup_failed "xlsx wareki: the demo data imports"
		not_ok "xlsx wareki: no workbook to print"
		not_ok "xlsx wareki: no plans workbook"
		return
	}
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 --only xlsx >r.log 2>&1
	"$KANSA" report plans --as-of $AS_OF --date 2026-02-10 >p.log 2>&1
	book=output/2025/kansa-2025-workpaper.xlsx
	plans=output/2025/kansa-plans-$AS_OF.xlsx
	if [ -s "$book" ] && out=$(/usr/bin/python3 "$ROOT/tests/cli/check_wareki.py" "$book" 2>&1); then
		ok "xlsx wareki: 表紙 and 集計 show 和暦 (令和…), date cells keep dates with a 和暦 format, 監査実施日 left-aligned"
	else
		not_ok "xlsx wareki: 表紙 and 集計 show 和暦, date cells have a 和暦 format" "$(cat r.log) $out"
	fi
	if [ -s "$plans" ] && out=$(/usr/bin/python3 "$ROOT/tests/cli/check_wareki.py" "$book" "$plans" 2>&1); then
		ok "xlsx wareki: the plans workbook's dates are 和暦 too"
	else
		not_ok "xlsx wareki: the plans workbook's dates are 和暦" "$(cat p.log) $out"
	fi
	# LibreOffice prints the cover (page 1) with its dates in 和暦,
	# the date cell 監査実施日 through its number format, and the
	# 監査調書's 実施日 in the short form (R8.1.13)
	if wk_print "$ws/lo" "$ws/$book" && [ -s lo/out/kansa-2025-workpaper.pdf ] &&
		pdftotext -layout -f 1 -l 1 lo/out/kansa-2025-workpaper.pdf p1.txt &&
		pdftotext -layout lo/out/kansa-2025-workpaper.pdf all.txt &&
		grep -q "監査実施日 *令和8年1月23日" p1.txt &&
		grep -q "基準日 (証跡の期限・計画の期限) *令和8年1月31日" p1.txt &&
		grep -q "報告日 *令和8年2月10日" p1.txt &&
		! grep -q "[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]" p1.txt &&
		grep -q "R8\.1\.1[0-9]" all.txt; then
		ok "xlsx wareki: LibreOffice prints the cover's dates (監査実施日 a date cell) and the table dates in 和暦"
	else
		not_ok "xlsx wareki: LibreOffice prints the cover's dates in 和暦" \
			"$(cat p1.txt 2>/dev/null | head -30) $(cat lo/log 2>/dev/null)"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_xlsx_wareki
