"""`--changed-only` / `--since REV` in a throwaway git repository: findings are reported only when
they involve a changed document, while every document is still read as context.
"""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.gitdiff import GitError, changed_files
from report_fixtures import write_corpus

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

UNRELATED = "Floodwaters in Sindh province have displaced 50,000 people in Pakistan, officials said.\n"


def git(repo, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=Desk", "-c", "user.email=desk@example.org",
                    "-c", "commit.gpgsign=false", *args], check=True, capture_output=True)


@pytest.fixture()
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "articles")
    (tmp_path / "articles" / "floods.txt").write_text(UNRELATED, encoding="utf-8")
    with (tmp_path / "articles" / "manifest.csv").open("a", encoding="utf-8") as manifest:
        manifest.write("floods,floods.txt,Indus Times,,2022-08-30\n")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "archive")
    return tmp_path


def checks(repo, *args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["check", str(repo / "articles"), "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, [f["check"] for f in json.loads(result.stdout)]


def test_nothing_changed_means_nothing_reported(repo):
    assert checks(repo) == (1, ["decrease"])
    # only the articles matter here (a cache file may appear beside them)
    assert {p for p in changed_files(repo / "articles") if p.suffix == ".txt"} == set()
    assert checks(repo, "--changed-only") == (0, [])


def test_an_edit_to_an_involved_document_reports_its_finding(repo):
    path = repo / "articles" / "quake_b.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nSearch teams worked through the night.\n", encoding="utf-8")
    assert {p for p in changed_files(repo) if p.suffix == ".txt"} == {path.resolve()}
    assert checks(repo, "--changed-only") == (1, ["decrease"])


def test_an_edit_elsewhere_keeps_the_archive_as_context_only(repo):
    path = repo / "articles" / "floods.txt"
    path.write_text(UNRELATED + "\nMore rain is forecast.\n", encoding="utf-8")
    assert checks(repo, "--changed-only") == (0, [])


def test_since_compares_a_branch_with_its_merge_base(repo):
    git(repo, "checkout", "-q", "-b", "fix")
    (repo / "articles" / "floods.txt").write_text(UNRELATED + "\nMore rain is forecast.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "floods update")
    assert checks(repo, "--since", "main") == (0, [])
    # an untracked new article is part of the change: it is undated (no manifest row), which is
    # reported, while the archive's own decrease still is not
    (repo / "articles" / "quake_c.txt").write_text(
        "The earthquake has killed 18,342 people in Turkey, according to AFAD.\n", encoding="utf-8")
    assert checks(repo, "--since", "main") == (0, ["undated"])


def test_bad_revision_and_no_repository_exit_2(repo, tmp_path_factory):
    result = CliRunner().invoke(cli, ["check", str(repo / "articles"), "--since", "no-such-branch"])
    assert result.exit_code == 2 and "git merge-base" in result.output and len(result.output.splitlines()) == 1
    outside = write_corpus(tmp_path_factory.mktemp("plain") / "articles")
    with pytest.raises(GitError, match="not a git repository"):
        changed_files(outside)
