"""The command line around the reports: exit codes, every subcommand's --help, the PNG charts, the
progress bar's discipline, `rules` and `baseline`. Runs on a small earthquake corpus of our own.
"""
from __future__ import annotations

import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from checker.cli import cli
from report_fixtures import write_corpus

#: the installed console script, beside the interpreter running the tests
CLI = Path(sys.executable).parent / "casualty-check"
ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, **kwargs):
    return CliRunner().invoke(cli, list(args), **kwargs)


@pytest.fixture()
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no configuration file above a fresh tmp folder
    return write_corpus(tmp_path / "articles")


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_subcommand_has_help(command):
    result = run(command, "--help")
    assert result.exit_code == 0 and result.output.startswith(f"Usage: cli {command}")


@pytest.mark.parametrize("fail_on, status", [("error", 1), ("warning", 1), ("info", 1), ("never", 0)])
def test_exit_status_follows_fail_on(corpus, fail_on, status):
    result = run("check", str(corpus), "--fail-on", fail_on)
    assert result.exit_code == status
    assert "quake_b.txt:3:27: error decrease:" in result.output


def test_usage_errors_exit_2_with_one_line(corpus):
    for args in (["check", str(corpus), "--format", "yaml"], ["check"], ["report", str(corpus), "--charts", "png"]):
        result = run(*args)
        assert result.exit_code == 2, args
        assert "Traceback" not in result.output


def test_no_paths_and_no_configuration_is_named(corpus):
    result = run("check")
    assert result.exit_code == 2 and "no PATHS given" in result.output


def test_report_writes_and_links_a_png_per_charted_series(corpus):
    report = corpus.parent / "out" / "quake.md"
    stale = write_corpus(report.parent / "quake-charts", {"gone-series.png": "old"}) / "gone-series.png"
    assert run("report", str(corpus), "-o", str(report), "--charts", "png").exit_code == 0
    pngs = sorted((report.parent / "quake-charts").glob("*.png"))
    assert [p.name for p in pngs] == ["2023-02-10-earthquake-turkey-killed-turkey-all-persons.png"] and not stale.exists()
    assert pngs[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = report.read_text(encoding="utf-8")
    assert "![killed · turkey · all (persons)](quake-charts/2023-02-10-earthquake-turkey-killed-turkey-all-persons.png)" in text


def test_png_bytes_are_identical_across_processes():
    """Fonts, caches and version stamps differ between processes, not within one: draw in two."""
    draw = ("import sys; from report_fixtures import CLAIMS; from checker.report.charts import png, timelines; "
            "sys.stdout.buffer.write(png(timelines(CLAIMS)[0]))")
    tests = str(Path(__file__).resolve().parent)
    first, second = (subprocess.run([sys.executable, "-c", draw], cwd=tests, check=True, capture_output=True).stdout
                     for _ in range(2))
    assert first[:8] == b"\x89PNG\r\n\x1a\n" and first == second


def _stderr_on_a_terminal(*args: str) -> str:
    """What the CLI writes to stderr when stderr is a pseudo-terminal (stdout stays a pipe)."""
    leader, follower = pty.openpty()
    # a fresh pseudo-terminal is 0 columns wide, and a progress bar has no room to draw in that
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    try:
        subprocess.run([str(CLI), *args], stdout=subprocess.DEVNULL, stderr=follower, check=False, timeout=120)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal is closed once everything was read
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks).decode("utf-8", "replace")
    finally:
        os.close(leader)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_bar_only_on_a_terminal_and_never_for_machine_formats(corpus):
    assert "reading" in _stderr_on_a_terminal("check", str(corpus), "--fail-on", "never")
    assert _stderr_on_a_terminal("check", str(corpus), "--format", "json", "--fail-on", "never") == ""
    piped = run("check", str(corpus), "--fail-on", "never")
    assert piped.stderr == ""


def test_rules_lists_every_check_with_its_severity(corpus):
    (corpus.parent / ".casualty-check.yaml").write_text("checks:\n  undated: {enabled: false}\n"
                                                      "  decrease: {severity: warning}\n", encoding="utf-8")
    text = run("rules").output.splitlines()
    assert text[0].endswith(".casualty-check.yaml")
    assert any(line.split()[:2] == ["decrease", "warning"] for line in text)
    assert any(line.split()[:2] == ["undated", "off"] for line in text)
    rows = json.loads(run("rules", "--format", "json").output)
    assert {r["check"]: r["enabled"] for r in rows}["undated"] is False


def test_baseline_records_then_silences_known_findings(corpus):
    target = corpus.parent / "baseline.json"
    result = run("baseline", str(corpus), "-o", str(target), "--reason", "figure as AFAD published it")
    assert result.exit_code == 0, result.output
    entries = json.loads(target.read_text(encoding="utf-8"))["findings"]
    assert [(e["check"], e["reason"]) for e in entries] == [("decrease", "figure as AFAD published it")]
    checked = run("check", str(corpus), "--baseline", str(target))
    assert checked.exit_code == 0
    assert "decrease" not in checked.stdout and "1 finding(s) recorded" in checked.stderr
    # an edit to the figure makes it a new finding again
    path = corpus / "quake_b.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("18,342", "18,500"), encoding="utf-8")
    assert run("check", str(corpus), "--baseline", str(target)).exit_code == 1


def test_a_broken_baseline_file_is_named(corpus):
    bad = corpus.parent / "baseline.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    result = run("check", str(corpus), "--baseline", str(bad))
    assert result.exit_code == 2 and f"{bad}: not a casualty-check baseline" in result.output


def test_pre_commit_hook_runs_an_existing_command():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {"id", "name", "entry", "language"} <= set(hook) and hook["pass_filenames"] is False
    program, *args = hook["entry"].split()
    assert program == "casualty-check"
    assert run(*args, "--help").exit_code == 0
