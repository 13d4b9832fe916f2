//! Benchmarks: pack loading, one full frame of each view, search, and a 10× pack.
//!
//! Run with `cargo bench`. Frames go through the same headless harness as the UI tests
//! (egui_kittest): one `step` (layout, with the AccessKit tree kittest always builds)
//! plus tessellation of the frame's shapes at the harness's pixels-per-point.

use std::collections::BTreeMap;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use decoded::app::{DecodedApp, LoadedContent, StartOptions};
use decoded::content::Pack;
use decoded::content::files::MemFiles;
use decoded::content::load::load_from;
use decoded::route::Route;
use decoded::search::SearchIndex;
use decoded::state::Settings;
use egui_kittest::Harness;
use serde_json::Value;

fn builtin_bytes() -> Vec<u8> {
    // All JSON of the built-in pack as one array, for the plain-parse comparison.
    let files = MemFiles::builtin();
    let mut out = b"[".to_vec();
    let mut first = true;
    for (name, bytes) in &files.0 {
        if name.ends_with(".json") || name.ends_with(".geojson") {
            if !first {
                out.push(b',');
            }
            first = false;
            out.extend_from_slice(bytes);
        }
    }
    out.push(b']');
    out
}

fn load(c: &mut Criterion) {
    let files = MemFiles::builtin();
    let bytes = builtin_bytes();
    let mut g = c.benchmark_group("load");
    g.bench_function("builtin_parse_validate_index", |b| b.iter(|| black_box(load_from(black_box(&files)))));
    g.bench_function("plain_serde_json_value", |b| {
        b.iter(|| black_box(serde_json::from_slice::<Value>(black_box(&bytes)).expect("bench setup")))
    });
    g.finish();
}

/// The app at a view, in a 1920×1080 headless harness at the given zoom.
pub fn harness_at(pack: Pack, view: &str, zoom: f32) -> Harness<'static, DecodedApp> {
    let focus = (view == "section").then(|| pack.sections.items[0].id.clone());
    let start = Route::from_cli(Some(view), focus.as_deref()).expect("view");
    let options = StartOptions { start, ..Default::default() };
    let loaded = LoadedContent { pack, problems: Vec::new(), problems_path: String::new() };
    let settings = Settings { text_scale: zoom, ..Settings::default() };
    let app = DecodedApp::from_parts(loaded, &options, settings);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0 / zoom, 1080.0 / zoom))
        .with_pixels_per_point(zoom)
        .with_max_steps(64)
        .build_eframe(move |_cc| app);
    harness.run_steps(4);
    harness
}

fn frame_once(harness: &mut Harness<'static, DecodedApp>) -> usize {
    harness.step();
    let shapes = harness.output().shapes.clone();
    let ppp = harness.output().pixels_per_point;
    harness.ctx.tessellate(shapes, ppp).len()
}

fn frames(c: &mut Criterion) {
    let pack = decoded::content::load_builtin().pack;
    let mut g = c.benchmark_group("frame");
    for view in decoded::route::view_names() {
        for (label, zoom) in [("1x", 1.0), ("2x", 2.0)] {
            let mut harness = harness_at(pack.clone(), view, zoom);
            g.bench_function(format!("{view}/{label}"), |b| b.iter(|| black_box(frame_once(&mut harness))));
        }
    }
    g.finish();
}

fn search(c: &mut Criterion) {
    let pack = decoded::content::load_builtin().pack;
    let index = SearchIndex::build(&pack);
    let mut g = c.benchmark_group("search");
    g.bench_function("query", |b| b.iter(|| black_box(index.query(black_box("raqqa"), 6))));
    g.bench_function("query_one_letter", |b| b.iter(|| black_box(index.query(black_box("m"), 6))));
    g.bench_function("build_index", |b| b.iter(|| black_box(SearchIndex::build(&pack))));
    g.finish();
}

/// The built-in pack with events, places, sources and countries repeated ten times
/// (new ids, same references), so it still validates cleanly.
pub fn ten_times_pack() -> MemFiles {
    let mut files = MemFiles::builtin();
    let codes: Vec<String> = (0..26 * 26 * 26)
        .map(|i| {
            let l = |n: usize| (b'A' + (n % 26) as u8) as char;
            format!("{}{}{}", l(i / 676), l(i / 26), l(i))
        })
        .collect();
    let mut country_map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let existing: Vec<String> = {
        let v: Value = serde_json::from_slice(&files.0["countries.json"]).expect("bench setup");
        v["countries"]
            .as_array()
            .expect("bench setup")
            .iter()
            .map(|c| c["iso3"].as_str().expect("bench setup").to_string())
            .collect()
    };
    let mut free = codes.into_iter().filter(|c| !existing.contains(c));
    for iso in &existing {
        country_map.insert(iso.clone(), (1..10).map(|_| free.next().expect("bench setup")).collect());
    }
    let names: Vec<String> = files.0.keys().cloned().collect();
    for name in names {
        if !name.ends_with(".json") || name == "pack.json" {
            continue;
        }
        let mut v: Value = serde_json::from_slice(&files.0[&name]).expect("bench setup");
        let Some(obj) = v.as_object_mut() else { continue };
        for key in ["sources", "events", "places"] {
            if let Some(Value::Array(items)) = obj.get_mut(key) {
                let originals = items.clone();
                for k in 1..10 {
                    for item in &originals {
                        let mut copy = item.clone();
                        let id = copy["id"].as_str().expect("bench setup").to_string();
                        copy["id"] = Value::String(format!("{id}-x{k}"));
                        items.push(copy);
                    }
                }
            }
        }
        if let Some(Value::Array(items)) = obj.get_mut("countries") {
            let originals = items.clone();
            for item in &originals {
                for (k, code) in country_map[item["iso3"].as_str().expect("bench setup")].iter().enumerate() {
                    let mut copy = item.clone();
                    copy["iso3"] = Value::String(code.clone());
                    copy["name"] =
                        Value::String(format!("{} ({})", item["name"].as_str().expect("bench setup"), k + 2));
                    items.push(copy);
                }
            }
        }
        if let Some(Value::Array(datasets)) = obj.get_mut("datasets") {
            for d in datasets {
                for s in d["series"].as_array_mut().expect("bench setup") {
                    let points = s["points"].as_array_mut().expect("bench setup");
                    let originals = points.clone();
                    for p in &originals {
                        if let Some(iso) = p["country"].as_str() {
                            for code in &country_map[iso] {
                                let mut copy = p.clone();
                                copy["country"] = Value::String(code.clone());
                                points.push(copy);
                            }
                        }
                    }
                }
            }
        }
        files.0.insert(name, serde_json::to_vec(&v).expect("bench setup"));
    }
    files
}

fn scale(c: &mut Criterion) {
    let big = ten_times_pack();
    let outcome = load_from(&big);
    assert!(outcome.is_clean(), "10x pack: {:?}", &outcome.diagnostics[..outcome.diagnostics.len().min(3)]);
    let mut g = c.benchmark_group("scale");
    g.bench_function("load_10x", |b| b.iter(|| black_box(load_from(black_box(&big)))));
    let big_pack = outcome.pack;
    let small_pack = decoded::content::load_builtin().pack;
    for view in ["timeline", "charts", "map"] {
        let mut harness = harness_at(small_pack.clone(), view, 1.0);
        g.bench_function(format!("frame_1x/{view}"), |b| b.iter(|| black_box(frame_once(&mut harness))));
        let mut harness = harness_at(big_pack.clone(), view, 1.0);
        g.bench_function(format!("frame_10x/{view}"), |b| b.iter(|| black_box(frame_once(&mut harness))));
    }
    g.finish();
}

/// The map at 1920×1080 with every layer on (territory in its three layers, places, flows),
/// still at 1× and 2×, and while playing: each frame steps the date cursor one month, as Play
/// does, so every frame draws another month (after one pass over the months, which triangulates
/// each month once).
fn map(c: &mut Criterion) {
    use decoded::action::Action;
    use decoded::content::PackDate;
    use decoded::route::{MapLayer, MapLayers};
    let pack = decoded::content::load_builtin().pack;
    let months: Vec<PackDate> = pack.territory_snapshots().iter().map(|m| m.date).collect();
    let mut g = c.benchmark_group("map");
    for (label, zoom) in [("1x", 1.0), ("2x", 2.0)] {
        let mut harness = harness_at(pack.clone(), "map", zoom);
        harness.state_mut().apply(Action::ShowMapLayers(MapLayers::only(MapLayer::ALL)));
        harness.state_mut().apply(Action::SetDate(PackDate::month(2015, 6)));
        harness.run_steps(4);
        g.bench_function(format!("all_layers/{label}"), |b| b.iter(|| black_box(frame_once(&mut harness))));
    }
    // The same view with every layer off: the difference to all_layers/1x is what the layers cost.
    let mut harness = harness_at(pack.clone(), "map", 1.0);
    harness.state_mut().apply(Action::ShowMapLayers(MapLayers::NONE));
    harness.state_mut().apply(Action::SetDate(PackDate::month(2015, 6)));
    harness.run_steps(4);
    g.bench_function("no_layers/1x", |b| b.iter(|| black_box(frame_once(&mut harness))));
    let mut harness = harness_at(pack.clone(), "map", 1.0);
    harness.state_mut().apply(Action::ShowMapLayers(MapLayers::only(MapLayer::ALL)));
    // Steady playing: every month has been shown (and triangulated) once, as after one Play.
    for month in &months {
        harness.state_mut().apply(Action::SetDate(*month));
        harness.step();
    }
    let mut next = 0;
    g.bench_function("playing/1x", |b| {
        b.iter(|| {
            harness.state_mut().apply(Action::SetDate(months[next % months.len()]));
            next += 1;
            black_box(frame_once(&mut harness))
        })
    });
    // The base map, as the desktop reads it at start-up and as the browser builds it.
    use decoded::views::map::basemap::{BaseMap, COUNTRIES_JSON, stored};
    g.bench_function("base_map/stored", |b| b.iter(|| black_box(stored::decode(stored::STORED))));
    g.bench_function("base_map/from_json", |b| b.iter(|| black_box(BaseMap::from_json(COUNTRIES_JSON))));
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3)).warm_up_time(std::time::Duration::from_secs(1));
    targets = load, frames, search, scale, map
}
criterion_main!(benches);
