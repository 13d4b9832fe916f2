//! The command line: `check` exit codes and output, `--help`, `--version`, `--view` errors.

use assert_cmd::Command;

fn decoded() -> Command {
    Command::cargo_bin("decoded").expect("test setup")
}

#[test]
fn check_builtin_content_is_clean() {
    let out = decoded().args(["check", "content"]).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("no problems found"), "{text}");
}

#[test]
fn check_stats_prints_stable_kind_counts() {
    let out = decoded().args(["check", "--stats", "tests/fixtures/minimal"]).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    for line in ["sections: 1", "events: 1", "sources: 1", "figures: 2", "practice: 2", "territory_snapshots: 1"] {
        assert!(text.lines().any(|l| l == line), "missing {line:?} in {text}");
    }
}

#[test]
fn broken_pack_exits_1_and_prints_the_location() {
    let out = decoded().args(["check", "tests/fixtures/broken-dangling"]).assert().code(1);
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("timeline.json:37:9: events[0].sources[0]: unknown source id \"src-missing\""), "{text}");
    assert!(text.contains("1 problem found"), "{text}");
}

#[test]
fn unreadable_pack_exits_2() {
    let out = decoded().args(["check", "tests/fixtures/no-such-pack"]).assert().code(2);
    let text = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(text.contains("cannot read the pack"), "{text}");
    decoded().args(["check", "src"]).assert().code(2);
}

#[test]
fn help_and_version() {
    let out = decoded().arg("--help").assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("check") && text.contains("--content") && text.contains("--view"), "{text}");
    for view in decoded::route::view_names() {
        assert!(text.contains(view), "--help names the view {view} (from route::VIEWS): {text}");
    }
    let out = decoded().arg("--version").assert().success();
    assert!(String::from_utf8_lossy(&out.get_output().stdout).contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn unknown_view_lists_the_valid_ones() {
    let out = decoded().args(["--view", "nowhere"]).assert().code(2);
    let text = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(text.contains("unknown view \"nowhere\"") && text.contains("home") && text.contains("glossary"), "{text}");
    let out = decoded().args(["--date", "2015-02-30"]).assert().code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("does not exist"));
}
