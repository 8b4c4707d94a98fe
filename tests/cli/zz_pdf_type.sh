# tests/cli/zz_pdf_type.sh: the typesetting of the three PDFs (audit
# report, CISO summary, plans letter) as poppler and qpdf read them:
# embedded faces, a ToUnicode map poppler accepts, /Lang, page labels
# that match the printed numbers, contents links, finding blocks on one
# page, hashes that copy whole.  Sourced by run.sh after results.sh.

test_plan 7

# Writes the three demo PDFs into $1/output/2025; echoes nothing.
pdf_type_make() {
	(cd "$1" && "$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 >/dev/null 2>&1 &&
		"$KANSA" report plans --as-of $AS_OF --date 2026-02-10 >/dev/null 2>&1)
}

# pdftotext and pdffonts print nothing on stderr for any kansa PDF (libharu
# 2.3.0's own ToUnicode CMap made poppler warn "Invalid 'begincidrange'
# operator in ToUnicode CMap" on every page); the map is bfrange/bfchar.
t_pdf_no_poppler_warning() {
	ws=$(demo_ws) || { not_ok "pdf type: the demo data imports"; return; }
	pdf_type_make "$ws" || { not_ok "pdf type: the three PDFs are written"; return; }
	n=0
	bad=""
	for f in "$ws"/output/2025/*.pdf; do
		n=$((n + 1))
		e1=$(pdftotext "$f" /dev/null 2>&1 >/dev/null)
		e2=$(pdffonts "$f" 2>&1 >/dev/null)
		[ -z "$e1$e2" ] || bad="$bad [$(basename "$f"): $(printf '%s\n' "$e1" "$e2" | sort -u | head -3)]"
		qpdf --qdf --object-streams=disable "$f" "$ws/q.pdf" 2>/dev/null
		grep -aq "begincidrange" "$ws/q.pdf" && bad="$bad [$(basename "$f"): begincidrange left]"
		grep -aq "beginbfrange\|beginbfchar" "$ws/q.pdf" || bad="$bad [$(basename "$f"): no bfrange/bfchar]"
	done
	if [ "$n" -eq 3 ] && [ -z "$bad" ]; then
		ok "pdf type: pdftotext and pdffonts print no warning for the $n PDFs; ToUnicode is bfrange/bfchar"
	else
		not_ok "pdf type: no poppler warning ($n PDFs)" "$bad"
	fi
	# copying gives the text: every character drawn maps back to itself
	txt=$(pdftotext "$ws/output/2025/kansa-2025-audit.pdf" - 2>/dev/null)
	sum=$(sha256sum "$ROOT/examples/2025/audit.ini" | cut -c1-64)
	case "$txt" in
	*"情報セキュリティ監査報告書"*"$sum"*)
		ok "pdf type: extracted text is the text; the SHA-256 of audit.ini comes out whole on one line" ;;
	*) not_ok "pdf type: extracted text and a whole SHA-256 ($sum)" "$(printf '%s\n' "$txt" | grep -i sha | head -5)" ;;
	esac
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# Mincho for the body, Gothic for headings, both embedded; the
# monospaced face for the hashes of the audit report.
t_pdf_faces() {
	ws=$(demo_ws) || { not_ok "pdf type: the demo data imports"; return; }
	pdf_type_make "$ws" || { not_ok "pdf type: the three PDFs are written"; return; }
	bad=""
	for f in "$ws"/output/2025/*.pdf; do
		fonts=$(pdffonts "$f" 2>/dev/null | tail -n +3)
		for face in IPAexMincho IPAexGothic; do
			printf '%s\n' "$fonts" | grep "+$face " | grep -q "CID TrueType *Identity-H *yes yes yes" ||
				bad="$bad [$(basename "$f"): $face]"
		done
	done
	printf '%s\n' "$(pdffonts "$ws/output/2025/kansa-2025-audit.pdf" 2>/dev/null)" |
		grep "+IPAGothic " | grep -q "yes yes yes" || bad="$bad [audit: the monospaced IPAGothic]"
	[ -z "$bad" ] && ok "pdf type: Mincho and Gothic embedded in all three PDFs, IPAGothic (mono) in the audit report" ||
		not_ok "pdf type: embedded faces" "$bad"
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# /Lang (ja); page labels equal the printed "- n -" on every page (the
# cover "表紙"); the contents page's lines are links to their headings.
t_pdf_labels_links() {
	ws=$(demo_ws) || { not_ok "pdf type: the demo data imports"; return; }
	pdf_type_make "$ws" || { not_ok "pdf type: the three PDFs are written"; return; }
	bad=""
	for f in "$ws"/output/2025/*.pdf; do
		b=$(basename "$f")
		qpdf --qdf --object-streams=disable "$f" "$ws/q.pdf" 2>/dev/null
		grep -aq "/Lang (ja)" "$ws/q.pdf" || bad="$bad [$b: no /Lang (ja)]"
		grep -aq "/PageLabels" "$ws/q.pdf" || bad="$bad [$b: no /PageLabels]"
		pages=$(pdfinfo "$f" 2>/dev/null | sed -n 's/^Pages: *//p')
		labels=$(qpdf --json=2 --json-key=pagelabels "$f" | python3 -c '
import json, sys
runs = json.load(sys.stdin)["pagelabels"]
n = int(sys.argv[1])
for i in range(n):
    r = [x for x in runs if x["index"] <= i][-1]
    l = r["label"]
    print(l.get("/P", "").replace("u:", "") + (str(l.get("/St", 1) + i - r["index"]) if "/S" in l else ""))
' "$pages")
		i=0
		for label in $labels; do
			i=$((i + 1))
			printed=$(pdftotext -f $i -l $i "$f" - 2>/dev/null | sed -n 's/^- *\([0-9][0-9]*\) *-$/\1/p' | head -1)
			[ -n "$printed" ] || printed=表紙
			[ "$printed" = "$label" ] || bad="$bad [$b page $i: printed $printed, label $label]"
		done
		[ "$i" -eq "$pages" ] || bad="$bad [$b: $i labels for $pages pages]"
	done
	f=$ws/output/2025/kansa-2025-audit.pdf
	qpdf --qdf --object-streams=disable "$f" "$ws/q.pdf" 2>/dev/null
	links=$(grep -ac "/Subtype /Link" "$ws/q.pdf")
	toc=$(pdftotext -f 2 -l 2 "$f" - 2>/dev/null | grep -c '^[0-9付]')
	[ "$links" -ge 15 ] && [ "$links" -ge "$((toc / 2))" ] || bad="$bad [audit: $links links for $toc contents lines]"
	[ -z "$bad" ] && ok "pdf type: /Lang (ja), page labels equal the printed numbers, $links contents links" ||
		not_ok "pdf type: labels and links" "$bad"
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# A finding block (its heading "4.N.M ..." and its table) is on one page:
# read page by page through section 4, each block's heading has its
# table's head under it on the same page, no table head comes before the
# first heading of a page (rows of a block split from its heading), and
# no block continues under a "（続き）" heading.  (The code before the
# keep-together blocks fails this: three blocks were split.)
t_pdf_finding_blocks() {
	ws=$(demo_ws) || { not_ok "pdf type: the demo data imports"; return; }
	pdf_type_make "$ws" || { not_ok "pdf type: the three PDFs are written"; return; }
	f=$ws/output/2025/kansa-2025-audit.pdf
	pages=$(pdfinfo "$f" 2>/dev/null | sed -n 's/^Pages: *//p')
	blocks=0
	bad=""
	state=before
	i=1
	while [ "$i" -le "$pages" ]; do
		pdftotext -f $i -l $i "$f" "$ws/p.txt" 2>/dev/null
		grep -q '^4\.[0-9][0-9]*\.[0-9][0-9]* .*（続き）' "$ws/p.txt" && bad="$bad [page $i: a block continues]"
		r=$(awk -v state=$state '
			/^4 指摘事項$/ { state = "in"; started = 1; next }
			/^5 / && state == "in" { state = "after" }
			state == "in" && /^4\.[0-9]+\.[0-9]+ / { if (open) print "split " id; open = 1; id = $1; n++; next }
			state == "in" && /^内容$/ { if (!open && !started) print "split: rows without their heading"; open = 0 }
			END { if (open) print "split " id; print "n " n + 0; print "state " state }' "$ws/p.txt")
		state=$(printf '%s\n' "$r" | sed -n 's/^state //p')
		blocks=$((blocks + $(printf '%s\n' "$r" | sed -n 's/^n //p')))
		case "$r" in *split*) bad="$bad [page $i: $(printf '%s\n' "$r" | grep split | tr '\n' ' ')]" ;; esac
		i=$((i + 1))
	done
	want=$(cd "$ws" && "$KANSA" findings --year 2025 --as-of $AS_OF --format tsv | awk -F'\t' 'NR > 1 && $1 != "観察事項"' | wc -l)
	if [ -z "$bad" ] && [ "$blocks" -ge "$want" ] && [ "$blocks" -gt 0 ] && [ "$state" = after ]; then
		ok "pdf type: $blocks finding blocks, each on one page"
	else
		not_ok "pdf type: finding blocks on one page ($blocks blocks, at least $want expected, $state)" "$bad"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# Fonts that are not there name the file and the Debian package.
t_pdf_no_mincho() {
	ws=$(demo_ws) || { not_ok "pdf type: the demo data imports"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	mkdir -p t
	sed 's|^font_body = .*|font_body = /nonexistent/ipaexm.ttf|' "$ROOT/templates/report.ini" >t/report.ini
	cp "$ROOT/templates/scoring.ini" t/
	"$KANSA" report --year 2025 --as-of $AS_OF --templates t --only ciso >out 2>err
	rc=$?
	if [ $rc -ne 0 ] && grep -q "/nonexistent/ipaexm.ttf.*fonts-ipaexfont-mincho" err &&
		[ -z "$(ls output/2025 2>/dev/null | grep pdf)" ]; then
		ok "pdf type: a missing Mincho names the file and fonts-ipaexfont-mincho, exit $rc"
	else
		not_ok "pdf type: a missing Mincho" "rc $rc: $(cat err)"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# The plans letter, too, is byte-identical for the same inputs and date.
t_pdf_plans_identical() {
	ws=$(demo_ws) || { not_ok "pdf type: the demo data imports"; return; }
	pdf_type_make "$ws" || { not_ok "pdf type: the three PDFs are written"; return; }
	f=$ws/output/2025/kansa-plans-$AS_OF.pdf
	cp "$f" "$ws/first.pdf" 2>/dev/null
	pdf_type_make "$ws"
	[ -s "$ws/first.pdf" ] && cmp -s "$ws/first.pdf" "$f" &&
		ok "pdf type: the plans letter is byte-identical on a rerun" ||
		not_ok "pdf type: the plans letter is byte-identical on a rerun" "$(ls "$ws/output/2025")"
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_pdf_no_poppler_warning
t_pdf_faces
t_pdf_labels_links
t_pdf_finding_blocks
t_pdf_no_mincho
t_pdf_plans_identical
