"""Publication dates from whatever an input gives (ISO strings, RFC 822, '27 Oct 2025', struct_time) to YYYY-MM-DD."""
from __future__ import annotations

import datetime as dt
import re
import time
from typing import Any, Optional

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def iso_date(value: Any) -> Optional[str]:
    """YYYY-MM-DD, or None when `value` holds no full date.

    A date without a year ('October 27') is not completed with the current year: an analyst would
    rather have no publication date than a wrong one.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        try:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
        except ValueError:
            return None
    s = str(value).strip()
    if not s or len(s) > 80:
        return None
    m = _ISO.match(s)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    if not _YEAR.search(s):
        return None
    try:
        import dateparser  # slow to import; only paid for when a loose date string turns up

        parsed = dateparser.parse(s, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first",
                                                                 "RETURN_AS_TIMEZONE_AWARE": False,
                                                                 "REQUIRE_PARTS": ["day", "month", "year"]})
    except Exception:  # dateparser raises assorted errors on odd strings; no date is the answer
        return None
    return parsed.date().isoformat() if parsed else None
