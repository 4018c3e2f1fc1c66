"""Renderers against golden files, byte for byte. Regenerate with ``pytest --update-golden`` and review the diff."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from compare import Comparison, compare_articles, read_source
from compare.render import RENDERERS, render_terminal

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def bridge() -> Comparison:
    # Paths relative to the repository keep the golden files free of this machine's folders.
    left, right = (replace(read_source(DATA / name), path=f"tests/data/{name}")
                   for name in ("bridge-wire.txt", "bridge-blog.txt"))
    return compare_articles(left, right)


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_golden(name: str, bridge: Comparison, update_golden: bool) -> None:
    renderer = RENDERERS[name]
    output = renderer.render(bridge)
    path = GOLDEN / f"bridge{renderer.suffix}"
    if update_golden:
        path.write_text(output, encoding="utf-8")
    assert output == path.read_text(encoding="utf-8")
    assert renderer.marker in output


def test_terminal_fits_80_columns_and_is_plain(bridge: Comparison) -> None:
    text = render_terminal(bridge)
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "\x1b[" not in text
    assert "\x1b[" in render_terminal(bridge, color=True)
