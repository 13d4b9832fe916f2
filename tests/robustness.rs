//! Property tests: damaged packs never panic the loader, and an idle app requests no repaint.

mod common;

use egui_kittest::kittest::Queryable;

use decoded::content::files::MemFiles;
use decoded::content::load::load_from;
use proptest::prelude::*;

fn minimal() -> MemFiles {
    let mut files = MemFiles::default();
    for entry in std::fs::read_dir("tests/fixtures/minimal").expect("test setup") {
        let entry = entry.expect("test setup");
        files
            .0
            .insert(entry.file_name().to_string_lossy().into_owned(), std::fs::read(entry.path()).expect("test setup"));
    }
    files
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, byte: u8 },
    Delete { at: usize, len: usize },
    Insert { at: usize, bytes: Vec<u8> },
    Truncate { at: usize },
    Duplicate { at: usize, len: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Flip { at, byte }),
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (
            any::<usize>(),
            proptest::collection::vec(
                prop_oneof![Just(b'"'), Just(b'['), Just(b'{'), Just(b','), Just(b':'), any::<u8>()],
                1..8
            )
        )
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
        (any::<usize>(), 1usize..200).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let n = bytes.len().max(1);
    match m {
        Mutation::Flip { at, byte } => {
            if !bytes.is_empty() {
                bytes[at % n] = *byte;
            }
        }
        Mutation::Delete { at, len } => {
            let start = at % n;
            let end = (start + len).min(bytes.len());
            bytes.drain(start.min(bytes.len())..end);
        }
        Mutation::Insert { at, bytes: ins } => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, ins.iter().copied());
        }
        Mutation::Truncate { at } => bytes.truncate(at % n),
        Mutation::Duplicate { at, len } => {
            let start = at % n;
            let end = (start + len).min(bytes.len());
            let copy: Vec<u8> = bytes[start.min(bytes.len())..end].to_vec();
            bytes.splice(end..end, copy);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn random_mutations_never_panic_the_loader(file_index in 0usize..14, mutations in proptest::collection::vec(mutation(), 1..6)) {
        let mut files = minimal();
        let names: Vec<String> = files.0.keys().cloned().collect();
        let name = &names[file_index % names.len()];
        let bytes = files.0.get_mut(name).unwrap();
        for m in &mutations {
            apply(bytes, m);
        }
        let outcome = load_from(&files);
        // Every problem names a file; a damaged pack still yields a pack to show.
        for d in &outcome.diagnostics {
            prop_assert!(!d.file.is_empty(), "{d}");
        }
        let _ = outcome.pack.stats();
    }
}

/// The TimelineJS fixtures (JSON and Google Sheets CSV), each damaged at random, never panic
/// the readers, and every problem they report names the file.
#[test]
fn mutations_of_timelinejs_files_never_panic() {
    let mut fixtures: Vec<(String, Vec<u8>)> = std::fs::read_dir("tests/fixtures/timelinejs")
        .expect("test setup")
        .map(|e| e.expect("test setup").path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).expect("test setup")))
        .collect();
    fixtures.sort();
    // CSV's own structure: quotes, separators and line ends, besides any byte.
    let csv_bytes = proptest::collection::vec(
        prop_oneof![Just(b'"'), Just(b','), Just(b';'), Just(b'\n'), Just(b'\r'), Just(b'\t'), any::<u8>()],
        1..8,
    )
    .prop_map(|bytes| Mutation::Insert { at: 0, bytes });
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig { cases: 300, ..ProptestConfig::default() });
    runner
        .run(
            &(0..fixtures.len(), proptest::collection::vec(prop_oneof![mutation(), csv_bytes], 1..5), any::<usize>()),
            |(i, ms, at)| {
                let (name, mut bytes) = fixtures[i].clone();
                for m in &ms {
                    let m = match m {
                        Mutation::Insert { at: 0, bytes } => Mutation::Insert { at, bytes: bytes.clone() },
                        other => other.clone(),
                    };
                    apply(&mut bytes, &m);
                }
                let outcome = decoded::content::load::load_timelinejs_bytes(&name, "file:///t", 2026, bytes);
                for d in &outcome.diagnostics {
                    prop_assert!(d.file == name, "{d}");
                }
                let _ = outcome.pack.stats();
                Ok(())
            },
        )
        .unwrap();
}

#[test]
fn mutations_of_the_builtin_pack_never_panic() {
    let base = MemFiles::builtin();
    let names: Vec<String> = base.0.keys().cloned().collect();
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig { cases: 60, ..ProptestConfig::default() });
    runner
        .run(&(0..names.len(), proptest::collection::vec(mutation(), 1..4)), |(i, ms)| {
            let mut files = base.clone();
            let bytes = files.0.get_mut(&names[i]).unwrap();
            for m in &ms {
                apply(bytes, m);
            }
            let _ = load_from(&files);
            Ok(())
        })
        .unwrap();
}

#[test]
fn an_idle_app_requests_no_repaint() {
    let mut harness = common::home();
    harness.run();
    assert!(!harness.ctx.has_requested_repaint(), "the home screen keeps asking for frames");
    harness.get_all_by_label("Glossary").next().unwrap().click();
    harness.run();
    assert!(!harness.ctx.has_requested_repaint(), "the glossary keeps asking for frames");
}
