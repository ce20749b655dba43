"""casualty-check: extract casualty figures from news articles and check them against each other.

Stages, in the one direction data flows: `corpus` (documents) → `extract` (claims) → `series`
→ `checks` (findings) → `report` (formats); `pipeline` runs them, `cli` is the command line.
"""
from .model import Number
from .numbers import parse_number

__all__ = ["Number", "parse_number"]
__version__ = "0.1.0"
