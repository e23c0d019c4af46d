"""Issue 24 in the app: a photo inserted through the real file chooser (GTK, typed as a user would),
its caption typed, the picture on the preview's page, delete and Ctrl+Z, a broken file refused with
a message and nothing lost, the PDF exported with the JPEG in it (pdfimages), a screenshot of the
page. A session of its own on a new issue (新建下一期), so the other sessions' issues stay as they
check them. `t` is test_app itself (its Session and helpers)."""

import subprocess
from pathlib import Path

from selenium.webdriver.common.keys import Keys

HEADLINE = "图片测试文章"
PARAGRAPH = "这是一段配有照片的正文。"
CAPTION = "图为端到端测试插入的照片"
# The photo's size in pixels: 1600 px over the 156 mm column is 260 dpi, under 300 dpi, so the PDF
# embeds the JPEG as it is (no downsampling).
PHOTO_W, PHOTO_H = 1600, 1200


def make_photo(work: Path) -> Path:
    """A JPEG made with ImageMagick (scripts/install-system-packages.sh): a gradient with a yellow
    rectangle and a green disc, so the screenshot shows it is this picture, upright."""
    photo = work / "照片" / "峰会现场.jpg"
    photo.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["convert", "-size", f"{PHOTO_W}x{PHOTO_H}", "gradient:#d04040-#3060c0",
                    "-fill", "#f0e020", "-draw", "rectangle 200,200 700,600",
                    "-fill", "#208040", "-draw", "circle 1150,700 1150,950",
                    "-quality", "90", str(photo)], check=True, timeout=60)
    return photo


def thumb_loaded(s) -> bool:
    """The form's thumbnail shows a decoded picture of the photo's proportions."""
    return s.driver.execute_script(
        "const i = document.querySelector('.figure-block img.figure-thumb');"
        "return !!i && i.complete && i.naturalWidth > 0 && Math.abs(i.naturalWidth / i.naturalHeight - 4 / 3) < 0.01;")


def page_image(s) -> dict | None:
    """The first picture on the preview's pages: its id, href and box."""
    return s.driver.execute_script(
        "const i = document.querySelector('#preview-pages figure.page image.figure');"
        "if (!i) return null;"
        "return {id: i.getAttribute('data-image'), href: i.getAttribute('href') || '',"
        " w: Number(i.getAttribute('width')), h: Number(i.getAttribute('height')),"
        " page: i.closest('figure.page').dataset.page};")


def figures_session(t, work: Path, export_dir: Path) -> None:
    s = t.Session("photos")
    photo = make_photo(work)
    broken = work / "照片" / "损坏的照片.jpg"
    broken.write_bytes(b"\xff\xd8 this is not really a JPEG")

    s.css("#new-next").click()
    s.until("a new issue in the editor", lambda: s.css("#app").get_attribute("data-ready") == "editor")
    s.css("#add-article").click()
    s.type("articles.0.headline", HEADLINE)
    s.type("articles.0.blocks.0.text", PARAGRAPH)
    s.until("the preview to show the paragraph", lambda: PARAGRAPH[:8] in s.preview_text())

    # A broken file: the engine's message, and the article as it was.
    s.css(".card.article .insert-figure").click()
    t.choose_in_file_chooser("插入图片", broken)
    s.until("the message about the broken file", lambda: s.all("#toasts .toast.error"))
    message = s.css("#toasts .toast.error").get_property("textContent")
    t.log(f"broken file refused: {message}")
    assert "图片" in message, message
    assert not s.all(".figure-block"), "a broken file became a figure"
    assert s.value("articles.0.blocks.0.text") == PARAGRAPH

    # 插入图片 through the real file chooser.
    s.css(".card.article .insert-figure").click()
    t.choose_in_file_chooser("插入图片", photo)
    s.until("the figure block", lambda: s.all(".figure-block"), 60)
    caption = s.field("articles.0.blocks.1.text")
    assert caption.get_attribute("placeholder") == "图为……"
    caption.send_keys(CAPTION)
    s.until("the thumbnail", lambda: thumb_loaded(s), 60)
    s.until("the caption on the preview's page", lambda: CAPTION in s.preview_text(), 60)
    s.until("the picture on the preview's page",
            lambda: (page_image(s) or {}).get("href", "").startswith("blob:"), 60)
    img = page_image(s)
    # Full column (the default width): at most the 156 mm measure, at the photo's aspect ratio.
    assert 0 < img["w"] <= 442.3 and abs(img["w"] / img["h"] - PHOTO_W / PHOTO_H) < 0.01, img
    assert img["href"] == s.css(".figure-block img.figure-thumb").get_attribute("src"), \
        "the thumbnail and the page share one preview copy"

    # Delete, then Ctrl+Z brings it back with its caption.
    # (Through the page: the error toast of the broken file may still lie over the form.)
    s.driver.execute_script("document.querySelector('.figure-block .block-delete').click()")
    s.until("the figure gone", lambda: not s.all(".figure-block"))
    s.field("articles.0.blocks.0.text").send_keys(Keys.CONTROL, "z")
    s.until("the figure back", lambda: s.all(".figure-block"))
    assert s.value("articles.0.blocks.1.text") == CAPTION
    s.saved()

    # The page with the picture, in view and drawn, for the screenshot.
    s.driver.execute_script(
        "document.querySelector('#preview-pages image.figure').closest('figure.page').scrollIntoView({block: 'start'});"
        "document.querySelector('.figure-block').scrollIntoView({block: 'center'});")
    s.until("the page drawn", lambda: s.driver.execute_script(t.VISIBLE_PAGES_DRAWN))
    s.until("the picture drawn again", lambda: (page_image(s) or {}).get("href", "").startswith("blob:"))
    s.shot("30-photo-in-preview.png")

    pdf = t.export_pdf(s)
    assert pdf.parent == export_dir and pdf.is_file(), pdf
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                             check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    # page num type width height color comp bpc enc …
    photos = [r for r in rows if r[2] == "image" and (r[3], r[4]) == (str(PHOTO_W), str(PHOTO_H))]
    assert photos and photos[0][8] == "jpeg", f"the photo as its own JPEG: {listing}"
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert CAPTION in "".join(text.split()), "the caption not in the PDF"
    t.log(f"photo inserted through the file chooser, on preview page {img['page']}; "
          f"the PDF holds it as JPEG {PHOTO_W}×{PHOTO_H} on page {photos[0][0]}")
    s.quit()


def photos_issue_file(work: Path) -> Path:
    """The sample issue with 10 photos (3000 × 2000 JPEGs, two after the first paragraphs of each of
    its first five articles), as a draft 总第998期 in the JSON interchange form (pictures as base64)."""
    import base64
    import hashlib
    import json

    root = Path(__file__).resolve().parents[2]
    issue = json.loads((root / "tests/data/sample-issue.json").read_text(encoding="utf-8"))
    issue["masthead"].update({"number": 11, "total_number": 998, "date": "2020-11-30"})
    issue["status"] = "draft"
    images = {}
    folder = work / "十张照片"
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(10):
        jpeg = folder / f"{n}.jpg"
        subprocess.run(["convert", "-size", "3000x2000", f"gradient:#{n}0a040-#30{n}0c0",
                        "-quality", "85", str(jpeg)], check=True, timeout=60)
        data = jpeg.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        images[sha] = {"media_type": "image/jpeg", "width_px": 3000, "height_px": 2000,
                       "data": base64.b64encode(data).decode()}
        figure = {"kind": "figure", "text": f"图为第{n + 1}张测试照片", "figure": {"image": sha, "width": 100}}
        issue["articles"][n // 2]["blocks"].insert(1, figure)
    issue["images"] = images
    path = work / "十张照片的一期.json"
    path.write_text(json.dumps(issue, ensure_ascii=False), encoding="utf-8")
    return path


def photo_latency(t, s, work: Path) -> None:
    """Issue 24: typing latency in an issue with 10 photos, the page typed into holding one; the
    update carries no picture bytes (measured as the other latency steps are, printed)."""
    s.css("#back").click()
    s.until("the archive", lambda: s.all("#import"))
    s.css("#import").click()
    t.choose_in_file_chooser("导入简报", photos_issue_file(work))
    total = "总第998期"
    s.until("the issue with 10 photos imported", lambda: any(
        r.find_element(t.By.CSS_SELECTOR, "td.total").get_property("textContent") == total
        for r in s.all("tr.issue-row")), 60)
    row = [r for r in s.all("tr.issue-row")
           if r.find_element(t.By.CSS_SELECTOR, "td.total").get_property("textContent") == total][0]
    row.find_element(t.By.CSS_SELECTOR, "button.open").click()
    s.until("the issue with photos in the editor", lambda: total in s.css("#editor-title").get_property("textContent"))
    s.until("its pictures on the preview's pages", lambda: s.driver.execute_script(
        "return document.querySelectorAll('#preview-pages image').length") >= 1, 60)
    s.until("the pages in view drawn", lambda: s.driver.execute_script(t.VISIBLE_PAGES_DRAWN))
    run = t.typing_latency(s, "issue with 10 photos", "articles.0.blocks.0.text")
    assert run["bytes"] < 64 * 1024, f"a keystroke sent {run['bytes']} bytes: pictures travelled with it?"
    s.shot("19b-typing-10-photos.png")
