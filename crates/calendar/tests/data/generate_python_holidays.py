"""Write the public holidays python-holidays gives for every comptoir region, 1950-2100.

The output is the oracle that tests/python_holidays_oracle.rs checks the calendar against, day
for day. It was generated once, with the command recorded in its header; run it again only to
compare with a newer python-holidays release (and record that release in the header).

One line per region and holiday name: `region | name | dates`, where each date token is either
`MM-DD/YYYY-YYYY` (that day in every year of the span) or `YYYY-MM-DD` (that one day). When two
holidays fall on one day, python-holidays lists both names; each name keeps its own line.
"""

import sys
from collections import defaultdict

import dateutil
import holidays

FIRST_YEAR = 1950
LAST_YEAR = 2100

# comptoir's region names (their serde and FromStr form) and python-holidays' subdivisions.
REGIONS = [
    ("metropolitan", None),
    ("alsace_moselle", "57"),
    ("guadeloupe", "GP"),
    ("martinique", "MQ"),
    ("guyane", "GY"),
    ("reunion", "RE"),
    ("mayotte", "YT"),
    ("saint_martin", "MF"),
    ("saint_barthelemy", "BL"),
]


def tokens(dates):
    """Group the dates of one holiday by month and day, then by runs of consecutive years."""
    by_day = defaultdict(list)
    for d in dates:
        by_day[(d.month, d.day)].append(d.year)
    out = []
    for (month, day), years in by_day.items():
        years.sort()
        run_start = previous = years[0]
        for year in years[1:] + [None]:
            if year is not None and year == previous + 1:
                previous = year
                continue
            if run_start == previous:
                out.append((run_start, month, day, f"{run_start:04}-{month:02}-{day:02}"))
            else:
                out.append((run_start, month, day, f"{month:02}-{day:02}/{run_start}-{previous}"))
            if year is not None:
                run_start = previous = year
    out.sort()
    return " ".join(t[3] for t in out)


def main():
    print(f"# Public holidays of France by region, {FIRST_YEAR}-{LAST_YEAR}, from python-holidays "
          f"{holidays.__version__}")
    print("# (https://github.com/vacanza/holidays): holidays.France(subdiv=..., language='fr'),")
    print(f"# public holidays only; Python {sys.version_info.major}.{sys.version_info.minor}, "
          f"python-dateutil {dateutil.__version__}.")
    print("# Generated once, from the workspace root, by:")
    print(f"#   python3 -m venv venv && venv/bin/pip install holidays=={holidays.__version__}")
    print("#   venv/bin/python crates/calendar/tests/data/generate_python_holidays.py \\")
    print("#     > crates/calendar/tests/data/python_holidays.txt")
    pairs = [f"{name} = {sub or 'no subdivision'}" for name, sub in REGIONS]
    print("# Regions (comptoir name = python-holidays subdivision):")
    print("#   " + ", ".join(pairs[:5]) + ",")
    print("#   " + ", ".join(pairs[5:]) + ".")
    print("# Lines: `region | name | dates`; a date is `MM-DD/YYYY-YYYY` (that day every year of the")
    print("# span) or `YYYY-MM-DD` (that one day). The calendar's deliberate differences are listed,")
    print("# with their sources, in tests/python_holidays_oracle.rs.")
    for region, subdiv in REGIONS:
        table = holidays.France(
            subdiv=subdiv, years=range(FIRST_YEAR, LAST_YEAR + 1), language="fr"
        )
        by_name = defaultdict(list)
        for date in sorted(table):
            for name in table.get_list(date):
                by_name[name].append(date)
        for name, dates in sorted(by_name.items(), key=lambda item: item[1][0].strftime("%m-%d")):
            print(f"{region} | {name} | {tokens(dates)}")


if __name__ == "__main__":
    sys.exit(main())
