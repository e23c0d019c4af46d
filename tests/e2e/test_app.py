#!/usr/bin/env python3
"""End-to-end test of the real app window, driven through WebDriver (tauri-driver + WebKitWebDriver).

Run through scripts/e2e.sh (it builds the app, starts Xvfb and installs the tools). Steps (issue 7):
start on an empty store and see the demo issue; create the next issue; type a headline and a
paragraph and watch the preview change; reorder two briefs; a headline that looks like markup shows
literally in the editor, the preview and the archive; export the PDF and find the headline in it
(pdftotext); restart the app and find every edit still there. Screenshots go to
target/e2e-screenshots/.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.options import ArgOptions
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
APP = Path(os.environ.get("BULLETIN_APP", ROOT / "target/debug/bulletin-app"))
SHOTS = ROOT / "target/e2e-screenshots"
XSS = "<img src=x onerror=alert(1)>"
HEADLINE = "端到端测试新标题"
PARAGRAPH = "这是端到端测试输入的一段正文。"
DEMO_HEADLINE = "市政府专题研究2020世界青年科学家峰会筹备进展情况"


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


class Session:
    """One run of the app under WebDriver."""

    def __init__(self, name: str):
        self.name = name
        options = ArgOptions()
        options.set_capability("browserName", "wry")
        options.set_capability("tauri:options", {"application": str(APP)})
        t0 = time.monotonic()
        self.driver = webdriver.Remote(command_executor="http://127.0.0.1:4444", options=options)
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
            return WebDriverWait(self.driver, timeout).until(lambda d: cond())
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

    def preview_text(self) -> str:
        # Read in one script: the preview may be replaced between two WebDriver calls.
        return self.driver.execute_script(
            "return [...document.querySelectorAll('#preview-pages img')].map(i => i.alt).join('\\n')")

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
    log(f"exported {pdf} ({pdf.stat().st_size} bytes), pdftotext finds the headline")

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
    assert [s.value("briefs.0.text"), s.value("briefs.1.text")] == ["第二条简讯。", "第一条简讯。"]
    assert s.value("briefs.0.source") == "乙"
    s.until("the preview", lambda: HEADLINE in s.preview_text())
    s.shot("06-after-restart.png")
    s.quit()


def main() -> int:
    if not APP.is_file():
        print(f"the app is not built: {APP} (scripts/e2e.sh builds it)", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="bulletin-e2e-"))
    export_dir = work / "export"
    export_dir.mkdir()
    env = dict(os.environ)
    env.update({
        "BULLETIN_DB": str(work / "data" / "bulletin.sqlite3"),
        "BULLETIN_EXPORT_DIR": str(export_dir),
        "WEBKIT_DISABLE_COMPOSITING_MODE": "1",
    })
    driver_log = open(work / "tauri-driver.log", "w")
    driver = subprocess.Popen(["tauri-driver", "--port", "4444"], env=env, stdout=driver_log,
                              stderr=subprocess.STDOUT)
    try:
        wait_port(4444)
        first_session(export_dir)
        second_session()
        log("all steps passed")
        return 0
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
