//! The printed teacher kit (issue #13 §5): every document for A4 and US Letter, written to a
//! temporary folder; page counts checked with `pdfinfo` (else by reading the PDF's page tree);
//! the text `pdftotext` extracts holds every lesson caption and every quiz question, and the
//! Sources hold every cited source in full. Needs poppler-utils (`.ci/run` installs it); only
//! without it are the text checks skipped, with a message saying so.

mod common;

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use decoded::content::{Pack, load_builtin};
use decoded::print::{Kit, Paper, PdfFile, export, printed_text};
use egui_kittest::kittest::Queryable;

fn pack() -> Pack {
    load_builtin().pack
}

fn poppler() -> bool {
    let ok = Command::new("pdftotext").arg("-v").output().is_ok() && Command::new("pdfinfo").arg("-v").output().is_ok();
    if !ok {
        eprintln!("SKIPPED: poppler-utils (pdftotext, pdfinfo) is not installed; the PDF text checks did not run");
    }
    ok
}

fn write(dir: &Path, file: &PdfFile) -> std::path::PathBuf {
    let path = dir.join(&file.file_name);
    std::fs::write(&path, &file.bytes).expect("write pdf");
    path
}

/// Pages by `pdfinfo`.
fn pdfinfo_pages(path: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(path).output().expect("pdfinfo runs");
    assert!(out.status.success(), "pdfinfo failed on {}: {}", path.display(), String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count from pdfinfo: {text}"))
}

/// Pages by reading the page tree: the `/Count` of the root `/Type/Pages` node (krilla writes
/// one flat page tree, uncompressed).
fn page_tree_count(bytes: &[u8]) -> usize {
    let text = String::from_utf8_lossy(bytes);
    let at = text.find("/Type/Pages").or_else(|| text.find("/Type /Pages")).expect("a page tree");
    let dict_start = text[..at].rfind("<<").expect("dictionary start");
    let dict_end = at + text[at..].find(">>").expect("dictionary end");
    let dict = &text[dict_start..dict_end];
    let count = dict.split("/Count").nth(1).expect("/Count in the page tree");
    let digits: String = count.trim_start().chars().take_while(char::is_ascii_digit).collect();
    digits.parse().expect("a number after /Count")
}

/// The text of a PDF as `pdftotext` extracts it, without page headers and footers, with all
/// whitespace removed (so line breaks inside a sentence do not matter).
fn squeezed_text(path: &Path, pack: &Pack) -> String {
    let out = Command::new("pdftotext").args(["-enc", "UTF-8"]).arg(path).arg("-").output().expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext failed on {}", path.display());
    let text = String::from_utf8_lossy(&out.stdout);
    // A page's first line starts with a form feed.
    text.lines()
        .map(|l| l.trim_start_matches('\u{c}'))
        .filter(|l| !l.contains(" · page ") && !l.starts_with(&pack.manifest.title))
        .flat_map(|l| l.chars())
        .filter(|c| !c.is_whitespace() && *c != '\u{c}')
        .collect()
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every kit on both papers: valid PDFs, page counts within the expected ranges (and the same
/// from the layout, from `pdfinfo` and from the page tree), Letter never shorter than A4.
#[test]
fn every_document_prints_on_a4_and_letter() {
    let pack = pack();
    let dir = tempfile::tempdir().expect("temp dir");
    let have_poppler = poppler();
    let mut pages: HashMap<(String, Paper), usize> = HashMap::new();
    for paper in Paper::ALL {
        for kit in Kit::ALL {
            let files = export(&pack, kit, paper).expect("prints");
            assert!(!files.is_empty(), "{kit:?} printed nothing");
            for file in &files {
                assert!(file.bytes.starts_with(b"%PDF-"), "{} is not a PDF", file.file_name);
                assert!(file.file_name.ends_with(&format!("-{}.pdf", paper.name())), "{}", file.file_name);
                let path = write(dir.path(), file);
                assert_eq!(page_tree_count(&file.bytes), file.pages, "{}: page tree", file.file_name);
                if have_poppler {
                    assert_eq!(pdfinfo_pages(&path), file.pages, "{}: pdfinfo", file.file_name);
                }
                let stem = file.file_name.trim_end_matches(&format!("-{}.pdf", paper.name())).to_string();
                pages.insert((stem, paper), file.pages);
            }
        }
    }
    let expect = |stem: &str, range: std::ops::RangeInclusive<usize>| {
        for paper in Paper::ALL {
            let n = pages.get(&(stem.to_string(), paper)).copied().unwrap_or_else(|| panic!("no {stem} for {paper:?}"));
            assert!(range.contains(&n), "{stem} on {paper:?}: {n} pages, expected {range:?}");
        }
        let (a4, letter) = (pages[&(stem.to_string(), Paper::A4)], pages[&(stem.to_string(), Paper::Letter)]);
        assert!(letter >= a4, "{stem}: Letter ({letter}) is shorter than A4 ({a4})");
    };
    for lesson in pack.lessons.iter() {
        expect(&lesson.id, 8..=24);
    }
    expect("handouts", 20..=70);
    expect("quiz", 12..=40);
    expect("practice-cards", 18..=40);
    expect("glossary", 8..=30);
    expect("teachers-guide", 8..=40);
}

/// The lesson files hold every step's caption (and every alternative's), the handouts every
/// prompt, exactly as the print renders the pack's rich text.
#[test]
fn printed_lessons_hold_every_caption() {
    if !poppler() {
        return;
    }
    let pack = pack();
    let dir = tempfile::tempdir().expect("temp dir");
    for paper in Paper::ALL {
        let files = export(&pack, Kit::Lessons, paper).expect("prints");
        assert_eq!(files.len(), pack.lessons.len());
        for (lesson, file) in pack.lessons.iter().zip(&files) {
            let text = squeezed_text(&write(dir.path(), file), &pack);
            for step in &lesson.steps {
                let caption = printed_text(&pack, &step.caption);
                assert!(text.contains(&squeeze(&caption)), "{}: caption of {:?} missing", file.file_name, step.title);
                for prompt in &step.prompts {
                    assert!(
                        text.contains(&squeeze(&printed_text(&pack, prompt))),
                        "{}: prompt {prompt:?}",
                        file.file_name
                    );
                }
                if let Some(alt) = &step.alternative {
                    let caption = printed_text(&pack, &alt.caption);
                    assert!(text.contains(&squeeze(&caption)), "{}: alternative {:?}", file.file_name, alt.title);
                }
            }
        }
    }
}

/// The quiz holds every question and, in its key, every correct answer; each lesson's exit
/// ticket in the handouts holds that lesson's exit questions.
#[test]
fn printed_quiz_holds_every_question() {
    if !poppler() {
        return;
    }
    let pack = pack();
    let dir = tempfile::tempdir().expect("temp dir");
    for paper in Paper::ALL {
        let quiz = &export(&pack, Kit::Quiz, paper).expect("prints")[0];
        let text = squeezed_text(&write(dir.path(), quiz), &pack);
        for item in pack.quiz.iter() {
            assert!(text.contains(&squeeze(&printed_text(&pack, &item.question))), "question {} missing", item.id);
            for choice in item.choices.iter().filter(|c| c.correct) {
                let answer = format!("Answer: {}.", printed_text(&pack, &choice.text));
                assert!(text.contains(&squeeze(&answer)), "answer of {} missing", item.id);
            }
        }
        let handouts = &export(&pack, Kit::Handouts, paper).expect("prints")[0];
        let text = squeezed_text(&write(dir.path(), handouts), &pack);
        for id in pack.lessons.iter().flat_map(|l| &l.steps).flat_map(|s| &s.show.quiz_items) {
            let question = pack
                .quiz
                .get(id)
                .map(|q| q.question.clone())
                .or_else(|| pack.check_item(id).map(|(_, i)| i.question.clone()));
            let question = question.unwrap_or_else(|| panic!("exit item {id} does not exist"));
            assert!(text.contains(&squeeze(&printed_text(&pack, &question))), "exit item {id} missing from handouts");
        }
        assert!(text.contains(&squeeze("INVENTED POST FOR TEACHING")), "cards are not marked as invented");
    }
}

/// Every source a document cites is printed in full (author, year, title, publisher, URL),
/// and the glossary and guide hold every term and page title.
#[test]
fn printed_documents_cite_sources_in_full() {
    if !poppler() {
        return;
    }
    let pack = pack();
    let dir = tempfile::tempdir().expect("temp dir");
    let glossary = &export(&pack, Kit::Glossary, Paper::A4).expect("prints")[0];
    let text = squeezed_text(&write(dir.path(), glossary), &pack);
    for term in pack.glossary.iter() {
        assert!(text.contains(&squeeze(&term.term)), "term {} missing", term.id);
        for id in &term.sources {
            let source = pack.sources.get(id).expect("source exists");
            assert!(text.contains(&squeeze(&pack.citation(source))), "citation {id} missing in full");
        }
    }
    let guide = &export(&pack, Kit::Guide, Paper::Letter).expect("prints")[0];
    let text = squeezed_text(&write(dir.path(), guide), &pack);
    for page in pack.guide.iter() {
        assert!(text.contains(&squeeze(&page.title)), "guide page {} missing", page.id);
        for id in &page.sources {
            let source = pack.sources.get(id).expect("source exists");
            assert!(text.contains(&squeeze(&source.url)), "URL of {id} missing");
            assert!(text.contains(&squeeze(&source.title)), "title of {id} missing");
        }
    }
}

/// The minimal example pack prints too (no lessons' extras, no guide): nothing panics.
#[test]
fn a_small_pack_prints_every_kit() {
    let outcome = decoded::content::load_path(Path::new("tests/fixtures/minimal")).expect("loads");
    for kit in Kit::ALL {
        for file in export(&outcome.pack, kit, Paper::Letter).expect("prints") {
            assert!(file.pages >= 1 && file.bytes.starts_with(b"%PDF-"), "{}", file.file_name);
        }
    }
}

/// `decoded export quiz DIR --paper letter` writes the file and names it.
#[test]
fn cli_exports_into_a_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = assert_cmd::Command::cargo_bin("decoded")
        .expect("binary")
        .args(["export", "quiz"])
        .arg(dir.path())
        .args(["--paper", "letter"])
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(stdout.contains("quiz-letter.pdf"), "{stdout}");
    let bytes = std::fs::read(dir.path().join("quiz-letter.pdf")).expect("written");
    assert!(bytes.starts_with(b"%PDF-"));
    assert_cmd::Command::cargo_bin("decoded")
        .expect("binary")
        .args(["export", "posters"])
        .arg(dir.path())
        .assert()
        .code(2);
}

/// The app's "Export for print…" dialog: choose what and the paper, Export writes the PDF into
/// the export folder (through the same `WriteFile` effect a web build turns into a download).
#[test]
fn the_export_for_print_dialog_writes_the_chosen_pdf() {
    let dir = tempfile::tempdir().expect("temp dir");
    let settings = decoded::state::Settings { export_dir: dir.path().display().to_string(), ..Default::default() };
    let mut harness = common::app_with(decoded::app::StartOptions::default(), settings);
    harness.get_by_label("Export for print…").click();
    harness.run();
    harness.get_by_label(Kit::Glossary.label()).click();
    harness.run();
    harness.get_by_label(Paper::Letter.label()).click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    let bytes = std::fs::read(dir.path().join("glossary-letter.pdf")).expect("the dialog wrote glossary-letter.pdf");
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(common::shows(&harness, "Saved a PDF for print"), "no notice after saving");
    assert!(harness.query_by_label("Export").is_none(), "the dialog stays open");
}

/// The lesson plan's own "Export for print…" opens the dialog with the lessons chosen; the
/// guide's with the guide.
#[test]
fn the_plan_and_the_guide_open_the_dialog_with_their_kit_chosen() {
    for (view, kit) in [("plan", Kit::Lessons), ("teachers", Kit::Guide)] {
        let start = decoded::route::Route::from_cli(Some(view), None).expect("a view");
        let mut harness = common::app(decoded::app::StartOptions { start, ..Default::default() });
        let buttons: Vec<_> = harness.get_all_by_label("Export for print…").collect();
        assert_eq!(buttons.len(), 2, "{view}: the top bar's button and the view's own");
        buttons[1].click();
        harness.run();
        let choice = harness.state().state.dialogs.print.expect("the dialog is open");
        assert_eq!(choice.kit, kit, "{view}");
        assert_eq!(choice.paper, Paper::A4);
    }
}
