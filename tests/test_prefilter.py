"""The prefilter (checker/extract/prefilter.py): the literals it looks for come from the rules'
patterns, and the sentences it leaves unread hold no claim, so that extraction finds the same
claims with it as without it on every corpus of the tests and on the seeds."""
from __future__ import annotations

from pathlib import Path

import pytest
import regex

from checker.corpus import read_documents
from checker.extract import extract, split_sentences
from checker.extract.prefilter import (
    Prefilter,
    _prefilter,
    cue_literals,
    needed_literals,
    number_literals,
    prefilter,
)
from checker.rules import load_rules

HERE = Path(__file__).parent
CORPORA = [HERE / "corpus", *sorted(HERE.glob("heldout*/")), *sorted(HERE.glob("archives/*/articles")),
           HERE.parent / "seeds"]


@pytest.mark.parametrize("folder", CORPORA, ids=lambda p: str(p.relative_to(HERE.parent)))
def test_claims_are_the_same_with_and_without_the_prefilter(folder):
    rules = load_rules()
    documents = [d for d in read_documents([folder]) if d.text]
    assert documents, folder
    claims = 0
    for document in documents:
        filtered = extract(document, rules)
        assert filtered == extract(document, rules, use_prefilter=False), document.path
        claims += len(filtered)
    assert claims > 20  # a corpus with figures to find


def test_the_prefilter_leaves_most_sentences_of_news_unread():
    rules = load_rules()
    texts = [p.read_text(encoding="utf-8") for p in sorted((HERE / "corpus").glob("*.txt"))]
    windows = [w for text in texts for w in prefilter(rules).windows(text, list(split_sentences(text)))]
    # news names numbers far more often than counts (0.80 of this corpus's sentences are windows,
    # breakdowns such as "China held the most, with 44, followed by Myanmar with 43" among them)
    assert 0.2 < sum(windows) / len(windows) < 0.85


@pytest.mark.parametrize(("pattern", "literals"), [
    ("killed", {"killed"}),
    ("deaths?|died", {"death", "deaths", "died"}),
    ("hospitali[sz]ed", {"hospitalised", "hospitalized"}),
    (r"(?:\w+ )?shelters", {"shelters"}),  # the optional word adds nothing every match has
    (r"number of (?:[\w-]+ ){0,4}?(?:dead|killed)", {"number of "}),
    (r"(?<!\w)(?:Toll)(?!\w)", {"toll"}),  # lower-cased; lookarounds match no text
    (r"\d+|\ba\s+few\b", {str(d) for d in range(10)} | {"few"}),
])
def test_literals_every_match_contains(pattern, literals):
    assert needed_literals(pattern, regex.IGNORECASE) == literals


@pytest.mark.parametrize("pattern", [r"\w+", r"(?:killed)?", "killed|.", r"\m\w+", "[^a]"])
def test_patterns_without_a_needed_literal_have_none(pattern):
    assert needed_literals(pattern) is None  # including `regex`-only syntax (\m) Python cannot read


def test_literals_are_derived_from_the_rules_not_listed(tmp_path):
    (tmp_path / "metrics.yaml").write_text(
        "metrics:\n  displaced:\n    cues:\n      - after: 'evacuees|ousted from (?:their )?villages'\n")
    literals = cue_literals([cue.pattern for cue in load_rules(tmp_path).cues])
    assert {"evacuees", "ousted from villages", "ousted from their villages"} <= literals
    assert {"one", "dozen", "thousand", "7"} <= number_literals(load_rules().numbers)


def test_a_cue_without_a_literal_makes_every_sentence_hold_one(tmp_path):
    (tmp_path / "metrics.yaml").write_text("metrics:\n  killed:\n    cues:\n      - after: '[a-z]+'\n")
    rules = load_rules(tmp_path)
    assert cue_literals([cue.pattern for cue in rules.cues]) is None
    text = "Five were wounded. The river flooded."
    assert prefilter(rules).windows(text, list(split_sentences(text))) == [True, False]


def test_windows_need_a_number_and_a_cue_in_one_sentence():
    gate = Prefilter(frozenset({"7", "seven"}), frozenset({"killed"}))
    text = "Seven died. Troops killed 7. Troops killed many. They saw 7."
    assert gate.windows(text, list(split_sentences(text))) == [False, True, False, False]


@pytest.mark.parametrize("odd", ["\u017f", "\u212a", "\u0130", "\u0663"])  # long s, Kelvin, dotted I, Arabic 3
def test_documents_with_characters_lowering_cannot_match_are_read_unfiltered(odd):
    gate = Prefilter(frozenset({"7"}), frozenset({"killed"}))
    text = f"Troops killed 7 {odd}. Nothing."
    assert gate.windows(text, list(split_sentences(text))) is None


def test_literals_are_kept_for_the_next_run_and_a_damaged_file_is_derived_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    rules = load_rules()
    text = "Troops killed 7 people on Monday. Nothing else happened."
    sentences = list(split_sentences(text))
    _prefilter.cache_clear()
    derived = prefilter(rules)
    kept, = (tmp_path / "casualty-check" / "prefilter").glob("*.json")
    _prefilter.cache_clear()
    assert prefilter(rules).windows(text, sentences) == derived.windows(text, sentences) == [True, False]
    kept.write_text("[cut sh")
    _prefilter.cache_clear()
    assert prefilter(rules).windows(text, sentences) == [True, False]
    _prefilter.cache_clear()
