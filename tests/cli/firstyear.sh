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
