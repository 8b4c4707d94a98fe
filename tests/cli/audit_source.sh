# tests/cli/audit_source.sh: which audit file is in force (REVIEW.md #2).
# The workpaper edited in a spreadsheet and imported as the year's audit
# updates the audit in force: it keeps what the workpaper does not carry
# (総合意見, the frame, the auditors), and says so; kansa run then leaves
# the workspace's audit.ini, imported before, out of force and says which
# file is in force; importing audit.ini by name, or an edited audit.ini,
# puts it back.  The report's 付録 names an input outside the workspace.
test_plan 6

PY=/usr/bin/python3 # Debian's, with python3-openpyxl
AS_RUN="--as-of 2026-01-31 --date 2026-02-10"
OPINION=水戸市議会の情報セキュリティ対策は、対策基準の多くの事項について

# as_ws: a kansa init workspace with the demo's 2025 files after one
# kansa run, and beside it (outside the workspace) elsewhere/wp.xlsx: its
# workpaper with the 判定 of 7-1(6)ウ (重大な不適合 in audit.ini) set to
# 推奨事項.  Echoes the workspace's folder.
as_ws() {
	d=$(seed_ws 試験町議会 2025) || return 1
	mkdir "$d/elsewhere" || return 1
	# shellcheck disable=SC2086
	(cd "$d/ws" && "$KANSA" run --year 2025 $AS_RUN >/dev/null 2>&1 &&
		$PY "$ROOT/tests/cli/set_judgement.py" output/2025/kansa-2025-workpaper.xlsx \
			"$d/elsewhere/wp.xlsx" '7-1(6)ウ' 推奨事項 調書で区分を変更) || return 1
	echo "$d/ws"
}

# grade_of ITEM: the judgement kansa findings shows for ITEM.
grade_of() {
	"$KANSA" findings --year 2025 --as-of 2026-01-31 --format tsv 2>/dev/null |
		awk -F'\t' -v id="$1" '$2 == id { print $1; exit }'
}

# audit_text DIR: the audit report made into DIR, as text.
audit_text() {
	# shellcheck disable=SC2086
	"$KANSA" report --year 2025 $AS_RUN --only audit -o "$1" >/dev/null 2>&1 &&
		pdftotext "$1/kansa-2025-audit.pdf" - 2>/dev/null
}

t_as_workpaper_keeps() {
	ws=$(as_ws) || { setup_failed "audit source: a workspace and its edited workpaper"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	wp=${ws%/ws}/elsewhere/wp.xlsx
	sha=$(sha256sum 2025/audit.ini | cut -d' ' -f1)
	out=$("$KANSA" import --year 2025 "$wp" 2>&1)
	rc=$?
	txt=$(audit_text r1)
	kept=$(python3 -c 'import sqlite3, sys
for (v,) in sqlite3.connect(sys.argv[1]).execute(
        "SELECT value FROM audit_field WHERE year = 2025 AND key = ?", ("kept_from",)):
    print(v)' kansa.db 2>&1)
	if [ $rc -eq 0 ] && printf '%s\n' "$txt" | grep -q "$OPINION" &&
		! printf '%s\n' "$txt" | grep -q '総合意見は、監査ファイルに記載されていない' &&
		printf '%s\n' "$out" | grep -q "$wp: notice: a workpaper carries only its cover and the decisions: kept from the year's audit in force, 2025/audit.ini (SHA-256 $sha): opinion, audit_kind, criteria, departments, systems, exclusions, as_of, auditor_1..3" &&
		[ "$kept" = "2025/audit.ini (SHA-256 $sha): opinion, audit_kind, criteria, departments, systems, exclusions, as_of, auditor_1..3" ]; then
		ok "audit source: the imported workpaper keeps the 総合意見 and the frame of the audit in force, says so and records it"
	else
		not_ok "audit source: the imported workpaper keeps the 総合意見" "rc $rc, kept '$kept': $out"
	fi
	# kansa run: the workpaper stays in force, and the run says so
	# shellcheck disable=SC2086
	out=$("$KANSA" run --year 2025 $AS_RUN 2>&1)
	rc=$?
	g=$(grade_of '7-1(6)ウ')
	if [ $rc -eq 0 ] && [ "$g" = 推奨事項 ] &&
		printf '%s\n' "$out" | grep -q "notice: the audit in force is $wp (imported [0-9T:Z-]*), not 2025/audit.ini" &&
		grep -q "2025/audit.ini: warning: not imported again: the year's audit in force came from $wp (imported [0-9T:Z-]*, after this file); \`kansa import --year 2025 2025/audit.ini\` puts this file back in force" output/2025/kansa-run.log; then
		ok "audit source: kansa run keeps the workpaper's judgements and names the audit file in force"
	else
		not_ok "audit source: kansa run names the audit file in force" "rc $rc, 7-1(6)ウ '$g': $out"
	fi
	# the path may wrap in its cell: its last part, then the mark
	n=$(pdftotext output/2025/kansa-2025-audit.pdf - 2>/dev/null | grep -c '（ワークスペース外のファイル）')
	if [ "$n" = 1 ] && pdftotext output/2025/kansa-2025-audit.pdf - | grep -A1 'elsewhere/wp.xlsx$' | grep -q '^（ワークスペース外のファイル）'; then
		ok "audit source: the report's 付録 names the workpaper as a file outside the workspace (and nothing else)"
	else
		not_ok "audit source: the 付録 names the input outside the workspace" "$n marks"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_as_back_in_force() {
	ws=$(as_ws) || { setup_failed "audit source: a workspace and its edited workpaper"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	wp=${ws%/ws}/elsewhere/wp.xlsx
	"$KANSA" import --year 2025 "$wp" >/dev/null 2>&1
	before=$(grade_of '7-1(6)ウ')
	out=$("$KANSA" import --year 2025 2025/audit.ini 2>&1)
	rc=$?
	g=$(grade_of '7-1(6)ウ')
	# shellcheck disable=SC2086
	run=$("$KANSA" run --year 2025 $AS_RUN 2>&1)
	if [ $rc -eq 0 ] && [ "$before" = 推奨事項 ] && [ "$g" = 重大な不適合 ] &&
		printf '%s\n' "$out" | grep -q '^2025/audit.ini: audit by 佐々木 聡, 79 judgements (new)' &&
		! printf '%s\n' "$run" | grep -q 'the audit in force is'; then
		ok "audit source: importing audit.ini by name puts it back in force after a workpaper"
	else
		not_ok "audit source: importing audit.ini by name puts it back in force" "rc $rc, '$before' -> '$g': $out $run"
	fi
	# an edited audit.ini replaces the workpaper's audit at the next run,
	# with a warning naming what it replaced
	"$KANSA" import --year 2025 "$wp" >/dev/null 2>&1
	sed -i 's/^notes = /notes = 追記あり。/' 2025/audit.ini
	# shellcheck disable=SC2086
	out=$("$KANSA" run --year 2025 $AS_RUN 2>&1)
	rc=$?
	g=$(grade_of '7-1(6)ウ')
	if [ $rc -eq 0 ] && [ "$g" = 重大な不適合 ] &&
		printf '%s\n' "$out" | grep -q 'import .* 1 new, 0 replaced, 17 unchanged' &&
		! printf '%s\n' "$out" | grep -q 'the audit in force is' &&
		grep -q "2025/audit.ini: warning: replaces the year's audit in force, which came from $wp (imported [0-9T:Z-]*): its decisions and cover are this file's now" output/2025/kansa-run.log; then
		ok "audit source: an edited audit.ini replaces the workpaper's audit at the next run, with a warning"
	else
		not_ok "audit source: an edited audit.ini replaces the workpaper's audit" "rc $rc, 7-1(6)ウ '$g': $out"
	fi
	# the same workpaper imported twice in a row changes nothing
	"$KANSA" import --year 2025 "$wp" >/dev/null 2>&1
	out=$("$KANSA" import --year 2025 "$wp" 2>&1)
	if printf '%s\n' "$out" | grep -q 'judgements (unchanged: imported before)' &&
		! printf '%s\n' "$out" | grep -q 'notice: a workpaper'; then
		ok "audit source: the workpaper in force imported again is unchanged"
	else
		not_ok "audit source: the workpaper in force imported again is unchanged" "$out"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_as_workpaper_keeps
t_as_back_in_force
