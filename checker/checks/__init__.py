"""The checks: one module per check, each a pure function from claims (and options) to problems.

A check module declares `ID`, `DEFAULTS` (its options, `severity` and `enabled` among them) and
`run(context, options) -> Iterator[Problem]`; its docstring is its documentation. A check never
reads files, prints, or picks a final severity: the pipeline stamps the configured one (one level
lower for problems the check marks `minor`).
"""
from __future__ import annotations

from types import ModuleType
from typing import Any

from ..rules import RulesError
from . import (cross_source, decrease, implausible_rate, increase, part_whole, percent, reference,
               superseded, transposed, undated, within_document)
from .base import CheckContext, Problem

__all__ = ["CheckContext", "Problem", "REGISTRY", "configure", "get"]

SEVERITIES = ("error", "warning", "info")


REGISTRY: dict[str, ModuleType] = {m.ID: m for m in (
    decrease, increase, superseded, cross_source, transposed, part_whole, percent, reference, implausible_rate,
    within_document, undated)}


def get(check_id: str) -> ModuleType:
    try:
        return REGISTRY[check_id]
    except KeyError:
        raise RulesError(f"no such check {check_id!r}; known checks: {', '.join(sorted(REGISTRY))}") from None


def _checked(value: Any, default: Any, key: str, where: str) -> Any:
    """`value` if it has the type of `default` (an int may stand for a float), else RulesError."""
    def fail(expected: str) -> RulesError:
        return RulesError(f"{where}: key {key}: expected {expected}, got {value!r}")

    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise fail("true or false")
        return value
    if isinstance(default, (int, float)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (
                isinstance(default, int) and not isinstance(value, int)):
            raise fail("an integer" if isinstance(default, int) else "a number")
        if value < 0:
            raise fail("a number of at least 0")
        return float(value) if isinstance(default, float) else value
    if isinstance(default, list):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail("a list of names")
        return value
    if isinstance(default, dict):
        if not isinstance(value, dict) or not all(
                isinstance(v, (int, float)) and not isinstance(v, bool) and v > 0 for v in value.values()):
            raise fail("a mapping of names to positive numbers")
        return value
    if not isinstance(value, type(default)):
        raise fail(type(default).__name__)
    return value


def configure(configured: dict[str, dict[str, Any]], where: str = "checks.yaml") -> dict[str, dict[str, Any]]:
    """Each check's options: its DEFAULTS overridden by `configured` (the `checks` key of
    rules/checks.yaml). An unknown check or option, or a value of the wrong type, is a RulesError
    naming the file and the key."""
    options: dict[str, dict[str, Any]] = {}
    for check_id in configured:
        if check_id not in REGISTRY:
            raise RulesError(f"{where}: key checks.{check_id}: no such check; "
                             f"known checks: {', '.join(sorted(REGISTRY))}")
    for check_id, module in REGISTRY.items():
        merged = {"enabled": True, **module.DEFAULTS}
        given = configured.get(check_id) or {}
        if not isinstance(given, dict):
            raise RulesError(f"{where}: key checks.{check_id}: expected a mapping of options, got {given!r}")
        for key, value in given.items():
            if key not in merged:
                raise RulesError(f"{where}: key checks.{check_id}.{key}: unknown option; "
                                 f"allowed: {', '.join(sorted(merged))}")
            merged[key] = _checked(value, merged[key], f"checks.{check_id}.{key}", where)
        if merged["severity"] not in SEVERITIES:
            raise RulesError(f"{where}: key checks.{check_id}.severity: expected one of {', '.join(SEVERITIES)}, "
                             f"got {merged['severity']!r}")
        options[check_id] = merged
    return options
