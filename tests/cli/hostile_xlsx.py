#!/usr/bin/python3
"""Makes hostile variants of a kansa workpaper for `kansa import`.
usage: hostile_xlsx.py BASE.xlsx OUTDIR.  Writes, each named for what it
tries: bomb.xlsx (a part that inflates to 300 MB from a few hundred KB),
laughs.xlsx (billion laughs in the shared strings), rows.xlsx (1,048,576
rows on the auditor's sheet), badname.xlsx (a zip entry ../evil),
renamed.xlsx and noident.xlsx (a sheet renamed, the hidden sheet removed,
by openpyxl), formula.xlsx (a formula in an auditor's cell), notzip.xlsx.
Exits 1 when it cannot make one (the caller's test then fails)."""
import os
import sys
import zipfile

import openpyxl

base, out = sys.argv[1:3]
os.makedirs(out, exist_ok=True)
SHEET = "xl/worksheets/sheet3.xml"  # 監査調書, the third sheet


def rewrite(name, replace):
    """Copies base to out/name with the entries in replace swapped."""
    with zipfile.ZipFile(base) as src, \
            zipfile.ZipFile(os.path.join(out, name), "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in replace:
                continue
            dst.writestr(info, src.read(info.filename))
        for entry, data in replace.items():
            if callable(data):
                info = zipfile.ZipInfo(entry)
                info.compress_type = zipfile.ZIP_DEFLATED
                with dst.open(info, "w", force_zip64=True) as f:
                    data(f)
            else:
                dst.writestr(entry, data)


with zipfile.ZipFile(base) as z:
    if SHEET not in z.namelist():
        sys.exit(f"{base}: no {SHEET}")


def bomb(f):
    f.write(b'<?xml version="1.0"?><worksheet><sheetData>')
    chunk = b" " * (1 << 20)
    for _ in range(300):
        f.write(chunk)
    f.write(b"</sheetData></worksheet>")


rewrite("bomb.xlsx", {SHEET: bomb})

laughs = ['<?xml version="1.0"?>', '<!DOCTYPE lolz [', '<!ENTITY lol "lol">']
for i in range(1, 10):
    laughs.append(f'<!ENTITY lol{i} "' + f"&lol{i - 1 if i > 1 else ''};" * 10 + '">')
laughs.append(']><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;'
              '</t></is></c></row></sheetData></worksheet>')
rewrite("laughs.xlsx", {SHEET: "\n".join(laughs)})


def rows(f):
    f.write(b'<?xml version="1.0"?><worksheet><sheetData>')
    for r in range(1, 1048577):
        f.write(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (r, r))
    f.write(b"</sheetData></worksheet>")


rewrite("rows.xlsx", {SHEET: rows})
rewrite("badname.xlsx", {"../evil": "x"})
with open(os.path.join(out, "notzip.xlsx"), "w") as f:
    f.write("[kansa]\nkind = audit\n")

wb = openpyxl.load_workbook(base)
wb["監査調書"].title = "監査調書 (2)"
wb.save(os.path.join(out, "renamed.xlsx"))
wb = openpyxl.load_workbook(base)
del wb["kansa"]
wb.save(os.path.join(out, "noident.xlsx"))
wb = openpyxl.load_workbook(base)
ws = wb["監査調書"]
head = {c.value: c.column for c in ws[1]}
ws.cell(2, head["判定"]).value = "観察事項"
ws.cell(2, head["所見 (事象)"]).value = '=HYPERLINK("http://example.com","x")'
wb.save(os.path.join(out, "formula.xlsx"))
