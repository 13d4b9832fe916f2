//! Territory as GeoJSON: a FeatureCollection of dated, sourced (Multi)Polygons.

use serde::Deserialize;

use super::parse_json;
use crate::content::date::PackDate;
use crate::content::diagnostics::Diagnostic;
use crate::content::raw::{Origin, RawPack, TerritorySnapshot};
use crate::content::schema::TerritoryLayer;

/// Reads one territory file into `raw.territory`.
pub fn read(name: &str, text: &str, file: usize, raw: &mut RawPack, diags: &mut Vec<Diagnostic>) {
    if let Some(fc) = parse_json::<FeatureCollection>(name, text, diags) {
        for (index, feature) in fc.features.into_iter().enumerate() {
            let polygons = match feature.geometry {
                Geometry::Polygon(p) => vec![p],
                Geometry::MultiPolygon(m) => m,
            };
            let p = feature.properties;
            raw.territory.push((
                TerritorySnapshot {
                    date: p.date,
                    label: p.label,
                    note: p.note,
                    sources: p.sources,
                    layer: p.layer,
                    area_km2: crate::content::area::polygons_km2(&polygons),
                    polygons,
                },
                Origin { file, index },
            ));
        }
    }
}

/// A GeoJSON FeatureCollection of approximate control extents.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FeatureCollection {
    #[serde(rename = "type")]
    _kind: FeatureCollectionTag,
    /// Allowed by GeoJSON; not used.
    #[serde(default, rename = "name")]
    _name: Option<String>,
    features: Vec<Feature>,
}

#[derive(Deserialize)]
enum FeatureCollectionTag {
    FeatureCollection,
}

#[derive(Deserialize)]
enum FeatureTag {
    Feature,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Feature {
    #[serde(rename = "type")]
    _kind: FeatureTag,
    /// Allowed by GeoJSON; not used.
    #[serde(default, rename = "id")]
    _id: Option<serde_json::Value>,
    properties: TerritoryProperties,
    geometry: Geometry,
}

/// Properties every territory feature carries.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TerritoryProperties {
    date: PackDate,
    label: String,
    #[serde(default)]
    note: String,
    sources: Vec<String>,
    /// `held` (the default), `desert` or `contested`.
    #[serde(default)]
    layer: TerritoryLayer,
}

#[derive(Deserialize)]
#[serde(tag = "type", content = "coordinates")]
enum Geometry {
    Polygon(Vec<Vec<[f64; 2]>>),
    MultiPolygon(Vec<Vec<Vec<[f64; 2]>>>),
}
