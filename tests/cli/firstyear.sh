# tests/cli/firstyear.sh: a new council's first steps in the order README
# gives them (kansa init, the policy in, kansa template), kansa init's
# next steps and README.txt, and kansa year start.  Sourced by tests/run.sh.

test_plan 11

# README's first steps: init, the policy in, then template straight away:
# template derives the checklist from the workspace's policy (saying so)
# and writes the sheets where kansa run reads them.
t_first_template() {
	d=$(workspace)
	"$KANSA" init --organisation 試験町議会 --year 2025 "$d/w" >/dev/null 2>&1 ||
		{ not_ok "first year: init"; return; }
	cp "$ROOT/checklists/mito-gikai-taisaku-kijun.txt" "$d/w/checklists/policy.txt"
	out=$(cd "$d/w" && "$KANSA" template --year 2025 -o 2025/answers 2>&1)
	rc=$?
	n=$(ls "$d/w/2025/answers" 2>/dev/null | grep -c '^answers-2025-.*\.ini$')
	if [ $rc -eq 0 ] && [ "$n" -ge 5 ] && [ -f "$d/w/checklists/policy.ini" ] &&
		printf '%s' "$out" | grep -q "no checklist yet.*deriving it from checklists/policy.txt"; then
		ok "first year: template right after init derives the checklist from the workspace's policy, saying so ($n sheets)"
	else
		not_ok "first year: template right after init" "rc $rc, $n sheets: $out"
	fi
	# without -o, inside the workspace: the folder kansa.ini reads answers from
	rm -rf "$d/w/2025/answers"
	out=$(cd "$d/w" && "$KANSA" template --year 2025 2>&1)
	rc=$?
	n=$(ls "$d/w/2025/answers" 2>/dev/null | grep -c '^answers-2025-.*\.ini$')
	# again, after a respondent filled one in: theirs is left alone
	printf 'filled\r\n' >>"$d/w/2025/answers/answers-2025-ciso.ini"
	out2=$(cd "$d/w" && "$KANSA" template --year 2025 2>&1)
	if [ $rc -eq 0 ] && [ "$n" -ge 5 ] && [ ! -e "$d/w/answer-sheets" ] &&
		! printf '%s' "$out" | grep -q "deriving" &&
		tail -1 "$d/w/2025/answers/answers-2025-ciso.ini" | grep -q filled &&
		printf '%s' "$out2" | grep -q "answers-2025-ciso.ini: already there, left as it is"; then
		ok "first year: template in a workspace writes to the workspace's answers folder ($n sheets), derives only once, never over a sheet there"
	else
		not_ok "first year: template without -o in a workspace" "rc $rc, $n sheets: $out $out2"
	fi
	# no policy yet: says exactly what to do
	d2=$(workspace)
	"$KANSA" init --year 2025 "$d2/w" >/dev/null 2>&1
	out=$(cd "$d2/w" && "$KANSA" template --year 2025 -o 2025/answers 2>&1)
	rc=$?
	if [ $rc -eq 3 ] && printf '%s' "$out" | grep -q "checklists/policy.txt" &&
		printf '%s' "$out" | grep -q "kansa template --year 2025" && [ ! -e "$d2/w/kansa.db" ]; then
		ok "first year: template before the policy is in names the file to put it in and the command to run again (exit 3, no database made)"
	else
		not_ok "first year: template before the policy is in" "rc $rc: $out"
	fi
	# outside a workspace, no database: names the commands
	d3=$(workspace)
	out=$(cd "$d3" && "$KANSA" template --year 2025 2>&1)
	rc=$?
	if [ $rc -eq 3 ] && printf '%s' "$out" | grep -q "kansa derive" &&
		printf '%s' "$out" | grep -q "kansa init" && [ ! -e "$d3/kansa.db" ]; then
		ok "first year: template outside a workspace without a checklist names kansa init and kansa derive (exit 3)"
	else
		not_ok "first year: template outside a workspace" "rc $rc: $out"
	fi
}

t_first_template

# kansa init: numbered next steps; README.txt is Japanese, CRLF, a
# numbered procedure for the year and the next, and its example of every
# file kind is accepted by kansa run as it stands.
t_init_readme() {
	d=$(workspace)
	out=$("$KANSA" init --organisation 試験町議会 --year 2025 "$d/w" 2>&1)
	rc=$?
	miss=""
	for s in "  1. cd $d/w" "  2. put the policy text" "  3. kansa template --year 2025" \
		"  5. kansa run --year 2025" "  6. the year after: kansa year start 2026"; do
		printf '%s' "$out" | grep -qF -- "$s" || miss="$miss [$s]"
	done
	if [ $rc -eq 0 ] && [ -z "$miss" ]; then
		ok "first year: kansa init prints the next steps, numbered"
	else
		not_ok "first year: init's next steps" "rc $rc:$miss $out"
	fi
	r="$d/w/README.txt"
	miss=""
	for s in "試験町議会" "1. 対策基準の本文を置く" "2. 回答票を作る" "kansa template --year 2025" \
		"6. 年次処理を実行する" "8. 新しい年度を始める" "kansa year start 2026" \
		"man kansa-evidence"; do
		tr -d '\r' <"$r" | grep -qF -- "$s" || miss="$miss [$s]"
	done
	kinds=$(python3 "$ROOT/tests/cli/readme_samples.py" "$d/w" 2025 2>&1)
	rc=$?
	[ $rc -eq 0 ] || miss="$miss [samples: $kinds]"
	cp "$ROOT/checklists/mito-gikai-taisaku-kijun.txt" "$d/w/checklists/policy.txt"
	out=$(cd "$d/w" && "$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 2>&1)
	rc=$?
	warn=$(grep "^2025/.*warning" "$d/w/output/2025/kansa-run.log" 2>&1)
	[ -z "$warn" ] || miss="$miss [warnings: $warn]"
	if [ $rc -eq 0 ] && [ -z "$miss" ] &&
		printf '%s' "$out" | grep -q "import .*4 files (answers 1, evidence 1, audit 1, plans 1)"; then
		ok "first year: README.txt (CRLF) is a numbered procedure; its examples of the four file kinds import as they stand"
	else
		not_ok "first year: README.txt" "rc $rc:$miss $out"
	fi
}

t_init_readme

# kansa year start: one sheet per last year's respondent, named like
# theirs, every value empty and last year's answers beside each item as
# comments; imported unedited they count as 未回答; an edited answer
# counts; open plans carried as they stand (unchanged on import).
t_year_start() {
	d=$(seed_ws 試験市議会 2024 2025) || { not_ok "year start: init"; return; }
	cd "$d/ws" || { setup_failed "year start"; return; }
	"$KANSA" run --year 2024 --as-of 2025-03-31 >/dev/null 2>&1 &&
		"$KANSA" run --year 2025 --as-of 2026-01-31 >/dev/null 2>&1 ||
		{ not_ok "year start: the runs of 2024 and 2025"; cd "$ROOT"; return; }
	out=$("$KANSA" year start 2026 2>&1)
	rc=$?
	s=2026/answers/somu-sys-admin-tablet.ini
	last=examples/2025/answers/somu-sys-admin-tablet.ini
	miss=""
	n=$(ls 2026/answers | wc -l)
	[ "$n" -eq "$(ls "$ROOT/examples/2025/answers" | wc -l)" ] || miss="$miss [$n sheets]"
	tr -d '\r' <"$s" | grep -Eq '^(status|evidence|comment) = .' && miss="$miss [a value filled in]"
	tr -d '\r' <"$s" | grep -q '^system = タブレット端末$' || miss="$miss [system]"
	tr -d '\r' <"$s" | grep -q '^fiscal_year = 2026$' || miss="$miss [fiscal_year]"
	tr -d '\r' <"$s" | grep -q '^; 前年度 (2025) の回答: 実施 / 証跡: EV-2025-' || miss="$miss [last year's answer]"
	tr -d '\r' <"$s" | grep -q '^; 前年度のコメント: ' || miss="$miss [last year's comment]"
	grep -q "$(printf '\r$')" "$s" || miss="$miss [not CRLF]"
	tr -d '\r' <2026/plans-from-2025.ini | grep -q '^\[KP-2025-001\]' || miss="$miss [open plan not carried]"
	tr -d '\r' <2026/plans-from-2025.ini | grep -q '^\[KP-2024-002\]' && miss="$miss [a closed plan carried]"
	[ -d 2026/evidence ] || miss="$miss [no evidence folder]"
	if [ $rc -eq 0 ] && [ -z "$miss" ] && printf '%s' "$out" | grep -q "14 sheets with 2025's answers"; then
		ok "year start: a sheet per last year's respondent with last year's answer, evidence and comment as comments only; open plans carried"
	else
		not_ok "year start" "rc $rc:$miss $out"
	fi
	out=$("$KANSA" run --year 2026 --as-of 2026-06-30 2>&1)
	rc=$?
	if [ $rc -eq 0 ] && printf '%s' "$out" | grep -q "自己評価 0.0 %" &&
		printf '%s' "$out" | grep -q "import .* 14 new, 0 replaced, 1 unchanged"; then
		ok "year start: the sheets imported unedited count as 未回答 (自己評価 0.0 %); the carried plans change nothing"
	else
		not_ok "year start: unedited sheets" "rc $rc: $out"
	fi
	# the CISO (the one respondent of that role) confirms one answer
	s=2026/answers/gikai-ciso.ini
	python3 - "$s" <<'PY'
import sys
p = sys.argv[1]
t = open(p, encoding="utf-8", newline="").read()
t = t.replace("answered_on = \r\n", "answered_on = 2026-06-01\r\n", 1)
t = t.replace("\r\nstatus = \r\n", "\r\nstatus = 実施\r\n", 1)
open(p, "w", encoding="utf-8", newline="").write(t)
PY
	out=$("$KANSA" run --year 2026 --as-of 2026-06-30 2>&1)
	rc=$?
	if [ $rc -eq 0 ] && printf '%s' "$out" | grep -q "import .*: 0 new, 1 replaced, 14 unchanged" &&
		! printf '%s' "$out" | grep -q "自己評価 0.0 %"; then
		ok "year start: an edited answer counts after the next run"
	else
		not_ok "year start: an edited answer" "rc $rc: $out"
	fi
	out=$("$KANSA" year start 2026 2>&1)
	rc=$?
	if [ $rc -eq 0 ] && printf '%s' "$out" | grep -q "0 sheets with 2025's answers.* 14 left as they were" &&
		tr -d '\r' <"$s" | grep -q '^status = 実施$'; then
		ok "year start again leaves every sheet already there as it is"
	else
		not_ok "year start again" "rc $rc: $out"
	fi
	cd "$ROOT" || { setup_failed "cd ROOT"; return; }
	out=$(cd "$d" && "$KANSA" year start 2026 2>&1)
	rc=$?
	if [ $rc -eq 3 ] && printf '%s' "$out" | grep -q "not in a workspace"; then
		ok "year start outside a workspace says so (exit 3)"
	else
		not_ok "year start outside a workspace" "rc $rc: $out"
	fi
}

t_year_start
