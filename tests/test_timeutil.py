from datetime import datetime, timezone

import pytest

from rempart.timeutil import utc_instant


def test_dates_times_offsets_and_z_become_utc():
    assert utc_instant("2026-03-01") == datetime(2026, 3, 1, tzinfo=timezone.utc)
    assert utc_instant("2026-03-01T12:00:00Z") == datetime(2026, 3, 1, 12, tzinfo=timezone.utc)
    assert utc_instant("2026-03-01T14:00:00+02:00") == datetime(2026, 3, 1, 12, tzinfo=timezone.utc)
    assert utc_instant(datetime(2026, 3, 1, 12)).tzinfo == timezone.utc


@pytest.mark.parametrize("bad", ["", "yesterday", "2026-13-01", "01/03/2026"])
def test_anything_else_is_a_value_error(bad):
    with pytest.raises(ValueError):
        utc_instant(bad)
