"""Properties of each output format beyond its golden file: SARIF is valid against the SARIF 2.1.0
schema, GitHub annotations and text lines have the shape CI tools parse, CSV and JSON round-trip,
and the Markdown report links every claim to the line it stands on.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from checker import checks
from checker.cli import cli
from checker.report import FORMATS, charts, markdown
from report_fixtures import CLAIMS, FINDINGS, context

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SARIF_SCHEMA = json.loads((ROOT / "data" / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _sarif_errors(text: str) -> list[str]:
    validator = jsonschema.Draft4Validator(SARIF_SCHEMA)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(json.loads(text))]


def test_sarif_of_the_fixture_is_valid_and_located():
    text = FORMATS["sarif"](FINDINGS, context())
    assert _sarif_errors(text) == []
    run = json.loads(text)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(checks.REGISTRY)
    for result, finding in zip(run["results"], FINDINGS):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding.check
        region = result["locations"][0]["physicalLocation"]["region"]
        anchor = finding.locations[0]
        assert (region["startLine"], region["startColumn"]) == (anchor.line, anchor.column)
    assert [r["level"] for r in run["results"]] == ["error", "warning", "note"]


def test_sarif_of_the_seeds_is_valid():
    result = CliRunner().invoke(cli, ["check", str(SEEDS), "--format", "sarif"])
    assert result.exit_code == 0
    assert _sarif_errors(result.output) == []
    assert all(r["locations"] for r in json.loads(result.output)["runs"][0]["results"])


def test_sarif_schema_catches_a_broken_log():
    log = json.loads(FORMATS["sarif"](FINDINGS, context()))
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert _sarif_errors(json.dumps(log))


ANNOTATION = re.compile(r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endColumn=(\d+),"
                        r"title=casualty-check \((\w+)\)::(.*)$")


def test_github_annotations_have_the_workflow_command_shape():
    lines = FORMATS["github"](FINDINGS, context()).splitlines()
    assert len(lines) == len(FINDINGS)
    parsed = [ANNOTATION.match(line) for line in lines]
    assert all(parsed), lines
    assert [m[1] for m in parsed] == ["error", "warning", "notice"]
    assert [(m[2], int(m[3]), int(m[4])) for m in parsed] == [
        (f.locations[0].path, f.locations[0].line, f.locations[0].column) for f in FINDINGS]
    # the message's own line break and percent sign are escaped, so the command stays one line
    assert "%0A" in parsed[1][7] and "25%25" in parsed[1][7]


def test_text_is_one_compiler_style_line_per_finding():
    lines = FORMATS["text"](FINDINGS, context()).splitlines()
    assert len(lines) == len(FINDINGS)
    for line, finding in zip(lines, FINDINGS):
        anchor = finding.locations[0]
        assert line.startswith(f"{anchor.path}:{anchor.line}:{anchor.column}: {finding.severity.value} {finding.check}: ")


def test_csv_and_json_carry_the_spec_fields():
    rows = list(csv.DictReader(io.StringIO(FORMATS["csv"](FINDINGS, context()))))
    records = json.loads(FORMATS["json"](FINDINGS, context()))
    assert [r["finding_id"] for r in rows] == [r["finding_id"] for r in records] == [f.finding_id for f in FINDINGS]
    assert rows[0]["claim_ids"].split(";") == list(FINDINGS[0].claim_ids)
    assert records[1]["message"] == FINDINGS[1].message


def test_markdown_report_sections_and_escaping():
    text = markdown.render(FINDINGS, context())
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["## Errors (1)", "## Warnings (1)", "## Notes (1)", "## Timelines", "## Appendix: every claim"]
    # a pipe and asterisks in a quoted sentence must not break the table or turn into emphasis
    assert r"\| UNICEF said, citing \*preliminary\* figures." in text
    # the series with two dated running figures is charted; the one-point series is not
    assert text.count("```mermaid") == 1 and 'line [20213, 18342]' in text
    assert "1 finding silenced" in text and "2 findings already recorded in the baseline" in text
    for c in CLAIMS:
        assert f"](../{c.path}#L{c.line})" in text


def test_markdown_links_point_at_the_claims_lines(tmp_path):
    report = tmp_path / "out" / "seeds.md"
    assert CliRunner().invoke(cli, ["report", str(SEEDS), "-o", str(report)]).exit_code == 0
    text = report.read_text(encoding="utf-8")
    appendix = text[text.index("## Appendix"):]
    rows = re.findall(r"^\| \[(\d+)\]\(([^)#]+)#L(\d+)\) \| ([^|]+) \|", appendix, flags=re.M)
    assert len(rows) == len(re.findall(r"^\| \[\d+\]", appendix, flags=re.M)) > 10
    for label, target, line, quote in rows:
        lines = (report.parent / target).read_text(encoding="utf-8").splitlines()
        assert label == line and quote.strip().replace("\\", "") in lines[int(line) - 1]


def test_png_chart_is_deterministic_and_a_png():
    (timeline,) = charts.timelines(CLAIMS)
    first, second = charts.png(timeline), charts.png(timeline)
    assert first[:8] == b"\x89PNG\r\n\x1a\n" and first == second
    assert b"Software" not in first and b"matplotlib" not in first.lower()


@pytest.mark.parametrize("qualifier, charted", [("exact", True), ("vague", False)])
def test_vague_figures_stay_out_of_charts(qualifier, charted):
    claims = [replace(CLAIMS[0], qualifier=qualifier), replace(CLAIMS[2], qualifier=qualifier)]
    assert bool(charts.timelines(claims)) is charted


def test_markdown_links_survive_spaces_and_parentheses_in_file_names():
    odd = replace(CLAIMS[0], path="articles/quake a (draft).txt")
    text = markdown.render([], replace(context(), claims=(odd,)))
    assert "](../articles/quake%20a%20%28draft%29.txt#L3)" in text


@pytest.mark.parametrize("text, escaped", [
    ("snake_case_id", "snake_case_id"),  # `_` inside a word starts no emphasis on GitHub
    ("_lead", r"\_lead"),
    ("trail_", r"trail\_"),
    ("a _b_ c", r"a \_b\_ c"),
    ("__init__", r"\__init_\_"),
    ("1_000 _ 2", r"1_000 \_ 2"),
    ("é_ü", "é_ü"),
    ("x|y*z`[a]<b>\\c", r"x\|y\*z\`\[a\]\<b\>\\c"),
    ("line\nbreak\r.", "line break ."),
])
def test_markdown_escapes_active_characters_and_lone_underscores(text, escaped):
    assert markdown._text(text) == escaped
