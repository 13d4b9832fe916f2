//! Propaganda Decoded: an offline, cited classroom explorer of how ISIS used social media.
//!
//! Content flows one way — files → [`content::Pack`] → views — and user intent flows
//! back only as [`state::Action`]s applied by the app (see `DESIGN.md` in the shared notes).

pub mod app;
pub mod cli;
pub mod content;
pub mod export;
pub mod format;
pub mod lessons;
pub mod map;
pub mod persist;
pub mod progress;
pub mod search;
pub mod state;
pub mod theme;
pub mod views;
pub mod widgets;

/// The app's id for window managers and the saved-state folder.
pub const APP_ID: &str = "propaganda-decoded";
/// Window title.
pub const APP_TITLE: &str = "Propaganda Decoded";
