//! The human report: a miette snippet per finding and a summary line.

use super::{counts, plural, SourceCache};
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

/// One finding; `snippet: false` for a finding at the same place as the one before it,
/// whose snippet is already on screen.
fn render_one(
    f: &Finding,
    report: &Report,
    handler: &GraphicalReportHandler,
    cache: &mut SourceCache,
    previous: Option<&Finding>,
) -> String {
    // A finding at the same place as the one before it: its snippet is already on screen.
    let snippet = !previous.is_some_and(|p| p.loc == f.loc);
    let paths = &report.paths;
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
                paths.for_people(&r.loc.path),
                r.loc.span.start.line,
                r.loc.span.start.column,
                sanitize(&r.message)
            ));
        }
    }
    let name = format!(
        "{}:{}:{}",
        paths.for_people(&f.loc.path),
        f.loc.span.start.line,
        f.loc.span.start.column
    );
    let mut out = String::new();
    if !snippet {
        // Same place as the finding above: its message and help, under the same snippet;
        // its related places when they differ from the ones shown.
        let mut help = sanitize(&f.help);
        if previous.is_some_and(|p| p.related != f.related) {
            for r in &f.related {
                help.push_str(&format!(
                    "\nsee {}:{}:{}: {}",
                    paths.for_people(&r.loc.path),
                    r.loc.span.start.line,
                    r.loc.span.start.column,
                    sanitize(&r.message)
                ));
            }
        }
        let diag = MietteDiagnostic::new(format!("{} (same place as above)", sanitize(&f.message)))
            .with_code(f.rule)
            .with_severity(severity(f.level))
            .with_help(help);
        if handler
            .render_report(&mut out, &diag as &dyn miette::Diagnostic)
            .is_ok()
        {
            return out;
        }
        out.clear();
    }
    let diag = MietteDiagnostic::new(sanitize(&f.message))
        .with_code(f.rule)
        .with_severity(severity(f.level))
        .with_help(help)
        .with_labels(labels);
    let rendered = match cache.get(&f.loc.path) {
        Some(src) => {
            let report = miette::Report::new(diag).with_source_code(NamedSource::new(
                paths.for_people(&f.loc.path),
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

/// The human report: findings in order (one snippet per place, however many rules flag
/// it), then the summary. `width`: the terminal's columns (or a fixed width off a terminal,
/// so piped output does not depend on the window).
pub fn render(report: &Report, color: bool, width: usize, cache: &mut SourceCache) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_context_lines(1);
    let mut out = String::new();
    let mut previous: Option<&Finding> = None;
    for f in report.findings.iter().filter(|f| f.suppressed.is_none()) {
        out.push_str(&render_one(f, report, &handler, cache, previous));
        out.push('\n');
        previous = Some(f);
    }
    out.push_str(&summary(report));
    out.push('\n');
    out
}

/// "3 problems (2 errors, 1 warning) in 2 files; 12 files checked." — deterministic, no
/// timing. Findings and files are counted apart; what `--quiet` hid is said.
pub fn summary(report: &Report) -> String {
    let c = counts(&report.findings);
    let checked = plural(report.files_scanned, "file");
    let mut out = if c.total() == 0 && report.hidden_by_quiet > 0 {
        format!("No errors found in {checked}")
    } else if c.total() == 0 {
        format!("No problems found in {checked}")
    } else {
        let mut parts = vec![plural(c.errors, "error"), plural(c.warnings, "warning")];
        if c.notes > 0 {
            parts.push(plural(c.notes, "note"));
        }
        format!(
            "{} ({}) in {}; {checked} checked",
            plural(c.total(), "problem"),
            parts.join(", "),
            plural(c.files, "file"),
        )
    };
    if report.hidden_by_quiet > 0 {
        out.push_str(&format!(
            " ({} below error level hidden by --quiet)",
            plural(report.hidden_by_quiet, "finding")
        ));
    }
    out.push('.');
    out
}
