//! The command-line interface, as data: parsed by `main.rs`, and read by `xtask` to write the
//! man page and the shell completions at release time.
//!
//! Keep this file self-contained (only `clap`, `std` and `crate::route`, which uses only `std`):
//! `xtask/src/main.rs` compiles both by path (`#[path = "../../src/cli.rs"]`), so it cannot use
//! anything else from this crate.

use std::path::PathBuf;

use clap::{CommandFactory, Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(
    name = "decoded",
    version,
    about = "Propaganda Decoded: how ISIS used social media, explained with sources",
    long_about = "Propaganda Decoded: an offline, cited classroom explorer of how ISIS used social media \
                  between 2013 and 2019. Without a subcommand it opens the app's window on the built-in \
                  pack; `decoded check PATH` validates a content pack without a window."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Open another content pack (a folder with pack.json, a TimelineJS .json file, or the TimelineJS Google Sheets template saved as .csv) instead of the built-in one.
    #[arg(long, value_name = "PATH", value_hint = clap::ValueHint::AnyPath)]
    pub content: Option<PathBuf>,
    /// Open straight at a view (the names come from `route::VIEWS`).
    #[arg(long, value_name = "NAME", help = crate::route::cli_help())]
    pub view: Option<String>,
    /// Item to focus in that view (a section id with --view section; a lesson id with --view lessons starts presenting it).
    #[arg(long, value_name = "ID")]
    pub focus: Option<String>,
    /// Set the date cursor: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Render N frames, then exit (for smoke tests and start-up measurements).
    #[arg(long, value_name = "N")]
    pub frames: Option<u64>,
    /// Show every view in turn and measure N frames of each, print the median frame times
    /// as `decoded-bench [JSON]`, then exit (the browser's `?bench=N`, for side-by-side figures).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub bench: Option<u32>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Validate a pack and print every problem (exit 0 no errors, 1 errors, 2 unreadable); warnings do not fail.
    Check {
        /// Also print `kind: count` for each kind of content.
        #[arg(long)]
        stats: bool,
        /// The pack folder, a TimelineJS .json file, or the Google Sheets template as .csv.
        #[arg(value_hint = clap::ValueHint::AnyPath)]
        path: PathBuf,
    },
    /// Export a pack's content for another tool or for print: `export timeline OUT.json` writes its
    /// timeline as a TimelineJS JSON file (title slide, events with citations, groups from tracks,
    /// eras); `export lessons|handouts|quiz|practice|glossary|guide DIR [--paper a4|letter]`
    /// prints that part of the teacher kit as PDF files into DIR.
    Export {
        /// What to export.
        #[arg(value_enum)]
        what: ExportWhat,
        /// The file to write (`-` for standard output); for the PDF kinds, the folder to write
        /// them into (created if missing).
        #[arg(value_hint = clap::ValueHint::AnyPath)]
        out: PathBuf,
        /// Paper size of the PDF kinds.
        #[arg(long, value_enum, default_value = "a4")]
        paper: PrintPaper,
        /// The pack to export (a folder, a TimelineJS .json or a template .csv); the built-in pack if not given.
        #[arg(long, value_name = "PATH", value_hint = clap::ValueHint::AnyPath)]
        content: Option<PathBuf>,
    },
}

/// What `decoded export` can write.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportWhat {
    /// The timeline as Knight Lab TimelineJS JSON.
    Timeline,
    /// PDF: per lesson its plan, student worksheet and exit ticket (a file per lesson).
    Lessons,
    /// PDF: every worksheet and exit ticket, the lessons' practice cards, checks and rubrics.
    Handouts,
    /// PDF: the quiz with its answer key.
    Quiz,
    /// PDF: every practice post as a card to cut out, with the answer key.
    Practice,
    /// PDF: the glossary.
    Glossary,
    /// PDF: "For teachers", the guide.
    Guide,
}

/// Paper sizes for the PDF exports (`print::Paper`).
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintPaper {
    A4,
    Letter,
}

/// The whole command line as a `clap::Command`, for the man page and the completions.
pub fn command() -> clap::Command {
    Cli::command()
}
