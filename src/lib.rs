//! Propaganda Decoded: an offline, cited classroom explorer of how ISIS used social media.
//!
//! Content flows one way — files → [`content::Pack`] → views — and user intent flows
//! back only as [`action::Action`]s, applied by [`state::AppState::apply`], which returns the
//! [`action::Effect`]s the app runs through [`platform`]. `ARCHITECTURE.md` in the repository
//! has the layers on one page.

pub mod action;
pub mod announce;
pub mod app;
pub mod cli;
pub mod content;
pub mod export;
pub mod fonts;
pub mod format;
pub mod kit;
pub mod lessons;
pub mod persist;
pub mod platform;
pub mod print;
pub mod progress;
pub mod route;
pub mod search;
pub mod shell;
pub mod state;
pub mod theme;
pub mod timelinejs_export;
pub mod view_bench;
pub mod views;
#[cfg(target_arch = "wasm32")]
pub mod web;
pub mod widgets;

/// The app's id for window managers and the saved-state folder.
pub const APP_ID: &str = "propaganda-decoded";
/// Window title.
pub const APP_TITLE: &str = "Propaganda Decoded";
