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
               undated, within_document)
from .base import CheckContext, Problem

__all__ = ["CheckContext", "Problem", "REGISTRY", "configure", "get"]


REGISTRY: dict[str, ModuleType] = {m.ID: m for m in (
    decrease, increase, cross_source, part_whole, percent, reference, implausible_rate, within_document, undated)}


def get(check_id: str) -> ModuleType:
    try:
        return REGISTRY[check_id]
    except KeyError:
        raise RulesError(f"no such check {check_id!r}; known checks: {', '.join(sorted(REGISTRY))}") from None


def configure(configured: dict[str, dict[str, Any]], where: str = "rules/checks.yaml") -> dict[str, dict[str, Any]]:
    """Each check's options: its DEFAULTS overridden by `configured`, checked by name and type."""
    options: dict[str, dict[str, Any]] = {}
    for check_id in configured:
        if check_id not in REGISTRY:
            raise RulesError(f"{where}: key checks.{check_id}: no such check; known checks: {', '.join(sorted(REGISTRY))}")
    for check_id, module in REGISTRY.items():
        merged = {"enabled": True, **module.DEFAULTS}
        for key, value in (configured.get(check_id) or {}).items():
            if key not in merged:
                raise RulesError(f"{where}: key checks.{check_id}.{key}: unknown option; "
                                 f"allowed: {', '.join(sorted(merged))}")
            expected = type(merged[key])
            if expected is float and isinstance(value, int) and not isinstance(value, bool):
                value = float(value)
            if merged[key] is not None and not isinstance(value, expected):
                raise RulesError(f"{where}: key checks.{check_id}.{key}: expected {expected.__name__}, got {value!r}")
            merged[key] = value
        options[check_id] = merged
    return options


