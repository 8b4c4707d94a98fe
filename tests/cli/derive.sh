# tests/cli/derive.sh: `kansa derive` and `kansa items` from the outside.
# Sourced by tests/run.sh, which provides KANSA, ROOT, workspace, ok,
# not_ok and check.
# (one result per bad policy in tests/bad/policy)
test_plan $((27 + $(ls "$ROOT"/tests/bad/policy | grep -vc "\.expected$")))

SEED_TXT="$ROOT/checklists/mito-gikai-taisaku-kijun.txt"
REGRESS="$ROOT/tests/regress/derive"

# derive_in WS [ARGS...]: derives the seed (as checklists/ in WS).
derive_in() {
	ws=$1
	shift
	mkdir -p "$ws/checklists"
	cp "$SEED_TXT" "$ws/checklists/"
	(cd "$ws" && "$KANSA" derive "$@" checklists/mito-gikai-taisaku-kijun.txt)
}

t_regress_items() {
	ws=$(workspace)
	derive_in "$ws" --version 2024 >"$ws/out" 2>"$ws/err" || {
		not_ok "derive: seed derives" "$(cat "$ws/err")"
		return
	}
	(cd "$ws" && "$KANSA" items --format tsv) >"$ws/items.tsv"
	if d=$(diff -u "$REGRESS/items.tsv" "$ws/items.tsv"); then
		ok "derive: items TSV of the seed equals the reviewed file"
	else
		not_ok "derive: items TSV of the seed equals the reviewed file" "$d"
	fi
	if d=$(diff -u "$REGRESS/checklist.ini" \
		"$ws/checklists/mito-gikai-taisaku-kijun.ini"); then
		ok "derive: checklist INI equals the reviewed file"
	else
		not_ok "derive: checklist INI equals the reviewed file" "$d"
	fi
	if grep -q "lines 813 and 853" "$ws/err" &&
		grep -q "'CIS0' (digit zero)" "$ws/err" &&
		grep -q "^10   評価・見直し" "$ws/out" &&
		grep -q "^計 .* 321 .* 3 .* 324$" "$ws/out"; then
		ok "derive: summary and warnings"
	else
		not_ok "derive: summary and warnings" "$(cat "$ws/out" "$ws/err")"
	fi
}

t_rederive_keeps_review() {
	ws=$(workspace)
	derive_in "$ws" --version 2024 >/dev/null 2>&1
	ini="$ws/checklists/mito-gikai-taisaku-kijun.ini"
	# a reviewer adds keys to one item
	awk '{print} /^\[6-4\(2\)キ\]$/ {print "weight = 2"; print "method = 設定確認"; print "evidence_examples = \"GPO 設定; 画面\""}' \
		"$ini" >"$ini.new" && mv "$ini.new" "$ini"
	cp "$ini" "$ws/reviewed.ini"
	out=$(derive_in "$ws" 2>/dev/null)
	if cmp -s "$ini" "$ws/reviewed.ini" &&
		printf '%s' "$out" | grep -q "(unchanged)"; then
		ok "derive: re-deriving over a reviewed checklist changes nothing"
	else
		not_ok "derive: re-deriving over a reviewed checklist changes nothing" \
			"$(diff -u "$ws/reviewed.ini" "$ini")"
	fi
	w=$(cd "$ws" && "$KANSA" items --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(len(d["items"]), d["policy"], d["version"])')
	if [ "$w" = "324 水戸市議会情報セキュリティ対策基準 2024" ]; then
		ok "items: JSON output parses"
	else
		not_ok "items: JSON output parses" "$w"
	fi
}

t_renumber_in_checklist() {
	ws=$(workspace)
	derive_in "$ws" >/dev/null 2>&1
	ini="$ws/checklists/mito-gikai-taisaku-kijun.ini"
	sed 's/^\[renumber\]$/[renumber]\n7-6@1 = 7-5/' "$ini" >"$ini.new" &&
		mv "$ini.new" "$ini"
	derive_in "$ws" >/dev/null 2>"$ws/err"
	ids=$(cd "$ws" && "$KANSA" items --format tsv | cut -f1 | grep '^7-[56]' | tr '\n' ' ')
	case "$ids" in
	"7-5(1)ア 7-5(1)イ 7-5(1)ウ 7-5(1)エ 7-5(2) 7-5(3) 7-5(4) 7-5(5) 7-5(6) 7-5(7) 7-6(1) 7-6(2) 7-6(3) ")
		if grep -q "appears twice" "$ws/err"; then
			not_ok "derive: [renumber] 7-6@1 = 7-5" "$(cat "$ws/err")"
		else
			ok "derive: [renumber] 7-6@1 = 7-5"
		fi
		;;
	*) not_ok "derive: [renumber] 7-6@1 = 7-5" "$ids" ;;
	esac
	grep -q '^7-6@1 = 7-5$' "$ini" && ok "derive: [renumber] is kept" ||
		not_ok "derive: [renumber] is kept"
}

# A Shift_JIS copy with CRLF derives exactly what the UTF-8 original does.
t_shift_jis() {
	a=$(workspace)
	b=$(workspace)
	derive_in "$a" --version 2024 >/dev/null 2>&1
	mkdir -p "$b/checklists"
	sed 's/$/\r/' "$SEED_TXT" | iconv -f UTF-8 -t CP932 \
		>"$b/checklists/mito-gikai-taisaku-kijun.txt"
	if (cd "$b" && "$KANSA" derive --version 2024 \
		checklists/mito-gikai-taisaku-kijun.txt) >/dev/null 2>"$b/err" &&
		grep -q "notice: converted from Shift_JIS (CP932) to UTF-8" "$b/err" &&
		diff -q "$a/checklists/mito-gikai-taisaku-kijun.ini" \
			"$b/checklists/mito-gikai-taisaku-kijun.ini" | grep -q differ &&
		[ "$(diff "$a/checklists/mito-gikai-taisaku-kijun.ini" \
			"$b/checklists/mito-gikai-taisaku-kijun.ini" | grep -c '^[<>]')" -eq 2 ] &&
		diff "$a/checklists/mito-gikai-taisaku-kijun.ini" \
			"$b/checklists/mito-gikai-taisaku-kijun.ini" | grep -q '^> source_sha256 = ' &&
		[ "$(cd "$a" && "$KANSA" items --format tsv)" = \
		  "$(cd "$b" && "$KANSA" items --format tsv)" ]; then
		ok "derive: Shift_JIS + CRLF copy gives the same checklist (all but the file's SHA-256)"
	else
		not_ok "derive: Shift_JIS + CRLF copy gives the same checklist" \
			"$(cat "$b/err"; diff "$a/checklists/mito-gikai-taisaku-kijun.ini" \
				"$b/checklists/mito-gikai-taisaku-kijun.ini" | head)"
	fi
	# and a copy with a BOM
	c=$(workspace)
	mkdir -p "$c/checklists"
	{ printf '\357\273\277'; cat "$SEED_TXT"; } \
		>"$c/checklists/mito-gikai-taisaku-kijun.txt"
	(cd "$c" && "$KANSA" derive --version 2024 \
		checklists/mito-gikai-taisaku-kijun.txt) >/dev/null 2>&1
	if [ "$(cd "$a" && "$KANSA" items --format tsv)" = \
	     "$(cd "$c" && "$KANSA" items --format tsv)" ] &&
		[ "$(diff "$a/checklists/mito-gikai-taisaku-kijun.ini" \
			"$c/checklists/mito-gikai-taisaku-kijun.ini" | grep -c '^[<>]')" -eq 2 ]; then
		ok "derive: UTF-8 copy with a BOM gives the same checklist"
	else
		not_ok "derive: UTF-8 copy with a BOM gives the same checklist"
	fi
}

# bad_policy FILE EXPECTED_FILE: exit 3, the exact message, no checklist.
bad_policy() {
	ws=$(workspace)
	name=$(basename "$1")
	(cd "$ws" && "$KANSA" derive -o out.ini "$1") >"$ws/out" 2>"$ws/err"
	rc=$?
	if [ "$rc" -eq 3 ] && [ ! -e "$ws/out.ini" ] && [ ! -e "$ws/kansa.db" ] &&
		diff -u "$2" "$ws/err" >/dev/null; then
		ok "derive: bad input $name"
	else
		not_ok "derive: bad input $name (exit $rc)" \
			"$(diff -u "$2" "$ws/err")"
	fi
}

t_bad_inputs() {
	for f in "$ROOT"/tests/bad/policy/*; do
		case "$f" in *.expected) continue ;; esac
		# the expected message names the file as the test gives it
		sed "s#@FILE@#$f#g" "$f.expected" >"$TMPROOT/expected"
		bad_policy "$f" "$TMPROOT/expected"
	done
	ws=$(workspace)
	head -c 10485760 /dev/zero | tr '\0' 'a' >"$ws/big.txt"
	printf '%s: file too large (10485760 bytes; the limit is 4194304 bytes)\n' \
		"$ws/big.txt" >"$ws/big.expected"
	bad_policy "$ws/big.txt" "$ws/big.expected"
	printf 'kansa: %s: not a regular file (a folder): refused\n' "$ws" >"$ws/dir.expected"
	printf '%s: not a regular file (a folder): refused\n' "$ws" >"$ws/dir.expected"
	bad_policy "$ws" "$ws/dir.expected"
	printf '%s: cannot open: No such file or directory\n' "$ws/none.txt" \
		>"$ws/none.expected"
	(cd "$ws" && "$KANSA" derive -o out.ini none.txt) 2>"$ws/err" >/dev/null
	rc=$?
	[ "$rc" -eq 3 ] && grep -q "none.txt: cannot open" "$ws/err" &&
		ok "derive: a file that is not there exits 3 naming it" ||
		not_ok "derive: a file that is not there exits 3 naming it (got $rc)" "$(cat "$ws/err")"
}

t_help() {
	ws=$(workspace)
	cd "$ws" || { setup_failed t_help; return; }
	for args in "--help" "help" "help derive" "derive --help" "derive -h" \
		"items --help" "help items"; do
		# shellcheck disable=SC2086
		if out=$("$KANSA" $args 2>/dev/null) &&
			printf '%s' "$out" | grep -q "^usage: kansa" &&
			printf '%s' "$out" | grep -q "Exit codes\|Commands:\|kansa help"; then
			ok "help: kansa $args"
		else
			not_ok "help: kansa $args"
		fi
	done
	"$KANSA" derive >/dev/null 2>"$ws/err"
	[ $? -eq 2 ] && grep -q "^usage: kansa derive" "$ws/err" &&
		ok "help: misuse prints usage to stderr and exits 2" ||
		not_ok "help: misuse prints usage to stderr and exits 2"
	"$KANSA" frobnicate >/dev/null 2>&1
	[ $? -eq 2 ] && ok "help: unknown command exits 2" ||
		not_ok "help: unknown command exits 2"
	"$KANSA" items --format xml >/dev/null 2>&1
	[ $? -eq 2 ] && ok "items: unknown format exits 2" ||
		not_ok "items: unknown format exits 2"
	"$KANSA" items >/dev/null 2>"$ws/err"
	[ $? -eq 4 ] && grep -q "kansa.db" "$ws/err" &&
		ok "items: no database exits 4 naming it" ||
		not_ok "items: no database exits 4 naming it" "$(cat "$ws/err")"
	cd "$ROOT" || { setup_failed t_help; return; }
}

t_items_filters() {
	ws=$(workspace)
	derive_in "$ws" >/dev/null 2>&1
	n=$(cd "$ws" && "$KANSA" items --role "議会 CSIRT" --format tsv | tail -n +2 | wc -l)
	[ "$n" -eq 4 ] && ok "items: --role (spaces dropped)" ||
		not_ok "items: --role (spaces dropped)" "$n"
	(cd "$ws" && "$KANSA" items --role 市長 >/dev/null 2>&1)
	[ $? -eq 2 ] && ok "items: unknown role exits 2" ||
		not_ok "items: unknown role exits 2"
	out=$(cd "$ws" && KANSA_DB=other.db "$KANSA" items 2>&1)
	[ $? -eq 4 ] && ok "items: KANSA_DB chooses the database" ||
		not_ok "items: KANSA_DB chooses the database" "$out"
	n=$(cd "$ws" && "$KANSA" items --policy "水戸市議会情報セキュリティ対策基準@1" | tail -1)
	[ "$n" = "324 items (水戸市議会情報セキュリティ対策基準, version 1)" ] &&
		ok "items: --policy NAME@VERSION" ||
		not_ok "items: --policy NAME@VERSION" "$n"
}

t_regress_items
t_rederive_keeps_review
t_renumber_in_checklist
t_shift_jis
t_bad_inputs
t_help
t_items_filters
