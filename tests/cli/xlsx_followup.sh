# tests/cli/xlsx_followup.sh: the workpaper's 前年度指摘のフォローアップ,
# read by openpyxl, against `kansa findings` (issue 15).
test_plan 2
# Sourced by tests/run.sh after results.sh (demo_ws, AS_OF).

t_xlsx_followup() {
	ws=$(demo_ws) || { setup_failed "xlsx follow-up: the demo data imports"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	"$KANSA" findings --year 2025 --as-of $AS_OF >findings.txt 2>&1 &&
		"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 --only xlsx >/dev/null 2>&1 ||
		{ setup_failed "xlsx follow-up: findings and report"; return; }
	if out=$(/usr/bin/python3 "$ROOT/tests/cli/check_followup.py" \
		output/2025/kansa-2025-workpaper.xlsx findings.txt 2>&1); then
		ok "xlsx follow-up: $out"
	else
		not_ok "xlsx follow-up: last year's findings on 前年度指摘のフォローアップ" "$out"
	fi
	# the first year has none to follow: the sheet says so
	"$KANSA" report --year 2024 --as-of 2025-03-31 --date 2025-04-10 --only xlsx >/dev/null 2>&1
	out=$(/usr/bin/python3 -c '
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["前年度指摘のフォローアップ"]
print(ws["A1"].value, ws.max_row)' output/2024/kansa-2024-workpaper.xlsx 2>&1)
	case $out in
	"前年度の監査結果がありません。 1") ok "xlsx follow-up: a year without a previous one says so" ;;
	*) not_ok "xlsx follow-up: a year without a previous one says so" "$out" ;;
	esac
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_xlsx_followup
