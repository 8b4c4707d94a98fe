#!/usr/bin/python3
"""The live figures of a kansa workpaper against LibreOffice.
usage: check_live.py strip IN.xlsx OUT.xlsx
         writes IN without the cached values of its formulas (so that
         LibreOffice must compute every one when it loads OUT);
       check_live.py compare KANSA.xlsx LIBREOFFICE.xlsx [SHEET...]
         compares each formula's cached value in KANSA.xlsx (kansa's
         own figures) with the value LibreOffice computed and saved;
         each SHEET named must hold formulas with cached numbers;
       check_live.py edit IN.xlsx OUT.xlsx
         sets the 自己評価 of every item of chapter 2 on チェックリスト to
         未実施, and every worst answer of the first department on
         部署別明細 too (openpyxl), to see 集計 and 部署別 follow.
Prints what differs; exits 1 when anything does."""
import re
import sys
import zipfile

import openpyxl

mode = sys.argv[1]
if mode == "strip":
    src, dst = sys.argv[2:4]
    with zipfile.ZipFile(src) as zi, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zo:
        n = 0
        for info in zi.infolist():
            data = zi.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                text, k = re.subn(r"(</f>)<v>[^<]*</v>", r"\1", data.decode("utf-8"))
                text, k2 = re.subn(r'(<c [^>]*?) t="str"(>\s*<f>)', r"\1\2", text)
                n += k
                data = text.encode("utf-8")
            zo.writestr(info, data)
    if n == 0:
        sys.exit("no cached formula values found")
    print(n, "cached values removed")
elif mode == "compare":
    mine, lo = sys.argv[2:4]
    f = openpyxl.load_workbook(mine)
    v = openpyxl.load_workbook(mine, data_only=True)
    w = openpyxl.load_workbook(lo, data_only=True)
    problems, n = [], 0
    per = {}
    for ws in f.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type != "f":
                    continue
                n += 1
                a = v[ws.title][c.coordinate].value
                if isinstance(a, (int, float)):
                    per[ws.title] = per.get(ws.title, 0) + 1
                b = w[ws.title][c.coordinate].value
                a = "" if a is None else a
                b = "" if b is None else b
                same = (a == b) if isinstance(a, str) or isinstance(b, str) \
                    else abs(a - b) < 1e-9
                if not same:
                    problems.append(f"{ws.title}!{c.coordinate}: kansa {a!r}, LibreOffice {b!r} ({c.value})")
    if n < 20:
        problems.append(f"only {n} formulas")
    for name in sys.argv[4:]:
        if not per.get(name):
            problems.append(f"{name}: no formula with a cached number")
    for p in problems[:20]:
        print(p)
    if not problems:
        print(n, "formulas: kansa's cached values equal LibreOffice's",
              "(" + ", ".join(f"{k} {per[k]}" for k in sorted(per)) + ")")
    sys.exit(1 if problems else 0)
elif mode == "edit":
    src, dst = sys.argv[2:4]
    wb = openpyxl.load_workbook(src)
    ws = wb["チェックリスト"]
    k = 0
    for row in ws.iter_rows(min_row=2):
        if row[1].value == 2 and row[0].value and row[0].value != "":
            if row[6].value not in (None, ""):
                row[6].value = "未実施"
                k += 1
    ws = wb["部署別明細"]
    first = ws["B2"].value
    for row in ws.iter_rows(min_row=2):
        if row[1].value == first and row[5].value != "該当なし":
            row[5].value = "未実施"
            k += 1
    wb.save(dst)
    print(k, "statuses changed")
