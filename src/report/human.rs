//! The human report: a miette snippet per finding and a summary line.

use super::Report;
use super::{counts, plural, SourceCache};
use crate::finding::{Finding, Level};
use crate::fix::Safety;
use crate::source::Source;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, MietteError,
    MietteSpanContents, Severity, SourceCode, SourceSpan, SpanContents,
};

/// Lines longer than this are shown as a piece around the finding (minified code).
const MAX_LINE: usize = 300;
/// Bytes of a long line shown on each side of the finding.
const CLIP: usize = 100;
/// Related places further than this many lines from the finding are named in the help
/// instead of drawn.
const MAX_GAP: u32 = 20;

/// The part of a file a snippet shows: a few lines, or a piece of one long line, with its
/// position in the file, so that drawing a finding costs the size of the snippet and not
/// of the file (a per-finding copy of a 1 MB minified file is quadratic).
struct Window {
    name: String,
    text: String,
    /// Byte offset of `text` in the file.
    start: usize,
    /// 0-based line and column of `text`'s start.
    line: usize,
    column: usize,
}

impl Window {
    fn new(name: String, src: &Source, from: usize, to: usize) -> Window {
        let first = src.pos(from).line;
        let last = src.pos(to).line;
        let range = src.line_range(first.saturating_sub(1).max(1)).start
            ..src.line_range((last + 1).min(src.line_count())).end;
        let long = (first.saturating_sub(1).max(1)..=(last + 1).min(src.line_count()))
            .any(|l| src.line_range(l).len() > MAX_LINE);
        let (start, end) = if long {
            let line = src.line_range(first);
            let start = from.saturating_sub(CLIP).max(line.start);
            let end = (to.min(from + MAX_LINE) + CLIP).min(src.line_range(last).end);
            (floor(&src.text, start), floor(&src.text, end.max(start)))
        } else {
            (range.start, range.end.max(range.start))
        };
        let at = src.pos(start);
        // Lone CRs end lines here, as everywhere else in jwtlint (miette counts LFs only);
        // the replacement keeps byte offsets.
        let text = sanitize(&src.text[start..end]);
        let bytes = text.as_bytes();
        let text: String = text
            .char_indices()
            .map(|(i, c)| {
                if c == '\r' && bytes.get(i + 1) != Some(&b'\n') {
                    '\n'
                } else {
                    c
                }
            })
            .collect();
        Window {
            name,
            text,
            start,
            line: at.line as usize - 1,
            column: at.column as usize - 1,
        }
    }

    /// A file span as a span of the window, if the window shows it.
    fn span(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let stop = self.start + self.text.len();
        (start >= self.start && start <= stop)
            .then(|| (start - self.start, end.min(stop).saturating_sub(start)))
    }
}

/// A help line naming a related place that is not drawn.
fn see(paths: &super::paths::Paths, r: &crate::finding::Related) -> String {
    format!(
        "\nsee {}:{}:{}: {}",
        paths.for_terminal(&r.loc.path),
        r.loc.span.start.line,
        r.loc.span.start.column,
        sanitize(&r.message)
    )
}

fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.as_str().read_span(span, before, after)?;
        let column = if inner.line() == 0 {
            inner.column() + self.column
        } else {
            inner.column()
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line() + self.line,
            column,
            inner.line_count(),
        )))
    }
}

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
    let snippet = previous.is_none_or(|p| p.loc != f.loc);
    let paths = &report.paths;
    let mut help = sanitize(&f.help);
    help.push_str(&fix_line(f));
    let mut drawn = Vec::new();
    let near = |r: &crate::finding::Related| {
        r.loc.path == f.loc.path && r.loc.span.start.line.abs_diff(f.loc.span.start.line) <= MAX_GAP
    };
    for r in &f.related {
        if near(r) {
            drawn.push(r);
        } else {
            help.push_str(&see(paths, r));
        }
    }
    let name = format!(
        "{}:{}:{}",
        paths.for_terminal(&f.loc.path),
        f.loc.span.start.line,
        f.loc.span.start.column
    );
    let mut out = String::new();
    if !snippet {
        // Same place as the finding above: its message and help, under the same snippet;
        // its related places when they differ from the ones shown.
        let mut help = sanitize(&f.help);
        help.push_str(&fix_line(f));
        if previous.is_some_and(|p| p.related != f.related) {
            for r in &f.related {
                help.push_str(&see(paths, r));
            }
        }
        let diag = MietteDiagnostic::new(format!(
            "{}{} (same place as above)",
            fix_mark(f),
            sanitize(&f.message)
        ))
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
    let diag = MietteDiagnostic::new(format!("{}{}", fix_mark(f), sanitize(&f.message)))
        .with_code(f.rule)
        .with_severity(severity(f.level))
        .with_help(help);
    let rendered = match cache.get(&f.loc.path) {
        Some(src) if f.loc.span.end_byte <= src.text.len() => {
            let from = drawn
                .iter()
                .map(|r| r.loc.span.start_byte)
                .fold(f.loc.span.start_byte, usize::min);
            let to = drawn
                .iter()
                .map(|r| r.loc.span.end_byte)
                .fold(f.loc.span.end_byte, usize::max)
                .min(src.text.len());
            let window = Window::new(paths.for_terminal(&f.loc.path), src, from, to);
            let mut labels = Vec::new();
            if let Some(s) = window.span(f.loc.span.start_byte, f.loc.span.end_byte) {
                labels.push(LabeledSpan::new_primary_with_span(None, s));
            }
            for r in &drawn {
                if let Some(s) = window.span(r.loc.span.start_byte, r.loc.span.end_byte) {
                    labels.push(LabeledSpan::new_with_span(Some(sanitize(&r.message)), s));
                }
            }
            let report = miette::Report::new(diag.with_labels(labels)).with_source_code(window);
            handler.render_report(&mut out, report.as_ref()).is_ok()
        }
        _ => false,
    };
    if !rendered {
        // The file changed or vanished since analysis: fall back to one plain line.
        out = format!(
            "{name}: {} [{}] {}{}\n  help: {}{}\n",
            f.level,
            f.rule,
            fix_mark(f),
            sanitize(&f.message),
            sanitize(&f.help),
            fix_line(f)
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
    // Paths, rule ids and flags hold hyphens and slashes: lines break at spaces only, never
    // inside a word (`src/user-module.ts:382` must stay copyable, `--unsafe-fixes` one flag;
    // a word longer than the line overflows it).
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_word_separator(textwrap::WordSeparator::AsciiSpace)
        .with_word_splitter(textwrap::WordSplitter::NoHyphenation)
        .with_break_words(false)
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
    if let Some(line) = fixable(report) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// `[*] ` before the message of a finding `--fix` fixes (as ruff marks them).
fn fix_mark(f: &Finding) -> &'static str {
    match &f.fix {
        Some(x) if x.safety == Safety::Safe => "[*] ",
        _ => "",
    }
}

/// The fix a finding offers, after its help.
fn fix_line(f: &Finding) -> String {
    match &f.fix {
        Some(x) => {
            let how = match x.safety {
                Safety::Safe => "--fix",
                Safety::Unsafe => "--fix --unsafe-fixes",
            };
            format!(
                "\nfix ({}): {} (`jwtlint {how}`)",
                x.safety.as_str(),
                sanitize(&x.title)
            )
        }
        None => String::new(),
    }
}

/// "2 fixable with --fix (1 more with --unsafe-fixes)." — `None` when nothing is.
pub fn fixable(report: &Report) -> Option<String> {
    let (mut safe, mut unsafe_) = (0, 0);
    for f in report.findings.iter().filter(|f| f.suppressed.is_none()) {
        match f.fix.as_ref().map(|x| x.safety) {
            Some(Safety::Safe) => safe += 1,
            Some(Safety::Unsafe) => unsafe_ += 1,
            None => {}
        }
    }
    match (safe, unsafe_) {
        (0, 0) => None,
        (s, 0) => Some(format!("{s} fixable with --fix.")),
        (0, u) => Some(format!("{u} fixable with --fix --unsafe-fixes.")),
        (s, u) => Some(format!(
            "{s} fixable with --fix ({u} more with --unsafe-fixes)."
        )),
    }
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
