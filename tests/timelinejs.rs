//! TimelineJS import: a file of our own opens as a pack with one timeline.

mod common;

use assert_cmd::Command;
use decoded::app::StartOptions;
use decoded::content::{DatePrecision, PackDate, load_path};
use decoded::route::Route;
use egui_kittest::kittest::Queryable;

const FILE: &str = "tests/fixtures/timelinejs/writing-systems.json";

#[test]
fn groups_become_tracks_and_eras_become_bands() {
    let outcome = load_path(std::path::Path::new(FILE)).unwrap();
    // The one thing it cannot show: the web site's display date ("Summer 1991").
    let shown: Vec<String> = outcome.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        ["writing-systems.json:36:23: warning: events[3].display_date: 1 event has a display date; \
          this app labels events with their start and end dates instead"],
    );
    let pack = outcome.pack;
    assert_eq!(pack.manifest.title, "A short history of writing");
    let tracks: Vec<&str> = pack.tracks.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(tracks, ["Scripts", "Technology", "Events"]);
    assert_eq!(pack.eras.len(), 2);
    assert_eq!(pack.eras[0].start.year, -3400);
    let first = &pack.events.items[0];
    assert_eq!((first.id.as_str(), first.date.year, first.date.precision()), ("cuneiform", -3200, DatePrecision::Year));
    assert_eq!(first.date.to_string(), "3200 BCE");
    let web = pack.events.iter().find(|e| e.title == "The first web site").unwrap();
    assert_eq!(web.date.to_string(), "6 August 1991");
    assert!(!web.description.contains('<'), "HTML removed: {}", web.description);
    let press = pack.events.iter().find(|e| e.title.starts_with("Movable")).unwrap();
    assert_eq!(press.media.as_ref().unwrap().caption, "A printing press");
    assert_eq!(press.end.unwrap().year, 1455);
}

#[test]
fn check_summarises_and_locates_errors() {
    let out = Command::cargo_bin("decoded").unwrap().args(["check", "--stats", FILE]).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.lines().any(|l| l == "events: 5"), "{text}");
    assert!(text.lines().any(|l| l == "eras: 2"), "{text}");
    // One odd field never refuses the file: each is a located warning, and the rest opens.
    let out = Command::cargo_bin("decoded")
        .unwrap()
        .args(["check", "--stats", "tests/fixtures/timelinejs/broken.json"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("broken.json:3:56: warning: events[0].start_date.day: impossible date"), "{text}");
    assert!(text.contains("broken.json:4:31: warning: events[1].start_date.year"), "{text}");
    assert!(text.contains("broken.json:5:5: warning: events[2].start_date: no start_date"), "{text}");
    assert!(text.lines().any(|l| l == "events: 1"), "{text}");
}

#[test]
fn null_empty_and_missing_are_alike_in_every_optional_field() {
    let outcome = load_path(std::path::Path::new("tests/fixtures/timelinejs/nulls.json")).unwrap();
    assert!(outcome.diagnostics.is_empty(), "{:#?}", outcome.diagnostics);
    let pack = outcome.pack;
    assert_eq!(pack.manifest.title, "Bridges of our town");
    assert_eq!(pack.events.len(), 4);
    let titles: Vec<&str> = pack.events.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(
        titles,
        ["The iron bridge opens", "Event on May 1923", "Event on 2 October 1961", "Footbridge restored"]
    );
    let precisions: Vec<DatePrecision> = pack.events.iter().map(|e| e.date.precision()).collect();
    assert_eq!(precisions, [DatePrecision::Year, DatePrecision::Month, DatePrecision::Day, DatePrecision::Day]);
    let flood = &pack.events.items[1];
    assert_eq!(flood.description, "A flood carries away the **wooden** footbridge.");
    assert!(flood.end.is_none(), "an end date of nulls is no end date");
    assert!(pack.events.items[0].media.is_none(), "a media object of nulls and blanks shows nothing");
    let restored = &pack.events.items[3];
    assert!(restored.end.is_none(), "an end equal to the start is dropped, as TimelineJS does");
    assert_eq!(restored.id, "new-span-2", "a repeated unique_id is made unique");
    assert_eq!(pack.events.items[2].media.as_ref().unwrap().credit, "Town archive");
    let tracks: Vec<&str> = pack.tracks.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(tracks, ["Events", "Construction"]);
    let eras: Vec<&str> = pack.eras.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(eras, ["Iron age of the river", "1950 – 2020"]);
}

#[test]
fn odd_fields_are_located_warnings_and_the_rest_opens() {
    let outcome = load_path(std::path::Path::new("tests/fixtures/timelinejs/odd-fields.json")).unwrap();
    assert!(outcome.is_clean(), "{:#?}", outcome.diagnostics);
    let shown: Vec<String> = outcome.diagnostics.iter().map(ToString::to_string).collect();
    let expect = [
        "odd-fields.json:4:56: warning: events[0].start_date.day: impossible date",
        "odd-fields.json:5:48: warning: events[1].start_date.month: month 13 does not exist",
        "odd-fields.json:6:112: warning: events[2].group: found a list, expected text; ignored",
        "odd-fields.json:7:5: warning: events[3].start_date: no start_date",
        "odd-fields.json:8:31: warning: events[4].start_date.year: the year \"twenty\" is not a whole number",
        "odd-fields.json:9:63: warning: events[5].end_date: the end 2024 is before the start March 2025",
        "odd-fields.json:9:139: warning: events[5].media: found text, expected an object; ignored",
        "odd-fields.json:12:5: warning: eras[0].end_date: an era needs an end_date",
    ];
    for e in expect {
        assert!(shown.iter().any(|s| s.starts_with(e)), "{e}\nnot in:\n{}", shown.join("\n"));
    }
    assert_eq!(shown.len(), expect.len(), "{}", shown.join("\n"));
    let pack = outcome.pack;
    let dates: Vec<String> = pack.events.iter().map(|e| e.date.to_string()).collect();
    assert_eq!(dates, ["2024", "February 2024", "2 September 2024", "March 2025"]);
    assert!(pack.eras.is_empty());
}

#[test]
fn the_app_opens_the_file_as_a_timeline() {
    let mut harness = common::app(StartOptions {
        content: Some(FILE.into()),
        start: Route::from_cli(Some("timeline"), None).unwrap(),
        ..Default::default()
    });
    assert_eq!(harness.state().problems.len(), 1, "the display date it cannot show");
    assert_eq!(harness.state().pack.events.len(), 5);
    assert!(common::shows(&harness, "Phoenician alphabet"));
    harness.get_all_by_label_contains("Phoenician alphabet").next().unwrap().click();
    harness.run();
    assert!(common::shows(&harness, "spreads around the Mediterranean & beyond"));
}

#[test]
fn the_google_sheets_template_opens_from_csv() {
    let outcome = load_path(std::path::Path::new("tests/fixtures/timelinejs/river-crossings.csv")).unwrap();
    assert!(outcome.is_clean(), "{:#?}", outcome.diagnostics);
    let shown: Vec<String> = outcome.diagnostics.iter().map(ToString::to_string).collect();
    let expect = [
        "river-crossings.csv:1:19: warning: Notes for teacher: not a column of the TimelineJS template; ignored",
        "river-crossings.csv:9:2: warning: Month: month 888 does not exist",
        "river-crossings.csv:11:1: warning: Year: no start_date",
        "river-crossings.csv:10:4: warning: Time: 1 event has a time of day",
        "river-crossings.csv:10:18: warning: Background: 1 event has a background image or colour",
    ];
    for e in expect {
        assert!(shown.iter().any(|s| s.starts_with(e)), "{e}\nnot in:\n{}", shown.join("\n"));
    }
    assert_eq!(shown.len(), expect.len(), "{}", shown.join("\n"));
    let pack = outcome.pack;
    assert_eq!(pack.manifest.title, "Crossing the river, then and now");
    let dates: Vec<String> = pack.events.iter().map(|e| e.date.to_string()).collect();
    assert_eq!(dates, ["2500 BCE", "55 BCE", "1", "June 1347", "3 October 1926"]);
    let ferry = pack.events.iter().find(|e| e.title == "The ferry charter").unwrap();
    assert_eq!(ferry.description, "The town grants a ferry licence to one family. It is renewed every seven years.");
    assert_eq!(ferry.media.as_ref().unwrap().credit, "Valley records, vol. 2");
    let stones = &pack.events.items[0];
    assert_eq!(stones.end.unwrap().year, -1800);
    assert!(stones.description.contains("\"dry-shod\""));
    let tracks: Vec<&str> = pack.tracks.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(tracks, ["Crossings", "Rules"]);
    let eras: Vec<(&str, i64, i64)> = pack.eras.iter().map(|e| (e.label.as_str(), e.start.year, e.end.year)).collect();
    assert_eq!(eras, [("Age of fords", -3000, 500), ("Age of ferries", 1200, 1926)]);
}

#[test]
fn a_semicolon_sheet_with_lower_case_headers_opens() {
    let out = Command::cargo_bin("decoded")
        .unwrap()
        .args(["check", "--stats", "tests/fixtures/timelinejs/sheet-semicolon.csv"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("sheet-semicolon.csv: no problems found"), "{text}");
    assert!(text.lines().any(|l| l == "events: 2"), "{text}");
    let pack = load_path(std::path::Path::new("tests/fixtures/timelinejs/sheet-semicolon.csv")).unwrap().pack;
    assert_eq!(pack.events.items[0].description, "Les élèves reviennent; la cour est neuve.");
    assert_eq!(pack.events.items[1].end.unwrap().to_string(), "June 2023");
}

#[test]
fn a_csv_that_is_not_the_template_is_one_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("figures.csv");
    std::fs::write(&path, "dataset,series,value\na,b,1\n").unwrap();
    let outcome = load_path(&path).unwrap();
    assert_eq!(outcome.diagnostics.iter().filter(|d| d.is_error()).count(), 1, "{:#?}", outcome.diagnostics);
    assert!(outcome.diagnostics.iter().any(|d| d.message.starts_with("no Year column")));
}

/// Exports a pack as TimelineJS JSON, reads it back, and checks every event (id, title,
/// dates at their precision, group) and era survived; returns the exported text.
fn round_trip(pack: &decoded::content::Pack) -> String {
    let json = decoded::timelinejs_export::to_timelinejs(pack, None);
    let back = decoded::content::load::load_timelinejs_bytes(
        "export.json",
        "file:///export.json",
        2026,
        json.clone().into_bytes(),
    );
    assert!(back.diagnostics.is_empty(), "{:#?}", back.diagnostics);
    let again = back.pack;
    assert_eq!(again.events.len(), pack.events.len());
    for (a, b) in pack.events.iter().zip(again.events.iter()) {
        assert_eq!((&a.id, &a.title, a.date, a.end), (&b.id, &b.title, b.date, b.end), "{}", a.id);
        assert_eq!(a.date.precision(), b.date.precision(), "{}", a.id);
        let label = |p: &decoded::content::Pack, track: &str| p.tracks.get(track).map(|t| t.label.clone());
        assert_eq!(label(pack, &a.track), label(&again, &b.track), "{}", a.id);
    }
    let eras = |p: &decoded::content::Pack| -> Vec<(String, PackDate, PackDate)> {
        p.eras.iter().map(|e| (e.label.clone(), e.start, e.end)).collect()
    };
    assert_eq!(eras(pack), eras(&again));
    json
}

#[test]
fn fixtures_round_trip_through_timelinejs_json() {
    for file in [
        FILE,
        "tests/fixtures/timelinejs/nulls.json",
        "tests/fixtures/timelinejs/river-crossings.csv",
        "tests/fixtures/timelinejs/sheet-semicolon.csv",
    ] {
        let pack = load_path(std::path::Path::new(file)).unwrap().pack;
        let json = round_trip(&pack);
        // An imported file does not cite itself back.
        assert!(!json.contains("Sources:"), "{file}");
        // Exporting the re-imported timeline gives the same file.
        let back =
            decoded::content::load::load_timelinejs_bytes("x.json", "file:///x.json", 2026, json.clone().into_bytes());
        assert_eq!(decoded::timelinejs_export::to_timelinejs(&back.pack, None), json, "{file}");
    }
}

#[test]
fn the_built_in_pack_round_trips_with_its_citations() {
    let pack = decoded::content::load_builtin().pack;
    let json = round_trip(&pack);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), pack.events.len());
    assert!(events.iter().all(|e| e["text"]["text"].as_str().unwrap().contains("<p>Sources: ")), "every event cites");
    assert!(events.iter().all(|e| e["group"].is_string()));
    assert!(
        events.iter().all(|e| e["text"]["text"].as_str().unwrap().contains("<a href=\"http")),
        "citations link to their sources"
    );
    assert!(!json.contains("[["), "no pack markup leaks into the export");
    assert_eq!(doc["eras"].as_array().unwrap().len(), pack.eras.len());
    let precisions = |p: DatePrecision| pack.events.iter().filter(|e| e.date.precision() == p).count();
    eprintln!(
        "built-in pack: {} events ({} day, {} month, {} year), {} eras, {} tracks",
        pack.events.len(),
        precisions(DatePrecision::Day),
        precisions(DatePrecision::Month),
        precisions(DatePrecision::Year),
        pack.eras.len(),
        pack.tracks.len()
    );
}

#[test]
fn export_timeline_writes_a_file_check_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("class.json");
    let out_s = out.display().to_string();
    let written = Command::cargo_bin("decoded")
        .unwrap()
        .args(["export", "timeline", &out_s, "--content", "tests/fixtures/timelinejs/river-crossings.csv"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&written.get_output().stdout).to_string();
    assert!(text.contains("5 events and 2 eras"), "{text}");
    let checked = Command::cargo_bin("decoded").unwrap().args(["check", "--stats", &out_s]).assert().success();
    let text = String::from_utf8_lossy(&checked.get_output().stdout).to_string();
    assert!(text.contains("no problems found") && text.lines().any(|l| l == "events: 5"), "{text}");
    Command::cargo_bin("decoded")
        .unwrap()
        .args(["export", "timeline", &out_s, "--content", "no/such/pack"])
        .assert()
        .code(2);
}

#[test]
fn the_timeline_view_exports_for_timelinejs() {
    let dir = tempfile::tempdir().unwrap();
    let settings = decoded::state::Settings { export_dir: dir.path().display().to_string(), ..Default::default() };
    let start = Route::from_cli(Some("timeline"), None).unwrap();
    let options = StartOptions { content: Some(FILE.into()), start, ..Default::default() };
    let mut harness = common::app_with(options, settings);
    harness.get_by_label("Export for TimelineJS…").click_accesskit();
    harness.run();
    harness.run();
    let notices = &harness.state().state.dialogs.notices;
    assert!(notices.iter().any(|n| n.contains("Saved the timeline for TimelineJS")), "{notices:?}");
    let file = std::fs::read_dir(dir.path()).unwrap().flatten().next().unwrap().path();
    let back = load_path(&file).unwrap();
    assert!(back.diagnostics.is_empty(), "{:#?}", back.diagnostics);
    assert_eq!(back.pack.events.len(), 5);
}

#[test]
fn a_cosmological_timeline_opens_in_order_with_deep_time_labels() {
    const COSMOS: &str = "tests/fixtures/timelinejs/cosmos.json";
    let outcome = load_path(std::path::Path::new(COSMOS)).unwrap();
    assert!(outcome.diagnostics.is_empty(), "{:#?}", outcome.diagnostics);
    let pack = &outcome.pack;
    let dates: Vec<String> = pack.events.iter().map(|e| e.date.to_string()).collect();
    assert_eq!(
        dates,
        [
            "13.8 billion years ago",
            "13.6 billion years ago",
            "4.6 billion years ago",
            "3.7 billion years ago",
            "538.8 million years ago",
            "66 million years ago",
            "300,000 years ago",
            "10,000 BCE",
            "3200 BCE",
            "20 July 1969"
        ]
    );
    assert_eq!(pack.events.items[2].end.unwrap().to_string(), "4.5 billion years ago");
    assert_eq!(pack.eras.len(), 2);
    round_trip(pack);
    // The app shows it on the timeline.
    let mut harness = common::app(StartOptions {
        content: Some(COSMOS.into()),
        start: Route::from_cli(Some("timeline"), None).unwrap(),
        ..Default::default()
    });
    assert!(harness.state().problems.is_empty());
    assert!(common::shows(&harness, "The Big Bang"));
    assert!(common::shows(&harness, "billion years ago"));
    harness.get_all_by_label_contains("An asteroid ends").next().unwrap().click();
    harness.run();
    assert!(common::shows(&harness, "About three quarters of species die out."));
}

#[test]
fn the_app_opens_a_csv_and_lists_what_it_could_not_show() {
    let mut harness = common::app(StartOptions {
        content: Some("tests/fixtures/timelinejs/river-crossings.csv".into()),
        start: Route::from_cli(Some("timeline"), None).unwrap(),
        ..Default::default()
    });
    harness.run();
    assert_eq!(harness.state().pack.events.len(), 5);
    assert_eq!(harness.state().problems.len(), 5, "the warnings are listed");
    assert!(common::shows(&harness, "5 things in it could not be shown"));
    assert!(common::shows(&harness, "The ferry charter"));
}

#[test]
fn the_first_google_sheets_template_opens_with_its_one_cell_dates() {
    let outcome = load_path(std::path::Path::new("tests/fixtures/timelinejs/first-template.csv")).unwrap();
    assert!(outcome.is_clean(), "{:#?}", outcome.diagnostics);
    let shown: Vec<String> = outcome.diagnostics.iter().map(ToString::to_string).collect();
    let expect = [
        "first-template.csv:7:1: warning: Start Date: \"Spring 2016\" is not a date TimelineJS reads",
        "first-template.csv:6:1: warning: Start Date: 1 event has a time of day",
    ];
    for e in expect {
        assert!(shown.iter().any(|s| s.starts_with(e)), "{e}\nnot in:\n{}", shown.join("\n"));
    }
    assert_eq!(shown.len(), expect.len(), "{}", shown.join("\n"));
    let pack = outcome.pack;
    assert_eq!(pack.manifest.title, "A village library");
    let dates: Vec<String> = pack.events.iter().map(|e| e.date.to_string()).collect();
    assert_eq!(dates, ["1890", "15 March 1923", "1 September 1958", "1 September 2015"]);
    assert_eq!(pack.events.items[2].end.unwrap().to_string(), "June 1959");
    let tracks: Vec<&str> = pack.tracks.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(tracks, ["Rooms", "People", "Lending"]);
    let eras: Vec<(&str, i64, i64)> = pack.eras.iter().map(|e| (e.label.as_str(), e.start.year, e.end.year)).collect();
    assert_eq!(eras, [("The school-house years", 1890, 1958)]);
}

#[test]
fn what_the_app_cannot_show_is_one_located_warning_per_kind() {
    let json = r##"{"events": [
  {"start_date": {"year": 2020}, "text": {"headline": "a"}},
  {"start_date": {"year": 2020, "month": 5, "day": 1, "hour": 9, "minute": 30}, "text": {"headline": "b"},
   "display_date": "Early May", "background": {"color": "#223344"}},
  {"start_date": {"year": 2021, "display_date": "The next year"}, "text": {"headline": "c"},
   "background": {"url": "", "color": null}},
  {"start_date": {"year": 2022}, "end_date": {"year": 2022, "month": 3, "hour": "18"}, "text": {"headline": "d"}}
]}"##;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.json");
    std::fs::write(&path, json).unwrap();
    let outcome = load_path(&path).unwrap();
    let shown: Vec<String> = outcome.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "t.json:3:63: warning: events[1].start_date.hour: 2 events have a time of day; this app places events on their day, so the times are not shown",
            "t.json:4:20: warning: events[1].display_date: 2 events have a display date; this app labels events with their start and end dates instead",
            "t.json:4:47: warning: events[1].background: 1 event has a background image or colour, which this app does not show",
        ],
        "{}",
        shown.join("\n")
    );
    assert_eq!(outcome.pack.events.len(), 4);
}
