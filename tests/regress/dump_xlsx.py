#!/usr/bin/python3
"""tests/regress/dump_xlsx.py BOOK.xlsx: every cell of every sheet of a
workbook as read by openpyxl (an oracle nobody here wrote), one per line:
SHEET!CELL TYPE VALUE, where TYPE is openpyxl's data type (s string,
n number, f formula, b boolean, d date) and newlines, tabs and
backslashes in VALUE are written \\n, \\t, \\\\.  Sheet state, merged
ranges and defined names are listed too, so that tests/regress/documents
shows every change to a workbook's contents as a readable diff."""
import sys

import openpyxl


def text(v):
    s = repr(v) if isinstance(v, float) else str(v)
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def dump(path):
    wb = openpyxl.load_workbook(path)
    out = []
    for dn in sorted(wb.defined_names.definedName, key=lambda d: d.name):
        out.append(f"name {dn.name} = {dn.attr_text}")
    for ws in wb.worksheets:
        out.append(f"sheet {ws.title} ({ws.sheet_state}) {ws.dimensions}")
        for rng in sorted(str(r) for r in ws.merged_cells.ranges):
            out.append(f"{ws.title}!merge {rng}")
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                out.append(f"{ws.title}!{c.coordinate} {c.data_type} {text(c.value)}")
    return out


if __name__ == "__main__":
    sys.stdout.write("\n".join(dump(sys.argv[1])) + "\n")
