//! `--format json`: findings with positions, plus per-file errors and a summary.

use super::{counts, display_path};
use crate::Report;
use serde_json::{json, Value};

pub fn render(report: &Report) -> String {
    let findings: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            let mut v = json!({
                "rule": f.rule,
                "level": f.level,
                "path": display_path(&f.loc.path),
                "line": f.loc.span.start.line,
                "column": f.loc.span.start.column,
                "end_line": f.loc.span.end.line,
                "end_column": f.loc.span.end.column,
                "message": f.message,
                "help": f.help,
                "related": f.related.iter().map(|r| json!({
                    "path": display_path(&r.loc.path),
                    "line": r.loc.span.start.line,
                    "column": r.loc.span.start.column,
                    "end_line": r.loc.span.end.line,
                    "end_column": r.loc.span.end.column,
                    "message": r.message,
                })).collect::<Vec<_>>(),
            });
            if let Some(reason) = &f.suppressed {
                v["suppressed"] = json!(reason);
            }
            v
        })
        .collect();
    let errors: Vec<Value> = report
        .notes
        .iter()
        .map(|n| {
            json!({
                "path": display_path(&n.path),
                "kind": n.kind,
                "message": n.message,
            })
        })
        .collect();
    let c = counts(&report.findings);
    let doc = json!({
        "version": env!("CARGO_PKG_VERSION"),
        "findings": findings,
        "errors": errors,
        "summary": {
            "files": report.files_scanned,
            "bytes": report.bytes_scanned,
            "errors": c.errors,
            "warnings": c.warnings,
            "notes": c.notes,
        },
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}
