#!/usr/bin/env python3
"""End-to-end test of the real app window, driven through WebDriver (tauri-driver + WebKitWebDriver).

Run through scripts/e2e.sh (it builds the app, starts Xvfb and installs the tools). Steps (issue 7):
start on an empty store and see the demo issue; create the next issue; type a headline and a
paragraph and watch the preview change; reorder two briefs; a headline that looks like markup shows
literally in the editor, the preview and the archive; paste a whole article into 粘贴文章… and
find its parts; export the PDF and find the headlines in it (pdftotext); choose an installed face
(Debian's 文鼎ＰＬ简中楷) for 楷体 in 设置 › 字体, see the preview change, export again and find the
face embedded in the PDF (pdffonts), then go back to the bundled face; restart the app and find every edit still there. Then proofing (issue 8) on the demo
issue: 送审 a proof round, comment its PDF with PyMuPDF and take the comment back (审阅意见: import,
select, apply, undo), edit a headline, see the insertion and deletion in the 比较 view, fix
the sample's 「4月27日,」 with the 校对助手's 修正 and undo it with Ctrl+Z; mark it 已印发 (files in
the archive folder, the editor read-only), make a 年度合订本 and a backup, 更正 it, let 校验存档 find a
deleted archive file, and 从备份恢复 through the real file chooser. Last (issue 17): typing latency
in the demo and in a 40-page issue, and the editor and archive at 1366 × 768. Screenshots go to
target/e2e-screenshots/.
"""

import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import urllib3

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.options import ArgOptions
from selenium.webdriver.support.ui import Select, WebDriverWait

import step_figures
sys.path.insert(0, str(Path(__file__).resolve().parent))
from step_stats import stats_view  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
APP = Path(os.environ.get("BULLETIN_APP", ROOT / "target/debug/bulletin-app"))
SHOTS = ROOT / "target/e2e-screenshots"
XSS = "<img src=x onerror=alert(1)>"
HEADLINE = "端到端测试新标题"
PARAGRAPH = "这是端到端测试输入的一段正文。"
DEMO_HEADLINE = "市政府专题研究2020世界青年科学家峰会筹备进展情况"
# An article as pasted into 粘贴文章…: headline, paragraph, heading, a paragraph cut in two, byline.
PASTED = ["全市科技活动周开幕", "5月18日，全市科技活动周在市科技馆开幕。", "一、活动安排",
          "活动为期一周，", "共安排二十项科普活动。（王刚）"]
# The documents folder the app sees (XDG user dirs), so the default archive folder is in the run's
# temporary directory; set in main().
DOCUMENTS = Path("/nonexistent")
# tauri-driver listens on DRIVER_PORT and forwards to WebKitWebDriver, which it starts on NATIVE_PORT.
DRIVER_PORT = 4444
NATIVE_PORT = 4445
# The driver's log, printed when a session cannot be had; set in main().
DRIVER_LOG = Path("/nonexistent")


def log(msg: str) -> None:
    print(f"[e2e] {msg}", flush=True)


def wait_port(port: int, timeout: float = 30) -> None:
    end = time.time() + timeout
    while time.time() < end:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port}")


def new_driver(options: ArgOptions, attempts: int = 3):
    """A WebDriver session on the app. tauri-driver accepts connections before the WebKitWebDriver
    it spawned listens, and a loaded machine may drop the first request (seen on CI as
    RemoteDisconnected): wait for both ports, then ask again a few times before failing."""
    wait_port(DRIVER_PORT)
    wait_port(NATIVE_PORT)
    for attempt in range(1, attempts + 1):
        try:
            return webdriver.Remote(command_executor=f"http://127.0.0.1:{DRIVER_PORT}", options=options)
        except (WebDriverException, OSError, urllib3.exceptions.HTTPError) as e:
            log(f"session request {attempt}/{attempts} failed: {type(e).__name__}: {str(e)[:200]}")
            if attempt == attempts:
                raise
            time.sleep(2 * attempt)


def print_driver_log() -> None:
    try:
        text = DRIVER_LOG.read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        text = f"(no driver log: {e})"
    log("tauri-driver's log, last 60 lines:")
    print("\n".join(text.splitlines()[-60:]), flush=True)


class Session:
    """One run of the app under WebDriver."""

    def __init__(self, name: str):
        self.name = name
        options = ArgOptions()
        options.set_capability("browserName", "wry")
        options.set_capability("tauri:options", {"application": str(APP)})
        t0 = time.monotonic()
        self.driver = new_driver(options)
        self.wait = WebDriverWait(self.driver, 30)
        self.wait.until(lambda d: d.find_element(By.ID, "app").get_attribute("data-ready") == "archive")
        self.ready_s = time.monotonic() - t0
        self.wait.until(lambda d: d.find_element(By.ID, "app").get_attribute("data-startup-ms"))
        self.startup_ms = int(self.driver.find_element(By.ID, "app").get_attribute("data-startup-ms"))
        log(f"{name}: archive usable {self.startup_ms} ms after the program started "
            f"({self.ready_s:.2f} s after the WebDriver session was requested)")

    def shot(self, file: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        # WebKitWebDriver's own screenshot can hang under Xvfb; the X server's is reliable.
        subprocess.run(["import", "-window", "root", str(SHOTS / file)], check=True, timeout=30)
        log(f"screenshot {SHOTS / file}")

    def css(self, selector: str):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def all(self, selector: str):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def field(self, path: str):
        return self.css(f'[data-path="{path}"]')

    def value(self, path: str) -> str:
        return self.field(path).get_property("value")

    def type(self, path: str, text: str) -> None:
        el = self.field(path)
        el.click()
        el.send_keys(text)

    def until(self, what: str, cond, timeout: float = 30):
        try:
            # A list re-rendered between two WebDriver calls leaves stale nodes: ask again.
            return WebDriverWait(self.driver, timeout, ignored_exceptions=[StaleElementReferenceException]).until(
                lambda d: cond())
        except Exception:
            self.shot(f"failed-{self.name}.png")
            raise AssertionError(f"timed out waiting for: {what}")

    def saved(self) -> None:
        self.until("the save state to read 已保存", lambda: self.css("#save-state").text == "已保存")

    def no_alert(self) -> None:
        try:
            alert = self.driver.switch_to.alert
            raise AssertionError(f"an alert opened: {alert.text}")
        except NoAlertPresentException:
            pass

    def texts(self, selector: str) -> list[str]:
        """The text of every element matching `selector`, read in one script (no stale nodes)."""
        return self.driver.execute_script(
            "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent)", selector)

    def preview_text(self) -> str:
        # Read in one script: the preview may be replaced between two WebDriver calls.
        return self.driver.execute_script(
            "return [...document.querySelectorAll('#preview-pages figure.page')]"
            ".map(f => f.getAttribute('aria-label') || '').join('\\n')")

    def quit(self) -> None:
        self.driver.quit()


def real_keys_through_the_menu(s: Session) -> None:
    """Keys pressed on the X server (xdotool), as a user's are: GTK hands Ctrl+Z / Ctrl+Y to the
    menu's accelerators (撤销 / 重做), whose events the page runs; each press acts once."""
    name, editor = s.value("masthead.name"), s.value("masthead.editor")
    s.type("masthead.name", "甲")
    s.type("masthead.editor", "乙")
    s.field("masthead.editor").click()

    def menu_commands() -> int:
        return int(s.css("body").get_attribute("data-menu-commands") or 0)

    count = menu_commands()
    subprocess.run(["xdotool", "mousemove", "600", "400", "key", "ctrl+z"], check=True)
    s.until("撤销 through the menu", lambda: s.value("masthead.editor") == editor)
    time.sleep(0.5)  # a second firing would arrive by now
    assert s.value("masthead.name") == name + "甲", f"Ctrl+Z undid twice: {s.value('masthead.name')}"
    assert menu_commands() == count + 1, "Ctrl+Z did not come through the menu once"
    subprocess.run(["xdotool", "key", "ctrl+y"], check=True)
    s.until("重做 through the menu", lambda: s.value("masthead.editor") == editor + "乙")
    time.sleep(0.5)
    assert s.value("masthead.name") == name + "甲"
    assert menu_commands() == count + 2, "Ctrl+Y did not come through the menu once"
    log("real Ctrl+Z / Ctrl+Y went through the menu, once each")


# An installed face offices' 楷体 stands in for (fonts-arphic-gkai00mp, scripts/install-system-packages.sh).
INSTALLED_KAI = "文鼎ＰＬ简中楷"
INSTALLED_KAI_POSTSCRIPT = "GBZenKai-Medium"


def preview_svg(s: Session, page: int = 0) -> str:
    """The drawn SVG of a preview page (inline; its glyphs are <use> of the glyph sheet), with the
    outlines it places, so a change of face shows."""
    return s.driver.execute_script(
        "const svg = document.querySelectorAll('#preview-pages figure.page')[arguments[0]]?.querySelector('svg');"
        "if (!svg) return '';"
        "const ids = [...svg.querySelectorAll('use')].map(u => u.getAttribute('href'));"
        "return ids.map(id => document.querySelector(id)?.getAttribute('d') ?? '').join('|');", page)


def export_pdf(s: Session) -> Path:
    """导出 PDF through the toolbar (the export directory stands in for the save dialog)."""
    s.css("#export-pdf").click()
    s.until("the check or the export", lambda: s.all("#check-dialog") or s.all("#export-done"), 60)
    if s.all("#check-dialog"):
        problems = [b.get_property("textContent") for b in s.all("#check-dialog button.finding")]
        log(f"pre-export check: {problems}")
        s.css("#export-anyway").click()
    s.until("the export to finish", lambda: s.all("#export-done"), 120)
    pdf = Path(s.css("#exported-path").get_property("textContent"))
    s.css("#close-export").click()
    return pdf


def choose_kai(s: Session, label_start: str) -> None:
    """In 设置 › 字体, sets 楷体 to the option whose label starts with `label_start`."""
    s.css("#fonts").click()
    s.until("the fonts dialog", lambda: s.all("#fonts-dialog #font-Kai"))
    select = Select(s.css("#font-Kai"))
    labels = [o.get_property("textContent") for o in select.options]
    index = next((i for i, l in enumerate(labels) if l.startswith(label_start)), None)
    assert index is not None, f"no 楷体 option starting {label_start}: {labels}"
    select.select_by_index(index)


def installed_fonts(s: Session, export_dir: Path) -> None:
    """Issue 15: an installed face chosen for 楷体 (the 本期要目 entries) changes the preview and is
    embedded in the exported PDF; the bundled face again afterwards."""
    before = preview_svg(s)
    text_before = s.preview_text()
    choose_kai(s, INSTALLED_KAI)
    s.until("the choice applied",
            lambda: f"已改用 {INSTALLED_KAI}" in s.css("#font-status").get_property("textContent"))
    row = s.css('.font-role[data-role="Kai"]').get_property("textContent")
    assert f"当前：{INSTALLED_KAI}" in row, row
    # The sample line is drawn in the face (an image that decoded).
    s.until("the sample decoded", lambda: s.driver.execute_script(
        "const i = document.querySelector('.font-role[data-role=\"Kai\"] img.font-sample');"
        "return i && i.complete && i.naturalWidth > 0"))
    s.shot("04b-fonts.png")
    s.css("#fonts-close").click()
    s.until("the preview redrawn in the chosen face", lambda: (svg := preview_svg(s)) != "" and svg != before)
    assert s.preview_text() == text_before, "the same text, in another face"

    pdf = export_pdf(s)
    assert pdf.parent == export_dir, pdf
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    row = next((l for l in fonts.splitlines() if f"+{INSTALLED_KAI_POSTSCRIPT}" in l), None)
    assert row is not None, fonts
    assert "CID TrueType" in row and row.split()[-5:-2] == ["yes", "yes", "yes"], row
    log(f"{INSTALLED_KAI} chosen for 楷体: embedded in {pdf.name} as {row.split()[0]}")

    # Back to the bundled face.
    choose_kai(s, "内置")
    s.until("the bundled face again",
            lambda: "当前：FandolKai" in s.css('.font-role[data-role="Kai"]').get_property("textContent"))
    s.css("#fonts-close").click()
    s.until("the preview in the bundled face", lambda: preview_svg(s) == before)


# True when every preview page in (or near) the view shows its latest drawing.
VISIBLE_PAGES_DRAWN = (
    "const pages = document.getElementById('preview-pages');"
    "if (!pages) return false;"
    "const view = pages.getBoundingClientRect();"
    "const figs = [...pages.querySelectorAll('figure.page')];"
    "return figs.length > 0 && figs.every(f => { const r = f.getBoundingClientRect();"
    "  const inView = r.bottom > view.top && r.top < view.bottom;"
    "  return !inView || (f.dataset.hash && f.dataset.drawn === f.dataset.hash); });"
)

# Installed once per page load: on each input event, times (performance.now(), the page's clock)
# the frame at which the preview's text holds one more CHAR than before (the page showing it) and
# the frame after which every page in view is drawn; pushed to window.__latency with the bytes the
# update carried.
LATENCY_PROBE = """
if (!window.__latency) {
  window.__latency = [];
  const CHAR = arguments[0];
  const count = () => [...document.querySelectorAll('#preview-pages text')]
    .reduce((n, t) => n + (t.textContent.split(CHAR).length - 1), 0);
  const drawn = () => { %s };
  document.addEventListener('input', () => {
    const t0 = performance.now();
    const want = count() + 1;
    let shown = null;
    const frame = () => {
      const now = performance.now();
      if (shown === null && count() >= want) shown = now;
      if (shown !== null && drawn()) {
        const pane = document.getElementById('preview');
        window.__latency.push({ shown: shown - t0, drawn: now - t0,
                                bytes: Number(pane.dataset.lastBytes || 0),
                                update: Number(pane.dataset.lastMs || 0) });
        return;
      }
      if (now - t0 < 10000) requestAnimationFrame(frame);
      else window.__latency.push({ shown: -1, drawn: -1, bytes: 0 });
    };
    requestAnimationFrame(frame);
  }, true);
}
""" % VISIBLE_PAGES_DRAWN


def median(xs: list[float]) -> float:
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def typing_latency(s: Session, what: str, path: str, char: str = "鑫", keys: int = 10) -> dict:
    """Types `keys` characters one at a time into the field `path` and prints the medians of key
    event → the page showing the character and → every page in view drawn, and the bytes an
    update carried (issue 17). Prints, does not assert timings: the machine's load varies."""
    s.driver.execute_script(LATENCY_PROBE, char)
    field = s.field(path)
    field.click()
    s.driver.execute_script("arguments[0].setSelectionRange(2, 2)", field)
    for k in range(keys):
        done = len(s.driver.execute_script("return window.__latency"))
        field.send_keys(char)
        s.until(f"keystroke {k + 1} on its page", lambda: len(s.driver.execute_script("return window.__latency")) > done, 15)
        time.sleep(0.3)  # a pause between keys, as one types character by character
    runs = s.driver.execute_script("return window.__latency")[-keys:]
    assert all(r["shown"] >= 0 for r in runs), f"a keystroke never showed: {runs}"
    shown = median([r["shown"] for r in runs])
    drawn = median([r["drawn"] for r in runs])
    sent = median([r["bytes"] for r in runs])
    update = median([r["update"] for r in runs])
    pages = s.css("#preview-pages").get_attribute("data-page-count")
    log(f"latency ({what}, {pages} pages, {keys} keys): key → page shows it median {shown:.0f} ms, "
        f"→ pages in view drawn median {drawn:.0f} ms (of which the engine's update and its IPC "
        f"{update:.0f} ms); sent median {sent / 1024:.1f} KB per keystroke "
        f"(all: {[round(r['shown']) for r in runs]} ms)")
    return {"shown": shown, "drawn": drawn, "bytes": sent, "update": update}


def big_issue_file(work: Path) -> Path:
    """The sample issue with its articles four times (about 40 pages), as a draft 总第999期."""
    issue = json.loads((ROOT / "tests/data/sample-issue.json").read_text(encoding="utf-8"))
    issue["articles"] = issue["articles"] * 4
    issue["masthead"].update({"number": 12, "total_number": 999, "date": "2020-12-31"})
    issue["status"] = "draft"
    path = work / "四倍长的一期.json"
    path.write_text(json.dumps(issue, ensure_ascii=False), encoding="utf-8")
    return path


def latency_session(work: Path) -> None:
    """Issue 17: typing one character at a time into the demo issue and into a 40-page issue."""
    s = Session("typing latency")
    # The demo issue (已印发 after the restore): 更正, then type into its first paragraph.
    demo = [r for r in s.all("tr.issue-row")
            if r.find_element(By.CSS_SELECTOR, "td.total").get_property("textContent") == "总第245期"][0]
    demo.find_element(By.CSS_SELECTOR, "button.open").click()
    s.until("the demo in the editor", lambda: "总第245期" in s.css("#editor-title").get_property("textContent"))
    if s.css("#lock-banner").is_displayed():
        s.css("#correct").click()
        s.until("the banner gone", lambda: not s.css("#lock-banner").is_displayed())
    s.until("the demo's preview drawn", lambda: s.driver.execute_script(VISIBLE_PAGES_DRAWN))
    typing_latency(s, "demo issue", "articles.0.blocks.0.text")
    s.shot("18-typing-demo.png")

    # A 40-page issue, imported through the real file chooser; type into an article in its middle.
    s.css("#back").click()
    s.until("the archive", lambda: s.all("#import"))
    s.css("#import").click()
    choose_in_file_chooser("导入简报", big_issue_file(work))
    s.until("the 40-page issue imported", lambda: any(
        r.find_element(By.CSS_SELECTOR, "td.total").get_property("textContent") == "总第999期"
        for r in s.all("tr.issue-row")), 60)
    big = [r for r in s.all("tr.issue-row")
           if r.find_element(By.CSS_SELECTOR, "td.total").get_property("textContent") == "总第999期"][0]
    big.find_element(By.CSS_SELECTOR, "button.open").click()
    s.until("the 40-page issue in the editor", lambda: "总第999期" in s.css("#editor-title").get_property("textContent"))
    if s.css("#lock-banner").is_displayed():
        s.css("#correct").click()
        s.until("the banner gone", lambda: not s.css("#lock-banner").is_displayed())
    s.until("its preview", lambda: int(s.css("#preview-pages").get_attribute("data-page-count") or 0) >= 30, 60)
    middle = len(s.all('[data-path$=".headline"][data-path^="articles."]')) // 2
    typing_latency(s, "40-page issue", f"articles.{middle}.blocks.0.text")
    s.shot("19-typing-40-pages.png")
    step_figures.photo_latency(sys.modules[__name__], s, work)

    # A 1366 × 768 laptop screen: the editor and the preview fit, nothing runs off the right edge.
    s.driver.set_window_rect(x=0, y=0, width=1366, height=768)
    s.until("the window at 1366 × 768", lambda: s.driver.execute_script("return window.innerWidth") <= 1366)
    time.sleep(0.5)
    overflow = s.driver.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth,"
        " document.getElementById('preview').getBoundingClientRect().right]")
    log(f"at 1366 × 768: document {overflow[0]} px wide in a {overflow[1]} px window, preview ends at {overflow[2]:.0f}")
    assert overflow[0] <= overflow[1] and overflow[2] <= overflow[1] + 1, overflow
    s.shot("20-editor-1366x768.png")
    s.css("#back").click()
    s.until("the archive", lambda: s.all("#import"))
    width = s.driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the archive runs off a 1366 px window: {width}"
    s.shot("21-archive-1366x768.png")
    s.quit()


def first_session(export_dir: Path) -> None:
    s = Session("first start")
    rows = s.all("tr.issue-row")
    assert len(rows) == 1, f"the demo issue alone, got {len(rows)} rows"
    cells = [td.get_property("textContent") for td in rows[0].find_elements(By.TAG_NAME, "td")]
    assert cells[:5] == ["第4期", "总第245期", "2020年4月30日", "已印发", DEMO_HEADLINE], cells
    s.shot("01-archive-demo.png")

    # The demo issue opens with its preview.
    rows[0].find_element(By.CSS_SELECTOR, "button.open").click()
    s.until("the editor", lambda: s.css("#app").get_attribute("data-ready") == "editor")
    s.until("the demo's preview", lambda: DEMO_HEADLINE[:8] in s.preview_text())
    # The screenshot shows the pages drawn, not their empty frames.
    s.until("the preview's pages in view drawn", lambda: s.driver.execute_script(VISIBLE_PAGES_DRAWN))
    s.shot("02-editor-demo.png")
    s.css("#back").click()
    s.until("the archive", lambda: s.css("#app").get_attribute("data-ready") == "archive")

    # 新建下一期: numbers carried on.
    s.css("#new-next").click()
    s.until("the new issue in the editor", lambda: "总第246期" in s.css("#editor-title").get_property("textContent"))
    assert s.value("masthead.total_number") == "246"
    # The date reads as a Chinese user writes it, whatever the process locale.
    assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", s.value("masthead.date")), s.value("masthead.date")

    # A headline and a paragraph; the preview follows.
    s.css("#add-article").click()
    version = s.css("#preview-pages").get_attribute("data-version")
    s.type("articles.0.headline", HEADLINE)
    s.type("articles.0.blocks.0.text", PARAGRAPH)
    s.type("articles.0.byline", "测试员")
    s.until("the preview to show the new headline", lambda: HEADLINE in s.preview_text())
    assert s.css("#preview-pages").get_attribute("data-version") != version
    s.until("the preview to show the paragraph", lambda: PARAGRAPH[:10] in s.preview_text())

    # Two briefs, then swap them.
    for i, (date, text, source) in enumerate([("5月6日", "第一条简讯。", "甲"), ("5月7日", "第二条简讯。", "乙")]):
        s.css("#add-brief").click()
        s.type(f"briefs.{i}.date_text", date)
        s.type(f"briefs.{i}.text", text)
        s.type(f"briefs.{i}.source", source)
    s.css('.card[data-list="briefs"][data-index="0"] .move-down').click()
    assert s.value("briefs.0.text") == "第二条简讯。" and s.value("briefs.1.text") == "第一条简讯。"

    # A headline that looks like markup, moved to the top.
    s.css("#add-article").click()
    s.type("articles.1.headline", XSS)
    s.type("articles.1.blocks.0.text", "标记测试。")
    s.css('.card[data-list="articles"][data-index="1"] .move-up').click()
    assert s.value("articles.0.headline") == XSS
    assert s.css('[data-article-title="0"]').get_property("textContent") == XSS
    s.until("the preview to show the markup literally", lambda: XSS in s.preview_text())
    assert not s.all('img[src="x"]'), "markup became an element"
    s.no_alert()

    # 粘贴文章: a whole article as copied from Word, lines cut mid-sentence; the engine finds its parts.
    s.css("#paste-articles").click()
    s.until("the paste dialog", lambda: s.all("#paste-text"))
    s.css("#paste-text").send_keys(Keys.ENTER.join(PASTED))
    s.until("the paste read", lambda: "将添加 1 篇文章" in s.css("#paste-summary").get_property("textContent"))
    summary = s.css("#paste-summary").get_property("textContent")
    assert f"「{PASTED[0]}」：2 段，1 个小标题，署名（王刚）" in summary, summary
    s.shot("03a-paste.png")
    s.css("#paste-add").click()
    s.until("the pasted article", lambda: s.all('[data-path="articles.2.headline"]'))
    assert s.value("articles.2.headline") == PASTED[0]
    assert [s.value(f"articles.2.blocks.{k}.text") for k in range(3)] == [
        PASTED[1], PASTED[2], PASTED[3] + PASTED[4].removesuffix("（王刚）")]
    assert s.value("articles.2.byline") == "王刚"
    s.until("the preview to show the pasted headline", lambda: PASTED[0] in s.preview_text())

    # Undo/redo over the session.
    s.field("masthead.editor").send_keys("X")
    s.field("masthead.editor").send_keys(Keys.CONTROL, "z")
    assert not s.value("masthead.editor").endswith("X"), s.value("masthead.editor")
    real_keys_through_the_menu(s)
    s.saved()
    s.shot("03-editor-new-issue.png")

    # Export the PDF (the export directory stands in for the save dialog).
    s.css("#export-pdf").click()
    s.until("the check or the export", lambda: s.all("#check-dialog") or s.all("#export-done"), 60)
    if s.all("#check-dialog"):
        problems = [b.get_property("textContent") for b in s.all("#check-dialog button.finding")]
        log(f"pre-export check: {problems}")
        s.css("#export-anyway").click()
    s.until("the export to finish", lambda: s.all("#export-done"), 120)
    pdf = Path(s.css("#exported-path").get_property("textContent"))
    assert s.css("#reveal").get_property("textContent") == "打开所在文件夹"
    s.shot("04-exported.png")
    s.css("#close-export").click()
    assert pdf.parent == export_dir and pdf.is_file(), pdf
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    squeezed = "".join(text.split())
    assert HEADLINE in squeezed, f"headline not in the PDF text: {squeezed[:300]}"
    assert XSS.replace(" ", "") in squeezed
    assert PASTED[0] in squeezed and "（王刚）" in squeezed
    log(f"exported {pdf} ({pdf.stat().st_size} bytes), pdftotext finds the headline")
    installed_fonts(s, export_dir)

    # The archive lists the new issue with its first headline as text.
    s.css("#back").click()
    s.until("the archive", lambda: len(s.all("tr.issue-row")) == 2)
    first = s.all("tr.issue-row")[0]
    assert first.find_element(By.CSS_SELECTOR, "td.total").get_property("textContent") == "总第246期"
    assert first.find_element(By.CSS_SELECTOR, "td.headline").get_property("textContent") == XSS
    assert not s.all('img[src="x"]')
    s.no_alert()
    s.shot("05-archive-after.png")
    s.quit()


def second_session() -> None:
    s = Session("restart")
    rows = s.all("tr.issue-row")
    assert len(rows) == 2, len(rows)
    rows[0].find_element(By.CSS_SELECTOR, "button.open").click()
    s.until("the editor", lambda: s.css("#app").get_attribute("data-ready") == "editor")
    assert s.value("articles.0.headline") == XSS
    assert s.value("articles.1.headline") == HEADLINE
    assert s.value("articles.1.blocks.0.text") == PARAGRAPH
    assert s.value("articles.1.byline") == "测试员"
    assert s.value("articles.2.headline") == PASTED[0] and s.value("articles.2.byline") == "王刚"
    assert [s.value("briefs.0.text"), s.value("briefs.1.text")] == ["第二条简讯。", "第一条简讯。"]
    assert s.value("briefs.0.source") == "乙"
    s.until("the preview", lambda: HEADLINE in s.preview_text())
    s.shot("06-after-restart.png")
    proofing(s)
    s.quit()


def lint_item(s: Session, label: str):
    """The finding at `label`, looked up in one script call: the list is re-rendered after each
    check, and reading twenty items one WebDriver call at a time kept meeting stale nodes."""
    return s.driver.execute_script(
        "return [...document.querySelectorAll('#lint-list .lint-item')]"
        ".find((i) => i.querySelector('.lint-place')?.textContent === arguments[0]) ?? null",
        label)


def proofing(s: Session) -> None:
    """Issue 8 in the app: proof round, diff view, one-click fix and its undo, on the demo issue."""
    s.css("#back").click()
    s.until("the archive", lambda: len(s.all("tr.issue-row")) == 2)
    demo = [r for r in s.all("tr.issue-row")
            if r.find_element(By.CSS_SELECTOR, "td.total").get_property("textContent") == "总第245期"][0]
    demo.find_element(By.CSS_SELECTOR, "button.open").click()
    s.until("the demo in the editor", lambda: "总第245期" in s.css("#editor-title").get_property("textContent"))
    assert s.value("articles.0.headline").endswith("进展情况"), s.value("articles.0.headline")

    # 送审 with a note: round 1.
    s.css("#start-proof").click()
    s.until("the 送审 dialog", lambda: s.all("#proof-note"))
    s.css("#proof-note").send_keys("请主任审阅")
    s.css("#proof-confirm").click()
    s.until("the proof round", lambda: s.css("#proof-state").text == "已送审：第1次校样")
    assert s.css("#issue-status").get_property("value") == "in_proof"
    s.css("#tab-proofs").click()
    # The panel may render twice (the round saved, the tab shown): read it in one script.
    s.until("round 1 with its note in the 校样 panel",
            lambda: len(rounds := s.texts("#proof-list .proof-round")) == 1 and "请主任审阅" in rounds[0])
    s.shot("07-proof-round.png")
    # The round's PDF carries the stamp 「校样 第1次 日期」 (the export directory stands in for the dialog).
    s.css("#proof-list .proof-export").click()
    s.until("the proof PDF", lambda: s.all("#export-done"), 120)
    proof_pdf = Path(s.css("#exported-path").get_property("textContent"))
    s.css("#close-export").click()
    stamped = "".join(subprocess.run(["pdftotext", "-enc", "UTF-8", str(proof_pdf), "-"], capture_output=True,
                                     text=True, check=True).stdout.split())
    assert "校样第1次" in stamped, stamped[:200]
    log(f"proof PDF {proof_pdf.name} carries the stamp")
    reviewing(s, proof_pdf)

    # Edit the headline: 「……进展情况」 becomes 「……进展工作」.
    head = s.field("articles.0.headline")
    head.click()
    head.send_keys(Keys.CONTROL, Keys.END)
    head.send_keys(Keys.BACKSPACE, Keys.BACKSPACE, "工作")
    s.until("the edited headline", lambda: s.value("articles.0.headline").endswith("进展工作"))
    s.saved()

    # 比较: round 1 against the current text, by character.
    s.css("#tab-diff").click()
    s.until("the diff of the headline", lambda: s.all("#diff-result ins") and s.all("#diff-result del"))
    assert s.css("#diff-from").get_property("value") == "r1"
    assert s.css("#diff-to").get_property("value") == "current"
    parts = [h.get_property("textContent") for h in s.all("#diff-result h3")]
    assert parts == ["第1篇文章"], parts
    assert [e.get_property("textContent") for e in s.all("#diff-result ins")] == ["工作"]
    assert [e.get_property("textContent") for e in s.all("#diff-result del")] == ["情况"]
    s.shot("08-diff.png")

    # 校对助手: the half-width comma after 「4月27日」, fixed with one click, undone with Ctrl+Z.
    before = s.value("briefs.2.text")
    assert before.startswith(",市科协赴乐清"), before
    s.css("#tab-lint").click()
    s.until("the comma finding", lambda: lint_item(s, "第3条简讯 正文") is not None)
    item = lint_item(s, "第3条简讯 正文")
    assert "“,”改为“，”" in item.find_element(By.CSS_SELECTOR, ".lint-proposal").get_property("textContent")
    item.find_element(By.CSS_SELECTOR, ".lint-place").click()
    s.until("the brief focused", lambda: s.driver.execute_script(
        "return document.activeElement && document.activeElement.dataset.path") == "briefs.2.text")
    s.shot("09-lint.png")
    item.find_element(By.CSS_SELECTOR, ".lint-fix-one").click()
    s.until("the fixed comma", lambda: s.value("briefs.2.text") == "，" + before[1:])
    s.until("the finding gone", lambda: lint_item(s, "第3条简讯 正文") is None)
    s.shot("10-lint-fixed.png")
    s.field("masthead.editor").send_keys(Keys.CONTROL, "z")
    s.until("Ctrl+Z to restore the comma", lambda: s.value("briefs.2.text") == before)
    s.saved()
    s.no_alert()
    s.shot("11-lint-undone.png")
    publishing(s)


def publishing(s: Session) -> None:
    """已印发: archived with hashes, read-only until 更正; 校验存档 finds a deleted file."""
    s.css("#publish").click()
    s.until("the publish dialog", lambda: s.all("#publish-confirm"))
    root = Path(s.css("#archive-dir").get_property("textContent"))
    assert root == DOCUMENTS / "温州科协信息", root
    s.css("#publish-confirm").click()
    s.until("the publication", lambda: s.all("#published-dialog"), 120)
    folder = Path(s.css("#published-dir").get_property("textContent"))
    assert folder == root / "2020" / "第4期（总第245期）", folder
    files = sorted(p.name for p in folder.iterdir())
    assert [Path(f).suffix for f in files] == [".docx", ".json", ".pdf", ".pdf"], files
    assert any(f.endswith("（PDFA）.pdf") for f in files), files
    s.shot("12-published.png")
    s.css("#close-published").click()
    s.until("the read-only banner", lambda: s.css("#lock-banner").is_displayed())
    assert s.field("briefs.0.text").get_property("readOnly") is True
    assert s.css("#start-proof").get_property("disabled") is True
    s.until("no fixes offered on the archived issue",
            lambda: all(b.get_property("disabled") for b in s.all(".lint-fix-one"))
            and s.css("#lint-fix-all").get_property("disabled"))
    s.shot("13-read-only.png")

    # 年度合订本 of the published year: one PDF with a cover and contents; then back to the issue.
    s.css("#back").click()
    s.until("the archive", lambda: s.all("#export-volume"))
    s.css("#export-volume").click()
    s.until("the volume dialog", lambda: s.all("#volume-year"))
    assert s.css("#volume-year").get_property("value") == "2020"
    s.css("#volume-go").click()
    s.until("the volume", lambda: s.all("#export-done"), 120)
    volume = Path(s.css("#exported-path").get_property("textContent"))
    s.shot("15-volume.png")
    s.css("#close-export").click()
    text = "".join(subprocess.run(["pdftotext", "-enc", "UTF-8", str(volume), "-"], capture_output=True,
                                  text=True, check=True).stdout.split())
    assert "2020年合订本" in text and "第4期（总第245期）" in text, text[:300]
    log(f"volume {volume.name}: cover and contents found")
    stats_view(s)

    # 备份数据: a copy of the whole store, a database SQLite itself reads.
    s.css("#backup").click()
    s.until("the backup", lambda: s.all("#backup-done"), 60)
    backup = Path(s.css("#backup-path").get_property("textContent"))
    s.shot("16-backup.png")
    s.css("#close-backup").click()
    assert backup.suffix == ".sqlite3" and backup.read_bytes()[:16] == b"SQLite format 3\x00", backup
    with sqlite3.connect(backup) as db:
        (count,) = db.execute("SELECT count(*) FROM issues").fetchone()
    assert count >= 2, count
    log(f"backup {backup.name}: {count} issues")
    demo = [r for r in s.all("tr.issue-row")
            if r.find_element(By.CSS_SELECTOR, "td.total").get_property("textContent") == "总第245期"][0]
    demo.find_element(By.CSS_SELECTOR, "button.open").click()
    s.until("the published issue again", lambda: s.css("#lock-banner").is_displayed())

    # 更正: editable again, the archived files stay.
    s.css("#correct").click()
    s.until("the banner gone", lambda: not s.css("#lock-banner").is_displayed())
    assert s.field("briefs.0.text").get_property("readOnly") is False
    assert sorted(p.name for p in folder.iterdir()) == files

    # 校验存档: intact, then a deleted file is reported.
    s.css("#back").click()
    s.until("the archive", lambda: s.all("#verify-archive"))
    s.css("#verify-archive").click()
    s.until("the verify result", lambda: s.all("#verify-dialog"))
    assert "全部完好" in s.css("#verify-dialog").get_property("textContent")
    s.css("#verify-dialog button.primary").click()
    (folder / [f for f in files if f.endswith(".json")][0]).unlink()
    s.css("#verify-archive").click()
    s.until("the missing file", lambda: s.all("#verify-problems li"))
    problems = [li.get_property("textContent") for li in s.all("#verify-problems li")]
    assert len(problems) == 1 and problems[0].startswith("文件不见了") and problems[0].endswith(".json"), problems
    s.shot("14-verify.png")
    s.css("#verify-dialog button.primary").click()
    restoring(s, backup)


def status_of(s: Session, total: str) -> str:
    """The status class of the archive row of 总第{total}期 (read in one script: no stale nodes)."""
    return s.driver.execute_script(
        "const row = [...document.querySelectorAll('tr.issue-row')].find("
        "  r => r.querySelector('td.total').textContent === arguments[0]);"
        "return row ? row.querySelector('td.status-cell .status').className : null", f"总第{total}期")


def reviewing(s: Session, proof_pdf: Path) -> None:
    """Issue 16 in the app: the proof commented with PyMuPDF (a 替换 as Acrobat writes it), imported
    through 导入审阅意见…, the comment seen, clicked (its text selected in the editor), applied
    (the preview changes) and undone with Ctrl+Z."""
    root = Path(__file__).resolve().parents[2]
    python = subprocess.run([str(root / "scripts/pdfcheck-env.sh")], capture_output=True, text=True,
                            check=True).stdout.strip()
    spec = proof_pdf.with_name("review-spec.json")
    spec.write_text('[{"kind": "replace", "phrase": "汪驰召开会议", "with": "汪驰主持召开会议"}]', encoding="utf-8")
    commented = proof_pdf.with_name("批注后的校样.pdf")
    subprocess.run([python, str(root / "tests/tools/annotate_proof.py"), str(proof_pdf), str(commented), str(spec)],
                   check=True, timeout=120)
    s.css("#review-import").click()
    choose_in_file_chooser("导入审阅意见：选择审阅人批注过的校样 PDF", commented)
    s.until("the comment in the 审阅意见 panel",
            lambda: s.texts("#review-list .review-quote") == ["「汪驰召开会议」"], 120)
    assert s.css("#review-count").get_property("textContent") == "1"
    proposal = s.texts("#review-list .review-proposal")
    assert proposal == ["建议：“汪驰召开会议”改为“汪驰主持召开会议”"], proposal
    s.css("#review-list .review-place").click()
    s.until("the paragraph focused with the text selected", lambda: s.driver.execute_script(
        "const e = document.activeElement; return e && e.dataset.path === 'articles.0.blocks.0.text'"
        " && e.value.slice(e.selectionStart, e.selectionEnd) === '汪驰召开会议'"))
    s.shot("07b-review.png")
    s.css("#review-list .review-apply").click()
    s.until("the suggestion applied", lambda: "汪驰主持召开会议" in s.value("articles.0.blocks.0.text"))
    s.until("the comment closed", lambda: not s.all("#review-count"))
    s.css("#tab-preview").click()
    s.until("the preview with the change", lambda: "汪驰主持召开会议" in "".join(s.preview_text().split()), 60)
    s.field("masthead.editor").send_keys(Keys.CONTROL, "z")
    s.until("Ctrl+Z to restore the paragraph", lambda: "汪驰主持" not in s.value("articles.0.blocks.0.text"))
    s.saved()
    s.css("#tab-proofs").click()
    log("review comment imported, selected, applied and undone")


def choose_in_file_chooser(title: str, path: Path) -> None:
    """Picks `path` in the GTK file chooser titled `title` as a user may: Ctrl+L, the path typed
    on the X server's keyboard (xdotool), Enter."""
    # --onlyvisible: a dialog found before it is mapped cannot take the focus (BadMatch under load).
    found = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", title],
                           capture_output=True, text=True, timeout=30, check=True)
    window = found.stdout.split()[0]
    # No window manager under Xvfb: give the dialog the keyboard and the pointer ourselves.
    subprocess.run(["xdotool", "windowfocus", "--sync", window], check=True, timeout=30)
    subprocess.run(["xdotool", "mousemove", "--window", window, "20", "20"], check=True, timeout=30)
    time.sleep(0.5)
    subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+l"], check=True, timeout=30)
    time.sleep(0.3)
    subprocess.run(["xdotool", "type", "--delay", "30", str(path)], check=True, timeout=60)
    time.sleep(0.3)
    subprocess.run(["xdotool", "key", "Return"], check=True, timeout=30)


def restoring(s: Session, backup: Path) -> None:
    """从备份恢复: the backup was made while 总第245期 was 已印发, 更正 came after it; restoring
    through the real file chooser brings the store back to the backup, the data before kept."""
    s.until("the archive", lambda: s.all("#restore-backup"))
    before = status_of(s, "245")
    assert before is not None and "status-published" not in before, before
    s.css("#restore-backup").click()
    choose_in_file_chooser("选择要恢复的数据备份", backup)
    s.until("the restore confirmation", lambda: s.all("#restore-confirm"))
    assert str(backup) in s.css("#restore-dialog").get_property("textContent")
    s.css("#restore-confirm").click()
    s.until("the restore", lambda: s.all("#restore-kept"), 60)
    kept = Path(s.css("#restore-kept").get_property("textContent"))
    s.shot("17-restored.png")
    s.css("#restore-done-ok").click()
    assert kept.is_file() and ".before-restore-" in kept.name, kept
    with sqlite3.connect(kept) as db:
        (status,) = db.execute("SELECT status FROM issues WHERE total_number = 245").fetchone()
    assert status != "published", status
    s.until("总第245期 已印发 again", lambda: "status-published" in (status_of(s, "245") or ""))
    log(f"restored from {backup.name}; the data before kept as {kept.name}")



def main() -> int:
    global DOCUMENTS, DRIVER_LOG
    if not APP.is_file():
        print(f"the app is not built: {APP} (scripts/e2e.sh builds it)", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="bulletin-e2e-"))
    export_dir = work / "export"
    export_dir.mkdir()
    DOCUMENTS = work / "文档"
    xdg = work / "xdg"
    xdg.mkdir()
    (xdg / "user-dirs.dirs").write_text(f'XDG_DOCUMENTS_DIR="{DOCUMENTS}"\n', encoding="utf-8")
    env = dict(os.environ)
    env.update({
        "BULLETIN_DB": str(work / "data" / "bulletin.sqlite3"),
        "BULLETIN_EXPORT_DIR": str(export_dir),
        "XDG_CONFIG_HOME": str(xdg),
        "WEBKIT_DISABLE_COMPOSITING_MODE": "1",
    })
    DRIVER_LOG = work / "tauri-driver.log"
    driver_log = open(DRIVER_LOG, "w")
    driver = subprocess.Popen(["tauri-driver", "--port", str(DRIVER_PORT), "--native-port", str(NATIVE_PORT)],
                              env=env, stdout=driver_log, stderr=subprocess.STDOUT)
    try:
        first_session(export_dir)
        second_session()
        latency_session(work)
        step_figures.figures_session(sys.modules[__name__], work, export_dir)
        log("all steps passed")
        return 0
    except BaseException:
        driver_log.flush()
        print_driver_log()
        raise
    finally:
        driver.terminate()
        try:
            driver.wait(10)
        except subprocess.TimeoutExpired:
            driver.kill()
        driver_log.close()
        if os.environ.get("KEEP_E2E_DIR"):
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
