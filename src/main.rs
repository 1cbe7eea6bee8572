//! The `jwtlint` command: parse arguments, run the engine, print, map to an exit code.

use clap::{Args, Parser, Subcommand, ValueEnum};
use jwtlint::config::{Config, Progress, ProgressHook, Settings};
use jwtlint::finding::{Level, NoteKind};
use jwtlint::report::{self, Format, SourceCache};
use jwtlint::rules::ALL_RULES;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "jwtlint",
    version,
    about = "Find JWT security mistakes in JavaScript and TypeScript projects",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    lint: LintArgs,
}

#[derive(Subcommand)]
enum Command {
    /// List the rules with their level, whether they are on by default, and a summary.
    Rules {
        #[arg(long, value_enum, default_value = "human")]
        format: ListFormat,
    },
    /// Print a rule's documentation.
    Explain {
        /// Rule id, e.g. missing-algorithms.
        id: String,
    },
    /// Write a commented jwtlint.toml in the current folder.
    Init,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Human,
    Json,
    Sarif,
    /// GitHub Actions workflow commands (annotations on pull requests).
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Args)]
struct LintArgs {
    /// Files and folders to lint (default: the current folder).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(short, long, value_enum, default_value = "human")]
    format: FormatArg,
    /// Write the report to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Configuration file (default: the nearest jwtlint.toml upward from the first path).
    #[arg(short, long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Read the source to lint from standard input, as if it were the file NAME.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<PathBuf>,
    /// Leave out findings recorded in this baseline file (CI then fails on new ones only).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current findings in a baseline file, and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    write_baseline: Option<PathBuf>,
    /// Report jwtlint-disable comments that suppress nothing.
    #[arg(long)]
    report_unused_disables: bool,
    /// Run only this rule (repeatable).
    #[arg(long = "rule", value_name = "ID")]
    rules: Vec<String>,
    /// Turn this rule off (repeatable).
    #[arg(long = "disable", value_name = "ID")]
    disable: Vec<String>,
    /// Fail (exit 1) when there are more than N warnings.
    #[arg(long, value_name = "N")]
    max_warnings: Option<usize>,
    /// Report errors only.
    #[arg(short, long)]
    quiet: bool,
    /// When to use colour in the human report (NO_COLOR and FORCE_COLOR are honoured).
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorArg,
    /// Worker threads (0: one per core).
    #[arg(long, default_value_t = 0, value_name = "N")]
    threads: usize,
    /// Lint everything: ignore .gitignore/.ignore/.jwtlintignore and the built-in excludes.
    #[arg(long)]
    no_ignore: bool,
    /// Also lint tests (`test/`, `__tests__/`, `*.test.ts`, `*.spec.js`, ...), skipped by default.
    #[arg(long)]
    include_tests: bool,
    /// Parse every file, even those that mention no JWT library or browser storage
    /// (for checking the prefilter; findings are the same).
    #[arg(long, hide = true)]
    no_prefilter: bool,
    /// Milliseconds a file may take to parse, per 256 KiB of source (a parse over it is
    /// abandoned with a note; some broken inputs make the parser run away).
    #[arg(long, value_name = "MS", default_value_t = jwtlint::parse::DEFAULT_TIMEOUT.as_millis() as u64)]
    parse_timeout: u64,
    /// Skip files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = jwtlint::source::DEFAULT_MAX_FILE_SIZE)]
    max_file_size: u64,
}

fn use_color(arg: ColorArg, to_file: bool) -> bool {
    match arg {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            if to_file || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
                false
            } else if std::env::var_os("FORCE_COLOR").is_some_and(|v| !v.is_empty() && v != "0") {
                true
            } else {
                std::io::stdout().is_terminal()
            }
        }
    }
}

/// Colour for messages on stderr: `--color`, then NO_COLOR / FORCE_COLOR, then whether
/// stderr is a terminal.
fn stderr_color(arg: ColorArg) -> bool {
    match arg {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
                false
            } else if std::env::var_os("FORCE_COLOR").is_some_and(|v| !v.is_empty() && v != "0") {
                true
            } else {
                std::io::stderr().is_terminal()
            }
        }
    }
}

fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("jwtlint: error: {msg}");
    ExitCode::from(2)
}

fn write_out(text: &str, output: Option<&PathBuf>) -> Result<(), String> {
    match output {
        Some(p) => {
            std::fs::write(p, text).map_err(|e| format!("cannot write {}: {e}", p.display()))
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|_| out.flush())
                .or_else(|e| {
                    // A closed pipe (`jwtlint . | head`) is not an error worth reporting.
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        Ok(())
                    } else {
                        Err(e)
                    }
                })
                .map_err(|e| format!("cannot write the report: {e}"))
        }
    }
}

fn list_rules(format: ListFormat) -> ExitCode {
    let text = match format {
        ListFormat::Json => {
            let rules: Vec<serde_json::Value> = ALL_RULES
                .iter()
                .map(|r| {
                    let m = r.meta();
                    let h = m.header();
                    serde_json::json!({
                        "id": m.id,
                        "level": m.level(),
                        "enabled": h.enabled,
                        "summary": h.summary,
                        "cwe": h.cwe,
                        "libraries": h.libraries,
                    })
                })
                .collect();
            serde_json::to_string_pretty(&rules).unwrap_or_default() + "\n"
        }
        ListFormat::Human => {
            let width = ALL_RULES
                .iter()
                .map(|r| r.meta().id.len())
                .max()
                .unwrap_or(0);
            let mut s = String::new();
            for r in ALL_RULES {
                let m = r.meta();
                let on = if m.header().enabled { "on " } else { "off" };
                s.push_str(&format!(
                    "{:width$}  {:7}  {on}  {}\n",
                    m.id,
                    m.level().as_str(),
                    m.summary()
                ));
            }
            s
        }
    };
    match write_out(&text, None) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

fn explain(id: &str) -> ExitCode {
    let Some(rule) = jwtlint::rules::find(id) else {
        return fail(format!("unknown rule `{id}` (see `jwtlint rules`)"));
    };
    let m = rule.meta();
    let h = m.header();
    let cwe: Vec<String> = h.cwe.iter().map(|c| format!("CWE-{c}")).collect();
    let head = format!(
        "{} ({}, {} by default{}{})\n\n",
        m.id,
        m.level(),
        if h.enabled { "on" } else { "off" },
        if cwe.is_empty() { "" } else { ", " },
        cwe.join(", ")
    );
    match write_out(&(head + m.body()), None) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

/// Per-file notes on stderr: every skipped file; warnings (partial parses, bad UTF-8) one by
/// one while they are few, else counted, since a large TSX code base can have hundreds.
fn print_notes(notes: &[jwtlint::finding::FileNote]) {
    const MAX_WARNINGS_LISTED: usize = 5;
    let warnings: Vec<_> = notes
        .iter()
        .filter(|n| n.kind == NoteKind::Warning)
        .collect();
    for n in notes {
        let what = match n.kind {
            NoteKind::Skipped => "skipped",
            NoteKind::Warning if warnings.len() <= MAX_WARNINGS_LISTED => "warning",
            NoteKind::Warning => continue,
        };
        eprintln!(
            "jwtlint: {what}: {}: {}",
            report::display_path(&n.path),
            report::human::sanitize(&n.message)
        );
    }
    if warnings.len() > MAX_WARNINGS_LISTED {
        eprintln!(
            "jwtlint: {} files were analysed only in part (syntax the parser does not know, or bad UTF-8), e.g. {}: {}; `--format json` lists them all",
            warnings.len(),
            report::display_path(&warnings[0].path),
            report::human::sanitize(&warnings[0].message)
        );
    }
}

fn init() -> ExitCode {
    let path = PathBuf::from(jwtlint::config::CONFIG_FILE);
    if path.exists() {
        return fail(format!(
            "{} already exists; not overwriting it",
            path.display()
        ));
    }
    match std::fs::write(&path, jwtlint::config::template()) {
        Ok(()) => {
            eprintln!("Created {}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => fail(format!("cannot write {}: {e}", path.display())),
    }
}

/// A progress bar on stderr for scans that take more than a second, on a terminal only.
fn progress_hook(format: Format) -> Option<ProgressHook> {
    let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false");
    if format != Format::Human || ci || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::hidden();
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} linting {pos}/{len} files {wide_bar} {eta}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let started = std::time::Instant::now();
    // How long a scan runs before the bar appears (an environment knob for tests).
    let delay_ms: u128 = std::env::var("JWTLINT_PROGRESS_DELAY_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let shown = std::sync::atomic::AtomicBool::new(false);
    Some(std::sync::Arc::new(move |p: Progress| match p {
        Progress::Start(n) => bar.set_length(n as u64),
        Progress::File => {
            bar.inc(1);
            if started.elapsed().as_millis() >= delay_ms
                && !shown.swap(true, std::sync::atomic::Ordering::Relaxed)
            {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
        }
        Progress::Done => bar.finish_and_clear(),
    }))
}

fn lint(args: LintArgs) -> ExitCode {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let format = match args.format {
        FormatArg::Human => Format::Human,
        FormatArg::Json => Format::Json,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Github => Format::Github,
    };
    // Standard input, linted as the file it names.
    let stdin = match &args.stdin_filename {
        Some(name) => {
            let mut bytes = Vec::new();
            if let Err(e) = std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes) {
                return fail(format!("cannot read standard input: {e}"));
            }
            let text = String::from_utf8_lossy(&bytes).into_owned();
            Some((name.clone(), text))
        }
        None => None,
    };
    let config_start = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| paths[0].clone());
    let settings_file = match &args.config {
        Some(c) if !c.is_file() => {
            return fail(format!("{}: no such configuration file", c.display()))
        }
        Some(c) => Some(c.clone()),
        None => jwtlint::config::discover(&config_start),
    };
    let settings = match settings_file {
        Some(f) => match Settings::load(&f) {
            Ok(s) => s,
            Err(e) => {
                // The offending line with a caret under the spot (miette).
                eprintln!("jwtlint: error: {}", e.render(stderr_color(args.color)));
                return ExitCode::from(2);
            }
        },
        None => Settings::default(),
    };
    let baseline = match &args.baseline {
        Some(b) => match jwtlint::suppress::Baseline::read(b) {
            Ok(b) => Some(b),
            Err(e) => return fail(e),
        },
        None => None,
    };
    let config = Config {
        paths,
        threads: args.threads,
        max_file_size: args.max_file_size,
        no_ignore: args.no_ignore,
        include_tests: args.include_tests,
        prefilter: !args.no_prefilter,
        only_rules: args.rules.clone(),
        disabled_rules: args.disable.clone(),
        settings,
        progress: progress_hook(format),
        stdin,
        baseline,
        report_unused_disables: args.report_unused_disables,
        parse_limits: jwtlint::parse::Limits {
            timeout: std::time::Duration::from_millis(args.parse_timeout.max(1)),
            ..Default::default()
        },
    };
    let mut report = match jwtlint::run(&config) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    if args.quiet {
        report.findings.retain(|f| f.level == Level::Error);
    }
    let color = format == Format::Human && use_color(args.color, args.output.is_some());
    let mut cache = SourceCache::default();
    for s in &report.sources {
        cache.insert(jwtlint::source::Source::new(s.path.clone(), s.text.clone()));
    }
    let text = report::render(&report, format, color, &mut cache);
    if format == Format::Human {
        print_notes(&report.notes);
        eprintln!(
            "Checked {} ({:.1} KiB) in {:.2}s",
            if report.files_scanned == 1 {
                "1 file".to_string()
            } else {
                format!("{} files", report.files_scanned)
            },
            report.bytes_scanned as f64 / 1024.0,
            report.elapsed.as_secs_f64()
        );
    }
    if let Err(e) = write_out(&text, args.output.as_ref()) {
        return fail(e);
    }
    if report.baselined > 0 && format == Format::Human {
        eprintln!(
            "{} findings recorded in the baseline were left out",
            report.baselined
        );
    }
    if let Some(path) = &args.write_baseline {
        let b = jwtlint::suppress::Baseline::of(&report.findings, &report.root);
        if let Err(e) = std::fs::write(path, b.to_json()) {
            return fail(format!("cannot write {}: {e}", path.display()));
        }
        eprintln!(
            "Wrote {} findings to the baseline {}",
            b.findings.len(),
            path.display()
        );
        return ExitCode::SUCCESS;
    }
    let c = report::counts(&report.findings);
    let too_many_warnings = args.max_warnings.is_some_and(|max| c.warnings > max);
    if c.errors > 0 || too_many_warnings {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Rules { format }) => list_rules(format),
        Some(Command::Explain { id }) => explain(&id),
        Some(Command::Init) => init(),
        None => lint(cli.lint),
    }
}
