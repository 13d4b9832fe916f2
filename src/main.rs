//! `decoded`: the command line. Runs the app, or checks a pack without a window.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use decoded::content::{self, PackDate};
use decoded::route::{self, Route};

#[derive(Parser, Debug)]
#[command(name = "decoded", version, about = "Propaganda Decoded: how ISIS used social media, explained with sources", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Open another content pack (a folder with pack.json, or a TimelineJS .json file) instead of the built-in one.
    #[arg(long, value_name = "PATH")]
    content: Option<PathBuf>,
    /// Open straight at a view (the names come from `route::VIEWS`).
    #[arg(long, value_name = "NAME", help = route::cli_help())]
    view: Option<String>,
    /// Item to focus: any id in the pack (a section id with --view section; a lesson id with --view lessons starts presenting it).
    #[arg(long, value_name = "ID")]
    focus: Option<String>,
    /// Set the date cursor: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
    /// Render N frames, then exit (for smoke tests and start-up measurements).
    #[arg(long, value_name = "N")]
    frames: Option<u64>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Validate a pack and print every problem (exit 0 no errors, 1 errors, 2 unreadable); warnings do not fail.
    Check {
        /// Also print `kind: count` for each kind of content.
        #[arg(long)]
        stats: bool,
        /// The pack folder, or a TimelineJS .json file.
        path: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(Command::Check { stats, path }) = cli.command {
        return check(&path, stats);
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
    let options = decoded::app::StartOptions { content: cli.content, start, date, frames: cli.frames };
    match decoded::app::run(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("decoded: could not open the window: {e}");
            ExitCode::from(1)
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
