//! `--format junit`: JUnit XML for CI systems that show test reports (GitLab, Jenkins,
//! Azure Pipelines). One test suite; a test case per finding (a `<failure>`), per file that
//! could not be analysed (an `<error>`) and per suppressed finding (`<skipped>`); a run
//! with none of these has one passing test case. Paths are relative to the repository root.

use super::Report;
use super::{counts, plural};
use crate::finding::NoteKind;

/// Escapes text for XML attributes; characters XML 1.0 does not allow become `?`.
fn xml(s: &str) -> String {
    escape(s, true)
}

/// Escapes element content (quotes may stay as they are there).
fn xml_text(s: &str) -> String {
    escape(s, false)
}

fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&apos;"),
            '\n' | '\t' | '\r' => out.push(c),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('?'),
            c => out.push(c),
        }
    }
    out
}

pub fn render(report: &Report) -> String {
    let paths = &report.paths;
    let mut cases = String::new();
    let (mut failures, mut errors, mut skipped, mut tests) = (0, 0, 0, 0);
    for f in &report.findings {
        let path = paths.for_tools(&f.loc.path);
        let at = format!("{}:{}", f.loc.span.start.line, f.loc.span.start.column);
        tests += 1;
        cases.push_str(&format!(
            "    <testcase classname=\"{}\" name=\"{} at {at}\" file=\"{}\" line=\"{}\">\n",
            xml(&path),
            xml(f.rule),
            xml(&path),
            f.loc.span.start.line
        ));
        match &f.suppressed {
            Some(reason) => {
                skipped += 1;
                let why = if reason.is_empty() {
                    "suppressed by a jwtlint-disable comment".to_string()
                } else {
                    format!("suppressed by a jwtlint-disable comment: {reason}")
                };
                cases.push_str(&format!("      <skipped message=\"{}\"/>\n", xml(&why)));
            }
            None => {
                failures += 1;
                let mut body = format!(
                    "{path}:{at}: {} [{}] {}\nhelp: {}",
                    f.level, f.rule, f.message, f.help
                );
                for r in &f.related {
                    body.push_str(&format!(
                        "\nsee {}:{}:{}: {}",
                        paths.for_tools(&r.loc.path),
                        r.loc.span.start.line,
                        r.loc.span.start.column,
                        r.message
                    ));
                }
                cases.push_str(&format!(
                    "      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                    f.level,
                    xml(&f.message),
                    xml_text(&body)
                ));
            }
        }
        cases.push_str("    </testcase>\n");
    }
    let mut partial = String::new();
    for n in &report.notes {
        let path = paths.for_tools(&n.path);
        match n.kind {
            NoteKind::Skipped | NoteKind::Internal => {
                tests += 1;
                errors += 1;
                cases.push_str(&format!(
                    "    <testcase classname=\"{}\" name=\"could not analyse this file\" file=\"{}\">\n      <error message=\"{}\"/>\n    </testcase>\n",
                    xml(&path),
                    xml(&path),
                    xml(super::note_reason(n))
                ));
            }
            NoteKind::Warning => partial.push_str(&format!("{path}: {}\n", n.message)),
        }
    }
    if tests == 0 {
        tests = 1;
        cases.push_str(&format!(
            "    <testcase classname=\"jwtlint\" name=\"no problems found in {}\"/>\n",
            plural(report.files_scanned, "file")
        ));
    }
    let c = counts(&report.findings);
    debug_assert_eq!(c.total(), failures);
    let totals = format!(
        "tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"{skipped}\""
    );
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!("<testsuites name=\"jwtlint\" {totals}>\n"));
    out.push_str(&format!("  <testsuite name=\"jwtlint\" {totals}>\n"));
    out.push_str(&cases);
    if !partial.is_empty() {
        out.push_str(&format!(
            "    <system-err>Files analysed in part:\n{}</system-err>\n",
            xml_text(&partial)
        ));
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(xml("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;?");
        assert_eq!(xml_text("'a' \"b\" <c>"), "'a' \"b\" &lt;c&gt;");
    }
}
