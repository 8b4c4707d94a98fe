# tests/cli/xlsx_figures.sh: the workpaper's figures, read by openpyxl:
# declines are shown (no negative number stands for "no value").
# Sourced by tests/run.sh after results.sh (demo_ws, AS_OF).

t_xlsx_declines() {
	ws=$(demo_ws) || { not_ok "xlsx figures: the demo data imports"; return; }
	cd "$ws" || return
	"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 --only xlsx >/dev/null 2>&1
	if out=$(/usr/bin/python3 "$ROOT/tests/cli/check_figures.py" \
		output/2025/kansa-2025-workpaper.xlsx 2>&1); then
		ok "xlsx figures: 前年度比較 shows each decline and improvement as a signed 差"
	else
		not_ok "xlsx figures: 前年度比較 shows each decline and improvement as a signed 差" "$out"
	fi
	cd "$ROOT" || return
}

t_xlsx_declines
