"""Of whom a figure counts (the claim's `group`): what the counted people are said to be ("96 of
the dead are children", "1,524 were children"), whom they are a part of ("seven of the
attackers"), the subgroup named right after the figure ("12 Palestinian children"), or whom the
tally it completes counts ("the number of civilians killed ... at some 5,000"); `all` if none, or if the group is no narrower than the place's people or the metric.
"""
from __future__ import annotations

import regex

from .. import dates
from ..rules import Rules
from ..user_cache import compiled
from .sentences import _WORD, _Candidate


def _group(sentence: str, cand: _Candidate, rules: Rules, metric: str = "") -> str:
    """The subgroup the figure counts: the noun right after it ("12 Palestinian children"), or what
    the counted people are said to be ("96 of the dead are children"), narrowed by the words before
    it for the `metric` (rules `narrowing`: "the remains of 21 hostages"); `all` if none."""
    # "13 U.S. service members": an abbreviation's full stops end no phrase
    after = _ABBREVIATION.sub(lambda m: m[0].replace(".", ""), sentence[cand.end: cand.end + 80])
    said_to_be = _GROUP_PREDICATE.match(after) or _DIED_OF.match(after)
    part_of = _PART_OF_GROUP.match(after)
    # what they are said to be, then whom they are of, then the noun after; a noun phrase ends at
    # a verb or preposition, but a condition is read whole ("17 of them in critical care", "298 with
    # lighter injuries")
    nouns = ([said_to_be["noun"]] if said_to_be else []) + ([part_of["noun"]] if part_of else []) \
        + [_PHRASE_END.split(after, maxsplit=1)[0]]
    phrases = [noun if _CONDITION.match(noun) else _NOUN_PHRASE_END.split(noun, maxsplit=1)[0] for noun in nouns]
    # (five words: "two high-profile Islamic State militants")
    named_by_noun = (_named_group(" ".join(_WORD.findall(phrase)[:5]), rules) for phrase in phrases)
    noun_group = next((found for found in named_by_noun if found != "all"), "all")
    opening = _CLAUSE_OPENING.search(sentence, max(0, cand.start - 80), cand.start)
    narrower = _named_group(opening[0], rules, frozenset(rules.narrowing)) if opening and rules.narrowing else "all"
    if narrower != "all" and rules.narrowing[narrower][0] == noun_group and metric in rules.narrowing[narrower][1]:
        return narrower
    # a place's own people ("1,373 Palestinians ... while trying to obtain food") say no more than all:
    # what they were doing may
    if not _own_people(noun_group, rules):
        return noun_group
    # ("715 of them by Israeli forces": the clause of a part goes on after "of them")
    lead = _PART_LEAD.match(after)
    clause = _CLAUSE_END.split(after[lead.end() if lead else 0:], maxsplit=1)[0]
    counted = _TALLY_OF.search(sentence, max(0, cand.start - 120), cand.start) \
        or _DEATHS_OF.search(sentence, max(0, cand.start - 120), cand.start)
    named = _named_group(counted["noun"], rules) if counted else noun_group
    whole_of_part = _OF_BEFORE.search(sentence, max(0, cand.start - 12), cand.start)
    if not whole_of_part and _own_people(named, rules):
        # what the people were doing, said in the figure's clause or in the tally's
        # (the clause's words before the figure too: "pushing the combined number of dead and
        # unaccounted-for above 11,000")
        doing = _named_group(clause + " " + (counted[0] if counted else ""), rules, rules.circumstances)
        if doing == "all" and opening:
            doing = _named_group(opening[0], rules, rules.before_figure)
        return doing if doing != "all" else named
    return named


def _own_people(group: str, rules: Rules) -> bool:
    """Whether `group` is all, or some place's own people (rules/groups.yaml same_people: "Gazans")."""
    return group == "all" or any(group in people for people in rules.same_people.values())


def _named_group(words: str, rules: Rules, only: frozenset[str] | None = None) -> str:
    """The group `words` name first (the first listed in the rules on a tie), or `all`; with
    `only`, the first of those groups."""
    key = (rules.version, only, words)
    named = _NAMED.get(key)
    if named is None:
        if len(_NAMED) >= _MOST_NAMED:
            _NAMED.clear()
        pattern, ids = _groups_pattern(rules, only)
        m = pattern.search(words)
        named = _NAMED[key] = ids[int(m.lastgroup[1:])] if m else "all"
    return named


# The group of each phrase read, per rules version and `only`: the words after figures ("people",
# "children") and their clauses recur (15,258 distinct of 31,475 in the archives). Bounded:
# emptied when full.
_NAMED: dict[tuple[str, frozenset[str] | None, str], str] = {}
_MOST_NAMED = 1 << 14


# `_groups_pattern`, per rules version and `only`
_GROUPS: dict[tuple[str, frozenset[str] | None], tuple[regex.Pattern, tuple[str, ...]]] = {}


def _groups_pattern(rules: Rules, only: frozenset[str] | None) -> tuple[regex.Pattern, tuple[str, ...]]:
    """The patterns of rules.groups (those of `only`) as one alternation, the i-th in a group `g{i}`,
    and their ids. One search finds the leftmost group and, where several begin, the first listed,
    as searching with each in turn did (rules.py compiles them all with the same flags)."""
    key = (rules.version, only)
    if key not in _GROUPS:
        groups = [(gid, pattern) for gid, pattern in rules.groups if only is None or gid in only]
        alternation = "|".join(f"(?P<g{i}>{pattern.pattern})" for i, (_, pattern) in enumerate(groups)) or "(?!)"
        _GROUPS[key] = (compiled(alternation, groups[0][1].flags if groups else 0), tuple(gid for gid, _ in groups))
    return _GROUPS[key]


_PHRASE_END = compiled(r"[,;:.()]")
# The words of the figure's clause before it: from the last punctuation mark.
_CLAUSE_OPENING = compiled(r"[^,;:.()]*$")
# "91 of the 111 people killed ... had been seeking aid": what follows the whole tells of the part.
_OF_BEFORE = compiled(r"(?i)\bof[ \t]+(?:the[ \t]+)?$")
# The clause a figure stands in ends at punctuation or where a part of it begins ("including 20
# seeking aid" counts a part, not the figure).
# ("died as a direct result of the quake", "certified as disaster-related" go on: they say how)
_CLAUSE_END = compiled(r"[,;:.](?!\d)|[()]|\b(?:including|among|of them|of whom|when|after|where|because)\b"
                       r"|\bas\b(?![ \t]+(?:an?[ \t]+)?(?:direct|indirect|result|disaster))")
_PART_LEAD = compiled(r"(?i)^[ \t]*(?:of them|of whom|among them|among whom)\b")
_ABBREVIATION = compiled(r"\b(?:[A-Z]\.){2,}")
# The noun phrase after a figure ends at a verb, a preposition or a subordinate clause:
# "11,000 as rescuers battle" counts no rescuers, "60 others before security forces ended the
# siege" no security forces.
_NOUN_PHRASE_END = compiled(
    r"(?i)\b(?:as|when|after|before|until|because|although|though|where|while|but|in|on|at|from|by|who|that|"
    r"which|were|was|have|has|had|are|is|since|during|across|into|near|with|for|to|of whom|of them)\b")
# A patient's condition, read whole as a group's noun ("in critical care", "with lighter injuries").
_SEVERE = r"in[ \t]+(?:a[ \t]+)?(?:critical|intensive|serious|grave)"
# Where the people were, read whole too: "241 dead on board", "29 killed on the ground".
_CONDITION = compiled(rf"(?i)^[ \t]*(?:{_SEVERE}|with[ \t]+(?:light|lighter|minor|slight)[ \t]+"
                      r"|(?:[\w-]+[ \t]+){0,2}(?:on[ \t]+board|aboard|on[ \t]+the[ \t]+ground)\b)")
# "put the number of civilians killed in Mariupol at some 5,000": whom a tally counts.
_TALLY_OF = compiled(r"(?i)\b(?:number|toll|count|tally|total)[ \t]+of[ \t]+(?:the[ \t]+)?(?P<noun>(?:[\w-]+[ \t]+){0,3}[\w-]+)"
                     r"[ \t]+(?:killed|dead|injured|wounded|missing|displaced|held|detained|who|had|have|has|was|were|at|stood|rose|reached)\b"
                     # (past a year or a day of a month: "since October 2023 to 228", "since October 7 to 582")
                     rf"(?:(?![.;])(?:[^\d]|\b(?:1[89]|20)\d\d\b|(?<=\b{dates._MONTH}[ \t]+)\d{{1,2}}\b))*$")
# "bringing hunger-related deaths since the war began to 101": whose deaths a running figure counts.
_DEATHS_OF = compiled(r"(?i)\b(?P<noun>[\w-]+)[ \t]+deaths[ \t]+(?:[\w-]+[ \t]+){0,6}?"
                      r"(?:to|at|reach(?:es|ed)?|pass(?:es|ed)?|tops?|topped|hits?|(?:stood|stands?)[ \t]+at"
                      r"|(?:rose|rises?|climbed|climbs?|jumped|jumps?|increased|increases?)[ \t]+to)[ \t]+(?:[\w-]+[ \t]+)?$")
# "272 people had died of malnutrition": the cause of death names who they are.
# (past an aside: "175 people, among them 93 children, have now died of malnutrition"; "11 more
# deaths from starvation")
_DIED_OF = compiled(r"(?i)^(?:[ \t]+[\w-]+){0,2}?(?:,[^,;:.]{1,60},)?[ \t]+(?:(?:had|have|has)[ \t]+)?(?:now[ \t]+)?"
                    r"(?:died|deaths|starved[ \t]+to[ \t]+death)[ \t]+(?:of|from)[ \t]+(?P<noun>[\w-]+)")
# "Seven of the attackers were killed": the people a figure is a part of.
_PART_OF_GROUP = compiled(r"(?i)^[ \t]+of[ \t]+(?:the|those|its|their)[ \t]+(?P<noun>[^,;:.]{1,40})")
_GROUP_PREDICATE = compiled(
    # ("51 of the 101 hostages still held in Gaza are alive", "23 of them may still be alive")
    # (a whole with its figure may run longer: "38 of the 84 people killed in last week's truck attack
    # in Nice were foreign nationals")
    r"(?i)^[ \t]+of[ \t]+(?:(?:the|them|those|whom|\d[\d,]*)(?:[ \t]+[\w-]+){0,6}?"
    r"|the[ \t]+\d[\d,]*(?:[ \t]+[\w'’-]+){0,10}?)[ \t]+"
    r"(?:are|were|was|had[ \t]+been|have[ \t]+been|(?:may|might|could)[ \t]+(?:still[ \t]+)?be)[ \t]+"
    r"(?:all[ \t]+)?(?P<noun>[^,;:.]{1,40})"
    # without a verb: "some 130,000 of them children"
    # ("17 of them in critical care" too, but not "40 of them in the previous 24 hours")
    r"|^[ \t]+of[ \t]+(?:them|whom)[ \t]+(?!(?:are|were|was|have|had|has|on|at|from|during|since)\b"
    rf"|(?!{_SEVERE})in\b)(?P<noun>[^,;:.]{{1,40}})"
    # "Of the dead, 1,524 were children"
    # (not "161 people are now confirmed to have died": what befell them, not who they are)
    r"|^[ \t]+(?:(?:people|persons)[ \t]+)?(?:are|were|was)[ \t]+(?:all[ \t]+|now[ \t]+|still[ \t]+)?"
    r"(?!(?:confirmed|known|believed|thought|reported)[ \t]+to\b)(?P<noun>[^,;:.]{1,40})")


def _claim_group(group: str, place: str, metric: str, rules: Rules) -> str:
    """The group as the claim gives it: `all` when the group is the place's own people
    (rules.same_people: "Gazans" in Gaza) or what the metric already counts (rules.same_as_metric)."""
    if group in rules.same_people.get(place, ()) or group in rules.same_as_metric.get(metric, ()):
        return "all"
    return group
