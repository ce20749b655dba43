"""The findings as a JSON array (SPEC 4 fields, then locations and the suggested action)."""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import fields
from json.encoder import encode_basestring

from ..model import FINDING_COLUMNS, Finding, Location
from .context import ReportContext

_LOCATION_FIELDS = tuple(f.name for f in fields(Location))


def record(f: Finding) -> dict:
    """A finding as plain data, SPEC 4 fields first, in a fixed order."""
    data = {name: getattr(f, name) for name in FINDING_COLUMNS}
    data["severity"] = f.severity.value
    for name in ("claim_ids", "docs", "values", "dates"):
        data[name] = list(data[name])
    # `dataclasses.asdict` would deep-copy each field, which plain strings and numbers do not need
    data["locations"] = [{name: getattr(loc, name) for name in _LOCATION_FIELDS} for loc in f.locations]
    data["action"] = f.action
    return data


def _scalar(value) -> str:
    if type(value) is str:
        return encode_basestring(value)
    if type(value) is int:
        return int.__repr__(value)
    return json.dumps(value, ensure_ascii=False)  # floats, booleans, None, subclasses: as json writes them


_ARRAYS = (list, tuple, Iterator)
_CONTAINERS = (dict, *_ARRAYS)


def dumps(value) -> str:
    """`json.dumps(value, indent=2, ensure_ascii=False)`, byte for byte, for data whose mappings have
    string keys; an iterator also stands for an array. With an indent the standard library encodes
    in pure Python, a generator per level; here strings are escaped by its C function and each level
    is one loop: twice as fast. An iterator's items are made and written one at a time, so a
    report's records never all exist at once: none of them is left for the garbage collector."""
    out: list[str] = []
    append = out.append

    def encode(value, pad: str) -> None:  # `pad`: a line break and the indent of `value`'s own line
        inner = pad + "  "
        if isinstance(value, dict):
            if not value:
                append("{}")
                return
            separator = "{" + inner
            for key, item in value.items():
                if type(item) is str:  # most values: the quickest test first
                    append(f"{separator}{encode_basestring(key)}: {encode_basestring(item)}")
                elif isinstance(item, _CONTAINERS):
                    append(f"{separator}{encode_basestring(key)}: ")
                    encode(item, inner)
                else:
                    append(f"{separator}{encode_basestring(key)}: {_scalar(item)}")
                separator = "," + inner
            append(pad + "}")
        elif isinstance(value, _ARRAYS):
            if isinstance(value, (list, tuple)) and value and all(type(item) is str for item in value):
                append("[" + inner + ("," + inner).join(map(encode_basestring, value)) + pad + "]")  # ids, dates
                return
            separator = "[" + inner  # written with the first item
            for item in value:
                if isinstance(item, _CONTAINERS):
                    append(separator)
                    encode(item, inner)
                else:
                    append(separator + _scalar(item))
                separator = "," + inner
            append("[]" if separator == "[" + inner else pad + "]")
        else:
            append(_scalar(value))

    encode(value, "\n")
    return "".join(out)


def render(findings: list[Finding], context: ReportContext) -> str:
    """The findings array; for a draft checked against an archive, {"findings": [...], "verdicts": [...]}."""
    data: Iterator | dict = map(record, findings)
    if context.verdicts:
        from ..verdicts import record as verdict  # noqa: PLC0415

        data = {"findings": data, "verdicts": map(verdict, context.verdicts)}
    return dumps(data) + "\n"
