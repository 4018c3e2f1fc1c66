"""The HTML report in a real browser: headless Chromium, driven by Selenium.

Skips, saying why, where no Chromium and ChromeDriver can be found (Debian's
``chromium`` and ``chromium-driver``; ``.ci/run`` installs them with apt-get).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
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
    # A sentence in several groups (several counterparts) shows as differing if any of them differs.
    labels: dict[str, set[str]] = {}
    for a in c.alignments:
        for key in (*(f"L{i}" for i in a.left), *(f"R{i}" for i in a.right)):
            labels.setdefault(key, set()).add(a.label)
    expected = {
        "same": sum(found == {"same"} for found in labels.values()),
        "differs": sum("differs" in found for found in labels.values()),
        "only": len(c.left_only) + len(c.right_only),
        "aside": sum(not s.is_compared for s in (*c.left.sentences, *c.right.sentences)),
    }
    for category, count in expected.items():
        assert len(browser.find_elements(By.CSS_SELECTOR, f".article .s.cat-{category}")) == count, category
    once = {i for i in c.left.statement_ids if sum(i in a.left for a in c.alignments) == 1}
    alignment = next(a for a in c.alignments if a.label == "same" and a.left[0] in once)
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
    assert browser.execute_script("return document.querySelectorAll('main img, main iframe').length") == 0
    # the only links are the report's own jumps within the page
    assert browser.execute_script("return document.querySelectorAll('a:not([href^=\"#\"])').length") == 0
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


def _in_view(browser: webdriver.Chrome, element_id: str) -> bool:
    """Whether the element is on screen: in the window, below the sticky summary, and inside its scroll box."""
    return bool(browser.execute_script("""
        var el = document.getElementById(arguments[0]), r = el.getBoundingClientRect();
        var top = document.querySelector('nav.jump').getBoundingClientRect().bottom;
        var box = el.closest('.article'), b = box ? box.getBoundingClientRect() : {top: -1e9, bottom: 1e9};
        return r.top >= Math.max(top, b.top) - 1 && r.top < Math.min(innerHeight, b.bottom) && r.height > 0;
    """, element_id))


def test_summary_links_jump_to_their_sections_and_stay_in_view(browser: webdriver.Chrome,
                                                               seed_comparison: Comparison, tmp_path: Path) -> None:
    _open(browser, seed_comparison, tmp_path)
    links = browser.find_elements(By.CSS_SELECTOR, "nav.jump a")
    targets = [link.get_attribute("href").split("#", 1)[1] for link in links]
    assert targets == ["differs", "shared", "only-left", "only-right", "facts", "articles"]
    for link, target in zip(links, targets, strict=True):
        link.click()
        assert browser.execute_script("return location.hash") == f"#{target}"
        assert _in_view(browser, target), target
        nav_top = browser.execute_script("return document.querySelector('nav.jump').getBoundingClientRect().top")
        assert nav_top == 0, "the summary stays at the top while reading"
    counts = browser.find_element(By.CSS_SELECTOR, "nav.jump").text
    assert f"{seed_comparison.summary.differs} differ" in counts
    assert f"{len(seed_comparison.left_only)} only L" in counts


def test_a_reference_jumps_to_its_sentence_and_the_sentence_leads_back(browser: webdriver.Chrome,
                                                                        seed_comparison: Comparison,
                                                                        tmp_path: Path) -> None:
    from selenium.webdriver.common.keys import Keys

    _open(browser, seed_comparison, tmp_path)
    group, alignment = next((i, a) for i, a in enumerate(seed_comparison.alignments) if a.label == "differs")
    entry = browser.find_element(By.ID, f"g{group}")
    entry.find_element(By.CSS_SELECTOR, f'a.ref[href="#R{alignment.right[0]}"]').click()
    sentence = f"R{alignment.right[0]}"
    assert browser.execute_script("return location.hash") == f"#{sentence}"
    assert _in_view(browser, sentence)
    for sid in (sentence, f"L{alignment.left[0]}"):  # selected, with its counterpart shown beside it
        assert "active" in browser.find_element(By.ID, sid).get_attribute("class"), sid
        assert _in_view(browser, sid), sid
    browser.find_element(By.CSS_SELECTOR, f"#{sentence} a.back").click()
    assert browser.execute_script("return location.hash") == f"#g{group}"
    assert _in_view(browser, f"g{group}")
    # a one-sided statement links to its sentence, and the sentence back to it
    only = seed_comparison.left_only[0]
    browser.find_element(By.CSS_SELECTOR, f'#only-L{only} a.ref[href="#L{only}"]').click()
    assert _in_view(browser, f"L{only}")
    back = browser.find_element(By.CSS_SELECTOR, f"#L{only} a.back")
    assert back.get_attribute("href").endswith(f"#only-L{only}")
    back.send_keys(Keys.ENTER)  # Enter on the link follows it; the sentence around it does not take the key
    assert browser.execute_script("return location.hash") == f"#only-L{only}"
    assert _in_view(browser, f"only-L{only}")


def test_the_alignment_picture_stays_beside_the_articles(browser: webdriver.Chrome, seed_comparison: Comparison,
                                                         tmp_path: Path) -> None:
    # A tall window: the articles' boxes are taller than the picture, which used to scroll away from them.
    size = browser.get_window_size()
    browser.set_window_size(1400, 1600)
    try:
        _open(browser, seed_comparison, tmp_path)
        where = browser.execute_script("""
            document.getElementById('how').open = true;  // room below, to scroll into the articles
            var overview = document.querySelector('.overview');
            scrollTo(0, scrollY + overview.getBoundingClientRect().top + 300);
            return {overview: overview.getBoundingClientRect().toJSON(),
                    picture: document.querySelector('.picture svg').getBoundingClientRect().toJSON(),
                    nav: document.querySelector('nav.jump').getBoundingClientRect().bottom};
        """)
        assert where["overview"]["top"] < -250, where
        assert where["nav"] - 1 <= where["picture"]["top"] < where["nav"] + 50, where
    finally:
        browser.set_window_size(size["width"], size["height"])


def test_on_a_phone_what_differs_comes_right_after_a_compact_summary(browser: webdriver.Chrome,
                                                                      seed_comparison: Comparison,
                                                                      tmp_path: Path) -> None:
    # The header names both files: give them the short paths a user types, so that the layout does
    # not depend on where the checkout lives (a long absolute path wraps into more header lines).
    comparison = replace(seed_comparison,
                         left=replace(seed_comparison.left, path=f"seeds/{seed_comparison.left.name}.txt"),
                         right=replace(seed_comparison.right, path=f"seeds/{seed_comparison.right.name}.txt"))
    size = browser.get_window_size()
    browser.set_window_size(420, 900)
    try:
        _open(browser, comparison, tmp_path)
        layout = browser.execute_script("""
            function top(selector) { return document.querySelector(selector).getBoundingClientRect().top + scrollY; }
            return {width: innerWidth, height: innerHeight, scrollWidth: document.documentElement.scrollWidth,
                    nav: document.querySelector('nav.jump').getBoundingClientRect().height,
                    differs: top('#differs'), firstPair: top('#differs .pair'), shared: top('#shared'),
                    articles: top('#articles'), page: document.documentElement.scrollHeight};
        """)
        assert layout["width"] <= 420
        assert layout["scrollWidth"] <= layout["width"], "nothing is wider than the phone"
        assert layout["nav"] < 100, "the summary takes at most two short lines"
        assert layout["differs"] < 300, layout
        assert layout["firstPair"] < layout["height"] / 2, "the first differing statement starts on the first screen"
        assert layout["differs"] < layout["shared"] < layout["articles"]
        browser.save_screenshot(str(tmp_path / "phone.png"))
    finally:
        browser.set_window_size(size["width"], size["height"])


@pytest.mark.parametrize("width", [1400, 420])
def test_a_five_thousand_character_word_does_not_widen_the_page(browser: webdriver.Chrome, tmp_path: Path,
                                                                 width: int) -> None:
    word = "x" * 5000  # issue 15: such a word made the page 79,141 px wide
    comparison = compare_articles(Source(text=f"The council approved the plan on Monday. Its code is {word}.",
                                         name="left"),
                                  Source(text="The council approved the plan on Monday. Critics called it rushed.",
                                         name="right"))
    size = browser.get_window_size()
    browser.set_window_size(width, 900)
    try:
        _open(browser, comparison, tmp_path)
        layout = browser.execute_script(
            "return {width: innerWidth, scrollWidth: document.documentElement.scrollWidth};")
        assert layout["scrollWidth"] <= layout["width"], layout
    finally:
        browser.set_window_size(size["width"], size["height"])
