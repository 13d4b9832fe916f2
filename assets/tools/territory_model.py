#!/usr/bin/env python3
"""Build content/territory/control.geojson: a monthly model of the land ISIS held in Iraq and Syria.

Usage, from the repository root (Python 3.11 with numpy, scipy, shapely, pyproj, scikit-image):

    python3 assets/tools/territory_model.py              # build, self-check, write the GeoJSON and the report
    python3 assets/tools/territory_model.py --calibrate  # show how the parameter grid scores against IHS

Inputs
  content/territory/control.csv        dated control history of towns (every side), with sources
  assets/countries.json                Natural Earth outlines; Iraq and Syria clip the model
  assets/territory/ne_50m_rivers.geojson  Natural Earth 1:50m rivers (Euphrates, Tigris), clipped
  assets/territory/corridors.json      the Khabur and main roads as straight segments between GeoNames points
  content/datasets/territory.json      the IHS Conflict Monitor area series (calibration targets)
  content/sources/*.json               to check that every source id exists
Outputs
  content/territory/control.geojson    one feature per month and layer (held, desert, contested)
  assets/territory/calibration.md      per-date calibration table and self-check summary (also copied into
                                       assets/README.md between the calibration markers)

Method (assets/README.md, "Territory model", says the same for readers):
 1. A grid of 0.05-degree cells covers Iraq and Syria. Moving from cell to cell costs its length in km;
    cells on the Euphrates, the Tigris, the Khabur or a main road cost RIVER_DISCOUNT times as much, so
    distance is cheaper along the valleys and roads.
 2. On the 15th of each month every town is given to the side whose row in control.csv is in force then.
    Each cell goes to the nearest held town of any side (least-cost distance). Crossing the Euphrates costs
    RIVER_CROSSING_KM more (from 2017 the river was the line between the SDF and the government), and a town
    sits in the nearest cell on its own bank.
 3. held: cells nearest an ISIS town within CUTOFF_KM. contested: cells nearest a town marked
    `contested` (a divided town or a battle in progress), or cells where the ISIS town and the nearest
    other side's town are within CONTESTED_MARGIN_KM of the same distance. desert: cells beyond the
    cut-off whose nearest town is held by ISIS, up to DESERT_REACH_KM further: thinly populated land next
    to held areas where the group moved freely. Every other cell belongs to nobody in the model.
    Road rule: a main road of corridors.json between two towns held by ISIS (or one ISIS-held and one contested) is
    held along its length (cells within ROAD_STRIP_DEG), except where another side's town is nearest.
 4. Each layer is traced with marching squares, clipped to Iraq and Syria, simplified to about 1 km,
    rounded to 3 decimals; pieces under 100 km2 are dropped unless they hold an ISIS town.
The parameters were chosen once, for the whole series, by the grid search of --calibrate: the modelled
held area must stay within +-20% of every IHS figure. Nothing is tuned month by month.
"""

import argparse
import csv
import datetime as dt
import glob
import json
import math
import os
import re
import sys

import numpy as np
import shapely
from pyproj import Geod
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, mapping
from shapely.geometry.polygon import orient
from skimage.measure import find_contours

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CSV_PATH = os.path.join(ROOT, "content/territory/control.csv")
OUT_PATH = os.path.join(ROOT, "content/territory/control.geojson")
COUNTRIES_PATH = os.path.join(ROOT, "assets/countries.json")
RIVERS_PATH = os.path.join(ROOT, "assets/territory/ne_50m_rivers.geojson")
CORRIDORS_PATH = os.path.join(ROOT, "assets/territory/corridors.json")
IHS_PATH = os.path.join(ROOT, "content/datasets/territory.json")
SOURCES_GLOB = os.path.join(ROOT, "content/sources/*.json")
REPORT_PATH = os.path.join(ROOT, "assets/territory/calibration.md")
PLACES_PATH = os.path.join(ROOT, "content/places.json")
RETAKEN_PATH = os.path.join(ROOT, "content/datasets/territory-retaken.json")
# places.json names that differ from the town names of control.csv
PLACE_TOWN = {"Kobani (Ayn al-Arab)": "Kobani", "Palmyra (Tadmur)": "Palmyra", "Tabqa (al-Thawrah)": "Tabqa",
              "Abu Kamal (Albu Kamal)": "Abu Kamal", "Al-Baghuz Fawqani": "Baghuz"}
README_PATH = os.path.join(ROOT, "assets/README.md")

# ---------------------------------------------------------------- parameters (calibrated once, globally)
CUTOFF_KM = 38.0            # least-cost distance from a held town beyond which a cell is nobody's
RIVER_DISCOUNT = 0.8        # cost factor of a cell on a river or main road (1 = no discount)
CONTESTED_MARGIN_KM = 0.0   # |d(ISIS) - d(other side)| below this: front-line band, contested
DESERT_REACH_KM = 60.0      # desert layer: beyond the cut-off, up to this much further, nearest town ISIS
RIVER_CROSSING_KM = 30.0    # extra cost of crossing the Euphrates (a front line from 2017; fixed choice, not calibrated)
# Fixed choices (not calibrated)
GRID_DEG = 0.05
CORRIDOR_WIDTH_DEG = 0.06   # a cell is "on" a river or road when its centre is this close to the line
ROAD_STRIP_DEG = 0.035      # road rule: cells this close to a main road between two ISIS-held towns are held
BBOX = (35.5, 29.0, 48.8, 37.5)  # lon0, lat0, lon1, lat1
SIMPLIFY_DEG = 0.01         # about 1 km
MIN_PIECE_KM2 = 100.0
TOLERANCE_PCT = 20.0
FIRST_MONTH, LAST_MONTH, FINAL_MONTH = (2014, 1), (2019, 3), (2019, 4)
SIDES = ("isis", "iraq_gov", "syria_gov", "kurdish", "rebels", "turkey_backed", "contested")
IHS_SOURCES = ["src-ihs-2015-territory", "src-ihs-2016-territory", "src-ihs-2017-territory", "src-kurdistan24-2017-ihs"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
NOTE_COMMON = ("Modelled from dated towns, not surveyed front lines; dates can be off by weeks in fast battles. "
               "Each place goes to the nearest town held by any side, with distance cheaper along the Euphrates, "
               "Tigris, Khabur and main roads.")

GEOD = Geod(ellps="WGS84")


class ModelError(Exception):
    pass


# ---------------------------------------------------------------- dates

def parse_from(text):
    """`from` column: '' = before the series, YYYY, YYYY-MM or YYYY-MM-DD (start of the period)."""
    if text == "":
        return dt.date.min
    parts = [int(p) for p in text.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(*parts)


def month_iter(first, last):
    y, m = first
    while (y, m) <= last:
        yield y, m
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def pack_date_to_day(text):
    """A pack date at any precision -> the day the model is evaluated on (month precision: the 15th)."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 7, 1)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], 15)
    return dt.date(*parts)


# ---------------------------------------------------------------- inputs

def load_towns(path, source_ids):
    towns = {}
    with open(path, encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    reader = csv.DictReader(lines)
    expected = ["town", "geonames_id", "country", "lat", "lon", "from", "side", "source", "note"]
    if reader.fieldnames != expected:
        raise ModelError(f"control.csv header is {reader.fieldnames}, expected {expected}")
    for n, row in enumerate(reader, start=2):
        where = f"control.csv row {n} ({row['town']})"
        if row["side"] not in SIDES:
            raise ModelError(f"{where}: side {row['side']!r} is not one of {SIDES}")
        srcs = [s for s in row["source"].split(";") if s]
        if not srcs:
            raise ModelError(f"{where}: no source")
        for s in srcs:
            if s not in source_ids:
                raise ModelError(f"{where}: unknown source id {s!r}")
        try:
            start = parse_from(row["from"])
        except ValueError as e:
            raise ModelError(f"{where}: bad date {row['from']!r}: {e}")
        t = towns.setdefault(row["town"], {"name": row["town"], "lat": float(row["lat"]), "lon": float(row["lon"]),
                                           "country": row["country"], "gid": row["geonames_id"], "periods": []})
        if (t["lat"], t["lon"]) != (float(row["lat"]), float(row["lon"])):
            raise ModelError(f"{where}: coordinates differ from the town's first row")
        t["periods"].append({"start": start, "from": row["from"], "side": row["side"], "sources": srcs})
    for t in towns.values():
        p = t["periods"]
        for a, b in zip(p, p[1:]):
            if not a["start"] < b["start"]:
                raise ModelError(f"control.csv: {t['name']}: periods not in date order ({a['from']!r}, {b['from']!r})")
            if a["side"] == b["side"]:
                raise ModelError(f"control.csv: {t['name']}: two consecutive periods of {a['side']}")
    return towns


def check_places(towns, source_ids):
    """places.json (Iraq and Syria) must give the same held periods as control.csv; every source id of
    places.json and of ds-territory-retaken must exist. Returns a list of problems."""
    problems = []
    with open(PLACES_PATH, encoding="utf-8") as f:
        places = json.load(f)["places"]
    for p in places:
        for s in p.get("sources", []) + [s for c in p.get("control", []) for s in c["sources"]]:
            if s not in source_ids:
                problems.append(f"places.json {p['id']}: unknown source id {s!r}")
        if p["country"] not in ("IRQ", "SYR") or not p.get("control"):
            continue
        town = towns.get(PLACE_TOWN.get(p["name"], p["name"]))
        if town is None:
            problems.append(f"places.json {p['id']}: no town {p['name']!r} in control.csv")
            continue
        per = town["periods"]
        only_contested = not any(q["side"] == "isis" for q in per)
        csv_periods = []
        for i, q in enumerate(per):
            if q["side"] == "isis" or (q["side"] == "contested" and only_contested):
                j = i + 1
                if q["side"] == "isis" and j < len(per) and per[j]["side"] == "contested":
                    j += 1  # a battle at the end of a held period ends on the retake date
                csv_periods.append((q["from"], per[j]["from"] if j < len(per) else None))
        place_periods = [(c["from"], c.get("to")) for c in p["control"]]
        if csv_periods != place_periods:
            problems.append(f"places.json {p['id']}: periods {place_periods} differ from control.csv {csv_periods}")
    with open(RETAKEN_PATH, encoding="utf-8") as f:
        text = f.read()
    for s in sorted(set(re.findall(r"src-[a-z0-9-]+", text))):
        if s not in source_ids:
            problems.append(f"territory-retaken.json: unknown source id {s!r}")
    return problems


def holder(town, day):
    """The period in force on `day`, or None if the town has no row yet."""
    current = None
    for p in town["periods"]:
        if p["start"] <= day:
            current = p
    return current


def load_source_ids():
    ids = set()
    for path in sorted(glob.glob(SOURCES_GLOB)):
        with open(path, encoding="utf-8") as f:
            ids |= {s["id"] for s in json.load(f)["sources"]}
    return ids


def decode_ring(flat):
    """A countries.json ring: the first point in millidegrees, then steps (convert_world_atlas.py)."""
    points, x, y = [], 0, 0
    for i in range(0, len(flat), 2):
        x += flat[i]
        y += flat[i + 1]
        points.append((x / 1000, y / 1000))
    return points


def load_countries():
    with open(COUNTRIES_PATH, encoding="utf-8") as f:
        data = json.load(f)
    assert data["coordinates"] == "millidegree-deltas", data["coordinates"]
    polys = []
    for c in data["countries"]:
        if c["iso3"] in ("IRQ", "SYR"):
            for rings in c["polygons"]:
                rr = [decode_ring(r) for r in rings]
                polys.append(Polygon(rr[0], rr[1:]))
    return shapely.make_valid(shapely.union_all(polys))


def load_corridor_lines():
    lines = []
    with open(RIVERS_PATH, encoding="utf-8") as f:
        for feat in json.load(f)["features"]:
            lines.append(LineString(feat["geometry"]["coordinates"]))
    with open(CORRIDORS_PATH, encoding="utf-8") as f:
        for c in json.load(f)["corridors"]:
            lines.append(LineString([(p[0], p[1]) for p in c["points"]]))
    return shapely.union_all(lines)


def load_river_lines():
    """The Euphrates (and the centre line of Lake Assad) from the Natural Earth extract: crossing it costs
    RIVER_CROSSING_KM."""
    with open(RIVERS_PATH, encoding="utf-8") as f:
        return shapely.union_all([LineString(feat["geometry"]["coordinates"]) for feat in json.load(f)["features"]
                                  if feat["properties"]["name"].startswith("Euphrates")])


def load_road_segments():
    """Segments of corridors.json (main roads and the Khabur) between consecutive GeoNames points."""
    segs = []
    with open(CORRIDORS_PATH, encoding="utf-8") as f:
        for c in json.load(f)["corridors"]:
            pts = c["points"]
            for a, b in zip(pts, pts[1:]):
                segs.append({"name": c["name"], "ids": (str(a[3]), str(b[3])), "line": LineString([(a[0], a[1]), (b[0], b[1])])})
    return segs


def load_ihs():
    with open(IHS_PATH, encoding="utf-8") as f:
        data = json.load(f)
    for ds in data["datasets"]:
        if ds["id"] == "ds-territory-area":
            for s in ds["series"]:
                if s["id"] == "ihs":
                    return [(p["date"], pack_date_to_day(p["date"]), p["value"], p.get("source", s.get("source")))
                            for p in s["points"]]
    raise ModelError("content/datasets/territory.json: no IHS series in ds-territory-area")


# ---------------------------------------------------------------- grid and least-cost distance

class Grid:
    def __init__(self, land, corridors, discount, rivers=None, crossing_km=0.0):
        lon0, lat0, lon1, lat1 = BBOX
        self.lons = np.round(np.arange(lon0 + GRID_DEG / 2, lon1, GRID_DEG), 6)
        self.lats = np.round(np.arange(lat0 + GRID_DEG / 2, lat1, GRID_DEG), 6)
        LON, LAT = np.meshgrid(self.lons, self.lats)  # shape (rows=lat, cols=lon)
        self.shape = LON.shape
        inside = shapely.contains_xy(land, LON, LAT)
        self.inside = inside
        self.idx = -np.ones(self.shape, dtype=np.int64)
        self.cells = np.argwhere(inside)  # (row, col)
        self.idx[inside] = np.arange(len(self.cells))
        self.clat = LAT[inside]
        self.clon = LON[inside]
        on_corridor = shapely.dwithin(corridors, shapely.points(self.clon, self.clat), CORRIDOR_WIDTH_DEG)
        self.on_corridor = on_corridor
        self.factor = np.where(on_corridor, discount, 1.0)
        dy = GRID_DEG * 110.574
        self.cell_km2 = (GRID_DEG * 111.320 * np.cos(np.radians(self.clat))) * dy
        rows, cols, wts = [], [], []
        for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
            a = self.idx
            r0, r1 = max(0, -dr), self.shape[0] - max(0, dr)
            c0, c1 = max(0, -dc), self.shape[1] - max(0, dc)
            src = a[r0:r1, c0:c1]
            dst = a[r0 + dr:r1 + dr, c0 + dc:c1 + dc]
            ok = (src >= 0) & (dst >= 0)
            s, d = src[ok], dst[ok]
            lat_mid = (self.clat[s] + self.clat[d]) / 2
            dx = GRID_DEG * 111.320 * np.cos(np.radians(lat_mid)) * dc
            length = np.sqrt((dr * dy) ** 2 + dx ** 2)
            w = length * (self.factor[s] + self.factor[d]) / 2
            if rivers is not None and crossing_km > 0:
                segs = shapely.linestrings(np.stack([np.column_stack([self.clon[s], self.clat[s]]),
                                                     np.column_stack([self.clon[d], self.clat[d]])], axis=1))
                w = w + np.where(shapely.intersects(segs, rivers), crossing_km, 0.0)
            rows.append(s)
            cols.append(d)
            wts.append(w)
        n = len(self.cells)
        self.graph = coo_matrix((np.concatenate(wts), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n)).tocsr()
        self.tree = cKDTree(np.column_stack([self.clon, self.clat * 1.0]))
        self.rivers = rivers if crossing_km > 0 else None
        self._snaps = {}

    def set_roads(self, segments, towns):
        """Cells within ROAD_STRIP_DEG of each road segment whose two ends are towns of control.csv."""
        by_id = {t["gid"]: t for t in towns.values() if t["gid"]}
        pts = shapely.points(self.clon, self.clat)
        self.roads = []
        for s in segments:
            a, b = (by_id.get(i) for i in s["ids"])
            if a is None or b is None:
                continue
            cells = np.flatnonzero(shapely.dwithin(s["line"], pts, ROAD_STRIP_DEG))
            self.roads.append((a, b, cells))

    def road_cells(self, day):
        """Cells of the road rule on `day`: roads whose two end towns are held by ISIS (or one is contested)."""
        out = np.zeros(len(self.cells), dtype=bool)
        for a, b, cells in getattr(self, "roads", []):
            pa, pb = holder(a, day), holder(b, day)
            if pa is None or pb is None:
                continue
            sides = {pa["side"], pb["side"]}
            if "isis" in sides and sides <= {"isis", "contested"}:
                out[cells] = True
        return out

    def snap(self, lon, lat):
        """The town's grid cell: the nearest cell whose centre is on the same side of the Euphrates as the town (a
        5 km cell next to the river can have its centre across the river line from the town)."""
        key = (lon, lat)
        if key not in self._snaps:
            dist, idx = self.tree.query([lon, lat], k=9)
            best = int(idx[0])
            if self.rivers is not None:
                for i in idx:
                    if not shapely.intersects(LineString([(lon, lat), (self.clon[i], self.clat[i])]), self.rivers):
                        best = int(i)
                        break
            self._snaps[key] = best
        return self._snaps[key]

    def distance(self, seeds):
        if not seeds:
            return np.full(len(self.cells), np.inf)
        return dijkstra(self.graph, directed=False, indices=sorted(set(seeds)), min_only=True)


def state_on(towns, day):
    """{side: [town, ...]} for the rows in force on `day`."""
    out = {}
    for name in sorted(towns):
        p = holder(towns[name], day)
        if p is not None:
            out.setdefault(p["side"], []).append(towns[name])
    return out


def masks(d_i, d_c, d_o, cutoff, margin, reach, road):
    """Held, desert and contested cells from the three least-cost distance fields (see the module docstring)."""
    d_min = np.minimum(np.minimum(d_i, d_c), d_o)
    within = d_min <= cutoff
    near_i = (d_i <= d_c) & (d_i <= d_o) & np.isfinite(d_i)
    near_c = (d_c < d_i) & (d_c <= d_o)
    near_o = (d_o < d_i) & (d_o < d_c)
    band = (np.abs(d_i - d_o) < margin) & (np.minimum(d_i, d_o) <= cutoff) & ~near_c
    contested = within & (near_c | band)
    held = within & near_i & ~contested
    # Road rule: a main road between two ISIS-held towns is held along its length, except where another
    # side's town (or a contested town) is the nearest one within the cut-off.
    held |= road & ~contested & ~(within & near_o)
    desert = ~within & near_i & (d_i <= cutoff + reach) & ~held
    return held, desert, contested


def classify(grid, towns, day, cutoff, margin, reach):
    st = state_on(towns, day)
    seeds = {k: [grid.snap(t["lon"], t["lat"]) for t in v] for k, v in st.items()}
    isis = seeds.get("isis", [])
    con = seeds.get("contested", [])
    oth = [s for k, v in seeds.items() if k not in ("isis", "contested") for s in v]
    clash = (set(isis) & set(oth)) | (set(isis) & set(con)) | (set(con) & set(oth))
    if clash:
        names = sorted(t["name"] for v in st.values() for t in v if grid.snap(t["lon"], t["lat"]) in clash)
        raise ModelError(f"{day}: towns of different sides share one grid cell: {names}")
    d_i, d_c, d_o = grid.distance(isis), grid.distance(con), grid.distance(oth)
    held, desert, contested = masks(d_i, d_c, d_o, cutoff, margin, reach, grid.road_cells(day))
    # A town's own cell always belongs to the side holding it.
    for s in oth:
        held[s] = desert[s] = contested[s] = False
    for s in con:
        held[s] = desert[s] = False
        contested[s] = True
    for s in isis:
        held[s] = True
        desert[s] = contested[s] = False
    return held, desert, contested, st


# ---------------------------------------------------------------- vectorising

def km2(geom):
    if geom.is_empty:
        return 0.0
    return abs(GEOD.geometry_area_perimeter(geom)[0]) / 1e6


def trace(grid, mask):
    """Marching squares around the cells of `mask`; returns a (Multi)Polygon in lon/lat."""
    full = np.zeros((grid.shape[0] + 2, grid.shape[1] + 2))
    sub = np.zeros(grid.shape)
    sub[grid.inside] = mask.astype(float)
    full[1:-1, 1:-1] = sub
    rings = find_contours(full, 0.5)
    geom = Polygon()
    lon0, lat0 = grid.lons[0], grid.lats[0]
    parts = []
    for r in rings:
        if len(r) < 4:
            continue
        lats = lat0 + (r[:, 0] - 1) * GRID_DEG
        lons = lon0 + (r[:, 1] - 1) * GRID_DEG
        p = Polygon(np.column_stack([lons, lats]))
        if not p.is_valid:
            p = shapely.make_valid(p)
        parts.append(p)
    # Even-odd rule: nested rings alternate between outline and hole.
    parts.sort(key=lambda p: -p.area)
    for p in parts:
        geom = geom.symmetric_difference(p)
    return geom


def finish(geom, land, keep_points=()):
    """Clip, drop small pieces (unless they hold one of keep_points), simplify, round, orient."""
    if geom.is_empty:
        return MultiPolygon()
    geom = shapely.make_valid(geom.intersection(land))
    polys = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type == "Polygon"]
    kept = []
    for p in polys:
        if km2(p) >= MIN_PIECE_KM2 or any(p.buffer(GRID_DEG).contains(pt) for pt in keep_points):
            kept.append(p)
    if not kept:
        return MultiPolygon()
    geom = shapely.union_all(kept).simplify(SIMPLIFY_DEG, preserve_topology=True)
    geom = shapely.set_precision(geom, 0.001)
    geom = shapely.make_valid(geom)
    polys = [orient(g, sign=1.0) for g in getattr(geom, "geoms", [geom]) if g.geom_type == "Polygon" and not g.is_empty]
    polys.sort(key=lambda p: (round(p.bounds[0], 3), round(p.bounds[1], 3)))
    return MultiPolygon(polys)


def month_layers(grid, land, towns, day, params):
    held, desert, contested, st = classify(grid, towns, day, *params)
    is_pts = [Point(t["lon"], t["lat"]) for t in st.get("isis", [])]
    con_pts = [Point(t["lon"], t["lat"]) for t in st.get("contested", [])]
    H = finish(trace(grid, held), land, is_pts)
    C = finish(trace(grid, contested), land, con_pts)
    C = finish(C.difference(H), land, con_pts) if not C.is_empty and not H.is_empty else C
    D = finish(trace(grid, desert), land)
    if not D.is_empty:
        D = finish(D.difference(shapely.union_all([H, C])), land)
    return {"held": H, "desert": D, "contested": C}, st, held


# ---------------------------------------------------------------- features

def rounded_coords(geom):
    def ring(r):
        return [[round(x, 3), round(y, 3)] for x, y in r.coords]
    return [[ring(p.exterior)] + [ring(i) for i in p.interiors] for p in geom.geoms]


def month_sources(towns, st, day, month_start, month_end, sides):
    ids = set()
    for side in sides:
        for t in st.get(side, []):
            ids.update(holder(t, day)["sources"])
    for t in towns.values():
        for p in t["periods"]:
            if month_start <= p["start"] <= month_end:
                ids.update(p["sources"])
    return sorted(ids)


def human_date(text):
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return f"{parts[2]} {MONTHS[parts[1] - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


def round_km2(a):
    return int(round(a / 100.0)) * 100


def feature(date, layer, label, note, sources, geom):
    return {"type": "Feature",
            "properties": {"date": date, "layer": layer, "label": label, "note": note, "sources": sources},
            "geometry": {"type": "MultiPolygon", "coordinates": rounded_coords(geom) if not geom.is_empty else []}}


def build(towns, land, grid, params, ihs):
    feats, summary, checks = [], [], []
    for (y, m) in month_iter(FIRST_MONTH, LAST_MONTH):
        day = dt.date(y, m, 15)
        mstart = dt.date(y, m, 1)
        mend = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
        layers, st, _ = month_layers(grid, land, towns, day, params)
        margin = params[1]
        date = f"{y:04d}-{m:02d}"
        when = f"{MONTHS[m - 1]} {y}"
        n_is = len(st.get("isis", []))
        areas = {k: km2(v) for k, v in layers.items()}
        src_held = month_sources(towns, st, day, mstart, mend, ("isis",)) + IHS_SOURCES
        src_held = sorted(set(src_held))
        feats.append(feature(date, "held", f"Held by ISIS (modelled), {when}",
                             f"{NOTE_COMMON} Built from the {n_is} towns held by ISIS on 15 {when}; modelled area "
                             f"about {round_km2(areas['held']):,} km².", src_held, layers["held"]))
        if not layers["desert"].is_empty:
            feats.append(feature(date, "desert", f"Desert where ISIS moved freely (modelled), {when}",
                                 f"{NOTE_COMMON} Thinly populated land beyond the held towns' reach, nearest to a town "
                                 f"held by ISIS: the group moved through it but did not govern it (about "
                                 f"{round_km2(areas['desert']):,} km², not counted as held).", src_held, layers["desert"]))
        if not layers["contested"].is_empty:
            names = [t["name"] for t in st.get("contested", [])]
            band = " Also front lines where the nearest ISIS town and another side's town are about equally close." \
                if margin > 0 else ""
            what = (("Divided or fought over: " + ", ".join(names) + ".") if names else "") + band
            feats.append(feature(date, "contested", f"Contested (modelled), {when}", f"{NOTE_COMMON} {what.strip()}",
                                 month_sources(towns, st, day, mstart, mend, ("contested",)) or src_held,
                                 layers["contested"]))
        summary.append((date, n_is, areas))
        checks.append(self_check_month(date, day, towns, st, layers))
    # Final state: nothing held after Baghuz (23 March 2019).
    y, m = FINAL_MONTH
    final_day = dt.date(y, m, 15)
    st = state_on(towns, final_day)
    if st.get("isis"):
        raise ModelError(f"final state {final_day}: towns still held by ISIS: {[t['name'] for t in st['isis']]}")
    last = max((p for t in towns.values() for p in t["periods"] if p["side"] != "isis"
                and any(q["side"] == "isis" for q in t["periods"])), key=lambda p: p["start"])
    feats.append(feature(f"{y:04d}-{m:02d}", "held", "No area held by ISIS in Iraq or Syria (final state)",
                         f"The last town held by ISIS in the model was retaken on {human_date(last['from'])}. The "
                         f"group went on "
                         f"as an insurgency without holding towns.", sorted(set(last["sources"])), MultiPolygon()))
    # Calibration at the exact IHS dates
    table = []
    for date, day, value, source in ihs:
        layers, _, _ = month_layers(grid, land, towns, day, params)
        a = km2(layers["held"])
        ad = km2(layers["desert"])
        table.append((date, day, value, a, ad, 100.0 * (a - value) / value, source))
    return feats, summary, checks, table


def self_check_month(date, day, towns, st, layers):
    H = layers["held"]
    prepared = shapely.prepare(H) if not H.is_empty else None  # noqa: F841 (prepares in place)
    problems = []
    inside = 0
    for t in st.get("isis", []):
        pt = Point(t["lon"], t["lat"])
        if H.is_empty or not (H.contains(pt) or H.distance(pt) <= GRID_DEG / 2):
            problems.append(f"{date}: {t['name']} is held by ISIS but lies outside the held layer")
        elif H.contains(pt):
            inside += 1
    others = 0
    for side, ts in st.items():
        if side in ("isis", "contested"):
            continue
        for t in ts:
            others += 1
            if not H.is_empty and H.contains(Point(t["lon"], t["lat"])):
                problems.append(f"{date}: {t['name']} ({side}) lies inside the held layer")
    return {"date": date, "isis": len(st.get("isis", [])), "inside": inside, "others": others, "problems": problems}


# ---------------------------------------------------------------- calibration search

def calibrate(towns, land, corridors, rivers, segments, ihs):
    print("grid search: cut-off (km) x river/road discount (< 1: valleys and roads must be cheaper) x contested margin "
          "(km); raster held area vs IHS at each published date")
    results = []
    for disc in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        grid = Grid(land, corridors, disc, rivers, RIVER_CROSSING_KM)
        grid.set_roads(segments, towns)
        fields = []
        for _, day, value, _ in ihs:
            st = state_on(towns, day)
            seeds = {k: [grid.snap(t["lon"], t["lat"]) for t in v] for k, v in st.items()}
            isis = seeds.get("isis", [])
            con = seeds.get("contested", [])
            oth = [s for k, v in seeds.items() if k not in ("isis", "contested") for s in v]
            fields.append((grid.distance(isis), grid.distance(con), grid.distance(oth), value, isis, oth + con,
                           grid.road_cells(day)))
        for cutoff in np.arange(20.0, 80.1, 1.0):
            for margin in (0.0, 2.0, 4.0, 6.0, 8.0):
                errs = []
                for d_i, d_c, d_o, value, isis, others, road in fields:
                    held, _, _ = masks(d_i, d_c, d_o, cutoff, margin, 0.0, road)
                    held[others] = False
                    held[isis] = True
                    a = float(grid.cell_km2[held].sum())
                    errs.append(100.0 * (a - value) / value)
                results.append((max(abs(e) for e in errs), disc, float(cutoff), margin, errs))
    results.sort(key=lambda r: (round(r[0], 1), r[1], -r[3], r[2]))
    best = results[0][0]
    # Rule: the smallest worst-case error; among candidates within 0.5 points of it, the strongest
    # valley/road discount, then the widest contested margin, then the smallest cut-off.
    near = [r for r in results if r[0] <= best + 0.5]
    chosen = min(near, key=lambda r: (r[1], -r[3], r[2]))
    for r in results[:25]:
        print(f"max|err| {r[0]:5.1f}%  discount {r[1]:.1f}  cut-off {r[2]:4.0f} km  margin {r[3]:.0f} km  errors "
              + " ".join(f"{e:+.0f}%" for e in r[4]))
    print(f"chosen: discount {chosen[1]:.1f}, cut-off {chosen[2]:.0f} km, margin {chosen[3]:.0f} km "
          f"(max |error| {chosen[0]:.1f}%)")
    return results


# ---------------------------------------------------------------- report

def write_outputs(feats, summary, checks, table, params):
    body = ",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in feats)
    text = '{"type":"FeatureCollection","features":[\n' + body + "\n]}\n"
    with open(OUT_PATH, "w", encoding="utf-8") as f:
        f.write(text)
    cutoff, margin, reach = params
    lines = ["| date (IHS) | IHS km² | modelled held km² | error | modelled desert km² |",
             "|---|---:|---:|---:|---:|"]
    for date, day, value, a, ad, err, source in table:
        lines.append(f"| {date} (model on {day.isoformat()}) | {value:,.0f} | {round_km2(a):,} | {err:+.1f}% | "
                     f"{round_km2(ad):,} |")
    calib = "\n".join(lines)
    n_feat = len(feats)
    size = len(text.encode("utf-8"))
    months = sorted({f["properties"]["date"] for f in feats})
    report = [
        "# Territory model: calibration and self-checks",
        "",
        "Generated by `python3 assets/tools/territory_model.py`; do not edit by hand.",
        "",
        f"Parameters: cut-off {cutoff:g} km (least-cost), river/road discount {RIVER_DISCOUNT:g}, contested margin "
        f"{margin:g} km, desert reach {reach:g} km beyond the cut-off, Euphrates crossing {RIVER_CROSSING_KM:g} km, "
        f"road-rule strip {ROAD_STRIP_DEG:g}°, grid {GRID_DEG:g}°.",
        "",
        calib,
        "",
        f"Output: {n_feat} features, {len(months)} dates ({months[0]} to {months[-1]}), {size:,} bytes.",
        "",
        "| month | ISIS towns | held km² | desert km² | contested km² |",
        "|---|---:|---:|---:|---:|",
    ]
    for date, n, areas in summary:
        report.append(f"| {date} | {n} | {round_km2(areas['held']):,} | {round_km2(areas['desert']):,} | "
                      f"{round_km2(areas['contested']):,} |")
    n_is = sum(c["isis"] for c in checks)
    n_in = sum(c["inside"] for c in checks)
    n_oth = sum(c["others"] for c in checks)
    report += ["", f"Self-checks: {n_is} ISIS town-months all inside the held layer ({n_in} strictly inside, the rest "
               f"within half a grid cell of its edge); {n_oth} town-months of other sides all outside it; every IHS "
               f"date within ±{TOLERANCE_PCT:g}%; one held feature for every month {FIRST_MONTH[0]}-"
               f"{FIRST_MONTH[1]:02d} to {LAST_MONTH[0]}-{LAST_MONTH[1]:02d} plus the final state.", ""]
    with open(REPORT_PATH, "w", encoding="utf-8") as f:
        f.write("\n".join(report))
    # Copy the calibration table into assets/README.md between markers
    if os.path.exists(README_PATH):
        with open(README_PATH, encoding="utf-8") as f:
            readme = f.read()
        a, b = "<!-- calibration:start -->", "<!-- calibration:end -->"
        if a in readme and b in readme:
            head, rest = readme.split(a, 1)
            _, tail = rest.split(b, 1)
            readme = head + a + "\n" + calib + "\n" + b + tail
            with open(README_PATH, "w", encoding="utf-8") as f:
                f.write(readme)
    return size


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--calibrate", action="store_true", help="print the parameter grid search and stop")
    args = ap.parse_args()
    source_ids = load_source_ids()
    towns = load_towns(CSV_PATH, source_ids)
    land = load_countries()
    corridors = load_corridor_lines()
    segments = load_road_segments()
    rivers = load_river_lines()
    ihs = load_ihs()
    if args.calibrate:
        calibrate(towns, land, corridors, rivers, segments, ihs)
        return 0
    grid = Grid(land, corridors, RIVER_DISCOUNT, rivers, RIVER_CROSSING_KM)
    grid.set_roads(segments, towns)
    params = (CUTOFF_KM, CONTESTED_MARGIN_KM, DESERT_REACH_KM)
    feats, summary, checks, table = build(towns, land, grid, params, ihs)
    problems = [p for c in checks for p in c["problems"]] + check_places(towns, source_ids)
    for date, day, value, a, ad, err, source in table:
        if abs(err) > TOLERANCE_PCT:
            problems.append(f"IHS {date}: modelled {a:,.0f} km² vs {value:,} km² ({err:+.1f}%), over ±{TOLERANCE_PCT:g}%")
    months = [f"{y:04d}-{m:02d}" for y, m in month_iter(FIRST_MONTH, LAST_MONTH)]
    held_dates = [f["properties"]["date"] for f in feats if f["properties"]["layer"] == "held"]
    if held_dates != months + [f"{FINAL_MONTH[0]:04d}-{FINAL_MONTH[1]:02d}"]:
        problems.append("held features do not cover every month exactly once plus the final state")
    size = write_outputs(feats, summary, checks, table, params)
    if size > 1_500_000:
        problems.append(f"control.geojson is {size:,} bytes, over 1.5 MB")
    print(f"towns {len(towns)}, rows {sum(len(t['periods']) for t in towns.values())}, features {len(feats)}, "
          f"months {len(months)} + final, {size:,} bytes")
    for date, day, value, a, ad, err, source in table:
        print(f"  IHS {date:10s} {value:>7,} km²  model {a:>9,.0f} km² ({err:+5.1f}%)  desert {ad:>9,.0f} km²")
    print(f"  ISIS town-months checked: {sum(c['isis'] for c in checks)}, other-side town-months: "
          f"{sum(c['others'] for c in checks)}")
    if problems:
        print("SELF-CHECK FAILED:", file=sys.stderr)
        for p in problems:
            print("  " + p, file=sys.stderr)
        return 1
    print("self-checks passed")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except ModelError as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(2)
