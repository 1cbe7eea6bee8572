//! What the engine reports: findings, their locations, and per-file problems.

use serde::Serialize;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// How serious a finding is. Ordered so that `Error > Warning > Note`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Note,
    Warning,
    Error,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Note => "note",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "note" => Some(Level::Note),
            "warning" | "warn" => Some(Level::Warning),
            "error" => Some(Level::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A 1-based line and a 1-based column counted in UTF-16 code units, the unit
/// editors, ESLint and GitHub code scanning use.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

/// A region of one source file: byte offsets (for snippets) and positions (for people).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start_byte: usize,
    pub end_byte: usize,
    pub start: Pos,
    pub end: Pos,
}

/// A span in a file known to the run. Files are identified by their path as walked.
#[derive(Debug, Clone, Eq, PartialOrd, Ord)]
pub struct Loc {
    pub path: Arc<PathBuf>,
    pub span: Span,
}

// Locations of one file share its path's `Arc`: comparing the pointer first spares a walk
// over the path's components, which linking does for every argument it matches.
impl PartialEq for Loc {
    fn eq(&self, other: &Loc) -> bool {
        self.span == other.span && (Arc::ptr_eq(&self.path, &other.path) || self.path == other.path)
    }
}

// By content, as equality is.
impl std::hash::Hash for Loc {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.path.hash(state);
        self.span.hash(state);
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Related {
    pub loc: Loc,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    pub loc: Loc,
    pub rule: &'static str,
    pub level: Level,
    pub message: String,
    pub help: String,
    pub related: Vec<Related>,
    /// Set when an inline comment suppresses the finding (to the reason given, possibly
    /// empty); kept so SARIF can report it.
    pub suppressed: Option<String>,
    /// Stable across edits elsewhere in the file (see `fingerprint`); set by the engine.
    pub fingerprint: String,
    /// What the rule proposes to change (`--fix`, `--diff`, the language server's quick fix).
    pub fix: Option<Fix>,
}

/// A problem with one file (unreadable, binary, too large, not UTF-8, parse trouble).
/// It never aborts the run; reports list it beside the findings.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct FileNote {
    pub path: PathBuf,
    pub kind: NoteKind,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoteKind {
    /// The file was not analysed at all.
    Skipped,
    /// The file was analysed, but something about it is worth knowing.
    Warning,
    /// A bug in jwtlint stopped the analysis of this file (a caught panic); the run went
    /// on, and exits 2 because its report is incomplete.
    Internal,
}

// Fixes (`crate::fix` renders and applies them; see there).

/// Whether a fix may be applied without asking (ruff's distinction): a safe fix cannot break
/// code that works today for the project's own tokens; an unsafe one may change behaviour
/// (a cookie no longer readable by scripts, tokens that now expire).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Safety {
    Safe,
    Unsafe,
}

impl Safety {
    pub fn as_str(self) -> &'static str {
        match self {
            Safety::Safe => "safe",
            Safety::Unsafe => "unsafe",
        }
    }
}

/// A fix a rule offers for one finding. Every edit is in the finding's file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fix {
    /// What the fix does, for people: "Add `algorithms: ['HS256']`".
    pub title: String,
    pub safety: Safety,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn safe(title: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix {
            title: title.into(),
            safety: Safety::Safe,
            edits,
        }
    }

    /// A fix that is safe when every sign of the project was read: with test files left out
    /// of the walk (the default), a test may sign with what the fix stops accepting, so it is
    /// unsafe and says why.
    pub fn safe_unless_tests_unread(
        tests_unread: bool,
        title: impl Into<String>,
        edits: Vec<Edit>,
    ) -> Fix {
        if tests_unread {
            let title = format!(
                "{} (tests were not read: safe with --include-tests)",
                title.into()
            );
            Fix::unsafe_(title, edits)
        } else {
            Fix::safe(title, edits)
        }
    }

    pub fn unsafe_(title: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix {
            title: title.into(),
            safety: Safety::Unsafe,
            edits,
        }
    }

    /// Whether the fix is applied under the given mode (`--fix`, with `--unsafe-fixes`).
    pub fn applies(&self, unsafe_fixes: bool) -> bool {
        self.safety == Safety::Safe || unsafe_fixes
    }
}

/// One change, in the facts' terms. `render` turns it into byte edits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Edit {
    /// Adds the properties `props` (`algorithms: ['HS256']`), in order, to the object literal
    /// written at `object`, after its last property `last` (where that property's value
    /// ends; `None` for an empty object). Commas, `{}` and the layout of multi-line objects
    /// (one property a line) follow the text around.
    InsertProperty {
        object: Loc,
        last: Option<Loc>,
        props: Vec<String>,
    },
    /// Removes the property `key` whose value is written at `value` from the object literal
    /// written at `object`, with its comma (and its line, when it has one to itself).
    RemoveProperty {
        object: Loc,
        key: String,
        value: Loc,
    },
    /// Adds the argument `text` right after the argument written at `after`
    /// (`jwt.verify(token, key)` → `jwt.verify(token, key, { … })`).
    AppendArgument { after: Loc, text: String },
    /// Removes the elements at `remove` (indices into `items`) from the array literal written
    /// at `array`, whose elements, in order, are written at `items`. Never all of them.
    RemoveArrayElements {
        array: Loc,
        items: Vec<Loc>,
        remove: Vec<usize>,
    },
    /// Replaces `old`, written at `at`, with `text` (`httpOnly: false` → `true`). A quoted
    /// `old` (`'none'`) matches the string in any of JavaScript's quotes.
    Replace { at: Loc, old: String, text: String },
    /// Calls `text` (`.setExpirationTime('15m')`) in a method chain, right before the call
    /// of `method` whose first argument is written at `arg` (`.sign(key)` in
    /// `new SignJWT(p).setProtectedHeader(h).sign(key)`).
    ChainCallBefore {
        method: String,
        arg: Loc,
        text: String,
    },
}

impl Edit {
    /// The places the edit refers to (all in one file for a fix to render).
    pub fn locs(&self) -> Vec<&Loc> {
        match self {
            Edit::InsertProperty { object, last, .. } => {
                std::iter::once(object).chain(last.iter()).collect()
            }
            Edit::RemoveProperty { object, value, .. } => vec![object, value],
            Edit::AppendArgument { after, .. } => vec![after],
            Edit::RemoveArrayElements { array, items, .. } => {
                std::iter::once(array).chain(items.iter()).collect()
            }
            Edit::Replace { at, .. } => vec![at],
            Edit::ChainCallBefore { arg, .. } => vec![arg],
        }
    }
}

/// A change to one file's text: replace the bytes `start..end` with `text`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct TextEdit {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl TextEdit {
    pub fn new(start: usize, end: usize, text: impl Into<String>) -> TextEdit {
        TextEdit {
            start,
            end,
            text: text.into(),
        }
    }
}
