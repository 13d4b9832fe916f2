//! The offline base map: Natural Earth country shapes, triangulated once.
//!
//! `assets/countries.json` (made by `assets/tools/convert_world_atlas.py`) holds the shapes.
//! [`BaseMap::from_json`] projects every country to zoom-0 Web-Mercator units, triangulates it
//! with `earcutr` and finds which stretches of outline are borders and which coast. The
//! desktop app does not do that work at start-up: it reads the result, stored beside the
//! shapes in `assets/countries.bin` ([`stored`]; a test checks it is what `from_json` makes of
//! the shapes today). The browser build, where every byte is downloaded, builds it from the
//! JSON. Either way the land and borders are then made into mesh geometry once; after that a
//! frame only scales and shifts the cached vertices of the pieces in view
//! ([`super::screen_mesh::ScreenMesh`]), so panning and zooming never re-triangulate. When the
//! app opens at the map, that first use is on the loader thread, beside the window's start.

pub mod stored;

use std::sync::{Arc, OnceLock};

use egui::Pos2;
use serde::Deserialize;

use super::model::zoom0;
use super::screen_mesh::{Geometry, SegmentKind, segment_kinds};

/// The converted country shapes, embedded at compile time.
pub const COUNTRIES_JSON: &str = include_str!("../../../assets/countries.json");

#[derive(Deserialize)]
struct CountriesAsset {
    /// How rings are written; only `millidegree-deltas` is read.
    coordinates: String,
    countries: Vec<CountryAsset>,
}

#[derive(Deserialize)]
struct CountryAsset {
    iso3: String,
    name: String,
    /// Polygons → rings (outline first, then holes) → flat integers: the first point in
    /// thousandths of a degree `[lon, lat]`, then each point's step from the one before.
    polygons: Vec<Vec<Vec<i32>>>,
}

/// The coordinate encoding of `assets/countries.json` (see `convert_world_atlas.py`).
const ENCODING: &str = "millidegree-deltas";

/// One ring's points in degrees, from its first point and steps in thousandths of a degree.
fn decode_ring(flat: &[i32]) -> Vec<[f64; 2]> {
    let (mut x, mut y) = (0i64, 0i64);
    flat.chunks_exact(2)
        .map(|d| {
            x += i64::from(d[0]);
            y += i64::from(d[1]);
            [x as f64 / 1000.0, y as f64 / 1000.0]
        })
        .collect()
}

/// A country ready to draw: zoom-0 Mercator geometry plus its triangulation.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryShape {
    /// ISO 3166-1 alpha-3, or empty for shapes without one (e.g. "N. Cyprus").
    pub iso3: String,
    pub name: String,
    /// All ring vertices of all polygons, in zoom-0 Mercator pixels (0..256).
    pub points: Vec<Pos2>,
    /// Each ring as a range into `points` (outlines and holes alike).
    pub rings: Vec<std::ops::Range<usize>>,
    /// Each polygon as a range into `rings` (first ring = outline).
    pub polygons: Vec<std::ops::Range<usize>>,
    /// Triangles, as indices into `points`.
    pub triangles: Vec<u32>,
    /// Bounding box in zoom-0 units.
    pub bounds: egui::Rect,
    /// Where the name goes (zoom-0 units): the centre of the largest polygon's outline.
    pub label_at: Pos2,
    /// Width of the largest polygon in zoom-0 units (labels show only when it is wide enough).
    pub label_width: f32,
}

impl CountryShape {
    /// True if a zoom-0 point lies inside the country (even-odd rule over its rings).
    pub fn contains(&self, p: Pos2) -> bool {
        if !self.bounds.contains(p) {
            return false;
        }
        self.polygons.iter().any(|poly| {
            let mut inside = false;
            for ring in &self.rings[poly.clone()] {
                if point_in_ring(p, &self.points[ring.clone()]) {
                    inside = !inside;
                }
            }
            inside
        })
    }
}

/// Every country of the base map, and the land and borders ready to place on screen.
#[derive(Debug, Clone)]
pub struct BaseMap {
    pub countries: Vec<CountryShape>,
    /// What each segment of the countries' rings is, in ring order: coast, or a border drawn
    /// here or by the other country.
    pub segments: Vec<SegmentKind>,
    /// Every country's land, a piece each.
    pub land: Arc<Geometry>,
    /// Every border, in pieces of a few dozen segments; a border two countries share once.
    pub borders: Arc<Geometry>,
    /// The stretches of border that are coast (no other country shares them), zoom-0 units:
    /// away from them the land is unbroken ([`super::sea`]).
    pub coast: Vec<[Pos2; 2]>,
}

/// Problems with the embedded asset (reported, never a crash).
#[derive(Debug, thiserror::Error)]
pub enum BaseMapError {
    #[error("assets/countries.json is not valid: {0}")]
    Json(#[from] serde_json::Error),
    #[error("assets/countries.json writes coordinates as \"{0}\"; expected \"{ENCODING}\"")]
    Encoding(String),
}

impl BaseMap {
    /// The embedded base map, read once per process: on the desktop from its stored form, in
    /// the browser built from the shapes.
    pub fn shared() -> &'static BaseMap {
        static SHARED: OnceLock<BaseMap> = OnceLock::new();
        SHARED.get_or_init(|| {
            #[cfg(not(target_arch = "wasm32"))]
            let map = stored::decode(stored::STORED);
            #[cfg(target_arch = "wasm32")]
            let map = BaseMap::from_json(COUNTRIES_JSON);
            map.unwrap_or_else(|_| BaseMap::new(Vec::new(), Vec::new()))
        })
    }

    /// Parses, projects and triangulates a converted countries file.
    pub fn from_json(text: &str) -> Result<BaseMap, BaseMapError> {
        let asset: CountriesAsset = serde_json::from_str(text)?;
        if asset.coordinates != ENCODING {
            return Err(BaseMapError::Encoding(asset.coordinates));
        }
        let countries: Vec<CountryShape> = asset
            .countries
            .into_iter()
            .filter_map(|c| {
                let polygons: Vec<Vec<Vec<[f64; 2]>>> =
                    c.polygons.iter().map(|rings| rings.iter().map(|flat| decode_ring(flat)).collect()).collect();
                shape_from_lonlat(c.iso3, c.name, &polygons)
            })
            .collect();
        let segments = segment_kinds(rings_of(&countries));
        Ok(BaseMap::new(countries, segments))
    }

    /// The countries, with their land, borders and coast built for
    /// [`ScreenMesh`](super::screen_mesh::ScreenMesh) and the sea. `segments` has the kind of
    /// every segment of their rings, in ring order.
    fn new(countries: Vec<CountryShape>, segments: Vec<SegmentKind>) -> BaseMap {
        let land = Geometry::fills(countries.iter().map(|c| (&c.points[..], &c.triangles[..])));
        let borders = Geometry::outlines_once(rings_of(&countries), &segments, 1.0);
        let ring_segments =
            rings_of(&countries).flat_map(|ring| (0..ring.len()).map(|i| [ring[i], ring[(i + 1) % ring.len()]]));
        let coast =
            ring_segments.zip(&segments).filter(|(_, kind)| **kind == SegmentKind::Alone).map(|(s, _)| s).collect();
        BaseMap { countries, segments, land: Arc::new(land), borders: Arc::new(borders), coast }
    }

    pub fn country(&self, iso3: &str) -> Option<&CountryShape> {
        self.countries.iter().find(|c| c.iso3 == iso3)
    }

    /// The country under a zoom-0 point, if any.
    pub fn country_at(&self, p: Pos2) -> Option<&CountryShape> {
        self.countries.iter().find(|c| c.contains(p))
    }
}

/// Every ring of every country, in order: the order of [`BaseMap::segments`].
fn rings_of(countries: &[CountryShape]) -> impl Iterator<Item = &[Pos2]> + Clone {
    countries.iter().flat_map(|c| c.rings.iter().map(|r| &c.points[r.clone()]))
}

/// Projects polygons given as lon/lat rings and triangulates them. `None` if nothing is left.
pub fn shape_from_lonlat(iso3: String, name: String, polygons: &[Vec<Vec<[f64; 2]>>]) -> Option<CountryShape> {
    let mut points = Vec::new();
    let mut rings = Vec::new();
    let mut polygon_ranges = Vec::new();
    let mut triangles = Vec::new();
    let mut best: Option<(f32, Pos2, f32)> = None;
    for polygon in polygons {
        let first_ring = rings.len();
        let base = points.len();
        let mut flat: Vec<f64> = Vec::new();
        let mut holes: Vec<usize> = Vec::new();
        for (ri, ring) in polygon.iter().enumerate() {
            let mut ring_points: Vec<Pos2> = ring.iter().map(|[lon, lat]| zoom0(*lon, *lat)).collect();
            if ring_points.len() > 1 && ring_points.first() == ring_points.last() {
                ring_points.pop();
            }
            if ring_points.len() < 3 {
                if ri == 0 {
                    break;
                }
                continue;
            }
            if ri > 0 {
                holes.push(flat.len() / 2);
            }
            let start = points.len();
            for p in &ring_points {
                flat.push(f64::from(p.x));
                flat.push(f64::from(p.y));
            }
            points.extend_from_slice(&ring_points);
            rings.push(start..points.len());
            if ri == 0 {
                let area = ring_area(&ring_points).abs();
                let (min, max) = bounds_of(&ring_points);
                if best.is_none_or(|(a, _, _)| area > a) {
                    best = Some((area, centroid(&ring_points).unwrap_or(min.lerp(max, 0.5)), max.x - min.x));
                }
            }
        }
        if rings.len() == first_ring {
            continue;
        }
        polygon_ranges.push(first_ring..rings.len());
        if let Ok(idx) = earcutr::earcut(&flat, &holes, 2) {
            triangles.extend(idx.into_iter().map(|i| (base + i) as u32));
        }
    }
    if points.is_empty() {
        return None;
    }
    let (min, max) = bounds_of(&points);
    let (_, label_at, label_width) = best.unwrap_or((0.0, min.lerp(max, 0.5), max.x - min.x));
    Some(CountryShape {
        iso3,
        name,
        points,
        rings,
        polygons: polygon_ranges,
        triangles,
        bounds: egui::Rect::from_min_max(min, max),
        label_at,
        label_width,
    })
}

fn bounds_of(points: &[Pos2]) -> (Pos2, Pos2) {
    let mut min = Pos2::new(f32::INFINITY, f32::INFINITY);
    let mut max = Pos2::new(f32::NEG_INFINITY, f32::NEG_INFINITY);
    for p in points {
        min = min.min(*p);
        max = max.max(*p);
    }
    (min, max)
}

fn ring_area(ring: &[Pos2]) -> f32 {
    let mut s = 0.0;
    for i in 0..ring.len() {
        let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
        s += a.x * b.y - b.x * a.y;
    }
    s / 2.0
}

/// Area centroid of a ring; falls back to `None` for degenerate rings.
fn centroid(ring: &[Pos2]) -> Option<Pos2> {
    let area = ring_area(ring);
    if area.abs() < 1e-9 {
        return None;
    }
    let (mut cx, mut cy) = (0.0f64, 0.0f64);
    for i in 0..ring.len() {
        let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
        let cross = f64::from(a.x * b.y - b.x * a.y);
        cx += f64::from(a.x + b.x) * cross;
        cy += f64::from(a.y + b.y) * cross;
    }
    let k = 1.0 / (6.0 * f64::from(area));
    let c = Pos2::new((cx * k) as f32, (cy * k) as f32);
    point_in_ring(c, ring).then_some(c)
}

/// Even-odd point-in-ring test.
pub fn point_in_ring(p: Pos2, ring: &[Pos2]) -> bool {
    let mut inside = false;
    let n = ring.len();
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + n - 1) % n]);
        if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
            inside = !inside;
        }
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_country_triangulates_without_nans() {
        let map = BaseMap::from_json(COUNTRIES_JSON).expect("asset parses");
        assert!(map.countries.len() > 200, "{} countries", map.countries.len());
        for c in &map.countries {
            assert!(!c.triangles.is_empty(), "{} has no triangles", c.name);
            assert_eq!(c.triangles.len() % 3, 0);
            assert!(c.triangles.iter().all(|&i| (i as usize) < c.points.len()), "{}: index out of range", c.name);
            assert!(c.points.iter().all(|p| p.x.is_finite() && p.y.is_finite()), "{} has a NaN", c.name);
            assert!(c.label_at.x.is_finite() && c.label_at.y.is_finite());
        }
        for iso3 in ["SYR", "IRQ", "TUR", "FRA", "XKX", "MLT"] {
            assert!(map.country(iso3).is_some(), "{iso3} missing");
        }
        // The land and the borders are built with the map (on the loader thread when the app
        // opens at the map): every country's triangles, and a quad (two triangles) per
        // stretch of border, a shared one once.
        let land: usize = map.countries.iter().map(|c| c.triangles.len() / 3).sum();
        assert_eq!(map.land.triangles(), land);
        let segments: usize = map.countries.iter().flat_map(|c| c.rings.iter().map(|r| r.len())).sum();
        let borders = map.borders.triangles() / 2;
        assert!(borders > segments / 2 && borders < segments, "{borders} border quads for {segments} ring segments");
    }

    #[test]
    fn the_coast_is_what_no_two_countries_share() {
        // Two squares side by side share b–c (walked c→b by the second).
        let square = |name: &str, x: f64| {
            let ring = vec![[x, 0.0], [x + 1.0, 0.0], [x + 1.0, 1.0], [x, 1.0]];
            shape_from_lonlat(name.into(), name.into(), &[vec![ring]]).expect("a square")
        };
        let countries = vec![square("A", 0.0), square("B", 1.0)];
        let segments = segment_kinds(rings_of(&countries));
        let map = BaseMap::new(countries, segments);
        let (b, c) = (zoom0(1.0, 0.0), zoom0(1.0, 1.0));
        assert_eq!(map.coast.len(), 6);
        assert!(
            !map.coast.iter().any(|s| *s == [b, c] || *s == [c, b]),
            "the shared side is not coast: {:?}",
            map.coast
        );
        // Drawn once: seven sides of a quad each.
        assert_eq!(map.borders.triangles(), 7 * 2);
    }

    #[test]
    fn rings_decode_from_millidegree_steps() {
        // Afghanistan's first two points, as the converter wrote them before encoding.
        assert_eq!(decode_ring(&[66523, 37349, 306, 23]), vec![[66.523, 37.349], [66.829, 37.372]]);
        let old = r#"{"source":"x","coordinates":"degrees","countries":[]}"#;
        let Err(err) = BaseMap::from_json(old) else { panic!("another encoding is refused") };
        let err = err.to_string();
        assert!(err.contains("\"degrees\"") && err.contains("millidegree-deltas"), "{err}");
    }

    #[test]
    fn points_fall_in_the_right_country() {
        let map = BaseMap::shared();
        assert_eq!(map.country_at(zoom0(43.12, 36.33)).map(|c| c.iso3.as_str()), Some("IRQ")); // Mosul
        assert_eq!(map.country_at(zoom0(39.0, 35.95)).map(|c| c.iso3.as_str()), Some("SYR")); // Raqqa
        assert!(map.country_at(zoom0(-30.0, 30.0)).is_none(), "mid-Atlantic is sea");
    }
}
