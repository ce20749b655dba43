"""Parallel and distributed extraction give the claims of the one-process run, in the same order."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import parallel
from checker.cli import cli
from checker.corpus import read_documents
from checker.parallel import Engine, EngineError, extract_documents
from checker.pipeline import extract_claims
from checker.rules import load_rules

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.fixture(scope="module")
def sequential(rules):
    return extract_claims([CORPUS], rules)


@pytest.fixture
def small_batches(monkeypatch):
    """Batches of a few articles, so several are in flight and may finish out of order."""
    monkeypatch.setitem(parallel._BATCH_BYTES, "local", 6_000)
    monkeypatch.setitem(parallel._BATCH_BYTES, "dask", 20_000)


def test_two_processes_give_the_same_claims_in_the_same_order(rules, sequential, small_batches):
    documents, claims, _ = extract_claims([CORPUS], rules, engine=Engine(jobs=2))
    assert documents == sequential[0] == len(list(CORPUS.glob("*.txt")))
    assert len(claims) > 200
    assert claims == sequential[1]


def test_dask_local_cluster_gives_the_same_claims(rules, sequential, small_batches):
    pytest.importorskip("distributed")
    assert extract_claims([CORPUS], rules, engine=Engine("dask", jobs=2)) == sequential


def test_documents_stream_through_a_bounded_window(rules, small_batches):
    """The first claims come back before the whole corpus is read: memory follows the window, not the corpus."""
    pulled = 0

    def documents():
        nonlocal pulled
        for document in read_documents([CORPUS]):
            pulled += 1
            yield document

    results = extract_documents(documents(), rules, Engine(jobs=1))
    next(results)
    total = len(list(CORPUS.glob("*.txt")))
    assert pulled < total
    assert len([next(results)] + list(results)) == total - 1  # one result was taken above


def test_dask_missing_is_one_clear_error(rules, monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.bag", None)  # as if the [dask] extra were not installed
    with pytest.raises(EngineError, match=r"pip install 'casualty-check\[dask\]'"):
        list(extract_documents(read_documents([CORPUS]), rules, Engine("dask")))


def test_cli_jobs_output_is_byte_identical(tmp_path):
    runner = CliRunner()
    one = runner.invoke(cli, ["extract", str(CORPUS), "--no-cache", "--format", "jsonl"])
    two = runner.invoke(cli, ["extract", str(CORPUS), "--no-cache", "--format", "jsonl", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.output == two.output
    assert one.output.count("\n") > 200


def test_cli_refuses_zero_jobs():
    result = CliRunner().invoke(cli, ["extract", str(CORPUS), "--jobs", "0"])
    assert result.exit_code == 2
    assert "--jobs" in result.output
