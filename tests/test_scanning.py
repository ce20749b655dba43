"""scanning.Starts and matches_at: a pattern tried only where a word can begin it finds what
trying it at every offset finds (other bodies' frames: only near their verbs, source._other_source_starts)."""
import os
from pathlib import Path

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.extract import _OTHER_SOURCE, sentence_starts, split_sentences
from checker.extract.source import _other_source_starts
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
        *_, frame_starts = sentence_starts(rules)(sentence)
        for pattern, offsets in ((frames, frame_starts), (_OTHER_SOURCE, _other_source_starts(sentence))):
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


def test_a_word_asked_of_the_tests_together_begins_the_tests_it_begins_alone():
    # `Starts` asks a word of alternations of its tests (a tree of them), not of each test in turn
    starts = sentence_starts(load_rules())
    words = sorted({s[m.start(): m.end() + 1] for s in _sentences() for m in regex.finditer(r"(?<!\w)(?:\w+|\W)", s)})
    for word in words:
        assert starts._which_begin(word) == tuple(
            i for i, test in enumerate(starts._tests) if test.match(word, partial=True) is not None), word
    mixed = Starts([regex.compile("killed", regex.I), regex.compile("Killed"), regex.compile("wounded", regex.I)])
    assert [mixed._which_begin(w) for w in ("KILLED ", "Killed ", "wou", "dead ")] == [(0,), (0, 1), (2,), ()]


def test_a_positive_lookbehind_is_not_trusted_and_every_offset_is_tried():
    # "(?<=\$)" needs the text before the word, which the word alone does not have
    pattern = regex.compile(r"(?<=\$)\d+")
    text = "It cost $40 and 12 people"
    offsets = Starts([pattern])(text)[0]
    assert [m[0] for m in matches_at(pattern, text, offsets)] == [m[0] for m in pattern.finditer(text)] == ["40"]


# Sentences made of the words reporters use around figures, numbers written every way, and the
# punctuation and stray characters real text carries: where the rules' patterns begin in them,
# found word by word, must be exactly where trying every offset finds them.
_WORDS = sorted({w for s in _sentences()[:400] for w in regex.findall(r"\w+|[^\w\s]", s)})
_PHRASES = sorted({" ".join(ws[i:i + 3]) for s in _sentences()[:400] for ws in [s.split()] for i in range(0, len(ws), 3)})
_PIECES = _WORDS + _PHRASES + ["1,200", "3.5", "~40", ">=12", "20-30", "between", "from", "Xfrom", "U.N.", "’s", "’", "—",
                    "(", ")", "\u00a0", "  ", "\t", "İstanbul", "ſaid", "KILLED", "at least", "the Ministry of Health"]


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")), deadline=None,
          derandomize="FUZZ_EXAMPLES" not in os.environ, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.lists(st.sampled_from([" ", "", ", "]), min_size=40, max_size=40))
def test_fuzz_every_pattern_found_where_every_offset_finds_it(pieces, gaps):
    from checker.numbers import _grammar, _starts

    rules = load_rules()
    text = "".join(p + g for p, g in zip(pieces, gaps))
    offsets = sentence_starts(rules)(text)
    for pattern, at, overlapped in [*((cue.pattern, o, False) for cue, o in zip(rules.cues, offsets)),
                                    (rules.source_frames, offsets[-1], True),
                                    (_OTHER_SOURCE, _other_source_starts(text), True)]:
        expected = [m.span() for m in pattern.finditer(text, overlapped=overlapped)]
        assert [m.span() for m in matches_at(pattern, text, at, overlapped)] == expected
    grammar = _grammar(rules.numbers, False)
    assert [m.span() for m in matches_at(grammar, text, _starts(rules.numbers)(text)[0])] == \
        [m.span() for m in grammar.finditer(text)]
