"""Issue 25 in the app: the 统计 view over the published demo issue (2020 第4期（总第245期）).
The counts were written by hand from tests/data/issue-2020-04-245.txt: articles by 叶贤挺 (3),
王刚, 朱哲汝, 赵理恒; briefs by 叶贤挺, 夏细绸, 赵理恒, 市科协 (3), 范成武, 刘诗梦."""

import subprocess
from pathlib import Path


def stats_view(s) -> None:
    """From the archive: open 统计, read the table, click a row, add an alias and undo it, export
    the XLSX and the 通报 (BULLETIN_EXPORT_DIR stands in for the dialog), back to the archive."""
    s.css("#show-stats").click()
    s.until("the 统计 view", lambda: s.css("#app").get_attribute("data-ready") == "stats")
    s.until("the 2020 counts", lambda: "2020年" in (s.texts("#stats-summary") or [""])[0])
    summary = s.texts("#stats-summary")[0]
    assert summary.startswith("2020年：1 期，文章 6 篇、简讯 8 条"), summary
    rows = s.driver.execute_script(
        "return [...document.querySelectorAll('#stats-table tbody tr')]"
        ".map(r => [...r.querySelectorAll('td')].map(c => c.textContent))")
    first = rows[0]
    # 序号, 单位, 1月…12月, 文章, 简讯, 合计: 叶贤挺 has 3 articles and 1 brief, all in April.
    assert first[1] == "叶贤挺（个人）" and first[2 + 3] == "4" and first[-3:] == ["3", "1", "4"], first
    assert rows[1][1] == "温州市科协" and rows[1][-3:] == ["0", "3", "3"], rows[1]
    assert rows[-1][1] == "合计" and rows[-1][-3:] == ["6", "8", "14"], rows[-1]
    assert len(s.all("svg.bar-chart g.bar")) == len(rows) - 1
    s.shot("15a-stats.png")
    # The row's name cell, scrolled into view (a <tr> itself has no box WebDriver may click).
    cell = s.css("#stats-table tbody tr:nth-child(2) td:nth-child(2)")
    s.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", cell)
    cell.click()
    s.until("the items of 温州市科协", lambda: len(s.all("#stats-items li")) == 3)
    assert all(t.startswith("第4期（总第245期）") for t in s.texts("#stats-items li"))

    # 叶贤挺 counted for 市科协: 温州市科协 then has 3 articles and 4 briefs; undone, back as before.
    s.driver.execute_script("document.getElementById('aliases').scrollIntoView()")
    s.css("#alias-name").send_keys("叶贤挺")
    s.css("#alias-unit").send_keys("市科协")
    s.css("#alias-add").click()
    s.until("the alias in the table", lambda: s.texts(".alias-row td")[:2] == ["叶贤挺", "温州市科协"])
    s.until("温州市科协 first", lambda: s.texts("#stats-table tbody tr:first-child td")[1] == "温州市科协")
    assert s.texts("#stats-table tbody tr:first-child td")[-3:] == ["3", "4", "7"]
    s.shot("15b-stats.png")
    s.css("#alias-undo").click()
    s.until("the alias undone", lambda: not s.all(".alias-row"))
    s.until("叶贤挺 first again", lambda: s.texts("#stats-table tbody tr:first-child td")[1] == "叶贤挺（个人）")

    s.driver.execute_script("document.getElementById('stats').scrollTop = 0")
    s.css("#stats-xlsx").click()
    s.until("the XLSX exported", lambda: any("已导出" in t and t.endswith(".xlsx") for t in s.texts(".toast span")), 60)
    xlsx = Path([t for t in s.texts(".toast span") if t.endswith(".xlsx")][-1].split("已导出：", 1)[1])
    assert xlsx.read_bytes()[:2] == b"PK", xlsx
    s.css("#stats-docx").click()
    s.until("the 通报 exported", lambda: any("已导出" in t and t.endswith(".docx") for t in s.texts(".toast span")), 60)
    docx = Path([t for t in s.texts(".toast span") if t.endswith(".docx")][-1].split("已导出：", 1)[1])
    text = subprocess.run(["unzip", "-p", str(docx), "word/document.xml"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    assert "2020年度信息采用情况通报" in text, text[:300]
    s.css("#stats-back").click()
    s.until("the archive", lambda: s.all("#backup"))
    print(f"[e2e] 统计: counts, alias and undo, {xlsx.name} and {docx.name}", flush=True)
