"""Every output format renders the same fixed findings (tests/report_fixtures.py); the result must
equal the stored file in tests/golden/. After a deliberate change, regenerate with
`UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_report_golden.py` and review the diff.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from checker.report import FORMATS
from report_fixtures import FINDINGS, context

GOLDEN = Path(__file__).resolve().parent / "golden"
SUFFIX = {"text": "txt", "json": "json", "csv": "csv", "markdown": "md", "sarif": "sarif", "github": "github"}


def _stable(fmt: str, text: str) -> str:
    """SARIF lists every registered check with its docstring; the golden file leaves that list (and
    the indexes into it) out, so that adding or rewording a check does not break this snapshot.
    test_report_sarif.py checks the list and the indexes."""
    if fmt != "sarif":
        return text
    log = json.loads(text)
    log["runs"][0]["tool"]["driver"]["rules"] = []
    for result in log["runs"][0]["results"]:
        result.pop("ruleIndex")
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_format_matches_its_golden_file(fmt):
    rendered = _stable(fmt, FORMATS[fmt](FINDINGS, context()))
    golden = GOLDEN / f"findings.{SUFFIX[fmt]}"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(rendered, encoding="utf-8", newline="")
    assert golden.exists(), f"{golden} missing: run with UPDATE_GOLDEN=1"
    assert rendered == golden.read_text(encoding="utf-8"), f"{fmt} output changed; see {golden}"


def test_every_format_has_a_golden_file():
    assert set(SUFFIX) == set(FORMATS)


def test_no_findings():
    """Nothing found: line formats print nothing, data formats an empty collection, the report says so."""
    empty = {fmt: FORMATS[fmt]([], context()) for fmt in FORMATS}
    assert empty["text"] == empty["github"] == ""
    assert json.loads(empty["json"]) == [] and json.loads(empty["sarif"])["runs"][0]["results"] == []
    assert empty["csv"].count("\n") == 1 and empty["csv"].startswith("finding_id,check,severity,")
    assert "0 errors, 0 warnings, 0 notes.** Nothing to correct before publication." in empty["markdown"]
