"""Whether a figure is an estimate (the claim's `estimate`): a study's, a model's or a projection's
figure, excess deaths, an intelligence assessment, rather than a count of people named or
recovered. The words that say so are rules (`estimates` in rules/events.yaml) and count only near
the figure: "The ministry counted 27,708 dead; a study estimates far more" estimates nothing
about 27,708.
"""
from __future__ import annotations

from ..rules import Rules
from .sentences import _CLAUSE_BREAK, _Candidate

# Characters before and after the figure within which an estimate's words speak of it: "a study
# estimated that up to 186,000", "more than 1,000 people, most of them Rohingya, may already have
# been killed"; further on they speak of the next figure ("41,909 killed and 97,303 wounded,
# and the UN estimates that 1.9 million have fled").
_BEFORE, _AFTER = 90, 60


def _estimate(sentence: str, cand: _Candidate, rules: Rules) -> bool:
    # not across a clause: "The official toll stands at 3,351, while aid groups estimate ..."
    lo = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, max(0, cand.start - _BEFORE), cand.start)),
             default=max(0, cand.start - _BEFORE))
    hi = next((m.start() for m in _CLAUSE_BREAK.finditer(sentence, cand.end, cand.end + _AFTER)),
              min(len(sentence), cand.end + _AFTER))
    return rules.estimate_words.search(sentence, lo, hi) is not None
