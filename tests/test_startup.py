"""What a command does before its first document: the bundled rules' schema check done once per
content, pint loaded only for a conversion, the garbage collector paused while the command starts."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker import rules
from checker.rules import RULE_FILES, RulesError, bundled_rules_dir, load_rules

ARTICLE = Path(__file__).resolve().parent.parent / "seeds" / "000_814d2d85b0b194a9.txt"


def test_bundled_rules_pass_their_schemas():
    # at run time they are trusted once validated: this keeps them validated in every test run
    for name in RULE_FILES:
        path = bundled_rules_dir() / f"{name}.yaml"
        rules._validate(name, rules._parse_yaml(path.read_text(encoding="utf-8"), path) or {}, path)


@pytest.fixture
def bundled_copy(tmp_path, monkeypatch):
    """A copy of the bundled rules standing in for them, and an empty user cache folder."""
    folder = tmp_path / "bundled"
    shutil.copytree(bundled_rules_dir(), folder)
    monkeypatch.setattr(rules, "bundled_rules_dir", lambda: folder)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    rules._load.cache_clear()
    yield folder
    rules._load.cache_clear()


def _validations(monkeypatch) -> list[str]:
    seen: list[str] = []
    validate = rules._validate
    monkeypatch.setattr(rules, "_validate", lambda name, data, path: seen.append(name) or validate(name, data, path))
    return seen


def test_bundled_rules_are_validated_once_per_content(bundled_copy, monkeypatch):
    seen = _validations(monkeypatch)
    first = load_rules()
    assert seen == list(RULE_FILES)
    rules._load.cache_clear()
    assert load_rules().version == first.version
    assert seen == list(RULE_FILES)  # the second load trusted them


def test_a_changed_bundled_file_is_validated_again(bundled_copy):
    load_rules()
    rules._load.cache_clear()
    checks = bundled_copy / "checks.yaml"
    checks.write_text(checks.read_text(encoding="utf-8") + "severities: {decrease: error}\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"checks\.yaml: key \(top level\): Additional properties"):
        load_rules()


def test_user_rules_are_validated_even_when_the_bundled_are_trusted(bundled_copy, tmp_path):
    load_rules()
    user = tmp_path / "user"
    user.mkdir()
    (user / "units.yaml").write_text("persons_per_household: -3\n", encoding="utf-8")
    with pytest.raises(RulesError, match="units.yaml: key persons_per_household"):
        load_rules(user)


def test_an_unwritable_cache_folder_only_means_validating_every_time(bundled_copy, tmp_path, monkeypatch):
    blocker = tmp_path / "a file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    seen = _validations(monkeypatch)
    load_rules()
    rules._load.cache_clear()
    load_rules()
    assert seen == list(RULE_FILES) * 2


def _python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_counts_of_people_and_percentages_load_no_pint():
    code = f"""
import sys
from checker.corpus import read_documents
from checker.extract import extract
from checker.rules import load_rules
claims = [c for d in read_documents([{str(ARTICLE)!r}]) for c in extract(d, load_rules())]
print(sorted({{c.unit for c in claims}}), "pint" in sys.modules)
"""
    assert _python(code) == "['percent', 'persons'] False"


def test_a_command_resumes_the_garbage_collector_it_paused():
    code = f"""
import gc, sys
from checker import cli
sys.argv = ["casualty-check", "check", {str(ARTICLE)!r}, "--fail-on", "never", "--no-cache"]
try:
    cli.main()
except SystemExit:
    pass
print(gc.isenabled(), gc.get_freeze_count() > 0)
"""
    # and with startup's objects frozen out of its passes
    assert _python(code).splitlines()[-1] == "True True"


def test_a_damaged_copy_in_the_cache_is_parsed_again(bundled_copy, tmp_path, monkeypatch):
    first = load_rules()
    rules._load.cache_clear()
    (copy,) = (tmp_path / "cache" / "casualty-check" / "bundled-rules").glob("*.json")
    copy.write_text(copy.read_text(encoding="utf-8")[:100], encoding="utf-8")  # cut short, as by a full disk
    seen = _validations(monkeypatch)
    assert load_rules().version == first.version
    assert seen == list(RULE_FILES)
