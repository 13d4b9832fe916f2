//! `decoded`: the command line. Runs the app, or checks a pack without a window.

use std::process::ExitCode;

use clap::Parser;
use decoded::cli::{Cli, Command, ExportWhat, PrintPaper};
use decoded::content::{self, PackDate};
use decoded::route::Route;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { stats, path }) => return check(&path, stats),
        Some(Command::Export { what: ExportWhat::Timeline, out, content, .. }) => {
            return export_timeline(&out, content.as_deref());
        }
        Some(Command::Export { what, out, paper, content }) => {
            return export_print(what, &out, paper, content.as_deref().or(cli.content.as_deref()));
        }
        None => {}
    }
    let start = match Route::from_cli(cli.view.as_deref(), cli.focus.as_deref()) {
        Ok(route) => route,
        Err(message) => {
            eprintln!("decoded: {message}");
            return ExitCode::from(2);
        }
    };
    let date = match cli.date.as_deref().map(PackDate::parse) {
        None => None,
        Some(Ok(d)) if d.problem().is_none() => Some(d),
        Some(Ok(d)) => {
            eprintln!("decoded: --date {}: {}", d.iso(), d.problem().unwrap_or_default());
            return ExitCode::from(2);
        }
        Some(Err(e)) => {
            eprintln!("decoded: --date: {e}");
            return ExitCode::from(2);
        }
    };
    let options =
        decoded::app::StartOptions { content: cli.content, start, date, frames: cli.frames, bench: cli.bench };
    #[cfg(windows)]
    hide_own_console();
    match decoded::app::run(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("decoded: could not open the window: {e}");
            ExitCode::from(1)
        }
    }
}

/// On Windows, a double-clicked decoded.exe gets a console window of its own: close it, the app
/// has its window. Started from a terminal the console is shared and stays, so `check`, `--help`
/// and error messages still print there.
#[cfg(windows)]
#[expect(unsafe_code, reason = "two kernel32 calls: the only way to let go of the console Windows opened")]
fn hide_own_console() {
    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn GetConsoleProcessList(list: *mut u32, count: u32) -> u32;
        fn FreeConsole() -> i32;
    }
    let mut ids = [0u32; 2];
    // SAFETY: the buffer holds `ids.len()` process ids, as passed; FreeConsole has no preconditions.
    unsafe {
        if GetConsoleProcessList(ids.as_mut_ptr(), ids.len() as u32) == 1 {
            FreeConsole();
        }
    }
}

fn check(path: &std::path::Path, stats: bool) -> ExitCode {
    let outcome = match content::load_path(path) {
        Ok(outcome) => outcome,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    for d in &outcome.diagnostics {
        println!("{d}");
    }
    let warnings = outcome.warnings().count();
    let errors = outcome.diagnostics.len() - warnings;
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    match (errors, warnings) {
        (0, 0) => println!("{}: no problems found", path.display()),
        (0, w) => println!("{}: no errors, {w} warning{}", path.display(), plural(w)),
        (e, 0) => println!("{}: {e} problem{} found", path.display(), plural(e)),
        (e, w) => println!("{}: {e} problem{} found, and {w} warning{}", path.display(), plural(e), plural(w)),
    }
    if stats {
        for (kind, count) in outcome.pack.stats() {
            println!("{kind}: {count}");
        }
    }
    if errors == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

/// The pack an export reads: the built-in one, or `--content`'s (unreadable: printed, exit 2).
fn load_for_export(content: Option<&std::path::Path>) -> Result<content::LoadOutcome, ExitCode> {
    match content {
        None => Ok(content::load_builtin()),
        Some(path) => content::load_path(path).map_err(|e| {
            eprintln!("{e}");
            ExitCode::from(2)
        }),
    }
}

/// `decoded export timeline OUT.json [--content PACK]`: the pack's timeline as TimelineJS JSON.
/// A pack with errors is not exported (its problems are printed, exit 1); unreadable, exit 2.
fn export_timeline(out: &std::path::Path, content: Option<&std::path::Path>) -> ExitCode {
    let outcome = match load_for_export(content) {
        Ok(outcome) => outcome,
        Err(code) => return code,
    };
    if !outcome.is_clean() {
        for d in outcome.diagnostics.iter().filter(|d| d.is_error()) {
            eprintln!("{d}");
        }
        eprintln!("decoded: the pack has errors; nothing was exported");
        return ExitCode::from(1);
    }
    let json = decoded::timelinejs_export::to_timelinejs(&outcome.pack, None);
    let written = if out.as_os_str() == "-" {
        use std::io::Write;
        std::io::stdout().write_all(json.as_bytes())
    } else {
        std::fs::write(out, json)
    };
    match written {
        Ok(()) => {
            let events = outcome.pack.events.len();
            let eras = outcome.pack.eras.len();
            if out.as_os_str() != "-" {
                println!("{}: {events} events and {eras} eras as TimelineJS JSON", out.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("decoded: cannot write {}: {e}", out.display());
            ExitCode::from(2)
        }
    }
}

/// `decoded export lessons|handouts|quiz|practice|glossary|guide DIR`: prints a part of the
/// teacher kit as PDF files into DIR. A pack with problems still prints what it holds.
fn export_print(
    what: ExportWhat,
    dir: &std::path::Path,
    paper: PrintPaper,
    content: Option<&std::path::Path>,
) -> ExitCode {
    use decoded::print::{Kit, Paper};
    let outcome = match load_for_export(content) {
        Ok(outcome) => outcome,
        Err(code) => return code,
    };
    let problems = outcome.diagnostics.len() - outcome.warnings().count();
    if problems > 0 {
        eprintln!("decoded: the pack has {problems} problem(s) (see `decoded check`); printing what it holds");
    }
    let kit = match what {
        ExportWhat::Lessons => Kit::Lessons,
        ExportWhat::Handouts => Kit::Handouts,
        ExportWhat::Quiz => Kit::Quiz,
        ExportWhat::Practice => Kit::Practice,
        ExportWhat::Glossary => Kit::Glossary,
        ExportWhat::Guide => Kit::Guide,
        ExportWhat::Timeline => return export_timeline(dir, content),
    };
    let paper = match paper {
        PrintPaper::A4 => Paper::A4,
        PrintPaper::Letter => Paper::Letter,
    };
    let files = match decoded::print::export(&outcome.pack, kit, paper) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("decoded: {e}");
            return ExitCode::from(1);
        }
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("decoded: {}: {e}", dir.display());
        return ExitCode::from(1);
    }
    for file in files {
        let path = dir.join(&file.file_name);
        if let Err(e) = std::fs::write(&path, &file.bytes) {
            eprintln!("decoded: {}: {e}", path.display());
            return ExitCode::from(1);
        }
        println!("{} ({} pages)", path.display(), file.pages);
    }
    ExitCode::SUCCESS
}
