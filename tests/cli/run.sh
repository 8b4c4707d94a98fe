# tests/cli/run.sh: `kansa init` and `kansa run`.  Sourced by tests/run.sh.
test_plan 16

# init_ws: a workspace made by kansa init, with the seed policy and the
# demo's two years in the places kansa.ini names; echoes its path.
init_ws() {
	d=$(seed_ws 試験市議会 2024 2025) || return 1
	echo "$d/ws"
}

run_year() {
	y=$1
	shift
	case $y in
	2024) "$KANSA" run --year 2024 --as-of 2025-03-31 --date 2025-04-10 ;;
	*) "$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 "$@" ;;
	esac
}

t_init() {
	d=$(workspace)
	out=$("$KANSA" init --organisation 試験市議会 --year 2025 "$d/w" 2>&1)
	rc=$?
	if [ $rc -eq 0 ] && [ -f "$d/w/kansa.ini" ] && [ -d "$d/w/2025/answers" ] &&
		[ -d "$d/w/2025/evidence" ] && [ -d "$d/w/output" ] &&
		grep -q "^organisation = 試験市議会" "$d/w/templates/report.ini" &&
		grep -q "^organisation = 試験市議会" "$d/w/kansa.ini" &&
		grep -q "回答票" "$d/w/README.txt" && grep -q "2025/evidence/" "$d/w/README.txt" &&
		[ -f "$d/w/templates/answer-sheet.txt" ] && [ -f "$d/w/templates/scoring.ini" ]; then
		ok "run: init makes kansa.ini, the folders, templates with the organisation and a Japanese README"
	else
		not_ok "run: init" "rc $rc: $out $(ls -R "$d/w" 2>&1 | head)"
	fi
	before=$(cat "$d/w/kansa.ini")
	out=$("$KANSA" init "$d/w" 2>&1)
	rc=$?
	if [ $rc -eq 3 ] && printf '%s' "$out" | grep -q "already a workspace" &&
		[ "$before" = "$(cat "$d/w/kansa.ini")" ]; then
		ok "run: init refuses a folder that is a workspace already (exit 3, nothing changed)"
	else
		not_ok "run: init twice" "rc $rc: $out"
	fi
}

# The yearly run in an init'd workspace: every step, the summary, the
# manifest, the run record; a second workspace gives the same bytes.
t_run_whole() {
	ws=$(init_ws) || { not_ok "run: init for the run"; return; }
	cd "$ws" || { setup_failed t_run_whole; return; }
	run_year 2024 >out24 2>err24
	out=$(run_year 2025 2>err)
	rc=$?
	steps=$(printf '%s\n' "$out" | awk '/^  [a-z]+ +[0-9.]+ s /{print $1}' | tr '\n' ' ')
	if [ $rc -eq 0 ] && [ "$steps" = "derive import verify status score findings diff report total " ] &&
		printf '%s' "$out" | grep -q "unchanged: checklists/policy.ini" &&
		printf '%s' "$out" | grep -q "試験市議会 令和7年度 (2025) 基準日 2026-01-31" &&
		printf '%s' "$out" | grep -q "実施率     自己評価 95.8 %  監査評価 88.5 %" &&
		printf '%s' "$out" | grep -q "重大な不適合 2 軽微な不適合 18 推奨事項 2 観察事項 50" &&
		printf '%s' "$out" | grep -q "未完了 2 (うち期限超過 1)" &&
		grep -q "derive .*324 items" out24; then
		ok "run: every step in order with its time, and the summary (実施率, findings, plans)"
	else
		not_ok "run: the steps and the summary" "rc $rc: steps '$steps' $out $(cat err)"
	fi
	check=$(cd output/2025 && sha256sum -c MANIFEST.sha256 2>&1)
	if [ $? -eq 0 ] && [ "$(printf '%s\n' "$check" | grep -c ': OK$')" -eq 7 ] &&
		pdftotext output/2025/kansa-2025-audit.pdf - 2>/dev/null | grep -q 試験市議会 &&
		"$KANSA" --db kansa.db runs | grep -q "2025" &&
		"$KANSA" check-db --db kansa.db >/dev/null; then
		ok "run: MANIFEST.sha256 lists the 7 files and passes sha256sum -c; the organisation of kansa.ini is on the reports; the run is recorded"
	else
		not_ok "run: the manifest and the record" "$check $(ls output/2025)"
	fi
	# the same inputs in a new workspace: the same bytes
	ws2=$(init_ws) || { setup_failed t_run_whole; return; }
	(cd "$ws2" && run_year 2024 >/dev/null 2>&1 && sleep 1 && run_year 2025 >/dev/null 2>&1)
	if cmp -s output/2025/MANIFEST.sha256 "$ws2/output/2025/MANIFEST.sha256"; then
		ok "run: the same inputs and --date in another workspace give the same manifest (byte-identical files)"
	else
		not_ok "run: reproducible" "$(diff output/2025/MANIFEST.sha256 "$ws2/output/2025/MANIFEST.sha256")"
	fi
	# run again: nothing new is imported, same manifest
	cp output/2025/MANIFEST.sha256 m1
	out=$(run_year 2025 2>&1)
	if printf '%s' "$out" | grep -q "18 files .*: 0 new, 0 replaced, 18 unchanged" &&
		cmp -s m1 output/2025/MANIFEST.sha256; then
		ok "run: a second run imports nothing new and writes the same files"
	else
		not_ok "run: a second run" "$out"
	fi
	cd "$ROOT" || { setup_failed t_run_whole; return; }
}

t_run_fail_on() {
	ws=$(init_ws) || { setup_failed t_run_fail_on; return; }
	cd "$ws" || { setup_failed t_run_fail_on; return; }
	run_year 2024 >/dev/null 2>&1
	run_year 2025 --fail-on 重大 >out 2>err
	rc=$?
	run_year 2025 --fail-on 推奨事項 >/dev/null 2>&1
	rc2=$?
	"$KANSA" run --year 2024 --as-of 2025-03-31 --fail-on 致命 >/dev/null 2>err3
	rc3=$?
	if [ $rc -eq 1 ] && grep -q "2 findings of 重大な不適合 or graver" err &&
		[ -f output/2025/MANIFEST.sha256 ] && [ $rc2 -eq 1 ] && [ $rc3 -eq 2 ] &&
		grep -q "expected grave, minor, advisory or observation (重大, 軽微, 推奨 or 観察)" err3; then
		ok "run: --fail-on 重大 exits 1 after writing everything; an unknown grade is a usage error"
	else
		not_ok "run: --fail-on" "rc $rc $rc2 $rc3: $(cat err err3)"
	fi
	cd "$ROOT" || { setup_failed t_run_fail_on; return; }
}

# A bad answer sheet: the run stops at import with the file and line,
# exit 3, and nothing of the year is imported.
t_run_bad_input() {
	ws=$(init_ws) || { setup_failed t_run_bad_input; return; }
	cd "$ws" || { setup_failed t_run_bad_input; return; }
	run_year 2024 >/dev/null 2>&1
	f=$(grep -l "^status = 実施" 2025/answers/*.ini | head -1)
	sed -i '0,/^status = 実施/s//status = できた/' "$f"
	out=$(run_year 2025 2>&1)
	rc=$?
	n=$(python3 -c "import sqlite3; print(sqlite3.connect('kansa.db').execute('SELECT count(*) FROM respondent WHERE year = 2025').fetchone()[0])")
	if [ $rc -eq 3 ] && printf '%s' "$out" | grep -q "import .*failed (exit 3)" &&
		printf '%s' "$out" | grep -q "$f:[0-9]*: .*できた" &&
		printf '%s' "$out" | grep -q "stopped at import" && [ "$n" = 0 ] &&
		[ ! -f output/2025/kansa-2025-workpaper.xlsx ]; then
		ok "run: a bad answer sheet stops the run at import (exit 3, file:line named, none of 2025 imported)"
	else
		not_ok "run: a bad answer sheet" "rc $rc n $n: $out"
	fi
	rm -rf 2025/answers/*
	out=$(run_year 2025 2>&1)
	rc=$?
	if [ $rc -eq 3 ] && printf '%s' "$out" | grep -qF "no answer sheets for 2025: nothing matches 2025/answers/*.{ini,xlsx}"; then
		ok "run: no answer sheets for the year: exit 3 naming the pattern"
	else
		not_ok "run: no answer sheets" "rc $rc: $out"
	fi
	cd "$ROOT" || { setup_failed t_run_bad_input; return; }
}

# The policy text changes: derived again with a notice; unchanged: not.
t_run_policy_changed() {
	ws=$(init_ws) || { setup_failed t_run_policy_changed; return; }
	cd "$ws" || { setup_failed t_run_policy_changed; return; }
	run_year 2024 >/dev/null 2>&1
	printf '\n' >>checklists/policy.txt
	out=$(run_year 2024 2>&1)
	rc=$?
	if [ $rc -eq 0 ] && printf '%s' "$out" | grep -q "notice: the policy text checklists/policy.txt changed since it was last derived"; then
		ok "run: a changed policy text is derived again, with a notice"
	else
		not_ok "run: changed policy text" "rc $rc: $out"
	fi
	cd "$ROOT" || { setup_failed t_run_policy_changed; return; }
}

t_run_bad_workspace() {
	d=$(workspace)
	cd "$d" || { setup_failed t_run_bad_workspace; return; }
	out=$("$KANSA" run --year 2025 2>&1)
	rc1=$?
	printf '[kansa]\nkind = workspace\n[workspace]\ndatabase = x.db\nfoo = 1\n' >kansa.ini
	out2=$("$KANSA" run --year 2025 2>&1)
	rc2=$?
	if [ $rc1 -eq 3 ] && printf '%s' "$out" | grep -q "kansa.ini" &&
		[ $rc2 -eq 3 ] && printf '%s' "$out2" | grep -q "kansa.ini:3: .*policy is missing" &&
		printf '%s' "$out2" | grep -q "kansa.ini:5: .*unknown key 'foo'"; then
		ok "run: no kansa.ini, or one without policy: exit 3 naming file and line"
	else
		not_ok "run: bad kansa.ini" "rc $rc1 $rc2: $out // $out2"
	fi
	cd "$ROOT" || { setup_failed t_run_bad_workspace; return; }
}

t_init
t_run_whole
t_run_fail_on
t_run_bad_input
t_run_policy_changed
t_run_bad_workspace

# kansa report plans: the quarterly report, PDF and workbook.
t_report_plans() {
	ws=$(init_ws) || { setup_failed t_report_plans; return; }
	cd "$ws" || { setup_failed t_report_plans; return; }
	run_year 2024 >/dev/null 2>&1
	run_year 2025 >/dev/null 2>&1
	out=$("$KANSA" --db kansa.db report plans --as-of 2025-09-30 --since 2025-03-31 --date 2025-10-10 2>&1)
	rc=$?
	pdf=output/2025/kansa-plans-2025-09-30.pdf
	txt=$(pdftotext -layout "$pdf" - 2>/dev/null)
	open_part=$(printf '%s\n' "$txt" | sed -n '/^3 対応中の計画/,/^4 /p')
	closed_part=$(printf '%s\n' "$txt" | sed -n '/^5 前回報告以降に完了/,$p')
	first=$(printf '%s\n' "$open_part" | grep -o 'KP-20[0-9-]*' | head -1)
	if [ $rc -eq 0 ] && [ "$first" = KP-2024-001 ] &&
		printf '%s' "$open_part" | grep -q "KP-2024-001 .*0% → 10% .*対応中 *92" &&
		printf '%s' "$open_part" | grep -q "KP-2025-001 .*新規 → 40%" &&
		printf '%s' "$closed_part" | grep -q "KP-2024-002" &&
		! printf '%s' "$open_part" | grep -q "KP-2024-002" &&
		printf '%s' "$txt" | tr -d ' \n' | grep -q "対応中の改善計画は2件で、うち1件が期限を過ぎている。期限を変更した計画は0件、前回報告以降に完了したものは1件" &&
		printf '%s' "$txt" | grep -q "令和7年9月30日現在" && printf '%s' "$txt" | grep -q "機密性2" &&
		pdffonts "$pdf" 2>/dev/null | awk 'NR > 2 && $(NF-4) != "yes" {bad = 1} END {exit bad}' &&
		qpdf --check "$pdf" >/dev/null 2>&1; then
		ok "run: report plans: open plans overdue first with progress since the last report, closed since listed; fonts embedded, qpdf passes"
	else
		not_ok "run: report plans PDF" "rc $rc: $out $txt"
	fi
	if /usr/bin/python3 - output/2025/kansa-plans-2025-09-30.xlsx <<'PY'; then
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["改善計画進捗"], wb.sheetnames
rows = [r for r in wb.active.iter_rows(values_only=True)]
head = rows.index(next(r for r in rows if r[0] == "ID"))
assert rows[head][:9] == ("ID", "指摘項目", "部署", "役割", "対応", "期限", "前回進捗", "今回進捗", "増減"), rows[head]
a, b = rows[head + 1], rows[head + 2]
assert a[0] == "KP-2024-001" and a[6] == 0 and abs(a[7] - 0.1) < 1e-9 and a[10] == 92, a
assert b[0] == "KP-2025-001" and b[6] == "新規" and abs(b[7] - 0.4) < 1e-9 and b[10] == 0, b
assert any(r[0] == "KP-2024-002" and r[9] == "完了" for r in rows[head + 3:]), rows
PY
		ok "run: report plans: the workbook opens in openpyxl with the same plans and figures"
	else
		not_ok "run: report plans workbook"
	fi
	cp "$pdf" p1.pdf
	"$KANSA" --db kansa.db report plans --as-of 2025-09-30 --since 2025-03-31 --date 2025-10-10 >/dev/null 2>&1
	out=$("$KANSA" --db kansa.db report plans --as-of 2026-01-31 2>&1)
	txt=$(pdftotext -layout output/2025/kansa-plans-2026-01-31.pdf - 2>/dev/null)
	if cmp -s p1.pdf "$pdf" && printf '%s' "$txt" | grep -q "KP-2025-001 .*40% → 60%" &&
		(cd output/2025 && sha256sum -c MANIFEST.sha256 >/dev/null 2>&1) &&
		grep -q "kansa-plans-2026-01-31.xlsx" output/2025/MANIFEST.sha256 &&
		grep -q "kansa-2025-audit.pdf" output/2025/MANIFEST.sha256; then
		ok "run: report plans: byte-identical rerun; the next quarter compares with three months before; the manifest keeps the year's files"
	else
		not_ok "run: report plans rerun" "$out $txt"
	fi
	out=$("$KANSA" --db kansa.db report plans --year 2025 2>&1)
	rc=$?
	out2=$("$KANSA" --db kansa.db report --year 2025 --since 2025-01-01 2>&1)
	rc2=$?
	if [ $rc -eq 2 ] && [ $rc2 -eq 2 ] && printf '%s' "$out2" | grep -q "since is for kansa report plans"; then
		ok "run: report plans refuses --year, report refuses --since (exit 2)"
	else
		not_ok "run: report plans usage" "$rc $rc2 $out $out2"
	fi
	cd "$ROOT" || { setup_failed t_report_plans; return; }
}

# kansa run --pdf-password-file: both PDFs encrypted; the password is not
# in the log, the database or the output (a relative path works from any
# folder: the run moves into the workspace).
t_run_password() {
	ws=$(init_ws) || { setup_failed t_run_password; return; }
	d=$(workspace)
	printf 'Run-Pw-4471\n' >"$d/pw.txt"
	cd "$d" || { setup_failed t_run_password; return; }
	out=$("$KANSA" run --workspace "$ws/kansa.ini" --year 2025 --as-of 2026-01-31 \
		--pdf-password-file pw.txt 2>&1)
	rc=$?
	cd "$ws" || { setup_failed t_run_password; return; }
	miss=""
	for k in ciso audit; do
		f=output/2025/kansa-2025-$k.pdf
		pdfinfo "$f" >/dev/null 2>&1 && miss="$miss [$k opens without a password]"
		qpdf --check --password=Run-Pw-4471 "$f" >/dev/null 2>&1 || miss="$miss [$k: qpdf --check]"
	done
	grep -aq "Run-Pw-4471" kansa.db output/2025/kansa-run.log && miss="$miss [password stored]"
	case "$out" in *Run-Pw*) miss="$miss [password in the output]" ;; esac
	if [ $rc -eq 0 ] && [ -z "$miss" ] && (cd output/2025 && sha256sum -c MANIFEST.sha256 >/dev/null 2>&1); then
		ok "run: --pdf-password-file encrypts both PDFs; the password is in no log, database or output"
	else
		not_ok "run: --pdf-password-file" "rc $rc:$miss $out"
	fi
	cd "$ROOT" || { setup_failed t_run_password; return; }
}

t_report_plans
t_run_password
