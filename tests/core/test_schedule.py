import datetime as dt

import pytest

from studyapp.core.errors import ValidationError
from studyapp.core.schedule import next_meeting

SEOUL = dt.timezone(dt.timedelta(hours=9))


def test_weekly_monday_evening_in_seoul():
    # Sunday 2025-03-09 noon in Seoul -> Monday 2025-03-10 19:00 Seoul.
    after = dt.datetime(2025, 3, 9, 12, 0, tzinfo=SEOUL)
    found = next_meeting("FREQ=WEEKLY;BYDAY=MO;BYHOUR=19;BYMINUTE=0", "Asia/Seoul", after)
    assert found is not None
    assert (found.date(), found.hour, found.minute) == (dt.date(2025, 3, 10), 19, 0)


def test_second_thursday_of_the_month():
    after = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    found = next_meeting("FREQ=MONTHLY;BYDAY=2TH", "UTC", after)
    assert found is not None and found.date() == dt.date(2025, 1, 9)


def test_bad_rule_is_a_readable_error():
    with pytest.raises(ValidationError, match="recurrence rule"):
        next_meeting("FREQ=SOMETIMES", "UTC", dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
