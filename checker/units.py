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
# What the claim table holds, by the name a figure's unit has in _DEFINITIONS
_TABLE_UNITS = {"person": Unit.PERSONS, "percent": Unit.PERCENT}


@lru_cache(maxsize=4)
def registry(persons_per_household: float | None = None):
    """A pint registry holding only the units a claim can have (fast to build, no default units)."""
    import pint  # noqa: PLC0415  (0.2-0.4 s to import, with the numpy and dask it loads: only to convert)

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
    if counted in _TABLE_UNITS:  # nothing to convert, and no pint to load for it
        return float(value), _TABLE_UNITS[counted]
    if not persons_per_household:  # pint would refuse too: households are their own dimension then
        return None
    import pint  # noqa: PLC0415

    quantity = registry(persons_per_household).Quantity(value, counted)
    for unit, name in ((Unit.PERSONS, "person"), (Unit.PERCENT, "percent")):
        try:
            return float(quantity.to(name).magnitude), unit
        except pint.DimensionalityError:
            continue
    return None
