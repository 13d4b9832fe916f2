//! Files a browser hands over (from the file picker or dropped on the page) turned into a
//! pack through the same loader as a folder on disk: a `.zip` pack, several files of a pack,
//! or a TimelineJS `.json` file. What cannot be read becomes a located problem, shown over
//! the built-in pack like any broken pack.

use std::collections::BTreeMap;

use crate::content::files::MemFiles;
use crate::content::{LoadError, LoadOutcome, load};

/// One file as the browser gave it: its name (or path inside a chosen folder) and bytes.
#[derive(Debug, Clone)]
pub struct PickedFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What a browser's label adds after the files' names ([`label`]), so that the problem list
/// says where they came from.
pub const FROM_THIS_COMPUTER: &str = " (from this computer)";

/// How the chosen files are named in the problem list and the "Open a pack" field (the web
/// adds [`FROM_THIS_COMPUTER`]).
pub fn label(files: &[PickedFile]) -> String {
    match files {
        [one] => one.name.clone(),
        [first, ..] => format!("{} and {} other files", first.name, files.len() - 1),
        [] => "no files".into(),
    }
}

fn is(name: &str, ext: &str) -> bool {
    name.rsplit('.').next().is_some_and(|e| e.eq_ignore_ascii_case(ext)) && name.contains('.')
}

/// Reads the chosen files as a pack (`year`: the citation year of an imported timeline).
pub fn load_picked(files: Vec<PickedFile>, year: i32) -> Result<LoadOutcome, LoadError> {
    let shown = label(&files);
    let unreadable = |reason: String| LoadError::Unreadable { path: shown.clone(), reason };
    let mut files = files;
    if let [one] = files.as_slice() {
        let timeline = is(&one.name, "json") || is(&one.name, "csv");
        if timeline && one.name.rsplit('/').next() != Some("pack.json") {
            // A TimelineJS .json, or its Google Sheets template saved as .csv. It cites itself
            // by its file address, as from a path (a browser does not tell the folder).
            let one = files.remove(0);
            let url = format!("file:///{}", one.name.trim_start_matches('/'));
            return Ok(load::load_timelinejs_bytes(&one.name, &url, year, one.bytes));
        }
    }
    let mut all = BTreeMap::new();
    for file in files {
        if is(&file.name, "zip") {
            let inner =
                crate::platform::zip::unzip(&file.bytes).map_err(|e| unreadable(format!("{}: {e}", file.name)))?;
            all.extend(inner);
        } else {
            all.insert(file.name.replace('\\', "/"), file.bytes);
        }
    }
    let files = MemFiles(strip_top_folder(all));
    if !files.0.contains_key("pack.json") {
        return Err(unreadable(
            "there is no pack.json among these files; choose a pack's .zip, all of a pack's files, or a TimelineJS .json"
                .into(),
        ));
    }
    Ok(load::load_from(&files))
}

/// A pack zipped as its folder (`my-pack/pack.json`, …) is read as if that folder were chosen.
fn strip_top_folder(files: BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Vec<u8>> {
    if files.contains_key("pack.json") {
        return files;
    }
    let Some(prefix) = files.keys().find(|k| k.ends_with("/pack.json") && k.matches('/').count() == 1) else {
        return files;
    };
    let prefix = prefix.trim_end_matches("pack.json").to_string();
    files.into_iter().filter_map(|(k, v)| k.strip_prefix(&prefix).map(|k| (k.to_string(), v))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::zip::tests::make_zip;

    fn builtin_entries() -> Vec<(String, Vec<u8>)> {
        MemFiles::builtin().0.into_iter().map(|(k, v)| (format!("my-pack/{k}"), v)).collect()
    }

    #[test]
    fn the_built_in_pack_as_a_zip_loads_like_the_folder() {
        let entries = builtin_entries();
        let refs: Vec<(&str, &[u8])> = entries.iter().map(|(k, v)| (k.as_str(), v.as_slice())).collect();
        let zip = make_zip(&refs, true);
        let outcome = load_picked(vec![PickedFile { name: "my-pack.zip".into(), bytes: zip }], 2026).expect("loads");
        let folder = load::load_from(&MemFiles::builtin());
        assert_eq!(outcome.pack.sections.items.len(), folder.pack.sections.items.len());
        assert_eq!(outcome.diagnostics.len(), folder.diagnostics.len());
    }

    #[test]
    fn a_timeline_opens_as_from_a_path() {
        for (name, events) in [("river-crossings.csv", 5), ("writing-systems.json", 5)] {
            let bytes = std::fs::read(format!("tests/fixtures/timelinejs/{name}")).expect("fixture");
            let picked = load_picked(vec![PickedFile { name: name.into(), bytes }], 2026).expect("a timeline");
            let from_path = load::load_path(std::path::Path::new(&format!("tests/fixtures/timelinejs/{name}")))
                .expect("a timeline");
            assert!(picked.is_clean(), "{name}: {:#?}", picked.diagnostics);
            assert_eq!(picked.pack.events.len(), events, "{name}");
            assert_eq!(picked.diagnostics.len(), from_path.diagnostics.len(), "{name}: the same warnings");
        }
    }

    #[test]
    fn broken_or_foreign_files_are_problems_not_panics() {
        let broken = load_picked(vec![PickedFile { name: "pack.zip".into(), bytes: b"PK\x03\x04 cut".to_vec() }], 2026);
        assert!(matches!(broken, Err(LoadError::Unreadable { ref path, .. }) if path == "pack.zip"));
        let photo = load_picked(vec![PickedFile { name: "holiday.png".into(), bytes: vec![0x89, b'P'] }], 2026);
        assert!(matches!(photo, Err(LoadError::Unreadable { ref reason, .. }) if reason.contains("pack.json")));
        let timeline = load_picked(vec![PickedFile { name: "t.json".into(), bytes: b"{ not json".to_vec() }], 2026)
            .expect("a timeline with problems");
        assert!(!timeline.is_clean());
        assert!(timeline.diagnostics.iter().any(|d| d.to_string().contains("t.json")), "located in the file");
        let zip = make_zip(&[("pack.json", b"{ broken")], false);
        let located = load_picked(vec![PickedFile { name: "p.zip".into(), bytes: zip }], 2026).expect("read");
        assert!(!located.is_clean());
        assert!(located.diagnostics.iter().any(|d| d.to_string().contains("pack.json")));
    }
}
