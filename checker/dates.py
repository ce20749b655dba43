"""Dates as news text names them ("on Tuesday", "as of March 3", "Oct. 10"), resolved against a
reference date (the publication date): never in the future, never a silently assumed year.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

import regex
from dateutil import parser as dateutil_parser

from .user_cache import compiled

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
#: A date expression: weekday, "[Sunday, ]October 7[, 2023| last year]", "7 October [2023]", "October 2023", "yesterday".
#: Holidays on a fixed day of the calendar, as the month and day they stand for.
HOLIDAYS = {"christmas eve": "december 24", "christmas day": "december 25", "christmas": "december 25",
            "boxing day": "december 26", "new year's eve": "december 31", "new year's day": "january 1"}
HOLIDAY = "|".join(name.replace(" ", r"[ \t]+").replace("'", "['’]") for name in sorted(HOLIDAYS, key=len, reverse=True))
DATE = (rf"(?:(?:(?:{'|'.join(WEEKDAYS)}),?[ \t]+)?{_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?(?:,?[ \t]+\d{{4}}|[ \t]+last[ \t]+year)?"
        # ("last Friday", but not "last Friday's earthquake", which names the event)
        rf"|last[ \t]+(?:{'|'.join(WEEKDAYS)})(?![\w'’])|{'|'.join(WEEKDAYS)}|yesterday|today|{HOLIDAY}"
        rf"|\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{_MONTH}(?:,?[ \t]+\d{{4}})?"
        rf"|{_MONTH}[ \t]+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})")
DATE_PATTERN = compiled(rf"\b{DATE}\b", regex.IGNORECASE)
#: Words right before or after a number that make it part of a date ("Oct. 10", "7 October").
MONTH_BEFORE = compiled(rf"(?i)\b{_MONTH}[ \t]*$")
# "September 8, 2023 killed ...": a year right after a month and day is the date's, whatever follows it.
DAY_BEFORE = compiled(rf"(?i)\b{_MONTH}\.?[ \t]+\d{{1,2}}(?:[-–]\d{{1,2}})?(?:st|nd|rd|th)?,?[ \t]*$")
MONTH_AFTER = compiled(rf"(?i)^(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{_MONTH}(?!\w)")


YEAR = compiled(r"(?:1[89]|20)\d\d")
_END_OF_YEAR = compiled(r"(?:by )?the end of (the|this|last) year")


def _year_end(text: str, reference: date | None) -> date | None:
    """31 December of the year "2023", "last year" or "the end of the year" names; a year not yet
    over by `reference` ends on `reference` itself."""
    if YEAR.fullmatch(text):
        year = int(text)
        if reference is not None and year == reference.year:
            return reference
        return date(year, 12, 31)
    if reference is None:
        return None
    if text == "last year":
        return date(reference.year - 1, 12, 31)
    end = _END_OF_YEAR.fullmatch(text)
    if end:
        year = reference.year - (end[1] == "last")
        return date(year, 12, 31) if date(year, 12, 31) <= reference else date(year - 1, 12, 31)
    return None


def resolve(phrase: str, reference: date | None) -> date | None:
    """The date `phrase` names, on or before `reference`; None when it cannot be placed."""
    text = " ".join(phrase.lower().replace(".", " ").replace("’", "'").split())
    text = HOLIDAYS.get(text, text)
    year_end = _year_end(text, reference)
    if year_end is not None:
        return year_end if reference is None or year_end <= reference else None
    if reference is not None and text.endswith(" last year") and text != "last year":
        # "October 7 last year": the day in the year before the reference's
        return resolve(text[:-len(" last year")], date(reference.year - 1, 12, 31))
    if reference is None:
        # Only a phrase carrying its own year can be placed without a publication date.
        if not regex.search(r"\b\d{4}\b", text):
            return None
        reference = date.max
    if text in WEEKDAYS:
        return reference - timedelta(days=(reference.weekday() - WEEKDAYS.index(text)) % 7)
    if text.startswith("last ") and text[5:] in WEEKDAYS:
        # "last Friday": the latest Friday before the reference day, never the day itself
        return reference - timedelta(days=(reference.weekday() - WEEKDAYS.index(text[5:]) - 1) % 7 + 1)
    if text == "yesterday":
        return reference - timedelta(days=1)
    if text == "today":
        return reference
    has_year = bool(regex.search(r"\b\d{4}\b", text))
    has_day = bool(regex.search(r"(?<!\d)\d{1,2}(?!\d)", text))
    anchor = datetime(reference.year if reference != date.max else 2000, 1, 1)
    try:
        parsed = dateutil_parser.parse(text, default=anchor, fuzzy=False, dayfirst=False).date()
    except (ValueError, OverflowError):
        return None
    if not has_day:
        parsed = parsed.replace(day=1)
    if not has_year and parsed > reference:
        try:
            parsed = parsed.replace(year=parsed.year - 1)
        except ValueError:  # 29 February
            return None
    return parsed if parsed <= reference else None
