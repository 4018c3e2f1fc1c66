"""Three or more sources: clusters across sources, the matrix, one-sided statements, pairwise agreement."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from compare import compare_articles
from compare.cli.commands import cli
from compare.models import Source
from compare.multi import MultiComparison, compare_many
from compare.render import MULTI_RENDERERS
from compare.reports import INDEX_NAME
from compare.serialize import multi_to_dict

WIRE = ("The blast killed 25 people in the capital on Sunday, officials said.\n\n"
        "Police closed the main road near the station.\n\n"
        "The mayor visited the site in the afternoon.")
BLOG = ("Officials said the blast killed 25 people in the capital on Sunday.\n\n"
        "Police closed the main road near the station.\n\n"
        "Rescue teams searched the rubble overnight.")
TABLOID = ("The blast killed 80 people in the capital on Sunday, officials said.\n\n"
           "Markets were calm on Monday.")


@pytest.fixture(scope="module")
def three() -> MultiComparison:
    return compare_many([Source(WIRE, name="wire"), Source(BLOG, name="blog"), Source(TABLOID, name="tabloid")])


def test_clusters_hold_every_source_that_carries_a_statement(three: MultiComparison) -> None:
    assert [c.cells for c in three.clusters] == [("differs", "differs", "differs"), ("same", "same", "absent")]
    blast, road = three.clusters
    assert blast.members == ((0,), (0,), (0,))
    assert road.members == ((1,), (1,), ())
    kinds = {(p.left, p.right, p.difference.kind) for p in blast.conflicts}
    assert kinds == {(0, 2, "number"), (1, 2, "number")}


def test_one_sided_statements_and_pairwise_agreement(three: MultiComparison) -> None:
    assert three.only == ((2,), (2,), (1,))
    pairwise = compare_articles(Source(WIRE, name="wire"), Source(BLOG, name="blog"))
    assert three.agreement[0][1] == three.agreement[1][0] == pairwise.summary.consistency
    assert three.agreement[0][0] == 1.0
    assert three.agreement[0][2] == 0.0


def test_two_sources_as_many_give_the_pairwise_result() -> None:
    two = compare_many([Source(WIRE, name="wire"), Source(BLOG, name="blog")])
    pair = compare_articles(Source(WIRE, name="wire"), Source(BLOG, name="blog"))
    assert len(two.clusters) == len(pair.alignments)
    assert two.only == (pair.left_only, pair.right_only)


def test_json_and_every_report_format(three: MultiComparison) -> None:
    data = multi_to_dict(three)
    assert [s["name"] for s in data["sources"]] == ["wire", "blog", "tabloid"]
    assert data["clusters"][0]["cells"] == ["differs", "differs", "differs"]
    assert data["summary"] == {"clusters": 2, "in_every_source": 1, "stated_differently": 1, "only": [1, 1, 1]}
    for name, renderer in MULTI_RENDERERS.items():
        output = renderer.render(three)
        assert renderer.marker in output, name
    terminal = MULTI_RENDERERS["terminal"].render(three)
    assert max(len(line) for line in terminal.splitlines()) <= 80
    assert "1  ≠  ≠  ≠  The blast killed 25 people" in terminal
    assert "≠ number: A 25 people  vs  C 80 people" in terminal


def test_multi_html_escapes_article_text() -> None:
    multi = compare_many([Source("<script>alert(1)</script> The bridge closed on Monday.", name="a"),
                          Source("The bridge closed on Monday.", name="b"),
                          Source('The bridge closed on Monday. "><img src=x onerror=alert(1)>', name="c")])
    html = MULTI_RENDERERS["html"].render(multi)
    assert "<script>" not in html
    assert "<img" not in html
    assert "script-src" not in html  # no script at all on this page: default-src 'none' forbids any
    assert "default-src 'none'" in html


def test_cli_with_three_articles_writes_the_multi_reports(tmp_path: Path) -> None:
    paths = []
    for name, text in (("wire", WIRE), ("blog", BLOG), ("tabloid", TABLOID)):
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    result = CliRunner().invoke(cli, [*paths, "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    assert "Statements across sources (2)" in result.stdout
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [INDEX_NAME] + [
        f"wire__blog__tabloid{s}" for s in (".html", ".json", ".md", ".txt")]
    data = json.loads((tmp_path / "out" / "wire__blog__tabloid.json").read_text(encoding="utf-8"))
    assert len(data["sources"]) == 3
    result = CliRunner().invoke(cli, [*paths, "--only", "differs"])
    assert result.exit_code == 2
