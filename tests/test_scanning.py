"""scanning.Starts and matches_at: a pattern tried only where a word can begin it finds what
trying it at every offset finds."""
from pathlib import Path

import regex

from checker.extract import _OTHER_SOURCE, sentence_starts, split_sentences
from checker.rules import load_rules
from checker.scanning import Starts, matches_at

HERE = Path(__file__).parent


def _sentences() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((HERE / "corpus").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((HERE.parent / "seeds").glob("*.txt"))]
    return [text[a:b] for text in texts for a, b in split_sentences(text)]


def test_attribution_frames_found_as_an_overlapped_finditer_finds_them():
    rules = load_rules()
    frames = rules.source_frames
    sentences = _sentences() + [
        "The Ministry of Health in Gaza said on Sunday that 34,000 people had been killed.",
        "According to figures released by OCHA, 1.7 million people, citing UNRWA, are displaced.",
        "Israel's military said, and the WHO (the UN health agency) reported, that the UN said so.",
    ]
    found = 0
    for sentence in sentences:
        *_, frame_starts, other_starts = sentence_starts(rules)(sentence)
        for pattern, offsets in ((frames, frame_starts), (_OTHER_SOURCE, other_starts)):
            expected = [m.span() for m in pattern.finditer(sentence, overlapped=True)]
            assert [m.span() for m in matches_at(pattern, sentence, offsets, overlapped=True)] == expected, sentence
            found += len(expected)
    assert found > 300  # the corpus attributes hundreds of figures


def test_metric_cues_found_as_finditer_finds_them():
    rules = load_rules()
    found = 0
    for sentence in _sentences():
        for cue, offsets in zip(rules.cues, sentence_starts(rules)(sentence)):
            expected = [m.span() for m in cue.pattern.finditer(sentence)]
            assert [m.span() for m in matches_at(cue.pattern, sentence, offsets)] == expected, (cue.metric, sentence)
            found += len(expected)
    assert found > 300


def test_a_pattern_that_can_begin_inside_a_word_is_found_there_only_through_also():
    pattern = regex.compile(r"from \d+")
    text = "Xfrom 5 to 9, from 7"
    assert [m[0] for m in matches_at(pattern, text, Starts([pattern])(text)[0])] == ["from 7"]
    also = Starts([pattern], also=regex.compile("from"))
    assert [m[0] for m in matches_at(pattern, text, also(text)[0])] == ["from 5", "from 7"]


def test_a_positive_lookbehind_is_not_trusted_and_every_offset_is_tried():
    # "(?<=\$)" needs the text before the word, which the word alone does not have
    pattern = regex.compile(r"(?<=\$)\d+")
    text = "It cost $40 and 12 people"
    offsets = Starts([pattern])(text)[0]
    assert [m[0] for m in matches_at(pattern, text, offsets)] == [m[0] for m in pattern.finditer(text)] == ["40"]
