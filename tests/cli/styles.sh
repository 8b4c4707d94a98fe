# tests/cli/styles.sh: policies in each numbering style (tests/policies/)
# derive exactly the items listed for them (ID, roles, level, text).
# Sourced by tests/run.sh, which provides KANSA, ROOT, workspace, ok,
# not_ok and check.

test_plan 15

POLICIES="$ROOT/tests/policies"

# style_items WS NAME [ARGS...]: derives NAME.txt in WS and writes
# WS/NAME.tsv (id, roles, level, text); returns derive's exit code.
style_items() {
	ws=$1
	name=$2
	shift 2
	mkdir -p "$ws/checklists"
	cp "$POLICIES/$name.txt" "$ws/checklists/" || return 9
	(cd "$ws" && "$KANSA" derive "$@" "checklists/$name.txt") \
		>"$ws/$name.out" 2>"$ws/$name.err" || return $?
	(cd "$ws" && "$KANSA" items --format tsv) |
		awk -F '\t' 'BEGIN {OFS = "\t"} {print $1, $3, $2, $7}' \
			>"$ws/$name.tsv"
}

t_style_policies() {
	for name in council dai jourei guideline decimal bullets; do
		ws=$(workspace)
		if [ ! -s "$POLICIES/$name.expected.tsv" ]; then
			not_ok "styles: $name: expected items exist" "$POLICIES/$name.expected.tsv"
			continue
		fi
		n=$(($(wc -l <"$POLICIES/$name.expected.tsv") - 1))
		if ! style_items "$ws" "$name"; then
			not_ok "styles: $name derives $n expected items" \
				"$(cat "$ws/$name.err" 2>/dev/null)"
			continue
		fi
		if d=$(diff -u "$POLICIES/$name.expected.tsv" "$ws/$name.tsv"); then
			ok "styles: $name derives $n expected items"
		else
			not_ok "styles: $name derives $n expected items" \
				"$(cat "$ws/$name.err"; echo "$d")"
		fi
	done
}

t_style_policies

t_style_named_and_kept() {
	ws=$(workspace)
	style_items "$ws" dai || {
		not_ok "styles: derive names the style it detected" "$(cat "$ws/dai.err")"
		return
	}
	if grep -q "^style:     dai (.*detected: reads [0-9]* numbered clauses; next best" "$ws/dai.out"; then
		ok "styles: derive names the style it detected and why"
	else
		not_ok "styles: derive names the style it detected and why" "$(cat "$ws/dai.out")"
	fi
	# the same text again: same IDs, checklist untouched
	cp "$ws/dai.tsv" "$ws/first.tsv"
	style_items "$ws" dai
	if cmp -s "$ws/first.tsv" "$ws/dai.tsv" && grep -q "(unchanged)" "$ws/dai.out"; then
		ok "styles: IDs are stable across re-derives"
	else
		not_ok "styles: IDs are stable across re-derives" "$(diff "$ws/first.tsv" "$ws/dai.tsv")"
	fi
	# --style forces a style and the checklist keeps it
	style_items "$ws" dai --style council
	if grep -q "^style:     council (.*--style" "$ws/dai.out" &&
		grep -q "^style = council" "$ws/checklists/dai.ini" &&
		style_items "$ws" dai && grep -q "^style:     council (.*the checklist's style" "$ws/dai.out"; then
		ok "styles: --style forces a style, kept by the checklist's [kansa] style"
	else
		not_ok "styles: --style forces a style, kept by the checklist's [kansa] style" "$(cat "$ws/dai.out" "$ws/dai.err")"
	fi
	rc=0
	style_items "$ws" dai --style nosuch || rc=$?
	if [ "$rc" -eq 3 ] && grep -q "unknown numbering style 'nosuch' (expected one of council, dai" "$ws/dai.err"; then
		ok "styles: an unknown style is refused with the list of styles"
	else
		not_ok "styles: an unknown style is refused with the list of styles" "rc=$rc $(cat "$ws/dai.err")"
	fi
}

# A workspace describes its own style in templates/styles.ini: no C.
t_style_workspace_defined() {
	ws=$(workspace)
	mkdir -p "$ws/templates" "$ws/checklists"
	cat >"$ws/templates/styles.ini" <<'INI'
[kansa]
kind = styles

[kakko]
description = 【1】 / 1) / ①
level1 = 【{n}】
level1_flags = own, sequential, heading, title
level2 = {n})
level2_cite = -{n}
level3 = {circled}
INI
	cat >"$ws/checklists/kakko.txt" <<'TXT'
架空組合情報セキュリティ要領(以下「要領」という。)
【1】 組織
1) CISOは、対策の実施状況を確認しなければならない。
2) 情報システム管理者は、次の事項を実施しなければならない。
① 台帳を整備する。
② 記録を保存する。
【2】 運用
1) パスワードを適切に管理しなければならない。
TXT
	(cd "$ws" && "$KANSA" derive checklists/kakko.txt) >"$ws/out" 2>"$ws/err"
	got=$(cd "$ws" && "$KANSA" items --format tsv | cut -f1-3 | tail -n +2 | tr '\t\n' ' |')
	want="【1】-1 必須 CISO|【1】-2① 必須 情報システム管理者|【1】-2② 必須 情報システム管理者|【2】-1 必須 議員及び職員|"
	if [ "$got" = "$want" ] && grep -q "^style:     kakko (" "$ws/out"; then
		ok "styles: a style described in the workspace's templates/styles.ini"
	else
		not_ok "styles: a style described in the workspace's templates/styles.ini" "$got
$(cat "$ws/out" "$ws/err")"
	fi
	printf '[kansa]\nkind = styles\n[bad]\nlevel1 = ({x})\nlevel1_flags = own, sideways\n' >"$ws/templates/styles.ini"
	rc=0
	(cd "$ws" && "$KANSA" derive checklists/kakko.txt) >"$ws/out" 2>"$ws/err" || rc=$?
	if [ "$rc" -eq 3 ] && grep -q "templates/styles.ini:4: .*bad marker '({x})'" "$ws/err" &&
		grep -q "templates/styles.ini:5: .*unknown flag 'sideways'" "$ws/err"; then
		ok "styles: a bad style is refused with file:line"
	else
		not_ok "styles: a bad style is refused with file:line" "rc=$rc $(cat "$ws/err")"
	fi
}

# Warnings that name the cause.
t_style_warnings() {
	ws=$(workspace)
	mkdir -p "$ws/checklists"
	rc=0
	cp "$POLICIES/guideline.txt" "$ws/checklists/"
	(cd "$ws" && "$KANSA" derive --style jourei checklists/guideline.txt) >/dev/null 2>"$ws/err" || rc=$?
	if [ "$rc" -eq 3 ] && grep -q "no numbered clauses found in style 'jourei' (.*first level is written '第{n}章'): name another with --style" "$ws/err"; then
		ok "styles: a text that is not in the forced style says so"
	else
		not_ok "styles: a text that is not in the forced style says so" "rc=$rc $(cat "$ws/err")"
	fi
	{
		echo "架空市要領(以下「要領」という。)"
		echo "職員は、この要領を守らなければならない。"
		echo "1 総則"
		echo "(1) CISOは、対策を統括する。"
		echo "(2) 職員は、研修を受けなければならない。"
		echo "(9) 情報システム管理者は、台帳を整備しなければならない。"
		i=0
		while [ $i -lt 65 ]; do echo "続きの文章である。"; i=$((i + 1)); done
	} >"$ws/checklists/w.txt"
	(cd "$ws" && "$KANSA" derive checklists/w.txt) >/dev/null 2>"$ws/err"
	if grep -q "w.txt: warning: obligation wording on 1 line before the first numbered clause (line 3) gives no item (line 2)" "$ws/err" &&
		grep -q "w.txt:6: warning: 1 line starts like a level-3 marker '({n})' of style 'council' but does not continue its numbering there and was read as text (line 6)" "$ws/err" &&
		grep -q "w.txt:5: warning: '(2)' takes in 66 lines of text: is a marker of style 'council' missing below it?" "$ws/err" &&
		grep -q "要確認: 1 clause states a role's duty in plain form (「…は、…する。」) .*: 1(1) (line 4)" "$ws/err"; then
		ok "styles: warnings name the cause (preamble, unparsed marker, long run, plain-form duty)"
	else
		not_ok "styles: warnings name the cause (preamble, unparsed marker, long run, plain-form duty)" "$(cat "$ws/err")"
	fi
}

# A level numbered through the text (第N of style dai) that starts again
# at 1, and a level restarting under each parent (N of dai) that goes on
# from the previous parent instead: derive names the lines, the level and
# the numbers.
t_style_restart_warnings() {
	ws=$(workspace)
	mkdir -p "$ws/checklists"
	rc=0
	cp "$POLICIES/restart.txt" "$ws/checklists/" || rc=9
	(cd "$ws" && "$KANSA" derive --style dai checklists/restart.txt) >/dev/null 2>"$ws/err" || rc=$?
	if [ "$rc" -eq 0 ] &&
		grep -q "restart.txt:11: warning: level-2 '{n}' of style 'dai' restarts under each parent, but '3' (line 11) under '第2' goes on from '2' (line 7) under '第1' instead of starting at 1" "$ws/err" &&
		grep -q "restart.txt:15: warning: level-2 '{n}' of style 'dai' restarts under each parent, but '4' (line 15) under '第3' goes on from '3' (line 11) under '第2' instead of starting at 1: it was read as text" "$ws/err" &&
		grep -q "restart.txt:18: warning: level-1 '第{n}' of style 'dai' is numbered through the whole text, but '第1' (line 18) restarts after '第3' (line 14): line 18 was read as text" "$ws/err" &&
		! grep -q "starts like a level-2 marker" "$ws/err" &&
		! grep -q "starts like a level-1 marker" "$ws/err"; then
		ok "styles: numbering that restarts (or does not) names the lines, the level and the numbers"
	else
		not_ok "styles: numbering that restarts (or does not) names the lines, the level and the numbers" "rc=$rc $(cat "$ws/err")"
	fi
}

t_style_named_and_kept
t_style_workspace_defined
t_style_warnings
t_style_restart_warnings
