# tests/cli/zz_hostile.sh: hostile input: each handled with a clear
# message or a sound result, no crash, in bounded time (`timeout` turns a
# hang into a failure).  Sourced by tests/run.sh after import.sh (BASE_WS).

# hostile NAME WANT_RC PATTERN CMD...: CMD ends within 60 s with WANT_RC
# and its output matches PATTERN (a grep -E pattern).
hostile() {
	name=$1 want=$2 pat=$3
	shift 3
	out=$(timeout 60 "$@" 2>&1)
	rc=$?
	if [ $rc -eq "$want" ] && printf '%s\n' "$out" | grep -Eq "$pat"; then
		ok "hostile: $name (exit $rc)"
	else
		not_ok "hostile: $name" "rc $rc (want $want): $(printf '%s' "$out" | tail -5)"
	fi
}

t_hostile_policy() {
	ws=$(workspace)
	cd "$ws" || return
	head -c 100000000 /dev/zero | tr '\0' 'a' >big.txt
	hostile "a 100 MB policy is refused by its size" 3 "big.txt: file too large" \
		"$KANSA" derive -o a.ini big.txt
	python3 - <<'PY'
open("line.txt", "w").write("1 総則\n\n1-1 節\n\n(1) " + "あ" * 350000 + "しなければならない。\n")
L = ["1 総則", "", "1-1 節", ""]
L += [f"({i % 999 + 1}) 職員は記録しなければならない。" for i in range(60000)]
open("many.txt", "w").write("\n".join(L) + "\n")
L = ["1 総則", "", "1-1 節", ""]
L += [["(1)", "ア", "(ア)", "a"][d % 4] + " 職員は記録しなければならない。" for d in range(20000)]
open("deep.txt", "w").write("\n".join(L) + "\n")
open("nul.txt", "wb").write("1 総則\n\n1-1 節\n\n(1) 職員は\0記録しなければならない。\n".encode())
PY
	hostile "a clause of one 1 MB line derives" 0 "計 +1 +0 +1" \
		"$KANSA" derive -o b.ini line.txt
	hostile "60,000 clauses at one level are refused in bounded time" 3 \
		"more than 1000 clauses under" "$KANSA" derive -o c.ini many.txt
	hostile "one number repeated 5,000 times at one level is refused" 3 \
		"appears more than 100 times at one level" "$KANSA" derive -o d.ini deep.txt
	hostile "a NUL byte is named with its line" 3 "nul.txt:5: NUL byte" \
		"$KANSA" derive -o e.ini nul.txt
	cd "$ROOT" || return
}

t_hostile_ini() {
	ws=$(workspace)
	cd "$ws" || return
	cp "$BASE_WS/kansa.db" .
	python3 - <<'PY'
head = "[kansa]\nkind = answers\nfiscal_year = 2025\ndepartment = 総務課\nrole = 情報システム管理者\n"
open("secs.ini", "w").write(head + "".join(f"[s{i}]\nstatus = 実施\n" for i in range(100000)))
open("longline.ini", "w").write(head + "\n[2(2)ア]\nstatus = 実施\ncomment = " + "x" * 1000000 + "\n")
sql = "'); DROP TABLE answer; --"
# quoted: an unquoted ; starts an INI comment (the sheet says so)
open("sql.ini", "w").write(head.replace("総務課", f'"総務課{sql}"') + f'respondent = "{sql}"\n'
                           f"\n[2(2)ア]\nstatus = 実施\ncomment = \"{sql} =cmd|' /C calc'!A0\"\n")
PY
	before=$(sha256sum kansa.db | cut -d' ' -f1)
	hostile "100,000 sections are refused (too many keys)" 3 "too many keys" \
		"$KANSA" import --year 2025 secs.ini
	hostile "a 1 MB line is refused with its line number" 3 "longline.ini:9: line too long" \
		"$KANSA" import --year 2025 longline.ini
	[ "$(sha256sum kansa.db | cut -d' ' -f1)" = "$before" ] &&
		ok "hostile: refused imports leave the database unchanged" ||
		not_ok "hostile: refused imports leave the database unchanged"
	hostile "SQL and formula payloads are stored as text" 0 "1 answers" \
		"$KANSA" import --year 2025 sql.ini
	got=$(python3 -c "
import sqlite3
c = sqlite3.connect('kansa.db')
print(c.execute('SELECT department FROM respondent').fetchone()[0])
print(c.execute('SELECT comment FROM answer').fetchone()[0])")
	case "$got" in
	*"総務課'); DROP TABLE answer; --"*"=cmd|' /C calc'!A0"*)
		"$KANSA" check-db >/dev/null 2>&1 && ok "hostile: the payloads come back verbatim; check-db passes" ||
			not_ok "hostile: check-db after payloads"
		;;
	*) not_ok "hostile: payloads verbatim" "$got" ;;
	esac
	cd "$ROOT" || return
}

t_hostile_policy
t_hostile_ini
