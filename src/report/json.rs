//! `--format json`: findings with positions, per-file problems and a summary.
//!
//! Format version 2 (README "Output formats"): `suppressed` is a boolean with the reason
//! in `suppression_reason`; the summary counts findings and files apart.

use super::counts;
use super::{Report, SourceCache};
use crate::finding::Finding;
use serde_json::{json, Value};

/// The version of the JSON report's shape; changes when a field is renamed or removed.
pub const JSON_VERSION: u32 = 2;

/// A finding's fix, when it applies to the file as it is: its edits in byte offsets and
/// positions (1-based lines, UTF-16 columns, as the finding's).
fn fix(f: &Finding, cache: &mut SourceCache) -> Option<Value> {
    let x = f.fix.as_ref()?;
    let edits = crate::fix::placed(x, cache.get(&f.loc.path)?)?;
    Some(json!({
        "title": x.title,
        "safety": x.safety,
        "edits": edits.iter().map(|e| json!({
            "start_byte": e.edit.start,
            "end_byte": e.edit.end,
            "line": e.start.line,
            "column": e.start.column,
            "end_line": e.end.line,
            "end_column": e.end.column,
            "text": e.edit.text,
        })).collect::<Vec<_>>(),
    }))
}

pub fn render(report: &Report, cache: &mut SourceCache) -> String {
    let paths = &report.paths;
    let findings: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            let mut v = json!({
                "rule": f.rule,
                "level": f.level,
                "path": paths.for_people(&f.loc.path),
                "line": f.loc.span.start.line,
                "column": f.loc.span.start.column,
                "end_line": f.loc.span.end.line,
                "end_column": f.loc.span.end.column,
                "message": f.message,
                "help": f.help,
                "related": f.related.iter().map(|r| json!({
                    "path": paths.for_people(&r.loc.path),
                    "line": r.loc.span.start.line,
                    "column": r.loc.span.start.column,
                    "end_line": r.loc.span.end.line,
                    "end_column": r.loc.span.end.column,
                    "message": r.message,
                })).collect::<Vec<_>>(),
                "fingerprint": f.fingerprint,
                "suppressed": f.suppressed.is_some(),
                "suppression_reason": f.suppressed.as_deref().filter(|r| !r.is_empty()),
            });
            if let (Some(fix), Some(obj)) = (fix(f, cache), v.as_object_mut()) {
                obj.insert("fix".into(), fix);
            }
            v
        })
        .collect();
    let errors: Vec<Value> = report
        .notes
        .iter()
        .map(|n| {
            json!({
                "path": paths.for_people(&n.path),
                "kind": n.kind,
                "message": n.message,
            })
        })
        .collect();
    let c = counts(&report.findings);
    let skipped = report
        .notes
        .iter()
        .filter(|n| n.kind != crate::finding::NoteKind::Warning)
        .count();
    let doc = json!({
        "version": JSON_VERSION,
        "jwtlint_version": env!("CARGO_PKG_VERSION"),
        "findings": findings,
        "errors": errors,
        "summary": {
            "error_findings": c.errors,
            "warning_findings": c.warnings,
            "note_findings": c.notes,
            "suppressed_findings": c.suppressed,
            "baselined_findings": report.baselined,
            "hidden_by_quiet": report.hidden_by_quiet,
            "files_scanned": report.files_scanned,
            "files_with_findings": c.files,
            "files_not_analysed": skipped,
            "bytes_scanned": report.bytes_scanned,
        },
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}
