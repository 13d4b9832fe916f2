//! The teacher kit as plain data, without egui: the guide's paragraphs as blocks, a lesson
//! plan as a list of blocks, and before/after check results (with their CSV export).
//!
//! The screen views (`views::teachers`, `views::plan`, `views::checks`) draw these, and the
//! print export can lay out the same blocks, so screen and paper never disagree about what
//! a plan holds. Text stays in the pack's rich-text markup; each consumer renders it.

pub mod checks;
pub mod guide;
pub mod plan;
