# tests/cli/golden.sh: the demo's documents as their readers see them
# (every workbook cell through openpyxl, `pdftotext -layout` of each PDF,
# the text results) equal the reviewed dumps in tests/regress/documents.
# Sourced by tests/run.sh.  When outputs change on purpose: `make golden`
# and review `git diff tests/regress/documents`.
test_plan 4

GOLDEN="$ROOT/tests/regress/documents"
GOLDEN_HINT="if this change is intended, run 'make golden' (BUILD=$BUILD) and review git diff tests/regress/documents"

# golden_compare NAME PATTERN...: the dumps named PATTERN equal the reviewed ones.
golden_compare() {
	what=$1
	shift
	d=""
	seen=""
	for p in "$@"; do
		for f in "$GOLDEN"/*/$p "$GOT"/*/$p; do
			[ -f "$f" ] || continue
			rel=${f#"$GOLDEN"/}
			rel=${rel#"$GOT"/}
			case " $seen " in *" $rel "*) continue ;; esac
			seen="$seen $rel"
			d="$d$(diff -u "$GOLDEN/$rel" "$GOT/$rel" 2>&1)"
		done
	done
	if [ -z "$d" ]; then
		ok "golden: $what equal tests/regress/documents"
	else
		not_ok "golden: $what equal tests/regress/documents" \
			"$GOLDEN_HINT
$(printf '%s\n' "$d" | head -36)"
	fi
}

t_golden() {
	GOT="$(workspace)/documents"
	if ! out=$(sh "$ROOT/tools/golden.sh" "$KANSA" "$GOT" 2>&1); then
		setup_failed t_golden "$(printf '%s\n' "$out" | tail -5)"
		return
	fi
	(cd "$GOLDEN" && find . -type f | sort) >"$GOT.want"
	(cd "$GOT" && find . -type f | sort) >"$GOT.got"
	if d=$(diff -u "$GOT.want" "$GOT.got"); then
		ok "golden: the demo makes the same documents"
	else
		not_ok "golden: the demo makes the same documents" "$GOLDEN_HINT
$d"
	fi
	golden_compare "the workbooks' cells" "*.xlsx.txt"
	golden_compare "the PDFs' text" "*.pdf.txt"
	golden_compare "the text results" status.txt score.txt findings.txt diff.txt
}

t_golden
