//! Fuzzes the TimelineJS importer: arbitrary bytes must never panic it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let outcome = decoded::content::load::load_timelinejs_bytes("fuzz.json", "file:///fuzz.json", 2026, data.to_vec());
    let _ = outcome.pack.stats();
});
