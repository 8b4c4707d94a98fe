# tests/cli/zz_hostile.sh: hostile input: each handled with a clear
# message or a sound result, no crash, in bounded time (`timeout` turns a
# hang into a failure).  Sourced by tests/run.sh after import.sh (BASE_WS).
test_plan 21

# hostile NAME WANT_RC PATTERN CMD...: CMD ends within 60 s and within
# 1 GB of address space (not under the sanitizers, which reserve far more
# up front) with WANT_RC, and its output matches PATTERN (grep -E).
hostile() {
	name=$1 want=$2 pat=$3
	shift 3
	case $BUILD in
	*san*) limit=unlimited ;;
	*) limit=1048576 ;;
	esac
	out=$(ulimit -v $limit && timeout 60 "$@" 2>&1)
	rc=$?
	if [ $rc -eq "$want" ] && printf '%s\n' "$out" | grep -Eq "$pat"; then
		ok "hostile: $name (exit $rc)"
	else
		not_ok "hostile: $name" "rc $rc (want $want): $(printf '%s' "$out" | tail -5)"
	fi
}

t_hostile_policy() {
	ws=$(workspace)
	cd "$ws" || { setup_failed t_hostile_policy; return; }
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
	cd "$ROOT" || { setup_failed t_hostile_policy; return; }
}

t_hostile_ini() {
	ws=$(workspace)
	cd "$ws" || { setup_failed t_hostile_ini; return; }
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
	cd "$ROOT" || { setup_failed t_hostile_ini; return; }
}

t_hostile_policy
t_hostile_ini

# Evidence paths (docs in README "Evidence files"): relative to the
# register's folder; '..' out of it, absolute paths and symbolic links that
# resolve outside it (the file or a folder on its way) are refused and
# named; a link that stays inside is followed.
t_hostile_evidence_paths() {
	ws=$(workspace)
	cd "$ws" || { setup_failed t_hostile_evidence_paths; return; }
	cp "$BASE_WS/kansa.db" .
	mkdir -p reg/files outside
	echo "secret" >outside/secret.txt
	echo "inside" >reg/files/gpo.txt
	cp "$ROOT/tests/bad/import/evidence-outside/sheet.ini" reg/
	ln -s ../../outside/secret.txt reg/files/link-out.txt
	ln -s "$ws/outside" reg/files/dir-out
	ln -s gpo.txt reg/files/link-in.txt
	register() {
		printf '[kansa]\nkind = evidence\nfiscal_year = 2025\n\n[EV-2025-001]\ntitle = t\nfile = %s\ncollected_on = 2025-09-30\nclauses = 5-4(2)\n' "$1" >reg/evidence.ini
	}
	before=$(sha256sum kansa.db | cut -d' ' -f1)
	register "$ws/outside/secret.txt"
	hostile "an absolute evidence path is refused" 3 \
		"evidence.ini:7: evidence file '/.*secret.txt' of \[EV-2025-001\] is an absolute path" \
		"$KANSA" import --year 2025 reg/sheet.ini reg/evidence.ini
	register "files/../../outside/secret.txt"
	hostile "an evidence path leaving through '..' is refused" 3 "leaves the register's folder through '..'" \
		"$KANSA" import --year 2025 reg/sheet.ini reg/evidence.ini
	register "files/link-out.txt"
	hostile "a symbolic link to a file outside is not followed" 3 \
		"is a symbolic link to '.*outside/secret.txt', outside the register's folder: not followed" \
		"$KANSA" import --year 2025 reg/sheet.ini reg/evidence.ini
	register "files/dir-out/secret.txt"
	hostile "a file under a symbolic link to a folder outside is not followed" 3 \
		"lies under a symbolic link to a folder: it is '.*outside/secret.txt', outside" \
		"$KANSA" import --year 2025 reg/sheet.ini reg/evidence.ini
	[ "$(sha256sum kansa.db | cut -d' ' -f1)" = "$before" ] &&
		ok "hostile: refused evidence paths leave the database unchanged" ||
		not_ok "hostile: refused evidence paths leave the database unchanged"
	register "files/link-in.txt"
	hostile "a symbolic link inside the register's folder is followed" 0 "1 records" \
		"$KANSA" import --year 2025 reg/sheet.ini reg/evidence.ini
	sha=$(python3 -c "import sqlite3; print(sqlite3.connect('kansa.db').execute('SELECT sha256 FROM evidence').fetchone()[0])")
	[ "$sha" = "$(sha256sum reg/files/gpo.txt | cut -d' ' -f1)" ] &&
		ok "hostile: the followed link's SHA-256 is its target's" ||
		not_ok "hostile: the followed link's SHA-256" "$sha"
	cd "$ROOT" || { setup_failed t_hostile_evidence_paths; return; }
}

# A 100 MB INI file is refused by its size; a NUL byte is named.
t_hostile_ini_size() {
	ws=$(workspace)
	cd "$ws" || { setup_failed t_hostile_ini_size; return; }
	cp "$BASE_WS/kansa.db" .
	{
		printf '[kansa]\nkind = answers\n'
		head -c 100000000 /dev/zero | tr '\0' ';'
	} >big.ini
	printf '[kansa]\nkind = answers\nfiscal_year = 2025\ndepartment = a\0b\n' >nul.ini
	hostile "a 100 MB INI file is refused by its size" 3 "big.ini: file too large" \
		"$KANSA" import --year 2025 big.ini
	hostile "a NUL byte in an INI file is named with its line" 3 "nul.ini:4: .*NUL" \
		"$KANSA" import --year 2025 nul.ini
	cd "$ROOT" || { setup_failed t_hostile_ini_size; return; }
}

t_hostile_evidence_paths
t_hostile_ini_size

# SQL metacharacters and formula payloads in every free-text field of every
# kind of input: imported verbatim, check-db passes, the workbook keeps
# them as text (never a formula), the PDF shows them.
t_hostile_every_field() {
	ws=$(init_ws) || { not_ok "hostile: a workspace"; return; }
	cd "$ws" || { setup_failed t_hostile_every_field; return; }
	p="'); DROP TABLE answer-- =cmd|' /C calc'!A0"
	keys="comment|respondent|title|department|system|auditor|auditors|scope|period|method|notes|finding|cause|recommendation|action|reason|reported_by"
	for f in 2025/*.ini 2025/*/*.ini; do
		# before a CR: the sheets have CRLF line ends (and one is Shift_JIS)
		# quoted: an unquoted ; starts an INI comment
		LC_ALL=C sed -i -E "s#^(($keys) = )([^\r]+)#\\1\"\\3 $p\"#" "$f"
	done
	n_in=$(cat 2025/*.ini 2025/*/*.ini | grep -c "DROP TABLE answer")
	out=$(run_year 2025 2>&1)
	rc=$?
	cat >count.py <<'PY'
import sqlite3
c = sqlite3.connect("kansa.db")
n = 0
for (t,) in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
    cols = [r[1] for r in c.execute(f"PRAGMA table_info({t})")]
    for col in cols:
        n += c.execute(f"SELECT count(*) FROM {t} WHERE CAST({col} AS TEXT) LIKE ?", ("%DROP TABLE answer-- =cmd|' /C calc'!A0%",)).fetchone()[0]
print(n)
PY
	n_db=$(python3 count.py)
	if [ $rc -eq 0 ] && [ "$n_in" -gt 100 ] && [ "$n_db" -ge "$n_in" ] &&
		"$KANSA" --db kansa.db check-db >/dev/null 2>&1; then
		ok "hostile: payloads in $n_in fields of every kind import verbatim ($n_db values hold them); check-db passes"
	else
		not_ok "hostile: payloads in every field" "rc $rc in $n_in db $n_db: $out"
	fi
	cat >cells.py <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
seen = 0
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and "=cmd|" in c.value:
                assert c.data_type == "s", (ws.title, c.coordinate, c.data_type)
                seen += 1
            assert c.data_type != "f" or "cmd" not in str(c.value), (ws.title, c.coordinate)
assert seen > 50, seen
PY
	if /usr/bin/python3 cells.py output/2025/kansa-2025-workpaper.xlsx &&
		pdftotext output/2025/kansa-2025-audit.pdf - 2>/dev/null | grep -q "DROP TABLE answer-- =cmd|' /C calc'!A0"; then
		ok "hostile: the payloads are text cells in the workbook (no formula) and text in the PDF"
	else
		not_ok "hostile: payloads in the reports"
	fi
	cd "$ROOT" || { setup_failed t_hostile_every_field; return; }
}

t_hostile_every_field
