//! Fuzzes the pack loader: the input replaces one file of the minimal example pack
//! (the first byte picks which), and loading must never panic.
#![no_main]

use std::sync::OnceLock;

use decoded::content::files::MemFiles;
use decoded::content::load::load_from;
use libfuzzer_sys::fuzz_target;

fn minimal() -> &'static MemFiles {
    static FILES: OnceLock<MemFiles> = OnceLock::new();
    FILES.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/minimal");
        let mut files = MemFiles::default();
        for entry in std::fs::read_dir(dir).expect("the minimal pack") {
            let entry = entry.expect("a file");
            files.0.insert(entry.file_name().to_string_lossy().into_owned(), std::fs::read(entry.path()).expect("bytes"));
        }
        files
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let mut files = minimal().clone();
    let names: Vec<String> = files.0.keys().cloned().collect();
    let name = &names[pick as usize % names.len()];
    files.0.insert(name.clone(), bytes.to_vec());
    let outcome = load_from(&files);
    let _ = outcome.pack.stats();
});
