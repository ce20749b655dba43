"""The pre-publication page in a real browser: Playwright drives the system Chromium against a
server on a free localhost port. A seed article is pasted as the draft, the other seeds are the
archive; the claims are highlighted by verdict, the evidence shows on focus, and the hostages
finding of seeds/expected_findings.csv is listed.

Set CASUALTY_CHECK_SCREENSHOT=PATH to save a screenshot of the page (reports/screenshot-seeds.png
is made this way).
"""
from __future__ import annotations

import csv
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip("no system Chromium (Debian package `chromium`)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
uvicorn = pytest.importorskip("uvicorn", reason="the web extra (uvicorn) is not installed")

from checker.rules import load_rules  # noqa: E402
from checker.web import create_app, load_archive  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
EXPECTED = [row for row in csv.DictReader((SEEDS / "expected_findings.csv").open(encoding="utf-8"))
            if row["metric"] == "hostages_held" and row["present"] == "1"]


def _draft() -> Path:
    """The seed that states the later of the expected hostage figures (the other seeds hold the earlier)."""
    later = EXPECTED[0]["must_contain_values"].split(";")[-1]
    return next(p for p in sorted(SEEDS.glob("*.txt")) if f" {later} hostages" in p.read_text(encoding="utf-8"))


def _published(draft: Path) -> str:
    rows = csv.DictReader((SEEDS / "manifest.csv").open(encoding="utf-8"))
    return next(r["published"] for r in rows if r["doc"] == draft.stem)


@pytest.fixture(scope="module")
def server():
    """The app on a free 127.0.0.1 port, in a thread, with every seed but the draft as the archive."""
    rules = load_rules(None)
    draft = _draft()
    archive = load_archive(sorted(str(p) for p in SEEDS.glob("*.txt") if p != draft), rules)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(archive, rules, hosts=["127.0.0.1"]), host="127.0.0.1", port=port,
                            log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not instance.started:  # waiting for start-up, not measuring anything
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/", draft
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(server):
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        tab = browser.new_page(viewport={"width": 1366, "height": 900})
        yield tab
        browser.close()


def test_a_pasted_seed_is_highlighted_with_evidence_and_the_hostages_finding(server, page):
    url, draft = server
    page.goto(url)
    page.get_by_label("Draft text").fill(draft.read_text(encoding="utf-8"))
    page.get_by_label("Publication date").fill(_published(draft))
    page.get_by_role("button", name="Check draft").click()
    page.locator("#result").wait_for(state="visible")

    marks = page.locator("mark.claim")
    assert marks.count() >= 3
    verdict_classes = {c for i in range(marks.count()) for c in marks.nth(i).get_attribute("class").split()}
    assert "v-contradicts" in verdict_classes and "v-consistent" in verdict_classes

    row = EXPECTED[0]
    earlier, later = row["must_contain_values"].split(";")
    finding = page.locator("#findings li", has_text=row["metric"])
    assert finding.count() == 1
    assert earlier in finding.inner_text() and later in finding.inner_text()

    # from the keyboard: the finding's button moves focus to its claim, and the evidence follows
    finding.get_by_role("button", name="show in the draft").focus()
    page.keyboard.press("Enter")
    focused = page.locator("mark.claim:focus")
    assert focused.inner_text() == later and "v-contradicts" in focused.get_attribute("class")
    evidence = page.locator("#evidence")
    assert "contradicts" in evidence.inner_text() and earlier in evidence.inner_text()
    # Tab walks on to the next claim and its evidence replaces the panel's
    page.keyboard.press("Tab")
    following = page.locator("mark.claim:focus").inner_text()
    assert following != later and following in evidence.inner_text()

    if os.environ.get("CASUALTY_CHECK_SCREENSHOT"):
        page.locator("mark.claim", has_text=later).first.click()
        page.screenshot(path=os.environ["CASUALTY_CHECK_SCREENSHOT"], full_page=True)


def test_an_empty_draft_shows_the_servers_message(server, page):
    url, _ = server
    page.goto(url)
    page.get_by_label("Draft text").fill("   ")
    page.get_by_label("Draft text").press("Control+Enter")
    alert = page.get_by_role("alert")
    alert.wait_for(state="visible")
    assert "empty" in alert.inner_text()
    assert page.locator("#result").is_hidden()
