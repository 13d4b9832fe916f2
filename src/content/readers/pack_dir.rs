//! The pack folder format: `pack.json` names the files, each of one kind (JSON; CSV for
//! datasets; GeoJSON for territory).

use super::parse_json;
use crate::content::diagnostics::Diagnostic;
use crate::content::files::{PackFiles, decode_utf8};
use crate::content::locate::{JsonPath, locate_in};
use crate::content::raw::{LoadedFile, Origin, RawPack};
use crate::content::schema::*;

/// Reads a pack folder (the manifest, then every file it lists). Never panics on bad input.
pub fn read(files: &dyn PackFiles) -> (RawPack, Vec<Diagnostic>) {
    let mut raw = RawPack::default();
    let mut diags = Vec::new();

    let manifest = match read_text(files, "pack.json", &mut diags)
        .and_then(|(text, file)| parse_json::<Manifest>(&file, &text, &mut diags).map(|m| (m, text, file)))
    {
        Some((manifest, text, file)) => {
            raw.files.push(LoadedFile { name: file, text });
            manifest
        }
        None => return (raw, diags),
    };
    if manifest.schema_version != SCHEMA_VERSION {
        let mut d = Diagnostic::file(
            "pack.json",
            format!(
                "schema_version is {}, but this version of the app reads schema_version {SCHEMA_VERSION}",
                manifest.schema_version
            ),
        );
        d.path = "schema_version".into();
        locate_in(&raw.files[0].text, &JsonPath::root().key("schema_version"), &mut d);
        diags.push(d);
    }

    for (entry_index, entry) in manifest.files.iter().enumerate() {
        let entry_path = JsonPath::root().key("files").index(entry_index).key("path");
        let names = if entry.path.ends_with('/') {
            match files.list(&entry.path) {
                Ok(names) => names.into_iter().filter(|n| extension_fits(entry, n)).collect(),
                Err(reason) => {
                    raw.incomplete.insert(entry.kind);
                    diags.push(manifest_problem(&raw, &entry_path, format!("\"{}\": {reason}", entry.path)));
                    continue;
                }
            }
        } else {
            vec![entry.path.clone()]
        };
        for name in names {
            let bytes = match files.read(&name) {
                Ok(bytes) => bytes,
                Err(reason) => {
                    diags.push(manifest_problem(
                        &raw,
                        &entry_path,
                        format!("\"{name}\" is listed for {}: {reason}", entry.kind.name()),
                    ));
                    raw.incomplete.insert(entry.kind);
                    continue;
                }
            };
            let Some(text) = decode_utf8(&name, bytes, &mut diags) else {
                raw.incomplete.insert(entry.kind);
                continue;
            };
            let before = diags.len();
            let file_index = raw.files.len();
            let format = entry.format.unwrap_or_else(|| format_from_name(&name));
            load_kind(&mut raw, entry.kind, format, &name, &text, file_index, &mut diags);
            if diags.len() > before {
                raw.incomplete.insert(entry.kind);
            }
            raw.files.push(LoadedFile { name, text });
        }
    }
    if let Some(name) = &manifest.notice {
        let path = JsonPath::root().key("notice");
        match files.read(name) {
            Ok(bytes) => raw.notice = decode_utf8(name, bytes, &mut diags),
            Err(reason) => diags.push(manifest_problem(&raw, &path, format!("\"{name}\": {reason}"))),
        }
    }
    raw.manifest = Some(manifest);
    (raw, diags)
}

fn manifest_problem(raw: &RawPack, path: &JsonPath, message: String) -> Diagnostic {
    let mut d = Diagnostic::file("pack.json", message);
    d.path = path.to_string();
    if let Some(f) = raw.files.first() {
        locate_in(&f.text, path, &mut d);
    }
    d
}

fn format_from_name(name: &str) -> Format {
    if name.ends_with(".csv") {
        Format::Csv
    } else if name.ends_with(".geojson") {
        Format::Geojson
    } else {
        Format::Json
    }
}

fn extension_fits(entry: &FileEntry, name: &str) -> bool {
    let exts: &[&str] = match entry.kind {
        Kind::Territory => &[".geojson", ".json"],
        Kind::Datasets => &[".json", ".csv"],
        _ => &[".json"],
    };
    exts.iter().any(|e| name.ends_with(e))
}

fn read_text(files: &dyn PackFiles, name: &str, diags: &mut Vec<Diagnostic>) -> Option<(String, String)> {
    match files.read(name) {
        Ok(bytes) => decode_utf8(name, bytes, diags).map(|t| (t, name.to_string())),
        Err(reason) => {
            diags.push(Diagnostic::file(name, reason));
            None
        }
    }
}

fn load_kind(
    raw: &mut RawPack,
    kind: Kind,
    format: Format,
    name: &str,
    text: &str,
    file: usize,
    diags: &mut Vec<Diagnostic>,
) {
    let origin = |index| Origin { file, index };
    macro_rules! json_list {
        ($ty:ty, $field:ident, $target:ident) => {{
            if let Some(parsed) = parse_json::<$ty>(name, text, diags) {
                for (i, item) in parsed.$field.into_iter().enumerate() {
                    raw.$target.push((item, origin(i)));
                }
            }
        }};
    }
    match (kind, format) {
        (Kind::Sections, Format::Json) => json_list!(SectionsFile, sections, sections),
        (Kind::Sources, Format::Json) => json_list!(SourcesFile, sources, sources),
        (Kind::Glossary, Format::Json) => json_list!(GlossaryFile, glossary, glossary),
        (Kind::Timeline, Format::Json) => {
            if let Some(parsed) = parse_json::<TimelineFile>(name, text, diags) {
                raw.tracks.extend(parsed.tracks.into_iter().enumerate().map(|(i, t)| (t, origin(i))));
                raw.eras.extend(parsed.eras.into_iter().enumerate().map(|(i, t)| (t, origin(i))));
                raw.events.extend(parsed.events.into_iter().enumerate().map(|(i, t)| (t, origin(i))));
            }
        }
        (Kind::Datasets, Format::Json) => json_list!(DatasetsFile, datasets, datasets),
        (Kind::Datasets, Format::Csv) => raw.csv_points.extend(super::csv::read(name, text, file, diags)),
        (Kind::Places, Format::Json) => json_list!(PlacesFile, places, places),
        (Kind::Countries, Format::Json) => json_list!(CountriesFile, countries, countries),
        (Kind::Territory, Format::Geojson | Format::Json) => super::geojson::read(name, text, file, raw, diags),
        (Kind::Lessons, Format::Json) => json_list!(LessonsFile, lessons, lessons),
        (Kind::Quiz, Format::Json) => json_list!(QuizFile, quiz, quiz),
        (Kind::Practice, Format::Json) => {
            if let Some(parsed) = parse_json::<PracticeFile>(name, text, diags) {
                raw.practice.extend(parsed.practice.into_iter().enumerate().map(|(i, t)| (t, origin(i))));
                raw.practice_sets.extend(parsed.practice_sets.into_iter().enumerate().map(|(i, t)| (t, origin(i))));
            }
        }
        (Kind::Guide, Format::Json) => json_list!(GuideFile, guide, guide),
        (Kind::Checks, Format::Json) => json_list!(ChecksFile, checks, checks),
        (Kind::Rubrics, Format::Json) => json_list!(RubricsFile, rubrics, rubrics),
        (Kind::Help, Format::Json) => json_list!(HelpFile, help, help),
        (kind, format) => diags.push(Diagnostic::file(
            name,
            format!(
                "{format:?} files cannot hold {}; expected JSON (or CSV for datasets, GeoJSON for territory)",
                kind.name()
            ),
        )),
    }
}
