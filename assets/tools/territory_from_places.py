#!/usr/bin/env python3
"""Build content/territory/control.geojson: approximate areas under ISIS control in Iraq and Syria.

Usage (Python 3 standard library only), from the repository root:

    python3 assets/tools/territory_from_places.py content/places.json assets/countries.json \
        content/territory/control.geojson

Method (stated in every feature's note, and shown in the map legend):
1. For each snapshot month, take the places in content/places.json whose `control` periods say the
   group held them on the 15th of that month (a period covers from `from` up to the day before `to`).
   Only places in Iraq and Syria count.
2. Link those places by a minimum spanning tree (great-circle distance), leaving out links longer
   than MAX_LINK_KM, so distant pockets stay separate.
3. Mark every cell of a 0.04-degree grid whose centre lies within BUFFER_KM of a link or a held place,
   and inside Iraq or Syria (assets/countries.json, Natural Earth).
4. Trace the outline of the marked cells, simplify it (Douglas-Peucker) and round its corners
   (Chaikin), and write a GeoJSON MultiPolygon (outer rings counter-clockwise, holes clockwise).

This is a rough illustration tied to the pack's own dated places; it is not a survey of front
lines. The radius was chosen so the early-2015 area is of the same order as IHS's measured
estimate (tens of thousands of km²); the real control pattern followed rivers, roads and towns.
"""

import json
import math
import sys

SNAPSHOTS = [
    "2014-01", "2014-06", "2014-09", "2015-01", "2015-06", "2016-01", "2016-06",
    "2017-01", "2017-07", "2017-11", "2018-06", "2019-03",
]
# After the last held place was retaken, a final empty snapshot says so.
END_SNAPSHOT = "2019-04"
COUNTRIES = ("SYR", "IRQ")
BUFFER_KM = 30.0
MAX_LINK_KM = 300.0
CELL_DEG = 0.04
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


# ------------------------------------------------------------------ dates

def day_number(text, end=False):
    """Days since 0000-03-01-ish for YYYY, YYYY-MM or YYYY-MM-DD (start of the period)."""
    parts = [int(p) for p in text.split("-")]
    y, m, d = parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1
    # days from civil (Howard Hinnant)
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m - 3 if m > 2 else m + 9) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def held_on(place, day):
    for period in place.get("control", []):
        start = day_number(period["from"])
        stop = day_number(period["to"]) if period.get("to") else None
        if start <= day and (stop is None or day < stop):
            return period
    return None


# ------------------------------------------------------------------ geometry helpers

def km_between(a, b):
    (lon1, lat1), (lon2, lat2) = a, b
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def minimum_spanning_tree(points):
    """Prim's algorithm; returns index pairs."""
    if not points:
        return []
    in_tree = {0}
    edges = []
    while len(in_tree) < len(points):
        best = None
        for i in in_tree:
            for j in range(len(points)):
                if j in in_tree:
                    continue
                d = km_between(points[i], points[j])
                if best is None or d < best[0]:
                    best = (d, i, j)
        in_tree.add(best[2])
        edges.append(best)
    return [(i, j) for d, i, j in edges if d <= MAX_LINK_KM]


def km_to_segment(p, a, b):
    """Distance in km from p to segment ab, in a local equirectangular frame."""
    k = math.cos(math.radians(p[1]))
    ax, ay = (a[0] - p[0]) * k * 111.32, (a[1] - p[1]) * 110.57
    bx, by = (b[0] - p[0]) * k * 111.32, (b[1] - p[1]) * 110.57
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length2))
    cx, cy = ax + t * dx, ay + t * dy
    return math.hypot(cx, cy)


def point_in_ring(x, y, ring):
    inside = False
    n = len(ring)
    for i in range(n):
        x0, y0 = ring[i]
        x1, y1 = ring[(i + 1) % n]
        if (y0 > y) != (y1 > y) and x < (x1 - x0) * (y - y0) / (y1 - y0) + x0:
            inside = not inside
    return inside


def point_in_polygons(x, y, polygons):
    for rings in polygons:
        if point_in_ring(x, y, rings[0]) and not any(point_in_ring(x, y, h) for h in rings[1:]):
            return True
    return False


def ring_area(ring):
    s = 0.0
    for i in range(len(ring)):
        x0, y0 = ring[i]
        x1, y1 = ring[(i + 1) % len(ring)]
        s += x0 * y1 - x1 * y0
    return s / 2.0


def ring_km2(ring):
    lat = sum(p[1] for p in ring) / len(ring)
    return abs(ring_area(ring)) * 111.32 * math.cos(math.radians(lat)) * 110.57


def simplify_closed(ring, tolerance):
    """Douglas-Peucker on a closed ring, split at its first point and the point farthest from it."""
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2)

    def dp(points):
        if len(points) < 3:
            return points
        a, b = points[0], points[-1]
        best, index = 0.0, 0
        for i in range(1, len(points) - 1):
            p = points[i]
            dx, dy = b[0] - a[0], b[1] - a[1]
            n = math.hypot(dx, dy)
            d = math.hypot(p[0] - a[0], p[1] - a[1]) if n == 0 else abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / n
            if d > best:
                best, index = d, i
        if best <= tolerance:
            return [a, b]
        return dp(points[: index + 1])[:-1] + dp(points[index:])

    first = dp(ring[: far + 1])
    second = dp(ring[far:] + [ring[0]])
    return first[:-1] + second[:-1]


def chaikin(ring, rounds=2):
    for _ in range(rounds):
        out = []
        for i in range(len(ring)):
            (x0, y0), (x1, y1) = ring[i], ring[(i + 1) % len(ring)]
            out.append((0.75 * x0 + 0.25 * x1, 0.75 * y0 + 0.25 * y1))
            out.append((0.25 * x0 + 0.75 * x1, 0.25 * y0 + 0.75 * y1))
        ring = out
    return ring


# ------------------------------------------------------------------ raster → outline

def trace_outlines(mask, lon0, lat0):
    """Directed cell-edge tracing: inside on the left, so outer rings run counter-clockwise."""
    edges = {}
    rows, cols = len(mask), len(mask[0])

    def filled(r, c):
        return 0 <= r < rows and 0 <= c < cols and mask[r][c]

    for r in range(rows):
        for c in range(cols):
            if not mask[r][c]:
                continue
            # corners in grid units (x = column, y = row); row grows northwards
            if not filled(r - 1, c):
                edges.setdefault((c, r), []).append((c + 1, r))  # south side, eastwards
            if not filled(r, c + 1):
                edges.setdefault((c + 1, r), []).append((c + 1, r + 1))  # east side, northwards
            if not filled(r + 1, c):
                edges.setdefault((c + 1, r + 1), []).append((c, r + 1))  # north side, westwards
            if not filled(r, c - 1):
                edges.setdefault((c, r + 1), []).append((c, r))  # west side, southwards
    rings = []
    while edges:
        start = next(iter(edges))
        ring = [start]
        current = start
        previous_dir = None
        while True:
            options = edges[current]
            if len(options) == 1 or previous_dir is None:
                nxt = options.pop(0)
            else:
                # at a pinch point prefer the left turn, keeping diagonal cells apart
                def turn(o):
                    d = (o[0] - current[0], o[1] - current[1])
                    return -(previous_dir[0] * d[1] - previous_dir[1] * d[0])

                options.sort(key=turn)
                nxt = options.pop(0)
            if not options:
                del edges[current]
            previous_dir = (nxt[0] - current[0], nxt[1] - current[1])
            if nxt == start:
                break
            ring.append(nxt)
            current = nxt
        rings.append([(lon0 + x * CELL_DEG, lat0 + y * CELL_DEG) for x, y in ring])
    return rings


def area_polygons(points, links, borders):
    if not points:
        return []
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    margin = BUFFER_KM / 80.0 + 2 * CELL_DEG
    lon0 = math.floor((min(lons) - margin) / CELL_DEG) * CELL_DEG
    lat0 = math.floor((min(lats) - margin) / CELL_DEG) * CELL_DEG
    cols = int(math.ceil((max(lons) + margin - lon0) / CELL_DEG))
    rows = int(math.ceil((max(lats) + margin - lat0) / CELL_DEG))
    segments = [(points[i], points[j]) for i, j in links] + [(p, p) for p in points]
    mask = [[False] * cols for _ in range(rows)]
    for r in range(rows):
        y = lat0 + (r + 0.5) * CELL_DEG
        for c in range(cols):
            x = lon0 + (c + 0.5) * CELL_DEG
            p = (x, y)
            if any(km_to_segment(p, a, b) <= BUFFER_KM for a, b in segments) and point_in_polygons(x, y, borders):
                mask[r][c] = True
    rings = trace_outlines(mask, lon0, lat0)
    smooth = []
    for ring in rings:
        if len(ring) < 4:
            continue
        ring = chaikin(simplify_closed(ring, CELL_DEG * 0.75), 2)
        if len(ring) >= 3:
            smooth.append([(round(x, 3), round(y, 3)) for x, y in ring])
    outers = [r for r in smooth if ring_area(r) > 0]
    holes = [r for r in smooth if ring_area(r) < 0]
    polygons = [[o] for o in outers]
    for h in holes:
        for poly in polygons:
            if point_in_ring(h[0][0], h[0][1], poly[0]):
                poly.append(h)
                break
    return polygons


# ------------------------------------------------------------------ main

def month_label(ym):
    y, m = ym.split("-")
    return f"{MONTHS[int(m) - 1]} {y}"


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    places_path, countries_path, target = argv[1:]
    with open(places_path, encoding="utf-8") as f:
        places = json.load(f)["places"]
    with open(countries_path, encoding="utf-8") as f:
        countries = json.load(f)["countries"]
    borders = []
    for country in countries:
        if country["iso3"] in COUNTRIES:
            for rings in country["polygons"]:
                borders.append([list(zip(r[::2], r[1::2])) for r in rings])
    features = []
    for ym in SNAPSHOTS:
        day = day_number(ym + "-15")
        held = [(p, held_on(p, day)) for p in places if p["country"] in COUNTRIES]
        held = [(p, period) for p, period in held if period]
        held.sort(key=lambda x: x[0]["id"])
        points = [(p["lon"], p["lat"]) for p, _ in held]
        links = minimum_spanning_tree(points)
        polygons = area_polygons(points, links, borders)
        sources = []
        for _, period in held:
            for s in period["sources"]:
                if s not in sources:
                    sources.append(s)
        km2 = sum(ring_km2(poly[0]) - sum(ring_km2(h) for h in poly[1:]) for poly in polygons)
        names = ", ".join(p["name"] for p, _ in held)
        note = (
            f"Approximate, drawn by this pack from its own dated places: the {len(held)} places the pack lists "
            f"as held on 15 {month_label(ym)} ({names}), linked by straight corridors {BUFFER_KM:.0f} km wide on "
            f"each side (a minimum spanning tree, links up to {MAX_LINK_KM:.0f} km) and clipped to the borders "
            f"of Iraq and Syria. Real control followed rivers, roads and towns and changed week by week; this "
            f"shape is not a survey of front lines (its drawn area is about {round(km2, -3):,.0f} km²)."
        )
        features.append({
            "type": "Feature",
            "properties": {
                "date": ym,
                "label": f"Approximate area held, mid-{month_label(ym)}",
                "note": note,
                "sources": sources,
            },
            "geometry": {"type": "MultiPolygon", "coordinates": [
                [[[x, y] for x, y in ring + [ring[0]]] for ring in poly] for poly in polygons
            ]},
        })
        print(f"{ym}: {len(held)} places, {len(polygons)} polygons, ~{km2:,.0f} km2", file=sys.stderr)
    last = max((p for p in places if p["country"] in COUNTRIES), key=lambda p: max(
        (day_number(c["to"]) for c in p.get("control", []) if c.get("to")), default=0))
    last_period = max(last["control"], key=lambda c: day_number(c["to"]))
    features.append({
        "type": "Feature",
        "properties": {
            "date": END_SNAPSHOT,
            "label": "No area held in Iraq or Syria",
            "note": (
                f"The last place this pack lists as held in Iraq or Syria, {last['name']}, was retaken in "
                f"{last_period['to']}. The group went on as an insurgency without holding towns."
            ),
            "sources": last_period["sources"],
        },
        "geometry": {"type": "MultiPolygon", "coordinates": []},
    })
    collection = {
        "type": "FeatureCollection",
        "name": "Approximate areas under ISIS control (generated by assets/tools/territory_from_places.py)",
        "features": features,
    }
    # One feature per line: properties stay readable and diffs stay small.
    with open(target, "w", encoding="utf-8") as f:
        f.write('{"type": "FeatureCollection",\n "name": ' + json.dumps(collection["name"]) + ',\n "features": [\n')
        lines = [json.dumps(feature, ensure_ascii=False, separators=(",", ":")) for feature in features]
        f.write(",\n".join(lines))
        f.write("\n]}\n")


if __name__ == "__main__":
    main(sys.argv)
