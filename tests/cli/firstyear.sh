# tests/cli/firstyear.sh: a new council's first steps in the order README
# gives them (kansa init, the policy in, kansa template), kansa init's
# next steps and README.txt, and kansa year start.  Sourced by tests/run.sh.

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
	if [ $rc -eq 0 ] && [ "$n" -ge 5 ] && [ ! -e "$d/w/answer-sheets" ] &&
		! printf '%s' "$out" | grep -q "deriving"; then
		ok "first year: template in a workspace writes to the workspace's answers folder ($n sheets), derives only once"
	else
		not_ok "first year: template without -o in a workspace" "rc $rc, $n sheets: $out"
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
