//! `--format github`: GitHub Actions workflow commands, one annotation per finding.

use super::{counts, display_path};
use crate::finding::Level;
use crate::Report;

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
    let mut out = String::new();
    for f in report.findings.iter().filter(|f| f.suppressed.is_none()) {
        let cmd = match f.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "notice",
        };
        let s = &f.loc.span;
        out.push_str(&format!(
            "::{cmd} file={},line={},endLine={},col={},endColumn={},title={}::{}\n",
            escape_property(&display_path(&f.loc.path)),
            s.start.line,
            s.end.line,
            s.start.column,
            s.end.column,
            escape_property(&format!("jwtlint ({})", f.rule)),
            escape_data(&super::human::sanitize(&format!(
                "{}\n{}",
                f.message, f.help
            ))),
        ));
    }
    let c = counts(&report.findings);
    out.push_str(&format!(
        "jwtlint: {} errors, {} warnings, {} notes in {} files\n",
        c.errors, c.warnings, c.notes, report.files_scanned
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
