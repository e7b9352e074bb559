"""Dates of a whole column at once: byte strings -> date ordinals (``date.toordinal()``).

``YYYY-MM-DD`` optionally followed by a time (what Taobao, 有赞 and most exports write) is
converted with integer arithmetic over the column; every other spelling that
:func:`~workbench.customers.values.date_ordinal` accepts is parsed once per distinct value.
Unreadable dates are ``-1``.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from workbench.customers.values import date_ordinal

_DAYS_IN_MONTH = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)
_ORDINAL_1970 = 719163
_DIGIT_AT = (0, 1, 2, 3, 5, 6, 8, 9)


def ordinals(values: npt.NDArray[np.bytes_], encoding: str) -> npt.NDArray[np.int64]:
    """Date ordinal per value, ``-1`` where it is not a date."""
    out = np.full(values.size, -1, dtype=np.int64)
    if values.size == 0:
        return out
    head = np.ascontiguousarray(values.astype("S11")).view(np.uint8).reshape(-1, 11)
    digits = head[:, _DIGIT_AT].astype(np.int64) - 48
    shaped = (
        np.all((digits >= 0) & (digits <= 9), axis=1)
        & (head[:, 4] == 45)
        & (head[:, 7] == 45)
        & np.isin(head[:, 10], (0, 32, 84))  # end, space, "T"
    )
    year = digits[:, 0] * 1000 + digits[:, 1] * 100 + digits[:, 2] * 10 + digits[:, 3]
    month = digits[:, 4] * 10 + digits[:, 5]
    day = digits[:, 6] * 10 + digits[:, 7]
    month_ok = (month >= 1) & (month <= 12)
    safe_month = np.where(month_ok, month, 1)
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    limit = _DAYS_IN_MONTH[safe_month - 1] + ((safe_month == 2) & leap)
    good = shaped & month_ok & (year >= 1) & (day >= 1) & (day <= limit)
    out[good] = _days_from_civil(year[good], month[good], day[good]) + _ORDINAL_1970
    rest = np.flatnonzero(~good)
    if rest.size:
        distinct, inverse = np.unique(values[rest], return_inverse=True)
        parsed = np.array(
            [_slow(v.decode(encoding, errors="replace")) for v in distinct.tolist()],
            dtype=np.int64,
        )
        out[rest] = parsed[inverse.reshape(-1)]
    return out


def _slow(text: str) -> int:
    value = date_ordinal(text)
    return -1 if value is None else value


def _days_from_civil(
    year: npt.NDArray[np.int64], month: npt.NDArray[np.int64], day: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """Days since 1970-01-01 of proleptic Gregorian dates (H. Hinnant's algorithm)."""
    y = year - (month <= 2)
    era = y // 400
    yoe = y - era * 400
    mp = np.where(month > 2, month - 3, month + 9)
    doy = (153 * mp + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    result: npt.NDArray[np.int64] = era * 146097 + doe - 719468
    return result
