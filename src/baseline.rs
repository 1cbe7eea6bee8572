//! Baselines: the fingerprints of findings accepted for now, so CI fails on new ones only
//! (`--baseline`, `--write-baseline`). Fingerprints themselves are made in `suppress`.

use crate::finding::Finding;
use crate::paths::Paths;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;

/// The baseline file format. Version 2: paths (and the fingerprints hashed from them) are
/// relative to the repository root; version 1 had them relative to the scanned folder.
pub const BASELINE_VERSION: u32 = 2;

/// A baseline file: the fingerprints of findings accepted for now.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<BaselineEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct BaselineEntry {
    pub rule: String,
    pub path: String,
    pub fingerprint: String,
}

impl Baseline {
    /// The unsuppressed findings, with paths relative to the repository root, so a
    /// baseline written by `jwtlint .` holds when `jwtlint src` runs (and the reverse).
    pub fn of(findings: &[Finding], paths: &Paths) -> Baseline {
        let mut entries: Vec<BaselineEntry> = findings
            .iter()
            .filter(|f| f.suppressed.is_none())
            .map(|f| BaselineEntry {
                rule: f.rule.to_string(),
                path: paths.for_tools(&f.loc.path),
                fingerprint: f.fingerprint.clone(),
            })
            .collect();
        entries.sort();
        entries.dedup();
        Baseline {
            version: BASELINE_VERSION,
            findings: entries,
        }
    }

    pub fn read(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read the baseline: {e}", path.display()))?;
        let b: Baseline = serde_json::from_str(&text)
            .map_err(|e| format!("{}: not a jwtlint baseline: {e}", path.display()))?;
        if b.version == 1 {
            return Err(format!(
                "{}: this baseline was written by an earlier jwtlint, with paths relative to the scanned folder; record it again with `--write-baseline {}`",
                path.display(),
                path.display()
            ));
        }
        if b.version != BASELINE_VERSION {
            return Err(format!(
                "{}: baseline version {} is not supported (this jwtlint reads version {BASELINE_VERSION})",
                path.display(),
                b.version
            ));
        }
        Ok(b)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// Removes the findings the baseline holds; returns how many.
    pub fn filter(&self, findings: &mut Vec<Finding>, paths: &Paths) -> usize {
        let known: BTreeSet<(&str, String, &str)> = self
            .findings
            .iter()
            .map(|e| (e.rule.as_str(), e.path.clone(), e.fingerprint.as_str()))
            .collect();
        let before = findings.len();
        findings.retain(|f| {
            f.suppressed.is_some()
                || !known.contains(&(f.rule, paths.for_tools(&f.loc.path), f.fingerprint.as_str()))
        });
        before - findings.len()
    }
}
