"""The review page in a real browser: Debian's chromium driven by selenium.

Opens the queue, overrides a verdict with a note using the keyboard, reloads, and sees
the review kept. Saves a screenshot under the test's temporary folder. Skips, saying why,
where chromium or chromedriver is not installed (.ci/run installs both).
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from verifier.api import Verifier
from verifier.embed import Embedder
from verifier.index import EvidenceIndex
from verifier.review import ReviewStore
from verifier.serve import create_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
CHROME_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,1000",
]
TITLE = "Troops draft <img src=x onerror=alert(1)>"
DRAFT = (
    "Troops in Iraq\n\n"
    "The U.S. has 10,000 troops in Iraq, according to a U.N. report published in March 2024. "
    "Spending on schools rose by 3.2 percent.\n"
)


def _missing() -> str | None:
    for path in (CHROMIUM, CHROMEDRIVER):
        if not Path(path).exists():
            return f"{path} is not installed (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    return None


pytestmark = pytest.mark.skipif(_missing() is not None, reason=_missing() or "")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(built_index, embedder: Embedder, tmp_path: Path) -> Iterator[tuple[str, ReviewStore]]:
    import uvicorn

    verifier = Verifier.from_index(EvidenceIndex.load(built_index.path), embedder, judge="facts")
    store = ReviewStore(tmp_path / "reviews.sqlite3")
    app = create_app(verifier, store, allow_documents=False)
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", store
    finally:
        uv.should_exit = True
        thread.join(timeout=10)
        store.close()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*CHROME_FLAGS, f"--user-data-dir={tmp_path / 'chrome-profile'}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def _gone(element) -> bool:
    """Has the page holding ``element`` been replaced? Chrome answers a call on an element of
    a page that is mid-navigation with "node does not belong to the document" (a plain
    WebDriverException), not the StaleElementReferenceException that ``staleness_of`` waits for."""
    from selenium.common.exceptions import WebDriverException

    try:
        element.is_enabled()
    except WebDriverException:
        return True
    return False


def test_override_a_verdict_in_the_browser(server, browser, tmp_path: Path) -> None:
    import httpx
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import Select, WebDriverWait

    base, store = server
    response = httpx.post(f"{base}/api/articles", json={"title": TITLE, "text": DRAFT}, timeout=60)
    assert response.status_code == 201, response.text
    claims = response.json()["claims"]
    target = next(c for c in claims if c["verdict"]["label"] == "supported")

    browser.get(f"{base}/?status=pending")
    wait = WebDriverWait(browser, 20)
    card = wait.until(ec.presence_of_element_located((By.ID, f"claim-{target['id']}")))
    assert "pending" in card.text and "Spending on schools rose by 3.2 percent." in card.text
    # Markup in the draft is shown as text, never made into elements.
    assert browser.execute_script("return document.querySelectorAll('img').length") == 0
    assert TITLE in card.text

    # Keyboard only: j moves to the next claim, o jumps to its label; type the rest.
    for _ in range(len(claims)):
        browser.switch_to.active_element.send_keys("j")
        if browser.switch_to.active_element.get_attribute("id") == f"claim-{target['id']}":
            break
    assert browser.switch_to.active_element.get_attribute("id") == f"claim-{target['id']}"
    browser.switch_to.active_element.send_keys("o")
    select = browser.switch_to.active_element
    assert select.get_attribute("name") == "label"
    Select(select).select_by_value("contradicted")
    form = card.find_element(By.CSS_SELECTOR, "form.review")
    form.find_element(By.NAME, "reviewer").send_keys("Alice Editor")
    note = form.find_element(By.NAME, "note")
    note.send_keys("The ministry revised the figure to 2.9 percent <b>in May</b>.")
    note.send_keys(Keys.TAB, Keys.TAB)  # past "Accept" onto "Save label and note"
    saving = browser.switch_to.active_element
    assert saving.get_attribute("data-action") == "override"
    saving.send_keys(Keys.ENTER)

    # The page reloads after the save; with the "pending" filter the claim has left the queue.
    wait.until(lambda _: _gone(card))
    wait.until(lambda d: d.execute_script("return document.readyState") == "complete")
    assert not browser.find_elements(By.ID, f"claim-{target['id']}")

    browser.get(f"{base}/?status=reviewed")
    browser.refresh()
    card = wait.until(ec.presence_of_element_located((By.ID, f"claim-{target['id']}")))
    text = card.text
    assert "REVIEWED: CONTRADICTED" in text.upper() and "by Alice Editor" in text
    assert "The ministry revised the figure to 2.9 percent <b>in May</b>." in text  # shown as text
    assert "AUTOMATIC: SUPPORTED" in text.upper()  # the automatic verdict kept beside it
    stored = store.claim(target["id"])
    assert stored["review"]["label"] == "contradicted" and stored["verdict"]["label"] == "supported"
    assert [h["action"] for h in store.history(target["id"])] == ["created", "overridden"]
    # The reviewer's name is remembered for the next claim.
    browser.get(f"{base}/?status=pending")
    other = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "form.review input[name=reviewer]")))
    assert other.get_attribute("value") == "Alice Editor"

    browser.get(f"{base}/")
    shot = tmp_path / "review-page.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    errors = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]
    assert errors == [], errors  # no CSP violation, no script error
