"""rules/checks.yaml is validated strictly: an unknown check or option, or a bad value, is refused
with one line naming the file and the key (exit 2 on the command line)."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import checks
from checker.cli import cli
from checker.rules import RulesError

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.mark.parametrize(("configured", "key", "problem"), [
    ({"decreese": {}}, "checks.decreese", "no such check"),
    ({"decrease": {"warning_blow": 0.1}}, "checks.decrease.warning_blow", "unknown option"),
    ({"cross_source": {"window_days": "two"}}, "checks.cross_source.window_days", "expected an integer"),
    ({"cross_source": {"window_days": 1.5}}, "checks.cross_source.window_days", "expected an integer"),
    ({"reference": {"lag_days": True}}, "checks.reference.lag_days", "expected an integer"),
    ({"decrease": {"warning_below": -0.1}}, "checks.decrease.warning_below", "at least 0"),
    ({"decrease": {"severity": "fatal"}}, "checks.decrease.severity", "expected one of"),
    ({"undated": {"enabled": "no"}}, "checks.undated.enabled", "expected true or false"),
    ({"percent": {"populations": {"gaza": "2.2 million"}}}, "checks.percent.populations", "positive numbers"),
    ({"percent": {"population_metrics": "displaced"}}, "checks.percent.population_metrics", "list of names"),
])
def test_bad_option_names_file_and_key(configured, key, problem):
    with pytest.raises(RulesError) as raised:
        checks.configure(configured, where="rules/checks.yaml")
    assert str(raised.value).startswith(f"rules/checks.yaml: key {key}:") and problem in str(raised.value)


def test_defaults_are_filled_in_and_ints_stand_for_floats():
    options = checks.configure({"implausible_rate": {"factor": 12}})
    assert options["implausible_rate"]["factor"] == 12.0 and options["implausible_rate"]["min_increase"] == 50
    assert options["decrease"] == {"enabled": True, "severity": "error", "warning_below": 0.05, "rounding_below": 0.01}


def test_bundled_rules_are_valid_and_give_gaza_a_population():
    from checker.rules import load_rules

    options = checks.configure(load_rules().checks)
    assert set(options) == set(checks.REGISTRY) and options["percent"]["populations"]["gaza"] > 2_000_000


def test_every_check_documents_its_options_and_a_pass_and_a_fail():
    for check_id, module in checks.REGISTRY.items():
        doc = module.__doc__
        assert doc.startswith(f"{check_id}:") and "PASS:" in doc and "FAIL:" in doc
        for option in module.DEFAULTS:
            assert option in doc, f"{check_id} does not document {option}"


def test_unknown_option_in_a_rules_folder_exits_2(tmp_path):
    (tmp_path / "checks.yaml").write_text("checks:\n  decrease:\n    warning_blow: 0.1\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--rules", str(tmp_path), "check", str(SEEDS)])
    assert result.exit_code == 2
    assert "checks.yaml: key checks.decrease.warning_blow: unknown option" in result.output
