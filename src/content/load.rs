//! Reading a pack: files → typed content, with every problem located.
//!
//! A pack comes from a folder on disk ([`DirFiles`]) or from the copy compiled
//! into the binary ([`EmbeddedFiles`]); both go through the same code, so
//! `decoded check content` and the built-in pack can never disagree.

use std::path::{Component, Path, PathBuf};

use include_dir::{Dir, include_dir};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::date::PackDate;
use super::diagnostics::{Diagnostic, Severity};
use super::locate::{JsonPath, line_col};
use super::pack::{Origin, Pack, RawPack, TerritorySnapshot};
use super::schema::*;
use super::validate;

/// The built-in pack, compiled into the binary.
pub static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");

/// Largest content file the loader accepts.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// The pack could not be read at all (exit code 2 in `check`).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read the pack at {path}: {reason}")]
    Unreadable { path: String, reason: String },
}

/// The result of loading: a pack (possibly partial) and every problem found.
pub struct LoadOutcome {
    pub pack: Pack,
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadOutcome {
    /// No errors (warnings may remain: the pack opens).
    pub fn is_clean(&self) -> bool {
        !self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The warnings only.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| !d.is_error())
    }
}

/// Where a pack's files come from.
pub trait PackFiles {
    /// Reads a file by its path relative to the pack root.
    fn read(&self, rel: &str) -> Result<Vec<u8>, String>;
    /// Lists the files directly inside a folder (relative paths, sorted).
    fn list(&self, rel_dir: &str) -> Result<Vec<String>, String>;
}

/// A pack folder on disk. Paths that leave the folder are refused.
pub struct DirFiles {
    root: PathBuf,
}

impl DirFiles {
    pub fn new(root: &Path) -> Result<Self, LoadError> {
        let unreadable = |reason: String| LoadError::Unreadable { path: root.display().to_string(), reason };
        let meta = std::fs::metadata(root).map_err(|e| unreadable(e.to_string()))?;
        if !meta.is_dir() {
            return Err(unreadable("it is not a folder (a pack is a folder holding pack.json)".into()));
        }
        let root = root.canonicalize().map_err(|e| unreadable(e.to_string()))?;
        Ok(DirFiles { root })
    }

    fn resolve(&self, rel: &str) -> Result<PathBuf, String> {
        check_relative(rel)?;
        let joined = self.root.join(rel);
        let real = joined.canonicalize().map_err(|e| io_message(&e))?;
        if !real.starts_with(&self.root) {
            return Err(
                "the path leads outside the pack folder (through a link); packs may only use their own files".into()
            );
        }
        Ok(real)
    }
}

/// Refuses absolute paths and `..` before anything touches the disk.
pub fn check_relative(rel: &str) -> Result<(), String> {
    let path = Path::new(rel);
    if rel.is_empty() {
        return Err("the path is empty".into());
    }
    for component in path.components() {
        match component {
            Component::Normal(_) | Component::CurDir => {}
            Component::ParentDir => {
                return Err("the path uses \"..\"; packs may only use files inside their folder".into());
            }
            Component::RootDir | Component::Prefix(_) => {
                return Err("the path is absolute; expected a path relative to the pack folder".into());
            }
        }
    }
    Ok(())
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "the file does not exist".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

impl PackFiles for DirFiles {
    fn read(&self, rel: &str) -> Result<Vec<u8>, String> {
        let path = self.resolve(rel)?;
        let meta = std::fs::metadata(&path).map_err(|e| io_message(&e))?;
        if meta.is_dir() {
            return Err(
                "this is a folder, but a file was expected (end the path with \"/\" to load every file in a folder)"
                    .into(),
            );
        }
        if meta.len() as usize > MAX_FILE_BYTES {
            return Err(format!(
                "the file is {:.1} MB; content files may be at most {} MB",
                meta.len() as f64 / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            ));
        }
        std::fs::read(&path).map_err(|e| io_message(&e))
    }

    fn list(&self, rel_dir: &str) -> Result<Vec<String>, String> {
        let path = self.resolve(rel_dir.trim_end_matches('/'))?;
        if !path.is_dir() {
            return Err("expected a folder here".into());
        }
        let mut names = Vec::new();
        for entry in std::fs::read_dir(&path).map_err(|e| io_message(&e))? {
            let entry = entry.map_err(|e| io_message(&e))?;
            if entry.path().is_file() {
                if let Some(name) = entry.file_name().to_str() {
                    names.push(format!("{}/{}", rel_dir.trim_end_matches('/'), name));
                }
            }
        }
        names.sort();
        Ok(names)
    }
}

/// The pack compiled into the binary.
pub struct EmbeddedFiles(pub &'static Dir<'static>);

impl PackFiles for EmbeddedFiles {
    fn read(&self, rel: &str) -> Result<Vec<u8>, String> {
        check_relative(rel)?;
        self.0.get_file(rel).map(|f| f.contents().to_vec()).ok_or_else(|| "the file does not exist".to_string())
    }

    fn list(&self, rel_dir: &str) -> Result<Vec<String>, String> {
        let dir = self.0.get_dir(rel_dir.trim_end_matches('/')).ok_or("the folder does not exist")?;
        let mut names: Vec<String> = dir.files().map(|f| f.path().to_string_lossy().replace('\\', "/")).collect();
        names.sort();
        Ok(names)
    }
}

/// A pack held in memory: file name → bytes (tests, fuzzing, imports).
#[derive(Default, Clone)]
pub struct MemFiles(pub std::collections::BTreeMap<String, Vec<u8>>);

impl PackFiles for MemFiles {
    fn read(&self, rel: &str) -> Result<Vec<u8>, String> {
        check_relative(rel)?;
        self.0.get(rel).cloned().ok_or_else(|| "the file does not exist".to_string())
    }

    fn list(&self, rel_dir: &str) -> Result<Vec<String>, String> {
        let prefix = format!("{}/", rel_dir.trim_end_matches('/'));
        let names: Vec<String> =
            self.0.keys().filter(|k| k.starts_with(&prefix) && !k[prefix.len()..].contains('/')).cloned().collect();
        if names.is_empty() && !self.0.keys().any(|k| k.starts_with(&prefix)) {
            return Err("the folder does not exist".into());
        }
        Ok(names)
    }
}

impl MemFiles {
    /// A copy of the built-in pack's files.
    pub fn builtin() -> Self {
        fn walk(dir: &'static Dir<'static>, out: &mut std::collections::BTreeMap<String, Vec<u8>>) {
            for f in dir.files() {
                out.insert(f.path().to_string_lossy().replace('\\', "/"), f.contents().to_vec());
            }
            for d in dir.dirs() {
                walk(d, out);
            }
        }
        let mut files = std::collections::BTreeMap::new();
        walk(&BUILTIN, &mut files);
        MemFiles(files)
    }
}

/// Loads the built-in pack.
pub fn load_builtin() -> LoadOutcome {
    load_from(&EmbeddedFiles(&BUILTIN))
}

/// Loads a pack folder from disk, or a TimelineJS `.json` file.
pub fn load_path(path: &Path) -> Result<LoadOutcome, LoadError> {
    if path.is_file() && path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
        return super::timelinejs::load_file(path);
    }
    let files = DirFiles::new(path)?;
    if files.resolve("pack.json").is_err() {
        return Err(LoadError::Unreadable {
            path: path.display().to_string(),
            reason: "there is no pack.json in this folder".into(),
        });
    }
    Ok(load_from(&files))
}

/// A file that was read as text, kept so later problems can be located in it.
pub struct LoadedFile {
    pub name: String,
    pub text: String,
}

/// Loads and validates a pack from any source of files. Never panics on bad input.
pub fn load_from(files: &dyn PackFiles) -> LoadOutcome {
    let mut raw = RawPack::default();
    let mut diags = Vec::new();

    let manifest = match read_text(files, "pack.json", &mut diags)
        .and_then(|(text, file)| parse_json::<Manifest>(&file, &text, &mut diags).map(|m| (m, text, file)))
    {
        Some((manifest, text, file)) => {
            raw.files.push(LoadedFile { name: file, text });
            manifest
        }
        None => return finish(raw, diags),
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
    raw.manifest = Some(manifest);
    finish(raw, diags)
}

pub(crate) fn finish(raw: RawPack, mut diags: Vec<Diagnostic>) -> LoadOutcome {
    validate::validate(&raw, &mut diags);
    LoadOutcome { pack: Pack::from_raw(raw), diagnostics: diags }
}

fn manifest_problem(raw: &RawPack, path: &JsonPath, message: String) -> Diagnostic {
    let mut d = Diagnostic::file("pack.json", message);
    d.path = path.to_string();
    if let Some(f) = raw.files.first() {
        locate_in(&f.text, path, &mut d);
    }
    d
}

pub(crate) fn locate_in(text: &str, path: &JsonPath, d: &mut Diagnostic) {
    if let Some((l, c)) = super::locate::locate(text, path) {
        d.line = Some(l);
        d.column = Some(c);
    }
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

fn decode_utf8(name: &str, bytes: Vec<u8>, diags: &mut Vec<Diagnostic>) -> Option<String> {
    match String::from_utf8(bytes) {
        Ok(text) => Some(text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let ok = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
            let (line, column) = line_col(&ok, ok.len());
            diags.push(Diagnostic {
                severity: Severity::Error,
                file: name.to_string(),
                line: Some(line),
                column: Some(column),
                path: String::new(),
                message: format!(
                    "found bytes that are not UTF-8 text at byte {at}; expected the file to be saved as UTF-8"
                ),
            });
            None
        }
    }
}

/// Parses JSON into `T`, turning any error into a located diagnostic.
pub fn parse_json<T: DeserializeOwned>(file: &str, text: &str, diags: &mut Vec<Diagnostic>) -> Option<T> {
    if text.trim().is_empty() {
        diags.push(Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            line: Some(1),
            column: Some(1),
            path: String::new(),
            message: "the file is empty; expected a JSON object".into(),
        });
        return None;
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let result: Result<T, serde_path_to_error::Error<serde_json::Error>> = serde_path_to_error::deserialize(&mut de);
    let (path, inner) = match result {
        Ok(v) => match de.end() {
            Ok(()) => return Some(v),
            Err(e) => (String::new(), e),
        },
        Err(err) => {
            // serde_path_to_error writes `?` for a key it had not read yet.
            let path = err.path().to_string().trim_end_matches(".?").trim_end_matches('?').to_string();
            (if path == "." { String::new() } else { path }, err.into_inner())
        }
    };
    let mut message = inner.to_string();
    if let Some(cut) = message.rfind(" at line ") {
        message.truncate(cut);
    }
    let message = match inner.classify() {
        serde_json::error::Category::Eof => {
            format!("{message}: the file ends too early (is it cut off?)")
        }
        serde_json::error::Category::Syntax => format!("JSON syntax error: {message}"),
        _ => message,
    };
    diags.push(Diagnostic {
        severity: Severity::Error,
        file: file.to_string(),
        line: (inner.line() > 0).then_some(inner.line()),
        column: (inner.line() > 0).then_some(inner.column().max(1)),
        path,
        message,
    });
    None
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
        (Kind::Datasets, Format::Csv) => raw.csv_points.extend(parse_csv_points(name, text, file, diags)),
        (Kind::Places, Format::Json) => json_list!(PlacesFile, places, places),
        (Kind::Countries, Format::Json) => json_list!(CountriesFile, countries, countries),
        (Kind::Territory, Format::Geojson | Format::Json) => {
            if let Some(fc) = parse_json::<FeatureCollection>(name, text, diags) {
                for (i, feature) in fc.features.into_iter().enumerate() {
                    let polygons = match feature.geometry {
                        Geometry::Polygon(p) => vec![p],
                        Geometry::MultiPolygon(m) => m,
                    };
                    let p = feature.properties;
                    raw.territory.push((
                        TerritorySnapshot { date: p.date, label: p.label, note: p.note, sources: p.sources, polygons },
                        origin(i),
                    ));
                }
            }
        }
        (Kind::Lessons, Format::Json) => json_list!(LessonsFile, lessons, lessons),
        (Kind::Quiz, Format::Json) => json_list!(QuizFile, quiz, quiz),
        (Kind::Practice, Format::Json) => json_list!(PracticeFile, practice, practice),
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

// ---------------------------------------------------------------- GeoJSON (territory)

/// A GeoJSON FeatureCollection of approximate control extents.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FeatureCollection {
    #[serde(rename = "type")]
    _kind: FeatureCollectionTag,
    #[serde(default)]
    #[allow(dead_code)]
    name: Option<String>,
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
    #[serde(default)]
    #[allow(dead_code)]
    id: Option<serde_json::Value>,
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
}

#[derive(Deserialize)]
#[serde(tag = "type", content = "coordinates")]
enum Geometry {
    Polygon(Vec<Vec<[f64; 2]>>),
    MultiPolygon(Vec<Vec<Vec<[f64; 2]>>>),
}

// ---------------------------------------------------------------- CSV (datasets)

/// One CSV row: a figure added to a series declared in a datasets JSON file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CsvPoint {
    pub dataset: String,
    pub series: String,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub end: Option<String>,
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub value: Option<f64>,
    #[serde(default)]
    pub low: Option<f64>,
    #[serde(default)]
    pub high: Option<f64>,
    pub as_of: String,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A CSV row turned into a point, with its file and line.
pub struct CsvRow {
    pub dataset: String,
    pub series: String,
    pub point: Point,
    pub file: usize,
    pub line: usize,
}

fn parse_csv_points(name: &str, text: &str, file: usize, diags: &mut Vec<Diagnostic>) -> Vec<CsvRow> {
    let mut rows = Vec::new();
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(text.as_bytes());
    for record in reader.deserialize::<CsvPoint>() {
        match record {
            Ok(row) => {
                let line = rows.len() + 2;
                let mut date_problem = |field: &str, value: &Option<String>| -> Option<PackDate> {
                    let v = value.as_deref().filter(|v| !v.is_empty())?;
                    match PackDate::parse(v) {
                        Ok(d) => Some(d),
                        Err(e) => {
                            diags.push(Diagnostic {
                                severity: Severity::Error,
                                file: name.into(),
                                line: Some(line),
                                column: None,
                                path: field.into(),
                                message: e,
                            });
                            None
                        }
                    }
                };
                let date = date_problem("date", &row.date);
                let end = date_problem("end", &row.end);
                let Some(as_of) = date_problem("as_of", &Some(row.as_of.clone())) else {
                    continue;
                };
                let empty_none = |v: Option<String>| v.filter(|s| !s.is_empty());
                rows.push(CsvRow {
                    dataset: row.dataset,
                    series: row.series,
                    point: Point {
                        country: empty_none(row.country),
                        region: empty_none(row.region),
                        date,
                        end,
                        category: empty_none(row.category),
                        value: row.value,
                        low: row.low,
                        high: row.high,
                        as_of,
                        source: empty_none(row.source),
                        note: row.note.unwrap_or_default(),
                    },
                    file,
                    line,
                });
            }
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                diags.push(Diagnostic {
                    severity: Severity::Error,
                    file: name.into(),
                    line,
                    column: None,
                    path: String::new(),
                    message: e.to_string(),
                });
            }
        }
    }
    rows
}
