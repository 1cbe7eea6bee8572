//! `--format gitlab`: a GitLab Code Quality report (a JSON array of Code Climate issues),
//! shown in merge request widgets. Paths are relative to the repository root.
//!
//! Severity: error → `critical`, warning → `major`, note → `minor`. The fingerprint is the
//! finding's own (stable across edits elsewhere) hashed with its rule and path, so it is
//! unique within the report and stable between pipelines.

use super::Report;
use crate::finding::{Finding, Level};
use serde_json::{json, Value};

fn severity(level: Level) -> &'static str {
    match level {
        Level::Error => "critical",
        Level::Warning => "major",
        Level::Note => "minor",
    }
}

/// 128 bits of FNV-1a (two 64-bit lanes), as GitLab expects an MD5-sized hex string.
fn hex_digest(data: &str) -> String {
    let lane = |seed: u64| {
        let mut h = seed;
        for b in data.bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h
    };
    format!(
        "{:016x}{:016x}",
        lane(0xcbf2_9ce4_8422_2325),
        lane(0x6c62_272e_07bb_0142)
    )
}

fn issue(f: &Finding, report: &Report) -> Value {
    let path = report.paths.for_tools(&f.loc.path);
    let mut description = f.message.clone();
    if !f.help.is_empty() {
        description.push_str(" — ");
        description.push_str(&f.help);
    }
    json!({
        "type": "issue",
        "check_name": f.rule,
        "description": description,
        "categories": ["Security"],
        "severity": severity(f.level),
        "fingerprint": hex_digest(&format!("{}\0{}\0{}", f.rule, path, f.fingerprint)),
        "location": {
            "path": path,
            "lines": { "begin": f.loc.span.start.line, "end": f.loc.span.end.line },
        },
    })
}

pub fn render(report: &Report) -> String {
    let issues: Vec<Value> = report
        .findings
        .iter()
        .filter(|f| f.suppressed.is_none())
        .map(|f| issue(f, report))
        .collect();
    let mut out = serde_json::to_string_pretty(&issues).unwrap_or_default();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_is_stable_and_md5_sized() {
        let a = hex_digest("missing-algorithms\0src/a.js\0abc:1");
        assert_eq!(a.len(), 32);
        assert_eq!(a, hex_digest("missing-algorithms\0src/a.js\0abc:1"));
        assert_ne!(a, hex_digest("missing-algorithms\0src/a.js\0abc:2"));
    }
}
