"""The pre-election period starts no later than the 25th working day before polling day."""

from datetime import date

import pytest

from api.services.purdah import is_working_day, purdah_start


@pytest.mark.parametrize(("poll", "nation", "start"), [
    (date(2024, 5, 2), "ENG", date(2024, 3, 26)),
    (date(2024, 5, 2), "WLS", date(2024, 3, 26)),
    (date(2024, 5, 2), "NIR", date(2024, 3, 26)),
    # Easter Monday is not a bank holiday in Scotland: one day later.
    (date(2024, 5, 2), "SCT", date(2024, 3, 27)),
    (date(2025, 5, 1), "ENG", date(2025, 3, 25)),
    (date(2025, 5, 1), "SCT", date(2025, 3, 26)),
    # Across Christmas: Christmas Eve, Christmas Day, Boxing Day and New Year's Day are skipped.
    (date(2025, 1, 30), "ENG", date(2024, 12, 20)),
    (date(2025, 1, 30), "WLS", date(2024, 12, 20)),
    (date(2025, 1, 30), "NIR", date(2024, 12, 20)),
    # Scotland also keeps 2 January.
    (date(2025, 1, 30), "SCT", date(2024, 12, 19)),
])
def test_purdah_start(poll, nation, start):
    assert purdah_start(poll, nation) == start


def test_christmas_eve_and_good_friday_are_not_working_days():
    assert not is_working_day(date(2024, 12, 24), "ENG")
    assert not is_working_day(date(2024, 3, 29), "SCT")
    assert is_working_day(date(2024, 4, 1), "SCT")
    assert not is_working_day(date(2024, 4, 1), "ENG")


def test_unknown_nation_is_refused():
    with pytest.raises(ValueError, match="unknown nation"):
        purdah_start(date(2025, 5, 1), "XX")
