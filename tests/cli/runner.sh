# tests/cli/runner.sh: tests/run.sh itself judges the files of tests/runner
# (a kept plan passes; a missed plan, no plan, a failed set-up or an exit
# fails, with a message).  Sourced by tests/run.sh.
test_plan 5

# runner_case FIXTURE STATUS PATTERN WHAT: tests/run.sh on tests/runner/
# FIXTURE exits STATUS and prints a line matching PATTERN.
runner_case() {
	out=$(sh "$ROOT/tests/run.sh" "$BUILD" "tests/runner/$1" 2>&1)
	rc=$?
	if [ "$rc" -eq "$2" ] && printf '%s\n' "$out" | grep -q "$3"; then
		ok "runner: $4"
	else
		not_ok "runner: $4 (exit $rc)" "$out"
	fi
}

runner_case good.sh 0 "^2 passed, 0 failed$" "a file that keeps its plan passes"
runner_case noplan.sh 1 "^FAIL tests/runner/noplan.sh declares no plan" \
	"a file without a plan fails, saying so"
runner_case vanish.sh 1 "^FAIL t_vanish: set-up failed" \
	"a failed set-up is a recorded failure"
runner_case short.sh 1 "^FAIL tests/runner/short.sh planned 3 results and recorded 2" \
	"a file that stops early fails its plan"
runner_case exit.sh 1 "^FATAL: unexpected exit (status 0) in tests/runner/exit.sh" \
	"a file that exits ends the run as a failure"
