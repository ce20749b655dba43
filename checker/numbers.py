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

from . import dates
from .model import Number, Qualifier, Unit
from .scanning import MATCH_TIMEOUT, Starts, matches_at
from .user_cache import compiled


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
          "crore": 10**7, "crores": 10**7, "cr": 10**7,
          # Duckling's other spellings of crore; its "kr" and "l" are left out, since after digits
          # they name kronor and litres
          "krore": 10**7, "krores": 10**7, "koti": 10**7}
# Suffixes written after digits ("100k", "1.2M", "2 bn", "3 dzs").
DIGIT_SCALES = {"k": 10**3, "m": 10**6, "mm": 10**6, "mn": 10**6, "mln": 10**6, "mil": 10**6,
                "g": 10**9, "bn": 10**9, "bln": 10**9, "b": 10**9, "tn": 10**12, "tln": 10**12,
                "dozen": 12, "dozens": 12, "dz": 12, "dzs": 12,
                **{k: v for k, v in SCALES.items()},
                "hundreds": 100, "thousands": 10**3, "millions": 10**6}
IDIOMS = {"a couple": 2, "a couple of": 2, "couple": 2, "a pair": 2, "a pair of": 2, "a few": 3, "few": 3,
          "a dozen": 12, "a dozen of": 12, "dozen": 12, "a score": 20, "half a million": 500_000, "half million": 500_000,
          "a half million": 500_000, "quarter million": 250_000, "a quarter million": 250_000,
          "a quarter of a million": 250_000}

_WORD_ALTS = sorted([*UNITS, *TENS, *SCALES, "dozen", "dozens", "score"], key=len, reverse=True)
_GLUED = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:one|two|three|four|five|six|seven|eight|nine)"
_WORD = r"(?:%s|%s)" % (_GLUED, "|".join(_WORD_ALTS))
# Plural scales only continue a number ("sixty hundreds"): alone, "hundreds" is a vague plural.
_NEXT_WORD = r"(?:hundreds|thousands|millions|billions|%s)" % _WORD
# The scales a half can stand before or after ("half a dozen", "five and a half million", "3 million
# and a half"): a half of anything else is a fraction, which is no count of people.
_HALF_SCALES = r"(?:hundred|thousand|million|billion|trillion|lakh|lac|crore|krore|dozen)s?"
_HALF_AFTER = rf"(?<={_HALF_SCALES})[ \t]+and[ \t]+a[ \t]+half\b"
# Word numbers joined by spaces or hyphens, with "and" between groups and "point" before decimals;
# "twentyone" glued too; a half before a scale, or after one at the end.
_WORDS = (rf"(?:(?:a|an)[ \t]+(?=(?:hundred|thousand|million|billion|dozen)\b)|half[ \t]+(?:a[ \t]+)?(?={_HALF_SCALES}\b))?"
          rf"(?:{_WORD}(?:(?:[ \t]+and[ \t]+a[ \t]+half(?=[ \t]+{_HALF_SCALES}\b))?"
          rf"(?:[ \t]*-[ \t]*|[ \t]+)(?:and[ \t]+|and-|point[ \t]+)?{_NEXT_WORD})*)(?:{_HALF_AFTER})?")
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
    core: int = -1  # where the number itself starts, after a qualifier ("more than |1,160")


def _digits(decimal_comma: bool) -> str:
    if decimal_comma:
        grouped = rf"\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|\d{{1,3}}(?:{_SEP}\d{{3}})+(?:,\d+)?"
        plain = r"\d+(?:,\d+)?"
    else:
        # lakh grouping first ("6,33,010", "1,00,00,000"), as Indian reporting writes it
        grouped = (rf"\d{{1,2}}(?:,\d{{2}})+,\d{{3}}(?![\d,])(?:\.\d+)?|"
                   rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:{_SEP}\d{{3}})+(?![\d,])(?:\.\d+)?")
        plain = r"\d+(?:\.\d+)?|\.\d+"
    return rf"(?:{grouped}|{plain})"


_DIGITS = {flag: compiled(_digits(flag)) for flag in (False, True)}


# "4 thousand 3 hundred and 21": digits inside a number only as a count of hundreds and the rest.
_DIGIT_REST = r"[ \t]+and[ \t]+\d{1,2}(?![\w.,])"
_DIGIT_HUNDREDS = rf"[ \t]+\d{{1,3}}[ \t]+hundred(?:{_DIGIT_REST})?"


def _amount(decimal_comma: bool) -> str:
    """One amount: digits with an optional scale, digits followed by words, or words."""
    digit_scale = "|".join(sorted((regex.escape(s) for s in DIGIT_SCALES), key=len, reverse=True))
    digits = _digits(decimal_comma)
    # words end on a word's end: "2.3 million crossings" holds no "cr" (crore)
    return (rf"(?:(?<![\w.,])(?:{digits})(?:[ \t]?(?:{digit_scale})\b"
            rf"(?:[ \t]+(?:of[ \t]+)?{_WORDS}\b|{_DIGIT_HUNDREDS}|(?<=hundred){_DIGIT_REST}|{_HALF_AFTER})?"
            rf"|[ \t]+{_WORDS}\b|(?![\w]))"
            rf"|\b{_WORDS}\b)")


def _alternation(phrases) -> str:
    return "|".join(sorted(phrases, key=len, reverse=True))


def _spaced(phrases) -> str:
    """An alternation of phrases whose spaces match any run of white space."""
    return _alternation(p.replace(" ", r"\s+") for p in phrases)


def _literal_phrases(lexicon: NumberLexicon) -> tuple[str, str]:
    """(vague plurals, idioms) as alternations of literal phrases."""
    literal = lambda phrases: _spaced(regex.escape(p).replace("\\ ", " ") for p in phrases)  # noqa: E731
    return literal(p for p, _, _ in lexicon.vague), literal(IDIOMS)


# Comparisons that include their bound, built from the comparative rather than listed phrase by
# phrase: "less than or equal to", "smaller or equal than", "equal to or more than", "at least or
# equal to" (Recognizers-Text's range cases).
_GREATER, _SMALLER = r"(?:more|greater|larger|bigger|higher)", r"(?:less|fewer|smaller|lower)"


def _or_equal(comparative: str, limit: str) -> str:
    """"<comparative> (than) or equal to/than", "equal to or <comparative> (than)", "<limit> or equal to"."""
    return (rf"(?:{comparative}(?:[ \t]+than)?[ \t]+or[ \t]+equal(?:[ \t]+(?:to|than))?"
            rf"|equal[ \t]+to[ \t]+or[ \t]+{comparative}(?:[ \t]+than)?|{limit}[ \t]+or[ \t]+equal[ \t]+to)")


_INCLUSIVE = ((_or_equal(_GREATER, r"at[ \t]+least"), Qualifier.AT_LEAST),
              (_or_equal(_SMALLER, r"at[ \t]+most"), Qualifier.UP_TO))
# Which way each qualifier bounds a number: the lower bounds, then the upper bounds.
_LOWER_BOUNDS = (Qualifier.MORE_THAN, Qualifier.AT_LEAST)
_UPPER_BOUNDS = (Qualifier.UP_TO, Qualifier.LESS_THAN)


def _bound_phrases(lexicon: NumberLexicon, bounds: tuple[Qualifier, ...]) -> str:
    """The qualifiers before a number that bound it one way (`bounds`), as one alternation."""
    inclusive = [pattern for pattern, q in _INCLUSIVE if q in bounds]
    return "|".join([*inclusive, _spaced(p for p, q in lexicon.before if q in bounds)])


# A count that changed, before "from": "rose from 40 to 52" gives two counts, not a range.
CHANGE_VERBS = (r"(?:rose|risen|rises?|fell|fallen|falls?|jump(?:ed|s)?|drop(?:ped|s)?|dip(?:ped|s)?|shr[ai]nks?|shrunk"
                r"|climb(?:ed|s)?|(?:in|de)creas(?:ed|es)|declin(?:ed|es)|grew|grow[ns]?|swell(?:ed|s)?|soar(?:ed|s)?|cut"
                r"|(?:revised|lowered|raised|corrected)(?:[ \t]+(?:up|down)(?:wards?)?)?)")


@lru_cache(maxsize=8)
def _grammar(lexicon: NumberLexicon, decimal_comma: bool) -> regex.Pattern:
    amount = _amount(decimal_comma)
    digits = rf"(?<![\w.,]){_digits(decimal_comma)}(?![\w])"
    before = "|".join([*(p for p, _ in _INCLUSIVE), _spaced(p for p, _ in lexicon.before)])
    lower, upper = _bound_phrases(lexicon, _LOWER_BOUNDS), _bound_phrases(lexicon, _UPPER_BOUNDS)
    after = _spaced(p for p, _ in lexicon.after)
    vague, idioms = _literal_phrases(lexicon)
    percent = r"(?:[ \t]?%|[ \t]+per[ \t]?cent\b|[ \t]+pc\b)"
    joint = r"(?:[ \t]*,[ \t]*|[ \t]+(?:and|but)[ \t]+)"
    # a word or digits right after a phrase: the phrase belongs to that next number, not to this one
    next_number = rf"(?![ \t]+(?:\d|{_WORD}\b))"
    pattern = "".join([
        # both bounds of an interval, each with its qualifier: "above 1000 and below 1500"
        rf"(?<![\w>=<~])(?:(?P<lowq>{lower})[ \t]+(?P<lowb>{amount}){joint}(?P<highq>{upper})[ \t]+(?P<highb>{amount})",
        rf"|(?P<highq>{upper})[ \t]+(?P<highb>{amount}){joint}(?P<lowq>{lower})[ \t]+(?P<lowb>{amount}))(?![\w])",
        rf"|(?P<before>(?<![\w>=<~])(?:{before})(?![\w])[ \t]+|[<>~](?:[ \t]*=)?[ \t]*)?",
        "(?:",
        # not "the list fell from 79 to 56", which gives a count and the one that replaced it
        rf"(?:between|(?<!\b{CHANGE_VERBS}[ \t]+)from)[ \t]+(?P<low>{amount})(?P<lowpct>{percent})?[ \t]+(?:and|to|through|-|–)[ \t]+(?P<high>{amount})",
        # "20-30" joins digits only: "twenty-seven" is one number, not a range
        rf"|(?P<low2>{digits})[ \t]*(?:-|–|—)[ \t]*(?P<high2>{amount})",
        # not "the toll rose by 12 to 345", which gives what it grew by and what it reached
        # nor "since October 7 to 582", a day of a month before the count it is brought to
        rf"|(?<!\b(?:by|{dates._MONTH}|{CHANGE_VERBS}[ \t]+from)[ \t]+)(?P<low3>{amount})[ \t]+(?:to|through)[ \t]+(?P<high3>{amount})",
        rf"|(?P<vague>\b(?:{vague})\b)",
        rf"|(?P<idiom>\b(?:{idioms})\b)",
        rf"|(?P<amount>{amount})(?:[ \t]*\([ \t]*(?:{amount})[ \t]*\))?",
        ")",
        rf"(?P<percent>{percent})?",
        # "200 or greater than", as peers write it, ends with a "than" bounding nothing
        rf"(?P<after>[ \t]+(?:{after})(?![\w])|(?<=\d)\+)?(?(after)(?:[ \t]+than{next_number}(?![\w]))?)",
        # "more than 5000 or equal to": the bound is included
        rf"(?P<orequal>[ \t]+or[ \t]+equal(?:[ \t]+to)?{next_number}(?![\w]))?",
    ])
    return compiled(pattern, regex.IGNORECASE | regex.V0)


_TOKEN_SPLIT = compiled(r"[\s\-]+")
_GLUED_TOKEN = compiled(r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(one|two|three|four|five|six|seven|eight|nine)")
_DIGIT_TOKEN = compiled(r"[\d.,\u00a0\u2009\u202f]*\d[\d.,]*")
# Plural scales read as multipliers inside a number ("one billion twenty-five millions").
_PLURAL_SCALES = {"hundreds": 100, "thousands": 10**3, "millions": 10**6, "billions": 10**9}
_DOZENS = ("dozen", "dozens", "score")


def _small(token: str, decimal_comma: bool) -> tuple[float, bool] | None:
    """(value, is_tens) of a token below a hundred (or of a digit token), else None."""
    glued = _GLUED_TOKEN.fullmatch(token)
    if glued:
        return TENS[glued[1]] + UNITS[glued[2]], False
    if token in UNITS:
        return UNITS[token], False
    if token in TENS:
        return TENS[token], True
    if _DIGIT_TOKEN.fullmatch(token):
        value = _digits_value(token, decimal_comma)
        return (value, False) if value is not None else None
    return None


def words_value(text: str, decimal_comma: bool = False, lead: float | None = None) -> float | None:
    """Value of one number written in words, or digits followed by words ("twenty-seven thousand",
    "two point two million", "4 thousand 3 hundred and 21", "100k"); None if it is not one number.

    Scales must fall from left to right ("one billion twenty-five millions"), except that a larger
    scale multiplies everything before it ("two thousand two million" = 2,002,000,000 and "three
    lakh crore" = 3 * 10**12, as number-parser and Duckling read them). A repeated or headless
    scale ("million million", "thousand million") and digit strings ("fifty zero three") are not
    one number. A half counts only with a scale: "half a dozen", "five and a half million", "3
    million and a half" (half of the last scale, as reporters mean it). `lead` is the value of
    digits standing before `text` ("1.9" of "1.9 million").
    """
    tokens = [t for t in _TOKEN_SPLIT.split(text.lower()) if t and t != "and"]
    if tokens and tokens[0] in ("a", "an"):
        tokens = tokens[1:]
    if lead is not None:
        tokens.insert(0, "#")  # stands for the leading digits
    headed = bool(tokens) and tokens[0] not in SCALES and tokens[0] not in _PLURAL_SCALES
    total, group = 0, None  # group: the part below the current scale
    last = None  # the units/tens just added, which "dozen" multiplies
    last_scale = math.inf
    decimal = False  # after "point": only a scale may follow
    halved = False  # after "and a half" or "half a": a scale must follow
    previous_digits = False
    i = 0
    while i < len(tokens):
        token = tokens[i]
        small = (lead, False) if token == "#" else _small(token, decimal_comma)
        is_digits = small is not None and (token == "#" or token[0].isdigit())
        if (decimal or halved) and token not in SCALES and token not in _PLURAL_SCALES and token not in _DOZENS:
            return None  # "one point two million twenty three": the decimal closes the number
        if small is not None:
            value, is_tens = small
            if group is None:
                group = value
            elif group == value == 0:
                pass  # leading zeros: "zero zero hundred twenty five"
            elif value == 0 or (is_digits and not (group % 100 == 0 and value < 100)):
                return None  # "fifty zero three"; digits add only below a hundred ("3 hundred and 21")
            elif group % 100 == 0 and value < 100:
                group += value  # "two hundred five"
            elif 20 <= group % 100 and group % 10 == 0 and not is_tens and value < 10:
                group += value  # "twenty five"
            elif group < 10 and is_tens:
                group = group * 100 + value  # "one twenty two" = 122, as said aloud
            else:
                return None  # "five zero", "sixty fifteen": two numbers, not one
            last = value
        elif token in ("a", "an") and tokens[i + 1:i + 2] == ["half"]:
            pass  # the article of "five and a half million"
        elif token == "half":
            if group is None and not total:  # "half a dozen", "half a million"
                group, halved = 0.5, True
                if tokens[i + 1:i + 2] == ["a"]:
                    i += 1
            elif group is not None and group == int(group):  # "five and a half million"
                group, halved = group + 0.5, True
            elif group is None and i == len(tokens) - 1:  # "3 million and a half"
                total += last_scale / 2
            else:
                return None
        elif token == "point":
            digits = []
            while i + 1 < len(tokens) and tokens[i + 1] in UNITS and UNITS[tokens[i + 1]] < 10:
                digits.append(str(UNITS[tokens[i + 1]]))
                i += 1
            if group is None or not digits or group != int(group):
                return None
            group += float("0." + "".join(digits))
            decimal = True
        elif token in _DOZENS:
            factor = 12 if token != "score" else 20
            if group is None:
                group = factor
            elif last:
                group += last * (factor - 1)  # "three hundred and two dozens" = 300 + 24
            else:
                group *= factor  # "two hundred dozens" = 2,400
            last, halved = None, False
        elif token in ("hundred", "hundreds"):
            if group is not None and group >= 100 and not previous_digits:
                return None  # "two hundred hundred"; digits may count hundreds ("322 hundred")
            group, last = (group or 1) * 100, None  # "sixty hundreds" = 6,000
        elif token in SCALES or token in _PLURAL_SCALES or (previous_digits and token in DIGIT_SCALES):
            scale = SCALES.get(token) or _PLURAL_SCALES.get(token) or DIGIT_SCALES[token]
            if group is None and i > 0:
                if not (headed and total and scale > last_scale):
                    return None  # "million million", "thousand million"
                total *= scale  # "two thousand million", "three lakh crore"
                last, last_scale = None, scale
                previous_digits = False
                i += 1
                continue
            group = 1 if group is None else group
            if scale < last_scale:
                total += group * scale
            elif scale > last_scale:
                total = (total + group) * scale
            else:
                return None  # "million four million"
            group, last, last_scale, decimal, halved = None, None, scale, False, False
        else:
            return None
        previous_digits = is_digits
        i += 1
    if halved or (group is None and not total):
        return None
    value = total + (group or 0)
    return float(value) if isinstance(value, int) else round(value, 6)  # 2.2 * 10**6 = 2200000.0000000005


_SEPARATOR = compiled(_SEP)


def _digits_value(text: str, decimal_comma: bool) -> float | None:
    body = _SEPARATOR.sub("", text)
    body = body.replace(".", "").replace(",", ".") if decimal_comma else body.replace(",", "")
    try:
        return float(body)
    except ValueError:
        return None


# Larger amounts are no number of anything: a run of hundreds of digits. The margin below the
# float limit (~1.8e308) keeps the arithmetic on bounds ("about" adds the tolerance) finite.
_LARGEST = 1e300


def amount_value(text: str, decimal_comma: bool = False) -> float | None:
    """Value of one amount ("1.9 million", "100k", "twenty-seven thousand", "4 thousand 3 hundred");
    None if it is not one, or if it is beyond _LARGEST."""
    text = text.strip()
    number = _DIGITS[decimal_comma].match(text)
    if not number:
        value = words_value(text, decimal_comma)
    else:
        value = _digits_value(number[0], decimal_comma)
        rest = text[number.end():].strip()
        if value is not None and rest:
            value = words_value(rest, decimal_comma, lead=value)  # "100k", "1.9 million", "2 dozens"
    return value if value is not None and value <= _LARGEST else None  # inf and nan fail the test too


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


_SYMBOLS = {"<": Qualifier.LESS_THAN, "<=": Qualifier.UP_TO, ">": Qualifier.MORE_THAN,
            ">=": Qualifier.AT_LEAST, "~": Qualifier.ABOUT, "+": Qualifier.AT_LEAST}


@lru_cache(maxsize=16)
def _qualifier_table(table: tuple[tuple[str, Qualifier], ...]) -> tuple[tuple[regex.Pattern, Qualifier], ...]:
    """The lexicon's phrases compiled once (a lexicon is fixed once the rules are loaded)."""
    return tuple((compiled(pattern, regex.IGNORECASE | regex.V0), q) for pattern, q in table)


@lru_cache(maxsize=1024)  # a few hundred phrases stand before and after the numbers of an archive
def _qualifier_of(phrase: str, table: tuple[tuple[str, Qualifier], ...]) -> Qualifier | None:
    phrase = " ".join(phrase.lower().split())
    for pattern, qualifier in _qualifier_table(table) + _qualifier_table(_INCLUSIVE):
        if pattern.fullmatch(phrase):
            return qualifier
    return _SYMBOLS.get(phrase.replace(" ", ""))  # "< = 100"


# "or equal to" after a strict bound includes the bound: "more than 5000 or equal to" is at least.
_OR_EQUAL = {Qualifier.MORE_THAN: Qualifier.AT_LEAST, Qualifier.LESS_THAN: Qualifier.UP_TO}


def _qualifier(before: Qualifier | None, after: Qualifier | None, or_equal: bool) -> Qualifier:
    """The qualifier of a number from the phrases around it: a bound after the number wins over an
    "equal to" before it ("equal to 5000 or less" is up to 5000), and "or equal to" includes a strict
    bound."""
    qualifier = after if after and before in (None, Qualifier.EXACT) else before or after or Qualifier.EXACT
    return _OR_EQUAL.get(qualifier, qualifier) if or_equal else qualifier


_LETTER = compiled(r"(?i)[a-z]")
_PARENTHESIS = compiled(r"\s*\(.*\)$")  # an amount repeated in brackets, "eight (8)", is read once


def _interval(m: regex.Match, decimal_comma: bool) -> tuple[Number, str] | None:
    """Both bounds given with their qualifiers ("above 1000 and below 1500"), as a range; whether
    each bound is included does not matter to a count of people."""
    low, high = amount_value(m["lowb"], decimal_comma), amount_value(m["highb"], decimal_comma)
    if low is None or high is None or not low < high:
        return None
    return Number(low, low, high, Qualifier.RANGE, Unit.PERSONS), "range"


def _number_of(m: regex.Match, lexicon: NumberLexicon, decimal_comma: bool) -> tuple[Number, str] | None:
    unit = Unit.PERCENT if m["percent"] or m["lowpct"] else Unit.PERSONS
    if m["lowq"]:
        return _interval(m, decimal_comma)
    before = _qualifier_of(m["before"], lexicon.before) if m["before"] else None
    after = _qualifier_of(m["after"], lexicon.after) if m["after"] else None
    low_text = m["low"] or m["low2"] or m["low3"]
    high_text = m["high"] or m["high2"] or m["high3"]
    if low_text is not None:
        low, high = amount_value(low_text, decimal_comma), amount_value(high_text, decimal_comma)
        if low is None or high is None or not low < high:
            return None
        if dates.YEAR.fullmatch(low_text) and dates.DAY_BEFORE.search(m.string, max(0, m.start() - 20), m.start()):
            # "the totals since October 7, 2023 to 60,034": a date's year, then the figure
            return Number(high, high, high, Qualifier.EXACT, unit), "digits"
        if high >= 1000 and low < 100 and not _LETTER.search(low_text):
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
        _PARENTHESIS.sub("", text), decimal_comma)
    if value is None:
        return None
    qualifier = _qualifier(before, after, bool(m["orequal"]))
    lower, upper = _bounds(value, qualifier, lexicon.tolerance)
    kind = "percent" if unit is Unit.PERCENT else ("digits" if text[0].isdigit() or text[0] == "." else "words")
    return Number(value, lower, upper, qualifier, unit), kind


@lru_cache(maxsize=64)
def uses_decimal_comma(locale: str) -> bool:
    """True when `locale` ("de", "fr-FR", "pt_BR") writes decimals with a comma, as CLDR says."""
    if not locale:
        return False
    from babel import Locale, UnknownLocaleError  # noqa: PLC0415  (only for documents with a locale)
    from babel.numbers import get_decimal_symbol  # noqa: PLC0415

    try:
        return get_decimal_symbol(Locale.parse(locale.replace("-", "_"))) == ","
    except (UnknownLocaleError, ValueError, TypeError):
        return False


@lru_cache(maxsize=8)
def _gate(lexicon: NumberLexicon) -> regex.Pattern:
    """What every number phrase contains: a digit, a number word, a vague phrase or an idiom. One
    search for it is far cheaper than finding where phrases can begin, and many sentences of news
    name no number."""
    vague, idioms = _literal_phrases(lexicon)
    return compiled(rf"\d|\b(?:{_WORD}|{vague}|{idioms})\b", regex.IGNORECASE | regex.V0)


# Where a number phrase can begin, besides the words `_first_words` tests: a punctuation mark ("<",
# "~"), and "between"/"from", which the grammar does not require to begin a word.
_MARKS = compiled(r"[^\w\s]|between|from", regex.IGNORECASE | regex.V0)


@lru_cache(maxsize=8)
def _starts(lexicon: NumberLexicon) -> Starts:
    """Where a number phrase can begin: at a word that can be its first (a qualifier's, a number
    word, digits, a vague phrase's or an idiom's, "half" of "half a dozen"), or at `_MARKS`; most words
    of news begin none."""
    before = "|".join([*(p for p, _ in _INCLUSIVE), _spaced(p for p, _ in lexicon.before)])
    vague, idioms = _literal_phrases(lexicon)
    first_words = compiled(rf"(?:{before}|{_WORD}|an?|half|{vague}|{idioms})(?!\w)|\d", regex.IGNORECASE | regex.V0)
    return Starts([first_words], also=_MARKS)


def scan(text: str, lexicon: NumberLexicon, decimal_comma: bool = False) -> Iterator[NumberMatch]:
    """Every number phrase in `text`, left to right, with the number it names."""
    if _gate(lexicon).search(text, timeout=MATCH_TIMEOUT) is None:
        return
    for m in matches_at(_grammar(lexicon, decimal_comma), text, _starts(lexicon)(text)[0]):
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
        yield NumberMatch(start, end, number, kind, m.end("before") if m["before"] else start)


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
