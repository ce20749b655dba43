"""The claims cache: unchanged documents are not extracted again; any change to text, metadata,
rules or number lexicon is."""
from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import extract as extract_module
from checker.cache import CacheError, _extraction_sources, open_cache
from checker.cli import cli
from checker.corpus import read_documents
from checker.parallel import Engine, extract_documents
from checker.rules import load_rules

CORPUS = Path(__file__).parent / "corpus"
ARTICLES = ("sudan_war_2023", "gaza_2024_a", "eq_morocco_2023", "ukraine_2022_b", "peshawar_bombing_2023", "lebanon_2024")


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.fixture
def archive(tmp_path):
    """Six articles of the development corpus and their manifest, in a folder we may edit."""
    folder = tmp_path / "archive"
    folder.mkdir()
    for name in ARTICLES:
        shutil.copy(CORPUS / f"{name}.txt", folder)
    shutil.copy(CORPUS / "manifest.csv", folder)
    return folder


@pytest.fixture
def extracted(monkeypatch):
    """Doc ids of the documents actually extracted (not served from the cache)."""
    seen: list[str] = []
    real = extract_module.extract

    def counting(document, rules):
        seen.append(document.doc)
        return real(document, rules)

    monkeypatch.setattr(extract_module, "extract", counting)
    return seen


def run(paths, rules, folder, engine=Engine()):
    """(claims, cache hits, cache misses) of one pass over `paths`."""
    with open_cache(folder, rules) as cache:
        claims = [c for found in extract_documents(read_documents(paths), rules, engine, cache) for c in found]
    return (claims, cache.hits, cache.misses) if cache else (claims, 0, 0)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_one_changed_article_is_the_only_one_extracted_again(archive, rules, tmp_path, extracted):
    first, hits, misses = run([archive], rules, tmp_path / "cache")
    assert (hits, misses) == (0, 6)
    _edit(archive / "sudan_war_2023.txt", "at least 3,900 people", "at least 4,100 people")
    extracted.clear()
    second, hits, misses = run([archive], rules, tmp_path / "cache")
    assert (hits, misses) == (5, 1)
    assert extracted == ["sudan_war_2023"]
    assert 4100 in [c.value for c in second] and 4100 not in [c.value for c in first]
    assert [c for c in second if c.doc != "sudan_war_2023"] == [c for c in first if c.doc != "sudan_war_2023"]
    fresh, _, _ = run([archive], rules, None)
    assert second == fresh


def test_cache_with_two_processes(archive, rules, tmp_path):
    run([archive], rules, tmp_path / "cache")
    _edit(archive / "gaza_2024_a.txt", "Gaza", "Gaza Strip")
    claims, hits, misses = run([archive], rules, tmp_path / "cache", Engine(jobs=2))
    assert (hits, misses) == (5, 1)
    assert claims == run([archive], rules, None)[0]


def test_new_metadata_misses_the_cache(archive, rules, tmp_path, extracted):
    run([archive], rules, tmp_path / "cache")
    extracted.clear()
    _edit(archive / "manifest.csv", "sudan_war_2023.txt,Nile Dispatch,,2023-08-15", "sudan_war_2023.txt,Nile Dispatch,,2023-09-15")
    claims, _, _ = run([archive], rules, tmp_path / "cache")
    assert extracted == ["sudan_war_2023"]  # a new publication date re-dates its figures
    assert {c.published for c in claims if c.doc == "sudan_war_2023"} == {"2023-09-15"}


def test_other_rules_or_tolerance_miss_the_cache(archive, rules, tmp_path):
    run([archive], rules, tmp_path / "cache")
    wider = replace(rules, numbers=replace(rules.numbers, tolerance=0.25))  # as a configuration file does
    claims, hits, misses = run([archive], wider, tmp_path / "cache")
    assert (hits, misses) == (0, 6)
    about = next(c for c in claims if c.qualifier == "about")
    assert about.lower == round(about.value * 0.75)


def test_the_tool_fingerprint_covers_every_module_extraction_runs():
    """A changed extractor must miss the cache: whatever module `extract` imports, in the package
    `checker.extract` or beside it, is hashed into the key."""
    code = ("import sys, checker.extract\n"
            "print('\\n'.join(m.__file__ for n, m in sys.modules.items() if n.split('.')[0] == 'checker'"
            " and getattr(m, '__file__', None) and m.__file__.endswith('.py')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    imported = {Path(f).resolve() for f in done.stdout.split()}
    assert {Path(extract_module.__file__).resolve(), *Path(extract_module.__file__).parent.glob("*.py")} <= imported
    assert imported <= {p.resolve() for p in _extraction_sources()}


def test_unreadable_cache_is_one_line_and_exit_2(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / "claims.sqlite").write_text("not a database\n")
    with pytest.raises(CacheError, match="claims.sqlite: cannot use the claims cache"):
        run([CORPUS / "sudan_war_2023.txt"], load_rules(), folder)
    result = CliRunner().invoke(cli, ["extract", str(CORPUS / "sudan_war_2023.txt"), "--cache-dir", str(folder)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "--no-cache" in result.output


def test_cli_warm_run_gives_the_same_table(tmp_path):
    runner = CliRunner()
    args = ["extract", str(CORPUS), "--format", "csv", "--cache-dir", str(tmp_path / "cache")]
    cold, warm = runner.invoke(cli, args), runner.invoke(cli, args)
    assert cold.exit_code == warm.exit_code == 0
    assert cold.output == warm.output
    assert (tmp_path / "cache" / "claims.sqlite").stat().st_size > 10_000
    runner.invoke(cli, ["extract", str(CORPUS), "--no-cache", "--cache-dir", str(tmp_path / "none")])
    assert not (tmp_path / "none").exists()


def test_claims_read_back_share_their_repeated_strings(archive, rules, tmp_path):
    (archive / "no_figures.txt").write_text("The talks resumed on Tuesday.\n", encoding="utf-8")
    first, _, _ = run([archive], rules, tmp_path / "cache")
    claims, hits, misses = run([archive], rules, tmp_path / "cache")
    assert (hits, misses) == (7, 0) and claims == first  # the document without claims comes back empty
    killed = [c for c in claims if c.metric == "killed" and c.place == "gaza"]
    # one string per value, not one per claim: memory follows the distinct values, not the claims
    assert len(killed) > 3 and len({id(c.metric) for c in killed}) == len({id(c.place) for c in killed}) == 1
