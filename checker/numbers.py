"""Numbers of people as reporters write them: digits, words, scales, qualifiers, ranges, vague plurals.

`parse_number(text)` (SPEC 5b) reads one number phrase; `scan(text, lexicon)` finds every number
phrase in a text with its span. Both share one grammar, built from the qualifier lexicon of
`rules/qualifiers.yaml`. Every pattern runs under a timeout (`regex` module), so hostile text
cannot make matching hang.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import regex

from .model import Number, Qualifier, Unit

#: Seconds any one pattern may spend on one text before it is abandoned as hostile.
MATCH_TIMEOUT = 2.0

UNITS = {
    "zero": 0, "naught": 0, "nought": 0, "nil": 0, "none": 0,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90}
# Multipliers that close a group ("two hundred", "five thousand"); `dozen` and `score` count too.
SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9,
          "trillion": 10**12, "quadrillion": 10**15, "quintillion": 10**18, "sextillion": 10**21,
          "lakh": 10**5, "lac": 10**5, "lakhs": 10**5, "lacs": 10**5, "lkh": 10**5, "lkhs": 10**5,
          "crore": 10**7, "crores": 10**7, "cr": 10**7}
# Suffixes written after digits ("100k", "1.2M", "2 bn", "3 dzs").
DIGIT_SCALES = {"k": 10**3, "m": 10**6, "mm": 10**6, "mn": 10**6, "mln": 10**6, "mil": 10**6,
                "g": 10**9, "bn": 10**9, "bln": 10**9, "b": 10**9, "tn": 10**12, "tln": 10**12,
                "dozen": 12, "dozens": 12, "dz": 12, "dzs": 12,
                **{k: v for k, v in SCALES.items()},
                "hundreds": 100, "thousands": 10**3, "millions": 10**6}
IDIOMS = {"a couple": 2, "a couple of": 2, "couple": 2, "a few": 3, "few": 3, "a dozen": 12,
          "dozen": 12, "a score": 20, "half a million": 500_000, "half million": 500_000,
          "a half million": 500_000, "quarter million": 250_000, "a quarter million": 250_000,
          "a quarter of a million": 250_000}

_WORD_ALTS = sorted([*UNITS, *TENS, *SCALES, "dozen", "dozens", "score"], key=len, reverse=True)
_GLUED = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:one|two|three|four|five|six|seven|eight|nine)"
_WORD = r"(?:%s|%s)" % (_GLUED, "|".join(_WORD_ALTS))
# Word numbers joined by spaces or hyphens, with "and" between groups; "twentyone" glued too.
_WORDS = (r"(?:(?:a|an)[ \t]+(?=(?:hundred|thousand|million|billion|dozen)\b))?"
          rf"(?:{_WORD}(?:(?:[ \t]*-[ \t]*|[ \t]+)(?:and[ \t]+|and-)?{_WORD})*)")
_SEP = r"[ \u00a0\u2009\u202f]"


@dataclass(frozen=True, slots=True)
class NumberLexicon:
    """The words around numbers that rules/qualifiers.yaml defines (see there)."""

    tolerance: float
    before: tuple[tuple[str, Qualifier], ...]
    after: tuple[tuple[str, Qualifier], ...]
    vague: tuple[tuple[str, int, int], ...]


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number phrase found in a text: its span, the parsed number, and how it was written."""

    start: int
    end: int
    number: Number
    kind: str  # "digits", "words", "range", "vague", "percent"


def _digits(decimal_comma: bool) -> str:
    if decimal_comma:
        grouped = rf"\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|\d{{1,3}}(?:{_SEP}\d{{3}})+(?:,\d+)?"
        plain = r"\d+(?:,\d+)?"
    else:
        grouped = rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:{_SEP}\d{{3}})+(?![\d,])(?:\.\d+)?"
        plain = r"\d+(?:\.\d+)?|\.\d+"
    return rf"(?:{grouped}|{plain})"


def _amount(decimal_comma: bool) -> str:
    """One amount: digits with an optional scale, digits followed by words, or words."""
    digit_scale = "|".join(sorted((regex.escape(s) for s in DIGIT_SCALES), key=len, reverse=True))
    digits = _digits(decimal_comma)
    return (rf"(?:(?<![\w.,])(?:{digits})(?:[ \t]?(?:{digit_scale})\b(?:[ \t]+(?:of[ \t]+)?{_WORDS})?"
            rf"|[ \t]+{_WORDS}|(?![\w]))"
            rf"|\b{_WORDS}\b)")


def _alternation(phrases) -> str:
    return "|".join(sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=8)
def _grammar(lexicon: NumberLexicon, decimal_comma: bool) -> regex.Pattern:
    amount = _amount(decimal_comma)
    digits = rf"(?<![\w.,]){_digits(decimal_comma)}(?![\w])"
    spaced = lambda phrases: _alternation(p.replace(" ", r"\s+") for p in phrases)  # noqa: E731
    before = spaced(p for p, _ in lexicon.before)
    after = spaced(p for p, _ in lexicon.after)
    vague = spaced(regex.escape(p).replace("\\ ", " ") for p, _, _ in lexicon.vague)
    idioms = spaced(regex.escape(p).replace("\\ ", " ") for p in IDIOMS)
    percent = r"(?:[ \t]?%|[ \t]+per[ \t]?cent\b|[ \t]+pc\b)"
    pattern = "".join([
        rf"(?P<before>(?<![\w>=<~])(?:{before})(?![\w])[ \t]+|[<>~]=?[ \t]*)?",
        "(?:",
        rf"(?:between|from)[ \t]+(?P<low>{amount})(?P<lowpct>{percent})?[ \t]+(?:and|to|-|–)[ \t]+(?P<high>{amount})",
        # "20-30" joins digits only: "twenty-seven" is one number, not a range
        rf"|(?P<low2>{digits})[ \t]*(?:-|–|—)[ \t]*(?P<high2>{amount})",
        rf"|(?P<low3>{amount})[ \t]+to[ \t]+(?P<high3>{amount})",
        rf"|(?P<vague>\b(?:{vague})\b)",
        rf"|(?P<idiom>\b(?:{idioms})\b)",
        rf"|(?P<amount>{amount})(?:[ \t]*\([ \t]*(?:{amount})[ \t]*\))?",
        ")",
        rf"(?P<percent>{percent})?",
        rf"(?P<after>[ \t]+(?:{after})(?![\w])|(?<=\d)\+)?",
    ])
    return regex.compile(pattern, regex.IGNORECASE | regex.V0)


def words_value(text: str) -> float | None:
    """Value of a run of number words ("twenty-seven thousand", "two hundred dozens"); None if invalid."""
    tokens = [t for t in regex.split(r"[\s\-]+", text.lower()) if t and t not in ("and", "a", "an")]
    total, group, last = 0, None, None  # last: the units/tens just added, which "dozen" multiplies
    for token in tokens:
        glued = regex.fullmatch(r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(one|two|three|four|five|six|seven|eight|nine)", token)
        if glued:
            token_value, is_tens = TENS[glued[1]] + UNITS[glued[2]], False
        elif token in UNITS or token in TENS:
            token_value, is_tens = UNITS.get(token, TENS.get(token)), token in TENS
        else:
            token_value = None
        if token_value is not None:
            if group is None:
                group = token_value
            elif group % 100 == 0 and token_value < 100:
                group += token_value  # "two hundred five"
            elif 20 <= group % 100 and group % 10 == 0 and not is_tens and token_value < 10:
                group += token_value  # "twenty five"
            elif group < 10 and is_tens:
                group = group * 100 + token_value  # "one twenty two" = 122, as said aloud
            else:
                return None  # "five zero", "sixty fifteen": two numbers, not one
            last = token_value
        elif token in ("dozen", "dozens", "score"):
            factor = 12 if token != "score" else 20
            if group is None:
                group = factor
            elif last:
                group += last * (factor - 1)  # "three hundred and two dozens" = 300 + 24
            else:
                group *= factor  # "two hundred dozens" = 2,400
            last = None
        elif token == "hundred":
            group, last = (group or 1) * 100, None
        elif token in SCALES:
            total, group, last = total + (group or 1) * SCALES[token], None, None
        else:
            return None
    if group is None and not total:
        return None
    return float(total + (group or 0))


def _digits_value(text: str, decimal_comma: bool) -> float | None:
    body = regex.sub(_SEP, "", text)
    body = body.replace(".", "").replace(",", ".") if decimal_comma else body.replace(",", "")
    try:
        return float(body)
    except ValueError:
        return None


def amount_value(text: str, decimal_comma: bool = False) -> float | None:
    """Value of one amount ("1.9 million", "100k", "twenty-seven thousand", "4 thousand 3 hundred")."""
    text = text.strip()
    number = regex.match(_digits(decimal_comma), text)
    if not number:
        return words_value(text)
    value = _digits_value(number[0], decimal_comma)
    rest = text[number.end():].strip()
    if value is None or not rest:
        return value
    scale = regex.match(r"(?i)([a-z]+)\b\s*(?:of\s+)?(.*)", rest)
    word = scale[1].lower() if scale else ""
    if word in DIGIT_SCALES and not (word in UNITS or word in TENS):
        tail = scale[2]
        value *= DIGIT_SCALES[word]
        if tail:
            extra = words_value(tail)
            if extra is None:
                return None
            # "4 thousand 3 hundred and 21": the tail adds below the scale; "2 hundred dozens" multiplies
            value = value * extra if extra >= 12 and regex.fullmatch(r"(?i)dozens?", tail) else value + extra
        return value
    extra = words_value(rest)
    if extra is None:
        return None
    # "4 thousand 3 hundred and 21" arrives as digits then words
    return value * extra if extra >= 100 and extra % 100 == 0 else value + extra


def _bounds(value: float, qualifier: Qualifier, tolerance: float) -> tuple[float | None, float | None]:
    if qualifier is Qualifier.ABOUT:
        return value * (1 - tolerance), value * (1 + tolerance)
    if qualifier is Qualifier.NEARLY:
        return value * (1 - tolerance), value
    if qualifier in (Qualifier.MORE_THAN, Qualifier.AT_LEAST):
        return value, None
    if qualifier in (Qualifier.UP_TO, Qualifier.LESS_THAN):
        return None, value
    return value, value


def _qualifier_of(phrase: str, table: tuple[tuple[str, Qualifier], ...]) -> Qualifier | None:
    phrase = " ".join(phrase.lower().split())
    for pattern, qualifier in table:
        if regex.fullmatch(pattern, phrase, flags=regex.IGNORECASE):
            return qualifier
    symbols = {"<": Qualifier.LESS_THAN, "<=": Qualifier.UP_TO, ">": Qualifier.MORE_THAN,
               ">=": Qualifier.AT_LEAST, "~": Qualifier.ABOUT, "+": Qualifier.AT_LEAST}
    return symbols.get(phrase)


def _number_of(m: regex.Match, lexicon: NumberLexicon, decimal_comma: bool) -> tuple[Number, str] | None:
    unit = Unit.PERCENT if m["percent"] or m["lowpct"] else Unit.PERSONS
    before = _qualifier_of(m["before"], lexicon.before) if m["before"] else None
    after = _qualifier_of(m["after"], lexicon.after) if m["after"] else None
    low_text = m["low"] or m["low2"] or m["low3"]
    high_text = m["high"] or m["high2"] or m["high3"]
    if low_text is not None:
        low, high = amount_value(low_text, decimal_comma), amount_value(high_text, decimal_comma)
        if low is None or high is None or not low < high:
            return None
        if high >= 1000 and low < 100 and not regex.search(r"(?i)[a-z]", low_text):
            low *= 10 ** round(math.log10(high / low)) if low else 1  # "20-30,000" is 20,000-30,000
        if before in (Qualifier.MORE_THAN, Qualifier.AT_LEAST, Qualifier.UP_TO, Qualifier.LESS_THAN):
            return None  # "more than 20 to 30" reads as nothing sensible
        return Number(low, low, high, Qualifier.RANGE, unit), "range"
    if m["vague"]:
        phrase = " ".join(m["vague"].lower().split())
        for name, lower, upper in lexicon.vague:
            if name == phrase:
                return Number(float(lower), float(lower), float(upper), Qualifier.VAGUE, unit), "vague"
        return None
    text = m["idiom"] or m["amount"]
    value = IDIOMS.get(" ".join(text.lower().split())) if m["idiom"] else amount_value(
        regex.sub(r"\s*\(.*\)$", "", text), decimal_comma)
    if value is None:
        return None
    qualifier = before or after or Qualifier.EXACT
    lower, upper = _bounds(value, qualifier, lexicon.tolerance)
    kind = "percent" if unit is Unit.PERCENT else ("digits" if regex.match(r"[\d.]", text) else "words")
    return Number(value, lower, upper, qualifier, unit), kind


def scan(text: str, lexicon: NumberLexicon, decimal_comma: bool = False) -> Iterator[NumberMatch]:
    """Every number phrase in `text`, left to right, with the number it names."""
    for m in _grammar(lexicon, decimal_comma).finditer(text, timeout=MATCH_TIMEOUT):
        if not m[0].strip():
            continue
        parsed = _number_of(m, lexicon, decimal_comma)
        if parsed is None:
            continue
        number, kind = parsed
        start = m.start()
        end = m.end()
        if m["before"] and not _qualifier_of(m["before"].strip(), lexicon.before):
            start = m.start() + len(m["before"])
        yield NumberMatch(start, end, number, kind)


def parse_number(text: str, lexicon: NumberLexicon | None = None, decimal_comma: bool = False) -> Number | None:
    """The number of people `text` names ("more than 1,160", "dozens", "between 20 and 30"), or None.

    The whole string must be one number phrase (surrounding spaces and punctuation aside).
    """
    if lexicon is None:
        from .rules import load_rules  # the bundled lexicon; late import keeps the stages acyclic
        lexicon = load_rules().numbers
    stripped = text.strip().strip("\"'“”").rstrip(".,;:!?")
    if not stripped:
        return None
    sign = 1
    negative = regex.match(r"(?i)(?:minus|negative)\s+|-(?=\s*[\d.])", stripped)
    if negative:
        sign, stripped = -1, stripped[negative.end():]
    m = _grammar(lexicon, decimal_comma).fullmatch(stripped, timeout=MATCH_TIMEOUT)
    if m is None:
        return None
    parsed = _number_of(m, lexicon, decimal_comma)
    if parsed is None:
        return None
    number = parsed[0]
    if sign < 0:
        flip = lambda x: None if x is None else -x  # noqa: E731
        return Number(-number.value, flip(number.upper), flip(number.lower), number.qualifier, number.unit)
    return number
