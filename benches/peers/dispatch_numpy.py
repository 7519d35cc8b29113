#!/usr/bin/env python3
"""The Python side of the dispatch comparison: what a data team would write without comptoir.

numpy's business-day functions over the metropolitan French public holidays of the
`holidays` package, and pandas to read each order's instant on the Europe/Paris clock. The
workload and the rule are described in README.md beside this file; this script and the
workspace's `dispatch_throughput` example compute the same two days per order and must print
the same checksum.

Usage: dispatch_numpy.py [ORDERS]   (default 1000000)
Prints: peer=numpy orders=N ns_per_order=X checksum=C
"""

import sys
import time

import holidays
import numpy as np
import pandas as pd

FIRST_SECOND = 1_767_225_600  # 2026-01-01T00:00:00Z
SPAN_SECONDS = 63_072_000  # two years: up to 2027-12-31T23:59:59Z
CUTOFF_HOUR = 11  # DISP-1: from 11:00:00 on, the next business day
PROMISE = 3  # DISP-3: dispatched at the latest 3 business days after


def order_seconds(count: int) -> np.ndarray:
    """Unix seconds of the orders: xorshift64 (shifts 13, 7, 17) from the seed 42."""
    state = 42
    wide = (1 << 64) - 1
    seconds = np.empty(count, dtype=np.int64)
    for i in range(count):
        state ^= (state << 13) & wide
        state ^= state >> 7
        state ^= (state << 17) & wide
        seconds[i] = FIRST_SECOND + state % SPAN_SECONDS
    return seconds


def shop_calendar() -> np.busdaycalendar:
    """Monday to Friday, without the metropolitan public holidays (Whit Monday included)."""
    closed = sorted(holidays.France(years=range(2025, 2031)))
    return np.busdaycalendar(weekmask="Mon Tue Wed Thu Fri", holidays=closed)


def dispatch_days(seconds: np.ndarray, calendar: np.busdaycalendar):
    """The day each order is taken into account (DISP-1) and its dispatch-by day (DISP-3)."""
    paris = pd.to_datetime(seconds, unit="s", utc=True).tz_convert("Europe/Paris")
    local_day = paris.tz_localize(None).floor("D").values.astype("datetime64[D]")
    # Before the cutoff the order's own day may be the one; from the cutoff on, the next.
    first_candidate = local_day + (paris.hour.values >= CUTOFF_HOUR).astype(np.int64)
    taken = np.busday_offset(first_candidate, 0, roll="forward", busdaycal=calendar)
    dispatch_by = np.busday_offset(taken, PROMISE, roll="forward", busdaycal=calendar)
    return taken, dispatch_by


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    if count < 1:
        sys.exit("ORDERS must be at least 1")
    seconds = order_seconds(count)
    calendar = shop_calendar()
    fastest = None
    for _ in range(3):
        started = time.perf_counter()
        taken, dispatch_by = dispatch_days(seconds, calendar)
        elapsed = time.perf_counter() - started
        fastest = elapsed if fastest is None else min(fastest, elapsed)
    checksum = int(taken.astype(np.int64).sum()) + int(dispatch_by.astype(np.int64).sum())
    print(f"peer=numpy orders={count} ns_per_order={fastest / count * 1e9:.1f} checksum={checksum}")


if __name__ == "__main__":
    main()
