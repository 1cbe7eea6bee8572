//! After the rules: inline suppressions, unused-directive reports and fingerprints (the
//! baseline they are matched against is `crate::baseline`).

use crate::config::{Config, Severity};
use crate::finding::Finding;
use crate::project::ProjectFacts;
// Baselines are their own leaf (config holds one); re-exported for callers of `suppress`.
pub use crate::baseline::{Baseline, BaselineEntry, BASELINE_VERSION};
use crate::paths::Paths;
use crate::rules::{unused_disable, Rule};
use crate::semantic::directives::{Directive, FileDirectives, Scope};
use crate::source::SourceCache;
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

/// The rule that reports suppression comments that suppress nothing.
pub const UNUSED_DISABLE: &str = "unused-disable";

/// Marks findings covered by a directive as suppressed, and returns the directives that
/// covered nothing, each with the rule ids in it that suppressed nothing (`[""]` for a
/// directive without ids; `[]` for a `jwtlint-enable` that ends no block).
pub fn apply_directives<'p>(
    project: &'p ProjectFacts,
    findings: &mut [Finding],
) -> Vec<(&'p Directive, Vec<String>)> {
    let by_file: HashMap<&Arc<PathBuf>, FileDirectives<'p>> = project
        .files
        .iter()
        .filter(|f| !f.directives.is_empty())
        .map(|f| (&f.path, FileDirectives::new(&f.directives)))
        .collect();
    // (directive, rule) pairs that suppressed something.
    let mut used: BTreeSet<(*const Directive, &'static str)> = BTreeSet::new();
    for f in findings.iter_mut() {
        let Some(directives) = by_file.get(&f.loc.path) else {
            continue;
        };
        if let Some(d) = directives.covering(f.rule, f.loc.span.start) {
            f.suppressed = Some(d.reason.clone().unwrap_or_default());
            used.insert((d as *const Directive, f.rule));
        }
    }
    let mut unused = Vec::new();
    for file in &project.files {
        for d in &file.directives {
            let key = d as *const Directive;
            let hit = |rule: &str| {
                used.range((key, "")..)
                    .take_while(|(k, _)| *k == key)
                    .any(|(_, r)| rule.is_empty() || *r == rule)
            };
            let missing: Vec<String> = match d.scope {
                Scope::Enable => continue,
                _ if d.rules.is_empty() => {
                    if hit("") {
                        continue;
                    }
                    vec![String::new()]
                }
                _ => d.rules.iter().filter(|r| !hit(r)).cloned().collect(),
            };
            if !missing.is_empty() {
                unused.push((d, missing));
            }
        }
        if let Some(fd) = by_file.get(&file.path) {
            unused.extend(fd.stray_enables().iter().map(|d| (*d, Vec::new())));
        }
    }
    unused
}

/// `unused-disable` findings for directives that suppress nothing, when that rule is among
/// `rules` (at its default level; see [`unused_levels`]).
pub fn unused_findings(
    unused: &[(&Directive, Vec<String>)],
    rules: &[&'static dyn Rule],
) -> Vec<Finding> {
    if !rules.iter().any(|r| r.meta().id == UNUSED_DISABLE) {
        return Vec::new();
    }
    let active: Vec<&str> = rules.iter().map(|r| r.meta().id).collect();
    unused_disable::findings(unused, &active)
}

/// Levels of `unused-disable` findings from the configuration, per path. Where the
/// configuration leaves the rule off, `--report-unused-disables` or `--rule unused-disable`
/// turn it on at its default level.
pub fn unused_levels(config: &Config, findings: &mut Vec<Finding>) {
    let forced =
        config.report_unused_disables || config.only_rules.iter().any(|r| r == UNUSED_DISABLE);
    findings.retain_mut(
        |f| match config.settings.severity(&unused_disable::META, &f.loc.path) {
            Severity::On(level) => {
                f.level = level;
                true
            }
            Severity::Off => forced,
        },
    );
}

/// FNV-1a: a stable hash (std's hasher may change between Rust releases).
fn fnv1a(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in data {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Sets each finding's fingerprint: rule, path relative to the repository root, the flagged
/// code with white space removed, and which occurrence of that code it is. Moving code up or
/// down, editing elsewhere, or scanning from another folder keeps it.
pub fn fingerprint(findings: &mut [Finding], paths: &Paths, cache: &mut SourceCache) {
    let mut seen: HashMap<(String, &'static str, u64), usize> = HashMap::new();
    for f in findings.iter_mut() {
        let code: String = cache
            .get(&f.loc.path)
            .and_then(|s| s.text.get(f.loc.span.start_byte..f.loc.span.end_byte))
            .map(|t| t.chars().filter(|c| !c.is_whitespace()).take(400).collect())
            .unwrap_or_default();
        let path = paths.for_tools(&f.loc.path);
        let h = fnv1a(format!("{}\0{}\0{}", f.rule, path, code).as_bytes());
        let n = seen.entry((path, f.rule, h)).or_insert(0);
        *n += 1;
        f.fingerprint = format!("{h:016x}:{n}");
    }
}
