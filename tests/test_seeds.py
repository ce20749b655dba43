"""End to end on the bundled seed articles: extraction against their gold annotations, the findings
`check` must and must not report, the report, and bad input. The expectations come from the data
files in seeds/ (gold.csv, expected_findings.csv), not from the code under test.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_seed_claims_match_gold_annotations():
    """Strict F1 (value and metric right) against the seeds' gold file, scored as SPEC 6 says."""
    from checker.evaluate import read_gold, score
    from checker.pipeline import extract_claims
    from checker.rules import load_rules

    claims = extract_claims([SEEDS], load_rules()).claims
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    precision, recall, f1 = score(claims, read_gold(SEEDS / "gold.csv"), texts).strict_prf
    assert f1 >= 0.95, (precision, recall)


def test_claim_table_has_every_spec_column_in_order():
    header = run("extract", str(SEEDS), "--format", "csv").output.splitlines()[0]
    assert header == ("claim_id,doc,path,line,column,start,end,quote,sentence,metric,place,group,value,"
                      "lower,upper,qualifier,unit,scope,period_start,as_of,published,outlet,source,confidence,event,estimate")


def _matches(finding: dict, expected: dict) -> bool:
    if finding["metric"] != expected["metric"] or finding["group"] not in (expected["group"], ""):
        return False
    values = {int(v) for v in finding["values"]}
    return all(int(v) in values for v in expected["must_contain_values"].split(";") if v)


def test_seed_findings_are_the_expected_ones():
    result = run("check", str(SEEDS), "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0
    findings = json.loads(result.output)
    expected = list(csv.DictReader((SEEDS / "expected_findings.csv").open(encoding="utf-8")))
    loud = [f for f in findings if f["severity"] in ("warning", "error")]
    for row in expected:
        hits = [f for f in (findings if row["present"] == "1" else loud) if _matches(f, row)]
        if row["present"] == "1":
            assert hits, f"not reported: {row['note']}"
        elif row["present"] == "0":
            assert not hits, f"false alarm: {row['note']}: {hits[0]['message']}"
    explained = [f for f in loud if any(_matches(f, row) for row in expected if row["present"] in ("1", "2"))]
    assert len(explained) == len(loud)


def test_fail_on_sets_the_exit_status():
    assert run("check", str(SEEDS), "--fail-on", "warning").exit_code == 1
    assert run("check", str(SEEDS), "--fail-on", "error").exit_code == 0
    assert run("check", str(SEEDS), "--fail-on", "never").exit_code == 0


def test_report_is_byte_identical_across_runs(tmp_path):
    first, second = tmp_path / "a" / "seeds.md", tmp_path / "b" / "seeds.md"
    assert run("report", str(SEEDS), "-o", str(first)).exit_code == 0
    assert run("report", str(SEEDS), "-o", str(second)).exit_code == 0
    text = first.read_text(encoding="utf-8")
    assert text == second.read_text(encoding="utf-8").replace(str(second.parent), str(first.parent))
    assert "67,174" in text and "7,729" in text and "132" in text


@pytest.mark.parametrize("make, problem", [
    (lambda tmp: tmp / "missing", "no such file or directory"),
    (lambda tmp: tmp, "no documents found"),
])
def test_bad_paths_give_one_line_and_status_2(tmp_path, make, problem):
    result = CliRunner().invoke(cli, ["check", str(make(tmp_path))])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and problem in lines[0] and "Traceback" not in result.output


def test_malformed_manifest_gives_one_line_and_status_2(tmp_path):
    (tmp_path / "a.txt").write_text("At least 12 people were killed on Monday.\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("doc,published\na,last Tuesday\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert "manifest.csv:2" in result.output and "bad date" in result.output
