#!/usr/bin/python3
"""Checks a kansa workpaper written under lowered sheet limits (the test
hooks KANSA_TEST_XLSX_ROWS and KANSA_TEST_XLSX_COLS) against the same
workpaper written whole, with openpyxl.
usage: check_limits.py rows WHOLE.xlsx SPLIT.xlsx MAXROWS
         回答明細 and 部署別明細 are continued on "NAME (2)" ... sheets of at
         most MAXROWS rows, each with a note at its top (part k of n) and,
         but the last, a link at its end to the next part; their rows
         together equal the whole sheet's; the cover names the parts;
       check_limits.py cols WHOLE.xlsx SPLIT.xlsx MAXCOLS
         部署別's chapters are continued on 部署別 (2) ... of at most
         MAXCOLS columns; every figure (cached value) equals the whole's.
Prints what is wrong; exits 1 when anything is."""
import re
import sys

import openpyxl

mode, whole_path, split_path, limit = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
problems = []
whole = openpyxl.load_workbook(whole_path, data_only=True)
split = openpyxl.load_workbook(split_path, data_only=True)
said = []


def parts_of(base):
    names = [base] + [n for n in split.sheetnames if re.fullmatch(re.escape(base) + r" \(\d+\)", n)]
    want = [base] + [f"{base} ({k})" for k in range(2, len(names) + 1)]
    if names != want:
        problems.append(f"{base}: parts {names}")
    i = split.sheetnames.index(base)
    if split.sheetnames[i:i + len(names)] != names:
        problems.append(f"{base}: parts not together: {split.sheetnames}")
    return names


if mode == "rows":
    for base in ("回答明細", "部署別明細"):
        rows = [tuple(r) for r in whole[base].iter_rows(values_only=True)]
        head, data = rows[0], rows[1:]
        names = parts_of(base)
        got = []
        if len(names) < 2:
            problems.append(f"{base}: {len(data)} rows in one sheet under a limit of {limit}")
        for k, name in enumerate(names, 1):
            ws = split[name]
            if ws.max_row > limit:
                problems.append(f"{name}: {ws.max_row} rows")
            r = [tuple(x) for x in ws.iter_rows(values_only=True)]
            note = r[0][0] or ""
            if f"全 {len(names)} シートの {k} 枚目" not in note:
                problems.append(f"{name}!A1: {note!r}")
            if r[1][:len(head)] != head:
                problems.append(f"{name}: header {r[1]}")
            body = r[2:]
            if k < len(names):
                last = ws.cell(ws.max_row, 1)
                nxt = names[k]
                if last.value != f"続きは「{nxt}」にあります →" or not last.hyperlink or \
                        last.hyperlink.location.replace("'", "") != f"{nxt}!A1":
                    problems.append(f"{name}: the end says {last.value!r} "
                                    f"({last.hyperlink.location if last.hyperlink else None})")
                body = body[:-1]
            got += [x[:len(head)] for x in body]
        if got != data:
            problems.append(f"{base}: {len(got)} rows in its parts, {len(data)} whole"
                            + next((f"; first difference at {i}: {a} / {b}"
                                    for i, (a, b) in enumerate(zip(got, data)) if a != b), ""))
        cover = [tuple(x) for x in split["表紙"].iter_rows(values_only=True)]
        row = next((x for x in cover if x[1] == base), None)
        if not row or not all(n in (row[2] or "") for n in names):
            problems.append(f"表紙: no row naming the parts of {base}: {row}")
        said.append(f"{base} {len(data)} rows in {len(names)} sheets")
elif mode == "cols":
    def figures(book, names):
        out = {}
        for name in names:
            ws = book[name]
            if book is split and ws.max_column > limit:
                problems.append(f"{name}: {ws.max_column} columns")
            r = [tuple(x) for x in ws.iter_rows(values_only=True)]
            for x in r[2:]:
                for h, v in zip(r[1][2:], x[2:]):
                    out[(x[0], x[1], h)] = v
        return out
    names = parts_of("部署別")
    a, b = figures(whole, ["部署別"]), figures(split, names)
    if len(names) < 2:
        problems.append(f"部署別: one sheet under a limit of {limit} columns")
    if a != b:
        diff = [k for k in a if a.get(k) != b.get(k)] + [k for k in b if k not in a]
        problems.append(f"部署別: {len(diff)} figures differ, e.g. {diff[:3]}")
    cover = [tuple(x) for x in split["表紙"].iter_rows(values_only=True)]
    if not any(x[1] == "部署別" and "部署別 (2)" in (x[2] or "") for x in cover):
        problems.append("表紙: no row naming the parts of 部署別")
    said.append(f"部署別's {len(a)} figures in {len(names)} sheets")
for p in problems[:20]:
    print(p)
if not problems:
    print(", ".join(said))
sys.exit(1 if problems else 0)
