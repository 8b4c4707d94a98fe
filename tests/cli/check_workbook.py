#!/usr/bin/python3
"""Opens a kansa workbook with openpyxl (an oracle nobody here wrote) and
checks its structure and its values against `kansa score` and `kansa
findings` (TSV).  usage: check_workbook.py BOOK.xlsx SCORE.tsv FINDINGS.tsv
DATE CLASSIFICATION.  Prints what is wrong; exits 1 when anything is."""
import csv
import sys
import zipfile

import openpyxl

book, score_tsv, findings_tsv, date, marking = sys.argv[1:6]
problems = []


def expect(cond, what):
    if not cond:
        problems.append(what)


wb = openpyxl.load_workbook(book)
names = ["表紙", "集計", "監査調書", "チェックリスト", "回答明細", "部署別", "部署別明細",
         "指摘事項", "前年度比較", "前年度指摘のフォローアップ", "改善計画", "証跡一覧"]
expect(wb.sheetnames[:12] == names, f"sheet names and order: {wb.sheetnames}")
expect(wb["リスト"].sheet_state == "hidden", "the list sheet is hidden")

headers = {
    "チェックリスト": (1, ["ID", "章", "節", "水準", "役割", "条文", "自己評価", "監査評価",
                    "重み", "点数", "証跡", "回答者のコメント", "前年度", "比較", "指摘区分"]),
    "回答明細": (1, ["回答者", "部署", "システム", "役割", "項目ID", "回答", "証跡",
                 "コメント", "回答日", "ファイル", "行"]),
    "指摘事項": (1, ["区分", "項目ID", "水準", "条文", "対象部署", "根拠", "事象", "原因",
                 "改善提案", "緊急度", "判定", "関連計画", "計画の状態"]),
    "改善計画": (1, ["ID", "指摘項目", "指摘年度", "部署", "役割", "対応", "期限", "進捗",
                 "状態", "超過日数", "最終報告", "出典"]),
    "証跡一覧": (1, ["ID", "表題", "ファイル", "収集日", "有効期限", "サイズ", "SHA-256",
                 "検証結果", "対象項目"]),
}
for sheet, (row, want) in headers.items():
    got = [c.value for c in wb[sheet][row]][:len(want)]
    expect(got == want, f"{sheet}: header row {got}")

for ws in wb.worksheets[:12]:
    expect(marking in (ws.oddHeader.left.text or ""), f"{ws.title}: marking in the header")
    expect(marking in (ws.oddFooter.left.text or ""), f"{ws.title}: marking in the footer")
    expect(ws.oddFooter.center.text == "- &P / &N -", f"{ws.title}: page numbers")
    expect(ws.page_setup.orientation == "landscape", f"{ws.title}: landscape")
    # the wide tables print on A3 (issue 15: 指摘事項 was at 44 % on A4)
    a3 = ws.title in ("監査調書", "チェックリスト", "指摘事項", "前年度指摘のフォローアップ")
    expect(str(ws.page_setup.paperSize) == ("8" if a3 else "9"),
           f"{ws.title}: {'A3' if a3 else 'A4'}")
    if ws.title == "監査調書":
        # two pages per band of rows at 70 %, side by side (xlsx_print.sh)
        expect(str(ws.page_setup.scale) == "70" and ws.page_setup.pageOrder == "overThenDown" and
               ws.print_title_cols == "$A:$B" and [b.id for b in ws.col_breaks.brk] == [12],
               f"{ws.title}: two pages wide at 70 %, 通番 and 項目ID repeated")
    else:
        expect(ws.page_setup.fitToWidth in (1, "1", None) and ws.sheet_properties.pageSetUpPr.fitToPage,
               f"{ws.title}: fit to one page wide")
for name in ("表紙", "集計"):
    expect(wb[name].sheet_view.showGridLines is False, f"{name}: no gridlines")

cl = wb["チェックリスト"]
expect(cl.freeze_panes == "B2", f"チェックリスト: frozen at {cl.freeze_panes}")
expect(cl.auto_filter.ref and cl.auto_filter.ref.startswith("A1:O"), "チェックリスト: autofilter")
expect(cl.print_title_rows == "$1:$1", "チェックリスト: print titles")
dv = cl.data_validations.dataValidation
expect(any(v.type == "list" and v.formula1 == "状態一覧" and "G2" in str(v.sqref) for v in dv),
       "チェックリスト: the status drop-down")
defined = {d.name: d.attr_text for d in wb.defined_names.definedName}
expect(defined.get("状態一覧") == "リスト!$A$1:$A$5", f"the defined name: {defined}")
expect([wb["リスト"].cell(i, 1).value for i in range(1, 6)] ==
       ["実施", "一部実施", "未実施", "該当なし", "未回答"], "the list of statuses")
expect(len(cl.conditional_formatting) > 0, "チェックリスト: colours")
chap = [r[1] for r in cl.iter_rows(min_row=2, values_only=True) if r[1] not in (None, "")]
expect(chap and all(isinstance(v, int) for v in chap),
       f"チェックリスト: chapter numbers stored as numbers ({sorted(set(map(repr, chap)))[:5]})")
expect(any(rd.outlineLevel == 1 for rd in cl.row_dimensions.values()), "チェックリスト: outline")
expect(wb["回答明細"].freeze_panes == "A2", "回答明細: frozen header")
expect(len(wb["集計"]._charts) == 1, "集計: one chart")
ch = wb["集計"]._charts[0]
expect(ch.type == "bar" and ch.grouping == "clustered" and len(ch.series) == 2,
       "集計: a clustered bar chart of two years")

# values against `kansa score --format tsv`
score = list(csv.DictReader(open(score_tsv, encoding="utf-8"), delimiter="\t"))
s = openpyxl.load_workbook(book, data_only=True)["集計"]  # cached values


def near(a, b):
    if b in ("", None):
        return a in ("", None)
    return a is not None and abs(float(a) - float(b)) < 1e-6


overall = next(r for r in score if r["group"] == "overall")
required = next(r for r in score if r["group"] == "required")
expect(s.cell(4, 1).value == "全体" and near(s.cell(4, 2).value, overall["self_rate"]) and
       near(s.cell(4, 3).value, overall["audit_rate"]), "集計: overall rates equal kansa score")
expect(s.cell(5, 1).value == "必須のみ" and near(s.cell(5, 2).value, required["self_rate"]) and
       near(s.cell(5, 3).value, required["audit_rate"]), "集計: 必須 rates equal kansa score")
chapters = [r for r in score if r["group"] == "chapter"]
row = next(i for i in range(1, s.max_row + 1) if s.cell(i, 1).value == "章") + 1
for r in chapters:
    # a chapter number is stored as a number
    key = int(r["key"]) if r["key"].isdigit() else r["key"]
    ok = (s.cell(row, 1).value == key and near(s.cell(row, 8).value, r["self_rate"]) and
          near(s.cell(row, 9).value, r["audit_rate"]) and
          s.cell(row, 3).value == int(r["self_実施"]) and
          s.cell(row, 4).value == int(r["self_一部実施"]) and
          s.cell(row, 5).value == int(r["self_未実施"]))
    expect(ok, f"集計: chapter {r['key']} equals kansa score")
    row += 1

# values against `kansa findings --format tsv`
findings = {r["id"]: r for r in csv.DictReader(open(findings_tsv, encoding="utf-8"), delimiter="\t")}
seen = 0
for r in cl.iter_rows(min_row=2, values_only=True):
    if not r[0]:
        continue
    f = findings.get(r[0])
    if f:
        seen += 1
        expect(r[14] == f["grade"] and r[6] == f["self"] and r[7] == f["audit"],
               f"チェックリスト: {r[0]} {r[6]}/{r[7]}/{r[14]} against findings {f['self']}/{f['audit']}/{f['grade']}")
    else:
        expect(r[14] in (None, ""), f"チェックリスト: {r[0]} has grade {r[14]} but no finding")
expect(seen == len(findings), f"チェックリスト: {seen} of {len(findings)} findings")
expect(wb["指摘事項"].max_row - 1 == len(findings), "指摘事項: one row per finding")

# document properties
expect(wb.properties.created.strftime("%Y-%m-%d") == date, f"created {wb.properties.created}")
custom = zipfile.ZipFile(book).read("docProps/custom.xml").decode()
expect("入力ダイジェスト" in custom and "年度" in custom, "custom properties")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
