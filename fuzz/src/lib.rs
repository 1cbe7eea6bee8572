//! Shared pieces of the fuzz targets: running the engine the way the CLI does, checking
//! the invariants every report must keep, and rendering every report format.
//!
//! A broken invariant panics, and libFuzzer records the input as a crash.

use jwtlint::config::{Config, Settings};
use jwtlint::finding::{Finding, Loc};
use jwtlint::report::{self, Format, SourceCache};
use jwtlint::Report;
use std::path::{Path, PathBuf};

/// The extensions the first byte of a `pipeline` input chooses between: every grammar,
/// and the module-kind variants that change how imports are read.
pub const EXTENSIONS: [&str; 6] = ["js", "jsx", "ts", "tsx", "mjs", "cts"];

/// The file name a selector byte stands for.
pub fn file_name(selector: u8) -> PathBuf {
    PathBuf::from(format!(
        "input.{}",
        EXTENSIONS[selector as usize % EXTENSIONS.len()]
    ))
}

/// Lints one in-memory file as `jwtlint --stdin-filename PATH` would: the whole
/// per-file pipeline, suppressions and fingerprints included.
pub fn lint_text(path: &Path, text: String, settings: Settings, report_unused: bool) -> Report {
    let config = Config {
        stdin: Some((path.to_path_buf(), text)),
        threads: 1,
        settings,
        report_unused_disables: report_unused,
        ..Config::default()
    };
    match jwtlint::run(&config) {
        Ok(report) => report,
        Err(e) => panic!("a run over standard input failed: {e}"),
    }
}

/// A cache that knows the in-memory sources of a report (standard input); files on disk
/// are read on demand, exactly as the CLI does.
pub fn cache_for(report: &Report) -> SourceCache {
    let mut cache = SourceCache::default();
    for s in &report.sources {
        cache.insert(jwtlint::source::Source::new(s.path.clone(), s.text.clone()));
    }
    cache
}

fn check_loc(loc: &Loc, what: &str, rule: &str, cache: &mut SourceCache) {
    let span = loc.span;
    assert!(
        span.start_byte <= span.end_byte,
        "{rule}: {what} span ends before it starts: {span:?}"
    );
    assert!(
        span.start.line >= 1 && span.start.column >= 1 && span.end.line >= 1,
        "{rule}: {what} position is not 1-based: {span:?}"
    );
    let Some(src) = cache.get(&loc.path) else {
        return;
    };
    let text = &src.text;
    assert!(
        span.end_byte <= text.len(),
        "{rule}: {what} span {}..{} is past the end of {} ({} bytes)",
        span.start_byte,
        span.end_byte,
        loc.path.display(),
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start_byte) && text.is_char_boundary(span.end_byte),
        "{rule}: {what} span {}..{} cuts a character in {}",
        span.start_byte,
        span.end_byte,
        loc.path.display()
    );
    let expected = src.span(span.start_byte, span.end_byte);
    assert_eq!(
        (expected.start, expected.end),
        (span.start, span.end),
        "{rule}: {what} line/column disagree with the byte offsets"
    );
}

/// Checks what every finding of every run must satisfy: spans inside their file, on
/// character boundaries, with line/column matching the byte offsets; non-empty messages.
pub fn check_report(report: &Report, cache: &mut SourceCache) {
    for f in &report.findings {
        check_finding(f, cache);
    }
    let mut sorted = report.findings.clone();
    sorted.sort();
    assert!(sorted == report.findings, "findings are not sorted");
}

fn check_finding(f: &Finding, cache: &mut SourceCache) {
    assert!(!f.message.trim().is_empty(), "{}: empty message", f.rule);
    assert!(!f.help.trim().is_empty(), "{}: empty help", f.rule);
    assert!(
        !f.fingerprint.is_empty(),
        "{}: finding without a fingerprint",
        f.rule
    );
    check_loc(&f.loc, "primary", f.rule, cache);
    for r in &f.related {
        assert!(
            !r.message.trim().is_empty(),
            "{}: related location without a message",
            f.rule
        );
        check_loc(&r.loc, "related", f.rule, cache);
    }
}

/// Renders a report in every format (human with and without colour, narrow and wide).
/// The JSON-based reporters fall back to an empty string when serialisation fails, so
/// their output must not be empty.
pub fn render_all(report: &Report, cache: &mut SourceCache) {
    for format in Format::ALL {
        let variants: &[(bool, usize)] = if format == Format::Human {
            &[(false, 100), (true, 20)]
        } else {
            &[(false, 100)]
        };
        for &(color, width) in variants {
            let out = report::render(
                report,
                format,
                color,
                width,
                cache,
                jwtlint::rules::catalog(),
            );
            assert!(
                !out.trim().is_empty(),
                "the {} report is empty",
                format.name()
            );
        }
    }
    let _ = report::human::summary(report);
}

/// Lints, checks and renders one in-memory file.
pub fn lint_and_render(path: &Path, text: String, settings: Settings, report_unused: bool) {
    let report = lint_text(path, text, settings, report_unused);
    let mut cache = cache_for(&report);
    check_report(&report, &mut cache);
    render_all(&report, &mut cache);
}
