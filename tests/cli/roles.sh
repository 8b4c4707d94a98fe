# tests/cli/roles.sh: roles as workspace configuration ([roles] in
# kansa.ini): names, aliases, whole-name matching, default, slugs.
# Sourced by tests/run.sh, which provides KANSA, ROOT, workspace, ok,
# not_ok and check.

test_plan 8

t_roles_from_workspace() {
	ws=$(workspace)
	mkdir -p "$ws/checklists"
	cat >"$ws/kansa.ini" <<'INI'
[kansa]
kind = workspace

[workspace]
policy = checklists/town.txt

[roles]
default = 職員
統括情報セキュリティ責任者 = chief
情報セキュリティ責任者 = sec-chief
職員 = staff, 職員等
電算機管理者 = computer-admin
INI
	cat >"$ws/checklists/town.txt" <<'TXT'
架空町情報セキュリティ要綱(以下「要綱」という。)
1 組織
(1) 統括情報セキュリティ責任者は、要綱の運用を統括しなければならない。
(2) 情報セキュリティ責任者は、統括情報セキュリティ責任者を補佐しなければならない。
(3) 職員等は、要綱を遵守しなければならない。
(4) 電算機管理者は、電算機の稼働状況を記録しなければならない。
(5) 研修に参加しなければならない。
(6) 情報政策課長は、年間計画を作成しなければならない。
(7) 情報政策課長は、計画の実施状況を報告しなければならない。
TXT
	(cd "$ws" && "$KANSA" derive checklists/town.txt) >"$ws/out" 2>"$ws/err"
	got=$(cd "$ws" && "$KANSA" items --format tsv | cut -f1,3 | tail -n +2 | tr '\t\n' '=;')
	want="1(1)=統括情報セキュリティ責任者;1(2)=情報セキュリティ責任者;1(3)=職員;1(4)=電算機管理者;1(5)=職員;1(6)=職員;1(7)=職員;"
	if [ "$got" = "$want" ]; then
		ok "roles: [roles] of kansa.ini: aliases, whole names, default"
	else
		not_ok "roles: [roles] of kansa.ini: aliases, whole names, default" "$got
$(cat "$ws/err")"
	fi
	if grep -q "subject '情報政策課長' .* is no known role (2 times, lines 8, 9)" "$ws/err"; then
		ok "roles: derive lists subjects that are no known role"
	else
		not_ok "roles: derive lists subjects that are no known role" "$(cat "$ws/err")"
	fi
	(cd "$ws" && "$KANSA" template --year 2025 -o sheets) >/dev/null 2>"$ws/err"
	files=$(cd "$ws/sheets" 2>/dev/null && ls | tr '\n' ' ')
	if [ "$files" = "answers-2025-chief.ini answers-2025-computer-admin.ini answers-2025-sec-chief.ini answers-2025-staff.ini " ]; then
		ok "roles: template names sheets by the workspace's slugs"
	else
		not_ok "roles: template names sheets by the workspace's slugs" "$files $(cat "$ws/err")"
	fi
	rc=0
	(cd "$ws" && "$KANSA" items --role 職員等) >"$ws/out" 2>&1 || rc=$?
	if [ "$rc" -eq 0 ] && grep -q "1(5)" "$ws/out"; then
		ok "roles: items --role takes an alias"
	else
		not_ok "roles: items --role takes an alias" "rc=$rc $(cat "$ws/out")"
	fi
	sed -i 's/^default = 職員$/default = 課長/' "$ws/kansa.ini"
	rc=0
	(cd "$ws" && "$KANSA" derive checklists/town.txt) >"$ws/out" 2>"$ws/err" || rc=$?
	if [ "$rc" -eq 3 ] && grep -q "kansa.ini:8: .*\[roles\] default '課長' is none of its roles" "$ws/err"; then
		ok "roles: a wrong [roles] is refused with file:line"
	else
		not_ok "roles: a wrong [roles] is refused with file:line" "rc=$rc $(cat "$ws/err")"
	fi
}

t_roles_from_workspace

# A reviewer's corrections in the checklist outlive the next derive.
t_corrections_last() {
	ws=$(workspace)
	mkdir -p "$ws/checklists"
	cp "$ROOT/tests/policies/council.txt" "$ws/checklists/p.txt"
	(cd "$ws" && "$KANSA" derive checklists/p.txt) >/dev/null 2>&1
	ini="$ws/checklists/p.ini"
	# a direct edit of roles and level, explicit corrections, an item
	# marked no obligation and an added one
	python3 - "$ini" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace("[1-1(1)]\n", "[1-1(1)]\ncorrect_roles = CISO,情報セキュリティ責任者\n", 1)
s = re.sub(r"(\[1-1\(2\)\]\n(?:.*\n)*?roles = )情報セキュリティ責任者", r"\1CISO", s, 1)
s = re.sub(r"(\[1-2\(1\)\]\n(?:.*\n)*?level = )必須", r"\1推奨", s, 1)
s = s.replace("[1-2(2)]\n", "[1-2(2)]\nnot_obligation = 第1-2(1)と同じ内容\n", 1)
s = s.replace("[2-1(1)]\n", "[1-2(9)]\nadded = 本文の別表から\ntext = 別表の手順を守らなければならない。\nroles = 情報システム管理者\nlevel = 必須\nchapter = 1\nsection = 1-2\n\n[2-1(1)]\n", 1)
open(p, "w", encoding="utf-8").write(s)
PY
	(cd "$ws" && "$KANSA" derive checklists/p.txt) >"$ws/out" 2>"$ws/err"
	(cd "$ws" && "$KANSA" items --format tsv) | cut -f1-3 >"$ws/items"
	if grep -q "^1-1(1)	必須	CISO,情報セキュリティ責任者$" "$ws/items" &&
		grep -q "^1-1(2)	必須	CISO$" "$ws/items" &&
		grep -q "^1-2(1)	推奨	" "$ws/items" &&
		! grep -q "^1-2(2)	" "$ws/items" &&
		grep -A1 "^1-2(1)	" "$ws/items" | grep -q "^1-2(9)	必須	情報システム管理者$" &&
		grep -q "^correct_roles = CISO$" "$ini" &&
		grep -q "^correct_level = 推奨$" "$ini" &&
		grep -q "item '1-1(2)': roles edited to 'CISO'" "$ws/err"; then
		ok "review: corrections, a direct edit, not_obligation and an added item are kept"
	else
		not_ok "review: corrections, a direct edit, not_obligation and an added item are kept" "$(cat "$ws/err" "$ws/items" | head -30)"
	fi
	# derive again: the same; then the text under a correction changes
	cp "$ini" "$ws/kept.ini"
	(cd "$ws" && "$KANSA" derive checklists/p.txt) >"$ws/out" 2>"$ws/err"
	if cmp -s "$ini" "$ws/kept.ini" && grep -q "(unchanged)" "$ws/out"; then
		ok "review: a second derive leaves the corrected checklist as it is"
	else
		not_ok "review: a second derive leaves the corrected checklist as it is" "$(diff "$ws/kept.ini" "$ini")"
	fi
	sed -i 's/^(1) CISOは、情報セキュリティ対策の実施状況を毎年度確認しなければならない。/(1) CISOは、情報セキュリティ対策の実施状況を四半期ごとに確認しなければならない。/' "$ws/checklists/p.txt"
	(cd "$ws" && "$KANSA" derive checklists/p.txt) >"$ws/out" 2>"$ws/err"
	if grep -q "item '1-1(1)': the policy text under your correction changed (was 'CISOは、情報セキュリティ対策の実施状況を毎年度確認しなければならない。', now '.*四半期ごと" "$ws/err" &&
		(cd "$ws" && "$KANSA" items --format tsv) | grep -q "^1-1(1)	必須	CISO,情報セキュリティ責任者	"; then
		ok "review: a changed text under a correction is reported item by item"
	else
		not_ok "review: a changed text under a correction is reported item by item" "$(cat "$ws/err")"
	fi
}

t_corrections_last
