# tests/cli/inputs.sh: issue 12: every byte of input accounted for, no
# file written where it should not be.  Sourced by tests/run.sh after
# import.sh (BASE_WS: a database with the seed policy derived).

# in_ws: a fresh workspace with the base database; echoes its path.
in_ws() {
	w=$(workspace)
	cp "$BASE_WS/kansa.db" "$w/" || not_ok "inputs: set-up: copy the base database"
	echo "$w"
}

# in_head FILE [answered_on]: an answers header for 情報システム管理者.
in_head() {
	printf '[kansa]\nkind = answers\nfiscal_year = 2025\ndepartment = 総務課\nrole = 情報システム管理者\nrespondent = 水戸 太郎\nansweredp_on = %s\n' \
		"${2-2025-10-01}" | sed 's/answeredp_on/answered_on/' >"$1"
}

# in_answers DIR: item|status|comment of every answer, sorted.
in_answers() {
	python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for r in c.execute('SELECT item_id, status, comment FROM answer ORDER BY item_id'):
    print('|'.join(r))" "$1/kansa.db"
}

# in_expect NAME GOT WANT [DETAIL]: GOT equals WANT.
in_expect() {
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got: $2
want: $3
$4"; fi
}

# 1: a trailing backslash (with or without white space after it) is text
t_in_backslash() {
	ws=$(in_ws)
	in_head "$ws/a.ini"
	printf '[3(2)ア(イ)]\nstatus = 実施\ncomment = C:\\手順\\ \n[3(2)カ(ア)]\nstatus = 未実施\ncomment = 末尾\\\n[3(2)カ(イ)]\nstatus = 一部実施\n' >>"$ws/a.ini"
	(cd "$ws" && "$KANSA" import --year 2025 a.ini) >"$ws/out" 2>&1
	in_expect "inputs 1: a trailing '\\' is text, the next line stays its own (exit $?)" \
		"$(in_answers "$ws")" '3(2)ア(イ)|実施|C:\手順\
3(2)カ(ア)|未実施|末尾\
3(2)カ(イ)|一部実施|' "$(cat "$ws/out")"
}

# 2: text iniparser drops is named with FILE:LINE
t_in_dropped() {
	ws=$(in_ws)
	in_head "$ws/a.ini"
	printf '[3(2)ア(イ)]\nstatus = 実施\ncomment = #1 の手順で実施\n[3(2)カ(ア)]\nstatus = 実施\ncomment = 設定は GPO #12 のとおり\n[3(2)カ(イ)]\nstatus = 実施\ncomment = "引用" の後\nevidence =   ; none yet\n' >>"$ws/a.ini"
	(cd "$ws" && "$KANSA" import --year 2025 a.ini) >"$ws/out" 2>&1
	rc=$?
	if [ $rc -eq 0 ] &&
		grep -q "a.ini:10: warning: .*'#1 の手順で実施' is read as a comment and dropped" "$ws/out" &&
		grep -q "a.ini:13: warning: .*'#12 のとおり' is read as a comment and dropped" "$ws/out" &&
		grep -q "a.ini:16: warning: text after the closing quote of 'comment' is dropped: 'の後'" "$ws/out" &&
		! grep -q "a.ini:17" "$ws/out"; then
		ok "inputs 2: dropped text is named with FILE:LINE ('; comment' after a space is not)"
	else
		not_ok "inputs 2: dropped text is named with FILE:LINE" "rc $rc: $(cat "$ws/out")"
	fi
	in_head "$ws/b.ini"
	printf '[3(2)ア(イ)]\nstatus = 実施\ncomment = "開いたまま\n' >>"$ws/b.ini"
	(cd "$ws" && "$KANSA" import --year 2025 b.ini) >"$ws/out" 2>&1
	rc=$?
	[ $rc -eq 3 ] && grep -q "b.ini:10: the value of 'comment' opens a quote" "$ws/out" &&
		ok "inputs 2: a quote never closed is an error with FILE:LINE" ||
		not_ok "inputs 2: a quote never closed" "rc $rc: $(cat "$ws/out")"
}

# 11: no decoded copy on disk: a missing or unwritable TMPDIR changes nothing
t_in_tmpdir() {
	ws=$(in_ws)
	in_head "$ws/a.ini"
	printf '[3(2)ア(イ)]\nstatus = 実施\n' >>"$ws/a.ini"
	mkdir "$ws/ro" && chmod 555 "$ws/ro"
	(cd "$ws" && TMPDIR=/nonexistent/kansa "$KANSA" import --year 2025 a.ini) >"$ws/out" 2>&1
	rc=$?
	(cd "$ws" && TMPDIR="$ws/ro" "$KANSA" items --role 情報システム管理者 >/dev/null &&
		TMPDIR="$ws/ro" "$KANSA" import --year 2025 a.ini) >>"$ws/out" 2>&1
	rc2=$?
	[ $rc -eq 0 ] && [ $rc2 -eq 0 ] && [ -z "$(ls -A "$ws/ro")" ] &&
		ok "inputs 11: INI files load with TMPDIR missing or read-only (nothing written there)" ||
		not_ok "inputs 11: INI files load without TMPDIR" "rc $rc $rc2: $(cat "$ws/out")"
}

# 14: UTF-16 with a byte-order mark is converted with a notice
t_in_utf16() {
	ws=$(in_ws)
	in_head "$ws/u8.ini"
	printf '[3(2)ア(イ)]\nstatus = 実施\ncomment = ユニコード\n' >>"$ws/u8.ini"
	{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$ws/u8.ini"; } >"$ws/le.ini"
	sed 's/総務課/企画課/' "$ws/u8.ini" | { printf '\376\377'; iconv -f UTF-8 -t UTF-16BE; } >"$ws/be.ini"
	(cd "$ws" && "$KANSA" import --year 2025 le.ini be.ini) >"$ws/out" 2>&1
	rc=$?
	if [ $rc -eq 0 ] && grep -q "le.ini: notice: converted from UTF-16LE" "$ws/out" &&
		grep -q "be.ini: notice: converted from UTF-16BE" "$ws/out" &&
		[ "$(in_answers "$ws")" = '3(2)ア(イ)|実施|ユニコード
3(2)ア(イ)|実施|ユニコード' ]; then
		ok "inputs 14: UTF-16LE and UTF-16BE with a BOM are converted, with a notice"
	else
		not_ok "inputs 14: UTF-16 with a BOM" "rc $rc: $(cat "$ws/out")"
	fi
}

# 15: white space of every kind trimmed; nearest status, role and ID
# suggested; invisible characters shown as <U+XXXX>
t_in_space() {
	ws=$(in_ws)
	in_head "$ws/a.ini"
	printf '[3(2)ア(イ)]\nstatus = 実施\343\200\200\ncomment = \302\240全角と NBSP\343\200\200\n[3(2)カ(ア)]\nstatus = \342\200\213未実施\t\n' >>"$ws/a.ini"
	(cd "$ws" && "$KANSA" import --year 2025 a.ini) >"$ws/out" 2>&1
	in_expect "inputs 15: U+3000, NBSP, ZWSP and tab around values are trimmed (exit $?)" \
		"$(in_answers "$ws")" '3(2)ア(イ)|実施|全角と NBSP
3(2)カ(ア)|未実施|' "$(cat "$ws/out")"
	in_head "$ws/b.ini"
	sed -i 's/^role = .*/role = 情報システム管理車/' "$ws/b.ini"
	printf '[3(2)ア(イ)]\nstatus = 実地\n[3(2)カ(ア)]\nstatus = 実\343\200\200施\n[3(2)カ(ｱ)x]\nstatus = 実施\n' >>"$ws/b.ini"
	(cd "$ws" && "$KANSA" import --year 2025 b.ini) >"$ws/out" 2>&1
	rc=$?
	if [ $rc -eq 3 ] && grep -q "b.ini:9: unknown status '実地'.*did you mean 実施?" "$ws/out" &&
		grep -q "b.ini:11: unknown status '実<U+3000>施'" "$ws/out" &&
		grep -q "b.ini:5: unknown role '情報システム管理車'.*did you mean 情報システム管理者?" "$ws/out" &&
		grep -q "b.ini:12: unknown item ID.*did you mean '3(2)カ(ア)'" "$ws/out"; then
		ok "inputs 15: nearest status, role and ID suggested; U+3000 shown as <U+3000>"
	else
		not_ok "inputs 15: suggestions and visible invisibles" "rc $rc: $(cat "$ws/out")"
	fi
}

# 16: a duplicate after normalisation is an input error naming both lines;
# every message names the user's file
t_in_dup_norm() {
	ws=$(in_ws)
	in_head "$ws/a.ini"
	printf '[3(2)ア(イ)]\nstatus = 実施\n[３（２）ア（イ）]\nstatus = 未実施\n' >>"$ws/a.ini"
	(cd "$ws" && "$KANSA" import --year 2025 a.ini) >"$ws/out" 2>&1
	rc=$?
	[ $rc -eq 3 ] && grep -q "a.ini:10: .*'3(2)ア(イ)'.*line 8" "$ws/out" &&
		ok "inputs 16: [3(2)ア(イ)] and [３（２）ア（イ）] in one file: exit 3 with both lines" ||
		not_ok "inputs 16: a duplicate after normalisation" "rc $rc: $(cat "$ws/out")"
	in_head "$ws/b.ini"
	printf '[3(2)ア(イ)] ; note\nstatus = 実施\n' >>"$ws/b.ini"
	(cd "$ws" && "$KANSA" import --year 2025 b.ini) >"$ws/out" 2>&1
	rc=$?
	[ $rc -eq 3 ] && grep -q "^b.ini:8: text after the section header: ' ; note'" "$ws/out" &&
		! grep -q "/tmp\|/proc" "$ws/out" &&
		ok "inputs 16: '[item] ; note' is named with the user's FILE:LINE" ||
		not_ok "inputs 16: '[item] ; note'" "rc $rc: $(cat "$ws/out")"
}

# 17: an empty answered_on is warned of
t_in_answered_on() {
	ws=$(in_ws)
	in_head "$ws/a.ini" ""
	printf '[3(2)ア(イ)]\nstatus = 実施\n' >>"$ws/a.ini"
	(cd "$ws" && "$KANSA" import --year 2025 a.ini) >"$ws/out" 2>&1
	rc=$?
	[ $rc -eq 0 ] && grep -q "a.ini:7: warning: answered_on is empty" "$ws/out" &&
		ok "inputs 17: an empty answered_on is warned of, with its line" ||
		not_ok "inputs 17: an empty answered_on" "rc $rc: $(cat "$ws/out")"
}

t_in_backslash
t_in_dropped
t_in_tmpdir
t_in_utf16
t_in_space
t_in_dup_norm
t_in_answered_on
