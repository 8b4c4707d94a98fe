# tests/cli/zz_move.sh: a year moved to a newer policy version (issue 11):
# kansa year move shows the mapping, moves with --yes, logs it; answers
# stay on their clauses (by clause text); refused for a closed year.
test_plan 6

# mv_ws: FY 2026 (the demo's 2025 sheets, register and audit file as
# 2026's) imported under version 2024; then the policy amended (one clause
# added, chapter 7-6 renumbered 7-5) derived as version 2026.  Echoes the
# workspace.
mv_ws() {
	d=$(workspace)
	cp "$BASE_WS/kansa.db" "$BASE_WS/cl.ini" "$d/" || return 1
	mkdir "$d/2026" && cp -r "$ROOT/examples/2025/answers" "$ROOT/examples/2025/evidence" \
		"$ROOT/examples/2025/audit.ini" "$d/2026/" || return 1
	sed -i 's/^fiscal_year = 2025/fiscal_year = 2026/' "$d"/2026/answers/*.ini \
		"$d/2026/evidence/register.ini" "$d/2026/audit.ini" || return 1
	(cd "$d" && "$KANSA" import --year 2026 2026/answers/*.ini 2026/evidence/register.ini \
		2026/audit.ini) >/dev/null 2>&1 || return 1
	python3 - "$ROOT/checklists/mito-gikai-taisaku-kijun.txt" "$d/amended.txt" <<'PY' || return 1
import sys
t = open(sys.argv[1], encoding="utf-8").read()
mark = "10-3 セキュリティポリシー及び関係規程等の見直し"
assert mark in t
t = t.replace(mark, "ウ 議員及び職員は、自己点検の記録を五年間保存しなければならない。\n\n" + mark)
open(sys.argv[2], "w", encoding="utf-8").write(t)
PY
	sed -i 's/^\[renumber\]$/[renumber]\n7-6@1 = 7-5/' "$d/cl.ini" &&
		grep -q "^7-6@1 = 7-5" "$d/cl.ini" || return 1
	(cd "$d" && "$KANSA" derive --version 2026 -o cl.ini amended.txt) >/dev/null 2>&1 || return 1
	echo "$d"
}

# answers (and judgements) of FY 2026 by clause text, with status,
# comment and evidence: what must not change when the year moves.
by_text() {
	python3 - <<'PY'
import sqlite3
c = sqlite3.connect("kansa.db")
for r in c.execute("""SELECT r.department, r.role, r.system, i.text, a.status, a.comment,
        (SELECT group_concat(evidence_id) FROM (SELECT evidence_id FROM answer_evidence e
         WHERE e.respondent_id = a.respondent_id AND e.item_id = a.item_id ORDER BY seq))
    FROM answer a JOIN respondent r USING (respondent_id) JOIN fiscal_year f ON f.year = r.year
    JOIN item i ON i.policy_id = f.policy_id AND i.item_id = a.item_id
    WHERE r.year = 2026 ORDER BY 1, 2, 3, 4"""):
    print("\t".join(map(str, r)))
for r in c.execute("""SELECT i.text, j.judgement, j.finding FROM judgement j
    JOIN fiscal_year f ON f.year = j.year JOIN item i ON i.policy_id = f.policy_id
    AND i.item_id = j.item_id WHERE j.year = 2026 ORDER BY 1"""):
    print("\t".join(map(str, r)))
n = c.execute("SELECT (SELECT count(*) FROM answer a JOIN respondent r USING (respondent_id) WHERE r.year = 2026)"
              " + (SELECT count(*) FROM judgement WHERE year = 2026)").fetchone()[0]
print("rows", n)
PY
}

# The dry run shows the mapping and changes nothing; --yes moves FY 2026:
# every answer, evidence link and judgement on its clause (by text), the
# renumbered clause 攻撃への対処 answered under 7-5(2), the new clause
# 未回答 (325 items, 95.5 % as 2025's answers give with one more
# unanswered item), check-db clean.
t_move_year() {
	ws=$(mv_ws) || { setup_failed "move: FY 2026 and an amended policy"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	by_text >before.txt
	score0=$("$KANSA" score --year 2026 2>&1 | grep "^全体")
	sum0=$(sha256sum kansa.db)
	dry=$("$KANSA" year move --year 2026 --to 2026 2>&1)
	rc0=$?
	sum1=$(sha256sum kansa.db)
	out=$("$KANSA" year move --year 2026 --to 2026 --yes --reason "対策基準の改正" 2>&1)
	rc=$?
	by_text >after.txt
	score=$("$KANSA" score --year 2026 2>&1 | grep "^全体")
	db=$("$KANSA" check-db 2>&1)
	at=$(python3 -c "
import sqlite3
c = sqlite3.connect('kansa.db')
print(c.execute('''SELECT a.item_id FROM answer a JOIN respondent r USING (respondent_id)
    JOIN fiscal_year f ON f.year = r.year JOIN item i ON i.policy_id = f.policy_id
    AND i.item_id = a.item_id WHERE r.year = 2026 AND i.text LIKE '%標的型攻撃による%'
    LIMIT 1''').fetchone()[0])")
	if [ $rc0 -eq 0 ] && [ "$sum0" = "$sum1" ] && printf '%s' "$dry" | grep -q "dry run: nothing changed" &&
		printf '%s' "$dry" | grep -q "renumbered 7-6(7) → 7-5(7)" &&
		printf '%s' "$dry" | grep -q "added      10-2(2)ウ" &&
		printf '%s' "$dry" | grep -q "items: 311 same (ID and text), 13 renumbered, 0 changed, 0 removed, 1 added" &&
		[ $rc -eq 0 ] && cmp -s before.txt after.txt && [ "$(tail -1 after.txt)" != "rows 0" ] &&
		[ "$at" = "7-5(7)" ] &&
		printf '%s' "$score0" | grep -q "324 項目).*95.8 %" &&
		printf '%s' "$score" | grep -q "325 項目).*95.5 %.* 1$" &&
		printf '%s' "$db" | grep -q ": ok "; then
		ok "move: FY 2026 moved to the amended version: every answer, link and judgement on its clause (by text), 325 items, 95.5 %, check-db clean"
	else
		not_ok "move: FY 2026 to the amended version" "rc $rc0/$rc at $at score [$score0] -> [$score] $db / $dry / $out / $(diff before.txt after.txt | head -5)"
	fi
	# the year log shows the move, its reason and each changed ID
	log=$("$KANSA" year log --year 2026 2>&1)
	if printf '%s' "$log" | grep -q "policy-move  reason: 対策基準の改正" &&
		printf '%s' "$log" | grep -q "from 水戸市議会情報セキュリティ対策基準@2024 to 水戸市議会情報セキュリティ対策基準@2026" &&
		printf '%s' "$log" | grep -q "7-6(2) -> 7-5(2)"; then
		ok "move: kansa year log shows the move with its reason and the mapping"
	else
		not_ok "move: the year log" "$log"
	fi
	# the key is (version, ID): a year put back on its old version by
	# hand (its answers under the new IDs) is named by check-db
	cp kansa.db back.db
	python3 -c "
import sqlite3
c = sqlite3.connect('back.db')
c.execute('''UPDATE fiscal_year SET policy_id = (SELECT policy_id FROM policy
    WHERE version = '2024') WHERE year = 2026''')
c.commit()"
	out=$("$KANSA" check-db --db back.db 2>&1)
	rc=$?
	if [ $rc -ne 0 ] && printf '%s' "$out" | grep -q "FY 2026 .*@2024: policy version differs from the one its last policy-move" &&
		printf '%s' "$out" | grep -q "7-5(7) .*answer to an item the policy of FY 2026 does not have"; then
		ok "move: check-db names a moved year put back on another version (and its answers off their items)"
	else
		not_ok "move: check-db after a tampered move" "rc $rc: $(printf '%s' "$out" | tail -5)"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# A closed year is refused (exit 3, nothing changes, dry run too); a
# version that does not exist, or the one the year uses, is an error.
t_move_refused() {
	ws=$(mv_ws) || { setup_failed "move: FY 2026 and an amended policy"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	"$KANSA" close --year 2026 >/dev/null 2>&1 || { setup_failed "move: close"; return; }
	sum0=$(sha256sum kansa.db)
	out=$("$KANSA" year move --year 2026 --to 2026 --yes 2>&1)
	rc=$?
	out2=$("$KANSA" year move --year 2026 --to 2026 2>&1)
	rc2=$?
	if [ $rc -eq 3 ] && [ $rc2 -eq 3 ] && [ "$sum0" = "$(sha256sum kansa.db)" ] &&
		printf '%s' "$out" | grep -q "FY 2026 is closed.*moving it to another policy version is refused"; then
		ok "move: refused for a closed year (exit 3, the database untouched)"
	else
		not_ok "move: a closed year" "rc $rc $rc2: $out"
	fi
	"$KANSA" reopen --year 2026 --reason test >/dev/null 2>&1
	out=$("$KANSA" year move --year 2026 --to 2031 2>&1)
	rc=$?
	out2=$("$KANSA" year move --year 2026 --to 2024 2>&1)
	rc2=$?
	if [ $rc -eq 3 ] && printf '%s' "$out" | grep -q "no policy version '水戸市議会情報セキュリティ対策基準@2031'" &&
		[ $rc2 -eq 3 ] && printf '%s' "$out2" | grep -q "uses 水戸市議会情報セキュリティ対策基準@2024 already"; then
		ok "move: an unknown version, or the year's own, is an error naming it"
	else
		not_ok "move: unknown or same version" "rc $rc $rc2: $out / $out2"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# Items without a counterpart are reported and their answers kept in the
# history: a version with a clause deleted moves FY 2026 with that
# clause's answers in answer_history and its judgement in the log.
t_move_removed() {
	ws=$(mv_ws) || { setup_failed "move: FY 2026 and an amended policy"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	python3 - "$ROOT/checklists/mito-gikai-taisaku-kijun.txt" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
line = [l for l in t.split("\n") if "標的型攻撃による" in l][0]
open("cut.txt", "w", encoding="utf-8").write(t.replace(line + "\n", ""))
PY
	"$KANSA" derive --version 2027 -o cl2.ini cut.txt >/dev/null 2>&1 || { setup_failed "move: derive 2027"; return; }
	n0=$(python3 -c "
import sqlite3
c = sqlite3.connect('kansa.db')
print(c.execute('''SELECT count(*) FROM answer a JOIN respondent r USING (respondent_id)
    WHERE r.year = 2026 AND a.item_id = '7-6(7)' ''').fetchone()[0])")
	out=$("$KANSA" year move --year 2026 --to 2027 --yes 2>&1)
	rc=$?
	h=$(python3 -c "
import sqlite3
c = sqlite3.connect('kansa.db')
print(c.execute('''SELECT count(*) FROM answer_history h JOIN respondent r USING (respondent_id)
    WHERE r.year = 2026 AND h.item_id = '7-6(7)' ''').fetchone()[0])")
	if [ $rc -eq 0 ] && [ "$n0" -gt 0 ] && [ "$h" = "$n0" ] &&
		printf '%s' "$out" | grep -q "removed    7-6(7)" &&
		printf '%s' "$out" | grep -q "$n0 of removed items to the history" &&
		"$KANSA" year log --year 2026 2>&1 | grep -q "7-6(7) -> (none: its answers to the history)" &&
		"$KANSA" check-db >/dev/null 2>&1; then
		ok "move: a removed clause is reported, its $n0 answers kept in the history, the log names it, check-db clean"
	else
		not_ok "move: a removed clause" "rc $rc n0 $n0 history $h: $out"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_move_year
t_move_refused
t_move_removed
