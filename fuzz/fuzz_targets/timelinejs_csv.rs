//! Fuzzes the TimelineJS Google Sheets (CSV) importer: arbitrary bytes must never panic it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let outcome = decoded::content::load::load_timelinejs_bytes("fuzz.csv", "file:///fuzz.csv", 2026, data.to_vec());
    let _ = outcome.pack.stats();
});
