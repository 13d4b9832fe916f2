//! TimelineJS import: a file of our own opens as a pack with one timeline.

mod common;

use assert_cmd::Command;
use decoded::app::StartOptions;
use decoded::content::{DatePrecision, load_path};
use decoded::route::Route;
use egui_kittest::kittest::Queryable;

const FILE: &str = "tests/fixtures/timelinejs/writing-systems.json";

#[test]
fn groups_become_tracks_and_eras_become_bands() {
    let outcome = load_path(std::path::Path::new(FILE)).unwrap();
    assert!(outcome.diagnostics.is_empty(), "{:#?}", outcome.diagnostics);
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
    let out = Command::cargo_bin("decoded")
        .unwrap()
        .args(["check", "tests/fixtures/timelinejs/broken.json"])
        .assert()
        .code(1);
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("broken.json:3:21: events[0].start_date: impossible date"), "{text}");
    assert!(text.contains("broken.json:4:31: events[1].start_date.year"), "{text}");
    assert!(text.contains("events[2]: missing start_date"), "{text}");
}

#[test]
fn the_app_opens_the_file_as_a_timeline() {
    let mut harness = common::app(StartOptions {
        content: Some(FILE.into()),
        start: Route::from_cli(Some("timeline"), None).unwrap(),
        ..Default::default()
    });
    assert!(harness.state().problems.is_empty());
    assert_eq!(harness.state().pack.events.len(), 5);
    assert!(common::shows(&harness, "Phoenician alphabet"));
    harness.get_all_by_label_contains("Phoenician alphabet").next().unwrap().click();
    harness.run();
    assert!(common::shows(&harness, "spreads around the Mediterranean & beyond"));
}
