"""What the checks share: rows as dicts, read the way pandas gives them."""
from __future__ import annotations

import math

import pandas as pd
from conftest import text_claims

from checker.checks.base import claim_records, records
from checker.extract import claims_frame
from checker.series import intervals


def _same(a, b) -> bool:
    if type(a) is not type(b):
        return False
    return (a is b) if a is pd.NaT else (math.isnan(a) and math.isnan(b)) if isinstance(a, float) and math.isnan(a) else a == b


def test_records_are_to_dict_records_value_for_value():
    # dated and undated claims (NaT), bounded and open intervals (NA in the nullable bounds, inf in lo/hi)
    claims = text_claims(("At least 1,200 people were killed in Israel, officials said. "
                          "Between 18,000 and 20,000 people have died, the ministry said.", "2023-10-12"),
                         ("More than 300 people were injured.", None))
    table = intervals(claims_frame(claims)).assign(dated=lambda t: t["date"].notna())
    expected = table.to_dict("records")
    assert len(expected) == 3 and table["upper"].isna().any() and table["date"].isna().any()
    got = records(table)
    assert [list(row) for row in got] == [list(row) for row in expected]
    assert all(_same(row[k], want[k]) for row, want in zip(got, expected) for k in want)
    # a selection of rows and columns, as messages take them
    picked = claim_records(table, [2, 0])
    assert [row["claim_id"] for row in picked] == [claims[2].claim_id, claims[0].claim_id]
    assert picked[0]["date"] is pd.NaT and picked[1]["lower"] == 1200 and picked[1]["upper"] is None
