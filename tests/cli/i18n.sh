# tests/cli/i18n.sh: messages in the user's language (gettext, po/ja.po):
# the catalogue is complete, Japanese under LANG=ja_JP.UTF-8 and English
# under LANG=C.UTF-8 (the uninstalled build and an installed kansa, the
# new-council flow), and the outputs are the same bytes under both.
# Sourced by tests/run.sh.

test_plan 6

# ja CMD...: CMD under LANG=ja_JP.UTF-8 (tests/run.sh sets LC_ALL=C.UTF-8)
ja() { env -u LC_ALL -u LANGUAGE LANG=ja_JP.UTF-8 "$@"; }
en() { env -u LC_ALL -u LANGUAGE LANG=C.UTF-8 "$@"; }

# Every message of the sources is in po/ja.po, translated, none fuzzy.
t_catalogue() {
	miss=""
	stats=$(msgfmt --check --statistics -o /dev/null "$ROOT/po/ja.po" 2>&1) || miss="$miss [msgfmt: $stats]"
	printf '%s' "$stats" | grep -q "^[0-9][0-9]* translated messages\.$" || miss="$miss [not all translated: $stats]"
	pot="$TMPROOT/i18n.pot"
	if sh "$ROOT/tools/pot.sh" "$pot" >/dev/null 2>&1 && [ -s "$pot" ]; then
		n=$(grep -c '^msgid ' "$pot")
		[ "$n" -gt 100 ] || miss="$miss [only $n messages extracted]"
		out=$(msgcmp "$ROOT/po/ja.po" "$pot" 2>&1) || miss="$miss [po/ja.po lacks messages of the sources (make pot; msgmerge): $(printf '%s' "$out" | head -5)]"
		grep -v '^"POT-Creation-Date' "$pot" >"$pot.a"
		grep -v '^"POT-Creation-Date' "$ROOT/po/kansa.pot" >"$pot.b"
		cmp -s "$pot.a" "$pot.b" || miss="$miss [po/kansa.pot is not what make pot makes: $(diff "$pot.b" "$pot.a" | head -5)]"
	else
		miss="$miss [tools/pot.sh failed]"
	fi
	if [ -z "$miss" ]; then
		ok "i18n: po/ja.po translates all $n messages of the sources (xgettext), none fuzzy or untranslated; po/kansa.pot is current"
	else
		not_ok "i18n: the catalogue" "$miss"
	fi
}

# The uninstalled build finds build/locale: Japanese under ja, English
# under C, for help, a usage error and a diagnostic.
t_build_messages() {
	miss=""
	out=$(ja "$KANSA" help 2>&1)
	printf '%s' "$out" | grep -q "^使い方: kansa" || miss="$miss [ja help: $(printf '%s' "$out" | head -2)]"
	printf '%s' "$out" | grep -q "回答票と証跡台帳を取り込みます" || miss="$miss [ja summaries]"
	out=$(ja "$KANSA" score --year x 2>&1)
	printf '%s' "$out" | grep -q "^kansa score: --year 'x' は年度ではありません" || miss="$miss [ja usage error: $out]"
	out=$(ja "$KANSA" --workspace "$TMPROOT/nowhere" status --year 2025 2>&1)
	printf '%s' "$out" | grep -q "nowhere: ワークスペースではありません" || miss="$miss [ja diagnostic: $out]"
	out=$(en "$KANSA" help 2>&1)
	printf '%s' "$out" | grep -q "^usage: kansa" || miss="$miss [C help: $(printf '%s' "$out" | head -2)]"
	out=$(en "$KANSA" score --year x 2>&1)
	printf '%s' "$out" | grep -q "^kansa score: --year 'x' is not a fiscal year" || miss="$miss [C usage error: $out]"
	out=$(en "$KANSA" --workspace "$TMPROOT/nowhere" status --year 2025 2>&1)
	printf '%s' "$out" | grep -q "nowhere: not a workspace" || miss="$miss [C diagnostic: $out]"
	if [ -z "$miss" ]; then
		ok "i18n: the build's kansa speaks Japanese under LANG=ja_JP.UTF-8 and English under LANG=C.UTF-8 (help, usage errors, diagnostics)"
	else
		not_ok "i18n: messages of the build" "$miss"
	fi
}

# What kansa writes is the same bytes under both locales (numbers, order
# and dates stay C): the checklist, the answer sheets, score and items.
t_outputs_same() {
	miss=""
	for l in ja en; do
		w="$TMPROOT/i18n-$l"
		mkdir -p "$w" && cd "$w" || { setup_failed "i18n: cd"; return; }
		$l "$KANSA" derive "$ROOT/checklists/mito-gikai-taisaku-kijun.txt" -o c.ini >/dev/null 2>&1 || miss="$miss [$l derive]"
		$l "$KANSA" template --year 2025 -o sheets >/dev/null 2>&1 || miss="$miss [$l template]"
		for f in sheets/*.ini; do
			python3 "$ROOT/tests/cli/council_fill.py" "$f" utf-8 議会事務局 >/dev/null || miss="$miss [fill $f]"
		done
		$l "$KANSA" import --year 2025 sheets/*.ini >/dev/null 2>&1 || miss="$miss [$l import]"
		$l "$KANSA" items --format tsv >items.tsv 2>&1 || miss="$miss [$l items]"
		$l "$KANSA" score --year 2025 --as-of 2026-01-31 --format json >score.json 2>&1 || miss="$miss [$l score]"
		$l "$KANSA" findings --year 2025 --as-of 2026-01-31 >findings.txt 2>&1 || miss="$miss [$l findings]"
		$l "$KANSA" status --year 2025 --as-of 2026-01-31 >status.txt 2>&1 || miss="$miss [$l status]"
		cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
	done
	out=$(diff -r "$TMPROOT/i18n-ja" "$TMPROOT/i18n-en" -x '*.db' 2>&1) || miss="$miss [differ: $(printf '%s' "$out" | head -5)]"
	[ -s "$TMPROOT/i18n-ja/items.tsv" ] || miss="$miss [no items]"
	if [ -z "$miss" ]; then
		ok "i18n: the checklist, answer sheets, items, score, findings and status are the same bytes under LANG=ja_JP.UTF-8 and LANG=C.UTF-8"
	else
		not_ok "i18n: outputs under both locales" "$miss"
	fi
}

# Enumerated option values in either language, under either locale.
t_values() {
	miss=""
	cd "$TMPROOT/i18n-en" || { setup_failed "i18n: values"; return; }
	for pair in "--by department|--by 部署" "--by chapter|--by 章" "--view self|--view 自己評価" \
		"--view audit|--view 監査"; do
		a=${pair%|*}
		b=${pair#*|}
		for l in ja en; do
			# shellcheck disable=SC2086
			x=$($l "$KANSA" score --year 2025 --as-of 2026-01-31 $a 2>&1) || miss="$miss [$l $a: $x]"
			# shellcheck disable=SC2086
			y=$($l "$KANSA" score --year 2025 --as-of 2026-01-31 $b 2>&1) || miss="$miss [$l $b: $y]"
			[ -n "$x" ] && [ "$x" = "$y" ] || miss="$miss [$l: $a / $b: $x / $y]"
		done
	done
	en "$KANSA" plan add KP-1 --item "2(2)ア" --finding-year 2025 --department 総務課 --role CISO \
		--action 点検 --due 2026-03-31 --as-of 2026-01-10 >/dev/null 2>&1 || miss="$miss [plan add]"
	ja "$KANSA" plan update KP-1 --status doing --as-of 2026-01-11 >/dev/null 2>&1 || miss="$miss [--status doing]"
	en "$KANSA" plan show KP-1 2>&1 | grep -q "対応中" || miss="$miss [doing is not 対応中]"
	en "$KANSA" plan update KP-1 --status 未着手 --as-of 2026-01-12 >/dev/null 2>&1 || miss="$miss [--status 未着手]"
	ja "$KANSA" plan update KP-1 --status in-progress --as-of 2026-01-13 >/dev/null 2>&1 || miss="$miss [--status in-progress]"
	[ "$(en "$KANSA" plan list --format tsv --as-of 2026-01-13 2>&1 | grep -c "対応中")" -eq 1 ] || miss="$miss [in-progress is not 対応中]"
	out=$(en "$KANSA" plan update KP-1 --status finished 2>&1)
	[ $? -eq 2 ] && printf '%s' "$out" | grep -q "todo, doing, done or confirmed" || miss="$miss [bad status: $out]"
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
	if [ -z "$miss" ]; then
		ok "i18n: option values in both languages under either locale (--by 部署/department, --view 自己評価/self, --status 対応中/doing; --fail-on in the installed test)"
	else
		not_ok "i18n: option values" "$miss"
	fi
}

# An installed kansa (make install DESTDIR) finds its catalogue in
# PREFIX/share/locale; the new council's first year in both languages.
t_installed() {
	d=$(workspace)
	if ! make -s --no-print-directory -C "$ROOT" install DESTDIR="$d/inst" \
		PREFIX=/opt/kansa BUILD="$BUILD" >"$d/install.log" 2>&1; then
		not_ok "i18n: make install" "$(cat "$d/install.log")"
		not_ok "i18n: installed, C"
		return
	fi
	K="$d/inst/opt/kansa/bin/kansa"
	[ -f "$d/inst/opt/kansa/share/locale/ja/LC_MESSAGES/kansa.mo" ] || { not_ok "i18n: kansa.mo not installed"; not_ok "i18n: installed, C"; return; }
	for l in ja en; do
		miss=""
		cd "$d" || { setup_failed "i18n: cd"; return; }
		council() { # council NAME CMD...: one step; its output in $out
			name=$1
			shift
			out=$($l "$@" 2>&1) || miss="$miss [$name: rc $?: $(printf '%s' "$out" | tail -3)]"
		}
		council init "$K" init --organisation 試験町議会 --year 2025 "c-$l"
		case $l in
		ja) exp="次の手順" ;;
		en) exp="next steps" ;;
		esac
		printf '%s' "$out" | grep -q "$exp" || miss="$miss [init: $out]"
		cp "$ROOT/checklists/mito-gikai-taisaku-kijun.txt" "c-$l/checklists/policy.txt"
		cd "c-$l/2025/answers" || { setup_failed "i18n: cd"; return; }
		council template "$K" template --year 2025
		cd ../.. || { setup_failed "$_tr_current: cd"; return; }
		for f in 2025/answers/*.ini; do
			python3 "$ROOT/tests/cli/council_fill.py" "$f" utf-8 議会事務局 >/dev/null || miss="$miss [fill $f]"
		done
		council run "$K" run --year 2025 --as-of 2026-01-31 --date 2026-02-10
		case $l in
		ja) exp="ファイル 9 件（回答票 9、証跡台帳 0、監査ファイル 0、改善計画 0）: 新規 9" ;;
		en) exp="9 files (answers 9, evidence 0, audit 0, plans 0): 9 new" ;;
		esac
		printf '%s' "$out" | grep -q "$exp" || miss="$miss [run: $out]"
		printf '%s' "$out" | grep -q "試験町議会 令和7年度 (2025)" || miss="$miss [run summary: $out]"
		# --fail-on in both languages: the same exit (1: 軽微 findings)
		$l "$K" run --year 2025 --as-of 2026-01-31 --fail-on minor >/dev/null 2>&1
		rc1=$?
		$l "$K" run --year 2025 --as-of 2026-01-31 --fail-on 軽微 >/dev/null 2>&1
		rc2=$?
		[ $rc1 -eq 1 ] && [ $rc2 -eq 1 ] || miss="$miss [--fail-on minor: $rc1, 軽微: $rc2]"
		out=$($l "$K" run --year 2025 --fail-on nonsense 2>&1)
		case $l in
		ja) exp="重大、軽微、推奨、観察" ;;
		en) exp="grave, minor, advisory or observation" ;;
		esac
		printf '%s' "$out" | grep -q "$exp" || miss="$miss [--fail-on: $out]"
		cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
		if [ -z "$miss" ]; then
			ok "i18n: installed kansa, LANG=$([ $l = ja ] && echo ja_JP || echo C).UTF-8: init, template from a subfolder, run and a usage error in $([ $l = ja ] && echo Japanese || echo English)"
		else
			not_ok "i18n: installed kansa under $l" "$miss"
		fi
	done
}

t_catalogue
t_build_messages
t_outputs_same
t_values
t_installed
