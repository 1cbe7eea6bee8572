//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning (DESIGN.md §6).

use super::paths::Paths;
use super::Report;
use super::SourceCache;
use crate::catalog::RuleMeta;
use crate::finding::Finding;
use crate::finding::{FileNote, Level, Loc, NoteKind};
use serde_json::json;
use serde_sarif::sarif::{
    ArtifactChange, ArtifactContent, ArtifactLocation, Fix as SarifFix, Invocation, Location,
    Message, MultiformatMessageString, Notification, PhysicalLocation, PropertyBag, Region,
    Replacement, ReportingConfiguration, ReportingDescriptor, Result as SarifResult, ResultLevel,
    Run, Sarif, Suppression, Tool, ToolComponent,
};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
pub const INFORMATION_URI: &str = "https://github.com/jwtlint/jwtlint";
const SRCROOT: &str = "%SRCROOT%";

/// Percent-encodes a path for a URI reference (RFC 3986 path characters stay as they are).
pub fn encode_uri_path(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    for b in p.bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'/'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'='
            | b':'
            | b'@' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn level(l: Level) -> ResultLevel {
    match l {
        Level::Error => ResultLevel::Error,
        Level::Warning => ResultLevel::Warning,
        Level::Note => ResultLevel::Note,
    }
}

fn text(s: &str) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(s).build()
}

/// The first paragraph under `## What it does`.
fn what_it_does(meta: &RuleMeta) -> String {
    let body = meta.body();
    let Some(start) = body.find("## What it does") else {
        return meta.summary().to_string();
    };
    let rest = &body[start..];
    let rest = rest.split_once('\n').map_or("", |(_, r)| r);
    let para = rest.trim_start().split("\n\n").next().unwrap_or("");
    para.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn descriptor(meta: &RuleMeta) -> ReportingDescriptor {
    let h = meta.header();
    // A rule without security weight (unused-disable) is about maintainability.
    let security = !h.cwe.is_empty() || h.security_severity > 0.0;
    let mut tags = vec![if security {
        "security"
    } else {
        "maintainability"
    }
    .to_string()];
    tags.extend(h.cwe.iter().map(|c| format!("external/cwe/cwe-{c}")));
    let mut extra = BTreeMap::new();
    if security {
        extra.insert(
            "security-severity".to_string(),
            json!(format!("{:.1}", h.security_severity)),
        );
    }
    extra.insert("precision".to_string(), json!(h.precision));
    ReportingDescriptor::builder()
        .id(meta.id)
        .name(meta.id)
        .short_description(text(&h.summary))
        .full_description(text(&what_it_does(meta)))
        .help(
            MultiformatMessageString::builder()
                .text(format!(
                    "{}\n\nRun `jwtlint explain {}` for details.",
                    h.summary, meta.id
                ))
                .markdown(meta.body())
                .build(),
        )
        .help_uri(format!("{INFORMATION_URI}/blob/main/rules/{}.md", meta.id))
        .default_configuration(
            ReportingConfiguration::builder()
                .level(json!(meta.level().as_str()))
                .enabled(h.enabled)
                .build(),
        )
        .properties(
            PropertyBag::builder()
                .tags(tags)
                .additional_properties(extra)
                .build(),
        )
        .build()
}

/// A file's artifact location: relative to `%SRCROOT%` (the repository root), or an
/// absolute `file:` URI for a file outside the repository.
fn artifact(path: &Path, paths: &Paths) -> ArtifactLocation {
    match paths.in_repo(path) {
        Some(rel) => ArtifactLocation::builder()
            .uri(encode_uri_path(&rel))
            .uri_base_id(SRCROOT)
            .build(),
        None => ArtifactLocation::builder()
            .uri(file_uri(&paths.for_tools(path), false))
            .build(),
    }
}

fn location(loc: &Loc, paths: &Paths, message: Option<&str>) -> Location {
    let s = &loc.span;
    let region = Region::builder()
        .start_line(s.start.line as i64)
        .start_column(s.start.column as i64)
        .end_line(s.end.line as i64)
        .end_column(s.end.column as i64)
        .build();
    let physical = PhysicalLocation::builder()
        .artifact_location(artifact(&loc.path, paths))
        .region(region)
        .build();
    match message {
        Some(m) => Location::builder()
            .physical_location(physical)
            .message(Message::builder().text(m).build())
            .build(),
        None => Location::builder().physical_location(physical).build(),
    }
}

fn notification(n: &FileNote, paths: &Paths) -> Notification {
    let lvl = match n.kind {
        NoteKind::Internal => "error",
        NoteKind::Skipped => "warning",
        NoteKind::Warning => "note",
    };
    let loc = Location::builder()
        .physical_location(
            PhysicalLocation::builder()
                .artifact_location(artifact(&n.path, paths))
                .build(),
        )
        .build();
    Notification::builder()
        .message(Message::builder().text(&n.message).build())
        .level(json!(lvl))
        .locations(vec![loc])
        .build()
}

/// A `file:` URI for an absolute path written with `/` (`C:/x` on Windows).
fn file_uri(abs: &str, folder: bool) -> String {
    let mut p = encode_uri_path(abs);
    if !p.starts_with('/') {
        p.insert(0, '/');
    }
    if folder && !p.ends_with('/') {
        p.push('/');
    }
    format!("file://{p}")
}

fn root_uri(root: &Path) -> String {
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    file_uri(&root.to_string_lossy().replace('\\', "/"), true)
}

/// A finding's fix as SARIF `fixes`, when it applies to the file as it is.
fn fixes(f: &Finding, paths: &Paths, cache: &mut SourceCache) -> Option<Vec<SarifFix>> {
    let x = f.fix.as_ref()?;
    let edits = crate::fix::placed(x, cache.get(&f.loc.path)?)?;
    let replacements: Vec<Replacement> = edits
        .iter()
        .map(|e| {
            let region = Region::builder()
                .start_line(e.start.line as i64)
                .start_column(e.start.column as i64)
                .end_line(e.end.line as i64)
                .end_column(e.end.column as i64)
                .build();
            let base = Replacement::builder().deleted_region(region);
            if e.edit.text.is_empty() {
                base.build()
            } else {
                base.inserted_content(ArtifactContent::builder().text(&e.edit.text).build())
                    .build()
            }
        })
        .collect();
    let change = ArtifactChange::builder()
        .artifact_location(artifact(&f.loc.path, paths))
        .replacements(replacements)
        .build();
    Some(vec![SarifFix::builder()
        .description(
            Message::builder()
                .text(format!("{} ({} fix)", x.title, x.safety.as_str()))
                .build(),
        )
        .artifact_changes(vec![change])
        .build()])
}

/// `catalog`: every rule, described in `tool.driver.rules` (the caller passes
/// `rules::catalog()`).
pub fn render(report: &Report, catalog: &[&'static RuleMeta], cache: &mut SourceCache) -> String {
    let paths = &report.paths;
    let rules: Vec<ReportingDescriptor> = catalog.iter().map(|m| descriptor(m)).collect();
    let index: HashMap<&str, usize> = catalog.iter().enumerate().map(|(i, m)| (m.id, i)).collect();
    let results: Vec<SarifResult> = report
        .findings
        .iter()
        .map(|f| {
            let mut fp = BTreeMap::new();
            fp.insert("jwtlint/v1".to_string(), f.fingerprint.clone());
            let related: Vec<Location> = f
                .related
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let mut l = location(&r.loc, paths, Some(&r.message));
                    l.id = Some(i as i64);
                    l
                })
                .collect();
            let base = SarifResult::builder()
                .rule_id(f.rule)
                .rule_index(index.get(f.rule).copied().unwrap_or(rules.len() - 1) as i64)
                .level(level(f.level))
                .message(
                    Message::builder()
                        .text(format!("{} — {}", f.message, f.help))
                        .build(),
                )
                .locations(vec![location(&f.loc, paths, None)])
                .partial_fingerprints(fp);
            let mut result = if related.is_empty() {
                base.build()
            } else {
                base.related_locations(related).build()
            };
            result.fixes = fixes(f, paths, cache);
            if let Some(reason) = &f.suppressed {
                result.suppressions = Some(vec![Suppression::builder()
                    .kind(json!("inSource"))
                    .justification(reason.clone())
                    .build()]);
            }
            result
        })
        .collect();
    let notifications: Vec<Notification> = report
        .notes
        .iter()
        .map(|n| notification(n, paths))
        .collect();
    let invocation = Invocation::builder()
        .execution_successful(true)
        .tool_execution_notifications(notifications)
        .build();
    let mut bases = BTreeMap::new();
    bases.insert(
        SRCROOT.to_string(),
        ArtifactLocation::builder()
            .uri(root_uri(paths.root()))
            .build(),
    );
    let driver = ToolComponent::builder()
        .name("jwtlint")
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .version(env!("CARGO_PKG_VERSION"))
        .information_uri(INFORMATION_URI)
        .rules(rules)
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .results(results)
        .invocations(vec![invocation])
        .original_uri_base_ids(bases)
        .column_kind(json!("utf16CodeUnits"))
        .build();
    let sarif = Sarif::builder()
        .schema(SCHEMA)
        .version(json!("2.1.0"))
        .runs(vec![run])
        .build();
    let mut out = serde_json::to_string_pretty(&sarif).unwrap_or_default();
    out.push('\n');
    out
}
