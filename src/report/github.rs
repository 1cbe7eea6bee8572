//! `--format github`: GitHub Actions workflow commands. One annotation per finding (its
//! related locations in the message), one per file that could not be analysed, and a
//! summary line. Paths are relative to the repository root, as Actions expects.

use super::Report;
use super::{counts, plural};
use crate::finding::{Level, NoteKind};

/// Escapes a command's message (`%`, CR, LF), as the Actions toolkit does.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property, which also may not contain `:` or `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(report: &Report) -> String {
    let paths = &report.paths;
    let mut out = String::new();
    for f in report.findings.iter().filter(|f| f.suppressed.is_none()) {
        let cmd = match f.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "notice",
        };
        let s = &f.loc.span;
        let mut message = format!("{}\n{}", f.message, f.help);
        for r in &f.related {
            message.push_str(&format!(
                "\nsee {}:{}:{}: {}",
                super::paths::escape_controls(&paths.for_tools(&r.loc.path)),
                r.loc.span.start.line,
                r.loc.span.start.column,
                r.message
            ));
        }
        out.push_str(&format!(
            "::{cmd} file={},line={},endLine={},col={},endColumn={},title={}::{}\n",
            escape_property(&super::paths::escape_controls(
                &paths.for_tools(&f.loc.path)
            )),
            s.start.line,
            s.end.line,
            s.start.column,
            s.end.column,
            escape_property(&format!("jwtlint ({})", f.rule)),
            escape_data(&super::human::sanitize(&message)),
        ));
    }
    for n in &report.notes {
        let (cmd, title) = match n.kind {
            NoteKind::Internal => ("error", "jwtlint failed on this file (a bug)"),
            NoteKind::Skipped => ("warning", "jwtlint could not analyse this file"),
            NoteKind::Warning => ("notice", "jwtlint analysed this file in part"),
        };
        out.push_str(&format!(
            "::{cmd} file={},title={}::{}\n",
            escape_property(&super::paths::escape_controls(&paths.for_tools(&n.path))),
            escape_property(title),
            escape_data(&super::human::sanitize(super::note_reason(n))),
        ));
    }
    let c = counts(&report.findings);
    let mut parts = vec![plural(c.errors, "error"), plural(c.warnings, "warning")];
    if c.notes > 0 {
        parts.push(plural(c.notes, "note"));
    }
    let hidden = if report.hidden_by_quiet > 0 {
        format!(
            "; {} below error level hidden by --quiet",
            plural(report.hidden_by_quiet, "finding")
        )
    } else {
        String::new()
    };
    out.push_str(&format!(
        "jwtlint: {} in {} ({} checked){hidden}\n",
        parts.join(", "),
        plural(c.files, "file"),
        plural(report.files_scanned, "file"),
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("50% a\nb\r"), "50%25 a%0Ab%0D");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
