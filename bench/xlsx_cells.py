#!/usr/bin/env python3
"""bench/xlsx_cells.py: lists what a workbook holds, for make bench's
workbook floor (bench/floor_xlsx.c): every cell of every sheet with its
format, the formats themselves, column widths, row heights, frozen panes,
sheet protection, hyperlinks, list validations, conditional formats
(cellIs), autofilters, headers, footers, page setup and defined names,
read from kansa's own output with zipfile, the expat-based ElementTree and
openpyxl's style tables.  What the floor leaves out (other validations and
conditional formats, charts, merged ranges, print titles) is counted and
printed to stderr.

usage: xlsx_cells.py WORKBOOK.xlsx CELLS.tsv
CELLS.tsv lines (tab-separated; \\t \\n \\\\ escaped):
  X id font size bold italic underline colour numfmt halign valign wrap
    indent rotation shrink pattern fg bg left right top bottom
    lcolour rcolour tcolour bcolour locked hidden   (a format)
  W name                     a sheet, then its lines
  C first last width fmt hidden   column widths
  Z row col                  frozen panes;   P  sheet protection
  R row height fmt hidden    a row's height or format
  S|N|B|L row col fmt value  string, number, blank, boolean
  F row col fmt formula cached   a formula with its cached number
  G row col fmt formula cached   a formula with its cached string
  U row col fmt url text     a hyperlink cell
  K r1 c1 r2 c2 criteria value bgcolour   a conditional format (cellIs)
  V r1 c1 r2 c2 formula      a list validation;  A r1 c1 r2 c2  autofilter
  H text, O text             header, footer;  Q paper landscape fitw fith
  D name formula             a defined name (before the sheets)
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

import openpyxl
from openpyxl.styles.numbers import BUILTIN_FORMATS

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RNS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "")


def ref(a1):
    """(row, col), 0-based, of an A1 reference."""
    m = re.match(r"\$?([A-Z]+)\$?(\d+)", a1)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


def colour(c):
    if c is None or c.type != "rgb" or not isinstance(c.rgb, str):
        return ""
    return c.rgb[-6:]


def formats(wb, out):
    """The X lines: one per cellXfs entry, as openpyxl read them."""
    for i, st in enumerate(wb._cell_styles):
        font = wb._fonts[st.fontId]
        fill = wb._fills[st.fillId]
        b = wb._borders[st.borderId]
        al = wb._alignments[st.alignmentId]
        pr = wb._protections[st.protectionId]
        nid = st.numFmtId
        numfmt = BUILTIN_FORMATS.get(nid) if nid < 164 else wb._number_formats[nid - 164]
        side = [b.left, b.right, b.top, b.bottom]
        f = [i, font.name or "", font.sz or 11, int(bool(font.b)), int(bool(font.i)),
             int(bool(font.u)), colour(font.color), numfmt or "General",
             al.horizontal or "", al.vertical or "", int(bool(al.wrap_text)),
             int(al.indent or 0), int(al.text_rotation or 0), int(bool(al.shrink_to_fit)),
             getattr(fill, "patternType", None) or "", colour(getattr(fill, "fgColor", None)),
             colour(getattr(fill, "bgColor", None))]
        f += [(s.style if s else None) or "" for s in side]
        f += [colour(s.color) if s else "" for s in side]
        f += [int(pr.locked is not False), int(bool(pr.hidden))]
        out.write("X\t" + "\t".join(esc(str(v)) for v in f) + "\n")


OPERATORS = ["equal", "notEqual", "greaterThan", "lessThan", "greaterThanOrEqual", "lessThanOrEqual",
             "between", "notBetween"]


def shared_strings(z):
    if "xl/sharedStrings.xml" not in z.namelist():
        return []
    out = []
    for _, el in ET.iterparse(z.open("xl/sharedStrings.xml")):
        if el.tag == NS + "si":
            out.append("".join(t.text or "" for t in el.iter(NS + "t")))
            el.clear()
    return out


def sheet_paths(z):
    """[(name, path, rels path)] in workbook order."""
    rels = {r.get("Id"): r.get("Target") for r in
            ET.parse(z.open("xl/_rels/workbook.xml.rels")).getroot()}
    out = []
    for s in ET.parse(z.open("xl/workbook.xml")).getroot().iter(NS + "sheet"):
        t = rels[s.get(RNS + "id")].lstrip("/")
        path = t if t.startswith("xl/") else "xl/" + t
        d, f = path.rsplit("/", 1)
        out.append((s.get("name"), path, f"{d}/_rels/{f}.rels"))
    return out


def tail(z, path):
    """The sheet's root element and what follows its cells (hyperlinks,
    validations, conditional formats, merges) as a document of its own,
    cut at the end of sheetData so that the cells are not parsed twice."""
    head, buf, end = b"", b"", b"</sheetData>"
    with z.open(path) as f:
        while True:
            chunk = f.read(1 << 20)
            if not head:
                head = chunk[:chunk.index(b">", chunk.index(b"<worksheet")) + 1]
            if not chunk:
                break
            buf = (buf[-len(end):] + chunk) if end not in buf else buf + chunk
    i = buf.find(end)
    return ET.fromstring(head + buf[i + len(end):] if i >= 0 else head + b"</worksheet>")


def ranges(sqref):
    """[(r1, c1, r2, c2)] of a space-separated list of A1 ranges."""
    out = []
    for rg in sqref.split():
        a, _, b = rg.partition(":")
        out.append(ref(a) + ref(b or a))
    return out


def extras(z, path, rels_path, left, dxf):
    """({(row, col): url} of the sheet's hyperlinks, [the sheet's K, V, A,
    H, O, Q lines]); counts what is left out."""
    targets = {}
    if rels_path in z.namelist():
        targets = {r.get("Id"): r.get("Target") for r in ET.parse(z.open(rels_path)).getroot()}
        left["chart"] += sum(1 for t in targets.values() if "drawing" in t)
    links, lines = {}, []
    for el in tail(z, path).iter():
        tag = el.tag[len(NS):] if el.tag.startswith(NS) else el.tag
        if tag == "hyperlink":
            url = targets.get(el.get(RNS + "id")) or ""
            if el.get("location"):
                url = (url + "#" if url else "internal:") + el.get("location")
            links[ref(el.get("ref"))] = url
        elif tag == "conditionalFormatting":
            for rule in el.iter(NS + "cfRule"):
                f = rule.find(NS + "formula")
                if rule.get("type") != "cellIs" or rule.get("operator") not in OPERATORS or f is None:
                    left["conditional format rules"] += 1
                    continue
                for rg in ranges(el.get("sqref")):
                    lines.append("K\t" + "\t".join(map(str, rg)) + f"\t{OPERATORS.index(rule.get('operator')) + 1}"
                                 f"\t{esc(f.text or '')}\t{dxf[int(rule.get('dxfId', 0))]}\n")
        elif tag == "dataValidation":
            f = el.find(NS + "formula1")
            if el.get("type") != "list" or f is None:
                left["data validations"] += 1
                continue
            for rg in ranges(el.get("sqref")):
                lines.append("V\t" + "\t".join(map(str, rg)) + f"\t{esc(f.text or '')}\n")
        elif tag == "autoFilter":
            lines.append("A\t" + "\t".join(map(str, ranges(el.get("ref"))[0])) + "\n")
        elif tag in ("oddHeader", "oddFooter"):
            lines.append(f"{'H' if tag == 'oddHeader' else 'O'}\t{esc(el.text or '')}\n")
        elif tag == "pageSetup":
            lines.append(f"Q\t{el.get('paperSize', '0')}\t{int(el.get('orientation') == 'landscape')}\t"
                         f"{el.get('fitToWidth', '')}\t{el.get('fitToHeight', '')}\n")
        elif tag == "mergeCell":
            left["merged ranges"] += 1
    return links, lines


def dxfs(z):
    """The background colour of each differential format (kansa's
    conditional formats set only that)."""
    root = ET.parse(z.open("xl/styles.xml")).getroot()
    out = []
    for d in root.iter(NS + "dxf"):
        bg = d.find(f"{NS}fill/{NS}patternFill/{NS}bgColor")
        out.append(bg.get("rgb", "")[-6:] if bg is not None else "")
    return out


def names(z, left):
    """The D lines: the workbook's defined names (print titles and areas,
    _xlnm.*, are counted as left out)."""
    out = []
    for d in ET.parse(z.open("xl/workbook.xml")).getroot().iter(NS + "definedName"):
        if d.get("name", "").startswith("_xlnm"):
            left["print titles or areas"] += 1
        else:
            out.append(f"D\t{esc(d.get('name'))}\t{esc('=' + (d.text or ''))}\n")
    return out


def width(xml):
    """The width given to worksheet_set_column() for a <col> width
    (libxlsxwriter adds 5 pixels of padding to 7-pixel digits)."""
    if not xml:
        return ""
    w = float(xml)
    return f"{w - 5 / 7:.2f}" if w >= 1 + 5 / 7 else f"{w / (12 / 7):.2f}"


def cells(z, path, strings, links, out):
    """The sheet's Z, P, C, R and cell lines, in row order: only end
    events, each row cleared once written (a cleared row stays in
    sheetData as an empty element: a few dozen bytes a row)."""
    for _, el in ET.iterparse(z.open(path)):
        tag = el.tag[len(NS):]
        if tag == "row":
            row(el, strings, links, out)
            el.clear()
        elif tag == "pane" and el.get("state") in ("frozen", "frozenSplit"):
            out.write(f"Z\t{int(float(el.get('ySplit', 0)))}\t{int(float(el.get('xSplit', 0)))}\n")
        elif tag == "sheetProtection":
            out.write("P\n")
        elif tag == "col":
            out.write(f"C\t{int(el.get('min')) - 1}\t{int(el.get('max')) - 1}\t{width(el.get('width'))}\t"
                      f"{el.get('style', '0') if el.get('style') else ''}\t{el.get('hidden', '0')}\n")


COLUMNS = {}  # column letters: 0-based index


def cell_ref(a1):
    """(row, col), 0-based, of a cell's own reference (no $): ref(), with
    the column letters remembered, for the millions of cells."""
    letters = a1.rstrip("0123456789")
    col = COLUMNS.get(letters)
    if col is None:
        col = COLUMNS[letters] = ref(a1)[1]
    return int(a1[len(letters):]) - 1, col


def row(el, strings, links, out):
    r = int(el.get("r")) - 1
    if el.get("customHeight") or el.get("customFormat") or el.get("hidden"):
        out.write(f"R\t{r}\t{el.get('ht', '') if el.get('customHeight') else ''}\t"
                  f"{el.get('s', '') if el.get('customFormat') else ''}\t{int(bool(el.get('hidden')))}\n")
    lines = []
    for c in el.iter(NS + "c"):
        rr, cc = cell_ref(c.get("r"))
        s = c.get("s", "0")
        t = c.get("t", "n")
        f = c.find(NS + "f")
        v = c.find(NS + "v")
        val = v.text if v is not None else None
        if t == "s":
            val = strings[int(val)]
        elif t == "inlineStr":
            val = "".join(x.text or "" for x in c.iter(NS + "t"))
        if (rr, cc) in links:
            lines.append(f"U\t{rr}\t{cc}\t{s}\t{esc(links[(rr, cc)])}\t{esc(val or '')}\n")
        elif f is not None:
            kind = "F" if t == "n" else "G"
            lines.append(f"{kind}\t{rr}\t{cc}\t{s}\t{esc(f.text or '')}\t{esc(val or '')}\n")
        elif val is None:
            lines.append(f"B\t{rr}\t{cc}\t{s}\t\n")
        elif t in ("s", "inlineStr", "str"):
            lines.append(f"S\t{rr}\t{cc}\t{s}\t{esc(val)}\n")
        elif t == "b":
            lines.append(f"L\t{rr}\t{cc}\t{s}\t{val}\n")
        else:
            lines.append(f"N\t{rr}\t{cc}\t{s}\t{val}\n")
    out.write("".join(lines))


def main():
    src, dst = sys.argv[1], sys.argv[2]
    wb = openpyxl.load_workbook(src, read_only=True)
    left = {"data validations": 0, "conditional format rules": 0, "merged ranges": 0, "chart": 0,
            "print titles or areas": 0}
    with zipfile.ZipFile(src) as z, open(dst, "w", encoding="utf-8") as out:
        formats(wb, out)
        strings = shared_strings(z)
        dxf = dxfs(z)
        for line in names(z, left):
            out.write(line)
        for name, path, rels in sheet_paths(z):
            links, lines = extras(z, path, rels, left, dxf)
            out.write(f"W\t{esc(name)}\n")
            cells(z, path, strings, links, out)
            out.writelines(lines)
    sys.stderr.write("it leaves out " + ", ".join(f"{v} {k}" for k, v in left.items()) + "\n")


main()
