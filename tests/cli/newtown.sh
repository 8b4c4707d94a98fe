# tests/cli/newtown.sh: a new municipality with another numbering style
# (第N章/第N条/項/号) and its own roles goes from `kansa init` to
# `kansa run` with nothing but settings in its workspace.
# Sourced by tests/run.sh, which provides KANSA, ROOT, workspace, ok,
# not_ok and check.
test_plan 3

t_new_town() {
	d=$(workspace)
	"$KANSA" init --organisation 架空町 --year 2025 "$d/ws" >/dev/null 2>"$d/err" || {
		setup_failed t_new_town "$(cat "$d/err")"
		return
	}
	cd "$d/ws" || { setup_failed t_new_town; return; }
	if grep -q "^addressee = 架空町議長　様$" templates/report.ini &&
		grep -q "^basis_clause =$" templates/report.ini &&
		! grep -rq "水戸" templates kansa.ini; then
		ok "newtown: init writes the organisation's own report settings, nothing of the council"
	else
		not_ok "newtown: init writes the organisation's own report settings" "$(grep -n 'addressee\|basis\|水戸' templates/*.ini kansa.ini)"
	fi
	cp "$ROOT/tests/policies/jourei.txt" checklists/policy.txt
	cat >>kansa.ini <<'INI'

[roles]
default = 職員
CISO = ciso
情報セキュリティ責任者 = sec-chief
情報セキュリティ管理者 = sec-manager
情報システム管理者 = sys-admin
情報システム担当者 = sys-staff
職員 = staff, 職員等
委託事業者 = contractor
INI
	"$KANSA" derive checklists/policy.txt >derive.out 2>&1 &&
		"$KANSA" template --year 2025 --department 総務課 -o 2025/answers >/dev/null 2>&1
	for f in 2025/answers/*.ini; do
		sed -i 's/^status =.*/status = 実施/; s/^respondent =.*/respondent = 架空 花子/; s/^answered_on =.*/answered_on = 2025-10-15/' "$f"
	done
	# a name to be written in later, left as ○○ ○○
	sed -i 's/^addressee = .*/addressee = 架空町議長 ○○ ○○ 様/' templates/report.ini
	out=$("$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 2>&1)
	rc=$?
	sheets=$(ls 2025/answers | tr '\n' ' ')
	if [ $rc -eq 0 ] && grep -q "^style:     jourei" derive.out &&
		[ "$sheets" = "answers-2025-ciso.ini answers-2025-contractor.ini answers-2025-sec-chief.ini answers-2025-sec-manager.ini answers-2025-staff.ini answers-2025-sys-admin.ini answers-2025-sys-staff.ini " ] &&
		printf '%s' "$out" | grep -q "架空町 令和7年度 (2025) 基準日 2026-01-31" &&
		printf '%s' "$out" | grep -q "自己評価 100.0 %" &&
		"$KANSA" items --format tsv | grep -q "^第4条第1項第1号イ	必須	情報システム管理者	"; then
		ok "newtown: init, derive (jourei style), template (own roles) and run"
	else
		not_ok "newtown: init, derive (jourei style), template (own roles) and run" "rc $rc sheets '$sheets' $out $(cat derive.out)"
	fi
	letter=$(pdftotext output/2025/kansa-2025-ciso.pdf - 2>/dev/null | tr -d "\n")
	if printf '%s' "$out" | grep -q "warning: addressee '架空町議長 ○○ ○○ 様' still has ○○ to fill in" &&
		printf '%s' "$letter" | grep -q "架空町議長" &&
		printf '%s' "$letter" | grep -q "について、下記のとおり報告する。" &&
		! printf '%s' "$letter" | grep -q "10-1(4)"; then
		ok "newtown: the letter cites no council clause, and run warns of the ○○ left in it"
	else
		not_ok "newtown: the letter cites no council clause, and run warns of the ○○ left in it" "$out
$(printf '%s' "$letter" | head -12)"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_new_town
