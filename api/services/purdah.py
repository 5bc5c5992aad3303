"""When a pre-election period starts: the notice of election, or the latest day it may be given.

The notice of election must be published no later than the 25th working day before polling day.
Saturdays, Sundays, Christmas Eve, Christmas Day, Good Friday and the bank holidays of the
council's nation are not working days (Representation of the People Act 1983, election rules).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays
from dateutil.easter import easter

WORKING_DAYS_BEFORE_POLL = 25
SUBDIVISIONS = {"ENG": "ENG", "WLS": "WLS", "SCT": "SCT", "NIR": "NIR"}


@lru_cache(maxsize=64)
def _bank_holidays(nation: str, year: int) -> frozenset[date]:
    days = holidays.country_holidays("GB", subdiv=SUBDIVISIONS[nation], years=year)
    return frozenset(days)


def _good_friday(year: int) -> date:
    """Return Good Friday: named by the election rules whatever the nation's bank holidays."""
    return easter(year) - timedelta(days=2)


def is_working_day(day: date, nation: str) -> bool:
    """Tell whether a day counts in the election timetable for this nation."""
    if day.weekday() >= 5:
        return False
    if (day.month, day.day) in {(12, 24), (12, 25)}:
        return False
    if day == _good_friday(day.year):
        return False
    return day not in _bank_holidays(nation, day.year)


def purdah_start(poll_date: date, nation: str = "ENG") -> date:
    """Return the 25th working day before polling day: the latest the notice may be published."""
    if nation not in SUBDIVISIONS:
        raise ValueError(f"unknown nation {nation!r}: use one of {', '.join(SUBDIVISIONS)}")
    day, counted = poll_date, 0
    while counted < WORKING_DAYS_BEFORE_POLL:
        day -= timedelta(days=1)
        if is_working_day(day, nation):
            counted += 1
    return day
