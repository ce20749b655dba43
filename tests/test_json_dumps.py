"""`json_format.dumps` (orjson) writes what `json.dumps(value, indent=2, ensure_ascii=False)` writes,
byte for byte: the JSON and SARIF outputs depend on it. Checked on the findings of the development
corpus and on the values JSON treats specially."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.pipeline import run
from checker.report import FORMATS, ReportContext
from checker.report.json_format import dumps, record
from checker.rules import load_rules

CORPUS = Path(__file__).parent / "corpus"


def _standard(value) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


@pytest.fixture(scope="module")
def corpus_run():
    return run([CORPUS], load_rules(), CORPUS / "manifest.csv")


def test_the_corpus_findings_as_the_standard_library_writes_them(corpus_run):
    records = [record(f) for f in corpus_run.findings]
    assert len(records) > 20
    assert dumps(records) == _standard(records)


def test_the_sarif_log_of_the_corpus_is_the_standard_library_s(corpus_run):
    context = ReportContext(corpus_run.documents, tuple(corpus_run.claims), "1.0")
    text = FORMATS["sarif"](corpus_run.findings, context)
    assert text == _standard(json.loads(text)) + "\n"


@pytest.mark.parametrize("value", [
    [], {}, [[]], [{}], {"a": []}, {"a": {}}, "", 0, -12, 1.5, 1e20, 0.1 + 0.2, True, False, None,
    2**63 - 1, -(2**63), 10**24,  # past 64 bits, the standard library writes it
    ["killed", 27_708, None, True, 0.5], ("a", "b"), {"quote": "“about 1,400” \"killed\"\n\t\\ \u2028 \x00"},
    {"nested": [{"claim_ids": ["a:1", "b:2"], "values": [1, 2], "dates": []}, [["x"], [1, [2.5]]]]},
])
def test_values_json_treats_specially(value):
    assert dumps(value) == _standard(value)
