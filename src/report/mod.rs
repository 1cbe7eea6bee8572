//! Reporters: turn a `Report` into bytes. Every format is sorted and deterministic;
//! only the human summary's timing (printed on stderr) varies between runs.

pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

// Report paths are a leaf (`crate::paths`): suppression and baselines use them too.
pub use crate::paths;

use crate::catalog::RuleMeta;
use crate::finding::{FileNote, Finding, Level};
use crate::paths::Paths;
use crate::source::Source;
// The snippet cache is shared with suppression (fingerprints), so it lives in `source`.
pub use crate::source::SourceCache;
use std::path::Path;
use std::time::Duration;

/// The outcome of a run, ready for a reporter.
#[derive(Debug)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub notes: Vec<FileNote>,
    pub files_scanned: usize,
    pub bytes_scanned: u64,
    pub elapsed: Duration,
    /// The working directory and the repository root, which report paths are relative to
    /// (DESIGN.md §5 "Paths").
    pub paths: Paths,
    /// Findings left out because the baseline holds them.
    pub baselined: usize,
    /// Warnings and notes left out by `--quiet` (the caller filters; reports say so).
    pub hidden_by_quiet: usize,
    /// Sources that exist only in memory (standard input), for snippets.
    pub sources: Vec<Source>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
    Gitlab,
    Junit,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Human,
        Format::Json,
        Format::Sarif,
        Format::Github,
        Format::Gitlab,
        Format::Junit,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Github => "github",
            Format::Gitlab => "gitlab",
            Format::Junit => "junit",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == s)
    }
}

/// What a run found, counted: findings by level (suppressed ones apart) and the files
/// they are in. Files scanned are `Report::files_scanned`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    /// Findings an inline `jwtlint-disable` comment suppresses (not in the counts above).
    pub suppressed: usize,
    /// Files with at least one unsuppressed finding.
    pub files: usize,
}

impl Counts {
    /// Unsuppressed findings.
    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.notes
    }
}

pub fn counts(findings: &[Finding]) -> Counts {
    let mut c = Counts::default();
    let mut files = std::collections::BTreeSet::new();
    for f in findings {
        if f.suppressed.is_some() {
            c.suppressed += 1;
            continue;
        }
        files.insert(&f.loc.path);
        match f.level {
            Level::Error => c.errors += 1,
            Level::Warning => c.warnings += 1,
            Level::Note => c.notes += 1,
        }
    }
    c.files = files.len();
    c
}

/// A path as walked (as the engine holds it), with `/` separators. Reports convert paths
/// with `paths::Paths` instead (DESIGN.md §5 "Paths").
pub fn display_path(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// Why a file could not be analysed, without the `skipped: ` the note's kind already says.
pub fn note_reason(n: &crate::finding::FileNote) -> &str {
    n.message.strip_prefix("skipped: ").unwrap_or(&n.message)
}

/// "1 warning", "2 warnings".
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Renders a report in one format.
/// `color` and `width` (columns) apply to the human format only; `catalog` (every rule's
/// metadata, `rules::catalog()`) to SARIF's rule descriptions.
pub fn render(
    report: &Report,
    format: Format,
    color: bool,
    width: usize,
    cache: &mut SourceCache,
    catalog: &[&'static RuleMeta],
) -> String {
    match format {
        Format::Human => human::render(report, color, width, cache),
        Format::Json => json::render(report, cache),
        Format::Sarif => sarif::render(report, catalog, cache),
        Format::Github => github::render(report),
        Format::Gitlab => gitlab::render(report),
        Format::Junit => junit::render(report),
    }
}
