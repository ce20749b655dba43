"""The baseline: fingerprints that survive moved lines but not changed figures, reasons that survive
re-recording, and files that are refused with a message naming them.
"""
from __future__ import annotations

import json
from dataclasses import replace

import pytest

from checker import baseline
from checker.model import Location
from report_fixtures import FINDINGS


def _moved(finding):
    """The same finding after an edit above it: other lines, offsets and claim ids, same figures."""
    return replace(finding, finding_id=finding.finding_id[:-1] + "x",
                   claim_ids=tuple(c + "0" for c in finding.claim_ids),
                   locations=tuple(Location(loc.claim_id + "0", loc.path, loc.line + 4, loc.column + 1)
                                   for loc in finding.locations))


def test_fingerprint_survives_moved_lines_but_not_a_changed_figure():
    first = FINDINGS[0]
    assert baseline.fingerprint(_moved(first)) == baseline.fingerprint(first)
    assert baseline.fingerprint(replace(first, values=(18500, 20213))) != baseline.fingerprint(first)
    assert baseline.fingerprint(replace(first, docs=("quake_d", "quake_a"))) != baseline.fingerprint(first)
    assert len({baseline.fingerprint(f) for f in FINDINGS}) == len(FINDINGS)


def test_split_and_round_trip(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text(baseline.render(FINDINGS[:2], reason="accepted"), encoding="utf-8")
    known = baseline.load(path)
    new, old = baseline.split([_moved(FINDINGS[0]), FINDINGS[2]], known)
    assert new == [FINDINGS[2]] and len(old) == 1
    assert {e["reason"] for e in known.values()} == {"accepted"}


def test_rerecording_keeps_written_reasons_and_drops_fixed_findings(tmp_path):
    data = json.loads(baseline.render(FINDINGS[:2]))
    data["findings"][0]["reason"] = "the ministry revised its count that week"
    previous = {e["fingerprint"]: e for e in data["findings"]}
    again = json.loads(baseline.render([FINDINGS[0], FINDINGS[2]], previous, reason="new"))
    reasons = {e["check"]: e["reason"] for e in again["findings"]}
    kept = data["findings"][0]["check"]
    assert reasons[kept] == "the ministry revised its count that week"
    assert set(reasons) == {FINDINGS[0].check, FINDINGS[2].check}
    assert reasons[FINDINGS[2].check] == "new"


def test_render_is_deterministic_whatever_the_order():
    assert baseline.render(FINDINGS) == baseline.render(list(reversed(FINDINGS)))


@pytest.mark.parametrize("text, problem", [
    ("{not json", "malformed JSON"),
    ('{"version": 2, "findings": []}', "not a casualty-check baseline"),
    ('{"version": 1, "findings": [{"check": "decrease"}]}', "key findings.0: entry needs a 'fingerprint'"),
    ('{"version": 1, "findings": [{"fingerprint": "ab", "reason": 3}]}', "key findings.0.reason: expected a string"),
])
def test_bad_baseline_files_are_named(tmp_path, text, problem):
    path = tmp_path / "baseline.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(baseline.BaselineError, match=problem) as caught:
        baseline.load(path)
    assert str(caught.value).startswith(f"{path}: ")


def test_missing_baseline_is_named(tmp_path):
    with pytest.raises(baseline.BaselineError, match="cannot read baseline"):
        baseline.load(tmp_path / "nope.json")
