# tests/cli/run_once.sh: `kansa run` reads the year once: score, findings,
# diff and the report's documents from one model in its own process (no
# report child), the PDFs rendered in a second process whose messages come
# back; its child steps report their counts on a pipe of their own
# ($KANSA_RUN_RESULT_FD), not in text for people.  Sourced by tests/run.sh.
test_plan 5

# once_ws: a workspace made by kansa init with the demo's two years, 2024
# already run; echoes its path.
once_ws() {
	d=$(seed_ws 試験市議会 2024 2025) || return 1
	(cd "$d/ws" && "$KANSA" run --year 2024 --as-of 2025-03-31 --date 2025-04-10) >/dev/null 2>&1 || return 1
	echo "$d/ws"
}

t_once_in_process() {
	ws=$(once_ws) || { setup_failed t_once_in_process; return; }
	cd "$ws" || { setup_failed t_once_in_process; return; }
	out=$("$KANSA" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 2>err)
	rc=$?
	log=output/2025/kansa-run.log
	children=$(grep '^== kansa' $log | awk '{print $5}' | tr '\n' ' ')
	if [ $rc -eq 0 ] && [ "$children" = "import verify status " ] &&
		grep -q '^== report --year 2025 --as-of 2026-01-31 --date 2026-02-10' $log &&
		printf '%s' "$out" | grep -q "report .* 4 files in output/2025" &&
		(cd output/2025 && sha256sum -c --quiet MANIFEST.sha256) >/dev/null 2>&1 &&
		[ "$(grep -c . output/2025/MANIFEST.sha256)" -eq 7 ]; then
		ok "run_once: the report is made in the run's own process (children only import, verify, status); 7 files in the manifest, which verifies"
	else
		not_ok "run_once: the report in the run's process" "rc $rc children '$children': $out $(cat err)"
	fi
	cd "$ROOT" || { setup_failed t_once_in_process; return; }
}

# The results a step reports to kansa run, and nothing without the variable.
t_once_results() {
	ws=$(once_ws) || { setup_failed t_once_results; return; }
	cd "$ws" || { setup_failed t_once_results; return; }
	plain=$("$KANSA" --db kansa.db verify --year 2024 2>&1)
	with=$(KANSA_RUN_RESULT_FD=9 "$KANSA" --db kansa.db verify --year 2024 2>&1 9>res)
	n=$(printf '%s\n' "$plain" | sed -n 's/^\([0-9]*\) evidence files:.*/\1/p')
	if [ -n "$n" ] && [ "$plain" = "$with" ] && grep -qx "files=$n" res && grep -qx "not_ok=0" res; then
		ok "run_once: verify reports files=$n and not_ok=0 on \$KANSA_RUN_RESULT_FD, its text unchanged"
	else
		not_ok "run_once: verify's results" "n '$n' res: $(cat res) / $plain / $with"
	fi
	KANSA_RUN_RESULT_FD=9 "$KANSA" --db kansa.db import --year 2024 2024/answers/*.ini >/dev/null 2>&1 9>res
	files=$(ls 2024/answers/*.ini | wc -l)
	if grep -qx "unchanged=$files" res && grep -qx "new=0" res && grep -qx "replaced=0" res &&
		grep -q "^warnings=[0-9]*$" res; then
		ok "run_once: import reports new, replaced, unchanged and warnings as NAME=VALUE lines"
	else
		not_ok "run_once: import's results" "$(cat res)"
	fi
	cd "$ROOT" || { setup_failed t_once_results; return; }
}

# A PDF that cannot be rendered (its font is missing): the message comes
# back from the PDFs' process, the run stops at report (exit 4) and the
# previous set stays; kansa report (all three documents) says the same.
t_once_pdf_fails() {
	ws=$(once_ws) || { setup_failed t_once_pdf_fails; return; }
	cd "$ws" || { setup_failed t_once_pdf_fails; return; }
	before=$(cat output/2024/MANIFEST.sha256)
	sed -i 's|^font = .*|font = /nonexistent/ipaexg.ttf|' templates/report.ini
	out=$("$KANSA" run --year 2024 --as-of 2025-03-31 --date 2025-04-11 2>&1)
	rc=$?
	if [ $rc -eq 4 ] && printf '%s' "$out" | grep -q "report .*failed (exit 4)" &&
		printf '%s' "$out" | grep -q "/nonexistent/ipaexg.ttf" &&
		printf '%s' "$out" | grep -q "stopped at report" &&
		[ "$before" = "$(cat output/2024/MANIFEST.sha256)" ] &&
		(cd output/2024 && sha256sum -c --quiet MANIFEST.sha256) >/dev/null 2>&1; then
		ok "run_once: a PDF that fails in the PDFs' process stops the run at report with its message (exit 4); the previous set stays"
	else
		not_ok "run_once: a failing PDF in kansa run" "rc $rc: $out"
	fi
	out=$("$KANSA" --db kansa.db report --year 2024 --as-of 2025-03-31 --templates templates -o o2 2>&1)
	rc=$?
	if [ $rc -eq 4 ] && [ "$(printf '%s\n' "$out" | grep -c "/nonexistent/ipaexg.ttf")" -ge 1 ] &&
		[ -f o2/kansa-2024-workpaper.xlsx ] && [ ! -f o2/MANIFEST.sha256 ]; then
		ok "run_once: kansa report: the PDFs' process's error is reported (exit 4), no manifest"
	else
		not_ok "run_once: a failing PDF in kansa report" "rc $rc: $out $(ls o2)"
	fi
	cd "$ROOT" || { setup_failed t_once_pdf_fails; return; }
}

t_once_in_process
t_once_results
t_once_pdf_fails
