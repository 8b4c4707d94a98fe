# tests/cli/audit.sh: the audit chief's decisions, the opinion, the
# follow-up of last year and the parts of the reports an audit chief signs,
# read back with pdftotext.  Sourced by tests/run.sh (KANSA, ROOT,
# workspace, ok, not_ok, setup_failed, test_plan).
test_plan 19

AUDIT_AS_OF=2026-01-31

# audit_ws [AUDIT_2025]: a workspace with the policy derived and both demo
# years imported; the 2025 audit file may be replaced.  Echoes the folder;
# fails (so that the test fails) when any step fails.
audit_ws() {
	a25=${1:-$ROOT/examples/2025/audit.ini}
	ws=$(workspace)
	(cd "$ws" && "$KANSA" derive --version 2024 -o cl.ini \
		"$ROOT/checklists/mito-gikai-taisaku-kijun.txt" &&
		"$KANSA" import --year 2024 "$ROOT"/examples/2024/answers/*.ini \
			"$ROOT/examples/2024/evidence/register.ini" \
			"$ROOT/examples/2024/audit.ini" "$ROOT"/examples/2024/plans-*.ini &&
		"$KANSA" import --year 2025 "$ROOT"/examples/2025/answers/*.ini \
			"$ROOT/examples/2025/evidence/register.ini" \
			"$a25" "$ROOT"/examples/2025/plans-*.ini) >"$ws/setup.log" 2>&1 || return 1
	echo "$ws"
}

# audit_pdfs WS: kansa report in WS; the text of both PDFs in ciso.txt and
# audit.txt (-layout), fails when the report fails.
audit_pdfs() {
	(cd "$1" && "$KANSA" report --year 2025 --as-of $AUDIT_AS_OF --date 2026-02-10 &&
		pdftotext -layout output/2025/kansa-2025-ciso.pdf ciso.txt &&
		pdftotext -layout output/2025/kansa-2025-audit.pdf audit.txt) >"$1/report.log" 2>&1
}

# has FILE TEXT...: every TEXT is in FILE (spaces and line ends ignored);
# prints the missing ones.
has() {
	f=$1
	shift
	flat=$(tr -d ' \n' <"$f")
	for want in "$@"; do
		w=$(printf '%s' "$want" | tr -d ' ')
		case "$flat" in *"$w"*) ;; *) printf '[%s] ' "$want" ;; esac
	done
}

t_audit_candidates() {
	ws=$(audit_ws) || { setup_failed t_audit_candidates "the demo imports"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	# The demo decides every candidate.
	out=$("$KANSA" findings --year 2025 --as-of $AUDIT_AS_OF --candidates 2>&1)
	if printf '%s' "$out" | grep -q "未決定の候補 / undecided candidates: 0$"; then
		ok "audit: findings --candidates: the demo's audit file decides every candidate"
	else
		not_ok "audit: findings --candidates lists none for the demo" "$out"
	fi
	# Dismissed candidates are no findings and carry their reason.
	out=$("$KANSA" findings --year 2025 --as-of $AUDIT_AS_OF 2>&1)
	if printf '%s' "$out" | grep -q "3(2)ウ(ア)  軽微な不適合 → 棄却" &&
		printf '%s' "$out" | grep -q "理由: ヒアリングの結果" &&
		! "$KANSA" findings --year 2025 --as-of $AUDIT_AS_OF --format tsv | cut -f2 | grep -qx '3(2)ウ(ア)' &&
		! printf '%s' "$out" | grep -q "^案:"; then
		ok "audit: a dismissed candidate (棄却) is no finding and shows its reason"
	else
		not_ok "audit: a dismissed candidate" "$(printf '%s' "$out" | grep -n "棄却\|案" | head)"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

# Without decisions: candidates listed, the reports marked 案, a skeleton
# that imports back once filled.
t_audit_draft() {
	ws0=$(workspace)
	sed '/^; --- 規則による候補/,$d' "$ROOT/examples/2025/audit.ini" >"$ws0/audit-part.ini"
	ws=$(audit_ws "$ws0/audit-part.ini") || { setup_failed t_audit_draft "a partial audit file imports"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	cand=$("$KANSA" findings --year 2025 --as-of $AUDIT_AS_OF --candidates --format tsv 2>&1)
	n=$(printf '%s\n' "$cand" | tail -n +2 | awk -F'\t' '$1 == "軽微な不適合"' | wc -l)
	if [ "$n" -eq 22 ] && printf '%s\n' "$cand" | grep -q "^軽微な不適合	3(2)ウ(ア)	"; then
		ok "audit: findings --candidates lists the 22 undecided 軽微 candidates"
	else
		not_ok "audit: findings --candidates" "n=$n $(printf '%s\n' "$cand" | head -5)"
	fi
	if audit_pdfs "$ws"; then
		miss=$(has audit.txt "（案）" "【案】本報告書は案である" "軽微な不適合 22 件について監査統括責任者の判定が済んでいない" "候補（未決定）")
		miss="$miss$(has ciso.txt "（案）")"
		if [ -z "$miss" ]; then
			ok "audit: undecided 重大/軽微 candidates make both reports drafts (案)"
		else
			not_ok "audit: the draft marking" "missing: $miss"
		fi
	else
		not_ok "audit: kansa report with undecided candidates" "$(cat report.log)"
	fi
	# The skeleton: one section per undecided candidate, importable once
	# its judgements are decided.
	if "$KANSA" findings --year 2025 --as-of $AUDIT_AS_OF --skeleton sk.ini >sk.out 2>&1 &&
		[ "$(grep -c '^\[' sk.ini)" -eq "$(printf '%s\n' "$cand" | tail -n +2 | wc -l)" ] &&
		grep -q "^departments = 議会事務局議事調査課$" sk.ini; then
		cat "$ws0/audit-part.ini" sk.ini >full.ini
		if "$KANSA" import --year 2025 full.ini >imp.log 2>&1 &&
			"$KANSA" findings --year 2025 --as-of $AUDIT_AS_OF --candidates | grep -q "candidates: 0$"; then
			ok "audit: --skeleton writes a section per candidate; imported as written it decides them all"
		else
			not_ok "audit: the skeleton imports" "$(cat imp.log | head)"
		fi
	else
		not_ok "audit: findings --skeleton" "$(cat sk.out; head -30 sk.ini 2>/dev/null)"
	fi
	# An item staff rated 実施 (with valid evidence) that the chief grades
	# keeps the responsible department (it printed blank before).
	printf '[kansa]\nkind = audit\nfiscal_year = 2025\nauditor = 佐々木 聡\n\n[5-4(2)]\njudgement = 軽微な不適合\nfinding = 例外設定の端末がある\n' >dep.ini
	if "$KANSA" import --year 2025 dep.ini >dep.log 2>&1; then
		where=$("$KANSA" findings --year 2025 --as-of $AUDIT_AS_OF --format tsv | awk -F'\t' '$2 == "5-4(2)" {print $7}')
		case "$where" in
		*議会事務局総務課（タブレット端末）*) good=1 ;;
		*) good=0 ;;
		esac
		if [ $good -eq 1 ]; then
			ok "audit: an item rated 実施 and graded by the chief names its responsible departments"
		else
			not_ok "audit: the department of a graded 実施 item" "where='$where'"
		fi
	else
		not_ok "audit: an audit file grading a 実施 item imports" "$(cat dep.log)"
	fi
	# 棄却 needs a reason.
	printf '[kansa]\nkind = audit\nfiscal_year = 2025\nauditor = 佐々木 聡\n\n[3(2)ウ(ア)]\njudgement = 棄却\n' >bad.ini
	out=$("$KANSA" import --year 2025 bad.ini 2>&1)
	rc=$?
	if [ $rc -eq 3 ] && printf '%s' "$out" | grep -q "bad.ini:7: judgement 棄却 for \[3(2)ウ(ア)\] needs a reason"; then
		ok "audit: 棄却 without a reason is refused with file:line (exit 3)"
	else
		not_ok "audit: 棄却 without a reason" "rc=$rc $out"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_audit_reports() {
	ws=$(audit_ws) || { setup_failed t_audit_reports "the demo imports"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	if ! audit_pdfs "$ws"; then
		setup_failed t_audit_reports "kansa report: $(tail -3 report.log)"
		return
	fi
	miss=$(has audit.txt "2 監査の結果（総合意見）" "水戸市議会の情報セキュリティ対策は、対策基準の多くの事項について" \
		"水戸市議会議長" "議事第" "情報セキュリティ監査統括責任者" "基準日" "令和8年1月31日" \
		"監査の種類" "内部監査（定期監査）" "対象部署" "対象システム" "会議録検索システム" "対象外とした範囲" \
		"佐々木 聡（情報セキュリティ監査統括責任者、市長公室デジタルイノベーション課）")
	[ -z "$miss" ] && ok "audit: the report's frame: addressee, number, sender, 基準日, kind, scope, auditors, opinion" ||
		not_ok "audit: the report's frame" "missing: $miss"
	miss=$(has audit.txt "3 指摘事項の区分" "重大な不適合" "対策基準の必須の事項が実施されておらず" "観察事項" "候補（未決定）")
	[ -z "$miss" ] && ok "audit: the grade definitions" || not_ok "audit: the grade definitions" "missing: $miss"
	miss=$(has audit.txt "影響・リスク" "新しい不正プログラムを検知できず" "改善提言" "被監査部門の回答" \
		"改善計画 KP-2025-001 により対応する" "指摘を了承し、改善に取り組む。" "7-4(1)オ（7-4" \
		"確認した証跡" "監査担当 井上 和也")
	[ -z "$miss" ] && ok "audit: findings with impact, recommendation, clause title and the departments' replies" ||
		not_ok "audit: findings and replies" "missing: $miss"
	miss=$(has audit.txt "4.4 観察事項（50 件）" "証跡の問題" "期限切れ" "4.5 指摘としなかった候補（6 件）" "外部サービスの利用申請書")
	[ -z "$miss" ] && ok "audit: observations grouped with their evidence problem; dismissed candidates with reasons" ||
		not_ok "audit: observations and dismissals" "missing: $miss"
	miss=$(has audit.txt "5 前年度指摘事項の対応状況" "令和6年度の指摘事項" "改善済" "改善中" "未着手" \
		"KP-2024-001 対応中 10%" "KP-2024-002 確認済 100%")
	[ -z "$miss" ] && ok "audit: the follow-up table of last year's findings" ||
		not_ok "audit: the follow-up table" "missing: $miss"
	miss=$(has audit.txt "独立性" "佐々木 聡 の所属部署（市長公室デジタルイノベーション課）に関する指摘：10-1(3)")
	if [ -z "$miss" ]; then
		ok "audit: a finding about an auditor's own department is flagged (independence)"
	else
		not_ok "audit: independence" "missing: $miss"
	fi
	last=$(grep -v '^[[:space:]]*$' audit.txt | grep -v "機密性2" | tail -1 | tr -d ' ')
	if [ "$last" = 以上 ] && grep -q '^ *以上 *$' ciso.txt; then
		ok "audit: both reports end with 以上"
	else
		not_ok "audit: 以上 at the end" "last line: $last"
	fi
	# No placeholder, no ISO date in prose (tables of hashes and file
	# names aside: the appendix is cut off), no section twice.
	cut=$(grep -n '付録 入力ファイル' audit.txt | tail -1 | cut -d: -f1)
	body=$(head -n "$((${cut:-1} - 1))" audit.txt)
	iso=$(printf '%s\n%s\n' "$body" "$(cat ciso.txt)" | grep -n '20[0-9][0-9]-[01][0-9]-[0-3][0-9]' | head -5)
	placeholder=$(grep -n '○○' audit.txt ciso.txt | head -3)
	if [ -z "$iso" ] && [ -z "$placeholder" ]; then
		ok "audit: no ○○ and no ISO date in either report (和暦 throughout)"
	else
		not_ok "audit: ○○ or ISO dates" "$placeholder
$iso"
	fi
	dup=$(printf '%s\n' "$body" | tr -d ' \n' | grep -o "前年度（令和6年度）は自己評価" | wc -l)
	[ "$dup" -eq 1 ] && ok "audit: the overall result appears once (no repeated section)" ||
		not_ok "audit: the overall result is repeated" "$dup times"
	# The CISO's page 1: verdict, grave findings with department, decisions.
	page1=$(pdftotext -f 1 -l 1 output/2025/kansa-2025-ciso.pdf - 2>/dev/null | tr -d ' \n')
	miss=""
	for want in "1監査の結論" "重大な不適合が2件あり" "2重大な指摘事項" "7-1(6)ウ（議会事務局議事調査課（会議録検索システム））" \
		"7-4(1)オ（議会事務局）" "3判断を求める事項" "改善計画の策定を指示する" "改善計画KP-2024-001"; do
		case "$page1" in *"$want"*) ;; *) miss="$miss [$want]" ;; esac
	done
	[ -z "$miss" ] && ok "audit: CISO page 1: verdict, grave findings with department, decisions asked" ||
		not_ok "audit: CISO page 1" "missing:$miss"
	miss=$(has ciso.txt "章別の実施率（自己評価・監査評価、%）" "自己評価" "監査評価" "88.5")
	[ -z "$miss" ] && ok "audit: the CISO chart shows both views with values" || not_ok "audit: the CISO chart" "missing: $miss"
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_audit_plans_letter() {
	ws=$(audit_ws) || { setup_failed t_audit_plans_letter "the demo imports"; return; }
	cd "$ws" || { setup_failed "$_tr_current: cd"; return; }
	if "$KANSA" report plans --as-of 2026-01-31 --date 2026-02-10 >p.log 2>&1 &&
		pdftotext -layout output/2025/kansa-plans-2026-01-31.pdf p.txt 2>/dev/null; then
		miss=$(has p.txt "期限を変更した計画" "KP-2025-001" "期限を令和7年12月31日から令和8年3月31日に延長" \
			"理由：予算の補正を待つため" "判断を求める事項" "KP-2024-001（議会事務局議事調査課、215 日超過" "以上")
		[ -z "$miss" ] && ok "audit: the plans letter: moved due dates (from, to, why) and the CISO's decisions" ||
			not_ok "audit: the plans letter" "missing: $miss"
	else
		not_ok "audit: kansa report plans" "$(cat p.log)"
	fi
	cd "$ROOT" || { setup_failed "$_tr_current: cd"; return; }
}

t_audit_candidates
t_audit_draft
t_audit_reports
t_audit_plans_letter
