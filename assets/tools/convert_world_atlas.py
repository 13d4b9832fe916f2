#!/usr/bin/env python3
"""Convert Natural Earth country shapes (world-atlas 2.0.2 TopoJSON) into assets/countries.json.

Usage (Python 3 standard library only):

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 assets/tools/convert_world_atlas.py /tmp/package/countries-50m.json assets/countries.json \
        [--iso /usr/share/iso-codes/json/iso_3166-1.json]

What it does:
1. Decodes the quantised, delta-encoded TopoJSON arcs into longitude/latitude.
2. Simplifies every *arc* (not every ring) with Douglas-Peucker, so neighbouring countries keep
   sharing exactly the same border points and no gaps or overlaps appear between them.
3. Stitches arcs into rings, drops rings smaller than MIN_RING_AREA (tiny islets; a country made
   only of tiny islands keeps its largest one, unsimplified),
   rounds coordinates to 3 decimals (about 100 m) and clamps latitudes to the Web-Mercator range.
   Rings that cross the antimeridian get longitudes beyond 180 so no edge spans the whole world.
4. Maps the ISO 3166-1 numeric ids to alpha-3 codes with Debian's iso-codes table
   (package `iso-codes`), plus the few shapes without a numeric id (Kosovo -> XKX).

Output: {"source": ..., "coordinates": "millidegree-deltas",
         "countries": [{"iso3", "name", "polygons": [[ring, hole, ...], ...]}]}
where every ring is a flat list of integers without the closing point: the first point in
thousandths of a degree [lon0, lat0], then each next point as the difference from the one before
[dlon1, dlat1, ...]. This is exact (coordinates are rounded to 3 decimals first) and is 40% of the
size after gzip of writing the decimals out, which matters for the web download.
"""

import json
import sys

TOLERANCE_DEG = 0.025  # Douglas-Peucker tolerance in degrees (about 2.5 km)
MIN_RING_AREA = 0.02  # square degrees; smaller islands are dropped (holes too)
MAX_LAT = 85.0
# Shapes without an ISO numeric id in Natural Earth. XKX is the code the pack uses for Kosovo.
EXTRA_CODES = {"Kosovo": "XKX"}


def decode_arcs(topology):
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def perpendicular_distance(p, a, b):
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
    t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)
    t = max(0.0, min(1.0, t))
    cx, cy = ax + t * dx, ay + t * dy
    return ((px - cx) ** 2 + (py - cy) ** 2) ** 0.5


def simplify(points, tolerance):
    """Douglas-Peucker, iterative; always keeps both ends (shared arc end points)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, None
        for i in range(first + 1, last):
            d = perpendicular_distance(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def ring_from_arcs(arc_indices, arcs):
    ring = []
    for index in arc_indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        if ring:
            arc = arc[1:]
        ring.extend(arc)
    return ring


def signed_area(ring):
    s = 0.0
    for i in range(len(ring)):
        x0, y0 = ring[i]
        x1, y1 = ring[(i + 1) % len(ring)]
        s += x0 * y1 - x1 * y0
    return s / 2.0


def unwrap_antimeridian(ring):
    """Rings that jump across the antimeridian (Russia's Chukotka, Fiji) continue past 180 degrees."""
    if any(abs(ring[i][0] - ring[i - 1][0]) > 180 for i in range(1, len(ring))):
        return [(lon + 360 if lon < 0 else lon, lat) for lon, lat in ring]
    return ring


def clean_ring(ring):
    ring = unwrap_antimeridian(ring)
    out = []
    for lon, lat in ring:
        p = (round(lon, 3), round(max(-MAX_LAT, min(MAX_LAT, lat)), 3))
        if not out or out[-1] != p:
            out.append(p)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def delta_encode(ring):
    """[lon0, lat0, lon1, lat1, ...] in degrees -> the first point in millidegrees, then steps."""
    out, px, py = [], 0, 0
    for i in range(0, len(ring), 2):
        x, y = round(ring[i] * 1000), round(ring[i + 1] * 1000)
        out += [x - px, y - py]
        px, py = x, y
    return out


def polygons_of(geometry, arcs, min_area=MIN_RING_AREA):
    kind = geometry.get("type")
    if kind == "Polygon":
        raw = [geometry["arcs"]]
    elif kind == "MultiPolygon":
        raw = geometry["arcs"]
    else:
        return []
    polygons = []
    for polygon in raw:
        rings = []
        for i, arc_indices in enumerate(polygon):
            ring = clean_ring(ring_from_arcs(arc_indices, arcs))
            if len(ring) < 3 or abs(signed_area(ring)) < min_area:
                if i == 0:
                    break  # outline too small: drop the whole polygon
                continue
            rings.append([c for p in ring for c in p])
        if rings:
            polygons.append(rings)
    return polygons


def load_iso_table(path):
    try:
        with open(path, encoding="utf-8") as f:
            table = json.load(f)["3166-1"]
    except OSError as e:
        sys.exit(f"cannot read the ISO 3166-1 table at {path}: {e}")
    return {entry["numeric"]: entry["alpha_3"] for entry in table}


def main(argv):
    args = [a for a in argv[1:]]
    iso_path = "/usr/share/iso-codes/json/iso_3166-1.json"
    if "--iso" in args:
        i = args.index("--iso")
        iso_path = args[i + 1]
        del args[i : i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    source, target = args
    with open(source, encoding="utf-8") as f:
        topology = json.load(f)
    numeric_to_alpha3 = load_iso_table(iso_path)
    raw_arcs = decode_arcs(topology)
    arcs = [simplify(a, TOLERANCE_DEG) for a in raw_arcs]
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name", "")
        numeric = geometry.get("id")
        iso3 = numeric_to_alpha3.get(numeric, "") if numeric else EXTRA_CODES.get(name, "")
        polygons = polygons_of(geometry, arcs)
        if not polygons:
            # A small country (Malta, Monaco…): keep its largest shape, unsimplified.
            whole = polygons_of(geometry, raw_arcs, min_area=0.0)
            polygons = sorted(whole, key=lambda p: -abs(signed_area(list(zip(p[0][::2], p[0][1::2])))))[:1]
        if not polygons:
            print(f"skipped {name!r}: nothing left after simplification", file=sys.stderr)
            continue
        countries.append({"iso3": iso3, "name": name, "polygons": polygons})
    countries.sort(key=lambda c: (c["name"]))
    points = sum(len(r) // 2 for c in countries for p in c["polygons"] for r in p)
    for c in countries:
        c["polygons"] = [[delta_encode(r) for r in p] for p in c["polygons"]]
    out = {
        "source": "Natural Earth 1:50m admin-0 countries (public domain) via world-atlas 2.0.2 "
        "countries-50m.json; simplified with assets/tools/convert_world_atlas.py",
        "coordinates": "millidegree-deltas",
        "countries": countries,
    }
    with open(target, "w", encoding="utf-8") as f:
        json.dump(out, f, separators=(",", ":"), ensure_ascii=False)
        f.write("\n")
    print(f"wrote {len(countries)} countries, {points} points to {target}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
