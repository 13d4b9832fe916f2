//! Equal-area measurement of territory polygons on the WGS 84 ellipsoid.
//!
//! Each latitude is mapped to its *authalic* latitude, which carries the ellipsoid onto a
//! sphere of the same surface area without changing any area; on that sphere the area of a
//! ring is the integral of `R² sin β dλ` along it (the trapezoid form Chamberlain and
//! Duquette give for spherical polygons). With ~1 km edges the error is far below the 1%
//! the territory model's own (geodesic, pyproj) figures need.

/// WGS 84 semi-major axis, metres.
const A: f64 = 6_378_137.0;
/// WGS 84 flattening.
const F: f64 = 1.0 / 298.257_223_563;

/// `q(φ)` of the authalic latitude (Snyder, *Map Projections: A Working Manual*, eq. 3-12).
fn q(sin_phi: f64, e: f64) -> f64 {
    let e2 = e * e;
    let es = e * sin_phi;
    (1.0 - e2) * (sin_phi / (1.0 - es * es) - (1.0 / (2.0 * e)) * ((1.0 - es) / (1.0 + es)).ln())
}

/// Signed area of a closed ring of `[lon, lat]` degrees, in km² (positive counter-clockwise).
pub fn ring_km2(ring: &[[f64; 2]]) -> f64 {
    if ring.len() < 3 {
        return 0.0;
    }
    let e = (F * (2.0 - F)).sqrt();
    let qp = q(1.0, e);
    // Authalic radius squared: R_q² = a² q_p / 2.
    let r2 = A * A * qp / 2.0;
    let sin_beta = |lat: f64| q(lat.to_radians().sin(), e) / qp;
    let mut sum = 0.0;
    let [mut lon1, lat1] = ring[ring.len() - 1];
    let mut b1 = sin_beta(lat1);
    for &[lon2, lat2] in ring {
        let b2 = sin_beta(lat2);
        let mut dl = (lon2 - lon1).to_radians();
        if dl > std::f64::consts::PI {
            dl -= 2.0 * std::f64::consts::PI;
        } else if dl < -std::f64::consts::PI {
            dl += 2.0 * std::f64::consts::PI;
        }
        sum += dl * (b1 + b2) / 2.0;
        (lon1, b1) = (lon2, b2);
    }
    -sum * r2 / 1e6
}

/// Area of polygons (first ring the outline, the others holes), in km².
pub fn polygons_km2(polygons: &[Vec<Vec<[f64; 2]>>]) -> f64 {
    polygons
        .iter()
        .map(|rings| {
            let mut rings = rings.iter().map(|r| ring_km2(r).abs());
            let outer = rings.next().unwrap_or(0.0);
            (outer - rings.sum::<f64>()).max(0.0)
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_one_degree_cell_at_the_equator() {
        // 1° × 1° at the equator on WGS 84: 12,308.8 km² (geodesic).
        let cell = vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]];
        let a = ring_km2(&cell);
        assert!((a - 12_308.8).abs() < 5.0, "{a}");
    }

    #[test]
    fn a_cell_in_iraq_and_a_hole() {
        // 1° × 1° at 35–36° N: 10,066 km² (geodesic, WGS 84).
        let outer = vec![[43.0, 35.0], [44.0, 35.0], [44.0, 36.0], [43.0, 36.0], [43.0, 35.0]];
        let hole = vec![[43.0, 35.0], [43.0, 35.5], [44.0, 35.5], [44.0, 35.0], [43.0, 35.0]];
        let whole = polygons_km2(&[vec![outer.clone()]]);
        assert!((whole - 10_066.0).abs() < 40.0, "{whole}");
        let half = polygons_km2(&[vec![outer, hole]]);
        assert!((half / whole - 0.5).abs() < 0.01, "{half}");
    }

    #[test]
    fn the_whole_earth() {
        // WGS 84 surface: 510,065,622 km² (4π R_q²).
        let e = (F * (2.0 - F)).sqrt();
        let total = 4.0 * std::f64::consts::PI * A * A * q(1.0, e) / 2.0 / 1e6;
        assert!((total - 510_065_622.0).abs() < 1_000.0, "{total}");
    }
}
