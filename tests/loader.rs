//! Loader tests: one per class of damage, each checking that the message names the
//! right file, position and JSON path. Packs are copies of tests/fixtures/minimal.

use std::fs;
use std::path::{Path, PathBuf};

use decoded::content::{Diagnostic, load_path};

/// Copies the minimal pack into a temp folder, lets `damage` change it, and loads it.
fn load_damaged(damage: impl FnOnce(&Path)) -> (tempfile::TempDir, Vec<Diagnostic>) {
    let dir = tempfile::tempdir().expect("test setup");
    copy_dir(Path::new("tests/fixtures/minimal"), dir.path());
    damage(dir.path());
    let outcome = load_path(dir.path()).expect("readable pack");
    (dir, outcome.diagnostics)
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).expect("test setup") {
        let entry = entry.expect("test setup");
        fs::copy(entry.path(), to.join(entry.file_name())).expect("test setup");
    }
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path: PathBuf = dir.join(file);
    let text = fs::read_to_string(&path).expect("test setup");
    assert!(text.contains(from), "{file} does not contain {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).expect("test setup");
}

/// Exactly one problem, and it is the one expected.
fn only(diags: &[Diagnostic]) -> &Diagnostic {
    assert_eq!(diags.len(), 1, "expected one problem, got: {diags:#?}");
    &diags[0]
}

#[test]
fn minimal_pack_is_clean() {
    let outcome = load_path(Path::new("tests/fixtures/minimal")).unwrap();
    assert!(outcome.diagnostics.is_empty(), "{:#?}", outcome.diagnostics);
    assert_eq!(outcome.pack.datasets.get("ds-example").unwrap().series[1].points.len(), 1, "CSV row attached");
}

#[test]
fn syntax_error_names_line_and_column() {
    let (_d, diags) = load_damaged(|d| {
        edit(d, "timeline.json", "\"title\": \"An example event\",", "\"title\": \"An example event\"")
    });
    let p = only(&diags);
    assert_eq!(p.file, "timeline.json");
    assert_eq!((p.line, p.column), (Some(10), Some(7)), "{p}");
    assert_eq!(p.path, "events[0]");
    assert!(p.message.contains("syntax") && p.message.contains("expected `,`"), "{p}");
}

#[test]
fn truncated_file_says_it_ends_early() {
    let (_d, diags) = load_damaged(|d| {
        let text = fs::read_to_string(d.join("sources.json")).unwrap();
        fs::write(d.join("sources.json"), &text[..text.len() / 2]).unwrap();
    });
    let p = diags.iter().find(|p| p.file == "sources.json").expect("sources.json problem");
    assert!(p.message.contains("ends too early"), "{p}");
    assert!(p.line.is_some());
}

#[test]
fn wrong_type_names_the_json_path() {
    let (_d, diags) = load_damaged(|d| edit(d, "places.json", "\"lat\": 36.34", "\"lat\": \"north\""));
    let p = only(&diags);
    assert_eq!((p.file.as_str(), p.path.as_str()), ("places.json", "places[0].lat"));
    assert!(p.message.contains("invalid type") && p.message.contains("f64"), "{p}");
    assert_eq!(p.line, Some(3));
}

#[test]
fn missing_required_field_is_named() {
    let (_d, diags) = load_damaged(|d| edit(d, "quiz.json", "\"question\": \"What is a pack?\",", ""));
    let p = only(&diags);
    assert_eq!(p.file, "quiz.json");
    assert_eq!(p.path, "quiz[0]");
    assert!(p.message.contains("missing field `question`"), "{p}");
}

#[test]
fn unknown_field_lists_the_expected_ones() {
    let (_d, diags) = load_damaged(|d| edit(d, "sources.json", "\"publisher\"", "\"publsher\""));
    let p = only(&diags);
    assert_eq!(p.path, "sources[0].publsher");
    assert!(p.message.contains("unknown field `publsher`") && p.message.contains("`publisher`"), "{p}");
}

#[test]
fn duplicate_ids_point_at_both() {
    let (_d, diags) = load_damaged(|d| edit(d, "practice.json", "\"id\": \"pr-ordinary\"", "\"id\": \"pr-example\""));
    let p = only(&diags);
    assert_eq!((p.file.as_str(), p.path.as_str()), ("practice.json", "practice[1].id"));
    assert!(p.message.contains("duplicate") && p.message.contains("practice[0]"), "{p}");
    assert_eq!(p.line, Some(4));
}

#[test]
fn dangling_references_of_every_kind() {
    let (_d, diags) = load_damaged(|d| {
        edit(d, "timeline.json", "\"places\": [\"pl-example\"]", "\"places\": [\"pl-nowhere\"]");
        edit(d, "datasets.json", "\"country\": \"IRQ\"", "\"country\": \"XYZ\"");
        edit(d, "quiz.json", "\"section\": \"sec-example\"", "\"section\": \"sec-nope\"");
        edit(d, "sections.json", "\"related_events\": [\"ev-example\"]", "\"related_events\": [\"ev-nope\"]");
        edit(d, "glossary.json", "[[source:src-example]]", "[[source:src-nope]]");
    });
    let paths: Vec<&str> = diags.iter().map(|p| p.path.as_str()).collect();
    for expected in [
        "events[0].places[0]",
        "datasets[0].series[0].points[0].country",
        "quiz[0].section",
        "sections[0].related_events[0]",
        "glossary[0].definition",
    ] {
        assert!(paths.contains(&expected), "missing {expected} in {diags:#?}");
    }
    // The section's two figures of IRQ no longer find their point either: that is the same
    // damage seen from the prose, and it is reported there too.
    let (figures, others): (Vec<_>, Vec<_>) = diags.iter().partition(|p| p.message.contains("[[figure:"));
    assert_eq!(others.len(), 5, "{diags:#?}");
    assert_eq!(figures.len(), 2, "{diags:#?}");
    assert!(diags.iter().all(|p| p.line.is_some()), "every problem has a line: {diags:#?}");
}

#[test]
fn impossible_dates_and_end_before_start() {
    let (_d, diags) = load_damaged(|d| {
        edit(d, "timeline.json", "\"date\": \"2014-06-10\"", "\"date\": \"2014-02-30\"");
        edit(d, "places.json", "\"to\": \"2017-07\"", "\"to\": \"2013-01\"");
    });
    assert_eq!(diags.len(), 2, "{diags:#?}");
    assert!(
        diags
            .iter()
            .any(|p| p.path == "events[0].date" && p.message.contains("day 30 does not exist in February 2014"))
    );
    assert!(diags.iter().any(|p| p.path == "places[0].control[0].to" && p.message.contains("before the start")));
}

#[test]
fn badly_written_date_is_a_parse_error_with_position() {
    let (_d, diags) = load_damaged(|d| edit(d, "timeline.json", "\"date\": \"2014-06-10\"", "\"date\": \"June 2014\""));
    let p = only(&diags);
    assert_eq!(p.path, "events[0].date");
    assert!(p.message.contains("YYYY-MM-DD"), "{p}");
}

#[test]
fn coordinates_out_of_range() {
    let (_d, diags) = load_damaged(|d| edit(d, "places.json", "\"lon\": 43.13", "\"lon\": 243.13"));
    let p = only(&diags);
    assert_eq!(p.path, "places[0].lon");
    assert!(p.message.contains("out of range"), "{p}");
}

#[test]
fn negative_huge_and_inverted_figures() {
    let (_d, diags) = load_damaged(|d| {
        edit(d, "datasets.json", "\"value\": 100", "\"value\": -5");
        edit(d, "extra-figures.csv", ",80,120,", ",130,120,");
        edit(d, "countries.json", "\"value\": 35572261", "\"value\": 0");
    });
    assert!(diags.iter().any(|p| p.path.ends_with("points[0].value") && p.message.contains("negative")), "{diags:#?}");
    assert!(
        diags
            .iter()
            .any(|p| p.file == "extra-figures.csv" && p.line == Some(2) && p.message.contains("greater than high")),
        "{diags:#?}"
    );
    assert!(diags.iter().any(|p| p.path == "countries[0].population.value"), "{diags:#?}");
    let (_d, diags) = load_damaged(|d| edit(d, "datasets.json", "\"value\": 100", "\"value\": 1e400"));
    assert!(only(&diags).message.contains("number out of range"));
}

#[test]
fn empty_required_text_and_figure_without_source() {
    let (_d, diags) = load_damaged(|d| {
        edit(d, "sections.json", "\"title\": \"An example section\"", "\"title\": \"  \"");
        edit(
            d,
            "datasets.json",
            "{ \"id\": \"estimate-a\", \"label\": \"Estimate A\", \"source\": \"src-example\",",
            "{ \"id\": \"estimate-a\", \"label\": \"Estimate A\",",
        );
    });
    assert!(diags.iter().any(|p| p.path == "sections[0].title" && p.message.contains("empty")), "{diags:#?}");
    assert!(
        diags.iter().any(|p| p.path == "datasets[0].series[0].points[0]" && p.message.contains("without a source")),
        "{diags:#?}"
    );
}

#[test]
fn broken_inline_markup() {
    let (_d, diags) =
        load_damaged(|d| edit(d, "sections.json", "[[glossary:example-term]]", "[[glosary:example-term]]"));
    let p = only(&diags);
    assert_eq!(p.path, "sections[0].paragraphs[1]");
    assert!(p.message.contains("link kind \"glosary\" is unknown"), "{p}");
    let (_d, diags) =
        load_damaged(|d| edit(d, "sections.json", "[[source:src-example]].\"", "[[source:src-example.\""));
    assert!(only(&diags).message.contains("never closed"), "{diags:#?}");
}

#[test]
fn invalid_utf8_names_the_position() {
    let (_d, diags) = load_damaged(|d| {
        let mut bytes = fs::read(d.join("help.json")).unwrap();
        bytes.splice(20..20, [0xFF, 0xFE]);
        fs::write(d.join("help.json"), bytes).unwrap();
    });
    let p = only(&diags);
    assert_eq!(p.file, "help.json");
    assert!(p.message.contains("not UTF-8") && p.line.is_some(), "{p}");
}

#[test]
fn empty_file() {
    let (_d, diags) = load_damaged(|d| fs::write(d.join("practice.json"), "").unwrap());
    let p = only(&diags);
    assert_eq!((p.file.as_str(), p.line), ("practice.json", Some(1)));
    assert!(p.message.contains("empty"), "{p}");
}

#[test]
fn folder_where_a_file_should_be_and_missing_file() {
    let (_d, diags) = load_damaged(|d| {
        fs::remove_file(d.join("help.json")).unwrap();
        fs::create_dir(d.join("help.json")).unwrap();
        fs::remove_file(d.join("quiz.json")).unwrap();
    });
    assert!(
        diags
            .iter()
            .any(|p| p.file == "pack.json" && p.message.contains("\"help.json\"") && p.message.contains("folder")),
        "{diags:#?}"
    );
    assert!(
        diags.iter().any(|p| p.file == "pack.json"
            && p.message.contains("\"quiz.json\"")
            && p.message.contains("does not exist")
            && p.line.is_some()),
        "{diags:#?}"
    );
}

#[test]
fn paths_outside_the_pack_are_refused() {
    let (_d, diags) = load_damaged(|d| edit(d, "pack.json", "\"path\": \"help.json\"", "\"path\": \"../help.json\""));
    assert!(only(&diags).message.contains("\"..\""));
    let (_d, diags) = load_damaged(|d| edit(d, "pack.json", "\"path\": \"help.json\"", "\"path\": \"/etc/passwd\""));
    assert!(only(&diags).message.contains("absolute"));
    #[cfg(unix)]
    {
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.json"), "{\"help\": []}").unwrap();
        let target = outside.path().join("secret.json");
        let (_d, diags) = load_damaged(move |d| {
            fs::remove_file(d.join("help.json")).unwrap();
            std::os::unix::fs::symlink(&target, d.join("help.json")).unwrap();
        });
        assert!(only(&diags).message.contains("outside the pack folder"), "{diags:#?}");
    }
}

#[test]
fn oversized_file_is_refused_without_reading_it() {
    let (_d, diags) = load_damaged(|d| {
        let f = fs::File::create(d.join("practice.json")).unwrap();
        f.set_len(50 * 1024 * 1024).unwrap();
    });
    let p = only(&diags);
    assert!(p.message.contains("50.0 MB") && p.message.contains("at most 16 MB"), "{p}");
}

#[test]
fn deeply_nested_arrays_are_an_error_not_a_crash() {
    let (_d, diags) = load_damaged(|d| {
        let deep = format!("{{\"practice\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000));
        fs::write(d.join("practice.json"), deep).unwrap();
    });
    assert_eq!(only(&diags).file, "practice.json");
    // Territory features accept any JSON as their `id`, so nesting there reaches serde's depth limit.
    let (_d, diags) = load_damaged(|d| {
        let nested = format!("\"id\": {}{},", "[".repeat(100_000), "]".repeat(100_000));
        edit(d, "territory.geojson", "\"type\": \"Feature\",", &format!("\"type\": \"Feature\", {nested}"));
    });
    assert!(only(&diags).message.contains("recursion limit"), "{diags:#?}");
}

#[test]
fn wrong_schema_version() {
    let (_d, diags) = load_damaged(|d| edit(d, "pack.json", "\"schema_version\": 1", "\"schema_version\": 7"));
    let p = only(&diags);
    assert_eq!((p.file.as_str(), p.path.as_str(), p.line), ("pack.json", "schema_version", Some(2)));
}

#[test]
fn unreadable_pack_is_a_load_error() {
    assert!(load_path(Path::new("tests/fixtures/does-not-exist")).is_err());
    assert!(load_path(Path::new("Cargo.toml")).is_err());
    let empty = tempfile::tempdir().unwrap();
    assert!(load_path(empty.path()).is_err());
}

// ---------------------------------------------------------------- figures and sources (issue #12)

#[test]
fn figure_markup_prints_the_dataset_figure() {
    let outcome = load_path(Path::new("tests/fixtures/minimal")).unwrap();
    let pack = &outcome.pack;
    let text = &pack.sections.get("sec-example").unwrap().paragraphs[2];
    // 100 people; 100 / 35,572,261 × 1,000,000 = 2.81 → 2.8; the CSV range without its unit.
    assert_eq!(pack.plain(text), "Estimate A counted 100 people, or 2.8 per million people; estimate B gave 80–120.");
}

#[test]
fn a_figure_that_names_no_point_is_located() {
    let (_d, diags) = load_damaged(|d| {
        edit(d, "sections.json", "[[figure:ds-example/estimate-a/IRQ]]", "[[figure:ds-example/estimate-a/SYR]]")
    });
    let p = only(&diags);
    assert_eq!((p.file.as_str(), p.path.as_str()), ("sections.json", "sections[0].paragraphs[2]"));
    assert!(p.message.contains("no point keyed \"SYR\""), "{p}");
    assert!(p.line.is_some());

    let (_d, diags) = load_damaged(|d| {
        edit(d, "sections.json", "[[figure:ds-example/estimate-a/IRQ]]", "[[figure:ds-example/estimate-c/IRQ]]")
    });
    assert!(only(&diags).message.contains("no series \"estimate-c\"; expected one of: estimate-a, estimate-b"));

    let (_d, diags) = load_damaged(|d| {
        edit(d, "sections.json", "[[figure:ds-example/estimate-a/IRQ]]", "[[figure:ds-missing/estimate-a/IRQ]]")
    });
    assert!(only(&diags).message.contains("names no dataset \"ds-missing\""));

    let (_d, diags) = load_damaged(|d| {
        edit(d, "sections.json", "[[figure:ds-example/estimate-a/IRQ]]", "[[figure:ds-example/estimate-a/IRQ|percent]]")
    });
    assert!(only(&diags).message.contains("figure option \"percent\" is unknown"));
}

#[test]
fn a_hand_typed_dataset_figure_is_a_warning_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new("tests/fixtures/minimal"), dir.path());
    edit(
        dir.path(),
        "timeline.json",
        "\"description\": \"",
        "\"description\": \"About 120 people, and 12 of them in 2015. ",
    );
    let outcome = load_path(dir.path()).unwrap();
    assert!(outcome.is_clean(), "warnings do not stop a pack: {:#?}", outcome.diagnostics);
    let warnings: Vec<_> = outcome.warnings().collect();
    assert_eq!(
        warnings.len(),
        1,
        "120 is the CSV range's high end; 12 is a small round number and 2015 a year: {warnings:#?}"
    );
    let w = warnings[0];
    assert_eq!((w.file.as_str(), w.path.as_str()), ("timeline.json", "events[0].description"));
    assert!(
        w.message.contains("\"120\" is typed by hand") && w.message.contains("[[figure:ds-example/estimate-b/IRQ]]"),
        "{w}"
    );
    assert!(w.to_string().contains(": warning: "), "{w}");
}

#[test]
fn a_typed_number_cited_to_another_source_is_not_that_figure() {
    let warnings_with = |citation: &str| {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(Path::new("tests/fixtures/minimal"), dir.path());
        edit(
            dir.path(),
            "sources.json",
            "  \"sources\": [\n",
            "  \"sources\": [\n    { \"id\": \"src-other\", \"author\": \"Other Institute\", \"year\": 2021, \"title\": \"Another Count\", \"publisher\": \"Other Institute\", \"url\": \"https://other.example.org/count\", \"kind\": \"official\" },\n",
        );
        let description = "What happened, in one or two sentences [[source:src-example]].";
        edit(dir.path(), "timeline.json", description, &format!("About 120 people were counted {citation}."));
        let outcome = load_path(dir.path()).unwrap();
        assert!(outcome.is_clean(), "{:#?}", outcome.diagnostics);
        outcome.warnings().count()
    };
    // 120 is the high end of the CSV figure ds-example/estimate-b/IRQ, cited to src-example.
    assert_eq!(warnings_with(""), 1, "no citation: the number repeats the dataset figure");
    assert_eq!(warnings_with("[[source:src-example]]"), 1, "cited to the figure's own source: a retyped figure");
    assert_eq!(warnings_with("[[source:src-other]]"), 0, "cited to another source: another quantity");
    // A claim goes by the citation that follows it, not by the paragraph's other citations.
    assert_eq!(
        warnings_with("[[source:src-other]]. Counting began in 2014 [[source:src-example]]"),
        0,
        "the claim cites another source; a later sentence cites the figure's"
    );
    assert_eq!(
        warnings_with("[[source:src-example]]. Others counted differently [[source:src-other]]"),
        1,
        "the claim cites the figure's own source"
    );
}

#[test]
fn csv_problems_point_at_their_own_line_after_a_bad_row() {
    let (_d, diags) = load_damaged(|d| {
        let text = fs::read_to_string(d.join("extra-figures.csv")).unwrap();
        let mut lines: Vec<String> = text.lines().map(String::from).collect();
        // Line 2: a value that is not a number (the row is left out). Line 3: an impossible date.
        lines.insert(1, "ds-example,estimate-b,SYR,,,,,many,,,2016-01,src-example,".into());
        lines.push("ds-example,estimate-b,TUR,,,,,5,,,2016-13-45,src-example,".into());
        fs::write(d.join("extra-figures.csv"), lines.join("\n") + "\n").unwrap();
    });
    assert!(
        diags.iter().any(|p| p.file == "extra-figures.csv" && p.line == Some(2)),
        "the bad row is reported at line 2: {diags:#?}"
    );
    let date = diags.iter().find(|p| p.path == "as_of").expect("the impossible date is reported");
    assert_eq!((date.file.as_str(), date.line), ("extra-figures.csv", Some(4)), "{date}");
}

#[test]
fn a_source_on_a_mirror_host_or_with_a_made_up_title_is_an_error() {
    let (_d, diags) = load_damaged(|d| {
        edit(d, "sources.json", "https://example.org/report", "https://www.mirror.example.net/copy-of-report")
    });
    let p = only(&diags);
    assert_eq!((p.file.as_str(), p.path.as_str()), ("sources.json", "sources[0].url"));
    assert!(p.message.contains("\"mirror.example.net\" is a mirror"), "{p}");

    let (_d, diags) = load_damaged(|d| {
        let text = fs::read_to_string(d.join("sources.json")).unwrap();
        let title = text.split("\"title\": \"").nth(1).unwrap().split('"').next().unwrap().to_string();
        edit(d, "sources.json", &format!("\"title\": \"{title}\""), "\"title\": \"[Report on examples]\"");
    });
    let p = only(&diags);
    assert_eq!(p.path, "sources[0].title");
    assert!(p.message.contains("real title"), "{p}");
}

#[test]
fn territory_layers_are_read_and_checked_per_date() {
    // An unknown layer is a located error.
    let (_d, diags) = load_damaged(|d| {
        edit(d, "territory.geojson", "\"date\": \"2015-01\",", "\"date\": \"2015-01\", \"layer\": \"front\",")
    });
    let p = only(&diags);
    assert_eq!(p.file, "territory.geojson");
    assert!(p.line.is_some() && p.message.contains("front"), "{p}");
    // A desert feature without a held one for its date is a warning, located at its layer.
    let (_d, diags) = load_damaged(|d| {
        edit(d, "territory.geojson", "\"date\": \"2015-01\",", "\"date\": \"2015-01\", \"layer\": \"desert\",")
    });
    let p = only(&diags);
    assert_eq!(p.severity, decoded::content::Severity::Warning);
    assert!(p.path.ends_with("properties.layer") && p.message.contains("no `held` one"), "{p}");
    // Explicitly held is the same as no layer.
    let (_d, diags) = load_damaged(|d| {
        edit(d, "territory.geojson", "\"date\": \"2015-01\",", "\"date\": \"2015-01\", \"layer\": \"held\",")
    });
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn a_notice_page_is_read_and_a_missing_one_is_located() {
    let dir = tempfile::tempdir().expect("test setup");
    copy_dir(Path::new("tests/fixtures/minimal"), dir.path());
    edit(dir.path(), "pack.json", "\"files\": [", "\"notice\": \"NOTICE.md\",\n  \"files\": [");
    fs::write(dir.path().join("NOTICE.md"), "# Licences\n\nAll of it is **CC BY 4.0**.\n").expect("test setup");
    let outcome = load_path(dir.path()).expect("readable pack");
    assert!(outcome.is_clean(), "{:#?}", outcome.diagnostics);
    assert_eq!(outcome.pack.notice.as_deref(), Some("# Licences\n\nAll of it is **CC BY 4.0**.\n"));

    fs::remove_file(dir.path().join("NOTICE.md")).expect("test setup");
    let outcome = load_path(dir.path()).expect("readable pack");
    let d = only(&outcome.diagnostics);
    assert_eq!((d.file.as_str(), d.path.as_str()), ("pack.json", "notice"));
    assert!(d.message.contains("\"NOTICE.md\"") && d.line.is_some(), "{d}");
}
