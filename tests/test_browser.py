"""The HTML report in a real browser: headless Chromium, driven by Selenium.

Skips, saying why, where no Chromium and ChromeDriver can be found (Debian's
``chromium`` and ``chromium-driver``; ``.ci/run`` installs them with apt-get).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from compare import Comparison, Source, compare_articles
from compare.render import render_html

from .hostile import HOSTILE_LEFT, HOSTILE_NAME, HOSTILE_RIGHT

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install '.[test]')")
from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

CHROMIUM = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
CHROMEDRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None,
    reason="no headless Chromium here (install Debian's chromium and chromium-driver, as .ci/run does)",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    # The flags of a machine without network: no background connections, no sandbox as root.
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--window-size=1400,1000"):
        options.add_argument(flag)
    try:
        driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    except WebDriverException as error:  # installed but cannot start here (no shared memory, no display...)
        pytest.skip(f"Chromium did not start: {str(error.msg or error).splitlines()[0]}")
    try:
        yield driver
    finally:
        driver.quit()


def _open(browser: webdriver.Chrome, comparison: Comparison, folder: Path) -> None:
    page = folder / "report.html"
    page.write_text(render_html(comparison), encoding="utf-8")
    browser.get(page.as_uri())


def test_dom_matches_the_comparison_and_clicking_highlights_the_partner(
        browser: webdriver.Chrome, seed_comparison: Comparison, tmp_path: Path) -> None:
    _open(browser, seed_comparison, tmp_path)
    c = seed_comparison
    expected = {
        "same": sum(len(a.left) + len(a.right) for a in c.alignments if a.label == "same"),
        "differs": sum(len(a.left) + len(a.right) for a in c.alignments if a.label == "differs"),
        "only": len(c.left_only) + len(c.right_only),
        "aside": sum(not s.is_compared for s in (*c.left.sentences, *c.right.sentences)),
    }
    for category, count in expected.items():
        assert len(browser.find_elements(By.CSS_SELECTOR, f".article .s.cat-{category}")) == count, category
    alignment = next(a for a in c.alignments if a.label == "same")
    partner = browser.find_element(By.ID, f"R{alignment.right[0]}")
    assert "active" not in partner.get_attribute("class")
    browser.find_element(By.ID, f"L{alignment.left[0]}").click()
    assert "active" in partner.get_attribute("class")
    assert "active" in browser.find_element(By.ID, f"L{alignment.left[0]}").get_attribute("class")
    ribbons = browser.find_elements(By.CSS_SELECTOR, ".ribbon.active")
    assert len(ribbons) == 1
    assert browser.execute_script("return window.__pwned") is None
    status = browser.find_element(By.ID, "selection").text
    assert f"R{alignment.right[0]}" in status
    browser.save_screenshot(str(tmp_path / "seed-report.png"))
    assert (tmp_path / "seed-report.png").stat().st_size > 10_000


def test_keyboard_reaches_and_selects_a_sentence(browser: webdriver.Chrome, seed_comparison: Comparison,
                                                 tmp_path: Path) -> None:
    from selenium.webdriver.common.keys import Keys

    _open(browser, seed_comparison, tmp_path)
    alignment = next(a for a in seed_comparison.alignments if a.label == "differs")
    sentence = browser.find_element(By.ID, f"L{alignment.left[0]}")
    assert sentence.get_attribute("tabindex") == "0"
    sentence.send_keys(Keys.ENTER)
    assert "active" in browser.find_element(By.ID, f"R{alignment.right[0]}").get_attribute("class")


def test_hostile_article_text_never_runs(browser: webdriver.Chrome, tmp_path: Path) -> None:
    comparison = compare_articles(Source(HOSTILE_LEFT, name=HOSTILE_NAME), Source(HOSTILE_RIGHT, name="right"))
    _open(browser, comparison, tmp_path)
    for element in browser.find_elements(By.CSS_SELECTOR, ".article .s"):
        browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))", element)
    assert browser.execute_script("return window.__pwned") is None
    assert browser.execute_script("return document.querySelectorAll('script').length") == 1
    assert browser.execute_script("return document.querySelectorAll('main img, main iframe, main a').length") == 0
    assert browser.execute_script("return getComputedStyle(document.body).display") == "block"
    assert "<script>window.__pwned" in browser.find_element(By.CSS_SELECTOR, ".article").text
    assert browser.title.startswith("factcompare: evil")
    browser.save_screenshot(str(tmp_path / "hostile-report.png"))


def test_clicking_one_half_of_a_split_statement_highlights_the_whole_group(browser: webdriver.Chrome,
                                                                           tmp_path: Path) -> None:
    comparison = compare_articles(
        "The council approved the new bridge on Monday. It will cost 12 million euros.",
        "The council approved the new bridge, which will cost 12 million euros, on Monday.")
    (alignment,) = [a for a in comparison.alignments if len(a.left) == 2]
    _open(browser, comparison, tmp_path)
    browser.find_element(By.ID, f"L{alignment.left[0]}").click()
    for sid in (*(f"L{i}" for i in alignment.left), *(f"R{i}" for i in alignment.right)):
        assert "active" in browser.find_element(By.ID, sid).get_attribute("class"), sid
