//! Reporters: turn a `Report` into bytes. Every format is sorted and deterministic;
//! only the human summary's timing (printed on stderr) varies between runs.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use crate::finding::{Finding, Level};
use crate::source::Source;
use crate::Report;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
}

pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

pub fn counts(findings: &[Finding]) -> Counts {
    let live = findings.iter().filter(|f| f.suppressed.is_none());
    let mut c = Counts {
        errors: 0,
        warnings: 0,
        notes: 0,
    };
    for f in live {
        match f.level {
            Level::Error => c.errors += 1,
            Level::Warning => c.warnings += 1,
            Level::Note => c.notes += 1,
        }
    }
    c
}

/// A path for people: as walked, with `/` separators.
pub fn display_path(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// A path relative to the report root, for SARIF (`%SRCROOT%`-relative, no `./`).
pub fn root_relative(p: &Path, root: &Path) -> String {
    let rel = p.strip_prefix(root).unwrap_or(p);
    let s = display_path(rel);
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// Lazily re-reads the files that have findings, for snippets and fingerprints.
/// Reading is lossy exactly like analysis was, so byte offsets agree.
#[derive(Default)]
pub struct SourceCache {
    files: BTreeMap<PathBuf, Option<Source>>,
}

impl SourceCache {
    pub fn get(&mut self, path: &Path) -> Option<&Source> {
        self.files
            .entry(path.to_path_buf())
            .or_insert_with(|| {
                let bytes = std::fs::read(path).ok()?;
                Some(Source::new(
                    path.to_path_buf(),
                    String::from_utf8_lossy(&bytes).into_owned(),
                ))
            })
            .as_ref()
    }

    /// Seeds the cache with a source held in memory (standard input).
    pub fn insert(&mut self, src: Source) {
        self.files.insert(src.path.clone(), Some(src));
    }
}

/// Renders a report in one format.
pub fn render(report: &Report, format: Format, color: bool, cache: &mut SourceCache) -> String {
    match format {
        Format::Human => human::render(report, color, cache),
        Format::Json => json::render(report),
        Format::Sarif => sarif::render(report),
        Format::Github => github::render(report),
    }
}
