"""Units of what a figure counts, normalised with pint.

People, percentages and households are separate dimensions, so pint refuses to mix them: a count
of households becomes a count of people only when rules/units.yaml gives `persons_per_household`.
"""
from __future__ import annotations

from functools import lru_cache

from .model import Unit

_DEFINITIONS = """
person = [people] = persons = people
household = [household] = households
percent = 0.01 = %
"""


@lru_cache(maxsize=4)
def registry(persons_per_household: float | None = None):
    """A pint registry holding only the units a claim can have (fast to build, no default units)."""
    import pint  # noqa: PLC0415  (0.2 s to import: only where a claim is normalised)

    ureg = pint.UnitRegistry(None)
    definitions = _DEFINITIONS
    if persons_per_household:
        definitions = definitions.replace("household = [household]", f"household = {persons_per_household} person")
    for line in definitions.strip().splitlines():
        ureg.define(line)
    return ureg


def normalise(value: float, counted: str, persons_per_household: float | None = None) -> tuple[float, Unit] | None:
    """(value, unit) of a figure counting `counted` ("person", "percent", "household"), in the
    claim table's units; None when it counts nothing the table holds (households with no multiplier).
    """
    import pint  # noqa: PLC0415

    ureg = registry(persons_per_household)
    quantity = ureg.Quantity(value, counted)
    for unit, name in ((Unit.PERSONS, "person"), (Unit.PERCENT, "percent")):
        try:
            return float(quantity.to(name).magnitude), unit
        except pint.DimensionalityError:
            continue
    return None
