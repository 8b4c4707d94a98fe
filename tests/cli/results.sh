# tests/cli/results.sh: score, findings, diff and plans from outside.
# Sourced by tests/run.sh (KANSA, ROOT, BASE_WS, workspace, ok, not_ok).
test_plan 17

AS_OF=2026-01-31
EXPECT="$ROOT/tests/regress/examples"

# A workspace with both demo years imported, as `make demo` does.
demo_ws() {
	ws=$(workspace)
	cp "$BASE_WS/kansa.db" "$ws/"
	for y in 2024 2025; do
		(cd "$ws" && "$KANSA" import --year $y "$ROOT"/examples/$y/answers/*.ini \
			"$ROOT/examples/$y/evidence/register.ini" \
			"$ROOT/examples/$y/audit.ini" "$ROOT"/examples/$y/plans-*.ini) \
			>/dev/null 2>&1 || return 1
	done
	echo "$ws"
}

# regress NAME CMD...: the output of CMD equals tests/regress/examples/NAME.
regress() {
	name=$1
	shift
	if ! out=$("$@" 2>&1); then
		not_ok "regress: $name" "$out"
	elif d=$(printf '%s\n' "$out" | sed "s#$ROOT/##g" | diff -u "$EXPECT/$name" -); then
		ok "regress: $name equals the reviewed output"
	else
		not_ok "regress: $name equals the reviewed output" "$d"
	fi
}

t_examples_results() {
	ws=$(demo_ws) || { not_ok "results: the demo data imports"; return; }
	cd "$ws" || { setup_failed t_examples_results; return; }
	regress score-2025.txt "$KANSA" score --year 2025 --as-of $AS_OF
	regress score-2025-department.txt "$KANSA" score --year 2025 --as-of $AS_OF --by department
	regress findings-2025.txt "$KANSA" findings --year 2025 --as-of $AS_OF
	regress diff-2025.txt "$KANSA" diff --year 2025 --as-of $AS_OF
	regress plans-2025.txt "$KANSA" plan list --as-of $AS_OF --all
	# the story of the demo data shows
	d=$("$KANSA" diff --year 2025 --as-of $AS_OF --format tsv)
	p=$("$KANSA" plan list --as-of $AS_OF --all --format tsv)
	if printf '%s\n' "$d" | grep -q "^改善	5-4(2)	5-4(2)	実施	未実施" &&
		printf '%s\n' "$d" | grep -q "^悪化	7-4(1)オ	7-4(1)オ	未実施	実施" &&
		printf '%s\n' "$d" | grep -q "^継続	7-1(6)ウ	.*	KP-2024-001$" &&
		printf '%s\n' "$p" | grep -q "^KP-2024-002	確認済	100	"; then
		ok "results: the demo story: an improvement, a decline, a failed plan, a confirmed plan"
	else
		not_ok "results: the demo story" "$(printf '%s\n' "$d" | head -5)"
	fi
	for c in score findings; do
		if "$KANSA" $c --year 2025 --as-of $AS_OF --format json | python3 -m json.tool >/dev/null; then
			ok "results: $c --format json is JSON"
		else
			not_ok "results: $c --format json is JSON"
		fi
	done
	# TSV equals text: the overall rate
	r=$("$KANSA" score --year 2025 --as-of $AS_OF --format tsv | awk -F'\t' '$1 == "overall" {printf "%.1f", $4 * 100}')
	grep -q "^全体 (324 項目) *$r %" "$EXPECT/score-2025.txt" &&
		ok "results: score TSV and text agree ($r %)" ||
		not_ok "results: score TSV and text agree" "$r"
	cd "$ROOT" || { setup_failed t_examples_results; return; }
}

t_plan_commands() {
	ws=$(demo_ws) || { setup_failed t_plan_commands; return; }
	cd "$ws" || { setup_failed t_plan_commands; return; }
	"$KANSA" plan add KP-T-1 --item "7-1(6)ウ" --finding-year 2025 \
		--department 議事調査課 --role 情報システム管理者 \
		--action "点検を始める" --due 2026-03-31 --as-of 2026-02-01 >/dev/null 2>&1
	"$KANSA" plan update KP-T-1 --due 2026-06-30 --as-of 2026-02-10 >/dev/null 2>"$ws/err"
	rc=$?
	[ $rc -eq 3 ] && grep -q "moving the due date of plan 'KP-T-1' from 2026-03-31 to 2026-06-30 needs a reason" "$ws/err" &&
		ok "plan: moving a due date later without a reason is refused" ||
		not_ok "plan: moving a due date later without a reason is refused" "$(cat "$ws/err")"
	"$KANSA" plan update KP-T-1 --due 2026-06-30 --reason "委託先の都合" \
		--progress 20 --status 対応中 --as-of 2026-02-10 >/dev/null 2>&1
	"$KANSA" plan update KP-T-1 --progress 50 --as-of 2026-05-01 >/dev/null 2>&1
	show=$("$KANSA" plan show KP-T-1 --as-of 2026-07-01)
	if [ "$(printf '%s\n' "$show" | grep -c '^  20[0-9-]*  ')" -eq 3 ] &&
		printf '%s\n' "$show" | grep -q "理由: 委託先の都合" &&
		printf '%s\n' "$show" | grep -q "(期限超過)"; then
		ok "plan: the log keeps every version, with the reason"
	else
		not_ok "plan: the log keeps every version, with the reason" "$show"
	fi
	o1=$("$KANSA" plan list --overdue --as-of 2026-06-30 --format tsv | grep -c '^KP-T-1')
	o2=$("$KANSA" plan list --overdue --as-of 2026-07-01 --format tsv | grep -c '^KP-T-1')
	[ "$o1" -eq 0 ] && [ "$o2" -eq 1 ] &&
		ok "plan: overdue is counted against --as-of" ||
		not_ok "plan: overdue is counted against --as-of" "$o1 $o2"
	"$KANSA" plan close KP-T-1 --confirm --by 佐々木 --as-of 2026-07-02 >/dev/null 2>"$ws/err"
	[ $? -eq 3 ] && grep -q "it can be confirmed (確認済) once it is 完了" "$ws/err" &&
		ok "plan: only a 完了 plan can be confirmed" ||
		not_ok "plan: only a 完了 plan can be confirmed" "$(cat "$ws/err")"
	"$KANSA" plan close KP-T-1 --as-of 2026-07-02 >/dev/null 2>&1 &&
		"$KANSA" plan close KP-T-1 --confirm --by 佐々木 --as-of 2026-07-10 >/dev/null 2>&1 &&
		"$KANSA" plan list --all --format tsv --as-of 2026-07-10 | grep -q "^KP-T-1	確認済	100" &&
		ok "plan: close, then confirm by the audit chief" ||
		not_ok "plan: close, then confirm by the audit chief"
	n=$("$KANSA" plan suggest --year 2025 --as-of $AS_OF | grep -c '^\[KP-2025-')
	[ "$n" -gt 0 ] && ok "plan: suggest proposes skeletons ($n)" ||
		not_ok "plan: suggest proposes skeletons"
	"$KANSA" plan suggest --year 2025 --as-of $AS_OF -o s.ini >/dev/null &&
		"$KANSA" import --year 2025 s.ini >/dev/null 2>"$ws/err"
	[ $? -eq 3 ] && grep -q "needs department and action\|has no due" "$ws/err" &&
		ok "plan: an unfilled skeleton is refused on import" ||
		not_ok "plan: an unfilled skeleton is refused on import" "$(head -3 "$ws/err")"
	cd "$ROOT" || { setup_failed t_plan_commands; return; }
}

# A revised policy: the first 7-6 renumbered 7-5, one clause reworded, one
# added, one removed; the diff sees moves, not deletions and additions.
t_revised_policy() {
	ws=$(workspace)
	cd "$ws" || { setup_failed t_revised_policy; return; }
	seed="$ROOT/checklists/mito-gikai-taisaku-kijun.txt"
	"$KANSA" derive --version 2024 -o v2024.ini "$seed" >/dev/null 2>&1
	python3 - "$seed" revised.txt <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
t = t.replace("7-6 不正アクセス対策", "7-5 不正アクセス対策", 1)
# reworded
t = t.replace("情報システム管理者は、各種ログ及び情報セキュリティの確保に必要な記録を取得し、1か月程度保存しなければならない。",
              "情報システム管理者は、各種ログ及び情報セキュリティの確保に必要な記録を取得し、3か月程度保存しなければならない。")
# removed
t = t.replace("(12) IoT 機器を含む特定用途機器のセキュリティ管理\n\n情報セキュリティ責任者は、特定用途機器について、取り扱う情報、利用方法、通信回線への接続形態等により、何らかの脅威が想定される場合は、当該機器の特性に応じた対策を講じなければならない。\n\n", "")
# added
t = t.replace("(4) 研修及び訓練への参加", "(5) 標的型メール訓練\n\n情報セキュリティ管理者は、年に一回以上、標的型メールへの対応訓練を全ての議員及び職員に実施しなければならない。\n\n(4) 研修及び訓練への参加", 1)
open(sys.argv[2], "w", encoding="utf-8").write(t)
PY
	"$KANSA" derive --version 2025 -o v2025.ini revised.txt >/dev/null 2>"$ws/err"
	# the same answers both years, for the items of the roles below
	for y in 2024 2025; do
		"$KANSA" template --year $y --role 情報セキュリティ責任者 --department 事務局 -o s$y >/dev/null
		sed -e 's/^status = $/status = 実施/' -e 's/^respondent = $/respondent = x/' \
			s$y/answers-$y-security-chief.ini >a$y.ini
		"$KANSA" template --year $y --role 情報システム管理者 --department 総務課 -o t$y >/dev/null
		sed -e 's/^status = $/status = 一部実施/' t$y/answers-$y-sys-admin.ini >b$y.ini
		"$KANSA" import --year $y a$y.ini b$y.ini >/dev/null 2>&1 ||
			{ not_ok "diff: revised policy: import $y"; cd "$ROOT"; return; }
	done
	t=$("$KANSA" diff --year 2025 --as-of $AS_OF --format tsv)
	moved=$(printf '%s\n' "$t" | awk -F'\t' '$7 == "yes"' | wc -l)
	moved_5=$(printf '%s\n' "$t" | awk -F'\t' '$7 == "yes" && $2 ~ /^7-5/ && $3 ~ /^7-6\(/' | wc -l)
	moved_6=$(printf '%s\n' "$t" | awk -F'\t' '$7 == "yes" && $2 ~ /^7-6\(/ && $3 ~ /^7-6\.2/' | wc -l)
	new=$(printf '%s\n' "$t" | awk -F'\t' '$1 == "新規"' | cut -f2)
	removed=$(printf '%s\n' "$t" | awk -F'\t' '$1 == "削除"' | cut -f3)
	reworded=$(printf '%s\n' "$t" | awk -F'\t' '$6 == "yes"' | cut -f2)
	kept_moved=$(printf '%s\n' "$t" | awk -F'\t' '$7 == "yes" && ($1 != "維持" && $1 != "継続")' | wc -l)
	if [ "$moved" -eq 13 ] && [ "$moved_5" -eq 10 ] && [ "$moved_6" -eq 3 ] &&
		[ "$new" = "6-2(5)" ] && [ "$removed" = "7-1(12)" ] &&
		[ "$reworded" = "7-1(6)ア" ] && [ "$kept_moved" -eq 0 ]; then
		ok "diff: revised policy: 13 moved (7-6→7-5, 7-6.2→7-6), 1 文言変更, 1 新規, 1 削除"
	else
		not_ok "diff: revised policy" "moved=$moved ($moved_5+$moved_6) new=$new removed=$removed reworded=$reworded kept_moved=$kept_moved
$(printf '%s\n' "$t" | awk -F'\t' '$1 != "維持" || $7 == "yes"' | head -30)"
	fi
	cd "$ROOT" || { setup_failed t_revised_policy; return; }
}

t_examples_results
t_plan_commands
t_revised_policy
