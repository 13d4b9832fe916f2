//! Problems found in a pack, each located as precisely as the input allows.

use std::fmt;

/// How serious a problem is. Errors stop a pack from opening; warnings are printed by
/// `check` (and listed by the app) but the pack still opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Severity {
    #[default]
    Error,
    Warning,
}

/// One problem in a pack: where it is, and what was found versus expected.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Diagnostic {
    pub severity: Severity,
    /// File name relative to the pack folder (e.g. `timeline/events.json`).
    pub file: String,
    /// 1-based line and column, where the input has one.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// JSON path such as `events[12].sources[0]`; empty for whole-file problems.
    pub path: String,
    /// What was found and what was expected.
    pub message: String,
}

impl Diagnostic {
    pub fn file(file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic { file: file.into(), message: message.into(), ..Diagnostic::default() }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column` (as much of it as is known).
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", self.file),
            (Some(l), None) => format!("{}:{l}", self.file),
            _ => self.file.clone(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.location())?;
        if self.severity == Severity::Warning {
            write!(f, "warning: ")?;
        }
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        write!(f, "{}", self.message)
    }
}

/// The pack could not be read at all (exit code 2 in `check`).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read the pack at {path}: {reason}")]
    Unreadable { path: String, reason: String },
}
