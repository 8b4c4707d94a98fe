# tests/cli/prev_year.sh: last year's figures in this year's reports are
# those of last year's final report (REVIEW.md #5).  The 前年度 監査評価 was
# scored again with this year's 基準日: evidence of last year that expired
# in between downgraded its 実施 answers, and the report contradicted the
# one the audit chief had signed.  A closed year is scored as of its
# final report's --as-of (closed_output's run).
test_plan 1

t_prev_final_figures() {
	ws=$(workspace)
	cp -r "$ROOT/kansa.ini" "$ROOT/checklists" "$ROOT/templates" "$ROOT/examples" "$ws/" ||
		{ setup_failed "previous year: a copy of the demo"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	# four records of 2024 expire after its 基準日 and before 2025's
	for id in 001 002 004 005; do
		sed -i "/^\[EV-2024-$id\]/a expires_on = 2025-06-30" examples/2024/evidence/register.ini
	done
	if ! "$KANSA" run --year 2024 --as-of 2025-03-31 --date 2025-04-10 >log 2>&1 ||
		! "$KANSA" --db output/kansa.db close --year 2024 --reason 最終版 >>log 2>&1 ||
		! "$KANSA" run --year 2024 --as-of 2025-03-31 --date 2025-04-10 >>log 2>&1 ||
		! "$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 >>log 2>&1; then
		setup_failed "previous year: the demo's runs" "$(tail -5 log)"
		return
	fi
	final=$(awk '/^全体 / { print $(NF-6), $(NF-5) }' output/2024/score.txt)
	prev=$(awk '/^前年度 令和6年度 全体 / { print $(NF-6), $(NF-5) }' output/2025/score.txt)
	# the same year as of 2025's 基準日 does differ (the test can fail)
	now=$("$KANSA" --db output/kansa.db score --year 2024 --as-of 2026-01-31 2>/dev/null |
		awk '/^全体 / { print $(NF-6), $(NF-5) }')
	if [ -n "$final" ] && [ "$prev" = "$final" ] && [ "$now" != "$final" ]; then
		ok "previous year: 前年度 in 2025's score is 2024's final report's ($final), not as of 2026-01-31 ($now)"
	else
		not_ok "previous year: 前年度 is last year's final figures" "final '$final', 前年度 '$prev', as of 2026-01-31 '$now'"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_prev_final_figures
