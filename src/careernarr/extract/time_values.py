"""Normalized times as EDTF strings and durations as ISO 8601.

A :class:`When` is a stretch of the calendar — a point (``2025-03``), an
interval (``2025-01/2025-03``), an EDTF season (``2025-21``), a decade
(``199X``) — that can be joined with another into a range and written as
EDTF. :func:`iso_duration` writes ``3`` months as ``P3M``.
"""

from __future__ import annotations

import calendar
import datetime as _dt

import attrs
from attrs import frozen

__all__ = ["Date", "When", "days_of", "iso_duration", "month_shift", "parse_reference"]

#: ``(year, month or None, day or None)``.
Date = tuple[int, int | None, int | None]

#: EDTF season codes → the months they span (northern meteorological seasons).
SEASON_MONTHS: dict[int, tuple[int, int]] = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 2)}


def _fmt(date: Date) -> str:
    y, m, d = date
    out = f"{y:04d}"
    if m is not None:
        out += f"-{m:02d}"
        if d is not None:
            out += f"-{d:02d}"
    return out


def _lo_key(date: Date) -> tuple[int, int, int]:
    return (date[0], date[1] or 1, date[2] or 1)


def _hi_key(date: Date) -> tuple[int, int, int]:
    return (date[0], date[1] or 12, date[2] or 31)


@frozen
class When:
    """A place on the calendar from ``lo`` to ``hi`` (equal for a point)."""

    lo: Date
    hi: Date
    season: int | None = None
    approx: bool = False
    open_end: bool = False
    decade: str | None = None

    @classmethod
    def point(cls, year: int, month: int | None = None, day: int | None = None) -> When:
        """A year, a month or a day."""
        return cls((year, month, day), (year, month, day))

    @classmethod
    def months(cls, year: int, first: int, last: int) -> When:
        """Months ``first``…``last`` of ``year`` (a single month is a point)."""
        return cls((year, first, None), (year, last, None))

    @classmethod
    def days(cls, year: int, month: int, first: int, last: int) -> When:
        """Days ``first``…``last`` of a month (``last`` 31 is cut to the month's end)."""
        last = min(last, calendar.monthrange(year, month)[1])
        return cls((year, month, first), (year, month, last))

    @classmethod
    def of_season(cls, year: int, code: int) -> When:
        """An EDTF season: 21 spring … 24 winter."""
        first, last = SEASON_MONTHS[code]
        return cls((year, first, None), (year + 1 if last < first else year, last, None), season=code)

    @property
    def year(self) -> int:
        """The year this time ends in (what "the year in context" becomes)."""
        return self.hi[0] if not self.open_end else self.lo[0]

    @property
    def is_point(self) -> bool:
        """A single date (not an interval, season or decade)."""
        return self.lo == self.hi and self.season is None and self.decade is None and not self.open_end

    def approximate(self) -> When:
        """The same time marked approximate (``2025~``)."""
        return attrs.evolve(self, approx=True)

    def until(self, other: When) -> When | None:
        """The range from this time to ``other``, or ``None`` if ``other`` ends first."""
        if _hi_key(other.hi) < _lo_key(self.lo):
            return None
        return When(self.lo, other.hi)

    def until_open(self) -> When:
        """From this time on, with no end (``2019/..``)."""
        return When(self.lo, self.lo, open_end=True)

    def edtf(self) -> str:
        """The EDTF string."""
        if self.decade is not None:
            return self.decade
        if self.season is not None:
            return f"{self.lo[0]:04d}-{self.season}" + ("~" if self.approx else "")
        if self.open_end:
            return f"{_fmt(self.lo)}/.."
        mark = "~" if self.approx else ""
        if self.lo == self.hi:
            return _fmt(self.lo) + mark
        return f"{_fmt(self.lo)}{mark}/{_fmt(self.hi)}{mark}"  # about 2017 to 2020: 2017~/2020~


def month_shift(year: int, month: int, delta: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``delta`` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def days_of(date: _dt.date, delta_days: int) -> When:
    """The day ``delta_days`` away from ``date``."""
    day = date + _dt.timedelta(days=delta_days)
    return When.point(day.year, day.month, day.day)


def parse_reference(value: str | None) -> Date | None:
    """The ``(year, month, day)`` of an EDTF/ISO reference date (precision kept)."""
    if not value:
        return None
    text = value.strip()
    if len(text) < 4 or not text[:4].isdigit():
        return None
    year = int(text[:4])
    month = day = None
    if len(text) >= 7 and text[4] == "-" and text[5:7].isdigit():
        month = int(text[5:7])
        if not 1 <= month <= 12:
            return (year, None, None)
        if len(text) >= 10 and text[7] == "-" and text[8:10].isdigit():
            day = int(text[8:10])
            if not 1 <= day <= calendar.monthrange(year, month)[1]:
                day = None
    return (year, month, day)


#: A fraction of a unit that fits the next one exactly becomes it (1.5 years is P1Y6M).
_SMALLER: dict[str, tuple[str, int]] = {
    "Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("TH", 24), "TH": ("TM", 60), "TM": ("TS", 60),
}
_ORDER = ("Y", "M", "W", "D", "TH", "TM", "TS")


def _number(value: float) -> str:
    if value == int(value):
        return str(int(value))
    return f"{value:.3f}".rstrip("0").rstrip(".")


def iso_duration(parts: list[tuple[float, str]]) -> str | None:
    """An ISO 8601 duration from ``(amount, designator)`` pairs.

    Designators are ``Y M W D`` and ``TH TM TS`` for hours, minutes,
    seconds. A half that fits the next unit exactly becomes it (``1.5`` years
    is ``P1Y6M``, half a month ``P15D``: a month counted as thirty days); otherwise the last component keeps a decimal (``P0.5M``).
    ``None`` if a unit repeats or the amounts are not positive.
    """
    amounts: dict[str, float] = {}
    for amount, unit in parts:
        if amount <= 0 or unit not in _ORDER or unit in amounts:
            return None
        amounts[unit] = amount
    for unit in _ORDER:
        if unit not in amounts or unit not in _SMALLER:
            continue
        amount = amounts[unit]
        if amount == int(amount):
            continue
        target, factor = _SMALLER[unit]
        rest = (amount - int(amount)) * factor
        if rest == int(rest) and target not in amounts:
            amounts[target] = rest
            if int(amount):
                amounts[unit] = int(amount)
            else:
                del amounts[unit]
    date_part = "".join(f"{_number(amounts[u])}{u}" for u in ("Y", "M", "W", "D") if u in amounts)
    time_part = "".join(f"{_number(amounts[u])}{u[1]}" for u in ("TH", "TM", "TS") if u in amounts)
    if "W" in amounts and len(amounts) > 1:
        # ISO 8601 does not mix weeks with other units: count them as days.
        weeks = amounts.pop("W")
        amounts["D"] = amounts.get("D", 0) + weeks * 7
        date_part = "".join(f"{_number(amounts[u])}{u}" for u in ("Y", "M", "D") if u in amounts)
    if not date_part and not time_part:
        return None
    return "P" + date_part + ("T" + time_part if time_part else "")
