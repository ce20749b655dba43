"""Configuration discovery (`.casualty-check.yaml` upward from the working folder, or
`[tool.casualty-check]` in pyproject.toml), command-line precedence, and one test per error message.
"""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from checker import config
from checker.cli import cli
from checker.rules import load_rules
from report_fixtures import write_corpus


@pytest.fixture()
def project(tmp_path, monkeypatch):
    """A fact-check repository: articles/ with the quake corpus; the tests work in a subfolder."""
    write_corpus(tmp_path / "articles")
    (tmp_path / "drafts").mkdir()
    monkeypatch.chdir(tmp_path / "drafts")
    return tmp_path


def test_yaml_file_is_found_from_a_subfolder_and_paths_are_relative_to_it(project):
    (project / ".casualty-check.yaml").write_text("paths: [articles]\nfail-on: never\nformat: json\n", encoding="utf-8")
    found = config.find()
    assert found.source == project / ".casualty-check.yaml"
    assert found.paths == ("../articles",) and found.fail_on == "never" and found.format == "json"
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 0 and result.output.startswith("[")


def test_pyproject_table_is_used_and_a_pyproject_without_it_is_skipped(project):
    (project / "pyproject.toml").write_text('[tool.casualty-check]\npaths = ["articles"]\nfail-on = "warning"\n',
                                            encoding="utf-8")
    (project / "drafts" / "pyproject.toml").write_text('[project]\nname = "drafts"\n', encoding="utf-8")
    assert config.discover() == project / "pyproject.toml"
    assert config.find().fail_on == "warning"


def test_the_nearest_file_wins(project):
    (project / ".casualty-check.yaml").write_text("fail-on: never\n", encoding="utf-8")
    (project / "drafts" / ".casualty-check.yaml").write_text("fail-on: info\n", encoding="utf-8")
    assert config.find().fail_on == "info"


def test_command_line_overrides_the_file(project):
    (project / ".casualty-check.yaml").write_text("paths: [articles]\nfail-on: never\nformat: json\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--fail-on", "error", "--format", "text", str(project / "articles")])
    assert result.exit_code == 1 and "error decrease:" in result.output


def test_check_options_and_tolerance_apply_to_the_rules(project):
    (project / ".casualty-check.yaml").write_text(
        "paths: [articles]\ntolerance: 0.25\nchecks:\n  decrease: {severity: warning}\n", encoding="utf-8")
    rules = config.find().apply(load_rules())
    assert rules.checks["decrease"]["severity"] == "warning" and rules.numbers.tolerance == 0.25
    # the decrease is now a warning, so the default fail-on (error) passes
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 0 and "warning decrease:" in result.output


def test_explicit_config_option(project, tmp_path_factory):
    other = tmp_path_factory.mktemp("elsewhere") / "strict.yaml"
    other.write_text("fail-on: never\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(other), "check", str(project / "articles")])
    assert result.exit_code == 0
    missing = CliRunner().invoke(cli, ["--config", str(other.with_name("nope.yaml")), "check", str(project / "articles")])
    assert missing.exit_code == 2 and "nope.yaml: cannot read configuration" in missing.output


@pytest.mark.parametrize("name, text, problem", [
    (".casualty-check.yaml", "fail_on: warning\n", "key fail_on: unknown key; allowed keys: archive, baseline, checks, fail-on"),
    (".casualty-check.yaml", "fail-on: sometimes\n", "key fail-on: 'sometimes' is not one of"),
    (".casualty-check.yaml", "tolerance: 2\n", "key tolerance: 2 is greater than the maximum of 1"),
    (".casualty-check.yaml", "paths: articles: x\n", "malformed YAML"),
    (".casualty-check.yaml", "- just\n- a list\n", "key (top level): ['just', 'a list'] is not of type 'object'"),
    (".casualty-check.yaml", "checks:\n  decreese: {severity: info}\n", "key checks.decreese: no such check"),
    (".casualty-check.yaml", "checks:\n  decrease: {severity: loud}\n", "key checks.decrease.severity"),
    ("pyproject.toml", '[tool.casualty-check]\nformat = "xml"\n', "key tool.casualty-check.format: 'xml' is not one of"),
    ("pyproject.toml", "[tool.casualty-check\n", "malformed TOML"),
])
def test_bad_configuration_is_one_line_naming_file_and_key(project, name, text, problem):
    (project / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(project / "articles")])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and str(project / name) in lines[0] and problem in lines[0], lines


def test_help_works_beside_a_broken_file(project):
    (project / ".casualty-check.yaml").write_text("fail-on: sometimes\n", encoding="utf-8")
    assert CliRunner().invoke(cli, ["check", "--help"]).exit_code == 0


def test_archive_key_makes_paths_drafts_checked_against_it(tmp_path, monkeypatch):
    """`archive:` in the config does what --archive does: the draft gets verdicts from the archive."""
    import json as _json
    from pathlib import Path as _Path

    from click.testing import CliRunner as _Runner

    from checker.cli import cli as _cli

    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "old.md").write_text("---\npublished: 2023-02-10\n---\nThe quake killed 21,000 people in Turkey, "
                                    "according to AFAD.\n", encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text("---\npublished: 2023-02-12\n---\nThe quake killed 9,000 people in Turkey.\n", encoding="utf-8")
    (tmp_path / ".casualty-check.yaml").write_text("archive: archive\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = _Runner().invoke(_cli, ["check", str(_Path("draft.md")), "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    data = _json.loads(result.output)
    assert [v["verdict"] for v in data["verdicts"]] != []
    assert any("21,000" in f["message"] for f in data["findings"])


def test_a_config_tolerance_changes_the_rules_version():
    """Cached claims are keyed by the rules version: a tolerance set in the config must change it."""
    from checker.config import Config
    from checker.rules import load_rules

    rules = load_rules()
    assert Config(tolerance=0.2).apply(rules).version != rules.version
    assert Config().apply(rules).version == rules.version
