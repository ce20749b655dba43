"""Inline suppression: `<!-- casualty-check: ignore -->` silences findings anchored in the next
paragraph, `ignore=CHECK[,CHECK]` only those checks; the claims still count as context.
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from checker.checks import REGISTRY
from checker.cli import cli
from checker.corpus import html_text
from checker.suppress import SuppressionError, suppressions
from report_fixtures import CORPUS, write_corpus

TEXT = ("Aid convoys reached Hatay province.\n\n"
        "<!-- casualty-check: ignore=decrease -->\n"
        "The earthquake has killed 18,342 people in Turkey,\naccording to AFAD.\n\n"
        "More than 80,000 people were injured.\n")


def test_directive_covers_the_next_paragraph_only():
    (s,) = suppressions(TEXT)
    assert TEXT[s.start:s.end] == "The earthquake has killed 18,342 people in Turkey,\naccording to AFAD."
    assert s.checks == frozenset({"decrease"})
    assert s.covers(TEXT.index("18,342"), "decrease") and not s.covers(TEXT.index("18,342"), "reference")
    assert not s.covers(TEXT.index("80,000"), "decrease")


@pytest.mark.parametrize("directive, checks", [
    ("<!-- casualty-check: ignore -->", frozenset()),
    ("<!--casualty-check:ignore-->", frozenset()),
    ("<!-- Casualty-Check: ignore = decrease, reference -->", frozenset({"decrease", "reference"})),
])
def test_directive_spellings(directive, checks):
    (s,) = suppressions(f"{directive}\n\nThe toll rose to 1,200.\n")
    assert s.checks == checks and s.covers(len(directive) + 10, "decrease")


def test_directive_at_the_end_covers_nothing_and_other_comments_are_ignored():
    (s,) = suppressions("Some text.\n<!-- casualty-check: ignore -->\n")
    assert s.start == s.end
    assert suppressions("<!-- editor: check with the desk -->\n\nThe toll rose to 1,200.\n") == []


def test_unknown_check_name_is_an_error_with_its_offset():
    text = "Intro.\n\n<!-- casualty-check: ignore=decreese -->\nThe toll rose.\n"
    with pytest.raises(SuppressionError, match="unknown check 'decreese'") as caught:
        suppressions(text, known={"decrease"})
    assert caught.value.offset == text.index("<!--")


def _check(folder):
    return CliRunner().invoke(cli, ["check", str(folder), "--format", "json", "--fail-on", "never"])


def _with(name: str, before: str, directive: str) -> dict[str, str]:
    """The corpus with `directive` inserted before the paragraph starting with `before` in `name`."""
    files = dict(CORPUS)
    files[name] = files[name].replace(before, f"{directive}\n{before}")
    return files


@pytest.mark.parametrize("directive, silenced", [
    ("<!-- casualty-check: ignore -->", True),
    ("<!-- casualty-check: ignore=decrease -->", True),
    ("<!-- casualty-check: ignore=reference,part_whole -->", False),
])
def test_pipeline_drops_findings_anchored_in_a_silenced_paragraph(tmp_path, directive, silenced):
    folder = write_corpus(tmp_path / "a", _with("quake_b.txt", "The earthquake", directive))
    checks = [f["check"] for f in json.loads(_check(folder).output)]
    assert ("decrease" in checks) is not silenced


def _as_html(text: str) -> str:
    """`text` as a web page: each paragraph a <p>, with markup inside it and a comment of another kind."""
    body = ""
    for paragraph in text.strip().split("\n\n"):
        if paragraph.startswith("<!--"):
            directive, paragraph = paragraph.split("\n", 1)
            body += directive
        body += f"<p>{paragraph.replace('killed', '<b>killed</b>')}</p>\n"
    return f"<html><body><!-- page built by the CMS -->{body}</body></html>"


def test_a_directive_in_a_web_page_covers_the_block_after_it_only():
    page = ("<article><h1>Quake toll rises</h1><!-- casualty-check: ignore -->"
            "<p>The earthquake has <b>killed</b> 18,342 people in Turkey,\naccording to AFAD.</p>"
            "<p>More than 80,000 people were injured.</p></article>")
    text = html_text(page)
    (s,) = suppressions(text)
    assert text[s.start:s.end] == "The earthquake has killed 18,342 people in Turkey, according to AFAD."
    assert "More than 80,000" in text[s.end:]


@pytest.mark.parametrize("directive, silenced", [
    ("<!-- casualty-check: ignore=decrease -->", True),
    ("<!-- casualty-check: ignore=reference -->", False),
    ("", False),
])
def test_a_directive_in_a_web_page_silences_the_paragraph_after_it(tmp_path, directive, silenced):
    files = _with("quake_b.txt", "The earthquake", directive)
    files["quake_b.html"] = _as_html(files.pop("quake_b.txt"))
    files["manifest.csv"] = files["manifest.csv"].replace("quake_b.txt", "quake_b.html")
    folder = write_corpus(tmp_path / "a", files)
    assert ("decrease" in [f["check"] for f in json.loads(_check(folder).output)]) is not silenced


def test_silencing_the_earlier_article_keeps_the_finding_anchored_in_the_later(tmp_path):
    folder = write_corpus(tmp_path / "a", _with("quake_a.txt", "The earthquake", "<!-- casualty-check: ignore -->"))
    assert [f["check"] for f in json.loads(_check(folder).output)] == ["decrease"]


def test_report_counts_silenced_findings(tmp_path):
    folder = write_corpus(tmp_path / "a", _with("quake_b.txt", "The earthquake", "<!-- casualty-check: ignore -->"))
    text = CliRunner().invoke(cli, ["report", str(folder)]).output
    assert "0 errors" in text and "1 finding silenced by `casualty-check: ignore` comments" in text


def test_unknown_check_in_a_document_is_one_line_naming_file_and_line(tmp_path):
    folder = write_corpus(tmp_path / "a", _with("quake_b.txt", "The earthquake", "<!-- casualty-check: ignore=decreese -->"))
    result = _check(folder)
    assert result.exit_code == 2
    assert result.output.strip().endswith("known checks: " + ", ".join(sorted(REGISTRY)))
    assert f"{folder / 'quake_b.txt'}:3:1: unknown check 'decreese'" in result.output
