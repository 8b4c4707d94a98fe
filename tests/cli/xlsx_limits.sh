# tests/cli/xlsx_limits.sh: Excel's limits (issue 15, issue 18 point 4).
# With 10,000 respondents 回答明細 needs 1.21 M rows, more than a sheet's
# 1,048,576, and the report stopped ("Worksheet row or column index out
# of range").  Such tables now go on over further sheets ("回答明細 (2)"
# ...), with the reader told where.  Without writing a million rows: the
# test hooks KANSA_TEST_XLSX_ROWS / KANSA_TEST_XLSX_COLS lower the rows
# and columns a sheet holds (they can only lower them).
test_plan 6
# Sourced by tests/run.sh after results.sh and xlsx_figures.sh (demo_ws,
# AS_OF, lo_convert).

t_xlsx_limits() {
	ws=$(demo_ws) || { setup_failed "xlsx limits: the demo data imports"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	rep() { "$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 --only xlsx -o "$@"; }
	book=kansa-2025-workpaper.xlsx
	if ! rep whole >/dev/null 2>&1 || ! KANSA_TEST_XLSX_ROWS=300 rep rows >/dev/null 2>&1 ||
		! KANSA_TEST_XLSX_COLS=8 rep cols >/dev/null 2>&1; then
		setup_failed "xlsx limits: the reports"
		return
	fi
	if out=$(/usr/bin/python3 "$ROOT/tests/cli/check_limits.py" rows whole/$book rows/$book 300 2>&1); then
		ok "xlsx limits: tables past a sheet's rows go on over further sheets, notes and cover say where ($out)"
	else
		not_ok "xlsx limits: tables past a sheet's rows go on over further sheets" "$out"
	fi
	# 部署別's formulas sum blocks of 部署別明細 that now straddle its parts
	if /usr/bin/python3 "$ROOT/tests/cli/check_live.py" strip rows/$book stripped.xlsx >/dev/null &&
		lo_convert "$ws/lo" "$ws/stripped.xlsx" xlsx && [ -s lo/out/stripped.xlsx ] &&
		out=$(/usr/bin/python3 "$ROOT/tests/cli/check_live.py" compare rows/$book \
			lo/out/stripped.xlsx 集計 部署別 2>/dev/null); then
		ok "xlsx limits: over continued sheets, $out"
	else
		not_ok "xlsx limits: over continued sheets, the cached values equal LibreOffice's" "$out"
	fi
	if out=$(/usr/bin/python3 "$ROOT/tests/cli/check_limits.py" cols whole/$book cols/$book 8 2>&1); then
		ok "xlsx limits: chapters past a sheet's columns go on over further 部署別 sheets ($out)"
	else
		not_ok "xlsx limits: chapters past a sheet's columns go on over further sheets" "$out"
	fi
	KANSA_TEST_XLSX_ROWS=300 rep again >/dev/null 2>&1
	if cmp -s rows/$book again/$book; then
		ok "xlsx limits: a continued workbook is byte-identical when made again"
	else
		not_ok "xlsx limits: a continued workbook is byte-identical when made again"
	fi
	# the hooks cannot raise a limit, and a bad value changes nothing
	KANSA_TEST_XLSX_ROWS=99999999 KANSA_TEST_XLSX_COLS=x rep big >/dev/null 2>&1
	KANSA_TEST_XLSX_ROWS=3 rep tiny >/dev/null 2>&1
	if cmp -s whole/$book big/$book && cmp -s whole/$book tiny/$book; then
		ok "xlsx limits: a hook value above Excel's limit, below the least or not a number changes nothing"
	else
		not_ok "xlsx limits: a hook value above Excel's limit, below the least or not a number changes nothing"
	fi
	# without the hook, nothing is continued in the demo
	out=$(/usr/bin/python3 -c '
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
print(" ".join(n for n in wb.sheetnames if "(" in n) or "none")' whole/$book 2>&1)
	if [ "$out" = none ]; then
		ok "xlsx limits: the demo's workbook has no continued sheet"
	else
		not_ok "xlsx limits: the demo's workbook has no continued sheet" "$out"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_xlsx_limits
