"""Compiled patterns kept in the user's cache folder: read back by the next run, never needed."""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

from checker import user_cache

ARTICLE = Path(__file__).resolve().parent.parent / "seeds" / "000_814d2d85b0b194a9.txt"


def _claims_of_a_run(cache_home: Path, compiling: bool = True) -> str:
    """The claims a fresh process extracts from ARTICLE, with `regex.compile` broken if not `compiling`."""
    code = f"""
import regex
if not {compiling}:
    def refuse(*args, **kwargs):
        raise AssertionError(f"compiled again: {{args[0][:60]!r}}")
    regex.compile = refuse
from checker.corpus import read_documents
from checker.extract import extract
from checker.rules import load_rules
for document in read_documents([{str(ARTICLE)!r}]):
    for claim in extract(document, load_rules()):
        print(claim.value, claim.metric, claim.source, claim.as_of)
"""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _kept_file(cache_home: Path) -> Path:
    (kept,) = (cache_home / "casualty-check" / "patterns").glob("*.pickle")
    return kept


def test_a_second_run_compiles_no_pattern_and_extracts_the_same_claims(tmp_path):
    first = _claims_of_a_run(tmp_path)
    assert first.count("\n") >= 5
    assert _claims_of_a_run(tmp_path, compiling=False) == first


def test_a_damaged_file_of_patterns_is_compiled_again_and_replaced(tmp_path):
    first = _claims_of_a_run(tmp_path)
    kept = _kept_file(tmp_path)
    kept.write_bytes(kept.read_bytes()[:1000])  # cut short, as by a full disk
    assert _claims_of_a_run(tmp_path) == first
    assert _claims_of_a_run(tmp_path, compiling=False) == first


def test_a_cache_folder_that_cannot_be_written_only_means_compiling_every_run(tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("", encoding="utf-8")
    assert _claims_of_a_run(blocker) == _claims_of_a_run(tmp_path)


def test_a_file_past_the_limit_starts_again_from_the_patterns_a_run_used(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(user_cache, "MOST_KEPT_PATTERNS", 2)
    for used in (["killed", "injured", "missing"], ["displaced"]):
        run = user_cache._Compiled()
        for pattern in used:
            assert run(pattern).search(f"500 {pattern}")
        run._write()
    with _kept_file(tmp_path).open("rb") as kept:
        assert set(pickle.load(kept)) == {("displaced", 0)}

