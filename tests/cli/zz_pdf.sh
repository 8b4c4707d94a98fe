# tests/cli/zz_pdf.sh: the CISO summary and the full report, read back by
# poppler (pdftotext, pdffonts, pdfinfo) and qpdf.  Sourced by run.sh
# after results.sh (demo_ws, AS_OF).
test_plan 16

# pdftotext with stderr apart (it would interleave with the text);
# zz_pdf_type.sh checks that poppler warns about nothing.
pdf_text() {
	pdftotext "$@" 2>/dev/null
}

t_pdfs() {
	ws=$(demo_ws) || { not_ok "pdf: the demo data imports"; return; }
	cd "$ws" || { setup_failed t_pdfs; return; }
	if ! out=$("$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 2>&1); then
		not_ok "pdf: kansa report writes both PDFs" "$out"
		cd "$ROOT"
		return
	fi
	rate=$("$KANSA" score --year 2025 --as-of $AS_OF | sed -n 's/^全体 ([0-9]* 項目) *\([0-9.]* %\).*/\1/p')
	for kind in ciso audit; do
		f=output/2025/kansa-2025-$kind.pdf
		txt=$(pdf_text "$f" - | tr -d ' \n')
		miss=""
		title=$(sed -n "/^\[titles\]/,/^\[/s/^$kind = //p" "$ROOT/templates/report.ini" | sed 's/{era}/令和7年度/')
		for want in "$(echo "$title" | tr -d ' ')" 水戸市議会 "$(echo "$rate" | tr -d ' ')"; do
			case "$txt" in *"$want"*) ;; *) miss="$miss [$want]" ;; esac
		done
		if [ $kind = audit ]; then
			for ch in 組織体制 情報資産の分類と管理 物理的セキュリティ 人的セキュリティ \
				技術的セキュリティ 運用 業務委託と外部サービスの利用 評価・見直し; do
				case "$txt" in *"$ch"*) ;; *) miss="$miss [$ch]" ;; esac
			done
			for id in $("$KANSA" findings --year 2025 --as-of $AS_OF --format tsv | tail -n +2 | cut -f2); do
				case "$txt" in *"$id"*) ;; *) miss="$miss [$id]" ;; esac
			done
		else
			for id in $("$KANSA" findings --year 2025 --as-of $AS_OF --format tsv | awk -F'\t' '$1 == "重大な不適合" {print $2}'); do
				case "$txt" in *"$id"*) ;; *) miss="$miss [$id]" ;; esac
			done
		fi
		[ -z "$miss" ] && ok "pdf: $kind: title, organisation, chapters, findings and 実施率 ($rate) in the text" ||
			not_ok "pdf: $kind: text" "missing:$miss"
		fonts=$(pdffonts "$f" 2>/dev/null | tail -n +3)
		if [ -n "$fonts" ] && ! printf '%s\n' "$fonts" | awk '{print $(NF-4)}' | grep -qv yes; then
			ok "pdf: $kind: every font embedded"
		else
			not_ok "pdf: $kind: every font embedded" "$fonts"
		fi
		qpdf --check "$f" >/dev/null 2>&1 && ok "pdf: $kind: qpdf --check passes" ||
			not_ok "pdf: $kind: qpdf --check passes" "$(qpdf --check "$f" 2>&1 | tail -3)"
		info=$(pdfinfo "$f" 2>/dev/null)
		pages=$(printf '%s\n' "$info" | sed -n 's/^Pages: *//p')
		if printf '%s\n' "$info" | grep -q "^Title: *$title$" && [ "$pages" -ge 2 ]; then
			ok "pdf: $kind: the Japanese title and $pages pages in pdfinfo"
		else
			not_ok "pdf: $kind: pdfinfo" "$info"
		fi
		[ $kind = ciso ] && { [ "$pages" -le 4 ] && ok "pdf: the CISO summary has at most 4 pages ($pages)" ||
			not_ok "pdf: the CISO summary has at most 4 pages ($pages)"; }
	done
	cp output/2025/kansa-2025-ciso.pdf c1.pdf
	cp output/2025/kansa-2025-audit.pdf a1.pdf
	"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 >/dev/null 2>&1
	cmp -s c1.pdf output/2025/kansa-2025-ciso.pdf && cmp -s a1.pdf output/2025/kansa-2025-audit.pdf &&
		ok "pdf: the same inputs and --date give byte-identical PDFs" ||
		not_ok "pdf: the same inputs and --date give byte-identical PDFs"
	cd "$ROOT" || { setup_failed t_pdfs; return; }
}

# A comment of 3,000 characters and a section of 50 items lay out over
# several pages; all of the text comes back out.
t_pdf_long_text() {
	ws=$(workspace)
	cd "$ws" || { setup_failed t_pdf_long_text; return; }
	python3 - <<'PY'
import random
rng = random.Random(7)
kana = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん"
kanji = "監査情報資産管理責任者記録保存確認報告対策基準実施"
long = "".join(rng.choice(kana + kanji) for _ in range(2990)) + "。末尾の確認用文字列"
open("long.txt", "w").write(long)
lines = ["1 総則", "", "1-1 長い節", ""]
for i in range(1, 51):
    lines += [f"({i}) 情報システム管理者は、第{i}の対策として記録を保存しなければならない。", ""]
open("policy.txt", "w").write("\n".join(lines))
PY
	"$KANSA" derive --version 2025 -o cl.ini policy.txt >/dev/null 2>&1
	"$KANSA" template --year 2025 --role 情報システム管理者 --department 総務課 -o s >/dev/null
	python3 - <<'PY'
long = open("long.txt").read()
t = open("s/answers-2025-sys-admin.ini", encoding="utf-8").read().replace("\r\n", "\n")
t = t.replace("status = \n", "status = 実施\n")
chunks = [long[i:i + 300] for i in range(0, len(long), 300)]
first = "comment = " + chunks[0] + "\n" + "".join(f"comment.{k + 2} = {c}\n" for k, c in enumerate(chunks[1:]))
t = t.replace("comment = \n", first, 1)
open("a.ini", "w", encoding="utf-8").write(t)
PY
	"$KANSA" import --year 2025 a.ini >/dev/null 2>"$ws/err" ||
		{ not_ok "pdf: long text imports" "$(cat "$ws/err")"; cd "$ROOT"; return; }
	if ! "$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 --only audit >/dev/null 2>"$ws/err"; then
		not_ok "pdf: long text lays out" "$(cat "$ws/err")"
		cd "$ROOT"
		return
	fi
	f=output/2025/kansa-2025-audit.pdf
	# The comment runs over pages: drop the page furniture (marking,
	# running title, page number, "（続き）" heading, repeated table
	# head) between them.
	got=$(pdf_text "$f" - | tr -d '\f' | grep -av '（続き）$' | grep -avx -e '機密性2' -e '案' -e '-[0-9]*-' \
		-e '令和7年度 情報セキュリティ監査報告書' -e '項目' -e '水準' -e '自己評価' \
		-e '監査評価' -e '証跡' -e 'コメント' | tr -d ' \n')
	want=$(tr -d ' \n' <long.txt)
	pages=$(pdfinfo "$f" 2>/dev/null | sed -n 's/^Pages: *//p')
	n=0
	for i in $(seq 1 50); do
		case "$got" in *"1-1($i)"*) n=$((n + 1)) ;; esac
	done
	case "$got" in
	*"$want"*)
		if [ "$n" -eq 50 ] && [ "$pages" -ge 4 ] && qpdf --check "$f" >/dev/null 2>&1; then
			ok "pdf: a 3,000-character comment and 50 items over $pages pages, no text lost"
		else
			not_ok "pdf: long text" "items $n, pages $pages"
		fi
		;;
	*) not_ok "pdf: a 3,000-character comment comes back whole" "$(printf '%s' "$got" | head -c 600)" ;;
	esac
	cd "$ROOT" || { setup_failed t_pdf_long_text; return; }
}




# A font that is not there: a clear error naming the package, exit 1,
# and no PDF left behind (not even a temporary file).
t_pdf_no_font() {
	ws=$(demo_ws) || { not_ok "pdf: the demo data imports"; return; }
	cd "$ws" || { setup_failed t_pdf_no_font; return; }
	mkdir -p t
	sed 's|^font = .*|font = /nonexistent/ipaexg.ttf|' "$ROOT/templates/report.ini" >t/report.ini
	cp "$ROOT/templates/scoring.ini" t/
	"$KANSA" report --year 2025 --as-of $AS_OF --templates t --only ciso >out 2>err
	rc=$?
	if [ $rc -ne 0 ] && grep -q "fonts-ipaexfont-gothic" err && grep -q "/nonexistent/ipaexg.ttf" err &&
		[ -z "$(ls output/2025 2>/dev/null | grep pdf)" ]; then
		ok "pdf: a missing font names the file and the package, exit $rc, nothing written"
	else
		not_ok "pdf: a missing font" "rc $rc: $(cat err) $(ls output/2025 2>/dev/null)"
	fi
	cd "$ROOT" || { setup_failed t_pdf_no_font; return; }
}

# A character beyond the BMP (𠮷, U+20BB7) in a comment: drawn as 〓 with
# a warning naming the item (the workbook keeps it: workbook.sh).
t_pdf_beyond_bmp() {
	ws=$(workspace)
	cd "$ws" || { setup_failed t_pdf_beyond_bmp; return; }
	printf '1 総則\n\n1-1 節\n\n(1) 情報システム管理者は、記録を保存しなければならない。\n' >policy.txt
	"$KANSA" derive --version 2025 -o cl.ini policy.txt >/dev/null 2>&1
	"$KANSA" template --year 2025 --role 情報システム管理者 --department 総務課 -o s >/dev/null
	tr -d '\r' <s/answers-2025-sys-admin.ini |
		sed 's/^status = $/status = 実施/; s/^comment = $/comment = 𠮷野家の記録を確認した/' >a.ini
	"$KANSA" import --year 2025 a.ini >/dev/null 2>&1
	"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 --only audit >/dev/null 2>err
	rc=$?
	txt=$(pdf_text output/2025/kansa-2025-audit.pdf - | tr -d ' \n')
	case "$txt" in
	*"〓野家の記録を確認した"*)
		if [ $rc -eq 0 ] && grep -q "1-1(1)" err && grep -q "〓" err; then
			ok "pdf: a character beyond the BMP is drawn as 〓, with a warning naming the item"
		else
			not_ok "pdf: beyond the BMP: the warning" "rc $rc: $(cat err)"
		fi
		;;
	*) not_ok "pdf: beyond the BMP is drawn as 〓" "$(printf '%s' "$txt" | head -c 400)" ;;
	esac
	cd "$ROOT" || { setup_failed t_pdf_beyond_bmp; return; }
}

# Bookmarks for every chapter, shown when the file opens; the document
# information in UTF-16 (pdfinfo decodes the Japanese).
t_pdf_outline() {
	ws=$(demo_ws) || { not_ok "pdf: the demo data imports"; return; }
	cd "$ws" || { setup_failed t_pdf_outline; return; }
	"$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 --only audit >/dev/null 2>&1
	qpdf --qdf --object-streams=disable output/2025/kansa-2025-audit.pdf q.pdf 2>/dev/null
	n=$(grep -ac "^  /Title" q.pdf)
	info=$(pdfinfo output/2025/kansa-2025-audit.pdf 2>/dev/null)
	if grep -aq "/PageMode /UseOutlines" q.pdf && grep -aq "/Type /Outlines" q.pdf && [ "$n" -ge 15 ] &&
		printf '%s\n' "$info" | grep -q "^Subject: *情報セキュリティ監査報告書" &&
		printf '%s\n' "$info" | grep -q "^CreationDate: .*2026"; then
		ok "pdf: $n bookmarks, opened with the outline; title, subject and date in the info"
	else
		not_ok "pdf: outline and info" "bookmarks $n; $info"
	fi
	cd "$ROOT" || { setup_failed t_pdf_outline; return; }
}

# --pdf-password-file: both PDFs need the password to open, print but do
# not copy; the password is nowhere in the database or the output.
t_pdf_password() {
	ws=$(demo_ws) || { not_ok "pdf: the demo data imports"; return; }
	cd "$ws" || { setup_failed t_pdf_password; return; }
	printf 'Kansa-Pw-7731\r\nOwner-Only-55\r\n' >pw.txt
	out=$("$KANSA" report --year 2025 --as-of $AS_OF --date 2026-02-10 --only ciso --only audit \
		--pdf-password-file pw.txt 2>&1)
	rc=$?
	miss=""
	for k in ciso audit; do
		f=output/2025/kansa-2025-$k.pdf
		pdfinfo "$f" >/dev/null 2>&1 && miss="$miss [$k opens without a password]"
		pdf_text -upw Kansa-Pw-7731 "$f" - | grep -q 水戸市議会 || miss="$miss [$k: no text with the password]"
		qpdf --check --password=Kansa-Pw-7731 "$f" >/dev/null 2>&1 || miss="$miss [$k: qpdf --check]"
		enc=$(qpdf --show-encryption --password=Kansa-Pw-7731 "$f" 2>&1)
		printf '%s\n' "$enc" | grep -q "print high resolution: allowed" &&
			printf '%s\n' "$enc" | grep -q "extract for any purpose: not allowed" ||
			miss="$miss [$k permissions: $enc]"
		qpdf --show-encryption --password=Owner-Only-55 "$f" 2>&1 | grep -q "owner password" ||
			miss="$miss [$k: owner password]"
	done
	grep -aq "Kansa-Pw-7731\|Owner-Only-55" kansa.db && miss="$miss [password in the database]"
	case "$out" in *Kansa-Pw*) miss="$miss [password in the output]" ;; esac
	[ $rc -eq 0 ] && [ -z "$miss" ] &&
		ok "pdf: --pdf-password-file encrypts both PDFs (print yes, copy no); the password is nowhere else" ||
		not_ok "pdf: --pdf-password-file" "rc $rc:$miss $out"
	printf 'same\nsame\n' >pw2.txt
	printf '%s\n' "123456789012345678901234567890123" >pw3.txt
	: >pw4.txt
	r2=$("$KANSA" report --year 2025 --only ciso --pdf-password-file pw2.txt 2>&1; echo "rc=$?")
	r3=$("$KANSA" report --year 2025 --only ciso --pdf-password-file pw3.txt 2>&1; echo "rc=$?")
	r4=$("$KANSA" report --year 2025 --only ciso --pdf-password-file pw4.txt 2>&1; echo "rc=$?")
	case "$r2|$r3|$r4" in
	*"pw2.txt:2: expected an owner password other"*rc=3*"|"*"pw3.txt:1: expected a password of at most 32"*rc=3*"|"*"pw4.txt:1: expected the password"*rc=3)
		ok "pdf: a password file with equal passwords, 33 characters or nothing is refused (exit 3)" ;;
	*) not_ok "pdf: bad password files" "$r2 | $r3 | $r4" ;;
	esac
	cd "$ROOT" || { setup_failed t_pdf_password; return; }
}

t_pdf_no_font
t_pdf_password
t_pdf_beyond_bmp
t_pdf_outline
t_pdfs
t_pdf_long_text
