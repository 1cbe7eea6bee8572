//! The human report: a miette snippet per finding and a summary line.

use super::{counts, display_path, SourceCache};
use crate::finding::{Finding, Level};
use crate::Report;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource, Severity,
};

/// Control characters from scanned source never reach the terminal raw. Replacements keep
/// the byte length, so spans stay valid.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' | '\t' | '\r' => c.to_string(),
            c if c.is_control() => "?".repeat(c.len_utf8()),
            c => c.to_string(),
        })
        .collect()
}

fn severity(level: Level) -> Severity {
    match level {
        Level::Error => Severity::Error,
        Level::Warning => Severity::Warning,
        Level::Note => Severity::Advice,
    }
}

fn render_one(f: &Finding, handler: &GraphicalReportHandler, cache: &mut SourceCache) -> String {
    let mut help = sanitize(&f.help);
    let mut labels = Vec::new();
    let len = f.loc.span.end_byte.saturating_sub(f.loc.span.start_byte);
    labels.push(LabeledSpan::new_primary_with_span(
        None,
        (f.loc.span.start_byte, len),
    ));
    for r in &f.related {
        if r.loc.path == f.loc.path {
            let rlen = r.loc.span.end_byte.saturating_sub(r.loc.span.start_byte);
            labels.push(LabeledSpan::new_with_span(
                Some(sanitize(&r.message)),
                (r.loc.span.start_byte, rlen),
            ));
        } else {
            help.push_str(&format!(
                "\nsee {}:{}:{}: {}",
                display_path(&r.loc.path),
                r.loc.span.start.line,
                r.loc.span.start.column,
                sanitize(&r.message)
            ));
        }
    }
    let diag = MietteDiagnostic::new(sanitize(&f.message))
        .with_code(f.rule)
        .with_severity(severity(f.level))
        .with_help(help)
        .with_labels(labels);
    let name = format!(
        "{}:{}:{}",
        display_path(&f.loc.path),
        f.loc.span.start.line,
        f.loc.span.start.column
    );
    let mut out = String::new();
    let rendered = match cache.get(&f.loc.path) {
        Some(src) => {
            let report = miette::Report::new(diag).with_source_code(NamedSource::new(
                display_path(&f.loc.path),
                sanitize(&src.text),
            ));
            handler.render_report(&mut out, report.as_ref()).is_ok()
        }
        None => false,
    };
    if !rendered {
        // The file changed or vanished since analysis: fall back to one plain line.
        out = format!(
            "{name}: {} [{}] {}\n  help: {}\n",
            f.level,
            f.rule,
            sanitize(&f.message),
            sanitize(&f.help)
        );
    }
    out
}

pub fn render(report: &Report, color: bool, cache: &mut SourceCache) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_context_lines(1);
    let mut out = String::new();
    for f in report.findings.iter().filter(|f| f.suppressed.is_none()) {
        out.push_str(&render_one(f, &handler, cache));
        out.push('\n');
    }
    out.push_str(&summary(report));
    out.push('\n');
    out
}

/// "3 problems (2 errors, 1 warning) in 12 files." — deterministic, no timing.
pub fn summary(report: &Report) -> String {
    let c = counts(&report.findings);
    let total = c.errors + c.warnings + c.notes;
    let files = plural(report.files_scanned, "file");
    if total == 0 {
        return format!("No problems found in {files}.");
    }
    let mut parts = vec![plural(c.errors, "error"), plural(c.warnings, "warning")];
    if c.notes > 0 {
        parts.push(plural(c.notes, "note"));
    }
    format!(
        "{} ({}) in {files}.",
        plural(total, "problem"),
        parts.join(", ")
    )
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
