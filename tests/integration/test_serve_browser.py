"""sdiag serve in a real browser (headless Chromium, through selenium): load
the page, upload the sample board, rename a theme, move a note to another
theme with its 'Move to' list, set an action's owner, write the report, and
find the corrections in report.docx (python-docx), report.pdf (pdftotext)
and action-plan.xlsx (openpyxl). A screenshot of the page is kept in
BUILD/tests/serve_browser/. Skipped (exit 77) only when Chromium, its driver
or selenium is not installed; scripts/install-deps.sh installs them."""
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile

from sdiag_test import BUILD, expect, sample, tempdir
from serve_session import Server, wait_for

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:
    webdriver = None
if not (CHROMIUM and DRIVER and webdriver):
    print("skipped: needs chromium, chromium-driver and python3-selenium (scripts/install-deps.sh installs them)")
    sys.exit(77)

import docx
import openpyxl

output = os.path.join(BUILD, "tests", "serve_browser")
os.makedirs(output, exist_ok=True)
root = tempdir()
server = Server(os.path.join(root, "workspaces"))
options = webdriver.ChromeOptions()
options.binary_location = CHROMIUM
for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
            f"--user-data-dir={tempfile.mkdtemp(prefix='sdiag-chromium-')}"]:
    options.add_argument(arg)
browser = webdriver.Chrome(service=Service(DRIVER), options=options)
wait = WebDriverWait(browser, 60)
NEW_LABEL = "Facilitator's corrected theme"
OWNER = "Quentin Marlowe-Finch"


def saved_diagnostic():
    return json.loads(server.request("GET", f"/api/workspaces/{wid}/diagnostic")[2])


def status_says(text):
    return text in browser.find_element(By.ID, "status").text


try:
    browser.get(server.url)  # ?token= becomes the page's cookie
    expect(browser.current_url.rstrip("/") == server.base, f"the token stayed in the address: {browser.current_url}")
    browser.find_element(By.ID, "files").send_keys(sample("miro", "castlebrook-board.json"))
    browser.find_element(By.ID, "upload-button").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#board .theme-label"))
    wid = browser.execute_script("return state.id")
    expect(bool(wid), "no workspace opened")
    first = saved_diagnostic()
    expect(len(first["themes"]) >= 2 and first["actions"], "the sample gave fewer than two themes or no action")

    # Rename the first theme (the keyboard way: type, then Tab away).
    name = browser.find_element(By.ID, "theme-name-0")
    name.clear()
    name.send_keys(NEW_LABEL + "\t")
    wait.until(lambda b: status_says(f'theme renamed "{NEW_LABEL}"'))

    # Move the first note of the second theme into the renamed one, with its "Move to" list.
    target_id = first["themes"][0]["id"]
    moved = first["themes"][1]["note_ids"][0]
    Select(browser.find_element(By.ID, f"move-{moved}")).select_by_value(target_id)
    browser.find_element(By.ID, f"move-button-{moved}").click()
    wait.until(lambda b: status_says("note moved"))
    card = browser.find_element(By.CSS_SELECTOR, f'.theme[data-theme-id="{target_id}"]')
    expect(card.find_elements(By.CSS_SELECTOR, f'.note[data-note-id="{moved}"]'), "the moved note is not shown in its new theme")
    expect(browser.switch_to.active_element.get_attribute("id") == f"move-button-{moved}", "focus did not follow the moved note")

    # Drag a note onto another theme (native drag and drop, its events dispatched as Chromium would).
    dragged, onto = first["themes"][2]["note_ids"][0], first["themes"][3]["id"]
    browser.execute_script("""
        const [noteId, themeId] = arguments;
        const data = new DataTransfer();
        const note = document.querySelector(`.note[data-note-id="${noteId}"]`);
        const card = document.querySelector(`.theme[data-theme-id="${themeId}"]`);
        note.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));
        card.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));
        card.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));
    """, dragged, onto)
    wait_for(lambda: dragged in next(t for t in saved_diagnostic()["themes"] if t["id"] == onto)["note_ids"],
             "the dragged note was not saved in the theme it was dropped on")

    # Choose two notes and make a new theme of them.
    chosen = [first["themes"][3]["note_ids"][0], first["themes"][4]["note_ids"][0]]
    for note_id in chosen:
        tick = browser.find_element(By.CSS_SELECTOR, f'.tick[data-note-id="{note_id}"]')
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", tick)
        tick.click()
    browser.find_element(By.ID, "new-theme-name").send_keys("Made from chosen notes")
    browser.find_element(By.ID, "new-theme").click()
    wait_for(lambda: any(t["label"] == "Made from chosen notes" and t["note_ids"] == chosen and t["origin"] == "manual"
                         for t in saved_diagnostic()["themes"]), "the new theme was not saved with the chosen notes")

    # Mark another note as not an issue, then undo that: it is back in its theme.
    other = first["themes"][1]["note_ids"][1] if len(first["themes"][1]["note_ids"]) > 1 else first["themes"][2]["note_ids"][0]
    Select(browser.find_element(By.ID, f"move-{other}")).select_by_value("__not_an_issue")
    browser.find_element(By.ID, f"move-button-{other}").click()
    wait_for(lambda: next(n for n in saved_diagnostic()["notes"] if n["id"] == other).get("not_an_issue") is True,
             "marking a note as not an issue was not saved")
    browser.find_element(By.ID, "undo").click()
    wait.until(lambda b: status_says("The last edit is undone"))
    expect("not_an_issue" not in next(n for n in saved_diagnostic()["notes"] if n["id"] == other), "undo did not put the note back")
    expect(any(other in t["note_ids"] for t in saved_diagnostic()["themes"]), "after undo the note is in no theme")

    # Set the first action's owner.
    owner = browser.find_element(By.ID, "action-owner-0")
    owner.clear()
    owner.send_keys(OWNER + "\t")
    wait.until(lambda b: status_says("owner of"))

    wait_for(lambda: saved_diagnostic()["actions"][0]["owner"] == OWNER, "the owner was not saved")
    saved = saved_diagnostic()
    theme = next(t for t in saved["themes"] if t["id"] == target_id)
    expect(theme["label"] == NEW_LABEL and theme["origin"] == "manual", f"the renamed theme was saved as {theme}")
    expect(moved in theme["note_ids"], "the moved note was not saved in its new theme")
    expect(sum(moved in t["note_ids"] for t in saved["themes"]) == 1, "the moved note is in two themes")

    # Write the report; the links download what the page lists.
    browser.find_element(By.ID, "render").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#downloads a.download"))
    links = {a.get_attribute("download"): a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#downloads a")}
    for n in ["report.docx", "report.pdf", "action-plan.xlsx", "diagnostic.json", "sdiag-report.zip"]:
        expect(n in links, f"no download link for {n}: {list(links)}")
    expect(not browser.find_element(By.ID, "pdf-preview").get_attribute("hidden"), "the PDF preview is not shown")
    browser.execute_script("document.getElementById('themes').scrollIntoView()")
    browser.save_screenshot(os.path.join(output, "page.png"))

    def fetch(n):
        status, _, data = server.request("GET", links[n].removeprefix(server.base))
        expect(status == 200, f"downloading {n} gave {status}")
        return data

    document = docx.Document(io.BytesIO(fetch("report.docx")))
    words = "\n".join(p.text for p in document.paragraphs)
    words += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    expect(NEW_LABEL in words, "the renamed theme is not in report.docx")
    expect(OWNER in words, "the owner is not in report.docx")
    moved_text = next(n["text"] for n in first["notes"] if n["id"] == moved)
    pdf = os.path.join(root, "report.pdf")
    open(pdf, "wb").write(fetch("report.pdf"))
    pdf_text = " ".join(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout.split())
    expect(NEW_LABEL in pdf_text and OWNER in pdf_text, "the renamed theme or the owner is not in report.pdf")
    plan = openpyxl.load_workbook(io.BytesIO(fetch("action-plan.xlsx")))
    cells = [str(c.value) for ws in plan.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    expect(OWNER in cells, "the owner is not in action-plan.xlsx")
    written = json.loads(fetch("diagnostic.json"))
    again = next(t for t in written["themes"] if t["label"] == NEW_LABEL)
    expect(moved in again["note_ids"], f"the re-run moved the note back out of the facilitator's theme ({moved_text!r})")
finally:
    browser.quit()
    code = server.stop()
expect(code == 0, f"sdiag serve exited {code} after Ctrl-C")
print(f"serve in Chromium: theme renamed, note moved, owner set, all in the report; screenshot {output}/page.png")
