"""The interval a qualifier allows around a stated figure ("about 100" -> [90, 110]).

`MODES` maps each qualifier mode that `newsweave.quantity_parser` recognises to the
`Quantity.qualifier` it reports and the factors applied to the figure; `qualifier_interval`
turns a mode and a figure into (low, high). The rules are listed under "Intervals" in the
`newsweave.quantities` docstring.
"""

from __future__ import annotations

import math

INF = math.inf
APPROX = 0.10  # "about X": +-10 %
APPROX_DOZEN = 0.15
# mode -> (qualifier, low factor, high factor) applied to the stated figure
MODES: dict[str, tuple[str, float, float]] = {
    "exact": ("exact", 1, 1), "approx": ("approximate", 1, 1), "nearly": ("approximate", 0.9, 1),
    "more": ("more_than", 1, INF), "well_over": ("more_than", 1.05, INF),
    "just_over": ("more_than", 1, 1.1), "at_least": ("at_least", 1, INF),
    "less": ("less_than", 0, 1), "just_under": ("less_than", 0.9, 1), "up_to": ("up_to", 0, 1),
    "as_many": ("up_to", 0.5, 1),
}  # fmt: skip


def qualifier_interval(mode: str, value: float, kind: str, dozen: bool) -> tuple[float, float]:
    """The interval a qualifier allows around a stated figure ("Intervals" in the
    `newsweave.quantities` docstring)."""
    if mode == "approx":
        if kind in ("year", "date", "time", "ordinal"):
            return value - 1, value + 1
        delta = value * (APPROX_DOZEN if dozen else APPROX)
        if kind != "count":
            return value - delta, value + delta
        delta = max(delta, 1.0)
        return float(math.floor(round(value - delta, 6))), float(math.ceil(round(value + delta, 6)))
    _, low_factor, high_factor = MODES.get(mode, MODES["exact"])
    low = value * low_factor
    if kind == "count" and low_factor not in (0, 1):
        low = float(math.floor(round(low, 6)))
    return low, INF if high_factor == INF else value * high_factor
