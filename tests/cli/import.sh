# tests/cli/import.sh: template, import, verify and status from outside.
# Sourced by tests/run.sh (KANSA, ROOT, workspace, ok, not_ok, check).
# (one result per folder of tests/bad/import)
test_plan $((14 + $(ls -d "$ROOT"/tests/bad/import/*/ | wc -l)))

# $BASE_WS (made once by tests/run.sh): the seed policy derived as
# version 2024 into its kansa.db.

db_sum() {
	sha256sum "$1" | cut -d' ' -f1
}

# Each folder of tests/bad/import: the files, args, the exit status and
# the exact messages expected; a refused import leaves the database as it
# was, byte for byte.
t_bad_imports() {
	for c in "$ROOT"/tests/bad/import/*/; do
		n=$(basename "$c")
		ws=$(workspace)
		cp -r "$c". "$ws/"
		cp "$BASE_WS/kansa.db" "$ws/"
		before=$(db_sum "$ws/kansa.db")
		# shellcheck disable=SC2046
		(cd "$ws" && "$KANSA" import $(cat args)) >/dev/null 2>"$ws/got"
		rc=$?
		after=$(db_sum "$ws/kansa.db")
		want=$(cat "$ws/status")
		if [ "$rc" -ne "$want" ]; then
			not_ok "import: bad input $n exits $want (got $rc)" \
				"$(cat "$ws/got")"
		elif ! d=$(diff -u "$ws/expected" "$ws/got"); then
			not_ok "import: bad input $n: the expected messages" "$d"
		elif [ "$want" -ne 0 ] && [ "$before" != "$after" ]; then
			not_ok "import: bad input $n leaves the database unchanged"
		elif [ "$want" -eq 0 ] && [ "$before" = "$after" ]; then
			not_ok "import: $n is accepted and stored"
		else
			ok "import: bad input $n"
		fi
	done
}

t_round_trip() {
	ws=$(workspace)
	cp "$BASE_WS/kansa.db" "$ws/"
	mkdir -p "$ws/ev/2025"
	printf 'ログ設定\n' >"$ws/ev/2025/log.txt"
	printf '[kansa]\nkind = evidence\nfiscal_year = 2025\n[EV#7]\ntitle = "ログ設定; 画面"\nfile = 2025\\log.txt\ncollected_on = 2025/09/01\n' \
		>"$ws/ev/register.ini"
	(cd "$ws" && "$KANSA" template --year 2025 --role 情報システム管理者 \
		--department 議事調査課 -o sheets) >"$ws/out" 2>&1 ||
		{ not_ok "template: writes the sheet" "$(cat "$ws/out")"; return; }
	grep -q "answers-2025-sys-admin.ini: 情報システム管理者, 121 items" "$ws/out" &&
		ok "template: one sheet for the role with its 121 items" ||
		not_ok "template: one sheet for the role with its 121 items" "$(cat "$ws/out")"
	# the evidence ID has a '#': quoted in the register, quoted in answers
	python3 "$ROOT/tests/cli/fill_sheet.py" \
		"$ws/sheets/answers-2025-sys-admin.ini" "$ws/filled.ini" \
		"$ws/expected.json" 'EV#7' || { not_ok "import: fill the sheet"; return; }
	sed -i 's/^evidence = EV#7/evidence = "EV#7"/; s/^\[EV#7\]/[EV#7]/' "$ws/filled.ini"
	if (cd "$ws" && "$KANSA" import --year 2025 filled.ini ev/register.ini) \
		>"$ws/out" 2>&1 &&
		out=$(python3 "$ROOT/tests/cli/check_store.py" "$ws/kansa.db" \
			"$ws/expected.json" 議事調査課 2>&1); then
		ok "import: round trip keeps every answer, comment and evidence link ($out)"
	else
		not_ok "import: round trip keeps every answer, comment and evidence link" \
			"$(cat "$ws/out"; echo "$out")"
	fi
	before=$(db_sum "$ws/kansa.db")
	out=$(cd "$ws" && "$KANSA" import --year 2025 filled.ini ev/register.ini 2>/dev/null)
	if [ "$before" = "$(db_sum "$ws/kansa.db")" ] &&
		[ "$(printf '%s\n' "$out" | grep -c 'unchanged: imported before')" -eq 2 ]; then
		ok "import: the identical files again change nothing and say so"
	else
		not_ok "import: the identical files again change nothing and say so" "$out"
	fi
	# a new version of the sheet replaces the answers; the old go to history
	sed -i 's/^status = 未実施/status = 実施/' "$ws/filled.ini"
	out=$(cd "$ws" && "$KANSA" import --year 2025 filled.ini 2>/dev/null)
	hist=$(python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute("SELECT count(*), count(DISTINCT file_sha256) FROM answer_history").fetchone(),
      c.execute("SELECT count(*) FROM answer WHERE status = ?", ("未実施",)).fetchone()[0])' "$ws/kansa.db")
	case "$out|$hist" in
	*"(replaced; the previous answers are kept in the history)|(121, 1) 0")
		ok "import: a new version replaces the answers and keeps the old in history" ;;
	*) not_ok "import: a new version replaces the answers and keeps the old in history" "$out $hist" ;;
	esac
	# verify: ok, then a changed and a removed file
	(cd "$ws" && "$KANSA" verify --year 2025) >"$ws/v1" 2>&1
	rc1=$?
	printf 'changed\n' >>"$ws/ev/2025/log.txt"
	(cd "$ws" && "$KANSA" verify --year 2025) >"$ws/v2" 2>&1
	rc2=$?
	rm "$ws/ev/2025/log.txt"
	(cd "$ws" && "$KANSA" verify --year 2025) >"$ws/v3" 2>&1
	rc3=$?
	if [ $rc1 -eq 0 ] && grep -q "^ok       EV#7  ev/2025/log.txt" "$ws/v1" &&
		[ $rc2 -eq 1 ] && grep -q "^changed  EV#7" "$ws/v2" && grep -q "was " "$ws/v2" &&
		[ $rc3 -eq 1 ] && grep -q "^missing  EV#7" "$ws/v3"; then
		ok "verify: detects a changed and a removed evidence file (exit 1)"
	else
		not_ok "verify: detects a changed and a removed evidence file (exit 1)" \
			"$(cat "$ws/v1" "$ws/v2" "$ws/v3")"
	fi
	(cd "$ws" && "$KANSA" status --year 2025 --as-of 2026-01-01) >"$ws/st" 2>&1
	if grep -q "^令和7年度 (2025)" "$ws/st" &&
		grep -q "^  議事調査課 / 情報システム管理者 / 会議録検索システム$" "$ws/st" &&
		grep -q "^      水戸 太郎, answered 2025-10-15" "$ws/st" &&
		grep -q "EV#7 .*missing at the last verify" "$ws/st" &&
		grep -q "^証跡のない回答 / answers without evidence: [1-9]" "$ws/st" &&
		grep -q "no answer from CISO" "$ws/st"; then
		ok "status: respondents, 未回答, answers without evidence, evidence problems"
	else
		not_ok "status: respondents, 未回答, answers without evidence, evidence problems" \
			"$(head -30 "$ws/st")"
	fi
}

t_year_rules() {
	ws=$(workspace)
	cp "$BASE_WS/kansa.db" "$ws/"
	(cd "$ws" && "$KANSA" template --year 2023 -o s) >/dev/null 2>"$ws/err"
	[ $? -eq 3 ] && grep -q "no policy version is in force for fiscal year 2023" "$ws/err" &&
		ok "import: no checklist in force before its version's year" ||
		not_ok "import: no checklist in force before its version's year" "$(cat "$ws/err")"
	(cd "$ws" && "$KANSA" import --year 2025 --policy other@1 x.ini) >/dev/null 2>"$ws/err"
	[ $? -eq 3 ] && grep -q "no policy 'other@1'" "$ws/err" &&
		ok "import: an unknown --policy is refused" ||
		not_ok "import: an unknown --policy is refused" "$(cat "$ws/err")"
	(cd "$ws" && "$KANSA" import --year 2025 missing.ini) >/dev/null 2>"$ws/err"
	[ $? -eq 3 ] && grep -q "missing.ini: cannot open" "$ws/err" &&
		ok "import: a file that is not there exits 3 naming it" ||
		not_ok "import: a file that is not there exits 3 naming it" "$(cat "$ws/err")"
}

t_bad_imports
t_round_trip
t_year_rules

# The demo data imports cleanly: only the notices of its Shift_JIS sheets.
t_examples() {
	ws=$(workspace)
	cp "$BASE_WS/kansa.db" "$ws/"
	for y in 2024 2025; do
		(cd "$ws" && "$KANSA" import --year $y "$ROOT"/examples/$y/answers/*.ini \
			"$ROOT/examples/$y/evidence/register.ini") >"$ws/out$y" 2>"$ws/err$y"
		rc=$?
		if [ $rc -eq 0 ] && [ "$(wc -l <"$ws/err$y")" -eq 1 ] &&
			grep -q "gijichosa-members-staff.ini: notice: converted from Shift_JIS" "$ws/err$y" &&
			[ "$(grep -c '(new)$' "$ws/out$y")" -eq 15 ]; then
			ok "examples: $y imports cleanly (14 sheets and a register)"
		else
			not_ok "examples: $y imports cleanly (14 sheets and a register)" \
				"$(cat "$ws/err$y" "$ws/out$y" | head)"
		fi
	done
	(cd "$ws" && "$KANSA" verify --year 2025) >/dev/null 2>&1 &&
		ok "examples: every evidence file of 2025 verifies" ||
		not_ok "examples: every evidence file of 2025 verifies"
	(cd "$ws" && "$KANSA" status --year 2025 --as-of 2026-01-31) >"$ws/st" 2>&1
	grep -q "EV-2025-004 .*expired on 2025-09-30" "$ws/st" &&
		grep -q "^回答者 / respondents: 14" "$ws/st" &&
		ok "examples: status lists 14 respondents and the expired evidence" ||
		not_ok "examples: status lists 14 respondents and the expired evidence" "$(head "$ws/st")"
}

t_examples

t_allow_missing() {
	ws=$(workspace)
	cp -r "$ROOT/tests/bad/import/evidence-file-missing/." "$ws/"
	cp "$BASE_WS/kansa.db" "$ws/"
	(cd "$ws" && "$KANSA" import --year 2025 --allow-missing-evidence \
		sheet.ini evidence.ini) >/dev/null 2>"$ws/err"
	rc=$?
	(cd "$ws" && "$KANSA" status --year 2025) >"$ws/st" 2>&1
	(cd "$ws" && "$KANSA" verify --year 2025) >"$ws/v" 2>&1
	rc2=$?
	if [ $rc -eq 0 ] && grep -q "warning: evidence file missing: 'files/gpo-2025.png'.*recorded as missing" "$ws/err" &&
		grep -q "EV-2025-001 .*missing (recorded at import)" "$ws/st" &&
		[ $rc2 -eq 1 ] && grep -q "^missing  EV-2025-001" "$ws/v"; then
		ok "import: --allow-missing-evidence records the file as missing"
	else
		not_ok "import: --allow-missing-evidence records the file as missing" \
			"$(cat "$ws/err" "$ws/st" "$ws/v" | head -20)"
	fi
}

t_allow_missing
