# tests/cli/review_low.sh: LOW findings of the independent review
# (REVIEW.md #9, #10, #17), each as a new council meets it: a kansa init
# workspace with the demo's 2025 files.
test_plan 3

# rl_ws: a kansa init workspace with the demo policy and 2025 files.
rl_ws() {
	d=$(seed_ws 試験町議会 2025) || return 1
	echo "$d/ws"
}

# #9: an audit file with scope and no departments (README.txt's own
# example) printed the scope under 対象部署 in 監査の概要.  The scope has
# its own row (監査の範囲); 対象部署 says every department.
t_rl_scope_row() {
	ws=$(rl_ws) || { setup_failed "review (low): a workspace"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	sed -i '/^departments = 議会事務局、/d; s/^scope = .*/scope = 対策基準の全項目（試験）/' 2025/audit.ini
	if ! out=$("$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 2>&1); then
		setup_failed "review (low): kansa run" "$out"
		return
	fi
	txt=$(pdftotext -layout output/2025/kansa-2025-audit.pdf - 2>/dev/null)
	if printf '%s\n' "$txt" | grep -q '^ *監査の範囲 *対策基準の全項目（試験）' &&
		printf '%s\n' "$txt" | grep -q '^ *対象部署 *対策基準の適用を受ける全部署' &&
		! printf '%s\n' "$txt" | grep -q '^ *対象部署 *対策基準の全項目（試験）'; then
		ok "review (low): the audit's scope is printed as 監査の範囲, never under 対象部署"
	else
		not_ok "review (low): the audit's scope is printed as 監査の範囲" \
			"$(printf '%s\n' "$txt" | grep -E '監査の範囲|対象部署' | head -5)"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# #10: kansa year start 2026 wrote 2026/answers/answers-2025-*.ini: next
# year's sheets carried last year's number in their file names.
t_rl_year_start_names() {
	ws=$(rl_ws) || { setup_failed "review (low): a workspace"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	mv 2025/answers/gikai-ciso.ini 2025/answers/answers-2025-ciso.ini
	mv 2025/answers/somu-csirt.ini 2025/answers/csirt2025.ini
	mv 2025/answers/dx-audit-chief.ini 2025/answers/dx-120250.ini
	if ! out=$("$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 2>&1 &&
		"$KANSA" year start 2026 2>&1); then
		setup_failed "review (low): kansa run and year start" "$out"
		return
	fi
	if [ -f 2026/answers/answers-2026-ciso.ini ] && [ -f 2026/answers/csirt2026.ini ] &&
		[ -f 2026/answers/dx-120250.ini ] &&
		[ -z "$(find 2026/answers -name '*2025*' ! -name dx-120250.ini)" ] &&
		grep -q '^fiscal_year = 2026' 2026/answers/answers-2026-ciso.ini; then
		ok "review (low): kansa year start 2026 names carried sheets answers-2026-…, csirt2026.ini, not …2025… (dx-120250.ini: no year, kept)"
	else
		not_ok "review (low): kansa year start names next year's sheets with next year" "$(ls 2026/answers)"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# #17: the first plans progress report ever cited a 前回報告 three months
# earlier that never existed.  It says there was none; the next one cites
# the first as its 前回報告.
t_rl_first_plans_report() {
	ws=$(rl_ws) || { setup_failed "review (low): a workspace"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	if ! out=$("$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 2>&1 &&
		"$KANSA" report plans --as-of 2026-01-31 --date 2026-02-10 -o p1 2>&1 &&
		"$KANSA" report plans --as-of 2026-03-31 --date 2026-04-10 -o p2 2>&1); then
		setup_failed "review (low): kansa run and two plans reports" "$out"
		return
	fi
	one=$(pdftotext p1/kansa-plans-2026-01-31.pdf - 2>/dev/null | tr -d '\n')
	two=$(pdftotext p2/kansa-plans-2026-03-31.pdf - 2>/dev/null | tr -d '\n')
	if printf '%s' "$one" | grep -q '前回の報告はないため、進捗は令和7年10月31日現在からの変化を示す' &&
		! printf '%s' "$one" | grep -q '前回報告' &&
		printf '%s' "$two" | grep -q '進捗は前回報告（令和8年1月31日現在）からの変化を示す'; then
		ok "review (low): the first plans report cites no 前回報告; the next cites the first"
	else
		not_ok "review (low): the first plans report cites no 前回報告" \
			"$(printf '%s' "$one" | grep -o '報告する。[^。]*。' | head -1) / $(printf '%s' "$two" | grep -o '報告する。[^。]*。' | head -1)"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_rl_scope_row
t_rl_year_start_names
t_rl_first_plans_report
