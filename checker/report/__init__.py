"""Output formats: one module per format, each a pure `render(findings, context) -> str`.

`FORMATS` maps a format name to its renderer; only the CLI writes the result anywhere.
"""
from __future__ import annotations

from typing import Callable

from . import csv_format, github, json_format, markdown, sarif, text
from .context import ReportContext

Renderer = Callable[..., str]

FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_format.render,
    "csv": csv_format.render,
    "markdown": markdown.render,
    "sarif": sarif.render,
    "github": github.render,
}

__all__ = ["FORMATS", "ReportContext"]
