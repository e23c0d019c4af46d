"""Marks up a proof PDF as a reviewer would, with PyMuPDF (whose annotations are the standard
dictionaries Acrobat writes), for tests/review.rs.

    annotate_proof.py IN.pdf OUT.pdf SPEC.json [--incremental]
                                                 -> prints JSON: per mark, the text it covers
    annotate_proof.py IN.pdf --locate SPEC.json  -> prints JSON: per phrase, its page and boxes

Phrases are found in the PDF's own text (MuPDF's reading of the glyphs and ToUnicode maps),
across line breaks, never from the program that wrote the PDF. A spec is a list of marks:
  {"kind": "highlight" | "underline" | "strikeout" | "squiggly", "phrase": "...", "comment": "...",
   "occurrence": N}                                            the Nth time the phrase is printed
  {"kind": "caret", "after": "...", "comment": "..."}           insertion point after the phrase
  {"kind": "note", "on": "...", "comment": "..."}               sticky note on the phrase
  {"kind": "margin_note", "beside": "...", "comment": "..."}    sticky note in the left margin
  {"kind": "freetext", "beside": "...", "comment": "..."}       typed text in the right margin
  {"kind": "ink", "around": "..."}                               a stroke around the phrase
  {"kind": "replace", "phrase": "...", "with": "..."}           strike-out + caret, /RT /Group
  {"kind": "reply", "to": N, "comment": "..."}                  a reply to mark N (/IRT)
  {"kind": "line_break", "in": "...", "chars": K}             one highlight: the last K characters
        of the line where the phrase starts and the first K of the next line
  {"kind": "page_break", "page": P, "tail": K, "head": M}      highlights: the last K characters
        of page P's text block and the first M of page P+1's, as two annotations
Every mark may give "author" (default 审阅人甲).
"""

import json
import re
import shutil
import sys

import pymupdf as fitz


def page_chars(page):
    """The page's characters in reading order with their boxes, lines joined without breaks."""
    chars = []
    lines = []
    raw = page.get_text("rawdict")
    for block in raw["blocks"]:
        for line in block.get("lines", []):
            start = len(chars)
            for span in line["spans"]:
                for ch in span["chars"]:
                    chars.append((ch["c"], fitz.Rect(ch["bbox"])))
            lines.append((start, len(chars)))
    return chars, lines


def find(doc, phrase, occurrence=1):
    """(page number, [char boxes]) of the `occurrence`th occurrence (1-based) of `phrase`."""
    seen = 0
    for page in doc:
        # The gaps set between digits and Han characters come out as spaces: the phrase is the
        # printed characters.
        chars = [(c, r) for c, r in page_chars(page)[0] if not c.isspace()]
        text = "".join(c for c, _ in chars)
        at = text.find(phrase)
        while at >= 0:
            seen += 1
            if seen == occurrence:
                return page.number, [r for _, r in chars[at : at + len(phrase)]]
            at = text.find(phrase, at + 1)
    raise SystemExit(f"phrase not in the PDF {occurrence} times: {phrase}")


def line_quads(boxes):
    """One quad per line the boxes lie on."""
    rows = []
    for r in boxes:
        if rows and abs(rows[-1].y0 - r.y0) < 2:
            rows[-1] |= r
        else:
            rows.append(fitz.Rect(r))
    return [r.quad for r in rows]


def body_lines(page):
    """The texts of the page's lines, without the proof stamp and the page number."""
    chars, lines = page_chars(page)
    out = []
    for a, b in lines:
        text = "".join(c for c, _ in chars[a:b])
        if text.startswith("校样") or re.fullmatch(r"—\s*\d+\s*—", text.strip()):
            continue
        out.append((text, [r for _, r in chars[a:b]]))
    return out


def caret_at(page, x, y):
    """A caret whose drawn mark (centred in its rect, as Acrobat draws it) points at x."""
    a = page.add_caret_annot(fitz.Point(x, y))
    w, h = a.rect.width, a.rect.height
    a.set_rect(fitz.Rect(x - w / 2, y - h / 2, x + w / 2, y + h / 2))
    return a


def info(annot, author, comment):
    annot.set_info(title=author, content=comment, modDate="D:20200428153000+08'00'")
    annot.update()


def annotate(doc, spec):
    # Annotations stay usable only while their page object lives.
    pages = [doc[i] for i in range(len(doc))]
    made = []
    report = []
    for m in spec:
        kind = m["kind"]
        author = m.get("author", "审阅人甲")
        comment = m.get("comment", "")
        if kind in ("highlight", "underline", "strikeout", "squiggly"):
            p, boxes = find(doc, m["phrase"], m.get("occurrence", 1))
            page = pages[p]
            add = {
                "highlight": page.add_highlight_annot,
                "underline": page.add_underline_annot,
                "strikeout": page.add_strikeout_annot,
                "squiggly": page.add_squiggly_annot,
            }[kind]
            a = add(line_quads(boxes))
            info(a, author, comment)
            made.append(a)
            report.append({"page": p + 1, "text": m["phrase"]})
        elif kind == "caret":
            p, boxes = find(doc, m["after"])
            r = boxes[-1]
            a = caret_at(pages[p], r.x1, (r.y0 + r.y1) / 2)
            info(a, author, comment)
            made.append(a)
            report.append({"page": p + 1, "text": ""})
        elif kind == "note":
            p, boxes = find(doc, m["on"])
            r = boxes[0]
            a = pages[p].add_text_annot(fitz.Point(r.x0 + 2, r.y0 + 2), comment)
            info(a, author, comment)
            made.append(a)
            report.append({"page": p + 1, "text": m["on"]})
        elif kind in ("margin_note", "freetext"):
            p, boxes = find(doc, m["beside"])
            r = boxes[0]
            mid = (r.y0 + r.y1) / 2
            if kind == "margin_note":
                a = pages[p].add_text_annot(fitz.Point(20, mid - 6), comment)
            else:
                w = pages[p].rect.width
                a = pages[p].add_freetext_annot(fitz.Rect(w - 75, mid - 8, w - 5, mid + 8), comment, fontsize=9)
            info(a, author, comment)
            made.append(a)
            report.append({"page": p + 1, "text": m["beside"]})
        elif kind == "ink":
            p, boxes = find(doc, m["around"])
            r = fitz.Rect(boxes[0])
            for b in boxes:
                r |= b
            r = r + (-3, -3, 3, 3)
            stroke = [(r.x0, r.y0), (r.x1, r.y0), (r.x1, r.y1), (r.x0, r.y1), (r.x0, r.y0)]
            a = pages[p].add_ink_annot([stroke])
            info(a, author, comment)
            made.append(a)
            report.append({"page": p + 1, "text": m["around"]})
        elif kind == "replace":
            p, boxes = find(doc, m["phrase"])
            page = pages[p]
            caret = caret_at(page, boxes[-1].x1, (boxes[-1].y0 + boxes[-1].y1) / 2)
            info(caret, author, m["with"])
            strike = page.add_strikeout_annot(line_quads(boxes))
            info(strike, author, "")
            strike.set_irt_xref(caret.xref)
            doc.xref_set_key(strike.xref, "RT", "/Group")
            made.append(caret)
            report.append({"page": p + 1, "text": m["phrase"]})
        elif kind == "reply":
            parent = made[m["to"]]
            page = parent.parent
            a = page.add_text_annot(parent.rect.tl, comment)
            info(a, author, comment)
            a.set_irt_xref(parent.xref)
            made.append(a)
            report.append({"page": page.number + 1, "text": ""})
        elif kind == "line_break":
            p, boxes = find(doc, m["in"])
            lines = body_lines(pages[p])
            at = next(i for i, (_, b) in enumerate(lines) if any(r == boxes[0] for r in b))
            k = m["chars"]
            (t1, b1), (t2, b2) = lines[at], lines[at + 1]
            a = pages[p].add_highlight_annot(line_quads(b1[-k:] + b2[:k]))
            info(a, author, comment)
            made.append(a)
            report.append({"page": p + 1, "text": t1[-k:] + t2[:k]})
        elif kind == "page_break":
            p = m["page"] - 1
            tail_text, tail_boxes = body_lines(pages[p])[-1]
            head_text, head_boxes = body_lines(pages[p + 1])[0]
            k, n = m["tail"], m["head"]
            a = pages[p].add_highlight_annot(line_quads(tail_boxes[-k:]))
            info(a, author, comment)
            b = pages[p + 1].add_highlight_annot(line_quads(head_boxes[:n]))
            info(b, author, "")
            made.append(a)
            report.append({"page": p + 1, "text": tail_text[-k:] + head_text[:n]})
        else:
            raise SystemExit(f"unknown kind {kind}")
    return report


def main():
    doc = fitz.open(sys.argv[1])
    if sys.argv[2] == "--locate":
        phrases = json.load(open(sys.argv[3], encoding="utf-8"))
        out = []
        for phrase in phrases:
            p, boxes = find(doc, phrase)
            h = doc[p].rect.height
            # In PDF space (y up), as a writer of raw annotation dictionaries needs them.
            out.append({"page": p + 1, "boxes": [[r.x0, h - r.y1, r.x1, h - r.y0] for r in boxes]})
        print(json.dumps(out, ensure_ascii=False))
        return
    spec = json.load(open(sys.argv[3], encoding="utf-8"))
    if len(sys.argv) > 4 and sys.argv[4] == "--incremental":
        # As Acrobat and most readers save: the marks appended after the original bytes.
        doc.close()
        shutil.copyfile(sys.argv[1], sys.argv[2])
        doc = fitz.open(sys.argv[2])
        report = annotate(doc, spec)
        doc.saveIncr()
    else:
        report = annotate(doc, spec)
        doc.save(sys.argv[2])
    print(json.dumps(report, ensure_ascii=False))


main()
