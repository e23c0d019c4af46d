"""Reads an exported DOCX with python-docx (an independent reader) and checks that the styles,
East Asian fonts, page set-up, document grid, odd/even page-number footers and document
properties of docs/layout.md (§1, §7, §9, §10) are there. Prints one line per check;
exits non-zero on the first failure. Usage: python check_docx.py FILE.docx"""
import sys

import docx
from docx.oxml.ns import qn

path = sys.argv[1]
d = docx.Document(path)


def check(cond, what):
    if not cond:
        print("FAIL:", what)
        sys.exit(1)
    print("ok:", what)


# Styles: (name, East Asian font, size in pt)
expected = {
    "报头名称": ("方正小标宋简体", 42),
    "期号": ("仿宋_GB2312", 16),
    "编印单位": ("仿宋_GB2312", 16),
    "要目标题": ("黑体", 16),
    "要目": ("楷体_GB2312", 16),
    "文章标题": ("方正小标宋简体", 22),
    "正文": ("仿宋_GB2312", 16),
    "一级标题": ("黑体", 16),
    "二级标题": ("楷体_GB2312", 16),
    "简讯标题": ("黑体", 16),
    "简讯": ("仿宋_GB2312", 16),
    "版记": ("仿宋_GB2312", 14),
    "页码": ("宋体", 14),
}
names = {s.name for s in d.styles}
for name, (font, size) in expected.items():
    check(name in names, f"style {name} exists")
    st = d.styles[name]
    rfonts = st.element.rPr.find(qn("w:rFonts"))
    check(rfonts.get(qn("w:eastAsia")) == font, f"{name}: East Asian font {font}")
    check(rfonts.get(qn("w:ascii")) == "Times New Roman", f"{name}: Latin font Times New Roman")
    check(st.font.size is not None and st.font.size.pt == size, f"{name}: {size} pt")
for name in ("印发日期", "署名"):
    check(name in names and d.styles[name].type == docx.enum.style.WD_STYLE_TYPE.CHARACTER,
          f"character style {name}")
check(d.styles["报头名称"].font.color.rgb == docx.shared.RGBColor(0xFF, 0, 0), "masthead name is red")
check(d.styles["正文"].element.pPr.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200",
      "body first line indented 2 characters")
check(d.styles["文章标题"].paragraph_format.keep_with_next is True, "headline keeps with next")
check(d.styles["文章标题"].paragraph_format.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER,
      "headline centred")
bdr = d.styles["编印单位"].element.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
check(bdr.get(qn("w:color")) == "FF0000" and bdr.get(qn("w:sz")) == "8", "red 1 pt rule under the editor's line")

# Page set-up and grid (§1).
s = d.sections[0]
check(abs(s.page_width.mm - 210) < 0.1 and abs(s.page_height.mm - 297) < 0.1, "A4")
check([round(x.mm) for x in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)] == [37, 35, 28, 26],
      "margins 37/35/28/26 mm")
grid = s._sectPr.find(qn("w:docGrid"))
check(grid is not None and grid.get(qn("w:type")) == "linesAndChars", "document grid: lines and characters")
check(grid.get(qn("w:linePitch")) == "579" and grid.get(qn("w:charSpace")) == "-842", "grid pitch 579, charSpace -842")

# Footers (§7).
check(d.settings.odd_and_even_pages_header_footer, "odd and even footers")
for footer, where in ((s.footer, "odd"), (s.even_page_footer, "even")):
    check(not footer.is_linked_to_previous, f"{where} footer defined")
    p = footer.paragraphs[0]
    xml = p._p.xml
    check("PAGE" in "".join(t.text for t in p._p.iter(qn("w:instrText"))), f"{where} footer has a PAGE field")
    check(p.text.startswith("— ") and p.text.endswith(" —"), f"{where} footer reads — N —")
    want = "right" if where == "odd" else "left"
    check(f'w:val="{want}"' in xml, f"{where} footer aligned {want}")

# Properties (§10).
cp = d.core_properties
check(cp.title == "温州科协信息 2020年第4期（总第245期）", "title")
check(cp.author == "温州市科学技术协会编", "author is the editing body")
check(cp.created is not None and cp.created.isoformat().startswith("2020-04-30"), "created on the issue date")
check(cp.modified is not None and cp.modified.isoformat().startswith("2020-04-30"), "modified on the issue date")

# Content: a headline with its line break, the TOC box as a one-cell table.
heads = [p for p in d.paragraphs if p.style.name == "文章标题"]
check(len(heads) == 6, "six headlines")
check(heads[0]._p.xml.count("<w:br") == 1, "first headline: two lines, one paragraph")
check(len(d.tables) >= 1 and d.tables[0].cell(0, 0).paragraphs[0].text == "本期要目", "本期要目 box")
print("all checks passed")
