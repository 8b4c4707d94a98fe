# tests/cli/newcouncil.sh: a new council's first year and the start of its
# second, as its IT staff would do them, in a fresh folder with the
# installed kansa only (make install into a temporary prefix): init, the
# policy in, template from inside a subfolder, sheets filled by a script
# (one saved as Shift_JIS, one as UTF-8 with a BOM), run, year start, a
# changed answer, run again, report plans; then the manual pages, the bash
# completion and make uninstall.  Sourced by tests/run.sh.

test_plan 3

t_new_council() {
	d=$(workspace)
	if ! make -s --no-print-directory -C "$ROOT" install DESTDIR="$d/inst" \
		PREFIX=/opt/kansa BUILD="$BUILD" >"$d/install.log" 2>&1; then
		not_ok "new council: make install" "$(cat "$d/install.log")"
		return
	fi
	P="$d/inst/opt/kansa"
	K="$P/bin/kansa"
	[ -x "$K" ] || { not_ok "new council: installed binary" "$(find "$d/inst" | head)"; return; }
	# the installed data is what the installed kansa reads: a marker put
	# into the installed answer-sheet text reaches the workspace and sheets
	printf '; 試験町の記入要領 (installed)\n' >>"$P/share/kansa/templates/answer-sheet.txt"
	mkdir "$d/council" && cd "$d/council" || { setup_failed "new council"; return; }
	step() { # step NAME CMD...: runs CMD, its output in $out; fails the test on non-zero
		name=$1
		shift
		out=$("$@" 2>&1)
		rc=$?
		[ $rc -eq 0 ] || { not_ok "new council: $name" "rc $rc: $out"; cd "$ROOT"; return 1; }
	}
	step "init" "$K" init --organisation 試験町議会 --year 2025 kansa || { setup_failed "$_tr_current: cd"; return; }
	cd kansa || { setup_failed "new council: cd kansa"; cd "$ROOT"; return; }
	cp "$P/share/kansa/checklists/mito-gikai-taisaku-kijun.txt" checklists/policy.txt
	mkdir -p 2025/answers && cd 2025/answers || { setup_failed "new council: cd 2025/answers"; cd "$ROOT"; return; }
	step "template from 2025/answers" "$K" template --year 2025 || { setup_failed "$_tr_current: cd"; return; }
	cd ../.. || { setup_failed "new council: cd ../.."; cd "$ROOT"; return; }
	miss=""
	printf '%s' "$out" | grep -q "deriving it from checklists/policy.txt" || miss="$miss [no derive notice]"
	grep -q "試験町の記入要領 (installed)" templates/answer-sheet.txt || miss="$miss [init: not the installed template]"
	grep -q "試験町の記入要領 (installed)" 2025/answers/answers-2025-ciso.ini || miss="$miss [sheet: not the installed template]"
	# the respondents fill their sheets: one in Shift_JIS, one UTF-8 with BOM
	mkdir -p 2025/evidence/画面
	printf 'screenshot\n' >2025/evidence/画面/gpo.png
	printf '[kansa]\r\nkind = evidence\r\nfiscal_year = 2025\r\n\r\n[EV-2025-001]\r\ntitle = 設定画面\r\nfile = 画面/gpo.png\r\ncollected_on = 2025-09-30\r\n' \
		>2025/evidence/register.ini
	for f in 2025/answers/*.ini; do
		enc=utf-8
		case $f in
		*-sys-admin.ini) enc=cp932 ;;
		*-members-staff.ini) enc=utf-8-sig ;;
		esac
		python3 "$ROOT/tests/cli/council_fill.py" "$f" $enc 議会事務局 EV-2025-001 >/dev/null ||
			miss="$miss [fill $f]"
	done
	head -c 3 2025/answers/answers-2025-members-staff.ini | od -An -tx1 | grep -q "ef bb bf" || miss="$miss [no BOM]"
	iconv -f UTF-8 -t UTF-8 2025/answers/answers-2025-sys-admin.ini >/dev/null 2>&1 && miss="$miss [not Shift_JIS]"
	step "run 2025" "$K" run --year 2025 --as-of 2026-01-31 --date 2026-02-10 || { setup_failed "$_tr_current: cd"; return; }
	printf '%s' "$out" | grep -q "import .*: 10 new, 0 replaced" || miss="$miss [import 2025]"
	printf '%s' "$out" | grep -q "試験町議会 令和7年度 (2025)" || miss="$miss [summary]"
	(cd output/2025 && sha256sum -c MANIFEST.sha256 >/dev/null 2>&1) || miss="$miss [manifest]"
	grep -q "answers-2025-sys-admin.ini.*Shift_JIS" output/2025/kansa-run.log || miss="$miss [no Shift_JIS notice]"
	step "plan add" "$K" plan add KP-2025-001 --item "6-4(2)キ" --finding-year 2025 \
		--department 議会事務局 --role 議員及び職員 --action "設定を点検する" \
		--due 2026-03-31 --as-of 2026-02-10 || { setup_failed "$_tr_current: cd"; return; }
	if [ -z "$miss" ]; then
		ok "new council: the first year with the installed kansa (init, policy, template from a subfolder, Shift_JIS and BOM sheets, run)"
	else
		not_ok "new council: the first year" "$miss"
	fi
	# the second year
	miss=""
	step "year start 2026" "$K" year start 2026 || { setup_failed "$_tr_current: cd"; return; }
	printf '%s' "$out" | grep -q "9 sheets with 2025's answers" || miss="$miss [year start: $out]"
	[ -f 2026/plans-from-2025.ini ] || miss="$miss [plans not carried]"
	for f in 2026/answers/*.ini; do
		python3 "$ROOT/tests/cli/council_fill.py" "$f" utf-8 議会事務局 "" "6-4(2)キ" >/dev/null ||
			miss="$miss [fill $f]"
	done
	step "run 2026" "$K" run --year 2026 --as-of 2026-06-30 --date 2026-07-10 || { setup_failed "$_tr_current: cd"; return; }
	printf '%s' "$out" | grep -q "import .*: 9 new, 0 replaced, 1 unchanged" || miss="$miss [import 2026: $out]"
	grep -q "6-4(2)キ.*悪化\|悪化.*6-4(2)キ" output/2026/diff.txt || miss="$miss [the changed answer is not 悪化 in the diff]"
	step "report plans" "$K" report plans --as-of 2026-06-30 || { setup_failed "$_tr_current: cd"; return; }
	[ -f output/2026/kansa-plans-2026-06-30.pdf ] && [ -f output/2026/kansa-plans-2026-06-30.xlsx ] ||
		miss="$miss [plans report: $(ls output/2026)]"
	pdftotext output/2026/kansa-plans-2026-06-30.pdf - 2>/dev/null | grep -q "KP-2025-001" || miss="$miss [plan not in the report]"
	if [ -z "$miss" ]; then
		ok "new council: the second year (year start, a changed answer shown as 悪化, report plans) with the installed kansa"
	else
		not_ok "new council: the second year" "$miss"
	fi
	# where the tool is: manual pages and completion, then uninstall
	miss=""
	n=0
	for page in "$P"/share/man/man1/kansa.1 "$P"/share/man/man5/*.5; do
		n=$((n + 1))
		w=$(MANROFFOPT=-ww MANWIDTH=80 man -l "$page" 2>&1 >/dev/null)
		[ -z "$w" ] || miss="$miss [$page: $w]"
		w=$(groff -ww -man -Tutf8 -k "$page" 2>&1 >/dev/null)
		[ -z "$w" ] || miss="$miss [$page: $w]"
	done
	[ "$n" -eq 8 ] || miss="$miss [$n pages]"
	c="$P/share/bash-completion/completions/kansa"
	got=$(bash -c '
		source "$1" || exit 1
		complete -p kansa || exit 1
		t() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _kansa; echo "${COMPREPLY[*]}"; }
		t kansa ye; t kansa year s; t kansa template --ye; t kansa plan list --format j' _ "$c" 2>&1)
	exp="complete -o filenames -F _kansa kansa
year
start
--year
json"
	[ "$got" = "$exp" ] || miss="$miss [completion: $got]"
	make -s --no-print-directory -C "$ROOT" uninstall DESTDIR="$d/inst" PREFIX=/opt/kansa \
		BUILD="$BUILD" >"$d/uninstall.log" 2>&1 || miss="$miss [uninstall: $(cat "$d/uninstall.log")]"
	left=$(find "$d/inst" -type f)
	[ -z "$left" ] || miss="$miss [left after uninstall: $left]"
	if [ -z "$miss" ]; then
		ok "new council: man -l renders the 8 installed pages without a warning; bash completion from the command table; make uninstall removes every file"
	else
		not_ok "new council: pages, completion, uninstall" "$miss"
	fi
	cd "$ROOT" || { setup_failed "cd ROOT"; return; }
}

t_new_council
